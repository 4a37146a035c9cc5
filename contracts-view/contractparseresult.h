#pragma once

#include "systemcontract.h"

#include <QList>
#include <QString>
#include <QStringList>

/**
 * What ContractParser returns. When ok is false the descriptor was rejected
 * as a whole, systems is empty and no appliance in it may be launched.
 */
struct ContractParseResult
{
    bool ok = false;
    /// `FILE:LINE:COLUMN: message` when !ok.
    QString error;
    /// The message part of error, and its position (1-based), for UIs.
    QString errorMessage;
    int errorLine = 0;
    int errorColumn = 0;
    /// The name used in messages.
    QString fileName;
    /// The VirtualSystems in document order, with their merged contracts.
    QList<SystemContract> systems;
    /// `FILE:LINE:COLUMN: message` notes that do not reject the file:
    /// sections not understood, and why a system cannot be launched.
    QStringList notes;

    /// True when the file parsed and every system in it may be launched.
    bool allLaunchable() const
    {
        if (!ok)
            return false;
        for (const SystemContract &system : systems) {
            if (!system.isLaunchable())
                return false;
        }
        return true;
    }
};
