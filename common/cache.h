/* cache.h: the content-addressed flat-file cache shared by every stage (docs/cache.md). */
#ifndef LQ_CACHE_H
#define LQ_CACHE_H

#include <stddef.h>

#include <jansson.h>

/* Namespaces and their versions: bump a version when what a stage stores
 * under it changes meaning, so old objects are never served. */
#define LQ_NS_PROFILE "profile"		/* scraped profiles, by profile id/URL */
#define LQ_NS_EMBEDDING "embedding"	/* vectors, by model + text */
#define LQ_NS_CLASSIFY "classification"	/* labels, by model + prompt version + input */
#define LQ_NS_RERANK "rerank"
#define LQ_NS_ICP "icp"

/* A key: SHA-256 over (namespace, namespace version, model or actor id,
 * canonical input), and its lowercase hex form (the object's file name is
 * objects/<hex[0..1]>/<hex[2..63]>). */
struct lq_cache_key {
	unsigned char sha[32];
	char hex[65];
};

struct lq_cache;

/* Computes the key. The four parts are length-prefixed before hashing, so
 * no two different tuples collide by concatenation. model may be "". */
void lq_cache_key(struct lq_cache_key *k, const char *ns, int ns_version,
    const char *model, const void *input, size_t inlen);

/* Opens (creating if needed: objects/, tmp/, CACHEDIR.TAG) the cache in
 * dir, or when dir is NULL in $LQ_CACHE_DIR, else $XDG_CACHE_HOME/lq, else
 * $HOME/.cache/lq. LQ_NO_CACHE=1 gives a disabled cache (every get misses,
 * every put is dropped); LQ_CACHE_READONLY=1 one that never writes.
 * If the directory cannot be created the cache is disabled with a warning
 * (records still flow). Never returns NULL. */
struct lq_cache *lq_cache_open(const char *dir);

/* --refresh: gets always miss (objects are still written). */
void lq_cache_set_refresh(struct lq_cache *c, int on);

/* Looks up key k in namespace ns. Returns the payload as a new buffer
 * (NUL-terminated; its length in *len if len is not NULL) or NULL on a
 * miss. Objects older than max_age seconds (0: no limit), corrupt or
 * truncated objects (checksum mismatch) are misses, never served. A hit
 * refreshes the object's mtime (least-recently-used eviction). */
char *lq_cache_get(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    double max_age, size_t *len);

/* lq_cache_get for JSON payloads: returns a new reference or NULL. */
json_t *lq_cache_get_json(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    double max_age);

/* Stores data under k: written to a temp file in tmp/ of the same file
 * system, then renamed into place, so no reader sees half an object; an
 * existing object counts as success. Returns 0, or -1 after a warning
 * (disk full, read-only, disabled): callers go on without the cache. */
int lq_cache_put(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    const void *data, size_t len);
int lq_cache_put_json(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    const json_t *j);

/* The cache directory, or NULL when disabled. */
const char *lq_cache_dir(const struct lq_cache *c);

/* Hits and misses of this process in namespace ns. */
unsigned long long lq_cache_hits(const struct lq_cache *c, const char *ns);
unsigned long long lq_cache_misses(const struct lq_cache *c, const char *ns);

/* Records this process's hit/miss counters for `cache stats` and frees c. */
void lq_cache_close(struct lq_cache *c);

#endif
