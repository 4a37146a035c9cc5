#include "seamlesswindow.h"

#include "keyboardscancodes.h"
#include "seamlessgeometry.h"
#include "seamlessiconbadge.h"
#include "seamlesslogging.h"
#include "spiceconnection.h"

#include <QCloseEvent>
#include <QGuiApplication>
#include <QIcon>
#include <QtGui/qguiapplication_platform.h>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QWheelEvent>

#include <xcb/xcb.h>

namespace {
constexpr int WheelStep = 120;       // QWheelEvent::angleDelta() units per notch
constexpr int HostChangeDelayMs = 80; // a drag becomes one request once it pauses

bool isReservedChord(const QKeyEvent *event, Qt::Key key)
{
    return event->key() == key
        && (event->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier | Qt::MetaModifier))
        == (Qt::ControlModifier | Qt::ShiftModifier);
}
} // namespace

SeamlessWindow::SeamlessWindow(quint32 guestId, Kind kind, QWindow *parent)
    : QWindow(parent), m_guestId(guestId), m_kind(kind), m_store(this)
{
    setSurfaceType(QSurface::RasterSurface);
    // Popups are override-redirect on X11 (Qt::ToolTip): placed by us, never focused.
    setFlags(kind == Popup ? Qt::ToolTip | Qt::FramelessWindowHint | Qt::WindowDoesNotAcceptFocus
                           : Qt::Window | Qt::FramelessWindowHint);
    m_hostChange.setSingleShot(true);
    m_hostChange.setInterval(HostChangeDelayMs);
    connect(&m_hostChange, &QTimer::timeout, this, [this] {
        if (geometry() != m_expectedHost)
            emit moveResizeRequested(m_guestId, geometry());
    });
    m_alertTimer.setSingleShot(true);
    connect(&m_alertTimer, &QTimer::timeout, this, &SeamlessWindow::applyAlert);
    m_iconTimer.setSingleShot(true);
    connect(&m_iconTimer, &QTimer::timeout, this, &SeamlessWindow::applyIcon);
}

SeamlessWindow::~SeamlessWindow() = default;

void SeamlessWindow::setConnection(SpiceConnection *connection)
{
    m_connection = connection;
}

void SeamlessWindow::setFrame(const QImage &frame)
{
    m_frame = frame;
    schedulePaint(QRect(QPoint(), size()));
}

void SeamlessWindow::setTrustColor(const QColor &color)
{
    if (m_trustColor == color)
        return;
    m_trustColor = color;
    schedulePaint(QRect(QPoint(), size()));
    if (!m_guestIcon.isNull())
        setGuestIcon(m_guestIcon); // the frame takes the new colour
}

namespace {
// Time until an action limited to once per @p intervalMs may run again (0: now).
int waitBeforeNext(const QElapsedTimer &last, int intervalMs)
{
    if (!last.isValid())
        return 0;
    return int(qMax<qint64>(0, intervalMs - last.elapsed()));
}
} // namespace

void SeamlessWindow::setGuestIcon(const QImage &icon)
{
    m_guestIcon = icon;
    m_iconPending = true;
    if (m_iconTimer.isActive())
        return; // the latest icon goes out when the timer fires
    const int wait = waitBeforeNext(m_lastIconChange, MinIconIntervalMs);
    if (wait == 0)
        applyIcon();
    else
        m_iconTimer.start(wait);
}

void SeamlessWindow::applyIcon()
{
    if (!m_iconPending)
        return;
    m_iconPending = false;
    m_lastIconChange.start();
    m_hostIcon = SeamlessIconBadge::compose(m_guestIcon, m_trustColor);
    setIcon(m_hostIcon.isNull() ? QIcon() : QIcon(QPixmap::fromImage(m_hostIcon)));
    emit hostIconChanged();
}

void SeamlessWindow::setGuestUrgent(bool urgent)
{
    if (!urgent)
        m_urgencyAcked = false; // the next request is a new one
    if (m_guestUrgent == urgent)
        return;
    m_guestUrgent = urgent;
    scheduleAlert();
}

void SeamlessWindow::scheduleAlert()
{
    if (m_alertTimer.isActive())
        return; // applies the state the guest has when it fires
    const int wait = waitBeforeNext(m_lastAlertChange, MinAlertIntervalMs);
    if (wait == 0)
        applyAlert();
    else
        m_alertTimer.start(wait);
}

void SeamlessWindow::applyAlert()
{
    if (m_guestUrgent && isActive())
        m_urgencyAcked = true; // the person is already looking at it
    const bool want = m_guestUrgent && !m_urgencyAcked && m_kind == Normal;
    if (want == m_hostAlert)
        return;
    if (want && !isExposed())
        return; // the window manager ignores the request before it maps the window; exposeEvent retries
    if (!sendAlertState(want))
        return;
    m_hostAlert = want;
    ++m_alertChanges;
    m_lastAlertChange.start();
    emit alertChanged(want);
}

