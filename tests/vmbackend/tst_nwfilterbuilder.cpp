// NwfilterBuilder and PrivilegedNetworkEnforcement: a contract's rules become a default-deny
// nwfilter and <bandwidth>, valid for libvirt's schemas. The filter holding a real guest's
// traffic is shown in tests/e2e/tst_limits_e2e.cpp (privilegedNetwork).
#include "contractparser.h"
#include "domainxmlbuilder.h"
#include "enforcementplan.h"
#include "nwfilterbuilder.h"
#include "privilegednetworkenforcement.h"

#include <QDomDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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

/// "action direction protocol attr=value ..." for each rule, in document order.
QStringList describeRules(const QString &xml)
{
    QDomDocument doc;
    if (!doc.setContent(xml))
        return {};
    QStringList rules;
    for (QDomElement r = doc.documentElement().firstChildElement(QStringLiteral("rule")); !r.isNull();
         r = r.nextSiblingElement(QStringLiteral("rule"))) {
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
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(mixedRules()), QStringLiteral("tessera-app"));
        QCOMPARE(result.compiledRules, 4);
        // A name cannot be matched by nwfilter: left out, so denied.
        QCOMPARE(result.leftOut, QStringList{QStringLiteral("out tcp =app:any > example.org:80")});
        const QStringList expected{
            QStringLiteral("accept inout arp"),
            QStringLiteral("accept inout ip"),
            QStringLiteral("accept inout ipv6"),
            QStringLiteral("accept out udp dstportstart=67 srcportstart=68"),
            QStringLiteral("accept in udp dstportstart=68 srcportstart=67"),
            QStringLiteral("accept out tcp dstipaddr=192.0.2.0 dstipmask=24 dstportstart=443"),
            QStringLiteral("accept out udp dstportstart=53"),
            QStringLiteral("accept out udp-ipv6 dstportstart=53"),
            QStringLiteral("accept in tcp dstportend=8010 dstportstart=8000"),
            QStringLiteral("accept in tcp-ipv6 dstportend=8010 dstportstart=8000"),
            QStringLiteral("accept out icmpv6 dstipaddr=2001:db8:: dstipmask=32"),
            QStringLiteral("drop inout all"),
            QStringLiteral("drop inout all-ipv6"),
            QStringLiteral("drop inout mac"),
        };
        QCOMPARE(describeRules(result.xml), expected);
        QByteArray errors;
        QVERIFY2(validates(result.xml, QStringLiteral("nwfilter"), &errors), errors.constData());
    }

    void emptyContractDeniesEverything()
    {
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(QString()), QStringLiteral("tessera-app"));
        QCOMPARE(result.compiledRules, 0);
        const QStringList rules = describeRules(result.xml);
        QCOMPARE(rules.filter(QStringLiteral("accept")).size(), 5); // ARP, IP to the drops, DHCP
        QCOMPARE(rules.filter(QStringLiteral("drop")).size(), 3);
        QByteArray errors;
        QVERIFY2(validates(result.xml, QStringLiteral("nwfilter"), &errors), errors.constData());
    }

    void ruleCountIsBounded()
    {
        QString many;
        for (int i = 0; i < NwfilterBuilder::MaximumRules + 5; ++i)
            many += rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QString::number(1 + i));
        const NwfilterBuilder::Result result = NwfilterBuilder::build(parseNetwork(many), QStringLiteral("tessera-app"));
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
        QCOMPARE(nic.firstChildElement(QStringLiteral("filterref")).attribute(QStringLiteral("filter")), QStringLiteral("tessera-app"));
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
