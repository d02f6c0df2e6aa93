/* match.c: the matching rules of the structured score over the title and industry lexicons (titles.vocab, industries.vocab). */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include <utf8proc.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

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
/* ... as lq_has_needle searches for them (lq_phrase_needle) */
static char **lapsed_n, **recruiter_n, **side_n;

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
/* industries.vocab [serves], [serves-stop] and [clients]: "for ...
 * brands" names the clients' industry, not the company's (client_marks) */
static char **serves_words, **serves_stop, **client_words, **client_of;
/* industries.vocab [interest]: a headline segment about the person's
 * interests ("B2B SaaS fan"), not an employer */
static char **interest_words;
/* titles.vocab [past]: the first word of a headline segment about the
 * past ("ex-Google", "ehemals Bank") */
static char **past_words;
/* A NULL-terminated word list by first byte: first[c] the first word
 * that starts with c, next[i] the one after word i (SIZE_MAX: none), each
 * chain in the list's order. */
struct word_chain {
	size_t first[256], *next;
};
static struct word_chain practice_ch, serves_ch, client_ch, stop_ch, client_of_ch, interest_ch, past_ch;

static void
chain_build(struct word_chain *ch, char **list)
{
	size_t n = 0;

	for (size_t c = 0; c < 256; c++)
		ch->first[c] = SIZE_MAX;
	while (list && list[n])
		n++;
	ch->next = lq_xcalloc(n + 1, sizeof *ch->next);
	while (n-- > 0) {
		ch->next[n] = ch->first[(unsigned char)list[n][0]];
		ch->first[(unsigned char)list[n][0]] = n;
	}
}

/* 1 if w is one of the words of list (chain_build'd into ch). */
static int
chain_has(const struct word_chain *ch, char **list, const char *w)
{
	for (size_t i = ch->first[(unsigned char)w[0]]; i != SIZE_MAX; i = ch->next[i])
		if (strcmp(list[i], w) == 0)
			return 1;
	return 0;
}

/* industries.vocab [employer]: "of a", "d'un", "de uma" before the way a
 * person describes the company they work for */
static char **employer_words;
#define EMPLOYER_WORDS 6	/* words after such a phrase that describe the company */
/* employer_words by first byte: employer_first[c] the first phrase that
 * starts with c, employer_next[e] the next one after e (SIZE_MAX: none);
 * employer_plain: 1 when every phrase is words of [a-z0-9] alone, which
 * employer_may needs to pass over a clause of ASCII without folding it */
static size_t employer_first[256], *employer_next;
static int employer_plain;
/* employer_second[c]: bit pair_code(d) for each phrase that starts with
 * c, d its second byte (36 for a space or its end) */
static uint64_t employer_second[256];

/* 0-35 for a byte of [a-z0-9], 36 for any other. */
static unsigned
pair_code(unsigned char c)
{
	return c >= 'a' && c <= 'z' ? (unsigned)(c - 'a') : c >= '0' && c <= '9' ? 26u + (unsigned)(c - '0') : 36u;
}

/* client_plain: 1 when no word of [serves] or [clients] holds '&' or
 * '+', which client_may needs to read a text of ASCII by its runs of
 * letters and digits without folding it */
static int client_plain;
/* serves_len[a][b], client_len[a][b]: bit n for each word of [serves],
 * [clients] of n bytes (n < 32) whose first two bytes have pair_code a
 * and b (b 36 for a word of one byte) */
static uint32_t serves_len[37][37], client_len[37][37];

/* 1 if no word of list (NULL-terminated) holds '&' or '+', and each is
 * shorter than 32 bytes; then len[a][b] gets the bit of each word's
 * length, a and b the pair_code of its first two bytes. */
static int
plain_words(char **list, uint32_t len[37][37])
{
	for (size_t i = 0; list[i]; i++) {
		size_t n = strlen(list[i]);

		if (strpbrk(list[i], "&+") || n >= 32)
			return 0;
		if (n)
			len[pair_code((unsigned char)list[i][0])][n > 1 ? pair_code((unsigned char)list[i][1]) : 36] |=
			    (uint32_t)1 << n;
	}
	return 1;
}

/* industries.stems (optional): stems that name an industry inside a
 * compound word ("Werkzeugmaschinen"). */
static struct {
	char *stem;
	unsigned groups;
	size_t len;	/* strlen(stem) */
} *stems;
static size_t n_stems;

/* The entries of a phrase table by a hash of their phrase's first word,
 * each bucket in the table's order: a word can only start a phrase whose
 * first word it is, so a lookup tries those of its bucket alone and still
 * meets them in the order (and so picks the same longest match) a scan
 * of the whole table would. ix[start[s]..start[s+1]) are the entries
 * whose phrase's first word is in slot s (first_slot). */
#define FIRST_SLOTS 4096
struct first_index {
	size_t start[FIRST_SLOTS + 1];
	size_t *ix;
};

/* The slot of the word w (up to a space or its end). */
static size_t
first_slot(const char *w)
{
	uint32_t h = 2166136261u;

	for (; *w && *w != ' '; w++)
		h = (h ^ (unsigned char)*w) * 16777619u;
	return (h ^ (h >> 15)) & (FIRST_SLOTS - 1);
}
static struct first_index expand_ix, senses_ix, industries_ix, employer_ix;

/* Builds x over n phrases, phrase(i) the i-th. */
static void
first_index_build(struct first_index *x, size_t n, const char *(*phrase)(size_t))
{
	size_t *count = lq_xcalloc(FIRST_SLOTS, sizeof *count), *at = lq_xcalloc(FIRST_SLOTS, sizeof *at);

	for (size_t i = 0; i < n; i++)
		count[first_slot(phrase(i))]++;
	x->start[0] = 0;
	for (size_t c = 0; c < FIRST_SLOTS; c++) {
		x->start[c + 1] = x->start[c] + count[c];
		at[c] = x->start[c];
	}
	x->ix = lq_xcalloc(n + 1, sizeof *x->ix);
	for (size_t i = 0; i < n; i++)
		x->ix[at[first_slot(phrase(i))]++] = i;
	free(count);
	free(at);
}

static const char *const fn_names[] = { "finance", "people", "recruiting", "tech", "product", "marketing",
	"sales", "operations", "executive", "customer", "legal", "data", "design", "quality", "supply",
	"production", "pricing", "sustainability", "advisory", "security" };	/* LQ_FN_* bit order */
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

/* lq_phrase_needle of each phrase of the NULL-terminated list l. */
static char **
needles(char **l)
{
	size_t n = 0;

	while (l[n])
		n++;
	char **w = lq_xcalloc(n + 1, sizeof *w);
	for (size_t i = 0; i < n; i++)
		w[i] = lq_phrase_needle(l[i]);
	return w;
}

/* The first bytes of the words of folded text f, a bit each, and their
 * first two: a phrase can only be found (lq_has_needle) where a word
 * starts, so one whose first byte, or first two, start no word is not
 * there. */
struct initials {
	uint64_t bit[4];
	/* and the pair_code of its first two bytes (a word of one byte: its
	 * byte and 36), a bit each of 37 x 37 */
	uint64_t pair[(37 * 37 + 63) / 64];
};

static unsigned pair_code(unsigned char c);

static void
initials_of(const char *f, struct initials *x)
{
	memset(x, 0, sizeof *x);
	for (const unsigned char *p = (const unsigned char *)f; *p; p++)
		if (p == (const unsigned char *)f || p[-1] == ' ') {
			unsigned k = pair_code(p[0]) * 37 + pair_code(p[1]);

			x->bit[*p >> 6] |= (uint64_t)1 << (*p & 63);
			x->pair[k >> 6] |= (uint64_t)1 << (k & 63);
		}
}

