/* rerank.c: rescore scored leads with a reranker (local encoder, Jina, Cohere, TEI, llama.cpp) by an absolute formula. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "embedder.h"
#include "http.h"
#include "icp.h"
#include "leadtext.h"
#include "match.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "redact.h"
#include "need.h"
#include "rerank.h"
#include "run.h"
#include "util.h"

enum {
	OPT_BACKEND = 256, OPT_BASE_URL, OPT_DROP_BELOW, OPT_DRY_RUN, OPT_LIMIT, OPT_MAX_ATTEMPTS,
	OPT_MAX_WAIT, OPT_MODEL_DIR, OPT_PRICE_REQUEST, OPT_PRICE_TOKENS, OPT_REFRESH, OPT_RETRY_DELAY, OPT_TIMEOUT,
	OPT_SLIM, OPT_TRACE
};

static const struct lq_option options[] = {
	{ "backend", OPT_BACKEND, "NAME", "local, jina, cohere, tei or llamacpp [$LQ_RERANK_BACKEND, else local]" },
	{ "base-url", OPT_BASE_URL, "URL", "API base [$LQ_JINA_BASE_URL, $LQ_COHERE_BASE_URL, $LQ_TEI_BASE_URL, $LQ_LLAMACPP_BASE_URL]" },
	{ "batch-size", 'b', "N", "documents per request [jina 100, cohere 200, tei 32, llamacpp 64]" },
	{ "drop-below", OPT_DROP_BELOW, "N", "leave out leads whose new icp_score is below N (counted)" },
	{ "dry-run", OPT_DRY_RUN, NULL, "count cached and to-send leads, requests, tokens and cost; send nothing" },
	{ "jobs", 'j', "N", "requests at once [4]" },
	{ "limit", OPT_LIMIT, "N", "send at most N leads; later uncached ones pass unchanged (exit 4)" },
	{ "max-attempts", OPT_MAX_ATTEMPTS, "N", "attempts per request [3]" },
	{ "max-wait", OPT_MAX_WAIT, "SECS", "longest wait a server may ask for; longer fails [120]" },
	{ "model", 'm', "NAME", "remote model [jina-reranker-v2-base-multilingual, rerank-v3.5]" },
	{ "model-dir", OPT_MODEL_DIR, "DIR", "local encoder's folder [$LQ_MODEL_DIR; lq model path]" },
	{ "price-request", OPT_PRICE_REQUEST, "USD", "price per request or billed unit [cohere 0.002, else 0]" },
	{ "price-tokens", OPT_PRICE_TOKENS, "USD", "price per million tokens [jina 0.02, else 0]" },
	{ "refresh", OPT_REFRESH, NULL, "do not read cached relevance scores (still write them)" },
	{ "retry-delay", OPT_RETRY_DELAY, "SECS", "first retry delay, doubled each retry [0.5]" },
	{ "slim", OPT_SLIM, NULL, "leave profile and embedding out of the records written" },
	{ "timeout", OPT_TIMEOUT, "SECS", "timeout of one request [90]" },
	{ "trace", OPT_TRACE, "FILE", "append one JSON line per API request to FILE" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"icp.json",
	"rescore scored leads (NDJSON on stdin) with a reranker against the ICP in icp.json",
	"Writes rerank_score (0-1) and updates icp_score, tier, match_reasoning and\n"
	"score_version: icp_score = 0.75 x score's icp_score + 25 x rerank_score\n"
	"(100 x rerank_score for leads score never saw); knocked-out leads stay at\n"
	"most 5. Output order is input order. Keys: JINA_API_KEY, COHERE_API_KEY.\n"
	"Relevance scores are cached (namespace rerank). See lq-rerank(1).",
	options, LQ_COMMON_FILTER, "7 the leads were never scored: run score first (ORDER)"
};

/* The absolute formula (docs/scoring.md): how much of the new score the
 * reranker decides. Fixed, never fitted to a batch. */
#define RERANK_SHARE 0.25
#define KNOCKOUT_CAP 5.0
#define RERANK_VERSION "1"
/* Bytes of profile text sent per document (common/leadtext.h). */
#define DOC_CAP LQ_LEADTEXT_CAP_RERANK

