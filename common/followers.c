/* followers.c: followers out of HTML (gumbo), text and CSV; the dedupe set. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <csv.h>
#include <gumbo.h>

#include "diag.h"
#include "followers.h"
#include "util.h"

/* Warnings about single bad lines or rows per input; the rest are counted. */
#define MAX_LINE_WARNINGS 10
/* Longest name or headline kept, in bytes; card text beyond is noise. */
#define MAX_TEXT 1024
/* Threads for one large page at most (pieces parsed, cards read); beyond
 * two or three the single-threaded walk dominates. */
#define MAX_PIECES 8

/* ---------------------------------------------------------------- the set */

struct slot {
	char *key;		/* "s" + slug or "u" + urn */
	size_t person;
};

struct lq_people {
	struct lq_person *v;
	size_t len, cap, live;
	struct slot *tab;	/* open addressing, power-of-two size */
	size_t tabcap, tabused;
};

static uint64_t
hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;	/* FNV-1a */

	while (*s != '\0')
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static struct slot *
lookup(struct lq_people *pp, const char *key)
{
	size_t m = pp->tabcap - 1, i = (size_t)hash(key) & m;

	while (pp->tab[i].key != NULL && strcmp(pp->tab[i].key, key) != 0)
		i = (i + 1) & m;
	return &pp->tab[i];
}

static void
grow_table(struct lq_people *pp)
{
	struct slot *old = pp->tab;
	size_t i, oldcap = pp->tabcap;

	pp->tabcap = oldcap ? oldcap * 2 : 256;
	pp->tab = lq_xcalloc(pp->tabcap, sizeof *pp->tab);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*lookup(pp, old[i].key) = old[i];
	free(old);
}

/* Points key kind+s at person p (replacing an earlier mapping). */
static void
map_key(struct lq_people *pp, int kind, const char *s, size_t p)
{
	char *key = lq_xasprintf("%c%s", kind, s);
	struct slot *sl;

	if ((pp->tabused + 1) * 2 > pp->tabcap)
		grow_table(pp);
	sl = lookup(pp, key);
	if (sl->key != NULL) {
		free(key);
	} else {
		sl->key = key;
		pp->tabused++;
	}
	sl->person = p;
}

static long
find_key(struct lq_people *pp, int kind, const char *s)
{
	char stackkey[LQ_LIURL_ID_MAX + 2];
	struct slot *sl;

	if (s == NULL || *s == '\0' || pp->tabcap == 0 || strlen(s) > LQ_LIURL_ID_MAX)
		return -1;
	stackkey[0] = (char)kind;
	strcpy(stackkey + 1, s);
	sl = lookup(pp, stackkey);
	return sl->key != NULL ? (long)sl->person : -1;
}

struct lq_people *
lq_people_new(void)
{
	struct lq_people *pp = lq_xcalloc(1, sizeof *pp);

	grow_table(pp);
	return pp;
}

static void
person_free(struct lq_person *p)
{
	free(p->id);
	free(p->slug);
	free(p->urn);
	free(p->path_id);
	free(p->url);
	free(p->name);
	free(p->headline);
	free(p->company);
	free(p->source);
}

void
lq_people_free(struct lq_people *pp)
{
	size_t i;

	if (pp == NULL)
		return;
	for (i = 0; i < pp->len; i++)
		person_free(&pp->v[i]);
	for (i = 0; i < pp->tabcap; i++)
		free(pp->tab[i].key);
	free(pp->v);
	free(pp->tab);
	free(pp);
}

static int
empty(const char *s)
{
	return s == NULL || *s == '\0';
}

/* Sets *dst to a copy of src when *dst is unset and src is not empty. */
static int
fill(char **dst, const char *src)
{
	if (*dst != NULL || empty(src))
		return 0;
	*dst = lq_xstrdup(src);
	return 1;
}

/* Recomputes id, path_id and url from slug and urn. */
static void
derive(struct lq_person *p)
{
	char url[LQ_LIURL_URL_MAX];

	free(p->id);
	free(p->path_id);
	free(p->url);
	p->id = lq_xstrdup(p->urn != NULL ? p->urn : p->slug);
	p->path_id = lq_xstrdup(p->slug != NULL ? p->slug : p->urn);
	lq_liurl_format(url, p->path_id);
	p->url = lq_xstrdup(url);
}

int
lq_people_add(struct lq_people *pp, const char *slug, const char *urn,
    const char *name, const char *headline, const char *company, const char *source)
{
	long i = find_key(pp, 's', slug), j = find_key(pp, 'u', urn), k;
	struct lq_person *p;

	if (empty(slug) && empty(urn))
		return 0;
	if (i < 0 && j < 0) {
		if (pp->len == pp->cap) {
			pp->cap = pp->cap ? pp->cap * 2 : 64;
			pp->v = lq_xreallocarray(pp->v, pp->cap, sizeof *pp->v);
		}
		k = (long)pp->len++;
		p = &pp->v[k];
		memset(p, 0, sizeof *p);
		fill(&p->slug, slug);
		fill(&p->urn, urn);
		fill(&p->name, name);
		fill(&p->headline, headline);
		fill(&p->company, company);
		p->source = lq_xstrdup(source);
		if (p->slug != NULL)
			map_key(pp, 's', p->slug, (size_t)k);
		if (p->urn != NULL)
			map_key(pp, 'u', p->urn, (size_t)k);
		derive(p);
		pp->live++;
		return 1;
	}
	k = i < 0 ? j : j < 0 ? i : i < j ? i : j;
	p = &pp->v[k];
	if (i >= 0 && j >= 0 && i != j) {
		/* Two entries are one person: fold the later into the earlier. */
		struct lq_person *q = &pp->v[i < j ? j : i];

		fill(&p->slug, q->slug);
		fill(&p->urn, q->urn);
		fill(&p->name, q->name);
		fill(&p->headline, q->headline);
		fill(&p->company, q->company);
		if (q->slug != NULL)
			map_key(pp, 's', q->slug, (size_t)k);
		if (q->urn != NULL)
			map_key(pp, 'u', q->urn, (size_t)k);
		q->merged = 1;
		pp->live--;
	}
	if (fill(&p->slug, slug))
		map_key(pp, 's', p->slug, (size_t)k);
	if (fill(&p->urn, urn))
		map_key(pp, 'u', p->urn, (size_t)k);
	fill(&p->name, name);
	fill(&p->headline, headline);
	fill(&p->company, company);
	derive(p);
	return 0;
}

size_t
lq_people_len(const struct lq_people *pp)
{
	return pp->len;
}

const struct lq_person *
lq_people_at(const struct lq_people *pp, size_t i)
{
	return i < pp->len ? &pp->v[i] : NULL;
}

size_t
lq_people_count(const struct lq_people *pp)
{
	return pp->live;
}

/* ------------------------------------------------------- common helpers */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int
has_ci(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w), i, j;

	for (i = 0; i + k <= n; i++) {
		for (j = 0; j < k && lower((unsigned char)s[i + j]) == w[j]; j++)
			;
		if (j == k)
			return 1;
	}
	return 0;
}

/* Classifies one candidate link; on a profile fills *u and returns 1. */
static int
take_link(const char *s, size_t n, struct lq_liurl *u, struct lq_extract_stats *st)
{
	int r = lq_liurl_parse(s, n, u);

	if (r == LQ_LIURL_NOT_LINKEDIN || r == LQ_LIURL_EMPTY)
		return 0;
	st->links++;
	if (r != LQ_LIURL_OK) {
		st->rejected[r]++;
		return 0;
	}
	st->profiles++;
	return 1;
}

/* Appends s[0..n) to b with white space runs collapsed to one space and
 * no leading space, up to MAX_TEXT bytes (cut at a UTF-8 boundary). */
static void
add_text(struct lq_buf *b, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && b->len < MAX_TEXT; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				lq_buf_addc(b, ' ');
		} else if (c >= 0x20 || c == 0) {
			if (c != 0)
				lq_buf_addc(b, (char)c);
		}
	}
	if (b->len >= MAX_TEXT)
		while (b->len > 0 && ((unsigned char)b->data[b->len - 1] & 0xc0) == 0x80)
			b->len--;	/* drop a cut continuation... */
	if (b->len >= MAX_TEXT && b->len > 0 && (unsigned char)b->data[b->len - 1] >= 0xc0)
		b->len--;		/* ...and its lead byte */
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

static void
trim(struct lq_buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	if (b->data != NULL)
		b->data[b->len] = '\0';
}

