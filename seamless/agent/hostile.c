/* tessera-hostile: a deliberately misbehaving guest program, for the hostile-guest end-to-end
 * test (tests/e2e/tst_hostile_e2e.cpp). It ships on the tools disk beside tessera-agent but is
 * a separate binary, so the production agent carries no attack code. Every mode is bounded:
 * X modes hold their windows for at most HOLD_SECONDS from a detached process, the port modes
 * write a fixed amount.
 *
 *   tessera-hostile flood N             N mapped top-level windows ("flood K"), N <= 4096
 *   tessera-hostile title BYTES         one window whose _NET_WM_NAME and WM_NAME are BYTES bytes
 *                                       (<= 4 MiB) of control characters, invalid UTF-8, bidi
 *                                       overrides and text, starting with "HUGE"
 *   tessera-hostile geometry            windows configured to absurd geometry: 65535x65535 at
 *                                       -32768,-32768 ("geo huge") and 100x100 at 32767,32767
 *                                       ("geo far")
 *   tessera-hostile override X Y W H    a magenta override-redirect window ("hostile override")
 *   tessera-hostile stop                ends the other tessera-hostile processes
 *   tessera-hostile garbage KINDS [--port PATH]
 *                                       stops the real agent, takes its port and, for each
 *                                       comma-separated kind, once the host is connected:
 *                                       absurd   Hello, then a flood of valid-but-absurd messages
 *                                       oversize a header announcing a 4 GiB payload
 *                                       bytes    64 KiB of random bytes
 *                                       After a kind the host must drop (oversize, bytes) and more
 *                                       kinds to come, it waits for the host to go and come back
 *                                       (bounded); after the last it exits a second later.
 * Exit status: 0 done, 2 usage, 5 X or port trouble. */
#define _GNU_SOURCE
#include "frame.h"
#include "port.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xcb/xcb.h>

#define HOLD_SECONDS 180
#define MAX_FLOOD 4096
#define MAX_TITLE (4u << 20)
#define HOST_WAIT_MS 60000

static long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void sleep_ms(long ms)
{
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    while (nanosleep(&ts, &ts) < 0 && errno == EINTR) {
    }
}

static int parse_long(const char *s, long min, long max, long *v)
{
    char *end = NULL;
    errno = 0;
    *v = strtol(s, &end, 10);
    return (errno || !end || end == s || *end || *v < min || *v > max) ? -1 : 0;
}

/* ---- X modes ---------------------------------------------------------------------------- */

static xcb_connection_t *xc;
static xcb_screen_t *screen;

static int x_open(void)
{
    int n = 0;
    xc = xcb_connect(NULL, &n);
    if (xcb_connection_has_error(xc)) {
        fprintf(stderr, "tessera-hostile: cannot open the X display\n");
        return -1;
    }
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(xc));
    for (int i = 0; i < n && it.rem; i++)
        xcb_screen_next(&it);
    screen = it.data;
    return 0;
}

static xcb_window_t x_window(int x, int y, int w, int h, uint32_t colour, int override_redirect)
{
    xcb_window_t id = xcb_generate_id(xc);
    uint32_t values[2] = { colour, (uint32_t)override_redirect };
    xcb_create_window(xc, XCB_COPY_FROM_PARENT, id, screen->root, (int16_t)x, (int16_t)y, (uint16_t)w,
                      (uint16_t)h, 0, XCB_WINDOW_CLASS_INPUT_OUTPUT, screen->root_visual,
                      XCB_CW_BACK_PIXEL | XCB_CW_OVERRIDE_REDIRECT, values);
    return id;
}

static void x_name(xcb_window_t w, const char *name, size_t len)
{
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8, (uint32_t)len, name);
}

static xcb_atom_t x_atom(const char *name)
{
    xcb_intern_atom_reply_t *r = xcb_intern_atom_reply(xc, xcb_intern_atom(xc, 0, (uint16_t)strlen(name), name), NULL);
    xcb_atom_t a = r ? r->atom : XCB_ATOM_NONE;
    free(r);
    return a;
}

/* Waits for the X server to have done everything asked, then leaves a detached child holding
 * the windows (the Exec that started us returns at once). */
static int x_hold(void)
{
    free(xcb_get_input_focus_reply(xc, xcb_get_input_focus(xc), NULL));
    if (xcb_connection_has_error(xc)) {
        fprintf(stderr, "tessera-hostile: the X server closed the connection\n");
        return 5;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid != 0)
        _exit(pid < 0 ? 5 : 0);
    setsid();
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        if (null > 2)
            close(null);
    }
    long long end = now_ms() + HOLD_SECONDS * 1000LL;
    while (now_ms() < end) {
        struct pollfd p = { .fd = xcb_get_file_descriptor(xc), .events = POLLIN };
        if (poll(&p, 1, (int)(end - now_ms())) > 0) {
            xcb_generic_event_t *e;
            while ((e = xcb_poll_for_event(xc)))
                free(e);
            if (xcb_connection_has_error(xc))
                break;
        }
    }
    return 0;
}

