/* test_jview.c: the view of a JSON text (common/jview.c) against jansson, and the profile view read through it against the one read through jansson. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "diag.h"
#include "jview.h"
#include "lazy.h"
#include "profile.h"
#include "util.h"
#include "t.h"

/* ---- the view against jansson ---- */

#include "jv_same.h"

/* The view of s[0..n) (in a buffer of exactly n bytes, so that ASan sees
 * a read past it): when it takes the text, jansson takes it too and
 * reads the same values. Returns 1 if the view took it. */
static int
view_check(const char *s, size_t n)
{
	static struct lq_jv v = LQ_JV_INIT;
	char *buf = lq_xmalloc(n ? n : 1);
	const struct lq_jv_node *root;
	json_t *j;
	int took;

	if (n)
		memcpy(buf, s, n);
	root = lq_jv_parse(&v, buf, n);
	j = json_loadb(buf, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	took = root != NULL;
	if (root && !same_value(&v, root, j)) {
		t_case_failed = 1;
		printf("#   view and jansson differ on %.*s\n", (int)(n > 200 ? 200 : n), s);
	}
	json_decref(j);
	free(buf);
	return took;
}

static const char *const texts[] = {
	"{}", "[]", "\"\"", "0", "-0", "-0.0", "1.5e3", "1E+2", "9223372036854775807", "-9223372036854775808",
	"true", "false", "null", " { \"a\" : [ 1 , 2 ] } ",
	"{\"a\":1,\"a\":2}", "{\"a\":1,\"b\":{\"c\":[true,false,null]},\"a\":{\"x\":\"y\"}}",
	"{\"\\u0061\":1,\"a\":2}", "{\"a\":2,\"\\u0061\":3}", "{\"k\\\"q\":\"v\\\\w\"}",
	"{\"s\":\"a\\u0000b\",\"t\":\"\\ud83d\\ude00 \\u00e9\\u20ac\\/\\b\\f\\n\\r\\t\"}",
	"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"j\":10,\"a\":11,\"b\":[]}",
	"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"\\u006a\":10,\"j\":11}",
	"{\"\":1,\"a\":2,\"b\":3,\"c\":4,\"d\":5,\"e\":6,\"f\":7,\"g\":8,\"h\":9,\"\":10}",
	"\"M\xc3\xbcller \xe2\x80\x94 \xf0\x9f\x98\x80 long enough to pass the word loop\"",
	"\"0123456789abcdef\\\"0123456789abcdef\\\\\"",
	/* refused: not JSON */
	"", " ", "{", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[1 2]", "01", "1.", ".5", "-", "1e", "+1",
	"\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"", "\"a\tb\"", "\"abc",
	"tru", "nul", "{\"a\":1}x", "[]]", "9223372036854775808", "-9223372036854775809",
	"123456789012345678901234567890", "1e400", "-1.5e309", "7871001.5e308", "1e-400", "0.5e300",
	/* UTF-8 jansson refuses: a lone continuation byte, overlong forms, a
	 * surrogate, past U+10FFFF, cut short; in a key too */
	"\"\x80\"", "\"\xc0\x80\"", "\"\xe0\x80\x80\"", "\"\xed\xa0\x80\"", "\"\xf4\x90\x80\x80\"",
	"\"\xf5\x80\x80\x80\"", "\"\xc3\"", "\"\xe2\x82\"", "{\"\xf0\xff\x8c\x8b\":1}",
	"\"0123456789abcdef\xc3\xa9\xc3\"", "\"0123456789abcdef0123\xff\"",
	/* a NUL in a key (jansson takes it in a string only; fuzz_profile) */
	"{\"k\\u0000\":1}", "{\"a\":{\"x\\u0041\\u0000y\":[1]}}",
};

static void
test_view(void)
{
	size_t i, k, n;
	char *deep;

	t_begin("jview: every value as jansson reads it; refuses what jansson refuses; every prefix");
	for (i = 0; i < LQ_NELEM(texts); i++) {
		n = strlen(texts[i]);
		view_check(texts[i], n);
		for (k = 0; k < n; k++)
			view_check(texts[i], k);
	}
	/* refused by both */
	CHECK(!view_check("9223372036854775808", 19));
	CHECK(!view_check("7871001.5e308", 13));
	CHECK(view_check("1e-400", 6));
	CHECK(!view_check("\"\\ud800\"", 8));
	CHECK(view_check("\"a\\u0000b\"", 10));
	CHECK(!view_check("{\"k\\u0000\":1}", 12));
	{
		const char *bad = "{\"\xf0\xff\x8c\x8b\":1}", *good = "\"\xf4\x8f\xbf\xbf \xef\xbf\xbf \xc2\x80\"";

		CHECK(!view_check(bad, strlen(bad)));
		CHECK(view_check(good, strlen(good)));
	}
	/* nesting: 2,000 levels taken, 2,200 refused (jansson's limit is 2,048) */
	deep = lq_xmalloc(4400);
	for (n = 2000; n <= 2200; n += 200) {
		memset(deep, '[', n);
		memset(deep + n, ']', n);
		CHECK(view_check(deep, 2 * n) == (n == 2000));
	}
	free(deep);
	/* long strings of every special byte at every place (the word loop) */
	{
		const char specials[] = { '"', '\\', '\x01', '\x1f', ' ', 'a', '\x7f' };
		char s[64];

		for (k = 0; k < sizeof specials; k++)
			for (i = 1; i < 40; i++) {
				memset(s, 'x', sizeof s);
				s[0] = '"';
				s[i] = specials[k];
				if (specials[k] == '\\')
					s[i + 1] = 'n';
				s[50] = '"';
				view_check(s, 51);
			}
	}
	t_end();
}

/* ---- the profile view ---- */

static int
collect(json_t *item, unsigned long line, void *arg)
{
	(void)line;
	json_array_append(arg, item);
	return 0;
}

static long profiles_compared;

/* lq_profile_of on the record {"id":..,"profile":<text>} three ways: its
 * text viewed (a lazy record), through jansson (a lazy record with the
 * view off) and from a record parsed whole. All the same. */
static void
compare_record(const char *text, size_t n, const char *what)
{
	struct lq_buf b = LQ_BUF_INIT;
	struct lq_profile p1, p2, p3;
	json_t *r1, *r2, *r3;
	const char *raw;
	size_t rawlen;

	lq_buf_adds(&b, "{\"id\":\"t\",\"profile\":");
	lq_buf_add(&b, text, n);
	lq_buf_adds(&b, ",\"x\":1}");
	r1 = lq_lazy_parse(b.data, b.len);
	r2 = lq_lazy_parse(b.data, b.len);
	r3 = json_loadb(b.data, b.len, JSON_ALLOW_NUL, NULL);
	if (r1 == NULL || r3 == NULL) {
		/* the scanner declines it (or it is no JSON): nothing to view */
		json_decref(r1);
		json_decref(r2);
		json_decref(r3);
		lq_buf_free(&b);
		return;
	}
	lq_profile_of(r1, &p1);
	/* the view leaves the record's profile unread: the writer copies it */
	if (lq_lazy_peek(r1, "profile", &raw, &rawlen) != NULL || raw == NULL) {
		t_case_failed = 1;
		printf("#   %s: the profile was read\n", what);
	}
	lq_profile_view_text(0);
	lq_profile_of(r2, &p2);
	lq_profile_of(r3, &p3);
	lq_profile_view_text(1);
	if (!lq_profile_same(&p1, &p2) || !lq_profile_same(&p1, &p3)) {
		t_case_failed = 1;
		printf("#   %s: the views differ: %.*s\n", what, (int)(n > 300 ? 300 : n), text);
	}
	profiles_compared++;
	lq_profile_free(&p1);
	lq_profile_free(&p2);
	lq_profile_free(&p3);
	json_decref(r1);
	json_decref(r2);
	json_decref(r3);
	lq_buf_free(&b);
}

static void
compare_item(const json_t *item, const char *what)
{
	char *s = json_dumps(item, JSON_COMPACT | JSON_ENCODE_ANY);
	char *a = json_dumps(item, JSON_ENSURE_ASCII | JSON_INDENT(1) | JSON_ENCODE_ANY);

	compare_record(s, strlen(s), what);
	compare_record(a, strlen(a), what);	/* escapes and white space */
	free(s);
	free(a);
}

static json_t *
read_items(const char *path)
{
	json_t *a = json_array();
	FILE *fp = fopen(path, "r");

	if (fp == NULL) {
		printf("# cannot open %s\n", path);
		t_case_failed = 1;
		return a;
	}
	lq_dataset_read(fp, path, collect, a, NULL);
	fclose(fp);
	return a;
}

/* Values put where a profile's values were: every type, the placeholders
 * and dates the reader looks for, a deep one. */
static const char *const wrong[] = { "null", "true", "false", "0", "-7", "2021", "1.5", "\"\"", "\" \"",
	"\"N/A\"", "\"x\\u0000y\"", "\"Full-time \\u00b7 3 yrs\"", "\"Jan 2020 - Present\"", "[]", "{}",
	"[\"a\",1,null,{\"name\":\"n\"}]", "{\"year\":2020,\"month\":\"Mar\",\"text\":\"t\",\"start\":1,\"end\":5}",
	"[[[[[[[[[[[[[[[[{\"a\":[]}]]]]]]]]]]]]]]]]", "9223372036854775807" };

/* Every value of item down to depth 4 replaced by each wrong value in
 * turn (the item changed in place and restored). */
static void
mutate(json_t *root, json_t *at, int depth, const char *what)
{
	json_t *wv[LQ_NELEM(wrong)];
	size_t i, k;

	if (depth > 4)
		return;
	for (k = 0; k < LQ_NELEM(wrong); k++)
		wv[k] = json_loads(wrong[k], JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	if (json_is_object(at)) {
		const char *key;
		json_t *v;
		void *tmp;

		json_object_foreach_safe(at, tmp, key, v) {
			json_t *keep = json_incref(v);

			for (k = 0; k < LQ_NELEM(wrong); k++) {
				json_object_set(at, key, wv[k]);
				compare_item(root, what);
			}
			json_object_set_new(at, key, keep);
			mutate(root, keep, depth + 1, what);
		}
	} else if (json_is_array(at)) {
		for (i = 0; i < json_array_size(at) && i < 3; i++) {
			json_t *keep = json_incref(json_array_get(at, i));

			for (k = 0; k < LQ_NELEM(wrong); k++) {
				json_array_set(at, i, wv[k]);
				compare_item(root, what);
			}
			json_array_set_new(at, i, keep);
			mutate(root, keep, depth + 1, what);
		}
	}
	for (k = 0; k < LQ_NELEM(wrong); k++)
		json_decref(wv[k]);
}

static void
test_profiles(void)
{
	static const char *const files[] = { "tests/data/shapes/apimaestro.json", "tests/data/shapes/curious.json",
		"tests/data/shapes/devfusion.json", "tests/data/shapes/harvest-deprecated.json",
		"tests/data/shapes/harvest-element.json", "tests/data/shapes/harvest-split.json",
		"tests/data/shapes/harvest.json", "tests/data/shapes/supreme.json", "tests/data/shapes/unknown.json",
		"tests/data/eval/profiles.json", "tests/data/eval/profiles-sparse.json", "pipelines/demo/profiles.json" };
	size_t f, i;
	json_t *it;

	t_begin("profile view: read from the text, through jansson, from a whole record: the same (every fixture)");
	for (f = 0; f < LQ_NELEM(files); f++) {
		json_t *a = read_items(files[f]);

		json_array_foreach(a, i, it)
			compare_item(it, files[f]);
		json_decref(a);
	}
	/* texts by hand: repeated keys (the last value), escaped keys, wrong
	 * types, NUL bytes, no profile object at all */
	{
		static const char *const hand[] = {
			"{\"positions\":5,\"firstName\":\"A\",\"positions\":[{\"title\":\"CEO\",\"companyName\":\"X\"}]}",
			"{\"positions\":[{\"title\":\"CEO\",\"companyName\":\"X\"}],\"positions\":\"no\",\"headline\":\"h\"}",
			"{\"\\u0070ositions\":[{\"t\\u0069tle\":\"CTO\",\"companyName\":\"Y\"}],\"firstName\":\"B\"}",
			"{\"firstName\":\"a\\u0000b\",\"headline\":\"\\u0000\",\"geoCountryName\":\"F\\u0000R\"}",
			"{\"element\":{\"experience\":[{\"position\":\"VP\",\"companyName\":\"Z\"}],\"firstName\":\"C\"}}",
			"{\"error\":\"Profile not found\",\"status\":404}", "{\"error\":{\"message\":\"private\"}}",
			"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"headline\":\"x\","
			"\"headline\":\"y\",\"\\u0068eadline\":\"z\"}",
			"{\"a\":1,\"b\":2,\"c\":3,\"d\":4,\"e\":5,\"f\":6,\"g\":7,\"h\":8,\"i\":9,\"headline\":\"x\","
			"\"headline\":\"y\",\"fullName\":\"F\"}",
			"{}", "[]", "\"a profile\"", "null", "1", "{\"geoCountryName\":7,\"headline\":[\"a\",\"b\"]}",
			"{\"positions\":[{\"title\":\"CEO\",\"timePeriod\":{\"startDate\":{\"year\":\"2019\",\"month\":\"3\"}},"
			"\"company\":{\"employeeCountRange\":{\"start\":51,\"end\":9223372036854775807}}}],\"firstName\":\"D\"}",
			"{\"positions\":[{\"title\":\"CEO\",\"company\":{\"employeeCountRange\":{\"start\":-1}}}],"
			"\"companySize\":\"10,001+ employees\",\"fullName\":\"E\"}",
		};

		for (i = 0; i < LQ_NELEM(hand); i++)
			compare_record(hand[i], strlen(hand[i]), "by hand");
	}
	t_end();
	t_begin("profile view: every value of every shape's items replaced by values of every type");
	for (f = 0; f < 9; f++) {
		json_t *a = read_items(files[f]);

		json_array_foreach(a, i, it)
			if (i < 2)
				mutate(it, it, 0, files[f]);
		json_decref(a);
	}
	printf("# %ld profiles compared\n", profiles_compared);
	t_end();
}

int
main(void)
{
	lq_progname = "test_jview";
	lq_quiet = 1;
	test_view();
	test_profiles();
	return t_done();
}
