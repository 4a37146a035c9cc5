#include "networkenforcement.h"

#include "systemcontract.h"

void NetworkEnforcement::apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                               QHash<ContractElement, EnforcementStatus> *status)
{
    // Nothing enforced yet: EnforcementPlan reports every element as not enforced.
    Q_UNUSED(contract)
    Q_UNUSED(context)
    Q_UNUSED(spec)
    Q_UNUSED(status)
}
