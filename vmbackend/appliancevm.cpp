#include "appliancevm.h"

#include "connectionsettings.h"
#include "contractparser.h"
#include "launchjob.h"
#include "launchmodefile.h"
#include "readystate.h"
#include "recoveryjob.h"
#include "tesserapaths.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <libvirt/libvirt.h>

#include <unistd.h>

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
    : QObject(parent), m_connection(connection), m_image(image), m_instanceDir(TesseraPaths::instanceDir(image.name))
{
    const QString &instance = m_instanceDir;
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
    // Two small reads; the ready state's validity is checked on the worker at launch.
    m_mode = LaunchModeFile::keepsChanges(m_instanceDir) ? KeepChanges : FreshEveryLaunch;
    m_hasReadyState = ReadyState(m_instanceDir).isComplete();
}

QString ApplianceVm::modeName(Mode mode)
{
    return mode == KeepChanges ? QStringLiteral("keep") : QStringLiteral("fresh");
}

bool ApplianceVm::modeFromName(const QString &name, Mode *mode)
{
    if (name == QLatin1String("fresh"))
        *mode = FreshEveryLaunch;
    else if (name == QLatin1String("keep"))
        *mode = KeepChanges;
    else
        return false;
    return true;
}

void ApplianceVm::setMode(Mode mode)
{
    const QString instance = m_instanceDir;
    m_connection->call<VmError>(this, [instance, mode](virConnectPtr) {
        return LaunchModeFile::save(instance, mode == KeepChanges);
    }, [this, mode](const VmError &error) {
        if (error.isError()) {
            qCWarning(lcVmBackend) << m_spec.name << error.toString();
            m_lastError = error;
            Q_EMIT failed(error);
            return;
        }
        const bool changed = m_mode != mode;
        m_mode = mode;
        if (changed)
            qCInfo(lcVmBackend) << m_spec.name << "launch mode" << modeName(mode);
        Q_EMIT modeChanged(mode);
    });
}

void ApplianceVm::setHasReadyState(bool hasReadyState)
{
    if (m_hasReadyState == hasReadyState)
        return;
    m_hasReadyState = hasReadyState;
    Q_EMIT readyStateChanged(hasReadyState);
}

void ApplianceVm::setContract(const SystemContract &contract, bool privilegedConnection)
{
    EnforcementContext context;
    context.privileged = privilegedConnection;
    context.cgroupTunes = privilegedConnection || (ConnectionSettings::isEmbedded(m_connection->uri()) && geteuid() == 0);
    context.applianceName = m_image.name;
    context.storeRoot = TesseraPaths::personalStoreDir();
    context.runtimeDir = TesseraPaths::runtimeDir();
    context.logDir = TesseraPaths::logsDir() + QLatin1Char('/') + m_image.name;
    // Compile from the spec without a previous contract's additions.
    DomainSpec base = m_spec;
    base.network = {};
    base.sharedFolders.clear();
    base.systemDiskIoTune = {};
    base.cpuQuotaPercent = 0;
    m_plan = EnforcementPlan::compile(contract, context, base);
    m_spec = m_plan.spec();
}

bool ApplianceVm::loadContract(bool privilegedConnection, QString *error)
{
    const ContractParseResult result = ContractParser::parseFile(m_image.descriptor);
    auto system = std::find_if(result.systems.cbegin(), result.systems.cend(),
                               [this](const SystemContract &s) { return s.id == m_image.name; });
    if (system == result.systems.cend())
        system = result.systems.cbegin();
    if (!result.ok || system == result.systems.cend()) {
        if (error)
            *error = result.ok ? tr("%1 describes no virtual system.").arg(m_image.descriptor) : result.error;
        return false;
    }
    setContract(*system, privilegedConnection);
    return true;
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
    const QString instance = m_instanceDir;
    using Result = std::pair<int, bool>;
    m_connection->call<Result>(this, [name, instance](virConnectPtr connection) -> Result {
        DomainHandle handle(lookup(connection, name));
        int state = VIR_DOMAIN_SHUTOFF;
        int reason = 0;
        if (handle.domain && virDomainGetState(handle.domain, &state, &reason, 0) < 0)
            state = VIR_DOMAIN_SHUTOFF;
        return {state, ReadyState(instance).isComplete()};
    }, [this](const Result &result) {
        if (m_capturing)
            return;
        setHasReadyState(result.second);
        setState(stateFromLibvirt(result.first));
    });
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
    m_connection->call<LaunchJob::Result>(this, [job = launchJob()](virConnectPtr connection) {
        return job.launch(connection);
    }, [this](const LaunchJob::Result &result) {
        setHasReadyState(result.hasReadyState);
        if (result.error.isError()) {
            fail(result.error);
            return;
        }
        Q_EMIT launchedFromReadyState(result.fromReadyState);
        if (m_state == Preparing) // the Started event may already have set Running
            setState(Running);
        removeDiscardedOverlay();
    });
}

