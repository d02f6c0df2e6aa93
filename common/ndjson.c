/* ndjson.c: line reader that never loses a line, compact writer. */
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdint.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

#include "base64.h"
#include "diag.h"
#include "lazy.h"
#include "ndjson.h"
#include "redact.h"
#include "record.h"
#include "run.h"
#include "stop.h"
#include "util.h"

struct lq_reader {
	FILE *fp;
	int fd;			/* fp's descriptor, read directly; -1: through stdio */
	char *name;
	char *buf;		/* input bytes; the unread ones are [pos, end) */
	size_t cap, pos, end;
	int eof;
	int after_cr;		/* the last line ended with CR: a LF next is part of it */
	int cut;		/* a stop ended the input */
	unsigned long lineno;
	unsigned long recline;
	int full;		/* LQ_RECORD_PARSE=full: jansson parses every line whole */
	int progress;		/* stdin, a regular file: counts lq_progress_done */
};

/* Enough for most records at once; a longer line grows the buffer. */
#define READ_CHUNK (64 * 1024)

struct lq_reader *
lq_reader_new(FILE *fp, const char *name)
{
	struct lq_reader *r = lq_xcalloc(1, sizeof *r);

	const char *mode = getenv("LQ_RECORD_PARSE");

	r->fp = fp;
	r->fd = fp ? fileno(fp) : -1;
	r->name = lq_xstrdup(name);
	if (mode && *mode && strcmp(mode, "lazy") != 0) {
		if (strcmp(mode, "full") != 0)
			lq_die(LQ_EXIT_USAGE, "LQ_RECORD_PARSE: unknown value '%s' (lazy or full)", mode);
		r->full = 1;
	}
	r->cap = READ_CHUNK;
	r->buf = lq_xmalloc(r->cap);
	if (r->fd == STDIN_FILENO) {
		struct stat st;
		off_t at = lseek(r->fd, 0, SEEK_CUR);

		/* A file on stdin: its size gives the progress a total (run.h). */
		if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode) && at >= 0 && st.st_size > at) {
			r->progress = 1;
			lq_progress_size = (unsigned long long)(st.st_size - at);
			lq_progress_done = 0;
		}
	}
	return r;
}

void
lq_reader_free(struct lq_reader *r)
{
	if (r == NULL)
		return;
	free(r->buf);
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

int
lq_reader_stopped(const struct lq_reader *r)
{
	return r->cut;
}

/* Makes room in r->buf for more input after the unread bytes. */
static void
make_room(struct lq_reader *r)
{
	if (r->pos > 0 && r->pos == r->end)
		r->pos = r->end = 0;
	if (r->end == r->cap) {
		if (r->pos > 0) {
			memmove(r->buf, r->buf + r->pos, r->end - r->pos);
			r->end -= r->pos;
			r->pos = 0;
		} else {
			r->cap *= 2;
			r->buf = lq_xrealloc(r->buf, r->cap);
		}
	}
}

/* Reads more input into r->buf after the unread bytes. Returns the bytes
 * read, 0 at end of input, -1 when a stop was requested (stop.h) before
 * any came. A read error is fatal. The wait for input is a poll on the
 * descriptor and the stop pipe, so a signal never leaves the reader
 * blocked and never turns into a read error. */
static ssize_t
fill(struct lq_reader *r)
{
	ssize_t got;

	make_room(r);
	for (;;) {
		if (lq_stop_requested())
			return -1;
		if (r->fd < 0) {
			got = (ssize_t)fread(r->buf + r->end, 1, r->cap - r->end, r->fp);
			if (got == 0 && ferror(r->fp))
				lq_die_errno(LQ_EXIT_FATAL, "%s: read error", r->name);
			return got;
		}
		if (lq_stop_fd() >= 0) {
			struct pollfd p[2] = { { r->fd, POLLIN, 0 }, { lq_stop_fd(), POLLIN, 0 } };

			if (poll(p, 2, -1) < 0 && errno != EINTR)
				lq_die_errno(LQ_EXIT_FATAL, "%s: read error", r->name);
			if (p[0].revents == 0)
				continue;	/* a stop, or an interrupted poll */
		}
		got = read(r->fd, r->buf + r->end, r->cap - r->end);
		if (got >= 0)
			return got;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			/* stdin left non-blocking by someone else: wait for it. */
			struct pollfd p = { r->fd, POLLIN, 0 };

			(void)poll(&p, 1, 1000);
			continue;
		}
		lq_die_errno(LQ_EXIT_FATAL, "%s: read error", r->name);
	}
}

