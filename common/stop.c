/* stop.c: signal handlers, the self-pipe a blocked reader polls, stop hooks. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "stop.h"

static volatile sig_atomic_t stop_sig, n_signals;
static volatile sig_atomic_t output_closed;
static int pipefd[2] = { -1, -1 };
static int installed;

static struct {
	void (*fn)(void *);
	void *arg;
} hooks[8];
static int n_hooks, hooks_ran;

static void
on_signal(int sig)
{
	int e = errno;

	if (sig == SIGPIPE) {
		errno = e;
		return;		/* the failed write (EPIPE) says which output */
	}
	if (++n_signals > 1) {
		/* Asked twice: stop now, as the shell expects of a signal. */
		signal(sig, SIG_DFL);
		raise(sig);
	}
	if (stop_sig == 0)
		stop_sig = sig;
	if (pipefd[1] >= 0)
		(void)!write(pipefd[1], "", 1);
	errno = e;
}

void
lq_stop_init(void)
{
	struct sigaction sa;

	if (installed)
		return;
	installed = 1;
	if (pipe(pipefd) == 0) {
		for (int i = 0; i < 2; i++) {
			fcntl(pipefd[i], F_SETFD, FD_CLOEXEC);
			fcntl(pipefd[i], F_SETFL, fcntl(pipefd[i], F_GETFL) | O_NONBLOCK);
		}
	} else {
		pipefd[0] = pipefd[1] = -1;
	}
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGPIPE, &sa, NULL);
}

int
lq_stop_requested(void)
{
	return stop_sig;
}

int
lq_stop_fd(void)
{
	return pipefd[0];
}

void
lq_stop_request(int sig)
{
	if (stop_sig == 0)
		stop_sig = sig;
	if (pipefd[1] >= 0)
		(void)!write(pipefd[1], "", 1);
}

void
lq_stop_output_closed(void)
{
	output_closed = 1;
	lq_stop_request(SIGPIPE);
}

int
lq_stop_output_is_closed(void)
{
	return output_closed;
}

void
lq_stop_on(void (*fn)(void *arg), void *arg)
{
	if (n_hooks < (int)(sizeof hooks / sizeof hooks[0])) {
		hooks[n_hooks].fn = fn;
		hooks[n_hooks].arg = arg;
		n_hooks++;
	}
}

void
lq_stop_run_hooks(void)
{
	if (hooks_ran)
		return;
	hooks_ran = 1;
	for (int i = n_hooks - 1; i >= 0; i--)
		hooks[i].fn(hooks[i].arg);
}

const char *
lq_stop_name(int sig)
{
	static char buf[32];

	switch (sig) {
	case SIGINT: return "SIGINT";
	case SIGTERM: return "SIGTERM";
	case SIGPIPE: return "SIGPIPE";
	}
	snprintf(buf, sizeof buf, "signal %d", sig);
	return buf;
}
