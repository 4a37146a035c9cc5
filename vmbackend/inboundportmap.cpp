#include "inboundportmap.h"

#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QScopeGuard>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr qint64 MaxFileBytes = 64 * 1024;
constexpr int MaxForwards = 1024;
constexpr int LowestHostPort = 1024; // below needs privileges, and is where well-known services live

/// A socket listening on 127.0.0.1:@p port (0: any free port), as QEMU's forward would
/// (SO_REUSEADDR, like slirp); -1 when the port is taken.
int listenOnLoopback(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    const int on = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Listening, not only bound: two SO_REUSEADDR sockets may both bind a port nobody listens on.
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(fd, 1) != 0) {
        const int error = errno;
        ::close(fd);
        errno = error;
        return -1;
    }
    return fd;
}

quint16 boundPort(int fd)
{
    sockaddr_in address{};
    socklen_t length = sizeof address;
    return ::getsockname(fd, reinterpret_cast<sockaddr *>(&address), &length) == 0 ? ntohs(address.sin_port) : 0;
}

} // namespace

QList<HostForward> InboundPortMap::read(const QString &instanceDir)
{
    QFile file(path(instanceDir));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject object = QJsonDocument::fromJson(file.read(MaxFileBytes)).object();
    if (object.value(QStringLiteral("version")).toInt() != 1)
        return {};
    QList<HostForward> forwards;
    for (const QJsonValue &value : object.value(QStringLiteral("forwards")).toArray()) {
        const int guest = value.toObject().value(QStringLiteral("guestPort")).toInt();
        const int host = value.toObject().value(QStringLiteral("hostPort")).toInt();
        if (guest < 1 || guest > 65535 || host < LowestHostPort || host > 65535 || forwards.size() >= MaxForwards)
            return {}; // not what assign() writes: choose anew
        forwards.append({host, guest});
    }
    return forwards;
}

QList<HostForward> InboundPortMap::withRecordedPorts(const QString &instanceDir, QList<HostForward> forwards)
{
    QHash<int, int> recorded;
    for (const HostForward &forward : read(instanceDir))
        recorded.insert(forward.guestPort, forward.hostPort);
    for (HostForward &forward : forwards)
        forward.hostPort = recorded.value(forward.guestPort, 0);
    return forwards;
}

VmError InboundPortMap::assign(const QString &instanceDir, QList<HostForward> *forwards)
{
    if (forwards->isEmpty()) {
        QFile::remove(path(instanceDir)); // no stale ports for tessera-ctl list to show
        return {};
    }
    const QString message = QCoreApplication::translate(
        "InboundPortMap", "No free port on this computer could be set aside for the appliance's incoming connections. "
                          "Close programs you do not need, then start the appliance again.");
    const QList<HostForward> recorded = withRecordedPorts(instanceDir, *forwards);
    QList<int> held; // kept listening until all are chosen: no two forwards get the same port
    const auto release = qScopeGuard([&held] {
        for (int fd : std::as_const(held))
            ::close(fd);
    });
    for (qsizetype i = 0; i < forwards->size(); ++i) {
        const int wanted = recorded.at(i).hostPort;
        int fd = wanted >= LowestHostPort ? listenOnLoopback(quint16(wanted)) : -1;
        if (fd < 0) {
            // The kernel's choice from its ephemeral range: free, high, not guessable in advance.
            fd = listenOnLoopback(0);
            if (wanted > 0)
                qCInfo(lcVmBackend) << "127.0.0.1:" << wanted << "is taken; guest port" << forwards->at(i).guestPort << "moves";
        }
        if (fd < 0)
            return VmError(VmError::StartFailed, message, QString::fromLocal8Bit(std::strerror(errno)));
        held.append(fd);
        (*forwards)[i].hostPort = boundPort(fd);
    }

    QJsonArray list;
    for (const HostForward &forward : std::as_const(*forwards))
        list.append(QJsonObject{{QStringLiteral("guestPort"), forward.guestPort}, {QStringLiteral("hostPort"), forward.hostPort}});
    const QString saveMessage = QCoreApplication::translate(
        "InboundPortMap", "Could not record which ports the appliance's incoming connections use. Check that your data folder is writable.");
    if (!QDir().mkpath(instanceDir))
        return VmError(VmError::DiskFailed, saveMessage, instanceDir);
    QSaveFile file(path(instanceDir));
    if (!file.open(QIODevice::WriteOnly))
        return VmError(VmError::DiskFailed, saveMessage, file.errorString());
    file.write(QJsonDocument(QJsonObject{{QStringLiteral("version"), 1}, {QStringLiteral("forwards"), list}}).toJson());
    if (!file.commit())
        return VmError(VmError::DiskFailed, saveMessage, file.errorString());
    return {};
}

QStringList InboundPortMap::describe(const QList<HostForward> &forwards)
{
    QStringList lines;
    for (const HostForward &forward : forwards) {
        if (forward.hostPort > 0)
            lines.append(QCoreApplication::translate("InboundPortMap", "Port %1 of the appliance is at 127.0.0.1:%2 here.")
                             .arg(forward.guestPort)
                             .arg(forward.hostPort));
    }
    return lines;
}
