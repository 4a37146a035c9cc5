#pragma once

#include <QtGlobal>

/// A token bucket: tokens accrue at an average rate up to a capacity. The gateway holds one
/// per direction of an appliance's traffic (tokens are bytes; the capacity is the contract's
/// burst, at least one frame) and one each for connection opens and name look-ups (tokens
/// are events). Time is passed in (nanoseconds of a monotonic clock), so the arithmetic is
/// testable.
class TokenBucket
{
public:
    /// Unlimited.
    TokenBucket() = default;
    /// @p perSecond tokens a second, at most max(@p burst, @p minimumCapacity) held; starts full.
    TokenBucket(double perSecond, double burst, qint64 nowNs, double minimumCapacity = MinimumCapacity);

    bool isLimited() const { return m_rate > 0; }
    /// Tokens (bytes, or events) that may pass now.
    qint64 available(qint64 nowNs);
    /// Takes @p bytes tokens (at most available()).
    void take(qint64 bytes, qint64 nowNs);
    /// Nanoseconds until @p bytes (≤ capacity) are available; 0 if they are now.
    qint64 waitNs(qint64 bytes, qint64 nowNs);
    qint64 capacity() const { return qint64(m_capacity); }

    /// The smallest capacity of a byte bucket: one full data frame.
    static constexpr double MinimumCapacity = 16384;

private:
    void refill(qint64 nowNs);

    double m_rate = 0;
    double m_capacity = 0;
    double m_tokens = 0;
    qint64 m_lastNs = 0;
};
