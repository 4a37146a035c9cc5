/* Window tracking. The guest runs no window manager, so the top-level
 * windows are exactly the root's children. */
#define _GNU_SOURCE
#include "xwin.h"

#include "clip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XA_WM_NAME 39u
#define XA_WM_CLASS 67u
#define XA_WM_HINTS 35u
#define XA_WM_TRANSIENT_FOR 68u

struct xwin_state xwin;

struct xwin *xwin_find(xcb_window_t id)
{
    for (int i = 0; i < xwin.n; i++)
        if (xwin.win[i].id == id)
            return &xwin.win[i];
    return NULL;
}

static int index_of(xcb_window_t id)
{
    struct xwin *w = xwin_find(id);
    return w ? (int)(w - xwin.win) : -1;
}

static void send_update(struct conn *c, const struct xwin *w)
{
    char num[6][16];
    snprintf(num[0], sizeof num[0], "%u", (unsigned)w->id);
    snprintf(num[1], sizeof num[1], "%u", w->flags);
    snprintf(num[2], sizeof num[2], "%d", w->x);
    snprintf(num[3], sizeof num[3], "%d", w->y);
    snprintf(num[4], sizeof num[4], "%d", w->w);
    snprintf(num[5], sizeof num[5], "%d", w->h);
    char tr[16];
    snprintf(tr, sizeof tr, "%u", (unsigned)w->transient_for);
    struct frame_field f[9] = { frame_str(num[0]), frame_str(num[1]),
                                frame_str(num[2]), frame_str(num[3]),
                                frame_str(num[4]), frame_str(num[5]),
                                frame_str(tr), frame_str(w->title),
                                frame_str(w->cls) };
    conn_send(c, MSG_WINDOW_UPDATE, f, 9);
}

/* WindowIcon: id, width, height, pixels (0xAARRGGBB, 4 bytes little-endian
 * each); 0, 0 and no pixels when the window has no usable icon. */
static void send_icon(struct conn *c, struct xwin *w, int only_if_set)
{
    static uint32_t argb[XPROPS_ICON_MAX_PIXELS];
    static unsigned char bytes[XPROPS_ICON_MAX_PIXELS * 4];
    int iw = 0, ih = 0;
    const int got = xprops_icon(xwin.xc, &xwin.atoms, w->id, argb, &iw, &ih);
    if (!xwin.send_icons || (!got && (only_if_set || !w->has_icon)))
        return;
    w->has_icon = got;
    for (int i = 0; i < iw * ih; i++) {
        bytes[i * 4] = (unsigned char)argb[i];
        bytes[i * 4 + 1] = (unsigned char)(argb[i] >> 8);
        bytes[i * 4 + 2] = (unsigned char)(argb[i] >> 16);
        bytes[i * 4 + 3] = (unsigned char)(argb[i] >> 24);
    }
    char num[3][16];
    snprintf(num[0], sizeof num[0], "%u", (unsigned)w->id);
    snprintf(num[1], sizeof num[1], "%d", iw);
    snprintf(num[2], sizeof num[2], "%d", ih);
    struct frame_field f[4] = { frame_str(num[0]), frame_str(num[1]), frame_str(num[2]),
                                { bytes, (uint32_t)(iw * ih * 4) } };
    conn_send(c, MSG_WINDOW_ICON, f, 4);
}

static void update_urgent(struct xwin *w)
{
    w->flags = (w->flags & ~(unsigned)XWIN_URGENT)
             | (w->urgent_hint || w->urgent_state ? XWIN_URGENT : 0);
}

static void send_removed(struct conn *c, xcb_window_t id)
{
    char s[16];
    snprintf(s, sizeof s, "%u", (unsigned)id);
    struct frame_field f = frame_str(s);
    conn_send(c, MSG_WINDOW_REMOVED, &f, 1);
}

