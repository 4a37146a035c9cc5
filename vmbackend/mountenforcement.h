#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// Turns the mount part of a contract into domain configuration, and says how far
/// each of its elements is held on this connection.
///
/// Each Mount becomes one 9p export (SharedFolder) of its store folder, read-only in QEMU
/// when the contract says read-only, so that a guest cannot write there even if it mounts
/// the export read-write itself. Nothing else of the host is exported. The guest mounts the
/// exports at their targets when its session is up (GuestMountPlan); the folders are created
/// and checked for symbolic links at each launch (PersonalStore, LaunchJob).
class MountEnforcement
{
public:
    /// The 9p tag of the @p index-th mount ("tstore0", ...; QEMU allows at most 31 bytes).
    static QString tagFor(int index);

    /// Adds to @p spec what enforces @p contract's mount elements, and records in
    /// @p status the status of each of them (see EnforcementPlan).
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);
};
