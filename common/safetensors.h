/* safetensors.h: validated, read-only access to .safetensors files */
#ifndef LQ_SAFETENSORS_H
#define LQ_SAFETENSORS_H

#include <stddef.h>
#include <stdint.h>

enum lq_st_dtype {
	LQ_ST_F32, LQ_ST_F16, LQ_ST_BF16, LQ_ST_F64,
	LQ_ST_I64, LQ_ST_I32, LQ_ST_I16, LQ_ST_I8,
	LQ_ST_U64, LQ_ST_U32, LQ_ST_U16, LQ_ST_U8, LQ_ST_BOOL,
	LQ_ST_F8_E4M3, LQ_ST_F8_E5M2
};

#define LQ_ST_MAXDIM 8

struct lq_st_tensor {
	char *name;
	enum lq_st_dtype dtype;
	int ndim;
	uint64_t shape[LQ_ST_MAXDIM];
	uint64_t nelem;
	const void *data;	/* inside the mapping; only 8-byte aligned at best */
	size_t nbytes;
	uint64_t offset;	/* of data from the start of the data buffer */
};

struct lq_safetensors;

/*
 * Map the file at path read-only and validate it completely: header length,
 * JSON syntax, every entry's dtype, shape and data_offsets (inside the data
 * buffer, size equal to shape x dtype size, no two tensors overlapping, no
 * duplicate names). Returns NULL on any violation with a message naming the
 * file and the offending tensor in err. The caller frees with lq_st_close().
 */
struct lq_safetensors *lq_st_open(const char *path, char *err, size_t errlen);

/*
 * Same validation on a buffer already in memory (the fuzz target uses it).
 * buf must outlive the result; it is not copied. Returns NULL with err set.
 */
struct lq_safetensors *lq_st_parse(const void *buf, size_t len,
    char *err, size_t errlen);

/* Number of tensors, and the i-th one in header order (NULL if out of range). */
size_t lq_st_count(const struct lq_safetensors *st);
const struct lq_st_tensor *lq_st_at(const struct lq_safetensors *st, size_t i);

/* The tensor with exactly this name, or NULL. */
const struct lq_st_tensor *lq_st_find(const struct lq_safetensors *st,
    const char *name);

/* Size in bytes of one element of dtype. */
size_t lq_st_dtype_size(enum lq_st_dtype dtype);

/* Release the tensors and unmap the file; st may be NULL. */
void lq_st_close(struct lq_safetensors *st);

#endif
