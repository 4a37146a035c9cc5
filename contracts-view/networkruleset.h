#pragma once

#include "networkrule.h"

#include <QList>
#include <QString>

/**
 * Set logic over network rules: does one list of rules allow everything
 * another allows? Each rule is a box in (protocol, source address, source
 * port, destination address, destination port); coverage is decided by
 * subtracting boxes, so a rule may be covered by several rules together
 * (ports 1-100 by 1-50 and 51-100, 10.0.0.0/8 by its two /9 halves).
 *
 * Addresses: `any` covers every IPv4 and IPv6 address, every DNS name and
 * every system; a prefix covers the prefixes inside it (per family); names
 * and system references cover only themselves. Ports only matter for tcp
 * and udp; `any` protocol also covers protocols other than tcp, udp, icmp.
 */
class NetworkRuleSet
{
public:
    /// Past this many intermediate pieces, or this many box subtractions, the
    /// answer is "not covered": the safe side, as it makes the shell ask again.
    static constexpr int maximumPieces = 100000;
    static constexpr qint64 maximumWork = 20000000;

    /// True when every packet a rule in @p inner allows is also allowed by a
    /// rule in @p outer. A reference to @p outerSelf in @p outer and one to
    /// @p innerSelf in @p inner both mean "the system that carries the
    /// contract", so contracts of differently named systems compare.
    static bool covers(const QList<NetworkRule> &outer, const QString &outerSelf, const QList<NetworkRule> &inner, const QString &innerSelf);

    /// A rule allowing everything: what a system without contract may do.
    static NetworkRule allowAll();

    /// The traffic a rule allows as text, with references to @p self made
    /// neutral: equal keys allow the same packets. Used as a fast path before
    /// the box arithmetic, since most compared rules are simply the same.
    static QString trafficKey(const NetworkRule &rule, const QString &self);
};