static struct lq_icp *icp;
static struct lq_cache *cache;
static const char *backend = "local";
static int dialect = -1;
static double drop_below = -1;
static unsigned long long dropped, requests, hits, not_reranked;
/* Spend: what the answers report (else estimated), and the guards. */
static unsigned long long tokens, units, n_send, n_limited, est_tokens;
static double price_request = -1, price_tokens = -1;
static long long limit = -1;
static int dry_run;
static char *query;
static char *model_id;		/* cache key part: "jina:jina-reranker-v2-..." */

static double
round_to(double x, int digits)
{
	double p = pow(10, digits);

	return round(x * p) / p;
}

#define SKIPPED "; rerank skipped: "

/* rerank is optional (docs/schema.md): a lead it cannot rescore keeps its
 * status, icp_score and tier from score, with a warning, and a reasoning
 * that says the rerank was skipped. */
static void
degrade(json_t *rec, const char *code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void
degrade(json_t *rec, const char *code, const char *fmt, ...)
{
	const char *why = lq_rec_str(rec, "match_reasoning");
	struct lq_buf b = LQ_BUF_INIT;
	va_list ap;
	char *t;

	va_start(ap, fmt);
	lq_buf_vaddf(&b, fmt, ap);
	va_end(ap);
	lq_rec_warn(rec, code, "%s", b.data);
	lq_buf_free(&b);
	if (why && strstr(why, SKIPPED) == NULL) {
		t = lq_xasprintf("%s%s%s", why, SKIPPED, code);
		lq_rec_set_str(rec, "match_reasoning", t);
		free(t);
	}
	not_reranked++;
}

/* 1 if rec may be reranked; else passes it on as it is (degraded). */
static int
rerankable(json_t *rec)
{
	const char *v = lq_rec_str(rec, "score_version");

	if (lq_rec_failed(rec) || lq_need_tripped())
		return 0;
	lq_rec_clear_warnings(rec);
	if (v && strstr(v, "+rerank-")) {
		degrade(rec, "already_reranked", "%s: already reranked (%s); run score again before rerank",
		    lq_rec_name(rec), v);
		return 0;
	}
	if (!lq_lead_has_profile(rec)) {
		degrade(rec, "no_profile_text", "%s: no title, headline or profile to rerank", lq_rec_name(rec));
		return 0;
	}
	return 1;
}

/* Writes rerank_score and the new icp_score, tier, reasoning and version;
 * detail (or NULL) goes into the reasoning. Then writes rec, or drops it. */
static void
apply(json_t *rec, double rr, const char *detail)
{
	json_t *old = json_object_get(rec, "icp_score");
	const char *why = lq_rec_str(rec, "match_reasoning"), *ver = lq_rec_str(rec, "score_version");
	json_t *ex = json_object_get(json_object_get(json_object_get(rec, "components"), "exclude"),
	    "knocked_out");
	double s;
	char *t;

	if (json_is_number(old))
		s = (1 - RERANK_SHARE) * json_number_value(old) + RERANK_SHARE * 100 * rr;
	else
		s = 100 * rr;
	if (json_is_true(ex) && s > KNOCKOUT_CAP)
		s = KNOCKOUT_CAP;
	s = round_to(s < 0 ? 0 : s > 100 ? 100 : s, 1);
	json_object_set_new(rec, "rerank_score", json_real(round_to(rr, 4)));
	json_object_set_new(rec, "icp_score", json_real(s));
	lq_rec_set_str(rec, "tier", lq_tier(s));
	{
		const char *sk = why ? strstr(why, SKIPPED) : NULL;	/* an earlier run's */
		int wl = why ? (int)(sk ? (size_t)(sk - why) : strlen(why)) : 0;

		t = lq_xasprintf("%.*s%srerank %.2f (%s%s%s)", wl, why ? why : "", wl ? "; " : "",
		    rr, backend, detail ? ": " : "", detail ? detail : "");
	}
	lq_rec_set_str(rec, "match_reasoning", t);
	free(t);
	t = lq_xasprintf("%s%srerank-%s-%s", ver ? ver : "", ver ? "+" : "", backend, RERANK_VERSION);
	lq_rec_set_str(rec, "score_version", t);
	free(t);
	lq_rec_set_status(rec, "qualified");
}

/* Writes rec unless --drop-below leaves it out (failed records never are). */
static void
emit(json_t *rec)
{
	json_t *s = json_object_get(rec, "icp_score");

	if (drop_below >= 0 && !lq_rec_failed(rec) && json_object_get(rec, "rerank_score") &&
	    json_is_number(s) && json_number_value(s) < drop_below) {
		dropped++;
		return;
	}
	lq_write(rec);
}

/* ---- local: field-aware rescoring with the encoder -------------------- */

/* Weights of the fields (docs/scoring.md). */
#define W_TITLE 0.5
#define W_NOTES 0.3
#define W_ICP 0.2
#define LOCAL_WINDOW 128

static struct lq_embedder *loc;
static int dim;
static float *tvec, *notes_vec, *icp_vec;	/* ICP side */
static size_t ntv;

static double
dot(const float *a, const float *b)
{
	double s = 0;

	for (int i = 0; i < dim; i++)
		s += (double)a[i] * b[i];
	return s;
}

static double
cosmap(double c, double lo, double hi)
{
	double e = (c - lo) / (hi - lo);

	return e < 0 ? 0 : e > 1 ? 1 : e;
}

static float *
embed(const char *const *s, size_t n)
{
	float *v;

	if (n == 0)
		return NULL;
	v = lq_xcalloc(n * (size_t)dim, sizeof *v);
	if (lq_embedder_embed(loc, s, n, v, NULL) < 0)
		lq_die(LQ_EXIT_FATAL, "local encoder failed");
	return v;
}

static void
local_open(const char *model_dir)
{
	struct lq_embedder_opts o = { 0 };
	char err[1024];
	const char **s;
	struct lq_title t;

	o.backend = "local";
	o.model_dir = model_dir;
	if ((loc = lq_embedder_open(&o, err, sizeof err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "%s", err);
	dim = lq_embedder_dim(loc);
	ntv = icp->target_titles.n;
	s = lq_xcalloc(ntv + 1, sizeof *s);
	for (size_t i = 0; i < ntv; i++) {
		lq_title_analyse(icp->target_titles.v[i], &t);
		s[i] = t.canon;
	}
	tvec = embed(s, ntv);
	for (size_t i = 0; i < ntv; i++)
		free((char *)s[i]);
	free(s);
	const char *one[1] = { icp->notes };
	notes_vec = icp->notes[0] ? embed(one, 1) : NULL;
	one[0] = query;
	icp_vec = embed(one, 1);
}

/* The lead's own embedding, normalised, when the local model made it from
 * the same profile text (embed's recipe); else NULL. Caller frees. */
static float *
own_vector(const json_t *rec)
{
	const char *m = lq_rec_str(rec, "embedding_model");
	float *f;
	double n = 0;
	size_t nv, bad;
	char err[200];

	if (m == NULL || strcmp(m, lq_embedder_model_id(loc)) != 0)
		return NULL;
	if (lq_rec_embedding(rec, &f, &nv, &bad, err, sizeof err) != 0 || nv != (size_t)dim) {
		free(f);
		return NULL;
	}
	for (int i = 0; i < dim; i++)
		n += (double)f[i] * f[i];
	if (!(n > 0) || !isfinite(n)) {
		free(f);
		return NULL;
	}
	for (int i = 0; i < dim; i++)
		f[i] = (float)(f[i] / sqrt(n));
	return f;
}

/* Rescores a window of records and writes them in order. */
static void
local_window(json_t **recs, size_t n)
{
	size_t ns = 0, cap = 64, *first = lq_xcalloc(n, sizeof *first), *nt = lq_xcalloc(n, sizeof *nt);
	size_t *tx = lq_xcalloc(n, sizeof *tx);
	const char **s = lq_xreallocarray(NULL, cap, sizeof *s);
	char **own = lq_xcalloc(n * 8 + 1, sizeof *own);	/* strings to free */
	size_t nown = 0;
	int *use = lq_xcalloc(n, sizeof *use);
	float **ownv = lq_xcalloc(n, sizeof *ownv);

#define PUSH(str) do { if (ns == cap) s = lq_xreallocarray(s, cap *= 2, sizeof *s); s[ns++] = (str); } while (0)
	for (size_t i = 0; i < n; i++) {
		json_t *cur = json_object_get(recs[i], "current_job_titles");
		struct lq_title t;

		if (!(use[i] = rerankable(recs[i])))
			continue;
		first[i] = ns;
		for (size_t k = 0; k < json_array_size(cur) && k < 6; k++) {
			const char *v = json_string_value(json_array_get(cur, k));

			if (v && *v) {
				lq_title_analyse(v, &t);
				own[nown++] = t.canon;
				PUSH(t.canon);
				nt[i]++;
			}
		}
		if (nt[i] == 0 && lq_rec_str(recs[i], "headline")) {
			char *h = lq_headline_title(lq_rec_str(recs[i], "headline"));

			if (*h) {
				lq_title_analyse(h, &t);
				own[nown++] = t.canon;
				PUSH(t.canon);
				nt[i]++;
			}
			free(h);
		}
		tx[i] = ns;
		if ((ownv[i] = own_vector(recs[i])) == NULL) {
			char *text = lq_lead_text(recs[i], LQ_LEADTEXT_CAP_LOCAL);

			own[nown++] = text;
			PUSH(text);
		}
	}
#undef PUSH
	float *v = embed(s, ns);
	for (size_t i = 0; i < n; i++) {
		if (use[i]) {
			double rt = 0, rn = 0, ri, w = 0, rr;
			const float *text = ownv[i] ? ownv[i] : v + tx[i] * (size_t)dim;
			char detail[128];

			for (size_t k = 0; k < nt[i]; k++)
				for (size_t j = 0; j < ntv; j++)
					rt = fmax(rt, cosmap(dot(v + (first[i] + k) * (size_t)dim, tvec + j * (size_t)dim), 0.35, 0.85));
			ri = cosmap(dot(text, icp_vec), 0.1, 0.6);
			rr = W_ICP * ri;
			w = W_ICP;
			if (ntv) {
				rr += W_TITLE * rt;
				w += W_TITLE;
			}
			if (notes_vec) {
				rn = cosmap(dot(text, notes_vec), 0.1, 0.6);
				rr += W_NOTES * rn;
				w += W_NOTES;
			}
			rr /= w;
			snprintf(detail, sizeof detail, "title %.2f, notes %.2f, icp %.2f", rt, rn, ri);
			apply(recs[i], rr, detail);
		}
		emit(recs[i]);
		json_decref(recs[i]);
		lq_progress();
	}
	for (size_t i = 0; i < nown; i++)
		free(own[i]);
	for (size_t i = 0; i < n; i++)
		free(ownv[i]);
	free(ownv);
	free(own);
	free(v);
	free(s);
	free(use);
	free(tx);
	free(nt);
	free(first);
}

static void
run_local(const char *model_dir)
{
	struct lq_reader *r = lq_reader_new(stdin, "<stdin>");
	json_t *rec, *win[LOCAL_WINDOW];
	size_t n = 0;

	if (dry_run) {	/* the local backend spends nothing: nothing to count */
		unsigned long long n_in = 0;

		while ((rec = lq_reader_next(r)) != NULL) {
			(void)lq_need_check(r, rec);
			lq_write(rec);
			json_decref(rec);
			n_in++;
		}
		lq_reader_free(r);
		lq_note("dry run: %llu leads; the local backend sends nothing, estimated cost $0", n_in);
		return;
	}
	local_open(model_dir);
	while ((rec = lq_reader_next(r)) != NULL) {
		(void)lq_need_check(r, rec);	/* rerankable() passes the rest on */
		win[n++] = rec;
		if (n == LOCAL_WINDOW) {
			local_window(win, n);
			n = 0;
		}
	}
	if (n)
		local_window(win, n);
	lq_reader_free(r);
	free(tvec);
	free(notes_vec);
	free(icp_vec);
	lq_embedder_free(loc);
}

/* ---- remote: batches of documents over the HTTP layer ----------------- */

/* The records in flight, in input order: a ring of slots numbered by
 * sequence; the head is written as soon as it is done. */
struct slot {
	json_t *rec;
	char *doc;		/* profile text sent, or NULL (not sent) */
	struct lq_cache_key key;
	int done;
};

static struct slot *ring;
static size_t ring_cap, head, tail;	/* sequence numbers: head <= i < tail */
static struct lq_http *http;
static const char *url_base;
static char *url, *key, *model;
static int batch_size = 0, jobs = 4, fatal;
static size_t *batch;			/* sequence numbers of the batch being filled */
static size_t nbatch;

struct req {
	size_t n;
	size_t seq[];
};

static struct slot *
at(size_t seq)
{
	return &ring[seq % ring_cap];
}

static void
finish_slot(struct slot *s)
{
	free(s->doc);
	s->doc = NULL;
	s->done = 1;
}

/* Tokens in a pair of the query and doc when the server does not say:
 * bytes / 3 + 1, as embed estimates (BPE averages about 4 bytes a token
 * in English, fewer in other languages). */
static unsigned long long
estimate_tokens(const char *doc)
{
	return (strlen(query) + strlen(doc)) / 3 + 1;
}

/* Billed units of a request of n documents when the server does not say:
 * Cohere bills a search unit per 100 documents, the others per request. */
static unsigned long long
estimate_units(size_t n)
{
	return dialect == LQ_RR_COHERE ? (n + 99) / 100 : 1;
}

static double
cost(unsigned long long tok, unsigned long long un)
{
	return (double)un * price_request + (double)tok * price_tokens / 1e6;
}

/* Counts the tokens and units of an answer and traces them. */
static void
usage(struct lq_http_req *r, const struct req *q)
{
	long long tok, un;
	int est = 0;
	json_t *l;

	lq_rerank_usage(r->resp.data ? r->resp.data : "", r->resp.len, &tok, &un);
	if (tok < 0) {
		tok = 0;
		for (size_t i = 0; i < q->n; i++)
			tok += (long long)estimate_tokens(at(q->seq[i])->doc);
		est = 1;
	}
	if (un < 0)
		un = (long long)estimate_units(q->n);
	tokens += (unsigned long long)tok;
	units += (unsigned long long)un;
	l = json_pack("{s:s,s:O,s:I,s:I,s:b,s:I,s:f}", "event", "usage", "ids", r->ids ? r->ids : json_null(),
	    "items", (json_int_t)q->n, "tokens", (json_int_t)tok, "tokens_estimated", est,
	    "units", (json_int_t)un, "cost_usd", cost((unsigned long long)tok, (unsigned long long)un));
	lq_http_trace(http, l);
	json_decref(l);
}

static void
done(struct lq_http *h, struct lq_http_req *r)
{
	struct req *q = r->arg;
	double *sc = lq_xcalloc(q->n, sizeof *sc);
	char err[256];
	int got;

	if (!lq_http_ok(r)) {
		char eb[256], mb[240];
		const char *e = lq_http_strerror(r);

		if (r->error[0] == '\0' && r->status >= 400 && lq_rerank_error(r->resp.data, r->resp.len, mb, sizeof mb)) {
			snprintf(eb, sizeof eb, "HTTP %ld: %s", r->status, mb);
			e = eb;
		}

		if (lq_http_fatal(r) && !fatal++)
			lq_warn("%s: %s: stopping (check the key and the account)", url, e);
		for (size_t i = 0; i < q->n; i++) {
			struct slot *s = at(q->seq[i]);

			lq_rec_set_retry_count(s->rec, lq_rec_retry_count(s->rec) + r->attempts);
			degrade(s->rec, lq_http_fatal(r) ? "rerank_refused" : "rerank_failed",
			    "%s: %s after %d attempt%s: %s", lq_rec_name(s->rec), url, r->attempts,
			    r->attempts == 1 ? "" : "s", e);
			finish_slot(s);
		}
		requests += (unsigned long long)r->attempts;
		free(sc);
		free(q);
		return;
	}
	got = lq_rerank_parse(dialect, r->resp.data ? r->resp.data : "", r->resp.len, q->n, sc,
	    err, sizeof err);
	r->trace_items = got;
	if (got >= 0)
		usage(r, q);	/* paid, whatever comes of it */
	/* A broken answer, or one that leaves documents out, is asked again
	 * under the retry policy; what the last answer scored is kept. */
	if (got < 0 && lq_http_retry(h, r, "bad response: %s", err)) {
		free(sc);
		return;
	}
	if (got >= 0 && (size_t)got < q->n && lq_http_retry(h, r, "the response scores %d of %zu documents",
	    got, q->n)) {
		free(sc);
		return;
	}
	requests += (unsigned long long)r->attempts;
	for (size_t i = 0; i < q->n; i++) {
		struct slot *s = at(q->seq[i]);

		if (got < 0) {
			degrade(s->rec, "bad_response", "%s: %s: %s (batch of %zu, %d attempts)", lq_rec_name(s->rec),
			    url, r->error[0] ? r->error : err, q->n, r->attempts);
		} else if (isnan(sc[i])) {
			degrade(s->rec, "rerank_missing", "%s: %s: the response has no result for document %zu "
			    "of %zu (%d attempts)", lq_rec_name(s->rec), url, i, q->n, r->attempts);
		} else {
			json_t *c = json_pack("{s:f}", "score", sc[i]);

			lq_cache_put_json(cache, LQ_NS_RERANK, &s->key, c);
			json_decref(c);
			apply(s->rec, sc[i], NULL);
		}
		finish_slot(s);
	}
	free(sc);
	free(q);
}

static void
submit_batch(void)
{
	struct req *q;
	const char **docs;
	json_t *ids;
	char *body;
	struct lq_http_req *r;

	if (nbatch == 0)
		return;
	ids = json_array();
	if (fatal) {
		for (size_t i = 0; i < nbatch; i++) {
			struct slot *s = at(batch[i]);

			degrade(s->rec, "stopped", "%s: not reranked: the stage stopped on an "
			    "earlier refusal from %s", lq_rec_name(s->rec), url);
			finish_slot(s);
		}
		nbatch = 0;
		json_decref(ids);
		return;
	}
	q = lq_xmalloc(sizeof *q + nbatch * sizeof q->seq[0]);
	docs = lq_xcalloc(nbatch, sizeof *docs);
	q->n = nbatch;
	for (size_t i = 0; i < nbatch; i++) {
		q->seq[i] = batch[i];
		docs[i] = at(batch[i])->doc;
		json_array_append_new(ids, json_string(lq_rec_name(at(batch[i])->rec)));
	}
	body = lq_rerank_request(dialect, model, query, docs, nbatch);
	r = lq_http_req_new("POST", url, body, key, done, q);
	r->ids = ids;
	lq_http_submit(http, r);
	free(body);
	free(docs);
	nbatch = 0;
}

/* Takes rec into the ring: cached or not sendable ones are done at once. */
static void
admit(json_t *rec)
{
	struct slot *s = at(tail);
	size_t seq = tail++;

	memset(s, 0, sizeof *s);
	s->rec = rec;
	if (lq_rec_failed(rec) || lq_need_tripped()) {
		s->done = 1;
		return;
	}
	if (fatal) {
		lq_rec_clear_warnings(rec);
		degrade(rec, "stopped", "%s: not reranked: the stage stopped on an earlier "
		    "refusal from %s", lq_rec_name(rec), url);
		s->done = 1;
		return;
	}
	if (!rerankable(rec)) {
		s->done = 1;
		return;
	}
	s->doc = lq_lead_text(rec, DOC_CAP);
	struct lq_buf in = LQ_BUF_INIT;
	lq_buf_adds(&in, query);
	lq_buf_addc(&in, '\n');
	lq_buf_adds(&in, s->doc);
	lq_cache_key(&s->key, LQ_NS_RERANK, 1, model_id, in.data, in.len);
	lq_buf_free(&in);
	json_t *c = lq_cache_get_json(cache, LQ_NS_RERANK, &s->key, 0);
	json_t *v = json_object_get(c, "score");
	if (json_is_number(v)) {
		hits++;
		apply(rec, json_number_value(v), NULL);
		finish_slot(s);
	} else if (limit >= 0 && n_send >= (unsigned long long)limit) {
		n_limited++;	/* passes unchanged */
		finish_slot(s);
	} else if (dry_run) {
		n_send++;
		est_tokens += estimate_tokens(s->doc);
		finish_slot(s);
	} else {
		n_send++;
		batch[nbatch++] = seq;
		if (nbatch == (size_t)batch_size)
			submit_batch();
	}
	json_decref(c);
}

static void
flush_head(void)
{
	while (head < tail && at(head)->done) {
		emit(at(head)->rec);
		json_decref(at(head)->rec);
		head++;
		lq_progress();
	}
}

static void
run_remote(const struct lq_http_opts *ho)
{
	static const char *const envs[] = { "LQ_JINA_BASE_URL", "LQ_COHERE_BASE_URL",
		"LQ_TEI_BASE_URL", "LQ_LLAMACPP_BASE_URL" };
	static const char *const bases[] = { "https://api.jina.ai/v1", "https://api.cohere.com/v2",
		"http://127.0.0.1:8080", "http://127.0.0.1:8080/v1" };
	static const char *const keys[] = { "JINA_API_KEY", "COHERE_API_KEY", NULL, NULL };
	static const char *const models[] = { "jina-reranker-v2-base-multilingual", "rerank-v3.5", NULL, NULL };
	const char *e;

	if (url_base == NULL)
		url_base = (e = getenv(envs[dialect])) && *e ? e : bases[dialect];
	url = lq_xasprintf("%.*s/rerank", (int)(strlen(url_base) -
	    (url_base[0] && url_base[strlen(url_base) - 1] == '/')), url_base);
	if (keys[dialect] && (e = lq_secret_env(keys[dialect])) != NULL)
		key = lq_xstrdup(e);
	else if (keys[dialect] && !lq_http_loopback(url) && !dry_run)
		lq_die(LQ_EXIT_FATAL, "--backend %s needs %s (or a loopback base URL)", backend, keys[dialect]);
	if (model == NULL && models[dialect])
		model = lq_xstrdup(models[dialect]);
	model_id = lq_xasprintf("%s:%s", backend, model ? model : url_base);
	if (batch_size == 0)
		batch_size = lq_rerank_default_batch(dialect);
	/* List prices when this was written (Cohere rerank-v3.5: $2 per 1,000
	 * searches; Jina: about $0.02 per million tokens); self-hosted: 0. */
	if (price_request < 0)
		price_request = dialect == LQ_RR_COHERE ? 0.002 : 0;
	if (price_tokens < 0)
		price_tokens = dialect == LQ_RR_JINA ? 0.02 : 0;
	if (batch_size > lq_rerank_max_batch(dialect))
		lq_die(LQ_EXIT_USAGE, "--batch-size: %d is above %s's limit of %d", batch_size, backend,
		    lq_rerank_max_batch(dialect));

	ring_cap = (size_t)batch_size * (size_t)jobs * 2 + 1;
	ring = lq_xcalloc(ring_cap, sizeof *ring);
	batch = lq_xcalloc((size_t)batch_size, sizeof *batch);
	http = lq_http_new(ho);

	struct lq_reader *r = lq_reader_new(stdin, "<stdin>");
	json_t *rec;
	int eof = 0;

	while (!eof || head < tail) {
		while (!eof && tail - head < ring_cap) {
			if ((rec = lq_reader_next(r)) == NULL) {
				eof = 1;
				submit_batch();
				break;
			}
			(void)lq_need_check(r, rec);	/* admit() passes the rest on */
			admit(rec);
			/* keep the window of requests full, not more */
			if (lq_http_pending(http) >= jobs)
				break;
		}
		if (lq_http_pending(http) > 0)
			lq_http_run(http, 0.05);
		else if (tail - head == ring_cap || eof)
			submit_batch();	/* a partial batch blocks the head */
		flush_head();
		if (eof && head < tail && lq_http_pending(http) == 0 && nbatch == 0 && !at(head)->done)
			lq_die(LQ_EXIT_FATAL, "internal error: %s was never answered", lq_rec_name(at(head)->rec));
	}
	lq_reader_free(r);
	lq_http_free(http);
	free(ring);
	free(batch);
	free(url);
	free(key);
	free(model_id);
	if (dry_run) {
		unsigned long long reqs = (n_send + (unsigned)batch_size - 1) / (unsigned)batch_size, un = 0;

		for (unsigned long long left = n_send; left > 0; left -= left < (unsigned)batch_size ? left : (unsigned)batch_size)
			un += estimate_units(left < (unsigned)batch_size ? left : (unsigned)batch_size);
		lq_note("dry run: %llu cached, %llu to send in %llu requests of up to %d, about %llu tokens, "
		    "estimated cost $%.4f%s", hits, n_send, reqs, batch_size, est_tokens, cost(est_tokens, un),
		    n_limited ? " (--limit held some back)" : "");
		return;
	}
	lq_summary_add("%llu requests", requests);
	lq_summary_add("%llu cache hits", hits);
	lq_summary_add("%llu tokens", tokens);
	lq_summary_add("$%.4f estimated", cost(tokens, units));
	if (n_limited)
		lq_summary_add("%llu held back by --limit", n_limited);
}

int
main(int argc, char **argv)
{
	const char *arg, *model_dir = NULL, *flag_backend = NULL;
	const char *trace_path = NULL;
	struct lq_http_opts ho = { 0 };
	int c, refresh = 0;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_BACKEND:
			flag_backend = arg;
			break;
		case OPT_BASE_URL:
			url_base = arg;
			break;
		case 'b':
			batch_size = (int)lq_parse_int("--batch-size", arg, 1, 1000);
			break;
		case OPT_DROP_BELOW:
			drop_below = lq_parse_double("--drop-below", arg, 0, 100);
			break;
		case OPT_DRY_RUN:
			dry_run = 1;
			break;
		case 'j':
			jobs = (int)lq_parse_int("--jobs", arg, 1, 64);
			break;
		case OPT_LIMIT:
			limit = lq_parse_int("--limit", arg, 0, 1000000000000LL);
			break;
		case OPT_MAX_ATTEMPTS:
			ho.max_attempts = (int)lq_parse_int("--max-attempts", arg, 1, 20);
			break;
		case OPT_MAX_WAIT:
			ho.max_wait = lq_parse_double("--max-wait", arg, 0.001, 86400);
			break;
		case 'm':
			model = lq_xstrdup(arg);
			break;
		case OPT_MODEL_DIR:
			model_dir = arg;
			break;
		case OPT_PRICE_REQUEST:
			price_request = lq_parse_double("--price-request", arg, 0, 1e6);
			break;
		case OPT_PRICE_TOKENS:
			price_tokens = lq_parse_double("--price-tokens", arg, 0, 1e6);
			break;
		case OPT_REFRESH:
			refresh = 1;
			break;
		case OPT_RETRY_DELAY:
			ho.backoff = lq_parse_double("--retry-delay", arg, 0, 600);
			break;
		case OPT_SLIM:
			lq_write_omit(lq_slim_keys);
			break;
		case OPT_TIMEOUT:
			ho.timeout = lq_parse_double("--timeout", arg, 0.001, 3600);
			break;
		case OPT_TRACE:
			trace_path = arg;
			break;
		default:
			lq_usage(&cmd);
		}
	}
	backend = lq_backend(flag_backend, "LQ_RERANK_BACKEND",
	    (const char *const[]){ "local", "jina", "cohere", "tei", "llamacpp", NULL });
	if (strcmp(backend, "local") != 0 && (dialect = lq_rerank_dialect(backend)) < 0)
		lq_die(LQ_EXIT_USAGE, "--backend: no dialect for backend '%s'", backend);
	if (model && strcmp(backend, "local") == 0)
		lq_die(LQ_EXIT_USAGE, "-m/--model names the remote model; the local encoder's folder is --model-dir");
	if (optind != argc - 1)
		lq_usage(&cmd);
	icp = lq_icp_load(argv[optind]);
	query = lq_icp_sentence(icp);
	cache = lq_cache_open(NULL);
	lq_cache_set_refresh(cache, refresh);
	if (trace_path && (ho.trace = lq_fopen_private(trace_path)) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", trace_path);
	ho.stage = "rerank";
	ho.parallel = jobs;
	lq_need(LQ_NEED_SCORE, 0);	/* reranking unscored leads pays for a wrong score */

	if (dialect < 0)
		run_local(model_dir);
	else
		run_remote(&ho);
	if (not_reranked)
		lq_summary_add("%llu not reranked (kept their score)", not_reranked);
	if (drop_below >= 0)
		lq_summary_add("%llu dropped below %g", dropped, drop_below);
	if (ho.trace && fclose(ho.trace) != 0)
		lq_warn_errno("%s", trace_path);
	free(model);
	free(query);
	lq_icp_free(icp);
	lq_cache_close(cache);
	c = lq_finish();
	if (fatal)
		return LQ_EXIT_FATAL;
	return n_limited && c == LQ_EXIT_OK ? LQ_EXIT_INTERRUPTED : c;
}
