#include "enforcementplan.h"

#include "mountenforcement.h"
#include "networkenforcement.h"
#include "privilegednetworkenforcement.h"
#include "resourceenforcement.h"
#include "systemcontract.h"

EnforcementPlan EnforcementPlan::compile(const SystemContract &contract, const EnforcementContext &context, const DomainSpec &base)
{
    EnforcementPlan plan;
    plan.m_spec = base;
    plan.m_context = context;
    plan.m_contract = contract;
    if (context.privileged && !context.remote)
        PrivilegedNetworkEnforcement::apply(contract, context, &plan.m_spec, &plan.m_status);
    else
        NetworkEnforcement::apply(contract, context, &plan.m_spec, &plan.m_status);
    MountEnforcement::apply(contract, context, &plan.m_spec, &plan.m_status);
    ResourceEnforcement::apply(contract, context, &plan.m_spec, &plan.m_status);
    return plan;
}

EnforcementStatus EnforcementPlan::status(ContractElement element) const
{
    return m_status.value(element, EnforcementStatus::NotEnforced);
}
