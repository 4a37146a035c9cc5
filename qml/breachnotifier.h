#pragma once

#include "breachevent.h"

#include <QHash>
#include <QObject>

class QDBusInterface;

/// Shows each breach as a desktop notification (org.freedesktop.Notifications on the session
/// D-Bus) with one-click actions, and reports the action the person picks. Without a
/// notification service it does nothing: the shell still shows the breach on the card.
class BreachNotifier : public QObject
{
    Q_OBJECT
public:
    explicit BreachNotifier(QObject *parent = nullptr);
    ~BreachNotifier() override;

    /// The actions offered, as keys of actionRequested().
    static QString pauseAction() { return QStringLiteral("pause"); }
    static QString stopAction() { return QStringLiteral("stop"); }
    static QString undoAction() { return QStringLiteral("undo"); }
    static QString showAction() { return QStringLiteral("default"); }

    /// Sends the notification for @p event (asynchronously; never blocks on the bus).
    void notify(const BreachEvent &event);

Q_SIGNALS:
    /// The person chose @p action on the notification of a breach of @p appliance that began at
    /// @p since (undo: "what it changed since then").
    void actionRequested(const QString &appliance, const QString &action, const QDateTime &since);
    /// The notification service accepted a notification (its id), e.g. for tests and logs.
    void notified(uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onClosed(uint id, uint reason);

private:
    struct Sent
    {
        QString appliance;
        QDateTime since;
    };
    QDBusInterface *m_service;
    QHash<uint, Sent> m_sent;
};
