#pragma once

#include "applianceinfo.h"
#include "appliancevm.h"
#include "breachevent.h"
#include "contractmodel.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSize>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QQmlEngine>
#include <QTimer>

class ApplianceMonitor;
class BreachRateLimiter;
class FirstPaintWatcher;

/// One appliance as the shell shows it: its VM, its SPICE display and agent, folded into
/// one state. "Running" means the guest's session is up (the app is on screen), not merely
/// that QEMU runs.
class ApplianceSession : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("Appliances come from ApplianceListModel")
    Q_PROPERTY(QString name READ name CONSTANT)
    Q_PROPERTY(QString title READ title CONSTANT)
    Q_PROPERTY(QString job READ job CONSTANT)
    /// Imported from an OVF/OVA rather than built by Tessera: it may lack the guest agent.
    Q_PROPERTY(bool imported READ imported CONSTANT)
    Q_PROPERTY(QString descriptorPath READ descriptorPath CONSTANT)
    /// The contract's widest grant in plain words, as it holds where the appliance runs (without
    /// the store folders on another host, which withholds them).
    Q_PROPERTY(QString headline READ headline NOTIFY hostChanged)
    Q_PROPERTY(bool launchable READ launchable CONSTANT)
    Q_PROPERTY(QString problem READ problem CONSTANT)
    Q_PROPERTY(State state READ state NOTIFY stateChanged)
    Q_PROPERTY(QString stateText READ stateText NOTIFY stateChanged)
    Q_PROPERTY(QString errorMessage READ errorMessage NOTIFY stateChanged)
    Q_PROPERTY(QString errorDetails READ errorDetails NOTIFY stateChanged)
    Q_PROPERTY(int bootElapsedSeconds READ bootElapsedSeconds NOTIFY bootElapsedChanged)
    Q_PROPERTY(double lastBootSeconds READ lastBootSeconds NOTIFY lastBootSecondsChanged)
    Q_PROPERTY(SpiceConnection *display READ display CONSTANT)
    Q_PROPERTY(bool keepChanges READ keepChanges WRITE setKeepChanges NOTIFY keepChangesChanged)
    Q_PROPERTY(bool hasReadyState READ hasReadyState NOTIFY readyStateChanged)
    Q_PROPERTY(int breachCount READ breachCount NOTIFY breachCountChanged)
    Q_PROPERTY(QString lastBreach READ lastBreach NOTIFY breachCountChanged)
    /// Show each guest window as its own host window (seamless mode) instead of the
    /// full-desktop window; remembered per appliance.
    Q_PROPERTY(bool seamless READ seamless WRITE setSeamless NOTIFY seamlessChanged)
    /// The seamless windows of this appliance (shown while seamless and running).
    Q_PROPERTY(SeamlessWindowManager *seamlessWindows READ seamlessWindows CONSTANT)
    /// Why the guest's windows were flagged as abusive (translated), or "".
    Q_PROPERTY(QString windowAbuse READ windowAbuse NOTIFY windowAbuseChanged)
    /// The connection it runs on, by name ("This computer", "lab"); ApplianceListModel::setHost() moves it.
    Q_PROPERTY(QString host READ host NOTIFY hostChanged)
    /// Runs on another host than this computer.
    Q_PROPERTY(bool remote READ remote NOTIFY hostChanged)
    /// The name its windows' host-drawn bars carry: the title, and where it runs when that is
    /// another host ("Terminal · on lab"), so a window never hides where its app runs.
    Q_PROPERTY(QString windowTitle READ windowTitle NOTIFY hostChanged)
    /// How another host is reached ("over SSH"), translated; "" on this computer.
    Q_PROPERTY(QString hostTransport READ hostTransport NOTIFY hostChanged)
    /// What the contract loses on that host (the personal store's folders), translated; "" when nothing.
    Q_PROPERTY(QString withheldNote READ withheldNote NOTIFY hostChanged)
    /// Why the other host it is on cannot be reached (translated, says what to do), or "".
    Q_PROPERTY(QString hostError READ hostError NOTIFY hostErrorChanged)
    /// When the current run began (launch, or when the shell found it running); invalid while
    /// off. A breach detected before it is from an earlier run: nothing to pause or stop for it.
    Q_PROPERTY(QDateTime runStarted READ runStarted NOTIFY stateChanged)
    /// What the last roll back or recovery did, in words (translated), until the next launch; "".
    Q_PROPERTY(QString notice READ notice NOTIFY noticeChanged)
    /// While it runs: where its inbound ports are on this computer, one translated line each
    /// ("Port 5432 of the appliance is at 127.0.0.1:40123 here."); "" otherwise.
    Q_PROPERTY(QString inboundPorts READ inboundPorts NOTIFY inboundPortsChanged)
