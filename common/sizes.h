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

/* SHA-256 (64 hex) of company-sizes.vocab's tables as parsed: what a
 * cache key or version of a program that uses them includes. Loads and
 * checks the tables first, like the calls above. */
void lq_sizes_digest(char hex[65]);

/* "<base>+vocab:<first 12 hex of lq_sizes_digest>" in buf: the form of a
 * version or cache key that an edited vocabulary must change. */
void lq_sizes_versioned(char *buf, size_t len, const char *base);

#endif
