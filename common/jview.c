/* jview.c: a read-only view of one JSON value's text, its values found in one pass without jansson (jview.h). */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "jview.h"
#include "util.h"

#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

/* Nesting deeper than jansson's limit (2048) is refused: the scanner
 * would not have taken it either. */
#define DEPTH_MAX 2100

struct lq_jv_block {
	struct lq_jv_block *next;
};

typedef const unsigned char *ptr;

static inline ptr
ws(ptr p, ptr e)
{
	/* every byte that is not white space or a control byte ends it at once */
	while (p < e && *p <= ' ' && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

static int
hexval(int c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
	    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* The 4 hex digits at p[0..4) (p + 4 <= e), or -1. */
static long
hex4(ptr p, ptr e)
{
	long u = 0;

	if (e - p < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		int h = hexval(p[k]);

		if (h < 0)
			return -1;
		u = u << 4 | h;
	}
	return u;
}

#define ONES 0x0101010101010101ull
#define HIGHS 0x8080808080808080ull

/* The length of the UTF-8 sequence at p (its first byte >= 0x80) as
 * jansson takes it (no overlong form, surrogate or code point past
 * U+10FFFF), or 0. */
static size_t
utf8_seq(ptr p, ptr e)
{
	unsigned c = p[0];
	size_t n, i;
	uint32_t u;

	if (c < 0xc2 || c > 0xf4)
		return 0;
	n = c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	if ((size_t)(e - p) < n)
		return 0;
	u = c & (0xffu >> (n + 1));
	for (i = 1; i < n; i++) {
		if ((p[i] & 0xc0) != 0x80)
			return 0;
		u = u << 6 | (p[i] & 0x3fu);
	}
	if ((n == 3 && u < 0x800) || (u >= 0xd800 && u <= 0xdfff) || (n == 4 && (u < 0x10000 || u > 0x10ffff)))
		return 0;
	return n;
}

/* Passes the string whose opening quote is at p; returns the byte after
 * its closing quote, or NULL; *esc set when it holds escapes, to 2 when
 * one of them is \u0000 (a NUL jansson refuses in a key). */
static ptr
string_end(ptr p, ptr e, uint8_t *esc)
{
	*esc = 0;
	for (p++; p < e; p++) {
		/* sixteen or eight bytes at a time up to the first quote,
		 * backslash, control byte or byte of a UTF-8 sequence */
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		/* sixteen bytes at a time: a byte <= 0x1f is its own minimum
		 * with 0x1f */
		while (e - p >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
			int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(_mm_or_si128(
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('"')), _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))),
			    _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8(0x1f)), x)), x));

			if (m) {
				p += __builtin_ctz((unsigned)m);
				goto special;
			}
			p += 16;
		}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		while (e - p >= 8) {
			uint64_t w, q, b, c, m;

			memcpy(&w, p, 8);
			q = w ^ (ONES * '"');
			b = w ^ (ONES * '\\');
			c = w;
			/* in each test the lowest flagged byte is a true one (a
			 * false flag only follows a true one) */
			m = ((q - ONES) & ~q & HIGHS) | ((b - ONES) & ~b & HIGHS) | ((c - ONES * 0x20) & ~c & HIGHS) |
			    (w & HIGHS);
			if (m) {
				p += __builtin_ctzll(m) >> 3;
				break;
			}
			p += 8;
		}
#endif
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
special:
#endif
		if (p >= e)
			break;
		if (*p == '"')
			return p + 1;
		if (*p < 0x20)
			return NULL;
		if (*p >= 0x80) {
			size_t k = utf8_seq(p, e);

			if (k == 0)
				return NULL;
			p += k - 1;
			continue;
		}
		if (*p != '\\')
			continue;
		*esc |= 1;
		if (++p >= e)
			return NULL;
		switch (*p) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
			break;
		case 'u': {
			long u = hex4(p + 1, e);

			if (u < 0 || (u >= 0xdc00 && u <= 0xdfff))
				return NULL;
			if (u == 0)
				*esc |= 2;
			p += 4;
			if (u >= 0xd800 && u <= 0xdbff) {
				long u2;

				if (e - p < 3 || p[1] != '\\' || p[2] != 'u' || (u2 = hex4(p + 3, e)) < 0xdc00 ||
				    u2 > 0xdfff)
					return NULL;
				p += 6;
			}
			break;
		}
		default:
			return NULL;
		}
	}
	return NULL;
}

