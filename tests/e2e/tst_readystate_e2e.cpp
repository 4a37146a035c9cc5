// Pristine fast launches on the real terminal appliance: cold boot in fresh mode, capture the
// ready state, launch from it (timed to a visible xterm), changes gone on every fresh launch;
// keep mode keeps them until a roll back. Uses its own data folder and libvirt root.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "guestdriver.h"
#include "guestframebuffer.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 60 * 1000;
constexpr int SessionAfterRestoreTimeoutMs = 60 * 1000;
const QString Marker = QStringLiteral("/var/tmp/tessera-ready-marker");
const QRect XtermRegion(4, 4, 300, 200);

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_RECOVERY_URI");
    if (!configured.isEmpty())
        return configured;
    // Never the root of the other e2e tests: they may run at the same time.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-recovery-libvirt")
                          : QStringLiteral("qemu:///session");
}

} // namespace

class TestReadyStateEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime; // its own SPICE socket: other e2e tests may run the same appliance
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    bool connectAndWaitForSession(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver, int timeoutMs)
    {
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        if (!driver.waitForSessionUp(timeoutMs)) {
            qWarning() << driver.lastFailure();
            return false;
        }
        return true;
    }

    bool waitForXterm(SpiceConnection &spice, GuestDriver &driver)
    {
        QDeadlineTimer pixels(30000);
        while (driver.whiteFraction(XtermRegion) < 0.8 && !pixels.hasExpired())
            QSignalSpy(spice.framebuffer(), &GuestFramebuffer::updated).wait(500);
        return driver.whiteFraction(XtermRegion) >= 0.8;
    }

    bool setMode(ApplianceVm &vm, ApplianceVm::Mode mode)
    {
        QSignalSpy changed(&vm, &ApplianceVm::modeChanged);
        vm.setMode(mode);
        return changed.wait(10000) && vm.mode() == mode;
    }

    bool stopAndDisconnect(ApplianceVm &vm, SpiceConnection &spice)
    {
        vm.stop();
        const bool off = waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
        spice.disconnectFromGuest();
        return off;
    }

    bool writeMarker(GuestDriver &driver)
    {
        const GuestDriver::ExecResult written = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"),
                                                             QStringLiteral("echo tessera >%1 && sync").arg(Marker)});
        return written.finished && written.status == 0;
    }

    /// 0: present, 1: absent, -1: no answer.
    int markerStatus(GuestDriver &driver)
    {
        const GuestDriver::ExecResult probe = driver.exec({QStringLiteral("test"), QStringLiteral("-e"), Marker});
        return probe.finished ? probe.status : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(m_runtime.isValid());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void freshFromReadyStateThenKeepChanges()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QCOMPARE(vm.mode(), ApplianceVm::FreshEveryLaunch);
        QVERIFY(!vm.hasReadyState());

        // Cold boot, then the ready state is captured and the VM comes back from it.
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QSignalSpy launched(&vm, &ApplianceVm::launchedFromReadyState);
        QElapsedTimer timer;
        timer.start();
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(connectAndWaitForSession(vm, spice, driver, BootTimeoutMs));
        QVERIFY(waitForXterm(spice, driver));
        qInfo("cold boot to visible xterm: %.2f s", timer.elapsed() / 1000.0);
        QVERIFY(!launched.isEmpty() || launched.wait(10000));
        QCOMPARE(launched.constLast().constFirst().toBool(), false);

        QSignalSpy captured(&vm, &ApplianceVm::readyStateCaptured);
        QSignalSpy readyChanged(&vm, &ApplianceVm::readyStateChanged);
        launched.clear();
        // As the shell does: the display goes first, so the saved agent waits for the next client.
        spice.disconnectFromGuest();
        timer.restart();
        QVERIFY(vm.captureReadyState());
        QCOMPARE(vm.state(), ApplianceVm::Starting);
        QVERIFY(launched.wait(StateTimeoutMs));
        QCOMPARE(launched.constFirst().constFirst().toBool(), true);
        QCOMPARE(captured.size(), 1);
        QVERIFY(vm.hasReadyState());
        QCOMPARE(readyChanged.constLast().constFirst().toBool(), true);
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        qInfo("ready state captured in %lld ms; running again after %.2f s", captured.constFirst().constFirst().toLongLong(),
              timer.elapsed() / 1000.0);
        // The agent says Hello and SessionState again when SPICE reconnects after the restore.
        QVERIFY(connectAndWaitForSession(vm, spice, driver, SessionAfterRestoreTimeoutMs));
        QVERIFY(waitForXterm(spice, driver));
        QVERIFY2(writeMarker(driver), qPrintable(driver.lastFailure()));
        QVERIFY(stopAndDisconnect(vm, spice));

        // A fresh launch from the ready state: fast and clean.
        launched.clear();
        timer.restart();
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(connectAndWaitForSession(vm, spice, driver, SessionAfterRestoreTimeoutMs));
        QVERIFY(waitForXterm(spice, driver));
        qInfo("fresh launch from ready state to session up and visible xterm: %.2f s", timer.elapsed() / 1000.0);
        QCOMPARE(launched.constFirst().constFirst().toBool(), true);
        QCOMPARE(markerStatus(driver), 1);
        QVERIFY(stopAndDisconnect(vm, spice));

        // Keep mode: a marker survives a stop and start...
        QVERIFY(setMode(vm, ApplianceVm::KeepChanges));
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(connectAndWaitForSession(vm, spice, driver, BootTimeoutMs));
        QVERIFY2(writeMarker(driver), qPrintable(driver.lastFailure()));
        QVERIFY(stopAndDisconnect(vm, spice));
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(connectAndWaitForSession(vm, spice, driver, BootTimeoutMs));
        QCOMPARE(markerStatus(driver), 0);
        QVERIFY(stopAndDisconnect(vm, spice));

        // ...until it is rolled back.
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(StateTimeoutMs));
        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        QVERIFY(connectAndWaitForSession(vm, spice, driver, BootTimeoutMs));
        QCOMPARE(markerStatus(driver), 1);
        QVERIFY(stopAndDisconnect(vm, spice));
        QVERIFY(vm.hasReadyState()); // keep mode leaves the ready state alone
        QVERIFY(setMode(vm, ApplianceVm::FreshEveryLaunch));
    }

    void cleanupTestCase()
    {
        // The VM may be left running by a failed step: switch it off so the next run starts clean.
        if (!m_connection)
            return;
        ApplianceVm vm(m_connection, m_image, Accelerator::Tcg);
        vm.powerOff();
        m_connection->waitForIdle();
    }
};

QTEST_MAIN(TestReadyStateEndToEnd)
#include "tst_readystate_e2e.moc"
