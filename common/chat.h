/* chat.h: the one OpenAI-compatible chat client: JSON-schema answers from /chat/completions, checked, retried, never cached when unusable. */
#ifndef LQ_CHAT_H
#define LQ_CHAT_H

#include <stdio.h>

#include <jansson.h>

/* How the client is set up. Zero fields take the defaults in brackets. */
struct lq_chat_opts {
	const char *stage;	/* stage of trace lines [lq_progname] */
	const char *base_url;	/* API base [$OPENAI_BASE_URL, else https://api.openai.com/v1] */
	const char *model;	/* chat model [gpt-5-mini] */
	int jobs;		/* requests at once [1] */
	double timeout;		/* seconds per attempt [120] */
	int max_attempts;	/* attempts per question, first included [3] */
	double backoff;		/* first retry delay [0.5] */
	double max_wait;	/* longest server-requested wait [LQ_RETRY_MAX_WAIT] */
	FILE *trace;		/* one JSON line per attempt, or NULL */
	int dry_run;		/* nothing will be asked (--dry-run): no key needed */
};

/* The outcome of one question, as the done callback sees it. */
struct lq_chat_result {
	const char *code;	/* NULL when answered; else one of the LQ_CHAT_* codes */
	const char *message;	/* what went wrong (secrets redacted), or "" */
	const json_t *answer;	/* the answer object, checked; borrowed, valid in the callback */
	int attempts;		/* requests sent for this question */
};

/* Why a question got no usable answer. Refused, truncated and invalid
 * answers were retried under the retry policy before they are reported. */
#define LQ_CHAT_REFUSED "chat_refused"	/* message.refusal set */
#define LQ_CHAT_TRUNCATED "chat_truncated" /* finish_reason "length" */
#define LQ_CHAT_INVALID "chat_invalid"	/* content not JSON, not an object, or the check said no */
#define LQ_CHAT_FAILED "chat_failed"	/* the request failed (transport, 5xx, 429, ...) */
#define LQ_CHAT_REJECTED "chat_rejected" /* 401, 402, 403 or insufficient_quota: see lq_chat_fatal */
#define LQ_CHAT_STOPPED "stopped"	/* not asked: the client stopped on an earlier rejection */

/* Validates an answer object against what the caller's schema means
 * (labels inside the sets, ...). Returns 0 if usable, else -1 with a
 * message in err: the answer is then retried like a malformed one. */
typedef int (*lq_chat_check_fn)(const json_t *answer, void *arg, char *err, size_t errlen);

/* Called once per question when it is finished. */
typedef void (*lq_chat_done_fn)(const struct lq_chat_result *res, void *arg);

/* What OpenAI lists for the default model, gpt-5-mini, in USD per million
 * tokens: the default prices of the cost estimates (--price-input,
 * --price-output). */
#define LQ_CHAT_PRICE_IN 0.25
#define LQ_CHAT_PRICE_OUT 2.00

struct lq_chat;

/* A client for o (may be NULL). The key comes from $OPENAI_API_KEY
 * (registered as a secret); without one only a loopback base URL
 * (lq_http_loopback) is accepted. Returns NULL with a message in err. */
struct lq_chat *lq_chat_open(const struct lq_chat_opts *o, char *err, size_t errlen);

/* Stops every request without calling callbacks; frees c. */
void lq_chat_free(struct lq_chat *c);

/* The chat completions URL (base + "/chat/completions"). */
const char *lq_chat_url(const struct lq_chat *c);

/* Asks the model one question: system and user messages, the response_format
 * object (a json_schema), at most max_tokens completion tokens; id names
 * the record in traces (may be NULL). check (may be NULL) validates the
 * answer. done(res, arg) is called from lq_chat_run, or at once with
 * LQ_CHAT_STOPPED after a rejection. */
void lq_chat_ask(struct lq_chat *c, const char *system, const char *user,
    const json_t *response_format, int max_tokens, const char *id, lq_chat_check_fn check,
    lq_chat_done_fn done, void *arg);

/* Runs requests for at most wait seconds; returns the questions not
 * finished yet. */
int lq_chat_run(struct lq_chat *c, double wait);
int lq_chat_pending(const struct lq_chat *c);

/* NULL while all is well; after a 401, 402, 403 or insufficient_quota
 * the message for the user (the stage should stop). */
const char *lq_chat_fatal(const struct lq_chat *c);

/* Requests sent (every attempt) and tokens the answers reported. */
void lq_chat_usage(const struct lq_chat *c, unsigned long long *requests,
    unsigned long long *tok_in, unsigned long long *tok_out);

/* Parses a chat completion body. Returns NULL and the content's JSON
 * object in *answer (the caller decrefs), or an LQ_CHAT_* code (refused,
 * truncated, invalid) with a message in err and *answer NULL. Token
 * counts (usage.prompt_tokens, completion_tokens; 0 when absent) are
 * set either way. */
const char *lq_chat_parse(const char *body, size_t len, json_t **answer, long long *tok_in,
    long long *tok_out, char *err, size_t errlen);

#endif
