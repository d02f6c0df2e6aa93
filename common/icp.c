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
#include "match.h"
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
	int strict;		/* lq_icp_parse_strict: check the annotations too */
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
text_ok_at(struct ctx *c, const char *key, const char *at, size_t elem, const char *s, size_t max)
{
	const char *p = s;
	size_t line = strcmp(at, key) ? (size_t)-1 : elem;

	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '\0')
		return elem == (size_t)-1 ? fail(c, at, line, "%s: empty string", key) :
		    fail(c, at, line, "%s[%zu]: empty string", key, elem);
	if (strlen(s) > max)
		return fail(c, at, line, "%s: longer than %zu bytes", key, max);
	return 0;
}


/* Strict form of an object element i of key: only "value", "aliases"
 * (non-empty strings) and "sources" (objects); in _exclude_industries also
 * "part_of" (a string). */
static int
elem_ok(struct ctx *c, const char *key, size_t i, json_t *v)
{
	const char *k;
	json_t *x, *y;
	size_t j;

	json_object_foreach(v, k, x) {
		if (strcmp(k, "value") == 0)
			continue;
		if (strcmp(k, "aliases") == 0) {
			if (!json_is_array(x))
				return fail(c, key, i, "%s[%zu].aliases: expected an array of strings, got %s",
				    key, i, lq_json_type_name(x));
			json_array_foreach(x, j, y)
				if (!json_is_string(y) || json_string_length(y) == 0)
					return fail(c, key, i, "%s[%zu].aliases[%zu]: expected a non-empty string",
					    key, i, j);
		} else if (strcmp(k, "sources") == 0) {
			if (!json_is_array(x))
				return fail(c, key, i, "%s[%zu].sources: expected an array of objects, got %s",
				    key, i, lq_json_type_name(x));
			json_array_foreach(x, j, y)
				if (!json_is_object(y))
					return fail(c, key, i, "%s[%zu].sources[%zu]: expected an object, got %s",
					    key, i, j, lq_json_type_name(y));
		} else if (strcmp(k, "part_of") == 0 && strcmp(key, "_exclude_industries") == 0) {
			/* icp-extract: a part of a wanted industry, named in the client's words */
			if (!json_is_string(x) || json_string_length(x) == 0)
				return fail(c, key, i, "%s[%zu].part_of: expected a non-empty string", key, i);
		} else {
			return fail(c, key, i, "%s[%zu]: \"%s\" is not a key of a criterion "
			    "(value, aliases, sources): it would have no effect", key, i, k);
		}
	}
	return 0;
}

/* The list arr, named key in messages, into out; at is the top-level key
 * whose lines messages give (key itself, or "regions" for
 * "regions.include"). */
static int
get_list_at(struct ctx *c, json_t *arr, const char *key, const char *at, struct lq_strv *out)
{
	json_t *v;
	size_t i;

	if (arr == NULL)
		return 0;
	if (!json_is_array(arr))
		return fail(c, at, (size_t)-1, "%s: expected an array of strings, got %s",
		    key, lq_json_type_name(arr));
	out->v = lq_xcalloc(json_array_size(arr) + 1, sizeof *out->v);
	json_array_foreach(arr, i, v) {
		json_t *s = v;
		size_t el = strcmp(at, key) ? (size_t)-1 : i;	/* nested: the key's line */

		if (json_is_object(v))
			s = json_object_get(v, "value");
		if (!json_is_string(s))
			return json_is_object(v) ?
			    fail(c, at, el, "%s[%zu]: an object element needs a string \"value\"", key, i) :
			    fail(c, at, el, "%s[%zu]: expected a string, got %s", key, i, lq_json_type_name(v));
		if (text_ok_at(c, key, at, i, json_string_value(s), MAX_CRITERION) < 0)
			return -1;
		if (c->strict && json_is_object(v) && elem_ok(c, key, i, v) < 0)
			return -1;
		for (size_t k = 0; k < out->n; k++)
			if (strcasecmp(out->v[k], json_string_value(s)) == 0)
				return fail(c, at, el, "%s[%zu]: \"%s\" is listed twice", key, i,
				    json_string_value(s));
		out->v[out->n++] = lq_xstrdup(json_string_value(s));
	}
	return 0;
}

