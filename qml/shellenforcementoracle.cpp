#include "shellenforcementoracle.h"

EnforcementStatus ShellEnforcementOracle::status(ContractElement element) const
{
    switch (element) {
    case ContractElement::Clipboard:
    case ContractElement::Fullscreen:
        return EnforcementStatus::Enforced;
    case ContractElement::MaxWindows:
        return m_seamless ? EnforcementStatus::Enforced : EnforcementStatus::MonitoredOnly;
    default:
        return m_plan.status(element);
    }
}
