// NwfilterBuilder and PrivilegedNetworkEnforcement: a contract's rules become a default-deny
// nwfilter (with libvirt's clean-traffic, and the session mode's refusals for `any` before
// any accept) and <bandwidth>, valid for libvirt's schemas; for TCP the filter decides as
// the session mode's gateway does. The filter holding a real guest's traffic is shown in
// tests/e2e/tst_limits_e2e.cpp (privilegedNetwork) and tst_privilegednetwork_e2e.cpp.
#include "contractparser.h"
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "gatewaypolicy.h"
#include "nwfilterbuilder.h"
#include "privilegednetworkenforcement.h"

#include <QDomDocument>
#include <QHostAddress>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

namespace {

QString rule(const QString &protocol, const QString &src, const QString &srcPort, const QString &dst, const QString &dstPort)
{
    auto address = [](const QString &a) { return a.startsWith(QLatin1Char('=')) ? QStringLiteral("<%2 ovf:id='%1'/>").arg(a.mid(1)) : QStringLiteral("<%2>") + a + QStringLiteral("</%2>"); };
    return QStringLiteral("<Rule><Protocol>%1</Protocol>").arg(protocol) + address(src).arg(QStringLiteral("SrcAddr"))
        + QStringLiteral("<SrcPort>%1</SrcPort>").arg(srcPort) + address(dst).arg(QStringLiteral("DstAddr"))
        + QStringLiteral("<DstPort>%1</DstPort></Rule>").arg(dstPort);
}

SystemContract parseNetwork(const QString &children)
{
    const QString ovf = QStringLiteral("<?xml version='1.0'?>"
                                       "<Envelope xmlns='http://schemas.dmtf.org/ovf/envelope/1' xmlns:ovf='http://schemas.dmtf.org/ovf/envelope/1'"
                                       " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:tessera:contract:1'>"
                                       "<VirtualSystem ovf:id='app'><Info>test</Info>"
                                       "<ns:ContractSection xsi:type='ovf:NetworkContract_Type'><Info>n</Info>%1</ns:ContractSection>"
                                       "</VirtualSystem></Envelope>")
                            .arg(children);
    const ContractParseResult result = ContractParser::parse(ovf.toUtf8(), QStringLiteral("test.ovf"));
    if (!result.ok || result.systems.isEmpty())
        qFatal("test contract rejected: %s", qPrintable(result.error));
    return result.systems.first();
}

/// A contract with every kind of rule (the addresses are documentation prefixes, never contacted).
QString mixedRules()
{
    return rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("192.0.2.0/24"), QStringLiteral("443"))
        + rule(QStringLiteral("udp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("53"))
        + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("example.org"), QStringLiteral("80"))
        + rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("8000-8010"))
        + rule(QStringLiteral("icmp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("2001:db8::/32"), QStringLiteral("any"));
}

bool validates(const QString &xml, const QString &schema, QByteArray *errors)
{
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("doc.xml")));
    if (!file.open(QIODevice::WriteOnly))
        return false;
    file.write(xml.toUtf8());
    file.close();
    QProcess validate;
    validate.start(QStringLiteral("virt-xml-validate"), {file.fileName(), schema});
    if (!validate.waitForFinished(30000))
        return false;
    *errors = validate.readAllStandardError() + validate.readAllStandardOutput();
    return validate.exitStatus() == QProcess::NormalExit && validate.exitCode() == 0;
}

/// The filter's rules in the order libvirt applies them (by priority, then document order).
QList<QDomElement> rulesInOrder(const QString &xml)
{
    QDomDocument doc;
    if (!doc.setContent(xml))
        return {};
    QList<QDomElement> rules;
    for (QDomElement r = doc.documentElement().firstChildElement(QStringLiteral("rule")); !r.isNull();
         r = r.nextSiblingElement(QStringLiteral("rule")))
        rules.append(r);
    std::stable_sort(rules.begin(), rules.end(), [](const QDomElement &a, const QDomElement &b) {
        return a.attribute(QStringLiteral("priority")).toInt() < b.attribute(QStringLiteral("priority")).toInt();
    });
    return rules;
}

