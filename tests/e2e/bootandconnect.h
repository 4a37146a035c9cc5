#pragma once
// Starting an appliance VM in real-VM tests and reaching its guest: one way for every test.

#include "guestdriver.h"
#include "spiceconnection.h"
#include "vmstatewait.h"

/// Starts @p vm, connects @p spice to its display and waits until @p driver sees the guest's
/// session up; says why when not.
inline bool bootAndConnect(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver, int stateTimeoutMs, int bootTimeoutMs)
{
    vm.start();
    if (!waitForVmState(vm, ApplianceVm::Running, stateTimeoutMs))
        return false;
    spice.connectToUnixSocket(vm.spec().spiceSocket);
    if (!driver.waitForSessionUp(bootTimeoutMs)) {
        qWarning() << driver.lastFailure();
        return false;
    }
    return true;
}
