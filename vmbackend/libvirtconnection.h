#pragma once

#include "vmerror.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

struct _virConnect;

/// One libvirt connection whose calls all run on a worker thread, so nothing blocks the
/// GUI. Results come back on the caller's thread; domain lifecycle events come from
/// libvirt's event loop (a thread of its own) and are re-emitted on this object's thread.
class LibvirtConnection : public QObject
{
    Q_OBJECT
public:
    /// libvirt's domain lifecycle event kinds (VIR_DOMAIN_EVENT_*), without its header.
    enum DomainEvent { Defined, Undefined, Started, Suspended, Resumed, Stopped, Shutdown, PMSuspended, Crashed };
    Q_ENUM(DomainEvent)

    explicit LibvirtConnection(const QString &uri, QObject *parent = nullptr);
    ~LibvirtConnection() override;

    QString uri() const { return m_uri; }
    bool isOpen() const { return m_open; }
    /// The version of the libvirt library Tessera runs with, "9.0.0" (for About).
    static QString libraryVersion();

    /// Opens the connection on the worker; opened() or openFailed() follows. Calls made
    /// before it finishes run after it, in order.
    void open();

    /// Runs @p job with the raw connection (null if not open) on the worker thread, then
    /// @p done with its result on this object's thread — only if @p context still exists.
    template<typename Result>
    void call(QObject *context, std::function<Result(_virConnect *)> job, std::function<void(const Result &)> done)
    {
        QPointer<QObject> guard(context);
        submit([this, guard, job = std::move(job), done = std::move(done)](_virConnect *connection) {
            Result result = job(connection);
            QMetaObject::invokeMethod(this, [guard, done, result] {
                if (guard)
                    done(result);
            }, Qt::QueuedConnection);
        });
    }

    /// Closes the connection and deletes this object once its worker is done, without making the
    /// caller wait for a worker that may hang (an ssh to a host that never answers). Detaches
    /// from its parent and from all receivers of its signals first.
    void dispose();

    /// Blocks the calling (non-GUI) thread until every queued call has run. For tools and tests.
    void waitForIdle();

Q_SIGNALS:
    /// The connection is open; calls made from now on reach libvirt.
    void opened();
    /// Opening failed; @p error says what to do.
    void openFailed(const VmError &error);
    /// A domain changed state (libvirt lifecycle event); @p detail is libvirt's detail code.
    void domainEvent(const QString &domainName, LibvirtConnection::DomainEvent event, int detail);
    /// libvirt closed the connection (daemon gone, keepalive lost).
    void connectionLost();

private:
    void submit(std::function<void(_virConnect *)> task);
    void openOnWorker();
    void closeOnWorker();

    static void ensureEventLoop();
    static int onLifecycleEvent(_virConnect *, void *domain, int event, int detail, void *opaque);

    QString m_uri;
    bool m_open = false;
    QThread m_thread;
    QObject *m_worker = nullptr;    // lives in m_thread; the queue of calls
    _virConnect *m_connection = nullptr; // touched only on the worker thread
    int m_lifecycleCallback = -1;
};
