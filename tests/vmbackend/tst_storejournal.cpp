// StoreJournal: provenance of store changes and selective undo, on real files, including a
// crash in the middle of an undo (journaled by hand, and a real kill -9 of a child process at
// each step of a bounded intent), links and staging names planted in the store, names that are
// not UTF-8, modes, and histories with lines too long to read.
#include "storejournal.h"
#include "storejournalformat.h"
#include "storepath.h"
#include "rawstorefiles.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace {

bool put(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
}

QByteArray get(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

mode_t modeOf(const QString &path)
{
    struct stat st;
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_mode & 07777 : mode_t(-1);
}

QList<QByteArray> journalLines(const QString &journalDir)
{
    QFile file(journalDir + QStringLiteral("/journal.jsonl"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll().split('\n');
}

// Store-relative paths of about 2.9 KiB each (a dozen folders of 240 characters), so that an
// undo of a few dozen files has an intent far above one line's bound.
QStringList longPaths(int count)
{
    QString folder = QStringLiteral("Documents");
    for (char c = 'a'; c < 'a' + 12; ++c)
        folder += QLatin1Char('/') + QString(240, QLatin1Char(c));
    QStringList paths;
    for (int i = 0; i < count; ++i)
        paths.append(folder + QStringLiteral("/file%1.txt").arg(i));
    return paths;
}

} // namespace

class TestStoreJournal : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    QString m_journal;

    QString file(const QString &relative) const { return m_store + QLatin1Char('/') + relative; }

private Q_SLOTS:
    void cleanup() { removeTree(m_dir->path()); }

    void init()
    {
        m_dir.reset(new QTemporaryDir);
        m_store = m_dir->filePath(QStringLiteral("store"));
        m_journal = m_dir->filePath(QStringLiteral("journal"));
        QVERIFY(put(file(QStringLiteral("Documents/letter.txt")), "dear bank"));
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "todo"));
        QVERIFY(put(file(QStringLiteral("Documents/budget.txt")), "100"));
    }

    void scanRecordsTheBaselineOnce()
    {
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        QCOMPARE(journal.changes().size(), 3);
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        QCOMPARE(journal.changes().size(), 3); // nothing changed
        QCOMPARE(journal.currentHash(QStringLiteral("Documents/notes.txt")), StoreJournal::hashOf("todo"));
        QCOMPARE(journal.object(StoreJournal::hashOf("todo")), QByteArray("todo"));
        // A deletion while nobody watched is found too.
        QVERIFY(QFile::remove(file(QStringLiteral("Documents/notes.txt"))));
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::unknownActor()));
        QCOMPARE(journal.changes().last().after, QString());
        QCOMPARE(journal.changes().last().actor, StoreJournal::unknownActor());
        // Reopened, the journal knows the same.
        StoreJournal again(m_journal, m_store);
        QVERIFY(again.open());
        QCOMPARE(again.changes().size(), 4);
        QCOMPARE(again.currentHash(QStringLiteral("Documents/notes.txt")), QString());
    }

    void undoOneAppliancesChangesKeepingOthers()
    {
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        QVERIFY(put(file(QStringLiteral("Documents/budget.txt")), "150"));       // host, before T
        QVERIFY(journal.record(QStringLiteral("Documents/budget.txt"), StoreJournal::hostActor()));
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > journal.changes().last().time); // T after that change
        const QDateTime since = QDateTime::currentDateTimeUtc();

        QVERIFY(change(journal, QStringLiteral("Documents/letter.txt"), "send money to evil"));
        QVERIFY(change(journal, QStringLiteral("Documents/ransom.txt"), "pay up"));
        QVERIFY(change(journal, QStringLiteral("Documents/budget.txt"), "0"));
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "todo: call bank")); // host, another file
        QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()));
        QVERIFY(put(file(QStringLiteral("Documents/budget.txt")), "0, fixed by hand")); // host, after the appliance
        QVERIFY(journal.record(QStringLiteral("Documents/budget.txt"), StoreJournal::hostActor()));

        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), since);
        QCOMPARE(plan.size(), 3);
        QHash<QString, StoreJournal::UndoItem> byPath;
        for (const StoreJournal::UndoItem &item : plan)
            byPath.insert(item.path, item);
        QVERIFY(!byPath.contains(QStringLiteral("Documents/notes.txt")));
        QCOMPARE(byPath.value(QStringLiteral("Documents/letter.txt")).restore, StoreJournal::hashOf("dear bank"));
        QVERIFY(!byPath.value(QStringLiteral("Documents/letter.txt")).conflict);
        QCOMPARE(byPath.value(QStringLiteral("Documents/ransom.txt")).restore, QString()); // created: delete
        const StoreJournal::UndoItem budget = byPath.value(QStringLiteral("Documents/budget.txt"));
        QVERIFY(budget.conflict);
        QCOMPARE(budget.laterActors, QStringList{StoreJournal::hostActor()});
        QCOMPARE(budget.restore, StoreJournal::hashOf("150")); // the host's change before T stays

        // The person keeps their own later fix: the conflict is left out.
        QList<StoreJournal::UndoItem> chosen;
        for (const StoreJournal::UndoItem &item : plan) {
            if (!item.conflict)
                chosen.append(item);
        }
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), chosen));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QVERIFY(!QFile::exists(file(QStringLiteral("Documents/ransom.txt"))));
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("todo: call bank"));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("0, fixed by hand"));
        QCOMPARE(journal.changes().last().actor, StoreJournal::undoActor(QStringLiteral("terminal")));
        // Undone once, there is nothing left to undo but the conflict.
        const QList<StoreJournal::UndoItem> after = journal.planUndo(QStringLiteral("terminal"), since);
        QCOMPARE(after.size(), 1);
        QCOMPARE(after.first().path, QStringLiteral("Documents/budget.txt"));
    }

    void anUndoInterruptedByACrashIsFinishedOnOpen()
    {
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
            QVERIFY(change(journal, QStringLiteral("Documents/letter.txt"), "evil"));
            QVERIFY(change(journal, QStringLiteral("Documents/notes.txt"), "evil too"));
        }
        // What applyUndo() writes first, as if killed right after restoring the first file only.
        QFile raw(m_journal + QStringLiteral("/journal.jsonl"));
        QVERIFY(raw.open(QIODevice::Append));
        raw.write(QStringLiteral("{\"type\":\"undo-begin\",\"id\":99,\"actor\":\"terminal\",\"items\":["
                                 "{\"path\":\"Documents/letter.txt\",\"restore\":\"%1\"},"
                                 "{\"path\":\"Documents/notes.txt\",\"restore\":\"%2\"}]}\n")
                      .arg(StoreJournal::hashOf("dear bank"), StoreJournal::hashOf("todo")).toUtf8());
        raw.write("{\"type\":\"change\",\"seq\":1000,\"ti"); // and a line torn by the crash
        raw.close();
        QVERIFY(put(file(QStringLiteral("Documents/letter.txt")), "dear bank"));

        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("todo"));
        // Finished once: opening again changes nothing more.
        const int changes = int(journal.changes().size());
        StoreJournal reopened(m_journal, m_store);
        QVERIFY(reopened.open());
        QCOMPARE(int(reopened.changes().size()), changes);
    }

    void linksPlantedInTheStoreAreNeitherReadNorWrittenThrough()
    {
        QTemporaryDir outside;
        QVERIFY(put(outside.filePath(QStringLiteral("secret.txt")), "host secret"));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret.txt")), file(QStringLiteral("Documents/link.txt"))));
        QVERIFY(QFile::link(outside.path(), file(QStringLiteral("Documents/dirlink"))));
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        QVERIFY(journal.record(QStringLiteral("Documents/link.txt"), QStringLiteral("terminal")));
        QCOMPARE(journal.currentHash(QStringLiteral("Documents/link.txt")), QString()); // not a file of the store
        QVERIFY(journal.object(StoreJournal::hashOf("host secret")).isEmpty());
        // An undo never writes through a planted folder link.
        StoreJournal::UndoItem item;
        item.path = QStringLiteral("Documents/dirlink/secret.txt");
        item.restore = StoreJournal::hashOf("todo");
        QString error;
        QVERIFY(!journal.applyUndo(QStringLiteral("terminal"), {item}, &error));
        QVERIFY(!error.isEmpty());
        QCOMPARE(get(outside.filePath(QStringLiteral("secret.txt"))), QByteArray("host secret"));
    }

    void pruningKeepsWhatLaterUndosNeed()
    {
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), QByteArray("version ") + QByteArray::number(i)));
            QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()));
        }
        const qint64 before = journal.storageBytes();
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > journal.changes().last().time);
        const QDateTime cut = QDateTime::currentDateTimeUtc();
        QVERIFY(change(journal, QStringLiteral("Documents/notes.txt"), "version 5 by terminal"));
        const qint64 after = journal.prune(cut);
        QVERIFY2(after < before + 100, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(after)));
        QVERIFY(journal.object(StoreJournal::hashOf("version 0")).isEmpty()); // old versions gone
        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), cut);
        QCOMPARE(plan.size(), 1);
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), plan));
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("version 4"));
        StoreJournal reopened(m_journal, m_store);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.currentHash(QStringLiteral("Documents/budget.txt")), StoreJournal::hashOf("100"));
    }
    // Opens @p journal, records the store as the host's and returns a time after that (invalid
    // on failure): what an appliance changes from then on is undone by planUndo(…, since).
    QDateTime baseline(StoreJournal &journal)
    {
        if (!journal.open() || !journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()))
            return {};
        const QDateTime last = journal.changes().last().time;
        if (!QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > last; }, 5000))
            return {};
        return QDateTime::currentDateTimeUtc();
    }

    // @p actor writes @p content to @p relative, and the journal records it.
    bool change(StoreJournal &journal, const QString &relative, const QByteArray &content, const QString &actor = QStringLiteral("terminal"))
    {
        return put(file(relative), content) && journal.record(relative, actor);
    }

    // A conflict (changed by the appliance, then by the host) with a plan of "since T".
    QDateTime makeConflict(StoreJournal &journal)
    {
        if (!journal.open() || !journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()))
            return {};
        const QDateTime last = journal.changes().last().time;
        if (!QTest::qWaitFor([&] { return QDateTime::currentDateTimeUtc() > last; }, 5000))
            return {};
        const QDateTime since = QDateTime::currentDateTimeUtc();
        put(file(QStringLiteral("Documents/budget.txt")), "0");
        journal.record(QStringLiteral("Documents/budget.txt"), QStringLiteral("terminal"));
        put(file(QStringLiteral("Documents/letter.txt")), "send money");
        journal.record(QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal"));
        put(file(QStringLiteral("Documents/budget.txt")), "0, fixed by hand");
        journal.record(QStringLiteral("Documents/budget.txt"), StoreJournal::hostActor());
        return since;
    }

    void keptCopyNamesKeepTheExtension()
    {
        const QDateTime at(QDate(2026, 11, 23), QTime(20, 5), Qt::LocalTime);
        QCOMPARE(StoreJournal::keptCopyName(QStringLiteral("Documents/budget.txt"), at),
                 QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt"));
        QCOMPARE(StoreJournal::keptCopyName(QStringLiteral("a.tar.gz"), at), QStringLiteral("a.tar (kept 2026-11-23 20.05).gz"));
        QCOMPARE(StoreJournal::keptCopyName(QStringLiteral("home/.bashrc"), at), QStringLiteral("home/.bashrc (kept 2026-11-23 20.05)"));
        QCOMPARE(StoreJournal::keptCopyName(QStringLiteral("x/README"), at, 2), QStringLiteral("x/README (kept 2026-11-23 20.05 2)"));
    }

    void aConflictKeptAsItIs()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = makeConflict(journal);
        QVERIFY(since.isValid());
        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), since);
        QCOMPARE(plan.size(), 2);
        const QList<StoreJournal::UndoItem> chosen = journal.choose(plan, {}, QDateTime::currentDateTime());
        QCOMPARE(chosen.size(), 1);
        QCOMPARE(chosen.first().path, QStringLiteral("Documents/letter.txt"));
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), chosen));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("0, fixed by hand"));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QCOMPARE(QDir(file(QStringLiteral("Documents"))).entryList(QDir::Files).size(), 3); // no copy made
    }

    void aConflictTakenFromBeforeKeepsTheCurrentAsACopy()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = makeConflict(journal);
        QVERIFY(since.isValid());
        const QDateTime now(QDate(2026, 11, 23), QTime(20, 5), Qt::LocalTime);
        // A file already has the first copy name: the next free one is taken, nothing overwritten.
        QVERIFY(put(file(QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt")), "older copy"));
        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), since);
        const QList<StoreJournal::UndoItem> chosen = journal.choose(plan, {QStringLiteral("Documents/budget.txt")}, now);
        QCOMPARE(chosen.size(), 2);
        const QString copy = QStringLiteral("Documents/budget (kept 2026-11-23 20.05 2).txt");
        for (const StoreJournal::UndoItem &item : chosen)
            QCOMPARE(item.keepCopyAs, item.path.endsWith(QLatin1String("budget.txt")) ? copy : QString());
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), chosen));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("100"));
        QCOMPARE(get(file(copy)), QByteArray("0, fixed by hand"));
        QCOMPARE(get(file(QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt"))), QByteArray("older copy"));
        QCOMPARE(journal.currentHash(copy), StoreJournal::hashOf("0, fixed by hand")); // the copy is in the history
    }

    void aCopyNameTakenAfterChoosingStopsTheUndo()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = makeConflict(journal);
        QVERIFY(since.isValid());
        const QDateTime now(QDate(2026, 11, 23), QTime(20, 5), Qt::LocalTime);
        const QList<StoreJournal::UndoItem> chosen =
            journal.choose(journal.planUndo(QStringLiteral("terminal"), since), {QStringLiteral("Documents/budget.txt")}, now);
        QVERIFY(put(file(QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt")), "made meanwhile"));
        QString error;
        QVERIFY(!journal.applyUndo(QStringLiteral("terminal"), chosen, &error));
        QVERIFY2(error.contains(QLatin1String("preview the undo again")), qPrintable(error));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("0, fixed by hand")); // nothing touched
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("send money"));
        QCOMPARE(get(file(QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt"))), QByteArray("made meanwhile"));
    }

    void anUndoWithACopyInterruptedByACrashIsFinishedOnOpen()
    {
        const QString copy = QStringLiteral("Documents/budget (kept 2026-11-23 20.05).txt");
        {
            StoreJournal journal(m_journal, m_store);
            const QDateTime since = makeConflict(journal);
            QVERIFY(since.isValid());
            const QDateTime now(QDate(2026, 11, 23), QTime(20, 5), Qt::LocalTime);
            const QList<StoreJournal::UndoItem> chosen =
                journal.choose(journal.planUndo(QStringLiteral("terminal"), since), {QStringLiteral("Documents/budget.txt")}, now);
            // The crash: the intent is on disk, no file was touched (as if killed right after it).
            QJsonArray files;
            for (const StoreJournal::UndoItem &item : chosen) {
                QJsonObject f{{QStringLiteral("path"), item.path}, {QStringLiteral("restore"), item.restore}};
                if (!item.keepCopyAs.isEmpty())
                    f.insert(QStringLiteral("keep"), item.keepCopyAs);
                files.append(f);
            }
            QFile log(m_journal + QStringLiteral("/journal.jsonl"));
            QVERIFY(log.open(QIODevice::Append));
            log.write(QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("undo-begin")}, {QStringLiteral("id"), 99},
                                                {QStringLiteral("actor"), QStringLiteral("terminal")}, {QStringLiteral("items"), files}})
                          .toJson(QJsonDocument::Compact)
                      + '\n');
        }
        StoreJournal reopened(m_journal, m_store);
        QVERIFY(reopened.open());
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("100"));
        QCOMPARE(get(file(copy)), QByteArray("0, fixed by hand"));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        // Opened again: finished once, nothing is copied twice.
        StoreJournal third(m_journal, m_store);
        QVERIFY(third.open());
        QCOMPARE(QDir(file(QStringLiteral("Documents"))).entryList(QDir::Files).size(), 4);
    }

    void readChangesIsBoundedNewestFirstWithASummary()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = makeConflict(journal);
        QVERIFY(since.isValid());
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), journal.choose(journal.planUndo(QStringLiteral("terminal"), since), {}, QDateTime::currentDateTime())));
        StoreJournal::Summary summary;
        const QList<StoreJournal::Change> all = StoreJournal::readChanges(m_journal, QString(), -1, &summary);
        QCOMPARE(all.size(), journal.changes().size());
        QCOMPARE(summary.entries, int(journal.changes().size()));
        QCOMPARE(summary.oldest, journal.changes().first().time);
        QCOMPARE(summary.bytes, journal.storageBytes());
        QVERIFY(summary.bytes > 0);
        const QList<StoreJournal::Change> terminal = StoreJournal::readChanges(m_journal, QStringLiteral("terminal"), 2);
        QCOMPARE(terminal.size(), 2); // bounded: 2 of its 3 (two writes and one undo)
        QCOMPARE(terminal.first().actor, StoreJournal::undoActor(QStringLiteral("terminal"))); // newest first
        QCOMPARE(terminal.last().path, QStringLiteral("Documents/letter.txt"));
        QVERIFY(terminal.first().sequence > terminal.last().sequence);
        // An empty folder is an empty history.
        StoreJournal::Summary none;
        QVERIFY(StoreJournal::readChanges(m_dir->filePath(QStringLiteral("nothing")), QString(), 10, &none).isEmpty());
        QCOMPARE(none.entries, 0);
        QVERIFY(!none.oldest.isValid());
    }

    void namesThatAreNotUtf8AreKeptAsBytes()
    {
        // A guest names files with any bytes: Latin-1 "café", and a name that is no encoding at all.
        const QByteArray store = QFile::encodeName(m_store);
        QVERIFY(putRaw(store + "/Documents/caf\xe9.txt", "menu"));
        QVERIFY(putRaw(store + "/Documents/\xff\xfe\x80", "binary name"));
        const QString cafe = StorePath::fromBytes("Documents/caf\xe9.txt");
        const QString binary = StorePath::fromBytes("Documents/\xff\xfe\x80");
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        QCOMPARE(journal.currentHash(cafe), StoreJournal::hashOf("menu"));
        QCOMPARE(journal.currentHash(binary), StoreJournal::hashOf("binary name"));
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > journal.changes().last().time);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QVERIFY(putRaw(store + "/Documents/caf\xe9.txt", "menu, poisoned"));
        QVERIFY(journal.record(cafe, QStringLiteral("terminal")));
        QVERIFY(putRaw(store + "/Documents/\xe9vil", "created by the guest"));
        QVERIFY(journal.record(StorePath::fromBytes("Documents/\xe9vil"), QStringLiteral("terminal")));
        // Read back from disk, the names are the same bytes.
        StoreJournal reopened(m_journal, m_store);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.currentHash(cafe), StoreJournal::hashOf("menu, poisoned"));
        const QList<StoreJournal::UndoItem> plan = reopened.planUndo(QStringLiteral("terminal"), since);
        QCOMPARE(plan.size(), 2);
        QVERIFY(reopened.applyUndo(QStringLiteral("terminal"), plan));
        QCOMPARE(getRaw(store + "/Documents/caf\xe9.txt"), QByteArray("menu"));
        QCOMPARE(getRaw(store + "/Documents/\xe9vil"), QByteArray("<missing>"));
        QCOMPARE(getRaw(store + "/Documents/\xff\xfe\x80"), QByteArray("binary name"));
        // The journal's lines stay valid JSON text: raw names are in base64.
        for (const QByteArray &line : journalLines(m_journal)) {
            if (!line.isEmpty())
                QVERIFY2(!QJsonDocument::fromJson(line).isNull(), line.constData());
        }
    }

    void aRenameOverAFileIsUndoneToTheVictimsContent()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = baseline(journal);
        QVERIFY(since.isValid());
        // The guest writes a temporary file and renames it over the person's letter: both names
        // are recorded (as the recorder does for IN_MOVED_FROM and IN_MOVED_TO).
        QVERIFY(change(journal, QStringLiteral("Documents/.letter.swp"), "send money"));
        QCOMPARE(::rename(QFile::encodeName(file(QStringLiteral("Documents/.letter.swp"))).constData(),
                          QFile::encodeName(file(QStringLiteral("Documents/letter.txt"))).constData()), 0);
        QVERIFY(journal.record(QStringLiteral("Documents/.letter.swp"), QStringLiteral("terminal")));
        QVERIFY(journal.record(QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal")));
        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), since);
        QCOMPARE(plan.size(), 1); // the temporary file came and went
        QCOMPARE(plan.first().path, QStringLiteral("Documents/letter.txt"));
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), plan));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QVERIFY(!QFile::exists(file(QStringLiteral("Documents/.letter.swp"))));
    }

    void restoredFilesKeepTheirModeAndTheHistoryIsPrivate()
    {
        QVERIFY(QFile::setPermissions(file(QStringLiteral("Documents/notes.txt")), QFile::ReadOwner | QFile::WriteOwner));
        QVERIFY(put(file(QStringLiteral("Documents/run.sh")), "echo hello"));
        QVERIFY(::chmod(QFile::encodeName(file(QStringLiteral("Documents/run.sh"))).constData(), 0750) == 0);
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = baseline(journal);
        QVERIFY(since.isValid());
        // The guest replaces both with new files of its own mode.
        for (const QString &name : {QStringLiteral("notes.txt"), QStringLiteral("run.sh")}) {
            QVERIFY(QFile::remove(file(QStringLiteral("Documents/") + name)));
            QVERIFY(put(file(QStringLiteral("Documents/") + name), "replaced"));
            QVERIFY(::chmod(QFile::encodeName(file(QStringLiteral("Documents/") + name)).constData(), 0666) == 0);
            QVERIFY(journal.record(QStringLiteral("Documents/") + name, QStringLiteral("terminal")));
        }
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), journal.planUndo(QStringLiteral("terminal"), since)));
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("todo"));
        QCOMPARE(modeOf(file(QStringLiteral("Documents/notes.txt"))), mode_t(0600));
        QCOMPARE(modeOf(file(QStringLiteral("Documents/run.sh"))), mode_t(0750));
        // The history holds copies of private files: only its owner may read it.
        QCOMPARE(modeOf(m_journal), mode_t(0700));
        QCOMPARE(modeOf(m_journal + QStringLiteral("/objects")), mode_t(0700));
        QCOMPARE(modeOf(m_journal + QStringLiteral("/objects/") + StoreJournal::hashOf("todo")), mode_t(0600));
        QCOMPARE(modeOf(m_journal + QStringLiteral("/journal.jsonl")), mode_t(0600));
    }

    void aPlantedStagingHardLinkIsNeverWrittenThrough()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = baseline(journal);
        QVERIFY(since.isValid());
        QVERIFY(change(journal, QStringLiteral("Documents/letter.txt"), "send money"));
        // The guest plants a hard link to another of the person's files at the staging name,
        // and a symbolic link to a host file at the next one.
        QVERIFY(::link(QFile::encodeName(file(QStringLiteral("Documents/budget.txt"))).constData(),
                       QFile::encodeName(file(QStringLiteral("Documents/letter.txt.tessera-undo"))).constData()) == 0);
        QTemporaryDir outside;
        QVERIFY(put(outside.filePath(QStringLiteral("secret")), "host secret"));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret")), file(QStringLiteral("Documents/letter.txt.tessera-undo-1"))));
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), journal.planUndo(QStringLiteral("terminal"), since)));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("100"));
        QCOMPARE(get(outside.filePath(QStringLiteral("secret"))), QByteArray("host secret"));
    }

    void aLongLineNeverHidesLaterHistory()
    {
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        }
        // An undo of a few thousand files as older versions journaled it: one line of > 1 MiB.
        QJsonArray items;
        for (int i = 0; i < 6000; ++i)
            items.append(QJsonObject{{QStringLiteral("path"), QStringLiteral("Documents/old/file%1-%2.txt").arg(i).arg(QString(150, QLatin1Char('x')))},
                                     {QStringLiteral("restore"), QString()}});
        const QByteArray begin = QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("undo-begin")}, {QStringLiteral("id"), 7},
                                                           {QStringLiteral("actor"), QStringLiteral("terminal")}, {QStringLiteral("items"), items}})
                                     .toJson(QJsonDocument::Compact);
        QVERIFY(begin.size() > 1024 * 1024);
        QFile raw(m_journal + QStringLiteral("/journal.jsonl"));
        QVERIFY(raw.open(QIODevice::Append));
        raw.write(begin + "\n{\"type\":\"undo-end\",\"id\":7}\n");
        raw.close();
        // Later history, after that line.
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "written after the long line"));
            QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()));
        }
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QCOMPARE(journal.currentHash(QStringLiteral("Documents/notes.txt")), StoreJournal::hashOf("written after the long line"));
        journal.prune(QDateTime::currentDateTimeUtc().addDays(-StoreJournal::RetentionDays));
        QCOMPARE(journal.object(StoreJournal::hashOf("written after the long line")), QByteArray("written after the long line"));
        QCOMPARE(journal.object(StoreJournal::hashOf("todo")), QByteArray("todo"));
        QCOMPARE(StoreJournal::readChanges(m_journal, QString(), -1).size(), journal.changes().size());
    }

    void aLineTooLongToReadStopsPruning()
    {
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
        }
        QFile raw(m_journal + QStringLiteral("/journal.jsonl"));
        QVERIFY(raw.open(QIODevice::Append));
        raw.write(QByteArray(StoreJournalFormat::MaxReadLine + 10, 'x') + '\n');
        raw.close();
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QVERIFY(!journal.readCompletely());
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "after"));
        QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()));
        const qint64 bytes = journal.storageBytes();
        // Pruning everything older than now would merge history; on a partial read it must not.
        QCOMPARE(journal.prune(QDateTime::currentDateTimeUtc().addDays(1)), bytes);
        StoreJournal reopened(m_journal, m_store);
        QVERIFY(reopened.open());
        QCOMPARE(reopened.changes().size(), 4);
        QCOMPARE(reopened.currentHash(QStringLiteral("Documents/notes.txt")), StoreJournal::hashOf("after"));
    }

    void undoIntentsAreWrittenInBoundedPieces()
    {
        const QStringList paths = longPaths(60);
        for (const QString &path : paths)
            QVERIFY(put(file(path), "original"));
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = baseline(journal);
        QVERIFY(since.isValid());
        for (const QString &path : paths) {
            QVERIFY(put(file(path), "changed by the guest"));
            QVERIFY(journal.record(path, QStringLiteral("terminal")));
        }
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), journal.planUndo(QStringLiteral("terminal"), since)));
        for (const QString &path : paths)
            QCOMPARE(get(file(path)), QByteArray("original"));
        int pieces = 0;
        for (const QByteArray &line : journalLines(m_journal)) {
            QVERIFY2(line.size() <= StoreJournalFormat::MaxWrittenLine, QByteArray::number(line.size()).constData());
            pieces += line.contains("\"undo-items\"") ? 1 : 0;
        }
        QVERIFY2(pieces >= 2, QByteArray::number(pieces).constData());
    }

    void anUndoLeavesAFileChangedSinceThePreviewAsItIs()
    {
        StoreJournal journal(m_journal, m_store);
        const QDateTime since = baseline(journal);
        QVERIFY(since.isValid());
        QVERIFY(change(journal, QStringLiteral("Documents/letter.txt"), "send money"));
        QVERIFY(change(journal, QStringLiteral("Documents/notes.txt"), "evil"));
        const QList<StoreJournal::UndoItem> plan = journal.planUndo(QStringLiteral("terminal"), since);
        // The person edits notes.txt after the preview, before its event was recorded.
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "my own notes"));
        QStringList left;
        QVERIFY(journal.applyUndo(QStringLiteral("terminal"), plan, nullptr, &left));
        QCOMPARE(left, QStringList{QStringLiteral("Documents/notes.txt")});
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("my own notes"));
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
    }

    void finishingAnInterruptedUndoNeverOverwritesLaterChanges()
    {
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
            QVERIFY(change(journal, QStringLiteral("Documents/letter.txt"), "evil"));
            QVERIFY(change(journal, QStringLiteral("Documents/notes.txt"), "evil too"));
            QVERIFY(change(journal, QStringLiteral("Documents/budget.txt"), "evil three"));
        }
        // The intent (as any version journals it), then a crash before any file was touched.
        QFile raw(m_journal + QStringLiteral("/journal.jsonl"));
        QVERIFY(raw.open(QIODevice::Append));
        raw.write(QStringLiteral("{\"type\":\"undo-begin\",\"id\":99,\"actor\":\"terminal\",\"items\":["
                                 "{\"path\":\"Documents/letter.txt\",\"restore\":\"%1\"},"
                                 "{\"path\":\"Documents/notes.txt\",\"restore\":\"%2\"},"
                                 "{\"path\":\"Documents/budget.txt\",\"restore\":\"%3\"}]}\n")
                      .arg(StoreJournal::hashOf("dear bank"), StoreJournal::hashOf("todo"), StoreJournal::hashOf("100"))
                      .toUtf8());
        raw.close();
        {
            // Before the crash, the recorder saw the person change budget.txt.
            StoreJournal::Change change;
            change.sequence = 500;
            change.time = QDateTime::currentDateTimeUtc();
            change.actor = StoreJournal::hostActor();
            change.path = QStringLiteral("Documents/budget.txt");
            change.before = StoreJournal::hashOf("evil three");
            change.after = StoreJournal::hashOf("the person's budget");
            QVERIFY(raw.open(QIODevice::Append));
            raw.write(StoreJournalFormat::changeLine(change) + '\n');
            raw.close();
        }
        QVERIFY(put(file(QStringLiteral("Documents/budget.txt")), "the person's budget"));
        // While Tessera was not running, the person edited notes.txt.
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "my own notes"));
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        QCOMPARE(get(file(QStringLiteral("Documents/letter.txt"))), QByteArray("dear bank"));
        QCOMPARE(get(file(QStringLiteral("Documents/notes.txt"))), QByteArray("my own notes"));
        QCOMPARE(get(file(QStringLiteral("Documents/budget.txt"))), QByteArray("the person's budget"));
        QCOMPARE(journal.currentHash(QStringLiteral("Documents/notes.txt")), StoreJournal::hashOf("my own notes"));
        QCOMPARE(journal.changes().last().actor, StoreJournal::unknownActor());
    }

    void tesserasOwnWriteIsItsOnlyWithItsContent()
    {
        StoreJournal journal(m_journal, m_store);
        QVERIFY(baseline(journal).isValid());
        // An event the ledger says is Tessera's (an undo's restore of "dear bank")...
        QVERIFY(put(file(QStringLiteral("Documents/letter.txt")), "dear bank, again"));
        QVERIFY(journal.recordOwn(QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal"), StoreJournal::undoActor(QStringLiteral("terminal")),
                                  StoreJournal::hashOf("dear bank")));
        // ...but the file holds something else: someone wrote it in the same clock tick.
        QCOMPARE(journal.changes().last().actor, QStringLiteral("terminal"));
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "restored"));
        QVERIFY(journal.recordOwn(QStringLiteral("Documents/notes.txt"), QStringLiteral("terminal"), StoreJournal::tesseraActor(QStringLiteral("salvage")),
                                  StoreJournal::hashOf("restored")));
        QCOMPARE(journal.changes().last().actor, QStringLiteral("tessera:salvage"));
        QVERIFY(StoreJournal::isTesseraActor(journal.changes().last().actor));
        QVERIFY(!StoreJournal::isTesseraActor(QStringLiteral("terminal")));
    }

    void killedAtEachStepOfAnUndo_data()
    {
        QTest::addColumn<QByteArray>("step");
        QTest::addColumn<bool>("finished"); // the next start finished the undo (else: nothing touched)
        QTest::newRow("after undo-begin") << QByteArray("undo-begin") << false;
        QTest::newRow("between pieces") << QByteArray("undo-items") << false;
        QTest::newRow("after the commit") << QByteArray("undo-commit") << true;
        QTest::newRow("after the first file") << QByteArray("file") << true;
    }

    void killedAtEachStepOfAnUndo()
    {
        QFETCH(QByteArray, step);
        QFETCH(bool, finished);
        const QStringList paths = longPaths(45);
        for (const QString &path : paths)
            QVERIFY(put(file(path), "original"));
        QDateTime since;
        {
            StoreJournal journal(m_journal, m_store);
            QVERIFY(journal.open());
            QVERIFY(journal.scan(QStringLiteral("Documents"), StoreJournal::hostActor()));
            QTRY_VERIFY(QDateTime::currentDateTimeUtc() > journal.changes().last().time);
            since = QDateTime::currentDateTimeUtc();
            for (const QString &path : paths) {
                QVERIFY(put(file(path), "changed by the guest"));
                QVERIFY(journal.record(path, QStringLiteral("terminal")));
            }
        }
        // A child process undoes and is killed (SIGKILL) right after the step.
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--undo-and-die"), m_journal, m_store, since.toString(Qt::ISODateWithMs), QString::fromLatin1(step)});
        QVERIFY(child.waitForFinished(60000));
        QCOMPARE(child.exitStatus(), QProcess::CrashExit);
        int pieces = 0;
        for (const QByteArray &line : journalLines(m_journal))
            pieces += line.contains("\"undo-items\"") ? 1 : 0;
        if (step == "undo-begin")
            QCOMPARE(pieces, 0);
        else if (step == "undo-items")
            QCOMPARE(pieces, 1); // killed between the first piece and the next
        else
            QVERIFY(pieces >= 2);

        // The next start.
        StoreJournal journal(m_journal, m_store);
        QVERIFY(journal.open());
        int restored = 0;
        for (const QString &path : paths)
            restored += get(file(path)) == "original" ? 1 : 0;
        QCOMPARE(restored, finished ? int(paths.size()) : 0);
        // Later history is kept whole: recorded, read again, pruned, its objects still there.
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "later"));
        QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), StoreJournal::hostActor()));
        StoreJournal again(m_journal, m_store);
        QVERIFY(again.open());
        QVERIFY(again.readCompletely());
        QCOMPARE(again.changes().size(), journal.changes().size());
        again.prune(QDateTime::currentDateTimeUtc().addDays(-StoreJournal::RetentionDays));
        QCOMPARE(again.object(StoreJournal::hashOf("later")), QByteArray("later"));
        // An undo cut short before its commit can simply be done again.
        if (!finished) {
            QVERIFY(again.applyUndo(QStringLiteral("terminal"), again.planUndo(QStringLiteral("terminal"), since)));
            for (const QString &path : paths)
                QCOMPARE(get(file(path)), QByteArray("original"));
        }
        QVERIFY(again.planUndo(QStringLiteral("terminal"), since).isEmpty());
        for (const QByteArray &line : journalLines(m_journal))
            QVERIFY(line.size() <= StoreJournalFormat::MaxWrittenLine);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 6 && args.at(1) == QLatin1String("--undo-and-die")) {
        // The child of killedAtEachStepOfAnUndo: undo, and SIGKILL right after the named step.
        StoreJournal journal(args.at(2), args.at(3));
        if (!journal.open())
            return 3;
        const QByteArray step = args.at(5).toLatin1();
        journal.afterStep = [step](const char *name) {
            if (step == name)
                ::raise(SIGKILL);
        };
        const QDateTime since = QDateTime::fromString(args.at(4), Qt::ISODateWithMs);
        journal.applyUndo(QStringLiteral("terminal"), journal.planUndo(QStringLiteral("terminal"), since));
        return 4; // the step was never reached
    }
    TestStoreJournal test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_storejournal.moc"
