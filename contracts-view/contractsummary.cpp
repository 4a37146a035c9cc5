#include "contractsummary.h"

#include <algorithm>

using Risk = ContractGrant::Risk;
using Group = ContractGrant::Group;

ContractSummary::ContractSummary(const SystemContract &contract, const EnforcementOracle &oracle)
    : m_oracle(oracle)
    , m_systemId(contract.id)
{
    // Without a contract an appliance gets what an empty one grants: nothing it did not declare
    // (no network, none of the person's files), Tessera's default size and display rules.
    addNetwork(contract);
    addFiles(contract);
    for (const ActivityExpectation &expectation : contract.activity)
        add(Group::Activity, Risk::None, ContractElement::Activity, describeExpectation(expectation));
    if (contract.activity.isEmpty() && !contract.mounts.isEmpty())
        add(Group::Activity, Risk::Low, ContractElement::Activity, tr("Its use of your files is not tied to your typing or clicking"));
    addResources(contract);
    addDisplay(contract);
    m_noNetworkNoFiles = contract.rules.isEmpty() && contract.mounts.isEmpty();
    addWarnings(contract);
    // Damage potential first; the stable sort keeps group order within a risk.
    std::stable_sort(m_grants.begin(), m_grants.end(), [](const ContractGrant &a, const ContractGrant &b) {
        return a.risk > b.risk;
    });
}

void ContractSummary::add(Group group, Risk risk, ContractElement element, const QString &text)
{
    ContractGrant grant;
    grant.group = group;
    grant.risk = risk;
    grant.element = element;
    grant.text = text;
    grant.enforcement = m_oracle.status(element);
    grant.systemId = m_systemId;
    m_grants.append(grant);
    m_overallRisk = std::max(m_overallRisk, risk);
}

QString ContractSummary::protocolPhrase(NetworkRule::Protocol protocol)
{
    switch (protocol) {
    case NetworkRule::Protocol::Tcp:
        return tr("TCP");
    case NetworkRule::Protocol::Udp:
        return tr("UDP");
    case NetworkRule::Protocol::Icmp:
        return tr("ICMP (ping)");
    case NetworkRule::Protocol::Any:
        break;
    }
    return tr("any protocol");
}

QString ContractSummary::portPhrase(NetworkRule::Protocol protocol, const PortRange &ports)
{
    if (protocol == NetworkRule::Protocol::Icmp)
        return QString();
    if (ports.isAny())
        return tr("any port");
    if (ports.first() == ports.last())
        return tr("port %1").arg(ports.first());
    return tr("ports %1–%2").arg(ports.first()).arg(ports.last());
}

QString ContractSummary::addressPhrase(const NetworkAddress &address)
{
    switch (address.kind()) {
    case NetworkAddress::Kind::Any:
        return tr("anywhere");
    case NetworkAddress::Kind::System:
        return tr("the appliance system “%1”").arg(address.name());
    case NetworkAddress::Kind::DnsName:
    case NetworkAddress::Kind::Ip:
        break;
    }
    return address.toString();
}

QString ContractSummary::describeRule(const NetworkRule &rule)
{
    const QString protocol = protocolPhrase(rule.protocol);
    const QString port = portPhrase(rule.protocol, rule.dstPort);
    const QString with = port.isEmpty() ? protocol : tr("%1 %2", "protocol then port, e.g. TCP port 80").arg(protocol, port);
    switch (rule.direction) {
    case NetworkRule::Direction::In:
        return tr("Accepts %1 connections from %2", "e.g. TCP port 80 / anywhere").arg(with, addressPhrase(rule.srcAddr));
    case NetworkRule::Direction::Out:
        if (rule.dstAddr.isAny() && rule.protocol == NetworkRule::Protocol::Any && rule.dstPort.isAny())
            return tr("Can send any traffic anywhere");
        return tr("Connects to %1 over %2", "e.g. anywhere / TCP port 443").arg(addressPhrase(rule.dstAddr), with);
    case NetworkRule::Direction::Peer:
        break;
    }
    return tr("Lets %1 reach %2 over %3", "traffic between other systems of the same appliance")
        .arg(addressPhrase(rule.srcAddr), addressPhrase(rule.dstAddr), with);
}

