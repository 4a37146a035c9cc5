#include "remotelaunchjob.h"

#include "domainhandle.h"
#include "domainxmlbuilder.h"
#include "launchjob.h"
#include "sshtunnel.h"
#include "tesserapaths.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QUuid>
#include <QXmlStreamReader>

#include <libvirt/libvirt.h>

#include <cstdlib>

DomainSpec RemoteLaunchJob::specOnHost(const DomainSpec &local, const RemoteDisks::Placed &placed, const QString &remoteGatewaySocket)
{
    DomainSpec spec = local;
    spec.systemDisk = placed.systemDisk;
    spec.kernel = placed.kernel;
    spec.initrd = placed.initrd;
    spec.toolsDisk = placed.toolsDisk;
    spec.consoleLog.clear();   // a file on the host nobody here reads
    spec.spiceSocket.clear();  // libvirt's own, in the domain's private folder there
    spec.sharedFolders.clear(); // withheld (EnforcementStatus::Withheld); the plan has none already
    spec.network.nwfilterName.clear();
    spec.network.nwfilterXml.clear();
    if (spec.network.enabled) {
        spec.network.gatewaySocket = remoteGatewaySocket;
        spec.network.gatewayReconnects = true; // a new ssh master can bring the forward back (reattach)
    }
    return spec;
}

QString RemoteLaunchJob::spiceSocketOf(const QString &domainXml)
{
    QXmlStreamReader reader(domainXml);
    bool inSpice = false;
    while (!reader.atEnd()) {
        reader.readNext();
        if (reader.isStartElement() && reader.name() == QLatin1String("graphics"))
            inSpice = reader.attributes().value(QLatin1String("type")) == QLatin1String("spice");
        else if (reader.isStartElement() && inSpice && reader.name() == QLatin1String("listen")
                 && reader.attributes().value(QLatin1String("type")) == QLatin1String("socket"))
            return reader.attributes().value(QLatin1String("socket")).toString();
        else if (reader.isEndElement() && reader.name() == QLatin1String("graphics"))
            inSpice = false;
    }
    return {};
}

QString RemoteLaunchJob::gatewaySocketOf(const QString &domainXml)
{
    // Only a name launch() makes: the path goes into an ssh command line on the host.
    static const QRegularExpression made(QStringLiteral("guestfwd=tcp:10\\.0\\.2\\.100:3128-unix:(/tmp/tessera-[0-9a-f]{32}\\.gateway)(,|$)"));
    QXmlStreamReader reader(domainXml);
    while (!reader.atEnd()) {
        reader.readNext();
        if (!reader.isStartElement() || reader.name() != QLatin1String("arg"))
            continue;
        const QRegularExpressionMatch match = made.match(reader.attributes().value(QLatin1String("value")));
        if (match.hasMatch())
            return match.captured(1);
    }
    return {};
}

