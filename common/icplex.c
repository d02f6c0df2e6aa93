/* icplex.c: reading ICP criteria out of a client's sentence with the lexicon and cue words of common/vocab/. */
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "icp.h"
#include "icplex.h"
#include "match.h"
#include "sizes.h"
#include "util.h"
#include "vocab.h"

/* An entry of icp-lexicon.vocab: canonical value and the phrases that
 * name it. A phrase is matched as whole words after lq_fold, with a
 * plural "s" (or "ies") tried too; a word written with a capital (CFO,
 * IT director) must appear with those capitals, so "it" and "hr" as
 * ordinary words do not count. */
struct entry {
	int kind;
	const char *value;
	size_t n;
	const char **alias;	/* as written */
	char **folded;		/* lq_fold of each alias */
	char *(*forms)[4];	/* each alias folded: as is, +s, y->ies or (one word) +es, z->ces, ao->oes, in->innen, "vps of sales" (NULL when none) */
	char *fvalue;		/* lq_fold of value */
};

static struct entry *lexicon;	/* ends with a NULL value */
static size_t n_lexicon;

/* The cue lists of icp-cues.vocab, folded (the file is written in plain
 * words: "don't"); each is NULL-terminated. docs/icp-extract.md says
 * what each one does. */
static const char **range_words, **compound_kinds, **kinds_first, **kind_links;
/* icp-cues [not-break]: per language, [np-break] words that are grammar words there
 * (Portuguese "do", "of the"); the language of the call being read (lq_icplex_language) */
static struct not_break { const char *lang; const char **words; } *not_break;
static _Thread_local const char *call_lang;
static const char **neg_before, **neg_after, **not_neg, **scope_end, **retract_before, **retract_after,
	**whole_topic, **dismissal, **lukewarm, **refer_back, **topic_cues, **topic_intro, **small_talk,
	**revise_cues, **stop, **asks_excl, **asks_topics, **affirm, **filler_start, **filler_end, **np_break,
	**np_cut, **title_heads, **not_modifier, **qualifiers, **person_suffix, **not_group, **objects,
	**supplier_words, **business_nouns, **determiners, **copulas, **not_topic, **size_nouns,
	**bare_no, **asks_people, **pronoun_subjects, **below_that, **above_that, **company_kinds, **quality_words, **more_than, **less_than, **and_up, **own_people, **pronoun_ones, **only_places,
	**self_desc, **list_continues, **drop_topic, **relative_words, **not_profession, **profession_endings, **describe_cues,
	**adverbs, **neg_aux, **positive_words, **asks_places, **asks_places_not, **not_now, **works_at, **single_words,
	**retract_around[2], **size_adj[2];
static const struct {
	const char *table;
	const char ***list;
} cue_tables[] = {
	{ "icp-cues.negation-before", &neg_before }, { "icp-cues.negation-after", &neg_after },
	{ "icp-cues.not-negation", &not_neg }, { "icp-cues.negation-scope-end", &scope_end },
	{ "icp-cues.retract-before", &retract_before }, { "icp-cues.retract-after", &retract_after },
	{ "icp-cues.whole-topic", &whole_topic }, { "icp-cues.dismissal", &dismissal },
	{ "icp-cues.lukewarm", &lukewarm }, { "icp-cues.refer-back", &refer_back },
	{ "icp-cues.topic", &topic_cues }, { "icp-cues.topic-intro", &topic_intro },
	{ "icp-cues.small-talk", &small_talk }, { "icp-cues.revise", &revise_cues }, { "icp-cues.stop", &stop },
	{ "icp-cues.asks-exclusion", &asks_excl }, { "icp-cues.asks-topics", &asks_topics },
	{ "icp-cues.affirm", &affirm }, { "icp-cues.filler-start", &filler_start },
	{ "icp-cues.filler-end", &filler_end }, { "icp-cues.np-break", &np_break }, { "icp-cues.np-cut", &np_cut },
	{ "icp-cues.title-heads", &title_heads }, { "icp-cues.not-modifier", &not_modifier },
	{ "icp-cues.title-qualifiers", &qualifiers }, { "icp-cues.person-suffix", &person_suffix },
	{ "icp-cues.not-group", &not_group }, { "icp-cues.objects", &objects },
	{ "icp-cues.supplier-words", &supplier_words }, { "icp-cues.business-nouns", &business_nouns },
	{ "icp-cues.determiners", &determiners }, { "icp-cues.copulas", &copulas },
	{ "icp-cues.not-topic", &not_topic }, { "icp-cues.size-nouns", &size_nouns },
	{ "icp-cues.bare-no", &bare_no }, { "icp-cues.asks-people", &asks_people },
	{ "icp-cues.pronoun-subjects", &pronoun_subjects }, { "icp-cues.below-that", &below_that },
	{ "icp-cues.above-that", &above_that }, { "icp-cues.company-kinds", &company_kinds },
	{ "icp-cues.quality-words", &quality_words }, { "icp-cues.more-than", &more_than },
	{ "icp-cues.less-than", &less_than }, { "icp-cues.and-up", &and_up }, { "icp-cues.own-people", &own_people },
	{ "icp-cues.title-pronouns", &pronoun_ones }, { "icp-cues.only-places", &only_places },
	{ "icp-cues.self-description", &self_desc }, { "icp-cues.list-continues", &list_continues },
	{ "icp-cues.drop-topic", &drop_topic }, { "icp-cues.relative-words", &relative_words },
	{ "icp-cues.not-profession", &not_profession }, { "icp-cues.profession-endings", &profession_endings },
	{ "icp-cues.describe-cues", &describe_cues }, { "icp-cues.range-words", &range_words },
	{ "icp-cues.compound-kinds", &compound_kinds }, { "icp-cues.kinds-first", &kinds_first },
	{ "icp-cues.kind-links", &kind_links },
	/* round 7 (icpx7) */
	{ "icp-cues.adverbs", &adverbs }, { "icp-cues.negative-auxiliaries", &neg_aux },
	{ "icp-cues.positive-words", &positive_words }, { "icp-cues.asks-places", &asks_places },
	{ "icp-cues.asks-places-not", &asks_places_not }, { "icp-cues.not-now", &not_now },
	{ "icp-cues.works-at", &works_at }, { "icp-cues.single", &single_words },
};

/* icp-cues [number-words]: a word and its value (below 100 added, 100
 * multiplies, 1000 closes a thousands group); [title-of]: a phrase that
 * starts a title, as written, and the word that must close it. */
static struct number_word { const char *word; int value; } *number_words;
static struct title_of { const char *phrase, *written, *close; } *title_of;

static pthread_once_t lex_once = PTHREAD_ONCE_INIT;

/* A lukewarm word counts only in a clause this short ("meh", "sort of"):
 * in a longer one it is a figure of speech ("it's sort of a CRM"). */
/* How far after "we're a" the client's own company's words reach. */
#define SELF_WORDS 4
#define LUKEWARM_MAX_WORDS 4
/* How far a negation before a name reaches, and a dismissal after it
 * (words): "we don't really sell to X" / "X are a waste of time". */
#define NEG_BEFORE_WORDS 7
#define NEG_AFTER_WORDS 4
/* The longest noun phrase taken as a topic or a group. */
#define NP_MAX_WORDS 6

static int
is_size(const char *s)
{
	size_t i;

	for (i = 0; lq_company_sizes[i]; i++)
		if (strcmp(lq_company_sizes[i], s) == 0)
			return 1;
	return 0;
}

static const char **
folded_words(const struct lq_vocab *v, const char *table)
{
	const char **w = lq_vocab_words(v, table);
	size_t i;

	for (i = 0; w[i]; i++) {
		const char *orig = w[i];

		w[i] = lq_fold(orig);
		if (w[i][0] == '\0') {
			const struct lq_vocab_table *t = lq_vocab_table(v, table);

			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' has no word", t->rec[i].file, t->rec[i].line,
			    orig);
		}
	}
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
		n += lq_vocab_need(v, secs[s].table, 2, LQ_VOCAB_MAX_FIELDS)->n;
	lexicon = lq_xcalloc(n + 1, sizeof *lexicon);
	for (s = 0; s < sizeof secs / sizeof *secs; s++) {
		t = lq_vocab_table(v, secs[s].table);
		for (i = 0; i < t->n; i++) {
			const struct lq_vocab_rec *r = &t->rec[i];
			struct entry *e = &lexicon[n_lexicon++];

			if (secs[s].kind == LQ_CRIT_SIZE && !is_size(r->f[0]))
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a company size (%s)", r->file,
				    r->line, r->f[0], "startup, scaleup, mid-market, enterprise, agency, freelance");
			e->kind = secs[s].kind;
			e->value = r->f[0];
			e->fvalue = lq_fold(r->f[0]);
			e->n = r->n - 1;
			e->alias = lq_xcalloc(e->n + 1, sizeof *e->alias);
			e->folded = lq_xcalloc(e->n + 1, sizeof *e->folded);
			e->forms = lq_xcalloc(e->n + 1, sizeof *e->forms);
			for (k = 0; k < e->n; k++) {
				const char *fa;
				size_t fl;

				e->alias[k] = r->f[k + 1];
				e->folded[k] = lq_fold(r->f[k + 1]);
				fa = e->folded[k];
				if ((fl = strlen(fa)) == 0)
					lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: phrase %zu of '%s' has no word",
					    r->file, r->line, k + 1, r->f[0]);
				e->forms[k][0] = e->folded[k];
				if (fa[fl - 1] != 's')
					e->forms[k][1] = lq_xasprintf("%ss", fa);
				if (fl > 1 && fa[fl - 1] == 'y')
					e->forms[k][2] = lq_xasprintf("%.*sies", (int)fl - 1, fa);
				else if (fl > 5 && !strchr(fa, ' ') && strcmp(fa + fl - 2, "in") == 0)
					e->forms[k][2] = lq_xasprintf("%snen", fa);	/* German "leiterin": "leiterinnen" */
				else if (fl > 3 && !strchr(fa, ' ') && strchr("rlndj", fa[fl - 1]))
					e->forms[k][2] = lq_xasprintf("%ses", fa);	/* Spanish, Portuguese: "directores" */
				else if (fl > 3 && !strchr(fa, ' ') && fa[fl - 1] == 'z')
					e->forms[k][2] = lq_xasprintf("%.*sces", (int)fl - 1, fa);	/* "capataces" */
				else if (fl > 3 && !strchr(fa, ' ') && strcmp(fa + fl - 2, "ao") == 0)
					e->forms[k][2] = lq_xasprintf("%.*soes", (int)fl - 2, fa);	/* "gestao": "gestoes" */
				{	/* "vp of sales": "vps of sales", the first word plural */
					const char *of = strstr(fa, " of ");

					if (of && strchr(fa, ' ') == of && of > fa && of[-1] != 's')
						e->forms[k][3] = lq_xasprintf("%.*ss%s", (int)(of - fa), fa, of);
				}
			}
		}
	}
	for (i = 0; i < sizeof cue_tables / sizeof *cue_tables; i++)
		*cue_tables[i].list = folded_words(v, cue_tables[i].table);
	t = lq_vocab_need(v, "icp-cues.retract-around", 2, 2);
	retract_around[0] = lq_xcalloc(t->n + 1, sizeof *retract_around[0]);
	retract_around[1] = lq_xcalloc(t->n + 1, sizeof *retract_around[1]);
	for (i = 0; i < t->n; i++) {
		retract_around[0][i] = lq_fold(t->rec[i].f[0]);
		retract_around[1][i] = lq_fold(t->rec[i].f[1]);
		if (!retract_around[0][i][0] || !retract_around[1][i][0])
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: both fields need a word", t->rec[i].file,
			    t->rec[i].line);
	}
	t = lq_vocab_need(v, "icp-cues.size-adjectives", 2, 2);
	size_adj[0] = lq_xcalloc(t->n + 1, sizeof *size_adj[0]);
	size_adj[1] = lq_xcalloc(t->n + 1, sizeof *size_adj[1]);
	for (i = 0; i < t->n; i++) {
		size_adj[0][i] = lq_fold(t->rec[i].f[0]);
		size_adj[1][i] = t->rec[i].f[1];
		if (!size_adj[0][i][0] || !is_size(t->rec[i].f[1]))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: an adjective and a company size", t->rec[i].file,
			    t->rec[i].line);
	}
	t = lq_vocab_need(v, "icp-cues.number-words", 2, 2);
	number_words = lq_xcalloc(t->n + 1, sizeof *number_words);
	for (i = 0; i < t->n; i++) {
		char *end;
		long val = strtol(t->rec[i].f[1], &end, 10);

		number_words[i].word = lq_fold(t->rec[i].f[0]);
		number_words[i].value = (int)val;
		if (!number_words[i].word[0] || strchr(number_words[i].word, ' ') || *end || end == t->rec[i].f[1]
		    || val < 0 || (val >= 100 && val != 100 && val != 1000))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: a word and its value (0 to 99, 100 or 1000)",
			    t->rec[i].file, t->rec[i].line);
	}
	t = lq_vocab_need(v, "icp-cues.title-of", 2, 3);
	title_of = lq_xcalloc(t->n + 1, sizeof *title_of);
	for (i = 0; i < t->n; i++) {
		title_of[i].phrase = lq_fold(t->rec[i].f[0]);
		title_of[i].written = t->rec[i].f[1];
		title_of[i].close = t->rec[i].n > 2 && t->rec[i].f[2][0] ? lq_fold(t->rec[i].f[2]) : NULL;
		if (!title_of[i].phrase[0] || !title_of[i].written[0] || (title_of[i].close && strchr(title_of[i].close, ' ')))
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: a phrase, its written form and at most one closing word",
			    t->rec[i].file, t->rec[i].line);
	}
	t = lq_vocab_need(v, "icp-cues.not-break", 2, 2);
	not_break = lq_xcalloc(t->n + 1, sizeof *not_break);
	for (i = 0; i < t->n; i++) {
		char *copy = lq_fold(t->rec[i].f[1]), *p, *save = NULL;
		size_t nw = 0;

		not_break[i].lang = t->rec[i].f[0];
		not_break[i].words = lq_xcalloc(strlen(copy) / 2 + 2, sizeof *not_break[i].words);
		for (p = strtok_r(copy, " ", &save); p; p = strtok_r(NULL, " ", &save))
			not_break[i].words[nw++] = p;
		if (!not_break[i].lang[0] || nw == 0)
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: a language and its words", t->rec[i].file,
			    t->rec[i].line);
	}
	(void)lq_size_band(0);	/* company-sizes.vocab checked now, not at the first head count */
}

