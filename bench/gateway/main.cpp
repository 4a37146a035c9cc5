// bench-gateway: what the session-mode egress gateway costs, measured against the guest's
// unrestricted QEMU user networking in one run on one real terminal appliance (TCG, embedded
// driver): added latency per connection (connect + 1-byte request/answer), upload throughput
// and the gateway's CPU time per MiB. Both paths reach the same server on the host's
// 127.0.0.1: through the gateway (the guest's proxy, a contract rule for 127.0.0.1:PORT, no
// rate limit) and straight through slirp (10.0.2.2 is the host's loopback). The guest times
// both with one instrument (`tessera-netproxy bench`, one process per series, so no process
// start is timed). Prints figures; passes or fails nothing.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "benchserver.h"
#include "gatewayprocess.h"
#include "guestdriver.h"
#include "launchjob.h"
#include "libvirtconnection.h"
#include "networkcontract.h"
#include "privatetoolscache.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QGuiApplication>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <unistd.h>

namespace {

const QString Proxy = QStringLiteral("/opt/tessera/tessera-netproxy");
const QString HostFromGuest = QStringLiteral("10.0.2.2"); // slirp: the host's 127.0.0.1

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    // Nearest rank.
    const qsizetype rank = std::max<qsizetype>(1, qsizetype(std::ceil(p / 100 * double(values.size()))));
    return values.at(std::min(rank, values.size()) - 1);
}

/// Why the bench stopped; main() reports it and switches the VM off.
struct Failure
{
    QString why;
};

[[noreturn]] void fail(const QString &why)
{
    throw Failure{why};
}

/// CPU time (user + system) of process @p pid so far, in seconds, from /proc.
double cpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return double(fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// The host's load: the figures mean little when other VMs or builds share the cores.
QByteArray loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return "?";
    const QList<QByteArray> fields = file.readAll().split(' ');
    return fields.size() >= 3 ? fields.at(0) + ", " + fields.at(1) + ", " + fields.at(2) : QByteArray("?");
}

/// One `tessera-netproxy bench` series in the guest: per-connection times in ms, upload in s.
struct Series
{
    QList<double> connectMs;
    double uploadSeconds = 0;
};

Series runInGuest(GuestDriver &driver, bool viaGateway, quint16 port, int connections, qint64 uploadBytes)
{
    const QString address = viaGateway ? QStringLiteral("127.0.0.1") : HostFromGuest;
    const GuestDriver::ExecResult result =
        driver.exec({Proxy, QStringLiteral("bench"), viaGateway ? QStringLiteral("via") : QStringLiteral("direct"), address,
                     QString::number(port), QString::number(connections), QString::number(uploadBytes)},
                    600000);
    if (!result.finished || result.status != 0)
        fail(QStringLiteral("the guest's bench %1 failed: %2 %3")
                 .arg(viaGateway ? QStringLiteral("via the gateway") : QStringLiteral("direct"), driver.lastFailure(),
                      QString::fromUtf8(result.output)));
    Series series;
    for (const QByteArray &line : result.output.split('\n')) {
        const QList<QByteArray> words = line.trimmed().split(' ');
        if (words.size() == 2 && words.at(0) == "connect_us")
            series.connectMs << words.at(1).toDouble() / 1000;
        else if (words.size() == 3 && words.at(0) == "upload_us" && words.at(1).toLongLong() == uploadBytes)
            series.uploadSeconds = words.at(2).toDouble() / 1e6;
    }
    if (series.connectMs.size() != connections || (uploadBytes > 0 && series.uploadSeconds <= 0))
        fail(QStringLiteral("unexpected answer from the guest: %1").arg(QString::fromUtf8(result.output)));
    return series;
}

/// Until the guest has its address (dhcpcd) and its proxy's link to the gateway is up: one
/// connection each way, retried once a second, bounded.
bool waitForPaths(GuestDriver &driver, quint16 port)
{
    const QString command = QStringLiteral(
        "for i in $(seq 120); do %1 bench direct %2 %3 1 0 >/dev/null 2>&1 && %1 bench via 127.0.0.1 %3 1 0 >/dev/null 2>&1 "
        "&& exit 0; sleep 1; done; exit 1").arg(Proxy, HostFromGuest).arg(port);
    const GuestDriver::ExecResult result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}, 180000);
    return result.finished && result.status == 0;
}

/// Switches the appliance off however the bench ends, so that no VM is left running.
struct SwitchOffAtEnd
{
    ApplianceVm *vm;
    ~SwitchOffAtEnd()
    {
        QSignalSpy changed(vm, &ApplianceVm::stateChanged);
        vm->powerOff();
        QDeadlineTimer deadline(90000);
        while (vm->state() != ApplianceVm::Off && !deadline.hasExpired())
            changed.wait(1000);
    }
};

