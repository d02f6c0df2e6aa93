/* liurl.h: LinkedIn profile URLs: every link form to one canonical person key. */
#ifndef LQ_LIURL_H
#define LQ_LIURL_H

#include <stddef.h>

/* Longest profile id kept, in bytes after percent-decoding. LinkedIn
 * vanity slugs are 3 to 100 characters and member ids (ACoAA...) 39;
 * 200 bytes leaves room for slugs in non-Latin scripts (UTF-8). */
#define LQ_LIURL_ID_MAX 200
/* Canonical URL: prefix, the id percent-encoded (3 bytes a byte), "/". */
#define LQ_LIURL_URL_MAX (sizeof "https://www.linkedin.com/in/" + 3 * LQ_LIURL_ID_MAX + 1)

/* What the path names the person by. */
enum lq_liurl_kind {
	LQ_LIURL_SLUG = 1,	/* public vanity slug, compared case-insensitively */
	LQ_LIURL_URN = 2	/* member id ACoAA.../ACwAA..., case-sensitive */
};

/* Results of lq_liurl_parse; lq_liurl_reason names each one. */
enum lq_liurl_err {
	LQ_LIURL_OK = 0,
	LQ_LIURL_EMPTY,		/* nothing but white space */
	LQ_LIURL_NOT_LINKEDIN,	/* another host, or not a URL at all */
	LQ_LIURL_SHORT_LINK,	/* lnkd.in: cannot be resolved offline */
	LQ_LIURL_NOT_PERSON,	/* company, school, showcase, feed, search, login... */
	LQ_LIURL_DIRECTORY,	/* /pub/dir/ name directory, not one person */
	LQ_LIURL_NO_ID,		/* /in/ with no id after it */
	LQ_LIURL_BAD_ID		/* id too long, or holds bytes no profile id has */
};

/* One person's profile link, reduced. Strings are NUL-terminated and
 * empty when unknown. */
struct lq_liurl {
	enum lq_liurl_kind kind;	/* what the path held */
	int subpage;			/* 1: a page under the profile (/details/...) */
	char id[LQ_LIURL_ID_MAX + 1];	/* record id: the URN when known, else the slug */
	char slug[LQ_LIURL_ID_MAX + 1];	/* slug, ASCII-lowercased; "" for URN paths */
	char urn[LQ_LIURL_ID_MAX + 1];	/* member id from the path or ?miniProfileUrn= */
	char path_id[LQ_LIURL_ID_MAX + 1]; /* the slug if known, else the URN */
	char url[LQ_LIURL_URL_MAX];	/* https://www.linkedin.com/in/<path_id>/ */
};

/* Parses url[0..n) (need not be NUL-terminated; surrounding white space
 * is ignored) and fills *out. Accepts http, https, protocol-relative
 * "//", scheme-less "www.linkedin.com/...", site-relative "/in/...", and
 * linkedin://in/... deep links; hosts linkedin.com, www., m., mobile.
 * and two-letter country subdomains (case-insensitive, optional port
 * and trailing dot); path prefixes /mwlite, /m, /comm; sub-pages after
 * the id (/details/..., /overlay/..., /recent-activity/...); query and
 * fragment; percent-encoding; legacy /pub/NAME/A/B/C (mapped to the
 * /in/NAME-CBA vanity it redirected to) and /profile/view?id=ACoAA....
 * A miniProfileUrn or profileUrn query parameter supplies the URN.
 * Returns LQ_LIURL_OK, or an lq_liurl_err when url is not one person's
 * profile (then *out is unspecified). Never allocates. */
int lq_liurl_parse(const char *url, size_t n, struct lq_liurl *out);

/* Writes https://www.linkedin.com/in/<id>/ into url (LQ_LIURL_URL_MAX
 * bytes; id at most LQ_LIURL_ID_MAX bytes), bytes outside A-Z a-z 0-9
 * - _ . ~ percent-encoded. */
void lq_liurl_format(char *url, const char *id);

/* A short English reason for an lq_liurl_err ("company or other
 * non-person page", ...). */
const char *lq_liurl_reason(int err);

/* 1 if id[0..n) has the shape of a member id (ACoAA.../ACwAA...:
 * "AC" then base64url characters, 20 to 60 of them), else 0. */
int lq_liurl_is_urn(const char *id, size_t n);

#endif
