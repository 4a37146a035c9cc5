#pragma once
// Files by raw byte names, for store tests with names that are not UTF-8 (which QFile and
// QDir would decode lossily, then fail to open or remove).

#include <QByteArray>
#include <QFile>
#include <QString>

#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

[[maybe_unused]] bool putRaw(const QByteArray &path, const QByteArray &content, mode_t mode = 0644)
{
    const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0)
        return false;
    const bool ok = ::write(fd, content.constData(), size_t(content.size())) == content.size();
    ::close(fd);
    return ok;
}

[[maybe_unused]] QByteArray getRaw(const QByteArray &path)
{
    QFile file;
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || !file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return "<missing>";
    return file.readAll();
}

// QDir::removeRecursively() cannot remove names that are not UTF-8: this removes by raw bytes.
[[maybe_unused]] void removeTree(const QString &path)
{
    ::nftw(QFile::encodeName(path).constData(), [](const char *entry, const struct stat *, int, struct FTW *) { return ::remove(entry); },
           16, FTW_DEPTH | FTW_PHYS);
}

} // namespace
