#include "gatewayprocess.h"

#include "gatewaylog.h"
#include "privatedirectory.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

QString GatewayProcess::executable()
{
    const QString configured = qEnvironmentVariable("TESSERA_GATEWAY");
    if (!configured.isEmpty())
        return configured;
    const QString besides = QCoreApplication::applicationDirPath() + QStringLiteral("/tessera-gateway");
    if (QFileInfo(besides).isExecutable())
        return besides;
    return QStandardPaths::findExecutable(QStringLiteral("tessera-gateway"));
}

void GatewayProcess::stop(const QString &pidPath)
{
    QFile file(pidPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const qint64 pid = file.readAll().trimmed().toLongLong();
    file.close();
    QFile::remove(pidPath);
    if (pid <= 1)
        return;
    // Only a gateway: the pid may have been reused since.
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains("tessera-gateway"))
        ::kill(pid_t(pid), SIGTERM);
}

bool GatewayProcess::start(const QString &socketPath, const QString &policyPath, const QString &pidPath, QString *error)
{
    // The socket, pid file and log are made in the socket's folder: only in a private one.
    if (const PrivateDirectory dir = PrivateDirectory::open(QFileInfo(socketPath).absolutePath(), PrivateDirectory::Creation::OpenExisting);
        !dir.isValid()) {
        *error = dir.errorString();
        return false;
    }
    stop(pidPath);
    const QString program = executable();
    if (program.isEmpty()) {
        *error = QStringLiteral("tessera-gateway was not found next to %1 nor on PATH").arg(QCoreApplication::applicationFilePath());
        return false;
    }
    const QByteArray path = QFile::encodeName(socketPath);
    sockaddr_un address {};
    address.sun_family = AF_UNIX;
    if (path.size() >= qsizetype(sizeof(address.sun_path))) {
        *error = QStringLiteral("socket path too long: %1").arg(socketPath);
        return false;
    }
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    // Inherited by the gateway: no SOCK_CLOEXEC.
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return false;
    }
    ::unlink(path.constData());
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof(address)) < 0 || ::listen(fd, 4) < 0) {
        *error = QStringLiteral("cannot listen on %1: %2").arg(socketPath, QString::fromLocal8Bit(std::strerror(errno)));
        ::close(fd);
        return false;
    }
    qint64 pid = 0;
    QProcess gateway;
    gateway.setProgram(program);
    gateway.setArguments({QStringLiteral("--socket-fd"), QString::number(fd), QStringLiteral("--policy"), policyPath,
                          QStringLiteral("--pid-file"), pidPath});
    // A daemon: it must not hold the launcher's terminal or pipes (a test runner waits for those
    // to close). Its own messages go to a log beside its pid file.
    gateway.setStandardInputFile(QProcess::nullDevice());
    const QString logPath = pidPath + QStringLiteral(".log");
    gateway.setStandardOutputFile(logPath, QIODevice::Append);
    gateway.setStandardErrorFile(logPath, QIODevice::Append);
    const bool started = gateway.startDetached(&pid);
    ::close(fd);
    if (!started) {
        *error = QStringLiteral("could not start %1").arg(program);
        ::unlink(path.constData());
        return false;
    }
    qCInfo(lcGateway) << "gateway" << pid << "serves" << socketPath;
    return true;
}