static int
get_list(struct ctx *c, json_t *root, const char *key, struct lq_strv *out)
{
	return get_list_at(c, json_object_get(root, key), key, key, out);
}

/* Most names a regions list may hold: there are fewer places to name. */
#define MAX_REGIONS 500

/* Each name of l (key in messages) is a place lq knows. */
static int
regions_known(struct ctx *c, const char *key, const struct lq_strv *l)
{
	for (size_t i = 0; i < l->n; i++) {
		char *codes = lq_place_named(l->v[i]);

		if (codes == NULL)
			return fail(c, "regions", strcmp(key, "regions") ? (size_t)-1 : i,
			    "%s[%zu]: \"%s\" is not a place lq knows: name one country or region per entry "
			    "(\"Spain\", \"DACH\", \"LATAM\", \"EMEA\") or its ISO code (\"ES\"); "
			    "common/vocab/places.vocab lists them, LQ_VOCAB_DIR adds more (docs/vocabulary.md)",
			    key, i, l->v[i]);
		free(codes);
	}
	return 0;
}

/* "regions": an array of places (the include list) or an object with
 * "include" and "exclude" arrays; names lq_place_named knows; no place
 * in both lists; an include list that leaves some place. */
static int
get_regions(struct ctx *c, json_t *root, struct lq_icp *icp)
{
	json_t *r = json_object_get(root, "regions"), *x;
	const char *k, *inkey = "regions.include";
	char *ex = NULL, *in;

	if (r == NULL)
		return 0;
	icp->has_regions = 1;
	/* before the lists are read: their duplicates are looked for in n^2 */
	for (int i = 0; i < 3; i++) {
		json_t *l = i == 0 ? r : json_object_get(r, i == 1 ? "include" : "exclude");

		if (json_is_array(l) && json_array_size(l) > MAX_REGIONS)
			return fail(c, "regions", (size_t)-1, "%s: %zu names, more than %d: list countries or "
			    "regions (Europe, DACH, LATAM), not cities", i == 0 ? "regions" : i == 1 ?
			    "regions.include" : "regions.exclude", json_array_size(l), MAX_REGIONS);
	}
	if (json_is_array(r)) {
		inkey = "regions";
		if (get_list_at(c, r, "regions", "regions", &icp->regions_include) < 0)
			return -1;
	} else if (json_is_object(r)) {
		json_object_foreach(r, k, x)
			if (strcmp(k, "include") != 0 && strcmp(k, "exclude") != 0)
				return fail(c, "regions", (size_t)-1, "regions: unknown key \"%s\" (regions has "
				    "include and exclude, arrays of places)", k);
		if (get_list_at(c, json_object_get(r, "include"), "regions.include", "regions",
		    &icp->regions_include) < 0 ||
		    get_list_at(c, json_object_get(r, "exclude"), "regions.exclude", "regions",
		    &icp->regions_exclude) < 0)
			return -1;
	} else {
		return fail(c, "regions", (size_t)-1, "regions: expected an array of places or an object "
		    "with include and exclude arrays, got %s", lq_json_type_name(r));
	}
	if (regions_known(c, inkey, &icp->regions_include) < 0 ||
	    regions_known(c, "regions.exclude", &icp->regions_exclude) < 0)
		return -1;
	for (size_t i = 0; i < icp->regions_include.n; i++)
		for (size_t j = 0; j < icp->regions_exclude.n; j++) {
			char *a = lq_place_named(icp->regions_include.v[i]);
			char *b = lq_place_named(icp->regions_exclude.v[j]);
			int same = strcmp(a, b) == 0;

			free(a);
			free(b);
			if (same)
				return fail(c, "regions", (size_t)-1, "regions: \"%s\" is in regions.include and "
				    "\"%s\" in regions.exclude: the same place cannot be both",
				    icp->regions_include.v[i], icp->regions_exclude.v[j]);
		}
	in = lq_places_regions(icp->regions_include.v, icp->regions_include.n, icp->regions_exclude.v,
	    icp->regions_exclude.n, &ex);
	free(ex);
	if (in == NULL && icp->regions_include.n)
		return fail(c, "regions", (size_t)-1, "regions: regions.exclude removes every place "
		    "regions.include names: nothing is left to sell to");
	free(in);
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
	if (icp->has_regions) {	/* only then: the hash of an ICP without them stays */
		hash_list(md, "regions.include", &icp->regions_include);
		hash_list(md, "regions.exclude", &icp->regions_exclude);
	}
	EVP_DigestFinal_ex(md, d, &dl);
	EVP_MD_CTX_free(md);
	for (size_t i = 0; i < 32; i++)
		snprintf(icp->hash + 2 * i, 3, "%02x", d[i]);
}

