// The quarantine report's model under QAbstractItemModelTester: persistence spots first, roles,
// a saved report read back (and a hostile one kept out).
#include "quarantinemodel.h"
#include "quarantinestore.h"
#include "tesserapaths.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

class tst_QuarantineModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rolesAndOrder()
    {
        QuarantineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setReport(DeltaReport::parse("TESSERA-DELTA 1\n"
                                           "A f 0644 9 1 - - /root/notes.txt\n"
                                           "R f 0644 7 1 - - /etc/issue.net\n"
                                           "A f 0644 40 1 - - /etc/xdg/autostart/evil.desktop\n"
                                           "M f 0644 80 1 " + QByteArray(64, 'b') + " - /root/.bashrc\n"
                                           "END 4\n"));
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.persistenceCount(), 2);
        QVERIFY(model.isComplete());
        const auto at = [&model](int row, int role) { return model.data(model.index(row, 0), role); };
        QCOMPARE(at(0, QuarantineModel::PathRole).toString(), QStringLiteral("/etc/xdg/autostart/evil.desktop"));
        QCOMPARE(at(0, QuarantineModel::PersistenceRole).toString(), QStringLiteral("autostart"));
        QVERIFY(!at(0, QuarantineModel::PersistenceTextRole).toString().isEmpty());
        QCOMPARE(at(1, QuarantineModel::ChangeRole).toString(), QStringLiteral("modified"));
        QCOMPARE(at(1, QuarantineModel::Sha256Role).toString(), QString(64, QLatin1Char('b')));
        QCOMPARE(at(2, QuarantineModel::PathRole).toString(), QStringLiteral("/etc/issue.net"));
        QCOMPARE(at(2, QuarantineModel::SalvageableRole).toBool(), false); // removed: nothing to salvage
        QCOMPARE(at(3, QuarantineModel::SalvageableRole).toBool(), true);
        QCOMPARE(at(3, QuarantineModel::ModeRole).toString(), QStringLiteral("0644"));
        QVERIFY(model.roleNames().values().contains("persistence"));
    }

    void loadSaved()
    {
        QTemporaryDir data;
        qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
        const QuarantineStore store(TesseraPaths::instanceDir(QStringLiteral("terminal")));
        QVERIFY(QDir().mkpath(store.folder(QStringLiteral("20260101T000000Z"))));
        QuarantineRecord record;
        record.id = QStringLiteral("20260101T000000Z");
        record.time = QDateTime::currentDateTimeUtc();
        QFile json(store.recordPath(record.id));
        QVERIFY(json.open(QIODevice::WriteOnly));
        json.write(QJsonDocument(record.toJson()).toJson());
        json.close();
        QuarantineModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!model.loadSaved(QStringLiteral("terminal"), record.id)); // no report yet
        QFile report(store.reportPath(record.id));
        QVERIFY(report.open(QIODevice::WriteOnly));
        report.write("TESSERA-DELTA 1\nA f 0644 1 1 - - /a\nA f 0644 1 1 - - /../x\nEND 2\n");
        report.close();
        QVERIFY(model.loadSaved(QStringLiteral("terminal"), record.id));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rejectedLines(), 1);
        QVERIFY(!model.loadSaved(QStringLiteral("terminal"), QStringLiteral("../../etc")));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_QuarantineModel)
#include "tst_quarantinemodel.moc"
