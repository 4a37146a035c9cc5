/* tessera-agent: the guest side of docs/agent-protocol.md.
 * One poll loop over the agent port, a signalfd (SIGIO from the port on host
 * connect/disconnect, SIGCHLD from Exec children, SIGTERM) and the output
 * pipe of the running Exec and the X connection (window events); timers for
 * the X probe and the reopen back-off. */
#define _GNU_SOURCE
#include "clip.h"
#include "conn.h"
#include "exec.h"
#include "frame.h"
#include "hooks.h"
#include "port.h"
#include "power.h"
#include "session.h"
#include "xreq.h"
#include "xwin.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#define AGENT_VERSION "tessera-agent 0.3.0"
#define PROTOCOL_MINOR "2" /* Hello field 3: 1 clipboard messages, 2 WindowIcon */
#define OWN_CLIPBOARD_MAX (4 * CLIP_MAX)
#define OWN_CLIPBOARD_SECONDS 120
#define X_PROBE_DOWN_MS 250
#define X_PROBE_UP_MS 2000
#define EXEC_QUEUE_MAX 4

struct exec_req {
    char id[EXEC_ID_MAX];
    char *argv[EXEC_MAX_ARGS + 1];
};

static struct conn conn;
static struct exec_job job;
static struct exec_req queue[EXEC_QUEUE_MAX];
static int queue_len;
static int x_up;
static int host_hellos; /* Hellos from the host since this agent last greeted on connect */

static void send_session_state(void)
{
    struct frame_field f = frame_str(x_up ? "up" : "down");
    conn_send(&conn, MSG_SESSION_STATE, &f, 1);
}

static void send_hello(void)
{
    struct frame_field f[3] = { frame_str("1"), frame_str(AGENT_VERSION), frame_str(PROTOCOL_MINOR) };
    conn_send(&conn, MSG_HELLO, f, 3);
    send_session_state();
    xwin_send_all(&conn);
}

/* Follows the X display: connects when it is up, reports its windows. */
static void track_x(void)
{
    if (x_up && !xwin.xc && xwin_open() == 0)
        xwin_send_all(&conn);
    else if (!x_up && xwin.xc)
        xwin_close(&conn);
}

static void send_exec_result(const char *id, int status, const char *out,
                             size_t out_len)
{
    char st[16];
    snprintf(st, sizeof st, "%d", status);
    struct frame_field f[3] = { frame_str(id), frame_str(st),
                                { (const unsigned char *)out, (uint32_t)out_len } };
    conn_send(&conn, MSG_EXEC_RESULT, f, 3);
}

static void free_req(struct exec_req *r)
{
    for (int i = 0; r->argv[i]; i++)
        free(r->argv[i]);
    memset(r, 0, sizeof *r);
}

static void start_next_exec(void)
{
    while (!job.running && queue_len > 0) {
        struct exec_req r = queue[0];
        memmove(queue, queue + 1, sizeof queue[0] * (size_t)--queue_len);
        if (exec_start(&job, r.id, r.argv) < 0) { /* completed at once */
            send_exec_result(job.id, job.status, job.out, job.out_len);
            exec_finish(&job);
        }
        free_req(&r);
    }
}

/* Exec: id, argv[0], argv[1], ... Answers every request with an ExecResult. */
static void handle_exec(const struct frame_msg *m)
{
    char id[EXEC_ID_MAX] = "";
    if (m->nfields < 1 || frame_field_cstr(&m->field[0], id, sizeof id) < 0) {
        static const char e[] = "tessera-agent: bad request id\n";
        send_exec_result("", -1, e, sizeof e - 1);
        return;
    }
    const char *err = NULL;
    if (m->nfields < 2)
        err = "tessera-agent: no command\n";
    else if (m->nfields - 1 > EXEC_MAX_ARGS)
        err = "tessera-agent: too many arguments\n";
    else if (queue_len == EXEC_QUEUE_MAX)
        err = "tessera-agent: busy, too many queued Exec requests\n";
    struct exec_req r;
    memset(&r, 0, sizeof r);
    snprintf(r.id, sizeof r.id, "%s", id);
    for (uint32_t i = 1; !err && i < m->nfields; i++) {
        const struct frame_field *f = &m->field[i];
        char *a = malloc((size_t)f->len + 1);
        if (!a || frame_field_cstr(f, a, (size_t)f->len + 1) < 0) {
            free(a);
            err = "tessera-agent: argument contains a NUL byte\n";
            break;
        }
        r.argv[i - 1] = a;
    }
    if (err) {
        free_req(&r);
        send_exec_result(id, -1, err, strlen(err));
        return;
    }
    queue[queue_len++] = r;
    start_next_exec();
}

