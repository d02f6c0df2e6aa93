/* embedder.h: one interface over the embedding backends, with the cache. */
#ifndef LQ_EMBEDDER_H
#define LQ_EMBEDDER_H

#include <stddef.h>
#include <stdio.h>

struct lq_cache;

/* How to embed. Zero fields take the defaults in brackets. */
struct lq_embedder_opts {
	const char *backend;	/* "local" or "openai" [$LQ_EMBED_BACKEND, else "local"] */
	const char *model;	/* openai: model name [$LQ_EMBED_MODEL, else text-embedding-3-small];
				   unused by local */
	const char *model_dir;	/* local: the encoder's folder [lq_encoder_default_dir()] */
	const char *base_url;	/* openai: [$OPENAI_BASE_URL, else https://api.openai.com/v1] */
	int dimensions;		/* openai: requested width, 0 for the model's own */
	int jobs;		/* openai: requests at once [4] */
	int batch_size;		/* openai: inputs per request, at most 2048 [256] */
	FILE *trace;		/* one JSON line per request, or NULL */
	struct lq_cache *cache;	/* namespace "embedding", keyed by model id + text; or NULL */
	int dry_run;		/* openai: nothing will be sent (--dry-run): no key needed */
};

struct lq_embedder;

/* Opens a backend. The OpenAI key comes from $OPENAI_API_KEY (required
 * for "openai" unless the base URL is a loopback address) and is never
 * written anywhere. Returns NULL with a message in err (unknown backend,
 * missing key, model folder not found: the message names `lq model
 * fetch`, and `make model` when the program runs from a source tree). */
struct lq_embedder *lq_embedder_open(const struct lq_embedder_opts *o, char *err, size_t errlen);

/* Opens the backend that produced vectors tagged model_id (the
 * "embedding_model" of a record, e.g. "local:all-MiniLM-L6-v2" or
 * "openai:text-embedding-3-small" or "openai:text-embedding-3-small@512"),
 * so that an ICP is embedded with the lead's own model. */
struct lq_embedder *lq_embedder_open_id(const char *model_id, const struct lq_embedder_opts *o,
    char *err, size_t errlen);

/* The model id written into records as "embedding_model"; owned by e. */
const char *lq_embedder_model_id(const struct lq_embedder *e);

/* Vector width. */
int lq_embedder_dim(const struct lq_embedder *e);

/* Embeds n NUL-terminated UTF-8 texts into out[n * dim], each row L2
 * normalised. Cached texts are not sent again. For each text that could
 * not be embedded errs[i] is set to a malloc'ed message (the caller
 * frees) and its row is zero; errs may be NULL. Returns the number of
 * failed texts, or -1 when the backend became unusable (401/403,
 * insufficient_quota: fatal to the stage): texts embedded before that
 * (cached, or answered and paid for) still have their rows and errs[i]
 * NULL, the others carry the message in errs[i]. */
int lq_embedder_embed(struct lq_embedder *e, const char *const *texts, size_t n,
    float *out, char **errs);

/* Requests sent, tokens used (as reported by the API), estimated cost in
 * USD; all 0 for the local backend. */
void lq_embedder_usage(const struct lq_embedder *e, unsigned long long *requests,
    unsigned long long *tokens, double *cost_usd);

void lq_embedder_free(struct lq_embedder *e);

/* ---- additions beyond the shared contract ---- */

/* Price in USD per million tokens used for the cost estimate [0.02, the
 * price of text-embedding-3-small; 0.13 for -3-large, 0.10 for ada-002]. */
void lq_embedder_set_price(struct lq_embedder *e, double usd_per_mtok);

/* Retry policy of the remote backend (before the first embed): attempts
 * per request [3], first backoff in seconds [0.5], timeout per attempt
 * in seconds [90]. Zero keeps a default. */
void lq_embedder_set_retry(struct lq_embedder *e, int max_attempts, double backoff,
    double timeout);

/* Longest wait in seconds a server may ask for before a retry; a longer
 * one fails the request [LQ_RETRY_MAX_WAIT]. */
void lq_embedder_set_max_wait(struct lq_embedder *e, double secs);

/* Attempts spent on text i of the last lq_embedder_embed call (0 for a
 * cache hit or the local backend). */
int lq_embedder_attempts(const struct lq_embedder *e, size_t i);

/* Cache hits of this embedder. */
unsigned long long lq_embedder_cache_hits(const struct lq_embedder *e);

/* For the spend guards (spend.h): 1 if the backend is remote (it costs),
 * its price in USD per million tokens, inputs per request, and 1 if the
 * cache holds text's vector for this model (nothing would be sent for
 * it). None of them sends anything. */
int lq_embedder_remote(const struct lq_embedder *e);
double lq_embedder_price(const struct lq_embedder *e);
int lq_embedder_batch(const struct lq_embedder *e);
int lq_embedder_cached(struct lq_embedder *e, const char *text);

/* The text cap in bytes that fits the backend (LQ_LEADTEXT_CAP_*). */
size_t lq_embedder_text_cap(const struct lq_embedder *e);

/* Parses an OpenAI /v1/embeddings response body for a request of n
 * inputs: every index 0..n-1 exactly once, "embedding" a base64 string
 * of little-endian float32 or an array of numbers, all of one width,
 * finite and not all zero. *dim: the expected width, or 0 to learn it
 * (set on success). On success *out is a new array of n * *dim floats,
 * rows in index order and L2-normalised, *tokens the reported
 * usage.total_tokens (prompt_tokens if absent; -1 if neither), and 0 is
 * returned; on error -1 and a message in err. */
int lq_embeddings_parse(const char *body, size_t len, size_t n, int *dim, float **out,
    long long *tokens, char *err, size_t errlen);

#endif