bool SeamlessWindow::sendAlertState(bool on)
{
    // Only on xcb: other platforms (offscreen) may offer the interface without a connection.
    auto *x11 = QGuiApplication::platformName() == QLatin1String("xcb")
        ? qGuiApp->nativeInterface<QNativeInterface::QX11Application>() : nullptr;
    if (!x11 || !x11->connection() || !handle()) {
        // Elsewhere Qt's own alert; it ends when the window is activated.
        if (on)
            alert(0);
        return true;
    }
    // EWMH _NET_WM_STATE request, both ways: QWindow::alert() cannot be
    // cleared before the window is activated, but the guest may clear it.
    xcb_connection_t *c = x11->connection();
    static xcb_atom_t state = XCB_ATOM_NONE, attention = XCB_ATOM_NONE;
    if (state == XCB_ATOM_NONE || attention == XCB_ATOM_NONE) {
        auto intern = [c](const char *name) {
            xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, uint16_t(qstrlen(name)), name), nullptr);
            const xcb_atom_t a = r ? r->atom : xcb_atom_t(XCB_ATOM_NONE);
            free(r);
            return a;
        };
        state = intern("_NET_WM_STATE");
        attention = intern("_NET_WM_STATE_DEMANDS_ATTENTION");
        if (state == XCB_ATOM_NONE || attention == XCB_ATOM_NONE)
            return false;
    }
    xcb_client_message_event_t event = {};
    event.response_type = XCB_CLIENT_MESSAGE;
    event.format = 32;
    event.window = xcb_window_t(winId());
    event.type = state;
    event.data.data32[0] = on ? 1 : 0; // _NET_WM_STATE_ADD / _REMOVE
    event.data.data32[1] = attention;
    event.data.data32[3] = 1; // source: a normal application
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
    xcb_send_event(c, 0, root, XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT | XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY,
                   reinterpret_cast<const char *>(&event));
    xcb_flush(c);
    return true;
}

void SeamlessWindow::setGuestGeometry(const QRect &guest, const QRect &host)
{
    const bool moved = guest.topLeft() != m_guest.topLeft();
    m_guest = guest;
    // While a change the person made is still to be sent, the guest's older
    // geometry must not pull the window back.
    if (!m_hostChange.isActive() && host != geometry()) {
        m_expectedHost = host;
        setGeometry(host);
    } else if (!m_hostChange.isActive()) {
        m_expectedHost = host;
    }
    if (moved || size() != host.size())
        schedulePaint(QRect(QPoint(), size()));
}

void SeamlessWindow::damage(const QRect &guestRect)
{
    const QRect local = SeamlessGeometry::localDamage(m_guest, guestRect);
    if (!local.isEmpty())
        schedulePaint(local.translated(SeamlessGeometry::FrameWidth, SeamlessGeometry::FrameWidth));
}

QRect SeamlessWindow::contentRect() const
{
    const int f = SeamlessGeometry::FrameWidth;
    return QRect(QPoint(), size()).adjusted(f, f, -f, -f);
}

void SeamlessWindow::schedulePaint(const QRegion &region)
{
    m_dirty += region;
    if (m_paintQueued)
        return;
    m_paintQueued = true;
    // Queued, not requestUpdate(): that waits for a timer (5 ms on xcb);
    // a queued call still folds one turn's worth of damage into one paint.
    QMetaObject::invokeMethod(this, &SeamlessWindow::paintNow, Qt::QueuedConnection);
}

void SeamlessWindow::paintNow()
{
    m_paintQueued = false;
    if (!isExposed() || size().isEmpty())
        return;
    const QRect whole(QPoint(), size());
    if (m_store.size() != size()) {
        m_store.resize(size());
        m_dirty = whole;
    }
    const QRegion region = m_dirty.intersected(whole);
    m_dirty = QRegion();
    if (region.isEmpty())
        return;

    m_store.beginPaint(region);
    {
        QPainter painter(m_store.paintDevice());
        painter.setClipRegion(region);
        const QRect content = contentRect();
        // The border first, in the host's colour; the guest never paints outside content.
        painter.fillRect(whole, m_trustColor);
        painter.setClipRegion(region.intersected(content));
        painter.setRenderHint(QPainter::SmoothPixmapTransform, devicePixelRatio() != 1.0);
        for (const QRect &r : region.intersected(content)) {
            const QRect source = r.translated(-content.topLeft() + m_guest.topLeft());
            const QRect available = source.intersected(m_frame.rect());
            if (available != source)
                painter.fillRect(r, Qt::black); // the window reaches past the guest screen
            if (!available.isEmpty())
                painter.drawImage(available.translated(content.topLeft() - m_guest.topLeft()), m_frame, available);
        }
    }
    m_store.endPaint();
    m_store.flush(region);
    ++m_paints;
    emit painted(region);
}

