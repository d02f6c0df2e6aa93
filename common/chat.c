/* chat.c: OpenAI-compatible chat completions with a JSON schema over the HTTP layer. */
#include <stdlib.h>
#include <string.h>

#include "chat.h"
#include "diag.h"
#include "http.h"
#include "redact.h"
#include "util.h"

struct lq_chat {
	struct lq_http *http;
	char *url, *model;
	const char *key;	/* from the environment, registered as a secret */
	char *fatal;
	unsigned long long requests, tok_in, tok_out;
};

struct ask {
	struct lq_chat *c;
	lq_chat_check_fn check;
	lq_chat_done_fn done;
	void *arg;
};

struct lq_chat *
lq_chat_open(const struct lq_chat_opts *o, char *err, size_t errlen)
{
	static const struct lq_chat_opts none;
	struct lq_http_opts ho = { 0 };
	struct lq_chat *c;
	const char *base;
	size_t bl;

	if (o == NULL)
		o = &none;
	base = o->base_url ? o->base_url : getenv("OPENAI_BASE_URL");
	if (base == NULL || *base == '\0')
		base = "https://api.openai.com/v1";
	bl = strlen(base);
	while (bl > 0 && base[bl - 1] == '/')
		bl--;
	c = lq_xcalloc(1, sizeof *c);
	c->url = lq_xasprintf("%.*s/chat/completions", (int)bl, base);
	c->model = lq_xstrdup(o->model && *o->model ? o->model : "gpt-5-mini");
	c->key = lq_secret_env("OPENAI_API_KEY");
	if (c->key == NULL && !lq_http_loopback(c->url) && !(o && o->dry_run)) {
		snprintf(err, errlen, "the openai backend needs OPENAI_API_KEY (or a loopback OPENAI_BASE_URL)");
		lq_chat_free(c);
		return NULL;
	}
	ho.stage = o->stage;
	ho.parallel = o->jobs > 0 ? o->jobs : 1;
	ho.timeout = o->timeout > 0 ? o->timeout : 120;
	ho.max_attempts = o->max_attempts;
	ho.backoff = o->backoff;
	ho.max_wait = o->max_wait;
	ho.trace = o->trace;
	c->http = lq_http_new(&ho);
	return c;
}

void
lq_chat_free(struct lq_chat *c)
{
	if (c == NULL)
		return;
	if (c->http)
		lq_http_free(c->http);
	free(c->url);
	free(c->model);
	free(c->fatal);
	free(c);
}

const char *
lq_chat_url(const struct lq_chat *c)
{
	return c->url;
}

const char *
lq_chat_fatal(const struct lq_chat *c)
{
	return c->fatal;
}

void
lq_chat_usage(const struct lq_chat *c, unsigned long long *requests, unsigned long long *tok_in,
    unsigned long long *tok_out)
{
	if (requests)
		*requests = c->requests;
	if (tok_in)
		*tok_in = c->tok_in;
	if (tok_out)
		*tok_out = c->tok_out;
}

const char *
lq_chat_parse(const char *body, size_t len, json_t **answer, long long *tok_in, long long *tok_out,
    char *err, size_t errlen)
{
	json_t *j, *choice, *msg, *u, *ans;
	const char *content, *refusal, *finish, *code = NULL;
	json_error_t je;

	*answer = NULL;
	*tok_in = *tok_out = 0;
	j = json_loadb(body ? body : "", len, 0, &je);
	if (j == NULL) {
		snprintf(err, errlen, "the response is not JSON: %s", je.text);
		return LQ_CHAT_INVALID;
	}
	u = json_object_get(j, "usage");
	if (json_is_integer(json_object_get(u, "prompt_tokens")))
		*tok_in = json_integer_value(json_object_get(u, "prompt_tokens"));
	if (json_is_integer(json_object_get(u, "completion_tokens")))
		*tok_out = json_integer_value(json_object_get(u, "completion_tokens"));
	if (*tok_in < 0)
		*tok_in = 0;
	if (*tok_out < 0)
		*tok_out = 0;
	choice = json_array_get(json_object_get(j, "choices"), 0);
	msg = json_object_get(choice, "message");
	content = json_string_value(json_object_get(msg, "content"));
	refusal = json_string_value(json_object_get(msg, "refusal"));
	finish = json_string_value(json_object_get(choice, "finish_reason"));
	if (!json_is_object(msg)) {
		snprintf(err, errlen, "not a chat completion (no choices[0].message)");
		code = LQ_CHAT_INVALID;
	} else if (refusal && *refusal) {
		snprintf(err, errlen, "the model refused: %.200s", refusal);
		code = LQ_CHAT_REFUSED;
	} else if (finish && strcmp(finish, "length") == 0) {
		snprintf(err, errlen, "the answer was cut off (finish_reason length)");
		code = LQ_CHAT_TRUNCATED;
	} else if (content == NULL) {
		snprintf(err, errlen, "the answer has no content%s%.40s", finish ? "; finish_reason " : "",
		    finish ? finish : "");
		code = LQ_CHAT_INVALID;
	} else if ((ans = json_loads(content, 0, NULL)) == NULL || !json_is_object(ans)) {
		json_decref(ans);	/* (json_is_object evaluates its argument twice) */
		snprintf(err, errlen, "the answer is not the JSON object asked for%s%.40s",
		    finish ? "; finish_reason " : "", finish ? finish : "");
		code = LQ_CHAT_INVALID;
	} else {
		*answer = ans;
	}
	json_decref(j);
	return code;
}

