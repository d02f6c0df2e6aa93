/* icplex.c: the curated lexicon of titles, industries, company sizes and topics, and clause-level negation. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pthread.h>

#include "diag.h"
#include "icp.h"
#include "icplex.h"
#include "match.h"
#include "util.h"
#include "vocab.h"

/* An entry of icp-lexicon.vocab: canonical value and the phrases that
 * name it. A phrase is matched as whole words after lq_fold, with a
 * plural "s" (or "ies") tried too; a phrase written with a capital
 * (CFO, IT director) must appear in those capitals, so "it" and "hr" as
 * ordinary words do not count. */
struct entry {
	int kind;
	const char *value;
	size_t n;
	const char **alias;	/* as written */
	char **folded;		/* lq_fold of each alias */
	char *fvalue;		/* lq_fold of value */
};

static struct entry *lexicon;	/* ends with a NULL value */
static const char **neg_before, **neg_after, **not_neg, **topic_cues, **small_talk, **revise_cues, **stop,
	**asks_excl;
static double band_lo[8], band_hi[8];
static const char *band_name[8];
static size_t n_bands;
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

static int
is_size(const char *s)
{
	size_t i;

	for (i = 0; lq_company_sizes[i]; i++)
		if (strcmp(lq_company_sizes[i], s) == 0)
			return 1;
	return 0;
}

/* A cue list, folded (the file is written in plain words: "don't"). */
static const char **
folded_words(const struct lq_vocab *v, const char *table)
{
	const char **w = lq_vocab_words(v, table);
	size_t i;

	for (i = 0; w[i]; i++)
		w[i] = lq_fold(w[i]);
	return w;
}

static void
lex_load(void)
{
	static const struct { const char *table; int kind; } secs[] = {
		{ "icp-lexicon.titles", LQ_CRIT_TITLE }, { "icp-lexicon.industries", LQ_CRIT_INDUSTRY },
		{ "icp-lexicon.sizes", LQ_CRIT_SIZE }, { "icp-lexicon.keywords", LQ_CRIT_KEYWORD }
	};
	const struct lq_vocab *v = lq_vocab();
	const struct lq_vocab_table *t;
	size_t n = 0, s, i, k;

	for (s = 0; s < sizeof secs / sizeof *secs; s++)
		n += lq_vocab_need(v, secs[s].table, 1, LQ_VOCAB_MAX_FIELDS)->n;
	lexicon = lq_xcalloc(n + 1, sizeof *lexicon);
	n = 0;
	for (s = 0; s < sizeof secs / sizeof *secs; s++) {
		t = lq_vocab_table(v, secs[s].table);
		for (i = 0; i < t->n; i++) {
			const struct lq_vocab_rec *r = &t->rec[i];
			struct entry *e = &lexicon[n++];

			if (secs[s].kind == LQ_CRIT_SIZE && !is_size(r->f[0]))
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a company size (%s)", r->file,
				    r->line, r->f[0], "startup, scaleup, mid-market, enterprise, agency, freelance");
			e->kind = secs[s].kind;
			e->value = r->f[0];
			e->fvalue = lq_fold(r->f[0]);
			e->n = r->n - 1;
			e->alias = lq_xcalloc(e->n + 1, sizeof *e->alias);
			e->folded = lq_xcalloc(e->n + 1, sizeof *e->folded);
			for (k = 0; k < e->n; k++) {
				e->alias[k] = r->f[k + 1];
				e->folded[k] = lq_fold(r->f[k + 1]);
				if (e->folded[k][0] == '\0')
					lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: phrase %zu of '%s' has no word",
					    r->file, r->line, k + 1, r->f[0]);
			}
		}
	}
	neg_before = folded_words(v, "icp-cues.negation-before");
	neg_after = folded_words(v, "icp-cues.negation-after");
	not_neg = folded_words(v, "icp-cues.not-negation");
	topic_cues = folded_words(v, "icp-cues.topic");
	small_talk = folded_words(v, "icp-cues.small-talk");
	revise_cues = folded_words(v, "icp-cues.revise");
	stop = folded_words(v, "icp-cues.stop");
	asks_excl = folded_words(v, "icp-cues.asks-exclusion");
	t = lq_vocab_need(v, "company-sizes.bands", 3, 3);
	if (t->n == 0 || t->n > sizeof band_lo / sizeof *band_lo)
		lq_die(LQ_EXIT_FATAL, "vocabulary: company-sizes.bands: %zu bands; 1 to %zu are allowed", t->n,
		    sizeof band_lo / sizeof *band_lo);
	for (i = 0; i < t->n; i++) {
		const struct lq_vocab_rec *r = &t->rec[i];
		char *end;

		band_name[i] = r->f[0];
		band_lo[i] = strtod(r->f[1], &end);
		if (end == r->f[1] || *end || band_lo[i] < 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a head count", r->file, r->line,
			    r->f[1]);
		band_hi[i] = r->f[2][0] ? strtod(r->f[2], &end) : 1e12;
		if ((r->f[2][0] && (end == r->f[2] || *end)) || band_hi[i] <= band_lo[i]
		    || (i > 0 && band_lo[i] < band_hi[i - 1]))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' to '%s' is not a band above the one before",
			    r->file, r->line, r->f[1], r->f[2]);
	}
	n_bands = t->n;
}

