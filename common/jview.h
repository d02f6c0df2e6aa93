/* jview.h: a read-only view of one JSON value's text, its values found in one pass without jansson. */
#ifndef LQ_JVIEW_H
#define LQ_JVIEW_H

#include <stddef.h>
#include <stdint.h>

/*
 * For a reader that looks at a few members of a large value and keeps
 * nothing of it (the profile view, common/profile.c): the text is passed
 * once, every value becomes a node of a flat array (its type; a
 * container's children; an integer's value; a string's place in the
 * text), and a string is decoded only when asked for. The text must be
 * one JSON value as jansson accepts it with JSON_ALLOW_NUL (the lazy
 * scanner, common/lazy.c, has checked it); lq_jv_parse still refuses
 * what it does not understand instead of guessing (it checks structure,
 * escapes, UTF-8 and integer range as jansson does), and the caller then
 * reads the value with jansson. Values read as jansson reads them: a
 * repeated key gives its last value; an integer is a number without a
 * fraction or exponent; a string may hold NUL bytes (its length counts
 * them).
 *
 * A view is for one thread; it borrows the text, which must outlive it.
 * lq_jv_parse reuses the view's memory; lq_jv_free releases it.
 */

enum lq_jv_type { LQ_JV_NULL, LQ_JV_FALSE, LQ_JV_TRUE, LQ_JV_INT, LQ_JV_REAL, LQ_JV_STR, LQ_JV_ARR, LQ_JV_OBJ };

struct lq_jv_node {
	uint8_t type;		/* enum lq_jv_type */
	uint8_t esc;		/* string: escapes in it */
	uint8_t key_esc;	/* member of an object: escapes in its key */
	uint8_t decoded;	/* string: s holds it, len is its decoded length */
	uint32_t key_off, key_len;	/* member of an object: its key's bytes in the text (no quotes) */
	uint32_t off, len;	/* string: its bytes in the text (no quotes); container: kids[off..off+len) */
	union {
		long long i;	/* integer; object: its table of keys (jview.c) */
		const char *s;	/* string, once decoded: NUL-terminated */
	} u;
};

struct lq_jv {
	const char *text;
	size_t n;
	struct lq_jv_node *node;	/* node[0] is the value */
	size_t nnode, capnode;
	uint32_t *kids;			/* every container's children, each container's together */
	size_t nkids, capkids;
	uint32_t *stack;		/* children of the open containers */
	size_t nstack, capstack;
	char *arena;			/* decoded strings */
	size_t narena, caparena;
	struct lq_jv_block *blocks;	/* arenas given up when one filled (freed by lq_jv_parse) */
	uint32_t *tabs;			/* objects' tables of their keys */
	size_t ntabs, captabs;
	int checked;			/* lq_jv_parse_checked: the text is known to be valid */
};

#define LQ_JV_INIT { NULL, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, NULL, NULL, 0, 0, 0 }

/* Views s[0..n) (white space around the value allowed). Returns the root
 * node, or NULL when the text is not one value it understands (the
 * caller falls back to jansson). */
const struct lq_jv_node *lq_jv_parse(struct lq_jv *v, const char *s, size_t n);
/* The same for a text the lazy scanner has taken (a lazy record's member
 * as lq_lazy_peek gives it): strings are passed by their closing quote
 * alone, their escapes and UTF-8 not checked again. The view is the same
 * as lq_jv_parse's; the rest (structure, numbers, depth) is checked as
 * there, and a text it refuses is refused there too. */
const struct lq_jv_node *lq_jv_parse_checked(struct lq_jv *v, const char *s, size_t n);
void lq_jv_free(struct lq_jv *v);

/* The member key (k[0..n)) of object o, the last when repeated, or NULL
 * (also when o is not an object). */
const struct lq_jv_node *lq_jv_getn(struct lq_jv *v, const struct lq_jv_node *o, const char *k, size_t n);

/* The hash lq_jv_getn takes of a key: its length and three of its bytes
 * (keys of one object seldom share all four; those that do are told
 * apart by their bytes). A reader that looks the same keys up again and
 * again takes it once and calls lq_jv_getnh, which answers as
 * lq_jv_getn. */
static inline uint32_t
lq_jv_hash(const char *k, size_t n)
{
	uint32_t h = (uint32_t)n * 0x9e3779b1u;

	if (n)
		h ^= ((unsigned char)k[0] | (uint32_t)(unsigned char)k[n / 2] << 8 |
		    (uint32_t)(unsigned char)k[n - 1] << 16) * 0x85ebca6bu;
	return h ^ h >> 13;
}
const struct lq_jv_node *lq_jv_getnh(struct lq_jv *v, const struct lq_jv_node *o, const char *k, size_t n,
    uint32_t h);
/* Element i of array a, or NULL. */
const struct lq_jv_node *lq_jv_at(const struct lq_jv *v, const struct lq_jv_node *a, size_t i);
/* The number of elements of an array or members of an object (a repeated
 * key counted each time: 0 exactly when jansson's size is 0); 0 for
 * anything else. */
size_t lq_jv_size(struct lq_jv *v, const struct lq_jv_node *c);
/* A string's decoded bytes (NUL-terminated; *len its length), or NULL
 * when s is not a string. */
const char *lq_jv_str(struct lq_jv *v, const struct lq_jv_node *s, size_t *len);
/* A string's bytes in the text (*len of them, not NUL-terminated) when it
 * holds no escape, so that they are its decoded bytes; else NULL. */
static inline const char *
lq_jv_raw(const struct lq_jv *v, const struct lq_jv_node *s, size_t *len)
{
	if (s == NULL || s->type != LQ_JV_STR || s->esc || s->decoded)
		return NULL;
	*len = s->len;
	return v->text + s->off;
}

#endif
