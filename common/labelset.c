/* labelset.c: label sets for classify (built in: labels.vocab), and validation of chat answers against them. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "labelset.h"
#include "leadtext.h"
#include "sha256.h"
#include "sizes.h"
#include "util.h"
#include "vocab.h"

static void
set_free(struct lq_labelset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->label[i]);
		free(s->desc[i]);
	}
	free(s->label);
	free(s->desc);
	memset(s, 0, sizeof *s);
}

void
lq_classes_free(struct lq_classes *l)
{
	set_free(&l->industry);
	set_free(&l->company_type);
}

static int
set_parse(const json_t *o, const char *name, const char *key, struct lq_labelset *s, char *err,
    size_t errlen)
{
	const char *k;
	json_t *v;
	size_t i = 0, n;

	if (!json_is_object(o)) {
		snprintf(err, errlen, "%s: %s must be an object of \"label\": \"description\"", name, key);
		return -1;
	}
	n = json_object_size(o);
	if (n < 2 || n > LQ_LABELS_MAX) {
		snprintf(err, errlen, "%s: %s: %zu labels; 2 to %d are allowed (the last is the fallback)",
		    name, key, n, LQ_LABELS_MAX);
		return -1;
	}
	s->label = lq_xcalloc(n, sizeof *s->label);
	s->desc = lq_xcalloc(n, sizeof *s->desc);
	json_object_foreach((json_t *)o, k, v) {
		size_t kl = strlen(k), j;

		if (kl == 0 || kl > LQ_LABEL_MAX_LEN) {
			snprintf(err, errlen, "%s: %s: label \"%.64s\" must be 1 to %d bytes", name, key, k,
			    LQ_LABEL_MAX_LEN);
			return -1;
		}
		for (j = 0; j < kl; j++)
			if ((unsigned char)k[j] < 0x20 || k[j] == 0x7f) {
				snprintf(err, errlen, "%s: %s: label %zu has a control character", name, key, i + 1);
				return -1;
			}
		if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > LQ_LABEL_DESC_MAX
		    || strlen(json_string_value(v)) != json_string_length(v)) {
			snprintf(err, errlen, "%s: %s: \"%s\": description must be a string of 1 to %d bytes",
			    name, key, k, LQ_LABEL_DESC_MAX);
			return -1;
		}
		s->label[i] = lq_xstrdup(k);
		s->desc[i] = lq_xstrdup(json_string_value(v));
		s->n = ++i;
	}
	return 0;
}

int
lq_classes_parse(const char *text, size_t len, const char *name, struct lq_classes *l, char *err,
    size_t errlen)
{
	json_error_t je;
	json_t *j, *v;
	const char *k;
	unsigned char sha[32];
	char hex[65], *canon;

	memset(l, 0, sizeof *l);
	j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		snprintf(err, errlen, "%s: line %d, column %d: %s", name, je.line, je.column, je.text);
		return -1;
	}
	if (!json_is_object(j)) {
		snprintf(err, errlen, "%s: expected an object with \"industry\" and \"company_type\"", name);
		goto fail;
	}
	json_object_foreach(j, k, v)
		if (strcmp(k, "industry") != 0 && strcmp(k, "company_type") != 0) {
			snprintf(err, errlen, "%s: unknown key \"%.64s\" (industry, company_type)", name, k);
			goto fail;
		}
	if (set_parse(json_object_get(j, "industry"), name, "industry", &l->industry, err, errlen) < 0
	    || set_parse(json_object_get(j, "company_type"), name, "company_type", &l->company_type,
	    err, errlen) < 0)
		goto fail;
	canon = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	lq_sha256(canon, strlen(canon), sha);
	free(canon);
	lq_sha256_hex(sha, hex);
	memcpy(l->hash, hex, 16);
	l->hash[16] = '\0';
	json_decref(j);
	return 0;
fail:
	json_decref(j);
	lq_classes_free(l);
	return -1;
}

/* labels.vocab's [industry] and [company_type] as the JSON of a labels
 * file, parsed like one: the same checks, the same hash. */
