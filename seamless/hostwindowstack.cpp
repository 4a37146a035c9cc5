#include "hostwindowstack.h"

#include <QGuiApplication>
#include <QHash>
#include <QScreen>
#include <QtGui/qguiapplication_platform.h>

#include <xcb/xcb.h>

#include <cstdlib>
#include <cstring>
#include <vector>

namespace {

// Moves of other programs' windows change no property the window manager announces: a read
// older than this is done again.
constexpr int MaxCacheAgeMs = 250;

struct Atoms
{
    xcb_atom_t stacking = XCB_ATOM_NONE;
    xcb_atom_t type = XCB_ATOM_NONE;
    xcb_atom_t desktop = XCB_ATOM_NONE;
};

const Atoms &atoms(xcb_connection_t *c)
{
    static const Atoms interned = [c] {
        const char *names[] = {"_NET_CLIENT_LIST_STACKING", "_NET_WM_WINDOW_TYPE", "_NET_WM_WINDOW_TYPE_DESKTOP"};
        xcb_intern_atom_cookie_t cookies[3];
        for (int i = 0; i < 3; ++i)
            cookies[i] = xcb_intern_atom(c, 0, uint16_t(strlen(names[i])), names[i]);
        xcb_atom_t values[3] = {XCB_ATOM_NONE, XCB_ATOM_NONE, XCB_ATOM_NONE};
        for (int i = 0; i < 3; ++i) {
            if (xcb_intern_atom_reply_t *reply = xcb_intern_atom_reply(c, cookies[i], nullptr)) {
                values[i] = reply->atom;
                free(reply);
            }
        }
        return Atoms{values[0], values[1], values[2]};
    }();
    return interned;
}

/// The X windows to look at, bottom to top: the window manager's stacking list, else (no EWMH
/// window manager) the root window's children, which X keeps in stacking order.
std::vector<xcb_window_t> stackingOrder(xcb_connection_t *c, xcb_window_t root, xcb_atom_t stacking)
{
    std::vector<xcb_window_t> ids;
    bool managed = false;
    if (stacking != XCB_ATOM_NONE) {
        xcb_get_property_reply_t *reply =
            xcb_get_property_reply(c, xcb_get_property(c, 0, root, stacking, XCB_ATOM_WINDOW, 0, 65536), nullptr);
        if (reply && reply->type == XCB_ATOM_WINDOW && reply->format == 32) {
            const auto *values = static_cast<const xcb_window_t *>(xcb_get_property_value(reply));
            ids.assign(values, values + xcb_get_property_value_length(reply) / int(sizeof(xcb_window_t)));
            managed = true;
        }
        free(reply);
    }
    if (!managed) {
        if (xcb_query_tree_reply_t *tree = xcb_query_tree_reply(c, xcb_query_tree(c, root), nullptr)) {
            const xcb_window_t *children = xcb_query_tree_children(tree);
            ids.assign(children, children + xcb_query_tree_children_length(tree));
            free(tree);
        }
    }
    if (ids.size() > size_t(HostWindowStack::MaxClients))
        ids.erase(ids.begin(), ids.end() - HostWindowStack::MaxClients); // the topmost matter most
    return ids;
}

} // namespace

HostWindowStack::HostWindowStack(QObject *parent) : QObject(parent)
{
    if (xcbConnection())
        qGuiApp->installNativeEventFilter(this);
}

xcb_connection_t *HostWindowStack::xcbConnection()
{
    if (!qGuiApp || QGuiApplication::platformName() != QLatin1String("xcb"))
        return nullptr;
    auto *x11 = qGuiApp->nativeInterface<QNativeInterface::QX11Application>();
    return x11 ? x11->connection() : nullptr;
}

HostWindowStack *HostWindowStack::instance()
{
    static HostWindowStack *stack = new HostWindowStack(qGuiApp);
    return stack;
}

bool HostWindowStack::nativeEventFilter(const QByteArray &eventType, void *message, qintptr *)
{
    if (eventType != "xcb_generic_event_t")
        return false;
    const auto *event = static_cast<const xcb_generic_event_t *>(message);
    if ((event->response_type & 0x7f) != XCB_PROPERTY_NOTIFY)
        return false;
    xcb_connection_t *c = xcbConnection();
    const auto *property = reinterpret_cast<const xcb_property_notify_event_t *>(event);
    if (c && property->atom == atoms(c).stacking) {
        m_xCacheAge.invalidate();
        Q_EMIT changed();
    }
    return false; // Qt handles it as before
}

