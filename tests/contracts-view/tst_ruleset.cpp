// NetworkRuleSet: coverage of one rule list by another, as sets of packets.

#include "contracttestdata.h"
#include "networkruleset.h"

#include <QTest>

namespace {

// "tcp any:any > 10.0.0.0/8:80"; '=' marks a system reference.
NetworkRule makeRule(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    Q_ASSERT(parts.size() == 4 && parts.at(2) == QLatin1String(">"));
    NetworkRule rule;
    QString error;
    if (!NetworkRule::parseProtocol(parts.at(0), &rule.protocol))
        qFatal("bad protocol");
    const auto endpoint = [&](const QString &value, NetworkAddress *address, PortRange *port) {
        const qsizetype colon = value.lastIndexOf(QLatin1Char(':'));
        const QString host = value.left(colon);
        if (host.startsWith(QLatin1Char('=')))
            *address = NetworkAddress::system(host.mid(1));
        else if (!NetworkAddress::parse(host, address, &error))
            qFatal("bad address %s", qPrintable(host));
        if (!PortRange::parse(value.mid(colon + 1), port, &error))
            qFatal("bad port");
    };
    endpoint(parts.at(1), &rule.srcAddr, &rule.srcPort);
    endpoint(parts.at(3), &rule.dstAddr, &rule.dstPort);
    return rule;
}

QList<NetworkRule> makeRules(const QString &text)
{
    QList<NetworkRule> rules;
    for (const QString &line : text.split(QLatin1Char(';'), Qt::SkipEmptyParts))
        rules.append(makeRule(line.trimmed()));
    return rules;
}

} // namespace

