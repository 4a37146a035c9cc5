#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// The network part of a contract on a privileged connection (qemu:///system): an nwfilter
/// (default deny) and <bandwidth> on a libvirt network interface.
class PrivilegedNetworkEnforcement
{
public:
    /// Fills @p spec->network (nwfilter name, bandwidth) and the network elements' @p status.
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);
};
