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
public:
    enum Role {
        ApplianceRole = Qt::UserRole + 1,
        TimeRole,
        KindRole,
        SummaryRole,
        EvidenceRole,
        ElementRole,
    };
    Q_ENUM(Role)

    explicit BreachListModel(QObject *parent = nullptr);
    /// The instance the sessions report to; QML gets the same one.
    static BreachListModel *instance();
    static BreachListModel *create(QQmlEngine *, QJSEngine *);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Reads the breach logs under @p logsRoot (replacing what is listed).
    void load(const QString &logsRoot);
    /// Adds a breach a monitor just raised.
    void add(const BreachEvent &event);
    /// The number of breaches of @p appliance listed.
    Q_INVOKABLE int countFor(const QString &appliance) const;

Q_SIGNALS:
    void countChanged();
    /// A monitor raised a breach while the shell runs; @p summary says what happened.
    void breachRaised(const QString &appliance, const QString &summary);

private:
    QList<BreachEvent> m_events; // newest first
};
