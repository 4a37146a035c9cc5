#pragma once

#include "accelerator.h"

#include <QString>

/// The libvirt connection and accelerator the shell uses, resolved from (in order)
/// the command line, the environment (TESSERA_URI, TESSERA_ACCEL), the user's settings,
/// and the defaults: qemu:///session for a normal user; as root, a private embedded
/// QEMU driver, so nobody has to start a daemon by hand.
class ConnectionSettings
{
public:
    QString uri;
    Accelerator::Kind accelerator = Accelerator::Tcg;

    static ConnectionSettings resolve(const QString &uriOverride = {}, const QString &accelOverride = {});
    static QString defaultUri();
    /// True for connections to the system daemon (qemu:///system, also remote): nwfilter,
    /// <bandwidth> and cgroup tunes work there; session and embedded drivers lack them.
    static bool isPrivileged(const QString &uri);
    /// True for qemu:///embed URIs; they need a qemu.conf in their root (see prepareEmbeddedRoot()).
    static bool isEmbedded(const QString &uri);
    /// Writes ROOT/etc/qemu.conf for an embedded root when missing. Returns false on I/O failure.
    static bool prepareEmbeddedRoot(const QString &uri);
};
