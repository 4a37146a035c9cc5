#include "appliancevm.h"

#include "domainxmlbuilder.h"
#include "overlaydisk.h"
#include "tesserapaths.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <libvirt/libvirt.h>

namespace {

/// The domain, or null with libvirt's error recorded. The caller frees it.
virDomainPtr lookup(virConnectPtr connection, const QString &name)
{
    return connection ? virDomainLookupByName(connection, name.toUtf8().constData()) : nullptr;
}

struct DomainHandle
{
    explicit DomainHandle(virDomainPtr domain) : domain(domain) {}
    ~DomainHandle() { if (domain) virDomainFree(domain); }
    DomainHandle(const DomainHandle &) = delete;
    DomainHandle &operator=(const DomainHandle &) = delete;
    virDomainPtr domain;
};

ApplianceVm::State stateFromLibvirt(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
    case VIR_DOMAIN_PAUSED:
    case VIR_DOMAIN_PMSUSPENDED:
        return ApplianceVm::Running;
    case VIR_DOMAIN_SHUTDOWN:
        return ApplianceVm::Stopping;
    default:
        return ApplianceVm::Off;
    }
}

VmError notConnected()
{
    return VmError(VmError::ConnectionFailed,
                   QCoreApplication::translate("ApplianceVm", "Not connected to the hypervisor. Check the connection in Settings and try again."));
}

} // namespace

ApplianceVm::ApplianceVm(LibvirtConnection *connection, const ApplianceImage &image, Accelerator::Kind accelerator, QObject *parent)
    : QObject(parent), m_connection(connection), m_image(image)
{
    const QString instance = TesseraPaths::instanceDir(image.name);
    m_spec.name = QStringLiteral("tessera-") + image.name;
    m_spec.accelerator = accelerator;
    m_spec.kernel = image.kernel;
    m_spec.initrd = image.initrd;
    m_spec.kernelCommandLine = image.kernelCommandLine;
    m_spec.systemDisk = instance + QStringLiteral("/system.qcow2");
    m_spec.consoleLog = instance + QStringLiteral("/console.log");
    m_spec.spiceSocket = TesseraPaths::runtimeDir() + QLatin1Char('/') + image.name + QStringLiteral(".spice");
    if (QFileInfo::exists(TesseraPaths::toolsDiskPath()))
        m_spec.toolsDisk = QFileInfo(TesseraPaths::toolsDiskPath()).canonicalFilePath();

    m_stopDeadline.setSingleShot(true);
    connect(&m_stopDeadline, &QTimer::timeout, this, [this] {
        qCInfo(lcVmBackend) << m_spec.name << "did not shut down in time; switching it off";
        powerOff();
    });
    connect(connection, &LibvirtConnection::domainEvent, this, &ApplianceVm::onDomainEvent);
}

void ApplianceVm::setResources(int vcpus, int memoryMiB)
{
    if (vcpus > 0)
        m_spec.vcpus = vcpus;
    if (memoryMiB > 0)
        m_spec.memoryMiB = memoryMiB;
}

void ApplianceVm::setState(State state)
{
    if (m_state == state)
        return;
    qCDebug(lcVmBackend) << m_spec.name << m_state << "->" << state;
    m_state = state;
    if (state == Off || state == Running || state == Failed)
        m_stopDeadline.stop();
    Q_EMIT stateChanged(state);
}

void ApplianceVm::fail(const VmError &error)
{
    qCWarning(lcVmBackend) << m_spec.name << error.toString();
    m_lastError = error;
    setState(Failed);
    Q_EMIT failed(error);
}

void ApplianceVm::refresh()
{
    const QString name = m_spec.name;
    m_connection->call<int>(this, [name](virConnectPtr connection) {
        DomainHandle handle(lookup(connection, name));
        int state = VIR_DOMAIN_SHUTOFF;
        int reason = 0;
        if (handle.domain && virDomainGetState(handle.domain, &state, &reason, 0) < 0)
            state = VIR_DOMAIN_SHUTOFF;
        return state;
    }, [this](const int &state) { setState(stateFromLibvirt(state)); });
}

