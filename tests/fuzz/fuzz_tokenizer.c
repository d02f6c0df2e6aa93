/* fuzz_tokenizer.c: the BERT tokenizer on arbitrary bytes (a small vocabulary). */
#include <stddef.h>
#include <stdint.h>

#include "tokenizer.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char vocab[] =
    "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\na\nb\nc\n##a\n##b\n##c\nab\n"
    "caf\n##e\n!\n.\n\xe6\x9d\xb1\n\xc3\xa9\n##\xc3\xa9\n";

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static struct lq_tokenizer *tok[2];
	static const struct lq_tok_options cased = { 1, 1 };
	int32_t ids[300];
	size_t n;

	if (tok[0] == NULL) {
		tok[0] = lq_tok_from_buf(vocab, sizeof vocab - 1, NULL, NULL, 0);
		tok[1] = lq_tok_from_buf(vocab, sizeof vocab - 1, &cased, NULL, 0);
	}
	for (int k = 0; k < 2; k++) {
		n = lq_tok_encode(tok[k], (const char *)data, size, ids, 256);
		if (n < 2 || n > 256 || ids[0] != 2 || ids[n - 1] != 3)
			__builtin_trap();
		for (size_t i = 0; i < n; i++)
			if (ids[i] < 0 || (size_t)ids[i] >= lq_tok_vocab_size(tok[k]))
				__builtin_trap();
		n = lq_tok_encode(tok[k], (const char *)data, size, ids, 3);
		if (n < 2 || n > 3)
			__builtin_trap();
	}
	return 0;
}
