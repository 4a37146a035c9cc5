#pragma once

#include "domainspec.h"
#include "vmerror.h"

#include <QString>

struct _virConnect;

/// The blocking half of launching an appliance, run on the LibvirtConnection worker: prepares
/// the system disk for the launch mode, (re)defines the domain and boots it or restores its
/// ready state, and captures the ready state. ApplianceVm owns the state; this owns the steps.
class LaunchJob
{
public:
    DomainSpec spec;
    QString baseDisk;
    QString recipeHash;
    QString instanceDir;
    bool keepChanges = false;
    /// The personal store the shared folders of spec lie in (EnforcementContext::storeRoot).
    QString storeRoot;

    struct Result
    {
        VmError error;               ///< set only when the VM could not be (re)started
        bool fromReadyState = false; ///< the VM runs from the ready state, not a cold boot
        bool hasReadyState = false;  ///< a complete ready state is on disk afterwards
        qint64 captureMs = -1;       ///< captureAndRelaunch(): time to save and publish
        bool skipped = false;        ///< captureAndRelaunch() found nothing to capture
    };

    /// start(): discards the overlay in fresh mode and restores a valid ready state, else
    /// cold boots (a ready state that is out of date or fails to restore is discarded).
    Result launch(_virConnect *connection) const;
    /// captureReadyState(): saves the running VM into a new ready state and launches from it.
    Result captureAndRelaunch(_virConnect *connection) const;
    /// rollback(): a new empty overlay, on the ready disk in fresh mode when there is one.
    VmError rollback(_virConnect *connection) const;
    /// Frees the data of the overlay the last launch or roll back replaced.
    void removeDiscardedOverlay() const;

    /// Creates the store folders spec exports and checks that none leads out of the store
    /// through a symbolic link (PersonalStore::ensureFolder). Blocking; called by launch().
    VmError prepareSharedFolders() const;
    /// Starts the egress gateway on spec.network.gatewaySocket when the spec has network (else
    /// nothing). QEMU connects to it as it starts, so it must listen first. Blocking.
    static bool startGateway(const DomainSpec &spec, VmError *error);

private:
    Result coldBoot(_virConnect *connection) const;
    /// Defines the domain and restores @p memoryImage on a new overlay over @p readyDisk.
    /// Returns why it failed, empty on success.
    QString restore(_virConnect *connection, const QString &readyDisk, const QString &memoryImage) const;
    bool define(_virConnect *connection, VmError *error) const;
};
