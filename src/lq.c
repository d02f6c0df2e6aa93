/* lq.c: the front command; `lq NAME ARGS...` runs the filter NAME git-style. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "opts.h"
#include "run.h"
#include "util.h"

#ifndef LQ_VERSION
#define LQ_VERSION "0.0.0"
#endif

/* The programs lq runs, with a line each for `lq help`. */
static const struct {
	const char *name, *what;
} tools[] = {
	{ "extract-urls", "find the followers in a saved LinkedIn page (HTML, text or CSV)" },
	{ "scrape", "fetch each follower's profile (Apify, a dataset export, or the cache)" },
	{ "embed", "add an embedding of each profile" },
	{ "classify", "label each lead's industry and company type" },
	{ "score", "score each lead against an ICP" },
	{ "rerank", "rescore leads with a reranker" },
	{ "to-csv", "write the leads as a spreadsheet" },
	{ "review", "make a page to review and judge the leads" },
	{ "feedback", "judgments as data: stats, merge, export, and fit a calibration" },
	{ "cache", "inspect, verify and trim the cache" },
	{ "eval", "measure ranking quality against labels" },
	{ "calls", "fetch discovery-call transcripts" },
	{ "icp-extract", "turn call transcripts into an ICP" },
	{ "icp", "check an ICP file: keys, types, unresolved conflicts" },
	{ "model", "fetch the local encoder's model, or say where it is" },
};

static const struct lq_option options[] = {
	{ "exec-path", 256, NULL, "print the directory the programs are run from and exit" },
	/* -q is also handed to COMMAND (lq -q score ... runs score -q ...) */
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"COMMAND [ARGS...]",
	"Qualify LinkedIn followers against an Ideal Customer Profile.",
	"Commands:\n"
	"  help [COMMAND]   list the commands, or show COMMAND's manual (its --help\n"
	"                   when no manual can be shown)\n"
	"  version          print the version\n"
	"  COMMAND ARGS...  run the program COMMAND (see `lq help`); with -q,\n"
	"                   COMMAND runs quietly too\n"
	"\nThe programs are looked up in $LQ_EXEC_PATH, else in ../libexec/lq\n"
	"beside this executable (an installed lq), else beside it (a build tree).\n",
	options, LQ_COMMON_BASIC, NULL
};

/* Returns the directory holding the programs (static storage). */
static const char *
exec_path(void)
{
	static char dir[PATH_MAX + 32];
	const char *env = getenv("LQ_EXEC_PATH");
	char *self;
	struct stat st;

	if (env && *env)
		return env;
	if ((self = lq_self_dir()) == NULL)
		lq_die(LQ_EXIT_FATAL, "cannot find my own executable (%s); set LQ_EXEC_PATH",
		    lq_argv0 ? lq_argv0 : "no argv[0]");
	snprintf(dir, sizeof dir, "%s/../libexec/lq", self);
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		snprintf(dir, sizeof dir, "%s", self);
	free(self);
	return dir;
}

static int
known(const char *name)
{
	for (size_t i = 0; i < LQ_NELEM(tools); i++)
		if (strcmp(tools[i].name, name) == 0)
			return 1;
	return 0;
}

static void
list(void)
{
	const char *dir = exec_path();

	printf("usage: lq COMMAND [ARGS...]\n\nCommands:\n");
	for (size_t i = 0; i < LQ_NELEM(tools); i++) {
		char *p = lq_xasprintf("%s/%s", dir, tools[i].name);

		if (access(p, X_OK) == 0)
			printf("  %-14s %s\n", tools[i].name, tools[i].what);
		free(p);
	}
	printf("\n`lq help COMMAND` or `lq COMMAND --help` shows a command's options;\n"
	    "`man lq` describes the pipeline, the record and the environment.\n");
}

/* Runs argv (looked up in PATH) and returns its exit status, or -1 when
 * it could not run or was killed. */
static int
spawn(char *const argv[])
{
	pid_t pid;
	int st;

	fflush(stdout);
	pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* `lq help NAME`: on a terminal, the man page lq-NAME(1), from the build
 * tree's docs/man when lq runs there, else from the installed pages; when
 * no page can be shown (no terminal, no man, not installed), NAME --help. */
static void
help(const char *name)
{
	if (isatty(STDOUT_FILENO)) {
		char *page = lq_xasprintf("%s/../docs/man/lq-%s.1", exec_path(), name);
		char *topic = lq_xasprintf("lq-%s", name);
		char *local[] = { "man", "-l", page, NULL };
		char *installed[] = { "man", topic, NULL };
		int st = -1;

		if (!known(name) || strchr(name, '/'))
			lq_die(LQ_EXIT_USAGE, "'%s' is not an lq command; see 'lq help'", name);
		if (access(page, R_OK) == 0)
			st = spawn(local);
		else
			st = spawn(installed);
		free(page);
		free(topic);
		if (st == 0)
			exit(0);
	}
}

/* Runs the program name with argv (argv[0] is replaced by its path); with
 * lq -q, the program gets -q as its first argument. */
static void __attribute__((noreturn))
run(const char *name, int argc, char **argv)
{
	char *path, **av = lq_xcalloc((size_t)argc + 2, sizeof *av);
	int k = 0;

	if (!known(name) || strchr(name, '/'))
		lq_die(LQ_EXIT_USAGE, "'%s' is not an lq command; see 'lq help'", name);
	path = lq_xasprintf("%s/%s", exec_path(), name);
	av[k++] = path;
	if (lq_quiet)
		av[k++] = "-q";
	for (int i = 1; i < argc; i++)
		av[k++] = argv[i];
	av[k] = NULL;
	execv(path, av);
	lq_die_errno(errno == ENOENT ? LQ_EXIT_USAGE : LQ_EXIT_FATAL, "cannot run %s", path);
}

int
main(int argc, char **argv)
{
	const char *arg;
	int c;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		if (c == 256) {
			printf("%s\n", exec_path());
			lq_close_stdout();
			return 0;
		}
	}
	argc -= optind;
	argv += optind;
	if (argc == 0)
		lq_usage(&cmd);
	if (strcmp(argv[0], "help") == 0) {
		if (argc > 1) {
			char *av[] = { argv[1], "--help", NULL };

			help(argv[1]);
			run(argv[1], 2, av);
		}
		list();
		lq_close_stdout();
		return 0;
	}
	if (strcmp(argv[0], "version") == 0) {
		printf("lq %s\n", LQ_VERSION);
		lq_close_stdout();
		return 0;
	}
	run(argv[0], argc, argv);
}
