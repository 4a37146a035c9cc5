// The egress gateway looks up only names that a rule could allow (a name rule naming it, or
// `any` for the port), and no more of them than its look-up limit: a guest cannot spell data
// into names and have this machine's resolver carry them out.
//
// The real tessera-gateway runs in a network and mount namespace this test makes (root
// only), with /etc/resolv.conf bound to a file naming 127.0.0.1 there, where the test runs a
// stub DNS server that records every name it is asked and answers 198.51.100.7 (no route in
// that namespace: a connection fails at once and nothing leaves it). Real DNS is never asked.
#include "gatewaypolicy.h"
#include "gatewaytestlink.h"
#include "networknamespace.h"

#include <QFile>
#include <QNetworkDatagram>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUdpSocket>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace GatewayTest;

namespace {

/// A UDP socket bound to 127.0.0.1:@p port in the network namespace of process @p pid. -1 on failure.
int udpSocketInNamespace(qint64 pid, quint16 port)
{
    int bound = -1;
    inNetworkNamespace(pid, [&] {
        const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0)
            bound = fd;
        else if (fd >= 0)
            ::close(fd);
    });
    return bound;
}

/// A DNS server that answers every A question with 198.51.100.7 (and AAAA with nothing),
/// and remembers each name asked.
struct StubDns
{
    QUdpSocket socket;
    QStringList asked;

    bool listen(int fd)
    {
        if (fd < 0 || !socket.setSocketDescriptor(fd, QAbstractSocket::BoundState))
            return false;
        QObject::connect(&socket, &QUdpSocket::readyRead, &socket, [this] {
            while (socket.hasPendingDatagrams())
                answer(socket.receiveDatagram(1500));
        });
        return true;
    }

    void answer(const QNetworkDatagram &query)
    {
        const QByteArray q = query.data();
        if (q.size() < 12)
            return;
        qsizetype at = 12;
        QStringList labels;
        while (at < q.size() && q.at(at) != 0) {
            const int length = quint8(q.at(at));
            if (length > 63 || at + 1 + length >= q.size())
                return;
            labels.append(QString::fromLatin1(q.mid(at + 1, length)));
            at += 1 + length;
        }
        at += 1; // the root label
        if (at + 4 > q.size())
            return;
        const quint16 type = quint16(quint8(q.at(at)) << 8 | quint8(q.at(at + 1)));
        asked.append(labels.join(QLatin1Char('.')).toLower());
        QByteArray reply = q.left(at + 4); // header and question
        reply[2] = char(0x81); // a response, recursion desired
        reply[3] = char(0x80); // recursion available, no error
        const bool a = type == 1;
        const char counts[8] = {0, 1, 0, char(a ? 1 : 0), 0, 0, 0, 0};
        reply.replace(4, 8, counts, 8);
        if (a)
            reply += QByteArray("\xc0\x0c\x00\x01\x00\x01\x00\x00\x00\x00\x00\x04\xc6\x33\x64\x07", 16);
        socket.writeDatagram(reply, query.senderAddress(), quint16(query.senderPort()));
    }

    bool wasAsked(const QString &part) const
    {
        return std::any_of(asked.cbegin(), asked.cend(), [&part](const QString &name) { return name.contains(part); });
    }
};

GatewayRule rule(int index, const QString &address, quint16 port)
{
    GatewayRule r;
    r.index = index;
    QString error;
    NetworkAddress::parse(address, &r.address, &error);
    r.firstPort = r.lastPort = port;
    return r;
}

} // namespace

class TestGatewayNames : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QProcess m_gateway;

