/* tessera-netproxy: the guest side of the session-mode network (docs/gateway-protocol.md).
 *
 *   tessera-netproxy [serve]        HTTP CONNECT proxy on 127.0.0.1:3128; every accepted
 *                                   connection is multiplexed over ONE connection to the
 *                                   host's gateway at 10.0.2.100:3128 (QEMU guestfwd).
 *   tessera-netproxy connect H P    relays stdin/stdout to H:P through the local proxy (like
 *                                   nc); exit 1 and a message on stderr when refused.
 *   tessera-netproxy listen P       accepts one tcp connection on port P and relays it to
 *                                   stdin/stdout (for inbound forwards).
 *   tessera-netproxy bench via|direct ADDRESS PORT N BYTES
 *                                   bench/gateway's instrument: N connections through the
 *                                   local proxy (via) or straight to ADDRESS (direct), each
 *                                   timed from connect to a 1-byte answer; then one upload
 *                                   of BYTES timed to the server's answer. Prints microseconds.
 *
 * A convenience, not a guard: every check is made by the gateway on the host. Static, libc only. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

enum { F_HELLO = 1, F_OPEN, F_OPENED, F_REFUSED, F_DATA, F_CLOSE, F_WINDOW };
#define HEADER 9
#define MAX_PAYLOAD 16384
#define WINDOW (256 * 1024)
#define MAX_CLIENTS 256
#define LINK_OUT_MAX (1024 * 1024)
#define REQ_MAX 4096

enum cstate { C_FREE, C_REQUEST, C_OPENING, C_OPEN };
struct client {
    enum cstate state;
    int fd;
    uint32_t id;
    char req[REQ_MAX];
    size_t reqlen;
    int may_send;        /* bytes the gateway still accepts from us */
    char *in;            /* gateway -> client bytes not yet written */
    size_t inlen;
    int read_closed;     /* client sent EOF, Close sent */
    int remote_closed;   /* gateway sent Close: close after flushing in */
};

static struct client clients[MAX_CLIENTS];
static int link_fd = -1;
static char link_in[HEADER + MAX_PAYLOAD];
static size_t link_inlen;
static char *link_out;
static size_t link_outlen;
static uint32_t next_id = 1;

static void put32(unsigned char *p, uint32_t v) { p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v; }
static uint32_t get32(const unsigned char *p) { return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]; }

static void frame(int type, uint32_t id, const void *payload, size_t len)
{
    if (link_fd < 0 || link_outlen + HEADER + len > LINK_OUT_MAX + HEADER + MAX_PAYLOAD)
        return;
    unsigned char *p = (unsigned char *)link_out + link_outlen;
    p[0] = (unsigned char)type;
    put32(p + 1, id);
    put32(p + 5, (uint32_t)len);
    if (len)
        memcpy(p + HEADER, payload, len);
    link_outlen += HEADER + len;
}

static void send_hello(void) { frame(F_HELLO, 0, "TSGW\0\1", 6); }

static void window(uint32_t id, uint32_t n)
{
    unsigned char b[4];
    put32(b, n);
    frame(F_WINDOW, id, b, 4);
}

static void drop_client(struct client *c)
{
    if (c->fd >= 0)
        close(c->fd);
    free(c->in);
    memset(c, 0, sizeof *c);
    c->fd = -1;
}

static struct client *find(uint32_t id)
{
    for (int i = 0; i < MAX_CLIENTS; ++i)
        if (clients[i].state >= C_OPENING && clients[i].id == id)
            return &clients[i];
    return NULL;
}

static void reset_clients(void)
{
    for (int i = 0; i < MAX_CLIENTS; ++i)
        if (clients[i].state != C_FREE)
            drop_client(&clients[i]);
}

static void client_write(struct client *c, const char *text)
{
    ssize_t ignored = write(c->fd, text, strlen(text));
    (void)ignored;
}

/* Parses "CONNECT host:port HTTP/1.x" once the header is complete; sends Open. */
static int link_up(void);