static void
free_strv(struct lq_strv *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static void
strv_add_once(struct lq_strv *l, char *s)
{
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], s) == 0) {
			free(s);
			return;
		}
	l->v = lq_xreallocarray(l->v, l->n + 2, sizeof *l->v);
	l->v[l->n++] = s;
	l->v[l->n] = NULL;
}

/* Each element of company_sizes (or another list of sizes) is one of
 * lq_company_sizes. */
static int
sizes_ok(struct ctx *c, const char *key, const struct lq_strv *l)
{
	for (size_t i = 0; i < l->n; i++) {
		size_t k;

		for (k = 0; lq_company_sizes[k] && strcmp(lq_company_sizes[k], l->v[i]) != 0; k++)
			;
		if (lq_company_sizes[k] == NULL)
			return fail(c, key, i, "%s[%zu]: \"%s\" is not a company size "
			    "(use startup, scaleup, mid-market, enterprise, agency, freelance)", key, i, l->v[i]);
	}
	return 0;
}

/* Targets and the exclusion list of the same kind. */
static const char *const conflict_pairs[][2] = {
	{ "target_titles", "exclude_titles" },
	{ "target_industries", "_exclude_industries" },
	{ "company_sizes", "_exclude_company_sizes" },
};

static const char *
elem_value(const json_t *e)
{
	if (json_is_string(e))
		return json_string_value(e);
	return json_string_value(json_object_get(e, "value"));
}

/* 1 if element e names the folded string f: its value or an alias. */
static int
elem_names(const json_t *e, const char *f)
{
	const char *v = elem_value(e);
	json_t *al = json_is_object(e) ? json_object_get(e, "aliases") : NULL, *a;
	size_t i;
	int same = 0;

	if (v) {
		char *fv = lq_fold(v);

		same = strcmp(fv, f) == 0;
		free(fv);
	}
	json_array_foreach(al, i, a)
		if (!same && json_is_string(a)) {
			char *fa = lq_fold(json_string_value(a));

			same = strcmp(fa, f) == 0;
			free(fa);
		}
	return same;
}

/* The first element of list that names s (folded), or NULL. */
static const json_t *
list_find(const json_t *list, const char *s)
{
	char *f = lq_fold(s);
	const json_t *e, *found = NULL;
	size_t i;

	json_array_foreach(list, i, e)
		if (found == NULL && elem_names(e, f))
			found = e;
	free(f);
	return found;
}

/* The first element of list sharing a name (value or alias) with e. */
static const json_t *
list_shares(const json_t *list, const json_t *e)
{
	json_t *al = json_is_object(e) ? json_object_get(e, "aliases") : NULL, *a;
	const json_t *x = elem_value(e) ? list_find(list, elem_value(e)) : NULL;
	size_t i;

	json_array_foreach(al, i, a)
		if (x == NULL && json_is_string(a))
			x = list_find(list, json_string_value(a));
	return x;
}

