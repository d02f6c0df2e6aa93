/* liurl.c: LinkedIn profile URL normaliser (docs/extract-urls.md lists the forms). */
#include <string.h>

#include "liurl.h"

#define LQ_NELEM_SEG 6	/* path segments looked at: /pub/NAME/A/B/C needs 5 */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = lower(c);
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* 1 if s[0..n) equals the lowercase word w, ignoring ASCII case. */
static int
eq_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] == '\0' || lower((unsigned char)s[i]) != w[i])
			return 0;
	return w[n] == '\0';
}

static int
prefix_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	return n >= k && eq_ci(s, k, w);
}

/* Percent-decodes s[0..n) into out (cap bytes with the NUL). A '%' not
 * followed by two hex digits stays as it is. Returns the decoded length,
 * or -1 if it does not fit. */
static long
pct_decode(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c == '%' && i + 2 < n && hexval((unsigned char)s[i + 1]) >= 0 &&
		    hexval((unsigned char)s[i + 2]) >= 0) {
			c = hexval((unsigned char)s[i + 1]) * 16 + hexval((unsigned char)s[i + 2]);
			i += 2;
		}
		if (k + 1 >= cap)
			return -1;
		out[k++] = (char)c;
	}
	out[k] = '\0';
	return (long)k;
}

/* 1 if s[0..n) is well-formed UTF-8 with no control characters. */
static int
clean_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i], need, cp, min;

		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				return 0;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, cp = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, cp = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, cp = c & 0x07, min = 0x10000;
		else
			return 0;
		if (i + need >= n)
			return 0;
		for (size_t j = 1; j <= need; j++) {
			if ((s[i + j] & 0xc0) != 0x80)
				return 0;
			cp = cp << 6 | (s[i + j] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ||
		    (cp >= 0x80 && cp < 0xa0))
			return 0;
		i += need + 1;
	}
	return 1;
}

