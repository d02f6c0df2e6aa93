/* sizes.h: a company's size from its head count or the stage it names, by the bands and stage words of company-sizes.vocab. */
#ifndef LQ_SIZES_H
#define LQ_SIZES_H

#include <stddef.h>

/* classify, score and icp-extract read the same file (docs/vocabulary.md),
 * so a head count lands in one band everywhere and an override of the
 * file moves every program at once. The tables are loaded and checked on
 * first use from lq_vocab(); a bad table is fatal with its file and line. */

/* The band ("startup", ...) whose from <= n < to, or NULL when no band
 * covers n (a gap the file leaves, or n < 0). */
const char *lq_size_band(long n);

/* The i-th band (from 0, smallest first): its name, with *lo its first
 * head count and *hi the first above it (-1: no upper limit); NULL past
 * the last. */
const char *lq_size_band_at(size_t i, long *lo, long *hi);

/* The size of the first stage word of company-sizes.stages found in
 * folded (lq_fold) text, or NULL; *word (when not NULL) is the word as
 * the file writes it. */
const char *lq_size_stage(const char *folded, const char **word);

/* Likewise for company-sizes.kinds (phrases that name a kind of company
 * besides its size: "freelance", "agency") and company-sizes.size-words
 * (phrases that name a size: "DAX", "mid-sized"), which lq_company_signal
 * reads before and after the stage words. */
const char *lq_size_kind(const char *folded, const char **word);
const char *lq_size_word(const char *folded, const char **word);

/* The first phrase of company-sizes.kinds of the given company type
 * ("freelance", "agency") found in folded text: type, with *word the
 * phrase; NULL when none is. classify reads the freelance phrases in a
 * lead's titles and the agency phrases in the company's text. */
const char *lq_size_kind_as(const char *folded, const char *type, const char **word);

/* The company type company-sizes.linkedin-kinds gives a LinkedIn industry
 * name (the whole name, any case: "Staffing and Recruiting" is an
 * agency), or NULL. */
const char *lq_size_linkedin_kind(const char *industry);

/* Whether the first word of folded text (up to a space) is a head-count
 * unit of company-sizes.units ("employees", "personnes", "fte"): the
 * word that makes the number before it a company's head count. classify
 * and score (lq_company_signal) both read it. */
int lq_size_unit(const char *folded);

/* The head count a text states, the first of:
 *   a number, then a space, a no-break space or a hyphen, at most one
 *   word of lower-case letters ("hourly"), and a unit of
 *   company-sizes.units: "300 employees", "900-person", "4,000 hourly
 *   staff", "420 MA", "600\u00a0salariés";
 *   a range of two such numbers joined by a hyphen or an en dash, the
 *   second the larger, before the unit: its middle ("50-200 employees":
 *   125, as classify reads the scraper's employee range);
 *   "team of N".
 * A number starts a word (not after a letter or a digit, nor after a
 * digit's ',' or '.'). Its digits are ASCII or fullwidth (NFKC's digits;
 * other scripts' digits are not read, and a number that touches one is
 * none); groups of three digits after a first group of one to three may
 * be set off by ',', '.', an apostrophe or a space of any kind ("1,200",
 * "1.800", "1'800", "1 800", "1\u202f800"); "30k" and "1.5k" are
 * thousands; a '+' after it is read past ("10+ staff"). A count of 0 or
 * above LQ_SIZES_HEADCOUNT_MAX is no head count (a hostile or garbled
 * number, or a number of users): the search goes on after it. text may be
 * as written or folded (lq_fold), though only as written does a range
 * stay a range. Returns the count, or 0 when there is none; *start and
 * *end (when not NULL) get the span from the number ("team of" included)
 * to the unit's end. classify (its size rule) and score (lq_company_signal)
 * both read head counts with it. */
#define LQ_SIZES_HEADCOUNT_MAX 10000000L
/* The first head-count range text states: two numbers joined by a hyphen,
 * a dash or a word of company-sizes.range ("to", "bis", "à", "tot" ...),
 * the second the larger, then a unit as lq_size_headcount reads one
 * ("about 250 to 5,000 staff", "zwischen 50 und 400 Mitarbeitenden",
 * "20-2.000 dipendenti"). 1 with *from and *to, else 0. score reads an
 * ICP's notes with it. */
int lq_size_range(const char *text, long *from, long *to);
long lq_size_headcount(const char *text, const char **start, const char **end);

/* The version of the way head counts are read (lq_size_headcount): bump
 * it when a text's head count can change. lq_sizes_versioned and the
 * versions that cover company-sizes.vocab (classify's local cache key,
 * score_version) hash it in with the file, as an edited vocabulary would
 * change them. */
#define LQ_SIZES_READING "headcount-3"

/* SHA-256 (64 hex) of company-sizes.vocab's tables as parsed: what a
 * cache key or version of a program that uses them includes. Loads and
 * checks the tables first, like the calls above. */
void lq_sizes_digest(char hex[65]);

/* "<base>+vocab:<first 12 hex of lq_sizes_digest>" in buf: the form of a
 * version or cache key that an edited vocabulary must change. */
void lq_sizes_versioned(char *buf, size_t len, const char *base);

/* lq_vocab_versioned of files (which must include company-sizes) for a
 * program that reads head counts: the digest is of the files and
 * LQ_SIZES_READING, so a new way of reading head counts changes the
 * version as an edited file does. */
void lq_sizes_versioned_with(char *buf, size_t len, const char *base, const char *const *files);

#endif