static char *
conflict_message(const char *tkey, const json_t *t, const char *xkey, const json_t *x)
{
	const char *tv = elem_value(t), *xv = elem_value(x);

	if (strcmp(tv, xv) == 0)
		return lq_xasprintf("\"%s\" is in %s and in %s", tv, tkey, xkey);
	return lq_xasprintf("\"%s\" is in %s and in %s (as \"%s\")", tv, tkey, xkey, xv);
}

/* Fills icp->conflicts and icp->stale_conflicts (see icp.h). Tolerates
 * any shape: a malformed annotation is skipped here (strict parsing
 * reports it). */
static void
find_conflicts(json_t *root, struct lq_icp *icp)
{
	json_t *c = json_object_get(root, "_conflicts"), *e;
	size_t p, i;

	for (p = 0; p < LQ_NELEM(conflict_pairs); p++) {
		json_t *t = json_object_get(root, conflict_pairs[p][0]);
		json_t *x = json_object_get(root, conflict_pairs[p][1]);

		if (!json_is_array(t) || !json_is_array(x))
			continue;
		json_array_foreach(t, i, e) {
			const json_t *ex = elem_value(e) ? list_shares(x, e) : NULL;

			if (ex && elem_value(ex))
				strv_add_once(&icp->conflicts, conflict_message(conflict_pairs[p][0], e,
				    conflict_pairs[p][1], ex));
		}
	}
	/* icp-extract's own list: it also knows synonyms this file does not
	 * record as aliases. */
	json_array_foreach(c, i, e) {
		const char *v = json_string_value(json_object_get(e, "value"));
		const char *tk = json_string_value(json_object_get(e, "target"));
		const char *xk = json_string_value(json_object_get(e, "exclusion"));
		const char *xv = json_string_value(json_object_get(e, "excluded_as"));
		const json_t *te, *xe;

		if (v == NULL || tk == NULL || xk == NULL)
			continue;
		for (p = 0; p < LQ_NELEM(conflict_pairs); p++)
			if (strcmp(conflict_pairs[p][0], tk) == 0 && strcmp(conflict_pairs[p][1], xk) == 0)
				break;
		if (p == LQ_NELEM(conflict_pairs))
			continue;
		te = list_find(json_object_get(root, tk), v);
		xe = list_find(json_object_get(root, xk), xv ? xv : v);
		if (te && xe && elem_value(te) && elem_value(xe))
			strv_add_once(&icp->conflicts, conflict_message(tk, te, xk, xe));
		else
			strv_add_once(&icp->stale_conflicts, lq_xstrdup(v));
	}
}