static void
lex(void)
{
	pthread_once(&lex_once, lex_load);
}

void
lq_icplex_digest(char hex[65])
{
	static const char *const files[] = { "icp-lexicon", "icp-cues", "company-sizes", NULL };

	lq_vocab_digest(lq_vocab(), files, hex);
}

/* Whole-word search of folded needle in folded hay: the word index of
 * the first occurrence at or after word from, or -1. */
static int
find_words(const char *hay, const char *needle, int from, int *nwords)
{
	size_t nl = strlen(needle);
	const char *p;
	int w;

	if (nl == 0)
		return -1;
	*nwords = 1;
	for (p = needle; *p; p++)
		if (*p == ' ')
			(*nwords)++;
	for (p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		if ((p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0')) {
			const char *q;

			w = 0;
			for (q = hay; q < p; q++)
				if (*q == ' ')
					w++;
			if (w >= from)
				return w;
		}
	}
	return -1;
}

static int
contains_any(const char *folded, const char **list)
{
	int nw;

	for (; *list; list++)
		if (find_words(folded, *list, 0, &nw) >= 0)
			return 1;
	return 0;
}

int
lq_icplex_small_talk(const char *sentence)
{
	char *f;
	int r;

	lex();
	f = lq_fold(sentence);
	r = contains_any(f, small_talk);

	free(f);
	return r;
}

int
lq_icplex_revises(const char *sentence)
{
	char *f;
	int r;

	lex();
	f = lq_fold(sentence);
	r = contains_any(f, revise_cues);

	free(f);
	return r;
}

static int
has_upper(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s))
			return 1;
	return 0;
}

/* Case-sensitive whole-word search of s in text (ASCII word edges):
 * returns the byte offset, or -1. */
static long
find_exact(const char *text, const char *s, size_t from)
{
	size_t sl = strlen(s);
	const char *p;

	for (p = strstr(text + from, s); p; p = strstr(p + 1, s)) {
		unsigned char b = p > text ? (unsigned char)p[-1] : ' ', a = (unsigned char)p[sl];

		if (!isalnum(b) && !isalnum(a))
			return p - text;
		if (!isalnum(b) && a == 's' && !isalnum((unsigned char)p[sl + 1]))
			return p - text;
	}
	return -1;
}

/* Word index in the folded clause of byte offset off of the original. */
static int
word_at(const char *clause, long off)
{
	char *pre = lq_xstrndup(clause, (size_t)off), *f = lq_fold(pre);
	int w = 0;
	const char *q;

	for (q = f; *q; q++)
		if (*q == ' ')
			w++;
	if (*f)
		w++;
	free(pre);
	free(f);
	return w;
}

