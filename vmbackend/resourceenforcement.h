#pragma once

#include "domainspec.h"
#include "enforcementcontext.h"
#include "enforcementoracle.h"

#include <QHash>

struct SystemContract;

/// Turns the resource part of a contract into domain configuration, and says how far
/// each of its elements is held on this connection.
class ResourceEnforcement
{
public:
    /// Adds to @p spec what enforces @p contract's resource elements, and records in
    /// @p status the status of each of them (see EnforcementPlan).
    static void apply(const SystemContract &contract, const EnforcementContext &context, DomainSpec *spec,
                      QHash<ContractElement, EnforcementStatus> *status);
};
