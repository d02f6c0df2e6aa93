/* icp.h: the Ideal Customer Profile file: loading, validation, the ICP sentence. */
#ifndef LQ_ICP_H
#define LQ_ICP_H

#include <stddef.h>

/* A list of strings. */
struct lq_strv {
	char **v;
	size_t n;
};

/* The company sizes an ICP may name (docs/schema.md). */
extern const char *const lq_company_sizes[];

struct lq_icp {
	char *client;			/* "" when absent */
	struct lq_strv target_titles;
	struct lq_strv target_industries;
	struct lq_strv company_sizes;	/* each one of lq_company_sizes */
	struct lq_strv target_keywords;
	struct lq_strv exclude_titles;
	char *notes;			/* "" when absent */
	char hash[65];			/* SHA-256 hex of the canonical criteria */
};

/* Parses and validates an ICP from text[0..n); name is used in messages.
 * Returns the ICP, or NULL with a message in err ("name: line L: what")
 * naming the line of the offending key or list element: not a JSON
 * object, a key that is not an ICP key, a value of the wrong type, an
 * empty string, an unknown company size, an ICP with no criterion at all.
 * List elements are strings, or objects whose "value" is the string (the
 * form icp-extract writes, with provenance beside it); keys starting with
 * "_" are ignored, so tools may annotate the file. */
struct lq_icp *lq_icp_parse(const char *text, size_t n, const char *name,
    char *err, size_t errlen);

/* Reads and parses path; on any error prints the message and exits
 * LQ_EXIT_FATAL. */
struct lq_icp *lq_icp_load(const char *path);

/* The sentence the original service embedded: "Target titles: a, b |
 * Industries: ... | Company sizes: ... | Keywords: ... | Notes: ...",
 * leaving out empty parts. The caller frees it. */
char *lq_icp_sentence(const struct lq_icp *icp);

void lq_icp_free(struct lq_icp *icp);

#endif
