/* run.c: counters, progress and the summary line. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "opts.h"
#include "run.h"
#include "stop.h"
#include "util.h"

struct lq_counts lq_counts;
int lq_run_order_error;
void (*lq_run_finish_hook)(void);

unsigned long long lq_progress_size;
unsigned long long lq_progress_done;

static double t_start = -1;
static double t_progress;
static int progress_shown;
static struct lq_buf extra = LQ_BUF_INIT;

/* The progress display: 0 off, 1 a line redrawn in place on a terminal,
 * 2 whole lines (a forced display on a log or a pipe); -1 not decided. */
static int progress_mode = -1;
static unsigned long long progress_total;	/* LQ_PROGRESS_TOTAL, 0: none */
static const char *progress_label = "";	/* LQ_PROGRESS_LABEL */
static double rate, t_rate;			/* smoothed records/s, when sampled */
static unsigned long long out_rate;		/* lq_counts.out then */

void
lq_run_start(void)
{
	/* glibc ignores the size when setvbuf gets no buffer (stdout then
	 * writes a block of st_blksize, 4 KB, per write call), so the
	 * buffer is given. */
	static char outbuf[1 << 16];

	t_start = lq_now();
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, outbuf, _IOFBF, sizeof outbuf);
}

/* Decides once whether and how progress is shown (lq_progress). */
static int
progress_decide(void)
{
	const char *e = getenv("LQ_PROGRESS");
	int forced = lq_opt_progress || (e && *e && strcmp(e, "0") != 0);
	const char *term = getenv("TERM");
	int tty = isatty(STDERR_FILENO) && !(term && strcmp(term, "dumb") == 0);
	struct stat st;

	if (lq_quiet || (e && strcmp(e, "0") == 0 && !lq_opt_progress))
		return 0;
	if (!forced) {
		if (!tty)
			return 0;
		/* A stage whose output goes down a pipe leaves the terminal
		 * line to the stage at the end of the pipeline: seven stages
		 * redrawing one line would be unreadable. */
		if (fstat(STDOUT_FILENO, &st) == 0 && S_ISFIFO(st.st_mode))
			return 0;
	}
	if ((e = getenv("LQ_PROGRESS_TOTAL")) != NULL && *e) {
		char *end;
		unsigned long long n;

		errno = 0;
		n = strtoull(e, &end, 10);
		if (errno == 0 && *end == '\0' && *e != '-')
			progress_total = n;
		else
			lq_warn("LQ_PROGRESS_TOTAL: '%s' is not a number of records: ignored", e);
	}
	if ((e = getenv("LQ_PROGRESS_LABEL")) != NULL)
		progress_label = e;
	return tty ? 1 : 2;
}

/* Appends a duration of s seconds as "42s", "3m05s" or "2h07m". */
static void
add_duration(char *b, size_t n, double s)
{
	unsigned long long t = (unsigned long long)(s + 0.5);
	size_t len = strlen(b);

	if (t < 60)
		snprintf(b + len, n - len, "%llus", t);
	else if (t < 3600)
		snprintf(b + len, n - len, "%llum%02llus", t / 60, t % 60);
	else
		snprintf(b + len, n - len, "%lluh%02llum", t / 3600, t / 60 % 60);
}

