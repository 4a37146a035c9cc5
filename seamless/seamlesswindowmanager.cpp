#include "seamlesswindowmanager.h"

#include "agentchannel.h"
#include "guestframebuffer.h"
#include "seamlessgeometry.h"
#include "seamlesslogging.h"
#include "seamlesswindow.h"
#include "spiceconnection.h"
#include "windowtracker.h"

#include <QGuiApplication>
#include <QtGui/qguiapplication_platform.h>
#include <QScreen>

#include <xcb/xcb.h>

SeamlessWindowManager::SeamlessWindowManager(QObject *parent) : QObject(parent)
{
    if (QScreen *screen = QGuiApplication::primaryScreen())
        m_origin = screen->availableGeometry().topLeft() + QPoint(SeamlessGeometry::FrameWidth, SeamlessGeometry::FrameWidth);
}

SeamlessWindowManager::~SeamlessWindowManager()
{
    clearWindows();
}

void SeamlessWindowManager::setConnection(SpiceConnection *connection)
{
    if (m_connection == connection)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    clearWindows();
    m_connection = connection;
    if (connection) {
        WindowTracker *tracker = connection->agent()->windows();
        GuestFramebuffer *fb = connection->framebuffer();
        m_connections << connect(tracker, &WindowTracker::windowAdded, this, &SeamlessWindowManager::syncWindow)
                      << connect(tracker, &WindowTracker::windowChanged, this, &SeamlessWindowManager::syncWindow)
                      << connect(tracker, &WindowTracker::windowRemoved, this, &SeamlessWindowManager::removeWindow)
                      << connect(tracker, &WindowTracker::cleared, this, &SeamlessWindowManager::rebuild)
                      << connect(tracker, &WindowTracker::abuseDetected, this,
                                 [this](const QString &reason) {
                                     m_abuseReason = reason;
                                     emit abuseDetected(reason);
                                 })
                      << connect(fb, &GuestFramebuffer::sizeChanged, this, &SeamlessWindowManager::onFramebufferSizeChanged)
                      << connect(fb, &GuestFramebuffer::updated, this, &SeamlessWindowManager::onFramebufferUpdated)
                      << connect(connection, &QObject::destroyed, this, [this] { clearWindows(); });
    }
    rebuild();
    emit connectionChanged();
}

void SeamlessWindowManager::setEnabled(bool enabled)
{
    if (m_enabled == enabled)
        return;
    m_enabled = enabled;
    rebuild();
    emit enabledChanged();
}

void SeamlessWindowManager::setApplianceId(const QString &id)
{
    if (m_applianceId == id)
        return;
    m_applianceId = id;
    for (SeamlessWindow *w : std::as_const(m_windows))
        applyWindowClass(w);
    emit applianceChanged();
}

void SeamlessWindowManager::setApplianceTitle(const QString &title)
{
    if (m_applianceTitle == title)
        return;
    m_applianceTitle = title;
    rebuild();
    emit applianceChanged();
}

void SeamlessWindowManager::setTrustColor(const QColor &color)
{
    if (m_trustColor == color)
        return;
    m_trustColor = color;
    for (SeamlessWindow *w : std::as_const(m_windows))
        w->setTrustColor(color);
    emit trustColorChanged();
}

void SeamlessWindowManager::setOrigin(const QPoint &origin)
{
    if (m_origin == origin)
        return;
    m_origin = origin;
    rebuild();
    emit originChanged();
}

QString SeamlessWindowManager::hostTitle(const QString &guestTitle) const
{
    return tr("[%1] %2", "seamless window title: appliance, guest window title").arg(m_applianceTitle, guestTitle);
}

void SeamlessWindowManager::rebuild()
{
    WindowTracker *tracker = m_connection ? m_connection->agent()->windows() : nullptr;
    if (!m_enabled || !tracker) {
        clearWindows();
        return;
    }
    const QList<quint32> known = m_windows.keys();
    for (quint32 id : known) {
        if (!tracker->contains(id))
            removeWindow(id);
    }
    // Bottom to top, so parents exist before the popups placed relative to them.
    for (quint32 id : tracker->stack())
        syncWindow(id);
}

void SeamlessWindowManager::clearWindows()
{
    if (m_windows.isEmpty())
        return;
    const QList<quint32> ids = m_windows.keys();
    for (quint32 id : ids)
        removeWindow(id);
}

