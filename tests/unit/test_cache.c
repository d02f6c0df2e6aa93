/* test_cache.c: keys, the object format, put/get, TTL, corruption, modes, concurrency, write failures. */
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "sha256.h"
#include "t.h"
#include "util.h"

static char root[256];

/* A fresh cache directory under the test's temp dir. */
static char *
fresh(const char *name)
{
	return lq_xasprintf("%s/%s", root, name);
}

static char *
obj_path(const char *dir, const struct lq_cache_key *k)
{
	return lq_xasprintf("%s/objects/%.2s/%s", dir, k->hex, k->hex + 2);
}

static void
write_file(const char *path, const void *p, size_t n)
{
	FILE *fp = fopen(path, "w");

	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	fwrite(p, 1, n, fp);
	fclose(fp);
}

static char *
read_file(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "r");
	struct lq_buf b = LQ_BUF_INIT;
	char chunk[4096];
	size_t r;

	if (fp == NULL)
		return NULL;
	while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
		lq_buf_add(&b, chunk, r);
	fclose(fp);
	*n = b.len;
	if (b.data == NULL)
		lq_buf_addc(&b, '\0'), b.len = 0;
	return lq_buf_detach(&b);
}

static int
count_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

static void
key(struct lq_cache_key *k, const char *ns, const char *input)
{
	lq_cache_key(k, ns, 1, "model-x", input, strlen(input));
}

/* Puts a valid object file for k written "age" seconds ago. */
static void
plant(const char *dir, const struct lq_cache_key *k, const char *ns, long long age,
    const char *payload)
{
	struct lq_buf b = LQ_BUF_INIT;
	char *p = obj_path(dir, k), *sub = lq_xasprintf("%s/objects/%.2s", dir, k->hex);

	mkdir(sub, 0777);
	lq_cache_object_encode(&b, k, ns, (long long)time(NULL) - age, payload, strlen(payload));
	write_file(p, b.data, b.len);
	lq_buf_free(&b);
	free(p);
	free(sub);
}

/* Copies template t into out with K replaced by key and S by sum. */
static void
fill(char *out, size_t n, const char *t, const char *key, const char *sum)
{
	struct lq_buf b = LQ_BUF_INIT;

	for (; *t; t++) {
		if (*t == 'K' || *t == 'S')
			lq_buf_adds(&b, *t == 'K' ? key : sum);
		else
			lq_buf_addc(&b, *t);
	}
	snprintf(out, n, "%s", b.data);
	lq_buf_free(&b);
}

static int
is_miss(struct lq_cache *c, const struct lq_cache_key *k)
{
	size_t n;
	char *p = lq_cache_get(c, LQ_NS_PROFILE, k, 0, &n);

	free(p);
	return p == NULL;
}

/* Child of the concurrency test: puts and gets key k many times and
 * checks every hit returns exactly the payload. Exit 0 when all did. */
static void
hammer(const char *dir, const struct lq_cache_key *k, const char *payload, int rounds)
{
	struct lq_cache *c = lq_cache_open(dir);
	int bad = 0;

	for (int i = 0; i < rounds; i++) {
		size_t n;
		char *p;

		if (lq_cache_put(c, LQ_NS_PROFILE, k, payload, strlen(payload)) != 0)
			bad++;
		p = lq_cache_get(c, LQ_NS_PROFILE, k, 0, &n);
		if (p == NULL || n != strlen(payload) || memcmp(p, payload, n) != 0)
			bad++;
		free(p);
	}
	lq_cache_close(c);
	_exit(bad ? 1 : 0);
}

