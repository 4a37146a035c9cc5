// StoreRecorder on a real folder: who changed what. With fanotify (root) a write is named by
// its process — an appliance's QEMU is recognised by its "-name guest=tessera-NAME" — and
// without it by the appliance that has the folder mounted read-write. A rename is recorded
// under both names, names that are not UTF-8 are kept, Tessera's own writes are Tessera's,
// and a flood that overflows the kernel's queue cannot hide a change.
#include "storefiles.h"
#include "storepath.h"
#include "storerecorder.h"
#include "storewriteridentifier.h"

#include <QBuffer>
#include <QSemaphore>

#include <memory>

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

// A store with @p folder in it, @p files written there first, and a started recorder on
// it that knows the appliance "terminal" has @p folder mounted read-write.
struct Recording
{
    QTemporaryDir dir;
    QString store = dir.filePath(QStringLiteral("store"));
    std::unique_ptr<StoreRecorder> recorder;
    std::unique_ptr<QSignalSpy> recorded;

    bool start(const QString &folder, const QHash<QString, QByteArray> &files = {})
    {
        if (!QDir().mkpath(store + QLatin1Char('/') + folder))
            return false;
        for (auto it = files.cbegin(); it != files.cend(); ++it) {
            QFile file(store + QLatin1Char('/') + it.key());
            if (!file.open(QIODevice::WriteOnly) || file.write(it.value()) != it.value().size())
                return false;
        }
        recorder = std::make_unique<StoreRecorder>(dir.filePath(QStringLiteral("journal")), store);
        QSignalSpy ready(recorder.get(), &StoreRecorder::ready);
        recorded = std::make_unique<QSignalSpy>(recorder.get(), &StoreRecorder::recorded);
        recorder->start();
        if (!ready.wait(10000))
            return false;
        recorder->setWritableFolders(QStringLiteral("terminal"), {folder});
        return true;
    }
};

} // namespace

class TestStoreRecorder : public QObject
{
    Q_OBJECT

    static bool put(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(content) == content.size();
    }

