#include "jsonlinesfile.h"

#include <QFile>

#include <fcntl.h>
#include <unistd.h>

bool JsonLinesFile::append(const QString &path, const QByteArray &line)
{
    QByteArray bytes = line + '\n';
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
    if (fd < 0)
        return false;
    char last = '\n';
    const off_t size = ::lseek(fd, 0, SEEK_END);
    if (size > 0 && ::pread(fd, &last, 1, size - 1) == 1 && last != '\n')
        bytes.prepend('\n');
    const bool ok = ::write(fd, bytes.constData(), size_t(bytes.size())) == bytes.size() && ::fdatasync(fd) == 0;
    ::close(fd);
    return ok;
}
