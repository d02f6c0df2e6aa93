/* savedpage.c: MHTML, Safari web archives and UTF-16/32 text decoded to the UTF-8 page. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base64.h"
#include "savedpage.h"

/* Bytes of the start looked at to tell UTF-16/32 without a byte order
 * mark: markup is mostly ASCII, so a few hundred code units show the
 * pattern of zero bytes clearly. */
#define SNIFF_BYTES 1024
/* MHTML headers are a few lines; a longer block is no MHTML header. */
#define MAX_HEADER_BYTES 65536

static void
copy_str(char *dst, size_t cap, const char *s, size_t n)
{
	if (n >= cap)
		n = cap - 1;
	memcpy(dst, s, n);
	dst[n] = '\0';
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 if s[0..n) starts with w (lower case), ignoring ASCII case. */
static int
starts_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; w[i] != '\0'; i++)
		if (i >= n || lower((unsigned char)s[i]) != w[i])
			return 0;
	return 1;
}

/* ------------------------------------------------------ UTF-8 writing */

static void
put_cp(struct lq_buf *b, uint32_t cp)
{
	char u[4];

	if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		cp = 0xfffd;
	if (cp < 0x80) {
		lq_buf_addc(b, (int)cp);
	} else if (cp < 0x800) {
		u[0] = (char)(0xc0 | cp >> 6);
		u[1] = (char)(0x80 | (cp & 0x3f));
		lq_buf_add(b, u, 2);
	} else if (cp < 0x10000) {
		u[0] = (char)(0xe0 | cp >> 12);
		u[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[2] = (char)(0x80 | (cp & 0x3f));
		lq_buf_add(b, u, 3);
	} else {
		u[0] = (char)(0xf0 | cp >> 18);
		u[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		u[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		u[3] = (char)(0x80 | (cp & 0x3f));
		lq_buf_add(b, u, 4);
	}
}

/* ------------------------------------------------------- UTF-16/32 */

enum utf { UTF_NONE, UTF16LE, UTF16BE, UTF32LE, UTF32BE };
static const char *const utf_names[] = { "", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE" };

/* The encoding of s[0..n) by its byte order mark (*bom set to its
 * length) or by where its zero bytes fall. */
static enum utf
sniff_utf(const unsigned char *s, size_t n, size_t *bom)
{
	size_t z[4] = { 0, 0, 0, 0 }, m, i, q;

	*bom = 0;
	if (n >= 4 && memcmp(s, "\xff\xfe\0\0", 4) == 0)
		return *bom = 4, UTF32LE;
	if (n >= 4 && memcmp(s, "\0\0\xfe\xff", 4) == 0)
		return *bom = 4, UTF32BE;
	if (n >= 2 && s[0] == 0xff && s[1] == 0xfe)
		return *bom = 2, UTF16LE;
	if (n >= 2 && s[0] == 0xfe && s[1] == 0xff)
		return *bom = 2, UTF16BE;
	m = (n < SNIFF_BYTES ? n : SNIFF_BYTES) & ~(size_t)3;
	if (m < 4 || memchr(s, '\0', m) == NULL)
		return UTF_NONE;
	for (i = 0; i < m; i++)
		z[i & 3] += s[i] == 0;
	q = m / 4;
	/* ASCII and most other characters: one non-zero byte, zeros after it
	 * (little-endian) or before it (big-endian). */
	if (z[2] * 10 >= q * 9 && z[3] * 10 >= q * 9 && z[0] * 10 <= q)
		return UTF32LE;
	if (z[0] * 10 >= q * 9 && z[1] * 10 >= q * 9 && z[3] * 10 <= q)
		return UTF32BE;
	if ((z[1] + z[3]) * 2 >= q * 2 && (z[0] + z[2]) * 10 <= q * 2)
		return UTF16LE;
	if ((z[0] + z[2]) * 2 >= q * 2 && (z[1] + z[3]) * 10 <= q * 2)
		return UTF16BE;
	return UTF_NONE;
}

/* Appends the UTF-8 of s[0..n) in encoding e to out. */
static void
to_utf8(const unsigned char *s, size_t n, enum utf e, struct lq_buf *out)
{
	size_t i, w = e == UTF32LE || e == UTF32BE ? 4 : 2;

	lq_buf_grow(out, n + n / 2 + 1);
	for (i = 0; i + w <= n; i += w) {
		uint32_t u;

		switch (e) {
		case UTF16LE: u = (uint32_t)s[i] | (uint32_t)s[i + 1] << 8; break;
		case UTF16BE: u = (uint32_t)s[i] << 8 | s[i + 1]; break;
		case UTF32LE: u = (uint32_t)s[i] | (uint32_t)s[i + 1] << 8 |
		    (uint32_t)s[i + 2] << 16 | (uint32_t)s[i + 3] << 24; break;
		default: u = (uint32_t)s[i] << 24 | (uint32_t)s[i + 1] << 16 |
		    (uint32_t)s[i + 2] << 8 | s[i + 3]; break;
		}
		if (w == 2 && u >= 0xd800 && u <= 0xdbff && i + 4 <= n) {
			uint32_t lo = e == UTF16LE ? (uint32_t)s[i + 2] | (uint32_t)s[i + 3] << 8 :
			    (uint32_t)s[i + 2] << 8 | s[i + 3];

			if (lo >= 0xdc00 && lo <= 0xdfff) {
				u = 0x10000 + ((u - 0xd800) << 10) + (lo - 0xdc00);
				i += 2;
			}
		}
		put_cp(out, u);
	}
	if (out->data == NULL)
		lq_buf_add(out, "", 0);
}

/* If s[0..n) is UTF-16/32 text, writes its UTF-8 to out (reset first),
 * notes the encoding in info and returns 1; else 0. name: an encoding
 * the container declared ("utf-16" etc.), or NULL. */
static int
unicode(const char *s, size_t n, const char *name, struct lq_buf *out, struct lq_saved *info)
{
	size_t bom;
	enum utf e = sniff_utf((const unsigned char *)s, n, &bom);

	if (e == UTF_NONE && name != NULL && starts_ci(name, strlen(name), "utf-16"))
		e = starts_ci(name, strlen(name), "utf-16be") ? UTF16BE : UTF16LE;
	if (e == UTF_NONE)
		return 0;
	info->bom = bom > 0;
	copy_str(info->encoding, sizeof info->encoding, utf_names[e], strlen(utf_names[e]));
	lq_buf_reset(out);
	to_utf8((const unsigned char *)s + bom, n - bom, e, out);
	return 1;
}

/* ----------------------------------------------------------- MHTML */

struct headers {
	char type[256];		/* Content-Type, parameters and all */
	char cte[24];		/* Content-Transfer-Encoding */
	char loc[512];		/* Content-Location */
	char snap[512];		/* Snapshot-Content-Location (Chrome's top level) */
};

/* Reads the header block at s[0..n) into h. Returns the offset just past
 * the empty line that ends it, or 0 when s does not start with a header
 * line or the block does not end. */
static size_t
read_headers(const char *s, size_t n, struct headers *h)
{
	size_t i = 0, lines = 0;
	char *cur = NULL;
	size_t curcap = 0;

	memset(h, 0, sizeof *h);
	while (i < n && i < MAX_HEADER_BYTES) {
		const char *nl = memchr(s + i, '\n', n - i);
		size_t e = nl != NULL ? (size_t)(nl - s) : n, le = e, k, vb;

		if (nl == NULL)
			return 0;
		if (le > i && s[le - 1] == '\r')
			le--;
		if (le == i)	/* the empty line */
			return lines > 0 ? e + 1 : 0;
		if (s[i] == ' ' || s[i] == '\t') {	/* folded: continues the last */
			if (cur != NULL) {
				size_t have = strlen(cur);

				copy_str(cur + have, curcap - have, s + i, le - i);
			}
			i = e + 1;
			continue;
		}
		for (k = i; k < le && s[k] != ':' && s[k] != ' '; k++)
			;
		if (k == i || k == le || s[k] != ':')
			return 0;	/* not a "Name: value" line */
		lines++;
		for (vb = k + 1; vb < le && (s[vb] == ' ' || s[vb] == '\t'); vb++)
			;
		cur = NULL;
		if (k - i == 12 && starts_ci(s + i, 12, "content-type"))
			cur = h->type, curcap = sizeof h->type;
		else if (k - i == 25 && starts_ci(s + i, 25, "content-transfer-encoding"))
			cur = h->cte, curcap = sizeof h->cte;
		else if (k - i == 16 && starts_ci(s + i, 16, "content-location"))
			cur = h->loc, curcap = sizeof h->loc;
		else if (k - i == 25 && starts_ci(s + i, 25, "snapshot-content-location"))
			cur = h->snap, curcap = sizeof h->snap;
		if (cur != NULL)
			copy_str(cur, curcap, s + vb, le - vb);
		i = e + 1;
	}
	return 0;
}

/* Copies parameter name (lower case) of a header value into out; 1 if
 * it is there. */
static int
param(const char *v, const char *name, char *out, size_t cap)
{
	size_t n = strlen(v), k = strlen(name), i;

	for (i = 0; i < n; i++) {
		size_t b, e;

		if (v[i] != ';')
			continue;
		for (b = i + 1; b < n && (v[b] == ' ' || v[b] == '\t'); b++)
			;
		if (!starts_ci(v + b, n - b, name) || b + k >= n || v[b + k] != '=')
			continue;
		b += k + 1;
		if (b < n && v[b] == '"') {
			for (e = ++b; e < n && v[e] != '"'; e++)
				;
		} else {
			for (e = b; e < n && v[e] != ';' && v[e] != ' ' && v[e] != '\t'; e++)
				;
		}
		copy_str(out, cap, v + b, e - b);
		return 1;
	}
	return 0;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static void
unquote_printable(const char *s, size_t n, struct lq_buf *out)
{
	size_t i;

	lq_buf_grow(out, n + 1);
	for (i = 0; i < n; i++) {
		if (s[i] != '=') {
			lq_buf_addc(out, s[i]);
		} else if (i + 1 < n && s[i + 1] == '\n') {
			i++;		/* soft line break */
		} else if (i + 2 < n && s[i + 1] == '\r' && s[i + 2] == '\n') {
			i += 2;
		} else if (i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
		    hexval((unsigned char)s[i + 2]) >= 0) {
			lq_buf_addc(out, hexval((unsigned char)s[i + 1]) * 16 +
			    hexval((unsigned char)s[i + 2]));
			i += 2;
		} else {
			lq_buf_addc(out, '=');	/* not an escape: kept, as readers do */
		}
	}
}

/* Decodes base64 with line breaks; 0, or -1 if it is not base64. */
static int
unbase64(const char *s, size_t n, struct lq_buf *out)
{
	struct lq_buf t = LQ_BUF_INIT;
	unsigned char *d;
	size_t i, dn;

	for (i = 0; i < n; i++)
		if (s[i] != '\r' && s[i] != '\n' && s[i] != ' ' && s[i] != '\t')
			lq_buf_addc(&t, s[i]);
	d = lq_base64_decode(t.data != NULL ? t.data : "", t.len, &dn);
	lq_buf_free(&t);
	if (d == NULL)
		return -1;
	lq_buf_add(out, d, dn);
	free(d);
	return 0;
}

/* Offset of the next line "--boundary" at or after i (at a line start),
 * or n. */
static size_t
next_delim(const char *s, size_t n, size_t i, const char *delim, size_t dn)
{
	while (i + dn <= n) {
		const char *p = memmem(s + i, n - i, delim, dn);

		if (p == NULL)
			return n;
		if (p == s || p[-1] == '\n')
			return (size_t)(p - s);
		i = (size_t)(p - s) + 1;
	}
	return n;
}

/* 1 if s looks like MHTML: it starts with a header block whose
 * Content-Type is multipart. Fills h and *body (offset past the block). */
static int
is_mhtml(const char *s, size_t n, struct headers *h, size_t *body)
{
	*body = read_headers(s, n, h);
	return *body > 0 && starts_ci(h->type, strlen(h->type), "multipart/");
}

static int
mhtml(const char *s, size_t n, const struct headers *top, size_t body, struct lq_buf *out,
    struct lq_saved *info)
{
	char boundary[200], delim[204], charset[40] = "";
	size_t dn, i, best = 0, bestn = 0;
	struct headers h, besth;
	int found = 0;

	info->container = LQ_SAVED_MHTML;
	copy_str(info->url, sizeof info->url, top->snap, strlen(top->snap));
	if (!param(top->type, "boundary", boundary, sizeof boundary) || boundary[0] == '\0') {
		snprintf(info->err, sizeof info->err, "MHTML file without a part boundary");
		return -1;
	}
	dn = (size_t)snprintf(delim, sizeof delim, "--%s", boundary);
	memset(&besth, 0, sizeof besth);
	for (i = next_delim(s, n, body, delim, dn); i < n; ) {
		size_t hb, pb, pe, next;
		const char *nl;

		if (i + dn + 1 < n && s[i + dn] == '-' && s[i + dn + 1] == '-')
			break;	/* the closing delimiter */
		nl = memchr(s + i, '\n', n - i);
		if (nl == NULL)
			break;
		hb = (size_t)(nl - s) + 1;
		next = next_delim(s, n, hb, delim, dn);
		pb = read_headers(s + hb, next - hb, &h);
		if (pb > 0) {
			pb += hb;
			pe = next;
			if (pe > pb && s[pe - 1] == '\n')
				pe--;
			if (pe > pb && s[pe - 1] == '\r')
				pe--;
			if (starts_ci(h.type, strlen(h.type), "text/html") && (!found ||
			    (top->snap[0] != '\0' && strcmp(h.loc, top->snap) == 0 &&
			    strcmp(besth.loc, top->snap) != 0))) {
				found = 1;
				best = pb;
				bestn = pe - pb;
				besth = h;
			}
		}
		i = next;
	}
	if (!found) {
		snprintf(info->err, sizeof info->err, "MHTML file without an HTML part");
		return -1;
	}
	if (info->url[0] == '\0')
		copy_str(info->url, sizeof info->url, besth.loc, strlen(besth.loc));
	copy_str(info->transfer, sizeof info->transfer, besth.cte, strlen(besth.cte));
	for (i = 0; info->transfer[i] != '\0'; i++)
		info->transfer[i] = (char)lower((unsigned char)info->transfer[i]);
	lq_buf_reset(out);
	if (strcmp(info->transfer, "quoted-printable") == 0) {
		unquote_printable(s + best, bestn, out);
	} else if (strcmp(info->transfer, "base64") == 0) {
		if (unbase64(s + best, bestn, out) < 0) {
			snprintf(info->err, sizeof info->err,
			    "MHTML file whose HTML part is not valid base64");
			return -1;
		}
	} else {
		lq_buf_add(out, s + best, bestn);
	}
	if (out->data == NULL)
		lq_buf_add(out, "", 0);
	param(besth.type, "charset", charset, sizeof charset);
	if (out->len > 0) {
		struct lq_buf u = LQ_BUF_INIT;

		if (unicode(out->data, out->len, charset[0] != '\0' ? charset : NULL, &u, info)) {
			lq_buf_free(out);
			*out = u;
		}
	}
	return 1;
}

/* ------------------------------------------------ Safari web archive */

/* A binary property list (Apple's bplist00), read only as far as a web
 * archive needs: dictionaries, data and strings, every offset checked. */
struct bplist {
	const unsigned char *b;
	size_t n;
	unsigned osz, rsz;	/* bytes of an offset-table entry, of an object ref */
	uint64_t nobj, top, otab;
};

static uint64_t
be(const unsigned char *p, unsigned k)
{
	uint64_t v = 0;

	while (k-- > 0)
		v = v << 8 | *p++;
	return v;
}

/* Where object ref starts; 0 when ref or its offset is out of range. */
static size_t
obj_at(const struct bplist *bp, uint64_t ref)
{
	uint64_t off;

	if (ref >= bp->nobj)
		return 0;
	off = be(bp->b + bp->otab + ref * bp->osz, bp->osz);
	return off >= 8 && off < bp->otab ? (size_t)off : 0;
}

/* Type nibble, length and start of the contents of the object at off;
 * -1 when it runs past the object area. */
static int
obj_head(const struct bplist *bp, size_t off, uint64_t *len, size_t *start)
{
	int type = bp->b[off] >> 4, low = bp->b[off] & 15;

	*start = off + 1;
	*len = (uint64_t)low;
	if (low == 15 && (type == 4 || type == 5 || type == 6 || type == 10 || type == 13)) {
		int k;

		if (off + 2 > bp->otab || bp->b[off + 1] >> 4 != 1 || (bp->b[off + 1] & 15) > 3)
			return -1;
		k = 1 << (bp->b[off + 1] & 15);
		if (off + 2 + (size_t)k > bp->otab)
			return -1;
		*len = be(bp->b + off + 2, (unsigned)k);
		*start = off + 2 + (size_t)k;
	}
	return type;
}

/* The bytes of a data (4) or ASCII string (5) object; NULL otherwise. */
static const unsigned char *
obj_bytes(const struct bplist *bp, uint64_t ref, int want, size_t *len)
{
	size_t off = obj_at(bp, ref), start;
	uint64_t n;

	if (off == 0 || obj_head(bp, off, &n, &start) != want || n > bp->otab - start)
		return NULL;
	*len = (size_t)n;
	return bp->b + start;
}

/* The value ref of key in the dictionary ref d; 1 if found. */
static int
dict_get(const struct bplist *bp, uint64_t d, const char *key, uint64_t *val)
{
	size_t off = obj_at(bp, d), start, kl = strlen(key), i;
	uint64_t n;

	if (off == 0 || obj_head(bp, off, &n, &start) != 13 ||
	    n > (bp->otab - start) / 2 / bp->rsz)
		return 0;
	for (i = 0; i < n; i++) {
		size_t len;
		const unsigned char *k = obj_bytes(bp, be(bp->b + start + i * bp->rsz, bp->rsz), 5,
		    &len);

		if (k != NULL && len == kl && memcmp(k, key, kl) == 0) {
			*val = be(bp->b + start + (n + i) * bp->rsz, bp->rsz);
			return 1;
		}
	}
	return 0;
}

static int
webarchive(const char *s, size_t n, struct lq_buf *out, struct lq_saved *info)
{
	struct bplist bp;
	const unsigned char *t, *d;
	uint64_t mres, ref;
	size_t len, sl;
	char enc[40] = "";

	info->container = LQ_SAVED_WEBARCHIVE;
	memset(&bp, 0, sizeof bp);
	bp.b = (const unsigned char *)s;
	bp.n = n;
	if (n < 8 + 32)
		goto bad;
	t = bp.b + n - 32;
	bp.osz = t[6];
	bp.rsz = t[7];
	bp.nobj = be(t + 8, 8);
	bp.top = be(t + 16, 8);
	bp.otab = be(t + 24, 8);
	if (bp.osz < 1 || bp.osz > 8 || bp.rsz < 1 || bp.rsz > 8 || bp.otab < 9 ||
	    bp.otab > n - 32 || bp.nobj > (n - 32 - bp.otab) / bp.osz)
		goto bad;
	if (!dict_get(&bp, bp.top, "WebMainResource", &mres) ||
	    !dict_get(&bp, mres, "WebResourceData", &ref) ||
	    (d = obj_bytes(&bp, ref, 4, &len)) == NULL) {
		snprintf(info->err, sizeof info->err, "Safari web archive without a main page");
		return -1;
	}
	if (dict_get(&bp, mres, "WebResourceURL", &ref) &&
	    (t = obj_bytes(&bp, ref, 5, &sl)) != NULL)
		copy_str(info->url, sizeof info->url, (const char *)t, sl);
	if (dict_get(&bp, mres, "WebResourceTextEncodingName", &ref) &&
	    (t = obj_bytes(&bp, ref, 5, &sl)) != NULL)
		copy_str(enc, sizeof enc, (const char *)t, sl);
	lq_buf_reset(out);
	if (!unicode((const char *)d, len, enc[0] != '\0' ? enc : NULL, out, info)) {
		lq_buf_add(out, d, len);
		if (out->data == NULL)
			lq_buf_add(out, "", 0);
	}
	return 1;
bad:
	snprintf(info->err, sizeof info->err, "damaged Safari web archive (binary property list)");
	return -1;
}

/* ------------------------------------------------------------- driver */

int
lq_saved_decode(const char *buf, size_t n, struct lq_buf *out, struct lq_saved *info)
{
	struct headers h;
	size_t body, i = 0;

	memset(info, 0, sizeof *info);
	if (n > LQ_SAVED_MAX)
		n = LQ_SAVED_MAX;
	if (n >= 8 && memcmp(buf, "bplist00", 8) == 0)
		return webarchive(buf, n, out, info);
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	if (n - i > 0 && buf[i] != '<' && is_mhtml(buf + i, n - i, &h, &body))
		return mhtml(buf + i, n - i, &h, body, out, info);
	return unicode(buf, n, NULL, out, info);
}

const char *
lq_saved_binary_kind(const char *buf, size_t n)
{
	static const struct { const char *magic; size_t n; const char *name; } kinds[] = {
		{ "%PDF-", 5, "a PDF document (printed, not saved, page?)" },
		{ "PK\3\4", 4, "a ZIP archive (LinkedIn's data export? unzip it first)" },
		{ "\x89PNG", 4, "a PNG image (a screenshot?)" },
		{ "\xff\xd8\xff", 3, "a JPEG image (a screenshot?)" },
		{ "GIF8", 4, "a GIF image" },
		{ "\x1f\x8b", 2, "a gzip-compressed file" },
		{ "\xd0\xcf\x11\xe0", 4, "an old Microsoft Office document" },
		{ "RIFF", 4, "a RIFF media file (WebP image?)" },
	};
	size_t i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (n >= kinds[i].n && memcmp(buf, kinds[i].magic, kinds[i].n) == 0)
			return kinds[i].name;
	return NULL;
}

const char *
lq_saved_describe(const struct lq_saved *info, char *buf, size_t cap)
{
	const char *bom = info->bom ? " with a byte order mark" : "";

	switch (info->container) {
	case LQ_SAVED_MHTML:
		snprintf(buf, cap, "MHTML single-file page (%s%sHTML%s%s)", info->transfer,
		    info->transfer[0] != '\0' ? " " : "", info->encoding[0] != '\0' ? " in " : "",
		    info->encoding);
		break;
	case LQ_SAVED_WEBARCHIVE:
		snprintf(buf, cap, "Safari web archive%s%s", info->encoding[0] != '\0' ? " in " : "",
		    info->encoding);
		break;
	default:
		if (info->encoding[0] != '\0')
			snprintf(buf, cap, "%s text%s", info->encoding, bom);
		else if (cap > 0)
			buf[0] = '\0';
		break;
	}
	return buf;
}
