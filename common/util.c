/* util.c: allocation wrappers, growable buffer, UTF-8 validation, clock, own path. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __APPLE__
#include <mach-o/dyld.h>
#endif

#include "diag.h"
#include "util.h"

static void
oom(void)
{
	lq_die(LQ_EXIT_FATAL, "out of memory");
}

void *
lq_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
lq_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

void *
lq_xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

void *
lq_xreallocarray(void *p, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		oom();
	return lq_xrealloc(p, n * size);
}

char *
lq_xstrdup(const char *s)
{
	return lq_xstrndup(s, strlen(s));
}

char *
lq_xstrndup(const char *s, size_t n)
{
	char *p = lq_xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
lq_xasprintf(const char *fmt, ...)
{
	struct lq_buf b = LQ_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	lq_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	return lq_buf_detach(&b);
}

void
lq_buf_grow(struct lq_buf *b, size_t extra)
{
	size_t need;

	if (extra > SIZE_MAX - b->len - 1)
		oom();
	need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap = b->cap > SIZE_MAX / 2 ? need : b->cap * 2;
	b->data = lq_xrealloc(b->data, b->cap);
}

void
lq_buf_adds(struct lq_buf *b, const char *s)
{
	lq_buf_add(b, s, strlen(s));
}

void
lq_buf_vaddf(struct lq_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	int n;

	lq_buf_grow(b, 64);
	va_copy(cp, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, cp);
	va_end(cp);
	if (n < 0)
		lq_die(LQ_EXIT_FATAL, "vsnprintf failed");
	if ((size_t)n >= b->cap - b->len) {
		lq_buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
lq_buf_addf(struct lq_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	lq_buf_vaddf(b, fmt, ap);
	va_end(ap);
}

void
lq_buf_reset(struct lq_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void
lq_buf_free(struct lq_buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

void
lq_buf_addshown(struct lq_buf *b, const char *s, size_t max)
{
	size_t n = 0;

	while (s[n] && n < max)
		n++;
	while (n > 0 && s[n] && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	for (; n > 0; s++, n--)
		lq_buf_addc(b, (unsigned char)*s < 0x20 || *s == 0x7f ? '?' : *s);
}

char *
lq_buf_detach(struct lq_buf *b)
{
	char *p;

	if (b->data == NULL)
		return lq_xstrdup("");
	p = b->data;
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

int
lq_read_all(FILE *fp, size_t max, struct lq_buf *b)
{
	char chunk[65536];
	size_t n, start = b->len;

	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
		lq_buf_add(b, chunk, n);
		if (max && b->len - start > max)
			return -2;
	}
	return ferror(fp) ? -1 : 0;
}

void
lq_read_file(const char *path, size_t max, const char *what, struct lq_buf *b)
{
	FILE *fp = fopen(path, "rb");
	int r;

	if (fp == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	r = lq_read_all(fp, max, b);
	if (r == -1)
		lq_die_errno(LQ_EXIT_FATAL, "%s: read error", path);
	if (r == -2)
		lq_die(LQ_EXIT_FATAL, "%s: larger than %zu MB: not %s", path, max >> 20, what);
	fclose(fp);
}

void
lq_seterr(char *err, size_t errlen, const char *fmt, ...)
{
	va_list ap;

	if (err == NULL || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(err, errlen, fmt, ap);
	va_end(ap);
}

int
lq_utf8_valid(const char *str, size_t n)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;

	while (i < n) {
		unsigned c = s[i];
		size_t len;
		uint32_t cp, min;

		if (c < 0x80) {
			uint64_t w;

			i++;
			/* ASCII eight bytes at a time */
			while (n - i >= 8 && (memcpy(&w, s + i, 8), (w & UINT64_C(0x8080808080808080)) == 0))
				i += 8;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			len = 2, cp = c & 0x1f, min = 0x80;
		} else if ((c & 0xf0) == 0xe0) {
			len = 3, cp = c & 0x0f, min = 0x800;
		} else if ((c & 0xf8) == 0xf0) {
			len = 4, cp = c & 0x07, min = 0x10000;
		} else {
			return 0;
		}
		if (n - i < len)
			return 0;
		for (size_t k = 1; k < len; k++) {
			if ((s[i + k] & 0xc0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			return 0;
		i += len;
	}
	return 1;
}

double
lq_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

FILE *
lq_fopen_private(const char *path)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
	FILE *fp;

	if (fd < 0)
		return NULL;
	if ((fp = fdopen(fd, "a")) == NULL) {
		int e = errno;

		close(fd);
		errno = e;
	}
	return fp;
}

