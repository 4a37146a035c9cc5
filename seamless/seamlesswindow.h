#pragma once

#include <QBackingStore>
#include <QColor>
#include <QElapsedTimer>
#include <QImage>
#include <QPointer>
#include <QRegion>
#include <QTimer>
#include <QWindow>

class SpiceConnection;

/// One guest top-level window shown as a frameless host top-level window:
/// the guest window's region of the framebuffer inside a border the host
/// draws in the appliance's trust colour. The guest's pixels only ever go
/// inside the border, so nothing the guest draws can cover or remove it.
///
/// Only damaged rectangles are repainted and flushed (damage()); a burst of
/// damage in one event-loop turn is painted once. Input on the window goes
/// to the guest at translated coordinates through the SpiceConnection; moving,
/// resizing, focusing and closing the window are reported as requests for
/// the guest agent (SeamlessWindowManager sends them).
class SeamlessWindow : public QWindow
{
    Q_OBJECT

public:
    enum Kind {
        Normal, ///< a top-level window with a taskbar entry
        Popup,  ///< a menu or tooltip (override-redirect): no focus, no decoration by the host WM
    };
    Q_ENUM(Kind)

    SeamlessWindow(quint32 guestId, Kind kind, QWindow *parent = nullptr);
    ~SeamlessWindow() override;

    quint32 guestId() const { return m_guestId; }
    Kind kind() const { return m_kind; }

    /// Where input goes; null drops input (benchmarks, tests).
    void setConnection(SpiceConnection *connection);
    /// The guest surface to cut this window out of; shares the pixels, no
    /// copy. Must be replaced (or cleared) whenever the surface changes.
    void setFrame(const QImage &frame);
    void setTrustColor(const QColor &color);
    QColor trustColor() const { return m_trustColor; }
    /// Shows guest window @p guest (guest pixels) in the host frame @p host.
    /// Host geometry changes the person is making (a drag still waiting to be
    /// sent) are not overridden.
    void setGuestGeometry(const QRect &guest, const QRect &host);
    QRect guestGeometry() const { return m_guest; }
    /// The guest changed @p guestRect (surface coordinates): repaints the part
    /// inside this window in the next event-loop turn.
    void damage(const QRect &guestRect);
    /// Number of paints flushed to the window system so far.
    quint64 paintCount() const { return m_paints; }

    /// The guest window's icon (null: none). Shown as the host window's icon
    /// inside a frame in the trust colour (SeamlessIconBadge); changes are
    /// applied at most once per MinIconIntervalMs (the latest wins).
    void setGuestIcon(const QImage &icon);
    /// The icon last given to the host window system (null: none yet).
    QImage hostIcon() const { return m_hostIcon; }
    /// Whether the guest window asks for attention (WM_HINTS urgency or
    /// _NET_WM_STATE_DEMANDS_ATTENTION). The host window then demands
    /// attention (EWMH _NET_WM_STATE_DEMANDS_ATTENTION on X11) until the guest
    /// clears it or the person focuses the window; the host state changes at
    /// most once per MinAlertIntervalMs however fast the guest flips it.
    void setGuestUrgent(bool urgent);
    /// The host window currently demands attention.
    bool isAlerting() const { return m_hostAlert; }
    /// Number of times the host attention state was changed (for tests and benches).
    int alertChangeCount() const { return m_alertChanges; }

    static constexpr int MinAlertIntervalMs = 500;
    static constexpr int MinIconIntervalMs = 250;

signals:
    /// Pixels of @p region (window coordinates) were painted and flushed to
    /// the window system.
    void painted(const QRegion &region);
    /// The person moved or resized the window to host frame @p host.
    void moveResizeRequested(quint32 guestId, const QRect &host);
    /// The window got the host's focus: the guest window should get the guest's.
    void focusRequested(quint32 guestId);
    /// The person asked to close the window (the guest app decides).
    void closeRequested(quint32 guestId);
    /// A reserved host shortcut: copy the guest's clipboard (Ctrl+Shift+C)
    /// or paste the host's clipboard into the guest (Ctrl+Shift+V).
    void clipboardCopyRequested(quint32 guestId);
    void clipboardPasteRequested(quint32 guestId);
    /// The host window started (@p alerting) or stopped demanding attention.
    void alertChanged(bool alerting);
    /// A new icon was given to the host window system.
    void hostIconChanged();

protected:
    bool event(QEvent *event) override;
    void exposeEvent(QExposeEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void moveEvent(QMoveEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void schedulePaint(const QRegion &region);
    void paintNow();
    void hostGeometryChanged();
    void forwardPointer(const QPointF &pos, Qt::MouseButtons buttons);
    bool forwardKey(QKeyEvent *event, bool pressed);
    QRect contentRect() const;
    void scheduleAlert();
    void applyAlert();
    bool sendAlertState(bool on);
    void applyIcon();

    quint32 m_guestId;
    Kind m_kind;
    QBackingStore m_store;
    QPointer<SpiceConnection> m_connection;
    QImage m_frame;
    QColor m_trustColor = Qt::darkGray;
    QRect m_guest;
    QRect m_expectedHost; // last host geometry set from the guest's
    QRegion m_dirty;
    bool m_paintQueued = false;
    QTimer m_hostChange; // coalesces a drag into one request
    quint64 m_paints = 0;
    int m_wheelRemainder = 0;

    bool m_guestUrgent = false;
    bool m_urgencyAcked = false; // the person focused the window while the guest asked
    bool m_hostAlert = false;
    int m_alertChanges = 0;
    QTimer m_alertTimer;
    QElapsedTimer m_lastAlertChange;

    QImage m_guestIcon;
    QImage m_hostIcon;
    bool m_iconPending = false;
    QTimer m_iconTimer;
    QElapsedTimer m_lastIconChange;
};
