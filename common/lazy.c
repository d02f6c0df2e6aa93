/* lazy.c: objects parsed member by member on first use; untouched members written as they came. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

#include "base64.h"
#include "diag.h"
#include "jalloc.h"
#include "lazy.h"
#include "ndjson.h"
#include "util.h"

/* The hidden member's key: a NUL first byte, which no parsed key has
 * (jansson refuses NUL in keys). */
#define HKEY "\0lq-lazy"
#define HKEY_LEN 8
/* The second hidden member: the string that holds the object's text (a
 * top-level object's own copy of its line, or, for a nested lazy object,
 * a reference to its outermost object's). */
#define HTEXT "\0lq-text"
#define HTEXT_LEN 8
#define MAGIC 0x4c5a514cu
/* jansson stops at depth 2048 (JSON_PARSER_MAX_DEPTH); the scanner gives
 * up earlier and lets jansson decide. */
#define MAX_DEPTH 2000

enum { UNREAD, PARSED, DELETED };

/* The hidden member's bytes: this header, n entries in first-position
 * order, nslots hash slots (entry index + 1, 0 empty), the decoded keys.
 * The text is the HTEXT member's string (a top-level object's line,
 * copied once from the reader; a nested object shares its outermost
 * object's): the offsets of values and of the object's text count from
 * its start. */
struct hdr {
	uint32_t magic, n, nslots, raw_off, raw_len, dups, keys_len;
	/* the floats the scanner read from the member whose value is at
	 * fl_val_off (lq_lazy_want_floats): fl_n of them at byte fl_off of
	 * the hidden member; fl_off 0: none */
	uint32_t fl_off, fl_n, fl_val_off;
	/* the HTEXT member's string, which the object holds a reference to
	 * for as long as this header lives in it: no lookup to find it */
	json_t *own;
};
struct ent {
	uint32_t key_off, key_len, val_off, val_len, hash, state, kesc;
};

/* jansson's own functions behind the --wrap names (see the Makefile). */
json_t *__real_json_object_get(const json_t *o, const char *key);
json_t *__real_json_object_getn(const json_t *o, const char *key, size_t n);
int __real_json_object_del(json_t *o, const char *key);
int __real_json_object_deln(json_t *o, const char *key, size_t n);
size_t __real_json_object_size(const json_t *o);
void *__real_json_object_iter(json_t *o);
void *__real_json_object_iter_at(json_t *o, const char *key);
int __real_json_object_update(json_t *o, json_t *other);
int __real_json_object_update_existing(json_t *o, json_t *other);
int __real_json_object_update_missing(json_t *o, json_t *other);
int __real_json_object_update_recursive(json_t *o, json_t *other);
int __real_json_equal(const json_t *a, const json_t *b);
char *__real_json_dumps(const json_t *j, size_t flags);
size_t __real_json_dumpb(const json_t *j, char *buf, size_t size, size_t flags);
int __real_json_dumpf(const json_t *j, FILE *fp, size_t flags);
int __real_json_dumpfd(const json_t *j, int fd, size_t flags);
int __real_json_dump_file(const json_t *j, const char *path, size_t flags);
int __real_json_dump_callback(const json_t *j, json_dump_callback_t cb, void *data, size_t flags);
int __real_json_vunpack_ex(json_t *root, json_error_t *err, size_t flags, const char *fmt, va_list ap);
json_t *__real_json_copy(json_t *j);
json_t *__real_json_deep_copy(const json_t *j);

/* The wrappers, declared for -Wmissing-prototypes. */
json_t *__wrap_json_object_get(const json_t *o, const char *key);
json_t *__wrap_json_object_getn(const json_t *o, const char *key, size_t n);
int __wrap_json_object_del(json_t *o, const char *key);
int __wrap_json_object_deln(json_t *o, const char *key, size_t n);
size_t __wrap_json_object_size(const json_t *o);
void *__wrap_json_object_iter(json_t *o);
void *__wrap_json_object_iter_at(json_t *o, const char *key);
int __wrap_json_object_update(json_t *o, json_t *other);
int __wrap_json_object_update_existing(json_t *o, json_t *other);
int __wrap_json_object_update_missing(json_t *o, json_t *other);
int __wrap_json_object_update_recursive(json_t *o, json_t *other);
int __wrap_json_equal(const json_t *a, const json_t *b);
char *__wrap_json_dumps(const json_t *j, size_t flags);
size_t __wrap_json_dumpb(const json_t *j, char *buf, size_t size, size_t flags);
int __wrap_json_dumpf(const json_t *j, FILE *fp, size_t flags);
int __wrap_json_dumpfd(const json_t *j, int fd, size_t flags);
int __wrap_json_dump_file(const json_t *j, const char *path, size_t flags);
int __wrap_json_dump_callback(const json_t *j, json_dump_callback_t cb, void *data, size_t flags);
int __wrap_json_vunpack_ex(json_t *root, json_error_t *err, size_t flags, const char *fmt, va_list ap);
int __wrap_json_unpack(json_t *root, const char *fmt, ...);
json_t *__wrap_json_copy(json_t *j);
json_t *__wrap_json_deep_copy(const json_t *j);
int __wrap_json_unpack_ex(json_t *root, json_error_t *err, size_t flags, const char *fmt, ...);

/* Set once a lazy object exists: until then the wrappers cost nothing. */
static int lazy_used;

/* ---- the scanner ---------------------------------------------------- */

typedef const unsigned char *ptr;

/* 1 for the bytes a string may hold without a closer look. */
static unsigned char plain[256];

static void
plain_init(void)
{
	for (int c = 0x20; c < 0x80; c++)
		plain[c] = c != '"' && c != '\\';
}

static inline ptr
ws(ptr p, ptr e)
{
	if (p < e && *p > ' ')
		return p;	/* the usual case: no space at all */
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int
hex4(ptr p, ptr e, unsigned *u)
{
	*u = 0;
	if (e - p < 4)
		return -1;
	for (int i = 0; i < 4; i++) {
		int c = p[i], v;

		if (c >= '0' && c <= '9') v = c - '0';
		else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
		else return -1;
		*u = *u << 4 | (unsigned)v;
	}
	return 0;
}

/* Length of the valid UTF-8 sequence at p (no overlongs, surrogates or
 * code points past U+10FFFF, as jansson checks), or 0. */
static size_t
utf8_seq(ptr p, ptr e)
{
	unsigned c = p[0];

	if (c < 0xc2 || c > 0xf4)
		return 0;
	if (c < 0xe0)
		return e - p >= 2 && (p[1] & 0xc0) == 0x80 ? 2 : 0;
	if (c < 0xf0) {
		if (e - p < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0))
			return 0;
		return 3;
	}
	if (e - p < 4 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
		return 0;
	if ((c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
		return 0;
	return 4;
}

/* p at the opening quote: returns the byte after the closing one, or
 * NULL. Sets *esc when the string has a backslash, *nul for \u0000. */
static ptr
scan_string(ptr p, ptr e, int *esc, int *nul)
{
	p++;
	for (;;) {
		unsigned u, u2;
		size_t k;

#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		/* sixteen bytes at a time while none is special: below 0x20
		 * or non-ASCII (both below 0x20 as signed bytes), '"', '\\' */
		while (e - p >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
			int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
			    _mm_cmplt_epi8(w, _mm_set1_epi8(0x20))));

			if (m) {
				p += __builtin_ctz((unsigned)m);
				goto special;
			}
			p += 16;
		}
#endif
		/* eight bytes at a time while none is special: below 0x20,
		 * '"', '\\' or non-ASCII */
		while (e - p >= 8) {
			uint64_t w, m, ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);

			memcpy(&w, p, 8);
			m = ((w - ones * 0x20) | ((w ^ (ones * '"')) - ones) | ((w ^ (ones * '\\')) - ones) | w) & high;
			if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
				/* the lowest marked byte is the first special one
				 * (a borrow only marks bytes after it) */
				p += __builtin_ctzll(m) >> 3;
#endif
				break;
			}
			p += 8;
		}
		while (p < e && plain[*p])
			p++;
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
special:
#endif
		if (p >= e)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (*p < 0x20)
			return NULL;
		if (*p != '\\') {
			if ((k = utf8_seq(p, e)) == 0)
				return NULL;
			p += k;
			continue;
		}
		*esc = 1;
		if (++p >= e)
			return NULL;
		switch (*p) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			p++;
			continue;
		case 'u':
			if (hex4(p + 1, e, &u) != 0)
				return NULL;
			p += 5;
			if (u == 0)
				*nul = 1;
			if (u >= 0xdc00 && u <= 0xdfff)
				return NULL;
			if (u >= 0xd800 && u <= 0xdbff) {
				if (e - p < 6 || p[0] != '\\' || p[1] != 'u' || hex4(p + 2, e, &u2) != 0 ||
				    u2 < 0xdc00 || u2 > 0xdfff)
					return NULL;
				p += 6;
			}
			continue;
		default:
			return NULL;
		}
	}
}

#define DIGIT(c) ((unsigned)((c) - '0') < 10)

