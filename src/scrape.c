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
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "http.h"
#include "ndjson.h"
#include "need.h"
#include "opts.h"
#include "profile.h"
#include "record.h"
#include "redact.h"
#include "retry.h"
#include "run.h"
#include "stop.h"
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
	options, LQ_COMMON_FILTER, "7 the input is not records (a page, links): run extract-urls first (ORDER)"
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
static unsigned long long n_runs, n_fetched, n_hits, n_unmatched, n_limited, n_would_fetch, n_unknown;

/* Why the stage stopped: NULL while all is well. */
static char *stop_reason;
static int stop_status;

/* ---- the reorder window ---- */

enum { S_READY, S_WAIT, S_RUN, S_JOURNAL };

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

/* ---- the run journal ---- */

/* One Apify run, started or about to be: its entry in the cache's run
 * journal (runs/apify-<key>.json, docs/scrape.md). The intent is written
 * before the run is started; after a crash the next scrape finds it by
 * the records' URLs and reattaches to the run instead of paying again. */
struct jentry {
	char name[80];		/* "apify-" + the key of the URL set */
	char *canon;		/* the sorted URLs, one per line: what a run's input must match */
	json_t *doc;		/* {"v","actor","urls","run","dataset","t","host","pid","timeout"} */
	json_t *keys;		/* profile keys of its URLs -> true */
	json_t *items;		/* once done: profile key -> item harvested */
	struct batch *b;	/* the batch on it now, or NULL */
	int mine;		/* made by this process */
	int refs;		/* batches that point here */
	int state;		/* E_OPEN, E_DONE (items harvested), E_DROPPED */
	struct jentry *next;
};

enum { E_OPEN, E_DONE, E_DROPPED };

static struct jentry *journal;
static json_t *run_inputs;	/* run id -> canon of its input (runs compared already) */
static char hostname[256];
static unsigned long long n_reattached, n_found, n_orphans, n_run_urls;

static int cmpstr(const void *a, const void *b);

static double
now_unix(void)
{
	return (double)time(NULL);
}

static const char *
doc_str(const struct jentry *e, const char *k)
{
	return json_string_value(json_object_get(e->doc, k));
}

/* The canonical form of a URL set: sorted, one per line. */
static char *
canon_urls(const json_t *urls)
{
	size_t n = json_array_size(urls), i;
	const char **v = lq_xcalloc(n ? n : 1, sizeof *v);
	struct lq_buf b = LQ_BUF_INIT;

	for (i = 0; i < n; i++)
		v[i] = json_string_value(json_array_get(urls, i)) ? json_string_value(json_array_get(urls, i)) : "";
	qsort(v, n, sizeof *v, cmpstr);
	lq_buf_adds(&b, "");
	for (i = 0; i < n; i++) {
		lq_buf_adds(&b, v[i]);
		lq_buf_addc(&b, '\n');
	}
	free(v);
	return lq_buf_detach(&b);
}

/* The URLs of an actor input {"urls":[{"url":...}]} as a canon, or NULL. */
static char *
canon_input(const json_t *in)
{
	json_t *urls = json_object_get(in, "urls"), *u, *list;
	size_t i;
	char *c;

	if (!json_is_array(urls))
		return NULL;
	list = json_array();
	json_array_foreach(urls, i, u)
		json_array_append(list, json_object_get(u, "url"));
	c = canon_urls(list);
	json_decref(list);
	return c;
}

static void
entry_keys(struct jentry *e)
{
	json_t *u;
	size_t i;

	e->keys = json_object();
	json_array_foreach(json_object_get(e->doc, "urls"), i, u) {
		json_t *fake = json_pack("{sO}", "linkedin_url", u);
		char *k[LQ_PROFILE_MAXKEYS];
		int n = lq_profile_record_keys(fake, k);

		for (int j = 0; j < n; j++) {
			json_object_set_new(e->keys, k[j], json_true());
			free(k[j]);
		}
		json_decref(fake);
	}
}

static struct jentry *
entry_add(const char *name, json_t *doc, int mine)
{
	struct jentry *e = lq_xcalloc(1, sizeof *e);

	snprintf(e->name, sizeof e->name, "%s", name);
	e->doc = doc;
	e->canon = canon_urls(json_object_get(doc, "urls"));
	e->mine = mine;
	entry_keys(e);
	e->next = journal;
	journal = e;
	return e;
}

static void
entry_save(struct jentry *e)
{
	lq_journal_put(cache, e->name, e->doc);
}

/* The entry for urls: an existing one with the same set, or a new intent
 * written to the journal before anything is started. */
static struct jentry *
entry_for(json_t *urls)
{
	char *canon = canon_urls(urls), name[80];
	struct lq_cache_key k;
	struct jentry *e;

	lq_cache_key(&k, "apify-run", 1, actor, canon, strlen(canon));
	snprintf(name, sizeof name, "apify-%s", k.hex);
	free(canon);
	for (e = journal; e; e = e->next)
		if (e->state == E_OPEN && e->b == NULL && strcmp(e->name, name) == 0) {
			json_decref(urls);
			return e;
		}
	e = entry_add(name, json_pack("{si ss so sn sn sf ss si sf}", "v", 1, "actor", actor, "urls", urls,
	    "run", "dataset", "t", now_unix(), "host", hostname, "pid", (int)getpid(), "timeout", run_timeout), 1);
	return e;
}

/* The run is over and its items are in the cache (once the cache's
 * writer is done): the entry is removed then. */
static json_t *done_names;

static void
entry_done(struct jentry *e)
{
	/* Records still to come of a reattached run are served from its
	 * items; our own runs' records are all in the window already. */
	e->state = e->mine ? E_DROPPED : E_DONE;
	e->b = NULL;
	json_array_append_new(done_names, json_string(e->name));
}

/* The entry is of no more use: removed now (its run never started, or
 * failed as a whole). */
static void
entry_drop(struct jentry *e)
{
	e->state = E_DROPPED;
	lq_journal_del(cache, e->name);
}

static void
flush_done(void)
{
	json_t *n;
	size_t i;

	if (json_array_size(done_names) == 0)
		return;
	lq_cache_sync(cache);
	json_array_foreach(done_names, i, n)
		lq_journal_del(cache, json_string_value(n));
	json_array_clear(done_names);
}

/* The entry holding rec's profile (an open one first, else one whose
 * items were harvested), or NULL. */
