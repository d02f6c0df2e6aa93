/* leadtext.c: the profile text of a lead (recipe in docs/embed.md). */
#include <string.h>

#include "leadtext.h"
#include "profile.h"
#include "util.h"

/* How much of each long part goes in, so that one long About cannot push
 * the roles and skills out of a short cap. */
#define ABOUT_MAX 600
#define DESC_MAX 300
#define PAST_ROLES 2
#define SKILLS_MAX 15

struct role {
	const char *title, *company, *desc, *emptype;
	int current;
};

static const char *
str(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;

	return s && *s ? s : NULL;
}

/* Appends "Label: text" (whitespace collapsed, text cut to max bytes). */
static void
part(struct lq_buf *b, const char *label, const char *text, size_t max)
{
	size_t start, n = 0;
	int sp = 0;

	if (text == NULL)
		return;
	while (*text == ' ' || *text == '\t' || *text == '\n' || *text == '\r')
		text++;
	if (*text == '\0')
		return;
	if (b->len)
		lq_buf_adds(b, " | ");
	if (label) {
		lq_buf_adds(b, label);
		lq_buf_adds(b, ": ");
	}
	start = b->len;
	for (; *text; text++) {
		unsigned char c = (unsigned char)*text;

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
			sp = 1;
			continue;
		}
		if (c < 0x20 || c == 0x7f)
			continue;
		if (sp) {
			lq_buf_addc(b, ' ');
			n++;
			sp = 0;
		}
		lq_buf_addc(b, c);
		n++;
	}
	if (max && n > max) {
		lq_utf8_cut(b->data + start, max);
		b->len = strlen(b->data);
	}
}

void
lq_utf8_cut(char *s, size_t cap)
{
	size_t n = strlen(s), i;

	if (n <= cap)
		return;
	n = cap;
	while (n > 0 && ((unsigned char)s[n] & 0xc0) == 0x80)
		n--;
	for (i = n; i > 0 && n - i < 64; i--)
		if (s[i - 1] == ' ') {
			n = i - 1;
			break;
		}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '|'))
		n--;
	s[n] = '\0';
}

/* The roles of an item of any known shape, in the item's order. */
static size_t
roles(const json_t *item, struct role *out, size_t max)
{
	const json_t *a, *p;
	size_t i, n = 0;

	if ((a = json_object_get(item, "positions")) != NULL && json_is_array(a)) {
		json_array_foreach(a, i, p) {
			const json_t *tp = json_object_get(p, "timePeriod");
			const char *co = str(p, "companyName");

			if (n == max || !json_is_object(p))
				break;
			if (co == NULL)
				co = str(json_object_get(p, "company"), "name");
			if (co && lq_profile_is_filler(co))
				continue;	/* a grouping row: its title is the company */
			out[n].title = str(p, "title");
			out[n].company = co;
			out[n].desc = str(p, "description");
			out[n].emptype = str(p, "employmentType");
			out[n].current = !json_is_object(tp) || json_object_get(tp, "endDate") == NULL
			    || json_is_null(json_object_get(tp, "endDate"));
			n++;
		}
	} else if ((a = json_object_get(item, "experience")) != NULL && json_is_array(a)) {
		json_array_foreach(a, i, p) {
			const json_t *end = json_object_get(p, "endDate");
			const char *et = str(end, "text");

			if (n == max || !json_is_object(p))
				break;
			out[n].title = str(p, "position");
			out[n].company = str(p, "companyName");
			out[n].desc = str(p, "description");
			out[n].emptype = str(p, "employmentType");
			out[n].current = end == NULL || json_is_null(end) || (et && strcmp(et, "Present") == 0);
			n++;
		}
	} else if ((a = json_object_get(item, "experiences")) != NULL && json_is_array(a)) {
		json_array_foreach(a, i, p) {
			const char *cap = str(p, "caption");

			if (n == max || !json_is_object(p))
				break;
			out[n].title = str(p, "title");
			out[n].company = str(p, "subtitle");
			out[n].desc = str(p, "description");
			out[n].emptype = NULL;
			out[n].current = cap == NULL || strstr(cap, "Present") != NULL;
			n++;
		}
	}
	return n;
}

static const char *
about(const json_t *item)
{
	const char *s = str(item, "summary");

	return s ? s : str(item, "about");
}

