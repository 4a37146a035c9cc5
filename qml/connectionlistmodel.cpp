#include "connectionlistmodel.h"

#include "connectionlist.h"
#include "hypervisor.h"
#include "libvirtconnection.h"

#include <QSettings>


namespace {
ConnectionListModel *s_instance = nullptr;
}

ConnectionListModel::ConnectionListModel(Hypervisor *local, QObject *parent)
    : QAbstractListModel(parent), m_local(local)
{
    qRegisterMetaType<ConnectionProbe>();
    if (local) {
        Row row;
        row.entry = {localName(), local->uri()};
        row.connection = local->connection();
        row.local = true;
        m_rows.append(row);
        // The shell opens its own connection at start; follow it rather than opening a second one.
        const auto follow = [this] {
            if (m_local->status() == Hypervisor::Connected) {
                setStatus(0, Connected);
                probe(0);
            } else if (m_local->status() == Hypervisor::Failed) {
                m_rows[0].errorMessage = m_local->errorMessage();
                m_rows[0].errorDetails = m_local->errorDetails();
                setStatus(0, Failed);
            } else {
                setStatus(0, Connecting);
            }
        };
        connect(local, &Hypervisor::statusChanged, this, follow);
        follow();
    }
    QSettings settings;
    for (const ConnectionEntry &entry : ConnectionList::loadRemote(settings))
        appendRow(entry, false);
}

ConnectionListModel::~ConnectionListModel()
{
    if (s_instance == this)
        s_instance = nullptr;
    for (const Row &row : std::as_const(m_rows)) {
        if (!row.local)
            row.connection->dispose();
    }
}

void ConnectionListModel::setInstance(ConnectionListModel *instance)
{
    s_instance = instance;
}

ConnectionListModel *ConnectionListModel::instance()
{
    return s_instance;
}

ConnectionListModel *ConnectionListModel::create(QQmlEngine *, QJSEngine *)
{
    if (s_instance) {
        QJSEngine::setObjectOwnership(s_instance, QJSEngine::CppOwnership);
        return s_instance;
    }
    return new ConnectionListModel(nullptr); // owned by the engine
}

int ConnectionListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant ConnectionListModel::data(const QModelIndex &index, int role) const
{
    Q_ASSERT(checkIndex(index, QAbstractItemModel::CheckIndexOption::IndexIsValid | QAbstractItemModel::CheckIndexOption::ParentIsInvalid));
    const Row &row = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case NameRole: return row.entry.name;
    case UriRole: return row.entry.uri;
    case StatusRole: return row.status;
    case StatusTextRole: return statusText(row);
    case ErrorMessageRole: return row.errorMessage;
    case ErrorDetailsRole: return row.errorDetails;
    case HostnameRole: return row.probe.hostname;
    case DomainsRole: return row.probe.domains;
    case LocalRole: return row.local;
    }
    return {};
}

QHash<int, QByteArray> ConnectionListModel::roleNames() const
{
    return {{NameRole, "name"}, {UriRole, "uri"}, {StatusRole, "status"}, {StatusTextRole, "statusText"},
            {ErrorMessageRole, "errorMessage"}, {ErrorDetailsRole, "errorDetails"}, {HostnameRole, "hostname"},
            {DomainsRole, "domains"}, {LocalRole, "local"}};
}

QString ConnectionListModel::localName() const
{
    return localHostName();
}

QString ConnectionListModel::localHostName()
{
    return tr("This computer");
}

int ConnectionListModel::rowOfName(const QString &name) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).entry.name == name)
            return row;
    }
    return -1;
}

LibvirtConnection *ConnectionListModel::connection(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).connection : nullptr;
}

ConnectionEntry ConnectionListModel::entry(int row) const
{
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).entry : ConnectionEntry{};
}

QString ConnectionListModel::uriProblem(const QString &uri) const
{
    const QString problem = ConnectionList::uriProblem(uri);
    if (!problem.isEmpty())
        return problem;
    for (const Row &row : m_rows) {
        if (row.entry.uri == uri.trimmed())
            return tr("%1 already uses this URI.").arg(row.entry.name);
    }
    return {};
}

QString ConnectionListModel::nameProblem(const QString &name) const
{
    QList<ConnectionEntry> entries;
    for (const Row &row : m_rows)
        entries.append(row.entry);
    entries.append({localName(), {}}); // reserved even when the list has no local row
    return ConnectionList::nameProblem(name, entries);
}

QString ConnectionListModel::add(const QString &name, const QString &uri)
{
    QString problem = nameProblem(name);
    if (problem.isEmpty())
        problem = uriProblem(uri);
    if (!problem.isEmpty())
        return problem;
    appendRow({name.trimmed(), uri.trimmed()}, true);
    saveRemote();
    return {};
}

void ConnectionListModel::appendEntry(const ConnectionEntry &entry)
{
    appendRow(entry, false);
}

