#include "mountenforcement.h"

#include "guestmountplan.h"
#include "personalstore.h"
#include "systemcontract.h"
#include "vmbackendlog.h"

#include <QDir>

QString MountEnforcement::tagFor(int index)
{
    return QStringLiteral("tstore%1").arg(index);
}

void MountEnforcement::apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                             QHash<ContractElement, EnforcementStatus> *status)
{
    if (context.remote && !contract.mounts.isEmpty()) {
        // 9p exports files of this computer's disk; QEMU on another host cannot reach them.
        status->insert(ContractElement::Mounts, EnforcementStatus::Withheld);
        status->insert(ContractElement::MountRates, EnforcementStatus::Withheld);
        return;
    }
    const PersonalStore store(context.storeRoot);
    bool complete = true;
    bool rated = false;
    for (const MountGrant &grant : contract.mounts) {
        SharedFolder folder;
        folder.tag = tagFor(int(spec->sharedFolders.size()));
        folder.hostPath = store.pathOf(grant.store);
        folder.guestTarget = QDir::cleanPath(grant.target);
        folder.readOnly = grant.access == MountGrant::Access::ReadOnly;
        // The average only: a bucket that never exceeds it also honours any declared peak.
        folder.readBytesPerSec = grant.readRate.isLimited() ? qMax<qint64>(1, qint64(grant.readRate.average())) : 0;
        folder.writeBytesPerSec = grant.writeRate.isLimited() ? qMax<qint64>(1, qint64(grant.writeRate.average())) : 0;
        // The parser already rejects such mounts; a contract built in code must not slip through.
        if (folder.hostPath.isEmpty() || !GuestMountPlan::validTarget(folder.guestTarget)) {
            qCWarning(lcVmBackend) << context.applianceName << "mount not exported: store" << grant.store << "target" << grant.target;
            complete = false;
            continue;
        }
        spec->sharedFolders.append(folder);
        rated = rated || grant.readRate.isLimited() || grant.writeRate.isLimited();
    }
    // Proven on a real guest by tests/e2e/tst_mounts_e2e: read-only refuses writes, writes land
    // in the store, nothing outside it is reachable. With no mounts nothing of the host is visible.
    status->insert(ContractElement::Mounts, complete ? EnforcementStatus::Enforced : EnforcementStatus::NotEnforced);
    // QEMU's fsdev throttling (DomainXmlBuilder), proven by tst_mounts_e2e measuring writes and
    // reads in the guest against the contract's rates.
    if (rated)
        status->insert(ContractElement::MountRates, EnforcementStatus::Enforced);
}
