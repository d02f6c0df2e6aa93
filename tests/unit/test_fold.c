/* test_fold.c: lq_fold, which sends only the non-ASCII runs of a text through utf8proc, equals byte for byte the fold of the whole text it replaced (fold_oracle.h). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "diag.h"
#include "fold_oracle.h"
#include "match.h"
#include "t.h"

static long compared, differ;

/* Folds s both ways; a difference is printed (the first few) and counted. */
static void
same(const char *s)
{
	char *a = lq_fold(s), *b = fold_oracle(s);

	compared++;
	if (strcmp(a, b) != 0) {
		if (differ++ < 10) {
			printf("#   input:");
			for (const unsigned char *p = (const unsigned char *)s; *p; p++)
				printf(" %02x", *p);
			printf("\n#   lq_fold \"%s\", oracle \"%s\"\n", a, b);
		}
		CHECK(0);
	}
	free(a);
	free(b);
}

/* xorshift: the same strings on every run. */
static uint64_t rng = 0x9e3779b97f4a7c15u;

static uint64_t
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static size_t
put_cp(char *o, int32_t cp)
{
	return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)o);
}

int
main(int argc, char **argv)
{
	static const char *const fixed[] = {
		"", " ", "Müller", "Jürgen Müller — Head of FP&A", "  Directrice Financière — FP&A / P&L ",
		"R&é", "R&ü", "é&R", "ü+ü", "A&\xcc\x81" "B", "e\xcc\x81", "E\xcc\x81tienne", "a\xcc\x81&b",
		"ﬁnance", "Ｆｕｌｌ Ｗｉｄｔｈ ＣＦＯ", "①②③ 2²", "Kelvin \xe2\x84\xaa", "Straße STRASSE",
		"İstanbul ıi", "ΣΊΣΥΦΟΣ ὈΔΥΣΣΕΎΣ", "Ꭰ Cherokee ꭰ", "東京 CFO 株式会社", "Москва, ООО «Ромашка»",
		"مدير مالي", "नमस्ते दुनिया", "한국어 텍스트 ᄀ\xe1\x85\xa1", "ｶﾞ ｶ\xef\xbe\x9e", "<\xcc\xb8 =\xcc\xb8",
		"bad \xff\xfe bytes", "Müller \xff", "\xc3", "a\xc3", "\xc3(", "\xe2\x82", "\xed\xa0\x80 surrogate",
		"\xf4\x90\x80\x80 too high", "\xc0\xaf overlong", "\xe0\x80\xaf", "\xf0\x9f\x98\x80 emoji 😀 CFO",
		"AT&T", "&lead", "lead&", "a & b", "a&&b", "a&+b", "C++ dev", "a+", "+a", "x&\xc3\xa9", "x&\xcc\x81y",
		"‐hyphen‑nb", "tab\tnew\nline", "\xc2\xa0nbsp\xc2\xa0", "\xe2\x80\x8b zero width \xe2\x80\x8d",
		"\xef\xbb\xbf BOM", "ǅ ǆ Ǆ", "ﷺ", "ﬀ ﬃ", "Ⅻ ⅻ", "㍿", "\xe1\xba\x9e", "Å Å Å",
		"SaaSプロダクト開発とSRE", "開発部長CTO", "AI事業部", "ｶﾞSaaS", "한국SaaS기업", "C++エンジニア", "R&D部門", "60名の開発組織",
	};
	char buf[512];

	(void)argc;
	lq_init(argv[0]);

	t_begin("lq_fold equals the whole-text fold on fixed strings (scripts, marks, invalid UTF-8)");
	for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
		same(fixed[i]);

	/* Every code point, alone and between ASCII neighbours that would
	 * compose with it, keep an '&' or '+' inside a word, or separate. */
	t_begin("lq_fold equals the whole-text fold for every code point in ASCII contexts");
	static const char *const before[] = { "", "a", "A&", "x+", "e", "<", " ", "1" };
	static const char *const after[] = { "", "b", "&b", "+1", " x", "\xcc\x81" };
	for (int32_t cp = 0x80; cp < 0x110000; cp++) {
		if (cp >= 0xd800 && cp <= 0xdfff)
			continue;
		if (cp >= 0x32000 && cp < 0xe0000)
			cp = 0xe0000;	/* unassigned planes: one path, checked below */
		if (cp >= 0xe0200 && cp < 0x10fff0)
			cp = 0x10fff0;
		for (size_t i = 0; i < LQ_NELEM(before); i++)
			for (size_t j = 0; j < LQ_NELEM(after); j++) {
				size_t n = (size_t)snprintf(buf, sizeof buf, "%s", before[i]);

				n += put_cp(buf + n, cp);
				snprintf(buf + n, sizeof buf - n, "%s", after[j]);
				same(buf);
			}
	}
	for (int32_t cp = 0x32000; cp < 0x110000; cp += 0x1001) {
		size_t n = put_cp(buf, 'a');

		n += put_cp(buf + n, cp);
		buf[n] = '\0';
		same(buf);
	}

	/* Random strings from a pool of pieces: ASCII letters and
	 * punctuation, Latin with accents, combining marks, other scripts,
	 * compatibility forms and bytes of invalid UTF-8. */
	t_begin("lq_fold equals the whole-text fold on 300,000 random mixed strings");
	static const char *const pieces[] = {
		"a", "Z", "q", "0", "9", " ", "&", "+", "-", ".", ",", "/", "|", "\t", "(", "'", "\"",
		"é", "Ü", "ß", "ø", "Ł", "ñ", "\xcc\x81", "\xcc\x88", "\xcc\xb8", "\xcd\x85", "\xe0\xa4\xbf",
		"ﬁ", "Ａ", "①", "²", "ǅ", "Σ", "ς", "İ", "я", "Ж", "東", "ｶ", "\xef\xbe\x9e", "한", "ᄀ",
		"\xe1\x85\xa1", "\xe1\x86\xa8", "😀", "\xe2\x80\x94", "\xc2\xa0", "\xe2\x80\x8b", "\xd9\x85",
		"\xd8\xa7", "\xe0\xb8\x81", "\xe0\xb9\x87", "\xff", "\xc3", "\x80", "\xed\xa0\x80", "\xe2\x82",
		"\xf0\x9f", "\xc0\xaf",
	};
	for (int r = 0; r < 300000; r++) {
		size_t n = 0, k = 1 + next() % 12;
		int valid_only = r % 4 != 0;	/* most without invalid bytes */

		for (size_t j = 0; j < k; j++) {
			size_t p = next() % LQ_NELEM(pieces);

			if (valid_only)
				p = p % (LQ_NELEM(pieces) - 6);
			n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", pieces[p]);
		}
		same(buf);
	}

	/* Random bytes: mostly invalid UTF-8. */
	t_begin("lq_fold equals the whole-text fold on 100,000 random byte strings");
	for (int r = 0; r < 100000; r++) {
		size_t k = 1 + next() % 24;

		for (size_t j = 0; j < k; j++) {
			unsigned b = (unsigned)(next() % 255) + 1;

			buf[j] = (char)(r % 2 ? b : (b < 0x80 ? b : 0x80 + b % 0x40 + (next() % 3 ? 0x40 : 0)));
		}
		buf[k] = '\0';
		same(buf);
	}
	/* Longer texts: runs of ASCII letters and digits of every length
	 * from 1 to 40, which lq_fold copies sixteen bytes at a time (SSE2),
	 * ending at every place of a block of sixteen against a space, a
	 * punctuation mark, an '&' or '+', an accented letter, a letter of
	 * an unspaced script or a byte of invalid UTF-8. */
	t_begin("lq_fold equals the whole-text fold on 100,000 random longer texts");
	{
		static const char *const ends[] = { " ", "  ", ".", ", ", "&", "+", "&x", "-", "é", "É", "ß",
			"\xcc\x81", "東", "ｶ", "Ａ", "ﬁ", "\xc2\xa0", "\xff", "\xc3", "'", "\t", "@" };
		static const char alnum[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

		for (int r = 0; r < 100000; r++) {
			size_t n = 0, k = 1 + next() % 10;

			for (size_t j = 0; j < k && n < sizeof buf - 64; j++) {
				size_t run = next() % 41;

				for (size_t q = 0; q < run; q++)
					buf[n++] = alnum[next() % (sizeof alnum - 1)];
				/* most texts valid UTF-8, so that the mapped text is folded */
				size_t e = next() % LQ_NELEM(ends);

				if (r % 4 && (e == LQ_NELEM(ends) - 5 || e == LQ_NELEM(ends) - 4))
					e = 0;
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", ends[e]);
			}
			buf[n] = '\0';
			same(buf);
		}
	}
	/* Needles folded already (taken as they are), nearly folded (an
	 * upper-case letter, a double or outer space, an '&' at a word's
	 * edge) and not at all, against folded hays. */
	t_begin("lq_has_phrase answers as when it folded every needle");
	static const char *const words[] = { "a", "b", "fp&a", "p&l", "c++", "cfo", "head", "of", "é", "ß",
		"ss", "Head", "FP&A", "&", "+", " ", "  ", "x&", "&y", "1", "series", "a+", "\xff" };
	long calls = 0, hits = 0;
	for (int r = 0; r < 200000; r++) {
		char hay[256], needle[128];
		size_t n = 0, k = 1 + next() % 8;

		for (size_t j = 0; j < k; j++)
			n += (size_t)snprintf(hay + n, sizeof hay - n, "%s%s", j ? " " : "",
			    words[next() % LQ_NELEM(words)]);
		char *fh = fold_oracle(hay);
		n = 0;
		k = 1 + next() % 3;
		for (size_t j = 0; j < k; j++) {
			const char *sep = next() % 5 ? " " : next() % 2 ? "" : "  ";

			n += (size_t)snprintf(needle + n, sizeof needle - n, "%s%s", j || next() % 9 == 0 ? sep : "",
			    words[next() % LQ_NELEM(words)]);
		}
		int want = has_phrase_oracle(fh, needle);

		calls++;
		hits += want;
		if (lq_has_phrase(fh, needle) != want) {
			printf("#   hay \"%s\", needle \"%s\": expected %d\n", fh, needle, want);
			CHECK(0);
		}
		free(fh);
	}
	printf("# lq_has_phrase: %ld calls, %ld found\n", calls, hits);
	CHECK(hits > 1000 && hits < calls - 1000);	/* both answers were tried */

	printf("# %ld strings compared, %ld differ\n", compared, differ);
	return t_done();
}
