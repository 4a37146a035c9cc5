#include "appliancemonitor.h"

#include "libvirtconnection.h"
#include "storeaccesswatcher.h"
#include "storefiles.h"
#include "storeownwrites.h"
#include "storepath.h"
#include "vmbackendlog.h"

#include <QLocale>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

#include <libvirt/libvirt.h>

#include <sys/stat.h>

namespace {

constexpr int TickMs = 1000;
// CPU use must stay above the quota this many samples in a row: compiling or starting an app
// may spike briefly, and a contract's quota is about sustained use.
constexpr int CpuSamplesOverQuota = 3;
constexpr int CpuSampleEveryTicks = 2;

/// Which file @p file is (device and inode), to notice a rotation; empty if unknown.
QByteArray fileIdentity(const QFile &file)
{
    struct stat status {};
    if (::fstat(file.handle(), &status) != 0)
        return {};
    return QByteArray::number(quint64(status.st_dev)) + ':' + QByteArray::number(quint64(status.st_ino));
}

QString storePath(const QString &storeFolder, const QString &relativePath)
{
    return relativePath.isEmpty() ? storeFolder : storeFolder + QLatin1Char('/') + relativePath;
}

// What an event of the watcher is, in the terms Tessera's own writes are registered with.
int ownEvent(StoreAccessWatcher::Operation operation)
{
    using Operation = StoreAccessWatcher::Operation;
    switch (operation) {
    case Operation::Written:
        return StoreOwnWrites::Written;
    case Operation::MovedAway:
    case Operation::Removed:
    case Operation::FolderGone:
        return StoreOwnWrites::Gone;
    case Operation::MovedIn:
    case Operation::FolderAppeared:
    case Operation::Rescanned:
        break;
    }
    return StoreOwnWrites::Appeared;
}

} // namespace

ApplianceMonitor::ApplianceMonitor(const QString &appliance, const SystemContract &contract, const QString &storeRoot, QObject *parent,
                                   int rateWindowMs)
    : QObject(parent), m_appliance(appliance), m_contract(contract), m_storeRoot(storeRoot), m_watcher(new StoreAccessWatcher(this)),
      m_limiter(new BreachRateLimiter(this, rateWindowMs))
{
    connect(m_limiter, &BreachRateLimiter::raised, this, &ApplianceMonitor::breach);
    m_clock.start();
    connect(m_watcher, &StoreAccessWatcher::written, this, &ApplianceMonitor::onWritten);
    connect(m_watcher, &StoreAccessWatcher::read, this, &ApplianceMonitor::onRead);
    connect(m_watcher, &StoreAccessWatcher::discovered, this, [this](const QString &storeFolder, const QString &relativePath, qint64 size) {
        onWritten(storeFolder, relativePath, size, StoreAccessWatcher::Operation::MovedIn); // found in a folder that appeared
    });
    // Tessera's own writes (an undo of this appliance, a salvaged file) are never its breach;
    // one still being made when its event came is decided when it is done.
    connect(StoreOwnWrites::instance(), &StoreOwnWrites::settled, this, [this](const QString &absolutePath) {
        const auto deferred = m_deferred.constFind(absolutePath);
        if (deferred == m_deferred.cend())
            return;
        const Deferred write = *deferred;
        m_deferred.erase(deferred);
        onWritten(write.storeFolder, write.relativePath, write.grownBytes, write.operation);
    });
    connect(m_watcher, &StoreAccessWatcher::incomplete, this, [this](const QString &folder) {
        qCWarning(lcVmBackend) << m_appliance << "has too many folders under" << folder << "to watch them all";
    });
    m_flushTimer.setInterval(CoalesceMs / 3);
    connect(&m_flushTimer, &QTimer::timeout, this, &ApplianceMonitor::flush);
    m_tickTimer.setInterval(TickMs);
    connect(&m_tickTimer, &QTimer::timeout, this, &ApplianceMonitor::tick);
}

ApplianceMonitor::~ApplianceMonitor() = default;

