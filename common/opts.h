/* opts.h: table-driven option parsing, --help and --version for every program. */
#ifndef LQ_OPTS_H
#define LQ_OPTS_H

/* One option of a program. The same table drives parsing and --help, so
 * every accepted option is documented. */
struct lq_option {
	const char *name;	/* long name without "--" */
	int key;		/* short option letter, or a unique value >= 256 */
	const char *arg;	/* metavariable ("N", "FILE") if it takes a value, else NULL */
	const char *help;	/* one line of help */
};

/* Which common options a program accepts besides its own. */
enum {
	LQ_COMMON_BASIC = 0,	/* -h/--help, --version, -q/--quiet */
	LQ_COMMON_FILTER = 1	/* also --progress and --strict (record filters) */
};

struct lq_cmd {
	const char *usage;	/* operands and hand-grouped options of the synopsis:
				   the synopsis lists every option of the table the
				   usage does not name, then the usage; a "\n" in it
				   starts alternative forms, printed as written */
	const char *summary;	/* one line: what the program does */
	const char *details;	/* optional text printed after the options, or NULL */
	const struct lq_option *options; /* ends with an entry whose name is NULL */
	int common;		/* LQ_COMMON_BASIC or LQ_COMMON_FILTER */
	const char *exits;	/* the program's own exit codes beside the common
				   ones ("5 ..."), for --help's exit line, or NULL */
};

/* Keys of the common options (returned to no caller: handled inside). */
enum { LQ_OPT_VERSION = 0x7f00, LQ_OPT_PROGRESS, LQ_OPT_STRICT };

/* Set by the common options. */
extern int lq_opt_progress;	/* --progress: show progress even when stderr is no terminal */
extern int lq_opt_strict;	/* --strict: exit 1 when a record failed at this stage */

/* Returns the key of the next option of cmd in argv and sets *arg to its
 * value (NULL for flags); returns -1 when the options end ("--" or the
 * first operand), with optind at the first operand. Handles the common
 * options itself: --help prints the help to stdout and exits 0, --version
 * prints "prog (lq) VERSION" and exits 0. An unknown option or a missing
 * value prints a message and the usage line and exits LQ_EXIT_USAGE. */
int lq_getopt(int argc, char **argv, const struct lq_cmd *cmd, const char **arg);

/* For a program of subcommands whose main command has only the common
 * options: parses them and moves argc and argv on to the subcommand (argv[0]
 * is its name); a usage error when there is none. */
void lq_subcommand(int *argc, char ***argv, const struct lq_cmd *cmd);

/* Prints "usage: prog SYNOPSIS" (generated from the option table, see
 * struct lq_cmd) to stderr and exits LQ_EXIT_USAGE. */
void lq_usage(const struct lq_cmd *cmd) __attribute__((noreturn));

/* Prints the full help of cmd to stdout. */
void lq_help(const struct lq_cmd *cmd);

/* The backend a program runs: flag (its --backend value, or NULL), else
 * the environment variable env when set and not empty, else names[0].
 * Dies with LQ_EXIT_USAGE, naming --backend or env and listing names
 * (NULL-terminated), when the choice is not one of them. */
const char *lq_backend(const char *flag, const char *env, const char *const names[]);

/* Parse a whole decimal number in [min, max] given for option opt; on any
 * error (not a number, trailing text, out of range) dies with
 * LQ_EXIT_USAGE naming the option and the bad value. */
long long lq_parse_int(const char *opt, const char *s, long long min, long long max);
double lq_parse_double(const char *opt, const char *s, double min, double max);

#endif
