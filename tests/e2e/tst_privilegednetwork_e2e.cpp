// `any` on a privileged connection means the public internet, as in session mode: the
// contract's nwfilter refuses this machine, the local network, link-local and the cloud
// metadata address (169.254.169.254) to an `any` rule, before it accepts anything; a rule
// naming such an address still reaches it; libvirt's clean-traffic holds the guest to the
// address it leased; an inbound rule still answers a connection from the host.
//
// The terminal appliance boots on a private "system" libvirtd in network and mount
// namespaces this test makes (PrivateSystemDaemon): a NAT network whose host side has, on its
// loopback interface, 198.51.100.1 (a documentation address standing for the internet),
// 169.254.169.254 and 10.77.0.1 (standing for the LAN). Every listener is in that namespace;
// nothing the guest sends can leave it.
#include "appliancecatalog.h"
#include "appliancevm.h"
#include "bootandconnect.h"
#include "contractparser.h"
#include "guestdriver.h"
#include "libvirtconnection.h"
#include "privatesystemdaemon.h"
#include "spiceconnection.h"
#include "tesserapaths.h"
#include "vmstatewait.h"

#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <sys/time.h>

namespace {

constexpr int BootTimeoutMs = 300 * 1000;
constexpr int StateTimeoutMs = 90 * 1000;
constexpr quint16 AnyPort = 8081;   // `any` tcp
constexpr quint16 NamedPort = 8082; // a rule naming 10.77.0.1
constexpr quint16 InboundPort = 8090;
const char *const Internet = "198.51.100.1";
const char *const Metadata = "169.254.169.254";
const char *const Lan = "10.77.0.1";

/// Connects from the namespace of process @p pid to @p address:@p port, sends @p message and
/// returns what comes back within a few seconds (bounded). Empty when it cannot connect.
QByteArray exchangeInNamespace(qint64 pid, const QString &address, quint16 port, const QByteArray &message)
{
    QByteArray received;
    inNetworkNamespace(pid, [&] {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        timeval timeout{5, 0};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        ::setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        ::inet_pton(AF_INET, address.toUtf8().constData(), &sa.sin_addr);
        if (fd >= 0 && ::connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0) {
            (void)::write(fd, message.constData(), size_t(message.size()));
            ::shutdown(fd, SHUT_WR);
            char buffer[256];
            for (int reads = 0; reads < 16; ++reads) { // bounded: the guest sends one line
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                received.append(buffer, qsizetype(n));
            }
        }
        if (fd >= 0)
            ::close(fd);
    });
    return received;
}

/// Output of @p command run in the network namespace of process @p pid (diagnostics).
QString inNamespace(qint64 pid, const QStringList &command)
{
    QProcess process;
    process.start(QStringLiteral("nsenter"), QStringList{QStringLiteral("--net=/proc/%1/ns/net").arg(pid)} + command);
    process.waitForFinished(30000);
    return QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError());
}

/// The namespace's iptables and ebtables rules, to show what libvirt made of the filter.
QByteArray firewall(qint64 pid)
{
    return (inNamespace(pid, {QStringLiteral("iptables-save")}) + inNamespace(pid, {QStringLiteral("ebtables"), QStringLiteral("-t"), QStringLiteral("nat"), QStringLiteral("-L")}))
        .toUtf8();
}

} // namespace

class TestPrivilegedNetworkEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;

    static GuestDriver::ExecResult run(GuestDriver &driver, const QString &script)
    {
        return driver.exec({QStringLiteral("sh"), QStringLiteral("-c"), script}, 60000);
    }

    /// Whether the guest can open a TCP connection to @p host:@p port (5 s at most).
    static bool guestReaches(GuestDriver &driver, const char *host, quint16 port)
    {
        const GuestDriver::ExecResult result =
            run(driver, QStringLiteral("timeout 5 bash -c 'echo hello >/dev/tcp/%1/%2'").arg(QLatin1String(host)).arg(port));
        return result.finished && result.status == 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        QVERIFY(QDir().mkpath(m_data.filePath(QStringLiteral("run"))));
        qputenv("XDG_RUNTIME_DIR", m_data.filePath(QStringLiteral("run")).toUtf8());
    }

    void anyReachesOnlyThePublicInternet()
    {
        const QString reason = PrivateSystemDaemon::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(reason));
        const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        PrivateSystemDaemon daemon(TesseraPaths::cacheDir() + QStringLiteral("/e2e-nwfilter-system"));
        daemon.setNat(true);
        daemon.setExtraAddresses({QString::fromLatin1(Internet) + QStringLiteral("/32"), QString::fromLatin1(Metadata) + QStringLiteral("/32"),
                                  QString::fromLatin1(Lan) + QStringLiteral("/32")});
        QString error;
        QVERIFY2(daemon.start(&error), qPrintable(error));

        Sink internet, host, metadata, lan, lanNamed;
        QVERIFY(internet.listen(listenInNamespace(daemon.pid(), Internet, AnyPort)));
        QVERIFY(host.listen(listenInNamespace(daemon.pid(), PrivateSystemDaemon::BridgeAddress, AnyPort)));
        QVERIFY(metadata.listen(listenInNamespace(daemon.pid(), Metadata, AnyPort)));
        QVERIFY(lan.listen(listenInNamespace(daemon.pid(), Lan, AnyPort)));
        QVERIFY(lanNamed.listen(listenInNamespace(daemon.pid(), Lan, NamedPort)));

        const QString ovf = QStringLiteral(
            "<?xml version='1.0'?>"
            "<Envelope xmlns='http://schemas.dmtf.org/ovf/envelope/1' xmlns:ovf='http://schemas.dmtf.org/ovf/envelope/1'"
            " xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' xmlns:ns='urn:tessera:contract:1'>"
            "<VirtualSystem ovf:id='terminal'><Info>privileged network test</Info>"
            "<ns:ContractSection xsi:type='ovf:NetworkContract_Type'><Info>n</Info>"
            "<Rule><Protocol>tcp</Protocol><SrcAddr ovf:id='terminal'/><SrcPort>any</SrcPort><DstAddr>any</DstAddr><DstPort>%1</DstPort></Rule>"
            "<Rule><Protocol>tcp</Protocol><SrcAddr ovf:id='terminal'/><SrcPort>any</SrcPort><DstAddr>%2</DstAddr><DstPort>%3</DstPort></Rule>"
            "<Rule><Protocol>tcp</Protocol><SrcAddr>any</SrcAddr><SrcPort>any</SrcPort><DstAddr ovf:id='terminal'/><DstPort>%4</DstPort></Rule>"
            "</ns:ContractSection>"
            "<ns:ContractSection xsi:type='ovf:ResourceContract_Type'><Info>r</Info><CPUs>2</CPUs><Memory>448</Memory></ns:ContractSection>"
            "</VirtualSystem></Envelope>")
                                .arg(AnyPort)
                                .arg(QLatin1String(Lan))
                                .arg(NamedPort)
                                .arg(InboundPort);
        const ContractParseResult parsed = ContractParser::parse(ovf.toUtf8(), QStringLiteral("privileged.ovf"));
        QVERIFY2(parsed.ok && !parsed.systems.isEmpty(), qPrintable(parsed.error));

        LibvirtConnection connection(daemon.uri());
        QSignalSpy opened(&connection, &LibvirtConnection::opened);
        QSignalSpy failed(&connection, &LibvirtConnection::openFailed);
        connection.open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));

        ApplianceVm vm(&connection, image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        vm.setContract(parsed.systems.first(), true);
        QVERIFY(vm.spec().network.nwfilterXml.contains(QLatin1String("clean-traffic")));
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 30000);
        if (vm.state() != ApplianceVm::Off) { // left by an interrupted run
            vm.powerOff();
            QVERIFY(waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs));
        }
        SpiceConnection spice;
        GuestDriver driver(&spice);
        QVERIFY(bootAndConnect(vm, spice, driver, StateTimeoutMs, BootTimeoutMs));
        auto cleanup = qScopeGuard([&] {
            vm.powerOff();
            waitForVmState(vm, ApplianceVm::Off, StateTimeoutMs);
            spice.disconnectFromGuest();
        });

        // The lease comes through clean-traffic (it learns the address from it); then `any`
        // reaches the address standing for the internet.
        const bool reached = QTest::qWaitFor([&] { return guestReaches(driver, Internet, AnyPort); }, 120000);
        QVERIFY2(reached, firewall(daemon.pid()).prepend("the guest never reached the public address its `any` rule allows\n").constData());
        QTRY_VERIFY_WITH_TIMEOUT(internet.bytes >= 6, 10000);

        // The same `any` rule and port never reach this machine, the LAN or the metadata
        // address, though a server listens on each.
        QVERIFY2(!guestReaches(driver, PrivateSystemDaemon::BridgeAddress, AnyPort), firewall(daemon.pid()).prepend("`any` reached the host itself\n").constData());
        QVERIFY2(!guestReaches(driver, Metadata, AnyPort), "`any` reached 169.254.169.254");
        QVERIFY2(!guestReaches(driver, Lan, AnyPort), "`any` reached the local network");
        QCOMPARE(host.connections, 0);
        QCOMPARE(metadata.connections, 0);
        QCOMPARE(lan.connections, 0);
        // A rule naming the LAN address reaches it (named rules come before the refusals).
        QVERIFY2(guestReaches(driver, Lan, NamedPort), firewall(daemon.pid()).prepend("a rule naming 10.77.0.1 did not reach it\n").constData());
        QTRY_COMPARE_WITH_TIMEOUT(lanNamed.connections, 1, 10000);

        // Inbound from the host still answers: the refusals drop only connections the guest opens.
        QString leases;
        QVERIFY2(daemon.virsh({QStringLiteral("net-dhcp-leases"), QStringLiteral("default")}, &error, &leases), qPrintable(error));
        const QRegularExpressionMatch lease = QRegularExpression(QStringLiteral("(192\\.168\\.122\\.[0-9]+)/24")).match(leases);
        QVERIFY2(lease.hasMatch(), qPrintable(leases));
        const GuestDriver::ExecResult listening = run(
            driver, QStringLiteral("setsid sh -c 'echo guest-listener | /opt/tessera/tessera-netproxy listen %1 >/tmp/inbound.txt 2>/dev/null' "
                                   "</dev/null >/dev/null 2>&1 & "
                                   "for i in $(seq 100); do grep -q ':%2 00000000:0000 0A' /proc/net/tcp && exit 0; sleep 0.2; done; exit 1")
                        .arg(InboundPort)
                        .arg(QStringLiteral("%1").arg(InboundPort, 4, 16, QLatin1Char('0')).toUpper()));
        QVERIFY2(listening.finished && listening.status == 0, "the guest's listener did not start");
        const QByteArray answer = exchangeInNamespace(daemon.pid(), lease.captured(1), InboundPort, "host-says-hi\n");
        QVERIFY2(answer.contains("guest-listener"), firewall(daemon.pid()).prepend(answer + "\n").constData());

        // clean-traffic holds the guest to its leased address: libvirt's layer-2 rules for the
        // guest's interface let IPv4 from that address only.
        const QString layer2 = inNamespace(daemon.pid(), {QStringLiteral("ebtables"), QStringLiteral("-t"), QStringLiteral("nat"), QStringLiteral("-L")});
        QVERIFY2(layer2.contains(QStringLiteral("--ip-src %1 -j RETURN").arg(lease.captured(1))), qPrintable(layer2));
    }
};

QTEST_MAIN(TestPrivilegedNetworkEndToEnd)
#include "tst_privilegednetwork_e2e.moc"
