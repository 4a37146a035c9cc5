/* Test hooks (see hooks.h). Small X clients; errors go to stderr with a
 * non-zero exit status. */
#define _GNU_SOURCE
#include "hooks.h"

#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xcb/xcb.h>

#define WINDOW_SECONDS 300
#define XA_CARDINAL_ATOM 6u
#define XA_WM_HINTS_ATOM 35u
#define WM_HINTS_URGENCY (1u << 8)
#define ICON_WORDS (2 + 16 * 16 + 2 + 48 * 48 + 2 + 128 * 128)

static xcb_connection_t *connect_x(xcb_window_t *root)
{
    int screen = 0;
    xcb_connection_t *xc = xcb_connect(NULL, &screen);
    if (xcb_connection_has_error(xc)) {
        fprintf(stderr, "tessera-agent: cannot open the X display\n");
        return NULL;
    }
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(xc));
    for (int i = 0; i < screen && it.rem; i++)
        xcb_screen_next(&it);
    *root = it.data->root;
    return xc;
}

static xcb_atom_t atom(xcb_connection_t *xc, const char *name)
{
    xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(
        xc, xcb_intern_atom(xc, 0, (uint16_t)strlen(name), name), NULL);
    xcb_atom_t a = r ? r->atom : XCB_ATOM_NONE;
    free(r);
    return a;
}

static int parse_long(const char *s, long lo, long hi, long *v)
{
    char *end = NULL;
    *v = strtol(s, &end, 10);
    return end && end != s && !*end && *v >= lo && *v <= hi ? 0 : -1;
}

static void detach(void)
{
    setsid();
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        if (null > 2)
            close(null);
    }
}

static uint32_t *put_image(uint32_t *p, int side, uint32_t left, uint32_t right)
{
    *p++ = (uint32_t)side;
    *p++ = (uint32_t)side;
    for (int y = 0; y < side; y++)
        for (int x = 0; x < side; x++)
            *p++ = x < side / 2 ? left : right;
    return p;
}

int hook_window(char **argv)
{
    long v[4];
    for (int i = 0; i < 4; i++)
        if (parse_long(argv[i], i < 2 ? -32768 : 1, 32767, &v[i]) < 0) {
            fprintf(stderr, "tessera-agent: --window X Y WIDTH HEIGHT TITLE\n");
            return 2;
        }
    xcb_window_t root;
    xcb_connection_t *xc = connect_x(&root);
    if (!xc)
        return 5;
    const xcb_atom_t protocols = atom(xc, "WM_PROTOCOLS"), del = atom(xc, "WM_DELETE_WINDOW"),
                     icon = atom(xc, "_NET_WM_ICON");
    xcb_window_t w = xcb_generate_id(xc);
    uint32_t values[2] = { 0x8e44ad, XCB_EVENT_MASK_STRUCTURE_NOTIFY };
    xcb_create_window(xc, XCB_COPY_FROM_PARENT, w, root, (int16_t)v[0], (int16_t)v[1], (uint16_t)v[2],
                      (uint16_t)v[3], 0, XCB_WINDOW_CLASS_INPUT_OUTPUT, XCB_COPY_FROM_PARENT,
                      XCB_CW_BACK_PIXEL | XCB_CW_EVENT_MASK, values);
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8,
                        (uint32_t)strlen(argv[4]), argv[4]);
    static const char cls[] = "tessera-test\0TesseraTest";
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, XCB_ATOM_WM_CLASS, XCB_ATOM_STRING, 8, sizeof cls, cls);
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, protocols, XCB_ATOM_ATOM, 32, 1, &del);
    static uint32_t words[ICON_WORDS];
    uint32_t *p = put_image(words, 16, 0xffff0000u, 0xffff0000u);
    p = put_image(p, 48, 0xffe67e22u, 0xff1e90ffu);
    put_image(p, 128, 0xff808080u, 0xff808080u);
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, icon, XA_CARDINAL_ATOM, 32, ICON_WORDS, words);
    xcb_map_window(xc, w);
    free(xcb_get_input_focus_reply(xc, xcb_get_input_focus(xc), NULL)); /* mapped once back */
    printf("%u\n", (unsigned)w);
    fflush(stdout);
    pid_t pid = fork();
    if (pid != 0)
        _exit(pid < 0 ? 5 : 0);
    detach();
    const time_t end = time(NULL) + WINDOW_SECONDS;
    while (time(NULL) < end && !xcb_connection_has_error(xc)) {
        struct pollfd pf = { .fd = xcb_get_file_descriptor(xc), .events = POLLIN };
        poll(&pf, 1, 1000);
        xcb_generic_event_t *ev;
        while ((ev = xcb_poll_for_event(xc)) != NULL) {
            const int type = ev->response_type & 0x7f;
            const int quit = (type == XCB_CLIENT_MESSAGE
                              && ((xcb_client_message_event_t *)ev)->data.data32[0] == del)
                             || (type == XCB_DESTROY_NOTIFY);
            free(ev);
            if (quit)
                return 0;
        }
    }
    return 0;
}

