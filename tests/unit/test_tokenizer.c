/* test-tokenizer.c: WordPiece rules on a toy vocabulary, then the golden file */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoder.h"
#include "t.h"
#include "tokenizer.h"

static void
ok(int cond, const char *desc)
{
	t_begin(desc);
	CHECK(cond);
}

/* Tokenize text and compare with the space-separated ids in want. */
static int
same(const struct lq_tokenizer *tok, const char *text, size_t len,
    size_t max, const char *want)
{
	int32_t ids[512];
	size_t n = lq_tok_encode(tok, text, len, ids, max), i = 0;
	char *end;

	for (const char *p = want; ; p = end, i++) {
		long v = strtol(p, &end, 10);

		if (end == p)
			break;
		if (i >= n || ids[i] != v)
			return 0;
	}
	return i == n;
}

#define SAME(tok, s, max, want) same(tok, s, strlen(s), max, want)

static void
toy(void)
{
	/* ids:      0     1     2     3     4      5   6    7     8      9   10 */
	const char v[] = "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nun\n##aff\n##able\na\n##b\n!\r\n"
	    "x\n##x\n";
	char err[128], longw[203];
	struct lq_tokenizer *t = lq_tok_from_buf(v, sizeof v - 1, NULL, err,
	    sizeof err);
	struct lq_tok_options cased = { 1, 1 };
	struct lq_tokenizer *tc;

	ok(t != NULL, "toy vocabulary loads");
	if (t == NULL)
		return;
	ok(lq_tok_vocab_size(t) == 13 && lq_tok_id(t, "!") == 10,
	    "CRLF line ends are stripped, ids are line numbers");
	ok(SAME(t, "unaffable", 256, "2 5 6 7 3"), "greedy longest match with ##");
	ok(SAME(t, "UnAffable!", 256, "2 5 6 7 10 3"), "lowercase and punctuation split");
	ok(SAME(t, "unaffablez", 256, "2 1 3"), "an unmatched tail makes the whole word [UNK]");
	ok(SAME(t, "", 256, "2 3"), "empty text is [CLS] [SEP]");
	ok(SAME(t, "a[SEP]ab", 256, "2 8 3 8 9 3"), "literal [SEP] is the special token");
	ok(SAME(t, "un un un un", 4, "2 5 5 3"), "truncation keeps max-2 pieces");
	ok(SAME(t, "unaffable", 4, "2 5 6 3"), "truncation can cut a word");
	memset(longw, 'x', 100);
	{
		char want[400] = "2 11";

		for (int i = 1; i < 100; i++)
			strcat(want, " 12");
		strcat(want, " 3");
		ok(same(t, longw, 100, 256, want), "a 100-char word is split");
	}
	memset(longw, 'x', 101);
	ok(same(t, longw, 101, 256, "2 1 3"), "a 101-char word is [UNK]");
	ok(same(t, "a\xff\xc3" "b", 4, 256, "2 8 9 3"), "invalid UTF-8 bytes are dropped");
	ok(same(t, "a\0b", 3, 256, "2 8 9 3"), "NUL is dropped");
	ok(SAME(t, "A\xcc\x81\xe2\x80\x8b" "B", 256, "2 8 9 3"), "accent stripped, zero-width space deleted");
	tc = lq_tok_from_buf(v, sizeof v - 1, &cased, err, sizeof err);
	ok(tc != NULL && SAME(tc, "a[SEP]", 256, "2 8 1 1 1 3") &&
	    SAME(tc, "UN", 256, "2 1 3"), "cased, no specials: [SEP] is text");
	lq_tok_free(tc);
	ok(lq_tok_from_buf("a\nb\n", 4, NULL, err, sizeof err) == NULL &&
	    strstr(err, "[UNK]") != NULL, "a vocabulary without [UNK] is refused");
	lq_tok_free(t);
}

static int
b64(const char *s, size_t n, unsigned char *out)
{
	static const char a[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned v = 0;
	int bits = 0, len = 0;

	for (size_t i = 0; i < n && s[i] != '='; i++) {
		const char *p = strchr(a, s[i]);

		if (p == NULL || s[i] == '\0')
			return -1;
		v = v << 6 | (unsigned)(p - a);
		if ((bits += 6) >= 8) {
			bits -= 8;
			out[len++] = (unsigned char)(v >> bits);
		}
	}
	return len;
}

static void
golden(const char *path, const char *vocab)
{
	char err[512], cmd[1024], *line = NULL, *tab;
	unsigned char *text;
	size_t cap = 0, lines = 0, bad = 0;
	ssize_t n;
	struct lq_tokenizer *t = lq_tok_load(vocab, NULL, err, sizeof err);
	FILE *fp;

	ok(t != NULL, "the model's vocab.txt loads");
	if (t == NULL) {
		printf("# %s (run make model)\n", err);
		return;
	}
	ok(SAME(t, "Caf\xc3\xa9 d\xc3\xa9j\xc3\xa0 vu \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac", 256,
	    "101 7668 2139 3900 24728 1517 1879 1755 102"), "encoder.md vector: Cafe deja vu");
	ok(SAME(t, "This is an example sentence", 256, "101 2023 2003 2019 2742 6251 102"),
	    "encoder.md vector: example sentence");
	snprintf(cmd, sizeof cmd, "gzip -dc '%s'", path);
	if ((fp = popen(cmd, "r")) == NULL) {
		ok(0, "golden file opens");
		lq_tok_free(t);
		return;
	}
	while ((n = getline(&line, &cap, fp)) > 0) {
		int len;

		if ((tab = strchr(line, '\t')) == NULL)
			continue;
		lines++;
		text = malloc((size_t)(tab - line) + 1);
		len = b64(line, (size_t)(tab - line), text);
		if (len < 0 || !same(t, (char *)text, (size_t)len, 256, tab + 1)) {
			if (bad++ < 5)
				printf("# mismatch at line %zu: %.*s", lines,
				    (int)(n - (tab - line)), tab + 1);
		}
		free(text);
	}
	free(line);
	ok(pclose(fp) == 0 && lines >= 10000, "golden file read whole (>= 10000 cases)");
	printf("# %zu golden cases, %zu mismatches\n", lines, bad);
	ok(bad == 0, "every golden case matches Hugging Face tokenizers");
	lq_tok_free(t);
}

int
main(int argc, char **argv)
{
	char dir[4096], vocab[4200];
	const char *golden_path = argc > 1 ? argv[1] : "tests/data/tokenizer/golden.tsv.gz";

	toy();
	lq_encoder_default_dir(dir, sizeof dir);
	snprintf(vocab, sizeof vocab, "%s/vocab.txt", dir);
	golden(golden_path, vocab);
	return t_done();
}
