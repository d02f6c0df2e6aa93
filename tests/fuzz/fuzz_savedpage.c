/* fuzz_savedpage.c: the MHTML, web archive and UTF-16/32 decoders and the page-kind reader on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "pagekind.h"
#include "savedpage.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_buf out = LQ_BUF_INIT;
	struct lq_saved info;
	struct lq_page_info pi;
	char d[200];
	int r;

	r = lq_saved_decode((const char *)data, size, &out, &info);
	/* A failure says why; text decoded from UTF-16/32 is UTF-8 without NUL. */
	if (r < 0 && info.err[0] == '\0')
		abort();
	if (r == 0 && out.data != NULL)
		abort();
	if (r > 0 && info.encoding[0] != '\0' &&
	    (!lq_utf8_valid(out.data, out.len) || memchr(out.data, '\0', out.len) != NULL))
		abort();
	if (r > 0 && info.container == LQ_SAVED_PLAIN && out.len > size / 2 * 3 + 4)
		abort();
	lq_saved_describe(&info, d, sizeof d);
	lq_page_kind((const char *)data, size, info.url, &pi);
	if (!lq_utf8_valid(pi.title, strlen(pi.title)) && lq_utf8_valid((const char *)data, size))
		abort();
	if (r > 0)
		lq_page_kind(out.data, out.len, info.url, &pi);
	lq_buf_free(&out);
	return 0;
}