struct span {
	const struct entry *e;
	int w, n;	/* first word, words */
	char made[96];	/* value built from "head of X" */
};

/* The i-th word of folded text f (a new string). */
static char *
word(const char *f, int i)
{
	const char *p = f, *e;

	while (i-- > 0 && p) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (p == NULL || *p == '\0')
		return NULL;
	e = strchr(p, ' ');
	return lq_xstrndup(p, e ? (size_t)(e - p) : strlen(p));
}

/* Is the hit at words [w, w+n) of f negated? */
static int
negated(const char *f, int w, int n)
{
	const char **l;
	int nw, i;

	for (l = neg_before; *l; l++) {
		int at = -1, from = w - 7 < 0 ? 0 : w - 7;

		while ((at = find_words(f, *l, from, &nw)) >= 0 && at + nw <= w) {
			const char **x;
			int skip = 0;

			for (x = not_neg; *x; x++) {
				int xn, xa = find_words(f, *x, at, &xn);

				if (xa == at)
					skip = 1;
			}
			if (!skip)
				return 1;
			from = at + 1;
		}
	}
	for (l = neg_after; *l; l++) {
		int at = find_words(f, *l, w + n, &nw);

		if (at >= 0 && at - (w + n) <= 4)
			return 1;
	}
	(void)i;
	return 0;
}

static int
is_stop(const char *w)
{
	const char **s;

	for (s = stop; *s; s++)
		if (strcmp(*s, w) == 0)
			return 1;
	return 0;
}

static size_t
find_clause(const char *clause, struct lq_crit_hit *out, size_t max, int topical)
{
	char *f = lq_fold(clause);
	struct span sp[64];
	size_t ns = 0, i, j, nout = 0;
	const struct entry *e;

	for (e = lexicon; e->value && ns < 64; e++) {
		size_t k;

		if (e->kind == LQ_CRIT_KEYWORD && !topical)
			continue;
		for (k = 0; k < e->n && ns < 64; k++) {
			const char *alias = e->alias[k], *fa = e->folded[k];
			int w, nw;

			if (has_upper(alias)) {
				long off = find_exact(clause, alias, 0);

				if (off >= 0) {
					sp[ns].e = e;
					sp[ns].w = word_at(clause, off);
					find_words(fa, fa, 0, &nw);
					sp[ns].n = nw;
					sp[ns].made[0] = '\0';
					ns++;
				}
			} else {
				char *pl = lq_xasprintf("%ss", fa);

				w = find_words(f, fa, 0, &nw);
				if (w < 0 && fa[strlen(fa) - 1] != 's')
					w = find_words(f, pl, 0, &nw);
				if (w < 0 && strlen(fa) > 1 && fa[strlen(fa) - 1] == 'y') {
					free(pl);
					pl = lq_xasprintf("%.*sies", (int)strlen(fa) - 1, fa);
					w = find_words(f, pl, 0, &nw);
				}
				if (w >= 0) {
					sp[ns].e = e;
					sp[ns].w = w;
					sp[ns].n = nw;
					sp[ns].made[0] = '\0';
					ns++;
				}
				free(pl);
			}
		}
	}
	/* "head(s) of X", "director(s) of X", "VP(s) of X" with X unknown. */
	{
		static const char *const heads[] = { "head of", "heads of", "director of", "directors of",
			"vp of", "vps of", NULL };
		const char *const *h;
		int nw;

		for (h = heads; *h && ns < 64; h++) {
			int w = find_words(f, *h, 0, &nw);
			char *x, *y;

			if (w < 0)
				continue;
			x = word(f, w + nw);
			if (x == NULL || is_stop(x)) {
				free(x);
				continue;
			}
			y = word(f, w + nw + 1);
			sp[ns].e = NULL;
			sp[ns].w = w;
			sp[ns].n = nw + 1;
			snprintf(sp[ns].made, sizeof sp[ns].made, "%s of %c%s", strncmp(*h, "head", 4) == 0 ? "Head"
			    : strncmp(*h, "vp", 2) == 0 ? "VP" : "Director", toupper((unsigned char)x[0]), x + 1);
			(void)y;
			free(y);
			free(x);
			ns++;
		}
	}
	/* Longest wins: drop spans inside another span. */
	for (i = 0; i < ns; i++) {
		int inside = 0;

		for (j = 0; j < ns && !inside; j++)
			if (j != i && sp[j].w <= sp[i].w && sp[j].w + sp[j].n >= sp[i].w + sp[i].n
			    && (sp[j].n > sp[i].n || (sp[j].n == sp[i].n && j < i)))
				inside = 1;
		if (inside)
			continue;
		if (sp[i].e == NULL) {	/* a made title: only if the lexicon knows its function */
			struct lq_title t;

			lq_title_analyse(sp[i].made, &t);
			free(t.canon);
			if (t.fn == 0)
				continue;
		}
		/* the speaker's own people: "our CFO", "my recruiter" */
		if (sp[i].w > 0) {
			char *pw = word(f, sp[i].w - 1);
			int own = pw && (strcmp(pw, "our") == 0 || strcmp(pw, "my") == 0 || strcmp(pw, "your") == 0);

			free(pw);
			if (own && (sp[i].e == NULL || sp[i].e->kind == LQ_CRIT_TITLE))
				continue;
		}
		if (nout >= max)
			break;
		out[nout].kind = sp[i].e ? sp[i].e->kind : LQ_CRIT_TITLE;
		if (sp[i].e)
			out[nout].value = sp[i].e->value;
		else {
			snprintf(out[nout].buf, sizeof out[nout].buf, "%s", sp[i].made);
			out[nout].value = out[nout].buf;
		}
		out[nout].negated = negated(f, sp[i].w, sp[i].n);
		nout++;
	}
	free(f);
	return nout;
}

