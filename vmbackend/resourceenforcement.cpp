#include "resourceenforcement.h"

#include "systemcontract.h"
#include "vmbackendlog.h"

#include <QThread>

#include <algorithm>
#include <cmath>

namespace {

/// Rounds a contract's limit down: the guest may get less than the contract allows, never more.
qint64 floorLimit(double value)
{
    return std::max<qint64>(1, qint64(std::floor(value)));
}

} // namespace

int ResourceEnforcement::vcpusFor(int contractCpus)
{
    // More vCPUs than host cores only adds contention under TCG; fewer is still within the limit.
    const int hostCores = std::max(1, QThread::idealThreadCount());
    return std::clamp(contractCpus, 1, hostCores);
}

int ResourceEnforcement::memoryMiBFor(double contractMiB)
{
    return int(std::min<qint64>(floorLimit(contractMiB), MaximumMemoryMiB));
}

int ResourceEnforcement::cpuQuotaPercentFor(double contractPercent)
{
    // The kernel's CFS quota has a floor of 1 ms per 100 ms period: 1 %.
    return int(std::clamp<qint64>(floorLimit(contractPercent), 1, MaximumCpuQuotaPercent));
}

void ResourceEnforcement::apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                               QHash<ContractElement, EnforcementStatus> *status)
{
    const ResourceLimits &limits = contract.resources;

    if (limits.cpus) {
        spec->vcpus = vcpusFor(*limits.cpus);
        status->insert(ContractElement::Cpus, EnforcementStatus::Enforced);
    }
    if (limits.memoryMiB) {
        // The contract is a limit: the guest gets what it says, even below what the appliance
        // needs to boot (then it fails to boot, visibly, rather than silently exceeding it).
        spec->memoryMiB = memoryMiBFor(*limits.memoryMiB);
        if (spec->memoryMiB < BootMinimumMemoryMiB)
            qCWarning(lcVmBackend) << spec->name << "contract allows only" << spec->memoryMiB << "MiB of memory; appliances need about"
                                   << BootMinimumMemoryMiB << "MiB to boot";
        status->insert(ContractElement::Memory, EnforcementStatus::Enforced);
    }

    // QEMU's block throttling holds the average; the contract's peak and burst only ever allow
    // more, so holding the average alone stays within the contract.
    DiskIoTune &io = spec->systemDiskIoTune;
    if (limits.diskReadRate.isLimited())
        io.readBytesPerSec = floorLimit(limits.diskReadRate.average());
    if (limits.diskWriteRate.isLimited())
        io.writeBytesPerSec = floorLimit(limits.diskWriteRate.average());
    if (limits.diskReadRate.isLimited() || limits.diskWriteRate.isLimited())
        status->insert(ContractElement::DiskRates, EnforcementStatus::Enforced);
    if (limits.diskReadIops)
        io.readIopsPerSec = std::max<qint64>(1, *limits.diskReadIops);
    if (limits.diskWriteIops)
        io.writeIopsPerSec = std::max<qint64>(1, *limits.diskWriteIops);
    if (limits.diskReadIops || limits.diskWriteIops)
        status->insert(ContractElement::DiskIops, EnforcementStatus::Enforced);

    if (limits.cpuQuotaPercent) {
        if (context.privileged || context.cgroupTunes) {
            // <cputune> global quota: a cgroup limit on the whole domain, all vCPUs together.
            spec->cpuQuotaPercent = cpuQuotaPercentFor(*limits.cpuQuotaPercent);
            status->insert(ContractElement::CpuQuota, PrivilegedCpuQuotaStatus);
        } else {
            // Session libvirt refuses <cputune>, and QEMU has no throttle of its own: the
            // monitor compares the domain's cpu.time with the quota and reports breaches.
            status->insert(ContractElement::CpuQuota, EnforcementStatus::MonitoredOnly);
        }
    }
}
