#pragma once

#include "breachevent.h"

#include <QAbstractListModel>
#include <QQmlEngine>

/// Every contract breach the shell knows of, newest first: those in the appliances' breach
/// logs when the shell starts, and those its monitors raise while it runs.
class BreachListModel : public QAbstractListModel
{
    Q_OBJECT
    QML_NAMED_ELEMENT(Breaches)
    QML_SINGLETON
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QStringList appliances READ appliances NOTIFY countChanged)
    /// The newest breach raised while the shell runs ("" when none), for the alert banner.
    Q_PROPERTY(QString alertAppliance READ alertAppliance NOTIFY alertChanged)
    Q_PROPERTY(QString alertSummary READ alertSummary NOTIFY alertChanged)
    Q_PROPERTY(QDateTime alertSince READ alertSince NOTIFY alertChanged)
    /// When the alert's breach was detected (to tell whether it is of the appliance's current run).
    Q_PROPERTY(QDateTime alertTime READ alertTime NOTIFY alertChanged)
public:
    enum Role {
        ApplianceRole = Qt::UserRole + 1,
        TimeRole,
        KindRole,
        SummaryRole,
        EvidenceRole,
        ElementRole,
        /// When the breach began (the start of its window), ISO 8601 UTC: "undo since then".
        SinceIsoRole,
    };
    Q_ENUM(Role)

    /// Not default-constructible on purpose: Qt 6.4's QML makes a singleton with a default
    /// constructor rather than through create(), and the banner would watch another instance.
    explicit BreachListModel(QObject *parent);
    /// The instance the sessions report to; QML gets the same one (create()).
    static BreachListModel *instance();
    static BreachListModel *create(QQmlEngine *, QJSEngine *);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the breach logs under @p logsRoot (replacing what is listed).
    void load(const QString &logsRoot);
    /// Adds a breach a monitor just raised.
    void add(const BreachEvent &event);
    QString alertAppliance() const { return m_alert.appliance; }
    QString alertSummary() const { return m_alert.appliance.isEmpty() ? QString() : m_alert.describe(); }
    QDateTime alertSince() const { return m_alert.windowStart.isValid() ? m_alert.windowStart : m_alert.time; }
    QDateTime alertTime() const { return m_alert.time; }
    /// Hides the alert banner (the breach stays listed).
    Q_INVOKABLE void dismissAlert();
    /// The appliances with a breach listed, each once, newest breach first.
    QStringList appliances() const;
    /// The number of breaches of @p appliance listed.
    Q_INVOKABLE int countFor(const QString &appliance) const;
    /// Asks for one of a breach alert's actions ("pause", "resume", "stop", "undo", "default" = show) on
    /// @p appliance; @p since is when the breach began (undo: what it changed since then).
    Q_INVOKABLE void requestAction(const QString &appliance, const QString &action, const QDateTime &since);

Q_SIGNALS:
    void countChanged();
    void alertChanged();
    /// A monitor raised a breach while the shell runs; @p summary says what happened.
    void breachRaised(const QString &appliance, const QString &summary);
    /// The same, with its evidence (for the desktop notification).
    void breachAdded(const BreachEvent &event);
    /// requestAction() was called (by the shell's alert or a desktop notification).
    void actionRequested(const QString &appliance, const QString &action, const QDateTime &since);

private:
    QList<BreachEvent> m_events; // newest first
    BreachEvent m_alert;
};
