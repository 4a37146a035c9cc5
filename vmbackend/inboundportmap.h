#pragma once

#include "domainspec.h"
#include "vmerror.h"

#include <QList>
#include <QString>

/// Where on this computer each inbound contract rule of an appliance can be reached: a port
/// on 127.0.0.1 forwarded to the rule's port in the guest.
///
/// The contract's own port number (say 5432) is never taken on the host: an appliance would
/// otherwise sit on 127.0.0.1:5432 before the real service starts there, and programs on this
/// computer would talk to it. Each inbound rule gets a free high port instead, chosen at
/// launch (the kernel picks it from its ephemeral range while the test socket holds it) and
/// recorded in the instance folder (INSTANCE/inbound-ports.json): the next launch keeps it
/// while it is still free (so a ready state restores with the same forwards), and a shell or
/// tessera-ctl started later can say where the appliance's ports are.
class InboundPortMap
{
public:
    static QString path(const QString &instanceDir) { return instanceDir + QStringLiteral("/inbound-ports.json"); }
    /// The forwards recorded in @p instanceDir; empty when none (or the file is not valid).
    static QList<HostForward> read(const QString &instanceDir);
    /// @p forwards with the host port recorded for each guest port, 0 where none is.
    static QList<HostForward> withRecordedPorts(const QString &instanceDir, QList<HostForward> forwards);
    /// Gives each of @p forwards a host port: the recorded one while it is free on 127.0.0.1,
    /// else a free one; records them (none: removes the record). QEMU binds them right after, so only a program that takes
    /// one in between can get in the way (the launch then fails, and the next one chooses
    /// anew). Blocking (test binds, an atomic file write): call on the worker.
    static VmError assign(const QString &instanceDir, QList<HostForward> *forwards);
    /// "Port 5432 of the appliance is at 127.0.0.1:40123 here.", one line per forward with a
    /// host port; translated.
    static QStringList describe(const QList<HostForward> &forwards);
};
