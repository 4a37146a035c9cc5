#include "contractdiff.h"

#include "contractcomparison.h"
#include "contractsummary.h"
#include "networkruleset.h"

using Group = ContractGrant::Group;
using Risk = ContractGrant::Risk;

namespace {

template<typename T>
QString optionalText(const std::optional<T> &value)
{
    return value ? QString::number(double(*value), 'g', 10) : QString();
}

} // namespace

ContractDiff::Change ContractDiff::change(const QString &dimension, const QString &systemId, Group group, Risk risk, const QString &text)
{
    Change change;
    change.dimension = dimension;
    change.grant.group = group;
    change.grant.risk = risk;
    change.grant.text = text;
    change.grant.systemId = systemId;
    return change;
}

QString ContractDiff::limitChange(const QString &what, const QString &before, const QString &after)
{
    if (after.isEmpty())
        return tr("Limit on %1 removed (was %2)").arg(what, before);
    if (before.isEmpty())
        return tr("%1 is now %2", "a limit that was not there before, e.g. 'memory is now 2048'").arg(what, after);
    return tr("Limit on %1 raised from %2 to %3").arg(what, before, after);
}

QList<ContractDiff::Change> ContractDiff::widenings(const SystemContract &accepted, const SystemContract &current)
{
    QList<Change> changes;
    const QString id = current.id;
    // Without a contract a system gets what an empty contract grants, so a contract added or
    // removed is compared like any other change: what it grants beyond the other, limits it lifts.

    for (const NetworkRule &rule : current.rules) {
        if (!NetworkRuleSet::covers(accepted.rules, accepted.id, {rule}, current.id))
            changes.append(change(QStringLiteral("network.rules"), id, Group::Network, ContractSummary::ruleRisk(rule),
                                  tr("New: %1").arg(ContractSummary::describeRule(rule))));
    }
    const auto rateChange = [&](const QString &key, Group group, const QString &what, const Rate &before, const Rate &after) {
        if (!after.isWithin(before))
            changes.append(change(key, id, group, after.isLimited() ? Risk::Low : Risk::Medium,
                                  limitChange(what, before.toDisplayString(), after.isLimited() ? after.toDisplayString() : QString())));
    };
    rateChange(QStringLiteral("network.outgoingRate"), Group::Network, tr("outgoing traffic"), accepted.outgoingRate, current.outgoingRate);
    rateChange(QStringLiteral("network.incomingRate"), Group::Network, tr("incoming traffic"), accepted.incomingRate, current.incomingRate);

    for (const MountGrant &mount : current.mounts) {
        SystemContract single;
        single.hasContract = true;
        single.mounts = {mount};
        if (!ContractComparison::withinOnDimension(QStringLiteral("mounts"), single, accepted))
            changes.append(change(QStringLiteral("mounts"), id, Group::Files, ContractSummary::mountRisk(mount),
                                  tr("New: %1").arg(ContractSummary::describeMount(mount))));
    }
    for (const ActivityExpectation &promise : accepted.activity) {
        const bool kept = std::any_of(current.activity.begin(), current.activity.end(), [&](const ActivityExpectation &candidate) {
            return candidate.implies(promise);
        });
        if (!kept)
            changes.append(change(QStringLiteral("activity"), id, Group::Activity, Risk::Medium,
                                  tr("No longer promised: %1").arg(ContractSummary::describeExpectation(promise))));
    }

    const ResourceLimits &a = accepted.resources;
    const ResourceLimits &c = current.resources;
    const auto limit = [&](const QString &key, const QString &what, const QString &before, const QString &after) {
        if (!ContractComparison::withinOnDimension(key, current, accepted))
            changes.append(change(key, id, key.startsWith(QLatin1String("display")) ? Group::Display : Group::Resources, Risk::Low,
                                  limitChange(what, before, after)));
    };
    limit(QStringLiteral("resources.cpus"), tr("processors"), optionalText(a.cpus), optionalText(c.cpus));
    limit(QStringLiteral("resources.memory"), tr("memory (MiB)"), optionalText(a.memoryMiB), optionalText(c.memoryMiB));
    limit(QStringLiteral("resources.cpuQuota"), tr("processor quota (%)"), optionalText(a.cpuQuotaPercent), optionalText(c.cpuQuotaPercent));
    rateChange(QStringLiteral("resources.diskReadRate"), Group::Resources, tr("disk reads"), a.diskReadRate, c.diskReadRate);
    rateChange(QStringLiteral("resources.diskWriteRate"), Group::Resources, tr("disk writes"), a.diskWriteRate, c.diskWriteRate);
    limit(QStringLiteral("resources.diskReadIops"), tr("disk reads per second"), optionalText(a.diskReadIops), optionalText(c.diskReadIops));
    limit(QStringLiteral("resources.diskWriteIops"), tr("disk writes per second"), optionalText(a.diskWriteIops), optionalText(c.diskWriteIops));
    limit(QStringLiteral("display.maxWindows"), tr("windows"), optionalText(accepted.display.maxWindows), optionalText(current.display.maxWindows));

    if (DisplayPolicy::rank(current.display.clipboard) > DisplayPolicy::rank(accepted.display.clipboard))
        changes.append(change(QStringLiteral("display.clipboard"), id, Group::Display, Risk::Medium,
                              current.display.clipboard == DisplayPolicy::Clipboard::Explicit
                                  ? tr("Now sees your clipboard when you paste into it")
                                  : tr("Clipboard use is no longer limited")));
    if (DisplayPolicy::rank(current.display.fullscreen) > DisplayPolicy::rank(accepted.display.fullscreen))
        changes.append(change(QStringLiteral("display.fullscreen"), id, Group::Display, Risk::Low, tr("May now cover the whole screen")));
    return changes;
}

QList<ContractDiff::Change> ContractDiff::widenings(const QList<SystemContract> &accepted, const QList<SystemContract> &current)
{
    if (accepted.size() == 1 && current.size() == 1)
        return widenings(accepted.first(), current.first());
    QList<Change> changes;
    for (const SystemContract &system : current) {
        const auto match = std::find_if(accepted.begin(), accepted.end(), [&](const SystemContract &other) {
            return other.id == system.id;
        });
        if (match != accepted.end()) {
            changes += widenings(*match, system);
            continue;
        }
        changes.append(change(QStringLiteral("system"), system.id, Group::Network, Risk::High,
                              tr("New system “%1” in this appliance").arg(system.id)));
        for (const ContractGrant &grant : ContractSummary(system).grants()) {
            if (grant.risk > Risk::None)
                changes.append({QStringLiteral("system"), grant});
        }
    }
    return changes;
}
