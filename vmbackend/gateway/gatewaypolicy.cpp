#include "gatewaypolicy.h"

#include "privatedirectory.h"
#include "systemcontract.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

// Addresses a guest must not reach through an `any` rule: this machine, the local network,
// and what is not a unicast destination (RFC 6890).
const char *const SpecialBlocks[] = {
    "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
    "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15", "224.0.0.0/4", "240.0.0.0/4",
    "::/128", "::1/128", "fe80::/10", "fc00::/7", "ff00::/8", "64:ff9b::/96",
};

QString normalisedName(QString name)
{
    name = name.toLower();
    while (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    return name;
}

QHostAddress unmapped(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

NetworkAddress GatewayPolicy::toNetworkAddress(const QHostAddress &address)
{
    NetworkAddress parsed;
    QString error;
    NetworkAddress::parse(unmapped(address).toString(), &parsed, &error);
    return parsed;
}

QList<NetworkAddress> GatewayPolicy::specialBlocks()
{
    QList<NetworkAddress> blocks;
    for (const char *text : SpecialBlocks) {
        NetworkAddress block;
        QString error;
        if (NetworkAddress::parse(QString::fromLatin1(text), &block, &error))
            blocks.append(block);
    }
    return blocks;
}

NetworkAddress GatewayPolicy::specialBlock(const QHostAddress &address)
{
    const NetworkAddress target = toNetworkAddress(address);
    if (target.isAny()) // did not parse: treat as special, to be safe
        return NetworkAddress();
    for (const NetworkAddress &block : specialBlocks()) {
        if (block.contains(target))
            return block;
    }
    return NetworkAddress();
}

bool GatewayPolicy::namesItsAddresses(const NetworkAddress &ruleAddress)
{
    if (ruleAddress.kind() != NetworkAddress::Kind::Ip)
        return false;
    if (ruleAddress.prefixLength() == (ruleAddress.isIPv6() ? 128 : 32))
        return true;
    const QList<NetworkAddress> blocks = specialBlocks();
    return std::any_of(blocks.cbegin(), blocks.cend(), [&ruleAddress](const NetworkAddress &block) { return block.contains(ruleAddress); });
}

GatewayPolicy GatewayPolicy::fromContract(const SystemContract &contract, const QString &logDir)
{
    GatewayPolicy policy;
    policy.logDir = logDir;
    for (int i = 0; i < contract.rules.size(); ++i) {
        const NetworkRule &rule = contract.rules.at(i);
        if (rule.direction != NetworkRule::Direction::Out)
            continue;
        if (rule.protocol != NetworkRule::Protocol::Tcp && rule.protocol != NetworkRule::Protocol::Any)
            continue;
        if (rule.dstAddr.kind() == NetworkAddress::Kind::System)
            continue; // other systems of the envelope are not reachable in session mode
        policy.rules.append({i, rule.dstAddr, rule.dstPort.first(), rule.dstPort.last()});
    }
    if (contract.outgoingRate.isLimited()) {
        policy.outgoingAverage = contract.outgoingRate.average();
        policy.outgoingBurst = contract.outgoingRate.effectiveBurst();
    }
    if (contract.incomingRate.isLimited()) {
        policy.incomingAverage = contract.incomingRate.average();
        policy.incomingBurst = contract.incomingRate.effectiveBurst();
    }
    return policy;
}

QJsonObject GatewayPolicy::toJson() const
{
    QJsonArray list;
    for (const GatewayRule &rule : rules)
        list.append(QJsonObject{{QStringLiteral("index"), rule.index},
                                {QStringLiteral("address"), rule.address.toString()},
                                {QStringLiteral("firstPort"), rule.firstPort},
                                {QStringLiteral("lastPort"), rule.lastPort}});
    return QJsonObject{{QStringLiteral("version"), 1},
                       {QStringLiteral("rules"), list},
                       {QStringLiteral("outgoing"), QJsonObject{{QStringLiteral("average"), outgoingAverage}, {QStringLiteral("burst"), outgoingBurst}}},
                       {QStringLiteral("incoming"), QJsonObject{{QStringLiteral("average"), incomingAverage}, {QStringLiteral("burst"), incomingBurst}}},
                       {QStringLiteral("opens"), QJsonObject{{QStringLiteral("average"), opensPerSecond}, {QStringLiteral("burst"), opensBurst}}},
                       {QStringLiteral("lookups"), QJsonObject{{QStringLiteral("average"), lookupsPerSecond}, {QStringLiteral("burst"), lookupsBurst}}},
                       {QStringLiteral("logDir"), logDir},
                       {QStringLiteral("maxLogBytes"), maxLogBytes}};
}

bool GatewayPolicy::fromJson(const QByteArray &json, GatewayPolicy *policy, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject()) {
        *error = parseError.errorString();
        return false;
    }
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("version")).toInt() != 1) {
        *error = QStringLiteral("unsupported policy version");
        return false;
    }
    GatewayPolicy result;
    for (const QJsonValue &value : object.value(QStringLiteral("rules")).toArray()) {
        const QJsonObject rule = value.toObject();
        GatewayRule parsed;
        parsed.index = rule.value(QStringLiteral("index")).toInt(-1);
        const int first = rule.value(QStringLiteral("firstPort")).toInt();
        const int last = rule.value(QStringLiteral("lastPort")).toInt();
        if (!NetworkAddress::parse(rule.value(QStringLiteral("address")).toString(), &parsed.address, error))
            return false;
        if (first < 1 || last > 65535 || first > last) {
            *error = QStringLiteral("invalid port range in rule %1").arg(parsed.index);
            return false;
        }
        parsed.firstPort = quint16(first);
        parsed.lastPort = quint16(last);
        result.rules.append(parsed);
    }
    const QJsonObject outgoing = object.value(QStringLiteral("outgoing")).toObject();
    const QJsonObject incoming = object.value(QStringLiteral("incoming")).toObject();
    result.outgoingAverage = outgoing.value(QStringLiteral("average")).toDouble();
    result.outgoingBurst = outgoing.value(QStringLiteral("burst")).toDouble();
    result.incomingAverage = incoming.value(QStringLiteral("average")).toDouble();
    result.incomingBurst = incoming.value(QStringLiteral("burst")).toDouble();
    // Absent (a policy written before these existed): the defaults. Never unlimited.
    const auto limit = [&object](const char *name, double *average, double *burst) {
        const QJsonObject limits = object.value(QLatin1String(name)).toObject();
        *average = limits.value(QStringLiteral("average")).toDouble(*average);
        *burst = limits.value(QStringLiteral("burst")).toDouble(*burst);
        return *average > 0 && *burst >= 1;
    };
    if (!limit("opens", &result.opensPerSecond, &result.opensBurst) || !limit("lookups", &result.lookupsPerSecond, &result.lookupsBurst)) {
        *error = QStringLiteral("invalid open or look-up limits");
        return false;
    }
    result.logDir = object.value(QStringLiteral("logDir")).toString();
    result.maxLogBytes = qint64(object.value(QStringLiteral("maxLogBytes")).toDouble(double(DefaultMaxLogBytes)));
    if (result.maxLogBytes < 4096) {
        *error = QStringLiteral("invalid log size limit");
        return false;
    }
    *policy = result;
    return true;
}

