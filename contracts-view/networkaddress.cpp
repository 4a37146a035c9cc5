#include "networkaddress.h"

#include <array>

namespace {

quint64 highMask(int prefix)
{
    if (prefix <= 0)
        return 0;
    return prefix >= 64 ? ~quint64(0) : ~quint64(0) << (64 - prefix);
}

quint64 lowMask(int prefix, bool ipv6)
{
    if (!ipv6)
        return prefix <= 0 ? 0 : (quint64(0xffffffffu) << (32 - prefix)) & 0xffffffffu;
    if (prefix <= 64)
        return 0;
    return prefix >= 128 ? ~quint64(0) : ~quint64(0) << (128 - prefix);
}

bool onlyDigits(const QString &text)
{
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return !text.isEmpty();
}

} // namespace

NetworkAddress NetworkAddress::system(const QString &id)
{
    NetworkAddress address;
    address.m_kind = Kind::System;
    address.m_name = id;
    return address;
}

bool NetworkAddress::parseIPv4(const QString &text, quint64 *low, QString *error)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    quint64 value = 0;
    bool good = parts.size() == 4;
    for (const QString &part : parts) {
        // No leading zeros: "010" means 8 to some tools and 10 to others.
        if (!good || !onlyDigits(part) || part.size() > 3 || (part.size() > 1 && part.startsWith(QLatin1Char('0'))) || part.toUInt() > 255) {
            good = false;
            break;
        }
        value = (value << 8) | part.toUInt();
    }
    if (!good) {
        *error = tr("“%1” is not an IPv4 address").arg(text);
        return false;
    }
    *low = value;
    return true;
}

bool NetworkAddress::parseIPv6(const QString &text, quint64 *high, quint64 *low, QString *error)
{
    // RFC 4291 text form: up to eight hex groups, at most one "::", optionally
    // ending in a dotted IPv4 address. No zone ids: a contract is host-neutral.
    const auto fail = [&] {
        *error = tr("“%1” is not an IPv6 address").arg(text);
        return false;
    };
    std::array<quint16, 8> groups{};
    QString body = text;
    quint64 embeddedIPv4 = 0;
    bool hasEmbeddedIPv4 = false;
    const qsizetype lastColon = body.lastIndexOf(QLatin1Char(':'));
    if (lastColon >= 0 && body.indexOf(QLatin1Char('.'), lastColon) > lastColon) {
        QString ignored;
        if (!parseIPv4(body.mid(lastColon + 1), &embeddedIPv4, &ignored))
            return fail();
        body = body.left(lastColon + 1) + QLatin1String("0:0"); // two placeholder groups, filled below
        hasEmbeddedIPv4 = true;
    }
    const qsizetype gap = body.indexOf(QLatin1String("::"));
    if (gap >= 0 && body.indexOf(QLatin1String("::"), gap + 1) >= 0)
        return fail();
    const auto parseGroups = [](const QString &part, QList<quint16> *out) {
        if (part.isEmpty())
            return true;
        for (const QString &group : part.split(QLatin1Char(':'))) {
            if (group.isEmpty() || group.size() > 4)
                return false;
            uint value = 0;
            for (const QChar c : group) {
                const int digit = QStringView(u"0123456789abcdef").indexOf(c.toLower());
                if (digit < 0)
                    return false;
                value = value * 16 + uint(digit);
            }
            out->append(quint16(value));
        }
        return true;
    };
    QList<quint16> head;
    QList<quint16> tail;
    if (gap >= 0) {
        if (!parseGroups(body.left(gap), &head) || !parseGroups(body.mid(gap + 2), &tail))
            return fail();
        if (head.size() + tail.size() > 7)
            return fail();
    } else {
        if (!parseGroups(body, &head) || head.size() != 8)
            return fail();
    }
    for (int i = 0; i < head.size(); ++i)
        groups[size_t(i)] = head.at(i);
    for (int i = 0; i < tail.size(); ++i)
        groups[size_t(8 - tail.size() + i)] = tail.at(i);
    if (hasEmbeddedIPv4) {
        groups[6] = quint16(embeddedIPv4 >> 16);
        groups[7] = quint16(embeddedIPv4);
    }
    quint64 h = 0;
    quint64 l = 0;
    for (int i = 0; i < 4; ++i) {
        h = (h << 16) | groups[size_t(i)];
        l = (l << 16) | groups[size_t(i + 4)];
    }
    *high = h;
    *low = l;
    return true;
}

QString NetworkAddress::formatIPv6(quint64 high, quint64 low)
{
    std::array<quint16, 8> groups{};
    for (int i = 0; i < 4; ++i) {
        groups[size_t(i)] = quint16(high >> (48 - 16 * i));
        groups[size_t(i + 4)] = quint16(low >> (48 - 16 * i));
    }
    // RFC 5952: the longest run of two or more zero groups becomes "::".
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8;) {
        int j = i;
        while (j < 8 && groups[size_t(j)] == 0)
            ++j;
        if (j - i > bestLength) {
            bestStart = i;
            bestLength = j - i;
        }
        i = j == i ? i + 1 : j;
    }
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += QLatin1String("::");
            i += bestLength - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(QLatin1Char(':')))
            out += QLatin1Char(':');
        out += QString::number(groups[size_t(i)], 16);
    }
    return out;
}

