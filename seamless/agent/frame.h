/* Framing of the Tessera agent protocol (docs/agent-protocol.md).
 * Pure functions over byte buffers: no I/O here. */
#ifndef TESSERA_AGENT_FRAME_H
#define TESSERA_AGENT_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define FRAME_MAGIC 0x4154u /* bytes 'T' 'A' little-endian */
#define FRAME_HEADER_SIZE 8u
#define FRAME_MAX_PAYLOAD 65536u
#define FRAME_MAX_FIELDS 64u

enum frame_type {
    MSG_HELLO = 1,
    MSG_SESSION_STATE = 2,
    MSG_PING = 3,
    MSG_PONG = 4,
    MSG_EXEC = 5,
    MSG_EXEC_RESULT = 6,
    MSG_SHUTDOWN = 7,
    MSG_CLIPBOARD_REQUEST = 8,
    MSG_CLIPBOARD_DATA = 9,
    MSG_CLIPBOARD_SET = 10,
    MSG_CLIPBOARD_SET_RESULT = 11,
    MSG_WINDOW_UPDATE = 16,
    MSG_WINDOW_REMOVED = 17,
    MSG_WINDOW_STACK = 18,
    MSG_WINDOW_ICON = 19, /* protocol 1.2 */
    MSG_WINDOW_FOCUS = 32,
    MSG_WINDOW_MOVE_RESIZE = 33,
    MSG_WINDOW_CLOSE = 34,
    MSG_WINDOW_MINIMIZE = 35,
};

struct frame_field {
    const unsigned char *data;
    uint32_t len;
};

/* A parsed message. Fields point into the buffer it was parsed from. */
struct frame_msg {
    uint16_t type;
    uint32_t nfields;
    struct frame_field field[FRAME_MAX_FIELDS];
};

enum frame_status {
    FRAME_ERROR = -1, /* bad magic, oversize or inconsistent fields */
    FRAME_NEED_MORE = 0,
    FRAME_OK = 1,
};

/* Parses one frame from the start of buf. On FRAME_OK, *consumed is the
 * frame's total size. On FRAME_ERROR, *why names the problem. */
enum frame_status frame_parse(const unsigned char *buf, size_t len,
                              struct frame_msg *msg, size_t *consumed,
                              const char **why);

/* Growable output buffer. */
struct obuf {
    unsigned char *data;
    size_t len;
    size_t cap;
};

void obuf_free(struct obuf *b);
void obuf_consume(struct obuf *b, size_t n);

/* Appends one frame. Returns 0, or -1 when it would not fit the protocol
 * limits or memory ran out (nothing is appended then). */
int frame_append(struct obuf *b, uint16_t type,
                 const struct frame_field *fields, uint32_t nfields);

/* Helper: a field from a NUL-terminated string. */
struct frame_field frame_str(const char *s);

/* Copies a field into dst as a NUL-terminated string; -1 if it does not
 * fit or contains a NUL byte. */
int frame_field_cstr(const struct frame_field *f, char *dst, size_t dstsize);

/* Parses a field of decimal ASCII (optional leading '-', at most 11
 * characters, nothing else) into *v; -1 if it is not such a number. */
int frame_field_long(const struct frame_field *f, long *v);

#endif
