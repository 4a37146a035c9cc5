#pragma once

#include "readystatemanifest.h"
#include "vmerror.h"

#include <QString>

/// One appliance's ready state on disk: the memory image of the booted appliance and the
/// read-only disk state it belongs to, in INSTANCE/ready/. It is built in ready.tmp/ and
/// renamed into place only when complete and synced, so a crash leaves either no ready state
/// or a whole one; leftovers are removed by removeLeftovers(). See docs/recovery.md.
/// Blocking (file I/O, fsync): call off the GUI thread.
class ReadyState
{
public:
    explicit ReadyState(const QString &instanceDir);

    QString directory() const { return m_instanceDir + QStringLiteral("/ready"); }
    QString memoryImage() const { return directory() + QStringLiteral("/memory.save"); }
    QString disk() const { return directory() + QStringLiteral("/disk.qcow2"); }
    QString manifestPath() const { return directory() + QStringLiteral("/manifest.json"); }
    QString stagingDirectory() const { return m_instanceDir + QStringLiteral("/ready.tmp"); }
    QString stagedMemoryImage() const { return stagingDirectory() + QStringLiteral("/memory.save"); }

    /// The memory image, the disk and the manifest are all there.
    bool isComplete() const;
    /// Removes what an interrupted capture or discard left behind (ready.tmp/, ready.old/) and
    /// an incomplete ready/. Returns true when something was removed.
    bool removeLeftovers() const;
    /// Why this ready state cannot be restored under @p current; empty when it can.
    QString check(const ReadyStateManifest &current) const;
    ReadyStateManifest manifest() const;

    /// Starts a capture: an empty staging folder. The memory image goes to stagedMemoryImage().
    VmError beginCapture() const;
    /// Moves @p overlay (the disk the saved VM ran on) into the staging folder as the ready
    /// disk, makes it read-only, writes @p manifest and publishes the folder as ready/.
    VmError commitCapture(const QString &overlay, const ReadyStateManifest &manifest) const;
    /// Drops an unfinished capture.
    void abandonCapture() const;
    /// Removes the ready state (renamed away first, so a crash cannot leave half of it).
    void discard() const;

    /// fsync(2) of a file or folder; false when it could not be opened or synced.
    static bool sync(const QString &path, bool directory = false);

private:
    QString m_instanceDir;
};
