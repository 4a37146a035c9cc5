#pragma once

#include <QCoreApplication>
#include <QString>
#include <QtGlobal>

/**
 * A range of TCP/UDP ports as a contract states it: `any`, a single port
 * (1–65535) or an inclusive range `A-B`. `any` is the full range 1–65535.
 */
class PortRange
{
    Q_DECLARE_TR_FUNCTIONS(PortRange)

public:
    /// The full range 1–65535.
    PortRange() = default;
    /// The inclusive range @p first .. @p last; both must be 1–65535, first <= last.
    PortRange(quint16 first, quint16 last);

    /// Parses `any`, `N` or `A-B` (already trimmed). On failure returns false
    /// and sets @p error to a translated message.
    static bool parse(const QString &text, PortRange *range, QString *error);

    /// Lowest and highest port of the range.
    quint16 first() const { return m_first; }
    quint16 last() const { return m_last; }
    /// True for the full range 1–65535, whether written `any` or `1-65535`.
    bool isAny() const { return m_first == 1 && m_last == 65535; }
    /// True when every port of @p other is in this range.
    bool contains(const PortRange &other) const;
    /// `any`, `80` or `1000-2000`: the canonical spelling.
    QString toString() const;

    bool operator==(const PortRange &other) const
    {
        return m_first == other.m_first && m_last == other.m_last;
    }
    bool operator!=(const PortRange &other) const { return !(*this == other); }

private:
    static bool parseNumber(const QString &text, quint16 *port, QString *error);

    quint16 m_first = 1;
    quint16 m_last = 65535;
};
