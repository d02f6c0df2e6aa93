/* record.c: record status, failure and field helpers. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "record.h"
#include "run.h"
#include "util.h"

const char *
lq_rec_str(const json_t *rec, const char *key)
{
	return json_string_value(json_object_get(rec, key));
}

const char *
lq_rec_status(const json_t *rec)
{
	return lq_rec_str(rec, "status");
}

void
lq_rec_set_status(json_t *rec, const char *status)
{
	json_object_set_new(rec, "status", json_string(status));
}

int
lq_rec_failed(const json_t *rec)
{
	const char *s = lq_rec_status(rec);

	return s && strcmp(s, "failed") == 0;
}

long long
lq_rec_retry_count(const json_t *rec)
{
	json_t *v = json_object_get(rec, "retry_count");

	return json_is_integer(v) ? json_integer_value(v) : 0;
}

void
lq_rec_set_retry_count(json_t *rec, long long n)
{
	json_object_set_new(rec, "retry_count", json_integer(n));
}

/* Returns a copy of s[0..n) that is valid UTF-8: each invalid byte
 * becomes U+FFFD. */
static char *
utf8_clean(const char *s, size_t n)
{
	struct lq_buf b = LQ_BUF_INIT;
	size_t i = 0;

	while (i < n) {
		size_t len = 1;
		unsigned char c = (unsigned char)s[i];

		if (c >= 0xc0 && c < 0xe0) len = 2;
		else if (c >= 0xe0 && c < 0xf0) len = 3;
		else if (c >= 0xf0 && c < 0xf8) len = 4;
		if (i + len <= n && lq_utf8_valid(s + i, len) && (c < 0x80 || c >= 0xc0)) {
			lq_buf_add(&b, s + i, len);
			i += len;
		} else {
			lq_buf_adds(&b, "\xef\xbf\xbd");
			i++;
		}
	}
	return lq_buf_detach(&b);
}

void
lq_rec_set_str(json_t *rec, const char *key, const char *s)
{
	size_t n;

	if (s == NULL)
		return;
	n = strlen(s);
	if (lq_utf8_valid(s, n)) {
		json_object_set_new(rec, key, json_stringn(s, n));
	} else {
		char *c = utf8_clean(s, n);

		json_object_set_new(rec, key, json_string(c));
		free(c);
	}
}

void
lq_rec_fail(json_t *rec, const char *code, const char *fmt, ...)
{
	struct lq_buf msg = LQ_BUF_INIT;
	json_t *err;
	va_list ap;

	va_start(ap, fmt);
	lq_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	err = json_object();
	json_object_set_new(err, "stage", json_string(lq_progname));
	json_object_set_new(err, "code", json_string(code));
	lq_rec_set_str(err, "message", msg.data);
	lq_buf_free(&msg);
	lq_rec_set_status(rec, "failed");
	json_object_set_new(rec, "error", err);
	if (!json_is_integer(json_object_get(rec, "retry_count")))
		lq_rec_set_retry_count(rec, 0);
	lq_counts.failed_here++;
}

void
lq_rec_warn(json_t *rec, const char *code, const char *fmt, ...)
{
	struct lq_buf msg = LQ_BUF_INIT;
	json_t *w, *list = json_object_get(rec, "warnings");
	va_list ap;

	va_start(ap, fmt);
	lq_buf_vaddf(&msg, fmt, ap);
	va_end(ap);
	w = json_object();
	json_object_set_new(w, "stage", json_string(lq_progname));
	json_object_set_new(w, "code", json_string(code));
	lq_rec_set_str(w, "message", msg.data);
	lq_buf_free(&msg);
	if (!json_is_array(list)) {
		list = json_array();
		json_object_set_new(rec, "warnings", list);
	}
	json_array_append_new(list, w);
	lq_counts.warned_here++;
}

void
lq_rec_clear_warnings(json_t *rec)
{
	json_t *list = json_object_get(rec, "warnings");
	size_t i = 0;

	if (!json_is_array(list))
		return;
	while (i < json_array_size(list)) {
		const char *st = json_string_value(json_object_get(json_array_get(list, i), "stage"));

		if (st && strcmp(st, lq_progname) == 0)
			json_array_remove(list, i);
		else
			i++;
	}
	if (json_array_size(list) == 0)
		json_object_del(rec, "warnings");
}

const char *
lq_rec_name(const json_t *rec)
{
	const char *s = lq_rec_str(rec, "id");

	if (s == NULL || *s == '\0')
		s = lq_rec_str(rec, "linkedin_url");
	return s && *s ? s : "record";
}