int
main(int argc, char **argv)
{
	struct lq_cache_key k, k2;
	struct lq_cache *c;
	char *dir, *p;
	size_t n;
	(void)argc;

	lq_init(argv[0]);
	lq_quiet = 1;
	unsetenv("LQ_NO_CACHE");
	unsetenv("LQ_CACHE_READONLY");
	unsetenv("LQ_CACHE_FSYNC");
	snprintf(root, sizeof root, "%s/lq-test-cache.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL) {
		printf("not ok 1 - mkdtemp\n");
		return 1;
	}

	t_begin("key: SHA-256 of length-prefixed fields (known vectors)");
	lq_cache_key(&k, "profile", 1, "yZnhB5JewWf9xSmoM", "ACoAAB123", 9);
	CHECK_STR(k.hex, "7e768696bc3bb54428ec98ba9ce8b0c2c8ff9da26f9d19bb5ab34af5c8e25aed");
	lq_cache_key(&k, "embedding", 2, NULL, "", 0);
	CHECK_STR(k.hex, "340a91c36286650d50fa67745cb9453865cdfae6d3421cb3c9fa7506d96c8e43");
	CHECK(k.sha[0] == 0x34 && k.sha[31] == 0x43);

	t_begin("key: fields do not collide by concatenation; version and namespace count");
	lq_cache_key(&k, "profile", 1, "ab", "c", 1);
	lq_cache_key(&k2, "profile", 1, "a", "bc", 2);
	CHECK(strcmp(k.hex, k2.hex) != 0);
	lq_cache_key(&k2, "profile", 2, "ab", "c", 1);
	CHECK(strcmp(k.hex, k2.hex) != 0);
	lq_cache_key(&k2, "profilea", 1, "b", "c", 1);
	CHECK(strcmp(k.hex, k2.hex) != 0);
	lq_cache_key(&k2, "profile", 1, "ab", "c", 1);
	CHECK_STR(k.hex, k2.hex);
	lq_cache_key(&k2, "profile", 1, "ab", "c\0", 2);	/* the input is bytes, not a string */
	CHECK(strcmp(k.hex, k2.hex) != 0);

	t_begin("open: creates objects/, tmp/, stats/ and CACHEDIR.TAG");
	dir = fresh("c1");
	c = lq_cache_open(dir);
	CHECK_STR(lq_cache_dir(c), dir);
	p = lq_xasprintf("%s/CACHEDIR.TAG", dir);
	{
		char *tag = read_file(p, &n);

		CHECK(tag != NULL && strncmp(tag, "Signature: 8a477f597d28d172789f06886806bc55\n", 44) == 0);
		free(tag);
	}
	free(p);
	p = lq_xasprintf("%s/tmp", dir);
	CHECK_INT(count_files(p), 0);
	free(p);

	t_begin("put/get: round trip of bytes with NUL, layout objects/ab/cdef..., counters");
	key(&k, LQ_NS_PROFILE, "ACoAAfirst");
	CHECK(is_miss(c, &k));
	CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k, "a\0b", 3), 0);
	p = lq_cache_get(c, LQ_NS_PROFILE, &k, 0, &n);
	CHECK(p != NULL && n == 3 && memcmp(p, "a\0b", 4) == 0);	/* NUL-terminated too */
	free(p);
	CHECK(lq_cache_get(c, LQ_NS_EMBEDDING, &k, 0, NULL) == NULL);	/* other namespace */
	p = obj_path(dir, &k);
	CHECK(access(p, F_OK) == 0);
	free(p);
	p = lq_xasprintf("%s/tmp", dir);
	CHECK_INT(count_files(p), 0);	/* the temp file was renamed away */
	free(p);
	CHECK_INT(lq_cache_hits(c, LQ_NS_PROFILE), 1);
	CHECK_INT(lq_cache_misses(c, LQ_NS_PROFILE), 1);
	CHECK_INT(lq_cache_stores(c, LQ_NS_PROFILE), 1);
	CHECK_INT(lq_cache_misses(c, LQ_NS_EMBEDDING), 1);
	CHECK_INT(lq_cache_hits(c, "nothing"), 0);

	t_begin("put/get: empty payload; an existing object is replaced, not an error");
	key(&k2, LQ_NS_PROFILE, "empty");
	CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "", 0), 0);
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, &n);
	CHECK(p != NULL && n == 0 && p[0] == '\0');
	free(p);
	CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "new", 3), 0);
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, NULL);
	CHECK_STR(p, "new");
	free(p);

	t_begin("put_json/get_json: same value, key order kept");
	{
		json_t *j = json_pack("{s:s, s:i, s:[s,s], s:n, s:f}", "name", "Zoë Ångström",
		    "id", 42, "titles", "CFO", "CEO", "none", "x", 0.1), *back;
		char *s1, *s2;

		key(&k2, LQ_NS_CLASSIFY, "json");
		CHECK_INT(lq_cache_put_json(c, LQ_NS_CLASSIFY, &k2, j), 0);
		back = lq_cache_get_json(c, LQ_NS_CLASSIFY, &k2, 0);
		CHECK(back != NULL && json_equal(j, back));
		s1 = json_dumps(j, JSON_PRESERVE_ORDER);
		s2 = back ? json_dumps(back, JSON_PRESERVE_ORDER) : NULL;
		CHECK_STR(s1, s2);
		free(s1);
		free(s2);
		json_decref(back);
		json_decref(j);
		/* A payload that is not JSON is a miss for get_json, a hit for get. */
		CHECK_INT(lq_cache_put(c, LQ_NS_CLASSIFY, &k2, "{not json", 9), 0);
		CHECK(lq_cache_get_json(c, LQ_NS_CLASSIFY, &k2, 0) == NULL);
		CHECK_INT(lq_cache_misses(c, LQ_NS_CLASSIFY), 1);
	}

	t_begin("TTL: an object older than max_age is a miss; 0 means no limit");
	key(&k2, LQ_NS_PROFILE, "old");
	plant(dir, &k2, LQ_NS_PROFILE, 100 * 86400LL, "{\"old\":true}");
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, LQ_CACHE_TTL_PROFILE, NULL);
	CHECK(p == NULL);
	free(p);
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, NULL);
	CHECK_STR(p, "{\"old\":true}");
	free(p);
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 200 * 86400.0, NULL);
	CHECK_STR(p, "{\"old\":true}");
	free(p);
	plant(dir, &k2, LQ_NS_PROFILE, 29 * 86400LL, "{\"old\":false}");
	p = lq_cache_get(c, LQ_NS_PROFILE, &k2, LQ_CACHE_TTL_PROFILE, NULL);
	CHECK_STR(p, "{\"old\":false}");
	free(p);

	t_begin("hit refreshes the mtime of an object unused for long (LRU)");
	{
		struct timespec ts[2] = { { time(NULL) - 10 * 86400, 0 }, { time(NULL) - 10 * 86400, 0 } };
		struct stat st;
		char *op = obj_path(dir, &k);

		CHECK(utimensat(AT_FDCWD, op, ts, 0) == 0);
		CHECK(!is_miss(c, &k));
		CHECK(stat(op, &st) == 0 && time(NULL) - st.st_mtime < 60);
		free(op);
	}

	t_begin("corrupt objects are misses: payload byte, truncation, trailing bytes, magic");
	{
		struct lq_buf b = LQ_BUF_INIT;
		char *op;
		const char *payload = "{\"name\":\"Ada\"}";

		key(&k2, LQ_NS_PROFILE, "corrupt");
		op = obj_path(dir, &k2);
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, payload, strlen(payload)), 0);
		lq_cache_object_encode(&b, &k2, LQ_NS_PROFILE, (long long)time(NULL), payload, strlen(payload));
		write_file(op, b.data, b.len);
		CHECK(!is_miss(c, &k2));		/* the intact bytes hit */
		b.data[b.len - 3] ^= 1;
		write_file(op, b.data, b.len);
		CHECK(is_miss(c, &k2));
		b.data[b.len - 3] ^= 1;
		write_file(op, b.data, b.len - 1);
		CHECK(is_miss(c, &k2));
		write_file(op, b.data, 20);		/* cut inside the header */
		CHECK(is_miss(c, &k2));
		write_file(op, b.data, 0);
		CHECK(is_miss(c, &k2));
		lq_buf_addc(&b, '\n');
		write_file(op, b.data, b.len);
		CHECK(is_miss(c, &k2));
		b.len--;
		b.data[0] = 'L';
		write_file(op, b.data, b.len);
		CHECK(is_miss(c, &k2));
		b.data[0] = 'l';
		write_file(op, b.data, b.len);
		CHECK(!is_miss(c, &k2));
		/* The same valid object under another key's name is not served. */
		p = obj_path(dir, &k);
		write_file(p, b.data, b.len);
		CHECK(is_miss(c, &k));
		free(p);
		/* A put over a corrupt object repairs it. */
		write_file(op, b.data, b.len / 2);
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, payload, strlen(payload)), 0);
		p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, NULL);
		CHECK_STR(p, payload);
		free(p);
		free(op);
		lq_buf_free(&b);
	}

	t_begin("hostile object paths: a directory, a FIFO, a symlink are misses (no hang)");
	{
		char *op;

		key(&k2, LQ_NS_PROFILE, "dir");
		op = obj_path(dir, &k2);
		p = lq_xasprintf("%s/objects/%.2s", dir, k2.hex);
		mkdir(p, 0777);
		free(p);
		CHECK(mkdir(op, 0777) == 0);
		CHECK(is_miss(c, &k2));
		free(op);
		key(&k2, LQ_NS_PROFILE, "fifo");
		op = obj_path(dir, &k2);
		p = lq_xasprintf("%s/objects/%.2s", dir, k2.hex);
		mkdir(p, 0777);
		free(p);
		CHECK(mkfifo(op, 0666) == 0);
		CHECK(is_miss(c, &k2));
		free(op);
		key(&k2, LQ_NS_PROFILE, "link");
		op = obj_path(dir, &k2);
		p = lq_xasprintf("%s/objects/%.2s", dir, k2.hex);
		mkdir(p, 0777);
		free(p);
		p = obj_path(dir, &k);
		CHECK(symlink(p, op) == 0);
		CHECK(is_miss(c, &k2));
		free(p);
		free(op);
	}

	t_begin("object parser: strict header fields");
	{
		struct lq_cache_object o;
		const char *why = NULL;
		struct lq_buf b = LQ_BUF_INIT;
		static const char *const bad[] = {
			"lqcache1 K profile 0123 2 S\nab",	/* leading zero */
			"lqcache1 K Profile 123 2 S\nab",	/* upper-case namespace */
			"lqcache1 K profile 123  2 S\nab",	/* two spaces */
			"lqcache1 K profile 123 -2 S\nab",	/* sign */
			"lqcache1 K profile 123 2 S \nab",	/* trailing space */
			"lqcache1 K profile 123 99999999999999999999 S\nab",
			"lqcache2 K profile 123 2 S\nab",
		};
		char line[512], sum[65];
		unsigned char sha[32];

		lq_sha256_hex((lq_sha256("ab", 2, sha), sha), sum);
		key(&k2, LQ_NS_PROFILE, "parse");
		lq_cache_object_encode(&b, &k2, "profile", 123, "ab", 2);
		CHECK_INT(lq_cache_object_parse(b.data, b.len, &o, &why), 0);
		CHECK_STR(o.ns, "profile");
		CHECK_STR(o.key, k2.hex);
		CHECK_INT(o.created, 123);
		CHECK(o.len == 2 && o.payload == b.data + o.hdrlen && memcmp(o.payload, "ab", 2) == 0);
		snprintf(line, sizeof line, "lqcache1 %s profile 123 2 %s\nab", k2.hex, sum);
		CHECK_STR(line, b.data);
		for (size_t i = 0; i < LQ_NELEM(bad); i++) {
			fill(line, sizeof line, bad[i], k2.hex, sum);
			CHECK_INT(lq_cache_object_parse(line, strlen(line), &o, &why), -1);
		}
		snprintf(line, sizeof line, "lqcache1 %s profile 123 3 %s\nab", k2.hex, sum);
		CHECK_INT(lq_cache_object_parse(line, strlen(line), &o, &why), -1);
		CHECK_STR(why, "truncated");
		snprintf(line, sizeof line, "lqcache1 %s profile 123 2 %s\nac", k2.hex, sum);
		CHECK_INT(lq_cache_object_parse(line, strlen(line), &o, &why), -1);
		CHECK_STR(why, "checksum mismatch");
		fill(line, sizeof line, "lqcache1 K prof#le 123 2 S\nab", k2.hex, sum);
		*strchr(line, '#') = '\0';	/* a NUL inside the namespace (found by the fuzzer) */
		CHECK_INT(lq_cache_object_parse(line, strlen(line + 100) + 100, &o, &why), -1);
		CHECK_INT(lq_cache_object_parse("lqca", 4, &o, &why), -1);
		CHECK_STR(why, "truncated");
		CHECK(lq_cache_ns_valid("profile") && lq_cache_ns_valid("a-b_9"));
		CHECK(!lq_cache_ns_valid("") && !lq_cache_ns_valid("a b") && !lq_cache_ns_valid("../x") &&
		    !lq_cache_ns_valid("abcdefghijklmnopqrstuvwxyz0123456"));
		lq_buf_free(&b);
	}

	t_begin("refresh: gets miss, puts still store");
	lq_cache_set_refresh(c, 1);
	key(&k2, LQ_NS_PROFILE, "refresh");
	CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "v1", 2), 0);
	CHECK(is_miss(c, &k2));
	lq_cache_set_refresh(c, 0);
	CHECK(!is_miss(c, &k2));

	t_begin("close: appends one counters line to stats/HOST.log");
	lq_cache_close(c);
	{
		char *sd = lq_xasprintf("%s/stats", dir);
		DIR *d = opendir(sd);
		struct dirent *e;
		int lines = 0;

		while (d && (e = readdir(d)) != NULL) {
			char *f, *text;

			if (e->d_name[0] == '.')
				continue;
			f = lq_xasprintf("%s/%s", sd, e->d_name);
			text = read_file(f, &n);
			CHECK(text != NULL && strstr(text, "\"profile\":{\"hits\":") != NULL);
			for (size_t i = 0; text && i < n; i++)
				lines += text[i] == '\n';
			free(text);
			free(f);
		}
		if (d)
			closedir(d);
		CHECK_INT(lines, 1);
		free(sd);
	}

	t_begin("LQ_CACHE_READONLY: hits are served, nothing is written or touched");
	{
		struct timespec ts[2] = { { time(NULL) - 5 * 86400, 0 }, { time(NULL) - 5 * 86400, 0 } };
		struct stat st;
		char *op = obj_path(dir, &k2), *sd = lq_xasprintf("%s/stats", dir);
		int before = count_files(sd);
		struct lq_cache_key k3;

		CHECK(utimensat(AT_FDCWD, op, ts, 0) == 0);
		setenv("LQ_CACHE_READONLY", "1", 1);
		c = lq_cache_open(dir);
		CHECK(!is_miss(c, &k2));
		CHECK(stat(op, &st) == 0 && st.st_mtime == ts[1].tv_sec);
		key(&k3, LQ_NS_PROFILE, "readonly-new");
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k3, "x", 1), -1);
		CHECK(is_miss(c, &k3));
		lq_cache_close(c);
		CHECK_INT(count_files(sd), before);
		unsetenv("LQ_CACHE_READONLY");
		free(op);
		free(sd);
	}

	t_begin("LQ_NO_CACHE: disabled, every get misses, puts are dropped, nothing created");
	{
		char *d2 = fresh("nocache");

		setenv("LQ_NO_CACHE", "1", 1);
		c = lq_cache_open(d2);
		CHECK(lq_cache_dir(c) == NULL);
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "x", 1), -1);
		CHECK(is_miss(c, &k2));
		lq_cache_close(c);
		CHECK(access(d2, F_OK) != 0);
		setenv("LQ_NO_CACHE", "0", 1);	/* "0" means no */
		c = lq_cache_open(d2);
		CHECK(lq_cache_dir(c) != NULL);
		lq_cache_close(c);
		unsetenv("LQ_NO_CACHE");
		free(d2);
	}

	t_begin("default directory: LQ_CACHE_DIR, then XDG_CACHE_HOME/lq, then HOME/.cache/lq");
	{
		char *save = getenv("LQ_CACHE_DIR") ? lq_xstrdup(getenv("LQ_CACHE_DIR")) : NULL;

		setenv("LQ_CACHE_DIR", "/a/b", 1);
		setenv("XDG_CACHE_HOME", "/x", 1);
		setenv("HOME", "/h", 1);
		p = lq_cache_default_dir();
		CHECK_STR(p, "/a/b");
		free(p);
		setenv("LQ_CACHE_DIR", "", 1);
		p = lq_cache_default_dir();
		CHECK_STR(p, "/x/lq");
		free(p);
		unsetenv("XDG_CACHE_HOME");
		p = lq_cache_default_dir();
		CHECK_STR(p, "/h/.cache/lq");
		free(p);
		unsetenv("HOME");
		CHECK(lq_cache_default_dir() == NULL);
		if (save)
			setenv("LQ_CACHE_DIR", save, 1);
		else
			unsetenv("LQ_CACHE_DIR");
		free(save);
	}

	t_begin("an uncreatable directory disables the cache (warning), records flow");
	{
		char *f = fresh("plainfile"), *d2 = lq_xasprintf("%s/sub", f);

		write_file(f, "x", 1);
		c = lq_cache_open(d2);
		CHECK(lq_cache_dir(c) == NULL);
		CHECK(is_miss(c, &k2));
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "x", 1), -1);
		lq_cache_close(c);
		free(f);
		free(d2);
	}

	t_begin("open sweeps temp files older than a day, keeps fresh ones");
	{
		char *old = lq_xasprintf("%s/tmp/deadbeef.old", dir);
		char *young = lq_xasprintf("%s/tmp/deadbeef.young", dir);
		struct timespec ts[2] = { { time(NULL) - 2 * 86400, 0 }, { time(NULL) - 2 * 86400, 0 } };

		write_file(old, "partial", 7);
		write_file(young, "partial", 7);
		CHECK(utimensat(AT_FDCWD, old, ts, 0) == 0);
		c = lq_cache_open(dir);
		CHECK(access(old, F_OK) != 0);
		CHECK(access(young, F_OK) == 0);
		lq_cache_close(c);
		unlink(young);
		free(old);
		free(young);
	}

	t_begin("a cache cleared under a running process: put recreates tmp/ and objects/");
	{
		char *cmd = lq_xasprintf("rm -rf '%s/tmp' '%s/objects'", dir, dir);

		c = lq_cache_open(dir);
		CHECK(system(cmd) == 0);
		key(&k2, LQ_NS_PROFILE, "after-clear");
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "back", 4), 0);
		p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, NULL);
		CHECK_STR(p, "back");
		free(p);
		lq_cache_close(c);
		free(cmd);
	}

	t_begin("human durations and sizes");
	CHECK(lq_parse_duration("--max-age", "30d") == 30 * 86400.0);
	CHECK(lq_parse_duration("--max-age", "12h") == 12 * 3600.0);
	CHECK(lq_parse_duration("--max-age", "90m") == 5400.0);
	CHECK(lq_parse_duration("--max-age", "45s") == 45.0);
	CHECK(lq_parse_duration("--max-age", "1.5w") == 1.5 * 7 * 86400);
	CHECK(lq_parse_duration("--max-age", "7") == 7 * 86400.0);
	CHECK(lq_parse_duration("--max-age", "0") == 0.0);
	CHECK_INT(lq_parse_size("--max-size", "4096"), 4096);
	CHECK_INT(lq_parse_size("--max-size", "500M"), 500000000);
	CHECK_INT(lq_parse_size("--max-size", "2G"), 2000000000);
	CHECK_INT(lq_parse_size("--max-size", "2GB"), 2000000000);
	CHECK_INT(lq_parse_size("--max-size", "10k"), 10000);
	CHECK_INT(lq_parse_size("--max-size", "1Ki"), 1024);
	CHECK_INT(lq_parse_size("--max-size", "1.5GiB"), 1610612736);
	CHECK_INT(lq_parse_size("--max-size", "3T"), 3000000000000LL);

	t_begin("concurrent writers and readers of one key (8 processes): every hit is whole");
	{
		char payload[4096];
		pid_t pids[8];
		int ok = 1;

		for (size_t i = 0; i < sizeof payload - 1; i++)
			payload[i] = (char)('a' + i % 26);
		payload[sizeof payload - 1] = '\0';
		key(&k2, LQ_NS_PROFILE, "contended");
		fflush(stdout);
		for (int i = 0; i < 8; i++)
			if ((pids[i] = fork()) == 0)
				hammer(dir, &k2, payload, 150);
		for (int i = 0; i < 8; i++) {
			int st;

			ok &= waitpid(pids[i], &st, 0) == pids[i] && WIFEXITED(st) && WEXITSTATUS(st) == 0;
		}
		CHECK(ok);
		c = lq_cache_open(dir);
		p = lq_cache_get(c, LQ_NS_PROFILE, &k2, 0, &n);
		CHECK(p != NULL && n == strlen(payload) && memcmp(p, payload, n) == 0);
		free(p);
		lq_cache_close(c);
		p = lq_xasprintf("%s/tmp", dir);
		CHECK_INT(count_files(p), 0);	/* no temp file left behind */
		free(p);
	}

	t_begin("kill -9 of writers at random moments: every object left is whole");
	{
		char *kdir = fresh("killed"), payload[8192];
		int bad = 0, objects = 0;

		memset(payload, 'p', sizeof payload);
		srand(12345);
		for (int round = 0; round < 15; round++) {
			pid_t pid;

			fflush(stdout);
			if ((pid = fork()) == 0) {
				struct lq_cache *wc = lq_cache_open(kdir);

				for (long i = 0; ; i++) {
					char in[32];
					struct lq_cache_key kk;

					snprintf(in, sizeof in, "%d-%ld", round, i);
					key(&kk, LQ_NS_PROFILE, in);
					lq_cache_put(wc, LQ_NS_PROFILE, &kk, payload, sizeof payload);
				}
			}
			usleep(2000 + (useconds_t)(rand() % 8000));
			kill(pid, SIGKILL);
			waitpid(pid, NULL, 0);
		}
		/* Read back every file under objects/ through the strict parser. */
		{
			char *od = lq_xasprintf("%s/objects", kdir);
			DIR *d = opendir(od);
			struct dirent *e;

			while (d && (e = readdir(d)) != NULL) {
				char *sub;
				DIR *sd;
				struct dirent *f;

				if (e->d_name[0] == '.')
					continue;
				sub = lq_xasprintf("%s/%s", od, e->d_name);
				sd = opendir(sub);
				while (sd && (f = readdir(sd)) != NULL) {
					struct lq_cache_object o;
					const char *why;
					char *fp, *text;

					if (f->d_name[0] == '.')
						continue;
					fp = lq_xasprintf("%s/%s", sub, f->d_name);
					text = read_file(fp, &n);
					objects++;
					if (text == NULL || lq_cache_object_parse(text, n, &o, &why) != 0 ||
					    o.len != sizeof payload)
						bad++;
					free(text);
					free(fp);
				}
				if (sd)
					closedir(sd);
				free(sub);
			}
			if (d)
				closedir(d);
			free(od);
		}
		CHECK(objects > 0);
		CHECK_INT(bad, 0);
		free(kdir);
	}

	t_begin("write failure (ulimit -f): no SIGXFSZ death, one warning, put returns -1, no temp file left");
	{
		char *errf = fresh("stderr.txt");
		int st = 0;
		pid_t pid;

		fflush(stdout);
		if ((pid = fork()) == 0) {
			struct rlimit rl = { 200, 200 };
			char big[4096];
			struct lq_cache_key kk;
			int fd = open(errf, O_WRONLY | O_CREAT | O_TRUNC, 0666);
			int r1, r2, r3;

			dup2(fd, 2);
			/* No signal(SIGXFSZ, SIG_IGN) here: the cache must ignore it. */
			signal(SIGXFSZ, SIG_DFL);
			memset(big, 'x', sizeof big);
			c = lq_cache_open(dir);
			setrlimit(RLIMIT_FSIZE, &rl);
			key(&kk, LQ_NS_PROFILE, "too-big-1");
			r1 = lq_cache_put(c, LQ_NS_PROFILE, &kk, big, sizeof big);
			key(&kk, LQ_NS_PROFILE, "too-big-2");
			r2 = lq_cache_put(c, LQ_NS_PROFILE, &kk, big, sizeof big);
			key(&kk, LQ_NS_PROFILE, "small");
			r3 = lq_cache_put(c, LQ_NS_PROFILE, &kk, "ok", 2);	/* fits: still stored */
			_exit(r1 == -1 && r2 == -1 && r3 == 0 ? 0 : 1);
		}
		CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
		p = read_file(errf, &n);
		CHECK(p != NULL && strstr(p, "cache: ") != NULL && strstr(p, "File too large") != NULL);
		CHECK(p != NULL && strchr(p, '\n') == p + n - 1);	/* exactly one line */
		free(p);
		p = lq_xasprintf("%s/tmp", dir);
		CHECK_INT(count_files(p), 0);
		free(p);
		c = lq_cache_open(dir);
		key(&k2, LQ_NS_PROFILE, "too-big-1");
		CHECK(is_miss(c, &k2));
		key(&k2, LQ_NS_PROFILE, "small");
		CHECK(!is_miss(c, &k2));
		lq_cache_close(c);
		free(errf);
	}

	t_begin("modes: objects, journal entries, CACHEDIR.TAG 0600 and directories 0700 by default; LQ_CACHE_UMASK");
	{
		char *d2 = fresh("modes"), *op, *sub;
		struct stat st;
		json_t *doc = json_pack("{si}", "v", 1);

		unsetenv("LQ_CACHE_UMASK");
		umask(022);
		c = lq_cache_open(d2);
		key(&k2, LQ_NS_PROFILE, "mode");
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "x", 1), 0);
		CHECK_INT(lq_journal_put(c, "apify-m", doc), 0);
		lq_cache_close(c);
		op = obj_path(d2, &k2);
		CHECK(stat(op, &st) == 0 && (st.st_mode & 0777) == 0600);
		sub = lq_xasprintf("%s/objects/%.2s", d2, k2.hex);
		CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0700);
		free(sub);
		sub = lq_xasprintf("%s/objects", d2);
		CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0700);
		free(sub);
		sub = lq_xasprintf("%s/runs/apify-m.json", d2);
		CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0600);
		free(sub);
		sub = lq_xasprintf("%s/CACHEDIR.TAG", d2);
		CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0600);
		free(sub);
		free(op);
		free(d2);

		/* LQ_CACHE_UMASK=007: a group shares the cache. */
		d2 = fresh("modes-group");
		setenv("LQ_CACHE_UMASK", "007", 1);
		c = lq_cache_open(d2);
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &k2, "x", 1), 0);
		lq_cache_close(c);
		op = obj_path(d2, &k2);
		CHECK(stat(op, &st) == 0 && (st.st_mode & 0777) == 0660);
		sub = lq_xasprintf("%s/objects/%.2s", d2, k2.hex);
		CHECK(stat(sub, &st) == 0 && (st.st_mode & 0777) == 0770);
		free(sub);
		free(op);
		free(d2);
		unsetenv("LQ_CACHE_UMASK");
		json_decref(doc);
	}

	t_begin("symlinks planted in a shared cache are not followed on write");
	{
		char *d2 = fresh("links"), *victim = fresh("victim"), *vfile = fresh("victim.log");
		char *fan, *cmd, host[256] = "localhost", *stats;
		struct lq_cache_key kk;

		CHECK(mkdir(victim, 0700) == 0);
		write_file(vfile, "keep\n", 5);
		c = lq_cache_open(d2);
		lq_cache_close(c);
		/* objects/ab -> victim: the object must not land in victim. */
		key(&kk, LQ_NS_PROFILE, "planted-fan");
		fan = lq_xasprintf("%s/objects/%.2s", d2, kk.hex);
		rmdir(fan);
		CHECK(symlink(victim, fan) == 0);
		/* stats/HOST.log -> victim.log: must not be appended to. */
		if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0')
			strcpy(host, "localhost");
		stats = lq_xasprintf("%s/stats/%s.log", d2, host);
		CHECK(symlink(vfile, stats) == 0);
		lq_quiet = 1;
		c = lq_cache_open(d2);
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &kk, "secret", 6), -1);
		CHECK(is_miss(c, &kk));
		lq_cache_close(c);
		CHECK_INT(count_files(victim), 0);
		p = read_file(vfile, &n);
		CHECK_STR(p, "keep\n");
		free(p);
		/* A link as tmp/ disables writes, never follows. */
		cmd = lq_xasprintf("rm -rf '%s/tmp' && ln -s '%s' '%s/tmp'", d2, victim, d2);
		CHECK(system(cmd) == 0);
		c = lq_cache_open(d2);
		key(&kk, LQ_NS_PROFILE, "planted-tmp");
		CHECK_INT(lq_cache_put(c, LQ_NS_PROFILE, &kk, "secret", 6), -1);
		lq_cache_close(c);
		CHECK_INT(count_files(victim), 0);
		free(cmd);
		free(stats);
		free(fan);
		free(vfile);
		free(victim);
		free(d2);
	}

	t_begin("journal: put, list by prefix, replace, delete; hostile entries skipped");
	{
		char *d2 = fresh("journal"), *f;
		json_t *a = json_pack("{ss}", "run", "r1"), *b = json_pack("{ss}", "run", "r2"), *all;

		c = lq_cache_open(d2);
		CHECK_INT(lq_journal_put(c, "apify-aa", a), 0);
		CHECK_INT(lq_journal_put(c, "apify-bb", b), 0);
		CHECK_INT(lq_journal_put(c, "other-cc", b), 0);
		CHECK_INT(lq_journal_put(c, "../escape", b), -1);
		CHECK_INT(lq_journal_put(c, "UPPER", b), -1);
		f = lq_xasprintf("%s/runs/apify-zz.json", d2);
		write_file(f, "{broken", 7);
		free(f);
		f = lq_xasprintf("%s/runs/apify-ln.json", d2);
		CHECK(symlink("apify-aa.json", f) == 0);
		free(f);
		all = lq_journal_list(c, "apify-");
		CHECK_INT(json_object_size(all), 2);
		CHECK_STR(json_string_value(json_object_get(json_object_get(all, "apify-bb"), "run")), "r2");
		json_decref(all);
		CHECK_INT(lq_journal_put(c, "apify-aa", b), 0);
		all = lq_journal_list(c, "apify-");
		CHECK_STR(json_string_value(json_object_get(json_object_get(all, "apify-aa"), "run")), "r2");
		json_decref(all);
		CHECK_INT(lq_journal_del(c, "apify-aa"), 0);
		CHECK_INT(lq_journal_del(c, "apify-aa"), 0);
		all = lq_journal_list(c, "apify-");
		CHECK_INT(json_object_size(all), 1);
		json_decref(all);
		f = lq_xasprintf("%s/tmp", d2);
		CHECK_INT(count_files(f), 0);
		free(f);
		lq_cache_close(c);
		json_decref(a);
		json_decref(b);
		free(d2);
	}

	free(dir);
	{
		char *cmd = lq_xasprintf("rm -rf '%s'", root);

		if (system(cmd) != 0)
			printf("# could not remove %s\n", root);
		free(cmd);
	}
	return t_done();
}
