/* profile.c: lead fields from actor items, matching keys, streaming dataset reader. */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "http.h"
#include "profile.h"
#include "record.h"
#include "util.h"

static const char *
str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && *s ? s : NULL;
}

/* A copy of s without leading and trailing white space, NULL if empty. */
static char *
trimdup(const char *s)
{
	size_t n;

	if (s == NULL)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	n = strlen(s);
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	return n ? lq_xstrndup(s, n) : NULL;
}

enum lq_shape
lq_profile_shape(const json_t *item)
{
	if (!json_is_object(item))
		return LQ_SHAPE_UNKNOWN;
	if (json_is_array(json_object_get(item, "experience"))
	    || json_is_object(json_object_get(item, "location")))
		return LQ_SHAPE_HARVEST;
	if (json_is_array(json_object_get(item, "experiences"))
	    || (str(item, "fullName") && str(item, "linkedinUrl") && !json_object_get(item, "positions")))
		return LQ_SHAPE_DEVFUSION;
	if (json_object_get(item, "positions") || str(item, "occupation")
	    || str(item, "firstName") || str(item, "lastName") || str(item, "publicIdentifier")
	    || str(item, "headline"))
		return LQ_SHAPE_SUPREME;
	return LQ_SHAPE_UNKNOWN;
}

/* Words of a duration as LinkedIn prints it ("1 yr 8 mos"). */
static int
duration_word(const char *w, size_t n)
{
	static const char *const words[] = { "yr", "yrs", "year", "years", "mo", "mos",
		"month", "months" };
	size_t i;

	for (i = 0; i < LQ_NELEM(words); i++)
		if (strlen(words[i]) == n && strncasecmp(w, words[i], n) == 0)
			return 1;
	return 0;
}

int
lq_profile_is_filler(const char *s)
{
	static const char *const types[] = { "full-time", "part-time", "self-employed",
		"freelance", "contract", "internship", "apprenticeship", "seasonal",
		"temporary", "permanent", "less than a year" };
	const char *p;
	int pairs = 0;
	size_t i;

	if (s == NULL)
		return 0;
	while (isspace((unsigned char)*s))
		s++;
	for (i = 0; i < LQ_NELEM(types); i++) {
		size_t n = strlen(types[i]);

		if (strncasecmp(s, types[i], n) == 0) {
			for (p = s + n; isspace((unsigned char)*p); p++)
				;
			if (*p == '\0')
				return 1;
		}
	}
	/* One or more "<number> <unit>" pairs and nothing else. */
	p = s;
	for (;;) {
		const char *w;

		while (isspace((unsigned char)*p))
			p++;
		if (*p == '\0')
			return pairs > 0;
		if (!isdigit((unsigned char)*p))
			return 0;
		while (isdigit((unsigned char)*p))
			p++;
		while (isspace((unsigned char)*p))
			p++;
		w = p;
		while (isalpha((unsigned char)*p))
			p++;
		if (!duration_word(w, (size_t)(p - w)))
			return 0;
		pairs++;
	}
}

static void
add_title(json_t *titles, const char *t)
{
	size_t i;
	json_t *v;
	char *c = trimdup(t);

	if (c == NULL)
		return;
	json_array_foreach(titles, i, v)
		if (strcmp(json_string_value(v), c) == 0) {
			free(c);
			return;
		}
	if (lq_utf8_valid(c, strlen(c)))
		json_array_append_new(titles, json_string(c));
	free(c);
}

/* One current position: its title and company after the swapped-field
 * repair. */
static void
take_position(struct lq_profile_fields *f, const char *title, const char *company)
{
	if (lq_profile_is_filler(company)) {
		company = title;
		title = NULL;
	}
	if (f->company == NULL)
		f->company = trimdup(company);
	add_title(f->titles, title);
}