static void
lex(void)
{
	pthread_once(&lex_once, lex_load);
}

void
lq_icplex_digest(char hex[65])
{
	static const char *const files[] = { "icp-lexicon", "icp-cues", "company-sizes", "titles", "industries",
		"places", NULL };

	lq_vocab_digest(lq_vocab(), files, hex);
}

/* ---- words ---- */

/* Whole-word search of folded needle in folded hay: the word index of
 * the first occurrence at or after word from, or -1; *nwords its words. */
static int
find_words(const char *hay, const char *needle, int from, int *nwords)
{
	size_t nl = strlen(needle);
	const char *p;
	int w;

	*nwords = 1;
	if (nl == 0)
		return -1;
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

static int
in_list(const char *w, const char **list)
{
	for (; *list; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

/* A clause as words: folded (for matching) and as written (for values),
 * with their byte offsets in the clause. */
struct clause {
	const char *text;	/* the clause as said */
	char *f;		/* its folded words joined by spaces */
	int nw;
	char **w;		/* folded words */
	char **ow;		/* the words as written (a piece of one when folding split it) */
	size_t *beg, *end;	/* byte range in text of the written word each folded word came from */
};

static int
word_byte(const unsigned char *s, size_t i)
{
	if (s[i] >= 0x80 || isalnum(s[i]))
		return 1;
	return (s[i] == '&' || s[i] == '+') && i > 0 && isalnum(s[i - 1]) && isalnum(s[i + 1]);
}

static void
clause_init(struct clause *c, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	struct lq_buf b = LQ_BUF_INIT;
	size_t i = 0, cap = 0;

	memset(c, 0, sizeof *c);
	c->text = text;
	while (s[i]) {
		size_t st;
		char *tok, *fo, *p, *save = NULL;
		int pieces = 0;

		if (!word_byte(s, i)) {
			i++;
			continue;
		}
		st = i;
		while (s[i] && word_byte(s, i))
			i++;
		tok = lq_xstrndup(text + st, i - st);
		fo = lq_fold(tok);
		for (p = fo; *p; p++)
			pieces += *p == ' ' && p[1] != ' ';
		for (p = strtok_r(fo, " ", &save); p; p = strtok_r(NULL, " ", &save)) {
			if ((size_t)c->nw == cap) {
				cap = cap ? cap * 2 : 16;
				c->w = lq_xreallocarray(c->w, cap, sizeof *c->w);
				c->ow = lq_xreallocarray(c->ow, cap, sizeof *c->ow);
				c->beg = lq_xreallocarray(c->beg, cap, sizeof *c->beg);
				c->end = lq_xreallocarray(c->end, cap, sizeof *c->end);
			}
			c->w[c->nw] = lq_xstrdup(p);
			c->ow[c->nw] = lq_xstrdup(pieces ? p : tok);
			c->beg[c->nw] = st;
			c->end[c->nw] = i;
			if (c->nw)
				lq_buf_addc(&b, ' ');
			lq_buf_adds(&b, p);
			c->nw++;
		}
		free(fo);
		free(tok);
	}
	lq_buf_addc(&b, '\0');
	c->f = lq_buf_detach(&b);
}

static void
clause_free(struct clause *c)
{
	int i;

	for (i = 0; i < c->nw; i++) {
		free(c->w[i]);
		free(c->ow[i]);
	}
	free(c->w);
	free(c->ow);
	free(c->beg);
	free(c->end);
	free(c->f);
}

/* Does the folded phrase p (n words) occur at word i of c? */
static int
phrase_at(const struct clause *c, int i, const char *p, int *n)
{
	int at = -1, k = 0;
	const char *q = c->f;

	/* byte offset of word i in c->f */
	while (k < i && q) {
		q = strchr(q, ' ');
		if (q)
			q++;
		k++;
	}
	if (q == NULL)
		return 0;
	at = find_words(q, p, 0, n);
	return at == 0;
}

/* The words of a qualifier at word i of c followed by "one"/"ones" ("an
 * interim one", "the self-employed ones"): the qualifier's length, or 0. */
static int
qualified_one(const struct clause *c, int i)
{
	const char **l;
	int qn = 0;

	for (l = qualifiers; *l && !qn; l++)
		if (!phrase_at(c, i, *l, &qn) || i + qn >= c->nw || !in_list(c->w[i + qn], pronoun_ones))
			qn = 0;
	return qn;
}

/* The index of the first word at or after from that starts any phrase
 * of list, or -1; *n its words. */
static int
first_of(const struct clause *c, const char **list, int from, int *n)
{
	int best = -1, bn = 0, nw;

	for (; *list; list++) {
		int at = find_words(c->f, *list, from, &nw);

		if (at >= 0 && (best < 0 || at < best || (at == best && nw > bn)))
			best = at, bn = nw;
	}
	*n = bn;
	return best;
}

/* 1 if word i of c looks like a number. */
static int
numeric(const char *w)
{
	return isdigit((unsigned char)w[0]);
}

/* The singular of a folded or written word, in out (which may be w). */
static void
singular(const char *w, char *out, size_t size)
{
	size_t l = strlen(w);

	if (out != w)
		snprintf(out, size, "%s", w);
	if (l >= size)
		return;
	if (l > 6 && (strcmp(w + l - 6, "people") == 0 || strcmp(w + l - 6, "People") == 0))
		snprintf(out + l - 6, size - (l - 6), "%cerson", w[l - 6]);	/* "salespeople" */
	else if (l > 4 && strcmp(w + l - 3, "ies") == 0)
		snprintf(out + l - 3, size - (l - 3), "y");
	else if (l > 3 && (w[l - 1] == 's' || w[l - 1] == 'S') && w[l - 2] != 's' && w[l - 2] != 'u'
	    && w[l - 2] != 'i' && w[l - 2] != '\'')
		out[l - 1] = '\0';
}

/* Words [a, b) of c as written, joined by spaces into out; title: every
 * all-lowercase word capitalised but the small ones, and the last word
 * made singular; else a sentence-case first word is put in lower case
 * (acronyms and names with inner capitals are kept). */
static size_t dative_n(const char *w, const char **list);

static void
written(const struct clause *c, int a, int b, int title, char *out, size_t size)
{
	struct lq_buf buf = LQ_BUF_INIT;
	int i;

	for (i = a; i < b; i++) {
		char w[128];
		size_t k;
		int lower = 1, capital = 1;

		snprintf(w, sizeof w, "%s", c->ow[i]);
		if (title && i == b - 1) {
			size_t l = strlen(w), u = 0;

			for (k = 1; k < l; k++)
				u += isupper((unsigned char)w[k]) != 0;
			/* "RevOps" is a name, not a plural; "MSPs" is */
			if (!(u > 0 && l > 2 && w[l - 1] == 's' && islower((unsigned char)w[l - 2])))
				singular(w, w, sizeof w);
			w[dative_n(w, profession_endings)] = '\0';	/* "Vertriebsleitern" */
		}
		for (k = 0; w[k]; k++) {
			if (isupper((unsigned char)w[k]))
				lower = 0;
			if (k > 0 && isupper((unsigned char)w[k]))
				capital = 0;
		}
		if (title && lower && !(i > a && (strcmp(w, "of") == 0 || strcmp(w, "and") == 0
		    || strcmp(w, "the") == 0 || strcmp(w, "for") == 0 || strcmp(w, "&") == 0)))
			w[0] = (char)toupper((unsigned char)w[0]);
		else if (!title && capital && !lower && strlen(w) > 1)
			w[0] = (char)tolower((unsigned char)w[0]);
		if (i > a)
			lq_buf_addc(&buf, ' ');
		lq_buf_adds(&buf, w);
	}
	lq_buf_addc(&buf, '\0');
	snprintf(out, size, "%s", buf.data);
	lq_buf_free(&buf);
}

/* The clause's text from word a to word b-1 as said (hyphens kept),
 * with a sentence-case first word put in lower case. */
static void
said_text(const struct clause *c, int a, int b, char *out, size_t size)
{
	size_t from = c->beg[a], to = c->end[b - 1], l = to - from;
	int k, capital = 1, lower = 1;

	if (l >= size)
		l = size - 1;
	memcpy(out, c->text + from, l);
	out[l] = '\0';
	for (k = 0; c->ow[a][k]; k++) {
		if (isupper((unsigned char)c->ow[a][k]))
			lower = 0;
		if (k > 0 && isupper((unsigned char)c->ow[a][k]))
			capital = 0;
	}
	/* German writes every noun with a capital: "Papierpreise" stays so */
	if (capital && !lower && strlen(c->ow[a]) > 1 && !(call_lang && strcmp(call_lang, "german") == 0))
		out[0] = (char)tolower((unsigned char)out[0]);
}

/* A German dative plural "-n" on a compound's last part ("Herstellern", "Vertriebsleitern",
 * "Betrieben") whose form without it is in list too: the length to keep, else strlen(w). */
static size_t
dative_n(const char *w, const char **list)
{
	char *f = lq_fold(w);
	size_t l = strlen(f), wl = strlen(w), el;
	const char **e;

	for (e = list; *e; e++)
		if ((el = strlen(*e)) + 4 <= l && el > 2 && (*e)[el - 1] == 'n' && strcmp(f + l - el, *e) == 0) {
			const char **o;

			for (o = list; *o; o++)
				if (strlen(*o) == el - 1 && strncmp(*o, *e, el - 1) == 0 && wl > 1 && w[wl - 1] == 'n') {
					free(f);
					return wl - 1;
				}
		}
	free(f);
	return wl;
}

/* ---- spans: what a clause names ---- */

struct span {
	const struct entry *e;	/* the lexicon's, or NULL for a made value */
	int kind;
	int w, n;		/* first word, words */
	char made[128];		/* a value built from the words ("Head of Transport") */
	int count;		/* from a head count (several bands may share the words) */
	int group;		/* an unnamed group of people: kept only as an exclusion */
	int generic;		/* a title made from a title word ("legal ops managers") */
	int keep;
	int negated, retracts, whole;
	int specific;		/* an industry with the client's qualifying word ("equine vets") */
	int predicate;		/* "they're basically consultants" */
	char spec[128];		/* the client's words for the title, when dismissed later (as made) */
	const struct entry *base;	/* the lexicon's industry inside a company phrase */
	int pronoun;		/* "the self-employed ones": a qualifier for a title named before */
};

#define MAX_SPANS 64

static int
add_span(struct span *sp, int *ns, const struct entry *e, int kind, int w, int n)
{
	if (*ns >= MAX_SPANS)
		return -1;
	memset(&sp[*ns], 0, sizeof *sp);
	sp[*ns].e = e;
	sp[*ns].kind = kind;
	sp[*ns].w = w;
	sp[*ns].n = n;
	sp[*ns].keep = 1;
	return (*ns)++;
}

static int
has_upper(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s))
			return 1;
	return 0;
}

/* Matches an alias with capitals at word i: its capitalised words must be
 * written so, the others compare folded; the last may take a plural s. */
static int
alias_exact_at(const struct clause *c, int i, const char *alias, int *n)
{
	char *copy = lq_xstrdup(alias), *p, *save = NULL;
	int k = 0, ok = 1;
	char *toks[16];
	int nt = 0;

	for (p = strtok_r(copy, " -", &save); p && nt < 16; p = strtok_r(NULL, " -", &save))
		toks[nt++] = p;
	for (k = 0; k < nt && ok; k++) {
		const char *ow;
		size_t tl = strlen(toks[k]);

		if (i + k >= c->nw) {
			ok = 0;
			break;
		}
		ow = c->ow[i + k];
		if (has_upper(toks[k])) {
			ok = strcmp(ow, toks[k]) == 0 || (k == nt - 1 && strncmp(ow, toks[k], tl) == 0
			    && (strcmp(ow + tl, "s") == 0 || strcmp(ow + tl, "'s") == 0));
		} else {
			char *ft = lq_fold(toks[k]);
			size_t fl = strlen(ft);

			ok = strcmp(c->w[i + k], ft) == 0 || (k == nt - 1 && strncmp(c->w[i + k], ft, fl) == 0
			    && strcmp(c->w[i + k] + fl, "s") == 0);
			free(ft);
		}
	}
	free(copy);
	*n = nt;
	return ok && nt > 0;
}

static void
lexicon_spans(const struct clause *c, struct span *sp, int *ns)
{
	const struct entry *e;

	for (e = lexicon; e->value; e++) {
		size_t k;

		for (k = 0; k < e->n; k++) {
			const char *fa = e->folded[k];
			int w, nw, i;

			if (has_upper(e->alias[k])) {
				for (i = 0; i < c->nw; i++)
					if (alias_exact_at(c, i, e->alias[k], &nw)) {
						add_span(sp, ns, e, e->kind, i, nw);
						break;
					}
				continue;
			}
			/* every occurrence, singular or plural */
			if (strstr(c->f, fa) == NULL && (e->forms[k][2] == NULL || strstr(c->f, e->forms[k][2]) == NULL)
			    && (e->forms[k][3] == NULL || strstr(c->f, e->forms[k][3]) == NULL))
				continue;	/* the common case, quickly */
			for (i = 0; i < 4; i++) {
				if (e->forms[k][i] == NULL)
					continue;
				for (w = find_words(c->f, e->forms[k][i], 0, &nw); w >= 0;
				    w = find_words(c->f, e->forms[k][i], w + 1, &nw))
					if (add_span(sp, ns, e, e->kind, w, nw) < 0)
						break;
			}
		}
	}
}

static int
title_head(const char *w)
{
	char sg[128];

	singular(w, sg, sizeof sg);
	return in_list(sg, title_heads) || in_list(w, title_heads);
}

static int number_word(const char *w);

/* "dentists", "agronomists", "paediatricians": a profession by its ending
 * (icp-cues [profession-endings]), a title even said alone. */
static int
profession(const char *w)
{
	size_t l = strlen(w), el;
	const char **e;

	if (l < 7 || in_list(w, not_profession))
		return 0;
	for (e = profession_endings; *e; e++)
		if ((el = strlen(*e)) < l && strcmp(w + l - el, *e) == 0)
			return 1;
	return 0;
}

/* A word that may describe a title's function ("legal", "fleet", "OT"). */
static int
modifier_word(const char *w)
{
	char sg[128];

	singular(w, sg, sizeof sg);
	return !in_list(sg, title_heads) && !profession(w) && !in_list(w, stop) && !in_list(w, not_modifier) && !in_list(w, np_break) && !in_list(w, qualifiers)
	    && !numeric(w) && number_word(w) < 0 && strlen(w) > 1;	/* "eighty technicians" is a head count */
}

/* Does a lexicon title start at word w? */
static int
title_at(const struct span *sp, int ns, int w)
{
	int i;

	for (i = 0; i < ns; i++)
		if (sp[i].e && sp[i].kind == LQ_CRIT_TITLE && sp[i].w == w)
			return 1;
	return 0;
}

/* "fleet managers", "heads of transport", "directors of learning and
 * development", "VP of customer experience": titles the lexicon lacks,
 * made from a title word and the words that give its function. */
static void
generic_titles(const struct clause *c, struct span *sp, int *ns)
{
	int i, j, k, n;
	size_t h;

	for (i = 0; i < c->nw; i++) {
		char sg[128];
		int m;

		singular(c->w[i], sg, sizeof sg);
		if (!in_list(sg, title_heads) && !in_list(c->w[i], title_heads) && !profession(c->w[i]))
			continue;
		for (m = 0; m < 3 && i - m - 1 >= 0 && modifier_word(c->w[i - m - 1]); m++)
			;
		/* "Big Four auditors": a capitalised name goes with the capitalised word after it */
		while (m > 0 && m < 3 && i - m - 1 >= 0 && isupper((unsigned char)c->ow[i - m - 1][0])
		    && isupper((unsigned char)c->ow[i - m][0]) && !in_list(c->w[i - m - 1], stop)
		    && !in_list(c->w[i - m - 1], filler_start))	/* "Also O&M managers" */
			m++;
		if (m == 0 && !profession(c->w[i]))
			continue;
		if ((k = add_span(sp, ns, NULL, LQ_CRIT_TITLE, i - m, m + 1)) < 0)
			return;
		sp[k].generic = 1;
		written(c, i - m, i + 1, 1, sp[k].made, sizeof sp[k].made);
	}
	for (h = 0; title_of[h].phrase; h++) {
		int from = 0;
		const char *close = title_of[h].close;

		while ((i = find_words(c->f, title_of[h].phrase, from, &n)) >= 0) {
			int a = i + n, b = a, y, kind = 0;

			from = i + 1;
			/* "gerentes de cooperativas": the title, then where they work, not "Gerente de
			 * Cooperativas" (a kind said first, or the lexicon's industry, after "de") */
			for (y = 0; y < *ns && a < c->nw; y++)
				kind |= sp[y].kind == LQ_CRIT_INDUSTRY && sp[y].w == a;
			if ((kind || (a < c->nw && in_list(c->w[a], kinds_first))) && a > 0 && in_list(c->w[a - 1], kind_links))
				continue;	/* "heads of ecommerce" stays a title */
			/* "learning and development", but not "transport and fleet managers" */
			while (b < c->nw && b - a < 4 && (modifier_word(c->w[b])
			    || ((strcmp(c->w[b], "and") == 0 || strcmp(c->w[b], "&") == 0) && b > a && b + 1 < c->nw
			    && modifier_word(c->w[b + 1]) && !(b + 2 < c->nw && title_head(c->w[b + 2]))
			    && !title_at(sp, *ns, b + 1))))	/* "VPs of Sales and CROs": two titles */
				b++;
			if (b < c->nw && title_head(c->w[b]) && b > a)
				continue;	/* "head of customer success managers" is not a head-of title */
			if (close) {
				/* "chief X officer": the closing word, singular or plural */
				char sg[128];

				if (b >= c->nw)
					continue;
				singular(c->w[b], sg, sizeof sg);
				if (strcmp(c->w[b], close) && strcmp(sg, close))
					continue;
				b++;
			}
			if (b == a)
				continue;
			if ((k = add_span(sp, ns, NULL, LQ_CRIT_TITLE, i, b - i)) < 0)
				return;
			sp[k].generic = 1;
			if (close) {
				written(c, i, b, 1, sp[k].made, sizeof sp[k].made);
				continue;
			}
			/* "Head of" and the function words as said, capitalised */
			snprintf(sp[k].made, sizeof sp[k].made, "%s", title_of[h].written);
			for (j = a; j < b; j++) {
				char wd[64];

				snprintf(wd, sizeof wd, "%s", c->ow[j]);
				if (!has_upper(wd) && strcmp(wd, "and") && strcmp(wd, "&"))
					wd[0] = (char)toupper((unsigned char)wd[0]);
				snprintf(sp[k].made + strlen(sp[k].made), sizeof sp[k].made - strlen(sp[k].made), " %s", wd);
			}
		}
	}
}

/* The value of a number word of [number-words], or -1. */
static int
number_word(const char *w)
{
	size_t k;

	for (k = 0; number_words[k].word; k++)
		if (strcmp(w, number_words[k].word) == 0)
			return number_words[k].value;
	return -1;
}

/* Does the folded phrase p (n words) stand at words at..at+n-1 of t? */
static int
words_are(char **t, int at, const char *p, int n)
{
	for (int k = 0; k < n; k++) {
		size_t l = strcspn(p, " ");

		if (strlen(t[at + k]) != l || strncmp(t[at + k], p, l) != 0)
			return 0;
		p += l + (p[l] == ' ');
	}
	return 1;
}

/* The longest phrase of list at word i of t's nt words (before: ending
 * just before word i), in words; 0 if none. */
static int
phrase_near(char **t, int nt, int i, const char **list, int before)
{
	int best = 0;

	for (; *list; list++) {
		int n = 1;

		for (const char *q = *list; *q; q++)
			n += *q == ' ';
		if (n > best && (before ? n <= i : i + n <= nt) && words_are(t, before ? i - n : i, *list, n))
			best = n;
	}
	return best;
}

/* n when the phrase of list that ends just before word i has n words (the longest), else 0. */
static int
phrase_before(char **t, int i, const char **list)
{
	return phrase_near(t, i, i, list, 1);
}

/* n when a phrase of list starts at word i (the longest), else 0. */
static int
phrase_from(char **t, int nt, int i, const char **list)
{
	return phrase_near(t, nt, i, list, 0);
}

/* A number at word i of t: digits ("1 000" was "1,000", "5k") or words
 * ("two hundred and fifty", "a thousand"). Returns the words it takes
 * (0: none) and its value in *v. */
static int
number_at(char **t, int nt, int i, double *v)
{
	double total = 0, cur = 0;
	int j = i, any = 0;
	char *end;

	if (i >= nt)
		return 0;
	if (numeric(t[i])) {
		*v = strtod(t[i], &end);
		if (*end == 'k')
			*v *= 1000, end++;
		if (*end)
			return 0;
		while (j + 1 < nt && strlen(t[j + 1]) == 3 && strspn(t[j + 1], "0123456789") == 3)
			*v = *v * 1000 + atof(t[++j]);
		return j + 1 - i;
	}
	for (; j < nt; j++) {
		int val = number_word(t[j]);

		if (val >= 0 && val < 100)
			cur += (double)val;
		else if (val == 100)
			cur = (cur > 0 ? cur : 1) * 100;
		else if (val == 1000)
			total += (cur > 0 ? cur : 1) * 1000, cur = 0;
		else if ((strcmp(t[j], "a") == 0 || strcmp(t[j], "and") == 0) && j + 1 < nt) {
			/* "a thousand", "two hundred and fifty" */
			int nx = number_word(t[j + 1]), num = nx >= 0;

			if (t[j][0] == 'a' && t[j][1] == '\0' && j > i)
				num = 0;
			if (t[j][0] == 'a' && t[j][1] != '\0' && (!any || total + cur < 100))
				num = 0;	/* "and": only inside a number ("two hundred and fifty") */
			if (t[j][0] == 'a' && t[j][1] == '\0' && nx < 100)
				num = 0;
			if (!num)
				break;
			continue;
		} else
			break;
		any = 1;
	}
	if (!any)
		return 0;
	*v = total + cur;
	return j - i;
}

/* Company sizes from head counts: "50 to 500 people", "over 1,000
 * employees", "under 50 staff", "five hundred employees and up", into
 * the bands of company-sizes.vocab. */
static void
count_spans(const struct clause *c, struct span *sp, int *ns)
{
	char **t = c->w;
	int nt = c->nw, i;

	for (i = 0; i < nt; i++) {
		double a, b = -1;
		int j, k, n, strict = 0, last, up;
		const char *name;
		long lo, hi;

		if ((n = number_at(t, nt, i, &a)) == 0)
			continue;
		j = i + n - 1;
		if (j + 2 < nt && in_list(t[j + 1], range_words) && (k = number_at(t, nt, j + 2, &b)) > 0) {
			j = j + 1 + k;
			strict = 1;	/* "50 to 1,000": the upper end starts no band */
		} else if (j + 1 < nt && (k = number_at(t, nt, j + 1, &b)) > 0 && numeric(t[j + 1]))
			j = j + k, strict = 1;	/* "50-500" */
		else
			b = -1;
		if (j + 1 >= nt)
			continue;
		/* a head-count unit of company-sizes.vocab ("people", "staff", "FTEs"), or "50 plus ..." */
		up = phrase_from(t, nt, j + 1, and_up);
		/* "ten to eighty technicians", "over 200 engineers": a plural title word counts
		 * people like "staff" after a range, a bound or a number that is no handful */
		if (!lq_size_unit(t[j + 1]) && !(up > 0 && j + 1 + up < nt)
		    && !(title_head(t[j + 1]) && t[j + 1][strlen(t[j + 1]) - 1] == 's'
		    && (strict || phrase_before(t, i, more_than) || phrase_before(t, i, less_than) || a >= 10)))
			continue;
		last = j + 1;
		if (b < 0) {
			if (phrase_before(t, i, more_than) || up > 0)
				b = 1e12;
			else if (phrase_before(t, i, less_than))
				b = a, a = 0, strict = 1;
			else
				b = a;	/* "a 200 person company" */
			/* "500 employees and up", "250 staff upwards", "1000 people or more" */
			if (up == 0 && (up = phrase_from(t, nt, last + 1, and_up)) > 0) {
				b = 1e12;
				last += up;
			}
		}
		/* The bands of company-sizes.vocab, as classify and score read them. */
		for (k = 0; (name = lq_size_band_at((size_t)k, &lo, &hi)) != NULL; k++)
			if ((hi < 0 || a < (double)hi) && (strict && b > a ? b > (double)lo : b >= (double)lo)) {
				int s = add_span(sp, ns, NULL, LQ_CRIT_SIZE, i, last + 1 - i);

				if (s < 0)
					return;
				sp[s].count = 1;
				snprintf(sp[s].made, sizeof sp[s].made, "%s", name);
			}
		i = last;
	}
}

/* "the big consolidators", "small firms": a size from an adjective and a
 * word for businesses. */
static void
adjective_sizes(const struct clause *c, struct span *sp, int *ns)
{
	int i, k, j;

	for (i = 0; i + 1 < c->nw; i++)
		for (k = 0; size_adj[0][k]; k++) {
			int q = i + 1;

			/* "the big international chains": [quality-words] between (a word that is also
			 * a noun for businesses ends it: "the small ones are useless") */
			while (q + 1 < c->nw && q - i <= 2 && in_list(c->w[q], quality_words)
			    && !in_list(c->w[q], business_nouns) && !in_list(c->w[q], size_nouns))
				q++;
			if (strcmp(c->w[i], size_adj[0][k]) == 0 && (in_list(c->w[q], business_nouns)
			    || in_list(c->w[q], size_nouns))) {
				if ((j = add_span(sp, ns, NULL, LQ_CRIT_SIZE, i, q + 1 - i)) < 0)
					return;
				snprintf(sp[j].made, sizeof sp[j].made, "%s", size_adj[1][k]);
				break;
			}
		}
}

static int cue_word(const char *w);
static int place_at(const struct clause *c, int i);

/* Is word pos of c inside an occurrence of a negation or retraction cue ("leave" of "leave X
 * out", "no budget"), not merely a word some cue uses ("budget gyms")? */
static int
in_cue_at(const struct clause *c, int pos)
{
	const char **lists[] = { neg_before, retract_before, retract_after, neg_after, retract_around[0],
		retract_around[1], NULL };
	size_t i;

	for (i = 0; lists[i]; i++) {
		const char **x;

		for (x = lists[i]; *x; x++) {
			int at, nw;

			for (at = find_words(c->f, *x, 0, &nw); at >= 0 && at <= pos; at = find_words(c->f, *x, at + 1, &nw))
				if (pos < at + nw)
					return 1;
		}
	}
	return 0;
}

/* "wind farm operators", "boutique hotels", "martial arts schools": the
 * client's own words for a kind of company, one to three words before a
 * business noun ("operators", "firms") or a kind of company ("hotels",
 * "gyms"), or such a kind alone ("hostels"). Kept as said, as a target
 * or an exclusion, when the lexicon lacks it or names only a part of it
 * ("boutique hotels" is more than Hospitality); a phrase that is only the
 * lexicon's own words ("law firms", "software companies") stays the
 * lexicon's value. */
/* Is word j joined to the next by a hyphen ("build-to-rent", "sales-only")? */
/* icp-cues [compound-kinds]: a word of at least four letters and then one of them
 * ("lebensmittelhersteller", "kunststoffverarbeiter"), not a [not-profession] word. */
static int
compound_kind(const char *w)
{
	size_t l = strlen(w), el;
	const char **e;

	if (in_list(w, not_profession))
		return 0;
	for (e = compound_kinds; *e; e++)
		if ((el = strlen(*e)) + 4 <= l && strcmp(w + l - el, *e) == 0)
			return 1;
	return 0;
}

static int
hyphen_joined(const struct clause *c, int j)
{
	return j >= 0 && j + 1 < c->nw && c->text[c->end[j]] == '-' && c->beg[j + 1] == c->end[j] + 1;
}

/* "cooperativas agrícolas", "clínicas de fisioterapia", "agences de voyage": a kind of
 * company said first (icp-cues [kinds-first]) and the words after it that say what kind, one
 * or two words or a [kind-links] word and one or two: an industry as said, the lexicon's
 * industry inside it its base. 1 when one was made. */
static int
head_first_kind(const struct clause *c, int b, struct span *sp, int *ns, int n0)
{
	int e = b + 1, m = 0, i, x;
	const struct entry *lexpart = NULL;

	if (e < c->nw && in_list(c->w[e], kind_links))
		e++;
	while (e + m < c->nw && m < 2 && modifier_word(c->w[e + m]) && !cue_word(c->w[e + m])
	    && !in_list(c->w[e + m], determiners) && !in_list(c->w[e + m], kind_links)
	    && !in_list(c->w[e + m], kinds_first) && !place_at(c, e + m) && !numeric(c->w[e + m])
	    && !in_list(c->w[e + m], affirm) && !in_list(c->w[e + m], bare_no) && !in_list(c->w[e + m], lukewarm)
	    && !in_list(c->w[e + m], filler_start) && !in_list(c->w[e + m], np_break) && !in_list(c->w[e + m], scope_end))
		m++;
	if (m == 0)
		return 0;
	e += m;
	for (i = 0; i < n0; i++) {
		if (sp[i].w < e && b < sp[i].w + sp[i].n && sp[i].kind != LQ_CRIT_INDUSTRY)
			return 0;	/* a title, a size, a topic among the words */
		if (sp[i].kind == LQ_CRIT_INDUSTRY && sp[i].w <= b && sp[i].w + sp[i].n >= e)
			return 0;	/* the lexicon names it all: "cooperativas agrícolas" */
		if (sp[i].kind == LQ_CRIT_INDUSTRY && sp[i].w >= b && sp[i].w < e && sp[i].e)
			lexpart = sp[i].e;
	}
	if ((x = add_span(sp, ns, NULL, LQ_CRIT_INDUSTRY, b, e - b)) < 0)
		return 0;
	said_text(c, b, e, sp[x].made, sizeof sp[x].made);
	sp[x].made[0] = (char)toupper((unsigned char)sp[x].made[0]);
	sp[x].base = lexpart;
	return 1;
}

static void
company_phrases(const struct clause *c, struct span *sp, int *ns)
{
	int b, i, m, n0 = *ns;

	for (b = 0; b < c->nw; b++) {
		int kind = in_list(c->w[b], company_kinds), covered = 0, kinds = 0, x;
		const struct entry *lexpart = NULL;
		size_t l = strlen(c->w[b]);
		double v;

		if (in_list(c->w[b], kinds_first) && head_first_kind(c, b, sp, ns, n0))
			continue;
		if (compound_kind(c->w[b])) {
			/* "Verpackungshersteller", "Möbelhändler": a German compound whose last part
			 * is a kind of company names one by itself, wanted or excluded as said */
			for (i = 0; i < n0 && !covered; i++)
				covered = sp[i].w <= b && b < sp[i].w + sp[i].n;
			if (!covered && (x = add_span(sp, ns, NULL, LQ_CRIT_INDUSTRY, b, 1)) >= 0) {
				said_text(c, b, b + 1, sp[x].made, sizeof sp[x].made);
				sp[x].made[0] = (char)toupper((unsigned char)sp[x].made[0]);
				sp[x].made[dative_n(sp[x].made, compound_kinds)] = '\0';
			}
			continue;
		}

		/* a class of companies is plural ("the second plant" is one site) */
		if ((!kind && !in_list(c->w[b], business_nouns)) || l < 3 || c->w[b][l - 1] != 's'
		    || in_list(c->w[b], supplier_words))	/* "dental suppliers": the supplier rule names them */
			continue;
		for (m = 0; m < 3 && b - 1 - m >= 0; m++) {
			const char *w = c->w[b - 1 - m];
			int taken = 0;

			/* "climbing gyms", "vehicle leasing companies": an -ing word names a kind here
			 * ("targeting" and other verbs are [not-modifier]); "build-to-rent operators":
			 * the grammar words of a hyphenated compound are words of the kind */
			int joined = hyphen_joined(c, b - 1 - m) || hyphen_joined(c, b - 2 - m);

			if ((!joined && !modifier_word(w)) || in_cue_at(c, b - 1 - m) || in_list(w, determiners)
			    || number_at(c->w, c->nw, b - 1 - m, &v) > 0
			    || in_list(w, size_adj[0]) || in_list(w, pronoun_subjects) || in_list(w, size_nouns)
			    || in_list(w, business_nouns) || in_list(w, supplier_words))
				break;
			for (i = 0; i < n0 && !taken; i++)	/* a title, a size, a topic: not a company's words */
				taken = sp[i].kind != LQ_CRIT_INDUSTRY && sp[i].w <= b - 1 - m && b - 1 - m < sp[i].w + sp[i].n;
			if (taken)
				break;
			kinds += !in_list(w, quality_words);
		}
		/* "companies" alone; "family businesses", "regulated companies": a quality, not a kind */
		if ((m == 0 && !kind) || (m > 0 && kinds == 0))
			continue;
		{
			int inlex[4] = { 0, 0, 0, 0 }, extra = 0, j;

			for (i = 0; i < n0; i++) {
				const struct span *y = &sp[i];

				if (y->kind != LQ_CRIT_INDUSTRY || y->w + y->n <= b - m || y->w > b)
					continue;
				if (y->w < b - m || y->w + y->n > b + 1)
					covered = 1;	/* the lexicon's phrase reaches outside: it names the company */
				for (j = y->w; j < y->w + y->n; j++)
					if (j >= b - m && j <= b)
						inlex[j - (b - m)] = 1;
				if (!lexpart || y->w + y->n <= b)
					lexpart = y->e;	/* "pharma manufacturers": Pharma, not Manufacturing */
			}
			/* words of the client's own that say what kind: not the lexicon's, not a quality
			 * ("multi academy trusts", "independent schools", "fintech companies" are the
			 * lexicon's industry; "boutique hotels", "solar parks" are more) */
			for (j = b - m; j < b; j++)
				extra += !inlex[j - (b - m)] && !in_list(c->w[j], quality_words);
			extra += kind && !inlex[m];
			if (!covered && lexpart && extra == 0)	/* "pharma manufacturers": Pharma makers, not Manufacturing too */
				for (i = 0; i < n0; i++)
					if (sp[i].kind == LQ_CRIT_INDUSTRY && sp[i].e && sp[i].w == b && sp[i].n == 1 && sp[i].e != lexpart)
						sp[i].keep = 0;
			if (covered || (lexpart && extra == 0))
				continue;
		}
		if ((x = add_span(sp, ns, NULL, LQ_CRIT_INDUSTRY, b - m, m + 1)) < 0)
			return;
		said_text(c, b - m, b + 1, sp[x].made, sizeof sp[x].made);
		sp[x].made[0] = (char)toupper((unsigned char)sp[x].made[0]);
		sp[x].group = m == 0;	/* "hostels" alone: kept only as an exclusion */
		sp[x].base = lexpart;
	}
}

/* ---- polarity ---- */

/* Is the span at words [w, w+n) negated, and is it taken back? A
 * negation before it reaches NEG_BEFORE_WORDS words unless a scope end
 * ("just", "but", "we") lies between; one after it NEG_AFTER_WORDS. */
static void
polarity(const struct clause *c, struct span *s)
{
	const char **l;
	int nw, w = s->w, n = s->n, r, before;

	for (r = 0; r < 2; r++)
		for (l = r ? retract_before : neg_before; *l; l++) {
			int at, from = w - NEG_BEFORE_WORDS < 0 ? 0 : w - NEG_BEFORE_WORDS;

			while ((at = find_words(c->f, *l, from, &nw)) >= 0 && at + nw <= w) {
				const char **x;
				int skip = 0, k, xn;

				for (x = not_neg; *x && !skip; x++)
					skip = find_words(c->f, *x, at, &xn) == at;
				/* "the taprooms that aren't breweries": the negation qualifies the noun before,
				 * and what it names is neither wanted nor excluded */
				if (!r && at >= 2 && at + nw == w - (w >= 2 && in_list(c->w[w - 1], determiners))
				    && (in_list(c->w[at - 1], relative_words)
				    || (at >= 3 && in_list(c->w[at - 1], copulas) && in_list(c->w[at - 2], relative_words)))
				    && !in_list(c->w[at - 1 - !in_list(c->w[at - 1], relative_words) - 1], determiners)
				    && !in_list(c->w[at - 1 - !in_list(c->w[at - 1], relative_words) - 1], pronoun_subjects)) {
					s->keep = 0;
					return;
				}
				/* "don't forget X" */
				if (r && at > 0 && (strcmp(c->w[at - 1], "t") == 0 || strcmp(c->w[at - 1], "not") == 0
				    || strcmp(c->w[at - 1], "never") == 0 || strcmp(c->w[at - 1], "dont") == 0))
					skip = 1;
				for (k = at + nw; k < w && !skip; k++)
					skip = in_list(c->w[k], scope_end);
				if (!skip) {
					s->negated = 1;
					s->retracts |= r;
				}
				from = at + 1;
			}
		}
	before = s->negated;
	for (r = 0; r < 2; r++)
		for (l = r ? retract_after : neg_after; *l; l++) {
			int at = find_words(c->f, *l, w + n, &nw);

			if (at >= 0 && at - (w + n) <= NEG_AFTER_WORDS) {
				s->negated = 1;
				s->retracts |= r;
			}
		}
	for (r = 0; retract_around[0][r]; r++) {
		int from = w - NEG_BEFORE_WORDS < 0 ? 0 : w - NEG_BEFORE_WORDS, at, at2, n2;

		while ((at = find_words(c->f, retract_around[0][r], from, &nw)) >= 0 && at + nw <= w) {
			at2 = find_words(c->f, retract_around[1][r], w + n, &n2);
			if (at2 >= 0 && at2 - (w + n) <= 6) {
				s->negated = 1;
				s->retracts = 1;
			}
			from = at + 1;
		}
	}
	{	/* "Universities no, ...", "Recruiters also no": nothing but a no (and adverbs)
		 * after the name in its clause */
		int at = w + n, any = 0;

		while (at < c->nw)
			if (first_of(c, bare_no, at, &nw) == at)
				at += nw, any = 1;
			else if (first_of(c, adverbs, at, &nw) == at)
				at += nw;
			else
				break;
		if (any && at == c->nw)
			s->negated = 1;
	}
	{	/* "The small ones we can't help", "Retail we never crack": the name said first,
		 * then its subject and a negated verb; "Small firms won't pay": the name's own
		 * negated verb */
		int at = w + n, nw2;

		while (at < c->nw && (first_of(c, adverbs, at, &nw2) == at || (in_list(c->w[at], pronoun_ones) && (nw2 = 1))))
			at += nw2;
		if (at + 1 < c->nw && (strcmp(c->w[at], "we") == 0 || strcmp(c->w[at], "i") == 0)) {
			at++;
			while (at < c->nw && first_of(c, adverbs, at, &nw2) == at)
				at += nw2;
		}
		/* or the name is the subject: "A single pharmacy can't justify it" */
		if (at < c->nw && first_of(c, neg_aux, at, &nw2) == at && at + nw2 < c->nw)
			s->negated = 1;
	}
	if (s->negated && !s->retracts && !before) {
		/* "Procurement managers in-house are great": what the clause says of the name
		 * (a copula and a word of praise after it, not negated) outweighs a negation
		 * cue met on the way ("in house") */
		int at, k;

		for (at = w + n; at < c->nw && at <= w + n + NEG_AFTER_WORDS; at++) {
			int neg = 0;

			if (!in_list(c->w[at], copulas))
				continue;
			for (k = at + 1; k < c->nw && k <= at + 3; k++) {
				if (strcmp(c->w[k], "not") == 0 || strcmp(c->w[k], "t") == 0 || strcmp(c->w[k], "never") == 0
				    || strcmp(c->w[k], "no") == 0)
					neg = 1;
				if (!neg && first_of(c, positive_words, k, &nw) == k) {
					s->negated = 0;
					break;
				}
			}
			break;
		}
	}
	if (s->retracts)
		s->whole = contains_any(c->f, whole_topic);
}

/* "maintenance managers at quarries and cement plants": after a title and a
 * [works-at] word, each plural noun phrase of up to three words the lexicon and
 * the kinds of company left unnamed is where those people work: an industry, as
 * said. Stops at a word of another kind (a cue, a number, a pronoun). */
static void
where_titles_work(const struct clause *c, struct span *sp, int *ns)
{
	int t, n0 = *ns, at, nw;

	for (t = 0; t < n0; t++) {
		int j;

		if (!sp[t].keep || sp[t].kind != LQ_CRIT_TITLE || (j = sp[t].w + sp[t].n) >= c->nw
		    || first_of(c, works_at, j, &nw) != j)
			continue;
		for (at = j + nw; at < c->nw;) {
			int a, b, i, covered = 0, x;
			size_t l;

			while (at < c->nw && in_list(c->w[at], determiners))
				at++;
			for (a = b = at; b < c->nw && b - a < 3 && strcmp(c->w[b], "and") != 0 && strcmp(c->w[b], "or") != 0
			    && !cue_word(c->w[b]) && !numeric(c->w[b]) && !in_list(c->w[b], pronoun_subjects)
			    && !in_list(c->w[b], stop) && !in_list(c->w[b], own_people); b++)
				;
			if (b == a)
				break;
			l = strlen(c->w[b - 1]);
			for (i = 0; i < *ns && !covered; i++)
				covered = sp[i].keep && sp[i].w < b && a < sp[i].w + sp[i].n;
			if (!covered && l > 3 && c->w[b - 1][l - 1] == 's' && c->w[b - 1][l - 2] != 's'
			    && !in_list(c->w[b - 1], business_nouns) && !in_list(c->w[b - 1], size_nouns)
			    && !(b - a == 1 && in_list(c->w[a], quality_words))
			    && (x = add_span(sp, ns, NULL, LQ_CRIT_INDUSTRY, a, b - a)) >= 0) {
				said_text(c, a, b, sp[x].made, sizeof sp[x].made);
				sp[x].made[0] = (char)toupper((unsigned char)sp[x].made[0]);
			}
			if (b < c->nw && (strcmp(c->w[b], "and") == 0 || strcmp(c->w[b], "or") == 0))
				at = b + 1;
			else
				break;
		}
	}
}

/* "A single restaurant is too small", "a one-site clinic": one business of a
 * kind, said with a [single] word before it, is a size (the smallest band), not
 * the industry: the span becomes that size. */
static void
single_sites(const struct clause *c, struct span *sp, int ns)
{
	int i;
	size_t l;

	for (i = 0; i < ns; i++) {
		struct span *x = &sp[i];
		const char *last;

		if (!x->keep || x->kind != LQ_CRIT_INDUSTRY || x->w == 0 || !in_list(c->w[x->w - 1], single_words))
			continue;
		last = c->w[x->w + x->n - 1];
		l = strlen(last);
		if (l > 2 && last[l - 1] == 's' && last[l - 2] != 's')
			continue;	/* "single malts", "one of the schools": not one business */
		x->kind = LQ_CRIT_SIZE;
		x->e = NULL;
		x->base = NULL;
		x->group = 0;
		x->w--, x->n++;
		snprintf(x->made, sizeof x->made, "%s", "startup");
	}
}

/* A retraction in two parts around nothing but a pronoun ("take those off",
 * "leave them out", "cross it off the list"): the object is a name said before. */
static int
around_pronoun(const struct clause *c)
{
	int r, at, nw, at2, n2, from;

	for (r = 0; retract_around[0][r]; r++)
		for (from = 0; (at = find_words(c->f, retract_around[0][r], from, &nw)) >= 0; from = at + 1) {
			int k, n, ok;

			at2 = find_words(c->f, retract_around[1][r], at + nw, &n2);
			if (at2 <= at + nw)
				continue;
			for (k = at + nw, ok = 1; k < at2 && ok; k += n)
				ok = first_of(c, refer_back, k, &n) == k;
			if (ok)
				return 1;
		}
	return 0;
}

/* Does a clause with nothing of its own dismiss what came before it
 * ("harmless, but useless", "so not them either", "meh")? 1: dismisses,
 * 2: takes it back ("let's park that for now"), 0: no. */
static int
refers_back(const struct clause *c, int lukewarm_ok)
{
	int nw;

	if (c->nw == 0)
		return 0;
	if (around_pronoun(c))
		return 2;	/* "take those off", "leave them out": the object is what came before */
	if (contains_any(c->f, retract_before) || contains_any(c->f, retract_after))
		return first_of(c, refer_back, 0, &nw) >= 0 || c->nw <= LUKEWARM_MAX_WORDS + 2 ? 2 : 0;
	if (contains_any(c->f, dismissal))
		return 1;
	if (lukewarm_ok && c->nw <= LUKEWARM_MAX_WORDS && contains_any(c->f, lukewarm))
		return 1;
	return 0;
}

/* ---- noun phrases: topics and groups ---- */

/* A word written in capitals ("IT", "HR"): a name, never a pronoun. */
static int
acronym(const char *w)
{
	size_t i, l = strlen(w);

	if (l < 2)
		return 0;
	for (i = 0; i < l; i++)
		if (!isupper((unsigned char)w[i]))
			return 0;
	return 1;
}

/* Strips fillers from words [*a, *b) of c and cuts a trailing
 * prepositional phrase; returns 1 if a noun phrase of 1 to NP_MAX_WORDS
 * words is left. */
/* Is the word at i a place written with a capital ("Europe", "the UK")? "ICS2 rules in Europe" is
 * the rules. */
static int
place_at(const struct clause *c, int i)
{
	char *codes;

	if (i >= c->nw || !isupper((unsigned char)c->ow[i][0]))
		return 0;
	codes = lq_place_named(c->ow[i]);
	free(codes);
	return codes != NULL;
}

/* Is w a grammar word of the call's language that [np-break] lists for English ("do")? */
static int
lang_grammar_word(const char *w)
{
	size_t i;

	for (i = 0; call_lang && not_break[i].lang; i++)
		if (strcmp(not_break[i].lang, call_lang) == 0 && in_list(w, not_break[i].words))
			return 1;
	return 0;
}

void
lq_icplex_language(const char *lang)
{
	lex();
	call_lang = lang;
}

static int
noun_phrase(const struct clause *c, int *a, int *b, int cut)
{
	int again = 1, n, k;
	const char **l;

	while (again && *a < *b) {
		again = 0;
		for (l = filler_start; *l; l++)
			if (phrase_at(c, *a, *l, &n) && *a + n <= *b) {
				*a += n;
				again = 1;
				break;
			}
	}
	again = 1;
	while (again && *a < *b) {
		again = 0;
		for (l = filler_end; *l; l++) {
			int at = find_words(c->f, *l, *a, &n);

			/* the last occurrence ending at *b */
			while (at >= 0 && at + n < *b)
				at = find_words(c->f, *l, at + 1, &n);
			if (at >= *a && at + n == *b) {
				*b = at;
				again = 1;
				break;
			}
		}
	}
	if (cut)
		for (k = *a + 1; k + 1 < *b; k++)
			if (in_list(c->w[k], np_cut) && (in_list(c->w[k + 1], determiners) || place_at(c, k + 1))) {
				*b = k;
				break;
			}
	if (*b <= *a || *b - *a > NP_MAX_WORDS)
		return 0;
	for (k = *a; k < *b; k++)
		if (in_list(c->w[k], np_break) && !acronym(c->ow[k])	/* "IT directors" is not "it" */
		    && !lang_grammar_word(c->w[k]))	/* Portuguese "custo do diesel" */
			return 0;
	if (*b - *a == 1 && (numeric(c->w[*a]) || strlen(c->w[*a]) < 2))
		return 0;
	return 1;
}

/* An unnamed group of people ("hobby gardeners", "dropshippers"): a
 * plural noun with a person's ending, not a word for customers or things. */
static int
person_plural(const char *w)
{
	size_t l = strlen(w);
	const char **s;

	if (l > 8 && strcmp(w + l - 6, "people") == 0 && !in_list(w, not_group))
		return 1;	/* "salespeople", "tradespeople" */
	if (l < 5 || w[l - 1] != 's' || in_list(w, not_group))
		return 0;
	for (s = person_suffix; *s; s++) {
		size_t sl = strlen(*s);

		if (l > sl + 2 && strcmp(w + l - sl, *s) == 0)
			return 1;
	}
	return 0;
}

/* A plural noun that may name people in a list of whom to avoid ("locum vets"). */
static int
plural_noun(const char *w)
{
	size_t l = strlen(w);

	return l >= 4 && w[l - 1] == 's' && w[l - 2] != 's' && !in_list(w, not_group) && !in_list(w, business_nouns)
	    && !in_list(w, supplier_words) && !numeric(w);
}

/* A keyword hit for words [a, b): the lexicon's topics when they cover
 * every word of it, else the phrase as said. Spans inside are dropped
 * (the topic is the phrase). Returns the hits added. */
static void keyword_item(const struct clause *c, int a, int b, struct span *sp, int *ns);

static int
covered(const struct clause *c, int a, int b, struct span *sp, int ns)
{
	int k, i;

	for (k = a; k < b; k++) {
		int cov = in_list(c->w[k], stop) || strcmp(c->w[k], "and") == 0 || strcmp(c->w[k], "or") == 0;

		for (i = 0; i < ns && !cov; i++)
			cov = sp[i].kind == LQ_CRIT_KEYWORD && sp[i].e && sp[i].w <= k && k < sp[i].w + sp[i].n
			    && sp[i].w >= a && sp[i].w + sp[i].n <= b;
		if (!cov)
			return 0;
	}
	return 1;
}

/* "supplier emissions": one topic whose words are two of the lexicon's
 * (supply chain, sustainability) without an "and" between: kept as said. */
static int
two_topics_in_one(const struct clause *c, int a, int b, struct span *sp, int ns)
{
	int i, k, n = 0;
	const struct entry *first = NULL;

	for (k = a; k < b; k++)
		if (strcmp(c->w[k], "and") == 0 || strcmp(c->w[k], "or") == 0 || strcmp(c->w[k], "&") == 0)
			return 0;
	for (i = 0; i < ns; i++)
		if (sp[i].kind == LQ_CRIT_KEYWORD && sp[i].e && sp[i].w >= a && sp[i].w + sp[i].n <= b
		    && sp[i].e != first) {
			if (first == NULL)
				first = sp[i].e;
			n++;
		}
	return n > 1;
}

/* Is word a of c a lexicon topic said alone whose value does not hold the word? */
static int
lone_word_lost(const struct clause *c, int a, const struct span *sp, int ns)
{
	int i, nw;
	char sg[128];

	singular(c->w[a], sg, sizeof sg);
	for (i = 0; i < ns; i++)
		if (sp[i].kind == LQ_CRIT_KEYWORD && sp[i].e && sp[i].w == a && sp[i].n == 1)
			return find_words(sp[i].e->fvalue, c->w[a], 0, &nw) < 0 && find_words(sp[i].e->fvalue, sg, 0, &nw) < 0;
	return 0;
}

static void
keyword_item(const struct clause *c, int a, int b, struct span *sp, int *ns)
{
	int i, k, parts[8][2], np = 0, multi = 0, start;

	if (!noun_phrase(c, &a, &b, 0))
		return;
	if (b - a == 1 && (in_list(c->w[a], determiners) || in_list(c->w[a], not_topic)
	    || in_list(c->w[a], pronoun_subjects)))
		return;	/* "interested in ours" */
	if (!covered(c, a, b, sp, *ns)) {
		int b2 = b;

		noun_phrase(c, &a, &b2, 1);
		if (b2 > a && b2 < b) {
			b = b2;
		}
	}
	/* "SOX", "GDPR": an acronym said alone is more specific than the lexicon's topic, and so is
	 * one word said alone that the topic's name lacks ("Churn." is not "pipeline and revenue") */
	if (covered(c, a, b, sp, *ns) && !two_topics_in_one(c, a, b, sp, *ns)
	    && !(b - a == 1 && (acronym(c->ow[a]) || lone_word_lost(c, a, sp, *ns)))) {
		for (i = 0; i < *ns; i++)
			if (sp[i].w >= a && sp[i].w + sp[i].n <= b && sp[i].kind != LQ_CRIT_KEYWORD)
				sp[i].keep = 0;
		for (i = 0; i < *ns; i++)
			if (sp[i].kind == LQ_CRIT_KEYWORD && sp[i].w >= a && sp[i].w + sp[i].n <= b)
				sp[i].keep = 2;	/* a topic, whatever the sentence */
		return;
	}
	/* "carrier rates and 3PL contracts": two topics; "health and safety": one */
	start = a;
	for (k = a; k <= b && np < 8; k++)
		if (k == b || strcmp(c->w[k], "and") == 0 || strcmp(c->w[k], "or") == 0) {
			if (k > start) {
				parts[np][0] = start;
				parts[np][1] = k;
				if (k - start >= 2)
					multi++;
				np++;
			}
			start = k + 1;
		}
	if (np > 1) {
		int split = multi == np;

		for (i = 0; i < np && !split; i++)
			split = covered(c, parts[i][0], parts[i][1], sp, *ns);
		if (split) {
			for (i = 0; i < np; i++)
				keyword_item(c, parts[i][0], parts[i][1], sp, ns);
			return;
		}
	}
	for (i = 0; i < *ns; i++)
		if (sp[i].w >= a && sp[i].w + sp[i].n <= b && sp[i].keep)
			sp[i].keep = 0;
	if ((k = add_span(sp, ns, NULL, LQ_CRIT_KEYWORD, a, b - a)) >= 0) {
		said_text(c, a, b, sp[k].made, sizeof sp[k].made);
		sp[k].keep = 2;
	}
}

/* Is span s said as one to avoid: negated in its clause, or a bare list
 * in an answer to "anyone to avoid?" (the most specific words name it). */
static int
excluding(const struct clause *c, const struct span *s, int answer)
{
	struct span t = *s;
	int a = 0, b = c->nw;

	t.negated = 0;
	polarity(c, &t);
	return t.negated || (answer == LQ_ANSWER_EXCLUSION && noun_phrase(c, &a, &b, 0));
}

/* Is the clause only filler words ("hmm", "well", "okay")? */
static int
only_fillers(const struct clause *c)
{
	int i = 0, n;
	const char **l;

	while (i < c->nw) {
		int best = 0;

		for (l = filler_start; *l; l++)
			if (phrase_at(c, i, *l, &n) && n > best)
				best = n;
		if (best == 0)
			return 0;
		i += best;
	}
	return 1;
}

/* A verb's -ing form ("targeting", "selling"): not a word that qualifies an industry. */
static int
ing_word(const char *w)
{
	size_t l = strlen(w);

	return l > 5 && strcmp(w + l - 3, "ing") == 0;
}

/* A word of a negation or retraction cue ("leave" of "leave X out"): never part of a name. */
static int
cue_word(const char *w)
{
	const char ***l, **x;
	const char ***lists[] = { &neg_before, &retract_before, &retract_after, &neg_after, NULL };
	size_t i;

	for (i = 0; lists[i]; i++)
		for (l = lists[i], x = *l; *x; x++) {
			int nw;

			if (find_words(*x, w, 0, &nw) >= 0)
				return 1;
		}
	for (i = 0; retract_around[0][i]; i++) {
		int nw;

		if (find_words(retract_around[0][i], w, 0, &nw) >= 0 || find_words(retract_around[1][i], w, 0, &nw) >= 0)
			return 1;
	}
	return 0;
}

/* ---- a sentence ---- */

#define MAX_CLAUSES 32

/* Splits a sentence into clauses at , ; : ( ) " but " " - " and dashes. */
static int
split_clauses(char *s, char **out, int max)
{
	char *c;
	int n = 0;

	/* "1,000 employees" is one number, not two clauses */
	for (c = s; *c; c++)
		if (*c == ',' && c > s && isdigit((unsigned char)c[-1]) && isdigit((unsigned char)c[1]))
			memmove(c, c + 1, strlen(c));
	for (c = s; (c = strstr(c, " but ")) != NULL; c += 4)
		c[1] = ',', c[2] = ' ', c[3] = ' ';
	for (c = s; (c = strstr(c, " - ")) != NULL; c += 2)
		c[1] = ',';
	for (c = s; (c = strstr(c, "\xe2\x80\x94")) != NULL;)	/* em dash */
		c[0] = ',', c[1] = ' ', c[2] = ' ';
	for (c = s; (c = strstr(c, "\xe2\x80\x93")) != NULL;)	/* en dash */
		c[0] = ',', c[1] = ' ', c[2] = ' ';
	c = s;
	while (*c && n < max) {
		size_t l = strcspn(c, ",;:()");

		out[n++] = c;
		if (c[l] == '\0')
			break;
		c[l] = '\0';
		c += l + 1;
	}
	return n;
}

static int
span_inside(const struct span *a, const struct span *b)
{
	return b->w <= a->w && b->w + b->n >= a->w + a->n;
}

size_t
lq_icplex_find(const char *sentence, int answer, struct lq_crit_hit *out, size_t max)
{
	char *s, *parts[MAX_CLAUSES], *fs;
	struct clause cl[MAX_CLAUSES];
	struct span sp[MAX_CLAUSES][MAX_SPANS];
	int ns[MAX_CLAUSES], talk[MAX_CLAUSES], nc, k, i, j, topical, revising, intro_from = -1;
	size_t nout = 0;

	lex();
	fs = lq_fold(sentence);
	topical = contains_any(fs, topic_cues);
	revising = contains_any(fs, revise_cues);
	free(fs);
	s = lq_xstrdup(sentence);
	nc = split_clauses(s, parts, MAX_CLAUSES);
	for (k = 0; k < nc; k++) {
		struct span *p = sp[k];
		int n = 0;

		clause_init(&cl[k], parts[k]);
		talk[k] = contains_any(cl[k].f, small_talk);
		if (!talk[k]) {	/* "I used to be a recruiter myself": nothing from it */
			lexicon_spans(&cl[k], p, &n);
			generic_titles(&cl[k], p, &n);
			count_spans(&cl[k], p, &n);
			adjective_sizes(&cl[k], p, &n);
			company_phrases(&cl[k], p, &n);
			where_titles_work(&cl[k], p, &n);
			single_sites(&cl[k], p, n);
		}
		ns[k] = n;
	}
	for (k = 0; k < nc; k++) {
		struct clause *c = &cl[k];
		struct span *p = sp[k];
		int nw;

		/* longest wins; a lexicon title beats a made one over the same title word */
		for (i = 0; i < ns[k]; i++)
			for (j = 0; j < ns[k] && p[i].keep; j++) {
				if (i == j)
					continue;
				if (p[i].count && p[j].count && p[i].w == p[j].w)
					continue;
				if (!span_inside(&p[i], &p[j]))
					continue;
				/* "construction directors": the title and the industry */
				if (p[j].generic && p[i].e && p[i].kind == LQ_CRIT_INDUSTRY)
					continue;
				if (p[j].n > p[i].n || (p[j].n == p[i].n && j < i))
					p[i].keep = 0;
			}
		/* of two overlapping spans the longer wins ("direct to consumer brands") */
		for (i = 0; i < ns[k]; i++)
			for (j = 0; j < ns[k] && p[i].keep; j++)
				if (i != j && p[j].keep && !(p[i].count && p[j].count) && p[i].w < p[j].w + p[j].n
				    && p[j].w < p[i].w + p[i].n && !span_inside(&p[i], &p[j]) && !span_inside(&p[j], &p[i])
				    && (p[j].n > p[i].n || (p[j].n == p[i].n && p[j].w < p[i].w)))
					p[i].keep = 0;
		for (i = 0; i < ns[k]; i++)
			for (j = 0; j < ns[k]; j++)
				if (p[i].keep && p[i].generic && p[j].e && p[j].kind == LQ_CRIT_TITLE
				    && p[j].w + p[j].n == p[i].w + p[i].n && p[j].w > p[i].w) {
					/* an exclusion keeps the client's most specific words: "security researchers"
					 * to avoid are not every researcher */
					if (excluding(c, &p[i], answer))
						p[j].keep = 0;
					else
						p[i].keep = 0, p[j].keep = 1;
				}
		/* an unnamed group: the whole clause is a plural noun phrase for people */
		{
			int a = 0, b = c->nw, any = 0;

			for (i = 0; i < ns[k]; i++)
				any |= p[i].keep != 0;
			if (!any && c->nw && noun_phrase(c, &a, &b, 1) && (person_plural(c->w[b - 1])
			    || (answer == LQ_ANSWER_EXCLUSION && plural_noun(c->w[b - 1])))
			    && !in_list(c->w[b - 1], business_nouns) && !in_list(c->w[b - 1], supplier_words)
			    && (i = add_span(p, &ns[k], NULL, LQ_CRIT_TITLE, a, b - a)) >= 0) {
				p[i].group = 1;
				written(c, a, b, 1, p[i].made, sizeof p[i].made);
				any = 1;
			}
			a = 0, b = c->nw;
			/* "the vehicle leasing companies": a business the lexicon lacks, kept only as an exclusion */
			(void)noun_phrase(c, &a, &b, 0);	/* strips "..., obviously" */
			if (!any && b > 0 && (in_list(c->w[b - 1], business_nouns) || in_list(c->w[b - 1], supplier_words))) {
				int m = 0;

				while (m < 3 && b - 2 - m >= 0 && (modifier_word(c->w[b - 2 - m]) || (strlen(c->w[b - 2 - m]) == 1
				    && isalpha((unsigned char)c->w[b - 2 - m][0]) && !in_list(c->w[b - 2 - m], stop)))
				    && !cue_word(c->w[b - 2 - m])
				    && !in_list(c->w[b - 2 - m], determiners) && !in_list(c->w[b - 2 - m], size_adj[0])
				    && !in_list(c->w[b - 2 - m], pronoun_subjects))
					m++;
				if (m > 0 && (i = add_span(p, &ns[k], NULL, LQ_CRIT_INDUSTRY, b - 1 - m, m + 1)) >= 0) {
					p[i].group = 1;
					said_text(c, b - 1 - m, b, p[i].made, sizeof p[i].made);
					p[i].made[0] = (char)toupper((unsigned char)p[i].made[0]);
					any = 1;
				}
			}
		}
		/* topics: the whole clause in an answer about topics, or what follows "talk about" */
		/* "actually, thinking about the restaurants again": reconsidering, not a topic */
		if (topical && (i = first_of(c, topic_intro, 0, &nw)) >= 0 && !revising) {
			keyword_item(c, i + nw, c->nw, p, &ns[k]);
			intro_from = k + 1;
		} else if (answer == LQ_ANSWER_TOPICS && c->nw && !contains_any(c->f, retract_before)
		    && !contains_any(c->f, retract_after) && !contains_any(c->f, revise_cues)) {
			/* "forget healthcare entirely" in the same turn is not a topic */
			/* "it's mostly site safety": what follows the last word of a statement */
			int a = 0, b = c->nw, from = 0;

			if (!noun_phrase(c, &a, &b, 0) && (a = 0, b = c->nw, !noun_phrase(c, &a, &b, 1))) {
				/* a short lead-in and a copula: "honestly it's mostly X" */
				from = -1;
				for (i = 0; i < c->nw && i <= 3; i++)
					if (in_list(c->w[i], copulas))
						from = i + 1;
				/* "honestly it's mostly X", not "everyone in Europe is scrambling to comply" */
				for (i = 0; from > 0 && i < from - 1; i++)
					if (!in_list(c->w[i], filler_start) && !in_list(c->w[i], determiners)
					    && !in_list(c->w[i], pronoun_subjects) && !in_list(c->w[i], stop)
					    && !in_list(c->w[i], not_topic) && !in_list(c->w[i], copulas))
						from = -1;
				for (i = from; from > 0 && i < c->nw; i++)
					if (in_list(c->w[i], np_break) || in_list(c->w[i], not_topic))
						from = -1;
				for (i = 0; from > 0 && i < ns[k]; i++)
					if (p[i].keep && p[i].kind != LQ_CRIT_KEYWORD && p[i].w >= from)
						from = -1;
				a = from, b = c->nw;
				if (from > 0 && (!noun_phrase(c, &a, &b, 0) || b - a < 2))
					from = -1;
			}
			if (from >= 0 && from < c->nw)
				keyword_item(c, from, c->nw, p, &ns[k]);
		}
		else if (topical && intro_from == k) {
			int a = 0, b = c->nw;

			if (noun_phrase(c, &a, &b, 0)) {	/* "talk about X, Y and Z" */
				keyword_item(c, 0, c->nw, p, &ns[k]);
				intro_from = k + 1;
			}
		}
		for (i = 0; i < ns[k]; i++) {
			struct span *x = &p[i];
			int q, qn;

			if (!x->keep)
				continue;
			if (x->kind == LQ_CRIT_KEYWORD && x->keep != 2 && !topical)
				x->keep = 0;
			if (x->kind == LQ_CRIT_INDUSTRY && x->e && x->w + x->n < c->nw) {
				const char *next = c->w[x->w + x->n];

				if (in_list(next, supplier_words)) {	/* "dental suppliers": another business */
					written(c, x->w, x->w + x->n + 1, 1, x->made, sizeof x->made);
					x->e = NULL;
					x->n++;
				} else if (in_list(next, business_nouns))
					x->n++;	/* "retail chains": its words, for naming an exclusion */
			}
			/* "they're basically consultants", "they are contractors": what someone already
			 * named is, not a criterion */
			for (q = x->w - 1; x->keep && x->kind != LQ_CRIT_KEYWORD && x->kind != LQ_CRIT_SIZE
			    && q >= 1 && q >= x->w - 4; q--)
				if (in_list(c->w[q], copulas) && in_list(c->w[q - 1], pronoun_subjects)) {
					x->predicate = 1;
					break;
				}
			/* "the owner, usually a dental technician who started it": a description */
			if (x->keep && x->kind != LQ_CRIT_KEYWORD && x->kind != LQ_CRIT_SIZE && x->w >= 2
			    && (strcmp(c->w[x->w - 1], "a") == 0 || strcmp(c->w[x->w - 1], "an") == 0)
			    && in_list(c->w[x->w - 2], describe_cues))
				x->predicate = 1;
			if (x->kind != LQ_CRIT_TITLE || !x->keep)
				continue;
			/* the speaker's own people: "our CFO", "my recruiter" */
			if (x->w > 0 && in_list(c->w[x->w - 1], own_people)) {
				x->keep = 0;
				continue;
			}
			/* "the machines and controllers": things, not people */
			for (q = x->w - 2 < 0 ? 0 : x->w - 2; q < x->w + x->n + 2 && q < c->nw && x->keep; q++)
				if ((q < x->w || q >= x->w + x->n) && in_list(c->w[q], objects))
					x->keep = 0;
			if (!x->keep || x->group)
				continue;
			/* "freelance (instructional) designers": a kind of person, not a company size */
			for (q = 0; q < ns[k]; q++)
				if (p[q].keep && p[q].kind == LQ_CRIT_SIZE && p[q].n == 1 && in_list(c->w[p[q].w], qualifiers)
				    && p[q].w < x->w) {
					int between = p[q].w + 1;

					while (between < x->w && modifier_word(c->w[between]))
						between++;
					if (between == x->w && x->w - p[q].w <= 3)
						p[q].keep = 0;
				}
			/* "security researchers", "instructional designers" to avoid: the client's
			 * words, not every researcher (a lexicon title of one word) */
			if (x->e && x->n == 1 && !x->generic) {
				int m = 0;

				while (m < 2 && x->w - m - 1 >= 0 && modifier_word(c->w[x->w - m - 1])
				    && !in_list(c->w[x->w - m - 1], size_adj[0]) && !in_list(c->w[x->w - m - 1], pronoun_subjects)
				    && !cue_word(c->w[x->w - m - 1]))
					m++;
				for (q = 0; q < ns[k] && m > 0; q++)
					if (q != i && p[q].keep && p[q].kind != LQ_CRIT_KEYWORD && p[q].w < x->w
					    && p[q].w + p[q].n > x->w - m)
						m = x->w - (p[q].w + p[q].n);
				if (m > 0 && excluding(c, x, answer)) {
					written(c, x->w - m, x->w + x->n, 1, x->made, sizeof x->made);
					x->e = NULL;
					x->w -= m;
					x->n += m;
				} else if (m > 0) {
					/* kept for a dismissal after it ("Freelance instructional designers
					 * follow us. Harmless, but they never buy."), with a qualifier before */
					int from = x->w - m, qq;

					for (qq = 2; qq >= 1; qq--) {
						const char **l;

						for (l = qualifiers; *l && from - qq >= 0; l++)
							if (phrase_at(c, from - qq, *l, &qn) && qn == qq) {
								from -= qq;
								qq = 0;
								break;
							}
					}
					written(c, from, x->w + x->n, 1, x->spec, sizeof x->spec);
				}
			}
			/* "fractional CFOs", "interim heads of security": a kind of the title */
			for (q = 2; q >= 1; q--) {
				const char **l;

				if (x->w - q < 0)
					continue;
				for (l = qualifiers; *l; l++)
					if (phrase_at(c, x->w - q, *l, &qn) && qn == q) {
						char base[96], qual[24];

						if (x->e)
							snprintf(base, sizeof base, "%s", x->e->value);
						else
							snprintf(base, sizeof base, "%.95s", x->made);
						written(c, x->w - q, x->w, 1, qual, sizeof qual);
						/* written() made the last word singular: "ex"/"interim" are unchanged */
						snprintf(x->made, sizeof x->made, "%s %s", qual, base);
						x->e = NULL;
						x->w -= q;
						x->n += q;
						for (j = 0; j < ns[k]; j++)	/* "freelance" is not a size here */
							if (j != i && p[j].keep && span_inside(&p[j], x))
								p[j].keep = 0;
						q = 0;
						break;
					}
			}
		}
		/* "We're a proptech company": the client's own company, not a criterion */
		{
			int at = first_of(c, self_desc, 0, &nw);

			for (i = 0; at >= 0 && i < ns[k]; i++)
				if (p[i].keep && (p[i].kind == LQ_CRIT_INDUSTRY || p[i].kind == LQ_CRIT_SIZE)
				    && p[i].w >= at + nw && p[i].w + p[i].n <= at + nw + SELF_WORDS)
					p[i].keep = 0;
		}
		for (i = 0; i < ns[k]; i++)
			if (p[i].keep)
				polarity(c, &p[i]);
		/* "edtech founders", "pharma reps" to avoid: people, not the industry */
		for (i = 0; i < ns[k]; i++) {
			struct span *x = &p[i];
			int q = x->w + x->n, y;

			if (!x->keep || x->kind != LQ_CRIT_INDUSTRY || !x->e
			    || !(x->negated || answer == LQ_ANSWER_EXCLUSION))
				continue;
			for (y = 0; y < ns[k]; y++)
				if (p[y].keep && p[y].kind == LQ_CRIT_TITLE && p[y].w == q)
					break;
			if (y < ns[k]) {
				written(c, x->w, p[y].w + p[y].n, 1, p[y].made, sizeof p[y].made);
				p[y].e = NULL;
				p[y].n += x->n;
				p[y].w = x->w;
				p[y].negated |= x->negated;
				x->keep = 0;
			} else if (q == c->nw - 1 && plural_noun(c->w[q]) && !in_list(c->w[q], objects)) {
				written(c, x->w, q + 1, 1, x->made, sizeof x->made);
				x->e = NULL;
				x->kind = LQ_CRIT_TITLE;
				x->n++;
			}
		}
		/* "equine vets": the words before an industry, to name an exclusion by */
		for (i = 0; i < ns[k]; i++) {
			struct span *x = &p[i];

			if (x->keep && x->kind == LQ_CRIT_INDUSTRY && x->e && x->w > 0 && modifier_word(c->w[x->w - 1])
			    && !in_list(c->w[x->w - 1], size_adj[0]) && !cue_word(c->w[x->w - 1])
			    && !ing_word(c->w[x->w - 1])) {	/* "targeting fintech" */
				int taken = 0;

				for (j = 0; j < ns[k]; j++)
					taken |= j != i && p[j].keep && p[j].w <= x->w - 1 && x->w - 1 < p[j].w + p[j].n;
				if (!taken)
					x->w--, x->n++, x->specific = 1;
			}
		}
	}
	/* "The self-employed ones, no": a qualified "one" with no title before it in the sentence
	 * is kept for the title named before it (the agency's "Personal trainers?") */
	for (k = 0; k < nc; k++) {
		int any = 0, titled = 0;

		for (j = 0; j <= k; j++)
			for (i = 0; i < ns[j]; i++)
				titled |= sp[j][i].keep && sp[j][i].kind == LQ_CRIT_TITLE && !sp[j][i].group;
		for (i = 0; i < ns[k]; i++)
			any |= sp[k][i].keep && !sp[k][i].group;
		if (titled || any || talk[k])
			continue;
		for (i = 0; i < cl[k].nw; i++) {
			int qn = qualified_one(&cl[k], i), x;

			if (qn == 0)
				continue;
			for (j = 0; j < ns[k]; j++)	/* not an unnamed group "Self Employed One" */
				sp[k][j].keep = 0;
			if ((x = add_span(sp[k], &ns[k], NULL, LQ_CRIT_TITLE, i, qn + 1)) >= 0) {
				sp[k][x].pronoun = 1;
				written(&cl[k], i, i + qn, 1, sp[k][x].made, sizeof sp[k][x].made);
				sp[k][x].negated = refers_back(&cl[k], 1) != 0;
				polarity(&cl[k], &sp[k][x]);
			}
			break;
		}
	}
	/* a clause with nothing of its own that dismisses or takes back the nearest one before it */
	for (k = 1; k < nc; k++) {
		int any = 0, back, prev, found;

		for (i = 0; i < ns[k]; i++)
			any |= sp[k][i].keep != 0;
		if (any || talk[k])
			continue;
		/* "a permanent CISO is great, an interim one is a competitor": the qualified title */
		for (i = 0; i < cl[k].nw; i++) {
			int qn = qualified_one(&cl[k], i);

			if (qn == 0)
				continue;
			for (prev = k - 1; prev >= 0; prev--) {
				for (j = 0; j < ns[prev]; j++)
					if (sp[prev][j].keep && sp[prev][j].kind == LQ_CRIT_TITLE && !sp[prev][j].group)
						break;
				if (j < ns[prev])
					break;
			}
			if (prev >= 0 && (found = add_span(sp[k], &ns[k], NULL, LQ_CRIT_TITLE, i, qn + 1)) >= 0) {
				char qual[48];
				struct span *x = &sp[k][found], *t = &sp[prev][j];

				written(&cl[k], i, i + qn, 1, qual, sizeof qual);
				snprintf(x->made, sizeof x->made, "%s %s", qual, t->e ? t->e->value : t->made);
				x->negated = refers_back(&cl[k], 1) != 0;
				polarity(&cl[k], x);
			}
			break;
		}
		for (i = 0; i < ns[k]; i++)
			any |= sp[k][i].keep != 0;
		if (any)
			continue;
		if ((back = refers_back(&cl[k], 1)) == 0 && cl[k].nw <= LUKEWARM_MAX_WORDS) {
			/* "Farm practices, no." */
			int a = 0, nw;

			while (a < cl[k].nw && first_of(&cl[k], bare_no, a, &nw) == a)
				a += nw;
			back = a > 0 && a == cl[k].nw;
		}
		if (back == 0)
			continue;
		/* the nearest clause with names, and the list before it ("the one-man bands, the sole traders, they won't pay") */
		for (prev = k - 1, found = 0; prev >= 0; prev--) {
			int has = 0, a = 0, b = cl[prev].nw;

			if (found && !noun_phrase(&cl[prev], &a, &b, 0))
				break;
			for (i = 0; i < ns[prev]; i++)
				if (sp[prev][i].keep && sp[prev][i].kind != LQ_CRIT_KEYWORD) {
					has = 1;
					sp[prev][i].negated = 1;
					if (sp[prev][i].spec[0]) {	/* the most specific words for an exclusion */
						memcpy(sp[prev][i].made, sp[prev][i].spec, sizeof sp[prev][i].made);
						sp[prev][i].e = NULL;
					}
					if (back == 2) {
						sp[prev][i].retracts = 1;
						sp[prev][i].whole |= contains_any(cl[k].f, whole_topic);
					}
				}
			if (found && !has)
				break;
			found |= has;
		}
		/* "RevOps, not really.": a name the lexicon lacks, dismissed right after it */
		if (!found && back == 1) {
			int a = 0, b = cl[k - 1].nw, q, words = 0;

			for (i = 0; i < ns[k - 1]; i++)
				words |= sp[k - 1][i].keep != 0;
			if (!words && !talk[k - 1] && noun_phrase(&cl[k - 1], &a, &b, 0)) {
				for (q = a; q < b; q++)
					words += !in_list(cl[k - 1].w[q], determiners) && !in_list(cl[k - 1].w[q], stop)
					    && !in_list(cl[k - 1].w[q], pronoun_subjects) && !numeric(cl[k - 1].w[q])
					    && !in_list(cl[k - 1].w[q], lukewarm) && !in_list(cl[k - 1].w[q], bare_no)
					    && !in_list(cl[k - 1].w[q], filler_start);	/* "Meh, not worth it" names nobody */
				if (words == b - a && b - a <= 3 && (i = add_span(sp[k - 1], &ns[k - 1], NULL, LQ_CRIT_TITLE, a, b - a)) >= 0) {
					sp[k - 1][i].group = 1;
					sp[k - 1][i].negated = 1;
					written(&cl[k - 1], a, b, 1, sp[k - 1][i].made, sizeof sp[k - 1][i].made);
				}
			}
		}
	}
	/* "craft distilleries and a few cideries": a kind said alone beside another wanted kind is
	 * one of the kinds wanted, not an unnamed group */
	{
		int other = 0;

		for (k = 0; k < nc; k++)
			for (i = 0; i < ns[k]; i++)
				other |= sp[k][i].keep && sp[k][i].kind == LQ_CRIT_INDUSTRY && !sp[k][i].group && !sp[k][i].negated;
		for (k = 0; other && k < nc; k++)
			for (i = 0; i < ns[k]; i++) {
				struct span *x = &sp[k][i];
				int q, plain = 1, near = 0, nw;

				if (!x->keep || x->kind != LQ_CRIT_INDUSTRY || !x->group || x->negated || x->predicate
				    || in_list(cl[k].w[x->w + x->n - 1], business_nouns))
					continue;
				/* a list item: only fillers before it ("and a few cideries"), in the clause of
				 * another kind or one that goes on with the list ("and ...") */
				for (q = 0; q < x->w && plain; q++)
					plain = in_list(cl[k].w[q], filler_start) || in_list(cl[k].w[q], determiners)
					    || strcmp(cl[k].w[q], "few") == 0 || strcmp(cl[k].w[q], "couple") == 0;
				for (q = 0; q < ns[k]; q++)
					near |= q != i && sp[k][q].keep && sp[k][q].kind == LQ_CRIT_INDUSTRY && !sp[k][q].group;
				q = x->w + x->n;	/* and it ends the item: "Trusts with 5 to 40 schools" is not one */
				if (q < cl[k].nw && strcmp(cl[k].w[q], "and") && strcmp(cl[k].w[q], "or"))
					plain = 0;
				if (plain && (near || first_of(&cl[k], list_continues, 0, &nw) == 0))
					x->group = 0;
			}
	}
	for (k = 0; k < nc; k++) {
		for (i = 0; i < ns[k] && nout < max; i++) {
			struct span *x = &sp[k][i];
			struct lq_crit_hit *h = &out[nout];
			int q;

			if (!x->keep || (x->group && !x->negated && answer != LQ_ANSWER_EXCLUSION))
				continue;
			if (x->kind == LQ_CRIT_KEYWORD && x->negated && x->keep != 2)
				continue;
			{	/* one hit per criterion and polarity ("burnout and retention") */
				size_t o;
				int dup = 0, neg = x->kind == LQ_CRIT_KEYWORD ? 0 : x->negated;

				for (o = 0; o < nout && !dup; o++)
					dup = out[o].kind == x->kind && out[o].negated == neg && out[o].retracts == (neg && x->retracts)
					    && strcmp(out[o].value, x->e ? x->e->value : x->made) == 0;
				if (dup)
					continue;
			}
			memset(h, 0, sizeof *h);
			h->kind = x->kind;
			if (x->e)
				h->value = x->e->value;
			else {
				snprintf(h->buf, sizeof h->buf, "%s", x->made);
				h->value = h->buf;
			}
			h->negated = x->kind == LQ_CRIT_KEYWORD ? 0 : x->negated;
			h->retracts = x->negated && x->retracts;
			h->whole = h->retracts && x->whole;
			h->group = x->group;
			h->specific = x->specific;
			h->predicate = x->predicate;
			h->base = x->base ? x->base->value : NULL;
			h->pronoun = x->pronoun;
			snprintf(h->spec, sizeof h->spec, "%s", x->spec);
			for (q = x->w; q < x->w + x->n; q++)
				snprintf(h->words + strlen(h->words), sizeof h->words - strlen(h->words), "%s%s",
				    q > x->w ? " " : "", cl[k].w[q]);
			nout++;
		}
	}
	/* "It's not the MDs, the MD signs": a name excluded and then said again in the same
	 * sentence is still the one excluded, not also a target */
	{
		size_t o, q, w = 0;

		for (o = 0; o < nout; o++) {
			int again = 0;

			for (q = 0; q < o && !again && !out[o].negated && out[o].kind != LQ_CRIT_KEYWORD; q++)
				again = out[q].negated && out[q].kind == out[o].kind && strcmp(out[q].value, out[o].value) == 0;
			if (again)
				continue;
			if (w != o) {
				int made = out[o].value == out[o].buf;

				out[w] = out[o];
				if (made)
					out[w].value = out[w].buf;
			}
			w++;
		}
		nout = w;
	}
	for (k = 0; k < nc; k++)
		clause_free(&cl[k]);
	free(s);
	return nout;
}

/* ---- whole sentences and agency lines ---- */

static int
folded_has(const char *text, const char ***list, int need_question, const char ***unless)
{
	char *f;
	int r = 0;
	const char *p, *start;

	if (text == NULL || (need_question && strchr(text, '?') == NULL))
		return 0;
	lex();
	if (!need_question) {
		f = lq_fold(text);
		r = contains_any(f, *list);
		free(f);
		return r;
	}
	/* only the questions: "I don't want to assume. What's your take?" does not ask whom to avoid */
	for (p = start = text; *p && !r; p++)
		if ((*p == '.' || *p == '!' || *p == '?') && (p[1] == ' ' || p[1] == '\0' || p[1] == '"')) {
			if (*p == '?') {
				char *q = lq_xstrndup(start, (size_t)(p - start));

				f = lq_fold(q);
				r = contains_any(f, *list) && !(unless && contains_any(f, *unless));
				free(f);
				free(q);
			}
			start = p + 1;
		}
	return r;
}

int
lq_icplex_small_talk(const char *sentence)
{
	return folded_has(sentence, &small_talk, 0, NULL);
}

int
lq_icplex_beyond(const char *sentence)
{
	if (folded_has(sentence, &below_that, 0, NULL))
		return -1;
	return folded_has(sentence, &above_that, 0, NULL);
}

int
lq_icplex_revises(const char *sentence)
{
	return folded_has(sentence, &revise_cues, 0, NULL);
}

int
lq_icplex_asks_exclusion(const char *text)
{
	return folded_has(text, &asks_excl, 1, NULL);
}

int
lq_icplex_topic_head(const char *sentence, char *out, size_t size)
{
	struct clause c;
	int i, k, r = 0, n;
	static const char *nouns[] = { "world", "side", "space", "sector", "stuff", "thing", "things", "area",
		"vertical", NULL };

	lex();
	out[0] = '\0';
	clause_init(&c, sentence);
	if (!(contains_any(c.f, drop_topic) || contains_any(c.f, retract_before) || contains_any(c.f, retract_after)
	    || around_pronoun(&c) || (first_of(&c, refer_back, 0, &n) >= 0 && contains_any(c.f, neg_after)))) {
		clause_free(&c);
		return 0;
	}
	for (i = 0; i + 2 < c.nw && !r; i++) {
		if (strcmp(c.w[i], "whole") != 0 && strcmp(c.w[i], "entire") != 0)
			continue;
		for (k = i + 2; k < c.nw && k <= i + 4 && !r; k++)
			if (in_list(c.w[k], nouns) && !in_list(c.w[k - 1], determiners)) {
				singular(c.w[k - 1], out, size);
				r = out[0] != '\0';
			}
	}
	clause_free(&c);
	return r;
}

int
lq_icplex_not_now(const char *sentence)
{
	return folded_has(sentence, &not_now, 0, NULL);
}

int
lq_icplex_asks_places(const char *text)
{
	return folded_has(text, &asks_places, 1, &asks_places_not);
}

int
lq_icplex_asks_topics(const char *text)
{
	return folded_has(text, &asks_topics, 1, &asks_people);
}

int
lq_icplex_affirms(const char *sentence)
{
	struct clause c;
	int i = 0, n, any = 0;
	const char **l;

	lex();
	clause_init(&c, sentence);
	while (i < c.nw) {
		int best = 0;

		for (l = affirm; *l; l++)
			if (phrase_at(&c, i, *l, &n) && n > best)
				best = n;
		if (best == 0)
			break;
		i += best;
		any = 1;
	}
	n = any && i == c.nw;
	clause_free(&c);
	return n;
}

int
lq_icplex_hedged(const char *sentence)
{
	char *s = lq_xstrdup(sentence), *parts[MAX_CLAUSES];
	int nc, i = 0, n, any = 0, r;
	struct clause c;

	lex();
	nc = split_clauses(s, parts, MAX_CLAUSES);
	if (nc < 2) {	/* "Sort of?" alone answers nothing */
		free(s);
		return 0;
	}
	clause_init(&c, parts[nc - 1]);
	while (i < c.nw) {
		int best = 0;
		const char **l;

		for (l = lukewarm; *l; l++)
			if (phrase_at(&c, i, *l, &n) && n > best)
				best = n, any = 1;
		for (l = filler_start; *l && !best; l++)
			if (phrase_at(&c, i, *l, &n) && n > best)
				best = n;
		if (best == 0)
			break;
		i += best;
	}
	r = any && i == c.nw;
	clause_free(&c);
	free(s);
	return r;
}

int
lq_icplex_continues(const char *sentence)
{
	struct clause c;
	int n, r;

	lex();
	clause_init(&c, sentence);
	r = first_of(&c, list_continues, 0, &n) == 0 && c.nw > n;
	clause_free(&c);
	return r;
}

int
lq_icplex_drops_topic(const char *sentence)
{
	char *f;
	int r, k, nw;

	lex();
	f = lq_fold(sentence);
	r = contains_any(f, drop_topic) || contains_any(f, retract_before) || contains_any(f, retract_after);
	for (k = 0; !r && retract_around[0][k]; k++)
		r = find_words(f, retract_around[0][k], 0, &nw) >= 0 && find_words(f, retract_around[1][k], 0, &nw) >= 0;
	r = r && contains_any(f, whole_topic);
	free(f);
	return r;
}

int
lq_icplex_refers_back(const char *sentence)
{
	char *s;
	char *parts[MAX_CLAUSES];
	int nc, k, r = 0, words = 0;

	lex();
	s = lq_xstrdup(sentence);
	nc = split_clauses(s, parts, MAX_CLAUSES);
	for (k = 0; k < nc; k++) {	/* "Hmm, actually, ..." thinks aloud; "Meh." dismisses */
		struct clause c;

		clause_init(&c, parts[k]);
		words += c.nw;
		clause_free(&c);
	}
	free(s);
	s = lq_xstrdup(sentence);
	nc = split_clauses(s, parts, MAX_CLAUSES);
	for (k = 0; k < nc && r != 2; k++) {
		struct clause c;
		int b;

		clause_init(&c, parts[k]);
		/* a lukewarm clause in a long sentence: "Not really, they ..." dismisses,
		 * "Hmm, actually, ..." (fillers only) thinks aloud */
		b = refers_back(&c, words <= LUKEWARM_MAX_WORDS || !only_fillers(&c));
		if (b > r)
			r = b;
		clause_free(&c);
	}
	free(s);
	return r;
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
lq_icplex_qualifier(const char *title)
{
	char *f;
	const char **l;
	int i, r = -1, nw;

	lex();
	f = lq_fold(title);
	for (l = qualifiers, i = 0; *l && r < 0; l++, i++)
		if (find_words(f, *l, 0, &nw) == 0)
			r = i;
	free(f);
	return r;
}

int
lq_icplex_bare(const char *sentence)
{
	char *s, *parts[MAX_CLAUSES];
	int nc, k, bare = 1, any = 0;

	lex();
	s = lq_xstrdup(sentence);
	nc = split_clauses(s, parts, MAX_CLAUSES);
	for (k = 0; k < nc && bare; k++) {
		struct clause c;
		int a = 0, b;

		clause_init(&c, parts[k]);
		b = c.nw;
		if (c.nw) {
			any = 1;
			bare = noun_phrase(&c, &a, &b, 0) || a >= b || (a = 0, b = c.nw, noun_phrase(&c, &a, &b, 1));
		}
		clause_free(&c);
	}
	free(s);
	return bare && any;
}

int
lq_icplex_only(const char *sentence)
{
	char *f;
	int any = 0;

	lex();
	f = lq_fold(sentence);
	for (const char **l = only_places; *l && !any; l++)
		any = lq_has_phrase(f, *l);
	free(f);
	return any;
}
