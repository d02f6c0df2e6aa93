/* profile.c: every actor's profile shape read through one table into one view; junk cleaned; keys; the profile cache. */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "diag.h"
#include "lazy.h"
#include "http.h"
#include "jview.h"
#include "liurl.h"
#include "profile.h"
#include "record.h"
#include "util.h"

/*
 * ---- the shapes, as data ----
 *
 * Each field is a list of JSON paths tried in turn: "a.b.0.c|d" is
 * item.a.b[0].c, else item.d. A signature says when an item has the shape:
 * "k1:a&k2|k3" means k1 is an array and k2 is present, or k3 is present
 * (":a" array, ":o" object, ":s" non-empty string). Rows are tried in
 * order; the first whose signature holds reads the item.
 */

/* Where a shape keeps the fields of one position. */
struct posmap {
	const char *list;		/* the positions array */
	const char *title, *company, *emptype, *desc, *location, *industry;
	const char *start, *end;	/* date objects {year, month} or date text */
	const char *dates;		/* "Jan 2020 - Present · 5 yrs" */
	const char *current;		/* a boolean */
	const char *size;		/* {start, end}, a number or "51-200" */
	const char *children;		/* roles grouped under one company */
	int split_company;		/* the actor cuts the company name at its first
					 * space into company and employment type */
};

struct shape {
	enum lq_shape id;
	const char *name;
	const char *sig;
	const char *first, *last, *full, *headline, *location, *summary;
	const char *public_id, *urn, *url, *industry, *skills;
	/* the current company as the actor flattens it */
	const char *co_name, *co_title, *co_industry, *co_desc, *co_size;
	struct posmap pm;
};

/* supreme_coder's fields, for its row and for the row of the few keys
 * every shape shares. */
#define SUPREME_FIELDS \
	"firstName", "lastName", "fullName", "headline|occupation", "geoLocationName|locationName", \
	"summary|about", "publicIdentifier|public_identifier", "profileId|urn|entityUrn", \
	"inputUrl|url|linkedinUrl|profileUrl", \
	"industryName|industry|companyIndustry|currentCompany.industries.0.name|currentCompany.industries.0", \
	"skills|topSkillsByEndorsements", \
	"companyName", "jobTitle", "currentCompany.industries.0.name|currentCompany.industries.0|companyIndustry", \
	"currentCompany.description|currentCompany.tagline", \
	"currentCompany.employeeCountRange|currentCompany.employeeCount|companySize", \
	{ "positions", "title", "companyName|company.name", "employmentType", "description", "locationName|location", \
	  "company.industries.0.name|company.industries.0", "timePeriod.startDate", "timePeriod.endDate", NULL, NULL, \
	  "company.employeeCountRange", NULL, 0 }

static const struct shape shapes[] = {
	/* apimaestro/linkedin-profile-detail: basic_info{} and experience[];
	 * employment_type holds the rest of a company name cut at its first
	 * space ("Zebra" + "Robotics"). */
	{ LQ_SHAPE_APIMAESTRO, "apimaestro", "basic_info:o",
	  "basic_info.first_name", "basic_info.last_name", "basic_info.fullname|basic_info.full_name",
	  "basic_info.headline", "basic_info.location.full|basic_info.location.city|basic_info.location",
	  "basic_info.about|basic_info.summary", "basic_info.public_identifier", "basic_info.urn",
	  "basic_info.profile_url|basic_info.linkedin_url|profile_url|profileUrl|linkedinUrl|url",
	  "basic_info.industry", "skills",
	  "basic_info.current_company", NULL, NULL, NULL, NULL,
	  { "experience", "title", "company|company_name", "employment_type", "description", "location", NULL,
	    "start_date", "end_date", "duration", "is_current", NULL, NULL, 1 } },
	/* A harvestapi-based actor (LpVuK3Zozwuipa5bp, 2025): profile{} beside
	 * experience[], education[], skills[] and meta{}. */
	{ LQ_SHAPE_HARVEST_SPLIT, "harvestapi (profile+experience)", "profile:o&experience:a|profile:o&meta:o",
	  "profile.firstName", "profile.lastName", "profile.fullName", "profile.headline",
	  "profile.location.linkedinText|profile.location", "profile.about|profile.summary",
	  "profile.publicIdentifier", "profile.id|meta.entityId", "profile.linkedinUrl", "profile.industry", "skills",
	  NULL, NULL, NULL, NULL, NULL,
	  { "experience", "position|title", "companyName|company", "employmentType", "description", "location", NULL,
	    "startDate", "endDate", "duration", NULL, NULL, NULL, 0 } },
	/* supreme_coder/linkedin-profile-scraper (and curious_coder's, the same
	 * Voyager-style item): positions[] with timePeriod. */
	{ LQ_SHAPE_SUPREME, "supreme_coder", "positions:a|occupation:s|geoLocationName:s|industryName:s&profileId:s",
	  SUPREME_FIELDS },
	/* dev_fusion/Linkedin-Profile-Scraper: experiences[] with "Company ·
	 * Full-time" subtitles and "Jan 2020 - Present · 5 yrs" captions, roles
	 * at one company grouped in subComponents; later builds write
	 * companyName, jobStartedOn, jobEndedOn, jobStillWorking. */
	{ LQ_SHAPE_DEVFUSION, "dev_fusion",
	  "experiences:a|fullName:s&linkedinUrl:s|addressWithCountry:s|topSkillsByEndorsements:s",
	  "firstName", "lastName", "fullName", "headline",
	  "addressWithCountry|addressWithoutCountry|addressCountryOnly|location", "about|summary",
	  "publicIdentifier", "urn|profileId", "linkedinUrl|profileUrl|url", "companyIndustry|industry",
	  "skills|topSkillsByEndorsements",
	  "companyName", "jobTitle", "companyIndustry", NULL, "companySize",
	  { "experiences", "title|jobTitle", "companyName|subtitle", "employmentType",
	    "jobDescription|description|subComponents.0.description", "jobLocation|metadata", NULL,
	    "jobStartedOn", "jobEndedOn", "caption", "jobStillWorking", NULL, "subComponents", 0 } },
	/* harvestapi/linkedin-profile-scraper: experience[] with position,
	 * location{linkedinText}; before October 2025 wrapped in "element". */
	{ LQ_SHAPE_HARVEST, "harvestapi", "experience:a|location:o|currentPosition:a|linkedinUrl:s&publicIdentifier:s",
	  "firstName", "lastName", "fullName", "headline",
	  "location.linkedinText|location.parsed.text|location|geoLocationName", "about|summary",
	  "publicIdentifier", "id|profileId|entityId", "linkedinUrl|url", "industry|industryName",
	  "skills|topSkills",
	  "currentPosition.0.companyName", NULL, NULL, NULL, NULL,
	  { "experience", "position|title", "companyName|company", "employmentType", "description", "location", NULL,
	    "startDate", "endDate", "duration", NULL, NULL, NULL, 0 } },
	/* The keys every shape above shares, alone: read as supreme_coder. Keep
	 * it last: lq_profile_of reads hand-made profiles with it. */
	{ LQ_SHAPE_SUPREME, "supreme_coder", "firstName:s|lastName:s|fullName:s|publicIdentifier:s|headline:s",
	  SUPREME_FIELDS },
};

/* Where any actor echoes whom an item is about, failure reports included:
 * member ids or slugs, then profile URLs. */
static const char *const id_paths =
    "profileId|id|urn|entityUrn|entityId|publicIdentifier|public_identifier|username"
    "|element.id|element.publicIdentifier|profile.id|profile.publicIdentifier|meta.entityId"
    "|basic_info.urn|basic_info.public_identifier|query.publicIdentifier|query.profileId"
    "|originalQuery.publicIdentifier|originalQuery.profileId";
static const char *const url_paths =
    "inputUrl|url|linkedinUrl|linkedin_url|profileUrl|profile_url|element.linkedinUrl|profile.linkedinUrl"
    "|basic_info.profile_url|query.url|query.query|originalQuery.url|originalQuery.query|#debug.url";

/* Values that mean "unknown", compared without case after trimming. */
static const char *const placeholders[] = { "-", "--", "---", "\xe2\x80\x94", "\xe2\x80\x93", ".", "?",
	"n/a", "na", "n.a.", "none", "null", "nil", "nan", "undefined", "unknown", "not available",
	"not specified", "not provided", "linkedin member", NULL };

/* LinkedIn's employment types, and the older ones still in profiles. */
static const char *const emptypes[] = { "full-time", "full time", "part-time", "part time",
	"self-employed", "self employed", "freelance", "contract", "internship", "apprenticeship",
	"seasonal", "temporary", "permanent", "less than a year", NULL };

/* Workplace types, which some actors write where the location goes. */
static const char *const workplaces[] = { "remote", "on-site", "onsite", "on site", "hybrid", NULL };

/* The separator LinkedIn puts between the parts of a line: " · ". */
#define MIDDOT "\xc2\xb7"

/* ---- values ----
 *
 * The reader reads values through the v_ calls below: jansson values, or,
 * in lq_profile_of, the nodes of a view of the record's profile text
 * (jview.h) when the record still holds that text unread, which builds
 * no jansson value for the profile at all. The calls answer as jansson's
 * do (NULL and non-matching types included), so one reader serves both
 * and gives the same view. A pval is a json_t or, while view is set, a
 * node of it. */
