// The gateway process's server on this machine only: a test plays the guest side of the
// link (as QEMU's guestfwd would carry it) and runs listeners on loopback.
#include "gatewayserver.h"
#include "gatewaytestlink.h"

#include <QFile>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace GatewayTest;

class TestGatewayServer : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    GatewayPolicy policyFor(quint16 port)
    {
        GatewayPolicy policy;
        GatewayRule rule;
        rule.index = 0;
        QString error;
        NetworkAddress::parse(QStringLiteral("127.0.0.1"), &rule.address, &error);
        rule.firstPort = rule.lastPort = port;
        policy.rules = {rule};
        policy.logDir = m_dir.filePath(QStringLiteral("logs"));
        return policy;
    }

private Q_SLOTS:
    void relaysAllowedAndRefusesTheRest()
    {
        QTcpServer allowed, other;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        QVERIFY(other.listen(QHostAddress::LocalHost));
        GatewayServer gateway(policyFor(allowed.serverPort()));
        const QString path = m_dir.filePath(QStringLiteral("gw.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        guest.socket.connectToServer(path);
        QVERIFY(guest.socket.waitForConnected(WaitMs));
        QVERIFY(guest.waitFor(GatewayFrame::Hello, 0));
        guest.socket.write(GatewayFrame::hello());

        // Allowed: opened, data both ways.
        guest.socket.write(openFrame(1, "127.0.0.1", allowed.serverPort()));
        QVERIFY(guest.waitFor(GatewayFrame::Opened, 1));
        QTRY_VERIFY_WITH_TIMEOUT(allowed.hasPendingConnections(), WaitMs);
        QTcpSocket *server = allowed.nextPendingConnection();
        guest.socket.write(GatewayFrame::encode(GatewayFrame::Data, 1, "ping"));
        QTRY_COMPARE_WITH_TIMEOUT(server->bytesAvailable(), 4, WaitMs);
        QCOMPARE(server->readAll(), QByteArray("ping"));
        server->write("pong");
        GatewayFrame data;
        QVERIFY(guest.waitFor(GatewayFrame::Data, 1, &data));
        QCOMPARE(data.payload, QByteArray("pong"));

        // Another port on loopback, and another loopback address: refused, nothing connects.
        guest.socket.write(openFrame(2, "127.0.0.1", other.serverPort()));
        QVERIFY(guest.waitFor(GatewayFrame::Refused, 2));
        guest.socket.write(openFrame(3, "127.0.0.2", allowed.serverPort()));
        QVERIFY(guest.waitFor(GatewayFrame::Refused, 3));
        QVERIFY(!other.hasPendingConnections());
        QVERIFY(!allowed.hasPendingConnections());

        // The world closes: the guest hears Close after the data.
        server->close();
        QVERIFY(guest.waitFor(GatewayFrame::Close, 1));
        QTRY_COMPARE_WITH_TIMEOUT(gateway.streamCount(), 0, WaitMs);

        QFile log(m_dir.filePath(QStringLiteral("logs/network.jsonl")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = log.readAll().split('\n');
        int denied = 0, allowedLines = 0, closed = 0;
        for (const QByteArray &line : lines) {
            denied += line.contains("\"event\":\"denied\"");
            allowedLines += line.contains("\"event\":\"allowed\"");
            closed += line.contains("\"event\":\"closed\"") && line.contains("\"bytesOut\":4");
        }
        QCOMPARE(allowedLines, 1);
        QCOMPARE(denied, 2);
        QCOMPARE(closed, 1);
    }

    void malformedFrameEndsTheLink()
    {
        GatewayServer gateway(policyFor(1));
        const QString path = m_dir.filePath(QStringLiteral("gw2.sock"));
        QVERIFY(gateway.listen(path));
        QSignalSpy closed(&gateway, &GatewayServer::linkClosed);
        GuestLink guest;
        guest.socket.connectToServer(path);
        QVERIFY(guest.socket.waitForConnected(WaitMs));
        guest.socket.write(GatewayFrame::hello());
        QByteArray bad(GatewayFrame::HeaderSize, '\xff');
        guest.socket.write(bad);
        QVERIFY(closed.wait(WaitMs));
    }

    void dataBeyondTheWindowEndsTheLink()
    {
        QTcpServer allowed;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        GatewayPolicy slow = policyFor(allowed.serverPort());
        slow.outgoingAverage = 1024; // hands on one bucket (16 KiB), then a trickle
        GatewayServer gateway(slow);
        const QString path = m_dir.filePath(QStringLiteral("gw3.sock"));
        QVERIFY(gateway.listen(path));
        QSignalSpy closed(&gateway, &GatewayServer::linkClosed);
        GuestLink guest;
        guest.socket.connectToServer(path);
        QVERIFY(guest.socket.waitForConnected(WaitMs));
        guest.socket.write(GatewayFrame::hello());
        guest.socket.write(openFrame(1, "127.0.0.1", allowed.serverPort()));
        QVERIFY(guest.waitFor(GatewayFrame::Opened, 1));
        // The guest ignores its window.
        const QByteArray chunk(GatewayFrame::MaxPayload, 'x');
        for (quint32 sent = 0; sent <= GatewayFrame::InitialWindow + 2 * 65536 && closed.isEmpty(); sent += chunk.size()) {
            guest.socket.write(GatewayFrame::encode(GatewayFrame::Data, 1, chunk));
            QTest::qWait(5); // pace the writes so the gateway, in this thread, reads between them
        }
        // The gateway grants only what it handed on; the overrun is detected.
        QVERIFY(!closed.isEmpty() || closed.wait(WaitMs));
    }

    void tooManyStreamsAreRefused()
    {
        QTcpServer allowed;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        GatewayPolicy policy = policyFor(allowed.serverPort());
        policy.opensPerSecond = policy.opensBurst = 1000; // the stream limit, not the rate, is tested here
        GatewayServer gateway(policy);
        const QString path = m_dir.filePath(QStringLiteral("gw4.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        QVERIFY(guest.greet(path));
        for (quint32 id = 1; id <= GatewayServer::MaxStreams + 1; ++id)
            guest.socket.write(openFrame(id, "127.0.0.1", allowed.serverPort()));
        QCOMPARE(guest.refusal(GatewayServer::MaxStreams + 1), 4);
        QVERIFY(gateway.streamCount() <= GatewayServer::MaxStreams);
    }

    void opensAreRateLimited()
    {
        QTcpServer allowed;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        int accepted = 0;
        connect(&allowed, &QTcpServer::newConnection, &allowed, [&] {
            while (allowed.nextPendingConnection())
                ++accepted;
        });
        GatewayPolicy policy = policyFor(allowed.serverPort());
        policy.logDir = m_dir.filePath(QStringLiteral("rate-logs"));
        policy.opensPerSecond = 0.1;
        policy.opensBurst = 3;
        GatewayServer gateway(policy);
        const QString path = m_dir.filePath(QStringLiteral("gw5.sock"));
        QVERIFY(gateway.listen(path));
        GuestLink guest;
        QVERIFY(guest.greet(path));
        // Ten at once: the burst of three connects, the other seven are refused for the rate.
        QByteArray opens;
        for (quint32 id = 1; id <= 10; ++id)
            opens += openFrame(id, "127.0.0.1", allowed.serverPort());
        guest.socket.write(opens);
        for (quint32 id = 1; id <= 3; ++id)
            QVERIFY(guest.waitFor(GatewayFrame::Opened, id));
        for (quint32 id = 4; id <= 10; ++id)
            QCOMPARE(guest.refusal(id), 5);
        QTRY_COMPARE_WITH_TIMEOUT(accepted, 3, WaitMs);

        // Logged, but not once per refusal: the first at once, the other six in one line
        // when the second is over.
        const auto rateLines = [&policy] {
            QFile log(policy.logDir + QStringLiteral("/network.jsonl"));
            QList<QByteArray> lines;
            if (log.open(QIODevice::ReadOnly))
                for (const QByteArray &line : log.readAll().split('\n'))
                    if (line.contains("\"limit\":\"opens\""))
                        lines.append(line);
            return lines;
        };
        QTRY_COMPARE_WITH_TIMEOUT(rateLines().size(), 2, WaitMs);
        QVERIFY2(rateLines().at(0).contains("\"event\":\"denied\"") && rateLines().at(0).contains("\"stream\":4"), rateLines().at(0));
        QVERIFY2(rateLines().at(1).contains("\"refused\":6"), rateLines().at(1));
        QCOMPARE(gateway.streamCount(), 3);
    }
};

QTEST_GUILESS_MAIN(TestGatewayServer)
#include "tst_gatewayserver.moc"
