// ContractCommand: `tessera-ctl contract check|show|compare`, run directly.

#include "contractcommand.h"
#include "contracttestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace ContractTestData;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

Run run(const QStringList &args)
{
    Run result;
    QTextStream out(&result.out);
    QTextStream err(&result.err);
    result.code = ContractCommand::run(args, out, err);
    return result;
}

QJsonObject json(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << error.errorString() << text;
    return document.object();
}

} // namespace

class TestCommand : public QObject
{
    Q_OBJECT

private slots:
    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("nothing") << QStringList{};
        QTest::newRow("only contract") << QStringList{QStringLiteral("contract")};
        QTest::newRow("unknown command") << QStringList{QStringLiteral("frobnicate")};
        QTest::newRow("check without files") << QStringList{QStringLiteral("check")};
        QTest::newRow("show two files") << QStringList{QStringLiteral("show"), QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("compare one file") << QStringList{QStringLiteral("compare"), QStringLiteral("a")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("show"), QStringLiteral("--yaml"), QStringLiteral("a")};
        QTest::newRow("check --json") << QStringList{QStringLiteral("check"), QStringLiteral("--json"), QStringLiteral("a")};
    }
    void usage()
    {
        QFETCH(QStringList, args);
        const Run result = run(args);
        QCOMPARE(result.code, int(ContractCommand::UsageError));
        QVERIFY(result.err.contains(QLatin1String("Usage: tessera-ctl contract")));
        QVERIFY(result.out.isEmpty());
    }

    void checkGood()
    {
        const QStringList files{path(QStringLiteral("leet09.ovf")), path(QStringLiteral("vmware-photon.ovf")), path(QStringLiteral("editor-ovf2.ovf"))};
        const Run result = run(QStringList{QStringLiteral("check")} + files);
        QCOMPARE(result.code, 0);
        QVERIFY(result.err.isEmpty());
        QCOMPARE(result.out.count(QLatin1Char('\n')), 3);
        QVERIFY(result.out.contains(path(QStringLiteral("leet09.ovf")) + QLatin1String(": ok")));
        // A leading "contract" word is accepted too.
        QCOMPARE(run(QStringList{QStringLiteral("contract"), QStringLiteral("check"), files.first()}).code, 0);
    }

