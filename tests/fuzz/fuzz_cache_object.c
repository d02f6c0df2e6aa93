/* fuzz_cache_object.c: the cache object parser on arbitrary bytes as an object file. */
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "diag.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_cache_object o, h;
	struct lq_cache_key k;
	struct lq_buf b = LQ_BUF_INIT;
	const char *why = NULL;
	/* A private copy, so reading one byte past the input is caught. */
	char *buf = lq_xmalloc(size ? size : 1);
	int rc;

	lq_quiet = 1;
	memcpy(buf, data, size);
	rc = lq_cache_object_parse(buf, size, &o, &why);
	if (rc != 0) {
		if (why == NULL)
			abort();
		free(buf);
		return 0;
	}
	/* A valid object: the header parser agrees, and encoding what was
	 * parsed gives back exactly the same bytes. */
	if (lq_cache_header_parse(buf, size, &h, &why) != 0 || h.len != o.len ||
	    h.hdrlen != o.hdrlen || o.hdrlen + o.len != size || !lq_cache_ns_valid(o.ns))
		abort();
	memcpy(k.hex, o.key, sizeof k.hex);
	lq_cache_object_encode(&b, &k, o.ns, o.created, o.payload, o.len);
	if (b.len != size || memcmp(b.data, buf, size) != 0)
		abort();
	lq_buf_free(&b);
	free(buf);
	return 0;
}
