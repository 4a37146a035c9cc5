#pragma once
// The desktop panel's side of StatusNotifierItem for tests: a watcher with a host, on its own
// connection to the private session bus, that records the items that register. Qt asks the
// watcher synchronously, so it must live on a thread other than the one it answers.

#include <QDBusConnection>
#include <QDBusMessage>
#include <QMutex>
#include <QMutexLocker>
#include <QObject>
#include <QStringList>

class FakeStatusNotifierWatcher : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.kde.StatusNotifierWatcher")
    Q_PROPERTY(bool IsStatusNotifierHostRegistered READ isHostRegistered)
    Q_PROPERTY(int ProtocolVersion READ protocolVersion)
    Q_PROPERTY(QStringList RegisteredStatusNotifierItems READ items)
public:
    bool isHostRegistered() const { return true; }
    int protocolVersion() const { return 0; }
    /// The services registered so far; safe from any thread.
    QStringList items() const
    {
        QMutexLocker lock(&m_mutex);
        return m_registered;
    }

public Q_SLOTS:
    void RegisterStatusNotifierItem(const QString &service)
    {
        {
            QMutexLocker lock(&m_mutex);
            m_registered << service;
        }
        Q_EMIT StatusNotifierItemRegistered(service);
    }
    void RegisterStatusNotifierHost(const QString &) {}

Q_SIGNALS:
    void StatusNotifierItemRegistered(const QString &service);
    void StatusNotifierItemUnregistered(const QString &service);
    void StatusNotifierHostRegistered();

private:
    mutable QMutex m_mutex;
    QStringList m_registered;
};
