#include "storerecorder.h"

#include "storeaccesswatcher.h"
#include "storefiles.h"
#include "storeownwrites.h"
#include "storewriteridentifier.h"
#include "vmbackendlog.h"

#include <QDir>
#include <QLockFile>
#include <QPointer>
#include <QSet>

class StoreRecorder::Worker : public QObject
{
public:
    Worker(StoreRecorder *owner, const QString &journalDir, const QString &storeRoot)
        : m_owner(owner), m_journal(journalDir, storeRoot), m_journalDir(journalDir), m_root(storeRoot)
    {
    }

    void start()
    {
        m_watcher = new StoreAccessWatcher(this);
        m_identifier = new StoreWriterIdentifier(this);
        QString error;
        QDir().mkpath(m_root);
        QDir().mkpath(m_journalDir);
        // One writer of the history at a time: tessera-ctl undo refuses while the shell records.
        m_lock.reset(new QLockFile(m_journalDir + QStringLiteral("/lock")));
        m_lock->setStaleLockTime(0);
        if (!m_lock->tryLock(0)) {
            const QString busy = StoreJournal::tr("Another Tessera shell is keeping the store's history. Quit it, then start this one again.");
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, busy] { Q_EMIT owner->failed(busy); });
            return;
        }
        // fanotify reports canonical paths; so does StoreFiles, and with it StoreOwnWrites.
        m_root = StoreFiles(m_root).root();
        const auto hook = m_journal.afterStep;
        m_journal = StoreJournal(m_journalDir, m_root);
        m_journal.afterStep = hook;
        if (!m_journal.open(&error) || !m_journal.scan(QString(), StoreJournal::unknownActor(), &error)) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, error] { Q_EMIT owner->failed(error); });
            return;
        }
        // The retention policy: older changes are merged away, what later undos need is kept.
        m_journal.prune(QDateTime::currentDateTimeUtc().addDays(-StoreJournal::RetentionDays));
        QObject::connect(m_watcher, &StoreAccessWatcher::written, this,
                         [this](const QString &, const QString &relative, qint64, StoreAccessWatcher::Operation operation) {
            onInotify(relative, operation);
        });
        QObject::connect(m_watcher, &StoreAccessWatcher::discovered, this, [this](const QString &, const QString &relative, qint64) {
            record(relative, actorByMount(relative)); // written before anything watched its folder
        });
        QObject::connect(m_watcher, &StoreAccessWatcher::overflowed, this, [this] { rescanSoon(); });
        QObject::connect(m_identifier, &StoreWriterIdentifier::written, this,
                         [this](const QString &path, qint64, const QString &appliance) { onWriter(path, appliance); });
        QObject::connect(m_identifier, &StoreWriterIdentifier::overflowed, this, [this] { rescanSoon(); });
        // A write Tessera was still making when its events came (from another thread) is
        // decided once it is done.
        QObject::connect(StoreOwnWrites::instance(), &StoreOwnWrites::settled, this, [this](const QString &absolute) {
            if (absolute.startsWith(m_root + QLatin1Char('/')) && m_waitingForOwn.remove(absolute.mid(m_root.size() + 1)))
                record(absolute.mid(m_root.size() + 1), actorByMount(absolute.mid(m_root.size() + 1)));
        });
        m_watcher->watch(QString(), m_root);
        markFolders(QString());
        QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->ready(); });
    }

    // fanotify marks are per folder: every folder of the tree below @p relative.
    void markFolders(const QString &relative)
    {
        if (!m_identifier->isAvailable())
            return;
        QStringList folders{relative.isEmpty() ? m_root : m_root + QLatin1Char('/') + relative};
        while (!folders.isEmpty()) {
            const QString folder = folders.takeLast();
            m_identifier->markFolder(folder);
            QList<StoreFiles::Entry> entries;
            StoreFiles::list(folder, &entries);
            for (const StoreFiles::Entry &entry : std::as_const(entries)) {
                if (entry.folder)
                    folders.append(folder + QLatin1Char('/') + entry.name);
            }
        }
    }

    QString actorByMount(const QString &relative) const
    {
        QStringList candidates;
        for (auto it = m_writable.cbegin(); it != m_writable.cend(); ++it) {
            for (const QString &folder : it.value()) {
                if (relative == folder || relative.startsWith(folder + QLatin1Char('/')))
                    candidates.append(it.key());
            }
        }
        candidates.removeDuplicates();
        if (candidates.isEmpty())
            return StoreJournal::hostActor();
        return candidates.size() == 1 ? candidates.first() : StoreJournal::unknownActor();
    }

    void record(const QString &relative, const QString &actor, bool likelyKnown = false)
    {
        // Tessera's own write (an undo, a salvaged file) is recorded as Tessera's, whoever the
        // event would otherwise point at.
        QString ownActor;
        QString ownHash;
        switch (StoreOwnWrites::instance()->classify(m_root + QLatin1Char('/') + relative, StoreOwnWrites::AnyEvent, &ownActor, &ownHash)) {
        case StoreOwnWrites::Verdict::Own:
            break; // recorded as Tessera's if the file holds exactly what Tessera wrote
        case StoreOwnWrites::Verdict::Pending:
            m_waitingForOwn.insert(relative);
            return;
        case StoreOwnWrites::Verdict::Others:
            ownActor.clear();
            break;
        }
        const int count = int(m_journal.changes().size());
        QString error;
        if (!m_journal.recordOwn(relative, actor, ownActor, ownHash, &error, likelyKnown)) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, error] { Q_EMIT owner->failed(error); });
            return;
        }
        if (m_journal.changes().size() != count) {
            const QString recorded = m_journal.changes().constLast().actor;
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, relative, recorded] { Q_EMIT owner->recorded(relative, recorded); });
        }
    }

    void onWriter(const QString &absolutePath, const QString &appliance)
    {
        if (!absolutePath.startsWith(m_root + QLatin1Char('/')))
            return;
        // Tessera's own writes are told apart by StoreOwnWrites (in record()), not by process:
        // whatever else this process writes is the person's doing, as before.
        record(absolutePath.mid(m_root.size() + 1), appliance.isEmpty() ? StoreJournal::hostActor() : appliance);
    }

    void onInotify(const QString &relative, StoreAccessWatcher::Operation operation)
    {
        using Operation = StoreAccessWatcher::Operation;
        // fanotify names writers exactly: handle its events for the same moment first.
        if (m_identifier->isAvailable())
            m_identifier->drain();
        switch (operation) {
        case Operation::FolderAppeared:
            markFolders(relative); // its files come as discovered()
            return;
        case Operation::FolderGone:
            // Deleted or moved away with everything in it: what the journal knew there is gone.
            scan(relative);
            return;
        case Operation::Rescanned:
            return; // the walk after overflowed() covers it, by content
        case Operation::Written:
            if (m_identifier->isAvailable())
                return; // fanotify reported it with its writer
            break;
        case Operation::MovedIn:
        case Operation::MovedAway:
        case Operation::Removed:
            // A rename or a deletion has no writer in fanotify's close-write events: both names
            // of a rename are recorded, the old one as gone, the new one with its content (most
            // often recorded already under the name it was written to: hashed before copied).
            break;
        }
        record(relative, actorByMount(relative), operation == Operation::MovedIn);
    }

    void scan(const QString &relative)
    {
        const int count = int(m_journal.changes().size());
        QString error;
        if (!m_journal.scan(relative, [this](const QString &path) { return actorByMount(path); }, &error)) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, error] { Q_EMIT owner->failed(error); });
            return;
        }
        const QList<StoreJournal::Change> changes = m_journal.changes();
        for (qsizetype i = count; i < changes.size(); ++i) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, change = changes.at(i)] {
                Q_EMIT owner->recorded(change.path, change.actor);
            });
        }
    }

    // Events were lost to an overflow: walk the whole store once (coalesced: a flood of
    // overflows costs one walk at a time), and mark folders fanotify may have missed.
    void rescanSoon()
    {
        if (m_rescanQueued)
            return;
        m_rescanQueued = true;
        QMetaObject::invokeMethod(this, [this] {
            m_rescanQueued = false;
            markFolders(QString());
            scan(QString());
            QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->rescanned(); });
        }, Qt::QueuedConnection);
    }

    StoreRecorder *m_owner;
    StoreJournal m_journal;
    QString m_journalDir;
    QString m_root;
    StoreAccessWatcher *m_watcher = nullptr;
    StoreWriterIdentifier *m_identifier = nullptr;
    QHash<QString, QStringList> m_writable;
    QSet<QString> m_waitingForOwn;
    bool m_rescanQueued = false;
    std::unique_ptr<QLockFile> m_lock;
};

