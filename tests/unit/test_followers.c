/* test_followers.c: a page parsed in pieces gives the records of one whole parse. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "followers.h"
#include "util.h"
#include "t.h"

/* The records of buf as one string, parsed with split settings (min,
 * threads); *pieces: how many pieces the parse used. */
static char *
records(const char *buf, size_t n, size_t min, int threads, int *pieces)
{
	struct lq_people *pp = lq_people_new();
	struct lq_extract_stats st;
	struct lq_buf b = LQ_BUF_INIT;
	size_t i;

	lq_extract_split(min, threads);
	lq_extract(pp, buf, n, LQ_FMT_HTML, "t", &st);
	for (i = 0; i < lq_people_len(pp); i++) {
		const struct lq_person *p = lq_people_at(pp, i);

		if (!p->merged)
			lq_buf_addf(&b, "%s|%s|%s|%s\n", p->id, p->path_id,
			    p->name ? p->name : "-", p->headline ? p->headline : "-");
	}
	lq_buf_addf(&b, "cards %zu added %zu owner %zu chrome %zu links %zu\n", st.cards, st.added,
	    st.owner, st.chrome, st.links);
	lq_people_free(pp);
	lq_extract_split(LQ_HTML_SPLIT_MIN, 0);
	*pieces = st.pieces;
	return lq_buf_detach(&b);
}

/* Checks that pieces on 2, 3 and 8 threads give what one parse gives;
 * split: whether the page must be parsed in pieces (1), whole (0), or
 * either (-1). */
static void
same(const char *what, const char *buf, size_t n, int split_wanted)
{
	int th[] = { 2, 3, 8 }, pieces;
	char *whole = records(buf, n, SIZE_MAX, 1, &pieces);
	size_t k;

	t_begin(what);
	CHECK_INT(pieces, 0);
	for (k = 0; k < LQ_NELEM(th); k++) {
		char *split = records(buf, n, 0, th[k], &pieces);

		if (split_wanted >= 0)
			CHECK_INT(pieces > 0, split_wanted);
		CHECK(strcmp(whole, split) == 0);
		if (strcmp(whole, split) != 0)
			printf("#   %d threads differ\n", th[k]);
		free(split);
	}
	if (split_wanted < 0)
		printf("# %s: %s\n", what, pieces > 0 ? "in pieces" : "whole");
	free(whole);
	t_end();
}

static char *
slurp(const char *path, size_t *n)
{
	struct lq_buf b = LQ_BUF_INIT;
	char chunk[65536];
	FILE *fp = fopen(path, "rb");
	size_t r;

	if (fp == NULL)
		return NULL;
	while ((r = fread(chunk, 1, sizeof chunk, fp)) > 0)
		lq_buf_add(&b, chunk, r);
	fclose(fp);
	*n = b.len;
	if (b.data == NULL)
		lq_buf_add(&b, "", 0);
	return lq_buf_detach(&b);
}

/* A page of n cards in the shape of the bench page; around and inside
 * the list the markup named by pre, in and post. */
static char *
page(int n, const char *pre, const char *item, const char *post)
{
	struct lq_buf b = LQ_BUF_INIT;
	int i;

	lq_buf_addf(&b, "<!DOCTYPE html><html><body><header><a href=\"/in/me/\">Me</a></header>"
	    "<main>%s<ul class=\"list\">\n", pre);
	for (i = 0; i < n; i++)
		lq_buf_addf(&b, "<li class=\"card\"><div><a href=\"/in/p-%d/\"><span>Person %d</span>"
		    "</a><div class=\"subtitle\">Role %d</div>%s</div></li>\n", i % 7 == 3 ? i - 1 : i,
		    i, i, i == n / 2 ? item : "");
	lq_buf_addf(&b, "</ul>%s</main></body></html>\n", post);
	return lq_buf_detach(&b);
}

int
main(int argc, char **argv)
{
	/* name, markup before the list, in the middle item, after; "1": pieces */
	static const char *const cases[][5] = {
		{ "plain list", "", "", "", "1" },
		{ "open formatting element before the list", "<b>", "", "</b>" },
		{ "list in a table", "<table><tr><td>", "", "</td></tr></table>" },
		{ "list in a link", "<a href=\"/in/x/\">", "", "</a>" },
		{ "list in a form", "<form>", "<form><a href=\"/in/f/\">F</a></form>", "</form>" },
		{ "link in a link in one item", "", "<a href=\"/in/q/\">Q<a href=\"/in/r/\">R</a></a>", "" },
		{ "unclosed div in one item", "", "<div>", "" },
		{ "stray </ul> in one item", "", "</ul><a href=\"/in/s/\">S</a>", "" },
		{ "comment hiding items", "", "<!-- </div></li><li><a href=\"/in/c/\">C</a> -->", "" },
		{ "script with markup", "", "<script>var s = '</li><li>';</script>", "" },
		{ "quoted > in attributes", "", "<span title=\"a > <li> b\">t</span>", "" },
		{ "unquoted attribute with quotes", "", "<span title=a\"b>t</span>", "" },
		{ "svg in one item", "", "<svg><a href=\"/in/v/\"><li>x</li></a></svg>", "" },
		{ "template in one item", "", "<template><li><a href=\"/in/t/\">T</a></li></template>", "" },
		{ "table in a paragraph", "", "<p>x<table><tr><td><a href=\"/in/w/\">W</a></td></tr></table>", "" },
		{ "nested list", "", "<ul><li><a href=\"/in/n1/\">N</a></li><li><a href=\"/in/n2/\">M</a></li></ul>", "", "1" },
		{ "items all one person", "", "", "" },
		{ "no doctype", "", "", "" },
	};
	const char *dir = "tests/data/html";
	struct dirent *de;
	DIR *d;
	size_t k, n;
	(void)argc;

	lq_init(argv[0]);
	lq_quiet = 1;
	for (k = 0; k < LQ_NELEM(cases); k++) {
		char *p = page(200, cases[k][1], cases[k][2], cases[k][3]);

		if (k == LQ_NELEM(cases) - 2) {
			char *q;

			/* every item links one person: the list is one card */
			while ((q = strstr(p, "/in/p-")) != NULL)
				memcpy(q, "/in/pp", 6);
		}
		if (k == LQ_NELEM(cases) - 1)
			memcpy(p, "<!-- x -->     ", 15);
		same(cases[k][0], p, strlen(p), cases[k][4] != NULL ? 1 : -1);
		free(p);
	}
	/* Fixtures, whole and as the list of a 200-times repeated page. */
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			char *path, *text, *name;

			if (strstr(de->d_name, ".html") == NULL)
				continue;
			path = lq_xasprintf("%s/%s", dir, de->d_name);
			text = slurp(path, &n);
			if (text != NULL) {
				char *p = page(40, "", text, "");

				name = lq_xasprintf("fixture %s", de->d_name);
				same(name, text, n, -1);
				free(name);
				name = lq_xasprintf("fixture %s inside a list item", de->d_name);
				same(name, p, strlen(p), -1);
				free(name);
				free(p);
			}
			free(text);
			free(path);
		}
		closedir(d);
	}
	return t_done();
}