public:
    enum State { Unknown, Off, Booting, Running, Stopping, RollingBack, Failed, Paused };
    Q_ENUM(State)

    ApplianceSession(ApplianceVm *vm, const ApplianceInfo &info, QObject *parent = nullptr);
    /// Raises what the monitor and the window checks still hold back, into the breach log.
    ~ApplianceSession() override;

    QString name() const { return m_vm->image().name; }
    QString title() const { return m_info.title; }
    QString windowTitle() const;
    QString job() const { return m_vm->image().job; }
    bool imported() const { return m_vm->image().imported; }
    /// Whether a running guest counts as up (Running rather than Booting): its agent says its
    /// session is up or, for an imported appliance that may have no agent, its display shows
    /// a picture of @p displaySize.
    static bool guestIsUp(bool imported, const QString &agentSessionState, const QSize &displaySize);
    QString headline() const;
    bool launchable() const { return m_info.launchable; }
    QString problem() const { return m_info.problem; }
    QString descriptorPath() const { return m_vm->image().descriptor; }
    State state() const { return m_state; }
    QString stateText() const;
    QString errorMessage() const { return m_vm->lastError().message(); }
    QString errorDetails() const { return m_vm->lastError().details(); }
    int bootElapsedSeconds() const { return m_bootTimer.isValid() ? int(m_bootTimer.elapsed() / 1000) : 0; }
    double lastBootSeconds() const { return m_lastBootSeconds; }
    SpiceConnection *display() const { return m_display; }
    ApplianceVm *vm() const { return m_vm; }
    bool keepChanges() const { return m_vm->mode() == ApplianceVm::KeepChanges; }
    void setKeepChanges(bool keep) { m_vm->setMode(keep ? ApplianceVm::KeepChanges : ApplianceVm::FreshEveryLaunch); }
    bool hasReadyState() const { return m_vm->hasReadyState(); }
    /// Breaches of the contract seen since the appliance was last launched.
    int breachCount() const { return m_breachCount; }
    /// The latest of them in words, or "".
    QString lastBreach() const { return m_lastBreach; }
    /// The contract monitor while the appliance runs, else null.
    ApplianceMonitor *monitor() const { return m_monitor; }
    bool seamless() const { return m_seamless; }
    void setSeamless(bool seamless);
    SeamlessWindowManager *seamlessWindows() const { return m_seamlessWindows; }
    QString windowAbuse() const { return m_windowAbuse; }
    QString host() const;
    bool remote() const { return m_vm->isRemote(); }
    QString hostTransport() const;
    QString withheldNote() const;
    QString hostError() const { return m_hostError; }
    QDateTime runStarted() const { return m_runStarted; }
    QString notice() const { return m_notice; }
    /// Whether a breach detected at @p time belongs to the current run.
    Q_INVOKABLE bool isOfThisRun(const QDateTime &time) const { return m_runStarted.isValid() && time >= m_runStarted; }
    QString inboundPorts() const;

    /// Makes @p model say, for each element, whether this connection enforces it, only
    /// monitors it, or cannot (the "declared vs enforced here" column).
    Q_INVOKABLE void showEnforcement(ContractModel *model) const;
    Q_INVOKABLE void launch();
    Q_INVOKABLE void stop();
    /// Suspends the running appliance (e.g. from a breach alert); resume() lets it go on.
    Q_INVOKABLE void pause();
    Q_INVOKABLE void resume();
    Q_INVOKABLE void rollback();
    /// Recover after an incident: switch off at once, quarantine the system changes, clean
    /// system (ApplianceVm::recover); recovered() follows.
    Q_INVOKABLE void recover();

Q_SIGNALS:
    void stateChanged();
    void keepChangesChanged();
    void readyStateChanged();
    void bootElapsedChanged();
    void lastBootSecondsChanged();
    /// breachCount() or lastBreach() changed.
    void breachCountChanged();
    /// seamless() changed.
    void seamlessChanged();
    /// windowAbuse() changed.
    void windowAbuseChanged();
    /// The appliance moved to another host (host(), remote(), withheldNote()).
    void hostChanged();
    /// hostError() changed.
    void hostErrorChanged();
    /// notice() changed.
    void noticeChanged();
    /// inboundPorts() changed (a launch chose the ports, or the appliance stopped).
    void inboundPortsChanged();
    /// The guest's session came up after launch(); @p seconds since launch().
    void launched(double seconds);
    /// A roll back finished.
    void rolledBack(qint64 milliseconds);
    /// recover() finished: the system changes are in quarantine @p quarantineId.
    void recovered(const QString &quarantineId);
    /// Something failed; errorMessage says what to do.
    void failed(const QString &message);

private:
    void updateState();
    void captureReadyStateIfUseful();
    void startMonitor();
    void stopMonitor();
    void onBreach(const BreachEvent &event);
    void mountSharedFoldersIfDue();
    void mountFinished(quint32 requestId, int exitStatus);
    void updateSeamless();
    /// Gives the seamless windows the contract's display section (before they are shown).
    void applyDisplayPolicy();
    /// A breach when the guest has more windows open than the contract's MaxWindows.
    void checkWindowLimit();
    void onFullScreenRefused(quint32 guestId, const QString &guestTitle);
    void watchHost();
    void setHostError(const QString &error);
    void setNotice(const QString &notice);

    ApplianceVm *m_vm;
    SpiceConnection *m_display;
    ApplianceInfo m_info;
    State m_state = Unknown;
    QElapsedTimer m_bootTimer;
    QTimer m_bootTicker;
    double m_lastBootSeconds = 0;
    ApplianceMonitor *m_monitor = nullptr;
    BreachRateLimiter *m_displayBreaches; // the shell's own breaches (windows), per kind like the monitor's
    int m_breachCount = 0;
    QString m_lastBreach;
    SeamlessWindowManager *m_seamlessWindows = nullptr;
    bool m_seamless = false;
    QString m_windowAbuse;
    bool m_overWindowLimit = false; // one breach per time the count goes over
    QSet<quint32> m_fullScreenBreached; // guest windows refused full screen in this run (bounded)
    bool m_capturing = false; // SPICE stays away while the memory image is saved
    bool m_captureQueued = false; // QEMU cannot save a VM with a mounted 9p export: capture first
    FirstPaintWatcher *m_firstPaint = nullptr; // before a capture: waits for the app's window
    bool m_appPainted = false;
    bool m_mountsDone = false;    // per VM run: the guest keeps its mounts across display reconnects
    QHash<quint32, QString> m_pendingMounts; // agent request id -> guest target
    QPointer<LibvirtConnection> m_watchedHost; // another host's connection, for hostError()
    QString m_hostError;
    QDateTime m_runStarted;
    QString m_notice;
};
