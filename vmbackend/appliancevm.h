#pragma once

#include "applianceimage.h"
#include "domainspec.h"
#include "enforcementplan.h"
#include "launchjob.h"
#include "remotelaunchjob.h"
#include "libvirtconnection.h"
#include "restorepoint.h"
#include "vmerror.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

class RestorePointStore;

/// One appliance's virtual machine: a persistent libvirt domain booted on a qcow2 overlay
/// over the appliance's read-only base image. Folds libvirt's lifecycle events and its own
/// operations into one state the UI binds to. Every libvirt call and disk operation runs on
/// the connection's worker thread.
///
/// In FreshEveryLaunch mode (the default) each start() begins from the clean state: after the
/// first cold boot the shell calls captureReadyState() once the guest's session is up, and
/// later launches restore that ready state on a new empty overlay in about a second.
/// See docs/recovery.md.
class ApplianceVm : public QObject
{
    Q_OBJECT
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(Mode mode READ mode WRITE setMode NOTIFY modeChanged)
    Q_PROPERTY(bool hasReadyState READ hasReadyState NOTIFY readyStateChanged)
public:
    enum State {
        Unknown,      ///< not yet asked libvirt
        Off,
        Preparing,    ///< making the system disk and domain definition
        Starting,     ///< libvirt is starting QEMU
        Running,
        Stopping,     ///< shutdown requested, waiting for the guest to power off
        RollingBack,  ///< replacing the system overlay
        Failed,       ///< the last operation failed; see lastError()
        Paused,       ///< suspended: QEMU keeps the guest's memory, its vCPUs do not run
    };
    Q_ENUM(State)

    /// What happens to the system disk between launches.
    enum Mode {
        FreshEveryLaunch, ///< every launch starts from the clean state (from the ready state when there is one)
        KeepChanges,      ///< the system disk persists across launches until rolled back
    };
    Q_ENUM(Mode)

    ApplianceVm(LibvirtConnection *connection, const ApplianceImage &image, Accelerator::Kind accelerator,
                QObject *parent = nullptr);

    State state() const { return m_state; }
    VmError lastError() const { return m_lastError; }
    ApplianceImage image() const { return m_image; }
    DomainSpec spec() const { return m_spec; }
    /// Where the contract's inbound ports are reached: a port on this computer's 127.0.0.1 for
    /// each guest port (InboundPortMap). The host ports are chosen at launch (0 before the
    /// first); inboundForwardsChanged() follows when a launch chose others.
    QList<HostForward> inboundForwards() const { return m_spec.network.inbound; }
    LibvirtConnection *connection() const { return m_connection; }
    /// Moves the appliance to @p connection: this computer's own, or another host's (@p remote,
    /// a qemu+ssh connection; see docs/connections.md) named @p hostName. Only while it is off
    /// (returns false otherwise, changing nothing). Recompiles the contract for that host: on
    /// another host the personal store's folders are withheld. hostChanged() follows.
    bool setHost(LibvirtConnection *connection, const QString &hostName, bool remote);
    /// Runs on another host than this computer: set by setHost(), or at construction when the
    /// connection is a remote one (ConnectionList::isRemote(), e.g. tessera-ctl --host).
    bool isRemote() const { return m_remote; }
    /// The connection's name (e.g. "This computer", "lab"), as given to setHost(); empty until then.
    QString hostName() const { return m_hostName; }
    /// Compiles @p contract into what enforces it on this connection (network, mounts, limits;
    /// see EnforcementPlan), on top of the sizing so far. Applies from the next start().
    /// @p privilegedConnection is about this computer's connection; on another host, its URI decides.
    void setContract(const SystemContract &contract, bool privilegedConnection);
    /// setContract() with the contract in the appliance's own descriptor. Returns false, with the
    /// parser's message in @p error, when the descriptor is rejected (then nothing changes).
    bool loadContract(bool privilegedConnection, QString *error = nullptr);
    /// How far the contract set last is held here; every element "not enforced" before.
    const EnforcementPlan &enforcement() const { return m_plan; }
    /// How long a graceful stop may take before the VM is switched off hard.
    void setStopTimeout(int milliseconds) { m_stopTimeoutMs = milliseconds; }

