/* X selections for the host's clipboard chords; see clip.h. */
#define _GNU_SOURCE
#include "clip.h"

#include "exec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define XA_PRIMARY 1u
#define XA_ATOM 4u
#define XA_STRING 31u

static struct {
    xcb_connection_t *xc;
    xcb_window_t win;
    xcb_atom_t clipboard, utf8, targets, text, incr, property;
    /* what we serve */
    char *data;
    size_t len;
    int own_clipboard, own_primary;
    /* the read in progress */
    char pending[CLIP_ID_MAX];
    int reading;
    xcb_atom_t reading_target;
    xcb_atom_t reading_selection;
    long long deadline;
} clip;

static xcb_atom_t intern(const char *name)
{
    xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(
        clip.xc, xcb_intern_atom(clip.xc, 0, (uint16_t)strlen(name), name), NULL);
    xcb_atom_t a = r ? r->atom : XCB_ATOM_NONE;
    free(r);
    return a;
}

static clip_reply_fn reply_fn;

void clip_on_reply(clip_reply_fn reply)
{
    reply_fn = reply;
}

int clip_init(xcb_connection_t *xc, xcb_window_t root)
{
    clip_close();
    clip.xc = xc;
    clip.clipboard = intern("CLIPBOARD");
    clip.utf8 = intern("UTF8_STRING");
    clip.targets = intern("TARGETS");
    clip.text = intern("TEXT");
    clip.incr = intern("INCR");
    clip.property = intern("TESSERA_SELECTION");
    if (!clip.clipboard || !clip.utf8 || !clip.targets || !clip.text || !clip.incr || !clip.property) {
        clip.xc = NULL;
        return -1;
    }
    clip.win = xcb_generate_id(xc);
    uint32_t values[1] = { 1 };
    xcb_create_window(xc, XCB_COPY_FROM_PARENT, clip.win, root, -10, -10, 1, 1, 0,
                      XCB_WINDOW_CLASS_INPUT_ONLY, XCB_COPY_FROM_PARENT,
                      XCB_CW_OVERRIDE_REDIRECT, values);
    static const char name[] = "tessera-agent clipboard";
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, clip.win, XCB_ATOM_WM_NAME, XA_STRING, 8,
                        sizeof name - 1, name);
    return 0;
}

static void finish(const char *status, const char *data, size_t len)
{
    if (!clip.reading)
        return;
    clip.reading = 0;
    if (reply_fn)
        reply_fn(clip.pending, status, data, len);
}

static void finish_str(const char *status, const char *text)
{
    finish(status, text, strlen(text));
}

void clip_close(void)
{
    finish_str("error", "the X display went away");
    free(clip.data);
    clip.data = NULL;
    clip.len = 0;
    clip.own_clipboard = clip.own_primary = 0;
    clip.win = 0;
    clip.xc = NULL;
}

xcb_window_t clip_window(void)
{
    return clip.win;
}

int clip_owned(void)
{
    return clip.own_clipboard || clip.own_primary;
}

long long clip_deadline(void)
{
    return clip.reading ? clip.deadline : -1;
}

static xcb_window_t owner_of(xcb_atom_t selection)
{
    xcb_get_selection_owner_reply_t *r = xcb_get_selection_owner_reply(
        clip.xc, xcb_get_selection_owner(clip.xc, selection), NULL);
    xcb_window_t w = r ? r->owner : XCB_NONE;
    free(r);
    return w;
}

static void convert(xcb_atom_t selection, xcb_atom_t target)
{
    clip.reading_selection = selection;
    clip.reading_target = target;
    xcb_delete_property(clip.xc, clip.win, clip.property);
    xcb_convert_selection(clip.xc, clip.win, selection, target, clip.property, XCB_CURRENT_TIME);
    xcb_flush(clip.xc);
}

