/* embed.c: add the profile text's embedding to each enriched lead (local encoder or OpenAI-compatible API). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "diag.h"
#include "embedder.h"
#include "leadtext.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "spend.h"
#include "util.h"

enum {
	OPT_BACKEND = 256, OPT_BASE_URL, OPT_DIMENSIONS, OPT_FIELD, OPT_MAX_ATTEMPTS, OPT_MODEL_DIR, OPT_MAX_WAIT, OPT_PRICE,
	OPT_REFRESH, OPT_RETRY_DELAY, OPT_TEXT, OPT_TIMEOUT, OPT_TRACE, OPT_VECTORS, OPT_DRY_RUN, OPT_LIMIT
};

static const struct lq_option options[] = {
	{ "backend", OPT_BACKEND, "NAME", "local or openai [$LQ_EMBED_BACKEND, else local]" },
	{ "base-url", OPT_BASE_URL, "URL", "openai: API base [$OPENAI_BASE_URL, else https://api.openai.com/v1]" },
	{ "batch-size", 'b', "N", "openai: inputs per request, 1..2048 [256]" },
	{ "dimensions", OPT_DIMENSIONS, "N", "openai: ask for N-wide vectors (text-embedding-3 models)" },
	{ "dry-run", OPT_DRY_RUN, NULL, "count cached and to-send texts, requests, tokens and cost; send nothing" },
	{ "field", OPT_FIELD, "NAME", "with --text: embed the string field NAME of each record" },
	{ "jobs", 'j', "N", "openai: requests at once [4]" },
	{ "limit", OPT_LIMIT, "N", "openai: send at most N texts; later uncached ones pass unchanged (exit 4)" },
	{ "max-attempts", OPT_MAX_ATTEMPTS, "N", "openai: attempts per request [3]" },
	{ "max-wait", OPT_MAX_WAIT, "SECS", "openai: longest wait a server may ask for; longer fails [120]" },
	{ "model", 'm', "NAME", "openai: model name [$LQ_EMBED_MODEL, else text-embedding-3-small]" },
	{ "model-dir", OPT_MODEL_DIR, "DIR", "local encoder's folder [$LQ_MODEL_DIR; lq model path]" },
	{ "price", OPT_PRICE, "USD", "openai: price per million tokens for the estimate [0.02]" },
	{ "refresh", OPT_REFRESH, NULL, "do not read cached vectors (still write them)" },
	{ "retry-delay", OPT_RETRY_DELAY, "SECS", "openai: first retry delay, doubled each retry [0.5]" },
	{ "text", OPT_TEXT, NULL, "embed raw text: one text per input line (or --field of records)" },
	{ "timeout", OPT_TIMEOUT, "SECS", "openai: timeout of one request [90]" },
	{ "trace", OPT_TRACE, "FILE", "append one JSON line per API request to FILE" },
	{ "vectors", OPT_VECTORS, "FORM", "json (numbers, the default) or base64 (float32, with embedding_encoding)" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[--text [--field NAME]]",
	"add \"embedding\" and \"embedding_model\" to enriched leads (NDJSON on stdin)",
	"The profile text is built as docs/embed.md describes. Failed records and\n"
	"records without a profile (status discovered) pass through untouched.\n"
	"Vectors are cached (namespace embedding) by model and exact text. The\n"
	"openai backend reads OPENAI_API_KEY and OPENAI_BASE_URL. See lq-embed(1).",
	options, LQ_COMMON_FILTER, NULL
};

/* Records held at once: enough for jobs x batch-size inputs in flight,
 * and for the encoder's GEMMs to be wide; memory stays bounded. */
#define WINDOW_LOCAL 256
#define WINDOW_MAX 8192

static int text_mode, fatal, base64;
static const char *field;
static struct lq_embedder *emb;
static unsigned long long skipped;
static struct lq_spend spend = LQ_SPEND_INIT;

/* The text of rec to embed, or NULL when rec passes through untouched. */
static char *
text_of(json_t *rec)
{
	if (lq_rec_failed(rec))
		return NULL;
	if (text_mode) {
		const json_t *v = json_object_get(rec, field ? field : "text");

		if (!json_is_string(v) || json_string_length(v) == 0) {
			lq_rec_fail(rec, "no_text", "%s: line %s: no string field \"%s\"", lq_rec_name(rec),
			    json_string_value(json_object_get(rec, "__line")), field ? field : "text");
			return NULL;
		}
		return lq_xstrdup(json_string_value(v));
	}
	if (!lq_rec_scraped(rec) || !lq_lead_has_profile(rec)) {
		skipped++;
		return NULL;
	}
	return lq_lead_text(rec, lq_embedder_text_cap(emb));
}

