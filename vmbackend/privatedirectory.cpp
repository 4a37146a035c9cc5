#include "privatedirectory.h"

#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <utility>

namespace {

constexpr mode_t PrivateMode = 0700;
constexpr mode_t WritableByOthers = S_IWGRP | S_IWOTH;

QString systemError(int error)
{
    return qt_error_string(error);
}

QByteArray encoded(const QString &path)
{
    return QFile::encodeName(path);
}

enum class Last { Private, MayBeSticky };

// The descriptor of the folder at the canonical path @p canonical, reached from "/" one
// component at a time without following a link, each folder checked on the way. The last
// folder may be sticky (/tmp) when the caller then opens and checks an entry of its own in it.
int openSafeChain(const QByteArray &canonical, Last lastRule, QString *unsafe, QString *error)
{
    // O_PATH: folders on the way may be searchable only (0711), not readable.
    int fd = ::open("/", O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        *error = systemError(errno);
        return -1;
    }
    QByteArray walked;
    const QList<QByteArray> components = canonical.split('/');
    for (qsizetype i = 0;; ++i) {
        struct stat status {};
        if (::fstat(fd, &status) < 0) {
            *error = systemError(errno);
            ::close(fd);
            return -1;
        }
        const bool last = i >= components.size() - 1;
        const bool ownerTrusted = status.st_uid == 0 || status.st_uid == ::geteuid();
        // Others may add entries to a sticky folder (/tmp), but not rename or remove ours.
        const bool stickyAllowed = !last || lastRule == Last::MayBeSticky;
        const bool othersMayChange = (status.st_mode & WritableByOthers) && !((status.st_mode & S_ISVTX) && stickyAllowed);
        if (!ownerTrusted || othersMayChange) {
            *unsafe = walked.isEmpty() ? QStringLiteral("/") : QFile::decodeName(walked);
            ::close(fd);
            return -1;
        }
        if (last)
            return fd;
        const QByteArray &component = components.at(i + 1);
        if (component.isEmpty() && i + 1 == components.size() - 1)
            return fd; // a trailing "/"
        walked += '/' + component;
        const int next = ::openat(fd, component.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        const int openError = errno;
        ::close(fd);
        if (next < 0) {
            *error = QStringLiteral("%1: %2").arg(QFile::decodeName(walked), systemError(openError));
            return -1;
        }
        fd = next;
    }
}

QString canonicalPath(const QString &path, QString *error)
{
    char resolved[PATH_MAX];
    if (!::realpath(encoded(path).constData(), resolved)) {
        *error = systemError(errno);
        return {};
    }
    return QFile::decodeName(resolved);
}

} // namespace

PrivateDirectory::~PrivateDirectory()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

PrivateDirectory::PrivateDirectory(PrivateDirectory &&other) noexcept
    : m_fd(std::exchange(other.m_fd, -1)), m_path(std::move(other.m_path)), m_error(std::move(other.m_error))
{
}

PrivateDirectory &PrivateDirectory::operator=(PrivateDirectory &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
        m_path = std::move(other.m_path);
        m_error = std::move(other.m_error);
    }
    return *this;
}

PrivateDirectory PrivateDirectory::withError(const QString &error)
{
    PrivateDirectory directory;
    directory.m_error = error;
    return directory;
}

bool PrivateDirectory::isPlainName(const QString &name)
{
    return !name.isEmpty() && !name.contains(QLatin1Char('/')) && name != QLatin1String(".") && name != QLatin1String("..")
        && !name.contains(QChar(0));
}

bool PrivateDirectory::isSafePath(const QString &path, QString *error)
{
    QString why;
    const QString canonical = canonicalPath(path, &why);
    if (canonical.isEmpty()) {
        *error = tr("Could not open “%1”: %2").arg(path, why);
        return false;
    }
    QString unsafe;
    const int fd = openSafeChain(encoded(canonical), Last::Private, &unsafe, &why);
    if (fd < 0) {
        *error = unsafe.isEmpty() ? tr("Could not open “%1”: %2").arg(path, why)
                                  : tr("“%1” can be changed by another user, so Tessera keeps no private files in “%2”. "
                                       "Make it belong to you or root and not writable by others, or choose another folder.")
                                        .arg(unsafe, path);
        return false;
    }
    ::close(fd);
    return true;
}

PrivateDirectory PrivateDirectory::open(const QString &path, Creation creation)
{
    if (!path.startsWith(QLatin1Char('/')))
        return withError(tr("“%1” is not an absolute path.").arg(path));
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    const QString parent = slash == 0 ? QStringLiteral("/") : path.left(slash);
    const QString name = path.mid(slash + 1);
    if (!isPlainName(name))
        return withError(tr("“%1” does not name a folder.").arg(path));
    QString why;
    const QString canonicalParent = canonicalPath(parent, &why);
    if (canonicalParent.isEmpty())
        return withError(tr("Could not open “%1”: %2").arg(parent, why));
    QString unsafe;
    const int parentFd = openSafeChain(encoded(canonicalParent), Last::MayBeSticky, &unsafe, &why);
    if (parentFd < 0) {
        return withError(unsafe.isEmpty() ? tr("Could not open “%1”: %2").arg(parent, why)
                                       : tr("“%1” can be changed by another user, so Tessera keeps no private files in “%2”. "
                                            "Make it belong to you or root and not writable by others, or choose another folder.")
                                             .arg(unsafe, path));
    }
    PrivateDirectory directory = openAt(parentFd, canonicalParent == QLatin1String("/") ? QString() : canonicalParent, name, creation);
    ::close(parentFd);
    return directory;
}

