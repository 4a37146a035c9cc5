#pragma once

#include "networkaddress.h"
#include "portrange.h"

#include <QString>

/**
 * One `Rule` of a NetworkContract_Type section: traffic of a protocol from
 * a source address and port to a destination address and port. Anything no
 * rule allows is denied.
 *
 * The direction is not written in the contract; the parser derives it for
 * the system that carries the contract (see docs/contract-format.md).
 */
struct NetworkRule
{
    enum class Protocol { Tcp, Udp, Icmp, Any };
    enum class Direction {
        In, ///< the destination is this system: an open port
        Out, ///< this system (or any source) reaches elsewhere
        Peer, ///< traffic between other systems of the envelope
    };

    QString info;
    Protocol protocol = Protocol::Any;
    NetworkAddress srcAddr;
    PortRange srcPort;
    NetworkAddress dstAddr;
    PortRange dstPort;
    Direction direction = Direction::Out;

    /// `tcp`, `udp`, `icmp` or `any`.
    static QString protocolName(Protocol protocol);
    /// Parses a protocol keyword (case-insensitive); false if unknown.
    static bool parseProtocol(const QString &text, Protocol *protocol);
    /// `in`, `out` or `peer`.
    static QString directionName(Direction direction);
    /// True for protocols whose traffic has ports (tcp, udp).
    static bool hasPorts(Protocol protocol) { return protocol == Protocol::Tcp || protocol == Protocol::Udp; }

    /// A stable one-line form without the info text, e.g.
    /// `out tcp any:any > dbservervm:3306`; used for sorting and digests.
    QString canonical() const;

    /// Equal in everything but the info text.
    bool sameTraffic(const NetworkRule &other) const;
};