typedef struct pval pval;
static _Thread_local struct lq_jv *view;
static int view_off;	/* lq_profile_view_text(0): the tests' jansson-only path */

#define JS(x) ((const json_t *)(const void *)(x))
#define JV(x) ((const struct lq_jv_node *)(const void *)(x))
#define PV(x) ((const pval *)(const void *)(x))

static inline int
v_type(const pval *x, enum lq_jv_type t)
{
	return x && JV(x)->type == t;
}

static int
v_is_object(const pval *x)
{
	return view ? v_type(x, LQ_JV_OBJ) : json_is_object(JS(x));
}

static int
v_is_array(const pval *x)
{
	return view ? v_type(x, LQ_JV_ARR) : json_is_array(JS(x));
}

static int
v_is_string(const pval *x)
{
	return view ? v_type(x, LQ_JV_STR) : json_is_string(JS(x));
}

static int
v_is_null(const pval *x)
{
	return view ? v_type(x, LQ_JV_NULL) : json_is_null(JS(x));
}

static int
v_is_true(const pval *x)
{
	return view ? v_type(x, LQ_JV_TRUE) : json_is_true(JS(x));
}

static int
v_is_false(const pval *x)
{
	return view ? v_type(x, LQ_JV_FALSE) : json_is_false(JS(x));
}

static int
v_is_boolean(const pval *x)
{
	return v_is_true(x) || v_is_false(x);
}

static int
v_is_integer(const pval *x)
{
	return view ? v_type(x, LQ_JV_INT) : json_is_integer(JS(x));
}

static json_int_t
v_integer(const pval *x)
{
	return view ? (v_type(x, LQ_JV_INT) ? (json_int_t)JV(x)->u.i : 0) : json_integer_value(JS(x));
}

static const char *
v_str(const pval *x)
{
	return view ? lq_jv_str(view, JV(x), NULL) : json_string_value(JS(x));
}

static size_t
v_strlen(const pval *x)
{
	size_t n;

	if (!view)
		return json_string_length(JS(x));
	lq_jv_str(view, JV(x), &n);
	return n;
}

static size_t
v_asize(const pval *x)
{
	return view ? (v_type(x, LQ_JV_ARR) ? lq_jv_size(view, JV(x)) : 0) : json_array_size(JS(x));
}

/* only whether it is 0 is asked */
static size_t
v_osize(const pval *x)
{
	return view ? (v_type(x, LQ_JV_OBJ) ? lq_jv_size(view, JV(x)) : 0) : json_object_size(JS(x));
}

static const pval *
v_aget(const pval *x, size_t i)
{
	return view ? PV(lq_jv_at(view, JV(x), i)) : PV(json_array_get(JS(x), i));
}

static const pval *
v_getn(const pval *x, const char *k, size_t n)
{
	return view ? PV(lq_jv_getn(view, JV(x), k, n)) : PV(json_object_getn(JS(x), k, n));
}

static const pval *
v_get(const pval *x, const char *k)
{
	return view ? PV(lq_jv_getn(view, JV(x), k, strlen(k))) : PV(json_object_get(JS(x), k));
}

#define v_array_foreach(a, i, e) for ((i) = 0; (i) < v_asize(a) && ((e) = v_aget((a), (i))); (i)++)

/* ---- paths ---- */

/* The value at path p[0..n) ("a.b.0") in o, or NULL. */
static const pval *
at_n(const pval *o, const char *p, size_t n)
{
	size_t i = 0;

	if (n == 0)
		return NULL;
	while (o != NULL && i < n) {
		size_t j = i;

		while (j < n && p[j] != '.')
			j++;
		if (v_is_array(o) && j > i && isdigit((unsigned char)p[i])) {
			size_t k, idx = 0;

			for (k = i; k < j && isdigit((unsigned char)p[k]) && idx < 100000; k++)
				idx = idx * 10 + (size_t)(p[k] - '0');
			o = v_aget(o, idx);
		} else {
			o = v_is_object(o) ? v_getn(o, p + i, j - i) : NULL;
		}
		i = j + 1;
	}
	return o;
}

static const pval *
at(const pval *o, const char *p)
{
	return p ? at_n(o, p, strlen(p)) : NULL;
}

/* ---- alternatives, split once ----
 *
 * Every list of alternatives the reader asks for ("a.b.0|c") is a string
 * literal or a field of the shapes table, so it is split into its paths
 * and their steps once, the first time it is asked for (kept by its
 * address), each key with its length and the hash jview looks it up by,
 * instead of on every call (strchr, strlen and a digit test a step). A
 * step is what at_n takes in turn: a key, and the index it reads as
 * when the value there is an array and the step starts with a digit. */
struct step {
	const char *k;
	uint32_t n, h;
	long idx;		/* -1: not an index (no leading digit) */
};
struct cpath {
	const char *p;		/* the path's text, p[0..n) */
	size_t n;
	size_t nstep;		/* 0: an empty path, which finds nothing */
	const struct step *st;
};
struct calts {
	size_t nalt;
	const struct cpath *alt;
};

static size_t
memchr_count(const char *p, int c, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += p[i] == c;
	return k;
}

#define CALTS_SLOTS 512
static struct {
	const char *key;		/* set (release) after c */
	const struct calts *c;
} calts_tab[CALTS_SLOTS];
static char calts_lock;

static const struct calts *
calts_make(const char *alts)
{
	size_t nalt = 0, nstep = 0, a = 0, t = 0;
	const char *p;
	struct calts *c;
	struct cpath *cp;
	struct step *st;

	for (p = alts; p && *p;) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);

		nalt++;
		nstep += 1 + memchr_count(p, '.', n);
		p = bar ? bar + 1 : NULL;
	}
	c = lq_xmalloc(sizeof *c + nalt * sizeof *cp + nstep * sizeof *st);
	cp = (struct cpath *)(void *)(c + 1);
	st = (struct step *)(void *)(cp + nalt);
	for (p = alts; p && *p; a++) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p), i = 0;

		cp[a].p = p;
		cp[a].n = n;
		cp[a].st = st + t;
		cp[a].nstep = 0;
		/* the steps as at_n takes them */
		while (n > 0 && i < n) {
			size_t j = i, k, idx = 0;
			struct step *s = &st[t++];

			while (j < n && p[j] != '.')
				j++;
			s->k = p + i;
			s->n = (uint32_t)(j - i);
			s->h = lq_jv_hash(p + i, j - i);
			s->idx = -1;
			if (j > i && isdigit((unsigned char)p[i])) {
				for (k = i; k < j && isdigit((unsigned char)p[k]) && idx < 100000; k++)
					idx = idx * 10 + (size_t)(p[k] - '0');
				s->idx = (long)idx;
			}
			cp[a].nstep++;
			i = j + 1;
		}
		p = bar ? bar + 1 : NULL;
	}
	c->nalt = nalt;
	c->alt = cp;
	return c;
}

/* alts split (alts a string literal or a field of the shapes table), or
 * NULL when the table is full (the caller then reads the text). */
static const struct calts *
calts_of(const char *alts)
{
	size_t h = (size_t)(((uint64_t)(uintptr_t)alts >> 3) * 0x9e3779b97f4a7c15ull >> 55), i;	/* 9 bits */
	const struct calts *c = NULL;

	for (i = h; ; i = (i + 1) & (CALTS_SLOTS - 1)) {
		const char *k = __atomic_load_n(&calts_tab[i].key, __ATOMIC_ACQUIRE);

		if (k == alts)
			return calts_tab[i].c;
		if (k == NULL)
			break;
		if (((i + 1) & (CALTS_SLOTS - 1)) == h)
			return NULL;
	}
	while (__atomic_test_and_set(&calts_lock, __ATOMIC_ACQUIRE))
		;
	for (i = h; ; i = (i + 1) & (CALTS_SLOTS - 1)) {
		const char *k = __atomic_load_n(&calts_tab[i].key, __ATOMIC_ACQUIRE);

		if (k == alts) {
			c = calts_tab[i].c;
			break;
		}
		if (k == NULL) {
			c = calts_make(alts);
			calts_tab[i].c = c;
			__atomic_store_n(&calts_tab[i].key, alts, __ATOMIC_RELEASE);
			break;
		}
		if (((i + 1) & (CALTS_SLOTS - 1)) == h)
			break;
	}
	__atomic_clear(&calts_lock, __ATOMIC_RELEASE);
	return c;
}

/* The value at path cp in o, as at_n(o, cp->p, cp->n). */
static const pval *
walk(const pval *o, const struct cpath *cp)
{
	if (cp->nstep == 0)
		return NULL;
	for (size_t i = 0; o != NULL && i < cp->nstep; i++) {
		const struct step *s = &cp->st[i];

		if (s->idx >= 0 && v_is_array(o))
			o = v_aget(o, (size_t)s->idx);
		else if (view)
			o = PV(lq_jv_getnh(view, JV(o), s->k, s->n, s->h));	/* NULL unless an object */
		else
			o = json_is_object(JS(o)) ? PV(json_object_getn(JS(o), s->k, s->n)) : NULL;
	}
	return o;
}

/* 1 if v holds something: not absent, null, "", [] or {}. */
static int
present(const pval *v)
{
	if (v == NULL || v_is_null(v))
		return 0;
	if (v_is_string(v))
		return v_strlen(v) > 0;
	if (v_is_array(v))
		return v_asize(v) > 0;
	if (v_is_object(v))
		return v_osize(v) > 0;
	return 1;
}