static void
supreme_positions(const json_t *item, struct lq_profile_fields *f)
{
	const json_t *pos = json_object_get(item, "positions");
	json_t *p;
	size_t i;

	json_array_foreach(pos, i, p) {
		const json_t *tp = json_object_get(p, "timePeriod");
		const json_t *end = json_object_get(tp, "endDate");
		const char *company;

		if (!json_is_object(p))
			continue;
		if (end != NULL && !json_is_null(end))
			continue;
		company = str(p, "companyName");
		if (company == NULL)
			company = str(json_object_get(p, "company"), "name");
		take_position(f, str(p, "title"), company);
	}
}

static void
harvest_positions(const json_t *item, struct lq_profile_fields *f)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(item, "experience"), i, p) {
		const json_t *end = json_object_get(p, "endDate");
		const char *text = str(end, "text");

		if (!json_is_object(p))
			continue;
		if (end != NULL && !json_is_null(end) && !(text && strcasecmp(text, "Present") == 0))
			continue;
		take_position(f, str(p, "position"), str(p, "companyName"));
	}
}

static void
devfusion_positions(const json_t *item, struct lq_profile_fields *f)
{
	json_t *p;
	size_t i;

	json_array_foreach(json_object_get(item, "experiences"), i, p) {
		const char *cap = str(p, "caption"), *sub = str(p, "subtitle");
		char *company;
		const char *dot;

		if (!json_is_object(p) || cap == NULL || strstr(cap, "Present") == NULL)
			continue;
		/* subtitle is "Company · Full-time". */
		dot = sub ? strstr(sub, " \xc2\xb7 ") : NULL;
		company = sub ? lq_xstrndup(sub, dot ? (size_t)(dot - sub) : strlen(sub)) : NULL;
		take_position(f, str(p, "title"), company);
		free(company);
	}
	if (f->company == NULL && json_array_size(f->titles) == 0) {
		f->company = trimdup(str(item, "companyName"));
		add_title(f->titles, str(item, "jobTitle"));
	}
}

int
lq_profile_fields(const json_t *item, struct lq_profile_fields *f)
{
	enum lq_shape shape = lq_profile_shape(item);
	const char *first, *last;

	memset(f, 0, sizeof *f);
	if (shape == LQ_SHAPE_UNKNOWN)
		return -1;
	f->titles = json_array();
	first = str(item, "firstName");
	last = str(item, "lastName");
	if (first || last) {
		char *n = lq_xasprintf("%s%s%s", first ? first : "", first && last ? " " : "",
		    last ? last : "");

		f->name = trimdup(n);
		free(n);
	} else {
		f->name = trimdup(str(item, "fullName"));
	}
	f->headline = trimdup(str(item, "headline"));
	switch (shape) {
	case LQ_SHAPE_SUPREME:
		if (f->headline == NULL)
			f->headline = trimdup(str(item, "occupation"));
		f->location = trimdup(str(item, "geoLocationName"));
		if (f->location == NULL)
			f->location = trimdup(str(item, "locationName"));
		supreme_positions(item, f);
		break;
	case LQ_SHAPE_HARVEST:
		f->location = trimdup(str(json_object_get(item, "location"), "linkedinText"));
		harvest_positions(item, f);
		break;
	case LQ_SHAPE_DEVFUSION:
		f->location = trimdup(str(item, "addressWithCountry"));
		devfusion_positions(item, f);
		break;
	case LQ_SHAPE_UNKNOWN:
		break;
	}
	return 0;
}

void
lq_profile_fields_free(struct lq_profile_fields *f)
{
	free(f->name);
	free(f->headline);
	free(f->company);
	free(f->location);
	json_decref(f->titles);
	memset(f, 0, sizeof *f);
}

static void
set_or_null(json_t *rec, const char *key, const char *s)
{
	if (s)
		lq_rec_set_str(rec, key, s);
	else
		json_object_set_new(rec, key, json_null());
}

int
lq_profile_apply(json_t *rec, json_t *item)
{
	struct lq_profile_fields f;

	if (lq_profile_fields(item, &f) != 0)
		return -1;
	lq_rec_set_status(rec, "enriched");
	set_or_null(rec, "name", f.name);
	set_or_null(rec, "headline", f.headline);
	set_or_null(rec, "company", f.company);
	set_or_null(rec, "location", f.location);
	json_object_set(rec, "current_job_titles", f.titles);
	json_object_set(rec, "profile", item);
	json_object_del(rec, "error");
	lq_profile_fields_free(&f);
	return 0;
}

