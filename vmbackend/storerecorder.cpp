#include "storerecorder.h"

#include "storeaccesswatcher.h"
#include "storewriteridentifier.h"
#include "vmbackendlog.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QLockFile>
#include <QPointer>

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
        // fanotify reports canonical paths.
        m_root = QFileInfo(m_root).canonicalFilePath();
        m_journal = StoreJournal(m_journalDir, m_root);
        if (!m_journal.open(&error) || !m_journal.scan(QString(), StoreJournal::unknownActor(), &error)) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, error] { Q_EMIT owner->failed(error); });
            return;
        }
        // The retention policy: older changes are merged away, what later undos need is kept.
        m_journal.prune(QDateTime::currentDateTimeUtc().addDays(-StoreJournal::RetentionDays));
        QObject::connect(m_watcher, &StoreAccessWatcher::written, this,
                         [this](const QString &, const QString &relative, qint64) { onInotify(relative); });
        QObject::connect(m_watcher, &StoreAccessWatcher::discovered, this, [this](const QString &, const QString &relative, qint64) {
            record(relative, actorByMount(relative)); // written before anything watched its folder
        });
        QObject::connect(m_identifier, &StoreWriterIdentifier::written, this,
                         [this](const QString &path, qint64, const QString &appliance) { onWriter(path, appliance); });
        m_watcher->watch(QString(), m_root);
        if (m_identifier->isAvailable()) {
            m_identifier->markFolder(m_root);
            QDirIterator dirs(m_root, QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot | QDir::NoSymLinks, QDirIterator::Subdirectories);
            while (dirs.hasNext())
                m_identifier->markFolder(dirs.next());
        }
        QMetaObject::invokeMethod(m_owner, [owner = m_owner] { Q_EMIT owner->ready(); });
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

    void record(const QString &relative, const QString &actor)
    {
        const int count = int(m_journal.changes().size());
        QString error;
        if (!m_journal.record(relative, actor, &error)) {
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, error] { Q_EMIT owner->failed(error); });
            return;
        }
        if (m_journal.changes().size() != count)
            QMetaObject::invokeMethod(m_owner, [owner = m_owner, relative, actor] { Q_EMIT owner->recorded(relative, actor); });
    }

    void onWriter(const QString &absolutePath, const QString &appliance)
    {
        if (!absolutePath.startsWith(m_root + QLatin1Char('/')))
            return;
        record(absolutePath.mid(m_root.size() + 1), appliance.isEmpty() ? StoreJournal::hostActor() : appliance);
    }

    void onInotify(const QString &relative)
    {
        const QString absolute = m_root + QLatin1Char('/') + relative;
        const QFileInfo info(absolute);
        if (info.isDir() && !info.isSymLink()) {
            if (m_identifier->isAvailable())
                m_identifier->markFolder(absolute);
            return;
        }
        if (m_identifier->isAvailable()) {
            // fanotify names writers exactly; inotify is only needed for what has no writer:
            // files deleted or moved away.
            m_identifier->drain();
            if (info.exists() || info.isSymLink())
                return;
        }
        record(relative, actorByMount(relative));
    }

    StoreRecorder *m_owner;
    StoreJournal m_journal;
    QString m_journalDir;
    QString m_root;
    StoreAccessWatcher *m_watcher = nullptr;
    StoreWriterIdentifier *m_identifier = nullptr;
    QHash<QString, QStringList> m_writable;
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
                              std::function<void(bool, const QString &)> done)
{
    QPointer<QObject> guard(context);
    QMetaObject::invokeMethod(m_worker, [worker = m_worker, appliance, items, guard, done] {
        QString error;
        const bool ok = worker->m_journal.applyUndo(appliance, items, &error);
        QMetaObject::invokeMethod(worker->m_owner, [guard, done, ok, error] {
            if (guard)
                done(ok, error);
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