int
lq_liurl_is_urn(const char *id, size_t n)
{
	size_t i;

	if (n < 20 || n > 60 || id[0] != 'A' || id[1] != 'C')
		return 0;
	for (i = 2; i < n; i++) {
		int c = (unsigned char)id[i];

		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

/* A decoded profile id is acceptable: not empty, fits, UTF-8 without
 * controls, none of the characters that end a URL in markup or that no
 * slug holds, and not only dots ("." and ".." are path steps: as a file
 * name or a URL path they name another place). */
static int
id_ok(const char *id, size_t n)
{
	size_t i, dots = 0;

	if (n == 0 || n > LQ_LIURL_ID_MAX)
		return 0;
	for (i = 0; i < n; i++) {
		if (strchr(" /\\?#<>\"'`{}|^[]", id[i]) != NULL && id[i] != '\0')
			return 0;
		dots += id[i] == '.';
	}
	if (dots == n)
		return 0;
	return clean_utf8((const unsigned char *)id, n);
}

void
lq_liurl_format(char *url, const char *id)
{
	static const char hex[] = "0123456789ABCDEF";
	char *p = url;
	const unsigned char *s;

	memcpy(p, "https://www.linkedin.com/in/", 28);
	p += 28;
	for (s = (const unsigned char *)id; *s != '\0'; s++) {
		if ((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' || *s == '.' || *s == '~') {
			*p++ = (char)*s;
		} else {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		}
	}
	*p++ = '/';
	*p = '\0';
}

/* Finds the value of query parameter name in q[0..n) ('&' or ';'
 * separated, "&amp;" tolerated); returns its start and sets *vn, or NULL. */
static const char *
query_param(const char *q, size_t n, const char *name, size_t *vn)
{
	size_t i = 0, k = strlen(name);

	while (i < n) {
		size_t j = i;

		while (j < n && q[j] != '&' && q[j] != ';')
			j++;
		if (j - i > k && q[i + k] == '=' && memcmp(q + i, name, k) == 0) {
			*vn = j - i - k - 1;
			return q + i + k + 1;
		}
		if (j - i >= 4 && memcmp(q + i, "amp", 3) == 0 && q[i + 3] == ';')
			i += 4;
		i = j + 1;
	}
	return NULL;
}

/* Takes the member id out of a percent-encoded URN such as
 * urn%3Ali%3Afs_miniProfile%3AACoAA... into urn; 1 if it is one. */
static int
urn_from_param(const char *v, size_t vn, char *urn)
{
	char buf[LQ_LIURL_ID_MAX + 64];
	long len = pct_decode(v, vn, buf, sizeof buf);
	const char *colon;

	if (len <= 0)
		return 0;
	colon = strrchr(buf, ':');
	if (colon == NULL || strncmp(buf, "urn:li:", 7) != 0)
		return 0;
	colon++;
	if (!lq_liurl_is_urn(colon, strlen(colon)))
		return 0;
	strcpy(urn, colon);
	return 1;
}

/* Fills out from the decoded path id and the URN found in the query. */
static int
finish(struct lq_liurl *out, const char *raw, size_t rn, const char *qurn)
{
	char id[LQ_LIURL_ID_MAX + 1];
	long len;
	size_t i;

	if (rn == 0)
		return LQ_LIURL_NO_ID;
	len = pct_decode(raw, rn, id, sizeof id);
	if (len < 0 || !id_ok(id, (size_t)len))
		return LQ_LIURL_BAD_ID;
	out->urn[0] = out->slug[0] = '\0';
	if (lq_liurl_is_urn(id, (size_t)len)) {
		out->kind = LQ_LIURL_URN;
		memcpy(out->urn, id, (size_t)len + 1);
	} else {
		out->kind = LQ_LIURL_SLUG;
		for (i = 0; i <= (size_t)len; i++)
			out->slug[i] = (char)lower((unsigned char)id[i]);
		if (qurn != NULL)
			strcpy(out->urn, qurn);
	}
	strcpy(out->id, out->urn[0] != '\0' ? out->urn : out->slug);
	strcpy(out->path_id, out->slug[0] != '\0' ? out->slug : out->urn);
	lq_liurl_format(out->url, out->path_id);
	return LQ_LIURL_OK;
}

/* /pub/NAME/A/B/C redirected to /in/NAME-CBA with B and C padded to
 * three characters by leading zeros. seg[] are the path segments. */
static int
legacy_pub(struct lq_liurl *out, const char *const *seg, const size_t *sn, size_t nseg)
{
	char buf[LQ_LIURL_ID_MAX + 1];
	size_t k = 0, i, j;

	if (nseg >= 2 && eq_ci(seg[1], sn[1], "dir"))
		return LQ_LIURL_DIRECTORY;
	if (nseg < 5)
		return nseg < 2 || sn[1] == 0 ? LQ_LIURL_NO_ID : LQ_LIURL_BAD_ID;
	for (i = 2; i < 5; i++) {
		if (sn[i] == 0 || sn[i] > 3)
			return LQ_LIURL_BAD_ID;
		for (j = 0; j < sn[i]; j++)
			if (hexval((unsigned char)seg[i][j]) < 0)
				return LQ_LIURL_BAD_ID;
	}
	if (sn[1] + 11 > sizeof buf)
		return LQ_LIURL_BAD_ID;
	memcpy(buf, seg[1], sn[1]);
	k = sn[1];
	buf[k++] = '-';
	for (i = 4; i >= 2; i--) {
		if (i != 2)
			for (j = sn[i]; j < 3; j++)
				buf[k++] = '0';
		memcpy(buf + k, seg[i], sn[i]);
		k += sn[i];
	}
	return finish(out, buf, k, NULL);
}

int
lq_liurl_parse(const char *url, size_t n, struct lq_liurl *out)
{
	const char *s = url, *e = url + n, *host = NULL, *p, *q = NULL;
	size_t hn = 0, qn = 0, nseg = 0;
	const char *seg[LQ_NELEM_SEG];
	size_t sn[LQ_NELEM_SEG];
	char qurn[LQ_LIURL_ID_MAX + 1];
	int have_qurn = 0, deep = 0;

	while (s < e && is_space((unsigned char)*s))
		s++;
	while (e > s && is_space((unsigned char)e[-1]))
		e--;
	if (s == e)
		return LQ_LIURL_EMPTY;
	n = (size_t)(e - s);

	/* Scheme and host. */
	if (prefix_ci(s, n, "https://"))
		s += 8;
	else if (prefix_ci(s, n, "http://"))
		s += 7;
	else if (prefix_ci(s, n, "linkedin://"))
		s += 11, deep = 1;
	else if (n >= 2 && s[0] == '/' && s[1] == '/')
		s += 2;
	else if (s[0] == '/')
		host = "www.linkedin.com", hn = 16;
	else if (!prefix_ci(s, n, "www.linkedin.com") && !prefix_ci(s, n, "linkedin.com") &&
	    !(n > 3 && s[2] == '.' && prefix_ci(s + 3, n - 3, "linkedin.com")) &&
	    !prefix_ci(s, n, "m.linkedin.com") && !prefix_ci(s, n, "lnkd.in"))
		return LQ_LIURL_NOT_LINKEDIN;
	if (deep) {
		host = "www.linkedin.com", hn = 16;
	} else if (host == NULL) {
		const char *a = s, *at;

		while (s < e && *s != '/' && *s != '?' && *s != '#')
			s++;
		at = a;
		for (p = a; p < s; p++)	/* user info: the host follows the last '@' */
			if (*p == '@')
				at = p + 1;
		host = at;
		for (p = at; p < s && *p != ':'; p++)
			;
		hn = (size_t)(p - at);
		if (hn > 0 && host[hn - 1] == '.')
			hn--;
	}
	if (eq_ci(host, hn, "lnkd.in") || eq_ci(host, hn, "www.lnkd.in"))
		return LQ_LIURL_SHORT_LINK;
	if (!eq_ci(host, hn, "linkedin.com") && !eq_ci(host, hn, "www.linkedin.com") &&
	    !eq_ci(host, hn, "m.linkedin.com") && !eq_ci(host, hn, "mobile.linkedin.com") &&
	    !(hn == 15 && host[2] == '.' && eq_ci(host + 3, 12, "linkedin.com") &&
	    lower((unsigned char)host[0]) >= 'a' && lower((unsigned char)host[0]) <= 'z' &&
	    lower((unsigned char)host[1]) >= 'a' && lower((unsigned char)host[1]) <= 'z')) {
		size_t k = 13;

		/* Other *.linkedin.com hosts (business., about.) are LinkedIn
		 * but no person's profile. */
		if (hn > k && eq_ci(host + hn - k, k, ".linkedin.com"))
			return LQ_LIURL_NOT_PERSON;
		return LQ_LIURL_NOT_LINKEDIN;
	}

	/* Path segments (the first few), then the query. */
	p = s;
	if (deep && p < e && *p != '/') {
		/* linkedin://in/slug: the path starts right after the scheme */
	} else if (p < e && *p == '/') {
		p++;
	}
	while (p <= e && nseg < LQ_NELEM_SEG) {
		const char *b = p;

		while (p < e && *p != '/' && *p != '?' && *p != '#')
			p++;
		seg[nseg] = b;
		sn[nseg] = (size_t)(p - b);
		nseg++;
		if (p >= e || *p != '/')
			break;
		p++;
	}
	while (p < e && *p != '?' && *p != '#')
		p++;
	if (p < e && *p == '?') {
		q = ++p;
		while (p < e && *p != '#')
			p++;
		qn = (size_t)(p - q);
	}
	if (q != NULL) {
		const char *v;
		size_t vn;

		if (((v = query_param(q, qn, "miniProfileUrn", &vn)) != NULL ||
		    (v = query_param(q, qn, "profileUrn", &vn)) != NULL) &&
		    urn_from_param(v, vn, qurn))
			have_qurn = 1;
	}

	/* Mobile and e-mail prefixes before /in/. */
	if (nseg >= 2 && (eq_ci(seg[0], sn[0], "mwlite") || eq_ci(seg[0], sn[0], "m") ||
	    eq_ci(seg[0], sn[0], "comm"))) {
		memmove(seg, seg + 1, (nseg - 1) * sizeof seg[0]);
		memmove(sn, sn + 1, (nseg - 1) * sizeof sn[0]);
		nseg--;
	}
	if (nseg == 0 || (nseg == 1 && sn[0] == 0))
		return LQ_LIURL_NOT_PERSON;
	out->subpage = nseg > 2 && sn[2] > 0;
	if (eq_ci(seg[0], sn[0], "in"))
		return nseg < 2 ? LQ_LIURL_NO_ID : finish(out, seg[1], sn[1], have_qurn ? qurn : NULL);
	if (eq_ci(seg[0], sn[0], "pub"))
		return legacy_pub(out, seg, sn, nseg);
	if (eq_ci(seg[0], sn[0], "profile") && nseg >= 2 && eq_ci(seg[1], sn[1], "view") &&
	    q != NULL) {
		const char *v;
		size_t vn;

		if ((v = query_param(q, qn, "id", &vn)) != NULL && lq_liurl_is_urn(v, vn))
			return finish(out, v, vn, NULL);
		return LQ_LIURL_BAD_ID;
	}
	return LQ_LIURL_NOT_PERSON;
}

const char *
lq_liurl_reason(int err)
{
	switch (err) {
	case LQ_LIURL_OK: return "a profile link";
	case LQ_LIURL_EMPTY: return "empty";
	case LQ_LIURL_NOT_LINKEDIN: return "not a LinkedIn link";
	case LQ_LIURL_SHORT_LINK: return "lnkd.in short link (cannot be resolved offline)";
	case LQ_LIURL_NOT_PERSON: return "not a person's profile (company, school, feed, search, ...)";
	case LQ_LIURL_DIRECTORY: return "/pub/dir/ name directory, not one person";
	case LQ_LIURL_NO_ID: return "profile link without an id";
	case LQ_LIURL_BAD_ID: return "profile id too long or malformed";
	}
	return "unknown error";
}