/* Past the digits at p. */
static inline __attribute__((always_inline)) ptr
skip_digits(ptr p, ptr e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	/* Eight bytes at a time: x ^ '0' leaves a digit as 0..9 in its
	 * byte; a high nibble, or a low one above 9 (which adding 6 carries
	 * into the high nibble), marks the others. A carry out of a byte
	 * only touches later bytes, after the first non-digit. */
	while (e - p >= 8) {
		uint64_t w, ones = UINT64_C(0x0101010101010101), hi = ones * 0xF0;

		memcpy(&w, p, 8);
		w ^= ones * '0';
		w = (w | (w + ones * 6)) & hi;
		if (w)
			return p + (__builtin_ctzll(w) >> 3);
		p += 8;
	}
#endif
	while (p < e && DIGIT(*p))
		p++;
	return p;
}

/* The rest of a number after its integer part (intdigits digits) and its
 * fraction (real when it had one), for both number scanners: the
 * exponent, if any, as jansson lexes it, with at most 3 digits, its value
 * in *ex (0 without one); then NULL also when jansson might call the
 * number too big (an integer of more than 18 digits, a real that may
 * overflow). Returns the end of the number. */
static inline ptr
number_tail(ptr p, ptr e, long intdigits, int real, long *ex)
{
	ptr d;
	int neg = 0;

	*ex = 0;
	if (p < e && (*p == 'e' || *p == 'E')) {
		real = 1;
		p++;
		if (p < e && (*p == '+' || *p == '-'))
			neg = *p++ == '-';
		d = p;
		while (p < e && DIGIT(*p)) {
			if (p - d < 4)
				*ex = *ex * 10 + (*p - '0');
			p++;
		}
		if (p == d || p - d > 3)
			return NULL;
		if (neg)
			*ex = -*ex;
	}
	if (!real && intdigits > 18)
		return NULL;
	if (real && intdigits + *ex > 300)
		return NULL;
	return p;
}

/* A number as jansson lexes it; NULL also when jansson might call it too
 * big (an integer of more than 18 digits, a real that may overflow). */
static ptr
scan_number(ptr p, ptr e)
{
	ptr d;
	long intdigits, ex;
	int real = 0;

	if (*p == '-')
		p++;
	d = p;
	if (p < e && *p == '0')
		p++;	/* the usual integer part of a vector's number */
	else
		while (p < e && DIGIT(*p))
			p++;
	if (p < e && DIGIT(*p) && *d == '0')
		return NULL;
	intdigits = p - d;
	if (intdigits == 0 || (*d == '0' && intdigits > 1))
		return NULL;
	if (p < e && *p == '.') {
		real = 1;
		d = ++p;
		p = skip_digits(p, e);
		if (p == d)
			return NULL;
	}
	return number_tail(p, e, intdigits, real, &ex);
}

/* Every power of ten up to 1e22 is a double without rounding. */
static const double pow10_exact[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};
static double number_strtod(ptr s, ptr end);

/* The double of the number text s[0..end) whose digits (nd of them,
 * leading zeros counted) make w, wrapped past 19, with decimal exponent
 * e10: with at most 19 significant digits w and |e10| <= 22, w and
 * 10^|e10| are exact doubles when w <= 2^53, and one IEEE multiplication
 * or division rounds correctly (Clinger's fast path), which is what a
 * correctly rounding strtod (glibc's) returns; anything else goes to
 * strtod. */
static inline double
number_value(uint64_t w, long nd, long e10, int neg, ptr s, ptr end)
{
	double v;

	if (nd <= 19 && w <= (UINT64_C(1) << 53) && e10 >= -22 && e10 <= 22) {
		v = (double)w;
		v = e10 < 0 ? v / pow10_exact[-e10] : v * pow10_exact[e10];
		return neg ? -v : v;
	}
	if (nd <= 19 && w == 0)
		return neg ? -0.0 : 0.0;
	return number_strtod(s, end);
}

/* Eight digit values (0..9, one a byte, the first digit in the lowest
 * byte) as a number: pairs, then fours, then the eight, by three
 * multiplications. */
static inline uint64_t
digits8(uint64_t w)
{
	w = (w * 10 + (w >> 8)) & UINT64_C(0x00FF00FF00FF00FF);
	w = (w * 100 + (w >> 16)) & UINT64_C(0x0000FFFF0000FFFF);
	return (w * 10000 + (w >> 32)) & UINT64_C(0xFFFFFFFF);
}

/* Past the digits at p, adding them to *w (w * 10 + digit each, wrapping):
 * eight bytes at a time; the digits before the first non-digit of a
 * word (found as in skip_digits) shifted up to the word's top, the bytes
 * below them then zeros that do not change the value. */
static inline ptr
take_digits(ptr p, ptr e, uint64_t *w)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	static const uint64_t pow10u[8] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000 };

	while (e - p >= 8) {
		uint64_t x, m, ones = UINT64_C(0x0101010101010101);
		unsigned k;

		memcpy(&x, p, 8);
		x ^= ones * '0';
		m = (x | (x + ones * 6)) & (ones * 0xF0);
		if (m == 0) {
			*w = *w * 100000000 + digits8(x);
			p += 8;
			continue;
		}
		if ((k = (unsigned)__builtin_ctzll(m) >> 3) > 0)
			*w = *w * pow10u[k] + digits8(x << (8 * (8 - k)));
		return p + k;
	}
#endif
	while (p < e && DIGIT(*p))
		*w = *w * 10 + (uint64_t)(*p++ - '0');
	return p;
}

/* scan_number that also gives the number's value, as parse_number
 * would: the scanner's check and the float parser in one pass over the
 * digits (the floats of a wanted member, lq_lazy_want_floats). */
static inline ptr
scan_number_value(ptr p, ptr e, double *out)
{
	ptr s = p, d;
	uint64_t w = 0;
	long intdigits, nd, e10 = 0, ex;
	int neg = 0, real = 0;

	if (*p == '-')
		neg = 1, p++;
	d = p;
	if (p < e && *p == '0') {
		if (++p < e && DIGIT(*p))
			return NULL;
	} else {
		/* w wraps past 19 digits; then strtod decides */
		while (p < e && DIGIT(*p))
			w = w * 10 + (uint64_t)(*p++ - '0');
	}
	intdigits = p - d;
	if (intdigits == 0)
		return NULL;
	nd = intdigits;
	if (p < e && *p == '.') {
		real = 1;
		d = ++p;
		p = take_digits(p, e, &w);
		if (p == d)
			return NULL;
		e10 = -(long)(p - d);
		nd += p - d;
	}
	if ((p = number_tail(p, e, intdigits, real, &ex)) == NULL)
		return NULL;
	*out = number_value(w, nd, e10 + ex, neg, s, p);
	return p;
}

#if (!defined(__SSE2__) || defined(LQ_NO_SIMD)) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
/* The eight bytes at p with '0' taken from each, and in *m the high
 * nibbles that mark the bytes that are not digits (as in skip_digits). */
static inline uint64_t
digit_word(ptr p, uint64_t *m)
{
	uint64_t x, ones = UINT64_C(0x0101010101010101);

	memcpy(&x, p, 8);
	x ^= ones * '0';
	*m = (x | (x + ones * 6)) & (ones * 0xF0);
	return x;
}
#endif

/* scan_number_value for the usual number of a vector, [-]0.ddd with 1
 * to 15 fraction digits, read from two words at once: NULL when the
 * number at p is not one of those, or p is fewer than 20 bytes before e
 * (the number's end q is then before e), for scan_number_value to
 * decide. The same value as it: w of at most 15 digits is below 2^53
 * and the divisor an exact power of ten. The caller refuses the number
 * too when an exponent follows (*q is 'e' or 'E'), which is rare enough
 * to be looked for only where q is not ','. */
