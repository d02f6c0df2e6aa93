/* followers.h: finding followers in saved HTML pages, text and CSV lists. */
#ifndef LQ_FOLLOWERS_H
#define LQ_FOLLOWERS_H

#include <stddef.h>

#include "liurl.h"
#include "pagekind.h"
#include "savedpage.h"

/* One follower. Strings are NUL-terminated UTF-8 owned by the set; NULL
 * when unknown. After merges: id is the URN when known, else the slug;
 * path_id (the record's public_identifier) is the slug when known, else
 * the URN; url is https://www.linkedin.com/in/<path_id>/. */
struct lq_person {
	char *id, *slug, *urn, *path_id, *url;
	char *name, *headline, *company;
	char *source;		/* input the person was first seen in */
	int merged;		/* 1: folded into an earlier person, skip it */
};

/* The deduplicating set of followers, in first-seen order. A person is
 * one slug (case-insensitive) and/or one URN (case-sensitive); adding a
 * link that carries a known key fills in what the earlier entry lacked,
 * and a link carrying the slug of one entry and the URN of another folds
 * the later entry into the earlier one. */
struct lq_people;

struct lq_people *lq_people_new(void);
void lq_people_free(struct lq_people *pp);

/* Adds one person: slug and/or urn (at least one, as from struct
 * lq_liurl; "" counts as absent), name, headline and company (NULL or ""
 * if unknown) and the source label. Returns 1 if a new person was
 * created, 0 if it merged into a known one. */
int lq_people_add(struct lq_people *pp, const char *slug, const char *urn,
    const char *name, const char *headline, const char *company, const char *source);

/* Number of entries (merged ones included) and entry i; check ->merged. */
size_t lq_people_len(const struct lq_people *pp);
const struct lq_person *lq_people_at(const struct lq_people *pp, size_t i);
/* Number of distinct people (entries not merged away). */
size_t lq_people_count(const struct lq_people *pp);
/* 1 if slug or urn (either may be NULL or "") is a key of a person of pp. */
int lq_people_has(struct lq_people *pp, const char *slug, const char *urn);

/* Input kinds. */
enum lq_format { LQ_FMT_AUTO, LQ_FMT_HTML, LQ_FMT_TEXT, LQ_FMT_CSV };

/* Guesses the kind of buf[0..n) from its start: markup is HTML, a row
 * with a URL column header is CSV, anything else text. */
enum lq_format lq_detect_format(const char *buf, size_t n);

/* What one extraction saw, for the closing notes. */
struct lq_extract_stats {
	size_t links;		/* LinkedIn links looked at (attributes, text, cells) */
	size_t profiles;	/* of which person profile links */
	size_t rejected[LQ_LIURL_BAD_ID + 1];	/* other LinkedIn links by lq_liurl_err */
	size_t chrome;		/* profile links in header/nav/footer/aside chrome */
	size_t owner;		/* cards and mentions skipped as the page owner's */
	size_t cards;		/* person groups found (cards, lines, rows) */
	size_t added;		/* new people */
	size_t flat;		/* 1: HTML too deeply nested, scanned as text */
	size_t rows_without_url;	/* CSV rows with an empty or non-profile URL cell */
	int no_url_column;	/* CSV where no column holds profile links */
	char columns[256];	/* then its header cells, quoted, for messages */
	char url_column[64];	/* CSV whose URL column was found by its links, not its name */
	int pieces;		/* HTML parsed in this many pieces at once; 0: whole */
	size_t mentions;	/* HTML: profile links in running text (posts, insights) left out */
	enum lq_format format;	/* the kind read: fmt, or what LQ_FMT_AUTO found */
	struct lq_saved saved;	/* the wrapper or encoding the input came in */
	int unreadable;		/* a wrapper without a readable page (saved.err says why) */
	int binary;		/* not text: NUL bytes or no UTF-8 at the start */
	const char *binary_kind;	/* a known binary format ("a PDF document"), or NULL */
	struct lq_page_info page;	/* HTML: what the page is */
};

/* Finds the followers in buf[0..n) of the given format (LQ_FMT_AUTO
 * detects it) and adds them to pp with source as their source label.
 * The input is first unwrapped (MHTML, Safari web archive) and decoded
 * from UTF-16/32 (common/savedpage.h); st->saved says how, and
 * st->unreadable that a wrapper held no page.
 * HTML: links in <a href>/<area href> and data-* attributes, URLs in
 * text; links inside page chrome (header, nav, footer, aside, ARIA
 * banner/navigation/contentinfo/complementary, #global-nav) are not
 * followers, and the people linked from header/nav chrome (the page
 * owner) are left out wherever they appear. Links in running text are
 * mentions, left out (st->mentions) unless the page has no card. Links
 * are grouped into cards (the largest element around a link that holds
 * one person's links and is not a list of such elements); a card's
 * links are one person, named by its link text (never an aria-label),
 * its headline the element whose class names one, else the first text
 * after the name (docs/extract-urls.md). st->page says what the page is.
 * Text: every URL-like token. CSV: the URL column of the header row
 * (preamble lines before it are skipped), else the column holding
 * profile links, with name, headline and company columns when present;
 * st->no_url_column when there is none. Messages about bad lines name
 * source and the line. Fills st (zeroed first). Memory is bounded by a
 * small multiple of n. */
void lq_extract(struct lq_people *pp, const char *buf, size_t n, enum lq_format fmt,
    const char *source, struct lq_extract_stats *st);

/* Nesting depth above which HTML is scanned as text (names and cards are
 * lost, links are not): the tree builder's cost grows with depth times
 * the number of tags, and real LinkedIn pages stay below 100. */
#define LQ_HTML_MAX_DEPTH 1000

/* Pages of at least min_bytes whose follower list is a long run of
 * <li> items are parsed in pieces on up to threads threads (0: one per
 * processor, at most 8; 1: none) and walked piece by piece; the pieces
 * are checked to build the very tree one parse would, else the page is
 * parsed whole. The default is LQ_HTML_SPLIT_MIN and every processor;
 * tests set 0 to force it. Not thread-safe: call before lq_extract. */
void lq_extract_split(size_t min_bytes, int threads);
#define LQ_HTML_SPLIT_MIN ((size_t)1 << 20)

#endif
