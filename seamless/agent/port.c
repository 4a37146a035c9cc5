/* The virtio-serial port. virtio_console reports POLLHUP (and read() returns
 * EOF) while the host side is not connected, so the port cannot be waited on
 * with poll() alone; instead it raises SIGIO on every host connect or
 * disconnect when the file has O_ASYNC set. The main loop waits for that
 * signal (via signalfd) with a bounded back-off as a safety net. */
#define _GNU_SOURCE
#include "port.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

int port_open(const char *path)
{
    int fd = open(path, O_RDWR | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0)
        return -1;
    if (fcntl(fd, F_SETOWN, getpid()) < 0)
        goto fail;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_ASYNC) < 0)
        goto fail;
    return fd;
fail:;
    int saved = errno;
    close(fd);
    errno = saved;
    return -1;
}

int port_host_connected(int fd)
{
    struct pollfd p = { .fd = fd, .events = POLLIN | POLLOUT };
    int r;
    do
        r = poll(&p, 1, 0);
    while (r < 0 && errno == EINTR);
    if (r < 0)
        return -1;
    if (p.revents & (POLLERR | POLLNVAL))
        return -1;
    return (p.revents & POLLHUP) ? 0 : 1;
}
