#include "enforcementoracle.h"

#include "notenforcedoracle.h"

EnforcementOracle::~EnforcementOracle() = default;

bool EnforcementOracle::protects(ContractElement element) const
{
    const EnforcementStatus current = status(element);
    // A withheld grant is not given at all: the appliance cannot use it.
    return current == EnforcementStatus::Enforced || current == EnforcementStatus::Withheld || (element == ContractElement::Activity && current == EnforcementStatus::MonitoredOnly);
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
    case EnforcementStatus::Withheld:
        return QStringLiteral("withheld");
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
    case EnforcementStatus::Withheld:
        return tr("Cannot be held on this host, so not granted: the appliance runs without it");
    case EnforcementStatus::NotEnforced:
        break;
    }
    return tr("Declared only: not enforced here yet");
}
