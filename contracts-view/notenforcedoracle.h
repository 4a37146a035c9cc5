#pragma once

#include "enforcementoracle.h"

/**
 * The default EnforcementOracle: nothing in a contract is enforced on this
 * machine yet, and it says so.
 */
class NotEnforcedOracle : public EnforcementOracle
{
public:
    EnforcementStatus status(ContractElement) const override { return EnforcementStatus::NotEnforced; }
};
