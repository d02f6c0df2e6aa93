/* spend.c: the spend guards of a paid stage (spend.h). */
#include <stdio.h>
#include <string.h>

#include "diag.h"
#include "run.h"
#include "spend.h"

int
lq_spend_take(struct lq_spend *s, unsigned long long tokens, double usd)
{
	if (s->limit >= 0 && s->send >= (unsigned long long)s->limit) {
		s->held++;
		return LQ_SPEND_HELD;
	}
	s->send++;
	s->tokens += tokens;
	s->usd += usd;
	return s->dry_run ? LQ_SPEND_DRY : LQ_SPEND_SEND;
}

unsigned long long
lq_spend_tokens(const char *text)
{
	return strlen(text) / 3 + 1;
}

void
lq_spend_report(const struct lq_spend *s, const char *what, int batch)
{
	if (s->dry_run) {
		char per[48] = "";
		unsigned long long reqs = batch > 0 ? (s->send + (unsigned)batch - 1) / (unsigned)batch : s->send;

		if (batch > 0)
			snprintf(per, sizeof per, " of up to %d", batch);
		lq_note("dry run: %llu cached, %llu %s to send in %llu requests%s, about %llu tokens, "
		    "estimated cost $%.4f%s", s->cached, s->send, what, reqs, per, s->tokens, s->usd,
		    s->held ? " (--limit held some back)" : "");
		return;
	}
	if (s->held)
		lq_summary_add("%llu held back by --limit", s->held);
}

int
lq_spend_status(const struct lq_spend *s, int st)
{
	return s->held && st == LQ_EXIT_OK ? LQ_EXIT_INTERRUPTED : st;
}
