#include "appliancesession.h"

#include "agentchannel.h"
#include "appliancemonitor.h"
#include "breachlistmodel.h"
#include "breachlog.h"
#include "contractmodel.h"
#include "spiceconnection.h"
#include "storehistory.h"
#include "storerecorder.h"
#include "tesserapaths.h"

ApplianceSession::ApplianceSession(ApplianceVm *vm, const ApplianceInfo &info, QObject *parent)
    : QObject(parent), m_vm(vm), m_display(new SpiceConnection(this)), m_info(info)
{
    vm->setParent(this);
    connect(vm, &ApplianceVm::stateChanged, this, &ApplianceSession::updateState);
    connect(vm, &ApplianceVm::failed, this, [this](const VmError &error) { Q_EMIT failed(error.message()); });
    connect(vm, &ApplianceVm::rolledBack, this, &ApplianceSession::rolledBack);
    connect(vm, &ApplianceVm::recovered, this, [this](const QString &id) { Q_EMIT recovered(id); });
    connect(vm, &ApplianceVm::modeChanged, this, &ApplianceSession::keepChangesChanged);
    connect(vm, &ApplianceVm::readyStateChanged, this, &ApplianceSession::readyStateChanged);
    connect(vm, &ApplianceVm::failed, this, [this] {
        m_capturing = false;
        updateState();
    });
    connect(m_display->agent(), &AgentChannel::sessionStateChanged, this, &ApplianceSession::updateState);
    connect(m_display, &SpiceConnection::connectedChanged, this, &ApplianceSession::updateState);
    m_bootTicker.setInterval(1000);
    connect(&m_bootTicker, &QTimer::timeout, this, &ApplianceSession::bootElapsedChanged);
}

QString ApplianceSession::stateText() const
{
    switch (m_state) {
    case Unknown: return tr("Checking…");
    case Off: return tr("Off");
    case Booting: return m_capturing ? tr("Preparing fast starts") : tr("Starting");
    case Running: return tr("Running");
    case Stopping: return tr("Stopping");
    case RollingBack: return tr("Rolling back");
    case Failed: return tr("Failed", "appliance state");
    }
    return {};
}

void ApplianceSession::showEnforcement(ContractModel *model) const
{
    if (model)
        model->setEnforcementOracle(std::make_shared<EnforcementPlan>(m_vm->enforcement()));
}

void ApplianceSession::launch()
{
    if (!m_info.launchable) {
        // The launcher offers no Launch button then; this guards other callers.
        Q_EMIT failed(tr("%1 cannot be launched: its contract was rejected.\n%2").arg(m_info.title, m_info.problem));
        return;
    }
    if (m_breachCount) {
        m_breachCount = 0;
        m_lastBreach.clear();
        Q_EMIT breachCountChanged();
    }
    m_bootTimer.start();
    m_bootTicker.start();
    Q_EMIT bootElapsedChanged();
    m_vm->start();
}

void ApplianceSession::stop()
{
    m_vm->stop();
}

void ApplianceSession::rollback()
{
    m_vm->rollback();
}

void ApplianceSession::recover()
{
    m_vm->recover(tr("Recovered from the shell"));
}

void ApplianceSession::updateState()
{
    const ApplianceVm::State vmState = m_vm->state();
    if (m_capturing && vmState != ApplianceVm::Running)
        m_capturing = false; // the memory image is saved; the VM is coming back from it
    // The display follows the VM: connect while QEMU runs, so the boot is visible too.
    if (vmState == ApplianceVm::Running && !m_capturing && !m_display->isConnected())
        m_display->connectToUnixSocket(m_vm->spec().spiceSocket);
    else if ((vmState == ApplianceVm::Off || vmState == ApplianceVm::Failed) && m_display->isConnected())
        m_display->disconnectFromGuest();

    State state = Unknown;
    switch (vmState) {
    case ApplianceVm::Unknown: state = Unknown; break;
    case ApplianceVm::Off: state = Off; break;
    case ApplianceVm::Preparing:
    case ApplianceVm::Starting: state = Booting; break;
    case ApplianceVm::Running:
        state = !m_capturing && m_display->agent()->sessionState() == QLatin1String("up") ? Running : Booting;
        break;
    case ApplianceVm::Stopping: state = Stopping; break;
    case ApplianceVm::RollingBack: state = RollingBack; break;
    case ApplianceVm::Failed: state = Failed; break;
    }
    if (state == m_state)
        return;
    m_state = state;
    // Watch the contract while the guest's session is up (and only then: a restore replaces it).
    if (state == Running)
        startMonitor();
    else
        stopMonitor();
    if (state != Booting && m_bootTimer.isValid()) {
        if (state == Running) {
            m_lastBootSeconds = m_bootTimer.elapsed() / 1000.0;
            Q_EMIT lastBootSecondsChanged();
            Q_EMIT launched(m_lastBootSeconds);
            QMetaObject::invokeMethod(this, &ApplianceSession::captureReadyStateIfUseful, Qt::QueuedConnection);
        }
        m_bootTimer.invalidate();
        m_bootTicker.stop();
    }
    Q_EMIT stateChanged();
}

void ApplianceSession::captureReadyStateIfUseful()
{
    // After the first cold boot of a fresh-every-launch appliance, keep its booted state so
    // that later launches take about a second. The guest agent must see SPICE go away before
    // the memory image is saved, or the restored agent would wait for a client that left.
    if (m_state != Running || m_vm->mode() != ApplianceVm::FreshEveryLaunch || m_vm->hasReadyState())
        return;
    m_capturing = true;
    m_display->disconnectFromGuest();
    if (!m_vm->captureReadyState())
        m_capturing = false;
    updateState();
}

void ApplianceSession::startMonitor()
{
    if (m_monitor)
        return;
    const EnforcementPlan &plan = m_vm->enforcement();
    m_monitor = new ApplianceMonitor(name(), plan.contract(), plan.context().storeRoot, this);
    m_monitor->watchCpu(m_vm->connection(), m_vm->spec().name);
    if (m_vm->spec().network.enabled)
        m_monitor->watchNetworkLog(plan.context().logDir + QStringLiteral("/network.jsonl"));
    connect(m_display, &SpiceConnection::inputSent, m_monitor, &ApplianceMonitor::noteInput);
    connect(m_monitor, &ApplianceMonitor::breach, this, &ApplianceSession::onBreach);
    m_monitor->start();
    if (StoreHistory *history = StoreHistory::instance()) {
        QStringList writable;
        for (const MountGrant &mount : plan.contract().mounts) {
            if (mount.access == MountGrant::Access::ReadWrite)
                writable.append(mount.store);
        }
        history->recorder()->setWritableFolders(name(), writable);
    }
}

void ApplianceSession::stopMonitor()
{
    if (!m_monitor)
        return;
    m_monitor->stop(); // raises what is still pending
    if (StoreHistory *history = StoreHistory::instance())
        history->recorder()->setWritableFolders(name(), {});
    m_monitor->deleteLater();
    m_monitor = nullptr;
}

void ApplianceSession::onBreach(const BreachEvent &event)
{
    QString error;
    if (!BreachLog(TesseraPaths::logsDir()).append(event, &error))
        Q_EMIT failed(error);
    BreachListModel::instance()->add(event);
    ++m_breachCount;
    m_lastBreach = event.describe();
    Q_EMIT breachCountChanged();
}
