/* tokenizer.c: BERT normaliser, pre-tokenizer and WordPiece (see docs/encoder.md) */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "tokenizer.h"
#include "tokenizer-unicode.h"
#include "util.h"

/* Hugging Face's WordPiece gives up on words longer than this many chars. */
#define MAX_WORD_CHARS 100

struct lq_tokenizer {
	struct lq_tok_options opt;
	char *pool;		/* the vocabulary's tokens, NUL-terminated */
	uint32_t *off;		/* token id -> offset in pool */
	size_t ntok;
	int32_t *slot;		/* open-addressing hash: token id or -1 */
	size_t mask;
	size_t maxlen;		/* longest token in bytes */
	int32_t unk, cls, sep;
	int32_t special[5];	/* added tokens matched in raw text, or -1 */
};

static const char *const specials[5] = {
	"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static int32_t
lookup(const struct lq_tokenizer *tok, const char *s, size_t n)
{
	size_t i;

	if (n > tok->maxlen)
		return -1;
	for (i = hash(s, n) & tok->mask; tok->slot[i] >= 0;
	    i = (i + 1) & tok->mask) {
		const char *t = tok->pool + tok->off[tok->slot[i]];

		if (strncmp(t, s, n) == 0 && t[n] == '\0')
			return tok->slot[i];
	}
	return -1;
}

struct lq_tokenizer *
lq_tok_from_buf(const char *buf, size_t len, const struct lq_tok_options *opts,
    char *err, size_t errlen)
{
	struct lq_tokenizer *tok;
	size_t i, n, cap, start;

	if ((tok = calloc(1, sizeof *tok)) == NULL)
		goto oom;
	if (opts != NULL)
		tok->opt = *opts;
	n = 0;
	for (i = 0; i < len; i++)
		n += buf[i] == '\n';
	n += len > 0 && buf[len - 1] != '\n';
	if ((tok->pool = malloc(len + 1)) == NULL ||
	    (tok->off = malloc((n + 1) * sizeof *tok->off)) == NULL)
		goto oom;
	if (len > UINT32_MAX || n > INT32_MAX / 4) {
		lq_seterr(err, errlen, "vocabulary too large");
		goto fail;
	}
	memcpy(tok->pool, buf, len);
	tok->pool[len] = '\0';
	for (i = start = 0; i <= len; i++) {
		if (i < len && buf[i] != '\n')
			continue;
		if (i == len && start == len)
			break;
		tok->pool[i] = '\0';
		if (i > start && tok->pool[i - 1] == '\r')
			tok->pool[i - 1] = '\0';
		tok->off[tok->ntok++] = (uint32_t)start;
		if (strlen(tok->pool + start) > tok->maxlen)
			tok->maxlen = strlen(tok->pool + start);
		start = i + 1;
	}
	for (cap = 64; cap < 2 * tok->ntok; cap *= 2)
		;
	if ((tok->slot = malloc(cap * sizeof *tok->slot)) == NULL)
		goto oom;
	memset(tok->slot, 0xff, cap * sizeof *tok->slot);
	tok->mask = cap - 1;
	/* A repeated token keeps its last id, as Hugging Face's loader does. */
	for (i = 0; i < tok->ntok; i++) {
		const char *t = tok->pool + tok->off[i];
		size_t tl = strlen(t), h;

		for (h = hash(t, tl) & tok->mask; tok->slot[h] >= 0;
		    h = (h + 1) & tok->mask)
			if (strcmp(tok->pool + tok->off[tok->slot[h]], t) == 0)
				break;
		tok->slot[h] = (int32_t)i;
	}
	tok->unk = lookup(tok, "[UNK]", 5);
	tok->cls = lookup(tok, "[CLS]", 5);
	tok->sep = lookup(tok, "[SEP]", 5);
	if (tok->unk < 0 || tok->cls < 0 || tok->sep < 0) {
		lq_seterr(err, errlen, "vocabulary lacks [UNK], [CLS] or [SEP]");
		goto fail;
	}
	for (i = 0; i < 5; i++)
		tok->special[i] = tok->opt.no_special ? -1 :
		    lookup(tok, specials[i], strlen(specials[i]));
	return tok;
oom:
	lq_seterr(err, errlen, "out of memory");
fail:
	lq_tok_free(tok);
	return NULL;
}

struct lq_tokenizer *
lq_tok_load(const char *path, const struct lq_tok_options *opts, char *err,
    size_t errlen)
{
	struct lq_tokenizer *tok;
	char *buf = NULL, e[256];
	size_t len = 0, cap = 0, n;
	FILE *fp;

	if ((fp = fopen(path, "rb")) == NULL) {
		lq_seterr(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	for (;;) {
		if (cap - len < 65536) {
			char *nb = realloc(buf, cap = cap * 2 + 65536);

			if (nb == NULL) {
				free(buf);
				fclose(fp);
				lq_seterr(err, errlen, "%s: out of memory", path);
				return NULL;
			}
			buf = nb;
		}
		if ((n = fread(buf + len, 1, cap - len, fp)) == 0)
			break;
		len += n;
	}
	if (ferror(fp)) {
		lq_seterr(err, errlen, "%s: read error", path);
		fclose(fp);
		free(buf);
		return NULL;
	}
	fclose(fp);
	tok = lq_tok_from_buf(buf, len, opts, e, sizeof e);
	free(buf);
	if (tok == NULL)
		lq_seterr(err, errlen, "%s: %s", path, e);
	return tok;
}

void
lq_tok_free(struct lq_tokenizer *tok)
{
	if (tok == NULL)
		return;
	free(tok->pool);
	free(tok->off);
	free(tok->slot);
	free(tok);
}

size_t
lq_tok_vocab_size(const struct lq_tokenizer *tok)
{
	return tok->ntok;
}

int32_t
lq_tok_id(const struct lq_tokenizer *tok, const char *token)
{
	return lookup(tok, token, strlen(token));
}

const char *
lq_tok_token(const struct lq_tokenizer *tok, int32_t id)
{
	return id >= 0 && (size_t)id < tok->ntok ? tok->pool + tok->off[id] : NULL;
}

/* Decode UTF-8 into cp[]; each byte of an invalid sequence is dropped. */
static size_t
decode(const unsigned char *s, size_t len, int32_t *cp)
{
	size_t i = 0, n = 0;

	while (i < len) {
		unsigned c = s[i], need, min;
		uint32_t v;

		if (c < 0x80) {
			cp[n++] = (int32_t)c;
			i++;
			continue;
		}
		if (c >= 0xc2 && c <= 0xdf)
			need = 1, v = c & 0x1f, min = 0x80;
		else if (c >= 0xe0 && c <= 0xef)
			need = 2, v = c & 0x0f, min = 0x800;
		else if (c >= 0xf0 && c <= 0xf4)
			need = 3, v = c & 0x07, min = 0x10000;
		else {
			i++;
			continue;
		}
		if (len - i <= need) {
			i++;
			continue;
		}
		for (unsigned k = 1; k <= need; k++) {
			if ((s[i + k] & 0xc0) != 0x80) {
				v = 0xffffffff;
				break;
			}
			v = v << 6 | (s[i + k] & 0x3f);
		}
		if (v == 0xffffffff || v < min || v > 0x10ffff ||
		    (v >= 0xd800 && v <= 0xdfff)) {
			i++;
			continue;
		}
		cp[n++] = (int32_t)v;
		i += need + 1;
	}
	return n;
}

/* Binary search of a sorted table of n records whose first field is cp. */
#define FIND(tab, c) bsearch(&(c), (tab), sizeof(tab) / sizeof((tab)[0]), \
    sizeof((tab)[0]), cmpcp)

static int
cmpcp(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return x < y ? -1 : x > y;
}

/* Rust's char::is_whitespace: the Unicode White_Space property. */
static int
is_ws(int32_t c)
{
	return (c >= 0x09 && c <= 0x0d) || c == 0x20 || c == 0x85 ||
	    c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	    c == 0x3000;
}

static int
is_control(int32_t c)
{
	if (c == '\t' || c == '\n' || c == '\r')
		return 0;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_CC:
	case UTF8PROC_CATEGORY_CF:
	case UTF8PROC_CATEGORY_CO:
	case UTF8PROC_CATEGORY_CS:
		return 1;
	default:
		return 0;
	}
}

static int
is_cjk(int32_t c)
{
	/* 0x2B920 (not 0x2B820) is what the Rust tokenizers crate uses. */
	return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
	    (c >= 0x20000 && c <= 0x2a6df) || (c >= 0x2a700 && c <= 0x2b73f) ||
	    (c >= 0x2b740 && c <= 0x2b81f) || (c >= 0x2b920 && c <= 0x2ceaf) ||
	    (c >= 0xf900 && c <= 0xfaff) || (c >= 0x2f800 && c <= 0x2fa1f);
}

static int
is_punct(int32_t c)
{
	const struct punct_override *po = FIND(punct_overrides, c);

	if (po != NULL)
		return po->punct;
	if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) ||
	    (c >= 91 && c <= 96) || (c >= 123 && c <= 126))
		return 1;
	switch (utf8proc_category(c)) {
	case UTF8PROC_CATEGORY_PC:
	case UTF8PROC_CATEGORY_PD:
	case UTF8PROC_CATEGORY_PS:
	case UTF8PROC_CATEGORY_PE:
	case UTF8PROC_CATEGORY_PI:
	case UTF8PROC_CATEGORY_PF:
	case UTF8PROC_CATEGORY_PO:
		return 1;
	default:
		return 0;
	}
}

