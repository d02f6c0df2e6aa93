/* fuzz_labelset.c: labels file parsing and validation on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "labelset.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_classes l;
	char err[512];

	err[0] = '\0';
	if (lq_classes_parse((const char *)data, size, "fuzz", &l, err, sizeof err) == 0) {
		if (l.industry.n < 2 || l.company_type.n < 2 || strlen(l.hash) != 16)
			abort();
		lq_classes_free(&l);
	} else if (err[0] == '\0') {
		abort();
	}
	return 0;
}