static void send_stack(struct conn *c)
{
    static char ids[XWIN_MAX * 11 + 1];
    size_t o = 0;
    ids[0] = '\0';
    for (int i = 0; i < xwin.n; i++)
        o += (size_t)snprintf(ids + o, sizeof ids - o, i ? " %u" : "%u",
                              (unsigned)xwin.win[i].id);
    struct frame_field f = frame_str(ids);
    conn_send(c, MSG_WINDOW_STACK, &f, 1);
}

/* Reads the window's state; the window may already be gone (then it is
 * removed again when its DestroyNotify arrives). */
static void read_window(struct xwin *w)
{
    xcb_connection_t *xc = xwin.xc;
    xcb_get_window_attributes_cookie_t ac = xcb_get_window_attributes(xc, w->id);
    xcb_get_geometry_cookie_t gc = xcb_get_geometry(xc, w->id);
    xcb_get_window_attributes_reply_t *a = xcb_get_window_attributes_reply(xc, ac, NULL);
    xcb_get_geometry_reply_t *g = xcb_get_geometry_reply(xc, gc, NULL);
    w->flags = 0;
    if (a) {
        if (a->map_state != XCB_MAP_STATE_UNMAPPED)
            w->flags |= XWIN_MAPPED;
        if (a->override_redirect)
            w->flags |= XWIN_OVERRIDE_REDIRECT;
    }
    if (g) {
        w->x = g->x;
        w->y = g->y;
        w->w = g->width;
        w->h = g->height;
    }
    free(a);
    free(g);
    xprops_title(xc, &xwin.atoms, w->id, w->title);
    xprops_class(xc, w->id, w->cls);
    w->transient_for = xprops_transient_for(xc, w->id);
    w->urgent_hint = xprops_urgent(xc, w->id);
    w->urgent_state = xprops_demands_attention(xc, &xwin.atoms, w->id);
    update_urgent(w);
    w->dirty = 1;
    w->icon_dirty = 1;
}

/* Adds a window on top of the stack (or below `below` if given). */
static void add_window(xcb_window_t id)
{
    if (xwin_find(id) || xwin.n == XWIN_MAX || id == clip_window())
        return;
    /* select first, then read: no property change falls in between */
    uint32_t mask = XCB_EVENT_MASK_PROPERTY_CHANGE;
    xcb_change_window_attributes(xwin.xc, id, XCB_CW_EVENT_MASK, &mask);
    struct xwin *w = &xwin.win[xwin.n++];
    memset(w, 0, sizeof *w);
    w->id = id;
    read_window(w);
    xwin.stack_dirty = 1;
}

static void remove_window(struct conn *c, xcb_window_t id)
{
    int i = index_of(id);
    if (i < 0)
        return;
    memmove(&xwin.win[i], &xwin.win[i + 1], sizeof xwin.win[0] * (size_t)(xwin.n - i - 1));
    xwin.n--;
    send_removed(c, id);
    xwin.stack_dirty = 1;
}

/* Moves window i right above `sibling` (to the bottom when 0). */
static void restack(int i, xcb_window_t sibling)
{
    struct xwin tmp = xwin.win[i];
    memmove(&xwin.win[i], &xwin.win[i + 1], sizeof tmp * (size_t)(xwin.n - i - 1));
    xwin.n--;
    int at = 0;
    if (sibling) {
        int s = index_of(sibling);
        at = s < 0 ? xwin.n : s + 1;
    }
    memmove(&xwin.win[at + 1], &xwin.win[at], sizeof tmp * (size_t)(xwin.n - at));
    xwin.win[at] = tmp;
    xwin.n++;
    xwin.stack_dirty = 1;
}

