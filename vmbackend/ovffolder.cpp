#include "ovffolder.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

/// Reads all of @p fd, from its start, into @p data; false past @p maxBytes.
bool readAll(int fd, qint64 maxBytes, QByteArray *data, QString *error)
{
    QByteArray content;
    char block[64 * 1024];
    for (;;) {
        const ssize_t n = ::read(fd, block, sizeof(block));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = qt_error_string(errno);
            return false;
        }
        if (n == 0)
            break;
        if (content.size() + n > maxBytes) {
            *error = QCoreApplication::translate("OvfFolder", "it is larger than %1 bytes.").arg(maxBytes);
            return false;
        }
        content.append(block, n);
    }
    *data = content;
    return true;
}

} // namespace

OvfFolder::OvfFolder(const QString &descriptorPath)
{
    const QFileInfo descriptor(descriptorPath);
    m_path = descriptor.absolutePath();
    m_descriptorName = descriptor.fileName();
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_fd < 0)
        m_openError = qt_error_string(errno);
}

OvfFolder::~OvfFolder()
{
    for (const int fd : std::as_const(m_files))
        ::close(fd);
    if (m_fd >= 0)
        ::close(m_fd);
}

bool OvfFolder::readDescriptor(qint64 maxBytes, QByteArray *data, QString *error) const
{
    if (!isOpen()) {
        *error = m_openError;
        return false;
    }
    const int fd = ::openat(m_fd, QFile::encodeName(m_descriptorName).constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = qt_error_string(errno);
        return false;
    }
    struct stat status {};
    bool ok = ::fstat(fd, &status) == 0 && S_ISREG(status.st_mode);
    if (!ok)
        *error = tr("it is not a plain file.");
    ok = ok && readAll(fd, maxBytes, data, error);
    ::close(fd);
    return ok;
}

bool OvfFolder::contains(const QString &name) const
{
    struct stat status {};
    return isOpen() && ::fstatat(m_fd, QFile::encodeName(name).constData(), &status, AT_SYMLINK_NOFOLLOW) == 0;
}

bool OvfFolder::openFile(const QString &name, qint64 *size, QString *error)
{
    if (!isOpen()) {
        *error = m_openError;
        return false;
    }
    if (m_files.contains(name)) {
        struct stat status {};
        ::fstat(m_files.value(name), &status);
        *size = status.st_size;
        return true;
    }
    const QByteArray entry = QFile::encodeName(name);
    // Look before opening: opening a device or a FIFO can itself have effects or block.
    struct stat before {};
    if (::fstatat(m_fd, entry.constData(), &before, AT_SYMLINK_NOFOLLOW) < 0) {
        *error = qt_error_string(errno);
        return false;
    }
    if (!S_ISREG(before.st_mode)) {
        *error = tr("it is a link or special file, not a plain file.");
        return false;
    }
    const int fd = ::openat(m_fd, entry.constData(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        *error = errno == ELOOP ? tr("it is a link or special file, not a plain file.") : qt_error_string(errno);
        return false;
    }
    // The file opened must be the one looked at: nothing swapped in between.
    struct stat opened {};
    if (::fstat(fd, &opened) < 0 || !S_ISREG(opened.st_mode) || opened.st_dev != before.st_dev || opened.st_ino != before.st_ino) {
        ::close(fd);
        *error = tr("it changed while it was being opened.");
        return false;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    m_files.insert(name, fd);
    *size = opened.st_size;
    return true;
}

bool OvfFolder::readFile(const QString &name, qint64 maxBytes, QByteArray *data, QString *error)
{
    qint64 size = 0;
    if (!openFile(name, &size, error))
        return false;
    if (size > maxBytes) {
        *error = tr("it is larger than %1 bytes.").arg(maxBytes);
        return false;
    }
    const int fd = descriptor(name);
    return ::lseek(fd, 0, SEEK_SET) == 0 && readAll(fd, maxBytes, data, error);
}
