/* fuzz_explain.c: reasons, evidence, links from any record shape: no crash, a sentence ends in a period, links only to LinkedIn profiles. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "explain.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	json_t *rec = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	struct lq_buf b = LQ_BUF_INIT;
	struct lq_evidence it[LQ_EVIDENCE_MAX];
	char url[LQ_EXPLAIN_URL_MAX];
	size_t n;

	if (rec == NULL)
		return 0;
	if (lq_explain_reason(rec, &b)) {
		if (b.len == 0 || b.data[b.len - 1] != '.')
			abort();
	} else if (b.len != 0) {
		abort();
	}
	n = lq_explain_evidence(rec, it, LQ_NELEM(it));
	if (n > LQ_NELEM(it))
		abort();
	for (size_t i = 0; i < n; i++)
		if (it[i].text == NULL || it[i].criterion == NULL || it[i].label == NULL)
			abort();
	lq_explain_evidence_free(it, n);
	if (lq_explain_link(rec, url)) {
		if (strncmp(url, "https://www.linkedin.com/in/", 28) != 0 || strlen(url) >= sizeof url)
			abort();
	} else if (url[0]) {
		abort();
	}
	(void)lq_explain_title(rec);
	{
		int t = lq_explain_tier(rec);

		if (t != 0 && (t < 'A' || t > 'D'))
			abort();
	}
	lq_buf_free(&b);
	json_decref(rec);
	return 0;
}
