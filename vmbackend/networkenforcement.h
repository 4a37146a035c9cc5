#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// Turns the network part of a contract into domain configuration on unprivileged
/// connections, and says how far each of its elements is held there: QEMU user networking
/// with restrict=on, whose only way out is the egress gateway (vmbackend/gateway/) that
/// checks the contract's outbound tcp rules and rates; inbound tcp rules become forwards
/// from free high ports on the host's 127.0.0.1 (InboundPortMap). No network rule: no NIC at
/// all. See docs/enforcement.md.
class NetworkEnforcement
{
public:
    /// The host forwards for the contract's inbound tcp rules: single ports only, one per
    /// guest port. The host port is left 0: InboundPortMap chooses it at launch.
    static QList<HostForward> inboundForwards(const SystemContract &contract);

    /// Adds to @p spec what enforces @p contract's network elements, and records in
    /// @p status the status of each of them (see EnforcementPlan).
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);

private:
    static bool provenOnRealGuest();
};