/* string_end for a text the lazy scanner has checked (lq_jv_parse_checked):
 * the byte after the closing quote, or NULL at the end of the text; an
 * escape's next byte is passed (a \\u's four digits are plain bytes), and
 * *esc is 1 when there was one. */
static ptr
string_end_checked(ptr p, ptr e, uint8_t *esc)
{
	*esc = 0;
	for (p++; p < e;) {
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		while (e - p >= 16) {
			__m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
			int m = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8('"')),
			    _mm_cmpeq_epi8(x, _mm_set1_epi8('\\'))));

			if (m) {
				p += __builtin_ctz((unsigned)m);
				goto special;
			}
			p += 16;
		}
#endif
		while (p < e && *p != '"' && *p != '\\')
			p++;
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
special:
#endif
		if (p >= e)
			break;
		if (*p == '"')
			return p + 1;
		*esc = 1;
		p += 2;
	}
	return NULL;
}

/* The string at p's end as the view's text needs it checked. */
static inline ptr
str_end(const struct lq_jv *v, ptr p, ptr e, uint8_t *esc)
{
	return v->checked ? string_end_checked(p, e, esc) : string_end(p, e, esc);
}

/* Decodes the checked string body s[0..n) into out (room for n + 1
 * bytes: decoding never lengthens); returns the length. */
static size_t
decode(const char *s, size_t n, char *out)
{
	ptr p = (ptr)s, e = p + n;
	size_t k = 0;

	while (p < e) {
		ptr q = memchr(p, '\\', (size_t)(e - p));
		unsigned long u;

		if (q == NULL)
			q = e;
		memcpy(out + k, p, (size_t)(q - p));
		k += (size_t)(q - p);
		p = q;
		if (p >= e)
			break;
		p++;
		switch (*p) {
		case 'b': out[k++] = '\b'; p++; continue;
		case 'f': out[k++] = '\f'; p++; continue;
		case 'n': out[k++] = '\n'; p++; continue;
		case 'r': out[k++] = '\r'; p++; continue;
		case 't': out[k++] = '\t'; p++; continue;
		case 'u': break;
		default: out[k++] = (char)*p++; continue;
		}
		u = (unsigned long)hex4(p + 1, e);
		p += 5;
		if (u >= 0xd800 && u <= 0xdbff) {
			u = 0x10000 + ((u - 0xd800) << 10) + ((unsigned long)hex4(p + 2, e) - 0xdc00);
			p += 6;
		}
		k += lq_utf8_put(out + k, u);
	}
	out[k] = '\0';
	return k;
}

/* n bytes of the view's string arena; a full arena is kept (freed by the
 * next lq_jv_parse) so that strings already given out stay put. */
static char *
arena(struct lq_jv *v, size_t n)
{
	if (v->caparena - v->narena < n) {
		/* 16 KB: a profile's strings (~4 KB) fit the first one */
		size_t cap = v->caparena ? 2 * v->caparena : 16384;

		while (cap < n)
			cap *= 2;
		if (v->arena) {
			struct lq_jv_block *b = (struct lq_jv_block *)(void *)(v->arena - sizeof *b);

			b->next = v->blocks;
			v->blocks = b;
		}
		v->arena = (char *)lq_xmalloc(sizeof(struct lq_jv_block) + cap) + sizeof(struct lq_jv_block);
		v->caparena = cap;
		v->narena = 0;
	}
	v->narena += n;
	return v->arena + v->narena - n;
}

static uint32_t
newnode(struct lq_jv *v)
{
	if (v->nnode == v->capnode)
		v->node = lq_xreallocarray(v->node, v->capnode = v->capnode ? 2 * v->capnode : 256, sizeof *v->node);
	return (uint32_t)v->nnode++;
}

