#include "nwfilterbuilder.h"

#include "gatewaypolicy.h"
#include "systemcontract.h"

#include <QUuid>
#include <QXmlStreamWriter>

namespace {

// Priorities order the rules (lower first): DHCP, the contract's rules that name their
// addresses, the refusals of what `any` never reaches, the other rules at the default 500,
// and the final drops. Layer 2 is libvirt's clean-traffic (its own chains, before all these).
constexpr int DhcpPriority = 100;
constexpr int NamedRulePriority = 200;
constexpr int RefusalPriority = 300;
constexpr int RulePriority = 500;
constexpr int DropPriority = 1000;
constexpr int MaximumHostAddresses = 64;

const QUuid FilterNamespace(QStringLiteral("{1c0a5a0e-7a39-4f0c-9d3e-5b1f4b8e2c71}"));

using Attributes = QList<std::pair<QString, QString>>;

void writeRule(QXmlStreamWriter &xml, const QString &action, const QString &direction, int priority, const QString &protocol,
               const Attributes &attributes = {})
{
    xml.writeStartElement(QStringLiteral("rule"));
    xml.writeAttribute(QStringLiteral("action"), action);
    xml.writeAttribute(QStringLiteral("direction"), direction);
    xml.writeAttribute(QStringLiteral("priority"), QString::number(priority));
    xml.writeEmptyElement(protocol);
    for (const auto &[name, value] : attributes)
        xml.writeAttribute(name, value);
    xml.writeEndElement();
}

QString protocolElement(NetworkRule::Protocol protocol, bool ipv6)
{
    switch (protocol) {
    case NetworkRule::Protocol::Tcp:
        return ipv6 ? QStringLiteral("tcp-ipv6") : QStringLiteral("tcp");
    case NetworkRule::Protocol::Udp:
        return ipv6 ? QStringLiteral("udp-ipv6") : QStringLiteral("udp");
    case NetworkRule::Protocol::Icmp:
        return ipv6 ? QStringLiteral("icmpv6") : QStringLiteral("icmp");
    case NetworkRule::Protocol::Any:
        break;
    }
    return ipv6 ? QStringLiteral("all-ipv6") : QStringLiteral("all");
}

/// The remote end's address match ("dst" outbound, "src" inbound); none for `any`.
void addAddress(Attributes *attributes, const QString &prefix, const NetworkAddress &address)
{
    if (address.kind() != NetworkAddress::Kind::Ip)
        return;
    attributes->append({prefix + QStringLiteral("ipaddr"), address.toString().section(QLatin1Char('/'), 0, 0)});
    attributes->append({prefix + QStringLiteral("ipmask"), QString::number(address.prefixLength())});
}

void addPorts(Attributes *attributes, const QString &prefix, const PortRange &ports)
{
    if (ports.isAny())
        return;
    attributes->append({prefix + QStringLiteral("portstart"), QString::number(ports.first())});
    if (ports.last() != ports.first())
        attributes->append({prefix + QStringLiteral("portend"), QString::number(ports.last())});
}

bool expressible(const NetworkAddress &address)
{
    return address.kind() == NetworkAddress::Kind::Any || address.kind() == NetworkAddress::Kind::Ip;
}

/// Writes @p rule as accept rules (one per IP family it covers). The remote end is the
/// destination for outbound rules and the source for inbound ones. An outbound rule that
/// names its addresses comes before the refusals (it may reach them), any other after.
void writeContractRule(QXmlStreamWriter &xml, const NetworkRule &rule)
{
    const bool outbound = rule.direction == NetworkRule::Direction::Out;
    const NetworkAddress &remote = outbound ? rule.dstAddr : rule.srcAddr;
    const int priority = outbound && GatewayPolicy::namesItsAddresses(remote) ? NamedRulePriority : RulePriority;
    QList<bool> families;
    if (remote.kind() == NetworkAddress::Kind::Ip)
        families.append(remote.isIPv6());
    else
        families = {false, true};
    for (bool ipv6 : std::as_const(families)) {
        Attributes attributes;
        addAddress(&attributes, outbound ? QStringLiteral("dst") : QStringLiteral("src"), remote);
        if (NetworkRule::hasPorts(rule.protocol)) {
            addPorts(&attributes, QStringLiteral("src"), rule.srcPort);
            addPorts(&attributes, QStringLiteral("dst"), rule.dstPort);
        }
        writeRule(xml, QStringLiteral("accept"), outbound ? QStringLiteral("out") : QStringLiteral("in"), priority,
                  protocolElement(rule.protocol, ipv6), attributes);
    }
}

/// Drops every new connection the guest opens to @p address (a special block or one of this
/// machine's addresses), whatever the protocol. Only new ones: the answers to a connection
/// made to the guest through an inbound rule still pass. (libvirt's schema has no state for
/// IPv6 matches; IPv6 does not pass clean-traffic anyway, so there it drops all.)
void writeRefusal(QXmlStreamWriter &xml, const NetworkAddress &address)
{
    Attributes attributes;
    addAddress(&attributes, QStringLiteral("dst"), address);
    if (!address.isIPv6())
        attributes.append({QStringLiteral("state"), QStringLiteral("NEW")});
    writeRule(xml, QStringLiteral("drop"), QStringLiteral("out"), RefusalPriority,
              address.isIPv6() ? QStringLiteral("all-ipv6") : QStringLiteral("all"), attributes);
}

} // namespace

