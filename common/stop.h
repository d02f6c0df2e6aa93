/* stop.h: the one stop path of every record filter: SIGINT, SIGTERM, a closed output. */
#ifndef LQ_STOP_H
#define LQ_STOP_H

#include <jansson.h>

/* Installs the handlers: SIGINT and SIGTERM request a stop; SIGPIPE is
 * caught and otherwise ignored (a write to a closed stdout then fails
 * with EPIPE, which lq_stop_output_closed turns into a stop; libcurl may
 * raise SIGPIPE on its sockets, which must not stop anything). A second
 * SIGINT or SIGTERM ends the program at once, as the shell reports it.
 * Handlers restart interrupted system calls; a blocking read that must
 * notice the stop polls lq_stop_fd. lq_getopt calls this for every
 * LQ_COMMON_FILTER program; calling it again does nothing. */
void lq_stop_init(void);

/* The signal that requested the stop (SIGINT, SIGTERM, or SIGPIPE for a
 * closed output), or 0 while the run goes on. Async-signal-safe to read. */
int lq_stop_requested(void);

/* A descriptor that becomes readable once a stop is requested (poll it
 * beside the one you wait on), or -1 before lq_stop_init. */
int lq_stop_fd(void);

/* Requests a stop from the program itself (sig names the reason). */
void lq_stop_request(int sig);

/* stdout is gone (EPIPE): later lq_write calls write nothing, closing
 * stdout is not an error, and a stop is requested (SIGPIPE) so the
 * reader stops reading. Quiet: a closed pipe (`| head`) is not an error. */
void lq_stop_output_closed(void);
int lq_stop_output_is_closed(void);

/* Registers fn(arg) to be run once when the program stops early: by
 * lq_stop_run_hooks, or, if that never ran, by lq_die before it exits.
 * The hook ends paid work still in flight (scrape aborts its Apify runs);
 * it must not call lq_die. At most 8 hooks. */
void lq_stop_on(void (*fn)(void *arg), void *arg);

/* Runs the registered hooks (each once, in the reverse order of
 * registration). */
void lq_stop_run_hooks(void);

/* Marks rec failed with code "interrupted" at this stage: the record was
 * read but not finished when the stop came (why: what was left undone). */
void lq_stop_fail_record(json_t *rec, const char *why);	/* in record.c */

/* "SIGINT", "SIGTERM", "SIGPIPE" or "signal N" for messages. */
const char *lq_stop_name(int sig);

#endif
