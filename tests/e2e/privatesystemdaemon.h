#pragma once
// A private "system" libvirtd for the privileged-connection tests (tst_limits_e2e,
// tst_privilegednetwork_e2e), and what they need around it: listeners inside its network
// namespace and a sink counting what reaches them.
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>

#include "networknamespace.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

/// A private "system" libvirtd: run as root in its own mount and network namespaces
/// (unshare), with libvirt's state folders bound to a folder of the cache. Its network
/// "default" lives only in that namespace, so guest traffic never leaves it. libvirt's
/// standard network filters (clean-traffic and the ones it uses) are copied into its
/// configuration, as libvirt-daemon-config-nwfilter installs them for the real daemon.
class PrivateSystemDaemon
{
public:
    static constexpr const char *BridgeAddress = "192.168.122.1";
    static constexpr const char *NwfilterDir = "/etc/libvirt/nwfilter";

    /// Why it cannot run here, or empty.
    static QString unavailableReason()
    {
        if (geteuid() != 0)
            return QStringLiteral("a private system libvirtd needs root");
        const QStringList sbin{QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")};
        for (const QString &tool : {QStringLiteral("unshare"), QStringLiteral("libvirtd"), QStringLiteral("iptables"),
                                    QStringLiteral("ebtables"), QStringLiteral("dnsmasq"), QStringLiteral("tc"), QStringLiteral("virsh"),
                                    QStringLiteral("ip")}) {
            if (QStandardPaths::findExecutable(tool).isEmpty() && QStandardPaths::findExecutable(tool, sbin).isEmpty())
                return QStringLiteral("%1 is not installed (nwfilter and <bandwidth> need libvirtd, iptables, ebtables, dnsmasq and tc)").arg(tool);
        }
        if (!QFile::exists(QLatin1String(NwfilterDir) + QStringLiteral("/clean-traffic.xml")))
            return QStringLiteral("libvirt's standard network filters are not installed (libvirt-daemon-config-nwfilter)");
        return {};
    }

    explicit PrivateSystemDaemon(const QString &root) : m_root(root) {}
    ~PrivateSystemDaemon() { stop(); }

    /// The network forwards (NAT) to the namespace's other addresses, so the guest gets a
    /// default route; off: an isolated network (no route but the bridge's).
    void setNat(bool nat) { m_nat = nat; }
    /// Addresses given to the namespace's loopback interface (e.g. "198.51.100.1/32"): places
    /// on "this machine" the guest can be sent to, that exist only in the namespace.
    void setExtraAddresses(const QStringList &addresses) { m_extraAddresses = addresses; }

    // qemu+unix: the remote driver, even in a process that also runs the embedded QEMU driver.
    QString uri() const { return QStringLiteral("qemu+unix:///system?socket=") + m_root + QStringLiteral("/run/libvirt-sock"); }
    qint64 pid() const { return m_daemon.processId(); }

    /// Starts the daemon and its network "default" (the bridge at BridgeAddress).
    bool start(QString *error)
    {
        for (const char *dir : {"etc", "etc/nwfilter", "lib", "run", "cache", "log"})
            QDir().mkpath(m_root + QLatin1Char('/') + QLatin1String(dir));
        QFile::remove(m_root + QStringLiteral("/run/libvirt-sock"));
        const QDir filters{QString::fromLatin1(NwfilterDir)};
        for (const QString &name : filters.entryList({QStringLiteral("*.xml")}, QDir::Files)) {
            QFile::remove(m_root + QStringLiteral("/etc/nwfilter/") + name);
            QFile::copy(filters.filePath(name), m_root + QStringLiteral("/etc/nwfilter/") + name);
        }
        writeFile(QStringLiteral("etc/qemu.conf"), "stdio_handler = \"file\"\nremember_owner = 0\nuser = \"root\"\ngroup = \"root\"\n"
                                                   "security_driver = \"none\"\n");
        writeFile(QStringLiteral("etc/libvirtd.conf"), "unix_sock_rw_perms = \"0700\"\n");
        QString script = QStringLiteral("set -e\nmkdir -p /var/lib/libvirt /var/log/libvirt /var/cache/libvirt /run/libvirt\n");
        for (const auto &[dir, target] : {std::pair{"etc", "/etc/libvirt"}, std::pair{"lib", "/var/lib/libvirt"},
                                          std::pair{"run", "/run/libvirt"}, std::pair{"cache", "/var/cache/libvirt"},
                                          std::pair{"log", "/var/log/libvirt"}})
            script += QStringLiteral("mount --bind '%1/%2' %3\n").arg(m_root, QLatin1String(dir), QLatin1String(target));
        script += QStringLiteral("ip link set lo up\n");
        // On loopback: kernels without the dummy device type have it, and the addresses are
        // this namespace's own all the same.
        for (const QString &address : std::as_const(m_extraAddresses))
            script += QStringLiteral("ip addr add %1 dev lo\n").arg(address);
        script += QStringLiteral("exec libvirtd\n");
        writeFile(QStringLiteral("start.sh"), script.toUtf8());
        m_daemon.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_daemon.setStandardOutputFile(m_root + QStringLiteral("/log/libvirtd.out"));
        m_daemon.start(QStringLiteral("unshare"), {QStringLiteral("--mount"), QStringLiteral("--net"), QStringLiteral("--propagation"),
                                                   QStringLiteral("private"), QStringLiteral("sh"), m_root + QStringLiteral("/start.sh")});
        if (!m_daemon.waitForStarted(10000)) {
            *error = QStringLiteral("unshare did not start: ") + m_daemon.errorString();
            return false;
        }
        QDeadlineTimer deadline(60000);
        while (!QFile::exists(m_root + QStringLiteral("/run/libvirt-sock")) && !deadline.hasExpired()
               && m_daemon.state() == QProcess::Running)
            m_daemon.waitForFinished(200); // returns at once when it exits
        if (!QFile::exists(m_root + QStringLiteral("/run/libvirt-sock"))) {
            *error = QStringLiteral("the private libvirtd did not come up; see %1/log").arg(m_root);
            return false;
        }
        writeFile(QStringLiteral("network.xml"),
                  QStringLiteral("<network><name>default</name>%2<bridge name='virbr0'/><ip address='%1' netmask='255.255.255.0'>"
                                 "<dhcp><range start='192.168.122.10' end='192.168.122.100'/></dhcp></ip></network>")
                      .arg(QLatin1String(BridgeAddress), m_nat ? QStringLiteral("<forward mode='nat'/>") : QString())
                      .toUtf8());
        return virsh({QStringLiteral("net-create"), m_root + QStringLiteral("/network.xml")}, error);
    }

    /// Stops the network (its dnsmasq) and the daemon; domains must be off.
    void stop()
    {
        if (m_daemon.state() == QProcess::NotRunning)
            return;
        QString ignored;
        virsh({QStringLiteral("net-destroy"), QStringLiteral("default")}, &ignored);
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(30000))
            m_daemon.kill();
    }

