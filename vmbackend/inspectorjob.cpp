#include "inspectorjob.h"

#include "domainhandle.h"
#include "domainxmlbuilder.h"
#include "inspectorscripts.h"
#include "overlaydisk.h"
#include "tesserapaths.h"

#include <QDir>
#include <QFile>
#include <QXmlStreamWriter>

#include <libvirt/libvirt.h>

namespace {

enum class Access { ReadOnly, Writable };

void writeDisk(QXmlStreamWriter &xml, const QString &file, const QString &target, const QString &serial, Access access)
{
    xml.writeStartElement(QStringLiteral("disk"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
    xml.writeAttribute(QStringLiteral("device"), QStringLiteral("disk"));
    xml.writeEmptyElement(QStringLiteral("driver"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("qcow2"));
    xml.writeEmptyElement(QStringLiteral("source"));
    xml.writeAttribute(QStringLiteral("file"), file);
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("dev"), target);
    xml.writeAttribute(QStringLiteral("bus"), QStringLiteral("virtio"));
    // The qcow2 header names the backing image (written by QEMU, not the guest): libvirt
    // follows it and opens the chain below the top read-only.
    if (access == Access::ReadOnly)
        xml.writeEmptyElement(QStringLiteral("readonly"));
    xml.writeTextElement(QStringLiteral("serial"), serial);
    xml.writeEndElement();
}

} // namespace

DomainSpec InspectorJob::specFor(const ApplianceImage &image, Accelerator::Kind accelerator)
{
    const QString dir = TesseraPaths::dataDir() + QStringLiteral("/inspector");
    DomainSpec spec;
    spec.name = domainName();
    spec.accelerator = accelerator;
    spec.kernel = image.kernel;
    spec.initrd = image.initrd;
    spec.kernelCommandLine = image.kernelCommandLine;
    spec.systemDisk = dir + QStringLiteral("/system.qcow2");
    spec.consoleLog = dir + QStringLiteral("/console.log");
    spec.spiceSocket = TesseraPaths::runtimeDir() + QStringLiteral("/inspector.spice");
    if (QFileInfo::exists(TesseraPaths::toolsDiskPath()))
        spec.toolsDisk = QFileInfo(TesseraPaths::toolsDiskPath()).canonicalFilePath();
    return spec; // no network: spec.network stays disabled, so the domain has no NIC
}

QString InspectorJob::deltaView() const
{
    return QFileInfo(spec.systemDisk).absolutePath() + QStringLiteral("/delta-view.qcow2");
}

QString InspectorJob::domainXml() const
{
    QString devices;
    QXmlStreamWriter xml(&devices);
    xml.setAutoFormatting(true);
    writeDisk(xml, cleanDisk, QStringLiteral("vdc"), InspectorScripts::cleanSerial(), Access::ReadOnly);
    writeDisk(xml, deltaView(), QStringLiteral("vdd"), InspectorScripts::deltaSerial(), Access::Writable);
    // Self-contained 9p export (the personal store's mounts build theirs from DomainSpec).
    xml.writeStartElement(QStringLiteral("filesystem"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("mount"));
    xml.writeAttribute(QStringLiteral("accessmode"), QStringLiteral("mapped"));
    xml.writeEmptyElement(QStringLiteral("driver"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("path"));
    xml.writeEmptyElement(QStringLiteral("source"));
    xml.writeAttribute(QStringLiteral("dir"), outboxDir);
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("dir"), InspectorScripts::outboxTag());
    xml.writeEndElement();

    QString domain = DomainXmlBuilder::build(spec);
    const qsizetype end = domain.lastIndexOf(QStringLiteral("</devices>"));
    if (end < 0)
        return {};
    domain.insert(end, devices);
    return domain;
}

VmError InspectorJob::start(virConnectPtr connection) const
{
    if (!connection)
        return VmError(VmError::ConnectionFailed, tr("Not connected to the hypervisor. Check the connection in Settings and try again."));
    stop(connection);
    if (!QFileInfo::exists(cleanDisk) || !QFileInfo::exists(deltaDisk))
        return VmError(VmError::ImageMissing, tr("The quarantined system disk or its clean image is missing, so it cannot be inspected. Purge this quarantine."),
                       deltaDisk);
    if (!QDir().mkpath(outboxDir))
        return VmError(VmError::DiskFailed, tr("Could not prepare the inspector's folder. Check that your data folder is writable."), outboxDir);
    if (QString problem; !TesseraPaths::isInRuntimeDir(spec.spiceSocket, &problem))
        return VmError(VmError::StartFailed, problem);
    QFile::remove(spec.spiceSocket);
    if (VmError error = OverlayDisk(baseDisk, spec.systemDisk).reset(); error.isError())
        return error;
    if (VmError error = OverlayDisk(deltaDisk, deltaView()).reset(); error.isError())
        return error;
    DomainHandle defined(virDomainDefineXML(connection, domainXml().toUtf8().constData()));
    if (!defined.domain)
        return VmError::fromLibvirt(VmError::DefineFailed, tr("The hypervisor refused the inspector VM's definition. See the details, and report it if it persists."));
    if (virDomainCreate(defined.domain) < 0)
        return VmError::fromLibvirt(VmError::StartFailed, tr("The inspector VM could not be started. Check that enough memory is free, then try again."));
    return {};
}

VmError InspectorJob::stop(virConnectPtr connection) const
{
    DomainHandle domain(connection ? virDomainLookupByName(connection, domainName().toUtf8().constData()) : nullptr);
    if (domain.domain) {
        if (virDomainIsActive(domain.domain) == 1 && virDomainDestroy(domain.domain) < 0)
            return VmError::fromLibvirt(VmError::StopFailed, tr("The inspector VM could not be switched off. Restart Tessera."));
        virDomainUndefine(domain.domain);
    }
    OverlayDisk(baseDisk, spec.systemDisk).removeDiscarded();
    OverlayDisk(deltaDisk, deltaView()).removeDiscarded();
    return {};
}