static void
flush(json_t **recs, size_t n)
{
	char **texts = lq_xcalloc(n ? n : 1, sizeof *texts);
	const char **todo = lq_xcalloc(n ? n : 1, sizeof *todo);
	size_t *where = lq_xcalloc(n ? n : 1, sizeof *where), m = 0, i;
	int dim = fatal || spend.dry_run ? 0 : lq_embedder_dim(emb);
	float *out;
	char **errs;
	int r = 0, called = 0;

	for (i = 0; i < n; i++) {
		texts[i] = text_of(recs[i]);
		if (texts[i] == NULL)
			continue;
		if (texts[i][0] == '\0') {
			lq_rec_fail(recs[i], "no_text", "%s: the profile has no text to embed", lq_rec_name(recs[i]));
			continue;
		}
		if (spend.dry_run && !lq_embedder_remote(emb)) {
			free(texts[i]);	/* the local backend spends nothing: passes on */
			texts[i] = NULL;
			continue;
		}
		if (lq_embedder_remote(emb)) {
			/* The spend guards: cached texts never count. */
			int g = LQ_SPEND_SEND;

			if (lq_embedder_cached(emb, texts[i]))
				spend.cached++;
			else {
				unsigned long long tok = lq_spend_tokens(texts[i]);

				g = lq_spend_take(&spend, tok, (double)tok * lq_embedder_price(emb) / 1e6);
			}
			if (g != LQ_SPEND_SEND || spend.dry_run) {
				free(texts[i]);	/* passes on unchanged */
				texts[i] = NULL;
				continue;
			}
		}
		where[m] = i;
		todo[m++] = texts[i];
	}
	out = lq_xcalloc(m * (size_t)(dim > 0 ? dim : 1), sizeof *out);
	errs = lq_xcalloc(m ? m : 1, sizeof *errs);
	if (m > 0 && !fatal) {	/* with dim 0 it fails every text, saying why */
		r = lq_embedder_embed(emb, todo, m, out, errs);
		called = 1;
	}
	if (m > 0 && (fatal || dim == 0 || r < 0)) {
		if (!fatal) {
			const char *msg = "cannot reach the embeddings API";

			for (i = 0; r < 0 && i < m; i++)
				if (errs[i]) {
					msg = errs[i];
					break;
				}
			lq_warn("%s; stage stopped, remaining records written as failed", msg);
		}
		fatal = 1;
	}
	/* After a refusal, what was embedded before it (cached, or answered
	 * and paid for) is kept; only the leads left without a vector fail. */
	for (i = 0; i < m; i++) {
		json_t *rec = recs[where[i]];

		if (!called) {
			lq_rec_fail(rec, "stopped", "%s: not embedded: the stage stopped after a fatal API error",
			    lq_rec_name(rec));
		} else if (errs[i]) {
			lq_rec_set_retry_count(rec, lq_rec_retry_count(rec) + lq_embedder_attempts(emb, i));
			lq_rec_fail(rec, r < 0 ? "stopped" : "embed_failed", "%s: %s%s", lq_rec_name(rec),
			    r < 0 ? "not embedded: " : "", errs[i]);
		} else {
			lq_rec_set_embedding(rec, out + i * (size_t)dim, (size_t)dim, base64);
			lq_rec_set_str(rec, "embedding_model", lq_embedder_model_id(emb));
		}
		free(errs[i]);
	}
	for (i = 0; i < n; i++) {
		json_object_del(recs[i], "__line");
		lq_write(recs[i]);
		json_decref(recs[i]);
		free(texts[i]);
		lq_progress();
	}
	free(errs);
	free(out);
	free(texts);
	free(todo);
	free(where);
}

/* --text without --field: one raw text per line becomes {"text": ...}. */
static json_t *
next_text(FILE *fp, unsigned long *line)
{
	static char *buf;
	static size_t cap;
	ssize_t len;
	json_t *rec;
	char num[32];

	if ((len = getline(&buf, &cap, fp)) < 0) {
		free(buf);
		buf = NULL;
		if (ferror(fp))
			lq_die_errno(LQ_EXIT_FATAL, "<stdin>");
		return NULL;
	}
	++*line;
	while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\r'))
		buf[--len] = '\0';
	rec = json_object();
	if (memchr(buf, '\0', (size_t)len))
		len = (ssize_t)strlen(buf);
	lq_rec_set_str(rec, "text", buf);
	lq_counts.in++;
	snprintf(num, sizeof num, "%lu", *line);
	json_object_set_new(rec, "__line", json_string(num));
	return rec;
}

