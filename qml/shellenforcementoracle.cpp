#include "shellenforcementoracle.h"

EnforcementStatus ShellEnforcementOracle::status(ContractElement element) const
{
    switch (element) {
    case ContractElement::Clipboard:
    case ContractElement::Fullscreen:
        return EnforcementStatus::Enforced;
    case ContractElement::MaxWindows:
        return m_seamless ? EnforcementStatus::Enforced : EnforcementStatus::MonitoredOnly;
    case ContractElement::Activity:
        // ApplianceSession's ApplianceMonitor compares store access with forwarded input while
        // the appliance runs; with the store withheld there is no access to compare.
        return m_plan.status(ContractElement::Mounts) == EnforcementStatus::Withheld ? EnforcementStatus::Withheld
                                                                                      : EnforcementStatus::MonitoredOnly;
    default:
        return m_plan.status(element);
    }
}
