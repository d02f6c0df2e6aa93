/* pagekind.c: what a saved page is, from its address, title, page key and a few markers. */
#include <stdio.h>
#include <string.h>

#include "pagekind.h"

/* The head (title, meta, canonical link) is looked for in the first
 * bytes only: browsers write it first, and a saved LinkedIn page's head
 * with its inline styles stays well below this. */
#define HEAD_BYTES ((size_t)2 << 20)

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Offset of w (lower case) in s[0..n) ignoring ASCII case, or -1. */
static long
find_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i, j;

	for (i = 0; i + k <= n; i++) {
		if (lower((unsigned char)s[i]) != w[0])
			continue;
		for (j = 1; j < k && lower((unsigned char)s[i + j]) == w[j]; j++)
			;
		if (j == k)
			return (long)i;
	}
	return -1;
}

static int
has(const char *s, size_t n, const char *w)
{
	return memmem(s, n, w, strlen(w)) != NULL;
}

static int
has_ci(const char *s, const char *w)
{
	return find_ci(s, strlen(s), w) >= 0;
}

/* Appends the UTF-8 of code point cp to out[*k..cap); 0 if it does not fit. */
static int
put_cp(char *out, size_t cap, size_t *k, unsigned long cp)
{
	size_t w = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;

	if (*k + w + 1 > cap)
		return 0;
	if (w == 1) {
		out[(*k)++] = (char)cp;
		return 1;
	}
	if (w == 2) {
		out[(*k)++] = (char)(0xc0 | cp >> 6);
	} else if (w == 3) {
		out[(*k)++] = (char)(0xe0 | cp >> 12);
		out[(*k)++] = (char)(0x80 | (cp >> 6 & 0x3f));
	} else {
		out[(*k)++] = (char)(0xf0 | cp >> 18);
		out[(*k)++] = (char)(0x80 | (cp >> 12 & 0x3f));
		out[(*k)++] = (char)(0x80 | (cp >> 6 & 0x3f));
	}
	out[(*k)++] = (char)(0x80 | (cp & 0x3f));
	return 1;
}

/* The character reference at s[i..n) (after its '&'): its code point,
 * *len its length; 0 when it is none. */
static unsigned long
char_ref(const char *s, size_t n, size_t i, size_t *len)
{
	static const struct { const char *name; unsigned long cp; } ents[] = {
		{ "amp;", '&' }, { "lt;", '<' }, { "gt;", '>' }, { "quot;", '"' },
		{ "apos;", '\'' }, { "nbsp;", ' ' }
	};
	unsigned long v = 0;
	size_t e, j = i + 1;
	int hex, digits = 0;

	for (e = 0; e < sizeof ents / sizeof ents[0]; e++)
		if (n - j >= strlen(ents[e].name) &&
		    memcmp(s + j, ents[e].name, strlen(ents[e].name)) == 0) {
			*len = 1 + strlen(ents[e].name);
			return ents[e].cp;
		}
	if (j >= n || s[j] != '#')
		return 0;
	hex = j + 1 < n && (s[j + 1] == 'x' || s[j + 1] == 'X');
	for (j += 1 + hex; j < n && digits < 7; j++, digits++) {
		int c = lower((unsigned char)s[j]);

		if (c >= '0' && c <= '9')
			v = v * (hex ? 16 : 10) + (unsigned long)(c - '0');
		else if (hex && c >= 'a' && c <= 'f')
			v = v * 16 + (unsigned long)(c - 'a' + 10);
		else
			break;
	}
	if (digits == 0 || j >= n || s[j] != ';' || v == 0 || v > 0x10ffff ||
	    (v >= 0xd800 && v <= 0xdfff))
		return 0;
	*len = j + 1 - i;
	return v;
}

/* Appends the text s[0..n) to out (cap bytes) with character references
 * decoded and white space collapsed. */
