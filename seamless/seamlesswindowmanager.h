#pragma once

#include <QColor>
#include <QHash>
#include <QImage>
#include <QObject>
#include <QPoint>
#include <QPointer>
#include <QSet>
#include <QWindow>
#include <QtQml/qqmlregistration.h>

#include "agentmessage.h"

class ClipboardNotice;
class SeamlessClipboard;
class SeamlessWindow;
class SpiceConnection;

/// Seamless mode for one appliance: one host top-level window per mapped guest
/// top-level window (SeamlessWindow), following the guest agent's window
/// reports (WindowTracker) and the SPICE framebuffer's damage.
///
/// Guest pixel (0,0) sits at origin() on the host desktop; windows that would
/// fall off every screen are moved onto the nearest one. Override-redirect
/// windows (menus, tooltips) become popups placed relative to the window they
/// belong to; one that would cover a host window not of this appliance is
/// shown as a normal, framed window instead (coversForeignWindow()). Host moves, resizes, focus and close go to the guest agent;
/// the guest's stacking order is mirrored by restacking the host windows.
/// Ctrl+Shift+C in a window copies the guest's selection into the shared
/// SeamlessClipboard; Ctrl+Shift+V gives that text to this guest. Guest icons
/// (AgentChannel::windowIconChanged) and urgency go to the host windows, which
/// frame the icon in the trust colour and rate-limit both. The contract's display section is
/// held here: at most maxWindows() framed windows, no clipboard chords when it allows none, no
/// window over the whole guest screen when full screen is denied.
class SeamlessWindowManager : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    /// The appliance's SPICE connection; null shows nothing.
    Q_PROPERTY(SpiceConnection *connection READ connection WRITE setConnection NOTIFY connectionChanged)
    /// Host windows exist only while enabled (off: the full-desktop window is used).
    Q_PROPERTY(bool enabled READ isEnabled WRITE setEnabled NOTIFY enabledChanged)
    /// Appliance id, prefixed to each window's class (e.g. "terminal").
    Q_PROPERTY(QString applianceId READ applianceId WRITE setApplianceId NOTIFY applianceChanged)
    /// Appliance name shown in each title as "[Name] guest title".
    Q_PROPERTY(QString applianceTitle READ applianceTitle WRITE setApplianceTitle NOTIFY applianceChanged)
    /// Colour of the host-drawn border.
    Q_PROPERTY(QColor trustColor READ trustColor WRITE setTrustColor NOTIFY trustColorChanged)
    /// Host desktop position of guest pixel (0,0).
    Q_PROPERTY(QPoint origin READ origin WRITE setOrigin NOTIFY originChanged)
    /// Number of host windows shown.
    Q_PROPERTY(int windowCount READ windowCount NOTIFY windowCountChanged)
    /// The guest went past a window limit; abuseReason() says how.
    Q_PROPERTY(bool abuseFlagged READ isAbuseFlagged NOTIFY abuseDetected)
    Q_PROPERTY(QString abuseReason READ abuseReason NOTIFY abuseDetected)
    /// At most this many framed windows at once (the contract's MaxWindows); 0 = no limit.
    /// Further guest windows are held back until one of the shown ones goes.
    Q_PROPERTY(int maxWindows READ maxWindows WRITE setMaxWindows NOTIFY displayPolicyChanged)
    /// Whether the clipboard chords work for this appliance (its contract's Clipboard is not `none`).
    Q_PROPERTY(bool clipboardAllowed READ isClipboardAllowed WRITE setClipboardAllowed NOTIFY displayPolicyChanged)
    /// The contract denies full screen: a framed guest window covering the whole guest screen is
    /// not shown, and the guest is asked to make it smaller (fullScreenRefused()).
    Q_PROPERTY(bool fullScreenDenied READ isFullScreenDenied WRITE setFullScreenDenied NOTIFY displayPolicyChanged)

public:
    explicit SeamlessWindowManager(QObject *parent = nullptr);
    ~SeamlessWindowManager() override;

    SpiceConnection *connection() const { return m_connection; }
    void setConnection(SpiceConnection *connection);
    bool isEnabled() const { return m_enabled; }
    void setEnabled(bool enabled);
    QString applianceId() const { return m_applianceId; }
    void setApplianceId(const QString &id);
    QString applianceTitle() const { return m_applianceTitle; }
    void setApplianceTitle(const QString &title);
    QColor trustColor() const { return m_trustColor; }
    void setTrustColor(const QColor &color);
    QPoint origin() const { return m_origin; }
    void setOrigin(const QPoint &origin);
    int windowCount() const { return int(m_windows.size()); }
    int maxWindows() const { return m_maxWindows; }
    void setMaxWindows(int limit);
    bool isClipboardAllowed() const { return m_clipboardAllowed; }
    void setClipboardAllowed(bool allowed);
    bool isFullScreenDenied() const { return m_fullScreenDenied; }
    void setFullScreenDenied(bool denied);
    /// Whether @p guestGeometry covers all of a guest screen of @p screen size.
    static bool coversScreen(const QRect &guestGeometry, const QSize &screen);
    /// Where a refused full-screen window is asked to go: the guest screen less a tenth each side.
    static QRect refusedFullScreenTarget(const QSize &screen);
    /// Guest windows not shown because of maxWindows(), in no particular order.
    QList<quint32> heldBackWindows() const { return m_heldBack.values(); }
    bool isAbuseFlagged() const { return !m_abuseReason.isEmpty(); }
    QString abuseReason() const { return m_abuseReason; }

    /// The host window showing guest window @p guestId, or null.
    SeamlessWindow *hostWindow(quint32 guestId) const { return m_windows.value(guestId); }
    /// Host windows shown, in no particular order.
    QList<SeamlessWindow *> hostWindows() const { return m_windows.values(); }
    /// "[Appliance] title" for a guest title.
    QString hostTitle(const QString &guestTitle) const;

    /// Largest text accepted from or given to a guest clipboard, in bytes of UTF-8.
    static constexpr int MaxClipboardBytes = AgentMessage::MaxClipboardBytes;

    /// The clipboard chords copy into and paste from (default: SeamlessClipboard::instance()).
    SeamlessClipboard *clipboard() const { return m_clipboard; }
    void setClipboard(SeamlessClipboard *clipboard);
    /// Copies guest window @p guestId's selection (what Ctrl+Shift+C does).
    void copyFromGuest(quint32 guestId);
    /// Pastes the clipboard into this guest (what Ctrl+Shift+V does).
    void pasteIntoGuest(quint32 guestId);
    /// The last notice shown (for tests).
    QString lastNotice() const { return m_lastNotice; }

