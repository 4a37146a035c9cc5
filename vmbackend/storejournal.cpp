#include "storejournal.h"

#include "jsonlinesfile.h"
#include "vmbackendlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSet>

#include <deque>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qint64 ChunkBytes = 1 << 20;
constexpr qint64 MaxLineBytes = 1 << 20; // an undo intent lists many files

QString isoTime(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

bool syncFile(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    const bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// True when every component of @p relative below @p root exists as a real folder (the last
// one may be missing or a regular file): nothing Tessera writes goes through a link.
bool noLinksBelow(const QString &root, const QString &relative)
{
    if (relative.isEmpty() || relative.startsWith(QLatin1Char('/')) || relative.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return false;
    QString path = root;
    const QStringList parts = relative.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (int i = 0; i < parts.size(); ++i) {
        path += QLatin1Char('/') + parts.at(i);
        struct stat st;
        if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
            return i == parts.size() - 1; // only the file itself may be missing
        if (S_ISLNK(st.st_mode))
            return false;
        if (i < parts.size() - 1 && !S_ISDIR(st.st_mode))
            return false;
    }
    return true;
}

} // namespace

StoreJournal::StoreJournal(const QString &journalDir, const QString &storeRoot) : m_dir(journalDir), m_storeRoot(storeRoot) {}

QString StoreJournal::hashOf(const QByteArray &content)
{
    return QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex());
}

QString StoreJournal::objectPath(const QString &hash) const
{
    return m_dir + QStringLiteral("/objects/") + hash;
}

QByteArray StoreJournal::object(const QString &hash) const
{
    QFile file(objectPath(hash));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool StoreJournal::open(QString *error)
{
    if (!QDir().mkpath(m_dir + QStringLiteral("/objects"))) {
        if (error)
            *error = tr("The store's history folder %1 cannot be created. Check that the disk is not full and the folder is writable.").arg(m_dir);
        return false;
    }
    m_changes.clear();
    m_current.clear();
    QFile journal(m_dir + QStringLiteral("/journal.jsonl"));
    if (journal.exists() && !journal.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The store's history %1 cannot be read. Check its permissions.").arg(journal.fileName());
        return false;
    }
    while (journal.isOpen()) {
        const QByteArray line = journal.readLine(MaxLineBytes);
        if (line.isEmpty() || !line.endsWith('\n'))
            break; // the end, or a line torn by a crash
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        if (entry.value(QStringLiteral("type")).toString() != QLatin1String("change"))
            continue;
        Change change;
        change.sequence = entry.value(QStringLiteral("seq")).toInteger();
        change.time = QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
        change.actor = entry.value(QStringLiteral("actor")).toString();
        change.path = entry.value(QStringLiteral("path")).toString();
        change.before = entry.value(QStringLiteral("before")).toString();
        change.after = entry.value(QStringLiteral("after")).toString();
        if (change.path.isEmpty() || !change.time.isValid())
            continue;
        m_changes.append(change);
        m_current.insert(change.path, change.after);
        m_nextSequence = qMax(m_nextSequence, change.sequence + 1);
    }
    journal.close();
    return finishInterruptedUndo(error);
}

bool StoreJournal::append(const QByteArray &jsonLine, QString *error)
{
    const QString path = m_dir + QStringLiteral("/journal.jsonl");
    const bool ok = JsonLinesFile::append(path, jsonLine);
    if (!ok && error)
        *error = tr("The store's history %1 cannot be written. Check that the disk is not full.").arg(path);
    return ok;
}

bool StoreJournal::storeObject(const QString &absolutePath, QString *hash, bool *exists, QString *error)
{
    // O_NOFOLLOW: a link planted in the store is not a file of the store.
    const int fd = ::open(QFile::encodeName(absolutePath).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        *exists = false;
        hash->clear();
        return true;
    }
    struct stat st;
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *exists = false;
        hash->clear();
        return true;
    }
    *exists = true;
    QFile in;
    in.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    const QString temporary = m_dir + QStringLiteral("/objects/incoming.%1").arg(::getpid());
    QFile out(temporary);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("The store's history cannot keep a copy of %1. Check that the disk is not full.").arg(absolutePath);
        return false;
    }
    QCryptographicHash sha(QCryptographicHash::Sha256);
    while (!in.atEnd()) {
        const QByteArray chunk = in.read(ChunkBytes);
        if (chunk.isEmpty())
            break;
        sha.addData(chunk);
        if (out.write(chunk) != chunk.size()) {
            out.remove();
            if (error)
                *error = tr("The store's history cannot keep a copy of %1. Check that the disk is not full.").arg(absolutePath);
            return false;
        }
    }
    out.close();
    *hash = QString::fromLatin1(sha.result().toHex());
    const QString final = objectPath(*hash);
    if (QFileInfo::exists(final)) {
        QFile::remove(temporary);
        return true;
    }
    if (!syncFile(temporary) || ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(final).constData()) != 0) {
        QFile::remove(temporary);
        if (error)
            *error = tr("The store's history cannot keep a copy of %1. Check that the disk is not full.").arg(absolutePath);
        return false;
    }
    return true;
}

