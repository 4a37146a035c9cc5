/* The guest's X selections for the explicit clipboard chords of the host
 * (docs/agent-protocol.md, ClipboardRequest / ClipboardSet).
 *
 * The agent owns a small invisible window (1x1, override-redirect, never
 * mapped) on the X connection of xwin.c. Reading: CLIPBOARD, else PRIMARY
 * (xterm and other X programs select into PRIMARY only), converted to
 * UTF8_STRING (STRING accepted and turned from Latin-1 into UTF-8). Setting:
 * the agent takes CLIPBOARD and PRIMARY and answers SelectionRequest for
 * TARGETS, UTF8_STRING, TEXT and STRING. Text is at most CLIP_MAX bytes, so
 * one property carries it: INCR is never used, and an owner that answers
 * with INCR has more than the limit (refused as "toolarge"). */
#ifndef TESSERA_AGENT_CLIP_H
#define TESSERA_AGENT_CLIP_H

#include <stddef.h>
#include <xcb/xcb.h>

#define CLIP_MAX 61440          /* bytes of text; = host MaxClipboardBytes */
#define CLIP_TIMEOUT_MS 3000    /* an owner that does not answer by then */
#define CLIP_ID_MAX 16

/* Called once per request: status "ok" (data is the text), "empty",
 * "toolarge" (data is the size in bytes as decimal text, or empty) or
 * "error" (data says why). */
typedef void (*clip_reply_fn)(const char *id, const char *status,
                              const char *data, size_t len);

/* Where answers to clip_request() go (kept across clip_init/clip_close). */
void clip_on_reply(clip_reply_fn reply);
/* Creates the selection window on xc; 0 on success. */
int clip_init(xcb_connection_t *xc, xcb_window_t root);
/* Forgets the window and everything owned (the X connection is going). */
void clip_close(void);
/* The selection window (xwin.c does not report it), or 0. */
xcb_window_t clip_window(void);
/* Starts reading the guest's clipboard; the answer comes through reply,
 * maybe at once. One read at a time: a second one while one is running
 * is answered "error". */
void clip_request(const char *id);
/* Takes CLIPBOARD and PRIMARY with len bytes of UTF-8 text. 0 on success,
 * -1 (with *why) when too large or the X server refused. */
int clip_set(const char *text, size_t len, const char **why);
/* The same with another limit (the --own-clipboard test tool). */
int clip_set_max(const char *text, size_t len, size_t max, const char **why);
/* Handles selection events; 1 if ev was one. */
int clip_handle_event(const xcb_generic_event_t *ev);
/* Answers "error" for a read whose owner did not answer in time. */
void clip_check_timeout(long long now_ms);
/* When the running read times out, or -1. */
long long clip_deadline(void);
/* 1 while the agent owns CLIPBOARD or PRIMARY. */
int clip_owned(void);

#endif
