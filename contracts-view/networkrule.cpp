#include "networkrule.h"

QString NetworkRule::protocolName(Protocol protocol)
{
    switch (protocol) {
    case Protocol::Tcp:
        return QStringLiteral("tcp");
    case Protocol::Udp:
        return QStringLiteral("udp");
    case Protocol::Icmp:
        return QStringLiteral("icmp");
    case Protocol::Any:
        break;
    }
    return QStringLiteral("any");
}

bool NetworkRule::parseProtocol(const QString &text, Protocol *protocol)
{
    for (const Protocol candidate : {Protocol::Tcp, Protocol::Udp, Protocol::Icmp, Protocol::Any}) {
        if (text.compare(protocolName(candidate), Qt::CaseInsensitive) == 0) {
            *protocol = candidate;
            return true;
        }
    }
    return false;
}

QString NetworkRule::directionName(Direction direction)
{
    switch (direction) {
    case Direction::In:
        return QStringLiteral("in");
    case Direction::Out:
        return QStringLiteral("out");
    case Direction::Peer:
        break;
    }
    return QStringLiteral("peer");
}

QString NetworkRule::canonical() const
{
    const QString srcRef = srcAddr.kind() == NetworkAddress::Kind::System ? QStringLiteral("=") : QString();
    const QString dstRef = dstAddr.kind() == NetworkAddress::Kind::System ? QStringLiteral("=") : QString();
    return QStringLiteral("%1 %2 %3%4:%5 > %6%7:%8")
        .arg(directionName(direction), protocolName(protocol), srcRef, srcAddr.toString(), srcPort.toString(), dstRef,
             dstAddr.toString(), dstPort.toString());
}

bool NetworkRule::sameTraffic(const NetworkRule &other) const
{
    return protocol == other.protocol && srcAddr == other.srcAddr && srcPort == other.srcPort && dstAddr == other.dstAddr
        && dstPort == other.dstPort && direction == other.direction;
}
