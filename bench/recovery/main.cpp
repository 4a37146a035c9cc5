// bench-recovery: roll back time for overlays holding 10 MB, 1 GB and 10 GB of written data
// (VM stopped), and on a real appliance: cold boot to visible app, ready-state capture, and a
// fresh launch from the ready state to visible app. Prints every run and the median.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "guestdriver.h"
#include "guestframebuffer.h"
#include "libvirtconnection.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QGuiApplication>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

#include <unistd.h>

namespace {

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : (values.at(mid - 1) + values.at(mid)) / 2;
}

void print(const QString &what, const char *unit, const QList<double> &runs)
{
    QStringList each;
    for (double v : runs)
        each << QString::number(v, 'f', 3);
    std::printf("%s: median %.3f %s over %lld runs [%s]\n", qPrintable(what), median(runs), unit, static_cast<long long>(runs.size()),
                qPrintable(each.join(QStringLiteral(", "))));
    std::fflush(stdout);
}

bool waitFor(ApplianceVm &vm, ApplianceVm::State state, int timeoutMs = 240000)
{
    QSignalSpy spy(&vm, &ApplianceVm::stateChanged);
    QDeadlineTimer deadline(timeoutMs);
    while (vm.state() != state && vm.state() != ApplianceVm::Failed && !deadline.hasExpired())
        spy.wait(1000);
    return vm.state() == state;
}

bool run(const QString &program, const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    return process.waitForFinished(-1) && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
}

/// Writes @p bytes of pattern into @p overlay in 1 GiB requests (qemu-io buffers a whole request).
bool fill(const QString &overlay, qint64 bytes)
{
    constexpr qint64 Chunk = qint64(1) << 30;
    QStringList arguments{QStringLiteral("-f"), QStringLiteral("qcow2")};
    for (qint64 offset = 0; offset < bytes; offset += Chunk)
        arguments << QStringLiteral("-c") << QStringLiteral("write -q -P 0x5a %1 %2").arg(offset).arg(qMin(Chunk, bytes - offset));
    arguments << overlay;
    return run(QStringLiteral("qemu-io"), arguments);
}

bool openConnection(LibvirtConnection &connection)
{
    QSignalSpy opened(&connection, &LibvirtConnection::opened);
    connection.open();
    return opened.wait(180000);
}

/// Roll back with the VM stopped, through ApplianceVm, on a fake appliance whose base is a
/// large sparse image (libvirt's test driver: no QEMU needed).
int benchRollback(int runs)
{
    QTemporaryDir cache(QDir::homePath() + QStringLiteral("/.cache/tessera-bench-XXXXXX")); // on disk, not tmpfs
    const QByteArray savedDataDir = qgetenv("TESSERA_DATA_DIR");
    qputenv("TESSERA_DATA_DIR", (cache.path() + QStringLiteral("/data")).toUtf8());
    const auto restoreDataDir = qScopeGuard([&savedDataDir] { qputenv("TESSERA_DATA_DIR", savedDataDir); });
    const QString dir = cache.path() + QStringLiteral("/appliances/big/b1");
    QDir().mkpath(dir);
    for (const char *file : {"vmlinuz", "initrd.img", "appliance.ovf"}) {
        QFile f(dir + QLatin1Char('/') + QLatin1String(file));
        f.open(QIODevice::WriteOnly);
    }
    if (!run(QStringLiteral("qemu-img"), {QStringLiteral("create"), QStringLiteral("-q"), QStringLiteral("-f"), QStringLiteral("qcow2"),
                                          dir + QStringLiteral("/base.qcow2"), QStringLiteral("12G")})
        || !QFile::link(QStringLiteral("b1"), cache.path() + QStringLiteral("/appliances/big/current")))
        return 1;
    const ApplianceImage image = ApplianceCatalog::find(cache.path() + QStringLiteral("/appliances"), QStringLiteral("big"));
    LibvirtConnection connection(QStringLiteral("test:///default"));
    if (!openConnection(connection))
        return 1;
    ApplianceVm vm(&connection, image, Accelerator::Tcg);
    QSignalSpy modeChanged(&vm, &ApplianceVm::modeChanged);
    vm.setMode(ApplianceVm::KeepChanges);
    modeChanged.wait(10000);
    vm.refresh();
    waitFor(vm, ApplianceVm::Off);
    const QList<std::pair<const char *, qint64>> sizes{{"10 MB", 10LL << 20}, {"1 GB", 1LL << 30}, {"10 GB", 10LL << 30}};
    for (const auto &[label, bytes] : sizes) {
        QList<double> times;
        for (int i = 0; i < runs; ++i) {
            QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
            vm.rollback();
            if (!rolledBack.wait(120000) || !fill(vm.spec().systemDisk, bytes))
                return 1;
            ::sync(); // the data is on disk, as after a real session
            QSignalSpy measured(&vm, &ApplianceVm::rolledBack);
            vm.rollback();
            if (!measured.wait(120000))
                return 1;
            times << measured.constFirst().constFirst().toLongLong() / 1000.0;
        }
        print(QStringLiteral("roll back, VM stopped, overlay holding %1").arg(QLatin1String(label)), "s", times);
    }
    return 0;
}