static void send_clip_data(const char *id, const char *status, const char *data, size_t len)
{
    struct frame_field f[3] = { frame_str(id), frame_str(status),
                                { (const unsigned char *)data, (uint32_t)len } };
    conn_send(&conn, MSG_CLIPBOARD_DATA, f, 3);
}

/* ClipboardRequest: id. Answered by ClipboardData (clip.c). */
static void handle_clip_request(const struct frame_msg *m)
{
    char id[CLIP_ID_MAX];
    if (m->nfields < 1 || frame_field_cstr(&m->field[0], id, sizeof id) < 0)
        return; /* malformed requests are ignored */
    clip_request(id);
}

/* ClipboardSet: id, text. Answered by ClipboardSetResult: id, "ok"/"error", why. */
static void handle_clip_set(const struct frame_msg *m)
{
    char id[CLIP_ID_MAX];
    if (m->nfields < 2 || frame_field_cstr(&m->field[0], id, sizeof id) < 0)
        return;
    const char *why = "";
    const int ok = clip_set((const char *)m->field[1].data, m->field[1].len, &why) == 0;
    struct frame_field f[3] = { frame_str(id), frame_str(ok ? "ok" : "error"), frame_str(ok ? "" : why) };
    conn_send(&conn, MSG_CLIPBOARD_SET_RESULT, f, 3);
    if (xwin.xc)
        xcb_flush(xwin.xc);
}

/* Returns NULL, or a protocol error that drops the connection. */
static const char *handle_message(const struct frame_msg *m)
{
    char ver[8];
    switch (m->type) {
    case MSG_HELLO:
        if (m->nfields < 1 || frame_field_cstr(&m->field[0], ver, sizeof ver) < 0
            || strcmp(ver, "1") != 0)
            return "host speaks another protocol version";
        {
            /* WindowIcon (1.2) goes only to a host that announced 1.2 */
            char minor[8];
            const int icons = m->nfields >= 3 && frame_field_cstr(&m->field[2], minor, sizeof minor) == 0
                              && atoi(minor) >= 2;
            const int was = xwin.send_icons;
            xwin.send_icons = icons;
            if (icons && !was && host_hellos == 0)
                xwin_send_icons(&conn); /* the windows went out before this Hello */
        }
        /* The host greets once per opening of its side. A second Hello means a
         * new host while this agent believes the old one is still there (the VM
         * was restored from a memory image saved mid-session): greet it. */
        if (host_hellos++ > 0)
            send_hello();
        return NULL;
    case MSG_PING:
        conn_send(&conn, MSG_PONG, m->field, m->nfields >= 1 ? 1 : 0);
        return NULL;
    case MSG_EXEC:
        handle_exec(m);
        return NULL;
    case MSG_CLIPBOARD_REQUEST:
        handle_clip_request(m);
        return NULL;
    case MSG_CLIPBOARD_SET:
        handle_clip_set(m);
        return NULL;
    case MSG_WINDOW_FOCUS:
    case MSG_WINDOW_MOVE_RESIZE:
    case MSG_WINDOW_CLOSE:
    case MSG_WINDOW_MINIMIZE:
        xreq_handle(m);
        return NULL;
    case MSG_SHUTDOWN:
        fprintf(stderr, "tessera-agent: shutdown requested\n");
        conn_flush(&conn);
        power_off();
        return NULL;
    default: /* guest->host types and unknown ones are ignored */
        return NULL;
    }
}