/* Company sizes from head counts: "50 to 500 people", "over 1,000
 * employees", "under 50 staff", into the bands of company-sizes.vocab. */
static size_t
find_counts(const char *clause, struct lq_crit_hit *out, size_t max)
{
	char *f = lq_fold(clause), *toks[64];
	int nt = 0, i, neg;
	size_t nout = 0;
	char *p, *save = NULL;

	for (p = strtok_r(f, " ", &save); p && nt < 64; p = strtok_r(NULL, " ", &save))
		toks[nt++] = p;
	for (i = 0; i < nt; i++) {
		double a = -1, b = -1;
		int j = i, k;
		char *end;

		/* numbers as tokens: "1 000" was "1,000" */
		if (!isdigit((unsigned char)toks[i][0]))
			continue;
		a = strtod(toks[i], &end);
		if (*end == 'k')
			a *= 1000, end++;
		if (*end)
			continue;
		while (j + 1 < nt && strlen(toks[j + 1]) == 3 && isdigit((unsigned char)toks[j + 1][0])
		    && strspn(toks[j + 1], "0123456789") == 3)
			a = a * 1000 + atof(toks[++j]);
		if (j + 2 < nt && (strcmp(toks[j + 1], "to") == 0 || strcmp(toks[j + 1], "and") == 0
		    || isdigit((unsigned char)toks[j + 1][0]))) {
			int m = isdigit((unsigned char)toks[j + 1][0]) ? j + 1 : j + 2;

			b = strtod(toks[m], &end);
			if (*end == 'k')
				b *= 1000, end++;
			if (*end)
				continue;
			j = m;
			while (j + 1 < nt && strlen(toks[j + 1]) == 3 && strspn(toks[j + 1], "0123456789") == 3)
				b = b * 1000 + atof(toks[++j]);
		}
		if (j + 1 >= nt)
			continue;
		if (strcmp(toks[j + 1], "people") && strcmp(toks[j + 1], "employees") && strcmp(toks[j + 1], "employee")
		    && strcmp(toks[j + 1], "staff") && strcmp(toks[j + 1], "ftes") && strcmp(toks[j + 1], "heads")
		    && strcmp(toks[j + 1], "person") && !(strcmp(toks[j + 1], "plus") == 0 && j + 2 < nt))
			continue;
		if (b < 0) {
			const char *prev = i > 0 ? toks[i - 1] : "";
			const char *prev2 = i > 1 ? toks[i - 2] : "";

			if (strcmp(prev, "over") == 0 || strcmp(prev, "above") == 0 || strcmp(toks[j + 1], "plus") == 0
			    || (strcmp(prev, "than") == 0 && strcmp(prev2, "more") == 0) || strcmp(prev, "least") == 0)
				b = 1e12;
			else if (strcmp(prev, "under") == 0 || strcmp(prev, "below") == 0
			    || (strcmp(prev, "than") == 0 && (strcmp(prev2, "fewer") == 0 || strcmp(prev2, "less") == 0)))
				b = a, a = 0;
			else
				b = a;	/* "a 200 person company" */
		}
		neg = 0;
		{
			char *g = lq_fold(clause);
			int nw;

			neg = find_words(g, "not", 0, &nw) >= 0 && find_words(g, "not", 0, &nw) < i;
			neg = neg || (find_words(g, "no", 0, &nw) >= 0 && find_words(g, "no", 0, &nw) < i);
			free(g);
		}
		for (k = 0; k < (int)n_bands && nout < max; k++)
			if (a < band_hi[k] && b >= band_lo[k]) {
				out[nout].kind = LQ_CRIT_SIZE;
				out[nout].value = band_name[k];
				out[nout].negated = neg;
				nout++;
			}
		i = j + 1;
	}
	free(f);
	return nout;
}