    Mode mode() const { return m_mode; }
    /// Saves @p mode in the appliance's instance folder (atomically, on the worker); modeChanged()
    /// follows once it is saved, failed() if it could not be. Applies from the next start().
    void setMode(Mode mode);
    /// "fresh" / "keep", as tessera-ctl spells them; modeFromName() returns false for other words.
    static QString modeName(Mode mode);
    static bool modeFromName(const QString &name, Mode *mode);

    /// A complete ready state is on disk (whether it still matches the appliance is checked
    /// at the next fresh launch, which rebuilds it if not).
    bool hasReadyState() const { return m_hasReadyState; }

    /// Asks libvirt for the domain's current state (e.g. when the shell starts).
    void refresh();
    /// Prepares the system disk, (re)defines the domain and starts it. In FreshEveryLaunch
    /// mode the system disk's changes are discarded first, and a valid ready state is restored
    /// instead of a cold boot (falling back to a cold boot, with the reason in the log, when
    /// the restore fails).
    void start();
    /// Graceful shutdown (ACPI power button); switched off hard after the stop timeout.
    void stop();
    /// Switches the VM off at once, like pulling the plug.
    void powerOff();
    /// Suspends a running VM (nothing in it runs until resume()); e.g. at a breach alert.
    void pause();
    void resume();
    /// Discards all changes to the system disk. The VM must be off. In FreshEveryLaunch mode
    /// the ready state stays (it is clean); only the changes made on top of it go.
    void rollback();
    /// Call once the guest's session is up after a launch, with the display (SPICE) disconnected
    /// first: the guest agent must see the host go to greet it again after a restore. In FreshEveryLaunch mode, after a cold
    /// boot and without a ready state, saves the running VM's memory and disk state as the ready
    /// state and launches again from it: the state goes Starting, then Running (reconnect the
    /// display then), and readyStateCaptured() and readyStateChanged(true) follow. Returns
    /// false (and does nothing) when there is nothing to capture.
    bool captureReadyState();
    /// Recover after an incident: switches the appliance off at once (it is compromised),
    /// moves its system changes into a quarantine (QuarantineStore) with @p reason and the
    /// breaches of the session, and gives it a clean system disk (RecoveryJob::cleanImageFor).
    /// recovered() follows, or failed(). Crash-safe; see docs/recovery.md.
    void recover(const QString &reason);
    /// INSTANCE: the appliance's folder of system disks, ready state and quarantines.
    QString instanceDir() const { return m_instanceDir; }

