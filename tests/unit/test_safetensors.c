/* test_safetensors.c: the header validator on good and hostile files */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safetensors.h"
#include "t.h"

/* Build header + n data bytes in buf; returns the total length. */
static size_t
mk(unsigned char *buf, const char *header, size_t ndata)
{
	size_t h = strlen(header);

	for (int i = 0; i < 8; i++)
		buf[i] = (unsigned char)((uint64_t)h >> (8 * i));
	memcpy(buf + 8, header, h);
	for (size_t i = 0; i < ndata; i++)
		buf[8 + h + i] = (unsigned char)i;
	return 8 + h + ndata;
}

/* Expect a failure whose message contains want. */
static void
bad(const char *desc, const char *header, size_t ndata, const char *want)
{
	unsigned char buf[4096];
	char err[256] = "";
	size_t n = mk(buf, header, ndata);
	struct lq_safetensors *st = lq_st_parse(buf, n, err, sizeof err);

	t_begin(desc);
	CHECK(st == NULL);
	if (strstr(err, want) == NULL) {
		printf("#   message \"%s\" lacks \"%s\"\n", err, want);
		CHECK(0);
	}
	lq_st_close(st);
}

int
main(void)
{
	unsigned char buf[4096];
	char err[256];
	struct lq_safetensors *st;
	const struct lq_st_tensor *t;
	size_t n;

	n = mk(buf, "{\"__metadata__\":{\"format\":\"pt\"},"
	    "\"b\":{\"dtype\":\"I64\",\"shape\":[1,2],\"data_offsets\":[24,40]},"
	    "\"a\":{\"dtype\":\"F32\",\"shape\":[2,3],\"data_offsets\":[0,24]},"
	    "\"s\":{\"dtype\":\"F16\",\"shape\":[],\"data_offsets\":[40,42]},"
	    "\"e\":{\"dtype\":\"F32\",\"shape\":[0,4],\"data_offsets\":[42,42]}}   ", 42);
	st = lq_st_parse(buf, n, err, sizeof err);
	t_begin("a valid file with metadata, 0-rank and empty tensors parses");
	CHECK(st != NULL);
	if (st != NULL) {
		CHECK_INT(lq_st_count(st), 4);
		t = lq_st_find(st, "a");
		CHECK(t != NULL && t->dtype == LQ_ST_F32 && t->ndim == 2 &&
		    t->shape[0] == 2 && t->shape[1] == 3 && t->nbytes == 24);
		t = lq_st_find(st, "b");
		CHECK(t != NULL && t->offset == 24 && t->data == buf + n - 42 + 24);
		t = lq_st_find(st, "s");
		CHECK(t != NULL && t->ndim == 0 && t->nelem == 1);
		CHECK(lq_st_find(st, "missing") == NULL);
		CHECK(lq_st_at(st, 4) == NULL);
	}
	lq_st_close(st);

	t_begin("a file shorter than 8 bytes is refused");
	CHECK(lq_st_parse(buf, 5, err, sizeof err) == NULL);
	memset(buf, 0xff, 8);
	t_begin("a header length beyond the file is refused");
	CHECK(lq_st_parse(buf, 64, err, sizeof err) == NULL &&
	    strstr(err, "header length") != NULL);

	bad("bad JSON", "{\"a\":", 0, "header JSON");
	bad("a header that is not an object", "[1,2]", 0, "not a JSON object");
	bad("unknown dtype", "{\"w\":{\"dtype\":\"Q4\",\"shape\":[1],"
	    "\"data_offsets\":[0,1]}}", 1, "tensor w: unknown dtype");
	bad("size not matching the shape", "{\"w\":{\"dtype\":\"F32\",\"shape\":[2],"
	    "\"data_offsets\":[0,4]}}", 4, "tensor w: 4 bytes");
	bad("offsets past the data", "{\"w\":{\"dtype\":\"U8\",\"shape\":[8],"
	    "\"data_offsets\":[0,8]}}", 4, "tensor w: data_offsets");
	bad("overlapping tensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[4],"
	    "\"data_offsets\":[0,4]},\"v\":{\"dtype\":\"U8\",\"shape\":[4],"
	    "\"data_offsets\":[2,6]}}", 6, "overlaps");
	bad("a gap between tensors", "{\"w\":{\"dtype\":\"U8\",\"shape\":[2],"
	    "\"data_offsets\":[2,4]}}", 4, "tensor w: gap");
	bad("bytes after the last tensor", "{\"w\":{\"dtype\":\"U8\",\"shape\":[2],"
	    "\"data_offsets\":[0,2]}}", 4, "belong to no tensor");
	bad("duplicate names", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],"
	    "\"data_offsets\":[0,1]},\"w\":{\"dtype\":\"U8\",\"shape\":[1],"
	    "\"data_offsets\":[1,2]}}", 2, "duplicate");
	bad("negative shape", "{\"w\":{\"dtype\":\"U8\",\"shape\":[-1],"
	    "\"data_offsets\":[0,1]}}", 1, "tensor w: shape[0]");
	bad("a float in the shape", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1.5],"
	    "\"data_offsets\":[0,1]}}", 1, "tensor w: shape[0]");
	bad("reversed offsets", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],"
	    "\"data_offsets\":[1,0]}}", 1, "tensor w: data_offsets");
	bad("three offsets", "{\"w\":{\"dtype\":\"U8\",\"shape\":[1],"
	    "\"data_offsets\":[0,1,2]}}", 1, "tensor w: data_offsets must");
	bad("an overflowing shape", "{\"w\":{\"dtype\":\"F32\",\"shape\":"
	    "[4294967296,4294967296],\"data_offsets\":[0,4]}}", 4,
	    "tensor w: shape overflows");
	bad("missing dtype", "{\"w\":{\"shape\":[1],\"data_offsets\":[0,1]}}", 1,
	    "tensor w: needs");
	bad("non-string metadata", "{\"__metadata__\":{\"k\":1}}", 0,
	    "__metadata__ value k");

	t_begin("a missing file is an error naming it");
	CHECK(lq_st_open("/nonexistent/model.safetensors", err, sizeof err) == NULL &&
	    strstr(err, "/nonexistent/model.safetensors") != NULL);
	return t_done();
}