int
main(int argc, char **argv)
{
	struct lq_embedder_opts o = { 0 };
	const char *arg, *trace_path = NULL;
	double price = -1, retry_delay = 0, timeout = 0, max_wait = 0;
	int c, refresh = 0, max_attempts = 0;
	struct lq_reader *rd = NULL;
	struct lq_cache *cache;
	char err[1024];
	json_t **recs, *rec;
	size_t n = 0, window;
	unsigned long line = 0;
	unsigned long long req, tok;
	double cost;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_BACKEND: o.backend = arg; break;
		case OPT_BASE_URL: o.base_url = arg; break;
		case 'b': o.batch_size = (int)lq_parse_int("--batch-size", arg, 1, 2048); break;
		case OPT_DRY_RUN: spend.dry_run = o.dry_run = 1; break;
		case OPT_LIMIT: spend.limit = lq_parse_int("--limit", arg, 0, 1000000000000LL); break;
		case OPT_DIMENSIONS: o.dimensions = (int)lq_parse_int("--dimensions", arg, 1, 65536); break;
		case OPT_FIELD: field = arg; break;
		case 'j': o.jobs = (int)lq_parse_int("--jobs", arg, 1, 256); break;
		case OPT_MAX_ATTEMPTS: max_attempts = (int)lq_parse_int("--max-attempts", arg, 1, 100); break;
		case OPT_MAX_WAIT: max_wait = lq_parse_double("--max-wait", arg, 0.001, 86400); break;
		case 'm': o.model = arg; break;
		case OPT_MODEL_DIR: o.model_dir = arg; break;
		case OPT_PRICE: price = lq_parse_double("--price", arg, 0, 1e6); break;
		case OPT_REFRESH: refresh = 1; break;
		case OPT_RETRY_DELAY: retry_delay = lq_parse_double("--retry-delay", arg, 0.001, 3600); break;
		case OPT_TEXT: text_mode = 1; break;
		case OPT_TIMEOUT: timeout = lq_parse_double("--timeout", arg, 0.1, 86400); break;
		case OPT_TRACE: trace_path = arg; break;
		case OPT_VECTORS:
			if (strcmp(arg, "json") != 0 && strcmp(arg, "base64") != 0)
				lq_die(LQ_EXIT_USAGE, "--vectors: unknown form '%s' (json or base64)", arg);
			base64 = strcmp(arg, "base64") == 0;
			break;
		default: lq_usage(&cmd);
		}
	}
	if (optind < argc)
		lq_usage(&cmd);
	o.backend = lq_backend(o.backend, "LQ_EMBED_BACKEND", (const char *const[]){ "local", "openai", NULL });
	if (o.model && strcmp(o.backend, "local") == 0)
		lq_die(LQ_EXIT_USAGE, "-m/--model names the openai model; the local encoder's folder is --model-dir");
	if (field && !text_mode)
		lq_die(LQ_EXIT_USAGE, "--field needs --text");
	if (trace_path && (o.trace = lq_fopen_private(trace_path)) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", trace_path);
	cache = lq_cache_open(NULL);
	lq_cache_set_refresh(cache, refresh);
	o.cache = cache;
	if ((emb = lq_embedder_open(&o, err, sizeof err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "%s", err);
	if (price >= 0)
		lq_embedder_set_price(emb, price);
	lq_embedder_set_retry(emb, max_attempts, retry_delay, timeout);
	lq_embedder_set_max_wait(emb, max_wait);

	window = WINDOW_LOCAL;
	if (strncmp(lq_embedder_model_id(emb), "openai:", 7) == 0) {
		window = (size_t)(o.batch_size ? o.batch_size : 256) * (size_t)(o.jobs ? o.jobs : 4) * 2;
		if (window > WINDOW_MAX)
			window = WINDOW_MAX;
		if (window < WINDOW_LOCAL)
			window = WINDOW_LOCAL;
	}
	recs = lq_xcalloc(window, sizeof *recs);
	if (!text_mode || field)
		rd = lq_reader_new(stdin, "<stdin>");
	for (;;) {
		if (rd) {
			rec = lq_reader_next(rd);
			if (rec && text_mode) {
				char num[32];

				snprintf(num, sizeof num, "%lu", lq_reader_line(rd));
				json_object_set_new(rec, "__line", json_string(num));
			}
		} else {
			rec = next_text(stdin, &line);
		}
		if (rec == NULL)
			break;
		recs[n++] = rec;
		if (n == window) {
			flush(recs, n);
			n = 0;
		}
	}
	flush(recs, n);
	free(recs);
	if (rd)
		lq_reader_free(rd);

	if (spend.dry_run && !lq_embedder_remote(emb))
		lq_note("dry run: the local backend sends nothing, estimated cost $0");
	else if (lq_embedder_remote(emb))
		lq_spend_report(&spend, "texts", lq_embedder_batch(emb));
	lq_embedder_usage(emb, &req, &tok, &cost);
	if (skipped)
		lq_summary_add("%llu skipped (no profile)", skipped);
	lq_summary_add("%llu requests", req);
	lq_summary_add("%llu cache hits", lq_embedder_cache_hits(emb));
	lq_summary_add("%llu tokens", tok);
	lq_summary_add("$%.4f estimated", cost);
	lq_embedder_free(emb);
	lq_cache_close(cache);
	if (o.trace && fclose(o.trace) != 0)
		lq_warn_errno("%s", trace_path);
	c = lq_finish();
	return fatal ? LQ_EXIT_FATAL : lq_spend_status(&spend, c);
}
