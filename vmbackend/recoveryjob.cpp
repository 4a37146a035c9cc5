#include "recoveryjob.h"

#include "breachlog.h"
#include "overlaydisk.h"
#include "qemuimg.h"
#include "quarantinestore.h"
#include "readystate.h"
#include "restorepointstore.h"
#include "vmbackendlog.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <libvirt/libvirt.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

constexpr int MaxBreachesKept = 200;
constexpr qint64 MaxJournalBytes = 64 * 1024;

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

QString errnoText()
{
    return QString::fromLocal8Bit(strerror(errno));
}

bool writeJson(const QString &path, const QJsonObject &object)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(QJsonDocument(object).toJson());
    return file.commit();
}

// Only the header changes (-u): the data stays as it is, now named relative to the copy of
// the backing kept inside the quarantine.
bool rebaseUnsafe(const QString &delta, const QString &backing, QString *error)
{
    if (!QemuImg::run({QStringLiteral("rebase"), QStringLiteral("-u"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                       QStringLiteral("-F"), QStringLiteral("qcow2"), QStringLiteral("-b"), backing, delta},
                      60000, nullptr, error))
        return false;
    ReadyState::sync(delta);
    return true;
}

/// The breaches recorded since @p since (all when invalid), newest MaxBreachesKept.
QJsonArray breachesSince(const QString &logFile, const QDateTime &since)
{
    const QList<BreachEvent> events = BreachLog::readFile(logFile); // both generations, bounded
    QJsonArray out;
    for (const BreachEvent &event : events) {
        if (!since.isValid() || event.time >= since)
            out.append(event.toJson());
    }
    while (out.size() > MaxBreachesKept)
        out.removeFirst();
    return out;
}

QString newId(const QString &quarantineDir)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString id = stamp;
    for (int n = 2; QFileInfo::exists(quarantineDir + QLatin1Char('/') + id) || QFileInfo::exists(quarantineDir + QLatin1Char('/') + id + QStringLiteral(".tmp")); ++n)
        id = stamp + QLatin1Char('-') + QString::number(n);
    return id;
}

} // namespace

QString RecoveryJob::cleanImageFor(const QString &instanceDir, const QString &baseDisk, bool keepChanges)
{
    const ReadyState ready(instanceDir);
    if (!keepChanges)
        return ready.isComplete() ? ready.disk() : baseDisk;
    // Keep mode: the newest restore point on the live overlay's line whose changes, and all
    // its ancestors' changes, were made without a recorded breach; else the base.
    const RestorePointStore points(instanceDir, baseDisk);
    QString id;
    if (!points.liveParent(&id))
        return baseDisk;
    QStringList line;
    RestorePoint point;
    while (!id.isEmpty() && !line.contains(id) && points.find(id, &point)) {
        line.append(id);
        id = point.parent;
    }
    for (int i = 0; i < line.size(); ++i) {
        bool clean = true;
        for (int j = i; j < line.size() && clean; ++j)
            clean = points.find(line.at(j), &point) && point.breachFree;
        if (clean)
            return points.imagePath(line.at(i));
    }
    return baseDisk;
}

void RecoveryJob::reached(Step step) const
{
    if (afterStep)
        afterStep(step);
}

RecoveryJob::Result RecoveryJob::run(virConnectPtr connection) const
{
    QElapsedTimer timer;
    timer.start();
    virDomainPtr domain = connection ? virDomainLookupByName(connection, domainName.toUtf8().constData()) : nullptr;
    if (domain) {
        // Compromised: pull the plug rather than let the guest run its shutdown scripts.
        const bool failed = virDomainIsActive(domain) == 1 && virDomainDestroy(domain) < 0;
        virDomainFree(domain);
        if (failed) {
            Result result;
            result.error = VmError::fromLibvirt(VmError::StopFailed,
                                                tr("The appliance could not be switched off, so it was not recovered. Try again; if it keeps running, restart Tessera."));
            return result;
        }
    }
    Result result = quarantine();
    result.milliseconds = timer.elapsed();
    return result;
}

