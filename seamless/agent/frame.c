/* Framing of the Tessera agent protocol: strict parser and encoder. */
#include "frame.h"

#include <stdlib.h>
#include <string.h>

static uint32_t get_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
           (uint32_t)p[3] << 24;
}

static uint16_t get_le16(const unsigned char *p)
{
    return (uint16_t)(p[0] | p[1] << 8);
}

static void put_le32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
    p[2] = (unsigned char)(v >> 16);
    p[3] = (unsigned char)(v >> 24);
}

static void put_le16(unsigned char *p, uint16_t v)
{
    p[0] = (unsigned char)v;
    p[1] = (unsigned char)(v >> 8);
}

enum frame_status frame_parse(const unsigned char *buf, size_t len,
                              struct frame_msg *msg, size_t *consumed,
                              const char **why)
{
    *why = NULL;
    /* Check the magic as soon as its bytes arrive: never wait for more
     * data behind a header that is already known to be bad. */
    if (len >= 1 && buf[0] != (FRAME_MAGIC & 0xff)) {
        *why = "bad magic";
        return FRAME_ERROR;
    }
    if (len >= 2 && get_le16(buf) != FRAME_MAGIC) {
        *why = "bad magic";
        return FRAME_ERROR;
    }
    if (len < FRAME_HEADER_SIZE)
        return FRAME_NEED_MORE;
    uint32_t plen = get_le32(buf + 4);
    if (plen > FRAME_MAX_PAYLOAD) {
        *why = "payload too large";
        return FRAME_ERROR;
    }
    if (len < FRAME_HEADER_SIZE + plen)
        return FRAME_NEED_MORE;

    msg->type = get_le16(buf + 2);
    msg->nfields = 0;
    const unsigned char *p = buf + FRAME_HEADER_SIZE;
    uint32_t left = plen;
    while (left > 0) {
        if (msg->nfields == FRAME_MAX_FIELDS) {
            *why = "too many fields";
            return FRAME_ERROR;
        }
        if (left < 4) {
            *why = "truncated field length";
            return FRAME_ERROR;
        }
        uint32_t flen = get_le32(p);
        p += 4;
        left -= 4;
        if (flen > left) {
            *why = "field longer than payload";
            return FRAME_ERROR;
        }
        msg->field[msg->nfields].data = p;
        msg->field[msg->nfields].len = flen;
        msg->nfields++;
        p += flen;
        left -= flen;
    }
    *consumed = FRAME_HEADER_SIZE + plen;
    return FRAME_OK;
}

void obuf_free(struct obuf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void obuf_consume(struct obuf *b, size_t n)
{
    if (n >= b->len) {
        b->len = 0;
        return;
    }
    memmove(b->data, b->data + n, b->len - n);
    b->len -= n;
}

static int obuf_reserve(struct obuf *b, size_t extra)
{
    if (b->cap - b->len >= extra)
        return 0;
    size_t ncap = b->cap ? b->cap : 4096;
    while (ncap - b->len < extra)
        ncap *= 2;
    unsigned char *n = realloc(b->data, ncap);
    if (!n)
        return -1;
    b->data = n;
    b->cap = ncap;
    return 0;
}

int frame_append(struct obuf *b, uint16_t type,
                 const struct frame_field *fields, uint32_t nfields)
{
    if (nfields > FRAME_MAX_FIELDS)
        return -1;
    size_t plen = 0;
    for (uint32_t i = 0; i < nfields; i++) {
        plen += 4 + (size_t)fields[i].len;
        if (plen > FRAME_MAX_PAYLOAD)
            return -1;
    }
    if (obuf_reserve(b, FRAME_HEADER_SIZE + plen) < 0)
        return -1;
    unsigned char *p = b->data + b->len;
    put_le16(p, FRAME_MAGIC);
    put_le16(p + 2, type);
    put_le32(p + 4, (uint32_t)plen);
    p += FRAME_HEADER_SIZE;
    for (uint32_t i = 0; i < nfields; i++) {
        put_le32(p, fields[i].len);
        if (fields[i].len)
            memcpy(p + 4, fields[i].data, fields[i].len);
        p += 4 + fields[i].len;
    }
    b->len += FRAME_HEADER_SIZE + plen;
    return 0;
}

struct frame_field frame_str(const char *s)
{
    struct frame_field f = { (const unsigned char *)s, (uint32_t)strlen(s) };
    return f;
}

int frame_field_cstr(const struct frame_field *f, char *dst, size_t dstsize)
{
    if (f->len >= dstsize || memchr(f->data, 0, f->len))
        return -1;
    memcpy(dst, f->data, f->len);
    dst[f->len] = '\0';
    return 0;
}

int frame_field_long(const struct frame_field *f, long *v)
{
    if (f->len == 0 || f->len > 11)
        return -1;
    uint32_t i = f->data[0] == '-' ? 1 : 0;
    if (i == f->len)
        return -1;
    long n = 0;
    for (; i < f->len; i++) {
        if (f->data[i] < '0' || f->data[i] > '9')
            return -1;
        n = n * 10 + (f->data[i] - '0');
    }
    *v = f->data[0] == '-' ? -n : n;
    return 0;
}
