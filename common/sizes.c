/* sizes.c: company size bands and stage words, from company-sizes.vocab. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <utf8proc.h>

#include "diag.h"
#include "icp.h"
#include "match.h"
#include "sha256.h"
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
	char **needle;	/* lq_phrase_needle of each fold[i] */
};
static struct phrases stages = { .name = "company-sizes.stages", .what = "a stage word and a company size" },
	kinds = { .name = "company-sizes.kinds", .what = "a phrase and a company type" },
	size_words = { .name = "company-sizes.size-words", .what = "a phrase and a company size" },
	li_kinds = { .name = "company-sizes.linkedin-kinds", .what = "a LinkedIn industry and a company type" };

/* company-sizes.units: one folded word each; stem[i] when it ends in '*'
 * (the start of a word), with the '*' cut from unit[i]. */
static const struct lq_vocab_table *units;
static char **unit;
static unsigned char *stem;

static void load(void);
/* company-sizes.team: folded words of a team or department; a head count
 * in a clause that names one before it is the team's, not the company's */
static char **team;
/* company-sizes.range: folded words between the two head counts of a
 * range ("250 to 5,000 staff"); a hyphen or a dash always joins them */
static char **range_words;

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
	p->needle = lq_xmalloc((p->t->n + 1) * sizeof *p->needle);
	for (size_t i = 0; i < p->t->n; i++) {
		const struct lq_vocab_rec *r = &p->t->rec[i];

		p->fold[i] = lq_fold(r->f[0]);
		p->needle[i] = lq_phrase_needle(p->fold[i]);
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
		if (lq_has_needle(folded, p->needle[i])) {
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
	phrases_load(v, &li_kinds);
	{
		const struct lq_vocab_table *t = lq_vocab_table(v, "company-sizes.team");

		team = lq_xcalloc(t ? t->n + 1 : 1, sizeof *team);
		for (i = 0; t && i < t->n; i++)
			team[i] = lq_fold(t->rec[i].f[0]);
	}
	{
		const struct lq_vocab_table *t = lq_vocab_table(v, "company-sizes.range");

		range_words = lq_xcalloc(t ? t->n + 1 : 1, sizeof *range_words);
		for (size_t k = 0; t && k < t->n; k++) {
			if (t->rec[k].n != 1)
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: a range word is one field",
				    t->rec[k].file, t->rec[k].line);
			range_words[k] = lq_fold(t->rec[k].f[0]);
		}
	}
	units = lq_vocab_need(v, "company-sizes.units", 1, 1);
	unit = lq_xmalloc((units->n + 1) * sizeof *unit);
	stem = lq_xmalloc(units->n + 1);
	for (i = 0; i < units->n; i++) {
		const struct lq_vocab_rec *r = &units->rec[i];
		size_t l = strlen(r->f[0]);
		char *f;

		stem[i] = l > 1 && r->f[0][l - 1] == '*';
		unit[i] = lq_xstrdup(r->f[0]);
		unit[i][l - stem[i]] = '\0';
		f = lq_fold(unit[i]);
		if (strcmp(f, unit[i]) != 0 || strchr(f, ' ') != NULL) {
			free(f);
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not one folded word (lower case, no "
			    "accents, an optional trailing *)", r->file, r->line, r->f[0]);
		}
		free(f);
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

const char *
lq_size_kind_as(const char *folded, const char *type, const char **word)
{
	pthread_once(&once, load);
	for (size_t i = 0; folded && i < kinds.t->n; i++)
		if (strcmp(kinds.t->rec[i].f[1], type) == 0 && lq_has_needle(folded, kinds.needle[i])) {
			if (word)
				*word = kinds.t->rec[i].f[0];
			return type;
		}
	return NULL;
}

const char *
lq_size_linkedin_kind(const char *industry)
{
	pthread_once(&once, load);
	for (size_t i = 0; industry && i < li_kinds.t->n; i++)
		if (strcasecmp(industry, li_kinds.t->rec[i].f[0]) == 0)
			return li_kinds.t->rec[i].f[1];
	return NULL;
}

int
lq_size_unit(const char *folded)
{
	size_t wl;

	pthread_once(&once, load);
	if (folded == NULL)
		return 0;
	wl = strcspn(folded, " ");
	for (size_t i = 0; i < units->n; i++) {
		size_t ul = strlen(unit[i]);

		if (wl >= ul && strncmp(folded, unit[i], ul) == 0 && (stem[i] || wl == ul))
			return 1;
	}
	return 0;
}

void
lq_sizes_digest(char hex[65])
{
	static const char *const files[] = { "company-sizes", NULL };

	pthread_once(&once, load);	/* a bad file is fatal before its digest is used */
	lq_vocab_digest(lq_vocab(), files, hex);
}

void
lq_sizes_versioned_with(char *buf, size_t len, const char *base, const char *const *files)
{
	char hex[65], both[128];
	unsigned char sha[32];

	pthread_once(&once, load);	/* a bad file is fatal before its digest is used */
	lq_vocab_digest(lq_vocab(), files, hex);
	snprintf(both, sizeof both, "lq-sizes-reading\n%s\n%s", hex, LQ_SIZES_READING);
	lq_sha256(both, strlen(both), sha);
	lq_sha256_hex(sha, hex);
	snprintf(buf, len, "%s+vocab:%.12s", base, hex);
}

void
lq_sizes_versioned(char *buf, size_t len, const char *base)
{
	static const char *const files[] = { "company-sizes", NULL };

	lq_sizes_versioned_with(buf, len, base, files);
}

/* ---- head counts (lq_size_headcount) ---- */

/* The digit at s (ASCII or fullwidth), its length in *n; -1 if none. */
static int
digit_at(const char *s, int *n)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] >= '0' && u[0] <= '9')
		return *n = 1, u[0] - '0';
	if (u[0] == 0xef && u[1] == 0xbc && u[2] >= 0x90 && u[2] <= 0x99)	/* U+FF10..FF19 */
		return *n = 3, u[2] - 0x90;
	return -1;
}