    void checkBad_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("location");
        QTest::newRow("port 0") << "bad/port-zero.ovf" << ":12:9: port 0 is out of range";
        QTest::newRow("dtd") << "bad/billion-laughs.ovf" << ":2:1: document type declarations";
        QTest::newRow("dangling") << "bad/dangling-ref.ovf" << ":11:9: ovf:id “nosuchvm”";
        QTest::newRow("required unknown section") << "unknown-sections.ovf" << ":17:5: system “camera” cannot be launched";
    }
    void checkBad()
    {
        QFETCH(QString, file);
        QFETCH(QString, location);
        const Run result = run({QStringLiteral("check"), path(QStringLiteral("leet09.ovf")), path(file)});
        QCOMPARE(result.code, int(ContractCommand::ContractError));
        QVERIFY2(result.err.contains(path(file) + location), qPrintable(result.err));
        QVERIFY(result.out.contains(QLatin1String("leet09.ovf: ok")));
        QVERIFY(!result.out.contains(path(file)));
    }

    void showText()
    {
        const Run result = run({QStringLiteral("show"), path(QStringLiteral("leet09.ovf"))});
        QCOMPARE(result.code, 0);
        QVERIFY(result.out.contains(QLatin1String("webservervm (Web server)")));
        QVERIFY(result.out.contains(QLatin1String("Accepts TCP port 80 connections from anywhere")));
        QVERIFY(result.out.contains(QStringLiteral("Connects to the appliance system “dbservervm” over TCP port 3306")));
        QVERIFY(result.out.contains(QStringLiteral("Accepts TCP port 3306 connections from the appliance system “webservervm”")));
        QVERIFY(result.out.contains(QLatin1String("not enforced here yet")));

        const Run none = run({QStringLiteral("show"), path(QStringLiteral("vmware-photon.ovf"))});
        QVERIFY(none.out.contains(QLatin1String("No contract: it declares nothing, so it gets no network and none of your files")));
        QVERIFY(none.out.contains(QLatin1String("Cannot use the network")));
        const Run unknown = run({QStringLiteral("show"), path(QStringLiteral("unknown-sections.ovf"))});
        QVERIFY(unknown.out.contains(QLatin1String("Not understood (ignored): PrinterContract_Type")));
        QVERIFY(unknown.out.contains(QLatin1String("Cannot be launched")));
        const Run bad = run({QStringLiteral("show"), path(QStringLiteral("bad/store-dotdot.ovf"))});
        QCOMPARE(bad.code, int(ContractCommand::ContractError));
        QVERIFY(bad.err.contains(QLatin1String("store-dotdot.ovf:8:9:")));
    }

    void showJsonLeet()
    {
        const Run result = run({QStringLiteral("show"), QStringLiteral("--json"), path(QStringLiteral("leet09.ovf"))});
        QCOMPARE(result.code, 0);
        const QJsonObject root = json(result.out);
        const QJsonArray systems = root.value(QLatin1String("systems")).toArray();
        QCOMPARE(systems.size(), 2);
        const QJsonObject web = systems.at(0).toObject();
        QCOMPARE(web.value(QLatin1String("id")).toString(), QStringLiteral("webservervm"));
        const QJsonArray rules = web.value(QLatin1String("network")).toObject().value(QLatin1String("rules")).toArray();
        QCOMPARE(rules.size(), 2);
        const QJsonObject in = rules.at(0).toObject();
        QCOMPARE(in.value(QLatin1String("protocol")).toString(), QStringLiteral("tcp"));
        QCOMPARE(in.value(QLatin1String("direction")).toString(), QStringLiteral("in"));
        QCOMPARE(in.value(QLatin1String("src")).toObject().value(QLatin1String("addr")).toString(), QStringLiteral("any"));
        QCOMPARE(in.value(QLatin1String("src")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("any"));
        QCOMPARE(in.value(QLatin1String("dst")).toObject().value(QLatin1String("addr")).toString(), QStringLiteral("webservervm"));
        QCOMPARE(in.value(QLatin1String("dst")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("80"));
        const QJsonObject out = rules.at(1).toObject();
        QCOMPARE(out.value(QLatin1String("direction")).toString(), QStringLiteral("out"));
        QCOMPARE(out.value(QLatin1String("dst")).toObject().value(QLatin1String("addr")).toString(), QStringLiteral("dbservervm"));
        QCOMPARE(out.value(QLatin1String("dst")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("3306"));
        const QJsonObject db = systems.at(1).toObject();
        bool dbInbound = false;
        for (const QJsonValue &value : db.value(QLatin1String("network")).toObject().value(QLatin1String("rules")).toArray()) {
            const QJsonObject r = value.toObject();
            if (r.value(QLatin1String("direction")).toString() == QLatin1String("in")) {
                QCOMPARE(r.value(QLatin1String("src")).toObject().value(QLatin1String("addr")).toString(), QStringLiteral("webservervm"));
                QCOMPARE(r.value(QLatin1String("dst")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("3306"));
                dbInbound = true;
            }
        }
        QVERIFY(dbInbound);
    }

    void showJsonSchema()
    {
        // Every key docs/contract-json.md promises, with its type.
        const Run result = run({QStringLiteral("show"), QStringLiteral("--json"), path(QStringLiteral("editor-ovf2.ovf"))});
        QCOMPARE(result.code, 0);
        const QJsonObject system = json(result.out).value(QLatin1String("systems")).toArray().at(0).toObject();
        for (const char *key : {"id", "name"})
            QVERIFY2(system.value(QLatin1String(key)).isString(), key);
        for (const char *key : {"hasContract", "launchable"})
            QVERIFY2(system.value(QLatin1String(key)).isBool(), key);
        for (const char *key : {"network", "resources", "display"})
            QVERIFY2(system.value(QLatin1String(key)).isObject(), key);
        for (const char *key : {"mounts", "activity", "notUnderstood", "unlaunchableReasons"})
            QVERIFY2(system.value(QLatin1String(key)).isArray(), key);
        const QJsonObject network = system.value(QLatin1String("network")).toObject();
        QVERIFY(network.value(QLatin1String("rules")).isArray());
        const QJsonObject outgoing = network.value(QLatin1String("outgoingRate")).toObject();
        QCOMPARE(outgoing.value(QLatin1String("average")).toDouble(), 64.0);
        QCOMPARE(outgoing.value(QLatin1String("peak")).toDouble(), 256.0);
        QCOMPARE(outgoing.value(QLatin1String("burst")).toDouble(), 128.0);
        QCOMPARE(outgoing.value(QLatin1String("unit")).toString(), QStringLiteral("KiB/s"));
        QCOMPARE(network.value(QLatin1String("incomingRate")).toObject().value(QLatin1String("average")).toDouble(), 1024.0);
        const QJsonObject mount = system.value(QLatin1String("mounts")).toArray().at(0).toObject();
        QCOMPARE(mount.value(QLatin1String("store")).toString(), QStringLiteral("Documents"));
        QCOMPARE(mount.value(QLatin1String("target")).toString(), QStringLiteral("/home/user/Documents"));
        QCOMPARE(mount.value(QLatin1String("access")).toString(), QStringLiteral("read-write"));
        QVERIFY(mount.value(QLatin1String("readRate")).isNull());
        QCOMPARE(mount.value(QLatin1String("writeRate")).toObject().value(QLatin1String("average")).toDouble(), 512.0);
        const QJsonObject expectation = system.value(QLatin1String("activity")).toArray().at(0).toObject();
        QCOMPARE(expectation.value(QLatin1String("access")).toString(), QStringLiteral("write"));
        QCOMPARE(expectation.value(QLatin1String("withinSecondsOfInput")).toDouble(), 5.0);
        const QJsonObject resources = system.value(QLatin1String("resources")).toObject();
        QCOMPARE(resources.value(QLatin1String("cpus")).toInt(), 2);
        QCOMPARE(resources.value(QLatin1String("memoryMiB")).toDouble(), 2048.0);
        QCOMPARE(resources.value(QLatin1String("cpuQuotaPercent")).toDouble(), 150.0);
        QCOMPARE(resources.value(QLatin1String("diskReadIops")).toInt(), 2000);
        QCOMPARE(resources.value(QLatin1String("diskWriteRate")).toObject().value(QLatin1String("average")).toDouble(), 10240.0);
        const QJsonObject display = system.value(QLatin1String("display")).toObject();
        QCOMPARE(display.value(QLatin1String("clipboard")).toString(), QStringLiteral("explicit"));
        QCOMPARE(display.value(QLatin1String("maxWindows")).toInt(), 4);
        QCOMPARE(display.value(QLatin1String("fullscreen")).toString(), QStringLiteral("deny"));
        const QJsonObject rule = network.value(QLatin1String("rules")).toArray().at(1).toObject();
        QCOMPARE(rule.value(QLatin1String("src")).toObject().value(QLatin1String("port")).toString(), QStringLiteral("1024-65535"));
        QCOMPARE(rule.value(QLatin1String("dst")).toObject().value(QLatin1String("kind")).toString(), QStringLiteral("ip"));

        const QJsonObject unknown = json(run({QStringLiteral("show"), QStringLiteral("--json"), path(QStringLiteral("unknown-sections.ovf"))}).out);
        const QJsonArray systems = unknown.value(QLatin1String("systems")).toArray();
        QCOMPARE(systems.at(0).toObject().value(QLatin1String("notUnderstood")).toArray().at(0).toString(), QStringLiteral("PrinterContract_Type"));
        QCOMPARE(systems.at(1).toObject().value(QLatin1String("launchable")).toBool(), false);
    }

    void compare_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<QString>("verdict");
        QTest::addColumn<QString>("firstDimension");
        QTest::addColumn<QString>("enforced");
        // Nothing is enforced yet: only differences in which systems exist remain.
        QTest::newRow("same file") << "leet09.ovf" << "leet09.ovf" << "equal" << "" << "equal";
        // Without a contract: none of your files (tighter than the editor's), but no limits (looser).
        QTest::newRow("contract vs none") << "editor-ovf2.ovf" << "virtualbox-debian.ovf" << "incomparable" << "network.rules" << "equal";
        QTest::newRow("none vs contract") << "vmware-photon.ovf" << "editor-ovf2.ovf" << "incomparable" << "network.rules" << "equal";
        QTest::newRow("web vs editor") << "leet09.ovf" << "editor-ovf2.ovf" << "incomparable" << "webservervm/system" << "incomparable";
    }
    void compare()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(QString, verdict);
        QFETCH(QString, firstDimension);
        QFETCH(QString, enforced);
        const Run text = run({QStringLiteral("compare"), path(left), path(right)});
        QCOMPARE(text.code, 0);
        const QStringList lines = text.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), verdict);
        if (!firstDimension.isEmpty())
            QVERIFY2(lines.value(1).startsWith(firstDimension + QLatin1String(": ")), qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("enforced here: ") + enforced));

        const Run asJson = run({QStringLiteral("compare"), QStringLiteral("--json"), path(left), path(right)});
        QCOMPARE(asJson.code, 0);
        const QJsonObject root = json(asJson.out);
        QCOMPARE(root.value(QLatin1String("verdict")).toString(), verdict);
        const QJsonArray dimensions = root.value(QLatin1String("dimensions")).toArray();
        QCOMPARE(dimensions.isEmpty(), firstDimension.isEmpty());
        if (!firstDimension.isEmpty()) {
            QCOMPARE(dimensions.at(0).toObject().value(QLatin1String("dimension")).toString(), firstDimension);
            QVERIFY(dimensions.at(0).toObject().value(QLatin1String("tighter")).isString());
        }
        QCOMPARE(root.value(QLatin1String("enforcedHere")).toObject().value(QLatin1String("verdict")).toString(), enforced);
    }

    void compareTighterFiles()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const auto write = [&](const QString &name, const QString &sections) {
            QFile file(dir.filePath(name));
            if (!file.open(QIODevice::WriteOnly))
                return QString();
            file.write(envelope(system(QStringLiteral("app"), sections)));
            return file.fileName();
        };
        const QString narrow = write(QStringLiteral("narrow.ovf"), section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443"))));
        const QString wide = write(QStringLiteral("wide.ovf"), section(QStringLiteral("Network"), rule(QStringLiteral("any"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("any"))));
        const Run result = run({QStringLiteral("compare"), narrow, wide});
        QCOMPARE(result.out.section(QLatin1Char('\n'), 0, 1), QStringLiteral("left-tighter\nnetwork.rules: left allows less (network rules)"));
        const Run reversed = run({QStringLiteral("compare"), QStringLiteral("--json"), wide, narrow});
        const QJsonObject root = json(reversed.out);
        QCOMPARE(root.value(QLatin1String("verdict")).toString(), QStringLiteral("right-tighter"));
        QCOMPARE(root.value(QLatin1String("dimensions")).toArray().at(0).toObject().value(QLatin1String("tighter")).toString(), QStringLiteral("right"));
    }

    void compareBadFile()
    {
        const Run result = run({QStringLiteral("compare"), path(QStringLiteral("bad/port-70000.ovf")), path(QStringLiteral("leet09.ovf"))});
        QCOMPARE(result.code, int(ContractCommand::ContractError));
        QVERIFY(result.err.contains(QLatin1String("port-70000.ovf:12:9: port 70000 is out of range")));
        QVERIFY(result.out.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCommand)
#include "tst_command.moc"