    static bool recordedBy(const QSignalSpy &spy, const QString &path, const QString &actor)
    {
        return std::any_of(spy.cbegin(), spy.cend(), [&](const QList<QVariant> &r) {
            return r.at(0).toString() == path && r.at(1).toString() == actor; });
    }

private Q_SLOTS:
    void applianceOfProcessReadsQemusName()
    {
        QCOMPARE(StoreWriterIdentifier::applianceOfProcess(QCoreApplication::applicationPid()), QString());
        QProcess fake;
        fake.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("read line"), QStringLiteral("-name"),
                                               QStringLiteral("guest=tessera-terminal,debug-threads=on")});
        QVERIFY(fake.waitForStarted());
        QTRY_COMPARE_WITH_TIMEOUT(StoreWriterIdentifier::applianceOfProcess(fake.processId()), QStringLiteral("terminal"), 5000);
        fake.closeWriteChannel();
        QVERIFY(fake.waitForFinished());
    }

    void changesAreRecordedWithTheirWriter()
    {
        QTemporaryDir dir;
        const QString store = dir.filePath(QStringLiteral("store"));
        QVERIFY(QDir().mkpath(store + QStringLiteral("/Documents")));
        QVERIFY(put(store + QStringLiteral("/Documents/old.txt"), "old"));
        StoreRecorder recorder(dir.filePath(QStringLiteral("journal")), store);
        QSignalSpy ready(&recorder, &StoreRecorder::ready);
        QSignalSpy recorded(&recorder, &StoreRecorder::recorded);
        recorder.start();
        QVERIFY(ready.wait(10000));
        // The scan at start found the file nobody saw being written.
        QList<StoreJournal::Change> atStart;
        bool fetched = false;
        recorder.changes(this, [&](const QList<StoreJournal::Change> &changes) { atStart = changes; fetched = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fetched, 5000);
        QCOMPARE(atStart.size(), 1);
        QCOMPARE(atStart.first().path, QStringLiteral("Documents/old.txt"));
        QCOMPARE(atStart.first().actor, StoreJournal::unknownActor());
        recorder.setWritableFolders(QStringLiteral("terminal"), {QStringLiteral("Documents")});

        // A process that calls itself an appliance's QEMU writes into the store.
        // (It stays alive until told, as QEMU does: a writer is named from its /proc entry.)
        QProcess writer;
        writer.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("echo planted > \"$0/Documents/planted.txt\"; read line"),
                                                 store, QStringLiteral("-name"), QStringLiteral("guest=tessera-editor")});
        QVERIFY(writer.waitForStarted());
        const bool named = StoreWriterIdentifier().isAvailable();
        // With fanotify the writer is named; without it the folder's only writable mount is.
        const QString expectedWriter = named ? QStringLiteral("editor") : QStringLiteral("terminal");
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Documents/planted.txt"), expectedWriter), 5000);
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished());

        // The person (this process) writes a file in a folder no appliance mounts.
        QVERIFY(QDir().mkpath(store + QStringLiteral("/Photos")));
        QVERIFY(put(store + QStringLiteral("/Photos/cat.txt"), "meow"));
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Photos/cat.txt"), StoreJournal::hostActor()), 5000);

        // A deletion has no writer: it goes to the folder's writable mount.
        QVERIFY(QFile::remove(store + QStringLiteral("/Documents/old.txt")));
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Documents/old.txt"), QStringLiteral("terminal")), 5000);

        if (!named)
            QSKIP("fanotify needs root: writers are attributed by mount here (checked above)");
        // As root, the person's own write in a folder an appliance mounts is still theirs.
        QVERIFY(put(store + QStringLiteral("/Documents/mine.txt"), "mine"));
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Documents/mine.txt"), StoreJournal::hostActor()), 5000);
    }

    // A process that calls itself the QEMU of appliance @p appliance runs @p script in @p store
    // and waits for a line on its input (as QEMU stays alive: writers are named from /proc).
    static void startWriter(QProcess &writer, const QString &store, const QString &script, const QString &appliance)
    {
        writer.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), QStringLiteral("cd \"$0\" && ") + script, store, QStringLiteral("-name"),
                                                 QStringLiteral("guest=tessera-") + appliance});
    }

    static QList<StoreJournal::Change> changesOf(StoreRecorder &recorder)
    {
        QList<StoreJournal::Change> changes;
        bool fetched = false;
        recorder.changes(&recorder, [&](const QList<StoreJournal::Change> &all) { changes = all; fetched = true; });
        if (!QTest::qWaitFor([&] { return fetched; }, 5000))
            qWarning("the recorder did not answer");
        return changes;
    }

    static bool has(const QList<StoreJournal::Change> &changes, const QString &path, const QString &actor, const QString &after)
    {
        return std::any_of(changes.cbegin(), changes.cend(), [&](const StoreJournal::Change &c) {
            return c.path == path && c.actor == actor && c.after == after; });
    }

    void aGuestRenameOverAFileIsRecordedUnderBothNamesAndUndone()
    {
        Recording r;
        QVERIFY(r.start(QStringLiteral("Documents"), {{QStringLiteral("Documents/letter.txt"), "dear bank"}}));
        StoreRecorder &recorder = *r.recorder;
        QSignalSpy &recorded = *r.recorded;
        const QString store = r.store;
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > changesOf(recorder).last().time);
        const QDateTime since = QDateTime::currentDateTimeUtc();

        // The guest writes a temporary file; once it is recorded, renames it over the letter.
        QProcess writer;
        startWriter(writer, store, QStringLiteral("printf 'send money' > Documents/.letter.tmp; read line; mv Documents/.letter.tmp Documents/letter.txt; read line"),
                    QStringLiteral("terminal"));
        QVERIFY(writer.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Documents/.letter.tmp"), QStringLiteral("terminal")), 5000);
        recorded.clear();
        writer.write("\n");
        // Both names: the temporary one as gone, the letter with the guest's content.
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal"))
                                     && recordedBy(recorded, QStringLiteral("Documents/.letter.tmp"), QStringLiteral("terminal")), 5000);
        const QList<StoreJournal::Change> changes = changesOf(recorder);
        QVERIFY(has(changes, QStringLiteral("Documents/.letter.tmp"), QStringLiteral("terminal"), QString()));
        QVERIFY(has(changes, QStringLiteral("Documents/letter.txt"), QStringLiteral("terminal"), StoreJournal::hashOf("send money")));
        writer.write("\n");
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished());

        // Undo brings the victim's content back and leaves no temporary file.
        QList<StoreJournal::UndoItem> plan;
        bool planned = false;
        recorder.planUndo(QStringLiteral("terminal"), since, this, [&](const QList<StoreJournal::UndoItem> &items) { plan = items; planned = true; });
        QTRY_VERIFY_WITH_TIMEOUT(planned, 5000);
        QCOMPARE(plan.size(), 1);
        bool done = false;
        recorder.applyUndo(QStringLiteral("terminal"), plan, this, [&](bool ok, const QString &error, const QStringList &) {
            QVERIFY2(ok, qPrintable(error));
            done = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(done, 5000);
        QFile letter(store + QStringLiteral("/Documents/letter.txt"));
        QVERIFY(letter.open(QIODevice::ReadOnly));
        QCOMPARE(letter.readAll(), QByteArray("dear bank"));
        QVERIFY(!QFile::exists(store + QStringLiteral("/Documents/.letter.tmp")));
        // The undo's own events are recorded as the undo's, never as the appliance's.
        const QList<StoreJournal::Change> after = changesOf(recorder);
        QCOMPARE(after.last().actor, StoreJournal::undoActor(QStringLiteral("terminal")));
        QVERIFY(std::none_of(after.cbegin(), after.cend(), [](const StoreJournal::Change &c) {
            return c.path.contains(QLatin1String(".tessera-undo")); }));
    }

    void namesThatAreNotUtf8AreRecorded()
    {
        Recording r;
        QVERIFY(r.start(QStringLiteral("Documents")));
        StoreRecorder &recorder = *r.recorder;
        QSignalSpy &recorded = *r.recorded;
        const QString store = r.store;
        QProcess writer;
        startWriter(writer, store, QStringLiteral("printf 'x' > \"Documents/$(printf 'caf\\351')\"; read line"), QStringLiteral("terminal"));
        QVERIFY(writer.waitForStarted());
        const QString name = StorePath::fromBytes("Documents/caf\xe9");
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, name, QStringLiteral("terminal")), 5000);
        QVERIFY(has(changesOf(recorder), name, QStringLiteral("terminal"), StoreJournal::hashOf("x")));
        writer.closeWriteChannel();
        QVERIFY(writer.waitForFinished());
        // QTemporaryDir cannot remove a name that is not UTF-8.
        QCOMPARE(::unlink((QFile::encodeName(store) + "/Documents/caf\xe9").constData()), 0);
    }

    void tesserasOwnWritesAreRecordedAsTesseras()
    {
        // An appliance has the folder mounted: by mount, the write would be blamed on it.
        Recording r;
        QVERIFY(r.start(QStringLiteral("Salvaged")));
        StoreRecorder &recorder = *r.recorder;
        QSignalSpy &recorded = *r.recorded;
        const QString store = r.store;
        // A salvaged file, written on this (the GUI) thread as QuarantineInspection does.
        QByteArray content("rescued");
        QBuffer buffer(&content);
        QVERIFY(buffer.open(QIODevice::ReadOnly));
        StoreFiles::WriteOptions options;
        options.actor = StoreJournal::tesseraActor(QStringLiteral("salvage"));
        QString error;
        QVERIFY2(StoreFiles(store).write(QStringLiteral("Salvaged/terminal-1/notes.txt"), &buffer, options, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(recordedBy(recorded, QStringLiteral("Salvaged/terminal-1/notes.txt"), options.actor), 5000);
        const QList<StoreJournal::Change> changes = changesOf(recorder);
        QVERIFY(std::none_of(changes.cbegin(), changes.cend(), [](const StoreJournal::Change &c) {
            return c.actor == QLatin1String("terminal") || c.actor == StoreJournal::hostActor(); }));
    }

    void aFloodOfEventsCannotHideAChange()
    {
        Recording r;
        QVERIFY(r.start(QStringLiteral("Documents"), {{QStringLiteral("Documents/victim.txt"), "the person's"}}));
        StoreRecorder &recorder = *r.recorder;
        QSignalSpy rescanned(&recorder, &StoreRecorder::rescanned);
        const QString store = r.store;
        // Hold the recorder's thread (inside an empty undo) while the store is flooded, so the
        // kernel's queue overflows as it would under a guest that floods on purpose.
        QSemaphore entered;
        QSemaphore resume;
        recorder.setAfterUndoStep([&](const char *step) {
            if (qstrcmp(step, "undo-commit") == 0) {
                entered.release();
                resume.acquire();
            }
        });
        bool undone = false;
        recorder.applyUndo(QStringLiteral("nobody"), {}, this, [&](bool, const QString &, const QStringList &) { undone = true; });
        QVERIFY(entered.tryAcquire(1, 10000));
        for (int round = 0; round < 100; ++round) {
            for (int i = 0; i < 100; ++i)
                QVERIFY(put(store + QStringLiteral("/Documents/flood%1").arg(i), QByteArray::number(round % 2)));
        }
        // The change the flood is to hide: a deletion (fanotify reports no deletions).
        QVERIFY(QFile::remove(store + QStringLiteral("/Documents/victim.txt")));
        resume.release();
        QTRY_VERIFY_WITH_TIMEOUT(undone, 10000);
        QVERIFY(rescanned.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(has(changesOf(recorder), QStringLiteral("Documents/victim.txt"), QStringLiteral("terminal"), QString()), 10000);
    }
};

QTEST_GUILESS_MAIN(TestStoreRecorder)
#include "tst_storerecorder.moc"
