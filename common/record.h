/* record.h: the lead record contract (docs/schema.md): status, errors, ids. */
#ifndef LQ_RECORD_H
#define LQ_RECORD_H

#include <stdint.h>

#include <jansson.h>

/* Returns the string value of key in rec, or NULL if absent or not a
 * string. The pointer lives as long as the value in rec. */
const char *lq_rec_str(const json_t *rec, const char *key);

/* "status" of rec, or NULL. */
const char *lq_rec_status(const json_t *rec);
void lq_rec_set_status(json_t *rec, const char *status);

/* 1 if rec has "status":"failed". Later stages pass such records on
 * untouched. */
int lq_rec_failed(const json_t *rec);

/* 1 if rec has what scrape leaves: a "profile" object, a
 * current_job_titles array, or a status past "discovered" (a hand-made
 * lead has no profile object; a lead extract-urls found has a headline
 * and status "discovered" only). The one test of "was this lead
 * scraped": the stage-order check (need.h) trips on its absence, and
 * embed and classify pass such a lead on untouched. */
int lq_rec_scraped(const json_t *rec);

/* Marks rec failed at this stage (lq_progname): sets "status":"failed",
 * "error":{"stage","code","message"} (message formatted like printf) and
 * "retry_count" (kept if present, else 0), and counts the failure for the
 * summary and --strict. Other fields stay. */
void lq_rec_fail(json_t *rec, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Records that a stage could not do its part for rec, which goes on
 * with what it had (its status and score kept): appends
 * {"stage","code","message"} to rec's "warnings" array (made when
 * absent) and counts it for the summary and --strict. Only optional
 * stages degrade like this; a stage whose output the next one needs fails
 * the record instead (docs/schema.md). */
void lq_rec_warn(json_t *rec, const char *code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Removes this stage's entries from rec's "warnings" (the key too when
 * none is left): a stage that processes a record again replaces its own
 * warnings, never another stage's. */
void lq_rec_clear_warnings(json_t *rec);

long long lq_rec_retry_count(const json_t *rec);
void lq_rec_set_retry_count(json_t *rec, long long n);

/* A short name for rec in messages: its "id", else "linkedin_url", else
 * "record". */
const char *lq_rec_name(const json_t *rec);

/* Sets key to a new string value (s copied); s must be valid UTF-8, else
 * invalid bytes are replaced by U+FFFD. Does nothing if s is NULL. */
void lq_rec_set_str(json_t *rec, const char *key, const char *s);

/* How a record carries its embedding: "embedding" as a JSON array of
 * numbers (the default, no "embedding_encoding"), or as a base64 string
 * of little-endian IEEE float32 with "embedding_encoding":"base64" (the
 * form OpenAI's encoding_format=base64 returns). */
#define LQ_EMBEDDING_BASE64 "base64"

/* Reads rec's embedding into a new array *out of *n floats (the caller
 * frees it), without parsing the record's text more than the numbers
 * themselves (lazy.h). A JSON element that is not a number reads as 0 and
 * *bad is the index of the first such (else SIZE_MAX). Returns 0; -1 when
 * rec has no embedding (absent, or neither an array nor a string with
 * "embedding_encoding"); -2 when it is malformed, with a message in err
 * (errlen bytes). */
int lq_rec_embedding(const json_t *rec, float **out, size_t *n, size_t *bad, char *err, size_t errlen);

/* Sets rec's embedding to v[0..n) in the chosen form: a JSON array of
 * numbers rounded to 7 significant digits (float32 carries about 7, and
 * lines stay about half as long as with shortest round trip; base64 0),
 * or base64 float32, exact and a third of the size, with
 * "embedding_encoding" (base64 1); the array form removes any
 * "embedding_encoding". */
void lq_rec_set_embedding(json_t *rec, const float *v, size_t n, int base64);

#endif
