#include "contractcomparison.h"

#include "networkruleset.h"

#include <QHash>

namespace {

template<typename T>
bool atMost(const std::optional<T> &inner, const std::optional<T> &outer)
{
    return !outer || (inner && *inner <= *outer);
}

bool mountsWithin(const QList<MountGrant> &inner, const QList<MountGrant> &outer)
{
    for (const MountGrant &mount : inner) {
        const bool covered = std::any_of(outer.begin(), outer.end(), [&](const MountGrant &candidate) {
            return MountGrant::storeCovers(candidate.store, mount.store) && int(mount.access) <= int(candidate.access)
                && mount.readRate.isWithin(candidate.readRate) && mount.writeRate.isWithin(candidate.writeRate);
        });
        if (!covered)
            return false;
    }
    return true;
}

// Expectations are promises: the inner side is within the outer when it
// keeps every promise the outer one makes, at least as strictly.
bool activityWithin(const QList<ActivityExpectation> &inner, const QList<ActivityExpectation> &outer)
{
    for (const ActivityExpectation &promise : outer) {
        const bool kept = std::any_of(inner.begin(), inner.end(), [&](const ActivityExpectation &candidate) {
            return candidate.implies(promise);
        });
        if (!kept)
            return false;
    }
    return true;
}

// What actually limits the system: with an oracle, nothing that is not enforced here. (A system
// without a contract is limited like one with an empty contract: it gets nothing it did not declare.)
SystemContract effective(const SystemContract &contract, const EnforcementOracle *oracle)
{
    const auto open = [&](ContractElement element) {
        return oracle && !oracle->protects(element);
    };
    SystemContract e = contract;
    if (open(ContractElement::NetworkRules))
        e.rules = {NetworkRuleSet::allowAll()};
    if (open(ContractElement::OutgoingRate))
        e.outgoingRate = Rate();
    if (open(ContractElement::IncomingRate))
        e.incomingRate = Rate();
    if (open(ContractElement::Mounts)) {
        MountGrant everything;
        everything.store = QStringLiteral("any");
        everything.access = MountGrant::Access::ReadWrite;
        e.mounts = {everything};
    }
    if (open(ContractElement::MountRates)) {
        for (MountGrant &mount : e.mounts)
            mount.readRate = mount.writeRate = Rate();
    }
    if (open(ContractElement::Activity))
        e.activity.clear();
    ResourceLimits &r = e.resources;
    if (open(ContractElement::Cpus))
        r.cpus.reset();
    if (open(ContractElement::Memory))
        r.memoryMiB.reset();
    if (open(ContractElement::CpuQuota))
        r.cpuQuotaPercent.reset();
    if (open(ContractElement::DiskRates))
        r.diskReadRate = r.diskWriteRate = Rate();
    if (open(ContractElement::DiskIops)) {
        r.diskReadIops.reset();
        r.diskWriteIops.reset();
    }
    if (open(ContractElement::Clipboard))
        e.display.clipboard = DisplayPolicy::Clipboard::Unspecified;
    if (open(ContractElement::MaxWindows))
        e.display.maxWindows.reset();
    if (open(ContractElement::Fullscreen))
        e.display.fullscreen = DisplayPolicy::Fullscreen::Unspecified;
    return e;
}

bool within(const QString &key, const SystemContract &inner, const SystemContract &outer)
{
    const ResourceLimits &ri = inner.resources;
    const ResourceLimits &ro = outer.resources;
    static const QHash<QString, int> index = [] {
        QHash<QString, int> map;
        const QStringList keys = ContractComparison::dimensionKeys();
        for (int i = 0; i < keys.size(); ++i)
            map.insert(keys.at(i), i);
        return map;
    }();
    switch (index.value(key, -1)) {
    case 0:
        return NetworkRuleSet::covers(outer.rules, outer.id, inner.rules, inner.id);
    case 1:
        return inner.outgoingRate.isWithin(outer.outgoingRate);
    case 2:
        return inner.incomingRate.isWithin(outer.incomingRate);
    case 3:
        return mountsWithin(inner.mounts, outer.mounts);
    case 4:
        return activityWithin(inner.activity, outer.activity);
    case 5:
        return atMost(ri.cpus, ro.cpus);
    case 6:
        return atMost(ri.memoryMiB, ro.memoryMiB);
    case 7:
        return atMost(ri.cpuQuotaPercent, ro.cpuQuotaPercent);
    case 8:
        return ri.diskReadRate.isWithin(ro.diskReadRate);
    case 9:
        return ri.diskWriteRate.isWithin(ro.diskWriteRate);
    case 10:
        return atMost(ri.diskReadIops, ro.diskReadIops);
    case 11:
        return atMost(ri.diskWriteIops, ro.diskWriteIops);
    case 12:
        return DisplayPolicy::rank(inner.display.clipboard) <= DisplayPolicy::rank(outer.display.clipboard);
    case 13:
        return atMost(inner.display.maxWindows, outer.display.maxWindows);
    case 14:
        return DisplayPolicy::rank(inner.display.fullscreen) <= DisplayPolicy::rank(outer.display.fullscreen);
    default:
        break;
    }
    Q_ASSERT_X(false, "ContractComparison", "unknown dimension key");
    return false;
}

} // namespace

