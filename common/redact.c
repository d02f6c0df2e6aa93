/* redact.c: a registry of secrets and an in-place scrubber that knows their escaped and encoded forms. */
#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

#include "base64.h"
#include "redact.h"
#include "util.h"

/* Forms of all secrets: four keys with four forms each fill a quarter. */
#define MAX_FORMS 64
/* Shortest secret, and shortest base64 fragment, worth looking for: a
 * shorter one would also match ordinary text. */
#define MIN_SECRET 4
#define MIN_B64 8

static char *forms[MAX_FORMS];
static size_t form_len[MAX_FORMS];
static unsigned char form_b64[MAX_FORMS];	/* a base64 fragment */
/* Bytes a form can start with, written plainly or escaped: the scan skips
 * everything else without looking at the forms. */
static unsigned char start[256] = { ['\\'] = 1, ['%'] = 1 };
/* The same bytes as a list, for the scan's 16-bytes-at-a-time test. */
#define MAX_STARTS 8
static unsigned char starts[MAX_FORMS + 2] = { '\\', '%' };
static size_t nstarts = 2;	/* published with release stores */
static size_t nforms;		/* published with release stores */

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
hex2(const char *p)
{
	int a = hexval((unsigned char)p[0]), b = a < 0 ? -1 : hexval((unsigned char)p[1]);

	return b < 0 ? -1 : a * 16 + b;
}

static void
add_form(const char *p, size_t n, int b64)
{
	size_t k = __atomic_load_n(&nforms, __ATOMIC_ACQUIRE), i;

	for (i = 0; i < k; i++)
		if (form_len[i] == n && memcmp(forms[i], p, n) == 0)
			return;
	if (k == MAX_FORMS)
		return;		/* never happens with the keys lq reads */
	forms[k] = lq_xmalloc(n + 1);
	memcpy(forms[k], p, n);
	forms[k][n] = '\0';
	form_len[k] = n;
	form_b64[k] = (unsigned char)b64;
	if (!start[(unsigned char)p[0]]) {
		size_t ns = __atomic_load_n(&nstarts, __ATOMIC_ACQUIRE);

		starts[ns] = (unsigned char)p[0];
		start[(unsigned char)p[0]] = 1;
		__atomic_store_n(&nstarts, ns + 1, __ATOMIC_RELEASE);
	}
	__atomic_store_n(&nforms, k + 1, __ATOMIC_RELEASE);
}

/* The base64 characters that depend only on secret when it starts o bytes
 * (0..2) into a longer base64-encoded string: whole groups of 3 input
 * bytes that lie inside it. */
static void
add_base64(const char *secret, size_t n, size_t o)
{
	unsigned char *buf = lq_xmalloc(n + 3);
	size_t first = (o + 2) / 3, last = (o + n) / 3;	/* groups [first, last) */
	char *b;

	memset(buf, 'x', o);
	memcpy(buf + o, secret, n);
	b = lq_base64_encode(buf, o + n);
	if (last > first && (last - first) * 4 >= MIN_B64)
		add_form(b + first * 4, (last - first) * 4, 1);
	free(b);
	free(buf);
}

void
lq_redact_add(const char *secret)
{
	size_t n, o;

	if (secret == NULL || (n = strlen(secret)) < MIN_SECRET)
		return;
	add_form(secret, n, 0);
	for (o = 0; o < 3; o++)
		add_base64(secret, n, o);
}

const char *
lq_secret_env(const char *name)
{
	const char *v = getenv(name);

	if (v == NULL || *v == '\0')
		return NULL;
	lq_redact_add(v);
	return v;
}

/* Decodes %XX escapes of s[0..n) into a new string. */
static char *
unescape(const char *s, size_t n)
{
	char *r = lq_xmalloc(n + 1), *w = r;
	size_t i;

	for (i = 0; i < n; i++) {
		int v;

		if (s[i] == '%' && i + 2 < n && (v = hex2(s + i + 1)) > 0) {
			*w++ = (char)v;
			i += 2;
		} else {
			*w++ = s[i];
		}
	}
	*w = '\0';
	return r;
}

void
lq_redact_url(const char *url)
{
	const char *p = url ? strstr(url, "://") : NULL, *end, *at, *colon;
	char *user, *pass, *cred, *b;

	if (p == NULL)
		return;
	p += 3;
	end = p + strcspn(p, "/?#");
	at = memchr(p, '@', (size_t)(end - p));
	if (at == NULL)
		return;
	while (memchr(at + 1, '@', (size_t)(end - at - 1)))	/* the last @ ends userinfo */
		at = memchr(at + 1, '@', (size_t)(end - at - 1));
	colon = memchr(p, ':', (size_t)(at - p));
	user = unescape(p, (size_t)((colon ? colon : at) - p));
	pass = colon ? unescape(colon + 1, (size_t)(at - colon - 1)) : lq_xstrdup("");
	lq_redact_add(pass);
	cred = lq_xasprintf("%s:%s", user, pass);
	b = lq_base64_encode((const unsigned char *)cred, strlen(cred));
	if (strlen(b) >= MIN_B64 && *pass)
		add_form(b, strlen(b), 1);
	free(b);
	memset(cred, 0, strlen(cred));
	free(cred);
	memset(pass, 0, strlen(pass));
	free(pass);
	free(user);
}