/* A growable code point buffer (running out of memory is fatal). */
struct cpbuf {
	int32_t *v;
	size_t n, cap;
};

static void
push(struct cpbuf *b, int32_t c)
{
	if (b->n == b->cap) {
		b->cap = b->cap * 2 + 64;
		b->v = lq_xreallocarray(b->v, b->cap, sizeof *b->v);
	}
	b->v[b->n++] = c;
}

/*
 * The BertNormalizer: clean_text, handle_chinese_chars, then (uncased) NFD,
 * removal of nonspacing marks and lowercasing, char by char. Where the Rust
 * crates' Unicode tables disagree with utf8proc's, the generated override
 * table gives Hugging Face's result for that char.
 */
static void
normalize(const struct lq_tokenizer *tok, const int32_t *in, size_t n,
    struct cpbuf *out)
{
	out->n = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t c = in[i], d[32];
		utf8proc_ssize_t nd;
		const struct norm_override *ov;

		if (!tok->opt.cased && (ov = FIND(norm_overrides, c)) != NULL) {
			for (int k = 0; k < ov->n; k++)
				push(out, ov->out[k]);
			continue;
		}
		if (c == 0 || c == 0xfffd || is_control(c))
			continue;
		if (is_ws(c))
			c = ' ';
		if (is_cjk(c))
			push(out, ' ');
		if (tok->opt.cased) {
			push(out, c);
		} else {
			nd = utf8proc_decompose_char(c, d, 32,
			    UTF8PROC_DECOMPOSE, NULL);
			if (nd < 1 || nd > 32) {
				d[0] = c;
				nd = 1;
			}
			for (utf8proc_ssize_t k = 0; k < nd; k++)
				if (utf8proc_category(d[k]) !=
				    UTF8PROC_CATEGORY_MN)
					push(out, utf8proc_tolower(d[k]));
		}
		if (is_cjk(c))
			push(out, ' ');
	}
}

