/* fuzz_profile.c: item -> lead fields and matching keys on arbitrary JSON. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	json_t *item = json_loadb((const char *)data, size, JSON_DECODE_ANY, NULL);
	struct lq_profile_fields f;
	char *keys[LQ_PROFILE_MAXKEYS];
	int n, i;

	lq_progname = "fuzz";
	if (item == NULL)
		return 0;
	if (lq_profile_fields(item, &f) == 0) {
		/* Everything extracted is valid UTF-8 and never empty. */
		const char *s[4] = { f.name, f.headline, f.company, f.location };

		for (i = 0; i < 4; i++)
			if (s[i] && (*s[i] == '\0' || !lq_utf8_valid(s[i], strlen(s[i]))))
				abort();
		if (!json_is_array(f.titles))
			abort();
		lq_profile_fields_free(&f);
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
		json_t *rec = json_object();

		if (lq_profile_apply(rec, item) == 0 && json_object_get(rec, "profile") != item)
			abort();
		json_decref(rec);
	}
	json_decref(item);
	return 0;
}
