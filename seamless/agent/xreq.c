/* Window requests. Without a window manager the agent itself is the one
 * that stacks, focuses, moves and unmaps windows. */
#define _GNU_SOURCE
#include "xreq.h"
#include "xwin.h"

#include <stdio.h>
#include <string.h>

#define GEOMETRY_MAX 16384
#define COORD_MAX 32767

static void focus(xcb_window_t id)
{
    xcb_map_window(xwin.xc, id); /* restores a minimised window */
    uint32_t above = XCB_STACK_MODE_ABOVE;
    xcb_configure_window(xwin.xc, id, XCB_CONFIG_WINDOW_STACK_MODE, &above);
    xcb_set_input_focus(xwin.xc, XCB_INPUT_FOCUS_POINTER_ROOT, id, XCB_CURRENT_TIME);
    /* as a window manager does: a focused window no longer demands attention
     * (WM_HINTS urgency is the client's to clear) */
    xprops_set_demands_attention(xwin.xc, &xwin.atoms, id, 0);
}

static int clamp(long v, long lo, long hi)
{
    return (int)(v < lo ? lo : v > hi ? hi : v);
}

static void move_resize(xcb_window_t id, const long v[4])
{
    uint32_t vals[4] = {
        (uint32_t)clamp(v[0], -COORD_MAX, COORD_MAX),
        (uint32_t)clamp(v[1], -COORD_MAX, COORD_MAX),
        (uint32_t)clamp(v[2], 1, GEOMETRY_MAX),
        (uint32_t)clamp(v[3], 1, GEOMETRY_MAX),
    };
    xcb_configure_window(xwin.xc, id,
                         XCB_CONFIG_WINDOW_X | XCB_CONFIG_WINDOW_Y
                             | XCB_CONFIG_WINDOW_WIDTH | XCB_CONFIG_WINDOW_HEIGHT,
                         vals);
}

static void close_window(xcb_window_t id, int force)
{
    if (xprops_supports_delete(xwin.xc, &xwin.atoms, id)) {
        xcb_client_message_event_t ev;
        memset(&ev, 0, sizeof ev);
        ev.response_type = XCB_CLIENT_MESSAGE;
        ev.format = 32;
        ev.window = id;
        ev.type = xwin.atoms.wm_protocols;
        ev.data.data32[0] = xwin.atoms.wm_delete_window;
        ev.data.data32[1] = XCB_CURRENT_TIME;
        xcb_send_event(xwin.xc, 0, id, XCB_EVENT_MASK_NO_EVENT, (const char *)&ev);
    } else if (force) {
        xcb_kill_client(xwin.xc, id);
    } else {
        fprintf(stderr, "tessera-agent: window %u does not support WM_DELETE_WINDOW; "
                        "not closing it without force\n", (unsigned)id);
    }
}

void xreq_handle(const struct frame_msg *m)
{
    long v[5] = { 0 };
    uint32_t want = m->type == MSG_WINDOW_MOVE_RESIZE ? 5 : m->type == MSG_WINDOW_CLOSE ? 2 : 1;
    if (m->nfields < want) {
        fprintf(stderr, "tessera-agent: window request %u: too few fields\n", m->type);
        return;
    }
    for (uint32_t i = 0; i < want; i++)
        if (frame_field_long(&m->field[i], &v[i]) < 0) {
            fprintf(stderr, "tessera-agent: window request %u: bad number\n", m->type);
            return;
        }
    xcb_window_t id = (xcb_window_t)v[0];
    if (!xwin.xc || v[0] <= 0 || v[0] > 0xffffffffL || !xwin_find(id))
        return;
    switch (m->type) {
    case MSG_WINDOW_FOCUS:
        focus(id);
        break;
    case MSG_WINDOW_MOVE_RESIZE:
        move_resize(id, v + 1);
        break;
    case MSG_WINDOW_CLOSE:
        close_window(id, v[1] != 0);
        break;
    case MSG_WINDOW_MINIMIZE:
        xcb_unmap_window(xwin.xc, id);
        break;
    default:
        return;
    }
    xcb_flush(xwin.xc);
}
