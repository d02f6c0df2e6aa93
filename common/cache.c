/* cache.c: the content-addressed flat-file cache (docs/cache.md). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "lazy.h"
#include "ndjson.h"
#include "sha256.h"
#include "util.h"

#define MAGIC "lqcache1"

/* Longest header line: magic, key, namespace, two numbers, checksum. */
#define HDR_MAX 256

/* A hit refreshes the mtime only when it is older than this: LRU needs no
 * finer resolution, and a rerun then costs no metadata write per hit. */
#define TOUCH_SLACK 3600

/* Temp files older than this are left by crashed writers and are removed
 * on open (no live writer keeps a temp file for a day). */
#define TMP_STALE (24 * 3600)

struct ns_count {
	char ns[33];
	unsigned long long hits, misses, stores;
};

struct lq_cache {
	char *dir;		/* NULL: disabled */
	int readonly;
	int refresh;
	int durable;		/* LQ_CACHE_FSYNC: fsync before rename */
	int warned;		/* a write failure was reported */
	mode_t fmode;		/* objects: 0666 & ~LQ_CACHE_UMASK [0600] */
	mode_t dmode;		/* directories: 0777 & ~LQ_CACHE_UMASK [0700] */
	struct ns_count *counts;
	size_t ncounts;
	struct writer *w;	/* lq_cache_set_async: NULL when puts are synchronous */
};

/* A queued write of lq_cache_set_async. */
struct job {
	char ns[33];
	struct lq_cache_key k;
	char *data;
	size_t len;
	struct job *next;
};

/* How many writes may wait: enough to ride out bursts of a few hundred
 * objects, little enough that a kill -9 loses no more. */
#define ASYNC_QUEUE 512

struct writer {
	pthread_t tid;
	pthread_mutex_t mu;	/* guards everything below and c->counts */
	pthread_cond_t more, room, idle;
	struct job *head, *tail;
	int len, busy, quit;
};

static const char tag_text[] =
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# This file is a cache directory tag created by lq.\n"
    "# For information about cache directory tags see https://bford.info/cachedir/\n";

static int
env_true(const char *name)
{
	const char *v = getenv(name);

	return v != NULL && *v != '\0' && strcmp(v, "0") != 0;
}

/* ---- keys and the object format ---- */

static void
add_field(struct lq_sha256 *h, const void *p, size_t n)
{
	unsigned char len[8];

	for (int i = 0; i < 8; i++)
		len[i] = (unsigned char)((uint64_t)n >> (56 - 8 * i));
	lq_sha256_update(h, len, 8);
	lq_sha256_update(h, p, n);
}

void
lq_cache_key(struct lq_cache_key *k, const char *ns, int ns_version,
    const char *model, const void *input, size_t inlen)
{
	struct lq_sha256 h;
	char ver[24];
	int n = snprintf(ver, sizeof ver, "%d", ns_version);

	if (model == NULL)
		model = "";
	lq_sha256_init(&h);
	add_field(&h, ns, strlen(ns));
	add_field(&h, ver, (size_t)n);
	add_field(&h, model, strlen(model));
	add_field(&h, input, inlen);
	lq_sha256_final(&h, k->sha);
	lq_sha256_hex(k->sha, k->hex);
}

int
lq_cache_ns_valid(const char *ns)
{
	size_t n = 0;

	if (ns == NULL)
		return 0;
	for (; ns[n]; n++)
		if (!((ns[n] >= 'a' && ns[n] <= 'z') || (ns[n] >= '0' && ns[n] <= '9') ||
		    ns[n] == '_' || ns[n] == '-'))
			return 0;
	return n >= 1 && n <= 32;
}

void
lq_cache_object_encode(struct lq_buf *b, const struct lq_cache_key *k,
    const char *ns, long long created, const void *data, size_t len)
{
	unsigned char sha[32];
	char hex[65];

	lq_sha256(data, len, sha);
	lq_sha256_hex(sha, hex);
	lq_buf_addf(b, "%s %s %s %lld %zu %s\n", MAGIC, k->hex, ns, created, len, hex);
	lq_buf_add(b, data, len);
}

/* Reads a field of the header: the bytes up to the next space (or the end
 * of the line). Returns its length, 0 if empty. */
static size_t
field(const char *p, const char *end, char stop)
{
	size_t n = 0;

	while (p + n < end && p[n] != stop && p[n] != ' ' && p[n] != '\n')
		n++;
	return n;
}

static int
is_hex64(const char *p, size_t n)
{
	if (n != 64)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'f')))
			return 0;
	return 1;
}