size_t
lq_icplex_find(const char *sentence, struct lq_crit_hit *out, size_t max)
{
	char *s, *c, *fs;
	size_t n = 0;
	int topical;

	lex();
	s = lq_xstrdup(sentence);

	fs = lq_fold(sentence);
	topical = contains_any(fs, topic_cues);
	free(fs);
	/* "1,000 employees" is one number, not two clauses. */
	for (c = s; *c; c++)
		if (*c == ',' && c > s && isdigit((unsigned char)c[-1]) && isdigit((unsigned char)c[1]))
			memmove(c, c + 1, strlen(c));
	/* Clauses: commas, semicolons, colons, brackets, " but ", " - ". */
	for (c = s; (c = strstr(c, " but ")) != NULL; c += 4)
		c[1] = ',', c[2] = ' ', c[3] = ' ';
	for (c = s; (c = strstr(c, " - ")) != NULL; c += 2)
		c[1] = ',';
	for (c = s; *c && n < max;) {
		size_t l = strcspn(c, ",;:()");
		char save = c[l];

		c[l] = '\0';
		n += find_clause(c, out + n, max - n, topical);
		n += find_counts(c, out + n, max - n);
		c[l] = save;
		c += l;
		if (*c)
			c++;
	}
	free(s);
	return n;
}

const char *
lq_icplex_canonical(int kind, const char *s)
{
	char *f;
	const struct entry *e;
	const char *r = NULL;

	lex();
	f = lq_fold(s);

	for (e = lexicon; e->value && !r; e++) {
		size_t k;

		if (e->kind != kind)
			continue;
		if (strcmp(e->fvalue, f) == 0)
			r = e->value;
		for (k = 0; k < e->n && !r; k++) {
			const char *fa = e->folded[k];
			size_t fl = strlen(fa);

			if (strcmp(fa, f) == 0 || (strncmp(fa, f, fl) == 0 && strcmp(f + fl, "s") == 0))
				r = e->value;
		}
	}
	free(f);
	return r;
}

int
lq_icplex_asks_exclusion(const char *text)
{
	char *f;
	int r;

	if (text == NULL || strchr(text, '?') == NULL)
		return 0;
	lex();
	f = lq_fold(text);
	r = contains_any(f, asks_excl);
	free(f);
	return r;
}
