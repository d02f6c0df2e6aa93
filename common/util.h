/* util.h: allocation wrappers that die on failure, a growable buffer, UTF-8 checks. */
#ifndef LQ_UTIL_H
#define LQ_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>
#include <stdio.h>

#define LQ_NELEM(a) (sizeof(a) / sizeof((a)[0]))

/* Allocation wrappers: never return NULL; on exhaustion they print
 * "prog: out of memory" and exit with LQ_EXIT_FATAL. Free with free(). */
void *lq_xmalloc(size_t n);
void *lq_xcalloc(size_t n, size_t size);
void *lq_xrealloc(void *p, size_t n);
/* Like reallocarray(3): checks n * size for overflow first. */
void *lq_xreallocarray(void *p, size_t n, size_t size);
char *lq_xstrdup(const char *s);
char *lq_xstrndup(const char *s, size_t n);
/* printf into a new string the caller frees. */
char *lq_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer. data is always NUL-terminated once anything was
 * added (so it can be used as a C string when it holds no NUL bytes).
 * Initialise with LQ_BUF_INIT; release with lq_buf_free. */
struct lq_buf {
	char *data;
	size_t len;
	size_t cap;
};
#define LQ_BUF_INIT { NULL, 0, 0 }

void lq_buf_grow(struct lq_buf *b, size_t extra);

/* Inline: the writers call these for every piece of every record. */
static inline void
lq_buf_add(struct lq_buf *b, const void *p, size_t n)
{
	if (n >= b->cap - b->len)	/* room for n bytes and the NUL? */
		lq_buf_grow(b, n);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static inline void
lq_buf_addc(struct lq_buf *b, int c)
{
	if (b->cap - b->len < 2)
		lq_buf_grow(b, 1);
	b->data[b->len++] = (char)c;
	b->data[b->len] = '\0';
}

void lq_buf_adds(struct lq_buf *b, const char *s);
void lq_buf_addf(struct lq_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void lq_buf_vaddf(struct lq_buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Empties the buffer but keeps its memory. */
void lq_buf_reset(struct lq_buf *b);
void lq_buf_free(struct lq_buf *b);
/* Appends at most max bytes of s, whole UTF-8 characters only, control
 * characters shown as '?': for messages that quote hostile input. */
void lq_buf_addshown(struct lq_buf *b, const char *s, size_t max);
/* Returns the contents as a malloc'ed string (never NULL) and empties b. */
char *lq_buf_detach(struct lq_buf *b);

/* Appends all of fp to b. Returns 0; -1 on a read error (errno set);
 * -2 when fp holds more than max bytes (max 0: no limit), having read a
 * little past max. Does not close fp. */
int lq_read_all(FILE *fp, size_t max, struct lq_buf *b);

/* Reads the whole file path into b, for a file the
 * program needs (an ICP, a labels file). Any failure is fatal
 * (LQ_EXIT_FATAL) with a message naming path: cannot open, read error,
 * or larger than max bytes and so "not what" (e.g. "an ICP file"). */
void lq_read_file(const char *path, size_t max, const char *what, struct lq_buf *b);

/* Formats a message into err[0..errlen) (the "char *err, size_t errlen"
 * convention of the library functions that report errors to their
 * caller); does nothing when err is NULL or errlen is 0. */
void lq_seterr(char *err, size_t errlen, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Returns 1 if s[0..n) is well-formed UTF-8 (no overlongs, no surrogates,
 * nothing above U+10FFFF), else 0. NUL bytes are allowed. */
int lq_utf8_valid(const char *s, size_t n);

/* Writes code point u (at most U+10FFFF) as UTF-8 at out, which has room
 * for 4 bytes; returns the number of bytes written (1 to 4). */
size_t lq_utf8_put(char *out, unsigned long u);

/* Monotonic clock in seconds. */
double lq_now(void);

/* Opens path for appending, creating it with mode 0600 (traces name
 * leads: personal data); an existing file keeps its mode. Links are
 * followed (--trace /dev/stderr). Returns NULL with errno on error. */
FILE *lq_fopen_private(const char *path);

/* The directory of the running program's executable, symlinks resolved:
 * /proc/self/exe on Linux, _NSGetExecutablePath on macOS, else (and when
 * those fail, e.g. without /proc) argv[0] from lq_init(), looked up in
 * $PATH when it has no slash. Returns a malloc'ed path, or NULL when it
 * cannot be found. */
char *lq_self_dir(void);

/* The root of the source tree the running program was built in: the
 * first of its executable's directory's parent, grandparent and great
 * grandparent (bin/, .build/VARIANT/bin/) that holds a Makefile and
 * common/fetch-model.sh. Returns a malloc'ed path, or NULL for an
 * installed program. */
char *lq_source_tree(void);

#endif
