// Restore points on the real terminal appliance in keep-changes mode: a clean shutdown takes a
// point automatically; a later "malicious" change (an autostart entry) is undone by rolling
// back to that point while the newer state stays listed as a point of its own (and can be gone
// back to); a session with a recorded breach takes none. Own data folder and libvirt root.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "bootandconnect.h"
#include "vmstatewait.h"
#include "breachlog.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QGuiApplication>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 90 * 1000;
const QString MarkerA = QStringLiteral("/var/tmp/tessera-point-a");
const QString MarkerB = QStringLiteral("/etc/xdg/autostart/tessera-evil.desktop");

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_POINTS_URI");
    if (!configured.isEmpty())
        return configured;
    // Never the root of the other e2e tests: they may run at the same time.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-points-libvirt")
                          : QStringLiteral("qemu:///session");
}

} // namespace

class TestRestorePointsEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    bool boot(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver)
    {
        return bootAndConnect(vm, spice, driver, StateTimeoutMs, BootTimeoutMs);
    }

    // The guest powers itself off (ACPI): a clean shutdown.
    bool shutDown(ApplianceVm &vm, SpiceConnection &spice)
    {
        vm.stop();
        const bool off = waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
        spice.disconnectFromGuest();
        return off;
    }

    bool run(GuestDriver &driver, const QString &script)
    {
        const GuestDriver::ExecResult result = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), script});
        if (!result.finished || result.status != 0)
            qWarning() << script << result.status << result.output << driver.lastFailure();
        return result.finished && result.status == 0;
    }

    /// 0: present, 1: absent, -1: no answer.
    int exists(GuestDriver &driver, const QString &path)
    {
        const GuestDriver::ExecResult probe = driver.exec({QStringLiteral("test"), QStringLiteral("-e"), path});
        return probe.finished ? probe.status : -1;
    }

    bool rollbackTo(ApplianceVm &vm, const QString &id)
    {
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollbackTo(id);
        return rolledBack.wait(StateTimeoutMs);
    }

    QStringList ids(const ApplianceVm &vm)
    {
        QStringList list;
        for (const RestorePoint &point : vm.restorePoints())
            list << point.id;
        return list;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY(m_runtime.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void pointAtCleanShutdownUndoesLaterChange()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.setStopTimeout(StateTimeoutMs); // a forced power-off would be no clean shutdown
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) {
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QSignalSpy modeSaved(&vm, &ApplianceVm::modeChanged);
        vm.setMode(ApplianceVm::KeepChanges);
        QVERIFY(modeSaved.wait(10000));
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QSignalSpy taken(&vm, &ApplianceVm::restorePointTaken);
        QSignalSpy skipped(&vm, &ApplianceVm::restorePointSkipped);

        // Session 1: marker A, clean shutdown -> a point, taken automatically.
        QVERIFY(boot(vm, spice, driver));
        QVERIFY(run(driver, QStringLiteral("echo good >%1 && sync").arg(MarkerA)));
        QVERIFY(shutDown(vm, spice));
        QVERIFY(!taken.isEmpty() || taken.wait(StateTimeoutMs));
        const RestorePoint good = taken.takeFirst().constFirst().value<RestorePoint>();
        QCOMPARE(good.reason, RestorePoint::cleanShutdown());
        QVERIFY(good.breachFree);
        QCOMPARE(good.parent, QString());
        QCOMPARE(vm.currentRestorePoint(), good.id);

        // Session 2: a "malicious" autostart entry; its clean shutdown makes a newer point.
        QVERIFY(boot(vm, spice, driver));
        QCOMPARE(exists(driver, MarkerA), 0);
        QVERIFY(run(driver, QStringLiteral("mkdir -p /etc/xdg/autostart && echo '[Desktop Entry]' >%1 && sync").arg(MarkerB)));
        QVERIFY(shutDown(vm, spice));
        QVERIFY(!taken.isEmpty() || taken.wait(StateTimeoutMs));
        const RestorePoint bad = taken.takeFirst().constFirst().value<RestorePoint>();
        QCOMPARE(bad.parent, good.id);

        // Roll back to the good point: the branch with B survives as a point.
        QVERIFY(rollbackTo(vm, good.id));
        QCOMPARE(ids(vm), (QStringList{good.id, bad.id}));
        QCOMPARE(vm.currentRestorePoint(), good.id);
        QVERIFY(boot(vm, spice, driver));
        QCOMPARE(exists(driver, MarkerA), 0);
        QCOMPARE(exists(driver, MarkerB), 1);
        // A breach recorded in this session: its clean shutdown takes no point.
        BreachEvent breach;
        breach.kind = BreachEvent::Kind::ConnectionDenied;
        breach.appliance = m_image.name;
        breach.time = QDateTime::currentDateTimeUtc();
        breach.windowStart = breach.time;
        breach.windowEnd = breach.time;
        breach.subject = QStringLiteral("127.0.0.9:9");
        breach.unit = QStringLiteral("connections");
        QVERIFY(BreachLog(TesseraPaths::logsDir()).append(breach));
        QVERIFY(shutDown(vm, spice));
        QVERIFY(!skipped.isEmpty() || skipped.wait(StateTimeoutMs));
        QVERIFY(taken.isEmpty());
        QCOMPARE(ids(vm), (QStringList{good.id, bad.id}));

        // The newer branch is still there to go back to (the unsaved session is kept first).
        QVERIFY(rollbackTo(vm, bad.id));
        QVERIFY(!taken.isEmpty());
        const RestorePoint kept = taken.takeFirst().constFirst().value<RestorePoint>();
        QCOMPARE(kept.reason, RestorePoint::beforeRollback());
        QVERIFY(!kept.breachFree);
        QCOMPARE(vm.currentRestorePoint(), bad.id);
        QVERIFY(boot(vm, spice, driver));
        QCOMPARE(exists(driver, MarkerA), 0);
        QCOMPARE(exists(driver, MarkerB), 0);
        // Pulling the plug is no clean shutdown: no point.
        const qsizetype before = vm.restorePoints().size();
        vm.powerOff();
        QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        spice.disconnectFromGuest();
        vm.refreshRestorePoints();
        QSignalSpy(&vm, &ApplianceVm::restorePointsChanged).wait(10000);
        QCOMPARE(vm.restorePoints().size(), before);
    }

    void cleanupTestCase()
    {
        if (!m_connection)
            return;
        ApplianceVm vm(m_connection, m_image, Accelerator::Tcg);
        vm.powerOff();
        m_connection->waitForIdle();
    }
};

int main(int argc, char **argv)
{
    // Four cold boots under TCG in one story: more than QTest's default 5 minutes per function.
    if (qEnvironmentVariableIsEmpty("QTEST_FUNCTION_TIMEOUT"))
        qputenv("QTEST_FUNCTION_TIMEOUT", "1400000");
    QGuiApplication app(argc, argv);
    TestRestorePointsEndToEnd test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_restorepoints_e2e.moc"
