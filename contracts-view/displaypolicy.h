#pragma once

#include <QString>

#include <optional>

/**
 * The values of DisplayContract_Type sections. Unspecified values promise
 * nothing and count as the loosest setting.
 */
struct DisplayPolicy
{
    /// Ordered from tightest to loosest.
    enum class Clipboard { None, Explicit, Unspecified };
    /// Ordered from tightest to loosest.
    enum class Fullscreen { Deny, Allow, Unspecified };

    Clipboard clipboard = Clipboard::Unspecified;
    std::optional<int> maxWindows;
    Fullscreen fullscreen = Fullscreen::Unspecified;

    bool isEmpty() const { return clipboard == Clipboard::Unspecified && !maxWindows && fullscreen == Fullscreen::Unspecified; }

    /// `none`, `explicit`, or an empty string when unspecified.
    static QString clipboardName(Clipboard value)
    {
        return value == Clipboard::None ? QStringLiteral("none") : value == Clipboard::Explicit ? QStringLiteral("explicit") : QString();
    }
    /// `deny`, `allow`, or an empty string when unspecified.
    static QString fullscreenName(Fullscreen value)
    {
        return value == Fullscreen::Deny ? QStringLiteral("deny") : value == Fullscreen::Allow ? QStringLiteral("allow") : QString();
    }
    /// Rank for comparison, 0 = tightest. Allow and Unspecified are the same in effect.
    static int rank(Fullscreen value) { return value == Fullscreen::Deny ? 0 : 1; }
    static int rank(Clipboard value) { return int(value); }
};
