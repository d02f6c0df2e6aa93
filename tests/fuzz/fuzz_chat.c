/* fuzz_chat.c: the chat completion answer check on arbitrary bytes: never a label outside the set. */
#include <stdlib.h>

#include "labelset.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lq_classes l;
	static int ready;
	struct lq_class c;
	long long tok;
	char err[512];
	int r;

	if (!ready) {
		lq_classes_default(&l);
		ready = 1;
	}
	err[0] = '\0';
	r = lq_chat_answer((const char *)data, size, &l, &c, &tok, err, sizeof err);
	if (r < 0) {
		if (err[0] == '\0' || c.industry)
			abort();
		return 0;
	}
	if (lq_labelset_find(&l.industry, c.industry) < 0 || lq_labelset_find(&l.company_type, c.company_type) < 0
	    || c.industry_reasoning == NULL || c.company_reasoning == NULL)
		abort();
	lq_class_free(&c);
	return 0;
}