void ApplianceVm::start()
{
    if (m_state == Starting || m_state == Running || m_state == Preparing)
        return;
    if (!m_image.isComplete()) {
        fail(VmError(VmError::ImageMissing, tr("The appliance “%1” has not been built yet. Run scripts/setup to build it.").arg(m_image.name),
                     m_image.directory));
        return;
    }
    m_lastError = {};
    setState(Preparing);
    const DomainSpec spec = m_spec;
    const QString base = m_image.baseDisk;
    m_connection->call<VmError>(this, [spec, base](virConnectPtr connection) -> VmError {
        if (!connection)
            return notConnected();
        if (VmError error = OverlayDisk(base, spec.systemDisk).ensure(); error.isError())
            return error;
        QFile::remove(spec.spiceSocket); // a stale socket from a crashed QEMU would block SPICE
        DomainHandle defined(virDomainDefineXML(connection, DomainXmlBuilder::build(spec).toUtf8().constData()));
        if (!defined.domain)
            return VmError::fromLibvirt(VmError::DefineFailed,
                                        QCoreApplication::translate("ApplianceVm", "The hypervisor refused the appliance's definition. See the details, and report it if it persists."));
        if (virDomainCreate(defined.domain) < 0)
            return VmError::fromLibvirt(VmError::StartFailed,
                                        QCoreApplication::translate("ApplianceVm", "The appliance could not be started. Check that QEMU is installed and enough memory is free, then try again."));
        return {};
    }, [this](const VmError &error) {
        if (error.isError())
            fail(error);
        else if (m_state == Preparing) // the Started event may already have set Running
            setState(Running);
    });
}

void ApplianceVm::stop()
{
    if (m_state != Running && m_state != Starting)
        return;
    setState(Stopping);
    m_stopDeadline.start(m_stopTimeoutMs);
    const QString name = m_spec.name;
    m_connection->call<VmError>(this, [name](virConnectPtr connection) -> VmError {
        DomainHandle handle(lookup(connection, name));
        if (!handle.domain)
            return notConnected();
        if (virDomainShutdown(handle.domain) < 0)
            return VmError::fromLibvirt(VmError::StopFailed, QCoreApplication::translate("ApplianceVm", "The appliance did not accept the shutdown request; it will be switched off."));
        return {};
    }, [this](const VmError &error) {
        if (error.isError()) {
            qCWarning(lcVmBackend) << error.toString();
            powerOff();
        }
    });
}

void ApplianceVm::powerOff()
{
    const QString name = m_spec.name;
    m_connection->call<VmError>(this, [name](virConnectPtr connection) -> VmError {
        DomainHandle handle(lookup(connection, name));
        if (!handle.domain)
            return {};
        if (virDomainIsActive(handle.domain) == 1 && virDomainDestroy(handle.domain) < 0)
            return VmError::fromLibvirt(VmError::StopFailed, QCoreApplication::translate("ApplianceVm", "The appliance could not be switched off. Try again; if it keeps running, restart Tessera."));
        return {};
    }, [this](const VmError &error) {
        if (error.isError())
            fail(error);
        else
            refresh();
    });
}

void ApplianceVm::rollback()
{
    if (m_state != Off && m_state != Failed && m_state != Unknown) {
        fail(VmError(VmError::NotStopped, tr("Stop the appliance before rolling it back.")));
        return;
    }
    setState(RollingBack);
    const QString name = m_spec.name;
    const QString base = m_image.baseDisk;
    const QString overlay = m_spec.systemDisk;
    using Result = std::pair<VmError, qint64>;
    m_connection->call<Result>(this, [name, base, overlay](virConnectPtr connection) -> Result {
        // Check with libvirt, not our cached state: the VM may have been started elsewhere (virsh).
        DomainHandle handle(lookup(connection, name));
        if (handle.domain && virDomainIsActive(handle.domain) == 1)
            return {VmError(VmError::NotStopped, QCoreApplication::translate("ApplianceVm", "Stop the appliance before rolling it back.")), 0};
        QElapsedTimer timer;
        timer.start();
        VmError error = OverlayDisk(base, overlay).reset();
        return {error, timer.elapsed()};
    }, [this](const Result &result) {
        if (result.first.isError()) {
            fail(result.first);
            return;
        }
        setState(Off);
        Q_EMIT rolledBack(result.second);
    });
}

void ApplianceVm::onDomainEvent(const QString &domainName, LibvirtConnection::DomainEvent event, int)
{
    if (domainName != m_spec.name)
        return;
    switch (event) {
    case LibvirtConnection::Started:
    case LibvirtConnection::Resumed:
        setState(Running);
        break;
    case LibvirtConnection::Stopped:
    case LibvirtConnection::Crashed:
        if (m_state != RollingBack)
            setState(Off);
        break;
    default:
        break;
    }
}
