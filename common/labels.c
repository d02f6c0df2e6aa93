/* labels.c: parsing and looking up evaluation judgments. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "labels.h"

static char *
lower_dup(const char *s)
{
	char *d = lq_xstrdup(s);

	for (char *p = d; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return d;
}

/* Index keys: "i" icp US id, "p" icp US lowercased public id. Jansson
 * keys are NUL-terminated UTF-8; icp and ids are validated UTF-8 strings
 * without NUL (json_loadb without JSON_ALLOW_NUL refuses "\u0000"). */
static char *
key(char kind, const char *icp, const char *id)
{
	return lq_xasprintf("%c%s\x1f%s", kind, icp, id);
}

/* Sets index[key(kind, icp, id)] to v (a new reference it takes). */
static void
index_set(json_t *index, char kind, const char *icp, const char *id, json_t *v)
{
	char *k = key(kind, icp, id);

	json_object_set_new(index, k, v);
	free(k);
}

static long
lookup(const json_t *index, char kind, const char *icp, const char *id)
{
	char *k = key(kind, icp, id);
	json_t *v = json_object_get(index, k);

	free(k);
	return v ? (long)json_integer_value(v) : -1;
}

static const char *
opt_str(json_t *o, const char *k, int *bad)
{
	json_t *v = json_object_get(o, k);

	if (v == NULL || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

static int fail(struct lq_labels *L, struct lq_buf *err, const char *name,
    unsigned long line, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static int
fail(struct lq_labels *L, struct lq_buf *err, const char *name, unsigned long line,
    const char *fmt, ...)
{
	va_list ap;

	lq_buf_reset(err);
	lq_buf_addf(err, "%s:%lu: ", name, line);
	va_start(ap, fmt);
	lq_buf_vaddf(err, fmt, ap);
	va_end(ap);
	lq_labels_free(L);
	return -1;
}

static int
add(struct lq_labels *L, json_t *o, const char *name, unsigned long line, struct lq_buf *err)
{
	json_t *jrel = json_object_get(o, "relevance");
	const char *icp, *id, *pub, *reason, *split;
	struct lq_label *lb;
	int bad = 0;
	long prev;

	icp = opt_str(o, "icp", &bad);
	if (bad || icp == NULL || *icp == '\0')
		return fail(L, err, name, line, "\"icp\" must be a non-empty string (the ICP's client name)");
	for (const char *c = icp; *c; c++)
		if ((unsigned char)*c < 0x20)
			return fail(L, err, name, line, "\"icp\" must not contain control characters");
	id = opt_str(o, "id", &bad);
	if (bad || id == NULL || *id == '\0')
		return fail(L, err, name, line, "\"id\" must be a non-empty string (the lead's profile id)");
	if (jrel == NULL)
		return fail(L, err, name, line, "id %s: \"relevance\" is missing", id);
	if (!json_is_integer(jrel) || json_integer_value(jrel) < 0 || json_integer_value(jrel) > 3)
		return fail(L, err, name, line, "id %s: \"relevance\" must be an integer from 0 to 3", id);
	pub = opt_str(o, "public_identifier", &bad);
	if (bad)
		return fail(L, err, name, line, "id %s: \"public_identifier\" must be a string", id);
	reason = opt_str(o, "reason", &bad);
	if (bad)
		return fail(L, err, name, line, "id %s: \"reason\" must be a string", id);
	split = opt_str(o, "split", &bad);
	if (bad)
		return fail(L, err, name, line, "id %s: \"split\" must be a string", id);
	if ((prev = lookup(L->index, 'i', icp, id)) >= 0) {
		return fail(L, err, name, line, "id %s is judged twice for this ICP (first on line %lu)", id, L->v[prev].line);
	}
	if (!lq_labels_has_icp(L, icp)) {
		L->icps = lq_xreallocarray(L->icps, L->nicps + 1, sizeof *L->icps);
		L->icps[L->nicps++] = lq_xstrdup(icp);
		index_set(L->index, 'c', icp, "", json_true());
	}
	if ((L->n & (L->n - 1)) == 0)	/* grow at powers of two */
		L->v = lq_xreallocarray(L->v, L->n ? 2 * L->n : 1, sizeof *L->v);
	lb = &L->v[L->n];
	lb->icp = lq_xstrdup(icp);
	lb->id = lq_xstrdup(id);
	lb->pub = pub && *pub ? lower_dup(pub) : NULL;
	lb->rel = (int)json_integer_value(jrel);
	lb->reason = reason ? lq_xstrdup(reason) : NULL;
	lb->split = split ? lq_xstrdup(split) : NULL;
	lb->line = line;
	index_set(L->index, 'i', icp, id, json_integer((json_int_t)L->n));
	if (lb->pub) {
		char *k = key('p', icp, lb->pub);

		/* the first judgment wins a shared public id */
		if (json_object_get(L->index, k) == NULL)
			json_object_set_new(L->index, k, json_integer((json_int_t)L->n));
		free(k);
	}
	L->n++;
	return 0;
}

int
lq_labels_parse(struct lq_labels *L, const char *data, size_t len, const char *name,
    struct lq_buf *err)
{
	unsigned long line = 0;
	size_t i = 0;

	memset(L, 0, sizeof *L);
	L->index = json_object();
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len) {
		const char *nl = memchr(data + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - data) : len, n = end - i;
		json_error_t je;
		json_t *o;
		int blank = 1;

		line++;
		if (n > 0 && data[i + n - 1] == '\r')
			n--;
		for (size_t t = 0; t < n && blank; t++)
			blank = data[i + t] == ' ' || data[i + t] == '\t';
		if (!blank) {
			o = json_loadb(data + i, n, JSON_REJECT_DUPLICATES, &je);
			if (o == NULL)
				return fail(L, err, name, line, "not valid JSON: %s", je.text);
			if (!json_is_object(o)) {
				json_decref(o);
				return fail(L, err, name, line, "expected a JSON object {\"icp\", \"id\", \"relevance\", ...}");
			}
			if (add(L, o, name, line, err) != 0) {
				json_decref(o);
				return -1;
			}
			json_decref(o);
		}
		i = end + 1;
	}
	if (L->n == 0)
		return fail(L, err, name, line ? line : 1, "no judgments in the labels file");
	return 0;
}

long
lq_labels_find(const struct lq_labels *L, const char *icp, const char *id, const char *pub)
{
	long r = -1;
	char *low;

	if (id && *id && (r = lookup(L->index, 'i', icp, id)) >= 0)
		return r;
	/* fallbacks through the public identifier, compared lowercased */
	if (id && *id) {
		low = lower_dup(id);
		r = lookup(L->index, 'p', icp, low);
		free(low);
		if (r >= 0)
			return r;
	}
	if (pub && *pub) {
		low = lower_dup(pub);
		r = lookup(L->index, 'p', icp, low);
		if (r < 0)
			r = lookup(L->index, 'i', icp, low);
		if (r < 0)
			r = lookup(L->index, 'i', icp, pub);
		free(low);
	}
	return r;
}

int
lq_labels_has_icp(const struct lq_labels *L, const char *icp)
{
	char *k = key('c', icp, "");
	int r = json_object_get(L->index, k) != NULL;

	free(k);
	return r;
}

void
lq_labels_free(struct lq_labels *L)
{
	for (size_t i = 0; i < L->n; i++) {
		free(L->v[i].icp);
		free(L->v[i].id);
		free(L->v[i].pub);
		free(L->v[i].reason);
		free(L->v[i].split);
	}
	for (size_t i = 0; i < L->nicps; i++)
		free(L->icps[i]);
	free(L->v);
	free(L->icps);
	json_decref(L->index);
	memset(L, 0, sizeof *L);
}
