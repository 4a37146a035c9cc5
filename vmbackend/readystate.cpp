#include "readystate.h"

#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace {

constexpr qint64 MaxManifestBytes = 64 * 1024;

QString tr(const char *text)
{
    return QCoreApplication::translate("ReadyState", text);
}

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

QString errnoText(const QString &what)
{
    return what + QStringLiteral(": ") + QString::fromLocal8Bit(strerror(errno));
}

} // namespace

ReadyState::ReadyState(const QString &instanceDir)
    : m_instanceDir(instanceDir)
{
}

bool ReadyState::sync(const QString &path, bool directory)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0)
        return false;
    const bool synced = ::fsync(fd) == 0;
    ::close(fd);
    return synced;
}

bool ReadyState::isComplete() const
{
    return QFileInfo::exists(manifestPath()) && QFileInfo::exists(memoryImage()) && QFileInfo::exists(disk());
}

bool ReadyState::removeLeftovers() const
{
    bool removed = false;
    for (const QString &leftover : {stagingDirectory(), m_instanceDir + QStringLiteral("/ready.old")}) {
        if (QFileInfo::exists(leftover)) {
            qCInfo(lcVmBackend) << "removing" << leftover << "left by an interrupted ready-state capture or discard";
            QDir(leftover).removeRecursively();
            removed = true;
        }
    }
    if (QFileInfo::exists(directory()) && !isComplete()) {
        qCInfo(lcVmBackend) << "removing the incomplete ready state" << directory();
        QDir(directory()).removeRecursively();
        removed = true;
    }
    return removed;
}

ReadyStateManifest ReadyState::manifest() const
{
    QFile file(manifestPath());
    if (file.size() > MaxManifestBytes || !file.open(QIODevice::ReadOnly)) {
        ReadyStateManifest unreadable;
        unreadable.version = 0;
        return unreadable;
    }
    return ReadyStateManifest::fromJson(QJsonDocument::fromJson(file.readAll()).object());
}

QString ReadyState::check(const ReadyStateManifest &current) const
{
    if (!isComplete())
        return QStringLiteral("no complete ready state");
    return ReadyStateManifest::mismatch(manifest(), current);
}

VmError ReadyState::beginCapture() const
{
    QDir(stagingDirectory()).removeRecursively();
    if (!QDir().mkpath(stagingDirectory()))
        return VmError(VmError::DiskFailed, tr("Could not prepare the appliance's ready state. Check that your data folder is writable."),
                       stagingDirectory());
    return {};
}

VmError ReadyState::commitCapture(const QString &overlay, const ReadyStateManifest &manifest) const
{
    const QString failedMessage = tr("Could not keep the appliance's ready state. Check free disk space; the appliance starts from a cold boot until then.");
    if (!sync(stagedMemoryImage()))
        return VmError(VmError::DiskFailed, failedMessage, errnoText(stagedMemoryImage()));
    const QString stagedDisk = stagingDirectory() + QStringLiteral("/disk.qcow2");
    if (!renamePath(overlay, stagedDisk))
        return VmError(VmError::DiskFailed, failedMessage, errnoText(overlay));
    QFile::setPermissions(stagedDisk, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    sync(stagedDisk);

    QSaveFile file(stagingDirectory() + QStringLiteral("/manifest.json"));
    if (!file.open(QIODevice::WriteOnly))
        return VmError(VmError::DiskFailed, failedMessage, file.errorString());
    file.write(QJsonDocument(manifest.toJson()).toJson());
    if (!file.commit())
        return VmError(VmError::DiskFailed, failedMessage, file.errorString());
    sync(stagingDirectory(), true);

    // The one step that makes the ready state exist: everything in it is durable by now.
    QDir(directory()).removeRecursively();
    if (!renamePath(stagingDirectory(), directory()))
        return VmError(VmError::DiskFailed, failedMessage, errnoText(directory()));
    sync(m_instanceDir, true);
    return {};
}

void ReadyState::abandonCapture() const
{
    QDir(stagingDirectory()).removeRecursively();
}

void ReadyState::discard() const
{
    if (!QFileInfo::exists(directory()))
        return;
    const QString old = m_instanceDir + QStringLiteral("/ready.old");
    QDir(old).removeRecursively();
    if (renamePath(directory(), old)) {
        sync(m_instanceDir, true);
        QDir(old).removeRecursively();
    } else {
        QDir(directory()).removeRecursively();
    }
}