/* ------------------------------------------------------------------ text */

static int
token_end(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
	    c == '"' || c == '\'' || c == '<' || c == '>' || c == '(' || c == ')' ||
	    c == '[' || c == ']' || c == '{' || c == '}' || c == ',' || c == '|' ||
	    c == '\\' || c == '`' || c == '\0';
}

/* 1 if the token may be a LinkedIn link worth parsing. */
static int
candidate(const char *s, size_t n)
{
	if (n >= 4 && (memcmp(s, "/in/", 4) == 0 || (n >= 5 && memcmp(s, "/pub/", 5) == 0)))
		return 1;
	return has_ci(s, n, "linkedin") || has_ci(s, n, "lnkd.in");
}

/* Strips punctuation that ends a sentence rather than a URL. */
static size_t
strip_trailing(const char *s, size_t n)
{
	while (n > 0 && strchr(".;:!*", s[n - 1]) != NULL && s[n - 1] != '\0')
		n--;
	return n;
}

struct text_ctx {
	struct lq_people *pp;
	const char *source;
	struct lq_extract_stats *st;
};

/* Every URL-like token of s[0..n) becomes a person of its own. */
static void
scan_text(struct text_ctx *c, const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		size_t b, len;
		struct lq_liurl u;

		while (i < n && token_end((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && !token_end((unsigned char)s[i]))
			i++;
		len = strip_trailing(s + b, i - b);
		if (len == 0 || !candidate(s + b, len))
			continue;
		if (take_link(s + b, len, &u, c->st)) {
			c->st->cards++;
			c->st->added += (size_t)lq_people_add(c->pp, u.slug, u.urn, NULL, NULL, NULL,
			    c->source);
		}
	}
}

/* ------------------------------------------------------------------- CSV */

struct csv_ctx {
	struct text_ctx t;
	struct lq_buf *fields;	/* fields of the current row */
	size_t nf, capf;
	size_t row, line;	/* rows seen; line where the current row ends */
	int header_seen;
	long col_url, col_first, col_last, col_name, col_headline, col_position, col_company;
	int warned;
};

static void
csv_field(void *s, size_t n, void *data)
{
	struct csv_ctx *c = data;

	if (c->nf == c->capf) {
		c->capf = c->capf ? c->capf * 2 : 16;
		c->fields = lq_xreallocarray(c->fields, c->capf, sizeof *c->fields);
		memset(c->fields + c->nf, 0, (c->capf - c->nf) * sizeof *c->fields);
	}
	lq_buf_reset(&c->fields[c->nf]);
	lq_buf_add(&c->fields[c->nf], s != NULL ? s : "", s != NULL ? n : 0);
	c->nf++;
}

static const char *
cell(struct csv_ctx *c, long col)
{
	if (col < 0 || (size_t)col >= c->nf || c->fields[col].data == NULL)
		return NULL;
	return c->fields[col].data;
}

/* Header names, compared without case and surrounding space. */
static int
is_header(const char *s, const char *const *names)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
		n--;
	for (; *names != NULL; names++) {
		size_t k = strlen(*names), j;

		if (k != n)
			continue;
		for (j = 0; j < n && lower((unsigned char)s[j]) == (*names)[j]; j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

static const char *const url_names[] = {
	"url", "profile url", "linkedin url", "linkedin_url", "linkedin profile",
	"linkedin profile url", "profile", "profile_url", "linkedinurl", "person linkedin url",
	NULL
};

static void
csv_header(struct csv_ctx *c)
{
	static const char *const first[] = { "first name", "firstname", "first_name", NULL };
	static const char *const last[] = { "last name", "lastname", "last_name", NULL };
	static const char *const name[] = { "name", "full name", "full_name", NULL };
	static const char *const headline[] = { "headline", NULL };
	static const char *const position[] = { "position", "title", "job title", NULL };
	static const char *const company[] = { "company", "company name", "organization", NULL };
	size_t i;

	c->col_url = c->col_first = c->col_last = c->col_name = -1;
	c->col_headline = c->col_position = c->col_company = -1;
	for (i = 0; i < c->nf; i++) {
		const char *f = c->fields[i].data != NULL ? c->fields[i].data : "";
		long *slot = is_header(f, url_names) ? &c->col_url :
		    is_header(f, first) ? &c->col_first : is_header(f, last) ? &c->col_last :
		    is_header(f, name) ? &c->col_name : is_header(f, headline) ? &c->col_headline :
		    is_header(f, position) ? &c->col_position :
		    is_header(f, company) ? &c->col_company : NULL;

		if (slot != NULL && *slot < 0)
			*slot = (long)i;
	}
	c->header_seen = c->col_url >= 0;
}

static void
csv_row(int term, void *data)
{
	struct csv_ctx *c = data;
	struct lq_liurl u;
	const char *url, *h;
	struct lq_buf name = LQ_BUF_INIT;

	(void)term;
	c->row++;
	if (!c->header_seen) {
		csv_header(c);
		c->nf = 0;
		return;
	}
	url = cell(c, c->col_url);
	if (url == NULL || !take_link(url, strlen(url), &u, c->t.st)) {
		int r = url == NULL ? LQ_LIURL_EMPTY : lq_liurl_parse(url, strlen(url), &u);

		if (c->nf > 1 || (c->nf == 1 && c->fields[0].len > 0)) {
			c->t.st->rows_without_url++;
			if (c->warned++ < MAX_LINE_WARNINGS)
				lq_warn("%s:%zu: no profile URL in the URL column (%s)",
				    c->t.source, c->line, lq_liurl_reason(r));
		}
		c->nf = 0;
		return;
	}
	if (cell(c, c->col_name) != NULL) {
		add_text(&name, cell(c, c->col_name), strlen(cell(c, c->col_name)));
	} else {
		if (cell(c, c->col_first) != NULL)
			add_text(&name, cell(c, c->col_first), strlen(cell(c, c->col_first)));
		if (cell(c, c->col_last) != NULL) {
			lq_buf_addc(&name, ' ');
			add_text(&name, cell(c, c->col_last), strlen(cell(c, c->col_last)));
		}
	}
	if (name.data != NULL) {
		while (name.len > 0 && name.data[0] == ' ')
			memmove(name.data, name.data + 1, name.len--);
		trim(&name);
	}
	h = cell(c, c->col_headline) != NULL ? cell(c, c->col_headline) : cell(c, c->col_position);
	c->t.st->cards++;
	c->t.st->added += (size_t)lq_people_add(c->t.pp, u.slug, u.urn, name.data, h,
	    cell(c, c->col_company), c->t.source);
	lq_buf_free(&name);
	c->nf = 0;
}

/* Returns 0, or -1 when no header row names a URL column. */
static int
extract_csv(struct text_ctx *t, const char *buf, size_t n)
{
	struct csv_parser p;
	struct csv_ctx c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.t = *t;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	/* Line by line, so that messages can name the line a row ends on. */
	for (i = 0; i < n; ) {
		const char *nl = memchr(buf + i, '\n', n - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) + 1 : n;

		c.line++;
		if (csv_parse(&p, buf + i, e - i, csv_field, csv_row, &c) != e - i)
			break;	/* only on out of memory: libcsv is not strict here */
		i = e;
	}
	csv_fini(&p, csv_field, csv_row, &c);
	csv_free(&p);
	for (i = 0; i < c.capf; i++)
		lq_buf_free(&c.fields[i]);
	free(c.fields);
	return c.header_seen ? 0 : -1;
}

/* ------------------------------------------------------------------ HTML */

/* One profile link found in the tree, in document order. */
struct link {
	const GumboNode *el;	/* the <a>, the element with the data-* URL, or the text node */
	uint32_t slug, urn;	/* offsets into the string arena; 0 = none */
	int subpage;		/* links a page under the profile: not named by it */
};

/* What a subtree holds, computed bottom-up. */
struct agg {
	uint32_t first, n;	/* its links: [first, first + n) */
	uint32_t slug, urn;	/* the one slug / URN seen, 0 = none */
	int multi;		/* more than one slug or more than one URN */
	int valid;		/* can be (part of) one person's card */
};

struct card {
	const GumboNode *node;
	uint32_t first, n;
	int done;		/* name and headline read (the tree may be gone) */
	char *name, *head;	/* or NULL */
};

struct split;

struct html_ctx {
	struct text_ctx t;
	struct lq_buf arena;	/* NUL-separated strings; offset 0 is "" */
	struct link *links;
	size_t nlinks, caplinks;
	struct card *cards;
	size_t ncards, capcards;
	struct lq_people *owner;	/* people linked from header/nav chrome */
	struct split *sp;	/* the page in pieces, or NULL */
	size_t text_upto;	/* cards before it are done */
	int failed;		/* a piece did not qualify: parse whole */
};

static uint32_t
intern(struct html_ctx *h, const char *s)
{
	uint32_t off;

	if (*s == '\0')
		return 0;
	if (h->arena.len + strlen(s) + 1 > UINT32_MAX)
		lq_die(LQ_EXIT_FATAL, "%s: too many links", h->t.source);
	off = (uint32_t)h->arena.len;
	lq_buf_add(&h->arena, s, strlen(s) + 1);
	return off;
}

static const char *
str(const struct html_ctx *h, uint32_t off)
{
	return h->arena.data + off;
}

static void
add_link(struct html_ctx *h, const GumboNode *el, const struct lq_liurl *u)
{
	struct link *l;

	if (h->nlinks == h->caplinks) {
		h->caplinks = h->caplinks ? h->caplinks * 2 : 256;
		h->links = lq_xreallocarray(h->links, h->caplinks, sizeof *h->links);
	}
	if (h->nlinks >= UINT32_MAX - 1)
		lq_die(LQ_EXIT_FATAL, "%s: too many links", h->t.source);
	l = &h->links[h->nlinks++];
	l->el = el;
	l->slug = intern(h, u->slug);
	l->urn = intern(h, u->urn);
	l->subpage = u->subpage;
}

static const char *
attr(const GumboNode *n, const char *name)
{
	GumboAttribute *a;

	if (n->type != GUMBO_NODE_ELEMENT)
		return NULL;
	a = gumbo_get_attribute(&n->v.element.attributes, name);
	return a != NULL ? a->value : NULL;
}

/* Chrome kinds of an element: 2 owner chrome (header, nav), 1 other
 * chrome (footer, aside), 0 content. */
static int
chrome_kind(const GumboNode *n)
{
	const char *role = attr(n, "role"), *id = attr(n, "id");

	switch (n->v.element.tag) {
	case GUMBO_TAG_HEADER:
	case GUMBO_TAG_NAV:
		return 2;
	case GUMBO_TAG_FOOTER:
	case GUMBO_TAG_ASIDE:
		return 1;
	default:
		break;
	}
	if (role != NULL) {
		if (strcmp(role, "banner") == 0 || strcmp(role, "navigation") == 0)
			return 2;
		if (strcmp(role, "contentinfo") == 0 || strcmp(role, "complementary") == 0)
			return 1;
	}
	if (id != NULL && strcmp(id, "global-nav") == 0)
		return 2;
	return 0;
}

/* Elements whose text is never shown or never holds followers. */
static int
skip_text_of(const GumboNode *n)
{
	switch (n->v.element.tag) {
	case GUMBO_TAG_SCRIPT:
	case GUMBO_TAG_STYLE:
	case GUMBO_TAG_TEMPLATE:
	case GUMBO_TAG_NOSCRIPT:
	case GUMBO_TAG_TEXTAREA:
	case GUMBO_TAG_CODE:
	case GUMBO_TAG_SVG:
	case GUMBO_TAG_TITLE:
	case GUMBO_TAG_BUTTON:
		return 1;
	default:
		return 0;
	}
}

enum { CL_HIDDEN = 1, CL_HEADLINE = 2 };

/* 1 if s[i..n) starts with w (lower case), ignoring case. */
static int
at_ci(const char *s, size_t n, size_t i, const char *w)
{
	for (; *w != '\0'; w++, i++)
		if (i >= n || lower((unsigned char)s[i]) != *w)
			return 0;
	return 1;
}

/* What an element's class and hidden attributes say, in one pass (cards
 * ask this of every element they hold): CL_HIDDEN for a class holding
 * visually-hidden or sr-only or a hidden attribute, CL_HEADLINE for a
 * class holding primary-subtitle, headline or occupation. */
static int
class_flags(const GumboNode *n)
{
	const GumboVector *av;
	const char *c = NULL;
	size_t i, len;
	int f = 0, hid = 0;

	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	av = &n->v.element.attributes;
	for (i = 0; i < av->length; i++) {
		const GumboAttribute *a = av->data[i];

		if (c == NULL && strcasecmp(a->name, "class") == 0)
			c = a->value;
		else if (strcasecmp(a->name, "hidden") == 0)
			hid = 1;
	}
	if (hid)
		f |= CL_HIDDEN;
	for (i = 0, len = c != NULL ? strlen(c) : 0; i < len; i++) {
		switch (lower((unsigned char)c[i])) {
		case 'v':
			f |= at_ci(c, len, i, "visually-hidden") ? CL_HIDDEN : 0;
			break;
		case 's':
			f |= at_ci(c, len, i, "sr-only") ? CL_HIDDEN : 0;
			break;
		case 'p':
			f |= at_ci(c, len, i, "primary-subtitle") ? CL_HEADLINE : 0;
			break;
		case 'h':
			f |= at_ci(c, len, i, "headline") ? CL_HEADLINE : 0;
			break;
		case 'o':
			f |= at_ci(c, len, i, "occupation") ? CL_HEADLINE : 0;
			break;
		default:
			break;
		}
	}
	return f;
}

static int
hidden(const GumboNode *n)
{
	return class_flags(n) & CL_HIDDEN;
}

/* The profile links of element el itself: href of <a>/<area>, every
 * data-* attribute value. chrome: 2 owner chrome, 1 other, 0 content. */
static void
element_links(struct html_ctx *h, const GumboNode *el, int chrome)
{
	const GumboVector *av = &el->v.element.attributes;
	unsigned i;

	for (i = 0; i < av->length; i++) {
		const GumboAttribute *a = av->data[i];
		struct lq_liurl u;
		size_t vn;

		if (strcmp(a->name, "href") == 0) {
			if (el->v.element.tag != GUMBO_TAG_A && el->v.element.tag != GUMBO_TAG_AREA)
				continue;
		} else if (strncmp(a->name, "data-", 5) != 0) {
			continue;
		}
		vn = strlen(a->value);
		if (vn == 0 || !candidate(a->value, vn) || !take_link(a->value, vn, &u, h->t.st))
			continue;
		if (chrome) {
			h->t.st->chrome++;
			if (chrome == 2)
				lq_people_add(h->owner, u.slug, u.urn, NULL, NULL, NULL, "");
			continue;
		}
		add_link(h, el, &u);
	}
}

static void
text_links(struct html_ctx *h, const GumboNode *tn, int chrome)
{
	const char *s = tn->v.text.text;
	size_t i = 0, n = strlen(s);

	if (!has_ci(s, n, "linkedin") && !has_ci(s, n, "lnkd.in"))
		return;
	while (i < n) {
		size_t b, len;
		struct lq_liurl u;

		while (i < n && token_end((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && !token_end((unsigned char)s[i]))
			i++;
		len = strip_trailing(s + b, i - b);
		/* In text only absolute links count: "/in/x" is prose. */
		if (len == 0 || s[b] == '/' || !candidate(s + b, len) ||
		    !take_link(s + b, len, &u, h->t.st))
			continue;
		if (chrome) {
			h->t.st->chrome++;
			continue;
		}
		add_link(h, tn, &u);
	}
}

static void
merge_key(const struct html_ctx *h, struct agg *a, uint32_t *mine, uint32_t theirs)
{
	if (theirs == 0)
		return;
	if (*mine == 0)
		*mine = theirs;
	else if (*mine != theirs && strcmp(str(h, *mine), str(h, theirs)) != 0)
		a->multi = 1;
}

static int
same_key(const struct html_ctx *h, uint32_t a, uint32_t b)
{
	return a != 0 && b != 0 && strcmp(str(h, a), str(h, b)) == 0;
}

/* 1 if the subtree behind (slug, urn) and a name one person. */
static int
same_person(const struct html_ctx *h, uint32_t slug, uint32_t urn, const struct agg *a)
{
	return !a->multi && (same_key(h, slug, a->slug) || same_key(h, urn, a->urn));
}

/* The shape of a node: its type, tag and class. A parent whose children
 * holding links repeat one shape while naming different people is a list
 * of cards, not a card. The shape is kept by value (the class as a hash)
 * because the child's tree may be freed before its next sibling is seen:
 * a large list is parsed and freed in pieces. */
struct shape {
	int set;
	GumboNodeType type;
	GumboTag tag;
	int has_class;
	uint64_t class_hash;	/* FNV-1a of the class attribute */
};

static struct shape
shape_of(const GumboNode *n)
{
	struct shape sh = { 1, n->type, GUMBO_TAG_UNKNOWN, 0, 14695981039346656037ULL };
	const char *c;

	if (n->type != GUMBO_NODE_ELEMENT)
		return sh;
	sh.tag = n->v.element.tag;
	if ((c = attr(n, "class")) != NULL) {
		sh.has_class = 1;
		for (; *c; c++)
			sh.class_hash = (sh.class_hash ^ (unsigned char)*c) * 1099511628211ULL;
	}
	return sh;
}

static int
same_shape(const struct shape *a, const struct shape *b)
{
	if (!a->set || !b->set || a->type != b->type)
		return 0;
	if (a->type != GUMBO_NODE_ELEMENT)
		return 1;
	return a->tag == b->tag && a->has_class == b->has_class && a->class_hash == b->class_hash;
}

/* Adds the card of node; pre: a pending entry whose text may be done. */
static void
add_card(struct html_ctx *h, const GumboNode *node, const struct agg *a, const struct card *pre)
{
	struct card *c;

	if (h->ncards == h->capcards) {
		h->capcards = h->capcards ? h->capcards * 2 : 64;
		h->cards = lq_xreallocarray(h->cards, h->capcards, sizeof *h->cards);
	}
	c = &h->cards[h->ncards++];
	memset(c, 0, sizeof *c);
	c->node = node;
	c->first = a->first;
	c->n = a->n;
	if (pre != NULL && pre->done) {
		c->done = 1;
		c->name = pre->name;
		c->head = pre->head;
	}
}

struct frame {
	const GumboNode *node;
	unsigned next;		/* next child to visit */
	int chrome;
	uint32_t own;		/* links of the node itself, at [agg.first, +own) */
	struct agg agg;
	struct shape last_child;	/* shape of the last child holding links */
	uint32_t last_slug, last_urn;	/* and the person it names */
	int list;		/* two children holding links have one shape */
	size_t kids_first;	/* its valid children on the pending stack */
};

static int split_step(struct html_ctx *h, struct frame *f, struct card *pend, size_t npend);

/* Walks the tree without recursion (pages may nest deeply), collecting
 * links and deciding the cards bottom-up: a node is valid (one person's)
 * if its links name at most one slug and one URN, every child holding
 * links is valid, and those children do not repeat one shape; the valid
 * children of an invalid node are cards. */
static void
walk(struct html_ctx *h, const GumboNode *root)
{
	struct frame *st = NULL;
	size_t depth = 0, cap = 0;
	struct card *pend = NULL;	/* valid children awaiting their parent's verdict */
	struct agg *pend_agg = NULL;
	size_t npend = 0, cappend = 0;

#define PUSH(nd, ch, before) do { \
	if (depth == cap) { cap = cap ? cap * 2 : 64; st = lq_xreallocarray(st, cap, sizeof *st); } \
	memset(&st[depth], 0, sizeof st[depth]); \
	st[depth].node = (nd); st[depth].chrome = (ch); \
	st[depth].agg.first = (before); st[depth].own = (uint32_t)h->nlinks - (before); \
	st[depth].agg.valid = 1; st[depth].kids_first = npend; depth++; } while (0)

	PUSH(root, 0, (uint32_t)h->nlinks);
	while (depth > 0) {
		struct frame *f = &st[depth - 1];
		const GumboNode *n = f->node;
		const GumboVector *kids = n->type == GUMBO_NODE_ELEMENT ||
		    n->type == GUMBO_NODE_TEMPLATE ? &n->v.element.children :
		    n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children : NULL;
		uint32_t i;

		if (h->sp != NULL && kids != NULL && f->next == kids->length) {
			/* At the end of the list's children: the next piece. */
			int r = split_step(h, f, pend, npend);

			if (r < 0) {
				h->failed = 1;
				for (i = 0; i < npend; i++) {
					free(pend[i].name);
					free(pend[i].head);
				}
				break;
			}
			if (r > 0) {
				f->next = 0;
				continue;
			}
		}
		if (kids != NULL && f->next < kids->length) {
			const GumboNode *c = kids->data[f->next++];
			uint32_t before = (uint32_t)h->nlinks;
			int ch = f->chrome, k;

			if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
				if ((n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) &&
				    skip_text_of(n))
					continue;
				text_links(h, c, ch);
				if (h->nlinks > before)
					PUSH(c, ch, before);	/* a leaf of its own */
				continue;
			}
			if (c->type != GUMBO_NODE_ELEMENT && c->type != GUMBO_NODE_TEMPLATE)
				continue;
			if ((k = chrome_kind(c)) > ch)
				ch = k;
			element_links(h, c, ch);
			PUSH(c, ch, before);
			continue;
		}

		/* Leaving n: fold in its own links, then judge it. */
		f->agg.n = (uint32_t)h->nlinks - f->agg.first;
		for (i = f->agg.first; i < f->agg.first + f->own; i++) {
			merge_key(h, &f->agg, &f->agg.slug, h->links[i].slug);
			merge_key(h, &f->agg, &f->agg.urn, h->links[i].urn);
		}
		if (f->agg.multi || f->list)
			f->agg.valid = 0;
		if (!f->agg.valid) {
			size_t k;

			for (k = f->kids_first; k < npend; k++)
				add_card(h, pend[k].node, &pend_agg[k], &pend[k]);
		}
		npend = f->kids_first;
		if (depth == 1) {
			if (f->agg.valid && f->agg.n > 0)
				add_card(h, n, &f->agg, NULL);
			depth--;
			break;
		}
		{
			struct frame *p = &st[depth - 2];
			struct agg a = f->agg;

			depth--;
			if (a.n == 0)
				continue;
			merge_key(h, &p->agg, &p->agg.slug, a.slug);
			merge_key(h, &p->agg, &p->agg.urn, a.urn);
			if (a.multi || !a.valid)
				p->agg.valid = 0;
			if (a.multi)
				p->agg.multi = 1;
			{
				struct shape sh = shape_of(n);

				if (same_shape(&p->last_child, &sh) &&
				    !same_person(h, p->last_slug, p->last_urn, &a))
					p->list = 1;
				p->last_child = sh;
			}
			p->last_slug = a.slug;
			p->last_urn = a.urn;
			if (a.valid) {
				if (npend == cappend) {
					cappend = cappend ? cappend * 2 : 64;
					pend = lq_xreallocarray(pend, cappend, sizeof *pend);
					pend_agg = lq_xreallocarray(pend_agg, cappend, sizeof *pend_agg);
				}
				memset(&pend[npend], 0, sizeof pend[npend]);
				pend[npend].node = n;
				pend[npend].first = a.first;
				pend[npend].n = a.n;
				pend_agg[npend] = a;
				npend++;
			}
		}
	}
#undef PUSH
	free(st);
	free(pend);
	free(pend_agg);
}

/* Appends the text a reader sees in n to b (hidden, script-like and
 * button content left out), at most MAX_TEXT bytes. */
static void
visible_text(const GumboNode *n, struct lq_buf *b, int depth)
{
	const GumboVector *kids;
	unsigned i;

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
		add_text(b, n->v.text.text, strlen(n->v.text.text));
		return;
	}
	if ((n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) || depth > 256 ||
	    skip_text_of(n) || hidden(n) || b->len >= MAX_TEXT)
		return;
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++)
		visible_text(kids->data[i], b, depth + 1);
}

/* Text that names nobody: empty, only punctuation, or a degree badge. */
static int
noise(const char *s)
{
	const char *p;

	while (*s == ' ' || strncmp(s, "\xe2\x80\xa2", 3) == 0 || strncmp(s, "\xc2\xb7", 2) == 0)
		s += *s == ' ' ? 1 : s[0] == '\xe2' ? 3 : 2;
	if (*s == '\0' || strcmp(s, "1st") == 0 || strcmp(s, "2nd") == 0 ||
	    strcmp(s, "3rd") == 0 || strcmp(s, "3rd+") == 0)
		return 1;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80 || (lower(*p) >= 'a' && lower(*p) <= 'z'))
			return 0;
	return 1;
}


