#pragma once

#include "enforcementplan.h"

/// What holds an appliance to its contract when the shell shows it: the hypervisor's plan
/// (EnforcementPlan), the activity expectations, which the shell's contract monitor watches,
/// and the display section, which the shell itself holds. The clipboard
/// exists only as the seamless windows' chords, which obey the contract's Clipboard. Windows
/// over MaxWindows are held back in seamless mode; the full-desktop window shows whatever the
/// guest draws, so there the count is only watched (a breach when it goes over). No guest
/// window ever covers the host's screen: seamless mode does not show one that covers the guest's
/// whole screen while the contract denies it (and asks the guest to shrink it); the full-desktop
/// window is an ordinary framed window.
class ShellEnforcementOracle : public EnforcementOracle
{
public:
    ShellEnforcementOracle(const EnforcementPlan &plan, bool seamless) : m_plan(plan), m_seamless(seamless) {}

    EnforcementStatus status(ContractElement element) const override;

private:
    EnforcementPlan m_plan;
    bool m_seamless;
};
