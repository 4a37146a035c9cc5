// Several libvirt connections side by side on real parts: the local embedded QEMU driver and a
// real qemu+ssh:// host (sshd on a free loopback port in front of a private system libvirtd),
// plus a closed port and a host that accepts TCP but never speaks SSH.
#include "connectionlistmodel.h"
#include "connectionsettings.h"
#include "hypervisor.h"
#include "libvirtconnection.h"
#include "tesserapaths.h"
#include "connectionlist.h"
#include "volumeupload.h"
#include "appliancecatalog.h"
#include "appliancelistmodel.h"
#include "appliancesession.h"
#include "agentchannel.h"
#include "appliancevm.h"
#include "domainxmlbuilder.h"
#include "gatewayprocess.h"
#include "guestdriver.h"
#include "networkcontract.h"
#include "privatetoolscache.h"
#include "quarantinestore.h"
#include "remotedisks.h"
#include "remotelaunchjob.h"
#include "sshtunnel.h"
#include "spiceconnection.h"

#include <QCryptographicHash>
#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QProcess>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <atomic>
#include <csignal>
#include <memory>

#include <poll.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

const char ProbeDomain[] = "tessera-remote-probe";

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString findTool(const QString &tool)
{
    const QString found = QStandardPaths::findExecutable(tool);
    return found.isEmpty() ? QStandardPaths::findExecutable(tool, {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin")}) : found;
}

bool writeFile(const QString &path, const QByteArray &content, QFile::Permissions permissions = {})
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        return false;
    file.close();
    return permissions == QFile::Permissions() || file.setPermissions(permissions);
}

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 0;
    return probe.serverPort();
}

/// A "remote host" on this machine: sshd on 127.0.0.1:PORT only, accepting one key the test
/// made, in front of a private system libvirtd. Both run in a mount namespace of their own
/// (unshare) where libvirt's state folders are bound to a folder of the cache, so the session
/// that ssh starts (virt-ssh-helper qemu:///system) reaches this daemon and no other.
class LoopbackSshHost
{
public:
    static QString unavailableReason()
    {
        if (geteuid() != 0)
            return QStringLiteral("needs root: a private system libvirtd and sshd with root's key login");
        for (const QString &tool : {QStringLiteral("sshd"), QStringLiteral("ssh"), QStringLiteral("ssh-keygen"), QStringLiteral("libvirtd"),
                                    QStringLiteral("virt-ssh-helper"), QStringLiteral("unshare"), QStringLiteral("virsh")}) {
            if (findTool(tool).isEmpty())
                return QStringLiteral("%1 is not installed (scripts/setup installs openssh-server, libvirt-daemon, libvirt-clients)").arg(tool);
        }
        return {};
    }

    LoopbackSshHost(const QString &stateRoot, const QString &sshDir) : m_root(stateRoot), m_ssh(sshDir) {}
    ~LoopbackSshHost() { stop(); }

    quint16 port() const { return m_port; }
    /// The ssh wrapper libvirt runs (URI parameter command=): this test's key and known_hosts only.
    QString sshCommand() const { return m_ssh + QStringLiteral("/ssh"); }
    QString uri(quint16 port) const
    {
        return QStringLiteral("qemu+ssh://root@127.0.0.1:%1/system?command=%2").arg(port).arg(sshCommand());
    }
    /// The daemon's socket seen from this namespace, for preparing it with virsh.
    QString localUri() const { return QStringLiteral("qemu+unix:///system?socket=") + m_root + QStringLiteral("/run/libvirt-sock"); }

