// bench-monitor: what the contract monitor costs the shell per appliance, in CPU time:
// idle (timers only), and per store access while a guest-like writer (another process)
// fills a watched folder. Prints figures; passes or fails nothing.
#include "appliancemonitor.h"
#include "contractparser.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>

#include <sys/resource.h>

namespace {

double cpuSeconds()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void runFor(int milliseconds)
{
    QEventLoop loop;
    QTimer::singleShot(milliseconds, &loop, &QEventLoop::quit);
    loop.exec();
}

SystemContract benchContract()
{
    const QByteArray ovf =
        "<Envelope xmlns=\"http://schemas.dmtf.org/ovf/envelope/1\" xmlns:ovf=\"http://schemas.dmtf.org/ovf/envelope/1\""
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:ns=\"urn:tessera:contract:1\">"
        "<VirtualSystem ovf:id=\"bench\"><Info>bench</Info>"
        "<ns:ContractSection xsi:type=\"ovf:MountContract_Type\"><Info>m</Info><Mount><Store>Documents</Store>"
        "<Target>/root/Documents</Target><Access>read-write</Access><WriteRate average=\"1\" unit=\"MiB/s\"/></Mount></ns:ContractSection>"
        "<ns:ContractSection xsi:type=\"ovf:ActivityContract_Type\"><Info>a</Info><Expect><Store>Documents</Store>"
        "<Access>write</Access><WithinSecondsOfInput>30</WithinSecondsOfInput></Expect></ns:ContractSection>"
        "</VirtualSystem></Envelope>";
    return ContractParser::parse(ovf, QStringLiteral("bench.ovf")).systems.value(0);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int idleSeconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    const int files = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 2000;
    QTemporaryDir store;
    QDir(store.path()).mkpath(QStringLiteral("Documents/sub"));
    for (int i = 0; i < 200; ++i)
        QDir(store.path()).mkpath(QStringLiteral("Documents/tree/%1").arg(i));

    ApplianceMonitor monitor(QStringLiteral("bench"), benchContract(), store.path());
    int accesses = 0;
    int breaches = 0;
    QObject::connect(&monitor, &ApplianceMonitor::accessSeen, [&accesses] { ++accesses; });
    QObject::connect(&monitor, &ApplianceMonitor::breach, [&breaches] { ++breaches; });
    QElapsedTimer wall;
    wall.start();
    double before = cpuSeconds();
    monitor.start();
    const double startCpu = cpuSeconds() - before;
    printf("monitor start (201 folders watched): %.1f ms CPU\n", startCpu * 1000);

    before = cpuSeconds();
    wall.restart();
    runFor(idleSeconds * 1000);
    const double idle = cpuSeconds() - before;
    printf("idle: %.3f %% of a core over %d s (%.1f ms CPU)\n", idle / (wall.elapsed() / 1000.0) * 100, idleSeconds, idle * 1000);

    // The writer is another process, as QEMU is: only the monitor's own work counts here.
    QProcess writer;
    writer.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"),
        QStringLiteral("i=0; while [ $i -lt %1 ]; do echo data > \"$0/Documents/sub/f$i\"; i=$((i+1)); done").arg(files), store.path()});
    writer.waitForStarted();
    before = cpuSeconds();
    wall.restart();
    QEventLoop loop;
    QObject::connect(&writer, &QProcess::finished, &loop, &QEventLoop::quit);
    loop.exec();
    runFor(1000); // let the last events arrive
    const double busy = cpuSeconds() - before;
    const double seconds = wall.elapsed() / 1000.0;
    printf("writer: %d files in %.1f s; monitor saw %d accesses, raised %d breaches\n", files, seconds, accesses, breaches);
    printf("under writes: %.1f %% of a core, %.1f us CPU per access seen\n", busy / seconds * 100,
           accesses ? busy / accesses * 1e6 : 0.0);
    monitor.stop();
    return 0;
}
