#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>

class StoreFiles;

/// The history of the personal store, with provenance: every change to a file (who, when,
/// content before and after, kept by hash in a content-addressed object folder), so that what
/// one appliance changed since a point in time can be undone while every later change by
/// others is kept — the seed's "corruption in the middle of the log" question.
///
/// On disk (JOURNAL = DATA/journal, 0700):
///   JOURNAL/journal.jsonl   one JSON object a line (StoreJournalFormat), appended with one
///                           write(2) + fdatasync, every line at most 64 KiB
///   JOURNAL/objects/SHA256  file contents (0600), written to a temporary name, synced, renamed
/// A torn line (a crash while appending) is ignored. An undo is journaled as an intent (begin,
/// the items in bounded pieces, commit) before any file is touched, and finished by the next
/// open() when a crash interrupted it after the commit; an intent never committed touched
/// nothing and is closed. Paths are raw byte names (StorePath); store files are read and
/// written only through StoreFiles (no link followed; Tessera's writes are its own).
///
/// Blocking file I/O throughout: use it off the GUI thread (StoreRecorder does).
class StoreJournal
{
    Q_DECLARE_TR_FUNCTIONS(StoreJournal)
public:
    /// Who changed a file: an appliance name, or one of these.
    static QString hostActor() { return QStringLiteral("host"); }
    static QString unknownActor() { return QStringLiteral("unknown"); }
    /// The actor of the changes an undo of @p appliance makes.
    static QString undoActor(const QString &appliance) { return QStringLiteral("undo:") + appliance; }
    /// The actor of another write Tessera itself makes into the store, for @p purpose
    /// ("salvage", "copy-back"; empty: a write of Tessera's not named otherwise). The colon
    /// keeps it apart from every appliance name, as in undoActor().
    static QString tesseraActor(const QString &purpose = QString())
    {
        return QStringLiteral("tessera:") + (purpose.isEmpty() ? QStringLiteral("write") : purpose);
    }
    /// True for the actors of Tessera's own writes (undos included): never an appliance's.
    static bool isTesseraActor(const QString &actor)
    {
        return actor.startsWith(QLatin1String("undo:")) || actor.startsWith(QLatin1String("tessera:"));
    }

    struct Change
    {
        qint64 sequence = 0;
        QDateTime time;
        QString actor;
        QString path;   ///< relative to the store root
        QString before; ///< content hash, empty: the file did not exist
        QString after;  ///< content hash, empty: the file was deleted
        int mode = -1;       ///< permission bits after the change; -1: unknown or deleted
        int beforeMode = -1; ///< permission bits before it; -1: unknown or did not exist
    };

    /// One file of an undo: its content goes back to what it was before the appliance's
    /// first change since the point in time.
    struct UndoItem
    {
        QString path;
        QString restore;       ///< hash to restore; empty: delete the file (it was created)
        int restoreMode = -1;  ///< permission bits to restore (-1: unknown, StoreFiles::DefaultMode)
        QString current;       ///< hash now: an undo touches the file only while it still has it
        bool hasCurrent = true; ///< false for intents journaled before "current" was
        bool conflict = false; ///< someone else changed it after the appliance did
        QStringList laterActors;
        /// When not empty: the current content is first kept as a copy at this store-relative
        /// path (a conflict the person resolved by taking the earlier version; see choose()).
        QString keepCopyAs;
    };

    /// What the history holds, for the recovery panel (readSummary()).
    struct Summary
    {
        qint64 bytes = 0;   ///< the journal and its objects on disk
        int entries = 0;    ///< recorded changes, all writers
        QDateTime oldest;   ///< the oldest recorded change; invalid when there is none
        QDateTime newest;
    };

    /// Changes older than this many days are merged away when the shell starts (prune()),
    /// except each file's latest content before then.
    static constexpr int RetentionDays = 90;

    StoreJournal(const QString &journalDir, const QString &storeRoot);

    /// Reads the journal and finishes an interrupted undo (file by file as applyUndo() does:
    /// a file someone changed since the intent is left as it is). Returns false with a
    /// translated @p error when the journal cannot be read or written.
    bool open(QString *error = nullptr);

    /// Records the current content of @p relativePath as changed by @p actor, when it differs
    /// from the last recorded content. Returns false with @p error on I/O failure.
    bool record(const QString &relativePath, const QString &actor, QString *error = nullptr);
    /// record(), for an event StoreOwnWrites says is Tessera's own write of @p ownHash (empty: a
    /// removal) for @p ownActor: recorded as @p ownActor when the file holds exactly that,
    /// otherwise (someone wrote it since, within the same clock tick) as @p actor.
    /// @p likelyKnown: the content was probably recorded already (a file renamed), so it is
    /// hashed before it is copied.
    bool recordOwn(const QString &relativePath, const QString &actor, const QString &ownActor, const QString &ownHash,
                   QString *error = nullptr, bool likelyKnown = false);
    /// Records that Tessera itself wrote @p hash (empty: removed) with @p mode to
    /// @p relativePath for @p actor, without reading the file again.
    bool recordWritten(const QString &relativePath, const QString &hash, int mode, const QString &actor, QString *error = nullptr);
    /// Records every file below @p relativeFolder (empty: the whole store) that differs from the
    /// journal — changes made while nobody watched or events lost to an overflow — as
    /// @p actorOf(path). Symbolic links are not followed; names are kept as raw bytes.
    bool scan(const QString &relativeFolder, const std::function<QString(const QString &)> &actorOf, QString *error = nullptr);
    bool scan(const QString &relativeFolder, const QString &actor, QString *error = nullptr)
    {
        return scan(relativeFolder, [actor](const QString &) { return actor; }, error);
    }