RecoveryJob::Result RecoveryJob::quarantine() const
{
    Result result;
    QElapsedTimer timer;
    timer.start();
    finishInterrupted(instanceDir);
    if (!QFileInfo::exists(systemDisk)) {
        result.error = VmError(VmError::DiskFailed, tr("The appliance has no system changes to quarantine: it is already clean. Start it as usual."));
        return result;
    }
    if (!QFileInfo::exists(cleanImage)) {
        result.error = VmError(VmError::ImageMissing, tr("The appliance's clean image is missing, so it was not recovered. Rebuild the appliances (scripts/setup) and try again."),
                               cleanImage);
        return result;
    }
    const QuarantineStore store(instanceDir);
    if (!QDir().mkpath(store.directory())) {
        result.error = VmError(VmError::DiskFailed, tr("Could not create the quarantine folder. Check that your data folder is writable and has free space."), store.directory());
        return result;
    }
    const QString id = newId(store.directory());
    const QString staging = store.folder(id) + QStringLiteral(".tmp");
    const QString backing = OverlayDisk(cleanImage, systemDisk).backingFile();
    // A backing inside the instance folder (the ready disk) may be discarded and rebuilt
    // later: the quarantine keeps its own link to it (same filesystem, no copy).
    const bool keepBacking = !backing.isEmpty() && QFileInfo(backing).absoluteFilePath().startsWith(QFileInfo(instanceDir).absoluteFilePath() + QLatin1Char('/'));

    const QJsonObject journal{{QStringLiteral("id"), id}, {QStringLiteral("systemDisk"), systemDisk},
                              {QStringLiteral("clean"), cleanImage}, {QStringLiteral("rebase"), keepBacking}};
    const auto failWith = [&](const QString &message, const QString &details) {
        result.error = VmError(VmError::DiskFailed, message, details);
        // Nothing has moved yet when this is called: undo the staging and the journal.
        QDir(staging).removeRecursively();
        QFile::remove(journalPath(instanceDir));
        return result;
    };
    const QString notQuarantined = tr("Could not move the appliance's system changes into quarantine; nothing was changed. Check free disk space and permissions, then try again.");
    if (!writeJson(journalPath(instanceDir), journal))
        return failWith(notQuarantined, journalPath(instanceDir));
    ReadyState::sync(instanceDir, true);
    reached(Step::JournalWritten);

    QuarantineRecord record;
    record.id = id;
    record.appliance = appliance;
    record.time = QDateTime::currentDateTimeUtc();
    record.reason = reason;
    record.originalBacking = backing;
    record.backingImage = keepBacking ? store.folder(id) + QStringLiteral("/backing.qcow2") : backing;
    record.cleanImage = cleanImage;
    const QFileInfo delta(systemDisk);
    record.deltaBytes = delta.size();
    // The breaches of the time this overlay was in use (made at its last roll back or recovery).
    const QDateTime since = delta.birthTime().isValid() ? delta.birthTime() : QDateTime();
    record.breaches = breachesSince(breachLogFile, since);
    if (!QDir().mkpath(staging) || !writeJson(staging + QStringLiteral("/record.json"), record.toJson()))
        return failWith(notQuarantined, staging);
    if (keepBacking && ::link(QFile::encodeName(backing).constData(), QFile::encodeName(staging + QStringLiteral("/backing.qcow2")).constData()) != 0)
        return failWith(notQuarantined, errnoText());
    ReadyState::sync(staging, true);
    reached(Step::StagingMade);

    if (!renamePath(systemDisk, staging + QStringLiteral("/delta.qcow2")))
        return failWith(notQuarantined, errnoText());
    ReadyState::sync(staging, true);
    ReadyState::sync(instanceDir, true);
    reached(Step::DeltaMoved);

    // From here on the delta is out of service: finish forward, whatever happens.
    if (!renamePath(staging, store.folder(id))) {
        result.error = VmError(VmError::DiskFailed, tr("The appliance's system changes were moved aside but the quarantine could not be completed. Start the appliance again to finish it."),
                               errnoText());
        return result;
    }
    ReadyState::sync(store.directory(), true);
    reached(Step::QuarantinePublished);

    if (VmError error = finishPublished(instanceDir, id, systemDisk, cleanImage, keepBacking); error.isError()) {
        result.error = error;
        return result;
    }
    reached(Step::CleanCreated);
    QFile::remove(journalPath(instanceDir));
    ReadyState::sync(instanceDir, true);
    qCInfo(lcVmBackend) << appliance << "recovered: system changes quarantined as" << id << "in" << timer.elapsed() << "ms";
    result.quarantineId = id;
    result.milliseconds = timer.elapsed();
    return result;
}