void
lq_classes_default(struct lq_classes *l)
{
	static const char *const sets[] = { "industry", "company_type" };
	const struct lq_vocab *v = lq_vocab();
	json_t *j = json_object();
	char err[512], *text, table[32];
	const char *where = "labels.vocab";

	for (size_t s = 0; s < 2; s++) {
		const struct lq_vocab_table *t;
		json_t *o = json_object();

		snprintf(table, sizeof table, "labels.%s", sets[s]);
		t = lq_vocab_need(v, table, 2, 2);
		for (size_t i = 0; i < t->n; i++) {
			const struct lq_vocab_rec *r = &t->rec[i];

			if (json_object_get(o, r->f[0])) {
				json_decref(o);
				json_decref(j);
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: label '%s' again", r->file, r->line, r->f[0]);
			}
			json_object_set_new(o, r->f[0], json_string(r->f[1]));
			where = r->file;
		}
		json_object_set_new(j, sets[s], o);
	}
	text = json_dumps(j, JSON_COMPACT);
	json_decref(j);
	if (text == NULL || lq_classes_parse(text, strlen(text), where, l, err, sizeof err) < 0) {
		int oom = text == NULL;

		free(text);
		lq_die(LQ_EXIT_FATAL, "vocabulary: %s", oom ? "out of memory" : err);
	}
	free(text);
}

int
lq_labelset_find(const struct lq_labelset *set, const char *s)
{
	size_t i;

	for (i = 0; s && i < set->n; i++)
		if (strcmp(set->label[i], s) == 0)
			return (int)i;
	return -1;
}

void
lq_class_free(struct lq_class *c)
{
	free(c->industry);
	free(c->industry_reasoning);
	free(c->company_type);
	free(c->company_reasoning);
	memset(c, 0, sizeof *c);
}

static char *
reason(const char *s)
{
	char *r = lq_xstrdup(s && *s ? s : "no reason given");

	lq_utf8_cut(r, 400);
	return r;
}

int
lq_class_from_answer(const json_t *ans, const struct lq_classes *l, struct lq_class *out, char *err,
    size_t errlen)
{
	const char *ind = json_string_value(json_object_get(ans, "industry"));
	const char *ct = json_string_value(json_object_get(ans, "company_type"));

	if (lq_labelset_find(&l->industry, ind) < 0 || lq_labelset_find(&l->company_type, ct) < 0) {
		int bad_ind = lq_labelset_find(&l->industry, ind) < 0;
		const char *v = bad_ind ? ind : ct;

		snprintf(err, errlen, "the model answered %s \"%.60s\", which is not a label",
		    bad_ind ? "industry" : "company_type", v ? v : "(nothing)");
		return -1;
	}
	out->industry = lq_xstrdup(ind);
	out->industry_reasoning = reason(json_string_value(json_object_get(ans, "industry_reasoning")));
	out->company_type = lq_xstrdup(ct);
	out->company_reasoning = reason(json_string_value(json_object_get(ans, "company_reasoning")));
	return 0;
}

/* labels.vocab's mappings (docs/vocabulary.md), read once at first use:
 * LinkedIn's industry names to the built-in labels, exact names first,
 * then words for names the table misses; the lists of narrower labels a
 * broad industry may be narrowed to; the words that narrow it. */
struct mapping {
	const char *key, *label;
	const char *const *narrow;
};
static pthread_once_t maps_once = PTHREAD_ONCE_INIT;
static struct mapping *linkedin, *linkedin_words;
static struct {
	const char *label;
	const char **words;
} *industry_words;
static const struct lq_vocab_table *narrow_t;
static const char ***narrow_lists;

/* The fields [from, r->n) of r as a NULL-terminated list. */
static const char **
fields(const struct lq_vocab_rec *r, size_t from)
{
	const char **w = lq_xcalloc(r->n - from + 1, sizeof *w);

	for (size_t i = from; i < r->n; i++)
		w[i - from] = r->f[i];
	return w;
}

/* Dies unless s (field f of r) is a label of labels.industry. */
static void
need_label(const struct lq_vocab_rec *r, const char *s)
{
	const struct lq_vocab_table *t = lq_vocab_need(lq_vocab(), "labels.industry", 2, 2);

	for (size_t i = 0; i < t->n; i++)
		if (strcmp(t->rec[i].f[0], s) == 0)
			return;
	lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a label of labels.industry", r->file, r->line, s);
}

/* The list of labels.narrow named s (field f of r), or NULL for "". */
static const char *const *
narrow_list(const struct lq_vocab_rec *r, size_t f)
{
	if (f >= r->n || r->f[f][0] == '\0')
		return NULL;
	for (size_t i = 0; i < narrow_t->n; i++)
		if (strcmp(narrow_t->rec[i].f[0], r->f[f]) == 0)
			return narrow_lists[i];
	lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: '%s' is not a list of labels.narrow", r->file, r->line, r->f[f]);
	return NULL;
}

