/* fuzz_ndjson.c: the NDJSON reader (stdio and descriptor paths, which must agree) and the serializer on arbitrary bytes. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

#include "diag.h"
#include "ndjson.h"
#include "record.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Every record of fp, as an array. */
static json_t *
read_all(FILE *fp)
{
	struct lq_reader *r = lq_reader_new(fp, "fuzz");
	json_t *all = json_array(), *rec;

	while ((rec = lq_reader_next(r)) != NULL)
		json_array_append_new(all, rec);
	lq_reader_free(r);
	return all;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	FILE *fp;
	struct lq_buf b = LQ_BUF_INIT;
	json_t *all, *rec, *viafd;
	size_t i;
	int fd;

	lq_quiet = 1;
	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		return 0;
	all = read_all(fp);
	fclose(fp);
	json_array_foreach(all, i, rec) {
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
	}
	/* The descriptor path (read(2), as for stdin) gives the same records. */
	fd = memfd_create("fuzz", 0);
	if (fd >= 0) {
		if (write(fd, data, size) == (ssize_t)size && lseek(fd, 0, SEEK_SET) == 0 &&
		    (fp = fdopen(fd, "r")) != NULL) {
			viafd = read_all(fp);
			if (!json_equal(viafd, all))
				abort();
			json_decref(viafd);
			fclose(fp);
		} else {
			close(fd);
		}
	}
	json_decref(all);
	lq_buf_free(&b);
	return 0;
}