/* The length of the space at s (a space, a tab, a no-break, narrow,
 * thin, figure or ideographic space), or 0. */
static int
space_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == ' ' || u[0] == '\t')
		return 1;
	if (u[0] == 0xc2 && u[1] == 0xa0)
		return 2;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0xaf || u[2] == 0x89 || u[2] == 0x87))
		return 3;
	if (u[0] == 0xe3 && u[1] == 0x80 && u[2] == 0x80)
		return 3;
	return 0;
}

/* The length of the hyphen or en dash at s, or 0. */
static int
dash_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == '-')
		return 1;
	if (u[0] == 0xe2 && u[1] == 0x80 && (u[2] == 0x90 || u[2] == 0x91 || u[2] == 0x93))
		return 3;	/* U+2010 hyphen, U+2011 no-break hyphen, U+2013 en dash */
	return 0;
}

/* The length of a thousands separator at s, or 0. */
static int
group_sep_at(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (u[0] == ',' || u[0] == '.' || u[0] == '\'')
		return 1;
	if (u[0] == 0xe2 && u[1] == 0x80 && u[2] == 0x99)	/* U+2019 */
		return 3;
	return space_at(s);
}

/* 1 if the code point at s is a letter, a mark or a digit of any
 * script; *n gets its length (1 for a byte that is not UTF-8). */
static int
word_at(const char *s, int *n)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t k;
	utf8proc_category_t cat;
	unsigned char b = (unsigned char)*s;

	/* ASCII: its letters and digits are the only ones of those
	 * categories (what utf8proc says of them, without asking it) */
	if (b < 0x80)
		return *n = 1, (b >= '0' && b <= '9') || ((b | 0x20) >= 'a' && (b | 0x20) <= 'z');
	k = utf8proc_iterate((const utf8proc_uint8_t *)s, -1, &c);
	if (k <= 0)
		return *n = 1, 0;
	*n = (int)k;
	cat = utf8proc_category(c);
	return (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO);
}