static int parse_target(char **argv, const char *usage, xcb_window_t *w, int *on)
{
    long id, flag;
    if (parse_long(argv[0], 1, 0xffffffffL, &id) < 0 || parse_long(argv[1], 0, 1, &flag) < 0) {
        fprintf(stderr, "tessera-agent: %s\n", usage);
        return -1;
    }
    *w = (xcb_window_t)id;
    *on = (int)flag;
    return 0;
}

int hook_urgent(char **argv)
{
    xcb_window_t w, root;
    int on;
    if (parse_target(argv, "--urgent WINDOW 0|1", &w, &on) < 0)
        return 2;
    xcb_connection_t *xc = connect_x(&root);
    if (!xc)
        return 5;
    uint32_t hints[9] = { 0 };
    xcb_get_property_reply_t *r = xcb_get_property_reply(
        xc, xcb_get_property(xc, 0, w, XA_WM_HINTS_ATOM, XA_WM_HINTS_ATOM, 0, 9), NULL);
    if (r && r->format == 32) {
        int n = xcb_get_property_value_length(r);
        memcpy(hints, xcb_get_property_value(r), (size_t)(n < 36 ? n : 36));
    }
    free(r);
    hints[0] = on ? hints[0] | WM_HINTS_URGENCY : hints[0] & ~WM_HINTS_URGENCY;
    xcb_void_cookie_t c = xcb_change_property_checked(xc, XCB_PROP_MODE_REPLACE, w, XA_WM_HINTS_ATOM,
                                                      XA_WM_HINTS_ATOM, 32, 9, hints);
    xcb_generic_error_t *e = xcb_request_check(xc, c);
    if (e) {
        fprintf(stderr, "tessera-agent: no window %u\n", (unsigned)w);
        free(e);
        return 3;
    }
    xcb_disconnect(xc);
    return 0;
}

int hook_attention(char **argv)
{
    xcb_window_t w, root;
    int on;
    if (parse_target(argv, "--attention WINDOW 0|1", &w, &on) < 0)
        return 2;
    xcb_connection_t *xc = connect_x(&root);
    if (!xc)
        return 5;
    xcb_client_message_event_t ev;
    memset(&ev, 0, sizeof ev);
    ev.response_type = XCB_CLIENT_MESSAGE;
    ev.format = 32;
    ev.window = w;
    ev.type = atom(xc, "_NET_WM_STATE");
    ev.data.data32[0] = (uint32_t)on; /* 0 remove, 1 add */
    ev.data.data32[1] = atom(xc, "_NET_WM_STATE_DEMANDS_ATTENTION");
    ev.data.data32[3] = 1; /* source: an application */
    xcb_send_event(xc, 0, root, XCB_EVENT_MASK_SUBSTRUCTURE_REDIRECT | XCB_EVENT_MASK_SUBSTRUCTURE_NOTIFY,
                   (const char *)&ev);
    free(xcb_get_input_focus_reply(xc, xcb_get_input_focus(xc), NULL));
    xcb_disconnect(xc);
    return 0;
}
