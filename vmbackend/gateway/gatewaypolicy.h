#pragma once

#include "networkaddress.h"

#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QString>

struct SystemContract;

/// One outbound tcp rule of the contract, as the gateway checks it.
struct GatewayRule
{
    int index = -1;          ///< position among the contract's rules (for the log)
    NetworkAddress address;  ///< destination: any, a prefix or a DNS name
    quint16 firstPort = 1;
    quint16 lastPort = 65535;
};

/// What the egress gateway allows one appliance: its outbound tcp rules, its rate limits and
/// where it logs. Compiled from the contract by NetworkEnforcement, handed to the gateway
/// process as a JSON file (docs/gateway-protocol.md).
class GatewayPolicy
{
public:
    /// Connection opens a guest may ask for: on average per second, and at once.
    static constexpr double DefaultOpensPerSecond = 20;
    static constexpr double DefaultOpensBurst = 60;
    /// Names the gateway resolves for a guest: on average per second, and at once.
    static constexpr double DefaultLookupsPerSecond = 5;
    static constexpr double DefaultLookupsBurst = 20;
    /// network.jsonl is rotated to network.jsonl.1 past this size (so at most twice it on disk).
    static constexpr qint64 DefaultMaxLogBytes = 8 * 1024 * 1024;

    QList<GatewayRule> rules;
    double outgoingAverage = 0; ///< bytes/s guest → world; 0: not limited
    double outgoingBurst = 0;
    double incomingAverage = 0; ///< bytes/s world → guest; 0: not limited
    double incomingBurst = 0;
    double opensPerSecond = DefaultOpensPerSecond;
    double opensBurst = DefaultOpensBurst;
    double lookupsPerSecond = DefaultLookupsPerSecond;
    double lookupsBurst = DefaultLookupsBurst;
    QString logDir;             ///< network.jsonl and network-counters.json go here
    qint64 maxLogBytes = DefaultMaxLogBytes;

    /// The outbound tcp part of @p contract (rules of protocol tcp or any, direction out).
    static GatewayPolicy fromContract(const SystemContract &contract, const QString &logDir);
    QJsonObject toJson() const;
    static bool fromJson(const QByteArray &json, GatewayPolicy *policy, QString *error);
    /// Writes the policy atomically (a temporary file made O_EXCL|O_NOFOLLOW, renamed over
    /// @p path), only into a private folder of this user (PrivateDirectory).
    bool save(const QString &path, QString *error) const;
    /// Reads the policy at @p path: refused when its folder is not private (PrivateDirectory),
    /// or the file is a link, not a plain file, belongs to another user or others may write it.
    static bool load(const QString &path, GatewayPolicy *policy, QString *error);

    struct Decision
    {
        bool allowed = false;
        int rule = -1;  ///< the contract rule that allowed it
        QString reason; ///< why not, for the log and the guest
    };
    /// Decides a connection the guest asked for by @p requestedHost (a name or an address
    /// literal) to @p address:@p port. Loopback, private, link-local and other special
    /// addresses, and @p ownAddresses (this machine's), are only allowed by a rule naming
    /// that address or a prefix inside its special block: never by `any` nor by a name.
    Decision decide(const QString &requestedHost, const QHostAddress &address, quint16 port,
                    const QList<QHostAddress> &ownAddresses) const;
    /// True when some rule could allow @p requestedHost:@p port at all, before anything is
    /// resolved. A name (not an address literal) only when a name rule naming it or an `any`
    /// rule covers the port: only then may the gateway resolve it, so a guest cannot send data
    /// out through look-ups of names no rule could allow.
    bool mayAllow(const QString &requestedHost, quint16 port) const;

    /// The special block @p address is in (e.g. 127.0.0.0/8), or `any` if none.
    static NetworkAddress specialBlock(const QHostAddress &address);
    /// Every special block: loopback, private, link-local (with 169.254.169.254, the cloud
    /// metadata address), CGNAT, multicast and the other non-public ranges of RFC 6890. The
    /// nwfilter of privileged connections refuses the same ones (NwfilterBuilder).
    static QList<NetworkAddress> specialBlocks();
    /// True when a rule for @p ruleAddress (an address or prefix) names what it reaches: a
    /// single address, or a prefix inside one special block. Only such a rule reaches special
    /// addresses and this machine's own; `any` and wider prefixes never do.
    static bool namesItsAddresses(const NetworkAddress &ruleAddress);
    static NetworkAddress toNetworkAddress(const QHostAddress &address);
};
