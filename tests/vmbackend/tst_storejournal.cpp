// StoreJournal: provenance of store changes and selective undo, on real files, including a
// crash in the middle of an undo and links planted in the store.
#include "storejournal.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

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

} // namespace

class TestStoreJournal : public QObject
{
    Q_OBJECT
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_store;
    QString m_journal;

    QString file(const QString &relative) const { return m_store + QLatin1Char('/') + relative; }

private Q_SLOTS:
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

        QVERIFY(put(file(QStringLiteral("Documents/letter.txt")), "send money to evil"));
        QVERIFY(journal.record(QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal")));
        QVERIFY(put(file(QStringLiteral("Documents/ransom.txt")), "pay up"));
        QVERIFY(journal.record(QStringLiteral("Documents/ransom.txt"), QStringLiteral("terminal")));
        QVERIFY(put(file(QStringLiteral("Documents/budget.txt")), "0"));
        QVERIFY(journal.record(QStringLiteral("Documents/budget.txt"), QStringLiteral("terminal")));
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
            QVERIFY(put(file(QStringLiteral("Documents/letter.txt")), "evil"));
            QVERIFY(journal.record(QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal")));
            QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "evil too"));
            QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), QStringLiteral("terminal")));
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
        QVERIFY(put(file(QStringLiteral("Documents/notes.txt")), "version 5 by terminal"));
        QVERIFY(journal.record(QStringLiteral("Documents/notes.txt"), QStringLiteral("terminal")));
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
};

QTEST_GUILESS_MAIN(TestStoreJournal)
#include "tst_storejournal.moc"