VmError RecoveryJob::finishPublished(const QString &instanceDir, const QString &id, const QString &systemDisk,
                                     const QString &cleanImage, bool rebase)
{
    const QuarantineStore store(instanceDir);
    if (rebase) {
        const QString kept = store.folder(id) + QStringLiteral("/backing.qcow2");
        QString error;
        if (OverlayDisk(kept, store.deltaPath(id)).backingFile() != kept && !rebaseUnsafe(store.deltaPath(id), kept, &error))
            qCWarning(lcVmBackend) << "could not point the quarantined delta" << id << "at its kept backing:" << error;
    }
    if (QFileInfo::exists(systemDisk))
        return {};
    return OverlayDisk(cleanImage, systemDisk).reset();
}

bool RecoveryJob::finishInterrupted(const QString &instanceDir)
{
    const QuarantineStore store(instanceDir);
    store.removeLeftovers();
    QFile file(journalPath(instanceDir));
    if (!file.exists()) {
        // A staging folder without a journal cannot hold a delta (the journal comes first).
        const QStringList staged = QDir(store.directory()).entryList({QStringLiteral("*.tmp")}, QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QString &name : staged)
            QDir(store.directory() + QLatin1Char('/') + name).removeRecursively();
        return false;
    }
    QJsonObject journal;
    if (file.open(QIODevice::ReadOnly) && file.size() <= MaxJournalBytes)
        journal = QJsonDocument::fromJson(file.readAll()).object();
    file.close();
    const QString id = journal.value(QStringLiteral("id")).toString();
    const QString systemDisk = journal.value(QStringLiteral("systemDisk")).toString();
    const QString clean = journal.value(QStringLiteral("clean")).toString();
    if (!QuarantineStore::validId(id) || systemDisk.isEmpty()) {
        // A torn journal: QSaveFile never leaves one, so nothing of it can have happened.
        QFile::remove(journalPath(instanceDir));
        return true;
    }
    const QString staging = store.folder(id) + QStringLiteral(".tmp");
    if (QFileInfo::exists(staging)) {
        if (QFileInfo::exists(staging + QStringLiteral("/delta.qcow2"))) {
            qCInfo(lcVmBackend) << "finishing the recovery" << id << "a crash interrupted";
            renamePath(staging, store.folder(id));
            ReadyState::sync(store.directory(), true);
        } else {
            qCInfo(lcVmBackend) << "reverting the recovery" << id << "a crash interrupted before the system disk moved";
            QDir(staging).removeRecursively();
        }
    }
    if (store.contains(id)) {
        if (VmError error = finishPublished(instanceDir, id, systemDisk, clean, journal.value(QStringLiteral("rebase")).toBool()); error.isError()) {
            qCWarning(lcVmBackend) << "could not finish the recovery" << id << error.toString();
            return true; // keep the journal: the next start tries again
        }
    }
    QFile::remove(journalPath(instanceDir));
    ReadyState::sync(instanceDir, true);
    return true;
}
