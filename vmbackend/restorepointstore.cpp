#include "restorepointstore.h"

#include "breachlog.h"
#include "overlaydisk.h"
#include "qemuimg.h"
#include "readystate.h"
#include "vmbackendlog.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unistd.h>

namespace {

constexpr qint64 MaxJsonBytes = 64 * 1024;
constexpr int MaxPoints = 1000;            // more files than this in points/ are not read
constexpr int QemuImgTimeoutMs = 30 * 60 * 1000; // a safe-mode rebase reads the whole disk

QString backingOf(const QString &image)
{
    QByteArray output;
    if (!QemuImg::run({QStringLiteral("info"), QStringLiteral("--output=json"), QStringLiteral("-U"), image}, QemuImgTimeoutMs, &output))
        return {};
    return QJsonDocument::fromJson(output).object().value(QStringLiteral("backing-filename")).toString();
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > MaxJsonBytes)
        return {};
    return QJsonDocument::fromJson(file.read(MaxJsonBytes)).object();
}

bool writeJson(const QString &path, const QJsonObject &object, QString *errorText)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *errorText = file.errorString();
        return false;
    }
    file.write(QJsonDocument(object).toJson());
    if (!file.commit()) {
        *errorText = file.errorString();
        return false;
    }
    ReadyState::sync(QFileInfo(path).absolutePath(), true);
    return true;
}

bool removeSynced(const QString &path)
{
    const bool removed = !QFileInfo::exists(path) || QFile::remove(path);
    ReadyState::sync(QFileInfo(path).absolutePath(), true);
    return removed;
}

void setReadOnly(const QString &path, bool readOnly)
{
    QFile::setPermissions(path, readOnly ? QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther
                                         : QFile::ReadOwner | QFile::WriteOwner | QFile::ReadGroup | QFile::ReadOther);
}

// Test hook: with TESSERA_TEST_POINTS_STOP_AT=STEP the process says so on stdout and waits
// there forever, so a test can kill -9 it at exactly that step.
void stopHere(const char *step)
{
    static const QByteArray wanted = qgetenv("TESSERA_TEST_POINTS_STOP_AT");
    if (wanted.isEmpty() || wanted != step)
        return;
    std::fprintf(stdout, "stopped at %s\n", step);
    std::fflush(stdout);
    for (;;)
        ::pause();
}

} // namespace

RestorePointStore::RestorePointStore(const QString &instanceDir, const QString &baseDisk)
    : m_instanceDir(QFileInfo(instanceDir).absoluteFilePath()), m_baseDisk(QFileInfo(baseDisk).absoluteFilePath())
{
}

QList<RestorePoint> RestorePointStore::list() const
{
    const QString busy = readJson(takeIntentPath()).value(QStringLiteral("id")).toString();
    QList<RestorePoint> points;
    const QStringList files = QDir(directory()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        if (points.size() >= MaxPoints)
            break;
        RestorePoint point;
        if (!RestorePoint::fromJson(readJson(directory() + QLatin1Char('/') + file), &point)
            || file != point.id + QStringLiteral(".json") || point.id == busy || !QFileInfo::exists(imagePath(point.id)))
            continue;
        points.append(point);
    }
    std::sort(points.begin(), points.end(), [](const RestorePoint &a, const RestorePoint &b) {
        return a.time != b.time ? a.time < b.time : a.id.toInt() < b.id.toInt();
    });
    return points;
}

bool RestorePointStore::find(const QString &id, RestorePoint *point) const
{
    if (!RestorePoint::isValidId(id))
        return false;
    RestorePoint read;
    if (!RestorePoint::fromJson(readJson(metadataPath(id)), &read) || read.id != id || !QFileInfo::exists(imagePath(id)))
        return false;
    *point = read;
    return true;
}

QString RestorePointStore::parentImage(const QString &id) const
{
    return id.isEmpty() ? m_baseDisk : imagePath(id);
}

bool RestorePointStore::liveParent(QString *id) const
{
    if (!QFileInfo::exists(liveOverlay()))
        return false;
    const QString backing = backingOf(liveOverlay());
    if (backing == m_baseDisk) {
        id->clear();
        return true;
    }
    const QFileInfo info(backing);
    const QString candidate = info.completeBaseName();
    if (info.absolutePath() != directory() || info.suffix() != QLatin1String("qcow2") || !RestorePoint::isValidId(candidate)
        || !QFileInfo::exists(backing))
        return false;
    *id = candidate;
    return true;
}

