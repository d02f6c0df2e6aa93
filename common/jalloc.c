/* jalloc.c: jansson's small blocks from per-size free lists (jalloc.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define JA_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define JA_SANITIZED 1
#endif
#endif

/* Weak: a program that links no jansson (lq itself) has none to set. */
#pragma weak json_set_alloc_funcs

#define HDR 16			/* keeps the payload at malloc's 16-byte alignment */
#define STEP 16
#define CLASSES 16		/* payloads up to 256 bytes */
#define SLAB (64 * 1024)
#define BIG 0xff		/* the header's class byte of a malloc'd block */

struct freed {
	struct freed *next;
};

static struct freed *list[CLASSES];
static int on;
static __thread int owner;		/* the thread whose blocks come from the lists */

#ifndef JA_SANITIZED
static unsigned char *cur, *end;	/* the rest of the current slab */

static void *
ja_malloc(size_t n)
{
	unsigned char *b;

	if (owner && n <= STEP * CLASSES) {
		size_t c = n ? (n - 1) / STEP : 0, sz = HDR + (c + 1) * STEP;

		if (list[c]) {
			b = (unsigned char *)list[c];
			list[c] = list[c]->next;
			return b;
		}
		if ((size_t)(end - cur) < sz) {
			/* the tail of the old slab (under 272 bytes) is left */
			if ((cur = malloc(SLAB)) == NULL) {
				end = NULL;
				return NULL;
			}
			end = cur + SLAB;
		}
		b = cur + HDR;
		cur += sz;
		b[-1] = (unsigned char)c;
		return b;
	}
	if (n > SIZE_MAX - HDR || (b = malloc(n + HDR)) == NULL)
		return NULL;
	b += HDR;
	b[-1] = BIG;
	return b;
}
#endif

static void
ja_free(void *p)
{
	unsigned char *b = p;
	struct freed *f;

	if (b == NULL)
		return;
	if (b[-1] == BIG) {
		free(b - HDR);
		return;
	}
	if (!owner)
		return;		/* a list block freed by another thread: kept out of use */
	f = p;
	f->next = list[b[-1]];
	list[b[-1]] = f;
}

/* Installed before main runs, so that no jansson value can exist yet
 * (a program may make one before lq_init: review makes two); lq_init's
 * call is then a no-op that links this file in. */
__attribute__((constructor)) static void
jalloc_ctor(void)
{
	lq_jalloc_init();
}

void
lq_jalloc_init(void)
{
#ifndef JA_SANITIZED
	const char *e = getenv("LQ_JALLOC");

	if (on || (e && strcmp(e, "off") == 0) || json_set_alloc_funcs == NULL)
		return;
	owner = 1;
	on = 1;
	json_set_alloc_funcs(ja_malloc, ja_free);
#endif
}

int
lq_jalloc_on(void)
{
	return on;
}

void
lq_jalloc_free(void *p)
{
	if (on)
		ja_free(p);
	else
		free(p);
}
