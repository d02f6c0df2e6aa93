/* sha256.h: SHA-256 digests (OpenSSL libcrypto) for cache keys and checksums. */
#ifndef LQ_SHA256_H
#define LQ_SHA256_H

#include <stddef.h>

/* An incremental SHA-256. Initialise with lq_sha256_init, feed with
 * lq_sha256_update, finish with lq_sha256_final (which also releases it).
 * Allocation failure inside libcrypto is fatal (LQ_EXIT_FATAL). */
struct lq_sha256 {
	void *ctx;		/* EVP_MD_CTX */
};

void lq_sha256_init(struct lq_sha256 *h);
void lq_sha256_update(struct lq_sha256 *h, const void *data, size_t n);
void lq_sha256_final(struct lq_sha256 *h, unsigned char out[32]);

/* One-shot digest of data[0..n) into out. */
void lq_sha256(const void *data, size_t n, unsigned char out[32]);

/* Writes the 64 lowercase hex digits of sha and a NUL into hex. */
void lq_sha256_hex(const unsigned char sha[32], char hex[65]);

#endif
