/* labelset.h: classify's label sets (industry, company type) and the validation of model answers (docs/classify.md). */
#ifndef LQ_LABELSET_H
#define LQ_LABELSET_H

#include <stddef.h>

#include <jansson.h>

/* One set: labels in file order, each with a description; the last one
 * is the fallback ("Other", "unknown") given when nothing fits. */
struct lq_labelset {
	size_t n;
	char **label;
	char **desc;
};

struct lq_classes {
	struct lq_labelset industry, company_type;
	char hash[17];		/* 16 hex digits of the file's canonical text, for cache keys */
};

/* Limits of a labels file. */
#define LQ_LABELS_MAX 200
#define LQ_LABEL_MAX_LEN 64
#define LQ_LABEL_DESC_MAX 1000

/* Parses a labels file:
 *   {"industry": {"LABEL": "description", ...},
 *    "company_type": {"LABEL": "description", ...}}
 * Both sets required, 2..200 labels each, labels 1..64 bytes of UTF-8
 * without control characters, unique, descriptions 1..1000 bytes, no
 * other keys; the last label of each set is its fallback. name is used in
 * messages ("labels.json: line 3, column 5: ..." or "labels.json:
 * industry: \"SaaS\": description must be a non-empty string"). Returns 0,
 * or -1 with a message in err (l is then empty). */
int lq_classes_parse(const char *text, size_t len, const char *name, struct lq_classes *l,
    char *err, size_t errlen);

/* The built-in sets, labels.vocab's [industry] and [company_type] (the
 * original service's 20 industries and 7 company types, with descriptions
 * written for zero-shot matching); a bad file is fatal. */
void lq_classes_default(struct lq_classes *l);

void lq_classes_free(struct lq_classes *l);

/* Index of label s in set, or -1. */
int lq_labelset_find(const struct lq_labelset *set, const char *s);

/* The built-in industry label for a LinkedIn industry name (old and new
 * taxonomy, case-insensitive), or NULL when the table has none. For broad
 * industries (software, financial services) *narrow gets a NULL-terminated
 * list of labels the profile may narrow it to, else NULL. From labels.vocab;
 * the strings live as long as the process. */
const char *lq_linkedin_industry(const char *name, const char *const **narrow);

/* The words that narrow a broad industry to label ("payments" to
 * Fintech), a NULL-terminated list, or NULL for none (labels.vocab
 * [industry-words]; they live as long as the process). */
const char *const *lq_industry_words(const char *label);

/* "<base>+vocab:<12 hex>": base and the digest of labels.vocab and
 * company-sizes.vocab, which classify's local rules read, for its cache
 * key (lq_vocab_versioned). Loads and checks them first. */
void lq_labels_versioned(char *buf, size_t len, const char *base);

/* How far the local encoder's label led its runner-up, read from a
 * reasoning classify's local backend wrote for a label it matched by the
 * encoder alone ("\"phrase\" ~ SaaS (0.47; next Fintech 0.39)" gives
 * 0.08, and "Fintech" in runner, len bytes with the NUL; 1 when there was
 * no runner-up). -1 for any other reasoning: a LinkedIn industry, a rule,
 * a word, a fallback, or a chat model's words. runner is "" unless a
 * runner-up was read. */
double lq_class_margin(const char *reasoning, char *runner, size_t len);

/* One classification. */
struct lq_class {
	char *industry, *industry_reasoning, *company_type, *company_reasoning;
};

void lq_class_free(struct lq_class *c);

/* Reads a classification answer object {"industry", "industry_reasoning",
 * "company_type", "company_reasoning"}: 0 with out filled when both
 * labels are in their sets (reasonings cut to 400 bytes, "no reason
 * given" when missing); -1 with err naming the label that is not one,
 * out untouched. Never yields a label outside the sets. */
int lq_class_from_answer(const json_t *ans, const struct lq_classes *l, struct lq_class *out,
    char *err, size_t errlen);

#endif
