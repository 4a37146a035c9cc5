#include "appliancevm.h"

#include "connectionlist.h"
#include "connectionsettings.h"
#include "contractparser.h"
#include "domainhandle.h"
#include "inboundportmap.h"
#include "launchjob.h"
#include "launchmodefile.h"
#include "readystate.h"
#include "restorepointstore.h"
#include "recoveryjob.h"
#include "remotelaunchjob.h"
#include "tesserapaths.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QUrl>

#include <memory>
#include <optional>

#include <libvirt/libvirt.h>

#include <unistd.h>

namespace {

/// The domain, or null with libvirt's error recorded. The caller frees it.
virDomainPtr lookup(virConnectPtr connection, const QString &name)
{
    return connection ? virDomainLookupByName(connection, name.toUtf8().constData()) : nullptr;
}

ApplianceVm::State stateFromLibvirt(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
    case VIR_DOMAIN_BLOCKED:
    case VIR_DOMAIN_PMSUSPENDED:
        return ApplianceVm::Running;
    case VIR_DOMAIN_PAUSED:
        return ApplianceVm::Paused;
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
    // Made on another host's connection (tessera-ctl --host): it runs there, never through the
    // local launch, whose files that host cannot see.
    if (ConnectionList::isRemote(connection->uri())) {
        m_remote = true;
        m_hostName = QUrl(connection->uri()).host();
    }
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

bool ApplianceVm::setHost(LibvirtConnection *connection, const QString &hostName, bool remote)
{
    if (!connection || m_capturing || (m_state != Off && m_state != Failed && m_state != Unknown))
        return false;
    if (connection != m_connection) {
        disconnect(m_connection, &LibvirtConnection::domainEvent, this, &ApplianceVm::onDomainEvent);
        m_connection = connection;
        connect(connection, &LibvirtConnection::domainEvent, this, &ApplianceVm::onDomainEvent);
    }
    m_hostName = hostName;
    m_remote = remote;
    setContract(m_plan.contract(), m_privileged);
    qCInfo(lcVmBackend) << m_spec.name << "runs on" << hostName << (remote ? "(another host)" : "");
    Q_EMIT hostChanged();
    refresh();
    return true;
}

void ApplianceVm::setContract(const SystemContract &contract, bool privilegedConnection)
{
    // The caller knows this computer's connection; another host's is judged by its own URI.
    m_privileged = privilegedConnection;
    if (m_remote)
        privilegedConnection = ConnectionSettings::isPrivileged(m_connection->uri());
    EnforcementContext context;
    context.privileged = privilegedConnection;
    context.remote = m_remote;
    context.cgroupTunes = privilegedConnection || (!m_remote && ConnectionSettings::isEmbedded(m_connection->uri()) && geteuid() == 0);
    context.applianceName = m_image.name;
    context.storeRoot = TesseraPaths::personalStoreDir();
    context.runtimeDir = TesseraPaths::runtimeDir();
    context.logDir = TesseraPaths::logsDir() + QLatin1Char('/') + m_image.name;
    context.instanceDir = m_instanceDir;
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
    if (state == Off || state == Failed)
        m_stopWhenUp = false;
    if (state == Running && m_stopWhenUp && !m_capturing) {
        m_stopWhenUp = false;
        QMetaObject::invokeMethod(this, &ApplianceVm::stop, Qt::QueuedConnection);
    }
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
    std::optional<RemoteLaunchJob> remote = m_remote ? std::optional(remoteLaunchJob()) : std::nullopt;
    m_connection->call<Result>(this, [name, instance, remote](virConnectPtr connection) -> Result {
        DomainHandle handle(lookup(connection, name));
        int state = VIR_DOMAIN_SHUTOFF;
        int reason = 0;
        if (handle.domain && virDomainGetState(handle.domain, &state, &reason, 0) < 0)
            state = VIR_DOMAIN_SHUTOFF;
        // Running there while its ssh master is gone (the shell or ssh was killed): forward the display again.
        if (remote && (state == VIR_DOMAIN_RUNNING || state == VIR_DOMAIN_PAUSED || state == VIR_DOMAIN_BLOCKED))
            remote->reattach(connection);
        return {state, ReadyState(instance).isComplete()};
    }, [this](const Result &result) {
        if (m_capturing)
            return;
        setHasReadyState(result.second);
        // A launch or roll back under way ends with its own result; an answer read before it
        // started ("shut off") must not end it early.
        if (m_state == Preparing || m_state == RollingBack)
            return;
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
    if (m_remote) {
        startRemote();
        return;
    }
    auto inbound = std::make_shared<QList<HostForward>>();
    m_connection->call<LaunchJob::Result>(this, [job = launchJob(), inbound](virConnectPtr connection) mutable {
        // The inbound forwards' host ports are checked (or chosen) now, just before QEMU binds them.
        const VmError ports = InboundPortMap::assign(job.instanceDir, &job.spec.network.inbound);
        *inbound = job.spec.network.inbound;
        return ports.isError() ? LaunchJob::Result{ports} : job.launch(connection);
    }, [this, inbound](const LaunchJob::Result &result) {
        setInboundForwards(*inbound);
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

void ApplianceVm::startRemote()
{
    m_remoteLaunching = true;
    auto inbound = std::make_shared<QList<HostForward>>();
    m_connection->call<RemoteLaunchJob::Result>(this, [job = remoteLaunchJob(), inbound, instance = m_instanceDir](virConnectPtr connection) mutable {
        // Forwarded from this computer's loopback (by ssh), so chosen here as for a local launch.
        const VmError ports = InboundPortMap::assign(instance, &job.spec.network.inbound);
        *inbound = job.spec.network.inbound;
        if (ports.isError()) {
            RemoteLaunchJob::Result refused;
            refused.error = ports;
            return refused;
        }
        return job.launch(connection);
    }, [this, inbound](const RemoteLaunchJob::Result &result) {
        setInboundForwards(*inbound);
        m_remoteLaunching = false;
        if (result.error.isError()) {
            fail(result.error);
            return;
        }
        Q_EMIT launchedFromReadyState(false);
        // Running only now: the display's forward exists once the launch returns.
        setState(Running);
    });
}

RemoteLaunchJob ApplianceVm::remoteLaunchJob() const
{
    RemoteLaunchJob job;
    job.spec = m_spec;
    job.appliance = m_image.name;
    job.baseDisk = m_image.baseDisk;
    job.uri = m_connection->uri();
    job.controlPath = TesseraPaths::runtimeDir() + QLatin1Char('/') + m_image.name + QStringLiteral(".ssh");
    job.keepChanges = m_mode == KeepChanges;
    return job;
}

void ApplianceVm::setInboundForwards(const QList<HostForward> &forwards)
{
    const auto same = [](const HostForward &a, const HostForward &b) { return a.hostPort == b.hostPort && a.guestPort == b.guestPort; };
    if (std::equal(forwards.cbegin(), forwards.cend(), m_spec.network.inbound.cbegin(), m_spec.network.inbound.cend(), same))
        return;
    m_spec.network.inbound = forwards;
    Q_EMIT inboundForwardsChanged();
}

LaunchJob ApplianceVm::launchJob() const
{
    LaunchJob job;
    job.spec = m_spec;
    job.baseDisk = m_image.baseDisk;
    job.recipeHash = m_image.recipeHash;
    job.instanceDir = m_instanceDir;
    job.keepChanges = m_mode == KeepChanges;
    job.storeRoot = m_plan.context().storeRoot;
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
    // On another host a fresh launch cold boots on a new overlay (no memory images there).
    if (m_remote || m_mode != FreshEveryLaunch || m_state != Running || m_hasReadyState || m_capturing)
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
        if (m_stopWhenUp) {
            m_stopWhenUp = false;
            setState(Running);
            stop();
        }
    });
    return true;
}

void ApplianceVm::stop()
{
    // Preparing (overlay, gateway) or saving the ready state cannot be cut short: it stops as
    // soon as it runs, rather than not at all.
    if (m_capturing || m_state == Preparing) {
        m_stopWhenUp = true;
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

void ApplianceVm::changeDomain(std::function<VmError(virConnectPtr)> job)
{
    m_connection->call<VmError>(this, std::move(job), [this](const VmError &error) {
        if (error.isError())
            fail(error);
        else
            refresh();
    });
}

void ApplianceVm::powerOff()
{
    const QString name = m_spec.name;
    changeDomain([name](virConnectPtr connection) -> VmError {
        DomainHandle handle(lookup(connection, name));
        if (!handle.domain)
            return {};
        if (virDomainIsActive(handle.domain) == 1 && virDomainDestroy(handle.domain) < 0)
            return VmError::fromLibvirt(VmError::StopFailed, QCoreApplication::translate("ApplianceVm", "The appliance could not be switched off. Try again; if it keeps running, restart Tessera."));
        return {};
    });
}

void ApplianceVm::pause()
{
    const QString name = m_spec.name;
    changeDomain([name](virConnectPtr connection) -> VmError {
        DomainHandle handle(lookup(connection, name));
        if (!handle.domain || virDomainSuspend(handle.domain) < 0)
            return VmError::fromLibvirt(VmError::StopFailed, QCoreApplication::translate("ApplianceVm", "The appliance could not be paused. Stop it instead."));
        return {};
    });
}

void ApplianceVm::resume()
{
    const QString name = m_spec.name;
    changeDomain([name](virConnectPtr connection) -> VmError {
        DomainHandle handle(lookup(connection, name));
        if (!handle.domain || virDomainResume(handle.domain) < 0)
            return VmError::fromLibvirt(VmError::StartFailed, QCoreApplication::translate("ApplianceVm", "The appliance could not be resumed. Stop it and launch it again."));
        return {};
    });
}

void ApplianceVm::rollback()
{
    if (m_mode == KeepChanges && !m_remote) { // keeps unsaved changes as a point first, like any roll back
        rollbackTo({});
        return;
    }
    if (m_capturing || (m_state != Off && m_state != Failed && m_state != Unknown)) {
        fail(VmError(VmError::NotStopped, tr("Stop the appliance before rolling it back.")));
        return;
    }
    setState(RollingBack);
    using Result = std::pair<VmError, qint64>;
    // On another host the overlay volume there goes; here, a new empty overlay.
    std::optional<RemoteLaunchJob> remote = m_remote ? std::optional(remoteLaunchJob()) : std::nullopt;
    m_connection->call<Result>(this, [job = launchJob(), remote](virConnectPtr connection) -> Result {
        QElapsedTimer timer;
        timer.start();
        VmError error = remote ? remote->rollback(connection) : job.rollback(connection);
        return {error, timer.elapsed()};
    }, [this](const Result &result) {
        if (result.first.isError()) {
            fail(result.first);
            return;
        }
        setState(Off);
        Q_EMIT rolledBack(result.second);
        if (!m_remote)
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
    m_connection->call<RecoveryJob::Result>(this, [job, remote = m_remote ? std::optional(remoteLaunchJob()) : std::nullopt](virConnectPtr connection) {
        return remote ? remote->recover(connection, job) : job.run(connection);
    }, [this](const RecoveryJob::Result &result) {
        if (result.error.isError()) {
            fail(result.error);
            return;
        }
        setState(Off);
        Q_EMIT recovered(result.quarantineId, result.milliseconds);
    });
}

void ApplianceVm::onDomainEvent(const QString &domainName, LibvirtConnection::DomainEvent event, int detail)
{
    if (domainName != m_spec.name)
        return;
    switch (event) {
    case LibvirtConnection::Started:
    case LibvirtConnection::Resumed:
        // On another host the launch goes on after QEMU started (the display's forward).
        if (!m_remoteLaunching)
            setState(Running);
        break;
    case LibvirtConnection::Suspended:
        // Saving the memory for a ready state pauses the VM first: that is not a pause.
        if (!m_capturing)
            setState(Paused);
        break;
    case LibvirtConnection::Stopped:
    case LibvirtConnection::Crashed:
        // Saving the memory for a ready state stops the VM; it is launched again right after.
        // Queued before the state goes Off, so that whatever the Off state triggers runs after it.
        if (event == LibvirtConnection::Stopped && detail == VIR_DOMAIN_EVENT_STOPPED_SHUTDOWN && m_mode == KeepChanges && !m_capturing
            && m_state != RollingBack && !m_remote)
            takePointAfterCleanShutdown();
        if (m_remote)
            closeTunnel();
        if (m_state != RollingBack && !m_capturing)
            setState(Off);
        break;
    default:
        break;
    }
}

namespace {

struct PointsSnapshot
{
    VmError error;
    QList<RestorePoint> points;
    QString current;
    int retention = RestorePointStore::DefaultRetention;
    RestorePoint taken;
};

PointsSnapshot snapshotOf(const RestorePointStore &store)
{
    PointsSnapshot snapshot;
    snapshot.points = store.list();
    store.liveParent(&snapshot.current);
    snapshot.retention = store.retention();
    return snapshot;
}

} // namespace

void ApplianceVm::runPointsJob(bool needsOff, std::function<VmError(const RestorePointStore &)> operation,
                               std::function<void(const VmError &)> done)
{
    const QString instance = m_instanceDir;
    const QString base = m_image.baseDisk;
    const QString name = m_spec.name;
    m_connection->call<PointsSnapshot>(this, [instance, base, name, needsOff, operation](virConnectPtr connection) {
        const RestorePointStore store(instance, base);
        // Check with libvirt, not the cached state: the VM may have been started elsewhere (virsh),
        // and the chain must not change under a running QEMU.
        DomainHandle domain(needsOff ? lookup(connection, name) : nullptr);
        if (domain.domain && virDomainIsActive(domain.domain) == 1) {
            PointsSnapshot snapshot = snapshotOf(store);
            snapshot.error = VmError(VmError::NotStopped, QCoreApplication::translate("ApplianceVm", "Stop the appliance first; its restore points can change only while it is off."));
            return snapshot;
        }
        if (needsOff)
            store.recover();
        const VmError error = operation ? operation(store) : VmError();
        PointsSnapshot snapshot = snapshotOf(store);
        snapshot.error = error;
        return snapshot;
    }, [this, done](const PointsSnapshot &snapshot) {
        m_points = snapshot.points;
        m_currentPoint = snapshot.current;
        m_retention = snapshot.retention;
        Q_EMIT restorePointsChanged();
        if (done)
            done(snapshot.error);
    });
}

void ApplianceVm::refreshRestorePoints()
{
    runPointsJob(false, {}, {});
}

bool ApplianceVm::pointsNeedOff(const QString &message)
{
    if (!m_capturing && (m_state == Off || m_state == Failed || m_state == Unknown))
        return false;
    m_lastError = VmError(VmError::NotStopped, message);
    qCWarning(lcVmBackend) << m_spec.name << message;
    Q_EMIT failed(m_lastError);
    return true;
}

void ApplianceVm::takeRestorePoint(const QString &name)
{
    if (refusedOnRemoteHost())
        return;
    if (m_mode != KeepChanges) {
        m_lastError = VmError(VmError::DiskFailed, tr("Restore points are kept only when the appliance keeps its changes. Switch it to “keep changes” first."));
        Q_EMIT failed(m_lastError);
        return;
    }
    // A disk-only external snapshot of the running VM would move its disk away from the
    // system overlay libvirt's definition names; not done yet, so it is refused plainly.
    if (pointsNeedOff(tr("Stop the appliance to take a restore point; it cannot be taken while the appliance runs.")))
        return;
    auto taken = std::make_shared<RestorePoint>();
    const QString appliance = m_image.name;
    runPointsJob(true, [name, appliance, taken](const RestorePointStore &store) {
        const bool breachFree = RestorePointStore::breachFreeSince(TesseraPaths::logsDir(), appliance, store.liveSince());
        return store.take(RestorePoint::onDemand(), name, breachFree, taken.get());
    }, [this, taken](const VmError &error) {
        if (error.isError()) {
            m_lastError = error;
            Q_EMIT failed(error);
            return;
        }
        Q_EMIT restorePointTaken(*taken);
    });
}

void ApplianceVm::takePointAfterCleanShutdown()
{
    auto taken = std::make_shared<RestorePoint>();
    auto skipped = std::make_shared<QString>();
    const QString appliance = m_image.name;
    runPointsJob(true, [appliance, taken, skipped](const RestorePointStore &store) -> VmError {
        QString parent;
        if (!store.liveParent(&parent) || !store.liveHasChanges()) {
            *skipped = QCoreApplication::translate("ApplianceVm", "No restore point was taken: nothing changed since the last one.");
            return {};
        }
        if (!RestorePointStore::breachFreeSince(TesseraPaths::logsDir(), appliance, store.liveSince())) {
            *skipped = QCoreApplication::translate("ApplianceVm", "No restore point was taken: a contract breach was recorded while these changes were made. Check the breaches; take a point by hand if you trust this state.");
            return {};
        }
        return store.take(RestorePoint::cleanShutdown(), {}, true, taken.get());
    }, [this, taken, skipped](const VmError &error) {
        if (error.isError()) {
            qCWarning(lcVmBackend) << m_spec.name << "no restore point at shutdown:" << error.toString();
            Q_EMIT restorePointSkipped(error.message());
        } else if (!skipped->isEmpty()) {
            qCInfo(lcVmBackend) << m_spec.name << "no restore point at shutdown:" << *skipped;
            Q_EMIT restorePointSkipped(*skipped);
        } else {
            Q_EMIT restorePointTaken(*taken);
        }
    });
}

void ApplianceVm::rollbackTo(const QString &pointId)
{
    if (m_remote && pointId.isEmpty()) {
        rollback();
        return;
    }
    if (refusedOnRemoteHost())
        return;
    if (m_mode != KeepChanges && pointId.isEmpty()) {
        rollback();
        return;
    }
    if (m_mode != KeepChanges) {
        m_lastError = VmError(VmError::DiskFailed, tr("Restore points are used only when the appliance keeps its changes. Switch it to “keep changes” first."));
        Q_EMIT failed(m_lastError);
        return;
    }
    if (pointsNeedOff(tr("Stop the appliance before rolling it back.")))
        return;
    const State before = m_state;
    setState(RollingBack);
    auto kept = std::make_shared<QString>();
    const QString appliance = m_image.name;
    auto milliseconds = std::make_shared<qint64>(0);
    runPointsJob(true, [pointId, appliance, kept, milliseconds](const RestorePointStore &store) -> VmError {
        const bool breachFree = RestorePointStore::breachFreeSince(TesseraPaths::logsDir(), appliance, store.liveSince());
        const int pointsBefore = int(store.list().size());
        QElapsedTimer timer;
        timer.start();
        VmError error = store.rollbackTo(pointId, breachFree);
        *milliseconds = timer.elapsed();
        if (!error.isError() && store.list().size() > pointsBefore)
            *kept = store.list().constLast().id;
        return error;
    }, [this, before, kept, milliseconds](const VmError &error) {
        if (error.isError()) {
            fail(error);
            return;
        }
        setState(before == Failed || before == Unknown ? Off : before);
        for (const RestorePoint &point : std::as_const(m_points)) {
            if (point.id == *kept)
                Q_EMIT restorePointTaken(point);
        }
        Q_EMIT rolledBack(*milliseconds);
        removeDiscardedOverlay();
    });
}

bool ApplianceVm::refusedOnRemoteHost()
{
    if (!m_remote)
        return false;
    m_lastError = VmError(VmError::DiskFailed, tr("Restore points are kept only for appliances on this computer; %1 runs on %2. "
                                                  "Move it back to This computer to use them, or roll it back to its clean state.").arg(m_image.name, m_hostName));
    Q_EMIT failed(m_lastError);
    return true;
}

void ApplianceVm::closeTunnel()
{
    m_connection->call<bool>(this, [job = remoteLaunchJob()](virConnectPtr) {
        job.closeTunnel();
        return true;
    }, [](const bool &) {});
}

void ApplianceVm::pinRestorePoint(const QString &pointId, bool pinned)
{
    runPointsJob(false, [pointId, pinned](const RestorePointStore &store) { return store.setPinned(pointId, pinned); },
                 [this](const VmError &error) {
                     if (error.isError()) {
                         m_lastError = error;
                         Q_EMIT failed(error);
                     }
                 });
}

void ApplianceVm::renameRestorePoint(const QString &pointId, const QString &name)
{
    runPointsJob(false, [pointId, name](const RestorePointStore &store) { return store.rename(pointId, name); },
                 [this](const VmError &error) {
                     if (error.isError()) {
                         m_lastError = error;
                         Q_EMIT failed(error);
                     }
                 });
}

void ApplianceVm::setRestorePointRetention(int keep)
{
    // Merging needs the VM off; while it runs, the retention applies at the next point taken.
    const bool off = !m_capturing && (m_state == Off || m_state == Unknown || m_state == Failed);
    runPointsJob(off, [keep, off](const RestorePointStore &store) {
        VmError error = store.setRetention(keep);
        if (!error.isError() && off)
            error = store.applyRetention(store.retention());
        return error;
    }, [this](const VmError &error) {
        if (error.isError()) {
            m_lastError = error;
            Q_EMIT failed(error);
        }
    });
}