/* The element around the first shown, non-noise text under n: a link
 * wrapping a whole card names its person in its first text. */
static const GumboNode *
first_text_el(const GumboNode *n, int depth)
{
	const GumboNode *r;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 256 || skip_text_of(n) || hidden(n))
		return NULL;
	for (i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *c = n->v.element.children.data[i];

		if (c->type == GUMBO_NODE_TEXT) {
			struct lq_buf t = LQ_BUF_INIT;
			int ok;

			add_text(&t, c->v.text.text, strlen(c->v.text.text));
			trim(&t);
			ok = t.data != NULL && !noise(t.data);
			lq_buf_free(&t);
			if (ok)
				return n;
		} else if ((r = first_text_el(c, depth + 1)) != NULL) {
			return r;
		}
	}
	return NULL;
}

static int
view_profile(const char *s)
{
	return has_ci(s, strlen(s), "view") && has_ci(s, strlen(s), "profile") && strlen(s) < 80;
}

/* First image alt or aria-label inside n (for photo-only links). */
static const char *
label_in(const GumboNode *n, int depth)
{
	const char *v;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
		return NULL;
	if (n->v.element.tag == GUMBO_TAG_IMG && (v = attr(n, "alt")) != NULL && !noise(v))
		return v;
	if ((v = attr(n, "aria-label")) != NULL && !noise(v) && !view_profile(v))
		return v;
	for (i = 0; i < n->v.element.children.length; i++)
		if ((v = label_in(n->v.element.children.data[i], depth + 1)) != NULL)
			return v;
	return NULL;
}