static void
push(struct lq_jv *v, uint32_t i)
{
	if (v->nstack == v->capstack)
		v->stack = lq_xreallocarray(v->stack, v->capstack = v->capstack ? 2 * v->capstack : 256,
		    sizeof *v->stack);
	v->stack[v->nstack++] = i;
}

/* a, with room for need entries in *cap (doubled from first). */
static uint32_t *
grow_u32(uint32_t *a, size_t *cap, size_t need, size_t first)
{
	size_t c;

	if (need <= *cap)
		return a;
	for (c = *cap ? 2 * *cap : first; c < need; c *= 2)
		;
	*cap = c;
	return lq_xreallocarray(a, c, sizeof *a);
}

/* Moves the children on the stack from 'from' on into kids: the container
 * node c holds them. */
static void
close_container(struct lq_jv *v, uint32_t c, size_t from)
{
	size_t k = v->nstack - from;

	v->kids = grow_u32(v->kids, &v->capkids, v->nkids + k, 256);
	if (k)
		memcpy(v->kids + v->nkids, v->stack + from, k * sizeof *v->kids);
	v->node[c].off = (uint32_t)v->nkids;
	v->node[c].len = (uint32_t)k;
	v->nkids += k;
	v->nstack = from;
}

/* The number at p: its end, or NULL; an integer's value in node i. A
 * real is only checked: one that might be past a double's range (over
 * 1e300), which jansson calls an error, is refused. */
static ptr
number(struct lq_jv *v, uint32_t i, ptr p, ptr e)
{
	int neg = 0, real = 0, over = 0, eneg = 0;
	unsigned long long m = 0;
	long digits = 0, ev = 0;

	if (p < e && *p == '-')
		neg = 1, p++;
	if (p >= e || *p < '0' || *p > '9')
		return NULL;
	if (*p == '0') {
		p++;
	} else {
		for (; p < e && *p >= '0' && *p <= '9'; p++, digits++) {
			if (m > (ULLONG_MAX - 9) / 10)
				over = 1;
			else
				m = m * 10 + (unsigned)(*p - '0');
		}
	}
	if (p < e && *p == '.') {
		real = 1;
		if (++p >= e || *p < '0' || *p > '9')
			return NULL;
		while (p < e && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < e && (*p == 'e' || *p == 'E')) {
		real = 1;
		if (++p < e && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p >= e || *p < '0' || *p > '9')
			return NULL;
		for (; p < e && *p >= '0' && *p <= '9'; p++)
			if (ev < 1000000)
				ev = ev * 10 + (*p - '0');
	}
	if (real && digits + (eneg ? -ev : ev) > 300)
		return NULL;
	if (real) {
		v->node[i].type = LQ_JV_REAL;
		return p;
	}
	/* jansson calls an integer out of long long's range an error: refuse */
	if (over || m > (unsigned long long)LLONG_MAX + (unsigned)neg)
		return NULL;
	v->node[i].type = LQ_JV_INT;
	v->node[i].u.i = neg ? (m == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)m) : (long long)m;
	return p;
}

/* The value at p into a new node (pushed on the stack as a child of the
 * open container); returns the byte after it, or NULL. */
