/* people.c: the deduplicating set of followers (a slug and/or a URN each). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "followers.h"
#include "util.h"

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

int
lq_people_has(struct lq_people *pp, const char *slug, const char *urn)
{
	return find_key(pp, 's', slug) >= 0 || find_key(pp, 'u', urn) >= 0;
}
