#include "appliancesession.h"

#include "agentchannel.h"
#include "appliancemonitor.h"
#include "breachlistmodel.h"
#include "breachlog.h"
#include "breachratelimiter.h"
#include "connectionlist.h"
#include "connectionlistmodel.h"
#include "contractmodel.h"
#include "contractsummary.h"
#include "firstpaintwatcher.h"
#include "guestframebuffer.h"
#include "guestmountplan.h"
#include "inboundportmap.h"
#include "libvirtconnection.h"
#include "seamlesswindowmanager.h"
#include "shellenforcementoracle.h"
#include "spiceconnection.h"
#include "storehistory.h"
#include "storerecorder.h"
#include "tesserapaths.h"
#include "trustcolorstore.h"
#include "uilogging.h"
#include "windowtracker.h"

#include <QColor>
#include <QSettings>
#include <QUrl>

namespace {
// How long a first cold boot may take to draw its app before the ready state is saved
// anyway (TCG on a loaded host draws an xterm within a few seconds of the session).
constexpr int FirstPaintDeadlineMs = 60000;

QString seamlessKey(const QString &name)
{
    return QStringLiteral("appliances/%1/seamless").arg(name);
}

// A breach the shell itself sees (its windows), at this moment.
BreachEvent shellBreach(BreachEvent::Kind kind, const QString &appliance, const QString &subject)
{
    BreachEvent event;
    event.kind = kind;
    event.appliance = appliance;
    event.time = QDateTime::currentDateTimeUtc();
    event.windowStart = event.windowEnd = event.time;
    event.subject = subject;
    event.unit = QStringLiteral("windows");
    return event;
}
} // namespace

ApplianceSession::ApplianceSession(ApplianceVm *vm, const ApplianceInfo &info, QObject *parent)
    : QObject(parent), m_vm(vm), m_display(new SpiceConnection(this)), m_info(info), m_displayBreaches(new BreachRateLimiter(this))
{
    connect(m_displayBreaches, &BreachRateLimiter::raised, this, &ApplianceSession::onBreach);
    vm->setParent(this);
    connect(vm, &ApplianceVm::stateChanged, this, &ApplianceSession::updateState);
    connect(vm, &ApplianceVm::failed, this, [this](const VmError &error) { Q_EMIT failed(error.message()); });
    connect(vm, &ApplianceVm::rolledBack, this, &ApplianceSession::rolledBack);
    connect(vm, &ApplianceVm::rolledBack, this, [this] {
        setNotice(keepChanges() ? tr("Rolled back. The changes its system had are kept as a restore point.")
                                : tr("Rolled back: its system is in its clean state again."));
    });
    connect(vm, &ApplianceVm::recovered, this, [this](const QString &id) {
        setNotice(tr("Recovered: what its system changed is in quarantine %1. It stays off; its next launch starts clean.").arg(id));
        Q_EMIT recovered(id);
    });
    connect(vm, &ApplianceVm::modeChanged, this, &ApplianceSession::keepChangesChanged);
    connect(vm, &ApplianceVm::readyStateChanged, this, &ApplianceSession::readyStateChanged);
    connect(vm, &ApplianceVm::hostChanged, this, &ApplianceSession::hostChanged);
    connect(vm, &ApplianceVm::hostChanged, this, &ApplianceSession::watchHost);
    connect(vm, &ApplianceVm::inboundForwardsChanged, this, &ApplianceSession::inboundPortsChanged);
    connect(this, &ApplianceSession::stateChanged, this, &ApplianceSession::inboundPortsChanged);
    connect(vm, &ApplianceVm::failed, this, [this] {
        m_capturing = false;
        updateState();
    });
    connect(m_display->agent(), &AgentChannel::sessionStateChanged, this, &ApplianceSession::updateState);
    connect(m_display->agent(), &AgentChannel::execFinished, this,
            [this](quint32 requestId, int exitStatus) { mountFinished(requestId, exitStatus); });
    connect(m_display, &SpiceConnection::connectedChanged, this, &ApplianceSession::updateState);
    connect(m_display->framebuffer(), &GuestFramebuffer::sizeChanged, this, &ApplianceSession::updateState);
    m_seamlessWindows = new SeamlessWindowManager(this);
    m_seamlessWindows->setApplianceId(name());
    m_seamlessWindows->setApplianceTitle(windowTitle());
    connect(this, &ApplianceSession::hostChanged, this, [this] { m_seamlessWindows->setApplianceTitle(windowTitle()); });
    // The trust colour (TrustColors.colorFor() in QML) for the host-drawn seamless borders, kept current.
    m_seamlessWindows->setTrustColor(TrustColorStore::instance()->colorFor(name()));
    connect(TrustColorStore::instance(), &TrustColorStore::colorsChanged, this, [this](const QString &changed) {
        if (changed == name())
            m_seamlessWindows->setTrustColor(TrustColorStore::instance()->colorFor(name()));
    });
    m_seamlessWindows->setConnection(m_display);
    m_seamless = QSettings().value(seamlessKey(name()), false).toBool();
    connect(m_seamlessWindows, &SeamlessWindowManager::fullScreenRefused, this, &ApplianceSession::onFullScreenRefused);
    WindowTracker *windows = m_display->agent()->windows();
    connect(windows, &WindowTracker::windowAdded, this, &ApplianceSession::checkWindowLimit);
    connect(windows, &WindowTracker::windowChanged, this, &ApplianceSession::checkWindowLimit);
    connect(windows, &WindowTracker::windowRemoved, this, &ApplianceSession::checkWindowLimit);
    connect(m_seamlessWindows, &SeamlessWindowManager::abuseDetected, this, [this](const QString &reason) {
        m_windowAbuse = reason;
        Q_EMIT windowAbuseChanged();
    });
    m_bootTicker.setInterval(1000);
    connect(&m_bootTicker, &QTimer::timeout, this, &ApplianceSession::bootElapsedChanged);
}

