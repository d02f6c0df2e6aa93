/* sha256.c: SHA-256 over OpenSSL's EVP interface. */
#include <openssl/evp.h>

#include "diag.h"
#include "sha256.h"

/* The SHA-256 implementation, fetched once: an implicit fetch on every
 * call costs a lock and a lookup in OpenSSL 3. */
static const EVP_MD *
md(void)
{
	static EVP_MD *m;

	if (m == NULL && (m = EVP_MD_fetch(NULL, "SHA256", NULL)) == NULL)
		lq_die(LQ_EXIT_FATAL, "libcrypto: SHA-256 is not available");
	return m;
}

void
lq_sha256_init(struct lq_sha256 *h)
{
	EVP_MD_CTX *ctx = EVP_MD_CTX_new();

	if (ctx == NULL || EVP_DigestInit_ex(ctx, md(), NULL) != 1)
		lq_die(LQ_EXIT_FATAL, "libcrypto: cannot start a SHA-256 digest");
	h->ctx = ctx;
}

void
lq_sha256_update(struct lq_sha256 *h, const void *data, size_t n)
{
	if (n > 0 && EVP_DigestUpdate(h->ctx, data, n) != 1)
		lq_die(LQ_EXIT_FATAL, "libcrypto: SHA-256 update failed");
}

void
lq_sha256_final(struct lq_sha256 *h, unsigned char out[32])
{
	unsigned int len = 32;

	if (EVP_DigestFinal_ex(h->ctx, out, &len) != 1 || len != 32)
		lq_die(LQ_EXIT_FATAL, "libcrypto: SHA-256 final failed");
	EVP_MD_CTX_free(h->ctx);
	h->ctx = NULL;
}

void
lq_sha256(const void *data, size_t n, unsigned char out[32])
{
	unsigned int len = 32;

	if (EVP_Digest(data, n, out, &len, md(), NULL) != 1 || len != 32)
		lq_die(LQ_EXIT_FATAL, "libcrypto: SHA-256 failed");
}

void
lq_sha256_hex(const unsigned char sha[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[sha[i] >> 4];
		hex[2 * i + 1] = digits[sha[i] & 15];
	}
	hex[64] = '\0';
}