/* A decimal number without sign or leading zeros, at most max. */
static int
number(const char *p, size_t n, unsigned long long max, unsigned long long *v)
{
	unsigned long long x = 0;

	if (n == 0 || n > 19 || (n > 1 && p[0] == '0'))
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		x = x * 10 + (unsigned long long)(p[i] - '0');
	}
	if (x > max)
		return -1;
	*v = x;
	return 0;
}

#define FAIL(msg) do { *why = (msg); return -1; } while (0)

int
lq_cache_header_parse(const char *buf, size_t n, struct lq_cache_object *o,
    const char **why)
{
	const char *p = buf, *end, *nl;
	unsigned long long v;
	size_t f;

	memset(o, 0, sizeof *o);
	if (n < sizeof MAGIC || memcmp(buf, MAGIC " ", sizeof MAGIC) != 0)
		FAIL(n < sizeof MAGIC && memcmp(buf, MAGIC, n) == 0 ? "truncated" : "bad magic");
	nl = memchr(buf, '\n', n < HDR_MAX ? n : HDR_MAX);
	if (nl == NULL)
		FAIL(n < HDR_MAX ? "truncated" : "header too long");
	end = nl;
	p += sizeof MAGIC;

	f = field(p, end, ' ');
	if (!is_hex64(p, f) || p + f >= end || p[f] != ' ')
		FAIL("bad key in header");
	memcpy(o->key, p, 64);
	o->key[64] = '\0';
	p += f + 1;

	f = field(p, end, ' ');
	if (f == 0 || f > 32 || p + f >= end || p[f] != ' ')
		FAIL("bad namespace in header");
	memcpy(o->ns, p, f);
	o->ns[f] = '\0';
	if (strlen(o->ns) != f || !lq_cache_ns_valid(o->ns))	/* no NUL inside */
		FAIL("bad namespace in header");
	p += f + 1;

	f = field(p, end, ' ');
	if (number(p, f, (unsigned long long)LLONG_MAX, &v) != 0 || p + f >= end || p[f] != ' ')
		FAIL("bad creation time in header");
	o->created = (long long)v;
	p += f + 1;

	f = field(p, end, ' ');
	if (number(p, f, (unsigned long long)LQ_CACHE_MAX_OBJECT, &v) != 0 ||
	    p + f >= end || p[f] != ' ')
		FAIL("bad length in header");
	o->len = (size_t)v;
	p += f + 1;

	f = field(p, end, ' ');
	if (!is_hex64(p, f) || p + f != end)
		FAIL("bad checksum in header");
	o->hdrlen = (size_t)(end - buf) + 1;
	return 0;
}

int
lq_cache_object_parse(const char *buf, size_t n, struct lq_cache_object *o,
    const char **why)
{
	unsigned char sha[32];
	char hex[65];
	const char *sum;

	if (lq_cache_header_parse(buf, n, o, why) != 0)
		return -1;
	if (n - o->hdrlen < o->len)
		FAIL("truncated");
	if (n - o->hdrlen > o->len)
		FAIL("trailing bytes after the payload");
	o->payload = buf + o->hdrlen;
	lq_sha256(o->payload, o->len, sha);
	lq_sha256_hex(sha, hex);
	sum = buf + o->hdrlen - 65;	/* the checksum ends the header line */
	if (memcmp(sum, hex, 64) != 0) {
		o->payload = NULL;
		FAIL("checksum mismatch");
	}
	return 0;
}

/* ---- opening ---- */

char *
lq_cache_default_dir(void)
{
	const char *v;

	if ((v = getenv("LQ_CACHE_DIR")) != NULL && *v != '\0')
		return lq_xstrdup(v);
	if ((v = getenv("XDG_CACHE_HOME")) != NULL && *v != '\0')
		return lq_xasprintf("%s/lq", v);
	if ((v = getenv("HOME")) != NULL && *v != '\0')
		return lq_xasprintf("%s/.cache/lq", v);
	return NULL;
}

/* mkdir -p of the cache directory itself with mode dmode (less the
 * process umask). The path is the user's: symbolic links in it are
 * followed; below it, nothing is (open_sub). */
static int
mkdirs(const char *path, mode_t dmode)
{
	char *p = lq_xstrdup(path);
	int rc = 0;

	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char c = *s;

			*s = '\0';
			if (mkdir(p, dmode) != 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = c;
			if (c == '\0')
				break;
		}
	}
	if (rc == 0) {
		struct stat st;

		if (stat(path, &st) != 0)
			rc = -1;
		else if (!S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = -1;
		}
	}
	free(p);
	return rc;
}