void ApplianceMonitor::watchCpu(LibvirtConnection *connection, const QString &domainName)
{
    m_connection = connection;
    m_domainName = domainName;
}

void ApplianceMonitor::watchNetworkLog(const QString &networkLog)
{
    m_networkLog = networkLog;
    // Earlier sessions' refusals were reported then.
    QFile log(networkLog);
    m_networkLogOffset = log.open(QIODevice::ReadOnly) ? log.size() : 0;
    m_networkLogId = log.isOpen() ? fileIdentity(log) : QByteArray();
}

bool ApplianceMonitor::start()
{
    // Tessera's own writes are known by canonical path (StoreFiles resolves the root once too).
    m_canonicalRoot = StoreFiles(m_storeRoot).root();
    bool complete = true;
    for (const MountGrant &mount : std::as_const(m_contract.mounts)) {
        if (!m_watcher->watch(mount.store, m_storeRoot + QLatin1Char('/') + mount.store)) {
            qCWarning(lcVmBackend) << m_appliance << "cannot watch store folder" << mount.store;
            complete = false;
        }
    }
    m_tickTimer.start();
    return complete;
}

void ApplianceMonitor::stop()
{
    m_watcher->clear();
    m_tickTimer.stop();
    // Writes still waiting for one of Tessera's to finish are judged as they are: never dropped.
    const QHash<QString, Deferred> deferred = std::exchange(m_deferred, {});
    for (const Deferred &write : deferred)
        judgeWrite(write.storeFolder, write.relativePath, write.grownBytes);
    flush();
    m_limiter->flush(); // nothing is held back once the appliance stops
}

void ApplianceMonitor::noteInput()
{
    m_lastInput = QDateTime::currentDateTimeUtc();
}

void ApplianceMonitor::onWritten(const QString &storeFolder, const QString &relativePath, qint64 grownBytes,
                                 StoreAccessWatcher::Operation operation)
{
    if (!m_canonicalRoot.isEmpty()) {
        const QString absolute = m_canonicalRoot + QLatin1Char('/') + storePath(storeFolder, relativePath);
        switch (StoreOwnWrites::instance()->classify(absolute, ownEvent(operation))) {
        case StoreOwnWrites::Verdict::Own:
            return;
        case StoreOwnWrites::Verdict::Pending:
            if (m_deferred.size() < MaxDeferred) {
                Deferred &write = m_deferred[absolute];
                write.storeFolder = storeFolder;
                write.relativePath = relativePath;
                write.grownBytes += grownBytes;
                write.operation = operation;
                return;
            }
            break; // too many at once: judged as they are, never dropped
        case StoreOwnWrites::Verdict::Others:
            break;
        }
    }
    judgeWrite(storeFolder, relativePath, grownBytes);
}

void ApplianceMonitor::judgeWrite(const QString &storeFolder, const QString &relativePath, qint64 grownBytes)
{
    m_bytesThisSecond[storeFolder] += grownBytes;
    checkActivity(ActivityExpectation::Access::Write, storePath(storeFolder, relativePath));
}

void ApplianceMonitor::onRead(const QString &storeFolder, const QString &relativePath)
{
    checkActivity(ActivityExpectation::Access::Read, storePath(storeFolder, relativePath));
}

void ApplianceMonitor::checkActivity(ActivityExpectation::Access access, const QString &path)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const double sinceInput = m_lastInput.isValid() ? m_lastInput.msecsTo(now) / 1000.0 : -1;
    bool expected = true;
    for (const ActivityExpectation &expect : std::as_const(m_contract.activity)) {
        if (expect.access != access || !MountGrant::storeCovers(expect.store, path))
            continue;
        if (sinceInput >= 0 && sinceInput <= expect.withinSecondsOfInput)
            continue;
        expected = false;
        const auto kind = access == ActivityExpectation::Access::Write ? BreachEvent::Kind::WriteWithoutInput
                                                                       : BreachEvent::Kind::ReadWithoutInput;
        record(kind, expect.store == QLatin1String("any") ? StorePath::display(path.section(QLatin1Char('/'), 0, 0)) : expect.store,
               sinceInput, expect.withinSecondsOfInput, QStringLiteral("s"), StorePath::display(path));
    }
    Q_EMIT accessSeen(path, access == ActivityExpectation::Access::Write, expected);
}

