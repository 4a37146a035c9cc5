#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

Q_MOC_INCLUDE("appliancesession.h")
class ApplianceSession;
class ConnectionListModel;

/// The appliances built on this machine, one row each, with their live state.
class ApplianceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, TitleRole, JobRole, StateRole, StateTextRole, HeadlineRole, SessionRole,
                HostRole,   ///< the connection's name it runs on (ApplianceSession::host)
                RemoteRole  ///< it runs on another host
    };
    Q_ENUM(Role)

    explicit ApplianceListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    bool isLoading() const { return m_loading; }
    /// The session of appliance @p name, or null.
    Q_INVOKABLE ApplianceSession *session(const QString &name) const;
    /// Scans the appliance images again (after a build or import).
    Q_INVOKABLE void reload();
    /// Another appliance with the same job (build.json "job", ProductSection/Product for imports)
    /// as @p name, for comparing contracts; nullptr when there is none.
    Q_INVOKABLE ApplianceSession *sameJobAs(const QString &name) const;
    /// Moves appliance @p name to the connection called @p connectionName (a row of
    /// ConnectionListModel; opened first when it is not yet) and remembers the choice
    /// (QSettings appliances/NAME/host). Only while the appliance is off. Returns why it was
    /// refused (translated, says what to do), or empty when it moved.
    Q_INVOKABLE QString setHost(const QString &name, const QString &connectionName);

Q_SIGNALS:
    void loadingChanged();
    void countChanged();
    /// A breach alert asked to show @p session (raise its window).
    void showRequested(ApplianceSession *session);
    /// @p session was recovered after an incident; its system's changes are in quarantine
    /// @p quarantineId (the shell shows it, whichever control asked for the recovery).
    void sessionRecovered(ApplianceSession *session, const QString &quarantineId);

private:
    void populate();
    void restoreHost(ApplianceSession *session);
    bool moveTo(ApplianceSession *session, int connectionRow);
    void moveHome(ApplianceSession *session);
    QString removalProblem(const QString &connectionName) const;
    void onConnectionsAboutToBeRemoved(const ConnectionListModel *connections, int first, int last);
    void onBreachAction(const QString &appliance, const QString &action, const QDateTime &since);

    QList<ApplianceSession *> m_sessions;
    bool m_loading = true;
};