static int
write_all(int fd, const void *p, size_t n)
{
	const char *s = p;

	while (n > 0) {
		ssize_t w = write(fd, s, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		s += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The cache directory, opened for the *at() calls below; -1 on error. */
static int
open_root(const struct lq_cache *c)
{
	return open(c->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

/* Opens the directory name (one component) in dirfd without following a
 * symbolic link, so a link planted in a shared cache (objects/ab -> /x)
 * never redirects a write. With create, a missing directory is made with
 * c->dmode. Returns the descriptor, or -1 with errno (ELOOP or ENOTDIR
 * for a link or a file in the way). */
static int
open_sub(const struct lq_cache *c, int dirfd, const char *name, int create)
{
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	int made = 0;

	if (fd < 0 && errno == ENOENT && create) {
		if (mkdirat(dirfd, name, c->dmode) == 0)
			made = 1;
		else if (errno != EEXIST)
			return -1;
		fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		if (fd >= 0 && made)
			(void)fchmod(fd, c->dmode);	/* exact, whatever the process umask */
	}
	if (fd < 0 && errno == ENOTDIR) {
		struct stat st;

		/* O_NOFOLLOW|O_DIRECTORY on a link gives ENOTDIR on some systems. */
		if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode))
			errno = ELOOP;
	}
	return fd;
}

/* Creates a new temp file in the directory tmpfd, named after hint, with
 * c->fmode; its name goes to name[size]. Returns the descriptor or -1. */
static int
open_temp(const struct lq_cache *c, int tmpfd, const char *hint, char *name, size_t size)
{
	static unsigned seq;

	for (int tries = 0; tries < 100; tries++) {
		unsigned n = __atomic_add_fetch(&seq, 1, __ATOMIC_RELAXED);
		int fd;

		snprintf(name, size, "%.16s.%ld.%u.%lx", hint, (long)getpid(), n,
		    (unsigned long)(lq_now() * 1e6) & 0xfffff);
		fd = openat(tmpfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, c->fmode);
		if (fd >= 0) {
			if (fchmod(fd, c->fmode) != 0) {
				int e = errno;

				close(fd);
				unlinkat(tmpfd, name, 0);
				errno = e;
				return -1;
			}
			return fd;
		}
		if (errno != EEXIST)
			return -1;
	}
	return -1;
}

/* Creates CACHEDIR.TAG if it is missing (temp file + rename, like objects). */
static int
write_tag(struct lq_cache *c)
{
	char name[96];
	int root, tmpfd = -1, fd, rc = 0;

	if ((root = open_root(c)) < 0)
		return -1;
	if (faccessat(root, "CACHEDIR.TAG", F_OK, AT_SYMLINK_NOFOLLOW) == 0) {
		close(root);
		return 0;
	}
	if ((tmpfd = open_sub(c, root, "tmp", 1)) < 0 ||
	    (fd = open_temp(c, tmpfd, "CACHEDIR.TAG", name, sizeof name)) < 0) {
		rc = -1;
	} else {
		if (write_all(fd, tag_text, sizeof tag_text - 1) != 0)
			rc = -1;
		if (close(fd) != 0)
			rc = -1;
		if (rc == 0 && renameat(tmpfd, name, root, "CACHEDIR.TAG") != 0)
			rc = -1;
		if (rc != 0) {
			int e = errno;

			unlinkat(tmpfd, name, 0);
			errno = e;
		}
	}
	if (tmpfd >= 0)
		close(tmpfd);
	close(root);
	return rc;
}

/* Removes temp files left by crashed writers. */
static void
sweep_tmp(const char *dir)
{
	char *tmp = lq_xasprintf("%s/tmp", dir);
	int fd = open(tmp, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	struct dirent *e;
	time_t now = time(NULL);

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			struct stat st;

			if (e->d_name[0] == '.')
				continue;
			if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    S_ISREG(st.st_mode) && now - st.st_mtime > TMP_STALE)
				unlinkat(dirfd(d), e->d_name, 0);
		}
		closedir(d);
	} else if (fd >= 0) {
		close(fd);
	}
	free(tmp);
}

/* LQ_CACHE_UMASK (octal, like umask(1)), else 077: profiles are personal
 * data, so objects are 0600 and directories 0700 unless the user shares
 * the cache on purpose (LQ_CACHE_UMASK=007 for a group). */
static mode_t
cache_umask(void)
{
	const char *v = getenv("LQ_CACHE_UMASK");
	char *end;
	long m;

	if (v == NULL || *v == '\0')
		return 077;
	errno = 0;
	m = strtol(v, &end, 8);
	if (*end != '\0' || errno != 0 || m < 0 || m > 0777) {
		lq_warn("LQ_CACHE_UMASK: '%s' is not an octal mask such as 077 or 007; using 077", v);
		return 077;
	}
	return (mode_t)m;
}

static struct lq_cache *
disable(struct lq_cache *c)
{
	free(c->dir);
	c->dir = NULL;
	return c;
}

struct lq_cache *
lq_cache_open(const char *dir)
{
	struct lq_cache *c = lq_xcalloc(1, sizeof *c);
	static const char *const subdirs[] = { "objects", "tmp", "stats" };
	mode_t um;
	int root;

	um = cache_umask();
	c->fmode = 0666 & ~um;
	c->dmode = 0777 & ~um;
	/* A write past `ulimit -f` fails with EFBIG ("not stored") instead
	 * of killing the program. */
	signal(SIGXFSZ, SIG_IGN);
	if (env_true("LQ_NO_CACHE"))
		return c;
	c->dir = dir ? lq_xstrdup(dir) : lq_cache_default_dir();
	if (c->dir == NULL) {
		lq_warn("cache: no cache directory (set LQ_CACHE_DIR or HOME); going on without the cache");
		return c;
	}
	if (strlen(c->dir) > PATH_MAX - 128) {
		lq_warn("cache: %.64s...: path too long; going on without the cache", c->dir);
		return disable(c);
	}
	c->readonly = env_true("LQ_CACHE_READONLY");
	c->durable = env_true("LQ_CACHE_FSYNC");
	if (c->readonly)
		return c;
	if (mkdirs(c->dir, c->dmode) != 0 || (root = open_root(c)) < 0) {
		lq_warn_errno("cache: cannot create %s; going on without the cache", c->dir);
		return disable(c);
	}
	for (size_t i = 0; i < LQ_NELEM(subdirs); i++) {
		int fd = open_sub(c, root, subdirs[i], 1);

		if (fd < 0) {
			lq_warn_errno("cache: cannot use %s/%s%s; going on without the cache", c->dir, subdirs[i],
			    errno == ELOOP ? " (a symbolic link: not followed)" : "");
			close(root);
			return disable(c);
		}
		close(fd);
	}
	close(root);
	if (write_tag(c) != 0) {
		lq_warn_errno("cache: %s: cannot write CACHEDIR.TAG; going on without the cache", c->dir);
		return disable(c);
	}
	sweep_tmp(c->dir);
	return c;
}

void
lq_cache_set_refresh(struct lq_cache *c, int on)
{
	c->refresh = on != 0;
}

const char *
lq_cache_dir(const struct lq_cache *c)
{
	return c->dir;
}

/* ---- counters ---- */

static void
lock(struct lq_cache *c)
{
	if (c->w)
		pthread_mutex_lock(&c->w->mu);
}

static void
unlock(struct lq_cache *c)
{
	if (c->w)
		pthread_mutex_unlock(&c->w->mu);
}


static struct ns_count *
counter(struct lq_cache *c, const char *ns)
{
	for (size_t i = 0; i < c->ncounts; i++)
		if (strcmp(c->counts[i].ns, ns) == 0)
			return &c->counts[i];
	if (!lq_cache_ns_valid(ns))
		return NULL;
	c->counts = lq_xreallocarray(c->counts, c->ncounts + 1, sizeof *c->counts);
	memset(&c->counts[c->ncounts], 0, sizeof *c->counts);
	strcpy(c->counts[c->ncounts].ns, ns);
	return &c->counts[c->ncounts++];
}

static const struct ns_count *
find_counter(const struct lq_cache *c, const char *ns)
{
	for (size_t i = 0; i < c->ncounts; i++)
		if (strcmp(c->counts[i].ns, ns) == 0)
			return &c->counts[i];
	return NULL;
}

unsigned long long
lq_cache_hits(const struct lq_cache *c, const char *ns)
{
	const struct ns_count *n;
	unsigned long long v;

	lock((struct lq_cache *)c);
	n = find_counter(c, ns);
	v = n ? n->hits : 0;
	unlock((struct lq_cache *)c);
	return v;
}

unsigned long long
lq_cache_misses(const struct lq_cache *c, const char *ns)
{
	const struct ns_count *n;
	unsigned long long v;

	lock((struct lq_cache *)c);
	n = find_counter(c, ns);
	v = n ? n->misses : 0;
	unlock((struct lq_cache *)c);
	return v;
}

unsigned long long
lq_cache_stores(const struct lq_cache *c, const char *ns)
{
	const struct ns_count *n;
	unsigned long long v;

	lock((struct lq_cache *)c);
	n = find_counter(c, ns);
	v = n ? n->stores : 0;
	unlock((struct lq_cache *)c);
	return v;
}

/* ---- reading ---- */

static void
object_path(const struct lq_cache *c, const struct lq_cache_key *k, char path[PATH_MAX])
{
	snprintf(path, PATH_MAX, "%s/objects/%.2s/%s", c->dir, k->hex, k->hex + 2);
}

/* The payload of k in ns, moved to the start of a new buffer, or NULL. */
static char *
lookup(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    double max_age, size_t *len)
{
	char path[PATH_MAX];
	struct lq_cache_object o;
	struct stat st;
	const char *why;
	char *buf;
	size_t n, got = 0;
	int fd;
	time_t now;

	if (c->dir == NULL || c->refresh || !lq_cache_ns_valid(ns))
		return NULL;
	object_path(c, k, path);
	/* O_NONBLOCK: a FIFO planted in the cache must not hang the reader. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    st.st_size > LQ_CACHE_MAX_OBJECT + HDR_MAX) {
		close(fd);
		return NULL;
	}
	n = (size_t)st.st_size;
	buf = lq_xmalloc(n + 1);
	while (got < n) {
		ssize_t r = read(fd, buf + got, n - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	if (got != n || lq_cache_object_parse(buf, n, &o, &why) != 0 ||
	    strcmp(o.key, k->hex) != 0 || strcmp(o.ns, ns) != 0) {
		close(fd);
		free(buf);
		return NULL;
	}
	now = time(NULL);
	if (max_age > 0 && (double)now - (double)o.created > max_age) {
		close(fd);
		free(buf);
		return NULL;
	}
	if (!c->readonly && now - st.st_mtime > TOUCH_SLACK)
		(void)futimens(fd, NULL);	/* best effort: LRU order only */
	close(fd);
	memmove(buf, o.payload, o.len);
	buf[o.len] = '\0';
	if (len)
		*len = o.len;
	return buf;
}

static void
count(struct lq_cache *c, const char *ns, int hit)
{
	struct ns_count *n;

	lock(c);
	if ((n = counter(c, ns)) != NULL) {
		if (hit)
			n->hits++;
		else
			n->misses++;
	}
	unlock(c);
}

char *
lq_cache_get(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    double max_age, size_t *len)
{
	char *p = lookup(c, ns, k, max_age, len);

	count(c, ns, p != NULL);
	return p;
}

json_t *
lq_cache_get_json(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    double max_age)
{
	size_t n;
	char *p = lookup(c, ns, k, max_age, &n);
	json_t *j = NULL;

	/* An object comes back lazy (lazy.h): what the caller never reads
	 * is neither parsed nor, when written on, printed again. */
	if (p != NULL && (j = lq_lazy_parse(p, n)) == NULL)
		j = json_loadb(p, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	free(p);
	count(c, ns, j != NULL);
	return j;
}

/* ---- writing ---- */

static int
put_failed(struct lq_cache *c, const char *what)
{
	if (!c->warned) {
		lq_warn_errno("cache: %s; going on without storing (further cache write errors are not reported)", what);
		c->warned = 1;
	}
	return -1;
}

static int
put_now(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    const void *data, size_t len)
{
	char tmp[128], fan[3], what[PATH_MAX + 64], hdr[HDR_MAX];
	unsigned char sha[32];
	char hex[65];
	struct iovec iov[2];
	struct ns_count *cnt;
	int root = -1, tmpfd = -1, objfd = -1, fanfd = -1, fd = -1, n, rc = 0;
	const char *step = "tmp";

	if (c->dir == NULL || c->readonly)
		return -1;
	if (!lq_cache_ns_valid(ns) || (long long)len > LQ_CACHE_MAX_OBJECT) {
		errno = EINVAL;
		return put_failed(c, "invalid namespace or object too large");
	}
	lq_sha256(data, len, sha);
	lq_sha256_hex(sha, hex);
	n = snprintf(hdr, sizeof hdr, "%s %s %s %lld %zu %s\n", MAGIC, k->hex, ns,
	    (long long)time(NULL), len, hex);
	/* Every directory below the cache's is opened without following a
	 * link; tmp/ and objects/ab are recreated if someone removed them. */
	if ((root = open_root(c)) < 0 || (tmpfd = open_sub(c, root, "tmp", 1)) < 0 ||
	    (fd = open_temp(c, tmpfd, k->hex, tmp, sizeof tmp)) < 0) {
		rc = -1;
		goto out;
	}
	iov[0].iov_base = hdr;
	iov[0].iov_len = (size_t)n;
	iov[1].iov_base = (void *)data;
	iov[1].iov_len = len;
	{
		ssize_t w = writev(fd, iov, 2);

		if (w < 0)
			rc = -1;
		else if ((size_t)w < (size_t)n) {
			/* Rare short write (signal, near-full disk): finish by parts. */
			if (write_all(fd, hdr + w, (size_t)n - (size_t)w) != 0 ||
			    write_all(fd, data, len) != 0)
				rc = -1;
		} else if ((size_t)w < (size_t)n + len &&
		    write_all(fd, (const char *)data + ((size_t)w - (size_t)n),
		    len - ((size_t)w - (size_t)n)) != 0)
			rc = -1;
	}
	if (rc == 0 && c->durable && fsync(fd) != 0)
		rc = -1;
	if (close(fd) != 0)	/* NFS reports write errors here */
		rc = -1;
	if (rc == 0) {
		step = "objects";
		memcpy(fan, k->hex, 2);
		fan[2] = '\0';
		if ((objfd = open_sub(c, root, "objects", 1)) < 0 ||
		    (fanfd = open_sub(c, objfd, fan, 1)) < 0 ||
		    renameat(tmpfd, tmp, fanfd, k->hex + 2) != 0)
			rc = -1;
	}
	if (rc != 0) {
		int e = errno;

		unlinkat(tmpfd, tmp, 0);
		errno = e;
	}
out:
	if (rc != 0) {
		int e = errno;

		snprintf(what, sizeof what, "%s/%s%s", c->dir, step,
		    e == ELOOP ? " (a symbolic link where a directory belongs: not followed)" : "");
		if (fanfd >= 0)
			close(fanfd);
		if (objfd >= 0)
			close(objfd);
		if (tmpfd >= 0)
			close(tmpfd);
		if (root >= 0)
			close(root);
		errno = e;
		return put_failed(c, what);
	}
	close(fanfd);
	close(objfd);
	close(tmpfd);
	close(root);
	lock(c);
	if ((cnt = counter(c, ns)) != NULL)
		cnt->stores++;
	unlock(c);
	return 0;
}

static void *
writer_main(void *arg)
{
	struct lq_cache *c = arg;
	struct writer *w = c->w;

	pthread_mutex_lock(&w->mu);
	for (;;) {
		struct job *j;

		while (w->head == NULL && !w->quit)
			pthread_cond_wait(&w->more, &w->mu);
		if (w->head == NULL)
			break;
		j = w->head;
		w->head = j->next;
		if (w->head == NULL)
			w->tail = NULL;
		w->len--;
		w->busy = 1;
		pthread_cond_signal(&w->room);
		pthread_mutex_unlock(&w->mu);
		put_now(c, j->ns, &j->k, j->data, j->len);
		free(j->data);
		free(j);
		pthread_mutex_lock(&w->mu);
		w->busy = 0;
		if (w->head == NULL)
			pthread_cond_broadcast(&w->idle);
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

int
lq_cache_set_async(struct lq_cache *c, int on)
{
	struct writer *w;

	if (!on) {
		if ((w = c->w) == NULL)
			return 0;
		pthread_mutex_lock(&w->mu);
		w->quit = 1;
		pthread_cond_signal(&w->more);
		pthread_mutex_unlock(&w->mu);
		pthread_join(w->tid, NULL);
		c->w = NULL;
		pthread_mutex_destroy(&w->mu);
		pthread_cond_destroy(&w->more);
		pthread_cond_destroy(&w->room);
		pthread_cond_destroy(&w->idle);
		free(w);
		return 0;
	}
	if (c->w || c->dir == NULL || c->readonly)
		return 0;
	w = lq_xcalloc(1, sizeof *w);
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->more, NULL);
	pthread_cond_init(&w->room, NULL);
	pthread_cond_init(&w->idle, NULL);
	c->w = w;
	if (pthread_create(&w->tid, NULL, writer_main, c) != 0) {
		c->w = NULL;
		free(w);
		return -1;
	}
	return 0;
}

void
lq_cache_sync(struct lq_cache *c)
{
	struct writer *w = c->w;

	if (w == NULL)
		return;
	pthread_mutex_lock(&w->mu);
	while (w->head || w->busy)
		pthread_cond_wait(&w->idle, &w->mu);
	pthread_mutex_unlock(&w->mu);
}

int
lq_cache_put(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    const void *data, size_t len)
{
	struct writer *w = c->w;
	struct job *j;

	if (w == NULL || !lq_cache_ns_valid(ns) || (long long)len > LQ_CACHE_MAX_OBJECT)
		return put_now(c, ns, k, data, len);
	j = lq_xcalloc(1, sizeof *j);
	strcpy(j->ns, ns);
	j->k = *k;
	j->data = lq_xmalloc(len ? len : 1);
	memcpy(j->data, data, len);
	j->len = len;
	pthread_mutex_lock(&w->mu);
	while (w->len >= ASYNC_QUEUE)
		pthread_cond_wait(&w->room, &w->mu);
	if (w->tail)
		w->tail->next = j;
	else
		w->head = j;
	w->tail = j;
	w->len++;
	pthread_cond_signal(&w->more);
	pthread_mutex_unlock(&w->mu);
	return 0;
}

int
lq_cache_put_json(struct lq_cache *c, const char *ns, const struct lq_cache_key *k,
    const json_t *j)
{
	struct lq_buf b = LQ_BUF_INIT;
	int rc;

	if (c->dir == NULL || c->readonly)
		return -1;
	lq_json_dump(&b, j);
	rc = lq_cache_put(c, ns, k, b.data ? b.data : "", b.len);
	lq_buf_free(&b);
	return rc;
}

/* ---- the run journal ---- */

static int
journal_name_ok(const char *name)
{
	size_t n = strlen(name);

	if (n == 0 || n > 100)
		return 0;
	for (const char *p = name; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '_'))
			return 0;
	return 1;
}

int
lq_journal_put(struct lq_cache *c, const char *name, const json_t *doc)
{
	struct lq_buf b = LQ_BUF_INIT;
	char tmp[128], file[112], what[PATH_MAX + 64];
	int root = -1, tmpfd = -1, runs = -1, fd = -1, rc = 0;

	if (c->dir == NULL || c->readonly || !journal_name_ok(name))
		return -1;
	lq_json_dump(&b, doc);
	lq_buf_addc(&b, '\n');
	snprintf(file, sizeof file, "%s.json", name);
	if ((root = open_root(c)) < 0 || (tmpfd = open_sub(c, root, "tmp", 1)) < 0 ||
	    (fd = open_temp(c, tmpfd, name, tmp, sizeof tmp)) < 0) {
		rc = -1;
	} else {
		if (write_all(fd, b.data, b.len) != 0 || (c->durable && fsync(fd) != 0))
			rc = -1;
		if (close(fd) != 0)
			rc = -1;
		if (rc == 0 && ((runs = open_sub(c, root, "runs", 1)) < 0 ||
		    renameat(tmpfd, tmp, runs, file) != 0))
			rc = -1;
		if (rc != 0) {
			int e = errno;

			unlinkat(tmpfd, tmp, 0);
			errno = e;
		}
	}
	if (rc != 0) {
		int e = errno;

		snprintf(what, sizeof what, "%s/runs/%s", c->dir, file);
		errno = e;
		put_failed(c, what);
	}
	if (runs >= 0)
		close(runs);
	if (tmpfd >= 0)
		close(tmpfd);
	if (root >= 0)
		close(root);
	lq_buf_free(&b);
	return rc;
}

int
lq_journal_del(struct lq_cache *c, const char *name)
{
	char file[112];
	int root, runs, rc = 0;

	if (c->dir == NULL || c->readonly || !journal_name_ok(name))
		return -1;
	snprintf(file, sizeof file, "%s.json", name);
	if ((root = open_root(c)) < 0)
		return -1;
	if ((runs = open_sub(c, root, "runs", 0)) >= 0) {
		if (unlinkat(runs, file, 0) != 0 && errno != ENOENT)
			rc = -1;
		close(runs);
	}
	close(root);
	return rc;
}

json_t *
lq_journal_list(struct lq_cache *c, const char *prefix)
{
	json_t *all = json_object();
	int root, runs;
	DIR *d;
	struct dirent *e;
	size_t pl = strlen(prefix);

	if (c->dir == NULL || (root = open_root(c)) < 0)
		return all;
	runs = open_sub(c, root, "runs", 0);
	close(root);
	if (runs < 0 || (d = fdopendir(runs)) == NULL) {
		if (runs >= 0)
			close(runs);
		return all;
	}
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		char name[112], buf[1 << 16];
		struct stat st;
		ssize_t got;
		json_t *j;
		int fd;

		if (n <= 5 || n - 5 >= sizeof name || strcmp(e->d_name + n - 5, ".json") != 0 ||
		    strncmp(e->d_name, prefix, pl) != 0)
			continue;
		memcpy(name, e->d_name, n - 5);
		name[n - 5] = '\0';
		if (!journal_name_ok(name))
			continue;
		fd = openat(dirfd(d), e->d_name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
		if (fd < 0)
			continue;
		if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size >= (off_t)sizeof buf) {
			close(fd);
			continue;
		}
		got = read(fd, buf, sizeof buf);
		close(fd);
		if (got <= 0)
			continue;
		j = json_loadb(buf, (size_t)got, 0, NULL);
		if (json_is_object(j))
			json_object_set_new(all, name, j);
		else
			json_decref(j);
	}
	closedir(d);
	return all;
}

/* ---- closing: the stats line ---- */

/* Appends this process's counters as one JSON line to stats/HOST.log. One
 * write(2) of a short line with O_APPEND: lines of concurrent processes on
 * a host never interleave; each host has its own file because appends
 * from several NFS clients to one file are not atomic. */
static void
write_stats(struct lq_cache *c)
{
	struct lq_buf b = LQ_BUF_INIT, name = LQ_BUF_INIT;
	char host[256] = "localhost", *path;
	int any = 0, fd, root = -1, sfd = -1;
	struct stat st;

	for (size_t i = 0; i < c->ncounts; i++)
		any |= c->counts[i].hits || c->counts[i].misses || c->counts[i].stores;
	if (!any)
		return;
	if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0')
		strcpy(host, "localhost");
	host[sizeof host - 1] = '\0';
	for (char *h = host; *h; h++)
		if (!((*h >= 'a' && *h <= 'z') || (*h >= 'A' && *h <= 'Z') ||
		    (*h >= '0' && *h <= '9') || *h == '-' || *h == '.' || *h == '_'))
			*h = '_';
	lq_buf_addf(&b, "{\"time\":%lld,\"pid\":%ld,\"ns\":{", (long long)time(NULL), (long)getpid());
	for (size_t i = 0; i < c->ncounts; i++)
		lq_buf_addf(&b, "%s\"%s\":{\"hits\":%llu,\"misses\":%llu,\"stores\":%llu}",
		    i ? "," : "", c->counts[i].ns, c->counts[i].hits, c->counts[i].misses,
		    c->counts[i].stores);
	lq_buf_adds(&b, "}}\n");
	path = lq_xasprintf("%s/stats/%s.log", c->dir, host);
	lq_buf_free(&name);
	lq_buf_addf(&name, "%s.log", host);
	/* No link is followed (a planted stats/HOST.log -> ~/.bashrc must not
	 * be appended to), no FIFO waited on, no hard link to another file
	 * written. */
	fd = -1;
	if ((root = open_root(c)) >= 0 && (sfd = open_sub(c, root, "stats", 1)) >= 0) {
		fd = openat(sfd, name.data, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC,
		    c->fmode);
		if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1)) {
			close(fd);
			fd = -1;
			errno = EPERM;
		}
	}
	if (fd < 0 || write_all(fd, b.data, b.len) != 0) {
		if (!c->warned)
			lq_warn_errno("cache: %s: cannot record statistics%s", path,
			    errno == ELOOP ? " (a symbolic link: not followed)" : "");
		c->warned = 1;
	}
	if (fd >= 0)
		close(fd);
	if (sfd >= 0)
		close(sfd);
	if (root >= 0)
		close(root);
	lq_buf_free(&name);
	free(path);
	lq_buf_free(&b);
}

