/* base64.c: RFC 4648 base64. */
#include <stdlib.h>

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

static int
val(unsigned char c)
{
	if (c >= 'A' && c <= 'Z') return c - 'A';
	if (c >= 'a' && c <= 'z') return c - 'a' + 26;
	if (c >= '0' && c <= '9') return c - '0' + 52;
	if (c == '+') return 62;
	if (c == '/') return 63;
	return -1;
}

unsigned char *
lq_base64_decode(const char *s, size_t n, size_t *outlen)
{
	unsigned char *out, *o;

	if (n % 4 != 0)
		return NULL;
	out = o = lq_xmalloc(n / 4 * 3 + 1);
	for (size_t i = 0; i < n; i += 4) {
		int a = val((unsigned char)s[i]), b = val((unsigned char)s[i + 1]);
		int c = s[i + 2] == '=' ? -2 : val((unsigned char)s[i + 2]);
		int d = s[i + 3] == '=' ? -2 : val((unsigned char)s[i + 3]);
		int last = i + 4 == n;

		if (a < 0 || b < 0 || c == -1 || d == -1 ||
		    (!last && (c < 0 || d < 0)) || (c == -2 && d != -2)) {
			free(out);
			return NULL;
		}
		*o++ = (unsigned char)((a << 2) | (b >> 4));
		if (c >= 0)
			*o++ = (unsigned char)(((b & 15) << 4) | (c >> 2));
		if (d >= 0)
			*o++ = (unsigned char)(((c & 3) << 6) | d);
	}
	*outlen = (size_t)(o - out);
	return out;
}