/* Three digits at s and no fourth: their end, else NULL. */
static const char *
three_digits(const char *s, long *v)
{
	int n, d;

	for (int i = 0; i < 3; i++) {
		if ((d = digit_at(s, &n)) < 0)
			return NULL;
		*v = *v * 10 + d;
		s += n;
	}
	return digit_at(s, &n) >= 0 ? NULL : s;
}

/* The number at s (a digit): its value (capped above the maximum), its
 * end in *end. */
static long
number_at(const char *s, const char **end)
{
	long v = 0, g;
	int n, d, digits = 0;
	const char *q = s, *r, *ungrouped;

	while ((d = digit_at(q, &n)) >= 0) {
		if (v <= LQ_SIZES_HEADCOUNT_MAX)
			v = v * 10 + d;
		digits++;
		q += n;
	}
	if (digits <= 3) {
		/* groups of three: "1,200", "1.800", "1 800", "2,400,000" */
		ungrouped = q;
		while ((n = group_sep_at(q)) > 0 && v <= LQ_SIZES_HEADCOUNT_MAX &&
		    (g = v, r = three_digits(q + n, &g)) != NULL) {
			v = g;
			q = r;
		}
		/* "1.5k", "2,25k" */
		if ((*q == '.' || *q == ',') && q == ungrouped) {
			long f = 0, scale = 1;

			for (r = q + 1; r < q + 3 && (d = digit_at(r, &n)) >= 0 && n == 1; r++)
				f = f * 10 + d, scale *= 10;
			if (r > q + 1 && (*r == 'k' || *r == 'K') && !word_at(r + 1, &n)) {
				*end = r + 1;
				return v * 1000 + f * 1000 / scale;
			}
		}
	}
	if ((*q == 'k' || *q == 'K') && !word_at(q + 1, &n)) {
		v = v > LQ_SIZES_HEADCOUNT_MAX ? v : v * 1000;
		q++;
	}
	*end = q;
	return v;
}

/* 1 if the word at s is a unit of company-sizes.units; *end its end. */
static int
unit_at(const char *s, const char **end)
{
	const char *e = s;
	char *w, *f;
	int n, r;

	while (*e && word_at(e, &n))
		e += n;
	*end = e;
	if (e == s)
		return 0;
	w = lq_xstrndup(s, (size_t)(e - s));
	f = lq_fold(w);
	r = lq_size_unit(f);
	free(f);
	free(w);
	return r;
}

/* Past the spaces and at most one hyphen at s. */
static const char *
gap(const char *s)
{
	int n, dash = 0;

	for (;;) {
		if ((n = space_at(s)) > 0)
			s += n;
		else if (!dash && (n = dash_at(s)) > 0)
			s += n, dash = 1;
		else
			return s;
	}
}

/* The unit after a number ending at q: after a gap, perhaps one word of
 * lower-case ASCII letters and hyphens ("4,000 hourly staff"). Returns
 * the unit's end, or NULL. */
static const char *
unit_after(const char *q)
{
	const char *g = gap(q), *e;

	if (g == q)
		return NULL;
	if (unit_at(g, &e))
		return e;
	for (e = g; (*e >= 'a' && *e <= 'z') || *e == '-'; e++)
		;
	if (e == g || space_at(e) == 0)
		return NULL;
	g = gap(e);
	return unit_at(g, &e) ? e : NULL;
}

/* 1 if the clause of text that ends at p (from the last ". ! ? ; :" or
 * line break) names a team or department of company-sizes.team before p:
 * "Je dirige l'équipe technique (35 personnes)" counts a team. */
static int
team_clause(const char *text, const char *p)
{
	const char *b = p;
	char *seg, *f;
	int r = 0;

	if (team == NULL || team[0] == NULL)
		return 0;
	while (b > text && !strchr(".!?;:\n", b[-1]))
		b--;
	seg = lq_xstrndup(b, (size_t)(p - b));
	f = lq_fold(seg);
	for (size_t i = 0; team[i] && !r; i++)
		r = lq_has_phrase(f, team[i]);
	free(f);
	free(seg);
	return r;
}

