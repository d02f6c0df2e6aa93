/* calls.c: meetings with transcripts from the Fathom API or from saved transcript files, one per line. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "http.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "redact.h"
#include "retry.h"
#include "run.h"
#include "stop.h"
#include "transcript.h"
#include "util.h"

enum {
	OPT_DOMAIN = 256, OPT_EXTERNAL, OPT_LIMIT, OPT_MAX_ATTEMPTS, OPT_MAX_WAIT, OPT_REFRESH, OPT_RETRY_DELAY,
	OPT_SINCE, OPT_TIMEOUT, OPT_TRACE
};

static const struct lq_option options[] = {
	{ "domain", OPT_DOMAIN, "DOMAIN", "only meetings with an invitee of DOMAIN (repeatable)" },
	{ "external-only", OPT_EXTERNAL, NULL, "only meetings with at least one external invitee" },
	{ "limit", OPT_LIMIT, "N", "stop after N meetings" },
	{ "max-attempts", OPT_MAX_ATTEMPTS, "N", "attempts per request [3]" },
	{ "max-wait", OPT_MAX_WAIT, "SECS", "longest wait a server may ask for; longer fails [120]" },
	{ "refresh", OPT_REFRESH, NULL, "do not read cached transcripts (still write them)" },
	{ "retry-delay", OPT_RETRY_DELAY, "SECS", "first retry delay, doubled each retry [1]" },
	{ "since", OPT_SINCE, "DATE", "only meetings created after DATE (YYYY-MM-DD or ISO-8601)" },
	{ "timeout", OPT_TIMEOUT, "SECS", "timeout of one request [60]" },
	{ "trace", OPT_TRACE, "FILE", "append one JSON line per API request to FILE" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[--domain DOMAIN]... [FILE...]",
	"write discovery-call meetings with transcripts as NDJSON, from Fathom or from files",
	"Without files: GET /meetings of the Fathom API ($LQ_FATHOM_BASE_URL, else\n"
	"https://api.fathom.ai/external/v1) with the key in $FATHOM_API_KEY, every\n"
	"page. With files (- is stdin): Fathom JSON as it arrives (webhook payloads\n"
	"with or without recording_id, API pages, arrays, one a line), WebVTT or\n"
	"\"Speaker: text\" transcripts; a bad meeting is a failed record of its own.\n"
	"Transcripts are cached (namespace meeting). See lq-calls(1).",
	options, LQ_COMMON_FILTER, NULL
};

/* Version of the meeting record: part of the cache key. */
#define MEETING_VERSION 1
/* Largest transcript file read (a two-hour call is under 200 KB). */
#define FILE_MAX ((size_t)64 << 20)
/* Transcript requests at once: Fathom allows 60 calls a minute. */
#define PARALLEL 2

static struct lq_http *http;
static struct lq_cache *cache;
static const char *api_key;	/* a registered secret */
static char *base;
static int max_attempts = 3;
static double max_wait = LQ_RETRY_MAX_WAIT;
static unsigned long long requests, pages, meetings, hits, fetched_tr;
static double rl_wait_until;		/* no request before this time */

/* One finished request, as the callback leaves it. */
struct answer {
	int done, ok, fatal, attempts;
	long status;
	char err[512];
	json_t *body;		/* parsed 2xx body, or NULL */
	int (*check)(const json_t *, char *, size_t);	/* or NULL */
};

static void
on_done(struct lq_http *h, struct lq_http_req *r)
{
	struct answer *a = r->arg;
	double rem = lq_http_header_num(r, "RateLimit-Remaining");
	double reset = lq_retry_parse_reset(lq_http_header(r, "RateLimit-Reset"), time(NULL));
	json_error_t je;

	/* An exhausted window: wait for it to reset before the next call. */
	if (rem == 0 && reset > 0) {
		double t = lq_now() + (reset < max_wait ? reset : max_wait);

		if (t > rl_wait_until)
			rl_wait_until = t;
	}
	if (!lq_http_ok(r)) {
		a->fatal = lq_http_fatal(r);
		snprintf(a->err, sizeof a->err, "%s", lq_http_strerror(r));
	} else if ((a->body = json_loadb(r->resp.data ? r->resp.data : "", r->resp.len, 0, &je)) == NULL
	    || (a->check && a->check(a->body, a->err, sizeof a->err) < 0)) {
		/* A cut or malformed 200 is asked again under the retry policy. */
		if (a->body == NULL)
			snprintf(a->err, sizeof a->err, "HTTP %ld: response is not JSON: %s", r->status, je.text);
		json_decref(a->body);
		a->body = NULL;
		if (lq_http_retry(h, r, "%s", a->err))
			return;
		if (r->error[0])
			snprintf(a->err, sizeof a->err, "%s", r->error);
	} else {
		a->ok = 1;
	}
	a->done = 1;
	a->status = r->status;
	a->attempts = r->attempts;
	requests += (unsigned long long)r->attempts;
}

