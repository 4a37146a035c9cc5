#include "guestwindowmodel.h"

#include "windowtracker.h"

GuestWindowModel::GuestWindowModel(QObject *parent) : QAbstractListModel(parent) {}

void GuestWindowModel::setTracker(WindowTracker *tracker)
{
    if (m_tracker == tracker)
        return;
    if (m_tracker)
        disconnect(m_tracker, nullptr, this, nullptr);
    m_tracker = tracker;
    if (tracker) {
        connect(tracker, &WindowTracker::windowAdded, this, &GuestWindowModel::onAdded);
        connect(tracker, &WindowTracker::windowChanged, this, &GuestWindowModel::onChanged);
        connect(tracker, &WindowTracker::windowRemoved, this, &GuestWindowModel::onRemoved);
        connect(tracker, &WindowTracker::stackChanged, this, &GuestWindowModel::onStackChanged);
        connect(tracker, &WindowTracker::cleared, this, &GuestWindowModel::reload);
        connect(tracker, &QObject::destroyed, this, [this] { setTracker(nullptr); });
    }
    reload();
    emit trackerChanged();
}

void GuestWindowModel::reload()
{
    beginResetModel();
    m_ids = m_tracker ? m_tracker->stack() : QList<quint32>();
    endResetModel();
}

void GuestWindowModel::onAdded(quint32 id)
{
    const int row = int(m_ids.size());
    beginInsertRows({}, row, row);
    m_ids.append(id);
    endInsertRows();
}

void GuestWindowModel::onChanged(quint32 id)
{
    const int row = int(m_ids.indexOf(id));
    if (row >= 0)
        emit dataChanged(index(row), index(row));
}

void GuestWindowModel::onRemoved(quint32 id)
{
    const int row = int(m_ids.indexOf(id));
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_ids.removeAt(row);
    endRemoveRows();
}

void GuestWindowModel::onStackChanged()
{
    if (!m_ids.isEmpty())
        emit dataChanged(index(0), index(int(m_ids.size()) - 1), {StackIndexRole});
}

int GuestWindowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

QVariant GuestWindowModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid));
    if (!m_tracker)
        return {};
    const quint32 id = m_ids.at(index.row());
    const GuestWindow w = m_tracker->window(id);
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole:
        return w.title;
    case IdRole:
        return id;
    case AppClassRole:
        return w.appClass;
    case GeometryRole:
        return w.geometry;
    case OverrideRedirectRole:
        return w.overrideRedirect;
    case TransientForRole:
        return w.transientFor;
    case StackIndexRole:
        return m_tracker->stackIndex(id);
    case MappedRole:
        return w.mapped;
    default:
        return {};
    }
}

QHash<int, QByteArray> GuestWindowModel::roleNames() const
{
    return {
        {IdRole, "windowId"},
        {TitleRole, "title"},
        {AppClassRole, "appClass"},
        {GeometryRole, "geometry"},
        {OverrideRedirectRole, "overrideRedirect"},
        {TransientForRole, "transientFor"},
        {StackIndexRole, "stackIndex"},
        {MappedRole, "mapped"},
    };
}
