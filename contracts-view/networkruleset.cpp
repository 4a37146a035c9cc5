#include "networkruleset.h"

#include "contractslogging.h"

#include <QHash>
#include <QSet>

#include <array>

namespace {

__extension__ typedef unsigned __int128 Value;

enum Segment { Plain = 0, IPv4 = 1, IPv6 = 2, Atom = 3 };

struct Interval
{
    int segment = Plain;
    Value low = 0;
    Value high = 0;
};

enum Dimension { ProtocolDim, SrcAddrDim, SrcPortDim, DstAddrDim, DstPortDim, DimensionCount };
using Box = std::array<Interval, DimensionCount>;

// Protocol axis: tcp 0, udp 1, icmp 2, every other IP protocol 3.
constexpr int otherProtocols = 3;
const QString selfAtom = QStringLiteral("s:\x01self");

class BoxBuilder
{
public:
    void addAtoms(const QList<NetworkRule> &rules, const QString &self)
    {
        for (const NetworkRule &rule : rules) {
            addAtom(rule.srcAddr, self);
            addAtom(rule.dstAddr, self);
        }
    }

    QList<Box> boxes(const QList<NetworkRule> &rules, const QString &self) const
    {
        QList<Box> out;
        for (const NetworkRule &rule : rules) {
            const QList<Interval> sources = addresses(rule.srcAddr, self);
            const QList<Interval> destinations = addresses(rule.dstAddr, self);
            for (const auto &[protocols, portful] : protocolParts(rule.protocol)) {
                for (const Interval &src : sources) {
                    for (const Interval &dst : destinations) {
                        Box box;
                        box[ProtocolDim] = protocols;
                        box[SrcAddrDim] = src;
                        box[DstAddrDim] = dst;
                        box[SrcPortDim] = portful ? ports(rule.srcPort) : ports(PortRange());
                        box[DstPortDim] = portful ? ports(rule.dstPort) : ports(PortRange());
                        out.append(box);
                    }
                }
            }
        }
        return out;
    }

private:
    static QString atomKey(const NetworkAddress &address, const QString &self)
    {
        if (address.kind() == NetworkAddress::Kind::System)
            return address.name() == self ? selfAtom : QStringLiteral("s:") + address.name();
        return QStringLiteral("d:") + address.name();
    }

    void addAtom(const NetworkAddress &address, const QString &self)
    {
        if (address.kind() == NetworkAddress::Kind::DnsName || address.kind() == NetworkAddress::Kind::System) {
            const QString key = atomKey(address, self);
            if (!m_atoms.contains(key))
                m_atoms.insert(key, Value(m_atoms.size()));
        }
    }

    static Interval ports(const PortRange &range) { return {Plain, range.first(), range.last()}; }

    static QList<std::pair<Interval, bool>> protocolParts(NetworkRule::Protocol protocol)
    {
        switch (protocol) {
        case NetworkRule::Protocol::Tcp:
            return {{{Plain, 0, 0}, true}};
        case NetworkRule::Protocol::Udp:
            return {{{Plain, 1, 1}, true}};
        case NetworkRule::Protocol::Icmp:
            return {{{Plain, 2, 2}, false}};
        case NetworkRule::Protocol::Any:
            break;
        }
        return {{{Plain, 0, 1}, true}, {{Plain, 2, otherProtocols}, false}};
    }

