#include "appliancelistmodel.h"

#include "connectionsettings.h"
#include "appliancecatalog.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "hypervisor.h"
#include "trustcolorstore.h"
#include "applianceinfo.h"
#include "breachlistmodel.h"
#include "connectionlistmodel.h"
#include "uilogging.h"
#include "storehistory.h"
#include "tesserapaths.h"

#include <QSettings>

namespace {
QString hostKey(const QString &name)
{
    return QStringLiteral("appliances/%1/host").arg(name);
}

// ApplianceVm::setHost() accepts these only (and not while a ready state is captured).
bool isOff(const ApplianceSession *session)
{
    const ApplianceVm::State state = session->vm()->state();
    return state == ApplianceVm::Off || state == ApplianceVm::Failed || state == ApplianceVm::Unknown;
}
} // namespace

ApplianceListModel::ApplianceListModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(BreachListModel::instance(), &BreachListModel::actionRequested, this, &ApplianceListModel::onBreachAction);
    if (ConnectionListModel *connections = ConnectionListModel::instance()) {
        // A host leaves the list: refused while an appliance runs there; the others come home first.
        connections->addRemovalGuard(this, [this](const QString &name) { return removalProblem(name); });
        connect(connections, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                [this, connections](const QModelIndex &, int first, int last) { onConnectionsAboutToBeRemoved(connections, first, last); });
    }
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
    case HostRole: return session->host();
    case RemoteRole: return session->remote();
    }
    return {};
}

QHash<int, QByteArray> ApplianceListModel::roleNames() const
{
    return {{NameRole, "name"}, {TitleRole, "title"}, {JobRole, "job"}, {StateRole, "state"},
            {StateTextRole, "stateText"}, {HeadlineRole, "headline"}, {SessionRole, "session"},
            {HostRole, "host"}, {RemoteRole, "remote"}};
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
    const QList<ApplianceImage> images = ApplianceCatalog::scanAll();
    // A new appliance gets a colour apart from every other's before anything shows it.
    QStringList names;
    for (const ApplianceImage &image : images)
        names.append(image.name);
    TrustColorStore::instance()->assignDistinctDefaults(names);
    for (const ApplianceImage &image : images) {
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
        connect(session, &ApplianceSession::hostChanged, this, [this, session] {
            const int row = int(m_sessions.indexOf(session));
            if (row >= 0)
                Q_EMIT dataChanged(index(row), index(row), {HostRole, RemoteRole, HeadlineRole});
        });
        restoreHost(session);
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
    else if (action == QLatin1String("resume"))
        session->resume();
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

QString ApplianceListModel::setHost(const QString &name, const QString &connectionName)
{
    ApplianceSession *target = session(name);
    if (!target)
        return tr("There is no appliance called “%1”.").arg(name);
    ConnectionListModel *connections = ConnectionListModel::instance();
    const int row = connections ? connections->rowOfName(connectionName) : -1;
    const bool home = connectionName == ConnectionListModel::localHostName();
    if (row < 0 && !home)
        return tr("There is no connection called “%1”. Add it under Settings → Connections first.").arg(connectionName);
    if (target->host() == connectionName)
        return {};
    if (!isOff(target))
        return tr("Stop the appliance before moving it to another host.");
    if (home) {
        moveHome(target);
    } else if (!moveTo(target, row)) {
        return tr("Stop the appliance before moving it to another host.");
    }
    QSettings settings;
    if (home)
        settings.remove(hostKey(name));
    else
        settings.setValue(hostKey(name), connectionName);
    return {};
}

void ApplianceListModel::restoreHost(ApplianceSession *session)
{
    QSettings settings;
    const QString stored = settings.value(hostKey(session->name())).toString();
    if (stored.isEmpty())
        return;
    ConnectionListModel *connections = ConnectionListModel::instance();
    if (!connections)
        return; // a tool without the list of hosts: it cannot tell, so the choice is kept
    const int row = connections->rowOfName(stored);
    if (row < 0 || connections->data(connections->index(row), ConnectionListModel::LocalRole).toBool()) {
        // The host was removed (or renamed) since: the appliance is back on this computer.
        qCInfo(lcUi) << session->name() << "ran on" << stored << "which is gone; it runs on this computer";
        settings.remove(hostKey(session->name()));
        return;
    }
    moveTo(session, row);
}

bool ApplianceListModel::moveTo(ApplianceSession *session, int connectionRow)
{
    ConnectionListModel *connections = ConnectionListModel::instance();
    const QModelIndex at = connections->index(connectionRow);
    const bool local = connections->data(at, ConnectionListModel::LocalRole).toBool();
    const int status = connections->data(at, ConnectionListModel::StatusRole).toInt();
    // Opening is asynchronous; the VM's own calls queue behind it on that connection's worker.
    if (!local && (status == ConnectionListModel::NotOpened || status == ConnectionListModel::Failed))
        connections->test(connectionRow);
    return session->vm()->setHost(connections->connection(connectionRow), connections->entry(connectionRow).name, !local);
}

void ApplianceListModel::moveHome(ApplianceSession *session)
{
    Hypervisor *hypervisor = Hypervisor::instance();
    if (hypervisor)
        session->vm()->setHost(hypervisor->connection(), ConnectionListModel::localHostName(), false);
}

QString ApplianceListModel::removalProblem(const QString &connectionName) const
{
    for (const ApplianceSession *session : m_sessions) {
        if (session->host() == connectionName && !isOff(session))
            return tr("%1 runs on %2. Stop it before removing this connection.").arg(session->title(), connectionName);
    }
    return {};
}

void ApplianceListModel::onConnectionsAboutToBeRemoved(const ConnectionListModel *connections, int first, int last)
{
    // Before the connection is disposed: nothing may keep using it.
    for (int row = first; row <= last; ++row) {
        const QString name = connections->entry(row).name;
        for (ApplianceSession *session : std::as_const(m_sessions)) {
            if (session->host() != name)
                continue;
            moveHome(session);
            QSettings().remove(hostKey(session->name()));
        }
    }
}
