/* fieldpath.c: the column-list parser and path lookup. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fieldpath.h"
#include "util.h"

struct parser {
	const char *s;		/* the whole spec, for positions */
	char *err;
	size_t errlen;
};

static int
fail(struct parser *p, const char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail(struct parser *p, const char *at, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (p->errlen == 0)
		return -1;
	k = snprintf(p->err, p->errlen, "at character %zu: ", (size_t)(at - p->s) + 1);
	if (k < 0 || (size_t)k >= p->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(p->err + k, p->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

/* Position of the first unescaped byte of set in [s, e), or e. A
 * backslash escapes the byte after it. */
static const char *
find_unescaped(const char *s, const char *e, const char *set)
{
	while (s < e) {
		if (*s == '\\') {
			s += (s + 1 < e) ? 2 : 1;
			continue;
		}
		if (strchr(set, *s))
			return s;
		s++;
	}
	return e;
}

static int
blank(int c)
{
	return c == ' ' || c == '\t';
}

/* Narrows [*s, *e) by the unescaped blanks at both ends. */
static void
trim(const char **s, const char **e)
{
	while (*s < *e && blank(**s))
		(*s)++;
	while (*e > *s && blank((*e)[-1])) {
		const char *q = *e - 1;
		size_t bs = 0;

		while (q > *s && q[-1] == '\\')
			q--, bs++;
		if (bs % 2)
			break;	/* "\ " is a kept blank */
		(*e)--;
	}
}

/* The text of [s, e) with escapes removed; a backslash at the very end
 * is an error (checked by the caller). */
static char *
unescape(const char *s, const char *e)
{
	char *r = lq_xmalloc((size_t)(e - s) + 1), *o = r;

	while (s < e) {
		if (*s == '\\' && s + 1 < e)
			s++;
		*o++ = *s++;
	}
	*o = '\0';
	return r;
}

static void
path_free(struct lq_path *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->step[i].key);
	free(p->step);
	p->step = NULL;
	p->n = 0;
}

static int
add_step(struct parser *ps, struct lq_path *p, const char *at, char *key, long index)
{
	if (p->n >= LQ_PATH_STEPS_MAX) {
		free(key);
		return fail(ps, at, "a path has at most %d steps", LQ_PATH_STEPS_MAX);
	}
	p->step = lq_xreallocarray(p->step, p->n + 1, sizeof *p->step);
	p->step[p->n].key = key;
	p->step[p->n].index = index;
	p->n++;
	return 0;
}

/* Parses one path in [s, e) (already trimmed) into *p. */
static int
parse_path(struct parser *ps, const char *s, const char *e, struct lq_path *p)
{
	const char *q = s;

	memset(p, 0, sizeof *p);
	if (q == e)
		return fail(ps, q, "empty path");
	if (*q == '[')
		return fail(ps, q, "a path starts with a field name, not '['");
	for (;;) {
		/* A name runs to the next unescaped . [ ] or =. */
		const char *end = find_unescaped(q, e, ".[]=");

		if (end == q)
			return fail(ps, q, "empty field name");
		if (add_step(ps, p, q, unescape(q, end), 0) < 0)
			return -1;
		q = end;
		for (;;) {
			if (q == e)
				return 0;
			if (*q == '=')
				return fail(ps, q, "'=' inside a path (write \\= for a literal '=')");
			if (*q == ']')
				return fail(ps, q, "']' without '['");
			if (*q == '.') {
				q++;
				if (q == e || *q == '.' || *q == '[')
					return fail(ps, q, "empty field name");
				break;	/* a name follows */
			}
			if (*q != '[')
				return fail(ps, q, "expected '.' or '[' after ']'");
			{
				const char *d = ++q;
				long v = 0;
				int neg = 0;

				if (d < e && *d == '-')
					neg = 1, d++;
				if (d == e || *d < '0' || *d > '9')
					return fail(ps, d, "expected a number after '['");
				while (d < e && *d >= '0' && *d <= '9') {
					if (v > 99999999)
						return fail(ps, q, "array index too large");
					v = v * 10 + (*d++ - '0');
				}
				if (d == e || *d != ']')
					return fail(ps, d, "expected ']' after the index");
				if (neg && v == 0)
					return fail(ps, q, "index -0: use 0 or -1");
				if (add_step(ps, p, q, NULL, neg ? -v : v) < 0)
					return -1;
				q = d + 1;
			}
		}
	}
}

static void
column_free(struct lq_column *c)
{
	for (size_t i = 0; i < c->nalt; i++)
		path_free(&c->alt[i]);
	free(c->alt);
	free(c->header);
	memset(c, 0, sizeof *c);
}

/* Parses one column in [s, e). */
static int
parse_column(struct parser *ps, const char *s, const char *e, struct lq_column *c)
{
	const char *eq = find_unescaped(s, e, "=");
	const char *ps0 = s, *q;

	memset(c, 0, sizeof *c);
	if (eq < e) {
		const char *hs = s, *he = eq;

		trim(&hs, &he);
		if (hs == he)
			return fail(ps, eq, "empty header before '='");
		c->header = unescape(hs, he);
		ps0 = eq + 1;
	}
	q = ps0;
	for (;;) {
		const char *bar = find_unescaped(q, e, "|");
		const char *as = q, *ae = bar;

		trim(&as, &ae);
		if (c->nalt >= LQ_PATH_STEPS_MAX)
			return fail(ps, as, "a column has at most %d alternative paths", LQ_PATH_STEPS_MAX);
		c->alt = lq_xreallocarray(c->alt, c->nalt + 1, sizeof *c->alt);
		c->nalt++;
		if (parse_path(ps, as, ae, &c->alt[c->nalt - 1]) < 0)
			return -1;
		if (c->header == NULL)
			c->header = unescape(as, ae);
		if (bar == e)
			return 0;
		q = bar + 1;
	}
}

int
lq_columns_parse(const char *spec, struct lq_columns *out, char *err, size_t errlen)
{
	struct parser ps = { spec, err, errlen };
	const char *s = spec, *e = spec + strlen(spec);

	memset(out, 0, sizeof *out);
	if (errlen)
		err[0] = '\0';
	if (!lq_utf8_valid(spec, (size_t)(e - spec))) {
		fail(&ps, spec, "not valid UTF-8");
		return -1;
	}
	{
		/* A lone backslash at the end escapes nothing. */
		size_t bs = 0;

		for (const char *q = e; q > spec && q[-1] == '\\'; q--)
			bs++;
		if (bs % 2) {
			fail(&ps, e - 1, "'\\' at the end escapes nothing");
			return -1;
		}
	}
	for (;;) {
		const char *comma = find_unescaped(s, e, ",");
		const char *cs = s, *ce = comma;

		trim(&cs, &ce);
		if (cs == ce) {
			fail(&ps, cs, "empty column");
			goto bad;
		}
		if (out->n >= LQ_COLUMNS_MAX) {
			fail(&ps, cs, "at most %d columns", LQ_COLUMNS_MAX);
			goto bad;
		}
		out->col = lq_xreallocarray(out->col, out->n + 1, sizeof *out->col);
		out->n++;
		if (parse_column(&ps, cs, ce, &out->col[out->n - 1]) < 0)
			goto bad;
		if (comma == e)
			return 0;
		s = comma + 1;
	}
bad:
	lq_columns_free(out);
	return -1;
}

void
lq_columns_free(struct lq_columns *c)
{
	for (size_t i = 0; i < c->n; i++)
		column_free(&c->col[i]);
	free(c->col);
	c->col = NULL;
	c->n = 0;
}

const json_t *
lq_path_get(const struct lq_path *p, const json_t *root)
{
	const json_t *v = root;

	for (size_t i = 0; i < p->n && v != NULL; i++) {
		const struct lq_step *st = &p->step[i];

		if (st->key) {
			v = json_is_object(v) ? json_object_get(v, st->key) : NULL;
		} else if (json_is_array(v)) {
			long n = (long)json_array_size(v);
			long k = st->index < 0 ? n + st->index : st->index;

			v = (k >= 0 && k < n) ? json_array_get(v, (size_t)k) : NULL;
		} else {
			v = NULL;
		}
	}
	return v;
}

static int
present(const json_t *v)
{
	if (v == NULL || json_is_null(v))
		return 0;
	if (json_is_string(v) && json_string_length(v) == 0)
		return 0;
	if (json_is_array(v) && json_array_size(v) == 0)
		return 0;
	return 1;
}

const json_t *
lq_column_get(const struct lq_column *c, const json_t *rec)
{
	for (size_t i = 0; i < c->nalt; i++) {
		const json_t *v = lq_path_get(&c->alt[i], rec);

		if (present(v))
			return v;
	}
	return NULL;
}
