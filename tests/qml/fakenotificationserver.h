#pragma once
// A notification service for tests, on its own connection to the private session bus.

#include <QDBusAbstractAdaptor>
#include <QStringList>
#include <QVariantMap>

class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QString lastSummary;
    QString lastBody;
    QStringList lastActions;
    QVariantMap lastHints;
    uint nextId = 41;

public Q_SLOTS:
    uint Notify(const QString &, uint, const QString &, const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int)
    {
        lastSummary = summary;
        lastBody = body;
        lastActions = actions;
        lastHints = hints;
        Q_EMIT received();
        return ++nextId;
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
    void received();
};