void clip_request(const char *id)
{
    if (clip.reading) {
        if (reply_fn)
            reply_fn(id, "error", "another clipboard read is running", 33);
        return;
    }
    snprintf(clip.pending, sizeof clip.pending, "%s", id);
    clip.reading = 1;
    if (!clip.xc) {
        finish_str("error", "the X display is not up");
        return;
    }
    if (clip.own_clipboard || (clip.own_primary && owner_of(clip.clipboard) == XCB_NONE)) {
        finish("ok", clip.data, clip.len); /* what the host pasted last */
        return;
    }
    /* CLIPBOARD, else PRIMARY: xterm selects into PRIMARY only. */
    xcb_atom_t selection = clip.clipboard;
    if (owner_of(selection) == XCB_NONE)
        selection = XA_PRIMARY;
    if (owner_of(selection) == XCB_NONE) {
        finish("empty", "", 0);
        return;
    }
    clip.deadline = monotonic_ms() + CLIP_TIMEOUT_MS;
    convert(selection, clip.utf8);
}

void clip_check_timeout(long long now_ms)
{
    if (clip.reading && now_ms >= clip.deadline)
        finish_str("error", "the program owning the selection did not answer");
}

/* Latin-1 to UTF-8; *out is malloc'd. */
static size_t latin1_to_utf8(const unsigned char *in, size_t len, char **out)
{
    char *o = malloc(len * 2 + 1);
    size_t n = 0;
    if (!o) {
        *out = NULL;
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (in[i] < 0x80) {
            o[n++] = (char)in[i];
        } else {
            o[n++] = (char)(0xc0 | (in[i] >> 6));
            o[n++] = (char)(0x80 | (in[i] & 0x3f));
        }
    }
    *out = o;
    return n;
}

static void on_selection_notify(const xcb_selection_notify_event_t *e)
{
    if (!clip.reading || e->requestor != clip.win)
        return;
    if (e->property == XCB_NONE) {
        /* Old owners speak STRING only. */
        if (clip.reading_target == clip.utf8) {
            convert(clip.reading_selection, XA_STRING);
            return;
        }
        finish_str("error", "the program owning the selection has no text in it");
        return;
    }
    /* One more 32-bit unit than the limit tells us when it is over. */
    xcb_get_property_reply_t *r = xcb_get_property_reply(
        clip.xc, xcb_get_property(clip.xc, 1, clip.win, clip.property, XCB_GET_PROPERTY_TYPE_ANY,
                                  0, CLIP_MAX / 4 + 1),
        NULL);
    if (!r) {
        finish_str("error", "the selection could not be read");
        return;
    }
    const size_t len = (size_t)xcb_get_property_value_length(r);
    char size[24];
    if (r->type == clip.incr) {
        /* INCR announces more than one request can carry: over the limit. */
        uint32_t total = 0;
        if (len >= 4)
            memcpy(&total, xcb_get_property_value(r), 4);
        snprintf(size, sizeof size, "%u", total);
        free(r);
        finish_str("toolarge", total ? size : "");
        return;
    }
    if (r->format != 8 || (r->type != clip.utf8 && r->type != XA_STRING && r->type != clip.text)) {
        free(r);
        finish_str("error", "the selection is not text");
        return;
    }
    if (len > CLIP_MAX || r->bytes_after > 0) {
        snprintf(size, sizeof size, "%zu", len + (size_t)r->bytes_after);
        free(r);
        finish_str("toolarge", size);
        return;
    }
    if (r->type == XA_STRING) {
        char *utf8 = NULL;
        size_t n = latin1_to_utf8(xcb_get_property_value(r), len, &utf8);
        free(r);
        if (!utf8) {
            finish_str("error", "out of memory");
        } else if (n > CLIP_MAX) {
            snprintf(size, sizeof size, "%zu", n);
            finish_str("toolarge", size);
        } else {
            finish("ok", utf8, n);
        }
        free(utf8);
        return;
    }
    finish("ok", xcb_get_property_value(r), len);
    free(r);
}

static void send_notify(const xcb_selection_request_event_t *e, xcb_atom_t property)
{
    xcb_selection_notify_event_t n;
    memset(&n, 0, sizeof n);
    n.response_type = XCB_SELECTION_NOTIFY;
    n.time = e->time;
    n.requestor = e->requestor;
    n.selection = e->selection;
    n.target = e->target;
    n.property = property;
    xcb_send_event(clip.xc, 0, e->requestor, XCB_EVENT_MASK_NO_EVENT, (const char *)&n);
}

