/* pagekind.h: what a saved page is (followers list, sign-in wall, not found, ...), from its markup. */
#ifndef LQ_PAGEKIND_H
#define LQ_PAGEKIND_H

#include <stddef.h>

enum lq_page_kind {
	LQ_PAGE_UNKNOWN = 0,	/* nothing says what it is */
	LQ_PAGE_FOLLOWERS,	/* a followers list */
	LQ_PAGE_CONNECTIONS,	/* the connections list */
	LQ_PAGE_SEARCH,		/* people search results */
	LQ_PAGE_PROFILE,	/* one person's profile */
	LQ_PAGE_SIGNIN,		/* sign-in wall, login or join page: the browser was logged out */
	LQ_PAGE_NOT_FOUND,	/* "Profile Not Found", "Page not found" */
	LQ_PAGE_REDIRECT,	/* a redirect or bot check with no page in it */
	LQ_PAGE_LINKEDIN,	/* another LinkedIn page */
	LQ_PAGE_OTHER_SITE	/* no LinkedIn page at all */
};

/* What lq_page_kind saw. Strings are NUL-terminated, "" if absent. */
struct lq_page_info {
	enum lq_page_kind kind;
	char url[512];		/* the page's address: the container's, the "saved from
				 * url" mark, the canonical link or og:url */
	char title[160];	/* <title>, white space collapsed, entities decoded */
	char page_key[80];	/* LinkedIn's <meta name="pageKey"> */
	char why[544];		/* the evidence, for messages: 'title "Sign Up | LinkedIn"' */
};

/* Tells what the HTML page buf[0..n) is from its address (url: the one
 * its container gave, or NULL), title, LinkedIn page key and a few
 * markers (a sign-in form, a not-found block, a refresh with no page).
 * Reads the page's head and searches the whole of it for the markers;
 * never allocates. */
void lq_page_kind(const char *buf, size_t n, const char *url, struct lq_page_info *pi);

/* What kind is, as a noun phrase for messages: "a LinkedIn sign-in page
 * (the browser was logged out)". */
const char *lq_page_kind_name(enum lq_page_kind kind);

/* What to do when a page of this kind gave nobody, one sentence; "" when
 * there is nothing to add. */
const char *lq_page_kind_advice(enum lq_page_kind kind);

#endif
