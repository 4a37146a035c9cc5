// ContractComparison: verdicts and deciding dimensions, declared and enforced here.

#include "contractcomparison.h"
#include "contracttestdata.h"

#include <QTest>

using namespace ContractTestData;

namespace {

QString net(const QString &rules)
{
    return section(QStringLiteral("Network"), rules);
}
QString web80()
{
    return rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("80"));
}
QString out(const QString &dst, const QString &port, const QString &protocol = QStringLiteral("tcp"))
{
    return rule(protocol, QStringLiteral("=app"), QStringLiteral("any"), dst, port);
}
QString mount(const QString &store, const QString &access, const QString &extra = QString())
{
    return section(QStringLiteral("Mount"),
                   QStringLiteral("<Mount><Store>%1</Store><Target>/m</Target><Access>%2</Access>%3</Mount>").arg(store, access, extra));
}
QString expect(const QString &store, const QString &access, const QString &seconds)
{
    return section(QStringLiteral("Activity"),
                   QStringLiteral("<Expect><Store>%1</Store><Access>%2</Access><WithinSecondsOfInput>%3</WithinSecondsOfInput></Expect>")
                       .arg(store, access, seconds));
}
QString resources(const QString &children)
{
    return section(QStringLiteral("Resource"), children);
}
QString display(const QString &children)
{
    return section(QStringLiteral("Display"), children);
}

QString describe(const ContractComparison::Result &result)
{
    QStringList parts;
    for (const ContractComparison::Dimension &dimension : result.dimensions)
        parts.append(dimension.key + QLatin1Char(':') + ContractComparison::sideKey(dimension.tighter));
    return parts.join(QLatin1Char(','));
}

class OnlyNetworkEnforced : public EnforcementOracle
{
public:
    EnforcementStatus status(ContractElement element) const override
    {
        return element == ContractElement::NetworkRules ? EnforcementStatus::Enforced : EnforcementStatus::NotEnforced;
    }
};

} // namespace

