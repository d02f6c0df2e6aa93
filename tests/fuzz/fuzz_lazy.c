/* fuzz_lazy.c: the lazy-object scanner, writer and float parser against jansson on arbitrary bytes. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lazy.h"
#include "ndjson.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	const char *s = (const char *)data;
	json_t *lazy, *whole;

	lq_lazy_want_floats("embedding");
	lazy = lq_lazy_parse(s, size);
	whole = json_loadb(s, size, JSON_ALLOW_NUL, NULL);
	struct lq_buf b = LQ_BUF_INIT;

	/* The recursive reference scanner takes the same texts, and they
	 * are written the same. */
	{
		json_t *ref;

		lq_lazy_reference(1);
		ref = lq_lazy_parse(s, size);
		lq_lazy_reference(0);
		if ((ref == NULL) != (lazy == NULL))
			abort();
		if (ref) {
			struct lq_buf x = LQ_BUF_INIT, y = LQ_BUF_INIT;

			lq_json_dump(&x, ref);
			lq_json_dump(&y, lazy);
			if (x.len != y.len || memcmp(x.data, y.data, x.len) != 0)
				abort();
			lq_buf_free(&x);
			lq_buf_free(&y);
		}
		json_decref(ref);
	}
	float f[8];
	size_t bad;
	long n;

	/* The scanner never takes what jansson refuses. */
	if (lazy && (whole == NULL || !json_is_object(whole)))
		abort();
	if (lazy) {
		json_t *back;
		const char *k;
		json_t *v;
		const float *fl;
		size_t fn;

		/* The floats the scanner kept: jansson's numbers, as floats. */
		if ((fl = lq_lazy_floats(lazy, "embedding", &fn)) != NULL) {
			json_t *a = json_object_get(whole, "embedding");

			if (!json_is_array(a) || json_array_size(a) != fn)
				abort();
			for (size_t i = 0; i < fn; i++) {
				json_t *x = json_array_get(a, i);
				float want = (float)json_number_value(x);

				/* (-0 is jansson's integer 0; lq reads it as strtod does, -0.0) */
				if (!json_is_number(x) || (memcmp(&want, &fl[i], sizeof want) != 0 &&
				    !(isnan(want) && isnan(fl[i])) && !(want == 0 && fl[i] == 0)))
					abort();
			}
		}

		/* Written untouched: reads back as jansson's value. */
		lq_json_dump(&b, lazy);
		back = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
		if (back == NULL || !json_equal(back, whole))
			abort();
		json_decref(back);
		/* Each member read on its own is jansson's. */
		json_object_foreach(whole, k, v) {
			json_t *w = json_object_get(lazy, k);

			if (w == NULL || !json_equal(w, v))
				abort();
		}
		/* Changed, then written: still one valid object. */
		json_object_set_new(lazy, "added", json_true());
		json_object_del(lazy, "id");
		lq_buf_reset(&b);
		lq_json_dump(&b, lazy);
		back = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
		if (back == NULL || !json_is_true(json_object_get(back, "added")) || json_object_get(back, "id"))
			abort();
		json_decref(back);
	}
	/* The float parser: no crash, and numbers it reads are strtod's. */
	n = lq_json_floats(s, size, f, 8, &bad);
	if (n >= 0 && whole == NULL) {
		json_t *a = json_loadb(s, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

		/* (jansson also refuses integers past 64 bits, which lq reads) */
		if (a && !json_is_array(a))
			abort();
		for (size_t i = 0; a && i < 8 && i < (size_t)n; i++) {
			json_t *e = json_array_get(a, i);
			float want = json_is_number(e) ? (float)json_number_value(e) : 0;

			if (memcmp(&want, &f[i], sizeof want) != 0 && !(isnan(want) && isnan(f[i])))
				abort();
		}
		json_decref(a);
	}
	lq_buf_free(&b);
	json_decref(lazy);
	json_decref(whole);
	return 0;
}
