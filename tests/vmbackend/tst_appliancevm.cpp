// ApplianceVm's state machine against libvirt's test driver: real libvirt parsing and
// lifecycle events, no QEMU. The real-VM proof is in tests/e2e.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "libvirtconnection.h"
#include "testimage.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

class TestApplianceVm : public QObject
{
    Q_OBJECT
    QTemporaryDir m_cache;
    QTemporaryDir m_data;
    LibvirtConnection *m_connection = nullptr;

    ApplianceImage image() const
    {
        return ApplianceCatalog::find(m_cache.path() + QStringLiteral("/appliances"), QStringLiteral("sample"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TESSERA_CACHE_DIR", m_cache.path().toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(makeTestAppliance(m_cache.path(), QStringLiteral("sample")));
        m_connection = new LibvirtConnection(QStringLiteral("test:///default"), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        m_connection->open();
        QVERIFY(opened.wait(10000));
    }

    void catalogFindsCompleteImagesOnly()
    {
        QVERIFY(image().isComplete());
        QCOMPARE(image().kernelCommandLine, QStringLiteral("root=/dev/vda rw"));
        QVERIFY(QDir().mkpath(m_cache.path() + QStringLiteral("/appliances/half/h1")));
        QVERIFY(QFile::link(QStringLiteral("h1"), m_cache.path() + QStringLiteral("/appliances/half/current")));
        const QList<ApplianceImage> images = ApplianceCatalog::scan(m_cache.path() + QStringLiteral("/appliances"));
        QCOMPARE(images.size(), 1);
        QCOMPARE(images.constFirst().name, QStringLiteral("sample"));
    }

    void startStopRollback()
    {
        ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
        QSignalSpy states(&vm, &ApplianceVm::stateChanged);
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);

        vm.start();
        QCOMPARE(vm.state(), ApplianceVm::Preparing);
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        QVERIFY(QFile::exists(vm.spec().systemDisk));

        // Rolling back a running VM is refused with an actionable error.
        QSignalSpy failed(&vm, &ApplianceVm::failed);
        vm.rollback();
        QCOMPARE(failed.size(), 1);
        QCOMPARE(failed.constFirst().constFirst().value<VmError>().kind(), VmError::NotStopped);

        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        vm.stop();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);

        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QCOMPARE(vm.state(), ApplianceVm::RollingBack);
        QVERIFY(rolledBack.wait(10000));
        QCOMPARE(vm.state(), ApplianceVm::Off);
        QVERIFY(QFile::exists(vm.spec().systemDisk));
    }

    // The path a new user took: fresh mode, recover, roll back, switch to keep changes, take a
    // point. The point is taken (it did nothing, and said nothing).
    void restorePointAfterRecoverRollBackAndModeSwitch()
    {
        ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        vm.setMode(ApplianceVm::FreshEveryLaunch);
        vm.start();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        QSignalSpy recovered(&vm, &ApplianceVm::recovered);
        QSignalSpy failed(&vm, &ApplianceVm::failed);
        vm.recover(QStringLiteral("test"));
        QVERIFY2(recovered.wait(20000), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().value<VmError>().toString()));
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(10000));
        vm.setMode(ApplianceVm::KeepChanges);
        QTRY_COMPARE_WITH_TIMEOUT(vm.mode(), ApplianceVm::KeepChanges, 10000);
        QSignalSpy taken(&vm, &ApplianceVm::restorePointTaken);
        vm.takeRestorePoint(QStringLiteral("before the trip"));
        QVERIFY2(QTest::qWaitFor([&] { return !taken.isEmpty() || !failed.isEmpty(); }, 20000), "neither taken nor failed");
        QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.constFirst().constFirst().value<VmError>().toString()));
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(vm.restorePoints().cbegin(), vm.restorePoints().cend(),
                                             [](const RestorePoint &p) { return p.name == QLatin1String("before the trip"); }), 10000);
    }

    void stopFallsBackToPowerOff()
    {
        ApplianceVm vm(m_connection, image(), Accelerator::Tcg);
        vm.setStopTimeout(0);
        vm.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
        vm.start();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Running, 10000);
        vm.stop();
        QTRY_COMPARE_WITH_TIMEOUT(vm.state(), ApplianceVm::Off, 10000);
    }

    void missingImageFailsWithAdvice()
    {
        ApplianceVm vm(m_connection, ApplianceImage(), Accelerator::Tcg);
        QSignalSpy failed(&vm, &ApplianceVm::failed);
        vm.start();
        QCOMPARE(vm.state(), ApplianceVm::Failed);
        QCOMPARE(failed.size(), 1);
        QVERIFY(vm.lastError().message().contains(QLatin1String("scripts/setup")));
    }
};

QTEST_GUILESS_MAIN(TestApplianceVm)
#include "tst_appliancevm.moc"
