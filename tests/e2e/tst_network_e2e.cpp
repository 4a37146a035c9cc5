// Session-mode network enforcement on a real terminal appliance (TCG, embedded libvirt driver),
// launched through the shell's ApplianceSession: the guest reaches only what its contract
// allows, through the egress gateway, at the contract's outgoing rate; an inbound rule is
// forwarded from a free high port on the host's 127.0.0.1 (never the contract's own port,
// where a service of this computer already listens) to a listener in the guest, and the
// session says where. Every endpoint is on this machine's loopback.
#include "appliancecatalog.h"
#include "appliancesession.h"
#include "appliancevm.h"
#include "vmstatewait.h"
#include "gatewayprocess.h"
#include "guestdriver.h"
#include "inboundportmap.h"
#include "privatetoolscache.h"
#include "libvirtconnection.h"
#include "networkcontract.h"
#include "spiceconnection.h"
#include "tesserapaths.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

constexpr int BootTimeoutMs = 300 * 1000;
constexpr int StateTimeoutMs = 90 * 1000;
constexpr double OutgoingKiBs = 256;
constexpr double IncomingKiBs = 256;
constexpr qint64 UploadBytes = 3 * 1024 * 1024;
constexpr qint64 DownloadBytes = 3 * 1024 * 1024;
const QString Proxy = QStringLiteral("/opt/tessera/tessera-netproxy");

/// A loopback listener that records what each connection sends and when.
struct Listener
{
    QTcpServer server;
    QList<QTcpSocket *> connections;
    QByteArray received;
    qint64 bytes = 0;
    qint64 firstByteNs = -1;
    qint64 firstChunk = 0;
    qint64 lastByteNs = -1;
    QElapsedTimer clock;

    bool listen(const QHostAddress &address, quint16 port = 0)
    {
        clock.start();
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                connections.append(socket);
                // At once: Qt closes a socket on the peer's end of input, so a reply after
                // the guest's last byte could be lost.
                socket->write("hello-from-host\n");
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] {
                    const QByteArray data = socket->readAll();
                    if (firstByteNs < 0) {
                        firstByteNs = clock.nsecsElapsed();
                        firstChunk = data.size();
                    }
                    lastByteNs = clock.nsecsElapsed();
                    bytes += data.size();
                    if (received.size() < 4096)
                        received += data.left(4096 - received.size());
                });
            }
        });
        return server.listen(address, port);
    }
    void reset()
    {
        received.clear();
        bytes = 0;
        firstByteNs = lastByteNs = -1;
    }
};

} // namespace

class TestNetworkEndToEnd : public QObject
{
    Q_OBJECT
    QTemporaryDir m_data;
    QTemporaryDir m_runtime{QStringLiteral("/tmp/tn-XXXXXX")};
    LibvirtConnection *m_connection = nullptr;
    ApplianceImage m_image;

