/* opts.c: option parsing over getopt_long, generated help. */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "opts.h"
#include "stop.h"
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

/* 1 if the synopsis text u already names option o (as "--name" or "-k"),
 * so that a group written by hand ("[--a FILE | --b DIR]") is not repeated. */
static int
mentioned(const char *u, const struct lq_option *o)
{
	size_t n = strlen(o->name);

	for (const char *p = u; (p = strstr(p, "--")) != NULL; p += 2)
		if (strncmp(p + 2, o->name, n) == 0 && !isalnum((unsigned char)p[2 + n]) &&
		    p[2 + n] != '-')
			return 1;
	if (o->key > 0 && o->key < 256)
		for (const char *p = u; (p = strchr(p, '-')) != NULL; p++)
			if (p[1] == o->key && (p == u || strchr(" [|", p[-1])) &&
			    (p[2] == '\0' || strchr(" ]|", p[2])))
				return 1;
	return 0;
}

/* Appends "[-k ARG]" or "[--name ARG]" for each option of o not named in u. */
static void
synopsis_options(struct lq_buf *b, const struct lq_option *o, const char *u)
{
	for (; o && o->name; o++) {
		if (o->key == 'h' || o->key == LQ_OPT_VERSION || mentioned(u, o))
			continue;
		if (b->len)
			lq_buf_addc(b, '\n');
		if (o->key > 0 && o->key < 256)
			lq_buf_addf(b, "[-%c%s%s]", o->key, o->arg ? " " : "", o->arg ? o->arg : "");
		else
			lq_buf_addf(b, "[--%s%s%s]", o->name, o->arg ? " " : "", o->arg ? o->arg : "");
	}
}

/* Writes the synopsis of cmd: every option of its table (and the common
 * ones but --help and --version) that cmd->usage does not already name,
 * then cmd->usage, wrapped at 80 columns under the program name. A line
 * break in cmd->usage starts its alternative forms, printed as written. */
static void
synopsis(FILE *f, const struct lq_cmd *cmd)
{
	struct lq_buf words = LQ_BUF_INIT;
	const char *u = cmd->usage ? cmd->usage : "", *rest = strchr(u, '\n');
	size_t indent = strlen("usage: ") + strlen(lq_progname) + 1, col = indent, ulen;

	ulen = rest ? (size_t)(rest - u) : strlen(u);
	synopsis_options(&words, cmd->options, u);
	if (cmd->common == LQ_COMMON_FILTER)
		synopsis_options(&words, filter_options, u);
	synopsis_options(&words, basic_options, u);
	/* the hand-written part, split into words outside brackets */
	for (size_t i = 0, depth = 0, start = 0; i <= ulen; i++) {
		char c = i < ulen ? u[i] : ' ';

		if (c == '[')
			depth++;
		else if (c == ']' && depth)
			depth--;
		else if (c == ' ' && depth == 0) {
			if (i > start) {
				if (words.len)
					lq_buf_addc(&words, '\n');
				lq_buf_add(&words, u + start, i - start);
			}
			start = i + 1;
		}
	}
	fprintf(f, "usage: %s", lq_progname);
	for (char *w = words.data, *end; w && *w; w = *end ? end + 1 : end) {
		size_t n;

		end = strchr(w, '\n');
		if (end == NULL)
			end = w + strlen(w);
		n = (size_t)(end - w);
		if (col > indent && col + 1 + n > 79) {
			fprintf(f, "\n%*s", (int)indent - 1, "");
			col = indent - 1;
		}
		fprintf(f, " %.*s", (int)n, w);
		col += 1 + n;
	}
	fprintf(f, "%s\n", rest ? rest : "");
	lq_buf_free(&words);
}

void
lq_usage(const struct lq_cmd *cmd)
{
	fflush(stdout);
	synopsis(stderr, cmd);
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
	synopsis(stdout, cmd);
	printf("%s\n\nOptions:\n", cmd->summary);
	help_lines(cmd->options);
	if (cmd->common == LQ_COMMON_FILTER)
		help_lines(filter_options);
	help_lines(basic_options);
	if (cmd->details)
		printf("\n%s", cmd->details);
	if (cmd->details && cmd->details[strlen(cmd->details) - 1] != '\n')
		putchar('\n');
	if (cmd->common == LQ_COMMON_FILTER)
		printf("\nExit status: 0 success, 1 records failed (with --strict), 2 usage,\n"
		    "3 fatal error, 4 interrupted");
	else
		printf("\nExit status: 0 success, 2 usage, 3 fatal error, 4 interrupted");
	if (cmd->exits)
		printf(";\n%s", cmd->exits);
	printf(".\nSee lq(1) and docs/exit-codes.md.\n");
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
		if (cmd->common == LQ_COMMON_FILTER)
			lq_stop_init();	/* one stop path for every record filter */
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

const char *
lq_backend(const char *flag, const char *env, const char *const names[])
{
	const char *v = flag ? flag : getenv(env) && *getenv(env) ? getenv(env) : names[0];
	struct lq_buf list = LQ_BUF_INIT;

	for (size_t i = 0; names[i]; i++)
		if (strcmp(v, names[i]) == 0)
			return v;
	for (size_t i = 0; names[i]; i++)
		lq_buf_addf(&list, "%s%s", i ? ", " : "", names[i]);
	lq_die(LQ_EXIT_USAGE, "%s: unknown backend '%s' (%s)", flag ? "--backend" : env, v, list.data);
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

void
lq_subcommand(int *argc, char ***argv, const struct lq_cmd *cmd)
{
	const char *arg;

	while (lq_getopt(*argc, *argv, cmd, &arg) != -1)
		lq_usage(cmd);
	if (optind >= *argc) {
		lq_warn("no subcommand given");
		lq_usage(cmd);
	}
	*argc -= optind;
	*argv += optind;
}
