/* followers.c: finding followers: the input kinds, text and CSV lists. */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "diag.h"
#include "followers-int.h"
#include "pagekind.h"
#include "savedpage.h"

/* ------------------------------------------------- helpers for the parts */

int
lq_fol_has_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i, j;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k && lq_fol_lower((unsigned char)s[i + j]) == w[j]; j++)
			;
		if (j == k)
			return 1;
	}
	return 0;
}

int
lq_fol_take_link(const char *s, size_t n, struct lq_liurl *u, struct lq_extract_stats *st)
{
	int r = lq_liurl_parse(s, n, u);

	if (r == LQ_LIURL_NOT_LINKEDIN || r == LQ_LIURL_EMPTY)
		return 0;
	st->links++;
	if (r != LQ_LIURL_OK) {
		st->rejected[r]++;
		return 0;
	}
	st->profiles++;
	return 1;
}

void
lq_fol_add_text(struct lq_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && b->len < LQ_FOL_MAX_TEXT; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				lq_buf_addc(b, ' ');
		} else if (c >= 0x20 || c == 0) {
			if (c != 0)
				lq_buf_addc(b, (char)c);
		}
	}
	if (b->len >= LQ_FOL_MAX_TEXT)
		while (b->len > 0 && ((unsigned char)b->data[b->len - 1] & 0xc0) == 0x80)
			b->len--;	/* drop a cut continuation... */
	if (b->len >= LQ_FOL_MAX_TEXT && b->len > 0 && (unsigned char)b->data[b->len - 1] >= 0xc0)
		b->len--;		/* ...and its lead byte */
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