/* argv0 (no slash) looked up in $PATH as a shell would: the first
 * executable regular file; NULL if none. */
static char *
path_search(const char *argv0)
{
	const char *path = getenv("PATH"), *p, *end;

	if (path == NULL)
		return NULL;
	for (p = path; ; p = end + 1) {
		char *cand;
		size_t n;

		end = strchr(p, ':');
		n = end ? (size_t)(end - p) : strlen(p);
		cand = n ? lq_xasprintf("%.*s/%s", (int)n, p, argv0) : lq_xasprintf("./%s", argv0);
		if (access(cand, X_OK) == 0) {
			char *r = realpath(cand, NULL);

			free(cand);
			if (r)
				return r;
		} else {
			free(cand);
		}
		if (end == NULL)
			return NULL;
	}
}

char *
lq_self_dir(void)
{
	char *r = NULL, *slash;
#if defined(__linux__) || defined(__APPLE__)
	char buf[PATH_MAX];
#endif
#ifdef __linux__
	ssize_t n = readlink("/proc/self/exe", buf, sizeof buf - 1);

	if (n > 0 && buf[0] == '/') {
		buf[n] = '\0';
		if (access(buf, X_OK) == 0)	/* not "... (deleted)" */
			r = lq_xstrdup(buf);
	}
#endif
#ifdef __APPLE__
	uint32_t size = sizeof buf;

	if (r == NULL && _NSGetExecutablePath(buf, &size) == 0)
		r = realpath(buf, NULL);
#endif
	if (r == NULL && lq_argv0 && *lq_argv0)
		r = strchr(lq_argv0, '/') ? realpath(lq_argv0, NULL) : path_search(lq_argv0);
	if (r == NULL)
		return NULL;
	slash = strrchr(r, '/');
	if (slash == r)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
	return r;
}

char *
lq_source_tree(void)
{
	char *self = lq_self_dir(), *root = NULL;
	const char *up[] = { "/..", "/../..", "/../../.." };

	for (size_t i = 0; self && root == NULL && i < LQ_NELEM(up); i++) {
		char *mk = lq_xasprintf("%s%s/Makefile", self, up[i]);
		char *fm = lq_xasprintf("%s%s/common/fetch-model.sh", self, up[i]);

		if (access(mk, R_OK) == 0 && access(fm, R_OK) == 0)
			root = lq_xasprintf("%s%s", self, up[i]);
		free(mk);
		free(fm);
	}
	free(self);
	return root;
}

size_t
lq_utf8_put(char *out, unsigned long u)
{
	if (u < 0x80) {
		out[0] = (char)u;
		return 1;
	}
	if (u < 0x800) {
		out[0] = (char)(0xc0 | u >> 6);
		out[1] = (char)(0x80 | (u & 0x3f));
		return 2;
	}
	if (u < 0x10000) {
		out[0] = (char)(0xe0 | u >> 12);
		out[1] = (char)(0x80 | (u >> 6 & 0x3f));
		out[2] = (char)(0x80 | (u & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | u >> 18);
	out[1] = (char)(0x80 | (u >> 12 & 0x3f));
	out[2] = (char)(0x80 | (u >> 6 & 0x3f));
	out[3] = (char)(0x80 | (u & 0x3f));
	return 4;
}
