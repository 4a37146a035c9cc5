#include "privilegednetworkenforcement.h"

#include "nwfilterbuilder.h"
#include "systemcontract.h"
#include "vmbackendlog.h"

#include <QNetworkInterface>

#include <algorithm>
#include <cmath>

namespace {

/// libvirt's <bandwidth> takes KiB/s and KiB; rounded down so the guest never gets more.
qint64 kib(double bytes)
{
    return std::max<qint64>(1, qint64(std::floor(bytes / 1024.0)));
}

void setRate(const Rate &rate, qint64 *average, qint64 *peak, qint64 *burst)
{
    if (!rate.isLimited())
        return;
    *average = kib(rate.average());
    if (rate.hasPeak())
        *peak = std::max(*average, kib(rate.effectivePeak()));
    if (rate.hasBurst() && rate.effectiveBurst() > 0)
        *burst = kib(rate.effectiveBurst());
}

} // namespace

void PrivilegedNetworkEnforcement::apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                                         QHash<ContractElement, EnforcementStatus> *status)
{
    GuestNetwork &network = spec->network;
    const bool anyTraffic = std::any_of(contract.rules.cbegin(), contract.rules.cend(), [](const NetworkRule &rule) {
        return rule.direction != NetworkRule::Direction::Peer;
    });
    // No rule for this appliance: no NIC at all, which denies everything.
    network.enabled = anyTraffic;
    if (anyTraffic) {
        // This machine's addresses as they are now: `any` must not reach them (see NwfilterBuilder).
        const NwfilterBuilder::Result filter = NwfilterBuilder::build(contract, NwfilterBuilder::filterName(context.applianceName),
                                                                      QNetworkInterface::allAddresses());
        network.nwfilterName = filter.name;
        network.nwfilterXml = filter.xml;
        network.nwfilterParameters = NwfilterBuilder::interfaceParameters();
        if (!filter.leftOut.isEmpty())
            qCInfo(lcVmBackend) << context.applianceName << "nwfilter cannot express" << filter.leftOut.size()
                                << "rules (DNS names, other systems, peers, or too many); their traffic is denied:" << filter.leftOut;
        setRate(contract.outgoingRate, &network.outboundAverageKiBs, &network.outboundPeakKiBs, &network.outboundBurstKiB);
        setRate(contract.incomingRate, &network.inboundAverageKiBs, &network.inboundPeakKiBs, &network.inboundBurstKiB);
    }
    status->insert(ContractElement::NetworkRules, RulesStatus);
    if (contract.outgoingRate.isLimited())
        status->insert(ContractElement::OutgoingRate, RatesStatus);
    if (contract.incomingRate.isLimited())
        status->insert(ContractElement::IncomingRate, RatesStatus);
}
