/* scrape.c: enrich discovered leads with their LinkedIn profile (Apify actor, dataset export, folder, cache). */
#include <dirent.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cache.h"
#include "diag.h"
#include "http.h"
#include "ndjson.h"
#include "opts.h"
#include "profile.h"
#include "record.h"
#include "redact.h"
#include "retry.h"
#include "run.h"
#include "util.h"

enum {
	OPT_ABORT_ORPHANS = 256, OPT_CACHE_ONLY, OPT_DRY_RUN, OPT_FROM_DATASET, OPT_FROM_DIR,
	OPT_LIMIT, OPT_MAX_AGE, OPT_MAX_ATTEMPTS, OPT_MAX_WAIT, OPT_POLL_WAIT, OPT_PRICE_PROFILE,
	OPT_PRICE_RUN, OPT_REFRESH, OPT_RETRY_DELAY, OPT_RUN_TIMEOUT, OPT_TIMEOUT, OPT_TRACE
};

static const struct lq_option options[] = {
	{ "abort-orphans", OPT_ABORT_ORPHANS, NULL, "abort running runs of the actor (left by a crash), then go on" },
	{ "actor", 'a', "ID", "Apify actor id or owner~name [yZnhB5JewWf9xSmoM]" },
	{ "batch-size", 'b', "N", "profile URLs per actor run [5]" },
	{ "cache-only", OPT_CACHE_ONLY, NULL, "serve from the cache only; a miss is a failed record" },
	{ "dry-run", OPT_DRY_RUN, NULL, "count cached and to-fetch profiles, runs and cost; fetch nothing" },
	{ "from-dataset", OPT_FROM_DATASET, "FILE", "take profiles from an Apify dataset export (JSON array or JSONL)" },
	{ "from-dir", OPT_FROM_DIR, "DIR", "take profiles from the *.json files of DIR" },
	{ "jobs", 'j', "N", "actor runs at once [20]" },
	{ "limit", OPT_LIMIT, "N", "fetch at most N profiles; later ones pass unchanged" },
	{ "max-age", OPT_MAX_AGE, "DAYS", "cached profiles older than this are fetched again [30]" },
	{ "max-attempts", OPT_MAX_ATTEMPTS, "N", "attempts per record and per request [3]" },
	{ "max-wait", OPT_MAX_WAIT, "SECS", "longest wait Apify may ask for; longer fails [120]" },
	{ "poll-wait", OPT_POLL_WAIT, "SECS", "waitForFinish of each run poll, 1..60 [60]" },
	{ "price-profile", OPT_PRICE_PROFILE, "USD", "cost of one profile for estimates [0.003]" },
	{ "price-run", OPT_PRICE_RUN, "USD", "cost of one actor run for estimates [0]" },
	{ "refresh", OPT_REFRESH, NULL, "ignore cached profiles and re-enrich enriched records" },
	{ "retry-delay", OPT_RETRY_DELAY, "SECS", "first retry delay, doubled each retry, with jitter [0.5]" },
	{ "run-timeout", OPT_RUN_TIMEOUT, "SECS", "abort an actor run not finished after SECS [600]" },
	{ "timeout", OPT_TIMEOUT, "SECS", "timeout of one HTTP request [90]" },
	{ "trace", OPT_TRACE, "FILE", "append one JSON line per API request to FILE" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[--from-dataset FILE | --from-dir DIR | --cache-only]",
	"enrich discovered leads (NDJSON on stdin) with their LinkedIn profile",
	"Sources: the Apify actor (APIFY_API_TOKEN; LQ_APIFY_BASE_URL, default\n"
	"https://api.apify.com), --from-dataset, --from-dir or --cache-only. Every\n"
	"source fills the cache (namespace profile). Failed records pass through;\n"
	"enriched ones too unless --refresh. See lq-scrape(1) and docs/scrape.md.",
	options, LQ_COMMON_FILTER
};

/* Settings. */
static const char *actor = "yZnhB5JewWf9xSmoM";
static const char *token, *base_url = "https://api.apify.com";
static int jobs = 20, batch_size = 5, max_attempts = 3, dry_run, refresh, cache_only;
static long long limit = -1;
static double max_age = 30 * 86400.0, poll_wait = 60, run_timeout = 600, req_timeout = 90;
static double retry_delay = 0.5, price_profile = 0.003, price_run = 0, max_wait;
static struct lq_retry policy;		/* of the batch loop: runs started again */
static double queue_not_before;		/* no run starts before this time */
static const char *from_dataset, *from_dir;

static struct lq_cache *cache;
static struct lq_http *http;
static FILE *trace;
static json_t *source_index;	/* key -> {"item","source"} for --from-dataset/--from-dir */

/* Counters for the summary. */
static unsigned long long n_runs, n_fetched, n_hits, n_unmatched, n_limited, n_would_fetch;

/* Why the stage stopped: NULL while all is well. */
static char *stop_reason;
static int stop_status;
static volatile sig_atomic_t got_signal;

/* ---- the reorder window ---- */

enum { S_READY, S_WAIT, S_RUN };

struct slot {
	json_t *rec;
	int state;
	int attempts;		/* runs this record was part of */
};

static struct slot *win;
static size_t win_cap, win_head, win_tail;	/* sequence numbers: [head, tail) */
static size_t *waitq;				/* sequence numbers waiting for a run */
static size_t wq_head, wq_len;

#define SLOT(seq) (&win[(seq) % win_cap])

static void
wait_push(size_t seq)
{
	waitq[(wq_head + wq_len) % win_cap] = seq;
	wq_len++;
	SLOT(seq)->state = S_WAIT;
}

static size_t
wait_pop(void)
{
	size_t seq = waitq[wq_head];

	wq_head = (wq_head + 1) % win_cap;
	wq_len--;
	return seq;
}

/* ---- runs ---- */

enum { P_START, P_POLL, P_ITEMS };

struct batch {
	size_t seq[64];
	int n;
	int phase;
	char *run_id, *dataset_id;
	double t_start;
	int items_tries;
	int holds_job;		/* the run may still be going: counts against --jobs */
	struct batch *next;
};

static struct batch *batches;
static int n_active;		/* batches alive */
static int n_jobs;		/* batches holding a job (see release_job) */

static void submit_step(struct batch *b);

static json_t *
batch_ids(const struct batch *b)
{
	json_t *a = json_array();
	int i;

	for (i = 0; i < b->n; i++)
		json_array_append_new(a, json_string(lq_rec_name(SLOT(b->seq[i])->rec)));
	return a;
}

/* A finished run no longer occupies Apify: fetching its items must not
 * hold up the next run, or every run would pay that round trip on top of
 * its own duration. */
static void
release_job(struct batch *b)
{
	if (b->holds_job) {
		b->holds_job = 0;
		n_jobs--;
	}
}

static void
batch_free(struct batch *b)
{
	struct batch **pp;

	for (pp = &batches; *pp; pp = &(*pp)->next)
		if (*pp == b) {
			*pp = b->next;
			break;
		}
	n_active--;
	release_job(b);
	free(b->run_id);
	free(b->dataset_id);
	free(b);
}

static char *
api_url(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *
api_url(const char *fmt, ...)
{
	struct lq_buf b = LQ_BUF_INIT;
	va_list ap;

	lq_buf_adds(&b, base_url);
	while (b.len > 0 && b.data[b.len - 1] == '/')
		b.data[--b.len] = '\0';
	va_start(ap, fmt);
	lq_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return lq_buf_detach(&b);
}

static void
abort_done(struct lq_http *h, struct lq_http_req *r)
{
	const char *id = strstr(r->url, "/actor-runs/");

	(void)h;
	if (!lq_http_ok(r))
		lq_warn("could not abort actor run %.*s: %s", id ? (int)strcspn(id + 12, "/") : 0,
		    id ? id + 12 : "", lq_http_strerror(r));
}

/* Asks Apify to abort a run; the request completes on its own. */
static void
abort_run(const char *run_id)
{
	char *url = api_url("/v2/actor-runs/%s/abort", run_id);
	struct lq_http_req *r = lq_http_req_new("POST", url, NULL, token, abort_done, NULL);

	free(url);
	lq_http_submit(http, r);
}

/* Stops the stage: message now, unfinished records failed at the end. */
static void
stop(int status, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
stop(int status, const char *fmt, ...)
{
	struct lq_buf b = LQ_BUF_INIT;
	va_list ap;

	if (stop_reason)
		return;
	va_start(ap, fmt);
	lq_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	stop_reason = lq_buf_detach(&b);
	stop_status = status;
	lq_warn("%s", stop_reason);
}

/* The batch failed as a whole: its records go back to the queue for a new
 * run after the retry policy's delay (server_wait: what the last answer's
 * headers asked for, or -1), or fail when they have had their attempts
 * or the server asks for a longer wait than --max-wait. */
static void
batch_fail(struct batch *b, const char *code, const char *msg, double server_wait)
{
	int i, most = 0;
	double d = 0;
	enum lq_retry_verdict v;

	for (i = 0; i < b->n; i++)
		if (SLOT(b->seq[i])->attempts > most)
			most = SLOT(b->seq[i])->attempts;
	v = lq_retry_next(&policy, most > 0 ? most : 1, server_wait, &d);
	if (v == LQ_RETRY_GO && lq_now() + d > queue_not_before)
		queue_not_before = lq_now() + d;
	for (i = 0; i < b->n; i++) {
		struct slot *s = SLOT(b->seq[i]);

		if (s->state != S_RUN)
			continue;
		if (s->attempts < max_attempts && !stop_reason && v != LQ_RETRY_TOO_LONG) {
			lq_rec_set_retry_count(s->rec, s->attempts);
			wait_push(b->seq[i]);
		} else {
			lq_rec_set_retry_count(s->rec, s->attempts > 0 ? s->attempts - 1 : 0);
			if (v == LQ_RETRY_TOO_LONG)
				lq_rec_fail(s->rec, code, "%s; Apify asks to wait %.0f s, more than --max-wait %.0f s",
				    msg, d, policy.max_wait);
			else
				lq_rec_fail(s->rec, code, "%s", msg);
			s->state = S_READY;
		}
	}
	if (!lq_quiet)
		lq_note("run%s%s: %s%s", b->run_id ? " " : "", b->run_id ? b->run_id : "", msg,
		    max_attempts > 1 ? " (records retried while attempts remain)" : "");
	batch_free(b);
}

static const char *
run_field(const json_t *run, const char *k)
{
	return json_string_value(json_object_get(run, k));
}

static void
match_items(struct batch *b, json_t *items)
{
	char ts[32], *src = lq_xasprintf("apify:%s", b->run_id);
	size_t i;
	json_t *item;
	int j;

	lq_iso_now(ts, sizeof ts);
	json_array_foreach(items, i, item) {
		char *ik[LQ_PROFILE_MAXKEYS];
		int ni = lq_profile_item_keys(item, ik), matched = 0, k;

		for (j = 0; j < b->n; j++) {
			struct slot *s = SLOT(b->seq[j]);
			char *rk[LQ_PROFILE_MAXKEYS];
			int nr = lq_profile_record_keys(s->rec, rk), hit = 0, x, y;

			for (x = 0; x < nr; x++) {
				for (y = 0; y < ni && !hit; y++)
					hit = strcmp(rk[x], ik[y]) == 0;
				free(rk[x]);
			}
			if (!hit || s->state != S_RUN)
				continue;
			matched = 1;
			lq_rec_set_retry_count(s->rec, s->attempts - 1);
			if (lq_profile_apply(s->rec, item) != 0) {
				lq_rec_fail(s->rec, "bad_item", "actor run %s returned an item of unknown shape",
				    b->run_id);
			} else {
				json_t *c = json_object();

				json_object_set_new(c, "hit", json_false());
				json_object_set_new(s->rec, "cache", c);
				json_object_set_new(s->rec, "scraped_at", json_string(ts));
				lq_rec_set_str(s->rec, "scrape_source", src);
				n_fetched++;
			}
			s->state = S_READY;
		}
		if (matched && lq_profile_shape(item) != LQ_SHAPE_UNKNOWN)
			lq_profile_cache_put(cache, actor, item, ts, src);
		if (!matched)
			n_unmatched++;
		for (k = 0; k < ni; k++)
			free(ik[k]);
	}
	for (j = 0; j < b->n; j++) {
		struct slot *s = SLOT(b->seq[j]);

		if (s->state == S_RUN) {
			lq_rec_set_retry_count(s->rec, s->attempts - 1);
			lq_rec_fail(s->rec, "no_data", "no data returned by actor run %s", b->run_id);
			s->state = S_READY;
		}
	}
	free(src);
}

static void
step_done(struct lq_http *h, struct lq_http_req *r)
{
	struct batch *b = r->arg;
	json_t *j = NULL, *run;
	json_error_t e;
	const char *st;
	char msg[600];

	(void)h;
	if (stop_reason)
		return;		/* the batch is failed by the stop */
	if (lq_http_fatal(r)) {
		stop(LQ_EXIT_FATAL, "Apify refused the request (%s): check APIFY_API_TOKEN and the account; stage stopped",
		    lq_http_strerror(r));
		return;
	}
	if (!lq_http_ok(r)) {
		snprintf(msg, sizeof msg, "%s %s failed after %d attempts: %s",
		    b->phase == P_START ? "starting the actor run" : b->phase == P_POLL ? "polling the run" : "fetching the items",
		    b->phase == P_START ? "" : b->run_id, r->attempts, lq_http_strerror(r));
		if (b->run_id && b->phase == P_POLL)
			abort_run(b->run_id);
		batch_fail(b, "apify", msg, lq_http_server_wait(r));
		return;
	}
	j = json_loadb(r->resp.data ? r->resp.data : "", r->resp.len, 0, &e);
	if (b->phase == P_ITEMS) {
		if (!json_is_array(j)) {
			json_decref(j);
			if (++b->items_tries < max_attempts) {
				submit_step(b);
				return;
			}
			snprintf(msg, sizeof msg, "items of run %s are not a JSON array", b->run_id);
			batch_fail(b, "apify", msg, -1);
			return;
		}
		r->trace_items = (long)json_array_size(j);
		match_items(b, j);
		json_decref(j);
		batch_free(b);
		return;
	}
	run = json_object_get(j, "data");
	if (!json_is_object(run) || !run_field(run, "id") || !run_field(run, "status")) {
		snprintf(msg, sizeof msg, "%s: answer is not a run object%s%s",
		    b->phase == P_START ? "starting the actor run" : "polling the run",
		    j ? "" : ": ", j ? "" : e.text);
		json_decref(j);
		if (b->run_id && b->phase == P_POLL)
			abort_run(b->run_id);
		batch_fail(b, "apify", msg, -1);
		return;
	}
	if (b->phase == P_START) {
		n_runs++;
		b->run_id = lq_xstrdup(run_field(run, "id"));
	}
	if (run_field(run, "defaultDatasetId") && !b->dataset_id)
		b->dataset_id = lq_xstrdup(run_field(run, "defaultDatasetId"));
	st = run_field(run, "status");
	if (strcmp(st, "SUCCEEDED") == 0) {
		b->phase = P_ITEMS;
		release_job(b);
	} else if (strcmp(st, "FAILED") == 0 || strcmp(st, "TIMED-OUT") == 0 || strcmp(st, "ABORTED") == 0) {
		const char *sm = run_field(run, "statusMessage");

		snprintf(msg, sizeof msg, "actor run %s ended %s%s%s", b->run_id, st, sm ? ": " : "", sm ? sm : "");
		json_decref(j);
		batch_fail(b, "apify_run", msg, -1);
		return;
	} else {
		b->phase = P_POLL;
	}
	json_decref(j);
	if (b->phase == P_POLL && lq_now() - b->t_start > run_timeout) {
		snprintf(msg, sizeof msg, "actor run %s did not finish within %g s; aborted", b->run_id, run_timeout);
		abort_run(b->run_id);
		batch_fail(b, "apify_timeout", msg, -1);
		return;
	}
	submit_step(b);
}

static void
submit_step(struct batch *b)
{
	struct lq_http_req *r;
	char *url, *body = NULL;

	if (b->phase == P_START) {
		json_t *in = json_object(), *urls = json_array();
		int i;

		for (i = 0; i < b->n; i++) {
			json_t *rec = SLOT(b->seq[i])->rec, *u = json_object();
			const char *lu = lq_rec_str(rec, "linkedin_url");
			char *made = NULL;

			if (lu == NULL || *lu == '\0') {
				const char *id = lq_rec_str(rec, "public_identifier");

				if (id == NULL || *id == '\0')
					id = lq_rec_str(rec, "id");
				made = lq_xasprintf("https://www.linkedin.com/in/%s/", id ? id : "");
			}
			json_object_set_new(u, "url", json_string(made ? made : lu));
			free(made);
			json_array_append_new(urls, u);
		}
		json_object_set_new(in, "urls", urls);
		body = json_dumps(in, JSON_COMPACT);
		json_decref(in);
		url = api_url("/v2/acts/%s/runs?timeout=%ld", actor, (long)ceil(run_timeout));
	} else if (b->phase == P_POLL) {
		double left = run_timeout - (lq_now() - b->t_start);
		long w = (long)fmin(poll_wait, fmax(1, ceil(left)));

		url = api_url("/v2/actor-runs/%s?waitForFinish=%ld", b->run_id, w);
	} else {
		url = b->dataset_id ? api_url("/v2/datasets/%s/items?format=json&clean=1", b->dataset_id)
		    : api_url("/v2/actor-runs/%s/dataset/items?format=json&clean=1", b->run_id);
	}
	r = lq_http_req_new(b->phase == P_START ? "POST" : "GET", url, body, token, step_done, b);
	r->ids = batch_ids(b);
	free(url);
	free(body);
	lq_http_submit(http, r);
}

/* Starts runs while there are free jobs and records waiting (and no
 * retry delay holds the queue). */
static void
start_runs(int eof)
{
	while (!stop_reason && n_jobs < jobs && wq_len > 0 && lq_now() >= queue_not_before) {
		struct batch *b;

		/* A short batch only when nothing more can come. */
		if (wq_len < (size_t)batch_size && !eof && win_tail - win_head < win_cap)
			return;
		b = lq_xcalloc(1, sizeof *b);
		while (b->n < batch_size && wq_len > 0) {
			size_t seq = wait_pop();
			struct slot *s = SLOT(seq);

			s->state = S_RUN;
			s->attempts++;
			b->seq[b->n++] = seq;
		}
		b->t_start = lq_now();
		b->next = batches;
		batches = b;
		n_active++;
		b->holds_job = 1;
		n_jobs++;
		submit_step(b);
	}
}

/* ---- sources other than Apify ---- */

static int
index_item(json_t *item, unsigned long line, void *arg)
{
	const char *src = arg;
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_item_keys(item, keys), i;
	json_t *o;

	if (n == 0) {
		lq_warn("%s:%lu: item has no profileId, publicIdentifier or profile URL, skipped",
		    src, line);
		return 0;
	}
	o = json_object();
	json_object_set(o, "item", item);
	json_object_set_new(o, "source", json_string(src));
	for (i = 0; i < n; i++) {
		json_object_set(source_index, keys[i], o);
		free(keys[i]);
	}
	json_decref(o);
	return 0;
}

static void
load_file(const char *path, const char *kind)
{
	FILE *fp = fopen(path, "r");
	const char *base = strrchr(path, '/');
	char *src;
	long n, bad = 0;

	if (fp == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	src = lq_xasprintf("%s:%s", kind, base ? base + 1 : path);
	n = lq_dataset_read(fp, path, index_item, src, &bad);
	fclose(fp);
	if (n < 0 && strcmp(kind, "dataset") == 0 && json_object_size(source_index) == 0)
		lq_die(LQ_EXIT_FATAL, "%s: no profile could be read", path);
	free(src);
}

static int
cmpstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
load_dir(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, i;

	if (d == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", dir);
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);

		if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0) {
			names = lq_xreallocarray(names, n + 1, sizeof *names);
			names[n++] = lq_xasprintf("%s/%s", dir, e->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmpstr);
	for (i = 0; i < n; i++) {
		load_file(names[i], "dir");
		free(names[i]);
	}
	free(names);
	if (n == 0)
		lq_warn("%s: no *.json file", dir);
}

static json_t *
index_get(const json_t *rec)
{
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_record_keys(rec, keys), i;
	json_t *o = NULL;

	for (i = 0; i < n; i++) {
		if (o == NULL)
			o = json_object_get(source_index, keys[i]);
		free(keys[i]);
	}
	return o;
}

/* ---- one input record ---- */

static void
apply_cached(json_t *rec, json_t *o, const char *hex)
{
	json_t *c = json_object();

	if (lq_profile_apply(rec, json_object_get(o, "item")) != 0) {
		lq_rec_fail(rec, "bad_item", "cached profile has an unknown shape");
		json_decref(c);
		return;
	}
	json_object_set_new(c, "hit", json_true());
	json_object_set_new(c, "key", json_string(hex));
	json_object_set_new(rec, "cache", c);
	if (json_is_string(json_object_get(o, "scraped_at")))
		json_object_set(rec, "scraped_at", json_object_get(o, "scraped_at"));
	if (json_is_string(json_object_get(o, "source")))
		json_object_set(rec, "scrape_source", json_object_get(o, "source"));
	n_hits++;
	if (trace) {
		json_t *l = json_object(), *ids = json_array();

		json_array_append_new(ids, json_string(lq_rec_name(rec)));
		json_object_set_new(l, "ids", ids);
		json_object_set_new(l, "cache_hit", json_true());
		json_object_set_new(l, "key", json_string(hex));
		lq_http_trace(http, l);
		json_decref(l);
	}
}

/* Decides what happens to rec: returns S_READY (write as it now is) or
 * S_WAIT (fetch through the actor). */
static int
admit(json_t *rec)
{
	char *keys[LQ_PROFILE_MAXKEYS], hex[65];
	const char *status = lq_rec_status(rec);
	int n, i;
	json_t *o;

	if (lq_rec_failed(rec))
		return S_READY;
	if (status && strcmp(status, "discovered") != 0 && !refresh)
		return S_READY;
	n = lq_profile_record_keys(rec, keys);
	for (i = 0; i < n; i++)
		free(keys[i]);
	if (n == 0) {
		lq_rec_fail(rec, "bad_record", "record has no id, public_identifier or LinkedIn profile URL");
		return S_READY;
	}
	o = lq_profile_cache_get(cache, actor, rec, max_age, hex);
	if (o) {
		if (!dry_run)
			apply_cached(rec, o, hex);
		else
			n_hits++;
		json_decref(o);
		return S_READY;
	}
	if (source_index) {
		char ts[32];

		o = index_get(rec);
		if (o == NULL) {
			lq_rec_fail(rec, "no_data", "no data returned: profile not in %s",
			    from_dataset ? from_dataset : from_dir);
			return S_READY;
		}
		lq_iso_now(ts, sizeof ts);
		if (lq_profile_apply(rec, json_object_get(o, "item")) != 0) {
			lq_rec_fail(rec, "bad_item", "%s: item of unknown shape",
			    json_string_value(json_object_get(o, "source")));
			return S_READY;
		}
		lq_profile_cache_put(cache, actor, json_object_get(o, "item"), ts,
		    json_string_value(json_object_get(o, "source")));
		json_object_set_new(rec, "cache", json_pack("{sb}", "hit", 0));
		json_object_set_new(rec, "scraped_at", json_string(ts));
		json_object_set(rec, "scrape_source", json_object_get(o, "source"));
		n_fetched++;
		return S_READY;
	}
	if (cache_only) {
		lq_rec_fail(rec, "not_cached", "profile not in the cache (--cache-only)");
		return S_READY;
	}
	if (limit >= 0 && (long long)(n_would_fetch) >= limit) {
		n_limited++;
		return S_READY;
	}
	n_would_fetch++;
	if (dry_run)
		return S_READY;
	return S_WAIT;
}

/* ---- the loop ---- */

static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
flush_ready(void)
{
	while (win_head < win_tail && SLOT(win_head)->state == S_READY) {
		struct slot *s = SLOT(win_head);

		lq_write(s->rec);
		json_decref(s->rec);
		s->rec = NULL;
		win_head++;
	}
}

/* Fails every record not finished and aborts the runs still going. */
static void
wind_down(const char *why)
{
	struct batch *b;
	size_t seq;
	struct lq_http *old = http;
	struct lq_http_opts o = { NULL, 0, 10, 2, 0.2, 1, 1 << 20, trace, 0 };
	double t0;

	lq_http_free(old);
	http = lq_http_new(&o);
	for (b = batches; b; b = b->next)
		if (b->run_id)
			abort_run(b->run_id);
	t0 = lq_now();
	while (lq_http_pending(http) > 0 && lq_now() - t0 < 15)
		lq_http_run(http, 0.2);
	while (batches)
		batch_free(batches);
	for (seq = win_head; seq < win_tail; seq++) {
		struct slot *s = SLOT(seq);

		if (s->state != S_READY) {
			lq_rec_set_retry_count(s->rec, s->attempts > 0 ? s->attempts - 1 : 0);
			lq_rec_fail(s->rec, stop_status == LQ_EXIT_INTERRUPTED ? "interrupted" : "stopped",
			    "not fetched: %s", why);
			s->state = S_READY;
		}
	}
	wq_len = 0;
}

/* --abort-orphans: lists the actor's runs still READY or RUNNING and
 * aborts them. */
static json_t *orphans;

static void
list_done(struct lq_http *h, struct lq_http_req *r)
{
	json_t *j, *it;
	size_t i;

	(void)h;
	if (lq_http_fatal(r))
		lq_die(LQ_EXIT_FATAL, "Apify refused the request (%s): check APIFY_API_TOKEN",
		    lq_http_strerror(r));
	if (!lq_http_ok(r)) {
		lq_warn("--abort-orphans: listing runs failed: %s", lq_http_strerror(r));
		return;
	}
	j = json_loadb(r->resp.data ? r->resp.data : "", r->resp.len, 0, NULL);
	json_array_foreach(json_object_get(json_object_get(j, "data"), "items"), i, it)
		if (json_is_string(json_object_get(it, "id")))
			json_array_append(orphans, json_object_get(it, "id"));
	r->trace_items = (long)json_array_size(json_object_get(json_object_get(j, "data"), "items"));
	json_decref(j);
}

static void
abort_orphans(void)
{
	static const char *const states[] = { "READY", "RUNNING" };
	size_t k;
	json_t *id;

	orphans = json_array();
	for (k = 0; k < LQ_NELEM(states); k++) {
		char *url = api_url("/v2/acts/%s/runs?status=%s&desc=1&limit=1000", actor, states[k]);

		lq_http_submit(http, lq_http_req_new("GET", url, NULL, token, list_done, NULL));
		free(url);
	}
	while (lq_http_run(http, 0.2) > 0)
		;
	json_array_foreach(orphans, k, id)
		abort_run(json_string_value(id));
	while (lq_http_run(http, 0.2) > 0)
		;
	lq_note("--abort-orphans: asked Apify to abort %zu runs of actor %s",
	    json_array_size(orphans), actor);
	json_decref(orphans);
}

int
main(int argc, char **argv)
{
	struct lq_reader *rd;
	const char *arg;
	int c, eof = 0, want_orphans = 0, status;
	struct sigaction sa;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case 'a': actor = arg; break;
		case 'b': batch_size = (int)lq_parse_int("--batch-size", arg, 1, 64); break;
		case 'j': jobs = (int)lq_parse_int("--jobs", arg, 1, 1000); break;
		case OPT_ABORT_ORPHANS: want_orphans = 1; break;
		case OPT_CACHE_ONLY: cache_only = 1; break;
		case OPT_DRY_RUN: dry_run = 1; break;
		case OPT_FROM_DATASET: from_dataset = arg; break;
		case OPT_FROM_DIR: from_dir = arg; break;
		case OPT_LIMIT: limit = lq_parse_int("--limit", arg, 0, 1000000000000LL); break;
		case OPT_MAX_AGE: max_age = lq_parse_double("--max-age", arg, 0, 36500) * 86400; break;
		case OPT_MAX_ATTEMPTS: max_attempts = (int)lq_parse_int("--max-attempts", arg, 1, 100); break;
		case OPT_MAX_WAIT: max_wait = lq_parse_double("--max-wait", arg, 0.001, 86400); break;
		case OPT_POLL_WAIT: poll_wait = lq_parse_double("--poll-wait", arg, 1, 60); break;
		case OPT_PRICE_PROFILE: price_profile = lq_parse_double("--price-profile", arg, 0, 1000); break;
		case OPT_PRICE_RUN: price_run = lq_parse_double("--price-run", arg, 0, 1000); break;
		case OPT_REFRESH: refresh = 1; break;
		case OPT_RETRY_DELAY: retry_delay = lq_parse_double("--retry-delay", arg, 0.001, 600); break;
		case OPT_RUN_TIMEOUT: run_timeout = lq_parse_double("--run-timeout", arg, 1, 86400); break;
		case OPT_TIMEOUT: req_timeout = lq_parse_double("--timeout", arg, 0.1, 3600); break;
		case OPT_TRACE:
			trace = fopen(arg, "a");
			if (trace == NULL)
				lq_die_errno(LQ_EXIT_FATAL, "%s", arg);
			break;
		default: lq_usage(&cmd);
		}
	}
	if (optind < argc)
		lq_usage(&cmd);
	if (!!from_dataset + !!from_dir + cache_only > 1)
		lq_die(LQ_EXIT_USAGE, "--from-dataset, --from-dir and --cache-only exclude each other");
	if (getenv("LQ_APIFY_BASE_URL") && *getenv("LQ_APIFY_BASE_URL"))
		base_url = getenv("LQ_APIFY_BASE_URL");
	token = lq_secret_env("APIFY_API_TOKEN");
	if (!from_dataset && !from_dir && !cache_only && !dry_run && token == NULL)
		lq_die(LQ_EXIT_FATAL, "no profile source: set APIFY_API_TOKEN for the Apify actor, "
		    "or give --from-dataset FILE, --from-dir DIR or --cache-only");
	if (want_orphans && token == NULL)
		lq_die(LQ_EXIT_FATAL, "--abort-orphans needs APIFY_API_TOKEN");

	cache = lq_cache_open(NULL);
	lq_cache_set_refresh(cache, refresh);
	/* Profiles are stored by a writer thread: creating three files per
	 * profile in the HTTP callbacks held up every transfer behind them. */
	lq_cache_set_async(cache, 1);
	{
		struct lq_http_opts o = { NULL, 2 * jobs + 8, req_timeout, max_attempts, retry_delay, 0, 0, trace,
			max_wait };

		http = lq_http_new(&o);
		policy.max_attempts = max_attempts;
		policy.base = retry_delay;
		policy.max_wait = max_wait;
		lq_retry_init(&policy);
	}
	if (from_dataset || from_dir) {
		source_index = json_object();
		if (from_dataset)
			load_file(from_dataset, "dataset");
		else
			load_dir(from_dir);
	}
	if (want_orphans)
		abort_orphans();

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);

	win_cap = (size_t)jobs * (size_t)batch_size * 8;
	if (win_cap < 1024)
		win_cap = 1024;
	win = lq_xcalloc(win_cap, sizeof *win);
	waitq = lq_xcalloc(win_cap, sizeof *waitq);
	rd = lq_reader_new(stdin, "<stdin>");
	for (;;) {
		while (!eof && win_tail - win_head < win_cap && !got_signal) {
			json_t *rec = lq_reader_next(rd);
			struct slot *s;

			if (rec == NULL) {
				eof = 1;
				break;
			}
			s = SLOT(win_tail);
			s->rec = rec;
			s->attempts = 0;
			s->state = S_READY;
			if (stop_reason && !lq_rec_failed(rec)) {
				/* Stopped: serve what the cache has, fail the rest. */
				int st = admit(rec);

				if (st != S_READY)
					lq_rec_fail(rec, "stopped", "not fetched: %s", stop_reason);
			} else if (admit(rec) == S_WAIT) {
				wait_push(win_tail);
			}
			win_tail++;
			flush_ready();
			if (wq_len >= (size_t)(jobs * batch_size) * 2)
				break;	/* enough queued: let the runs go */
		}
		if (got_signal && !stop_reason) {
			stop(LQ_EXIT_INTERRUPTED, "interrupted by signal %d: aborting %d actor runs",
			    (int)got_signal, n_active);
		}
		if (stop_reason && (n_active > 0 || wq_len > 0))
			wind_down(stop_reason);
		if (stop_reason && stop_status == LQ_EXIT_INTERRUPTED) {
			flush_ready();
			break;
		}
		start_runs(eof);
		flush_ready();
		if (eof && win_head == win_tail)
			break;
		if (lq_http_pending(http) > 0) {
			lq_http_run(http, 0.2);
		} else if (wq_len > 0 && queue_not_before > lq_now()) {	/* a retry delay */
			double w = fmin(queue_not_before - lq_now(), 0.2);
			struct timespec ts = { 0, (long)(w * 1e9) };

			nanosleep(&ts, NULL);
		}
	}
	lq_reader_free(rd);
	/* Aborts submitted at the end still need to go out. */
	{
		double t0 = lq_now();

		while (lq_http_pending(http) > 0 && lq_now() - t0 < 15)
			lq_http_run(http, 0.2);
	}
	if (dry_run) {
		unsigned long long runs = (n_would_fetch + (unsigned)batch_size - 1) / (unsigned)batch_size;

		lq_note("dry run: %llu cached, %llu to fetch in %llu runs of up to %d, estimated cost $%.2f%s",
		    n_hits, n_would_fetch, runs, batch_size,
		    n_would_fetch * price_profile + runs * price_run,
		    n_limited ? " (--limit held some back)" : "");
	} else {
		lq_summary_add("%llu runs", n_runs);
		lq_summary_add("%llu profiles fetched", n_fetched);
		lq_summary_add("%llu cache hits", n_hits);
		if (n_unmatched)
			lq_summary_add("%llu unmatched items ignored", n_unmatched);
		if (n_limited)
			lq_summary_add("%llu held back by --limit", n_limited);
		lq_summary_add("estimated cost $%.2f",
		    (source_index ? 0 : n_fetched * price_profile) + n_runs * price_run);
	}
	lq_http_free(http);
	lq_cache_close(cache);
	if (trace && fclose(trace) != 0)
		lq_warn_errno("trace: write error");
	json_decref(source_index);
	free(win);
	free(waitq);
	status = lq_finish();
	if (stop_reason)
		return stop_status;
	if (n_limited && status == LQ_EXIT_OK)
		return LQ_EXIT_INTERRUPTED;
	return status;
}
