/* Whether the guest's X display :0 is up, as seen from its socket. */
#ifndef TESSERA_AGENT_SESSION_H
#define TESSERA_AGENT_SESSION_H

#define X0_SOCKET_PATH "/tmp/.X11-unix/X0"

/* 1 if the X server accepts a connection on display :0, else 0. */
int session_x_up(void);

#endif
