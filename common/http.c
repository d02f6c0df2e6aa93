/* http.c: libcurl multi client with a request window, retries with backoff and jitter, trace lines. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "diag.h"
#include "http.h"
#include "ndjson.h"
#include "redact.h"
#include "run.h"
#include "util.h"

struct lq_http {
	struct lq_http_opts o;
	CURLM *multi;
	struct lq_http_req *queue, *queue_tail;	/* waiting for a slot */
	struct lq_http_req *delayed;		/* waiting for a retry time */
	struct lq_http_req *active;		/* in curl */
	int running;				/* transfers in curl */
	int pending;				/* all not finished */
	struct lq_retry policy;
	double hold_until;			/* a server asked us all to wait */
};

static int curl_ready;

struct lq_http *
lq_http_new(const struct lq_http_opts *o)
{
	struct lq_http *h = lq_xcalloc(1, sizeof *h);

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
			lq_die(LQ_EXIT_FATAL, "cannot initialise libcurl");
		curl_ready = 1;
	}
	if (o)
		h->o = *o;
	if (h->o.stage == NULL)
		h->o.stage = lq_progname;
	if (h->o.timeout <= 0)
		h->o.timeout = 90;
	if (h->o.max_attempts <= 0)
		h->o.max_attempts = 3;
	if (h->o.max_body == 0)
		h->o.max_body = (size_t)64 << 20;
	h->policy.max_attempts = h->o.max_attempts;
	h->policy.base = h->o.backoff;
	h->policy.cap = h->o.backoff_max;
	h->policy.max_wait = h->o.max_wait;
	lq_retry_init(&h->policy);
	h->o.backoff = h->policy.base;
	h->o.backoff_max = h->policy.cap;
	h->o.max_wait = h->policy.max_wait;
	h->multi = curl_multi_init();
	if (h->multi == NULL)
		lq_die(LQ_EXIT_FATAL, "cannot initialise libcurl");
	return h;
}

static void
req_free(struct lq_http_req *r)
{
	if (r->easy)
		curl_easy_cleanup(r->easy);
	free(r->url);
	free(r->body);
	curl_slist_free_all(r->headers);
	json_decref(r->ids);
	lq_buf_free(&r->resp);
	free(r->retry_why);
	free(r);
}

static void
free_list(struct lq_http_req *r)
{
	while (r) {
		struct lq_http_req *n = r->next;

		req_free(r);
		r = n;
	}
}

void
lq_http_free(struct lq_http *h)
{
	struct lq_http_req *r;

	if (h == NULL)
		return;
	for (r = h->active; r; r = r->next)
		curl_multi_remove_handle(h->multi, r->easy);
	free_list(h->active);
	free_list(h->queue);
	free_list(h->delayed);
	curl_multi_cleanup(h->multi);
	free(h);
}

struct lq_http_req *
lq_http_req_new(const char *method, const char *url, const char *body, const char *token,
    lq_http_done_fn done, void *arg)
{
	struct lq_http_req *r = lq_xcalloc(1, sizeof *r);

	r->method = method;
	r->url = lq_xstrdup(url);
	r->body = body ? lq_xstrdup(body) : NULL;
	r->done = done;
	r->arg = arg;
	r->trace_items = -1;
	lq_redact_url(url);
	r->headers = curl_slist_append(NULL, "Accept: application/json");
	if (body)
		r->headers = curl_slist_append(r->headers, "Content-Type: application/json");
	if (token) {
		char *a = lq_xasprintf("Authorization: Bearer %s", token);

		lq_redact_add(token);
		r->headers = curl_slist_append(r->headers, a);
		memset(a, 0, strlen(a));
		free(a);
	}
	/* Expect: 100-continue only adds a round trip. */
	r->headers = curl_slist_append(r->headers, "Expect:");
	if (r->headers == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	return r;
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct lq_http_req *r = arg;

	n *= size;
	if (r->resp.len + n > r->too_big_cap) {
		r->too_big = 1;
		return 0;
	}
	lq_buf_add(&r->resp, p, n);
	return n;
}

static void
start(struct lq_http *h, struct lq_http_req *r)
{
	CURL *e = r->easy;

	if (e == NULL) {
		e = r->easy = curl_easy_init();
		if (e == NULL)
			lq_die(LQ_EXIT_FATAL, "cannot initialise libcurl");
	} else {
		curl_easy_reset(e);
	}
	lq_buf_reset(&r->resp);
	r->error[0] = '\0';
	r->status = 0;
	r->too_big = 0;
	r->too_big_cap = h->o.max_body;
	curl_easy_setopt(e, CURLOPT_URL, r->url);
	curl_easy_setopt(e, CURLOPT_CUSTOMREQUEST, r->method);
	if (strcmp(r->method, "POST") == 0) {
		curl_easy_setopt(e, CURLOPT_POST, 1L);
		curl_easy_setopt(e, CURLOPT_POSTFIELDS, r->body ? r->body : "");
	}
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, r->headers);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(e, CURLOPT_PRIVATE, r);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, r->curl_err);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(h->o.timeout * 1000));
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, (long)(fmin(h->o.timeout, 30) * 1000));
	curl_easy_setopt(e, CURLOPT_TCP_KEEPALIVE, 1L);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_USERAGENT, "lq/" LQ_VERSION);
	r->curl_err[0] = '\0';
	r->attempts++;
	r->t0 = lq_now();
	r->next = h->active;
	r->prev = NULL;
	if (h->active)
		h->active->prev = r;
	h->active = r;
	h->running++;
	if (curl_multi_add_handle(h->multi, e) != CURLM_OK)
		lq_die(LQ_EXIT_FATAL, "cannot start a transfer");
}

