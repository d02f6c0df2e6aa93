/* ndjson.c: line reader that never loses a line, compact writer. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "diag.h"
#include "ndjson.h"
#include "redact.h"
#include "record.h"
#include "run.h"
#include "util.h"

struct lq_reader {
	FILE *fp;
	char *name;
	char *line;
	size_t cap;
	unsigned long lineno;
	unsigned long recline;
};

struct lq_reader *
lq_reader_new(FILE *fp, const char *name)
{
	struct lq_reader *r = lq_xcalloc(1, sizeof *r);

	r->fp = fp;
	r->name = lq_xstrdup(name);
	return r;
}

void
lq_reader_free(struct lq_reader *r)
{
	if (r == NULL)
		return;
	free(r->line);
	free(r->name);
	free(r);
}

unsigned long
lq_reader_line(const struct lq_reader *r)
{
	return r->recline;
}

const char *
lq_reader_name(const struct lq_reader *r)
{
	return r->name;
}

const char *
lq_json_type_name(const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER:
	case JSON_REAL: return "a number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	default: return "null";
	}
}

/* A record standing for a line that is not a JSON object. */
static json_t *
bad_line(struct lq_reader *r, const char *s, size_t n, const char *code, const char *why)
{
	json_t *rec = json_object();

	lq_rec_fail(rec, code, "%s:%lu: %s", r->name, r->recline, why);
	json_object_set_new(json_object_get(rec, "error"), "line", json_integer((json_int_t)r->recline));
	if (lq_utf8_valid(s, n)) {
		json_object_set_new(rec, "raw", json_stringn(s, n));
	} else {
		char *b64 = lq_base64_encode((const unsigned char *)s, n);

		json_object_set_new(rec, "raw_base64", json_string(b64));
		free(b64);
	}
	return rec;
}

json_t *
lq_reader_next(struct lq_reader *r)
{
	for (;;) {
		ssize_t got;
		size_t n;
		char *s;
		json_t *j;
		json_error_t err;

		errno = 0;
		got = getline(&r->line, &r->cap, r->fp);
		if (got < 0) {
			if (ferror(r->fp))
				lq_die_errno(LQ_EXIT_FATAL, "%s: read error", r->name);
			return NULL;
		}
		r->lineno++;
		s = r->line;
		n = (size_t)got;
		if (n && s[n - 1] == '\n')
			n--;
		if (n && s[n - 1] == '\r')
			n--;
		if (r->lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		{
			size_t k = 0;

			while (k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'))
				k++;
			if (k == n)
				continue;	/* blank line */
		}
		r->recline = r->lineno;
		lq_counts.in++;
		j = json_loadb(s, n, JSON_ALLOW_NUL, &err);
		if (j == NULL) {
			char why[300];

			snprintf(why, sizeof why, "invalid JSON at column %d: %s", err.column, err.text);
			return bad_line(r, s, n, "invalid_json", why);
		}
		if (!json_is_object(j)) {
			char why[100];

			snprintf(why, sizeof why, "expected a JSON object, got %s", lq_json_type_name(j));
			json_decref(j);
			return bad_line(r, s, n, "not_object", why);
		}
		return j;
	}
}

static void
dump_string(struct lq_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t start = 0;

	lq_buf_grow(b, n + 2);
	lq_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		switch (c) {
		case '"': esc = "\\\""; break;
		case '\\': esc = "\\\\"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		case '\t': esc = "\\t"; break;
		case '\b': esc = "\\b"; break;
		case '\f': esc = "\\f"; break;
		default:
			u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0';
			u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = '\0';
			esc = u;
		}
		lq_buf_add(b, s + start, i - start);
		lq_buf_adds(b, esc);
		start = i + 1;
	}
	lq_buf_add(b, s + start, n - start);
	lq_buf_addc(b, '"');
}

/* Exact powers of ten: every one up to 1e22 is a double without rounding. */
static const double exact_pow10[] = {
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22
};

/* Fast path for reals that have a short decimal form, such as the
 * 7-digit embedding values every vector stage writes: finds the digits D
 * (at most 9) and the scale s with x == D / 10^s, where the check is
 * exact because D and 10^|s| are exact doubles and one multiplication or
 * division rounds correctly (Clinger). Writes the same text as %.17g
 * would after trimming to the shortest form, in %g's layout. Returns 0
 * when x has no such form; the caller then takes the slow path. */
static int
dump_real_short(struct lq_buf *b, double x)
{
	double ax = fabs(x), y;
	int e10, scale, nd, exp_form;
	long long d;
	char digits[24], out[48];
	size_t o = 0;

	if (ax == 0 || !(ax >= 1e-7 && ax < 1e15))
		return 0;
	e10 = (int)floor(log10(ax));
	for (int prec = 1; prec <= 9; prec++) {
		scale = prec - 1 - e10;
		if (scale > 22 || scale < -22)
			return 0;
		d = scale >= 0 ? llround(ax * exact_pow10[scale]) : llround(ax / exact_pow10[-scale]);
		y = scale >= 0 ? (double)d / exact_pow10[scale] : (double)d * exact_pow10[-scale];
		if (y == ax)
			goto found;
	}
	return 0;
found:
	while (d != 0 && d % 10 == 0 && scale > -22) {
		d /= 10;
		scale--;
	}
	nd = snprintf(digits, sizeof digits, "%lld", d);
	e10 = nd - 1 - scale;		/* exponent of the first digit */
	exp_form = e10 < -4 || e10 >= 17;
	if (x < 0)
		out[o++] = '-';
	if (exp_form) {
		out[o++] = digits[0];
		if (nd > 1) {
			out[o++] = '.';
			memcpy(out + o, digits + 1, (size_t)nd - 1);
			o += (size_t)nd - 1;
		}
		o += (size_t)snprintf(out + o, sizeof out - o, "e%c%02d", e10 < 0 ? '-' : '+', abs(e10));
	} else if (e10 < 0) {
		out[o++] = '0';
		out[o++] = '.';
		for (int k = -1; k > e10; k--)
			out[o++] = '0';
		memcpy(out + o, digits, (size_t)nd);
		o += (size_t)nd;
	} else if (nd > e10 + 1) {
		memcpy(out + o, digits, (size_t)e10 + 1);
		o += (size_t)e10 + 1;
		out[o++] = '.';
		memcpy(out + o, digits + e10 + 1, (size_t)(nd - e10 - 1));
		o += (size_t)(nd - e10 - 1);
	} else {
		memcpy(out + o, digits, (size_t)nd);
		o += (size_t)nd;
		for (int k = nd; k <= e10; k++)
			out[o++] = '0';
		out[o++] = '.';
		out[o++] = '0';
	}
	lq_buf_add(b, out, o);
	return 1;
}

static void
dump_real(struct lq_buf *b, double d)
{
	char tmp[40];

	if (dump_real_short(b, d))
		return;
	/* The shortest of %.15g..%.17g that reads back to the same double. */
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, d);
		if (prec == 17 || strtod(tmp, NULL) == d)
			break;
	}
	lq_buf_adds(b, tmp);
	if (strpbrk(tmp, ".eEn") == NULL)
		lq_buf_adds(b, ".0");
}

