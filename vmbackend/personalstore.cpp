#include "personalstore.h"

#include "mountgrant.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

/// Closes a file descriptor when it goes out of scope.
struct Fd
{
    explicit Fd(int fd = -1) : fd(fd) {}
    ~Fd() { if (fd >= 0) ::close(fd); }
    Fd(const Fd &) = delete;
    Fd &operator=(const Fd &) = delete;
    void reset(int other) { if (fd >= 0) ::close(fd); fd = other; }
    int fd;
};

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

PersonalStore::PersonalStore(const QString &root)
    : m_root(root.size() > 1 && root.endsWith(QLatin1Char('/')) ? root.chopped(1) : root)
{
}

QString PersonalStore::pathOf(const QString &folder) const
{
    QString normalised;
    QString error;
    if (m_root.isEmpty() || !MountGrant::normaliseStore(folder, false, &normalised, &error) || normalised.isEmpty())
        return {};
    return m_root + QLatin1Char('/') + normalised;
}

QString PersonalStore::folderOf(const QString &hostPath) const
{
    const QString root = QDir::cleanPath(m_root);
    const QString path = QDir::cleanPath(hostPath);
    const QString prefix = root == QLatin1String("/") ? root : root + QLatin1Char('/');
    if (root.isEmpty() || !path.startsWith(prefix) || path.size() == prefix.size())
        return {};
    return path.mid(prefix.size());
}

bool PersonalStore::ensureFolder(const QString &folder, QString *path, QString *error) const
{
    QString normalised;
    QString parseError;
    if (m_root.isEmpty() || !MountGrant::normaliseStore(folder, false, &normalised, &parseError) || normalised.isEmpty()) {
        *error = tr("“%1” is not a folder of the personal store. Correct the contract's Store value.").arg(folder);
        return false;
    }
    if (!QDir().mkpath(m_root)) {
        *error = tr("Tessera could not create the personal store at %1. Make sure its parent folder exists and is writable, "
                    "or choose another store location in Settings.").arg(m_root);
        return false;
    }
    Fd dir(::open(QFile::encodeName(m_root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (dir.fd < 0) {
        *error = tr("Tessera could not open the personal store at %1 (%2). Check its permissions, or choose another store "
                    "location in Settings.").arg(m_root, errnoText(errno));
        return false;
    }
    // One component at a time, each opened relative to its parent with O_NOFOLLOW: a symbolic
    // link anywhere below the root stops the walk instead of leading out of the store.
    QString walked;
    for (const QString &component : normalised.split(QLatin1Char('/'))) {
        walked = walked.isEmpty() ? component : walked + QLatin1Char('/') + component;
        const QByteArray name = QFile::encodeName(component);
        if (::mkdirat(dir.fd, name.constData(), 0700) < 0 && errno != EEXIST) {
            *error = tr("Tessera could not create the folder “%1” in the personal store (%2). Check that %3 is writable, "
                        "or choose another store location in Settings.").arg(walked, errnoText(errno), m_root);
            return false;
        }
        const int next = ::openat(dir.fd, name.constData(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            const int failure = errno;
            struct stat info;
            const bool isLink = ::fstatat(dir.fd, name.constData(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode);
            if (isLink || failure == ELOOP)
                *error = tr("“%1” in the personal store is a symbolic link; Tessera never shares anything through a link, "
                            "as it could lead outside the store. Replace it with a real folder, then start the appliance again.")
                             .arg(walked);
            else if (failure == ENOTDIR)
                *error = tr("“%1” in the personal store is a file, not a folder. Rename it, then start the appliance again.").arg(walked);
            else
                *error = tr("Tessera could not open the folder “%1” in the personal store (%2). Check its permissions.")
                             .arg(walked, errnoText(failure));
            return false;
        }
        dir.reset(next);
    }
    if (path) {
        const QString canonicalRoot = QFileInfo(m_root).canonicalFilePath();
        *path = (canonicalRoot.isEmpty() ? m_root : canonicalRoot) + QLatin1Char('/') + normalised;
    }
    return true;
}
