#include "storejournal.h"

#include "jsonlinesfile.h"
#include "storefiles.h"
#include "storejournalformat.h"
#include "storepath.h"
#include "vmbackendlog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QAtomicInteger>

#include <deque>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

constexpr qint64 ChunkBytes = 1 << 20;

bool isHash(const QString &hash)
{
    return hash.size() == 64
        && std::all_of(hash.cbegin(), hash.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

// Reads @p fd from its start to its end, handing each chunk to @p take.
bool readFromStart(int fd, const std::function<bool(const char *, qint64)> &take)
{
    QByteArray buffer(ChunkBytes, Qt::Uninitialized);
    off_t offset = 0;
    while (true) {
        const ssize_t n = ::pread(fd, buffer.data(), size_t(buffer.size()), offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            return true;
        if (!take(buffer.constData(), n))
            return false;
        offset += n;
    }
}

} // namespace

StoreJournal::StoreJournal(const QString &journalDir, const QString &storeRoot) : m_dir(journalDir), m_storeRoot(storeRoot) {}

StoreFiles StoreJournal::files() const
{
    return StoreFiles(m_storeRoot);
}

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
    if (!isHash(hash))
        return {};
    QFile file(objectPath(hash));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void StoreJournal::step(const char *name) const
{
    if (afterStep)
        afterStep(name);
}

bool StoreJournal::open(QString *error)
{
    if (!QDir().mkpath(m_dir + QStringLiteral("/objects"))) {
        if (error)
            *error = tr("The store's history folder %1 cannot be created. Check that the disk is not full and the folder is writable.").arg(m_dir);
        return false;
    }
    // The history holds copies of the person's files: nobody else may read it.
    ::chmod(QFile::encodeName(m_dir).constData(), 0700);
    ::chmod(QFile::encodeName(m_dir + QStringLiteral("/objects")).constData(), 0700);
    const QStringList stale = QDir(m_dir + QStringLiteral("/objects")).entryList({QStringLiteral("incoming.*")}, QDir::Files | QDir::System);
    for (const QString &name : stale)
        QFile::remove(m_dir + QStringLiteral("/objects/") + name); // copies a crash left half made

    m_changes.clear();
    m_current.clear();
    m_currentMode.clear();
    m_nextSequence = 1;
    QFile journal(m_dir + QStringLiteral("/journal.jsonl"));
    if (journal.exists() && !journal.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("The store's history %1 cannot be read. Check its permissions.").arg(journal.fileName());
        return false;
    }
    const StoreJournalFormat::Contents contents = journal.isOpen() ? StoreJournalFormat::read(&journal) : StoreJournalFormat::Contents();
    journal.close();
    m_complete = contents.complete;
    if (contents.skippedLines)
        qCWarning(lcVmBackend) << "the store's history has" << contents.skippedLines << "unreadable lines"
                               << (contents.complete ? "(torn by crashes)" : "(some too long to read: nothing is pruned)");
    for (const Change &change : contents.changes) {
        m_changes.append(change);
        m_current.insert(change.path, change.after);
        m_currentMode.insert(change.path, change.mode);
        m_nextSequence = qMax(m_nextSequence, change.sequence + 1);
    }
    if (!contents.openUndo)
        return true;
    const StoreJournalFormat::Intent &intent = *contents.openUndo;
    m_nextSequence = qMax(m_nextSequence, intent.id + 1);
    if (!intent.committed) {
        // Its intent never reached the disk whole, so no file was touched for it.
        qCInfo(lcVmBackend) << "closing an undo of" << intent.actor << "whose intent a crash cut short; nothing was changed";
        return append(StoreJournalFormat::undoEndLine(intent.id), error);
    }
    return finishInterruptedUndo(intent.id, intent.actor, intent.items, intent.changedSince, error);
}

bool StoreJournal::append(const QByteArray &jsonLine, QString *error)
{
    const QString path = m_dir + QStringLiteral("/journal.jsonl");
    const bool ok = JsonLinesFile::append(path, jsonLine);
    if (!ok && error)
        *error = tr("The store's history %1 cannot be written. Check that the disk is not full.").arg(path);
    return ok;
}

bool StoreJournal::storeObject(const QString &relativePath, Snapshot *snapshot, QString *error, bool likelyKnown)
{
    *snapshot = Snapshot();
    struct stat st;
    const int fd = files().openForReading(relativePath, &st);
    if (fd < 0)
        return true; // absent, or not a regular file of the store (a link is not)
    QFile guard;
    guard.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle);
    snapshot->exists = true;
    snapshot->mode = int(st.st_mode & 0777);
    const QString cannotKeep =
        tr("The store's history cannot keep a copy of %1. Check that the disk is not full.").arg(StorePath::display(relativePath));
    QCryptographicHash sha(QCryptographicHash::Sha256);
    if (likelyKnown) {
        // First only the hash: most contents are known already, and reading is cheaper than writing.
        if (!readFromStart(fd, [&sha](const char *data, qint64 n) { sha.addData(QByteArrayView(data, n)); return true; })) {
            snapshot->exists = false;
            return true;
        }
    }
    QString hash = QString::fromLatin1(sha.result().toHex());
    if (!likelyKnown || !QFileInfo::exists(objectPath(hash))) {
        // Copy it, hashing (again): the file may have changed since, and an object's name is
        // always the hash of what it holds.
        static QAtomicInteger<quint32> counter;
        const QString temporary = m_dir + QStringLiteral("/objects/incoming.%1.%2").arg(::getpid()).arg(counter.fetchAndAddRelaxed(1));
        const int out = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (out < 0) {
            if (error)
                *error = cannotKeep;
            return false;
        }
        sha.reset();
        const bool copied = readFromStart(fd, [&sha, out](const char *data, qint64 n) {
            sha.addData(QByteArrayView(data, n));
            return StoreFiles::writeAll(out, data, n);
        });
        hash = QString::fromLatin1(sha.result().toHex());
        const QString final = objectPath(hash);
        const bool known = copied && QFileInfo::exists(final);
        const bool synced = copied && (known || ::fsync(out) == 0);
        ::close(out);
        if (!synced || (!known && ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(final).constData()) != 0)) {
            QFile::remove(temporary);
            if (error)
                *error = cannotKeep;
            return false;
        }
        QFile::remove(temporary); // when the object existed already
    }
    snapshot->hash = hash;
    struct stat after;
    if (::fstat(fd, &after) == 0 && after.st_size == st.st_size && after.st_mtim.tv_sec == st.st_mtim.tv_sec
        && after.st_mtim.tv_nsec == st.st_mtim.tv_nsec && after.st_ctim.tv_sec == st.st_ctim.tv_sec
        && after.st_ctim.tv_nsec == st.st_ctim.tv_nsec) {
        if (m_readInodes.size() >= 4096)
            m_readInodes.clear(); // a cache for renames right after a write, not a catalogue
        m_readInodes.insert({quint64(st.st_dev), quint64(st.st_ino)},
                            {qint64(st.st_size), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec, *snapshot});
    }
    return true;
}

