#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// The network part of a contract on a privileged connection (qemu:///system): an nwfilter
/// (default deny, see NwfilterBuilder) and <bandwidth> on a NIC on libvirt's "default" network.
/// A contract without rules for this appliance gets no NIC at all.
class PrivilegedNetworkEnforcement
{
public:
    /// The status the network elements get. NotEnforced until a test proves nwfilter and
    /// <bandwidth> on a real guest under a system libvirtd (none runs on the test machine).
    static constexpr EnforcementStatus ProvenStatus = EnforcementStatus::NotEnforced;

    /// Fills @p spec->network (nwfilter name and definition, bandwidth) and the network
    /// elements' @p status.
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);
};
