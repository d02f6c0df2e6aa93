/* redact.h: the one redaction point: secrets registered once, removed in every form from every output path. */
#ifndef LQ_REDACT_H
#define LQ_REDACT_H

#include <stddef.h>

/* What a secret becomes in redacted text. */
#define LQ_REDACTED "***"

/* Registers secret (copied) so that every later lq_redact_mem removes it,
 * and with it the forms it can take in text lq did not write: base64 (at
 * any alignment inside a longer base64 string, as in a Basic credential).
 * Each character of a registered form is also recognised written as a
 * JSON escape (\/, \", \\, \uXXXX, with any number of backslashes for
 * JSON inside JSON) or URL-encoded (%XX). Secrets shorter than 4 bytes are
 * ignored (they would eat ordinary text); registering one twice is
 * harmless. The registry is fixed-size and append-only, so readers on
 * other threads need no lock; it is never freed. */
void lq_redact_add(const char *secret);

/* The value of the environment variable name, registered as a secret;
 * NULL when unset or empty. Every key lq reads comes through here. */
const char *lq_secret_env(const char *name);

/* Registers the password of url's userinfo (scheme://user:password@host)
 * and the Basic credential libcurl makes of it. Nothing without one. */
void lq_redact_url(const char *url);

/* Replaces every registered secret in s[0..len) by LQ_REDACTED, in place
 * (the text only shrinks); returns the new length and NUL-terminates when
 * it got shorter. Fast path: returns len at once while nothing is
 * registered. */
size_t lq_redact_mem(char *s, size_t len);

/* lq_redact_mem on a NUL-terminated string; returns s (NULL stays NULL). */
char *lq_redact_str(char *s);

/* 1 if a secret is registered. */
int lq_redact_active(void);

#endif