bool StoreJournal::appendChange(const QString &relativePath, const Snapshot &now, const QString &actor, QString *error)
{
    Change change;
    change.sequence = m_nextSequence++;
    change.time = QDateTime::currentDateTimeUtc();
    change.actor = actor;
    change.path = relativePath;
    change.before = m_current.value(relativePath);
    change.beforeMode = change.before.isEmpty() ? -1 : m_currentMode.value(relativePath, -1);
    change.after = now.hash;
    change.mode = now.exists ? now.mode : -1;
    if (!append(StoreJournalFormat::changeLine(change), error))
        return false;
    m_changes.append(change);
    m_current.insert(relativePath, change.after);
    m_currentMode.insert(relativePath, change.mode);
    return true;
}

bool StoreJournal::record(const QString &relativePath, const QString &actor, QString *error)
{
    return recordPath(relativePath, actor, false, error);
}

bool StoreJournal::recordOwn(const QString &relativePath, const QString &actor, const QString &ownActor, const QString &ownHash,
                             QString *error, bool likelyKnown)
{
    return recordPath(relativePath, actor, likelyKnown, error, ownActor, ownHash);
}

bool StoreJournal::recordPath(const QString &relativePath, const QString &actor, bool likelyKnown, QString *error,
                              const QString &ownActor, const QString &ownHash)
{
    if (!StorePath::isValidRelative(relativePath))
        return true; // not a name the store can hold; nothing to keep
    Snapshot now;
    struct stat st;
    const auto read = likelyKnown && files().stat(relativePath, &st) && S_ISREG(st.st_mode)
        ? m_readInodes.constFind({quint64(st.st_dev), quint64(st.st_ino)})
        : m_readInodes.cend();
    if (read != m_readInodes.cend() && read->size == st.st_size
        && read->modifiedNs == qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec) {
        now = read->snapshot; // renamed after it was read, not written since
    } else if (!storeObject(relativePath, &now, error, likelyKnown)) {
        return false;
    }
    if (now.hash == m_current.value(relativePath))
        return true; // nothing new (a second event for the same write, or an identical rewrite)
    // Tessera's only when it holds exactly what Tessera wrote there.
    const bool own = !ownActor.isEmpty() && now.hash == ownHash;
    return appendChange(relativePath, now, own ? ownActor : actor, error);
}

