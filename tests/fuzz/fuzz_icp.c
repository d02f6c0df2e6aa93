/* fuzz_icp.c: ICP parsing and validation (score's and icp check's) on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "icp.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char err[512];
	struct lq_icp *icp = lq_icp_parse((const char *)data, size, "fuzz", err, sizeof err);
	struct lq_icp *strict = lq_icp_parse_strict((const char *)data, size, "fuzz", err, sizeof err);

	if (strict && !icp)
		abort();	/* icp check may be stricter than score, never looser */
	if (icp) {
		char *s = lq_icp_sentence(icp);

		if (strict && icp->conflicts.n != strict->conflicts.n)
			abort();	/* the same conflicts either way */
		for (size_t i = 0; i < icp->conflicts.n; i++)
			if (strlen(icp->conflicts.v[i]) == 0)
				abort();
		free(s);
		lq_icp_free(icp);
	} else if (err[0] == '\0') {
		abort();	/* a rejection must say why */
	}
	lq_icp_free(strict);
	return 0;
}