void printSeries(const char *what, const QList<double> &ms)
{
    std::printf("  %-28s median %7.2f ms  p90 %7.2f ms  (n=%lld, min %.2f, max %.2f)\n", what, percentile(ms, 50),
                percentile(ms, 90), static_cast<long long>(ms.size()), *std::min_element(ms.begin(), ms.end()),
                *std::max_element(ms.begin(), ms.end()));
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("The egress gateway's cost against unrestricted user networking."));
    parser.addHelpOption();
    const QCommandLineOption connectionsOption(QStringLiteral("connections"), QStringLiteral("Connections per path (1-1000)."),
                                               QStringLiteral("n"), QStringLiteral("30"));
    const QCommandLineOption uploadOption(QStringLiteral("upload-mib"), QStringLiteral("Upload size in MiB (1-1024)."),
                                          QStringLiteral("mib"), QStringLiteral("32"));
    const QCommandLineOption roundsOption(QStringLiteral("rounds"), QStringLiteral("Uploads per path, alternating (1-10)."),
                                          QStringLiteral("n"), QStringLiteral("5"));
    parser.addOptions({connectionsOption, uploadOption, roundsOption});
    parser.process(app);
    const int connections = std::clamp(parser.value(connectionsOption).toInt(), 1, 1000);
    const qint64 uploadBytes = qint64(std::clamp(parser.value(uploadOption).toInt(), 1, 1024)) * 1024 * 1024;
    const int rounds = std::clamp(parser.value(roundsOption).toInt(), 1, 10);

    try {
        // Own cache (a tools disk with this build's agent and netproxy, over the shared appliance
        // images), own data dir, runtime dir and embed root: nothing shared with the shell or tests.
        const QString sharedCache = QDir::homePath() + QStringLiteral("/.cache/tessera");
        QString problem;
        const QString cache = makePrivateToolsCache(sharedCache, QStringLiteral("bench-gateway-cache"),
                                                    {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                     QStringLiteral("--netproxy"), QStringLiteral(TESSERA_NETPROXY)},
                                                    &problem);
        if (cache.isEmpty())
            fail(QStringLiteral("could not build the tools disk: ") + problem);
        QTemporaryDir data;
        QTemporaryDir runtime(QStringLiteral("/tmp/tbg-XXXXXX")); // unix socket paths must stay short
        if (!data.isValid() || !runtime.isValid())
            fail(QStringLiteral("no temporary folder"));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        qputenv("TESSERA_DATA_DIR", data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", runtime.path().toUtf8());
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);
        const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        if (!image.isComplete())
            fail(QStringLiteral("the terminal appliance is not built: run scripts/setup"));

        const QString uri = geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + sharedCache + QStringLiteral("/bench-gateway-libvirt")
                                           : QStringLiteral("qemu:///session");
        LibvirtConnection connection(uri);
        {
            QSignalSpy opened(&connection, &LibvirtConnection::opened);
            connection.open();
            if (!opened.wait(300000))
                fail(QStringLiteral("could not open ") + uri);
        }

        QThread serverThread;
        BenchServer server(uploadBytes);
        server.moveToThread(&serverThread);
        serverThread.start();
        const auto stopServer = qScopeGuard([&serverThread] {
            serverThread.quit();
            serverThread.wait();
        });
        bool listening = false;
        QMetaObject::invokeMethod(&server, &BenchServer::listen, Qt::BlockingQueuedConnection, &listening);
        if (!listening)
            fail(QStringLiteral("cannot listen on 127.0.0.1"));
        const quint16 port = server.port();

        ApplianceVm vm(&connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        const SwitchOffAtEnd switchOff{&vm};
        {
            QSignalSpy known(&vm, &ApplianceVm::stateChanged);
            vm.refresh();
            if (!known.wait(30000))
                fail(QStringLiteral("libvirt did not report the appliance's state"));
        }
        if (vm.state() != ApplianceVm::Off) {
            QSignalSpy changed(&vm, &ApplianceVm::stateChanged);
            vm.powerOff();
            QDeadlineTimer deadline(90000);
            while (vm.state() != ApplianceVm::Off && !deadline.hasExpired())
                changed.wait(1000);
        }
        // The gateway path: one rule for the server, no rate in the contract.
        vm.setContract(networkContract(QStringLiteral("terminal"),
                                       networkRule(QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), QString::number(port))),
                       false);

        // The bench's own launch: the contract's domain with restrict=off, so that the same guest
        // also has slirp's unrestricted path to the host (GuestNetwork::restricted; nothing else
        // ever clears it). The gateway's guestfwd is there as with restrict=on.
        LaunchJob job;
        job.spec = vm.spec();
        job.spec.network.restricted = false;
        job.baseDisk = image.baseDisk;
        job.recipeHash = image.recipeHash;
        job.instanceDir = TesseraPaths::instanceDir(image.name);
        if (!job.spec.network.enabled || job.spec.network.gatewaySocket.isEmpty())
            fail(QStringLiteral("the contract gave no session network"));
        {
            QEventLoop loop;
            LaunchJob::Result launched;
            bool done = false;
            connection.call<LaunchJob::Result>(&loop, [job](_virConnect *c) { return job.launch(c); },
                                               [&](const LaunchJob::Result &result) {
                                                   launched = result;
                                                   done = true;
                                                   loop.quit();
                                               });
            QTimer::singleShot(300000, &loop, &QEventLoop::quit);
            loop.exec();
            if (!done || launched.error.isError())
                fail(QStringLiteral("the appliance did not start: ") + launched.error.toString());
        }
        SpiceConnection spice;
        GuestDriver driver(&spice);
        spice.connectToUnixSocket(job.spec.spiceSocket);
        if (!driver.waitForSessionUp(300000))
            fail(QStringLiteral("the guest's session did not come up: ") + driver.lastFailure());
        if (!waitForPaths(driver, port))
            fail(QStringLiteral("within 120 s the guest did not reach the host both directly and through the gateway"));

        QFile pidFile(GatewayProcess::pidPathFor(job.spec.network.gatewaySocket));
        const qint64 gatewayPid = pidFile.open(QIODevice::ReadOnly) ? pidFile.readAll().trimmed().toLongLong() : -1;
        if (cpuSeconds(gatewayPid) < 0)
            fail(QStringLiteral("the gateway's process is not found"));

        const QByteArray loadAtStart = loadAverage();
        // Latency: one series per path, one warm-up connection each before (in waitForPaths).
        const Series direct = runInGuest(driver, false, port, connections, 0);
        double cpuBefore = cpuSeconds(gatewayPid);
        const Series via = runInGuest(driver, true, port, connections, 0);
        const double gatewayCpuPerConnectionMs = (cpuSeconds(gatewayPid) - cpuBefore) * 1000 / connections;

        // Throughput: alternating uploads, the gateway's CPU counted over its own uploads only.
        QList<double> directMiBs, viaMiBs;
        double gatewayCpu = 0;
        const double mib = double(uploadBytes) / (1024 * 1024);
        for (int round = 0; round < rounds; ++round) {
            directMiBs << mib / runInGuest(driver, false, port, 0, uploadBytes).uploadSeconds;
            cpuBefore = cpuSeconds(gatewayPid);
            viaMiBs << mib / runInGuest(driver, true, port, 0, uploadBytes).uploadSeconds;
            gatewayCpu += cpuSeconds(gatewayPid) - cpuBefore;
        }
        const int expectedPings = 2 * connections + 2; // and the warm-up pair
        if (server.uploads() != 2 * rounds || server.errors() != 0 || server.pings() < expectedPings)
            fail(QStringLiteral("the host server saw %1 pings, %2 uploads, %3 errors").arg(server.pings()).arg(server.uploads()).arg(server.errors()));

        const double directMedian = percentile(direct.connectMs, 50);
        const double viaMedian = percentile(via.connectMs, 50);
        const double directMiBsMedian = percentile(directMiBs, 50);
        const double viaMiBsMedian = percentile(viaMiBs, 50);
        std::printf("bench-gateway: terminal appliance, %s, %s; server on the host's 127.0.0.1:%u\n"
                    "host load average (1, 5, 15 min) at start %s, at end %s\n",
                    Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")) == Accelerator::Kvm ? "KVM" : "TCG", qPrintable(uri), port,
                    loadAtStart.constData(), loadAverage().constData());
        std::printf("connection (connect + 1-byte request/answer), timed in the guest:\n");
        printSeries("unrestricted (10.0.2.2)", direct.connectMs);
        printSeries("through the gateway", via.connectMs);
        std::printf("  added by the gateway: median %.2f ms, p90 %.2f ms; ratio gateway/unrestricted %.2f (median), %.2f (p90)\n",
                    viaMedian - directMedian, percentile(via.connectMs, 90) - percentile(direct.connectMs, 90), viaMedian / directMedian,
                    percentile(via.connectMs, 90) / percentile(direct.connectMs, 90));
        QStringList directRuns, viaRuns;
        QList<double> pairRatios; // each gateway upload against the unrestricted one just before it
        for (int i = 0; i < rounds; ++i) {
            directRuns << QString::number(directMiBs.at(i), 'f', 1);
            viaRuns << QString::number(viaMiBs.at(i), 'f', 1);
            pairRatios << viaMiBs.at(i) / directMiBs.at(i);
        }
        std::printf("upload of %.0f MiB, guest to host, timed in the guest up to the server's answer (median of %d):\n", mib, rounds);
        std::printf("  %-28s %7.1f MiB/s  [%s]\n", "unrestricted (10.0.2.2)", directMiBsMedian, qPrintable(directRuns.join(QStringLiteral(", "))));
        std::printf("  %-28s %7.1f MiB/s  [%s]\n", "through the gateway", viaMiBsMedian, qPrintable(viaRuns.join(QStringLiteral(", "))));
        std::printf("  ratio gateway/unrestricted %.2f (of the medians), %.2f (median of the %d pairs)\n",
                    viaMiBsMedian / directMiBsMedian, percentile(pairRatios, 50), rounds);
        std::printf("gateway process CPU time: %.1f ms per MiB uploaded, %.2f ms per connection\n",
                    gatewayCpu * 1000 / (mib * rounds), gatewayCpuPerConnectionMs);
        std::fflush(stdout);

        spice.disconnectFromGuest();
        return 0;
    } catch (const Failure &failure) {
        std::fprintf(stderr, "bench-gateway: %s\n", qPrintable(failure.why));
        return 1;
    }
}