static void
add_text(char *out, size_t cap, const char *s, size_t n)
{
	size_t i = 0, k = strlen(out), len;

	while (i < n) {
		unsigned long cp = (unsigned char)s[i];

		len = 1;
		if (s[i] == '&' && (cp = char_ref(s, n, i, &len)) == 0)
			cp = '&', len = 1;
		if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f') {
			if (k > 0 && out[k - 1] != ' ' && k + 2 < cap)
				out[k++] = ' ';
		} else if ((unsigned char)s[i] >= 0x80) {
			size_t w = 1;	/* UTF-8 as it is, whole characters only */

			while (i + w < n && ((unsigned char)s[i + w] & 0xc0) == 0x80 && w < 4)
				w++;
			if (k + w + 1 > cap)
				break;
			memcpy(out + k, s + i, w);
			k += w;
			len = w;
		} else if (cp >= 0x20 && !put_cp(out, cap, &k, cp)) {
			break;
		}
		i += len;
	}
	while (k > 0 && out[k - 1] == ' ')
		k--;
	out[k] = '\0';
}

/* The tag around offset at: [*b, *e) from its '<' to past its '>'. */
static int
tag_around(const char *s, size_t n, size_t at, size_t *b, size_t *e)
{
	size_t i = at;
	const char *p;

	while (i > 0 && s[i - 1] != '<' && s[i - 1] != '>')
		i--;
	if (i == 0 || s[i - 1] != '<')
		return 0;
	*b = i - 1;
	p = memchr(s + at, '>', n - at);
	if (p == NULL)
		return 0;
	*e = (size_t)(p - s) + 1;
	return 1;
}

/* The value of attribute name (lower case, '=' included: "content=") in
 * the tag s[b..e), copied into out; 1 if found. */
static int
attr_value(const char *s, size_t b, size_t e, const char *name, char *out, size_t cap)
{
	long a = find_ci(s + b, e - b, name);
	size_t i, v;
	char q;

	if (a < 0)
		return 0;
	i = b + (size_t)a + strlen(name);
	if (i >= e)
		return 0;
	q = s[i];
	if (q == '"' || q == '\'') {
		for (v = ++i; v < e && s[v] != q; v++)
			;
	} else {
		for (v = i; v < e && s[v] != ' ' && s[v] != '>'; v++)
			;
	}
	out[0] = '\0';
	add_text(out, cap, s + i, v - i);
	return 1;
}

/* The attribute value of the tag that holds marker (like
 * 'rel="canonical"'), in the head. */
static int
tag_attr(const char *s, size_t n, const char *marker, const char *name, char *out, size_t cap)
{
	long at = find_ci(s, n, marker);
	size_t b, e;

	return at >= 0 && tag_around(s, n, (size_t)at, &b, &e) &&
	    attr_value(s, b, e, name, out, cap) && out[0] != '\0';
}

static void
read_head(const char *s, size_t n, const char *url, struct lq_page_info *pi)
{
	size_t hn = n < HEAD_BYTES ? n : HEAD_BYTES;
	long t;

	if (url != NULL && url[0] != '\0')
		snprintf(pi->url, sizeof pi->url, "%s", url);
	if (pi->url[0] == '\0' && (t = find_ci(s, hn, "<!-- saved from url=(")) >= 0) {
		const char *p = s + t + 21, *end = s + hn;

		while (p < end && *p != ')')
			p++;
		if (p < end) {
			const char *q = ++p;

			while (q < end && *q != ' ' && *q != '\n' && *q != '>')
				q++;
			add_text(pi->url, sizeof pi->url, p, (size_t)(q - p));
		}
	}
	if (pi->url[0] == '\0')
		tag_attr(s, hn, "rel=\"canonical\"", "href=", pi->url, sizeof pi->url);
	if (pi->url[0] == '\0')
		tag_attr(s, hn, "property=\"og:url\"", "content=", pi->url, sizeof pi->url);
	tag_attr(s, hn, "name=\"pagekey\"", "content=", pi->page_key, sizeof pi->page_key);
	if ((t = find_ci(s, hn, "<title")) >= 0) {
		const char *p = memchr(s + t, '>', hn - (size_t)t);
		long e;

		if (p != NULL && (e = find_ci(p, hn - (size_t)(p - s), "</title")) >= 0)
			add_text(pi->title, sizeof pi->title, p + 1, (size_t)e - 1);
	}
}

/* The path of url (after scheme and host), lower case, into out. */
static void
url_path(const char *url, char *out, size_t cap)
{
	const char *p = strstr(url, "://");
	size_t k = 0;

	p = p != NULL ? strchr(p + 3, '/') : url[0] == '/' ? url : NULL;
	for (; p != NULL && *p != '\0' && *p != '?' && *p != '#' && k + 1 < cap; p++)
		out[k++] = (char)lower((unsigned char)*p);
	out[k] = '\0';
}

