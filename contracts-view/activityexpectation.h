#pragma once

#include <QString>

/**
 * One `Expect` of an ActivityContract_Type section: access of a kind to a
 * store is expected only within some seconds after the person gave input to
 * the appliance. Access outside the window is a breach to report, not to
 * block.
 */
struct ActivityExpectation
{
    enum class Access { Read, Write };

    /// A store folder, or `any`.
    QString store;
    Access access = Access::Read;
    double withinSecondsOfInput = 0;

    /// `read` or `write`.
    static QString accessName(Access access) { return access == Access::Write ? QStringLiteral("write") : QStringLiteral("read"); }
    /// Parses `read` / `write`; false if neither.
    static bool parseAccess(const QString &text, Access *access)
    {
        const QString word = text.toLower();
        if (word != QLatin1String("read") && word != QLatin1String("write"))
            return false;
        *access = word == QLatin1String("write") ? Access::Write : Access::Read;
        return true;
    }

    /// True when meeting this expectation also meets @p other: same access,
    /// a store covering @p other's, and a window no longer.
    bool implies(const ActivityExpectation &other) const;

    /// A stable one-line form; used for digests.
    QString canonical() const
    {
        return QStringLiteral("%1 %2 within %3").arg(accessName(access), store, QString::number(withinSecondsOfInput, 'g', 15));
    }
};