    /// What undoing @p actor's changes since @p since would do, file by file.
    QList<UndoItem> planUndo(const QString &actor, const QDateTime &since) const;
    /// The items of @p plan to apply after the person chose: every file without a conflict,
    /// and the conflicts whose paths are in @p takeEarlier — those with keepCopyAs set to a
    /// free "name (kept YYYY-MM-DD HH.MM).ext" beside them, so that nothing is silently
    /// overwritten. Conflicts not in @p takeEarlier keep their current version.
    QList<UndoItem> choose(const QList<UndoItem> &plan, const QStringList &takeEarlier, const QDateTime &now) const;
    /// "dir/name (kept YYYY-MM-DD HH.MM).ext" for @p relativePath at local time @p time.
    static QString keptCopyName(const QString &relativePath, const QDateTime &time, int attempt = 1);

    /// Applies @p items (a plan, with conflicts the person chose to overwrite included and
    /// the others left out), journaled as undoActor(@p actor). Returns false with @p error.
    /// An item with keepCopyAs has its current content copied there first (atomically). A file
    /// whose content is no longer the plan's `current` (changed since the preview) is left as
    /// it is and its path added to @p leftAsIs.
    bool applyUndo(const QString &actor, const QList<UndoItem> &items, QString *error = nullptr, QStringList *leftAsIs = nullptr);

    /// Test hook, as RecoveryJob::afterStep: called after each step an undo journals
    /// ("undo-begin", "undo-items", "undo-commit", "file"), so a test can kill the process there.
    std::function<void(const char *step)> afterStep;

    QList<Change> changes() const { return m_changes; }
    /// Last recorded content hash of @p relativePath (empty: absent or unknown).
    QString currentHash(const QString &relativePath) const { return m_current.value(relativePath); }
    /// The content of object @p hash (for showing what an undo brings back).
    QByteArray object(const QString &hash) const;

    /// Forgets changes older than @p keepSince, except what is needed to undo later ones,
    /// and deletes objects nothing refers to any more. Returns the bytes the journal takes.
    /// Does nothing when open() could not read every line (a line too long to read): what
    /// was not read must not lose its objects.
    qint64 prune(const QDateTime &keepSince);
    /// False when open() skipped a line too long to read (prune() then does nothing).
    bool readCompletely() const { return m_complete; }
    /// Bytes the journal and its objects take on disk.
    qint64 storageBytes() const;

    static QString hashOf(const QByteArray &content);

    /// Reads the journal in @p journalDir without changing anything (no lock needed; a torn
    /// last line is skipped): the newest @p limit changes by @p actor (its own and the undos of
    /// it; every writer when empty), newest first, and the @p summary of the whole history.
    /// Blocking: call it off the GUI thread.
    static QList<Change> readChanges(const QString &journalDir, const QString &actor, int limit, Summary *summary = nullptr);

private:
    /// A store file as read once: whether it is a regular file, its content hash and mode.
    struct Snapshot
    {
        bool exists = false;
        QString hash;
        int mode = -1;
    };
    bool append(const QByteArray &jsonLine, QString *error);
    /// Reads @p relativePath once into @p snapshot, keeping its content as an object. With
    /// @p likelyKnown (a walk of the store) it hashes first and copies only unknown content;
    /// otherwise (an event: new content) it copies while hashing.
    bool storeObject(const QString &relativePath, Snapshot *snapshot, QString *error, bool likelyKnown = false);
    bool recordPath(const QString &relativePath, const QString &actor, bool likelyKnown, QString *error,
                    const QString &ownActor = QString(), const QString &ownHash = QString());
    bool restoreFile(const QString &relativePath, const QString &hash, int mode, const QString &actor, QString *error);
    bool keepCopy(const UndoItem &item, const QString &actor, QString *error);
    bool undoItem(const UndoItem &item, const QString &actor, bool *leftAsIs, QString *error);
    bool finishInterruptedUndo(qint64 id, const QString &actor, const QList<UndoItem> &items, const QSet<QString> &changedSince,
                               QString *error);
    bool appendChange(const QString &relativePath, const Snapshot &now, const QString &actor, QString *error);
    void step(const char *name) const;
    QString objectPath(const QString &hash) const;
    StoreFiles files() const;

    QString m_dir;
    QString m_storeRoot;
    QList<Change> m_changes;
    QHash<QString, QString> m_current; ///< path → last known content hash ("" = absent)
    QHash<QString, int> m_currentMode; ///< path → last known permission bits
    /// The content last read from each inode (by device and inode) while it did not change, for
    /// a file renamed right after it was read: a rename moves the inode, not its content. Only
    /// a rename uses it; any later write brings its own event, which reads again.
    struct ReadInode
    {
        qint64 size = 0;
        qint64 modifiedNs = 0;
        Snapshot snapshot;
    };
    QHash<QPair<quint64, quint64>, ReadInode> m_readInodes;
    qint64 m_nextSequence = 1;
    bool m_complete = true;
};
