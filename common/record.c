/* record.c: record status, failure and field helpers. */
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "diag.h"
#include "lazy.h"
#include "record.h"
#include "stop.h"
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

int
lq_rec_scraped(const json_t *rec)
{
	const char *st;

	if (json_is_object(json_object_get(rec, "profile")) ||
	    json_is_array(json_object_get(rec, "current_job_titles")))
		return 1;
	st = lq_rec_status(rec);
	return st != NULL && strcmp(st, "discovered") != 0;
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
		/* checked as jansson checks: no second pass over it */
		json_object_set_new(rec, key, json_stringn_nocheck(s, n));
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

/* The base64 of little-endian float32 values s[0..n), decoded straight
 * into a new *out of *nf floats: 0; -1, not base64 (*out NULL); -2, a
 * byte count not a multiple of 4. */
static int
b64_floats(const char *s, size_t n, float **out, size_t *nf)
{
	size_t len;
	long k;

	*out = NULL;
	if (n % 4 != 0)
		return -1;
	len = lq_base64_decoded_len(s, n);
	*out = lq_xmalloc(len >= 4 ? (len + 3) / 4 * sizeof **out : sizeof **out);
	if ((k = lq_base64_decode_to(s, n, (unsigned char *)*out)) < 0) {
		free(*out);
		*out = NULL;
		return -1;
	}
	if (k % 4 != 0) {
		free(*out);
		*out = NULL;
		return -2;
	}
	*nf = (size_t)k / 4;
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
	{
		unsigned char *p = (unsigned char *)*out;

		for (size_t i = 0; i < *nf; i++, p += 4) {
			uint32_t u = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;

			memcpy(p, &u, sizeof u);
		}
	}
#endif
	return 0;
}

int
lq_rec_embedding(const json_t *rec, float **out, size_t *n, size_t *bad, char *err, size_t errlen)
{
	const char *raw, *enc = lq_rec_str(rec, "embedding_encoding");
	size_t rawlen;
	json_t *v = lq_lazy_peek(rec, "embedding", &raw, &rawlen);
	int r = -1;

	*out = NULL;
	*n = 0;
	*bad = SIZE_MAX;
	if (enc == NULL) {
		long k;

		if (v == NULL && raw && raw[0] == '[') {
			/* room for the usual sizes (384 to 3072) in one pass */
			size_t cap = 4096;
			const float *f;

			/* the scanner read them as it checked the line */
			lq_lazy_want_floats("embedding");
			if ((f = lq_lazy_floats(rec, "embedding", n)) != NULL) {
				*out = lq_xmalloc((*n ? *n : 1) * sizeof **out);
				memcpy(*out, f, *n * sizeof **out);
				return 0;
			}

			*out = lq_xmalloc(cap * sizeof **out);
			if ((k = lq_json_floats(raw, rawlen, *out, cap, bad)) < 0) {
				free(*out);
				*out = NULL;
				goto malformed;
			}
			if ((size_t)k > cap) {
				*out = lq_xreallocarray(*out, (size_t)k, sizeof **out);
				lq_json_floats(raw, rawlen, *out, (size_t)k, bad);
			}
			*n = (size_t)k;
			return 0;
		}
		if (v == NULL && raw)
			return -1;
		if (!json_is_array(v))
			return -1;
		*n = json_array_size(v);
		*out = lq_xmalloc((*n ? *n : 1) * sizeof **out);
		for (size_t i = 0; i < *n; i++) {
			json_t *e = json_array_get(v, i);

			if (!json_is_number(e) && *bad == SIZE_MAX)
				*bad = i;
			(*out)[i] = (float)json_number_value(e);
		}
		return 0;
	}
	if (strcmp(enc, LQ_EMBEDDING_BASE64) != 0) {
		snprintf(err, errlen, "unknown embedding_encoding '%s' (lq reads %s)", enc, LQ_EMBEDDING_BASE64);
		return -2;
	}
	if (v == NULL && raw && raw[0] == '"') {
		const float *f;

		/* the scanner decoded it as it checked the line */
		lq_lazy_want_floats("embedding");
		if ((f = lq_lazy_floats(rec, "embedding", n)) != NULL) {
			*out = lq_xmalloc((*n ? *n : 1) * sizeof **out);
			memcpy(*out, f, *n * sizeof **out);
			return 0;
		}
		/* else decoded where it stands in the line; a string with escapes
		 * (lq never writes one) fails there, and is read as jansson
		 * decodes it */
		r = b64_floats(raw + 1, rawlen - 2, out, n);
		if (r == -1 && memchr(raw, '\\', rawlen) != NULL)
			v = json_object_get(rec, "embedding");
	}
	if (v != NULL) {
		if (!json_is_string(v))
			return -1;
		r = b64_floats(json_string_value(v), json_string_length(v), out, n);
	} else if (raw == NULL || raw[0] != '"') {
		return -1;
	}
	if (r < 0) {
		snprintf(err, errlen, "embedding is not base64 of float32 values (%s)",
		    r == -2 ? "length not a multiple of 4 bytes" : "bad base64");
		return -2;
	}
	return 0;
malformed:
	snprintf(err, errlen, "embedding is not an array of numbers");
	return -2;
}

void
lq_rec_set_embedding(json_t *rec, const float *v, size_t n, int base64)
{
	if (base64) {
		unsigned char *b = lq_xmalloc(n * 4 + 1);
		char *s;

		for (size_t i = 0; i < n; i++) {
			uint32_t u;

			memcpy(&u, &v[i], sizeof u);
			b[4 * i] = (unsigned char)u;
			b[4 * i + 1] = (unsigned char)(u >> 8);
			b[4 * i + 2] = (unsigned char)(u >> 16);
			b[4 * i + 3] = (unsigned char)(u >> 24);
		}
		s = lq_base64_encode(b, n * 4);
		json_object_set_new(rec, "embedding", json_string(s));
		lq_rec_set_str(rec, "embedding_encoding", LQ_EMBEDDING_BASE64);
		free(s);
		free(b);
		return;
	}
	json_t *a = json_array();
	char buf[32];

	for (size_t i = 0; i < n; i++) {
		snprintf(buf, sizeof buf, "%.7g", (double)v[i]);
		json_array_append_new(a, json_real(strtod(buf, NULL)));
	}
	json_object_set_new(rec, "embedding", a);
	json_object_del(rec, "embedding_encoding");
}

/* Here, not in stop.c: the signal handling has no use for jansson. */
void
lq_stop_fail_record(json_t *rec, const char *why)
{
	int sig = lq_stop_requested();

	if (sig == SIGPIPE)
		lq_rec_fail(rec, "interrupted", "%s: the output was closed", why);
	else
		lq_rec_fail(rec, "interrupted", "%s: stopped by %s", why, lq_stop_name(sig ? sig : SIGTERM));
}
