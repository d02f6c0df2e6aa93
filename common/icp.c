/* icp.c: ICP loading with line-numbered validation messages. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <openssl/evp.h>

#include "diag.h"
#include "icp.h"
#include "ndjson.h"
#include "util.h"

const char *const lq_company_sizes[] = {
	"startup", "scaleup", "mid-market", "enterprise", "agency", "freelance", NULL
};

/* Longest criterion we accept: a title or keyword is a few words; anything
 * far longer is a mistake (a pasted document) rather than a criterion. */
#define MAX_CRITERION 200
#define MAX_NOTES 20000

/* Where each top-level key, and each element of a top-level array, starts
 * in the text, found by a small scanner (jansson keeps no positions). */
struct pos {
	char *key;
	size_t line;		/* line of the key */
	size_t *elem;		/* lines of the array elements */
	size_t nelem;
};

struct positions {
	struct pos *p;
	size_t n;
};

static void
scan_positions(const char *s, size_t n, struct positions *ps)
{
	size_t line = 1, depth = 0, i = 0;
	int in_top_array = 0;
	struct pos *cur = NULL;

	while (i < n) {
		char c = s[i];

		if (c == '\n') {
			line++, i++;
			continue;
		}
		if (c == '"') {
			size_t start = ++i;

			while (i < n && s[i] != '"') {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				if (s[i] == '\n')
					line++;
				i++;
			}
			if (depth == 1) {
				size_t j = i + 1;

				while (j < n && (s[j] == ' ' || s[j] == '\t' || s[j] == '\r' || s[j] == '\n'))
					j++;
				if (j < n && s[j] == ':') {
					ps->p = lq_xreallocarray(ps->p, ps->n + 1, sizeof *ps->p);
					cur = &ps->p[ps->n++];
					cur->key = lq_xstrndup(s + start, i - start);
					cur->line = line;
					cur->elem = NULL;
					cur->nelem = 0;
					i++;
					continue;
				}
			}
			if (depth == 2 && in_top_array && cur) {
				cur->elem = lq_xreallocarray(cur->elem, cur->nelem + 1, sizeof *cur->elem);
				cur->elem[cur->nelem++] = line;
			}
			i++;
			continue;
		}
		if (c == '{' || c == '[') {
			if (depth == 2 && in_top_array && cur) {
				cur->elem = lq_xreallocarray(cur->elem, cur->nelem + 1, sizeof *cur->elem);
				cur->elem[cur->nelem++] = line;
			}
			if (depth == 1)
				in_top_array = c == '[';
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
		} else if (depth == 2 && in_top_array && cur && c != ',' && c != ' ' &&
		    c != '\t' && c != '\r' && (i == 0 || strchr(",[ \t\r\n", s[i - 1]))) {
			cur->elem = lq_xreallocarray(cur->elem, cur->nelem + 1, sizeof *cur->elem);
			cur->elem[cur->nelem++] = line;	/* a number, true, false, null */
		}
		i++;
	}
}

static void
free_positions(struct positions *ps)
{
	for (size_t i = 0; i < ps->n; i++) {
		free(ps->p[i].key);
		free(ps->p[i].elem);
	}
	free(ps->p);
}

static size_t
key_line(const struct positions *ps, const char *key, size_t elem)
{
	for (size_t i = 0; i < ps->n; i++)
		if (strcmp(ps->p[i].key, key) == 0) {
			if (elem != (size_t)-1 && elem < ps->p[i].nelem)
				return ps->p[i].elem[elem];
			return ps->p[i].line;
		}
	return 1;
}

struct ctx {
	const char *name;
	const struct positions *ps;
	char *err;
	size_t errlen;
};

