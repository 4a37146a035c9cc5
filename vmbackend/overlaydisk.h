#pragma once

#include "vmerror.h"

#include <QString>

/// The writable layer of an appliance's system disk: a qcow2 overlay on the read-only base.
/// Replacing it is atomic (a new overlay is written beside it and renamed over it), so a
/// crash at any point leaves either the old or the new overlay, never a broken one.
/// Blocking (runs qemu-img): call off the GUI thread.
class OverlayDisk
{
public:
    OverlayDisk(const QString &basePath, const QString &overlayPath);

    bool exists() const;
    /// Creates the overlay if it is missing or belongs to another base (the appliance was
    /// rebuilt), and removes leftovers of an interrupted reset.
    VmError ensure() const;
    /// Discards every change: a fresh empty overlay on the base. The old overlay's data is freed
    /// later by removeDiscarded(), so the swap takes the same few milliseconds at any size.
    VmError reset() const;
    /// Frees the overlay the last reset() replaced (INSTANCE/system.qcow2.old; also left over
    /// by a crash, then removed by ensure()). Slow for large overlays.
    void removeDiscarded() const;
    /// The backing file recorded in the overlay, or empty if unreadable.
    QString backingFile() const;

private:
    VmError createAt(const QString &path) const;

    QString m_basePath;
    QString m_overlayPath;
};
