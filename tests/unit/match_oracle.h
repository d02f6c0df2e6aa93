/* match_oracle.h: lq_employer_words, lq_text_language, lq_headline_stance and lq_title_side as they were before issue 16's fifth score round (every clause copied, folded, split and each word looked up; every word of a text looked up in every language's list; every phrase of a list searched for), kept as the oracles the pre-checked ones must equal (test_match, fuzz_match); and the condition lq_client_may must not deny (a [serves] word before a [clients] word in the folded words). */
#ifndef LQ_MATCH_ORACLE_H
#define LQ_MATCH_ORACLE_H

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "util.h"
#include "vocab.h"

/* The words of folded s, split in place at spaces. */
static inline size_t
oracle_split(char *s, char ***words)
{
	size_t n = 0;
	char **w = lq_xcalloc(strlen(s) / 2 + 2, sizeof *w);

	for (char *p = strtok(s, " "); p; p = strtok(NULL, " "))
		w[n++] = p;
	*words = w;
	return n;
}

/* Words of phrase (folded) that match w[0..n) from the start, or 0. */
static inline size_t
oracle_phrase_at(const char *phrase, char **w, size_t n)
{
	char *p = lq_xstrdup(phrase), **pw;
	size_t np = oracle_split(p, &pw), k;

	for (k = 0; k < np && k < n && strcmp(pw[k], w[k]) == 0; k++)
		;
	k = k == np && np > 0 ? np : 0;
	free(pw);
	free(p);
	return k;
}

static inline char *
employer_words_oracle(const char *text)
{
	const struct lq_vocab_table *t = lq_vocab_table(lq_vocab(), "industries.employer");
	struct lq_buf b = LQ_BUF_INIT;
	const char *p = text;

	if (text == NULL || t == NULL)
		return NULL;
	char **ph = lq_xcalloc(t->n + 1, sizeof *ph);
	for (size_t i = 0; i < t->n; i++)
		ph[i] = lq_fold(t->rec[i].f[0]);
	while (*p) {
		size_t n = strcspn(p, ".,;:!?()|\n"), nw;
		char *clause = lq_xstrndup(p, n), *f = lq_fold(clause), **w;

		nw = oracle_split(f, &w);
		for (size_t i = 0; i < nw; i++) {
			size_t k = 0;

			for (size_t e = 0; e < t->n && k == 0; e++)	/* the first phrase in the list's order */
				k = oracle_phrase_at(ph[e], w + i, nw - i);
			if (k == 0 || i + k >= nw)
				continue;
			if (b.len)
				lq_buf_adds(&b, " | ");
			for (size_t j = i + k; j < nw && j < i + k + 6; j++) {
				if (j > i + k)
					lq_buf_adds(&b, " ");
				lq_buf_adds(&b, w[j]);
			}
			break;
		}
		free(w);
		free(f);
		free(clause);
		p += n;
		while (*p && strchr(".,;:!?()|\n", *p))
			p++;
	}
	for (size_t i = 0; i < t->n; i++)
		free(ph[i]);
	free(ph);
	return b.len ? lq_buf_detach(&b) : (lq_buf_free(&b), NULL);
}

/* The language of folded text: each word counted for every language
 * whose list (languages.vocab, folded) holds it; the one with at least
 * LANG_MIN_WORDS and more than any other, else NULL. */
static inline const char *
text_language_oracle(const char *folded)
{
	const struct lq_vocab_table *t = lq_vocab_table(lq_vocab(), "languages");
	size_t best = 0, second = 0, b = 0;
	char *txt = lq_xstrdup(folded), **w;
	size_t nw = oracle_split(txt, &w);

	for (size_t i = 0; t && i < t->n; i++) {
		char *l = lq_fold(t->rec[i].f[1]), **lw;
		size_t nl = oracle_split(l, &lw), hits = 0;

		for (size_t j = 0; j < nw; j++) {
			size_t k;

			for (k = 0; k < nl && strcmp(lw[k], w[j]) != 0; k++)
				;
			hits += k < nl && strlen(w[j]) < 64;
		}
		if (hits > best)
			second = best, best = hits, b = i;
		else if (hits > second)
			second = hits;
		free(lw);
		free(l);
	}
	free(w);
	free(txt);
	return best >= LANG_MIN_WORDS && best > second ? t->rec[b].f[0] : NULL;
}

/* 1 if folded f holds a phrase of the titles.vocab table name. */
static inline int
list_holds_oracle(const char *f, const char *name)
{
	const struct lq_vocab_table *t = lq_vocab_table(lq_vocab(), name);
	int r = 0;

	for (size_t i = 0; t && i < t->n && !r; i++)
		r = lq_has_phrase(f, t->rec[i].f[0]);
	return r;
}

static inline int
headline_stance_oracle(const char *headline)
{
	const struct lq_vocab_table *v = lq_vocab_table(lq_vocab(), "titles.vendor");
	char *f = lq_fold(headline);
	int r = LQ_STANCE_NONE;

	if (list_holds_oracle(f, "titles.recruiter"))
		r = LQ_STANCE_RECRUITER;
	for (size_t i = 0; v && r == LQ_STANCE_NONE && i < v->n; i++) {
		char *w = lq_fold(v->rec[i].f[0]);

		if (strncmp(f, w, strlen(w)) == 0 && f[strlen(w)] == ' ')
			r = LQ_STANCE_VENDOR;
		free(w);
	}
	if (r == LQ_STANCE_NONE && list_holds_oracle(f, "titles.lapsed"))
		r = LQ_STANCE_LAPSED;
	if (r == LQ_STANCE_NONE && (strncmp(f, "former ", 7) == 0 || strncmp(f, "ex ", 3) == 0))
		r = LQ_STANCE_LAPSED;
	free(f);
	return r;
}

static inline int
title_side_oracle(const char *title)
{
	char *f = lq_fold(title);
	int r = list_holds_oracle(f, "titles.side");

	free(f);
	return r;
}

/* 1 if a word of lq_fold(text) is in industries.serves and a later one in
 * industries.clients (each entry folded): what client_marks needs before
 * it marks anything, the condition lq_client_may must never deny. */
static inline int
client_may_oracle(const char *text)
{
	const struct lq_vocab_table *sv = lq_vocab_table(lq_vocab(), "industries.serves");
	const struct lq_vocab_table *cl = lq_vocab_table(lq_vocab(), "industries.clients");
	char *f = lq_fold(text), **w;
	size_t n = oracle_split(f, &w);
	int serves = 0, r = 0;

	for (size_t i = 0; i < n && !r && sv && cl; i++) {
		for (size_t e = 0; e < cl->n && serves && !r; e++) {
			char *x = lq_fold(cl->rec[e].f[0]);
			r = strcmp(x, w[i]) == 0;
			free(x);
		}
		for (size_t e = 0; e < sv->n && !serves; e++) {
			char *x = lq_fold(sv->rec[e].f[0]);
			serves = strcmp(x, w[i]) == 0;
			free(x);
		}
	}
	free(w);
	free(f);
	return r;
}
#endif
