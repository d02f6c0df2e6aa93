/* fuzz_followers.c: the follower extractor (HTML, text, CSV) on arbitrary bytes. */
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "followers.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const enum lq_format fmts[] = { LQ_FMT_AUTO, LQ_FMT_HTML, LQ_FMT_TEXT, LQ_FMT_CSV };
	struct lq_extract_stats st;
	size_t f, i, live;

	lq_quiet = 1;
	for (f = 0; f < sizeof fmts / sizeof fmts[0]; f++) {
		struct lq_people *pp = lq_people_new();

		lq_extract(pp, (const char *)data, size, fmts[f], "fuzz", &st);
		/* Every person has an id and a canonical URL; the count adds up. */
		for (i = live = 0; i < lq_people_len(pp); i++) {
			const struct lq_person *p = lq_people_at(pp, i);

			if (p->merged)
				continue;
			live++;
			if (p->id == NULL || p->url == NULL || p->path_id == NULL ||
			    strncmp(p->url, "https://www.linkedin.com/in/", 28) != 0)
				abort();
			/* No id is a path step or holds a slash. */
			if (strspn(p->id, ".") == strlen(p->id) || strchr(p->id, '/') != NULL ||
			    strchr(p->id, '\\') != NULL || strspn(p->path_id, ".") == strlen(p->path_id))
				abort();
		}
		if (live != lq_people_count(pp) || st.added > st.cards)
			abort();
		lq_people_free(pp);
	}
	return 0;
}
