/* htmlsplit.c: a large page's follower list parsed in pieces on several threads. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gumbo.h>

#include "followers-int.h"
#include "htmlsplit.h"

/* The result is used only when it is provably the tree one parse builds:
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
		if (lq_fol_lower((unsigned char)b[i + j]) != w[j])
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
			name[k] = (char)lq_fol_lower((unsigned char)b[i + k]);
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
struct lq_split {
	GumboOptions opt, fopt;	/* the skeleton's and the pieces' */
	char *skel;		/* the page with the list emptied */
	GumboOutput *out;	/* its tree */
	GumboNode *list;	/* the list in it */
	GumboVector saved;	/* the list's own (empty) children */
	struct piece *pieces;
	int npieces, cur;	/* the piece grafted now, -1 before the first */
	pthread_t th[LQ_FOL_MAX_THREADS];
	int nth, stop, next;	/* next piece to parse */
	int ids;		/* worker ids handed out */
	int free_upto;		/* the walk is done with the pieces before it */
	int freed[LQ_FOL_MAX_THREADS + 1];	/* each thread's frees have reached */
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
parse_next(struct lq_split *sp, int me)
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
free_piece(struct lq_split *sp, struct piece *p)
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
free_done(struct lq_split *sp, int me)
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
	struct lq_split *sp = arg;
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
split_clear(struct lq_split *sp)
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

/* The next piece's top-level nodes become the list's children. */
int
lq_split_graft(struct lq_split *sp)
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

struct lq_split *
lq_split_new(const char *buf, size_t n)
{
	struct lq_split *sp;
	struct list_pos lp;
	size_t *li = NULL, nli, k;
	long ncpu;
	int want, ok = 1, i, np;
	GumboNode *a;

	want = split_threads;
	if (want <= 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		want = ncpu > LQ_FOL_MAX_THREADS ? LQ_FOL_MAX_THREADS : ncpu > 0 ? (int)ncpu : 1;
	}
	if (want > LQ_FOL_MAX_THREADS)
		want = LQ_FOL_MAX_THREADS;
	if (n < split_min || want < 2 || !scan_lists(buf, n, &lp, NULL, 0) ||
	    lp.items < (size_t)want * 2)
		return NULL;
	sp = lq_xcalloc(1, sizeof *sp);
	li = lq_xreallocarray(NULL, lp.items, sizeof *li);
	nli = scan_lists(buf, n, &lp, li, lp.items);
	if (nli < (size_t)want * 2) {
		free(li);
		free(sp);
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
		lq_split_free(sp);
		return NULL;
	}
	sp->saved = sp->list->v.element.children;
	return sp;
}

const GumboNode *
lq_split_root(const struct lq_split *sp)
{
	return sp->out->document;
}

const GumboNode *
lq_split_list(const struct lq_split *sp)
{
	return sp->list;
}

void
lq_split_release(struct lq_split *sp)
{
	pthread_mutex_lock(&sp->mu);
	sp->free_upto = sp->cur;
	pthread_cond_broadcast(&sp->cv);
	free_done(sp, -1);
	pthread_mutex_unlock(&sp->mu);
}

int
lq_split_pieces(const struct lq_split *sp)
{
	return sp->npieces;
}

int
lq_split_threads(const struct lq_split *sp)
{
	return sp->nth;
}

void
lq_split_free(struct lq_split *sp)
{
	if (sp == NULL)
		return;
	split_clear(sp);
	free(sp);
}

