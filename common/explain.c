/* explain.c: plain-word reasons and evidence from a lead's score components. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "explain.h"
#include "liurl.h"
#include "match.h"
#include "util.h"

_Static_assert(LQ_EXPLAIN_URL_MAX >= LQ_LIURL_URL_MAX, "LQ_EXPLAIN_URL_MAX too small");

/* Where a component's value turns from one word into the next. Title and
 * industry similarities come from the same scale (docs/scoring.md): 1 is
 * the same role or industry group, 0.8 one seniority level apart, 0.5 a
 * related industry group, below 0.3 a different function. */
#define TITLE_MATCH 0.9
#define TITLE_CLOSE 0.6
#define TITLE_LOOSE 0.3
#define INDUSTRY_MATCH 0.75
#define INDUSTRY_RELATED 0.4
#define SIZE_MATCH 0.99
#define SIZE_NEAR 0.5
/* The baseline's cosine between profile and ICP sentence: 0.3 maps to
 * score 30 and 0.9 to 100 (docs/scoring.md). */
#define COS_VERY 0.6
#define COS_CLOSE 0.45
#define COS_SOME 0.3

static const json_t *
comp(const json_t *rec, const char *name)
{
	const json_t *c = json_object_get(json_object_get(rec, "components"), name);

	return json_is_object(c) ? c : NULL;
}

static const char *
str(const json_t *o, const char *key)
{
	const char *s = json_string_value(json_object_get(o, key));

	return s && *s ? s : NULL;
}

/* The component's "value" (a number), or -1. */
static double
val(const json_t *o)
{
	const json_t *v = json_object_get(o, "value");

	return json_is_number(v) ? json_number_value(v) : -1;
}

const char *
lq_explain_known(const char *s)
{
	if (s == NULL || *s == '\0' || strcasecmp(s, "other") == 0 || strcasecmp(s, "unknown") == 0)
		return NULL;
	return s;
}

/* Appends s with each Capitalised word (an upper-case letter then only
 * lower-case ones) in lower case: "Financial Services" -> "financial
 * services", while "SaaS", "HRTech" and "B2B" stay as they are. */
static void
add_common(struct lq_buf *b, const char *s)
{
	while (*s) {
		size_t n = strcspn(s, " -/");
		int cap = n > 1 && isupper((unsigned char)s[0]);

		for (size_t i = 1; cap && i < n; i++)
			if (!islower((unsigned char)s[i]))
				cap = 0;
		if (cap) {
			lq_buf_addc(b, tolower((unsigned char)s[0]));
			lq_buf_add(b, s + 1, n - 1);
		} else {
			lq_buf_add(b, s, n);
		}
		s += n;
		if (*s)
			lq_buf_addc(b, *s++);
	}
}

/* Appends "a" or "an" for the word w: by its first letter, or for an
 * initialism (two capitals: "HRTech") by how its first letter is said. */
static void
add_article(struct lq_buf *b, const char *w)
{
	int c = (unsigned char)w[0];
	int an = c && strchr("aeiouAEIOU", c);

	if (isupper(c) && isupper((unsigned char)w[1]))
		an = strchr("AEFHILMNORSX", c) != NULL;
	lq_buf_adds(b, an ? "an " : "a ");
}

/* Appends the strings of array a joined as "x, y and z"; returns how many. */
static size_t
add_list(struct lq_buf *b, const json_t *a)
{
	size_t i, n = 0, total = 0;
	const json_t *e;

	json_array_foreach(a, i, e)
		if (json_is_string(e) && json_string_length(e))
			total++;
	json_array_foreach(a, i, e) {
		if (!json_is_string(e) || json_string_length(e) == 0)
			continue;
		if (n)
			lq_buf_adds(b, n + 1 == total ? " and " : ", ");
		lq_buf_adds(b, json_string_value(e));
		n++;
	}
	return n;
}

static void
clause_sep(struct lq_buf *b, size_t start)
{
	if (b->len > start)
		lq_buf_adds(b, "; ");
}

