/* embedder.c: embedding backends (local encoder, OpenAI-compatible /v1/embeddings) over the cache. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "cache.h"
#include "diag.h"
#include "embedder.h"
#include "encoder.h"
#include "http.h"
#include "redact.h"
#include "leadtext.h"
#include "util.h"

/* Version of what is stored under LQ_NS_EMBEDDING: the row as
 * little-endian float32, L2-normalised. */
#define NS_VERSION 1

/* OpenAI's limits per request are 2048 inputs and 300,000 tokens; we
 * estimate tokens as bytes / 3 + 1 (BPE averages about 4 bytes of
 * English per token, so this overestimates) and keep 10% in reserve. */
#define MAX_INPUTS 2048
#define MAX_TOKENS 270000

struct lq_embedder {
	int local;
	struct lq_encoder *enc;
	char *model_id;		/* "local:..." or "openai:model[@dims]" */
	char *model;		/* openai: model name */
	char *url;		/* openai: base + "/embeddings" */
	const char *key;	/* openai: the API key (a registered secret) or NULL */
	int dim, dimensions, jobs, batch;
	int max_attempts;
	double backoff, timeout, price, max_wait;
	FILE *trace;
	struct lq_cache *cache;
	struct lq_http *http;
	unsigned long long requests, tokens, hits;
	int *attempts;		/* per text of the last call */
	size_t nattempts;
	int fatal, probed;
	char fatal_msg[512];
	struct memo *memo;	/* local: short texts already encoded in this run */
};

/* The local encoder's memory of short texts (titles, industries,
 * keywords: score and rerank ask for the same few hundred again and
 * again), so each is encoded, or read from the cache, once per run.
 * Bounded: when full it starts over. Long texts (profiles) are left to
 * the cache. */
#define MEMO_TEXT_MAX 256
#define MEMO_MAX 8192		/* 8192 x 384 floats: 12.6 MB at most */
#define MEMO_SLOTS (2 * MEMO_MAX)

struct memo_slot {
	char *text;
	uint32_t hash;
	float *vec;		/* NULL while pending: being encoded as todo[pending] */
	size_t pending;
	int cached;		/* vec came from the cache: the text is not looked up
				 * again (a file read and a digest), and counts as the
				 * cache hit the lookup would have been */
};

struct memo {
	struct memo_slot slot[MEMO_SLOTS];
	size_t n;
};

