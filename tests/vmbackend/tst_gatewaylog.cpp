// The gateway's network log stays bounded however much a guest asks for (rotation to one
// previous file), and the contract monitor reads it across a rotation: refusals written
// just before the log was rotated still become breaches. Refusals for the open rate reach
// the monitor as evidence. Everything runs on this machine: no rule allows anything, so
// nothing is looked up or connected.
#include "appliancemonitor.h"
#include "gatewayserver.h"
#include "gatewaytestlink.h"
#include "networkjournal.h"
#include "systemcontract.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace GatewayTest;

namespace {

constexpr qint64 MaxLogBytes = 4096;

/// A host name of @p length characters (the longest the protocol allows is 253): long log lines.
QByteArray longName(int index, int length = 240)
{
    QByteArray name = "h" + QByteArray::number(index) + ".";
    while (name.size() < length)
        name += "abcdefghij";
    return name.left(length);
}

/// The breaches @p spy caught so far, by subject (the latest of each).
QHash<QString, BreachEvent> bySubject(const QSignalSpy &spy)
{
    QHash<QString, BreachEvent> breaches;
    for (const QList<QVariant> &arguments : spy) {
        const BreachEvent event = arguments.at(0).value<BreachEvent>();
        breaches.insert(event.subject, event);
    }
    return breaches;
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestGatewayLog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    int m_serial = 0;

    /// A gateway that allows nothing, logging into its own folder.
    GatewayPolicy policy()
    {
        GatewayPolicy policy;
        policy.logDir = m_dir.filePath(QStringLiteral("logs%1").arg(++m_serial));
        policy.maxLogBytes = MaxLogBytes;
        return policy;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<BreachEvent>();
        QVERIFY(m_dir.isValid());
    }

    /// A guest that keeps asking fills at most two files of maxLogBytes; the newest lines stay.
    void logIsBounded()
    {
        GatewayPolicy bounded = policy();
        bounded.opensPerSecond = bounded.opensBurst = 1000;
        GatewayServer gateway(bounded);
        const QString path = m_dir.filePath(QStringLiteral("bounded.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        QVERIFY(guest.greet(path));
        constexpr quint32 Opens = 200; // about 100 KiB of log lines
        QByteArray opens;
        for (quint32 id = 1; id <= Opens; ++id)
            opens += openFrame(id, longName(int(id)), 443);
        guest.socket.write(opens);
        QCOMPARE(guest.refusal(Opens), 1);

        const QString log = NetworkJournal::logPath(bounded.logDir);
        QVERIFY(QFileInfo(log).size() <= MaxLogBytes);
        QVERIFY(QFileInfo(NetworkJournal::previousLogPath(bounded.logDir)).size() <= MaxLogBytes);
        QVERIFY(QFileInfo::exists(NetworkJournal::previousLogPath(bounded.logDir)));
        QCOMPARE(QDir(bounded.logDir).entryList(QDir::Files).filter(QStringLiteral("network.jsonl")).size(), 2);
        // The newest attempt is in the current file, whole.
        QVERIFY(readAll(log).contains(longName(int(Opens))));
        QVERIFY(readAll(log).endsWith('\n'));
    }

    /// Lines written just before a rotation, not yet read, are read from network.jsonl.1.
    void monitorReadsAcrossRotation()
    {
        GatewayPolicy rotating = policy();
        ApplianceMonitor monitor(QStringLiteral("app"), SystemContract(), m_dir.path());
        monitor.watchNetworkLog(NetworkJournal::logPath(rotating.logDir));
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        GatewayServer gateway(rotating);
        const QString path = m_dir.filePath(QStringLiteral("rotating.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        QVERIFY(guest.greet(path));

        // One refusal, read by the monitor.
        guest.socket.write(openFrame(1, longName(1), 1001));
        QCOMPARE(guest.refusal(1), 1);
        QVERIFY(breaches.wait(WaitMs));
        const QByteArray first = readAll(NetworkJournal::logPath(rotating.logDir));
        QVERIFY(first.endsWith('\n'));

        // Then, in one go (the gateway handles them before the monitor looks again), enough
        // refusals to fill the file and start a new one: exactly one rotation.
        const int perFile = int(MaxLogBytes / first.size());
        const int more = perFile + 1;
        QByteArray opens;
        for (int i = 0; i < more; ++i)
            opens += openFrame(quint32(2 + i), longName(2 + i), quint16(2000 + i));
        guest.socket.write(opens);
        QCOMPARE(guest.refusal(quint32(1 + more)), 1);
        const QByteArray previous = readAll(NetworkJournal::previousLogPath(rotating.logDir));
        QVERIFY2(previous.startsWith(first), "not exactly one rotation: the test's sizes are off");
        QVERIFY(!readAll(NetworkJournal::logPath(rotating.logDir)).isEmpty());

        // Every refused destination is reported, those left in the rotated file included: as a
        // breach of its own or in the evidence of the summary the rate limiter folds the rest into
        // (released when the monitor stops).
        QSet<QString> expected;
        for (int i = 0; i < more; ++i)
            expected.insert(QStringLiteral("%1:%2").arg(QString::fromLatin1(longName(2 + i))).arg(2000 + i));
        const auto reported = [&] {
            QSet<QString> seen;
            for (const QList<QVariant> &arguments : std::as_const(breaches)) {
                const BreachEvent event = arguments.at(0).value<BreachEvent>();
                seen.insert(event.subject);
                for (const QString &item : event.evidence)
                    seen.insert(item.section(QLatin1Char(' '), 0, 0));
            }
            return seen;
        };
        // The rotated file's first new refusal is raised at once; the rest follow folded.
        QVERIFY(QTest::qWaitFor([&] { return reported().contains(*expected.constBegin()) || breaches.size() > 1; }, 5 * WaitMs));
        monitor.stop();
        const QSet<QString> seen = reported();
        QVERIFY2(seen.contains(expected), qPrintable(QStringLiteral("%1 of %2 refusals were reported").arg((seen & expected).size()).arg(expected.size())));
    }

    /// A guest over its open rate is refused; the refusal is a breach with the limit as evidence.
    void rateLimitReachesTheMonitor()
    {
        GatewayPolicy limited = policy();
        limited.opensPerSecond = 0.1;
        limited.opensBurst = 2;
        ApplianceMonitor monitor(QStringLiteral("app"), SystemContract(), m_dir.path());
        monitor.watchNetworkLog(NetworkJournal::logPath(limited.logDir));
        QVERIFY(monitor.start());
        QSignalSpy breaches(&monitor, &ApplianceMonitor::breach);
        GatewayServer gateway(limited);
        const QString path = m_dir.filePath(QStringLiteral("limited.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        QVERIFY(guest.greet(path));
        QByteArray opens;
        for (quint32 id = 1; id <= 6; ++id)
            opens += openFrame(id, "192.0.2.1", quint16(3000 + id));
        guest.socket.write(opens);
        QCOMPARE(guest.refusal(2), 1); // within the burst: refused by the contract
        QCOMPARE(guest.refusal(3), 5); // over the rate
        QCOMPARE(guest.refusal(6), 5);

        const QString subject = QStringLiteral("192.0.2.1:3003");
        const bool seen = QTest::qWaitFor([&] { return bySubject(breaches).contains(subject); }, 5 * WaitMs);
        QVERIFY2(seen, "the refusal for the rate never became a breach");
        const QString evidence = bySubject(breaches).value(subject).evidence.join(QLatin1Char(' '));
        QVERIFY2(evidence.contains(QLatin1String("rate limit")), qPrintable(evidence));
    }
};

QTEST_GUILESS_MAIN(TestGatewayLog)
#include "tst_gatewaylog.moc"
