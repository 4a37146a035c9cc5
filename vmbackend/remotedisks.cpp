#include "remotedisks.h"

#include "qemuimg.h"
#include "vmbackendlog.h"
#include "volumeupload.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSet>
#include <QXmlStreamReader>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <cstdlib>
#include <memory>
#include <vector>

namespace {

struct PoolDeleter { void operator()(virStoragePoolPtr pool) const { virStoragePoolFree(pool); } };
struct VolumeDeleter { void operator()(virStorageVolPtr volume) const { virStorageVolFree(volume); } };
using Pool = std::unique_ptr<virStoragePool, PoolDeleter>;
using Volume = std::unique_ptr<virStorageVol, VolumeDeleter>;
struct StreamDeleter { void operator()(virStreamPtr stream) const { virStreamFree(stream); } };
using Stream = std::unique_ptr<virStream, StreamDeleter>;

QString pathOf(virStorageVolPtr volume)
{
    char *path = virStorageVolGetPath(volume);
    const QString result = path ? QString::fromUtf8(path) : QString();
    std::free(path);
    return result;
}

/// The path in the volume's <backingStore>, or empty.
QString backingPathOf(virStorageVolPtr volume)
{
    char *xml = virStorageVolGetXMLDesc(volume, 0);
    if (!xml)
        return {};
    const QByteArray text(xml);
    std::free(xml);
    QXmlStreamReader reader(text);
    bool inBacking = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("backingStore"))
            inBacking = true;
        else if (reader.isStartElement() && inBacking && reader.name() == QLatin1String("path"))
            return reader.readElementText();
        else if (reader.isEndElement() && reader.name() == QLatin1String("backingStore"))
            inBacking = false;
    }
    return {};
}

} // namespace

QString RemoteDisks::volumeNameFor(const QString &prefix, const QString &localFile)
{
    const QFileInfo info(localFile);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(QByteArray::number(info.size()));
    hash.addData(QByteArray::number(info.lastModified().toMSecsSinceEpoch()));
    hash.addData(info.fileName().toUtf8());
    return prefix + QLatin1Char('-') + QString::fromLatin1(hash.result().toHex().left(12)) + QLatin1Char('-') + info.fileName();
}

QString RemoteDisks::overlayName(const QString &appliance)
{
    return appliance + QStringLiteral("-system.qcow2");
}