StoreRecorder::StoreRecorder(const QString &journalDir, const QString &storeRoot, QObject *parent)
    : QObject(parent), m_worker(new Worker(this, journalDir, storeRoot))
{
    m_thread.setObjectName(QStringLiteral("tessera-store-journal"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

StoreRecorder::~StoreRecorder()
{
    m_thread.quit();
    m_thread.wait();
}

void StoreRecorder::start()
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker] { worker->start(); });
}

void StoreRecorder::setWritableFolders(const QString &appliance, const QStringList &folders)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, appliance, folders] {
        if (folders.isEmpty())
            worker->m_writable.remove(appliance);
        else
            worker->m_writable.insert(appliance, folders);
    });
}

void StoreRecorder::planUndo(const QString &appliance, const QDateTime &since, QObject *context,
                             std::function<void(const QList<StoreJournal::UndoItem> &)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, appliance, since, guard, done] {
        const QList<StoreJournal::UndoItem> plan = worker->m_journal.planUndo(appliance, since);
        QMetaObject::invokeMethod(worker->m_owner, [guard, done, plan] {
            if (guard)
                done(plan);
        });
    });
}

void StoreRecorder::chooseUndo(const QString &appliance, const QDateTime &since, const QStringList &takeEarlier, QObject *context,
                               std::function<void(const QList<StoreJournal::UndoItem> &, const QList<StoreJournal::UndoItem> &)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, appliance, since, takeEarlier, guard, done] {
        const QList<StoreJournal::UndoItem> plan = worker->m_journal.planUndo(appliance, since);
        const QList<StoreJournal::UndoItem> chosen = worker->m_journal.choose(plan, takeEarlier, QDateTime::currentDateTime());
        QMetaObject::invokeMethod(worker->m_owner, [guard, done, plan, chosen] {
            if (guard)
                done(plan, chosen);
        });
    });
}

