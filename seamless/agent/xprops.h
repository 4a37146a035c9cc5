/* Reading the ICCCM/EWMH properties of a guest window the host cares about:
 * title, class, transient-for, urgency, WM_DELETE_WINDOW support. */
#ifndef TESSERA_AGENT_XPROPS_H
#define TESSERA_AGENT_XPROPS_H

#include <stddef.h>
#include <xcb/xcb.h>

#define XPROPS_TITLE_MAX 512 /* bytes of UTF-8; the host clamps further */
#define XPROPS_CLASS_MAX 256

struct xatoms {
    xcb_atom_t net_wm_name, utf8_string, wm_protocols, wm_delete_window;
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
/* 1 if WM_PROTOCOLS lists WM_DELETE_WINDOW. */
int xprops_supports_delete(xcb_connection_t *xc, const struct xatoms *a,
                           xcb_window_t w);

/* Copies at most max bytes of UTF-8 src (len bytes) into dst, cutting at a
 * character boundary; NUL-terminates. Exposed for tests. */
void xprops_utf8_truncate(const char *src, size_t len, char *dst, size_t max);

#endif
