/* cards.c: the people of an HTML page, one per card, with name and headline. */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gumbo.h>

#include "diag.h"
#include "followers-int.h"
#include "htmlsplit.h"

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

struct html_ctx {
	struct lq_fol t;
	struct lq_buf arena;	/* NUL-separated strings; offset 0 is "" */
	struct link *links;
	size_t nlinks, caplinks;
	struct card *cards;
	size_t ncards, capcards;
	struct lq_people *owner;	/* people linked from header/nav chrome */
	struct lq_split *sp;	/* the page in pieces, or NULL */
	size_t text_upto;	/* cards before it are done */
	int failed;		/* a piece did not qualify: parse whole */
	struct link *mentions;	/* links in running text, kept for a page without cards */
	size_t nmentions, capmentions;
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
push_link(struct html_ctx *h, struct link **v, size_t *len, size_t *cap, const GumboNode *el,
    const struct lq_liurl *u)
{
	struct link *l;

	if (*len == *cap) {
		*cap = *cap ? *cap * 2 : 256;
		*v = lq_xreallocarray(*v, *cap, sizeof **v);
	}
	if (*len >= UINT32_MAX - 1)
		lq_die(LQ_EXIT_FATAL, "%s: too many links", h->t.source);
	l = &(*v)[(*len)++];
	l->el = el;
	l->slug = intern(h, u->slug);
	l->urn = intern(h, u->urn);
	l->subpage = u->subpage;
}

static void
add_link(struct html_ctx *h, const GumboNode *el, const struct lq_liurl *u)
{
	push_link(h, &h->links, &h->nlinks, &h->caplinks, el, u);
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

/* 1 if s[0..n) is w (lower case), ignoring case. */
static int
eq_ci(const char *s, size_t n, const char *w)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (w[i] == '\0' || lq_fol_lower((unsigned char)s[i]) != w[i])
			return 0;
	return w[n] == '\0';
}

/* 1 if s[0..n) holds w (lower case), ignoring case. */
static int
holds_ci(const char *s, size_t n, const char *w)
{
	return lq_fol_has_ci(s, n, w);
}

/* 1 if the class token t[0..n) names a headline: its BEM element (after
 * "__") is headline, occupation, subtitle or primary-subtitle, or a
 * token without one is "headline" or ends in "-headline". Whole words
 * only: "subheadline" and "secondary-subtitle" are not headlines. */
static int
headline_token(const char *t, size_t n)
{
	size_t i, e = 0;

	for (i = 0; i + 1 < n; i++)
		if (t[i] == '_' && t[i + 1] == '_')
			e = i + 2;
	if (e > 0)
		return eq_ci(t + e, n - e, "headline") || eq_ci(t + e, n - e, "occupation") ||
		    eq_ci(t + e, n - e, "subtitle") || eq_ci(t + e, n - e, "primary-subtitle");
	return eq_ci(t, n, "headline") || (n > 9 && (t[n - 9] == '-' || t[n - 9] == '_') &&
	    eq_ci(t + n - 8, 8, "headline"));
}

/* What an element's class and hidden attributes say (cards ask this of
 * every element they hold): CL_HIDDEN for a hidden attribute or a class
 * token holding visually-hidden or sr-only, CL_HEADLINE for a class
 * token naming a headline (headline_token). */
static int
class_flags(const GumboNode *n)
{
	const GumboVector *av;
	const char *c = NULL;
	size_t i, len, b;
	int f = 0;

	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	av = &n->v.element.attributes;
	for (i = 0; i < av->length; i++) {
		const GumboAttribute *a = av->data[i];

		if (c == NULL && strcasecmp(a->name, "class") == 0)
			c = a->value;
		else if (strcasecmp(a->name, "hidden") == 0)
			f |= CL_HIDDEN;
	}
	for (i = 0, len = c != NULL ? strlen(c) : 0; i < len; ) {
		while (i < len && (c[i] == ' ' || c[i] == '\t' || c[i] == '\n' || c[i] == '\r' ||
		    c[i] == '\f'))
			i++;
		for (b = i; i < len && c[i] != ' ' && c[i] != '\t' && c[i] != '\n' && c[i] != '\r' &&
		    c[i] != '\f'; i++)
			;
		if (i - b < 7)	/* shorter than "sr-only" or any headline token */
			continue;
		if (holds_ci(c + b, i - b, "visually-hidden") || holds_ci(c + b, i - b, "sr-only"))
			f |= CL_HIDDEN;
		else if (headline_token(c + b, i - b))
			f |= CL_HEADLINE;
	}
	return f;
}

static int
hidden(const GumboNode *n)
{
	return class_flags(n) & CL_HIDDEN;
}

static int noise(const char *s);

/* 1 if the text node n shows words (not only spaces, punctuation or a
 * degree badge). */
static int
wordy(const GumboNode *n)
{
	struct lq_buf t = LQ_BUF_INIT;
	int r;

	lq_fol_add_text(&t, n->v.text.text, strlen(n->v.text.text));
	lq_fol_trim(&t);
	r = t.data != NULL && !noise(t.data);
	lq_buf_free(&t);
	return r;
}

/* 1 if n is an element that runs in text (a <span>, <strong>, ...). */
static int
inline_tag(const GumboNode *n)
{
	if (n->type != GUMBO_NODE_ELEMENT)
		return 0;
	switch (n->v.element.tag) {
	case GUMBO_TAG_SPAN: case GUMBO_TAG_A: case GUMBO_TAG_STRONG: case GUMBO_TAG_B:
	case GUMBO_TAG_EM: case GUMBO_TAG_I: case GUMBO_TAG_BR:
		return 1;
	default:
		return 0;
	}
}

static void visible_text(const GumboNode *n, struct lq_buf *b, int depth);

/* 1 if the inline element n shows words (hidden text left out): text
 * running next to a link. */
static int
inline_words(const GumboNode *n)
{
	struct lq_buf t = LQ_BUF_INIT;
	int r;

	if (!inline_tag(n))
		return 0;
	visible_text(n, &t, 0);
	lq_fol_trim(&t);
	r = t.data != NULL && !noise(t.data);
	lq_buf_free(&t);
	return r;
}

/* 1 if the inline element n shows no words (a spacer <span> </span>, an
 * empty link): running text reads across it. */
static int
blank_inline(const GumboNode *n)
{
	unsigned i;

	if (n->type == GUMBO_NODE_WHITESPACE || n->type == GUMBO_NODE_COMMENT)
		return 1;
	if (!inline_tag(n))
		return 0;
	for (i = 0; i < n->v.element.children.length; i++) {
		const GumboNode *c = n->v.element.children.data[i];

		if (c->type == GUMBO_NODE_TEXT ? wordy(c) : !blank_inline(c))
			return 0;
	}
	return 1;
}

/* 1 if keys a and b are both set and differ. */
static int
differ(const char *a, const char *b)
{
	return a[0] != '\0' && b[0] != '\0' && strcmp(a, b) != 0;
}

/* 1 if the profile link el (to u) sits in running text: the nearest
 * sibling before or after it that shows words, spacers, punctuation and
 * other links passed over, is text; or a link to another person is next
 * to it (a row of mentions; a card's photo and name link one person).
 * That is a mention in a post or a note ("Ann and Bo are mutual
 * connections"), not a card's link. Only the siblings next to
 * el are looked at and <li> stops the look, so a list parsed in pieces
 * (cut before <li> tags) gives the same answer as one parse. */
static int
in_prose(const GumboNode *el, const struct lq_liurl *u)
{
	const GumboNode *p = el->parent;
	size_t i, k;
	int dir;

	if (p == NULL || (p->type != GUMBO_NODE_ELEMENT && p->type != GUMBO_NODE_TEMPLATE))
		return 0;
	for (dir = -1; dir <= 1; dir += 2) {
		for (i = el->index_within_parent, k = 0; k < 16; k++) {
			const GumboNode *c;

			if ((dir < 0 && i == 0) || (dir > 0 && i + 1 >= p->v.element.children.length))
				break;
			i = dir < 0 ? i - 1 : i + 1;
			c = p->v.element.children.data[i];
			if (c->type == GUMBO_NODE_TEXT) {
				if (wordy(c))
					return 1;
				continue;	/* a comma, a bullet */
			}
			if (c->type == GUMBO_NODE_ELEMENT && c->v.element.tag == GUMBO_TAG_A) {
				const char *href = attr(c, "href");
				struct lq_liurl v;

				if (href != NULL && lq_liurl_parse(href, strlen(href), &v) == LQ_LIURL_OK &&
				    (differ(u->slug, v.slug) || differ(u->urn, v.urn)))
					return 1;
				continue;	/* the same person, a hashtag, a company */
			}
			if (!blank_inline(c)) {
				if (inline_words(c))
					return 1;	/* <span>Followed by</span> <a> */
				if (!inline_tag(c))
					break;
			}
		}
	}
	return 0;
}

/* The profile links of element el itself: href of <a>/<area>, every
 * data-* attribute value. chrome: 2 owner chrome, 1 other, 0 content.
 * A link in running text is a mention, kept aside (in_prose). */
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
		if (vn == 0 || !lq_fol_candidate(a->value, vn) || !lq_fol_take_link(a->value, vn, &u, h->t.st))
			continue;
		if (chrome) {
			h->t.st->chrome++;
			if (chrome == 2)
				lq_people_add(h->owner, u.slug, u.urn, NULL, NULL, NULL, "");
			continue;
		}
		if (a->name[0] == 'h' && in_prose(el, &u)) {
			if (lq_people_has(h->owner, u.slug, u.urn))
				h->t.st->owner++;
			else
				h->t.st->mentions++;
			push_link(h, &h->mentions, &h->nmentions, &h->capmentions, el, &u);
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

	if (!lq_fol_has_ci(s, n, "linkedin") && !lq_fol_has_ci(s, n, "lnkd.in"))
		return;
	while (i < n) {
		size_t b, len;
		struct lq_liurl u;

		while (i < n && lq_fol_token_end((unsigned char)s[i]))
			i++;
		b = i;
		while (i < n && !lq_fol_token_end((unsigned char)s[i]))
			i++;
		len = lq_fol_strip_trailing(s + b, i - b);
		/* In text only absolute links count: "/in/x" is prose. */
		if (len == 0 || s[b] == '/' || !lq_fol_candidate(s + b, len) ||
		    !lq_fol_take_link(s + b, len, &u, h->t.st))
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
 * button content left out), at most LQ_FOL_MAX_TEXT bytes. */
static void
visible_text(const GumboNode *n, struct lq_buf *b, int depth)
{
	const GumboVector *kids;
	unsigned i;

	if (n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_WHITESPACE) {
		lq_fol_add_text(b, n->v.text.text, strlen(n->v.text.text));
		return;
	}
	if ((n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_TEMPLATE) || depth > 256 ||
	    skip_text_of(n) || hidden(n) || b->len >= LQ_FOL_MAX_TEXT)
		return;
	kids = &n->v.element.children;
	for (i = 0; i < kids->length; i++)
		visible_text(kids->data[i], b, depth + 1);
}

/* Text that names nobody and is no headline: empty, only punctuation,
 * a degree badge ("• 2nd") or pronouns ("(She/Her)"). */
static int
noise(const char *s)
{
	const char *p;
	size_t n;

	while (*s == ' ' || strncmp(s, "\xe2\x80\xa2", 3) == 0 || strncmp(s, "\xc2\xb7", 2) == 0)
		s += *s == ' ' ? 1 : s[0] == '\xe2' ? 3 : 2;
	if (*s == '\0' || strcmp(s, "1st") == 0 || strcmp(s, "2nd") == 0 ||
	    strcmp(s, "3rd") == 0 || strcmp(s, "3rd+") == 0)
		return 1;
	n = strlen(s);
	if (s[0] == '(' && s[n - 1] == ')' && n <= 32 && memchr(s, '/', n) != NULL)
		return 1;
	for (p = s; *p != '\0'; p++)
		if ((unsigned char)*p >= 0x80 || (lq_fol_lower(*p) >= 'a' && lq_fol_lower(*p) <= 'z'))
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

			lq_fol_add_text(&t, c->v.text.text, strlen(c->v.text.text));
			lq_fol_trim(&t);
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
	return lq_fol_has_ci(s, strlen(s), "view") && lq_fol_has_ci(s, strlen(s), "profile") && strlen(s) < 80;
}

/* The first photo's alt text inside n (for photo-only links), or NULL.
 * Never an aria-label: those say "Ann has verifications", "View Ann's
 * profile" or what a button does, not a name. */
static const char *
photo_alt(const GumboNode *n, int depth)
{
	const char *v;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 64)
		return NULL;
	if (n->v.element.tag == GUMBO_TAG_IMG && (v = attr(n, "alt")) != NULL && !noise(v) &&
	    !view_profile(v))
		return v;
	for (i = 0; i < n->v.element.children.length; i++)
		if ((v = photo_alt(n->v.element.children.data[i], depth + 1)) != NULL)
			return v;
	return NULL;
}

/* Drops the words a photo's alt text adds to the name ("Ann Lee profile
 * picture", "Ann Lee's photo"). */
static void
strip_photo_words(struct lq_buf *b)
{
	static const char *const tails[] = {
		"\xe2\x80\x99s profile picture", "'s profile picture", " profile picture",
		"\xe2\x80\x99s profile photo", "'s profile photo", " profile photo",
		"\xe2\x80\x99s photo", "'s photo", NULL
	};
	size_t i, k;

	for (i = 0; tails[i] != NULL; i++) {
		k = strlen(tails[i]);
		if (b->len > k && strcasecmp(b->data + b->len - k, tails[i]) == 0) {
			b->len -= k;
			b->data[b->len] = '\0';
			return;
		}
	}
}

/* 1 if te, or an element between it and el, is the page's <h1>. */
static int
in_h1(const GumboNode *te, const GumboNode *el)
{
	for (; te != NULL; te = te->parent) {
		if (te->type == GUMBO_NODE_ELEMENT && te->v.element.tag == GUMBO_TAG_H1)
			return 1;
		if (te == el)
			break;
	}
	return 0;
}

/* The first <h1> under n that is in no link to another page (an article
 * title is an <h1> too, in a link to the article), or NULL. */
static const GumboNode *
h1_in(const GumboNode *n, int depth)
{
	const GumboNode *r;
	const char *href;
	struct lq_liurl u;
	unsigned i;

	if (n->type != GUMBO_NODE_ELEMENT || depth > 256 || skip_text_of(n) || hidden(n))
		return NULL;
	if (n->v.element.tag == GUMBO_TAG_H1)
		return n;
	if (n->v.element.tag == GUMBO_TAG_A && ((href = attr(n, "href")) == NULL ||
	    lq_liurl_parse(href, strlen(href), &u) != LQ_LIURL_OK))
		return NULL;
	for (i = 0; i < n->v.element.children.length; i++)
		if ((r = h1_in(n->v.element.children.data[i], depth + 1)) != NULL)
			return r;
	return NULL;
}

/* 1 if n is a or is inside anc. */
static int
within(const GumboNode *n, const GumboNode *anc)
{
	for (; n != NULL; n = n->parent)
		if (n == anc)
			return 1;
	return 0;
}

/* LinkedIn headlines are at most 220 characters: longer text after a
 * name is a recommendation, a post or an about section. */
#define MAX_HEADLINE_CHARS 220

static size_t
utf8_chars(const char *s)
{
	size_t k = 0;

	for (; *s != '\0'; s++)
		k += ((unsigned char)*s & 0xc0) != 0x80;
	return k;
}

struct after {
	const GumboNode *name_el;	/* the element whose text is the name */
	const GumboNode *name_link;	/* the link holding it */
	const char *name;
	int passed;			/* walked past name_el */
	const GumboNode *found;		/* the first text node with words after it */
};

/* Finds the first text after the name, in document order: inside the
 * name's own link too (newer cards put the headline there), never in
 * another link, a button or hidden text. */
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
		lq_fol_add_text(&t, n->v.text.text, strlen(n->v.text.text));
		lq_fol_trim(&t);
		if (t.data != NULL && !noise(t.data) && (a->name == NULL || strcmp(t.data, a->name) != 0))
			a->found = n;
		lq_buf_free(&t);
		return;
	}
	if (n->type != GUMBO_NODE_ELEMENT)
		return;
	if (n == a->name_el) {
		a->passed = 1;
		return;
	}
	if ((n->v.element.tag == GUMBO_TAG_A && n != a->name_link) || skip_text_of(n) || hidden(n))
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

	lq_fol_trim(b);
	while (k < b->len && b->data[k] == ' ')
		k++;
	if (k > 0) {
		memmove(b->data, b->data + k, b->len - k + 1);
		b->len -= k;
	}
}