bool RestorePointStore::liveHasChanges() const
{
    QByteArray output;
    if (!QemuImg::run({QStringLiteral("map"), QStringLiteral("--output=json"), QStringLiteral("-U"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                     liveOverlay()}, QemuImgTimeoutMs, &output, nullptr))
        return QFileInfo::exists(liveOverlay()); // unreadable: keep it rather than lose it
    const QJsonArray extents = QJsonDocument::fromJson(output).array();
    return std::any_of(extents.cbegin(), extents.cend(), [](const QJsonValue &extent) {
        return extent.toObject().value(QStringLiteral("depth")).toInt(-1) == 0;
    });
}

QDateTime RestorePointStore::liveSince() const
{
    const QFileInfo info(liveOverlay());
    QDateTime since = info.birthTime();
    if (!since.isValid()) {
        QString parent;
        RestorePoint point;
        if (liveParent(&parent) && find(parent, &point))
            since = point.time;
    }
    return since.toUTC();
}

QString RestorePointStore::nextId() const
{
    int highest = 0;
    const QStringList files = QDir(directory()).entryList(QDir::Files);
    for (const QString &file : files) {
        const QString id = QFileInfo(file).completeBaseName();
        if (RestorePoint::isValidId(id))
            highest = std::max(highest, id.toInt());
    }
    return QString::number(highest + 1);
}

VmError RestorePointStore::writeMetadata(const RestorePoint &point) const
{
    QString errorText;
    if (!writeJson(metadataPath(point.id), point.toJson(), &errorText))
        return VmError(VmError::DiskFailed, tr("Could not save the restore point's details. Check free disk space and that your data folder is writable."),
                       errorText);
    return {};
}

bool RestorePointStore::recoverTake() const
{
    const QJsonObject intent = readJson(takeIntentPath());
    if (!QFileInfo::exists(takeIntentPath()))
        return false;
    const QString id = intent.value(QStringLiteral("id")).toString();
    QString parent;
    if (RestorePoint::isValidId(id) && liveParent(&parent) && parent == id) {
        // The new overlay is in place: the point exists; finish it.
        setReadOnly(imagePath(id), true);
        ReadyState::sync(imagePath(id));
        qCInfo(lcVmBackend) << "finished restore point" << id << "interrupted by a crash";
    } else if (RestorePoint::isValidId(id)) {
        // Not swapped yet: the live overlay still holds everything; the point's link goes.
        removeSynced(imagePath(id));
        removeSynced(metadataPath(id));
        qCInfo(lcVmBackend) << "reverted restore point" << id << "interrupted by a crash";
    }
    removeSynced(takeIntentPath());
    return true;
}

bool RestorePointStore::recover() const
{
    bool found = recoverTake();
    if (QFileInfo::exists(mergeIntentPath())) {
        found = true;
        // A merge only moves forward: rebasing again is harmless, so it is finished.
        if (VmError error = finishMerge(readJson(mergeIntentPath())); error.isError())
            qCWarning(lcVmBackend) << "could not finish an interrupted merge of restore points:" << error.toString();
    }
    QFile::remove(liveOverlay() + QStringLiteral(".new"));
    return found;
}

VmError RestorePointStore::ensureLive() const
{
    recover();
    QString parent;
    if (liveParent(&parent)) {
        OverlayDisk(parentImage(parent), liveOverlay()).removeDiscarded();
        return {};
    }
    return OverlayDisk(m_baseDisk, liveOverlay()).ensure();
}

VmError RestorePointStore::take(const QString &reason, const QString &name, bool breachFree, RestorePoint *taken) const
{
    recover();
    QString parent;
    if (!liveParent(&parent))
        return VmError(VmError::DiskFailed, tr("There are no kept changes yet to make a restore point of: start the appliance once in “Keep changes” mode, then take one."),
                       liveOverlay());
    if (!QDir().mkpath(directory()))
        return VmError(VmError::DiskFailed, tr("Could not create the folder for restore points. Check that your data folder is writable."), directory());
    RestorePoint point;
    point.id = nextId();
    point.parent = parent;
    point.time = QDateTime::currentDateTimeUtc();
    point.reason = reason;
    point.breachFree = breachFree;
    point.name = name.left(200);

    QString errorText;
    if (!writeJson(takeIntentPath(), QJsonObject{{QStringLiteral("id"), point.id}}, &errorText))
        return VmError(VmError::DiskFailed, tr("Could not start the restore point. Check free disk space and that your data folder is writable."), errorText);
    stopHere("take-intent");
    if (VmError error = writeMetadata(point); error.isError()) {
        recover();
        return error;
    }
    // A second name for the live overlay's data becomes the point; the commit is the swap below.
    if (::link(QFile::encodeName(liveOverlay()).constData(), QFile::encodeName(imagePath(point.id)).constData()) != 0) {
        errorText = QString::fromLocal8Bit(strerror(errno));
        recover();
        return VmError(VmError::DiskFailed, tr("Could not keep the appliance's changes as a restore point. Check that your data folder is writable."), errorText);
    }
    ReadyState::sync(directory(), true);
    stopHere("take-linked");
    if (VmError error = OverlayDisk(imagePath(point.id), liveOverlay()).reset(); error.isError()) {
        recover();
        return error;
    }
    stopHere("take-swapped");
    setReadOnly(imagePath(point.id), true);
    ReadyState::sync(imagePath(point.id));
    OverlayDisk(imagePath(point.id), liveOverlay()).removeDiscarded(); // only a second name of the point
    removeSynced(takeIntentPath());
    qCInfo(lcVmBackend) << "restore point" << point.id << "taken (" << reason << ") on" << (parent.isEmpty() ? QStringLiteral("the base") : parent);
    if (taken)
        *taken = point;
    return applyRetention(retention());
}

VmError RestorePointStore::rollbackTo(const QString &id, bool liveBreachFree) const
{
    recover();
    RestorePoint target;
    if (!id.isEmpty() && !find(id, &target))
        return VmError(VmError::DiskFailed, tr("There is no restore point “%1”. List the restore points and choose one of them.").arg(id));
    QString parent;
    if (liveParent(&parent) && liveHasChanges()) {
        // A mis-click must not lose anything: the changes become a point of their own.
        if (VmError error = take(RestorePoint::beforeRollback(), {}, liveBreachFree); error.isError())
            return error;
    }
    stopHere("rollback-kept");
    if (!id.isEmpty() && !find(id, &target)) // the retention just applied may have merged it
        return VmError(VmError::DiskFailed, tr("The restore point “%1” was merged away while the current changes were kept. Choose another restore point.").arg(id));
    if (VmError error = OverlayDisk(parentImage(id), liveOverlay()).reset(); error.isError())
        return error;
    qCInfo(lcVmBackend) << "rolled back to" << (id.isEmpty() ? QStringLiteral("the base") : QStringLiteral("restore point ") + id);
    return {};
}

VmError RestorePointStore::setPinned(const QString &id, bool pinned) const
{
    RestorePoint point;
    if (!find(id, &point))
        return VmError(VmError::DiskFailed, tr("There is no restore point “%1”. List the restore points and choose one of them.").arg(id));
    point.pinned = pinned;
    return writeMetadata(point);
}

VmError RestorePointStore::rename(const QString &id, const QString &name) const
{
    RestorePoint point;
    if (!find(id, &point))
        return VmError(VmError::DiskFailed, tr("There is no restore point “%1”. List the restore points and choose one of them.").arg(id));
    point.name = name.left(200);
    return writeMetadata(point);
}

int RestorePointStore::retention() const
{
    const int keep = readJson(directory() + QStringLiteral("/policy.json")).value(QStringLiteral("keep")).toInt(DefaultRetention);
    return std::clamp(keep, 1, MaxRetention);
}

VmError RestorePointStore::setRetention(int keep) const
{
    QString errorText;
    if (!QDir().mkpath(directory())
        || !writeJson(directory() + QStringLiteral("/policy.json"), QJsonObject{{QStringLiteral("keep"), std::clamp(keep, 1, MaxRetention)}}, &errorText))
        return VmError(VmError::DiskFailed, tr("Could not save how many restore points to keep. Check that your data folder is writable."), errorText);
    return {};
}

VmError RestorePointStore::applyRetention(int keep) const
{
    for (;;) {
        QList<RestorePoint> unpinned = list();
        unpinned.erase(std::remove_if(unpinned.begin(), unpinned.end(), [](const RestorePoint &p) { return p.pinned; }), unpinned.end());
        if (unpinned.size() <= std::max(keep, 0))
            return {};
        if (VmError error = merge(unpinned.constFirst().id); error.isError())
            return error;
    }
}

VmError RestorePointStore::merge(const QString &id) const
{
    recover();
    RestorePoint point;
    if (!find(id, &point))
        return VmError(VmError::DiskFailed, tr("There is no restore point “%1”. List the restore points and choose one of them.").arg(id));
    QJsonArray children;
    for (const RestorePoint &other : list()) {
        if (other.parent == id)
            children.append(other.id);
    }
    QString liveOn;
    const bool liveChild = liveParent(&liveOn) && liveOn == id;
    const QJsonObject intent{{QStringLiteral("id"), id}, {QStringLiteral("parent"), point.parent},
                             {QStringLiteral("children"), children}, {QStringLiteral("live"), liveChild}};
    QString errorText;
    if (!writeJson(mergeIntentPath(), intent, &errorText))
        return VmError(VmError::DiskFailed, tr("Could not start merging an old restore point. Check free disk space and that your data folder is writable."), errorText);
    stopHere("merge-intent");
    return finishMerge(intent);
}

VmError RestorePointStore::finishMerge(const QJsonObject &intent) const
{
    const QString id = intent.value(QStringLiteral("id")).toString();
    const QString parent = intent.value(QStringLiteral("parent")).toString();
    if (!RestorePoint::isValidId(id) || (!parent.isEmpty() && !RestorePoint::isValidId(parent))) {
        removeSynced(mergeIntentPath()); // unreadable: nothing was changed before it was complete
        return {};
    }
    QStringList children;
    for (const QJsonValue &child : intent.value(QStringLiteral("children")).toArray()) {
        if (RestorePoint::isValidId(child.toString()))
            children.append(child.toString());
    }
    QStringList images;
    for (const QString &child : children)
        images.append(imagePath(child));
    if (intent.value(QStringLiteral("live")).toBool())
        images.append(liveOverlay());

    const QString target = parentImage(parent);
    for (const QString &image : images) {
        if (!QFileInfo::exists(image) || backingOf(image) == target)
            continue; // done before the interruption
        const bool point = image != liveOverlay();
        if (point)
            setReadOnly(image, false);
        stopHere("merge-rebasing");
        QString errorText;
        // Safe mode: copies into the child whatever differs between the old and the new backing
        // chain, then switches the header; what the child shows never changes.
        if (!QemuImg::run({QStringLiteral("rebase"), QStringLiteral("-f"), QStringLiteral("qcow2"), QStringLiteral("-b"), target,
                         QStringLiteral("-F"), QStringLiteral("qcow2"), image}, QemuImgTimeoutMs, nullptr, &errorText))
            return VmError(VmError::DiskFailed, tr("Could not merge an old restore point. Check free disk space; the merge is finished at the next start."), errorText);
        ReadyState::sync(image);
        if (point)
            setReadOnly(image, true);
        stopHere("merge-rebased");
    }
    for (const QString &child : children) {
        RestorePoint point;
        if (find(child, &point) && point.parent == id) {
            point.parent = parent;
            if (VmError error = writeMetadata(point); error.isError())
                return error;
        }
    }
    stopHere("merge-metadata");
    removeSynced(metadataPath(id));
    removeSynced(imagePath(id));
    removeSynced(mergeIntentPath());
    qCInfo(lcVmBackend) << "restore point" << id << "merged into" << images.size() << "children";
    return {};
}

bool RestorePointStore::breachFreeSince(const QString &logsRoot, const QString &appliance, const QDateTime &since)
{
    // Both generations: a breach since then may be in the rotated one.
    const QList<BreachEvent> events = BreachLog::readFile(BreachLog(logsRoot).fileFor(appliance));
    return std::none_of(events.cbegin(), events.cend(), [&](const BreachEvent &event) {
        return event.appliance == appliance && (!since.isValid() || event.time >= since || event.windowEnd >= since);
    });
}
