/* cache.h: the content-addressed flat-file cache shared by every stage (docs/cache.md). */
#ifndef LQ_CACHE_H
#define LQ_CACHE_H

#include <stddef.h>

#include <jansson.h>

#include "util.h"

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

/* ---- Additions (docs/cache.md). Everything above is the stable contract. ----
 *
 * Warnings: lq_cache_put warns once per handle on a write failure (disk
 * full, permissions) and then returns -1 quietly; a cache disabled by
 * LQ_NO_CACHE or made read-only by LQ_CACHE_READONLY returns -1 without a
 * warning, since the user asked for it. A handle is used by one thread at a
 * time; several processes and machines may share one directory. */

/* Default time-to-live of scraped profiles (DESIGN.md): 30 days in seconds. */
#define LQ_CACHE_TTL_PROFILE (30.0 * 86400)

/* Largest object file read or written (1 GiB): a bigger file is corrupt. */
#define LQ_CACHE_MAX_OBJECT (1LL << 30)

/* With on, later lq_cache_put calls queue a copy of the object (at most
 * 512 wait; a full queue blocks) and return 0 at once; a writer thread
 * does the work, so a program reacting to the network is not held up by
 * file creation (about 1 ms each on some disks). Write failures are then
 * only warned about. With 0 (and in lq_cache_close) waits for the queue
 * and stops the thread. Not for several threads of the caller: the
 * handle's other functions stay single-threaded. Returns 0, -1 if no
 * thread could be started (puts stay synchronous). */
int lq_cache_set_async(struct lq_cache *c, int on);

/* Waits until every queued write is done (no-op when synchronous). */
void lq_cache_sync(struct lq_cache *c);

/* Stores made by this process in namespace ns. */
unsigned long long lq_cache_stores(const struct lq_cache *c, const char *ns);

/* The directory lq_cache_open(NULL) would use, as a new string the caller
 * frees, or NULL when neither LQ_CACHE_DIR, XDG_CACHE_HOME nor HOME is set.
 * Creates nothing. */
char *lq_cache_default_dir(void);

/* 1 if ns is a valid namespace name: 1 to 32 of [a-z0-9_-]. */
int lq_cache_ns_valid(const char *ns);

/* One parsed object file. payload points into the parsed buffer. */
struct lq_cache_object {
	char key[65];		/* hex key recorded in the header */
	char ns[33];		/* namespace */
	long long created;	/* Unix time the object was written */
	size_t hdrlen;		/* bytes of the header line, newline included */
	size_t len;		/* payload length */
	const char *payload;
};

/* Parses the header line at the start of buf[0..n) into o (payload and
 * the checksum are not checked; o->payload is NULL). Returns 0, or -1 with
 * a static reason in *why. Enough for listings that read only a prefix. */
int lq_cache_header_parse(const char *buf, size_t n, struct lq_cache_object *o,
    const char **why);

/* Parses a whole object file buf[0..n): the header, then the payload's
 * length (the file must end exactly after it) and its SHA-256. Returns 0
 * with o filled, or -1 with a static reason in *why ("bad magic",
 * "truncated", "checksum mismatch", ...). Never reads outside buf. */
int lq_cache_object_parse(const char *buf, size_t n, struct lq_cache_object *o,
    const char **why);

/* Appends the object file for (k, ns, created, data[0..len)) to b. */
void lq_cache_object_encode(struct lq_buf *b, const struct lq_cache_key *k,
    const char *ns, long long created, const void *data, size_t len);

/* ---- The run journal (docs/cache.md): paid work in flight ----
 * Small JSON documents in runs/NAME.json, one per piece of paid work a
 * stage started (scrape: one Apify run). A stage writes the entry before
 * it starts the work and removes it once the results are in the cache, so
 * that after a crash (kill -9, power cut) the next run finds the work and
 * reattaches to it instead of paying for it again. NAME: 1..100 of
 * [a-z0-9_-]. Writes are synchronous even in async mode, atomic (temp
 * file, rename), follow no symbolic link and use the objects' mode. */

/* Writes (or replaces) entry NAME. Returns 0, or -1 (after the cache's
 * one warning) when it could not be written or the cache is disabled or
 * read-only. */
int lq_journal_put(struct lq_cache *c, const char *name, const json_t *doc);

/* Removes entry NAME (a missing one is no error). Returns 0 or -1. */
int lq_journal_del(struct lq_cache *c, const char *name);

/* Every readable entry whose name starts with prefix, as a new object
 * NAME -> document; unreadable or malformed entries are left out. */
json_t *lq_journal_list(struct lq_cache *c, const char *prefix);

/* Human durations and sizes for options (--max-age, --max-size).
 * lq_parse_duration: a non-negative number with a unit s, m, h, d or w
 * (a bare number means days), in seconds. lq_parse_size: a non-negative
 * number with an optional suffix K, M, G, T (powers of 1000) or Ki, Mi,
 * Gi, Ti (powers of 1024), optionally followed by B; in bytes. On a bad
 * value both die with LQ_EXIT_USAGE naming opt and the value. */
double lq_parse_duration(const char *opt, const char *s);
unsigned long long lq_parse_size(const char *opt, const char *s);

#endif