static void handle_request(struct client *c)
{
    char *end = memmem(c->req, c->reqlen, "\r\n\r\n", 4);
    if (!end) {
        if (c->reqlen == REQ_MAX) {
            client_write(c, "HTTP/1.1 431 Request Header Fields Too Large\r\n\r\n");
            drop_client(c);
        }
        return;
    }
    char host[256];
    unsigned port = 0;
    if (sscanf(c->req, "CONNECT %255[^ \r\n] HTTP/1.%*c", host) != 1) {
        client_write(c, "HTTP/1.1 405 Method Not Allowed\r\n\r\nOnly CONNECT is supported.\r\n");
        drop_client(c);
        return;
    }
    char *colon = strrchr(host, ':');
    if (colon)
        port = (unsigned)strtoul(colon + 1, NULL, 10);
    if (!colon || port == 0 || port > 65535) {
        client_write(c, "HTTP/1.1 400 Bad Request\r\n\r\n");
        drop_client(c);
        return;
    }
    *colon = 0;
    char *h = host;
    if (h[0] == '[' && colon[-1] == ']') { /* [v6]:port */
        colon[-1] = 0;
        ++h;
    }
    size_t hl = strlen(h);
    if (hl == 0 || hl > 253) {
        client_write(c, "HTTP/1.1 400 Bad Request\r\n\r\n");
        drop_client(c);
        return;
    }
    /* A request is worth a try now rather than at the back-off's next turn: the first
     * connection after boot should not fail because the network came up a moment ago. */
    if (link_fd < 0 && link_up() != 0) {
        client_write(c, "HTTP/1.1 502 Bad Gateway\r\n\r\nThe host's network gateway is not connected.\r\n");
        drop_client(c);
        return;
    }
    unsigned char open[3 + 253];
    open[0] = port >> 8;
    open[1] = port & 0xff;
    open[2] = (unsigned char)hl;
    memcpy(open + 3, h, hl);
    c->id = next_id++;
    if (next_id == 0)
        next_id = 1;
    c->state = C_OPENING;
    frame(F_OPEN, c->id, open, 3 + hl);
    /* Bytes after the header (rare) would need the stream open first: not supported. */
}

static int handle_frame(int type, uint32_t id, const unsigned char *p, uint32_t len)
{
    struct client *c = type == F_HELLO ? NULL : find(id);
    static int greeted;
    switch (type) {
    case F_HELLO:
        if (greeted) { /* a new gateway behind the same link (after a restore) */
            reset_clients();
            send_hello();
        }
        greeted = 1;
        return 0;
    case F_OPENED:
        if (!c || c->state != C_OPENING)
            return 0;
        c->state = C_OPEN;
        c->may_send = WINDOW;
        c->in = malloc(WINDOW);
        if (!c->in)
            return -1;
        client_write(c, "HTTP/1.1 200 Connection established\r\n\r\n");
        return 0;
    case F_REFUSED:
        if (c) {
            char msg[320];
            snprintf(msg, sizeof msg, "HTTP/1.1 403 Forbidden\r\nContent-Type: text/plain\r\n\r\n%.*s\r\n",
                     (int)(len > 1 ? (len - 1 > 250 ? 250 : len - 1) : 0), (const char *)p + 1);
            client_write(c, msg);
            drop_client(c);
        }
        return 0;
    case F_DATA:
        if (!c || c->state != C_OPEN)
            return 0;
        if (c->inlen + len > WINDOW)
            return -1; /* the gateway overran our window */
        memcpy(c->in + c->inlen, p, len);
        c->inlen += len;
        return 0;
    case F_CLOSE:
        if (c) {
            if (c->state == C_OPEN && c->inlen)
                c->remote_closed = 1;
            else
                drop_client(c);
        }
        return 0;
    case F_WINDOW:
        if (c && len == 4)
            c->may_send += (int)get32(p);
        return 0;
    default:
        return -1;
    }
}

static void link_down(void)
{
    if (link_fd >= 0)
        close(link_fd);
    link_fd = -1;
    link_inlen = link_outlen = 0;
    reset_clients();
}

static int link_up(void)
{
    struct sockaddr_in gw = {.sin_family = AF_INET, .sin_port = htons(3128)};
    inet_pton(AF_INET, "10.0.2.100", &gw.sin_addr);
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (connect(fd, (struct sockaddr *)&gw, sizeof gw) < 0) {
        close(fd);
        return -1;
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);
    link_fd = fd;
    send_hello();
    return 0;
}

static int listen_on(uint32_t addr, int port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port), .sin_addr.s_addr = htonl(addr)};
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) < 0 || listen(fd, 64) < 0) {
        perror("tessera-netproxy: listen");
        exit(2);
    }
    return fd;
}

