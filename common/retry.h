/* retry.h: the one retry policy: how long to wait before another attempt, from the server's headers or a backoff, and when to give up. */
#ifndef LQ_RETRY_H
#define LQ_RETRY_H

#include <time.h>

/* Longest wait a server may ask for before lq gives up on the request
 * instead, in seconds. Rate limits that reset within a minute (OpenAI's
 * per-minute request and token limits, Fathom's 60 calls a minute) are
 * waited out; a daily quota ("try again in 7h") fails at once with the
 * wait named. --max-wait changes it. */
#define LQ_RETRY_MAX_WAIT 120.0

/* A policy. Zero fields take the defaults in brackets (lq_retry_init). */
struct lq_retry {
	int max_attempts;	/* attempts in all, the first included [3] */
	double base;		/* first backoff in seconds; doubles each retry [0.5] */
	double cap;		/* longest backoff [30] */
	double max_wait;	/* longest wait a server may ask for [LQ_RETRY_MAX_WAIT] */
	unsigned seed;		/* jitter state [time-based] */
};

/* Fills the zero fields of p with the defaults. */
void lq_retry_init(struct lq_retry *p);

/* The decision after a failed attempt. */
enum lq_retry_verdict {
	LQ_RETRY_GO,		/* try again after *delay seconds */
	LQ_RETRY_SPENT,		/* no attempts left */
	LQ_RETRY_TOO_LONG	/* the server asks for more than max_wait: fail now */
};

/* What to do after attempts (>= 1) failed, the last one with a server
 * wait of server_wait seconds (-1: the server said nothing). The delay
 * is the backoff base x 2^(attempts-1) with jitter in [d, 2d), at most
 * cap; a server wait, when given, is honoured: the delay is at least the
 * wait plus up to 10% (at most 1 s) of jitter, so that clients told the
 * same time do not all come back at once. */
enum lq_retry_verdict lq_retry_next(struct lq_retry *p, int attempts, double server_wait,
    double *delay);

/* Looks up a response header by name (case-insensitive); NULL if absent. */
typedef const char *(*lq_retry_header_fn)(void *arg, const char *name);

/* The wait, in seconds, that the response headers ask for before another
 * request, or -1 when they ask for none; *source (may be NULL) gets the
 * header it came from. Retry-After (delay-seconds or an HTTP-date) counts
 * for any status. On a 429 without it, the largest of: RateLimit-Reset,
 * the reset of a "RateLimit" field (reset= or t=), and OpenAI's
 * x-ratelimit-reset-requests / x-ratelimit-reset-tokens (those whose
 * x-ratelimit-remaining-* is 0, or all when none says 0). */
double lq_retry_server_wait(lq_retry_header_fn get, void *arg, long status, time_t now,
    const char **source);

/* Parsers of single header values; each returns seconds, or -1 when v is
 * not such a value. Retry-After: delay-seconds, or an HTTP-date (IMF
 * fixdate, RFC 850 or asctime; a past date gives 0). RateLimit-Reset:
 * delta seconds, or a Unix time when above 10^9 (as GitHub and others
 * send). Durations as OpenAI writes them: "6s", "1m30s", "250ms",
 * "1h2m3.5s", "20us", or a bare number of seconds. */
double lq_retry_parse_after(const char *v, time_t now);
double lq_retry_parse_reset(const char *v, time_t now);
double lq_retry_parse_duration(const char *v);

#endif
