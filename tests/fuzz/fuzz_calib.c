/* fuzz_calib.c: the calibration file reader, and applying what it accepts to fuzzed components. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calib.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char err[512];
	struct lq_calib *c;
	json_t *comp;
	double s, untuned = size ? data[0] % 101 : 50;

	c = lq_calib_parse((const char *)data, size, "fuzz", err, sizeof err);
	if (c == NULL) {
		if (err[0] == '\0')
			abort();	/* a refusal always says why */
		return 0;
	}
	if (c->nfeat == 0 || c->nfeat > LQ_CF_N || strlen(c->hash) != 64)
		abort();
	(void)lq_calib_enough(c, err, sizeof err);
	comp = json_pack("{s:{s:f},s:{s:f},s:{s:f},s:{s:f}}", "title", "value", size % 7 / 6.0,
	    "industry", "value", size % 5 / 4.0, "company_type", "value", 1.0, "keywords", "value", 0.0);
	if (lq_calib_apply(c, untuned, comp, &s, err, sizeof err) == 0 && !(s >= 0 && s <= 100))
		abort();	/* any finite weights give a score in 0..100 */
	json_decref(comp);
	lq_calib_free(c);
	return 0;
}