static int
prefix(const char *s, const char *w)
{
	return strncmp(s, w, strlen(w)) == 0;
}

/* Kinds told by the address path. */
static enum lq_page_kind
by_path(const char *path)
{
	static const char *const signin[] = {
		"/login", "/signup", "/authwall", "/uas/login", "/checkpoint/", "/m/login",
		"/start/join", "/signin", "/reg/join", NULL
	};
	size_t i;

	for (i = 0; signin[i] != NULL; i++)
		if (prefix(path, signin[i]))
			return LQ_PAGE_SIGNIN;
	if (strstr(path, "/people-follow/followers") != NULL || prefix(path, "/feed/followers") ||
	    (strstr(path, "/followers") != NULL && strstr(path, "/followers")[10] == '\0') ||
	    strstr(path, "/followers/") != NULL)
		return LQ_PAGE_FOLLOWERS;
	if (strstr(path, "/invite-connect/connections") != NULL)
		return LQ_PAGE_CONNECTIONS;
	if (prefix(path, "/search/results/"))
		return LQ_PAGE_SEARCH;
	if (prefix(path, "/in/") || prefix(path, "/pub/") || prefix(path, "/public-profile/in/"))
		return LQ_PAGE_PROFILE;
	return LQ_PAGE_UNKNOWN;
}

/* Kinds told by LinkedIn's page key (d_flagship3_people_follows, ...). */
static enum lq_page_kind
by_key(const char *key)
{
	if (key[0] == '\0')
		return LQ_PAGE_UNKNOWN;
	if (has_ci(key, "checkpoint") || has_ci(key, "login") || has_ci(key, "guest") ||
	    has_ci(key, "authwall") || has_ci(key, "registration") || has_ci(key, "join"))
		return LQ_PAGE_SIGNIN;
	if (has_ci(key, "people_follows") || has_ci(key, "followers"))
		return LQ_PAGE_FOLLOWERS;
	if (has_ci(key, "connections"))
		return LQ_PAGE_CONNECTIONS;
	if (has_ci(key, "search"))
		return LQ_PAGE_SEARCH;
	if (has_ci(key, "profile"))
		return LQ_PAGE_PROFILE;
	return LQ_PAGE_UNKNOWN;
}

/* Kinds told by the title ("Sign Up | LinkedIn", "(4) Followers | LinkedIn"). */
static enum lq_page_kind
by_title(const char *t)
{
	if (t[0] == '\0')
		return LQ_PAGE_UNKNOWN;
	if (has_ci(t, "not found") || has_ci(t, "doesn't exist") || has_ci(t, "doesn\xe2\x80\x99t exist"))
		return LQ_PAGE_NOT_FOUND;
	if (has_ci(t, "sign up") || has_ci(t, "sign in") || has_ci(t, "log in") ||
	    has_ci(t, "login") || has_ci(t, "join linkedin") || has_ci(t, "security verification"))
		return LQ_PAGE_SIGNIN;
	if (has_ci(t, "followers"))
		return LQ_PAGE_FOLLOWERS;
	if (has_ci(t, "connections"))
		return LQ_PAGE_CONNECTIONS;
	if (prefix(t, "Search") || has_ci(t, "search |"))
		return LQ_PAGE_SEARCH;
	return LQ_PAGE_UNKNOWN;
}