void ConnectionListModel::appendRow(const ConnectionEntry &entry, bool openNow)
{
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
    Row row;
    row.entry = entry;
    row.connection = new LibvirtConnection(ConnectionList::uriForOpening(entry.uri), this);
    watch(row.connection);
    m_rows.append(row);
    endInsertRows();
    Q_EMIT countChanged();
    if (openNow)
        open(int(m_rows.size()) - 1);
}

void ConnectionListModel::watch(LibvirtConnection *connection)
{
    connect(connection, &LibvirtConnection::opened, this, [this, connection] {
        const int row = rowOf(connection);
        if (row < 0)
            return;
        m_rows[row].errorMessage.clear();
        m_rows[row].errorDetails.clear();
        setStatus(row, Connected);
        probe(row);
    });
    connect(connection, &LibvirtConnection::openFailed, this,
            [this, connection](const VmError &error) { onOpenFailed(connection, error); });
}

void ConnectionListModel::onOpenFailed(LibvirtConnection *connection, const VmError &error)
{
    const int row = rowOf(connection);
    if (row < 0)
        return;
    m_rows[row].errorDetails = error.details();
    m_rows[row].errorMessage = ConnectionList::failureMessage(m_rows.at(row).entry.name, m_rows.at(row).entry.uri, error.details());
    setStatus(row, Failed);
    Q_EMIT settled(row);
}

QString ConnectionListModel::removalProblem(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return {};
    if (m_rows.at(row).local)
        return tr("This computer's own connection cannot be removed.");
    for (const auto &[owner, guard] : m_removalGuards) {
        if (!owner)
            continue;
        const QString problem = guard(m_rows.at(row).entry.name);
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

void ConnectionListModel::addRemovalGuard(QObject *owner, const RemovalGuard &guard)
{
    m_removalGuards.removeIf([](const auto &entry) { return entry.first.isNull(); });
    m_removalGuards.append({QPointer<QObject>(owner), guard});
}

QString ConnectionListModel::remove(int row)
{
    if (row < 0 || row >= m_rows.size())
        return {};
    const QString problem = removalProblem(row);
    if (!problem.isEmpty())
        return problem;
    beginRemoveRows({}, row, row);
    const Row removed = m_rows.takeAt(row);
    endRemoveRows();
    Q_EMIT countChanged();
    // Its worker may sit in an ssh that never returns: closed and deleted when it is done.
    removed.connection->dispose();
    saveRemote();
    return {};
}

void ConnectionListModel::test(int row)
{
    if (row < 0 || row >= m_rows.size())
        return;
    if (m_rows.at(row).status == Connected)
        probe(row);
    else if (m_rows.at(row).status != Connecting)
        open(row);
}

void ConnectionListModel::openAll()
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).status == NotOpened)
            open(row);
    }
}

void ConnectionListModel::open(int row)
{
    Row &target = m_rows[row];
    if (target.local) {
        // The Hypervisor owns it; asking again retries a failed open.
        if (target.status == Failed)
            m_local->open();
        return;
    }
    setStatus(row, Connecting);
    target.connection->open();
}

void ConnectionListModel::probe(int row)
{
    LibvirtConnection *connection = m_rows.at(row).connection;
    connection->call<ConnectionProbe>(this, &ConnectionProbe::run, [this, connection](const ConnectionProbe &result) {
        const int current = rowOf(connection);
        if (current < 0)
            return;
        m_rows[current].probe = result;
        const QModelIndex changed = index(current);
        Q_EMIT dataChanged(changed, changed, {HostnameRole, DomainsRole});
        Q_EMIT settled(current);
    });
}

void ConnectionListModel::setStatus(int row, Status status)
{
    m_rows[row].status = status;
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {StatusRole, StatusTextRole, ErrorMessageRole, ErrorDetailsRole});
}

int ConnectionListModel::rowOf(const QObject *connection) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.at(row).connection == connection)
            return row;
    }
    return -1;
}

void ConnectionListModel::saveRemote() const
{
    QList<ConnectionEntry> entries;
    for (const Row &row : m_rows) {
        if (!row.local)
            entries.append(row.entry);
    }
    QSettings settings;
    ConnectionList::saveRemote(settings, entries);
}

QString ConnectionListModel::statusText(const Row &row)
{
    switch (row.status) {
    case NotOpened: return tr("Not connected yet");
    case Connecting: return tr("Connecting…");
    case Failed: return tr("Failed");
    case Connected:
        if (!row.probe.error.isEmpty())
            return tr("Connected, but the virtual machines could not be listed: %1").arg(row.probe.error);
        return row.probe.hostname.isEmpty() ? tr("Connected")
                                            : tr("Connected to %1 · %n virtual machine(s)", nullptr, int(row.probe.domains.size()))
                                                  .arg(row.probe.hostname);
    }
    return {};
}
