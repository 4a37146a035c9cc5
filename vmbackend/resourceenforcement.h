#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// Turns the resource part of a contract into domain configuration, and says how far
/// each of its elements is held on this connection: CPUs and Memory size the guest,
/// DiskRead/WriteRate and IOPS become <iotune> on the system disk (every connection),
/// CPUQuota becomes a <cputune> cgroup quota on privileged connections and is only
/// monitored elsewhere. See docs/enforcement.md, "Resources and disk".
class ResourceEnforcement
{
public:
    /// Below this the sample appliances do not boot; a contract may still ask for less.
    static constexpr int BootMinimumMemoryMiB = 256;
    /// Sanity ceilings against absurd contracts (they would only make the start fail).
    static constexpr qint64 MaximumMemoryMiB = 1024 * 1024;
    static constexpr qint64 MaximumCpuQuotaPercent = 100 * 1024;
    /// The status a privileged connection's CPUQuota gets: proven on a real guest under
    /// libvirt's privileged QEMU driver (tests/e2e/tst_limits_e2e.cpp, cpuQuota).
    static constexpr EnforcementStatus PrivilegedCpuQuotaStatus = EnforcementStatus::Enforced;

    /// Adds to @p spec what enforces @p contract's resource elements, and records in
    /// @p status the status of each of them (see EnforcementPlan).
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);

    /// The guest's vCPUs for a contract's CPUs: the count, at most the host's cores, at least 1.
    static int vcpusFor(int contractCpus);
    /// The guest's memory for a contract's Memory: rounded down, never more than allowed.
    static int memoryMiBFor(double contractMiB);
    /// The <cputune> quota for a contract's CPUQuota, in percent of one host core.
    static int cpuQuotaPercentFor(double contractPercent);
};
