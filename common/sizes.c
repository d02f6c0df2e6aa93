/* sizes.c: company size bands and stage words, from company-sizes.vocab. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "icp.h"
#include "match.h"
#include "sizes.h"
#include "util.h"
#include "vocab.h"

static pthread_once_t once = PTHREAD_ONCE_INIT;
static const struct lq_vocab_table *bands, *stages;
static long *lo, *hi;		/* hi < 0: no upper limit */
static char **stage_fold;

static int
is_size(const char *s)
{
	for (size_t i = 0; lq_company_sizes[i]; i++)
		if (strcmp(lq_company_sizes[i], s) == 0)
			return 1;
	return 0;
}

static long
count(const struct lq_vocab_rec *r, const char *s)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (end == s || *end || v < 0)
		lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a head count", r->file, r->line, s);
	return v;
}

static void
load(void)
{
	const struct lq_vocab *v = lq_vocab();
	size_t i;

	bands = lq_vocab_need(v, "company-sizes.bands", 3, 3);
	if (bands->n == 0)
		lq_die(LQ_EXIT_FATAL, "vocabulary: company-sizes.bands: no band");
	lo = lq_xmalloc(bands->n * sizeof *lo);
	hi = lq_xmalloc(bands->n * sizeof *hi);
	for (i = 0; i < bands->n; i++) {
		const struct lq_vocab_rec *r = &bands->rec[i];

		if (!is_size(r->f[0]))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a company size", r->file, r->line,
			    r->f[0]);
		lo[i] = count(r, r->f[1]);
		hi[i] = r->f[2][0] ? count(r, r->f[2]) : -1;
		if ((hi[i] >= 0 && hi[i] <= lo[i]) || (i > 0 && (hi[i - 1] < 0 || lo[i] < hi[i - 1])))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' to '%s' is not a band above the one before",
			    r->file, r->line, r->f[1], r->f[2]);
	}
	stages = lq_vocab_need(v, "company-sizes.stages", 2, 2);
	stage_fold = lq_xmalloc((stages->n + 1) * sizeof *stage_fold);
	for (i = 0; i < stages->n; i++) {
		const struct lq_vocab_rec *r = &stages->rec[i];

		stage_fold[i] = lq_fold(r->f[0]);
		if (!stage_fold[i][0] || !is_size(r->f[1]))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: a stage word and a company size", r->file,
			    r->line);
	}
}

const char *
lq_size_band(long n)
{
	pthread_once(&once, load);
	for (size_t i = 0; n >= 0 && i < bands->n; i++)
		if (n >= lo[i] && (hi[i] < 0 || n < hi[i]))
			return bands->rec[i].f[0];
	return NULL;
}

const char *
lq_size_band_at(size_t i, long *lo_, long *hi_)
{
	pthread_once(&once, load);
	if (i >= bands->n)
		return NULL;
	*lo_ = lo[i];
	*hi_ = hi[i];
	return bands->rec[i].f[0];
}

const char *
lq_size_stage(const char *folded, const char **word)
{
	pthread_once(&once, load);
	for (size_t i = 0; folded && i < stages->n; i++)
		if (lq_has_phrase(folded, stage_fold[i])) {
			if (word)
				*word = stages->rec[i].f[0];
			return stages->rec[i].f[1];
		}
	return NULL;
}

void
lq_sizes_digest(char hex[65])
{
	static const char *const files[] = { "company-sizes", NULL };

	pthread_once(&once, load);	/* a bad file is fatal before its digest is used */
	lq_vocab_digest(lq_vocab(), files, hex);
}

void
lq_sizes_versioned(char *buf, size_t len, const char *base)
{
	static const char *const files[] = { "company-sizes", NULL };

	pthread_once(&once, load);
	lq_vocab_versioned(buf, len, base, files);
}
