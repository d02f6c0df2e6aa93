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
	/* "regions": where the ICP sells, in preference to the places its
	 * notes name (docs/icp.md). has_regions is 1 when the key is there,
	 * even with empty lists ("anywhere": the notes are not read for
	 * places); a plain array is the include list. Each name is known to
	 * lq_place_named. */
	int has_regions;
	struct lq_strv regions_include;
	struct lq_strv regions_exclude;
	char hash[65];			/* SHA-256 hex of the canonical criteria */
	/* Values that are both a target and an exclusion (target_titles and
	 * exclude_titles; target_industries and _exclude_industries;
	 * company_sizes and _exclude_company_sizes), by value or alias, case
	 * and accents ignored, plus the entries of "_conflicts" (icp-extract's
	 * list) whose two sides are still there: one message each. */
	struct lq_strv conflicts;
	/* Values of "_conflicts" entries that are no longer a conflict (a
	 * person removed one side): the entry can go. */
	struct lq_strv stale_conflicts;
};

/* Parses and validates an ICP from text[0..n); name is used in messages.
 * Returns the ICP, or NULL with a message in err ("name: line L: what")
 * naming the line of the offending key or list element: not a JSON
 * object, a key that is not an ICP key, a value of the wrong type, an
 * empty string, an unknown company size, a region lq does not know, an
 * ICP with no criterion at all.
 * List elements are strings, or objects whose "value" is the string (the
 * form icp-extract writes, with provenance beside it); keys starting with
 * "_" are ignored, so tools may annotate the file. */
struct lq_icp *lq_icp_parse(const char *text, size_t n, const char *name,
    char *err, size_t errlen);

/* As lq_icp_parse, and also checks the annotations lq itself writes
 * (docs/icp.md): "_conflicts" (an array of objects with string "value",
 * "target" and "exclusion" naming a target and its exclusion list,
 * optional "excluded_as" and "message"), "_meetings" (meeting ids:
 * strings or integers), "_exclude_industries" and "_exclude_company_sizes"
 * (criteria lists like the others; company sizes from the fixed set), and
 * in every list the "aliases" (strings) and "sources" (objects) of an
 * object element. Other "_" keys stay free. For `icp check`. */
struct lq_icp *lq_icp_parse_strict(const char *text, size_t n, const char *name,
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
