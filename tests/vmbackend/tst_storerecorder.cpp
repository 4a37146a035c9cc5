// StoreRecorder on a real folder: who changed what. With fanotify (root) a write is named by
// its process — an appliance's QEMU is recognised by its "-name guest=tessera-NAME" — and
// without it by the appliance that has the folder mounted read-write.
#include "storerecorder.h"
#include "storewriteridentifier.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

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
};

QTEST_GUILESS_MAIN(TestStoreRecorder)
#include "tst_storerecorder.moc"
