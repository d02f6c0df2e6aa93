/* test_lazy.c: lazy objects (common/lazy.c) against jansson parsing the same text whole. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "lazy.h"
#include "ndjson.h"
#include "record.h"
#include "t.h"
#include "util.h"

static char *
dump(const json_t *j)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_json_dump(&b, j);
	return lq_buf_detach(&b);
}

/* The writer's text of s parsed by jansson whole (today's path). */
static char *
eager(const char *s)
{
	json_t *j = json_loads(s, JSON_ALLOW_NUL, NULL);
	char *t = j ? dump(j) : NULL;

	json_decref(j);
	return t;
}

/* Texts jansson refuses: the scanner must refuse them too (it may refuse
 * more, never less). */
static const char *const refused[] = {
	"", "{", "}", "[]", "1", "\"x\"", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "{,}", "{\"a\":1 \"b\":2}",
	"{\"a\":01}", "{\"a\":1.}", "{\"a\":.5}", "{\"a\":+1}", "{\"a\":1e}", "{\"a\":-}", "{\"a\":NaN}",
	"{\"a\":Infinity}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":\"\\x\"}", "{\"a\":\"\\u12\"}",
	"{\"a\":\"\\ud800\"}", "{\"a\":\"\\udc00\"}", "{\"a\":\"\\ud800\\u0041\"}", "{\"a\":\"\x01\"}",
	"{\"a\":\"\xc0\x80\"}", "{\"a\":\"\xed\xa0\x80\"}", "{\"a\":\"\xf4\x90\x80\x80\"}", "{\"a\":\"\xff\"}",
	"{\"a\":\"\xe2\x82\"}", "{\"a\\u0000\":1}", "{\"a\":99999999999999999999}", "{\"a\":-9999999999999999999}",
	"{\"a\":1e400}", "{\"a\":[1,]}", "{\"a\":[,1]}", "{\"a\":1} x", "{\"a\":1}{}", "{'a':1}",
	"{\"a\":\"unterminated}", "{\"a\":[1,2}", "{\"a\":{\"b\":1]}",
};

/* Texts it must take, and the writer must give back as jansson's
 * parse-and-dump would, or (second) as they came. */
static const char *const taken[][2] = {
	{ "{}", "{}" },
	{ " {\"a\" : 1 , \"b\":[1, 2]}\t", "{\"a\" : 1 , \"b\":[1, 2]}" },
	{ "{\"a\":1,\"a\":2,\"b\":3}", "{\"a\":2,\"b\":3}" },
	{ "{\"k\\u00e9y\":\"v\\n\\u00e9\\ud83d\\ude00\",\"n\":null,\"t\":true,\"f\":false}",
	  "{\"k\\u00e9y\":\"v\\n\\u00e9\\ud83d\\ude00\",\"n\":null,\"t\":true,\"f\":false}" },
	{ "{\"a\":\"\\u0000x\",\"e\":1.5e-300,\"i\":-123456789012345678,\"z\":-0.0}", NULL },
	{ "{\"deep\":[[[[{\"x\":[{}]}]]]],\"s\":\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"}", NULL },
};

static long ref_checked, ref_differ;

/* lq_lazy_parse of s[0..n) (in a block of exactly n bytes, so that a
 * read past the end shows under ASan) with the fast scanner and with the
 * recursive reference: both refuse, or both take it and write it back
 * the same. */
static void
same_as_reference(const char *s, size_t n)
{
	char *c = malloc(n ? n : 1);
	json_t *a, *b;

	memcpy(c, s, n);
	lq_lazy_reference(1);
	a = lq_lazy_parse(c, n);
	lq_lazy_reference(0);
	b = lq_lazy_parse(c, n);
	ref_checked++;
	if ((a == NULL) != (b == NULL)) {
		if (ref_differ++ < 5)
			printf("#   reference %s, fast %s: %.*s\n", a ? "takes" : "refuses", b ? "takes" : "refuses",
			    (int)n, s);
	} else if (a) {
		char *x = dump(a), *y = dump(b);

		if (strcmp(x, y) != 0 && ref_differ++ < 5)
			printf("#   written differently: %.*s\n", (int)n, s);
		free(x);
		free(y);
	}
	json_decref(a);
	json_decref(b);
	free(c);
}

/* same_as_reference for s and every prefix of it. */
static void
prefixes_as_reference(const char *s)
{
	size_t n = strlen(s);

	for (size_t k = 0; k <= n; k++)
		same_as_reference(s, k);
}