class TestComparison : public QObject
{
    Q_OBJECT

private slots:
    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("dimensions");
        const QString none;
        const QString base = net(none); // a contract that allows nothing
        QTest::newRow("identical") << net(web80()) << net(web80()) << "equal" << "";
        QTest::newRow("empty network vs web") << net(none) << net(web80()) << "left-tighter" << "network.rules:left";
        QTest::newRow("no network section = no network") << resources(QStringLiteral("<CPUs>1</CPUs>")) << base + resources(QStringLiteral("<CPUs>1</CPUs>")) << "equal" << "";
        QTest::newRow("port subset") << net(out(QStringLiteral("any"), QStringLiteral("443"))) << net(out(QStringLiteral("any"), QStringLiteral("1-1024")))
                                     << "left-tighter" << "network.rules:left";
        QTest::newRow("split ranges equal") << net(out(QStringLiteral("any"), QStringLiteral("1-100")))
                                            << net(out(QStringLiteral("any"), QStringLiteral("1-50")) + out(QStringLiteral("any"), QStringLiteral("51-100")))
                                            << "equal" << "";
        QTest::newRow("different hosts") << net(out(QStringLiteral("a.example"), QStringLiteral("443"))) << net(out(QStringLiteral("b.example"), QStringLiteral("443")))
                                         << "incomparable" << "network.rules:neither";
        QTest::newRow("ipv6 prefix") << net(out(QStringLiteral("2001:db8:1::/48"), QStringLiteral("53"), QStringLiteral("udp")))
                                     << net(out(QStringLiteral("2001:db8::/32"), QStringLiteral("53"), QStringLiteral("udp"))) << "left-tighter"
                                     << "network.rules:left";
        QTest::newRow("rate lower") << net(QStringLiteral("<OutgoingRate average=\"100\"/>")) << net(QStringLiteral("<OutgoingRate average=\"200\"/>"))
                                    << "left-tighter" << "network.outgoingRate:left";
        QTest::newRow("rate vs none") << net(none) << net(QStringLiteral("<IncomingRate average=\"1\" unit=\"MiB/s\"/>")) << "right-tighter"
                                      << "network.incomingRate:right";
        QTest::newRow("rate units equal") << net(QStringLiteral("<OutgoingRate average=\"1024\"/>"))
                                          << net(QStringLiteral("<OutgoingRate average=\"1\" unit=\"MiB/s\"/>")) << "equal" << "";
        QTest::newRow("peak defaults to average") << net(QStringLiteral("<OutgoingRate average=\"100\"/>"))
                                                  << net(QStringLiteral("<OutgoingRate average=\"100\" peak=\"100\"/>")) << "equal" << "";
        QTest::newRow("lower average higher peak") << net(QStringLiteral("<OutgoingRate average=\"100\" peak=\"900\"/>"))
                                                   << net(QStringLiteral("<OutgoingRate average=\"200\" peak=\"300\"/>")) << "incomparable"
                                                   << "network.outgoingRate:neither";
        QTest::newRow("read-only vs read-write") << mount(QStringLiteral("Documents"), QStringLiteral("read-only"))
                                                 << mount(QStringLiteral("Documents"), QStringLiteral("read-write")) << "left-tighter" << "mounts:left";
        QTest::newRow("subfolder") << mount(QStringLiteral("Documents/Taxes"), QStringLiteral("read-write"))
                                   << mount(QStringLiteral("Documents"), QStringLiteral("read-write")) << "left-tighter" << "mounts:left";
        QTest::newRow("sibling folders") << mount(QStringLiteral("Music"), QStringLiteral("read-only"))
                                         << mount(QStringLiteral("Pictures"), QStringLiteral("read-only")) << "incomparable" << "mounts:neither";
        QTest::newRow("mount rate") << mount(QStringLiteral("Music"), QStringLiteral("read-only"), QStringLiteral("<ReadRate average=\"100\"/>"))
                                    << mount(QStringLiteral("Music"), QStringLiteral("read-only")) << "left-tighter" << "mounts:left";
        QTest::newRow("target does not matter") << mount(QStringLiteral("Music"), QStringLiteral("read-only"))
                                                << section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Music</Store><Target>/elsewhere</Target><Access>read-only</Access></Mount>"))
                                                << "equal" << "";
        QTest::newRow("stricter expectation") << expect(QStringLiteral("Documents"), QStringLiteral("write"), QStringLiteral("5"))
                                              << expect(QStringLiteral("Documents"), QStringLiteral("write"), QStringLiteral("30")) << "left-tighter"
                                              << "activity:left";
        QTest::newRow("expectation vs none") << base << expect(QStringLiteral("any"), QStringLiteral("read"), QStringLiteral("10")) << "right-tighter"
                                             << "activity:right";
        QTest::newRow("any store implies folder") << expect(QStringLiteral("any"), QStringLiteral("write"), QStringLiteral("5"))
                                                  << expect(QStringLiteral("Documents"), QStringLiteral("write"), QStringLiteral("5")) << "left-tighter"
                                                  << "activity:left";
        QTest::newRow("read vs write expectation") << expect(QStringLiteral("any"), QStringLiteral("read"), QStringLiteral("5"))
                                                   << expect(QStringLiteral("any"), QStringLiteral("write"), QStringLiteral("5")) << "incomparable"
                                                   << "activity:neither";
        QTest::newRow("memory") << resources(QStringLiteral("<Memory unit=\"GiB\">1</Memory>")) << resources(QStringLiteral("<Memory>2048</Memory>"))
                                << "left-tighter" << "resources.memory:left";
        QTest::newRow("memory units equal") << resources(QStringLiteral("<Memory unit=\"GiB\">2</Memory>")) << resources(QStringLiteral("<Memory>2048</Memory>"))
                                            << "equal" << "";
        QTest::newRow("cpus vs quota") << resources(QStringLiteral("<CPUs>1</CPUs>")) << resources(QStringLiteral("<CPUQuota>50</CPUQuota>")) << "incomparable"
                                       << "resources.cpus:left,resources.cpuQuota:right";
        QTest::newRow("disk limits") << resources(QStringLiteral("<DiskReadRate average=\"10\"/><DiskWriteIOPS>10</DiskWriteIOPS>")) << base << "left-tighter"
                                     << "resources.diskReadRate:left,resources.diskWriteIops:left";
        QTest::newRow("clipboard") << display(QStringLiteral("<Clipboard>none</Clipboard>")) << display(QStringLiteral("<Clipboard>explicit</Clipboard>"))
                                   << "left-tighter" << "display.clipboard:left";
        QTest::newRow("fullscreen allow = unspecified") << display(QStringLiteral("<Fullscreen>allow</Fullscreen>")) << base << "equal" << "";
        QTest::newRow("fullscreen deny") << display(QStringLiteral("<Fullscreen>deny</Fullscreen>")) << base << "left-tighter" << "display.fullscreen:left";
        QTest::newRow("windows") << display(QStringLiteral("<MaxWindows>5</MaxWindows>")) << display(QStringLiteral("<MaxWindows>2</MaxWindows>"))
                                 << "right-tighter" << "display.maxWindows:right";
        QTest::newRow("trade-off") << net(none) + resources(QStringLiteral("<CPUs>4</CPUs>")) << net(web80()) + resources(QStringLiteral("<CPUs>2</CPUs>"))
                                   << "incomparable" << "network.rules:left,resources.cpus:right";
        QTest::newRow("several dimensions tighter")
            << net(out(QStringLiteral("any"), QStringLiteral("443"))) + mount(QStringLiteral("Music"), QStringLiteral("read-only"))
            << net(out(QStringLiteral("any"), QStringLiteral("any"))) + mount(QStringLiteral("Music"), QStringLiteral("read-write")) << "left-tighter"
            << "network.rules:left,mounts:left";
    }
    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, verdict);
        QFETCH(QString, dimensions);
        const SystemContract a = parseSystem(left);
        const SystemContract b = parseSystem(right);
        QVERIFY(a.hasContract || left.isEmpty());
        const ContractComparison::Result result = ContractComparison::compare(a, b);
        QCOMPARE(ContractComparison::verdictKey(result.verdict), verdict);
        QCOMPARE(describe(result), dimensions);
        // Swapping the sides mirrors the verdict.
        const ContractComparison::Result swapped = ContractComparison::compare(b, a);
        const QString mirrored = verdict == QLatin1String("left-tighter") ? QStringLiteral("right-tighter")
            : verdict == QLatin1String("right-tighter")                  ? QStringLiteral("left-tighter")
                                                                          : verdict;
        QCOMPARE(ContractComparison::verdictKey(swapped.verdict), mirrored);
    }

    // Without a contract a system gets what an empty contract grants (what the domain gets: no
    // network card, no mounts): tighter than any network rule, the same as an empty contract.
    void noContractGetsNothingItDidNotDeclare()
    {
        const SystemContract none; // hasContract == false
        const SystemContract open = parseSystem(net(rule(QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any"))));
        QCOMPARE(ContractComparison::compare(open, none).verdict, ContractComparison::Verdict::RightTighter);
        QCOMPARE(ContractComparison::compare(none, none).verdict, ContractComparison::Verdict::Equal);
        QCOMPARE(ContractComparison::compare(none, parseSystem(section(QStringLiteral("Network"), QString()))).verdict, ContractComparison::Verdict::Equal);
    }

    void differentSystemNames()
    {
        const SystemContract a = parseSystem(net(rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=web"), QStringLiteral("80"))), QStringLiteral("web"));
        const SystemContract b = parseSystem(net(rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=www"), QStringLiteral("80"))), QStringLiteral("www"));
        QCOMPARE(ContractComparison::compare(a, b).verdict, ContractComparison::Verdict::Equal);
        QCOMPARE(ContractComparison::compare(QList<SystemContract>{a}, QList<SystemContract>{b}).verdict, ContractComparison::Verdict::Equal);
    }

    void descriptorsPairSystemsById()
    {
        const ContractParseResult leet = ContractParser::parseFile(path(QStringLiteral("leet09.ovf")));
        QVERIFY(leet.ok);
        QList<SystemContract> fewer = leet.systems;
        fewer.removeLast();
        const ContractComparison::Result result = ContractComparison::compare(fewer, leet.systems);
        QCOMPARE(result.verdict, ContractComparison::Verdict::LeftTighter);
        QCOMPARE(describe(result), QStringLiteral("dbservervm/system:left"));
        QList<SystemContract> tighter = leet.systems;
        tighter[1].rules.clear();
        const ContractComparison::Result pair = ContractComparison::compare(tighter, leet.systems);
        QCOMPARE(pair.verdict, ContractComparison::Verdict::LeftTighter);
        QCOMPARE(describe(pair), QStringLiteral("dbservervm/network.rules:left"));
    }

    void enforcedHere()
    {
        const SystemContract a = parseSystem(net(none()) + resources(QStringLiteral("<CPUs>1</CPUs>")));
        const SystemContract b = parseSystem(net(web80()) + resources(QStringLiteral("<CPUs>4</CPUs>")));
        QCOMPARE(ContractComparison::compare(a, b).verdict, ContractComparison::Verdict::LeftTighter);
        // Nothing enforced: both protect nothing, so they are equal here.
        const ContractComparison::Result nothing = ContractComparison::compare(a, b, &EnforcementOracle::notEnforcedYet());
        QCOMPARE(nothing.verdict, ContractComparison::Verdict::Equal);
        // Only the network enforced: only the rules count.
        const OnlyNetworkEnforced oracle;
        const ContractComparison::Result network = ContractComparison::compare(a, b, &oracle);
        QCOMPARE(network.verdict, ContractComparison::Verdict::LeftTighter);
        QCOMPARE(describe(network), QStringLiteral("network.rules:left"));
    }

    void titlesAndKeys()
    {
        for (const QString &key : ContractComparison::dimensionKeys()) {
            QVERIFY(!ContractComparison::dimensionTitle(key).isEmpty());
            QVERIFY(ContractComparison::dimensionTitle(key) != key);
        }
        QCOMPARE(ContractComparison::dimensionTitle(QStringLiteral("web/resources.memory")), ContractComparison::dimensionTitle(QStringLiteral("resources.memory")));
    }

private:
    static QString none() { return QString(); }
};

QTEST_GUILESS_MAIN(TestComparison)
#include "tst_comparison.moc"
