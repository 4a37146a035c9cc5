/* Exec: fork/execvp with captured output and a deadline. */
#define _GNU_SOURCE
#include "exec.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

long long monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void append_out(struct exec_job *job, const char *s, size_t n)
{
    size_t room = sizeof job->out - job->out_len;
    if (n > room)
        n = room;
    memcpy(job->out + job->out_len, s, n);
    job->out_len += n;
}

static void fail_now(struct exec_job *job, const char *what, int err)
{
    char msg[256];
    int n = snprintf(msg, sizeof msg, "tessera-agent: %s: %s\n", what,
                     strerror(err));
    job->out_len = 0;
    append_out(job, msg, n > 0 ? (size_t)n : 0);
    job->status = -1;
    job->pid = 0;
    job->out_fd = -1;
    job->running = 1;
}

/* In the child: never returns. Reports an exec failure through errpipe. */
static void run_child(int out_w, int err_w, char *const argv[])
{
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    signal(SIGPIPE, SIG_DFL);
    setsid(); /* own process group: the timeout kills all of it */
    int devnull = open("/dev/null", O_RDONLY);
    if (devnull >= 0 && devnull != 0) {
        dup2(devnull, 0);
        close(devnull);
    }
    dup2(out_w, 1);
    dup2(out_w, 2);
    if (out_w > 2)
        close(out_w);
    execvp(argv[0], argv);
    int e = errno;
    ssize_t w = write(err_w, &e, sizeof e);
    (void)w;
    _exit(127);
}

int exec_start(struct exec_job *job, const char *id, char *const argv[])
{
    memset(job, 0, sizeof *job);
    job->out_fd = -1;
    snprintf(job->id, sizeof job->id, "%s", id);

    int out[2], err[2];
    if (pipe2(out, O_CLOEXEC) < 0) {
        fail_now(job, "pipe", errno);
        return -1;
    }
    if (pipe2(err, O_CLOEXEC) < 0) {
        fail_now(job, "pipe", errno);
        close(out[0]);
        close(out[1]);
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        int e = errno;
        close(out[0]);
        close(out[1]);
        close(err[0]);
        close(err[1]);
        fail_now(job, "fork", e);
        return -1;
    }
    if (pid == 0) {
        close(out[0]);
        close(err[0]);
        run_child(out[1], err[1], argv);
    }
    close(out[1]);
    close(err[1]);
    /* err[] is close-on-exec: EOF at once on success, errno on failure. */
    int child_errno = 0;
    ssize_t n;
    do
        n = read(err[0], &child_errno, sizeof child_errno);
    while (n < 0 && errno == EINTR);
    close(err[0]);
    if (n == (ssize_t)sizeof child_errno) {
        close(out[0]);
        waitpid(pid, NULL, 0);
        fail_now(job, argv[0], child_errno);
        return -1;
    }
    fcntl(out[0], F_SETFL, O_NONBLOCK);
    job->running = 1;
    job->pid = pid;
    job->out_fd = out[0];
    job->deadline_ms = monotonic_ms() + EXEC_TIMEOUT_MS;
    return 0;
}

void exec_read_output(struct exec_job *job)
{
    char buf[4096];
    while (job->out_fd >= 0) {
        ssize_t n = read(job->out_fd, buf, sizeof buf);
        if (n > 0) {
            append_out(job, buf, (size_t)n); /* the rest is discarded */
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        close(job->out_fd); /* EOF or error */
        job->out_fd = -1;
    }
}

void exec_reap(struct exec_job *job)
{
    if (!job->running || job->pid <= 0)
        return;
    int st;
    pid_t r = waitpid(job->pid, &st, WNOHANG);
    if (r != job->pid)
        return;
    job->pid = 0;
    if (WIFEXITED(st))
        job->status = WEXITSTATUS(st);
    else if (WIFSIGNALED(st))
        job->status = 128 + WTERMSIG(st);
    /* Take what is buffered now; a grandchild still holding the pipe must
     * not keep the result from being sent. */
    exec_read_output(job);
    if (job->out_fd >= 0) {
        close(job->out_fd);
        job->out_fd = -1;
    }
    if (job->timed_out) {
        static const char note[] = "\ntessera-agent: killed after 30 s\n";
        if (job->out_len > sizeof job->out - (sizeof note - 1))
            job->out_len = sizeof job->out - (sizeof note - 1);
        append_out(job, note, sizeof note - 1);
    }
}

void exec_check_timeout(struct exec_job *job, long long now_ms)
{
    if (!job->running || job->pid <= 0 || job->timed_out)
        return;
    if (now_ms < job->deadline_ms)
        return;
    job->timed_out = 1;
    kill(-job->pid, SIGKILL);
    kill(job->pid, SIGKILL);
}

int exec_done(const struct exec_job *job)
{
    return job->running && job->pid == 0 && job->out_fd < 0;
}

void exec_finish(struct exec_job *job)
{
    if (job->out_fd >= 0)
        close(job->out_fd);
    job->out_fd = -1;
    job->running = 0;
}