int
main(void)
{
	t_begin("the scanner refuses what jansson refuses");
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		json_t *j = lq_lazy_parse(refused[i], strlen(refused[i]));
		json_t *k = json_loads(refused[i], JSON_ALLOW_NUL, NULL);

		if (j != NULL || (k != NULL && json_is_object(k)))
			printf("#   taken: %s\n", refused[i]);
		CHECK(j == NULL);
		json_decref(j);
		json_decref(k);
	}

	t_begin("the fast scanner of checked values takes what the reference takes, at every length and place");
	{
		/* a special byte at every place of strings of 0 to 40 bytes
		 * (across the 16- and 8-byte steps), as a value, in an array,
		 * as a key; every prefix of each (the end of the buffer at
		 * every place) */
		static const char *const special[] = {
			"\"", "\\n", "\\\"", "\\u00e9", "\\u0000", "\\ud83d\\ude00", "\\ud800", "\\x", "\\",
			"\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\xc3", "\xff", "\xc0\x80", "\xed\xa0\x80",
			"\x01", "\x1f", "\x7f", " ", "/",
		};
		struct lq_buf b = LQ_BUF_INIT, v = LQ_BUF_INIT;

		for (size_t len = 0; len <= 40; len++)
			for (size_t at = 0; at <= len; at++)
				for (size_t k = 0; k < sizeof special / sizeof *special; k++) {
					lq_buf_reset(&v);
					lq_buf_addc(&v, '"');
					for (size_t i = 0; i < at; i++)
						lq_buf_addc(&v, 'a' + (char)(i % 26));
					lq_buf_adds(&v, special[k]);
					for (size_t i = at; i < len; i++)
						lq_buf_addc(&v, 'A' + (char)(i % 26));
					lq_buf_addc(&v, '"');
					for (int form = 0; form < 3; form++) {
						lq_buf_reset(&b);
						if (form == 0)
							lq_buf_addf(&b, "{\"id\":1,\"p\":{\"k\":%s,\"n\":null}}", v.data);
						else if (form == 1)
							lq_buf_addf(&b, "{\"p\":[%s, %s ,{\"x\":%s}],\"q\":2}", v.data, v.data, v.data);
						else
							lq_buf_addf(&b, "{\"p\":{%s:1, \"a\" : %s}}", v.data, v.data);
						if (form == 0 && len > 4)
							same_as_reference(b.data, b.len);
						else
							prefixes_as_reference(b.data);
					}
				}
		/* every token kind, valid or not, nested, spaced, at every end */
		static const char *const tok[] = {
			"0", "-0", "-0.5", "1.25e-3", "1E+2", "01", "-", "1.", ".5", "+1", "1e", "1e400",
			"99999999999999999999", "-0.123456789012345678", "true", "tru", "false", "fals", "null",
			"nul", "nulll", "{}", "[]", "{ }", "[ ]", "{\"a\":1}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}",
			"{,}", "[1,]", "[,1]", "[1 2]", "{\"a\":1 \"b\":2}", "{\"a\\u0000\":1}", "{\"\":\"\"}",
			"[[[]]]", "[{\"a\":[{\"b\":{}}]}]", "{\"a\":[1,2}", "{\"a\":{\"b\":1]}", "\"x\"", "x", "'a'",
			"[\t1\n,\r2 ]", "{\"a\" :\t[ -0.1 , 2 ] , \"b\" : { } }", "]", "}", ",", ":",
		};
		for (size_t i = 0; i < sizeof tok / sizeof *tok; i++)
			for (size_t j = 0; j < sizeof tok / sizeof *tok; j++) {
				lq_buf_reset(&b);
				lq_buf_addf(&b, "{\"p\":{\"a\":%s,\"b\":[%s,%s]},\"c\":%s}", tok[i], tok[j], tok[i], tok[j]);
				prefixes_as_reference(b.data);
			}
		for (size_t i = 0; i < sizeof refused / sizeof *refused; i++)
			prefixes_as_reference(refused[i]);
		for (size_t i = 0; i < sizeof taken / sizeof *taken; i++)
			prefixes_as_reference(taken[i][0]);
		/* nesting around the scanner's limit, objects and arrays */
		for (int d = 1990; d <= 2002; d++)
			for (int obj = 0; obj < 2; obj++) {
				lq_buf_reset(&b);
				lq_buf_adds(&b, "{\"a\":");
				for (int i = 0; i < d; i++)
					lq_buf_adds(&b, obj ? "{\"k\":" : "[");
				lq_buf_adds(&b, "1");
				for (int i = 0; i < d; i++)
					lq_buf_addc(&b, obj ? '}' : ']');
				lq_buf_addc(&b, '}');
				same_as_reference(b.data, b.len);
				same_as_reference(b.data, b.len - 1);
			}
		lq_buf_free(&b);
		lq_buf_free(&v);
		printf("#   %ld texts\n", ref_checked);
		CHECK_INT(ref_differ, 0);
		CHECK(ref_checked > 100000);
	}

	t_begin("nesting: near jansson's depth limit the scanner steps aside");
	{
		struct lq_buf b = LQ_BUF_INIT;

		lq_buf_adds(&b, "{\"a\":");
		for (int i = 0; i < 3000; i++)
			lq_buf_addc(&b, '[');
		for (int i = 0; i < 3000; i++)
			lq_buf_addc(&b, ']');
		lq_buf_addc(&b, '}');
		CHECK(lq_lazy_parse(b.data, b.len) == NULL);
		lq_buf_free(&b);
	}

	t_begin("untouched objects come back as they came; read ones as jansson would write them");
	for (size_t i = 0; i < sizeof taken / sizeof *taken; i++) {
		json_t *j = lq_lazy_parse(taken[i][0], strlen(taken[i][0]));
		char *out, *want = eager(taken[i][0]);

		CHECK(j != NULL);
		if (j == NULL)
			continue;
		out = dump(j);
		CHECK_STR(out, taken[i][1] ? taken[i][1] : want);
		free(out);
		/* every member read (iteration parses all): jansson's text */
		{
			json_t *w = json_loads(taken[i][0], JSON_ALLOW_NUL, NULL);

			CHECK_INT(json_object_size(j), json_object_size(w));
			json_decref(w);
		}
		out = dump(j);
		CHECK_STR(out, want);
		free(out);
		free(want);
		json_decref(j);
	}

	t_begin("get, set, delete and add keep the original order");
	{
		const char *s = "{\"id\":\"x\", \"profile\":{\"a\": [1, 2], \"b\":\"\\u00e9\"},\"status\":\"enriched\",\"gone\":1,\"n\":1.50}";
		json_t *j = lq_lazy_parse(s, strlen(s));
		char *out;

		CHECK_STR(json_string_value(json_object_get(j, "status")), "enriched");
		json_object_set_new(j, "status", json_string("qualified"));
		CHECK_INT(json_object_del(j, "gone"), 0);
		CHECK_INT(json_object_del(j, "gone"), -1);
		CHECK_INT(json_object_del(j, "never"), -1);
		CHECK(json_object_get(j, "gone") == NULL);
		json_object_set_new(j, "icp_score", json_real(50));
		json_object_set_new(j, "id", json_string("y"));
		out = dump(j);
		CHECK_STR(out, "{\"id\":\"y\",\"profile\":{\"a\": [1, 2], \"b\":\"\\u00e9\"},\"status\":\"qualified\",\"n\":1.50,\"icp_score\":50.0}");
		free(out);
		/* values read and left alone still go out as they came */
		CHECK(json_is_array(json_object_get(json_object_get(j, "profile"), "a")));
		CHECK(json_real_value(json_object_get(j, "n")) == 1.5);
		out = dump(j);
		CHECK_STR(out, "{\"id\":\"y\",\"profile\":{\"a\": [1, 2], \"b\":\"\\u00e9\"},\"status\":\"qualified\",\"n\":1.50,\"icp_score\":50.0}");
		free(out);
		/* a small object changed is written as the writer writes objects */
		json_object_set_new(json_object_get(j, "profile"), "c", json_true());
		out = dump(j);
		CHECK_STR(out, "{\"id\":\"y\",\"profile\":{\"a\":[1,2],\"b\":\"\xc3\xa9\",\"c\":true},\"status\":\"qualified\",\"n\":1.50,\"icp_score\":50.0}");
		free(out);
		/* iteration sees every member, in order, and no hidden one */
		{
			const char *k, *want[] = { "id", "profile", "status", "n", "icp_score" };
			json_t *v;
			size_t i = 0;

			json_object_foreach(j, k, v) {
				CHECK(i < 5 && strcmp(k, want[i]) == 0);
				i++;
			}
			CHECK_INT(i, 5);
		}
		json_decref(j);
	}

	t_begin("strings set over members: the old text kept only when the value is the same");
	{
		/* e: escaped, same value; u: unescaped, same; n: a number set to
		 * a string; c: unescaped, changed; x: escaped, changed */
		const char *s = "{\"e\":\"\\u00e9\",\"u\":\"ab\",\"n\":1,\"c\":\"ab\",\"x\":\"a\\nb\",\"k\":\"a\\/b\"}";
		json_t *j = lq_lazy_parse(s, strlen(s));
		char *out;

		json_object_set_new(j, "e", json_string("\xc3\xa9"));
		json_object_set_new(j, "u", json_string("ab"));
		json_object_set_new(j, "n", json_string("1"));
		json_object_set_new(j, "c", json_string("ac"));
		json_object_set_new(j, "x", json_string("x"));
		json_object_set_new(j, "k", json_string("a/b"));
		out = dump(j);
		CHECK_STR(out, "{\"e\":\"\\u00e9\",\"u\":\"ab\",\"n\":\"1\",\"c\":\"ac\",\"x\":\"x\",\"k\":\"a\\/b\"}");
		free(out);
		json_decref(j);
	}

	t_begin("a large nested object changed: its members nobody read keep their bytes");
	{
		struct lq_buf in = LQ_BUF_INIT;
		json_t *j, *p;
		char *out;

		lq_buf_adds(&in, "{\"profile\":{\"pad\": \"");
		for (int i = 0; i < 300; i++)
			lq_buf_addc(&in, 'x');
		lq_buf_adds(&in, "\", \"b\":\"\\u00e9\" , \"n\": 1.50}}");
		j = lq_lazy_parse(in.data, in.len);
		p = json_object_get(j, "profile");
		CHECK(json_real_value(json_object_get(p, "n")) == 1.5);
		json_object_set_new(p, "c", json_true());
		out = dump(j);
		CHECK(strstr(out, "\"b\":\"\\u00e9\",\"n\":1.50,\"c\":true}}") != NULL);
		CHECK(strncmp(out, "{\"profile\":{\"pad\":\"xxx", 21) == 0);
		free(out);
		json_decref(j);
		lq_buf_free(&in);
	}

	t_begin("arrays of objects either side of the eager size: read as jansson reads them, written back as they came");
	for (int size = 200; size <= 300; size++) {
		struct lq_buf in = LQ_BUF_INIT, obj = LQ_BUF_INIT;
		json_t *j, *whole, *a, *e0;
		char *out;

		/* an object of exactly size bytes, an escaped quote and
		 * backslash in its padding wherever the size puts them */
		lq_buf_adds(&obj, "{\"q\":[1,{\"r\":\"}]\"}],\"p\":\"");
		while (obj.len < (size_t)size - 2) {
			if (obj.len % 7 == 3 && obj.len + 4 < (size_t)size)
				lq_buf_adds(&obj, "\\\"");
			else if (obj.len % 11 == 5 && obj.len + 4 < (size_t)size)
				lq_buf_adds(&obj, "\\\\");
			else
				lq_buf_addc(&obj, 'x');
		}
		lq_buf_adds(&obj, "\"}");
		lq_buf_adds(&in, "{\"id\":\"a\",\"list\":[");
		lq_buf_add(&in, obj.data, obj.len);
		lq_buf_adds(&in, ",\"s\",5,{\"small\":[{}]},");
		lq_buf_add(&in, obj.data, obj.len);
		lq_buf_adds(&in, ",[");
		lq_buf_add(&in, obj.data, obj.len);
		lq_buf_adds(&in, "]],\"n\":1}");
		j = lq_lazy_parse(in.data, in.len);
		whole = json_loadb(in.data, in.len, 0, NULL);
		CHECK(j != NULL && whole != NULL);
		a = json_object_get(j, "list");
		CHECK_INT(json_array_size(a), 6);
		e0 = json_array_get(a, 0);
		CHECK(json_is_object(e0));
		CHECK_STR(json_string_value(json_object_get(json_array_get(json_object_get(e0, "q"), 1), "r")), "}]");
		CHECK(json_equal(json_object_get(json_array_get(a, 0), "p"),
		    json_object_get(json_array_get(json_object_get(whole, "list"), 0), "p")));
		CHECK_INT(json_integer_value(json_object_get(j, "n")), 1);
		out = dump(j);
		CHECK_STR(out, in.data);
		free(out);
		CHECK(json_equal(j, whole));
		json_decref(j);
		json_decref(whole);
		lq_buf_free(&in);
		lq_buf_free(&obj);
	}

	t_begin("copies, equality and jansson's own dumps see the whole object");
	{
		const char *s = "{\"b\":{\"c\":[1,{\"d\":2}]},\"a\":\"x\"}";
		json_t *j = lq_lazy_parse(s, strlen(s)), *whole = json_loads(s, 0, NULL);
		json_t *copy = json_deep_copy(j);
		char *t = json_dumps(j, JSON_COMPACT);

		CHECK_STR(t, "{\"b\":{\"c\":[1,{\"d\":2}]},\"a\":\"x\"}");
		free(t);
		CHECK(json_equal(copy, whole));
		CHECK(json_equal(j, whole));
		json_decref(j);
		json_decref(copy);
		json_decref(whole);
	}

	t_begin("float arrays: the same float as (float)strtod, for every form of number");
	{
		unsigned long long seed = 88172645463325252ull;
		int bad_values = 0;

		for (int trial = 0; trial < 200000; trial++) {
			char num[128], text[160];
			double x;
			float got;
			size_t badi;

			seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
			switch (trial % 4) {
			case 0: x = (double)(int64_t)seed / 9.2e18; break;
			case 1: { uint64_t u = seed; memcpy(&x, &u, sizeof x); if (!isfinite(x)) x = 1; break; }
			case 2: x = ldexp((double)(seed >> 11), (int)(seed % 200) - 150); break;
			default: x = (double)(seed % 2000001) / 1e6 - 1; break;
			}
			switch (trial % 8) {
			case 0: snprintf(num, sizeof num, "%.7g", x); break;
			case 1: snprintf(num, sizeof num, "%.9g", x); break;
			case 2: snprintf(num, sizeof num, "%.17g", x); break;
			case 3: snprintf(num, sizeof num, "%g", x); break;
			case 4: snprintf(num, sizeof num, "%.3e", x); break;
			case 5: snprintf(num, sizeof num, "%.12f", x); break;
			case 6: snprintf(num, sizeof num, "%.20g", x); break;
			default: snprintf(num, sizeof num, "%.25f", x); break;
			}
			snprintf(text, sizeof text, "[%s]", num);
			if (lq_json_floats(text, strlen(text), &got, 1, &badi) != 1) {
				/* %g may write inf/nan or forms JSON lacks: skip those */
				continue;
			}
			if (memcmp(&got, &(float){ (float)strtod(num, NULL) }, sizeof got) != 0 && bad_values++ < 5)
				printf("#   %s: got %.9g\n", num, (double)got);
			/* The scanner's floats of a wanted member: the same. */
			{
				char rec[300];
				json_t *lz;
				const float *f;
				size_t fn;

				snprintf(rec, sizeof rec, "{\"id\":1,\"embedding\":[%s,%s]}", num, num);
				lq_lazy_want_floats("embedding");
				if ((lz = lq_lazy_parse(rec, strlen(rec))) == NULL)
					continue;	/* a number the scanner leaves to jansson */
				if ((f = lq_lazy_floats(lz, "embedding", &fn)) == NULL || fn != 2 ||
				    memcmp(&f[1], &got, sizeof got) != 0) {
					if (bad_values++ < 5)
						printf("#   %s: the scanner's float differs\n", num);
				}
				json_decref(lz);
			}
		}
		CHECK_INT(bad_values, 0);
	}

	t_begin("vector numbers: [-]0.ddd read two words at a time, every digit count, near the end and with exponents");
	{
		unsigned long long seed = 2463534242ull;
		static const char *tails[] = { "", "e-3", "E2", "e+1", ".5" };
		int bad = 0, tested = 0;

		for (int nd = 1; nd <= 18; nd++)
			for (int t = 0; t < (int)(sizeof tails / sizeof *tails); t++)
				for (int trial = 0; trial < 40; trial++) {
					char num[64], rec[200];
					const char *pad = trial % 2 ? "" : "                    ";
					size_t len = 0, n;
					json_t *lz;
					const float *f;
					float want;

					if (trial % 3 == 0)
						num[len++] = '-';
					num[len++] = '0', num[len++] = '.';
					for (int i = 0; i < nd; i++) {
						seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
						num[len++] = (char)('0' + (trial % 5 == 1 && i < nd - 1 ? 0 : seed % 10));
					}
					num[len] = '\0';
					strcat(num, tails[t]);
					/* the number last in the line (no room for two words)
					 * or followed by padding */
					snprintf(rec, sizeof rec, "{\"embedding\":[%s,%s]%s}", num, num, pad);
					lq_lazy_want_floats("embedding");
					lz = lq_lazy_parse(rec, strlen(rec));
					if (t == 4) {	/* "0.12.5": not JSON */
						CHECK(lz == NULL);
						continue;
					}
					tested++;
					want = (float)strtod(num, NULL);
					if (lz == NULL || (f = lq_lazy_floats(lz, "embedding", &n)) == NULL || n != 2 ||
					    memcmp(&f[0], &want, sizeof want) != 0 || memcmp(&f[1], &want, sizeof want) != 0) {
						if (bad++ < 5)
							printf("#   %s: the scanner's float differs\n", num);
					}
					json_decref(lz);
				}
		CHECK_INT(bad, 0);
		CHECK(tested == 18 * 4 * 40);
	}

	t_begin("vector numbers, sixteen bytes at once: 300,000 of 1 to 17 digits, near 2^53 / 10^16 and at the end of the line, as strtod");
	{
		unsigned long long seed = 88172645463325252ull;
		int bad = 0, fast_taken = 0;

		for (int trial = 0; trial < 300000; trial++) {
			char num[40], rec[160];
			int nd = 1 + trial % 17, len = 0, pad = (trial / 17) % 5;
			json_t *lz;
			const float *f;
			size_t n;
			float want;

			if (trial % 2)
				num[len++] = '-';
			num[len++] = '0', num[len++] = '.';
			for (int i = 0; i < nd; i++) {
				seed ^= seed << 13, seed ^= seed >> 7, seed ^= seed << 17;
				/* every third number starts 9007199254740992 (2^53),
				 * give or take its last digits */
				num[len++] = trial % 3 == 0 && i < 16 ? "9007199254740992"[i] + (i == 15 ? (int)(seed % 3) - 1 : 0)
				    : (char)('0' + seed % 10);
			}
			num[len] = '\0';
			/* then ']' and 0 to 4 bytes: the sixteen bytes after "0." reach past
			 * the line for the last number of short ones */
			snprintf(rec, sizeof rec, "{\"embedding\":[%s,%s]%.*s}", num, num, pad, "    ");
			lq_lazy_want_floats("embedding");
			lz = lq_lazy_parse(rec, strlen(rec));
			want = (float)strtod(num, NULL);
			/* the fast path's double is the general path's (strtod's),
			 * or it steps aside; at the line's end too */
			for (int end = 0; end < 2; end++) {
				size_t at = strlen("{\"embedding\":["), sz = end ? strlen(rec) - at : strlen(num) + 1;
				char *c = malloc(sz);
				long fl_len, gl_len;
				double fv, gv;

				memcpy(c, rec + at, sz);
				lq_lazy_number_paths(c, sz, &fl_len, &fv, &gl_len, &gv);
				if (gl_len != len || (fl_len >= 0 && (fl_len != gl_len || memcmp(&fv, &gv, sizeof fv) != 0)) ||
				    gv != strtod(num, NULL)) {
					if (bad++ < 5)
						printf("#   %s: fast %ld %.17g, general %ld %.17g\n", num, fl_len, fv, gl_len, gv);
				}
				fast_taken += fl_len >= 0;
				free(c);
			}
			if (lz == NULL || (f = lq_lazy_floats(lz, "embedding", &n)) == NULL || n != 2 ||
			    memcmp(&f[0], &want, sizeof want) != 0 || memcmp(&f[1], &want, sizeof want) != 0) {
				if (bad++ < 5)
					printf("#   %s: the scanner's float differs\n", num);
			}
			json_decref(lz);
		}
		CHECK_INT(bad, 0);
		printf("#   %d of 600,000 reads by the fast path\n", fast_taken);
		CHECK(fast_taken > 150000);
	}

	t_begin("exponents: the number checker and the float reader take and refuse alike, at the same limits");
	{
		/* 1: the scanner takes it (and reads jansson's value); 0: it
		 * steps aside (malformed, 4 exponent digits, an integer of 19
		 * digits, a real whose integer digits and exponent pass 300). */
		static const struct { const char *num; int taken; } ex[] = {
			{ "1e5", 1 }, { "1E5", 1 }, { "1e+05", 1 }, { "1E-5", 1 }, { "-2.5e-3", 1 },
			{ "0e0", 1 }, { "-0E-0", 1 }, { "1e299", 1 }, { "9.99e299", 1 }, { "1e-999", 1 },
			{ "1e300", 0 }, { "10e299", 0 }, { "1e0001", 0 }, { "1e-0001", 0 }, { "1e", 0 },
			{ "1e+", 0 }, { "1E-", 0 }, { "1e+-1", 0 }, { "1.5e", 0 }, { "1ee1", 0 },
			{ "123456789012345678", 1 }, { "1234567890123456789", 0 }, { "1234567890123456789e0", 1 },
			{ "1234567890123456789.5", 1 }, { "12345678901234567890123e-3", 1 },
		};

		for (size_t i = 0; i < sizeof ex / sizeof *ex; i++) {
			char plain[160], wanted[160];
			json_t *a, *b, *w;
			const float *f;
			size_t n;

			snprintf(plain, sizeof plain, "{\"a\":%s}", ex[i].num);
			snprintf(wanted, sizeof wanted, "{\"embedding\":[%s]}", ex[i].num);
			lq_lazy_want_floats("embedding");
			a = lq_lazy_parse(plain, strlen(plain));
			b = lq_lazy_parse(wanted, strlen(wanted));
			if ((a != NULL) != ex[i].taken || (b != NULL) != ex[i].taken)
				printf("#   %s: checker %s, reader %s\n", ex[i].num, a ? "takes" : "refuses",
				    b ? "takes" : "refuses");
			CHECK((a != NULL) == ex[i].taken);
			CHECK((b != NULL) == ex[i].taken);
			if (a && (w = json_loads(plain, 0, NULL)) != NULL) {
				CHECK(json_equal(json_object_get(a, "a"), json_object_get(w, "a")));
				json_decref(w);
			}
			if (b) {
				CHECK((f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == 1 &&
				    memcmp(f, &(float){ (float)strtod(ex[i].num, NULL) }, sizeof *f) == 0);
			}
			json_decref(a);
			json_decref(b);
		}
	}

	t_begin("float arrays: the scanner keeps the wanted member's floats, for that record only");
	{
		const char *t1 = "{\"embedding\":[1,-2.5e1,3.25],\"x\":[4]}";
		const char *t2 = "{\"embedding\" : [ 0.5 ,0.25 ] }";
		json_t *a, *b;
		const float *f;
		size_t n;

		lq_lazy_want_floats("embedding");
		a = lq_lazy_parse(t1, strlen(t1));
		CHECK((f = lq_lazy_floats(a, "embedding", &n)) != NULL && n == 3 && f[1] == -25 && f[2] == 3.25f);
		CHECK(lq_lazy_floats(a, "x", &n) == NULL);	/* not the wanted key */
		b = lq_lazy_parse(t2, strlen(t2));
		/* each record keeps its own (a window of records) */
		CHECK((f = lq_lazy_floats(a, "embedding", &n)) != NULL && n == 3 && f[0] == 1);
		CHECK((f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == 2 && f[1] == 0.25f);
		{
			json_t *c = lq_lazy_pristine(a);

			CHECK((f = lq_lazy_floats(c, "embedding", &n)) != NULL && n == 3 && f[1] == -25);
			json_decref(c);
		}
		json_object_set_new(b, "embedding", json_array());
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);	/* replaced */
		json_decref(a);
		json_decref(b);
		b = lq_lazy_parse(t2, strlen(t2));
		CHECK(json_object_get(b, "embedding") != NULL);
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);	/* read: may be changed */
		json_decref(b);
		b = lq_lazy_parse(t2, strlen(t2));
		json_object_del(b, "embedding");
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);	/* deleted */
		json_decref(b);
