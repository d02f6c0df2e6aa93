/* run.h: per-run counters, the progress line and the closing summary. */
#ifndef LQ_RUN_H
#define LQ_RUN_H

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

/* Updates the progress line (at most ten times a second) when stderr is a
 * terminal or --progress was given, unless --quiet. */
void lq_progress(void);

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