static const char *
industry(const json_t *rec, const json_t *item)
{
	const char *s = str(item, "industryName");
	const json_t *cc;

	if (s == NULL)
		s = str(item, "companyIndustry");
	if (s == NULL && (cc = json_object_get(item, "currentCompany")) != NULL) {
		const json_t *ind = json_array_get(json_object_get(cc, "industries"), 0);

		s = str(ind, "name");
	}
	(void)rec;
	return s;
}

static void
titles(struct lq_buf *t, const json_t *rec, const struct role *r, size_t nr)
{
	const json_t *a = json_object_get(rec, "current_job_titles"), *v;
	size_t i;

	if (json_is_array(a) && json_array_size(a) > 0) {
		json_array_foreach(a, i, v)
			if (json_is_string(v) && *json_string_value(v)) {
				if (t->len)
					lq_buf_adds(t, "; ");
				lq_buf_adds(t, json_string_value(v));
			}
		return;
	}
	for (i = 0; i < nr; i++)
		if (r[i].current && r[i].title) {
			if (t->len)
				lq_buf_adds(t, "; ");
			lq_buf_adds(t, r[i].title);
		}
}

static const char *
company(const json_t *rec, const struct role *r, size_t nr)
{
	const char *s = str(rec, "company");
	size_t i;

	for (i = 0; s == NULL && i < nr; i++)
		if (r[i].current)
			s = r[i].company;
	return s;
}

static const char *
location(const json_t *rec, const json_t *item)
{
	const char *s = str(rec, "location");

	if (s == NULL)
		s = str(item, "geoLocationName");
	if (s == NULL)
		s = str(item, "locationName");
	if (s == NULL)
		s = str(json_object_get(item, "location"), "linkedinText");
	if (s == NULL)
		s = str(item, "addressWithCountry");
	return s;
}

static void
role_text(struct lq_buf *b, const struct role *r, int with_desc)
{
	lq_buf_adds(b, r->title ? r->title : "");
	if (r->company) {
		lq_buf_adds(b, r->title ? " at " : "");
		lq_buf_adds(b, r->company);
	}
	if (with_desc && r->desc) {
		struct lq_buf d = LQ_BUF_INIT;

		part(&d, NULL, r->desc, DESC_MAX);
		if (d.len) {
			lq_buf_adds(b, ": ");
			lq_buf_adds(b, d.data);
		}
		lq_buf_free(&d);
	}
}

static void
skills(struct lq_buf *s, const json_t *item)
{
	const json_t *a = json_object_get(item, "skills"), *v;
	size_t i, n = 0;

	if (!json_is_array(a))
		a = json_object_get(item, "topSkillsByEndorsements");
	if (json_is_string(a)) {
		lq_buf_adds(s, json_string_value(a));
		return;
	}
	json_array_foreach(a, i, v) {
		const char *k = json_is_string(v) ? json_string_value(v) : str(v, "name");

		if (k == NULL)
			k = str(v, "title");
		if (k == NULL || *k == '\0')
			continue;
		if (n++ == SKILLS_MAX)
			break;
		if (s->len)
			lq_buf_adds(s, ", ");
		lq_buf_adds(s, k);
	}
}

static const char *
name(const json_t *rec, const json_t *item, struct lq_buf *tmp)
{
	const char *s = str(rec, "name"), *f, *l;

	if (s || (s = str(item, "fullName")) != NULL)
		return s;
	f = str(item, "firstName");
	l = str(item, "lastName");
	if (f == NULL && l == NULL)
		return NULL;
	lq_buf_addf(tmp, "%s%s%s", f ? f : "", f && l ? " " : "", l ? l : "");
	return tmp->data;
}

#define MAXROLES 64

/* The size of the current company as the scraper reports it. */
static void
size_text(struct lq_buf *t, const json_t *item)
{
	const json_t *a = json_object_get(item, "positions"), *p, *r, *cc;
	size_t i;

	json_array_foreach(a, i, p) {
		const json_t *tp = json_object_get(p, "timePeriod");

		if (json_is_object(tp) && json_object_get(tp, "endDate"))
			continue;
		r = json_object_get(json_object_get(p, "company"), "employeeCountRange");
		if (json_is_integer(json_object_get(r, "start"))) {
			lq_buf_addf(t, "%lld", (long long)json_integer_value(json_object_get(r, "start")));
			if (json_is_integer(json_object_get(r, "end")))
				lq_buf_addf(t, "-%lld", (long long)json_integer_value(json_object_get(r, "end")));
			lq_buf_adds(t, " employees");
			return;
		}
	}
	cc = json_object_get(item, "currentCompany");
	if (json_is_integer(json_object_get(cc, "employeeCount"))) {
		lq_buf_addf(t, "%lld employees", (long long)json_integer_value(json_object_get(cc, "employeeCount")));
		return;
	}
	if (json_is_string(json_object_get(item, "companySize")))
		lq_buf_addf(t, "%s employees", json_string_value(json_object_get(item, "companySize")));
}

