// BreachRateLimiter: per kind, the first breach at once, the rest of its window folded into one
// summary that says how many it stands for; nothing is dropped, evidence stays bounded.
#include "breachratelimiter.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

namespace {

constexpr int ShortWindowMs = 300;

BreachEvent refused(int port)
{
    BreachEvent event;
    event.kind = BreachEvent::Kind::ConnectionDenied;
    event.appliance = QStringLiteral("terminal");
    event.time = event.windowStart = event.windowEnd = QDateTime::currentDateTimeUtc();
    event.subject = QStringLiteral("127.0.0.1:%1").arg(port);
    event.observed = 1;
    event.unit = QStringLiteral("connections");
    event.addEvidence(event.subject + QStringLiteral(" refused (no rule allows it)"));
    return event;
}

BreachEvent raisedAt(const QSignalSpy &spy, int i)
{
    return spy.at(i).first().value<BreachEvent>();
}

} // namespace

class TestBreachRateLimiter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aThousandRefusedDestinationsAreTwoBreaches()
    {
        BreachRateLimiter limiter(nullptr, ShortWindowMs);
        QSignalSpy raised(&limiter, &BreachRateLimiter::raised);
        for (int port = 1; port <= 1000; ++port)
            limiter.submit(refused(port));
        // The first at once; the other 999 wait for the window's end.
        QCOMPARE(raised.count(), 1);
        QCOMPARE(raisedAt(raised, 0).subject, QStringLiteral("127.0.0.1:1"));
        QCOMPARE(raisedAt(raised, 0).folded, 0);
        QVERIFY(limiter.isHolding(BreachEvent::Kind::ConnectionDenied));
        QVERIFY(raised.wait(5000));
        QCOMPARE(raised.count(), 2);
        const BreachEvent summary = raisedAt(raised, 1);
        QCOMPARE(summary.kind, BreachEvent::Kind::ConnectionDenied);
        QCOMPARE(summary.subject, QStringLiteral("127.0.0.1:2"));
        QCOMPARE(summary.folded + 1, 999);        // it stands for 999 breaches
        QCOMPARE(summary.foldedSubjects, 998);    // of 999 destinations
        QCOMPARE(summary.evidence.size(), BreachEvent::MaxEvidence);
        QCOMPARE(summary.evidence.size() + summary.evidenceOmitted, 999);
        QVERIFY2(summary.describe().contains(QLatin1String("998 more refused destination")), qPrintable(summary.describe()));
        QVERIFY(!limiter.isHolding(BreachEvent::Kind::ConnectionDenied));
        // Nothing more came: no further breach.
        QVERIFY(!raised.wait(2 * ShortWindowMs));
    }

    void kindsAreLimitedApart()
    {
        BreachRateLimiter limiter(nullptr, 60000);
        QSignalSpy raised(&limiter, &BreachRateLimiter::raised);
        limiter.submit(refused(1));
        BreachEvent cpu;
        cpu.kind = BreachEvent::Kind::CpuOverQuota;
        cpu.appliance = QStringLiteral("terminal");
        cpu.observed = 180;
        cpu.bound = 50;
        limiter.submit(cpu);
        QCOMPARE(raised.count(), 2); // each kind's first goes at once
        QVERIFY(raisedAt(raised, 1).time.isValid());
        limiter.submit(refused(2));
        cpu.observed = 250;
        limiter.submit(cpu);
        cpu.observed = 120;
        limiter.submit(cpu);
        QCOMPARE(raised.count(), 2);
        // Stopping lets out what is held, each kind once, the worst observation kept.
        limiter.flush();
        QCOMPARE(raised.count(), 4);
        for (int i = 2; i < 4; ++i) {
            const BreachEvent event = raisedAt(raised, i);
            if (event.kind == BreachEvent::Kind::CpuOverQuota) {
                QCOMPARE(event.observed, 250.0);
                QCOMPARE(event.folded, 1);
                QCOMPARE(event.foldedSubjects, 0);
                QVERIFY2(event.describe().contains(QLatin1String("1 more time")), qPrintable(event.describe()));
            } else {
                QCOMPARE(event.subject, QStringLiteral("127.0.0.1:2"));
                QCOMPARE(event.folded, 0);
            }
        }
        limiter.flush();
        QCOMPARE(raised.count(), 4); // nothing twice
    }

    void repeatsAreCountedNotListedAgain()
    {
        BreachRateLimiter limiter(nullptr, ShortWindowMs);
        QSignalSpy raised(&limiter, &BreachRateLimiter::raised);
        limiter.submit(refused(7));
        for (int i = 0; i < 50; ++i)
            limiter.submit(refused(7 + i % 2));
        QVERIFY(raised.wait(5000));
        const BreachEvent summary = raisedAt(raised, 1);
        QCOMPARE(summary.folded + 1, 50);
        QCOMPARE(summary.foldedSubjects, 1); // 127.0.0.1:8 besides :7
        QCOMPARE(summary.evidence.size(), 2);
        QCOMPARE(summary.evidenceOmitted, 0);
    }

    void aSustainedFloodGivesOneBreachPerWindow()
    {
        BreachRateLimiter limiter(nullptr, ShortWindowMs);
        QSignalSpy raised(&limiter, &BreachRateLimiter::raised);
        QElapsedTimer clock;
        clock.start();
        int submitted = 0;
        // Three windows' worth of refusals, a few every 10 ms.
        while (clock.elapsed() < 3 * ShortWindowMs) {
            for (int i = 0; i < 5; ++i)
                limiter.submit(refused(++submitted));
            QTest::qWait(10);
        }
        const qint64 elapsed = clock.elapsed();
        limiter.flush();
        int standsFor = 0;
        for (int i = 0; i < raised.count(); ++i)
            standsFor += 1 + raisedAt(raised, i).folded;
        QCOMPARE(standsFor, submitted); // none lost
        // The first, then at most one per window that ended, plus what the flush let out.
        const int bound = 1 + int(elapsed / ShortWindowMs) + 1;
        QVERIFY2(raised.count() <= bound, qPrintable(QStringLiteral("%1 > %2").arg(raised.count()).arg(bound)));
        QVERIFY(submitted > 50);
    }
};

QTEST_GUILESS_MAIN(TestBreachRateLimiter)
#include "tst_breachratelimiter.moc"
