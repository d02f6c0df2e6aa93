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
	"The page owner (linked from the header or navigation) is left out.\n",
	options,
	LQ_COMMON_BASIC
};

static const char *const fmt_names[] = { "auto", "html", "text", "csv" };

/* Says what one input gave, or why it gave nothing. */
static void
report(const char *name, const char *buf, size_t n, enum lq_format fmt,
    const struct lq_extract_stats *st)
{
	size_t skipped = 0, i;
	struct lq_buf b = LQ_BUF_INIT;

	for (i = 0; i < LQ_NELEM(st->rejected); i++)
		skipped += st->rejected[i];
	if (memchr(buf, '\0', n) != NULL || !lq_utf8_valid(buf, n < 4096 ? n : 4096 - 3))
		lq_warn("%s: not text (binary data?); scanned for profile links anyway", name);
	if (st->flat)
		lq_warn("%s: markup nested deeper than %d levels: scanned as text, without "
		    "cards, names or page chrome", name, LQ_HTML_MAX_DEPTH);
	if (st->no_url_column)
		lq_warn("%s: CSV without a URL column header: scanned as text", name);
	if (st->rows_without_url > 0)
		lq_warn("%s: %zu rows without a profile URL", name, st->rows_without_url);
	if (st->cards == 0) {
		lq_warn("%s: no profile links found (%s input, %zu LinkedIn links looked at)",
		    name, fmt_names[fmt], st->links);
		return;
	}
	lq_buf_addf(&b, "%s: %zu people from %zu %s", name, st->added, st->cards,
	    fmt == LQ_FMT_HTML && !st->flat ? "cards" : fmt == LQ_FMT_CSV ? "rows" : "links");
	if (st->owner > 0)
		lq_buf_addf(&b, ", page owner left out");
	if (st->chrome > 0)
		lq_buf_addf(&b, ", %zu links in page chrome", st->chrome);
	if (skipped > 0)
		lq_buf_addf(&b, ", %zu non-profile LinkedIn links", skipped);
	if (st->rejected[LQ_LIURL_SHORT_LINK] > 0)
		lq_buf_addf(&b, " (%zu lnkd.in short links)", st->rejected[LQ_LIURL_SHORT_LINK]);
	lq_note("%s", b.data);
	lq_buf_free(&b);
}

int
main(int argc, char **argv)
{
	enum lq_format fmt = LQ_FMT_AUTO;
	const char *arg, *stdin_name = "<stdin>";
	struct lq_people *pp;
	int c, status = LQ_EXIT_OK, i, nfiles;
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
		enum lq_format f;

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
		if (b.len == 0) {
			lq_warn("%s: empty input, no followers", name);
			continue;
		}
		f = fmt != LQ_FMT_AUTO ? fmt : lq_detect_format(b.data, b.len);
		lq_extract(pp, b.data, b.len, f, name, &st);
		cards += st.cards;
		report(name, b.data, b.len, f, &st);
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
	return status != LQ_EXIT_OK ? status : c;
}
