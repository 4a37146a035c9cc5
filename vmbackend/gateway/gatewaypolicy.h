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
    QList<GatewayRule> rules;
    double outgoingAverage = 0; ///< bytes/s guest → world; 0: not limited
    double outgoingBurst = 0;
    double incomingAverage = 0; ///< bytes/s world → guest; 0: not limited
    double incomingBurst = 0;
    QString logDir;             ///< network.jsonl and network-counters.json go here

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
    /// True when some rule could allow @p requestedHost:@p port at all (before resolving).
    bool mayAllow(const QString &requestedHost, quint16 port) const;

    /// The special block @p address is in (e.g. 127.0.0.0/8), or `any` if none.
    static NetworkAddress specialBlock(const QHostAddress &address);
    static NetworkAddress toNetworkAddress(const QHostAddress &address);
};
