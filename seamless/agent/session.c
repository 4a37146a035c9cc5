/* X display probe: a connect() to the display socket, closed at once. The
 * server sees a client that leaves before the handshake, which it ignores. */
#define _GNU_SOURCE
#include "session.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int session_x_up(void)
{
    int fd = socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return 0;
    struct sockaddr_un sa;
    memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    strncpy(sa.sun_path, X0_SOCKET_PATH, sizeof sa.sun_path - 1);
    /* A non-blocking connect on a unix socket either succeeds at once or
     * fails (EAGAIN when the backlog is full: treat the server as up). */
    int r = connect(fd, (struct sockaddr *)&sa, sizeof sa);
    int up = r == 0 || (r < 0 && errno == EAGAIN);
    close(fd);
    return up;
}
