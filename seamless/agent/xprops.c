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
#define XA_ATOM_ATOM 4u
#define XA_CARDINAL_ATOM 6u
#define NET_WM_STATE_MAX 32 /* atoms of _NET_WM_STATE looked at */

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
    a->net_wm_icon = intern(xc, "_NET_WM_ICON");
    a->net_wm_state = intern(xc, "_NET_WM_STATE");
    a->net_wm_state_demands_attention = intern(xc, "_NET_WM_STATE_DEMANDS_ATTENTION");
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

int xprops_demands_attention(xcb_connection_t *xc, const struct xatoms *a,
                             xcb_window_t w)
{
    int yes = 0;
    if (!a->net_wm_state || !a->net_wm_state_demands_attention)
        return 0;
    xcb_get_property_reply_t *r = get(xc, w, a->net_wm_state, XA_ATOM_ATOM, NET_WM_STATE_MAX * 4);
    if (r) {
        const xcb_atom_t *v = xcb_get_property_value(r);
        int n = xcb_get_property_value_length(r) / 4;
        for (int i = 0; i < n && !yes; i++)
            yes = v[i] == a->net_wm_state_demands_attention;
        free(r);
    }
    return yes;
}

void xprops_set_demands_attention(xcb_connection_t *xc, const struct xatoms *a,
                                  xcb_window_t w, int action)
{
    if (!a->net_wm_state || !a->net_wm_state_demands_attention)
        return;
    xcb_atom_t keep[NET_WM_STATE_MAX];
    int n = 0, had = 0;
    xcb_get_property_reply_t *r = get(xc, w, a->net_wm_state, XA_ATOM_ATOM, NET_WM_STATE_MAX * 4);
    if (r) {
        const xcb_atom_t *v = xcb_get_property_value(r);
        int m = xcb_get_property_value_length(r) / 4;
        for (int i = 0; i < m && i < NET_WM_STATE_MAX; i++) {
            if (v[i] == a->net_wm_state_demands_attention)
                had = 1;
            else if (n < NET_WM_STATE_MAX - 1)
                keep[n++] = v[i];
        }
        free(r);
    }
    const int want = action == 2 ? !had : action == 1;
    if (want == had)
        return;
    if (want)
        keep[n++] = a->net_wm_state_demands_attention;
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, a->net_wm_state, XA_ATOM_ATOM, 32,
                        (uint32_t)n, keep);
}

int xprops_icon_choose(const uint32_t *w, const uint32_t *h, int n)
{
    int best = -1;
    long best_score = 0;
    for (int i = 0; i < n; i++) {
        if (w[i] < 1 || h[i] < 1 || w[i] > XPROPS_ICON_SIDE || h[i] > XPROPS_ICON_SIDE)
            continue;
        const long side = (long)(w[i] > h[i] ? w[i] : h[i]);
        const long score = side > XPROPS_ICON_WANT ? side - XPROPS_ICON_WANT : XPROPS_ICON_WANT - side;
        const long best_side = best < 0 ? 0 : (long)(w[best] > h[best] ? w[best] : h[best]);
        if (best < 0 || score < best_score || (score == best_score && side > best_side)) {
            best = i;
            best_score = score;
        }
    }
    return best;
}

/* Halves an image (2x2 boxes, each channel averaged) in place. */
static void halve(uint32_t *px, int *w, int *h)
{
    const int nw = *w > 1 ? *w / 2 : 1, nh = *h > 1 ? *h / 2 : 1;
    for (int y = 0; y < nh; y++)
        for (int x = 0; x < nw; x++) {
            uint32_t sum[4] = { 0, 0, 0, 0 }, cnt = 0;
            for (int dy = 0; dy < 2; dy++)
                for (int dx = 0; dx < 2; dx++) {
                    const int sx = x * 2 + dx, sy = y * 2 + dy;
                    if (sx >= *w || sy >= *h)
                        continue;
                    const uint32_t p = px[sy * *w + sx];
                    for (int c = 0; c < 4; c++)
                        sum[c] += (p >> (c * 8)) & 0xFF;
                    cnt++;
                }
            uint32_t out = 0;
            for (int c = 0; c < 4; c++)
                out |= (sum[c] / cnt) << (c * 8);
            px[y * nw + x] = out; /* never ahead of what is still to be read */
        }
    *w = nw;
    *h = nh;
}

int xprops_icon(xcb_connection_t *xc, const struct xatoms *a, xcb_window_t w,
                uint32_t *argb, int *width, int *height)
{
    *width = *height = 0;
    if (!a->net_wm_icon)
        return 0;
    /* The images' sizes first, two words each, never their pixels. */
    uint32_t ws[XPROPS_ICON_MAX_IMAGES], hs[XPROPS_ICON_MAX_IMAGES], at[XPROPS_ICON_MAX_IMAGES];
    int n = 0;
    uint32_t off = 0; /* in 32-bit words */
    while (n < XPROPS_ICON_MAX_IMAGES) {
        xcb_get_property_reply_t *r = xcb_get_property_reply(
            xc, xcb_get_property(xc, 0, w, a->net_wm_icon, XA_CARDINAL_ATOM, off, 2), NULL);
        if (!r || r->type != XA_CARDINAL_ATOM || r->format != 32 || xcb_get_property_value_length(r) < 8) {
            free(r);
            break;
        }
        const uint32_t *v = xcb_get_property_value(r);
        const uint64_t pixels = (uint64_t)v[0] * v[1];
        const uint64_t left = r->bytes_after / 4; /* words after the two sizes */
        ws[n] = v[0];
        hs[n] = v[1];
        free(r);
        if (pixels > left) /* claims more than the property holds */
            break;
        at[n++] = off + 2;
        if (pixels == left)
            break;
        off += 2 + (uint32_t)pixels;
    }
    const int i = xprops_icon_choose(ws, hs, n);
    if (i < 0)
        return 0;
    static uint32_t px[XPROPS_ICON_SIDE * XPROPS_ICON_SIDE];
    const uint32_t count = ws[i] * hs[i];
    xcb_get_property_reply_t *r = xcb_get_property_reply(
        xc, xcb_get_property(xc, 0, w, a->net_wm_icon, XA_CARDINAL_ATOM, at[i], count), NULL);
    if (!r || r->format != 32 || (uint32_t)xcb_get_property_value_length(r) != count * 4) {
        free(r); /* changed in between: the next PropertyNotify brings it */
        return 0;
    }
    memcpy(px, xcb_get_property_value(r), (size_t)count * 4);
    free(r);
    int iw = (int)ws[i], ih = (int)hs[i];
    while (iw * ih > XPROPS_ICON_MAX_PIXELS)
        halve(px, &iw, &ih);
    memcpy(argb, px, (size_t)iw * (size_t)ih * 4);
    *width = iw;
    *height = ih;
    return 1;
}