ApplianceSession::~ApplianceSession()
{
    stopMonitor();
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
    case Paused: return tr("Paused", "appliance state");
    }
    return {};
}

QString ApplianceSession::host() const
{
    // Until moved, an appliance runs where the shell's own connection is.
    return m_vm->hostName().isEmpty() ? ConnectionListModel::localHostName() : m_vm->hostName();
}

QString ApplianceSession::hostTransport() const
{
    if (!m_vm->isRemote())
        return {};
    const QString uri = m_vm->connection()->uri();
    if (ConnectionList::isSsh(uri))
        return tr("over SSH");
    if (QUrl(uri).scheme().endsWith(QLatin1String("+tls"), Qt::CaseInsensitive))
        return tr("over TLS");
    return tr("on another computer");
}

QString ApplianceSession::withheldNote() const
{
    if (m_vm->enforcement().status(ContractElement::Mounts) != EnforcementStatus::Withheld)
        return {};
    return tr("Your personal folders stay on this computer: on %1 this appliance gets none of them.").arg(host());
}

void ApplianceSession::watchHost()
{
    if (m_watchedHost)
        disconnect(m_watchedHost, nullptr, this, nullptr);
    m_watchedHost = m_vm->isRemote() ? m_vm->connection() : nullptr;
    setHostError({});
    if (!m_watchedHost)
        return; // this computer's connection: the launcher shows the Hypervisor's own state
    // Whoever moved it opens that host (ApplianceListModel); its outcome arrives after this.
    connect(m_watchedHost, &LibvirtConnection::openFailed, this, [this](const VmError &error) {
        setHostError(ConnectionList::failureMessage(host(), m_vm->connection()->uri(), error.details()));
    });
    connect(m_watchedHost, &LibvirtConnection::opened, this, [this] { setHostError({}); });
}

