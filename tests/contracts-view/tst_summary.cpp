// ContractSummary: plain-language grants, risk ranking, dangerous
// combinations, headline, and "declared vs enforced here".

#include "contractsummary.h"
#include "contracttestdata.h"

#include <QTest>

using namespace ContractTestData;
using Risk = ContractGrant::Risk;
using Group = ContractGrant::Group;

namespace {

class FakeOracle : public EnforcementOracle
{
public:
    EnforcementStatus status(ContractElement element) const override
    {
        switch (element) {
        case ContractElement::NetworkRules:
            return EnforcementStatus::Enforced;
        case ContractElement::Activity:
            return EnforcementStatus::MonitoredOnly;
        default:
            return EnforcementStatus::NotEnforced;
        }
    }
};

const ContractGrant *find(const ContractSummary &summary, const QString &text)
{
    for (const ContractGrant &grant : summary.grants()) {
        if (grant.text == text)
            return &grant;
    }
    return nullptr;
}

QString texts(const ContractSummary &summary)
{
    QStringList lines;
    for (const ContractGrant &grant : summary.grants())
        lines.append(grant.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestSummary : public QObject
{
    Q_OBJECT

private slots:
    void rules_data()
    {
        QTest::addColumn<QString>("rule");
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("risk");
        QTest::newRow("open port to anyone") << rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("80")) << "Accepts TCP port 80 connections from anywhere" << int(Risk::Medium);
        QTest::newRow("open port to a peer") << rule(QStringLiteral("tcp"), QStringLiteral("=db"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("5432")) << "Accepts TCP port 5432 connections from the appliance system “db”"
                                             << int(Risk::Low);
        QTest::newRow("port range") << rule(QStringLiteral("udp"), QStringLiteral("10.0.0.0/24"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("6000-6010")) << "Accepts UDP ports 6000–6010 connections from 10.0.0.0/24"
                                    << int(Risk::Low);
        QTest::newRow("out to anywhere") << rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443")) << "Connects to anywhere over TCP port 443" << int(Risk::High);
        QTest::newRow("out to a host") << rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("dict.example.org"), QStringLiteral("443")) << "Connects to dict.example.org over TCP port 443" << int(Risk::Medium);
        QTest::newRow("out to a huge prefix") << rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("0.0.0.0/1"), QStringLiteral("any")) << "Connects to 0.0.0.0/1 over TCP any port" << int(Risk::High);
        QTest::newRow("out to a peer") << rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("=db"), QStringLiteral("3306")) << "Connects to the appliance system “db” over TCP port 3306" << int(Risk::Low);
        QTest::newRow("ping") << rule(QStringLiteral("icmp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("192.0.2.1"), QStringLiteral("any")) << "Connects to 192.0.2.1 over ICMP (ping)" << int(Risk::Medium);
        QTest::newRow("anything anywhere") << rule(QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any")) << "Can send any traffic anywhere" << int(Risk::High);
        QTest::newRow("peer traffic") << rule(QStringLiteral("tcp"), QStringLiteral("=db"), QStringLiteral("any"), QStringLiteral("=cache"), QStringLiteral("6379")) << "Lets the appliance system “db” reach the appliance system “cache” over TCP port 6379"
                                      << int(Risk::Low);
    }
    void rules()
    {
        QFETCH(QString, rule);
        QFETCH(QString, text);
        QFETCH(int, risk);
        const QString systems = system(QStringLiteral("app"), section(QStringLiteral("Network"), rule)) + system(QStringLiteral("db"), QString())
            + system(QStringLiteral("cache"), QString());
        const ContractParseResult result = ContractParser::parse(envelope(systems), QStringLiteral("r.ovf"));
        QVERIFY2(result.ok, qPrintable(result.error));
        const ContractSummary summary(result.systems.first());
        const ContractGrant *grant = find(summary, text);
        QVERIFY2(grant, qPrintable(texts(summary)));
        QCOMPARE(int(grant->risk), risk);
        QCOMPARE(grant->group, Group::Network);
        QCOMPARE(grant->systemId, QStringLiteral("app"));
    }

    void rankedByDamage()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(result.ok);
        const ContractSummary summary(result.systems.first());
        const QList<ContractGrant> grants = summary.grants();
        QVERIFY(grants.size() > 10);
        for (int i = 1; i < grants.size(); ++i)
            QVERIFY(grants.at(i - 1).risk >= grants.at(i).risk);
        QCOMPARE(grants.first().text, QStringLiteral("Can read and change your folder “Documents”, writing at most 512 KiB/s"));
        QCOMPARE(grants.first().group, Group::Files);
        QCOMPARE(grants.first().risk, Risk::High);
        QCOMPARE(summary.headline(), grants.first().text);
        QVERIFY(summary.warnings().isEmpty()); // no outbound to anywhere
        QVERIFY(find(summary, QStringLiteral("Sees your clipboard only when you paste into it")));
        QVERIFY(find(summary, QStringLiteral("Uses at most 2048 MiB of memory")));
        QVERIFY(find(summary, QStringLiteral("Should change “Documents” only within 5 s of your typing or clicking (otherwise reported)")));
        // Every group shows up.
        QSet<Group> groups;
        for (const ContractGrant &grant : grants)
            groups.insert(grant.group);
        QCOMPARE(groups.size(), 5);
    }

    void dangerousCombinations_data()
    {
        QTest::addColumn<QString>("sections");
        QTest::addColumn<QString>("warning");
        QTest::addColumn<int>("overall");
        const QString readDocs = section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Documents</Store><Target>/d</Target><Access>read-only</Access></Mount>"));
        const QString writeDocs = section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Documents</Store><Target>/d</Target><Access>read-write</Access></Mount>"));
        QTest::newRow("read + out anywhere") << readDocs + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443")))
                                            << "Can read your files (Documents) and send data anywhere on the internet" << int(Risk::Critical);
        // A folder it may change is never said to be only read.
        QTest::newRow("write + out anywhere") << writeDocs + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443")))
                                             << "Can read and change your files (Documents) and send data anywhere on the internet" << int(Risk::Critical);
        const QString both = section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Documents</Store><Target>/d</Target><Access>read-write</Access></Mount>"
                                                                             "<Mount><Store>Music</Store><Target>/m</Target><Access>read-only</Access></Mount>"));
        QTest::newRow("write and read + out anywhere") << both + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443")))
                                                       << "Can read and change your files (Documents), read Music and send data anywhere on the internet" << int(Risk::Critical);
        QTest::newRow("write + open to anyone") << writeDocs + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("22")))
                                                << "Can change your files (Documents) and accepts connections from anywhere" << int(Risk::High);
        QTest::newRow("read + out to one host is fine") << readDocs + section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("sync.example.org"), QStringLiteral("443")))
                                                        << "" << int(Risk::Medium);
        QTest::newRow("out anywhere without files is fine") << section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443"))) << ""
                                                            << int(Risk::High);
    }
    void dangerousCombinations()
    {
        QFETCH(QString, sections);
        QFETCH(QString, warning);
        QFETCH(int, overall);
        const ContractSummary summary(parseSystem(sections));
        if (warning.isEmpty()) {
            QVERIFY(summary.warnings().isEmpty());
        } else {
            QCOMPARE(summary.warnings().value(0), warning);
            QCOMPARE(summary.headline(), warning);
        }
        QCOMPARE(int(summary.overallRisk()), overall);
    }

    void noContract()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("vmware-photon.ovf")));
        QVERIFY(result.ok);
        const ContractSummary summary(result.systems.first());
        QCOMPARE(summary.warnings().size(), 1);
        // What the appliance really gets, as the domain does: no network card, no mounts.
        QCOMPARE(summary.headline(), QStringLiteral("No contract: it declares nothing, so it gets no network and none of your files"));
        QVERIFY(find(summary, QStringLiteral("Cannot use the network")));
        QVERIFY(find(summary, QStringLiteral("Cannot see any of your files")));
        QVERIFY(summary.overallRisk() <= Risk::Low);
    }

    void tightContractHeadline()
    {
        const ContractSummary summary(parseSystem(section(QStringLiteral("Display"), QStringLiteral("<Fullscreen>deny</Fullscreen><Clipboard>none</Clipboard>"))));
        QCOMPARE(summary.headline(), QStringLiteral("Cannot use the network or see your files"));
        QCOMPARE(summary.overallRisk(), Risk::Low); // resources are not limited
    }

    void enforcement()
    {
        const ContractParseResult result = ContractParser::parseFile(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(result.ok);
        // The truthful default: nothing is enforced yet.
        for (const ContractGrant &grant : ContractSummary(result.systems.first()).grants())
            QCOMPARE(grant.enforcement, EnforcementStatus::NotEnforced);
        const FakeOracle oracle;
        for (const ContractGrant &grant : ContractSummary(result.systems.first(), oracle).grants())
            QCOMPARE(grant.enforcement, oracle.status(grant.element));
        QVERIFY(oracle.protects(ContractElement::NetworkRules));
        QVERIFY(oracle.protects(ContractElement::Activity)); // reporting is all activity asks for
        QVERIFY(!oracle.protects(ContractElement::Mounts));
        QCOMPARE(EnforcementOracle::statusKey(EnforcementStatus::MonitoredOnly), QStringLiteral("monitored"));
        QVERIFY(!EnforcementOracle::statusText(EnforcementStatus::NotEnforced).isEmpty());
    }

    void groupAndRiskNames()
    {
        QCOMPARE(ContractGrant::groupKey(Group::Files), QStringLiteral("files"));
        QCOMPARE(ContractGrant::groupTitle(Group::Files), QStringLiteral("Your files"));
        QCOMPARE(ContractGrant::riskKey(Risk::Critical), QStringLiteral("critical"));
        QVERIFY(!ContractGrant::riskTitle(Risk::None).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSummary)
#include "tst_summary.moc"
