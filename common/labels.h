/* labels.h: the evaluation labels file (NDJSON judgments per ICP and lead). */
#ifndef LQ_LABELS_H
#define LQ_LABELS_H

#include <stddef.h>

#include <jansson.h>

#include "util.h"

/* One judgment: how well lead id fits the ICP named icp. */
struct lq_label {
	char *icp;		/* the ICP's name (its "client") */
	char *id;		/* the lead's id (URN ids are case-sensitive) */
	char *pub;		/* its public_identifier, lowercased, or NULL */
	int rel;		/* relevance 0..3 */
	char *reason;		/* why, or NULL */
	char *split;		/* "tune", "held-out", ..., or NULL */
	unsigned long line;	/* line of the labels file */
};

struct lq_labels {
	struct lq_label *v;
	size_t n;
	char **icps;		/* distinct ICP names in order of first appearance */
	size_t nicps;
	json_t *index;		/* private: lookup keys -> position in v */
};

/* Parses the labels file text data[0..len), named name in messages, into
 * *L (which it initialises). One JSON object a line:
 *   {"icp": "...", "id": "...", "relevance": 0-3, "reason": "...",
 *    "split": "...", "public_identifier": "..."}
 * icp, id and relevance (an integer 0..3) are required; reason, split and
 * public_identifier are optional strings; other keys are ignored. Blank
 * lines, CR before LF and a UTF-8 byte order mark are allowed. Returns 0,
 * or -1 with "name:LINE: what is wrong" in err (L is then freed). Two
 * judgments of the same (icp, id) are an error naming both lines; so is
 * a file with no judgment. */
int lq_labels_parse(struct lq_labels *L, const char *data, size_t len,
    const char *name, struct lq_buf *err);

/* The judgment of the lead for icp: first by id (exact), then by
 * public_identifier (case-insensitive) against the label's
 * public_identifier or id. Either of id and pub may be NULL. Returns its
 * position in L->v, or -1. */
long lq_labels_find(const struct lq_labels *L, const char *icp, const char *id,
    const char *pub);

/* 1 if icp has at least one judgment. */
int lq_labels_has_icp(const struct lq_labels *L, const char *icp);

void lq_labels_free(struct lq_labels *L);

#endif