void StoreRecorder::applyUndo(const QString &appliance, const QList<StoreJournal::UndoItem> &items, QObject *context,
                              std::function<void(bool, const QString &, const QStringList &)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, appliance, items, guard, done] {
        QString error;
        QStringList leftAsIs;
        const int count = int(worker->m_journal.changes().size());
        const bool ok = worker->m_journal.applyUndo(appliance, items, &error, &leftAsIs);
        const QList<StoreJournal::Change> changes = worker->m_journal.changes();
        for (qsizetype i = count; i < changes.size(); ++i) {
            QMetaObject::invokeMethod(worker->m_owner, [owner = worker->m_owner, change = changes.at(i)] {
                Q_EMIT owner->recorded(change.path, change.actor);
            });
        }
        QMetaObject::invokeMethod(worker->m_owner, [guard, done, ok, error, leftAsIs] {
            if (guard)
                done(ok, error, leftAsIs);
        });
    });
}

void StoreRecorder::changes(QObject *context, std::function<void(const QList<StoreJournal::Change> &)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, guard, done] {
        const QList<StoreJournal::Change> changes = worker->m_journal.changes();
        QMetaObject::invokeMethod(worker->m_owner, [guard, done, changes] {
            if (guard)
                done(changes);
        });
    });
}

void StoreRecorder::setAfterUndoStep(std::function<void(const char *)> hook)
{
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, hook] { worker->m_journal.afterStep = hook; });
}