static inline ptr
vector_number(ptr p, ptr e, double *out)
{
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	/* The sixteen bytes after "0." at once: the digits before the first
	 * non-digit (k of them) kept, the bytes from there on zeroed, the
	 * sixteen then read as one number wf = w * 10^(16-k) by multiply-adds
	 * of pairs, fours and eights. wf / 10^16 is the value w / 10^k: when
	 * wf is an exact double (at most 2^53, 1e16 is one too), the one
	 * division rounds that same quotient as w / 10^k does. */
	static const unsigned char keep[32] = {
		0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
	};
	int neg;
	ptr q;
	__m128i d, lo, hi;
	unsigned k;
	uint16_t zp;
	uint64_t wf;
	double v;

	if (e - p < 20)
		return NULL;
	neg = *p == '-';
	q = p + neg;
	memcpy(&zp, q, 2);
	if (zp != ('0' | '.' << 8))	/* "0." (little-endian) */
		return NULL;
	d = _mm_sub_epi8(_mm_loadu_si128((const __m128i *)(const void *)(q + 2)), _mm_set1_epi8('0'));
	/* the digits before the first non-digit: 1 to 15 of them, and no
	 * exponent after (e or E) */
	k = (unsigned)__builtin_ctz(~(unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8(9)), d)));
	if (k - 1 >= 15)
		return NULL;
	d = _mm_and_si128(d, _mm_loadu_si128((const __m128i *)(const void *)(keep + 16 - k)));
	lo = _mm_madd_epi16(_mm_unpacklo_epi8(d, _mm_setzero_si128()), _mm_set1_epi32(0x0001000a));
	hi = _mm_madd_epi16(_mm_unpackhi_epi8(d, _mm_setzero_si128()), _mm_set1_epi32(0x0001000a));
	lo = _mm_madd_epi16(_mm_packs_epi32(lo, hi), _mm_set1_epi32(0x00010064));	/* fours */
	lo = _mm_madd_epi16(_mm_packs_epi32(lo, lo), _mm_set1_epi32(0x00012710));	/* eights */
	wf = (uint64_t)(uint32_t)_mm_cvtsi128_si32(lo) * 100000000u +
	    (uint32_t)_mm_cvtsi128_si32(_mm_srli_si128(lo, 4));
	if (wf > (UINT64_C(1) << 53))
		return NULL;
	v = (double)(int64_t)wf / 1e16;
	*out = neg ? -v : v;
	return q + 2 + k;
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	static const uint64_t pow10u[8] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000 };
	int neg;
	ptr q;
	uint64_t x, m, w;
	unsigned k;
	double v;

	if (e - p < 20)
		return NULL;
	neg = *p == '-';
	q = p + neg;
	if (q[0] != '0' || q[1] != '.')
		return NULL;
	x = digit_word(q + 2, &m);
	if (m == 0) {
		w = digits8(x);
		x = digit_word(q + 10, &m);
		if (m == 0)
			return NULL;
		k = (unsigned)__builtin_ctzll(m) >> 3;
		if (k > 0)
			w = w * pow10u[k] + digits8(x << (8 * (8 - k)));
		k += 8;
	} else {
		k = (unsigned)__builtin_ctzll(m) >> 3;
		if (k == 0)
			return NULL;
		w = digits8(x << (8 * (8 - k)));
	}
	q += 2 + k;
	v = (double)w / pow10_exact[k];
	*out = neg ? -v : v;
	return q;
#else
	(void)p, (void)e, (void)out;
	return NULL;
#endif
}

/* For tests: the number at s[0..n) read by vector_number and by
 * scan_number_value; each length read (-1: not taken) and double. */
void
lq_lazy_number_paths(const char *s, size_t n, long *fast_len, double *fast, long *len, double *v)
{
	ptr p = (ptr)s, e = p + n, q;

	*fast = *v = 0;
	q = n ? vector_number(p, e, fast) : NULL;
	if (q && (*q | 0x20) == 'e')
		q = NULL;
	*fast_len = q ? (long)(q - p) : -1;
	q = n ? scan_number_value(p, e, v) : NULL;
	*len = q ? (long)(q - p) : -1;
}

/* The floats the scanner read on its way through the member a stage
 * wants them for (lq_lazy_want_floats), until lazy_build stores them in
 * the object it makes: the member's value at val_off. */
static struct {
	char *key;
	size_t keylen;
	size_t val_off;
	float *v;
	size_t n, cap;
	int scanned;	/* this build: the wanted member was an array of numbers, or a
			 * base64 string of float32 (scan_base64) */
} fl;

struct idx {
	struct ent *ent;
	size_t n, cap, dups;
	uint32_t *slot;
	size_t nslots;
	struct lq_buf keys;
};

static ptr scan_value(ptr p, ptr e, int depth);
static ptr scan_value_ref(ptr p, ptr e, int depth);
/* 1: scan with the recursive reference scanner (lq_lazy_reference) */
static int use_ref;

/* A key's hash for the index (built and searched in this file alone):
 * FNV-1a over eight bytes at a time, then the last few one by one;
 * every byte counts, so keys that differ only inside cannot all meet. */
static uint32_t
hash_key(const char *k, size_t n)
{
	uint64_t h = UINT64_C(14695981039346656037) ^ n;
	size_t i = 0;

	for (; n - i >= 8; i += 8) {
		uint64_t w;

		memcpy(&w, k + i, 8);
		h = (h ^ w) * UINT64_C(1099511628211);
		h ^= h >> 29;
	}
	for (; i < n; i++)
		h = (h ^ (unsigned char)k[i]) * UINT64_C(1099511628211);
	return (uint32_t)(h ^ h >> 32);
}

/* Decodes the escapes of the string token s[0..n) (quotes included,
 * already checked) into b. */
static void
decode_string(struct lq_buf *b, ptr s, size_t n)
{
	ptr p = s + 1, e = s + n - 1;

	while (p < e) {
		unsigned u, u2;
		char out[4];

		if (*p != '\\') {
			lq_buf_addc(b, *p++);
			continue;
		}
		p++;
		switch (*p) {
		case 'b': lq_buf_addc(b, '\b'); p++; continue;
		case 'f': lq_buf_addc(b, '\f'); p++; continue;
		case 'n': lq_buf_addc(b, '\n'); p++; continue;
		case 'r': lq_buf_addc(b, '\r'); p++; continue;
		case 't': lq_buf_addc(b, '\t'); p++; continue;
		case 'u': break;
		default: lq_buf_addc(b, *p++); continue;
		}
		hex4(p + 1, e, &u);
		p += 5;
		if (u >= 0xd800 && u <= 0xdbff) {
			hex4(p + 2, e, &u2);
			p += 6;
			u = 0x10000 + ((u - 0xd800) << 10) + (u2 - 0xdc00);
		}
		lq_buf_add(b, out, lq_utf8_put(out, u));
	}
}

static long
idx_find(const struct idx *x, const char *k, size_t n, uint32_t h)
{
	size_t m = x->nslots - 1, i = h & m;

	for (; x->slot[i]; i = (i + 1) & m) {
		const struct ent *t = &x->ent[x->slot[i] - 1];

		if (t->hash == h && t->key_len == n && memcmp(x->keys.data + t->key_off, k, n) == 0)
			return (long)x->slot[i] - 1;
	}
	return -1;
}

static void
idx_rehash(struct idx *x, size_t nslots)
{
	free(x->slot);
	x->nslots = nslots;
	x->slot = lq_xcalloc(nslots, sizeof *x->slot);
	for (size_t j = 0; j < x->n; j++) {
		size_t i = x->ent[j].hash & (nslots - 1);

		while (x->slot[i])
			i = (i + 1) & (nslots - 1);
		x->slot[i] = (uint32_t)j + 1;
	}
}

/* One member: key token k[0..kn) (escapes in it when kesc), value
 * v[0..vn) at offset voff of the object's text. A repeated key keeps its
 * first place and takes the last value, as jansson does. */
static void
idx_add(struct idx *x, ptr k, size_t kn, int kesc, size_t voff, size_t vn)
{
	size_t koff = x->keys.len, klen;
	uint32_t h;
	long at;

	if (kesc)
		decode_string(&x->keys, k, kn);
	else
		lq_buf_add(&x->keys, k + 1, kn - 2);
	klen = x->keys.len - koff;
	h = hash_key(x->keys.data + koff, klen);
	if ((at = idx_find(x, x->keys.data + koff, klen, h)) >= 0) {
		x->keys.len = koff;
		x->dups++;
		x->ent[at].val_off = (uint32_t)voff;
		x->ent[at].val_len = (uint32_t)vn;
		return;
	}
	if (x->n == x->cap)
		x->ent = lq_xreallocarray(x->ent, x->cap = x->cap ? 2 * x->cap : 32, sizeof *x->ent);
	x->ent[x->n] = (struct ent){ (uint32_t)koff, (uint32_t)klen, (uint32_t)voff, (uint32_t)vn, h, UNREAD, (uint32_t)kesc };
	x->n++;
	if (2 * x->n > x->nslots)
		idx_rehash(x, 2 * x->nslots);
	else {
		size_t i = h & (x->nslots - 1);

		while (x->slot[i])
			i = (i + 1) & (x->nslots - 1);
		x->slot[i] = (uint32_t)x->n;
	}
}

/* scan_array for the member whose floats are wanted: also keeps each
 * number's float in fl (fl.scanned stays 1 while every element is a
 * number). */