void
lq_http_submit(struct lq_http *h, struct lq_http_req *r)
{
	r->next = NULL;
	if (h->queue_tail)
		h->queue_tail->next = r;
	else
		h->queue = r;
	h->queue_tail = r;
	h->pending++;
}

int
lq_http_pending(const struct lq_http *h)
{
	return h->pending;
}

int
lq_http_ok(const struct lq_http_req *r)
{
	return r->error[0] == '\0' && r->status >= 200 && r->status < 300;
}

int
lq_http_fatal(const struct lq_http_req *r)
{
	return r->error[0] == '\0' && (r->status == 401 || r->status == 402 || r->status == 403);
}

const char *
lq_http_strerror(const struct lq_http_req *r)
{
	static char buf[512];
	json_t *j, *e;

	if (r->error[0])
		return r->error;
	j = json_loadb(r->resp.data ? r->resp.data : "", r->resp.len, 0, NULL);
	e = json_object_get(j, "error");
	if (json_is_object(e)) {
		snprintf(buf, sizeof buf, "HTTP %ld: %s: %s", r->status,
		    json_string_value(json_object_get(e, "type")) ? json_string_value(json_object_get(e, "type")) : "error",
		    json_string_value(json_object_get(e, "message")) ? json_string_value(json_object_get(e, "message")) : "");
	} else {
		size_t n = r->resp.len < 80 ? r->resp.len : 80, i;

		snprintf(buf, sizeof buf, "HTTP %ld: ", r->status);
		for (i = 0; i < n && strlen(buf) + 2 < sizeof buf; i++) {
			char c = r->resp.data[i];
			size_t l = strlen(buf);

			buf[l] = (c >= 0x20 && c < 0x7f) ? c : '?';
			buf[l + 1] = '\0';
		}
	}
	json_decref(j);
	return buf;
}

void
lq_iso_now(char *buf, size_t size)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
lq_http_trace(struct lq_http *h, json_t *line)
{
	struct lq_buf b = LQ_BUF_INIT;

	if (h->o.trace == NULL)
		return;
	json_object_set_new(line, "stage", json_string(h->o.stage));
	lq_json_dump(&b, line);
	b.len = lq_redact_mem(b.data, b.len);
	lq_buf_addc(&b, '\n');
	if (fwrite(b.data, 1, b.len, h->o.trace) != b.len || fflush(h->o.trace) != 0)
		lq_warn_errno("trace: write error");
	lq_buf_free(&b);
}

/* The path of r's URL without scheme, host and query: no secret rides in
 * a query string into the trace. */
static json_t *
endpoint(const char *url)
{
	const char *p = strstr(url, "://"), *q;

	p = p ? strchr(p + 3, '/') : url;
	if (p == NULL)
		p = "/";
	q = strpbrk(p, "?#");
	return json_stringn(p, q ? (size_t)(q - p) : strlen(p));
}