    static bool fileContains(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) && file.readAll().contains(text);
    }

    /// `tessera-netproxy connect` in the guest, its output and exit status.
    static GuestDriver::ExecResult connectFromGuest(GuestDriver &driver, const QString &input, const QString &host, quint16 port,
                                                    int timeoutMs = 60000)
    {
        const QString command = QStringLiteral("%1 | %2 connect %3 %4 2>&1").arg(input, Proxy, host).arg(port);
        return driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}, timeoutMs);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QVERIFY(m_runtime.isValid());
        const QString sharedCache = QDir::homePath() + QStringLiteral("/.cache/tessera");
        // A private tools disk with the network proxy, over the shared appliance images.
        QString problem;
        const QString cache = makePrivateToolsCache(sharedCache, QStringLiteral("e2e-net-cache"),
                                                    {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                     QStringLiteral("--netproxy"), QStringLiteral(TESSERA_NETPROXY)},
                                                    &problem);
        QVERIFY2(!cache.isEmpty(), qPrintable(problem));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        qputenv("TESSERA_DATA_DIR", m_data.path().toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_runtime.path().toUtf8());
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);
        m_image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(m_image.isComplete(), "the terminal appliance is not built: run scripts/setup");
        QVERIFY(QFile::exists(TesseraPaths::toolsDiskPath()));

        m_connection = new LibvirtConnection(QStringLiteral("qemu:///embed?root=") + sharedCache + QStringLiteral("/e2e-net-libvirt"), this);
        QSignalSpy opened(m_connection, &LibvirtConnection::opened);
        QSignalSpy failed(m_connection, &LibvirtConnection::openFailed);
        m_connection->open();
        QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty() || !failed.isEmpty(), 180000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).value<VmError>().toString()));
    }

    void guestReachesOnlyWhatItsContractAllows()
    {
        Listener allowed, otherPort, otherLoopback;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        const quint16 port = allowed.server.serverPort();
        QVERIFY(otherPort.listen(QHostAddress::LocalHost, port + 1) || otherPort.listen(QHostAddress::LocalHost));
        QVERIFY(otherLoopback.listen(QHostAddress(QStringLiteral("127.0.0.2")), port));
        // Sends DownloadBytes to whoever connects, then closes.
        QTcpServer download;
        QVERIFY(download.listen(QHostAddress::LocalHost));
        connect(&download, &QTcpServer::newConnection, &download, [&download] {
            QTcpSocket *socket = download.nextPendingConnection();
            socket->write(QByteArray(DownloadBytes, 'd'));
            socket->disconnectFromHost(); // after the data is written
        });
        // A service of this computer listens on the port the contract opens inbound: the
        // appliance must not take it (a package could otherwise stand in for the service).
        Listener realService;
        QVERIFY(realService.listen(QHostAddress::LocalHost));
        const quint16 inboundPort = realService.server.serverPort();

        const SystemContract contract = networkContract(
            QStringLiteral("terminal"),
            networkRule(QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), QString::number(port))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), QString::number(download.serverPort()))
                + networkRule(QStringLiteral("tcp"), QStringLiteral("<DstAddr ovf:id=\"terminal\"/>"), QString::number(inboundPort)),
            QStringLiteral("<OutgoingRate average=\"%1\"/><IncomingRate average=\"%2\"/>").arg(OutgoingKiBs).arg(IncomingKiBs));
        QCOMPARE(contract.rules.size(), 3);

        auto *vm = new ApplianceVm(m_connection, m_image, Accelerator::choose(qEnvironmentVariable("TESSERA_ACCEL")));
        ApplianceInfo info;
        info.title = QStringLiteral("Terminal");
        info.launchable = true;
        ApplianceSession session(vm, info); // owns vm
        vm->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(vm->state() != ApplianceVm::Unknown, 10000);
        if (vm->state() != ApplianceVm::Off) {
            vm->powerOff();
            QVERIFY(waitForVmState(*vm, ApplianceVm::Off, StateTimeoutMs));
        }
        // Keep mode: no ready-state capture in between (this test is about the network).
        QSignalSpy modeSaved(vm, &ApplianceVm::modeChanged);
        vm->setMode(ApplianceVm::KeepChanges);
        QVERIFY(modeSaved.wait(StateTimeoutMs));
        vm->setContract(contract, false);
        const GuestNetwork network = vm->enforcement().spec().network;
        QVERIFY(network.enabled);
        QCOMPARE(network.inbound.size(), 1);
        QCOMPARE(network.inbound.at(0).guestPort, int(inboundPort));
        QCOMPARE(session.inboundPorts(), QString()); // not running

        QSignalSpy failed(&session, &ApplianceSession::failed);
        session.launch();
        QTRY_COMPARE_WITH_TIMEOUT(session.state(), ApplianceSession::Running, BootTimeoutMs);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        GuestDriver driver(session.display());
        // The launch chose a free high port for the inbound rule, not the contract's, and says so.
        QTRY_VERIFY_WITH_TIMEOUT(vm->inboundForwards().value(0).hostPort > 0, StateTimeoutMs);
        const quint16 hostPort = quint16(vm->inboundForwards().at(0).hostPort);
        QVERIFY(hostPort != inboundPort);
        QCOMPARE(session.inboundPorts(), QStringLiteral("Port %1 of the appliance is at 127.0.0.1:%2 here.").arg(inboundPort).arg(hostPort));
        QCOMPARE(InboundPortMap::read(vm->instanceDir()).value(0).hostPort, int(hostPort));
        // The guest's proxy links to the gateway once the guest's network is up and greets it;
        // the gateway says so in its log.
        const QString gatewayLog = GatewayProcess::pidPathFor(network.gatewaySocket) + QStringLiteral(".log");
        QTRY_VERIFY_WITH_TIMEOUT(fileContains(gatewayLog, "guest proxy greeted"), BootTimeoutMs);

        // Allowed: data arrives at the server, its answer comes back.
        GuestDriver::ExecResult result = connectFromGuest(driver, QStringLiteral("echo hello-from-guest"), QStringLiteral("127.0.0.1"), port);
        QVERIFY2(result.finished, qPrintable(driver.lastFailure()));
        QVERIFY2(result.status == 0, result.output.constData());
        QTRY_VERIFY_WITH_TIMEOUT(allowed.received.contains("hello-from-guest"), 10000);
        QVERIFY2(result.output.contains("hello-from-host"), result.output.constData());

        // Another port on loopback: refused, nothing connects.
        result = connectFromGuest(driver, QStringLiteral("echo x"), QStringLiteral("127.0.0.1"), otherPort.server.serverPort());
        QVERIFY(result.finished);
        QVERIFY2(result.status != 0 && result.output.contains("refused"), result.output.constData());
        // Another loopback address, even on the allowed port: refused.
        result = connectFromGuest(driver, QStringLiteral("echo x"), QStringLiteral("127.0.0.2"), port);
        QVERIFY(result.finished);
        QVERIFY2(result.status != 0 && result.output.contains("refused"), result.output.constData());
        QVERIFY(otherPort.connections.isEmpty());
        QVERIFY(otherLoopback.connections.isEmpty());

        // Upload: measured on the host, at the contract's outgoing rate.
        allowed.reset();
        result = connectFromGuest(driver, QStringLiteral("head -c %1 /dev/zero").arg(UploadBytes), QStringLiteral("127.0.0.1"), port, 120000);
        QVERIFY2(result.finished && result.status == 0, result.output.constData());
        QTRY_COMPARE_WITH_TIMEOUT(allowed.bytes, UploadBytes, 30000);
        const double seconds = double(allowed.lastByteNs - allowed.firstByteNs) / 1e9;
        const double rate = double(allowed.bytes - allowed.firstChunk) / seconds;
        qInfo("upload of %lld bytes through the gateway: %.1f KiB/s (contract: %.0f KiB/s) over %.2f s",
              allowed.bytes, rate / 1024, OutgoingKiBs, seconds);
        QVERIFY2(std::abs(rate - OutgoingKiBs * 1024) <= 0.2 * OutgoingKiBs * 1024, qPrintable(QString::number(rate / 1024)));

        // Download: measured in the guest (the host's socket buffers would hide the rate there).
        result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("s=$(date +%s%N); n=$(%1 connect 127.0.0.1 %2 </dev/null | wc -c); e=$(date +%s%N); echo $n $s $e")
                                  .arg(Proxy).arg(download.serverPort())},
                             120000);
        QVERIFY2(result.finished && result.status == 0, result.output.constData());
        const QList<QByteArray> figures = result.output.trimmed().split(' ');
        QCOMPARE(figures.size(), 3);
        QCOMPARE(figures.at(0).toLongLong(), DownloadBytes);
        const double downSeconds = double(figures.at(2).toLongLong() - figures.at(1).toLongLong()) / 1e9;
        const double downRate = double(DownloadBytes) / downSeconds;
        qInfo("download of %lld bytes through the gateway: %.1f KiB/s (contract: %.0f KiB/s) over %.2f s",
              DownloadBytes, downRate / 1024, IncomingKiBs, downSeconds);
        QVERIFY2(std::abs(downRate - IncomingKiBs * 1024) <= 0.2 * IncomingKiBs * 1024, qPrintable(QString::number(downRate / 1024)));

        // Inbound: the forward on the host's 127.0.0.1 (the chosen port) reaches a listener in
        // the guest on the contract's port; the service on that port here sees nothing.
        // Started in the background; the exec returns once the guest's kernel lists the port
        // as listening (bounded), so the host connects only then.
        const QString listen = QStringLiteral(
            "setsid sh -c 'echo guest-listener | %1 listen %2 >/tmp/inbound.txt 2>/dev/null' </dev/null >/dev/null 2>&1 & "
            "for i in $(seq 100); do grep -q ':%3 00000000:0000 0A' /proc/net/tcp && exit 0; sleep 0.2; done; exit 1")
                                   .arg(Proxy).arg(inboundPort).arg(QStringLiteral("%1").arg(inboundPort, 4, 16, QLatin1Char('0')).toUpper());
        result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), listen});
        QVERIFY2(result.finished && result.status == 0, "the guest's listener did not start");
        QByteArray fromGuest;
        // slirp accepts on the host side before it reaches the guest: a bounded retry.
        for (int attempt = 0; attempt < 3 && !fromGuest.contains("guest-listener"); ++attempt) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, hostPort);
            if (!socket.waitForConnected(5000)) {
                qWarning() << "inbound attempt" << attempt << socket.errorString();
                continue;
            }
            socket.write("host-says-hi\n");
            socket.waitForBytesWritten(5000);
            while (socket.waitForReadyRead(3000))
                fromGuest += socket.readAll();
            fromGuest += socket.readAll();
        }
        if (!fromGuest.contains("guest-listener")) {
            const GuestDriver::ExecResult state = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                                               QStringLiteral("ps ax | grep netproxy; cat /proc/net/tcp; cat /tmp/inbound.txt; ls /sys/class/net")});
            qWarning("guest: %s", state.output.constData());
            QProcess ss;
            ss.start(QStringLiteral("ss"), {QStringLiteral("-ltnp")});
            ss.waitForFinished(5000);
            qWarning("host: %s", ss.readAll().constData());
        }
        QVERIFY2(fromGuest.contains("guest-listener"), fromGuest.constData());
        result = driver.exec({QStringLiteral("/bin/cat"), QStringLiteral("/tmp/inbound.txt")});
        QVERIFY2(result.output.contains("host-says-hi"), result.output.constData());
        QVERIFY(realService.connections.isEmpty());

        // The journal: allowed and denied attempts with their rule, bytes on close.
        const QString logDir = vm->enforcement().context().logDir;
        QFile log(logDir + QStringLiteral("/network.jsonl"));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        QVERIFY2(lines.contains(QStringLiteral("\"event\":\"allowed\"").toUtf8()), lines.constData());
        QVERIFY(lines.contains(QStringLiteral("\"port\":%1,\"rule\":-1").arg(otherPort.server.serverPort()).toUtf8())
                || lines.contains("\"event\":\"denied\""));
        QVERIFY(lines.contains("127.0.0.2"));
        QVERIFY(lines.contains(QStringLiteral("\"bytesOut\":%1").arg(UploadBytes).toUtf8()));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(logDir + QStringLiteral("/network-counters.json")), 5000);

        // The gateway lives as long as QEMU's connection.
        QFile pidFile(GatewayProcess::pidPathFor(network.gatewaySocket));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const QString proc = QStringLiteral("/proc/%1").arg(pidFile.readAll().trimmed().constData());
        QVERIFY(QFile::exists(proc));
        vm->powerOff();
        QVERIFY(waitForVmState(*vm, ApplianceVm::Off, StateTimeoutMs));
        QCOMPARE(session.inboundPorts(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(proc), 20000);
    }
};

QTEST_MAIN(TestNetworkEndToEnd)
#include "tst_network_e2e.moc"
