/* match.c: the matching rules of the structured score over the title and industry lexicons (titles.vocab, industries.vocab). */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "diag.h"
#include "match.h"
#include "sizes.h"
#include "util.h"
#include "vocab.h"

/* The lexicons come from titles.vocab and industries.vocab
 * (docs/vocabulary.md), read once at first use; their phrases are folded
 * (lq_fold) here, so matching compares folded words. */
static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

/* titles.expand: abbreviations and translations rewritten into English
 * before anything else looks at a title (an empty replacement drops the
 * words). Longest match wins. */
static struct {
	char *phrase, *rep;
} *expand;
static size_t n_expand;

/* titles.senses: what canonical (English) words say about function and
 * seniority. level -1: none. A level of 0 or 1 (student, assistant)
 * overrides higher words ("Aspiring Head of People" is a student).
 * Longest match wins. */
static struct {
	char *phrase;
	unsigned fn;
	int level;
} *senses;
static size_t n_senses;

/* titles.lapsed, .recruiter, .vendor, .side: headline and title phrases
 * (lq_headline_stance, lq_title_side); NULL-terminated, folded. */
static char **lapsed, **recruiter, **vendor, **side;

/* industries.words: words naming industries and their groups (a bit per
 * name of industries.groups); industries.related: pairs of related
 * groups (half credit); industries.practice: words of a practice that
 * sells a person's service (lq_company_groups). */
static struct {
	char *phrase;
	unsigned groups;
} *industries;
static size_t n_industries;
static unsigned (*related)[2];
static size_t n_related;
static char **practice_words;

/* industries.stems (optional): stems that name an industry inside a
 * compound word ("Werkzeugmaschinen"); company-sizes.units: words that
 * count a company's people after a number (headcount). */
static struct {
	char *stem;
	unsigned groups;
} *stems;
static size_t n_stems;
static char **units;

static const char *const fn_names[] = { "finance", "people", "recruiting", "tech", "product", "marketing",
	"sales", "operations", "executive", "customer", "legal", "data", "design", "quality", "supply",
	"production" };	/* LQ_FN_* bit order */
static const char *const level_names[] = { "student", "junior", "ic", "manager", "head", "vp", "c-level" };

/* The folded field f of r, which must have a word. */
static char *
folded(const struct lq_vocab_rec *r, size_t f)
{
	char *s = lq_fold(r->f[f]);

	if (f == 0 && s[0] == '\0') {
		free(s);
		lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' has no word", r->file, r->line, r->f[f]);
	}
	return s;
}

static char **
folded_list(const struct lq_vocab *v, const char *table)
{
	const struct lq_vocab_table *t = lq_vocab_need(v, table, 1, 1);
	char **w = lq_xcalloc(t->n + 1, sizeof *w);

	for (size_t i = 0; i < t->n; i++)
		w[i] = folded(&t->rec[i], 0);
	return w;
}

/* The bits of the space-separated names in field f of r: names[i] is bit
 * i; what names the field's values in a message. */
static unsigned
bits_of(const struct lq_vocab_rec *r, size_t f, const char *const *names, size_t n, const char *what)
{
	char *s = lq_xstrdup(r->f[f]), *save = NULL;
	unsigned b = 0;

	for (char *p = strtok_r(s, " \t", &save); p; p = strtok_r(NULL, " \t", &save)) {
		size_t i;

		for (i = 0; i < n && strcmp(names[i], p) != 0; i++)
			;
		if (i == n) {
			char bad[LQ_VOCAB_MAX_LINE + 1];

			snprintf(bad, sizeof bad, "%s", p);
			free(s);	/* nothing left behind on the way out */
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not %s", r->file, r->line, bad, what);
		}
		b |= 1u << i;
	}
	free(s);
	return b;
}

