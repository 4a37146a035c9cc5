/* Runs one command at a time for the host's Exec requests: no shell, stdin
 * from /dev/null, stdout+stderr captured (first EXEC_MAX_OUTPUT bytes), killed
 * after EXEC_TIMEOUT_MS. The main loop polls the output pipe and reaps the
 * child on SIGCHLD, so Pings keep being answered meanwhile. */
#ifndef TESSERA_AGENT_EXEC_H
#define TESSERA_AGENT_EXEC_H

#include <stddef.h>
#include <sys/types.h>

#define EXEC_MAX_OUTPUT 16384
#define EXEC_TIMEOUT_MS 30000
#define EXEC_MAX_ARGS 63
#define EXEC_ID_MAX 256

struct exec_job {
    int running;              /* a child is (or was) running, result pending */
    pid_t pid;                /* 0 once reaped */
    int out_fd;               /* read end of the output pipe, -1 once closed */
    int status;               /* reported exit status */
    int timed_out;
    long long deadline_ms;    /* monotonic */
    char id[EXEC_ID_MAX];
    char out[EXEC_MAX_OUTPUT];
    size_t out_len;
};

/* Starts argv (NULL-terminated). If it cannot run, the job completes at
 * once with status -1 and a message as output. Returns 0 if started,
 * -1 if it completed immediately. */
int exec_start(struct exec_job *job, const char *id, char *const argv[]);

/* Reads what the pipe has (call when out_fd is readable). */
void exec_read_output(struct exec_job *job);

/* Reaps the child if it exited (call on SIGCHLD and timeouts). */
void exec_reap(struct exec_job *job);

/* Kills the child's process group if its deadline passed. */
void exec_check_timeout(struct exec_job *job, long long now_ms);

/* 1 once the child was reaped and its output pipe is drained or closed. */
int exec_done(const struct exec_job *job);

/* Releases the job's resources after its result was sent. */
void exec_finish(struct exec_job *job);

long long monotonic_ms(void);

#endif