static int
may_hold(const struct initials *x, const char *needle)
{
	unsigned char c = (unsigned char)needle[0];
	unsigned k = c ? pair_code(c) * 37 + pair_code((unsigned char)needle[1]) : 0;

	return ((x->bit[c >> 6] >> (c & 63)) & 1) && ((x->pair[k >> 6] >> (k & 63)) & 1);
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

static const char *expand_phrase(size_t i) { return expand[i].phrase; }
static const char *senses_phrase(size_t i) { return senses[i].phrase; }
static const char *industries_phrase(size_t i) { return industries[i].phrase; }
static const char *employer_phrase(size_t i) { return employer_words[i]; }

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
	first_index_build(&expand_ix, n_expand, expand_phrase);

	t = lq_vocab_need(v, "titles.senses", 3, 3);
	senses = lq_xcalloc(t->n + 1, sizeof *senses);
	for (i = 0; i < t->n; i++) {
		const struct lq_vocab_rec *r = &t->rec[i];

		senses[i].phrase = folded(r, 0);
		senses[i].fn = bits_of(r, 1, fn_names, LQ_NELEM(fn_names),
		    "a function (finance people recruiting tech product marketing sales operations executive "
		    "customer legal data design quality supply production pricing sustainability advisory)");
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
	first_index_build(&senses_ix, n_senses, senses_phrase);

	lapsed = folded_list(v, "titles.lapsed");
	recruiter = folded_list(v, "titles.recruiter");
	vendor = folded_list(v, "titles.vendor");
	side = folded_list(v, "titles.side");
	lapsed_n = needles(lapsed);
	recruiter_n = needles(recruiter);
	side_n = needles(side);

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
	first_index_build(&industries_ix, n_industries, industries_phrase);
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
	serves_words = lq_vocab_table(v, "industries.serves") ? folded_list(v, "industries.serves") : NULL;
	client_words = lq_vocab_table(v, "industries.clients") ? folded_list(v, "industries.clients") : NULL;
	serves_stop = lq_vocab_table(v, "industries.serves-stop") ? folded_list(v, "industries.serves-stop") : NULL;
	client_of = lq_vocab_table(v, "industries.clients-of") ? folded_list(v, "industries.clients-of") : NULL;
	interest_words = lq_vocab_table(v, "industries.interest") ? folded_list(v, "industries.interest") : NULL;
	past_words = lq_vocab_table(v, "titles.past") ? folded_list(v, "titles.past") : NULL;
	employer_words = lq_vocab_table(v, "industries.employer") ? folded_list(v, "industries.employer") : NULL;
	chain_build(&practice_ch, practice_words);
	chain_build(&serves_ch, serves_words);
	chain_build(&client_ch, client_words);
	chain_build(&stop_ch, serves_stop);
	chain_build(&client_of_ch, client_of);
	chain_build(&interest_ch, interest_words);
	chain_build(&past_ch, past_words);
	client_plain = serves_words && client_words && plain_words(serves_words, serves_len) &&
	    plain_words(client_words, client_len);
	for (i = 0; employer_words && employer_words[i]; i++)
		;
	if (employer_words) {
		first_index_build(&employer_ix, i, employer_phrase);
		employer_next = lq_xcalloc(i + 1, sizeof *employer_next);
		for (size_t c = 0; c < 256; c++)
			employer_first[c] = SIZE_MAX;
		employer_plain = 1;
		while (i-- > 0) {	/* each chain in the list's order */
			unsigned char c0 = (unsigned char)employer_words[i][0];

			employer_next[i] = employer_first[c0];
			employer_first[c0] = i;
			employer_second[c0] |= (uint64_t)1 << pair_code((unsigned char)employer_words[i][1]);
			for (const char *q = employer_words[i]; *q; q++)
				if (!((*q >= 'a' && *q <= 'z') || (*q >= '0' && *q <= '9') || *q == ' '))
					employer_plain = 0;
		}
	}
	if (lq_vocab_table(v, "industries.stems")) {
		t = lq_vocab_need(v, "industries.stems", 2, 2);
		stems = lq_xcalloc(t->n + 1, sizeof *stems);
		for (i = 0; i < t->n; i++) {
			stems[i].stem = folded(&t->rec[i], 0);
			stems[i].len = strlen(stems[i].stem);
			stems[i].groups = bits_of(&t->rec[i], 1, groups, ng, "a group of industries.groups");
		}
		n_stems = t->n;
	}
	free(groups);
	groups = NULL;
}

static void
lex(void)
{
	pthread_once(&lex_once, lex_load);
}

/* first-person.vocab, folded; loaded apart from the lexicons, which
 * rerank and icp-extract read without it. */
static pthread_once_t self_once = PTHREAD_ONCE_INIT;
static char **self_words;

static void
self_load(void)
{
	self_words = folded_list(lq_vocab(), "first-person");
}

int
lq_about_self(const char *folded)
{
	pthread_once(&self_once, self_load);
	for (size_t i = 0; self_words[i]; i++)
		if (lq_has_phrase(folded, self_words[i]))
			return 1;
	return 0;
}

/* languages.vocab: each language's name and its folded function words,
 * sorted (bsearch). */
static pthread_once_t lang_once = PTHREAD_ONCE_INIT;
static struct lang {
	char *name;
	char **w;
	size_t n;
} *langs;
static size_t n_langs;
/* Every function word of every language once, with a bit per language
 * that has it (n_langs <= 64): one lookup a word of the text instead of
 * a bsearch in each language's list. */
#define LANG_SLOTS 8192
static struct {
	const char *w;	/* NULL: a free slot */
	uint64_t langs;
} *lang_words;
static size_t n_lang_words;
/* lang_len[a][b]: bit min(n, 15) for each function word of n bytes whose
 * first two bytes have the pair_code a and b (b 36 after a word of one
 * byte): a word of the text with no bit there is not in lang_words and
 * is not looked up. */
static uint16_t lang_len[37][37];

static uint32_t
lang_hash(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return h ^ (h >> 15);
}

/* The slot of w[0..n) in lang_words: its own, or the free one it would
 * take. */
static size_t
lang_slot(const char *w, size_t n)
{
	size_t i = lang_hash(w, n) & (LANG_SLOTS - 1);

	for (const char *s; (s = lang_words[i].w) != NULL; i = (i + 1) & (LANG_SLOTS - 1)) {
		size_t j = 0;

		/* strncmp(s, w, n) == 0 && s[n] == '\0', inline (w[0..n) holds no NUL) */
		while (j < n && s[j] == w[j])
			j++;
		if (j == n && s[n] == '\0')
			break;
	}
	return i;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
lang_load(void)
{
	const struct lq_vocab_table *t = lq_vocab_need(lq_vocab(), "languages", 2, 2);

	langs = lq_xcalloc(t->n + 1, sizeof *langs);
	for (size_t i = 0; i < t->n; i++) {
		char *f = folded(&t->rec[i], 1), *save = NULL;

		langs[i].name = lq_xstrdup(t->rec[i].f[0]);
		for (char *p = strtok_r(f, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
			langs[i].w = lq_xreallocarray(langs[i].w, langs[i].n + 1, sizeof *langs[i].w);
			langs[i].w[langs[i].n++] = lq_xstrdup(p);
		}
		if (langs[i].n == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' has no word", t->rec[i].file,
			    t->rec[i].line, t->rec[i].f[0]);
		qsort(langs[i].w, langs[i].n, sizeof *langs[i].w, cmp_str);
		free(f);
	}
	n_langs = t->n;
	if (n_langs <= 64) {
		lang_words = lq_xcalloc(LANG_SLOTS, sizeof *lang_words);
		for (size_t i = 0; i < n_langs; i++)
			for (size_t k = 0; k < langs[i].n; k++) {
				size_t j = lang_slot(langs[i].w[k], strlen(langs[i].w[k]));

				size_t n = strlen(langs[i].w[k]);

				lang_len[pair_code((unsigned char)langs[i].w[k][0])]
				    [pair_code((unsigned char)langs[i].w[k][1])] |= (uint16_t)(1u << (n < 15 ? n : 15));
				if (lang_words[j].w == NULL) {
					if (++n_lang_words > LANG_SLOTS / 2) {	/* too many: each list searched */
						free(lang_words);
						lang_words = NULL;
						return;
					}
					lang_words[j].w = langs[i].w[k];
				}
				lang_words[j].langs |= (uint64_t)1 << i;
			}
	}
}

const char *
lq_text_language(const char *folded_text)
{
	size_t *hits, best = 0, second = 0, b = 0;
	const char *p = folded_text, *r = NULL;
	char word[64];

	pthread_once(&lang_once, lang_load);
	if (p == NULL || n_langs == 0)
		return NULL;
	hits = lq_xcalloc(n_langs, sizeof *hits);
	while (*p) {
		size_t k = 0;
		char *w = word;

		while (*p == ' ')
			p++;
		while (p[k] && p[k] != ' ')
			k++;
		if (k > 0 && k < sizeof word && lang_words) {
			if (!((lang_len[pair_code((unsigned char)p[0])][pair_code((unsigned char)p[1])] >>
			    (k < 15 ? k : 15)) & 1)) {
				p += k;
				continue;
			}
			uint64_t m = lang_words[lang_slot(p, k)].langs;

			for (size_t i = 0; m; i++, m >>= 1)
				hits[i] += m & 1;
		} else if (k > 0 && k < sizeof word) {
			memcpy(word, p, k);
			word[k] = '\0';
			for (size_t i = 0; i < n_langs; i++)
				if (bsearch(&w, langs[i].w, langs[i].n, sizeof *langs[i].w, cmp_str))
					hits[i]++;
		}
		p += k;
	}
	for (size_t i = 0; i < n_langs; i++)
		if (hits[i] > best)
			second = best, best = hits[i], b = i;
		else if (hits[i] > second)
			second = hits[i];
	if (best >= LANG_MIN_WORDS && best > second)
		r = langs[b].name;
	free(hits);
	return r;
}

static size_t split(char *s, char ***words);

/* titles.vocab's influencer cues and the grammar that cuts their
 * sentences; loaded apart (only score reads them). */
static pthread_once_t infl_once = PTHREAD_ONCE_INIT;
static char **infl_cues;
static struct {
	char *word;
	int kind;		/* 'v' verb, 'l' link, 'a' lead (article), 'e' end */
} *infl_gram;
static size_t n_infl_gram;

static void
infl_load(void)
{
	const struct lq_vocab_table *t;

	infl_cues = folded_list(lq_vocab(), "titles.influencer");
	t = lq_vocab_need(lq_vocab(), "titles.influencer-grammar", 2, 2);
	infl_gram = lq_xcalloc(t->n + 1, sizeof *infl_gram);
	for (size_t i = 0; i < t->n; i++) {
		const char *k = t->rec[i].f[1];

		infl_gram[i].word = folded(&t->rec[i], 0);
		infl_gram[i].kind = strcmp(k, "verb") == 0 ? 'v' : strcmp(k, "link") == 0 ? 'l' :
		    strcmp(k, "lead") == 0 ? 'a' : strcmp(k, "end") == 0 ? 'e' : 0;
		if (infl_gram[i].kind == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not verb, link, lead or end",
			    t->rec[i].file, t->rec[i].line, k);
	}
	n_infl_gram = t->n;
}

static int
infl_kind(const char *w)
{
	for (size_t i = 0; i < n_infl_gram; i++)
		if (strcmp(infl_gram[i].word, w) == 0)
			return infl_gram[i].kind;
	return 0;
}

/* At most this many words make a role. */
#define ROLE_WORDS 5

size_t
lq_notes_influencers(const char *notes, char ***out)
{
	char **r = NULL;
	size_t n = 0;
	char *txt, *save = NULL;

	*out = NULL;
	if (notes == NULL || *notes == '\0')
		return 0;
	pthread_once(&infl_once, infl_load);
	/* a comma separates roles as "and" does */
	struct lq_buf b = LQ_BUF_INIT;
	for (const char *p = notes; *p; p++)
		if (*p == ',')
			lq_buf_adds(&b, " and ");
		else
			lq_buf_add(&b, p, 1);
	txt = lq_buf_detach(&b);
	for (char *sent = strtok_r(txt, ".;:!?\n", &save); sent; sent = strtok_r(NULL, ".;:!?\n", &save)) {
		char *f = lq_fold(sent), **w;
		size_t nw, i, verb, start;
		int cue = 0;

		for (i = 0; infl_cues[i] && !cue; i++)
			cue = lq_has_phrase(f, infl_cues[i]);
		nw = split(f, &w);	/* in place: after the cues */
		for (verb = 0; cue && verb < nw && infl_kind(w[verb]) != 'v'; verb++)
			;
		for (start = 0; cue && verb < nw && start < verb; ) {
			size_t end = start, stop;

			while (start < verb && (infl_kind(w[start]) == 'a' || infl_kind(w[start]) == 'l'))
				start++;
			for (end = start; end < verb && infl_kind(w[end]) != 'l'; end++)
				;
			for (stop = start; stop < end && infl_kind(w[stop]) != 'e'; stop++)
				;
			if (stop > start && stop - start <= ROLE_WORDS) {
				struct lq_buf rb = LQ_BUF_INIT;

				for (i = start; i < stop; i++)
					lq_buf_addf(&rb, "%s%s", i > start ? " " : "", w[i]);
				r = lq_xreallocarray(r, n + 2, sizeof *r);
				r[n++] = lq_buf_detach(&rb);
				r[n] = NULL;
			}
			if (stop < end)
				break;	/* a relative clause runs to the verb */
			start = end;
		}
		free(w);
		free(f);
	}
	free(txt);
	*out = r;
	return n;
}

static size_t phrase_at(const char *phrase, char **w, size_t n);

/* titles.vocab's [background]: the phrases that say where an ICP's buyer
 * comes from ("who comes from engineering or research", "qui vient de
 * l'ingénierie", "der selbst aus Entwicklung oder Forschung kommt"),
 * folded, with where the fields are: after the phrase, or before it back
 * to a start word (from, aus). Loaded apart (only score reads it). */
static pthread_once_t bg_once = PTHREAD_ONCE_INIT;
static struct {
	char *phrase, *start;	/* start: NULL for "after" */
} *bg_cues;
static size_t n_bg_cues;

static void
bg_load(void)
{
	const struct lq_vocab_table *t = lq_vocab_need(lq_vocab(), "titles.background", 2, 3);

	pthread_once(&infl_once, infl_load);	/* its grammar cuts the fields */
	bg_cues = lq_xcalloc(t->n + 1, sizeof *bg_cues);
	for (size_t i = 0; i < t->n; i++) {
		const char *k = t->rec[i].f[1];

		bg_cues[i].phrase = folded(&t->rec[i], 0);
		if (strcmp(k, "before") == 0) {
			if (t->rec[i].n < 3 || t->rec[i].f[2][0] == '\0')
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: 'before' needs the word the fields "
				    "start after", t->rec[i].file, t->rec[i].line);
			bg_cues[i].start = folded(&t->rec[i], 2);
		} else if (strcmp(k, "after") != 0) {
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not after or before",
			    t->rec[i].file, t->rec[i].line, k);
		}
	}
	n_bg_cues = t->n;
}

/* At most this many words after (or before) a background phrase. */
#define BG_WORDS 6

/* Appends the field words of w[from..to) to *r: every word that is no
 * link, article, verb or relative word of [influencer-grammar], of four
 * letters or more; a relative word or a verb ends them. */
static size_t
bg_fields(char **w, size_t from, size_t to, char ***r, size_t n)
{
	for (size_t i = from; i < to && i < from + BG_WORDS; i++) {
		int k = infl_kind(w[i]);

		if (k == 'e' || k == 'v')
			break;
		if (k || strlen(w[i]) < 4)
			continue;
		*r = lq_xreallocarray(*r, n + 2, sizeof **r);
		(*r)[n++] = lq_xstrdup(w[i]);
		(*r)[n] = NULL;
	}
	return n;
}

size_t
lq_notes_background(const char *notes, const char *const *targets, size_t ntargets, char ***out)
{
	char **r = NULL;
	size_t n = 0;
	char *txt, *save = NULL;

	*out = NULL;
	if (notes == NULL || *notes == '\0' || ntargets == 0)
		return 0;
	pthread_once(&bg_once, bg_load);
	txt = lq_xstrdup(notes);
	for (char *sent = strtok_r(txt, ".;!?\n", &save); sent; sent = strtok_r(NULL, ".;!?\n", &save)) {
		char *f = lq_fold(sent), **w;
		int buyer = 0;
		size_t nw;

		/* a sentence about the buyer: it names a target title */
		for (size_t i = 0; i < ntargets && !buyer; i++) {
			char *t = lq_fold(targets[i]);

			buyer = *t && lq_has_needle(f, t);
			free(t);
		}
		if (!buyer) {
			free(f);
			continue;
		}
		/* the clause: a comma or a bracket ends it as a full stop does */
		for (char *q = sent; *q; q++)
			if (*q == ',' || *q == '(' || *q == ')')
				*q = '|';
		free(f);
		for (char *cl = sent, *e; cl; cl = e ? e + 1 : NULL) {
			e = strchr(cl, '|');
			if (e)
				*e = '\0';
			f = lq_fold(cl);
			nw = split(f, &w);
			for (size_t c = 0; c < n_bg_cues; c++) {
				for (size_t i = 0, np; i < nw; i++) {
					if ((np = phrase_at(bg_cues[c].phrase, w + i, nw - i)) == 0)
						continue;
					if (bg_cues[c].start == NULL) {
						n = bg_fields(w, i + np, nw, &r, n);
					} else {
						size_t b = i;

						while (b > 0 && strcmp(w[b - 1], bg_cues[c].start) != 0)
							b--;
						if (b > 0 && i - b <= BG_WORDS)
							n = bg_fields(w, b, i, &r, n);
					}
				}
			}
			free(w);
			free(f);
		}
	}
	free(txt);
	*out = r;
	return n;
}

/* 1 if folded word a shares a stem with the field word b: a common start
 * of at least five letters and of all but the last four of b
 * ("engineer" and "engineering", "forscher" and "forschung"; not
 * "investor" and "investigacion"). */
static int
same_stem(const char *a, const char *b)
{
	size_t lb = strlen(b), k = 0, need = lb > 9 ? lb - 4 : 5;

	while (a[k] && a[k] == b[k])
		k++;
	return k >= need;
}

/* 1 if a word of folded text a shares a stem with a word of b (the
 * field's). */
static int
words_meet(const char *a, const char *b)
{
	char *x = lq_xstrdup(a), *y = lq_xstrdup(b), **wa, **wb;
	size_t na = split(x, &wa), nb = split(y, &wb);
	int r = 0;

	for (size_t i = 0; i < na && !r; i++)
		for (size_t j = 0; j < nb && !r; j++)
			r = same_stem(wa[i], wb[j]);
	free(wa);
	free(wb);
	free(x);
	free(y);
	return r;
}

int
lq_background_meets_analysed(const char *title, char *const *fields, const struct lq_title *g, size_t n)
{
	struct lq_title t;
	char *ft;
	int r = 0;

	if (title == NULL || *title == '\0')
		return 0;
	ft = lq_fold(title);
	lq_title_analyse(title, &t);
	for (size_t i = 0; i < n && !r; i++) {
		/* the field's own word or its English form, or its function
		 * ("engineering": technology, so a former CTO) */
		r = words_meet(ft, fields[i]) || words_meet(t.canon, g[i].canon) ||
		    (g[i].fn && t.fn && (g[i].fn & t.fn) && !(t.fn & LQ_FN_RECRUITING));
		if (r)
			r = (int)i + 1;
	}
	free(t.canon);
	free(ft);
	return r;
}

int
lq_background_meets(const char *title, char *const *fields, size_t n)
{
	struct lq_title *g = lq_xcalloc(n + 1, sizeof *g);
	int r;

	for (size_t i = 0; i < n; i++)
		lq_title_analyse(fields[i], &g[i]);
	r = lq_background_meets_analysed(title, fields, g, n);
	for (size_t i = 0; i < n; i++)
		free(g[i].canon);
	free(g);
	return r;
}

/* places.vocab: each phrase folded, with its codes as " fr be " (a
 * space before and after each code); loaded apart like first-person. */
static pthread_once_t place_once = PTHREAD_ONCE_INIT;
static struct {
	char *phrase, *codes;
} *places;
static size_t n_places;
/* places.vocab's [negation]: each phrase folded, with its kind 'b'
 * (before), 'a' (after), 'e' (end) or 'o' (outside). */
static struct {
	char *phrase;
	int kind;
} *place_neg;
static size_t n_place_neg;

static void
place_load(void)
{
	const struct lq_vocab_table *t = lq_vocab_need(lq_vocab(), "places.places", 2, 2);

	places = lq_xcalloc(t->n + 1, sizeof *places);
	for (size_t i = 0; i < t->n; i++) {
		struct lq_buf b = LQ_BUF_INIT;
		char *c = lq_xstrdup(t->rec[i].f[1]), *save = NULL;

		for (char *w = strtok_r(c, " \t", &save); w; w = strtok_r(NULL, " \t", &save))
			lq_buf_addf(&b, " %s ", w);
		free(c);
		if (b.len == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' names no place", t->rec[i].file,
			    t->rec[i].line, t->rec[i].f[0]);
		places[i].phrase = folded(&t->rec[i], 0);
		places[i].codes = lq_buf_detach(&b);
	}
	n_places = t->n;
	t = lq_vocab_need(lq_vocab(), "places.negation", 2, 2);
	place_neg = lq_xcalloc(t->n + 1, sizeof *place_neg);
	for (size_t i = 0; i < t->n; i++) {
		const char *k = t->rec[i].f[1];

		place_neg[i].phrase = folded(&t->rec[i], 0);
		place_neg[i].kind = strcmp(k, "before") == 0 ? 'b' : strcmp(k, "after") == 0 ? 'a' :
		    strcmp(k, "end") == 0 ? 'e' : strcmp(k, "outside") == 0 ? 'o' : 0;
		if (place_neg[i].kind == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not before, after, end or outside",
			    t->rec[i].file, t->rec[i].line, k);
	}
	n_place_neg = t->n;
}

/* Adds to b the codes of the places folded text names, each once; and,
 * when names is not NULL, the phrase that named them and a new line. */
static void
places_add_named_in(struct lq_buf *b, struct lq_buf *names, const char *f)
{
	for (size_t i = 0; i < n_places; i++)
		if (lq_has_phrase(f, places[i].phrase) && (b->len == 0 || strstr(b->data, places[i].codes) == NULL)) {
			lq_buf_adds(b, places[i].codes);
			if (names)
				lq_buf_addf(names, "%s\n", places[i].phrase);
		}
}

static void
places_add(struct lq_buf *b, const char *f)
{
	places_add_named_in(b, NULL, f);
}

char *
lq_places(const char *text)
{
	struct lq_buf b = LQ_BUF_INIT;
	char *f;

	if (text == NULL || *text == '\0')
		return NULL;
	pthread_once(&place_once, place_load);
	pthread_once(&infl_once, infl_load);
	f = lq_fold(text);
	places_add(&b, f);
	free(f);
	return b.len ? lq_buf_detach(&b) : NULL;
}

int
lq_places_meet(const char *a, const char *b)
{
	const char *p = a;

	if (a == NULL || b == NULL)
		return 0;
	while ((p = strchr(p, ' ')) != NULL && p[1]) {
		const char *e = strchr(p + 1, ' ');
		char code[16];
		size_t n = e ? (size_t)(e - p) + 1 : 0;

		if (e == NULL)
			break;
		if (n > 2 && n < sizeof code) {
			memcpy(code, p, n);
			code[n] = '\0';
			if (strstr(b, code))
				return 1;
		}
		p = e + 1;
	}
	return 0;
}

void
lq_match_versioned(char *buf, size_t len, const char *base)
{
	static const char *const files[] = { "titles", "industries", "company-sizes", "first-person", "languages",
		"places", NULL };

	lex();			/* a bad file is fatal before its digest is used */
	pthread_once(&self_once, self_load);
	pthread_once(&lang_once, lang_load);
	pthread_once(&place_once, place_load);
	lq_sizes_versioned_with(buf, len, base, files);	/* head counts read as lq_size_headcount does */
}
/* lq_fold's utf8proc options: NFKC, case folded, marks stripped. */
#define FOLD_OPTIONS (UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK)

/* The designated initialisers of the ASCII letters and digits, each
 * mapped to its lower case: shared by the two tables below. */
#define L(u, l) [u] = l, [l] = l
#define FOLD_ALNUM_INIT \
	['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', \
	['5'] = '5', ['6'] = '6', ['7'] = '7', ['8'] = '8', ['9'] = '9', \
	L('A', 'a'), L('B', 'b'), L('C', 'c'), L('D', 'd'), L('E', 'e'), L('F', 'f'), L('G', 'g'), \
	L('H', 'h'), L('I', 'i'), L('J', 'j'), L('K', 'k'), L('L', 'l'), L('M', 'm'), L('N', 'n'), \
	L('O', 'o'), L('P', 'p'), L('Q', 'q'), L('R', 'r'), L('S', 's'), L('T', 't'), L('U', 'u'), \
	L('V', 'v'), L('W', 'w'), L('X', 'x'), L('Y', 'y'), L('Z', 'z')

/* What lq_fold does with an ASCII byte: its lower case if it is a letter
 * or digit, '&' or '+' (kept inside a word), else 0 (a separator). */
static const char fold_ascii[128] = { ['&'] = '&', ['+'] = '+', FOLD_ALNUM_INIT };

#define FOLD_ALNUM(c) ((c) < 0x80 && fold_ascii[c] && fold_ascii[c] != '&' && fold_ascii[c] != '+')

/* fold_ascii of an ASCII letter or digit, 0 for every other byte: the
 * bytes lq_fold copies (in lower case) without looking around them. */
static const char fold_alnum[256] = { FOLD_ALNUM_INIT };
#undef FOLD_ALNUM_INIT
#undef L

/* Appends the NFKC case-folded, mark-stripped form of the n bytes at s
 * (no ASCII byte among them) to b; -1 if they are not valid UTF-8. */
static int
map_run(struct lq_buf *b, const unsigned char *s, size_t n)
{
	utf8proc_int32_t local[257];
	utf8proc_int32_t *u = local;
	utf8proc_ssize_t k = utf8proc_decompose(s, (utf8proc_ssize_t)n, local, 256, FOLD_OPTIONS);

	if (k < 0)
		return -1;
	if (k > 256) {
		u = lq_xreallocarray(NULL, (size_t)k + 1, sizeof *u);
		k = utf8proc_decompose(s, (utf8proc_ssize_t)n, u, k, FOLD_OPTIONS);
	}
	if (k >= 0)
		k = utf8proc_reencode(u, k, FOLD_OPTIONS);
	if (k >= 0)
		lq_buf_add(b, (const char *)u, (size_t)k);
	if (u != local)
		free(u);
	return k < 0 ? -1 : 0;
}

/* 1 if code point cp is written without spaces between words: Han,
 * Hiragana, Katakana (with its half-width forms) and Hangul. Where such a
 * run meets Latin letters or digits lq_fold puts a word boundary:
 * "SaaSプロダクト開発とSRE" holds the words "saas" and "sre". */
static int
unspaced_script(utf8proc_int32_t cp)
{
	return (cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) || (cp >= 0x3400 && cp <= 0x4dbf) ||
	    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff66 && cp <= 0xff9f) ||
	    (cp >= 0xac00 && cp <= 0xd7af) || (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) ||
	    (cp >= 0x20000 && cp <= 0x2fa1f);
}

/* Folding is what utf8proc_map (NFKC, case fold, marks stripped) makes of
 * the whole text, then the word loop below. ASCII is its own NFKC form
 * and needs no composition with a neighbour once marks are stripped, so
 * only the runs of non-ASCII bytes go through utf8proc, each on its own;
 * text with a byte of invalid UTF-8 anywhere is taken as it is, every
 * non-ASCII byte a separator, as utf8proc_map's failure on the whole
 * text made it. tests/unit/test_fold.c and fuzz_match compare this with
 * the whole-text form. */
/* The first byte from p on that is not ASCII, or end (p <= end, *end
 * the NUL): sixteen bytes at a time with SSE2. */
static const unsigned char *
ascii_end(const unsigned char *p, const unsigned char *end)
{
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	while (end - p >= 16) {
		int m = _mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(const void *)p));

		if (m)
			return p + __builtin_ctz((unsigned)m);
		p += 16;
	}