static void
lex_load(void)
{
	const struct lq_vocab *v = lq_vocab();
	const struct lq_vocab_table *t;
	static const char **groups;	/* static: reachable if a check below dies */
	size_t i, ng;

	t = lq_vocab_need(v, "titles.expand", 2, 2);
	expand = lq_xcalloc(t->n + 1, sizeof *expand);
	for (i = 0; i < t->n; i++) {
		expand[i].phrase = folded(&t->rec[i], 0);
		expand[i].rep = folded(&t->rec[i], 1);
	}
	n_expand = t->n;

	t = lq_vocab_need(v, "titles.senses", 3, 3);
	senses = lq_xcalloc(t->n + 1, sizeof *senses);
	for (i = 0; i < t->n; i++) {
		const struct lq_vocab_rec *r = &t->rec[i];

		senses[i].phrase = folded(r, 0);
		senses[i].fn = bits_of(r, 1, fn_names, LQ_NELEM(fn_names),
		    "a function (finance people recruiting tech product marketing sales operations executive "
		    "customer legal data design quality supply production)");
		senses[i].level = -1;
		if (r->f[2][0]) {
			unsigned l = bits_of(r, 2, level_names, LQ_NELEM(level_names),
			    "a level (student junior ic manager head vp c-level)");

			if (l & (l - 1))
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: one level, not '%s'", r->file, r->line,
				    r->f[2]);
			while (l >>= 1)
				senses[i].level++;
			senses[i].level++;
		}
	}
	n_senses = t->n;

	lapsed = folded_list(v, "titles.lapsed");
	recruiter = folded_list(v, "titles.recruiter");
	vendor = folded_list(v, "titles.vendor");
	side = folded_list(v, "titles.side");

	groups = lq_vocab_words(v, "industries.groups");
	for (ng = 0; groups[ng]; ng++)
		if (ng == 32)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: more than 32 industry groups",
			    lq_vocab_table(v, "industries.groups")->rec[ng].file,
			    lq_vocab_table(v, "industries.groups")->rec[ng].line);
	t = lq_vocab_need(v, "industries.words", 2, 2);
	industries = lq_xcalloc(t->n + 1, sizeof *industries);
	for (i = 0; i < t->n; i++) {
		industries[i].phrase = folded(&t->rec[i], 0);
		industries[i].groups = bits_of(&t->rec[i], 1, groups, ng, "a group of industries.groups");
		if (industries[i].groups == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' names no group", t->rec[i].file,
			    t->rec[i].line, t->rec[i].f[0]);
	}
	n_industries = t->n;
	t = lq_vocab_need(v, "industries.related", 2, 2);
	related = lq_xcalloc(t->n + 1, sizeof *related);
	for (i = 0; i < t->n; i++) {
		for (size_t k = 0; k < 2; k++)
			if ((related[i][k] = bits_of(&t->rec[i], k, groups, ng, "a group of industries.groups")) == 0 ||
			    (related[i][k] & (related[i][k] - 1)))
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: one group in each field", t->rec[i].file,
				    t->rec[i].line);
	}
	n_related = t->n;
	practice_words = folded_list(v, "industries.practice");
	if (lq_vocab_table(v, "industries.stems")) {
		t = lq_vocab_need(v, "industries.stems", 2, 2);
		stems = lq_xcalloc(t->n + 1, sizeof *stems);
		for (i = 0; i < t->n; i++) {
			stems[i].stem = folded(&t->rec[i], 0);
			stems[i].groups = bits_of(&t->rec[i], 1, groups, ng, "a group of industries.groups");
		}
		n_stems = t->n;
	}
	units = folded_list(v, "company-sizes.units");
	free(groups);
	groups = NULL;
}

static void
lex(void)
{
	pthread_once(&lex_once, lex_load);
}

