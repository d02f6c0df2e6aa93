/* test_retry.c: the retry policy: every header form a server uses to say "wait", and the backoff bounds. */
#include <math.h>
#include <string.h>
#include <strings.h>

#include "retry.h"
#include "t.h"

/* A response's headers for lq_retry_server_wait: name, value pairs. */
struct hdrs {
	const char *kv[16];
};

static const char *
get(void *arg, const char *name)
{
	const struct hdrs *h = arg;
	int i;

	for (i = 0; h->kv[i]; i += 2)
		if (strcasecmp(h->kv[i], name) == 0)
			return h->kv[i + 1];
	return NULL;
}

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)

int
main(void)
{
	/* Wed, 21 Oct 2015 07:28:00 GMT */
	const time_t date = 1445412480;
	const char *src;
	double d;
	int i;

	t_begin("Retry-After: delay-seconds");
	CHECK(NEAR(lq_retry_parse_after("120", 0), 120));
	CHECK(NEAR(lq_retry_parse_after(" 3 ", 0), 3));
	CHECK(NEAR(lq_retry_parse_after("0", 0), 0));
	CHECK(NEAR(lq_retry_parse_after("1.5", 0), 1.5));

	t_begin("Retry-After: HTTP-date in the three forms; a past date is 0");
	CHECK(NEAR(lq_retry_parse_after("Wed, 21 Oct 2015 07:28:00 GMT", date - 10), 10));
	CHECK(NEAR(lq_retry_parse_after("Wednesday, 21-Oct-15 07:28:00 GMT", date - 6), 6));
	CHECK(NEAR(lq_retry_parse_after("Wed Oct 21 07:28:00 2015", date - 60), 60));
	CHECK(NEAR(lq_retry_parse_after("Wed, 21 Oct 2015 07:28:00 GMT", date + 3600), 0));

	t_begin("Retry-After: anything else is not a wait");
	CHECK(lq_retry_parse_after(NULL, 0) < 0);
	CHECK(lq_retry_parse_after("", 0) < 0);
	CHECK(lq_retry_parse_after("soon", 0) < 0);
	CHECK(lq_retry_parse_after("-5", 0) < 0);
	CHECK(lq_retry_parse_after("5s", 0) < 0);
	CHECK(lq_retry_parse_after("Someday, 99 Foo 2015 99:99:99 XYZ", 0) < 0);

	t_begin("durations as OpenAI writes them");
	CHECK(NEAR(lq_retry_parse_duration("6s"), 6));
	CHECK(NEAR(lq_retry_parse_duration("1m30s"), 90));
	CHECK(NEAR(lq_retry_parse_duration("250ms"), 0.25));
	CHECK(NEAR(lq_retry_parse_duration("6m0s"), 360));
	CHECK(NEAR(lq_retry_parse_duration("1h2m3.5s"), 3723.5));
	CHECK(NEAR(lq_retry_parse_duration("20us"), 20e-6));
	CHECK(NEAR(lq_retry_parse_duration("0s"), 0));
	CHECK(NEAR(lq_retry_parse_duration("2"), 2));
	CHECK(NEAR(lq_retry_parse_duration(" 17ms "), 0.017));

	t_begin("durations: malformed ones are not a wait");
	CHECK(lq_retry_parse_duration(NULL) < 0);
	CHECK(lq_retry_parse_duration("") < 0);
	CHECK(lq_retry_parse_duration("s") < 0);
	CHECK(lq_retry_parse_duration("5x") < 0);
	CHECK(lq_retry_parse_duration("1m30") < 0);
	CHECK(lq_retry_parse_duration("-6s") < 0);
	CHECK(lq_retry_parse_duration("1.2.3s") < 0);

	t_begin("RateLimit-Reset: seconds, or a Unix time when above 10^9");
	CHECK(NEAR(lq_retry_parse_reset("5", 0), 5));
	CHECK(NEAR(lq_retry_parse_reset("0.75", 0), 0.75));
	CHECK(NEAR(lq_retry_parse_reset("1700000100", 1700000000), 100));
	CHECK(NEAR(lq_retry_parse_reset("1700000000", 1700000100), 0));
	CHECK(lq_retry_parse_reset("abc", 0) < 0);

	t_begin("server wait: Retry-After wins, for any status");
	{
		struct hdrs h = { { "Retry-After", "7", "RateLimit-Reset", "30", "x-ratelimit-reset-tokens", "1m", NULL } };

		CHECK(NEAR(lq_retry_server_wait(get, &h, 429, 0, &src), 7));
		CHECK_STR(src, "Retry-After");
		CHECK(NEAR(lq_retry_server_wait(get, &h, 503, 0, &src), 7));
	}

	t_begin("server wait: on a 429, the reset of the limit that is used up");
	{
		struct hdrs tok = { { "x-ratelimit-remaining-requests", "59", "x-ratelimit-remaining-tokens", "0",
			"x-ratelimit-reset-requests", "1s", "x-ratelimit-reset-tokens", "6s", NULL } };
		struct hdrs req = { { "x-ratelimit-remaining-requests", "0", "x-ratelimit-remaining-tokens", "12000",
			"x-ratelimit-reset-requests", "250ms", "x-ratelimit-reset-tokens", "1m30s", NULL } };
		struct hdrs none = { { "x-ratelimit-reset-requests", "2s", "x-ratelimit-reset-tokens", "1m30s", NULL } };

		CHECK(NEAR(lq_retry_server_wait(get, &tok, 429, 0, &src), 6));
		CHECK_STR(src, "x-ratelimit-reset-tokens");
		CHECK(NEAR(lq_retry_server_wait(get, &req, 429, 0, &src), 0.25));
		CHECK_STR(src, "x-ratelimit-reset-requests");
		CHECK(NEAR(lq_retry_server_wait(get, &none, 429, 0, &src), 90));
	}

	t_begin("server wait: RateLimit-Reset and the structured RateLimit field (both drafts)");
	{
		struct hdrs a = { { "RateLimit-Limit", "60", "RateLimit-Remaining", "0", "RateLimit-Reset", "12", NULL } };
		struct hdrs b = { { "RateLimit", "limit=10, remaining=0, reset=7", NULL } };
		struct hdrs c = { { "RateLimit", "\"default\";r=0;t=9", NULL } };
		struct hdrs both = { { "RateLimit-Reset", "3", "x-ratelimit-reset-tokens", "4s", NULL } };

		CHECK(NEAR(lq_retry_server_wait(get, &a, 429, 0, &src), 12));
		CHECK_STR(src, "RateLimit-Reset");
		CHECK(NEAR(lq_retry_server_wait(get, &b, 429, 0, NULL), 7));
		CHECK(NEAR(lq_retry_server_wait(get, &c, 429, 0, NULL), 9));
		CHECK(NEAR(lq_retry_server_wait(get, &both, 429, 0, NULL), 4));
	}

	t_begin("server wait: reset headers of a 5xx or a 200 are information, not a wait");
	{
		struct hdrs a = { { "RateLimit-Reset", "12", "x-ratelimit-reset-tokens", "6s", NULL } };
		struct hdrs e = { { NULL } };

		CHECK(lq_retry_server_wait(get, &a, 500, 0, &src) < 0);
		CHECK(lq_retry_server_wait(get, &a, 200, 0, NULL) < 0);
		CHECK(lq_retry_server_wait(get, &e, 429, 0, &src) < 0);
		CHECK(src == NULL);
	}

	t_begin("backoff: base x 2^(n-1) with jitter in [d, 2d), capped");
	{
		struct lq_retry p = { 10, 0.5, 3, 0, 42 };

		for (i = 0; i < 200; i++) {
			CHECK(lq_retry_next(&p, 1, -1, &d) == LQ_RETRY_GO && d >= 0.5 && d < 1.0);
			CHECK(lq_retry_next(&p, 2, -1, &d) == LQ_RETRY_GO && d >= 1.0 && d < 2.0);
			CHECK(lq_retry_next(&p, 5, -1, &d) == LQ_RETRY_GO && d <= 3.0 && d >= 3.0 - 1e-9);
		}
	}

	t_begin("a server wait is honoured: never less, at most 10% (1 s) more");
	{
		struct lq_retry p = { 3, 0.01, 30, 120, 7 };

		for (i = 0; i < 200; i++) {
			CHECK(lq_retry_next(&p, 1, 6, &d) == LQ_RETRY_GO && d >= 6 && d <= 6.6);
			CHECK(lq_retry_next(&p, 1, 100, &d) == LQ_RETRY_GO && d >= 100 && d <= 101);
			CHECK(lq_retry_next(&p, 2, 0, &d) == LQ_RETRY_GO && d >= 0.02 && d < 0.04);
		}
	}

	t_begin("attempts spent; a wait above max_wait is a failure at once");
	{
		struct lq_retry p = { 3, 0.5, 30, 120, 1 };

		CHECK(lq_retry_next(&p, 3, -1, &d) == LQ_RETRY_SPENT);
		CHECK(lq_retry_next(&p, 3, 5, &d) == LQ_RETRY_SPENT);
		CHECK(lq_retry_next(&p, 1, 121, &d) == LQ_RETRY_TOO_LONG && NEAR(d, 121));
		CHECK(lq_retry_next(&p, 3, 7200, &d) == LQ_RETRY_TOO_LONG);
		CHECK(lq_retry_next(&p, 1, 120, &d) == LQ_RETRY_GO);
	}

	t_begin("defaults: 3 attempts, 0.5 s, 30 s cap, 120 s max wait");
	{
		struct lq_retry p = { 0 };

		lq_retry_init(&p);
		CHECK_INT(p.max_attempts, 3);
		CHECK(NEAR(p.base, 0.5) && NEAR(p.cap, 30) && NEAR(p.max_wait, LQ_RETRY_MAX_WAIT));
		CHECK(NEAR(LQ_RETRY_MAX_WAIT, 120));
	}
	return t_done();
}
