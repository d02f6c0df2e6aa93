/* run.c: counters, progress and the summary line. */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "opts.h"
#include "run.h"
#include "stop.h"
#include "util.h"

struct lq_counts lq_counts;
int lq_run_order_error;
void (*lq_run_finish_hook)(void);

static double t_start = -1;
static double t_progress;
static int progress_shown;
static struct lq_buf extra = LQ_BUF_INIT;

void
lq_run_start(void)
{
	t_start = lq_now();
	if (!isatty(STDOUT_FILENO))
		setvbuf(stdout, NULL, _IOFBF, 1 << 16);
}

void
lq_progress(void)
{
	double t;
	char line[160];

	if (lq_quiet || !(lq_opt_progress || isatty(STDERR_FILENO)))
		return;
	t = lq_now();
	if (t - t_progress < 0.1)
		return;
	t_progress = t;
	snprintf(line, sizeof line, "\r%s: %llu in, %llu out, %llu failed ",
	    lq_progname, lq_counts.in, lq_counts.out, lq_counts.failed_out);
	lq_stderr_write(line);
	progress_shown = 1;
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
