/* cache: report on, verify and evict objects of lq's cache (docs/cache.md). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __APPLE__
#define st_mtim st_mtimespec	/* macOS names the modification timespec so */
#endif

#include <jansson.h>

#include "cache.h"
#include "diag.h"
#include "opts.h"
#include "profile.h"
#include "run.h"
#include "util.h"

enum { OPT_JSON = 256, OPT_REMOVE, OPT_MAX_AGE, OPT_MAX_SIZE, OPT_DRY_RUN, OPT_ACTOR };

#define DIR_HELP "the cache directory (default $LQ_CACHE_DIR, $XDG_CACHE_HOME/lq or ~/.cache/lq)"

static const struct lq_option main_options[] = {
	{ "dir", 'd', "DIR", DIR_HELP },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd main_cmd = {
	"stats|verify|gc|import|path [options]",
	"Report on, verify and evict objects of lq's content-addressed cache.",
	"Subcommands (each has --help):\n"
	"  stats    objects, bytes, hits and misses per namespace, oldest and newest\n"
	"  verify   check every object's header and checksum; --remove deletes corrupt ones\n"
	"  gc       evict least recently used objects: --max-age D, --max-size S\n"
	"  import   store the profiles of Apify dataset exports (JSON array or JSONL)\n"
	"  path     print the cache directory\n",
	main_options, LQ_COMMON_BASIC, NULL
};

static const struct lq_option stats_options[] = {
	{ "dir", 'd', "DIR", DIR_HELP },
	{ "json", OPT_JSON, NULL, "print one JSON object instead of a table" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd stats_cmd = {
	"",
	"Count objects and bytes per namespace, with the hits, misses and stores\n"
	"every process recorded, and the oldest and newest object.",
	NULL, stats_options, LQ_COMMON_BASIC, NULL
};

static const struct lq_option verify_options[] = {
	{ "dir", 'd', "DIR", DIR_HELP },
	{ "fix", 'f', NULL, "same as --remove" },
	{ "remove", OPT_REMOVE, NULL, "delete every corrupt object found" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd verify_cmd = {
	"",
	"Read every object and check its header, length and SHA-256 checksum;\n"
	"print one line per corrupt object.",
	"cache verify exits 1 when it found a corrupt object (removed or not).\n",
	verify_options, LQ_COMMON_BASIC,
	"1 a corrupt object was found"
};

static const struct lq_option gc_options[] = {
	{ "dir", 'd', "DIR", DIR_HELP },
	{ "dry-run", 'n', NULL, "say what would be removed, remove nothing" },
	{ "max-age", OPT_MAX_AGE, "D", "evict objects not used for D (30d, 12h, 90m; a bare number is days)" },
	{ "max-size", OPT_MAX_SIZE, "S", "then evict least recently used objects until at most S remain (500M, 2G, 1GiB)" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd gc_cmd = {
	"",
	"Evict least recently used objects (a hit refreshes an object's mtime)\n"
	"and remove temp files left by crashed writers.",
	NULL, gc_options, LQ_COMMON_BASIC, NULL
};

static const struct lq_option import_options[] = {
	{ "actor", OPT_ACTOR, "ID", "the actor that produced the items [yZnhB5JewWf9xSmoM]" },
	{ "dir", 'd', "DIR", DIR_HELP },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd import_cmd = {
	"FILE...",
	"Store every item of Apify dataset exports (a JSON array or JSONL, as the\n"
	"Apify console downloads them; - is stdin) as profile objects, under each\n"
	"of its keys (profileId, publicIdentifier, profile URL), exactly as\n"
	"scrape stores what it fetches: a later scrape finds them as cache hits.",
	"Items that are malformed, not objects or without any key are reported\n"
	"with FILE:LINE and skipped. cache import exits 1 when it skipped an\n"
	"item or could not read a file, 2 on a bad call.\n",
	import_options, LQ_COMMON_BASIC,
	"1 an item skipped or a file unread"
};

static const struct lq_option path_options[] = {
	{ "dir", 'd', "DIR", DIR_HELP },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd path_cmd = {
	"",
	"Print the cache directory.",
	NULL, path_options, LQ_COMMON_BASIC, NULL
};

static char *dir;		/* -d, else the default */

/* ---- walking objects/ ---- */

/* Called for each entry under objects/: hex is the object's key (from its
 * path) or NULL for a file that is not named like an object. */
typedef void visit_fn(void *arg, const char *path, const char *hex, const struct stat *st);

static int
is_hex(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[n] == '\0';
}

/* Visits every file under DIR/objects. Returns 0, or -1 (with a
 * message) if objects/ exists but cannot be read. */
static int
walk(visit_fn *fn, void *arg)
{
	char *top = lq_xasprintf("%s/objects", dir);
	DIR *d = opendir(top), *sd;
	struct dirent *e, *f;
	struct stat st;
	char path[PATH_MAX], hex[65];

	if (d == NULL) {
		int missing = errno == ENOENT;

		if (!missing)
			lq_warn_errno("%s", top);
		free(top);
		return missing ? 0 : -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", top, e->d_name) >= sizeof path ||
		    lstat(path, &st) != 0)
			continue;
		if (!S_ISDIR(st.st_mode) || !is_hex(e->d_name, 2)) {
			fn(arg, path, NULL, &st);
			continue;
		}
		if ((sd = opendir(path)) == NULL) {
			lq_warn_errno("%s", path);
			continue;
		}
		while ((f = readdir(sd)) != NULL) {
			char fpath[PATH_MAX];

			if (strcmp(f->d_name, ".") == 0 || strcmp(f->d_name, "..") == 0)
				continue;
			if ((size_t)snprintf(fpath, sizeof fpath, "%s/%s", path, f->d_name) >= sizeof fpath)
				continue;
			if (lstat(fpath, &st) != 0)
				continue;	/* evicted meanwhile */
			if (S_ISREG(st.st_mode) && is_hex(f->d_name, 62)) {
				memcpy(hex, e->d_name, 2);
				memcpy(hex + 2, f->d_name, 63);
				fn(arg, fpath, hex, &st);
			} else
				fn(arg, fpath, NULL, &st);
		}
		closedir(sd);
	}
	closedir(d);
	free(top);
	return 0;
}

/* Reads the whole regular file at path (at most the largest object). */
static char *
slurp(const char *path, size_t max, size_t *n, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	char *buf;
	size_t got = 0, want;

	if (fd < 0)
		return NULL;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		return NULL;
	}
	want = (size_t)st->st_size < max ? (size_t)st->st_size : max;
	buf = lq_xmalloc(want + 1);
	while (got < want) {
		ssize_t r = read(fd, buf + got, want - got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	*n = got;
	return buf;
}

static void
fmt_bytes(char *out, size_t n, unsigned long long b)
{
	static const char *const u[] = { "B", "kB", "MB", "GB", "TB" };
	double v = (double)b;
	size_t i = 0;

	while (v >= 1000 && i + 1 < LQ_NELEM(u)) {
		v /= 1000;
		i++;
	}
	if (i == 0)
		snprintf(out, n, "%llu B", b);
	else
		snprintf(out, n, "%.1f %s", v, u[i]);
}

static void
fmt_time(char *out, size_t n, long long t, int iso)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (iso ? gmtime_r(&tt, &tm) == NULL : localtime_r(&tt, &tm) == NULL)
		snprintf(out, n, "%lld", t);
	else
		strftime(out, n, iso ? "%Y-%m-%dT%H:%M:%SZ" : "%Y-%m-%d %H:%M:%S", &tm);
}

/* ---- stats ---- */

struct ns_stat {
	char ns[33];
	unsigned long long objects, bytes, hits, misses, stores;
	long long oldest, newest;
};

struct stats {
	struct ns_stat *ns;
	size_t nns;
	unsigned long long unreadable, unreadable_bytes, bad_lines;
};

static struct ns_stat *
ns_stat(struct stats *s, const char *ns)
{
	for (size_t i = 0; i < s->nns; i++)
		if (strcmp(s->ns[i].ns, ns) == 0)
			return &s->ns[i];
	s->ns = lq_xreallocarray(s->ns, s->nns + 1, sizeof *s->ns);
	memset(&s->ns[s->nns], 0, sizeof *s->ns);
	snprintf(s->ns[s->nns].ns, sizeof s->ns[s->nns].ns, "%s", ns);
	return &s->ns[s->nns++];
}

static void
stats_visit(void *arg, const char *path, const char *hex, const struct stat *st)
{
	struct stats *s = arg;
	struct lq_cache_object o;
	struct stat st2;
	const char *why;
	struct ns_stat *n;
	size_t len;
	char *buf;

	(void)st;
	if (hex == NULL || (buf = slurp(path, 256, &len, &st2)) == NULL) {
		s->unreadable++;
		s->unreadable_bytes += (unsigned long long)st->st_size;
		return;
	}
	/* Only the header is read: cache verify checks the payloads. */
	if (lq_cache_header_parse(buf, len, &o, &why) != 0 || strcmp(o.key, hex) != 0 ||
	    (unsigned long long)st2.st_size != o.hdrlen + o.len) {
		s->unreadable++;
		s->unreadable_bytes += (unsigned long long)st2.st_size;
		free(buf);
		return;
	}
	free(buf);
	n = ns_stat(s, o.ns);
	if (n->objects == 0 || o.created < n->oldest)
		n->oldest = o.created;
	if (n->objects == 0 || o.created > n->newest)
		n->newest = o.created;
	n->objects++;
	n->bytes += (unsigned long long)st2.st_size;
}

static unsigned long long
json_count(json_t *o, const char *k)
{
	json_t *v = json_object_get(o, k);

	return json_is_integer(v) && json_integer_value(v) >= 0 ? (unsigned long long)json_integer_value(v) : 0;
}

/* Sums the per-process lines of stats/ *.log (docs/cache.md). A line that
 * is not a well-formed counters object (a torn write) is counted and skipped. */
static void
read_stats_logs(struct stats *s)
{
	char *sdir = lq_xasprintf("%s/stats", dir);
	DIR *d = opendir(sdir);
	struct dirent *e;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			size_t nl = strlen(e->d_name);
			char *path, *line = NULL;
			size_t cap = 0;
			ssize_t n;
			FILE *fp;

			if (nl < 5 || strcmp(e->d_name + nl - 4, ".log") != 0)
				continue;
			path = lq_xasprintf("%s/%s", sdir, e->d_name);
			fp = fopen(path, "re");
			free(path);
			if (fp == NULL)
				continue;
			while ((n = getline(&line, &cap, fp)) > 0) {
				json_t *j = json_loadb(line, (size_t)n, 0, NULL);
				json_t *nsobj = json_object_get(j, "ns"), *c;
				const char *name;

				if (!json_is_object(nsobj)) {
					s->bad_lines++;
					json_decref(j);
					continue;
				}
				json_object_foreach(nsobj, name, c) {
					struct ns_stat *st;

					if (!lq_cache_ns_valid(name) || !json_is_object(c)) {
						s->bad_lines++;
						continue;
					}
					st = ns_stat(s, name);
					st->hits += json_count(c, "hits");
					st->misses += json_count(c, "misses");
					st->stores += json_count(c, "stores");
				}
				json_decref(j);
			}
			free(line);
			fclose(fp);
		}
		closedir(d);
	}
	free(sdir);
}

/* Temp files in tmp/: writers in progress or left by a crash. */
static unsigned long long
count_tmp(void)
{
	char *tdir = lq_xasprintf("%s/tmp", dir);
	DIR *d = opendir(tdir);
	struct dirent *e;
	unsigned long long n = 0;

	if (d != NULL) {
		while ((e = readdir(d)) != NULL)
			n += e->d_name[0] != '.';
		closedir(d);
	}
	free(tdir);
	return n;
}

static int
ns_cmp(const void *a, const void *b)
{
	return strcmp(((const struct ns_stat *)a)->ns, ((const struct ns_stat *)b)->ns);
}

static int
cmd_stats(int json)
{
	struct stats s = { 0 };
	struct ns_stat tot = { "total", 0, 0, 0, 0, 0, 0, 0 };
	struct stat st;
	int exists = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
	unsigned long long tmp;

	if (walk(stats_visit, &s) != 0)
		return LQ_EXIT_FATAL;
	read_stats_logs(&s);
	tmp = count_tmp();
	if (s.nns > 1)
		qsort(s.ns, s.nns, sizeof *s.ns, ns_cmp);
	for (size_t i = 0; i < s.nns; i++) {
		struct ns_stat *n = &s.ns[i];

		if (n->objects && (tot.objects == 0 || n->oldest < tot.oldest))
			tot.oldest = n->oldest;
		if (n->objects && (tot.objects == 0 || n->newest > tot.newest))
			tot.newest = n->newest;
		tot.objects += n->objects;
		tot.bytes += n->bytes;
		tot.hits += n->hits;
		tot.misses += n->misses;
		tot.stores += n->stores;
	}
	if (json) {
		json_t *o = json_object(), *nss = json_object();
		char t[64];

		json_object_set_new(o, "dir", json_string(dir));
		json_object_set_new(o, "exists", json_boolean(exists));
		json_object_set_new(o, "objects", json_integer((json_int_t)tot.objects));
		json_object_set_new(o, "bytes", json_integer((json_int_t)tot.bytes));
		json_object_set_new(o, "hits", json_integer((json_int_t)tot.hits));
		json_object_set_new(o, "misses", json_integer((json_int_t)tot.misses));
		json_object_set_new(o, "stores", json_integer((json_int_t)tot.stores));
		json_object_set_new(o, "unreadable", json_integer((json_int_t)s.unreadable));
		json_object_set_new(o, "tmp_files", json_integer((json_int_t)tmp));
		for (size_t i = 0; i < s.nns; i++) {
			struct ns_stat *n = &s.ns[i];
			json_t *x = json_object();

			json_object_set_new(x, "objects", json_integer((json_int_t)n->objects));
			json_object_set_new(x, "bytes", json_integer((json_int_t)n->bytes));
			json_object_set_new(x, "hits", json_integer((json_int_t)n->hits));
			json_object_set_new(x, "misses", json_integer((json_int_t)n->misses));
			json_object_set_new(x, "stores", json_integer((json_int_t)n->stores));
			fmt_time(t, sizeof t, n->oldest, 1);
			json_object_set_new(x, "oldest", n->objects ? json_string(t) : json_null());
			fmt_time(t, sizeof t, n->newest, 1);
			json_object_set_new(x, "newest", n->objects ? json_string(t) : json_null());
			json_object_set_new(nss, n->ns, x);
		}
		json_object_set_new(o, "namespaces", nss);
		json_dumpf(o, stdout, JSON_PRESERVE_ORDER | JSON_COMPACT);
		putchar('\n');
		json_decref(o);
	} else {
		char b[32];

		printf("cache directory  %s%s\n", dir, exists ? "" : " (does not exist)");
		fmt_bytes(b, sizeof b, tot.bytes);
		printf("objects          %llu (%s)\n", tot.objects, b);
		if (s.unreadable)
			printf("unreadable       %llu (run cache verify)\n", s.unreadable);
		printf("temp files       %llu\n", tmp);
		printf("\n%-16s %8s %10s %9s %9s %9s  %-19s  %s\n", "namespace", "objects",
		    "bytes", "hits", "misses", "stores", "oldest", "newest");
		for (size_t i = 0; i <= s.nns; i++) {
			struct ns_stat *n = i < s.nns ? &s.ns[i] : &tot;
			char old[32] = "-", young[32] = "-";

			fmt_bytes(b, sizeof b, n->bytes);
			if (n->objects) {
				fmt_time(old, sizeof old, n->oldest, 0);
				fmt_time(young, sizeof young, n->newest, 0);
			}
			printf("%-16s %8llu %10s %9llu %9llu %9llu  %-19s  %s\n", n->ns, n->objects,
			    b, n->hits, n->misses, n->stores, old, young);
		}
	}
	if (s.bad_lines)
		lq_warn("%s/stats: %llu unreadable counter lines skipped", dir, s.bad_lines);
	free(s.ns);
	lq_close_stdout();
	return LQ_EXIT_OK;
}

/* ---- verify ---- */

struct verify {
	int remove;
	unsigned long long checked, corrupt, removed;
};

static void
report_corrupt(struct verify *v, const char *path, const char *why, const struct stat *st)
{
	struct stat now;

	v->corrupt++;
	printf("%s: %s\n", path, why);
	if (!v->remove)
		return;
	/* Leave alone an object a writer renamed into place since we read it. */
	if (lstat(path, &now) == 0 && (now.st_ino != st->st_ino || now.st_dev != st->st_dev))
		return;
	if (unlink(path) == 0)
		v->removed++;
	else if (errno != ENOENT)
		lq_warn_errno("cannot remove %s", path);
}

static void
verify_visit(void *arg, const char *path, const char *hex, const struct stat *st)
{
	struct verify *v = arg;
	struct lq_cache_object o;
	struct stat st2;
	const char *why;
	size_t n;
	char *buf;

	v->checked++;
	if (hex == NULL) {
		if (S_ISDIR(st->st_mode)) {
			printf("%s: not an object (directory)\n", path);
			v->corrupt++;
			return;
		}
		report_corrupt(v, path, "not an object (unexpected name or type)", st);
		return;
	}
	if ((buf = slurp(path, (size_t)LQ_CACHE_MAX_OBJECT + 256 + 1, &n, &st2)) == NULL) {
		if (errno != ENOENT)
			report_corrupt(v, path, "unreadable", st);
		return;
	}
	if ((size_t)st2.st_size != n)
		report_corrupt(v, path, "unreadable or too large", &st2);
	else if (lq_cache_object_parse(buf, n, &o, &why) != 0)
		report_corrupt(v, path, why, &st2);
	else if (strcmp(o.key, hex) != 0)
		report_corrupt(v, path, "stored under the wrong name", &st2);
	free(buf);
}

static int
cmd_verify(int remove)
{
	struct verify v = { remove, 0, 0, 0 };

	if (walk(verify_visit, &v) != 0)
		return LQ_EXIT_FATAL;
	lq_close_stdout();
	if (remove)
		lq_note("%llu checked, %llu corrupt, %llu removed", v.checked, v.corrupt, v.removed);
	else
		lq_note("%llu checked, %llu corrupt", v.checked, v.corrupt);
	return v.corrupt ? LQ_EXIT_FAILED : LQ_EXIT_OK;
}

/* ---- gc ---- */

struct entry {
	char *path;
	struct timespec mtime;
	unsigned long long size;
};

struct gc {
	struct entry *e;
	size_t n, cap;
};

static void
gc_visit(void *arg, const char *path, const char *hex, const struct stat *st)
{
	struct gc *g = arg;

	if (hex == NULL)
		return;		/* not ours to evict: cache verify reports it */
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->e = lq_xreallocarray(g->e, g->cap, sizeof *g->e);
	}
	g->e[g->n].path = lq_xstrdup(path);
	g->e[g->n].mtime = st->st_mtim;
	g->e[g->n].size = (unsigned long long)st->st_size;
	g->n++;
}

static int
mtime_cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;

	if (x->mtime.tv_sec != y->mtime.tv_sec)
		return x->mtime.tv_sec < y->mtime.tv_sec ? -1 : 1;
	if (x->mtime.tv_nsec != y->mtime.tv_nsec)
		return x->mtime.tv_nsec < y->mtime.tv_nsec ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Removes e unless it was used (touched) since the scan. */
static int
evict(const struct entry *e, int dry)
{
	struct stat st;

	if (lstat(e->path, &st) != 0)
		return 0;
	if (st.st_mtim.tv_sec != e->mtime.tv_sec || st.st_mtim.tv_nsec != e->mtime.tv_nsec)
		return 0;
	if (dry)
		return 1;
	if (unlink(e->path) == 0)
		return 1;
	if (errno != ENOENT)
		lq_warn_errno("cannot remove %s", e->path);
	return 0;
}

/* Removes temp files older than a day from tmp/. */
static unsigned long long
sweep(int dry)
{
	char *tdir = lq_xasprintf("%s/tmp", dir);
	DIR *d = opendir(tdir);
	struct dirent *e;
	unsigned long long n = 0;
	time_t now = time(NULL);

	if (d != NULL) {
		while ((e = readdir(d)) != NULL) {
			struct stat st;

			if (e->d_name[0] == '.' ||
			    fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
			    !S_ISREG(st.st_mode) || now - st.st_mtime <= 24 * 3600)
				continue;
			if (dry || unlinkat(dirfd(d), e->d_name, 0) == 0)
				n++;
		}
		closedir(d);
	}
	free(tdir);
	return n;
}

static int
cmd_gc(double max_age, int have_age, unsigned long long max_size, int have_size, int dry)
{
	struct gc g = { NULL, 0, 0 };
	unsigned long long total = 0, removed = 0, freed = 0, tmp;
	double now = (double)time(NULL);
	char b1[32], b2[32];
	size_t i = 0;

	if (walk(gc_visit, &g) != 0)
		return LQ_EXIT_FATAL;
	if (g.n > 1)
		qsort(g.e, g.n, sizeof *g.e, mtime_cmp);
	for (size_t k = 0; k < g.n; k++)
		total += g.e[k].size;
	/* Oldest first: first everything unused for longer than max_age,
	 * then more until the rest fits in max_size. */
	for (; i < g.n; i++) {
		int old = have_age && now - (double)g.e[i].mtime.tv_sec > max_age;
		int big = have_size && total - freed > max_size;

		if (!old && !big)
			break;
		if (evict(&g.e[i], dry)) {
			removed++;
			freed += g.e[i].size;
		}
	}
	tmp = sweep(dry);
	fmt_bytes(b1, sizeof b1, freed);
	fmt_bytes(b2, sizeof b2, total - freed);
	printf("%s %llu objects (%s), %llu objects (%s) remain; %s %llu stale temp files\n",
	    dry ? "would remove" : "removed", removed, b1, (unsigned long long)g.n - removed, b2,
	    dry ? "would remove" : "removed", tmp);
	for (size_t k = 0; k < g.n; k++)
		free(g.e[k].path);
	free(g.e);
	lq_close_stdout();
	return LQ_EXIT_OK;
}

/* ---- import ---- */

static int
cmd_import(const char *actor, int nfiles, char **files)
{
	struct lq_cache *c;
	long items = 0, bad = 0;
	unsigned long long keys;
	int status = LQ_EXIT_OK;

	const char *ro = getenv("LQ_CACHE_READONLY");

	if (ro && *ro && strcmp(ro, "0") != 0)
		lq_die(LQ_EXIT_FATAL, "LQ_CACHE_READONLY is set: nothing can be imported");
	c = lq_cache_open(dir);
	if (lq_cache_dir(c) == NULL)
		lq_die(LQ_EXIT_FATAL, "%s: the cache cannot be used (LQ_NO_CACHE, or see above)", dir);
	/* Parsing the next item overlaps the file creation of the last. */
	lq_cache_set_async(c, 1);
	for (int i = 0; i < nfiles; i++) {
		const char *name = strcmp(files[i], "-") == 0 ? "<stdin>" : files[i];
		FILE *fp = strcmp(files[i], "-") == 0 ? stdin : fopen(files[i], "r");
		long n, nbad = 0;

		if (fp == NULL) {
			lq_warn_errno("%s", files[i]);
			status = LQ_EXIT_FAILED;
			continue;
		}
		n = lq_profile_import(c, actor, fp, name, &nbad);
		if (ferror(fp)) {
			lq_warn_errno("%s: read error", name);
			status = LQ_EXIT_FAILED;
		}
		if (fp != stdin)
			fclose(fp);
		if (n < 0)
			status = LQ_EXIT_FAILED;	/* reported by the reader */
		else
			items += n;
		bad += nbad;
	}
	lq_cache_sync(c);
	keys = lq_cache_stores(c, LQ_NS_PROFILE);
	lq_cache_close(c);
	if (bad > 0)
		status = LQ_EXIT_FAILED;
	if (!lq_quiet)
		lq_note("imported %ld items from %d file%s: %llu profile keys written, %ld bad items skipped",
		    items, nfiles, nfiles == 1 ? "" : "s", keys, bad);
	return status;
}

/* ---- main ---- */

/* Names messages after the subcommand and restarts option parsing on its
 * argv (argv[0] is the subcommand). */
static void
sub_start(const char *name)
{
	static char prog[64];

	snprintf(prog, sizeof prog, "cache %s", name);
	lq_progname = prog;
	optind = 0;	/* GNU getopt: start over on the subcommand's argv */
}

static void
no_operands(const struct lq_cmd *cmd, int argc, char **argv)
{
	if (optind < argc) {
		lq_warn("unexpected argument '%s'", argv[optind]);
		lq_usage(cmd);
	}
}

int
main(int argc, char **argv)
{
	const char *arg, *sub;
	int c;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &main_cmd, &arg)) != -1)
		if (c == 'd')
			dir = lq_xstrdup(arg);
	if (optind >= argc) {
		lq_warn("no subcommand given");
		lq_usage(&main_cmd);
	}
	argc -= optind;
	argv += optind;
	sub = argv[0];

	if (strcmp(sub, "stats") == 0) {
		int json = 0;

		sub_start(sub);
		while ((c = lq_getopt(argc, argv, &stats_cmd, &arg)) != -1) {
			if (c == 'd') {
				free(dir);
				dir = lq_xstrdup(arg);
			} else if (c == OPT_JSON)
				json = 1;
		}
		no_operands(&stats_cmd, argc, argv);
		if (dir == NULL && (dir = lq_cache_default_dir()) == NULL)
			lq_die(LQ_EXIT_FATAL, "no cache directory: set LQ_CACHE_DIR or HOME, or give -d");
		return cmd_stats(json);
	}
	if (strcmp(sub, "verify") == 0) {
		int remove = 0;

		sub_start(sub);
		while ((c = lq_getopt(argc, argv, &verify_cmd, &arg)) != -1) {
			if (c == 'd') {
				free(dir);
				dir = lq_xstrdup(arg);
			} else if (c == 'f' || c == OPT_REMOVE)
				remove = 1;
		}
		no_operands(&verify_cmd, argc, argv);
		if (dir == NULL && (dir = lq_cache_default_dir()) == NULL)
			lq_die(LQ_EXIT_FATAL, "no cache directory: set LQ_CACHE_DIR or HOME, or give -d");
		return cmd_verify(remove);
	}
	if (strcmp(sub, "gc") == 0) {
		double age = 0;
		unsigned long long size = 0;
		int have_age = 0, have_size = 0, dry = 0;

		sub_start(sub);
		while ((c = lq_getopt(argc, argv, &gc_cmd, &arg)) != -1) {
			if (c == 'd') {
				free(dir);
				dir = lq_xstrdup(arg);
			} else if (c == 'n')
				dry = 1;
			else if (c == OPT_MAX_AGE) {
				age = lq_parse_duration("--max-age", arg);
				have_age = 1;
			} else if (c == OPT_MAX_SIZE) {
				size = lq_parse_size("--max-size", arg);
				have_size = 1;
			}
		}
		no_operands(&gc_cmd, argc, argv);
		if (!have_age && !have_size) {
			lq_warn("give --max-age, --max-size or both");
			lq_usage(&gc_cmd);
		}
		if (dir == NULL && (dir = lq_cache_default_dir()) == NULL)
			lq_die(LQ_EXIT_FATAL, "no cache directory: set LQ_CACHE_DIR or HOME, or give -d");
		return cmd_gc(age, have_age, size, have_size, dry);
	}
	if (strcmp(sub, "path") == 0) {
		sub_start(sub);
		while ((c = lq_getopt(argc, argv, &path_cmd, &arg)) != -1) {
			if (c == 'd') {
				free(dir);
				dir = lq_xstrdup(arg);
			}
		}
		no_operands(&path_cmd, argc, argv);
		if (dir == NULL && (dir = lq_cache_default_dir()) == NULL)
			lq_die(LQ_EXIT_FATAL, "no cache directory: set LQ_CACHE_DIR or HOME, or give -d");
		printf("%s\n", dir);
		lq_close_stdout();
		return LQ_EXIT_OK;
	}
	if (strcmp(sub, "import") == 0) {
		const char *actor = "yZnhB5JewWf9xSmoM";

		sub_start(sub);
		while ((c = lq_getopt(argc, argv, &import_cmd, &arg)) != -1) {
			if (c == 'd') {
				free(dir);
				dir = lq_xstrdup(arg);
			} else if (c == OPT_ACTOR)
				actor = arg;
		}
		if (optind >= argc) {
			lq_warn("no dataset file given");
			lq_usage(&import_cmd);
		}
		if (*actor == '\0') {
			lq_warn("--actor: empty actor id");
			lq_usage(&import_cmd);
		}
		if (dir == NULL && (dir = lq_cache_default_dir()) == NULL)
			lq_die(LQ_EXIT_FATAL, "no cache directory: set LQ_CACHE_DIR or HOME, or give -d");
		return cmd_import(actor, argc - optind, argv + optind);
	}
	lq_warn("unknown subcommand '%s'", sub);
	lq_usage(&main_cmd);
}