struct after {
	const GumboNode *name_el;	/* the link the name came from, or NULL */
	const char *name;
	int passed;			/* walked past name_el */
	const GumboNode *found;		/* element whose text is the headline */
};

/* Finds the element holding the first text after the name. */
static void
text_after(const GumboNode *n, struct after *a, int depth)
{
	unsigned i;

	if (a->found != NULL || depth > 256)
		return;
	if (n->type == GUMBO_NODE_TEXT) {
		struct lq_buf t = LQ_BUF_INIT;

		if (!a->passed)
			return;
		add_text(&t, n->v.text.text, strlen(n->v.text.text));
		trim(&t);
		if (t.data != NULL && !noise(t.data) && (a->name == NULL || strcmp(t.data, a->name) != 0))
			a->found = n->parent;
		lq_buf_free(&t);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	if (n == a->name_el) {
		a->passed = 1;
		return;
	}
	if (n->v.element.tag == GUMBO_TAG_A || skip_text_of(n) || hidden(n))
		return;
	for (i = 0; i < n->v.element.children.length; i++)
		text_after(n->v.element.children.data[i], a, depth + 1);
}

/* First element under n whose class marks a headline. */
static const GumboNode *
headline_el(const GumboNode *n, int depth)
{
	const GumboNode *r;
	unsigned i;
	int f;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 256 || skip_text_of(n) ||
	    ((f = class_flags(n)) & CL_HIDDEN))
		return NULL;
	if (f & CL_HEADLINE)
		return n;
	for (i = 0; i < n->v.element.children.length; i++)
		if ((r = headline_el(n->v.element.children.data[i], depth + 1)) != NULL)
			return r;
	return NULL;
}

