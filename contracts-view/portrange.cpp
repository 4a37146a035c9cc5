#include "portrange.h"

// Only plain decimal digits: no sign, no hex, no spaces inside.
bool PortRange::parseNumber(const QString &text, quint16 *port, QString *error)
{
    if (text.isEmpty() || text.size() > 9) {
        *error = text.isEmpty() ? tr("empty port number") : tr("port %1 is out of range (1–65535)").arg(text);
        return false;
    }
    quint32 value = 0;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9')) {
            *error = tr("“%1” is not a port: use any, a number 1–65535 or a range A-B").arg(text);
            return false;
        }
        value = value * 10 + quint32(c.unicode() - '0');
    }
    if (value < 1 || value > 65535) {
        *error = tr("port %1 is out of range (1–65535)").arg(text);
        return false;
    }
    *port = quint16(value);
    return true;
}

PortRange::PortRange(quint16 first, quint16 last)
    : m_first(first)
    , m_last(last)
{
    Q_ASSERT(first >= 1 && first <= last);
}

bool PortRange::parse(const QString &text, PortRange *range, QString *error)
{
    if (text.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
        *range = PortRange();
        return true;
    }
    const qsizetype dash = text.indexOf(QLatin1Char('-'));
    quint16 first = 0;
    quint16 last = 0;
    if (dash < 0) {
        if (!parseNumber(text, &first, error))
            return false;
        *range = PortRange(first, first);
        return true;
    }
    if (!parseNumber(text.left(dash).trimmed(), &first, error)
        || !parseNumber(text.mid(dash + 1).trimmed(), &last, error))
        return false;
    if (first > last) {
        *error = tr("port range %1 is backwards").arg(text);
        return false;
    }
    *range = PortRange(first, last);
    return true;
}

bool PortRange::contains(const PortRange &other) const
{
    return m_first <= other.m_first && other.m_last <= m_last;
}

QString PortRange::toString() const
{
    if (isAny())
        return QStringLiteral("any");
    if (m_first == m_last)
        return QString::number(m_first);
    return QStringLiteral("%1-%2").arg(m_first).arg(m_last);
}
