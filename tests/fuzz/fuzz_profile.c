/* fuzz_profile.c: the profile view, matching keys and apply on arbitrary JSON items of any shape. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
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
