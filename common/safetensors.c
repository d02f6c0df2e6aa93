/* safetensors.c: mmap loader and header validator for .safetensors */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "safetensors.h"
#include "util.h"

/* The reference implementation refuses headers above 100 MB; so do we. */
#define MAX_HEADER (100u * 1000 * 1000)

struct lq_safetensors {
	void *map;		/* NULL when parsing a caller's buffer */
	size_t maplen;
	size_t ntensors;
	struct lq_st_tensor *t;
};

static const struct {
	const char *name;
	enum lq_st_dtype dtype;
	size_t size;
} dtypes[] = {
	{ "F32", LQ_ST_F32, 4 }, { "F16", LQ_ST_F16, 2 },
	{ "BF16", LQ_ST_BF16, 2 }, { "F64", LQ_ST_F64, 8 },
	{ "I64", LQ_ST_I64, 8 }, { "I32", LQ_ST_I32, 4 },
	{ "I16", LQ_ST_I16, 2 }, { "I8", LQ_ST_I8, 1 },
	{ "U64", LQ_ST_U64, 8 }, { "U32", LQ_ST_U32, 4 },
	{ "U16", LQ_ST_U16, 2 }, { "U8", LQ_ST_U8, 1 },
	{ "BOOL", LQ_ST_BOOL, 1 }, { "F8_E4M3", LQ_ST_F8_E4M3, 1 },
	{ "F8_E5M2", LQ_ST_F8_E5M2, 1 },
};

size_t
lq_st_dtype_size(enum lq_st_dtype dtype)
{
	for (size_t i = 0; i < sizeof dtypes / sizeof dtypes[0]; i++)
		if (dtypes[i].dtype == dtype)
			return dtypes[i].size;
	return 0;
}

static int
byoffset(const void *a, const void *b)
{
	const struct lq_st_tensor *x = *(const struct lq_st_tensor *const *)a;
	const struct lq_st_tensor *y = *(const struct lq_st_tensor *const *)b;

	return x->offset < y->offset ? -1 : x->offset > y->offset;
}

static void
freetensors(struct lq_safetensors *st)
{
	for (size_t i = 0; i < st->ntensors; i++)
		free(st->t[i].name);
	free(st->t);
	st->t = NULL;
	st->ntensors = 0;
}

/* Parse one header entry into *t; data offsets are checked against dlen. */
static int
parse_entry(const char *name, json_t *v, const unsigned char *data,
    uint64_t dlen, struct lq_st_tensor *t, uint64_t *begin, uint64_t *end,
    char *err, size_t errlen)
{
	json_t *dt, *shape, *off, *x;
	const char *s;
	size_t i, esz = 0;
	uint64_t n = 1;

	if (!json_is_object(v)) {
		lq_seterr(err, errlen, "tensor %s: entry is not an object", name);
		return -1;
	}
	dt = json_object_get(v, "dtype");
	shape = json_object_get(v, "shape");
	off = json_object_get(v, "data_offsets");
	if (!json_is_string(dt) || !json_is_array(shape) || !json_is_array(off)) {
		lq_seterr(err, errlen, "tensor %s: needs string dtype, array shape "
		    "and array data_offsets", name);
		return -1;
	}
	s = json_string_value(dt);
	for (i = 0; i < sizeof dtypes / sizeof dtypes[0]; i++)
		if (strcmp(s, dtypes[i].name) == 0) {
			t->dtype = dtypes[i].dtype;
			esz = dtypes[i].size;
			break;
		}
	if (esz == 0) {
		lq_seterr(err, errlen, "tensor %s: unknown dtype \"%.20s\"", name, s);
		return -1;
	}
	if (json_array_size(shape) > LQ_ST_MAXDIM) {
		lq_seterr(err, errlen, "tensor %s: more than %d dimensions", name,
		    LQ_ST_MAXDIM);
		return -1;
	}
	t->ndim = (int)json_array_size(shape);
	json_array_foreach(shape, i, x) {
		json_int_t d;

		if (!json_is_integer(x) || (d = json_integer_value(x)) < 0) {
			lq_seterr(err, errlen, "tensor %s: shape[%zu] is not a "
			    "non-negative integer", name, i);
			return -1;
		}
		t->shape[i] = (uint64_t)d;
		if (d != 0 && n > UINT64_MAX / (uint64_t)d / esz) {
			lq_seterr(err, errlen, "tensor %s: shape overflows", name);
			return -1;
		}
		n *= (uint64_t)d;
	}
	t->nelem = n;
	if (json_array_size(off) != 2 ||
	    !json_is_integer(json_array_get(off, 0)) ||
	    !json_is_integer(json_array_get(off, 1)) ||
	    json_integer_value(json_array_get(off, 0)) < 0 ||
	    json_integer_value(json_array_get(off, 1)) < 0) {
		lq_seterr(err, errlen, "tensor %s: data_offsets must be two "
		    "non-negative integers", name);
		return -1;
	}
	*begin = (uint64_t)json_integer_value(json_array_get(off, 0));
	*end = (uint64_t)json_integer_value(json_array_get(off, 1));
	if (*begin > *end || *end > dlen) {
		lq_seterr(err, errlen, "tensor %s: data_offsets [%llu, %llu] outside "
		    "the %llu-byte data buffer", name, (unsigned long long)*begin,
		    (unsigned long long)*end, (unsigned long long)dlen);
		return -1;
	}
	if (*end - *begin != n * esz) {
		lq_seterr(err, errlen, "tensor %s: %llu bytes of data but shape and "
		    "dtype need %llu", name, (unsigned long long)(*end - *begin),
		    (unsigned long long)(n * esz));
		return -1;
	}
	t->data = data + *begin;
	t->offset = *begin;
	t->nbytes = (size_t)(*end - *begin);
	return 0;
}

