/* base64.c: RFC 4648 base64. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "util.h"

static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

char *
lq_base64_encode(const unsigned char *p, size_t n)
{
	char *out = lq_xmalloc((n + 2) / 3 * 4 + 1), *o = out;
	size_t i;

	for (i = 0; i + 2 < n; i += 3) {
		*o++ = alphabet[p[i] >> 2];
		*o++ = alphabet[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
		*o++ = alphabet[((p[i + 1] & 15) << 2) | (p[i + 2] >> 6)];
		*o++ = alphabet[p[i + 2] & 63];
	}
	if (i < n) {
		*o++ = alphabet[p[i] >> 2];
		if (i + 1 < n) {
			*o++ = alphabet[((p[i] & 3) << 4) | (p[i + 1] >> 4)];
			*o++ = alphabet[(p[i + 1] & 15) << 2];
		} else {
			*o++ = alphabet[(p[i] & 3) << 4];
			*o++ = '=';
		}
		*o++ = '=';
	}
	*o = '\0';
	return out;
}

/* The value of a base64 character, or 0xff: a constant expression, so
 * the tables below are made by the compiler. */
#define B64V(c) ((c) >= 'A' && (c) <= 'Z' ? (c) - 'A' : (c) >= 'a' && (c) <= 'z' ? (c) - 'a' + 26 : \
	(c) >= '0' && (c) <= '9' ? (c) - '0' + 52 : (c) == '+' ? 62 : (c) == '/' ? 63 : 0xff)
/* A character's six bits already in place for its position k (0..3) in
 * a group of four; a character outside the alphabet (padding included)
 * sets the top byte, so one test on the OR of a group's four finds it. */
#define B64T(c, k) (B64V(c) == 0xff ? UINT32_C(0xff000000) : (uint32_t)B64V(c) << (18 - 6 * (k)))
#define T4(i, k) B64T((i), k), B64T((i) + 1, k), B64T((i) + 2, k), B64T((i) + 3, k)
#define T16(i, k) T4((i), k), T4((i) + 4, k), T4((i) + 8, k), T4((i) + 12, k)
#define T64(i, k) T16((i), k), T16((i) + 16, k), T16((i) + 32, k), T16((i) + 48, k)
#define T256(k) T64(0, k), T64(64, k), T64(128, k), T64(192, k)

static const uint32_t dec[4][256] = { { T256(0) }, { T256(1) }, { T256(2) }, { T256(3) } };

size_t
lq_base64_decoded_len(const char *s, size_t n)
{
	if (n == 0 || n % 4 != 0)
		return n / 4 * 3;
	return n / 4 * 3 - (s[n - 1] == '=') - (s[n - 1] == '=' && s[n - 2] == '=');
}

/* Three bytes at o from a group's 24 bits, with one four-byte store on
 * a little-endian host: o[3] is written too. */
static inline void
put3(unsigned char *o, uint32_t u)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	u = __builtin_bswap32(u << 8);
	memcpy(o, &u, 4);
#else
	o[0] = (unsigned char)(u >> 16);
	o[1] = (unsigned char)(u >> 8);
	o[2] = (unsigned char)u;
#endif
}

#define GROUP(p) (dec[0][(p)[0]] | dec[1][(p)[1]] | dec[2][(p)[2]] | dec[3][(p)[3]])

size_t
lq_base64_run(const char *s, size_t n, unsigned char *out)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n / 4 * 4;
	unsigned char *o = out;
	uint32_t u, w;

	/* two groups a turn, one test for both: eight table reads, six
	 * bytes (put3's store writes one past them: out's byte of room) */
	for (; end - p >= 8; p += 8, o += 6) {
		u = GROUP(p);
		w = GROUP(p + 4);
		if ((u | w) >> 24)
			break;
		put3(o, u);
		put3(o + 3, w);
	}
	for (; p < end; p += 4, o += 3) {
		if ((u = GROUP(p)) >> 24)
			break;
		put3(o, u);
	}
	return (size_t)(p - (const unsigned char *)s);
}

long
lq_base64_decode_to(const char *s, size_t n, unsigned char *out)
{
	const unsigned char *p;
	unsigned char *o;
	uint32_t u;

	if (n % 4 != 0)
		return -1;
	if (n == 0)
		return 0;
	/* every group but the last (the byte the run writes past them is
	 * the first of the last group's, which it always has) */
	if (lq_base64_run(s, n - 4, out) != n - 4)
		return -1;
	p = (const unsigned char *)s + n - 4;
	o = out + (n - 4) / 4 * 3;
	/* the last group: "xx==" one byte, "xxx=" two, "xxxx" three */
	u = dec[0][p[0]] | dec[1][p[1]];
	if (p[3] != '=')
		u |= dec[2][p[2]] | dec[3][p[3]];
	else if (p[2] != '=')
		u |= dec[2][p[2]];
	if (u >> 24)
		return -1;
	*o++ = (unsigned char)(u >> 16);
	if (p[2] != '=')
		*o++ = (unsigned char)(u >> 8);
	if (p[3] != '=')
		*o++ = (unsigned char)u;
	return (long)(o - out);
}

unsigned char *
lq_base64_decode(const char *s, size_t n, size_t *outlen)
{
	unsigned char *out;
	long k;

	if (n % 4 != 0)
		return NULL;
	out = lq_xmalloc(lq_base64_decoded_len(s, n) + 1);
	if ((k = lq_base64_decode_to(s, n, out)) < 0) {
		free(out);
		return NULL;
	}
	*outlen = (size_t)k;
	return out;
}
