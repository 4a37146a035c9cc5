#include "domainxmlbuilder.h"

#include <QCryptographicHash>
#include <QUuid>
#include <QXmlStreamWriter>

namespace {

const QString QemuNamespace = QStringLiteral("http://libvirt.org/schemas/domain/qemu/1.0");

// A fixed namespace for name-based (v5) UUIDs of Tessera domains.
const QUuid TesseraDomainNamespace(QStringLiteral("{6d0f3a52-8c1e-4f5b-9a57-2f3c4e1d7b60}"));

void writeIoTune(QXmlStreamWriter &xml, const DiskIoTune &tune)
{
    if (tune.isEmpty())
        return;
    // QEMU's block throttling (works on every connection, also unprivileged): bytes and
    // operations per second, 0 leaves a direction unlimited.
    xml.writeStartElement(QStringLiteral("iotune"));
    const std::pair<const char *, qint64> limits[] = {{"read_bytes_sec", tune.readBytesPerSec},
                                                      {"write_bytes_sec", tune.writeBytesPerSec},
                                                      {"read_iops_sec", tune.readIopsPerSec},
                                                      {"write_iops_sec", tune.writeIopsPerSec}};
    for (const auto &[name, value] : limits) {
        if (value > 0)
            xml.writeTextElement(QLatin1String(name), QString::number(value));
    }
    xml.writeEndElement();
}

void writeDisk(QXmlStreamWriter &xml, const QString &format, const QString &file, const QString &target, bool readOnly,
               const DiskIoTune &ioTune = {})
{
    xml.writeStartElement(QStringLiteral("disk"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
    xml.writeAttribute(QStringLiteral("device"), QStringLiteral("disk"));
    xml.writeEmptyElement(QStringLiteral("driver"));
    xml.writeAttribute(QStringLiteral("name"), QStringLiteral("qemu"));
    xml.writeAttribute(QStringLiteral("type"), format);
    xml.writeEmptyElement(QStringLiteral("source"));
    xml.writeAttribute(QStringLiteral("file"), file);
    xml.writeEmptyElement(QStringLiteral("target"));
    xml.writeAttribute(QStringLiteral("dev"), target);
    xml.writeAttribute(QStringLiteral("bus"), QStringLiteral("virtio"));
    if (readOnly)
        xml.writeEmptyElement(QStringLiteral("readonly"));
    writeIoTune(xml, ioTune);
    xml.writeEndElement();
}

/// Privileged connections: a global cgroup CPU quota over all vCPUs (and QEMU's own threads).
void writeCpuTune(QXmlStreamWriter &xml, int cpuQuotaPercent)
{
    if (cpuQuotaPercent <= 0)
        return;
    constexpr qint64 PeriodUs = 100000;
    xml.writeStartElement(QStringLiteral("cputune"));
    xml.writeTextElement(QStringLiteral("global_period"), QString::number(PeriodUs));
    xml.writeTextElement(QStringLiteral("global_quota"), QString::number(PeriodUs * cpuQuotaPercent / 100));
    xml.writeEndElement();
}

void writeBandwidthDirection(QXmlStreamWriter &xml, const QString &direction, qint64 average, qint64 peak, qint64 burst)
{
    if (average <= 0)
        return;
    xml.writeEmptyElement(direction);
    xml.writeAttribute(QStringLiteral("average"), QString::number(average));
    if (peak > 0)
        xml.writeAttribute(QStringLiteral("peak"), QString::number(peak));
    if (burst > 0)
        xml.writeAttribute(QStringLiteral("burst"), QString::number(burst));
}

/// Privileged connections: a NIC on libvirt's "default" network, filtered by the contract's
/// nwfilter and shaped by <bandwidth> (KiB/s, from the guest's point of view).
void writePrivilegedInterface(QXmlStreamWriter &xml, const GuestNetwork &network)
{
    xml.writeStartElement(QStringLiteral("interface"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("network"));
    xml.writeEmptyElement(QStringLiteral("source"));
    xml.writeAttribute(QStringLiteral("network"), QStringLiteral("default"));
    xml.writeEmptyElement(QStringLiteral("model"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("virtio"));
    xml.writeStartElement(QStringLiteral("filterref"));
    xml.writeAttribute(QStringLiteral("filter"), network.nwfilterName);
    for (auto it = network.nwfilterParameters.cbegin(); it != network.nwfilterParameters.cend(); ++it) {
        xml.writeEmptyElement(QStringLiteral("parameter"));
        xml.writeAttribute(QStringLiteral("name"), it.key());
        xml.writeAttribute(QStringLiteral("value"), it.value());
    }
    xml.writeEndElement();
    if (network.outboundAverageKiBs > 0 || network.inboundAverageKiBs > 0) {
        xml.writeStartElement(QStringLiteral("bandwidth"));
        writeBandwidthDirection(xml, QStringLiteral("inbound"), network.inboundAverageKiBs, network.inboundPeakKiBs,
                                network.inboundBurstKiB);
        writeBandwidthDirection(xml, QStringLiteral("outbound"), network.outboundAverageKiBs, network.outboundPeakKiBs,
                                network.outboundBurstKiB);
        xml.writeEndElement();
    }
    xml.writeEndElement();
}

void writeEmpty(QXmlStreamWriter &xml, const QString &element, std::initializer_list<std::pair<QString, QString>> attributes)
{
    xml.writeEmptyElement(element);
    for (const auto &[name, value] : attributes)
        xml.writeAttribute(name, value);
}

// QEMU's option syntax doubles a comma inside a value.
QString optionValue(QString value)
{
    return value.replace(QLatin1Char(','), QStringLiteral(",,"));
}

// Locally administered, stable per domain: the guest sees the same NIC across launches.
QString macFor(const QString &domainName)
{
    const QByteArray hash = QCryptographicHash::hash(domainName.toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("52:54:00:%1:%2:%3")
        .arg(quint8(hash[0]), 2, 16, QLatin1Char('0'))
        .arg(quint8(hash[1]), 2, 16, QLatin1Char('0'))
        .arg(quint8(hash[2]), 2, 16, QLatin1Char('0'));
}

// Session-mode network (docs/enforcement.md): user networking with restrict=on, whose only
// ways out are the guestfwd to the egress gateway and the inbound hostfwds on 127.0.0.1.
// libvirt 9.0's <interface type='user'> cannot set restrict, guestfwd nor hostfwd, hence
// QEMU arguments through libvirt's qemu namespace (libvirt marks the domain custom-argv).
QStringList sessionNetworkArguments(const DomainSpec &spec)
{
    QString netdev = QStringLiteral("user,id=tnet0,restrict=%1,net=10.0.2.0/24,guestfwd=tcp:10.0.2.100:3128-unix:")
                         .arg(spec.network.restricted ? QStringLiteral("on") : QStringLiteral("off"))
        + optionValue(spec.network.gatewaySocket);
    // A chardev option after the path: ",," is one comma once -netdev has been split.
    if (spec.network.gatewayReconnects)
        netdev += QStringLiteral(",,reconnect=2");
    for (const HostForward &forward : spec.network.inbound) {
        if (forward.hostPort > 0) // 0: not chosen yet (InboundPortMap::assign at launch)
            netdev += QStringLiteral(",hostfwd=tcp:127.0.0.1:%1-:%2").arg(forward.hostPort).arg(forward.guestPort);
    }
    return {QStringLiteral("-netdev"), netdev, QStringLiteral("-device"),
            // QEMU places these before libvirt's own devices: a fixed slot
            // libvirt does not hand out (it counts up from 1) avoids a clash.
            QStringLiteral("virtio-net-pci,netdev=tnet0,bus=pci.0,addr=0x1f,mac=") + macFor(spec.name)};
}

// A folder of the personal store over 9p. accessmode 'mapped' works whether QEMU runs as root
// (embedded driver) or as the user (qemu:///session), and keeps the guest's ownership, modes,
// device nodes and symbolic links in extended attributes: a link the guest creates is a plain
// file on the host, so nothing on the host can follow it out of the store.
void writeSharedFolder(QXmlStreamWriter &xml, const SharedFolder &folder)
{
    xml.writeStartElement(QStringLiteral("filesystem"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("mount"));
    xml.writeAttribute(QStringLiteral("accessmode"), QStringLiteral("mapped"));
    writeEmpty(xml, QStringLiteral("driver"), {{QStringLiteral("type"), QStringLiteral("path")}});
    writeEmpty(xml, QStringLiteral("source"), {{QStringLiteral("dir"), folder.hostPath}});
    writeEmpty(xml, QStringLiteral("target"), {{QStringLiteral("dir"), folder.tag}});
    if (folder.readOnly)
        xml.writeEmptyElement(QStringLiteral("readonly"));
    // A fixed alias names QEMU's fsdev ("fsdev-ua-TAG") for the throttling arguments below.
    writeEmpty(xml, QStringLiteral("alias"), {{QStringLiteral("name"), QStringLiteral("ua-") + folder.tag}});
    xml.writeEndElement();
}

// libvirt 9.0's <filesystem> has no throttling, but QEMU's fsdev has (throttling.bps-read/-write,
// a token bucket per export): set on the fsdev libvirt creates, through the qemu namespace
// (libvirt marks the domain "custom-argv"). Measured: 1 MiB/s held to 1.03 MiB/s.
QStringList sharedFolderThrottling(const QList<SharedFolder> &folders)
{
    QStringList args;
    const auto set = [&args](const SharedFolder &folder, const char *option, qint64 bytesPerSec) {
        if (bytesPerSec > 0)
            args << QStringLiteral("-set")
                 << QStringLiteral("fsdev.fsdev-ua-%1.throttling.%2=%3").arg(folder.tag, QLatin1String(option)).arg(bytesPerSec);
    };
    for (const SharedFolder &folder : folders) {
        set(folder, "bps-read", folder.readBytesPerSec);
        set(folder, "bps-write", folder.writeBytesPerSec);
    }
    return args;
}

} // namespace

QString DomainXmlBuilder::uuidFor(const QString &domainName)
{
    return QUuid::createUuidV5(TesseraDomainNamespace, domainName).toString(QUuid::WithoutBraces);
}

QString DomainXmlBuilder::build(const DomainSpec &spec)
{
    QString out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    // libvirt's schema allows one <qemu:commandline>: every QEMU argument joins this list.
    QStringList qemuArguments;
    if (spec.network.enabled && !spec.network.gatewaySocket.isEmpty())
        qemuArguments += sessionNetworkArguments(spec);
    qemuArguments += sharedFolderThrottling(spec.sharedFolders);
    if (!qemuArguments.isEmpty())
        xml.writeNamespace(QemuNamespace, QStringLiteral("qemu"));
    xml.writeStartElement(QStringLiteral("domain"));
    xml.writeAttribute(QStringLiteral("type"), spec.accelerator == Accelerator::Kvm ? QStringLiteral("kvm") : QStringLiteral("qemu"));
    xml.writeTextElement(QStringLiteral("name"), spec.name);
    xml.writeTextElement(QStringLiteral("uuid"), uuidFor(spec.name));
    xml.writeTextElement(QStringLiteral("title"), QStringLiteral("Tessera appliance"));
    xml.writeStartElement(QStringLiteral("memory"));
    xml.writeAttribute(QStringLiteral("unit"), QStringLiteral("MiB"));
    xml.writeCharacters(QString::number(spec.memoryMiB));
    xml.writeEndElement();
    xml.writeTextElement(QStringLiteral("vcpu"), QString::number(spec.vcpus));
    writeCpuTune(xml, spec.cpuQuotaPercent);

    xml.writeStartElement(QStringLiteral("os"));
    xml.writeStartElement(QStringLiteral("type"));
    xml.writeAttribute(QStringLiteral("arch"), QStringLiteral("x86_64"));
    xml.writeAttribute(QStringLiteral("machine"), QStringLiteral("pc"));
    xml.writeCharacters(QStringLiteral("hvm"));
    xml.writeEndElement();
    if (spec.kernel.isEmpty()) {
        // An imported appliance without kernel and initrd: its own bootloader on the system disk.
        writeEmpty(xml, QStringLiteral("boot"), {{QStringLiteral("dev"), QStringLiteral("hd")}});
    } else {
        // Direct kernel boot: no bootloader, a few seconds faster under TCG.
        xml.writeTextElement(QStringLiteral("kernel"), spec.kernel);
        xml.writeTextElement(QStringLiteral("initrd"), spec.initrd);
        xml.writeTextElement(QStringLiteral("cmdline"), spec.kernelCommandLine);
    }
    xml.writeEndElement(); // os

    // ACPI so that a shutdown request reaches the guest as a power-button press.
    xml.writeStartElement(QStringLiteral("features"));
    xml.writeEmptyElement(QStringLiteral("acpi"));
    xml.writeEndElement();
    if (spec.accelerator == Accelerator::Kvm)
        writeEmpty(xml, QStringLiteral("cpu"), {{QStringLiteral("mode"), QStringLiteral("host-model")}});
    xml.writeTextElement(QStringLiteral("on_poweroff"), QStringLiteral("destroy"));
    xml.writeTextElement(QStringLiteral("on_reboot"), QStringLiteral("restart"));
    xml.writeTextElement(QStringLiteral("on_crash"), QStringLiteral("destroy"));

    xml.writeStartElement(QStringLiteral("devices"));
    writeDisk(xml, QStringLiteral("qcow2"), spec.systemDisk, QStringLiteral("vda"), false, spec.systemDiskIoTune);
    if (!spec.toolsDisk.isEmpty())
        writeDisk(xml, QStringLiteral("raw"), spec.toolsDisk, QStringLiteral("vdb"), true);
    if (spec.network.enabled && !spec.network.nwfilterName.isEmpty())
        writePrivilegedInterface(xml, spec.network);
    for (const SharedFolder &folder : spec.sharedFolders)
        writeSharedFolder(xml, folder);
    writeEmpty(xml, QStringLiteral("controller"), {{QStringLiteral("type"), QStringLiteral("usb")}, {QStringLiteral("model"), QStringLiteral("none")}});
    writeEmpty(xml, QStringLiteral("input"), {{QStringLiteral("type"), QStringLiteral("tablet")}, {QStringLiteral("bus"), QStringLiteral("virtio")}});
    writeEmpty(xml, QStringLiteral("input"), {{QStringLiteral("type"), QStringLiteral("keyboard")}, {QStringLiteral("bus"), QStringLiteral("ps2")}});

    xml.writeStartElement(QStringLiteral("graphics"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("spice"));
    if (spec.spiceSocket.isEmpty()) // another host: libvirt picks a path in the domain's private folder there
        writeEmpty(xml, QStringLiteral("listen"), {{QStringLiteral("type"), QStringLiteral("socket")}});
    else
        writeEmpty(xml, QStringLiteral("listen"), {{QStringLiteral("type"), QStringLiteral("socket")}, {QStringLiteral("socket"), spec.spiceSocket}});
    writeEmpty(xml, QStringLiteral("image"), {{QStringLiteral("compression"), QStringLiteral("off")}});
    xml.writeEndElement();
    // virtio-gpu keeps the picture across a memory-image restore (qxl shows black).
    xml.writeStartElement(QStringLiteral("video"));
    writeEmpty(xml, QStringLiteral("model"), {{QStringLiteral("type"), QStringLiteral("virtio")}, {QStringLiteral("heads"), QStringLiteral("1")}, {QStringLiteral("primary"), QStringLiteral("yes")}});
    xml.writeEndElement();

    xml.writeStartElement(QStringLiteral("channel"));
    xml.writeAttribute(QStringLiteral("type"), QStringLiteral("spiceport"));
    writeEmpty(xml, QStringLiteral("source"), {{QStringLiteral("channel"), spec.agentPortName}});
    writeEmpty(xml, QStringLiteral("target"), {{QStringLiteral("type"), QStringLiteral("virtio")}, {QStringLiteral("name"), spec.agentPortName}});
    xml.writeEndElement();

    if (!spec.consoleLog.isEmpty()) {
        xml.writeStartElement(QStringLiteral("serial"));
        xml.writeAttribute(QStringLiteral("type"), QStringLiteral("file"));
        writeEmpty(xml, QStringLiteral("source"), {{QStringLiteral("path"), spec.consoleLog}});
        writeEmpty(xml, QStringLiteral("target"), {{QStringLiteral("port"), QStringLiteral("0")}});
        xml.writeEndElement();
    }
    writeEmpty(xml, QStringLiteral("memballoon"), {{QStringLiteral("model"), QStringLiteral("none")}});
    xml.writeEndElement(); // devices
    if (!qemuArguments.isEmpty()) {
        xml.writeStartElement(QemuNamespace, QStringLiteral("commandline"));
        for (const QString &argument : qemuArguments) {
            xml.writeEmptyElement(QemuNamespace, QStringLiteral("arg"));
            xml.writeAttribute(QStringLiteral("value"), argument);
        }
        xml.writeEndElement();
    }
    xml.writeEndElement(); // domain
    xml.writeEndDocument();
    return out;
}
