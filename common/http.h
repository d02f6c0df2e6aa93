/* http.h: the HTTP client of every JSON API stage: libcurl multi, a window of requests, retries, traces. */
#ifndef LQ_HTTP_H
#define LQ_HTTP_H

#include <stdio.h>

#include <curl/curl.h>
#include <jansson.h>

#include "retry.h"
#include "util.h"

/* How a client behaves. Zero fields take the defaults in brackets. */
struct lq_http_opts {
	const char *stage;	/* "stage" of trace lines [lq_progname] */
	int parallel;		/* transfers at once; more wait in a queue [no limit] */
	double timeout;		/* seconds per attempt, connection included [90] */
	int max_attempts;	/* attempts per request, first included [3] */
	double backoff;		/* first retry delay in seconds; doubles each
				   retry, with jitter in [d, 2d) [0.5] */
	double backoff_max;	/* cap of a retry delay [30] */
	size_t max_body;	/* response body cap in bytes [64 MiB] */
	FILE *trace;		/* one JSON line per attempt, or NULL */
	double max_wait;	/* longest wait a server may ask for; a longer
				   one fails the request [LQ_RETRY_MAX_WAIT] */
};

struct lq_http;
struct lq_http_req;

/* Called once per request when it is finished: succeeded, failed for
 * good, or out of attempts. The callback may submit new requests; it must
 * not keep r, which is freed (after its trace line) when it returns. */
typedef void (*lq_http_done_fn)(struct lq_http *h, struct lq_http_req *r);

/* A request. Fill the first block (lq_http_req_new does), submit it,
 * read the second block in the callback. */
struct lq_http_req {
	const char *method;	/* "GET", "POST" (static string) */
	char *url;		/* full URL (owned); the query is never traced */
	char *body;		/* request body (owned) or NULL */
	struct curl_slist *headers; /* owned; secrets go here, never traced */
	json_t *ids;		/* record ids for the trace (owned) or NULL */
	lq_http_done_fn done;
	void *arg;		/* the caller's */

	long status;		/* HTTP status of the last attempt; 0: none */
	char error[CURL_ERROR_SIZE + 64]; /* transport error, "" if none */
	struct lq_buf resp;	/* response body of the last attempt */
	int attempts;		/* attempts made */
	double latency;		/* seconds of the last attempt */
	long trace_items;	/* set by the callback: items returned, for the trace [-1] */

	/* private */
	CURL *easy;
	double not_before, t0;
	double wait;		/* delay before the next attempt, for the trace */
	const char *wait_source;	/* the header it honours, or "backoff" */
	char *retry_why;	/* why the callback asked for another attempt */
	int retry_asked;
	int too_big;
	size_t too_big_cap;
	char curl_err[CURL_ERROR_SIZE];
	struct lq_http_req *next, *prev;
};

/* A new client; never NULL. */
struct lq_http *lq_http_new(const struct lq_http_opts *o);

/* Stops every transfer without calling callbacks and frees h. */
void lq_http_free(struct lq_http *h);

/* A request for method and url (copied), JSON body (copied, or NULL)
 * with Content-Type and Accept set, and an "Authorization: Bearer" header
 * when token is not NULL. The token and any password in url's userinfo
 * are registered as secrets (lq_redact_add). */
struct lq_http_req *lq_http_req_new(const char *method, const char *url,
    const char *body, const char *token, lq_http_done_fn done, void *arg);

/* Queues r (h owns it from now on). It starts when a slot is free. */
void lq_http_submit(struct lq_http *h, struct lq_http_req *r);

/* Runs transfers for at most wait seconds or until something happened;
 * calls the callbacks of finished requests. Timeouts, connection errors,
 * 408, 429 and 5xx are retried under the retry policy (common/retry.h):
 * the wait the server's headers ask for (Retry-After, RateLimit-Reset,
 * x-ratelimit-reset-*), else exponential backoff with jitter; a server
 * wait above max_wait fails the request at once with a message that
 * says so. Other statuses are never retried. Every response body and
 * transport error is redacted (common/redact.h) before anyone reads it.
 * Returns the number of requests not finished yet. */
int lq_http_run(struct lq_http *h, double wait);

/* Called from r's done callback when the answer is a 2xx the client
 * cannot use (cut or malformed body, wrong number of results, a refused
 * or truncated chat answer): asks for another attempt of r under the
 * same policy and budget as transport errors (why, formatted, goes into
 * the trace). Returns 1 when r will be sent again (the callback must
 * then leave its state as if r were still pending: it is called again
 * with the next answer), 0 when the attempts are spent (the callback
 * handles the failure). */
int lq_http_retry(struct lq_http *h, struct lq_http_req *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Requests not finished yet (queued, running or waiting to retry). */
int lq_http_pending(const struct lq_http *h);

/* 1 if r ended with a 2xx status. */
int lq_http_ok(const struct lq_http_req *r);

/* 1 if r ended with 401, 402 or 403: the key or the account is at fault,
 * and the stage must stop. */
int lq_http_fatal(const struct lq_http_req *r);

/* A short text for a failed request: the transport error, or "HTTP 500:
 * <type>: <message>" from an {"error":{"type","message"}} body (or the
 * body's first bytes). Returned in a static buffer. */
const char *lq_http_strerror(const struct lq_http_req *r);

/* The value of response header name (the last attempt's) as a
 * non-negative number, or -1 when absent or not a number. Valid in the
 * done callback. Used for RateLimit-Remaining and RateLimit-Reset; a 429
 * without Retry-After waits RateLimit-Reset seconds when sent. */
double lq_http_header_num(const struct lq_http_req *r, const char *name);

/* The value of response header name of the last attempt, or NULL. Valid
 * in the done callback. */
const char *lq_http_header(const struct lq_http_req *r, const char *name);

/* The wait in seconds the last answer's headers asked for (see
 * lq_http_run), or -1. For callers that retry at a higher level (a batch
 * of records sent again in a new request). */
double lq_http_server_wait(const struct lq_http_req *r);

/* 1 if url's host is the loopback interface (127.0.0.0/8, localhost,
 * [::1]): a local server may run without a key. */
int lq_http_loopback(const char *url);

/* Writes one trace line (stage added, secrets redacted) to the client's
 * trace file, for events that are not requests (a cache hit). Does
 * nothing without one. */
void lq_http_trace(struct lq_http *h, json_t *line);

/* The current time as ISO-8601 UTC ("2025-01-31T12:00:00Z") in buf. */
void lq_iso_now(char *buf, size_t size);

#endif
