/* fuzz_rerank.c: the rerank response parser of every dialect, and the error-body reader, on arbitrary bytes. */
#include <math.h>
#include <stdlib.h>

#include "rerank.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	double scores[64];
	char err[256], buf[256];
	size_t n;
	int got;

	if (size < 1)
		return 0;
	n = data[0] % 64;	/* documents in the request */
	for (int d = 0; d < 4; d++) {
		err[0] = '\0';
		got = lq_rerank_parse(d, (const char *)data + 1, size - 1, n, scores, err, sizeof err);
		if (got < 0 && err[0] == '\0')
			abort();	/* a rejection must say why */
		if (got > (int)n)
			abort();
		for (size_t i = 0; i < n; i++)
			if (!isnan(scores[i]) && (scores[i] < 0 || scores[i] > 1 || got < 0))
				abort();	/* scores are in [0,1], and none on failure */
	}
	lq_rerank_error((const char *)data + 1, size - 1, buf, sizeof buf);
	return 0;
}