/* UTF-8 to Latin-1 for STRING requestors: characters beyond it become '?'. */
static size_t utf8_to_latin1(const char *in, size_t len, char *out)
{
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)in[i];
        unsigned cp = '?';
        size_t step = 1;
        if (c < 0x80) {
            cp = c;
        } else if ((c & 0xe0) == 0xc0 && i + 1 < len) {
            cp = ((c & 0x1fu) << 6) | ((unsigned char)in[i + 1] & 0x3fu);
            step = 2;
        } else if ((c & 0xf0) == 0xe0) {
            step = 3;
        } else if ((c & 0xf8) == 0xf0) {
            step = 4;
        }
        out[n++] = (char)(cp <= 0xff ? cp : '?');
        i += step;
    }
    return n;
}

static void on_selection_request(const xcb_selection_request_event_t *e)
{
    const int ours = (e->selection == clip.clipboard && clip.own_clipboard)
                  || (e->selection == XA_PRIMARY && clip.own_primary);
    /* ICCCM: an obsolete requestor names no property; use the target. */
    xcb_atom_t property = e->property != XCB_NONE ? e->property : e->target;
    if (!ours) {
        send_notify(e, XCB_NONE);
    } else if (e->target == clip.targets) {
        xcb_atom_t t[4] = { clip.targets, clip.utf8, clip.text, XA_STRING };
        xcb_change_property(clip.xc, XCB_PROP_MODE_REPLACE, e->requestor, property, XA_ATOM, 32, 4, t);
        send_notify(e, property);
    } else if (e->target == clip.utf8 || e->target == clip.text) {
        xcb_change_property(clip.xc, XCB_PROP_MODE_REPLACE, e->requestor, property, clip.utf8, 8,
                            (uint32_t)clip.len, clip.data ? clip.data : "");
        send_notify(e, property);
    } else if (e->target == XA_STRING) {
        char *latin1 = malloc(clip.len + 1);
        if (!latin1) {
            send_notify(e, XCB_NONE);
        } else {
            size_t n = utf8_to_latin1(clip.data ? clip.data : "", clip.len, latin1);
            xcb_change_property(clip.xc, XCB_PROP_MODE_REPLACE, e->requestor, property, XA_STRING, 8,
                                (uint32_t)n, latin1);
            free(latin1);
            send_notify(e, property);
        }
    } else {
        send_notify(e, XCB_NONE);
    }
    xcb_flush(clip.xc);
}

int clip_set(const char *text, size_t len, const char **why)
{
    return clip_set_max(text, len, CLIP_MAX, why);
}

int clip_set_max(const char *text, size_t len, size_t max, const char **why)
{
    if (!clip.xc) {
        *why = "the X display is not up";
        return -1;
    }
    if (len > max) {
        *why = "the text is larger than the clipboard limit";
        return -1;
    }
    char *copy = malloc(len + 1);
    if (!copy) {
        *why = "out of memory";
        return -1;
    }
    memcpy(copy, text, len);
    copy[len] = '\0';
    free(clip.data);
    clip.data = copy;
    clip.len = len;
    xcb_set_selection_owner(clip.xc, clip.win, clip.clipboard, XCB_CURRENT_TIME);
    xcb_set_selection_owner(clip.xc, clip.win, XA_PRIMARY, XCB_CURRENT_TIME);
    clip.own_clipboard = owner_of(clip.clipboard) == clip.win;
    clip.own_primary = owner_of(XA_PRIMARY) == clip.win;
    if (!clip.own_clipboard) {
        *why = "the X server did not give the agent the CLIPBOARD selection";
        return -1;
    }
    return 0;
}

int clip_handle_event(const xcb_generic_event_t *ev)
{
    if (!clip.xc)
        return 0;
    switch (ev->response_type & 0x7f) {
    case XCB_SELECTION_NOTIFY:
        on_selection_notify((const xcb_selection_notify_event_t *)ev);
        return 1;
    case XCB_SELECTION_REQUEST:
        on_selection_request((const xcb_selection_request_event_t *)ev);
        return 1;
    case XCB_SELECTION_CLEAR: {
        const xcb_selection_clear_event_t *e = (const xcb_selection_clear_event_t *)ev;
        if (e->selection == clip.clipboard)
            clip.own_clipboard = 0;
        else if (e->selection == XA_PRIMARY)
            clip.own_primary = 0;
        if (!clip_owned()) {
            free(clip.data);
            clip.data = NULL;
            clip.len = 0;
        }
        return 1;
    }
    default:
        return 0;
    }
}
