/* opts.c: option parsing over getopt_long, generated help. */
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "opts.h"
#include "util.h"

#ifndef LQ_VERSION
#define LQ_VERSION "0.0.0"
#endif

int lq_opt_progress;
int lq_opt_strict;

static const struct lq_option basic_options[] = {
	{ "help", 'h', NULL, "print this help and exit" },
	{ "quiet", 'q', NULL, "print no summary and no notes on stderr" },
	{ "version", LQ_OPT_VERSION, NULL, "print the version and exit" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_option filter_options[] = {
	{ "progress", LQ_OPT_PROGRESS, NULL, "show progress on stderr even when it is not a terminal" },
	{ "strict", LQ_OPT_STRICT, NULL, "exit 1 when any record failed or was degraded at this stage" },
	{ NULL, 0, NULL, NULL }
};

static size_t
count(const struct lq_option *o)
{
	size_t n = 0;

	while (o && o[n].name)
		n++;
	return n;
}

void
lq_usage(const struct lq_cmd *cmd)
{
	fflush(stdout);
	fprintf(stderr, "usage: %s %s\n", lq_progname, cmd->usage);
	fprintf(stderr, "Try '%s --help' for more information.\n", lq_progname);
	exit(LQ_EXIT_USAGE);
}

static void
help_lines(const struct lq_option *o)
{
	for (; o && o->name; o++) {
		char left[96];

		if (o->key > 0 && o->key < 256)
			snprintf(left, sizeof left, "-%c, --%s%s%s", o->key, o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		else
			snprintf(left, sizeof left, "    --%s%s%s", o->name,
			    o->arg ? " " : "", o->arg ? o->arg : "");
		if (strlen(left) <= 24)
			printf("  %-24s  %s\n", left, o->help);
		else
			printf("  %s\n  %-24s  %s\n", left, "", o->help);
	}
}

void
lq_help(const struct lq_cmd *cmd)
{
	printf("usage: %s %s\n", lq_progname, cmd->usage);
	printf("%s\n\nOptions:\n", cmd->summary);
	help_lines(cmd->options);
	if (cmd->common == LQ_COMMON_FILTER)
		help_lines(filter_options);
	help_lines(basic_options);
	if (cmd->details)
		printf("\n%s", cmd->details);
	printf("\nExit status: 0 success, 1 records failed (with --strict), 2 usage,\n"
	    "3 fatal error, 4 interrupted. See lq(7) and docs/exit-codes.md.\n");
}

static const struct lq_option *
find(const struct lq_cmd *cmd, int key)
{
	const struct lq_option *tabs[3] = { cmd->options,
	    cmd->common == LQ_COMMON_FILTER ? filter_options : NULL, basic_options };

	for (size_t t = 0; t < 3; t++)
		for (const struct lq_option *o = tabs[t]; o && o->name; o++)
			if (o->key == key)
				return o;
	return NULL;
}

int
lq_getopt(int argc, char **argv, const struct lq_cmd *cmd, const char **arg)
{
	static struct option *longs;
	static char shorts[256];
	static const struct lq_cmd *built;
	int c;

	if (built != cmd) {
		const struct lq_option *tabs[3] = { cmd->options,
		    cmd->common == LQ_COMMON_FILTER ? filter_options : NULL, basic_options };
		size_t n = count(cmd->options) + count(filter_options) + count(basic_options);
		size_t k = 0, s = 0;

		free(longs);
		longs = lq_xcalloc(n + 1, sizeof *longs);
		shorts[s++] = '+';	/* stop at the first operand */
		shorts[s++] = ':';	/* report a missing value as ':' */
		for (size_t t = 0; t < 3; t++)
			for (const struct lq_option *o = tabs[t]; o && o->name; o++) {
				longs[k].name = o->name;
				longs[k].has_arg = o->arg ? required_argument : no_argument;
				longs[k].val = o->key;
				k++;
				if (o->key > 0 && o->key < 256 && s + 3 < sizeof shorts) {
					shorts[s++] = (char)o->key;
					if (o->arg)
						shorts[s++] = ':';
				}
			}
		shorts[s] = '\0';
		built = cmd;
		opterr = 0;
	}
	for (;;) {
		c = getopt_long(argc, argv, shorts, longs, NULL);
		*arg = optarg;
		switch (c) {
		case -1:
			return -1;
		case 'h':
			if (find(cmd, 'h') && strcmp(find(cmd, 'h')->name, "help") == 0) {
				lq_help(cmd);
				if (fflush(stdout) != 0 || ferror(stdout))
					lq_die_errno(LQ_EXIT_FATAL, "write error");
				exit(LQ_EXIT_OK);
			}
			return c;
		case LQ_OPT_VERSION:
			printf("%s (lq) %s\n", lq_progname, LQ_VERSION);
			if (fflush(stdout) != 0 || ferror(stdout))
				lq_die_errno(LQ_EXIT_FATAL, "write error");
			exit(LQ_EXIT_OK);
		case 'q':
			if (strcmp(find(cmd, 'q')->name, "quiet") == 0) {
				lq_quiet = 1;
				continue;
			}
			return c;
		case LQ_OPT_PROGRESS:
			lq_opt_progress = 1;
			continue;
		case LQ_OPT_STRICT:
			lq_opt_strict = 1;
			continue;
		case ':':
			lq_warn("option '%s' needs a value", argv[optind - 1]);
			lq_usage(cmd);
		case '?':
			if (optopt > 0 && optopt < 256)
				lq_warn("unknown option '-%c'", optopt);
			else
				lq_warn("unknown option '%s'", argv[optind - 1]);
			lq_usage(cmd);
		default:
			return c;
		}
	}
}

long long
lq_parse_int(const char *opt, const char *s, long long min, long long max)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || end == s)
		lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a whole number", opt, s);
	if (errno == ERANGE || v < min || v > max)
		lq_die(LQ_EXIT_USAGE, "%s: %s is out of range (%lld to %lld)", opt, s, min, max);
	return v;
}

double
lq_parse_double(const char *opt, const char *s, double min, double max)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || end == s || isnan(v))
		lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a number", opt, s);
	if (errno == ERANGE || v < min || v > max)
		lq_die(LQ_EXIT_USAGE, "%s: %s is out of range (%g to %g)", opt, s, min, max);
	return v;
}
