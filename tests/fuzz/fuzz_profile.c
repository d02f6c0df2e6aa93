/* fuzz_profile.c: the profile view, matching keys and apply on arbitrary JSON items of any shape; the view of a profile's text (common/jview.c) against jansson's. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "jview.h"
#include "lazy.h"
#include "profile.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Every string of the view is valid UTF-8 and never empty. */
static void
check_str(const char *s)
{
	if (s && (*s == '\0' || !lq_utf8_valid(s, strlen(s))))
		abort();
}

#include "../unit/jv_same.h"

/* The input as a value's text: the view takes nothing jansson refuses and
 * reads what jansson reads; as a record's profile, the view read from its
 * text (lq_profile_of's default) is the one read through jansson. */
static void
view_paths(const unsigned char *data, size_t size)
{
	static struct lq_jv v = LQ_JV_INIT;
	const struct lq_jv_node *root = lq_jv_parse(&v, (const char *)data, size);
	json_t *j = json_loadb((const char *)data, size, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	struct lq_buf b = LQ_BUF_INIT;
	struct lq_profile p1, p2;
	json_t *r1, *r2;

	if (root && (j == NULL || !same_value(&v, root, j)))
		abort();
	json_decref(j);
	lq_buf_adds(&b, "{\"id\":\"f\",\"profile\":");
	lq_buf_add(&b, (const char *)data, size);
	lq_buf_addc(&b, '}');
	r1 = lq_lazy_parse(b.data, b.len);
	r2 = lq_lazy_parse(b.data, b.len);
	if (r1 && r2) {
		lq_profile_of(r1, &p1);
		lq_profile_view_text(0);
		lq_profile_of(r2, &p2);
		lq_profile_view_text(1);
		if (!lq_profile_same(&p1, &p2))
			abort();
		lq_profile_free(&p1);
		lq_profile_free(&p2);
	}
	json_decref(r1);
	json_decref(r2);
	lq_buf_free(&b);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	json_t *item = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	struct lq_profile p;
	char *keys[LQ_PROFILE_MAXKEYS];
	int n, i, r;
	size_t k;

	lq_progname = "fuzz";
	lq_quiet = 1;
	view_paths(data, size);
	if (item == NULL)
		return 0;
	r = lq_profile_read(item, &p);
	if (r != LQ_PROFILE_OK && r != LQ_PROFILE_FAILURE && r != LQ_PROFILE_UNKNOWN)
		abort();
	if ((r != LQ_PROFILE_OK) != (p.error != NULL) || !json_is_array(p.titles))
		abort();
	{
		const char *s[] = { p.name, p.headline, p.location, p.summary, p.industry, p.public_id, p.urn,
			p.url, p.company, p.company_industry, p.company_description, p.employees_text,
			p.employees_src, p.error };

		for (k = 0; k < LQ_NELEM(s); k++)
			check_str(s[k]);
	}
	for (k = 0; k < p.npos; k++) {
		const struct lq_position *q = &p.pos[k];
		const char *s[] = { q->title, q->company, q->employment_type, q->description, q->location,
			q->industry, q->start, q->end };
		size_t j;

		for (j = 0; j < LQ_NELEM(s); j++)
			check_str(s[j]);
		if (q->current && q->end)
			abort();
	}
	for (k = 0; k < p.nskills; k++)
		check_str(p.skills[k]);
	if ((p.employees_lo < 0) != (p.employees_src == NULL))
		abort();
	lq_profile_free(&p);
	{
		/* A record's profile of any shape, hand-made ones included. */
		json_t *rec = json_pack("{s:O}", "profile", item);

		lq_profile_of(rec, &p);
		if (p.error || (json_is_object(item) && !json_is_array(p.titles)))
			abort();
		check_str(p.name);
		check_str(p.company);
		for (k = 0; k < p.npos; k++)
			check_str(p.pos[k].title);
		lq_profile_free(&p);
		json_decref(rec);
	}
	n = lq_profile_item_keys(item, keys);
	if (n < 0 || n > LQ_PROFILE_MAXKEYS)
		abort();
	for (i = 0; i < n; i++) {
		if (strncmp(keys[i], "urn:", 4) != 0 && strncmp(keys[i], "slug:", 5) != 0)
			abort();
		free(keys[i]);
	}
	{
		json_t *rec = json_pack("{s:s,s:s}", "id", "ACoAAfuzzfuzzfuzzfuzzfuzz", "linkedin_url",
		    "https://www.linkedin.com/in/ACoAAfuzzfuzzfuzzfuzzfuzz/");
		int a = lq_profile_apply(rec, item, "fuzz");

		if (a != r)
			abort();
		if (a == LQ_PROFILE_OK && json_object_get(rec, "profile") != item)
			abort();
		if (a != LQ_PROFILE_OK && !json_is_object(json_object_get(rec, "error")))
			abort();
		json_decref(rec);
	}
	json_decref(item);
	return 0;
}