struct out {
	int32_t *ids;
	size_t n, max;		/* max: wordpieces allowed before [SEP] */
};

static void
emit(struct out *o, int32_t id)
{
	if (o->n < o->max)
		o->ids[o->n++] = id;
}

/* Greedy longest-match-first WordPiece of one word of nc code points. */
static void
wordpiece(const struct lq_tokenizer *tok, const int32_t *w, size_t nc,
    struct out *o)
{
	char buf[2 + MAX_WORD_CHARS * 4];
	size_t bound[MAX_WORD_CHARS + 1], len = 2, start, np = 0;
	int32_t piece[MAX_WORD_CHARS];

	if (nc > MAX_WORD_CHARS) {
		emit(o, tok->unk);
		return;
	}
	buf[0] = buf[1] = '#';
	bound[0] = 2;
	for (size_t i = 0; i < nc; i++) {
		len += (size_t)utf8proc_encode_char(w[i], (uint8_t *)buf + len);
		bound[i + 1] = len;
	}
	for (start = 0; start < nc; ) {
		size_t end;
		int32_t id = -1;

		/* Continuations are looked up as "##" + piece: shift it in. */
		if (start > 0) {
			size_t shift = bound[start] - 2;

			memmove(buf + 2, buf + bound[start], len - bound[start]);
			len -= shift;
			for (size_t k = start; k <= nc; k++)
				bound[k] -= shift;
		}
		for (end = nc; end > start; end--) {
			size_t b = start > 0 ? 0 : 2;

			id = lookup(tok, buf + b, bound[end] - b);
			if (id >= 0)
				break;
		}
		if (id < 0) {
			emit(o, tok->unk);
			return;
		}
		piece[np++] = id;
		start = end;
	}
	for (size_t i = 0; i < np; i++)
		emit(o, piece[i]);
}

