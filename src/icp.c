/* icp.c: check ICP files (docs/icp.md): keys, types, values, unresolved conflicts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "icp.h"
#include "match.h"
#include "opts.h"
#include "run.h"
#include "util.h"

/* Same bound as score and rerank (common/icp.c lq_icp_load). */
#define ICP_MAX ((size_t)16 << 20)

static const struct lq_option no_options[] = {
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd main_cmd = {
	"check FILE...",
	"Check Ideal Customer Profile files as score, rerank and icp-extract read them.",
	"Subcommands (each has --help):\n"
	"  check    validate each FILE and list its unresolved conflicts\n"
	"\nThe format: docs/icp.md and lq-icp(1); a JSON Schema of it is installed\n"
	"as share/lq/schema/icp.schema.json.\n",
	no_options, LQ_COMMON_BASIC,
	"1 not a valid ICP, or an unresolved conflict"
};

static const struct lq_cmd check_cmd = {
	"FILE...",
	"Validate each ICP FILE (- is standard input): JSON, known keys, value types,\n"
	"company sizes, regions (places lq knows), duplicates, lengths, at least one\n"
	"criterion, and the "
	"annotations icp-extract writes; then list the values that are both a\n"
	"target and an exclusion (unresolved conflicts).",
	"Prints \"FILE: ok (...)\" with the criteria counted, or the conflicts, on\n"
	"stdout; a problem as \"FILE: line N: what\" on stderr. Notes on stderr say\n"
	"what a valid file leaves out of the score (e.g. notes only).\n"
	"Exit 1 when a FILE is not a valid ICP or has an unresolved conflict; 3 when\n"
	"a FILE cannot be read.\n",
	no_options, LQ_COMMON_BASIC,
	"1 not a valid ICP, or an unresolved conflict"
};

static void
count(struct lq_buf *b, size_t n, const char *one, const char *many)
{
	if (n == 0)
		return;
	if (b->len)
		lq_buf_adds(b, ", ");
	lq_buf_addf(b, "%zu %s", n, n == 1 ? one : many);
}

/* Checks one file; returns 0 when it is valid and without conflicts,
 * LQ_EXIT_FAILED when it is not, LQ_EXIT_FATAL when it cannot be read. */
static int
check(const char *path)
{
	struct lq_buf text = LQ_BUF_INIT, what = LQ_BUF_INIT;
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct lq_icp *icp;
	char err[1024];
	int rc = 0, r;
	FILE *fp;

	fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (fp == NULL) {
		lq_warn_errno("%s", path);
		return LQ_EXIT_FATAL;
	}
	r = lq_read_all(fp, ICP_MAX, &text);
	if (fp != stdin)
		fclose(fp);
	if (r == -1) {
		lq_warn_errno("%s", name);
		lq_buf_free(&text);
		return LQ_EXIT_FATAL;
	}
	if (r == -2) {
		lq_warn("%s: larger than %zu MB: not an ICP file", name, ICP_MAX >> 20);
		lq_buf_free(&text);
		return LQ_EXIT_FAILED;
	}
	icp = lq_icp_parse_strict(text.data ? text.data : "", text.len, name, err, sizeof err);
	lq_buf_free(&text);
	if (icp == NULL) {
		lq_warn("%s", err);
		return LQ_EXIT_FAILED;
	}
	count(&what, icp->target_titles.n, "target title", "target titles");
	count(&what, icp->exclude_titles.n, "excluded title", "excluded titles");
	count(&what, icp->target_industries.n, "target industry", "target industries");
	count(&what, icp->company_sizes.n, "company size", "company sizes");
	count(&what, icp->target_keywords.n, "keyword", "keywords");
	if (icp->notes[0]) {
		if (what.len)
			lq_buf_adds(&what, ", ");
		lq_buf_adds(&what, "notes");
	}
	if (icp->has_regions) {
		if (what.len)
			lq_buf_adds(&what, ", ");
		if (icp->regions_include.n + icp->regions_exclude.n == 0)
			lq_buf_adds(&what, "regions: anywhere");
		else
			lq_buf_addf(&what, "regions: %zu included, %zu excluded", icp->regions_include.n,
			    icp->regions_exclude.n);
	}
	if (icp->conflicts.n) {
		printf("%s: %zu unresolved conflict%s (%s):\n", name, icp->conflicts.n,
		    icp->conflicts.n == 1 ? "" : "s", what.data);
		for (size_t i = 0; i < icp->conflicts.n; i++)
			printf("  %s\n", icp->conflicts.v[i]);
		lq_note("%s: a person decides each conflict and deletes one side; until then a title "
		    "in both lists knocks leads out, and score ignores the _exclude_ lists", name);
		rc = LQ_EXIT_FAILED;
	} else {
		printf("%s: ok (%s)\n", name, what.data);
	}
	for (size_t i = 0; i < icp->stale_conflicts.n; i++)
		lq_note("%s: _conflicts lists \"%s\", no longer both a target and an exclusion: "
		    "the entry can go (icp-extract --merge recomputes the list)", name,
		    icp->stale_conflicts.v[i]);
	if (icp->has_regions && icp->notes[0]) {
		char *p = lq_places(icp->notes);

		if (p)
			lq_note("%s: regions decides where the ICP sells; the places its notes name are "
			    "not read", name);
		free(p);
	}
	if (icp->target_titles.n + icp->target_industries.n + icp->company_sizes.n +
	    icp->target_keywords.n == 0)
		lq_warn("%s: notes are the only criterion: score's structured method (the default) "
		    "gives every lead 0; notes count in --method baseline and in rerank", name);
	lq_buf_free(&what);
	lq_icp_free(icp);
	return rc;
}

int
main(int argc, char **argv)
{
	const char *arg;
	int c, rc = LQ_EXIT_OK;

	lq_init(argv[0]);
	lq_subcommand(&argc, &argv, &main_cmd);
	if (strcmp(argv[0], "check") != 0) {
		lq_warn("unknown subcommand '%s'", argv[0]);
		lq_usage(&main_cmd);
	}
	lq_progname = "icp check";
	optind = 0;	/* GNU getopt: start over on the subcommand's argv */
	while ((c = lq_getopt(argc, argv, &check_cmd, &arg)) != -1)
		lq_usage(&check_cmd);
	if (optind >= argc) {
		lq_warn("no FILE given");
		lq_usage(&check_cmd);
	}
	for (int i = optind; i < argc; i++) {
		int r = check(argv[i]);

		if (r > rc)
			rc = r;
	}
	lq_close_stdout();
	return rc;
}
