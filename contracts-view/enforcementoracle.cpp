#include "enforcementoracle.h"

#include "notenforcedoracle.h"

EnforcementOracle::~EnforcementOracle() = default;

bool EnforcementOracle::protects(ContractElement element) const
{
    const EnforcementStatus current = status(element);
    return current == EnforcementStatus::Enforced || (element == ContractElement::Activity && current == EnforcementStatus::MonitoredOnly);
}

const EnforcementOracle &EnforcementOracle::notEnforcedYet()
{
    static const NotEnforcedOracle oracle;
    return oracle;
}

QString EnforcementOracle::statusKey(EnforcementStatus status)
{
    switch (status) {
    case EnforcementStatus::Enforced:
        return QStringLiteral("enforced");
    case EnforcementStatus::MonitoredOnly:
        return QStringLiteral("monitored");
    case EnforcementStatus::NotEnforced:
        break;
    }
    return QStringLiteral("not-enforced");
}

QString EnforcementOracle::statusText(EnforcementStatus status)
{
    switch (status) {
    case EnforcementStatus::Enforced:
        return tr("Enforced here");
    case EnforcementStatus::MonitoredOnly:
        return tr("Monitored here, not enforced");
    case EnforcementStatus::NotEnforced:
        break;
    }
    return tr("Declared only: not enforced here yet");
}