int xwin_open(void)
{
    const int send_icons = xwin.send_icons; /* the host's, not the display's */
    memset(&xwin, 0, sizeof xwin);
    xwin.send_icons = send_icons;
    int screen = 0;
    xcb_connection_t *xc = xcb_connect(":0", &screen);
    if (xcb_connection_has_error(xc)) {
        xcb_disconnect(xc);
        return -1;
    }
    xwin.xc = xc;
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(xc));
    for (int i = 0; i < screen && it.rem; i++)
        xcb_screen_next(&it);
    xwin.root = it.data->root;
    uint32_t mask = XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY;
    xcb_change_window_attributes(xc, xwin.root, XCB_CW_EVENT_MASK, &mask);
    if (xprops_init(xc, &xwin.atoms) < 0) {
        xcb_disconnect(xc);
        xwin.xc = NULL;
        return -1;
    }
    if (clip_init(xc, xwin.root) < 0)
        fprintf(stderr, "tessera-agent: no clipboard: atoms not interned\n");
    xcb_query_tree_reply_t *t = xcb_query_tree_reply(xc, xcb_query_tree(xc, xwin.root), NULL);
    if (t) {
        xcb_window_t *kids = xcb_query_tree_children(t);
        for (int i = 0; i < xcb_query_tree_children_length(t); i++)
            add_window(kids[i]); /* bottom to top */
        free(t);
    }
    xcb_flush(xc);
    fprintf(stderr, "tessera-agent: tracking %d windows on :0\n", xwin.n);
    return 0;
}

void xwin_close(struct conn *c)
{
    if (!xwin.xc)
        return;
    for (int i = 0; i < xwin.n; i++)
        send_removed(c, xwin.win[i].id);
    clip_close();
    xcb_disconnect(xwin.xc);
    xwin.xc = NULL;
    xwin.n = 0;
}

int xwin_fd(void)
{
    return xwin.xc ? xcb_get_file_descriptor(xwin.xc) : -1;
}

void xwin_send_all(struct conn *c)
{
    if (!xwin.xc)
        return;
    for (int i = 0; i < xwin.n; i++)
        send_update(c, &xwin.win[i]);
    send_stack(c);
    xwin_send_icons(c);
}

void xwin_send_icons(struct conn *c)
{
    if (!xwin.xc)
        return;
    for (int i = 0; i < xwin.n; i++) {
        xwin.win[i].has_icon = 0;
        send_icon(c, &xwin.win[i], 1);
        xwin.win[i].icon_dirty = 0;
    }
}

static void set_mapped(xcb_window_t id, int mapped)
{
    struct xwin *w = xwin_find(id);
    if (!w)
        return;
    w->flags = mapped ? (w->flags | XWIN_MAPPED) : (w->flags & ~(unsigned)XWIN_MAPPED);
    w->dirty = 1;
}

static void on_property(const xcb_property_notify_event_t *e)
{
    struct xwin *w = xwin_find(e->window);
    if (!w)
        return;
    if (e->atom == XA_WM_NAME || e->atom == xwin.atoms.net_wm_name)
        xprops_title(xwin.xc, &xwin.atoms, w->id, w->title);
    else if (e->atom == XA_WM_CLASS)
        xprops_class(xwin.xc, w->id, w->cls);
    else if (e->atom == XA_WM_TRANSIENT_FOR)
        w->transient_for = xprops_transient_for(xwin.xc, w->id);
    else if (e->atom == XA_WM_HINTS) {
        w->urgent_hint = xprops_urgent(xwin.xc, w->id);
        update_urgent(w);
    } else if (e->atom == xwin.atoms.net_wm_state && e->atom) {
        w->urgent_state = xprops_demands_attention(xwin.xc, &xwin.atoms, w->id);
        update_urgent(w);
    } else if (e->atom == xwin.atoms.net_wm_icon && e->atom) {
        w->icon_dirty = 1; /* read once per event batch, however often it changes */
        return;
    } else {
        return;
    }
    w->dirty = 1;
}