static ptr
scan_floats(ptr p, ptr e, int depth)
{
	fl.n = 0;
	fl.scanned = 1;
	if (depth > MAX_DEPTH)
		return NULL;
	p = ws(p + 1, e);
	if (p < e && *p == ']')
		return p + 1;
	for (;;) {
		/* p at an element: first a run of vector numbers, each right
		 * after a ',' (vector_number refuses p near e and
		 * leaves room for q[0]; the count and the buffer in locals).
		 * Each takes four bytes at least ("0.d,"), so the buffer is
		 * made room for the rest of the line's first. */
		float *fv = fl.v;
		size_t fn = fl.n, fcap = fl.cap, most = (size_t)(e - p) / 4 + 1;
		double v;
		ptr q;

		if (fcap - fn < most) {
			fcap = fn + most > 2 * fcap ? fn + most : 2 * fcap;
			fv = lq_xreallocarray(fv, fcap < 512 ? (fcap = 512) : fcap, sizeof *fv);
		}
		while ((q = vector_number(p, e, &v)) != NULL) {
			if (*q != ',') {
				if ((*q | 0x20) == 'e')
					q = NULL;	/* an exponent: scan_number_value's */
				else
					fv[fn++] = (float)v;
				break;
			}
			fv[fn++] = (float)v;
			p = q + 1;	/* a space here: vector_number refuses, ws below */
		}
		fl.v = fv, fl.n = fn, fl.cap = fcap;
		if (q) {
			p = q;
			goto next;
		}
		/* an element vector_number does not take */
		p = ws(p, e);
		if (p < e && (*p == '-' || DIGIT(*p))) {
			if ((p = scan_number_value(p, e, &v)) == NULL)
				return NULL;
			if (fl.n == fl.cap)
				fl.v = lq_xreallocarray(fl.v, fl.cap = fl.cap ? 2 * fl.cap : 512, sizeof *fl.v);
			fl.v[fl.n++] = (float)v;
		} else {
			fl.scanned = 0;
			if ((p = scan_value(p, e, depth)) == NULL)
				return NULL;
		}
		if (p < e && *p == ',' && p + 1 < e && (p[1] == '-' || DIGIT(p[1]))) {
			p++;	/* the next number of a compact array */
			continue;
		}
next:
		p = ws(p, e);
		if (p >= e)
			return NULL;
		if (*p == ']')
			return p + 1;
		if (*p != ',')
			return NULL;
		p = ws(p + 1, e);
	}
}

/* The wanted member as a string of padded base64 (embed --vectors
 * base64): decoded into fl.v as it is checked, one pass over the string
 * (every alphabet byte is a plain string byte: nothing else to check).
 * Returns the byte after the closing quote, with the floats kept, when
 * the whole string is base64 of a multiple of 4 bytes; else NULL,
 * nothing kept, and the caller scans the string as any other. The bytes
 * are little-endian float32: kept as floats on such a host only. */
static ptr
scan_base64(ptr p, ptr e)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	size_t most = (size_t)(e - p) / 4 * 3 + 4, len;
	unsigned char *o;
	long t;

	if (fl.cap * sizeof *fl.v < most)
		fl.v = lq_xreallocarray(fl.v, fl.cap = most / sizeof *fl.v + 1, sizeof *fl.v);
	o = (unsigned char *)fl.v;
	p++;
	len = lq_base64_run((const char *)p, (size_t)(e - p), o);
	p += len;
	len = len / 4 * 3;
	if (p < e && *p != '"') {
		/* a padded last group, then the quote */
		if (e - p < 5 || p[3] != '=' || p[4] != '"' || (t = lq_base64_decode_to((const char *)p, 4, o + len)) < 0)
			return NULL;
		len += (size_t)t;
		p += 4;
	}
	if (p >= e || len % 4 != 0)
		return NULL;
	fl.n = len / 4;
	fl.scanned = 1;
	return p + 1;
#else
	(void)p;
	(void)e;
	return NULL;
#endif
}

/* p at '{': returns the byte after the matching '}', or NULL. With x,
 * records the members (offsets from base). */
static ptr
scan_object(ptr p, ptr e, int depth, struct idx *x, ptr base)
{
	if (depth > MAX_DEPTH)
		return NULL;
	p = ws(p + 1, e);
	if (p < e && *p == '}')
		return p + 1;
	for (;;) {
		ptr k = p, v, q;
		int esc = 0, nul = 0;

		if (p >= e || *p != '"' || (p = scan_string(p, e, &esc, &nul)) == NULL || nul)
			return NULL;
		ptr kend = p;
		p = ws(p, e);
		if (p >= e || *p != ':')
			return NULL;
		v = p = ws(p + 1, e);
		if (x && fl.key && !esc && (size_t)(kend - k) == fl.keylen + 2 &&
		    memcmp(k + 1, fl.key, fl.keylen) == 0) {
			/* the member whose floats the stage wants (the last
			 * one, if the key repeats, as jansson keeps) */
			fl.scanned = 0;
			if (p < e && *p == '[') {
				if ((p = scan_floats(p, e, depth + 1)) == NULL)
					return NULL;
				fl.val_off = (size_t)(v - base);
			} else if (p < e && *p == '"' && (q = scan_base64(p, e)) != NULL) {
				p = q;
				fl.val_off = (size_t)(v - base);
			} else if ((p = scan_value(p, e, depth)) == NULL) {
				return NULL;
			}
		} else if ((p = x ? scan_value(p, e, depth) : scan_value_ref(p, e, depth)) == NULL) {
			return NULL;
		}
		if (x)
			idx_add(x, k, (size_t)(kend - k), esc, (size_t)(v - base), (size_t)(p - v));
		p = ws(p, e);
		if (p >= e)
			return NULL;
		if (*p == '}')
			return p + 1;
		if (*p != ',')
			return NULL;
		p = ws(p + 1, e);
	}
}

/* In text the scanner has already passed (a member being parsed): the
 * end of the string at p, found with memchr instead of checking every
 * byte again. */
/* The first '"' in p[0..e), or NULL: memchr, inline for the short
 * strings most members are. */
static inline ptr
find_quote(ptr p, ptr e)
{
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	while (e - p >= 16) {
		int m = _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_loadu_si128((const __m128i *)(const void *)p),
		    _mm_set1_epi8('"')));

		if (m)
			return p + __builtin_ctz((unsigned)m);
		p += 16;
	}
	for (; p < e; p++)
		if (*p == '"')
			return p;
	return NULL;
#else
	return memchr(p, '"', (size_t)(e - p));
#endif
}

static ptr
skip_string_trusted(ptr p, ptr e)
{
	ptr from = p + 1;

	for (;;) {
		ptr q = find_quote(from, e), b;

		if (q == NULL)
			return NULL;
		for (b = q; b > from && b[-1] == '\\'; b--)
			;
		if ((q - b) % 2 == 0)
			return q + 1;
		from = q + 1;		/* an escaped quote */
	}
}

/* The end of the checked value at p. */
static ptr
skip_trusted(ptr p, ptr e)
{
	int depth = 0;

	if (p >= e)
		return NULL;
	if (*p == '"')
		return skip_string_trusted(p, e);
	if (*p != '{' && *p != '[') {
		while (p < e && *p != ',' && *p != '}' && *p != ']' && *p != ' ' && *p != '\t' &&
		    *p != '\n' && *p != '\r')
			p++;
		return p;
	}
	while (p < e) {
		switch (*p) {
		case '"':
			if ((p = skip_string_trusted(p, e)) == NULL)
				return NULL;
			continue;
		case '{': case '[':
			depth++;
			break;
		case '}': case ']':
			if (--depth == 0)
				return p + 1;
			break;
		}
		p++;
	}
	return NULL;
}

/* scan_object for checked text: indexes the members without checking
 * them again. */
static ptr
index_trusted(ptr p, ptr e, struct idx *x, ptr base)
{
	p = ws(p + 1, e);
	if (p < e && *p == '}')
		return p + 1;
	for (;;) {
		ptr k = p, v, kend;

		if (p >= e || *p != '"' || (kend = skip_string_trusted(p, e)) == NULL)
			return NULL;
		p = ws(kend, e);
		if (p >= e || *p != ':')
			return NULL;
		v = p = ws(p + 1, e);
		if ((p = skip_trusted(p, e)) == NULL)
			return NULL;
		idx_add(x, k, (size_t)(kend - k), memchr(k + 1, '\\', (size_t)(kend - k - 2)) != NULL,
		    (size_t)(v - base), (size_t)(p - v));
		p = ws(p, e);
		if (p < e && *p == '}')
			return p + 1;
		if (p >= e || *p != ',')
			return NULL;
		p = ws(p + 1, e);
	}
}

static ptr
scan_array(ptr p, ptr e, int depth)
{
	if (depth > MAX_DEPTH)
		return NULL;
	p = ws(p + 1, e);
	if (p < e && *p == ']')
		return p + 1;
	for (;;) {
		if (p < e && (*p == '-' || DIGIT(*p))) {
			/* A vector's number, -0.ddd: digits eight at a time,
			 * then the separator; any other form, scan_number. */
			ptr q = p + (*p == '-'), r;

			if (e - q > 2 && q[0] == '0' && q[1] == '.' &&
			    (r = skip_digits(q + 2, e)) > q + 2 && r < e && (*r == ',' || *r == ']'))
				p = r;
			else
				p = scan_number(p, e);
		} else {
			p = scan_value_ref(p, e, depth);
		}
		if (p == NULL)
			return NULL;
		if (p < e && *p == ',' && p + 1 < e && (p[1] == '-' || DIGIT(p[1]))) {
			p++;	/* the next number of a compact array */
			continue;
		}
		p = ws(p, e);
		if (p >= e)
			return NULL;
		if (*p == ']')
			return p + 1;
		if (*p != ',')
			return NULL;
		p = ws(p + 1, e);
	}
}

/* The reference scanner of a value: recursive, one function a kind of
 * token. skip_value (below) must take exactly what it takes, and end
 * where it ends (test_lazy, fuzz_lazy). */
