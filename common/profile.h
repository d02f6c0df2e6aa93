/* profile.h: scraped LinkedIn profiles of every actor shape as one normalised view; matching keys; the profile cache (docs/scrape.md). */
#ifndef LQ_PROFILE_H
#define LQ_PROFILE_H

#include <stdio.h>

#include <jansson.h>

#include "dataset.h"

/*
 * This is the only reader of the scraped profile format. Every actor
 * writes its own shape; a table in profile.c (one row per shape, the
 * fields of each as JSON paths) says where each shape keeps what, and the
 * rest of lq reads the struct lq_profile view below.
 */

/* Output shapes of the LinkedIn profile actors we understand
 * (docs/scrape.md, "Actor shapes"). */
enum lq_shape {
	LQ_SHAPE_UNKNOWN = 0,
	LQ_SHAPE_SUPREME,	/* supreme_coder / curious_coder: positions[] with timePeriod */
	LQ_SHAPE_HARVEST,	/* harvestapi: experience[] with position, location{} */
	LQ_SHAPE_HARVEST_SPLIT,	/* harvestapi-based: profile{} beside experience[] and meta{} */
	LQ_SHAPE_DEVFUSION,	/* dev_fusion: experiences[] with subtitle/caption */
	LQ_SHAPE_APIMAESTRO	/* apimaestro: basic_info{} and experience[] */
};

/* The shape's name for messages and docs ("supreme_coder", ...). */
const char *lq_shape_name(enum lq_shape s);

/* Returns the shape of a dataset item (an "element" wrapper, as HarvestAPI
 * wrote before October 2025, is looked through), LQ_SHAPE_UNKNOWN when item
 * is not an object or carries the keys of no known shape. */
enum lq_shape lq_profile_shape(const json_t *item);

/* One position (job) of a profile, the same whatever actor wrote it.
 * Strings are trimmed, never empty (NULL when unknown) and valid UTF-8. */
struct lq_position {
	char *title, *company, *employment_type, *description, *location, *industry;
	char *start, *end;	/* "2021-03" or "2021" when the month is unknown, else the
				 * actor's own text; end is NULL while current */
	int current;		/* 1: no end date */
	long employees_lo, employees_hi;	/* the company's head count range, -1 unknown */
};

/* What lq knows of one profile. */
struct lq_profile {
	enum lq_shape shape;
	int wrapped;		/* the item held the profile in "element" */
	char *name, *headline, *location, *summary;
	char *industry;		/* LinkedIn's industry of the person or current company */
	char *public_id;	/* vanity slug, as the actor gave it */
	char *urn;		/* member id ACoAA... (ACwAA...), case kept */
	char *url;		/* the profile URL the actor names */
	struct lq_position *pos;	/* every position, in the item's order */
	size_t npos;
	char **skills;
	size_t nskills;
	/* The current company: that of the first current position (no fall back
	 * to a top-level companyName while the item lists positions at all). */
	char *company, *company_industry, *company_description;
	long employees_lo, employees_hi;	/* its head count, -1 unknown (hi -1: open) */
	char *employees_text;	/* as the actor gives it: "201-500", "120", "10,001+" */
	char *employees_src;	/* where that came from: "employeeCountRange 201-500" */
	json_t *titles;		/* titles of the current positions, in order, no repeats */
	char *country;		/* lq_profile_of: the profile's geoCountryName as it is, or NULL */
	char *error;		/* lq_profile_read: the actor's reason, or what is wrong */
	struct lq_profile_arena *arena;	/* where the reader put most of the strings above */
};

/* Results of lq_profile_read. */
#define LQ_PROFILE_OK 0
#define LQ_PROFILE_FAILURE 1	/* the item is the actor's failure report */
#define LQ_PROFILE_UNKNOWN (-1)	/* not a profile of any known shape */

/*
 * Reads item into *p. Junk is cleaned at the source: placeholders ("--",
 * "N/A", "LinkedIn Member", ...) are unknown; a company slot that holds a
 * duration or an employment type ("Full-time · 4 yrs") is the scraper's
 * grouping row, whose title is the company of the roles under it; a
 * company glued to the title ("Revcast, Chief Marketing Officer" at
 * Revcast) is taken off; "Acme · Full-time" is company and employment
 * type; a location that is only a workplace type ("Remote") is unknown.
 * Returns LQ_PROFILE_OK; LQ_PROFILE_FAILURE with the actor's own reason
 * in p->error ("Profile not found (status 404)") for an item that reports
 * a private or missing profile instead of one; LQ_PROFILE_UNKNOWN with
 * "unknown item shape: keys a, b, c" in p->error. Free with
 * lq_profile_free in every case.
 */
int lq_profile_read(const json_t *item, struct lq_profile *p);
void lq_profile_free(struct lq_profile *p);

/* The view of a lead record's raw profile (its "profile" field), read as
 * lq_profile_read does; a profile object of no known shape (made by hand)
 * is read with the keys every shape shares (firstName, headline, summary,
 * industryName, positions[], ...); empty when the record has none.
 * p->error is always NULL. */
void lq_profile_of(const json_t *rec, struct lq_profile *p);