/* The role clause: the matched title against the targets, or a knock-out. */
static void
role_clause(struct lq_buf *b, const json_t *rec)
{
	const json_t *t = comp(rec, "title"), *x = comp(rec, "exclude");
	const char *lead, *target;
	double v;

	if (x && json_is_true(json_object_get(x, "knocked_out"))) {
		const char *ex = str(x, "excluded");

		lead = str(x, "lead");
		if (lead == NULL)
			lead = "The role";
		lq_buf_adds(b, lead);
		lq_buf_adds(b, ", an excluded role");
		if (ex && strcasecmp(ex, lead) != 0)
			lq_buf_addf(b, " (%s)", ex);
		return;
	}
	if (t == NULL)
		return;
	lead = str(t, "lead");
	target = str(t, "target");
	v = val(t);
	if (lead == NULL) {
		lq_buf_adds(b, "No current job title");
		return;
	}
	lq_buf_adds(b, lead);
	if (v < 0 || target == NULL)
		return;
	if (v >= TITLE_MATCH && strcasecmp(lead, target) == 0)
		lq_buf_adds(b, ", a target role");
	else if (v >= TITLE_MATCH)
		lq_buf_addf(b, ", equivalent to the target %s", target);
	else if (v >= TITLE_CLOSE)
		lq_buf_addf(b, ", close to the target %s", target);
	else if (v >= TITLE_LOOSE)
		lq_buf_addf(b, ", loosely related to the target %s", target);
	else
		lq_buf_adds(b, ", not a target role");
}

/* How a company type reads in a noun phrase: an adjective before the
 * industry, or the noun itself. */
static void
size_words(const char *size, const char **adj, const char **noun)
{
	static const struct { const char *type, *adj, *noun; } w[] = {
		{ "startup", NULL, "startup" },
		{ "scaleup", NULL, "scale-up" },
		{ "mid-market", "mid-market", "company" },
		{ "enterprise", "large", "company" },
		{ "agency", NULL, "agency" },
		{ "freelance", NULL, "freelancer" },
	};

	*adj = NULL;
	*noun = "company";
	for (size_t i = 0; size && i < LQ_NELEM(w); i++)
		if (strcasecmp(size, w[i].type) == 0) {
			*adj = w[i].adj;
			*noun = w[i].noun;
			return;
		}
	if (size) {
		*adj = size;	/* a type lq does not know: said as it is */
		*noun = "company";
	}
}

/* The company clause: "a mid-market SaaS company", with what is outside
 * the targets or unknown said after it. */
static void
company_clause(struct lq_buf *b, const json_t *rec)
{
	const json_t *ic = comp(rec, "industry"), *sc = comp(rec, "company_type");
	const char *ind = NULL, *size = NULL, *adj, *noun;
	const char *notes[3];
	size_t nn = 0;
	struct lq_buf np = LQ_BUF_INIT;

	if (ic == NULL && sc == NULL)
		return;
	if (ic)
		ind = lq_explain_known(str(ic, "lead"));
	if (sc)
		size = lq_explain_known(str(sc, "lead"));
	if (ic && sc && ind == NULL && size == NULL) {
		lq_buf_adds(b, "company size and industry unknown");
		return;
	}
	size_words(size, &adj, &noun);
	if (adj) {
		lq_buf_adds(&np, adj);
		lq_buf_addc(&np, ' ');
	}
	if (ind) {
		add_common(&np, ind);
		lq_buf_addc(&np, ' ');
	}
	lq_buf_adds(&np, noun);
	add_article(b, np.data);
	lq_buf_add(b, np.data, np.len);
	lq_buf_free(&np);

	if (ic && ind == NULL)
		notes[nn++] = "industry unknown";
	else if (ic && val(ic) >= 0 && val(ic) < INDUSTRY_RELATED)
		notes[nn++] = "outside the target industries";
	else if (ic && val(ic) >= 0 && val(ic) < INDUSTRY_MATCH)
		notes[nn++] = "in an industry related to the targets";
	if (sc && size == NULL)
		notes[nn++] = "size unknown";
	else if (sc && val(sc) >= 0 && val(sc) < SIZE_NEAR)
		notes[nn++] = "not a target company size";
	else if (sc && val(sc) >= 0 && val(sc) < SIZE_MATCH)
		notes[nn++] = "next to the target sizes";
	for (size_t i = 0; i < nn; i++)
		lq_buf_addf(b, "%s%s", i == 0 ? ", " : " and ", notes[i]);
}

