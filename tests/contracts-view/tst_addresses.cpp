// Ports and addresses: parsing, canonical text and containment.

#include "contracttestdata.h"
#include "networkaddress.h"
#include "portrange.h"

#include <QTest>

class TestAddresses : public QObject
{
    Q_OBJECT

private slots:
    void parsePort_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("any") << "any" << true << "any";
        QTest::newRow("ANY") << "ANY" << true << "any";
        QTest::newRow("one") << "1" << true << "1";
        QTest::newRow("80") << "80" << true << "80";
        QTest::newRow("max") << "65535" << true << "65535";
        QTest::newRow("range") << "1000-2000" << true << "1000-2000";
        QTest::newRow("range spaces") << "1000 - 2000" << true << "1000-2000";
        QTest::newRow("full range is any") << "1-65535" << true << "any";
        QTest::newRow("single range") << "22-22" << true << "22";
        QTest::newRow("zero") << "0" << false << "";
        QTest::newRow("70000") << "70000" << false << "";
        QTest::newRow("65536") << "65536" << false << "";
        QTest::newRow("huge") << "99999999999999" << false << "";
        QTest::newRow("backwards") << "9000-8000" << false << "";
        QTest::newRow("range to zero") << "0-80" << false << "";
        QTest::newRow("name") << "http" << false << "";
        QTest::newRow("negative") << "-1" << false << "";
        QTest::newRow("plus") << "+80" << false << "";
        QTest::newRow("hex") << "0x50" << false << "";
        QTest::newRow("empty") << "" << false << "";
        QTest::newRow("open range") << "80-" << false << "";
    }
    void parsePort()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(QString, canonical);
        PortRange range;
        QString error;
        QCOMPARE(PortRange::parse(text, &range, &error), ok);
        if (ok)
            QCOMPARE(range.toString(), canonical);
        else
            QVERIFY(!error.isEmpty());
    }

    void portContains_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("contains");
        QTest::newRow("any any") << "any" << "any" << true;
        QTest::newRow("any 80") << "any" << "80" << true;
        QTest::newRow("80 any") << "80" << "any" << false;
        QTest::newRow("range inside") << "1000-2000" << "1500-1600" << true;
        QTest::newRow("range overlap") << "1000-2000" << "1500-2500" << false;
        QTest::newRow("same") << "443" << "443" << true;
        QTest::newRow("different") << "443" << "80" << false;
    }
    void portContains()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, contains);
        PortRange a;
        PortRange b;
        QString error;
        QVERIFY(PortRange::parse(outer, &a, &error));
        QVERIFY(PortRange::parse(inner, &b, &error));
        QCOMPARE(a.contains(b), contains);
    }

    void parseAddress_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("canonical");
        const int any = int(NetworkAddress::Kind::Any);
        const int ip = int(NetworkAddress::Kind::Ip);
        const int dns = int(NetworkAddress::Kind::DnsName);
        QTest::newRow("any") << "any" << true << any << "any";
        QTest::newRow("ipv4") << "192.0.2.7" << true << ip << "192.0.2.7";
        QTest::newRow("ipv4 /32") << "192.0.2.7/32" << true << ip << "192.0.2.7";
        QTest::newRow("ipv4 cidr") << "10.0.0.0/8" << true << ip << "10.0.0.0/8";
        QTest::newRow("ipv4 /0") << "0.0.0.0/0" << true << ip << "0.0.0.0/0";
        QTest::newRow("ipv6") << "2001:DB8::1" << true << ip << "2001:db8::1";
        QTest::newRow("ipv6 cidr") << "2001:db8::/32" << true << ip << "2001:db8::/32";
        QTest::newRow("ipv6 full") << "2001:0db8:0000:0000:0000:0000:0000:0001" << true << ip << "2001:db8::1";
        QTest::newRow("ipv6 loopback") << "::1" << true << ip << "::1";
        QTest::newRow("ipv6 unspecified /0") << "::/0" << true << ip << "::/0";
        QTest::newRow("ipv6 longest zero run") << "1:0:0:2:0:0:0:3" << true << ip << "1:0:0:2::3";
        QTest::newRow("ipv6 single zero group") << "1:2:3:4:5:6:0:8" << true << ip << "1:2:3:4:5:6:0:8";
        QTest::newRow("ipv6 mapped ipv4") << "::ffff:192.0.2.1" << true << ip << "::ffff:c000:201";
        QTest::newRow("dns") << "Dict.Example.ORG" << true << dns << "dict.example.org";
        QTest::newRow("dns trailing dot") << "example.org." << true << dns << "example.org";
        QTest::newRow("dns single label") << "localhost" << true << dns << "localhost";
        QTest::newRow("ipv4 prefix 33") << "10.0.0.0/33" << false << 0 << "";
        QTest::newRow("ipv4 host bits") << "10.0.0.1/8" << false << 0 << "";
        QTest::newRow("ipv4 octet 300") << "10.0.0.300" << false << 0 << "";
        QTest::newRow("ipv4 three parts") << "10.0.1" << false << 0 << "";
        QTest::newRow("ipv4 leading zero") << "010.0.0.1" << false << 0 << "";
        QTest::newRow("ipv4 empty prefix") << "10.0.0.0/" << false << 0 << "";
        QTest::newRow("ipv6 triple colon") << "2001:db8:::1" << false << 0 << "";
        QTest::newRow("ipv6 two gaps") << "1::2::3" << false << 0 << "";
        QTest::newRow("ipv6 nine groups") << "1:2:3:4:5:6:7:8:9" << false << 0 << "";
        QTest::newRow("ipv6 prefix 129") << "2001:db8::/129" << false << 0 << "";
        QTest::newRow("ipv6 host bits") << "2001:db8::1/32" << false << 0 << "";
        QTest::newRow("ipv6 zone") << "fe80::1%eth0" << false << 0 << "";
        QTest::newRow("ipv6 hex prefix") << "0x1::1" << false << 0 << "";
        QTest::newRow("name with slash") << "example.org/24" << false << 0 << "";
        QTest::newRow("underscore") << "bad_name.example" << false << 0 << "";
        QTest::newRow("numeric tld") << "host.123" << false << 0 << "";
        QTest::newRow("empty") << "" << false << 0 << "";
        QTest::newRow("label too long") << QString(64, QLatin1Char('a')) + ".org" << false << 0 << "";
    }
    void parseAddress()
    {
        QFETCH(QString, text);
        QFETCH(bool, ok);
        QFETCH(int, kind);
        QFETCH(QString, canonical);
        NetworkAddress address;
        QString error;
        QCOMPARE(NetworkAddress::parse(text, &address, &error), ok);
        if (!ok) {
            QVERIFY(!error.isEmpty());
            return;
        }
        QCOMPARE(int(address.kind()), kind);
        QCOMPARE(address.toString(), canonical);
        // The canonical text parses back to the same address.
        NetworkAddress again;
        QVERIFY(NetworkAddress::parse(address.toString(), &again, &error));
        QVERIFY(again == address);
    }

    void addressContains_data()
    {
        QTest::addColumn<QString>("outer");
        QTest::addColumn<QString>("inner");
        QTest::addColumn<bool>("contains");
        QTest::newRow("any contains ipv4") << "any" << "10.1.2.3" << true;
        QTest::newRow("any contains name") << "any" << "example.org" << true;
        QTest::newRow("any contains system") << "any" << "=db" << true;
        QTest::newRow("ipv4 /8 contains /16") << "10.0.0.0/8" << "10.20.0.0/16" << true;
        QTest::newRow("ipv4 /16 not /8") << "10.20.0.0/16" << "10.0.0.0/8" << false;
        QTest::newRow("ipv4 disjoint") << "10.0.0.0/8" << "11.0.0.0/8" << false;
        QTest::newRow("ipv4 /0 contains host") << "0.0.0.0/0" << "198.51.100.1" << true;
        QTest::newRow("ipv4 not any") << "0.0.0.0/0" << "any" << false;
        QTest::newRow("ipv4 not ipv6") << "0.0.0.0/0" << "::1" << false;
        QTest::newRow("ipv6 /32 contains /48") << "2001:db8::/32" << "2001:db8:1::/48" << true;
        QTest::newRow("ipv6 /48 not other /48") << "2001:db8:1::/48" << "2001:db8:2::/48" << false;
        QTest::newRow("ipv6 /64 boundary") << "2001:db8:0:1::/64" << "2001:db8:0:1:ffff::1" << true;
        QTest::newRow("ipv6 /65 low half") << "2001:db8::/65" << "2001:db8::8000:0:0:0" << false;
        QTest::newRow("ipv6 /0") << "::/0" << "2001:db8::1" << true;
        QTest::newRow("ipv6 not ipv4") << "::/0" << "10.0.0.1" << false;
        QTest::newRow("name same") << "example.org" << "EXAMPLE.org" << true;
        QTest::newRow("name not subdomain") << "example.org" << "www.example.org" << false;
        QTest::newRow("name not address") << "example.org" << "93.184.216.34" << false;
        QTest::newRow("system same") << "=db" << "=db" << true;
        QTest::newRow("system other") << "=db" << "=web" << false;
        QTest::newRow("system not name") << "=db" << "db" << false;
    }
    void addressContains()
    {
        QFETCH(QString, outer);
        QFETCH(QString, inner);
        QFETCH(bool, contains);
        const auto make = [](const QString &text) {
            if (text.startsWith(QLatin1Char('=')))
                return NetworkAddress::system(text.mid(1));
            NetworkAddress address;
            QString error;
            if (!NetworkAddress::parse(text, &address, &error))
                qFatal("bad test address");
            return address;
        };
        QCOMPARE(make(outer).contains(make(inner)), contains);
    }
};

QTEST_GUILESS_MAIN(TestAddresses)
#include "tst_addresses.moc"
