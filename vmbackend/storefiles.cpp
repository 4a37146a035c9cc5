#include "storefiles.h"

#include "storeownwrites.h"
#include "storepath.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QIODevice>

#include <cerrno>
#include <dirent.h>
#include <fcntl.h>
#include <sys/xattr.h>
#include <unistd.h>

namespace {

constexpr qint64 ChunkBytes = 1 << 20;

/// Closes a file descriptor when it goes out of scope.
struct Fd
{
    explicit Fd(int fd = -1) : fd(fd) {}
    ~Fd() { reset(); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    void reset(int other = -1)
    {
        if (fd >= 0)
            ::close(fd);
        fd = other;
    }
    int release()
    {
        const int kept = fd;
        fd = -1;
        return kept;
    }
    int fd;
};

} // namespace

bool StoreFiles::writeAll(int fd, const char *data, qint64 size)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size_t(size));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        data += n;
        size -= n;
    }
    return true;
}

StoreFiles::StoreFiles(const QString &root)
{
    // The root is the person's choice and may be a link: resolved once, here.
    char resolved[PATH_MAX];
    if (::realpath(StorePath::toBytes(root).constData(), resolved))
        m_root = StorePath::fromBytes(QByteArray(resolved));
}

int StoreFiles::openParent(const QByteArray &relative, bool create, const QString &actor, QByteArray *name) const
{
    Fd dir(::open(StorePath::toBytes(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (m_root.isEmpty() || dir.fd < 0)
        return -1;
    const QList<QByteArray> parts = relative.split('/');
    QByteArray walked;
    for (int i = 0; i + 1 < parts.size(); ++i) {
        const QByteArray &part = parts.at(i);
        walked += (walked.isEmpty() ? QByteArray() : QByteArray("/")) + part;
        struct stat st;
        if (create && ::fstatat(dir.fd, part.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT) {
            // A folder the appliance removed comes back; Tessera made it, so it is not blamed.
            const QString path = absolute(StorePath::fromBytes(walked));
            StoreOwnWrites::instance()->begin(path, actor, StoreOwnWrites::Appeared);
            const bool made = ::mkdirat(dir.fd, part.constData(), 0700) == 0;
            StoreOwnWrites::instance()->settle(path, made ? std::optional(StoreOwnWrites::Identity::ofPath(path)) : std::nullopt);
        }
        const int next = ::openat(dir.fd, part.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0)
            return -1;
        dir.reset(next);
    }
    *name = parts.constLast();
    return dir.release();
}

bool StoreFiles::write(const QString &relative, QIODevice *content, const WriteOptions &options, QString *error, QString *hash) const
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    if (!StorePath::isValidRelative(relative))
        return fail(tr("%1 is not a file of the personal store.").arg(StorePath::display(relative)));
    QByteArray name;
    Fd dir(openParent(StorePath::toBytes(relative), true, options.actor, &name));
    if (dir.fd < 0)
        return fail(tr("%1 was not written: a folder on its way is a link or could not be created. Check the folder, then try again.")
                        .arg(StorePath::display(relative)));
    StoreOwnWrites *ledger = StoreOwnWrites::instance();
    const QString target = absolute(relative);
    // A free staging name, created exclusively: whatever a guest planted there stays untouched.
    Fd out;
    QByteArray staging;
    QString stagingPath;
    for (int attempt = 0; attempt < 10 && out.fd < 0; ++attempt) {
        staging = name + StagingSuffix + (attempt ? "-" + QByteArray::number(attempt) : QByteArray());
        stagingPath = target + StorePath::fromBytes(staging.mid(name.size()));
        ledger->begin(stagingPath, options.actor, StoreOwnWrites::Written | StoreOwnWrites::Gone);
        out.reset(::openat(dir.fd, staging.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (out.fd < 0) {
            const int failure = errno;
            ledger->settle(stagingPath, std::nullopt);
            if (failure != EEXIST)
                break;
        }
    }
    if (out.fd < 0)
        return fail(tr("%1 was not written: its folder is not writable, or its staging names are all taken. Check the folder, then try again.")
                        .arg(StorePath::display(relative)));
    ledger->begin(target, options.actor, StoreOwnWrites::Appeared);
    auto abandon = [&](const QString &message) {
        out.reset();
        ::unlinkat(dir.fd, staging.constData(), 0);
        ledger->settle(stagingPath, StoreOwnWrites::Identity::ofPath(stagingPath));
        ledger->settle(target, std::nullopt);
        return fail(message);
    };
    const QString diskFull = tr("%1 was not written. Check that the disk is not full.").arg(StorePath::display(relative));
    if (::fchmod(out.fd, mode_t(options.mode < 0 ? DefaultMode : options.mode & 0777)) != 0)
        return abandon(diskFull);
    QCryptographicHash sha(QCryptographicHash::Sha256);
    while (!content->atEnd()) {
        const QByteArray chunk = content->read(ChunkBytes);
        if (chunk.isEmpty())
            break;
        sha.addData(chunk);
        if (!writeAll(out.fd, chunk.constData(), chunk.size()))
            return abandon(diskFull);
    }
    if (!options.attributeName.isEmpty())
        ::fsetxattr(out.fd, options.attributeName.constData(), options.attributeValue.constData(), size_t(options.attributeValue.size()), 0);
    struct stat written;
    if (::fsync(out.fd) != 0 || ::fstat(out.fd, &written) != 0)
        return abandon(diskFull);
    out.reset();
    if (::renameat(dir.fd, staging.constData(), dir.fd, name.constData()) != 0)
        return abandon(diskFull);
    ::fsync(dir.fd);
    ledger->settle(stagingPath, StoreOwnWrites::Identity::absent());
    // What is there now is what was written, unless someone changed it in between (then it is
    // not vouched for, and its events are someone else's).
    struct stat now;
    const bool same = ::fstatat(dir.fd, name.constData(), &now, AT_SYMLINK_NOFOLLOW) == 0 && now.st_ino == written.st_ino
        && now.st_dev == written.st_dev && now.st_size == written.st_size && now.st_mtim.tv_sec == written.st_mtim.tv_sec
        && now.st_mtim.tv_nsec == written.st_mtim.tv_nsec;
    const QString writtenHash = QString::fromLatin1(sha.result().toHex());
    ledger->settle(target, same ? std::optional(StoreOwnWrites::Identity::of(now)) : std::nullopt, writtenHash);
    if (hash)
        *hash = writtenHash;
    return true;
}

bool StoreFiles::remove(const QString &relative, const QString &actor, QString *error) const
{
    if (!StorePath::isValidRelative(relative)) {
        if (error)
            *error = tr("%1 is not a file of the personal store.").arg(StorePath::display(relative));
        return false;
    }
    QByteArray name;
    Fd dir(openParent(StorePath::toBytes(relative), false, actor, &name));
    if (dir.fd < 0 && errno == ENOENT)
        return true; // its folder is gone: so is the file
    if (dir.fd < 0) {
        if (error)
            *error = tr("%1 was not removed: a folder on its way is a link. Remove it by hand if you want it gone.").arg(StorePath::display(relative));
        return false;
    }
    struct stat st;
    if (::fstatat(dir.fd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return true;
    const QString target = absolute(relative);
    StoreOwnWrites::instance()->begin(target, actor, StoreOwnWrites::Gone);
    if (S_ISDIR(st.st_mode) || ::unlinkat(dir.fd, name.constData(), 0) != 0) {
        StoreOwnWrites::instance()->settle(target, std::nullopt);
        if (error)
            *error = tr("%1 could not be removed. Check its permissions.").arg(StorePath::display(relative));
        return false;
    }
    ::fsync(dir.fd);
    StoreOwnWrites::instance()->settle(target, StoreOwnWrites::Identity::absent());
    return true;
}

int StoreFiles::openForReading(const QString &relative, struct stat *st) const
{
    if (!StorePath::isValidRelative(relative)) {
        errno = EINVAL;
        return -1;
    }
    QByteArray name;
    Fd dir(openParent(StorePath::toBytes(relative), false, QString(), &name));
    if (dir.fd < 0)
        return -1;
    // O_NONBLOCK: a FIFO planted in the store must not hang the reader.
    Fd file(::openat(dir.fd, name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | O_NOCTTY));
    struct stat info;
    if (file.fd < 0 || ::fstat(file.fd, &info) != 0)
        return -1;
    if (!S_ISREG(info.st_mode)) {
        errno = EINVAL;
        return -1;
    }
    ::fcntl(file.fd, F_SETFL, ::fcntl(file.fd, F_GETFL) & ~O_NONBLOCK);
    if (st)
        *st = info;
    return file.release();
}

bool StoreFiles::stat(const QString &relative, struct stat *st) const
{
    if (!StorePath::isValidRelative(relative))
        return false;
    QByteArray name;
    Fd dir(openParent(StorePath::toBytes(relative), false, QString(), &name));
    struct stat info;
    if (dir.fd < 0 || ::fstatat(dir.fd, name.constData(), &info, AT_SYMLINK_NOFOLLOW) != 0)
        return false;
    if (st)
        *st = info;
    return true;
}

bool StoreFiles::list(const QString &absoluteFolder, QList<Entry> *entries)
{
    const int fd = ::open(StorePath::toBytes(absoluteFolder).constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        ::close(fd);
        return false;
    }
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name == "." || name == "..")
            continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN) {
            struct stat st;
            if (::fstatat(::dirfd(dir), entry->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0)
                continue;
            type = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : DT_LNK;
        }
        entries->append({StorePath::fromBytes(name), type == DT_DIR, type == DT_REG});
    }
    ::closedir(dir);
    return true;
}
