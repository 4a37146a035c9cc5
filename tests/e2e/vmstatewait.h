#pragma once
// Waiting for an appliance VM's state in real-VM tests: on its stateChanged signal, with a deadline.

#include "appliancevm.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QtDebug>

/// Waits until @p vm is in @p state (or Failed, or @p timeoutMs passed); says why when not.
inline bool waitForVmState(ApplianceVm &vm, ApplianceVm::State state, int timeoutMs)
{
    QSignalSpy changed(&vm, &ApplianceVm::stateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (vm.state() != state && vm.state() != ApplianceVm::Failed && !deadline.hasExpired())
        changed.wait(int(qMax<qint64>(1, deadline.remainingTime())));
    if (vm.state() != state)
        qWarning() << "VM state" << vm.state() << "wanted" << state << vm.lastError().toString();
    return vm.state() == state;
}
