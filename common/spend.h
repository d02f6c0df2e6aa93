/* spend.h: the spend guards of a paid stage: --dry-run and --limit N. */
#ifndef LQ_SPEND_H
#define LQ_SPEND_H

/* What a stage would pay for, or did. Cached items never count. */
struct lq_spend {
	int dry_run;		/* --dry-run: count, send nothing */
	long long limit;	/* --limit N: pay for at most N items; -1: no limit */
	unsigned long long cached;	/* items served from the cache */
	unsigned long long send;	/* items sent (dry run: that would be sent) */
	unsigned long long held;	/* items --limit held back (passed on unchanged) */
	unsigned long long tokens;	/* estimated tokens of the items to send */
	double usd;		/* estimated cost of the items to send */
};
#define LQ_SPEND_INIT { 0, -1, 0, 0, 0, 0, 0 }

enum { LQ_SPEND_SEND, LQ_SPEND_DRY, LQ_SPEND_HELD };

/* An uncached item of about tokens tokens costing about usd: returns
 * LQ_SPEND_SEND (counted; send it), LQ_SPEND_DRY (counted; --dry-run:
 * send nothing, pass the item on unchanged) or LQ_SPEND_HELD (--limit
 * reached: pass it on unchanged). */
int lq_spend_take(struct lq_spend *s, unsigned long long tokens, double usd);

/* Tokens of a text as the remote stages estimate them: bytes / 3 + 1
 * (BPE averages about 4 bytes of English a token: an overestimate). */
unsigned long long lq_spend_tokens(const char *text);

/* Ends the count. Dry run: the note "dry run: N cached, N to send in N
 * requests of up to B, about N tokens, estimated cost $X" (what = "texts",
 * "leads"...; batch 0 leaves "of up to B" out), which pipelines read;
 * otherwise "N held back by --limit" in the summary when some were. */
void lq_spend_report(const struct lq_spend *s, const char *what, int batch);

/* The exit status: LQ_EXIT_INTERRUPTED when --limit held items back and
 * st is LQ_EXIT_OK (a spend guard stopped the work), else st. */
int lq_spend_status(const struct lq_spend *s, int st);

#endif