void
lq_match_versioned(char *buf, size_t len, const char *base)
{
	static const char *const files[] = { "titles", "industries", "company-sizes", NULL };

	lex();			/* a bad file is fatal before its digest is used */
	(void)lq_size_band(0);
	lq_vocab_versioned(buf, len, base, files);
}
char *
lq_fold(const char *s)
{
	utf8proc_uint8_t *m = NULL;
	const unsigned char *a = (const unsigned char *)s;
	utf8proc_ssize_t n = 0;

	/* ASCII is its own NFKC form and case folds to lower case, which the
	 * loop below does: most profile text skips utf8proc altogether. */
	while (*a && *a < 0x80)
		a++;
	if (*a)
		n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
		    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	const unsigned char *src = n >= 0 && m ? m : (const unsigned char *)s;
	size_t len = strlen((const char *)src), i = 0;
	char *out = lq_xmalloc(len + 1), *o = out;

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		int word;

		if (src[i] < 0x80) {
			cp = src[i];
			k = 1;
		} else if (n < 0 || (k = utf8proc_iterate(src + i, (utf8proc_ssize_t)(len - i), &cp)) < 1) {
			cp = -1;	/* a byte of invalid UTF-8 */
			k = 1;
		}
		if (cp < 0)
			word = 0;
		else if (cp < 0x80)
			word = isalnum(cp) || ((cp == '&' || cp == '+') && o > out && o[-1] != ' ' &&
			    i + 1 < len && isalnum(src[i + 1]));
		else {
			utf8proc_category_t c = utf8proc_category(cp);

			word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) ||
			    c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
		}
		if (word) {
			if (cp < 0x80)
				*o++ = (char)tolower(cp);
			else {
				memcpy(o, src + i, (size_t)k);
				o += k;
			}
		} else if (o > out && o[-1] != ' ') {
			*o++ = ' ';
		}
		i += (size_t)k;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(m);
	return out;
}