/* The first alternative of alts ("a|b.c") present in o, or NULL. */
static const pval *
first(const pval *o, const char *alts)
{
	const char *p = alts;
	const struct calts *c = alts ? calts_of(alts) : NULL;

	if (c) {
		for (size_t a = 0; a < c->nalt; a++) {
			const pval *v = walk(o, &c->alt[a]);

			if (present(v))
				return v;
		}
		return NULL;
	}
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		const pval *v = at_n(o, p, n);

		if (present(v))
			return v;
		p = bar ? bar + 1 : NULL;
	}
	return NULL;
}

/* ---- the view's strings ----
 *
 * While a profile is read (cur), the strings the reader makes come from
 * the profile's own arena, one block of them freed by lq_profile_free,
 * instead of a malloc and a free each. The reader frees a string with
 * sfree, which leaves one of the arena's alone and frees any other (one
 * lq_buf or lq_xasprintf made); outside a read both are malloc and free,
 * so a helper the keys share (urn_of) gives what its caller frees. */
struct lq_profile_arena {
	struct lq_profile_arena *next;
	size_t cap, used;
	char data[];
};
static _Thread_local struct lq_profile *cur;

static char *
sdup(const char *s, size_t n)
{
	struct lq_profile_arena *a;
	char *r;

	if (cur == NULL)
		return lq_xstrndup(s, n);
	a = cur->arena;
	if (a == NULL || a->cap - a->used < n + 1) {
		/* 4 KB, or twice the last block, or the string */
		size_t cap = a ? 2 * a->cap : 4096;

		if (cap < n + 1)
			cap = n + 1;
		a = lq_xmalloc(sizeof *a + cap);
		a->next = cur->arena;
		a->cap = cap;
		a->used = 0;
		cur->arena = a;
	}
	r = a->data + a->used;
	a->used += n + 1;
	memcpy(r, s, n);
	r[n] = '\0';
	return r;
}

static char *
sdupz(const char *s)
{
	return sdup(s, strlen(s));
}

static int
in_arena(const struct lq_profile *p, const void *x)
{
	for (const struct lq_profile_arena *a = p->arena; a; a = a->next)
		if ((const char *)x >= a->data && (const char *)x < a->data + a->cap)
			return 1;
	return 0;
}

static void
sfree(void *x)
{
	if (x && !(cur && in_arena(cur, x)))
		free(x);
}

/* x, one of p's strings, freed after p was read */
static void
pfree(const struct lq_profile *p, void *x)
{
	if (x && !in_arena(p, x))
		free(x);
}

/* ---- text ---- */

static int
in_list(const char *s, size_t n, const char *const *list)
{
	size_t i;
	int c0;

	if (n == 0)
		return 0;	/* no list holds "" */
	/* strncasecmp compares tolower of each byte: the first bytes first */
	c0 = tolower((unsigned char)s[0]);
	for (i = 0; list[i]; i++)
		if (tolower((unsigned char)list[i][0]) == c0 && strlen(list[i]) == n &&
		    strncasecmp(s, list[i], n) == 0)
			return 1;
	return 0;
}

/* isspace in the C locale, which lq runs in (it never calls setlocale). */
static inline int
is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Trims s[0..*n) of white space (ASCII and no-break space); returns the start. */
static const char *
trim(const char *s, size_t *n)
{
	size_t e = *n;

	/* the usual case: no space at either end */
	if (e > 0 && !is_space(s[0]) && (unsigned char)s[0] != 0xc2 && !is_space(s[e - 1]) &&
	    (unsigned char)s[e - 1] != 0xa0)
		return s;
	for (;;) {
		if (e > 0 && isspace((unsigned char)*s))
			s++, e--;
		else if (e > 1 && (unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0)
			s += 2, e -= 2;
		else
			break;
	}
	for (;;) {
		if (e > 0 && isspace((unsigned char)s[e - 1]))
			e--;
		else if (e > 1 && (unsigned char)s[e - 2] == 0xc2 && (unsigned char)s[e - 1] == 0xa0)
			e -= 2;
		else
			break;
	}
	*n = e;
	return s;
}

/* A clean copy of s[0..n): trimmed; NULL when empty or a placeholder. */
static char *
clean_n(const char *s, size_t n)
{
	static unsigned char ph_first[256];	/* first bytes of placeholders, either case */

	if (s == NULL)
		return NULL;
	if (!ph_first[0]) {
		ph_first[0] = 1;
		for (size_t i = 0; placeholders[i]; i++) {
			ph_first[tolower((unsigned char)placeholders[i][0])] = 1;
			ph_first[toupper((unsigned char)placeholders[i][0])] = 1;
		}
	}
	s = trim(s, &n);
	if (n == 0 || (ph_first[(unsigned char)s[0]] && in_list(s, n, placeholders)))
		return NULL;
	return sdup(s, n);
}

static char *
clean(const char *s)
{
	return s ? clean_n(s, strlen(s)) : NULL;
}

/* clean(v_str(x)): a view's string without escapes is cleaned from the
 * text itself, not decoded into the view's arena first (without an
 * escape it holds no NUL, so its length is what strlen would say). */
static char *
clean_v(const pval *x)
{
	const char *r;
	size_t n;

	if (view && (r = lq_jv_raw(view, JV(x), &n)) != NULL)
		return clean_n(r, n);
	return clean(v_str(x));
}

/* The text of a value: a string; the strings (or their "text", "name" or
 * "title") of an array, joined by sep; an object's "text". */
static char *
text_of(const pval *v, const char *sep)
{
	struct lq_buf b = LQ_BUF_INIT;
	const pval *e;
	size_t i;
	char *r;

	if (v_is_string(v))
		return clean_v(v);
	if (v_is_object(v))
		return clean_v(first(v, "text|name|title"));
	if (!v_is_array(v))
		return NULL;
	v_array_foreach(v, i, e) {
		const char *s = v_is_string(e) ? v_str(e)
		    : v_str(first(e, "text|name|title"));
		char *c = clean(s);

		if (c) {
			if (b.len)
				lq_buf_adds(&b, sep);
			lq_buf_adds(&b, c);
			sfree(c);
		}
	}
	if (b.data == NULL)
		return NULL;
	r = clean(b.data);
	lq_buf_free(&b);
	return r;
}

/* The first alternative that gives a clean text. */
static char *
pick(const pval *o, const char *alts)
{
	const char *p = alts;
	const struct calts *c = alts ? calts_of(alts) : NULL;

	if (c) {
		for (size_t a = 0; a < c->nalt; a++) {
			char *s = text_of(walk(o, &c->alt[a]), " ");

			if (s)
				return s;
		}
		return NULL;
	}
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		char *s = text_of(at_n(o, p, n), " ");

		if (s)
			return s;
		p = bar ? bar + 1 : NULL;
	}
	return NULL;
}

/* Words of a duration as LinkedIn prints it ("1 yr 8 mos"). */
static int
duration_word(const char *w, size_t n)
{
	static const char *const words[] = { "yr", "yrs", "year", "years", "mo", "mos", "month",
		"months", NULL };

	return in_list(w, n, words);
}

/* 1 if s[0..n) is one or more "<number> <unit>" pairs. */
static int
is_duration(const char *s, size_t n)
{
	size_t i = 0;
	int pairs = 0;

	for (;;) {
		size_t w;

		while (i < n && isspace((unsigned char)s[i]))
			i++;
		if (i == n)
			return pairs > 0;
		if (!isdigit((unsigned char)s[i]))
			return 0;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
		while (i < n && isspace((unsigned char)s[i]))
			i++;
		w = i;
		while (i < n && isalpha((unsigned char)s[i]))
			i++;
		if (!duration_word(s + w, i - w))
			return 0;
		pairs++;
	}
}

/* The parts of a " · "-separated line: calls fn for each trimmed,
 * non-empty part; stops when fn returns non-zero. */
static void
parts(const char *s, int (*fn)(const char *p, size_t n, void *arg), void *arg)
{
	while (s && *s) {
		const char *dot = strstr(s, MIDDOT);
		size_t n = dot ? (size_t)(dot - s) : strlen(s);
		const char *p = trim(s, &n);

		if (n && fn(p, n, arg))
			return;
		s = dot ? dot + strlen(MIDDOT) : NULL;
	}
}

static int
filler_part(const char *p, size_t n, void *arg)
{
	int *all = arg;

	if (!is_duration(p, n) && !in_list(p, n, emptypes)) {
		*all = 0;
		return 1;
	}
	return 0;
}

int
lq_profile_is_filler(const char *s)
{
	int all = 1;
	size_t n;

	if (s == NULL)
		return 0;
	n = strlen(s);
	trim(s, &n);
	if (n == 0)
		return 0;
	parts(s, filler_part, &all);
	return all;
}

char *
lq_profile_keys_text(const json_t *item)
{
	struct lq_buf b = LQ_BUF_INIT;
	const char *k;
	const json_t *v;
	size_t i = 0;

	if (!json_is_object(item))
		return lq_xstrdup("not an object");
	if (json_object_size(item) == 0)
		return lq_xstrdup("an empty object");
	lq_buf_adds(&b, "keys ");
	json_object_foreach((json_t *)item, k, v) {
		if (i == 8) {
			lq_buf_adds(&b, ", ...");
			break;
		}
		if (i)
			lq_buf_adds(&b, ", ");
		lq_buf_addshown(&b, k, 40);
		i++;
	}
	(void)v;
	return lq_buf_detach(&b);
}

