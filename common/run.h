/* run.h: per-run counters, the progress line and the closing summary. */
#ifndef LQ_RUN_H
#define LQ_RUN_H

#include <stddef.h>

/* Counters every filter keeps; the reader, writer and lq_rec_fail update
 * the first four. */
struct lq_counts {
	unsigned long long in;		/* records read (bad lines included) */
	unsigned long long out;		/* records written */
	unsigned long long failed_out;	/* written records with status failed */
	unsigned long long failed_here;	/* records that failed at this stage */
	unsigned long long warned_here;	/* warnings added here (lq_rec_warn) */
};
extern struct lq_counts lq_counts;

/* Set when the input lacked what an earlier stage makes (need.h):
 * lq_finish then returns LQ_EXIT_ORDER. */
extern int lq_run_order_error;

/* Called first by lq_finish when set (need.h: ends a whole-run check). */
extern void (*lq_run_finish_hook)(void);

/* Starts the run clock. Called by lq_init. */
void lq_run_start(void);

/* Shows progress on stderr: "[LABEL]prog: DONE/TOTAL (P%), R/s, ETA T,
 * N failed", or "prog: DONE done, R/s" when no total is known. DONE is
 * the records written; R the records a second (the average over the
 * first seconds, then smoothed over about ten); TOTAL comes from
 * LQ_PROGRESS_TOTAL (a count handed down, e.g. by qualify.sh) or, with a
 * regular file on stdin, is estimated from its size and the bytes read
 * ("~TOTAL" until the end of the file). Shown when stderr is a terminal
 * and stdout is no pipe (in a pipeline the last stage shows it), redrawn
 * in place at most ten times a second; --progress or LQ_PROGRESS=1
 * force it anywhere (not a terminal: whole lines, at most one a second);
 * --quiet or LQ_PROGRESS=0 turn it off. Call it after each record and
 * while waiting on slow work (the HTTP loop does): it is cheap when
 * nothing is due. */
void lq_progress(void);

/* The progress text for the time now (lq_progress; no line end). */
void lq_progress_line(char *b, size_t n, double now);

/* Bytes of a regular file on stdin (0: not one) and the bytes of it read
 * into records so far: set by the NDJSON reader for the progress total. */
extern unsigned long long lq_progress_size, lq_progress_done;

/* Adds "key value" text to the summary line, e.g. lq_summary_add("%llu
 * cache hits", n). Call before lq_finish. */
void lq_summary_add(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Ends the run: flushes and closes stdout (a write error such as a full
 * disk is reported and gives LQ_EXIT_FATAL), prints the one-line summary
 * "prog: N in, N out, N failed (N here), extra..., T s" unless --quiet,
 * ("N degraded" after it when records got warnings here) and returns
 * the exit status: LQ_EXIT_INTERRUPTED if a stop was requested (stop.h;
 * a line on stderr says so, except for a closed output), else
 * LQ_EXIT_ORDER if the input lacked what an earlier stage makes (need.h;
 * lq_run_order_error), else LQ_EXIT_FAILED if --strict and a record failed or was degraded here,
 * else LQ_EXIT_OK. */
int lq_finish(void);

/* Flushes and closes stdout; on error prints "write error" and exits
 * LQ_EXIT_FATAL (EPIPE, a reader gone, is no error: see stop.h). Used by
 * lq_finish and by programs without records. */
void lq_close_stdout(void);

#endif
