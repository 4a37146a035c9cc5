/* The connection to the host over the agent port: (re)opening with back-off,
 * waiting for the host side, buffered non-blocking reads and writes. */
#ifndef TESSERA_AGENT_CONN_H
#define TESSERA_AGENT_CONN_H

#include "frame.h"

#define CONN_BACKOFF_MIN_MS 200
#define CONN_BACKOFF_MAX_MS 5000
#define CONN_TX_LIMIT (1024 * 1024)

struct conn {
    const char *path;
    int fd;                 /* -1 while the port is not open */
    int connected;          /* host side connected, Hello sent */
    long long next_try_ms;  /* when to (re)open or re-check the host side */
    int backoff_ms;
    unsigned char rx[FRAME_HEADER_SIZE + FRAME_MAX_PAYLOAD];
    size_t rx_len, rx_off;
    struct obuf tx;
};

void conn_init(struct conn *c, const char *path);

/* Opens the port and checks for the host when due. Returns 1 when the host
 * side has just become connected (the caller then sends Hello). */
int conn_service(struct conn *c, long long now_ms);

/* Re-check the host side at once (on SIGIO). */
void conn_poke(struct conn *c, long long now_ms);

/* Closes the port; reopens after delay_ms (0: at once). */
void conn_drop(struct conn *c, long long now_ms, int delay_ms, const char *why);

/* Queues a frame and tries to write it. -1 if it could not be queued. */
int conn_send(struct conn *c, uint16_t type, const struct frame_field *f,
              uint32_t n);

/* Writes what is queued. -1 on a write error (caller drops). */
int conn_flush(struct conn *c);

/* Reads what is available. 1 if data came, 0 on EOF, -1 on error,
 * 2 if nothing was available. */
int conn_read(struct conn *c);

/* Next complete frame from the read buffer; fields stay valid until
 * conn_compact(). Returns FRAME_OK, FRAME_NEED_MORE or FRAME_ERROR. */
enum frame_status conn_next_frame(struct conn *c, struct frame_msg *m,
                                  const char **why);
void conn_compact(struct conn *c);

#endif