struct lq_safetensors *
lq_st_parse(const void *buf, size_t len, char *err, size_t errlen)
{
	const unsigned char *p = buf;
	struct lq_safetensors *st = NULL;
	struct lq_st_tensor **order = NULL;
	json_t *root = NULL, *v;
	json_error_t jerr;
	const char *name;
	uint64_t hlen = 0, dlen, prev;
	size_t hl, i;

	if (len < 8) {
		lq_seterr(err, errlen, "file too short for a safetensors header");
		return NULL;
	}
	for (i = 0; i < 8; i++)
		hlen |= (uint64_t)p[i] << (8 * i);
	if (hlen > MAX_HEADER || hlen > len - 8) {
		lq_seterr(err, errlen, "header length %llu is larger than the file "
		    "or the 100 MB limit", (unsigned long long)hlen);
		return NULL;
	}
	hl = (size_t)hlen;
	while (hl > 0 && p[8 + hl - 1] == ' ')
		hl--;
	if (hl == 0 || p[8] != '{') {
		lq_seterr(err, errlen, "header is not a JSON object");
		return NULL;
	}
	root = json_loadb((const char *)p + 8, hl, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL || !json_is_object(root)) {
		lq_seterr(err, errlen, "header JSON: %s", root ? "not an object" :
		    jerr.text);
		goto fail;
	}
	dlen = len - 8 - hlen;
	if ((st = calloc(1, sizeof *st)) == NULL ||
	    (st->t = calloc(json_object_size(root) + 1, sizeof *st->t)) == NULL ||
	    (order = calloc(json_object_size(root) + 1, sizeof *order)) == NULL) {
		lq_seterr(err, errlen, "out of memory");
		goto fail;
	}
	json_object_foreach(root, name, v) {
		struct lq_st_tensor *t = &st->t[st->ntensors];
		uint64_t b, e;

		if (strcmp(name, "__metadata__") == 0) {
			const char *k;
			json_t *mv;

			if (!json_is_object(v)) {
				lq_seterr(err, errlen, "__metadata__ is not an object");
				goto fail;
			}
			json_object_foreach(v, k, mv)
				if (!json_is_string(mv)) {
					lq_seterr(err, errlen, "__metadata__ value "
					    "%.60s is not a string", k);
					goto fail;
				}
			continue;
		}
		if (parse_entry(name, v, p + 8 + hlen, dlen, t, &b, &e, err,
		    errlen) < 0)
			goto fail;
		if ((t->name = strdup(name)) == NULL) {
			lq_seterr(err, errlen, "out of memory");
			goto fail;
		}
		order[st->ntensors++] = t;
	}
	/* Sorted by offset, the tensors must tile the data buffer exactly. */
	qsort(order, st->ntensors, sizeof *order, byoffset);
	prev = 0;
	for (i = 0; i < st->ntensors; i++) {
		uint64_t b = order[i]->offset;

		if (b < prev) {
			lq_seterr(err, errlen, "tensor %s overlaps the tensor "
			    "before it", order[i]->name);
			goto fail;
		}
		if (b > prev) {
			lq_seterr(err, errlen, "tensor %s: gap of %llu bytes before "
			    "its data", order[i]->name,
			    (unsigned long long)(b - prev));
			goto fail;
		}
		prev = b + order[i]->nbytes;
	}
	if (prev != dlen) {
		lq_seterr(err, errlen, "%llu bytes after the last tensor belong to "
		    "no tensor", (unsigned long long)(dlen - prev));
		goto fail;
	}
	free(order);
	json_decref(root);
	return st;
fail:
	free(order);
	if (st != NULL) {
		freetensors(st);
		free(st);
	}
	json_decref(root);
	return NULL;
}

struct lq_safetensors *
lq_st_open(const char *path, char *err, size_t errlen)
{
	struct lq_safetensors *st;
	struct stat sb;
	void *map;
	char e[512];
	int fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0) {
		lq_seterr(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode) || sb.st_size == 0) {
		lq_seterr(err, errlen, "%s: not a regular non-empty file", path);
		close(fd);
		return NULL;
	}
	map = mmap(NULL, (size_t)sb.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED) {
		lq_seterr(err, errlen, "%s: mmap: %s", path, strerror(errno));
		return NULL;
	}
	if ((st = lq_st_parse(map, (size_t)sb.st_size, e, sizeof e)) == NULL) {
		lq_seterr(err, errlen, "%s: %s", path, e);
		munmap(map, (size_t)sb.st_size);
		return NULL;
	}
	st->map = map;
	st->maplen = (size_t)sb.st_size;
	return st;
}

size_t
lq_st_count(const struct lq_safetensors *st)
{
	return st->ntensors;
}

const struct lq_st_tensor *
lq_st_at(const struct lq_safetensors *st, size_t i)
{
	return i < st->ntensors ? &st->t[i] : NULL;
}

const struct lq_st_tensor *
lq_st_find(const struct lq_safetensors *st, const char *name)
{
	for (size_t i = 0; i < st->ntensors; i++)
		if (strcmp(st->t[i].name, name) == 0)
			return &st->t[i];
	return NULL;
}

void
lq_st_close(struct lq_safetensors *st)
{
	if (st == NULL)
		return;
	freetensors(st);
	if (st->map != NULL)
		munmap(st->map, st->maplen);
	free(st);
}