bool GatewayPolicy::save(const QString &path, QString *error) const
{
    // The policy decides where the gateway (perhaps root) writes its logs: only a folder no
    // other user can change may hold it.
    const QFileInfo file(path);
    const PrivateDirectory dir = PrivateDirectory::open(file.absolutePath(), PrivateDirectory::Creation::OpenExisting);
    if (!dir.isValid()) {
        *error = dir.errorString();
        return false;
    }
    return dir.writeFile(file.fileName(), QJsonDocument(toJson()).toJson(), error);
}

bool GatewayPolicy::load(const QString &path, GatewayPolicy *policy, QString *error)
{
    const QFileInfo file(path);
    const PrivateDirectory dir = PrivateDirectory::open(file.absolutePath(), PrivateDirectory::Creation::OpenExisting);
    if (!dir.isValid()) {
        *error = dir.errorString();
        return false;
    }
    QByteArray json;
    constexpr qint64 MaximumPolicyBytes = 1 << 20;
    return dir.readFile(file.fileName(), MaximumPolicyBytes, &json, error) && fromJson(json, policy, error);
}

bool GatewayPolicy::mayAllow(const QString &requestedHost, quint16 port) const
{
    const QString name = normalisedName(requestedHost);
    const QHostAddress literal(name);
    for (const GatewayRule &rule : rules) {
        if (port < rule.firstPort || port > rule.lastPort)
            continue;
        switch (rule.address.kind()) {
        case NetworkAddress::Kind::Any:
            return true;
        case NetworkAddress::Kind::DnsName:
            if (rule.address.name() == name)
                return true;
            break;
        case NetworkAddress::Kind::Ip:
            // An address rule allows address literals only: resolving a name for it would
            // send the name to DNS, a channel out that the rule never granted.
            if (!literal.isNull() && rule.address.contains(toNetworkAddress(literal)))
                return true;
            break;
        case NetworkAddress::Kind::System:
            break;
        }
    }
    return false;
}

GatewayPolicy::Decision GatewayPolicy::decide(const QString &requestedHost, const QHostAddress &address, quint16 port,
                                              const QList<QHostAddress> &ownAddresses) const
{
    const QString name = normalisedName(requestedHost);
    const NetworkAddress target = toNetworkAddress(address);
    const NetworkAddress special = specialBlock(address);
    const bool isSpecial = !special.isAny() || target.isAny();
    bool isOwn = false;
    for (const QHostAddress &own : ownAddresses)
        isOwn = isOwn || unmapped(own) == unmapped(address);

    QString reason = QStringLiteral("no rule allows %1 port %2").arg(requestedHost).arg(port);
    for (const GatewayRule &rule : rules) {
        if (port < rule.firstPort || port > rule.lastPort)
            continue;
        bool matches = false;
        bool explicitlyNamed = false;
        switch (rule.address.kind()) {
        case NetworkAddress::Kind::Any:
            matches = true;
            break;
        case NetworkAddress::Kind::DnsName:
            matches = rule.address.name() == name;
            break;
        case NetworkAddress::Kind::Ip:
            matches = !target.isAny() && rule.address.contains(target);
            // Naming a special address means a prefix inside its block; the machine's own
            // public address only by itself (a prefix inside a block matches only addresses
            // of that block, so the one test serves both).
            explicitlyNamed = matches && namesItsAddresses(rule.address);
            break;
        case NetworkAddress::Kind::System:
            break;
        }
        if (!matches)
            continue;
        if (isOwn && !explicitlyNamed) {
            reason = QStringLiteral("%1 is this machine's own address and no rule names it").arg(address.toString());
            continue;
        }
        if (isSpecial && !explicitlyNamed) {
            reason = QStringLiteral("%1 is a loopback, private or link-local address and no rule names it").arg(address.toString());
            continue;
        }
        return {true, rule.index, QString()};
    }
    return {false, -1, reason};
}
