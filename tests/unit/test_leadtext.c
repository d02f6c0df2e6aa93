/* test_leadtext.c: the lead text's parts (whitespace collapsed, long parts cut) against the byte-at-a-time form they had before runs of words were copied at once. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "diag.h"
#include "leadtext.h"
#include "profile.h"
#include "t.h"
#include "util.h"

/* The oracle: part() as it was, one run of non-space bytes at a time and
 * the whole text read before the cut. */
static void
oracle_part(struct lq_buf *b, const char *label, const char *text, size_t max)
{
	size_t start, n = 0;
	int sp = 0;

	if (text == NULL)
		return;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	if (*text == '\0')
		return;
	if (b->len)
		lq_buf_adds(b, " | ");
	if (label) {
		lq_buf_adds(b, label);
		lq_buf_adds(b, ": ");
	}
	start = b->len;
	while (*text) {
		const char *run = text;
		unsigned char c;

		while ((unsigned char)*text > 0x20 && *text != 0x7f)
			text++;
		if (text > run) {
			if (sp) {
				lq_buf_addc(b, ' ');
				n++;
				sp = 0;
			}
			lq_buf_add(b, run, (size_t)(text - run));
			n += (size_t)(text - run);
			continue;
		}
		c = (unsigned char)*text++;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			sp = 1;
	}
	if (max && n > max) {
		lq_utf8_cut(b->data + start, max);
		b->len = strlen(b->data);
	}
}

static unsigned long rng = 12345;

static unsigned
next(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((rng >> 33) % n);
}

/* A text of n pieces drawn from words, spaces, other white space,
 * control bytes, DEL and a two-byte letter. */
static char *
random_text(size_t n)
{
	static const char *const pieces[] = { "a", "bc", "Def", " ", " ", " ", "  ", "\t", "\n", "\r\n",
		"\x01", "\x7f", "\xc3\xa9", "|", "x ", " y", "\f", "\v", "word" };
	struct lq_buf b = LQ_BUF_INIT;

	for (size_t i = 0; i < n; i++)
		lq_buf_adds(&b, pieces[next(LQ_NELEM(pieces))]);
	return b.data ? lq_buf_detach(&b) : lq_xstrdup("");
}

/* lq_lead_text of {"headline": h, "profile": {"firstName": "Ann",
 * "summary": s}} equals what the oracle makes of the same parts. */
static int
same_as_oracle(const char *h, const char *s, size_t cap)
{
	json_t *rec = json_pack("{s:s,s:{s:s,s:s}}", "headline", h, "profile", "firstName", "Ann", "summary", s);
	struct lq_profile p;
	struct lq_buf b = LQ_BUF_INIT;
	char *got;
	int same;

	lq_profile_of(rec, &p);
	oracle_part(&b, "Name", p.name, 0);
	oracle_part(&b, "Headline", h, 0);
	oracle_part(&b, "About", p.summary, 600);	/* ABOUT_MAX */
	if (b.data == NULL)
		lq_buf_adds(&b, "");
	lq_utf8_cut(b.data, cap);
	got = lq_lead_text(rec, cap);
	same = strcmp(got, b.data) == 0;
	if (!same)
		printf("#   got      \"%s\"\n#   expected \"%s\"\n", got, b.data);
	free(got);
	lq_buf_free(&b);
	lq_profile_free(&p);
	json_decref(rec);
	return same;
}

int
main(void)
{
	lq_init("test_leadtext");

	t_begin("white space collapsed: runs of words copied at once give the same text");
	CHECK(same_as_oracle("CFO  at\tAcme \n| payments", "Runs finance.", LQ_LEADTEXT_CAP_REMOTE));
	CHECK(same_as_oracle("\x01 leading control, then a space", "x", LQ_LEADTEXT_CAP_REMOTE));
	CHECK(same_as_oracle("a\x01" "b a \x01 b a\x01 b a \x7f" "b trailing  ", "x", LQ_LEADTEXT_CAP_REMOTE));
	CHECK(same_as_oracle(" ", "x", LQ_LEADTEXT_CAP_REMOTE));
	CHECK(same_as_oracle("one two three four", "\t\t", LQ_LEADTEXT_CAP_REMOTE));

	t_begin("a long About is cut where the whole text would have been cut");
	{
		struct lq_buf s = LQ_BUF_INIT;

		for (int i = 0; i < 200; i++)
			lq_buf_adds(&s, i % 7 ? "word " : "w\xc3\xa9rd\t\t");
		CHECK(same_as_oracle("CFO", s.data, LQ_LEADTEXT_CAP_REMOTE));
		CHECK(same_as_oracle("CFO", s.data, 100));
		lq_buf_free(&s);
		/* the cut right at a two-byte letter, at a space, at the end */
		for (size_t k = 590; k < 612; k++) {
			char *t = lq_xmalloc(k + 3);

			memset(t, 'a', k);
			memcpy(t + k, "\xc3\xa9", 3);
			CHECK(same_as_oracle("h", t, LQ_LEADTEXT_CAP_REMOTE));
			t[k - 1] = ' ';
			CHECK(same_as_oracle("h", t, LQ_LEADTEXT_CAP_REMOTE));
			t[k - 3] = ' ';
			CHECK(same_as_oracle("h", t, LQ_LEADTEXT_CAP_REMOTE));
			free(t);
		}
	}

	t_begin("random texts of words, spaces and control bytes: the same as the oracle");
	{
		int bad = 0;

		for (int i = 0; i < 3000 && bad < 3; i++) {
			char *h = random_text(next(40));
			char *s = random_text(next(400));

			if (!same_as_oracle(h, s, i % 3 ? LQ_LEADTEXT_CAP_REMOTE : 80 + next(700)))
				bad++;
			free(h);
			free(s);
		}
		CHECK(bad == 0);
	}
	/* Long words and single spaces, now and then another byte: runs
	 * longer than sixteen bytes, which part() passes sixteen at a time,
	 * with a space, a double space, DEL or a control byte at each place
	 * in a block of sixteen. */
	t_begin("random texts of long words, now and then a space run or a control byte: the same as the oracle");
	{
		static const char *const pieces[] = { "abcdefghijklmno", "Pqrstu", "v", "wx", "\xc3\xa9t\xc3\xa9",
			" ", " ", " ", " ", " ", "  ", "\t", "\x7f", "\x01", " \x7f", "\n" };
		int bad = 0;

		for (int i = 0; i < 20000 && bad < 3; i++) {
			struct lq_buf b = LQ_BUF_INIT;
			size_t n = next(120);

			for (size_t k = 0; k < n; k++)	/* mostly words and single spaces */
				lq_buf_adds(&b, pieces[next(8) ? next(9) : next(LQ_NELEM(pieces))]);
			char *t = b.data ? lq_buf_detach(&b) : lq_xstrdup("");

			if (!same_as_oracle("CFO", t, i % 3 ? LQ_LEADTEXT_CAP_REMOTE : 80 + next(700)))
				bad++;
			free(t);
		}
		CHECK(bad == 0);
	}
	return t_done();
}