void ApplianceSession::setHostError(const QString &error)
{
    if (error == m_hostError)
        return;
    m_hostError = error;
    Q_EMIT hostErrorChanged();
}

void ApplianceSession::setSeamless(bool seamless)
{
    if (m_seamless == seamless)
        return;
    m_seamless = seamless;
    QSettings().setValue(seamlessKey(name()), seamless);
    updateSeamless();
    Q_EMIT seamlessChanged();
}

void ApplianceSession::applyDisplayPolicy()
{
    const DisplayPolicy &display = m_vm->enforcement().contract().display;
    m_seamlessWindows->setMaxWindows(display.maxWindows.value_or(0));
    m_seamlessWindows->setClipboardAllowed(display.clipboard != DisplayPolicy::Clipboard::None);
    m_seamlessWindows->setFullScreenDenied(display.fullscreen == DisplayPolicy::Fullscreen::Deny);
}

void ApplianceSession::checkWindowLimit()
{
    const int limit = m_seamlessWindows->maxWindows();
    WindowTracker *windows = m_display->agent()->windows();
    QStringList open;
    for (quint32 id : windows->stack()) {
        const GuestWindow window = windows->window(id);
        if (window.mapped && !window.overrideRedirect) // menus and tooltips are not windows of their own
            open.append(window.label());
    }
    if (limit <= 0 || m_state != Running || open.size() <= limit) {
        m_overWindowLimit = false;
        return;
    }
    if (m_overWindowLimit)
        return;
    m_overWindowLimit = true;
    BreachEvent event = shellBreach(BreachEvent::Kind::WindowsOverLimit, name(), m_info.title);
    event.observed = open.size();
    event.bound = limit;
    for (const QString &title : std::as_const(open))
        event.addEvidence(title); // sanitised and bounded by WindowTracker
    m_displayBreaches->submit(event);
}

void ApplianceSession::onFullScreenRefused(quint32 guestId, const QString &guestTitle)
{
    // One breach per window and run (the manager asks again every second); the limiter folds
    // the breaches of many windows into one summary.
    constexpr int MaxRememberedWindows = 4096;
    if (m_fullScreenBreached.contains(guestId))
        return;
    if (m_fullScreenBreached.size() < MaxRememberedWindows)
        m_fullScreenBreached.insert(guestId);
    BreachEvent event = shellBreach(BreachEvent::Kind::FullScreenRefused, name(), guestTitle); // sanitised and bounded by WindowTracker
    event.observed = 1;
    event.addEvidence(guestTitle);
    m_displayBreaches->submit(event);
}

void ApplianceSession::updateSeamless()
{
    m_seamlessWindows->setEnabled(m_seamless && m_state == Running);
}

void ApplianceSession::showEnforcement(ContractModel *model) const
{
    if (model)
        model->setEnforcementOracle(std::make_shared<ShellEnforcementOracle>(m_vm->enforcement(), m_seamless));
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
    if (!m_windowAbuse.isEmpty()) {
        m_windowAbuse.clear();
        Q_EMIT windowAbuseChanged();
    }
    m_fullScreenBreached.clear(); // window ids are the guest's, per run
    m_bootTimer.start();
    m_bootTicker.start();
    Q_EMIT bootElapsedChanged();
    m_vm->start();
}

void ApplianceSession::setNotice(const QString &notice)
{
    if (notice == m_notice)
        return;
    m_notice = notice;
    Q_EMIT noticeChanged();
}

void ApplianceSession::stop()
{
    // A paused guest cannot answer the power button.
    if (m_vm->state() == ApplianceVm::Paused)
        m_vm->powerOff();
    else
        m_vm->stop();
}

void ApplianceSession::pause()
{
    m_vm->pause();
}

void ApplianceSession::resume()
{
    m_vm->resume();
}

void ApplianceSession::rollback()
{
    m_vm->rollback();
}

void ApplianceSession::recover()
{
    m_vm->recover(tr("Recovered from the shell"));
}

