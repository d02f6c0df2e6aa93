/* fuzz_followers_split.c: HTML parsed in pieces gives the records of one whole parse. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "followers.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

/* Every record and count of data as one string, with the split settings. */
static char *
records(const unsigned char *data, size_t size, size_t min, int threads)
{
	struct lq_people *pp = lq_people_new();
	struct lq_extract_stats st;
	struct lq_buf b = LQ_BUF_INIT;
	size_t i;

	lq_extract_split(min, threads);
	lq_extract(pp, (const char *)data, size, LQ_FMT_HTML, "fuzz", &st);
	for (i = 0; i < lq_people_len(pp); i++) {
		const struct lq_person *p = lq_people_at(pp, i);

		lq_buf_addf(&b, "%d|%s|%s|%s|%s|%s\n", p->merged, p->id, p->path_id, p->url,
		    p->name ? p->name : "-", p->headline ? p->headline : "-");
	}
	lq_buf_addf(&b, "%zu %zu %zu %zu %zu %zu\n", st.cards, st.added, st.owner, st.chrome,
	    st.links, st.profiles);
	lq_people_free(pp);
	if (b.data == NULL)
		lq_buf_add(&b, "", 0);
	return lq_buf_detach(&b);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	char *whole, *two, *three;

	lq_quiet = 1;
	whole = records(data, size, SIZE_MAX, 1);
	two = records(data, size, 0, 2);
	three = records(data, size, 0, 3);
	if (strcmp(whole, two) != 0 || strcmp(whole, three) != 0)
		abort();
	free(whole);
	free(two);
	free(three);
	return 0;
}
