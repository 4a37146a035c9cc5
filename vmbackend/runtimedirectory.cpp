#include "runtimedirectory.h"

#include "vmbackendlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

const char SocketsLink[] = "sockets";

/// Holds an flock on a folder's descriptor for a scope.
class FolderLock
{
public:
    explicit FolderLock(int fd) : m_fd(fd)
    {
        while (::flock(m_fd, LOCK_EX) < 0 && errno == EINTR) {
        }
    }
    ~FolderLock() { ::flock(m_fd, LOCK_UN); }
    FolderLock(const FolderLock &) = delete;
    FolderLock &operator=(const FolderLock &) = delete;

private:
    int m_fd;
};

} // namespace

PrivateDirectory RuntimeDirectory::locate(const QString &xdgRuntimeDir, const QString &dataDir)
{
    if (!xdgRuntimeDir.isEmpty()) {
        QString why;
        PrivateDirectory xdg = underXdgRuntimeDir(xdgRuntimeDir, dataDir, &why);
        if (xdg.isValid())
            return xdg;
        qCDebug(lcVmBackend) << "not using XDG_RUNTIME_DIR for the runtime folder:" << why;
    }
    // The data folder may not exist yet on a first start.
    QDir().mkpath(dataDir);
    PrivateDirectory run = PrivateDirectory::open(QDir::cleanPath(QDir(dataDir).absolutePath()) + QStringLiteral("/run"),
                                                  PrivateDirectory::Creation::CreateIfMissing);
    if (!run.isValid() || run.path().size() <= MaximumPathLength)
        return run;
    return namedShortFolder(run);
}

PrivateDirectory RuntimeDirectory::underXdgRuntimeDir(const QString &xdgRuntimeDir, const QString &dataDir, QString *why)
{
    // The XDG base directory specification: ours, 0700, and (here) not a link to somewhere else.
    struct stat status {};
    if (::lstat(QFile::encodeName(xdgRuntimeDir).constData(), &status) < 0) {
        *why = xdgRuntimeDir + QStringLiteral(": ") + qt_error_string(errno);
        return {};
    }
    if (!S_ISDIR(status.st_mode) || status.st_uid != ::geteuid() || (status.st_mode & 077) != 0) {
        *why = QStringLiteral("%1 is not a folder of uid %2 with mode 0700 (uid %3, mode %4)")
                   .arg(xdgRuntimeDir)
                   .arg(::geteuid())
                   .arg(status.st_uid)
                   .arg(status.st_mode & 07777, 4, 8, QLatin1Char('0'));
        return {};
    }
    // Keyed by the data folder: two shells (or a shell and a test run) with different data
    // folders must never replace each other's sockets.
    const QByteArray key = QCryptographicHash::hash(QDir::cleanPath(dataDir).toUtf8(), QCryptographicHash::Sha256).toHex().left(12);
    const PrivateDirectory xdg = PrivateDirectory::open(QDir::cleanPath(xdgRuntimeDir), PrivateDirectory::Creation::OpenExisting);
    PrivateDirectory keyed = xdg.child(QStringLiteral("tessera"), PrivateDirectory::Creation::CreateIfMissing)
                                 .child(QString::fromLatin1(key), PrivateDirectory::Creation::CreateIfMissing);
    if (!keyed.isValid()) {
        *why = keyed.errorString();
        return {};
    }
    if (keyed.path().size() > MaximumPathLength) {
        *why = QStringLiteral("%1 is too long for socket paths").arg(keyed.path());
        return {};
    }
    return keyed;
}

PrivateDirectory RuntimeDirectory::namedShortFolder(const PrivateDirectory &run)
{
    // Two processes starting at once must agree on one folder.
    const FolderLock lock(run.descriptor());
    char target[PATH_MAX];
    const ssize_t length = ::readlinkat(run.descriptor(), SocketsLink, target, sizeof(target) - 1);
    if (length > 0) {
        const QString named = QFile::decodeName(QByteArray(target, length));
        PrivateDirectory existing = PrivateDirectory::open(named, PrivateDirectory::Creation::OpenExisting);
        if (existing.isValid() && existing.path() == named && named.size() <= MaximumPathLength)
            return existing;
        qCInfo(lcVmBackend) << "the runtime folder" << named << "is gone or not private; making a new one:" << existing.errorString();
    }
    char made[] = "/tmp/tessera-XXXXXX";
    if (!::mkdtemp(made))
        return PrivateDirectory::withError(tr("Could not create a folder for Tessera's sockets in /tmp: %1").arg(qt_error_string(errno)));
    // The link is replaced atomically: another process sees the old folder or the new one.
    const QByteArray temporary = ".sockets." + QByteArray::number(QRandomGenerator::system()->generate64(), 36);
    if (::symlinkat(made, run.descriptor(), temporary.constData()) < 0
        || ::renameat(run.descriptor(), temporary.constData(), run.descriptor(), SocketsLink) < 0) {
        const QString error = qt_error_string(errno);
        ::unlinkat(run.descriptor(), temporary.constData(), 0);
        ::rmdir(made);
        return PrivateDirectory::withError(tr("Could not record the folder for Tessera's sockets in “%1”: %2").arg(run.path(), error));
    }
    return PrivateDirectory::open(QFile::decodeName(made), PrivateDirectory::Creation::OpenExisting);
}
