// Resource limits on a real guest: the contract's CPUs and Memory size the terminal appliance,
// its disk rates and IOPS hold inside the guest (<iotune>, measured with direct I/O), and its
// CPU quota holds on libvirt's privileged QEMU driver (<cputune>, measured on the host).
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "bootandconnect.h"
#include "vmstatewait.h"
#include "contractparser.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "privatesystemdaemon.h"
#include "resourceenforcement.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>
#include <QUrlQuery>

#include <unistd.h>

namespace {

constexpr int BootTimeoutMs = 300 * 1000; // TCG on a loaded 2-core machine
constexpr int StateTimeoutMs = 90 * 1000;
constexpr double Tolerance = 0.20;         // the brief's "within 20 % of the limit"
constexpr qint64 MiB = 1024 * 1024;

QString testUri()
{
    const QString configured = qEnvironmentVariable("TESSERA_E2E_LIMITS_URI");
    if (!configured.isEmpty())
        return configured;
    // Its own embedded root, kept between runs so QEMU's capabilities are probed only once.
    return geteuid() == 0 ? QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-limits-libvirt")
                          : QStringLiteral("qemu:///session");
}

SystemContract resourceContract(const QString &children)
{
    const QString ovf = QStringLiteral("<?xml version='1.0'?>"
                                       "<Envelope xmlns='http://schemas.dmtf.org/ovf/envelope/1' xmlns:ovf='http://schemas.dmtf.org/ovf/envelope/1'"
                                       " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:tessera:contract:1'>"
                                       "<VirtualSystem ovf:id='terminal'><Info>limits test</Info>"
                                       "<ns:ContractSection xsi:type='ovf:ResourceContract_Type'><Info>r</Info>%1</ns:ContractSection>"
                                       "</VirtualSystem></Envelope>")
                            .arg(children);
    const ContractParseResult result = ContractParser::parse(ovf.toUtf8(), QStringLiteral("limits.ovf"));
    if (!result.ok || result.systems.isEmpty())
        qFatal("test contract rejected: %s", qPrintable(result.error));
    return result.systems.first();
}

/// The bytes and seconds dd reports ("16777216 bytes (17 MB, 16 MiB) copied, 8.01 s, 2.1 MB/s").
bool ddFigures(const QByteArray &output, double *bytes, double *seconds)
{
    static const QRegularExpression copied(QStringLiteral("([0-9]+) bytes .*copied, ([0-9.]+) s"));
    const QRegularExpressionMatch match = copied.match(QString::fromUtf8(output));
    if (!match.hasMatch())
        return false;
    *bytes = match.captured(1).toDouble();
    *seconds = match.captured(2).toDouble();
    return *seconds > 0;
}

/// User plus system CPU time of process @p pid in seconds, or -1.
double processCpuSeconds(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 13)
        return -1;
    return (fields.at(11).toLongLong() + fields.at(12).toLongLong()) / double(sysconf(_SC_CLK_TCK));
}

/// The v1 cgroup directory (cpu controller) of the domain that process @p pid belongs to: the
/// parent of QEMU's "emulator" group, where libvirt puts the global quota. Empty if none.
QString domainCpuCgroup(qint64 pid)
{
    QFile groups(QStringLiteral("/proc/%1/cgroup").arg(pid));
    if (!groups.open(QIODevice::ReadOnly))
        return {};
    for (const QByteArray &line : groups.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(':');
        if (fields.size() == 3 && fields.at(1).split(',').contains("cpu")) {
            QString path = QString::fromUtf8(fields.at(2));
            if (path.endsWith(QLatin1String("/emulator")))
                path.chop(int(qstrlen("/emulator")));
            return QStringLiteral("/sys/fs/cgroup/cpu") + path;
        }
    }
    return {};
}

/// One value of a cgroup file such as cpu.stat ("nr_throttled 12") or cpu.cfs_quota_us.
qint64 cgroupValue(const QString &file, const QByteArray &key = {})
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.trimmed().split(' ');
        if (key.isEmpty() && fields.size() == 1 && !fields.at(0).isEmpty())
            return fields.at(0).toLongLong();
        if (fields.size() == 2 && fields.at(0) == key)
            return fields.at(1).toLongLong();
    }
    return -1;
}

} // namespace

class TestLimitsEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;


    /// Switches off a VM left over from an interrupted run.
    bool ensureOff(ApplianceVm &vm)
    {
        vm.refresh();
        QDeadlineTimer deadline(StateTimeoutMs);
        while (vm.state() == ApplianceVm::Unknown && !deadline.hasExpired())
            QSignalSpy(&vm, &ApplianceVm::stateChanged).wait(1000);
        if (vm.state() == ApplianceVm::Off)
            return true;
        vm.powerOff();
        return waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
    }

    bool bootAndConnect(ApplianceVm &vm, SpiceConnection &spice, GuestDriver &driver)
    {
        return ensureOff(vm) && ::bootAndConnect(vm, spice, driver, StateTimeoutMs, BootTimeoutMs);
    }

    void shutDown(ApplianceVm &vm, SpiceConnection &spice)
    {
        vm.powerOff();
        waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
        spice.disconnectFromGuest();
    }

    /// Runs @p script with sh in the guest; fails the test when it does not exit 0.
    static QByteArray run(GuestDriver &driver, const QString &script, int timeoutMs = 120000)
    {
        const GuestDriver::ExecResult result = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), script}, timeoutMs);
        if (!result.finished || result.status != 0)
            qWarning() << "guest command failed:" << script << result.status << result.output << driver.lastFailure();
        return result.finished && result.status == 0 ? result.output : QByteArray();
    }

    /// Measures one dd in the guest and checks the rate it reports against @p expectedPerSecond.
    static void checkRate(GuestDriver &driver, const QString &what, const QString &ddCommand, double bytes, double expectedPerSecond)
    {
        QElapsedTimer host;
        host.start();
        const QByteArray output = run(driver, ddCommand + QStringLiteral(" 2>&1"));
        const double hostSeconds = host.elapsed() / 1000.0;
        double copied = 0;
        double seconds = 0;
        QVERIFY2(ddFigures(output, &copied, &seconds), qPrintable(what + QStringLiteral(": no dd figures in: ") + QString::fromUtf8(output)));
        QCOMPARE(copied, bytes);
        // The guest's clock must agree with the host's (the exec's round trip only adds).
        QVERIFY2(hostSeconds >= seconds * (1 - Tolerance), qPrintable(QStringLiteral("%1: guest says %2 s, host saw %3 s").arg(what).arg(seconds).arg(hostSeconds)));
        const double measured = bytes / seconds;
        qInfo("%s: %.0f bytes in %.2f s = %.1f KiB/s (limit %.1f KiB/s, %.0f %%)", qPrintable(what), bytes, seconds, measured / 1024,
              expectedPerSecond / 1024, 100 * measured / expectedPerSecond);
        QVERIFY2(qAbs(measured - expectedPerSecond) <= Tolerance * expectedPerSecond,
                 qPrintable(QStringLiteral("%1: measured %2 B/s, limit %3 B/s").arg(what).arg(measured).arg(expectedPerSecond)));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        // Its own runtime folder: other real-VM tests may run a "terminal" at the same time,
        // and a launch replaces the SPICE socket at its path.
        QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("run"))));
        qputenv("XDG_RUNTIME_DIR", m_data.filePath(QStringLiteral("run")).toUtf8());
        m_connection = new LibvirtConnection(testUri(), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    /// CPUs and Memory size the guest; disk rates and IOPS hold for direct I/O on vda.
    void sizeAndDiskLimits()
    {
        constexpr int Cpus = 2;
        constexpr int MemoryMiB = 448;
        constexpr double WriteRate = 2 * MiB;
        constexpr double ReadRate = 3 * MiB;
        constexpr int WriteIops = 50;
        constexpr int ReadIops = 80;
        const SystemContract contract = resourceContract(
            QStringLiteral("<CPUs>%1</CPUs><Memory>%2</Memory>"
                           "<DiskWriteRate average='2' unit='MiB/s'/><DiskReadRate average='3' unit='MiB/s'/>"
                           "<DiskWriteIOPS>%3</DiskWriteIOPS><DiskReadIOPS>%4</DiskReadIOPS>")
                .arg(Cpus).arg(MemoryMiB).arg(WriteIops).arg(ReadIops));

        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.setContract(contract, false);
        QCOMPARE(vm.enforcement().status(ContractElement::Cpus), EnforcementStatus::Enforced);
        QCOMPARE(vm.enforcement().status(ContractElement::DiskRates), EnforcementStatus::Enforced);
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QVERIFY(bootAndConnect(vm, spice, driver));
        auto cleanup = qScopeGuard([&] { shutDown(vm, spice); });

        const int expectedCpus = ResourceEnforcement::vcpusFor(Cpus);
        QCOMPARE(run(driver, QStringLiteral("nproc")).trimmed(), QByteArray::number(expectedCpus));
        const QByteArray memTotal = run(driver, QStringLiteral("awk '/^MemTotal:/ {print $2}' /proc/meminfo")).trimmed();
        const qint64 memKiB = memTotal.toLongLong();
        qInfo("guest MemTotal %lld KiB for %d MiB", memKiB, MemoryMiB);
        // The kernel keeps some memory for itself: MemTotal is a little below the VM's size
        // (402632 KiB of 458752 measured for 448 MiB).
        QVERIFY2(memKiB <= MemoryMiB * 1024 && memKiB >= MemoryMiB * 1024 * 0.8, memTotal.constData());

        // Bytes per second: 16 MiB in 1 MiB direct requests (about 8 and 5 s at the limits).
        const QString file = QStringLiteral("/var/tmp/tessera-limits");
        checkRate(driver, QStringLiteral("write rate"),
                  QStringLiteral("dd if=/dev/zero of=%1 bs=1M count=16 oflag=direct conv=fsync").arg(file), 16 * MiB, WriteRate);
        run(driver, QStringLiteral("sync && echo 3 >/proc/sys/vm/drop_caches"));
        checkRate(driver, QStringLiteral("read rate"), QStringLiteral("dd if=%1 of=/dev/null bs=1M iflag=direct").arg(file), 16 * MiB, ReadRate);

        // Operations per second: 4 KiB direct requests stay far below the byte limits.
        checkRate(driver, QStringLiteral("write IOPS"),
                  QStringLiteral("dd if=/dev/zero of=%1 bs=4k count=400 oflag=direct conv=notrunc").arg(file), 400 * 4096.0, WriteIops * 4096.0);
        checkRate(driver, QStringLiteral("read IOPS"), QStringLiteral("dd if=%1 of=/dev/null bs=4k count=640 iflag=direct").arg(file),
                  640 * 4096.0, ReadIops * 4096.0);
    }

    /// CPUQuota as a <cputune> cgroup quota: the busy guest's QEMU gets no more than the quota.
    void cpuQuota()
    {
        const QString uri = testUri();
        // The embedded driver run as root is libvirt's privileged QEMU driver, with the same
        // cgroup code as qemu:///system; session libvirt refuses <cputune>.
        if (geteuid() != 0 || !uri.startsWith(QLatin1String("qemu:///embed")))
            QSKIP("the CPU quota needs libvirt's privileged QEMU driver: run as root (embedded driver)");
        constexpr double QuotaPercent = 25;
        const SystemContract contract = resourceContract(QStringLiteral("<CPUs>1</CPUs><Memory>448</Memory><CPUQuota>25</CPUQuota>"));
        ApplianceVm vm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        // No network section: no NIC. As the shell does on this connection: not qemu:///system,
        // but the embedded driver as root may use cgroup tunes.
        vm.setContract(contract, false);
        QCOMPARE(vm.spec().cpuQuotaPercent, 25);
        QCOMPARE(vm.enforcement().status(ContractElement::CpuQuota), EnforcementStatus::Enforced);
        QVERIFY(!vm.spec().network.enabled);
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QVERIFY(bootAndConnect(vm, spice, driver));
        auto cleanup = qScopeGuard([&] { shutDown(vm, spice); });

        // A contract without network rules: the guest has no NIC at all, only loopback.
        QCOMPARE(run(driver, QStringLiteral("ls /sys/class/net")).trimmed(), QByteArray("lo"));

        const QString root = QUrlQuery(QUrl(uri)).queryItemValue(QStringLiteral("root"), QUrl::FullyDecoded);
        QFile pidFile(root + QStringLiteral("/run/qemu/%1.pid").arg(vm.spec().name));
        QVERIFY2(pidFile.open(QIODevice::ReadOnly), qPrintable(pidFile.fileName()));
        const qint64 pid = pidFile.readAll().trimmed().toLongLong();
        QVERIFY(pid > 0);
        const QString cgroup = domainCpuCgroup(pid);
        QVERIFY2(!cgroup.isEmpty(), "QEMU is in no cpu cgroup");
        qInfo("domain cgroup %s: period %lld us, quota %lld us", qPrintable(cgroup), cgroupValue(cgroup + QStringLiteral("/cpu.cfs_period_us")),
              cgroupValue(cgroup + QStringLiteral("/cpu.cfs_quota_us")));

        // Keep the guest's vCPU busy for longer than the measuring window.
        run(driver, QStringLiteral("setsid timeout 60 sh -c 'while :; do :; done' </dev/null >/dev/null 2>&1 &"));
        const qint64 throttledBefore = cgroupValue(cgroup + QStringLiteral("/cpu.stat"), "nr_throttled");
        const double cpuBefore = processCpuSeconds(pid);
        QElapsedTimer wall;
        wall.start();
        // A measuring window, not a wait for something: CPU use is a rate over time.
        QTest::qWait(15000);
        const double cpuSeconds = processCpuSeconds(pid) - cpuBefore;
        const double share = 100 * cpuSeconds / (wall.elapsed() / 1000.0);
        const qint64 throttled = cgroupValue(cgroup + QStringLiteral("/cpu.stat"), "nr_throttled") - throttledBefore;
        qInfo("busy guest: QEMU used %.1f %% of a core (quota %.0f %%), throttled %lld times", share, QuotaPercent, throttled);
        QVERIFY2(throttled > 0, "the kernel never throttled the domain");
        QVERIFY2(share <= QuotaPercent * (1 + Tolerance), qPrintable(QString::number(share)));
        // The guest really was busy (else the bound above proves nothing).
        QVERIFY2(share >= QuotaPercent * 0.5, qPrintable(QString::number(share)));
    }

    /// Privileged connection: the contract's nwfilter admits the allowed port and drops
    /// another. (<bandwidth> cannot be shown here: this machine's kernel lacks the police
    /// action and the sfq qdisc that libvirt's shaping uses, so the rates are not claimed.)
    void privilegedNetwork()
    {
        const QString reason = PrivateSystemDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        PrivateSystemDaemon daemon(TesseraPaths::cacheDir() + QStringLiteral("/e2e-limits-system"));
        QString error;
        QVERIFY2(daemon.start(&error), qPrintable(error));

        constexpr quint16 AllowedPort = 8081;
        constexpr quint16 DeniedPort = 8082;
        const char *host = PrivateSystemDaemon::BridgeAddress;
        Sink allowed;
        Sink denied;
        QVERIFY(allowed.listen(listenInNamespace(daemon.pid(), host, AllowedPort)));
        QVERIFY(denied.listen(listenInNamespace(daemon.pid(), host, DeniedPort)));

        auto outRule = [host](quint16 port) {
            return QStringLiteral("<Rule><Protocol>tcp</Protocol><SrcAddr ovf:id='terminal'/><SrcPort>any</SrcPort>"
                                  "<DstAddr>%1</DstAddr><DstPort>%2</DstPort></Rule>").arg(QLatin1String(host)).arg(port);
        };
        const QString ovf = QStringLiteral("<?xml version='1.0'?>"
                                           "<Envelope xmlns='http://schemas.dmtf.org/ovf/envelope/1' xmlns:ovf='http://schemas.dmtf.org/ovf/envelope/1'"
                                           " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:tessera:contract:1'>"
                                           "<VirtualSystem ovf:id='terminal'><Info>privileged limits test</Info>"
                                           "<ns:ContractSection xsi:type='ovf:NetworkContract_Type'><Info>n</Info>%1</ns:ContractSection>"
                                           "<ns:ContractSection xsi:type='ovf:ResourceContract_Type'><Info>r</Info><CPUs>2</CPUs><Memory>448</Memory></ns:ContractSection>"
                                           "</VirtualSystem></Envelope>")
                                .arg(outRule(AllowedPort));
        const ContractParseResult parsed = ContractParser::parse(ovf.toUtf8(), QStringLiteral("privileged.ovf"));
        QVERIFY2(parsed.ok && !parsed.systems.isEmpty(), qPrintable(parsed.error));

        LibvirtConnection connection(daemon.uri());
        QSignalSpy opened(&connection, &LibvirtConnection::opened);
        QSignalSpy failed(&connection, &LibvirtConnection::openFailed);
        connection.open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));

        ApplianceVm vm(&connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.setContract(parsed.systems.first(), true);
        QVERIFY(vm.spec().network.enabled);
        QCOMPARE(vm.spec().network.nwfilterName, QStringLiteral("tessera-terminal"));
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QVERIFY(bootAndConnect(vm, spice, driver));
        auto cleanup = qScopeGuard([&] { shutDown(vm, spice); });

        // The guest's DHCP lease comes through the filter; then the allowed port answers.
        const QString reach = QStringLiteral("timeout 5 bash -c 'echo hello >/dev/tcp/%1/%2'").arg(QLatin1String(host));
        GuestDriver::ExecResult probe;
        const bool reached = QTest::qWaitFor([&] {
            probe = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), reach.arg(AllowedPort)});
            return probe.finished && probe.status == 0;
        }, 120000);
        QVERIFY2(reached, probe.output.constData());
        QVERIFY2(probe.finished && probe.status == 0, probe.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(allowed.bytes >= 6, 10000);

        // A port the contract does not name is dropped, though a server listens there.
        const GuestDriver::ExecResult blocked = driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), reach.arg(DeniedPort)});
        QVERIFY(blocked.finished);
        QVERIFY2(blocked.status != 0, "the guest reached a port its contract does not allow");
        QCOMPARE(denied.connections, 0);
    }
};

QTEST_MAIN(TestLimitsEndToEnd)
#include "tst_limits_e2e.moc"
