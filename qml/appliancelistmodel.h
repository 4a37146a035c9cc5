#pragma once

#include <QAbstractListModel>
#include <QQmlEngine>

Q_MOC_INCLUDE("appliancesession.h")
class ApplianceSession;

/// The appliances built on this machine, one row each, with their live state.
class ApplianceListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(bool loading READ isLoading NOTIFY loadingChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
public:
    enum Role { NameRole = Qt::UserRole + 1, TitleRole, JobRole, StateRole, StateTextRole, HeadlineRole, SessionRole };
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
    void onBreachAction(const QString &appliance, const QString &action, const QDateTime &since);

    QList<ApplianceSession *> m_sessions;
    bool m_loading = true;
};