/* If s[j..n) starts with character c written in some form, returns the
 * length of that writing, else 0: c itself, a JSON escape of it with one
 * or more backslashes (\/ \" \\ \uXXXX), or %XX. */
static size_t
char_at(const char *s, size_t j, size_t n, unsigned char c)
{
	size_t k;

	if ((unsigned char)s[j] == c)
		return 1;
	if (s[j] == '%' && j + 2 < n && hex2(s + j + 1) == c)
		return 3;
	if (s[j] != '\\')
		return 0;
	for (k = j; k < n && s[k] == '\\'; k++)
		;
	if (k == n)
		return 0;
	if ((unsigned char)s[k] == c && (c == '/' || c == '"'))
		return k - j + 1;
	if (s[k] == 'u' && k + 4 < n && hex2(s + k + 1) == 0 && hex2(s + k + 3) == c)
		return k - j + 5;
	return 0;
}

/* The length of form f written at s[i..n), or 0. */
static size_t
match_at(const char *s, size_t i, size_t n, const char *f, size_t fl)
{
	size_t j = i, x, w;

	if (s[i] == f[0] && i + fl <= n && s[i + 1] == f[1] && memcmp(s + i, f, fl) == 0)
		return fl;	/* the common case: written plainly */
	for (x = 0; x < fl; x++) {
		if (j >= n || (w = char_at(s, j, n, (unsigned char)f[x])) == 0)
			return 0;
		j += w;
	}
	return j - i;
}

static int
b64char(int c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+'
	    || c == '/' || c == '=';
}

size_t
lq_redact_mem(char *s, size_t len)
{
	size_t k = __atomic_load_n(&nforms, __ATOMIC_ACQUIRE), i = 0, w = 0, f;
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	size_t ns = __atomic_load_n(&nstarts, __ATOMIC_ACQUIRE);
	__m128i sv[MAX_STARTS];

	for (f = 0; f < ns && f < MAX_STARTS; f++)
		sv[f] = _mm_set1_epi8((char)starts[f]);
#endif

	if (k == 0 || s == NULL)
		return len;
	while (i < len) {
		size_t m = 0, j = i;
		unsigned char c;

#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		/* sixteen bytes at a time while none can start a form (with
		 * few enough first bytes: one comparison each) */
		while (ns <= MAX_STARTS && len - j >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + j)), hit = _mm_setzero_si128();
			int mask;

			for (f = 0; f < ns; f++)
				hit = _mm_or_si128(hit, _mm_cmpeq_epi8(x, sv[f]));
			if ((mask = _mm_movemask_epi8(hit)) != 0) {
				j += (size_t)__builtin_ctz((unsigned)mask);
				break;
			}
			j += 16;
		}
#endif
		while (j < len && !start[(unsigned char)s[j]])
			j++;
		if (w != i && j > i)
			memmove(s + w, s + i, j - i);
		w += j - i;
		i = j;
		if (i == len)
			break;
		c = (unsigned char)s[i];

		for (f = 0; f < k; f++)
			if ((c == '\\' || c == '%' || (unsigned char)forms[f][0] == c)
			    && (m = match_at(s, i, len, forms[f], form_len[f])) != 0)
				break;
		if (m && form_b64[f]) {
			/* The groups at either end mix the secret with its
			 * neighbours: they go too. */
			size_t x;

			for (x = 0; x < 4 && w > 0 && b64char((unsigned char)s[w - 1]); x++)
				w--;
			for (x = 0; x < 4 && i + m < len && b64char((unsigned char)s[i + m]); x++)
				m++;
		}
		if (m) {
			memcpy(s + w, LQ_REDACTED, sizeof LQ_REDACTED - 1);
			w += sizeof LQ_REDACTED - 1;
			i += m;
		} else {
			s[w++] = s[i++];
		}
	}
	if (w < len)
		s[w] = '\0';
	return w;
}

char *
lq_redact_str(char *s)
{
	if (s)
		lq_redact_mem(s, strlen(s));
	return s;
}

int
lq_redact_active(void)
{
	return __atomic_load_n(&nforms, __ATOMIC_ACQUIRE) > 0;
}