/* 1 if the buffer holds a complete line that is not blank. */
static int
has_line(const struct lq_reader *r)
{
	size_t i = r->pos, start;

	if (r->after_cr && i < r->end && r->buf[i] == '\n')
		i++;
	for (start = i; i < r->end; i++) {
		char c = r->buf[i];

		if (c == '\n' || c == '\r') {
			size_t k = start;

			while (k < i && (r->buf[k] == ' ' || r->buf[k] == '\t'))
				k++;
			if (k < i)
				return 1;
			start = i + 1;
		}
	}
	return 0;
}

int
lq_reader_ready(struct lq_reader *r, double wait)
{
	struct pollfd p[2];
	int n;

	for (;;) {
		if (r->fd < 0 || r->eof || r->cut || lq_stop_requested() || has_line(r))
			return 1;
		p[0].fd = r->fd, p[0].events = POLLIN, p[0].revents = 0;
		p[1].fd = lq_stop_fd(), p[1].events = POLLIN, p[1].revents = 0;
		n = poll(p, lq_stop_fd() >= 0 ? 2 : 1, wait > 0 ? (int)(wait * 1000) : 0);
		if (n <= 0)
			return 0;	/* nothing yet (or an interrupted poll) */
		if (p[0].revents == 0)
			continue;	/* the stop */
		make_room(r);
		{
			ssize_t got = read(r->fd, r->buf + r->end, r->cap - r->end);

			if (got < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
				return 0;
			if (got < 0)
				lq_die_errno(LQ_EXIT_FATAL, "%s: read error", r->name);
			if (got == 0)
				r->eof = 1;
			r->end += (size_t)got;
		}
		wait = 0;	/* what was there is read; say whether a line is */
	}
}

/* The next line: its text in *s (not terminated), its length in *n.
 * A line ends at LF, CR LF or a lone CR (classic Mac files); the last
 * line may lack an end. Returns 1 for a complete line, 2 for the start of
 * a line that a stop cut off, 0 at end of input. */
static int
next_line(struct lq_reader *r, const char **s, size_t *n)
{
	size_t scan = r->pos;

	for (;;) {
		if (r->after_cr && r->pos < r->end) {
			if (r->buf[r->pos] == '\n')
				r->pos++;
			r->after_cr = 0;
			scan = r->pos;
			continue;
		}
		if (scan < r->end) {
			/* The first LF or CR: memchr for each (a CR is rare and,
			 * in CR LF, just before the LF). */
			const char *b = r->buf + scan;
			const char *lf = memchr(b, '\n', r->end - scan);
			const char *cr = memchr(b, '\r', (size_t)((lf ? lf : r->buf + r->end) - b));
			const char *eol = cr ? cr : lf;

			if (eol) {
				*s = r->buf + r->pos;
				*n = (size_t)(eol - *s);
				r->pos = (size_t)(eol - r->buf) + 1;
				r->after_cr = *eol == '\r';
				return 1;
			}
		}
		if (r->eof || r->cut) {
			if (r->pos == r->end)
				return 0;
			*s = r->buf + r->pos;
			*n = r->end - r->pos;
			r->pos = r->end;
			return r->cut ? 2 : 1;
		}
		scan = r->end - r->pos;		/* offsets survive fill's move */
		{
			ssize_t got = fill(r);

			scan += r->pos;
			if (got < 0)
				r->cut = 1;
			else if (got == 0)
				r->eof = 1;
			else
				r->end += (size_t)got;
		}
	}
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
		const char *s;
		size_t n;
		int kind;
		json_t *j;
		json_error_t err;

		if ((kind = next_line(r, &s, &n)) == 0)
			return NULL;
		if (r->progress)
			lq_progress_done += n + 1;
		r->lineno++;
		if (r->lineno == 1 && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3, n -= 3;
		{
			size_t k = 0;

			while (k < n && (s[k] == ' ' || s[k] == '\t'))
				k++;
			if (k == n)
				continue;	/* blank line */
		}
		r->recline = r->lineno;
		lq_counts.in++;
		if (kind == 2) {
			/* Read, but cut off by the stop: kept as what it is. */
			json_t *rec = bad_line(r, s, n, "interrupted",
			    "line cut off by the stop, before its end");

			return rec;
		}
		/* The scanner checks the whole line and indexes its members;
		 * jansson parses those the stage asks for (lazy.h). What the
		 * scanner does not vouch for goes to jansson whole, which also
		 * words the error. The lazy object copies the line: the
		 * reader's buffer is reused. */
		if (!r->full && (j = lq_lazy_parse(s, n)) != NULL)
			return j;
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

/* The index of the first byte at or after i in s[0..n) that a JSON
 * string must escape (below 0x20, '"', '\\'), or n: sixteen bytes at a
 * time with SSE2, then eight (the lowest marked byte of a word is the
 * first such: a borrow only marks bytes after it), then one. */
static inline size_t
plain_span(const char *s, size_t i, size_t n)
{
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	while (n - i >= 16) {
		__m128i w = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		int m = _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(
		    _mm_cmpeq_epi8(w, _mm_set1_epi8('"')), _mm_cmpeq_epi8(w, _mm_set1_epi8('\\'))),
		    _mm_cmpeq_epi8(_mm_min_epu8(w, _mm_set1_epi8(0x1f)), w)));

		if (m)
			return i + (size_t)__builtin_ctz((unsigned)m);
		i += 16;
	}
#endif
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	while (n - i >= 8) {
		uint64_t w, q, bs, m, ones = UINT64_C(0x0101010101010101), high = ones * 0x80;

		memcpy(&w, s + i, 8);
		q = w ^ (ones * '"');
		bs = w ^ (ones * '\\');
		m = (((w - ones * 0x20) & ~w) | ((q - ones) & ~q) | ((bs - ones) & ~bs)) & high;
		if (m)
			return i + (__builtin_ctzll(m) >> 3);
		i += 8;
	}
#endif
	for (; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == '"' || c == '\\')
			break;
	}
	return i;
}

