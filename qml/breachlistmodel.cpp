#include "breachlistmodel.h"

#include "breachlog.h"

#include <algorithm>

namespace {

// The shell lists the latest breaches; the logs keep more (tessera-ctl events).
constexpr int MaxListed = 500;
// Read at start from the end of each appliance's log: enough for MaxListed breaches of usual
// size, and a huge log does not stall the start.
constexpr qint64 MaxReadPerAppliance = 1024 * 1024;

} // namespace

BreachListModel::BreachListModel(QObject *parent) : QAbstractListModel(parent) {}

BreachListModel *BreachListModel::instance()
{
    static BreachListModel *model = new BreachListModel(nullptr);
    return model;
}

BreachListModel *BreachListModel::create(QQmlEngine *, QJSEngine *)
{
    QJSEngine::setObjectOwnership(instance(), QJSEngine::CppOwnership);
    return instance();
}

int BreachListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

QVariant BreachListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const BreachEvent &event = m_events.at(index.row());
    switch (role) {
    case ApplianceRole: return event.appliance;
    case TimeRole: return event.time.toLocalTime();
    case KindRole: return BreachEvent::kindKey(event.kind);
    case Qt::DisplayRole:
    case SummaryRole: return event.describe();
    case EvidenceRole: return event.evidence;
    case ElementRole: return int(event.element());
    case SinceIsoRole:
        return (event.windowStart.isValid() ? event.windowStart : event.time).toUTC().toString(Qt::ISODateWithMs);
    default: return {};
    }
}

QHash<int, QByteArray> BreachListModel::roleNames() const
{
    return {{ApplianceRole, "appliance"}, {TimeRole, "time"}, {KindRole, "kind"},
            {SummaryRole, "summary"}, {EvidenceRole, "evidence"}, {ElementRole, "element"},
            {SinceIsoRole, "sinceIso"}};
}

void BreachListModel::load(const QString &logsRoot)
{
    QList<BreachEvent> all = BreachLog(logsRoot).readRecent(MaxReadPerAppliance);
    std::reverse(all.begin(), all.end());
    if (all.size() > MaxListed)
        all.resize(MaxListed);
    beginResetModel();
    m_events = all;
    endResetModel();
    Q_EMIT countChanged();
}

void BreachListModel::add(const BreachEvent &event)
{
    beginInsertRows({}, 0, 0);
    m_events.prepend(event);
    endInsertRows();
    if (m_events.size() > MaxListed) {
        beginRemoveRows({}, MaxListed, int(m_events.size()) - 1);
        m_events.resize(MaxListed);
        endRemoveRows();
    }
    Q_EMIT countChanged();
    m_alert = event;
    Q_EMIT alertChanged();
    Q_EMIT breachRaised(event.appliance, event.describe());
    Q_EMIT breachAdded(event);
}

void BreachListModel::dismissAlert()
{
    m_alert = {};
    Q_EMIT alertChanged();
}

void BreachListModel::requestAction(const QString &appliance, const QString &action, const QDateTime &since)
{
    Q_EMIT actionRequested(appliance, action, since);
}

int BreachListModel::countFor(const QString &appliance) const
{
    return int(std::count_if(m_events.cbegin(), m_events.cend(), [&](const BreachEvent &e) { return e.appliance == appliance; }));
}

QStringList BreachListModel::appliances() const
{
    QStringList names;
    for (const BreachEvent &event : m_events) {
        if (!names.contains(event.appliance))
            names.append(event.appliance);
    }
    return names;
}
