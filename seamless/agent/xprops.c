/* Window properties, read with one round trip each (only on PropertyNotify
 * for that property, or once when a window is first seen). */
#define _GNU_SOURCE
#include "xprops.h"

#include <stdlib.h>
#include <string.h>

#define XA_STRING_ATOM 31u
#define XA_WINDOW_ATOM 33u
#define XA_WM_NAME 39u
#define XA_WM_CLASS 67u
#define XA_WM_HINTS 35u
#define XA_WM_TRANSIENT_FOR 68u
#define WM_HINTS_URGENCY (1u << 8)

static xcb_atom_t intern(xcb_connection_t *xc, const char *name)
{
    xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(
        xc, xcb_intern_atom(xc, 0, (uint16_t)strlen(name), name), NULL);
    xcb_atom_t a = r ? r->atom : XCB_ATOM_NONE;
    free(r);
    return a;
}

int xprops_init(xcb_connection_t *xc, struct xatoms *a)
{
    a->net_wm_name = intern(xc, "_NET_WM_NAME");
    a->utf8_string = intern(xc, "UTF8_STRING");
    a->wm_protocols = intern(xc, "WM_PROTOCOLS");
    a->wm_delete_window = intern(xc, "WM_DELETE_WINDOW");
    return a->net_wm_name && a->utf8_string && a->wm_protocols
                   && a->wm_delete_window ? 0 : -1;
}

/* A property's value, at most max_bytes; NULL if unset or of another type
 * (type XCB_ATOM_ANY accepts any). Caller frees. */
static xcb_get_property_reply_t *get(xcb_connection_t *xc, xcb_window_t w,
                                     xcb_atom_t prop, xcb_atom_t type,
                                     uint32_t max_bytes)
{
    xcb_get_property_reply_t *r = xcb_get_property_reply(
        xc, xcb_get_property(xc, 0, w, prop, type, 0, (max_bytes + 3) / 4), NULL);
    if (r && (r->type == XCB_ATOM_NONE || (type != XCB_ATOM_ANY && r->type != type))) {
        free(r);
        return NULL;
    }
    return r;
}

void xprops_utf8_truncate(const char *src, size_t len, char *dst, size_t max)
{
    if (len > max) {
        len = max;
        /* back off over continuation bytes to the start of a character */
        while (len > 0 && ((unsigned char)src[len] & 0xC0) == 0x80)
            len--;
    }
    memcpy(dst, src, len);
    dst[len] = '\0';
}

void xprops_title(xcb_connection_t *xc, const struct xatoms *a,
                  xcb_window_t w, char *dst)
{
    dst[0] = '\0';
    xcb_get_property_reply_t *r = get(xc, w, a->net_wm_name, a->utf8_string,
                                      XPROPS_TITLE_MAX + 4);
    if (r) {
        xprops_utf8_truncate(xcb_get_property_value(r),
                             (size_t)xcb_get_property_value_length(r), dst,
                             XPROPS_TITLE_MAX);
        free(r);
        return;
    }
    r = get(xc, w, XA_WM_NAME, XCB_ATOM_ANY, XPROPS_TITLE_MAX);
    if (!r)
        return;
    const unsigned char *s = xcb_get_property_value(r);
    size_t n = (size_t)xcb_get_property_value_length(r), o = 0;
    if (r->type == XA_STRING_ATOM) { /* Latin-1 to UTF-8 */
        for (size_t i = 0; i < n && o + 2 <= XPROPS_TITLE_MAX; i++) {
            if (s[i] < 0x80) {
                dst[o++] = (char)s[i];
            } else {
                dst[o++] = (char)(0xC0 | (s[i] >> 6));
                dst[o++] = (char)(0x80 | (s[i] & 0x3F));
            }
        }
        dst[o] = '\0';
    } else { /* COMPOUND_TEXT and others: as is; the host checks UTF-8 */
        xprops_utf8_truncate((const char *)s, n, dst, XPROPS_TITLE_MAX);
    }
    free(r);
}

void xprops_class(xcb_connection_t *xc, xcb_window_t w, char *dst)
{
    dst[0] = '\0';
    xcb_get_property_reply_t *r = get(xc, w, XA_WM_CLASS, XA_STRING_ATOM, 2 * XPROPS_CLASS_MAX + 2);
    if (!r)
        return;
    const char *s = xcb_get_property_value(r);
    size_t n = (size_t)xcb_get_property_value_length(r);
    const char *nul = memchr(s, 0, n);
    if (nul) {
        const char *cls = nul + 1;
        size_t cn = n - (size_t)(cls - s);
        const char *end = memchr(cls, 0, cn);
        if (end)
            cn = (size_t)(end - cls);
        xprops_utf8_truncate(cls, cn, dst, XPROPS_CLASS_MAX);
    }
    free(r);
}

xcb_window_t xprops_transient_for(xcb_connection_t *xc, xcb_window_t w)
{
    xcb_window_t t = 0;
    xcb_get_property_reply_t *r = get(xc, w, XA_WM_TRANSIENT_FOR, XA_WINDOW_ATOM, 4);
    if (r && xcb_get_property_value_length(r) >= 4)
        memcpy(&t, xcb_get_property_value(r), 4);
    free(r);
    return t;
}

int xprops_urgent(xcb_connection_t *xc, xcb_window_t w)
{
    uint32_t flags = 0;
    xcb_get_property_reply_t *r = get(xc, w, XA_WM_HINTS, XA_WM_HINTS, 4);
    if (r && xcb_get_property_value_length(r) >= 4)
        memcpy(&flags, xcb_get_property_value(r), 4);
    free(r);
    return (flags & WM_HINTS_URGENCY) != 0;
}

int xprops_supports_delete(xcb_connection_t *xc, const struct xatoms *a,
                           xcb_window_t w)
{
    int yes = 0;
    xcb_get_property_reply_t *r = get(xc, w, a->wm_protocols, 4 /* ATOM */, 64 * 4);
    if (r) {
        const xcb_atom_t *v = xcb_get_property_value(r);
        int n = xcb_get_property_value_length(r) / 4;
        for (int i = 0; i < n && !yes; i++)
            yes = v[i] == a->wm_delete_window;
        free(r);
    }
    return yes;
}
