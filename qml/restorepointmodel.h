#pragma once

#include "appliancesession.h"
#include "restorepoint.h"

#include <QAbstractListModel>
#include <QPointer>
#include <QQmlEngine>

class ApplianceVm;

/// One appliance's restore points for the recovery panel, newest first. Reads them through the
/// appliance's ApplianceVm (all disk work on its worker) and follows its restorePointsChanged().
class RestorePointModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ApplianceSession *session READ session WRITE setSession NOTIFY sessionChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(bool loading READ loading NOTIFY loadingChanged)
    Q_PROPERTY(int retention READ retention WRITE setRetention NOTIFY countChanged)
    /// The point the system disk is on now; "" for the clean base.
    Q_PROPERTY(QString currentId READ currentId NOTIFY countChanged)
public:
    enum Role {
        IdRole = Qt::UserRole + 1,
        ParentRole,     ///< the point it is based on; "" for the base
        TimeRole,       ///< QDateTime, local time
        ReasonRole,     ///< "clean-shutdown", "on-demand", "before-rollback"
        ReasonTextRole, ///< the reason in words
        BreachFreeRole,
        PinnedRole,
        NameRole,
        CurrentRole,    ///< the system disk is on this point now
    };
    Q_ENUM(Role)

    explicit RestorePointModel(QObject *parent = nullptr);

    ApplianceSession *session() const { return m_session; }
    void setSession(ApplianceSession *session);
    /// For C++ users and tests: follows @p vm directly (setSession() does this for its VM).
    void setVm(ApplianceVm *vm);
    bool loading() const { return m_loading; }
    QString currentId() const { return m_current; }
    int retention() const;
    void setRetention(int keep);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the points again.
    Q_INVOKABLE void reload();
    /// Takes a point now (the appliance must be off); @p name may be empty.
    Q_INVOKABLE void take(const QString &name);
    /// Rolls back to point @p id, or to the base when @p id is empty.
    Q_INVOKABLE void rollbackTo(const QString &id);
    Q_INVOKABLE void setPinned(const QString &id, bool pinned);
    Q_INVOKABLE void rename(const QString &id, const QString &name);

Q_SIGNALS:
    void sessionChanged();
    void countChanged();
    void loadingChanged();

private:
    void update();

    QPointer<ApplianceSession> m_session;
    QPointer<ApplianceVm> m_vm;
    QList<RestorePoint> m_points; // newest first
    QString m_current;
    bool m_loading = false;
};
