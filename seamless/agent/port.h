/* The virtio-serial port to the host: opening it and telling whether the
 * host side is connected. */
#ifndef TESSERA_AGENT_PORT_H
#define TESSERA_AGENT_PORT_H

#define AGENT_PORT_PATH "/dev/virtio-ports/org.tessera.agent.0"

/* Opens the port non-blocking and close-on-exec, and asks the kernel for
 * SIGIO when the host connects or disconnects (virtio_console sends it).
 * Returns the fd or -1 (errno set). */
int port_open(const char *path);

/* 1 if the host side is connected, 0 if not (POLLHUP), -1 on error. */
int port_host_connected(int fd);

#endif
