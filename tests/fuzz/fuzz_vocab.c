/* fuzz_vocab.c: the vocabulary file parser (common/vocab.c) on arbitrary bytes, as a file and as an extension. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "vocab.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_vocab *v = lq_vocab_new();
	char err[256], hex[65];
	const struct lq_vocab_table *t;
	size_t i, j;

	lq_quiet = 1;
	if (lq_vocab_parse(v, "f.vocab", NULL, (const char *)data, size, 0, err, sizeof err) == 0) {
		/* every field is a string within the line limit; the first is never empty */
		if ((t = lq_vocab_table(v, "f")) != NULL)
			for (i = 0; i < t->n; i++) {
				if (t->rec[i].n == 0 || t->rec[i].n > LQ_VOCAB_MAX_FIELDS || t->rec[i].f[0][0] == '\0')
					abort();
				for (j = 0; j < t->rec[i].n; j++)
					if (strlen(t->rec[i].f[j]) > LQ_VOCAB_MAX_LINE)
						abort();
			}
		lq_vocab_digest(v, NULL, hex);
		if (strlen(hex) != 64)
			abort();
		/* the same bytes again as an extension: twice the records or an error */
		lq_vocab_parse(v, "f.vocab", "again", (const char *)data, size, 1, err, sizeof err);
		lq_vocab_digest(v, NULL, hex);
	} else if (strstr(err, "f.vocab") == NULL)
		abort();	/* every message names the file */
	lq_vocab_free(v);
	return 0;
}
