/* rerank.c: request bodies and response parsing for the four rerank dialects. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "rerank.h"

static const char *const names[] = { "jina", "cohere", "tei", "llamacpp" };

int
lq_rerank_dialect(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s && strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

const char *
lq_rerank_dialect_name(int d)
{
	return d >= 0 && d < 4 ? names[d] : "?";
}

int
lq_rerank_default_batch(int d)
{
	return d == LQ_RR_TEI ? 32 : d == LQ_RR_COHERE ? 200 : d == LQ_RR_LLAMACPP ? 64 : 100;
}

int
lq_rerank_max_batch(int d)
{
	return d == LQ_RR_COHERE ? 1000 : d == LQ_RR_JINA ? 200 : 1000;
}

char *
lq_rerank_request(int d, const char *model, const char *query, const char *const *docs, size_t n)
{
	json_t *o = json_object(), *a = json_array();
	char *s;

	for (size_t i = 0; i < n; i++)
		json_array_append_new(a, json_string(docs[i]));
	if (d != LQ_RR_TEI && model && *model)
		json_object_set_new(o, "model", json_string(model));
	json_object_set_new(o, "query", json_string(query));
	if (d == LQ_RR_TEI) {
		json_object_set_new(o, "texts", a);
		json_object_set_new(o, "raw_scores", json_false());
		json_object_set_new(o, "truncate", json_true());
	} else {
		json_object_set_new(o, "documents", a);
		json_object_set_new(o, "top_n", json_integer((json_int_t)n));
		if (d == LQ_RR_JINA)
			json_object_set_new(o, "return_documents", json_false());
	}
	s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

int
lq_rerank_parse(int d, const char *body, size_t len, size_t n, double *scores,
    char *err, size_t errlen)
{
	json_error_t je;
	json_t *root = json_loadb(body, len, 0, &je), *res;
	size_t i, k;
	int got = 0;

	for (i = 0; i < n; i++)
		scores[i] = NAN;
	if (root == NULL) {
		snprintf(err, errlen, "response is not JSON (line %d: %s)", je.line, je.text);
		return -1;
	}
	res = json_is_array(root) ? root : json_object_get(root, "results");
	if (!json_is_array(res)) {
		snprintf(err, errlen, "response has no \"results\" array");
		goto bad;
	}
	for (k = 0; k < json_array_size(res); k++) {
		json_t *it = json_array_get(res, k), *ix, *sc;
		json_int_t x;
		double v;

		if (!json_is_object(it)) {
			snprintf(err, errlen, "results[%zu] is not an object", k);
			goto bad;
		}
		ix = json_object_get(it, "index");
		sc = json_object_get(it, "relevance_score");
		if (sc == NULL)
			sc = json_object_get(it, "score");
		if (!json_is_integer(ix) || (x = json_integer_value(ix)) < 0 || (size_t)x >= n) {
			snprintf(err, errlen, "results[%zu]: index missing or not in 0..%zu", k, n ? n - 1 : 0);
			goto bad;
		}
		if (!json_is_number(sc) || !isfinite(v = json_number_value(sc))) {
			snprintf(err, errlen, "results[%zu]: no finite relevance_score or score", k);
			goto bad;
		}
		if (!isnan(scores[x])) {
			snprintf(err, errlen, "results[%zu]: index %lld repeated", k, (long long)x);
			goto bad;
		}
		if (d == LQ_RR_LLAMACPP)
			v = 1 / (1 + exp(-v));	/* raw logit */
		scores[x] = v < 0 ? 0 : v > 1 ? 1 : v;
		got++;
	}
	json_decref(root);
	return got;
bad:
	for (i = 0; i < n; i++)
		scores[i] = NAN;
	json_decref(root);
	return -1;
}

char *
lq_rerank_error(const char *body, size_t len, char *buf, size_t size)
{
	json_t *root = json_loadb(body ? body : "", len, 0, NULL), *e;
	const char *m = NULL;

	if (json_is_object(root)) {
		e = json_object_get(root, "error");
		if (json_is_string(e))
			m = json_string_value(e);
		else if (json_is_object(e))
			m = json_string_value(json_object_get(e, "message"));
		if (m == NULL)
			m = json_string_value(json_object_get(root, "message"));
	}
	if (m)
		snprintf(buf, size, "%.200s", m);
	json_decref(root);
	return m ? buf : NULL;
}

void
lq_rerank_usage(const char *body, size_t len, long long *tokens, long long *units)
{
	json_t *root = json_loadb(body, len, 0, NULL), *meta, *v;

	*tokens = *units = -1;
	if (!json_is_object(root)) {
		json_decref(root);
		return;
	}
	meta = json_object_get(root, "meta");
	if (json_is_integer(v = json_object_get(json_object_get(root, "usage"), "total_tokens"))
	    || json_is_integer(v = json_object_get(json_object_get(meta, "tokens"), "input_tokens")))
		*tokens = json_integer_value(v);
	if (json_is_integer(v = json_object_get(json_object_get(meta, "billed_units"), "search_units")))
		*units = json_integer_value(v);
	json_decref(root);
}