Risk ContractSummary::ruleRisk(const NetworkRule &rule)
{
    const NetworkAddress &far = rule.direction == NetworkRule::Direction::In ? rule.srcAddr : rule.dstAddr;
    if (rule.direction == NetworkRule::Direction::Peer || far.kind() == NetworkAddress::Kind::System)
        return Risk::Low;
    const bool broadPrefix = far.kind() == NetworkAddress::Kind::Ip && far.prefixLength() <= (far.isIPv6() ? 32 : 8);
    if (rule.direction == NetworkRule::Direction::Out)
        return far.isAny() || broadPrefix ? Risk::High : Risk::Medium;
    return far.isAny() || broadPrefix ? Risk::Medium : Risk::Low;
}

QString ContractSummary::describeMount(const MountGrant &mount)
{
    QString text = mount.access == MountGrant::Access::ReadWrite ? tr("Can read and change your folder “%1”").arg(mount.store)
                                                                 : tr("Can read your folder “%1”").arg(mount.store);
    if (mount.readRate.isLimited())
        text += tr(", reading at most %1").arg(mount.readRate.toDisplayString());
    if (mount.writeRate.isLimited())
        text += tr(", writing at most %1").arg(mount.writeRate.toDisplayString());
    return text;
}

Risk ContractSummary::mountRisk(const MountGrant &mount)
{
    return mount.access == MountGrant::Access::ReadWrite ? Risk::High : Risk::Medium;
}

QString ContractSummary::describeExpectation(const ActivityExpectation &expectation)
{
    const QString seconds = QString::number(expectation.withinSecondsOfInput, 'g', 6);
    const bool anyStore = expectation.store == QLatin1String("any");
    if (expectation.access == ActivityExpectation::Access::Write)
        return anyStore ? tr("Should change your files only within %1 s of your typing or clicking (otherwise reported)").arg(seconds)
                        : tr("Should change “%1” only within %2 s of your typing or clicking (otherwise reported)").arg(expectation.store, seconds);
    return anyStore ? tr("Should read your files only within %1 s of your typing or clicking (otherwise reported)").arg(seconds)
                    : tr("Should read “%1” only within %2 s of your typing or clicking (otherwise reported)").arg(expectation.store, seconds);
}

void ContractSummary::addNetwork(const SystemContract &contract)
{
    if (contract.rules.isEmpty()) {
        add(Group::Network, Risk::None, ContractElement::NetworkRules, tr("Cannot use the network"));
        return;
    }
    for (const NetworkRule &rule : contract.rules)
        add(Group::Network, ruleRisk(rule), ContractElement::NetworkRules, describeRule(rule));
    if (contract.outgoingRate.isLimited())
        add(Group::Network, Risk::None, ContractElement::OutgoingRate, tr("Sends at most %1").arg(contract.outgoingRate.toDisplayString()));
    if (contract.incomingRate.isLimited())
        add(Group::Network, Risk::None, ContractElement::IncomingRate, tr("Receives at most %1").arg(contract.incomingRate.toDisplayString()));
}

void ContractSummary::addFiles(const SystemContract &contract)
{
    if (contract.mounts.isEmpty()) {
        add(Group::Files, Risk::None, ContractElement::Mounts, tr("Cannot see any of your files"));
        return;
    }
    for (const MountGrant &mount : contract.mounts)
        add(Group::Files, mountRisk(mount), ContractElement::Mounts, describeMount(mount));
}

void ContractSummary::addResources(const SystemContract &contract)
{
    const ResourceLimits &r = contract.resources;
    if (r.isEmpty()) {
        add(Group::Resources, Risk::Low, ContractElement::Cpus, tr("No resource limits: may use all processors, memory and disk bandwidth"));
        return;
    }
    if (r.cpus)
        add(Group::Resources, Risk::None, ContractElement::Cpus, tr("Uses at most %n processor(s)", nullptr, *r.cpus));
    if (r.memoryMiB)
        add(Group::Resources, Risk::None, ContractElement::Memory, tr("Uses at most %1 MiB of memory").arg(QString::number(*r.memoryMiB, 'g', 10)));
    if (r.cpuQuotaPercent)
        add(Group::Resources, Risk::None, ContractElement::CpuQuota,
            tr("Uses at most %1% of one processor core").arg(QString::number(*r.cpuQuotaPercent, 'g', 6)));
    if (r.diskReadRate.isLimited())
        add(Group::Resources, Risk::None, ContractElement::DiskRates, tr("Reads its disk at most at %1").arg(r.diskReadRate.toDisplayString()));
    if (r.diskWriteRate.isLimited())
        add(Group::Resources, Risk::None, ContractElement::DiskRates, tr("Writes its disk at most at %1").arg(r.diskWriteRate.toDisplayString()));
    if (r.diskReadIops)
        add(Group::Resources, Risk::None, ContractElement::DiskIops, tr("At most %1 disk reads per second").arg(*r.diskReadIops));
    if (r.diskWriteIops)
        add(Group::Resources, Risk::None, ContractElement::DiskIops, tr("At most %1 disk writes per second").arg(*r.diskWriteIops));
}

