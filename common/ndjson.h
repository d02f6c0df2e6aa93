/* ndjson.h: reading and writing one JSON object per line. */
#ifndef LQ_NDJSON_H
#define LQ_NDJSON_H

#include <stdio.h>

#include <jansson.h>

#include "util.h"

struct lq_reader;

/* Starts reading NDJSON from fp; name ("<stdin>" or a path) is used in
 * messages. The reader does not close fp. */
struct lq_reader *lq_reader_new(FILE *fp, const char *name);

/* Returns the next record (a new reference the caller must json_decref),
 * or NULL at end of input. Lines may be of any length; CR before LF, a
 * UTF-8 byte order mark before the first line and blank lines are
 * ignored. A line that is not a JSON object is not an error: it comes
 * back as a failed record (see record.h) naming the file and line and
 * carrying the raw line in "raw" (or "raw_base64" when it is not UTF-8),
 * so nothing is lost. A read error is fatal (LQ_EXIT_FATAL). */
json_t *lq_reader_next(struct lq_reader *r);

/* The line number of the record last returned (1-based). */
unsigned long lq_reader_line(const struct lq_reader *r);
const char *lq_reader_name(const struct lq_reader *r);
void lq_reader_free(struct lq_reader *r);

/* Appends the compact JSON text of j to b: no spaces, keys in their
 * stored (input) order, non-ASCII UTF-8 written as is, control
 * characters escaped, reals in the shortest form that reads back to the
 * same double. */
void lq_json_dump(struct lq_buf *b, const json_t *j);

/* Writes rec and a newline to stdout (buffered) and counts it, every
 * registered secret redacted (common/redact.h). Does not take the
 * reference. A write error is fatal. */
void lq_write(const json_t *rec);

/* "an object", "an array", "a string", "a number", "a boolean" or "null":
 * the kind of j for messages such as "expected an array, got a string". */
const char *lq_json_type_name(const json_t *j);

/* Parses a JSON file that must hold one value; on error dies with
 * LQ_EXIT_FATAL and "path: line L, column C: message". */
json_t *lq_load_json_file(const char *path);

#endif
