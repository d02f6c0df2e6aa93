/* leadtext.c: the profile text of a lead (recipe in docs/embed.md). */
#include <string.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

#include "leadtext.h"
#include "profile.h"
#include "util.h"

/* How much of each long part goes in, so that one long About cannot push
 * the roles and skills out of a short cap. */
#define ABOUT_MAX 600
#define DESC_MAX 300
#define PAST_ROLES 2
#define SKILLS_MAX 15

static const char *
str(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	const char *s = json_is_string(v) ? json_string_value(v) : NULL;

	return s && *s ? s : NULL;
}

/* A byte that goes into a part as it is. */
#define PLAIN(c) ((unsigned char)(c) > 0x20 && (c) != 0x7f)

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
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	const char *end = text + strlen(text);
#endif
	while (*text) {
		const char *run = text;
		unsigned char c;

		/* a run of bytes that go in as they are, copied at once: words
		 * and the single spaces between them (a space the loop below
		 * would collapse into itself) */
		for (;;) {
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
			/* sixteen bytes at a time while each is PLAIN or a
			 * space between two PLAIN ones (m: those that are not
			 * PLAIN; a space at the last of the sixteen, or at the
			 * run's start, is left to the loop below) */
			while (end - text >= 16) {
				__m128i w = _mm_loadu_si128((const __m128i *)(const void *)text);
				unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
				    _mm_cmpeq_epi8(_mm_min_epu8(w, _mm_set1_epi8(0x20)), w),
				    _mm_cmpeq_epi8(w, _mm_set1_epi8(0x7f))));
				unsigned spc = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(w, _mm_set1_epi8(' ')));
				unsigned ok = spc & ~(m >> 1) & ~(m << 1) & 0x7fffu & (text > run ? 0xffffu : 0xfffeu);
				unsigned bad = m & ~ok;

				if (bad) {
					text += __builtin_ctz(bad);
					break;
				}
				text += 16;
			}
#endif
			if (PLAIN(text[0]))
				text++;
			else if (text[0] == ' ' && text > run && PLAIN(text[1]))
				text += 2;
			else
				break;
		}
		if (text > run) {
			if (sp) {
				lq_buf_addc(b, ' ');
				n++;
				sp = 0;
			}
			lq_buf_add(b, run, (size_t)(text - run));
			n += (size_t)(text - run);
			/* the cut below looks at the first max + 1 bytes alone */
			if (max && n > max)
				break;
			continue;
		}
		c = (unsigned char)*text++;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v')
			sp = 1;
		/* any other control byte is left out */
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

static void
titles(struct lq_buf *t, const json_t *rec, const struct lq_profile *p)
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
	for (i = 0; i < p->npos; i++)
		if (p->pos[i].current && p->pos[i].title) {
			if (t->len)
				lq_buf_adds(t, "; ");
			lq_buf_adds(t, p->pos[i].title);
		}
}

static const char *
or(const char *a, const char *b)
{
	return a ? a : b;
}

static void
role_text(struct lq_buf *b, const struct lq_position *r, int with_desc)
{
	lq_buf_adds(b, r->title ? r->title : "");
	if (r->company) {
		lq_buf_adds(b, r->title ? " at " : "");
		lq_buf_adds(b, r->company);
	}
	if (with_desc && r->description) {
		struct lq_buf d = LQ_BUF_INIT;

		part(&d, NULL, r->description, DESC_MAX);
		if (d.len) {
			lq_buf_adds(b, ": ");
			lq_buf_adds(b, d.data);
		}
		lq_buf_free(&d);
	}
}

static void
skills(struct lq_buf *s, const struct lq_profile *p)
{
	size_t i;

	for (i = 0; i < p->nskills && i < SKILLS_MAX; i++) {
		if (s->len)
			lq_buf_adds(s, ", ");
		lq_buf_adds(s, p->skills[i]);
	}
}

char *
lq_lead_text(const json_t *rec, size_t cap)
{
	struct lq_profile p;
	char *s;

	lq_profile_of(rec, &p);
	s = lq_lead_text_of(rec, &p, cap);
	lq_profile_free(&p);
	return s;
}

char *
lq_lead_text_of(const json_t *rec, const struct lq_profile *pv, size_t cap)
{
	const struct lq_profile p = *pv;
	struct lq_buf b = LQ_BUF_INIT, t = LQ_BUF_INIT;
	size_t i, past = 0;

	titles(&t, rec, &p);
	part(&b, "Title", t.data, 0);
	part(&b, "Name", or(str(rec, "name"), p.name), 0);
	part(&b, "Headline", or(str(rec, "headline"), p.headline), 0);
	part(&b, "Company", or(str(rec, "company"), p.company), 0);
	part(&b, "Industry", p.industry, 0);
	part(&b, "Location", or(str(rec, "location"), p.location), 0);
	part(&b, "About", p.summary, ABOUT_MAX);
	for (i = 0; i < p.npos; i++) {
		if (!p.pos[i].current || (p.pos[i].title == NULL && p.pos[i].company == NULL))
			continue;
		lq_buf_reset(&t);
		role_text(&t, &p.pos[i], 1);
		part(&b, "Current role", t.data, 0);
	}
	lq_buf_reset(&t);
	for (i = 0; i < p.npos && past < PAST_ROLES; i++) {
		if (p.pos[i].current || (p.pos[i].title == NULL && p.pos[i].company == NULL))
			continue;
		if (t.len)
			lq_buf_adds(&t, "; ");
		role_text(&t, &p.pos[i], 0);
		past++;
	}
	part(&b, "Past roles", t.data, 0);
	lq_buf_reset(&t);
	skills(&t, &p);
	part(&b, "Skills", t.data, 0);
	lq_buf_free(&t);
	if (b.data == NULL)
		return lq_xstrdup("");
	lq_utf8_cut(b.data, cap);
	return lq_buf_detach(&b);
}

char *
lq_lead_company_text(const json_t *rec, size_t cap)
{
	struct lq_profile p;
	struct lq_buf b = LQ_BUF_INIT, t = LQ_BUF_INIT;
	size_t i;

	lq_profile_of(rec, &p);
	part(&b, "Company", or(str(rec, "company"), p.company), 0);
	part(&b, "Industry", p.industry, 0);
	if (p.employees_text)
		lq_buf_addf(&t, "%s employees", p.employees_text);
	part(&b, "Company size", t.data, 0);
	part(&b, "Headline", or(str(rec, "headline"), p.headline), 0);
	for (i = 0; i < p.npos; i++) {
		if (!p.pos[i].current || (p.pos[i].title == NULL && p.pos[i].company == NULL))
			continue;
		lq_buf_reset(&t);
		role_text(&t, &p.pos[i], 1);
		if (p.pos[i].employment_type)
			lq_buf_addf(&t, " (%s)", p.pos[i].employment_type);
		part(&b, "Current role", t.data, 0);
	}
	lq_buf_free(&t);
	lq_profile_free(&p);
	if (b.data == NULL)
		return lq_xstrdup("");
	lq_utf8_cut(b.data, cap);
	return lq_buf_detach(&b);
}

int
lq_lead_has_profile(const json_t *rec)
{
	const json_t *t = json_object_get(rec, "current_job_titles");

	return json_is_object(json_object_get(rec, "profile")) || str(rec, "headline") != NULL
	    || (json_is_array(t) && json_array_size(t) > 0);
}
