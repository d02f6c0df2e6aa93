/* vocab.c: the vocabulary file parser, the built-in and override files, and their digest. */
#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "sha256.h"
#include "util.h"
#include "vocab.h"

struct lq_vocab {
	size_t n;
	struct lq_vocab_table *t;
	char **files;		/* every "where" a record points at, owned here */
	size_t nfiles;
};

struct lq_vocab *
lq_vocab_new(void)
{
	return lq_xcalloc(1, sizeof(struct lq_vocab));
}

static void
table_free(struct lq_vocab_table *t)
{
	size_t i, j;

	for (i = 0; i < t->n; i++) {
		for (j = 0; j < t->rec[i].n; j++)
			free(t->rec[i].f[j]);
		free(t->rec[i].f);
	}
	free(t->rec);
	free(t->name);
	memset(t, 0, sizeof *t);
}

void
lq_vocab_free(struct lq_vocab *v)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < v->n; i++)
		table_free(&v->t[i]);
	free(v->t);
	for (i = 0; i < v->nfiles; i++)
		free(v->files[i]);
	free(v->files);
	free(v);
}

static struct lq_vocab_table *
find(const struct lq_vocab *v, const char *name)
{
	size_t i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->t[i].name, name) == 0)
			return &v->t[i];
	return NULL;
}

const struct lq_vocab_table *
lq_vocab_table(const struct lq_vocab *v, const char *name)
{
	return find(v, name);
}

static struct lq_vocab_table *
table_add(struct lq_vocab *v, const char *name)
{
	struct lq_vocab_table *t = find(v, name);

	if (t)
		return t;
	v->t = lq_xreallocarray(v->t, v->n + 1, sizeof *v->t);
	t = &v->t[v->n++];
	memset(t, 0, sizeof *t);
	t->name = lq_xstrdup(name);
	return t;
}

/* 1 if table name belongs to the file with this stem. */
static int
of_stem(const char *name, const char *stem)
{
	size_t sl = strlen(stem);

	return strncmp(name, stem, sl) == 0 && (name[sl] == '\0' || name[sl] == '.');
}