static void
clean(struct lq_buf *b)
{
	size_t k = 0;

	trim(b);
	while (k < b->len && b->data[k] == ' ')
		k++;
	if (k > 0) {
		memmove(b->data, b->data + k, b->len - k + 1);
		b->len -= k;
	}
}

static long
owner_has(struct html_ctx *h, const char *slug, const char *urn)
{
	return find_key(h->owner, 's', slug) >= 0 || find_key(h->owner, 'u', urn) >= 0;
}

/* Reads card c's name and headline (done). Only reads the tree, so
 * cards are read on several threads at once. */
static void
card_text(struct html_ctx *h, struct card *c)
{
	struct lq_buf name = LQ_BUF_INIT, head = LQ_BUF_INIT;
	struct after a;
	const GumboNode *hn, *name_el = NULL;
	uint32_t i;

	/* Name: the first link with visible text other than "View profile". */
	for (i = c->first; i < c->first + c->n && name_el == NULL; i++) {
		const GumboNode *el = h->links[i].el, *te;

		if (el->type != GUMBO_NODE_ELEMENT || h->links[i].subpage)
			continue;
		lq_buf_reset(&name);
		if ((te = first_text_el(el, 0)) == NULL)
			continue;
		visible_text(te, &name, 0);
		clean(&name);
		if (name.len > 0 && !noise(name.data) && !view_profile(name.data))
			name_el = el;
	}
	if (name_el == NULL) {
		lq_buf_reset(&name);
		for (i = c->first; i < c->first + c->n; i++) {
			const char *l = h->links[i].el->type == GUMBO_NODE_ELEMENT ?
			    label_in(h->links[i].el, 0) : NULL;

			if (l != NULL) {
				add_text(&name, l, strlen(l));
				clean(&name);
				break;
			}
		}
	}
	/* Headline: a marked element, else the first text after the name. */
	if (c->node->type == GUMBO_NODE_ELEMENT) {
		hn = headline_el(c->node, 0);
		if (hn == NULL && name_el != NULL) {
			memset(&a, 0, sizeof a);
			a.name_el = name_el;
			a.name = name.len > 0 ? name.data : NULL;
			text_after(c->node, &a, 0);
			hn = a.found;
		}
		if (hn != NULL) {
			visible_text(hn, &head, 0);
			clean(&head);
			if (head.len > 0 && name.len > 0 && strcmp(head.data, name.data) == 0)
				lq_buf_reset(&head);
		}
	}
	if (name.len > 0)
		c->name = lq_buf_detach(&name);
	if (head.len > 0)
		c->head = lq_buf_detach(&head);
	c->done = 1;
	lq_buf_free(&name);
	lq_buf_free(&head);
}

struct cards_job {
	struct html_ctx *h;
	size_t from, to;
	pthread_t th;
	int started;
};

static void *
cards_text(void *arg)
{
	struct cards_job *j = arg;
	size_t i;

	for (i = j->from; i < j->to; i++)
		if (!j->h->cards[i].done)
			card_text(j->h, &j->h->cards[i]);
	return NULL;
}

/* Adds every card's person in card order; the text of cards not done is
 * read on up to threads threads first. */
static void
do_cards(struct html_ctx *h, unsigned char *covered, int threads)
{
	struct cards_job job[MAX_PIECES];
	size_t i;
	uint32_t k;
	int t;

	if (threads < 1 || h->ncards < 1024)
		threads = 1;
	if (threads > MAX_PIECES)
		threads = MAX_PIECES;
	for (t = 0; t < threads; t++) {
		job[t].h = h;
		job[t].from = h->ncards * (size_t)t / (size_t)threads;
		job[t].to = h->ncards * (size_t)(t + 1) / (size_t)threads;
		job[t].started = t > 0 && pthread_create(&job[t].th, NULL, cards_text, &job[t]) == 0;
	}
	for (t = 0; t < threads; t++) {
		if (job[t].started)
			pthread_join(job[t].th, NULL);
		else
			cards_text(&job[t]);
	}
	for (i = 0; i < h->ncards; i++) {
		struct card *c = &h->cards[i];
		const char *slug = "", *urn = "";

		for (k = c->first; k < c->first + c->n; k++) {
			covered[k] = 1;
			if (*slug == '\0')
				slug = str(h, h->links[k].slug);
			if (*urn == '\0')
				urn = str(h, h->links[k].urn);
		}
		if (owner_has(h, slug, urn)) {
			h->t.st->owner++;
		} else {
			h->t.st->cards++;
			h->t.st->added += (size_t)lq_people_add(h->t.pp, slug, urn, c->name, c->head,
			    NULL, h->t.source);
		}
		free(c->name);
		free(c->head);
		c->name = c->head = NULL;
	}
}

/* Estimates the nesting depth of the markup without building a tree:
 * start tags that are neither void nor implicitly closed count up, end
 * tags down; comments and raw text elements are skipped. */