static void
keyword_clause(struct lq_buf *b, const json_t *rec)
{
	const json_t *k = comp(rec, "keywords");
	struct lq_buf t = LQ_BUF_INIT, u = LQ_BUF_INIT;
	size_t nf, ns;

	if (k == NULL)
		return;
	nf = add_list(&t, json_object_get(k, "found"));
	ns = add_list(&u, json_object_get(k, "similar"));
	if (nf) {
		lq_buf_adds(b, "mentions ");
		lq_buf_add(b, t.data, t.len);
	}
	if (ns) {
		lq_buf_adds(b, nf ? ", and touches on " : "touches on ");
		lq_buf_add(b, u.data, u.len);
	}
	if (nf + ns == 0)
		lq_buf_adds(b, "none of the target keywords");
	lq_buf_free(&t);
	lq_buf_free(&u);
}

static const char *
cosine_words(double c)
{
	return c >= COS_VERY ? "very close to" : c >= COS_CLOSE ? "close to" :
	    c >= COS_SOME ? "somewhat like" : "unlike";
}

/* A degraded lead (warnings[], docs/reliability.md) says which stage did
 * not answer, once per stage: the score stands without that evidence. */
static void
warning_clause(struct lq_buf *b, const json_t *rec)
{
	const json_t *ws = json_object_get(rec, "warnings"), *e;
	const char *seen[8];
	size_t i, n = 0, k;

	json_array_foreach(ws, i, e) {
		const char *stage = json_string_value(json_object_get(e, "stage"));

		if (stage == NULL || *stage == '\0')
			stage = "a stage";
		for (k = 0; k < n && strcmp(seen[k], stage) != 0; k++)
			;
		if (k < n || n == LQ_NELEM(seen))
			continue;
		seen[n++] = stage;
	}
	if (n == 0)
		return;
	lq_buf_adds(b, " Partly checked: no answer from ");
	for (k = 0; k < n; k++) {
		const char *s = seen[k];

		if (k)
			lq_buf_adds(b, k + 1 == n ? " and " : ", ");
		if (strcmp(s, "rerank") == 0)
			lq_buf_adds(b, "the reranker");
		else if (strcmp(s, "classify") == 0)
			lq_buf_adds(b, "the industry labeller");
		else
			lq_buf_addf(b, "%.40s", s);
	}
	lq_buf_addc(b, '.');
}

int
lq_explain_reason(const json_t *rec, struct lq_buf *b)
{
	const json_t *cs = json_object_get(rec, "components");
	const json_t *cos = json_object_get(cs, "cosine");
	size_t start = b->len;

	if (!json_is_object(cs))
		return 0;
	role_clause(b, rec);
	{
		size_t here = b->len;

		clause_sep(b, start);
		company_clause(b, rec);
		if (b->len == here + 2)
			b->len = here;	/* nothing after the separator */
	}
	{
		size_t here = b->len;

		clause_sep(b, start);
		keyword_clause(b, rec);
		if (b->len == here + 2)
			b->len = here;
	}
	if (json_is_number(cos)) {
		clause_sep(b, start);
		lq_buf_addf(b, "profile reads %s the ICP as a whole", cosine_words(json_number_value(cos)));
	}
	if (b->len == start)
		return 0;
	if (b->data[start] >= 'a' && b->data[start] <= 'z')
		b->data[start] = (char)(b->data[start] - 'a' + 'A');
	lq_buf_addc(b, '.');
	warning_clause(b, rec);
	return 1;
}

/* Starts the next evidence item; NULL when it is full. */
static struct lq_evidence *
item(struct lq_evidence *it, size_t *n, size_t max, const char *criterion,
    const char *label, int verdict, double value, struct lq_buf *text)
{
	struct lq_evidence *e;

	if (*n >= max) {
		lq_buf_free(text);
		return NULL;
	}
	e = &it[(*n)++];
	e->criterion = criterion;
	e->label = label;
	e->verdict = verdict;
	e->value = value;
	e->text = lq_buf_detach(text);
	return e;
}

static const char *
source_words(const char *src)
{
	if (src == NULL)
		return NULL;
	if (strcmp(src, "classify") == 0)
		return "labelled by classify";
	if (strcmp(src, "profile") == 0)
		return "from the LinkedIn profile";
	if (strcmp(src, "signal") == 0)
		return "read in the profile text";
	return NULL;
}