LaunchJob ApplianceVm::launchJob() const
{
    LaunchJob job;
    job.spec = m_spec;
    job.baseDisk = m_image.baseDisk;
    job.recipeHash = m_image.recipeHash;
    job.instanceDir = m_instanceDir;
    job.keepChanges = m_mode == KeepChanges;
    return job;
}

void ApplianceVm::removeDiscardedOverlay()
{
    // Queued after the swap was reported: freeing gigabytes must not delay it.
    m_connection->call<bool>(this, [job = launchJob()](virConnectPtr) {
        job.removeDiscardedOverlay();
        return true;
    }, [](const bool &) {});
}

bool ApplianceVm::captureReadyState()
{
    if (m_mode != FreshEveryLaunch || m_state != Running || m_hasReadyState || m_capturing)
        return false;
    m_capturing = true;
    setState(Starting);
    m_connection->call<LaunchJob::Result>(this, [job = launchJob()](virConnectPtr connection) {
        return job.captureAndRelaunch(connection);
    }, [this](const LaunchJob::Result &result) {
        m_capturing = false;
        setHasReadyState(result.hasReadyState);
        if (result.captureMs >= 0)
            Q_EMIT readyStateCaptured(result.captureMs);
        if (result.error.isError()) {
            fail(result.error);
            return;
        }
        if (!result.skipped)
            Q_EMIT launchedFromReadyState(result.fromReadyState);
        refresh();
        if (m_stopAfterCapture) {
            m_stopAfterCapture = false;
            setState(Running);
            stop();
        }
    });
    return true;
}

void ApplianceVm::stop()
{
    if (m_capturing) {
        m_stopAfterCapture = true;
        return;
    }
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
    if (m_capturing || (m_state != Off && m_state != Failed && m_state != Unknown)) {
        fail(VmError(VmError::NotStopped, tr("Stop the appliance before rolling it back.")));
        return;
    }
    setState(RollingBack);
    using Result = std::pair<VmError, qint64>;
    m_connection->call<Result>(this, [job = launchJob()](virConnectPtr connection) -> Result {
        QElapsedTimer timer;
        timer.start();
        VmError error = job.rollback(connection);
        return {error, timer.elapsed()};
    }, [this](const Result &result) {
        if (result.first.isError()) {
            fail(result.first);
            return;
        }
        setState(Off);
        Q_EMIT rolledBack(result.second);
        removeDiscardedOverlay();
    });
}

void ApplianceVm::recover(const QString &reason)
{
    if (m_capturing || m_state == Preparing || m_state == RollingBack) {
        fail(VmError(VmError::NotStopped, tr("The appliance is busy starting or rolling back. Wait until it has finished, then recover it.")));
        return;
    }
    setState(RollingBack); // the Stopped event of the power-off is not an Off
    RecoveryJob job;
    job.domainName = m_spec.name;
    job.appliance = m_image.name;
    job.instanceDir = m_instanceDir;
    job.systemDisk = m_spec.systemDisk;
    job.cleanImage = RecoveryJob::cleanImageFor(m_instanceDir, m_image.baseDisk, m_mode == KeepChanges);
    job.breachLogFile = TesseraPaths::logsDir() + QLatin1Char('/') + m_image.name + QStringLiteral("/breaches.jsonl");
    job.reason = reason;
    m_connection->call<RecoveryJob::Result>(this, [job](virConnectPtr connection) {
        return job.run(connection);
    }, [this](const RecoveryJob::Result &result) {
        if (result.error.isError()) {
            fail(result.error);
            return;
        }
        setState(Off);
        Q_EMIT recovered(result.quarantineId, result.milliseconds);
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
        // Saving the memory for a ready state stops the VM; it is launched again right after.
        if (m_state != RollingBack && !m_capturing)
            setState(Off);
        break;
    default:
        break;
    }
}
