/* Connection state of the agent port. */
#define _GNU_SOURCE
#include "conn.h"
#include "port.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

void conn_init(struct conn *c, const char *path)
{
    memset(c, 0, sizeof *c);
    c->path = path;
    c->fd = -1;
    c->backoff_ms = CONN_BACKOFF_MIN_MS;
}

static void back_off(struct conn *c, long long now_ms)
{
    c->next_try_ms = now_ms + c->backoff_ms;
    c->backoff_ms *= 2;
    if (c->backoff_ms > CONN_BACKOFF_MAX_MS)
        c->backoff_ms = CONN_BACKOFF_MAX_MS;
}

int conn_service(struct conn *c, long long now_ms)
{
    if (c->connected || now_ms < c->next_try_ms)
        return 0;
    if (c->fd < 0) {
        c->fd = port_open(c->path);
        if (c->fd < 0) {
            if (c->backoff_ms == CONN_BACKOFF_MIN_MS)
                fprintf(stderr, "tessera-agent: open %s: %s\n", c->path,
                        strerror(errno));
            back_off(c, now_ms);
            return 0;
        }
    }
    int r = port_host_connected(c->fd);
    if (r < 0) {
        conn_drop(c, now_ms, c->backoff_ms, "poll error");
        return 0;
    }
    if (r == 0) { /* host not there: SIGIO wakes us, back-off is a fallback */
        back_off(c, now_ms);
        return 0;
    }
    c->connected = 1;
    c->backoff_ms = CONN_BACKOFF_MIN_MS;
    c->rx_len = c->rx_off = 0;
    c->tx.len = 0;
    return 1;
}

void conn_poke(struct conn *c, long long now_ms)
{
    if (!c->connected && c->fd >= 0)
        c->next_try_ms = now_ms;
}

void conn_drop(struct conn *c, long long now_ms, int delay_ms, const char *why)
{
    if (why)
        fprintf(stderr, "tessera-agent: dropping connection: %s\n", why);
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
    c->connected = 0;
    c->rx_len = c->rx_off = 0;
    c->tx.len = 0;
    c->next_try_ms = now_ms + delay_ms;
}

int conn_send(struct conn *c, uint16_t type, const struct frame_field *f,
              uint32_t n)
{
    if (!c->connected)
        return -1;
    if (c->tx.len > CONN_TX_LIMIT || frame_append(&c->tx, type, f, n) < 0)
        return -1;
    return 0; /* written by the main loop when the port is writable */
}

int conn_flush(struct conn *c)
{
    while (c->connected && c->tx.len > 0) {
        ssize_t w = write(c->fd, c->tx.data, c->tx.len);
        if (w > 0) {
            obuf_consume(&c->tx, (size_t)w);
            continue;
        }
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0 && errno == EAGAIN)
            return 0;
        return -1;
    }
    return 0;
}

int conn_read(struct conn *c)
{
    conn_compact(c);
    size_t room = sizeof c->rx - c->rx_len;
    if (room == 0)
        return 2; /* a full frame is in the buffer; parse it first */
    ssize_t n;
    do
        n = read(c->fd, c->rx + c->rx_len, room);
    while (n < 0 && errno == EINTR);
    if (n > 0) {
        c->rx_len += (size_t)n;
        return 1;
    }
    if (n == 0)
        return 0;
    return errno == EAGAIN ? 2 : -1;
}

enum frame_status conn_next_frame(struct conn *c, struct frame_msg *m,
                                  const char **why)
{
    size_t used = 0;
    enum frame_status s = frame_parse(c->rx + c->rx_off, c->rx_len - c->rx_off,
                                      m, &used, why);
    if (s == FRAME_OK)
        c->rx_off += used;
    return s;
}

void conn_compact(struct conn *c)
{
    if (c->rx_off == 0)
        return;
    memmove(c->rx, c->rx + c->rx_off, c->rx_len - c->rx_off);
    c->rx_len -= c->rx_off;
    c->rx_off = 0;
}
