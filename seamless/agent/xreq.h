/* Host requests on guest windows: WindowFocus, WindowMoveResize,
 * WindowClose, WindowMinimize (docs/agent-protocol.md). */
#ifndef TESSERA_AGENT_XREQ_H
#define TESSERA_AGENT_XREQ_H

#include "frame.h"

/* Carries out a window request. Requests on unknown windows, while X is not
 * connected, or with malformed fields are ignored (logged): the host may
 * race a window's disappearance. */
void xreq_handle(const struct frame_msg *m);

#endif
