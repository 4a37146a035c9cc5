// ContractModel and ContractDiffModel, each under QAbstractItemModelTester.

#include "contractdiffmodel.h"
#include "contractmodel.h"
#include "contracttestdata.h"

#include <QAbstractItemModelTester>
#include <QLoggingCategory>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace ContractTestData;

namespace {

class EverythingEnforced : public EnforcementOracle
{
public:
    EnforcementStatus status(ContractElement) const override { return EnforcementStatus::Enforced; }
};

bool waitForLoad(QObject *model)
{
    QSignalSpy loaded(model, SIGNAL(loaded()));
    return loaded.wait(10000);
}

} // namespace

class TestModels : public QObject
{
    Q_OBJECT

private slots:
    void contractModelLoadsAsynchronously()
    {
        // A valid contract is not logged as rejected (it was, with an empty reason, at every consent).
        QLoggingCategory::setFilterRules(QStringLiteral("tessera.contracts.info=true"));
        static QStringList logged;
        logged.clear();
        const QtMessageHandler previous = qInstallMessageHandler([](QtMsgType, const QMessageLogContext &, const QString &message) {
            logged << message;
        });
        auto restore = qScopeGuard([previous] { qInstallMessageHandler(previous); });
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(&model, &ContractModel::loadingChanged);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.valid());
        model.setSource(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(model.loading());
        QVERIFY(waitForLoad(&model));
        QVERIFY(!model.loading());
        QCOMPARE(loading.count(), 2);
        QVERIFY2(model.valid(), qPrintable(model.errorString()));
        QVERIFY(model.errorString().isEmpty());
        QVERIFY(model.launchable());
        QVERIFY(model.hasContract());
        QCOMPARE(model.systemIds(), QStringList{QStringLiteral("editor")});
        QCOMPARE(model.digest().size(), 64);
        QVERIFY(model.count() > 10);
        QCOMPARE(model.count(), model.rowCount());
        QCOMPARE(model.headline(), QStringLiteral("Can read and change your folder “Documents”, writing at most 512 KiB/s"));
        QVERIFY2(!logged.join(QLatin1Char('\n')).contains(QLatin1String("contract rejected")), qPrintable(logged.join(QLatin1Char('\n'))));

        // Grouped by kind in display order, riskiest first within a group.
        const QStringList order{QStringLiteral("network"), QStringLiteral("files"), QStringLiteral("activity"), QStringLiteral("resources"),
                                QStringLiteral("display")};
        for (int row = 1; row < model.rowCount(); ++row) {
            const QModelIndex previous = model.index(row - 1);
            const QModelIndex current = model.index(row);
            const int previousGroup = int(order.indexOf(previous.data(ContractModel::GroupKeyRole).toString()));
            const int currentGroup = int(order.indexOf(current.data(ContractModel::GroupKeyRole).toString()));
            QVERIFY(currentGroup >= 0);
            QVERIFY(previousGroup <= currentGroup);
            if (previousGroup == currentGroup)
                QVERIFY(previous.data(ContractModel::RiskRole).toInt() >= current.data(ContractModel::RiskRole).toInt());
        }
        const QModelIndex first = model.index(0);
        QCOMPARE(first.data(ContractModel::GroupKeyRole).toString(), QStringLiteral("network"));
        QCOMPARE(first.data(ContractModel::GroupRole).toString(), QStringLiteral("Network"));
        QCOMPARE(first.data(ContractModel::TextRole).toString(), first.data(Qt::DisplayRole).toString());
        QCOMPARE(first.data(ContractModel::EnforcementRole).toString(), QStringLiteral("not-enforced"));
        QVERIFY(!first.data(ContractModel::EnforcementTextRole).toString().isEmpty());
        QCOMPARE(first.data(ContractModel::SystemRole).toString(), QStringLiteral("editor"));
        QCOMPARE(first.data(ContractModel::RiskKeyRole).toString(), ContractGrant::riskKey(ContractGrant::Risk(first.data(ContractModel::RiskRole).toInt())));

        const QHash<int, QByteArray> roles = model.roleNames();
        for (const char *name : {"text", "group", "groupKey", "risk", "riskKey", "enforcement", "enforcementText", "system"})
            QVERIFY2(roles.values().contains(QByteArray(name)), name);
    }

