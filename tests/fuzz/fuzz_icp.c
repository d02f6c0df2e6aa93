/* fuzz_icp.c: ICP parsing and validation on arbitrary bytes. */
#include <stdlib.h>

#include "diag.h"
#include "icp.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char err[512];
	struct lq_icp *icp = lq_icp_parse((const char *)data, size, "fuzz", err, sizeof err);

	if (icp) {
		char *s = lq_icp_sentence(icp);

		free(s);
		lq_icp_free(icp);
	} else if (err[0] == '\0') {
		abort();	/* a rejection must say why */
	}
	return 0;
}