static ptr
scan_value_ref(ptr p, ptr e, int depth)
{
	int esc, nul;

	if (p >= e)
		return NULL;
	switch (*p) {
	case '{':
		return scan_object(p, e, depth + 1, NULL, NULL);
	case '[':
		return scan_array(p, e, depth + 1);
	case '"':
		return scan_string(p, e, &esc, &nul);
	case 't':
		return e - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
	case 'f':
		return e - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
	case 'n':
		return e - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
	default:
		return *p == '-' || DIGIT(*p) ? scan_number(p, e) : NULL;
	}
}


/* The end of the string at p (its opening quote), as scan_string finds
 * it; *nul as there (the caller clears it). A string of plain ASCII is
 * passed here, sixteen bytes at a time (eight without SSE2); from the
 * first byte that is not plain, scan_string takes over. */
static inline __attribute__((always_inline)) ptr
skip_string(ptr p, ptr e, int *nul)
{
	ptr q = p + 1;
	int esc;

#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	while (e - q >= 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)q);
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
		    _mm_cmplt_epi8(w, _mm_set1_epi8(0x20))));

		if (m) {
			q += __builtin_ctz((unsigned)m);
			if (*q == '"')
				return q + 1;
			break;
		}
		q += 16;
	}
#elif defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (e - q >= 8) {
		uint64_t w, m, ones = UINT64_C(0x0101010101010101), high = UINT64_C(0x8080808080808080);

		memcpy(&w, q, 8);
		m = ((w - ones * 0x20) | ((w ^ (ones * '"')) - ones) | ((w ^ (ones * '\\')) - ones) | w) & high;
		if (m) {
			/* the lowest marked byte is the first special one */
			q += __builtin_ctzll(m) >> 3;
			if (*q == '"')
				return q + 1;
			break;
		}
		q += 8;
	}
#endif
	/* every byte before q is plain: scan_string from there, as from
	 * an opening quote at q - 1 */
	esc = 0;
	return scan_string(q - 1, e, &esc, nul);
}

/* scan_value without recursion, for the values the scanner only checks
 * (a record's profile): the open containers on a stack of their closing
 * bytes, strings passed by skip_string. Takes exactly what
 * scan_value_ref takes and ends where it ends. */
static ptr
skip_value(ptr p, ptr e, int depth)
{
	/* close[0..sp): the closing bytes of the containers around the
	 * innermost one, whose closer is cl (0: none open) */
	unsigned char close[MAX_DEPTH + 1], cl = 0;
	int sp = 0, nul;

value:
	if (p >= e)
		return NULL;
	switch (*p) {
	case '{':
		if (depth + 1 + sp > MAX_DEPTH)
			return NULL;
		close[sp++] = cl;
		cl = '}';
		p = ws(p + 1, e);
		if (p < e && *p == '}') {
			p++;
			cl = close[--sp];
			goto after;
		}
		goto key;
	case '[':
		if (depth + 1 + sp > MAX_DEPTH)
			return NULL;
		close[sp++] = cl;
		cl = ']';
		p = ws(p + 1, e);
		if (p < e && *p == ']') {
			p++;
			cl = close[--sp];
			goto after;
		}
		goto value;
	case '"':
		nul = 0;
		if ((p = skip_string(p, e, &nul)) == NULL)
			return NULL;
		goto after;
	case 't':
		if (e - p < 4 || memcmp(p, "true", 4) != 0)
			return NULL;
		p += 4;
		goto after;
	case 'f':
		if (e - p < 5 || memcmp(p, "false", 5) != 0)
			return NULL;
		p += 5;
		goto after;
	case 'n':
		if (e - p < 4 || memcmp(p, "null", 4) != 0)
			return NULL;
		p += 4;
		goto after;
	default:
		if (*p != '-' && !DIGIT(*p))
			return NULL;
		for (;;) {
			/* a vector's number, -0.ddd, its digits eight at a time
			 * (as scan_array takes it); any other, scan_number */
			ptr q = p + (*p == '-'), r;

			if (q < e && *q == '0' && e - q > 2 && q[1] == '.' && (r = skip_digits(q + 2, e)) > q + 2 &&
			    r < e && (*r == ',' || *r == ']'))
				p = r;
			else if ((p = scan_number(p, e)) == NULL)
				return NULL;
			/* the next number of a compact array */
			if (cl == ']' && p + 1 < e && *p == ',' && (p[1] == '-' || DIGIT(p[1]))) {
				p++;
				continue;
			}
			goto after;
		}
	}
key:
	nul = 0;
	if (p >= e || *p != '"' || (p = skip_string(p, e, &nul)) == NULL || nul)
		return NULL;
	p = ws(p, e);
	if (p >= e || *p != ':')
		return NULL;
	p = ws(p + 1, e);
	if (p < e && *p == '"') {
		/* the usual member, "key":"string": no turn through value */
		if ((p = skip_string(p, e, &nul)) == NULL)
			return NULL;
		goto after;
	}
	goto value;
after:
	if (cl == 0)
		return p;
	p = ws(p, e);
	if (p >= e)
		return NULL;
	if (*p == ',') {
		p = ws(p + 1, e);
		if (cl == '}')
			goto key;
		goto value;
	}
	if (*p != cl)
		return NULL;
	p++;
	cl = close[--sp];
	goto after;
}

/* A value the scanner only checks. */
static ptr
scan_value(ptr p, ptr e, int depth)
{
	return use_ref ? scan_value_ref(p, e, depth) : skip_value(p, e, depth);
}

void
lq_lazy_reference(int on)
{
	use_ref = on;
}
/* ---- lazy objects --------------------------------------------------- */

static struct hdr *
hold(const json_t *o)
{
	json_t *h;
	struct hdr *hd;
	void *it;

	if (!json_is_object(o))
		return NULL;
	/* HKEY is the first member set on a lazy object (lazy_build_end,
	 * lq_lazy_pristine) and never deleted and set again, and jansson
	 * iterates in the order members were set: an object whose first key
	 * is not HKEY holds none, and one whose first key is holds it there,
	 * without a lookup by hash. A first key that starts with NUL and is
	 * not HKEY (no line can make one) is looked up as before. */
	if ((it = __real_json_object_iter((json_t *)(uintptr_t)o)) == NULL)
		return NULL;
	if (json_object_iter_key(it)[0] != '\0')
		return NULL;
	if (json_object_iter_key_len(it) == HKEY_LEN && memcmp(json_object_iter_key(it), HKEY, HKEY_LEN) == 0)
		h = json_object_iter_value(it);
	else
		h = __real_json_object_getn(o, HKEY, HKEY_LEN);
	if (h == NULL || !json_is_string(h) || json_string_length(h) < sizeof *hd)
		return NULL;
	hd = (struct hdr *)(uintptr_t)json_string_value(h);
	return hd->magic == MAGIC ? hd : NULL;
}

#define ENT(hd) ((struct ent *)((hd) + 1))
#define SLOTS(hd) ((uint32_t *)(ENT(hd) + (hd)->n))
#define KEYS(hd) ((char *)(SLOTS(hd) + (hd)->nslots))

/* Where hd's value offsets count from. */
static const char *
textbase(const json_t *o, const struct hdr *hd)
{
	(void)o;
	return json_string_value(hd->own);
}

/* The string that holds o's text: what a member parsed from it refers to. */
static json_t *
textowner(const json_t *o, const struct hdr *hd)
{
	(void)o;
	return hd->own;
}

static int
hidden(const char *k, size_t n)
{
	return n == HKEY_LEN && (memcmp(k, HKEY, n) == 0 || memcmp(k, HTEXT, n) == 0);
}

static long
find(const struct hdr *hd, const char *k, size_t n)
{
	uint32_t h = hash_key(k, n), m = hd->nslots - 1, i = h & m;
	const struct ent *ent = ENT(hd);
	const uint32_t *slot = SLOTS(hd);

	for (; slot[i]; i = (i + 1) & m) {
		const struct ent *t = &ent[slot[i] - 1];

		if (t->hash == h && t->key_len == n && memcmp(KEYS(hd) + t->key_off, k, n) == 0)
			return (long)slot[i] - 1;
	}
	return -1;
}

static json_t *lazy_build(const char *s, size_t n, json_t *owner);
static json_t *lazy_build_end(const char *s, size_t n, json_t *owner, const char **endp);

json_t *
lq_lazy_parse(const char *s, size_t n)
{
	return lazy_build(s, n, NULL);
}

/* The lazy object of s[0..n). With owner, s lies inside the text of that
 * string (a member's text the scanner has passed): it is only indexed,
 * and the object refers to owner's text instead of copying it. */
static json_t *
lazy_build(const char *s, size_t n, json_t *owner)
{
	return lazy_build_end(s, n, owner, NULL);
}

/* lazy_build; with endp, the object need not fill s[0..n): it ends
 * where its closing brace is, which *endp is set to. */
