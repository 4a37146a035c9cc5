// ContractComparisonModel under QAbstractItemModelTester, on the real appliances' descriptors:
// the editor (no network, Documents read-only) is tighter than the terminal on network and files,
// while their activity expectations differ both ways, so overall neither is tighter.
#include "contractcomparisonmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestComparisonModel : public QObject
{
    Q_OBJECT

    static QString appliance(const char *name)
    {
        return QStringLiteral(TESSERA_SOURCE_DIR "/appliances/%1/appliance.ovf").arg(QLatin1String(name));
    }

    static int rowOf(const ContractComparisonModel &model, const QString &groupKey)
    {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.index(row).data(ContractComparisonModel::GroupKeyRole).toString() == groupKey)
                return row;
        }
        return -1;
    }

private Q_SLOTS:
    void editorAgainstTerminal()
    {
        ContractComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy compared(&model, &ContractComparisonModel::compared);
        model.compare(appliance("terminal"), QStringLiteral("Terminal"), QStringLiteral("terminal"),
                      appliance("editor"), QStringLiteral("Editor"), QStringLiteral("editor"));
        QCOMPARE(compared.size(), 1);
        QVERIFY2(model.errorString().isEmpty(), qPrintable(model.errorString()));
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.verdict(), QStringLiteral("incomparable"));
        QVERIFY2(model.verdictText().startsWith(QLatin1String("Neither contract is tighter overall")), qPrintable(model.verdictText()));
        QVERIFY(model.verdictText().contains(QLatin1String("activity expectations")));
        QCOMPARE(model.index(rowOf(model, QStringLiteral("activity"))).data(ContractComparisonModel::TighterRole).toString(),
                 QStringLiteral("neither"));
        QCOMPARE(model.index(rowOf(model, QStringLiteral("resources"))).data(ContractComparisonModel::TighterRole).toString(),
                 QStringLiteral("equal"));

        const int network = rowOf(model, QStringLiteral("network"));
        QVERIFY(network >= 0);
        QCOMPARE(model.index(network).data(ContractComparisonModel::TighterRole).toString(), QStringLiteral("right"));
        QVERIFY(!model.index(network).data(ContractComparisonModel::LeftTextRole).toString().isEmpty());
        QVERIFY(model.index(network).data(ContractComparisonModel::TighterTextRole).toString().contains(QLatin1String("Editor is tighter")));
        const int files = rowOf(model, QStringLiteral("files"));
        QCOMPARE(model.index(files).data(ContractComparisonModel::TighterRole).toString(), QStringLiteral("right"));
        QVERIFY(model.index(files).data(ContractComparisonModel::RightTextRole).toString().contains(QLatin1String("Documents")));

        // Swapped sides, swapped groups.
        model.compare(appliance("editor"), QStringLiteral("Editor"), QStringLiteral("editor"),
                      appliance("terminal"), QStringLiteral("Terminal"), QStringLiteral("terminal"));
        QCOMPARE(model.verdict(), QStringLiteral("incomparable"));
        QCOMPARE(model.index(rowOf(model, QStringLiteral("network"))).data(ContractComparisonModel::TighterRole).toString(),
                 QStringLiteral("left"));
    }

    void sameContractIsEqual()
    {
        // and a strictly tighter one is said to be so
        QTemporaryDir dir;
        QFile terminal(appliance("terminal"));
        QVERIFY(terminal.open(QIODevice::ReadOnly));
        QByteArray text = terminal.readAll();
        // Drop the HTTP rule: the copy allows strictly less.
        const qsizetype from = text.indexOf("<Rule>");
        const qsizetype to = text.indexOf("</Rule>", from) + 7;
        QVERIFY(from > 0 && to > from);
        text.remove(from, to - from);
        QFile tighter(dir.filePath(QStringLiteral("tighter.ovf")));
        QVERIFY(tighter.open(QIODevice::WriteOnly));
        tighter.write(text);
        tighter.close();
        ContractComparisonModel strict;
        QAbstractItemModelTester strictTester(&strict, QAbstractItemModelTester::FailureReportingMode::QtTest);
        strict.compare(appliance("terminal"), QStringLiteral("Terminal"), {}, tighter.fileName(), QStringLiteral("Strict"), {});
        QCOMPARE(strict.verdict(), QStringLiteral("right-tighter"));
        QVERIFY2(strict.verdictText().startsWith(QLatin1String("Strict's contract is tighter, on network rules")), qPrintable(strict.verdictText()));

        ContractComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.compare(appliance("terminal"), QStringLiteral("A"), {}, appliance("terminal"), QStringLiteral("B"), {});
        QCOMPARE(model.verdict(), QStringLiteral("equal"));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(model.index(row).data(ContractComparisonModel::TighterRole).toString(), QStringLiteral("equal"));
    }

    void rejectedDescriptorSaysWhy()
    {
        QTemporaryDir dir;
        const QString bad = dir.filePath(QStringLiteral("bad.ovf"));
        QFile file(bad);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("<Envelope><unclosed></Envelope>");
        file.close();
        ContractComparisonModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.compare(appliance("terminal"), QStringLiteral("A"), {}, bad, QStringLiteral("B"), {});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.verdict().isEmpty());
        QVERIFY(model.verdictText().isEmpty());
        QVERIFY2(model.errorString().contains(QLatin1String("bad.ovf:1:")), qPrintable(model.errorString()));
    }
};

QTEST_GUILESS_MAIN(TestComparisonModel)
#include "tst_comparisonmodel.moc"