double secondsToVisibleApp(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver, const QElapsedTimer &timer)
{
    if (!waitFor(vm, ApplianceVm::Running))
        return -1;
    spice.connectToUnixSocket(vm.spec().spiceSocket);
    if (!driver.waitForSessionUp(240000))
        return -1;
    QDeadlineTimer pixels(30000);
    while (driver.whiteFraction(QRect(4, 4, 300, 200)) < 0.8 && !pixels.hasExpired())
        QSignalSpy(spice.framebuffer(), &GuestFramebuffer::updated).wait(500);
    return timer.elapsed() / 1000.0;
}

int benchReadyState(const QString &applianceName, int runs)
{
    const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), applianceName);
    if (!image.isComplete()) {
        std::fprintf(stderr, "appliance %s is not built: run scripts/setup\n", qPrintable(applianceName));
        return 1;
    }
    QTemporaryDir data;
    qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
    QTemporaryDir runtime; // its own SPICE socket: tests may run the same appliance meanwhile
    qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
    const QString uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/bench-recovery-libvirt")
                                       : QStringLiteral("qemu:///session");
    LibvirtConnection connection(uri);
    if (!openConnection(connection)) {
        std::fprintf(stderr, "could not open %s\n", qPrintable(uri));
        return 1;
    }
    ApplianceVm vm(&connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
    vm.refresh();
    waitFor(vm, ApplianceVm::Off, 10000);
    if (vm.state() != ApplianceVm::Off) {
        vm.powerOff();
        if (!waitFor(vm, ApplianceVm::Off))
            return 1;
    }
    QList<double> cold;
    QList<double> capture;
    QList<double> fresh;
    for (int i = 0; i < runs; ++i) {
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QElapsedTimer timer;
        timer.start();
        vm.start();
        const double seconds = secondsToVisibleApp(vm, spice, driver, timer);
        if (seconds < 0)
            return 1;
        if (!vm.hasReadyState()) {
            cold << seconds;
            QSignalSpy captured(&vm, &ApplianceVm::readyStateCaptured);
            QSignalSpy launched(&vm, &ApplianceVm::launchedFromReadyState);
            spice.disconnectFromGuest(); // as the shell does before a capture
            vm.captureReadyState();
            if (!launched.wait(120000) || captured.isEmpty())
                return 1;
            capture << captured.constFirst().constFirst().toLongLong() / 1000.0;
        } else {
            fresh << seconds;
        }
        spice.disconnectFromGuest();
        vm.powerOff();
        if (!waitFor(vm, ApplianceVm::Off))
            return 1;
    }
    print(QStringLiteral("cold boot to visible app"), "s", cold);
    print(QStringLiteral("ready-state capture (save memory + publish disk)"), "s", capture);
    print(QStringLiteral("fresh launch from ready state to visible app"), "s", fresh);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption runsOption(QStringLiteral("runs"), QStringLiteral("Fresh launches to measure."), QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption rollbackRunsOption(QStringLiteral("rollback-runs"), QStringLiteral("Roll backs per size."), QStringLiteral("n"),
                                                QStringLiteral("3"));
    const QCommandLineOption applianceOption(QStringLiteral("appliance"), QStringLiteral("Appliance."), QStringLiteral("name"),
                                             QStringLiteral("terminal"));
    const QCommandLineOption skipVmOption(QStringLiteral("no-vm"), QStringLiteral("Only the roll back figures."));
    const QCommandLineOption skipRollbackOption(QStringLiteral("no-rollback"), QStringLiteral("Only the VM figures."));
    parser.addOptions({runsOption, rollbackRunsOption, applianceOption, skipVmOption, skipRollbackOption});
    parser.process(app);

    if (!parser.isSet(skipRollbackOption) && benchRollback(parser.value(rollbackRunsOption).toInt()) != 0) {
        std::fprintf(stderr, "roll back bench failed\n");
        return 1;
    }
    // One cold boot (it captures the ready state), then the fresh launches.
    if (!parser.isSet(skipVmOption) && benchReadyState(parser.value(applianceOption), 1 + parser.value(runsOption).toInt()) != 0) {
        std::fprintf(stderr, "ready-state bench failed\n");
        return 1;
    }
    return 0;
}
