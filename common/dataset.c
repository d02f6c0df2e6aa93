/* dataset.c: JSON items one after another, streamed item by item with their line numbers. */
#include <stdio.h>

#include "dataset.h"
#include "diag.h"
#include "util.h"

struct scan {
	FILE *fp;
	const char *name;
	unsigned long line;	/* current line (1-based) */
	int c;			/* lookahead */
};

static int
next(struct scan *s)
{
	int c = s->c;

	if (c == '\n')
		s->line++;
	s->c = getc(s->fp);
	return s->c;
}

static void
skip_ws(struct scan *s)
{
	while (s->c == ' ' || s->c == '\t' || s->c == '\n' || s->c == '\r')
		next(s);
}

/* Reads one JSON value starting at the lookahead into b, stopping (without
 * consuming) at a ',' or ']' or white space at depth 0 when in_array, or
 * after the closing brace of a top-level object/array otherwise. Returns
 * 0, 1 if the item is too big (skipped), -1 at EOF inside the value. */
static int
scan_value(struct scan *s, struct lq_buf *b, int in_array)
{
	int depth = 0, instr = 0, esc = 0, big = 0;

	lq_buf_reset(b);
	while (s->c != EOF) {
		int c = s->c;

		if (!instr && depth == 0 && b->len > 0
		    && (c == ',' || c == ']' || (!in_array && (c == '{' || c == '[')) || c == ' '
			|| c == '\n' || c == '\r' || c == '\t'))
			return big;
		if (b->len < LQ_DATASET_MAX_ITEM)
			lq_buf_addc(b, c);
		else
			big = 1;
		if (instr) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				instr = 0;
		} else if (c == '"') {
			instr = 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
			if (depth == 0) {
				next(s);
				return big;
			}
		}
		next(s);
		if (!instr && depth == 0 && b->len == 1 && (c == ',' || c == ']'))
			return big;	/* a stray separator: reported by the parser */
	}
	return depth > 0 || instr ? -1 : big;
}

/* Parses b as one item: fn on success; else a message. Returns fn's
 * value, or 0 after skipping. */
static int
deliver(struct scan *s, struct lq_buf *b, unsigned long line, int big,
    int (*fn)(json_t *, unsigned long, void *), void *arg, long *n, long *bad)
{
	json_error_t e;
	json_t *j;

	if (big) {
		lq_warn("%s:%lu: item larger than %u bytes, skipped", s->name, line,
		    LQ_DATASET_MAX_ITEM);
		++*bad;
		return 0;
	}
	j = json_loadb(b->data ? b->data : "", b->len, JSON_DECODE_ANY, &e);
	if (j == NULL) {
		lq_warn("%s:%lu: malformed item, skipped: %s", s->name,
		    line + (e.line > 1 ? (unsigned long)e.line - 1 : 0), e.text);
		++*bad;
		return 0;
	}
	if (!json_is_object(j)) {
		lq_warn("%s:%lu: item is not a JSON object, skipped", s->name, line);
		json_decref(j);
		++*bad;
		return 0;
	}
	++*n;
	{
		int r = fn(j, line, arg);

		json_decref(j);
		return r;
	}
}

long
lq_dataset_read(FILE *fp, const char *name,
    int (*fn)(json_t *item, unsigned long line, void *arg), void *arg, long *bad)
{
	struct scan s = { fp, name, 1, 0 };
	struct lq_buf b = LQ_BUF_INIT;
	long n = 0, nbad = 0;
	int st = 0;

	s.c = getc(fp);
	/* A UTF-8 byte order mark, as some exports carry. */
	if (s.c == 0xef) {
		if (getc(fp) != 0xbb || getc(fp) != 0xbf) {
			lq_warn("%s:1: not a dataset (a JSON array or JSON lines of objects)", name);
			return -1;
		}
		s.c = getc(fp);
	}
	skip_ws(&s);
	if (s.c == EOF) {
		/* An empty file holds no items. */
	} else if (s.c == '[') {
		next(&s);
		for (;;) {
			unsigned long line;
			int r;

			skip_ws(&s);
			if (s.c == ']') {
				next(&s);
				break;
			}
			if (s.c == EOF) {
				lq_warn("%s:%lu: file ends inside the array (truncated?)", name, s.line);
				st = -1;
				break;
			}
			line = s.line;
			r = scan_value(&s, &b, 1);
			if (r < 0) {
				lq_warn("%s:%lu: file ends inside an item (truncated?)", name, line);
				st = -1;
				break;
			}
			if (deliver(&s, &b, line, r, fn, arg, &n, &nbad) != 0)
				goto out;
			skip_ws(&s);
			if (s.c == ',') {
				next(&s);
			} else if (s.c != ']') {
				if (s.c == EOF) {
					lq_warn("%s:%lu: file ends inside the array (truncated?)", name, s.line);
					st = -1;
					break;
				}
				lq_warn("%s:%lu: expected ',' or ']' between items", name, s.line);
				st = -1;
				break;
			}
		}
		skip_ws(&s);
		if (st == 0 && s.c != EOF)
			lq_warn("%s:%lu: text after the array ignored", name, s.line);
	} else if (s.c == '{') {
		while (s.c != EOF) {
			unsigned long line = s.line;
			int r = scan_value(&s, &b, 0);

			if (r < 0) {
				lq_warn("%s:%lu: file ends inside an item (truncated?)", name, line);
				st = -1;
				break;
			}
			if (deliver(&s, &b, line, r, fn, arg, &n, &nbad) != 0)
				goto out;
			skip_ws(&s);
		}
	} else {
		lq_warn("%s:%lu: not a dataset (a JSON array or JSON lines of objects)", name, s.line);
		st = -1;
	}
out:
	if (ferror(fp)) {
		lq_warn_errno("%s: read error", name);
		st = -1;
	}
	lq_buf_free(&b);
	if (bad)
		*bad = nbad;
	return st < 0 ? -1 : n;
}