static int
rejected(const struct lq_http_req *r)
{
	return lq_http_fatal(r) || (r->error[0] == '\0' && r->status == 429 && r->resp.data
	    && strstr(r->resp.data, "insufficient_quota"));
}

static void
deliver(struct ask *a, const char *code, const char *msg, const json_t *answer, int attempts)
{
	struct lq_chat_result res = { code, msg ? msg : "", answer, attempts };

	a->done(&res, a->arg);
	free(a);
}

static void
on_answer(struct lq_http *h, struct lq_http_req *r)
{
	struct ask *a = r->arg;
	struct lq_chat *c = a->c;
	char err[400], msg[600];
	const char *code;
	long long ti, to;
	json_t *ans = NULL;

	if (!lq_http_ok(r)) {
		c->requests += (unsigned long long)r->attempts;
		if (rejected(r)) {
			if (c->fatal == NULL)
				c->fatal = lq_xasprintf("%s refused the request (%s): check OPENAI_API_KEY "
				    "and the account", c->url, lq_http_strerror(r));
			snprintf(msg, sizeof msg, "%s", c->fatal);
			deliver(a, LQ_CHAT_REJECTED, msg, NULL, r->attempts);
			return;
		}
		snprintf(msg, sizeof msg, "chat request failed after %d attempt%s: %s", r->attempts,
		    r->attempts == 1 ? "" : "s", lq_http_strerror(r));
		deliver(a, LQ_CHAT_FAILED, msg, NULL, r->attempts);
		return;
	}
	/* Every answer is paid, usable or not. */
	code = lq_chat_parse(r->resp.data, r->resp.len, &ans, &ti, &to, err, sizeof err);
	c->tok_in += (unsigned long long)ti;
	c->tok_out += (unsigned long long)to;
	if (code == NULL && a->check && a->check(ans, a->arg, err, sizeof err) < 0)
		code = LQ_CHAT_INVALID;
	if (code != NULL) {
		json_decref(ans);
		if (c->fatal == NULL && lq_http_retry(h, r, "%s: %s", code, err))
			return;
		c->requests += (unsigned long long)r->attempts;
		snprintf(msg, sizeof msg, "%s (%d attempt%s)", err, r->attempts, r->attempts == 1 ? "" : "s");
		if (r->error[0])	/* the server asked for a wait longer than allowed */
			snprintf(msg, sizeof msg, "%s", r->error);
		deliver(a, code, msg, NULL, r->attempts);
		return;
	}
	c->requests += (unsigned long long)r->attempts;
	r->trace_items = 1;
	deliver(a, NULL, NULL, ans, r->attempts);
	json_decref(ans);
}

void
lq_chat_ask(struct lq_chat *c, const char *system, const char *user, const json_t *response_format,
    int max_tokens, const char *id, lq_chat_check_fn check, lq_chat_done_fn done, void *arg)
{
	struct ask *a = lq_xcalloc(1, sizeof *a);
	struct lq_http_req *r;
	json_t *body;
	char *text;

	a->c = c;
	a->check = check;
	a->done = done;
	a->arg = arg;
	if (c->fatal) {
		char msg[600];

		snprintf(msg, sizeof msg, "not asked: the stage stopped: %s", c->fatal);
		deliver(a, LQ_CHAT_STOPPED, msg, NULL, 0);
		return;
	}
	body = json_pack("{s:s,s:[{s:s,s:s},{s:s,s:s}],s:O,s:i}", "model", c->model, "messages",
	    "role", "system", "content", system, "role", "user", "content", user,
	    "response_format", response_format, "max_completion_tokens", max_tokens);
	if (body == NULL)
		lq_die(LQ_EXIT_FATAL, "cannot build a chat request (text not UTF-8?)");
	text = json_dumps(body, JSON_COMPACT);
	json_decref(body);
	r = lq_http_req_new("POST", c->url, text, c->key, on_answer, a);
	free(text);
	if (id)
		r->ids = json_pack("[s]", id);
	lq_http_submit(c->http, r);
}

int
lq_chat_run(struct lq_chat *c, double wait)
{
	return lq_http_run(c->http, wait);
}

int
lq_chat_pending(const struct lq_chat *c)
{
	return lq_http_pending(c->http);
}