RemoteLaunchJob::Result RemoteLaunchJob::launch(virConnectPtr connection) const
{
    Result result;
    // The ssh master's control socket and the display's forward are made there: only in a
    // folder no other user can change.
    if (QString problem; !TesseraPaths::isInRuntimeDir(controlPath, &problem) || !TesseraPaths::isInRuntimeDir(spec.spiceSocket, &problem)) {
        result.error = VmError(VmError::StartFailed, problem);
        return result;
    }
    const SshTunnel tunnel(uri, controlPath);
    if (!tunnel.isValid()) {
        result.error = VmError(VmError::StartFailed, tunnel.problem());
        return result;
    }
    if (!connection) {
        result.error = VmError(VmError::ConnectionFailed,
                               QCoreApplication::translate("ApplianceVm", "Not connected to the hypervisor. Check the connection in Settings and try again."));
        return result;
    }
    RemoteDisks::Local local;
    local.appliance = appliance;
    local.baseDisk = baseDisk;
    local.kernel = spec.kernel;
    local.initrd = spec.initrd;
    local.toolsDisk = spec.toolsDisk;
    const RemoteDisks::Placed placed = RemoteDisks::place(connection, local, !keepChanges);
    if (placed.error.isError()) {
        result.error = placed.error;
        return result;
    }
    result.systemDisk = placed.systemDisk;
    result.bytesSent = placed.bytesSent;

    // A socket on the host per launch: an unguessable name nobody else there can have bound.
    const QString remoteGateway = QStringLiteral("/tmp/tessera-%1.gateway").arg(QUuid::createUuid().toString(QUuid::Id128));
    QList<SshTunnel::Forward> forwards;
    if (spec.network.enabled) {
        if (!LaunchJob::startGateway(spec, &result.error))
            return result;
        forwards.append({SshTunnel::Forward::RemoteToLocal, remoteGateway, spec.network.gatewaySocket});
        // The contract's inbound ports open on this computer's loopback, as for a local launch.
        for (const HostForward &inbound : spec.network.inbound) {
            const QString port = QStringLiteral("127.0.0.1:%1").arg(inbound.hostPort);
            forwards.append({SshTunnel::Forward::LocalToRemote, port, port});
        }
    }
    // Also without network: a login that fails must fail before the VM starts.
    if (VmError error = tunnel.open(forwards); error.isError()) {
        result.error = error;
        return result;
    }

    const DomainSpec onHost = specOnHost(spec, placed, remoteGateway);
    DomainHandle defined(virDomainDefineXML(connection, DomainXmlBuilder::build(onHost).toUtf8().constData()));
    if (!defined.domain || virDomainCreate(defined.domain) < 0) {
        result.error = VmError::fromLibvirt(VmError::StartFailed,
            QCoreApplication::translate("RemoteLaunchJob", "The appliance could not be started on the host. See the details; check that QEMU is installed there and enough memory is free, then try again."));
        tunnel.close();
        return result;
    }
    char *xml = virDomainGetXMLDesc(defined.domain, 0);
    const QString remoteSpice = xml ? spiceSocketOf(QString::fromUtf8(xml)) : QString();
    std::free(xml);
    QFile::remove(spec.spiceSocket);
    VmError forwardError = remoteSpice.isEmpty()
        ? VmError(VmError::StartFailed, QCoreApplication::translate("RemoteLaunchJob", "The host did not say where the appliance's display listens. Report this, with the host's libvirt version."))
        : tunnel.add({SshTunnel::Forward::LocalToRemote, spec.spiceSocket, remoteSpice});
    if (forwardError.isError()) {
        virDomainDestroy(defined.domain); // no display, no agent: of no use, and not watched
        tunnel.close();
        result.error = forwardError;
        return result;
    }
    qCInfo(lcVmBackend) << appliance << "runs on" << tunnel.loginArguments().join(QLatin1Char(' ')) << "display" << remoteSpice << "->" << spec.spiceSocket;
    return result;
}

