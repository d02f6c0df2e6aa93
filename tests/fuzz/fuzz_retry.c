/* fuzz_retry.c: the retry policy's header parsers on arbitrary bytes: a wait is -1 or a finite non-negative number. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "retry.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Every header has the input as its value. */
static const char *
get(void *arg, const char *name)
{
	(void)name;
	return arg;
}

static void
wait_ok(double w)
{
	if (!(w == -1 || (w >= 0 && isfinite(w))))
		abort();
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *s = malloc(size + 1);
	const char *src = NULL;
	struct lq_retry p = { 3, 0.5, 30, 120, 1 };
	double w, d;

	if (s == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	wait_ok(lq_retry_parse_after(s, 1445412480));
	wait_ok(lq_retry_parse_reset(s, 1445412480));
	wait_ok(lq_retry_parse_duration(s));
	w = lq_retry_server_wait(get, s, 429, 1445412480, &src);
	wait_ok(w);
	if ((w >= 0) != (src != NULL))
		abort();
	switch (lq_retry_next(&p, 1, w, &d)) {
	case LQ_RETRY_GO:
		if (d < 0 || d < w || !isfinite(d))
			abort();
		break;
	case LQ_RETRY_TOO_LONG:
		if (w <= 120)
			abort();
		break;
	case LQ_RETRY_SPENT:
		abort();	/* one attempt of three */
	}
	free(s);
	return 0;
}
