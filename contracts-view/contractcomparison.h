#pragma once

#include "enforcementoracle.h"
#include "systemcontract.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

/**
 * Which of two contracts is tighter (for the same job).
 *
 * A is tighter than B when on every dimension A allows no more than B and
 * on at least one it allows less. The dimensions are the rule set (compared
 * as sets of packets, see NetworkRuleSet), each rate and limit, the mounts
 * (store, access and rates) and the activity expectations.
 *
 * Given an EnforcementOracle, elements not enforced on this machine count as
 * unlimited on both sides: the verdict then says what a person is actually
 * protected by here, rather than what is declared.
 */
class ContractComparison
{
    Q_DECLARE_TR_FUNCTIONS(ContractComparison)

public:
    enum class Verdict { Equal, LeftTighter, RightTighter, Incomparable };
    /// Which side allows less on one dimension.
    enum class Side { Left, Right, Neither };

    /// One dimension on which the two sides differ.
    struct Dimension
    {
        /// Stable key, e.g. `network.rules`, `resources.memory`; prefixed
        /// with `SYSTEM/` when comparing descriptors of several systems.
        QString key;
        /// The tighter side; Neither when each allows something the other does not.
        Side tighter = Side::Neither;
    };

    struct Result
    {
        Verdict verdict = Verdict::Equal;
        /// Every dimension that differs: the ones that decided the verdict.
        QList<Dimension> dimensions;
    };

    /// Compares two systems' contracts. With @p enforcedHere, only what this
    /// machine enforces counts.
    static Result compare(const SystemContract &left, const SystemContract &right, const EnforcementOracle *enforcedHere = nullptr);
    /// Compares two descriptors: systems are paired by id (or directly when
    /// each side has exactly one); a system on one side only makes that side looser.
    static Result compare(const QList<SystemContract> &left, const QList<SystemContract> &right,
                          const EnforcementOracle *enforcedHere = nullptr);

    /// `equal`, `left-tighter`, `right-tighter` or `incomparable`.
    static QString verdictKey(Verdict verdict);
    /// `left`, `right` or `neither`.
    static QString sideKey(Side side);
    /// Translated title of a dimension key (without system prefix), e.g. "network rules".
    static QString dimensionTitle(const QString &key);
    /// All dimension keys, in report order.
    static QStringList dimensionKeys();

    /// True when @p inner's contract allows nothing that @p outer's does not,
    /// on one dimension. Used by ContractDiff to find what widened.
    static bool withinOnDimension(const QString &key, const SystemContract &inner, const SystemContract &outer,
                                  const EnforcementOracle *enforcedHere = nullptr);

private:
    static Verdict combine(const QList<Dimension> &dimensions);
};