#define NOFL(t) do { b = lq_lazy_parse(t, strlen(t)); CHECK(b != NULL && lq_lazy_floats(b, "embedding", &n) == NULL); json_decref(b); } while (0)
		NOFL("{\"embedding\":[1,\"x\",2]}");		/* not all numbers */
		NOFL("{\"embedding\":\"AAAA\"}");
		NOFL("{\"embedding\":[1,2],\"embedding\":\"x\"}");	/* the last one counts */
		NOFL("{\"embedding\":[1,2],\"embedd\\u0069ng\":[3]}");
		NOFL("{\"a\":{\"embedding\":[1,2]}}");	/* top level only */
#undef NOFL
		{
			const char *t3 = "{\"embedding\":\"x\",\"embedding\":[7]}";

			b = lq_lazy_parse(t3, strlen(t3));
		}
		CHECK(b != NULL && (f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == 1 && f[0] == 7);
		json_decref(b);
		CHECK(lq_lazy_parse("{\"embedding\":[1,2,]}", 20) == NULL);
		CHECK(lq_lazy_parse("{\"embedding\":[01]}", 18) == NULL);
		lq_lazy_want_floats("other");
		b = lq_lazy_parse(t2, strlen(t2));
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);
		json_decref(b);
	}

	t_begin("floats kept by the scanner: a base64 string of float32, decoded as it is checked");
	{
		/* 1, 2 and 3 floats: padding "==", "=" and none */
		static const float v[3] = { 1.0f, -2.5f, 3.0e-7f };
		json_t *b, *w;
		const float *f;
		size_t n, bad;
		float *got;
		char t[200], err[200];

		lq_lazy_want_floats("embedding");
		for (size_t k = 1; k <= 3; k++) {
			json_t *r = json_object();
			char *e;

			lq_rec_set_embedding(r, v, k, 1);
			e = dump(r);
			b = lq_lazy_parse(e, strlen(e));
			CHECK(b != NULL && (f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == k &&
			    memcmp(f, v, k * sizeof *f) == 0);
			CHECK_INT(lq_rec_embedding(b, &got, &n, &bad, err, sizeof err), 0);
			CHECK(n == k && memcmp(got, v, k * sizeof *got) == 0);
			free(got);
			json_decref(b);
			json_decref(r);
			free(e);
		}
		/* Strings it does not keep: the scanner checks them as any
		 * string, and lq_rec_embedding says what jansson's reading of
		 * the same text says (the same return, floats and message). */
		static const char *const no[] = {
			"AAAA",			/* 3 bytes: not whole floats */
			"AACAPw=",		/* bad length */
			"AACAPw=A",		/* padding then more */
			"AACA=w==",		/* padding inside the group */
			"AACAPw==AACAPw==",	/* padding before the end */
			"AACAP!==",		/* outside the alphabet */
			"AACA Pw=",
			"AACAPw-_",		/* base64url */
			"\\u0041ACAPw==",	/* an escape: jansson's text, "AACAPw==" */
			"AACAPw\\u003d\\u003d",
			"AACAPw=\\/",
			"A\xc3\xa9" "APw==",	/* UTF-8, valid in a string */
			"",			/* kept: no floats */
		};
		for (size_t i = 0; i < LQ_NELEM(no); i++) {
			float *g2;
			size_t n2, bad2;
			char err2[200];
			int r1, r2;

			snprintf(t, sizeof t, "{\"embedding\":\"%s\",\"embedding_encoding\":\"base64\"}", no[i]);
			b = lq_lazy_parse(t, strlen(t));
			w = json_loads(t, 0, NULL);
			CHECK(b != NULL && w != NULL);
			if (b == NULL || w == NULL) {
				json_decref(b);
				json_decref(w);
				continue;
			}
			CHECK((lq_lazy_floats(b, "embedding", &n) == NULL) == (no[i][0] != '\0'));
			err[0] = err2[0] = '\0';
			r1 = lq_rec_embedding(b, &got, &n, &bad, err, sizeof err);
			r2 = lq_rec_embedding(w, &g2, &n2, &bad2, err2, sizeof err2);
			CHECK_INT(r1, r2);
			CHECK_STR(err, err2);
			CHECK(r1 != 0 || (n == n2 && memcmp(got, g2, n * sizeof *got) == 0));
			if (r1 == 0) {
				free(got);
				free(g2);
			}
			json_decref(b);
			json_decref(w);
		}
		/* the escape read as jansson decodes it: one float, 1 */
		snprintf(t, sizeof t, "{\"embedding\":\"\\u0041ACAPw==\",\"embedding_encoding\":\"base64\"}");
		b = lq_lazy_parse(t, strlen(t));
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);
		CHECK_INT(lq_rec_embedding(b, &got, &n, &bad, err, sizeof err), 0);
		CHECK(n == 1 && got[0] == 1.0f);
		free(got);
		json_decref(b);
		/* Lines that are not JSON stay refused after a base64 start:
		 * a control byte, bad UTF-8, no closing quote, a cut escape. */
		static const char *const notjson[] = {
			"{\"embedding\":\"AACAPw==\x01\"}",
			"{\"embedding\":\"AACAPw\x01\"}",
			"{\"embedding\":\"AACAPwAA\xff\"}",
			"{\"embedding\":\"AACAPw==",
			"{\"embedding\":\"AACAPw",
			"{\"embedding\":\"AACAPw==\"",
			"{\"embedding\":\"AACAPw\\",
			"{\"embedding\":\"AACAPw==\"x}",
		};
		for (size_t i = 0; i < LQ_NELEM(notjson); i++)
			CHECK(lq_lazy_parse(notjson[i], strlen(notjson[i])) == NULL);
		/* the last of a repeated key counts; a nested one is not kept */
		snprintf(t, sizeof t, "{\"embedding\":\"AACAPw==\",\"embedding\":\"AAAgwA==\"}");
		b = lq_lazy_parse(t, strlen(t));
		CHECK((f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == 1 && f[0] == -2.5f);
		json_decref(b);
		snprintf(t, sizeof t, "{\"embedding\":\"AACAPw==\",\"embedding\":[]}");
		b = lq_lazy_parse(t, strlen(t));
		CHECK((f = lq_lazy_floats(b, "embedding", &n)) != NULL && n == 0);
		json_decref(b);
		snprintf(t, sizeof t, "{\"embedding\":[1],\"embedding\":\"x\"}");
		b = lq_lazy_parse(t, strlen(t));
		CHECK(lq_lazy_floats(b, "embedding", &n) == NULL);
		json_decref(b);
		snprintf(t, sizeof t, "{\"a\":{\"embedding\":\"AACAPw==\"}}");
		b = lq_lazy_parse(t, strlen(t));
		CHECK(b != NULL && lq_lazy_floats(b, "embedding", &n) == NULL);
		json_decref(b);
	}

	t_begin("float arrays: shapes, spacing, non-numbers");
	{
		float f[8];
		size_t bad;

		CHECK_INT(lq_json_floats(" [ 1 , -0.5e1,2E-2 ] ", 21, f, 8, &bad), 3);
		CHECK(f[0] == 1 && f[1] == -5 && f[2] == 0.02f && bad == SIZE_MAX);
		CHECK_INT(lq_json_floats("[]", 2, f, 8, &bad), 0);
		CHECK_INT(lq_json_floats("[1,\"x\",{\"a\":[2]},null]", 22, f, 8, &bad), 4);
		CHECK(bad == 1 && f[1] == 0 && f[2] == 0 && f[3] == 0);
		CHECK_INT(lq_json_floats("[1,2,3]", 7, f, 2, &bad), 3);
		CHECK_INT(lq_json_floats("[1,2", 4, f, 8, &bad), -1);
		CHECK_INT(lq_json_floats("{}", 2, f, 8, &bad), -1);
		CHECK_INT(lq_json_floats("[1 2]", 5, f, 8, &bad), -1);
		CHECK(signbit(lq_json_floats("[-0.0]", 6, f, 8, &bad) == 1 ? f[0] : 1.0f));
	}

	t_begin("embeddings: JSON, base64 float32, set and read back");
	{
		float v[3] = { 0.1f, -2.5f, 3.0e-7f }, *got;
		size_t n, bad;
		char err[200];
		json_t *r = json_object();

		lq_rec_set_embedding(r, v, 3, 1);
		CHECK_STR(json_string_value(json_object_get(r, "embedding_encoding")), "base64");
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), 0);
		CHECK(n == 3 && memcmp(got, v, sizeof v) == 0);
		free(got);
		{
			char *t = dump(r);
			json_t *lz = lq_lazy_parse(t, strlen(t));

			CHECK_INT(lq_rec_embedding(lz, &got, &n, &bad, err, sizeof err), 0);
			CHECK(n == 3 && memcmp(got, v, sizeof v) == 0);
			free(got);
			json_decref(lz);
			free(t);
		}
		lq_rec_set_embedding(r, v, 3, 0);
		CHECK(json_object_get(r, "embedding_encoding") == NULL);
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), 0);
		CHECK(n == 3 && got[1] == -2.5f);
		free(got);
		json_object_set_new(r, "embedding_encoding", json_string("base64"));
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), -1);
		json_object_set_new(r, "embedding", json_string("AAA"));
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), -2);
		json_object_set_new(r, "embedding", json_string("AAAAAAA="));
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), -2);
		json_object_set_new(r, "embedding_encoding", json_string("float16"));
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), -2);
		CHECK(strstr(err, "float16") != NULL);
		json_object_del(r, "embedding_encoding");
		json_object_del(r, "embedding");
		CHECK_INT(lq_rec_embedding(r, &got, &n, &bad, err, sizeof err), -1);
		json_decref(r);
	}
	return t_done();
}
