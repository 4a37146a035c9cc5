#pragma once

#include "accelerator.h"

#include <QList>
#include <QMap>
#include <QString>

/// A TCP port on the host's 127.0.0.1 forwarded into the guest (an inbound contract rule).
struct HostForward
{
    int hostPort = 0;
    int guestPort = 0;
};

/// The guest's network, as the contract allows it. Disabled: the guest has no NIC at all.
struct GuestNetwork
{
    bool enabled = false;
    /// Unprivileged connections: QEMU user networking with restrict=on; outbound connections
    /// reach only the egress gateway listening on this unix socket (see vmbackend/gateway/).
    QString gatewaySocket;
    /// QEMU connects to gatewaySocket again (every 2 s) when the connection ends. For another
    /// host, where the socket is an ssh forward that a new ssh master can bring back.
    bool gatewayReconnects = false;
    QList<HostForward> inbound;
    /// Unprivileged connections: restrict=on, so nothing but the gateway and the forwards is
    /// reachable. Always true from a contract (NetworkEnforcement sets it); only bench-gateway
    /// clears it, on a launch of its own, to measure unrestricted user networking as a baseline.
    bool restricted = true;
    /// Privileged connections: the nwfilter the contract compiled to, and <bandwidth> in KiB/s
    /// (0: not limited).
    QString nwfilterName;
    /// The <filter> definition of nwfilterName, defined before the domain (NwfilterBuilder).
    QString nwfilterXml;
    /// <parameter>s of the interface's <filterref> (e.g. CTRL_IP_LEARNING).
    QMap<QString, QString> nwfilterParameters;
    qint64 outboundAverageKiBs = 0;
    qint64 outboundPeakKiBs = 0;
    qint64 outboundBurstKiB = 0;
    qint64 inboundAverageKiBs = 0;
    qint64 inboundPeakKiBs = 0;
    qint64 inboundBurstKiB = 0;
};

/// A folder of the personal store exported to the guest (9p), mounted there at guestTarget.
struct SharedFolder
{
    QString tag;         ///< 9p mount tag, at most 31 bytes
    QString hostPath;    ///< absolute, inside the personal store
    QString guestTarget; ///< absolute path inside the guest
    bool readOnly = true;
    /// Average read and write rate QEMU holds the export to (fsdev throttling); 0: not limited.
    qint64 readBytesPerSec = 0;
    qint64 writeBytesPerSec = 0;
};

/// <iotune> of the system disk; 0 means not limited.
struct DiskIoTune
{
    qint64 readBytesPerSec = 0;
    qint64 writeBytesPerSec = 0;
    qint64 readIopsPerSec = 0;
    qint64 writeIopsPerSec = 0;
    bool isEmpty() const { return !readBytesPerSec && !writeBytesPerSec && !readIopsPerSec && !writeIopsPerSec; }
};

/// Everything that goes into one appliance's libvirt domain definition.
struct DomainSpec
{
    QString name;              ///< libvirt domain name, e.g. "tessera-terminal"
    Accelerator::Kind accelerator = Accelerator::Tcg;
    int vcpus = 2;             ///< 1 vCPU boots ~3 s slower under TCG
    int memoryMiB = 1024;
    QString kernel;
    QString initrd;
    QString kernelCommandLine;
    QString systemDisk;        ///< qcow2 overlay over the read-only base
    QString toolsDisk;         ///< read-only raw disk with the guest agent; may be empty
    QString spiceSocket;       ///< unix socket SPICE listens on; empty: libvirt chooses (another host)
    QString consoleLog;        ///< serial console output, for diagnosing boots
    QString agentPortName = QStringLiteral("org.tessera.agent.0");

    GuestNetwork network;
    QList<SharedFolder> sharedFolders;
    DiskIoTune systemDiskIoTune;
    /// Percent of one host core (<cputune> quota); only on privileged connections, 0: none.
    int cpuQuotaPercent = 0;
};