static void read_port(long long now)
{
    int r;
    while ((r = conn_read(&conn)) == 1) {
        struct frame_msg m;
        const char *why = NULL;
        enum frame_status s;
        while ((s = conn_next_frame(&conn, &m, &why)) == FRAME_OK)
            if ((why = handle_message(&m)) != NULL)
                break;
        if (s == FRAME_ERROR || why) {
            /* never resynchronise; wait before reopening */
            conn_drop(&conn, now, CONN_BACKOFF_MIN_MS, why);
            return;
        }
    }
    if (r == 0)
        conn_drop(&conn, now, 0, "host disconnected");
    else if (r < 0)
        conn_drop(&conn, now, CONN_BACKOFF_MIN_MS, strerror(errno));
}

static int setup_signals(void)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGIO);
    sigaddset(&set, SIGCHLD);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGHUP);
    sigprocmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    return signalfd(-1, &set, SFD_NONBLOCK | SFD_CLOEXEC);
}

/* Returns 1 when the agent should exit. */
static int read_signals(int sfd, long long now)
{
    struct signalfd_siginfo si;
    while (read(sfd, &si, sizeof si) == (ssize_t)sizeof si) {
        if (si.ssi_signo == SIGIO)
            conn_poke(&conn, now);
        else if (si.ssi_signo == SIGCHLD)
            exec_reap(&job);
        else
            return 1;
    }
    return 0;
}

static long long min_ll(long long a, long long b) { return a < b ? a : b; }

/* --print-clipboard / --own-clipboard: small X clients for tests and for
 * people in the guest (no xclip in the appliances). */
static int tool_status;
static int tool_done;

static void tool_reply(const char *id, const char *status, const char *data, size_t len)
{
    (void)id;
    tool_done = 1;
    if (strcmp(status, "ok") == 0) {
        fwrite(data, 1, len, stdout);
        tool_status = 0;
    } else {
        fprintf(stderr, "tessera-agent: clipboard %s: %.*s\n", status, (int)len, data);
        tool_status = strcmp(status, "empty") == 0 ? 3 : strcmp(status, "toolarge") == 0 ? 4 : 5;
    }
}

static xcb_connection_t *tool_connect(void)
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
    if (clip_init(xc, it.data->root) < 0) {
        fprintf(stderr, "tessera-agent: X atoms could not be interned\n");
        return NULL;
    }
    return xc;
}

/* Serves X events until done() or the deadline; 0 when done. */
static int tool_loop(xcb_connection_t *xc, long long deadline, int (*done)(void))
{
    while (!done()) {
        xcb_flush(xc);
        long long left = deadline - monotonic_ms();
        if (left <= 0 || xcb_connection_has_error(xc))
            return -1;
        struct pollfd p = { .fd = xcb_get_file_descriptor(xc), .events = POLLIN };
        poll(&p, 1, (int)(left < 1000 ? left : 1000));
        clip_check_timeout(monotonic_ms());
        xcb_generic_event_t *ev;
        while ((ev = xcb_poll_for_event(xc)) != NULL) {
            clip_handle_event(ev);
            free(ev);
        }
    }
    return 0;
}

static int tool_replied(void) { return tool_done; }
static int tool_lost(void) { return !clip_owned(); }

static int print_clipboard(void)
{
    xcb_connection_t *xc = tool_connect();
    if (!xc)
        return 5;
    clip_on_reply(tool_reply);
    clip_request("1");
    if (tool_loop(xc, monotonic_ms() + CLIP_TIMEOUT_MS + 1000, tool_replied) < 0)
        return 5;
    return tool_status;
}

/* Owns CLIPBOARD and PRIMARY with FILE's bytes (up to 4 x the limit, so
 * tests can offer too much) for 120 s or until another program takes
 * both; returns once it owns them, serving from a detached child. */