bool SeamlessWindow::event(QEvent *event)
{
    if (event->type() == QEvent::UpdateRequest) {
        schedulePaint(QRect(QPoint(), size()));
        return true;
    }
    return QWindow::event(event);
}

void SeamlessWindow::exposeEvent(QExposeEvent *)
{
    if (isExposed()) {
        m_dirty = QRect(QPoint(), size());
        paintNow();
        if (m_guestUrgent != m_hostAlert)
            scheduleAlert();
    }
}

void SeamlessWindow::resizeEvent(QResizeEvent *)
{
    hostGeometryChanged();
    schedulePaint(QRect(QPoint(), size()));
}

void SeamlessWindow::moveEvent(QMoveEvent *)
{
    hostGeometryChanged();
}

void SeamlessWindow::hostGeometryChanged()
{
    // Our own setGeometry() comes back here too (asynchronously on X11); only
    // a geometry we did not set is the person's (or the host WM's) request.
    if (m_kind == Normal && isVisible() && geometry() != m_expectedHost)
        m_hostChange.start();
}

void SeamlessWindow::focusInEvent(QFocusEvent *)
{
    // Keys held while another window had focus are not held for the guest.
    if (m_connection)
        m_connection->releaseAllKeys();
    emit focusRequested(m_guestId);
    // Focusing the window answers its request for attention (until the guest asks anew).
    if (m_guestUrgent)
        m_urgencyAcked = true;
    if (m_hostAlert) {
        m_alertTimer.stop();
        sendAlertState(false);
        m_hostAlert = false;
        ++m_alertChanges;
        m_lastAlertChange.start();
        emit alertChanged(false);
    }
}

void SeamlessWindow::focusOutEvent(QFocusEvent *)
{
    if (m_connection)
        m_connection->releaseAllKeys();
    m_wheelRemainder = 0;
}

void SeamlessWindow::keyPressEvent(QKeyEvent *event)
{
    if (isReservedChord(event, Qt::Key_C)) {
        event->accept();
        if (!event->isAutoRepeat())
            emit clipboardCopyRequested(m_guestId);
        return;
    }
    if (isReservedChord(event, Qt::Key_V)) {
        event->accept();
        if (!event->isAutoRepeat())
            emit clipboardPasteRequested(m_guestId);
        return;
    }
    if (!forwardKey(event, true))
        QWindow::keyPressEvent(event);
}

void SeamlessWindow::keyReleaseEvent(QKeyEvent *event)
{
    if (isReservedChord(event, Qt::Key_C) || isReservedChord(event, Qt::Key_V) || event->isAutoRepeat()) {
        event->accept(); // the guest repeats on its own make codes
        return;
    }
    if (!forwardKey(event, false))
        QWindow::keyReleaseEvent(event);
}

bool SeamlessWindow::forwardKey(QKeyEvent *event, bool pressed)
{
    if (!m_connection)
        return false;
    const quint32 scancode = KeyboardScancodes::fromXKeycode(event->nativeScanCode());
    if (scancode == 0)
        return false;
    event->accept();
    m_connection->sendKey(scancode, pressed);
    return true;
}

void SeamlessWindow::mousePressEvent(QMouseEvent *event)
{
    event->accept();
    forwardPointer(event->position(), event->buttons());
}

void SeamlessWindow::mouseReleaseEvent(QMouseEvent *event)
{
    event->accept();
    forwardPointer(event->position(), event->buttons());
}

void SeamlessWindow::mouseMoveEvent(QMouseEvent *event)
{
    event->accept();
    forwardPointer(event->position(), event->buttons());
}

void SeamlessWindow::wheelEvent(QWheelEvent *event)
{
    event->accept();
    if (!m_connection)
        return;
    m_wheelRemainder += event->angleDelta().y();
    const int steps = m_wheelRemainder / WheelStep;
    m_wheelRemainder -= steps * WheelStep;
    if (steps == 0)
        return;
    forwardPointer(event->position(), event->buttons());
    m_connection->sendWheel(steps);
}

void SeamlessWindow::closeEvent(QCloseEvent *event)
{
    // The guest app decides (it may ask to save); its window going away
    // removes this one.
    event->ignore();
    emit closeRequested(m_guestId);
}

void SeamlessWindow::forwardPointer(const QPointF &pos, Qt::MouseButtons buttons)
{
    if (!m_connection)
        return;
    const QPointF local = pos - QPointF(contentRect().topLeft());
    m_connection->sendPointer(SeamlessGeometry::toGuest(local, m_guest), buttons);
}
