/* fuzz_liurl.c: the LinkedIn URL normaliser on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "liurl.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_liurl u, again;

	if (lq_liurl_parse((const char *)data, size, &u) != LQ_LIURL_OK)
		return 0;
	/* What comes out is canonical: it parses back to itself. */
	if (strlen(u.id) == 0 || strlen(u.url) >= sizeof u.url)
		abort();
	if (lq_liurl_parse(u.url, strlen(u.url), &again) != LQ_LIURL_OK)
		abort();
	if (strcmp(again.url, u.url) != 0 || strcmp(again.path_id, u.path_id) != 0)
		abort();
	if (u.urn[0] != '\0' && !lq_liurl_is_urn(u.urn, strlen(u.urn)))
		abort();
	return 0;
}