/* Strict checks of the annotations lq writes (icp.h). */
static int
annotations_ok(struct ctx *c, json_t *root)
{
	json_t *a, *e, *x;
	size_t i;
	const char *k;

	for (size_t p = 1; p < LQ_NELEM(conflict_pairs); p++) {
		struct lq_strv l = { NULL, 0 };
		int bad = get_list(c, root, conflict_pairs[p][1], &l) < 0 ||
		    (p == 2 && sizes_ok(c, conflict_pairs[p][1], &l) < 0);

		free_strv(&l);
		if (bad)
			return -1;
	}
	if ((a = json_object_get(root, "_meetings")) != NULL) {
		if (!json_is_array(a))
			return fail(c, "_meetings", (size_t)-1, "_meetings: expected an array of meeting ids, got %s",
			    lq_json_type_name(a));
		json_array_foreach(a, i, e)
			if (!json_is_string(e) && !json_is_integer(e))
				return fail(c, "_meetings", i, "_meetings[%zu]: expected a meeting id (string), got %s",
				    i, lq_json_type_name(e));
	}
	if ((a = json_object_get(root, "_conflicts")) == NULL)
		return 0;
	if (!json_is_array(a))
		return fail(c, "_conflicts", (size_t)-1, "_conflicts: expected an array of objects, got %s",
		    lq_json_type_name(a));
	json_array_foreach(a, i, e) {
		const char *tk, *xk;
		size_t p;

		if (!json_is_object(e))
			return fail(c, "_conflicts", i, "_conflicts[%zu]: expected an object, got %s", i,
			    lq_json_type_name(e));
		json_object_foreach(e, k, x) {
			if (strcmp(k, "value") && strcmp(k, "target") && strcmp(k, "exclusion") &&
			    strcmp(k, "excluded_as") && strcmp(k, "message"))
				return fail(c, "_conflicts", i, "_conflicts[%zu]: unknown key \"%s\" (value, target, "
				    "exclusion, excluded_as, message)", i, k);
			if (!json_is_string(x) || json_string_length(x) == 0)
				return fail(c, "_conflicts", i, "_conflicts[%zu].%s: expected a non-empty string, got %s",
				    i, k, json_is_string(x) ? "an empty string" : lq_json_type_name(x));
		}
		if (json_object_get(e, "value") == NULL)
			return fail(c, "_conflicts", i, "_conflicts[%zu]: needs a \"value\"", i);
		tk = json_string_value(json_object_get(e, "target"));
		xk = json_string_value(json_object_get(e, "exclusion"));
		for (p = 0; p < LQ_NELEM(conflict_pairs); p++)
			if (tk && xk && strcmp(conflict_pairs[p][0], tk) == 0 && strcmp(conflict_pairs[p][1], xk) == 0)
				break;
		if (p == LQ_NELEM(conflict_pairs))
			return fail(c, "_conflicts", i, "_conflicts[%zu]: \"target\" and \"exclusion\" must name a "
			    "list and its exclusions (target_titles and exclude_titles, target_industries and "
			    "_exclude_industries, company_sizes and _exclude_company_sizes)", i);
	}
	return 0;
}

static const char *const known_keys[] = {
	"client", "target_titles", "target_industries", "company_sizes",
	"target_keywords", "exclude_titles", "notes", "regions", NULL
};

static struct lq_icp *
parse(const char *text, size_t n, const char *name, char *err, size_t errlen, int strict)
{
	struct positions ps = { NULL, 0 };
	struct ctx c = { name, &ps, err, errlen, strict };
	struct lq_icp *icp = NULL;
	json_error_t je;
	json_t *root;
	const char *key;
	json_t *v;
	int bad = 0;

	{
		size_t i = 0;

		while (i < n && strchr(" \t\r\n", text[i]) && text[i])
			i++;
		if (i == n) {
			snprintf(err, errlen, "%s: empty: an ICP is a JSON object with criteria (docs/icp.md)", name);
			return NULL;
		}
	}
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
			    "target_industries, company_sizes, target_keywords, exclude_titles, notes, regions)", key);
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
	    get_text(&c, root, "notes", &icp->notes, MAX_NOTES) < 0 ||
	    get_regions(&c, root, icp) < 0;
	if (!bad)
		bad = sizes_ok(&c, "company_sizes", &icp->company_sizes) < 0;
	if (!bad && strict)
		bad = annotations_ok(&c, root) < 0;
	if (!bad && icp->target_titles.n + icp->target_industries.n + icp->company_sizes.n +
	    icp->target_keywords.n == 0 && icp->notes[0] == '\0')
		bad = fail(&c, NULL, 0, "empty ICP: no target_titles, target_industries, company_sizes, "
		    "target_keywords or notes to match against") < 0;
	if (bad) {
		lq_icp_free(icp);
		icp = NULL;
	} else {
		compute_hash(icp);
		find_conflicts(root, icp);
	}
out:
	free_positions(&ps);
	json_decref(root);
	return icp;
}

struct lq_icp *
lq_icp_parse(const char *text, size_t n, const char *name, char *err, size_t errlen)
{
	return parse(text, n, name, err, errlen, 0);
}

struct lq_icp *
lq_icp_parse_strict(const char *text, size_t n, const char *name, char *err, size_t errlen)
{
	return parse(text, n, name, err, errlen, 1);
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
	free_strv(&icp->regions_include);
	free_strv(&icp->regions_exclude);
	free_strv(&icp->conflicts);
	free_strv(&icp->stale_conflicts);
	free(icp);
}