QString NwfilterBuilder::filterName(const QString &applianceName)
{
    QString name = QStringLiteral("tessera-") + applianceName.left(64);
    for (QChar &c : name) {
        const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
            || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') || c == QLatin1Char('.') || c == QLatin1Char('-');
        if (!allowed)
            c = QLatin1Char('-');
    }
    return name;
}

NwfilterBuilder::Result NwfilterBuilder::build(const SystemContract &contract, const QString &name,
                                               const QList<QHostAddress> &hostAddresses)
{
    Result result;
    result.name = name;
    QXmlStreamWriter xml(&result.xml);
    xml.setAutoFormatting(true);
    xml.writeStartElement(QStringLiteral("filter"));
    xml.writeAttribute(QStringLiteral("name"), name);
    xml.writeAttribute(QStringLiteral("chain"), QStringLiteral("root"));
    // Derived from the name, so redefining the filter updates it in place.
    xml.writeTextElement(QStringLiteral("uuid"), QUuid::createUuidV5(FilterNamespace, name).toString(QUuid::WithoutBraces));

    // Layer 2: libvirt's own filter against MAC, IP and ARP spoofing; it passes ARP and IPv4
    // (to the rules below) and drops all other frames, IPv6 among them.
    xml.writeEmptyElement(QStringLiteral("filterref"));
    xml.writeAttribute(QStringLiteral("filter"), QLatin1String(CleanTrafficFilter));
    // The guest gets its address from the libvirt network's DHCP server.
    writeRule(xml, QStringLiteral("accept"), QStringLiteral("out"), DhcpPriority, QStringLiteral("udp"),
              {{QStringLiteral("srcportstart"), QStringLiteral("68")}, {QStringLiteral("dstportstart"), QStringLiteral("67")}});
    writeRule(xml, QStringLiteral("accept"), QStringLiteral("in"), DhcpPriority, QStringLiteral("udp"),
              {{QStringLiteral("srcportstart"), QStringLiteral("67")}, {QStringLiteral("dstportstart"), QStringLiteral("68")}});

    // As the session mode's gateway: `any` and wide prefixes never reach this machine, the
    // local network, link-local (the cloud metadata address) or other special addresses; only
    // a rule naming them does (written before these, at NamedRulePriority).
    for (const NetworkAddress &block : GatewayPolicy::specialBlocks())
        writeRefusal(xml, block);
    int ownAddresses = 0;
    for (const QHostAddress &address : hostAddresses) {
        const NetworkAddress own = GatewayPolicy::toNetworkAddress(address);
        if (own.isAny() || !GatewayPolicy::specialBlock(address).isAny() || ownAddresses >= MaximumHostAddresses)
            continue; // not an address, or already refused with its block
        writeRefusal(xml, own);
        ++ownAddresses;
    }

    for (const NetworkRule &rule : contract.rules) {
        const bool outbound = rule.direction == NetworkRule::Direction::Out;
        const bool inbound = rule.direction == NetworkRule::Direction::In;
        const NetworkAddress &remote = outbound ? rule.dstAddr : rule.srcAddr;
        if ((!outbound && !inbound) || !expressible(remote) || result.compiledRules >= MaximumRules) {
            result.leftOut.append(rule.canonical());
            continue;
        }
        writeContractRule(xml, rule);
        ++result.compiledRules;
    }

    writeRule(xml, QStringLiteral("drop"), QStringLiteral("inout"), DropPriority, QStringLiteral("all"));
    writeRule(xml, QStringLiteral("drop"), QStringLiteral("inout"), DropPriority, QStringLiteral("all-ipv6"));
    xml.writeEndElement();
    xml.writeEndDocument();
    return result;
}

QMap<QString, QString> NwfilterBuilder::interfaceParameters()
{
    // Learn the guest's address only from the DHCP exchange (not from whatever the guest sends
    // first): clean-traffic then holds it to the address it leased.
    return {{QStringLiteral("CTRL_IP_LEARNING"), QStringLiteral("dhcp")}};
}
