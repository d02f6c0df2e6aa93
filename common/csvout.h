/* csvout.h: RFC 4180 cells and rows, with a guard against formula injection. */
#ifndef LQ_CSVOUT_H
#define LQ_CSVOUT_H

#include <stddef.h>

#include <jansson.h>

#include "util.h"

/* Flags of lq_csv_cell and lq_csv_value. */
enum {
	LQ_CSV_GUARD = 1	/* prefix "'" to formula text (lq_csv_formula_text) */
};

/* 1 if a cell beginning with byte c would be read as a formula by a
 * spreadsheet (OWASP's list: = + - @ TAB CR). */
int lq_csv_formula_start(int c);

/* 1 if the text s[0..n) (NUL bytes ignored) would be read as a formula:
 * it begins with a byte of lq_csv_formula_start, or with white space
 * (ASCII, NBSP and the other Unicode spaces, zero-width space, BOM)
 * followed by = + - @ or their fullwidth (＝ ＋ － ＠) or small forms. */
int lq_csv_formula_text(const char *s, size_t n);

/* Appends s[0..n) to b as one CSV field for delimiter delim: NUL bytes
 * are dropped; with LQ_CSV_GUARD a text that lq_csv_formula_text finds
 * a formula gets a leading single quote; the field is quoted (quotes
 * doubled, by libcsv) only when it holds the delimiter, a double quote,
 * CR or LF. Never fails (allocation failure is fatal). */
void lq_csv_cell(struct lq_buf *b, const char *s, size_t n, int delim, int flags);

/* Appends the cell for JSON value v (NULL or null: an empty cell):
 * strings as they are; numbers as JSON writes them (integers in full,
 * reals in the shortest form that reads back); true/false; an array of
 * scalars as its elements joined with ", " (null elements skipped); any
 * other array or object as compact JSON text. LQ_CSV_GUARD applies only
 * when the cell holds text from a JSON string: a cell made of numbers
 * and booleans alone is never prefixed. scratch is working space the
 * caller keeps between calls (reset here). */
void lq_csv_value(struct lq_buf *b, const json_t *v, int delim, int flags,
    struct lq_buf *scratch);

#endif
