/* fuzz_redact.c: the redaction scrubber on arbitrary bytes: never grows the text, never leaves the key raw. */
#include <stdlib.h>
#include <string.h>

#include "redact.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

#define KEY "sk-Ab/9+Zq=KEY"

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static int ready;
	char *s;
	size_t n;

	if (!ready) {
		lq_redact_add(KEY);
		lq_redact_url("https://u:pw-FUZZ@h/");
		ready = 1;
	}
	if ((s = malloc(size + 1)) == NULL)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	n = lq_redact_mem(s, size);
	if (n > size)
		abort();
	s[n] = '\0';
	if (memmem(s, n, KEY, strlen(KEY)) != NULL || memmem(s, n, "pw-FUZZ", 7) != NULL)
		abort();
	free(s);
	return 0;
}