QString NetworkAddress::formatIPv4(quint32 address)
{
    return QStringLiteral("%1.%2.%3.%4").arg(address >> 24).arg((address >> 16) & 0xff).arg((address >> 8) & 0xff).arg(address & 0xff);
}

bool NetworkAddress::parsePrefix(const QString &text, int maximum, int *prefix, QString *error)
{
    if (!onlyDigits(text) || text.size() > 3 || text.toInt() > maximum) {
        *error = tr("“/%1” is not a prefix length (0–%2)").arg(text, QString::number(maximum));
        return false;
    }
    *prefix = text.toInt();
    return true;
}

bool NetworkAddress::isDnsName(const QString &text)
{
    QString name = text;
    if (name.endsWith(QLatin1Char('.')))
        name.chop(1);
    if (name.isEmpty() || name.size() > 253)
        return false;
    const QStringList labels = name.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
            if (!ok)
                return false;
        }
    }
    // An all-numeric last label would be read as an IPv4 address by resolvers.
    return !onlyDigits(labels.last());
}

bool NetworkAddress::hostBitsSet() const
{
    return (m_high & ~highMask(m_ipv6 ? m_prefix : 0)) != 0 || (m_low & ~lowMask(m_prefix, m_ipv6)) != 0;
}

bool NetworkAddress::parse(const QString &text, NetworkAddress *address, QString *error)
{
    if (text.compare(QLatin1String("any"), Qt::CaseInsensitive) == 0) {
        *address = NetworkAddress();
        return true;
    }
    if (text.isEmpty()) {
        *error = tr("empty address: use any, an address, a prefix, a DNS name or ovf:id");
        return false;
    }
    const bool looksIPv6 = text.contains(QLatin1Char(':'));
    bool looksIPv4 = true;
    for (const QChar c : text) {
        if (!((c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') || c == QLatin1Char('/')))
            looksIPv4 = false;
    }
    if (!looksIPv6 && !looksIPv4) {
        if (text.contains(QLatin1Char('/'))) {
            *error = tr("“%1” is not a CIDR prefix").arg(text);
            return false;
        }
        if (!isDnsName(text)) {
            *error = tr("“%1” is neither an address nor a DNS name").arg(text);
            return false;
        }
        NetworkAddress name;
        name.m_kind = Kind::DnsName;
        name.m_name = text.toLower();
        if (name.m_name.endsWith(QLatin1Char('.')))
            name.m_name.chop(1);
        *address = name;
        return true;
    }

    NetworkAddress ip;
    ip.m_kind = Kind::Ip;
    ip.m_ipv6 = looksIPv6;
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString host = slash < 0 ? text : text.left(slash);
    const int maximum = looksIPv6 ? 128 : 32;
    ip.m_prefix = maximum;
    if (looksIPv6 ? !parseIPv6(host, &ip.m_high, &ip.m_low, error) : !parseIPv4(host, &ip.m_low, error))
        return false;
    if (slash >= 0 && !parsePrefix(text.mid(slash + 1), maximum, &ip.m_prefix, error))
        return false;
    if (ip.hostBitsSet()) {
        NetworkAddress suggestion = ip;
        suggestion.m_high &= looksIPv6 ? highMask(ip.m_prefix) : 0;
        suggestion.m_low &= lowMask(ip.m_prefix, looksIPv6);
        *error = tr("“%1” has bits set after the prefix; did you mean %2?").arg(text, suggestion.toString());
        return false;
    }
    *address = ip;
    return true;
}

bool NetworkAddress::contains(const NetworkAddress &other) const
{
    if (m_kind == Kind::Any)
        return true;
    if (m_kind != other.m_kind)
        return false;
    if (m_kind != Kind::Ip)
        return m_name == other.m_name;
    if (m_ipv6 != other.m_ipv6 || m_prefix > other.m_prefix)
        return false;
    const quint64 hm = m_ipv6 ? highMask(m_prefix) : 0;
    return (other.m_high & hm) == m_high && (other.m_low & lowMask(m_prefix, m_ipv6)) == m_low;
}

QString NetworkAddress::toString() const
{
    switch (m_kind) {
    case Kind::Any:
        return QStringLiteral("any");
    case Kind::DnsName:
    case Kind::System:
        return m_name;
    case Kind::Ip:
        break;
    }
    const QString host = m_ipv6 ? formatIPv6(m_high, m_low) : formatIPv4(quint32(m_low));
    if (m_prefix == (m_ipv6 ? 128 : 32))
        return host;
    return host + QLatin1Char('/') + QString::number(m_prefix);
}

bool NetworkAddress::operator==(const NetworkAddress &other) const
{
    return m_kind == other.m_kind && m_ipv6 == other.m_ipv6 && m_prefix == other.m_prefix && m_high == other.m_high
        && m_low == other.m_low && m_name == other.m_name;
}
