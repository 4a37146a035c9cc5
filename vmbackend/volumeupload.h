#pragma once

#include "vmerror.h"

#include <QString>

#include <functional>

struct _virConnect;

/// Puts a local disk image into a storage pool of a (usually remote) libvirt host, once:
/// libvirt's storage volume upload (virStorageVolUpload over a virStream), so the bytes go
/// through the connection itself (ssh for qemu+ssh://) and nothing else needs a login there.
/// The first step of running an appliance on another host (docs/connections.md).
class VolumeUpload
{
public:
    struct Result
    {
        VmError error;
        QString volumePath; ///< the volume's path on the host
        bool reused = false; ///< already there from an earlier, finished upload
        qint64 bytesSent = 0;
    };

    /// Uploads @p localFile as volume @p volumeName into the directory pool @p poolName (made at
    /// @p poolPath on the host when missing). A volume counts as there only when its marker
    /// volume NAME.done exists, written after the upload finished; a half-done one is replaced.
    /// @p progress(sent, total) is called on the calling thread after each chunk.
    /// Blocking: only inside LibvirtConnection::call().
    static Result run(_virConnect *connection, const QString &poolName, const QString &poolPath, const QString &localFile,
                      const QString &volumeName, const std::function<void(qint64, qint64)> &progress = {});
};