/* ---- dates ---- */

static int
month_of(const char *s, size_t n)
{
	static const char *const m[] = { "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
		"sep", "oct", "nov", "dec" };
	size_t i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (strncasecmp(s, m[i], 3) == 0)
			return (int)i + 1;
	return 0;
}

static int
is_present_word(const char *s, size_t n)
{
	static const char *const w[] = { "present", "now", "current", "today", "ongoing",
		"aujourd'hui", "heute", "actualidad", "presente", "heden", NULL };

	return in_list(s, n, w);
}

static int
digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return n > 0;
}

/* Reads a date written as text (s[0..n), trimmed): "2021", "Mar 2021",
 * "March 2021", "03-2021", "3/2021", "2021-03", "2021-03-15". Writes
 * "YYYY-MM" or "YYYY" into out and returns 1; sets *now and returns 1 for
 * "Present"; returns 0 for anything else. */
static int
date_text(const char *s, size_t n, char out[16], int *now)
{
	size_t i;

	s = trim(s, &n);
	out[0] = '\0';
	if (n == 0)
		return 0;
	if (is_present_word(s, n)) {
		*now = 1;
		return 1;
	}
	if (n == 4 && digits(s, 4)) {
		snprintf(out, 16, "%.4s", s);
		return 1;
	}
	if (n >= 7 && digits(s, 4) && (s[4] == '-' || s[4] == '/') && digits(s + 5, 2)
	    && (n == 7 || (n == 10 && (s[7] == '-' || s[7] == '/') && digits(s + 8, 2)))) {
		int mo = (s[5] - '0') * 10 + (s[6] - '0');

		if (mo < 1 || mo > 12)
			return 0;
		snprintf(out, 16, "%.4s-%02d", s, mo);
		return 1;
	}
	for (i = 0; i < n && (isdigit((unsigned char)s[i])); i++)
		;
	if (i >= 1 && i <= 2 && i < n && (s[i] == '-' || s[i] == '/') && n - i - 1 == 4 && digits(s + i + 1, 4)) {
		int mo = atoi(s);

		if (mo < 1 || mo > 12)
			return 0;
		snprintf(out, 16, "%.4s-%02d", s + i + 1, mo);
		return 1;
	}
	if (month_of(s, n)) {
		size_t j = 0;

		while (j < n && isalpha((unsigned char)s[j]))
			j++;
		if (j == n)
			return 0;
		while (j < n && (s[j] == ' ' || s[j] == '.' || s[j] == ','))
			j++;
		if (n - j == 4 && digits(s + j, 4)) {
			snprintf(out, 16, "%.4s-%02d", s + j, month_of(s, n));
			return 1;
		}
	}
	return 0;
}

/* A date value: an object {year, month (1-12 or "Mar"), text} or text.
 * Returns a new string ("YYYY-MM", "YYYY", or the actor's own text when
 * it is no date we read), NULL when v holds none; *now set for Present. */
static char *
date_of(const pval *v, int *now)
{
	char out[16];

	if (v_is_object(v)) {
		const pval *y = v_get(v, "year"), *m = v_get(v, "month");
		long year = v_is_integer(y) ? (long)v_integer(y)
		    : v_is_string(y) && digits(v_str(y), v_strlen(y))
		    ? atol(v_str(y)) : 0;
		int mo = v_is_integer(m) ? (int)v_integer(m)
		    : v_is_string(m) ? (digits(v_str(m), v_strlen(m))
			? atoi(v_str(m)) : month_of(v_str(m), v_strlen(m))) : 0;

		if (year >= 1900 && year <= 2200) {
			/* "%ld-%02d" or "%ld", without printf */
			out[0] = (char)('0' + year / 1000);
			out[1] = (char)('0' + year / 100 % 10);
			out[2] = (char)('0' + year / 10 % 10);
			out[3] = (char)('0' + year % 10);
			out[4] = '\0';
			if (mo >= 1 && mo <= 12) {
				out[4] = '-';
				out[5] = (char)('0' + mo / 10);
				out[6] = (char)('0' + mo % 10);
				out[7] = '\0';
			}
			return sdupz(out);
		}
		v = v_get(v, "text");
	}
	if (!v_is_string(v))
		return NULL;
	if (date_text(v_str(v), v_strlen(v), out, now))
		return *now ? NULL : sdupz(out);
	return clean(v_str(v));
}

/* A range "Jan 2020 - Present · 5 yrs": start and end. Returns 1 when s
 * holds a range or a single date we read (then *start, *end new strings
 * or NULL, *now set for Present), else 0. */
