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

/* ---- the log --------------------------------------------------------- */

/* The longest log line read: an event with every field at its limit,
 * JSON-escaped, fits; a longer line is skipped unparsed. */
#define LQ_FB_LINE_MAX 65536

/* Messages about unreadable lines a log keeps (the rest are counted). */
#define LQ_FB_BAD_KEEP 10

/* Events read from one or more logs, in the order they were read. */
struct lq_fb_log {
	struct lq_fb_event *ev;
	size_t n, cap;
	unsigned long long lines;	/* non-blank lines seen */
	unsigned long long bad;		/* lines skipped: not an event */
	char *badmsg[LQ_FB_BAD_KEEP];	/* "name:LINE: why" of the first ones */
	size_t nbadmsg;
};

/* Appends the events of a log's text data[0..n), named name in messages,
 * to log: one event per line (lq_fb_event_parse); blank lines, a CR
 * before LF, a UTF-8 byte order mark and a last line without newline are
 * allowed. A line that is not an event (not JSON, wrong types, unknown
 * label, longer than LQ_FB_LINE_MAX, another format version) is skipped
 * and counted, and its first LQ_FB_BAD_KEEP messages are kept as
 * "name:LINE: why". Never fails. */
void lq_fb_log_add(struct lq_fb_log *log, const char *data, size_t n, const char *name);

/* Reads the log file path (at most 1 GiB) with lq_fb_log_add. Returns 0,
 * or -1 (errno set) when it cannot be read; a missing file is an error. */
int lq_fb_log_read(struct lq_fb_log *log, const char *path);

void lq_fb_log_free(struct lq_fb_log *log);

/* Opens (creating, mode 0600) the log path for appending, refusing a
 * symbolic link or anything but a regular file. Returns the descriptor,
 * or -1 (errno set; EINVAL for a file that is not regular). */
int lq_fb_log_open(const char *path);

/* Appends line[0..n) (whole lines) to the log fd under an exclusive
 * flock, in one write when it can, then fsyncs; a write that fails
 * part way is cut off again, so the log never holds a partial line.
 * Returns 0, or -1 (errno set). */
int lq_fb_log_append(int fd, const char *line, size_t n);

/* A lead's current judgment: the event that decides it, and where it is
 * in the log (its index in log->ev). */
struct lq_fb_current {
	const struct lq_fb_event *ev;	/* label good or bad */
	size_t seq;
	size_t first;			/* index of the lead's first event */
};

/* How lq_fb_resolve groups judgments: per ICP (client, icp_hash, id), or
 * per client across all its ICPs (client, id): the ICP family. */
enum { LQ_FB_PER_ICP, LQ_FB_PER_CLIENT };

/* The current judgment of every lead in log, grouped by mode, keeping
 * only client (NULL: every client) and, when icp_hash is not NULL, only
 * that ICP's events. The rules (docs/feedback.md): within one lead and
 * ICP, a later event supersedes an earlier one of the same kind ("none"
 * withdraws); a person's judgment (explicit) wins over an implied one
 * (a delivered lead), whatever their order; withdrawn explicit judgments
 * leave the implied one standing. Across the ICPs of a client, the
 * latest explicit judgment wins, else the latest implied one. Leads with
 * no standing judgment are left out. Returns the judgments in the order
 * of each lead's first event (free the array with free()), *n their count. */
struct lq_fb_current *lq_fb_resolve(const struct lq_fb_log *log, int mode, const char *client,
    const char *icp_hash, size_t *n);

/* Writes the current UTC time, with milliseconds, into out (32 bytes). */
void lq_fb_now(char out[32]);

#endif
