// BreachEvent's JSON form and BreachLog's append/read, including a log cut short by a crash,
// the bound on its size (rotation) and reads bounded to the log's tail.
#include "breachlog.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

namespace {

BreachEvent sampleEvent(BreachEvent::Kind kind, const QString &appliance, int secondsAgo)
{
    BreachEvent event;
    event.kind = kind;
    event.appliance = appliance;
    event.time = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    event.windowStart = event.time.addMSecs(-300);
    event.windowEnd = event.time;
    event.subject = QStringLiteral("Documents");
    event.observed = 42;
    event.bound = 30;
    event.unit = QStringLiteral("s");
    event.addEvidence(QStringLiteral("Documents/a.txt"));
    return event;
}

} // namespace

class TestBreachLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void jsonRoundTrip_data()
    {
        QTest::addColumn<BreachEvent::Kind>("kind");
        QTest::addColumn<ContractElement>("element");
        QTest::newRow("write") << BreachEvent::Kind::WriteWithoutInput << ContractElement::Activity;
        QTest::newRow("read") << BreachEvent::Kind::ReadWithoutInput << ContractElement::Activity;
        QTest::newRow("mount rate") << BreachEvent::Kind::MountWriteOverRate << ContractElement::MountRates;
        QTest::newRow("denied") << BreachEvent::Kind::ConnectionDenied << ContractElement::NetworkRules;
        QTest::newRow("burst") << BreachEvent::Kind::DeniedBurst << ContractElement::NetworkRules;
        QTest::newRow("cpu") << BreachEvent::Kind::CpuOverQuota << ContractElement::CpuQuota;
        QTest::newRow("windows") << BreachEvent::Kind::WindowsOverLimit << ContractElement::MaxWindows;
        QTest::newRow("full screen") << BreachEvent::Kind::FullScreenRefused << ContractElement::Fullscreen;
    }

    void jsonRoundTrip()
    {
        QFETCH(BreachEvent::Kind, kind);
        QFETCH(ContractElement, element);
        const BreachEvent event = sampleEvent(kind, QStringLiteral("terminal"), 0);
        QCOMPARE(event.element(), element);
        BreachEvent read;
        QVERIFY(BreachEvent::fromJson(event.toJson(), &read));
        QCOMPARE(read.kind, kind);
        QCOMPARE(read.appliance, event.appliance);
        QCOMPARE(read.time, event.time);
        QCOMPARE(read.windowStart, event.windowStart);
        QCOMPARE(read.evidence, event.evidence);
        QCOMPARE(read.observed, 42.0);
        QVERIFY(!read.describe().isEmpty());
    }

    void malformedJsonIsRejected()
    {
        BreachEvent event;
        QVERIFY(!BreachEvent::fromJson({}, &event));
        QJsonObject unknownKind = sampleEvent(BreachEvent::Kind::CpuOverQuota, QStringLiteral("a"), 0).toJson();
        unknownKind.insert(QStringLiteral("kind"), QStringLiteral("nonsense"));
        QVERIFY(!BreachEvent::fromJson(unknownKind, &event));
    }

    void evidenceIsBounded()
    {
        BreachEvent event;
        for (int i = 0; i < BreachEvent::MaxEvidence + 7; ++i)
            event.addEvidence(QString::number(i));
        QCOMPARE(event.evidence.size(), BreachEvent::MaxEvidence);
        QCOMPARE(event.evidenceOmitted, 7);
    }

    void appendAndReadAllInTimeOrder()
    {
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 5)));
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::ConnectionDenied, QStringLiteral("editor"), 10)));
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::CpuOverQuota, QStringLiteral("terminal"), 1)));
        const QList<BreachEvent> all = log.readAll();
        QCOMPARE(all.size(), 3);
        QCOMPARE(all.at(0).appliance, QStringLiteral("editor"));
        QCOMPARE(all.at(2).kind, BreachEvent::Kind::CpuOverQuota);
        QCOMPARE(log.files().size(), 2);
    }

    void anEventAfterATornLineIsKept()
    {
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 2)));
        QFile raw(log.fileFor(QStringLiteral("terminal")));
        QVERIFY(raw.open(QIODevice::Append));
        raw.write("{\"kind\":\"cpu-ov"); // the writer was killed here and never came back
        raw.close();
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::DeniedBurst, QStringLiteral("terminal"), 1)));
        const QList<BreachEvent> all = log.readAll();
        QCOMPARE(all.size(), 2);
        QCOMPARE(all.last().kind, BreachEvent::Kind::DeniedBurst);
    }

    void followingReadsOnlyCompleteNewLines()
    {
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        const QString file = log.fileFor(QStringLiteral("terminal"));
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 0)));
        qint64 offset = 0;
        QCOMPARE(BreachLog::readFrom(file, &offset).size(), 1);
        const qint64 afterFirst = offset;
        // A crash mid-write leaves a torn line: it is not read, and the offset stays before it.
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::Append));
        raw.write("{\"kind\":\"write-with");
        raw.close();
        QCOMPARE(BreachLog::readFrom(file, &offset).size(), 0);
        QCOMPARE(offset, afterFirst);
        // Garbage and an overlong line are skipped once complete; later events are still read.
        QVERIFY(raw.open(QIODevice::Append));
        raw.write("out\n");
        raw.write(QByteArray(100 * 1024, 'x') + '\n');
        raw.close();
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::DeniedBurst, QStringLiteral("terminal"), 0)));
        const QList<BreachEvent> later = BreachLog::readFrom(file, &offset);
        QCOMPARE(later.size(), 1);
        QCOMPARE(later.first().kind, BreachEvent::Kind::DeniedBurst);
        QCOMPARE(offset, QFileInfo(file).size());
    }

    void foldedBreachesRoundTrip()
    {
        BreachEvent event = sampleEvent(BreachEvent::Kind::ConnectionDenied, QStringLiteral("terminal"), 0);
        event.subject = QStringLiteral("127.0.0.1:9");
        event.folded = 311;
        event.foldedSubjects = 312 - 1;
        BreachEvent read;
        QVERIFY(BreachEvent::fromJson(event.toJson(), &read));
        QCOMPARE(read.folded, 311);
        QCOMPARE(read.foldedSubjects, 311);
        QVERIFY2(read.describe().contains(QLatin1String("311 more refused destination")), qPrintable(read.describe()));
        // Counts from a log edited by hand stay sane.
        QJsonObject odd = event.toJson();
        odd.insert(QStringLiteral("folded"), -5);
        odd.insert(QStringLiteral("foldedSubjects"), 9);
        QVERIFY(BreachEvent::fromJson(odd, &read));
        QCOMPARE(read.folded, 0);
        QCOMPARE(read.foldedSubjects, 0);
        QCOMPARE(read.describe(), sampleEvent(BreachEvent::Kind::ConnectionDenied, QStringLiteral("t"), 0).describe().replace(
                                      QLatin1String("Documents"), QLatin1String("127.0.0.1:9")));
    }

    void aFullLogIsRotatedAndBothGenerationsAreRead()
    {
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        const QString file = log.fileFor(QStringLiteral("terminal"));
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 60)));
        // Fill it to the bound with older lines (as a long flood would have).
        const QByteArray line = QJsonDocument(sampleEvent(BreachEvent::Kind::CpuOverQuota, QStringLiteral("terminal"), 120).toJson())
                                    .toJson(QJsonDocument::Compact) + '\n';
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::Append));
        while (raw.size() < BreachLog::MaxFileBytes)
            raw.write(line);
        raw.close();
        const qint64 fullSize = QFileInfo(file).size();
        qint64 followerOffset = fullSize; // tessera-ctl events --follow has read it all
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::DeniedBurst, QStringLiteral("terminal"), 0)));
        // The full log became the older generation; the new line starts a new log.
        QCOMPARE(QFileInfo(BreachLog::rotatedFile(file)).size(), fullSize);
        QVERIFY(QFileInfo(file).size() < 64 * 1024);
        QVERIFY(!QFileInfo::exists(BreachLog::rotatedFile(file) + QStringLiteral(".1")));
        const QList<BreachEvent> followed = BreachLog::readFrom(file, &followerOffset);
        QCOMPARE(followed.size(), 1);
        QCOMPARE(followed.first().kind, BreachEvent::Kind::DeniedBurst);
        // Readers of the whole log see both generations, oldest first.
        const QList<BreachEvent> whole = BreachLog::readFile(file);
        QCOMPARE(whole.first().kind, BreachEvent::Kind::WriteWithoutInput);
        QCOMPARE(whole.last().kind, BreachEvent::Kind::DeniedBurst);
        QCOMPARE(whole.size(), int(fullSize / line.size()) + 1);
        // Never more than two generations: the next rotation replaces the older one.
        QVERIFY(raw.open(QIODevice::Append));
        while (raw.size() < BreachLog::MaxFileBytes)
            raw.write(line);
        raw.close();
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 0)));
        QVERIFY(QFileInfo(BreachLog::rotatedFile(file)).size() < fullSize + 64 * 1024);
        QCOMPARE(BreachLog::readFile(BreachLog::rotatedFile(file)).first().kind, BreachEvent::Kind::DeniedBurst);
    }

    void recentReadsOnlyTheTail()
    {
        // A log far larger than the bound (from before it, or grown by hand): its head is never
        // read. Its head holds breaches dated later than its tail, so reading it would show.
        QTemporaryDir logs;
        const BreachLog log(logs.path());
        const QString file = log.fileFor(QStringLiteral("terminal"));
        QVERIFY(QDir().mkpath(QFileInfo(file).absolutePath()));
        BreachEvent future = sampleEvent(BreachEvent::Kind::CpuOverQuota, QStringLiteral("terminal"), 0);
        future.time = QDateTime::currentDateTimeUtc().addYears(5);
        const QByteArray head = QJsonDocument(future.toJson()).toJson(QJsonDocument::Compact) + '\n';
        QFile raw(file);
        QVERIFY(raw.open(QIODevice::WriteOnly));
        QByteArray chunk;
        while (chunk.size() < 1024 * 1024)
            chunk += head;
        for (int i = 0; i < 24; ++i)
            raw.write(chunk);
        raw.write("{\"kind\":\"cpu-over-quota\",\"appliance\":\"terminal\",\"torn\":\""); // the cut falls in here
        raw.write(QByteArray(100, 'x') + "\"}\n");
        QByteArray tail;
        for (int i = 0; i < 10; ++i)
            tail += QJsonDocument(sampleEvent(BreachEvent::Kind::WriteWithoutInput, QStringLiteral("terminal"), 10 - i).toJson())
                        .toJson(QJsonDocument::Compact) + '\n';
        raw.write(tail);
        raw.close();
        const qint64 budget = tail.size() + 50;
        const QList<BreachEvent> recent = log.readRecent(budget);
        QCOMPARE(recent.size(), 10);
        for (const BreachEvent &event : recent)
            QCOMPARE(event.kind, BreachEvent::Kind::WriteWithoutInput);
        // A short current log is topped up from the end of the older generation.
        QVERIFY(QFile::rename(file, BreachLog::rotatedFile(file)));
        QVERIFY(log.append(sampleEvent(BreachEvent::Kind::DeniedBurst, QStringLiteral("terminal"), 0)));
        const QList<BreachEvent> topped = log.readRecent(budget);
        QCOMPARE(topped.last().kind, BreachEvent::Kind::DeniedBurst);
        QVERIFY(topped.size() > 1);
        QVERIFY(topped.size() <= 11);
        QCOMPARE(topped.at(topped.size() - 2).kind, BreachEvent::Kind::WriteWithoutInput);
    }
};

QTEST_GUILESS_MAIN(TestBreachLog)
#include "tst_breachlog.moc"