void
lq_fol_trim(struct lq_buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/* ------------------------------------------------------------------ text */

int
lq_fol_token_end(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	    c == '"' || c == '\'' || c == '<' || c == '>' || c == '(' || c == ')' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '|' ||
	    c == '\\' || c == '`' || c == '\0';
}

int
lq_fol_candidate(const char *s, size_t n)
{
	if (n >= 4 && (memcmp(s, "/in/", 4) == 0 || (n >= 5 && memcmp(s, "/pub/", 5) == 0)))
		return 1;
	return lq_fol_has_ci(s, n, "linkedin") || lq_fol_has_ci(s, n, "lnkd.in");
}

size_t
lq_fol_strip_trailing(const char *s, size_t n)
{
	while (n > 0 && strchr(".;:!*", s[n - 1]) != NULL && s[n - 1] != '\0')
		n--;
	return n;
}

void
lq_fol_scan_text(struct lq_fol *c, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t b, len;
		struct lq_liurl u;

		while (i < n && lq_fol_token_end((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && !lq_fol_token_end((unsigned char)s[i]))
			i++;
		len = lq_fol_strip_trailing(s + b, i - b);
		if (len == 0 || !lq_fol_candidate(s + b, len))
			continue;
		if (lq_fol_take_link(s + b, len, &u, c->st)) {
			c->st->cards++;
			c->st->added += (size_t)lq_people_add(c->pp, u.slug, u.urn, NULL, NULL, NULL,
			    c->source);
		}
	}
}

/* ------------------------------------------------------------------- CSV */

/* Columns looked at when no header names the URL column: the one whose
 * cells hold profile links most often is it. */
#define PROBE_COLS 64

enum csv_mode {
	CSV_NAMED,	/* the header is the first row naming a URL column */
	CSV_PROBE,	/* count profile links per column under the first wide row */
	CSV_FORCED	/* header row and URL column chosen by the probe */
};

struct csv_ctx {
	struct lq_fol t;
	struct lq_buf *fields;	/* fields of the current row */
	size_t nf, capf;
	size_t row, line;	/* rows seen; line where the current row ends */
	int header_seen;
	long col_url, col_first, col_last, col_name, col_headline, col_position, col_company;
	int warned;
	enum csv_mode mode;
	size_t header_row;	/* probe: the first row of two cells or more, 1-based */
	size_t links[PROBE_COLS];	/* probe: profile links per column below it */
	size_t header_links[PROBE_COLS];	/* probe: in the header row itself */
	long forced_url;	/* forced: the URL column */
	int headerless;		/* forced: the first row is data too */
	char columns[256];	/* the header row's cells, for messages */
	char names[PROBE_COLS][48];	/* probe: the header row's cells, each */
};

static void
csv_field(void *s, size_t n, void *data)
{
	struct csv_ctx *c = data;

	if (c->nf == c->capf) {
		c->capf = c->capf ? c->capf * 2 : 16;
		c->fields = lq_xreallocarray(c->fields, c->capf, sizeof *c->fields);
		memset(c->fields + c->nf, 0, (c->capf - c->nf) * sizeof *c->fields);
	}
	lq_buf_reset(&c->fields[c->nf]);
	lq_buf_add(&c->fields[c->nf], s != NULL ? s : "", s != NULL ? n : 0);
	c->nf++;
}

static const char *
cell(struct csv_ctx *c, long col)
{
	if (col < 0 || (size_t)col >= c->nf || c->fields[col].data == NULL)
		return NULL;
	return c->fields[col].data;
}

/* Header names, compared without case and surrounding space. */
static int
is_header(const char *s, const char *const *names)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	for (; *names != NULL; names++) {
		size_t k = strlen(*names), j;

		if (k != n)
			continue;
		for (j = 0; j < n && lq_fol_lower((unsigned char)s[j]) == (*names)[j]; j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

/* Header names of a profile URL column: LinkedIn's Connections.csv
 * ("URL"), Sales Navigator and CRM exports, scraper outputs. */
static const char *const url_names[] = {
	"url", "profile url", "linkedin url", "linkedin_url", "linkedin profile",
	"linkedin profile url", "profile", "profile_url", "linkedinurl", "person linkedin url",
	"linkedin", "linkedin link", "profile link", "public profile url", "profileurl",
	"linkedinprofileurl", "linkedin_profile_url", "person_linkedin_url", "li url",
	NULL
};

static void
csv_header(struct csv_ctx *c)
{
	static const char *const first[] = { "first name", "firstname", "first_name", NULL };
	static const char *const last[] = { "last name", "lastname", "last_name", NULL };
	static const char *const name[] = { "name", "full name", "full_name", NULL };
	static const char *const headline[] = { "headline", NULL };
	static const char *const position[] = { "position", "title", "job title", NULL };
	static const char *const company[] = { "company", "company name", "organization", NULL };
	size_t i;

	c->col_url = c->col_first = c->col_last = c->col_name = -1;
	c->col_headline = c->col_position = c->col_company = -1;
	for (i = 0; i < c->nf; i++) {
		const char *f = c->fields[i].data != NULL ? c->fields[i].data : "";
		long *slot = is_header(f, url_names) ? &c->col_url :
		    is_header(f, first) ? &c->col_first : is_header(f, last) ? &c->col_last :
		    is_header(f, name) ? &c->col_name : is_header(f, headline) ? &c->col_headline :
		    is_header(f, position) ? &c->col_position :
		    is_header(f, company) ? &c->col_company : NULL;

		if (slot != NULL && *slot < 0)
			*slot = (long)i;
	}
	if (c->mode == CSV_FORCED)
		c->col_url = c->forced_url;
	c->header_seen = c->col_url >= 0;
}

/* Cells of two or more: a header row (or a data row) of a table. */
static int
wide_row(const struct csv_ctx *c)
{
	size_t i, k = 0;

	for (i = 0; i < c->nf; i++)
		k += c->fields[i].len > 0;
	return k >= 2;
}

static void
csv_probe(struct csv_ctx *c)
{
	struct lq_liurl u;
	size_t i, *count;

	if (c->header_row == 0) {
		if (!wide_row(c))
			return;
		c->header_row = c->row;
		for (i = 0; i < c->nf && strlen(c->columns) + 8 < sizeof c->columns; i++) {
			char *p = c->columns + strlen(c->columns);

			snprintf(p, sizeof c->columns - (size_t)(p - c->columns), "%s\"%.40s\"",
			    i > 0 ? ", " : "", c->fields[i].data != NULL ? c->fields[i].data : "");
		}
		if (i < c->nf)
			snprintf(c->columns + strlen(c->columns),
			    sizeof c->columns - strlen(c->columns), ", ...");
		for (i = 0; i < c->nf && i < PROBE_COLS; i++)
			snprintf(c->names[i], sizeof c->names[i], "%s",
			    c->fields[i].data != NULL ? c->fields[i].data : "");
		count = c->header_links;
	} else {
		count = c->links;
	}
	for (i = 0; i < c->nf && i < PROBE_COLS; i++)
		if (c->fields[i].len > 0 && lq_liurl_parse(c->fields[i].data, c->fields[i].len, &u) ==
		    LQ_LIURL_OK)
			count[i]++;
}

static void
csv_row(int term, void *data)
{
	struct csv_ctx *c = data;
	struct lq_liurl u;
	const char *url, *h;
	struct lq_buf name = LQ_BUF_INIT;

	(void)term;
	c->row++;
	if (c->mode == CSV_PROBE) {
		csv_probe(c);
		c->nf = 0;
		return;
	}
	if (c->mode == CSV_FORCED && c->row < c->header_row) {
		c->nf = 0;
		return;
	}
	if (!c->header_seen) {
		csv_header(c);
		if (!c->headerless) {
			c->nf = 0;
			return;
		}
	}
	url = cell(c, c->col_url);
	if (url == NULL || !lq_fol_take_link(url, strlen(url), &u, c->t.st)) {
		int r = url == NULL ? LQ_LIURL_EMPTY : lq_liurl_parse(url, strlen(url), &u);

		if (c->nf > 1 || (c->nf == 1 && c->fields[0].len > 0)) {
			c->t.st->rows_without_url++;
			if (c->warned++ < LQ_FOL_MAX_WARNINGS)
				lq_warn("%s:%zu: no profile URL in the URL column (%s)",
				    c->t.source, c->line, lq_liurl_reason(r));
		}
		c->nf = 0;
		return;
	}
	if (cell(c, c->col_name) != NULL) {
		lq_fol_add_text(&name, cell(c, c->col_name), strlen(cell(c, c->col_name)));
	} else {
		if (cell(c, c->col_first) != NULL)
			lq_fol_add_text(&name, cell(c, c->col_first), strlen(cell(c, c->col_first)));
		if (cell(c, c->col_last) != NULL) {
			lq_buf_addc(&name, ' ');
			lq_fol_add_text(&name, cell(c, c->col_last), strlen(cell(c, c->col_last)));
		}
	}
	if (name.data != NULL) {
		while (name.len > 0 && name.data[0] == ' ')
			memmove(name.data, name.data + 1, name.len--);
		lq_fol_trim(&name);
	}
	h = cell(c, c->col_headline) != NULL ? cell(c, c->col_headline) : cell(c, c->col_position);
	c->t.st->cards++;
	c->t.st->added += (size_t)lq_people_add(c->t.pp, u.slug, u.urn, name.data, h,
	    cell(c, c->col_company), c->t.source);
	lq_buf_free(&name);
	c->nf = 0;
}

/* The field delimiter: ';' (Excel in many locales) or a tab when the
 * first line of fields has more of them than commas, else ','. */
static unsigned char
csv_delim(const char *buf, size_t n)
{
	size_t i, k[3] = { 0, 0, 0 }, lines = 0;
	int quoted = 0;

	for (i = 0; i < n && lines < 50; i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && buf[i] == ',')
			k[0]++;
		else if (!quoted && buf[i] == ';')
			k[1]++;
		else if (!quoted && buf[i] == '\t')
			k[2]++;
		else if (!quoted && buf[i] == '\n' && (k[0] || k[1] || k[2]))
			break;
		else if (buf[i] == '\n')
			lines++;
	}
	return k[1] > k[0] && k[1] >= k[2] ? ';' : k[2] > k[0] && k[2] > k[1] ? '\t' : ',';
}

/* Parses buf with c's mode, line by line so that messages can name the
 * line a row ends on. */
static void
csv_run(struct csv_ctx *c, const char *buf, size_t n, unsigned char delim)
{
	struct csv_parser p;
	size_t i;

	c->nf = c->row = c->line = 0;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	csv_set_delim(&p, delim);
	for (i = 0; i < n; ) {
		const char *nl = memchr(buf + i, '\n', n - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) + 1 : n;

		c->line++;
		if (csv_parse(&p, buf + i, e - i, csv_field, csv_row, c) != e - i)
			break;	/* only on out of memory: libcsv is not strict here */
		i = e;
	}
	csv_fini(&p, csv_field, csv_row, c);
	csv_free(&p);
}

/* The first row naming a URL column is the header; without one, the
 * column holding profile links most often is the URL column, under the
 * first row of two cells or more (which is data too when it holds a
 * profile link there). Returns 0, or -1 when no column holds profile
 * links (st->columns names the header cells). */
static int
extract_csv(struct lq_fol *t, const char *buf, size_t n)
{
	struct csv_ctx c;
	unsigned char delim;
	size_t i, best = 0;
	int ret = 0;

	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		buf += 3, n -= 3;
	delim = csv_delim(buf, n);
	memset(&c, 0, sizeof c);
	c.t = *t;
	c.mode = CSV_NAMED;
	csv_run(&c, buf, n, delim);
	if (!c.header_seen) {
		c.mode = CSV_PROBE;
		csv_run(&c, buf, n, delim);
		for (i = 1; i < PROBE_COLS; i++)
			if (c.links[i] + c.header_links[i] > c.links[best] + c.header_links[best])
				best = i;
		snprintf(t->st->columns, sizeof t->st->columns, "%s", c.columns);
		if (c.header_row == 0 || c.links[best] + c.header_links[best] == 0) {
			ret = -1;
		} else {
			c.mode = CSV_FORCED;
			c.forced_url = (long)best;
			c.headerless = c.header_links[best] > 0;
			csv_run(&c, buf, n, delim);
			if (c.headerless)
				snprintf(t->st->url_column, sizeof t->st->url_column, "column %zu",
				    best + 1);
			else
				snprintf(t->st->url_column, sizeof t->st->url_column, "\"%s\"",
				    c.names[best]);
		}
	}
	for (i = 0; i < c.capf; i++)
		lq_buf_free(&c.fields[i]);
	free(c.fields);
	return ret;
}

/* ---------------------------------------------------------------- driver */

/* 1 if some cell of line[0..n), split at a comma, semicolon or tab,
 * names a URL column. */
static int
csv_header_line(const char *line, size_t n)
{
	static const char delims[] = ",;\t";
	char cellbuf[64];
	size_t d;

	for (d = 0; d < sizeof delims - 1; d++) {
		size_t i = 0;

		if (memchr(line, delims[d], n) == NULL)
			continue;
		while (i <= n) {
			size_t b = i, k = 0;

			while (i < n && line[i] != delims[d])
				i++;
			while (b < i && (line[b] == ' ' || line[b] == '"' || line[b] == '\xef' ||
			    line[b] == '\xbb' || line[b] == '\xbf'))
				b++;
			for (; b < i && k < sizeof cellbuf - 1; b++)
				if (line[b] != '"')
					cellbuf[k++] = line[b];
			cellbuf[k] = '\0';
			if (is_header(cellbuf, url_names))
				return 1;
			i++;
		}
	}
	return 0;
}

/* 1 if the first lines of buf[0..n) are a table: two or three lines
 * with the same number (one or more) of one delimiter outside quotes. */
static int
tabular(const char *buf, size_t n)
{
	size_t i = 0, lines = 0, first = 0;
	unsigned char delim = csv_delim(buf, n);

	while (i < n && lines < 3) {
		size_t k = 0;
		int quoted = 0, text = 0;

		for (; i < n && (quoted || buf[i] != '\n'); i++) {
			if (buf[i] == '"')
				quoted = !quoted;
			else if (!quoted && (unsigned char)buf[i] == delim)
				k++;
			else if (buf[i] != '\r' && buf[i] != ' ')
				text = 1;
		}
		i++;
		if (!text && k == 0)
			continue;	/* an empty line */
		if (k == 0 || (lines > 0 && k != first))
			return 0;
		first = k;
		lines++;
	}
	return lines >= 2;
}

enum lq_format
lq_detect_format(const char *buf, size_t n)
{
	size_t i = 0, lines = 0, head = n < 65536 ? n : 65536;

	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < n && buf[i] == '<')
		return LQ_FMT_HTML;
	if (lq_fol_has_ci(buf, head, "<html") || lq_fol_has_ci(buf, head, "<body") ||
	    lq_fol_has_ci(buf, head, "<a ") || lq_fol_has_ci(buf, head, "<div") ||
	    lq_fol_has_ci(buf, head, "<!doctype"))
		return LQ_FMT_HTML;
	while (i < head && lines++ < 50) {
		const char *nl = memchr(buf + i, '\n', head - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) : head;

		if (csv_header_line(buf + i, e - i))
			return LQ_FMT_CSV;
		i = e + 1;
	}
	i = n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	return tabular(buf + i, head - i) ? LQ_FMT_CSV : LQ_FMT_TEXT;
}

/* 1 if the start of buf[0..n) is not text: NUL bytes or bytes that are
 * no UTF-8 (a character cut at the end of the stretch looked at is
 * fine). */
static int
not_text(const char *buf, size_t n)
{
	size_t m = n < 4096 ? n : 4096;

	if (memchr(buf, '\0', m) != NULL)
		return 1;
	if (m < n)
		while (m > 0 && ((unsigned char)buf[m] & 0xc0) == 0x80)
			m--;
	return !lq_utf8_valid(buf, m);
}

void
lq_extract(struct lq_people *pp, const char *buf, size_t n, enum lq_format fmt,
    const char *source, struct lq_extract_stats *st)
{
	struct lq_fol t;
	struct lq_buf dec = LQ_BUF_INIT;
	int r;

	memset(st, 0, sizeof *st);
	t.pp = pp;
	t.source = source;
	t.st = st;
	if ((r = lq_saved_decode(buf, n, &dec, &st->saved)) < 0) {
		st->unreadable = 1;
		st->format = LQ_FMT_HTML;
		return;
	}
	if (r > 0) {
		buf = dec.data;
		n = dec.len;
	}
	if ((st->binary_kind = lq_saved_binary_kind(buf, n)) != NULL || not_text(buf, n))
		st->binary = 1;
	if (fmt == LQ_FMT_AUTO)
		fmt = lq_detect_format(buf, n);
	st->format = fmt;
	switch (fmt) {
	case LQ_FMT_HTML:
		lq_fol_html(&t, buf, n);
		lq_page_kind(buf, n, st->saved.url, &st->page);
		break;
	case LQ_FMT_CSV:
		if (extract_csv(&t, buf, n) < 0)
			st->no_url_column = 1;
		break;
	default:
		lq_fol_scan_text(&t, buf, n);
		break;
	}
	lq_buf_free(&dec);
}
