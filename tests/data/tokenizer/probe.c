/* probe.c: print lq's per-code-point normalisation and class (for gen-unicode.py) */
#define LQ_TOK_NO_OVERRIDES
#include "../../../common/tokenizer.c"

int
main(void)
{
	struct lq_tokenizer t = { 0 };
	struct cpbuf b = { 0 };

	for (int32_t c = 0; c < 0x110000; c++) {
		if (c >= 0xd800 && c <= 0xdfff)
			continue;
		normalize(&t, &c, 1, &b);
		printf("%x %c", c, is_ws(c) ? 'w' : is_punct(c) ? 'p' : 'o');
		for (size_t i = 0; i < b.n; i++)
			printf(" %x", b.v[i]);
		putchar('\n');
	}
	free(b.v);
	return 0;
}
