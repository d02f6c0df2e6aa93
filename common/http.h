/* http.h: the HTTP client of every JSON API stage: libcurl multi, a window of requests, retries, traces. */
#ifndef LQ_HTTP_H
#define LQ_HTTP_H

#include <stdio.h>

#include <curl/curl.h>
#include <jansson.h>

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
 * when token is not NULL. */
struct lq_http_req *lq_http_req_new(const char *method, const char *url,
    const char *body, const char *token, lq_http_done_fn done, void *arg);

/* Queues r (h owns it from now on). It starts when a slot is free. */
void lq_http_submit(struct lq_http *h, struct lq_http_req *r);

/* Runs transfers for at most wait seconds or until something happened;
 * calls the callbacks of finished requests; retries timeouts, connection
 * errors, 408, 429 and 5xx after a backoff (Retry-After when the server
 * sends one, else RateLimit-Reset on a 429), never other statuses.
 * Returns the number of requests not finished yet. */
int lq_http_run(struct lq_http *h, double wait);

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

/* Writes one trace line (stage added) to the client's trace file, for
 * events that are not requests (a cache hit). Does nothing without one. */
void lq_http_trace(struct lq_http *h, json_t *line);

/* The current time as ISO-8601 UTC ("2025-01-31T12:00:00Z") in buf. */
void lq_iso_now(char *buf, size_t size);

#endif