/* ---- keys ---- */

static int
is_urn_id(const char *s)
{
	return s[0] == 'A' && s[1] == 'C' && (s[2] == 'o' || s[2] == 'w') && strlen(s) > 10;
}

char *
lq_profile_key(const char *id)
{
	char *k, *p;

	if (id == NULL || *id == '\0')
		return NULL;
	if (is_urn_id(id))
		return lq_xasprintf("urn:%s", id);
	k = lq_xasprintf("slug:%s", id);
	for (p = k + 5; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	return k;
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

char *
lq_profile_url_key(const char *url)
{
	const char *p, *e;
	struct lq_buf b = LQ_BUF_INIT;
	char *k;

	if (url == NULL || (p = strstr(url, "/in/")) == NULL)
		return NULL;
	p += 4;
	for (e = p; *e && *e != '/' && *e != '?' && *e != '#'; e++)
		;
	for (; p < e; p++) {
		if (*p == '%' && p + 2 < e && hexval(p[1]) >= 0 && hexval(p[2]) >= 0) {
			lq_buf_addc(&b, hexval(p[1]) * 16 + hexval(p[2]));
			p += 2;
		} else {
			lq_buf_addc(&b, *p);
		}
	}
	if (b.len == 0 || memchr(b.data, '\0', b.len) != NULL) {
		lq_buf_free(&b);
		return NULL;
	}
	k = lq_profile_key(b.data);
	lq_buf_free(&b);
	return k;
}

static int
add_key(char **keys, int n, char *k)
{
	int i;

	if (k == NULL)
		return n;
	for (i = 0; i < n; i++)
		if (strcmp(keys[i], k) == 0) {
			free(k);
			return n;
		}
	if (n == LQ_PROFILE_MAXKEYS) {
		free(k);
		return n;
	}
	keys[n] = k;
	return n + 1;
}

int
lq_profile_item_keys(const json_t *item, char **keys)
{
	int n = 0;

	n = add_key(keys, n, lq_profile_key(str(item, "profileId")));
	n = add_key(keys, n, lq_profile_key(str(item, "id")));
	n = add_key(keys, n, lq_profile_key(str(item, "urn")));
	n = add_key(keys, n, lq_profile_key(str(item, "publicIdentifier")));
	n = add_key(keys, n, lq_profile_url_key(str(item, "inputUrl")));
	n = add_key(keys, n, lq_profile_url_key(str(item, "linkedinUrl")));
	/* supreme_coder's "id" is a numeric member id: not a key of ours,
	 * and harmless since no input carries it. */
	return n;
}

int
lq_profile_record_keys(const json_t *rec, char **keys)
{
	int n = 0;

	n = add_key(keys, n, lq_profile_key(str(rec, "id")));
	n = add_key(keys, n, lq_profile_key(str(rec, "public_identifier")));
	n = add_key(keys, n, lq_profile_url_key(str(rec, "linkedin_url")));
	return n;
}

/* ---- dataset files ---- */

struct scan {
	FILE *fp;
	const char *name;
	unsigned long line;	/* current line (1-based) */
	int c;			/* lookahead */
};

static int
next(struct scan *s)
{
	int c = s->c;

	if (c == '\n')
		s->line++;
	s->c = getc(s->fp);
	return s->c;
}

static void
skip_ws(struct scan *s)
{
	while (s->c == ' ' || s->c == '\t' || s->c == '\n' || s->c == '\r')
		next(s);
}

/* Reads one JSON value starting at the lookahead into b, stopping (without
 * consuming) at a ',' or ']' or white space at depth 0 when in_array, or
 * after the closing brace of a top-level object/array otherwise. Returns
 * 0, 1 if the item is too big (skipped), -1 at EOF inside the value. */
static int
scan_value(struct scan *s, struct lq_buf *b, int in_array)
{
	int depth = 0, instr = 0, esc = 0, big = 0;

	lq_buf_reset(b);
	while (s->c != EOF) {
		int c = s->c;

		if (!instr && depth == 0 && b->len > 0
		    && (c == ',' || c == ']' || (!in_array && (c == '{' || c == '[')) || c == ' '
			|| c == '\n' || c == '\r' || c == '\t'))
			return big;
		if (b->len < LQ_DATASET_MAX_ITEM)
			lq_buf_addc(b, c);
		else
			big = 1;
		if (instr) {
			if (esc)
				esc = 0;
			else if (c == '\\')
				esc = 1;
			else if (c == '"')
				instr = 0;
		} else if (c == '"') {
			instr = 1;
		} else if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth > 0)
				depth--;
			if (depth == 0) {
				next(s);
				return big;
			}
		}
		next(s);
		if (!instr && depth == 0 && b->len == 1 && (c == ',' || c == ']'))
			return big;	/* a stray separator: reported by the parser */
	}
	return depth > 0 || instr ? -1 : big;
}