    void contractModelEnforcementOracle()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(ContractParser::parseFile(path(QStringLiteral("leet09.ovf"))));
        QCOMPARE(model.index(0).data(ContractModel::EnforcementRole).toString(), QStringLiteral("not-enforced"));
        model.setEnforcementOracle(std::make_shared<EverythingEnforced>());
        QCOMPARE(model.index(0).data(ContractModel::EnforcementRole).toString(), QStringLiteral("enforced"));
        model.setEnforcementOracle(nullptr);
        QCOMPARE(model.index(0).data(ContractModel::EnforcementRole).toString(), QStringLiteral("not-enforced"));
    }

    void contractModelSystemFilter()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(ContractParser::parseFile(path(QStringLiteral("leet09.ovf"))));
        QCOMPARE(model.systemIds(), (QStringList{QStringLiteral("webservervm"), QStringLiteral("dbservervm")}));
        const int all = model.rowCount();
        model.setSystemId(QStringLiteral("dbservervm"));
        QVERIFY(model.rowCount() < all);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(ContractModel::SystemRole).toString(), QStringLiteral("dbservervm"));
        QVERIFY(!model.headline().startsWith(QLatin1String("dbservervm: ")));
        model.setSystemId(QString());
        QCOMPARE(model.rowCount(), all);
        QVERIFY(model.headline().startsWith(QLatin1String("webservervm: ")));
    }

    void contractModelNoContractAndUnknownSections()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(ContractParser::parseFile(path(QStringLiteral("virtualbox-debian.ovf"))));
        QVERIFY(model.valid());
        QVERIFY(!model.hasContract());
        QVERIFY(model.launchable());
        QCOMPARE(model.warnings().size(), 1);
        QVERIFY(model.headline().startsWith(QLatin1String("No contract: it declares nothing")));

        model.setResult(ContractParser::parseFile(path(QStringLiteral("unknown-sections.ovf"))));
        QVERIFY(model.valid());
        QVERIFY(!model.launchable());
        QCOMPARE(model.unlaunchableReasons().size(), 1);
        QCOMPARE(model.notUnderstood(), QStringList{QStringLiteral("PrinterContract_Type")});
        model.setSystemId(QStringLiteral("viewer"));
        QVERIFY(model.launchable());
    }

    void contractModelRejectedFile()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(ContractParser::parseFile(path(QStringLiteral("leet09.ovf"))));
        QVERIFY(model.rowCount() > 0);
        QSignalSpy count(&model, &ContractModel::countChanged);
        model.load(QUrl::fromLocalFile(path(QStringLiteral("bad/port-zero.ovf"))).toString());
        QVERIFY(waitForLoad(&model));
        QVERIFY(!model.valid());
        QVERIFY(!model.launchable());
        QVERIFY(model.errorString().endsWith(QStringLiteral("port-zero.ovf:12:9: port 0 is out of range (1–65535)")));
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(count.count(), 1);
        QVERIFY(model.digest().isEmpty());
    }

    void contractModelClearsWhileLoading()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setResult(ContractParser::parseFile(path(QStringLiteral("leet09.ovf"))));
        QVERIFY(model.valid() && model.rowCount() > 0);
        // As the shell does: pick the system, then the descriptor.
        model.setSystemId(QStringLiteral("editor"));
        model.setSource(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(model.loading());
        QVERIFY(!model.valid());
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.digest().isEmpty());
        QCOMPARE(model.systemId(), QStringLiteral("editor"));
        QVERIFY(waitForLoad(&model));
        QVERIFY(model.valid());
        QCOMPARE(model.systemId(), QStringLiteral("editor"));
        QVERIFY(model.rowCount() > 0);
        // A system the descriptor lacks: everything is shown.
        model.setSystemId(QStringLiteral("nosuchsystem"));
        model.load(path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(waitForLoad(&model));
        QVERIFY(model.systemId().isEmpty());
        QVERIFY(model.rowCount() > 0);
    }

    void contractModelLatestLoadWins()
    {
        ContractModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.load(path(QStringLiteral("editor-ovf2.ovf")));
        model.load(path(QStringLiteral("leet09.ovf")));
        QSignalSpy loaded(&model, &ContractModel::loaded);
        QVERIFY(loaded.wait(10000));
        QTest::qWait(50); // the superseded load may finish later; it must not show up
        QCOMPARE(loaded.count(), 1);
        QCOMPARE(model.systemIds().size(), 2);
    }

    void diffModel()
    {
        ContractDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!model.valid());
        QVERIFY(!model.widened());
        const SystemContract accepted = parseSystem(section(QStringLiteral("Network"), QString()));
        const SystemContract current = parseSystem(
            section(QStringLiteral("Network"), rule(QStringLiteral("tcp"), QStringLiteral("=app"), QStringLiteral("any"), QStringLiteral("any"), QStringLiteral("443")))
            + section(QStringLiteral("Resource"), QStringLiteral("<CPUs>1</CPUs>"))
            + section(QStringLiteral("Mount"), QStringLiteral("<Mount><Store>Music</Store><Target>/m</Target><Access>read-only</Access></Mount>")));
        model.setContracts({accepted}, {current});
        QVERIFY(model.valid());
        QVERIFY(model.widened());
        QCOMPARE(model.rowCount(), 2); // the CPU limit narrows: not a change to ask about
        QCOMPARE(model.index(0).data(ContractDiffModel::TextRole).toString(), QStringLiteral("New: Connects to anywhere over TCP port 443"));
        QCOMPARE(model.index(0).data(ContractDiffModel::RiskKeyRole).toString(), QStringLiteral("high"));
        QCOMPARE(model.index(0).data(ContractDiffModel::GroupKeyRole).toString(), QStringLiteral("network"));
        QCOMPARE(model.index(0).data(ContractDiffModel::DimensionRole).toString(), QStringLiteral("network.rules"));
        QCOMPARE(model.index(1).data(ContractDiffModel::GroupRole).toString(), QStringLiteral("Your files"));
        QCOMPARE(model.index(1).data(ContractDiffModel::SystemRole).toString(), QStringLiteral("app"));
        QVERIFY(model.acceptedDigest() != model.currentDigest());

        model.setContracts({current}, {accepted});
        QVERIFY(model.widened()); // dropping the CPU limit widens
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.index(0).data(ContractDiffModel::TextRole).toString(), QStringLiteral("Limit on processors removed (was 1)"));
        model.setContracts({current}, {current});
        QCOMPARE(model.acceptedDigest(), model.currentDigest());
        QVERIFY(!model.widened());
    }

    void diffModelLoadsFiles()
    {
        ContractDiffModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy loading(&model, &ContractDiffModel::loadingChanged);
        model.load(path(QStringLiteral("virtualbox-debian.ovf")), path(QStringLiteral("editor-ovf2.ovf")));
        QVERIFY(model.loading());
        QVERIFY(waitForLoad(&model));
        QCOMPARE(loading.count(), 2);
        QVERIFY(model.valid());
        QVERIFY(model.widened()); // without a contract it got nothing; the editor's grants are new

        model.load(path(QStringLiteral("editor-ovf2.ovf")), QUrl::fromLocalFile(path(QStringLiteral("virtualbox-debian.ovf"))).toString());
        QVERIFY(waitForLoad(&model));
        QVERIFY(model.widened());
        // The editor's limits are gone without a contract; its network and files were nothing anyway.
        QStringList rows;
        for (int row = 0; row < model.rowCount(); ++row)
            rows << model.index(row).data(ContractDiffModel::TextRole).toString();
        QVERIFY2(rows.join(QLatin1Char('|')).contains(QLatin1String("Limit on memory (MiB) removed")), qPrintable(rows.join(QLatin1Char('|'))));
        QVERIFY2(!rows.join(QLatin1Char('|')).contains(QLatin1String("network")), qPrintable(rows.join(QLatin1Char('|'))));

        model.load(path(QStringLiteral("editor-ovf2.ovf")), path(QStringLiteral("bad/store-absolute.ovf")));
        QVERIFY(waitForLoad(&model));
        QVERIFY(!model.valid());
        QVERIFY(model.errorString().contains(QLatin1String("store-absolute.ovf:8:9:")));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
