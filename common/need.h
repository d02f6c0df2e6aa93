/* need.h: a stage checks that the stages before it ran (exit code 7). */
#ifndef LQ_NEED_H
#define LQ_NEED_H

#include <jansson.h>

struct lq_reader;

/* What a program needs of the records it reads. */
enum lq_need_what {
	LQ_NEED_RECORDS = 1,	/* NDJSON records, not a page or a list of URLs (scrape) */
	LQ_NEED_PROFILE,	/* a scraped profile (embed, classify, score) */
	LQ_NEED_EMBEDDING,	/* a scraped profile and its embedding (score --method baseline) */
	LQ_NEED_SCORE		/* an icp_score (rerank, to-csv, review) */
};

/* Declares what this program needs. A stream where the stage that makes
 * it evidently never ran is a mistake of order: the program says so once
 * (not per record), names the stage to run first and the pipeline in
 * order, and exits LQ_EXIT_ORDER (lq_finish). Only live leads are
 * evidence: a failed record (a lead that failed upstream) or a record
 * with no id, linkedin_url or public_identifier (not a lead) counts
 * neither way and is handled one by one as before. The decision is made
 * on the first live lead read (streaming stages, which must not spend on
 * the rest), or with whole_run over the whole run at its end: the
 * mistake is that no live lead has it (to-csv, which reads everything
 * before writing anyway and takes some unscored leads). LQ_NEED_RECORDS:
 * the first line is a page, a list of links or a JSON document (known at
 * once), or no line of the input is a JSON object (known at its end). */
void lq_need(enum lq_need_what what, int whole_run);

/* Called on each record read, in input order, before the program works
 * on it. Returns 1 when the program goes on with rec as usual; 0 once the
 * run was found in the wrong order: the program passes rec on unchanged
 * (as it does a failed record), so every record still flows through. */
int lq_need_check(const struct lq_reader *r, const json_t *rec);

/* 1 once the run was found in the wrong order (after lq_need_end for a
 * whole-run check). */
int lq_need_tripped(void);

/* Ends a whole-run check (says so once when no live lead had what is
 * needed). lq_finish calls it; idempotent. */
void lq_need_end(void);

#endif