/* Parses b as one item: fn on success; else a message. Returns fn's
 * value, or 0 after skipping. */
static int
deliver(struct scan *s, struct lq_buf *b, unsigned long line, int big,
    int (*fn)(json_t *, unsigned long, void *), void *arg, long *n, long *bad)
{
	json_error_t e;
	json_t *j;

	if (big) {
		lq_warn("%s:%lu: item larger than %u bytes, skipped", s->name, line,
		    LQ_DATASET_MAX_ITEM);
		++*bad;
		return 0;
	}
	j = json_loadb(b->data ? b->data : "", b->len, JSON_DECODE_ANY, &e);
	if (j == NULL) {
		lq_warn("%s:%lu: malformed item, skipped: %s", s->name,
		    line + (e.line > 1 ? (unsigned long)e.line - 1 : 0), e.text);
		++*bad;
		return 0;
	}
	if (!json_is_object(j)) {
		lq_warn("%s:%lu: item is not a JSON object, skipped", s->name, line);
		json_decref(j);
		++*bad;
		return 0;
	}
	++*n;
	{
		int r = fn(j, line, arg);

		json_decref(j);
		return r;
	}
}

long
lq_dataset_read(FILE *fp, const char *name,
    int (*fn)(json_t *item, unsigned long line, void *arg), void *arg, long *bad)
{
	struct scan s = { fp, name, 1, 0 };
	struct lq_buf b = LQ_BUF_INIT;
	long n = 0, nbad = 0;
	int st = 0;

	s.c = getc(fp);
	/* A UTF-8 byte order mark, as some exports carry. */
	if (s.c == 0xef) {
		if (getc(fp) != 0xbb || getc(fp) != 0xbf) {
			lq_warn("%s:1: not a dataset (a JSON array or JSON lines of objects)", name);
			return -1;
		}
		s.c = getc(fp);
	}
	skip_ws(&s);
	if (s.c == EOF) {
		/* An empty file holds no items. */
	} else if (s.c == '[') {
		next(&s);
		for (;;) {
			unsigned long line;
			int r;

			skip_ws(&s);
			if (s.c == ']') {
				next(&s);
				break;
			}
			if (s.c == EOF) {
				lq_warn("%s:%lu: file ends inside the array (truncated?)", name, s.line);
				st = -1;
				break;
			}
			line = s.line;
			r = scan_value(&s, &b, 1);
			if (r < 0) {
				lq_warn("%s:%lu: file ends inside an item (truncated?)", name, line);
				st = -1;
				break;
			}
			if (deliver(&s, &b, line, r, fn, arg, &n, &nbad) != 0)
				goto out;
			skip_ws(&s);
			if (s.c == ',') {
				next(&s);
			} else if (s.c != ']') {
				if (s.c == EOF) {
					lq_warn("%s:%lu: file ends inside the array (truncated?)", name, s.line);
					st = -1;
					break;
				}
				lq_warn("%s:%lu: expected ',' or ']' between items", name, s.line);
				st = -1;
				break;
			}
		}
		skip_ws(&s);
		if (st == 0 && s.c != EOF)
			lq_warn("%s:%lu: text after the array ignored", name, s.line);
	} else if (s.c == '{') {
		while (s.c != EOF) {
			unsigned long line = s.line;
			int r = scan_value(&s, &b, 0);

			if (r < 0) {
				lq_warn("%s:%lu: file ends inside an item (truncated?)", name, line);
				st = -1;
				break;
			}
			if (deliver(&s, &b, line, r, fn, arg, &n, &nbad) != 0)
				goto out;
			skip_ws(&s);
		}
	} else {
		lq_warn("%s:%lu: not a dataset (a JSON array or JSON lines of objects)", name, s.line);
		st = -1;
	}
out:
	if (ferror(fp)) {
		lq_warn_errno("%s: read error", name);
		st = -1;
	}
	lq_buf_free(&b);
	if (bad)
		*bad = nbad;
	return st < 0 ? -1 : n;
}