bool RemoteLaunchJob::reattach(virConnectPtr connection) const
{
    const SshTunnel tunnel(uri, controlPath);
    if (!tunnel.isValid() || tunnel.isOpen())
        return false;
    DomainHandle domain(connection ? virDomainLookupByName(connection, spec.name.toUtf8().constData()) : nullptr);
    char *xml = domain.domain ? virDomainGetXMLDesc(domain.domain, 0) : nullptr;
    const QString live = xml ? QString::fromUtf8(xml) : QString();
    std::free(xml);
    const QString remoteSpice = spiceSocketOf(live);
    if (remoteSpice.isEmpty())
        return false;
    QList<SshTunnel::Forward> forwards{{SshTunnel::Forward::LocalToRemote, spec.spiceSocket, remoteSpice}};
    // The network: a new gateway here behind the same socket there, to which QEMU reconnects.
    const QString remoteGateway = spec.network.enabled ? gatewaySocketOf(live) : QString();
    VmError gatewayError;
    if (!remoteGateway.isEmpty() && LaunchJob::startGateway(spec, &gatewayError)) {
        // sshd leaves the socket its ended session bound, and binds no new one over it
        // unless its StreamLocalBindUnlink is on (off by default).
        if (VmError error = tunnel.removeRemoteFile(remoteGateway); error.isError())
            qCWarning(lcVmBackend) << appliance << "could not remove the old gateway socket on the host:" << error.toString();
        forwards.append({SshTunnel::Forward::RemoteToLocal, remoteGateway, spec.network.gatewaySocket});
        for (const HostForward &inbound : spec.network.inbound) {
            const QString port = QStringLiteral("127.0.0.1:%1").arg(inbound.hostPort);
            forwards.append({SshTunnel::Forward::LocalToRemote, port, port});
        }
    } else if (spec.network.enabled) {
        qCWarning(lcVmBackend) << appliance << "network not brought back:"
                               << (remoteGateway.isEmpty() ? QStringLiteral("launched without a reconnecting gateway socket") : gatewayError.toString());
    }
    QFile::remove(spec.spiceSocket);
    if (VmError error = tunnel.open(forwards); error.isError()) {
        qCWarning(lcVmBackend) << appliance << "display not forwarded again:" << error.toString();
        return false;
    }
    qCInfo(lcVmBackend) << appliance << "runs on the host without its ssh master: display forwarded again to" << spec.spiceSocket
                        << (forwards.size() > 1 ? "with its network" : "");
    return true;
}

void RemoteLaunchJob::closeTunnel() const
{
    SshTunnel(uri, controlPath).close();
    QFile::remove(spec.spiceSocket);
}

VmError RemoteLaunchJob::rollback(virConnectPtr connection) const
{
    DomainHandle domain(connection ? virDomainLookupByName(connection, spec.name.toUtf8().constData()) : nullptr);
    if (domain.domain && virDomainIsActive(domain.domain) == 1)
        return VmError(VmError::NotStopped, QCoreApplication::translate("ApplianceVm", "Stop the appliance before rolling it back."));
    return RemoteDisks::discardOverlay(connection, appliance);
}

QString RemoteLaunchJob::recoveredOverlayPath(const QString &instanceDir)
{
    return instanceDir + QStringLiteral("/remote-system.qcow2");
}

RecoveryJob::Result RemoteLaunchJob::recover(virConnectPtr connection, RecoveryJob job) const
{
    QElapsedTimer timer;
    timer.start();
    RecoveryJob::Result result;
    DomainHandle domain(connection ? virDomainLookupByName(connection, spec.name.toUtf8().constData()) : nullptr);
    // Compromised: pull the plug rather than let the guest run its shutdown scripts.
    if (!connection || (domain.domain && virDomainIsActive(domain.domain) == 1 && virDomainDestroy(domain.domain) < 0)) {
        result.error = VmError::fromLibvirt(VmError::StopFailed,
            QCoreApplication::translate("RemoteLaunchJob", "The appliance on the host could not be switched off, so it was not recovered. Check the connection in Settings and try again."));
        return result;
    }
    closeTunnel();
    // Copied here first and only then deleted there: a crash in between loses nothing.
    job.systemDisk = recoveredOverlayPath(job.instanceDir);
    job.cleanImage = baseDisk;
    if (!QFile::exists(job.systemDisk)) {
        if (VmError error = RemoteDisks::downloadOverlay(connection, appliance, job.systemDisk, baseDisk); error.isError()) {
            result.error = error;
            return result;
        }
    }
    if (VmError error = RemoteDisks::discardOverlay(connection, appliance); error.isError()) {
        result.error = error;
        return result;
    }
    result = job.quarantine();
    // quarantine() leaves a clean overlay in the copy's place: of no use for the host.
    if (!result.error.isError())
        QFile::remove(job.systemDisk);
    result.milliseconds = timer.elapsed();
    return result;
}
