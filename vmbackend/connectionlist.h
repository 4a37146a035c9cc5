#pragma once

#include "connectionentry.h"

#include <QCoreApplication>
#include <QList>

class QSettings;

/// The connections the shell shows side by side: the local one (command line, TESSERA_URI,
/// the "connection/uri" setting or the default; see ConnectionSettings) first, then the
/// remote hosts the user added, stored in QSettings under "connections/remote".
/// Pure logic: no libvirt calls here (LibvirtConnection opens them).
class ConnectionList
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionList)
public:
    /// The user's remote connections from @p settings, in the order they were added.
    static QList<ConnectionEntry> loadRemote(QSettings &settings);
    /// Replaces the stored remote connections with @p entries.
    static void saveRemote(QSettings &settings, const QList<ConnectionEntry> &entries);

    /// Why @p uri cannot be added (translated, says what to use instead), or empty when it can.
    /// Accepted: qemu:// (this computer), qemu+ssh, qemu+libssh, qemu+libssh2, qemu+tls and
    /// qemu+unix. Refused: qemu+tcp (no encryption, no authentication by default) and
    /// every other hypervisor (Tessera's appliances are QEMU machines).
    static QString uriProblem(const QString &uri);
    /// Why @p name cannot be used next to @p existing, or empty.
    static QString nameProblem(const QString &name, const QList<ConnectionEntry> &existing);

    /// True for URIs that reach another machine (an ssh, tls or tcp transport with a host).
    static bool isRemote(const QString &uri);
    /// True for ssh transports (qemu+ssh, qemu+libssh, qemu+libssh2).
    static bool isSsh(const QString &uri);
    /// @p uri as LibvirtConnection opens it: ssh transports get no_tty=1 (ssh's BatchMode: it
    /// fails instead of asking for a password or a host key on a terminal nobody watches).
    static QString uriForOpening(const QString &uri);

    /// The message for a connection that could not be opened: what happened on which host and
    /// what to do, chosen from libvirt's @p details (ssh's and the remote daemon's words).
    static QString failureMessage(const QString &name, const QString &uri, const QString &details);
};
