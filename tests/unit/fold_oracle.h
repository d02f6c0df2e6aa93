/* fold_oracle.h: lq_fold and lq_has_phrase as they were before issue 16 (utf8proc_map over the whole text; the needle folded on every call), kept as the oracles the new ones must equal (test_fold, fuzz_match). */
#ifndef LQ_FOLD_ORACLE_H
#define LQ_FOLD_ORACLE_H

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "util.h"

/* Scripts written without spaces between words (Han, kana, Hangul): a
 * word boundary where they meet another script's letters or digits. */
static int
oracle_unspaced(utf8proc_int32_t cp)
{
	static const utf8proc_int32_t r[][2] = { { 0x3040, 0x30ff }, { 0x31f0, 0x31ff }, { 0x3400, 0x4dbf },
		{ 0x4e00, 0x9fff }, { 0xf900, 0xfaff }, { 0xff66, 0xff9f }, { 0xac00, 0xd7af }, { 0x1100, 0x11ff },
		{ 0x3130, 0x318f }, { 0x20000, 0x2fa1f } };

	for (size_t i = 0; i < sizeof r / sizeof *r; i++)
		if (cp >= r[i][0] && cp <= r[i][1])
			return 1;
	return 0;
}

static char *
fold_oracle(const char *s)
{
	utf8proc_uint8_t *m = NULL;
	const unsigned char *a = (const unsigned char *)s;
	utf8proc_ssize_t n = 0;

	/* ASCII is its own NFKC form and case folds to lower case, which the
	 * loop below does: most profile text skips utf8proc altogether. */
	while (*a && *a < 0x80)
		a++;
	if (*a)
		n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &m,
		    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
		    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	const unsigned char *src = n >= 0 && m ? m : (const unsigned char *)s;
	size_t len = strlen((const char *)src), i = 0;
	char *out = lq_xmalloc(2 * len + 1), *o = out;
	int last = 0;	/* the script of the last letter or digit: 1 unspaced */

	while (i < len) {
		utf8proc_int32_t cp;
		utf8proc_ssize_t k;
		int word, mark = 0;

		if (src[i] < 0x80) {
			cp = src[i];
			k = 1;
		} else if (n < 0 || (k = utf8proc_iterate(src + i, (utf8proc_ssize_t)(len - i), &cp)) < 1) {
			cp = -1;	/* a byte of invalid UTF-8 */
			k = 1;
		}
		if (cp < 0)
			word = 0;
		else if (cp < 0x80)
			word = isalnum(cp) || ((cp == '&' || cp == '+') && o > out && o[-1] != ' ' &&
			    i + 1 < len && isalnum(src[i + 1]));
		else {
			utf8proc_category_t c = utf8proc_category(cp);

			mark = c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC;
			word = (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
			    (c >= UTF8PROC_CATEGORY_ND && c <= UTF8PROC_CATEGORY_NO) || mark;
		}
		if (word && !mark && cp != '&' && cp != '+') {
			int u = oracle_unspaced(cp);

			if (u != last && o > out && o[-1] != ' ')
				*o++ = ' ';
			last = u;
		}
		if (word) {
			if (cp < 0x80)
				*o++ = (char)tolower(cp);
			else {
				memcpy(o, src + i, (size_t)k);
				o += k;
			}
		} else if (o > out && o[-1] != ' ') {
			*o++ = ' ';
		}
		i += (size_t)k;
	}
	while (o > out && o[-1] == ' ')
		o--;
	*o = '\0';
	free(m);
	return out;
}

/* lq_has_phrase as it was: the needle folded on every call. */
static int
has_phrase_oracle(const char *hay, const char *needle)
{
	char *n = fold_oracle(needle);
	size_t nl = strlen(n);
	int found = 0;

	if (nl > 0)
		for (const char *p = strstr(hay, n); p && !found; p = strstr(p + 1, n))
			found = (p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0');
	free(n);
	return found;
}

#endif
