/* Reading the ICCCM/EWMH properties of a guest window the host cares about:
 * title, class, transient-for, urgency, WM_DELETE_WINDOW support. */
#ifndef TESSERA_AGENT_XPROPS_H
#define TESSERA_AGENT_XPROPS_H

#include <stddef.h>
#include <stdint.h>
#include <xcb/xcb.h>

#define XPROPS_TITLE_MAX 512 /* bytes of UTF-8; the host clamps further */
#define XPROPS_CLASS_MAX 256
/* Icons: the image nearest XPROPS_ICON_WANT px of those at most
 * XPROPS_ICON_SIDE on each side; halved until it has at most
 * XPROPS_ICON_MAX_PIXELS pixels, so it fits one message. */
#define XPROPS_ICON_WANT 48
#define XPROPS_ICON_SIDE 128
#define XPROPS_ICON_MAX_PIXELS 12288 /* 48 KiB of ARGB */
#define XPROPS_ICON_MAX_IMAGES 32    /* images of _NET_WM_ICON looked at */

struct xatoms {
    xcb_atom_t net_wm_name, utf8_string, wm_protocols, wm_delete_window;
    /* optional (XCB_ATOM_NONE when the server did not answer) */
    xcb_atom_t net_wm_icon, net_wm_state, net_wm_state_demands_attention;
};

/* Interns the atoms; 0 on success, -1 if the server did not answer. */
int xprops_init(xcb_connection_t *xc, struct xatoms *a);

/* Title (_NET_WM_NAME, else WM_NAME as Latin-1) as UTF-8, truncated at a
 * character boundary to XPROPS_TITLE_MAX bytes. dst has that size + 1. */
void xprops_title(xcb_connection_t *xc, const struct xatoms *a,
                  xcb_window_t w, char *dst);
/* The class part of WM_CLASS ("instance\0class\0"). dst: CLASS_MAX + 1. */
void xprops_class(xcb_connection_t *xc, xcb_window_t w, char *dst);
/* WM_TRANSIENT_FOR, or 0. */
xcb_window_t xprops_transient_for(xcb_connection_t *xc, xcb_window_t w);
/* 1 if WM_HINTS has the urgency flag set. */
int xprops_urgent(xcb_connection_t *xc, xcb_window_t w);
/* 1 if _NET_WM_STATE lists _NET_WM_STATE_DEMANDS_ATTENTION. */
int xprops_demands_attention(xcb_connection_t *xc, const struct xatoms *a,
                             xcb_window_t w);
/* Adds (1), removes (0) or toggles (2) _NET_WM_STATE_DEMANDS_ATTENTION in
 * the window's _NET_WM_STATE, as a window manager does for a client's
 * _NET_WM_STATE request (the guest runs none). */
void xprops_set_demands_attention(xcb_connection_t *xc, const struct xatoms *a,
                                  xcb_window_t w, int action);
/* Picks one image of _NET_WM_ICON (see XPROPS_ICON_*) into argb (room for
 * XPROPS_ICON_MAX_PIXELS, 0xAARRGGBB) and sets *width, *height; 0 when the
 * window has no usable icon (sizes 0). Reads only the images' size words
 * before the chosen pixels: the property is the guest's and may be huge. */
int xprops_icon(xcb_connection_t *xc, const struct xatoms *a, xcb_window_t w,
                uint32_t *argb, int *width, int *height);
/* Chooses among n images of sizes w[i] x h[i]: the index of the one nearest
 * XPROPS_ICON_WANT (larger on a tie) with both sides 1..XPROPS_ICON_SIDE,
 * or -1. Exposed for tests. */
int xprops_icon_choose(const uint32_t *w, const uint32_t *h, int n);

/* 1 if WM_PROTOCOLS lists WM_DELETE_WINDOW. */
int xprops_supports_delete(xcb_connection_t *xc, const struct xatoms *a,
                           xcb_window_t w);

/* Copies at most max bytes of UTF-8 src (len bytes) into dst, cutting at a
 * character boundary; NUL-terminates. Exposed for tests. */
void xprops_utf8_truncate(const char *src, size_t len, char *dst, size_t max);

#endif