/* For tests: with on 0, lq_profile_of reads a record's profile through
 * jansson even when the record still holds its text unread (by default
 * it reads that text without making jansson values, common/jview.h);
 * the views are the same. */
void lq_profile_view_text(int on);

/* For tests: 1 if a and b hold the same view (every field, strings
 * compared as text), else 0. */
int lq_profile_same(const struct lq_profile *a, const struct lq_profile *b);

/* "keys a, b, c" (the first eight keys in item order, then "..."), or "not
 * an object": what an unknown item looks like. A new string. */
char *lq_profile_keys_text(const json_t *item);

/* 1 if s (the company slot of a position) is a duration such as
 * "1 yr 8 mos", "3 yrs", "11 mos", "less than a year", an employment type
 * such as "Full-time", "Self-employed", or both joined by " · "; else 0. */
int lq_profile_is_filler(const char *s);

/* Matching keys. A key is "urn:" + a URN-style member id (case kept) or
 * "slug:" + a public identifier (ASCII lowercased). */
#define LQ_PROFILE_MAXKEYS 12

/* The key of one identifier: URN ids ("ACo..."/"ACw...") keep their case,
 * anything else is a slug. Returns a new string or NULL for NULL/empty s. */
char *lq_profile_key(const char *id);

/* The key of a LinkedIn profile URL in any form lq_liurl_parse (liurl.h)
 * accepts: the key of its slug, else of its member id. NULL if the URL is
 * not one person's profile. */
char *lq_profile_url_key(const char *url);

/* Collects the distinct keys of an item into keys[] and returns how many
 * (each a new string): its member id, public identifier and profile URL
 * wherever its shape keeps them, and the query an actor echoes (inputUrl,
 * url, linkedinUrl, profileUrl, query{}, originalQuery{}), so that a
 * failure report matches the lead it is about. */
int lq_profile_item_keys(const json_t *item, char **keys);

/* Collects the distinct keys of an input record (id, public_identifier,
 * linkedin_url, discovered_url). Same conventions. */
int lq_profile_record_keys(const json_t *rec, char **keys);

/*
 * Writes what item says into rec. For a profile: status "enriched", name,
 * headline, company, location, current_job_titles, profile (a new
 * reference to the raw item), public_identifier when the record had none;
 * linkedin_url becomes the slug form https://www.linkedin.com/in/<slug>/
 * when the profile gives a public identifier (the URN stays in id), the
 * link it replaces kept in discovered_url. For a failure report or an
 * unknown item: rec is failed (code private_profile, not_found or
 * actor_error with the actor's own words; bad_item with the item's keys),
 * the message starting with where ("actor run R", "profiles.json:12").
 * Returns LQ_PROFILE_OK, LQ_PROFILE_FAILURE or LQ_PROFILE_UNKNOWN.
 */
int lq_profile_apply(json_t *rec, json_t *item, const char *where);

/* Items of a dataset that give no profile, for the messages of the
 * programs that read datasets: the first LQ_PROFILE_SKIPS_SHOWN are
 * named with FILE:LINE and why, lq_profile_skip_done counts them all. */
#define LQ_PROFILE_SKIPS_SHOWN 5
struct lq_skips {
	const char *name;		/* the file, for messages */
	long n, unknown, failures, nokey;
};

/* Counts one skipped item: r is the lq_profile_read result and why its
 * error (LQ_PROFILE_OK: a profile without any key). */
void lq_profile_skip(struct lq_skips *s, unsigned long line, int r, const char *why);
void lq_profile_skip_done(const struct lq_skips *s);

/* ---- profiles in the cache (namespace profile) ---- */
struct lq_cache;
struct lq_cache_key;

/* Version of what is stored under LQ_NS_PROFILE: an object
 * {"item": raw item, "scraped_at": ISO-8601, "source": "apify:RUN" |
 * "dataset:FILE" | "dir:FILE" | "import:FILE"}. */
#define LQ_PROFILE_NS_VERSION 1

/* Stores item under every key of it (lq_profile_item_keys), for actor.
 * Returns the number of keys written, or -1 when the item has no key or
 * a write failed (after a warning from the cache). */
int lq_profile_cache_put(struct lq_cache *c, const char *actor, json_t *item,
    const char *scraped_at, const char *source);

/* Looks rec up by each of its keys in turn. Returns the stored object (a
 * new reference) and its key's hex in hex (65 bytes), or NULL. */
json_t *lq_profile_cache_get(struct lq_cache *c, const char *actor, const json_t *rec,
    double max_age, char *hex);
/* The same with rec's keys as lq_profile_record_keys gave them (keys[0..n),
 * still the caller's to free). */
json_t *lq_profile_cache_get_keys(struct lq_cache *c, const char *actor, char *const *keys, int n,
    double max_age, char *hex);

/* cache import: stores every profile of the dataset file fp (name for
 * messages) with source "import:NAME". Returns the number stored, or -1
 * if the file is not a dataset; *bad counts skipped items: malformed,
 * without any key, failure reports and items of unknown shape (the first
 * few named with their line and keys, the rest counted). */
long lq_profile_import(struct lq_cache *c, const char *actor, FILE *fp, const char *name,
    long *bad);

#endif
