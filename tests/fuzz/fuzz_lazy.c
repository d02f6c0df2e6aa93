/* fuzz_lazy.c: the lazy-object scanner, writer and float parser against jansson on arbitrary bytes. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "lazy.h"
#include "ndjson.h"
#include "record.h"
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

		/* The floats the scanner kept: jansson's numbers, as floats,
		 * or the bytes of jansson's string decoded as base64. */
		if ((fl = lq_lazy_floats(lazy, "embedding", &fn)) != NULL &&
		    json_is_string(json_object_get(whole, "embedding"))) {
			json_t *a = json_object_get(whole, "embedding");
			size_t dn;
			unsigned char *d = lq_base64_decode(json_string_value(a), json_string_length(a), &dn);

			if (d == NULL || dn != fn * 4 || memcmp(d, fl, dn) != 0)
				abort();
			free(d);
		} else if (fl != NULL) {
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

		/* The embedding read from the line is the one read from
		 * jansson's object: the same answer, floats and message. */
		{
			float *e1 = NULL, *e2 = NULL;
			size_t n1 = 0, n2 = 0, b1, b2;
			char m1[300] = "", m2[300] = "";
			int r1 = lq_rec_embedding(lazy, &e1, &n1, &b1, m1, sizeof m1);
			int r2 = lq_rec_embedding(whole, &e2, &n2, &b2, m2, sizeof m2);

			if (r1 != r2 || strcmp(m1, m2) != 0 || (r1 == 0 && (n1 != n2 || b1 != b2)))
				abort();
			for (size_t i = 0; r1 == 0 && i < n1; i++)
				if (memcmp(&e1[i], &e2[i], sizeof *e1) != 0 && !(isnan(e1[i]) && isnan(e2[i])) &&
				    !(e1[i] == 0 && e2[i] == 0))
					abort();
			free(e1);
			free(e2);
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