bool StoreJournal::record(const QString &relativePath, const QString &actor, QString *error)
{
    QString hash;
    bool exists = false;
    if (!storeObject(m_storeRoot + QLatin1Char('/') + relativePath, &hash, &exists, error))
        return false;
    const QString before = m_current.value(relativePath);
    if (hash == before)
        return true; // nothing new (a second event for the same write, or an identical rewrite)
    Change change;
    change.sequence = m_nextSequence++;
    change.time = QDateTime::currentDateTimeUtc();
    change.actor = actor;
    change.path = relativePath;
    change.before = before;
    change.after = hash;
    const QJsonObject entry{{QStringLiteral("type"), QStringLiteral("change")}, {QStringLiteral("seq"), change.sequence},
                            {QStringLiteral("time"), isoTime(change.time)},     {QStringLiteral("actor"), actor},
                            {QStringLiteral("path"), relativePath},             {QStringLiteral("before"), before},
                            {QStringLiteral("after"), hash}};
    if (!append(QJsonDocument(entry).toJson(QJsonDocument::Compact), error))
        return false;
    m_changes.append(change);
    m_current.insert(relativePath, hash);
    return true;
}

bool StoreJournal::scan(const QString &relativeFolder, const QString &actor, QString *error)
{
    const QString base = m_storeRoot + QLatin1Char('/') + relativeFolder;
    QSet<QString> present;
    QDirIterator it(base, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString relative = it.next().mid(m_storeRoot.size() + 1);
        present.insert(relative);
        if (!record(relative, actor, error))
            return false;
    }
    // Files the journal knows that are gone were deleted while nobody watched.
    const QString prefix = relativeFolder + QLatin1Char('/');
    const QStringList known = m_current.keys();
    for (const QString &path : known) {
        if (path.startsWith(prefix) && !m_current.value(path).isEmpty() && !present.contains(path) && !record(path, actor, error))
            return false;
    }
    return true;
}

QList<StoreJournal::UndoItem> StoreJournal::planUndo(const QString &actor, const QDateTime &since) const
{
    QList<UndoItem> items;
    QHash<QString, int> itemOf;
    for (const Change &change : m_changes) {
        if (change.time < since)
            continue;
        const auto found = itemOf.constFind(change.path);
        if (found == itemOf.cend()) {
            if (change.actor != actor)
                continue; // others' changes before the appliance's first one stay as they are
            UndoItem item;
            item.path = change.path;
            item.restore = change.before;
            itemOf.insert(change.path, int(items.size()));
            items.append(item);
            continue;
        }
        UndoItem &item = items[*found];
        if (change.actor != actor && !item.laterActors.contains(change.actor))
            item.laterActors.append(change.actor);
        // Changed by someone else after the appliance: the person decides, never silently.
        item.conflict = !item.laterActors.isEmpty();
    }
    for (UndoItem &item : items)
        item.current = m_current.value(item.path);
    // Nothing to do where the content is already what it was.
    items.erase(std::remove_if(items.begin(), items.end(), [](const UndoItem &i) { return i.restore == i.current; }), items.end());
    return items;
}

