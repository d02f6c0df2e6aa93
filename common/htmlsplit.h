/* htmlsplit.h: a large page's follower list parsed in pieces on several threads. */
#ifndef LQ_HTMLSPLIT_H
#define LQ_HTMLSPLIT_H

#include <stddef.h>

#include <gumbo.h>

/* A saved follower list is one <ul> of thousands of <li> cards, and
 * gumbo's tree builder is most of the run time. Such a page is parsed as
 * a skeleton (the page with the list emptied) plus pieces of the list
 * parsed as fragments in the context of <ul> on several threads; the
 * caller's walk grafts the pieces into the skeleton's list one at a
 * time, so it sees the tree one parse builds. The pieces are used only
 * when that is provably so (docs/extract-urls.md, "Large pages"). */
struct lq_split;

/* Starts parsing buf[0..n) in pieces (buf must outlive the split) and
 * parses the skeleton. Returns NULL (nothing kept) when the page is
 * smaller than the lq_extract_split minimum, has no long list, or its
 * skeleton does not qualify; the caller then parses it whole. */
struct lq_split *lq_split_new(const char *buf, size_t n);

/* The skeleton's tree and the (empty) list in it whose children the
 * walk replaces piece by piece. */
const GumboNode *lq_split_root(const struct lq_split *sp);
const GumboNode *lq_split_list(const struct lq_split *sp);

/* Makes the next piece the list's children (waiting for its parse, or
 * doing it). Returns 1, 0 when no piece is left, -1 when the piece does
 * not qualify (a parse error): the caller drops what it found and
 * parses the page whole. */
int lq_split_graft(struct lq_split *sp);

/* The walk is done with every piece before the current one: they may be
 * freed (each by the thread that built it). */
void lq_split_release(struct lq_split *sp);

/* The number of pieces, and of threads at work (the caller's own not
 * counted). */
int lq_split_pieces(const struct lq_split *sp);
int lq_split_threads(const struct lq_split *sp);

/* Stops the threads and frees the split and every tree; NULL is ignored. */
void lq_split_free(struct lq_split *sp);

#endif
