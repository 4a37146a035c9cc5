#pragma once

#include "vmerror.h"

#include <QString>

/// The launch mode an appliance keeps in its instance folder (INSTANCE/mode: "fresh" or
/// "keep"), written atomically. Blocking on save (fsync): call off the GUI thread.
class LaunchModeFile
{
public:
    static QString path(const QString &instanceDir) { return instanceDir + QStringLiteral("/mode"); }
    /// True when the appliance keeps its changes; false (fresh every launch) when the file is
    /// missing or holds anything else.
    static bool keepsChanges(const QString &instanceDir);
    static VmError save(const QString &instanceDir, bool keepChanges);
};
