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
    /// NetworkRules: the nwfilter is proven on a real guest under a private system libvirtd
    /// (tests/e2e/tst_limits_e2e.cpp, privilegedNetwork).
    static constexpr EnforcementStatus RulesStatus = EnforcementStatus::Enforced;
    /// OutgoingRate and IncomingRate: <bandwidth> is written but not proven (the test
    /// machine's kernel lacks the tc police action and sfq qdisc libvirt uses): not claimed.
    static constexpr EnforcementStatus RatesStatus = EnforcementStatus::NotEnforced;

    /// Fills @p spec->network (nwfilter name and definition, bandwidth) and the network
    /// elements' @p status.
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);
};
