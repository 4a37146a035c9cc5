#pragma once

#include "enforcementplan.h"

/// What holds an appliance to its contract when the shell shows it: the hypervisor's plan
/// (EnforcementPlan) plus the display section, which the shell itself holds. The clipboard
/// exists only as the seamless windows' chords, which obey the contract's Clipboard. Windows
/// over MaxWindows are held back in seamless mode; the full-desktop window shows whatever the
/// guest draws, so there the count is only watched (a breach when it goes over).
/// Fullscreen stays declared only: a guest window as large as the screen is shown that large.
class ShellEnforcementOracle : public EnforcementOracle
{
public:
    ShellEnforcementOracle(const EnforcementPlan &plan, bool seamless) : m_plan(plan), m_seamless(seamless) {}

    EnforcementStatus status(ContractElement element) const override;

private:
    EnforcementPlan m_plan;
    bool m_seamless;
};
