/* extract-urls: one "discovered" record per follower found in saved pages, text or CSV. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
#include "followers.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "util.h"

enum { OPT_FORMAT = 'f', OPT_SOURCE = 's' };

/* A non-empty input gave nobody (docs/exit-codes.md). */
enum { EXIT_NOBODY = LQ_EXIT_FAILED };

static const struct lq_option options[] = {
	{ "format", OPT_FORMAT, "KIND", "input kind: auto (default), html, text or csv" },
	{ "source", OPT_SOURCE, "NAME", "name standard input NAME in \"source\" and messages" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[FILE...]",
	"Find the followers in saved LinkedIn pages, text or CSV lists; one record each.",
	"Reads each FILE (standard input without FILE or for \"-\"): a saved followers or\n"
	"connections page (HTML), text with profile URLs, or a CSV list with a URL column\n"
	"(LinkedIn's Connections.csv). Writes one NDJSON record per distinct person, in\n"
	"first-seen order: id, linkedin_url, public_identifier, status \"discovered\",\n"
	"source, and name, headline (and company from CSV) when the input shows them.\n"
	"The page owner (linked from the header or navigation) and people mentioned\n"
	"in running text are left out. Single-file (MHTML) saves, Safari web archives\n"
	"and UTF-16/32 text are decoded. A non-empty input that holds nobody (a\n"
	"sign-in page, a list saved before it loaded, ...) is named with what to do,\n"
	"and the exit status is 1; `lq help extract-urls` says how to save the page.\n",
	options,
	LQ_COMMON_BASIC,
	"1 a non-empty input held nobody"
};

static const char *const fmt_names[] = { "auto", "html", "text", "csv" };

/* Where every "how to save it" message points. */
#define SEE_SAVING "see SAVING THE PAGE in lq-extract-urls(1)"

/* Says what one input gave, or why it gave nobody; returns 1 when a
 * non-empty input gave nobody (a wrong save: the run fails). */
static int
report(const char *name, const struct lq_extract_stats *st)
{
	size_t skipped = 0, i;
	struct lq_buf b = LQ_BUF_INIT;
	char what[160];
	enum lq_format fmt = st->format;

	for (i = 0; i < LQ_NELEM(st->rejected); i++)
		skipped += st->rejected[i];
	if (st->unreadable) {
		lq_warn("%s: %s: no page to read in it; save the page again (%s)", name,
		    st->saved.err, SEE_SAVING);
		return 1;
	}
	if (lq_saved_describe(&st->saved, what, sizeof what)[0] != '\0')
		lq_note("%s: %s, decoded", name, what);
	if (st->binary && st->cards == 0) {
		lq_warn("%s: %s, not a saved page or list: no follower in it (%s)", name,
		    st->binary_kind != NULL ? st->binary_kind : "not text (binary data)", SEE_SAVING);
		return 1;
	}
	if (st->binary)
		lq_warn("%s: not text (binary data?); scanned for profile links anyway", name);
	if (st->flat)
		lq_warn("%s: markup nested deeper than %d levels: scanned as text, without "
		    "cards, names or page chrome", name, LQ_HTML_MAX_DEPTH);
	if (st->no_url_column) {
		lq_warn("%s: CSV without a profile URL column (columns: %s): no follower in it; "
		    "export the list with its LinkedIn profile URL column (Connections.csv has "
		    "\"URL\")", name, st->columns[0] != '\0' ? st->columns : "none");
		return 1;
	}
	if (st->url_column[0] != '\0')
		lq_note("%s: no column is named URL: profile links read from %s", name,
		    st->url_column);
	if (st->rows_without_url > 0)
		lq_warn("%s: %zu rows without a profile URL", name, st->rows_without_url);
	if (st->cards == 0) {
		const struct lq_page_info *pg = &st->page;

		if (fmt != LQ_FMT_HTML || st->flat) {
			lq_warn("%s: no LinkedIn profile link in it (%s input, %zu LinkedIn links "
			    "looked at)", name, fmt_names[fmt], st->links);
		} else if (pg->kind == LQ_PAGE_FOLLOWERS || pg->kind == LQ_PAGE_CONNECTIONS) {
			lq_warn("%s: %s (%s) with no follower card in it: %s (%s)", name,
			    lq_page_kind_name(pg->kind), pg->why, lq_page_kind_advice(pg->kind),
			    SEE_SAVING);
		} else {
			lq_warn("%s: %s%s%s%s, no follower in it: %s (%s)", name,
			    lq_page_kind_name(pg->kind), pg->why[0] != '\0' ? " (" : "", pg->why,
			    pg->why[0] != '\0' ? ")" : "", lq_page_kind_advice(pg->kind), SEE_SAVING);
		}
		return 1;
	}
	if (fmt == LQ_FMT_HTML && !st->flat) {
		const struct lq_page_info *pg = &st->page;

		if (pg->kind == LQ_PAGE_SIGNIN || pg->kind == LQ_PAGE_NOT_FOUND ||
		    pg->kind == LQ_PAGE_REDIRECT)
			lq_warn("%s: %s (%s): the %zu people found are those it links to, not "
			    "followers; %s (%s)", name, lq_page_kind_name(pg->kind), pg->why,
			    st->added, lq_page_kind_advice(pg->kind), SEE_SAVING);
		else if (pg->kind == LQ_PAGE_PROFILE)
			lq_note("%s: %s (%s): the people found are those it shows, not its "
			    "followers", name, lq_page_kind_name(pg->kind), pg->why);
	}
	lq_buf_addf(&b, "%s: %zu people from %zu %s", name, st->added, st->cards,
	    fmt == LQ_FMT_HTML && !st->flat ? "cards" : fmt == LQ_FMT_CSV ? "rows" : "links");
	if (st->owner > 0)
		lq_buf_addf(&b, ", page owner left out");
	if (st->chrome > 0)
		lq_buf_addf(&b, ", %zu links in page chrome", st->chrome);
	if (st->mentions > 0)
		lq_buf_addf(&b, ", %zu mentions in posts and notes left out", st->mentions);
	if (skipped > 0)
		lq_buf_addf(&b, ", %zu non-profile LinkedIn links", skipped);
	if (st->rejected[LQ_LIURL_SHORT_LINK] > 0)
		lq_buf_addf(&b, " (%zu lnkd.in short links)", st->rejected[LQ_LIURL_SHORT_LINK]);
	lq_note("%s", b.data);
	lq_buf_free(&b);
	return 0;
}

/* 1 if buf[0..n) holds nothing but white space. */
static int
blank(const char *buf, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r' && buf[i] != '\n')
			return 0;
	return 1;
}

int
main(int argc, char **argv)
{
	enum lq_format fmt = LQ_FMT_AUTO;
	const char *arg, *stdin_name = "<stdin>";
	struct lq_people *pp;
	int c, status = LQ_EXIT_OK, i, nfiles, nobody = 0;
	size_t k, cards = 0;
	char *stdin_files[] = { "-", NULL };
	char **files;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_FORMAT:
			for (k = 0; k < LQ_NELEM(fmt_names) && strcmp(arg, fmt_names[k]) != 0; k++)
				;
			if (k == LQ_NELEM(fmt_names))
				lq_die(LQ_EXIT_USAGE, "--format: unknown kind '%s' (auto, html, text, csv)", arg);
			fmt = (enum lq_format)k;
			break;
		case OPT_SOURCE:
			stdin_name = arg;
			break;
		default:
			lq_usage(&cmd);
		}
	}
	files = optind < argc ? argv + optind : stdin_files;
	nfiles = optind < argc ? argc - optind : 1;

	pp = lq_people_new();
	for (i = 0; i < nfiles; i++) {
		const char *name = strcmp(files[i], "-") == 0 ? stdin_name : files[i];
		FILE *fp = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "rb");
		struct lq_buf b = LQ_BUF_INIT;
		struct lq_extract_stats st;

		if (fp == NULL) {
			lq_warn_errno("%s", name);
			status = LQ_EXIT_FATAL;
			continue;
		}
		if (lq_read_all(fp, 0, &b) < 0) {
			lq_warn_errno("%s: read error", name);
			status = LQ_EXIT_FATAL;
			if (fp != stdin)
				fclose(fp);
			lq_buf_free(&b);
			continue;
		}
		if (fp != stdin)
			fclose(fp);
		if (blank(b.data, b.len)) {
			lq_warn("%s: empty input, no followers", name);
			lq_buf_free(&b);
			continue;
		}
		lq_extract(pp, b.data, b.len, fmt, name, &st);
		cards += st.cards;
		nobody += report(name, &st);
		lq_buf_free(&b);
	}

	for (k = 0; k < lq_people_len(pp); k++) {
		const struct lq_person *p = lq_people_at(pp, k);
		json_t *rec;

		if (p->merged)
			continue;
		rec = json_object();
		lq_rec_set_str(rec, "id", p->id);
		lq_rec_set_str(rec, "linkedin_url", p->url);
		lq_rec_set_str(rec, "public_identifier", p->path_id);
		lq_rec_set_status(rec, "discovered");
		lq_rec_set_str(rec, "source", p->source);
		lq_rec_set_str(rec, "name", p->name);
		lq_rec_set_str(rec, "headline", p->headline);
		lq_rec_set_str(rec, "company", p->company);
		lq_write(rec);
		json_decref(rec);
	}
	lq_counts.in = cards;
	if (cards > lq_counts.out)
		lq_summary_add("%llu duplicates merged", (unsigned long long)(cards - lq_counts.out));
	lq_people_free(pp);
	c = lq_finish();
	if (status == LQ_EXIT_OK && nobody > 0)
		status = EXIT_NOBODY;
	return status != LQ_EXIT_OK ? status : c;
}
