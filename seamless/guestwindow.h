#pragma once

#include <QMetaType>
#include <QRect>
#include <QString>

/// One top-level window of a guest, as the host keeps it after
/// GuestWindowSanitizer: every field is within the limits of
/// docs/agent-protocol.md ("Seamless windows"), whatever the guest sent.
struct GuestWindow
{
    quint32 id = 0;                 ///< X window id in the guest, never 0 for a real window
    QRect geometry;                 ///< guest pixels, bounded by GuestWindowSanitizer
    quint32 transientFor = 0;       ///< a window the tracker knows, or 0
    QString title;                  ///< ≤ 128 bytes of UTF-8, printable
    QString appClass;               ///< ≤ 64 bytes of UTF-8, printable
    bool mapped = false;
    bool overrideRedirect = false;  ///< menu or tooltip: placed by the guest, no decoration
    bool urgent = false;
    /// The guest asked for override-redirect over most of the screen; the host
    /// treats the window as a normal one (overrideRedirect is false then).
    bool demoted = false;

    /// What names the window to a person: its title, else its class.
    QString label() const { return title.isEmpty() ? appClass : title; }

    friend bool operator==(const GuestWindow &a, const GuestWindow &b)
    {
        return a.id == b.id && a.geometry == b.geometry && a.transientFor == b.transientFor
            && a.title == b.title && a.appClass == b.appClass && a.mapped == b.mapped
            && a.overrideRedirect == b.overrideRedirect && a.urgent == b.urgent
            && a.demoted == b.demoted;
    }
    friend bool operator!=(const GuestWindow &a, const GuestWindow &b) { return !(a == b); }
};

Q_DECLARE_METATYPE(GuestWindow)
