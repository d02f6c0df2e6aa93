/* followers.c: finding followers: the input kinds, text and CSV lists. */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "diag.h"
#include "followers-int.h"

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

struct csv_ctx {
	struct lq_fol t;
	struct lq_buf *fields;	/* fields of the current row */
	size_t nf, capf;
	size_t row, line;	/* rows seen; line where the current row ends */
	int header_seen;
	long col_url, col_first, col_last, col_name, col_headline, col_position, col_company;
	int warned;
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

static const char *const url_names[] = {
	"url", "profile url", "linkedin url", "linkedin_url", "linkedin profile",
	"linkedin profile url", "profile", "profile_url", "linkedinurl", "person linkedin url",
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
	c->header_seen = c->col_url >= 0;
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
	if (!c->header_seen) {
		csv_header(c);
		c->nf = 0;
		return;
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

/* Returns 0, or -1 when no header row names a URL column. */
static int
extract_csv(struct lq_fol *t, const char *buf, size_t n)
{
	struct csv_parser p;
	struct csv_ctx c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.t = *t;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	/* Line by line, so that messages can name the line a row ends on. */
	for (i = 0; i < n; ) {
		const char *nl = memchr(buf + i, '\n', n - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) + 1 : n;

		c.line++;
		if (csv_parse(&p, buf + i, e - i, csv_field, csv_row, &c) != e - i)
			break;	/* only on out of memory: libcsv is not strict here */
		i = e;
	}
	csv_fini(&p, csv_field, csv_row, &c);
	csv_free(&p);
	for (i = 0; i < c.capf; i++)
		lq_buf_free(&c.fields[i]);
	free(c.fields);
	return c.header_seen ? 0 : -1;
}

/* ---------------------------------------------------------------- driver */

/* 1 if some comma-separated cell of line[0..n) names a URL column. */
static int
csv_header_line(const char *line, size_t n)
{
	char cellbuf[64];
	size_t i = 0;

	while (i <= n) {
		size_t b = i, k = 0;

		while (i < n && line[i] != ',')
			i++;
		while (b < i && (line[b] == ' ' || line[b] == '"' || line[b] == '\xef' ||
		    line[b] == '\xbb' || line[b] == '\xbf'))
			b++;
		for (; b < i && k < sizeof cellbuf - 1; b++)
			if (line[b] != '"')
				cellbuf[k++] = line[b];
		cellbuf[k] = '\0';
		if (is_header(cellbuf, url_names) && memchr(line, ',', n) != NULL)
			return 1;
		i++;
	}
	return 0;
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
	if (lq_fol_has_ci(buf, head, "<html") || lq_fol_has_ci(buf, head, "<body") || lq_fol_has_ci(buf, head, "<a ") ||
	    lq_fol_has_ci(buf, head, "<div") || lq_fol_has_ci(buf, head, "<!doctype"))
		return LQ_FMT_HTML;
	while (i < head && lines++ < 50) {
		const char *nl = memchr(buf + i, '\n', head - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) : head;

		if (csv_header_line(buf + i, e - i))
			return LQ_FMT_CSV;
		i = e + 1;
	}
	return LQ_FMT_TEXT;
}

void
lq_extract(struct lq_people *pp, const char *buf, size_t n, enum lq_format fmt,
    const char *source, struct lq_extract_stats *st)
{
	struct lq_fol t;

	memset(st, 0, sizeof *st);
	t.pp = pp;
	t.source = source;
	t.st = st;
	if (fmt == LQ_FMT_AUTO)
		fmt = lq_detect_format(buf, n);
	switch (fmt) {
	case LQ_FMT_HTML:
		lq_fol_html(&t, buf, n);
		break;
	case LQ_FMT_CSV:
		if (extract_csv(&t, buf, n) < 0) {
			st->no_url_column = 1;
			memset(st, 0, sizeof *st);
			st->no_url_column = 1;
			lq_fol_scan_text(&t, buf, n);
		}
		break;
	default:
		lq_fol_scan_text(&t, buf, n);
		break;
	}
}