bool StoreJournal::recordWritten(const QString &relativePath, const QString &hash, int mode, const QString &actor, QString *error)
{
    if (hash == m_current.value(relativePath))
        return true;
    Snapshot written;
    written.exists = !hash.isEmpty();
    written.hash = hash;
    written.mode = mode;
    return appendChange(relativePath, written, actor, error);
}

bool StoreJournal::scan(const QString &relativeFolder, const std::function<QString(const QString &)> &actorOf, QString *error)
{
    const StoreFiles store = files();
    QSet<QString> present;
    if (!store.root().isEmpty()) {
        QStringList folders{relativeFolder};
        while (!folders.isEmpty()) {
            const QString folder = folders.takeLast();
            QList<StoreFiles::Entry> entries;
            if (!StoreFiles::list(folder.isEmpty() ? store.root() : store.absolute(folder), &entries))
                continue; // gone, or a link: nothing below it belongs to the store
            for (const StoreFiles::Entry &entry : std::as_const(entries)) {
                const QString relative = folder.isEmpty() ? entry.name : folder + QLatin1Char('/') + entry.name;
                if (entry.folder) {
                    folders.append(relative);
                } else if (entry.file) {
                    present.insert(relative);
                    if (!recordPath(relative, actorOf(relative), true, error))
                        return false;
                }
            }
        }
    }
    // Files the journal knows that are gone were deleted (or moved away) while nobody watched.
    const QString prefix = relativeFolder.isEmpty() ? QString() : relativeFolder + QLatin1Char('/');
    const QStringList known = m_current.keys();
    for (const QString &path : known) {
        if (path.startsWith(prefix) && !m_current.value(path).isEmpty() && !present.contains(path) && !record(path, actorOf(path), error))
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
            item.restoreMode = change.beforeMode;
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

bool StoreJournal::restoreFile(const QString &relativePath, const QString &hash, int mode, const QString &actor, QString *error)
{
    if (hash.isEmpty())
        return files().remove(relativePath, actor, error) && recordWritten(relativePath, QString(), -1, actor, error);
    QFile source(objectPath(hash));
    if (!isHash(hash) || !source.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("%1 could not be restored: its earlier content is missing from the history.").arg(StorePath::display(relativePath));
        return false;
    }
    StoreFiles::WriteOptions options;
    options.actor = actor;
    options.mode = mode < 0 ? StoreFiles::DefaultMode : mode;
    QString written;
    if (!files().write(relativePath, &source, options, error, &written))
        return false;
    if (written != hash)
        qCWarning(lcVmBackend) << "object" << hash << "of the store's history does not hold what its name says";
    return recordWritten(relativePath, written, options.mode & 0777, actor, error);
}

bool StoreJournal::keepCopy(const UndoItem &item, const QString &actor, QString *error)
{
    if (item.keepCopyAs.isEmpty() || files().exists(item.keepCopyAs))
        return true; // no copy wanted, or made before a crash: never overwritten
    const QString current = m_current.value(item.path);
    if (current.isEmpty())
        return true; // nothing current to keep
    return restoreFile(item.keepCopyAs, current, m_currentMode.value(item.path, -1), undoActor(actor), error);
}

bool StoreJournal::undoItem(const UndoItem &item, const QString &actor, bool *leftAsIs, QString *error)
{
    *leftAsIs = false;
    Snapshot now;
    if (!storeObject(item.path, &now, error, true))
        return false;
    if (now.hash == item.restore) // restored already (before a crash), or by someone else
        return record(item.path, undoActor(actor), error);
    if (item.hasCurrent && now.hash != item.current) {
        // Changed since the plan: the person's (or anyone's) newer content is never overwritten.
        *leftAsIs = true;
        return true;
    }
    if (now.hash != m_current.value(item.path) && !appendChange(item.path, now, unknownActor(), error))
        return false;
    return keepCopy(item, actor, error) && restoreFile(item.path, item.restore, item.restoreMode, undoActor(actor), error);
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
    const StoreFiles store = files();
    QList<UndoItem> chosen;
    QSet<QString> taken; // copy names given to earlier items of this undo
    for (UndoItem item : plan) {
        if (item.conflict) {
            if (!takeEarlier.contains(item.path))
                continue;
            for (int attempt = 1; attempt < 1000; ++attempt) {
                const QString candidate = keptCopyName(item.path, now, attempt);
                if (!taken.contains(candidate) && m_current.value(candidate).isEmpty() && StorePath::isValidRelative(candidate)
                    && !store.exists(candidate)) {
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

bool StoreJournal::applyUndo(const QString &actor, const QList<UndoItem> &items, QString *error, QStringList *leftAsIs)
{
    // A copy's name taken since choose(): stop before anything is touched, never overwrite.
    const StoreFiles store = files();
    for (const UndoItem &item : items) {
        if (!item.keepCopyAs.isEmpty() && store.exists(item.keepCopyAs)) {
            if (error)
                *error = tr("%1 exists already, so the current version of %2 cannot be kept under that name. Nothing was undone; preview the undo again.")
                             .arg(StorePath::display(item.keepCopyAs), StorePath::display(item.path));
            return false;
        }
    }
    // The intent first, in bounded pieces, then its commit: a crash before the commit leaves an
    // intent the next open() closes (nothing was touched), one after it is finished there.
    const qint64 id = m_nextSequence++;
    if (!append(StoreJournalFormat::undoBeginLine(id, actor), error))
        return false;
    step("undo-begin");
    for (const QByteArray &piece : StoreJournalFormat::undoItemLines(id, items)) {
        if (!append(piece, error))
            return false;
        step("undo-items");
    }
    if (!append(StoreJournalFormat::undoCommitLine(id, int(items.size())), error))
        return false;
    step("undo-commit");
    for (const UndoItem &item : items) {
        bool left = false;
        if (!undoItem(item, actor, &left, error))
            return false; // the intent stays open: the next open() tries again
        if (left && leftAsIs)
            leftAsIs->append(item.path);
        step("file");
    }
    return append(StoreJournalFormat::undoEndLine(id), error);
}

bool StoreJournal::finishInterruptedUndo(qint64 id, const QString &actor, const QList<UndoItem> &items, const QSet<QString> &changedSince,
                                         QString *error)
{
    qCInfo(lcVmBackend) << "finishing an undo of" << actor << "interrupted by a crash";
    for (UndoItem item : items) {
        if (changedSince.contains(item.path)) {
            qCInfo(lcVmBackend) << "left as it is, changed after the undo began:" << StorePath::display(item.path);
            continue;
        }
        if (!item.hasCurrent) {
            // An intent from before "current" was journaled: what the appliance left is the
            // last change not made by the undo.
            item.current = m_current.value(item.path);
            for (auto it = m_changes.crbegin(); it != m_changes.crend(); ++it) {
                if (it->path == item.path && it->actor != undoActor(actor)) {
                    item.current = it->after;
                    break;
                }
            }
            item.hasCurrent = true;
        }
        bool left = false;
        if (!undoItem(item, actor, &left, error))
            return false;
        if (left) {
            // Changed while Tessera was not running: kept, and recorded as such.
            qCInfo(lcVmBackend) << "left as it is, changed since the undo began:" << StorePath::display(item.path);
            if (!record(item.path, unknownActor(), error))
                return false;
        }
    }
    return append(StoreJournalFormat::undoEndLine(id), error);
}

qint64 StoreJournal::prune(const QDateTime &keepSince)
{
    if (!m_complete) {
        qCWarning(lcVmBackend) << "the store's history was not read whole: not pruned";
        return storageBytes();
    }
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
        rewritten.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        for (const Change &change : std::as_const(kept))
            rewritten.write(StoreJournalFormat::changeLine(change) + '\n');
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
        int tooLong = 0;
        StoreJournalFormat::forEachLine(&journal, [&](const QByteArray &line) {
            // Cheap test before parsing: most lines of a long history are changes.
            if (!line.contains("\"change\""))
                return;
            const auto change = StoreJournalFormat::parseChange(line);
            if (!change)
                return;
            ++total.entries;
            if (!total.oldest.isValid() || change->time < total.oldest)
                total.oldest = change->time;
            if (!total.newest.isValid() || change->time > total.newest)
                total.newest = change->time;
            if (!actor.isEmpty() && change->actor != actor && change->actor != undoOf)
                return;
            newest.push_back(*change);
            if (limit >= 0 && int(newest.size()) > limit)
                newest.pop_front();
        }, &tooLong);
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
