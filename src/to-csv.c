/* to-csv.c: lead records to the spreadsheet an account manager sends: RFC 4180, best first, A and B tiers. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "csvout.h"
#include "diag.h"
#include "explain.h"
#include "fieldpath.h"
#include "ndjson.h"
#include "need.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "util.h"

/* The deliverable: what a client reads, in the order they read it. The
 * @ columns are computed (see computed[] below). */
static const char client_columns[] =
    "Rank=@rank,Name=name,Title=@title,Company=company,Tier=@tier,Score=@score,"
    "Reason=@reason,LinkedIn=@link,Location=location";

/* The developer's dump (the original service's export, the classifier's
 * labels, the tier and the figures): --full. */
static const char full_columns[] =
    "Name=name,Profile URL=linkedin_url,Headline=headline,Company=company,"
    "Location=location,Job Title=current_job_titles|job_title,"
    "Industry=@industry,Company Type=@company_type,ICP Score=icp_score,"
    "Tier=tier,Match Reasoning=match_reasoning";

/* What --numbers adds: the figures the Reason leaves out. */
static const char number_columns[] = "ICP Score=icp_score,Match Reasoning=match_reasoning";

enum computed {
	C_NONE, C_RANK, C_TITLE, C_TIER, C_SCORE, C_REASON, C_LINK, C_INDUSTRY, C_COMPANY_TYPE
};

static const struct {
	const char *name;
	enum computed c;
} computed[] = {
	{ "@company_type", C_COMPANY_TYPE },
	{ "@industry", C_INDUSTRY },
	{ "@link", C_LINK },
	{ "@rank", C_RANK },
	{ "@reason", C_REASON },
	{ "@score", C_SCORE },
	{ "@tier", C_TIER },
	{ "@title", C_TITLE },
};

enum {
	OPT_ALL = 256, OPT_EXCEL, OPT_EXCLUDE_FAILED, OPT_FULL, OPT_INCLUDE_FAILED,
	OPT_MIN_SCORE, OPT_MIN_TIER, OPT_NO_BOM, OPT_NO_HEADER, OPT_NO_SORT, OPT_NUMBERS, OPT_RAW
};