static json_t *
lazy_build_end(const char *s, size_t n, json_t *owner, const char **endp)
{
	static struct idx x;
	static struct lq_buf out = LQ_BUF_INIT;
	ptr b = (ptr)s, e = b + n, start, end;
	struct hdr hd;
	size_t size, raw_off;
	json_t *o, *h, *own;
	const char *base = owner ? json_string_value(owner) : NULL;

	if (!plain['a'])
		plain_init();
	if (n >= UINT32_MAX / 2)
		return NULL;
	start = ws(b, e);
	if (start >= e || *start != '{')
		return NULL;
	x.n = x.dups = 0;
	lq_buf_reset(&x.keys);
	if (x.nslots == 0)
		idx_rehash(&x, 64);
	else
		memset(x.slot, 0, x.nslots * sizeof *x.slot);
	fl.scanned = 0;
	end = owner ? index_trusted(start, e, &x, start) : scan_object(start, e, 1, &x, start);
	if (end == NULL || (endp == NULL && ws(end, e) != e))
		return NULL;
	if (endp)
		*endp = (const char *)end;
	/* Lay out the hidden member (header, entries, slots, keys, text) in
	 * a buffer kept between calls; jansson copies it once. */
	hd.magic = MAGIC;
	hd.fl_off = hd.fl_n = hd.fl_val_off = 0;
	hd.n = (uint32_t)x.n;
	hd.nslots = 8;
	while (hd.nslots < 2 * x.n)
		hd.nslots *= 2;
	hd.dups = x.dups > 0;
	hd.keys_len = (uint32_t)x.keys.len;
	size = sizeof hd + x.n * sizeof(struct ent) + hd.nslots * sizeof(uint32_t);
	/* The text goes into its own string (HTEXT), copied once from the
	 * line; a nested object refers to its outermost object's. */
	own = owner ? json_incref(owner) : json_stringn_nocheck((const char *)start, (size_t)(end - start));
	raw_off = owner ? (size_t)((const char *)start - base) : 0;
	hd.raw_off = (uint32_t)raw_off;
	hd.raw_len = (uint32_t)(end - start);
	hd.own = own;
	lq_buf_reset(&out);
	lq_buf_grow(&out, size + x.keys.len);
	lq_buf_add(&out, &hd, sizeof hd);
	for (size_t i = 0; i < x.n; i++) {
		struct ent t = x.ent[i];

		t.val_off += (uint32_t)raw_off;
		lq_buf_add(&out, &t, sizeof t);
	}
	{
		uint32_t *slot = (uint32_t *)(void *)(out.data + out.len);

		memset(slot, 0, hd.nslots * sizeof *slot);
		for (size_t j = 0; j < x.n; j++) {
			size_t i = x.ent[j].hash & (hd.nslots - 1);

			while (slot[i])
				i = (i + 1) & (hd.nslots - 1);
			slot[i] = (uint32_t)j + 1;
		}
		out.len += hd.nslots * sizeof *slot;
	}
	lq_buf_add(&out, x.keys.data, x.keys.len);
	if (fl.scanned && owner == NULL) {
		/* the wanted floats, at a multiple of 4 bytes (jansson's copy
		 * of the string is malloc'd: aligned) */
		static const char zeros[4];
		struct hdr *h0;

		lq_buf_add(&out, zeros, (4 - out.len % 4) % 4);
		h0 = (struct hdr *)(void *)out.data;
		h0->fl_off = (uint32_t)out.len;
		h0->fl_n = (uint32_t)fl.n;
		h0->fl_val_off = (uint32_t)fl.val_off;
		lq_buf_add(&out, fl.v, fl.n * sizeof *fl.v);
	}
	o = json_object();
	h = json_stringn_nocheck(out.data, out.len);
	if (o == NULL || h == NULL || own == NULL || json_object_setn_new_nocheck(o, HKEY, HKEY_LEN, h) != 0 ||
	    json_object_setn_new_nocheck(o, HTEXT, HTEXT_LEN, own) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	lazy_used = 1;
	return o;
}

int
lq_lazy_is(const json_t *o)
{
	return lazy_used && hold(o) != NULL;
}

static int parse_number(ptr *pp, ptr e, double *out);
static json_t *parse_value(const char *v, size_t n, json_t *owner);

/* Objects this small are parsed whole when first read: the bookkeeping
 * of a lazy object costs more than parsing them (timePeriod, company). */
#define EAGER_MAX 256

/* The checked object text p[0..e) as a plain object. */
static json_t *
eager_object(ptr p, ptr e, json_t *owner)
{
	json_t *o = json_object();
	struct lq_buf key = LQ_BUF_INIT;

	p = ws(p + 1, e);
	while (p < e && *p != '}') {
		ptr k = p, kend = skip_string_trusted(p, e), v, q;
		json_t *x = NULL;

		if (kend == NULL)
			goto bad;
		lq_buf_reset(&key);
		if (memchr(k + 1, '\\', (size_t)(kend - k - 2)))
			decode_string(&key, k, (size_t)(kend - k));
		else
			lq_buf_add(&key, k + 1, (size_t)(kend - k - 2));
		p = ws(kend, e);
		if (p >= e || *p != ':')
			goto bad;
		v = ws(p + 1, e);
		if ((q = skip_trusted(v, e)) == NULL ||
		    (x = parse_value((const char *)v, (size_t)(q - v), owner)) == NULL)
			goto bad;
		json_object_setn_new_nocheck(o, key.data ? key.data : "", key.len, x);
		p = ws(q, e);
		if (p < e && *p == ',')
			p = ws(p + 1, e);
	}
	lq_buf_free(&key);
	return o;
bad:
	lq_buf_free(&key);
	json_decref(o);
	return NULL;
}

/* The value in the checked text v[0..n): objects lazy, arrays built
 * here (their objects lazy too), scalars as jansson would make them.
 * NULL only if the text is not what the scanner passed. */
static json_t *
parse_value(const char *v, size_t n, json_t *owner)
{
	ptr p = (ptr)v, e = p + n;

	switch (v[0]) {
	case '{':
		return n <= EAGER_MAX ? eager_object(p, e, owner) : lazy_build(v, n, owner);
	case '[': {
		json_t *a = json_array();

		p = ws(p + 1, e);
		while (p < e && *p != ']') {
			ptr q = NULL;
			json_t *x;

			if (*p == '{' && (q = skip_trusted(p, e - p > EAGER_MAX + 1 ? p + EAGER_MAX + 1 : e)) == NULL) {
				/* An object larger than EAGER_MAX: its end found by
				 * the pass that indexes it, not by one more before. */
				const char *end = NULL;

				x = lazy_build_end((const char *)p, (size_t)(e - p), owner, &end);
				q = (ptr)end;
			} else {
				if (*p != '{')
					q = skip_trusted(p, e);
				x = q ? parse_value((const char *)p, (size_t)(q - p), owner) : NULL;
			}
			if (x == NULL) {
				json_decref(a);
				return NULL;
			}
			json_array_append_new(a, x);
			p = ws(q, e);
			if (p < e && *p == ',')
				p = ws(p + 1, e);
		}
		return a;
	}
	case '"':
		if (memchr(v, '\\', n) == NULL)
			return json_stringn_nocheck(v + 1, n - 2);
		{
			struct lq_buf b = LQ_BUF_INIT;
			json_t *s;

			decode_string(&b, p, n);
			s = json_stringn_nocheck(b.data ? b.data : "", b.len);
			lq_buf_free(&b);
			return s;
		}
	case 't':
		return json_true();
	case 'f':
		return json_false();
	case 'n':
		return json_null();
	default: {
		double d;

		if (memchr(v, '.', n) || memchr(v, 'e', n) || memchr(v, 'E', n))
			return parse_number(&p, e, &d) == 0 ? json_real(d) : NULL;
		return json_integer((json_int_t)strtoll(v, NULL, 10));
	}
	}
}

/* Parses member i of hd's object: a new reference. */
static json_t *
parse_member(const json_t *o, const struct hdr *hd, size_t i)
{
	const struct ent *t = &ENT(hd)[i];
	const char *v = textbase(o, hd) + t->val_off;
	json_error_t err;
	json_t *j = parse_value(v, t->val_len, textowner(o, hd));

	if (j == NULL && (j = json_loadb(v, t->val_len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "internal error: member \"%.*s\" the scanner passed: %s",
		    (int)t->key_len, KEYS(hd) + t->key_off, err.text);
	return j;
}

static json_t *
lazy_get(const json_t *o, const char *key, size_t n)
{
	struct hdr *hd = hold(o);
	struct ent *t;
	json_t *v;
	long i;

	if (hd == NULL || (i = find(hd, key, n)) < 0 || (t = &ENT(hd)[i])->state != UNREAD)
		return NULL;
	v = parse_member(o, hd, (size_t)i);
	t->state = PARSED;
	if (json_object_setn_new_nocheck((json_t *)(uintptr_t)o, key, n, v) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	return v;
}

json_t *
lq_lazy_peek(const json_t *o, const char *key, const char **raw, size_t *rawlen)
{
	json_t *v = __real_json_object_get(o, key);
	struct hdr *hd;
	long i;

	*raw = NULL;
	*rawlen = 0;
	if (v || !lazy_used || (hd = hold(o)) == NULL)
		return v;
	if ((i = find(hd, key, strlen(key))) >= 0 && ENT(hd)[i].state == UNREAD) {
		*raw = textbase(o, hd) + ENT(hd)[i].val_off;
		*rawlen = ENT(hd)[i].val_len;
	}
	return NULL;
}

void
lq_lazy_want_floats(const char *key)
{
	if (fl.key && strcmp(fl.key, key) == 0)
		return;
	free(fl.key);
	fl.key = lq_xstrdup(key);
	fl.keylen = strlen(key);
}

const float *
lq_lazy_floats(const json_t *o, const char *key, size_t *n)
{
	struct hdr *hd;
	long i;

	size_t kn = strlen(key);

	/* the member at fl_val_off is the one the floats are of */
	if (!lazy_used || (hd = hold(o)) == NULL || hd->fl_off == 0 ||
	    (i = find(hd, key, kn)) < 0 || ENT(hd)[i].state != UNREAD ||
	    ENT(hd)[i].val_off != hd->fl_val_off || __real_json_object_getn(o, key, kn) != NULL)
		return NULL;
	*n = hd->fl_n;
	return (const float *)(const void *)((const char *)hd + hd->fl_off);
}

json_t *
lq_lazy_pristine(const json_t *o)
{
	struct hdr *hd;
	json_t *c, *h, *own;
	size_t len;

	if (!lazy_used || (hd = hold(o)) == NULL)
		return NULL;
	len = json_string_length(__real_json_object_getn(o, HKEY, HKEY_LEN));
	own = json_incref(textowner(o, hd));
	c = json_object();
	h = json_stringn_nocheck((const char *)hd, len);
	if (c == NULL || h == NULL || own == NULL || json_object_setn_new_nocheck(c, HKEY, HKEY_LEN, h) != 0 ||
	    json_object_setn_new_nocheck(c, HTEXT, HTEXT_LEN, own) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	hd = (struct hdr *)(uintptr_t)json_string_value(h);
	for (size_t i = 0; i < hd->n; i++)
		ENT(hd)[i].state = UNREAD;
	return c;
}

static void materialize_deep(json_t *j);

void
lq_lazy_materialize(json_t *o, int deep)
{
	struct hdr *hd;
	struct { size_t off, n; json_t *v; } *m;
	size_t nm = 0, i;
	struct lq_buf keys = LQ_BUF_INIT;

	if (!lazy_used)
		return;
	if ((hd = hold(o)) != NULL) {
		size_t total = hd->n + __real_json_object_size(o);

		m = lq_xcalloc(total, sizeof *m);
		/* the keys live in the hidden member, which clearing frees */
		lq_buf_add(&keys, KEYS(hd), hd->keys_len);
		for (i = 0; i < hd->n; i++) {
			struct ent *t = &ENT(hd)[i];
			json_t *v = __real_json_object_getn(o, KEYS(hd) + t->key_off, t->key_len);

			if (v)
				json_incref(v);
			else if (t->state == UNREAD)
				v = parse_member(o, hd, i);
			else
				continue;
			m[nm].off = t->key_off;
			m[nm].n = t->key_len;
			m[nm++].v = v;
		}
		for (void *it = __real_json_object_iter(o); it; it = json_object_iter_next(o, it)) {
			const char *k = json_object_iter_key(it);
			size_t kn = json_object_iter_key_len(it);

			if (hidden(k, kn) || find(hd, k, kn) >= 0)
				continue;
			m[nm].off = keys.len;
			lq_buf_add(&keys, k, kn);
			m[nm].n = kn;
			m[nm++].v = json_incref(json_object_iter_value(it));
		}
		json_object_clear(o);
		for (i = 0; i < nm; i++)
			json_object_setn_new_nocheck(o, keys.data + m[i].off, m[i].n, m[i].v);
		free(m);
		lq_buf_free(&keys);
	}
	if (deep)
		for (void *it = __real_json_object_iter(o); it; it = json_object_iter_next(o, it))
			materialize_deep(json_object_iter_value(it));
}

static void
materialize_deep(json_t *j)
{
	if (json_is_object(j)) {
		lq_lazy_materialize(j, 1);
	} else if (json_is_array(j)) {
		for (size_t i = 0; i < json_array_size(j); i++)
			materialize_deep(json_array_get(j, i));
	}
}

static int
is_scalar(const json_t *v)
{
	return !json_is_object(v) && !json_is_array(v);
}

static int
omitted(const char *const *omit, const char *k, size_t n)
{
	for (; omit && *omit; omit++)
		if (strlen(*omit) == n && memcmp(*omit, k, n) == 0)
			return 1;
	return 0;
}

int
lq_lazy_dump(struct lq_buf *b, const json_t *o, const char *const *omit)
{
	/* kept between calls (one thread); a nested object's dump, inside
	 * lq_json_dump of a member, takes its own */
	static json_t **vals_free;
	static void **added_free;
	static size_t vals_free_cap, added_free_cap;
	json_t **vals = NULL;
	void **added = NULL;
	size_t nvals_cap = 0, nadded_cap = 0, nadded;
	struct hdr *hd;
	size_t start = b->len, i;
	int first = 1, verbatim;
	const char *text;

	if (!lazy_used || (hd = hold(o)) == NULL)
		return -1;
	text = textbase(o, hd);
	if (omit == NULL && !hd->dups && __real_json_object_size(o) == 2) {
		/* Nothing read, set or deleted (only the hidden members are
		 * real): the object's own text, without a look at each member. */
		for (i = 0; i < hd->n && ENT(hd)[i].state == UNREAD; i++)
			;
		if (i == hd->n) {
			lq_buf_add(b, text + hd->raw_off, hd->raw_len);
			return 0;
		}
	}
	verbatim = !hd->dups;	/* a repeated key is written once, as jansson would */
	/* The object's real members, looked up in the index once: vals[i]
	 * is entry i's (NULL: none), added[] those not in the index, in
	 * jansson's order. */
	{
		size_t nreal = __real_json_object_size(o);

		vals = vals_free, nvals_cap = vals_free_cap, vals_free = NULL, vals_free_cap = 0;
		added = added_free, nadded_cap = added_free_cap, added_free = NULL, added_free_cap = 0;
		if (hd->n > nvals_cap) {
			free(vals);
			vals = lq_xreallocarray(NULL, nvals_cap = hd->n + 64, sizeof *vals);
		}
		if (nreal > nadded_cap) {
			free(added);
			added = lq_xreallocarray(NULL, nadded_cap = nreal + 64, sizeof *added);
		}
		if (hd->n > 0)	/* vals is NULL for an empty object ({}): memset(NULL, 0, 0) is undefined */
			memset(vals, 0, hd->n * sizeof *vals);
		nadded = 0;
		for (void *it = __real_json_object_iter((json_t *)(uintptr_t)o); it;
		    it = json_object_iter_next((json_t *)(uintptr_t)o, it)) {
			const char *k = json_object_iter_key(it);
			size_t kn = json_object_iter_key_len(it);
			long at;

			if (hidden(k, kn))
				continue;
			if ((at = find(hd, k, kn)) >= 0)
				vals[at] = json_object_iter_value(it);
			else
				added[nadded++] = it;
		}
	}
	lq_buf_addc(b, '{');
	for (i = 0; i < hd->n; i++) {
		const struct ent *t = &ENT(hd)[i];
		const char *k = KEYS(hd) + t->key_off, *raw = text + t->val_off;
		json_t *v = vals[i];
		size_t at;

		if ((!v && t->state != UNREAD) || omitted(omit, k, t->key_len)) {
			verbatim = 0;
			continue;
		}
		if (!first)
			lq_buf_addc(b, ',');
		first = 0;
		if (t->kesc) {
			lq_json_dump_string(b, k, t->key_len);
		} else {
			/* no escape in the text: nothing to escape in the key */
			lq_buf_addc(b, '"');
			lq_buf_add(b, k, t->key_len);
			lq_buf_addc(b, '"');
		}
		lq_buf_addc(b, ':');
		at = b->len;
		if (v == NULL) {
			lq_buf_add(b, raw, t->val_len);
			continue;
		}
		/* A string read and left alone: its bytes are the text's
		 * between the quotes (an escape would make them differ). */
		if (json_is_string(v) && raw[0] == '"' && json_string_length(v) == t->val_len - 2 &&
		    memcmp(json_string_value(v), raw + 1, t->val_len - 2) == 0) {
			lq_buf_add(b, raw, t->val_len);
			continue;
		}
		lq_json_dump(b, v);
		if (b->len - at == t->val_len && memcmp(b->data + at, raw, t->val_len) == 0)
			continue;
		/* A string set in place of a value that was not a string, or
		 * of a string without escapes (whose bytes differed above):
		 * changed, without parsing the text to find out. */
		if (json_is_string(v) && (raw[0] != '"' || memchr(raw + 1, '\\', t->val_len - 2) == NULL)) {
			verbatim = 0;
			continue;
		}
		/* A value read and left alone goes out as it came (this costs
		 * a parse only when the text was not in the writer's form). */
		{
			json_t *was = json_loadb(raw, t->val_len, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

			if (!is_scalar(v))
				materialize_deep(v);
			if (was && __real_json_equal(was, v)) {
				b->len = at;
				lq_buf_add(b, raw, t->val_len);
				json_decref(was);
				continue;
			}
			json_decref(was);
		}
		verbatim = 0;
	}
	for (size_t j = 0; j < nadded; j++) {
		void *it = added[j];
		const char *k = json_object_iter_key(it);
		size_t kn = json_object_iter_key_len(it);

		if (omitted(omit, k, kn))
			continue;
		verbatim = 0;
		if (!first)
			lq_buf_addc(b, ',');
		first = 0;
		lq_json_dump_string(b, k, kn);
		lq_buf_addc(b, ':');
		lq_json_dump(b, json_object_iter_value(it));
	}
	lq_buf_addc(b, '}');
	if (verbatim) {
		/* Nothing changed: the object's own text, spacing and all. */
		b->len = start;
		lq_buf_add(b, text + hd->raw_off, hd->raw_len);
	}
	/* the buffers back for the next call (a nested call may have put
	 * its own there meanwhile) */
	if (vals_free == NULL)
		vals_free = vals, vals_free_cap = nvals_cap;
	else
		free(vals);
	if (added_free == NULL)
		added_free = added, added_free_cap = nadded_cap;
	else
		free(added);
	return 0;
}

/* ---- the wrappers ----------------------------------------------------- */

json_t *
__wrap_json_object_get(const json_t *o, const char *key)
{
	json_t *v = __real_json_object_get(o, key);

	if (v || !lazy_used || key == NULL)
		return v;
	return lazy_get(o, key, strlen(key));
}

json_t *
__wrap_json_object_getn(const json_t *o, const char *key, size_t n)
{
	json_t *v = __real_json_object_getn(o, key, n);

	if (v || !lazy_used || key == NULL)
		return v;
	return lazy_get(o, key, n);
}

static int
lazy_del(json_t *o, const char *key, size_t n, int r)
{
	struct hdr *hd;
	long i;

	if (lazy_used && (hd = hold(o)) != NULL && (i = find(hd, key, n)) >= 0 &&
	    ENT(hd)[i].state != DELETED) {
		int was = (int)ENT(hd)[i].state;

		ENT(hd)[i].state = DELETED;
		if (was == UNREAD)
			return 0;
	}
	return r;
}

int
__wrap_json_object_del(json_t *o, const char *key)
{
	return lazy_del(o, key, key ? strlen(key) : 0, __real_json_object_del(o, key));
}

int
__wrap_json_object_deln(json_t *o, const char *key, size_t n)
{
	return lazy_del(o, key, n, __real_json_object_deln(o, key, n));
}

size_t
__wrap_json_object_size(const json_t *o)
{
	lq_lazy_materialize((json_t *)(uintptr_t)o, 0);
	return __real_json_object_size(o);
}

void *
__wrap_json_object_iter(json_t *o)
{
	lq_lazy_materialize(o, 0);
	return __real_json_object_iter(o);
}

void *
__wrap_json_object_iter_at(json_t *o, const char *key)
{
	lq_lazy_materialize(o, 0);
	return __real_json_object_iter_at(o, key);
}

#define BOTH(fn) \
int __wrap_##fn(json_t *o, json_t *other) \
{ \
	lq_lazy_materialize(o, 0); \
	lq_lazy_materialize(other, 0); \
	return __real_##fn(o, other); \
}
BOTH(json_object_update)
BOTH(json_object_update_existing)
BOTH(json_object_update_missing)
BOTH(json_object_update_recursive)

int
__wrap_json_equal(const json_t *a, const json_t *b)
{
	if (lazy_used) {
		materialize_deep((json_t *)(uintptr_t)a);
		materialize_deep((json_t *)(uintptr_t)b);
	}
	return __real_json_equal(a, b);
}

#define DEEP(j) do { if (lazy_used) materialize_deep((json_t *)(uintptr_t)(j)); } while (0)

char *
__wrap_json_dumps(const json_t *j, size_t flags)
{
	char *s, *c;

	DEEP(j);
	s = __real_json_dumps(j, flags);
	if (s == NULL || !lq_jalloc_on())
		return s;
	/* the caller frees it with free(): a malloc'd copy (jalloc.h) */
	c = strdup(s);
	lq_jalloc_free(s);
	return c;
}

size_t
__wrap_json_dumpb(const json_t *j, char *buf, size_t size, size_t flags)
{
	DEEP(j);
	return __real_json_dumpb(j, buf, size, flags);
}

int
__wrap_json_dumpf(const json_t *j, FILE *fp, size_t flags)
{
	DEEP(j);
	return __real_json_dumpf(j, fp, flags);
}

int
__wrap_json_dumpfd(const json_t *j, int fd, size_t flags)
{
	DEEP(j);
	return __real_json_dumpfd(j, fd, flags);
}

int
__wrap_json_dump_file(const json_t *j, const char *path, size_t flags)
{
	DEEP(j);
	return __real_json_dump_file(j, path, flags);
}

int
__wrap_json_dump_callback(const json_t *j, json_dump_callback_t cb, void *data, size_t flags)
{
	DEEP(j);
	return __real_json_dump_callback(j, cb, data, flags);
}

int
__wrap_json_vunpack_ex(json_t *root, json_error_t *err, size_t flags, const char *fmt, va_list ap)
{
	DEEP(root);
	return __real_json_vunpack_ex(root, err, flags, fmt, ap);
}

int
__wrap_json_unpack(json_t *root, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = __wrap_json_vunpack_ex(root, NULL, 0, fmt, ap);
	va_end(ap);
	return r;
}

int
__wrap_json_unpack_ex(json_t *root, json_error_t *err, size_t flags, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = __wrap_json_vunpack_ex(root, err, flags, fmt, ap);
	va_end(ap);
	return r;
}

/* jansson copies keys as C strings, which would lose the hidden one. */
json_t *
__wrap_json_copy(json_t *j)
{
	lq_lazy_materialize(j, 0);
	return __real_json_copy(j);
}

json_t *
__wrap_json_deep_copy(const json_t *j)
{
	DEEP(j);
	return __real_json_deep_copy(j);
}

/* ---- numbers ---------------------------------------------------------- */

/* What strtod makes of s[0..end) (number_value's slow path). */
static __attribute__((noinline)) double
number_strtod(ptr s, ptr end)
{
	char tmp[64], *t = (size_t)(end - s) < sizeof tmp ? tmp : lq_xmalloc((size_t)(end - s) + 1);
	double v;

	memcpy(t, s, (size_t)(end - s));
	t[end - s] = '\0';
	v = strtod(t, NULL);
	if (t != tmp)
		free(t);
	return v;
}

/* Parses the number at *pp: the double strtod would give (number_value). */
static int
parse_number(ptr *pp, ptr e, double *out)
{
	ptr p = *pp, start, d;
	uint64_t w = 0;
	int neg = 0;
	long e10 = 0, nd;

	if (p < e && *p == '-')
		neg = 1, p++;
	start = p;
	if (p >= e || !DIGIT(*p) || (*p == '0' && p + 1 < e && DIGIT(p[1])))
		return -1;
	/* w wraps past 19 digits; then strtod decides */
	while (p < e && DIGIT(*p))
		w = w * 10 + (uint64_t)(*p++ - '0');
	nd = p - start;
	if (p < e && *p == '.') {
		d = ++p;
		p = take_digits(p, e, &w);
		if (p == d)
			return -1;
		e10 = -(long)(p - d);
		nd += p - d;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		long x = 0;
		int eneg = 0;

		p++;
		if (p < e && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		d = p;
		for (; p < e && DIGIT(*p); p++)
			if (x < 100000)
				x = x * 10 + (*p - '0');
		if (p == d)
			return -1;
		e10 += eneg ? -x : x;
	}
	*pp = p;
	*out = number_value(w, nd, e10, neg, start - neg, p);
	return 0;
}

long
lq_json_floats(const char *s, size_t n, float *out, size_t cap, size_t *bad)
{
	ptr p = (ptr)s, e = p + n;
	size_t k = 0;

	*bad = SIZE_MAX;
	if (!plain['a'])
		plain_init();
	p = ws(p, e);
	if (p >= e || *p != '[')
		return -1;
	p = ws(p + 1, e);
	if (p < e && *p == ']')
		return ws(p + 1, e) == e ? 0 : -1;
	for (;;) {
		double v;

		if (parse_number(&p, e, &v) != 0) {
			/* not a number: 0, and its index for the message */
			if ((p = scan_value(p, e, 1)) == NULL)
				return -1;
			v = 0;
			if (*bad == SIZE_MAX)
				*bad = k;
		}
		if (k < cap)
			out[k] = (float)v;
		k++;
		p = ws(p, e);
		if (p < e && *p == ',') {
			p = ws(p + 1, e);
			continue;
		}
		if (p < e && *p == ']')
			break;
		return -1;
	}
	return ws(p + 1, e) == e ? (long)k : -1;
}
