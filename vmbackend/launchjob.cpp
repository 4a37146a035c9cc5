#include "launchjob.h"

#include "domainhandle.h"
#include "domainxmlbuilder.h"
#include "gatewayprocess.h"
#include "overlaydisk.h"
#include "personalstore.h"
#include "readystate.h"
#include "restorepointstore.h"
#include "recoveryjob.h"
#include "tesserapaths.h"
#include "vmbackendlog.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <cstdlib>

namespace {

QString lastLibvirtError()
{
    const virError *error = virGetLastError();
    return error && error->message ? QString::fromUtf8(error->message) : QStringLiteral("unknown libvirt error");
}

VmError notConnected()
{
    return VmError(VmError::ConnectionFailed,
                   QCoreApplication::translate("ApplianceVm", "Not connected to the hypervisor. Check the connection in Settings and try again."));
}

} // namespace

// QEMU connects to the egress gateway's socket as it starts (and as it restores): the
// gateway must already listen then. A new launch replaces the gateway of the last one.
bool LaunchJob::startGateway(const DomainSpec &spec, VmError *error)
{
    if (!spec.network.enabled || spec.network.gatewaySocket.isEmpty())
        return true;
    const QString socket = spec.network.gatewaySocket;
    QString reason;
    if (GatewayProcess::start(socket, GatewayProcess::policyPathFor(socket), GatewayProcess::pidPathFor(socket), &reason))
        return true;
    *error = VmError(VmError::StartFailed,
                     QCoreApplication::translate("ApplianceVm", "The appliance's network gateway could not be started, so the appliance was not started. Check that tessera-gateway is installed next to tessera, then try again."),
                     reason);
    return false;
}

bool LaunchJob::define(virConnectPtr connection, VmError *error) const
{
    // Privileged connections: the contract's nwfilter must exist before a domain refers to it.
    if (!spec.network.nwfilterXml.isEmpty()) {
        virNWFilterPtr filter = virNWFilterDefineXML(connection, spec.network.nwfilterXml.toUtf8().constData());
        if (!filter) {
            *error = VmError::fromLibvirt(VmError::DefineFailed,
                                          QCoreApplication::translate("ApplianceVm", "The network filter for the appliance's contract could not be set up. Check that libvirt's network filter driver is running, then try again."));
            return false;
        }
        virNWFilterFree(filter);
    }
    DomainHandle defined(virDomainDefineXML(connection, DomainXmlBuilder::build(spec).toUtf8().constData()));
    if (!defined.domain) {
        *error = VmError::fromLibvirt(VmError::DefineFailed,
                                      QCoreApplication::translate("ApplianceVm", "The hypervisor refused the appliance's definition. See the details, and report it if it persists."));
        return false;
    }
    return true;
}

LaunchJob::Result LaunchJob::coldBoot(virConnectPtr connection) const
{
    Result result;
    const OverlayDisk overlay(baseDisk, spec.systemDisk);
    // Keep mode keeps the overlay (on the base or a restore point; a crashed point operation is
    // finished first); fresh mode starts clean.
    if (VmError error = keepChanges ? RestorePointStore(instanceDir, baseDisk).ensureLive() : overlay.reset(); error.isError()) {
        result.error = error;
        return result;
    }
    if (!define(connection, &result.error))
        return result;
    if (!startGateway(spec, &result.error))
        return result;
    DomainHandle domain(virDomainLookupByName(connection, spec.name.toUtf8().constData()));
    if (!domain.domain || virDomainCreate(domain.domain) < 0)
        result.error = VmError::fromLibvirt(VmError::StartFailed,
                                            QCoreApplication::translate("ApplianceVm", "The appliance could not be started. Check that QEMU is installed and enough memory is free, then try again."));
    return result;
}

QString LaunchJob::restore(virConnectPtr connection, const QString &readyDisk, const QString &memoryImage) const
{
    // A memory image may only be restored with the exact disk state it was saved with: a new
    // empty overlay on the ready disk presents exactly that to the guest.
    if (VmError error = OverlayDisk(readyDisk, spec.systemDisk).reset(); error.isError())
        return error.toString();
    VmError defineError;
    if (!define(connection, &defineError))
        return defineError.toString();
    DomainHandle domain(virDomainLookupByName(connection, spec.name.toUtf8().constData()));
    if (!domain.domain)
        return lastLibvirtError();
    // Restore with the current definition (the overlay's backing chain is probed anew), so the
    // domain stays the same persistent domain as after a cold boot.
    char *xml = virDomainGetXMLDesc(domain.domain, VIR_DOMAIN_XML_SECURE | VIR_DOMAIN_XML_INACTIVE | VIR_DOMAIN_XML_MIGRATABLE);
    if (!xml)
        return lastLibvirtError();
    if (VmError gatewayError; !startGateway(spec, &gatewayError)) {
        std::free(xml);
        return gatewayError.toString();
    }
    const int restored = virDomainRestoreFlags(connection, QFile::encodeName(memoryImage).constData(), xml, 0); // saved running, so it resumes running
    std::free(xml);
    return restored < 0 ? lastLibvirtError() : QString();
}

VmError LaunchJob::prepareSharedFolders() const
{
    const PersonalStore store(storeRoot);
    for (const SharedFolder &folder : spec.sharedFolders) {
        // Checked again at every launch: a link may have been planted since the contract was compiled.
        const QString relative = store.folderOf(folder.hostPath);
        QString error;
        if (relative.isEmpty())
            error = QCoreApplication::translate("ApplianceVm", "The shared folder %1 is not inside the personal store %2. "
                                                "Open Settings, check the store location, and start the appliance again.")
                        .arg(folder.hostPath, storeRoot);
        else if (store.ensureFolder(relative, nullptr, &error))
            continue;
        return VmError(VmError::StartFailed, error, folder.hostPath);
    }
    return {};
}