bool StoreJournal::restoreFile(const QString &relativePath, const QString &hash, QString *error)
{
    const QString target = m_storeRoot + QLatin1Char('/') + relativePath;
    if (!noLinksBelow(m_storeRoot, relativePath)) {
        if (error)
            *error = tr("%1 is not restored: a folder on its way is a link or is missing. Restore it by hand from the history.").arg(relativePath);
        return false;
    }
    if (hash.isEmpty()) {
        if (::unlink(QFile::encodeName(target).constData()) != 0 && errno != ENOENT) {
            if (error)
                *error = tr("%1 could not be removed. Check its permissions.").arg(relativePath);
            return false;
        }
        return true;
    }
    QFile source(objectPath(hash));
    const QString staged = target + QStringLiteral(".tessera-undo");
    QFile out(staged);
    if (!source.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        if (error)
            *error = tr("%1 could not be restored: its earlier content is missing from the history or the folder is not writable.").arg(relativePath);
        return false;
    }
    while (!source.atEnd()) {
        const QByteArray chunk = source.read(ChunkBytes);
        if (chunk.isEmpty() || out.write(chunk) != chunk.size())
            break;
    }
    out.close();
    if (!syncFile(staged) || ::rename(QFile::encodeName(staged).constData(), QFile::encodeName(target).constData()) != 0) {
        QFile::remove(staged);
        if (error)
            *error = tr("%1 could not be restored. Check that the disk is not full.").arg(relativePath);
        return false;
    }
    return true;
}

bool StoreJournal::keepCopy(const UndoItem &item, const QString &actor, QString *error)
{
    if (item.keepCopyAs.isEmpty())
        return true;
    struct stat st;
    if (::lstat(QFile::encodeName(m_storeRoot + QLatin1Char('/') + item.keepCopyAs).constData(), &st) == 0)
        return true; // made before a crash; never overwritten
    QString hash;
    bool exists = false;
    if (!storeObject(m_storeRoot + QLatin1Char('/') + item.path, &hash, &exists, error))
        return false;
    if (!exists)
        return true; // nothing current to keep
    return restoreFile(item.keepCopyAs, hash, error) && record(item.keepCopyAs, undoActor(actor), error);
}

