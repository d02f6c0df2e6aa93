/* fuzz_csvout.c: CSV cells read back by libcsv's parser give the text written. */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "csvout.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#define MAXF 64

struct got {
	struct lq_buf f[MAXF];
	size_t n;
	int rows;
};

static void
on_field(void *s, size_t len, void *p)
{
	struct got *g = p;

	if (g->n < MAXF)
		lq_buf_add(&g->f[g->n], s ? s : "", s ? len : 0);
	g->n++;
}

static void
on_row(int c, void *p)
{
	(void)c;
	((struct got *)p)->rows++;
}

static int
no_space(unsigned char c)
{
	(void)c;
	return 0;	/* libcsv would trim blanks around unquoted fields */
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const int delims[] = { ',', ';', '\t', '|' };
	struct lq_buf row = LQ_BUF_INIT, want[MAXF];
	struct got g;
	struct csv_parser p;
	size_t nw = 0, i = 1;
	int delim, flags;

	if (size == 0)
		return 0;
	delim = delims[data[0] & 3];
	flags = (data[0] & 4) ? LQ_CSV_GUARD : 0;
	memset(&g, 0, sizeof g);
	memset(want, 0, sizeof want);
	/* A fixed first cell keeps the row from being a blank line. */
	lq_buf_adds(&row, "k");
	lq_buf_adds(&want[nw++], "k");
	/* Cells: a length byte, then that many bytes. */
	while (i < size && nw < MAXF) {
		size_t len = data[i++];
		const char *s = (const char *)data + i;

		if (len > size - i)
			len = size - i;
		lq_buf_addc(&row, delim);
		lq_csv_cell(&row, s, len, delim, flags);
		lq_buf_adds(&want[nw], "");
		if ((flags & LQ_CSV_GUARD) && lq_csv_formula_text(s, len))
			lq_buf_addc(&want[nw], '\'');
		for (size_t k = 0; k < len; k++)
			if (s[k] != '\0')
				lq_buf_addc(&want[nw], s[k]);
		nw++;
		i += len;
	}
	lq_buf_adds(&row, "\r\n");
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		abort();
	csv_set_delim(&p, (unsigned char)delim);
	csv_set_space_func(&p, no_space);
	if (csv_parse(&p, row.data, row.len, on_field, on_row, &g) != row.len)
		abort();	/* libcsv found the row malformed */
	if (csv_fini(&p, on_field, on_row, &g) != 0)
		abort();
	csv_free(&p);
	if (g.rows != 1 || g.n != nw)
		abort();
	for (size_t k = 0; k < nw; k++) {
		if (g.f[k].len != want[k].len || memcmp(g.f[k].data, want[k].data, want[k].len) != 0)
			abort();
		lq_buf_free(&g.f[k]);
		lq_buf_free(&want[k]);
	}
	lq_buf_free(&row);
	return 0;
}
