#include "sshtunnel.h"

#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QUrl>
#include <QUrlQuery>

QString SshTunnel::Forward::argument() const
{
    return listen + QLatin1Char(':') + target;
}

SshTunnel::SshTunnel(const QString &uri, const QString &controlPath) : m_controlPath(controlPath)
{
    const QUrl url(uri);
    const QString scheme = url.scheme();
    if (scheme != QLatin1String("qemu+ssh") && scheme != QLatin1String("qemu+libssh") && scheme != QLatin1String("qemu+libssh2"))
        return;
    if (url.host().isEmpty())
        return;
    m_host = url.host();
    m_user = url.userName();
    m_port = url.port(-1);
    const QUrlQuery query(url);
    // The same login libvirt uses (its ssh transport's parameters).
    const QString command = query.queryItemValue(QStringLiteral("command"), QUrl::FullyDecoded);
    if (!command.isEmpty())
        m_program = command;
    m_keyFile = query.queryItemValue(QStringLiteral("keyfile"), QUrl::FullyDecoded);
    m_knownHosts = query.queryItemValue(QStringLiteral("known_hosts"), QUrl::FullyDecoded);
}

QString SshTunnel::problem() const
{
    if (isValid())
        return {};
    return QCoreApplication::translate("SshTunnel", "Appliances run on another host only over ssh (qemu+ssh://user@host/system): "
                                                     "its display and network travel through the ssh connection. Add the host with such a URI.");
}

QStringList SshTunnel::loginArguments() const
{
    QStringList arguments;
    if (m_port > 0)
        arguments << QStringLiteral("-p") << QString::number(m_port);
    if (!m_user.isEmpty())
        arguments << QStringLiteral("-l") << m_user;
    if (!m_keyFile.isEmpty())
        arguments << QStringLiteral("-i") << m_keyFile;
    if (!m_knownHosts.isEmpty())
        arguments << QStringLiteral("-o") << QStringLiteral("UserKnownHostsFile=") + m_knownHosts;
    // Never a prompt nobody sees; host keys are checked as the user's ssh configuration says.
    arguments << QStringLiteral("-o") << QStringLiteral("BatchMode=yes")
              << QStringLiteral("-o") << QStringLiteral("ConnectTimeout=20")
              << QStringLiteral("-o") << QStringLiteral("ServerAliveInterval=15")
              << QStringLiteral("-o") << QStringLiteral("ControlPath=") + m_controlPath;
    return arguments;
}

bool SshTunnel::runSsh(const QStringList &arguments, int timeoutMs, QString *output, const QString &logSuffix) const
{
    QProcess ssh;
    // The master stays in the background holding whatever it inherited: never a pipe of ours,
    // or reading it would wait for the master to end. Its messages go to a file next to the control socket.
    const QString log = m_controlPath + logSuffix;
    QFile::remove(log);
    ssh.setStandardInputFile(QProcess::nullDevice());
    ssh.setStandardOutputFile(QProcess::nullDevice());
    ssh.setStandardErrorFile(log);
    ssh.start(m_program, arguments);
    bool ok = ssh.waitForStarted(10000);
    if (ok && !ssh.waitForFinished(timeoutMs)) {
        ssh.kill();
        ssh.waitForFinished(2000);
        ok = false;
    }
    ok = ok && ssh.exitStatus() == QProcess::NormalExit && ssh.exitCode() == 0;
    QFile file(log);
    const QString words = file.open(QIODevice::ReadOnly) ? QString::fromLocal8Bit(file.read(4096)).trimmed() : QString();
    if (output)
        *output = words.isEmpty() ? ssh.errorString() : words;
    return ok;
}

