#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"
#include "systemcontract.h"

#include <QHash>


/// What holds one appliance to its contract on one connection: the domain configuration the
/// contract compiles to (network, mounts, resources) and, for every contract element, whether
/// it is enforced, only monitored, or not enforced here. An element is only ever reported
/// enforced when a test on a real guest proves the mechanism (see docs/enforcement.md).
class EnforcementPlan : public EnforcementOracle
{
public:
    EnforcementPlan() = default;
    static EnforcementPlan compile(const SystemContract &contract, const EnforcementContext &context, const DomainSpec &base);

    /// The domain specification with the contract's enforcement added.
    DomainSpec spec() const { return m_spec; }
    EnforcementContext context() const { return m_context; }
    /// The contract the plan was compiled from (the monitor watches what is not enforced).
    const SystemContract &contract() const { return m_contract; }
    EnforcementStatus status(ContractElement element) const override;

private:
    DomainSpec m_spec;
    SystemContract m_contract;
    EnforcementContext m_context;
    QHash<ContractElement, EnforcementStatus> m_status;
};
