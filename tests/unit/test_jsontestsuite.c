/* test_jsontestsuite.c: every file of JSONTestSuite's test_parsing through the NDJSON reader. */
#include <dirent.h>
#include <stdlib.h>

#include "diag.h"
#include "lazy.h"
#include "ndjson.h"
#include "record.h"
#include "t.h"
#include "util.h"

static char *
slurp(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "rb");
	struct lq_buf b = LQ_BUF_INIT;
	char tmp[4096];
	size_t k;

	if (fp == NULL)
		return NULL;
	while ((k = fread(tmp, 1, sizeof tmp, fp)) > 0)
		lq_buf_add(&b, tmp, k);
	fclose(fp);
	*n = b.len;
	if (b.data == NULL)
		lq_buf_add(&b, "", 0);
	return lq_buf_detach(&b);
}

/* lq_lazy_parse of s[0..n) with the fast scanner and the recursive
 * reference: both refuse, or both take it and write the same bytes. */
static int
same_as_reference(const char *s, size_t n)
{
	json_t *a, *b;
	int same;

	lq_lazy_reference(1);
	a = lq_lazy_parse(s, n);
	lq_lazy_reference(0);
	b = lq_lazy_parse(s, n);
	same = (a == NULL) == (b == NULL);
	if (a && b) {
		struct lq_buf x = LQ_BUF_INIT, y = LQ_BUF_INIT;

		lq_json_dump(&x, a);
		lq_json_dump(&y, b);
		same = x.len == y.len && memcmp(x.data, y.data, x.len) == 0;
		lq_buf_free(&x);
		lq_buf_free(&y);
	}
	json_decref(a);
	json_decref(b);
	return same;
}

int
main(int argc, char **argv)
{
	const char *shared = getenv("LQ_SHARED") ? getenv("LQ_SHARED") : "../shared";
	char *dir = lq_xasprintf("%s/corpora/JSONTestSuite/test_parsing", shared);
	struct dirent *de;
	DIR *d;
	int files = 0, y_ok = 0, n_ok = 0, i_ok = 0, y = 0, n = 0, i = 0, ref_differ = 0;
	(void)argc;

	lq_init(argv[0]);
	lq_quiet = 1;
	d = opendir(dir);
	if (d == NULL) {
		/* A fresh clone has no ../shared: skipped, not failed (tests/run.sh). */
		printf("skipped: test_jsontestsuite: %s is absent (../shared/corpora is not next to the repository)\n", dir);
		free(dir);
		return 0;
	}
	t_begin("JSONTestSuite corpus present");
	while ((de = readdir(d)) != NULL) {
		char *path, *text, *nl;
		size_t len, recs = 0, failed = 0, good = 0;
		FILE *fp;
		struct lq_reader *r;
		json_t *rec, *whole;
		int kind = de->d_name[0];

		if (de->d_name[0] == '.' || !strstr(de->d_name, ".json"))
			continue;
		files++;
		path = lq_xasprintf("%s/%s", dir, de->d_name);
		text = slurp(path, &len);
		fp = text && len ? fmemopen(text, len, "r") : NULL;
		if (text == NULL || (len && fp == NULL)) {
			printf("#   cannot read %s\n", path);
			t_case_failed = 1;
			free(path);
			free(text);
			continue;
		}
		/* the file, and the file as a member's value (which the
		 * scanner checks without indexing), the fast scanner as the
		 * reference */
		{
			struct lq_buf m = LQ_BUF_INIT;

			lq_buf_adds(&m, "{\"id\":1,\"p\":");
			lq_buf_add(&m, text, len);
			lq_buf_adds(&m, ",\"q\":[]}");
			if (!same_as_reference(text, len) || !same_as_reference(m.data, m.len)) {
				ref_differ++;
				printf("#   %s: the fast scanner and the reference differ\n", de->d_name);
			}
			lq_buf_free(&m);
		}
		r = lq_reader_new(fp, de->d_name);	/* an empty file has no record */
		whole = json_loadb(text, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
		while (fp && (rec = lq_reader_next(r)) != NULL) {
			recs++;
			if (!json_is_object(rec))
				t_case_failed = 1, printf("#   %s: reader returned a non-object\n", de->d_name);
			if (lq_rec_failed(rec) && json_object_get(rec, "raw") == NULL &&
			    json_object_get(rec, "raw_base64") == NULL)
				t_case_failed = 1, printf("#   %s: failed record without raw line\n", de->d_name);
			if (lq_rec_failed(rec))
				failed++;
			else if (whole && json_equal(rec, whole))
				good++;
			json_decref(rec);
		}
		/* A one-line file is one record: a y_ object must parse to the
		 * same value, a y_ non-object and every n_ file must fail. */
		nl = memchr(text, '\n', len);
		if (kind == 'y') {
			y++;
			if (nl && nl + 1 < text + len) {
				y_ok++;		/* multi-line document: not one NDJSON record */
			} else if (json_is_object(whole) ? (recs == 1 && good == 1) : (recs <= 1 && failed == recs)) {
				y_ok++;
			} else {
				printf("#   %s: %zu records, %zu good, %zu failed\n", de->d_name, recs, good, failed);
			}
		} else if (kind == 'n') {
			n++;
			if (failed >= 1 || recs == 0)
				n_ok++;
			else
				printf("#   %s: accepted as %zu record(s)\n", de->d_name, recs);
		} else {
			i++;
			i_ok++;
		}
		lq_reader_free(r);
		if (fp)
			fclose(fp);
		json_decref(whole);
		free(text);
		free(path);
	}
	closedir(d);
	printf("#   %d files: y %d/%d, n %d/%d, i %d/%d\n", files, y_ok, y, n_ok, n, i_ok, i);
	t_begin("JSONTestSuite: y_ files parse (objects) or fail cleanly (other values)");
	CHECK(y > 90 && y_ok == y);
	t_begin("JSONTestSuite: n_ files never pass as records, never crash");
	CHECK(n > 180 && n_ok == n);
	t_begin("JSONTestSuite: i_ files read without a crash");
	CHECK(i > 30 && i_ok == i);
	t_begin("JSONTestSuite: every file, alone and as a member's value, taken or refused alike by the fast scanner and the reference");
	CHECK_INT(ref_differ, 0);
	free(dir);
	return t_done();
}