static struct jentry *
entry_of(const json_t *rec)
{
	char *k[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_record_keys(rec, k), i, pass;
	struct jentry *e, *found = NULL;

	for (pass = E_OPEN; pass <= E_DONE && !found; pass++)
		for (e = journal; e && !found; e = e->next)
			for (i = 0; i < n && !found && e->state == pass; i++)
				if (json_object_get(e->keys, k[i]))
					found = e;
	for (i = 0; i < n; i++)
		free(k[i]);
	return found;
}

/* 1 if the process that wrote e may still be working on it. */
static int
owner_alive(const struct jentry *e)
{
	const char *h = doc_str(e, "host");
	json_int_t pid = json_integer_value(json_object_get(e->doc, "pid"));
	double t = json_number_value(json_object_get(e->doc, "t"));
	double to = json_number_value(json_object_get(e->doc, "timeout"));
	char path[64], comm[64] = "";
	FILE *fp;

	if (h == NULL || strcmp(h, hostname) != 0)
		return now_unix() - t < to + 3600;	/* another machine: until the run must be over */
	if (pid <= 0 || pid == getpid() || (kill((pid_t)pid, 0) != 0 && errno != EPERM))
		return 0;
	snprintf(path, sizeof path, "/proc/%lld/comm", (long long)pid);
	if ((fp = fopen(path, "r")) != NULL) {
		if (fgets(comm, sizeof comm, fp) == NULL)
			comm[0] = '\0';
		fclose(fp);
		comm[strcspn(comm, "\n")] = '\0';
		return strcmp(comm, lq_progname) == 0;	/* the pid was reused */
	}
	return 1;
}

static void
journal_load(void)
{
	json_t *all = lq_journal_list(cache, "apify-"), *doc;
	const char *name;

	json_object_foreach(all, name, doc) {
		if (!json_is_array(json_object_get(doc, "urls")) || json_array_size(json_object_get(doc, "urls")) == 0 ||
		    !json_is_string(json_object_get(doc, "actor")) ||
		    strcmp(json_string_value(json_object_get(doc, "actor")), actor) != 0)
			continue;
		entry_add(name, json_incref(doc), 0);
	}
	json_decref(all);
}

/* ---- runs ---- */

enum { P_START, P_FIND, P_INPUT, P_POLL, P_ITEMS, P_WAIT };

struct batch {
	size_t seq[64];
	int n;
	int phase, next_phase;	/* next_phase: where P_WAIT goes on */
	double t_next;		/* P_WAIT: when */
	char *run_id, *dataset_id;
	double t_start;
	int tries;		/* attempts of the current phase */
	int start_tries;	/* run starts asked for */
	int holds_job;		/* the run may still be going: counts against --jobs */
	int harvest;		/* an orphan: no record here needs it */
	int aborted;		/* we asked Apify to abort it */
	char *end_code, *end_msg; /* the run ended without success: records without an item run again */
	struct jentry *je;
	double t_settle;	/* after this, a run not found by its input never started */
	json_t *cands;		/* P_INPUT: runs to compare with the entry */
	size_t cand_i;
	struct batch *next;
};

static struct batch *batches;
static int n_active;		/* batches alive */
static int n_jobs;		/* batches holding a job (see release_job) */
static struct lq_http *http_start;	/* run starts: one attempt each, never retried blindly */

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

static struct batch *
batch_new(void)
{
	struct batch *b = lq_xcalloc(1, sizeof *b);

	b->t_start = lq_now();
	b->next = batches;
	batches = b;
	n_active++;
	b->holds_job = 1;
	n_jobs++;
	return b;
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
	if (b->je) {
		struct jentry *e = b->je, **ep;

		if (e->b == b)
			e->b = NULL;
		/* An entry of no more use goes: a long input makes thousands. */
		if (--e->refs == 0 && e->state == E_DROPPED) {
			for (ep = &journal; *ep; ep = &(*ep)->next)
				if (*ep == e) {
					*ep = e->next;
					break;
				}
			json_decref(e->doc);
			json_decref(e->keys);
			json_decref(e->items);
			free(e->canon);
			free(e);
		}
	}
	free(b->run_id);
	free(b->dataset_id);
	free(b->end_code);
	free(b->end_msg);
	json_decref(b->cands);
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

/* Asks Apify to abort a run through client h; the request completes on its own. */
static void
abort_run_on(struct lq_http *h, const char *run_id)
{
	char *url = api_url("/v2/actor-runs/%s/abort", run_id);
	struct lq_http_req *r = lq_http_req_new("POST", url, NULL, token, abort_done, NULL);

	free(url);
	lq_http_submit(h, r);
}

static void
abort_run(struct batch *b)
{
	if (b->run_id && !b->aborted) {
		b->aborted = 1;
		abort_run_on(http, b->run_id);
	}
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

/* Puts back or fails the batch's records still waiting for it: back to
 * the queue for a new run after the retry policy's delay (server_wait:
 * what the last answer's headers asked for, or -1), or failed with code
 * when they have had their attempts or the server asks for a longer wait
 * than --max-wait. */
static void
requeue(struct batch *b, const char *code, const char *msg, double server_wait)
{
	int i, most = 0;
	double d = 0;
	enum lq_retry_verdict v;

	for (i = 0; i < b->n; i++)
		if (SLOT(b->seq[i])->state == S_RUN && SLOT(b->seq[i])->attempts > most)
			most = SLOT(b->seq[i])->attempts;
	if (most == 0)
		return;		/* every record has its item */
	v = lq_retry_next(&policy, most, server_wait, &d);
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
}

/* The batch failed as a whole and its run, if any, is of no more use:
 * its records go back to the queue for a new run, or fail when they have
 * had their attempts; the journal entry is dropped. */
static void
batch_fail(struct batch *b, const char *code, const char *msg, double server_wait)
{
	requeue(b, code, msg, server_wait);
	if (!lq_quiet)
		lq_note("run%s%s: %s%s", b->run_id ? " " : "", b->run_id ? b->run_id : "", msg,
		    max_attempts > 1 && b->n ? " (records retried while attempts remain)" : "");
	if (b->je)
		entry_drop(b->je);
	batch_free(b);
}

/* The run exists but its results could not be had now: the records fail,
 * the journal entry stays, and a later scrape reattaches to the run
 * instead of paying for a new one. */
static void
batch_keep(struct batch *b, const char *msg)
{
	int i;

	for (i = 0; i < b->n; i++) {
		struct slot *s = SLOT(b->seq[i]);

		if (s->state != S_RUN)
			continue;
		lq_rec_set_retry_count(s->rec, s->attempts > 0 ? s->attempts - 1 : 0);
		lq_rec_fail(s->rec, "apify", "%s; the run is in the journal: a rerun fetches its results without a new run",
		    msg);
		s->state = S_READY;
	}
	lq_warn("%s", msg);
	if (b->je)
		b->je->state = E_DROPPED;	/* in this process; the file stays */
	batch_free(b);
}

/* Goes on with phase after delay seconds (a backoff: Retry-After when
 * the server sent one). */
static void
wait_then(struct batch *b, struct lq_http_req *r, int phase)
{
	double d = 0;

	/* The one retry policy (common/retry.h). These steps cost nothing
	 * and the run goes on, so a longer wait than --max-wait is cut to
	 * it rather than given up. */
	(void)lq_retry_next(&policy, b->tries > 0 ? b->tries : 1, r ? lq_http_server_wait(r) : -1, &d);
	if (d <= 0)
		d = retry_delay;
	if (d > policy.max_wait)
		d = policy.max_wait;
	b->phase = P_WAIT;
	b->next_phase = phase;
	b->t_next = lq_now() + d;
}

static void
resume_waiting(void)
{
	struct batch *b, *next;
	double now = lq_now();

	for (b = batches; b; b = next) {
		next = b->next;
		if (b->phase == P_WAIT && b->t_next <= now) {
			b->phase = b->next_phase;
			submit_step(b);
		}
	}
}

/* Seconds until the next waiting batch is due (at most cap). */
static double
next_due(double cap)
{
	struct batch *b;
	double now = lq_now(), d = cap;

	for (b = batches; b; b = b->next)
		if (b->phase == P_WAIT && b->t_next - now < d)
			d = b->t_next - now;
	return d < 0 ? 0 : d;
}

static const char *
run_field(const json_t *run, const char *k)
{
	return json_string_value(json_object_get(run, k));
}

/* The batch now follows run (an object of the API): id and dataset kept,
 * and written to the journal. */
static void
attach_run(struct batch *b, const json_t *run)
{
	free(b->run_id);
	b->run_id = lq_xstrdup(run_field(run, "id"));
	if (run_field(run, "defaultDatasetId") && !b->dataset_id)
		b->dataset_id = lq_xstrdup(run_field(run, "defaultDatasetId"));
	if (b->je) {
		json_object_set_new(b->je->doc, "run", json_string(b->run_id));
		if (b->dataset_id)
			json_object_set_new(b->je->doc, "dataset", json_string(b->dataset_id));
		entry_save(b->je);
	}
}

static void
match_items(struct batch *b, json_t *items)
{
	char ts[32], *src = lq_xasprintf("apify:%s", b->run_id), *where = lq_xasprintf("actor run %s", b->run_id);
	size_t i;
	json_t *item;
	int j;

	lq_iso_now(ts, sizeof ts);
	json_array_foreach(items, i, item) {
		char *ik[LQ_PROFILE_MAXKEYS];
		int ni = lq_profile_item_keys(item, ik), matched = 0, ours = 0, k, r = LQ_PROFILE_OK;

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
			/* A profile enriches the record; the actor's failure report
			 * (private, not found) or an unknown item fails it, saying so. */
			if ((r = lq_profile_apply(s->rec, item, where)) == LQ_PROFILE_OK) {
				json_t *c = json_object();

				json_object_set_new(c, "hit", json_false());
				json_object_set_new(s->rec, "cache", c);
				json_object_set_new(s->rec, "scraped_at", json_string(ts));
				lq_rec_set_str(s->rec, "scrape_source", src);
				n_fetched++;
			}
			s->state = S_READY;
		}
		/* An item for a URL of the run that no record here waits for
		 * (a reattached run, an orphan): paid for, so kept, for the
		 * records still to come and for later runs. Only profiles are
		 * kept: not the actor's failure reports, not unknown shapes. */
		for (k = 0; k < ni && b->je && !ours; k++)
			ours = json_object_get(b->je->keys, ik[k]) != NULL;
		if (!matched && ours) {
			struct lq_profile p;

			r = lq_profile_read(item, &p);
			lq_profile_free(&p);
		}
		if ((matched || ours) && r == LQ_PROFILE_OK) {
			lq_profile_cache_put(cache, actor, item, ts, src);
			if (b->je && !b->je->mine) {
				if (b->je->items == NULL)
					b->je->items = json_object();
				for (k = 0; k < ni; k++)
					json_object_set(b->je->items, ik[k], item);
			}
		}
		if (r == LQ_PROFILE_UNKNOWN)
			n_unknown++;
		if (!matched && !ours)
			n_unmatched++;
		for (k = 0; k < ni; k++)
			free(ik[k]);
	}
	if (b->end_msg) {
		int left = 0;

		for (j = 0; j < b->n; j++)
			left += SLOT(b->seq[j])->state == S_RUN;
		if (!lq_quiet && b->n > 0)
			lq_note("%s: %d of %d records had an item%s", b->end_msg, b->n - left, b->n,
			    left && max_attempts > 1 ? "; the others are retried while attempts remain" : "");
		requeue(b, b->end_code, b->end_msg, -1);
	} else {
		for (j = 0; j < b->n; j++) {
			struct slot *s = SLOT(b->seq[j]);

			if (s->state == S_RUN) {
				lq_rec_set_retry_count(s->rec, s->attempts - 1);
				lq_rec_fail(s->rec, "no_data", "no data returned by actor run %s", b->run_id);
				s->state = S_READY;
			}
		}
	}
	free(where);
	free(src);
}

/* When a start whose answer was lost (or a crash's intent) can be taken
 * as never having started: a POST may still be on its way to Apify
 * until the request timeout after it was sent. */
static double
settle_time(const struct batch *b)
{
	double t = json_number_value(json_object_get(b->je->doc, "t"));

	/* In lq_now()'s clock: the journal's is the wall clock. */
	return lq_now() + (t + req_timeout + 5 - now_unix());
}

/* After a start whose answer was lost: is there a run with our input? */
static void
go_find(struct batch *b)
{
	b->phase = P_FIND;
	b->tries = 0;
	if (b->t_settle == 0)
		b->t_settle = settle_time(b);
	submit_step(b);
}

/* Starts the run (again): only when no run with the input exists. */
static void
go_start(struct batch *b, struct lq_http_req *r)
{
	char msg[300];

	if (b->t_settle > 0 && lq_now() < b->t_settle) {
		/* Not found yet, but the start may still be under way: look
		 * again once it cannot be. */
		b->phase = P_WAIT;
		b->next_phase = P_FIND;
		b->t_next = b->t_settle;
		b->tries = 0;
		return;
	}
	b->t_settle = 0;

	if (b->harvest || !b->je->mine) {
		/* An entry a crash left whose run never started: dropped; its
		 * records (if any here) wait for a run of this process. */
		int i;

		for (i = 0; i < b->n; i++) {
			struct slot *s = SLOT(b->seq[i]);

			if (s->state == S_RUN) {
				s->attempts--;
				wait_push(b->seq[i]);
			}
		}
		entry_drop(b->je);
		batch_free(b);
		return;
	}
	if (b->start_tries >= max_attempts || (r && lq_http_server_wait(r) > policy.max_wait)) {
		snprintf(msg, sizeof msg, "starting the actor run failed after %d attempts%s%s", b->start_tries,
		    r ? ": " : "", r ? lq_http_strerror(r) : "");
		batch_fail(b, "apify", msg, r ? lq_http_server_wait(r) : -1);
		return;
	}
	b->tries = b->start_tries;
	if (b->start_tries > 0)
		wait_then(b, r, P_START);
	else {
		b->phase = P_START;
		submit_step(b);
	}
}

/* ISO-8601 UTC ("2025-01-31T12:00:00.000Z") as Unix time, or -1. */
static double
iso_time(const char *s)
{
	struct tm tm;

	memset(&tm, 0, sizeof tm);
	if (s == NULL || strptime(s, "%Y-%m-%dT%H:%M:%S", &tm) == NULL)
		return -1;
	return (double)timegm(&tm);
}

static int
run_known(const char *id)
{
	struct jentry *e;
	struct batch *b;

	for (e = journal; e; e = e->next)
		if (doc_str(e, "run") && strcmp(doc_str(e, "run"), id) == 0)
			return 1;
	for (b = batches; b; b = b->next)
		if (b->run_id && strcmp(b->run_id, id) == 0)
			return 1;
	return 0;
}

/* The listing of the actor's runs: those started since the intent (with
 * slack for clocks) and not known are compared with the entry's input. */
static void
found_list(struct batch *b, json_t *j)
{
	double t0 = json_number_value(json_object_get(b->je->doc, "t")) - 600;
	json_t *it;
	size_t i;

	json_decref(b->cands);
	b->cands = json_array();
	json_array_foreach(json_object_get(json_object_get(j, "data"), "items"), i, it) {
		const char *id = run_field(it, "id");
		double st = iso_time(run_field(it, "startedAt"));

		if (id == NULL || run_known(id) || (st >= 0 && st < t0))
			continue;
		json_array_append(b->cands, it);
	}
	b->cand_i = 0;
}

/* Compares the next candidate; attaches on a match. Returns 1 if a
 * request for a candidate's input is needed. */
static int
next_candidate(struct batch *b)
{
	while (b->cand_i < json_array_size(b->cands)) {
		json_t *run = json_array_get(b->cands, b->cand_i);
		const char *known = json_string_value(json_object_get(run_inputs, run_field(run, "id")));

		if (known == NULL)
			return 1;
		if (strcmp(known, b->je->canon) == 0 && !run_known(run_field(run, "id"))) {
			attach_run(b, run);
			n_found++;
			if (b->start_tries > 0) {
				n_runs++;	/* ours: its answer was lost */
				n_run_urls += json_array_size(json_object_get(b->je->doc, "urls"));
			}
			b->phase = P_POLL;
			b->tries = 0;
			submit_step(b);
			return 0;
		}
		b->cand_i++;
	}
	return 0;
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
		if (b->phase == P_START && b->je && b->je->mine)
			entry_drop(b->je);	/* refused: no run was made */
		stop(LQ_EXIT_FATAL, "Apify refused the request (%s): check APIFY_API_TOKEN and the account; stage stopped",
		    lq_http_strerror(r));
		return;
	}
	if (lq_http_ok(r))
		j = json_loadb(r->resp.data ? r->resp.data : "", r->resp.len, 0, &e);
	switch (b->phase) {
	case P_START:
		run = json_object_get(j, "data");
		if (lq_http_ok(r) && json_is_object(run) && run_field(run, "id") && run_field(run, "status")) {
			n_runs++;
			n_run_urls += (unsigned long long)json_array_size(json_object_get(b->je->doc, "urls"));
			attach_run(b, run);
			break;	/* on to the status */
		}
		json_decref(j);
		if (!lq_http_ok(r) && (r->status == 429 || (r->status >= 400 && r->status < 500 && r->status != 408))) {
			go_start(b, r);	/* refused before a run was made */
			return;
		}
		/* A 5xx, a timeout, a cut connection or an answer that is not a
		 * run: the run may exist. Look before starting another. */
		lq_note("starting an actor run: %s; looking for the run by its input before starting another",
		    lq_http_ok(r) ? "the answer is not a run object" : lq_http_strerror(r));
		/* An answer came (502, 504): Apify is done with the request, a
		 * second look shortly after is enough. No answer: the request
		 * may still be under way. */
		b->t_settle = r->status > 0 ? lq_now() + fmin(2, req_timeout) : settle_time(b);
		go_find(b);
		return;
	case P_FIND:
		if (!lq_http_ok(r) || !json_is_array(json_object_get(json_object_get(j, "data"), "items"))) {
			json_decref(j);
			if (++b->tries < max_attempts) {
				wait_then(b, r, P_FIND);
				return;
			}
			snprintf(msg, sizeof msg, "could not list the actor's runs to find a run whose start was not confirmed (%s)",
			    lq_http_ok(r) ? "not a list of runs" : lq_http_strerror(r));
			batch_keep(b, msg);
			return;
		}
		found_list(b, j);
		json_decref(j);
		if (next_candidate(b)) {
			b->phase = P_INPUT;
			b->tries = 0;
			submit_step(b);
		} else if (b->phase == P_FIND) {
			go_start(b, NULL);
		}
		return;
	case P_INPUT: {
		json_t *run_c = json_array_get(b->cands, b->cand_i);
		char *c;

		if (!lq_http_ok(r) && r->status != 404 && ++b->tries < max_attempts) {
			json_decref(j);
			wait_then(b, r, P_INPUT);
			return;
		}
		c = lq_http_ok(r) ? canon_input(j) : NULL;
		json_object_set_new(run_inputs, run_field(run_c, "id"), json_string(c ? c : ""));
		free(c);
		json_decref(j);
		b->tries = 0;
		if (next_candidate(b)) {
			submit_step(b);
		} else if (b->phase == P_INPUT) {
			go_start(b, NULL);	/* no run has our input: it never started */
		}
		return;
	}
	case P_ITEMS:
		if (!json_is_array(j)) {
			json_decref(j);
			if (++b->tries < max_attempts) {
				wait_then(b, r, P_ITEMS);
				return;
			}
			snprintf(msg, sizeof msg, "items of actor run %s could not be fetched (%s)", b->run_id,
			    lq_http_ok(r) ? "not a JSON array" : lq_http_strerror(r));
			batch_keep(b, msg);
			return;
		}
		r->trace_items = (long)json_array_size(j);
		match_items(b, j);
		json_decref(j);
		if (b->je)
			entry_done(b->je);
		batch_free(b);
		return;
	case P_POLL:
		run = json_object_get(j, "data");
		if (!lq_http_ok(r) || !json_is_object(run) || !run_field(run, "id") || !run_field(run, "status")) {
			json_decref(j);
			if (!lq_http_ok(r) && r->status >= 400 && r->status < 500 && r->status != 408 && r->status != 429) {
				/* The run is gone (a journal entry of another account,
				 * an expired run): its records need a new one. */
				snprintf(msg, sizeof msg, "polling the run %s: %s", b->run_id, lq_http_strerror(r));
				batch_fail(b, "apify", msg, -1);
				return;
			}
			/* Polling costs nothing: keep at it until the run must be over. */
			if (lq_now() - b->t_start <= run_timeout + 60) {
				b->tries++;
				wait_then(b, r, P_POLL);
				return;
			}
			snprintf(msg, sizeof msg, "polling the run %s failed until its timeout: %s", b->run_id,
			    lq_http_ok(r) ? "the answer is not a run object" : lq_http_strerror(r));
			abort_run(b);
			batch_fail(b, "apify", msg, -1);
			return;
		}
		break;
	default:
		json_decref(j);
		return;
	}

	/* A run object (after a start or a poll): go by its status. */
	run = json_object_get(j, "data");
	if (run_field(run, "defaultDatasetId") && !b->dataset_id)
		b->dataset_id = lq_xstrdup(run_field(run, "defaultDatasetId"));
	st = run_field(run, "status");
	b->tries = 0;
	if (strcmp(st, "SUCCEEDED") == 0) {
		b->phase = P_ITEMS;
		release_job(b);
	} else if (strcmp(st, "FAILED") == 0 || strcmp(st, "TIMED-OUT") == 0 || strcmp(st, "ABORTED") == 0) {
		const char *sm = run_field(run, "statusMessage");

		/* What the run stored before it ended is paid for: take it,
		 * and run again only the records it has no item for. */
		snprintf(msg, sizeof msg, "actor run %s ended %s%s%s", b->run_id, st, sm ? ": " : "", sm ? sm : "");
		if (b->end_msg == NULL) {
			b->end_code = lq_xstrdup("apify_run");
			b->end_msg = lq_xstrdup(msg);
		}
		b->phase = P_ITEMS;
		release_job(b);
	} else if (b->harvest) {
		/* An orphan still running: stop paying for it, keep what it has. */
		abort_run(b);
		n_orphans++;
		b->end_code = lq_xstrdup("apify_run");
		b->end_msg = lq_xasprintf("orphan run %s aborted", b->run_id);
		b->phase = P_ITEMS;
		release_job(b);
	} else if (lq_now() - b->t_start > run_timeout) {
		snprintf(msg, sizeof msg, "actor run %s did not finish within %g s; aborted", b->run_id, run_timeout);
		abort_run(b);
		b->end_code = lq_xstrdup("apify_timeout");
		b->end_msg = lq_xstrdup(msg);
		b->phase = P_ITEMS;
		release_job(b);
	} else {
		b->phase = P_POLL;
	}
	json_decref(j);
	submit_step(b);
}

static void
submit_step(struct batch *b)
{
	struct lq_http_req *r;
	struct lq_http *via = http;
	char *url, *body = NULL;
	const char *method = "GET";

	switch (b->phase) {
	case P_START: {
		json_t *in = json_object(), *urls = json_array(), *u;
		size_t i;

		json_array_foreach(json_object_get(b->je->doc, "urls"), i, u)
			json_array_append_new(urls, json_pack("{sO}", "url", u));
		json_object_set_new(in, "urls", urls);
		body = json_dumps(in, JSON_COMPACT);
		json_decref(in);
		url = api_url("/v2/acts/%s/runs?timeout=%ld", actor, (long)ceil(run_timeout));
		method = "POST";
		via = http_start;
		b->start_tries++;
		/* The intent, with the time of this start, is on disk before
		 * the request leaves. */
		json_object_set_new(b->je->doc, "t", json_real(now_unix()));
		entry_save(b->je);
		break;
	}
	case P_FIND:
		url = api_url("/v2/acts/%s/runs?desc=1&limit=100", actor);
		break;
	case P_INPUT:
		url = api_url("/v2/actor-runs/%s/key-value-store/records/INPUT",
		    run_field(json_array_get(b->cands, b->cand_i), "id"));
		break;
	case P_POLL: {
		double left = run_timeout - (lq_now() - b->t_start);
		long w = (long)fmin(poll_wait, fmax(1, ceil(left)));

		url = api_url("/v2/actor-runs/%s?waitForFinish=%ld", b->run_id, w);
		break;
	}
	case P_ITEMS:
		url = b->dataset_id ? api_url("/v2/datasets/%s/items?format=json&clean=1", b->dataset_id)
		    : api_url("/v2/actor-runs/%s/dataset/items?format=json&clean=1", b->run_id);
		break;
	default:
		return;
	}
	r = lq_http_req_new(method, url, body, token, step_done, b);
	if (b->phase == P_START)
		r->attempts = b->start_tries - 1;	/* traced as the attempt it is */
	r->ids = batch_ids(b);
	free(url);
	free(body);
	lq_http_submit(via, r);
}

/* The URL asked of the actor for rec. */
static json_t *
record_url(const json_t *rec)
{
	const char *lu = lq_rec_str(rec, "linkedin_url");
	json_t *u;

	if (lu != NULL && *lu != '\0')
		return json_string(lu);
	{
		const char *id = lq_rec_str(rec, "public_identifier");
		char *made;

		if (id == NULL || *id == '\0')
			id = lq_rec_str(rec, "id");
		made = lq_xasprintf("https://www.linkedin.com/in/%s/", id ? id : "");
		u = json_string(made);
		free(made);
	}
	return u;
}

/* Starts runs while there are free jobs and records waiting (and no
 * retry delay holds the queue). */
static void
start_runs(int eof)
{
	while (!stop_reason && n_jobs < jobs && wq_len > 0 && lq_now() >= queue_not_before) {
		struct batch *b;
		json_t *urls;
		int i;

		/* A short batch only when nothing more can come. */
		if (wq_len < (size_t)batch_size && !eof && win_tail - win_head < win_cap)
			return;
		b = batch_new();
		urls = json_array();
		while (b->n < batch_size && wq_len > 0) {
			size_t seq = wait_pop();
			struct slot *s = SLOT(seq);

			s->state = S_RUN;
			s->attempts++;
			b->seq[b->n++] = seq;
		}
		for (i = 0; i < b->n; i++)
			json_array_append_new(urls, record_url(SLOT(b->seq[i])->rec));
		b->je = entry_for(urls);
		b->je->b = b;
		b->je->refs++;
		if (doc_str(b->je, "run")) {
			/* The same URL set is in the journal with its run. */
			b->run_id = lq_xstrdup(doc_str(b->je, "run"));
			if (doc_str(b->je, "dataset"))
				b->dataset_id = lq_xstrdup(doc_str(b->je, "dataset"));
			b->phase = P_POLL;
			submit_step(b);
		} else if (!b->je->mine) {
			go_find(b);
		} else {
			b->phase = P_START;
			submit_step(b);
		}
	}
}

/* Starts following e's run in b: polling it when the journal knows the
 * run, else looking for it among the actor's recent runs. */
static void
follow_entry(struct batch *b, struct jentry *e)
{
	if (doc_str(e, "run")) {
		b->run_id = lq_xstrdup(doc_str(e, "run"));
		if (doc_str(e, "dataset"))
			b->dataset_id = lq_xstrdup(doc_str(e, "dataset"));
		b->phase = P_POLL;
		submit_step(b);
	} else {
		go_find(b);
	}
}

/* rec's profile is in entry e's run: the record waits for that run
 * (reattached: a crash left it going) instead of a new one. */
static void
attach_record(size_t seq, struct jentry *e)
{
	struct slot *s = SLOT(seq);
	struct batch *b = e->b;

	if (b == NULL || b->n >= (int)LQ_NELEM(b->seq)) {
		b = batch_new();
		b->je = e;
		e->b = b;
		e->refs++;
		n_reattached++;
		follow_entry(b, e);
	}
	s->state = S_RUN;
	s->attempts++;
	b->seq[b->n++] = seq;
}

/* At the end of the input: runs of the journal that a dead scrape left
 * and that no record of this input needed. What they stored is kept (the
 * profiles are paid for); those still running are aborted. */
static void
harvest_orphans(void)
{
	struct jentry *e;

	for (e = journal; e; e = e->next) {
		json_t *u;
		size_t i;
		int all_cached = 1;
		struct batch *b;

		if (e->state != E_OPEN || e->b || e->mine || owner_alive(e))
			continue;
		json_array_foreach(json_object_get(e->doc, "urls"), i, u) {
			json_t *fake = json_pack("{sO}", "linkedin_url", u), *o;
			char hex[65];

			o = lq_profile_cache_get(cache, actor, fake, max_age, hex);
			all_cached &= o != NULL;
			json_decref(o);
			json_decref(fake);
		}
		if (all_cached) {
			entry_drop(e);
			continue;
		}
		b = batch_new();
		b->je = e;
		b->harvest = 1;
		e->b = b;
		e->refs++;
		follow_entry(b, e);
	}
}

/* ---- sources other than Apify ---- */

/* What --from-dataset/--from-dir read: every item that has a key is
 * indexed under each key (failure reports and unknown items too, so that
 * their lead fails saying why); the others are counted. */
struct source {
	const char *src;		/* "dataset:FILE" */
	const char *base;		/* FILE without its directory */
	long items, profiles, reports;
	struct lq_skips skips;
};
static long n_source_items, n_source_skipped, n_reports;
static char *first_skip;		/* "FILE:LINE: why" of the first item skipped */

static int
index_item(json_t *item, unsigned long line, void *arg)
{
	struct source *so = arg;
	char *keys[LQ_PROFILE_MAXKEYS];
	struct lq_profile p;
	int n, i, r = lq_profile_read(item, &p);
	json_t *o;

	so->items++;
	n = lq_profile_item_keys(item, keys);
	if (r == LQ_PROFILE_OK && n > 0)
		so->profiles++;
	else if (r == LQ_PROFILE_FAILURE && n > 0)
		so->reports++;	/* the actor's word on a lead: it fails saying why */
	else {
		lq_profile_skip(&so->skips, line, r, p.error);
		if (first_skip == NULL)
			first_skip = r == LQ_PROFILE_UNKNOWN ? lq_xasprintf("%s:%lu: %s", so->base, line, p.error)
			    : lq_xasprintf("%s:%lu: no profile id, slug or URL", so->base, line);
	}
	lq_profile_free(&p);
	if (n == 0)
		return 0;
	o = json_object();
	json_object_set(o, "item", item);
	json_object_set_new(o, "source", json_string(so->src));
	json_object_set_new(o, "where", json_sprintf("%s:%lu", so->base, line));
	json_object_set_new(o, "profile", json_boolean(r == LQ_PROFILE_OK));
	for (i = 0; i < n; i++) {
		/* A profile wins over a failure report or an unknown item of
		 * the same person, whichever comes first. */
		if (r == LQ_PROFILE_OK || !json_is_true(json_object_get(json_object_get(source_index, keys[i]), "profile")))
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
	struct source so = { NULL, base ? base + 1 : path, 0, 0, 0, { path, 0, 0, 0, 0 } };
	char *src;
	long n, bad = 0;

	if (fp == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	so.src = src = lq_xasprintf("%s:%s", kind, so.base);
	n = lq_dataset_read(fp, path, index_item, &so, &bad);
	fclose(fp);
	lq_profile_skip_done(&so.skips);
	n_source_items += so.items + bad;
	if (bad && first_skip == NULL)
		first_skip = lq_xasprintf("%s: %ld malformed or oversized, named on stderr", so.base, bad);
	n_reports += so.reports;
	n_source_skipped += so.skips.n + bad;
	if (n < 0 && strcmp(kind, "dataset") == 0 && json_object_size(source_index) == 0)
		lq_die(LQ_EXIT_FATAL, "%s: no profile could be read", path);
	/* A file of items that are no profile is the wrong file, not a file of
	 * people who could not be found. */
	if (strcmp(kind, "dataset") == 0 && so.items > 0 && so.profiles == 0 && so.reports == 0)
		lq_die(LQ_EXIT_FATAL, "%s: none of its %ld items is a profile lq can read (%s); docs/scrape.md lists the actor shapes",
		    path, so.items, first_skip);
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

	if (lq_profile_apply(rec, json_object_get(o, "item"), "cached profile") != LQ_PROFILE_OK) {
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

/* Serves rec from the items of a reattached run that is over; returns
 * 1 if it had one. */
static int
apply_harvested(json_t *rec, struct jentry *e)
{
	char *k[LQ_PROFILE_MAXKEYS], ts[32];
	int n = lq_profile_record_keys(rec, k), i;
	json_t *item = NULL;

	for (i = 0; i < n; i++) {
		if (item == NULL && e->items)
			item = json_object_get(e->items, k[i]);
		free(k[i]);
	}
	if (item == NULL || lq_profile_apply(rec, item, "reattached run") != LQ_PROFILE_OK)
		return 0;
	lq_iso_now(ts, sizeof ts);
	json_object_set_new(rec, "cache", json_pack("{sb}", "hit", 0));
	json_object_set_new(rec, "scraped_at", json_string(ts));
	json_object_set_new(rec, "scrape_source", json_pack("s+", "apify:", doc_str(e, "run") ? doc_str(e, "run") : ""));
	n_fetched++;
	return 1;
}

/* Set by admit when it returns S_JOURNAL: the entry to attach to. */
static struct jentry *admit_entry;
static unsigned long long n_would_reattach;
static unsigned long long n_replaced;	/* cached profiles the source file replaced */

/* Decides what happens to rec: returns S_READY (write as it now is),
 * S_WAIT (fetch through the actor) or S_JOURNAL (its profile is in a run
 * of the journal: admit_entry). */
static int
admit(json_t *rec)
{
	char *keys[LQ_PROFILE_MAXKEYS], hex[65];
	const char *status = lq_rec_status(rec);
	int n, i;
	json_t *o;

	if (lq_rec_failed(rec) || lq_need_tripped())	/* not records: passed on as they came */
		return S_READY;
	if (status && strcmp(status, "discovered") != 0 && !refresh)
		return S_READY;
	n = lq_profile_record_keys(rec, keys);
	if (n == 0) {
		lq_rec_fail(rec, "bad_record", "record has no id, public_identifier or LinkedIn profile URL");
		return S_READY;
	}
	o = lq_profile_cache_get_keys(cache, actor, keys, n, max_age, hex);
	for (i = 0; i < n; i++)
		free(keys[i]);
	if (source_index) {
		/* The file the user gave wins over a different cached copy (a
		 * newer export of the same people); the same item is a hit. */
		json_t *src = index_get(rec);
		char ts[32];

		if (o && (src == NULL || json_equal(json_object_get(o, "item"), json_object_get(src, "item")))) {
			if (!dry_run)
				apply_cached(rec, o, hex);
			else
				n_hits++;
			json_decref(o);
			return S_READY;
		}
		if (o)
			n_replaced++;
		json_decref(o);
		if (src == NULL) {
			if (n_source_skipped)
				lq_rec_fail(rec, "no_data", "no item of %s is about this lead; %ld of its %ld items could not be read (first: %s)",
				    from_dataset ? from_dataset : from_dir, n_source_skipped, n_source_items, first_skip);
			else
				lq_rec_fail(rec, "no_data", "no item of %s is about this lead (%ld items read)",
				    from_dataset ? from_dataset : from_dir, n_source_items);
			return S_READY;
		}
		lq_iso_now(ts, sizeof ts);
		if (lq_profile_apply(rec, json_object_get(src, "item"),
		    json_string_value(json_object_get(src, "where"))) != LQ_PROFILE_OK)
			return S_READY;
		lq_profile_cache_put(cache, actor, json_object_get(src, "item"), ts,
		    json_string_value(json_object_get(src, "source")));
		json_object_set_new(rec, "cache", json_pack("{sb}", "hit", 0));
		json_object_set_new(rec, "scraped_at", json_string(ts));
		json_object_set(rec, "scrape_source", json_object_get(src, "source"));
		n_fetched++;
		return S_READY;
	}
	if (o) {
		if (!dry_run)
			apply_cached(rec, o, hex);
		else
			n_hits++;
		json_decref(o);
		return S_READY;
	}
	if (cache_only) {
		lq_rec_fail(rec, "not_cached", "profile not in the cache (--cache-only)");
		return S_READY;
	}
	if ((admit_entry = entry_of(rec)) != NULL) {
		/* Paid for already, by a run a crash (or another scrape) left:
		 * no new run, and not counted against --limit. */
		if (admit_entry->state == E_DONE) {
			if (!dry_run && !apply_harvested(rec, admit_entry))
				lq_rec_fail(rec, "no_data", "no data returned by actor run %s",
				    doc_str(admit_entry, "run") ? doc_str(admit_entry, "run") : "");
			return S_READY;
		}
		if (dry_run) {
			n_would_reattach++;
			return S_READY;
		}
		return S_JOURNAL;
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

/* The stop hook (stop.h): asks Apify to abort every run still going,
 * on a client of its own (it may run from inside a callback of the
 * others, through lq_die). The journal keeps the entries: a rerun takes
 * what the aborted runs stored. */
static void
abort_in_flight(void *arg)
{
	struct lq_http_opts o = { NULL, 0, 10, 2, 0.2, 1, 1 << 20, trace, 0 };
	struct lq_http *h;
	struct batch *b;
	double t0;
	int n = 0;

	(void)arg;
	for (b = batches; b; b = b->next)
		n += b->run_id && !b->aborted && b->phase != P_ITEMS;
	if (n == 0)
		return;
	h = lq_http_new(&o);
	for (b = batches; b; b = b->next)
		if (b->run_id && !b->aborted && b->phase != P_ITEMS) {
			b->aborted = 1;
			abort_run_on(h, b->run_id);
		}
	t0 = lq_now();
	while (lq_http_pending(h) > 0 && lq_now() - t0 < 15)
		lq_http_run(h, 0.2);
	lq_http_free(h);
}

/* Fails every record not finished and aborts the runs still going. */
static void
wind_down(const char *why)
{
	struct lq_http_opts o = { NULL, 0, 10, 2, 0.2, 1, 1 << 20, trace, 0 };
	size_t seq;

	lq_stop_run_hooks();
	lq_http_free(http);
	lq_http_free(http_start);
	http = lq_http_new(&o);
	http_start = lq_http_new(&o);
	while (batches)
		batch_free(batches);
	for (seq = win_head; seq < win_tail; seq++) {
		struct slot *s = SLOT(seq);

		if (s->state != S_READY) {
			lq_rec_set_retry_count(s->rec, s->attempts > 0 ? s->attempts - 1 : 0);
			if (stop_status == LQ_EXIT_INTERRUPTED)
				lq_stop_fail_record(s->rec, "not fetched");
			else
				lq_rec_fail(s->rec, "stopped", "not fetched: %s", why);
			s->state = S_READY;
		}
	}
	wq_len = 0;
}

/* Runs the clients for at most 0.2 s (less when a batch is due), or
 * waits as long for input when nothing else is going. */
static void
drive(struct lq_reader *rd, int eof)
{
	double wait = next_due(0.2);

	if (wq_len > 0 && queue_not_before > lq_now() && queue_not_before - lq_now() < wait)
		wait = queue_not_before - lq_now();	/* a retry delay holds the queue */

	if (!eof && n_active == 0 && lq_http_pending(http) == 0 && lq_http_pending(http_start) == 0) {
		(void)lq_reader_ready(rd, wait);
		return;
	}

	if (lq_http_pending(http_start) > 0) {
		lq_http_run(http_start, 0);
		if (wait > 0.01)
			wait = 0.01;
	}
	if (lq_http_pending(http) > 0)
		lq_http_run(http, wait);
	else if ((n_active > 0 || (wq_len > 0 && queue_not_before > lq_now())) && wait > 0)
		usleep((useconds_t)(wait * 1e6));
	lq_progress();	/* the line moves on while runs go (rate, ETA) */
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
		abort_run_on(http, json_string_value(id));
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
	int c, eof = 0, want_orphans = 0, status, harvested = 0, apify;

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
			trace = lq_fopen_private(arg);
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
		/* A run start is never retried by the client: when its answer
		 * is lost the run may exist, and is looked for first. */
		o.max_attempts = 1;
		o.parallel = jobs + 1;
		http_start = lq_http_new(&o);
	}
	apify = !from_dataset && !from_dir && !cache_only && token != NULL;
	run_inputs = json_object();
	done_names = json_array();
	if (gethostname(hostname, sizeof hostname - 1) != 0 || hostname[0] == '\0')
		strcpy(hostname, "localhost");
	if (apify)
		journal_load();
	lq_stop_on(abort_in_flight, NULL);
	if (from_dataset || from_dir) {
		source_index = json_object();
		if (from_dataset)
			load_file(from_dataset, "dataset");
		else
			load_dir(from_dir);
	}
	if (want_orphans)
		abort_orphans();

	win_cap = (size_t)jobs * (size_t)batch_size * 8;
	if (win_cap < 1024)
		win_cap = 1024;
	win = lq_xcalloc(win_cap, sizeof *win);
	waitq = lq_xcalloc(win_cap, sizeof *waitq);
	rd = lq_reader_new(stdin, "<stdin>");
	lq_need(LQ_NEED_RECORDS, 0);	/* a page or a list of links goes to extract-urls */
	for (;;) {
		while (!eof && win_tail - win_head < win_cap && !lq_stop_requested()) {
			json_t *rec;
			struct slot *s;

			/* Input trickling in: the runs go on meanwhile. */
			if (!lq_reader_ready(rd, 0))
				break;
			rec = lq_reader_next(rd);

			if (rec == NULL) {
				eof = 1;
				break;
			}
			(void)lq_need_check(rd, rec);	/* admit() passes the rest on */
			s = SLOT(win_tail);
			s->rec = rec;
			s->attempts = 0;
			s->state = S_READY;
			if (stop_reason && !lq_rec_failed(rec)) {
				/* Stopped: serve what the cache has, fail the rest. */
				int st = admit(rec);

				if (st != S_READY)
					lq_rec_fail(rec, "stopped", "not fetched: %s", stop_reason);
			} else {
				int st = admit(rec);

				if (st == S_WAIT)
					wait_push(win_tail);
				else if (st == S_JOURNAL)
					attach_record(win_tail, admit_entry);
			}
			win_tail++;
			flush_ready();
			if (wq_len >= (size_t)(jobs * batch_size) * 2)
				break;	/* enough queued: let the runs go */
		}
		if (lq_stop_requested() && !stop_reason) {
			if (lq_stop_requested() == SIGPIPE && n_active == 0) {
				stop_reason = lq_xstrdup("output closed");	/* quietly */
				stop_status = LQ_EXIT_INTERRUPTED;
			} else {
				stop(LQ_EXIT_INTERRUPTED, "%s%s: aborting %d actor runs",
				    lq_stop_requested() == SIGPIPE ? "" : "stopped by ",
				    lq_stop_requested() == SIGPIPE ? "output closed" : lq_stop_name(lq_stop_requested()),
				    n_active);
			}
		}
		if (stop_reason && (n_active > 0 || wq_len > 0))
			wind_down(stop_reason);
		if (stop_reason && stop_status == LQ_EXIT_INTERRUPTED) {
			flush_ready();
			break;
		}
		resume_waiting();
		start_runs(eof);
		if (eof && wq_len == 0 && apify && !harvested && !stop_reason) {
			harvest_orphans();
			harvested = 1;
		}
		flush_ready();
		if (json_array_size(done_names) >= 64)
			flush_done();
		if (eof && win_head == win_tail && n_active == 0)
			break;
		drive(rd, eof);
	}
	lq_reader_free(rd);
	/* Aborts submitted at the end still need to go out. */
	{
		double t0 = lq_now();

		while (lq_http_pending(http) > 0 && lq_now() - t0 < 15)
			lq_http_run(http, 0.2);
	}
	flush_done();
	if (dry_run) {
		unsigned long long runs = (n_would_fetch + (unsigned)batch_size - 1) / (unsigned)batch_size;

		lq_note("dry run: %llu cached, %llu to fetch in %llu runs of up to %d, estimated cost $%.2f%s%s",
		    n_hits, n_would_fetch, runs, batch_size,
		    n_would_fetch * price_profile + runs * price_run,
		    n_limited ? " (--limit held some back)" : "",
		    n_would_reattach ? "; more in runs already started (journal), at no cost" : "");
	} else {
		lq_summary_add("%llu runs", n_runs);
		if (n_reattached)
			lq_summary_add("%llu runs reattached", n_reattached);
		if (n_found)
			lq_summary_add("%llu runs found by input", n_found);
		if (n_orphans)
			lq_summary_add("%llu orphan runs aborted", n_orphans);
		lq_summary_add("%llu profiles fetched", n_fetched);
		lq_summary_add("%llu cache hits", n_hits);
		if (n_unmatched)
			lq_summary_add("%llu unmatched items ignored", n_unmatched);
		if (n_unknown)
			lq_summary_add("%llu items of unknown shape", n_unknown);
		if (n_replaced)
			lq_summary_add("%llu cached profiles replaced by the source's newer copy", n_replaced);
		if (n_reports)
			lq_summary_add("%ld failure reports in the source", n_reports);
		if (n_source_skipped)
			lq_summary_add("%ld of %ld source items unreadable", n_source_skipped, n_source_items);
		if (n_limited)
			lq_summary_add("%llu held back by --limit", n_limited);
		/* Every run this process started is paid, whatever became of
		 * it: each profile asked for, and the run itself. */
		lq_summary_add("estimated cost $%.2f", n_run_urls * price_profile + n_runs * price_run);
	}
	lq_http_free(http);
	lq_http_free(http_start);
	lq_cache_close(cache);
	free(first_skip);
	if (trace && fclose(trace) != 0)
		lq_warn_errno("trace: write error");
	json_decref(source_index);
	json_decref(run_inputs);
	json_decref(done_names);
	while (journal) {
		struct jentry *e = journal;

		journal = e->next;
		json_decref(e->doc);
		json_decref(e->keys);
		json_decref(e->items);
		free(e->canon);
		free(e);
	}
	free(win);
	free(waitq);
	status = lq_finish();
	if (stop_reason)
		return stop_status;
	if (n_limited && status == LQ_EXIT_OK)
		return LQ_EXIT_INTERRUPTED;
	return status;
}