void
lq_progress_line(char *b, size_t n, double now)
{
	unsigned long long done = lq_counts.out, total = progress_total;
	double el = t_start < 0 ? 0 : now - t_start;
	int estimated = 0;
	size_t len;

	/* The rate: the average over the first seconds, then smoothed over
	 * about ten seconds, so a burst or a stall moves it gently. */
	if (t_rate <= 0 || el < 3) {
		rate = el > 0 ? (double)done / el : 0;
		t_rate = now, out_rate = done;
	} else if (now - t_rate >= 0.5) {
		double dt = now - t_rate, inst = (double)(done - out_rate) / dt;

		rate += (inst - rate) * dt / (dt + 10);
		t_rate = now, out_rate = done;
	}
	/* No total handed down: a regular file's size and the bytes read
	 * give one, estimated (records read so far scaled to the file). */
	if (total == 0 && lq_progress_size > 0 && lq_progress_done > 0 && lq_counts.in > 0) {
		total = (unsigned long long)((double)lq_counts.in * (double)lq_progress_size /
		    (double)lq_progress_done + 0.5);
		if (total < lq_counts.in)
			total = lq_counts.in;
		estimated = lq_progress_done < lq_progress_size;
	}
	if (total > 0 && total < done)
		total = done;
	if (total > 0)
		snprintf(b, n, "%s%s: %llu/%s%llu (%d%%)", progress_label, lq_progname, done,
		    estimated ? "~" : "", total, (int)(100.0 * (double)done / (double)total));
	else
		snprintf(b, n, "%s%s: %llu done", progress_label, lq_progname, done);
	len = strlen(b);
	if (rate >= 10)
		snprintf(b + len, n - len, ", %.0f/s", rate);
	else
		snprintf(b + len, n - len, ", %.1f/s", rate);
	if (total > 0 && done < total && rate > 0) {
		len = strlen(b);
		snprintf(b + len, n - len, ", ETA ");
		add_duration(b, n, (double)(total - done) / rate);
	}
	if (lq_counts.failed_out > 0) {
		len = strlen(b);
		snprintf(b + len, n - len, ", %llu failed", lq_counts.failed_out);
	}
}

void
lq_progress(void)
{
	double t;
	char line[256];

	if (progress_mode < 0)
		progress_mode = progress_decide();
	if (progress_mode == 0)
		return;
	t = lq_now();
	/* A terminal line: at most ten redraws a second; whole lines (a log):
	 * at most one a second. The first call always draws. */
	if (t - t_progress < (progress_mode == 1 ? 0.1 : 1.0))
		return;
	t_progress = t;
	/* One write each (lq_stderr_write): another stage of the pipeline
	 * writes to the same terminal, and pieces would interleave. */
	lq_progress_line(line + 1, sizeof line - 4, t);
	if (progress_mode == 1) {
		line[0] = '\r';
		strcat(line, "\033[K");
		lq_stderr_write(line);
		progress_shown = 1;
	} else {
		strcat(line + 1, "\n");
		lq_stderr_write(line + 1);
	}
}

void
lq_summary_add(const char *fmt, ...)
{
	va_list ap;

	lq_buf_adds(&extra, ", ");
	va_start(ap, fmt);
	lq_buf_vaddf(&extra, fmt, ap);
	va_end(ap);
}

void
lq_close_stdout(void)
{
	if (lq_stop_output_is_closed()) {
		fclose(stdout);		/* its reader is gone: nothing to report */
		return;
	}
	if (fflush(stdout) != 0 || ferror(stdout)) {
		if (errno == EPIPE) {
			lq_stop_output_closed();
			fclose(stdout);
			return;
		}
		lq_die_errno(LQ_EXIT_FATAL, "write error");
	}
	if (fclose(stdout) != 0)
		lq_die_errno(LQ_EXIT_FATAL, "write error");
}

int
lq_finish(void)
{
	if (lq_run_finish_hook)
		lq_run_finish_hook();
	lq_close_stdout();
	if (progress_shown)
		lq_stderr_write("\r\033[K");
	if (lq_stop_requested() && lq_stop_requested() != SIGPIPE)
		lq_warn("stopped by %s: every record read was written, unfinished ones as "
		    "failed records (code interrupted)", lq_stop_name(lq_stop_requested()));
	if (!lq_quiet) {
		double el = t_start < 0 ? 0 : lq_now() - t_start;

		char deg[48] = "";

		if (lq_counts.warned_here)
			snprintf(deg, sizeof deg, ", %llu degraded", lq_counts.warned_here);
		lq_note("%llu in, %llu out, %llu failed (%llu here)%s%s, %.2fs",
		    lq_counts.in, lq_counts.out, lq_counts.failed_out,
		    lq_counts.failed_here, deg, extra.data ? extra.data : "", el);
	}
	lq_buf_free(&extra);
	if (lq_stop_requested())
		return LQ_EXIT_INTERRUPTED;
	if (lq_run_order_error)
		return LQ_EXIT_ORDER;
	if (lq_opt_strict && (lq_counts.failed_here > 0 || lq_counts.warned_here > 0))
		return LQ_EXIT_FAILED;
	return LQ_EXIT_OK;
}
