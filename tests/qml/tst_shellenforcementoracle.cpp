// What the consent dialog says about the display section: the shell's own part of enforcement.
#include "enforcementplan.h"
#include "mountgrant.h"
#include "shellenforcementoracle.h"
#include "systemcontract.h"

#include <QTest>

class TestShellEnforcementOracle : public QObject
{
    Q_OBJECT

    static EnforcementPlan planFor(const SystemContract &contract)
    {
        EnforcementContext context;
        context.applianceName = QStringLiteral("terminal");
        return EnforcementPlan::compile(contract, context, DomainSpec());
    }

private Q_SLOTS:
    void displayIsHeldByTheShell()
    {
        SystemContract contract;
        contract.display.clipboard = DisplayPolicy::Clipboard::None;
        contract.display.maxWindows = 2;
        contract.display.fullscreen = DisplayPolicy::Fullscreen::Deny;
        const EnforcementPlan plan = planFor(contract);
        // The hypervisor holds none of it.
        QCOMPARE(plan.status(ContractElement::Clipboard), EnforcementStatus::NotEnforced);
        QCOMPARE(plan.status(ContractElement::MaxWindows), EnforcementStatus::NotEnforced);

        const ShellEnforcementOracle seamless(plan, true);
        QCOMPARE(seamless.status(ContractElement::Clipboard), EnforcementStatus::Enforced);
        QCOMPARE(seamless.status(ContractElement::MaxWindows), EnforcementStatus::Enforced);
        QCOMPARE(seamless.status(ContractElement::Fullscreen), EnforcementStatus::Enforced);

        // The full-desktop window shows every window the guest draws: the count is only watched.
        const ShellEnforcementOracle fullDesktop(plan, false);
        QCOMPARE(fullDesktop.status(ContractElement::Clipboard), EnforcementStatus::Enforced);
        QCOMPARE(fullDesktop.status(ContractElement::MaxWindows), EnforcementStatus::MonitoredOnly);
        QCOMPARE(fullDesktop.status(ContractElement::Fullscreen), EnforcementStatus::Enforced);
        QVERIFY(fullDesktop.protects(ContractElement::Clipboard));
    }

    void everythingElseIsThePlans()
    {
        SystemContract contract;
        contract.resources.cpus = 1;
        const EnforcementPlan plan = planFor(contract);
        const ShellEnforcementOracle oracle(plan, true);
        for (ContractElement element : {ContractElement::NetworkRules, ContractElement::Mounts, ContractElement::Cpus,
                                        ContractElement::Memory, ContractElement::DiskRates})
            QCOMPARE(oracle.status(element), plan.status(element));
        QCOMPARE(oracle.status(ContractElement::Cpus), EnforcementStatus::Enforced);
    }

    void activityIsWatchedWhereTheStoreIs()
    {
        SystemContract contract;
        MountGrant documents;
        documents.store = QStringLiteral("Documents");
        documents.target = QStringLiteral("/home/user/Documents");
        contract.mounts.append(documents);
        const EnforcementPlan here = planFor(contract);
        QCOMPARE(here.status(ContractElement::Activity), EnforcementStatus::NotEnforced); // not the hypervisor's
        QCOMPARE(ShellEnforcementOracle(here, false).status(ContractElement::Activity), EnforcementStatus::MonitoredOnly);
        QVERIFY(ShellEnforcementOracle(here, false).protects(ContractElement::Activity));

        EnforcementContext remote;
        remote.applianceName = QStringLiteral("terminal");
        remote.remote = true;
        const EnforcementPlan there = EnforcementPlan::compile(contract, remote, DomainSpec());
        QCOMPARE(there.status(ContractElement::Mounts), EnforcementStatus::Withheld);
        QCOMPARE(ShellEnforcementOracle(there, true).status(ContractElement::Activity), EnforcementStatus::Withheld);
    }
};

QTEST_GUILESS_MAIN(TestShellEnforcementOracle)
#include "tst_shellenforcementoracle.moc"
