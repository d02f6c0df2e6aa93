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
	size_t i, first = 0;

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
		while (first < n && s[first] == '\0')
			first++;
		guard = first < n && lq_csv_formula_start((unsigned char)s[first]);
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
