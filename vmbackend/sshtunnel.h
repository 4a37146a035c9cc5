#pragma once

#include "vmerror.h"

#include <QString>
#include <QStringList>

/// One OpenSSH connection to another libvirt host that carries an appliance's display and
/// network while it runs there (docs/connections.md, "What runs where"): a background ssh
/// master (ControlMaster, one per appliance) with forwards of UNIX sockets or loopback ports,
/// more forwards added to it later, and closed with `ssh -O exit`. The login is the one in the
/// libvirt URI (user, host, port, keyfile, command=), in batch mode: it never prompts.
///
/// All calls block (at most their timeout): only on the libvirt worker, inside LibvirtConnection::call().
class SshTunnel
{
public:
    /// A forward: @p listen is a socket path or a "127.0.0.1:PORT"; so is @p target.
    struct Forward
    {
        enum Direction { LocalToRemote, RemoteToLocal };
        Direction direction = LocalToRemote;
        QString listen;
        QString target;
        QString argument() const; ///< "-L listen:target" / "-R listen:target", as one ssh argument pair's value
    };

    /// The tunnel for libvirt URI @p uri (qemu+ssh, qemu+libssh, qemu+libssh2), its master's
    /// control socket at @p controlPath. isValid() is false for other transports.
    SshTunnel(const QString &uri, const QString &controlPath);

    bool isValid() const { return !m_host.isEmpty(); }
    /// Why this URI cannot carry a tunnel (translated), or empty.
    QString problem() const;
    QString controlPath() const { return m_controlPath; }

    /// Closes a master left by an earlier run, then starts a new one with @p forwards; returns once
    /// ssh has logged in and every forward is set up (ExitOnForwardFailure), or with an error.
    VmError open(const QList<Forward> &forwards, int timeoutMs = 60000) const;
    /// Adds @p forward to the running master.
    VmError add(const Forward &forward, int timeoutMs = 20000) const;
    /// Ends the master and with it every forward (no-op when none runs).
    void close(int timeoutMs = 10000) const;
    /// Removes @p path on the host (rm -f, a login of its own): a socket an ended session left.
    /// @p path must be a plain absolute path (letters, digits, '/', '.', '-', '_').
    VmError removeRemoteFile(const QString &path, int timeoutMs = 20000) const;
    /// The master runs and answers.
    bool isOpen(int timeoutMs = 10000) const;

    /// ssh's arguments for the login (without forwards or control options): tests and logs.
    QStringList loginArguments() const;
    QString program() const { return m_program; }

private:
    /// Runs ssh with @p arguments; true when it exited 0 in time, else its own words (from the
    /// file controlPath + @p logSuffix) in @p output.
    bool runSsh(const QStringList &arguments, int timeoutMs, QString *output, const QString &logSuffix) const;

    QString m_program = QStringLiteral("ssh");
    QString m_host;
    QString m_user;
    int m_port = -1;
    QString m_keyFile;
    QString m_knownHosts;
    QString m_controlPath;
};
