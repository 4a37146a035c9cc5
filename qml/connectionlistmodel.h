#pragma once

#include "connectionentry.h"
#include "connectionprobe.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

#include <functional>

class Hypervisor;
class LibvirtConnection;
class VmError;

/// The libvirt connections side by side (QML: HypervisorConnections; "Connections" is taken by QtQuick): "This computer" (the Hypervisor's connection) first,
/// then the remote hosts the user added (ConnectionList, stored in QSettings). Each has its
/// own LibvirtConnection and worker thread, opened lazily (openAll(), test(), add()) and
/// asynchronously, so a host that hangs or refuses never blocks the GUI or the others.
class ConnectionListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(HypervisorConnections)
    QML_SINGLETON
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString localName READ localName CONSTANT)
public:
    enum Status { NotOpened, Connecting, Connected, Failed };
    Q_ENUM(Status)
    enum Role { NameRole = Qt::UserRole + 1, UriRole, StatusRole, StatusTextRole, ErrorMessageRole, ErrorDetailsRole,
                HostnameRole, DomainsRole, LocalRole };
    Q_ENUM(Role)

    /// @p local is the shell's own connection (row 0), or null for none. Reads the remote
    /// connections from QSettings; none is opened yet.
    explicit ConnectionListModel(Hypervisor *local, QObject *parent = nullptr);
    ~ConnectionListModel() override;

    static void setInstance(ConnectionListModel *instance);
    static ConnectionListModel *instance();
    /// QML's singleton: the registered instance, or an empty list (QML tests without a shell).
    static ConnectionListModel *create(QQmlEngine *, QJSEngine *);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString localName() const;
    /// The name of this computer's connection ("This computer", translated), also without a model.
    static QString localHostName();
    /// The row of the connection called @p name (exact), or -1. Rows move; names do not.
    Q_INVOKABLE int rowOfName(const QString &name) const;
    /// Row @p row's connection (null when out of range); valid until the row is removed.
    LibvirtConnection *connection(int row) const;
    ConnectionEntry entry(int row) const;

    /// Why @p uri cannot be added (translated), or empty.
    Q_INVOKABLE QString uriProblem(const QString &uri) const;
    /// Why @p name cannot be added (translated), or empty.
    Q_INVOKABLE QString nameProblem(const QString &name) const;
    /// Adds, stores and starts opening a remote connection. Returns why it was refused, or empty.
    Q_INVOKABLE QString add(const QString &name, const QString &uri);
    /// Closes and forgets row @p row (not "This computer"). Returns at once even when the host hangs.
    /// Refused while something still needs the host (see addRemovalGuard()): returns why
    /// (translated), else empty. Whatever is merely assigned to the host moves away on
    /// rowsAboutToBeRemoved(), before the connection is disposed.
    Q_INVOKABLE QString remove(int row);
    /// Why row @p row cannot be removed now (translated), or empty; remove() returns the same.
    Q_INVOKABLE QString removalProblem(int row) const;

    /// Asked by remove() with the connection's name: returns why it must stay (translated), or
    /// empty. The launcher's model refuses while an appliance runs there. Dropped with @p owner.
    using RemovalGuard = std::function<QString(const QString &connectionName)>;
    void addRemovalGuard(QObject *owner, const RemovalGuard &guard);
    /// Opens row @p row again when it is closed or failed, or lists its domains again when open.
    Q_INVOKABLE void test(int row);
    /// Opens every connection not opened yet (the Settings page and the launcher call it).
    Q_INVOKABLE void openAll();

    /// Adds @p entry without checking or storing it: tests (test:///default) and tools.
    void appendEntry(const ConnectionEntry &entry);

Q_SIGNALS:
    void countChanged();
    /// Row @p row reached Connected or Failed (after open, test or a lost connection).
    void settled(int row);

private:
    struct Row
    {
        ConnectionEntry entry;
        LibvirtConnection *connection = nullptr;
        bool local = false;
        Status status = NotOpened;
        QString errorMessage;
        QString errorDetails;
        ConnectionProbe probe;
    };

    void appendRow(const ConnectionEntry &entry, bool open);
    void watch(LibvirtConnection *connection);
    void open(int row);
    void probe(int row);
    void onOpenFailed(LibvirtConnection *connection, const VmError &error);
    void setStatus(int row, Status status);
    int rowOf(const QObject *connection) const;
    void saveRemote() const;
    static QString statusText(const Row &row);

    Hypervisor *m_local = nullptr;
    QList<Row> m_rows;
    QList<std::pair<QPointer<QObject>, RemovalGuard>> m_removalGuards;
};