QString StoreJournal::keptCopyName(const QString &relativePath, const QDateTime &time, int attempt)
{
    const int slash = int(relativePath.lastIndexOf(QLatin1Char('/')));
    const QString folder = relativePath.left(slash + 1);
    const QString name = relativePath.mid(slash + 1);
    // The extension is what follows the last dot, unless the name starts with it (".bashrc").
    const int dot = int(name.lastIndexOf(QLatin1Char('.')));
    const QString stem = dot > 0 ? name.left(dot) : name;
    const QString extension = dot > 0 ? name.mid(dot) : QString();
    QString tag = QStringLiteral(" (kept %1)").arg(time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH.mm")));
    if (attempt > 1)
        tag = QStringLiteral(" (kept %1 %2)").arg(time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH.mm"))).arg(attempt);
    return folder + stem + tag + extension;
}

QList<StoreJournal::UndoItem> StoreJournal::choose(const QList<UndoItem> &plan, const QStringList &takeEarlier, const QDateTime &now) const
{
    QList<UndoItem> chosen;
    QSet<QString> taken; // copy names given to earlier items of this undo
    for (UndoItem item : plan) {
        if (item.conflict) {
            if (!takeEarlier.contains(item.path))
                continue;
            for (int attempt = 1; attempt < 1000; ++attempt) {
                const QString candidate = keptCopyName(item.path, now, attempt);
                struct stat st;
                if (!taken.contains(candidate) && m_current.value(candidate).isEmpty()
                    && ::lstat(QFile::encodeName(m_storeRoot + QLatin1Char('/') + candidate).constData(), &st) != 0) {
                    item.keepCopyAs = candidate;
                    taken.insert(candidate);
                    break;
                }
            }
            if (item.keepCopyAs.isEmpty())
                continue; // no free name: the current version stays
        }
        chosen.append(item);
    }
    return chosen;
}

bool StoreJournal::applyUndo(const QString &actor, const QList<UndoItem> &items, QString *error)
{
    // A copy's name taken since choose(): stop before anything is touched, never overwrite.
    for (const UndoItem &item : items) {
        struct stat st;
        if (!item.keepCopyAs.isEmpty()
            && ::lstat(QFile::encodeName(m_storeRoot + QLatin1Char('/') + item.keepCopyAs).constData(), &st) == 0) {
            if (error)
                *error = tr("%1 exists already, so the current version of %2 cannot be kept under that name. Nothing was undone; preview the undo again.")
                             .arg(item.keepCopyAs, item.path);
            return false;
        }
    }
    // The intent first: a crash from here on is finished by the next open().
    QJsonArray files;
    for (const UndoItem &item : items) {
        QJsonObject file{{QStringLiteral("path"), item.path}, {QStringLiteral("restore"), item.restore}};
        if (!item.keepCopyAs.isEmpty())
            file.insert(QStringLiteral("keep"), item.keepCopyAs);
        files.append(file);
    }
    const qint64 id = m_nextSequence;
    const QJsonObject begin{{QStringLiteral("type"), QStringLiteral("undo-begin")}, {QStringLiteral("id"), id},
                            {QStringLiteral("actor"), actor}, {QStringLiteral("items"), files}};
    if (!append(QJsonDocument(begin).toJson(QJsonDocument::Compact), error))
        return false;
    for (const UndoItem &item : items) {
        if (!keepCopy(item, actor, error))
            return false;
        if (!restoreFile(item.path, item.restore, error) || !record(item.path, undoActor(actor), error))
            return false; // the intent stays open: the next open() tries again
    }
    const QJsonObject end{{QStringLiteral("type"), QStringLiteral("undo-end")}, {QStringLiteral("id"), id}};
    return append(QJsonDocument(end).toJson(QJsonDocument::Compact), error);
}

bool StoreJournal::finishInterruptedUndo(QString *error)
{
    QFile journal(m_dir + QStringLiteral("/journal.jsonl"));
    if (!journal.open(QIODevice::ReadOnly))
        return true;
    QJsonObject open;
    while (true) {
        const QByteArray line = journal.readLine(MaxLineBytes);
        if (line.isEmpty() || !line.endsWith('\n'))
            break;
        const QJsonObject entry = QJsonDocument::fromJson(line).object();
        const QString type = entry.value(QStringLiteral("type")).toString();
        if (type == QLatin1String("undo-begin"))
            open = entry;
        else if (type == QLatin1String("undo-end") && entry.value(QStringLiteral("id")) == open.value(QStringLiteral("id")))
            open = {};
    }
    if (open.isEmpty())
        return true;
    const QString actor = open.value(QStringLiteral("actor")).toString();
    qCInfo(lcVmBackend) << "finishing an undo of" << actor << "interrupted by a crash";
    const QJsonArray files = open.value(QStringLiteral("items")).toArray();
    for (const QJsonValue &file : files) {
        const QString path = file.toObject().value(QStringLiteral("path")).toString();
        const QString restore = file.toObject().value(QStringLiteral("restore")).toString();
        // Idempotent: files already restored before the crash are left as they are.
        QString now;
        bool exists = false;
        if (!storeObject(m_storeRoot + QLatin1Char('/') + path, &now, &exists, error))
            return false;
        UndoItem item;
        item.path = path;
        item.keepCopyAs = file.toObject().value(QStringLiteral("keep")).toString();
        // The copy is made before the file is restored: when the file is not restored yet and
        // the copy is missing, the crash came before the copy.
        if (now != restore && !keepCopy(item, actor, error))
            return false;
        if (now != restore && !restoreFile(path, restore, error))
            return false;
        if (!record(path, undoActor(actor), error))
            return false;
    }
    const QJsonObject end{{QStringLiteral("type"), QStringLiteral("undo-end")}, {QStringLiteral("id"), open.value(QStringLiteral("id"))}};
    return append(QJsonDocument(end).toJson(QJsonDocument::Compact), error);
}

qint64 StoreJournal::prune(const QDateTime &keepSince)
{
    // Keep every change since keepSince, and each file's latest change before it (the
    // journal's idea of its current content).
    QHash<QString, int> latestBefore;
    for (int i = 0; i < m_changes.size(); ++i) {
        if (m_changes.at(i).time < keepSince)
            latestBefore.insert(m_changes.at(i).path, i);
    }
    QList<Change> kept;
    QSet<QString> referenced;
    for (int i = 0; i < m_changes.size(); ++i) {
        const Change &change = m_changes.at(i);
        if (change.time < keepSince && latestBefore.value(change.path) != i)
            continue;
        kept.append(change);
        referenced.insert(change.after);
        if (change.time >= keepSince)
            referenced.insert(change.before);
    }
    QSaveFile rewritten(m_dir + QStringLiteral("/journal.jsonl"));
    if (rewritten.open(QIODevice::WriteOnly)) {
        for (const Change &change : std::as_const(kept)) {
            const QJsonObject entry{{QStringLiteral("type"), QStringLiteral("change")}, {QStringLiteral("seq"), change.sequence},
                                    {QStringLiteral("time"), isoTime(change.time)},     {QStringLiteral("actor"), change.actor},
                                    {QStringLiteral("path"), change.path},             {QStringLiteral("before"), change.before},
                                    {QStringLiteral("after"), change.after}};
            rewritten.write(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
        }
        if (rewritten.commit()) {
            m_changes = kept;
            // Objects go only after the journal that no longer names them is on disk.
            const QStringList objects = QDir(m_dir + QStringLiteral("/objects")).entryList(QDir::Files);
            for (const QString &object : objects) {
                if (!referenced.contains(object))
                    QFile::remove(objectPath(object));
            }
        }
    }
    return storageBytes();
}

QList<StoreJournal::Change> StoreJournal::readChanges(const QString &journalDir, const QString &actor, int limit, Summary *summary)
{
    Summary total;
    std::deque<Change> newest; // the last `limit` matching, oldest first
    QFile journal(journalDir + QStringLiteral("/journal.jsonl"));
    const QString undoOf = undoActor(actor);
    if (journal.open(QIODevice::ReadOnly)) {
        while (true) {
            const QByteArray line = journal.readLine(MaxLineBytes);
            if (line.isEmpty() || !line.endsWith('\n'))
                break;
            // Cheap test before parsing: most lines of a long history are changes.
            if (!line.contains("\"change\""))
                continue;
            const QJsonObject entry = QJsonDocument::fromJson(line).object();
            if (entry.value(QStringLiteral("type")).toString() != QLatin1String("change"))
                continue;
            Change change;
            change.time = QDateTime::fromString(entry.value(QStringLiteral("time")).toString(), Qt::ISODateWithMs);
            change.path = entry.value(QStringLiteral("path")).toString();
            if (change.path.isEmpty() || !change.time.isValid())
                continue;
            change.sequence = entry.value(QStringLiteral("seq")).toInteger();
            change.actor = entry.value(QStringLiteral("actor")).toString();
            change.before = entry.value(QStringLiteral("before")).toString();
            change.after = entry.value(QStringLiteral("after")).toString();
            ++total.entries;
            if (!total.oldest.isValid() || change.time < total.oldest)
                total.oldest = change.time;
            if (!total.newest.isValid() || change.time > total.newest)
                total.newest = change.time;
            if (!actor.isEmpty() && change.actor != actor && change.actor != undoOf)
                continue;
            newest.push_back(change);
            if (limit >= 0 && int(newest.size()) > limit)
                newest.pop_front();
        }
    }
    if (summary) {
        total.bytes = StoreJournal(journalDir, QString()).storageBytes();
        *summary = total;
    }
    return QList<Change>(newest.rbegin(), newest.rend());
}

qint64 StoreJournal::storageBytes() const
{
    qint64 bytes = QFileInfo(m_dir + QStringLiteral("/journal.jsonl")).size();
    QDirIterator it(m_dir + QStringLiteral("/objects"), QDir::Files);
    while (it.hasNext()) {
        it.next();
        bytes += it.fileInfo().size();
    }
    return bytes;
}