static void on_configure(const xcb_configure_notify_event_t *e)
{
    if (e->event != xwin.root)
        return;
    struct xwin *w = xwin_find(e->window);
    if (!w)
        return;
    w->x = e->x;
    w->y = e->y;
    w->w = e->width;
    w->h = e->height;
    w->flags = (w->flags & ~(unsigned)XWIN_OVERRIDE_REDIRECT)
             | (e->override_redirect ? XWIN_OVERRIDE_REDIRECT : 0);
    w->dirty = 1;
    int i = (int)(w - xwin.win);
    xcb_window_t below = i > 0 ? xwin.win[i - 1].id : 0;
    if (below != e->above_sibling)
        restack(i, e->above_sibling);
}

static void handle_event(struct conn *c, xcb_generic_event_t *ev)
{
    switch (ev->response_type & 0x7f) {
    case XCB_CREATE_NOTIFY: {
        const xcb_create_notify_event_t *e = (const void *)ev;
        if (e->parent == xwin.root)
            add_window(e->window);
        break;
    }
    case XCB_DESTROY_NOTIFY:
        remove_window(c, ((const xcb_destroy_notify_event_t *)ev)->window);
        break;
    case XCB_MAP_NOTIFY:
        set_mapped(((const xcb_map_notify_event_t *)ev)->window, 1);
        break;
    case XCB_UNMAP_NOTIFY:
        set_mapped(((const xcb_unmap_notify_event_t *)ev)->window, 0);
        break;
    case XCB_CONFIGURE_NOTIFY:
        on_configure((const void *)ev);
        break;
    case XCB_REPARENT_NOTIFY: {
        const xcb_reparent_notify_event_t *e = (const void *)ev;
        if (e->parent == xwin.root)
            add_window(e->window);
        else
            remove_window(c, e->window);
        break;
    }
    case XCB_CIRCULATE_NOTIFY: {
        const xcb_circulate_notify_event_t *e = (const void *)ev;
        int i = index_of(e->window);
        if (i >= 0)
            restack(i, e->place == XCB_PLACE_ON_TOP && xwin.n > 0
                           ? xwin.win[xwin.n - 1].id : 0);
        break;
    }
    case XCB_PROPERTY_NOTIFY:
        on_property((const void *)ev);
        break;
    case XCB_CLIENT_MESSAGE: {
        /* An EWMH client asks the window manager to change _NET_WM_STATE;
         * the guest has none, so the agent applies demands-attention itself. */
        const xcb_client_message_event_t *e = (const void *)ev;
        if (e->type == xwin.atoms.net_wm_state && e->type && e->format == 32 && xwin_find(e->window)
            && (e->data.data32[1] == xwin.atoms.net_wm_state_demands_attention
                || e->data.data32[2] == xwin.atoms.net_wm_state_demands_attention)
            && e->data.data32[0] <= 2)
            xprops_set_demands_attention(xwin.xc, &xwin.atoms, e->window, (int)e->data.data32[0]);
        else
            clip_handle_event(ev);
        break;
    }
    default: /* selections; errors of requests on windows that are gone: ignore */
        clip_handle_event(ev);
        break;
    }
}

int xwin_process(struct conn *c)
{
    if (!xwin.xc)
        return 0;
    xcb_generic_event_t *ev;
    while ((ev = xcb_poll_for_event(xwin.xc)) != NULL) {
        handle_event(c, ev);
        free(ev);
    }
    for (int i = 0; i < xwin.n; i++)
        if (xwin.win[i].dirty) {
            xwin.win[i].dirty = 0;
            send_update(c, &xwin.win[i]);
        }
    if (xwin.stack_dirty) {
        xwin.stack_dirty = 0;
        send_stack(c);
    }
    for (int i = 0; i < xwin.n; i++)
        if (xwin.win[i].icon_dirty) {
            xwin.win[i].icon_dirty = 0;
            send_icon(c, &xwin.win[i], 0);
        }
    xcb_flush(xwin.xc);
    return xcb_connection_has_error(xwin.xc) ? -1 : 0;
}
