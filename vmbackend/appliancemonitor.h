#pragma once

#include "breachevent.h"
#include "breachratelimiter.h"
#include "storeaccesswatcher.h"
#include "systemcontract.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

class LibvirtConnection;
class QFile;

/// Watches one running appliance for behaviour its contract does not allow and that the
/// hypervisor does not prevent, and raises breach events with evidence:
/// - store reads and writes outside the ActivityContract's window after forwarded input
///   (the shell reports input with noteInput());
/// - writes to a mount faster than its WriteRate;
/// - CPU use above CPUQuota, sustained (sampled from libvirt on its worker thread);
/// - connections the egress gateway refused, and bursts of them (from its log).
/// Accesses of one kind and subject are gathered for CoalesceMs into one event; events then go
/// through a BreachRateLimiter (per kind: the first at once, the rest of its window folded into
/// one summary), so a guest that keeps misbehaving produces a readable log, not a flood, and
/// nothing it did is left out. Tessera's own writes into the store (StoreOwnWrites: an undo, a
/// kept copy, a salvaged file) are never counted against it.
class ApplianceMonitor : public QObject
{
    Q_OBJECT
public:
    /// How long accesses are gathered into one event before it is raised.
    static constexpr int CoalesceMs = 300;
    /// Subjects gathered at once at most; an access of yet another subject goes straight to the
    /// rate limiter (which folds it), so a flood of distinct subjects cannot grow memory.
    static constexpr int MaxPendingSubjects = 256;
    /// Events waiting for a write of Tessera's own to finish, at most.
    static constexpr int MaxDeferred = 4096;
    /// This many refused connections within DeniedBurstWindowMs are a burst (scanning).
    static constexpr int DeniedBurstCount = 10;
    static constexpr int DeniedBurstWindowMs = 10000;

    /// @p storeRoot is the personal store; @p contract's mounts say which of its folders the
    /// appliance sees.
    /// @p rateWindowMs is the limiter's window (BreachRateLimiter::WindowMs; shorter in tests).
    ApplianceMonitor(const QString &appliance, const SystemContract &contract, const QString &storeRoot,
                     QObject *parent = nullptr, int rateWindowMs = BreachRateLimiter::WindowMs);
    ~ApplianceMonitor() override;

    /// Samples CPU use of @p domainName through @p connection when the contract has a CPUQuota.
    void watchCpu(LibvirtConnection *connection, const QString &domainName);
    /// Reads the egress gateway's connection log @p networkLog (JSON lines) for refused
    /// connections, from its current end on.
    void watchNetworkLog(const QString &networkLog);
    /// Starts watching; returns false (with the reason in the log) when some mount could not be watched.
    bool start();
    void stop();

    /// The shell forwarded keyboard or pointer input to the appliance now.
    void noteInput();
    /// When input was last forwarded; invalid when never.
    QDateTime lastInput() const { return m_lastInput; }

Q_SIGNALS:
    /// A breach was observed; @p event carries the evidence. At most one per kind per
    /// BreachRateLimiter window: the others of that window are folded into a summary.
    void breach(const BreachEvent &event);
    /// An access to the store was seen (@p storePath: folder/relative path, a raw name as
    /// StorePath keeps it); @p expected is false when it breaks an activity expectation (a
    /// breach follows after coalescing). Tessera's own writes are not reported.
    void accessSeen(const QString &storePath, bool write, bool expected);

private:
    struct Pending
    {
        BreachEvent event;
        QSet<QString> seenEvidence; ///< bounded; a file written in many steps counts once
    };
    void onWritten(const QString &storeFolder, const QString &relativePath, qint64 grownBytes, StoreAccessWatcher::Operation operation);
    void judgeWrite(const QString &storeFolder, const QString &relativePath, qint64 grownBytes);
    void onRead(const QString &storeFolder, const QString &relativePath);
    void checkActivity(ActivityExpectation::Access access, const QString &storePath);
    void record(BreachEvent::Kind kind, const QString &subject, double observed, double bound, const QString &unit,
                const QString &evidence);
    void flush();
    void tick();
    void onCpuSample(qint64 cpuTimeNs);
    void readNetworkLog();
    /// Reads @p log's lines from m_networkLogOffset on (bounded), for readNetworkLog().
    void readNetworkLines(QFile &log, qint64 nowMs);

    struct Deferred
    {
        QString storeFolder;
        QString relativePath;
        qint64 grownBytes = 0;
        StoreAccessWatcher::Operation operation = StoreAccessWatcher::Operation::Written;
    };

    QString m_appliance;
    SystemContract m_contract;
    QString m_storeRoot;
    QString m_canonicalRoot;
    QHash<QString, Deferred> m_deferred; ///< by absolute path: writes Tessera is still making
    StoreAccessWatcher *m_watcher;
    QDateTime m_lastInput;
    QElapsedTimer m_clock;
    QHash<QString, Pending> m_pending; ///< gathering, at most MaxPendingSubjects
    BreachRateLimiter *m_limiter;
    QTimer m_flushTimer;
    QTimer m_tickTimer;
    QHash<QString, qint64> m_bytesThisSecond; ///< per mount store folder
    LibvirtConnection *m_connection = nullptr;
    QString m_domainName;
    qint64 m_lastCpuNs = -1;
    qint64 m_lastCpuSampleMs = -1;
    int m_cpuOverCount = 0;
    QString m_networkLog;
    qint64 m_networkLogOffset = 0;
    QByteArray m_networkLogId; ///< device and inode of the log read: the gateway rotates it
    QList<qint64> m_deniedTimesMs; ///< refusals within the burst window
};
