// BreachEvent's JSON form and BreachLog's append/read, including a log cut short by a crash.
#include "breachlog.h"

#include <QFile>
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
};

QTEST_GUILESS_MAIN(TestBreachLog)
#include "tst_breachlog.moc"
