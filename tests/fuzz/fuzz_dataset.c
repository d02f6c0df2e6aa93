/* fuzz_dataset.c: the dataset file reader on arbitrary bytes; every item it passes on is an object. */
#include <stdio.h>
#include <stdlib.h>

#include "diag.h"
#include "profile.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static int
check(json_t *item, unsigned long line, void *arg)
{
	(void)arg;
	if (!json_is_object(item) || line == 0)
		abort();
	return 0;
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	FILE *fp;
	long bad = 0, n;

	lq_quiet = 1;
	lq_progname = "fuzz";
	if (size == 0)
		return 0;
	fp = fmemopen((void *)data, size, "r");
	if (fp == NULL)
		return 0;
	/* Messages go to stderr; silence them for speed. */
	n = lq_dataset_read(fp, "fuzz", check, NULL, &bad);
	if (n < -1 || bad < 0)
		abort();
	fclose(fp);
	return 0;
}