static int serve(void)
{
    int lfd = listen_on(INADDR_LOOPBACK, 3128);
    link_out = malloc(LINK_OUT_MAX + HEADER + MAX_PAYLOAD);
    static char buf[MAX_PAYLOAD];
    int backoff_ms = 250;
    time_t next_try = 0;
    for (int i = 0; i < MAX_CLIENTS; ++i)
        clients[i].fd = -1;
    for (;;) {
        if (link_fd < 0 && time(NULL) >= next_try) {
            if (link_up() == 0) {
                backoff_ms = 250;
            } else {
                next_try = time(NULL) + backoff_ms / 1000 + 1;
                backoff_ms = backoff_ms * 2 > 8000 ? 8000 : backoff_ms * 2; /* bounded */
            }
        }
        struct pollfd fds[MAX_CLIENTS + 2];
        int map[MAX_CLIENTS + 2], n = 0;
        fds[n] = (struct pollfd){.fd = lfd, .events = POLLIN};
        map[n++] = -1;
        if (link_fd >= 0) {
            fds[n] = (struct pollfd){.fd = link_fd, .events = POLLIN | (link_outlen ? POLLOUT : 0)};
            map[n++] = -2;
        }
        for (int i = 0; i < MAX_CLIENTS; ++i) {
            struct client *c = &clients[i];
            if (c->state == C_FREE)
                continue;
            short ev = 0;
            if (c->state == C_REQUEST || (c->state == C_OPEN && !c->read_closed && c->may_send > 0 && link_outlen < LINK_OUT_MAX))
                ev |= POLLIN;
            if (c->inlen)
                ev |= POLLOUT;
            fds[n] = (struct pollfd){.fd = c->fd, .events = ev};
            map[n++] = i;
        }
        if (poll(fds, n, link_fd < 0 ? 1000 : -1) < 0 && errno != EINTR)
            return 1;
        for (int k = 0; k < n; ++k) {
            if (!fds[k].revents)
                continue;
            if (map[k] == -1) {
                int cfd = accept4(lfd, NULL, NULL, SOCK_CLOEXEC | SOCK_NONBLOCK);
                if (cfd < 0)
                    continue;
                int slot = -1;
                for (int i = 0; i < MAX_CLIENTS && slot < 0; ++i)
                    if (clients[i].state == C_FREE)
                        slot = i;
                if (slot < 0) {
                    close(cfd);
                    continue;
                }
                memset(&clients[slot], 0, sizeof clients[slot]);
                clients[slot].fd = cfd;
                clients[slot].state = C_REQUEST;
            } else if (map[k] == -2) {
                if (fds[k].revents & POLLOUT) {
                    ssize_t w = write(link_fd, link_out, link_outlen);
                    if (w > 0) {
                        memmove(link_out, link_out + w, link_outlen - (size_t)w);
                        link_outlen -= (size_t)w;
                    } else if (w < 0 && errno != EAGAIN) {
                        link_down();
                        continue;
                    }
                }
                if (fds[k].revents & (POLLIN | POLLHUP | POLLERR)) {
                    ssize_t r = read(link_fd, link_in + link_inlen, sizeof link_in - link_inlen);
                    if (r <= 0 && !(r < 0 && errno == EAGAIN)) {
                        link_down();
                        continue;
                    }
                    if (r > 0)
                        link_inlen += (size_t)r;
                    /* Complete frames out of the buffer; at most one frame is ever buffered. */
                    while (link_inlen >= HEADER) {
                        const unsigned char *h = (const unsigned char *)link_in;
                        uint32_t len = get32(h + 5);
                        if (len > MAX_PAYLOAD) {
                            link_down();
                            break;
                        }
                        if (link_inlen < HEADER + len)
                            break;
                        if (handle_frame(h[0], get32(h + 1), h + HEADER, len) < 0) {
                            link_down();
                            break;
                        }
                        memmove(link_in, link_in + HEADER + len, link_inlen - HEADER - len);
                        link_inlen -= HEADER + len;
                    }
                }
            } else {
                struct client *c = &clients[map[k]];
                if (c->state == C_FREE)
                    continue;
                if ((fds[k].revents & POLLOUT) && c->inlen) {
                    ssize_t w = write(c->fd, c->in, c->inlen);
                    if (w < 0 && errno != EAGAIN) {
                        frame(F_CLOSE, c->id, NULL, 0);
                        drop_client(c);
                        continue;
                    }
                    if (w > 0) {
                        memmove(c->in, c->in + w, c->inlen - (size_t)w);
                        c->inlen -= (size_t)w;
                        window(c->id, (uint32_t)w);
                    }
                    if (!c->inlen && c->remote_closed) {
                        drop_client(c);
                        continue;
                    }
                }
                if (!(fds[k].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                if (c->state == C_REQUEST) {
                    ssize_t r = read(c->fd, c->req + c->reqlen, REQ_MAX - c->reqlen);
                    if (r <= 0) {
                        drop_client(c);
                        continue;
                    }
                    c->reqlen += (size_t)r;
                    handle_request(c);
                } else if (c->state == C_OPEN && !c->read_closed) {
                    size_t want = (size_t)c->may_send < sizeof buf ? (size_t)c->may_send : sizeof buf;
                    ssize_t r = want ? read(c->fd, buf, want) : 0;
                    if (r > 0) {
                        frame(F_DATA, c->id, buf, (size_t)r);
                        c->may_send -= (int)r;
                    } else if (want && (r == 0 || errno != EAGAIN)) {
                        c->read_closed = 1;
                        frame(F_CLOSE, c->id, NULL, 0);
                    }
                } else if (c->state == C_OPENING && (fds[k].revents & (POLLHUP | POLLERR))) {
                    frame(F_CLOSE, c->id, NULL, 0);
                    drop_client(c);
                }
            }
        }
    }
}

/* Relays stdin -> fd and fd -> stdout until fd closes. */
static int relay(int fd, const char *early, size_t earlylen)
{
    char buf[65536];
    int in_open = 1;
    if (earlylen && write(1, early, earlylen) < 0)
        return 1;
    for (;;) {
        struct pollfd fds[2] = {{.fd = fd, .events = POLLIN}, {.fd = in_open ? 0 : -1, .events = POLLIN}};
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            return 1;
        if (fds[1].revents) {
            ssize_t r = read(0, buf, sizeof buf);
            if (r <= 0) {
                in_open = 0;
                shutdown(fd, SHUT_WR);
            } else {
                for (ssize_t off = 0; off < r;) {
                    ssize_t w = write(fd, buf + off, (size_t)(r - off));
                    if (w <= 0)
                        return 1;
                    off += w;
                }
            }
        }
        if (fds[0].revents) {
            ssize_t r = read(fd, buf, sizeof buf);
            if (r <= 0)
                return 0;
            if (write(1, buf, (size_t)r) != r)
                return 1;
        }
    }
}

static int connect_mode(const char *host, const char *port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(3128), .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0 || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        fprintf(stderr, "tessera-netproxy: the local proxy on 127.0.0.1:3128 is not running\n");
        return 2;
    }
    char req[600], resp[4096];
    int n = snprintf(req, sizeof req, "CONNECT %s:%s HTTP/1.1\r\nHost: %s:%s\r\n\r\n", host, port, host, port);
    if (n <= 0 || (size_t)n >= sizeof req || write(fd, req, (size_t)n) != n)
        return 2;
    size_t len = 0;
    char *end = NULL;
    while (!end && len < sizeof resp - 1) {
        ssize_t r = read(fd, resp + len, sizeof resp - 1 - len);
        if (r <= 0)
            break;
        len += (size_t)r;
        resp[len] = 0;
        end = strstr(resp, "\r\n\r\n");
    }
    if (!end || strncmp(resp, "HTTP/1.1 200", 12) != 0) {
        resp[len] = 0;
        fprintf(stderr, "tessera-netproxy: refused: %s\n", len ? resp : "no answer");
        return 1;
    }
    end += 4;
    return relay(fd, end, len - (size_t)(end - resp));
}

static long long now_us(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000 + t.tv_nsec / 1000;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n) {
        ssize_t w = write(fd, p, n);
        if (w <= 0)
            return -1;
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* A stream to ADDRESS:PORT, through the local proxy (CONNECT, answered once the gateway has
 * connected) or straight (QEMU user networking). Bounded by a receive timeout. */
static int bench_open(int via, const char *address, int port)
{
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(via ? 3128 : port)};
    if (via)
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    else if (inet_pton(AF_INET, address, &a.sin_addr) != 1)
        return -1;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct timeval timeout = {.tv_sec = 30};
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout) < 0
        || connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    if (!via)
        return fd;
    char req[300], resp[1024];
    int n = snprintf(req, sizeof req, "CONNECT %s:%d HTTP/1.1\r\nHost: %s:%d\r\n\r\n", address, port, address, port);
    size_t len = 0;
    char *end = NULL;
    if (n <= 0 || (size_t)n >= sizeof req || write_all(fd, req, (size_t)n) < 0) {
        close(fd);
        return -1;
    }
    while (!end && len < sizeof resp - 1) {
        ssize_t r = read(fd, resp + len, sizeof resp - 1 - len);
        if (r <= 0)
            break;
        len += (size_t)r;
        resp[len] = 0;
        end = strstr(resp, "\r\n\r\n");
    }
    /* The server speaks only when spoken to: nothing may follow the header yet. */
    if (!end || strncmp(resp, "HTTP/1.1 200", 12) != 0 || end + 4 != resp + len) {
        close(fd);
        return -1;
    }
    return fd;
}

