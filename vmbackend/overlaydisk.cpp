#include "overlaydisk.h"

#include "qemuimg.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr int QemuImgTimeoutMs = 60 * 1000;

QString tr(const char *text)
{
    return QCoreApplication::translate("OverlayDisk", text);
}

void syncDirectory(const QString &dir)
{
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

} // namespace

OverlayDisk::OverlayDisk(const QString &basePath, const QString &overlayPath)
    : m_basePath(basePath), m_overlayPath(overlayPath)
{
}

bool OverlayDisk::exists() const
{
    return QFileInfo::exists(m_overlayPath);
}

VmError OverlayDisk::ensure() const
{
    QFile::remove(m_overlayPath + QStringLiteral(".new"));
    removeDiscarded();
    // An overlay over an older build of the appliance cannot be used: that base is gone.
    if (exists() && backingFile() == QFileInfo(m_basePath).absoluteFilePath())
        return {};
    if (exists())
        qCInfo(lcVmBackend) << "the appliance was rebuilt; starting" << m_overlayPath << "afresh on" << m_basePath;
    return reset();
}

VmError OverlayDisk::reset() const
{
    if (!QFileInfo::exists(m_basePath))
        return VmError(VmError::ImageMissing,
                       tr("The appliance's base image is missing. Rebuild the appliances (scripts/setup) and try again."),
                       m_basePath);
    const QString dir = QFileInfo(m_overlayPath).absolutePath();
    if (!QDir().mkpath(dir))
        return VmError(VmError::DiskFailed, tr("Could not create the appliance's folder. Check that your data folder is writable."), dir);

    const QString staged = m_overlayPath + QStringLiteral(".new");
    QFile::remove(staged);
    if (VmError error = createAt(staged); error.isError())
        return error;
    // Freeing gigabytes of written data takes time: keep a second link to the old overlay so the
    // rename below does not free it, and let removeDiscarded() do that after the swap.
    const QString discarded = m_overlayPath + QStringLiteral(".old");
    QFile::remove(discarded);
    if (exists() && ::link(QFile::encodeName(m_overlayPath).constData(), QFile::encodeName(discarded).constData()) != 0)
        qCDebug(lcVmBackend) << "could not keep" << m_overlayPath << "for later removal:" << strerror(errno);
    // rename(2) replaces the old overlay atomically; the directory sync makes it durable.
    if (::rename(QFile::encodeName(staged).constData(), QFile::encodeName(m_overlayPath).constData()) != 0) {
        QFile::remove(staged);
        QFile::remove(discarded);
        return VmError(VmError::DiskFailed, tr("Could not replace the appliance's system changes. Check free disk space and permissions."),
                       QString::fromLocal8Bit(strerror(errno)));
    }
    syncDirectory(dir);
    qCDebug(lcVmBackend) << "fresh overlay" << m_overlayPath << "on" << m_basePath;
    return {};
}

void OverlayDisk::removeDiscarded() const
{
    QFile::remove(m_overlayPath + QStringLiteral(".old"));
}

VmError OverlayDisk::createAt(const QString &path) const
{
    QString errorText;
    const QStringList arguments{QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                QStringLiteral("-b"), QFileInfo(m_basePath).absoluteFilePath(), QStringLiteral("-F"),
                                QStringLiteral("qcow2"), path};
    if (!QemuImg::run(arguments, QemuImgTimeoutMs, nullptr, &errorText))
        return VmError(VmError::DiskFailed, tr("Could not create a clean system disk for the appliance. Check free disk space; if qemu-img is missing, run scripts/setup."),
                       errorText);
    // qemu-img does not fsync; make the new file durable before it is renamed into place.
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
    return {};
}

QString OverlayDisk::backingFile() const
{
    QByteArray output;
    QString errorText;
    if (!QemuImg::run({QStringLiteral("info"), QStringLiteral("--output=json"), QStringLiteral("-U"), m_overlayPath}, QemuImgTimeoutMs, &output, &errorText))
        return {};
    return QJsonDocument::fromJson(output).object().value(QStringLiteral("backing-filename")).toString();
}
