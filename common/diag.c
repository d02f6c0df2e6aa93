/* diag.c: message helpers. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "jalloc.h"
#include "redact.h"
#include "run.h"
#include "stop.h"

const char *lq_progname = "lq";
const char *lq_argv0;
int lq_quiet;

void
lq_init(const char *argv0)
{
	const char *slash;

	lq_jalloc_init();
	lq_argv0 = argv0;
	if (argv0 == NULL || *argv0 == '\0') {
		lq_run_start();
		return;
	}
	slash = strrchr(argv0, '/');
	lq_progname = slash ? slash + 1 : argv0;
	lq_run_start();
}

int
lq_color(void)
{
	static int cached = -1;
	const char *nc, *term;

	if (cached >= 0)
		return cached;
	nc = getenv("NO_COLOR");
	term = getenv("TERM");
	cached = isatty(STDERR_FILENO) && (nc == NULL || *nc == '\0') &&
	    !(term && strcmp(term, "dumb") == 0);
	return cached;
}

/* 1 if stderr is a terminal that understands erasing a line. */
static int
on_terminal(void)
{
	static int cached = -1;
	const char *term;

	if (cached < 0) {
		term = getenv("TERM");
		cached = isatty(STDERR_FILENO) && !(term && strcmp(term, "dumb") == 0);
	}
	return cached;
}

static void vmsg(const char *color, const char *fmt, va_list ap, int errnum)
	__attribute__((format(printf, 2, 0)));

static void
vmsg(const char *color, const char *fmt, va_list ap, int errnum)
{
	char line[8192], out[8192 + 512];
	int n;

	if (lq_color() && color)
		n = snprintf(line, sizeof line, "\033[1m%s:\033[0m %s", lq_progname, color);
	else
		n = snprintf(line, sizeof line, "%s: ", lq_progname);
	if (n < 0 || (size_t)n >= sizeof line)
		n = 0;
	vsnprintf(line + n, sizeof line - (size_t)n, fmt, ap);
	lq_redact_str(line);	/* no message carries a key, whoever built it */
	fflush(stdout);
	/* One write for the whole message: the stages of a pipeline share the
	 * terminal, and a message cut in pieces interleaves with another
	 * stage's progress line. */
	n = snprintf(out, sizeof out, "%s%s%s%s%s\n",
	    on_terminal() ? "\r\033[K" : "",	/* over a progress line, this stage's or another's */
	    line, errnum ? ": " : "", errnum ? strerror(errnum) : "",
	    lq_color() && color ? "\033[0m" : "");
	if (n < 0)
		return;
	if ((size_t)n >= sizeof out) {	/* cut: keep the end of line */
		n = sizeof out - 1;
		out[n - 1] = '\n';
	}
	fwrite(out, 1, (size_t)n, stderr);
	fflush(stderr);
}

void
lq_die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("\033[31m", fmt, ap, 0);
	va_end(ap);
	lq_stop_run_hooks();	/* paid work in flight is ended, not left billing */
	exit(status);
}

void
lq_die_errno(int status, const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	if (e == EPIPE && lq_stop_fd() >= 0) {
		/* A filter's reader went away (`| head`): the one stop path,
		 * quietly, as for SIGPIPE. */
		lq_stop_output_closed();
		lq_stop_run_hooks();
		exit(LQ_EXIT_INTERRUPTED);
	}
	va_start(ap, fmt);
	vmsg("\033[31m", fmt, ap, e);
	va_end(ap);
	lq_stop_run_hooks();
	exit(status);
}

void
lq_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg("\033[33m", fmt, ap, 0);
	va_end(ap);
}

void
lq_warn_errno(const char *fmt, ...)
{
	int e = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg("\033[33m", fmt, ap, e);
	va_end(ap);
}

void
lq_note(const char *fmt, ...)
{
	va_list ap;

	if (lq_quiet)
		return;
	va_start(ap, fmt);
	vmsg(NULL, fmt, ap, 0);
	va_end(ap);
}

void
lq_stderr_write(const char *s)
{
	fputs(s, stderr);
	fflush(stderr);
}
