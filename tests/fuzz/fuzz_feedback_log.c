/* fuzz_feedback_log.c: the feedback log reader and the current judgments from any bytes. */
#include <stdlib.h>
#include <string.h>

#include "feedback.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_fb_log log = { 0 };
	struct lq_fb_current *cur;
	size_t n, m;

	lq_fb_log_add(&log, (const char *)data, size, "fuzz");
	if (log.n + log.bad != log.lines || log.nbadmsg > LQ_FB_BAD_KEEP)
		abort();	/* every non-blank line is an event or a counted bad line */
	cur = lq_fb_resolve(&log, LQ_FB_PER_ICP, NULL, NULL, &n);
	for (size_t i = 0; i < n; i++) {
		if (cur[i].ev->label == LQ_FB_NONE || cur[i].seq >= log.n || cur[i].first > cur[i].seq)
			abort();	/* a standing judgment is good or bad, from the log */
		if (i && cur[i].first <= cur[i - 1].first)
			abort();	/* in order of first appearance */
	}
	free(cur);
	cur = lq_fb_resolve(&log, LQ_FB_PER_CLIENT, NULL, NULL, &m);
	if (m > n)
		abort();	/* per client merges, never adds */
	for (size_t i = 0; i < m; i++)
		if (cur[i].ev->label == LQ_FB_NONE)
			abort();
	if (m) {
		const struct lq_fb_event *e = cur[0].ev;
		struct lq_fb_current *one = lq_fb_resolve(&log, LQ_FB_PER_ICP, e->client, e->icp_hash, &n);

		for (size_t i = 0; i < n; i++)
			if (strcmp(one[i].ev->client, e->client) || strcmp(one[i].ev->icp_hash, e->icp_hash))
				abort();
		free(one);
	}
	free(cur);
	lq_fb_log_free(&log);
	return 0;
}