    bool virsh(const QStringList &arguments, QString *error, QString *output = nullptr) const
    {
        QProcess virsh;
        virsh.start(QStringLiteral("virsh"), QStringList{QStringLiteral("-c"), uri()} + arguments);
        if (!virsh.waitForFinished(60000) || virsh.exitCode() != 0) {
            *error = QStringLiteral("virsh %1: %2").arg(arguments.join(QLatin1Char(' ')), QString::fromUtf8(virsh.readAllStandardError()));
            return false;
        }
        if (output)
            *output = QString::fromUtf8(virsh.readAllStandardOutput());
        return true;
    }

private:
    void writeFile(const QString &name, const QByteArray &content) const
    {
        QFile file(m_root + QLatin1Char('/') + name);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(content);
    }

    QString m_root;
    QProcess m_daemon;
    bool m_nat = false;
    QStringList m_extraAddresses;
};

/// A listening TCP socket on @p address:@p port inside the network namespace of process
/// @p pid. -1 on failure.
inline int listenInNamespace(qint64 pid, const char *address, quint16 port)
{
    int listener = -1;
    inNetworkNamespace(pid, [&] {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in sa{};
        sa.sin_family = AF_INET;
        sa.sin_port = htons(port);
        ::inet_pton(AF_INET, address, &sa.sin_addr);
        const int on = 1;
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        if (fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa) == 0 && ::listen(fd, 8) == 0)
            listener = fd;
        else if (fd >= 0)
            ::close(fd);
    });
    return listener;
}

/// Counts the connections to one port and the bytes the guest sends there.
struct Sink
{
    QTcpServer server;
    qint64 bytes = 0;
    int connections = 0;

    bool listen(int fd)
    {
        if (fd < 0 || !server.setSocketDescriptor(fd))
            return false;
        QObject::connect(&server, &QTcpServer::newConnection, &server, [this] {
            while (QTcpSocket *socket = server.nextPendingConnection()) {
                ++connections;
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket] { bytes += socket->readAll().size(); });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        return true;
    }
};