    bool start(QString *error)
    {
        m_port = freeLoopbackPort();
        for (const char *dir : {"etc", "lib", "run", "cache", "log"})
            QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(dir));
        QFile::remove(m_root + QStringLiteral("/run/libvirt-sock"));
        // A daemon left by an earlier run of this test that crashed holds the pid file: end it.
        const qint64 stale = readFile(m_root + QStringLiteral("/run/libvirtd.pid")).trimmed().toLongLong();
        if (stale > 1 && readFile(QStringLiteral("/proc/%1/cmdline").arg(stale)).contains(m_root.toUtf8() + "/run/libvirtd.pid"))
            ::kill(pid_t(stale), SIGTERM);
        if (!keygen(QStringLiteral("hostkey"), error) || !keygen(QStringLiteral("client"), error))
            return false;
        const QByteArray hostKey = readFile(m_ssh + QStringLiteral("/hostkey.pub")).split(' ').mid(0, 2).join(' ');
        const QString ssh = m_ssh;
        bool written = writeFile(m_ssh + QStringLiteral("/authorized_keys"), readFile(m_ssh + QStringLiteral("/client.pub")))
            && writeFile(m_ssh + QStringLiteral("/known_hosts"), QStringLiteral("[127.0.0.1]:%1 ").arg(m_port).toUtf8() + hostKey + '\n')
            && writeFile(m_ssh + QStringLiteral("/sshd_config"),
                         QStringLiteral("ListenAddress 127.0.0.1\nPort %1\nHostKey %2/hostkey\nAuthorizedKeysFile %2/authorized_keys\n"
                                        "PermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
                                        "UsePAM no\nStrictModes no\nPidFile %2/sshd.pid\n").arg(m_port).arg(ssh).toUtf8())
            // Host key checked against the test's known_hosts; never a prompt (BatchMode).
            && writeFile(sshCommand(),
                         QStringLiteral("#!/bin/sh\nexec ssh -F none -o UserKnownHostsFile=%1/known_hosts -o StrictHostKeyChecking=yes "
                                        "-o IdentitiesOnly=yes -i %1/client -o BatchMode=yes \"$@\"\n").arg(ssh).toUtf8(),
                         QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)
            && writeFile(m_root + QStringLiteral("/etc/qemu.conf"),
                         "stdio_handler = \"file\"\nremember_owner = 0\nuser = \"root\"\ngroup = \"root\"\nsecurity_driver = \"none\"\n")
            && writeFile(m_root + QStringLiteral("/etc/libvirtd.conf"), "unix_sock_rw_perms = \"0700\"\n");
        QString script = QStringLiteral("set -e\nmkdir -p /var/lib/libvirt /var/log/libvirt /var/cache/libvirt /run/libvirt /run/sshd\n");
        for (const auto &[dir, target] : {std::pair{"etc", "/etc/libvirt"}, std::pair{"lib", "/var/lib/libvirt"},
                                          std::pair{"run", "/run/libvirt"}, std::pair{"cache", "/var/cache/libvirt"},
                                          std::pair{"log", "/var/log/libvirt"}})
            script += QStringLiteral("mount --bind '%1/%2' %3\n").arg(m_root, QLatin1String(dir), QLatin1String(target));
        // Its own pid file: the host's /run/libvirtd.pid may belong to another daemon.
        script += QStringLiteral("libvirtd -p '%1/run/libvirtd.pid' >'%1/log/libvirtd.out' 2>&1 &\n"
                                 "exec %2 -D -e -f '%3/sshd_config'\n").arg(m_root, findTool(QStringLiteral("sshd")), ssh);
        written = written && writeFile(m_ssh + QStringLiteral("/start.sh"), script.toUtf8());
        if (!written) {
            *error = QStringLiteral("could not write the ssh and libvirt configuration");
            return false;
        }
        m_host.setProcessChannelMode(QProcess::MergedChannels);
        m_host.setStandardOutputFile(m_ssh + QStringLiteral("/sshd.log"));
        m_host.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("--propagation"), QStringLiteral("private"),
                                                 QStringLiteral("sh"), m_ssh + QStringLiteral("/start.sh")});
        if (!m_host.waitForStarted(10000)) {
            *error = QStringLiteral("unshare did not start: ") + m_host.errorString();
            return false;
        }
        QDeadlineTimer deadline(60000);
        while (!(QFile::exists(m_root + QStringLiteral("/run/libvirt-sock")) && listening()) && !deadline.hasExpired()
               && m_host.state() == QProcess::Running)
            m_host.waitForFinished(200); // returns at once when it exits
        if (!QFile::exists(m_root + QStringLiteral("/run/libvirt-sock")) || !listening()) {
            *error = QStringLiteral("sshd or the private libvirtd did not come up: %1 / %2/log/libvirtd.out: %3")
                         .arg(QString::fromUtf8(readFile(m_ssh + QStringLiteral("/sshd.log"))), m_root,
                              QString::fromUtf8(readFile(m_root + QStringLiteral("/log/libvirtd.out"))));
            return false;
        }
        return true;
    }

    void stop()
    {
        if (m_host.state() == QProcess::NotRunning)
            return;
        const qint64 daemon = readFile(m_root + QStringLiteral("/run/libvirtd.pid")).trimmed().toLongLong();
        // A pidfd is readable once the daemon (not our child) has exited: waited on, with a deadline.
        const int exited = daemon > 1 ? int(::syscall(SYS_pidfd_open, pid_t(daemon), 0)) : -1;
        if (daemon > 1)
            ::kill(pid_t(daemon), SIGTERM);
        m_host.terminate(); // sshd (unshare and sh exec'd it)
        if (!m_host.waitForFinished(30000))
            m_host.kill();
        if (exited >= 0) {
            pollfd watch{exited, POLLIN, 0};
            ::poll(&watch, 1, 30000);
            ::close(exited);
        }
    }

    bool virsh(const QStringList &arguments, QString *error, QString *output = nullptr) const
    {
        QProcess virsh;
        virsh.start(QStringLiteral("virsh"), QStringList{QStringLiteral("-c"), localUri()} + arguments);
        if (!virsh.waitForFinished(180000) || virsh.exitCode() != 0) {
            *error = QStringLiteral("virsh %1: %2").arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(virsh.readAllStandardError()));
            return false;
        }
        if (output)
            *output = QString::fromUtf8(virsh.readAllStandardOutput());
        return true;
    }