size_t
lq_explain_evidence(const json_t *rec, struct lq_evidence *it, size_t max)
{
	struct lq_buf t = LQ_BUF_INIT;
	const json_t *c, *w, *e;
	size_t n = 0, i;
	double v;

	if ((c = comp(rec, "title")) != NULL) {
		const char *lead = str(c, "lead"), *target = str(c, "target");

		v = val(c);
		if (lead == NULL)
			lq_buf_adds(&t, "No current job title to compare with the targets");
		else if (target == NULL || v < 0)
			lq_buf_adds(&t, lead);
		else if (v >= TITLE_MATCH)
			lq_buf_addf(&t, "%s matches the target title %s", lead, target);
		else if (v >= TITLE_CLOSE)
			lq_buf_addf(&t, "%s is close to the target title %s", lead, target);
		else if (v >= TITLE_LOOSE)
			lq_buf_addf(&t, "%s is loosely related to the target title %s", lead, target);
		else
			lq_buf_addf(&t, "%s is not a target role (the closest target: %s)", lead, target);
		item(it, &n, max, "title", "Title", v >= TITLE_CLOSE ? LQ_FOR :
		    v >= TITLE_LOOSE ? LQ_NEUTRAL : LQ_AGAINST, v, &t);
	}
	if ((c = comp(rec, "exclude")) != NULL) {
		const char *lead = str(c, "lead"), *ex = str(c, "excluded");
		int out = json_is_true(json_object_get(c, "knocked_out"));

		if (out)
			lq_buf_addf(&t, "%s is an excluded role (%s): the score is capped",
			    lead ? lead : "The title", ex ? ex : "excluded titles");
		else
			lq_buf_addf(&t, "Not an excluded role%s%s%s", ex ? " (the closest: " : "",
			    ex ? ex : "", ex ? ")" : "");
		item(it, &n, max, "exclude", "Excluded roles", out ? LQ_AGAINST : LQ_NEUTRAL, val(c), &t);
	}
	if ((c = comp(rec, "industry")) != NULL) {
		const char *lead = lq_explain_known(str(c, "lead")), *target = str(c, "target");
		const char *src = source_words(str(c, "source"));

		v = val(c);
		if (lead == NULL) {
			lq_buf_adds(&t, "Industry not known");
			if (target && v >= 0)
				lq_buf_addf(&t, "; the profile text is %s %s",
				    v >= 0.3 ? "close to" : v >= 0.1 ? "somewhat like" : "far from", target);
		} else {
			lq_buf_adds(&t, lead);
			if (src)
				lq_buf_addf(&t, " (%s)", src);
			if (target && v >= INDUSTRY_MATCH)
				lq_buf_addf(&t, ": matches the target %s", target);
			else if (target && v >= INDUSTRY_RELATED)
				lq_buf_addf(&t, ": related to the target %s", target);
			else if (target && v >= 0)
				lq_buf_addf(&t, ": outside the target industries (the closest: %s)", target);
		}
		item(it, &n, max, "industry", "Industry", lead == NULL ? LQ_NEUTRAL :
		    v >= INDUSTRY_MATCH ? LQ_FOR : v >= INDUSTRY_RELATED ? LQ_NEUTRAL : LQ_AGAINST, v, &t);
	}
	if ((c = comp(rec, "company_type")) != NULL) {
		const char *lead = lq_explain_known(str(c, "lead")), *src = str(c, "source");
		const char *sig = str(c, "signal");

		v = val(c);
		if (lead == NULL) {
			lq_buf_adds(&t, "Company size not known");
		} else {
			lq_buf_adds(&t, lead);
			if (src && strcmp(src, "signal") == 0 && sig)
				lq_buf_addf(&t, " (read in the profile text: %s)", sig);
			else if (source_words(src))
				lq_buf_addf(&t, " (%s)", source_words(src));
			lq_buf_adds(&t, v >= SIZE_MATCH ? ": a target company size" :
			    v >= SIZE_NEAR ? ": next to the target sizes" : v >= 0 ? ": not a target company size" : "");
		}
		item(it, &n, max, "company_type", "Company size", lead == NULL ? LQ_NEUTRAL :
		    v >= SIZE_MATCH ? LQ_FOR : v >= SIZE_NEAR ? LQ_NEUTRAL : LQ_AGAINST, v, &t);
	}
	if ((c = comp(rec, "keywords")) != NULL) {
		struct lq_buf f = LQ_BUF_INIT, s = LQ_BUF_INIT;
		size_t nf = add_list(&f, json_object_get(c, "found"));
		size_t ns = add_list(&s, json_object_get(c, "similar"));

		v = val(c);
		if (nf)
			lq_buf_addf(&t, "Mentions %s", f.data);
		if (ns)
			lq_buf_addf(&t, "%s%s", nf ? "; touches on " : "Touches on ", s.data);
		if (nf + ns == 0)
			lq_buf_adds(&t, "None of the target keywords in the profile");
		lq_buf_free(&f);
		lq_buf_free(&s);
		item(it, &n, max, "keywords", "Keywords", nf ? LQ_FOR : ns ? LQ_NEUTRAL : LQ_AGAINST, v, &t);
	}
	w = json_object_get(json_object_get(rec, "components"), "cosine");
	if (json_is_number(w)) {
		v = json_number_value(w);
		lq_buf_addf(&t, "The profile text reads %s the ICP as a whole", cosine_words(v));
		item(it, &n, max, "profile", "Whole profile", v >= COS_CLOSE ? LQ_FOR :
		    v >= COS_SOME ? LQ_NEUTRAL : LQ_AGAINST, v, &t);
	}
	w = json_object_get(rec, "rerank_score");
	if (json_is_number(w)) {
		v = json_number_value(w);
		lq_buf_addf(&t, "The reranker rates the profile %s", v >= 0.75 ? "highly relevant" :
		    v >= 0.5 ? "relevant" : v >= 0.25 ? "somewhat relevant" : "of low relevance");
		item(it, &n, max, "rerank", "Reranker", v >= 0.5 ? LQ_FOR : v >= 0.25 ? LQ_NEUTRAL : LQ_AGAINST,
		    v, &t);
	}
	json_array_foreach(json_object_get(rec, "warnings"), i, e) {
		const char *stage = str(e, "stage"), *msg = str(e, "message"), *code = str(e, "code");

		if (!json_is_object(e))
			continue;
		lq_buf_addf(&t, "%s%s%s", stage ? stage : "a stage", stage ? " could not answer: " : ": ",
		    msg ? msg : code ? code : "no detail");
		item(it, &n, max, "warning", "Warning", LQ_NEUTRAL, -1, &t);
	}
	lq_buf_free(&t);
	return n;
}

