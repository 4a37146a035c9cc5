#pragma once

#include "rate.h"

#include <optional>

/**
 * The values of ResourceContract_Type sections. Anything not given is
 * unlimited.
 */
struct ResourceLimits
{
    std::optional<int> cpus;
    std::optional<double> memoryMiB;
    /// Percent of one host core (may exceed 100).
    std::optional<double> cpuQuotaPercent;
    Rate diskReadRate;
    Rate diskWriteRate;
    std::optional<qint64> diskReadIops;
    std::optional<qint64> diskWriteIops;

    /// True when nothing is limited.
    bool isEmpty() const
    {
        return !cpus && !memoryMiB && !cpuQuotaPercent && !diskReadRate.isLimited() && !diskWriteRate.isLimited() && !diskReadIops
            && !diskWriteIops;
    }

    /// The lower of two optional limits (a missing one is unlimited).
    template<typename T>
    static std::optional<T> lower(const std::optional<T> &a, const std::optional<T> &b)
    {
        if (!a)
            return b;
        if (!b)
            return a;
        return *a < *b ? a : b;
    }
};