/* Splits folded text in place at spaces; returns the number of words. */
static size_t
split(char *s, char ***words)
{
	size_t n = 0, cap = 8;
	char **w = lq_xreallocarray(NULL, cap, sizeof *w);

	char *save = NULL;

	for (char *p = strtok_r(s, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
		if (n == cap)
			w = lq_xreallocarray(w, cap *= 2, sizeof *w);
		w[n++] = p;
	}
	*words = w;
	return n;
}

/* Number of words of phrase that match w[0..n) from the start, or 0. */
static size_t
phrase_at(const char *phrase, char **w, size_t n)
{
	size_t k = 0;
	const char *p = phrase;

	while (*p) {
		const char *e = strchr(p, ' ');
		size_t len = e ? (size_t)(e - p) : strlen(p);

		if (k == n || w[k] == NULL || strlen(w[k]) != len || memcmp(w[k], p, len) != 0)
			return 0;
		k++;
		p += len;
		if (*p == ' ')
			p++;
	}
	return k;
}

void
lq_title_analyse(const char *title, struct lq_title *t)
{
	char *f = lq_fold(title), **w, **cw;
	size_t n = split(f, &w), cn;
	struct lq_buf b = LQ_BUF_INIT;
	int level = LQ_LEVEL_UNKNOWN, low = LQ_LEVEL_UNKNOWN;
	unsigned fn = 0, prev = 0;

	lex();
	for (size_t i = 0; i < n;) {
		size_t best = 0, bi = 0;

		/* "Chief of Staff to the CEO", "Assistant to the CFO": the
		 * title is what comes before "to" */
		if (i > 0 && strcmp(w[i], "to") == 0 && strcmp(w[i - 1], "go") != 0)
			break;
		for (size_t e = 0; e < n_expand; e++) {
			size_t k = phrase_at(expand[e].phrase, w + i, n - i);

			if (k > best)
				best = k, bi = e;
		}
		const char *rep = best ? expand[bi].rep : w[i];
		if (*rep) {
			if (b.len)
				lq_buf_addc(&b, ' ');
			lq_buf_adds(&b, rep);
		}
		i += best ? best : 1;
	}
	t->canon = b.len ? lq_buf_detach(&b) : lq_xstrdup("");
	lq_buf_free(&b);

	char *c = lq_xstrdup(t->canon);
	cn = split(c, &cw);
	for (size_t i = 0; i < cn;) {
		size_t best = 0, bi = 0;

		for (size_t e = 0; e < n_senses; e++) {
			size_t k = phrase_at(senses[e].phrase, cw + i, cn - i);

			if (k > best)
				best = k, bi = e;
		}
		if (best == 0) {
			i++;
			prev = 0;
			continue;
		}
		/* "Marketing Operations", "HR Operations", "Warehouse
		 * Operations": the operations of a function are that function */
		if (senses[bi].fn == LQ_FN_OPERATIONS && senses[bi].level < 0 &&
		    (prev & ~(LQ_FN_OPERATIONS | LQ_FN_EXECUTIVE))) {
			i += best;
			continue;
		}
		prev = senses[bi].fn;
		fn |= senses[bi].fn;
		if (senses[bi].level >= 0 && senses[bi].level <= LQ_LEVEL_JUNIOR)
			low = low < 0 || senses[bi].level < low ? senses[bi].level : low;
		else if (senses[bi].level > level)
			level = senses[bi].level;
		i += best;
	}
	if (low >= 0)
		level = low;
	if (fn & LQ_FN_RECRUITING)
		fn = LQ_FN_RECRUITING;	/* a finance recruiter is a recruiter */
	/* "Chief Executive Officer" names the executive function; "Chief
	 * Financial Officer" names finance, not the executive one. A compound
	 * title is judged by its most specific function: "Co-founder & CFO" is
	 * a CFO (for a founders' ICP as for a CTO target), "Owner / Head of
	 * Finance" a finance head. */
	if ((fn & LQ_FN_EXECUTIVE) && (fn & ~LQ_FN_EXECUTIVE) && strstr(t->canon, "chief executive") == NULL)
		fn &= ~LQ_FN_EXECUTIVE;
	t->fn = fn;
	t->level = level;
	free(cw);
	free(c);
	free(w);
	free(f);
}

double
lq_title_lexsim(const struct lq_title *a, const struct lq_title *b)
{
	static const double by_gap[] = { 1.0, 0.8, 0.55, 0.35, 0.2, 0.1, 0.1 };
	int la, lb, gap;

	la = a->level < 0 ? LQ_LEVEL_IC : a->level;
	lb = b->level < 0 ? LQ_LEVEL_IC : b->level;
	if ((la == LQ_LEVEL_STUDENT) != (lb == LQ_LEVEL_STUDENT))
		return 0.1;
	if (a->fn == 0 && b->fn == 0)
		return -1;
	/* Only one side names a function: "Vice President", "Partner" or
	 * "Chief of ..." without a function share their seniority words with
	 * "VP People" or "CTO", which lifts the cosine without saying the job. */
	if ((a->fn == 0 && a->level >= 0) || (b->fn == 0 && b->level >= 0))
		return LQ_LEX_SENIORITY_ONLY;
	if (a->fn == 0 || b->fn == 0)
		return -1;
	if ((a->fn & b->fn) == 0)
		return 0;
	gap = abs(la - lb);
	return by_gap[gap < 6 ? gap : 6];
}

/* Cosines of unrelated short titles sit around 0.2-0.4 with MiniLM and
 * paraphrases above 0.8: map [0.35, 0.85] onto [0, 1]. */
#define COS_LO 0.35
#define COS_HI 0.85
/* A bare seniority against a titled function: at most half a match (title
 * similarity 0.5 keeps a lead out of tier B on the title alone). */
#define SENIORITY_ONLY_MAX 0.5

double
lq_title_sim(double lex, double cos)
{
	double e = (cos - COS_LO) / (COS_HI - COS_LO);

	e = e < 0 ? 0 : e > 1 ? 1 : e;
	if (lex == LQ_LEX_SENIORITY_ONLY)
		return e > SENIORITY_ONLY_MAX ? SENIORITY_ONLY_MAX : e;
	if (lex < 0)
		return e;			/* the lexicon knows neither side */
	if (lex == 0)
		return 0.5 * e > 0.4 ? 0.4 : 0.5 * e;	/* known different functions */
	if (lex <= 0.1)
		return lex;	/* a student against a professional: the words cannot lift it */
	return lex > e ? lex : e;
}

static int
hiring_call(const char *seg)
{
	char *f = lq_fold(seg);
	int r = strncmp(f, "hiring", 6) == 0 || strncmp(f, "we re hiring", 12) == 0 ||
	    strncmp(f, "we are hiring", 13) == 0 || strncmp(f, "looking for", 11) == 0 ||
	    strncmp(f, "recruiting for", 14) == 0 || strncmp(f, "open to work", 12) == 0 ||
	    strncmp(f, "ex ", 3) == 0 || strncmp(f, "former", 6) == 0 || f[0] == '\0';

	free(f);
	return r;
}

int
lq_headline_stance(const char *headline)
{
	char *f = lq_fold(headline);
	int r = LQ_STANCE_NONE;
	size_t i;

	lex();
	for (i = 0; r == LQ_STANCE_NONE && recruiter[i]; i++)
		if (lq_has_phrase(f, recruiter[i]))
			r = LQ_STANCE_RECRUITER;
	for (i = 0; r == LQ_STANCE_NONE && vendor[i]; i++)
		if (strncmp(f, vendor[i], strlen(vendor[i])) == 0 && f[strlen(vendor[i])] == ' ')
			r = LQ_STANCE_VENDOR;
	for (i = 0; r == LQ_STANCE_NONE && lapsed[i]; i++)
		if (lq_has_phrase(f, lapsed[i]))
			r = LQ_STANCE_LAPSED;
	if (r == LQ_STANCE_NONE && (strncmp(f, "former ", 7) == 0 || strncmp(f, "ex ", 3) == 0))
		r = LQ_STANCE_LAPSED;
	free(f);
	return r;
}

char *
lq_headline_title(const char *headline)
{
	static const char *const seps[] = { " | ", "|", " @ ", "@", " at ", " chez ", " bei ",
		" bij ", " presso ", " en ", " na ", " - ", " \xe2\x80\x94 ", " \xe2\x80\x93 ",
		" \xc2\xb7 ", " \xe2\x80\xa2 ", ", ", " / " };
	const char *p = headline;

	while (*p) {
		const char *end = p + strlen(p), *next = end;

		for (size_t i = 0; i < LQ_NELEM(seps); i++) {
			const char *q = strstr(p, seps[i]);

			if (q && q < end) {
				end = q;
				next = q + strlen(seps[i]);
			}
		}
		char *seg = lq_xstrndup(p, (size_t)(end - p));
		if (!hiring_call(seg)) {
			/* trim */
			char *s = seg, *e = seg + strlen(seg);
			while (*s == ' ')
				s++;
			while (e > s && e[-1] == ' ')
				e--;
			char *r = lq_xstrndup(s, (size_t)(e - s));
			free(seg);
			return r;
		}
		free(seg);
		p = next;
	}
	return lq_xstrdup("");
}

/* Words that make a title a side role beside the person's main job
 * (folded, whole words). "Board" alone is not one ("Board of Directors
 * Secretary" is rare; "Head of Onboarding" does not match a whole word). */
int
lq_title_side(const char *title)
{
	char *f = lq_fold(title);
	int r = 0;

	lex();
	for (size_t i = 0; side[i] && !r; i++)
		r = lq_has_phrase(f, side[i]);
	free(f);
	return r;
}

/* Groups of the words w[0..n) (folded); a word that is NULL is skipped. A
 * bare "ai" counts only when ai_ok. */
static unsigned
groups_of(char **w, size_t n, int ai_ok)
{
	unsigned g = 0;

	lex();
	for (size_t i = 0; i < n;) {
		size_t best = 0, bi = 0;

		for (size_t e = 0; w[i] && e < n_industries; e++) {
			size_t k = phrase_at(industries[e].phrase, w + i, n - i);

			if (k > best)
				best = k, bi = e;
		}
		if (best && (ai_ok || strcmp(industries[bi].phrase, "ai") != 0))
			g |= industries[bi].groups;
		for (size_t e = 0; w[i] && best == 0 && e < n_stems; e++)
			if (strlen(w[i]) >= strlen(stems[e].stem) + 3 && strstr(w[i], stems[e].stem))
				g |= stems[e].groups;
		i += best ? best : 1;
	}
	return g;
}

unsigned
lq_industry_groups(const char *name)
{
	char *f = lq_fold(name), **w;
	size_t n = split(f, &w);
	unsigned g = groups_of(w, n, 1);

	free(w);
	free(f);
	return g;
}

unsigned
lq_company_groups(const char *text, const char *person)
{
	char *f = lq_fold(text), **w;
	char *pf = person ? lq_fold(person) : NULL, **pw = NULL;
	size_t n = split(f, &w), pn = pf ? split(pf, &pw) : 0, i, k;
	int ai_ok = 1;
	unsigned g;

	lex();
	for (i = 0; i < n; i++) {
		for (k = 0; k < pn; k++)
			if (strcmp(w[i], pw[k]) == 0)
				break;
		if (k < pn) {
			w[i] = NULL;	/* the person's own name ("Ai Tanaka Design") */
			continue;
		}
		for (k = 0; practice_words[k]; k++)
			if (strcmp(w[i], practice_words[k]) == 0)
				ai_ok = 0;
	}
	g = groups_of(w, n, ai_ok);
	free(w);
	free(pw);
	free(f);
	free(pf);
	return g;
}

double
lq_industry_lexsim(unsigned lead, unsigned target)
{
	if (lead == 0 || target == 0)
		return -1;
	if ((lead & target) == target)
		return 1;
	if (lead & target)
		return 0.75;
	lex();
	for (size_t i = 0; i < n_related; i++)
		if (((lead & related[i][0]) && (target & related[i][1])) ||
		    ((lead & related[i][1]) && (target & related[i][0])))
			return 0.5;
	return 0;
}

/* Whether the folded word at q is one of company-sizes.units: a word
 * that starts with one ("employees", "Mitarbeitende"); one of three
 * letters or fewer must be the whole word ("420 MA", "80 FTE"). */
static int
headcount_unit(const char *q)
{
	size_t wl = strcspn(q, " ");

	lex();
	for (size_t i = 0; units[i]; i++) {
		size_t ul = strlen(units[i]);

		if (wl >= ul && strncmp(q, units[i], ul) == 0 && (ul > 3 || wl == ul))
			return 1;
	}
	return 0;
}

/* Parses "30,000-employee", "300-person", "1,200 staff", "300 employees",
 * "a team of 11": returns the head count or 0. */
static long
headcount(const char *f)
{
	/* f is folded: "30 000 employee", "300 person" */
	for (const char *p = f; *p; p++) {
		if (!isdigit((unsigned char)*p) || (p > f && p[-1] != ' '))
			continue;
		long v = 0;
		const char *q = p;
		while (isdigit((unsigned char)*q) || (*q == ' ' && isdigit((unsigned char)q[1]) &&
		    strspn(q + 1, "0123456789") == 3 && v > 0 && v < 1000)) {
			if (*q != ' ')
				v = v * 10 + (*q - '0');
			if (v > 10000000)
				break;
			q++;
		}
		if (*q == 'k' && (q[1] == ' ' || q[1] == '\0'))
			v *= 1000, q++;
		while (*q == ' ')
			q++;
		if (v > 0 && (headcount_unit(q) || (p - f >= 8 && strncmp(p - 8, "team of ", 8) == 0)))
			return v;
		p = q - 1;
	}
	return 0;
}

const char *
lq_company_signal(const char *text, const char **evidence)
{
	char *f = lq_fold(text);
	const char *type = NULL, *word = NULL;
	long n = headcount(f);

	if (n > 0 && (type = lq_size_band(n)) != NULL && evidence)
		*evidence = "head count";
	if (type == NULL && (type = lq_size_kind(f, &word)) != NULL && evidence)
		*evidence = word;
	if (type == NULL && (type = lq_size_stage(f, &word)) != NULL && evidence)
		*evidence = word;
	if (type == NULL && (type = lq_size_word(f, &word)) != NULL && evidence)
		*evidence = word;
	free(f);
	return type;
}

static int
size_rank(const char *s)
{
	static const char *const order[] = { "startup", "scaleup", "mid-market", "enterprise" };

	for (int i = 0; i < 4; i++)
		if (strcmp(s, order[i]) == 0)
			return i;
	return -1;
}

double
lq_size_sim(const char *have, const char *want)
{
	int a, b;

	if (have == NULL || strcmp(have, "unknown") == 0 || have[0] == '\0')
		return -1;
	if (strcmp(have, want) == 0)
		return 1;
	a = size_rank(have);
	b = size_rank(want);
	if (a >= 0 && b >= 0 && abs(a - b) == 1)
		return 0.5;
	return 0;
}

int
lq_has_phrase(const char *hay, const char *needle)
{
	char *n = lq_fold(needle);
	size_t nl = strlen(n);
	int found = 0;

	if (nl > 0)
		for (const char *p = strstr(hay, n); p && !found; p = strstr(p + 1, n))
			found = (p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0');
	free(n);
	return found;
}

const char *
lq_tier(double icp_score)
{
	return icp_score >= 70 ? "A" : icp_score >= 50 ? "B" : icp_score >= 30 ? "C" : "D";
}
