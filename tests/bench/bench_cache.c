/* bench_cache.c: cache gets of ~4 KB JSON profiles vs parsing the same JSON from one file. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "diag.h"
#include "util.h"

/* usage: bench_cache N DIR
 * Writes N profile-like JSON objects (~4 KB each) to DIR/profiles.ndjson
 * and into the cache DIR/cache, then times (1) the baseline: reading the
 * file line by line and parsing each line with jansson, (2) the cache:
 * for each profile id, lq_cache_key + lq_cache_get_json, (3) the cache
 * alone: key + lq_cache_get without JSON. Prints one line per phase. */

static void
profile(struct lq_buf *b, long i)
{
	lq_buf_addf(b, "{\"profileId\":\"ACoAA%08ldXyZ\",\"publicIdentifier\":\"person-%ld\","
	    "\"firstName\":\"First%ld\",\"lastName\":\"Last%ld\",\"headline\":\"Chief Financial "
	    "Officer at Company %ld | Fintech | Payments\",\"geoLocationName\":\"London, England, "
	    "United Kingdom\",\"positions\":[", i, i, i, i, i % 997);
	for (int p = 0; p < 8; p++)
		lq_buf_addf(b, "%s{\"title\":\"Role %d of person %ld\",\"companyName\":\"Company %ld\","
		    "\"description\":\"Led a team of %d people across finance, operations and "
		    "strategy; built the reporting stack, raised two rounds, ran the audit and "
		    "hired the controllers.\",\"timePeriod\":{\"startDate\":{\"year\":%d}}%s}",
		    p ? "," : "", p, i, (i + p) % 1009, 3 + p, 2010 + p,
		    p ? ",\"endDate\":{\"year\":2020}" : "");
	lq_buf_addf(b, "],\"summary\":\"");
	for (int s = 0; s < 24; s++)
		lq_buf_addf(b, "Sentence %d about the work of person %ld in finance. ", s, i);
	lq_buf_adds(b, "\",\"skills\":[\"Finance\",\"FP&A\",\"Fundraising\",\"M&A\",\"Treasury\"]}");
}

static void
id_of(char *out, size_t n, long i)
{
	snprintf(out, n, "ACoAA%08ldXyZ", i);
}

int
main(int argc, char **argv)
{
	long n;
	char *path, *cdir, id[64];
	struct lq_buf b = LQ_BUF_INIT;
	struct lq_cache *c;
	struct lq_cache_key k;
	FILE *fp;
	double t0, base, cached, raw;
	unsigned long long bytes = 0, got = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;

	lq_init(argv[0]);
	if (argc != 3)
		lq_die(LQ_EXIT_USAGE, "usage: bench_cache N DIR");
	n = atol(argv[1]);
	path = lq_xasprintf("%s/profiles.ndjson", argv[2]);
	cdir = lq_xasprintf("%s/cache", argv[2]);

	/* Setup: the file and the cache hold the same texts. */
	c = lq_cache_open(cdir);
	if ((fp = fopen(path, "w")) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	for (long i = 0; i < n; i++) {
		lq_buf_reset(&b);
		profile(&b, i);
		bytes += b.len;
		id_of(id, sizeof id, i);
		lq_cache_key(&k, LQ_NS_PROFILE, 1, "yZnhB5JewWf9xSmoM", id, strlen(id));
		if (lq_cache_put(c, LQ_NS_PROFILE, &k, b.data, b.len) != 0)
			lq_die(LQ_EXIT_FATAL, "setup: put failed");
		lq_buf_addc(&b, '\n');
		fwrite(b.data, 1, b.len, fp);
	}
	if (fclose(fp) != 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	lq_cache_close(c);

	/* Baseline: the JSON I/O a rerun cannot avoid. */
	t0 = lq_now();
	if ((fp = fopen(path, "r")) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	while ((len = getline(&line, &cap, fp)) > 0) {
		json_t *j = json_loadb(line, (size_t)len, 0, NULL);

		if (j == NULL)
			lq_die(LQ_EXIT_FATAL, "baseline: bad JSON");
		got++;
		json_decref(j);
	}
	fclose(fp);
	base = lq_now() - t0;
	if (got != (unsigned long long)n)
		lq_die(LQ_EXIT_FATAL, "baseline: %llu records", got);

	c = lq_cache_open(cdir);
	t0 = lq_now();
	for (long i = 0; i < n; i++) {
		json_t *j;

		id_of(id, sizeof id, i);
		lq_cache_key(&k, LQ_NS_PROFILE, 1, "yZnhB5JewWf9xSmoM", id, strlen(id));
		if ((j = lq_cache_get_json(c, LQ_NS_PROFILE, &k, LQ_CACHE_TTL_PROFILE)) == NULL)
			lq_die(LQ_EXIT_FATAL, "cache: miss for %s", id);
		json_decref(j);
	}
	cached = lq_now() - t0;

	t0 = lq_now();
	for (long i = 0; i < n; i++) {
		char *p;

		id_of(id, sizeof id, i);
		lq_cache_key(&k, LQ_NS_PROFILE, 1, "yZnhB5JewWf9xSmoM", id, strlen(id));
		if ((p = lq_cache_get(c, LQ_NS_PROFILE, &k, LQ_CACHE_TTL_PROFILE, NULL)) == NULL)
			lq_die(LQ_EXIT_FATAL, "cache: miss for %s", id);
		free(p);
	}
	raw = lq_now() - t0;
	lq_cache_close(c);

	printf("records %ld, mean JSON size %llu bytes\n", n, bytes / (unsigned long long)n);
	printf("baseline: read one NDJSON file + jansson parse   %9.0f records/s  (%.2f s)\n", n / base, base);
	printf("cache:    key + lq_cache_get_json (read+verify+parse) %9.0f records/s  (%.2f s)  ratio to baseline %.2f\n",
	    n / cached, cached, base / cached);
	printf("cache alone: key + lq_cache_get (no JSON parse)  %9.0f records/s  (%.2f s)  = %.0f%% of the cached read\n",
	    n / raw, raw, 100 * raw / cached);
	free(line);
	free(path);
	free(cdir);
	lq_buf_free(&b);
	return 0;
}
