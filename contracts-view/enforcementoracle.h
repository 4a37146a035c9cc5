#pragma once

#include <QCoreApplication>
#include <QString>

/// How far this machine holds an appliance to one element of its contract.
enum class EnforcementStatus {
    Enforced, ///< violations are prevented
    MonitoredOnly, ///< violations are detected and reported, not prevented
    NotEnforced, ///< declared only: nothing here checks it (yet)
    /// Cannot be held on this connection, so the grant is not given at all: e.g. folders of the
    /// personal store for an appliance running on another host (the files stay on this computer).
    Withheld,
};

/// The kinds of contract element whose enforcement can differ.
enum class ContractElement {
    NetworkRules,
    OutgoingRate,
    IncomingRate,
    Mounts,
    MountRates,
    Activity,
    Cpus,
    Memory,
    CpuQuota,
    DiskRates,
    DiskIops,
    Clipboard,
    MaxWindows,
    Fullscreen,
};

/**
 * Says which contract elements this machine actually enforces, so that the
 * UI can show "declared" next to "enforced here", and comparisons can judge
 * what a person is really protected by.
 *
 * The VM backend provides the real answers; until it does, notEnforcedYet()
 * truthfully says that nothing is.
 */
class EnforcementOracle
{
    Q_DECLARE_TR_FUNCTIONS(EnforcementOracle)

public:
    virtual ~EnforcementOracle();

    /// The status of @p element on this machine.
    virtual EnforcementStatus status(ContractElement element) const = 0;

    /// True when the element limits what the appliance can do here: it is
    /// enforced, or it is an activity expectation (which the format only
    /// ever asks to be reported) and is monitored.
    bool protects(ContractElement element) const;

    /// The oracle that says "not enforced" for everything: the truthful default.
    static const EnforcementOracle &notEnforcedYet();

    /// `enforced`, `monitored`, `not-enforced` or `withheld`: stable keys for QML and JSON.
    static QString statusKey(EnforcementStatus status);
    /// Translated, for people.
    static QString statusText(EnforcementStatus status);
};
