#include "restorepointmodel.h"

#include "appliancesession.h"
#include "appliancevm.h"

#include <algorithm>

RestorePointModel::RestorePointModel(QObject *parent)
    : QAbstractListModel(parent)
{
}

void RestorePointModel::setSession(ApplianceSession *session)
{
    if (m_session == session)
        return;
    m_session = session;
    setVm(session ? session->vm() : nullptr);
    Q_EMIT sessionChanged();
}

void RestorePointModel::setVm(ApplianceVm *vm)
{
    if (m_vm == vm)
        return;
    if (m_vm)
        disconnect(m_vm, nullptr, this, nullptr);
    m_vm = vm;
    if (vm)
        connect(vm, &ApplianceVm::restorePointsChanged, this, &RestorePointModel::update);
    update();
    reload();
}

int RestorePointModel::retention() const
{
    return m_vm ? m_vm->restorePointRetention() : 0;
}

void RestorePointModel::setRetention(int keep)
{
    if (m_vm)
        m_vm->setRestorePointRetention(keep);
}

void RestorePointModel::update()
{
    QList<RestorePoint> points = m_vm ? m_vm->restorePoints() : QList<RestorePoint>();
    std::reverse(points.begin(), points.end());
    beginResetModel();
    m_points = points;
    m_current = m_vm ? m_vm->currentRestorePoint() : QString();
    endResetModel();
    Q_EMIT countChanged();
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged();
    }
}

void RestorePointModel::reload()
{
    if (!m_vm)
        return;
    if (!m_loading) {
        m_loading = true;
        Q_EMIT loadingChanged();
    }
    m_vm->refreshRestorePoints();
}

int RestorePointModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_points.size());
}

QVariant RestorePointModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const RestorePoint &point = m_points.at(index.row());
    switch (role) {
    case IdRole:
        return point.id;
    case ParentRole:
        return point.parent;
    case TimeRole:
        return point.time.toLocalTime();
    case ReasonRole:
        return point.reason;
    case ReasonTextRole:
        if (point.reason == RestorePoint::cleanShutdown())
            return tr("Clean shutdown");
        if (point.reason == RestorePoint::beforeRollback())
            return tr("Before a roll back");
        return tr("Taken on request");
    case BreachFreeRole:
        return point.breachFree;
    case PinnedRole:
        return point.pinned;
    case Qt::DisplayRole:
    case NameRole:
        return point.name;
    case CurrentRole:
        return point.id == m_current;
    default:
        return {};
    }
}

QHash<int, QByteArray> RestorePointModel::roleNames() const
{
    return {{IdRole, "pointId"}, {ParentRole, "parentId"}, {TimeRole, "time"}, {ReasonRole, "reason"}, {ReasonTextRole, "reasonText"},
            {BreachFreeRole, "breachFree"}, {PinnedRole, "pinned"}, {NameRole, "name"}, {CurrentRole, "current"}};
}

void RestorePointModel::take(const QString &name)
{
    if (m_vm)
        m_vm->takeRestorePoint(name);
}

void RestorePointModel::rollbackTo(const QString &id)
{
    if (m_vm)
        m_vm->rollbackTo(id);
}

void RestorePointModel::setPinned(const QString &id, bool pinned)
{
    if (m_vm)
        m_vm->pinRestorePoint(id, pinned);
}

void RestorePointModel::rename(const QString &id, const QString &name)
{
    if (m_vm)
        m_vm->renameRestorePoint(id, name);
}
