#pragma once

#include "domainspec.h"
#include "recoveryjob.h"
#include "remotedisks.h"
#include "vmerror.h"

#include <QString>

struct _virConnect;

/// The blocking half of launching an appliance on another libvirt host over ssh, run on that
/// host's LibvirtConnection worker (docs/connections.md, "What runs where"):
/// 1. its disks are placed in the host's storage pool (RemoteDisks: copies once, a new empty
///    overlay in fresh mode);
/// 2. when its contract allows network, this computer's egress gateway is started, and an ssh
///    master (SshTunnel) forwards a socket on the host to it (-R): QEMU's guestfwd there reaches
///    the gateway here, so every contract rule, rate and journal entry is held here as for a
///    local launch; inbound ports are forwarded to this computer's 127.0.0.1 (-L);
/// 3. the domain is defined and started there, without the personal store's folders (withheld);
/// 4. SPICE listens on a socket libvirt makes in the domain's private folder on the host, which
///    the master forwards to spec.spiceSocket here (-L), so display and agent work as locally.
/// No ready state and no restore points there: fresh mode cold boots on a new overlay.
class RemoteLaunchJob
{
public:
    DomainSpec spec;         ///< as compiled for this computer's paths (EnforcementPlan with remote)
    QString appliance;       ///< e.g. "terminal"
    QString baseDisk;
    QString uri;             ///< the host's libvirt URI (qemu+ssh://…)
    QString controlPath;     ///< the ssh master's control socket here
    bool keepChanges = false;

    struct Result
    {
        VmError error;
        QString systemDisk;  ///< the overlay's path on the host
        qint64 bytesSent = 0; ///< copied to the host for this launch
    };

    Result launch(_virConnect *connection) const;
    /// The domain runs there but its ssh master is gone (this computer's shell or ssh was killed):
    /// opens a new master forwarding the display to spec.spiceSocket again, and with the network
    /// on, starts a new gateway here and forwards the same socket there to it (QEMU's guestfwd
    /// reconnects; the guest's proxy greets the new gateway) and the inbound ports. Returns
    /// whether it re-forwarded.
    bool reattach(_virConnect *connection) const;
    /// After the domain stopped: ends the ssh master (and so the forwards).
    void closeTunnel() const;
    /// recover() on another host: switches the domain off there at once, copies its overlay
    /// into @p job's instance folder (RemoteDisks::downloadOverlay), deletes it on the host, then
    /// quarantines the copy here like a local recovery (@p job with systemDisk set to the copy),
    /// so its changed files can be inspected and salvaged. The next launch starts clean.
    RecoveryJob::Result recover(_virConnect *connection, RecoveryJob job) const;
    /// Where recover() puts the host's overlay in the instance folder.
    static QString recoveredOverlayPath(const QString &instanceDir);
    /// rollback(): the overlay on the host goes; the next launch makes a new one.
    VmError rollback(_virConnect *connection) const;

    /// The domain definition's spec for the host: paths there, no shared folders, SPICE socket
    /// chosen by libvirt, the gateway reached through @p remoteGatewaySocket. Exposed for tests.
    static DomainSpec specOnHost(const DomainSpec &local, const RemoteDisks::Placed &placed, const QString &remoteGatewaySocket);
    /// The host's gateway socket launch() put in a domain's XML (QEMU's guestfwd argument), or
    /// empty when there is none or it is not a name launch() makes.
    static QString gatewaySocketOf(const QString &domainXml);
    /// The SPICE socket of a running domain's live XML (<listen type='socket' socket=…>), or empty.
    static QString spiceSocketOf(const QString &domainXml);
};
