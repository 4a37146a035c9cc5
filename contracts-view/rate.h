#pragma once

#include <QCoreApplication>
#include <QString>

/**
 * A data-rate limit (network or disk): an average, an optional peak and an
 * optional burst. Stored in bytes per second (burst in bytes); the contract
 * writes KiB/s or MiB/s and KiB. A default-constructed Rate is "no limit".
 *
 * A limit without a peak never exceeds its average; one without a burst
 * allows no burst. That is how the values are compared and merged.
 */
class Rate
{
    Q_DECLARE_TR_FUNCTIONS(Rate)

public:
    /// No limit.
    Rate() = default;
    /// A limit; negative @p peak or @p burst means "not given".
    static Rate limit(double averageBytesPerSecond, double peakBytesPerSecond = -1, double burstBytes = -1);

    /// False for "no limit".
    bool isLimited() const { return m_limited; }
    /// Bytes per second.
    double average() const { return m_average; }
    bool hasPeak() const { return m_peak >= 0; }
    /// The declared peak, or the average when none was declared.
    double effectivePeak() const { return hasPeak() ? m_peak : m_average; }
    bool hasBurst() const { return m_burst >= 0; }
    /// The declared burst, or 0 when none was declared.
    double effectiveBurst() const { return hasBurst() ? m_burst : 0; }

    /// True when this rate allows no more than @p other in every respect.
    bool isWithin(const Rate &other) const;
    /// The limit that satisfies both: the lower value of each field.
    static Rate tighter(const Rate &a, const Rate &b);

    /// "100 KiB/s", "peak 2 MiB/s, burst 64 KiB" — translated, for people.
    QString toDisplayString() const;
    /// Formats bytes per second as KiB/s or MiB/s.
    static QString formatSpeed(double bytesPerSecond);
    /// Formats a byte count as KiB or MiB.
    static QString formatSize(double bytes);

    bool operator==(const Rate &other) const;
    bool operator!=(const Rate &other) const { return !(*this == other); }

private:
    bool m_limited = false;
    double m_average = 0;
    double m_peak = -1;
    double m_burst = -1;
};
