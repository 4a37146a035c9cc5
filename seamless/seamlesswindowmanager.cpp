#include "seamlesswindowmanager.h"

#include "agentchannel.h"
#include "clipboardnotice.h"
#include "guestframebuffer.h"
#include "hostwindowstack.h"
#include "seamlessgeometry.h"
#include "seamlessclipboard.h"
#include "seamlesslogging.h"
#include "seamlesswindow.h"
#include "spiceconnection.h"
#include "windowtracker.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QtGui/qguiapplication_platform.h>
#include <QScreen>

#include <xcb/xcb.h>

#include <algorithm>

SeamlessWindowManager::SeamlessWindowManager(QObject *parent)
    : QObject(parent), m_clipboard(SeamlessClipboard::instance())
{
    connect(HostWindowStack::instance(), &HostWindowStack::changed, this, [this] {
        if (m_recheckQueued)
            return;
        m_recheckQueued = true;
        QMetaObject::invokeMethod(this, &SeamlessWindowManager::recheckPopups, Qt::QueuedConnection);
    });
    if (QScreen *screen = QGuiApplication::primaryScreen())
        m_origin = screen->availableGeometry().topLeft() + QPoint(SeamlessGeometry::FrameWidth, SeamlessGeometry::FrameWidth);
}

SeamlessWindowManager::~SeamlessWindowManager()
{
    clearWindows();
    delete m_notice;
}

void SeamlessWindowManager::setClipboard(SeamlessClipboard *clipboard)
{
    m_clipboard = clipboard;
}