/* ---- profiles in the cache ---- */

#include "cache.h"

int
lq_profile_cache_put(struct lq_cache *c, const char *actor, json_t *item,
    const char *scraped_at, const char *source)
{
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_item_keys(item, keys), i, put = 0, err = 0;
	json_t *o;

	if (n == 0)
		return -1;
	o = json_object();
	json_object_set(o, "item", item);
	json_object_set_new(o, "scraped_at", json_string(scraped_at));
	lq_rec_set_str(o, "source", source);
	for (i = 0; i < n; i++) {
		struct lq_cache_key k;

		if (!err) {
			lq_cache_key(&k, LQ_NS_PROFILE, LQ_PROFILE_NS_VERSION, actor, keys[i],
			    strlen(keys[i]));
			if (lq_cache_put_json(c, LQ_NS_PROFILE, &k, o) == 0)
				put++;
			else
				err = 1;	/* one warning is enough */
		}
		free(keys[i]);
	}
	json_decref(o);
	return err ? -1 : put;
}

json_t *
lq_profile_cache_get(struct lq_cache *c, const char *actor, const json_t *rec,
    double max_age, char *hex)
{
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_record_keys(rec, keys), i;
	json_t *o = NULL;

	for (i = 0; i < n; i++) {
		struct lq_cache_key k;

		if (o == NULL) {
			lq_cache_key(&k, LQ_NS_PROFILE, LQ_PROFILE_NS_VERSION, actor, keys[i],
			    strlen(keys[i]));
			o = lq_cache_get_json(c, LQ_NS_PROFILE, &k, max_age);
			if (o && !json_is_object(json_object_get(o, "item"))) {
				json_decref(o);
				o = NULL;
			}
			if (o && hex)
				memcpy(hex, k.hex, sizeof k.hex);
		}
		free(keys[i]);
	}
	return o;
}

struct import {
	struct lq_cache *c;
	const char *actor, *name;
	char *source;
	char ts[32];
	long stored, nokey;
};

static int
import_one(json_t *item, unsigned long line, void *arg)
{
	struct import *im = arg;
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_item_keys(item, keys), i;

	for (i = 0; i < n; i++)
		free(keys[i]);
	if (n == 0) {
		lq_warn("%s:%lu: item has no profileId, publicIdentifier or profile URL, skipped",
		    im->name, line);
		im->nokey++;
		return 0;
	}
	if (lq_profile_cache_put(im->c, im->actor, item, im->ts, im->source) > 0)
		im->stored++;
	return 0;
}

long
lq_profile_import(struct lq_cache *c, const char *actor, FILE *fp, const char *name, long *bad)
{
	struct import im = { c, actor, name, NULL, "", 0, 0 };
	const char *base = strrchr(name, '/');
	long n, nbad = 0;

	im.source = lq_xasprintf("import:%s", base ? base + 1 : name);
	lq_iso_now(im.ts, sizeof im.ts);
	n = lq_dataset_read(fp, name, import_one, &im, &nbad);
	free(im.source);
	if (bad)
		*bad = nbad + im.nokey;
	return n < 0 && im.stored == 0 ? -1 : im.stored;
}
