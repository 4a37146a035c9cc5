#pragma once

#include "vmerror.h"

#include <QString>
#include <QStringList>

#include <functional>

struct _virConnect;

/// An appliance's disks on another libvirt host (docs/connections.md): its base image, kernel,
/// initrd and the tools disk copied once into the host's storage pool (VolumeUpload), and its
/// system overlay there as a qcow2 volume backed by the base copy, which libvirt makes with
/// the host's own qemu-img. Copies are named after what they hold (size and time of the local
/// file), so a rebuilt image is sent again and never mixed up with the old one.
///
/// Blocking: only inside LibvirtConnection::call() on the host's connection.
class RemoteDisks
{
public:
    static constexpr const char *PoolName = "tessera";
    static constexpr const char *PoolPath = "/var/lib/libvirt/images/tessera";

    /// What to place; empty kernel/initrd/tools are skipped.
    struct Local
    {
        QString appliance;  ///< e.g. "terminal"
        QString baseDisk;
        QString kernel;
        QString initrd;
        QString toolsDisk;
    };
    /// The paths on the host.
    struct Placed
    {
        VmError error;
        QString baseDisk;
        QString kernel;
        QString initrd;
        QString toolsDisk;
        QString systemDisk; ///< the overlay
        qint64 bytesSent = 0;
    };

    /// Copies what is missing, then gives the appliance its overlay: a new empty one when
    /// @p fresh (any old one is deleted first), else the one kept from earlier launches.
    /// @p progress(sent, total) per chunk of a copy.
    static Placed place(_virConnect *connection, const Local &local, bool fresh,
                        const std::function<void(qint64, qint64)> &progress = {});
    /// Copies the appliance's overlay from the host to @p localFile (through @p localFile.part,
    /// flushed, then renamed: a crash leaves no half copy under the name) and points its backing
    /// file at @p localBase, the image the host's base copy was made from. For recovery: the
    /// quarantine keeps the overlay here. Fails when the host has no overlay.
    static VmError downloadOverlay(_virConnect *connection, const QString &appliance, const QString &localFile, const QString &localBase);
    /// Deletes the appliance's overlay on the host (the next launch starts clean).
    static VmError discardOverlay(_virConnect *connection, const QString &appliance);
    /// Deletes the appliance's copies in the host's pool made from earlier versions of the files
    /// in @p placed (same appliance and file name, another identity), except a base that still
    /// backs a volume there (a kept overlay stays on the base it was made on). The tools disk,
    /// shared by all appliances, is left alone. Returns the names deleted; failures are logged.
    static QStringList removeOutdatedCopies(_virConnect *connection, const QString &appliance, const Placed &placed);
    /// The volume name a local file's copy gets: "PREFIX-IDENTITY-FILENAME".
    static QString volumeNameFor(const QString &prefix, const QString &localFile);
    static QString overlayName(const QString &appliance);
};
