#pragma once

#include <QString>

/// What an enforcement plan needs to know about where an appliance runs.
struct EnforcementContext
{
    /// qemu:///system (nwfilter, <bandwidth>, cgroup tunes) rather than qemu:///session or an
    /// embedded driver (user networking, 9p, <iotune> only).
    bool privileged = false;
    /// libvirt may put the domain in cgroups and apply <cputune>: privileged connections, and
    /// the embedded driver when Tessera runs as root (proven by tst_limits_e2e).
    bool cgroupTunes = false;
    /// The appliance runs on another host (qemu+ssh): the personal store's folders are not
    /// there, so mounts are withheld; the network goes through this computer's egress gateway
    /// over the ssh tunnel (docs/connections.md), whatever the host's privileges.
    bool remote = false;
    QString applianceName;   ///< e.g. "terminal"
    QString storeRoot;       ///< the personal store (TesseraPaths::personalStoreDir())
    QString runtimeDir;      ///< sockets (TesseraPaths::runtimeDir())
    QString logDir;          ///< this appliance's logs (TesseraPaths::logsDir() + name)
    QString instanceDir;     ///< this appliance's instance folder (the inbound ports chosen at launch)
};
