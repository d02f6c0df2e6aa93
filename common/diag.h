/* diag.h: diagnostics ("prog: context: message" on stderr) and exit codes. */
#ifndef LQ_DIAG_H
#define LQ_DIAG_H

/* Exit codes shared by every program; docs/exit-codes.md is the table. */
enum {
	LQ_EXIT_OK = 0,		/* every record was written */
	LQ_EXIT_FAILED = 1,	/* --strict and some record failed at this stage */
	LQ_EXIT_USAGE = 2,	/* bad command line */
	LQ_EXIT_FATAL = 3,	/* configuration, authentication, I/O: the run stopped */
	LQ_EXIT_INTERRUPTED = 4,	/* stopped by a signal or a spend guard; output is complete up to that point */
	LQ_EXIT_INCOMPLETE = 5,	/* to-csv: the spreadsheet left out failed leads the user did not ask to leave out */
	LQ_EXIT_TOO_FEW = 6,	/* feedback fit, score --calibration: too few labels to fit a calibration on */
	LQ_EXIT_ORDER = 7	/* the input lacks what an earlier stage makes: stages run in the wrong order (need.h) */
};

/* The program name used as prefix of every message; set once by lq_init. */
extern const char *lq_progname;

/* argv[0] as given to lq_init (lq_self_dir() uses it where the system
 * cannot say where the running program is). */
extern const char *lq_argv0;

/* Sets lq_progname from argv[0] (its last path component) and keeps
 * argv[0] in lq_argv0. Call first. */
void lq_init(const char *argv0);

/* Message helpers. Every line goes to stderr as "prog: " + the formatted
 * text + "\n". The _errno variants append ": " + strerror(errno). lq_die
 * exits with the given status after printing and running the stop hooks
 * (stop.h); in a filter, lq_die_errno with errno EPIPE (stdout closed by
 * its reader) exits LQ_EXIT_INTERRUPTED quietly instead, like SIGPIPE.
 * lq_note prints only when --quiet was not given. Registered secrets are
 * redacted from every line (common/redact.h). Nothing else in lq writes
 * to stderr directly. */
void lq_die(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void lq_die_errno(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));
void lq_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void lq_warn_errno(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void lq_note(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Writes raw text to stderr (progress lines, help of subcommands). */
void lq_stderr_write(const char *s);

/* 1 if messages may use colour: stderr is a terminal, NO_COLOR is unset
 * or empty, and TERM is not "dumb". */
int lq_color(void);

/* Set by --quiet (common/opts.c): lq_note and the summary stay silent. */
extern int lq_quiet;

#endif
