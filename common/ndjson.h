/* ndjson.h: reading and writing one JSON object per line. */
#ifndef LQ_NDJSON_H
#define LQ_NDJSON_H

#include <stdio.h>

#include <jansson.h>

#include "util.h"

struct lq_reader;

/* Starts reading NDJSON from fp; name ("<stdin>" or a path) is used in
 * messages. The reader reads fp's descriptor itself (stdio streams
 * without one, such as fmemopen's, through fread): nothing may have been
 * read from fp before. The reader does not close fp. */
struct lq_reader *lq_reader_new(FILE *fp, const char *name);

/* Returns the next record (a new reference the caller must json_decref),
 * or NULL at end of input. The record is a lazy object (lazy.h): its
 * members are parsed when first asked for, and those never asked for are
 * written back by lq_write exactly as they came; LQ_RECORD_PARSE=full in
 * the environment parses every line whole instead (the same output, for
 * comparison). Lines may be of any length and end with LF, CR LF or a
 * lone CR (classic Mac files); a UTF-8 byte order mark before the first
 * line and blank lines are ignored. A line that is not a JSON object is
 * not an error: it comes back as a failed record (see record.h) naming
 * the file and line and carrying the raw line in "raw" (or "raw_base64"
 * when it is not UTF-8), so nothing is lost. A read error is fatal
 * (LQ_EXIT_FATAL).
 * Once a stop is requested (stop.h: SIGINT, SIGTERM, closed output) the
 * reader reads nothing more: it returns the complete lines it already
 * holds, then a line cut off by the stop as a failed record with code
 * "interrupted" and the raw text, then NULL; lq_reader_stopped is then 1. */
json_t *lq_reader_next(struct lq_reader *r);

/* 1 if lq_reader_next would not wait for input: a complete record line
 * is buffered, the input ended or a stop was requested. Otherwise reads
 * what is there, waiting at most wait seconds (0: not at all) for some,
 * and returns 0. For a program with other work to drive (scrape's runs)
 * while its input trickles in. Always 1 for streams without a descriptor. */
int lq_reader_ready(struct lq_reader *r, double wait);

/* 1 if the input ended because of a stop, not at its end. */
int lq_reader_stopped(const struct lq_reader *r);

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
 * reference. A write error is fatal, except EPIPE (the reader of stdout
 * went away), which is lq_stop_output_closed: nothing more is written and
 * the program stops as for a signal. Members of a lazy record that were
 * never read go out as they came (lazy.h). */
void lq_write(const json_t *rec);

/* From now on lq_write leaves out the top-level members named in keys
 * (a NULL-terminated array that must outlive the writes; NULL: none):
 * --slim. */
void lq_write_omit(const char *const *keys);

/* What --slim leaves out: "profile", "embedding", "embedding_encoding". */
extern const char *const lq_slim_keys[];

/* Appends s[0..n) as a JSON string as lq_json_dump writes strings. */
void lq_json_dump_string(struct lq_buf *b, const char *s, size_t n);

/* "an object", "an array", "a string", "a number", "a boolean" or "null":
 * the kind of j for messages such as "expected an array, got a string". */
const char *lq_json_type_name(const json_t *j);

/* Parses a JSON file that must hold one value; on error dies with
 * LQ_EXIT_FATAL and "path: line L, column C: message". */
json_t *lq_load_json_file(const char *path);

#endif
