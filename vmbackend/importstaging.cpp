#include "importstaging.h"

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr qint64 ProgressEveryBytes = 8 * 1024 * 1024;
constexpr qsizetype CopyBlockBytes = 1024 * 1024;

} // namespace

ImportStaging::ImportStaging(const QString &path, qint64 maximumBytes)
    : m_dir(PrivateDirectory::open(path, PrivateDirectory::Creation::CreateIfMissing)), m_maximum(maximumBytes)
{
}

ImportStaging::~ImportStaging()
{
    abort();
}

bool ImportStaging::begin(const QString &name, QString *error)
{
    abort();
    if (!isValid()) {
        *error = errorString();
        return false;
    }
    m_fd = m_dir.createFile(name, error);
    if (m_fd < 0)
        return false;
    m_name = name;
    if (m_algorithms.contains(name))
        m_hash = std::make_unique<QCryptographicHash>(m_algorithms.value(name));
    return true;
}

bool ImportStaging::append(const char *data, qint64 size, QString *error)
{
    if (m_fd < 0) {
        *error = tr("Nothing is being copied.");
        return false;
    }
    // Bounded by what is really written, whatever a header or a listing said before.
    if (size > m_maximum - m_total) {
        *error = tr("The package holds more than the %1 MiB Tessera imports.").arg(m_maximum / (1024 * 1024));
        abort();
        return false;
    }
    if (m_hash)
        m_hash->addData(QByteArrayView(data, size));
    qint64 written = 0;
    while (written < size) {
        const ssize_t n = ::write(m_fd, data + written, size_t(size - written));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            *error = tr("Could not write “%1”: %2").arg(filePath(m_name), qt_error_string(errno));
            abort();
            return false;
        }
        written += n;
    }
    m_total += size;
    if (m_progress && m_total - m_lastProgress >= ProgressEveryBytes) {
        m_lastProgress = m_total;
        if (!m_progress(m_total)) {
            *error = tr("Stopped.");
            abort();
            return false;
        }
    }
    return true;
}

bool ImportStaging::finish(QString *error)
{
    if (m_fd < 0) {
        *error = tr("Nothing is being copied.");
        return false;
    }
    if (::close(m_fd) < 0) {
        m_fd = -1;
        *error = tr("Could not write “%1”: %2").arg(filePath(m_name), qt_error_string(errno));
        abort();
        return false;
    }
    m_fd = -1;
    if (m_hash)
        m_digests.insert(m_name, m_hash->result().toHex());
    m_hash.reset();
    m_name.clear();
    return true;
}

void ImportStaging::abort()
{
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    if (!m_name.isEmpty())
        m_dir.removeFile(m_name);
    m_name.clear();
    m_hash.reset();
}

bool ImportStaging::copyFrom(const QString &name, int fd, QString *error)
{
    if (::lseek(fd, 0, SEEK_SET) < 0) {
        *error = tr("Could not read “%1”: %2").arg(name, qt_error_string(errno));
        return false;
    }
    if (!begin(name, error))
        return false;
    QByteArray block(CopyBlockBytes, Qt::Uninitialized);
    for (;;) {
        const ssize_t n = ::read(fd, block.data(), size_t(block.size()));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *error = tr("Could not read “%1”: %2").arg(name, qt_error_string(errno));
            abort();
            return false;
        }
        if (n == 0)
            break;
        if (!append(block.constData(), n, error))
            return false;
    }
    return finish(error);
}
