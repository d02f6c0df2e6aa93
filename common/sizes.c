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
static const struct lq_vocab_table *bands;
static long *lo, *hi;		/* hi < 0: no upper limit */

/* A table of phrase | company type: the records and their folded phrases. */
struct phrases {
	const char *name, *what;
	const struct lq_vocab_table *t;
	char **fold;
};
static struct phrases stages = { .name = "company-sizes.stages", .what = "a stage word and a company size" },
	kinds = { .name = "company-sizes.kinds", .what = "a phrase and a company type" },
	size_words = { .name = "company-sizes.size-words", .what = "a phrase and a company size" };

static void load(void);

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
phrases_load(const struct lq_vocab *v, struct phrases *p)
{
	p->t = lq_vocab_need(v, p->name, 2, 2);
	p->fold = lq_xmalloc((p->t->n + 1) * sizeof *p->fold);
	for (size_t i = 0; i < p->t->n; i++) {
		const struct lq_vocab_rec *r = &p->t->rec[i];

		p->fold[i] = lq_fold(r->f[0]);
		if (!p->fold[i][0] || !is_size(r->f[1]))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: %s", r->file, r->line, p->what);
	}
}

/* The type of the first phrase of p found in folded, with *word the
 * phrase as the file writes it; NULL when none is. */
static const char *
phrases_find(const struct phrases *p, const char *folded, const char **word)
{
	pthread_once(&once, load);
	for (size_t i = 0; folded && i < p->t->n; i++)
		if (lq_has_phrase(folded, p->fold[i])) {
			if (word)
				*word = p->t->rec[i].f[0];
			return p->t->rec[i].f[1];
		}
	return NULL;
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
	phrases_load(v, &stages);
	phrases_load(v, &kinds);
	phrases_load(v, &size_words);
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
	return phrases_find(&stages, folded, word);
}

const char *
lq_size_kind(const char *folded, const char **word)
{
	return phrases_find(&kinds, folded, word);
}

const char *
lq_size_word(const char *folded, const char **word)
{
	return phrases_find(&size_words, folded, word);
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
