#pragma once

#include "accelerator.h"

#include <QString>

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
    QString spiceSocket;       ///< unix socket SPICE listens on
    QString consoleLog;        ///< serial console output, for diagnosing boots
    QString agentPortName = QStringLiteral("org.tessera.agent.0");
};
