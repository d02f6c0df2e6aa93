/* fuzz_columns.c: the --columns spec parser; what parses must re-parse the same. */
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "diag.h"
#include "fieldpath.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Appends s with every character the grammar treats specially escaped. */
static void
escape(struct lq_buf *b, const char *s)
{
	for (; *s; s++) {
		if (strchr("\\,=|.[] \t", *s))
			lq_buf_addc(b, '\\');
		lq_buf_addc(b, *s);
	}
}

/* Writes c back as a spec in the grammar's own syntax. */
static char *
unparse(const struct lq_columns *c)
{
	struct lq_buf b = LQ_BUF_INIT;

	for (size_t i = 0; i < c->n; i++) {
		if (i)
			lq_buf_addc(&b, ',');
		escape(&b, c->col[i].header);
		lq_buf_addc(&b, '=');
		for (size_t a = 0; a < c->col[i].nalt; a++) {
			const struct lq_path *p = &c->col[i].alt[a];

			if (a)
				lq_buf_addc(&b, '|');
			for (size_t k = 0; k < p->n; k++) {
				if (p->step[k].key) {
					if (k)
						lq_buf_addc(&b, '.');
					escape(&b, p->step[k].key);
				} else {
					lq_buf_addf(&b, "[%ld]", p->step[k].index);
				}
			}
		}
	}
	return lq_buf_detach(&b);
}

static int
same(const struct lq_columns *x, const struct lq_columns *y)
{
	if (x->n != y->n)
		return 0;
	for (size_t i = 0; i < x->n; i++) {
		const struct lq_column *a = &x->col[i], *b = &y->col[i];

		if (strcmp(a->header, b->header) != 0 || a->nalt != b->nalt)
			return 0;
		for (size_t k = 0; k < a->nalt; k++) {
			if (a->alt[k].n != b->alt[k].n)
				return 0;
			for (size_t s = 0; s < a->alt[k].n; s++) {
				const struct lq_step *p = &a->alt[k].step[s], *q = &b->alt[k].step[s];

				if ((p->key == NULL) != (q->key == NULL))
					return 0;
				if (p->key ? strcmp(p->key, q->key) != 0 : p->index != q->index)
					return 0;
			}
		}
	}
	return 1;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static json_t *rec;
	struct lq_columns c, again;
	struct lq_buf row = LQ_BUF_INIT, t = LQ_BUF_INIT;
	char err[256], *spec, *back;

	lq_quiet = 1;
	if (rec == NULL)
		rec = json_loads("{\"name\":\"=x\",\"a\":{\"b\":[1,\"s\",{\"c\":null}],\"\":true},"
		    "\"l\":[\"p\",\"q\"],\"e\":\"\"}", 0, NULL);
	spec = lq_xstrndup((const char *)data, size);
	if (lq_columns_parse(spec, &c, err, sizeof err) < 0) {
		if (strncmp(err, "at character ", 13) != 0 || c.n != 0)
			abort();
		free(spec);
		return 0;
	}
	if (c.n == 0 || c.n > LQ_COLUMNS_MAX)
		abort();
	for (size_t i = 0; i < c.n; i++) {
		if (c.col[i].header == NULL || c.col[i].nalt == 0)
			abort();
		for (size_t k = 0; k < c.col[i].nalt; k++)
			if (c.col[i].alt[k].n == 0 || c.col[i].alt[k].step[0].key == NULL)
				abort();
		lq_csv_value(&row, lq_column_get(&c.col[i], rec), ',', LQ_CSV_GUARD, &t);
	}
	back = unparse(&c);
	if (lq_columns_parse(back, &again, err, sizeof err) < 0 || !same(&c, &again))
		abort();
	lq_columns_free(&again);
	lq_columns_free(&c);
	lq_buf_free(&row);
	lq_buf_free(&t);
	free(back);
	free(spec);
	return 0;
}