/* *out (static: reachable if a check dies) gets the records of table. */
static void
mappings(const char *table, struct mapping **out)
{
	const struct lq_vocab_table *t = lq_vocab_need(lq_vocab(), table, 2, 3);
	struct mapping *m = *out = lq_xcalloc(t->n + 1, sizeof *m);

	for (size_t i = 0; i < t->n; i++) {
		need_label(&t->rec[i], t->rec[i].f[1]);
		m[i].key = t->rec[i].f[0];
		m[i].label = t->rec[i].f[1];
		m[i].narrow = narrow_list(&t->rec[i], 2);
	}
}

static void
maps_load(void)
{
	const struct lq_vocab *v = lq_vocab();
	const struct lq_vocab_table *t;
	size_t i, k;

	narrow_t = lq_vocab_need(v, "labels.narrow", 2, LQ_VOCAB_MAX_FIELDS);
	narrow_lists = lq_xcalloc(narrow_t->n + 1, sizeof *narrow_lists);
	for (i = 0; i < narrow_t->n; i++) {
		narrow_lists[i] = fields(&narrow_t->rec[i], 1);
		for (k = 0; narrow_lists[i][k]; k++)
			need_label(&narrow_t->rec[i], narrow_lists[i][k]);
	}
	mappings("labels.linkedin", &linkedin);
	mappings("labels.linkedin-words", &linkedin_words);
	t = lq_vocab_need(v, "labels.industry-words", 2, LQ_VOCAB_MAX_FIELDS);
	industry_words = lq_xcalloc(t->n + 1, sizeof *industry_words);
	for (i = 0; i < t->n; i++) {
		need_label(&t->rec[i], t->rec[i].f[0]);
		industry_words[i].label = t->rec[i].f[0];
		industry_words[i].words = fields(&t->rec[i], 1);
	}
}

const char *
lq_linkedin_industry(const char *name, const char *const **narrow)
{
	size_t i;

	*narrow = NULL;
	if (name == NULL || *name == '\0')
		return NULL;
	pthread_once(&maps_once, maps_load);
	for (i = 0; linkedin[i].key; i++)
		if (strcasecmp(name, linkedin[i].key) == 0) {
			*narrow = linkedin[i].narrow;
			return linkedin[i].label;
		}
	for (i = 0; linkedin_words[i].key; i++)
		if (strcasestr(name, linkedin_words[i].key)) {
			*narrow = linkedin_words[i].narrow;
			return linkedin_words[i].label;
		}
	return NULL;
}

const char *const *
lq_industry_words(const char *label)
{
	size_t i;

	pthread_once(&maps_once, maps_load);
	for (i = 0; label && industry_words[i].label; i++)
		if (strcmp(industry_words[i].label, label) == 0)
			return industry_words[i].words;
	return NULL;
}

void
lq_labels_versioned(char *buf, size_t len, const char *base)
{
	static const char *const files[] = { "labels", "company-sizes", NULL };
	struct lq_classes l;

	lq_classes_default(&l);		/* a bad file is fatal before its digest is used */
	lq_classes_free(&l);
	pthread_once(&maps_once, maps_load);
	lq_sizes_versioned_with(buf, len, base, files);	/* head counts read as lq_size_headcount does */
}

double
lq_class_margin(const char *reasoning, char *runner, size_t len)
{
	const char *p, *q, *e;
	double b, b2;

	if (len)
		runner[0] = '\0';

	if (reasoning == NULL || strncmp(reasoning, "LinkedIn industry", 17) == 0)
		return -1;
	/* the label and its cosine close the reasoning: "... ~ L (0.47; next M 0.39)" */
	if ((p = strstr(reasoning, "\" ~ ")) == NULL || (p = strrchr(p, '(')) == NULL)
		return -1;
	if ((q = strstr(p, "; next ")) == NULL)
		return sscanf(p, "(%lf)", &b) == 1 ? 1.0 : -1;
	if (sscanf(p, "(%lf;", &b) != 1 || (e = strrchr(q, ' ')) == NULL || sscanf(e, "%lf)", &b2) != 1)
		return -1;
	q += 7;
	if (len && e > q) {
		size_t n = (size_t)(e - q) < len - 1 ? (size_t)(e - q) : len - 1;

		memcpy(runner, q, n);
		runner[n] = '\0';
	}
	return b - b2;
}
