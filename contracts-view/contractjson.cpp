#include "contractjson.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace {

QString addressKind(NetworkAddress::Kind kind)
{
    switch (kind) {
    case NetworkAddress::Kind::Any:
        return QStringLiteral("any");
    case NetworkAddress::Kind::Ip:
        return QStringLiteral("ip");
    case NetworkAddress::Kind::DnsName:
        return QStringLiteral("dns");
    case NetworkAddress::Kind::System:
        break;
    }
    return QStringLiteral("system");
}

// Sorted by compact serialisation, so that the order in the file does not
// change the digest.
QJsonArray sorted(const QJsonArray &array)
{
    QList<QPair<QByteArray, QJsonValue>> keyed;
    for (const QJsonValue &value : array)
        keyed.append({QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact), value});
    std::sort(keyed.begin(), keyed.end(), [](const auto &a, const auto &b) {
        return a.first < b.first;
    });
    QJsonArray out;
    for (const auto &entry : std::as_const(keyed))
        out.append(entry.second);
    return out;
}

} // namespace

QJsonValue ContractJson::rate(const Rate &rate)
{
    if (!rate.isLimited())
        return QJsonValue(QJsonValue::Null);
    QJsonObject object{{QStringLiteral("average"), rate.average() / 1024.0}, {QStringLiteral("unit"), QStringLiteral("KiB/s")}};
    object.insert(QStringLiteral("peak"), rate.hasPeak() ? QJsonValue(rate.effectivePeak() / 1024.0) : QJsonValue(QJsonValue::Null));
    object.insert(QStringLiteral("burst"), rate.hasBurst() ? QJsonValue(rate.effectiveBurst() / 1024.0) : QJsonValue(QJsonValue::Null));
    return object;
}

QJsonObject ContractJson::endpoint(const NetworkAddress &address, const PortRange &port)
{
    return {{QStringLiteral("addr"), address.toString()},
            {QStringLiteral("port"), port.toString()},
            {QStringLiteral("kind"), addressKind(address.kind())}};
}

QJsonObject ContractJson::fromSystem(const SystemContract &system, Form form)
{
    const bool full = form == Form::Full;
    QJsonArray rules;
    for (const NetworkRule &rule : system.rules) {
        QJsonObject object{{QStringLiteral("protocol"), NetworkRule::protocolName(rule.protocol)},
                           {QStringLiteral("direction"), NetworkRule::directionName(rule.direction)},
                           {QStringLiteral("src"), endpoint(rule.srcAddr, rule.srcPort)},
                           {QStringLiteral("dst"), endpoint(rule.dstAddr, rule.dstPort)}};
        if (full)
            object.insert(QStringLiteral("info"), rule.info);
        rules.append(object);
    }
    QJsonArray mounts;
    for (const MountGrant &mount : system.mounts) {
        QJsonObject object{{QStringLiteral("store"), mount.store},
                           {QStringLiteral("target"), mount.target},
                           {QStringLiteral("access"), MountGrant::accessName(mount.access)},
                           {QStringLiteral("readRate"), rate(mount.readRate)},
                           {QStringLiteral("writeRate"), rate(mount.writeRate)}};
        if (full)
            object.insert(QStringLiteral("info"), mount.info);
        mounts.append(object);
    }
    QJsonArray activity;
    for (const ActivityExpectation &expectation : system.activity) {
        activity.append(QJsonObject{{QStringLiteral("store"), expectation.store},
                                    {QStringLiteral("access"), ActivityExpectation::accessName(expectation.access)},
                                    {QStringLiteral("withinSecondsOfInput"), expectation.withinSecondsOfInput}});
    }
    const ResourceLimits &r = system.resources;
    const QJsonObject resources{{QStringLiteral("cpus"), optional(r.cpus)},
                                {QStringLiteral("memoryMiB"), optional(r.memoryMiB)},
                                {QStringLiteral("cpuQuotaPercent"), optional(r.cpuQuotaPercent)},
                                {QStringLiteral("diskReadRate"), rate(r.diskReadRate)},
                                {QStringLiteral("diskWriteRate"), rate(r.diskWriteRate)},
                                {QStringLiteral("diskReadIops"), optional(r.diskReadIops)},
                                {QStringLiteral("diskWriteIops"), optional(r.diskWriteIops)}};
    const auto nameOrNull = [](const QString &name) {
        return name.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(name);
    };
    const QJsonObject display{{QStringLiteral("clipboard"), nameOrNull(DisplayPolicy::clipboardName(system.display.clipboard))},
                              {QStringLiteral("maxWindows"), optional(system.display.maxWindows)},
                              {QStringLiteral("fullscreen"), nameOrNull(DisplayPolicy::fullscreenName(system.display.fullscreen))}};
    const QJsonObject network{{QStringLiteral("rules"), full ? rules : sorted(rules)},
                              {QStringLiteral("outgoingRate"), rate(system.outgoingRate)},
                              {QStringLiteral("incomingRate"), rate(system.incomingRate)}};
    QStringList notUnderstood = system.notUnderstood;
    QStringList reasons = system.unlaunchableReasons;
    if (!full) {
        notUnderstood.sort();
        reasons.sort();
    }
    QJsonObject object{{QStringLiteral("id"), system.id},
                       {QStringLiteral("hasContract"), system.hasContract},
                       {QStringLiteral("launchable"), system.isLaunchable()},
                       {QStringLiteral("unlaunchableReasons"), QJsonArray::fromStringList(reasons)},
                       {QStringLiteral("network"), network},
                       {QStringLiteral("mounts"), full ? mounts : sorted(mounts)},
                       {QStringLiteral("activity"), full ? activity : sorted(activity)},
                       {QStringLiteral("resources"), resources},
                       {QStringLiteral("display"), display},
                       {QStringLiteral("notUnderstood"), QJsonArray::fromStringList(notUnderstood)}};
    if (full)
        object.insert(QStringLiteral("name"), system.name);
    return object;
}

QJsonObject ContractJson::fromSystems(const QList<SystemContract> &systems, Form form)
{
    QJsonArray array;
    for (const SystemContract &system : systems)
        array.append(fromSystem(system, form));
    return {{QStringLiteral("systems"), array}};
}

QJsonObject ContractJson::comparison(const ContractComparison::Result &result)
{
    QJsonArray dimensions;
    for (const ContractComparison::Dimension &dimension : result.dimensions) {
        dimensions.append(QJsonObject{{QStringLiteral("dimension"), dimension.key},
                                      {QStringLiteral("tighter"), ContractComparison::sideKey(dimension.tighter)}});
    }
    return {{QStringLiteral("verdict"), ContractComparison::verdictKey(result.verdict)}, {QStringLiteral("dimensions"), dimensions}};
}

QJsonObject ContractJson::fromComparison(const ContractComparison::Result &declared, const ContractComparison::Result &enforcedHere)
{
    QJsonObject object = comparison(declared);
    object.insert(QStringLiteral("enforcedHere"), comparison(enforcedHere));
    return object;
}
