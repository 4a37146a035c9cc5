// bench-seamless-map: time from a window mapping in the guest to its host window appearing, the
// whole path on a real terminal appliance (TCG, its own embed root, data dir and tools disk) under
// an X server with a window manager. N windows are mapped one after another by the agent's
// --window test hook (a tiny X client, no xterm start-up), each closed before the next:
//   Exec sent -> host window exposed and painted (guest process start, map, agent report, host),
//   agent's WindowUpdate (mapped) received -> host window exposed and painted (host part),
//   Exec sent -> WindowUpdate received (guest part and the port).
// Prints p50/p99 and N.
#include "agentchannel.h"
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "privatetoolscache.h"
#include "seamlesswindow.h"
#include "seamlesswindowmanager.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "windowtracker.h"

#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <unistd.h>

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-seamless-map: %s\n", qPrintable(why));
    std::exit(1);
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(qMin(values.size() - 1, qsizetype(p * values.size())));
}

void print(const char *what, const QList<double> &ms)
{
    std::printf("%s: p50 %.1f ms, p99 %.1f ms, min %.1f ms, max %.1f ms (N=%lld)\n", what, percentile(ms, 0.5),
                percentile(ms, 0.99), percentile(ms, 0.0), percentile(ms, 1.0), static_cast<long long>(ms.size()));
    std::fflush(stdout);
}

