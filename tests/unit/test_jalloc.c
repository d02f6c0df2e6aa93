/* test_jalloc: jansson's blocks from common/jalloc.c's free lists. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "jalloc.h"
#include "t.h"

#define N 4000

/* A string of n bytes that says which one it is. */
static void
fill(char *b, size_t n, size_t seed)
{
	for (size_t i = 0; i < n; i++)
		b[i] = (char)('a' + (seed * 7 + i) % 26);
	b[n] = '\0';
}

static void *
other_thread(void *arg)
{
	json_t *mine = json_pack("{s:s,s:[i,i]}", "k", "a value made in another thread", "a", 1, 2);

	json_decref((json_t *)arg);	/* a block of the main thread's lists */
	json_decref(mine);
	return NULL;
}

int
main(void)
{
	static json_t *v[N];
	static char buf[700];

	lq_jalloc_init();

	t_begin("strings of every size class and above keep their bytes through frees and reuse");
	for (size_t i = 0; i < N; i++) {
		fill(buf, i % 600, i);
		v[i] = json_string(buf);
		CHECK(v[i] != NULL);
		CHECK(((uintptr_t)json_string_value(v[i]) & 15) == 0);
	}
	for (size_t i = 0; i < N; i += 2) {
		json_decref(v[i]);
		fill(buf, (i * 13) % 600, i + 1);
		v[i] = json_string(buf);
	}
	for (size_t i = 0; i < N; i++) {
		fill(buf, i % 2 ? i % 600 : (i * 13) % 600, i % 2 ? i : i + 1);
		CHECK_STR(json_string_value(v[i]), buf);
		CHECK(((uintptr_t)json_string_value(v[i]) & 15) == 0);
	}
	for (size_t i = 0; i < N; i++)
		json_decref(v[i]);

	t_begin("a freed small block is handed out again (when the lists are on)");
	{
		json_t *a = json_string("twenty bytes of text"), *b;
		const void *pa = json_string_value(a), *ps = a;

		json_decref(a);		/* the text's block and the string's */
		b = json_string("twenty other bytes!!");
		if (lq_jalloc_on())
			CHECK((const void *)json_string_value(b) == pa || (const void *)json_string_value(b) == ps);
		CHECK_STR(json_string_value(b), "twenty other bytes!!");
		json_decref(b);
	}

	t_begin("objects, arrays and reals built and dumped; json_dumps' text is free()d");
	{
		json_t *o = json_object();
		char *s;

		for (int i = 0; i < 300; i++) {
			char k[16];

			snprintf(k, sizeof k, "k%d", i);
			json_object_set_new(o, k, json_pack("[f,s,{s:i}]", i / 4.0, k, "n", i));
		}
		s = json_dumps(o, JSON_COMPACT);
		CHECK(s != NULL && strncmp(s, "{\"k0\":[0.0,\"k0\",{\"n\":0}],\"k1\":[0.25,", 35) == 0);
		free(s);
		json_decref(o);
	}

	t_begin("another thread makes and frees its own values, and frees one of the main thread's");
	{
		pthread_t th;
		json_t *x = json_string("made here, freed there");

		CHECK(pthread_create(&th, NULL, other_thread, x) == 0);
		CHECK(pthread_join(th, NULL) == 0);
		x = json_string("after the other thread");
		CHECK_STR(json_string_value(x), "after the other thread");
		json_decref(x);
	}
	return t_done();
}