bool ApplianceSession::guestIsUp(bool imported, const QString &agentSessionState, const QSize &displaySize)
{
    if (agentSessionState == QLatin1String("up"))
        return true;
    // An imported appliance may bring no Tessera agent to say so: it is up once its display
    // shows a picture (there is nothing to mount or track in it without the agent anyway).
    return imported && !displaySize.isEmpty();
}

void ApplianceSession::updateState()
{
    const ApplianceVm::State vmState = m_vm->state();
    if (m_capturing && vmState != ApplianceVm::Running)
        m_capturing = false; // the memory image is saved; the VM is coming back from it
    if (vmState != ApplianceVm::Running) {
        m_mountsDone = false; // a restored or rebooted guest has nothing mounted
        m_pendingMounts.clear();
    }
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
        state = !m_capturing && guestIsUp(imported(), m_display->agent()->sessionState(), m_display->framebuffer()->size()) ? Running
                                                                                                                         : Booting;
        break;
    case ApplianceVm::Stopping: state = Stopping; break;
    case ApplianceVm::RollingBack: state = RollingBack; break;
    case ApplianceVm::Failed: state = Failed; break;
    case ApplianceVm::Paused: state = Paused; break;
    }
    if (state == m_state)
        return;
    m_state = state;
    if (state == Off || state == Failed || state == Unknown)
        m_runStarted = {};
    else if (!m_runStarted.isValid() && state != RollingBack)
        m_runStarted = QDateTime::currentDateTimeUtc();
    if (state == Booting)
        setNotice({}); // a new run: what the last roll back or recovery did is history
    if (state == Running) {
        applyDisplayPolicy();
        checkWindowLimit(); // windows the guest opened while it was starting
    }
    // Watch the contract while the guest's session is up (and only then: a restore replaces it).
    updateSeamless();
    if (state == Running) {
        startMonitor();
    } else {
        stopMonitor();
    }
    if (state != Booting && m_bootTimer.isValid()) {
        if (state == Running) {
            m_lastBootSeconds = m_bootTimer.elapsed() / 1000.0;
            Q_EMIT lastBootSecondsChanged();
            Q_EMIT launched(m_lastBootSeconds);
            m_captureQueued = true;
            QMetaObject::invokeMethod(this, &ApplianceSession::captureReadyStateIfUseful, Qt::QueuedConnection);
        }
        m_bootTimer.invalidate();
        m_bootTicker.stop();
    }
    if (state == Running)
        QMetaObject::invokeMethod(this, &ApplianceSession::mountSharedFoldersIfDue, Qt::QueuedConnection);
    Q_EMIT stateChanged();
}

void ApplianceSession::mountSharedFoldersIfDue()
{
    // After any ready-state capture (a memory image cannot be saved with a 9p export mounted,
    // and the ready state must hold a guest with nothing mounted) and after every restore.
    if (m_state != Running || m_mountsDone || m_captureQueued || m_capturing)
        return;
    const QList<QStringList> commands = GuestMountPlan::commandsFor(m_vm->spec().sharedFolders);
    if (commands.isEmpty())
        return;
    m_mountsDone = true;
    for (const QStringList &command : commands) {
        const quint32 id = m_display->agent()->exec(command);
        if (id == 0) { // the port closed meanwhile: the next session-up tries again
            m_mountsDone = false;
            m_pendingMounts.clear();
            return;
        }
        m_pendingMounts.insert(id, command.value(5));
    }
}

void ApplianceSession::mountFinished(quint32 requestId, int exitStatus)
{
    const auto pending = m_pendingMounts.constFind(requestId);
    if (pending == m_pendingMounts.cend())
        return;
    const QString target = *pending;
    m_pendingMounts.erase(pending);
    // What the guest answers is untrusted and only says whether the folder is where the app
    // expects it: what the guest can reach was fixed by QEMU's export, not by this mount.
    if (exitStatus != 0)
        Q_EMIT failed(tr("The personal folder for %1 could not be made available inside %2, so the app does not see its files. "
                         "Stop the appliance and launch it again; if it keeps failing, roll it back.").arg(target, m_info.title));
}

