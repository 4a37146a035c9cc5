#include "volumeupload.h"

#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <cstdlib>
#include <memory>

namespace {

struct PoolDeleter { void operator()(virStoragePoolPtr pool) const { virStoragePoolFree(pool); } };
struct VolumeDeleter { void operator()(virStorageVolPtr volume) const { virStorageVolFree(volume); } };
struct StreamDeleter { void operator()(virStreamPtr stream) const { virStreamFree(stream); } };
using Pool = std::unique_ptr<virStoragePool, PoolDeleter>;
using Volume = std::unique_ptr<virStorageVol, VolumeDeleter>;
using Stream = std::unique_ptr<virStream, StreamDeleter>;

QString escapeXml(const QString &text)
{
    return text.toHtmlEscaped();
}

Pool ensurePool(virConnectPtr connection, const QString &name, const QString &path, VmError *error)
{
    Pool pool(virStoragePoolLookupByName(connection, name.toUtf8().constData()));
    if (!pool) {
        const QByteArray xml = QStringLiteral("<pool type='dir'><name>%1</name><target><path>%2</path></target></pool>")
                                   .arg(escapeXml(name), escapeXml(path)).toUtf8();
        pool.reset(virStoragePoolDefineXML(connection, xml.constData(), 0));
        if (!pool || virStoragePoolBuild(pool.get(), 0) < 0) {
            *error = VmError::fromLibvirt(VmError::DiskFailed,
                QCoreApplication::translate("VolumeUpload", "Could not make the storage pool %1 at %2 on the host. Check that the folder can be created there.").arg(name, path));
            return {};
        }
        virStoragePoolSetAutostart(pool.get(), 1);
    }
    if (virStoragePoolIsActive(pool.get()) != 1 && virStoragePoolCreate(pool.get(), 0) < 0) {
        *error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("VolumeUpload", "Could not start the storage pool %1 on the host. Check that %2 exists there and is a folder.").arg(name, path));
        return {};
    }
    virStoragePoolRefresh(pool.get(), 0);
    return pool;
}

Volume createVolume(virStoragePoolPtr pool, const QString &name, qint64 capacity)
{
    const QByteArray xml = QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity>"
                                          "<target><format type='raw'/></target></volume>")
                               .arg(escapeXml(name)).arg(capacity).toUtf8();
    return Volume(virStorageVolCreateXML(pool, xml.constData(), 0));
}

void deleteVolume(virStoragePoolPtr pool, const QString &name)
{
    if (Volume volume{virStorageVolLookupByName(pool, name.toUtf8().constData())})
        virStorageVolDelete(volume.get(), 0);
}

QString pathOf(virStorageVolPtr volume)
{
    char *path = virStorageVolGetPath(volume);
    const QString result = path ? QString::fromUtf8(path) : QString();
    free(path);
    return result;
}

} // namespace

VolumeUpload::Result VolumeUpload::run(virConnectPtr connection, const QString &poolName, const QString &poolPath,
                                       const QString &localFile, const QString &volumeName,
                                       const std::function<void(qint64, qint64)> &progress)
{
    Result result;
    if (!connection) {
        result.error = VmError(VmError::ConnectionFailed, QCoreApplication::translate("VolumeUpload", "Not connected to the host. Test the connection in Settings."));
        return result;
    }
    QFile file(localFile);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = VmError(VmError::ImageMissing,
                               QCoreApplication::translate("VolumeUpload", "Could not read %1. Build the appliance again (scripts/build-appliances).").arg(localFile),
                               file.errorString());
        return result;
    }
    const qint64 total = file.size();
    Pool pool = ensurePool(connection, poolName, poolPath, &result.error);
    if (!pool)
        return result;

    const QString marker = volumeName + QStringLiteral(".done");
    Volume existing(virStorageVolLookupByName(pool.get(), volumeName.toUtf8().constData()));
    Volume done(virStorageVolLookupByName(pool.get(), marker.toUtf8().constData()));
    virStorageVolInfo info{};
    // The pool reads a qcow2 image's virtual size as capacity; its file size is the "physical" one.
    if (existing && done && virStorageVolGetInfoFlags(existing.get(), &info, VIR_STORAGE_VOL_GET_PHYSICAL) == 0
        && qint64(info.allocation) == total) {
        result.reused = true;
        result.volumePath = pathOf(existing.get());
        return result;
    }
    // Left from an upload that did not finish, or from another image: start over.
    done.reset();
    existing.reset();
    deleteVolume(pool.get(), marker);
    deleteVolume(pool.get(), volumeName);

    Volume volume = createVolume(pool.get(), volumeName, total);
    Stream stream(volume ? virStreamNew(connection, 0) : nullptr);
    if (!volume || !stream || virStorageVolUpload(volume.get(), stream.get(), 0, quint64(total), 0) < 0) {
        result.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("VolumeUpload", "Could not start copying %1 to the host. Check free space in %2 there.").arg(QFileInfo(localFile).fileName(), poolPath));
        return result;
    }
    constexpr qint64 ChunkSize = 4 * 1024 * 1024;
    QByteArray chunk;
    while (result.bytesSent < total) {
        chunk = file.read(qMin(ChunkSize, total - result.bytesSent));
        if (chunk.isEmpty()) {
            virStreamAbort(stream.get());
            result.error = VmError(VmError::DiskFailed, QCoreApplication::translate("VolumeUpload", "Could not read %1 while copying it to the host.").arg(localFile),
                                   file.errorString());
            return result;
        }
        qint64 offset = 0;
        while (offset < chunk.size()) {
            const int sent = virStreamSend(stream.get(), chunk.constData() + offset, size_t(chunk.size() - offset));
            if (sent < 0) {
                result.error = VmError::fromLibvirt(VmError::DiskFailed,
                    QCoreApplication::translate("VolumeUpload", "Copying %1 to the host broke off. Check the connection and free space on the host, then try again.")
                        .arg(QFileInfo(localFile).fileName()));
                virStreamAbort(stream.get());
                return result;
            }
            offset += sent;
        }
        result.bytesSent += chunk.size();
        if (progress)
            progress(result.bytesSent, total);
    }
    if (virStreamFinish(stream.get()) < 0) {
        result.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("VolumeUpload", "The host did not confirm the copy of %1. Try again.").arg(QFileInfo(localFile).fileName()));
        return result;
    }
    // Only now does the volume count as there (crash or abort before this: uploaded again).
    if (!createVolume(pool.get(), marker, 0)) {
        result.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("VolumeUpload", "Copied %1, but could not mark the copy as complete on the host.").arg(QFileInfo(localFile).fileName()));
        return result;
    }
    result.volumePath = pathOf(volume.get());
    qCInfo(lcVmBackend) << "uploaded" << localFile << "as" << result.volumePath << result.bytesSent << "bytes";
    return result;
}