void SeamlessWindowManager::setConnection(SpiceConnection *connection)
{
    if (m_connection == connection)
        return;
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    clearWindows();
    m_icons.clear();
    m_connection = connection;
    if (connection) {
        WindowTracker *tracker = connection->agent()->windows();
        GuestFramebuffer *fb = connection->framebuffer();
        m_connections << connect(tracker, &WindowTracker::windowAdded, this, &SeamlessWindowManager::syncWindow)
                      << connect(tracker, &WindowTracker::windowChanged, this, &SeamlessWindowManager::syncWindow)
                      << connect(tracker, &WindowTracker::windowRemoved, this,
                                 [this](quint32 id) {
                                     m_icons.remove(id);
                                     m_heldBack.remove(id);
                                     m_fullScreenAsked.remove(id);
                                     removeWindow(id);
                                 })
                      << connect(tracker, &WindowTracker::cleared, this,
                                 [this] {
                                     m_icons.clear();
                                     rebuild();
                                 })
                      << connect(connection->agent(), &AgentChannel::windowIconChanged, this,
                                 &SeamlessWindowManager::onWindowIconChanged)
                      << connect(tracker, &WindowTracker::abuseDetected, this,
                                 [this](const QString &reason) { flag(reason); })
                      << connect(tracker, &WindowTracker::stackChanged, this, &SeamlessWindowManager::restack)
                      // A guest that breaks the protocol may have replaced its agent: flag it too.
                      << connect(connection->agent(), &AgentChannel::protocolError, this,
                                 [this](const QString &message) {
                                     const QString what = message.endsWith(QLatin1Char('.')) ? message : message + QLatin1Char('.');
                                     flag(tr("%1 Its windows are closed until the appliance is restarted. If you did not expect this, stop the appliance and roll it back.")
                                              .arg(what));
                                 })
                      << connect(connection->agent(), &AgentChannel::clipboardReceived, this,
                                 &SeamlessWindowManager::onClipboardReceived)
                      << connect(connection->agent(), &AgentChannel::clipboardRefused, this,
                                 &SeamlessWindowManager::onClipboardRefused)
                      << connect(connection->agent(), &AgentChannel::clipboardSetFinished, this,
                                 &SeamlessWindowManager::onClipboardSetFinished)
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

void SeamlessWindowManager::setMaxWindows(int limit)
{
    limit = std::max(0, limit);
    if (m_maxWindows == limit)
        return;
    m_maxWindows = limit;
    // Windows shown before a tighter limit stay (closing them would lose the user's work);
    // new ones wait until the count is under the limit.
    showHeldBack();
    emit displayPolicyChanged();
}

void SeamlessWindowManager::setFullScreenDenied(bool denied)
{
    if (m_fullScreenDenied == denied)
        return;
    m_fullScreenDenied = denied;
    rebuild();
    emit displayPolicyChanged();
}

bool SeamlessWindowManager::coversScreen(const QRect &guestGeometry, const QSize &screen)
{
    return screen.isValid() && !screen.isEmpty() && guestGeometry.contains(QRect(QPoint(0, 0), screen));
}

QRect SeamlessWindowManager::refusedFullScreenTarget(const QSize &screen)
{
    return QRect(QPoint(0, 0), screen).adjusted(screen.width() / 10, screen.height() / 10, -screen.width() / 10, -screen.height() / 10);
}

void SeamlessWindowManager::setClipboardAllowed(bool allowed)
{
    if (m_clipboardAllowed == allowed)
        return;
    m_clipboardAllowed = allowed;
    emit displayPolicyChanged();
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
    m_rebuilding = true;
    for (quint32 id : tracker->stack())
        syncWindow(id);
    m_rebuilding = false;
    restack();
}

void SeamlessWindowManager::restack()
{
    if (!m_enabled || !m_connection || m_rebuilding)
        return;
    QList<quint32> order;
    for (quint32 id : m_connection->agent()->windows()->stack()) {
        if (m_windows.contains(id))
            order.append(id);
    }
    if (order == m_stacked)
        return;
    m_stacked = order;
    // Bottom to top, each window right above the one before: the appliance's windows keep the
    // guest's order among themselves without jumping above other programs' windows. A restack
    // request (EWMH _NET_RESTACK_WINDOW; raise() where that is not available) never moves the focus.
    // Only windows the window manager already manages take part: openbox dereferences the
    // sibling of a _NET_RESTACK_WINDOW without checking it is one of its clients and crashes on a
    // window it does not know yet (a guest that maps many windows at once made that happen).
    const QSet<WId> managed = managedWindows();
    for (qsizetype i = 0; i < order.size(); ++i) {
        SeamlessWindow *window = m_windows.value(order.at(i));
        SeamlessWindow *below = i > 0 ? m_windows.value(order.at(i - 1)) : nullptr;
        if (window->kind() == SeamlessWindow::Popup || !below || below->kind() == SeamlessWindow::Popup
            || !window->handle() || !below->handle() || !managed.contains(window->winId()) || !managed.contains(below->winId())
            || !restackNextTo(window, below->winId(), true)) {
            if (!m_demoted.contains(order.at(i))) // a demoted popup is not raised over what it would cover
                window->raise();
        }
    }
    emit restacked();
}

void SeamlessWindowManager::clearWindows()
{
    m_heldBack.clear();
    m_fullScreenAsked.clear();
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
        m_heldBack.remove(guestId);
        removeWindow(guestId);
        return;
    }
    SeamlessWindow::Kind kind = w.overrideRedirect ? SeamlessWindow::Popup : SeamlessWindow::Normal;
    if (kind == SeamlessWindow::Popup && coversForeignWindow(guestId)) {
        // A guest's window the host window manager does not frame or stack must not sit above
        // anything that is not the same appliance's (Tessera's own windows, another appliance's,
        // another program's): it becomes a normal window the host window manager frames and stacks.
        kind = SeamlessWindow::Normal;
        if (!m_demoted.contains(guestId)) {
            m_demoted.insert(guestId);
            qCWarning(lcSeamless) << "override-redirect window" << guestId << "of" << m_applianceId
                                  << "over a window that is not its own: demoted";
            flag(tr("The appliance placed a pop-up window without a frame over a window that is not its own (Tessera's, another appliance's or another program's); it is shown as a normal, framed window. If you did not expect this, stop the appliance and roll it back."));
        }
    }
    if (kind == SeamlessWindow::Normal && m_fullScreenDenied && coversScreen(w.geometry, m_connection->framebuffer()->size())) {
        // Never on the host desktop while it covers the guest's whole screen.
        removeWindow(guestId);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (now - m_fullScreenAsked.value(guestId, 0) >= 1000) {
            m_fullScreenAsked.insert(guestId, now);
            const QRect target = refusedFullScreenTarget(m_connection->framebuffer()->size());
            qCWarning(lcSeamless) << "window" << guestId << "of" << m_applianceId << "covers the whole screen, which its contract denies: asked to go to" << target;
            m_connection->agent()->moveResizeWindow(guestId, target);
            emit fullScreenRefused(guestId, w.label());
        }
        return;
    }
    SeamlessWindow *window = m_windows.value(guestId);
    if (window && window->kind() != kind) {
        removeWindow(guestId);
        window = nullptr;
    }
    const bool created = !window;
    if (created && kind == SeamlessWindow::Normal && m_maxWindows > 0 && framedWindowCount() >= m_maxWindows) {
        if (!m_heldBack.contains(guestId)) {
            m_heldBack.insert(guestId);
            qCWarning(lcSeamless) << "window" << guestId << "of" << m_applianceId << "held back: the contract allows" << m_maxWindows;
            emit windowHeldBack(guestId, w.label(), m_maxWindows);
        }
        return;
    }
    m_heldBack.remove(guestId);
    if (created) {
        window = new SeamlessWindow(guestId, kind);
        if (m_demoted.contains(guestId)) {
            // Not focused when it appears (Qt: _NET_WM_USER_TIME 0), and put below the windows it
            // would cover once the window manager manages it (lowerDemoted()).
            window->setProperty("_q_showWithoutActivating", true);
            m_lowerOnce.insert(guestId);
        }
        window->setConnection(m_connection);
        window->setTrustColor(m_trustColor);
        window->setFrame(m_connection->framebuffer()->image());
        if (m_icons.contains(guestId))
            window->setGuestIcon(m_icons.value(guestId));
        AgentChannel *agent = m_connection->agent();
        connect(window, &SeamlessWindow::moveResizeRequested, this, &SeamlessWindowManager::onMoveResizeRequested);
        connect(window, &SeamlessWindow::focusRequested, agent, [agent](quint32 id) { agent->focusWindow(id); });
        connect(window, &SeamlessWindow::closeRequested, agent, [agent](quint32 id) { agent->closeWindow(id, false); });
        connect(window, &SeamlessWindow::clipboardCopyRequested, this, &SeamlessWindowManager::copyFromGuest);
        connect(window, &SeamlessWindow::clipboardPasteRequested, this, &SeamlessWindowManager::pasteIntoGuest);
        m_windows.insert(guestId, window);
    }
    window->setTitle(hostTitle(w.label()));
    if (kind == SeamlessWindow::Normal) {
        SeamlessWindow *parent = w.transientFor ? m_windows.value(w.transientFor) : nullptr;
        window->setTransientParent(parent);
    }
    window->setGuestGeometry(w.geometry, placement(guestId));
    window->setGuestUrgent(w.urgent);
    if (created) {
        window->create();
        applyWindowClass(window);
        window->show();
        emit windowCountChanged();
        emit windowShown(guestId);
        restack();
        lowerDemoted();
    }
}

int SeamlessWindowManager::framedWindowCount() const
{
    return int(std::count_if(m_windows.cbegin(), m_windows.cend(), [](const SeamlessWindow *w) { return w->kind() == SeamlessWindow::Normal; }));
}

void SeamlessWindowManager::showHeldBack()
{
    if (m_heldBack.isEmpty() || !m_enabled || !m_connection || m_rebuilding)
        return;
    for (quint32 id : m_connection->agent()->windows()->stack()) {
        if (m_heldBack.contains(id) && (m_maxWindows == 0 || framedWindowCount() < m_maxWindows))
            syncWindow(id);
    }
}

void SeamlessWindowManager::removeWindow(quint32 guestId)
{
    if (!m_connection || !m_connection->agent()->windows()->contains(guestId))
        m_demoted.remove(guestId);
    SeamlessWindow *window = m_windows.take(guestId);
    if (!window)
        return;
    const bool framed = window->kind() == SeamlessWindow::Normal;
    window->disconnect(this);
    window->hide();
    window->deleteLater();
    m_stacked.removeOne(guestId);
    emit windowCountChanged();
    emit windowHidden(guestId);
    if (framed) // its place under maxWindows() goes to the next held-back window
        showHeldBack();
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

void SeamlessWindowManager::onWindowIconChanged(quint32 guestId, const QImage &icon)
{
    // AgentChannel emits icons only for tracked windows (at most WindowTracker::MaxWindows).
    if (icon.isNull())
        m_icons.remove(guestId);
    else
        m_icons.insert(guestId, icon);
    if (SeamlessWindow *window = m_windows.value(guestId))
        window->setGuestIcon(icon);
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

bool SeamlessWindowManager::coversForeignWindow(quint32 guestId) const
{
    if (m_demoted.contains(guestId))
        return true; // once demoted, it stays so: no flipping back and forth
    const QRect host = placement(guestId); // a free-standing popup is placed like a window
    // The guest's own normal window a menu belongs to (through the menus it opened from): the
    // menu may reach over windows stacked below that window, as any program's menus do, never
    // over one above it. A free-standing popup (no such window) may reach over nothing foreign.
    quint32 anchor = popupParent(guestId);
    for (int depth = 0; anchor && depth < WindowTracker::MaxWindows; ++depth) {
        const SeamlessWindow *window = m_windows.value(anchor);
        if (!window || window->kind() == SeamlessWindow::Normal)
            break;
        anchor = popupParent(anchor);
    }
    const SeamlessWindow *anchorHost = anchor ? m_windows.value(anchor) : nullptr;
    const QList<HostWindowStack::Entry> desktop = HostWindowStack::instance()->windows();
    int anchorIndex = -1;
    for (const HostWindowStack::Entry &entry : desktop) {
        if (anchorHost && entry.window == anchorHost && anchorHost->kind() == SeamlessWindow::Normal)
            anchorIndex = entry.stackIndex;
    }
    for (const HostWindowStack::Entry &entry : desktop) {
        const auto *own = qobject_cast<const SeamlessWindow *>(entry.window);
        if (own && m_windows.value(own->guestId()) == own)
            continue; // this appliance's own windows and popups
        if (!host.intersects(entry.geometry))
            continue;
        // Where the stacking order is unknown (not X11, a window the window manager does not
        // manage), a menu is held to the free-standing rule.
        if (!anchor || anchorIndex < 0 || entry.stackIndex < 0 || entry.stackIndex > anchorIndex) {
            qCDebug(lcSeamless) << "popup" << guestId << "of" << m_applianceId << "at" << host << "would cover"
                               << (entry.window ? entry.window->title() : QStringLiteral("another program's window")) << entry.geometry;
            return true;
        }
    }
    return false;
}

void SeamlessWindowManager::lowerDemoted()
{
    if (m_lowerOnce.isEmpty())
        return;
    const QSet<WId> managed = managedWindows();
    if (managed.isEmpty()) {
        m_lowerOnce.clear(); // no window manager list (not X11): nothing to restack against
        return;
    }
    const QList<HostWindowStack::Entry> desktop = HostWindowStack::instance()->windows();
    const QList<quint32> ids = m_lowerOnce.values();
    for (quint32 id : ids) {
        SeamlessWindow *window = m_windows.value(id);
        if (!window || window->kind() != SeamlessWindow::Normal) {
            m_lowerOnce.remove(id);
            continue;
        }
        if (!window->handle() || !managed.contains(window->winId()))
            continue; // not managed yet: again on the next change of the stacking list
        m_lowerOnce.remove(id);
        // Right below the lowest managed window of another owner it overlaps: under all of them.
        int lowest = -1;
        WId sibling = 0;
        for (const HostWindowStack::Entry &entry : desktop) {
            const auto *own = qobject_cast<const SeamlessWindow *>(entry.window);
            if ((own && m_windows.value(own->guestId()) == own) || entry.stackIndex < 0 || !managed.contains(entry.id)
                || !window->geometry().intersects(entry.geometry))
                continue;
            if (lowest < 0 || entry.stackIndex < lowest) {
                lowest = entry.stackIndex;
                sibling = entry.id;
            }
        }
        if (sibling && restackNextTo(window, sibling, false))
            qCInfo(lcSeamless) << "demoted window" << id << "of" << m_applianceId << "put below the windows it would cover";
    }
}

void SeamlessWindowManager::recheckPopups()
{
    m_recheckQueued = false;
    if (!m_enabled || !m_connection)
        return;
    lowerDemoted();
    // Something mapped or was raised: a popup placed earlier may now be over it.
    const QList<quint32> ids = m_windows.keys();
    for (quint32 id : ids) {
        SeamlessWindow *window = m_windows.value(id);
        if (window && window->kind() == SeamlessWindow::Popup && coversForeignWindow(id))
            syncWindow(id);
    }
}

QRect SeamlessWindowManager::placement(quint32 guestId) const
{
    WindowTracker *tracker = m_connection->agent()->windows();
    GuestWindow w = tracker->window(guestId);
    // Nothing of a window shows past the guest's screen: a host window is never larger than that
    // screen, so an absurd guest size cannot make the host allocate a huge backing store.
    const QSize screen = m_connection->framebuffer()->size();
    if (!screen.isEmpty())
        w.geometry.setSize(w.geometry.size().boundedTo(screen));
    QRect host = SeamlessGeometry::hostFrame(w.geometry, m_origin);
    if (w.overrideRedirect && !m_demoted.contains(guestId)) {
        if (const quint32 parent = popupParent(guestId))
            host = SeamlessGeometry::popupFrame(w.geometry, tracker->window(parent).geometry, m_windows.value(parent)->geometry());
    }
    QList<QRect> screens;
    for (QScreen *screen : QGuiApplication::screens())
        screens.append(screen->availableGeometry());
    return SeamlessGeometry::keepOnScreen(host, screens);
}

QSet<WId> SeamlessWindowManager::managedWindows() const
{
    QSet<WId> managed;
    xcb_connection_t *c = HostWindowStack::xcbConnection();
    if (!c)
        return managed;
    static xcb_atom_t clientList = XCB_ATOM_NONE;
    if (clientList == XCB_ATOM_NONE) {
        static const char name[] = "_NET_CLIENT_LIST";
        xcb_intern_atom_reply_t *reply = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, sizeof name - 1, name), nullptr);
        clientList = reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
        free(reply);
        if (clientList == XCB_ATOM_NONE)
            return managed;
    }
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
    // At most 64 Ki clients are read; a window manager with more is not one we restack in.
    xcb_get_property_reply_t *reply =
        xcb_get_property_reply(c, xcb_get_property(c, 0, root, clientList, XCB_ATOM_WINDOW, 0, 65536), nullptr);
    if (reply) {
        const auto *ids = static_cast<const xcb_window_t *>(xcb_get_property_value(reply));
        const int n = xcb_get_property_value_length(reply) / int(sizeof(xcb_window_t));
        for (int i = 0; i < n; ++i)
            managed.insert(WId(ids[i]));
        free(reply);
    }
    return managed;
}

bool SeamlessWindowManager::restackNextTo(SeamlessWindow *window, WId sibling, bool above) const
{
    xcb_connection_t *c = HostWindowStack::xcbConnection();
    if (!c || !window->handle() || !sibling)
        return false;
    static xcb_atom_t restack = XCB_ATOM_NONE;
    if (restack == XCB_ATOM_NONE) {
        static const char name[] = "_NET_RESTACK_WINDOW";
        xcb_intern_atom_reply_t *reply = xcb_intern_atom_reply(c, xcb_intern_atom(c, 0, sizeof name - 1, name), nullptr);
        restack = reply ? reply->atom : xcb_atom_t(XCB_ATOM_NONE);
        free(reply);
        if (restack == XCB_ATOM_NONE)
            return false;
    }
    xcb_client_message_event_t event = {};
    event.response_type = XCB_CLIENT_MESSAGE;
    event.format = 32;
    event.window = xcb_window_t(window->winId());
    event.type = restack;
    event.data.data32[0] = 2; // source: a pager-like tool (window managers ignore 1 here)
    event.data.data32[1] = quint32(sibling);
    event.data.data32[2] = above ? XCB_STACK_MODE_ABOVE : XCB_STACK_MODE_BELOW;
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
    xcb_send_event(c, 0, root, XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT | XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY,
                   reinterpret_cast<const char *>(&event));
    xcb_flush(c);
    return true;
}

void SeamlessWindowManager::applyWindowClass(SeamlessWindow *window) const
{
    const GuestWindow w = m_connection ? m_connection->agent()->windows()->window(window->guestId()) : GuestWindow();
    // Qt sets one WM_CLASS for the whole application; each window gets its
    // appliance's here, so window managers group and match by appliance.
    xcb_connection_t *c = HostWindowStack::xcbConnection();
    if (!c || !window->handle() || m_applianceId.isEmpty())
        return;
    const QByteArray id = m_applianceId.toUtf8();
    // The guest's class is sanitised printable text; the appliance id comes first.
    const QByteArray guestClass = w.appClass.isEmpty() ? QByteArrayLiteral("window") : w.appClass.toUtf8();
    const QByteArray value = "tessera-" + id + '\0' + id + '-' + guestClass + '\0';
    xcb_change_property(c, XCB_PROP_MODE_REPLACE, xcb_window_t(window->winId()), XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, 8,
                        quint32(value.size()), value.constData());
    xcb_flush(c);
}

void SeamlessWindowManager::flag(const QString &reason)
{
    m_abuseReason = reason;
    emit abuseDetected(reason);
}

void SeamlessWindowManager::notify(quint32 guestId, const QString &message)
{
    m_lastNotice = message;
    qCInfo(lcSeamless).noquote() << "clipboard:" << message;
    if (SeamlessWindow *window = m_windows.value(guestId)) {
        if (!m_notice)
            m_notice = new ClipboardNotice;
        m_notice->showNotice(message, window->geometry());
    }
    emit clipboardNotice(message);
}

void SeamlessWindowManager::copyFromGuest(quint32 guestId)
{
    if (!m_clipboardAllowed) {
        notify(guestId, tr("Nothing copied from %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.")
                            .arg(m_applianceTitle));
        return;
    }
    AgentChannel *agent = m_connection ? m_connection->agent() : nullptr;
    if (!agent || !agent->isOpen()) {
        notify(guestId, tr("Nothing copied from %1: its guest agent is not connected. Wait until the appliance has started, then copy again.")
                            .arg(m_applianceTitle));
        return;
    }
    if (!agent->supportsClipboard()) {
        notify(guestId, tr("Nothing copied from %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.")
                            .arg(m_applianceTitle));
        return;
    }
    m_copyRequest = agent->requestClipboard();
    m_copyWindow = guestId;
    if (!m_copyRequest)
        notify(guestId, tr("Nothing copied from %1: its guest agent is not connected. Wait until the appliance has started, then copy again.")
                            .arg(m_applianceTitle));
}

void SeamlessWindowManager::pasteIntoGuest(quint32 guestId)
{
    if (!m_clipboardAllowed) {
        notify(guestId, tr("Nothing pasted into %1: its contract allows no clipboard. Choose an appliance whose contract allows it for this job.")
                            .arg(m_applianceTitle));
        return;
    }
    AgentChannel *agent = m_connection ? m_connection->agent() : nullptr;
    if (!m_clipboard || m_clipboard->isEmpty()) {
        notify(guestId, tr("Nothing to paste into %1: copy text first with Ctrl+Shift+C in an appliance window.").arg(m_applianceTitle));
        return;
    }
    if (!agent || !agent->isOpen()) {
        notify(guestId, tr("Nothing pasted into %1: its guest agent is not connected. Wait until the appliance has started, then paste again.")
                            .arg(m_applianceTitle));
        return;
    }
    if (!agent->supportsClipboard()) {
        notify(guestId, tr("Nothing pasted into %1: its guest agent is too old for the clipboard. Rebuild the tools disk (scripts/build-appliances --agent) and restart the appliance.")
                            .arg(m_applianceTitle));
        return;
    }
    m_pasteRequest = agent->setClipboard(m_clipboard->text());
    m_pasteWindow = guestId;
    if (!m_pasteRequest)
        notify(guestId, tr("Nothing pasted into %1: its guest agent is not connected. Wait until the appliance has started, then paste again.")
                            .arg(m_applianceTitle));
}

void SeamlessWindowManager::onClipboardReceived(quint32 requestId, const QString &text)
{
    if (requestId != m_copyRequest || !requestId)
        return;
    m_copyRequest = 0;
    if (text.isEmpty()) {
        notify(m_copyWindow, tr("Nothing copied from %1: the selection is empty.").arg(m_applianceTitle));
        return;
    }
    if (m_clipboard)
        m_clipboard->set(text, m_applianceId, m_applianceTitle);
    notify(m_copyWindow, tr("Copied from %1").arg(m_applianceTitle));
}

void SeamlessWindowManager::onClipboardRefused(quint32 requestId, const QString &reason)
{
    if (requestId != m_copyRequest || !requestId)
        return;
    m_copyRequest = 0;
    notify(m_copyWindow, tr("Nothing copied from %1: %2").arg(m_applianceTitle, reason));
}

void SeamlessWindowManager::onClipboardSetFinished(quint32 requestId, bool ok)
{
    if (requestId != m_pasteRequest || !requestId)
        return;
    m_pasteRequest = 0;
    if (!ok) {
        notify(m_pasteWindow, tr("Nothing pasted into %1: the guest did not take the text. Paste again.").arg(m_applianceTitle));
        return;
    }
    const QString source = m_clipboard ? m_clipboard->sourceTitle() : QString();
    notify(m_pasteWindow, tr("Pasted into %1 (copied from %2). Paste it there with the program's paste key, e.g. Shift+Insert in a terminal.")
                              .arg(m_applianceTitle, source));
}