#else
	(void)end;
#endif
	while (*p && *p < 0x80)
		p++;
	return p;
}

char *
lq_fold(const char *s)
{
	const unsigned char *a = (const unsigned char *)s, *src = a;
	const unsigned char *end = a + strlen(s);
	struct lq_buf m = LQ_BUF_INIT;
	int valid = 1;
	size_t len;

	a = ascii_end(a, end);
	if (*a) {
		const unsigned char *p = (const unsigned char *)s;

		while (*p && valid) {
			const unsigned char *q = ascii_end(p, end);

			lq_buf_add(&m, (const char *)p, (size_t)(q - p));
			for (p = q; *q >= 0x80; q++)
				;
			if (q > p && map_run(&m, p, (size_t)(q - p)) < 0)
				valid = 0;
			p = q;
		}
		if (valid) {
			lq_buf_addc(&m, '\0');
			src = (const unsigned char *)m.data;
			len = m.len - 1;
		} else
			len = strlen(s);
	} else
		len = (size_t)(a - src);

	/* twice the length at most: a boundary between scripts adds a space
	 * before a character of at least one byte */
	char *out = lq_xmalloc(2 * len + 1), *o = out;
	size_t i = 0;
	int unspaced = 0;	/* the last word character was of an unspaced script */

	while (i < len) {
		unsigned c = src[i];
		char f0;

		if (fold_alnum[c]) {
			if (unspaced && o > out && o[-1] != ' ')
				*o++ = ' ';
			unspaced = 0;
		}
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		/* sixteen bytes at a time: each ASCII letter in lower case,
		 * each digit as it is, up to the first other byte (out has
		 * room: at most two bytes out for each one in) */
		while (fold_alnum[c] && len - i >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(src + i));
			__m128i up = _mm_sub_epi8(w, _mm_set1_epi8('A'));
			__m128i lo = _mm_sub_epi8(w, _mm_set1_epi8('a'));
			__m128i dg = _mm_sub_epi8(w, _mm_set1_epi8('0'));
			__m128i isup = _mm_cmpeq_epi8(_mm_min_epu8(up, _mm_set1_epi8(25)), up);
			__m128i ok = _mm_or_si128(_mm_or_si128(isup, _mm_cmpeq_epi8(_mm_min_epu8(lo, _mm_set1_epi8(25)), lo)),
			    _mm_cmpeq_epi8(_mm_min_epu8(dg, _mm_set1_epi8(9)), dg));
			unsigned k = (unsigned)__builtin_ctz(~(unsigned)_mm_movemask_epi8(ok));	/* 16 when all */

			_mm_storeu_si128((__m128i *)(void *)o, _mm_or_si128(w, _mm_and_si128(isup, _mm_set1_epi8(0x20))));
			o += k;
			i += k;
			c = src[i];
			if (k < 16)
				break;
		}
#endif
		/* a run of letters and digits (src[len] is the NUL, which ends
		 * it) */
		while ((f0 = fold_alnum[c]) != 0) {
			*o++ = f0;
			c = src[++i];
		}
		if (i >= len)
			break;
		if (c < 0x80) {
			char f = fold_ascii[c];

			if (f && ((f != '&' && f != '+') ||
			    (o > out && o[-1] != ' ' && i + 1 < len && FOLD_ALNUM(src[i + 1]))))
				*o++ = f;
			else if (o > out && o[-1] != ' ')
				*o++ = ' ';
			i++;
			continue;
		}
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;

		if (!valid || (k = utf8proc_iterate(src + i, (utf8proc_ssize_t)(len - i), &cp)) < 1) {
			if (o > out && o[-1] != ' ')
				*o++ = ' ';	/* a byte of invalid UTF-8 */
			i++;
			continue;
		}
		utf8proc_category_t cat = utf8proc_category(cp);

		if ((cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
		    (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO) ||
		    cat == UTF8PROC_CATEGORY_MN || cat == UTF8PROC_CATEGORY_MC) {
			int u = unspaced_script(cp);

			/* a mark (Mn, Mc) stays with its letter */
			if (cat != UTF8PROC_CATEGORY_MN && cat != UTF8PROC_CATEGORY_MC) {
				if (u != unspaced && o > out && o[-1] != ' ')
					*o++ = ' ';
				unspaced = u;
			}
			memcpy(o, src + i, (size_t)k);
			o += k;
		} else if (o > out && o[-1] != ' ') {
			*o++ = ' ';
		}
		i += (size_t)k;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	lq_buf_free(&m);
	return out;
}

/* Splits folded text in place at spaces; returns the number of words. */
static size_t
split(char *s, char ***words)
{
	size_t n = 0, cap = 8;
	char **w = lq_xreallocarray(NULL, cap, sizeof *w);

	/* as strtok_r(s, " "): runs of spaces skipped, the space after each
	 * word made its end */
	for (char *p = s; *p;) {
		if (*p == ' ') {
			p++;
			continue;
		}
		if (n == cap)
			w = lq_xreallocarray(w, cap *= 2, sizeof *w);
		w[n++] = p;
		while (*p && *p != ' ')
			p++;
		if (*p)
			*p++ = '\0';
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

	/* most phrases fail at their first letter: no scan of the phrase */
	if (n == 0 || w[0] == NULL || w[0][0] != phrase[0])
		return 0;
	while (*p) {
		const char *q;

		if (k == n || (q = w[k]) == NULL)
			return 0;
		/* the word and the phrase's word up to its space, byte by byte */
		while (*q && *q == *p && *p != ' ')
			q++, p++;
		if (*q != '\0' || (*p != ' ' && *p != '\0'))
			return 0;
		k++;
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
		size_t c0 = first_slot(w[i]);

		for (size_t x = expand_ix.start[c0]; x < expand_ix.start[c0 + 1]; x++) {
			size_t e = expand_ix.ix[x];
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

		size_t c0 = first_slot(cw[i]);

		for (size_t x = senses_ix.start[c0]; x < senses_ix.start[c0 + 1]; x++) {
			size_t e = senses_ix.ix[x];
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

int
lq_title_general(const struct lq_title *t)
{
	return t->fn && (t->fn & ~(unsigned)(LQ_FN_EXECUTIVE | LQ_FN_OPERATIONS)) == 0;
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
	/* A consultant's or an adviser's title is another job than the one
	 * it advises on: "ESG Consultant" is not "Sustainability Analyst" */
	if ((a->fn ^ b->fn) & LQ_FN_ADVISORY)
		return 0;
	gap = abs(la - lb);
	/* A lead above the target's rung in its function counts one rung
	 * closer: a target "head of" names the function's leader, and an ICP
	 * written in French or German names that leader "DRH" or
	 * "Personalleiter" where an English one says "CPO". */
	if (la > lb && lb >= LQ_LEVEL_MANAGER && gap > 0)
		gap--;
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
	struct initials x;

	lex();
	initials_of(f, &x);
	for (i = 0; r == LQ_STANCE_NONE && recruiter[i]; i++)
		if (may_hold(&x, recruiter_n[i]) && lq_has_needle(f, recruiter_n[i]))
			r = LQ_STANCE_RECRUITER;
	for (i = 0; r == LQ_STANCE_NONE && vendor[i]; i++)
		if (strncmp(f, vendor[i], strlen(vendor[i])) == 0 && f[strlen(vendor[i])] == ' ')
			r = LQ_STANCE_VENDOR;
	for (i = 0; r == LQ_STANCE_NONE && lapsed[i]; i++)
		if (may_hold(&x, lapsed_n[i]) && lq_has_needle(f, lapsed_n[i]))
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
	struct initials x;

	lex();
	initials_of(f, &x);
	for (size_t i = 0; side[i] && !r; i++)
		r = may_hold(&x, side_n[i]) && lq_has_needle(f, side_n[i]);
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

		size_t c0 = w[i] ? first_slot(w[i]) : 0;

		for (size_t x = industries_ix.start[c0]; w[i] && x < industries_ix.start[c0 + 1]; x++) {
			size_t e = industries_ix.ix[x];
			size_t k = phrase_at(industries[e].phrase, w + i, n - i);

			if (k > best)
				best = k, bi = e;
		}
		if (best && (ai_ok || strcmp(industries[bi].phrase, "ai") != 0))
			g |= industries[bi].groups;
		size_t wl = w[i] && best == 0 && n_stems ? strlen(w[i]) : 0;

		for (size_t e = 0; wl && e < n_stems; e++)
			if (wl >= stems[e].len + 3 && strstr(w[i], stems[e].stem))
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

/* Marks (mark[i] = 1) the words of w[0..n) (folded; NULL skipped) that
 * name a company's clients: after a word of [serves] ("for", "helping",
 * "pour", "per"), up to and including a word of [clients] ("brands",
 * "restaurants", "aziende") at most CLIENT_WORDS words on, the words
 * between naming whom it sells to ("packaging for pet brands", "we help
 * vet clinics", "consulenza per aziende di dispositivi medici"). A word
 * of [serves-stop] (an article, a possessive: "for a group of 12
 * restaurants", "for our clinics") or a number before the client word
 * ends the phrase: the company's own. A word of [clients-of] after the
 * client word takes up to CLIENTS_OF_WORDS more ("aziende di dispositivi
 * medici"). Returns the number marked. */
#define CLIENT_WORDS 6
#define CLIENTS_OF_WORDS 3
static size_t
client_marks(char **w, size_t n, unsigned char *mark)
{
	size_t marked = 0;

	for (size_t i = 0; serves_words && client_words && i < n; i++) {
		if (w[i] == NULL || !chain_has(&serves_ch, serves_words, w[i]))
			continue;
		for (size_t k = i + 1; k < n && k <= i + CLIENT_WORDS; k++) {
			if (w[k] == NULL || chain_has(&stop_ch, serves_stop, w[k]) ||
			    (*w[k] >= '0' && *w[k] <= '9') || chain_has(&serves_ch, serves_words, w[k]))
				break;
			if (chain_has(&client_ch, client_words, w[k])) {
				/* "aziende di dispositivi medici": the kind after "di" */
				size_t e = k;

				if (k + 1 < n && w[k + 1] && chain_has(&client_of_ch, client_of, w[k + 1]))
					for (size_t m = k + 2; m < n && m <= k + 1 + CLIENTS_OF_WORDS; m++) {
						if (w[m] == NULL || chain_has(&stop_ch, serves_stop, w[m]) ||
						    chain_has(&serves_ch, serves_words, w[m]) || chain_has(&client_ch, client_words, w[m]))
							break;
						e = m;
					}
				for (size_t m = i + 1; m <= e; m++)
					marked += !mark[m], mark[m] = 1;
				i = e;
				break;
			}
		}
	}
	return marked;
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
		if (ai_ok && chain_has(&practice_ch, practice_words, w[i]))
			ai_ok = 0;
	}
	/* "packaging for pet brands": the clients' industry, not the
	 * company's */
	unsigned char *mark = lq_xcalloc(n + 1, 1);

	client_marks(w, n, mark);
	for (i = 0; i < n; i++)
		if (mark[i])
			w[i] = NULL;
	free(mark);
	g = groups_of(w, n, ai_ok);
	free(w);
	free(pw);
	free(f);
	free(pf);
	return g;
}

/* 1 if a word of text is one of list's (NULL-terminated, folded; its
 * words chained in ch). */
static int
names_word_of(const struct word_chain *ch, char **list, const char *text)
{
	char *f, **w;
	size_t n;
	int r = 0;

	if (text == NULL || list == NULL)
		return 0;
	f = lq_fold(text);
	n = split(f, &w);
	for (size_t i = 0; i < n && !r; i++)
		r = chain_has(ch, list, w[i]);
	free(w);
	free(f);
	return r;
}

int
lq_practice_named(const char *text)
{
	lex();
	return names_word_of(&practice_ch, practice_words, text);
}

int
lq_interest_named(const char *text)
{
	lex();
	return names_word_of(&interest_ch, interest_words, text);
}

int
lq_past_named_first(const char *text)
{
	char *f, **w;
	size_t n;
	int r;

	if (text == NULL)
		return 0;
	lex();
	if (past_words == NULL)
		return 0;
	f = lq_fold(text);
	n = split(f, &w);
	r = n > 0 && w[0] && chain_has(&past_ch, past_words, w[0]);
	free(w);
	free(f);
	return r;
}

/* 0 when client_marks would mark nothing in lq_fold's words of text,
 * read without folding it: no word of [serves] before a word of
 * [clients]. lq_fold's words of ASCII text are its runs of letters and
 * digits in lower case, some joined by an inner '&' or '+'; no word of
 * the two lists holds either (client_plain), so a word of a list is a
 * whole run of the text, and a [serves] word before a [clients] word is
 * a [serves] run before a [clients] run. 1 when both are found, or at a
 * byte that is not ASCII (then lq_fold's words decide). */
int
lq_client_may(const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	int serves = 0;

	lex();
	if (!client_plain)
		return 1;
	for (;;) {
		while (*s && !fold_alnum[*s])
			if (*s++ >= 0x80)
				return 1;
		if (*s == '\0')
			return 0;
		const unsigned char *r = s;

		while (fold_alnum[*s])
			s++;
		size_t n = (size_t)(s - r);
		unsigned a = pair_code((unsigned char)fold_alnum[r[0]]);
		unsigned b = n > 1 ? pair_code((unsigned char)fold_alnum[r[1]]) : 36;
		uint32_t bit = n < 32 ? (uint32_t)1 << n : 0;
		char run[32];

		if (!(((serves ? client_len : serves_len)[a][b]) & bit))
			continue;
		for (size_t k = 0; k < n; k++)
			run[k] = fold_alnum[r[k]];
		run[n] = '\0';
		if (serves) {
			if (chain_has(&client_ch, client_words, run))
				return 1;
		} else
			serves = chain_has(&serves_ch, serves_words, run);
	}
}

unsigned
lq_client_groups(const char *text)
{
	char *f, **w;
	size_t n;
	unsigned g = 0;

	if (text == NULL)
		return 0;
	lex();
	if (!lq_client_may(text))
		return 0;
	f = lq_fold(text);
	n = split(f, &w);
	unsigned char *mark = lq_xcalloc(n + 1, 1);

	if (client_marks(w, n, mark)) {
		for (size_t i = 0; i < n; i++)
			if (!mark[i])
				w[i] = NULL;
		g = groups_of(w, n, 1);
	}
	free(mark);
	free(w);
	free(f);
	return g;
}

/* 1 if an [employer] phrase starts at some word of t, a text of words
 * of [a-z0-9] and other bytes, each word one space after the last (no
 * space before the first or after the last). */
static int
employer_in(const char *t)
{
	for (const char *s = t; *s; ) {
		for (size_t e = employer_first[(unsigned char)*s]; e != SIZE_MAX; e = employer_next[e]) {
			const char *ph = employer_words[e];
			size_t k = 0;

			while (ph[k] && s[k] == ph[k])
				k++;
			if (ph[k] == '\0' && (s[k] == ' ' || s[k] == '\0'))
				return 1;
		}
		while (*s && *s != ' ')
			s++;
		while (*s == ' ')
			s++;
	}
	return 0;
}

/* 1 if the employer phrase ph matches the runs of ASCII letters and
 * digits from s on (s at the start of one; e the clause's end), read in
 * lower case, a space of ph standing for the bytes between two runs; also
 * 1 at a byte that is not ASCII, which employer_may leaves to lq_fold. */
static int
employer_at(const char *ph, const unsigned char *s, const unsigned char *e)
{
	for (; *ph; ph++) {
		if (*ph == ' ') {
			if (s == e || fold_alnum[*s])
				return 0;
			while (s < e && !fold_alnum[*s])
				if (*s++ >= 0x80)
					return 1;
			if (s == e)
				return 0;
		} else if (s == e || fold_alnum[*s] != *ph) {
			return s < e && *s >= 0x80;
		} else {
			s++;
		}
	}
	return s == e || !fold_alnum[*s];
}

/* 0 when lq_fold's words of the n bytes at p (a clause, followed by a
 * byte that is no letter or digit) hold no [employer] phrase, read
 * without folding the clause: lq_fold's words of ASCII text are its runs
 * of letters and digits in lower case, some joined by an inner '&' or
 * '+'; a phrase's words are letters and digits alone (employer_plain),
 * so the words a phrase matches are whole runs, one after the other, and
 * the phrase is found among the runs too. 1 when one is found, or at a
 * byte that is not ASCII (then lq_fold's words decide). */
static int
employer_may(const char *p, size_t n)
{
	const unsigned char *s = (const unsigned char *)p, *e = s + n;

	for (;;) {
		while (s < e && !fold_alnum[*s])
			if (*s++ >= 0x80)
				return 1;
		if (s == e)
			return 0;
		unsigned char c0 = (unsigned char)fold_alnum[*s];

		/* a phrase's first two bytes, the second a space for a word of one letter */
		if ((employer_second[c0] >> (fold_alnum[s[1]] ? pair_code(fold_alnum[s[1]]) : 36)) & 1)
			for (size_t x = employer_first[c0]; x != SIZE_MAX; x = employer_next[x])
				if (employer_at(employer_words[x], s, e))
					return 1;
		while (fold_alnum[*s])	/* p[n] ends the run */
			s++;
	}
}

char *
lq_employer_words(const char *text)
{
	struct lq_buf b = LQ_BUF_INIT;
	const char *p = text;

	if (text == NULL)
		return NULL;
	lex();
	if (employer_words == NULL)
		return NULL;
	while (*p) {
		size_t n = strcspn(p, ".,;:!?()|\n"), nw;

		if (employer_plain && !employer_may(p, n)) {
			p += n;
			while (*p && strchr(".,;:!?()|\n", *p))
				p++;
			continue;
		}
		char *clause = lq_xstrndup(p, n), *f = lq_fold(clause), **w;

		if (!employer_in(f)) {	/* no phrase at any word: nothing to split */
			free(f);
			free(clause);
			p += n;
			while (*p && strchr(".,;:!?()|\n", *p))
				p++;
			continue;
		}
		nw = split(f, &w);
		for (size_t i = 0; i < nw; i++) {
			size_t k = 0;
			size_t c0 = first_slot(w[i]);

			for (size_t x = employer_ix.start[c0]; x < employer_ix.start[c0 + 1] && k == 0; x++)
				k = phrase_at(employer_words[employer_ix.ix[x]], w + i, nw - i);
			if (k == 0 || i + k >= nw)
				continue;
			if (b.len)
				lq_buf_adds(&b, " | ");
			for (size_t j = i + k; j < nw && j < i + k + EMPLOYER_WORDS; j++) {
				if (j > i + k)
					lq_buf_adds(&b, " ");
				lq_buf_adds(&b, w[j]);
			}
			break;	/* one description a clause */
		}
		free(w);
		free(f);
		free(clause);
		p += n;
		while (*p && strchr(".,;:!?()|\n", *p))
			p++;
	}
	return b.len ? lq_buf_detach(&b) : (lq_buf_free(&b), NULL);
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

const char *
lq_company_signal(const char *text, const char **evidence)
{
	char *f = lq_fold(text);
	const char *type = lq_company_signal_folded(text, f, evidence);

	free(f);
	return type;
}

const char *
lq_company_signal_folded(const char *text, const char *f, const char **evidence)
{
	const char *type = NULL, *word = NULL;
	long n = lq_size_headcount(text, NULL, NULL);

	if (n > 0 && (type = lq_size_band(n)) != NULL && evidence)
		*evidence = "head count";
	if (type == NULL && (type = lq_size_kind(f, &word)) != NULL && evidence)
		*evidence = word;
	if (type == NULL && (type = lq_size_stage(f, &word)) != NULL && evidence)
		*evidence = word;
	if (type == NULL && (type = lq_size_word(f, &word)) != NULL && evidence)
		*evidence = word;
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

/* 1 if lq_fold(s) is s itself: ASCII letters in lower case, digits, one
 * space between words, and an '&' or '+' only inside a word before a
 * letter or digit. The vocabularies' phrases are folded when loaded. */
static int
is_folded(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (size_t i = 0; p[i]; i++) {
		unsigned c = p[i];

		if (c == ' ') {
			if (i == 0 || p[i - 1] == ' ' || p[i + 1] == '\0')
				return 0;
		} else if (c == '&' || c == '+') {
			if (i == 0 || p[i - 1] == ' ' || !FOLD_ALNUM(p[i + 1]))
				return 0;
		} else if (c >= 0x80 || fold_ascii[c] != (char)c) {
			return 0;
		}
	}
	return 1;
}

/* The length in words of the [negation] phrase at w[0..n), 0 if none; its kind in *kind. */
static size_t
place_neg_at(char **w, size_t n, int *kind)
{
	for (size_t i = 0; i < n_place_neg; i++) {
		size_t k = phrase_at(place_neg[i].phrase, w, n);

		if (k) {
			*kind = place_neg[i].kind;
			return k;
		}
	}
	return 0;
}

/* Adds to b the codes of the places words w[from..to) name (and their
 * phrases to names, when not NULL). */
static void
places_add_words(struct lq_buf *b, struct lq_buf *names, char **w, size_t from, size_t to)
{
	struct lq_buf s = LQ_BUF_INIT;

	for (size_t i = from; i < to; i++)
		lq_buf_addf(&s, "%s%s", i > from ? " " : "", w[i]);
	if (s.len)
		places_add_named_in(b, names, s.data);
	lq_buf_free(&s);
}

static char *places_split(const char *text, const char *lang, char *const *also_excluded, size_t n_also,
    char **excluded, struct lq_buf *in_names, struct lq_buf *out_names, int *outside);

char *
lq_places_split(const char *text, char *const *also_excluded, size_t n_also, char **excluded)
{
	return places_split(text, NULL, also_excluded, n_also, excluded, NULL, NULL, NULL);
}

/* Splits the new-line-ended phrases of b into a NULL-terminated array. */
static size_t
names_of(struct lq_buf *b, char ***out)
{
	size_t n = 0;
	char *save = NULL;

	*out = lq_xcalloc(b->len / 2 + 2, sizeof **out);
	if (b->len)
		for (char *p = strtok_r(b->data, "\n", &save); p; p = strtok_r(NULL, "\n", &save))
			(*out)[n++] = lq_xstrdup(p);
	return n;
}

size_t
lq_places_said(const char *text, const char *lang, char ***wanted, char ***excluded, size_t *n_excluded,
    int *outside)
{
	struct lq_buf inn = LQ_BUF_INIT, outn = LQ_BUF_INIT;
	char *ex = NULL, *in = places_split(text, lang, NULL, 0, &ex, &inn, &outn, outside);
	size_t n = 0;
	char **all;
	size_t na = names_of(&inn, &all);

	/* a phrase all of whose places are excluded is not wanted */
	*wanted = lq_xcalloc(na + 1, sizeof **wanted);
	for (size_t i = 0; i < na; i++) {
		char *c = lq_place_named(all[i]);

		if (c && in && lq_places_meet(c, in))
			(*wanted)[n++] = all[i];
		else
			free(all[i]);
		free(c);
	}
	free(all);
	*n_excluded = names_of(&outn, excluded);
	free(in);
	free(ex);
	lq_buf_free(&inn);
	lq_buf_free(&outn);
	return n;
}

/* 1 if a negation of w[from..nw), before the clause ends, turns an
 * "outside" back: an "after" phrase ("... are excluded") or a "before"
 * one that no place follows ("... are not a fit"; "pas en Suisse" is an
 * exclusion of its own). */
static int
neg_later(char **w, size_t from, size_t nw)
{
	size_t i, len, stop;
	int kind;

	for (i = from; i < nw; i += len ? len : 1) {
		len = place_neg_at(w + i, nw - i, &kind);
		if (len == 0 || kind == 'o')
			continue;
		if (kind == 'e')
			return 0;
		if (kind == 'a')
			return 1;
		{
			struct lq_buf b = LQ_BUF_INIT;
			int k2, none;

			for (stop = i + len; stop < nw && !(place_neg_at(w + stop, nw - stop, &k2) && k2 == 'e'); stop++)
				;
			places_add_words(&b, NULL, w, i + len, stop);
			none = b.len == 0;
			lq_buf_free(&b);
			return none;
		}
	}
	return 0;
}

/* The codes of *in not in *out (" fr  de "), or NULL; *excluded gets
 * *out's, or NULL. Frees both buffers. */
static char *
places_less(struct lq_buf *in, struct lq_buf *out, char **excluded)
{
	struct lq_buf keep = LQ_BUF_INIT;

	if (in->len && out->len) {
		char *save = NULL;

		for (char *c = strtok_r(in->data, " ", &save); c; c = strtok_r(NULL, " ", &save)) {
			char code[24];

			snprintf(code, sizeof code, " %s ", c);
			if (strstr(out->data, code) == NULL)
				lq_buf_adds(&keep, code);
		}
		lq_buf_free(in);
		*in = keep;
	}
	*excluded = out->len ? lq_buf_detach(out) : NULL;
	lq_buf_free(out);
	return in->len ? lq_buf_detach(in) : NULL;
}

/* 1 if the clause w[0..nw) is a negation that names no place: a "before"
 * phrase anywhere or an "after" one, and no place (the head of a list of
 * what is not wanted). */
static int
neg_heads(char **w, size_t nw)
{
	size_t i, len;
	int kind, neg = 0;

	for (i = 0; i < nw; i += len ? len : 1) {
		len = place_neg_at(w + i, nw - i, &kind);
		if (len && (kind == 'b' || kind == 'a'))
			neg = 1;
	}
	if (neg) {
		struct lq_buf b = LQ_BUF_INIT;

		places_add_words(&b, NULL, w, 0, nw);
		neg = b.len == 0;
		lq_buf_free(&b);
	}
	return neg;
}

static char *
places_split(const char *text, const char *lang, char *const *also_excluded, size_t n_also,
    char **excluded, struct lq_buf *in_names, struct lq_buf *out_names, int *outside)
{
	struct lq_buf in = LQ_BUF_INIT, out = LQ_BUF_INIT;
	char *t, *save = NULL;

	*excluded = NULL;
	if (outside)
		*outside = 0;
	pthread_once(&place_once, place_load);
	for (size_t j = 0; j < n_also; j++) {
		char *f = lq_fold(also_excluded[j]);

		for (size_t i = 0; i < n_places; i++)
			if (strcmp(f, places[i].phrase) == 0 && (out.len == 0 || strstr(out.data, places[i].codes) == NULL))
				lq_buf_adds(&out, places[i].codes);
		free(f);
	}
	t = lq_xstrdup(text ? text : "");
	/* clause by clause; in each, the places after a "before" phrase and
	 * those before an "after" one are excluded, the others wanted. An
	 * "outside" phrase excludes what follows it as "before" does ("clients
	 * hors France"), except after a "before" one, where it ends the clause
	 * and what follows is wanted: two negations ("we don't sell outside
	 * France") */
	/* A clause ending in ':' that is a negation naming no place ("No son
	 * clientes:", "Not a fit:", "Excluded:") heads a list: every clause
	 * after it, to the end of its sentence, reads as if that negation
	 * began it ("Not a fit: agencies; companies in the US" excludes the
	 * US; "...: startups fuera de España" is two negations and wants
	 * Spain). */
	int header = 0;
	/* In Portuguese "no" is "in the" ("no Brasil"), never a negation.
	 * The language is the caller's (that of the whole call a sentence
	 * came from) or, without one, the text's own */
	if (lang == NULL) {
		char *whole = lq_fold(text ? text : "");

		lang = lq_text_language(whole);
		free(whole);
	}
	int pt = lang && strcmp(lang, "portuguese") == 0;

	/* a point between digits is a number's ("2.000 medewerkers", "1.5"),
	 * not the end of a sentence (it would end a negation's list early) */
	for (char *d = t; *d; d++)
		if (*d == '.' && d > t && isdigit((unsigned char)d[-1]) && isdigit((unsigned char)d[1]))
			*d = ' ';
	for (char *c = strtok_r(t, ".;:!?()[]\n", &save); c; c = strtok_r(NULL, ".;:!?()[]\n", &save)) {
		char *f = lq_fold(c), **w;
		size_t nw = split(f, &w), start = 0;

		for (size_t i = 0; pt && i < nw; i++)
			if (strcmp(w[i], "no") == 0)
				w[i] = (char *)"em";
		char delim = text ? text[(size_t)(c - t) + strlen(c)] : '\0';
		int governed = header, flip = 0;

		header = governed && delim != '.' && delim != '!' && delim != '?' && delim != '\n' && delim != '\0';
		if (delim == ':' && !governed && neg_heads(w, nw))
			header = 1;
		/* In a list a negation heads, an "end" phrase ends its item
		 * only ("Not a fit: ..., governors only by exception, schools
		 * outside the UK"): the head governs again from the next comma.
		 * commas[k]: the word index each comma-separated piece starts at */
		size_t *commas = NULL, ncommas = 0, resume = SIZE_MAX;

		if (governed && strchr(c, ',')) {
			size_t at = 0;
			char *cp = lq_xstrdup(c), *ps = NULL;

			commas = lq_xcalloc(strlen(c) + 1, sizeof *commas);
			for (char *q = strtok_r(cp, ",", &ps); q; q = strtok_r(NULL, ",", &ps)) {
				char *qf = lq_fold(q), **qw;
				size_t qn = split(qf, &qw);

				commas[ncommas++] = at;
				at += qn;
				free(qw);
				free(qf);
			}
			free(cp);
		}
		while (start < nw) {
			size_t end, neg = SIZE_MAX, after = SIZE_MAX, after_len = 0, len = 0, cap = nw;
			int kind = 0, neg_kind = 0, ended = 0;

			if (governed && (start == 0 || start == resume))
				neg = start, neg_kind = 'b';
			if (resume != SIZE_MAX && start < resume)
				cap = resume;

			if (flip) {
				/* after "outside X" that a later negation turns back
				 * ("Employers outside Europe are not a fit"): X is wanted */
				for (end = start; end < nw; end += len ? len : 1) {
					len = place_neg_at(w + end, nw - end, &kind);
					if (len && kind == 'e' && end > start)
						break;
				}
				places_add_words(&in, in_names, w, start, end);
				start = end < nw ? end + len : end;
				flip = 0;
				continue;
			}
			for (end = start; end < cap; end += len ? len : 1) {
				len = place_neg_at(w + end, nw - end, &kind);
				if (len == 0)
					continue;
				if (kind == 'o' && neg == SIZE_MAX && neg_later(w, end + len, nw)) {
					flip = 1;
					if (outside)
						*outside |= 2;
					break;
				}
				if (kind == 'o' && outside)
					*outside |= neg_kind == 'b' ? 2 : 1;
				if ((kind == 'e' && end > start) || (kind == 'o' && neg_kind == 'b')) {
					ended = kind == 'e';
					break;
				}
				if ((kind == 'b' || kind == 'o' || (kind == 'a' && end == start)) && neg == SIZE_MAX)
					neg = end, neg_kind = kind;
				else if (kind == 'a' && neg == SIZE_MAX)
					after = end, after_len = len;
			}
			if (after != SIZE_MAX)
				places_add_words(&out, out_names, w, start, after);
			places_add_words(&in, in_names, w, after != SIZE_MAX ? after + after_len : start,
			    neg != SIZE_MAX ? neg : end);
			if (neg != SIZE_MAX)
				places_add_words(&out, out_names, w, neg, end);
			if (end >= cap && cap < nw) {
				start = cap;	/* the head governs again from this comma */
				continue;
			}
			start = end < nw ? end + len : end;
			if (ended && ncommas) {
				resume = SIZE_MAX;
				for (size_t k = 0; k < ncommas; k++)
					if (commas[k] >= start) {
						resume = commas[k];
						break;
					}
			}
		}
		free(commas);
		free(w);
		free(f);
	}
	free(t);
	/* a place both named and excluded ("Europe, but not Switzerland") is excluded */
	return places_less(&in, &out, excluded);
}

char *
lq_place_named(const char *name)
{
	char *f, *code, *out = NULL;

	if (name == NULL)
		return NULL;
	pthread_once(&place_once, place_load);
	f = lq_fold(name);
	for (size_t i = 0; i < n_places && out == NULL; i++)
		if (strcmp(f, places[i].phrase) == 0)
			out = lq_xstrdup(places[i].codes);
	/* a code: "es", "ca-qc" (folding made the "-" a space) */
	for (char *p = f; *p; p++)
		if (*p == ' ')
			*p = '-';
	code = lq_xasprintf(" %s ", f);
	for (size_t i = 0; i < n_places && out == NULL && strlen(f) >= 2 && strlen(f) <= 8; i++)
		if (strstr(places[i].codes, code))
			out = lq_xstrdup(code);
	free(code);
	free(f);
	return out;
}

/* Adds to b the codes of names[0..n) (lq_place_named), each once. */
static void
places_add_named(struct lq_buf *b, char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *c = lq_place_named(names[i]), *save = NULL;

		for (char *w = c ? strtok_r(c, " ", &save) : NULL; w; w = strtok_r(NULL, " ", &save)) {
			char code[24];

			snprintf(code, sizeof code, " %s ", w);
			if (b->len == 0 || strstr(b->data, code) == NULL)
				lq_buf_adds(b, code);
		}
		free(c);
	}
}

char *
lq_places_regions(char *const *include, size_t n_in, char *const *exclude, size_t n_out, char **excluded)
{
	struct lq_buf in = LQ_BUF_INIT, out = LQ_BUF_INIT;

	places_add_named(&in, include, n_in);
	places_add_named(&out, exclude, n_out);
	/* "Europe" less "Switzerland" */
	return places_less(&in, &out, excluded);
}

char *
lq_phrase_needle(const char *needle)
{
	return is_folded(needle) ? lq_xstrdup(needle) : lq_fold(needle);
}

int
lq_has_needle(const char *hay, const char *n)
{
	size_t nl = strlen(n);
	int found = 0;

	if (nl > 0)
		for (const char *p = strstr(hay, n); p && !found; p = strstr(p + 1, n))
			found = (p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0');
	return found;
}

int
lq_has_phrase(const char *hay, const char *needle)
{
	if (is_folded(needle))
		return lq_has_needle(hay, needle);

	char *fn = lq_fold(needle);
	int found = lq_has_needle(hay, fn);

	free(fn);
	return found;
}

const char *
lq_tier(double icp_score)
{
	return icp_score >= 70 ? "A" : icp_score >= 50 ? "B" : icp_score >= 30 ? "C" : "D";
}
