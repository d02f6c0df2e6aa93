/* base64.h: standard base64 (RFC 4648) with padding. */
#ifndef LQ_BASE64_H
#define LQ_BASE64_H

#include <stddef.h>

/* Returns the base64 text of p[0..n) as a new NUL-terminated string. */
char *lq_base64_encode(const unsigned char *p, size_t n);

/* Decodes s[0..n) into a new buffer, its length in *outlen; returns NULL
 * if s is not valid padded base64 (whitespace is not accepted). */
unsigned char *lq_base64_decode(const char *s, size_t n, size_t *outlen);

/* The byte count s[0..n) decodes to if it is valid (from n and its
 * padding): out's size for lq_base64_decode_to. */
size_t lq_base64_decoded_len(const char *s, size_t n);

/* Decodes s[0..n) into out (room for lq_base64_decoded_len(s, n) bytes)
 * with no allocation; returns the byte count, or -1 if s is not what
 * lq_base64_decode takes (out's bytes are then unspecified). */
long lq_base64_decode_to(const char *s, size_t n, unsigned char *out);

/* Decodes the longest run of whole groups of four alphabet characters
 * (no padding) at the start of s[0..n) into out, which has room for 3
 * bytes a group and one more; returns the run's length in characters
 * (a multiple of 4). For a reader that finds where the base64 ends as
 * it decodes. */
size_t lq_base64_run(const char *s, size_t n, unsigned char *out);

#endif
