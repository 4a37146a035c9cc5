/* Shutdown: flush, ask systemd for an orderly poweroff, force it if not. */
#define _GNU_SOURCE
#include "power.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <unistd.h>

static int run(char *const argv[])
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        execvp(argv[0], argv);
        _exit(127);
    }
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

void power_off(void)
{
    sync();
    char *systemctl[] = { "systemctl", "poweroff", NULL };
    if (run(systemctl) == 0)
        return; /* systemd takes it from here and stops us */
    fprintf(stderr, "tessera-agent: systemctl poweroff failed, forcing\n");
    char *force[] = { "poweroff", "-f", NULL };
    if (run(force) == 0)
        return;
    sync();
    reboot(RB_POWER_OFF);
    perror("tessera-agent: reboot(RB_POWER_OFF)");
}