PrivateDirectory PrivateDirectory::child(const QString &name, Creation creation) const
{
    if (!isValid())
        return withError(m_error);
    if (!isPlainName(name))
        return withError(tr("“%1” does not name a folder.").arg(name));
    return openAt(m_fd, m_path, name, creation);
}

PrivateDirectory PrivateDirectory::openAt(int parentFd, const QString &parentPath, const QString &name, Creation creation)
{
    const QString path = parentPath + QLatin1Char('/') + name;
    const QByteArray entry = encoded(name);
    if (creation == Creation::CreateIfMissing && ::mkdirat(parentFd, entry.constData(), PrivateMode) < 0 && errno != EEXIST)
        return withError(tr("Could not create the folder “%1”: %2").arg(path, systemError(errno)));
    const int fd = ::openat(parentFd, entry.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        const int openError = errno;
        struct stat link {};
        if (::fstatat(parentFd, entry.constData(), &link, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(link.st_mode))
            return withError(tr("“%1” is a symbolic link, so Tessera does not use it: whoever made it chooses where Tessera's files go. "
                             "Remove it and try again.").arg(path));
        return withError(tr("Could not open the folder “%1”: %2").arg(path, systemError(openError)));
    }
    PrivateDirectory directory;
    directory.m_fd = fd;
    directory.m_path = path;
    struct stat status {};
    if (::fstat(fd, &status) < 0)
        return withError(tr("Could not open the folder “%1”: %2").arg(path, systemError(errno)));
    if (status.st_uid != ::geteuid())
        return withError(tr("“%1” belongs to another user, so Tessera does not use it: that user could read or replace what Tessera "
                         "puts there. Remove it (as its owner or root) and try again.").arg(path));
    if (status.st_mode & WritableByOthers)
        return withError(tr("Other users may write to “%1”, so Tessera does not use it: they could have put links there. "
                         "Remove it and try again.").arg(path));
    if ((status.st_mode & 07777) != PrivateMode && ::fchmod(fd, PrivateMode) < 0)
        return withError(tr("Could not make “%1” private: %2").arg(path, systemError(errno)));
    return directory;
}

int PrivateDirectory::createFile(const QString &name, QString *error) const
{
    if (!isValid() || !isPlainName(name)) {
        *error = isValid() ? tr("“%1” does not name a file.").arg(name) : m_error;
        return -1;
    }
    const int fd = ::openat(m_fd, encoded(name).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0)
        *error = tr("Could not create “%1”: %2").arg(filePath(name), systemError(errno));
    return fd;
}

bool PrivateDirectory::writeFile(const QString &name, const QByteArray &data, QString *error) const
{
    const QString temporary = QLatin1Char('.') + name + QLatin1Char('.') + QString::number(QRandomGenerator::system()->generate64(), 36);
    const int fd = createFile(temporary, error);
    if (fd < 0)
        return false;
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + written, size_t(data.size() - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        written += n;
    }
    const bool synced = written == data.size() && ::fsync(fd) == 0;
    const int writeError = errno;
    ::close(fd);
    if (!synced || ::renameat(m_fd, encoded(temporary).constData(), m_fd, encoded(name).constData()) < 0) {
        *error = tr("Could not write “%1”: %2").arg(filePath(name), systemError(synced ? errno : writeError));
        ::unlinkat(m_fd, encoded(temporary).constData(), 0);
        return false;
    }
    return true;
}

bool PrivateDirectory::readFile(const QString &name, qint64 maxBytes, QByteArray *data, QString *error) const
{
    if (!isValid() || !isPlainName(name)) {
        *error = isValid() ? tr("“%1” does not name a file.").arg(name) : m_error;
        return false;
    }
    // O_NONBLOCK: a FIFO planted under this name must not hang the reader.
    const int fd = ::openat(m_fd, encoded(name).constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = errno == ELOOP ? tr("“%1” is a symbolic link, so Tessera does not read it.").arg(filePath(name))
                                : tr("Could not read “%1”: %2").arg(filePath(name), systemError(errno));
        return false;
    }
    struct stat status {};
    QString problem;
    if (::fstat(fd, &status) < 0)
        problem = tr("Could not read “%1”: %2").arg(filePath(name), systemError(errno));
    else if (!S_ISREG(status.st_mode))
        problem = tr("“%1” is not a plain file, so Tessera does not read it.").arg(filePath(name));
    else if (status.st_uid != ::geteuid() || (status.st_mode & WritableByOthers))
        problem = tr("“%1” belongs to another user or others may change it, so Tessera does not read it.").arg(filePath(name));
    else if (status.st_size > maxBytes)
        problem = tr("“%1” is larger than %2 bytes.").arg(filePath(name)).arg(maxBytes);
    if (!problem.isEmpty()) {
        ::close(fd);
        *error = problem;
        return false;
    }
    QByteArray content(qsizetype(status.st_size) + 1, Qt::Uninitialized);
    qsizetype total = 0;
    while (total < content.size()) {
        const ssize_t n = ::read(fd, content.data() + total, size_t(content.size() - total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        total += n;
    }
    ::close(fd);
    if (total > maxBytes) {
        *error = tr("“%1” is larger than %2 bytes.").arg(filePath(name)).arg(maxBytes);
        return false;
    }
    content.truncate(total);
    *data = content;
    return true;
}

bool PrivateDirectory::removeFile(const QString &name) const
{
    if (!isValid() || !isPlainName(name))
        return false;
    return ::unlinkat(m_fd, encoded(name).constData(), 0) == 0 || errno == ENOENT;
}