char *
lq_lead_text(const json_t *rec, size_t cap)
{
	const json_t *item = json_object_get(rec, "profile");
	struct role r[MAXROLES];
	struct lq_buf b = LQ_BUF_INIT, t = LQ_BUF_INIT, tmp = LQ_BUF_INIT;
	size_t nr, i, past = 0;
	const char *head;

	if (!json_is_object(item))
		item = NULL;
	nr = item ? roles(item, r, MAXROLES) : 0;
	head = str(rec, "headline");
	if (head == NULL)
		head = str(item, "headline");

	titles(&t, rec, r, nr);
	part(&b, "Title", t.data, 0);
	part(&b, "Name", name(rec, item, &tmp), 0);
	part(&b, "Headline", head, 0);
	part(&b, "Company", company(rec, r, nr), 0);
	part(&b, "Industry", industry(rec, item), 0);
	part(&b, "Location", location(rec, item), 0);
	part(&b, "About", about(item), ABOUT_MAX);
	for (i = 0; i < nr; i++) {
		if (!r[i].current || (r[i].title == NULL && r[i].company == NULL))
			continue;
		lq_buf_reset(&t);
		role_text(&t, &r[i], 1);
		part(&b, "Current role", t.data, 0);
	}
	lq_buf_reset(&t);
	for (i = 0; i < nr && past < PAST_ROLES; i++) {
		if (r[i].current || (r[i].title == NULL && r[i].company == NULL))
			continue;
		if (t.len)
			lq_buf_adds(&t, "; ");
		role_text(&t, &r[i], 0);
		past++;
	}
	part(&b, "Past roles", t.data, 0);
	lq_buf_reset(&t);
	if (item)
		skills(&t, item);
	part(&b, "Skills", t.data, 0);
	lq_buf_free(&t);
	lq_buf_free(&tmp);
	if (b.data == NULL)
		return lq_xstrdup("");
	lq_utf8_cut(b.data, cap);
	return lq_buf_detach(&b);
}

char *
lq_lead_company_text(const json_t *rec, size_t cap)
{
	const json_t *item = json_object_get(rec, "profile");
	struct role r[MAXROLES];
	struct lq_buf b = LQ_BUF_INIT, t = LQ_BUF_INIT;
	size_t nr, i;
	const char *head;

	if (!json_is_object(item))
		item = NULL;
	nr = item ? roles(item, r, MAXROLES) : 0;
	head = str(rec, "headline");
	if (head == NULL)
		head = str(item, "headline");
	part(&b, "Company", company(rec, r, nr), 0);
	part(&b, "Industry", industry(rec, item), 0);
	if (item)
		size_text(&t, item);
	part(&b, "Company size", t.data, 0);
	part(&b, "Headline", head, 0);
	for (i = 0; i < nr; i++) {
		if (!r[i].current || (r[i].title == NULL && r[i].company == NULL))
			continue;
		lq_buf_reset(&t);
		role_text(&t, &r[i], 1);
		if (r[i].emptype)
			lq_buf_addf(&t, " (%s)", r[i].emptype);
		part(&b, "Current role", t.data, 0);
	}
	lq_buf_free(&t);
	if (b.data == NULL)
		return lq_xstrdup("");
	lq_utf8_cut(b.data, cap);
	return lq_buf_detach(&b);
}

const char *
lq_lead_industry(const json_t *rec)
{
	const json_t *item = json_object_get(rec, "profile");

	return json_is_object(item) ? industry(rec, item) : NULL;
}

int
lq_lead_has_profile(const json_t *rec)
{
	const json_t *t = json_object_get(rec, "current_job_titles");

	return json_is_object(json_object_get(rec, "profile")) || str(rec, "headline") != NULL
	    || (json_is_array(t) && json_array_size(t) > 0);
}