    /// KeepChanges mode's restore points, oldest first, as last read (see refreshRestorePoints()).
    /// A point is taken automatically when the guest shuts itself down cleanly after a session
    /// without contract breaches. See docs/recovery.md, "Restore points".
    QList<RestorePoint> restorePoints() const { return m_points; }
    /// The point the system disk is on now; empty for the base (or when unknown).
    QString currentRestorePoint() const { return m_currentPoint; }
    /// How many unpinned points are kept; older ones are merged away.
    int restorePointRetention() const { return m_retention; }
    /// Reads the restore points from disk (finishing an interrupted operation first);
    /// restorePointsChanged() follows.
    void refreshRestorePoints();
    /// Takes a restore point of the system disk now, named @p name. The appliance must be off
    /// (while it runs the request is refused with a message saying so).
    void takeRestorePoint(const QString &name = {});
    /// Rolls the system disk back to point @p pointId, or to the base when empty. Changes not
    /// yet in a point are kept as a "before-rollback" point first. The appliance must be off;
    /// rolledBack() follows. Never touches the personal store.
    void rollbackTo(const QString &pointId);
    void pinRestorePoint(const QString &pointId, bool pinned);
    void renameRestorePoint(const QString &pointId, const QString &name);
    /// Keeps @p keep unpinned points (1 to 100); applied at once when the appliance is off.
    void setRestorePointRetention(int keep);

Q_SIGNALS:
    void stateChanged(ApplianceVm::State state);
    /// An operation failed; the state is Failed or back to what libvirt reports.
    void failed(const VmError &error);
    /// rollback() finished; @p milliseconds is the time the disk swap took.
    void rolledBack(qint64 milliseconds);
    /// The launch mode was saved and applies from the next start().
    void modeChanged(ApplianceVm::Mode mode);
    /// hasReadyState() changed: a ready state was captured, or it was discarded (out of date or
    /// not restorable; the next cold boot rebuilds it).
    void readyStateChanged(bool hasReadyState);
    /// captureReadyState() saved the ready state; @p milliseconds covers saving the memory image
    /// and publishing the disk state, not the launch from it that follows.
    void readyStateCaptured(qint64 milliseconds);
    /// recover() quarantined the system changes as @p quarantineId; @p milliseconds covers
    /// switching off, quarantining and making the clean system disk.
    void recovered(const QString &quarantineId, qint64 milliseconds);
    /// start() launched from the ready state (true) or by a cold boot (false).
    void launchedFromReadyState(bool fromReadyState);
    /// restorePoints(), currentRestorePoint() or restorePointRetention() changed.
    void restorePointsChanged();
    /// A restore point was taken (on demand, at a clean shutdown, or before a roll back).
    void restorePointTaken(const RestorePoint &point);
    /// A clean shutdown took no restore point: @p reason says why (a breach, or nothing changed).
    void restorePointSkipped(const QString &reason);
    /// setHost() moved the appliance; enforcement() is compiled for the new host.
    void hostChanged();
    /// inboundForwards() changed: a launch chose the host ports.
    void inboundForwardsChanged();

private:
    void setState(State state);
    void fail(const VmError &error);
    /// Runs @p job on the libvirt worker, then fails with its error or refreshes the state.
    void changeDomain(std::function<VmError(_virConnect *)> job);
    void onDomainEvent(const QString &domainName, LibvirtConnection::DomainEvent event, int detail);
    void setHasReadyState(bool hasReadyState);
    void setInboundForwards(const QList<HostForward> &forwards);
    LaunchJob launchJob() const;
    RemoteLaunchJob remoteLaunchJob() const;
    void startRemote();
    /// Ends the ssh master of a launch on another host (after the domain stopped).
    void closeTunnel();
    /// Restore points live on this computer: refused, with a message, on another host.
    bool refusedOnRemoteHost();
    void removeDiscardedOverlay();
    /// Runs @p operation on the restore points on the worker (refused while the domain is active
    /// when @p needsOff), then re-reads them.
    void runPointsJob(bool needsOff, std::function<VmError(const RestorePointStore &)> operation,
                      std::function<void(const VmError &)> done);
    void takePointAfterCleanShutdown();
    bool pointsNeedOff(const QString &message);

    LibvirtConnection *m_connection;
    ApplianceImage m_image;
    bool m_remote = false;
    QString m_hostName;
    bool m_privileged = false; ///< this computer's connection is privileged (setContract())
    DomainSpec m_spec;
    EnforcementPlan m_plan;
    State m_state = Unknown;
    VmError m_lastError;
    QTimer m_stopDeadline;
    int m_stopTimeoutMs = 30000;
    QString m_instanceDir;
    Mode m_mode = FreshEveryLaunch;
    bool m_hasReadyState = false;
    bool m_capturing = false;       ///< the Stopped event of the memory save is not an Off
    bool m_stopWhenUp = false; // a stop asked for while preparing or capturing: done once it runs
    /// A launch on another host is under way: QEMU's Started event comes before the display's
    /// forward exists, so Running waits for the launch's own result.
    bool m_remoteLaunching = false;
    QList<RestorePoint> m_points;
    QString m_currentPoint;
    int m_retention = 5;
};