/* Reads card c's name and headline (done). Only reads the tree, so
 * cards are read on several threads at once.
 * Name: the text of the first link to the profile itself that shows
 * words other than "View profile"; else a sub-page link's <h1> (a
 * profile's name sits in a link to its "about this profile" overlay);
 * else the card's own <h1>; else a photo's alt text.
 * Headline: the element whose class names one (headline_token), else the
 * first text after the name (text_after), at most MAX_HEADLINE_CHARS. */
static void
card_text(struct html_ctx *h, struct card *c)
{
	struct lq_buf name = LQ_BUF_INIT, head = LQ_BUF_INIT;
	struct after a;
	const GumboNode *hn, *name_el = NULL, *name_link = NULL;
	uint32_t i;
	int pass;

	for (pass = 0; pass < 2 && name_el == NULL; pass++) {
		for (i = c->first; i < c->first + c->n && name_el == NULL; i++) {
			const GumboNode *el = h->links[i].el, *te;

			if (el->type != GUMBO_NODE_ELEMENT || h->links[i].subpage != pass)
				continue;
			lq_buf_reset(&name);
			if ((te = first_text_el(el, 0)) == NULL || (pass == 1 && !in_h1(te, el)))
				continue;
			visible_text(te, &name, 0);
			clean(&name);
			if (name.len > 0 && !noise(name.data) && !view_profile(name.data)) {
				name_el = te;
				name_link = el;
			}
		}
	}
	/* A profile's own card: the name is its <h1>, outside any link. */
	if (name_el == NULL && c->node->type == GUMBO_NODE_ELEMENT &&
	    (hn = h1_in(c->node, 0)) != NULL) {
		lq_buf_reset(&name);
		visible_text(hn, &name, 0);
		clean(&name);
		if (name.len > 0 && !noise(name.data))
			name_el = hn;
	}
	if (name_el == NULL) {
		lq_buf_reset(&name);
		for (i = c->first; i < c->first + c->n; i++) {
			const char *l = h->links[i].el->type == GUMBO_NODE_ELEMENT ?
			    photo_alt(h->links[i].el, 0) : NULL;

			if (l != NULL) {
				lq_fol_add_text(&name, l, strlen(l));
				clean(&name);
				strip_photo_words(&name);
				break;
			}
		}
	}
	if (c->node->type == GUMBO_NODE_ELEMENT) {
		if ((hn = headline_el(c->node, 0)) != NULL) {
			visible_text(hn, &head, 0);
		} else if (name_el != NULL) {
			memset(&a, 0, sizeof a);
			a.name_el = name_el;
			a.name_link = name_link;
			a.name = name.len > 0 ? name.data : NULL;
			text_after(c->node, &a, 0);
			/* The headline is the element around that text, unless the
			 * element also holds the name: then the text alone. */
			if (a.found != NULL && within(name_el, a.found->parent))
				lq_fol_add_text(&head, a.found->v.text.text, strlen(a.found->v.text.text));
			else if (a.found != NULL)
				visible_text(a.found->parent, &head, 0);
		}
		clean(&head);
		if (head.len > 0 && ((name.len > 0 && strcmp(head.data, name.data) == 0) ||
		    utf8_chars(head.data) > MAX_HEADLINE_CHARS))
			lq_buf_reset(&head);
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
	struct cards_job job[LQ_FOL_MAX_THREADS];
	size_t i;
	uint32_t k;
	int t;

	if (threads < 1 || h->ncards < 1024)
		threads = 1;
	if (threads > LQ_FOL_MAX_THREADS)
		threads = LQ_FOL_MAX_THREADS;
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
		if (lq_people_has(h->owner, slug, urn)) {
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
		while (i < n && k < sizeof name - 1 && ((lq_fol_lower((unsigned char)buf[i]) >= 'a' &&
		    lq_fol_lower((unsigned char)buf[i]) <= 'z') || (buf[i] >= '0' && buf[i] <= '9')))
			name[k++] = (char)lq_fol_lower((unsigned char)buf[i++]);
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
	size_t k;

	if (f->node != lq_split_list(h->sp))
		return 0;
	if (f->list || f->agg.multi || !f->agg.valid) {
		for (k = h->text_upto; k < h->ncards; k++)
			if (!h->cards[k].done)
				card_text(h, &h->cards[k]);
		h->text_upto = h->ncards;
		for (k = f->kids_first; k < npend; k++)
			if (!pend[k].done)
				card_text(h, &pend[k]);
		lq_split_release(h->sp);
	}
	return lq_split_graft(h->sp);
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
	h->ncards = h->nlinks = h->text_upto = h->nmentions = 0;
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

void
lq_fol_html(struct lq_fol *t, const char *buf, size_t n)
{
	struct html_ctx h;
	GumboOptions opt = kGumboDefaultOptions;
	GumboOutput *whole = NULL;
	struct lq_extract_stats before = *t->st;
	unsigned char *covered;
	size_t i;

	if (markup_depth(buf, n) > LQ_HTML_MAX_DEPTH) {
		t->st->flat = 1;
		lq_fol_scan_text(t, buf, n);
		return;
	}
	memset(&h, 0, sizeof h);
	h.t = *t;
	h.owner = lq_people_new();
	lq_buf_addc(&h.arena, '\0');	/* offset 0: the empty string */
	opt.max_errors = 0;		/* parse errors are not reported: do not keep them */
	if ((h.sp = lq_split_new(buf, n)) != NULL) {
		walk(&h, lq_split_root(h.sp));
		if (h.failed) {
			html_reset(&h);
			lq_split_free(h.sp);
			h.sp = NULL;
			*t->st = before;
		} else {
			t->st->pieces = lq_split_pieces(h.sp);
		}
	}
	if (h.sp == NULL) {
		if ((whole = gumbo_parse_with_options(&opt, buf, n)) == NULL)
			lq_die(LQ_EXIT_FATAL, "%s: out of memory parsing HTML", t->source);
		walk(&h, whole->document);
	}
	if (h.ncards > 1)
		qsort(h.cards, h.ncards, sizeof *h.cards, card_cmp);
	covered = lq_xcalloc(h.nlinks + 1, 1);
	do_cards(&h, covered, h.sp != NULL ? lq_split_threads(h.sp) + 1 : 1);
	/* Links in no card (an element naming two people at once) still
	 * count, each as a person of its own, in document order at the end. */
	for (i = 0; i < h.nlinks; i++) {
		const char *slug = str(&h, h.links[i].slug), *urn = str(&h, h.links[i].urn);

		if (covered[i])
			continue;
		if (lq_people_has(h.owner, slug, urn)) {
			h.t.st->owner++;
			continue;
		}
		h.t.st->cards++;
		h.t.st->added += (size_t)lq_people_add(h.t.pp, slug, urn, NULL, NULL, NULL, t->source);
	}
	/* A page whose profile links all sit in running text (a hand-made
	 * list, a note) has no cards: its mentions are its people. */
	if (h.t.st->cards == 0 && h.nmentions > 0) {
		for (i = 0; i < h.nmentions; i++) {
			const char *slug = str(&h, h.mentions[i].slug), *urn = str(&h, h.mentions[i].urn);

			if (lq_people_has(h.owner, slug, urn)) {
				h.t.st->owner++;
				continue;
			}
			h.t.st->cards++;
			h.t.st->added += (size_t)lq_people_add(h.t.pp, slug, urn, NULL, NULL, NULL,
			    t->source);
		}
		h.t.st->mentions = 0;
	}
	free(covered);
	if (whole != NULL)
		gumbo_destroy_output(&opt, whole);
	lq_split_free(h.sp);
	free(h.links);
	free(h.mentions);
	free(h.cards);
	lq_buf_free(&h.arena);
	lq_people_free(h.owner);
}
