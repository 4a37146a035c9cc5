#include "rate.h"

#include <algorithm>

Rate Rate::limit(double averageBytesPerSecond, double peakBytesPerSecond, double burstBytes)
{
    Rate rate;
    rate.m_limited = true;
    rate.m_average = averageBytesPerSecond;
    rate.m_peak = peakBytesPerSecond < 0 ? -1 : peakBytesPerSecond;
    rate.m_burst = burstBytes < 0 ? -1 : burstBytes;
    return rate;
}

bool Rate::isWithin(const Rate &other) const
{
    if (!other.m_limited)
        return true;
    if (!m_limited)
        return false;
    return m_average <= other.m_average && effectivePeak() <= other.effectivePeak() && effectiveBurst() <= other.effectiveBurst();
}

Rate Rate::tighter(const Rate &a, const Rate &b)
{
    if (!a.m_limited)
        return b;
    if (!b.m_limited)
        return a;
    Rate rate = limit(std::min(a.m_average, b.m_average));
    if (a.hasPeak() || b.hasPeak())
        rate.m_peak = std::min(a.effectivePeak(), b.effectivePeak());
    if (a.hasBurst() && b.hasBurst())
        rate.m_burst = std::min(a.m_burst, b.m_burst);
    else if (a.hasBurst() || b.hasBurst())
        rate.m_burst = 0;
    return rate;
}

QString Rate::formatSpeed(double bytesPerSecond)
{
    if (bytesPerSecond >= 1024.0 * 1024.0)
        return tr("%1 MiB/s").arg(QString::number(bytesPerSecond / (1024.0 * 1024.0), 'g', 4));
    return tr("%1 KiB/s").arg(QString::number(bytesPerSecond / 1024.0, 'g', 4));
}

QString Rate::formatSize(double bytes)
{
    if (bytes >= 1024.0 * 1024.0)
        return tr("%1 MiB").arg(QString::number(bytes / (1024.0 * 1024.0), 'g', 4));
    return tr("%1 KiB").arg(QString::number(bytes / 1024.0, 'g', 4));
}

QString Rate::toDisplayString() const
{
    if (!m_limited)
        return tr("no limit");
    QString text = formatSpeed(m_average);
    if (hasPeak() && hasBurst())
        return tr("%1 (peak %2, burst %3)").arg(text, formatSpeed(m_peak), formatSize(m_burst));
    if (hasPeak())
        return tr("%1 (peak %2)").arg(text, formatSpeed(m_peak));
    if (hasBurst())
        return tr("%1 (burst %2)").arg(text, formatSize(m_burst));
    return text;
}

bool Rate::operator==(const Rate &other) const
{
    if (m_limited != other.m_limited)
        return false;
    return !m_limited || (m_average == other.m_average && m_peak == other.m_peak && m_burst == other.m_burst);
}