    QList<Interval> addresses(const NetworkAddress &address, const QString &self) const
    {
        const Value all128 = ~Value(0);
        switch (address.kind()) {
        case NetworkAddress::Kind::Any:
            // The last atom point stands for every name and system no rule mentions.
            return {{IPv4, 0, 0xffffffffu}, {IPv6, 0, all128}, {Atom, 0, Value(m_atoms.size())}};
        case NetworkAddress::Kind::DnsName:
        case NetworkAddress::Kind::System: {
            const Value index = m_atoms.value(atomKey(address, self));
            return {{Atom, index, index}};
        }
        case NetworkAddress::Kind::Ip:
            break;
        }
        if (!address.isIPv6()) {
            const Value network = address.networkLow();
            const Value span = address.prefixLength() == 0 ? Value(0xffffffffu) : (Value(1) << (32 - address.prefixLength())) - 1;
            return {{IPv4, network, network | span}};
        }
        const Value network = (Value(address.networkHigh()) << 64) | address.networkLow();
        const Value span = address.prefixLength() == 0 ? all128 : (Value(1) << (128 - address.prefixLength())) - 1;
        return {{IPv6, network, network | span}};
    }

    QHash<QString, Value> m_atoms;
};

bool disjoint(const Interval &a, const Interval &b)
{
    return a.segment != b.segment || a.high < b.low || b.high < a.low;
}

// Appends a \ b to out as at most 2 * DimensionCount boxes.
void subtract(const Box &a, const Box &b, QList<Box> *out)
{
    for (int i = 0; i < DimensionCount; ++i) {
        if (disjoint(a[size_t(i)], b[size_t(i)])) {
            out->append(a);
            return;
        }
    }
    Box rest = a;
    for (size_t i = 0; i < DimensionCount; ++i) {
        if (rest[i].low < b[i].low) {
            Box piece = rest;
            piece[i].high = b[i].low - 1;
            out->append(piece);
            rest[i].low = b[i].low;
        }
        if (rest[i].high > b[i].high) {
            Box piece = rest;
            piece[i].low = b[i].high + 1;
            out->append(piece);
            rest[i].high = b[i].high;
        }
    }
    // What is left of a lies inside b.
}

} // namespace

bool NetworkRuleSet::covers(const QList<NetworkRule> &outer, const QString &outerSelf, const QList<NetworkRule> &inner, const QString &innerSelf)
{
    QSet<QString> outerKeys;
    for (const NetworkRule &rule : outer)
        outerKeys.insert(trafficKey(rule, outerSelf));
    QList<NetworkRule> rest;
    for (const NetworkRule &rule : inner) {
        if (!outerKeys.contains(trafficKey(rule, innerSelf)))
            rest.append(rule);
    }
    if (rest.isEmpty())
        return true;
    BoxBuilder builder;
    builder.addAtoms(outer, outerSelf);
    builder.addAtoms(rest, innerSelf);
    QList<Box> remaining = builder.boxes(rest, innerSelf);
    const QList<Box> covering = builder.boxes(outer, outerSelf);
    qint64 work = 0;
    for (const Box &cover : covering) {
        QList<Box> next;
        for (const Box &piece : std::as_const(remaining))
            subtract(piece, cover, &next);
        remaining.swap(next);
        if (remaining.isEmpty())
            return true;
        work += remaining.size();
        if (remaining.size() > maximumPieces || work > maximumWork) {
            qCWarning(lcContracts) << "rule comparison gave up after" << work << "subtractions; treating as not covered";
            return false;
        }
    }
    return remaining.isEmpty();
}

NetworkRule NetworkRuleSet::allowAll()
{
    NetworkRule rule;
    rule.protocol = NetworkRule::Protocol::Any;
    return rule;
}

QString NetworkRuleSet::trafficKey(const NetworkRule &rule, const QString &self)
{
    const auto address = [&](const NetworkAddress &a) {
        if (a.kind() != NetworkAddress::Kind::System)
            return a.toString(); // never starts with '=' nor holds a control character
        return a.name() == self ? selfAtom : QLatin1Char('=') + a.name();
    };
    return NetworkRule::protocolName(rule.protocol) + QLatin1Char(' ') + address(rule.srcAddr) + QLatin1Char(' ') + rule.srcPort.toString()
        + QLatin1Char(' ') + address(rule.dstAddr) + QLatin1Char(' ') + rule.dstPort.toString();
}