static size_t
markup_depth(const char *buf, size_t n)
{
	static const char *const flat[] = {
		"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
		"param", "source", "track", "wbr", "keygen", "p", "li", "dt", "dd", "option",
		"optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "rb", "rt", "rtc", "rp",
		"colgroup", "caption", "html", "head", "body", "!", NULL
	};
	static const char *const raw[] = { "script", "style", "textarea", "title", "xmp", NULL };
	size_t i = 0, depth = 0, max = 0;
	const char *p;

	while (i < n && (p = memchr(buf + i, '<', n - i)) != NULL) {
		char name[16];
		size_t k = 0, j;
		int end = 0, isflat = 0, israw = 0;

		i = (size_t)(p - buf) + 1;
		if (i + 2 < n && buf[i] == '!' && buf[i + 1] == '-' && buf[i + 2] == '-') {
			p = memmem(buf + i, n - i, "-->", 3);
			i = p != NULL ? (size_t)(p - buf) + 3 : n;
			continue;
		}
		if (i < n && buf[i] == '/')
			end = 1, i++;
		while (i < n && k < sizeof name - 1 && ((lower((unsigned char)buf[i]) >= 'a' &&
		    lower((unsigned char)buf[i]) <= 'z') || (buf[i] >= '0' && buf[i] <= '9')))
			name[k++] = (char)lower((unsigned char)buf[i++]);
		name[k] = '\0';
		if (k == 0)
			continue;
		for (j = 0; flat[j] != NULL; j++)
			isflat |= strcmp(name, flat[j]) == 0;
		for (j = 0; raw[j] != NULL; j++)
			israw |= strcmp(name, raw[j]) == 0;
		p = memchr(buf + i, '>', n - i);
		i = p != NULL ? (size_t)(p - buf) + 1 : n;
		if (isflat)
			continue;
		if (end) {
			if (depth > 0)
				depth--;
			continue;
		}
		if (p != NULL && p > buf && p[-1] == '/')
			continue;
		if (israw) {
			/* Skip to the matching end tag. */
			while (i < n && (p = memchr(buf + i, '<', n - i)) != NULL) {
				i = (size_t)(p - buf) + 1;
				if (i + k < n && buf[i] == '/' && strncasecmp(buf + i + 1, name, k) == 0)
					break;
			}
			if (p == NULL)
				i = n;
			continue;
		}
		if (++depth > max)
			max = depth;
	}
	return max;
}

/* ------------------------------------------------ large pages in pieces */

/* A saved follower list is one <ul> of thousands of <li> cards, and
 * gumbo's tree builder is most of the run time. Such a page is parsed as
 * a skeleton (the page with the list emptied) plus pieces of the list
 * parsed as fragments in the context of <ul> on several threads, and the
 * walk grafts the pieces into the skeleton's list one at a time. The
 * result is used only when it is provably the tree one parse builds:
 * the skeleton and every piece parse without a single parse error (a
 * piece cut inside a tag, comment, raw text or an open element ends in
 * an EOF error), the skeleton is in no-quirks mode, its list is the very
 * tag the scan found and sits only inside plain block elements (no
 * table, form, template, formatting or foreign element that would change
 * how its items are parsed). Otherwise the page is parsed whole. */

static size_t split_min = LQ_HTML_SPLIT_MIN;
static int split_threads;

void
lq_extract_split(size_t min_bytes, int threads)
{
	split_min = min_bytes;
	split_threads = threads;
}

static int
space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* 1 if b[i..n) starts with tag name w (lower case) ended by space, / or >. */
static int
tag_is(const char *b, size_t n, size_t i, const char *w)
{
	size_t k = strlen(w), j;

	if (i + k >= n)
		return 0;
	for (j = 0; j < k; j++)
		if (lower((unsigned char)b[i + j]) != w[j])
			return 0;
	return space((unsigned char)b[i + k]) || b[i + k] == '/' || b[i + k] == '>';
}

/* Offset just past the '>' ending the tag whose name starts at i
 * (quoted attribute values may hold '>'); n when unterminated. */
static size_t
tag_end(const char *b, size_t n, size_t i)
{
	while (i < n && b[i] != '>') {
		if (b[i++] != '=')
			continue;
		while (i < n && space((unsigned char)b[i]))
			i++;
		if (i < n && (b[i] == '"' || b[i] == '\'')) {
			const char *q = memchr(b + i + 1, b[i], n - i - 1);

			if (q == NULL)
				return n;
			i = (size_t)(q - b) + 1;
		}
	}
	return i < n ? i + 1 : n;
}

struct list_pos {
	size_t lt, body, close;	/* '<' of <ul>, just past its '>', '<' of its </ul> */
	size_t items;		/* its own <li> start tags */
};

/* With li == NULL, finds the <ul> or <ol> with the most items of its own
 * (a guess: the parse checks it) and returns 1, or 0 when there is none.
 * With li != NULL, records where each item of the list *best starts, up
 * to cap, and returns their number. */
static size_t
scan_lists(const char *b, size_t n, struct list_pos *best, size_t *li, size_t cap)
{
	static const char *const raw[] = {
		"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
		"noscript", NULL
	};
	struct list_pos st[64];
	size_t depth = 0, i = li != NULL ? best->body : 0, end = li != NULL ? best->close : n;
	size_t nli = 0, r, k;
	const char *p;

	if (li == NULL)
		memset(best, 0, sizeof *best);
	while (i < end && (p = memchr(b + i, '<', end - i)) != NULL) {
		size_t lt = (size_t)(p - b);
		char name[12];
		int close = 0;

		i = lt + 1;
		if (i + 2 < end && b[i] == '!' && b[i + 1] == '-' && b[i + 2] == '-') {
			p = memmem(b + i, end - i, "-->", 3);
			i = p != NULL ? (size_t)(p - b) + 3 : end;
			continue;
		}
		if (i < end && (b[i] == '!' || b[i] == '?')) {
			p = memchr(b + i, '>', end - i);
			i = p != NULL ? (size_t)(p - b) + 1 : end;
			continue;
		}
		if (i < end && b[i] == '/')
			close = 1, i++;
		/* The tag name, lower case; "" when too long to matter. */
		for (k = 0; i + k < end && k < sizeof name - 1 &&
		    !space((unsigned char)b[i + k]) && b[i + k] != '/' && b[i + k] != '>'; k++)
			name[k] = (char)lower((unsigned char)b[i + k]);
		if (i + k >= end || k == sizeof name - 1)
			k = 0;
		name[k] = '\0';
		i = tag_end(b, end, i + k);
		if (k == 2 && (name[0] == 'u' || name[0] == 'o') && name[1] == 'l') {
			if (close && depth > 0) {
				depth--;
				if (li == NULL && depth < LQ_NELEM(st) && st[depth].items > best->items) {
					*best = st[depth];
					best->close = lt;
				}
			} else if (!close) {
				if (depth < LQ_NELEM(st)) {
					st[depth].lt = lt;
					st[depth].body = i;
					st[depth].items = 0;
				}
				depth++;
			}
			continue;
		}
		if (close || k < 3) {
			if (!close && k == 2 && name[0] == 'l' && name[1] == 'i') {
				if (li != NULL && depth == 0 && nli < cap)
					li[nli++] = lt;
				else if (li == NULL && depth > 0 && depth <= LQ_NELEM(st))
					st[depth - 1].items++;
			}
			continue;
		}
		if (strcmp(name, "plaintext") == 0)
			return 0;
		for (r = 0; raw[r] != NULL && strcmp(name, raw[r]) != 0; r++)
			;
		if (raw[r] == NULL)
			continue;
		/* Skip to its end tag. */
		while (i < end && (p = memchr(b + i, '<', end - i)) != NULL) {
			i = (size_t)(p - b) + 1;
			if (i < end && b[i] == '/' && tag_is(b, end, i + 1, raw[r])) {
				i = tag_end(b, end, i + 1 + k);
				break;
			}
		}
		if (p == NULL)
			i = end;
	}
	return li != NULL ? nli : best->items > 0;
}

struct piece {
	const char *s;
	size_t n;
	GumboOutput *out;
	int state;		/* 0 waiting, 1 being parsed, 2 parsed, 3 freed */
	int by;			/* the thread that parsed it (-1: the walk's) */
};

/* A page in pieces: the skeleton's tree, parsed first, and the list's
 * pieces, parsed in order by the threads (the walk's own thread helps)
 * at most LOOKAHEAD pieces ahead of the walk, which grafts each piece
 * into the list in turn and frees those it is done with. */