QList<HostWindowStack::Entry> HostWindowStack::windows()
{
    const QList<Entry> others = xWindows();
    QHash<WId, int> byId;
    for (qsizetype i = 0; i < others.size(); ++i)
        byId.insert(others.at(i).id, int(i));
    QList<bool> ours(others.size(), false);
    QList<Entry> result;
    for (QWindow *window : QGuiApplication::topLevelWindows()) {
        if (!window->isVisible() || window->windowStates().testFlag(Qt::WindowMinimized))
            continue;
        Entry entry;
        entry.window = window;
        entry.geometry = window->frameGeometry();
        if (window->handle()) { // winId() would create a native window for one that has none
            entry.id = window->winId();
            if (const auto at = byId.constFind(entry.id); at != byId.cend()) {
                entry.stackIndex = others.at(*at).stackIndex;
                ours[*at] = true;
            }
        }
        result.append(entry);
    }
    // A window this process made (X ids carry the connection's resource base) that is not among
    // its visible windows now is gone or hidden since the X list was read: left out.
    xcb_connection_t *c = xcbConnection();
    const xcb_setup_t *setup = c ? xcb_get_setup(c) : nullptr;
    for (qsizetype i = 0; i < others.size(); ++i) {
        const bool made = setup && (quint32(others.at(i).id) & ~setup->resource_id_mask) == setup->resource_id_base;
        if (!ours.at(i) && !made)
            result.append(others.at(i));
    }
    return result;
}

QList<HostWindowStack::Entry> HostWindowStack::xWindows()
{
    if (m_xCacheAge.isValid() && m_xCacheAge.elapsed() < MaxCacheAgeMs)
        return m_xCache;
    m_xCache.clear();
    m_xCacheAge.start();
    xcb_connection_t *c = xcbConnection();
    if (!c)
        return m_xCache;
    const Atoms &atom = atoms(c);
    const xcb_window_t root = xcb_setup_roots_iterator(xcb_get_setup(c)).data->root;
    const std::vector<xcb_window_t> ids = stackingOrder(c, root, atom.stacking);
    // All requests first, then all replies: one round trip however many windows there are.
    struct Cookies
    {
        xcb_get_window_attributes_cookie_t attributes;
        xcb_get_geometry_cookie_t geometry;
        xcb_translate_coordinates_cookie_t position;
        xcb_get_property_cookie_t type;
    };
    std::vector<Cookies> cookies;
    cookies.reserve(ids.size());
    for (const xcb_window_t id : ids)
        cookies.push_back({xcb_get_window_attributes(c, id), xcb_get_geometry(c, id), xcb_translate_coordinates(c, id, root, 0, 0),
                           xcb_get_property(c, 0, id, atom.type, XCB_ATOM_ATOM, 0, 32)});
    const qreal ratio = QGuiApplication::primaryScreen() ? QGuiApplication::primaryScreen()->devicePixelRatio() : 1.0;
    for (size_t i = 0; i < ids.size(); ++i) {
        // A window that went away meanwhile answers with an error: it is left out.
        xcb_generic_error_t *error = nullptr;
        xcb_get_window_attributes_reply_t *attributes = xcb_get_window_attributes_reply(c, cookies[i].attributes, &error);
        free(error);
        error = nullptr;
        xcb_get_geometry_reply_t *geometry = xcb_get_geometry_reply(c, cookies[i].geometry, &error);
        free(error);
        error = nullptr;
        xcb_translate_coordinates_reply_t *position = xcb_translate_coordinates_reply(c, cookies[i].position, &error);
        free(error);
        error = nullptr;
        xcb_get_property_reply_t *type = xcb_get_property_reply(c, cookies[i].type, &error);
        free(error);
        bool desktop = false;
        if (type && type->type == XCB_ATOM_ATOM && type->format == 32) {
            const auto *types = static_cast<const xcb_atom_t *>(xcb_get_property_value(type));
            const int n = xcb_get_property_value_length(type) / int(sizeof(xcb_atom_t));
            for (int t = 0; t < n; ++t)
                desktop = desktop || (atom.desktop != XCB_ATOM_NONE && types[t] == atom.desktop);
        }
        if (attributes && geometry && position && attributes->map_state == XCB_MAP_STATE_VIEWABLE && !desktop) {
            Entry entry;
            entry.id = WId(ids[i]);
            entry.geometry = QRect(qRound(position->dst_x / ratio), qRound(position->dst_y / ratio), qRound(geometry->width / ratio),
                                   qRound(geometry->height / ratio));
            entry.stackIndex = int(i);
            m_xCache.append(entry);
        }
        free(attributes);
        free(geometry);
        free(position);
        free(type);
    }
    return m_xCache;
}
