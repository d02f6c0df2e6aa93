/* feedback.h: reviewers' judgments of leads: the posted form, the log's event lines (docs/review.md). */
#ifndef LQ_FEEDBACK_H
#define LQ_FEEDBACK_H

#include <stddef.h>

#include "util.h"

/* Limits of one judgment, in bytes: far beyond what a person types, small
 * enough that a log line stays a few kB. */
#define LQ_FB_ID_MAX 256
#define LQ_FB_NOTE_MAX 8000
#define LQ_FB_REVIEWER_MAX 100
#define LQ_FB_CLIENT_MAX 1000
#define LQ_FB_VERSION_MAX 200
/* The largest body a review server reads: one judgment with every field
 * at its limit, JSON-escaped (up to 6 bytes a byte), fits. */
#define LQ_FB_BODY_MAX 32768

/* Adds data[0..n) of a request body to b. Returns 0, or -1 once the body
 * would pass LQ_FB_BODY_MAX (b is left as it was: the caller discards
 * the rest and answers 413). */
int lq_fb_body_add(struct lq_buf *b, const char *data, size_t n);

/* The version of the event line format ("v"). */
#define LQ_FB_FORMAT 1

/* What a reviewer said about a lead: LQ_FB_NONE withdraws an earlier
 * judgment (the lead is unjudged again). */
enum lq_fb_label { LQ_FB_GOOD = 1, LQ_FB_BAD, LQ_FB_NONE };

/* The name of a label in JSON ("good", "bad", "none"). */
const char *lq_fb_label_name(enum lq_fb_label l);

/* What a review page posts: {"id", "label", "note"?, "reviewer"?}. */
struct lq_fb_post {
	char *id;
	enum lq_fb_label label;
	char *note;		/* "" when absent or null */
	char *reviewer;		/* "" when absent or null */
};

/* Parses a posted body[0..n): one JSON object with exactly those keys
 * (note and reviewer optional, null allowed), id a non-empty string of at
 * most LQ_FB_ID_MAX bytes, label one of the names, note and reviewer
 * strings within their limits, the reviewer without control characters;
 * no duplicate key, nothing after the object. Returns 0 and fills *p
 * (free with lq_fb_post_free), or -1 with a message for the poster in
 * err (errlen bytes), *p untouched. Never reads past n. */
int lq_fb_post_parse(const char *body, size_t n, struct lq_fb_post *p,
    char *err, size_t errlen);
void lq_fb_post_free(struct lq_fb_post *p);

/* One line of a feedback log: a judgment with what it was about. */
struct lq_fb_event {
	char *id;			/* the lead's id */
	char *client;			/* the ICP's client */
	char icp_hash[65];		/* lq_icp's hash: SHA-256 hex of the criteria */
	enum lq_fb_label label;
	char *note;			/* "" when none */
	char *reviewer;			/* "" when unknown */
	char time[32];			/* ISO-8601 UTC, e.g. 2026-11-30T09:41:07.250Z */
	char *score_version;		/* NULL when the lead had none */
	double icp_score;		/* the lead's score when judged ... */
	int has_score;			/* ... if it had one */
	char tier;			/* 'A'..'D', or 0 */
	int explicit_;			/* 1: a person's judgment; 0: implied (a delivered lead) */
	char *via;			/* what wrote it: "review-serve", "review-page", ... */
};

/* Appends ev as one JSON line (newline included) to b, keys in the
 * order of docs/review.md. */
void lq_fb_event_format(const struct lq_fb_event *ev, struct lq_buf *b);

/* Parses one log line[0..n) (without its newline) into *ev: a JSON
 * object with v == LQ_FB_FORMAT and the fields above of the right types
 * (unknown keys are ignored, so later versions may add fields). Returns
 * 0 (free with lq_fb_event_free), or -1 with the reason in err. */
int lq_fb_event_parse(const char *line, size_t n, struct lq_fb_event *ev,
    char *err, size_t errlen);
void lq_fb_event_free(struct lq_fb_event *ev);

/* Writes the current UTC time, with milliseconds, into out (32 bytes). */
void lq_fb_now(char out[32]);

#endif
