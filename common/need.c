/* need.c: a stage checks that the stages before it ran (need.h). */
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "ndjson.h"
#include "need.h"
#include "record.h"
#include "run.h"
#include "util.h"

static enum lq_need_what need;
static int whole, tripped, decided, ended;
static unsigned long long live, have, objects, lines;
static char first_where[200];
static const struct missing *first_missing;	/* whole run: what the leads lack */

void
lq_need(enum lq_need_what what, int whole_run)
{
	need = what;
	whole = whole_run || what == LQ_NEED_RECORDS;
	lq_run_finish_hook = lq_need_end;
}

int
lq_need_tripped(void)
{
	return tripped;
}

/* The pipeline in order up to this program, for the message: rerank and
 * review only when it is this program (rerank is optional; review is
 * beside to-csv, not before it). */
static void
pipeline(struct lq_buf *b)
{
	static const char *const stages[][2] = {
		{ "extract-urls", "extract-urls PAGE" }, { "scrape", "scrape" }, { "embed", "embed" },
		{ "classify", "classify" }, { "score", "score ICP" }, { "rerank", "rerank ICP" },
		{ "review", "review ICP > review.html" }, { "to-csv", "to-csv > leads.csv" },
	};
	size_t i, n = sizeof stages / sizeof stages[0];

	for (i = 0; i < n; i++)
		if (strcmp(stages[i][0], lq_progname) == 0)
			break;
	if (i == n)
		i = n - 1;
	for (size_t k = 0; k <= i; k++) {
		if ((strcmp(stages[k][0], "rerank") == 0 || strcmp(stages[k][0], "review") == 0) &&
		    strcmp(lq_progname, stages[k][0]) != 0)
			continue;
		if (k)
			lq_buf_adds(b, " | ");
		lq_buf_adds(b, stages[k][1]);
	}
}

/* Says once what is wrong and what to run first, and remembers it. */
static void
trip(const char *where, const char *what, const char *first)
{
	struct lq_buf b = LQ_BUF_INIT;

	tripped = 1;
	lq_run_order_error = 1;
	pipeline(&b);
	lq_warn("%s: %s; run %s first: %s (%s; exit %d)", where, what, first, b.data,
	    need == LQ_NEED_RECORDS ? "each line is written as a failed record" :
	    strcmp(lq_progname, "review") == 0 ? "the page has no lead to judge" :
	    strncmp(lq_progname, "feedback", 8) == 0 ? "nothing was recorded" :
	    whole ? "nothing was left out" : "every record passes on unchanged", LQ_EXIT_ORDER);
	lq_buf_free(&b);
}

/* 1 if rec is a lead: it has an identity (extract-urls gives every lead
 * one). Records that are not leads, like failed ones, are no evidence
 * either way: the stage handles them one by one as before. */
static int
is_lead(const json_t *rec)
{
	return lq_rec_str(rec, "id") || lq_rec_str(rec, "linkedin_url") || lq_rec_str(rec, "public_identifier");
}

/* What a stage that never ran leaves out. */
struct missing {
	const char *field, *what, *first;
};

static const struct missing never_scraped = { "profile", "these records were never scraped", "scrape" };
static const struct missing never_embedded = { "embedding", "these records were never embedded", "embed" };
static const struct missing never_scored = { "icp_score", "these records were never scored", "score ICP" };

/* What live rec lacks of what is needed (the earliest stage first), or
 * NULL when it has it all. */
static const struct missing *
lacks(const json_t *rec)
{
	const json_t *v;

	switch (need) {
	case LQ_NEED_PROFILE:
		return lq_rec_scraped(rec) ? NULL : &never_scraped;
	case LQ_NEED_EMBEDDING:
		if (!lq_rec_scraped(rec))
			return &never_scraped;
		v = json_object_get(rec, "embedding");
		return v != NULL && !json_is_null(v) ? NULL : &never_embedded;
	case LQ_NEED_SCORE:
		v = json_object_get(rec, "icp_score");
		return v != NULL && !json_is_null(v) ? NULL : &never_scored;
	default:
		return NULL;
	}
}