QString ApplianceSession::headline() const
{
    const EnforcementPlan &plan = m_vm->enforcement();
    if (plan.status(ContractElement::Mounts) != EnforcementStatus::Withheld)
        return m_info.headline;
    SystemContract held = plan.contract();
    held.mounts.clear();
    return ContractSummary(held).headline();
}

QString ApplianceSession::inboundPorts() const
{
    const bool up = m_state == Booting || m_state == Running || m_state == Paused || m_state == Stopping;
    return up ? InboundPortMap::describe(m_vm->inboundForwards()).join(QLatin1Char('\n')) : QString();
}

QString ApplianceSession::windowTitle() const
{
    return m_vm->isRemote() ? tr("%1 · on %2").arg(m_info.title, host()) : m_info.title;
}

void ApplianceSession::captureReadyStateIfUseful()
{
    // After the first cold boot of a fresh-every-launch appliance, keep its booted state so
    // that later launches take about a second. The agent is saved believing this display is
    // still there; restored, it greets the next host on that host's Hello (docs/agent-protocol.md).
    // Without an agent, nothing tells that the app has drawn, nor greets again after a
    // restore: imported appliances boot cold each time unless their agent speaks.
    const bool agentUp = m_display->agent()->sessionState() == QLatin1String("up");
    // On another host there are no ready states (ApplianceVm::captureReadyState refuses): the
    // display is not dropped for nothing.
    if (m_state != Running || m_vm->isRemote() || m_vm->mode() != ApplianceVm::FreshEveryLaunch || m_vm->hasReadyState() || !agentUp) {
        m_captureQueued = false;
        mountSharedFoldersIfDue();
        return;
    }
    // Save only once the app has drawn its window: a restore then shows the app at once.
    if (!m_appPainted) {
        if (!m_firstPaint) {
            m_firstPaint = new FirstPaintWatcher(m_display->agent()->windows(), m_display->framebuffer(), this);
            connect(m_firstPaint, &FirstPaintWatcher::done, this, [this](bool appShown) {
                if (!appShown)
                    qCInfo(lcUi) << name() << "shows no drawn window yet; saving its ready state anyway";
                m_firstPaint->deleteLater();
                m_firstPaint = nullptr;
                m_appPainted = true;
                captureReadyStateIfUseful();
            });
            m_firstPaint->start(FirstPaintDeadlineMs);
        }
        return; // the watcher calls again
    }
    m_appPainted = false;
    m_captureQueued = false;
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
    SystemContract watched = plan.contract();
    // Withheld on another host: nothing of the store is exported there, so nothing to watch.
    if (plan.status(ContractElement::Mounts) == EnforcementStatus::Withheld)
        watched.mounts.clear();
    m_monitor = new ApplianceMonitor(name(), watched, plan.context().storeRoot, this);
    m_monitor->watchCpu(m_vm->connection(), m_vm->spec().name);
    if (m_vm->spec().network.enabled)
        m_monitor->watchNetworkLog(plan.context().logDir + QStringLiteral("/network.jsonl"));
    connect(m_display, &SpiceConnection::inputSent, m_monitor, &ApplianceMonitor::noteInput);
    connect(m_monitor, &ApplianceMonitor::breach, this, &ApplianceSession::onBreach);
    m_monitor->start();
    if (StoreHistory *history = StoreHistory::instance()) {
        QStringList writable;
        for (const MountGrant &mount : std::as_const(watched.mounts)) {
            if (mount.access == MountGrant::Access::ReadWrite)
                writable.append(mount.store);
        }
        history->recorder()->setWritableFolders(name(), writable);
    }
}

void ApplianceSession::stopMonitor()
{
    m_displayBreaches->flush(); // summaries held back go to the log now
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