void SeamlessWindowManager::syncWindow(quint32 guestId)
{
    if (!m_enabled || !m_connection)
        return;
    WindowTracker *tracker = m_connection->agent()->windows();
    const GuestWindow w = tracker->window(guestId);
    if (w.id == 0 || !w.mapped) {
        removeWindow(guestId);
        return;
    }
    const SeamlessWindow::Kind kind = w.overrideRedirect ? SeamlessWindow::Popup : SeamlessWindow::Normal;
    SeamlessWindow *window = m_windows.value(guestId);
    if (window && window->kind() != kind) {
        removeWindow(guestId);
        window = nullptr;
    }
    const bool created = !window;
    if (created) {
        window = new SeamlessWindow(guestId, kind);
        window->setConnection(m_connection);
        window->setTrustColor(m_trustColor);
        window->setFrame(m_connection->framebuffer()->image());
        AgentChannel *agent = m_connection->agent();
        connect(window, &SeamlessWindow::moveResizeRequested, this, &SeamlessWindowManager::onMoveResizeRequested);
        connect(window, &SeamlessWindow::focusRequested, agent, [agent](quint32 id) { agent->focusWindow(id); });
        connect(window, &SeamlessWindow::closeRequested, agent, [agent](quint32 id) { agent->closeWindow(id, false); });
        m_windows.insert(guestId, window);
    }
    window->setTitle(hostTitle(w.title.isEmpty() ? w.appClass : w.title));
    if (kind == SeamlessWindow::Normal) {
        SeamlessWindow *parent = w.transientFor ? m_windows.value(w.transientFor) : nullptr;
        window->setTransientParent(parent);
    }
    window->setGuestGeometry(w.geometry, placement(guestId));
    if (created) {
        window->create();
        applyWindowClass(window);
        window->show();
        emit windowCountChanged();
        emit windowShown(guestId);
    }
}

void SeamlessWindowManager::removeWindow(quint32 guestId)
{
    SeamlessWindow *window = m_windows.take(guestId);
    if (!window)
        return;
    window->disconnect(this);
    window->hide();
    window->deleteLater();
    emit windowCountChanged();
    emit windowHidden(guestId);
}

void SeamlessWindowManager::onFramebufferSizeChanged()
{
    // Every window drops its view of the old surface at once: its memory may be gone.
    const QImage frame = m_connection ? m_connection->framebuffer()->image() : QImage();
    for (SeamlessWindow *w : std::as_const(m_windows))
        w->setFrame(frame);
}

void SeamlessWindowManager::onFramebufferUpdated(const QRect &rect)
{
    for (SeamlessWindow *w : std::as_const(m_windows)) {
        if (w->guestGeometry().intersects(rect))
            w->damage(rect);
    }
}

void SeamlessWindowManager::onMoveResizeRequested(quint32 guestId, const QRect &host)
{
    if (!m_connection)
        return;
    m_connection->agent()->moveResizeWindow(guestId, SeamlessGeometry::guestGeometry(host, m_origin));
}

quint32 SeamlessWindowManager::popupParent(quint32 guestId) const
{
    WindowTracker *tracker = m_connection->agent()->windows();
    const GuestWindow popup = tracker->window(guestId);
    if (popup.transientFor && m_windows.contains(popup.transientFor))
        return popup.transientFor;
    // A menu belongs to the window it opened over: the topmost normal one below it that it touches.
    const QList<quint32> stack = tracker->stack();
    for (qsizetype i = stack.indexOf(guestId) - 1; i >= 0; --i) {
        const GuestWindow below = tracker->window(stack.at(i));
        SeamlessWindow *host = m_windows.value(below.id);
        if (host && host->kind() == SeamlessWindow::Normal && below.geometry.intersects(popup.geometry))
            return below.id;
    }
    return 0;
}

QRect SeamlessWindowManager::placement(quint32 guestId) const
{
    WindowTracker *tracker = m_connection->agent()->windows();
    const GuestWindow w = tracker->window(guestId);
    QRect host = SeamlessGeometry::hostFrame(w.geometry, m_origin);
    if (w.overrideRedirect) {
        if (const quint32 parent = popupParent(guestId))
            host = SeamlessGeometry::popupFrame(w.geometry, tracker->window(parent).geometry, m_windows.value(parent)->geometry());
    }
    QList<QRect> screens;
    for (QScreen *screen : QGuiApplication::screens())
        screens.append(screen->availableGeometry());
    return SeamlessGeometry::keepOnScreen(host, screens);
}

void SeamlessWindowManager::applyWindowClass(SeamlessWindow *window) const
{
    const GuestWindow w = m_connection ? m_connection->agent()->windows()->window(window->guestId()) : GuestWindow();
    // Qt sets one WM_CLASS for the whole application; each window gets its
    // appliance's here, so window managers group and match by appliance.
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    if (!x11 || !window->handle() || m_applianceId.isEmpty())
        return;
    const QByteArray id = m_applianceId.toUtf8();
    // The guest's class is sanitised printable text; the appliance id comes first.
    const QByteArray guestClass = w.appClass.isEmpty() ? QByteArrayLiteral("window") : w.appClass.toUtf8();
    const QByteArray value = "tessera-" + id + '\0' + id + '-' + guestClass + '\0';
    xcb_change_property(x11->connection(), XCB_PROP_MODE_REPLACE, xcb_window_t(window->winId()), XCB_ATOM_WM_CLASS,
                        XCB_ATOM_STRING, 8, quint32(value.size()), value.constData());
    xcb_flush(x11->connection());
}