void
lq_json_dump_string(struct lq_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t start = 0, i = 0;

	lq_buf_grow(b, n + 2);
	lq_buf_addc(b, '"');
	while ((i = plain_span(s, i, n)) < n) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		char u[7];

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
		start = ++i;
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
	{
		/* d's decimal digits (d > 0): as "%lld" writes them */
		char rev[24];
		unsigned long long u = (unsigned long long)d;

		nd = 0;
		do
			rev[nd++] = (char)('0' + u % 10);
		while ((u /= 10) != 0);
		for (int k = 0; k < nd; k++)
			digits[k] = rev[nd - 1 - k];
		digits[nd] = '\0';
	}
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

	if (d == 0) {
		/* what the loop below writes: "%.15g" gives "0" or "-0", ".0" added */
		lq_buf_adds(b, signbit(d) ? "-0.0" : "0.0");
		return;
	}
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

		if (lq_lazy_dump(b, j, NULL) == 0)
			break;
		lq_buf_addc(b, '{');
		for (void *it = json_object_iter((json_t *)j); it;
		    it = json_object_iter_next((json_t *)j, it)) {
			if (!first)
				lq_buf_addc(b, ',');
			first = 0;
			lq_json_dump_string(b, json_object_iter_key(it), json_object_iter_key_len(it));
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
		lq_json_dump_string(b, json_string_value(j), json_string_length(j));
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

static const char *const *omit;

const char *const lq_slim_keys[] = { "profile", "embedding", "embedding_encoding", NULL };

void
lq_write_omit(const char *const *keys)
{
	omit = keys;
}

/* rec without the members omit names (--slim). */
static void
dump_omitting(struct lq_buf *b, const json_t *rec)
{
	int first = 1;

	if (!json_is_object(rec) || lq_lazy_dump(b, rec, omit) == 0) {
		if (!json_is_object(rec))
			lq_json_dump(b, rec);
		return;
	}
	lq_buf_addc(b, '{');
	for (void *it = json_object_iter((json_t *)rec); it; it = json_object_iter_next((json_t *)rec, it)) {
		const char *k = json_object_iter_key(it);
		size_t kn = json_object_iter_key_len(it), i;

		for (i = 0; omit[i] && (strlen(omit[i]) != kn || memcmp(omit[i], k, kn) != 0); i++)
			;
		if (omit[i])
			continue;
		if (!first)
			lq_buf_addc(b, ',');
		first = 0;
		lq_json_dump_string(b, k, kn);
		lq_buf_addc(b, ':');
		lq_json_dump(b, json_object_iter_value(it));
	}
	lq_buf_addc(b, '}');
}

void
lq_write(const json_t *rec)
{
	static struct lq_buf b = LQ_BUF_INIT;

	lq_buf_reset(&b);
	if (omit)
		dump_omitting(&b, rec);
	else
		lq_json_dump(&b, rec);
	b.len = lq_redact_mem(b.data, b.len);	/* no record carries a key out */
	lq_buf_addc(&b, '\n');
	if (lq_stop_output_is_closed())
		return;
	if (fwrite(b.data, 1, b.len, stdout) != b.len) {
		if (errno == EPIPE) {
			lq_stop_output_closed();
			return;
		}
		lq_die_errno(LQ_EXIT_FATAL, "write error");
	}
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