static void
trace_attempt(struct lq_http *h, struct lq_http_req *r, int retrying)
{
	json_t *l;
	char ts[32];

	if (h->o.trace == NULL)
		return;
	lq_iso_now(ts, sizeof ts);
	l = json_object();
	json_object_set_new(l, "ts", json_string(ts));
	json_object_set(l, "ids", r->ids ? r->ids : json_null());
	json_object_set_new(l, "method", json_string(r->method));
	json_object_set_new(l, "endpoint", endpoint(r->url));
	json_object_set_new(l, "status", r->status ? json_integer(r->status) : json_null());
	json_object_set_new(l, "latency_ms", json_integer((json_int_t)(r->latency * 1000 + 0.5)));
	json_object_set_new(l, "attempt", json_integer(r->attempts));
	json_object_set_new(l, "items", r->trace_items >= 0 ? json_integer(r->trace_items) : json_null());
	json_object_set_new(l, "cache_hit", json_false());
	if (r->retry_why)
		json_object_set_new(l, "error", json_string(r->retry_why));
	else if (r->error[0] || !lq_http_ok(r))
		json_object_set_new(l, "error", json_string(lq_http_strerror(r)));
	if (retrying) {
		json_object_set_new(l, "retry", json_true());
		json_object_set_new(l, "wait_s", json_real(round(r->wait * 1000) / 1000));
		json_object_set_new(l, "wait_source", json_string(r->wait_source));
	}
	lq_http_trace(h, l);
	json_decref(l);
}

static int
retryable(const struct lq_http_req *r, CURLcode cc)
{
	if (r->too_big)
		return 0;
	if (cc != CURLE_OK)
		return 1;	/* timeouts, refused or dropped connections, bad bodies */
	/* OpenAI's 429 for an empty account: waiting does not help. */
	if (r->status == 429 && r->resp.data && strstr(r->resp.data, "insufficient_quota"))
		return 0;
	return r->status == 408 || r->status == 429 || r->status >= 500;
}

const char *
lq_http_header(const struct lq_http_req *r, const char *name)
{
	struct curl_header *hd;

	if (r->easy == NULL || curl_easy_header(r->easy, name, 0, CURLH_HEADER, -1, &hd) != CURLHE_OK)
		return NULL;
	return hd->value;
}

double
lq_http_header_num(const struct lq_http_req *r, const char *name)
{
	const char *v = lq_http_header(r, name);
	char *end;
	double x;

	if (v == NULL)
		return -1;
	x = strtod(v, &end);
	if (end == v || x < 0 || x != x)
		return -1;
	return x;
}

static const char *
get_header(void *arg, const char *name)
{
	return lq_http_header(arg, name);
}

static double
server_wait(const struct lq_http_req *r, const char **source)
{
	if (r->error[0] && r->status == 0)
		return -1;
	return lq_retry_server_wait(get_header, (void *)r, r->status, time(NULL), source);
}

double
lq_http_server_wait(const struct lq_http_req *r)
{
	return server_wait(r, NULL);
}

/* Puts r back to wait for its next attempt, delayed requests sorted by
 * time. */
static void
delay(struct lq_http *h, struct lq_http_req *r)
{
	struct lq_http_req **pp;

	r->not_before = lq_now() + r->wait;
	for (pp = &h->delayed; *pp && (*pp)->not_before <= r->not_before; pp = &(*pp)->next)
		;
	r->next = *pp;
	*pp = r;
}

/* The policy's verdict for r; on LQ_RETRY_TOO_LONG, r fails with a
 * message naming the wait and the limit. */
static enum lq_retry_verdict
decide(struct lq_http *h, struct lq_http_req *r)
{
	const char *src = NULL;
	double sw = server_wait(r, &src), d;
	enum lq_retry_verdict v = lq_retry_next(&h->policy, r->attempts, sw, &d);

	if (v == LQ_RETRY_GO) {
		r->wait = d;
		r->wait_source = src ? src : "backoff";
		/* A wait the server asks for holds every request to it (one
		 * key, one limit), not only this one: the others would be
		 * refused too and burn their attempts. */
		if (src && lq_now() + d > h->hold_until)
			h->hold_until = lq_now() + d;
	} else if (v == LQ_RETRY_TOO_LONG) {
		char was[256];

		snprintf(was, sizeof was, "%.180s", r->retry_why ? r->retry_why : lq_http_strerror(r));
		snprintf(r->error, sizeof r->error, "%.180s; the server asks to wait %.0f s (%.30s), more than "
		    "the %.0f s lq waits at most (--max-wait)", was, d, src ? src : "?", h->policy.max_wait);
	}
	return v;
}

int
lq_http_retry(struct lq_http *h, struct lq_http_req *r, const char *fmt, ...)
{
	struct lq_buf b = LQ_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lq_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	lq_redact_mem(b.data, b.len);
	free(r->retry_why);
	r->retry_why = lq_buf_detach(&b);
	if (decide(h, r) != LQ_RETRY_GO)
		return 0;
	r->retry_asked = 1;
	return 1;
}

