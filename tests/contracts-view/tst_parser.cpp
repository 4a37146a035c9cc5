// ContractParser: real-world descriptors, the LEET'09 example, every kind,
// namespaces, collections, and every way a descriptor is rejected.

#include "contracttestdata.h"

#include <QDir>
#include <QTest>

using namespace ContractTestData;

class TestParser : public QObject
{
    Q_OBJECT

private:
    static const NetworkRule *findRule(const SystemContract &system, NetworkRule::Direction direction, quint16 port)
    {
        for (const NetworkRule &rule : system.rules) {
            if (rule.direction == direction && rule.dstPort.first() == port && rule.dstPort.last() == port)
                return &rule;
        }
        return nullptr;
    }

private slots:
    void leet09()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("leet09.ovf")));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.size(), 2);
        const SystemContract &web = result.systems.at(0);
        const SystemContract &db = result.systems.at(1);
        QCOMPARE(web.id, QStringLiteral("webservervm"));
        QCOMPARE(web.name, QStringLiteral("Web server"));
        QCOMPARE(db.id, QStringLiteral("dbservervm"));
        QVERIFY(web.hasContract && db.hasContract);
        QVERIFY(web.isLaunchable() && db.isLaunchable());

        // webservervm: inbound tcp/80 from any ...
        const NetworkRule *in80 = findRule(web, NetworkRule::Direction::In, 80);
        QVERIFY(in80);
        QCOMPARE(in80->protocol, NetworkRule::Protocol::Tcp);
        QVERIFY(in80->srcAddr.isAny());
        QVERIFY(in80->srcPort.isAny());
        QCOMPARE(in80->info, QStringLiteral("Incoming web requests"));
        // ... and outbound tcp/3306 to dbservervm.
        const NetworkRule *out3306 = findRule(web, NetworkRule::Direction::Out, 3306);
        QVERIFY(out3306);
        QCOMPARE(out3306->protocol, NetworkRule::Protocol::Tcp);
        QCOMPARE(out3306->dstAddr.kind(), NetworkAddress::Kind::System);
        QCOMPARE(out3306->dstAddr.name(), QStringLiteral("dbservervm"));
        // dbservervm: inbound tcp/3306 from webservervm.
        const NetworkRule *dbIn = findRule(db, NetworkRule::Direction::In, 3306);
        QVERIFY(dbIn);
        QCOMPARE(dbIn->srcAddr.kind(), NetworkAddress::Kind::System);
        QCOMPARE(dbIn->srcAddr.name(), QStringLiteral("webservervm"));
        QVERIFY(!findRule(db, NetworkRule::Direction::In, 80));
    }

    void realWorld_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("id");
        QTest::newRow("vmware ovftool export") << "vmware-photon.ovf" << "photon-hw13";
        QTest::newRow("virtualbox export") << "virtualbox-debian.ovf" << "debian12";
    }
    void realWorld()
    {
        QFETCH(QString, file);
        QFETCH(QString, id);
        const ContractParseResult result = ContractParser::parseFile(path(file));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.size(), 1);
        const SystemContract &system = result.systems.first();
        QCOMPARE(system.id, id);
        QVERIFY(!system.hasContract); // no contract: it gets nothing it did not declare
        QVERIFY(system.isLaunchable());
        QVERIFY(system.notUnderstood.isEmpty()); // vendor sections are OVF's business, not ours
        QVERIFY(result.notes.isEmpty());
    }

    void everyKind()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY2(result.ok, qPrintable(result.error));
        const SystemContract &s = result.systems.first();
        QCOMPARE(s.name, QStringLiteral("Text editor"));
        QCOMPARE(s.rules.size(), 2);
        QCOMPARE(s.rules.at(0).dstAddr.toString(), QStringLiteral("dict.example.org"));
        QCOMPARE(s.rules.at(0).direction, NetworkRule::Direction::Out);
        QCOMPARE(s.rules.at(1).protocol, NetworkRule::Protocol::Udp);
        QCOMPARE(s.rules.at(1).srcPort.toString(), QStringLiteral("1024-65535"));
        QCOMPARE(s.rules.at(1).dstAddr.toString(), QStringLiteral("2001:db8:53::/48"));
        QCOMPARE(s.outgoingRate.average(), 64.0 * 1024);
        QCOMPARE(s.outgoingRate.effectivePeak(), 256.0 * 1024);
        QCOMPARE(s.outgoingRate.effectiveBurst(), 128.0 * 1024);
        QCOMPARE(s.incomingRate.average(), 1024.0 * 1024);
        QVERIFY(!s.incomingRate.hasPeak());
        QCOMPARE(s.mounts.size(), 2);
        QCOMPARE(s.mounts.at(0).store, QStringLiteral("Documents"));
        QCOMPARE(s.mounts.at(0).target, QStringLiteral("/home/user/Documents"));
        QCOMPARE(s.mounts.at(0).access, MountGrant::Access::ReadWrite);
        QCOMPARE(s.mounts.at(0).writeRate.average(), 512.0 * 1024);
        QCOMPARE(s.mounts.at(1).store, QStringLiteral("Pictures/Screenshots"));
        QCOMPARE(s.mounts.at(1).access, MountGrant::Access::ReadOnly);
        QCOMPARE(s.activity.size(), 2);
        QCOMPARE(s.activity.at(0).access, ActivityExpectation::Access::Write);
        QCOMPARE(s.activity.at(0).withinSecondsOfInput, 5.0);
        QCOMPARE(s.activity.at(1).store, QStringLiteral("any"));
        QCOMPARE(*s.resources.cpus, 2);
        QCOMPARE(*s.resources.memoryMiB, 2048.0);
        QCOMPARE(*s.resources.cpuQuotaPercent, 150.0);
        QCOMPARE(s.resources.diskReadRate.average(), 20.0 * 1024 * 1024);
        QCOMPARE(s.resources.diskWriteRate.average(), 10.0 * 1024 * 1024);
        QCOMPARE(*s.resources.diskReadIops, qint64(2000));
        QCOMPARE(*s.resources.diskWriteIops, qint64(1000));
        QCOMPARE(s.display.clipboard, DisplayPolicy::Clipboard::Explicit);
        QCOMPARE(*s.display.maxWindows, 4);
        QCOMPARE(s.display.fullscreen, DisplayPolicy::Fullscreen::Deny);
    }

    void unknownSections()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("unknown-sections.ovf")));
        QVERIFY2(result.ok, qPrintable(result.error));
        const SystemContract &viewer = result.systems.at(0);
        const SystemContract &camera = result.systems.at(1);
        QVERIFY(viewer.isLaunchable());
        QCOMPARE(viewer.notUnderstood, QStringList{QStringLiteral("PrinterContract_Type")});
        QVERIFY(viewer.rules.isEmpty());
        QVERIFY(!camera.isLaunchable());
        QCOMPARE(camera.unlaunchableReasons.size(), 1);
        QVERIFY(camera.unlaunchableReasons.first().contains(QLatin1String("CameraContract_Type")));
        QVERIFY(!result.allLaunchable());
        QCOMPARE(result.notes.size(), 2);
        QVERIFY(result.notes.at(0).contains(QLatin1String("unknown-sections.ovf:10:5:")));
        QVERIFY(result.notes.at(1).contains(QLatin1String("unknown-sections.ovf:17:5:")));
    }

    void otherContractElementIsUnknownSection()
    {
        const QString body = system(QStringLiteral("app"), QStringLiteral("<ns:FirewallSection ovf:required=\"false\"><Info>x</Info></ns:FirewallSection>"));
        const ContractParseResult result = ContractParser::parse(envelope(body), QStringLiteral("t.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.first().notUnderstood, QStringList{QStringLiteral("FirewallSection")});
        QVERIFY(result.systems.first().isLaunchable());
    }

    void nestedCollections()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("nested-collections.ovf")));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.size(), 3);
        const SystemContract &mail = result.systems.at(0);
        const SystemContract &notes = result.systems.at(1);
        const SystemContract &loner = result.systems.at(2);
        QCOMPARE(mail.id, QStringLiteral("mailclient"));
        // Inner collection's rule, with the direction derived for this member.
        QCOMPARE(mail.rules.size(), 1);
        QCOMPARE(mail.rules.first().direction, NetworkRule::Direction::Out);
        // Limits at several levels: the lowest wins.
        QCOMPARE(*mail.resources.memoryMiB, 1024.0);
        QCOMPARE(*mail.resources.cpus, 1);
        QCOMPARE(mail.display.clipboard, DisplayPolicy::Clipboard::None);
        // Outer collection only.
        QCOMPARE(notes.id, QStringLiteral("notes"));
        QVERIFY(notes.hasContract);
        QVERIFY(notes.rules.isEmpty());
        QCOMPARE(*notes.resources.memoryMiB, 4096.0);
        QCOMPARE(notes.display.clipboard, DisplayPolicy::Clipboard::None);
        // Outside every collection, no contract.
        QVERIFY(!loner.hasContract);
    }

    void namespaces_data()
    {
        QTest::addColumn<QByteArray>("document");
        const QByteArray contract = "<c:ContractSection xsi:type=\"NetworkContract_Type\">"
                                    "<Rule><Protocol>tcp</Protocol><SrcAddr>any</SrcAddr><SrcPort>any</SrcPort>"
                                    "<DstAddr ovf:id=\"a\"/><DstPort>22</DstPort></Rule></c:ContractSection>";
        const auto make = [&](const char *ovfNs, bool prefixed) {
            const QByteArray p = prefixed ? "ovf:" : "";
            QByteArray doc = "<?xml version=\"1.0\"?>\n<" + p + "Envelope xmlns" + (prefixed ? ":ovf" : ":ovf") + "=\"" + ovfNs + "\"";
            if (!prefixed)
                doc += QByteArray(" xmlns=\"") + ovfNs + "\"";
            doc += " xmlns:c=\"urn:tessera:contract:1\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">";
            doc += "<" + p + "VirtualSystem ovf:id=\"a\">" + contract + "</" + p + "VirtualSystem></" + p + "Envelope>";
            return doc;
        };
        QTest::newRow("ovf1 default") << make("http://schemas.dmtf.org/ovf/envelope/1", false);
        QTest::newRow("ovf1 prefixed") << make("http://schemas.dmtf.org/ovf/envelope/1", true);
        QTest::newRow("ovf2 default") << make("http://schemas.dmtf.org/ovf/envelope/2", false);
        QTest::newRow("ovf2 prefixed") << make("http://schemas.dmtf.org/ovf/envelope/2", true);
        QTest::newRow("children in contract ns")
            << QByteArray(make("http://schemas.dmtf.org/ovf/envelope/1", true))
                   .replace("<Rule><Protocol>tcp</Protocol><SrcAddr>any</SrcAddr><SrcPort>any</SrcPort><DstAddr ovf:id=\"a\"/><DstPort>22</DstPort></Rule>",
                            "<c:Rule><c:Protocol>tcp</c:Protocol><c:SrcAddr>any</c:SrcAddr><c:SrcPort>any</c:SrcPort>"
                            "<c:DstAddr ovf:id=\"a\"/><c:DstPort>22</c:DstPort></c:Rule>");
        QTest::newRow("crlf and utf-8 bom") << QByteArray("\xEF\xBB\xBF") + make("http://schemas.dmtf.org/ovf/envelope/1", false).replace(">", ">\r\n");
    }
    void namespaces()
    {
        QFETCH(QByteArray, document);
        const ContractParseResult result = ContractParser::parse(document, QStringLiteral("ns.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.size(), 1);
        QCOMPARE(result.systems.first().rules.size(), 1);
        QCOMPARE(result.systems.first().rules.first().direction, NetworkRule::Direction::In);
        QCOMPARE(result.systems.first().rules.first().dstPort.first(), quint16(22));
    }

    void direction_data()
    {
        // Collection of a, b and c; the rule is a collection contract, read for system a.
        QTest::addColumn<QString>("src");
        QTest::addColumn<QString>("dst");
        QTest::addColumn<QString>("direction");
        QTest::newRow("to self from any") << "any" << "=a" << "in";
        QTest::newRow("to self from peer") << "=b" << "=a" << "in";
        QTest::newRow("to self from self") << "=a" << "=a" << "in";
        QTest::newRow("from self to any") << "=a" << "any" << "out";
        QTest::newRow("from self to peer") << "=a" << "=b" << "out";
        QTest::newRow("from self to name") << "=a" << "example.org" << "out";
        QTest::newRow("any to elsewhere") << "any" << "198.51.100.0/24" << "out";
        QTest::newRow("any to any") << "any" << "any" << "out";
        QTest::newRow("any to peer") << "any" << "=b" << "out";
        QTest::newRow("peer to peer") << "=b" << "=c" << "peer";
        QTest::newRow("peer to outside") << "=b" << "any" << "peer";
        QTest::newRow("outside to peer") << "10.0.0.0/8" << "=b" << "peer";
        QTest::newRow("address to outside") << "10.0.0.0/8" << "any" << "out";
    }
    void direction()
    {
        QFETCH(QString, src);
        QFETCH(QString, dst);
        QFETCH(QString, direction);
        const QString body = QStringLiteral("<VirtualSystemCollection ovf:id=\"all\">") + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), src, QStringLiteral("any"), dst, QStringLiteral("80")))
            + system(QStringLiteral("a"), QString()) + system(QStringLiteral("b"), QString()) + system(QStringLiteral("c"), QString())
            + QStringLiteral("</VirtualSystemCollection>");
        const ContractParseResult result = ContractParser::parse(envelope(body), QStringLiteral("dir.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(NetworkRule::directionName(result.systems.first().rules.first().direction), direction);
    }

    void requiredAttribute_data()
    {
        QTest::addColumn<QString>("attribute");
        QTest::addColumn<bool>("launchable");
        QTest::newRow("default is required") << "" << false;
        QTest::newRow("true") << "ovf:required=\"true\"" << false;
        QTest::newRow("1") << "ovf:required=\"1\"" << false;
        QTest::newRow("false") << "ovf:required=\"false\"" << true;
        QTest::newRow("0") << "ovf:required=\"0\"" << true;
    }
    void requiredAttribute()
    {
        QFETCH(QString, attribute);
        QFETCH(bool, launchable);
        const QString sections = QStringLiteral("<ns:ContractSection %1 xsi:type=\"ovf:Future_Type\"><Anything/></ns:ContractSection>").arg(attribute);
        const ContractParseResult result = ContractParser::parse(envelope(system(QStringLiteral("app"), sections)), QStringLiteral("r.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QCOMPARE(result.systems.first().isLaunchable(), launchable);
        QCOMPARE(result.systems.first().notUnderstood.contains(QLatin1String("Future_Type")), launchable);
    }

    void acceptedValues_data()
    {
        QTest::addColumn<QString>("sections");
        QTest::newRow("icmp") << section(QStringLiteral("Network"), rule(QStringLiteral("icmp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any")));
        QTest::newRow("protocol any upper") << section(QStringLiteral("Network"), rule(QStringLiteral("ANY"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any")));
        QTest::newRow("rate decimals") << section(QStringLiteral("Network"), QStringLiteral("<OutgoingRate average=\"0.5\" peak=\"1.25\" unit=\"MiB/s\"/>"));
        QTest::newRow("rate zero") << section(QStringLiteral("Network"), QStringLiteral("<OutgoingRate average=\"0\"/>"));
        QTest::newRow("store with trailing slash") << section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Music/</Store><Target>/m</Target><Access>read-only</Access></Mount>"));
        QTest::newRow("store with spaces") << section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>My Music</Store><Target>/m</Target><Access>read-only</Access></Mount>"));
        QTest::newRow("empty sections") << section(QStringLiteral("Network"), QString()) + section(QStringLiteral("Mount"), QString())
                + section(QStringLiteral("Activity"), QString()) + section(QStringLiteral("Resource"), QString()) + section(QStringLiteral("Display"), QString());
        QTest::newRow("info everywhere") << section(QStringLiteral("Resource"), QStringLiteral("<Info ovf:msgid=\"x\">Limits</Info><CPUs>1</CPUs>"));
        QTest::newRow("comments and PIs") << section(QStringLiteral("Display"), QStringLiteral("<!-- c --><?pi x?><MaxWindows><!-- c -->3</MaxWindows>"));
        QTest::newRow("cdata") << section(QStringLiteral("Display"), QStringLiteral("<Clipboard><![CDATA[none]]></Clipboard>"));
        QTest::newRow("keywords in any case") << section(QStringLiteral("Activity"), QStringLiteral("<Expect><Store>any</Store><Access>WRITE</Access><WithinSecondsOfInput>1</WithinSecondsOfInput></Expect>"))
                + section(QStringLiteral("Resource"), QStringLiteral("<Memory unit=\"gib\">1</Memory>")) + section(QStringLiteral("Display"), QStringLiteral("<Fullscreen>Deny</Fullscreen>"))
                + section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>M</Store><Target>/m</Target><Access>Read-Only</Access></Mount>"));
        QTest::newRow("predefined entity") << section(QStringLiteral("Network"), QStringLiteral("<Info>Tom &amp; Jerry &#x41;</Info>"));
    }
    void acceptedValues()
    {
        QFETCH(QString, sections);
        const ContractParseResult result = ContractParser::parse(envelope(system(QStringLiteral("app"), sections)), QStringLiteral("ok.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        QVERIFY(result.systems.first().hasContract);
    }

    void rejected_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("message");
        QTest::newRow("port 0") << "port-zero.ovf" << 12 << 9 << "port 0 is out of range";
        QTest::newRow("port 70000") << "port-70000.ovf" << 12 << 9 << "port 70000 is out of range";
        QTest::newRow("port range backwards") << "port-range-backwards.ovf" << 12 << 9 << "backwards";
        QTest::newRow("port not a number") << "port-not-number.ovf" << 10 << 9 << "is not a port";
        QTest::newRow("bad cidr prefix") << "bad-cidr.ovf" << 11 << 9 << "not a prefix length";
        QTest::newRow("cidr host bits") << "cidr-host-bits.ovf" << 11 << 9 << "did you mean 10.0.0.0/8";
        QTest::newRow("bad ipv4") << "bad-ipv4.ovf" << 11 << 9 << "not an IPv4 address";
        QTest::newRow("bad ipv6") << "bad-ipv6.ovf" << 11 << 9 << "not an IPv6 address";
        QTest::newRow("bad protocol") << "bad-protocol.ovf" << 8 << 9 << "unknown protocol";
        QTest::newRow("dangling ovf:id") << "dangling-ref.ovf" << 11 << 9 << "“nosuchvm” does not name a VirtualSystem";
        QTest::newRow("ovf:id of a collection") << "ref-to-collection.ovf" << 12 << 9 << "names a VirtualSystemCollection";
        QTest::newRow("address and ovf:id") << "address-both.ovf" << 11 << 9 << "both ovf:id and an address";
        QTest::newRow("unknown rule child") << "unknown-rule-child.ovf" << 13 << 9 << "unknown element <Port> in <Rule>";
        QTest::newRow("duplicate rule child") << "duplicate-rule-child.ovf" << 13 << 9 << "more than once";
        QTest::newRow("rule lacks DstPort") << "missing-dstport.ovf" << 7 << 7 << "lacks <DstPort>";
        QTest::newRow("unknown section child") << "unknown-section-child.ovf" << 7 << 7 << "unknown element <Firewall>";
        QTest::newRow("child in foreign namespace") << "foreign-namespace-child.ovf" << 7 << 7 << "unknown element <x:Rule>";
        QTest::newRow("bad rate unit") << "bad-unit-rate.ovf" << 7 << 7 << "bad unit “Mbit/s”";
        QTest::newRow("bad memory unit") << "bad-unit-memory.ovf" << 7 << 7 << "bad unit “GB”";
        QTest::newRow("rate without average") << "rate-without-average.ovf" << 7 << 7 << "needs an average";
        QTest::newRow("negative rate") << "rate-negative.ovf" << 7 << 7 << "not a number";
        QTest::newRow("duplicate rate") << "duplicate-rate.ovf" << 8 << 7 << "more than once";
        QTest::newRow("store with ..") << "store-dotdot.ovf" << 8 << 9 << "may not contain “..”";
        QTest::newRow("absolute store") << "store-absolute.ovf" << 8 << 9 << "absolute path";
        QTest::newRow("store in home") << "store-home.ovf" << 8 << 9 << "absolute path";
        QTest::newRow("relative target") << "target-relative.ovf" << 9 << 9 << "must be an absolute path inside the appliance";
        QTest::newRow("bad mount access") << "bad-access.ovf" << 10 << 9 << "unknown access";
        QTest::newRow("activity store ..") << "activity-store-dotdot.ovf" << 8 << 9 << "may not contain “..”";
        QTest::newRow("activity seconds") << "activity-bad-seconds.ovf" << 10 << 9 << "“5s” is not a number";
        QTest::newRow("zero cpus") << "cpus-zero.ovf" << 7 << 7 << "between 1 and";
        QTest::newRow("bad clipboard") << "bad-clipboard.ovf" << 7 << 7 << "must be none or explicit";
        QTest::newRow("no xsi:type") << "missing-type.ovf" << 6 << 5 << "has no xsi:type";
        QTest::newRow("bad ovf:required") << "bad-required.ovf" << 6 << 5 << "ovf:required must be true or false";
        QTest::newRow("duplicate VirtualSystem id") << "duplicate-id.ovf" << 7 << 3 << "“app” is used more than once";
        QTest::newRow("VirtualSystem without id") << "system-without-id.ovf" << 4 << 3 << "has no ovf:id";
        QTest::newRow("contract at envelope level") << "contract-at-envelope.ovf" << 4 << 3 << "must be inside a VirtualSystem";
        QTest::newRow("no VirtualSystem") << "no-system.ovf" << 1 << 1 << "has no VirtualSystem";
        QTest::newRow("not OVF") << "not-ovf.ovf" << 2 << 1 << "is not an OVF Envelope";
        QTest::newRow("unknown OVF version") << "wrong-ovf-namespace.ovf" << 2 << 1 << "is not an OVF Envelope";
        QTest::newRow("not well-formed") << "not-well-formed.ovf" << 7 << 25 << "mismatch";
        QTest::newRow("truncated") << "truncated.ovf" << 8 << 1 << "unexpected end of file";
        QTest::newRow("empty") << "empty.ovf" << 1 << 1 << "unexpected end of file";
        QTest::newRow("internal DTD") << "dtd-internal.ovf" << 2 << 1 << "DTDs) are not allowed";
        QTest::newRow("billion laughs") << "billion-laughs.ovf" << 2 << 1 << "DTDs) are not allowed";
        QTest::newRow("external entity") << "external-entity.ovf" << 2 << 1 << "DTDs) are not allowed";
        QTest::newRow("undeclared entity") << "undeclared-entity.ovf" << 6 << 19 << "vendor";
    }
    void rejected()
    {
        QFETCH(QString, file);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, message);
        const QString name = path(QStringLiteral("bad/") + file);
        const ContractParseResult result = ContractParser::parseFile(name);
        QVERIFY(!result.ok);
        QVERIFY(result.systems.isEmpty());
        QVERIFY2(result.errorMessage.contains(message), qPrintable(result.error));
        QCOMPARE(result.errorLine, line);
        QCOMPARE(result.errorColumn, column);
        QCOMPARE(result.error, QStringLiteral("%1:%2:%3: %4").arg(name).arg(line).arg(column).arg(result.errorMessage));
    }

    void everyBadFileIsInTheTable()
    {
        const QStringList files = QDir(path(QStringLiteral("bad"))).entryList(QDir::Files);
        QCOMPARE(files.size(), 46);
        for (const QString &file : files)
            QVERIFY2(!ContractParser::parseFile(path(QStringLiteral("bad/") + file)).ok, qPrintable(file));
    }

    void tooLarge()
    {
        QByteArray big = envelope(system(QStringLiteral("app"), QString()));
        big.insert(big.indexOf("<VirtualSystem"), QByteArray(ContractParser::maximumSize, ' '));
        const ContractParseResult result = ContractParser::parse(big, QStringLiteral("big.ovf"));
        QVERIFY(!result.ok);
        QCOMPARE(result.error, QStringLiteral("big.ovf:1:1: the descriptor is larger than 4 MiB"));
        // Just under the limit parses.
        big.remove(0, big.size() - ContractParser::maximumSize);
        QVERIFY(big.size() == ContractParser::maximumSize);
    }

    void missingFile()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("no-such-file.ovf")));
        QVERIFY(!result.ok);
        QVERIFY(result.error.contains(QLatin1String("no-such-file.ovf:1:1: cannot open")));
    }

    void deepCollections()
    {
        const auto nested = [](int depth) {
            QString body = system(QStringLiteral("leaf"), QString());
            for (int i = 0; i < depth; ++i)
                body = QStringLiteral("<VirtualSystemCollection ovf:id=\"c%1\">%2</VirtualSystemCollection>").arg(i).arg(body);
            return envelope(body);
        };
        QVERIFY(ContractParser::parse(nested(ContractParser::maximumCollectionDepth), QStringLiteral("deep.ovf")).ok);
        const ContractParseResult tooDeep = ContractParser::parse(nested(ContractParser::maximumCollectionDepth + 1), QStringLiteral("deep.ovf"));
        QVERIFY(!tooDeep.ok);
        QVERIFY(tooDeep.errorMessage.contains(QLatin1String("nested more than")));
    }

    void ruleExplosionIsCapped()
    {
        // A collection contract is copied to every member: bound the product.
        QString rules;
        for (int i = 0; i < 2000; ++i)
            rules += rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any"), QString::number(i + 1));
        QString members;
        for (int i = 0; i < 101; ++i)
            members += system(QStringLiteral("m%1").arg(i), QString());
        const QByteArray doc = envelope(QStringLiteral("<VirtualSystemCollection ovf:id=\"all\">") + section(QStringLiteral("Network"), rules) + members
                                        + QStringLiteral("</VirtualSystemCollection>"));
        const ContractParseResult result = ContractParser::parse(doc, QStringLiteral("wide.ovf"));
        QVERIFY(!result.ok);
        QVERIFY2(result.errorMessage.contains(QLatin1String("network rules")), qPrintable(result.error));
    }

    void fileNameWithPercent()
    {
        const ContractParseResult result = ContractParser::parse("<x/>", QStringLiteral("%1%2.ovf"));
        QVERIFY(result.error.startsWith(QLatin1String("%1%2.ovf:1:1: ")));
    }
};

QTEST_GUILESS_MAIN(TestParser)
#include "tst_parser.moc"