static int fail(struct ctx *c, const char *key, size_t elem, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int
fail(struct ctx *c, const char *key, size_t elem, const char *fmt, ...)
{
	va_list ap;
	int n;

	n = snprintf(c->err, c->errlen, "%s: line %zu: ", c->name,
	    key ? key_line(c->ps, key, elem) : 1);
	if (n < 0 || (size_t)n >= c->errlen)
		return -1;
	va_start(ap, fmt);
	vsnprintf(c->err + n, c->errlen - (size_t)n, fmt, ap);
	va_end(ap);
	return -1;
}

static int
text_ok(struct ctx *c, const char *key, size_t elem, const char *s, size_t max)
{
	const char *p = s;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return elem == (size_t)-1 ? fail(c, key, elem, "%s: empty string", key) :
		    fail(c, key, elem, "%s[%zu]: empty string", key, elem);
	if (strlen(s) > max)
		return fail(c, key, elem, "%s: longer than %zu bytes", key, max);
	return 0;
}

static int
get_list(struct ctx *c, json_t *root, const char *key, struct lq_strv *out)
{
	json_t *arr = json_object_get(root, key), *v;
	size_t i;

	if (arr == NULL)
		return 0;
	if (!json_is_array(arr))
		return fail(c, key, (size_t)-1, "%s: expected an array of strings, got %s",
		    key, lq_json_type_name(arr));
	out->v = lq_xcalloc(json_array_size(arr) + 1, sizeof *out->v);
	json_array_foreach(arr, i, v) {
		json_t *s = v;

		if (json_is_object(v))
			s = json_object_get(v, "value");
		if (!json_is_string(s))
			return json_is_object(v) ?
			    fail(c, key, i, "%s[%zu]: an object element needs a string \"value\"", key, i) :
			    fail(c, key, i, "%s[%zu]: expected a string, got %s", key, i, lq_json_type_name(v));
		if (text_ok(c, key, i, json_string_value(s), MAX_CRITERION) < 0)
			return -1;
		for (size_t k = 0; k < out->n; k++)
			if (strcasecmp(out->v[k], json_string_value(s)) == 0)
				return fail(c, key, i, "%s[%zu]: \"%s\" is listed twice", key, i,
				    json_string_value(s));
		out->v[out->n++] = lq_xstrdup(json_string_value(s));
	}
	return 0;
}

static int
get_text(struct ctx *c, json_t *root, const char *key, char **out, size_t max)
{
	json_t *v = json_object_get(root, key);

	if (v == NULL) {
		*out = lq_xstrdup("");
		return 0;
	}
	if (!json_is_string(v))
		return fail(c, key, (size_t)-1, "%s: expected a string, got %s", key, lq_json_type_name(v));
	*out = lq_xstrdup(json_string_value(v));
	if (strlen(*out) > max)
		return fail(c, key, (size_t)-1, "%s: longer than %zu bytes", key, max);
	return 0;
}

static void
hash_list(EVP_MD_CTX *md, const char *tag, const struct lq_strv *l)
{
	EVP_DigestUpdate(md, tag, strlen(tag) + 1);
	for (size_t i = 0; i < l->n; i++)
		EVP_DigestUpdate(md, l->v[i], strlen(l->v[i]) + 1);
}

static void
compute_hash(struct lq_icp *icp)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char d[32];
	unsigned int dl = 0;

	if (md == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	EVP_DigestInit_ex(md, EVP_sha256(), NULL);
	hash_list(md, "target_titles", &icp->target_titles);
	hash_list(md, "target_industries", &icp->target_industries);
	hash_list(md, "company_sizes", &icp->company_sizes);
	hash_list(md, "target_keywords", &icp->target_keywords);
	hash_list(md, "exclude_titles", &icp->exclude_titles);
	EVP_DigestUpdate(md, "notes", 6);
	EVP_DigestUpdate(md, icp->notes, strlen(icp->notes) + 1);
	EVP_DigestFinal_ex(md, d, &dl);
	EVP_MD_CTX_free(md);
	for (size_t i = 0; i < 32; i++)
		snprintf(icp->hash + 2 * i, 3, "%02x", d[i]);
}

static const char *const known_keys[] = {
	"client", "target_titles", "target_industries", "company_sizes",
	"target_keywords", "exclude_titles", "notes", NULL
};

struct lq_icp *
lq_icp_parse(const char *text, size_t n, const char *name, char *err, size_t errlen)
{
	struct positions ps = { NULL, 0 };
	struct ctx c = { name, &ps, err, errlen };
	struct lq_icp *icp = NULL;
	json_error_t je;
	json_t *root;
	const char *key;
	json_t *v;
	int bad = 0;

	root = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	if (root == NULL) {
		snprintf(err, errlen, "%s: line %d, column %d: %s", name, je.line, je.column, je.text);
		return NULL;
	}
	scan_positions(text, n, &ps);
	if (!json_is_object(root)) {
		fail(&c, NULL, 0, "expected a JSON object with ICP criteria, got %s", lq_json_type_name(root));
		goto out;
	}
	json_object_foreach(root, key, v) {
		size_t k;

		if (key[0] == '_')
			continue;
		for (k = 0; known_keys[k] && strcmp(known_keys[k], key) != 0; k++)
			;
		if (known_keys[k] == NULL) {
			fail(&c, key, (size_t)-1, "unknown key \"%s\" (an ICP has client, target_titles, "
			    "target_industries, company_sizes, target_keywords, exclude_titles, notes)", key);
			goto out;
		}
	}
	icp = lq_xcalloc(1, sizeof *icp);
	bad = get_text(&c, root, "client", &icp->client, MAX_CRITERION) < 0 ||
	    get_list(&c, root, "target_titles", &icp->target_titles) < 0 ||
	    get_list(&c, root, "target_industries", &icp->target_industries) < 0 ||
	    get_list(&c, root, "company_sizes", &icp->company_sizes) < 0 ||
	    get_list(&c, root, "target_keywords", &icp->target_keywords) < 0 ||
	    get_list(&c, root, "exclude_titles", &icp->exclude_titles) < 0 ||
	    get_text(&c, root, "notes", &icp->notes, MAX_NOTES) < 0;
	if (!bad) {
		for (size_t i = 0; i < icp->company_sizes.n && !bad; i++) {
			size_t k;

			for (k = 0; lq_company_sizes[k] && strcmp(lq_company_sizes[k], icp->company_sizes.v[i]) != 0; k++)
				;
			if (lq_company_sizes[k] == NULL)
				bad = fail(&c, "company_sizes", i, "company_sizes[%zu]: \"%s\" is not a company size "
				    "(use startup, scaleup, mid-market, enterprise, agency, freelance)", i,
				    icp->company_sizes.v[i]) < 0;
		}
	}
	if (!bad && icp->target_titles.n + icp->target_industries.n + icp->company_sizes.n +
	    icp->target_keywords.n == 0 && icp->notes[0] == '\0')
		bad = fail(&c, NULL, 0, "empty ICP: no target_titles, target_industries, company_sizes, "
		    "target_keywords or notes to match against") < 0;
	if (bad) {
		lq_icp_free(icp);
		icp = NULL;
	} else {
		compute_hash(icp);
	}
out:
	free_positions(&ps);
	json_decref(root);
	return icp;
}

struct lq_icp *
lq_icp_load(const char *path)
{
	struct lq_buf b = LQ_BUF_INIT;
	char err[1024];
	struct lq_icp *icp;

	lq_read_file(path, (size_t)16 << 20, "an ICP file", &b);
	icp = lq_icp_parse(b.data ? b.data : "", b.len, path, err, sizeof err);
	lq_buf_free(&b);
	if (icp == NULL)
		lq_die(LQ_EXIT_FATAL, "%s", err);
	return icp;
}

static void
add_part(struct lq_buf *b, const char *label, const struct lq_strv *l)
{
	if (l->n == 0)
		return;
	if (b->len)
		lq_buf_adds(b, " | ");
	lq_buf_adds(b, label);
	lq_buf_adds(b, ": ");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			lq_buf_adds(b, ", ");
		lq_buf_adds(b, l->v[i]);
	}
}

char *
lq_icp_sentence(const struct lq_icp *icp)
{
	struct lq_buf b = LQ_BUF_INIT;

	add_part(&b, "Target titles", &icp->target_titles);
	add_part(&b, "Industries", &icp->target_industries);
	add_part(&b, "Company sizes", &icp->company_sizes);
	add_part(&b, "Keywords", &icp->target_keywords);
	if (icp->notes[0]) {
		if (b.len)
			lq_buf_adds(&b, " | ");
		lq_buf_addf(&b, "Notes: %s", icp->notes);
	}
	return lq_buf_detach(&b);
}

static void
free_strv(struct lq_strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
}

void
lq_icp_free(struct lq_icp *icp)
{
	if (icp == NULL)
		return;
	free(icp->client);
	free_strv(&icp->target_titles);
	free_strv(&icp->target_industries);
	free_strv(&icp->company_sizes);
	free_strv(&icp->target_keywords);
	free_strv(&icp->exclude_titles);
	free(icp->notes);
	free(icp);
}
