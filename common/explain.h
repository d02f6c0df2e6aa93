/* explain.h: a scored lead explained to a person: the reason in plain words, the evidence, the title and link shown. */
#ifndef LQ_EXPLAIN_H
#define LQ_EXPLAIN_H

#include <stddef.h>

#include <jansson.h>

#include "util.h"

/* How a piece of evidence weighs on the lead. */
enum { LQ_AGAINST = -1, LQ_NEUTRAL = 0, LQ_FOR = 1 };

/* One criterion of a lead's evidence (docs/scoring.md, components). */
struct lq_evidence {
	const char *criterion;	/* "title", "exclude", "industry", "company_type",
				   "keywords", "profile", "rerank" or "warning" */
	const char *label;	/* the same for a person: "Title", "Industry", ... */
	int verdict;		/* LQ_FOR, LQ_NEUTRAL or LQ_AGAINST */
	double value;		/* the component's value in [0,1]; -1 when none */
	char *text;		/* plain words, owned by the item */
};

/* Most evidence items a lead can have: the five structured criteria or
 * the baseline's one, the reranker, and a few warnings. */
#define LQ_EVIDENCE_MAX 16

/* Appends to b the one-sentence reason for the score of rec, built from
 * its components (score's evidence, docs/scoring.md): what the person's
 * role is against the target titles, what kind of company, which target
 * keywords the profile mentions; "Other" and "unknown" labels are left
 * out, and no figure appears ("Chief People Officer, a target role; a
 * mid-market SaaS company; mentions payroll and HRIS."). Returns 1 if a
 * sentence was written, 0 when rec has no components it knows (then b is
 * unchanged). Never fails on malformed components: a part that is not
 * the expected type is skipped. */
int lq_explain_reason(const json_t *rec, struct lq_buf *b);

/* Fills it[0..max) with rec's evidence, one item per criterion in the
 * order above, then the reranker and the record's warnings; returns the
 * number filled. Free the texts with lq_explain_evidence_free. */
size_t lq_explain_evidence(const json_t *rec, struct lq_evidence *it, size_t max);
void lq_explain_evidence_free(struct lq_evidence *it, size_t n);

/* The job title a person is shown with: the one score matched against
 * the targets (components.title.lead), else the first current job title,
 * else job_title; NULL when there is none. Borrowed from rec. */
const char *lq_explain_title(const json_t *rec);

/* A label as shown to a person: NULL for NULL, "", and the labels that
 * mean "not known" ("Other", "unknown", case-insensitive), else s. */
const char *lq_explain_known(const char *s);

/* The tier of rec: its "tier" when that is A, B, C or D, else the tier
 * of its numeric icp_score (lq_tier); 0 when it has neither. */
int lq_explain_tier(const json_t *rec);

/* Writes the person's LinkedIn profile link, https://www.linkedin.com/in/
 * <slug>/, into url (LQ_EXPLAIN_URL_MAX bytes): from linkedin_url, the
 * vanity slug preferred over a member id (public_identifier supplies it
 * when the URL holds only the id), else from public_identifier or id.
 * Only a well-formed LinkedIn profile link comes out (a "javascript:"
 * URL never does). Returns 1, or 0 (url "") when rec names no profile. */
#define LQ_EXPLAIN_URL_MAX 640
int lq_explain_link(const json_t *rec, char *url);

#endif
