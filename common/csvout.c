/* csvout.c: CSV fields quoted only when needed; escaping by libcsv. */
#include <string.h>

#include <csv.h>

#include "csvout.h"
#include "ndjson.h"
#include "util.h"

int
lq_csv_formula_start(int c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

/* Characters a spreadsheet skips or folds before it decides whether a cell
 * is a formula, as UTF-8: Unicode white space, the invisible ones (zero
 * width space, BOM) and the fullwidth and small forms of = + - @, which
 * some spreadsheets fold to the ASCII ones. */
static const char *const ws_utf8[] = {
	"\xc2\xa0", "\xe1\x9a\x80", "\xe1\xa0\x8e", "\xe2\x80\x80", "\xe2\x80\x81",
	"\xe2\x80\x82", "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86",
	"\xe2\x80\x87", "\xe2\x80\x88", "\xe2\x80\x89", "\xe2\x80\x8a", "\xe2\x80\x8b",
	"\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\x9f", "\xe2\x81\xa0",
	"\xe3\x80\x80", "\xef\xbb\xbf"
};
static const char *const formula_utf8[] = {
	"\xef\xbc\x9d", "\xef\xbc\x8b", "\xef\xbc\x8d", "\xef\xbc\xa0",	/* ＝ ＋ － ＠ */
	"\xef\xb9\xa6", "\xef\xb9\xa2", "\xef\xb9\xa3", "\xef\xb9\xab"	/* ﹦ ﹢ ﹣ ﹫ */
};

/* The length of the sequence of list at s[i..n) (NUL bytes inside
 * skipped, as the cell drops them), or 0; *end is set past it. */
static int
match_utf8(const char *s, size_t i, size_t n, const char *const *list, size_t nlist, size_t *end)
{
	for (size_t k = 0; k < nlist; k++) {
		const char *m = list[k];
		size_t j = i;

		while (*m) {
			while (j < n && s[j] == '\0')
				j++;
			if (j >= n || s[j] != *m)
				break;
			j++, m++;
		}
		if (*m == '\0') {
			*end = j;
			return 1;
		}
	}
	return 0;
}

int
lq_csv_formula_text(const char *s, size_t n)
{
	size_t i = 0, end;

	while (i < n && s[i] == '\0')
		i++;
	if (i < n && lq_csv_formula_start((unsigned char)s[i]))
		return 1;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\0' || c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r')
			i++;
		else if (c >= 0x80 && match_utf8(s, i, n, ws_utf8, LQ_NELEM(ws_utf8), &end))
			i = end;
		else
			break;
	}
	if (i >= n)
		return 0;
	if (s[i] == '=' || s[i] == '+' || s[i] == '-' || s[i] == '@')
		return 1;
	return (unsigned char)s[i] >= 0x80 &&
	    match_utf8(s, i, n, formula_utf8, LQ_NELEM(formula_utf8), &end);
}

/* Appends the quoted form of s[0..n) (n without NUL bytes) using
 * libcsv's csv_write2, which wraps the text in quotes and doubles the
 * quotes inside: at most 2n + 2 bytes. */
static void
add_quoted(struct lq_buf *b, const char *s, size_t n)
{
	size_t need = 2 * n + 2;

	lq_buf_grow(b, need + 1);
	b->len += csv_write2(b->data + b->len, need, s, n, '"');
	b->data[b->len] = '\0';
}

void
lq_csv_cell(struct lq_buf *b, const char *s, size_t n, int delim, int flags)
{
	int quote = 0, nul = 0, guard = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		/* One test for the ordinary bytes, the rest sorted out below. */
		if (c > '"' && c != (unsigned char)delim)
			continue;
		if (c == '"' || c == '\n' || c == '\r' || c == (unsigned char)delim)
			quote = 1;
		else if (c == '\0')
			nul = 1;
	}
	if (flags & LQ_CSV_GUARD) {
		guard = lq_csv_formula_text(s, n);
	}
	if (!nul && !guard) {
		if (quote)
			add_quoted(b, s, n);
		else
			lq_buf_add(b, s, n);
		return;
	}
	/* Rare: build the cleaned text first. */
	{
		struct lq_buf t = LQ_BUF_INIT;

		lq_buf_grow(&t, n + 2);
		if (guard)
			lq_buf_addc(&t, '\'');
		for (i = 0; i < n; i++)
			if (s[i] != '\0')
				t.data[t.len++] = s[i];
		t.data[t.len] = '\0';
		if (quote)
			add_quoted(b, t.data, t.len);
		else
			lq_buf_add(b, t.data, t.len);
		lq_buf_free(&t);
	}
}

/* Appends the plain text of a scalar to t; returns 1 if it is text from
 * a JSON string (so the formula guard applies), else 0. */
static int
scalar_text(struct lq_buf *t, const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_STRING:
		lq_buf_add(t, json_string_value(v), json_string_length(v));
		return 1;
	case JSON_INTEGER:
	case JSON_REAL:
		lq_json_dump(t, v);
		return 0;
	case JSON_TRUE:
		lq_buf_adds(t, "true");
		return 0;
	case JSON_FALSE:
		lq_buf_adds(t, "false");
		return 0;
	default:
		return 0;
	}
}

void
lq_csv_value(struct lq_buf *b, const json_t *v, int delim, int flags,
    struct lq_buf *scratch)
{
	int text = 0;

	if (v == NULL || json_is_null(v))
		return;
	if (json_is_string(v)) {
		lq_csv_cell(b, json_string_value(v), json_string_length(v), delim, flags);
		return;
	}
	lq_buf_reset(scratch);
	if (json_is_array(v)) {
		size_t i, k = 0;
		json_t *e;
		int scalars = 1;

		json_array_foreach((json_t *)v, i, e)
			if (json_is_object(e) || json_is_array(e))
				scalars = 0;
		if (scalars) {
			json_array_foreach((json_t *)v, i, e) {
				if (json_is_null(e))
					continue;
				if (k++)
					lq_buf_add(scratch, ", ", 2);
				text |= scalar_text(scratch, e);
			}
		} else {
			lq_json_dump(scratch, v);
			text = 1;
		}
	} else if (json_is_object(v)) {
		lq_json_dump(scratch, v);
		text = 1;
	} else {
		text = scalar_text(scratch, v);
	}
	lq_csv_cell(b, scratch->data ? scratch->data : "", scratch->len, delim,
	    text ? flags : flags & ~LQ_CSV_GUARD);
}