/// "action direction protocol attr=value ..." for each rule, in the order libvirt applies them.
QStringList describeRules(const QString &xml)
{
    QStringList rules;
    for (const QDomElement &r : rulesInOrder(xml)) {
        const QDomElement match = r.firstChildElement();
        QStringList parts{r.attribute(QStringLiteral("action")), r.attribute(QStringLiteral("direction")), match.tagName()};
        const QDomNamedNodeMap attributes = match.attributes();
        QStringList pairs;
        for (int i = 0; i < attributes.count(); ++i)
            pairs.append(attributes.item(i).nodeName() + QLatin1Char('=') + attributes.item(i).nodeValue());
        pairs.sort();
        rules.append((parts + pairs).join(QLatin1Char(' ')));
    }
    return rules;
}

/// What the filter does with the first packet of a TCP connection the guest opens to
/// @p address:@p port: the first matching rule in libvirt's order decides.
bool filterAccepts(const QList<QDomElement> &rules, const QHostAddress &address, quint16 port)
{
    const bool ipv6 = address.protocol() == QAbstractSocket::IPv6Protocol;
    for (const QDomElement &rule : rules) {
        if (rule.attribute(QStringLiteral("direction")) == QLatin1String("in"))
            continue;
        const QDomElement match = rule.firstChildElement();
        const QString protocol = match.tagName();
        if (protocol != (ipv6 ? QLatin1String("tcp-ipv6") : QLatin1String("tcp")) && protocol != (ipv6 ? QLatin1String("all-ipv6") : QLatin1String("all")))
            continue;
        if (match.hasAttribute(QStringLiteral("dstipaddr"))
            && !address.isInSubnet(QHostAddress(match.attribute(QStringLiteral("dstipaddr"))), match.attribute(QStringLiteral("dstipmask")).toInt()))
            continue;
        if (match.hasAttribute(QStringLiteral("dstportstart"))) {
            const int first = match.attribute(QStringLiteral("dstportstart")).toInt();
            const int last = match.attribute(QStringLiteral("dstportend"), QString::number(first)).toInt();
            if (port < first || port > last)
                continue;
        }
        return rule.attribute(QStringLiteral("action")) == QLatin1String("accept");
    }
    return false;
}

EnforcementPlan compilePrivileged(const QString &children)
{
    EnforcementContext context;
    context.privileged = true;
    context.applianceName = QStringLiteral("app");
    DomainSpec base;
    base.name = QStringLiteral("tessera-app");
    base.kernel = QStringLiteral("/k");
    base.initrd = QStringLiteral("/i");
    base.systemDisk = QStringLiteral("/d.qcow2");
    base.spiceSocket = QStringLiteral("/s");
    return EnforcementPlan::compile(parseNetwork(children), context, base);
}

} // namespace

class TestNwfilterBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void filterNames_data()
    {
        QTest::addColumn<QString>("appliance");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("terminal") << QStringLiteral("tessera-terminal");
        QTest::newRow("odd characters") << QStringLiteral("a b/../c'<") << QStringLiteral("tessera-a-b-..-c--");
    }

    void filterNames()
    {
        QFETCH(QString, appliance);
        QFETCH(QString, expected);
        QCOMPARE(NwfilterBuilder::filterName(appliance), expected);
    }

    void compilesRulesDefaultDeny()
    {
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(mixedRules()), QStringLiteral("tessera-app"),
                                                                      {QHostAddress(QStringLiteral("203.0.113.9"))});
        QCOMPARE(result.compiledRules, 4);
        // A name cannot be matched by nwfilter: left out, so denied.
        QCOMPARE(result.leftOut, QStringList{QStringLiteral("out tcp =app:any > example.org:80")});
        QStringList expected{
            QStringLiteral("accept out udp dstportstart=67 srcportstart=68"),
            QStringLiteral("accept in udp dstportstart=68 srcportstart=67"),
        };
        // Before any accept of the contract's rules: what `any` never reaches.
        for (const NetworkAddress &block : GatewayPolicy::specialBlocks())
            expected.append(QStringLiteral("drop out %1 dstipaddr=%2 dstipmask=%3%4")
                                .arg(block.isIPv6() ? QStringLiteral("all-ipv6") : QStringLiteral("all"),
                                     block.toString().section(QLatin1Char('/'), 0, 0))
                                .arg(block.prefixLength())
                                .arg(block.isIPv6() ? QString() : QStringLiteral(" state=NEW")));
        expected += QStringList{
            QStringLiteral("drop out all dstipaddr=203.0.113.9 dstipmask=32 state=NEW"),
            QStringLiteral("accept out tcp dstipaddr=192.0.2.0 dstipmask=24 dstportstart=443"),
            QStringLiteral("accept out udp dstportstart=53"),
            QStringLiteral("accept out udp-ipv6 dstportstart=53"),
            QStringLiteral("accept in tcp dstportend=8010 dstportstart=8000"),
            QStringLiteral("accept in tcp-ipv6 dstportend=8010 dstportstart=8000"),
            QStringLiteral("accept out icmpv6 dstipaddr=2001:db8:: dstipmask=32"),
            QStringLiteral("drop inout all"),
            QStringLiteral("drop inout all-ipv6"),
        };
        QCOMPARE(describeRules(result.xml), expected);
        // Layer 2 is libvirt's filter against spoofing.
        QDomDocument doc;
        QVERIFY(doc.setContent(result.xml));
        QCOMPARE(doc.documentElement().firstChildElement(QStringLiteral("filterref")).attribute(QStringLiteral("filter")),
                 QStringLiteral("clean-traffic"));
        QByteArray errors;
        QVERIFY2(validates(result.xml, QStringLiteral("nwfilter"), &errors), errors.constData());
    }

    void emptyContractDeniesEverything()
    {
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(QString()), QStringLiteral("tessera-app"), {});
        QCOMPARE(result.compiledRules, 0);
        const QStringList rules = describeRules(result.xml);
        QCOMPARE(rules.filter(QStringLiteral("accept")).size(), 2); // DHCP
        QCOMPARE(rules.filter(QStringLiteral("drop")).size(), GatewayPolicy::specialBlocks().size() + 2);
        QByteArray errors;
        QVERIFY2(validates(result.xml, QStringLiteral("nwfilter"), &errors), errors.constData());
    }

    /// For TCP the filter decides every outbound connection as the session mode's gateway
    /// does: `any` and wide prefixes never reach loopback, the LAN, link-local, the metadata
    /// address or this machine; rules naming them do.
    void decidesAsTheGateway()
    {
        const SystemContract contract = parseNetwork(
            rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("10.0.0.0/8"), QStringLiteral("5432"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("169.254.169.254"), QStringLiteral("80"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("203.0.113.9"), QStringLiteral("22"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("0.0.0.0/0"), QStringLiteral("8080"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("203.0.113.0/24"), QStringLiteral("25"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("192.168.0.0/16"), QStringLiteral("631"))
            + rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("fd00::/8"), QStringLiteral("443")));
        const QList<QHostAddress> own{QHostAddress(QStringLiteral("203.0.113.9")), QHostAddress(QStringLiteral("2001:db8::9")),
                                     QHostAddress(QStringLiteral("192.168.122.1"))};
        const QList<QDomElement> filter = rulesInOrder(NwfilterBuilder::build(contract, QStringLiteral("tessera-app"), own).xml);
        const GatewayPolicy gateway = GatewayPolicy::fromContract(contract, QString());
        const QStringList addresses{
            QStringLiteral("198.51.100.7"), QStringLiteral("8.8.8.8"), QStringLiteral("127.0.0.1"), QStringLiteral("10.1.2.3"),
            QStringLiteral("172.16.5.5"), QStringLiteral("192.168.122.1"), QStringLiteral("192.168.1.20"), QStringLiteral("169.254.169.254"),
            QStringLiteral("169.254.1.1"), QStringLiteral("100.64.1.1"), QStringLiteral("224.0.0.251"), QStringLiteral("255.255.255.255"),
            QStringLiteral("203.0.113.9"), QStringLiteral("203.0.113.10"), QStringLiteral("2001:4860::1"), QStringLiteral("2001:db8::9"),
            QStringLiteral("::1"), QStringLiteral("fe80::1"), QStringLiteral("fd00::1"), QStringLiteral("fd12::1"), QStringLiteral("ff02::1")};
        int accepted = 0;
        for (const QString &text : addresses) {
            for (quint16 port : {443, 5432, 80, 22, 8080, 25, 631, 9999}) {
                const QHostAddress address(text);
                const bool byGateway = gateway.decide(text, address, port, own).allowed;
                QVERIFY2(filterAccepts(filter, address, port) == byGateway,
                         qPrintable(QStringLiteral("%1 port %2: the gateway %3").arg(text).arg(port).arg(byGateway ? "allows" : "refuses")));
                accepted += byGateway;
            }
        }
        // Not all refused (else the comparison proves little): public addresses on 443 and
        // 8080, the named ones on theirs.
        QVERIFY(accepted >= 10);
        QVERIFY(!filterAccepts(filter, QHostAddress(QStringLiteral("169.254.169.254")), 443));
        QVERIFY(filterAccepts(filter, QHostAddress(QStringLiteral("169.254.169.254")), 80));
        QVERIFY(!filterAccepts(filter, QHostAddress(QStringLiteral("192.168.122.1")), 443));
        QVERIFY(filterAccepts(filter, QHostAddress(QStringLiteral("198.51.100.7")), 443));
    }

    void ruleCountIsBounded()
    {
        QString many;
        for (int i = 0; i < NwfilterBuilder::MaximumRules + 5; ++i)
            many += rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QString::number(1 + i));
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(many), QStringLiteral("tessera-app"), {});
        QCOMPARE(result.compiledRules, NwfilterBuilder::MaximumRules);
        QCOMPARE(result.leftOut.size(), 5);
    }

    void privilegedInterface()
    {
        const EnforcementPlan plan = compilePrivileged(mixedRules() + QStringLiteral("<OutgoingRate average='100' peak='200' burst='64'/>"
                                                                                     "<IncomingRate average='2' unit='MiB/s'/>"));
        const GuestNetwork network = plan.spec().network;
        QVERIFY(network.enabled);
        QCOMPARE(network.nwfilterName, QStringLiteral("tessera-app"));
        QVERIFY(network.nwfilterXml.contains(QStringLiteral("name=\"tessera-app\"")));
        QCOMPARE(network.outboundAverageKiBs, 100);
        QCOMPARE(network.outboundPeakKiBs, 200);
        QCOMPARE(network.outboundBurstKiB, 64);
        QCOMPARE(network.inboundAverageKiBs, 2048);
        QCOMPARE(network.inboundPeakKiBs, 0);
        // The filter is proven on a real guest (tst_limits_e2e); <bandwidth> is not, so never claimed.
        QCOMPARE(plan.status(ContractElement::NetworkRules), EnforcementStatus::Enforced);
        QCOMPARE(plan.status(ContractElement::OutgoingRate), EnforcementStatus::NotEnforced);
        QCOMPARE(plan.status(ContractElement::IncomingRate), EnforcementStatus::NotEnforced);

        const QString xml = DomainXmlBuilder::build(plan.spec());
        QDomDocument doc;
        QVERIFY(doc.setContent(xml));
        const QDomElement nic = doc.documentElement().firstChildElement(QStringLiteral("devices")).firstChildElement(QStringLiteral("interface"));
        QCOMPARE(nic.attribute(QStringLiteral("type")), QStringLiteral("network"));
        QCOMPARE(nic.firstChildElement(QStringLiteral("source")).attribute(QStringLiteral("network")), QStringLiteral("default"));
        const QDomElement filterref = nic.firstChildElement(QStringLiteral("filterref"));
        QCOMPARE(filterref.attribute(QStringLiteral("filter")), QStringLiteral("tessera-app"));
        // clean-traffic learns the guest's address from its DHCP lease only.
        QCOMPARE(filterref.firstChildElement(QStringLiteral("parameter")).attribute(QStringLiteral("name")), QStringLiteral("CTRL_IP_LEARNING"));
        QCOMPARE(filterref.firstChildElement(QStringLiteral("parameter")).attribute(QStringLiteral("value")), QStringLiteral("dhcp"));
        QVERIFY(network.nwfilterXml.contains(QStringLiteral("<filterref filter=\"clean-traffic\"/>")));
        const QDomElement outbound = nic.firstChildElement(QStringLiteral("bandwidth")).firstChildElement(QStringLiteral("outbound"));
        QCOMPARE(outbound.attribute(QStringLiteral("average")), QStringLiteral("100"));
        QCOMPARE(outbound.attribute(QStringLiteral("peak")), QStringLiteral("200"));
        QCOMPARE(outbound.attribute(QStringLiteral("burst")), QStringLiteral("64"));
        QByteArray errors;
        QVERIFY2(validates(xml, QStringLiteral("domain"), &errors), errors.constData());
    }

    void noRulesNoNic()
    {
        const EnforcementPlan plan = compilePrivileged(QString());
        QVERIFY(!plan.spec().network.enabled);
        QVERIFY(plan.spec().network.nwfilterXml.isEmpty());
        QDomDocument doc;
        QVERIFY(doc.setContent(DomainXmlBuilder::build(plan.spec())));
        QVERIFY(doc.elementsByTagName(QStringLiteral("interface")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestNwfilterBuilder)
#include "tst_nwfilterbuilder.moc"