/* Pre-tokenize a normalised segment on whitespace and punctuation. */
static void
words(const struct lq_tokenizer *tok, const int32_t *s, size_t n,
    struct out *o)
{
	size_t i = 0;

	while (i < n && o->n < o->max) {
		size_t j;

		if (is_ws(s[i])) {
			i++;
			continue;
		}
		if (is_punct(s[i])) {
			wordpiece(tok, s + i, 1, o);
			i++;
			continue;
		}
		for (j = i; j < n && !is_ws(s[j]) && !is_punct(s[j]); j++)
			;
		wordpiece(tok, s + i, j - i, o);
		i = j;
	}
}

/* Index of the special token starting at s[0], or -1. */
static int
special_at(const struct lq_tokenizer *tok, const int32_t *s, size_t n)
{
	for (int k = 0; k < 5; k++) {
		const char *t = specials[k];
		size_t tl = strlen(t), j;

		if (tok->special[k] < 0 || tl > n)
			continue;
		for (j = 0; j < tl && s[j] == (unsigned char)t[j]; j++)
			;
		if (j == tl)
			return k;
	}
	return -1;
}

size_t
lq_tok_encode(const struct lq_tokenizer *tok, const char *text, size_t len,
    int32_t *ids, size_t max_ids)
{
	struct cpbuf norm = { 0 };
	struct out o;
	int32_t *cp;
	size_t n, i, seg;

	if (max_ids < 2)
		return 0;
	ids[0] = tok->cls;
	o.ids = ids + 1;
	o.n = 0;
	o.max = max_ids - 2;
	cp = lq_xreallocarray(NULL, len + 1, sizeof *cp);
	n = decode((const unsigned char *)text, len, cp);
	for (i = seg = 0; i <= n && o.n < o.max; i++) {
		int k = -1;

		if (i < n && (cp[i] != '[' || (k = special_at(tok, cp + i,
		    n - i)) < 0))
			continue;
		normalize(tok, cp + seg, i - seg, &norm);
		words(tok, norm.v, norm.n, &o);
		if (k >= 0) {
			emit(&o, tok->special[k]);
			i += strlen(specials[k]) - 1;
		}
		seg = i + 1;
	}
	free(norm.v);
	free(cp);
	ids[1 + o.n] = tok->sep;
	return o.n + 2;
}