RemoteDisks::Placed RemoteDisks::place(virConnectPtr connection, const Local &local, bool fresh,
                                       const std::function<void(qint64, qint64)> &progress)
{
    Placed placed;
    const QString poolName = QLatin1String(PoolName);
    const QString poolPath = QLatin1String(PoolPath);
    const std::pair<const QString *, QString *> files[] = {{&local.kernel, &placed.kernel},
                                                           {&local.initrd, &placed.initrd},
                                                           {&local.toolsDisk, &placed.toolsDisk},
                                                           {&local.baseDisk, &placed.baseDisk}};
    for (const auto &[from, to] : files) {
        if (from->isEmpty())
            continue;
        const QString prefix = from == &local.toolsDisk ? QStringLiteral("tools") : local.appliance;
        const VolumeUpload::Result copy = VolumeUpload::run(connection, poolName, poolPath, *from, volumeNameFor(prefix, *from), progress);
        if (copy.error.isError()) {
            placed.error = copy.error;
            return placed;
        }
        *to = copy.volumePath;
        placed.bytesSent += copy.bytesSent;
    }

    Pool pool(virStoragePoolLookupByName(connection, PoolName));
    const QString name = overlayName(local.appliance);
    Volume base(pool ? virStorageVolLookupByPath(connection, placed.baseDisk.toUtf8().constData()) : nullptr);
    virStorageVolInfo info{};
    if (!base || virStorageVolGetInfo(base.get(), &info) < 0) {
        placed.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("RemoteDisks", "The appliance's base image on the host cannot be read. Test the connection in Settings and launch again."));
        return placed;
    }
    Volume overlay(virStorageVolLookupByName(pool.get(), name.toUtf8().constData()));
    // Kept changes stay on the base they were made on (removeOutdatedCopies spares that base).
    if (overlay && !fresh && !backingPathOf(overlay.get()).isEmpty()) {
        placed.systemDisk = pathOf(overlay.get());
        return placed;
    }
    if (overlay && virStorageVolDelete(overlay.get(), 0) < 0) {
        placed.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("RemoteDisks", "The appliance's old system disk on the host could not be deleted, so it was not started. Check that it is not in use there, then try again."));
        return placed;
    }
    overlay.reset();
    // libvirt runs the host's qemu-img: a qcow2 whose backing file is the base copy.
    const QByteArray xml = QStringLiteral("<volume><name>%1</name><capacity unit='bytes'>%2</capacity>"
                                          "<target><format type='qcow2'/></target>"
                                          "<backingStore><path>%3</path><format type='qcow2'/></backingStore></volume>")
                               .arg(name.toHtmlEscaped()).arg(info.capacity).arg(placed.baseDisk.toHtmlEscaped()).toUtf8();
    overlay.reset(virStorageVolCreateXML(pool.get(), xml.constData(), 0));
    if (!overlay) {
        placed.error = VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("RemoteDisks", "The appliance's system disk could not be made on the host. Check that qemu-img is installed there and that %1 has free space.").arg(poolPath));
        return placed;
    }
    placed.systemDisk = pathOf(overlay.get());
    qCInfo(lcVmBackend) << local.appliance << "system disk on the host:" << placed.systemDisk << "over" << placed.baseDisk;
    removeOutdatedCopies(connection, local.appliance, placed);
    return placed;
}

QStringList RemoteDisks::removeOutdatedCopies(virConnectPtr connection, const QString &appliance, const Placed &placed)
{
    QStringList removed;
    Pool pool(connection ? virStoragePoolLookupByName(connection, PoolName) : nullptr);
    virStorageVolPtr *list = nullptr;
    const int count = pool ? virStoragePoolListAllVolumes(pool.get(), &list, 0) : -1;
    if (count < 0)
        return removed;
    std::vector<Volume> volumes;
    for (int i = 0; i < count; ++i)
        volumes.emplace_back(list[i]);
    std::free(list);

    QSet<QString> current, backing;
    QStringList fileNames;
    for (const QString &path : {placed.baseDisk, placed.kernel, placed.initrd}) {
        if (path.isEmpty())
            continue;
        current.insert(path);
        // "APPLIANCE-IDENTITY-FILE": the file name is what follows the identity.
        const QString name = QFileInfo(path).fileName();
        fileNames.append(QRegularExpression::escape(name.mid(appliance.size() + 1 + 12 + 1)));
    }
    if (fileNames.isEmpty())
        return removed;
    for (const Volume &volume : volumes) {
        const QString backs = backingPathOf(volume.get());
        if (!backs.isEmpty())
            backing.insert(backs);
    }
    const QRegularExpression outdated(QStringLiteral("^%1-[0-9a-f]{12}-(%2)$").arg(QRegularExpression::escape(appliance), fileNames.join(QLatin1Char('|'))));
    for (const Volume &volume : volumes) {
        const QString name = QString::fromUtf8(virStorageVolGetName(volume.get()));
        const QString path = pathOf(volume.get());
        if (!outdated.match(name).hasMatch() || current.contains(path) || backing.contains(path))
            continue;
        if (virStorageVolDelete(volume.get(), 0) < 0) {
            const virError *error = virGetLastError();
            qCWarning(lcVmBackend) << "could not delete the outdated copy" << path << "on the host:" << (error && error->message ? error->message : "");
            continue;
        }
        qCInfo(lcVmBackend) << appliance << "outdated copy deleted on the host:" << name;
        removed.append(name);
    }
    return removed;
}