QStringList ContractComparison::dimensionKeys()
{
    // The order matters: within() switches on the index.
    return {QStringLiteral("network.rules"),         QStringLiteral("network.outgoingRate"),  QStringLiteral("network.incomingRate"),
            QStringLiteral("mounts"),                QStringLiteral("activity"),              QStringLiteral("resources.cpus"),
            QStringLiteral("resources.memory"),      QStringLiteral("resources.cpuQuota"),    QStringLiteral("resources.diskReadRate"),
            QStringLiteral("resources.diskWriteRate"), QStringLiteral("resources.diskReadIops"), QStringLiteral("resources.diskWriteIops"),
            QStringLiteral("display.clipboard"),     QStringLiteral("display.maxWindows"),    QStringLiteral("display.fullscreen")};
}

QString ContractComparison::dimensionTitle(const QString &key)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("network.rules"), QT_TR_NOOP("network rules")},
        {QStringLiteral("network.outgoingRate"), QT_TR_NOOP("outgoing network rate")},
        {QStringLiteral("network.incomingRate"), QT_TR_NOOP("incoming network rate")},
        {QStringLiteral("mounts"), QT_TR_NOOP("access to your files")},
        {QStringLiteral("activity"), QT_TR_NOOP("activity expectations")},
        {QStringLiteral("resources.cpus"), QT_TR_NOOP("processors")},
        {QStringLiteral("resources.memory"), QT_TR_NOOP("memory")},
        {QStringLiteral("resources.cpuQuota"), QT_TR_NOOP("processor quota")},
        {QStringLiteral("resources.diskReadRate"), QT_TR_NOOP("disk read rate")},
        {QStringLiteral("resources.diskWriteRate"), QT_TR_NOOP("disk write rate")},
        {QStringLiteral("resources.diskReadIops"), QT_TR_NOOP("disk reads per second")},
        {QStringLiteral("resources.diskWriteIops"), QT_TR_NOOP("disk writes per second")},
        {QStringLiteral("display.clipboard"), QT_TR_NOOP("clipboard")},
        {QStringLiteral("display.maxWindows"), QT_TR_NOOP("number of windows")},
        {QStringLiteral("display.fullscreen"), QT_TR_NOOP("full screen")},
        {QStringLiteral("system"), QT_TR_NOOP("the system as a whole")},
    };
    const QString bare = key.mid(key.lastIndexOf(QLatin1Char('/')) + 1);
    const char *title = titles.value(bare);
    return title ? tr(title) : bare;
}

QString ContractComparison::verdictKey(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Equal:
        return QStringLiteral("equal");
    case Verdict::LeftTighter:
        return QStringLiteral("left-tighter");
    case Verdict::RightTighter:
        return QStringLiteral("right-tighter");
    case Verdict::Incomparable:
        break;
    }
    return QStringLiteral("incomparable");
}

QString ContractComparison::sideKey(Side side)
{
    return side == Side::Left ? QStringLiteral("left") : side == Side::Right ? QStringLiteral("right") : QStringLiteral("neither");
}

bool ContractComparison::withinOnDimension(const QString &key, const SystemContract &inner, const SystemContract &outer,
                                           const EnforcementOracle *enforcedHere)
{
    return within(key, effective(inner, enforcedHere), effective(outer, enforcedHere));
}

ContractComparison::Verdict ContractComparison::combine(const QList<Dimension> &dimensions)
{
    bool left = false;
    bool right = false;
    for (const Dimension &dimension : dimensions) {
        if (dimension.tighter == Side::Neither)
            return Verdict::Incomparable;
        (dimension.tighter == Side::Left ? left : right) = true;
    }
    if (left && right)
        return Verdict::Incomparable;
    return left ? Verdict::LeftTighter : right ? Verdict::RightTighter : Verdict::Equal;
}

ContractComparison::Result ContractComparison::compare(const SystemContract &left, const SystemContract &right,
                                                       const EnforcementOracle *enforcedHere)
{
    const SystemContract l = effective(left, enforcedHere);
    const SystemContract r = effective(right, enforcedHere);
    Result result;
    for (const QString &key : dimensionKeys()) {
        const bool leftWithin = within(key, l, r);
        const bool rightWithin = within(key, r, l);
        if (leftWithin && rightWithin)
            continue;
        result.dimensions.append({key, leftWithin ? Side::Left : rightWithin ? Side::Right : Side::Neither});
    }
    result.verdict = combine(result.dimensions);
    return result;
}

ContractComparison::Result ContractComparison::compare(const QList<SystemContract> &left, const QList<SystemContract> &right,
                                                       const EnforcementOracle *enforcedHere)
{
    if (left.size() == 1 && right.size() == 1)
        return compare(left.first(), right.first(), enforcedHere);
    Result result;
    for (const SystemContract &system : left) {
        const auto match = std::find_if(right.begin(), right.end(), [&](const SystemContract &other) {
            return other.id == system.id;
        });
        if (match == right.end()) {
            result.dimensions.append({system.id + QLatin1String("/system"), Side::Right});
            continue;
        }
        const Result pair = compare(system, *match, enforcedHere);
        for (const Dimension &dimension : pair.dimensions)
            result.dimensions.append({system.id + QLatin1Char('/') + dimension.key, dimension.tighter});
    }
    for (const SystemContract &system : right) {
        const bool paired = std::any_of(left.begin(), left.end(), [&](const SystemContract &other) {
            return other.id == system.id;
        });
        if (!paired)
            result.dimensions.append({system.id + QLatin1String("/system"), Side::Left});
    }
    result.verdict = combine(result.dimensions);
    return result;
}