static void
rl_sleep(void)
{
	double d = rl_wait_until - lq_now();

	if (d > 0) {
		struct timespec ts = { (time_t)d, (long)((d - (double)(time_t)d) * 1e9) };

		lq_note("rate limit window used up: waiting %.1f s", d);
		nanosleep(&ts, NULL);
	}
}

static struct lq_http_req *
get_req(const char *url, struct answer *a, const char *id)
{
	struct lq_http_req *r = lq_http_req_new("GET", url, NULL, NULL, on_done, a);
	char *h = lq_xasprintf("X-Api-Key: %s", api_key);	/* a registered secret */

	r->headers = curl_slist_append(r->headers, h);
	memset(h, 0, strlen(h));
	free(h);
	if (r->headers == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	if (id)
		r->ids = json_pack("[s]", id);
	return r;
}

static void
stop_fatal(const struct answer *a, const char *what)
{
	if (a->fatal)
		lq_die(LQ_EXIT_FATAL, "%s: Fathom refused the request (%s): check FATHOM_API_KEY", what, a->err);
	lq_die(LQ_EXIT_FATAL, "%s failed after %d attempts: %s", what, a->attempts, a->err);
}

/* GETs url: the retry policy covers transport errors, 408, 429, 5xx and
 * 2xx bodies that are not JSON or that check() rejects; what is left
 * stops the run. */
static json_t *
get_json(const char *url, const char *what, int (*check)(const json_t *, char *, size_t))
{
	struct answer a;

	memset(&a, 0, sizeof a);
	a.check = check;
	rl_sleep();
	lq_http_submit(http, get_req(url, &a, NULL));
	while (lq_http_pending(http) > 0)
		lq_http_run(http, 0.1);
	if (!a.ok)
		stop_fatal(&a, what);
	return a.body;
}

static int
check_page(const json_t *p, char *err, size_t errlen)
{
	const json_t *c = json_object_get(p, "next_cursor");

	if (!json_is_object(p) || !json_is_array(json_object_get(p, "items"))) {
		snprintf(err, errlen, "malformed page: no items array");
		return -1;
	}
	if (c && !json_is_null(c) && !(json_is_string(c) && *json_string_value(c))) {
		snprintf(err, errlen, "malformed page: next_cursor is not a string");
		return -1;
	}
	return 0;
}

static int
check_transcript(const json_t *t, char *err, size_t errlen)
{
	if (!json_is_array(json_object_get(t, "transcript"))) {
		snprintf(err, errlen, "malformed transcript: no transcript array");
		return -1;
	}
	return 0;
}

static void
meeting_key(struct lq_cache_key *k, const char *id)
{
	lq_cache_key(k, "meeting", MEETING_VERSION, "fathom", id, strlen(id));
}

static void
write_bad_item(const json_t *it, const char *err)
{
	json_t *rec = json_object();
	char *raw = json_dumps(it, JSON_COMPACT | JSON_ENCODE_ANY), id[72];

	if (json_is_object(it) && lq_meeting_id(it, id, sizeof id) == 0)
		json_object_set_new(rec, "id", json_string(id));
	if (raw) {
		if (strlen(raw) > 4096)
			raw[4096] = '\0';
		lq_rec_set_str(rec, "raw", raw);
		free(raw);
	}
	lq_rec_fail(rec, "bad_meeting", "page %llu: %s", pages, err);
	lq_write(rec);
	json_decref(rec);
}

/* The transcript of every item that came without one: from the cache or
 * GET /recordings/{id}/transcript, PARALLEL at a time. */
static void
fill_transcripts(const json_t *items, json_t **recs, char **errs)
{
	size_t i, n = json_array_size(items);
	struct answer *a = lq_xcalloc(n ? n : 1, sizeof *a);
	int any = 0;

	for (i = 0; i < n; i++) {
		const json_t *it = json_array_get(items, i);
		const json_t *rid = json_object_get(it, "recording_id");
		struct lq_cache_key k;
		char id[32], *url;
		json_t *c;

		if (recs[i] || errs[i] || !json_is_integer(rid))
			continue;
		snprintf(id, sizeof id, "%lld", (long long)json_integer_value(rid));
		meeting_key(&k, id);
		if ((c = lq_cache_get_json(cache, "meeting", &k, 0)) != NULL) {
			json_t *m = lq_meeting_from_fathom(it, json_object_get(c, "transcript"), "fathom",
			    a[i].err, sizeof a[i].err);

			json_decref(c);
			if (m) {
				recs[i] = m;
				hits++;
				continue;
			}
		}
		url = lq_xasprintf("%s/recordings/%s/transcript", base, id);
		a[i].check = check_transcript;
		lq_http_submit(http, get_req(url, &a[i], id));
		free(url);
		any = 1;
	}
	while (any && lq_http_pending(http) > 0)
		lq_http_run(http, 0.1);
	for (i = 0; i < n; i++) {
		char err[512];

		if (!a[i].done)
			continue;
		if (!a[i].ok) {
			if (a[i].fatal)
				stop_fatal(&a[i], "GET /recordings/{id}/transcript");
			errs[i] = lq_xasprintf("transcript: %s", a[i].err);
			continue;
		}
		fetched_tr++;
		recs[i] = lq_meeting_from_fathom(json_array_get(items, i),
		    json_object_get(a[i].body, "transcript"), "fathom", err, sizeof err);
		if (recs[i] == NULL)
			errs[i] = lq_xasprintf("transcript: %s", err);
		json_decref(a[i].body);
	}
	free(a);
}

static char *
query_escape(const char *s)
{
	char *e = curl_easy_escape(NULL, s, 0), *r;

	if (e == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	r = lq_xstrdup(e);
	curl_free(e);
	return r;
}

/* Pages of /meetings until next_cursor is null. A cursor that comes back
 * a second time would loop for ever (and pay for it): the run stops with
 * an error instead. Returns LQ_EXIT_OK or LQ_EXIT_FATAL. */
static int
fetch_api(const char *since, char **domains, size_t nd, int external, long long limit)
{
	struct lq_buf q = LQ_BUF_INIT;
	char *cursor = NULL;
	json_t *seen = json_object();
	int rc = LQ_EXIT_OK;
	size_t i;

	lq_buf_adds(&q, "include_transcript=true");
	if (since) {
		char *e = query_escape(since);

		lq_buf_addf(&q, "&created_after=%s", e);
		free(e);
	}
	for (i = 0; i < nd; i++)
		lq_buf_addf(&q, "&calendar_invitees_domains%%5B%%5D=%s", domains[i]);
	if (external)
		lq_buf_adds(&q, "&calendar_invitees_domains_type=one_or_more_external");
	for (;;) {
		char *url, what[64], *e = cursor ? query_escape(cursor) : NULL;
		json_t *page, *items, **recs;
		char **errs;
		const json_t *nc;
		size_t n;

		url = e ? lq_xasprintf("%s/meetings?%s&cursor=%s", base, q.data, e)
		    : lq_xasprintf("%s/meetings?%s", base, q.data);
		free(e);
		snprintf(what, sizeof what, "GET /meetings page %llu", pages + 1);
		page = get_json(url, what, check_page);
		free(url);
		pages++;
		items = json_object_get(page, "items");
		n = json_array_size(items);
		recs = lq_xcalloc(n ? n : 1, sizeof *recs);
		errs = lq_xcalloc(n ? n : 1, sizeof *errs);
		for (i = 0; i < n; i++) {
			const json_t *it = json_array_get(items, i), *tr = json_object_get(it, "transcript");
			char err[512];

			if (tr == NULL || json_is_null(tr)) {
				if (!json_is_object(it) || !json_is_integer(json_object_get(it, "recording_id")))
					errs[i] = lq_xstrdup(!json_is_object(it) ? "meeting is not an object"
					    : "meeting has no transcript and no recording_id to fetch it by");
				continue;	/* fill_transcripts */
			}
			if ((recs[i] = lq_meeting_from_fathom(it, NULL, "fathom", err, sizeof err)) == NULL)
				errs[i] = lq_xstrdup(err);
		}
		fill_transcripts(items, recs, errs);
		for (i = 0; i < n; i++) {
			if (limit >= 0 && (long long)meetings >= limit) {
				json_decref(recs[i]);
				free(errs[i]);
				continue;
			}
			if (recs[i]) {
				struct lq_cache_key k;
				json_t *c = json_pack("{s:O}", "transcript", json_object_get(recs[i], "transcript"));

				meeting_key(&k, json_string_value(json_object_get(recs[i], "id")));
				lq_cache_put_json(cache, "meeting", &k, c);
				json_decref(c);
				lq_write(recs[i]);
				json_decref(recs[i]);
			} else {
				write_bad_item(json_array_get(items, i), errs[i] ? errs[i] : "no transcript");
			}
			free(errs[i]);
			meetings++;
			lq_progress();
		}
		free(recs);
		free(errs);
		nc = json_object_get(page, "next_cursor");
		free(cursor);
		cursor = json_is_string(nc) ? lq_xstrdup(json_string_value(nc)) : NULL;
		json_decref(page);
		if (cursor == NULL || (limit >= 0 && (long long)meetings >= limit))
			break;
		if (json_object_get(seen, cursor)) {
			lq_warn("GET /meetings page %llu: Fathom sent the cursor of page %lld again: "
			    "stopping, the meetings after it are missing", pages,
			    (long long)json_integer_value(json_object_get(seen, cursor)) + 1);
			rc = LQ_EXIT_FATAL;
			break;
		}
		json_object_set_new(seen, cursor, json_integer((json_int_t)pages));
		if (lq_stop_requested())
			break;	/* the page in hand is written; exit 4 (lq_finish) */
	}
	free(cursor);
	json_decref(seen);
	lq_buf_free(&q);
	return rc;
}

static void
read_file(const char *path)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	struct lq_buf b = LQ_BUF_INIT;
	char err[512];
	size_t i;
	int r;
	json_t *ms, *m;

	if (fp == NULL) {
		lq_warn_errno("%s", path);
		m = json_pack("{s:s}", "source", name);
		lq_rec_fail(m, "unreadable", "%s: cannot open", name);
		lq_write(m);
		json_decref(m);
		return;
	}
	r = lq_read_all(fp, FILE_MAX, &b);
	if (fp != stdin)
		fclose(fp);
	if (r == -2)
		ms = NULL, snprintf(err, sizeof err, "%s: larger than %zu bytes", name, FILE_MAX);
	else if (r == -1)
		ms = NULL, snprintf(err, sizeof err, "%s: read error", name);
	else
		ms = lq_transcript_parse(b.data ? b.data : "", b.len, name, err, sizeof err);
	lq_buf_free(&b);
	if (ms == NULL) {
		lq_warn("%s", err);
		m = json_pack("{s:s}", "source", name);
		lq_rec_fail(m, "bad_transcript", "%s", err);
		lq_write(m);
		json_decref(m);
		return;
	}
	json_array_foreach(ms, i, m) {
		if (lq_rec_failed(m))
			lq_warn("%s", json_string_value(json_object_get(json_object_get(m, "error"), "message")));
		else
			meetings++;
		lq_write(m);
	}
	json_decref(ms);
}

static const char *
check_since(const char *s)
{
	static char buf[64];
	size_t i, n = strlen(s);

	if (n == 10) {
		for (i = 0; i < 10; i++)
			if ((i == 4 || i == 7) ? s[i] != '-' : !isdigit((unsigned char)s[i]))
				break;
		if (i == 10) {
			snprintf(buf, sizeof buf, "%sT00:00:00Z", s);
			return buf;
		}
	}
	if (n > 10 && n < 40 && s[10] == 'T' && isdigit((unsigned char)s[0])) {
		for (i = 0; i < n; i++)
			if (!isalnum((unsigned char)s[i]) && !strchr("-:.+", s[i]))
				break;
		if (i == n)
			return s;
	}
	lq_warn("--since: '%s' is not a date (YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ)", s);
	lq_usage(&cmd);
}

int
main(int argc, char **argv)
{
	const char *arg, *since = NULL, *trace_path = NULL;
	char **domains = NULL;
	size_t nd = 0;
	int c, external = 0, refresh = 0, i, rc;
	long long limit = -1;
	double retry_delay = 1, timeout = 60;
	FILE *trace = NULL;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_DOMAIN: {
			const char *p;

			for (p = arg; *p; p++)
				if (!isalnum((unsigned char)*p) && *p != '.' && *p != '-')
					break;
			if (*p || !*arg) {
				lq_warn("--domain: '%s' is not a domain name", arg);
				lq_usage(&cmd);
			}
			domains = lq_xreallocarray(domains, nd + 1, sizeof *domains);
			domains[nd++] = (char *)arg;
			break;
		}
		case OPT_EXTERNAL: external = 1; break;
		case OPT_LIMIT: limit = lq_parse_int("--limit", arg, 0, 100000000); break;
		case OPT_MAX_ATTEMPTS: max_attempts = (int)lq_parse_int("--max-attempts", arg, 1, 100); break;
		case OPT_MAX_WAIT: max_wait = lq_parse_double("--max-wait", arg, 0.001, 86400); break;
		case OPT_REFRESH: refresh = 1; break;
		case OPT_RETRY_DELAY: retry_delay = lq_parse_double("--retry-delay", arg, 0.001, 3600); break;
		case OPT_SINCE: since = check_since(arg); break;
		case OPT_TIMEOUT: timeout = lq_parse_double("--timeout", arg, 0.1, 86400); break;
		case OPT_TRACE: trace_path = arg; break;
		default: lq_usage(&cmd);
		}
	}
	if (optind < argc) {
		if (since || nd || external || limit >= 0)
			lq_die(LQ_EXIT_USAGE, "--since, --domain, --external-only and --limit apply to the API, not to files");
		for (i = optind; i < argc; i++)
			read_file(argv[i]);
		lq_summary_add("%llu meetings", meetings);
		free(domains);
		return lq_finish();
	}

	{
		const char *b = getenv("LQ_FATHOM_BASE_URL");
		struct lq_http_opts ho = { 0 };
		size_t bl;

		ho.stage = "calls";
		ho.parallel = PARALLEL;
		ho.timeout = timeout;
		ho.max_attempts = max_attempts;
		ho.backoff = retry_delay;
		ho.max_wait = max_wait;
		if ((api_key = lq_secret_env("FATHOM_API_KEY")) == NULL)
			lq_die(LQ_EXIT_FATAL, "FATHOM_API_KEY is not set (or give transcript files)");
		if (b == NULL || !*b)
			b = "https://api.fathom.ai/external/v1";
		bl = strlen(b);
		while (bl > 0 && b[bl - 1] == '/')
			bl--;
		base = lq_xstrndup(b, bl);
		if (trace_path && (trace = lq_fopen_private(trace_path)) == NULL)
			lq_die_errno(LQ_EXIT_FATAL, "%s", trace_path);
		ho.trace = trace;
		http = lq_http_new(&ho);
	}
	cache = lq_cache_open(NULL);
	lq_cache_set_refresh(cache, refresh);
	rc = fetch_api(since, domains, nd, external, limit);

	lq_summary_add("%llu meetings", meetings);
	lq_summary_add("%llu pages", pages);
	lq_summary_add("%llu transcripts fetched", fetched_tr);
	lq_summary_add("%llu cache hits", hits);
	lq_summary_add("%llu requests", requests);
	lq_http_free(http);
	lq_cache_close(cache);
	free(base);
	free(domains);
	if (trace && fclose(trace) != 0)
		lq_warn_errno("%s", trace_path);
	c = lq_finish();
	return rc != LQ_EXIT_OK ? rc : c;
}
