#pragma once

#include <QAbstractNativeEventFilter>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QRect>
#include <QWindow>

/// The windows on the host desktop, bottom to top, for deciding what a guest's pop-up window may
/// cover (SeamlessWindowManager): every visible top-level window of this process (the shell's
/// launcher and dialogs, every appliance's windows), and on X11 every window the host window
/// manager manages (_NET_CLIENT_LIST_STACKING; the root window's children without one) that is
/// mapped, except the desktop background (_NET_WM_WINDOW_TYPE_DESKTOP). Other programs'
/// positions and sizes come from the X server, read with one pipelined batch of requests.
///
/// changed() tells when the window manager's stacking list changes (a window mapped, raised or
/// gone), so pop-ups placed earlier can be checked again.
struct xcb_connection_t;

class HostWindowStack : public QObject, public QAbstractNativeEventFilter
{
    Q_OBJECT
public:
    struct Entry
    {
        WId id = 0;               ///< the X window (0 off X11, or no native window yet)
        QRect geometry;           ///< on the host desktop, device-independent pixels
        QWindow *window = nullptr; ///< this process's window; null: another program's
        int stackIndex = -1;      ///< position in the window manager's stacking order; -1: unknown
    };

    /// The one instance (created on first use, owned by the application).
    static HostWindowStack *instance();

    /// The visible windows now: this process's (stackIndex from the window manager when it
    /// manages them), then other programs' in stacking order.
    QList<Entry> windows();

    /// The X server connection on the xcb platform; null elsewhere (offscreen may offer the X11
    /// interface without a connection).
    static xcb_connection_t *xcbConnection();

    /// Most other programs' windows read (the topmost are kept).
    static constexpr int MaxClients = 4096;

    bool nativeEventFilter(const QByteArray &eventType, void *message, qintptr *result) override;

Q_SIGNALS:
    /// The host window manager's stacking order changed.
    void changed();

private:
    explicit HostWindowStack(QObject *parent);
    /// Every managed (or top-level) mapped X window, bottom to top (cached, see windows()).
    QList<Entry> xWindows();

    QList<Entry> m_xCache;
    QElapsedTimer m_xCacheAge; // invalid: read again
};