void
lq_json_dump(struct lq_buf *b, const json_t *j)
{
	switch (json_typeof(j)) {
	case JSON_OBJECT: {
		int first = 1;

		lq_buf_addc(b, '{');
		for (void *it = json_object_iter((json_t *)j); it;
		    it = json_object_iter_next((json_t *)j, it)) {
			if (!first)
				lq_buf_addc(b, ',');
			first = 0;
			dump_string(b, json_object_iter_key(it), json_object_iter_key_len(it));
			lq_buf_addc(b, ':');
			lq_json_dump(b, json_object_iter_value(it));
		}
		lq_buf_addc(b, '}');
		break;
	}
	case JSON_ARRAY: {
		size_t i;
		json_t *v;

		lq_buf_addc(b, '[');
		json_array_foreach((json_t *)j, i, v) {
			if (i)
				lq_buf_addc(b, ',');
			lq_json_dump(b, v);
		}
		lq_buf_addc(b, ']');
		break;
	}
	case JSON_STRING:
		dump_string(b, json_string_value(j), json_string_length(j));
		break;
	case JSON_INTEGER:
		lq_buf_addf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(j));
		break;
	case JSON_REAL:
		dump_real(b, json_real_value(j));
		break;
	case JSON_TRUE:
		lq_buf_adds(b, "true");
		break;
	case JSON_FALSE:
		lq_buf_adds(b, "false");
		break;
	case JSON_NULL:
		lq_buf_adds(b, "null");
		break;
	}
}

void
lq_write(const json_t *rec)
{
	static struct lq_buf b = LQ_BUF_INIT;

	lq_buf_reset(&b);
	lq_json_dump(&b, rec);
	b.len = lq_redact_mem(b.data, b.len);	/* no record carries a key out */
	lq_buf_addc(&b, '\n');
	if (fwrite(b.data, 1, b.len, stdout) != b.len)
		lq_die_errno(LQ_EXIT_FATAL, "write error");
	lq_counts.out++;
	if (lq_rec_failed(rec))
		lq_counts.failed_out++;
	lq_progress();
}

json_t *
lq_load_json_file(const char *path)
{
	json_error_t err;
	json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &err);

	if (j == NULL) {
		if (err.line <= 0)
			lq_die(LQ_EXIT_FATAL, "%s: %s", path, err.text);
		lq_die(LQ_EXIT_FATAL, "%s: line %d, column %d: %s", path, err.line, err.column, err.text);
	}
	return j;
}
