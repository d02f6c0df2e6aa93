/* record.h: the lead record contract (docs/schema.md): status, errors, ids. */
#ifndef LQ_RECORD_H
#define LQ_RECORD_H

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

#endif
