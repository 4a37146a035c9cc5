// RestorePointModel over a real ApplianceVm (libvirt's test driver for the domain, real qcow2
// files for the points), run under QAbstractItemModelTester.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "libvirtconnection.h"
#include "restorepointmodel.h"
#include "restorepointstore.h"
#include "tesserapaths.h"
#include "testimage.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestRestorePointModel : public QObject
{
    Q_OBJECT
    QTemporaryDir m_cache;
    QTemporaryDir m_data;

    QVariant role(const RestorePointModel &model, int row, RestorePointModel::Role role) const
    {
        return model.data(model.index(row), role);
    }

private Q_SLOTS:
    void listsPinsTakesAndRollsBack()
    {
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("sample")));
        const ApplianceImage image = ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QStringLiteral("sample"));
        LibvirtConnection connection(QStringLiteral("test:///default"));
        QSignalSpy opened(&connection, &LibvirtConnection::opened);
        connection.open();
        QVERIFY(opened.wait(10000));

        const RestorePointStore store(TesseraPaths::instanceDir(image.name), image.baseDisk);
        QVERIFY(!store.ensureLive().isError());
        QVERIFY(!store.take(RestorePoint::cleanShutdown(), {}, true).isError());
        QVERIFY(!store.take(RestorePoint::onDemand(), QStringLiteral("second"), false).isError());

        ApplianceVm vm(&connection, image, Accelerator::Tcg);
        QSignalSpy modeSaved(&vm, &ApplianceVm::modeChanged);
        vm.setMode(ApplianceVm::KeepChanges);
        QVERIFY(modeSaved.wait(10000));
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);

        RestorePointModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.roleNames().values().contains("pointId"));
        model.setVm(&vm);
        QVERIFY(model.loading());
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        QVERIFY(!model.loading());
        QCOMPARE(role(model, 0, RestorePointModel::IdRole).toString(), QStringLiteral("2")); // newest first
        QCOMPARE(role(model, 0, RestorePointModel::NameRole).toString(), QStringLiteral("second"));
        QCOMPARE(role(model, 0, RestorePointModel::ParentRole).toString(), QStringLiteral("1"));
        QCOMPARE(role(model, 0, RestorePointModel::BreachFreeRole).toBool(), false);
        QCOMPARE(role(model, 0, RestorePointModel::CurrentRole).toBool(), true);
        QCOMPARE(role(model, 1, RestorePointModel::ReasonRole).toString(), RestorePoint::cleanShutdown());
        QCOMPARE(role(model, 1, RestorePointModel::CurrentRole).toBool(), false);
        QCOMPARE(model.retention(), RestorePointStore::DefaultRetention);

        model.setPinned(QStringLiteral("1"), true);
        QTRY_VERIFY_WITH_TIMEOUT(role(model, 1, RestorePointModel::PinnedRole).toBool(), 10000);
        model.rename(QStringLiteral("1"), QStringLiteral("first"));
        QTRY_COMPARE_WITH_TIMEOUT(role(model, 1, RestorePointModel::NameRole).toString(), QStringLiteral("first"), 10000);

        model.take(QStringLiteral("third"));
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 3, 10000);
        QCOMPARE(role(model, 0, RestorePointModel::NameRole).toString(), QStringLiteral("third"));

        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        model.rollbackTo(QStringLiteral("1"));
        QVERIFY(rolledBack.wait(10000));
        QCOMPARE(model.rowCount(), 3); // nothing written since "third": no before-rollback point
        QCOMPARE(role(model, 2, RestorePointModel::CurrentRole).toBool(), true);
        QCOMPARE(vm.currentRestorePoint(), QStringLiteral("1"));

        // Retention 1: the two unpinned points go, the pinned one stays.
        model.setRetention(1);
        QTRY_COMPARE_WITH_TIMEOUT(model.rowCount(), 2, 10000);
        QCOMPARE(role(model, 1, RestorePointModel::IdRole).toString(), QStringLiteral("1"));
        QCOMPARE(model.retention(), 1);

        // A running appliance refuses to take a point, with a message saying what to do.
        vm.start();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        QSignalSpy failed(&vm, &ApplianceVm::failed);
        model.take({});
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<VmError>().kind(), VmError::NotStopped);
        vm.powerOff();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
    }
};

QTEST_GUILESS_MAIN(TestRestorePointModel)
#include "tst_restorepointmodel.moc"
