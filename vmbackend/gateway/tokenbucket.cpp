#include "tokenbucket.h"

#include <algorithm>
#include <cmath>
#include <limits>

TokenBucket::TokenBucket(double perSecond, double burst, qint64 nowNs, double minimumCapacity)
    : m_rate(perSecond > 0 ? perSecond : 0)
    , m_capacity(std::max({burst, minimumCapacity, 1.0}))
    , m_tokens(m_capacity)
    , m_lastNs(nowNs)
{
}

void TokenBucket::refill(qint64 nowNs)
{
    if (nowNs > m_lastNs) {
        m_tokens = std::min(m_capacity, m_tokens + m_rate * double(nowNs - m_lastNs) / 1e9);
        m_lastNs = nowNs;
    }
}

qint64 TokenBucket::available(qint64 nowNs)
{
    if (!isLimited())
        return std::numeric_limits<qint64>::max();
    refill(nowNs);
    return qint64(std::floor(m_tokens));
}

void TokenBucket::take(qint64 bytes, qint64 nowNs)
{
    if (!isLimited())
        return;
    refill(nowNs);
    m_tokens -= double(bytes);
}

qint64 TokenBucket::waitNs(qint64 bytes, qint64 nowNs)
{
    if (!isLimited())
        return 0;
    refill(nowNs);
    const double missing = std::min(double(bytes), m_capacity) - m_tokens;
    return missing <= 0 ? 0 : qint64(std::ceil(missing / m_rate * 1e9));
}
