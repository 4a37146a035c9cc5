// The egress gateway's logic: rule matching (`any` never grants loopback, private or the
// host's own addresses; names are looked up only for name and `any` rules), the token
// bucket, and the frame parser under hostile input.
#include "gatewayframe.h"
#include "gatewayframeparser.h"
#include "gatewaypolicy.h"
#include "tokenbucket.h"

#include <QJsonDocument>
#include <QTest>
#include <QtEndian>

namespace {

GatewayRule rule(int index, const QString &address, quint16 first, quint16 last)
{
    GatewayRule r;
    r.index = index;
    QString error;
    NetworkAddress::parse(address, &r.address, &error);
    r.firstPort = first;
    r.lastPort = last;
    return r;
}

QByteArray header(quint8 type, quint32 stream, quint32 length)
{
    QByteArray out(GatewayFrame::HeaderSize, Qt::Uninitialized);
    out[0] = char(type);
    qToBigEndian<quint32>(stream, out.data() + 1);
    qToBigEndian<quint32>(length, out.data() + 5);
    return out;
}

} // namespace

class TestGateway : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decide_data()
    {
        QTest::addColumn<QList<GatewayRule>>("rules");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::addColumn<int>("allowedBy"); // -1: refused

        const QList<GatewayRule> any {rule(0, QStringLiteral("any"), 1, 65535)};
        QTest::newRow("any allows a public address") << any << "192.0.2.7" << "192.0.2.7" << 443 << 0;
        QTest::newRow("any refuses loopback") << any << "127.0.0.1" << "127.0.0.1" << 80 << -1;
        QTest::newRow("any refuses other loopback") << any << "127.0.0.2" << "127.0.0.2" << 80 << -1;
        QTest::newRow("any refuses 10/8") << any << "10.1.2.3" << "10.1.2.3" << 80 << -1;
        QTest::newRow("any refuses 192.168/16") << any << "192.168.1.1" << "192.168.1.1" << 80 << -1;
        QTest::newRow("any refuses 172.16/12") << any << "172.20.0.1" << "172.20.0.1" << 80 << -1;
        QTest::newRow("any refuses link-local") << any << "169.254.169.254" << "169.254.169.254" << 80 << -1;
        QTest::newRow("any refuses v6 loopback") << any << "::1" << "::1" << 80 << -1;
        QTest::newRow("any refuses v4-mapped loopback") << any << "::ffff:127.0.0.1" << "::ffff:127.0.0.1" << 80 << -1;
        QTest::newRow("any refuses ula") << any << "fd00::1" << "fd00::1" << 80 << -1;
        QTest::newRow("any refuses the host's own address") << any << "203.0.113.9" << "203.0.113.9" << 80 << -1;
        QTest::newRow("any refuses a name resolving to loopback") << any << "localhost" << "127.0.0.1" << 80 << -1;
        QTest::newRow("any allows a public v6 address") << any << "2001:4860::1" << "2001:4860::1" << 80 << 0;
        QTest::newRow("any allows a public v4 address") << any << "8.8.4.4" << "8.8.4.4" << 53 << 0;

        const QList<GatewayRule> loopback {rule(3, QStringLiteral("127.0.0.1"), 8000, 8000)};
        QTest::newRow("named loopback allowed") << loopback << "127.0.0.1" << "127.0.0.1" << 8000 << 3;
        QTest::newRow("named loopback, other port") << loopback << "127.0.0.1" << "127.0.0.1" << 8001 << -1;
        QTest::newRow("named loopback, other address") << loopback << "127.0.0.2" << "127.0.0.2" << 8000 << -1;
        const QList<GatewayRule> wide {rule(1, QStringLiteral("0.0.0.0/0"), 1, 65535)};
        QTest::newRow("0/0 does not name loopback") << wide << "127.0.0.1" << "127.0.0.1" << 80 << -1;
        QTest::newRow("0/0 allows public") << wide << "8.8.8.8" << "8.8.8.8" << 80 << 1;
        const QList<GatewayRule> lan {rule(2, QStringLiteral("192.168.0.0/16"), 1, 1024)};
        QTest::newRow("a private prefix names its addresses") << lan << "192.168.4.4" << "192.168.4.4" << 22 << 2;
        QTest::newRow("a private prefix, port outside") << lan << "192.168.4.4" << "192.168.4.4" << 2000 << -1;
        const QList<GatewayRule> own {rule(4, QStringLiteral("203.0.113.9"), 22, 22)};
        QTest::newRow("the host's own address named exactly") << own << "203.0.113.9" << "203.0.113.9" << 22 << 4;
        const QList<GatewayRule> ownNet {rule(4, QStringLiteral("203.0.113.0/24"), 22, 22)};
        QTest::newRow("the host's own address by prefix refused") << ownNet << "203.0.113.9" << "203.0.113.9" << 22 << -1;
        const QList<GatewayRule> name {rule(5, QStringLiteral("example.org"), 443, 443)};
        QTest::newRow("name rule, that name") << name << "Example.ORG." << "93.184.216.34" << 443 << 5;
        QTest::newRow("name rule, other name") << name << "example.com" << "93.184.216.34" << 443 << -1;
        QTest::newRow("name rule, address literal") << name << "93.184.216.34" << "93.184.216.34" << 443 << -1;
        QTest::newRow("name rule resolving to private") << name << "example.org" << "10.0.0.1" << 443 << -1;
        QTest::newRow("no rules") << QList<GatewayRule>() << "8.8.8.8" << "8.8.8.8" << 80 << -1;
    }

    void decide()
    {
        QFETCH(QList<GatewayRule>, rules);
        QFETCH(QString, host);
        QFETCH(QString, address);
        QFETCH(int, port);
        QFETCH(int, allowedBy);
        GatewayPolicy policy;
        policy.rules = rules;
        const QList<QHostAddress> own {QHostAddress(QStringLiteral("127.0.0.1")), QHostAddress(QStringLiteral("203.0.113.9"))};
        const GatewayPolicy::Decision decision = policy.decide(host, QHostAddress(address), quint16(port), own);
        QCOMPARE(decision.allowed, allowedBy >= 0);
        QCOMPARE(decision.rule, allowedBy);
        QCOMPARE(decision.reason.isEmpty(), allowedBy >= 0);
    }

    void mayAllow_data()
    {
        QTest::addColumn<QList<GatewayRule>>("rules");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<bool>("mayAllow");

        // A contract allowing one address: a name is never looked up for it, so a guest
        // cannot spell data into names and have this machine's resolver send them out.
        const QList<GatewayRule> address {rule(0, QStringLiteral("192.0.2.7"), 443, 443)};
        QTest::newRow("address rule, that address") << address << "192.0.2.7" << 443 << true;
        QTest::newRow("address rule, other address") << address << "192.0.2.8" << 443 << false;
        QTest::newRow("address rule, a name") << address << "c2VjcmV0.exfil.example" << 443 << false;
        QTest::newRow("address rule, a name resolving there") << address << "example.org" << 443 << false;
        const QList<GatewayRule> prefix {rule(0, QStringLiteral("0.0.0.0/0"), 1, 65535)};
        QTest::newRow("everything by prefix is no name rule") << prefix << "example.org" << 80 << false;
        QTest::newRow("everything by prefix, an address") << prefix << "198.51.100.1" << 80 << true;
        const QList<GatewayRule> name {rule(1, QStringLiteral("example.org"), 443, 443)};
        QTest::newRow("name rule, that name") << name << "Example.ORG." << 443 << true;
        QTest::newRow("name rule, other name") << name << "data.example.org" << 443 << false;
        QTest::newRow("name rule, other port") << name << "example.org" << 80 << false;
        const QList<GatewayRule> any {rule(2, QStringLiteral("any"), 443, 443)};
        QTest::newRow("any, a name") << any << "anything.example" << 443 << true;
        QTest::newRow("any, other port") << any << "anything.example" << 80 << false;
        const QList<GatewayRule> mixed {rule(0, QStringLiteral("192.0.2.0/24"), 22, 22), rule(1, QStringLiteral("any"), 80, 80)};
        QTest::newRow("names only where any covers the port") << mixed << "host.example" << 80 << true;
        QTest::newRow("not where only an address rule does") << mixed << "host.example" << 22 << false;
        QTest::newRow("no rules") << QList<GatewayRule>() << "example.org" << 443 << false;
    }

    void mayAllow()
    {
        QFETCH(QList<GatewayRule>, rules);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(bool, mayAllow);
        GatewayPolicy policy;
        policy.rules = rules;
        QCOMPARE(policy.mayAllow(host, quint16(port)), mayAllow);
    }

    void policyRoundTrip()
    {
        GatewayPolicy policy;
        policy.rules = {rule(2, QStringLiteral("10.0.0.0/8"), 80, 90), rule(7, QStringLiteral("example.org"), 443, 443)};
        policy.outgoingAverage = 262144;
        policy.incomingBurst = 4096;
        policy.logDir = QStringLiteral("/tmp/x");
        GatewayPolicy back;
        QString error;
        QVERIFY2(GatewayPolicy::fromJson(QJsonDocument(policy.toJson()).toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.rules.size(), 2);
        QCOMPARE(back.rules.at(1).address.name(), QStringLiteral("example.org"));
        QCOMPARE(back.rules.at(0).lastPort, quint16(90));
        QCOMPARE(back.outgoingAverage, 262144.0);
        QCOMPARE(back.incomingBurst, 4096.0);
        QCOMPARE(back.logDir, QStringLiteral("/tmp/x"));
        QVERIFY(!GatewayPolicy::fromJson("{\"version\":2}", &back, &error));
        QVERIFY(!GatewayPolicy::fromJson("[", &back, &error));

        // The limits travel too; a policy without them gets the defaults, never no limit.
        policy.opensPerSecond = 3;
        policy.opensBurst = 7;
        policy.lookupsPerSecond = 2;
        policy.lookupsBurst = 4;
        policy.maxLogBytes = 65536;
        QVERIFY2(GatewayPolicy::fromJson(QJsonDocument(policy.toJson()).toJson(), &back, &error), qPrintable(error));
        QCOMPARE(back.opensPerSecond, 3.0);
        QCOMPARE(back.opensBurst, 7.0);
        QCOMPARE(back.lookupsPerSecond, 2.0);
        QCOMPARE(back.lookupsBurst, 4.0);
        QCOMPARE(back.maxLogBytes, 65536);
        QVERIFY2(GatewayPolicy::fromJson("{\"version\":1,\"rules\":[]}", &back, &error), qPrintable(error));
        QCOMPARE(back.opensPerSecond, GatewayPolicy::DefaultOpensPerSecond);
        QCOMPARE(back.lookupsBurst, GatewayPolicy::DefaultLookupsBurst);
        QCOMPARE(back.maxLogBytes, GatewayPolicy::DefaultMaxLogBytes);
        QVERIFY(!GatewayPolicy::fromJson("{\"version\":1,\"opens\":{\"average\":0,\"burst\":5}}", &back, &error));
        QVERIFY(!GatewayPolicy::fromJson("{\"version\":1,\"lookups\":{\"average\":1,\"burst\":0}}", &back, &error));
        QVERIFY(!GatewayPolicy::fromJson("{\"version\":1,\"maxLogBytes\":10}", &back, &error));
    }

    void tokenBucket()
    {
        constexpr qint64 Second = 1000000000;
        TokenBucket bucket(100000, 0, 0); // 100 kB/s, no burst: one frame of capacity
        QCOMPARE(bucket.capacity(), qint64(TokenBucket::MinimumCapacity));
        QCOMPARE(bucket.available(0), qint64(16384));
        bucket.take(16384, 0);
        QCOMPARE(bucket.available(0), qint64(0));
        QCOMPARE(bucket.waitNs(10000, 0), qint64(Second / 10));
        QCOMPARE(bucket.available(Second / 10), qint64(10000));
        // Never more than the capacity, however long it waited.
        QCOMPARE(bucket.available(100 * Second), qint64(16384));
        // Over a long run the rate is the average.
        TokenBucket steady(262144, 0, 0);
        qint64 passed = 0;
        for (qint64 t = 0; t <= 10 * Second; t += Second / 100) {
            const qint64 n = steady.available(t);
            steady.take(n, t);
            passed += n;
        }
        QVERIFY(passed >= 10 * 262144 && passed <= 10 * 262144 + 16384 + 1);
        QVERIFY(!TokenBucket().isLimited());
        QVERIFY(TokenBucket().available(0) > (qint64(1) << 40));

        // Counting events (opens, look-ups): the burst is the capacity, no frame-sized minimum.
        TokenBucket opens(5, 20, 0, 1);
        QCOMPARE(opens.capacity(), qint64(20));
        QCOMPARE(opens.available(0), qint64(20));
        opens.take(20, 0);
        QCOMPARE(opens.available(Second / 10), qint64(0));
        QCOMPARE(opens.available(Second), qint64(5));
        QCOMPARE(opens.waitNs(6, Second), qint64(Second / 5));
    }

    void parserSplitsFrames()
    {
        GatewayFrameParser parser;
        const QByteArray stream = GatewayFrame::hello() + GatewayFrame::encode(GatewayFrame::Data, 5, "hello")
            + GatewayFrame::window(5, 1000);
        // Byte by byte: frames only come out whole.
        GatewayFrame frame;
        QList<GatewayFrame> frames;
        for (char c : stream) {
            parser.feed(QByteArray(1, c));
            while (parser.next(&frame))
                frames.append(frame);
        }
        QVERIFY(!parser.hasError());
        QCOMPARE(frames.size(), 3);
        QCOMPARE(frames.at(1).type, quint8(GatewayFrame::Data));
        QCOMPARE(frames.at(1).stream, 5u);
        QCOMPARE(frames.at(1).payload, QByteArray("hello"));
        QCOMPARE(parser.buffered(), 0);
    }

    void parserRejectsHostileInput_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("unknown type") << header(99, 1, 0);
        QTest::newRow("type zero") << header(0, 1, 0);
        QTest::newRow("oversized") << header(GatewayFrame::Data, 1, GatewayFrame::MaxPayload + 1);
        QTest::newRow("huge length") << header(GatewayFrame::Data, 1, 0xffffffffu);
        QTest::newRow("empty data") << header(GatewayFrame::Data, 1, 0);
        QTest::newRow("bad hello") << GatewayFrame::encode(GatewayFrame::Hello, 0, "HELLO!");
        QTest::newRow("short open") << GatewayFrame::encode(GatewayFrame::Open, 1, "\x00\x50");
        QTest::newRow("open length mismatch") << GatewayFrame::encode(GatewayFrame::Open, 1, QByteArray("\x00\x50\x09" "a.b", 6));
        QTest::newRow("open with a space") << GatewayFrame::encode(GatewayFrame::Open, 1, QByteArray("\x00\x50\x03" "a b", 6));
        QTest::newRow("open with a nul") << GatewayFrame::encode(GatewayFrame::Open, 1, QByteArray("\x00\x50\x03" "a\0b", 6));
        QTest::newRow("open of stream 0") << GatewayFrame::encode(GatewayFrame::Open, 0, QByteArray("\x00\x50\x01" "a", 4));
        QTest::newRow("close with payload") << GatewayFrame::encode(GatewayFrame::Close, 1, "x");
        QTest::newRow("short window") << GatewayFrame::encode(GatewayFrame::Window, 1, "xyz");
    }

    void parserRejectsHostileInput()
    {
        QFETCH(QByteArray, bytes);
        GatewayFrameParser parser;
        parser.feed(bytes + GatewayFrame::hello());
        GatewayFrame frame;
        QVERIFY(!parser.next(&frame));
        QVERIFY(parser.hasError());
        QVERIFY(!parser.error().isEmpty());
        // Stays failed: nothing after the bad frame is trusted.
        parser.feed(GatewayFrame::hello());
        QVERIFY(!parser.next(&frame));
    }

    void parserBoundsItsBuffer()
    {
        // A header announcing a maximal frame, then a trickle: never more than one frame held.
        GatewayFrameParser parser;
        parser.feed(header(GatewayFrame::Data, 1, GatewayFrame::MaxPayload));
        GatewayFrame frame;
        for (int i = 0; i < GatewayFrame::MaxPayload - 1; i += 1000) {
            parser.feed(QByteArray(std::min(1000, GatewayFrame::MaxPayload - 1 - i), 'x'));
            QVERIFY(!parser.next(&frame));
        }
        QVERIFY(parser.buffered() < GatewayFrame::HeaderSize + GatewayFrame::MaxPayload);
        parser.feed("x");
        QVERIFY(parser.next(&frame));
        QCOMPARE(frame.payload.size(), GatewayFrame::MaxPayload);
    }

    void randomBytesNeverCrash()
    {
        // Fuzz-like: random input either parses into valid frames or stops with an error.
        quint32 seed = 12345;
        for (int round = 0; round < 2000; ++round) {
            GatewayFrameParser parser;
            QByteArray bytes;
            const int length = int(seed % 64);
            for (int i = 0; i < length; ++i) {
                seed = seed * 1103515245u + 12345u;
                bytes.append(char((seed >> 16) % 8 == 0 ? (seed >> 8) % 8 : seed >> 24));
            }
            parser.feed(bytes);
            GatewayFrame frame;
            int frames = 0;
            while (parser.next(&frame)) {
                QVERIFY(GatewayFrameParser::validate(frame).isEmpty());
                QVERIFY(++frames <= length);
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestGateway)
#include "tst_gateway.moc"
