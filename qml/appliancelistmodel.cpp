#include "appliancelistmodel.h"

#include "connectionsettings.h"
#include "appliancecatalog.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "hypervisor.h"
#include "applianceinfo.h"
#include "breachlistmodel.h"
#include "storehistory.h"
#include "tesserapaths.h"

ApplianceListModel::ApplianceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(BreachListModel::instance(), &BreachListModel::actionRequested, this, &ApplianceListModel::onBreachAction);
    Hypervisor *hypervisor = Hypervisor::instance();
    if (!hypervisor) {
        m_loading = false;
        return;
    }
    if (hypervisor->status() == Hypervisor::Connected)
        populate();
    else
        connect(hypervisor, &Hypervisor::statusChanged, this, [this, hypervisor] {
            if (hypervisor->status() == Hypervisor::Connected)
                populate();
            m_loading = false;
            Q_EMIT loadingChanged();
        });
}

int ApplianceListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sessions.size());
}

QVariant ApplianceListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const ApplianceSession *session = m_sessions.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case TitleRole: return session->title();
    case NameRole: return session->name();
    case JobRole: return session->job();
    case HeadlineRole: return session->headline();
    case StateRole: return session->state();
    case StateTextRole: return session->stateText();
    case SessionRole: return QVariant::fromValue(const_cast<ApplianceSession *>(session));
    }
    return {};
}

QHash<int, QByteArray> ApplianceListModel::roleNames() const
{
    return {{NameRole, "name"}, {TitleRole, "title"}, {JobRole, "job"}, {StateRole, "state"},
            {StateTextRole, "stateText"}, {HeadlineRole, "headline"}, {SessionRole, "session"}};
}

ApplianceSession *ApplianceListModel::session(const QString &name) const
{
    for (ApplianceSession *session : m_sessions) {
        if (session->name() == name)
            return session;
    }
    return nullptr;
}

void ApplianceListModel::reload()
{
    populate();
}

void ApplianceListModel::populate()
{
    // Adds appliances that appeared; sessions of known ones live on (they may be running).
    Hypervisor *hypervisor = Hypervisor::instance();
    for (const ApplianceImage &image : ApplianceCatalog::scanAll()) {
        if (session(image.name))
            continue;
        const ApplianceInfo info = ApplianceInfo::fromDescriptor(image.descriptor, image.name);
        auto *vm = new ApplianceVm(hypervisor->connection(), image, hypervisor->accelerator());
        vm->loadContract(ConnectionSettings::isPrivileged(hypervisor->uri()));
        auto *session = new ApplianceSession(vm, info, this);
        connect(session, &ApplianceSession::stateChanged, this, [this, session] {
            const int row = int(m_sessions.indexOf(session));
            if (row >= 0)
                Q_EMIT dataChanged(index(row), index(row), {StateRole, StateTextRole});
        });
        connect(session, &ApplianceSession::recovered, this,
                [this, session](const QString &quarantineId) { Q_EMIT sessionRecovered(session, quarantineId); });
        const int row = int(m_sessions.size());
        beginInsertRows({}, row, row);
        m_sessions.append(session);
        endInsertRows();
        vm->refresh();
    }
    Q_EMIT countChanged();
    if (m_loading) {
        m_loading = false;
        Q_EMIT loadingChanged();
    }
}

void ApplianceListModel::onBreachAction(const QString &appliance, const QString &action, const QDateTime &since)
{
    const auto found = std::find_if(m_sessions.cbegin(), m_sessions.cend(), [&](const ApplianceSession *s) { return s->name() == appliance; });
    if (found == m_sessions.cend())
        return;
    ApplianceSession *session = *found;
    if (action == QLatin1String("pause"))
        session->pause();
    else if (action == QLatin1String("stop"))
        session->stop();
    else if (action == QLatin1String("undo") && StoreHistory::instance())
        StoreHistory::instance()->undoSince(appliance, since.toUTC().toString(Qt::ISODateWithMs));
    else if (action == QLatin1String("default"))
        Q_EMIT showRequested(session);
}

ApplianceSession *ApplianceListModel::sameJobAs(const QString &name) const
{
    const ApplianceSession *self = session(name);
    if (!self || self->job().trimmed().isEmpty())
        return nullptr;
    for (ApplianceSession *other : m_sessions) {
        if (other != self && other->job().trimmed().compare(self->job().trimmed(), Qt::CaseInsensitive) == 0)
            return other;
    }
    return nullptr;
}
