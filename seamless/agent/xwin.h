/* Top-level windows of the X display :0, tracked from X events and streamed
 * to the host (WindowUpdate, WindowRemoved, WindowStack). Event-driven: the
 * main loop polls xwin_fd() and calls xwin_process(). */
#ifndef TESSERA_AGENT_XWIN_H
#define TESSERA_AGENT_XWIN_H

#include "conn.h"
#include "xprops.h"

#include <xcb/xcb.h>

#define XWIN_MAX 1024 /* windows tracked; more are ignored (the host keeps 256) */

enum xwin_flags {
    XWIN_MAPPED = 1,
    XWIN_OVERRIDE_REDIRECT = 2,
    XWIN_URGENT = 4,
};

struct xwin {
    xcb_window_t id;
    unsigned flags;
    int x, y, w, h;
    xcb_window_t transient_for;
    char title[XPROPS_TITLE_MAX + 1];
    char cls[XPROPS_CLASS_MAX + 1];
    int urgent_hint, urgent_state; /* WM_HINTS urgency, _NET_WM_STATE_DEMANDS_ATTENTION */
    int has_icon;                  /* the host was last sent an icon, not "none" */
    int dirty, icon_dirty;
};

struct xwin_state {
    xcb_connection_t *xc;
    xcb_window_t root;
    struct xatoms atoms;
    struct xwin win[XWIN_MAX]; /* in stacking order, bottom to top */
    int n;
    int stack_dirty;
    int send_icons; /* the host speaks protocol 1.2 (WindowIcon) */
};

extern struct xwin_state xwin;

/* Connects to :0 and reads the current windows. 0 on success. */
int xwin_open(void);
/* Drops the X connection (the host is told every window went away). */
void xwin_close(struct conn *c);
/* The X connection's fd, or -1 while not connected. */
int xwin_fd(void);
/* Handles every queued X event and sends what changed. Returns -1 when the
 * X connection broke (the caller then calls xwin_close). */
int xwin_process(struct conn *c);
/* Sends every window and the stacking order (after Hello/SessionState). */
void xwin_send_all(struct conn *c);
/* Sends the icon of every window that has one (when the host turned out
 * to speak protocol 1.2 after the windows were sent). */
void xwin_send_icons(struct conn *c);
/* The tracked window with this id, or NULL. */
struct xwin *xwin_find(xcb_window_t id);

#endif
