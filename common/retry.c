/* retry.c: the retry policy: server-requested waits from headers, bounded exponential backoff with jitter. */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "retry.h"
#include "util.h"

void
lq_retry_init(struct lq_retry *p)
{
	if (p->max_attempts <= 0)
		p->max_attempts = 3;
	if (p->base <= 0)
		p->base = 0.5;
	if (p->cap <= 0)
		p->cap = 30;
	if (p->max_wait <= 0)
		p->max_wait = LQ_RETRY_MAX_WAIT;
	if (p->seed == 0)
		p->seed = (unsigned)time(NULL) ^ (unsigned)(lq_now() * 1e6) ^ 0x9e3779b9u;
}

/* A uniform number in [0, 1). */
static double
uniform(struct lq_retry *p)
{
	p->seed = p->seed * 1103515245u + 12345u;
	return (double)((p->seed >> 8) & 0xffff) / 65536.0;
}

enum lq_retry_verdict
lq_retry_next(struct lq_retry *p, int attempts, double server_wait, double *delay)
{
	double d;

	lq_retry_init(p);
	*delay = 0;
	if (server_wait > p->max_wait) {
		*delay = server_wait;
		return LQ_RETRY_TOO_LONG;
	}
	if (attempts >= p->max_attempts)
		return LQ_RETRY_SPENT;
	d = p->base * pow(2, attempts > 1 ? attempts - 1 : 0);
	d = fmin(d * (1 + uniform(p)), p->cap);
	if (server_wait >= 0) {
		double w = server_wait + fmin(0.1 * server_wait, 1.0) * uniform(p);

		d = fmax(d, w);
	}
	*delay = d;
	return LQ_RETRY_GO;
}

static int
all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]) && s[i] != '.')
			return 0;
	return n > 0;
}

/* The value without surrounding blanks: start in *b, length returned. */
static size_t
trim(const char *v, const char **b)
{
	size_t n;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	*b = v;
	return n;
}

static double
number(const char *s, size_t n)
{
	char buf[64], *end;
	double x;

	if (n == 0 || n >= sizeof buf || !all_digits(s, n))
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	x = strtod(buf, &end);
	return *end || !isfinite(x) ? -1 : x;
}

double
lq_retry_parse_after(const char *v, time_t now)
{
	const char *b;
	size_t n;
	char buf[128];
	time_t t;

	if (v == NULL)
		return -1;
	n = trim(v, &b);
	if (n > 0 && isdigit((unsigned char)b[0]) && all_digits(b, n))
		return number(b, n);
	if (n < 20 || n >= sizeof buf || !isalpha((unsigned char)b[0]))
		return -1;	/* the shortest HTTP-date (asctime) has 24 */
	memcpy(buf, b, n);
	buf[n] = '\0';
	if ((t = curl_getdate(buf, NULL)) == (time_t)-1)
		return -1;
	return t > now ? (double)(t - now) : 0;
}

double
lq_retry_parse_reset(const char *v, time_t now)
{
	const char *b;
	size_t n;
	double x;

	if (v == NULL)
		return -1;
	n = trim(v, &b);
	if ((x = number(b, n)) < 0)
		return -1;
	if (x > 1e9)	/* a Unix time, not seconds left */
		return x > (double)now ? x - (double)now : 0;
	return x;
}

double
lq_retry_parse_duration(const char *v)
{
	static const struct { const char *unit; double secs; } units[] = {
		{ "ms", 1e-3 }, { "us", 1e-6 }, { "\xc2\xb5s", 1e-6 }, { "ns", 1e-9 },
		{ "h", 3600 }, { "m", 60 }, { "s", 1 },
	};
	const char *b, *p, *end;
	double total = 0;
	size_t n, i;
	int parts = 0;

	if (v == NULL)
		return -1;
	n = trim(v, &b);
	if (n > 0 && all_digits(b, n))
		return number(b, n);
	p = b;
	end = b + n;
	while (p < end) {
		const char *q = p;
		double x;

		while (q < end && (isdigit((unsigned char)*q) || *q == '.'))
			q++;
		if ((x = number(p, (size_t)(q - p))) < 0)
			return -1;
		for (i = 0; i < LQ_NELEM(units); i++) {
			size_t ul = strlen(units[i].unit);

			if ((size_t)(end - q) >= ul && strncmp(q, units[i].unit, ul) == 0) {
				total += x * units[i].secs;
				p = q + ul;
				break;
			}
		}
		if (i == LQ_NELEM(units))
			return -1;
		parts++;
	}
	return parts ? total : -1;
}

/* The reset of a structured "RateLimit" field: "limit=10, remaining=0,
 * reset=5" (draft 03-07) or "\"default\";r=0;t=5" (draft 08 on). */
static double
ratelimit_field(const char *v)
{
	const char *p;

	for (p = v; p && *p; p++) {
		if ((p == v || p[-1] == ',' || p[-1] == ';' || p[-1] == ' ')
		    && (strncasecmp(p, "reset=", 6) == 0 || strncasecmp(p, "t=", 2) == 0)) {
			const char *q = strchr(p, '=') + 1;
			size_t l = strcspn(q, ",; ");

			return number(q, l);
		}
	}
	return -1;
}

double
lq_retry_server_wait(lq_retry_header_fn get, void *arg, long status, time_t now, const char **source)
{
	static const char *const kinds[] = { "requests", "tokens" };
	double w = lq_retry_parse_after(get(arg, "Retry-After"), now), x, best = -1;
	const char *src = NULL;
	int k, any_zero = 0;

	if (w >= 0) {
		if (source)
			*source = "Retry-After";
		return w;
	}
	if (status != 429)
		return -1;
	if ((x = lq_retry_parse_reset(get(arg, "RateLimit-Reset"), now)) > best)
		best = x, src = "RateLimit-Reset";
	if ((x = ratelimit_field(get(arg, "RateLimit"))) > best)
		best = x, src = "RateLimit";
	for (k = 0; k < 2; k++) {
		char name[48];
		const char *rem;

		snprintf(name, sizeof name, "x-ratelimit-remaining-%s", kinds[k]);
		rem = get(arg, name);
		if (rem && number(rem, strlen(rem)) == 0)
			any_zero = 1;
	}
	for (k = 0; k < 2; k++) {
		static const char *const names[] = { "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens" };
		char rn[48];
		const char *rem;

		snprintf(rn, sizeof rn, "x-ratelimit-remaining-%s", kinds[k]);
		rem = get(arg, rn);
		if (any_zero && !(rem && number(rem, strlen(rem)) == 0))
			continue;
		if ((x = lq_retry_parse_duration(get(arg, names[k]))) > best)
			best = x, src = names[k];
	}
	if (source)
		*source = best >= 0 ? src : NULL;
	return best;
}