static ptr
value(struct lq_jv *v, ptr p, ptr e, int depth, uint32_t key_off, uint32_t key_len, uint8_t key_esc)
{
	ptr base = (ptr)v->text;
	uint32_t i = newnode(v);
	struct lq_jv_node *nd = &v->node[i];

	nd->esc = nd->decoded = 0;
	nd->key_off = key_off;
	nd->key_len = key_len;
	nd->key_esc = key_esc;
	nd->u.i = 0;
	push(v, i);
	if (p >= e)
		return NULL;
	switch (*p) {
	case '"': {
		uint8_t esc;
		ptr q = str_end(v, p, e, &esc);

		if (q == NULL)
			return NULL;
		nd->type = LQ_JV_STR;
		nd->esc = esc;
		nd->off = (uint32_t)(p + 1 - base);
		nd->len = (uint32_t)(q - p - 2);
		return q;
	}
	case '{': case '[': {
		int obj = *p == '{';
		size_t from = v->nstack;

		if (depth >= DEPTH_MAX)
			return NULL;
		nd->type = obj ? LQ_JV_OBJ : LQ_JV_ARR;
		p = ws(p + 1, e);
		if (p < e && *p == (obj ? '}' : ']')) {
			close_container(v, i, from);
			return p + 1;
		}
		for (;;) {
			uint32_t ko = 0, kl = 0;
			uint8_t kesc = 0;

			if (obj) {
				ptr q;

				/* jansson refuses a key holding a NUL */
				if (p >= e || *p != '"' || (q = str_end(v, p, e, &kesc)) == NULL || (kesc & 2))
					return NULL;
				ko = (uint32_t)(p + 1 - base);
				kl = (uint32_t)(q - p - 2);
				p = ws(q, e);
				if (p >= e || *p != ':')
					return NULL;
				p = ws(p + 1, e);
			}
			if ((p = value(v, p, e, depth + 1, ko, kl, kesc)) == NULL)
				return NULL;
			p = ws(p, e);
			if (p < e && *p == ',') {
				p = ws(p + 1, e);
				continue;
			}
			if (p < e && *p == (obj ? '}' : ']'))
				break;
			return NULL;
		}
		close_container(v, i, from);
		return p + 1;
	}
	case 't':
		nd->type = LQ_JV_TRUE;
		return e - p >= 4 && memcmp(p, "true", 4) == 0 ? p + 4 : NULL;
	case 'f':
		nd->type = LQ_JV_FALSE;
		return e - p >= 5 && memcmp(p, "false", 5) == 0 ? p + 5 : NULL;
	case 'n':
		nd->type = LQ_JV_NULL;
		return e - p >= 4 && memcmp(p, "null", 4) == 0 ? p + 4 : NULL;
	default:
		return number(v, i, p, e);
	}
}

const struct lq_jv_node *
lq_jv_parse_checked(struct lq_jv *v, const char *s, size_t n)
{
	const struct lq_jv_node *r;

	v->checked = 1;
	r = lq_jv_parse(v, s, n);
	v->checked = 0;
	return r;
}

const struct lq_jv_node *
lq_jv_parse(struct lq_jv *v, const char *s, size_t n)
{
	ptr p, e;

	while (v->blocks) {
		struct lq_jv_block *b = v->blocks;

		v->blocks = b->next;
		free(b);
	}
	v->text = s;
	v->n = n;
	v->nnode = v->nkids = v->nstack = v->narena = v->ntabs = 0;
	if (s == NULL || n >= UINT32_MAX)
		return NULL;
	p = ws((ptr)s, (ptr)s + n);
	e = (ptr)s + n;
	if ((p = value(v, p, e, 0, 0, 0, 0)) == NULL || ws(p, e) != e)
		return NULL;
	return &v->node[0];
}

void
lq_jv_free(struct lq_jv *v)
{
	lq_jv_parse(v, NULL, 0);
	if (v->arena)
		free(v->arena - sizeof(struct lq_jv_block));
	free(v->node);
	free(v->kids);
	free(v->stack);
	free(v->tabs);
	memset(v, 0, sizeof *v);
}

/* A key's hash (jview.h). */
#define hash lq_jv_hash

/* The size of an object's table of n members: a power of two, at least 2n. */
static size_t
table_size(size_t n)
{
	size_t ns = 16;

	while (ns < 2 * n)
		ns *= 2;
	return ns;
}

/* Object o's table of its members by key (built on its first lookup when
 * it has more than a few members, none of their keys with escapes): its
 * offset in v->tabs plus one in o->i, -1 when it has none. */