void ApplianceMonitor::record(BreachEvent::Kind kind, const QString &subject, double observed, double bound, const QString &unit,
                              const QString &evidence)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    BreachEvent fresh;
    fresh.kind = kind;
    fresh.appliance = m_appliance;
    fresh.subject = subject;
    fresh.windowStart = fresh.windowEnd = now;
    fresh.observed = observed;
    fresh.bound = bound;
    fresh.unit = unit;
    const QString key = BreachEvent::kindKey(kind) + QLatin1Char('\n') + subject;
    auto pending = m_pending.find(key);
    if (pending == m_pending.end()) {
        if (m_pending.size() >= MaxPendingSubjects) {
            // Yet another subject while many gather: no gathering, the limiter folds it.
            fresh.time = now;
            if (!evidence.isEmpty())
                fresh.addEvidence(evidence);
            m_limiter->submit(fresh);
            return;
        }
        pending = m_pending.insert(key, Pending{fresh, {}});
    }
    BreachEvent &event = pending->event;
    event.windowEnd = now;
    // Keep the worst observation: the longest time since input, the highest rate.
    if (observed < 0 || (event.observed >= 0 && observed > event.observed))
        event.observed = observed;
    constexpr int MaxRemembered = 4096;
    if (!evidence.isEmpty() && !pending->seenEvidence.contains(evidence)) {
        if (pending->seenEvidence.size() < MaxRemembered)
            pending->seenEvidence.insert(evidence);
        event.addEvidence(evidence);
    }
    if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void ApplianceMonitor::flush()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QList<BreachEvent> ready;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        // Stopped: everything gathered goes now.
        if (it->event.windowStart.msecsTo(now) < CoalesceMs && m_tickTimer.isActive()) {
            ++it;
            continue;
        }
        ready.append(it->event);
        ready.last().time = now;
        it = m_pending.erase(it);
    }
    if (m_pending.isEmpty())
        m_flushTimer.stop();
    for (const BreachEvent &event : std::as_const(ready))
        m_limiter->submit(event); // it logs what it raises: a flood of events is not a flood of log lines
}

void ApplianceMonitor::tick()
{
    for (const MountGrant &mount : std::as_const(m_contract.mounts)) {
        const qint64 bytes = m_bytesThisSecond.value(mount.store);
        if (mount.writeRate.isLimited() && bytes > mount.writeRate.average() + mount.writeRate.effectiveBurst())
            record(BreachEvent::Kind::MountWriteOverRate, mount.store, double(bytes) * 1000 / TickMs, mount.writeRate.average(),
                   QStringLiteral("B/s"), {});
    }
    m_bytesThisSecond.clear();
    readNetworkLog();

    static_assert(CpuSampleEveryTicks > 0);
    if (!m_connection || !m_contract.resources.cpuQuotaPercent || (m_clock.elapsed() / TickMs) % CpuSampleEveryTicks)
        return;
    const QByteArray name = m_domainName.toUtf8();
    m_connection->call<qint64>(this, [name](virConnectPtr connection) -> qint64 {
        if (!connection)
            return -1;
        virDomainPtr domain = virDomainLookupByName(connection, name.constData());
        if (!domain)
            return -1;
        virDomainInfo info;
        const int ok = virDomainGetInfo(domain, &info);
        virDomainFree(domain);
        return ok == 0 && info.state == VIR_DOMAIN_RUNNING ? qint64(info.cpuTime) : -1;
    }, [this](const qint64 &cpuTimeNs) { onCpuSample(cpuTimeNs); });
}

