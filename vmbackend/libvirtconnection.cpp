#include "libvirtconnection.h"

#include "connectionsettings.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QSemaphore>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <csignal>
#include <mutex>
#include <thread>

static_assert(int(LibvirtConnection::Crashed) == int(VIR_DOMAIN_EVENT_CRASHED) && int(LibvirtConnection::Started) == int(VIR_DOMAIN_EVENT_STARTED)
              && int(LibvirtConnection::Stopped) == int(VIR_DOMAIN_EVENT_STOPPED), "DomainEvent mirrors virDomainEventType");

namespace {

void silenceDefaultErrorPrinting(void *, virErrorPtr)
{
    // libvirt prints every error to stderr by default; ours are reported through VmError.
}

} // namespace

QString LibvirtConnection::libraryVersion()
{
    unsigned long version = 0;
    if (virGetVersion(&version, nullptr, nullptr) < 0)
        return {};
    return QStringLiteral("%1.%2.%3").arg(version / 1000000).arg(version / 1000 % 1000).arg(version % 1000);
}

LibvirtConnection::LibvirtConnection(const QString &uri, QObject *parent)
    : QObject(parent), m_uri(uri)
{
    qRegisterMetaType<VmError>();
    m_worker = new QObject;
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.setObjectName(QStringLiteral("libvirt worker"));
    m_thread.start();
}

LibvirtConnection::~LibvirtConnection()
{
    submit([this](virConnectPtr) { closeOnWorker(); });
    m_thread.quit();
    m_thread.wait();
}

void LibvirtConnection::ensureEventLoop()
{
    static std::once_flag once;
    std::call_once(once, [] {
        // libvirt's remote driver writes to its ssh child's pipe; when ssh has died (port closed,
        // host gone) that write raises SIGPIPE, which would end the whole shell. libvirt asks
        // its callers to ignore it; the failed write is then reported as an error.
        std::signal(SIGPIPE, SIG_IGN);
        virSetErrorFunc(nullptr, silenceDefaultErrorPrinting);
        if (virEventRegisterDefaultImpl() < 0) {
            qCWarning(lcVmBackend) << "could not start libvirt's event loop; state changes will be missed";
            return;
        }
        // libvirt's event loop runs for the life of the process.
        std::thread([] {
            for (;;)
                virEventRunDefaultImpl();
        }).detach();
    });
}

void LibvirtConnection::open()
{
    submit([this](virConnectPtr) { openOnWorker(); });
}

void LibvirtConnection::dispose()
{
    setParent(nullptr);
    disconnect();
    submit([this](virConnectPtr) {
        closeOnWorker();
        // Deleted on its own thread; by then the worker is idle, so the destructor's wait is short.
        QMetaObject::invokeMethod(this, [this] { delete this; }, Qt::QueuedConnection);
    });
}

void LibvirtConnection::submit(std::function<void(virConnectPtr)> task)
{
    QMetaObject::invokeMethod(m_worker, [this, task = std::move(task)] { task(m_connection); }, Qt::QueuedConnection);
}

void LibvirtConnection::waitForIdle()
{
    Q_ASSERT(QThread::currentThread() != &m_thread);
    QSemaphore done;
    submit([&done](virConnectPtr) { done.release(); });
    done.acquire();
}

void LibvirtConnection::openOnWorker()
{
    if (m_connection)
        return;
    ensureEventLoop();
    if (ConnectionSettings::isEmbedded(m_uri) && !ConnectionSettings::prepareEmbeddedRoot(m_uri)) {
        const VmError error(VmError::ConnectionFailed,
                            tr("Could not prepare Tessera's private hypervisor folder. Check that your data folder is writable."), m_uri);
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT openFailed(error); }, Qt::QueuedConnection);
        return;
    }
    qCInfo(lcVmBackend) << "opening" << m_uri;
    virConnectPtr connection = virConnectOpen(m_uri.toUtf8().constData());
    if (!connection) {
        const VmError error = VmError::fromLibvirt(VmError::ConnectionFailed,
            tr("Could not connect to the hypervisor at %1. Check that libvirt and QEMU are installed (scripts/setup) "
               "or choose another connection in Settings.").arg(m_uri));
        QMetaObject::invokeMethod(this, [this, error] { Q_EMIT openFailed(error); }, Qt::QueuedConnection);
        return;
    }
    m_connection = connection;
    m_lifecycleCallback = virConnectDomainEventRegisterAny(connection, nullptr, VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                                           VIR_DOMAIN_EVENT_CALLBACK(onLifecycleEvent), this, nullptr);
    if (m_lifecycleCallback < 0)
        qCWarning(lcVmBackend) << "no lifecycle events from" << m_uri;
    QMetaObject::invokeMethod(this, [this] {
        m_open = true;
        Q_EMIT opened();
    }, Qt::QueuedConnection);
}

void LibvirtConnection::closeOnWorker()
{
    if (!m_connection)
        return;
    if (m_lifecycleCallback >= 0)
        virConnectDomainEventDeregisterAny(m_connection, m_lifecycleCallback);
    virConnectClose(m_connection);
    m_connection = nullptr;
}

int LibvirtConnection::onLifecycleEvent(virConnectPtr, void *domain, int event, int detail, void *opaque)
{
    auto *self = static_cast<LibvirtConnection *>(opaque);
    const QString name = QString::fromUtf8(virDomainGetName(static_cast<virDomainPtr>(domain)));
    const auto kind = static_cast<DomainEvent>(event);
    QMetaObject::invokeMethod(self, [self, name, kind, detail] { Q_EMIT self->domainEvent(name, kind, detail); },
                              Qt::QueuedConnection);
    return 0;
}
