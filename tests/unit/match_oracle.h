/* match_oracle.h: lq_employer_words as it was before issue 16's fifth score round (every clause copied, folded, split and each word looked up), kept as the oracle the pre-checked one must equal (test_match, fuzz_match). */
#ifndef LQ_MATCH_ORACLE_H
#define LQ_MATCH_ORACLE_H

#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "util.h"
#include "vocab.h"

/* The words of folded s, split in place at spaces. */
static size_t
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
static size_t
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

static char *
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

#endif