void ContractSummary::addDisplay(const SystemContract &contract)
{
    const DisplayPolicy &d = contract.display;
    switch (d.clipboard) {
    case DisplayPolicy::Clipboard::None:
        add(Group::Display, Risk::None, ContractElement::Clipboard, tr("Cannot use your clipboard"));
        break;
    case DisplayPolicy::Clipboard::Explicit:
        add(Group::Display, Risk::Low, ContractElement::Clipboard, tr("Sees your clipboard only when you paste into it"));
        break;
    case DisplayPolicy::Clipboard::Unspecified:
        add(Group::Display, Risk::Low, ContractElement::Clipboard, tr("Clipboard use is not limited: it may see what you copy"));
        break;
    }
    if (d.maxWindows)
        add(Group::Display, Risk::None, ContractElement::MaxWindows, tr("Opens at most %n window(s)", nullptr, *d.maxWindows));
    if (d.fullscreen == DisplayPolicy::Fullscreen::Deny)
        add(Group::Display, Risk::None, ContractElement::Fullscreen, tr("Cannot cover the whole screen"));
    else
        add(Group::Display, Risk::Low, ContractElement::Fullscreen, tr("May cover the whole screen, where it could imitate another program"));
}

void ContractSummary::addWarnings(const SystemContract &contract)
{
    if (!contract.hasContract) {
        m_warnings.append(tr("No contract: it declares nothing, so it gets no network and none of your files"));
        return;
    }
    QStringList readOnly;
    QStringList writable;
    for (const MountGrant &mount : contract.mounts)
        (mount.access == MountGrant::Access::ReadWrite ? writable : readOnly).append(mount.store);
    bool sendsAnywhere = false;
    bool openToAnyone = false;
    for (const NetworkRule &rule : contract.rules) {
        sendsAnywhere = sendsAnywhere || (rule.direction == NetworkRule::Direction::Out && rule.dstAddr.isAny());
        openToAnyone = openToAnyone || (rule.direction == NetworkRule::Direction::In && rule.srcAddr.isAny());
    }
    const QString separator = tr(", ", "list separator");
    // A folder it may change is said to be changed, never only read.
    if (sendsAnywhere && !writable.isEmpty() && !readOnly.isEmpty()) {
        m_warnings.append(tr("Can read and change your files (%1), read %2 and send data anywhere on the internet")
                              .arg(writable.join(separator), readOnly.join(separator)));
    } else if (sendsAnywhere && !writable.isEmpty()) {
        m_warnings.append(tr("Can read and change your files (%1) and send data anywhere on the internet").arg(writable.join(separator)));
    } else if (sendsAnywhere && !readOnly.isEmpty()) {
        m_warnings.append(tr("Can read your files (%1) and send data anywhere on the internet").arg(readOnly.join(separator)));
    }
    if (sendsAnywhere && !(writable.isEmpty() && readOnly.isEmpty()))
        m_overallRisk = Risk::Critical;
    if (!writable.isEmpty() && openToAnyone) {
        m_warnings.append(tr("Can change your files (%1) and accepts connections from anywhere").arg(writable.join(separator)));
        m_overallRisk = std::max(m_overallRisk, Risk::High);
    }
}

QString ContractSummary::headline() const
{
    if (!m_warnings.isEmpty())
        return m_warnings.first();
    if (m_grants.isEmpty())
        return QString();
    if (m_overallRisk <= Risk::Low && m_noNetworkNoFiles)
        return tr("Cannot use the network or see your files");
    return m_grants.first().text;
}