static int own_clipboard(const char *file)
{
    static char data[OWN_CLIPBOARD_MAX + 1];
    int fd = open(file, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        perror("tessera-agent: open");
        return 5;
    }
    size_t len = 0;
    ssize_t r;
    while (len < sizeof data && (r = read(fd, data + len, sizeof data - len)) > 0)
        len += (size_t)r;
    close(fd);
    if (len > OWN_CLIPBOARD_MAX) {
        fprintf(stderr, "tessera-agent: %s is larger than %d bytes\n", file, OWN_CLIPBOARD_MAX);
        return 4;
    }
    xcb_connection_t *xc = tool_connect();
    if (!xc)
        return 5;
    const char *why = "";
    if (clip_set_max(data, len, OWN_CLIPBOARD_MAX, &why) < 0) {
        fprintf(stderr, "tessera-agent: %s\n", why);
        return 5;
    }
    fflush(stdout);
    pid_t pid = fork();
    if (pid < 0) {
        perror("tessera-agent: fork");
        return 5;
    }
    if (pid > 0)
        _exit(0); /* the child keeps the X connection */
    setsid();
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
        dup2(null, 0);
        dup2(null, 1);
        dup2(null, 2);
        if (null > 2)
            close(null);
    }
    tool_loop(xc, monotonic_ms() + OWN_CLIPBOARD_SECONDS * 1000LL, tool_lost);
    return 0;
}

/* --popup X Y W H: an override-redirect window (like a menu) at root
 * coordinates, green, for 60 s, from a detached process; the test hook for
 * seamless popups (there is no scriptable menu in the appliances). */
static int popup(char **argv)
{
    long v[4];
    for (int i = 0; i < 4; i++) {
        char *end = NULL;
        v[i] = strtol(argv[i], &end, 10);
        if (!end || *end || v[i] < (i < 2 ? -32768 : 1) || v[i] > 32767) {
            fprintf(stderr, "tessera-agent: --popup X Y WIDTH HEIGHT\n");
            return 2;
        }
    }
    int screen = 0;
    xcb_connection_t *xc = xcb_connect(NULL, &screen);
    if (xcb_connection_has_error(xc)) {
        fprintf(stderr, "tessera-agent: cannot open the X display\n");
        return 5;
    }
    xcb_screen_iterator_t it = xcb_setup_roots_iterator(xcb_get_setup(xc));
    for (int i = 0; i < screen && it.rem; i++)
        xcb_screen_next(&it);
    xcb_window_t w = xcb_generate_id(xc);
    uint32_t values[2] = { 0x27ae60, 1 };
    xcb_create_window(xc, XCB_COPY_FROM_PARENT, w, it.data->root, (int16_t)v[0], (int16_t)v[1],
                      (uint16_t)v[2], (uint16_t)v[3], 0, XCB_WINDOW_CLASS_INPUT_OUTPUT,
                      it.data->root_visual, XCB_CW_BACK_PIXEL | XCB_CW_OVERRIDE_REDIRECT, values);
    static const char name[] = "tessera popup";
    xcb_change_property(xc, XCB_PROP_MODE_REPLACE, w, XCB_ATOM_WM_NAME, XCB_ATOM_STRING, 8,
                        sizeof name - 1, name);
    xcb_map_window(xc, w);
    xcb_get_input_focus_reply_t *sync = xcb_get_input_focus_reply(xc, xcb_get_input_focus(xc), NULL);
    free(sync); /* mapped once this round trip is back */
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
    sleep(60);
    return 0;
}