static int flood(long n)
{
    if (x_open() < 0)
        return 5;
    char name[32];
    for (long i = 0; i < n; i++) {
        xcb_window_t w = x_window((int)(i % 40) * 20, (int)(i / 40) * 20, 12, 12, 0x808080, 0);
        int len = snprintf(name, sizeof name, "flood %ld", i);
        x_name(w, name, (size_t)len);
        xcb_map_window(xc, w);
    }
    return x_hold();
}

static int title(long bytes)
{
    if (x_open() < 0)
        return 5;
    /* Text, C0 controls and a terminal escape, invalid UTF-8, a right-to-left override. */
    static const char piece[] = "Ab\x01\x1b[31m\xff\xfe\xc3\x28\xe2\x80\xae\x7f\t\n";
    char *t = malloc((size_t)bytes);
    if (!t)
        return 5;
    memcpy(t, "HUGE", bytes < 4 ? (size_t)bytes : 4);
    for (long i = 4; i < bytes; i++)
        t[i] = piece[(i - 4) % (long)(sizeof piece - 1)];
    xcb_window_t w = x_window(40, 40, 300, 120, 0xc0c0c0, 0);
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, x_atom("_NET_WM_NAME"), x_atom("UTF8_STRING"), 8,
                        (uint32_t)bytes, t);
    x_name(w, t, (size_t)bytes);
    free(t);
    xcb_map_window(xc, w);
    return x_hold();
}

static int geometry(void)
{
    if (x_open() < 0)
        return 5;
    xcb_window_t huge = x_window(10, 10, 1, 1, 0x4040ff, 0);
    x_name(huge, "geo huge", 8);
    xcb_map_window(xc, huge);
    const uint32_t big[4] = { (uint32_t)-32768, (uint32_t)-32768, 65535, 65535 };
    xcb_configure_window(xc, huge,
                         XCB_CONFIG_WINDOW_X | XCB_CONFIG_WINDOW_Y | XCB_CONFIG_WINDOW_WIDTH | XCB_CONFIG_WINDOW_HEIGHT,
                         big);
    xcb_window_t far = x_window(20, 20, 100, 100, 0xffff40, 0);
    x_name(far, "geo far", 7);
    xcb_map_window(xc, far);
    const uint32_t corner[2] = { 32767, 32767 };
    xcb_configure_window(xc, far, XCB_CONFIG_WINDOW_X | XCB_CONFIG_WINDOW_Y, corner);
    return x_hold();
}

static int override(char **argv)
{
    long v[4];
    for (int i = 0; i < 4; i++) {
        if (parse_long(argv[i], i < 2 ? -32768 : 1, i < 2 ? 32767 : 65535, &v[i]) < 0) {
            fprintf(stderr, "tessera-hostile: override X Y WIDTH HEIGHT\n");
            return 2;
        }
    }
    if (x_open() < 0)
        return 5;
    xcb_window_t w = x_window((int)v[0], (int)v[1], (int)v[2], (int)v[3], 0xff00ff, 1);
    x_name(w, "hostile override", 16);
    xcb_map_window(xc, w);
    return x_hold();
}

/* ---- processes ---------------------------------------------------------------------------- */

/* Sends @p sig to every process whose argv[0] ends in @p name and, when @p bare, that has no
 * arguments (the agent itself, not its --popup helpers); never to this process. */
static int signal_named(const char *name, int bare, int sig)
{
    DIR *d = opendir("/proc");
    if (!d)
        return 0;
    int hit = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        long pid;
        if (parse_long(e->d_name, 1, 1L << 30, &pid) < 0 || pid == getpid())
            continue;
        char path[64], cmd[512];
        snprintf(path, sizeof path, "/proc/%ld/cmdline", pid);
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        ssize_t n = read(fd, cmd, sizeof cmd - 1);
        close(fd);
        if (n <= 0)
            continue;
        cmd[n] = 0;
        size_t argv0 = strlen(cmd);
        const char *base = strrchr(cmd, '/');
        base = base ? base + 1 : cmd;
        if (strcmp(base, name) != 0 || (bare && (ssize_t)argv0 + 1 < n))
            continue;
        if (kill((pid_t)pid, sig) == 0)
            hit++;
    }
    closedir(d);
    return hit;
}

/* ---- the agent's port --------------------------------------------------------------------- */

static int port_fd = -1;