static int
name_char(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

/* The stem of a file name "stem.vocab" in stem[0..size), or -1. */
static int
stem_of(const char *name, char *stem, size_t size)
{
	size_t l = strlen(name), i;

	if (l <= 6 || strcmp(name + l - 6, ".vocab") != 0 || l - 6 >= size)
		return -1;
	for (i = 0; i < l - 6; i++)
		if (!name_char((unsigned char)name[i]))
			return -1;
	memcpy(stem, name, l - 6);
	stem[l - 6] = '\0';
	return 0;
}

/* Splits one line (NUL-terminated, no line end) into fields; returns
 * their number or -1 with a reason in err. */
static int
split(const char *line, char ***out, char *err, size_t errlen)
{
	struct lq_buf b = LQ_BUF_INIT;
	char **f = NULL;
	int n = 0;
	const char *p = line;

	for (;;) {
		size_t end;

		lq_buf_reset(&b);
		while (*p == ' ' || *p == '\t')
			p++;
		for (; *p && *p != '|'; p++) {
			if (*p == '\\') {
				if (p[1] != '|' && p[1] != '\\' && p[1] != '#' && p[1] != '@' && p[1] != '[') {
					lq_seterr(err, errlen, "unknown escape \"\\%c\" (use \\|, \\\\, \\#, \\@ or \\[)",
					    p[1] ? p[1] : ' ');
					goto fail;
				}
				p++;
			}
			lq_buf_addc(&b, *p);
		}
		end = b.len;
		while (end > 0 && (b.data[end - 1] == ' ' || b.data[end - 1] == '\t'))
			end--;
		{
			char *s = lq_xstrndup(b.data ? b.data : "", end);

			if (n >= LQ_VOCAB_MAX_FIELDS) {
				free(s);
				lq_seterr(err, errlen, "more than %d fields", LQ_VOCAB_MAX_FIELDS);
				goto fail;
			}
			f = lq_xreallocarray(f, (size_t)n + 1, sizeof *f);
			f[n++] = s;
		}
		if (*p != '|')
			break;
		p++;
	}
	lq_buf_free(&b);
	if (f[0][0] == '\0') {
		lq_seterr(err, errlen, "the first field is empty");
		while (n > 0)
			free(f[--n]);
		free(f);
		return -1;
	}
	*out = f;
	return n;
fail:
	lq_buf_free(&b);
	while (n > 0)
		free(f[--n]);
	free(f);
	return -1;
}

static const char *
keep_where(struct lq_vocab *v, const char *where)
{
	size_t i;

	for (i = 0; i < v->nfiles; i++)
		if (strcmp(v->files[i], where) == 0)
			return v->files[i];
	v->files = lq_xreallocarray(v->files, v->nfiles + 1, sizeof *v->files);
	v->files[v->nfiles] = lq_xstrdup(where);
	return v->files[v->nfiles++];
}

int
lq_vocab_parse(struct lq_vocab *v, const char *name, const char *where, const char *text, size_t len,
    int extend, char *err, size_t errlen)
{
	struct lq_vocab *tmp;
	char stem[128], table[256], *line = NULL, e[256];
	const char *p = text, *endp = text + len, *wh;
	int lineno = 0, seen_record = 0;
	size_t i, j;

	if (where == NULL)
		where = name;
	if (stem_of(name, stem, sizeof stem) != 0) {
		lq_seterr(err, errlen, "%s: a vocabulary file is named NAME.vocab (letters, digits, - and _)", where);
		return -1;
	}
	if (len > LQ_VOCAB_MAX_FILE) {
		lq_seterr(err, errlen, "%s: %zu bytes: larger than %u, not a vocabulary", where, len,
		    LQ_VOCAB_MAX_FILE);
		return -1;
	}
	if (memchr(text, '\0', len)) {
		lq_seterr(err, errlen, "%s: has NUL bytes: not UTF-8 text (UTF-16 or binary?)", where);
		return -1;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	tmp = lq_vocab_new();
	wh = keep_where(tmp, where);
	snprintf(table, sizeof table, "%s", stem);
	while (p < endp) {
		const char *nl = memchr(p, '\n', (size_t)(endp - p)), *s;
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(endp - p);
		char **f;
		int nf;

		lineno++;
		if (ll > 0 && p[ll - 1] == '\r')
			ll--;
		if (ll > LQ_VOCAB_MAX_LINE) {
			lq_seterr(err, errlen, "%s: line %d: longer than %d bytes", where, lineno, LQ_VOCAB_MAX_LINE);
			goto fail;
		}
		if (!lq_utf8_valid(p, ll)) {
			lq_seterr(err, errlen, "%s: line %d: not valid UTF-8 (save the file as UTF-8)", where, lineno);
			goto fail;
		}
		free(line);
		line = lq_xstrndup(p, ll);
		p = nl ? nl + 1 : endp;
		for (s = line; *s; s++)
			if (((unsigned char)*s < 0x20 && *s != '\t') || *s == 0x7f) {
				lq_seterr(err, errlen, "%s: line %d: control character 0x%02x", where, lineno,
				    (unsigned char)*s);
				goto fail;
			}
		for (s = line; *s == ' ' || *s == '\t'; s++)
			;
		if (*s == '\0' || *s == '#')
			continue;
		if (*s == '[') {
			const char *q = s + 1;
			size_t nl2;

			while (name_char((unsigned char)*q))
				q++;
			nl2 = (size_t)(q - s - 1);
			if (*q != ']' || nl2 == 0 || q[1 + strspn(q + 1, " \t")] != '\0') {
				lq_seterr(err, errlen, "%s: line %d: a section is \"[name]\" alone on its line "
				    "(letters, digits, - and _)", where, lineno);
				goto fail;
			}
			snprintf(table, sizeof table, "%s.%.*s", stem, (int)nl2, s + 1);
			table_add(tmp, table);
			continue;
		}
		if (*s == '@') {
			char *d = lq_xstrdup(s);
			size_t dl = strlen(d);

			while (dl > 0 && (d[dl - 1] == ' ' || d[dl - 1] == '\t'))
				d[--dl] = '\0';
			if (strcmp(d, "@extend") == 0 && !seen_record && strcmp(table, stem) == 0) {
				extend = 1;
				free(d);
				continue;
			}
			lq_seterr(err, errlen, "%s: line %d: %s", where, lineno, strcmp(d, "@extend") == 0
			    ? "@extend must come before any record or section" : "unknown directive (only @extend; "
			    "write \\@ for a field starting with @)");
			free(d);
			goto fail;
		}
		if ((nf = split(s, &f, e, sizeof e)) < 0) {
			lq_seterr(err, errlen, "%s: line %d: %s", where, lineno, e);
			goto fail;
		}
		{
			struct lq_vocab_table *t = table_add(tmp, table);

			t->rec = lq_xreallocarray(t->rec, t->n + 1, sizeof *t->rec);
			t->rec[t->n].file = wh;
			t->rec[t->n].line = lineno;
			t->rec[t->n].n = (size_t)nf;
			t->rec[t->n].f = f;
			t->n++;
			seen_record = 1;
		}
	}
	free(line);
	/* commit into v */
	wh = keep_where(v, where);
	for (i = 0; !extend && i < v->n;) {
		if (of_stem(v->t[i].name, stem)) {
			table_free(&v->t[i]);
			memmove(&v->t[i], &v->t[i + 1], (v->n - i - 1) * sizeof *v->t);
			v->n--;
		} else
			i++;
	}
	for (i = 0; i < tmp->n; i++) {
		struct lq_vocab_table *t = table_add(v, tmp->t[i].name);

		t->rec = lq_xreallocarray(t->rec, t->n + tmp->t[i].n + 1, sizeof *t->rec);
		for (j = 0; j < tmp->t[i].n; j++) {
			t->rec[t->n] = tmp->t[i].rec[j];
			t->rec[t->n].file = wh;
			t->n++;
		}
		tmp->t[i].n = 0;
	}
	lq_vocab_free(tmp);
	return 0;
fail:
	free(line);
	lq_vocab_free(tmp);
	return -1;
}

static int
builtin_named(const char *name)
{
	const struct lq_vocab_file *b;

	for (b = lq_vocab_builtin; b->name; b++)
		if (strcmp(b->name, name) == 0)
			return 1;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct lq_vocab *
lq_vocab_load(const char *dir, char *err, size_t errlen)
{
	struct lq_vocab *v = lq_vocab_new();
	const struct lq_vocab_file *b;
	char **names = NULL;
	size_t n = 0, i;
	DIR *d;
	struct dirent *de;

	for (b = lq_vocab_builtin; b->name; b++)
		if (lq_vocab_parse(v, b->name, b->name, b->text, b->len, 0, err, errlen) != 0) {
			lq_vocab_free(v);
			return NULL;
		}
	if (dir == NULL || *dir == '\0')
		return v;
	if ((d = opendir(dir)) == NULL) {
		lq_seterr(err, errlen, "%s: %s (the vocabulary folder, $LQ_VOCAB_DIR)", dir, strerror(errno));
		lq_vocab_free(v);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l > 6 && strcmp(de->d_name + l - 6, ".vocab") == 0 && de->d_name[0] != '.') {
			if (n == LQ_VOCAB_MAX_FILES) {
				lq_seterr(err, errlen, "%s: more than %d .vocab files: not a vocabulary folder", dir,
				    LQ_VOCAB_MAX_FILES);
				closedir(d);
				while (n > 0)
					free(names[--n]);
				free(names);
				lq_vocab_free(v);
				return NULL;
			}
			names = lq_xreallocarray(names, n + 1, sizeof *names);
			names[n++] = lq_xstrdup(de->d_name);
		}
	}
	closedir(d);
	qsort(names, n, sizeof *names, cmp_str);
	for (i = 0; i < n; i++) {
		char *path = lq_xasprintf("%s/%s", dir, names[i]);
		FILE *fp;
		struct lq_buf buf = LQ_BUF_INIT;
		int r;

		if (!builtin_named(names[i])) {
			lq_warn("%s: not a vocabulary lq reads (see docs/vocabulary.md): ignored", path);
			free(path);
			free(names[i]);
			continue;
		}
		if ((fp = fopen(path, "rb")) == NULL) {
			lq_seterr(err, errlen, "%s: %s", path, strerror(errno));
			r = -1;
		} else {
			r = lq_read_all(fp, LQ_VOCAB_MAX_FILE, &buf);
			if (r == -1)
				lq_seterr(err, errlen, "%s: %s", path, strerror(errno));
			else if (r == -2)
				lq_seterr(err, errlen, "%s: larger than %u bytes, not a vocabulary", path, LQ_VOCAB_MAX_FILE);
			else
				r = lq_vocab_parse(v, names[i], path, buf.data ? buf.data : "", buf.len, 0, err, errlen);
			fclose(fp);
		}
		lq_buf_free(&buf);
		free(path);
		if (r != 0) {
			while (i < n)
				free(names[i++]);
			free(names);
			lq_vocab_free(v);
			return NULL;
		}
		free(names[i]);
	}
	free(names);
	return v;
}

static struct lq_vocab *the_vocab;
static pthread_once_t the_once = PTHREAD_ONCE_INIT;

static void
load_once(void)
{
	char err[1024];
	const char *dir = getenv("LQ_VOCAB_DIR");

	if ((the_vocab = lq_vocab_load(dir, err, sizeof err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "vocabulary: %s", err);
}

const struct lq_vocab *
lq_vocab(void)
{
	pthread_once(&the_once, load_once);
	return the_vocab;
}

const struct lq_vocab_table *
lq_vocab_need(const struct lq_vocab *v, const char *name, size_t min, size_t max)
{
	const struct lq_vocab_table *t = find(v, name);
	size_t i;

	if (t == NULL)
		lq_die(LQ_EXIT_FATAL, "vocabulary: no table '%s' (an override file in $LQ_VOCAB_DIR must keep "
		    "every section of the file it replaces, or start with @extend)", name);
	for (i = 0; i < t->n; i++)
		if (t->rec[i].n < min || t->rec[i].n > max) {
			if (min == max)
				lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: %zu fields; '%s' records have %zu",
				    t->rec[i].file, t->rec[i].line, t->rec[i].n, name, min);
			lq_die(LQ_EXIT_FATAL, "vocabulary: %s: line %d: %zu fields; '%s' records have %zu to %zu",
			    t->rec[i].file, t->rec[i].line, t->rec[i].n, name, min, max);
		}
	return t;
}

const char **
lq_vocab_words(const struct lq_vocab *v, const char *name)
{
	const struct lq_vocab_table *t = lq_vocab_need(v, name, 1, 1);
	const char **w = lq_xcalloc(t->n + 1, sizeof *w);
	size_t i;

	for (i = 0; i < t->n; i++)
		w[i] = t->rec[i].f[0];
	return w;
}

static int
cmp_table(const void *a, const void *b)
{
	return strcmp((*(struct lq_vocab_table *const *)a)->name, (*(struct lq_vocab_table *const *)b)->name);
}

void
lq_vocab_digest(const struct lq_vocab *v, const char *const *files, char hex[65])
{
	struct lq_vocab_table **ts = lq_xcalloc(v->n + 1, sizeof *ts);
	struct lq_sha256 h;
	unsigned char sha[32];
	size_t n = 0, i, r, k;
	char num[32];

	for (i = 0; i < v->n; i++) {
		const char *const *f;
		int want = files == NULL;

		for (f = files; f && *f && !want; f++)
			want = of_stem(v->t[i].name, *f);
		if (want)
			ts[n++] = &v->t[i];
	}
	qsort(ts, n, sizeof *ts, cmp_table);
	lq_sha256_init(&h);
	lq_sha256_update(&h, "lq-vocab-1\n", 11);
	/* length-prefixed, so no two contents give the same bytes */
	for (i = 0; i < n; i++) {
		snprintf(num, sizeof num, "T%zu:", strlen(ts[i]->name));
		lq_sha256_update(&h, num, strlen(num));
		lq_sha256_update(&h, ts[i]->name, strlen(ts[i]->name));
		for (r = 0; r < ts[i]->n; r++) {
			snprintf(num, sizeof num, "R%zu", ts[i]->rec[r].n);
			lq_sha256_update(&h, num, strlen(num));
			for (k = 0; k < ts[i]->rec[r].n; k++) {
				snprintf(num, sizeof num, "F%zu:", strlen(ts[i]->rec[r].f[k]));
				lq_sha256_update(&h, num, strlen(num));
				lq_sha256_update(&h, ts[i]->rec[r].f[k], strlen(ts[i]->rec[r].f[k]));
			}
		}
	}
	lq_sha256_final(&h, sha);
	lq_sha256_hex(sha, hex);
	free(ts);
}

void
lq_vocab_versioned(char *buf, size_t len, const char *base, const char *const *files)
{
	char hex[65];

	lq_vocab_digest(lq_vocab(), files, hex);
	snprintf(buf, len, "%s+vocab:%.12s", base, hex);
}
