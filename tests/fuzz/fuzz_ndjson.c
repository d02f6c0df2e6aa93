/* fuzz_ndjson.c: the NDJSON reader and the serializer on arbitrary bytes. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "ndjson.h"
#include "record.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	FILE *fp;
	struct lq_reader *r;
	struct lq_buf b = LQ_BUF_INIT;
	json_t *rec;

	lq_quiet = 1;
	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		return 0;
	r = lq_reader_new(fp, "fuzz");
	while ((rec = lq_reader_next(r)) != NULL) {
		json_t *back;

		if (!json_is_object(rec))
			abort();
		lq_buf_reset(&b);
		lq_json_dump(&b, rec);
		/* What we write must read back as the same value. */
		back = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
		if (back == NULL || !json_equal(back, rec))
			abort();
		json_decref(back);
		json_decref(rec);
	}
	lq_reader_free(r);
	fclose(fp);
	lq_buf_free(&b);
	return 0;
}
