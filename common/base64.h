/* base64.h: standard base64 (RFC 4648) with padding. */
#ifndef LQ_BASE64_H
#define LQ_BASE64_H

#include <stddef.h>

/* Returns the base64 text of p[0..n) as a new NUL-terminated string. */
char *lq_base64_encode(const unsigned char *p, size_t n);

/* Decodes s[0..n) into a new buffer, its length in *outlen; returns NULL
 * if s is not valid padded base64 (whitespace is not accepted). */
unsigned char *lq_base64_decode(const char *s, size_t n, size_t *outlen);

#endif
