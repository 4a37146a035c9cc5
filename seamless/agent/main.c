/* tessera-agent: the guest side of docs/agent-protocol.md.
 * One poll loop over the agent port, a signalfd (SIGIO from the port on host
 * connect/disconnect, SIGCHLD from Exec children, SIGTERM) and the output
 * pipe of the running Exec and the X connection (window events); timers for
 * the X probe and the reopen back-off. */
#define _GNU_SOURCE
#include "conn.h"
#include "exec.h"
#include "frame.h"
#include "port.h"
#include "power.h"
#include "session.h"
#include "xreq.h"
#include "xwin.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <unistd.h>

#define AGENT_VERSION "tessera-agent 0.1.0"
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
    struct frame_field f[2] = { frame_str("1"), frame_str(AGENT_VERSION) };
    conn_send(&conn, MSG_HELLO, f, 2);
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

/* Returns NULL, or a protocol error that drops the connection. */
static const char *handle_message(const struct frame_msg *m)
{
    char ver[8];
    switch (m->type) {
    case MSG_HELLO:
        if (m->nfields < 1 || frame_field_cstr(&m->field[0], ver, sizeof ver) < 0
            || strcmp(ver, "1") != 0)
            return "host speaks another protocol version";
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

int main(int argc, char **argv)
{
    const char *path = AGENT_PORT_PATH;
    if (argc == 3 && strcmp(argv[1], "--port") == 0)
        path = argv[2];
    else if (argc != 1) {
        fprintf(stderr, "usage: %s [--port PATH]\n", argv[0]);
        return 2;
    }
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
            send_hello();
        }
        exec_check_timeout(&job, now);
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
