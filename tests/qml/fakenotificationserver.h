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
    uint lastReplacesId = 0;
    int notifyCount = 0;
    uint nextId = 41;

public Q_SLOTS:
    uint Notify(const QString &, uint replacesId, const QString &, const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int)
    {
        ++notifyCount;
        lastReplacesId = replacesId;
        lastSummary = summary;
        lastBody = body;
        lastActions = actions;
        lastHints = hints;
        Q_EMIT received();
        return replacesId ? replacesId : ++nextId; // a replaced notification keeps its id
    }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &action);
    void NotificationClosed(uint id, uint reason);
    void received();
};
