/* profile.h: scraped LinkedIn profiles: lead fields from actor items, matching keys, dataset files (docs/scrape.md). */
#ifndef LQ_PROFILE_H
#define LQ_PROFILE_H

#include <stdio.h>

#include <jansson.h>

/* Output shapes of the LinkedIn profile actors we understand
 * (../shared/reference/apis.md section 1.9). */
enum lq_shape {
	LQ_SHAPE_UNKNOWN = 0,
	LQ_SHAPE_SUPREME,	/* supreme_coder/linkedin-profile-scraper: positions[] */
	LQ_SHAPE_HARVEST,	/* harvestapi/linkedin-profile-scraper: experience[] */
	LQ_SHAPE_DEVFUSION	/* dev_fusion/Linkedin-Profile-Scraper: experiences[] */
};

/* Returns the shape of a dataset item, LQ_SHAPE_UNKNOWN when item is not
 * an object or carries none of the fields of a known shape. */
enum lq_shape lq_profile_shape(const json_t *item);

/* The lead fields of an item, the way the original service computed them:
 * name = firstName + " " + lastName; headline; location from
 * geoLocationName, else locationName; current positions are those without
 * an end date (a missing timePeriod counts as current); every current title
 * goes into titles (in order, without repeats); company is the company of
 * the first current position. A company slot that holds a duration
 * ("3 yrs 2 mos") or an employment type ("Full-time") is the scraper's
 * grouping row: its title is the company, and it contributes no title.
 * Empty strings become NULL. */
struct lq_profile_fields {
	char *name, *headline, *company, *location;
	json_t *titles;		/* array of strings, never NULL after a success */
};

/* Fills f from item. Returns 0, or -1 when the shape is unknown (f is
 * then empty). Free with lq_profile_fields_free. */
int lq_profile_fields(const json_t *item, struct lq_profile_fields *f);
void lq_profile_fields_free(struct lq_profile_fields *f);

/* 1 if s (the company slot of a position) is a duration such as
 * "1 yr 8 mos", "3 yrs", "11 mos", "less than a year" or an employment
 * type such as "Full-time", "Self-employed"; else 0. */
int lq_profile_is_filler(const char *s);

/* Matching keys. A key is "urn:" + a URN-style member id (case kept) or
 * "slug:" + a public identifier (ASCII lowercased). */
#define LQ_PROFILE_MAXKEYS 6

/* The key of one identifier: URN ids ("ACo..."/"ACw...") keep their case,
 * anything else is a slug. Returns a new string or NULL for NULL/empty s. */
char *lq_profile_key(const char *id);

/* The key of a LinkedIn profile URL ("https://www.linkedin.com/in/SLUG/..."):
 * the percent-decoded path segment after /in/. NULL if there is none. */
char *lq_profile_url_key(const char *url);

/* Collects the distinct keys of an item (profileId/id/urn,
 * publicIdentifier, inputUrl/linkedinUrl/url) into keys[] and returns how
 * many. Each is a new string. */
int lq_profile_item_keys(const json_t *item, char **keys);

/* Collects the distinct keys of an input record (id, public_identifier,
 * linkedin_url). Same conventions. */
int lq_profile_record_keys(const json_t *rec, char **keys);

/* Writes the lead fields of item into rec: status "enriched", name,
 * headline, company, location, current_job_titles, profile (a new
 * reference to item). Returns 0, or -1 (rec untouched) for an item of
 * unknown shape. */
int lq_profile_apply(json_t *rec, json_t *item);

/* Reads an Apify dataset export: a JSON array of items, or items one
 * after another (JSONL, or pretty-printed objects back to back). Items
 * are parsed one at a time, so memory holds one item, not the file.
 * fn is called for each item that is a JSON object with its starting
 * line; it returns 0 to go on, anything else to stop. An item that is
 * malformed or not an object is reported ("name:line: ...") and skipped;
 * an item larger than LQ_DATASET_MAX_ITEM bytes likewise. Returns the
 * number of items passed to fn, or -1 after a message when the file is
 * not a dataset at all or ends inside the array (items before that were
 * still passed on). *bad (if not NULL) gets the number skipped. */
#define LQ_DATASET_MAX_ITEM (16u << 20)
long lq_dataset_read(FILE *fp, const char *name,
    int (*fn)(json_t *item, unsigned long line, void *arg), void *arg, long *bad);

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

/* cache import: stores every item of the dataset file fp (name for
 * messages) with source "import:NAME". Returns the number stored, or -1
 * if the file is not a dataset; *bad counts skipped items and items
 * without any key. */
long lq_profile_import(struct lq_cache *c, const char *actor, FILE *fp, const char *name,
    long *bad);

#endif