static int
date_range(const char *s, char **start, char **end, int *now)
{
	static const char *const seps[] = { " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " to ", NULL };
	const char *dot, *sep = NULL;
	size_t n, i, sl = 0;
	char a[16], b[16];
	int na = 0, nb = 0;

	*start = *end = NULL;
	if (s == NULL)
		return 0;
	dot = strstr(s, MIDDOT);
	n = dot ? (size_t)(dot - s) : strlen(s);
	for (i = 0; seps[i] && sep == NULL; i++) {
		const char *p = strstr(s, seps[i]);

		if (p && (size_t)(p - s) < n) {
			sep = p;
			sl = strlen(seps[i]);
		}
	}
	if (sep == NULL) {
		if (!date_text(s, n, a, &na) || na)
			return 0;
		*start = sdupz(a);
		return 1;
	}
	if (!date_text(s, (size_t)(sep - s), a, &na) || na
	    || !date_text(sep + sl, n - (size_t)(sep - s) - sl, b, &nb))
		return 0;
	*start = sdupz(a);
	if (nb)
		*now = 1;
	else
		*end = sdupz(b);
	return 1;
}

/* ---- head counts ---- */

/* A head count: {start, end}, a number, or text "51-200", "10,001+",
 * "11-50 employees". Returns 1 and fills lo/hi (hi -1 when open). */
static int
head_count(const pval *v, long *lo, long *hi)
{
	const char *s;
	long a = -1, b = -1;

	if (v_is_object(v)) {
		const pval *x = v_get(v, "start"), *y = v_get(v, "end");

		if (!v_is_integer(x) || v_integer(x) < 0)
			return 0;
		*lo = (long)v_integer(x);
		*hi = v_is_integer(y) && v_integer(y) >= *lo ? (long)v_integer(y) : -1;
		return 1;
	}
	if (v_is_integer(v) && v_integer(v) >= 0) {
		*lo = *hi = (long)v_integer(v);
		return 1;
	}
	if (!v_is_string(v))
		return 0;
	for (s = v_str(v); *s; s++) {
		long n = 0;

		if (!isdigit((unsigned char)*s))
			continue;
		while (isdigit((unsigned char)*s) || (*s == ',' && isdigit((unsigned char)s[1]))) {
			if (*s != ',' && n < 100000000)
				n = n * 10 + (*s - '0');
			s++;
		}
		if (a < 0)
			a = n;
		else if (b < 0)
			b = n;
		if (*s == '\0')
			break;
	}
	if (a < 0)
		return 0;
	*lo = a;
	*hi = b >= a ? b : strchr(v_str(v), '+') ? -1 : a;
	return 1;
}

/* x in decimal, as "%ld" writes it. */
static void
add_long(struct lq_buf *b, long x)
{
	char d[24];
	size_t k = sizeof d;
	unsigned long u = x < 0 ? 0UL - (unsigned long)x : (unsigned long)x;

	do
		d[--k] = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (x < 0)
		d[--k] = '-';
	lq_buf_add(b, d + k, sizeof d - k);
}

/* The human form of a head count value ("201-500", "120", "10,001+") and
 * its source as classify shows it ("employeeCountRange 201-500"). */
static void
head_count_text(const char *path, const pval *v, long lo, long hi, char **text, char **src)
{
	const char *leaf = strrchr(path, '.');
	struct lq_buf b = LQ_BUF_INIT;

	leaf = leaf ? leaf + 1 : path;
	if (v_is_string(v)) {
		lq_buf_addshown(&b, v_str(v), 40);
	} else {
		/* "%ld", "%ld+", "%ld-%ld" without printf */
		add_long(&b, lo);
		if (hi < 0 && hi != lo)
			lq_buf_addc(&b, '+');
		else if (hi != lo)
			lq_buf_addc(&b, '-'), add_long(&b, hi);
	}
	*text = lq_buf_detach(&b);
	/* "%s %s" */
	lq_buf_adds(&b, leaf);
	lq_buf_addc(&b, ' ');
	lq_buf_adds(&b, *text);
	*src = lq_buf_detach(&b);
}

/* The alternative of alts present in o, and its path. */
static const pval *
first_path(const pval *o, const char *alts, char *path, size_t plen)
{
	const char *p = alts;
	const struct calts *c = alts ? calts_of(alts) : NULL;

	if (c) {
		for (size_t a = 0; a < c->nalt; a++) {
			const pval *v = walk(o, &c->alt[a]);

			if (present(v)) {
				/* snprintf(path, plen, "%.*s", ...): cut to plen - 1 */
				size_t n = c->alt[a].n < plen ? c->alt[a].n : plen - 1;

				memcpy(path, c->alt[a].p, n);
				path[n] = '\0';
				return v;
			}
		}
		return NULL;
	}
	while (p && *p) {
		const char *bar = strchr(p, '|');
		size_t n = bar ? (size_t)(bar - p) : strlen(p);
		const pval *v = at_n(o, p, n);

		if (present(v)) {
			snprintf(path, plen, "%.*s", (int)n, p);
			return v;
		}
		p = bar ? bar + 1 : NULL;
	}
	return NULL;
}

/* ---- positions ---- */

/* What a company slot holds: "Acme", "Acme · Full-time", "Full-time ·
 * 4 yrs" (a grouping row), "Self-employed". */
struct slot {
	const char *comp, *et;
	size_t compn, etn;
	int dur, nparts;
};

static int
slot_part(const char *p, size_t n, void *arg)
{
	struct slot *s = arg;

	s->nparts++;
	if (is_duration(p, n)) {
		s->dur = 1;
	} else if (in_list(p, n, emptypes)) {
		if (s->et == NULL)
			s->et = p, s->etn = n;
	} else if (s->comp == NULL) {
		s->comp = p, s->compn = n;
	}
	return 0;
}

/* Reads a company slot: sets *company and *emptype (new strings or NULL);
 * returns 1 for the scraper's grouping row (durations and employment
 * types only: the row's title is the company). A bare "Self-employed" or
 * "Freelance" is a company as LinkedIn shows it. */
static int
read_slot(const char *slot, char **company, char **emptype)
{
	struct slot s = { NULL, NULL, 0, 0, 0, 0 };

	*company = *emptype = NULL;
	if (slot == NULL)
		return 0;
	parts(slot, slot_part, &s);
	if (s.et)
		*emptype = clean_n(s.et, s.etn);
	if (s.comp) {
		*company = clean_n(s.comp, s.compn);
		return 0;
	}
	if (s.et && !s.dur && s.nparts == 1 && (strncasecmp(s.et, "self", 4) == 0
	    || strncasecmp(s.et, "freelance", 9) == 0)) {
		*company = clean_n(s.et, s.etn);
		return 0;
	}
	return s.nparts > 0;
}

/* Takes company off a title it is glued to ("Revcast, Chief Marketing
 * Officer", "CMO @ Revcast"); a title that is the company, a duration or
 * an employment type is no title. Takes t; returns it or a new string. */
static char *
clean_title(char *t, const char *company)
{
	static const char *const pre[] = { ", ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " | ", ": ",
		" " MIDDOT " ", NULL };
	static const char *const post[] = { ", ", " at ", " @ ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
		" | ", " " MIDDOT " ", " chez ", " bei ", NULL };
	size_t tl, cl, i;
	char *r = NULL;
	int starts, ends;

	if (t == NULL)
		return NULL;
	if (lq_profile_is_filler(t)) {
		sfree(t);
		return NULL;
	}
	if (company == NULL)
		return t;
	tl = strlen(t);
	cl = strlen(company);
	if (strcasecmp(t, company) == 0) {
		sfree(t);
		return NULL;
	}
	/* whether t starts and ends with the company, asked once (the
	 * separators are the same tests in the same order) */
	starts = tl > cl && strncasecmp(t, company, cl) == 0;
	ends = tl > cl && strcasecmp(t + tl - cl, company) == 0;
	for (i = 0; starts && pre[i] && r == NULL; i++) {
		size_t sl = strlen(pre[i]);

		if (tl > cl + sl && strncmp(t + cl, pre[i], sl) == 0)
			r = clean(t + cl + sl);
	}
	for (i = 0; ends && post[i] && r == NULL; i++) {
		size_t sl = strlen(post[i]);

		if (tl > cl + sl && strncasecmp(t + tl - cl - sl, post[i], sl) == 0)
			r = clean_n(t, tl - cl - sl);
	}
	if (r == NULL)
		return t;
	sfree(t);
	return r;
}

static int
location_part(const char *p, size_t n, void *arg)
{
	char **out = arg;

	if (in_list(p, n, workplaces))
		return 0;
	*out = clean_n(p, n);
	return *out != NULL;
}

/* A location without workplace types ("Chicago, IL · Hybrid"); takes s. */
static char *
clean_location(char *s)
{
	char *out = NULL;

	if (s == NULL)
		return NULL;
	parts(s, location_part, &out);
	sfree(s);
	return out;
}

struct posread {
	struct lq_profile *p;
	unsigned char *grouping;	/* per position: a grouping row alone */
	size_t cap;
	int brief;	/* only what a record's fields need (lq_profile_apply) */
};

static struct lq_position *
newpos(struct posread *r)
{
	struct lq_profile *p = r->p;

	if (p->npos == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		p->pos = lq_xreallocarray(p->pos, r->cap, sizeof *p->pos);
		r->grouping = lq_xrealloc(r->grouping, r->cap);
	}
	memset(&p->pos[p->npos], 0, sizeof p->pos[0]);
	p->pos[p->npos].employees_lo = p->pos[p->npos].employees_hi = -1;
	r->grouping[p->npos] = 0;
	return &p->pos[p->npos++];
}

/* Dates and whether the role is current: an explicit flag, else the end
 * date (absent or null: current; "Present": current), else a caption
 * range; no date at all counts as current, as the original service did. */
static void
read_dates(const pval *e, const struct posmap *pm, struct lq_position *q, int brief)
{
	const pval *cv = first(e, pm->current), *ev = first(e, pm->end);
	int decided = 0, now = 0, snow = 0;

	if (v_is_boolean(cv)) {
		q->current = v_is_true(cv);
		decided = 1;
	}
	if (!brief || pm->dates)	/* brief: the start only decides with a caption */
		q->start = date_of(first(e, pm->start), &snow);
	if (ev) {
		q->end = date_of(ev, &now);
		if (!decided) {
			q->current = now || q->end == NULL;
			decided = 1;
		}
	}
	if ((!decided || q->start == NULL) && pm->dates) {
		char *ds = pick(e, pm->dates), *s, *en;
		int rnow = 0;

		if (date_range(ds, &s, &en, &rnow)) {
			if (q->start == NULL)
				q->start = s;
			else
				sfree(s);
			if (!decided) {
				q->current = rnow;
				sfree(q->end);
				q->end = en;
				decided = 1;
			} else {
				sfree(en);
			}
		}
		sfree(ds);
	}
	if (!decided)
		q->current = 1;
	if (q->current) {
		sfree(q->end);
		q->end = NULL;
	}
}

static void read_role(struct posread *r, const pval *e, const struct posmap *pm, const char *holder,
    const char *holder_et);

/* Roles grouped under one company (dev_fusion's subComponents with titles):
 * read each with the company of the row. Returns the number read. */
static size_t
read_children(struct posread *r, const pval *e, const struct posmap *pm, const char *holder,
    const char *et)
{
	const pval *ch = at(e, pm->children), *c;
	size_t i, n = 0;

	if (!v_is_array(ch) || holder == NULL)
		return 0;
	v_array_foreach(ch, i, c) {
		char *t = v_is_object(c) ? pick(c, pm->title) : NULL;

		if (t) {
			read_role(r, c, pm, holder, et);
			n++;
		}
		sfree(t);
	}
	return n;
}

/* One row of the positions array. holder: the company of a grouping row
 * this role sits under (holder_et its employment type), or NULL. */
static void
read_role(struct posread *r, const pval *e, const struct posmap *pm, const char *holder,
    const char *holder_et)
{
	char *title = pick(e, pm->title), *slot = holder ? NULL : pick(e, pm->company);
	char *company = NULL, *slot_et = NULL, *et = pick(e, pm->emptype);
	const pval *sz;
	struct lq_position *q;
	char path[128];
	int grouping = 0;

	if (holder) {
		company = sdupz(holder);
		slot_et = holder_et ? sdupz(holder_et) : NULL;
	} else {
		grouping = read_slot(slot, &company, &slot_et);
	}
	sfree(slot);
	if (et && pm->split_company && company && !in_list(et, strlen(et), emptypes)
	    && !is_duration(et, strlen(et))) {
		char *c = lq_xasprintf("%s %s", company, et);

		sfree(company);
		sfree(et);
		company = c;
		et = NULL;
	}
	if (et == NULL)
		et = slot_et, slot_et = NULL;
	sfree(slot_et);
	if (holder == NULL && pm->children) {
		const char *h = grouping || company == NULL ? title : company;

		if (h && read_children(r, e, pm, h, et) > 0) {
			sfree(title);
			sfree(company);
			sfree(et);
			return;
		}
	}
	q = newpos(r);
	if (grouping) {
		sfree(company);
		q->company = title;
		r->grouping[r->p->npos - 1] = 1;
	} else {
		q->company = company;
		q->title = clean_title(title, company);
	}
	q->employment_type = et;
	read_dates(e, pm, q, r->brief);
	if (r->brief)
		return;
	q->description = pick(e, pm->desc);
	q->location = clean_location(pick(e, pm->location));
	q->industry = pick(e, pm->industry);
	if (pm->size && (sz = first_path(e, pm->size, path, sizeof path)) != NULL)
		head_count(sz, &q->employees_lo, &q->employees_hi);
}

static void
free_pos(struct lq_position *q)
{
	sfree(q->title);
	sfree(q->company);
	sfree(q->employment_type);
	sfree(q->description);
	sfree(q->location);
	sfree(q->industry);
	sfree(q->start);
	sfree(q->end);
}

/* Reads the positions array; a grouping row whose company another row
 * names is dropped (its roles carry it). Returns 0 when the item has no
 * positions array at all. */
static int
read_positions(const pval *item, const struct posmap *pm, struct lq_profile *p, int brief)
{
	const pval *list = at(item, pm->list), *e;
	struct posread r = { p, NULL, 0, brief };
	size_t i, j, k;

	if (!v_is_array(list))
		return 0;
	v_array_foreach(list, i, e)
		if (v_is_object(e))
			read_role(&r, e, pm, NULL, NULL);
	for (i = 0, k = 0; i < p->npos; i++) {
		int drop = 0;

		for (j = 0; r.grouping[i] && j < p->npos && !drop; j++)
			drop = j != i && !r.grouping[j] && p->pos[j].company && p->pos[i].company
			    && strcasecmp(p->pos[j].company, p->pos[i].company) == 0;
		if (drop)
			free_pos(&p->pos[i]);
		else
			p->pos[k++] = p->pos[i];
	}
	p->npos = k;
	sfree(r.grouping);
	return 1;
}

/* ---- the view ---- */

static int
term_holds(const pval *o, const char *t, size_t n)
{
	const char *colon = memchr(t, ':', n);
	const pval *v = at_n(o, t, colon ? (size_t)(colon - t) : n);

	if (colon == NULL || colon + 1 == t + n)
		return present(v);
	switch (colon[1]) {
	case 'a': return v_is_array(v);
	case 'o': return v_is_object(v);
	case 's': return v_is_string(v) && v_strlen(v) > 0;
	}
	return 0;
}

/* 1 if the signature sig ("a:a&b|c") holds for o. */
static int
sig_holds(const pval *o, const char *sig)
{
	const char *p = sig;

	while (*p) {
		const char *bar = strchr(p, '|'), *end = bar ? bar : p + strlen(p);
		int all = 1;

		while (p < end && all) {
			const char *amp = memchr(p, '&', (size_t)(end - p));
			const char *te = amp ? amp : end;

			all = term_holds(o, p, (size_t)(te - p));
			p = amp ? amp + 1 : end;
		}
		if (all)
			return 1;
		p = bar ? bar + 1 : end;
	}
	return 0;
}

static const struct shape *
detect(const pval *o)
{
	size_t i;

	if (!v_is_object(o))
		return NULL;
	for (i = 0; i < LQ_NELEM(shapes); i++)
		if (sig_holds(o, shapes[i].sig))
			return &shapes[i];
	return NULL;
}

/* The object that holds the profile: item, or the "element" HarvestAPI
 * wrapped it in before October 2025. */
static const pval *
unwrap(const pval *item, const struct shape **sh, int *wrapped)
{
	const pval *el;

	*wrapped = 0;
	if ((*sh = detect(item)) != NULL)
		return item;
	el = v_is_object(item) ? v_get(item, "element") : NULL;
	if ((*sh = detect(el)) != NULL) {
		*wrapped = 1;
		return el;
	}
	return item;
}

const char *
lq_shape_name(enum lq_shape s)
{
	size_t i;

	for (i = 0; i < LQ_NELEM(shapes); i++)
		if (shapes[i].id == s)
			return shapes[i].name;
	return "unknown";
}

enum lq_shape
lq_profile_shape(const json_t *item)
{
	const struct shape *sh;
	int w;

	unwrap(PV(item), &sh, &w);
	return sh ? sh->id : LQ_SHAPE_UNKNOWN;
}

/* A member id from a value: "ACoAA..." or a URN ending in one. */
static char *
urn_of(const char *s)
{
	const char *c;

	if (s == NULL)
		return NULL;
	c = strrchr(s, ':');
	if (c && strncmp(s, "urn:li:", 7) == 0)
		s = c + 1;
	return lq_liurl_is_urn(s, strlen(s)) ? sdupz(s) : NULL;
}

static char *
pick_urn(const pval *o, const char *alts)
{
	const char *p = alts;
	const struct calts *c = alts ? calts_of(alts) : NULL;

	if (c) {
		for (size_t a = 0; a < c->nalt; a++) {
			const pval *v = walk(o, &c->alt[a]);
			char *u = v_is_string(v) ? urn_of(v_str(v)) : NULL;

			if (u)
				return u;
		}
		return NULL;
	}
	while (p && *p) {
		const char *bar = strchr(p, '|');
		const pval *v = at_n(o, p, bar ? (size_t)(bar - p) : strlen(p));
		char *u = v_is_string(v) ? urn_of(v_str(v)) : NULL;

		if (u)
			return u;
		p = bar ? bar + 1 : NULL;
	}
	return NULL;
}

static void
add_skill(struct lq_profile *p, char *s)
{
	if (s == NULL)
		return;
	/* room for a power of two of skills: grown when the count reaches one */
	if ((p->nskills & (p->nskills - 1)) == 0)
		p->skills = lq_xreallocarray(p->skills, p->nskills ? 2 * p->nskills : 1, sizeof *p->skills);
	p->skills[p->nskills++] = s;
}

/* Skills: an array of strings or of {name}/{title}, or one string
 * "A, B • C". */
static void
read_skills(const pval *o, const char *alts, struct lq_profile *p)
{
	const pval *v = first(o, alts), *e;
	size_t i;

	if (v_is_array(v)) {
		v_array_foreach(v, i, e)
			add_skill(p, v_is_string(e) ? clean_v(e) : pick(e, "name|title"));
	} else if (v_is_string(v)) {
		const char *s = v_str(v);

		while (*s) {
			size_t n = strcspn(s, ",|");
			const char *b = strstr(s, "\xe2\x80\xa2"), *d = strstr(s, MIDDOT);

			if (b && (size_t)(b - s) < n)
				n = (size_t)(b - s);
			if (d && (size_t)(d - s) < n)
				n = (size_t)(d - s);
			add_skill(p, clean_n(s, n));
			s += n;
			if (*s == ',' || *s == '|')
				s++;
			else if (*s)
				s += strncmp(s, MIDDOT, 2) == 0 ? 2 : 3;
		}
	}
}

static void
add_title(json_t *titles, char *t)
{
	size_t i;
	json_t *v;

	if (t == NULL)
		return;
	json_array_foreach(titles, i, v)
		if (strcmp(json_string_value(v), t) == 0) {
			sfree(t);
			return;
		}
	json_array_append_new(titles, json_string(t));
	sfree(t);
}

static char *
dup_or_null(const char *s)
{
	return s ? sdupz(s) : NULL;
}

/* brief: only what lq_profile_apply writes into a record (name,
 * headline, location, company, titles, public id) and what decides a
 * failure report (has_data); the rest stays NULL, unread. */
static void
read_person(const pval *o, const struct shape *sh, struct lq_profile *p, int brief)
{
	char *f = pick(o, sh->first), *l = pick(o, sh->last), path[128];
	const struct lq_position *cp = NULL;
	const pval *v;
	size_t i;
	int had;

	if (f || l) {
		/* "%s%s%s": first, a space when both, last */
		struct lq_buf nb = LQ_BUF_INIT;

		if (f)
			lq_buf_adds(&nb, f);
		if (f && l)
			lq_buf_addc(&nb, ' ');
		if (l)
			lq_buf_adds(&nb, l);
		p->name = clean(nb.data ? nb.data : "");
		lq_buf_free(&nb);
	} else {
		p->name = pick(o, sh->full);
	}
	sfree(f);
	sfree(l);
	p->headline = pick(o, sh->headline);
	p->location = clean_location(pick(o, sh->location));
	p->public_id = pick(o, sh->public_id);
	if (!brief) {
		p->summary = pick(o, sh->summary);
		p->industry = pick(o, sh->industry);
		p->urn = pick_urn(o, sh->urn);
	}
	if (p->public_id && lq_liurl_is_urn(p->public_id, strlen(p->public_id))) {
		if (p->urn == NULL && !brief)
			p->urn = p->public_id;
		else
			sfree(p->public_id);
		p->public_id = NULL;
	}
	if (!brief) {
		p->url = pick(o, sh->url);
		read_skills(o, sh->skills, p);
	}
	had = read_positions(o, &sh->pm, p, brief);

	/* The current company: the first current position naming one. */
	for (i = 0; i < p->npos; i++)
		if (p->pos[i].current) {
			if (cp == NULL || (cp->company == NULL && p->pos[i].company))
				cp = &p->pos[i];
			add_title(p->titles, dup_or_null(p->pos[i].title));
		}
	if (cp) {
		p->company = dup_or_null(cp->company);
		p->company_industry = dup_or_null(cp->industry);
		if (cp->employees_lo >= 0 && !brief) {
			p->employees_lo = cp->employees_lo;
			p->employees_hi = cp->employees_hi;
			head_count_text(sh->pm.size, NULL, cp->employees_lo, cp->employees_hi,
			    &p->employees_text, &p->employees_src);
		}
	} else if (!had) {
		/* No positions at all: the current job as the actor flattens it. */
		char *slot = pick(o, sh->co_name), *c, *et;

		if (read_slot(slot, &c, &et))
			sfree(c), c = NULL;
		sfree(slot);
		sfree(et);
		p->company = c;
		add_title(p->titles, clean_title(pick(o, sh->co_title), c));
	}
	if (brief) {
		if (!p->name && !p->headline && p->npos == 0)
			p->summary = pick(o, sh->summary);	/* has_data */
		return;
	}
	if (p->company_industry == NULL)
		p->company_industry = pick(o, sh->co_industry);
	p->company_description = pick(o, sh->co_desc);
	if (p->employees_lo < 0 && sh->co_size && (v = first_path(o, sh->co_size, path, sizeof path)) != NULL
	    && head_count(v, &p->employees_lo, &p->employees_hi))
		head_count_text(path, v, p->employees_lo, p->employees_hi, &p->employees_text, &p->employees_src);
}

/* The actor's reason when item reports a failure instead of a profile:
 * "error" (text or {message}), errorMessage, #error, a message with an
 * HTTP-like status of 400 or more or success false. A new string or NULL. */
static char *
failure_of(const pval *item)
{
	const pval *err = v_get(item, "error"), *st = v_get(item, "status");
	long status = v_is_integer(st) ? (long)v_integer(st)
	    : v_is_integer(v_get(item, "statusCode"))
	    ? (long)v_integer(v_get(item, "statusCode")) : 0;
	int flagged = v_is_true(err) || v_is_true(v_get(item, "#error"))
	    || v_is_false(v_get(item, "success")) || v_is_false(v_get(item, "succeeded"))
	    || (v_is_string(st) && (strcasecmp(v_str(st), "error") == 0
		|| strcasecmp(v_str(st), "failed") == 0 || strcasecmp(v_str(st), "not_found") == 0));
	char *t = NULL, *r;

	if (v_is_string(err))
		t = clean(v_str(err));
	else if (v_is_object(err))
		t = pick(err, "message|error|description|type|code");
	if (t == NULL)
		t = pick(item, "errorMessage|error_message|errorMsg|#error|#debug.errorMessages");
	if (t == NULL && (flagged || status >= 400))
		t = pick(item, "message|statusMessage|detail|reason");
	if (t == NULL && status >= 400)
		return lq_xasprintf("status %ld", status);
	if (t == NULL && flagged)
		return lq_xstrdup("the actor reports a failure without a reason");
	if (t == NULL || status < 400)
		return t;
	r = lq_xasprintf("%s (status %ld)", t, status);
	sfree(t);
	return r;
}

/* The failure code of a reason: private_profile, not_found or actor_error. */
static const char *
failure_code(const char *why)
{
	static const char *const priv[] = { "private", "not public", "out of network", "out-of-network",
		"restricted", "not visible", NULL };
	static const char *const gone[] = { "not found", "not exist", "doesn't exist", "no longer",
		"unavailable", "removed", "deleted", "no such", "(status 404)", "status 410", NULL };
	size_t i;

	for (i = 0; priv[i]; i++)
		if (strcasestr(why, priv[i]))
			return "private_profile";
	for (i = 0; gone[i]; i++)
		if (strcasestr(why, gone[i]))
			return "not_found";
	return "actor_error";
}

static int
has_data(const struct lq_profile *p)
{
	return p->name || p->headline || p->summary || p->npos > 0;
}

static int profile_read_in(const pval *item, struct lq_profile *p, int brief);

static int
profile_read(const pval *item, struct lq_profile *p, int brief)
{
	struct lq_profile *was;
	int r;

	memset(p, 0, sizeof *p);
	p->employees_lo = p->employees_hi = -1;
	p->titles = json_array();
	was = cur;
	cur = p;
	r = profile_read_in(item, p, brief);
	cur = was;
	return r;
}

static int
profile_read_in(const pval *item, struct lq_profile *p, int brief)
{
	const struct shape *sh;
	const pval *o;
	char *why, *keys;

	o = unwrap(item, &sh, &p->wrapped);
	if (sh == NULL) {
		why = v_is_object(item) ? failure_of(item) : NULL;
		if (why) {
			p->error = why;
			return LQ_PROFILE_FAILURE;
		}
		/* lq_profile_of, the only reader of a view, drops the message */
		keys = view ? lq_xstrdup("(a view)") : lq_profile_keys_text(JS(item));
		p->error = lq_xasprintf("unknown item shape: %s", keys);
		sfree(keys);
		return LQ_PROFILE_UNKNOWN;
	}
	p->shape = sh->id;
	read_person(o, sh, p, brief);
	/* the actor's failure report counts only for an item without data
	 * (failure_of reads the item alone: asked after, it says the same) */
	if (!has_data(p) && v_is_object(item) && (why = failure_of(item)) != NULL) {
		p->error = why;
		return LQ_PROFILE_FAILURE;
	}
	return LQ_PROFILE_OK;
}

int
lq_profile_read(const json_t *item, struct lq_profile *p)
{
	return profile_read(PV(item), p, 0);
}

/* lq_profile_of on item (a pval): the view of an object, the keys every
 * shape shares when its shape is unknown; empty for anything else. */
static void
profile_of(const pval *item, struct lq_profile *p)
{
	const pval *gc;

	if (v_is_object(item) && profile_read(item, p, 0) != LQ_PROFILE_UNKNOWN) {
		pfree(p, p->error);		/* a reader wants what is known, not why */
		p->error = NULL;
	} else {
		if (v_is_object(item))
			lq_profile_free(p);
		memset(p, 0, sizeof *p);
		p->employees_lo = p->employees_hi = -1;
		/* A profile object of no known shape in a record (made by hand, or by
		 * another tool): read with the keys every shape shares. */
		if (v_is_object(item)) {
			struct lq_profile *was = cur;

			p->titles = json_array();
			cur = p;
			read_person(item, &shapes[LQ_NELEM(shapes) - 1], p, 0);
			cur = was;
		}
	}
	gc = v_is_object(item) ? v_get(item, "geoCountryName") : NULL;
	p->country = v_is_string(gc) ? lq_xstrdup(v_str(gc)) : NULL;
}

static int
same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int
lq_profile_same(const struct lq_profile *a, const struct lq_profile *b)
{
	const char *sa[] = { a->name, a->headline, a->location, a->summary, a->industry, a->public_id, a->urn,
		a->url, a->company, a->company_industry, a->company_description, a->employees_text,
		a->employees_src, a->country, a->error };
	const char *sb[] = { b->name, b->headline, b->location, b->summary, b->industry, b->public_id, b->urn,
		b->url, b->company, b->company_industry, b->company_description, b->employees_text,
		b->employees_src, b->country, b->error };
	size_t i;

	if (a->shape != b->shape || a->wrapped != b->wrapped || a->npos != b->npos || a->nskills != b->nskills ||
	    a->employees_lo != b->employees_lo || a->employees_hi != b->employees_hi ||
	    (a->titles == NULL) != (b->titles == NULL) || (a->titles && !json_equal(a->titles, b->titles)))
		return 0;
	for (i = 0; i < LQ_NELEM(sa); i++)
		if (!same_str(sa[i], sb[i]))
			return 0;
	for (i = 0; i < a->nskills; i++)
		if (!same_str(a->skills[i], b->skills[i]))
			return 0;
	for (i = 0; i < a->npos; i++) {
		const struct lq_position *p = &a->pos[i], *q = &b->pos[i];

		if (!same_str(p->title, q->title) || !same_str(p->company, q->company) ||
		    !same_str(p->employment_type, q->employment_type) || !same_str(p->description, q->description) ||
		    !same_str(p->location, q->location) || !same_str(p->industry, q->industry) ||
		    !same_str(p->start, q->start) || !same_str(p->end, q->end) || p->current != q->current ||
		    p->employees_lo != q->employees_lo || p->employees_hi != q->employees_hi)
			return 0;
	}
	return 1;
}

void
lq_profile_view_text(int on)
{
	view_off = !on;
}

void
lq_profile_of(const json_t *rec, struct lq_profile *p)
{
	const char *raw;
	size_t rawlen;

	/* The record's profile not yet read: its text is viewed (jview.h),
	 * no jansson value is made, and the member stays unread, so the
	 * writer copies its text. */
	if (!view_off && json_is_object(rec) && lq_lazy_peek(rec, "profile", &raw, &rawlen) == NULL && raw) {
		static _Thread_local struct lq_jv jv;
		const struct lq_jv_node *root = lq_jv_parse_checked(&jv, raw, rawlen);	/* the scanner took it */

		if (root) {
			view = &jv;
			profile_of(PV(root), p);
			view = NULL;
			return;
		}
	}

	const json_t *item = json_object_get(rec, "profile");
	/* The view is read from a copy of a lazy profile (the text shared,
	 * every member unread) that goes when the view is made: the record's
	 * own profile stays unread, so it is written as the one copy of its
	 * text it came as, not dumped and compared member by member. */
	json_t *copy = lq_lazy_pristine(item);

	profile_of(PV(copy ? copy : item), p);
	json_decref(copy);
}

void
lq_profile_free(struct lq_profile *p)
{
	struct lq_profile *was = cur;
	size_t i;

	cur = p;	/* sfree leaves p's arena strings to the arena */
	sfree(p->name);
	sfree(p->headline);
	sfree(p->location);
	sfree(p->summary);
	sfree(p->industry);
	sfree(p->public_id);
	sfree(p->urn);
	sfree(p->url);
	for (i = 0; i < p->npos; i++)
		free_pos(&p->pos[i]);
	free(p->pos);
	for (i = 0; i < p->nskills; i++)
		sfree(p->skills[i]);
	free(p->skills);
	sfree(p->company);
	sfree(p->company_industry);
	sfree(p->company_description);
	sfree(p->employees_text);
	sfree(p->employees_src);
	json_decref(p->titles);
	sfree(p->country);
	sfree(p->error);
	cur = was;
	while (p->arena) {
		struct lq_profile_arena *a = p->arena;

		p->arena = a->next;
		free(a);
	}
	memset(p, 0, sizeof *p);
}

/* ---- records ---- */

static void
set_or_null(json_t *rec, const char *key, const char *s)
{
	if (s)
		lq_rec_set_str(rec, key, s);
	else
		json_object_set_new(rec, key, json_null());
}

/* linkedin_url in the slug form when the profile names its slug; the link
 * it replaces kept in discovered_url; public_identifier filled in. */
static void
slug_url(json_t *rec, const char *slug)
{
	char url[LQ_LIURL_URL_MAX];
	struct lq_liurl u;
	const char *old = lq_rec_str(rec, "linkedin_url"), *pid = lq_rec_str(rec, "public_identifier");

	if (slug == NULL || strlen(slug) > LQ_LIURL_ID_MAX)
		return;
	lq_liurl_format(url, slug);
	if (lq_liurl_parse(url, strlen(url), &u) != LQ_LIURL_OK || u.kind != LQ_LIURL_SLUG)
		return;
	if (old == NULL || strcmp(old, u.url) != 0) {
		if (old && *old && json_object_get(rec, "discovered_url") == NULL)
			lq_rec_set_str(rec, "discovered_url", old);
		lq_rec_set_str(rec, "linkedin_url", u.url);
	}
	if (pid == NULL || *pid == '\0')
		lq_rec_set_str(rec, "public_identifier", u.slug);
}

int
lq_profile_apply(json_t *rec, json_t *item, const char *where)
{
	struct lq_profile p;
	/* The profile the record carries is the item as it came: a lazy
	 * item (a cached one) is kept as a copy with nothing read, so the
	 * writer copies its text instead of comparing what the view read
	 * (lq_profile_read reads the item through const pointers only). */
	json_t *keep = lq_lazy_pristine(item);
	int r = profile_read(PV(item), &p, 1);

	if (r == LQ_PROFILE_FAILURE) {
		lq_rec_fail(rec, failure_code(p.error), "%s: the actor reports: %s", where, p.error);
	} else if (r == LQ_PROFILE_UNKNOWN) {
		lq_rec_fail(rec, "bad_item", "%s: %s", where, p.error);
	} else {
		lq_rec_set_status(rec, "enriched");
		set_or_null(rec, "name", p.name);
		set_or_null(rec, "headline", p.headline);
		set_or_null(rec, "company", p.company);
		set_or_null(rec, "location", p.location);
		json_object_set(rec, "current_job_titles", p.titles);
		json_object_set_new(rec, "profile", keep ? keep : json_incref(item));
		keep = NULL;
		json_object_del(rec, "error");
		slug_url(rec, p.public_id);
	}
	json_decref(keep);
	lq_profile_free(&p);
	return r;
}

/* ---- keys ---- */

/* The member-id test of the cache keys (kept as it was when caches were
 * first written: a looser test than lq_liurl_is_urn). */
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

char *
lq_profile_url_key(const char *url)
{
	struct lq_liurl u;

	/* The extract-urls normaliser: every link form it knows (country
	 * hosts, /pub/ legacy paths, sub-pages, percent-encoding) gives the
	 * key the canonical URL would. The slug when there is one, since an
	 * input URL and the item's inputUrl name the person the same way. */
	if (url == NULL || lq_liurl_parse(url, strlen(url), &u) != LQ_LIURL_OK)
		return NULL;
	return lq_profile_key(u.path_id);
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

/* The key of a value that may be an id, a URN or a URL. */
static char *
any_key(const char *s)
{
	char *u;

	if (s == NULL || *s == '\0')
		return NULL;
	if (strchr(s, '/') || strstr(s, "linkedin."))
		return lq_profile_url_key(s);
	if ((u = urn_of(s)) != NULL) {
		char *k = lq_profile_key(u);

		free(u);
		return k;
	}
	if (strncmp(s, "urn:", 4) == 0 || strchr(s, ' '))
		return NULL;
	return lq_profile_key(s);
}

static int
add_keys(const json_t *item, const char *alts, char **keys, int n)
{
	const char *p = alts;

	while (p && *p) {
		const char *bar = strchr(p, '|');
		const json_t *v = JS(at_n(PV(item), p, bar ? (size_t)(bar - p) : strlen(p)));

		if (json_is_string(v))
			n = add_key(keys, n, any_key(json_string_value(v)));
		p = bar ? bar + 1 : NULL;
	}
	return n;
}

int
lq_profile_item_keys(const json_t *item, char **keys)
{
	const struct shape *sh;
	const json_t *o = JS(unwrap(PV(item), &sh, &(int){ 0 }));
	int n = 0;

	if (sh) {
		n = add_keys(o, sh->urn, keys, n);
		n = add_keys(o, sh->public_id, keys, n);
		n = add_keys(o, sh->url, keys, n);
	}
	/* supreme_coder's "id" is a numeric member id: not a key of ours, and
	 * harmless since no input carries it. */
	n = add_keys(item, id_paths, keys, n);
	n = add_keys(item, url_paths, keys, n);
	return n;
}

int
lq_profile_record_keys(const json_t *rec, char **keys)
{
	int n = 0;

	n = add_key(keys, n, lq_profile_key(lq_rec_str(rec, "id")));
	n = add_key(keys, n, lq_profile_key(lq_rec_str(rec, "public_identifier")));
	n = add_key(keys, n, lq_profile_url_key(lq_rec_str(rec, "linkedin_url")));
	n = add_key(keys, n, lq_profile_url_key(lq_rec_str(rec, "discovered_url")));
	return n;
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
lq_profile_cache_get_keys(struct lq_cache *c, const char *actor, char *const *keys, int n,
    double max_age, char *hex)
{
	json_t *o = NULL;
	int i;

	for (i = 0; i < n && o == NULL; i++) {
		struct lq_cache_key k;

		lq_cache_key(&k, LQ_NS_PROFILE, LQ_PROFILE_NS_VERSION, actor, keys[i], strlen(keys[i]));
		o = lq_cache_get_json(c, LQ_NS_PROFILE, &k, max_age);
		if (o && !json_is_object(json_object_get(o, "item"))) {
			json_decref(o);
			o = NULL;
		}
		if (o && hex)
			memcpy(hex, k.hex, sizeof k.hex);
	}
	return o;
}

json_t *
lq_profile_cache_get(struct lq_cache *c, const char *actor, const json_t *rec,
    double max_age, char *hex)
{
	char *keys[LQ_PROFILE_MAXKEYS];
	int n = lq_profile_record_keys(rec, keys), i;
	json_t *o = lq_profile_cache_get_keys(c, actor, keys, n, max_age, hex);

	for (i = 0; i < n; i++)
		free(keys[i]);
	return o;
}

struct import {
	struct lq_cache *c;
	const char *actor, *name;
	char *source;
	char ts[32];
	long stored;
	struct lq_skips skips;
};

static int
import_one(json_t *item, unsigned long line, void *arg)
{
	struct import *im = arg;
	char *keys[LQ_PROFILE_MAXKEYS];
	struct lq_profile p;
	int n, i, r = lq_profile_read(item, &p);

	if (r != LQ_PROFILE_OK) {
		lq_profile_skip(&im->skips, line, r, p.error);
		lq_profile_free(&p);
		return 0;
	}
	lq_profile_free(&p);
	n = lq_profile_item_keys(item, keys);
	for (i = 0; i < n; i++)
		free(keys[i]);
	if (n == 0) {
		lq_profile_skip(&im->skips, line, LQ_PROFILE_OK, NULL);
		return 0;
	}
	if (lq_profile_cache_put(im->c, im->actor, item, im->ts, im->source) > 0)
		im->stored++;
	return 0;
}

void
lq_profile_skip(struct lq_skips *s, unsigned long line, int r, const char *why)
{
	s->n++;
	if (r == LQ_PROFILE_UNKNOWN)
		s->unknown++;
	else if (r == LQ_PROFILE_FAILURE)
		s->failures++;
	else
		s->nokey++;
	if (s->n > LQ_PROFILE_SKIPS_SHOWN)
		return;
	if (r == LQ_PROFILE_UNKNOWN)
		lq_warn("%s:%lu: %s, skipped", s->name, line, why);
	else if (r == LQ_PROFILE_FAILURE)
		lq_warn("%s:%lu: the actor's failure report, no profile: %s; skipped", s->name, line, why);
	else
		lq_warn("%s:%lu: item has no profile id, public identifier or profile URL, skipped",
		    s->name, line);
}

void
lq_profile_skip_done(const struct lq_skips *s)
{
	if (s->n > LQ_PROFILE_SKIPS_SHOWN)
		lq_warn("%s: %ld items skipped in all (%ld of unknown shape, %ld failure reports, %ld without a key)",
		    s->name, s->n, s->unknown, s->failures, s->nokey);
}

long
lq_profile_import(struct lq_cache *c, const char *actor, FILE *fp, const char *name, long *bad)
{
	struct import im = { c, actor, name, NULL, "", 0, { name, 0, 0, 0, 0 } };
	const char *base = strrchr(name, '/');
	long n, nbad = 0;

	im.source = lq_xasprintf("import:%s", base ? base + 1 : name);
	lq_iso_now(im.ts, sizeof im.ts);
	n = lq_dataset_read(fp, name, import_one, &im, &nbad);
	lq_profile_skip_done(&im.skips);
	free(im.source);
	if (bad)
		*bad = nbad + im.skips.n;
	return n < 0 && im.stored == 0 ? -1 : im.stored;
}