int main(int argc, char **argv)
{
    const char *path = AGENT_PORT_PATH;
    if (argc == 3 && strcmp(argv[1], "--port") == 0)
        path = argv[2];
    else if (argc == 2 && strcmp(argv[1], "--print-clipboard") == 0)
        return print_clipboard();
    else if (argc == 3 && strcmp(argv[1], "--own-clipboard") == 0)
        return own_clipboard(argv[2]);
    else if (argc == 6 && strcmp(argv[1], "--popup") == 0)
        return popup(argv + 2);
    else if (argc == 7 && strcmp(argv[1], "--window") == 0)
        return hook_window(argv + 2);
    else if (argc == 4 && strcmp(argv[1], "--urgent") == 0)
        return hook_urgent(argv + 2);
    else if (argc == 4 && strcmp(argv[1], "--attention") == 0)
        return hook_attention(argv + 2);
    else if (argc != 1) {
        fprintf(stderr, "usage: %s [--port PATH | --print-clipboard | --own-clipboard FILE | --popup X Y W H"
                        " | --window X Y W H TITLE | --urgent WINDOW 0|1 | --attention WINDOW 0|1]\n", argv[0]);
        return 2;
    }
    clip_on_reply(send_clip_data);
    int sfd = setup_signals();
    if (sfd < 0) {
        perror("tessera-agent: signalfd");
        return 1;
    }
    conn_init(&conn, path);
    job.out_fd = -1;
    long long next_x_probe = 0;
    fprintf(stderr, "%s: serving %s\n", AGENT_VERSION, path);

    for (;;) {
        long long now = monotonic_ms();
        if (now >= next_x_probe) {
            int up = session_x_up();
            if (up != x_up) {
                x_up = up;
                fprintf(stderr, "tessera-agent: X display %s\n", up ? "up" : "down");
                send_session_state();
            }
            track_x();
            next_x_probe = now + (x_up ? X_PROBE_UP_MS : X_PROBE_DOWN_MS);
        }
        if (conn_service(&conn, now)) {
            fprintf(stderr, "tessera-agent: host connected\n");
            host_hellos = 0;
            xwin.send_icons = 0; /* until this host's Hello says 1.2 */
            send_hello();
        }
        exec_check_timeout(&job, now);
        clip_check_timeout(now);
        if (job.running && exec_done(&job)) {
            send_exec_result(job.id, job.status, job.out, job.out_len);
            exec_finish(&job);
            start_next_exec();
        }
        if (xwin_process(&conn) < 0) {
            fprintf(stderr, "tessera-agent: lost the X connection\n");
            xwin_close(&conn);
        }
        if (conn.connected && conn_flush(&conn) < 0)
            conn_drop(&conn, now, CONN_BACKOFF_MIN_MS, strerror(errno));

        struct pollfd p[4] = { { .fd = sfd, .events = POLLIN },
                               { .fd = -1 }, { .fd = -1 },
                               { .fd = xwin_fd(), .events = POLLIN } };
        if (conn.connected) {
            p[1].fd = conn.fd;
            p[1].events = POLLIN | (conn.tx.len ? POLLOUT : 0);
        }
        if (job.running && job.out_fd >= 0) {
            p[2].fd = job.out_fd;
            p[2].events = POLLIN;
        }
        long long wake = next_x_probe;
        if (!conn.connected)
            wake = min_ll(wake, conn.next_try_ms);
        if (job.running && job.pid > 0 && !job.timed_out)
            wake = min_ll(wake, job.deadline_ms);
        if (clip_deadline() >= 0)
            wake = min_ll(wake, clip_deadline());
        long long timeout = wake - monotonic_ms();
        if (timeout < 0)
            timeout = 0;
        if (poll(p, 4, (int)timeout) < 0 && errno != EINTR) {
            perror("tessera-agent: poll");
            return 1;
        }
        now = monotonic_ms();
        if ((p[0].revents & POLLIN) && read_signals(sfd, now))
            break;
        if (p[2].revents)
            exec_read_output(&job);
        if (p[1].fd >= 0 && conn.connected) {
            if (p[1].revents & POLLIN)
                read_port(now);
            if (conn.connected && (p[1].revents & (POLLHUP | POLLERR)))
                conn_drop(&conn, now, 0, "host disconnected");
        }
    }
    fprintf(stderr, "tessera-agent: exiting on signal\n");
    return 0;
}
