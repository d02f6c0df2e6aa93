/* fuzz_embeddings.c: the /v1/embeddings response parser on arbitrary bytes. */
#include <math.h>
#include <stdlib.h>

#include "embedder.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	size_t n = size ? (size_t)(data[0] % 4) + 1 : 1, i;
	int dim = size > 1 && data[1] & 1 ? 4 : 0;
	float *v = NULL;
	long long tok;
	char err[512];

	err[0] = '\0';
	if (lq_embeddings_parse((const char *)data, size, n, &dim, &v, &tok, err, sizeof err) == 0) {
		double s = 0;

		if (v == NULL || dim <= 0)
			abort();
		for (i = 0; i < (size_t)dim; i++)	/* rows are unit length */
			s += (double)v[i] * v[i];
		if (fabs(s - 1) > 1e-3)
			abort();
		free(v);
	} else if (err[0] == '\0' || v != NULL) {
		abort();
	}
	return 0;
}