bool waitFor(ApplianceVm &vm, ApplianceVm::State state)
{
    QSignalSpy spy(&vm, &ApplianceVm::stateChanged);
    QDeadlineTimer deadline(120000);
    while (vm.state() != state && vm.state() != ApplianceVm::Failed && !deadline.hasExpired())
        spy.wait(1000);
    return vm.state() == state;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption windowsOption(QStringLiteral("windows"), QStringLiteral("Windows to map (1-500)."),
                                           QStringLiteral("n"), QStringLiteral("30"));
    parser.addOption(windowsOption);
    parser.process(app);
    const int count = std::clamp(parser.value(windowsOption).toInt(), 1, 500);
    if (QGuiApplication::platformName() != QLatin1String("xcb"))
        fail(QStringLiteral("needs an X display with a window manager (Xvfb + openbox)"));

    // Own tools disk with this build's agent (the --window hook), over the appliance images of
    // TESSERA_CACHE_DIR (else the user's cache); own data dir, runtime dir and embed root.
    const QString base = TesseraPaths::cacheDir();
    QString problem;
    const QString cache = makePrivateToolsCache(base, QStringLiteral("bench-seamlessmap-cache"),
                                                {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                 QStringLiteral("--netproxy"), QStringLiteral(TESSERA_NETPROXY)},
                                                &problem);
    if (cache.isEmpty())
        fail(QStringLiteral("could not build the tools disk: ") + problem);
    QTemporaryDir data;
    QTemporaryDir runtime(QStringLiteral("/tmp/tbm-XXXXXX")); // unix socket paths must stay short
    if (!data.isValid() || !runtime.isValid())
        fail(QStringLiteral("no temporary folder"));
    qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
    qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
    if (!image.isComplete())
        fail(QStringLiteral("the terminal appliance is not built: run scripts/setup"));
    const QString uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + base + QStringLiteral("/bench-seamlessmap-libvirt")
                                       : QStringLiteral("qemu:///session");
    LibvirtConnection connection(uri);
    {
        QSignalSpy opened(&connection, &LibvirtConnection::opened);
        connection.open();
        if (!opened.wait(300000))
            fail(QStringLiteral("could not open ") + uri);
    }

    const Accelerator::Kind accel = Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL"));
    ApplianceVm vm(&connection, image, accel);
    {
        QSignalSpy known(&vm, &ApplianceVm::stateChanged);
        vm.refresh();
        if (vm.state() == ApplianceVm::Unknown && !known.wait(10000))
            fail(QStringLiteral("the VM state is unknown"));
    }
    if (vm.state() != ApplianceVm::Off) { // left over from an interrupted run (it may be going down)
        vm.powerOff();
        if (!waitFor(vm, ApplianceVm::Off)) {
            vm.refresh();
            if (!waitFor(vm, ApplianceVm::Off))
                fail(QStringLiteral("could not power off a left-over VM"));
        }
    }
    {
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        if (!rolledBack.wait(60000))
            fail(QStringLiteral("roll back failed"));
    }

    SpiceConnection spice;
    GuestDriver driver(&spice);
    AgentChannel *agent = spice.agent();
    WindowTracker *tracker = agent->windows();
    SeamlessWindowManager seamless;
    // One measurement's timestamps, set from signal handlers (no polling in the figures). Connected
    // before the manager's own handlers, so a report is timed before its host window is made.
    QElapsedTimer clock;
    clock.start();
    QString wanted;
    quint32 guestId = 0;
    qint64 sent = -1, reported = -1, painted = -1;
    // The title may come in a later report than the window's creation (the hook sets it after).
    auto note = [&](quint32 id) {
        const GuestWindow w = tracker->window(id);
        if (!guestId && !wanted.isEmpty() && w.title == wanted)
            guestId = id;
        if (id == guestId && w.mapped && reported < 0)
            reported = clock.nsecsElapsed();
    };
    QObject::connect(tracker, &WindowTracker::windowAdded, &app, note);
    QObject::connect(tracker, &WindowTracker::windowChanged, &app, note);
    QObject::connect(&seamless, &SeamlessWindowManager::windowShown, &app, [&](quint32 id) {
        note(id);
        if (id != guestId || !guestId)
            return;
        SeamlessWindow *host = seamless.hostWindow(id);
        QObject::connect(host, &SeamlessWindow::painted, host, [&, host] {
            if (painted < 0 && host->isExposed())
                painted = clock.nsecsElapsed();
        });
    });
    seamless.setApplianceId(QStringLiteral("terminal"));
    seamless.setApplianceTitle(QStringLiteral("Terminal"));
    seamless.setConnection(&spice);
    seamless.setEnabled(true);
    vm.start();
    if (!waitFor(vm, ApplianceVm::Running))
        fail(QStringLiteral("the appliance did not start"));
    spice.connectToUnixSocket(vm.spec().spiceSocket);
    if (!driver.waitForSessionUp(240000))
        fail(QStringLiteral("the guest session did not come up: ") + driver.lastFailure());

    QList<double> whole, hostPart, guestPart;
    for (int i = 0; i < count; ++i) {
        wanted = QStringLiteral("Map %1").arg(i);
        guestId = 0;
        reported = painted = -1;
        sent = clock.nsecsElapsed();
        const quint32 request = agent->exec({QStringLiteral("/opt/tessera/tessera-agent"), QStringLiteral("--window"),
                                             QString::number(40 + (i % 10) * 30), QString::number(60 + (i % 7) * 40),
                                             QStringLiteral("160"), QStringLiteral("100"), wanted});
        if (!request)
            fail(QStringLiteral("the agent port is not open"));
        if (!QTest::qWaitFor([&] { return painted >= 0; }, 60000))
            fail(QStringLiteral("window %1 did not appear on the host within 60 s").arg(i));
        whole << (painted - sent) / 1e6;
        hostPart << (painted - reported) / 1e6;
        guestPart << (reported - sent) / 1e6;
        // Closed before the next one (WM_DELETE_WINDOW: the hook exits), so every window maps alone.
        const quint32 closing = guestId;
        agent->closeWindow(closing);
        if (!QTest::qWaitFor([&] { return !tracker->contains(closing) && !seamless.hostWindow(closing); }, 60000))
            fail(QStringLiteral("window %1 did not close").arg(i));
    }
    std::printf("guest window map -> host window, terminal appliance under %s, %d windows one after another\n",
                qPrintable(Accelerator::name(accel)), count);
    print("Exec of the guest program sent -> host window exposed and painted", whole);
    print("Exec sent -> agent's WindowUpdate (mapped) received", guestPart);
    print("WindowUpdate received -> host window exposed and painted", hostPart);
    vm.stop();
    waitFor(vm, ApplianceVm::Off);
    spice.disconnectFromGuest();
    return 0;
}