static int bench_mode(const char *path, const char *address, const char *port_text, const char *count_text,
                      const char *bytes_text)
{
    static char zeros[65536];
    const int via = !strcmp(path, "via");
    const int port = atoi(port_text);
    const long count = atol(count_text);
    const long long bytes = atoll(bytes_text);
    if ((!via && strcmp(path, "direct")) || port <= 0 || port > 65535 || count < 0 || count > 1000 || bytes < 0
        || bytes > (1LL << 30)) {
        fprintf(stderr, "tessera-netproxy: bench via|direct ADDRESS PORT N(0-1000) BYTES(0-1 GiB)\n");
        return 2;
    }
    char answer;
    for (long i = 0; i < count; ++i) {
        const long long start = now_us();
        const int fd = bench_open(via, address, port);
        if (fd < 0 || write_all(fd, "p", 1) < 0 || read(fd, &answer, 1) != 1 || answer != 'P') {
            fprintf(stderr, "tessera-netproxy: bench connection %ld failed\n", i);
            return 1;
        }
        printf("connect_us %lld\n", now_us() - start);
        close(fd);
    }
    if (bytes > 0) {
        const int fd = bench_open(via, address, port);
        if (fd < 0) {
            fprintf(stderr, "tessera-netproxy: bench upload could not connect\n");
            return 1;
        }
        const long long start = now_us();
        int failed = write_all(fd, "u", 1) < 0;
        for (long long left = bytes; left > 0 && !failed;) {
            const size_t n = left < (long long)sizeof zeros ? (size_t)left : sizeof zeros;
            failed = write_all(fd, zeros, n) < 0;
            left -= (long long)n;
        }
        if (failed || read(fd, &answer, 1) != 1 || answer != 'U') {
            fprintf(stderr, "tessera-netproxy: bench upload failed\n");
            return 1;
        }
        printf("upload_us %lld %lld\n", bytes, now_us() - start);
        close(fd);
    }
    return 0;
}

static int listen_mode(const char *port)
{
    int lfd = listen_on(INADDR_ANY, atoi(port));
    fprintf(stderr, "tessera-netproxy: listening on port %s\n", port);
    int fd = accept(lfd, NULL, NULL);
    close(lfd);
    return fd < 0 ? 2 : relay(fd, NULL, 0);
}

int main(int argc, char **argv)
{
    signal(SIGPIPE, SIG_IGN);
    if (argc == 1 || (argc == 2 && !strcmp(argv[1], "serve")))
        return serve();
    if (argc == 4 && !strcmp(argv[1], "connect"))
        return connect_mode(argv[2], argv[3]);
    if (argc == 3 && !strcmp(argv[1], "listen"))
        return listen_mode(argv[2]);
    if (argc == 7 && !strcmp(argv[1], "bench"))
        return bench_mode(argv[2], argv[3], argv[4], argv[5], argv[6]);
    fprintf(stderr, "usage: tessera-netproxy [serve] | connect HOST PORT | listen PORT | bench via|direct ADDRESS PORT N BYTES\n");
    return 2;
}