private Q_SLOTS:
    void cleanup()
    {
        if (m_gateway.state() != QProcess::NotRunning) {
            m_gateway.kill();
            m_gateway.waitForFinished(WaitMs);
        }
    }

    void onlyNamesARuleCouldAllowAreLookedUp()
    {
        if (geteuid() != 0)
            QSKIP("needs root: the gateway runs in a network and mount namespace of its own");
        if (QStandardPaths::findExecutable(QStringLiteral("unshare")).isEmpty()
            || QStandardPaths::findExecutable(QStringLiteral("ip"), {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")}).isEmpty())
            QSKIP("needs unshare and ip");
        QVERIFY(m_dir.isValid());

        GatewayPolicy policy;
        policy.rules = {rule(0, QStringLiteral("192.0.2.7"), 443),      // one address on 443
                        rule(1, QStringLiteral("allowed.test"), 443),   // one name on 443
                        rule(2, QStringLiteral("any"), 8443)};          // anything on 8443
        policy.lookupsPerSecond = 0.01;
        policy.lookupsBurst = 4;
        policy.logDir = m_dir.filePath(QStringLiteral("logs"));
        QString error;
        const QString policyPath = m_dir.filePath(QStringLiteral("policy.json"));
        QVERIFY2(policy.save(policyPath, &error), qPrintable(error));
        const QString resolvConf = m_dir.filePath(QStringLiteral("resolv.conf"));
        QFile resolv(resolvConf);
        QVERIFY(resolv.open(QIODevice::WriteOnly));
        resolv.write("nameserver 127.0.0.1\noptions attempts:1 timeout:2\n");
        resolv.close();
        const QString socketPath = m_dir.filePath(QStringLiteral("gateway.sock"));

        m_gateway.setProcessChannelMode(QProcess::SeparateChannels);
        m_gateway.start(QStringLiteral("unshare"),
                        {QStringLiteral("--mount"), QStringLiteral("--net"), QStringLiteral("--propagation"), QStringLiteral("private"),
                         QStringLiteral("sh"), QStringLiteral("-c"),
                         QStringLiteral("ip link set lo up && mount --bind \"$1\" /etc/resolv.conf && exec \"$2\" --policy \"$3\" --socket \"$4\""),
                         QStringLiteral("sh"), resolvConf, QStringLiteral(TESSERA_GATEWAY_EXE), policyPath, socketPath});
        QVERIFY(m_gateway.waitForStarted(WaitMs));
        QDeadlineTimer ready(WaitMs);
        while (!m_gateway.canReadLine() && m_gateway.state() == QProcess::Running && !ready.hasExpired())
            m_gateway.waitForReadyRead(int(qMax<qint64>(1, ready.remainingTime())));
        QVERIFY2(m_gateway.readLine().startsWith("ready"), m_gateway.readAllStandardError().constData());

        StubDns dns;
        QVERIFY(dns.listen(udpSocketInNamespace(m_gateway.processId(), 53)));
        GuestLink guest;
        QVERIFY(guest.greet(socketPath));

        // Only an address rule covers 443: a name for it is refused without a look-up.
        guest.socket.write(openFrame(1, "c2VjcmV0LWRhdGE.exfil.test", 443));
        QCOMPARE(guest.refusal(1), 1);
        // A name the name rule does not name: the same.
        guest.socket.write(openFrame(2, "other.test", 443));
        QCOMPARE(guest.refusal(2), 1);
        // The named name, and any name on the `any` port: looked up (through the stub), then
        // not reachable in this namespace.
        guest.socket.write(openFrame(3, "allowed.test", 443));
        QCOMPARE(guest.refusal(3), 3);
        guest.socket.write(openFrame(4, "anything.test", 8443));
        QCOMPARE(guest.refusal(4), 3);
        QVERIFY2(dns.wasAsked(QStringLiteral("allowed.test")) && dns.wasAsked(QStringLiteral("anything.test")), qPrintable(dns.asked.join(u' ')));

        // The look-up limit: two of the burst of four are left; the rest are refused unasked.
        QByteArray flood;
        for (quint32 id = 5; id <= 9; ++id)
            flood += openFrame(id, "flood" + QByteArray::number(id) + ".test", 8443);
        guest.socket.write(flood);
        QCOMPARE(guest.refusal(5), 3);
        QCOMPARE(guest.refusal(6), 3);
        for (quint32 id = 7; id <= 9; ++id)
            QCOMPARE(guest.refusal(id), 5);

        const QString asked = dns.asked.join(u' ');
        QVERIFY2(!dns.wasAsked(QStringLiteral("exfil")), qPrintable(asked));
        QVERIFY2(!dns.wasAsked(QStringLiteral("other.test")), qPrintable(asked));
        QVERIFY2(dns.wasAsked(QStringLiteral("flood5.test")) && dns.wasAsked(QStringLiteral("flood6.test")), qPrintable(asked));
        for (const char *unasked : {"flood7", "flood8", "flood9"})
            QVERIFY2(!dns.wasAsked(QLatin1String(unasked)), qPrintable(asked));

        guest.socket.abort(); // QEMU's connection closes: the gateway exits
        QVERIFY(m_gateway.waitForFinished(WaitMs));
    }
};

QTEST_GUILESS_MAIN(TestGatewayNames)
#include "tst_gatewaynames.moc"
