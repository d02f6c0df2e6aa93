/* fuzz_match.c: the title, headline, industry and company-signal lexicons on arbitrary text. */
#include <stdlib.h>
#include <string.h>

#include "match.h"

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
	(void)lq_industry_groups(s);
	(void)lq_company_signal(s, NULL);
	(void)lq_has_phrase(f, s);
	free(f);
	free(h);
	free(a.canon);
	free(b.canon);
	free(s);
	return 0;
}
