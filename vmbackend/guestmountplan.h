#pragma once

#include "domainspec.h"

#include <QList>
#include <QStringList>

/// The commands that mount an appliance's shared folders inside its guest, run by the guest
/// agent's Exec (as root, without a shell of the host's making) once the guest's session is
/// up — after any ready-state capture and after every restore, since QEMU refuses to save a
/// VM while a 9p export is mounted.
///
/// The host decides everything: tags and targets come from the contract (validated here
/// again), and reach the guest's /bin/sh only as positional parameters, never inside the
/// script text, so no target can inject a command. The guest is untrusted all the same: its
/// answer only says whether the folder appeared where the app expects it; what it may reach
/// is decided by QEMU's export (read-only, the store folder only).
class GuestMountPlan
{
public:
    /// The mount options: 9p over virtio, no device files or set-uid programs from the store,
    /// and `ro` for read-only mounts (QEMU refuses writes to them anyway).
    static QString optionsFor(const SharedFolder &folder);

    /// The argv that mounts @p folder at its target unless something is mounted there already
    /// (so a repeated call, e.g. after the display reconnected, changes nothing).
    static QStringList commandFor(const SharedFolder &folder);

    /// One command per folder, parents before the folders mounted inside them. Folders with an
    /// invalid tag or target are left out.
    static QList<QStringList> commandsFor(const QList<SharedFolder> &folders);

    /// An absolute, clean guest path other than "/", without control characters.
    static bool validTarget(const QString &target);
    /// 1 to 31 bytes of [A-Za-z0-9_-].
    static bool validTag(const QString &tag);
};
