#pragma once

#include <QtGlobal>

/// A token bucket for one direction of an appliance's traffic: tokens (bytes) accrue at
/// the contract's average rate up to a capacity (the contract's burst, at least one frame).
/// Time is passed in (nanoseconds of a monotonic clock), so the arithmetic is testable.
class TokenBucket
{
public:
    /// Unlimited.
    TokenBucket() = default;
    TokenBucket(double bytesPerSecond, double burstBytes, qint64 nowNs);

    bool isLimited() const { return m_rate > 0; }
    /// Bytes that may pass now.
    qint64 available(qint64 nowNs);
    /// Takes @p bytes (at most available()).
    void take(qint64 bytes, qint64 nowNs);
    /// Nanoseconds until @p bytes (≤ capacity) are available; 0 if they are now.
    qint64 waitNs(qint64 bytes, qint64 nowNs);
    qint64 capacity() const { return qint64(m_capacity); }

    /// The smallest capacity: one full data frame.
    static constexpr double MinimumCapacity = 16384;

private:
    void refill(qint64 nowNs);

    double m_rate = 0;
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastNs = 0;
};
