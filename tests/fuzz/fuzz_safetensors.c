/* fuzz_safetensors.c: the safetensors header validator on arbitrary bytes. */
#include <stddef.h>
#include <string.h>

#include "safetensors.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_safetensors *st;
	char err[256];

	if ((st = lq_st_parse(data, size, err, sizeof err)) == NULL)
		return 0;
	/* Every tensor a valid file describes must lie inside the buffer. */
	for (size_t i = 0; i < lq_st_count(st); i++) {
		const struct lq_st_tensor *t = lq_st_at(st, i);
		unsigned char sum = 0;

		for (size_t k = 0; k < t->nbytes; k++)
			sum ^= ((const unsigned char *)t->data)[k];
		if (lq_st_find(st, t->name) != t || t->nbytes !=
		    t->nelem * lq_st_dtype_size(t->dtype))
			__builtin_trap();
		if (sum == 1 && t->nbytes == 0)
			__builtin_trap();
	}
	lq_st_close(st);
	return 0;
}