static void
build_table(struct lq_jv *v, struct lq_jv_node *o)
{
	const uint32_t *kid = v->kids + o->off;
	size_t ns = table_size(o->len), at;
	uint32_t *tab;

	o->u.i = -1;
	for (uint32_t j = 0; j < o->len; j++)
		if (v->node[kid[j]].key_esc)
			return;
	v->tabs = grow_u32(v->tabs, &v->captabs, v->ntabs + ns, 1024);
	at = v->ntabs;
	v->ntabs += ns;
	tab = v->tabs + at;
	memset(tab, 0, ns * sizeof *tab);
	for (uint32_t j = 0; j < o->len; j++) {
		const struct lq_jv_node *m = &v->node[kid[j]];
		const char *key = v->text + m->key_off;
		size_t i = hash(key, m->key_len) & (ns - 1);

		for (; tab[i]; i = (i + 1) & (ns - 1)) {
			const struct lq_jv_node *t = &v->node[tab[i] - 1];

			if (t->key_len == m->key_len && memcmp(v->text + t->key_off, key, m->key_len) == 0)
				break;	/* a repeated key: the last value */
		}
		tab[i] = kid[j] + 1;
	}
	o->u.i = (long long)at + 1;
}

const struct lq_jv_node *
lq_jv_getn(struct lq_jv *v, const struct lq_jv_node *o, const char *k, size_t n)
{
	return lq_jv_getnh(v, o, k, n, hash(k, n));
}

const struct lq_jv_node *
lq_jv_getnh(struct lq_jv *v, const struct lq_jv_node *o, const char *k, size_t n, uint32_t h)
{
	const struct lq_jv_node *r = NULL;
	const uint32_t *kid;
	char tmp[256], *kd;

	if (o == NULL || o->type != LQ_JV_OBJ)
		return NULL;
	/* up to eight members a scan is cheaper than building a table */
	if (o->len > 8 && o->u.i == 0)
		build_table(v, (struct lq_jv_node *)o);	/* o is v's node */
	if (o->u.i > 0) {
		const uint32_t *tab = v->tabs + (o->u.i - 1);
		size_t ns = table_size(o->len), i = h & (ns - 1);

		for (; tab[i]; i = (i + 1) & (ns - 1)) {
			const struct lq_jv_node *t = &v->node[tab[i] - 1];

			if (t->key_len == n && memcmp(v->text + t->key_off, k, n) == 0)
				return t;
		}
		return NULL;
	}
	/* from the last member back: the first match is the last value of
	 * a repeated key */
	kid = v->kids + o->off;
	for (uint32_t j = o->len; j-- > 0;) {
		const struct lq_jv_node *m = &v->node[kid[j]];
		const char *key = v->text + m->key_off;

		if (m->key_esc) {
			/* a key with escapes decodes to at most its length */
			kd = m->key_len < sizeof tmp ? tmp : arena(v, (size_t)m->key_len + 1);
			if (decode(key, m->key_len, kd) != n || memcmp(kd, k, n) != 0)
				continue;
		} else if (m->key_len != n || (n && (key[0] != k[0] || memcmp(key, k, n) != 0))) {
			continue;
		}
		return m;
	}
	return r;
}

const struct lq_jv_node *
lq_jv_at(const struct lq_jv *v, const struct lq_jv_node *a, size_t i)
{
	if (a == NULL || a->type != LQ_JV_ARR || i >= a->len)
		return NULL;
	return &v->node[v->kids[a->off + i]];
}

size_t
lq_jv_size(struct lq_jv *v, const struct lq_jv_node *c)
{
	(void)v;
	return c && (c->type == LQ_JV_ARR || c->type == LQ_JV_OBJ) ? c->len : 0;
}

const char *
lq_jv_str(struct lq_jv *v, const struct lq_jv_node *s, size_t *len)
{
	struct lq_jv_node *m;

	if (s == NULL || s->type != LQ_JV_STR) {
		if (len)
			*len = 0;
		return NULL;
	}
	m = (struct lq_jv_node *)s;	/* the node belongs to v, which the caller holds */
	if (!m->decoded) {
		char *out = arena(v, (size_t)m->len + 1);

		if (m->esc) {
			m->len = (uint32_t)decode(v->text + m->off, m->len, out);
		} else {
			memcpy(out, v->text + m->off, m->len);
			out[m->len] = '\0';
		}
		m->u.s = out;
		m->decoded = 1;
	}
	if (len)
		*len = m->len;
	return m->u.s;
}
