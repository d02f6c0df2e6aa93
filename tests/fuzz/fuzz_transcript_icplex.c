/* fuzz_transcript_icplex.c: the criterion finder (common/icplex.c) on arbitrary sentences. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "icplex.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = lq_xstrndup((const char *)data, size);
	struct lq_crit_hit h[16];

	lq_quiet = 1;
	lq_icplex_find(s, LQ_ANSWER_NONE, h, 16);
	lq_icplex_find(s, LQ_ANSWER_TOPICS, h, 16);
	lq_icplex_find(s, LQ_ANSWER_EXCLUSION, h, 16);
	lq_icplex_refers_back(s);
	lq_icplex_affirms(s);
	lq_icplex_bare(s);
	lq_icplex_qualifier(s);
	lq_icplex_small_talk(s);
	lq_icplex_revises(s);
	lq_icplex_canonical(LQ_CRIT_TITLE, s);
	free(s);
	return 0;
}