signals:
    void connectionChanged();
    void enabledChanged();
    void applianceChanged();
    void trustColorChanged();
    void originChanged();
    /// windowCount() changed.
    void windowCountChanged();
    /// maxWindows() or isClipboardAllowed() changed.
    void displayPolicyChanged();
    /// Guest window @p guestId, titled @p guestTitle (sanitised by the tracker), was not shown:
    /// @p limit framed windows are shown already. Once per window while it stays held back.
    void windowHeldBack(quint32 guestId, const QString &guestTitle, int limit);
    /// Guest window @p guestId covered the whole guest screen while full screen is denied: it is
    /// not shown, and the guest was asked to make it smaller. At most once a second per window.
    void fullScreenRefused(quint32 guestId, const QString &guestTitle);
    /// A host window for guest window @p guestId was created and shown.
    void windowShown(quint32 guestId);
    /// The host window for guest window @p guestId is gone.
    void windowHidden(quint32 guestId);
    /// The guest went past a limit (see WindowTracker::abuseDetected()), placed a frameless
    /// window over a window that is not its own, or broke the agent protocol
    /// (AgentChannel::protocolError()); @p reason is translated.
    void abuseDetected(const QString &reason);
    /// A clipboard chord finished: "Copied from …", "Pasted into …" or why
    /// nothing was copied or pasted (translated). Also shown next to the window.
    void clipboardNotice(const QString &message);
    /// The host windows were restacked in the guest's stacking order.
    void restacked();

private:
    void rebuild();
    void clearWindows();
    void syncWindow(quint32 guestId);
    void removeWindow(quint32 guestId);
    int framedWindowCount() const;
    /// Shows held-back windows, bottom to top, while the limit allows.
    void showHeldBack();
    void onFramebufferSizeChanged();
    void onFramebufferUpdated(const QRect &rect);
    void onMoveResizeRequested(quint32 guestId, const QRect &host);
    void onWindowIconChanged(quint32 guestId, const QImage &icon);
    quint32 popupParent(quint32 guestId) const;
    /// Whether override-redirect window @p guestId would cover a host window that is not this
    /// appliance's (HostWindowStack: Tessera's own, another appliance's, another program's): a
    /// free-standing one any such window, a menu attached to one of the guest's windows any
    /// such window stacked above that one.
    bool coversForeignWindow(quint32 guestId) const;
    /// The host's stacking changed: popups now over a foreign window are demoted.
    void recheckPopups();
    void flag(const QString &reason);
    QRect placement(quint32 guestId) const;
    void applyWindowClass(SeamlessWindow *window) const;
    void restack();
    /// Asks the window manager to stack @p window right above (or below) the managed X window
    /// @p sibling (EWMH _NET_RESTACK_WINDOW; never moves the focus).
    bool restackNextTo(SeamlessWindow *window, WId sibling, bool above) const;
    /// Puts each newly demoted window, once the window manager manages it, below the windows of
    /// other owners it overlaps (once: the person may raise it afterwards).
    void lowerDemoted();
    /// The X windows the host window manager manages (root's _NET_CLIENT_LIST); empty off X11.
    QSet<WId> managedWindows() const;
    void notify(quint32 guestId, const QString &message);
    void onClipboardReceived(quint32 requestId, const QString &text);
    void onClipboardRefused(quint32 requestId, const QString &reason);
    void onClipboardSetFinished(quint32 requestId, bool ok);

    QPointer<SpiceConnection> m_connection;
    QList<QMetaObject::Connection> m_connections;
    QHash<quint32, SeamlessWindow *> m_windows;
    QHash<quint32, QImage> m_icons; // guest icons of tracked windows (≤ 256 × 48 KiB)
    bool m_enabled = false;
    QString m_applianceId;
    QString m_applianceTitle;
    QColor m_trustColor = QColor(0x2e, 0x86, 0xde);
    QPoint m_origin;
    QString m_abuseReason;
    QSet<quint32> m_demoted; // override-redirect windows shown as normal ones (see coversForeignWindow)
    QSet<quint32> m_lowerOnce; // demoted windows still to be put below what they would cover
    bool m_recheckQueued = false;
    QSet<quint32> m_heldBack; // mapped guest windows not shown because of m_maxWindows
    int m_maxWindows = 0;
    bool m_clipboardAllowed = true;
    bool m_fullScreenDenied = false;
    QHash<quint32, qint64> m_fullScreenAsked; // guest window -> when it was last asked to shrink (ms)
    bool m_rebuilding = false;
    QList<quint32> m_stacked; // host windows in the order last raised
    SeamlessClipboard *m_clipboard = nullptr;
    quint32 m_copyRequest = 0, m_copyWindow = 0;
    quint32 m_pasteRequest = 0, m_pasteWindow = 0;
    ClipboardNotice *m_notice = nullptr;
    QString m_lastNotice;
};
