/* jalloc.h: jansson's small blocks from free lists instead of malloc (docs/performance.md). */
#ifndef LQ_JALLOC_H
#define LQ_JALLOC_H

/*
 * A stage makes and frees some 400 jansson values a record (a string is
 * two blocks, an object a block per member), nearly all under 256 bytes.
 * lq_jalloc_init (run before main) gives jansson an allocator that keeps
 * freed blocks of each size class (16-byte steps up to 256) on a list and
 * hands them out again: no search, no merging, a few instructions each.
 * Blocks come from 64 KB slabs that are never returned, so memory is the
 * high-water mark of what was live at once, flat in the number of
 * records. Larger blocks, and every block of a thread other than the
 * one that called lq_jalloc_init, go to malloc. Off under AddressSanitizer
 * (which must see every block) and when LQ_JALLOC=off.
 *
 * What jansson hands the caller to free() (json_dumps) is copied into
 * malloc'd memory by lazy.c's wrapper, so callers keep calling free().
 */

#include <stddef.h>

/* Installs the allocator; call before any jansson value exists. A
 * constructor in jalloc.c calls it before main in every program that
 * links jalloc.o (lq_init's call links it in), so no program needs to. */
void lq_jalloc_init(void);

/* 1 once lq_jalloc_init installed it. */
int lq_jalloc_on(void);

/* Frees a block jansson allocated (what json_dumps returned). */
void lq_jalloc_free(void *p);

#endif