static const struct lq_option options[] = {
	{ "all", OPT_ALL, NULL, "keep every lead: no tier cut, unscored leads last" },
	{ "columns", 'c', "SPEC", "columns as [HEADER=]PATH[|PATH...], comma-separated" },
	{ "delimiter", 'd', "CHAR", "field separator: one ASCII character or 'tab' (default ,)" },
	{ "excel", OPT_EXCEL, NULL, "a UTF-8 byte order mark even with --no-header (it is the default)" },
	{ "exclude-failed", OPT_EXCLUDE_FAILED, NULL, "leave failed records out without exit status 5" },
	{ "full", OPT_FULL, NULL, "the developer's columns: headline, industry, figures..." },
	{ "include-failed", OPT_INCLUDE_FAILED, NULL, "also write failed records, with an Error column" },
	{ "min-score", OPT_MIN_SCORE, "N", "leave out leads whose icp_score is below N (0-100) or missing" },
	{ "min-tier", OPT_MIN_TIER, "T", "leave out leads below tier T: A, B (the default), C or D" },
	{ "no-bom", OPT_NO_BOM, NULL, "no UTF-8 byte order mark at the start" },
	{ "no-header", OPT_NO_HEADER, NULL, "write no header row (and no byte order mark)" },
	{ "no-sort", OPT_NO_SORT, NULL, "keep input order and stream rows as they come" },
	{ "numbers", OPT_NUMBERS, NULL, "add the ICP Score and Match Reasoning columns (the figures)" },
	{ "raw", OPT_RAW, NULL, "do not neutralise cells that look like spreadsheet formulas" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[-c SPEC | --full] [--all | --min-tier T] [--include-failed | --exclude-failed] [FILE...]",
	"Write scored leads (NDJSON, stdin or FILEs) as the spreadsheet a client reads.",
	"Default: tiers A and B, best first (score, then id), UTF-8 with a byte order\n"
	"mark, columns Rank, Name, Title, Company, Tier, Score, Reason, LinkedIn,\n"
	"Location. Leads left out are counted in the summary; failed ones make the\n"
	"exit status 5 (INCOMPLETE) unless --include-failed or --exclude-failed.\n"
	"A PATH is a field name followed by .name or [index] steps, e.g.\n"
	"profile.skills[0]; a backslash escapes , = | . [ ] and itself. Computed\n"
	"columns: @rank @title @tier @score @reason @link @industry @company_type.\n"
	"Text cells beginning with = + - @ TAB or CR get a leading ' unless --raw.\n",
	options,
	LQ_COMMON_FILTER,
	"5 failed leads left out (INCOMPLETE); 7 no lead has a score: run score first (ORDER)"
};

/* A kept row: its CSV text in the arena and what it sorts by. Rank cells
 * are filled in at output: ins[rank_at..] holds where, in the row. */
struct row {
	double score;
	int class;		/* 0 scored, 1 unscored, 2 failed */
	size_t seq;
	size_t id_off, id_len;	/* in ids; id_len 0: no id (sorted last) */
	size_t off, len;
	size_t rank_at;
};

static struct lq_columns cols;
static enum computed *kind;	/* per column */
static size_t nrankcols;
static int delim = ',';
static int cell_flags = LQ_CSV_GUARD;
static int include_failed, exclude_failed, no_sort, have_min, all;
static int min_tier = 'B';
static double min_score;

static struct lq_buf arena = LQ_BUF_INIT;	/* every kept row, back to back */
static struct lq_buf ids = LQ_BUF_INIT;		/* their ids, back to back */
static struct row *rows;
static size_t nrows, caprows;
static size_t *ins;
static size_t nins, capins;

static unsigned long long n_failed_left, n_below_min, n_below_tier, n_unscored;
static unsigned long long n_bad_score, n_bad_line;

/* Most warnings about one kind of bad field; the rest are counted. */
#define WARN_MAX 10

static void
put(const char *s, size_t n)
{
	if (n && fwrite(s, 1, n, stdout) != n)
		lq_die_errno(LQ_EXIT_FATAL, "write error");
}

static int
parse_delimiter(const char *s)
{
	if (strcmp(s, "tab") == 0 || strcmp(s, "\t") == 0)
		return '\t';
	if (strlen(s) != 1 || (unsigned char)s[0] >= 0x80 || s[0] < ' ' ||
	    s[0] == '"' || s[0] == '\'')
		lq_die(LQ_EXIT_USAGE, "--delimiter: '%s' is not one ASCII character "
		    "other than a quote (or 'tab')", s);
	return s[0];
}

static int
parse_tier(const char *s)
{
	if ((s[0] >= 'A' && s[0] <= 'D') && s[1] == '\0')
		return s[0];
	if ((s[0] >= 'a' && s[0] <= 'd') && s[1] == '\0')
		return s[0] - 'a' + 'A';
	lq_die(LQ_EXIT_USAGE, "--min-tier: '%s' is not a tier (A, B, C or D)", s);
}

/* Which computed column each column is: a column whose only path is one
 * name starting with @. An unknown @name is a usage error. */
static void
find_computed(void)
{
	kind = lq_xcalloc(cols.n ? cols.n : 1, sizeof *kind);
	for (size_t i = 0; i < cols.n; i++) {
		const struct lq_column *c = &cols.col[i];
		const char *key;
		size_t k;

		if (c->nalt != 1 || c->alt[0].n != 1 || (key = c->alt[0].step[0].key) == NULL ||
		    key[0] != '@')
			continue;
		for (k = 0; k < LQ_NELEM(computed) && strcmp(computed[k].name, key) != 0; k++)
			;
		if (k == LQ_NELEM(computed))
			lq_die(LQ_EXIT_USAGE, "--columns: %s is not a computed column (@rank, @title, @tier, "
			    "@score, @reason, @link, @industry, @company_type)", key);
		kind[i] = computed[k].c;
		if (kind[i] == C_RANK)
			nrankcols++;
	}
}

/* The cell of the Error column: "stage: code: message". */
static void
error_cell(struct lq_buf *b, const json_t *rec, struct lq_buf *t)
{
	const json_t *e = json_object_get(rec, "error");

	lq_buf_reset(t);
	if (json_is_object(e)) {
		const char *f[] = { "stage", "code", "message" };

		for (size_t i = 0; i < LQ_NELEM(f); i++) {
			const json_t *v = json_object_get(e, f[i]);

			if (!json_is_string(v))
				continue;
			if (t->len)
				lq_buf_add(t, ": ", 2);
			lq_buf_add(t, json_string_value(v), json_string_length(v));
		}
	} else if (e != NULL) {
		lq_json_dump(t, e);
	}
	if (t->len == 0)
		lq_buf_adds(t, "failed");
	lq_csv_cell(b, t->data, t->len, delim, cell_flags);
}

static void
text_cell(struct lq_buf *b, const char *s)
{
	if (s)
		lq_csv_cell(b, s, strlen(s), delim, cell_flags);
}

/* Appends the cell of computed column k for rec. */
static void
computed_cell(struct lq_buf *b, enum computed k, const json_t *rec, int failed, struct lq_buf *t)
{
	const json_t *v;
	char url[LQ_EXPLAIN_URL_MAX], tier[2] = { 0, 0 };

	switch (k) {
	case C_TITLE:
		text_cell(b, lq_explain_title(rec));
		break;
	case C_TIER:
		tier[0] = (char)lq_explain_tier(rec);
		text_cell(b, tier);
		break;
	case C_SCORE:
		/* Whole points: the decimals are noise to a reader (they stay
		 * in the NDJSON and in --numbers). */
		v = json_object_get(rec, "icp_score");
		if (json_is_number(v) && isfinite(json_number_value(v)))
			lq_buf_addf(b, "%.0f", floor(json_number_value(v) + 0.5));
		break;
	case C_REASON:
		if (!failed) {
			lq_buf_reset(t);
			if (lq_explain_reason(rec, t))
				lq_csv_cell(b, t->data, t->len, delim, cell_flags);
		}
		break;
	case C_LINK:
		if (lq_explain_link(rec, url))
			text_cell(b, url);
		else
			text_cell(b, lq_rec_str(rec, "linkedin_url"));
		break;
	case C_INDUSTRY:
		text_cell(b, lq_explain_known(lq_rec_str(rec, "industry")));
		break;
	case C_COMPANY_TYPE:
		text_cell(b, lq_explain_known(lq_rec_str(rec, "company_type")));
		break;
	case C_RANK:
	case C_NONE:
		break;
	}
}

/* Appends the CSV line of rec (CRLF included) to b. rank > 0 is written
 * in the rank cells; with rank 0 their places are noted in ins[]. */
static void
build_row(struct lq_buf *b, const json_t *rec, int failed, size_t rank)
{
	static struct lq_buf scratch = LQ_BUF_INIT, t = LQ_BUF_INIT;
	size_t start = b->len;

	for (size_t i = 0; i < cols.n; i++) {
		if (i)
			lq_buf_addc(b, delim);
		if (kind[i] == C_RANK) {
			if (rank) {
				lq_buf_addf(b, "%zu", rank);
			} else {
				if (nins == capins) {
					capins = capins ? 2 * capins : 1024;
					ins = lq_xreallocarray(ins, capins, sizeof *ins);
				}
				ins[nins++] = b->len - start;
			}
		} else if (kind[i] != C_NONE) {
			computed_cell(b, kind[i], rec, failed, &t);
		} else {
			lq_csv_value(b, lq_column_get(&cols.col[i], rec), delim, cell_flags, &scratch);
		}
	}
	if (include_failed) {
		lq_buf_addc(b, delim);
		if (failed)
			error_cell(b, rec, &t);
	}
	/* A lone empty cell would be a blank line, which readers skip. */
	if (b->len == start && !(nrankcols && !rank))
		lq_buf_add(b, "\"\"", 2);
	lq_buf_add(b, "\r\n", 2);
}

static void
header_row(void)
{
	struct lq_buf b = LQ_BUF_INIT;

	/* Headers are the user's own text: no formula guard. */
	for (size_t i = 0; i < cols.n; i++) {
		if (i)
			lq_buf_addc(&b, delim);
		lq_csv_cell(&b, cols.col[i].header, strlen(cols.col[i].header), delim, 0);
	}
	if (include_failed) {
		lq_buf_addc(&b, delim);
		lq_buf_adds(&b, "Error");
	}
	lq_buf_add(&b, "\r\n", 2);
	put(b.data, b.len);
	lq_buf_free(&b);
}

/* Reads the icp_score of rec into *score; returns 1 if it has one. */
static int
get_score(const json_t *rec, double *score, struct lq_reader *r)
{
	const json_t *v = json_object_get(rec, "icp_score");

	if (json_is_number(v)) {
		*score = json_number_value(v);
		return 1;
	}
	if (v != NULL && !json_is_null(v)) {
		if (n_bad_score++ < WARN_MAX)
			lq_warn("%s:%lu: %s: icp_score is not a number; treated as unscored",
			    lq_reader_name(r), lq_reader_line(r), lq_rec_name(rec));
	}
	return 0;
}

/* 1 if a lead that did not fail passes the cut; counts the others. */
static int
passes_cut(const json_t *rec, int scored, double score)
{
	int tier;

	if (have_min && (!scored || score < min_score)) {
		n_below_min++;
		return 0;
	}
	if (all || min_tier == 0)
		return 1;
	tier = lq_explain_tier(rec);
	if (tier == 0) {
		n_unscored++;
		return 0;
	}
	if (tier > min_tier) {
		n_below_tier++;
		return 0;
	}
	return 1;
}

static void
take(json_t *rec, struct lq_reader *r)
{
	static size_t seq, streamed;
	int failed = lq_rec_failed(rec);
	double score = 0;
	int scored = get_score(rec, &score, r);
	const char *id = lq_rec_str(rec, "id");
	struct row *w;

	(void)lq_need_check(r, rec);	/* a whole-run check: decided at the end */
	if (failed && !include_failed) {
		n_failed_left++;
		return;
	}
	if (!failed && !passes_cut(rec, scored, score))
		return;
	if (no_sort) {
		lq_buf_reset(&arena);
		build_row(&arena, rec, failed, ++streamed);
		put(arena.data, arena.len);
	} else {
		if (nrows == caprows) {
			caprows = caprows ? 2 * caprows : 1024;
			rows = lq_xreallocarray(rows, caprows, sizeof *rows);
		}
		w = &rows[nrows++];
		w->score = score;
		w->class = failed ? 2 : scored ? 0 : 1;
		w->seq = seq++;
		w->id_off = ids.len;
		w->id_len = id ? strlen(id) : 0;
		lq_buf_add(&ids, id ? id : "", w->id_len);
		w->rank_at = nins;
		w->off = arena.len;
		build_row(&arena, rec, failed, 0);
		w->len = arena.len - w->off;
	}
	lq_counts.out++;
	if (failed)
		lq_counts.failed_out++;
}

/* Scored rows first, highest score first, then the unscored, then the
 * failed; within those by id (byte order), rows without an id last, and
 * input order only between rows with the same id. The key never depends
 * on how the input was split or ordered. */
static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;
	int c;

	if (x->class != y->class)
		return x->class < y->class ? -1 : 1;
	if (x->class == 0 && x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if ((x->id_len == 0) != (y->id_len == 0))
		return x->id_len == 0 ? 1 : -1;
	c = memcmp(ids.data + x->id_off, ids.data + y->id_off,
	    x->id_len < y->id_len ? x->id_len : y->id_len);
	if (c == 0 && x->id_len != y->id_len)
		c = x->id_len < y->id_len ? -1 : 1;
	if (c)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Writes row w as rank `rank`, its rank cells filled in. */
static void
put_row(const struct row *w, size_t rank)
{
	char num[32];
	size_t pos = 0;

	for (size_t j = 0; j < nrankcols; j++) {
		size_t at = ins[w->rank_at + j];
		int n = snprintf(num, sizeof num, "%zu", rank);

		put(arena.data + w->off + pos, at - pos);
		put(num, (size_t)n);
		pos = at;
	}
	put(arena.data + w->off + pos, w->len - pos);
}

static void
read_file(FILE *fp, const char *name)
{
	struct lq_reader *r = lq_reader_new(fp, name);
	json_t *rec;

	for (;;) {
		unsigned long long here = lq_counts.failed_here;

		if ((rec = lq_reader_next(r)) == NULL)
			break;
		/* The reader turned a line into a failed record: say so, since
		 * the record itself is usually left out of the spreadsheet. */
		if (lq_counts.failed_here != here && n_bad_line++ < WARN_MAX)
			lq_warn("%s", json_string_value(json_object_get(
			    json_object_get(rec, "error"), "message")));
		take(rec, r);
		json_decref(rec);
		lq_progress();
	}
	lq_reader_free(r);
}

int
main(int argc, char **argv)
{
	const char *arg, *spec = client_columns;
	char err[256];
	int c, bom = 1, excel = 0, header = 1, numbers = 0, full = 0, spec_given = 0, tier_given = 0;
	int st;
	FILE **files;
	size_t nfiles;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case 'c': spec = arg; spec_given = 1; break;
		case 'd': delim = parse_delimiter(arg); break;
		case OPT_ALL: all = 1; break;
		case OPT_EXCEL: excel = 1; break;
		case OPT_EXCLUDE_FAILED: exclude_failed = 1; break;
		case OPT_FULL: full = 1; break;
		case OPT_INCLUDE_FAILED: include_failed = 1; break;
		case OPT_MIN_SCORE:
			min_score = lq_parse_double("--min-score", arg, 0, 100);
			have_min = 1;
			break;
		case OPT_MIN_TIER: min_tier = parse_tier(arg); tier_given = 1; break;
		case OPT_NO_BOM: bom = 0; break;
		case OPT_NO_HEADER: header = 0; break;
		case OPT_NO_SORT: no_sort = 1; break;
		case OPT_NUMBERS: numbers = 1; break;
		case OPT_RAW: cell_flags &= ~LQ_CSV_GUARD; break;
		default: lq_usage(&cmd);
		}
	}
	if (include_failed && exclude_failed)
		lq_die(LQ_EXIT_USAGE, "--include-failed and --exclude-failed contradict each other");
	if (all && tier_given)
		lq_die(LQ_EXIT_USAGE, "--all and --min-tier contradict each other");
	if (full && spec_given)
		lq_die(LQ_EXIT_USAGE, "--full and --columns contradict each other");
	if (excel && !bom)
		lq_die(LQ_EXIT_USAGE, "--excel and --no-bom contradict each other");
	/* A score threshold replaces the default tier cut. */
	if (have_min && !tier_given)
		min_tier = 0;
	if (full)
		spec = full_columns;
	if (numbers && !full) {
		char *s = lq_xasprintf("%s,%s", spec, number_columns);

		if (lq_columns_parse(s, &cols, err, sizeof err) < 0)
			lq_die(LQ_EXIT_USAGE, "--columns: %s", err);
		free(s);
	} else if (lq_columns_parse(spec, &cols, err, sizeof err) < 0) {
		lq_die(LQ_EXIT_USAGE, "--columns: %s", err);
	}
	find_computed();
	/* The mark goes with the header: rows appended to a file with
	 * --no-header must not carry one into the middle of it. */
	if (!header && !excel)
		bom = 0;

	/* Open every file first: a missing one stops the run before any
	 * output, rather than after a header and half the rows. */
	nfiles = optind < argc ? (size_t)(argc - optind) : 1;
	files = lq_xcalloc(nfiles, sizeof *files);
	for (size_t i = 0; i < nfiles; i++) {
		const char *name = optind < argc ? argv[optind + (int)i] : "-";

		if (strcmp(name, "-") == 0)
			files[i] = stdin;
		else if ((files[i] = fopen(name, "r")) == NULL)
			lq_die_errno(LQ_EXIT_FATAL, "%s", name);
	}
	if (!spec_given)	/* the lead columns show the score; -c is a plain converter */
		lq_need(LQ_NEED_SCORE, 1);
	if (bom)
		put("\xef\xbb\xbf", 3);
	if (header)
		header_row();
	for (size_t i = 0; i < nfiles; i++) {
		if (files[i] == stdin) {
			read_file(stdin, "<stdin>");
			continue;
		}
		read_file(files[i], argv[optind + (int)i]);
		fclose(files[i]);
	}
	free(files);
	lq_need_end();	/* said before the summary */
	if (!no_sort) {
		if (nrows > 1)
			qsort(rows, nrows, sizeof *rows, row_cmp);
		for (size_t i = 0; i < nrows; i++)
			put_row(&rows[i], i + 1);
	}
	free(rows);
	free(ins);
	free(kind);
	lq_buf_free(&arena);
	lq_buf_free(&ids);
	lq_columns_free(&cols);

	if (n_failed_left)
		lq_summary_add("%llu failed left out", n_failed_left);
	if (n_below_tier)
		lq_summary_add("%llu below tier %c", n_below_tier, min_tier);
	if (n_unscored)
		lq_summary_add("%llu without a score", n_unscored);
	if (n_below_min)
		lq_summary_add("%llu below --min-score", n_below_min);
	if (n_bad_line > WARN_MAX)
		lq_summary_add("%llu more unreadable lines", n_bad_line - WARN_MAX);
	if (n_bad_score > WARN_MAX)
		lq_summary_add("%llu more non-numeric icp_scores", n_bad_score - WARN_MAX);
	if (n_failed_left && !exclude_failed)
		lq_warn("%llu failed lead%s left out of the spreadsheet (exit %d): --include-failed "
		    "lists them with their error, --exclude-failed accepts leaving them out",
		    n_failed_left, n_failed_left == 1 ? "" : "s", LQ_EXIT_INCOMPLETE);
	st = lq_finish();
	if (st == LQ_EXIT_OK && n_failed_left && !exclude_failed)
		st = LQ_EXIT_INCOMPLETE;
	return st;
}