class TestRuleSet : public QObject
{
    Q_OBJECT

private slots:
    void covers_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("covered");
        QTest::newRow("nothing covers nothing") << "" << "" << true;
        QTest::newRow("nothing does not cover a rule") << "" << "tcp any:any > any:80" << false;
        QTest::newRow("identical") << "tcp any:any > any:80" << "tcp any:any > any:80" << true;
        QTest::newRow("any port covers one") << "tcp any:any > any:any" << "tcp any:any > any:80" << true;
        QTest::newRow("one port not any") << "tcp any:any > any:80" << "tcp any:any > any:any" << false;
        QTest::newRow("two ranges cover one") << "tcp any:any > any:1-50; tcp any:any > any:51-100" << "tcp any:any > any:1-100" << true;
        QTest::newRow("gap in ranges") << "tcp any:any > any:1-50; tcp any:any > any:52-100" << "tcp any:any > any:1-100" << false;
        QTest::newRow("source port matters") << "tcp any:1024-65535 > any:80" << "tcp any:any > any:80" << false;
        QTest::newRow("protocol tcp not udp") << "tcp any:any > any:53" << "udp any:any > any:53" << false;
        QTest::newRow("any protocol covers udp") << "any any:any > any:53" << "udp any:any > any:53" << true;
        QTest::newRow("tcp+udp+icmp is not any") << "tcp any:any > any:any; udp any:any > any:any; icmp any:any > any:any"
                                                 << "any any:any > any:any" << false;
        QTest::newRow("icmp ignores ports") << "icmp any:any > any:any" << "icmp any:any > any:80" << true;
        QTest::newRow("icmp ports ignored both ways") << "icmp any:any > any:80" << "icmp any:any > any:any" << true;
        QTest::newRow("any protocol with port: icmp part") << "any any:any > any:80" << "icmp any:any > any:any" << true;
        QTest::newRow("any protocol with port: tcp part") << "any any:any > any:80" << "tcp any:any > any:81" << false;
        QTest::newRow("cidr contains host") << "tcp any:any > 10.0.0.0/8:443" << "tcp any:any > 10.1.2.3:443" << true;
        QTest::newRow("cidr halves") << "tcp any:any > 10.0.0.0/9:443; tcp any:any > 10.128.0.0/9:443" << "tcp any:any > 10.0.0.0/8:443"
                                     << true;
        QTest::newRow("cidr half missing") << "tcp any:any > 10.0.0.0/9:443" << "tcp any:any > 10.0.0.0/8:443" << false;
        QTest::newRow("ipv4 /0 is not any") << "tcp any:any > 0.0.0.0/0:443" << "tcp any:any > any:443" << false;
        QTest::newRow("v4 and v6 and names are not any")
            << "tcp any:any > 0.0.0.0/0:443; tcp any:any > ::/0:443; tcp any:any > example.org:443" << "tcp any:any > any:443" << false;
        QTest::newRow("any covers ipv6") << "tcp any:any > any:443" << "tcp any:any > 2001:db8::/32:443" << true;
        QTest::newRow("ipv6 cidr containment") << "udp any:any > 2001:db8::/32:53" << "udp any:any > 2001:db8:53::/48:53" << true;
        QTest::newRow("ipv6 halves") << "udp any:any > 2001:db8::/33:53; udp any:any > 2001:db8:8000::/33:53"
                                     << "udp any:any > 2001:db8::/32:53" << true;
        QTest::newRow("ipv6 outside") << "udp any:any > 2001:db8::/32:53" << "udp any:any > 2001:db9::/32:53" << false;
        QTest::newRow("ipv6 /0 covers all v6") << "tcp any:any > ::/0:any" << "tcp any:any > ::1:22" << true;
        QTest::newRow("name covers itself") << "tcp any:any > example.org:443" << "tcp any:any > EXAMPLE.org:443" << true;
        QTest::newRow("name not other name") << "tcp any:any > example.org:443" << "tcp any:any > example.com:443" << false;
        QTest::newRow("any covers name") << "tcp any:any > any:443" << "tcp any:any > example.com:443" << true;
        QTest::newRow("system covers itself") << "tcp =web:any > =db:3306" << "tcp =web:any > =db:3306" << true;
        QTest::newRow("system is not another") << "tcp =web:any > =db:3306" << "tcp =web:any > =cache:3306" << false;
        QTest::newRow("any source covers system source") << "tcp any:any > =db:3306" << "tcp =web:any > =db:3306" << true;
        QTest::newRow("ipv4 does not cover system") << "tcp 0.0.0.0/0:any > =db:3306" << "tcp =web:any > =db:3306" << false;
        QTest::newRow("many pieces")
            << "tcp any:any > any:1-1000; tcp any:any > any:1001-2000; tcp any:any > any:2001-65535; tcp any:any > 10.0.0.0/8:any"
            << "tcp any:any > any:any; tcp 10.0.0.0/8:any > 10.0.0.0/8:22" << true;
    }
    void covers()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, covered);
        QCOMPARE(NetworkRuleSet::covers(makeRules(outer), QStringLiteral("self"), makeRules(inner), QStringLiteral("self")), covered);
    }

    void selfReferencesMatchAcrossNames()
    {
        // "web" in one descriptor and "webserver" in another are both "this system".
        const QList<NetworkRule> a = makeRules(QStringLiteral("tcp any:any > =web:80"));
        const QList<NetworkRule> b = makeRules(QStringLiteral("tcp any:any > =webserver:80"));
        QVERIFY(NetworkRuleSet::covers(a, QStringLiteral("web"), b, QStringLiteral("webserver")));
        QVERIFY(NetworkRuleSet::covers(b, QStringLiteral("webserver"), a, QStringLiteral("web")));
        QVERIFY(!NetworkRuleSet::covers(a, QStringLiteral("other"), b, QStringLiteral("webserver")));
    }

    void allowAllCoversEverything()
    {
        const QList<NetworkRule> everything{NetworkRuleSet::allowAll()};
        const QList<NetworkRule> some = makeRules(QStringLiteral("udp 10.0.0.0/8:53 > =db:1-100; icmp any:any > ::1:any; tcp a.example:1 > b.example:2"));
        QVERIFY(NetworkRuleSet::covers(everything, QStringLiteral("x"), some, QStringLiteral("y")));
        QVERIFY(!NetworkRuleSet::covers(some, QStringLiteral("y"), everything, QStringLiteral("x")));
    }
};

QTEST_GUILESS_MAIN(TestRuleSet)
#include "tst_ruleset.moc"
