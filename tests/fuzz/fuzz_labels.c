/* fuzz_labels.c: the evaluation labels parser and lookup on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "labels.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_labels L;
	struct lq_buf err = LQ_BUF_INIT;

	if (lq_labels_parse(&L, (const char *)data, size, "fuzz", &err) == 0) {
		/* every judgment is found again by its own keys */
		for (size_t i = 0; i < L.n; i++) {
			long at = lq_labels_find(&L, L.v[i].icp, L.v[i].id, NULL);

			if (at != (long)i || L.v[i].rel < 0 || L.v[i].rel > 3)
				abort();
			if (!lq_labels_has_icp(&L, L.v[i].icp))
				abort();
			(void)lq_labels_find(&L, L.v[i].icp, NULL, L.v[i].pub);
		}
		if (L.nicps == 0 || L.nicps > L.n)
			abort();
		lq_labels_free(&L);
	} else if (err.data == NULL || strncmp(err.data, "fuzz:", 5) != 0 || L.n != 0) {
		abort();
	}
	lq_buf_free(&err);
	return 0;
}
