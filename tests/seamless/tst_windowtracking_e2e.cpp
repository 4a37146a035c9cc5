// Seamless windows end to end on the real terminal appliance: the guest agent
// reports the xterm and a second window through X events, the host's
// WindowTracker follows map, configure and destroy, and the window requests
// reach the guest. Waits on signals with deadlines; no sleeps.
#include "agentchannel.h"
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "guestdriver.h"
#include "guestframebuffer.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "windowtracker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 240 * 1000;
constexpr int StateTimeoutMs = 60 * 1000;
constexpr int WindowTimeoutMs = 30 * 1000;

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_SEAMLESS_URI");
    if (!configured.isEmpty())
        return configured;
    // Not the root of tst_appliance_e2e: both may run at the same time.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir()
                                + QStringLiteral("/e2e-seamless-libvirt")
                          : QStringLiteral("qemu:///session");
}

/// Waits until @p condition holds, waking on any change of @p tracker.
bool waitFor(WindowTracker *tracker, const std::function<bool()> &condition, int timeoutMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QEventLoop loop;
        QTimer::singleShot(int(qMax<qint64>(1, deadline.remainingTime())), &loop, &QEventLoop::quit);
        QObject::connect(tracker, &WindowTracker::windowAdded, &loop, &QEventLoop::quit);
        QObject::connect(tracker, &WindowTracker::windowChanged, &loop, &QEventLoop::quit);
        QObject::connect(tracker, &WindowTracker::windowRemoved, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return true;
}

quint32 findByTitle(WindowTracker *tracker, const QString &title)
{
    for (quint32 id : tracker->stack()) {
        const GuestWindow w = tracker->window(id);
        if (w.title == title && w.mapped)
            return id;
    }
    return 0;
}

} // namespace

class TestWindowTrackingEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void windowsFollowTheGuest()
    {
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 10000);
        if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(StateTimeoutMs));

        SpiceConnection spice;
        GuestDriver driver(&spice);
        WindowTracker *windows = spice.agent()->windows();
        // The VM is stopped whatever the outcome of the checks below.
        struct Stop {
            ApplianceVm &vm;
            SpiceConnection &spice;
            TestWindowTrackingEndToEnd *test;
            ~Stop()
            {
                vm.stop();
                waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
                spice.disconnectFromGuest();
            }
        } stop{vm, spice, this};

        vm.start();
        QVERIFY(waitForVmState(vm, ApplianceVm::Running, StateTimeoutMs));
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(BootTimeoutMs), qPrintable(driver.lastFailure()));
        windows->setScreenSize(spice.framebuffer()->size());

        // The appliance's xterm, at the top left.
        QVERIFY2(waitFor(windows, [&] { return findByTitle(windows, QStringLiteral("Terminal")) != 0; }, WindowTimeoutMs),
                 "no mapped window titled Terminal");
        const GuestWindow terminal = windows->window(findByTitle(windows, QStringLiteral("Terminal")));
        qInfo() << "terminal window" << terminal.id << terminal.geometry << terminal.appClass;
        QCOMPARE(terminal.geometry.topLeft(), QPoint(0, 0));
        QVERIFY(terminal.geometry.width() > 200 && terminal.geometry.height() > 100);
        QCOMPARE(terminal.appClass, QStringLiteral("XTerm"));

        // A second window, started through the agent in its own session so the
        // Exec returns at once and the Exec timeout does not kill it.
        QElapsedTimer sinceExec;
        sinceExec.start();
        const GuestDriver::ExecResult started = driver.exec(
            {QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("setsid -f xterm -title Second -geometry 40x10+300+200 </dev/null >/dev/null 2>&1")});
        QVERIFY2(started.finished && started.status == 0, qPrintable(driver.lastFailure() + QString::fromUtf8(started.output)));
        QVERIFY2(waitFor(windows, [&] { return findByTitle(windows, QStringLiteral("Second")) != 0; }, WindowTimeoutMs),
                 "no mapped window titled Second");
        qInfo("Exec of xterm to its mapped window in the host model: %lld ms", sinceExec.elapsed());
        const quint32 second = findByTitle(windows, QStringLiteral("Second"));
        QCOMPARE(windows->window(second).geometry.topLeft(), QPoint(300, 200));
        const QSize secondSize = windows->window(second).geometry.size();
        QVERIFY(secondSize.width() > 100 && secondSize.height() > 50);
        QCOMPARE(windows->stack().last(), second);
        QCOMPARE(windows->count(), 2);

        // Map latency: minimise (unmap), then focus (map) from the host and
        // time until the MapNotify-driven update arrives. Includes the request's
        // way into the guest, so it bounds guest map -> host model from above.
        QList<double> mapMs;
        for (int round = 0; round < 5; ++round) {
            QVERIFY(spice.agent()->minimizeWindow(second));
            QVERIFY(waitFor(windows, [&] { return !windows->window(second).mapped; }, WindowTimeoutMs));
            QElapsedTimer mapTimer;
            mapTimer.start();
            QVERIFY(spice.agent()->focusWindow(second));
            QVERIFY(waitFor(windows, [&] { return windows->window(second).mapped; }, WindowTimeoutMs));
            mapMs.append(double(mapTimer.nsecsElapsed()) / 1e6);
        }
        std::sort(mapMs.begin(), mapMs.end());
        qInfo("host map request -> guest map -> host model update: min %.1f ms, median %.1f ms, max %.1f ms",
              mapMs.first(), mapMs.at(mapMs.size() / 2), mapMs.last());

        // Move and resize through the agent; the ConfigureNotify comes back.
        const QRect target(120, 80, 400, 240);
        QElapsedTimer moveTimer;
        moveTimer.start();
        QVERIFY(spice.agent()->moveResizeWindow(second, target));
        QVERIFY2(waitFor(windows, [&] { return windows->window(second).geometry.topLeft() == target.topLeft(); }, WindowTimeoutMs),
                 qPrintable(QStringLiteral("geometry %1,%2").arg(windows->window(second).geometry.x()).arg(windows->window(second).geometry.y())));
        // xterm may round the size to its character cell; it follows the request.
        QVERIFY(qAbs(windows->window(second).geometry.width() - target.width()) < 40);
        QVERIFY(qAbs(windows->window(second).geometry.height() - target.height()) < 40);
        qInfo("move/resize request -> configured geometry in the host model: %.1f ms", double(moveTimer.nsecsElapsed()) / 1e6);

        // Close politely (xterm supports WM_DELETE_WINDOW); the window goes away.
        QVERIFY(spice.agent()->closeWindow(second, false));
        QVERIFY2(waitFor(windows, [&] { return !windows->contains(second); }, WindowTimeoutMs), "the Second window did not close");
        QCOMPARE(windows->count(), 1);
        QVERIFY(windows->contains(terminal.id));
    }
};

QTEST_MAIN(TestWindowTrackingEndToEnd)
#include "tst_windowtracking_e2e.moc"