void
lq_explain_evidence_free(struct lq_evidence *it, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(it[i].text);
		it[i].text = NULL;
	}
}

const char *
lq_explain_title(const json_t *rec)
{
	const char *s = str(comp(rec, "title"), "lead");
	const json_t *a = json_object_get(rec, "current_job_titles");
	size_t i;
	const json_t *e;

	if (s)
		return s;
	json_array_foreach(a, i, e)
		if (json_is_string(e) && json_string_length(e))
			return json_string_value(e);
	if (json_is_string(a) && json_string_length(a))
		return json_string_value(a);
	return str(rec, "job_title");
}

int
lq_explain_tier(const json_t *rec)
{
	const char *t = str(rec, "tier");
	const json_t *s = json_object_get(rec, "icp_score");

	if (t && t[1] == '\0' && t[0] >= 'A' && t[0] <= 'D')
		return t[0];
	if (json_is_number(s) && isfinite(json_number_value(s)))
		return lq_tier(json_number_value(s))[0];
	return 0;
}

/* Formats the profile link of id (a slug or member id) if it is one. */
static int
link_of(const char *id, char *url)
{
	struct lq_liurl u;
	char probe[LQ_LIURL_URL_MAX];

	if (id == NULL || strlen(id) > LQ_LIURL_ID_MAX || strchr(id, '/'))
		return 0;
	lq_liurl_format(probe, id);
	if (lq_liurl_parse(probe, strlen(probe), &u) != LQ_LIURL_OK || u.subpage)
		return 0;
	lq_liurl_format(url, u.path_id);
	return 1;
}

int
lq_explain_link(const json_t *rec, char *url)
{
	const char *s = str(rec, "linkedin_url");
	struct lq_liurl u;

	url[0] = '\0';
	if (s && lq_liurl_parse(s, strlen(s), &u) == LQ_LIURL_OK) {
		if (u.slug[0] || !link_of(str(rec, "public_identifier"), url))
			lq_liurl_format(url, u.path_id);
		return 1;
	}
	return link_of(str(rec, "public_identifier"), url) || link_of(str(rec, "id"), url);
}
