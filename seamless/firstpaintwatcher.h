#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

class GuestFramebuffer;
class WindowTracker;

/// Tells when a guest's app is on screen: one of its top-level windows
/// (mapped, not a menu or tooltip) is in the tracker and the framebuffer
/// shows something drawn in it, not a blank rectangle.
///
/// The shell waits for this before it saves a ready state, so that a restore
/// shows the app at once instead of a window the app had not drawn yet.
class FirstPaintWatcher : public QObject
{
    Q_OBJECT

public:
    FirstPaintWatcher(WindowTracker *windows, GuestFramebuffer *framebuffer, QObject *parent = nullptr);

    /// Starts watching; done() follows once, at the latest after @p deadlineMs.
    void start(int deadlineMs);
    /// Whether a window of the app is drawn now.
    bool appOnScreen() const;

signals:
    /// The app is on screen (@p appShown), or the deadline passed first.
    void done(bool appShown);

private:
    void check();
    void finish(bool appShown);

    QPointer<WindowTracker> m_windows;
    QPointer<GuestFramebuffer> m_framebuffer;
    QTimer m_deadline;
    bool m_watching = false;
};