static uint32_t
memo_hash(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static void
memo_clear(struct memo *m)
{
	for (size_t i = 0; i < MEMO_SLOTS; i++) {
		free(m->slot[i].text);
		free(m->slot[i].vec);
	}
	memset(m, 0, sizeof *m);
}

/* The slot of text: its own, or the empty one where it would go. */
static struct memo_slot *
memo_find(struct memo *m, const char *text, uint32_t h)
{
	size_t i = h & (MEMO_SLOTS - 1);

	while (m->slot[i].text && (m->slot[i].hash != h || strcmp(m->slot[i].text, text) != 0))
		i = (i + 1) & (MEMO_SLOTS - 1);
	return &m->slot[i];
}

static double
default_price(const char *model)
{
	if (strcmp(model, "text-embedding-3-large") == 0)
		return 0.13;
	if (strcmp(model, "text-embedding-ada-002") == 0)
		return 0.10;
	return 0.02;
}

static int
known_dim(const char *model)
{
	if (strcmp(model, "text-embedding-3-small") == 0 || strcmp(model, "text-embedding-ada-002") == 0)
		return 1536;
	if (strcmp(model, "text-embedding-3-large") == 0)
		return 3072;
	return 0;
}

static const char *
env(const char *name)
{
	const char *s = getenv(name);

	return s && *s ? s : NULL;
}

struct lq_embedder *
lq_embedder_open(const struct lq_embedder_opts *o, char *err, size_t errlen)
{
	static const struct lq_embedder_opts none;
	struct lq_embedder *e;
	const char *backend;

	if (o == NULL)
		o = &none;
	backend = o->backend ? o->backend : env("LQ_EMBED_BACKEND") ? env("LQ_EMBED_BACKEND") : "local";
	e = lq_xcalloc(1, sizeof *e);
	e->trace = o->trace;
	e->cache = o->cache;
	e->jobs = o->jobs > 0 ? o->jobs : 4;
	e->batch = o->batch_size > 0 ? o->batch_size : 256;
	if (e->batch > MAX_INPUTS)
		e->batch = MAX_INPUTS;
	if (strcmp(backend, "local") == 0) {
		char dir[4096];

		e->local = 1;
		e->enc = lq_encoder_load(o->model_dir ? o->model_dir : lq_encoder_default_dir(dir, sizeof dir),
		    err, errlen);
		if (e->enc == NULL) {
			size_t l = strlen(err);
			char *src = lq_source_tree();

			/* `make model` only means something in a source tree */
			snprintf(err + l, errlen - l, " (run `lq model fetch`%s to fetch all-MiniLM-L6-v2)",
			    src ? ", or `make model` in the source tree," : "");
			free(src);
			free(e);
			return NULL;
		}
		e->dim = lq_encoder_dim(e->enc);
		e->model_id = lq_xstrdup(lq_encoder_model_id(e->enc));
		return e;
	}
	if (strcmp(backend, "openai") != 0) {
		snprintf(err, errlen, "unknown embedding backend '%s' (local, openai)", backend);
		free(e);
		return NULL;
	}
	{
		const char *base = o->base_url ? o->base_url : env("OPENAI_BASE_URL");
		const char *model = o->model ? o->model : env("LQ_EMBED_MODEL");
		size_t bl;

		if (base == NULL)
			base = "https://api.openai.com/v1";
		if (model == NULL)
			model = "text-embedding-3-small";
		bl = strlen(base);
		while (bl > 0 && base[bl - 1] == '/')
			bl--;
		e->url = lq_xasprintf("%.*s/embeddings", (int)bl, base);
		e->model = lq_xstrdup(model);
		e->dimensions = o->dimensions > 0 ? o->dimensions : 0;
		e->dim = e->dimensions ? e->dimensions : known_dim(model);
		e->model_id = e->dimensions ? lq_xasprintf("openai:%s@%d", model, e->dimensions)
		    : lq_xasprintf("openai:%s", model);
		e->price = default_price(model);
		e->key = lq_secret_env("OPENAI_API_KEY");
		if (e->key == NULL && !lq_http_loopback(e->url) && !o->dry_run) {
			snprintf(err, errlen, "the openai backend needs OPENAI_API_KEY (or a loopback OPENAI_BASE_URL)");
			lq_embedder_free(e);
			return NULL;
		}
	}
	return e;
}

struct lq_embedder *
lq_embedder_open_id(const char *model_id, const struct lq_embedder_opts *o, char *err, size_t errlen)
{
	struct lq_embedder_opts c = o ? *o : (struct lq_embedder_opts){ 0 };
	struct lq_embedder *e;
	char *m = NULL, *at;

	if (model_id == NULL) {
		snprintf(err, errlen, "no embedding model id");
		return NULL;
	}
	if (strncmp(model_id, "local:", 6) == 0) {
		c.backend = "local";
	} else if (strncmp(model_id, "openai:", 7) == 0 && model_id[7]) {
		m = lq_xstrdup(model_id + 7);
		c.backend = "openai";
		c.dimensions = 0;
		if ((at = strrchr(m, '@')) != NULL) {
			char *end;
			long d = strtol(at + 1, &end, 10);

			if (*end || d < 1 || d > 65536) {
				snprintf(err, errlen, "bad dimensions in embedding model id '%s'", model_id);
				free(m);
				return NULL;
			}
			*at = '\0';
			c.dimensions = (int)d;
		}
		c.model = m;
	} else {
		snprintf(err, errlen, "unknown embedding model id '%s' (local:NAME or openai:MODEL[@DIMS])",
		    model_id);
		return NULL;
	}
	e = lq_embedder_open(&c, err, errlen);
	free(m);
	if (e && strcmp(e->model_id, model_id) != 0) {
		snprintf(err, errlen, "the model folder holds %s, not %s", e->model_id, model_id);
		lq_embedder_free(e);
		return NULL;
	}
	return e;
}

const char *
lq_embedder_model_id(const struct lq_embedder *e)
{
	return e->model_id;
}

int
lq_embedder_remote(const struct lq_embedder *e)
{
	return !e->local;
}

double
lq_embedder_price(const struct lq_embedder *e)
{
	return e->local ? 0 : e->price;
}

int
lq_embedder_batch(const struct lq_embedder *e)
{
	return e->batch;
}

static int lookup(struct lq_embedder *e, const char *text, float *row, int *learned);

int
lq_embedder_cached(struct lq_embedder *e, const char *text)
{
	float *row = lq_xcalloc(e->dim > 0 ? (size_t)e->dim : 1, sizeof *row);
	int learned = 0, hit = lookup(e, text, row, &learned);

	free(row);
	return hit;
}

size_t
lq_embedder_text_cap(const struct lq_embedder *e)
{
	return e->local ? LQ_LEADTEXT_CAP_LOCAL : LQ_LEADTEXT_CAP_REMOTE;
}

void
lq_embedder_set_price(struct lq_embedder *e, double usd_per_mtok)
{
	e->price = usd_per_mtok;
}

void
lq_embedder_set_retry(struct lq_embedder *e, int max_attempts, double backoff, double timeout)
{
	e->max_attempts = max_attempts;
	e->backoff = backoff;
	e->timeout = timeout;
}

void
lq_embedder_set_max_wait(struct lq_embedder *e, double secs)
{
	e->max_wait = secs;
}

int
lq_embedder_attempts(const struct lq_embedder *e, size_t i)
{
	return i < e->nattempts ? e->attempts[i] : 0;
}

unsigned long long
lq_embedder_cache_hits(const struct lq_embedder *e)
{
	return e->hits;
}

void
lq_embedder_usage(const struct lq_embedder *e, unsigned long long *requests,
    unsigned long long *tokens, double *cost_usd)
{
	if (requests)
		*requests = e->requests;
	if (tokens)
		*tokens = e->tokens;
	if (cost_usd)
		*cost_usd = (double)e->tokens * e->price / 1e6;
}

void
lq_embedder_free(struct lq_embedder *e)
{
	if (e == NULL)
		return;
	if (e->enc)
		lq_encoder_free(e->enc);
	if (e->http)
		lq_http_free(e->http);
	free(e->model_id);
	free(e->model);
	free(e->url);
	free(e->attempts);
	if (e->memo) {
		memo_clear(e->memo);
		free(e->memo);
	}
	free(e);
}

/* ---- the response parser ---- */

static int
l2norm(float *v, int dim)
{
	double s = 0;
	int i;

	for (i = 0; i < dim; i++) {
		if (!isfinite(v[i]))
			return -1;
		s += (double)v[i] * v[i];
	}
	if (s <= 0)
		return -1;
	s = 1 / sqrt(s);
	for (i = 0; i < dim; i++)
		v[i] = (float)(v[i] * s);
	return 0;
}

static int
width(const json_t *emb, int *w)
{
	if (json_is_string(emb)) {
		size_t l = json_string_length(emb);

		/* base64 of 4-byte floats: 4 chars per 3 bytes, padded */
		if (l == 0 || l % 4)
			return -1;
		*w = (int)(l / 4 * 3 / 4);
		return 0;
	}
	if (json_is_array(emb) && json_array_size(emb) > 0 && json_array_size(emb) <= 65536) {
		*w = (int)json_array_size(emb);
		return 0;
	}
	return -1;
}

int
lq_embeddings_parse(const char *body, size_t len, size_t n, int *dim, float **out,
    long long *tokens, char *err, size_t errlen)
{
	json_t *j, *data, *item, *u;
	json_error_t je;
	unsigned char *seen = NULL;
	float *v = NULL;
	size_t i;
	int d = *dim;

	*out = NULL;
	*tokens = -1;
	j = json_loadb(body, len, 0, &je);
	if (j == NULL) {
		snprintf(err, errlen, "response is not JSON: %s", je.text);
		return -1;
	}
	data = json_object_get(j, "data");
	if (!json_is_array(data)) {
		snprintf(err, errlen, "response has no \"data\" array");
		goto fail;
	}
	if (json_array_size(data) != n) {
		snprintf(err, errlen, "response holds %zu embeddings for %zu inputs", json_array_size(data), n);
		goto fail;
	}
	if (n == 0) {
		snprintf(err, errlen, "no inputs");
		goto fail;
	}
	seen = lq_xcalloc(n, 1);
	json_array_foreach(data, i, item) {
		json_t *ix = json_object_get(item, "index"), *emb = json_object_get(item, "embedding");
		json_int_t k;
		int w;
		float *row;

		if (!json_is_integer(ix) || (k = json_integer_value(ix)) < 0 || (size_t)k >= n || seen[k]) {
			snprintf(err, errlen, "data[%zu]: missing, out of range or repeated \"index\"", i);
			goto fail;
		}
		seen[k] = 1;
		if (width(emb, &w) < 0) {
			snprintf(err, errlen, "data[%zu]: \"embedding\" is neither base64 nor an array of numbers", i);
			goto fail;
		}
		if (d == 0)
			d = w;
		if (w != d) {
			snprintf(err, errlen, "data[%zu]: %d dimensions, expected %d", i, w, d);
			goto fail;
		}
		if (v == NULL)
			v = lq_xreallocarray(NULL, n * (size_t)d, sizeof *v);
		row = v + (size_t)k * d;
		if (json_is_string(emb)) {
			size_t bl;
			unsigned char *b = lq_base64_decode(json_string_value(emb), json_string_length(emb), &bl);
			int x;

			if (b == NULL || bl != (size_t)d * 4) {
				free(b);
				snprintf(err, errlen, "data[%zu]: bad base64 in \"embedding\"", i);
				goto fail;
			}
			for (x = 0; x < d; x++) {
				uint32_t u32 = (uint32_t)b[4 * x] | (uint32_t)b[4 * x + 1] << 8
				    | (uint32_t)b[4 * x + 2] << 16 | (uint32_t)b[4 * x + 3] << 24;

				memcpy(&row[x], &u32, 4);
			}
			free(b);
		} else {
			size_t x;
			json_t *f;

			json_array_foreach(emb, x, f) {
				if (!json_is_number(f)) {
					snprintf(err, errlen, "data[%zu]: \"embedding\"[%zu] is not a number", i, x);
					goto fail;
				}
				row[x] = (float)json_number_value(f);
			}
		}
		if (l2norm(row, d) < 0) {
			snprintf(err, errlen, "data[%zu]: embedding is zero or not finite", i);
			goto fail;
		}
	}
	u = json_object_get(j, "usage");
	if (json_is_integer(json_object_get(u, "total_tokens")))
		*tokens = json_integer_value(json_object_get(u, "total_tokens"));
	else if (json_is_integer(json_object_get(u, "prompt_tokens")))
		*tokens = json_integer_value(json_object_get(u, "prompt_tokens"));
	free(seen);
	json_decref(j);
	*dim = d;
	*out = v;
	return 0;
fail:
	free(seen);
	free(v);
	json_decref(j);
	return -1;
}

/* ---- the remote backend ---- */

struct call {
	struct lq_embedder *e;
	const char *const *texts;
	float *out;
	char **errs;
	int *attempts;
	unsigned char *have;	/* rows filled */
	size_t nfail;
};

struct batch {
	struct call *c;
	size_t *idx;		/* indices into the call's texts */
	size_t n;
};


static void
set_err(struct call *c, size_t i, const char *msg)
{
	if (c->errs && c->errs[i] == NULL)
		c->errs[i] = lq_xstrdup(msg);
	memset(c->out + i * (size_t)c->e->dim, 0, sizeof(float) * (size_t)c->e->dim);
	c->nfail++;
}

static int
quota_error(const struct lq_http_req *r)
{
	return r->status == 429 && r->resp.data && strstr(r->resp.data, "insufficient_quota");
}

static void
cache_key(const struct lq_embedder *e, const char *text, struct lq_cache_key *k)
{
	lq_cache_key(k, LQ_NS_EMBEDDING, NS_VERSION, e->model_id, text, strlen(text));
}

static void
store(struct lq_embedder *e, const char *text, const float *row)
{
	struct lq_cache_key k;
	unsigned char *b;
	int x;

	if (e->cache == NULL)
		return;
	b = lq_xmalloc((size_t)e->dim * 4);
	for (x = 0; x < e->dim; x++) {
		uint32_t u;

		memcpy(&u, &row[x], 4);
		b[4 * x] = u & 0xff;
		b[4 * x + 1] = u >> 8 & 0xff;
		b[4 * x + 2] = u >> 16 & 0xff;
		b[4 * x + 3] = u >> 24 & 0xff;
	}
	cache_key(e, text, &k);
	lq_cache_put(e->cache, LQ_NS_EMBEDDING, &k, b, (size_t)e->dim * 4);
	free(b);
}

/* Looks text up; with dim 0 (not known yet) any width is accepted and
 * becomes the embedder's. Returns 1 on a hit (row filled). */
static int
lookup(struct lq_embedder *e, const char *text, float *row, int *learned)
{
	struct lq_cache_key k;
	size_t len, x;
	char *p;
	int ok = 0;

	if (e->cache == NULL)
		return 0;
	cache_key(e, text, &k);
	if ((p = lq_cache_get(e->cache, LQ_NS_EMBEDDING, &k, 0, &len)) == NULL)
		return 0;
	if (len > 0 && len % 4 == 0 && (e->dim == 0 || len == (size_t)e->dim * 4)) {
		if (e->dim == 0) {
			*learned = (int)(len / 4);
			ok = 1;
		} else {
			for (x = 0; x < len / 4; x++) {
				const unsigned char *b = (const unsigned char *)p + 4 * x;
				uint32_t u = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16
				    | (uint32_t)b[3] << 24;

				memcpy(&row[x], &u, 4);
			}
			ok = 1;
		}
	}
	free(p);
	return ok;
}

static void
done(struct lq_http *h, struct lq_http_req *r)
{
	struct batch *b = r->arg;
	struct call *c = b->c;
	struct lq_embedder *e = c->e;
	char err[512];
	float *v = NULL;
	long long tok;
	size_t i;
	int d = e->dim;

	if (!lq_http_ok(r)) {
		if (lq_http_fatal(r) || quota_error(r)) {
			if (!e->fatal)
				snprintf(e->fatal_msg, sizeof e->fatal_msg,
				    "%s refused the request (%s): check OPENAI_API_KEY and the account",
				    e->url, lq_http_strerror(r));
			e->fatal = 1;
		}
		snprintf(err, sizeof err, "embeddings request failed after %d attempts: %s",
		    r->attempts, lq_http_strerror(r));
		for (i = 0; i < b->n; i++)
			set_err(c, b->idx[i], e->fatal ? e->fatal_msg : err);
		goto out;
	}
	if (lq_embeddings_parse(r->resp.data ? r->resp.data : "", r->resp.len, b->n, &d, &v, &tok,
	    err, sizeof err) < 0 || (e->dim && d != e->dim)) {
		char m[600];

		if (v)
			snprintf(err, sizeof err, "%d dimensions, expected %d", d, e->dim);
		free(v);
		/* A broken 200 (cut body, missing rows) is worth another try. */
		if (!e->fatal && lq_http_retry(h, r, "bad embeddings response: %s", err))
			return;
		if (r->error[0])
			snprintf(m, sizeof m, "bad embeddings response: %s", r->error);
		else
			snprintf(m, sizeof m, "bad embeddings response after %d attempts: %s", r->attempts, err);
		for (i = 0; i < b->n; i++)
			set_err(c, b->idx[i], m);
		goto out;
	}
	r->trace_items = (long)b->n;
	if (tok < 0) {	/* the server did not say: our estimate */
		tok = 0;
		for (i = 0; i < b->n; i++)
			tok += (long long)strlen(c->texts[b->idx[i]]) / 3 + 1;
	}
	e->tokens += (unsigned long long)tok;
	for (i = 0; i < b->n; i++) {
		memcpy(c->out + b->idx[i] * (size_t)d, v + i * (size_t)d, sizeof(float) * (size_t)d);
		c->have[b->idx[i]] = 1;
		store(e, c->texts[b->idx[i]], v + i * (size_t)d);
	}
	if (e->trace) {
		json_t *l = json_pack("{s:s,s:I,s:I,s:f}", "event", "usage", "items", (json_int_t)b->n,
		    "tokens", (json_int_t)tok, "cost_usd", (double)tok * e->price / 1e6);

		lq_http_trace(e->http, l);
		json_decref(l);
	}
	free(v);
out:
	e->requests += (unsigned long long)r->attempts;
	for (i = 0; i < b->n; i++)
		c->attempts[b->idx[i]] = r->attempts;
	free(b->idx);
	free(b);
}

static void
submit(struct call *c, const size_t *idx, size_t n)
{
	struct lq_embedder *e = c->e;
	struct batch *b = lq_xcalloc(1, sizeof *b);
	json_t *body = json_object(), *in = json_array(), *ids = json_array();
	struct lq_http_req *r;
	char *text;
	size_t i;

	for (i = 0; i < n; i++)
		json_array_append_new(in, json_string(c->texts[idx[i]]));
	json_object_set_new(body, "model", json_string(e->model));
	json_object_set_new(body, "input", in);
	json_object_set_new(body, "encoding_format", json_string("base64"));
	if (e->dimensions)
		json_object_set_new(body, "dimensions", json_integer(e->dimensions));
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	b->c = c;
	b->n = n;
	b->idx = lq_xreallocarray(NULL, n, sizeof *b->idx);
	memcpy(b->idx, idx, n * sizeof *idx);
	r = lq_http_req_new("POST", e->url, text, e->key, done, b);
	free(text);
	for (i = 0; i < n && i < 8; i++)
		json_array_append_new(ids, json_integer((json_int_t)idx[i]));
	r->ids = ids;
	lq_http_submit(e->http, r);
}

static struct lq_http *
new_http(const struct lq_embedder *e)
{
	struct lq_http_opts ho = { 0 };

	ho.stage = "embed";
	ho.parallel = e->jobs;
	ho.timeout = e->timeout;
	ho.max_attempts = e->max_attempts;
	ho.backoff = e->backoff;
	ho.max_wait = e->max_wait;
	ho.trace = e->trace;
	return lq_http_new(&ho);
}

static int
remote(struct lq_embedder *e, const char *const *texts, size_t n, float *out, char **errs,
    unsigned char *have)
{
	struct call c = { e, texts, out, errs, e->attempts, have, 0 };
	size_t *idx = lq_xreallocarray(NULL, n ? n : 1, sizeof *idx), k = 0, i;
	size_t tok = 0;

	if (e->http == NULL) {
		e->http = new_http(e);
	}
	for (i = 0; i < n; i++) {
		size_t t = strlen(texts[i]) / 3 + 1;

		if (have[i] || texts[i][0] == '\0')
			continue;	/* cached, or refused before sending */
		if (k > 0 && (k == (size_t)e->batch || tok + t > MAX_TOKENS)) {
			submit(&c, idx, k);
			k = tok = 0;
		}
		idx[k++] = i;
		tok += t;
		/* Keep the window busy without queueing the whole input. */
		while (lq_http_pending(e->http) > 2 * e->jobs)
			lq_http_run(e->http, 0.05);
		if (e->fatal)
			break;
	}
	if (k > 0 && !e->fatal)
		submit(&c, idx, k);
	while (lq_http_pending(e->http) > 0)
		lq_http_run(e->http, 0.05);
	free(idx);
	if (e->fatal) {
		for (i = 0; i < n; i++)
			if (!have[i] && texts[i][0] && (errs == NULL || errs[i] == NULL))
				set_err(&c, i, e->fatal_msg);
		return -1;
	}
	return (int)c.nfail;
}

struct probe {
	struct lq_embedder *e;
	int dim;
};

static void
probe_done(struct lq_http *h, struct lq_http_req *r)
{
	struct probe *p = r->arg;
	struct lq_embedder *e = p->e;
	char err[256];
	float *v = NULL;
	long long tok;
	int d = 0;

	if (!lq_http_ok(r)) {
		e->requests += (unsigned long long)r->attempts;
		snprintf(e->fatal_msg, sizeof e->fatal_msg, "%s: cannot learn the width of %s: %s",
		    e->url, e->model, lq_http_strerror(r));
		if (lq_http_fatal(r) || quota_error(r))
			e->fatal = 1;
		return;
	}
	if (lq_embeddings_parse(r->resp.data ? r->resp.data : "", r->resp.len, 1, &d, &v, &tok,
	    err, sizeof err) < 0) {
		if (lq_http_retry(h, r, "bad embeddings response: %s", err))
			return;
		e->requests += (unsigned long long)r->attempts;
		snprintf(e->fatal_msg, sizeof e->fatal_msg, "%s: bad embeddings response: %s", e->url,
		    r->error[0] ? r->error : err);
		return;
	}
	e->requests += (unsigned long long)r->attempts;
	if (tok > 0)
		e->tokens += (unsigned long long)tok;
	p->dim = d;
	e->dim = d;
	store(e, "dimension probe", v);
	free(v);
}

/* Learns the width of a model we do not know from one small request
 * (cached, so it is paid once per model). On failure dim stays 0 and
 * fatal_msg says why. */
static void
probe(struct lq_embedder *e)
{
	static const char text[] = "dimension probe";
	struct probe p = { e, 0 };
	json_t *body;
	char *t;
	float dummy;
	int learned = 0;

	if (lookup(e, text, &dummy, &learned) && learned > 0) {
		e->dim = learned;
		return;
	}
	if (e->http == NULL) {
		e->http = new_http(e);
	}
	body = json_pack("{s:s,s:[s],s:s}", "model", e->model, "input", text, "encoding_format", "base64");
	t = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	lq_http_submit(e->http, lq_http_req_new("POST", e->url, t, e->key, probe_done, &p));
	free(t);
	while (lq_http_pending(e->http) > 0)
		lq_http_run(e->http, 0.05);
}

int
lq_embedder_embed(struct lq_embedder *e, const char *const *texts, size_t n, float *out, char **errs)
{
	size_t i, nfail = 0;
	int learned = 0;
	unsigned char *have;

	if (e->dim == 0)
		lq_embedder_dim(e);
	free(e->attempts);
	e->attempts = lq_xcalloc(n ? n : 1, sizeof *e->attempts);
	e->nattempts = n;
	memset(out, 0, sizeof(float) * n * (size_t)e->dim);
	if (errs)
		for (i = 0; i < n; i++)
			errs[i] = NULL;
	if (e->fatal || e->dim == 0) {
		for (i = 0; i < n; i++)
			if (errs)
				errs[i] = lq_xstrdup(e->fatal_msg[0] ? e->fatal_msg
				    : "the embedding width of the model is unknown");
		return -1;
	}
	have = lq_xcalloc(n ? n : 1, 1);
	if (errs)
		for (i = 0; i < n; i++)
			errs[i] = NULL;
	if (e->local) {
		if (e->memo == NULL)
			e->memo = lq_xcalloc(1, sizeof *e->memo);
		if (e->memo->n + n > MEMO_MAX)
			memo_clear(e->memo);
	}
	for (i = 0; i < n; i++) {
		struct memo_slot *ms = NULL;
		float *row = out + i * (size_t)e->dim;

		if (texts[i][0] == '\0') {
			if (errs)
				errs[i] = lq_xstrdup("empty text");
			nfail++;
			continue;
		}
		/* A short text met before in this run is not looked up in the
		 * cache again (a file read and a digest each): the memo holds
		 * the same floats the cache would give. */
		if (e->local && strlen(texts[i]) <= MEMO_TEXT_MAX) {
			uint32_t h = memo_hash(texts[i]);

			ms = memo_find(e->memo, texts[i], h);
			if (ms->text && ms->vec && ms->cached) {
				memcpy(row, ms->vec, sizeof(float) * (size_t)e->dim);
				have[i] = 1;
				e->hits++;
				continue;
			}
			if (ms->text || e->memo->n >= MEMO_MAX)
				ms = NULL;
			else
				ms->hash = h;
		}
		if (lookup(e, texts[i], row, &learned)) {
			have[i] = 1;
			e->hits++;
			if (ms) {
				ms->text = lq_xstrdup(texts[i]);
				ms->vec = lq_xmalloc(sizeof(float) * (size_t)e->dim);
				memcpy(ms->vec, row, sizeof(float) * (size_t)e->dim);
				ms->cached = 1;
				e->memo->n++;
			}
		}
	}
	if (e->local) {
		const char **todo = lq_xreallocarray(NULL, n ? n : 1, sizeof *todo);
		size_t *where = lq_xreallocarray(NULL, n ? n : 1, sizeof *where), m = 0, k;
		size_t *alias = lq_xreallocarray(NULL, n ? n : 1, sizeof *alias);
		size_t dim = (size_t)e->dim;
		float *v;

		for (i = 0; i < n; i++) {
			struct memo_slot *ms = NULL;

			alias[i] = SIZE_MAX;
			if (!texts[i][0] || have[i])
				continue;
			if (strlen(texts[i]) <= MEMO_TEXT_MAX && e->memo->n < MEMO_MAX) {
				uint32_t h = memo_hash(texts[i]);

				ms = memo_find(e->memo, texts[i], h);
				if (ms->text && ms->vec) {
					memcpy(out + i * dim, ms->vec, sizeof(float) * dim);
					continue;
				}
				if (ms->text) {		/* already in this call's todo */
					alias[i] = ms->pending;
					continue;
				}
				ms->text = lq_xstrdup(texts[i]);
				ms->hash = h;
				ms->pending = m;
				e->memo->n++;
			}
			where[m] = i, todo[m++] = texts[i];
		}
		if (m > 0) {
			v = lq_xreallocarray(NULL, m * dim, sizeof *v);
			if (lq_encoder_embed(e->enc, todo, m, v) < 0)
				lq_die(LQ_EXIT_FATAL, "out of memory in the encoder");
			for (k = 0; k < m; k++) {
				memcpy(out + where[k] * dim, v + k * dim, sizeof(float) * dim);
				store(e, todo[k], v + k * dim);
				struct memo_slot *ms = strlen(todo[k]) <= MEMO_TEXT_MAX ?
				    memo_find(e->memo, todo[k], memo_hash(todo[k])) : NULL;

				if (ms && ms->text && ms->vec == NULL) {
					ms->vec = lq_xmalloc(sizeof(float) * dim);
					memcpy(ms->vec, v + k * dim, sizeof(float) * dim);
				}
			}
			for (i = 0; i < n; i++)
				if (alias[i] != SIZE_MAX)
					memcpy(out + i * dim, v + alias[i] * dim, sizeof(float) * dim);
			free(v);
		}
		free(alias);
		free(todo);
		free(where);
		free(have);
		return (int)nfail;
	}
	{
		int r = remote(e, texts, n, out, errs, have);

		free(have);
		return r < 0 ? -1 : r + (int)nfail;
	}
}

int
lq_embedder_dim(const struct lq_embedder *ce)
{
	struct lq_embedder *e = (struct lq_embedder *)ce;

	if (e->dim == 0 && !e->local && !e->fatal && !e->probed) {
		e->probed = 1;
		probe(e);
	}
	return e->dim;
}
