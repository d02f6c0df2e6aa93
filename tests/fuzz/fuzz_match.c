/* fuzz_match.c: the title, headline, industry and company-signal lexicons and the head-count reader on arbitrary text; lq_fold and lq_has_phrase against their whole-text oracles (fold_oracle.h), lq_employer_words and lq_text_language against their oracles, lq_client_may against its condition (match_oracle.h). */
#include <stdlib.h>
#include <string.h>

#include "fold_oracle.h"
#include "match_oracle.h"
#include "match.h"
#include "sizes.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1), *f, *h;
	struct lq_title a, b;
	double x;

	memcpy(s, data, size);
	s[size] = '\0';	/* texts reach the lexicons as C strings */
	lq_title_analyse(s, &a);
	lq_title_analyse("Chief Financial Officer", &b);
	x = lq_title_lexsim(&a, &b);
	if (x != -1 && x != LQ_LEX_SENIORITY_ONLY && (x < 0 || x > 1))
		abort();
	x = lq_title_sim(x, 0.5);
	if (x < 0 || x > 1)
		abort();
	h = lq_headline_title(s);
	f = lq_fold(s);
	if (strlen(f) > 4 * size + 4)
		abort();
	char *g = fold_oracle(s);
	if (strcmp(f, g) != 0)	/* byte for byte the whole-text fold */
		abort();
	free(g);
	if (lq_has_phrase(f, s) != has_phrase_oracle(f, s))
		abort();
	for (size_t k = 0; k < size && k < 64; k += 7) {	/* a part of s as the needle */
		char *n = strndup(s + k, 9);
		if (lq_has_phrase(f, n) != has_phrase_oracle(f, n))
			abort();
		char *nf = lq_phrase_needle(n);	/* made once, as the lexicons do */
		if (lq_has_needle(f, nf) != lq_has_phrase(f, n))
			abort();
		free(nf);
		free(n);
	}
	(void)lq_industry_groups(s);
	{
		/* the clauses passed over unfolded say what folding them says */
		char *e1 = lq_employer_words(s), *e2 = employer_words_oracle(s);

		if ((e1 == NULL) != (e2 == NULL) || (e1 && strcmp(e1, e2) != 0))
			abort();
		free(e1);
		free(e2);
		/* the words not looked up are in no language's list */
		const char *l1 = lq_text_language(f), *l2 = text_language_oracle(f);

		if ((l1 == NULL) != (l2 == NULL) || (l1 && strcmp(l1, l2) != 0))
			abort();
	}
	if (client_may_oracle(s) && !lq_client_may(s))	/* never denies what folding allows */
		abort();
	if (lq_company_signal(s, NULL) != lq_company_signal_folded(s, f, NULL))
		abort();
	{
		/* a head count is 0 or in range, its span inside s */
		const char *b0 = NULL, *e0 = NULL;
		long n = lq_size_headcount(s, &b0, &e0);

		if (n < 0 || n > LQ_SIZES_HEADCOUNT_MAX || (n > 0 && (b0 < s || e0 <= b0 || e0 > s + strlen(s))))
			abort();
		if (lq_size_headcount(f, NULL, NULL) < 0)
			abort();
	}
	(void)lq_has_phrase(f, s);
	free(f);
	free(h);
	free(a.canon);
	free(b.canon);
	free(s);
	return 0;
}