static int write_all(const unsigned char *p, size_t n)
{
    /* Generous: the host may take seconds to make the windows of a flood. A frame cut short
     * would leave the stream misaligned and hide what comes after it. */
    long long deadline = now_ms() + 120000;
    while (n) {
        ssize_t w = write(port_fd, p, n);
        if (w > 0) {
            p += w;
            n -= (size_t)w;
            continue;
        }
        if (w < 0 && errno != EAGAIN && errno != EINTR)
            return -1;
        if (now_ms() > deadline)
            return -1;
        struct pollfd pf = { .fd = port_fd, .events = POLLOUT };
        poll(&pf, 1, 100);
    }
    return 0;
}

/* Drains what the host sent (its Hello, pings) so its writes never block. */
static void drain(void)
{
    unsigned char buf[4096];
    while (read(port_fd, buf, sizeof buf) > 0) {
    }
}

/* Waits until the host side is connected (@p want 1) or gone (0); false after HOST_WAIT_MS. */
static int wait_host(int want)
{
    long long deadline = now_ms() + HOST_WAIT_MS;
    while (now_ms() < deadline) {
        int c = port_host_connected(port_fd);
        if (c < 0)
            return 0;
        if (c == want)
            return 1;
        if (c)
            drain();
        sleep_ms(50);
    }
    return 0;
}

/* Waits until a new host connection says Hello (it does on every connection); false after
 * HOST_WAIT_MS. Seeing the host gone first is not required: on a loaded guest the host may
 * disconnect and connect again between two looks at the port's state. */
static int wait_new_host(void)
{
    static unsigned char buf[FRAME_HEADER_SIZE + FRAME_MAX_PAYLOAD];
    size_t len = 0;
    long long deadline = now_ms() + HOST_WAIT_MS;
    while (now_ms() < deadline) {
        ssize_t r = port_host_connected(port_fd) == 1 ? read(port_fd, buf + len, sizeof buf - len) : 0;
        if (r <= 0) {
            sleep_ms(20);
            continue;
        }
        len += (size_t)r;
        for (;;) {
            struct frame_msg msg;
            size_t used = 0;
            const char *why = NULL;
            enum frame_status st = frame_parse(buf, len, &msg, &used, &why);
            if (st == FRAME_NEED_MORE)
                break;
            if (st == FRAME_ERROR) { /* the old connection's tail: look one byte further */
                memmove(buf, buf + 1, --len);
                continue;
            }
            if (msg.type == MSG_HELLO)
                return 1;
            memmove(buf, buf + used, len -= used);
        }
        if (len == sizeof buf)
            len = 0;
    }
    return 0;
}

static int send_msg(uint16_t type, const struct frame_field *f, uint32_t n)
{
    struct obuf b = { 0 };
    if (frame_append(&b, type, f, n) < 0)
        return -1;
    int r = write_all(b.data, b.len);
    obuf_free(&b);
    return r;
}

/* Valid frames with absurd contents: every field parses, every value is out of bounds. */
static int absurd(void)
{
    const struct frame_field hello[3] = { frame_str("1"), frame_str("hostile/0"), frame_str("1") };
    const struct frame_field up[1] = { frame_str("up") };
    if (send_msg(MSG_HELLO, hello, 3) < 0 || send_msg(MSG_SESSION_STATE, up, 1) < 0)
        return -1;
    /* A title as large as a frame allows, of escapes and invalid UTF-8. */
    static unsigned char junk[60000];
    for (size_t i = 0; i < sizeof junk; i++)
        junk[i] = (unsigned char)("\x1b[2J\xff\xc3\xe2\x80\xae\x07"[i % 11]);
    const char *xs[] = { "-2147483648", "2147483647", "0", "-1" };
    char id[16], parent[16];
    for (int i = 1; i <= 2000; i++) {
        snprintf(id, sizeof id, "%d", 100000 + i);
        snprintf(parent, sizeof parent, "%d", 100000 + i + 1);
        struct frame_field u[9] = {
            frame_str(id), frame_str("4294967295"), frame_str(xs[i % 4]), frame_str(xs[(i + 1) % 4]),
            frame_str(xs[(i + 2) % 4]), frame_str(xs[(i + 3) % 4]), frame_str(parent),
            { junk, (uint32_t)(i % 50 == 0 ? sizeof junk : 64) }, { junk, 300 },
        };
        if (send_msg(MSG_WINDOW_UPDATE, u, 9) < 0)
            return -1;
        drain();
    }
    /* A stack of 4000 ids, mostly unknown; removals and answers nobody asked for. */
    static char stack[4000 * 11];
    size_t o = 0;
    for (int i = 0; i < 4000; i++)
        o += (size_t)snprintf(stack + o, sizeof stack - o, i ? " %d" : "%d", 100000 + (i * 7919) % 9000);
    struct frame_field s[1] = { { (const unsigned char *)stack, (uint32_t)o } };
    if (send_msg(MSG_WINDOW_STACK, s, 1) < 0)
        return -1;
    for (int i = 0; i < 200; i++) {
        snprintf(id, sizeof id, "%d", 900000 + i);
        struct frame_field r[1] = { frame_str(id) };
        struct frame_field pong[1] = { frame_str(id) };
        struct frame_field result[3] = { frame_str(id), frame_str("0"), { junk, 16384 } };
        struct frame_field clip[3] = { frame_str(id), frame_str("ok"), { junk, 1000 } };
        struct frame_field unknown[64];
        for (int k = 0; k < 64; k++)
            unknown[k] = (struct frame_field){ junk, 900 };
        if (send_msg(MSG_WINDOW_REMOVED, r, 1) < 0 || send_msg(MSG_PONG, pong, 1) < 0
            || send_msg(MSG_EXEC_RESULT, result, 3) < 0 || send_msg(MSG_CLIPBOARD_DATA, clip, 3) < 0
            || send_msg(99, unknown, 64) < 0)
            return -1;
        drain();
    }
    return 0;
}