VmError SshTunnel::open(const QList<Forward> &forwards, int timeoutMs) const
{
    if (!isValid())
        return VmError(VmError::ConnectionFailed, problem());
    close();
    QFile::remove(m_controlPath); // a socket left by a master that was killed
    QStringList arguments = loginArguments();
    // -f: ssh goes to the background only once it is logged in and (ExitOnForwardFailure)
    // every remote forward is confirmed, so its exit status says whether the tunnel stands.
    arguments << QStringLiteral("-o") << QStringLiteral("ControlMaster=yes")
              << QStringLiteral("-o") << QStringLiteral("ControlPersist=no")
              << QStringLiteral("-o") << QStringLiteral("ExitOnForwardFailure=yes")
              << QStringLiteral("-o") << QStringLiteral("StreamLocalBindUnlink=yes")
              << QStringLiteral("-f") << QStringLiteral("-N");
    for (const Forward &forward : forwards)
        arguments << (forward.direction == Forward::LocalToRemote ? QStringLiteral("-L") : QStringLiteral("-R")) << forward.argument();
    arguments << m_host;
    QString words;
    if (runSsh(arguments, timeoutMs, &words, QStringLiteral(".log")))
        return {};
    qCWarning(lcVmBackend) << "ssh tunnel to" << m_host << "failed:" << words;
    return VmError(VmError::ConnectionFailed,
                   QCoreApplication::translate("SshTunnel", "The ssh connection to %1 that carries the appliance's display and network could not be set up. "
                                                            "Check that you can log in with “ssh %2” without a password prompt and that the host's ssh server allows forwarding, then try again.")
                       .arg(m_host, m_user.isEmpty() ? m_host : m_user + QLatin1Char('@') + m_host),
                   words);
}

VmError SshTunnel::add(const Forward &forward, int timeoutMs) const
{
    QStringList arguments = loginArguments();
    arguments << QStringLiteral("-O") << QStringLiteral("forward")
              << (forward.direction == Forward::LocalToRemote ? QStringLiteral("-L") : QStringLiteral("-R")) << forward.argument() << m_host;
    QString words;
    if (runSsh(arguments, timeoutMs, &words, QStringLiteral(".command.log")))
        return {};
    qCWarning(lcVmBackend) << "ssh forward" << forward.argument() << "to" << m_host << "failed:" << words;
    return VmError(VmError::ConnectionFailed,
                   QCoreApplication::translate("SshTunnel", "The appliance's display could not be forwarded from %1 over ssh. "
                                                            "Check that the host's ssh server allows forwarding (AllowStreamLocalForwarding), then launch it again.").arg(m_host),
                   words);
}

void SshTunnel::close(int timeoutMs) const
{
    if (!isValid() || !QFile::exists(m_controlPath))
        return;
    QStringList arguments = loginArguments();
    arguments << QStringLiteral("-O") << QStringLiteral("exit") << m_host;
    runSsh(arguments, timeoutMs, nullptr, QStringLiteral(".command.log"));
}

VmError SshTunnel::removeRemoteFile(const QString &path, int timeoutMs) const
{
    // The host's shell reads the command: nothing in the path may mean anything to it.
    static const QRegularExpression plain(QStringLiteral("^/[A-Za-z0-9/._-]+$"));
    if (!isValid() || !plain.match(path).hasMatch() || path.contains(QLatin1String("..")))
        return VmError(VmError::ConnectionFailed, QStringLiteral("not a plain path: %1").arg(path));
    QStringList arguments = loginArguments();
    arguments << QStringLiteral("-o") << QStringLiteral("ControlMaster=no") << QStringLiteral("-o") << QStringLiteral("ControlPath=none")
              << m_host << QStringLiteral("rm") << QStringLiteral("-f") << QStringLiteral("--") << path;
    QString words;
    if (runSsh(arguments, timeoutMs, &words, QStringLiteral(".command.log")))
        return {};
    return VmError(VmError::ConnectionFailed, QStringLiteral("ssh %1 rm -f %2 failed").arg(m_host, path), words);
}

bool SshTunnel::isOpen(int timeoutMs) const
{
    if (!isValid() || !QFile::exists(m_controlPath))
        return false;
    QStringList arguments = loginArguments();
    arguments << QStringLiteral("-O") << QStringLiteral("check") << m_host;
    return runSsh(arguments, timeoutMs, nullptr, QStringLiteral(".command.log"));
}