void ApplianceMonitor::onCpuSample(qint64 cpuTimeNs)
{
    const qint64 nowMs = m_clock.elapsed();
    if (cpuTimeNs < 0 || m_lastCpuNs < 0 || cpuTimeNs < m_lastCpuNs || nowMs <= m_lastCpuSampleMs) {
        m_lastCpuNs = cpuTimeNs;
        m_lastCpuSampleMs = nowMs;
        m_cpuOverCount = 0;
        return;
    }
    const double percent = double(cpuTimeNs - m_lastCpuNs) / 1e6 / double(nowMs - m_lastCpuSampleMs) * 100.0;
    m_lastCpuNs = cpuTimeNs;
    m_lastCpuSampleMs = nowMs;
    const double quota = *m_contract.resources.cpuQuotaPercent;
    m_cpuOverCount = percent > quota ? m_cpuOverCount + 1 : 0;
    if (m_cpuOverCount >= CpuSamplesOverQuota)
        record(BreachEvent::Kind::CpuOverQuota, m_appliance, percent, quota, QStringLiteral("%"),
               tr("%1 % of a core over the last %2 s").arg(qRound(percent)).arg(CpuSampleEveryTicks * TickMs / 1000));
}

void ApplianceMonitor::readNetworkLog()
{
    if (m_networkLog.isEmpty())
        return;
    QFile log(m_networkLog);
    if (!log.open(QIODevice::ReadOnly))
        return;
    const qint64 nowMs = m_clock.elapsed();
    // The gateway rotated its log: the file read so far is now network.jsonl.1. Finish it,
    // then read the new one from its start.
    if (const QByteArray id = fileIdentity(log); id != m_networkLogId) {
        QFile previous(m_networkLog + QStringLiteral(".1"));
        if (!m_networkLogId.isEmpty() && previous.open(QIODevice::ReadOnly) && fileIdentity(previous) == m_networkLogId)
            readNetworkLines(previous, nowMs);
        m_networkLogId = id;
        m_networkLogOffset = 0;
    }
    if (log.size() < m_networkLogOffset)
        m_networkLogOffset = 0; // a new log
    readNetworkLines(log, nowMs);
    while (!m_deniedTimesMs.isEmpty() && nowMs - m_deniedTimesMs.constFirst() > DeniedBurstWindowMs)
        m_deniedTimesMs.removeFirst();
    if (m_deniedTimesMs.size() >= DeniedBurstCount) {
        record(BreachEvent::Kind::DeniedBurst, tr("network"), double(m_deniedTimesMs.size()), DeniedBurstCount - 1,
               QStringLiteral("connections"), {});
        m_deniedTimesMs.clear();
    }
}

void ApplianceMonitor::readNetworkLines(QFile &log, qint64 nowMs)
{
    if (!log.seek(m_networkLogOffset))
        return;
    // The gateway is ours, but it echoes what the guest asked for: bound what is read.
    constexpr qint64 MaxLine = 4096;
    constexpr int MaxLinesPerTick = 1000;
    for (int lines = 0; lines < MaxLinesPerTick; ++lines) {
        const QByteArray line = log.readLine(MaxLine);
        if (!line.endsWith('\n'))
            break;
        m_networkLogOffset += line.size();
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(QStringLiteral("event")).toString() != QLatin1String("denied"))
            continue;
        const QString destination = QStringLiteral("%1:%2").arg(entry.value(QStringLiteral("host")).toString().left(255))
                                        .arg(entry.value(QStringLiteral("port")).toInt());
        const QString reason = entry.value(QStringLiteral("reason")).toString().left(200);
        // The gateway logs UTC; a person reads the time of day where they are.
        const QDateTime when = QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        const QString at = when.isValid() ? QLocale().toString(when.toLocalTime().time(), QLocale::LongFormat)
                                          : entry.value(QStringLiteral("time")).toString().left(40);
        const QString evidence = tr("%1 refused at %2 (%3)").arg(destination, at, reason);
        record(BreachEvent::Kind::ConnectionDenied, destination, 1, 0, QStringLiteral("connections"), evidence);
        m_deniedTimesMs.append(nowMs);
    }
}
