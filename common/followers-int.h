/* followers-int.h: what the parts of the follower finder share (not an API). */
#ifndef LQ_FOLLOWERS_INT_H
#define LQ_FOLLOWERS_INT_H

#include <stddef.h>

#include "followers.h"
#include "util.h"

/* Warnings about single bad lines or rows per input; the rest are counted. */
#define LQ_FOL_MAX_WARNINGS 10
/* Longest name or headline kept, in bytes; card text beyond is noise. */
#define LQ_FOL_MAX_TEXT 1024
/* Threads for one large page at most (pieces parsed, cards read); beyond
 * two or three the single-threaded walk dominates. */
#define LQ_FOL_MAX_THREADS 8

/* Where one extraction puts what it finds. */
struct lq_fol {
	struct lq_people *pp;
	const char *source;
	struct lq_extract_stats *st;
};

/* ASCII lower case of c. */
static inline int
lq_fol_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* 1 if s[0..n) holds w (lower case), ignoring ASCII case. */
int lq_fol_has_ci(const char *s, size_t n, const char *w);
/* 1 if c ends a URL-like token in text. */
int lq_fol_token_end(int c);
/* 1 if the token s[0..n) may be a LinkedIn link worth parsing. */
int lq_fol_candidate(const char *s, size_t n);
/* Length of s[0..n) without the punctuation that ends a sentence. */
size_t lq_fol_strip_trailing(const char *s, size_t n);
/* Classifies one candidate link and counts it in st; on a profile link
 * fills *u and returns 1, else 0. */
int lq_fol_take_link(const char *s, size_t n, struct lq_liurl *u, struct lq_extract_stats *st);
/* Appends s[0..n) to b with white space runs collapsed to one space and
 * no leading space, up to LQ_FOL_MAX_TEXT bytes (cut at a UTF-8 boundary). */
void lq_fol_add_text(struct lq_buf *b, const char *s, size_t n);
/* Drops trailing spaces from b. */
void lq_fol_trim(struct lq_buf *b);

/* Every URL-like token of s[0..n) becomes a person of its own (text input,
 * and pages too deeply nested to be parsed). */
void lq_fol_scan_text(struct lq_fol *f, const char *s, size_t n);

/* The people of an HTML page, from its cards (cards.c). */
void lq_fol_html(struct lq_fol *f, const char *buf, size_t n);

#endif