struct split {
	GumboOptions opt, fopt;	/* the skeleton's and the pieces' */
	char *skel;		/* the page with the list emptied */
	GumboOutput *out;	/* its tree */
	GumboNode *list;	/* the list in it */
	GumboVector saved;	/* the list's own (empty) children */
	struct piece *pieces;
	int npieces, cur;	/* the piece grafted now, -1 before the first */
	pthread_t th[MAX_PIECES];
	int nth, stop, next;	/* next piece to parse */
	int ids;		/* worker ids handed out */
	int free_upto;		/* the walk is done with the pieces before it */
	int freed[MAX_PIECES + 1];	/* each thread's frees have reached */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Pieces of about this many bytes: their trees (about 11 bytes a byte)
 * stay small and are freed as the walk goes, so memory is the skeleton
 * and a few pieces, not the whole page's tree; per-piece costs vanish. */
#define PIECE_BYTES ((size_t)1 << 20)
#define LOOKAHEAD(sp) (2 * (sp)->nth + 2)

/* Parses the next piece that is due on thread me, called and returning
 * with the lock held; 0 when none is. */
static int
parse_next(struct split *sp, int me)
{
	struct piece *p;

	if (sp->stop || sp->next >= sp->npieces || sp->next > sp->cur + LOOKAHEAD(sp))
		return 0;
	p = &sp->pieces[sp->next++];
	p->state = 1;
	p->by = me;
	pthread_mutex_unlock(&sp->mu);
	p->out = gumbo_parse_with_options(&sp->fopt, p->s, p->n);
	pthread_mutex_lock(&sp->mu);
	p->state = 2;
	pthread_cond_broadcast(&sp->cv);
	return 1;
}

static void
free_piece(struct split *sp, struct piece *p)
{
	if (p->out != NULL)
		gumbo_destroy_output(&sp->fopt, p->out);
	p->out = NULL;
	p->state = 3;
}

/* Frees the pieces thread me parsed that the walk is done with, called
 * and returning with the lock held; returns how many. Each thread frees
 * its own trees: glibc's malloc makes frees of another thread's blocks
 * contend for that thread's arena, which made the parse twice as slow. */
static int
free_done(struct split *sp, int me)
{
	int k, n = 0;

	for (k = sp->freed[me + 1]; k < sp->free_upto; k++) {
		struct piece *p = &sp->pieces[k];

		if (p->by != me || p->state != 2)
			continue;
		p->state = 1;
		pthread_mutex_unlock(&sp->mu);
		free_piece(sp, p);
		pthread_mutex_lock(&sp->mu);
		n++;
	}
	sp->freed[me + 1] = sp->free_upto;
	return n;
}

static void *
parse_worker(void *arg)
{
	struct split *sp = arg;
	int me;

	pthread_mutex_lock(&sp->mu);
	me = sp->ids++;
	while (!sp->stop)
		if (free_done(sp, me) == 0 && !parse_next(sp, me))
			pthread_cond_wait(&sp->cv, &sp->mu);
	pthread_mutex_unlock(&sp->mu);
	return NULL;
}

/* Stops the threads and frees everything but what sp itself is. */
static void
split_free(struct split *sp)
{
	int k;

	if (sp->nth > 0) {
		pthread_mutex_lock(&sp->mu);
		sp->stop = 1;
		pthread_cond_broadcast(&sp->cv);
		pthread_mutex_unlock(&sp->mu);
		for (k = 0; k < sp->nth; k++)
			pthread_join(sp->th[k], NULL);
		sp->nth = 0;
	}
	if (sp->list != NULL)
		sp->list->v.element.children = sp->saved;
	if (sp->out != NULL)
		gumbo_destroy_output(&sp->opt, sp->out);
	for (k = 0; k < sp->npieces; k++)
		free_piece(sp, &sp->pieces[k]);
	free(sp->pieces);
	free(sp->skel);
	pthread_mutex_destroy(&sp->mu);
	pthread_cond_destroy(&sp->cv);
	memset(sp, 0, sizeof *sp);
}

/* Grafts the next piece into the list (its top-level nodes become the
 * list's children), waiting for its parse or doing it. Returns 1, 0 when
 * there is none left, -1 when it does not qualify (a parse error). */
static int
graft_next(struct split *sp)
{
	struct piece *p;
	GumboVector *kids;
	unsigned k;

	if (sp->cur + 1 >= sp->npieces)
		return 0;
	pthread_mutex_lock(&sp->mu);
	p = &sp->pieces[++sp->cur];
	pthread_cond_broadcast(&sp->cv);
	while (p->state != 2)
		if (!parse_next(sp, -1))
			pthread_cond_wait(&sp->cv, &sp->mu);
	pthread_mutex_unlock(&sp->mu);
	if (p->out == NULL || p->out->errors.length > 0 || p->out->root->type != GUMBO_NODE_ELEMENT)
		return -1;
	kids = &p->out->root->v.element.children;
	for (k = 0; k < kids->length; k++) {
		GumboNode *c = kids->data[k];

		c->parent = sp->list;
		c->index_within_parent = k;
	}
	sp->list->v.element.children = *kids;
	return 1;
}

/* 1 if a list inside n would have its items parsed as in a fragment. */
static int
plain_ancestor(const GumboNode *n)
{
	if (n->type == GUMBO_NODE_DOCUMENT)
		return 1;
	if (n->type != GUMBO_NODE_ELEMENT || n->v.element.tag_namespace != GUMBO_NAMESPACE_HTML)
		return 0;
	switch (n->v.element.tag) {
	case GUMBO_TAG_HTML: case GUMBO_TAG_BODY: case GUMBO_TAG_MAIN: case GUMBO_TAG_SECTION:
	case GUMBO_TAG_ARTICLE: case GUMBO_TAG_DIV: case GUMBO_TAG_SPAN: case GUMBO_TAG_HEADER:
	case GUMBO_TAG_FOOTER: case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_UL:
	case GUMBO_TAG_OL: case GUMBO_TAG_LI:
		return 1;
	default:
		return 0;
	}
}

/* The element of the skeleton whose start tag is at s, or NULL. */
static GumboNode *
find_by_tag(GumboNode *root, const char *s)
{
	GumboNode **stack = NULL, *r = NULL;
	size_t depth = 0, cap = 0;

	stack = lq_xreallocarray(NULL, cap = 64, sizeof *stack);
	stack[depth++] = root;
	while (depth > 0 && r == NULL) {
		GumboNode *n = stack[--depth];
		GumboVector *kids;
		unsigned i;

		if (n->type == GUMBO_NODE_ELEMENT && n->v.element.original_tag.data == s) {
			r = n;
			break;
		}
		kids = n->type == GUMBO_NODE_DOCUMENT ? &n->v.document.children :
		    n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE ?
		    &n->v.element.children : NULL;
		for (i = 0; kids != NULL && i < kids->length; i++) {
			if (depth == cap)
				stack = lq_xreallocarray(stack, cap *= 2, sizeof *stack);
			stack[depth++] = kids->data[kids->length - 1 - i];
		}
	}
	free(stack);
	return r;
}

/* Starts parsing buf in pieces and parses the skeleton; returns its tree
 * (the list empty, grafted piece by piece by the walk), or NULL (nothing
 * kept) when the page does not qualify. */
static GumboOutput *
split_parse(struct split *sp, const char *buf, size_t n)
{
	struct list_pos lp;
	size_t *li = NULL, nli, k;
	long ncpu;
	int want, ok = 1, i, np;
	GumboNode *a;

	memset(sp, 0, sizeof *sp);
	want = split_threads;
	if (want <= 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		want = ncpu > MAX_PIECES ? MAX_PIECES : ncpu > 0 ? (int)ncpu : 1;
	}
	if (want > MAX_PIECES)
		want = MAX_PIECES;
	if (n < split_min || want < 2 || !scan_lists(buf, n, &lp, NULL, 0) ||
	    lp.items < (size_t)want * 2)
		return NULL;
	li = lq_xreallocarray(NULL, lp.items, sizeof *li);
	nli = scan_lists(buf, n, &lp, li, lp.items);
	if (nli < (size_t)want * 2) {
		free(li);
		return NULL;
	}
	/* Pieces of about equal item counts; the first takes the list's
	 * leading text, the last runs to </ul>. */
	np = (int)((lp.close - lp.body) / PIECE_BYTES);
	if (np < want * 2)
		np = want * 2;
	if ((size_t)np > nli)
		np = (int)nli;
	sp->opt = kGumboDefaultOptions;
	sp->opt.max_errors = 1;
	sp->fopt = sp->opt;
	sp->fopt.fragment_context = GUMBO_TAG_UL;
	sp->fopt.fragment_namespace = GUMBO_NAMESPACE_HTML;
	sp->pieces = lq_xcalloc((size_t)np, sizeof *sp->pieces);
	sp->npieces = np;
	sp->cur = -1;
	for (i = 0; i < np; i++) {
		size_t b = i == 0 ? lp.body : li[nli * (size_t)i / (size_t)np];
		size_t e = i == np - 1 ? lp.close : li[nli * (size_t)(i + 1) / (size_t)np];

		sp->pieces[i].s = buf + b;
		sp->pieces[i].n = e - b;
	}
	free(li);
	pthread_mutex_init(&sp->mu, NULL);
	pthread_cond_init(&sp->cv, NULL);
	for (i = 0, k = 0; i < want - 1; i++)
		if (pthread_create(&sp->th[k], NULL, parse_worker, sp) == 0)
			k++;
	pthread_mutex_lock(&sp->mu);
	sp->nth = (int)k;
	pthread_mutex_unlock(&sp->mu);
	sp->skel = lq_xmalloc(n - (lp.close - lp.body) + 1);
	memcpy(sp->skel, buf, lp.body);
	memcpy(sp->skel + lp.body, buf + lp.close, n - lp.close);
	sp->out = gumbo_parse_with_options(&sp->opt, sp->skel, n - (lp.close - lp.body));
	/* Check: no parse errors, no quirks, the list found where the scan
	 * saw it, closed by its own end tag, inside plain elements only. */
	if (sp->out == NULL || sp->out->errors.length > 0 ||
	    sp->out->document->v.document.doc_type_quirks_mode != GUMBO_DOCTYPE_NO_QUIRKS)
		ok = 0;
	if (ok && ((sp->list = find_by_tag(sp->out->document, sp->skel + lp.lt)) == NULL ||
	    sp->list->v.element.original_tag.length != lp.body - lp.lt ||
	    sp->list->v.element.original_end_tag.data != sp->skel + lp.body ||
	    sp->list->v.element.children.length != 0))
		ok = 0;
	for (a = ok ? sp->list : NULL; a != NULL; a = a->parent)
		if (!plain_ancestor(a))
			ok = 0;
	if (!ok) {
		sp->list = NULL;
		split_free(sp);
		return NULL;
	}
	sp->saved = sp->list->v.element.children;
	return sp->out;
}

/* Called by the walk at the end of a node's children: for the split
 * list, grafts the next piece. Once the list is sure to be a list of
 * cards (it names two people in one shape, or holds an element that is
 * not one person's), its valid children become cards: their text is read
 * now and the pieces before the current one are freed (the current one
 * stays: its last item is compared with the next piece's first).
 * Returns 1 (walk the new children), 0 (none left, or not the list), -1
 * (a piece does not qualify: parse whole). */
static int
split_step(struct html_ctx *h, struct frame *f, struct card *pend, size_t npend)
{
	struct split *sp = h->sp;
	size_t k;

	if (f->node != sp->list)
		return 0;
	if (f->list || f->agg.multi || !f->agg.valid) {
		for (k = h->text_upto; k < h->ncards; k++)
			if (!h->cards[k].done)
				card_text(h, &h->cards[k]);
		h->text_upto = h->ncards;
		for (k = f->kids_first; k < npend; k++)
			if (!pend[k].done)
				card_text(h, &pend[k]);
		pthread_mutex_lock(&sp->mu);
		sp->free_upto = sp->cur;
		pthread_cond_broadcast(&sp->cv);
		free_done(sp, -1);
		pthread_mutex_unlock(&sp->mu);
	}
	return graft_next(sp);
}

/* Forgets what a walk found, for a second walk. */
static void
html_reset(struct html_ctx *h)
{
	size_t i;

	for (i = 0; i < h->ncards; i++) {
		free(h->cards[i].name);
		free(h->cards[i].head);
	}
	h->ncards = h->nlinks = h->text_upto = 0;
	h->failed = 0;
	h->arena.len = 1;
	lq_people_free(h->owner);
	h->owner = lq_people_new();
}

/* Cards are decided when their parent is, not in document order. */
static int
card_cmp(const void *a, const void *b)
{
	const struct card *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

static void
extract_html(struct text_ctx *t, const char *buf, size_t n)
{
	struct html_ctx h;
	GumboOptions opt = kGumboDefaultOptions;
	GumboOutput *out, *whole = NULL;
	struct split sp;
	struct lq_extract_stats before = *t->st;
	unsigned char *covered;
	size_t i;

	if (markup_depth(buf, n) > LQ_HTML_MAX_DEPTH) {
		t->st->flat = 1;
		scan_text(t, buf, n);
		return;
	}
	memset(&h, 0, sizeof h);
	h.t = *t;
	h.owner = lq_people_new();
	lq_buf_addc(&h.arena, '\0');	/* offset 0: the empty string */
	opt.max_errors = 0;		/* parse errors are not reported: do not keep them */
	if ((out = split_parse(&sp, buf, n)) != NULL) {
		h.sp = &sp;
		walk(&h, out->document);
		if (h.failed) {
			html_reset(&h);
			split_free(&sp);
			*t->st = before;
			h.sp = NULL;
			out = NULL;
		} else {
			t->st->pieces = sp.npieces;
		}
	}
	if (out == NULL) {
		if ((out = whole = gumbo_parse_with_options(&opt, buf, n)) == NULL)
			lq_die(LQ_EXIT_FATAL, "%s: out of memory parsing HTML", t->source);
		walk(&h, out->document);
	}
	if (h.ncards > 1)
		qsort(h.cards, h.ncards, sizeof *h.cards, card_cmp);
	covered = lq_xcalloc(h.nlinks + 1, 1);
	do_cards(&h, covered, h.sp != NULL ? sp.nth + 1 : 1);
	/* Links in no card (an element naming two people at once) still
	 * count, each as a person of its own, in document order at the end. */
	for (i = 0; i < h.nlinks; i++) {
		const char *slug = str(&h, h.links[i].slug), *urn = str(&h, h.links[i].urn);

		if (covered[i])
			continue;
		if (owner_has(&h, slug, urn)) {
			h.t.st->owner++;
			continue;
		}
		h.t.st->cards++;
		h.t.st->added += (size_t)lq_people_add(h.t.pp, slug, urn, NULL, NULL, NULL, t->source);
	}
	free(covered);
	if (whole != NULL)
		gumbo_destroy_output(&opt, whole);
	else
		split_free(&sp);
	free(h.links);
	free(h.cards);
	lq_buf_free(&h.arena);
	lq_people_free(h.owner);
}

/* ---------------------------------------------------------------- driver */

/* 1 if some comma-separated cell of line[0..n) names a URL column. */
static int
csv_header_line(const char *line, size_t n)
{
	char cellbuf[64];
	size_t i = 0;

	while (i <= n) {
		size_t b = i, k = 0;

		while (i < n && line[i] != ',')
			i++;
		while (b < i && (line[b] == ' ' || line[b] == '"' || line[b] == '\xef' ||
		    line[b] == '\xbb' || line[b] == '\xbf'))
			b++;
		for (; b < i && k < sizeof cellbuf - 1; b++)
			if (line[b] != '"')
				cellbuf[k++] = line[b];
		cellbuf[k] = '\0';
		if (is_header(cellbuf, url_names) && memchr(line, ',', n) != NULL)
			return 1;
		i++;
	}
	return 0;
}

enum lq_format
lq_detect_format(const char *buf, size_t n)
{
	size_t i = 0, lines = 0, head = n < 65536 ? n : 65536;

	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\r' || buf[i] == '\n'))
		i++;
	if (i < n && buf[i] == '<')
		return LQ_FMT_HTML;
	if (has_ci(buf, head, "<html") || has_ci(buf, head, "<body") || has_ci(buf, head, "<a ") ||
	    has_ci(buf, head, "<div") || has_ci(buf, head, "<!doctype"))
		return LQ_FMT_HTML;
	while (i < head && lines++ < 50) {
		const char *nl = memchr(buf + i, '\n', head - i);
		size_t e = nl != NULL ? (size_t)(nl - buf) : head;

		if (csv_header_line(buf + i, e - i))
			return LQ_FMT_CSV;
		i = e + 1;
	}
	return LQ_FMT_TEXT;
}

void
lq_extract(struct lq_people *pp, const char *buf, size_t n, enum lq_format fmt,
    const char *source, struct lq_extract_stats *st)
{
	struct text_ctx t;

	memset(st, 0, sizeof *st);
	t.pp = pp;
	t.source = source;
	t.st = st;
	if (fmt == LQ_FMT_AUTO)
		fmt = lq_detect_format(buf, n);
	switch (fmt) {
	case LQ_FMT_HTML:
		extract_html(&t, buf, n);
		break;
	case LQ_FMT_CSV:
		if (extract_csv(&t, buf, n) < 0) {
			st->no_url_column = 1;
			memset(st, 0, sizeof *st);
			st->no_url_column = 1;
			scan_text(&t, buf, n);
		}
		break;
	default:
		scan_text(&t, buf, n);
		break;
	}
}