VmError RemoteDisks::discardOverlay(virConnectPtr connection, const QString &appliance)
{
    Pool pool(connection ? virStoragePoolLookupByName(connection, PoolName) : nullptr);
    if (!pool)
        return {}; // nothing was ever placed there
    virStoragePoolRefresh(pool.get(), 0);
    Volume overlay(virStorageVolLookupByName(pool.get(), overlayName(appliance).toUtf8().constData()));
    if (overlay && virStorageVolDelete(overlay.get(), 0) < 0)
        return VmError::fromLibvirt(VmError::DiskFailed,
            QCoreApplication::translate("RemoteDisks", "The appliance's system disk on the host could not be deleted. Check that the appliance is off, then try again."));
    return {};
}

VmError RemoteDisks::downloadOverlay(virConnectPtr connection, const QString &appliance, const QString &localFile, const QString &localBase)
{
    const QString notCopied = QCoreApplication::translate("RemoteDisks", "The appliance's system changes could not be copied from the host into quarantine here; "
                                                                         "they are still on the host. Check the connection and free disk space, then recover again.");
    Pool pool(connection ? virStoragePoolLookupByName(connection, PoolName) : nullptr);
    Volume overlay(pool ? virStorageVolLookupByName(pool.get(), overlayName(appliance).toUtf8().constData()) : nullptr);
    if (!overlay)
        return VmError(VmError::DiskFailed, QCoreApplication::translate("RemoteDisks", "The appliance has no system changes on the host: it is already clean. Start it as usual."));
    // QSaveFile: written under a temporary name, flushed and renamed only when complete; then
    // rebased under the staged name, so localFile appears only when all is done.
    const QString staged = localFile + QStringLiteral(".staged");
    QSaveFile file(staged);
    QDir().mkpath(QFileInfo(localFile).absolutePath()); // an appliance that only ever ran there has no folder here yet
    if (!file.open(QIODevice::WriteOnly))
        return VmError(VmError::DiskFailed, notCopied, file.errorString());
    Stream stream(virStreamNew(connection, 0));
    if (!stream || virStorageVolDownload(overlay.get(), stream.get(), 0, 0, 0) < 0)
        return VmError::fromLibvirt(VmError::DiskFailed, notCopied);
    QByteArray chunk(1024 * 1024, Qt::Uninitialized);
    for (;;) {
        const int got = virStreamRecv(stream.get(), chunk.data(), size_t(chunk.size()));
        if (got < 0) {
            virStreamAbort(stream.get());
            file.cancelWriting();
            return VmError::fromLibvirt(VmError::DiskFailed, notCopied);
        }
        if (got == 0)
            break;
        if (file.write(chunk.constData(), got) != got) {
            virStreamAbort(stream.get());
            file.cancelWriting();
            return VmError(VmError::DiskFailed, notCopied, file.errorString());
        }
    }
    if (virStreamFinish(stream.get()) < 0) {
        file.cancelWriting();
        return VmError::fromLibvirt(VmError::DiskFailed, notCopied);
    }
    if (!file.commit())
        return VmError(VmError::DiskFailed, notCopied, file.errorString());
    // The host's base copy is byte for byte the local base: only the name in the header changes.
    QFile::remove(localFile);
    QString error;
    if (!QemuImg::run({QStringLiteral("rebase"), QStringLiteral("-u"), QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-b"),
                       QFileInfo(localBase).absoluteFilePath(), QStringLiteral("-F"), QStringLiteral("qcow2"), staged},
                      60000, nullptr, &error)
        || !QFile::rename(staged, localFile)) {
        QFile::remove(staged);
        return VmError(VmError::DiskFailed, notCopied, error);
    }
    qCInfo(lcVmBackend) << appliance << "system changes copied from the host to" << localFile << QFileInfo(localFile).size() << "bytes";
    return {};
}
