#pragma once

#include <QCoreApplication>
#include <QString>

/**
 * One end of a network rule: `any`, an IPv4/IPv6 address or CIDR prefix, a
 * DNS name, or a reference (`ovf:id`) to a VirtualSystem of the same envelope.
 *
 * Single addresses are stored as full-length prefixes (/32 or /128). DNS
 * names are compared case-insensitively and without a trailing dot.
 */
class NetworkAddress
{
    Q_DECLARE_TR_FUNCTIONS(NetworkAddress)

public:
    enum class Kind {
        Any, ///< every address, name and system
        Ip, ///< an IPv4 or IPv6 prefix
        DnsName, ///< a host name, resolved by whoever enforces the rule
        System, ///< a VirtualSystem of the same envelope, by its ovf:id
    };

    /// `any`.
    NetworkAddress() = default;
    static NetworkAddress any() { return NetworkAddress(); }
    /// A reference to the VirtualSystem whose ovf:id is @p id.
    static NetworkAddress system(const QString &id);

    /// Parses address text (already trimmed): `any`, an address, a CIDR
    /// prefix or a DNS name. On failure returns false and sets @p error.
    static bool parse(const QString &text, NetworkAddress *address, QString *error);

    /// What kind of address this is.
    Kind kind() const { return m_kind; }
    bool isAny() const { return m_kind == Kind::Any; }
    /// For Kind::Ip: true for an IPv6 prefix.
    bool isIPv6() const { return m_ipv6; }
    /// Prefix length for Kind::Ip (32 or 128 for a single address).
    int prefixLength() const { return m_prefix; }
    /// Upper and lower 64 bits of the network address (IPv4 in the low 32 bits).
    quint64 networkHigh() const { return m_high; }
    quint64 networkLow() const { return m_low; }
    /// The DNS name (lower case) or the referenced system id.
    QString name() const { return m_name; }

    /// True when every address @p other stands for is also one of this
    /// address's (CIDR containment; `any` contains everything; names and
    /// system references contain only themselves).
    bool contains(const NetworkAddress &other) const;

    /// Canonical text: `any`, `10.0.0.0/8`, `192.0.2.1`, `2001:db8::/32`,
    /// `example.org`, or the system id.
    QString toString() const;

    bool operator==(const NetworkAddress &other) const;
    bool operator!=(const NetworkAddress &other) const { return !(*this == other); }

private:
    static bool parseIPv4(const QString &text, quint64 *low, QString *error);
    static bool parseIPv6(const QString &text, quint64 *high, quint64 *low, QString *error);
    static bool parsePrefix(const QString &text, int maximum, int *prefix, QString *error);
    static bool isDnsName(const QString &text);
    static QString formatIPv6(quint64 high, quint64 low);
    static QString formatIPv4(quint32 address);
    bool hostBitsSet() const;

    Kind m_kind = Kind::Any;
    bool m_ipv6 = false;
    int m_prefix = 0;
    quint64 m_high = 0;
    quint64 m_low = 0;
    QString m_name;
};