void
lq_cache_close(struct lq_cache *c)
{
	if (c == NULL)
		return;
	lq_cache_set_async(c, 0);
	if (c->dir != NULL && !c->readonly)
		write_stats(c);
	free(c->dir);
	free(c->counts);
	free(c);
}

/* ---- human units ---- */

double
lq_parse_duration(const char *opt, const char *s)
{
	char *end;
	double v, mul = 86400;

	errno = 0;
	v = strtod(s, &end);
	if (!((*s >= '0' && *s <= '9') || *s == '.') || end == s || isnan(v) || isinf(v) ||
	    errno == ERANGE)
		lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a duration (like 30d, 12h, 90m, 45s, 2w)", opt, s);
	if (*end != '\0') {
		switch (*end) {
		case 's': mul = 1; break;
		case 'm': mul = 60; break;
		case 'h': mul = 3600; break;
		case 'd': mul = 86400; break;
		case 'w': mul = 7 * 86400; break;
		default: mul = -1; break;
		}
		if (mul < 0 || end[1] != '\0')
			lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a duration (like 30d, 12h, 90m, 45s, 2w)", opt, s);
	}
	if (v * mul > 1e12)
		lq_die(LQ_EXIT_USAGE, "%s: %s is too long", opt, s);
	return v * mul;
}

unsigned long long
lq_parse_size(const char *opt, const char *s)
{
	char *end;
	double v, mul = 1;
	const char *u;

	errno = 0;
	v = strtod(s, &end);
	if (!((*s >= '0' && *s <= '9') || *s == '.') || end == s || isnan(v) || isinf(v) ||
	    errno == ERANGE)
		lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a size (like 500M, 2G, 1.5GiB, 4096)", opt, s);
	u = end;
	if (*u != '\0') {
		const char *units = "KMGT";
		const char *pos = strchr(units, *u == 'k' ? 'K' : *u);

		if (pos != NULL) {
			int bin = u[1] == 'i';
			int p = (int)(pos - units) + 1;

			mul = pow(bin ? 1024.0 : 1000.0, p);
			u += 1 + bin;
		}
		if (*u == 'B')
			u++;
		if (*u != '\0')
			lq_die(LQ_EXIT_USAGE, "%s: '%s' is not a size (like 500M, 2G, 1.5GiB, 4096)", opt, s);
	}
	if (v * mul >= 9.2e18)
		lq_die(LQ_EXIT_USAGE, "%s: %s is too large", opt, s);
	return (unsigned long long)(v * mul);
}