static void
finish(struct lq_http *h, struct lq_http_req *r, CURLcode cc)
{
	r->latency = lq_now() - r->t0;
	curl_easy_getinfo(r->easy, CURLINFO_RESPONSE_CODE, &r->status);
	free(r->retry_why);
	r->retry_why = NULL;
	r->retry_asked = 0;
	if (r->too_big)
		snprintf(r->error, sizeof r->error, "response larger than %zu bytes", h->o.max_body);
	else if (cc != CURLE_OK)
		snprintf(r->error, sizeof r->error, "%s",
		    r->curl_err[0] ? r->curl_err : curl_easy_strerror(cc));
	/* Servers quote keys in error bodies; nothing reads the body before
	 * this line. */
	if (r->resp.data)
		r->resp.len = lq_redact_mem(r->resp.data, r->resp.len);
	lq_redact_str(r->error);
	if (retryable(r, cc) && decide(h, r) == LQ_RETRY_GO) {
		trace_attempt(h, r, 1);
		delay(h, r);
		return;
	}
	if (r->done)
		r->done(h, r);
	if (r->retry_asked) {
		trace_attempt(h, r, 1);
		delay(h, r);
		return;
	}
	h->pending--;
	trace_attempt(h, r, 0);
	req_free(r);
}

int
lq_http_loopback(const char *url)
{
	const char *h = url ? strstr(url, "://") : NULL, *at, *end;
	size_t n;

	if (h == NULL)
		return 0;
	h += 3;
	end = h + strcspn(h, "/?#");
	if ((at = memchr(h, '@', (size_t)(end - h))) != NULL)
		h = at + 1;
	if (*h == '[')
		return strncmp(h, "[::1]", 5) == 0 && strchr(":/?#", h[5]) != NULL;
	n = strcspn(h, ":/?#");
	if (n == 9 && strncasecmp(h, "localhost", 9) == 0)
		return 1;
	if (n >= 7 && strncmp(h, "127.", 4) == 0) {
		size_t i;
		int dots = 0;

		for (i = 0; i < n; i++)
			if (h[i] == '.')
				dots++;
			else if (h[i] < '0' || h[i] > '9')
				return 0;
		return dots == 3;
	}
	return 0;
}

int
lq_http_run(struct lq_http *h, double wait)
{
	CURLMsg *m;
	int left, still, ms;
	double now = lq_now();

	if (h->pending == 0)
		return 0;
	/* Retries that are due go first: they hold up the output order. */
	if (h->delayed && h->delayed->not_before <= now) {
		struct lq_http_req *first = h->delayed, *last = first;

		while (last->next && last->next->not_before <= now)
			last = last->next;
		h->delayed = last->next;
		last->next = h->queue;
		if (h->queue == NULL)
			h->queue_tail = last;
		h->queue = first;
	}
	while (h->queue && (h->o.parallel <= 0 || h->running < h->o.parallel) && now >= h->hold_until) {
		struct lq_http_req *r = h->queue;

		h->queue = r->next;
		if (h->queue == NULL)
			h->queue_tail = NULL;
		start(h, r);
	}
	if (h->delayed && h->delayed->not_before - now < wait)
		wait = h->delayed->not_before - now;
	if (h->queue && h->hold_until > now && h->hold_until - now < wait)
		wait = h->hold_until - now;
	ms = wait > 0 ? (int)(wait * 1000) : 0;
	curl_multi_perform(h->multi, &still);
	if (h->running > 0 || ms > 0)
		curl_multi_poll(h->multi, NULL, 0, h->running > 0 ? ms : 0, NULL);
	if (h->running == 0 && ms > 0) {
		struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };

		nanosleep(&ts, NULL);
	}
	curl_multi_perform(h->multi, &still);
	while ((m = curl_multi_info_read(h->multi, &left)) != NULL) {
		struct lq_http_req *r = NULL;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&r);
		curl_multi_remove_handle(h->multi, m->easy_handle);
		if (r->prev)
			r->prev->next = r->next;
		else
			h->active = r->next;
		if (r->next)
			r->next->prev = r->prev;
		r->prev = NULL;
		h->running--;
		finish(h, r, m->data.result);
	}
	/* Slow requests: the progress line moves on while they run (a program
	 * that reads records; at most ten redraws a second, run.h). */
	if (lq_counts.in > 0)
		lq_progress();
	return h->pending;
}