private:
    bool listening() const
    {
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, m_port);
        return socket.waitForConnected(500);
    }

    bool keygen(const QString &name, QString *error) const
    {
        QFile::remove(m_ssh + QLatin1Char('/') + name);
        QFile::remove(m_ssh + QLatin1Char('/') + name + QStringLiteral(".pub"));
        QProcess keygen;
        keygen.start(QStringLiteral("ssh-keygen"), {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                                                    QString(), QStringLiteral("-f"), m_ssh + QLatin1Char('/') + name});
        if (!keygen.waitForFinished(30000) || keygen.exitCode() != 0) {
            *error = QStringLiteral("ssh-keygen failed: ") + QString::fromUtf8(keygen.readAllStandardError());
            return false;
        }
        return true;
    }

    QString m_root;
    QString m_ssh;
    quint16 m_port = 0;
public:
    QString root() const { return m_root; }
private:
    QProcess m_host;
};

} // namespace

class TestConnectionsE2E : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_temp;
    std::unique_ptr<LoopbackSshHost> m_host;

    static int statusOf(const ConnectionListModel &model, int row)
    {
        return model.data(model.index(row), ConnectionListModel::StatusRole).toInt();
    }
    static QString roleText(const ConnectionListModel &model, int row, int role)
    {
        return model.data(model.index(row), role).toString();
    }


    static QByteArray sha256(const QString &path)
    {
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        return file.open(QIODevice::ReadOnly) && hash.addData(&file) ? hash.result() : QByteArray();
    }

    /// Runs VolumeUpload on @p connection's worker and waits for it (QTRY: fails the test on timeout).
    VolumeUpload::Result upload(LibvirtConnection &connection, const QString &file, const QString &volume,
                                std::atomic<int> *progressCalls, std::atomic<qint64> *lastProgress)
    {
        VolumeUpload::Result result;
        result.error = VmError(VmError::Timeout, QStringLiteral("the upload did not finish within 10 minutes"));
        bool done = false;
        const QString pool = m_host->root() + QStringLiteral("/pool");
        connection.call<VolumeUpload::Result>(this, [=](_virConnect *raw) {
            return VolumeUpload::run(raw, QStringLiteral("tessera-e2e"), pool, file, volume, [=](qint64 sent, qint64) {
                ++*progressCalls;
                *lastProgress = sent;
            });
        }, [&](const VolumeUpload::Result &value) {
            result = value;
            done = true;
        });
        QDeadlineTimer deadline(600000);
        while (!done && !deadline.hasExpired())
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 1000);
        return result;
    }

    /// What the functions leave on the host: at the end, and at the start after a run that was
    /// killed before its end (QEMU and the copies outlive it).
    void removeWhatTheTestsMake()
    {
        QString ignored;
        // An ssh master a failed check left open (the shell keeps them by design).
        SshTunnel(ConnectionList::uriForOpening(m_host->uri(m_host->port())), TesseraPaths::runtimeDir() + QStringLiteral("/terminal.ssh")).close();
        m_host->virsh({QStringLiteral("destroy"), QStringLiteral("tessera-terminal")}, &ignored);
        m_host->virsh({QStringLiteral("undefine"), QStringLiteral("tessera-terminal")}, &ignored);
        // The uploaded copies go (hundreds of MiB each), with their pools.
        for (const char *volume : {"terminal-base.qcow2", "terminal-base.qcow2.done", "small.img", "small.img.done"})
            m_host->virsh({QStringLiteral("vol-delete"), QLatin1String(volume), QStringLiteral("--pool"), QStringLiteral("tessera-e2e")}, &ignored);
        for (const QString &pool : {QStringLiteral("tessera-e2e"), QString::fromLatin1(RemoteDisks::PoolName)}) {
            m_host->virsh({QStringLiteral("pool-destroy"), pool}, &ignored);
            m_host->virsh({QStringLiteral("pool-undefine"), pool}, &ignored);
        }
        QDir(m_host->root() + QStringLiteral("/pool")).removeRecursively();
        QDir(m_host->root() + QStringLiteral("/lib/images/tessera")).removeRecursively();
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString reason = LoopbackSshHost::unavailableReason();
        if (!reason.isEmpty())
            QSKIP(qPrintable(QStringLiteral("This machine cannot run the loopback SSH host: ") + reason));
        QVERIFY(m_temp.isValid());
        // Own data, settings and runtime folders: nothing shared with a shell or another test.
        qputenv("TESSERA_DATA_DIR", m_temp.filePath(QStringLiteral("data")).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_temp.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", m_temp.filePath(QStringLiteral("runtime")).toUtf8());
        QDir().mkpath(m_temp.filePath(QStringLiteral("runtime")));
        QDir().mkpath(m_temp.filePath(QStringLiteral("ssh")));
        QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_connections_e2e"));

        m_host = std::make_unique<LoopbackSshHost>(TesseraPaths::cacheDir() + QStringLiteral("/e2e-connections-system"),
                                                   m_temp.filePath(QStringLiteral("ssh")));
        QString error;
        QVERIFY2(m_host->start(&error), qPrintable(error));
        // Something for the remote host to list: a domain defined there (never started).
        const QString xml = m_temp.filePath(QStringLiteral("probe.xml"));
        QVERIFY(writeFile(xml, QStringLiteral("<domain type='qemu'><name>%1</name><memory unit='MiB'>64</memory>"
                                              "<os><type arch='x86_64'>hvm</type></os></domain>").arg(QLatin1String(ProbeDomain)).toUtf8()));
        QString ignored;
        m_host->virsh({QStringLiteral("undefine"), QLatin1String(ProbeDomain)}, &ignored);
        removeWhatTheTestsMake();
        QVERIFY2(m_host->virsh({QStringLiteral("define"), xml}, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_host) {
            removeWhatTheTestsMake();
            QString ignored;
            m_host->virsh({QStringLiteral("undefine"), QLatin1String(ProbeDomain)}, &ignored);
            m_host->stop();
        }
    }

    void localAndRemoteSideBySide()
    {
        // The host that never answers: TCP accepted, no SSH banner, ever (until the test closes it).
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        QList<QTcpSocket *> held;
        connect(&silent, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket *socket = silent.nextPendingConnection())
                held.append(socket);
        });
        const quint16 closedPort = freeLoopbackPort();

        ConnectionSettings localSettings;
        localSettings.uri = QStringLiteral("qemu:///embed?root=") + TesseraPaths::cacheDir() + QStringLiteral("/e2e-connections-libvirt");
        Hypervisor local(localSettings);
        local.open();
        ConnectionListModel model(&local);
        model.appendEntry({QStringLiteral("loopback-ssh"), m_host->uri(m_host->port())});
        model.appendEntry({QStringLiteral("closed-port"), m_host->uri(closedPort)});
        model.appendEntry({QStringLiteral("silent-host"), m_host->uri(silent.serverPort())});
        QCOMPARE(model.rowCount(), 4);

        // The GUI thread stays free: a 50 ms timer must keep ticking while all four open.
        QElapsedTimer sinceTick;
        qint64 longestGap = 0;
        QTimer ticker;
        ticker.setInterval(50);
        connect(&ticker, &QTimer::timeout, this, [&] {
            longestGap = qMax(longestGap, sinceTick.restart());
        });
        sinceTick.start();
        ticker.start();
        QElapsedTimer opening;
        opening.start();
        model.openAll();

        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 2), int(ConnectionListModel::Failed), 60000);
        const qint64 failedAfter = opening.elapsed();
        // libvirt reports ssh's own words, or (when its first write wins the race) the broken pipe.
        const QString message = roleText(model, 2, ConnectionListModel::ErrorMessageRole);
        const QString details = roleText(model, 2, ConnectionListModel::ErrorDetailsRole);
        QVERIFY2(message.contains(QLatin1String("closed-port")) && message.contains(QLatin1String("refused")), qPrintable(message));
        QVERIFY2(details.contains(QLatin1String("Connection refused")) || details.contains(QLatin1String("Broken pipe")),
                 qPrintable(details));

        QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(1), ConnectionListModel::DomainsRole).toStringList().contains(QLatin1String(ProbeDomain)),
                                 240000);
        QCOMPARE(statusOf(model, 1), int(ConnectionListModel::Connected));
        const qint64 remoteAfter = opening.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(model, 0), int(ConnectionListModel::Connected), 300000);
        QTRY_VERIFY_WITH_TIMEOUT(!roleText(model, 0, ConnectionListModel::HostnameRole).isEmpty(), 60000);
        // The local embedded driver does not see the remote host's domain: two different hypervisors.
        QVERIFY(!model.data(model.index(0), ConnectionListModel::DomainsRole).toStringList().contains(QLatin1String(ProbeDomain)));
        // The silent host still hangs in ssh on its own worker; everyone else has settled.
        QVERIFY(!held.isEmpty());
        QCOMPARE(statusOf(model, 3), int(ConnectionListModel::Connecting));
        ticker.stop();
        qInfo("closed port failed after %lld ms, remote listed its domains after %lld ms; longest GUI gap %lld ms",
              failedAfter, remoteAfter, longestGap);
        QVERIFY2(longestGap < 2000, qPrintable(QStringLiteral("GUI thread blocked for %1 ms").arg(longestGap)));

        // Removing the hanging one returns at once; its worker finishes when the host goes away.
        QPointer<LibvirtConnection> hanging = model.connection(3);
        QElapsedTimer removing;
        removing.start();
        model.remove(3);
        const qint64 removeMs = removing.elapsed();
        qInfo("remove() of the hanging connection took %lld ms", removeMs);
        QVERIFY(removeMs < 1000);
        QCOMPARE(model.rowCount(), 3);
        qDeleteAll(held);
        held.clear();
        silent.close();
        QTRY_VERIFY_WITH_TIMEOUT(hanging.isNull(), 60000);

        // Test on the remote one lists again over the same ssh connection.
        QSignalSpy settled(&model, &ConnectionListModel::settled);
        model.test(1);
        QVERIFY(settled.wait(60000));
        QVERIFY(model.data(model.index(1), ConnectionListModel::DomainsRole).toStringList().contains(QLatin1String(ProbeDomain)));
        QCOMPARE(statusOf(model, 2), int(ConnectionListModel::Failed));
    }

    void uploadsTheBaseImageOnce()
    {
        const QString base = TesseraPaths::applianceImagesDir() + QStringLiteral("/terminal/current/base.qcow2");
        QVERIFY2(QFile::exists(base), qPrintable(base + QStringLiteral(" is missing: build it with scripts/build-appliances")));
        LibvirtConnection remote(ConnectionList::uriForOpening(m_host->uri(m_host->port())));
        QSignalSpy opened(&remote, &LibvirtConnection::opened);
        remote.open();
        QVERIFY(opened.wait(60000));

        std::atomic<int> calls{0};
        std::atomic<qint64> last{0};
        QElapsedTimer timer;
        timer.start();
        VolumeUpload::Result first = upload(remote, base, QStringLiteral("terminal-base.qcow2"), &calls, &last);
        const qint64 ms = timer.elapsed();
        QVERIFY2(!first.error.isError(), qPrintable(first.error.toString()));
        QVERIFY(!first.reused);
        const qint64 size = QFileInfo(base).size();
        QCOMPARE(first.bytesSent, size);
        QCOMPARE(last.load(), size);
        QVERIFY(calls.load() >= int(size / (8 * 1024 * 1024)));
        QCOMPARE(first.volumePath, m_host->root() + QStringLiteral("/pool/terminal-base.qcow2"));
        qInfo("uploaded %lld MiB over qemu+ssh in %lld ms (%.1f MiB/s), %d progress reports", size >> 20, ms,
              double(size) / 1048576.0 / (double(qMax<qint64>(ms, 1)) / 1000.0), calls.load());
        // The "remote" host is this machine: its copy must be byte for byte the image.
        QCOMPARE(sha256(first.volumePath), sha256(base));

        calls = 0;
        const VolumeUpload::Result again = upload(remote, base, QStringLiteral("terminal-base.qcow2"), &calls, &last);
        QVERIFY2(!again.error.isError(), qPrintable(again.error.toString()));
        QVERIFY(again.reused);
        QCOMPARE(again.bytesSent, 0);
        QCOMPARE(calls.load(), 0);

        // An upload that never finished (no marker) is not trusted: it is sent again.
        const QString small = m_temp.filePath(QStringLiteral("small.img"));
        QByteArray content(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        for (int i = 0; i < content.size(); ++i)
            content[i] = char((i * 131) ^ (i >> 9));
        QVERIFY(writeFile(small, content));
        QVERIFY(!upload(remote, small, QStringLiteral("small.img"), &calls, &last).error.isError());
        QString error;
        QVERIFY2(m_host->virsh({QStringLiteral("vol-delete"), QStringLiteral("small.img.done"), QStringLiteral("--pool"),
                                QStringLiteral("tessera-e2e")}, &error), qPrintable(error));
        const VolumeUpload::Result redo = upload(remote, small, QStringLiteral("small.img"), &calls, &last);
        QVERIFY2(!redo.error.isError(), qPrintable(redo.error.toString()));
        QVERIFY(!redo.reused);
        QCOMPARE(redo.bytesSent, qint64(content.size()));
        QCOMPARE(sha256(redo.volumePath), sha256(small));
    }

    /// An appliance runs on the other host: its disks are copied there, it boots there, its
    /// display and agent come through the ssh tunnel, its network goes through this computer's
    /// gateway (allowed port reached, another refused), store folders are withheld, and
    /// stopping closes the tunnel; roll back deletes its system disk there.
    void launchesOnTheOtherHost()
    {
        QString problem;
        const QString cache = makePrivateToolsCache(QDir::homePath() + QStringLiteral("/.cache/tessera"), QStringLiteral("e2e-remote-cache"),
                                                    {QStringLiteral("--agent"), QStringLiteral(TESSERA_AGENT),
                                                     QStringLiteral("--netproxy"), QStringLiteral(TESSERA_NETPROXY)},
                                                    &problem);
        QVERIFY2(!cache.isEmpty(), qPrintable(problem));
        qputenv("TESSERA_CACHE_DIR", cache.toUtf8());
        qputenv("TESSERA_GATEWAY", TESSERA_GATEWAY_EXE);
        const ApplianceImage image = ApplianceCatalog::find(TesseraPaths::applianceImagesDir(), QStringLiteral("terminal"));
        QVERIFY2(image.isComplete(), "the terminal appliance is not built: run scripts/setup");

        LibvirtConnection remote(ConnectionList::uriForOpening(m_host->uri(m_host->port())));
        QSignalSpy opened(&remote, &LibvirtConnection::opened);
        remote.open();
        QVERIFY(opened.wait(60000));
        ApplianceVm vm(&remote, image, Accelerator::Tcg);
        QVERIFY(vm.setHost(&remote, QStringLiteral("loopback-ssh"), true));
        QVERIFY(vm.isRemote());
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() != ApplianceVm::Unknown, 30000);
        QCOMPARE(vm.state(), ApplianceVm::Off);

        // Its own contract shares Documents: withheld on another host, nothing exported.
        QVERIFY(vm.loadContract(false));
        QVERIFY(!vm.enforcement().contract().mounts.isEmpty());
        QCOMPARE(vm.enforcement().status(ContractElement::Mounts), EnforcementStatus::Withheld);
        QVERIFY(vm.enforcement().spec().sharedFolders.isEmpty());
        QVERIFY(!DomainXmlBuilder::build(vm.spec()).contains(QLatin1String("<filesystem")));

        // A contract that allows one port on this computer's loopback.
        QTcpServer allowed, other;
        QVERIFY(allowed.listen(QHostAddress::LocalHost));
        QVERIFY(other.listen(QHostAddress::LocalHost));
        QByteArray received;
        connect(&allowed, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = allowed.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&received, socket] {
                received += socket->readAll();
                if (received.contains('\n')) {
                    socket->write("hello-from-this-computer\n");
                    socket->disconnectFromHost();
                }
            });
        });
        int otherConnections = 0;
        connect(&other, &QTcpServer::newConnection, this, [&] { ++otherConnections; });
        vm.setContract(networkContract(QStringLiteral("terminal"),
                                       networkRule(QStringLiteral("tcp"), QStringLiteral("127.0.0.1"), QString::number(allowed.serverPort()))),
                       false);
        QVERIFY(vm.enforcement().spec().network.enabled);
        QCOMPARE(vm.enforcement().status(ContractElement::NetworkRules), EnforcementStatus::Enforced);

        // A copy of an older kernel there, left by an earlier version of the appliance: the
        // launch deletes it.
        QString error, output;
        const QString stale = QStringLiteral("terminal-000000000000-vmlinuz");
        if (!m_host->virsh({QStringLiteral("pool-info"), QLatin1String(RemoteDisks::PoolName)}, &error)) {
            QVERIFY2(m_host->virsh({QStringLiteral("pool-create-as"), QLatin1String(RemoteDisks::PoolName), QStringLiteral("dir"),
                                    QStringLiteral("--target"), QLatin1String(RemoteDisks::PoolPath), QStringLiteral("--build")}, &error),
                     qPrintable(error));
        }
        QVERIFY2(m_host->virsh({QStringLiteral("vol-create-as"), QLatin1String(RemoteDisks::PoolName), stale, QStringLiteral("1M")}, &error),
                 qPrintable(error));

        QSignalSpy failed(&vm, &ApplianceVm::failed);
        QElapsedTimer launch;
        launch.start();
        vm.start();
        QTRY_VERIFY_WITH_TIMEOUT(vm.state() == ApplianceVm::Running || vm.state() == ApplianceVm::Failed, 600000);
        QVERIFY2(vm.state() == ApplianceVm::Running, qPrintable(vm.lastError().toString()));
        const qint64 launchMs = launch.elapsed();

        // It runs in the other host's daemon, on a system disk in that host's pool.
        QVERIFY2(m_host->virsh({QStringLiteral("domstate"), QStringLiteral("tessera-terminal")}, &error, &output), qPrintable(error));
        QCOMPARE(output.trimmed(), QStringLiteral("running"));
        QVERIFY2(m_host->virsh({QStringLiteral("dumpxml"), QStringLiteral("tessera-terminal")}, &error, &output), qPrintable(error));
        QVERIFY2(output.contains(QLatin1String(RemoteDisks::PoolPath) + QLatin1Char('/') + RemoteDisks::overlayName(QStringLiteral("terminal"))),
                 qPrintable(output));
        // QEMU's guestfwd there goes to the tunnel's socket, not to a file of this computer.
        QVERIFY2(output.contains(QLatin1String("-unix:/tmp/tessera-")), qPrintable(output));
        QVERIFY(!output.contains(vm.spec().network.gatewaySocket));
        QVERIFY2(m_host->virsh({QStringLiteral("vol-list"), QLatin1String(RemoteDisks::PoolName)}, &error, &output), qPrintable(error));
        QVERIFY2(!output.contains(stale) && output.contains(QLatin1String("-vmlinuz")), qPrintable(output));

        // tessera-ctl --host NAME (a host stored as the shell stores it) sees it running there.
        {
            QSettings stored(QDir(qEnvironmentVariable("XDG_CONFIG_HOME")).filePath(QStringLiteral("Tessera/tessera.conf")), QSettings::IniFormat);
            ConnectionList::saveRemote(stored, {{QStringLiteral("loopback-ssh"), m_host->uri(m_host->port())}});
            stored.sync();
            QProcess ctl;
            ctl.start(QStringLiteral(TESSERA_CTL), {QStringLiteral("--host"), QStringLiteral("LOOPBACK-SSH"), QStringLiteral("list")});
            QVERIFY(ctl.waitForFinished(120000));
            const QByteArray listed = ctl.readAllStandardOutput();
            QVERIFY2(ctl.exitCode() == 0 && listed.contains("terminal\trunning"), listed + ctl.readAllStandardError());
        }

        // Display and agent through the tunnel.
        SpiceConnection spice;
        GuestDriver driver(&spice);
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(300000), qPrintable(driver.lastFailure()));
        qInfo("launched on the other host in %lld ms (copies of the disks included); agent up after %lld ms", launchMs, launch.elapsed());

        // Network: through this computer's gateway, held to the contract.
        const auto connectFromGuest = [&driver](const QString &input, quint16 port) {
            const QString command = QStringLiteral("%1 | /opt/tessera/tessera-netproxy connect 127.0.0.1 %2 2>&1").arg(input).arg(port);
            return driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"), command}, 60000);
        };
        // The guest's proxy links to the gateway here once the guest's network is up (it retries
        // with a back-off) and greets it: the gateway says so in its log. ("guest link connected"
        // is QEMU's end of the tunnel, there from the start: not enough.)
        const QString gatewayLog = GatewayProcess::pidPathFor(vm.spec().network.gatewaySocket) + QStringLiteral(".log");
        QTRY_VERIFY_WITH_TIMEOUT(readFile(gatewayLog).contains("guest proxy greeted"), 120000);
        // On failure: what the gateway here and the ssh master saw.
        const auto evidence = [&vm](const GuestDriver::ExecResult &result) {
            const QString gateway = vm.spec().network.gatewaySocket;
            return QString::fromUtf8(result.output) + QStringLiteral("\n--- gateway log:\n")
                + QString::fromUtf8(readFile(GatewayProcess::pidPathFor(gateway) + QStringLiteral(".log")).right(4000))
                + QStringLiteral("\n--- ssh master log:\n")
                + QString::fromUtf8(readFile(TesseraPaths::runtimeDir() + QStringLiteral("/terminal.ssh.log")).right(4000));
        };
        GuestDriver::ExecResult result = connectFromGuest(QStringLiteral("echo hello-from-the-other-host"), allowed.serverPort());
        QVERIFY2(result.finished, qPrintable(driver.lastFailure()));
        QVERIFY2(result.status == 0 && result.output.contains("hello-from-this-computer"), qPrintable(evidence(result)));
        QVERIFY(received.contains("hello-from-the-other-host"));
        result = connectFromGuest(QStringLiteral("echo x"), other.serverPort());
        QVERIFY(result.finished);
        QVERIFY2(result.status != 0 && result.output.contains("refused"), result.output.constData());
        QCOMPARE(otherConnections, 0);

        // Restore points stay on this computer: refused with a message.
        vm.takeRestorePoint();
        QVERIFY(!failed.isEmpty());
        QVERIFY2(vm.lastError().message().contains(QLatin1String("loopback-ssh")), qPrintable(vm.lastError().message()));

        // The ssh master dies (as when the shell is killed): refresh forwards the display again,
        // and the network through a new gateway here, to which QEMU there reconnects.
        const qsizetype greetings = readFile(gatewayLog).count("guest proxy greeted");
        spice.disconnectFromGuest();
        const SshTunnel tunnel(remote.uri(), TesseraPaths::runtimeDir() + QStringLiteral("/terminal.ssh"));
        QVERIFY(tunnel.isOpen());
        tunnel.close();
        QVERIFY(!tunnel.isOpen());
        vm.refresh();
        QTRY_VERIFY_WITH_TIMEOUT(tunnel.isOpen(), 60000);
        QCOMPARE(vm.state(), ApplianceVm::Running);
        spice.connectToUnixSocket(vm.spec().spiceSocket);
        QVERIFY2(driver.waitForSessionUp(120000), qPrintable(driver.lastFailure()));
        QTRY_VERIFY_WITH_TIMEOUT(readFile(gatewayLog).count("guest proxy greeted") > greetings, 60000);
        received.clear();
        result = connectFromGuest(QStringLiteral("echo hello-again"), allowed.serverPort());
        QVERIFY2(result.finished, qPrintable(driver.lastFailure()));
        QVERIFY2(result.status == 0 && result.output.contains("hello-from-this-computer"), qPrintable(evidence(result)));
        QVERIFY(received.contains("hello-again"));

        // A change to the system disk there, then Recover: switched off there, the changes copied
        // into a quarantine here (on the local base, for inspection and salvage), gone there.
        result = driver.exec({QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                              QStringLiteral("for i in $(seq 2048); do echo tessera-remote-incident-marker-0123456789; done > /var/tmp/planted && sync")});
        QVERIFY2(result.finished && result.status == 0, result.output.constData());
        const QString controlPath = TesseraPaths::runtimeDir() + QStringLiteral("/terminal.ssh");
        QVERIFY(QFile::exists(controlPath));
        spice.disconnectFromGuest();
        QSignalSpy recovered(&vm, &ApplianceVm::recovered);
        failed.clear();
        vm.recover(QStringLiteral("test incident on the other host"));
        QTRY_VERIFY_WITH_TIMEOUT(!recovered.isEmpty() || !failed.isEmpty(), 300000);
        QVERIFY2(failed.isEmpty(), qPrintable(vm.lastError().toString()));
        QCOMPARE(vm.state(), ApplianceVm::Off);
        const QString quarantineId = recovered.at(0).at(0).toString();
        const QuarantineStore quarantine(vm.instanceDir());
        QuarantineRecord record;
        QVERIFY(quarantine.read(quarantineId, &record));
        QCOMPARE(QFileInfo(record.backingImage).canonicalFilePath(), QFileInfo(image.baseDisk).canonicalFilePath());
        QFile delta(quarantine.deltaPath(quarantineId));
        QVERIFY(delta.open(QIODevice::ReadOnly));
        bool found = false;
        for (QByteArray block; !found && !(block = delta.read(8 << 20)).isEmpty();)
            found = block.contains("tessera-remote-incident-marker-0123456789");
        QVERIFY2(found, "the guest's write is not in the quarantined delta");
        QVERIFY(!QFile::exists(RemoteLaunchJob::recoveredOverlayPath(vm.instanceDir())));
        QVERIFY2(m_host->virsh({QStringLiteral("vol-list"), QLatin1String(RemoteDisks::PoolName)}, &error, &output), qPrintable(error));
        QVERIFY2(!output.contains(RemoteDisks::overlayName(QStringLiteral("terminal"))), qPrintable(output));
        // Switched off there ends the tunnel.
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(controlPath) && !QFile::exists(vm.spec().spiceSocket), 30000);

        // Roll back while off: nothing is left there to delete, and it says so without failing.
        QSignalSpy rolledBack(&vm, &ApplianceVm::rolledBack);
        vm.rollback();
        QVERIFY(rolledBack.wait(60000));
        QVERIFY2(m_host->virsh({QStringLiteral("vol-list"), QLatin1String(RemoteDisks::PoolName)}, &error, &output), qPrintable(error));
        QVERIFY2(output.contains(QStringLiteral("-base.qcow2")), qPrintable(output)); // the copy stays for the next launch
    }

    /// The shell's own models on the other host: the launcher moves the terminal there by name,
    /// its session launches it, its display and agent come up through the tunnel, its windows'
    /// bars name the host, and it stops. (The card and consent dialog for this are checked by
    /// tst_shelllayout's hostChoice; the layers below by launchesOnTheOtherHost.)
    void shellSessionOnTheOtherHost()
    {
        ConnectionSettings localSettings;
        localSettings.uri = QStringLiteral("qemu:///embed?root=") + QDir::homePath() + QStringLiteral("/.cache/tessera/e2e-connections-libvirt");
        Hypervisor local(localSettings);
        Hypervisor::setInstance(&local);
        local.open();
        ConnectionListModel connections(&local);
        ConnectionListModel::setInstance(&connections);
        connections.appendEntry({QStringLiteral("loopback-ssh"), m_host->uri(m_host->port())});
        const auto cleanup = qScopeGuard([] {
            ConnectionListModel::setInstance(nullptr);
            Hypervisor::setInstance(nullptr);
        });

        ApplianceListModel appliances;
        QTRY_VERIFY_WITH_TIMEOUT(appliances.session(QStringLiteral("terminal")), 30000);
        ApplianceSession *terminal = appliances.session(QStringLiteral("terminal"));
        QTRY_VERIFY_WITH_TIMEOUT(terminal->vm()->state() != ApplianceVm::Unknown, 300000);
        QCOMPARE(appliances.setHost(QStringLiteral("terminal"), QStringLiteral("loopback-ssh")), QString());
        QTRY_VERIFY_WITH_TIMEOUT(terminal->remote(), 60000);
        QCOMPARE(terminal->host(), QStringLiteral("loopback-ssh"));
        QVERIFY2(terminal->windowTitle().contains(QLatin1String("loopback-ssh")), qPrintable(terminal->windowTitle()));
        QVERIFY(!terminal->withheldNote().isEmpty());

        terminal->launch();
        QTRY_VERIFY_WITH_TIMEOUT(terminal->display()->agent()->sessionState() == QLatin1String("up")
                                     || terminal->vm()->state() == ApplianceVm::Failed, 600000);
        QVERIFY2(terminal->vm()->state() == ApplianceVm::Running, qPrintable(terminal->vm()->lastError().toString()));
        QString error, output;
        QVERIFY2(m_host->virsh({QStringLiteral("domstate"), QStringLiteral("tessera-terminal")}, &error, &output), qPrintable(error));
        QCOMPARE(output.trimmed(), QStringLiteral("running"));
        // The display stays connected: no ready-state capture drops it on another host.
        QSignalSpy connectedChanged(terminal->display(), &SpiceConnection::connectedChanged);
        QVERIFY(!connectedChanged.wait(5000));

        terminal->stop();
        QTRY_COMPARE_WITH_TIMEOUT(terminal->vm()->state(), ApplianceVm::Off, 120000);
        QTRY_VERIFY_WITH_TIMEOUT(!QFile::exists(TesseraPaths::runtimeDir() + QStringLiteral("/terminal.ssh")), 30000);
    }
};

QTEST_GUILESS_MAIN(TestConnectionsE2E)
#include "tst_connections_e2e.moc"
