// ContractDigest (consent per appliance) and ContractDiff (what widened).

#include "contractcomparison.h"
#include "contractdiff.h"
#include "contractdigest.h"
#include "contracttestdata.h"

#include <QTest>

using namespace ContractTestData;

namespace {

const QString webRule = rule(QStringLiteral("tcp"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("80"));
const QString dnsRule = rule(QStringLiteral("udp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("192.0.2.53"), QStringLiteral("53"));

QString net(const QString &children)
{
    return section(QStringLiteral("Network"), children);
}
QString mount(const QString &store, const QString &access)
{
    return section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>%1</Store><Target>/m</Target><Access>%2</Access></Mount>").arg(store, access));
}

QString digestOf(const QString &sections)
{
    return ContractDigest::compute(QList<SystemContract>{parseSystem(sections)});
}

QString describe(const QList<ContractDiff::Change> &changes)
{
    QStringList lines;
    for (const ContractDiff::Change &change : changes)
        lines.append(change.dimension + QLatin1String(": ") + change.grant.text);
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestDigestDiff : public QObject
{
    Q_OBJECT

private slots:
    void digestIsSha256Hex()
    {
        const QString digest = digestOf(net(webRule));
        QCOMPARE(digest.size(), 64);
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$")).match(digest).hasMatch());
        QVERIFY(ContractDigest::compute(ContractParseResult()).isEmpty());
        QVERIFY(ContractDigest::canonicalForm({parseSystem(net(webRule))}).startsWith("{\"systems\":["));
    }

    void digestIgnoresPresentation_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("rule order") << net(webRule + dnsRule) << net(dnsRule + webRule);
        QTest::newRow("split sections") << net(webRule + dnsRule) << net(webRule) + net(dnsRule);
        QTest::newRow("info text") << net(webRule) << net(QStringLiteral("<Info>Web</Info>") + QString(webRule).replace(QLatin1String("<Rule>"), QLatin1String("<Rule><Info>x</Info>")));
        QTest::newRow("whitespace") << net(webRule) << net(QString(webRule).replace(QLatin1String("<Protocol>tcp"), QLatin1String("<Protocol>\n   tcp  ")));
        QTest::newRow("case of keywords") << net(webRule) << net(QString(webRule).replace(QLatin1String(">tcp<"), QLatin1String(">TCP<")));
        QTest::newRow("units") << net(QStringLiteral("<OutgoingRate average=\"1024\"/>")) << net(QStringLiteral("<OutgoingRate average=\"1\" unit=\"MiB/s\"/>"));
        QTest::newRow("mount order") << mount(QStringLiteral("A"), QStringLiteral("read-only")) + mount(QStringLiteral("B"), QStringLiteral("read-only"))
                                     << mount(QStringLiteral("B"), QStringLiteral("read-only")) + mount(QStringLiteral("A"), QStringLiteral("read-only"));
    }
    void digestIgnoresPresentation()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QCOMPARE(digestOf(a), digestOf(b));
    }

    void digestSeesPermissions_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::newRow("port") << net(webRule) << net(QString(webRule).replace(QLatin1String(">80<"), QLatin1String(">8080<")));
        QTest::newRow("extra rule") << net(webRule) << net(webRule + dnsRule);
        QTest::newRow("access") << mount(QStringLiteral("A"), QStringLiteral("read-only")) << mount(QStringLiteral("A"), QStringLiteral("read-write"));
        QTest::newRow("narrowing too") << net(webRule + dnsRule) << net(webRule);
        QTest::newRow("no contract") << net(QString()) << QString();
    }
    void digestSeesPermissions()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(digestOf(a) != digestOf(b));
    }

    void digestOfRealFilesIsStable()
    {
        const ContractParseResult first = ContractParser::parseFile(path(QStringLiteral("leet09.ovf")));
        const ContractParseResult second = ContractParser::parseFile(path(QStringLiteral("leet09.ovf")));
        QCOMPARE(ContractDigest::compute(first), ContractDigest::compute(second));
        QVERIFY(ContractDigest::compute(first) != ContractDigest::compute(ContractParser::parseFile(path(QStringLiteral("editor-ovf2.ovf")))));
    }

    void widenings_data()
    {
        QTest::addColumn<QString>("accepted");
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("changes");
        QTest::newRow("same") << net(webRule) << net(webRule) << "";
        QTest::newRow("narrowed") << net(webRule + dnsRule) << net(webRule) << "";
        QTest::newRow("new rule") << net(webRule) << net(webRule + dnsRule) << "network.rules: New: Connects to 192.0.2.53 over UDP port 53";
        QTest::newRow("rule covered by old ones") << net(rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("1-100")))
                                                  << net(rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("10.0.0.0/8"), QStringLiteral("80")))
                                                  << "";
        QTest::newRow("rate raised") << net(QStringLiteral("<OutgoingRate average=\"100\"/>")) << net(QStringLiteral("<OutgoingRate average=\"200\"/>"))
                                     << "network.outgoingRate: Limit on outgoing traffic raised from 100 KiB/s to 200 KiB/s";
        QTest::newRow("rate removed") << net(QStringLiteral("<IncomingRate average=\"100\"/>")) << net(QString())
                                      << "network.incomingRate: Limit on incoming traffic removed (was 100 KiB/s)";
        QTest::newRow("mount now writable") << mount(QStringLiteral("Documents"), QStringLiteral("read-only")) << mount(QStringLiteral("Documents"), QStringLiteral("read-write"))
                                            << "mounts: New: Can read and change your folder “Documents”";
        QTest::newRow("mount narrowed to subfolder") << mount(QStringLiteral("Documents"), QStringLiteral("read-write"))
                                                     << mount(QStringLiteral("Documents/Work"), QStringLiteral("read-only")) << "";
        QTest::newRow("promise dropped") << section(QStringLiteral("Activity"), QStringLiteral("<Expect><Store>any</Store><Access>write</Access><WithinSecondsOfInput>5</WithinSecondsOfInput></Expect>"))
                                         << net(QString())
                                         << "activity: No longer promised: Should change your files only within 5 s of your typing or clicking (otherwise reported)";
        QTest::newRow("memory raised") << section(QStringLiteral("Resource"), QStringLiteral("<Memory>512</Memory>"))
                                       << section(QStringLiteral("Resource"), QStringLiteral("<Memory>1024</Memory>"))
                                       << "resources.memory: Limit on memory (MiB) raised from 512 to 1024";
        QTest::newRow("cpus removed") << section(QStringLiteral("Resource"), QStringLiteral("<CPUs>1</CPUs>")) << net(QString())
                                      << "resources.cpus: Limit on processors removed (was 1)";
        QTest::newRow("clipboard opened") << section(QStringLiteral("Display"), QStringLiteral("<Clipboard>none</Clipboard>"))
                                          << section(QStringLiteral("Display"), QStringLiteral("<Clipboard>explicit</Clipboard>"))
                                          << "display.clipboard: Now sees your clipboard when you paste into it";
        QTest::newRow("fullscreen allowed") << section(QStringLiteral("Display"), QStringLiteral("<Fullscreen>deny</Fullscreen>")) << net(QString())
                                            << "display.fullscreen: May now cover the whole screen";
        QTest::newRow("empty contract removed") << net(QString()) << QString() << "";
        QTest::newRow("contract with limits removed") << section(QStringLiteral("Resource"), QStringLiteral("<CPUs>1</CPUs>")) << QString()
                                                      << "resources.cpus: Limit on processors removed (was 1)";
        // Consent to a package without a contract gave it nothing: a contract that arrives later and
        // grants something is asked for again (it was let through as "within unrestricted").
        QTest::newRow("contract added") << QString() << net(webRule) << "network.rules: New: Accepts TCP port 80 connections from anywhere";
        QTest::newRow("empty contract added") << QString() << net(QString()) << "";
    }
    void widenings()
    {
        QFETCH(QString, accepted);
        QFETCH(QString, current);
        QFETCH(QString, changes);
        const SystemContract a = parseSystem(accepted);
        const SystemContract c = parseSystem(current);
        const QList<ContractDiff::Change> found = ContractDiff::widenings(a, c);
        QCOMPARE(describe(found), changes);
        // Widened exactly when the comparison does not find current <= accepted.
        const ContractComparison::Verdict verdict = ContractComparison::compare(c, a).verdict;
        const bool notWider = verdict == ContractComparison::Verdict::Equal || verdict == ContractComparison::Verdict::LeftTighter;
        QCOMPARE(found.isEmpty(), notWider);
    }

    void newSystemInDescriptor()
    {
        const ContractParseResult leet = ContractParser::parseFile(path(QStringLiteral("leet09.ovf")));
        QVERIFY(leet.ok);
        // Accepted with only the web server; now the database server is in it too.
        const QList<ContractDiff::Change> changes = ContractDiff::widenings(leet.systems.mid(0, 1), leet.systems);
        QVERIFY(!changes.isEmpty());
        QCOMPARE(changes.first().dimension, QStringLiteral("system"));
        QCOMPARE(changes.first().grant.systemId, QStringLiteral("dbservervm"));
        QVERIFY(changes.first().grant.text.contains(QLatin1String("dbservervm")));
        QVERIFY(ContractDiff::widenings(leet.systems, leet.systems.mid(0, 1)).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDigestDiff)
#include "tst_digestdiff.moc"
