/* fuzz_chat.c: the chat completion parser and the classification check on arbitrary bytes: never a label outside the set. */
#include <stdlib.h>

#include "chat.h"
#include "labelset.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lq_classes l;
	static int ready;
	struct lq_class c = { 0 };
	long long ti, to;
	char err[512];
	const char *code;
	json_t *ans;

	if (!ready) {
		lq_classes_default(&l);
		ready = 1;
	}
	err[0] = '\0';
	code = lq_chat_parse((const char *)data, size, &ans, &ti, &to, err, sizeof err);
	if (code != NULL) {
		if (err[0] == '\0' || ans != NULL)
			abort();
		return 0;
	}
	if (!json_is_object(ans) || ti < 0 || to < 0)
		abort();
	if (lq_class_from_answer(ans, &l, &c, err, sizeof err) == 0) {
		if (lq_labelset_find(&l.industry, c.industry) < 0
		    || lq_labelset_find(&l.company_type, c.company_type) < 0
		    || c.industry_reasoning == NULL || c.company_reasoning == NULL)
			abort();
		lq_class_free(&c);
	} else if (c.industry != NULL || err[0] == '\0') {
		abort();
	}
	json_decref(ans);
	return 0;
}