void
lq_page_kind(const char *buf, size_t n, const char *url, struct lq_page_info *pi)
{
	char path[256];
	enum lq_page_kind k;

	memset(pi, 0, sizeof *pi);
	read_head(buf, n, url, pi);
	url_path(pi->url, path, sizeof path);

	/* The address, LinkedIn's page key and the title say most; a
	 * sign-in or not-found page says so whatever address it was saved
	 * from. Markers in the markup come last: scripts may name anything. */
	if (by_title(pi->title) == LQ_PAGE_NOT_FOUND) {
		snprintf(pi->why, sizeof pi->why, "title \"%s\"", pi->title);
		pi->kind = LQ_PAGE_NOT_FOUND;
	} else if (by_path(path) == LQ_PAGE_SIGNIN) {
		snprintf(pi->why, sizeof pi->why, "address %s", pi->url);
		pi->kind = LQ_PAGE_SIGNIN;
	} else if (by_key(pi->page_key) == LQ_PAGE_SIGNIN) {
		snprintf(pi->why, sizeof pi->why, "page key %s", pi->page_key);
		pi->kind = LQ_PAGE_SIGNIN;
	} else if (by_title(pi->title) == LQ_PAGE_SIGNIN) {
		snprintf(pi->why, sizeof pi->why, "title \"%s\"", pi->title);
		pi->kind = LQ_PAGE_SIGNIN;
	} else if ((k = by_path(path)) != LQ_PAGE_UNKNOWN) {
		snprintf(pi->why, sizeof pi->why, "address %s", pi->url);
		pi->kind = k;
	} else if ((k = by_key(pi->page_key)) != LQ_PAGE_UNKNOWN) {
		snprintf(pi->why, sizeof pi->why, "page key %s", pi->page_key);
		pi->kind = k;
	} else if ((k = by_title(pi->title)) != LQ_PAGE_UNKNOWN) {
		snprintf(pi->why, sizeof pi->why, "title \"%s\"", pi->title);
		pi->kind = k;
	} else if (has(buf, n, "class=\"page-not-found") ||
	    has(buf, n, "This page doesn\xe2\x80\x99t exist") || has(buf, n, "This page doesn't exist")) {
		snprintf(pi->why, sizeof pi->why, "a \"not found\" notice");
		pi->kind = LQ_PAGE_NOT_FOUND;
	} else if (has(buf, n, "name=\"session_key\"") || has(buf, n, "class=\"authwall") ||
	    has(buf, n, "class=\"join-form")) {
		snprintf(pi->why, sizeof pi->why, "a sign-in form");
		pi->kind = LQ_PAGE_SIGNIN;
	} else if (pi->title[0] == '\0' && find_ci(buf, n < HEAD_BYTES ? n : HEAD_BYTES,
	    "http-equiv=\"refresh\"") >= 0) {
		snprintf(pi->why, sizeof pi->why, "a refresh to another address and no title");
		pi->kind = LQ_PAGE_REDIRECT;
	} else if (has_ci(pi->url, "linkedin.com") || has_ci(pi->title, "linkedin") ||
	    has(buf, n, "licdn.com") || has(buf, n, "LinkedIn") || has(buf, n, "linkedin.com")) {
		pi->kind = LQ_PAGE_LINKEDIN;
	} else {
		snprintf(pi->why, sizeof pi->why, "no mention of LinkedIn");
		pi->kind = LQ_PAGE_OTHER_SITE;
	}
}

const char *
lq_page_kind_name(enum lq_page_kind kind)
{
	switch (kind) {
	case LQ_PAGE_FOLLOWERS: return "a followers page";
	case LQ_PAGE_CONNECTIONS: return "a connections page";
	case LQ_PAGE_SEARCH: return "a people search page";
	case LQ_PAGE_PROFILE: return "a profile page";
	case LQ_PAGE_SIGNIN: return "a LinkedIn sign-in page (the browser was logged out)";
	case LQ_PAGE_NOT_FOUND: return "a LinkedIn \"not found\" page";
	case LQ_PAGE_REDIRECT: return "a redirect or bot-check page, not the page itself";
	case LQ_PAGE_LINKEDIN: return "a LinkedIn page";
	case LQ_PAGE_OTHER_SITE: return "not a LinkedIn page";
	default: return "a web page";
	}
}

const char *
lq_page_kind_advice(enum lq_page_kind kind)
{
	switch (kind) {
	case LQ_PAGE_FOLLOWERS:
	case LQ_PAGE_CONNECTIONS:
		return "it was saved before any card loaded: wait for the list, scroll to its end, "
		    "then save";
	case LQ_PAGE_SIGNIN:
		return "sign in to LinkedIn in the browser, open the followers page again and save "
		    "it once the list shows";
	case LQ_PAGE_NOT_FOUND:
		return "the address was wrong or the page is private: open Me > View profile > "
		    "followers (or My Network > Following & followers) and save that page";
	case LQ_PAGE_REDIRECT:
		return "open the followers page in the browser and save it once the list shows";
	case LQ_PAGE_SEARCH:
	case LQ_PAGE_PROFILE:
	case LQ_PAGE_LINKEDIN:
	case LQ_PAGE_OTHER_SITE:
	case LQ_PAGE_UNKNOWN:
		return "save the followers page itself";
	}
	return "";
}
