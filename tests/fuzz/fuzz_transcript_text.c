/* fuzz_transcript_text.c: the text transcript parser (common/transcript.c) on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "transcript.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char pre[] = "";
	size_t pl = strlen(pre);
	char *buf = lq_xmalloc(size + pl + 1), err[512];
	json_t *m;

	lq_quiet = 1;
	/* The prefix steers the format detection to this parser. */
	memcpy(buf, pre, pl);
	memcpy(buf + pl, data, size);
	buf[pl + size] = '\0';
	m = lq_transcript_parse(buf, pl + size, "fuzz", err, sizeof err);
	if (m != NULL) {
		char *s = json_dumps(m, JSON_COMPACT);

		if (s == NULL)
			abort();	/* every record must serialise */
		free(s);
		json_decref(m);
	}
	free(buf);
	return 0;
}