static int oversize(void)
{
    const unsigned char header[8] = { 'T', 'A', 16, 0, 0xff, 0xff, 0xff, 0xff };
    return write_all(header, sizeof header);
}

static int bytes(void)
{
    static unsigned char b[65536];
    unsigned s = (unsigned)now_ms() | 1u;
    for (size_t i = 0; i < sizeof b; i++) {
        s = s * 1103515245u + 12345u;
        b[i] = (unsigned char)(s >> 16);
    }
    b[0] = 'X'; /* never the magic */
    return write_all(b, sizeof b);
}

static int garbage(const char *kinds, const char *path)
{
    /* Detach: the Exec that started us returns, then the real agent goes. */
    pid_t pid = fork();
    if (pid != 0)
        _exit(pid < 0 ? 5 : 0);
    setsid();
    /* Only the guest's own agent, on the real port: with --port (a test pty) nothing is killed. */
    if (strcmp(path, AGENT_PORT_PATH) == 0 && signal_named("tessera-agent", 1, SIGKILL) == 0)
        fprintf(stderr, "tessera-hostile: no agent running\n");
    /* The agent's fd closes as it dies; its restart comes a second later and finds the port busy. */
    long long deadline = now_ms() + 5000;
    while ((port_fd = port_open(path)) < 0 && now_ms() < deadline)
        sleep_ms(10);
    if (port_fd < 0) {
        fprintf(stderr, "tessera-hostile: cannot open %s: %s\n", path, strerror(errno));
        return 5;
    }
    char list[128];
    snprintf(list, sizeof list, "%s", kinds);
    for (char *save = NULL, *k = strtok_r(list, ",", &save); k; k = strtok_r(NULL, ",", &save)) {
        if (!wait_host(1))
            return 5;
        drain();
        int fatal = 1, r;
        if (strcmp(k, "absurd") == 0) {
            r = absurd();
            fatal = 0;
        } else if (strcmp(k, "oversize") == 0) {
            r = oversize();
        } else if (strcmp(k, "bytes") == 0) {
            r = bytes();
        } else {
            fprintf(stderr, "tessera-hostile: unknown kind %s\n", k);
            return 2;
        }
        fprintf(stderr, "tessera-hostile: sent %s (%s)\n", k, r < 0 ? "cut short" : "complete");
        if (save && *save && fatal && !wait_new_host()) /* the host drops us; it reconnects for the next kind */
            return 5;
    }
    sleep_ms(1000); /* then the port is the real agent's again (the session restarts it) */
    return 0;
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    signal(SIGIO, SIG_IGN); /* port_open() asks for SIGIO on host (dis)connects; its default kills */
    long n;
    if (argc == 3 && strcmp(argv[1], "flood") == 0 && parse_long(argv[2], 1, MAX_FLOOD, &n) == 0)
        return flood(n);
    if (argc == 3 && strcmp(argv[1], "title") == 0 && parse_long(argv[2], 1, MAX_TITLE, &n) == 0)
        return title(n);
    if (argc == 2 && strcmp(argv[1], "geometry") == 0)
        return geometry();
    if (argc == 6 && strcmp(argv[1], "override") == 0)
        return override(argv + 2);
    if (argc == 2 && strcmp(argv[1], "stop") == 0) {
        signal_named("tessera-hostile", 0, SIGTERM);
        return 0;
    }
    if ((argc == 3 || (argc == 5 && strcmp(argv[3], "--port") == 0)) && strcmp(argv[1], "garbage") == 0)
        return garbage(argv[2], argc == 5 ? argv[4] : AGENT_PORT_PATH);
    fprintf(stderr, "usage: %s flood N | title BYTES | geometry | override X Y W H | stop | garbage KINDS [--port PATH]\n",
            argv[0]);
    return 2;
}