long
lq_size_headcount(const char *text, const char **start, const char **end)
{
	const char *p = text, *q, *u, *r;
	int n, prev_word = 0, after_digit_sep = 0, prev_digit = 0;

	pthread_once(&once, load);
	if (text == NULL)
		return 0;
	while (*p) {
		long v, top;
		int d;

		/* a run of ASCII letters: words, each byte leaving the state
		 * as the general step below would (a word, no digit) */
		if (((unsigned char)*p | 0x20) >= 'a' && ((unsigned char)*p | 0x20) <= 'z') {
			do
				p++;
			while (((unsigned char)*p | 0x20) >= 'a' && ((unsigned char)*p | 0x20) <= 'z');
			prev_word = 1;
			after_digit_sep = 0;
			prev_digit = 0;
			continue;
		}
		d = digit_at(p, &n);

		if (d < 0 || prev_word || after_digit_sep) {
			int w = word_at(p, &n);

			after_digit_sep = prev_digit && (*p == ',' || *p == '.');
			prev_digit = d >= 0;
			prev_word = w || d >= 0;
			p += n;
			continue;
		}
		v = number_at(p, &q);
		/* "50-200 employees": the middle */
		r = q;
		while ((n = space_at(r)) > 0)
			r += n;
		if ((n = dash_at(r)) > 0) {
			r += n;
			while ((n = space_at(r)) > 0)
				r += n;
			if (digit_at(r, &n) >= 0 && (top = number_at(r, &r)) > v && (u = unit_after(r)) != NULL) {
				if (top <= LQ_SIZES_HEADCOUNT_MAX && v + (top - v) / 2 > 0) {
					v = v + (top - v) / 2;
					goto found;
				}
			}
		}
		if (*q == '+')
			q++;
		if ((u = unit_after(q)) != NULL ||
		    (p - text >= 8 && strncasecmp(p - 8, "team of ", 8) == 0 && (u = q, p -= 8, 1))) {
			if (v > 0 && v <= LQ_SIZES_HEADCOUNT_MAX && (u == q || !team_clause(text, p) ||
			    (p - text >= 8 && strncasecmp(p - 8, "team of ", 8) == 0)))
				goto found;
			if (u == q)
				p += 8;
		}
		/* not a head count: on past the number */
		prev_word = 1;
		after_digit_sep = 0;
		prev_digit = 1;
		p = q;
		continue;
found:
		if (start)
			*start = p;
		if (end)
			*end = u;
		return v;
	}
	return 0;
}

/* The word of company-sizes.range at s (then a space): its end, else NULL. */
static const char *
range_word_at(const char *s)
{
	const char *e = s;
	int n;

	while (*e && word_at(e, &n))
		e += n;
	if (e == s || space_at(e) == 0)
		return NULL;
	char *w = lq_xstrndup(s, (size_t)(e - s)), *f = lq_fold(w);
	int hit = 0;

	for (size_t i = 0; range_words[i] && !hit; i++)
		hit = strcmp(f, range_words[i]) == 0;
	free(f);
	free(w);
	return hit ? e : NULL;
}

int
lq_size_range(const char *text, long *from, long *to)
{
	const char *p = text, *q, *r, *e;
	int n, d, inword = 0;

	pthread_once(&once, load);
	if (text == NULL)
		return 0;
	while (*p) {
		if (inword || digit_at(p, &n) < 0) {
			/* past a letter, a digit or anything else: a number starts
			 * only where no word goes on */
			int w = word_at(p, &n);

			inword = w || ((*p == ',' || *p == '.') && inword && digit_at(p + 1, &d) >= 0);
			p += n > 0 ? n : 1;
			continue;
		}
		long a = number_at(p, &q), b;

		r = q;
		while ((n = space_at(r)) > 0)
			r += n;
		if ((n = dash_at(r)) > 0)
			r += n;
		else
			r = range_word_at(r);
		if (r) {
			while ((n = space_at(r)) > 0)
				r += n;
			if (digit_at(r, &n) >= 0 && (b = number_at(r, &e)) > a && b <= LQ_SIZES_HEADCOUNT_MAX &&
			    unit_after(e) != NULL) {
				*from = a;
				*to = b;
				return 1;
			}
		}
		inword = 1;
		p = q > p ? q : p + 1;
	}
	return 0;
}
