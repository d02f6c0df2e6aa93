/* to-csv.c: lead records to an RFC 4180 spreadsheet, best ICP score first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "csvout.h"
#include "diag.h"
#include "fieldpath.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "util.h"

/* The columns of the original service's export, plus the classifier's
 * labels and the tier; a job title falls back to a single job_title. */
static const char default_columns[] =
    "Name=name,Profile URL=linkedin_url,Headline=headline,Company=company,"
    "Location=location,Job Title=current_job_titles|job_title,"
    "Industry=industry,Company Type=company_type,ICP Score=icp_score,"
    "Tier=tier,Match Reasoning=match_reasoning";

enum {
	OPT_EXCEL = 256, OPT_INCLUDE_FAILED, OPT_MIN_SCORE, OPT_NO_HEADER,
	OPT_NO_SORT, OPT_RAW
};

static const struct lq_option options[] = {
	{ "columns", 'c', "SPEC", "columns as [HEADER=]PATH[|PATH...], comma-separated" },
	{ "delimiter", 'd', "CHAR", "field separator: one ASCII character or 'tab' (default ,)" },
	{ "excel", OPT_EXCEL, NULL, "begin with a UTF-8 byte order mark for spreadsheet apps" },
	{ "include-failed", OPT_INCLUDE_FAILED, NULL, "also write failed records, with an Error column" },
	{ "min-score", OPT_MIN_SCORE, "N", "leave out records whose icp_score is below N (0-100) or missing" },
	{ "no-header", OPT_NO_HEADER, NULL, "write no header row" },
	{ "no-sort", OPT_NO_SORT, NULL, "keep input order and stream rows as they come" },
	{ "raw", OPT_RAW, NULL, "do not neutralise cells that look like spreadsheet formulas" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[FILE...]",
	"Write lead records (NDJSON, stdin or FILEs) as CSV, highest icp_score first.",
	"Default columns:\n"
	"  Name=name, Profile URL=linkedin_url, Headline=headline, Company=company,\n"
	"  Location=location, Job Title=current_job_titles|job_title, Industry=industry,\n"
	"  Company Type=company_type, ICP Score=icp_score, Tier=tier,\n"
	"  Match Reasoning=match_reasoning\n"
	"A PATH is a field name followed by .name or [index] steps, e.g.\n"
	"profile.skills[0]; a backslash escapes , = | . [ ] and itself.\n"
	"Text cells beginning with = + - @ TAB or CR get a leading ' unless --raw.\n",
	options,
	LQ_COMMON_FILTER
};

/* A kept row: its CSV text in the arena and what it sorts by. */
struct row {
	double score;
	int scored;
	size_t seq;
	size_t off, len;
};

static struct lq_columns cols;
static int delim = ',';
static int cell_flags = LQ_CSV_GUARD;
static int include_failed, no_sort, have_min;
static double min_score;

static struct lq_buf arena = LQ_BUF_INIT;	/* every kept row, back to back */
static struct row *rows;
static size_t nrows, caprows;

static unsigned long long n_failed_left, n_below_min, n_bad_score, n_bad_line;

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

/* Appends the CSV line of rec (CRLF included) to b. */
static void
build_row(struct lq_buf *b, const json_t *rec, int failed)
{
	static struct lq_buf scratch = LQ_BUF_INIT, t = LQ_BUF_INIT;
	size_t start = b->len;

	for (size_t i = 0; i < cols.n; i++) {
		if (i)
			lq_buf_addc(b, delim);
		lq_csv_value(b, lq_column_get(&cols.col[i], rec), delim, cell_flags, &scratch);
	}
	if (include_failed) {
		lq_buf_addc(b, delim);
		if (failed)
			error_cell(b, rec, &t);
	}
	/* A lone empty cell would be a blank line, which readers skip. */
	if (b->len == start)
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
			lq_warn("%s:%lu: %s: icp_score is not a number; sorted after the scored rows",
			    lq_reader_name(r), lq_reader_line(r), lq_rec_name(rec));
	}
	return 0;
}

static void
take(json_t *rec, struct lq_reader *r)
{
	static size_t seq;
	int failed = lq_rec_failed(rec);
	double score = 0;
	int scored = get_score(rec, &score, r);
	struct row *w;

	if (failed && !include_failed) {
		n_failed_left++;
		return;
	}
	if (!failed && have_min && (!scored || score < min_score)) {
		n_below_min++;
		return;
	}
	if (no_sort) {
		lq_buf_reset(&arena);
		build_row(&arena, rec, failed);
		put(arena.data, arena.len);
	} else {
		if (nrows == caprows) {
			caprows = caprows ? 2 * caprows : 1024;
			rows = lq_xreallocarray(rows, caprows, sizeof *rows);
		}
		w = &rows[nrows++];
		w->score = score;
		w->scored = scored;
		w->seq = seq++;
		w->off = arena.len;
		build_row(&arena, rec, failed);
		w->len = arena.len - w->off;
	}
	lq_counts.out++;
	if (failed)
		lq_counts.failed_out++;
}

/* Scored rows first, highest score first; ties and unscored rows keep
 * input order (seq), which makes qsort stable. */
static int
row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->scored != y->scored)
		return x->scored ? -1 : 1;
	if (x->scored && x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
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
	const char *arg, *spec = default_columns;
	char err[256];
	int c, excel = 0, header = 1;
	FILE **files;
	size_t nfiles;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case 'c': spec = arg; break;
		case 'd': delim = parse_delimiter(arg); break;
		case OPT_EXCEL: excel = 1; break;
		case OPT_INCLUDE_FAILED: include_failed = 1; break;
		case OPT_MIN_SCORE:
			min_score = lq_parse_double("--min-score", arg, 0, 100);
			have_min = 1;
			break;
		case OPT_NO_HEADER: header = 0; break;
		case OPT_NO_SORT: no_sort = 1; break;
		case OPT_RAW: cell_flags &= ~LQ_CSV_GUARD; break;
		default: lq_usage(&cmd);
		}
	}
	if (lq_columns_parse(spec, &cols, err, sizeof err) < 0)
		lq_die(LQ_EXIT_USAGE, "--columns: %s", err);

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
	if (excel)
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
	if (!no_sort) {
		if (nrows > 1)
			qsort(rows, nrows, sizeof *rows, row_cmp);
		for (size_t i = 0; i < nrows; i++)
			put(arena.data + rows[i].off, rows[i].len);
	}
	free(rows);
	lq_buf_free(&arena);
	lq_columns_free(&cols);

	if (n_failed_left)
		lq_summary_add("%llu failed left out", n_failed_left);
	if (n_below_min)
		lq_summary_add("%llu below --min-score", n_below_min);
	if (n_bad_line > WARN_MAX)
		lq_summary_add("%llu more unreadable lines", n_bad_line - WARN_MAX);
	if (n_bad_score > WARN_MAX)
		lq_summary_add("%llu more non-numeric icp_scores", n_bad_score - WARN_MAX);
	return lq_finish();
}