LaunchJob::Result LaunchJob::launch(virConnectPtr connection) const
{
    if (!connection)
        return {notConnected()};
    if (VmError error = prepareSharedFolders(); error.isError())
        return {error};
    // QEMU makes the SPICE socket there, the gateway its files: only in a folder no other user can change.
    if (QString problem; !TesseraPaths::isInRuntimeDir(spec.spiceSocket, &problem))
        return {VmError(VmError::StartFailed, problem)};
    RecoveryJob::finishInterrupted(instanceDir);
    const ReadyState ready(instanceDir);
    ready.removeLeftovers();
    QFile::remove(spec.spiceSocket); // a stale socket from a crashed QEMU would block SPICE
    if (keepChanges) {
        Result result = coldBoot(connection);
        result.hasReadyState = ready.isComplete();
        return result;
    }
    if (ready.isComplete()) {
        const QString outdated = ready.check(ReadyStateManifest::describe(baseDisk, recipeHash, spec.toolsDisk, DomainXmlBuilder::build(spec)));
        if (!outdated.isEmpty()) {
            qCInfo(lcVmBackend) << spec.name << "ready state is out of date (" << outdated << "); cold boot, then it is captured anew";
        } else {
            QElapsedTimer timer;
            timer.start();
            const QString failure = restore(connection, ready.disk(), ready.memoryImage());
            if (failure.isEmpty()) {
                qCInfo(lcVmBackend) << spec.name << "restored from its ready state in" << timer.elapsed() << "ms";
                Result result;
                result.fromReadyState = true;
                result.hasReadyState = true;
                return result;
            }
            qCWarning(lcVmBackend) << spec.name << "could not restore its ready state; discarding it and cold booting:" << failure;
        }
        ready.discard();
    }
    return coldBoot(connection);
}

LaunchJob::Result LaunchJob::captureAndRelaunch(virConnectPtr connection) const
{
    if (!connection)
        return {notConnected()};
    if (VmError error = prepareSharedFolders(); error.isError())
        return {error};
    Result result;
    const ReadyState ready(instanceDir);
    ready.removeLeftovers();
    const OverlayDisk overlay(baseDisk, spec.systemDisk);
    if (keepChanges || ready.isComplete() || overlay.backingFile() != QFileInfo(baseDisk).absoluteFilePath()) {
        // Keep mode, already captured, or this run did not cold boot from the base.
        result.skipped = true;
        result.hasReadyState = ready.isComplete();
        return result;
    }
    DomainHandle domain(virDomainLookupByName(connection, spec.name.toUtf8().constData()));
    if (!domain.domain || virDomainIsActive(domain.domain) != 1) {
        result.skipped = true;
        return result;
    }
    const ReadyStateManifest manifest = ReadyStateManifest::describe(baseDisk, recipeHash, spec.toolsDisk, DomainXmlBuilder::build(spec));

    // No need to wait for the guest agent to see the display go: a restored agent that still
    // believes a host is there greets the next one on its Hello (docs/agent-protocol.md).
    QElapsedTimer timer;
    timer.start();
    if (VmError error = ready.beginCapture(); error.isError()) {
        qCWarning(lcVmBackend) << spec.name << error.toString();
        result.skipped = true;
        return result;
    }
    // The VM stops once its memory is saved; from here it must be launched again.
    if (virDomainSaveFlags(domain.domain, QFile::encodeName(ready.stagedMemoryImage()).constData(), nullptr, 0) < 0) {
        qCWarning(lcVmBackend) << spec.name << "could not save its memory for a ready state:" << lastLibvirtError();
        ready.abandonCapture();
        result.skipped = virDomainIsActive(domain.domain) == 1; // still running: nothing lost
        if (!result.skipped)
            result = coldBoot(connection);
        return result;
    }
    if (VmError error = ready.commitCapture(spec.systemDisk, manifest); error.isError()) {
        qCWarning(lcVmBackend) << spec.name << error.toString() << "- cold booting";
        ready.abandonCapture();
        return coldBoot(connection);
    }
    result.captureMs = timer.elapsed();
    qCInfo(lcVmBackend) << spec.name << "ready state captured in" << result.captureMs << "ms";
    QFile::remove(spec.spiceSocket);
    const QString failure = restore(connection, ready.disk(), ready.memoryImage());
    if (failure.isEmpty()) {
        result.fromReadyState = true;
        result.hasReadyState = true;
        return result;
    }
    qCWarning(lcVmBackend) << spec.name << "could not restore the ready state just captured; discarding it and cold booting:" << failure;
    ready.discard();
    const qint64 captureMs = result.captureMs;
    result = coldBoot(connection);
    result.captureMs = captureMs;
    return result;
}

VmError LaunchJob::rollback(virConnectPtr connection) const
{
    // Check with libvirt, not our cached state: the VM may have been started elsewhere (virsh).
    DomainHandle domain(connection ? virDomainLookupByName(connection, spec.name.toUtf8().constData()) : nullptr);
    if (domain.domain && virDomainIsActive(domain.domain) == 1)
        return VmError(VmError::NotStopped, QCoreApplication::translate("ApplianceVm", "Stop the appliance before rolling it back."));
    RecoveryJob::finishInterrupted(instanceDir);
    const ReadyState ready(instanceDir);
    ready.removeLeftovers();
    // In fresh mode the ready state is clean by construction: only what was written on it goes.
    const bool onReady = !keepChanges && ready.isComplete();
    return OverlayDisk(onReady ? ready.disk() : baseDisk, spec.systemDisk).reset();
}

void LaunchJob::removeDiscardedOverlay() const
{
    OverlayDisk(baseDisk, spec.systemDisk).removeDiscarded();
}