/* What a first line that is not a record looks like, from its text. */
static const char *
not_records(const json_t *rec)
{
	const char *raw = lq_rec_str(rec, "raw");

	if (raw == NULL)
		return "input is not text (line 1 is not UTF-8), not records";
	raw += strspn(raw, " \t\xef\xbb\xbf");
	if (raw[0] == '<')
		return "input is an HTML page, not records";
	if (strncasecmp(raw, "MIME-Version:", 13) == 0 || strncasecmp(raw, "From:", 5) == 0)
		return "input is a saved web page (MHTML), not records";
	/* A pretty-printed or one-line JSON array or object; a line that
	 * starts like a record and breaks off is a broken record. */
	if (raw[0] == '[' || (raw[0] == '{' && raw[1 + strspn(raw + 1, " \t\r")] == '\0'))
		return "input is a JSON document, not records (one JSON object per line; "
		    "an Apify dataset goes to --from-dataset)";
	if (raw[0] == '{')
		return NULL;	/* a broken record */
	if (strncasecmp(raw, "http", 4) == 0 || strncasecmp(raw, "www.", 4) == 0 || strstr(raw, "linkedin.com/"))
		return "input is a list of links, not records";
	return NULL;	/* a bad line, perhaps, among records: the end decides */
}

/* 1 if rec is the reader's failed record for a line that is not a JSON
 * object. */
static int
not_object(const json_t *rec)
{
	const json_t *e = json_object_get(rec, "error");
	const char *code = json_string_value(json_object_get(e, "code"));
	const char *stage = json_string_value(json_object_get(e, "stage"));

	return lq_rec_failed(rec) && code && stage && strcmp(stage, lq_progname) == 0 &&
	    (strcmp(code, "invalid_json") == 0 || strcmp(code, "not_object") == 0);
}

int
lq_need_check(const struct lq_reader *r, const json_t *rec)
{
	char where[256];
	const struct missing *m;

	if (tripped)
		return 0;
	if (need == 0 || decided)
		return 1;
	if (need == LQ_NEED_RECORDS) {
		/* A page, a list of links or a JSON document is known from its
		 * first line; any other input that holds no record at all is
		 * known at its end (each line failed alone costs nothing). */
		const char *kind;

		if (!not_object(rec)) {
			objects++;
			return 1;
		}
		if (lines++ == 0 && objects == 0) {
			snprintf(first_where, sizeof first_where, "%s:%lu", lq_reader_name(r), lq_reader_line(r));
			if ((kind = not_records(rec)) != NULL) {
				trip(first_where, kind, "extract-urls");
				return 0;
			}
		}
		return 1;
	}
	if (lq_rec_failed(rec) || !is_lead(rec))
		return 1;
	live++;
	if ((m = lacks(rec)) == NULL) {
		have++;
		if (!whole)
			decided = 1;
		return 1;
	}
	if (whole) {
		if (first_missing == NULL || m == &never_scraped)
			first_missing = m;
		return 1;
	}
	decided = 1;
	snprintf(where, sizeof where, "%s:%lu: %s has no %s", lq_reader_name(r), lq_reader_line(r),
	    lq_rec_name(rec), m->field);
	trip(where, m->what, m->first);
	return 0;
}

void
lq_need_end(void)
{
	char what[160];

	if (ended || !whole || tripped)
		return;
	ended = 1;
	if (need == LQ_NEED_RECORDS) {
		if (objects == 0 && lines > 0) {
			snprintf(what, sizeof what, "none of the %llu line%s read is a record", lines,
			    lines == 1 ? "" : "s");
			trip(first_where, what, "extract-urls");
		}
		return;
	}
	if (live == 0 || have > 0)
		return;
	snprintf(what, sizeof what, "none of the %llu lead%s that did not fail has %s %s", live,
	    live == 1 ? "" : "s", first_missing->field[0] == 'i' || first_missing->field[0] == 'e' ? "an" : "a",
	    first_missing->field);
	trip(what, first_missing->what, first_missing->first);
}
