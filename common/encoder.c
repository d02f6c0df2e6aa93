/* encoder.c: fp32 BERT forward pass on OpenBLAS, pooling, normalisation */
#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cblas.h>
#include <jansson.h>

#include "encoder.h"
#include "util.h"
#include "safetensors.h"
#include "tokenizer.h"

/*
 * Tokens per forward batch. Sequences are packed without padding, so this
 * is the M of every weight GEMM: OpenBLAS reaches ~85% of peak from M = 256
 * up, and 1024 rows keep a worker's activations near 13 MB.
 */
#define BATCH_TOKENS 1024

/* Hot element-wise loops get AVX-512 and AVX2 clones, picked at load time. */
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__) && \
    !defined(LQ_NO_CLONES)
#define VECTOR __attribute__((target_clones("avx512f", "avx2", "default"), \
    optimize("O3")))
#else
#define VECTOR
#endif

enum pooling { POOL_MEAN, POOL_CLS };

struct layer {
	const float *wq, *bq, *wk, *bk, *wv, *bv, *wo, *bo;
	float *wqkv, *bqkv;	/* Q, K and V stacked: one GEMM instead of three */
	const float *ln1g, *ln1b, *w1, *b1, *w2, *b2, *ln2g, *ln2b;
};

struct lq_encoder {
	struct lq_safetensors *st;
	struct lq_tokenizer *tok;
	int hidden, nlayers, nheads, inter, maxpos, maxseq, nthreads;
	float eps;
	enum pooling pooling;
	const float *word, *pos, *type0, *lng, *lnb;
	struct layer *layers;
	char id[256];
};

/* One worker's activations for a batch of up to cap tokens. */
struct scratch {
	size_t cap;
	float *x, *y, *big, *ctx, *scores;
};

char *
lq_encoder_default_dir(char *buf, size_t len)
{
	const char *v;
	char cand[2][4096];
	int n = 0;

	if ((v = getenv("LQ_MODEL_DIR")) != NULL && *v != '\0') {
		snprintf(buf, len, "%s", v);
		return buf;
	}
	/* The cache dir first; then the per-user default, where `make model`
	 * puts the model when LQ_CACHE_DIR is unset: a run pointed at another
	 * cache (a shared folder, a test's temp dir) still finds it. */
	if ((v = getenv("LQ_CACHE_DIR")) != NULL && *v != '\0')
		snprintf(cand[n++], sizeof cand[0], "%s/models/all-MiniLM-L6-v2", v);
	if ((v = getenv("XDG_CACHE_HOME")) != NULL && *v != '\0')
		snprintf(cand[n++], sizeof cand[0], "%s/lq/models/all-MiniLM-L6-v2", v);
	else
		snprintf(cand[n++], sizeof cand[0], "%s/.cache/lq/models/all-MiniLM-L6-v2",
		    (v = getenv("HOME")) != NULL ? v : ".");
	for (int i = 0; i < n; i++) {
		char probe[4200];

		snprintf(probe, sizeof probe, "%s/config.json", cand[i]);
		if (access(probe, F_OK) == 0) {
			snprintf(buf, len, "%s", cand[i]);
			return buf;
		}
	}
	snprintf(buf, len, "%s", cand[0]);	/* named in the error */
	return buf;
}

/* Load dir/name as a JSON object; missing files give NULL with *missing set. */
static json_t *
loadjson(const char *dir, const char *name, int *missing, char *err,
    size_t errlen)
{
	char path[4200];
	json_error_t jerr;
	json_t *j;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	*missing = access(path, F_OK) != 0;
	if (*missing) {
		lq_seterr(err, errlen, "%s: %s", path, strerror(errno));
		return NULL;
	}
	if ((j = json_load_file(path, 0, &jerr)) == NULL ||
	    !json_is_object(j)) {
		lq_seterr(err, errlen, "%s: line %d: %s", path, jerr.line,
		    j ? "not a JSON object" : jerr.text);
		json_decref(j);
		return NULL;
	}
	return j;
}

static int
getint(json_t *cfg, const char *key, int def, int *out, char *err,
    size_t errlen)
{
	json_t *v = json_object_get(cfg, key);

	if (v == NULL) {
		if (def < 0) {
			lq_seterr(err, errlen, "config.json: no %s", key);
			return -1;
		}
		*out = def;
		return 0;
	}
	if (!json_is_integer(v) || json_integer_value(v) < 1 ||
	    json_integer_value(v) > 1 << 20) {
		lq_seterr(err, errlen, "config.json: %s is not a positive integer",
		    key);
		return -1;
	}
	*out = (int)json_integer_value(v);
	return 0;
}

static int
getbool(json_t *cfg, const char *key, int def)
{
	json_t *v = json_object_get(cfg, key);

	return json_is_boolean(v) ? json_is_true(v) : def;
}

/*
 * Find an F32 tensor by its BertModel name, trying the "bert." prefix and
 * the old gamma/beta LayerNorm names, and check its shape (d1 0: 1-D).
 */
static const float *
tensor(struct lq_encoder *e, const char *name, uint64_t d0, uint64_t d1,
    char *err, size_t errlen)
{
	const struct lq_st_tensor *t = NULL;
	char alt[300], base[256];
	const char *dot;

	snprintf(base, sizeof base, "%s", name);
	for (int pass = 0; pass < 2 && t == NULL; pass++) {
		if (pass == 1) {
			/* LayerNorm.weight/bias were once LayerNorm.gamma/beta. */
			if ((dot = strstr(name, "LayerNorm.")) == NULL)
				break;
			snprintf(base, sizeof base, "%.*sLayerNorm.%s",
			    (int)(dot - name), name,
			    strcmp(dot + 10, "weight") == 0 ? "gamma" : "beta");
		}
		snprintf(alt, sizeof alt, "bert.%s", base);
		if ((t = lq_st_find(e->st, base)) == NULL)
			t = lq_st_find(e->st, alt);
	}
	if (t == NULL) {
		lq_seterr(err, errlen, "model.safetensors: no tensor %s", name);
		return NULL;
	}
	if (t->dtype != LQ_ST_F32) {
		lq_seterr(err, errlen, "model.safetensors: tensor %s is not F32",
		    t->name);
		return NULL;
	}
	if (t->ndim != (d1 ? 2 : 1) || t->shape[0] != d0 ||
	    (d1 && t->shape[1] != d1)) {
		lq_seterr(err, errlen, "model.safetensors: tensor %s has shape "
		    "[%llu%s%llu], config.json says [%llu%s%llu]", t->name,
		    (unsigned long long)t->shape[0], t->ndim > 1 ? ", " : "",
		    t->ndim > 1 ? (unsigned long long)t->shape[1] : 0ull,
		    (unsigned long long)d0, d1 ? ", " : "",
		    (unsigned long long)d1);
		return NULL;
	}
	/* Data offsets are multiples of 4 in practice; refuse anything else. */
	if (((uintptr_t)t->data & 3) != 0) {
		lq_seterr(err, errlen, "model.safetensors: tensor %s is not 4-byte "
		    "aligned", t->name);
		return NULL;
	}
	return t->data;
}

static int
load_config(struct lq_encoder *e, const char *dir, struct lq_tok_options *to,
    char *err, size_t errlen)
{
	json_t *cfg, *j, *v;
	int missing, rc = -1, typevocab, vocab;

	if ((cfg = loadjson(dir, "config.json", &missing, err, errlen)) == NULL)
		return -1;
	if (getint(cfg, "hidden_size", -1, &e->hidden, err, errlen) < 0 ||
	    getint(cfg, "num_hidden_layers", -1, &e->nlayers, err, errlen) < 0 ||
	    getint(cfg, "num_attention_heads", -1, &e->nheads, err, errlen) < 0 ||
	    getint(cfg, "intermediate_size", -1, &e->inter, err, errlen) < 0 ||
	    getint(cfg, "max_position_embeddings", 512, &e->maxpos, err,
	    errlen) < 0 ||
	    getint(cfg, "type_vocab_size", 2, &typevocab, err, errlen) < 0 ||
	    getint(cfg, "vocab_size", -1, &vocab, err, errlen) < 0)
		goto out;
	(void)typevocab;
	(void)vocab;
	if (e->hidden % e->nheads != 0) {
		lq_seterr(err, errlen, "config.json: hidden_size %d is not a "
		    "multiple of num_attention_heads %d", e->hidden, e->nheads);
		goto out;
	}
	v = json_object_get(cfg, "hidden_act");
	if (v != NULL && (!json_is_string(v) ||
	    strcmp(json_string_value(v), "gelu") != 0)) {
		lq_seterr(err, errlen, "config.json: hidden_act must be \"gelu\" "
		    "(exact erf GELU)");
		goto out;
	}
	v = json_object_get(cfg, "position_embedding_type");
	if (v != NULL && (!json_is_string(v) ||
	    strcmp(json_string_value(v), "absolute") != 0)) {
		lq_seterr(err, errlen, "config.json: only absolute position "
		    "embeddings are supported");
		goto out;
	}
	v = json_object_get(cfg, "layer_norm_eps");
	e->eps = json_is_number(v) ? (float)json_number_value(v) : 1e-12f;

	e->maxseq = e->maxpos;
	e->pooling = POOL_MEAN;
	if ((j = loadjson(dir, "sentence_bert_config.json", &missing, err,
	    errlen)) != NULL) {
		v = json_object_get(j, "max_seq_length");
		if (json_is_integer(v) && json_integer_value(v) >= 2 &&
		    json_integer_value(v) < e->maxpos)
			e->maxseq = (int)json_integer_value(v);
		/* sentence-transformers then lowercases before the tokenizer,
		 * so "[SEP]" written in a text is no longer special. */
		to->no_special = getbool(j, "do_lower_case", 0);
		json_decref(j);
	} else if (!missing)
		goto out;
	if ((j = loadjson(dir, "tokenizer_config.json", &missing, err,
	    errlen)) != NULL) {
		to->cased = !getbool(j, "do_lower_case", 1);
		json_decref(j);
	} else if (!missing)
		goto out;
	if ((j = loadjson(dir, "1_Pooling/config.json", &missing, err,
	    errlen)) != NULL) {
		int cls = getbool(j, "pooling_mode_cls_token", 0);
		int mean = getbool(j, "pooling_mode_mean_tokens", 0);

		if (cls + mean != 1 || getbool(j, "pooling_mode_max_tokens", 0) ||
		    getbool(j, "pooling_mode_mean_sqrt_len_tokens", 0)) {
			lq_seterr(err, errlen, "1_Pooling/config.json: only one of "
			    "mean or CLS pooling is supported");
			json_decref(j);
			goto out;
		}
		e->pooling = cls ? POOL_CLS : POOL_MEAN;
		json_decref(j);
	} else if (!missing)
		goto out;
	rc = 0;
out:
	json_decref(cfg);
	return rc;
}

static int
load_weights(struct lq_encoder *e, char *err, size_t errlen)
{
	const uint64_t H = (uint64_t)e->hidden, F = (uint64_t)e->inter;
	const struct lq_st_tensor *w;
	char n[128];

	if ((w = lq_st_find(e->st, "embeddings.word_embeddings.weight")) == NULL)
		w = lq_st_find(e->st, "bert.embeddings.word_embeddings.weight");
	if (w == NULL || w->ndim != 2) {
		lq_seterr(err, errlen, "model.safetensors: no 2-D tensor "
		    "embeddings.word_embeddings.weight");
		return -1;
	}
	if (w->shape[0] < lq_tok_vocab_size(e->tok)) {
		lq_seterr(err, errlen, "vocab.txt has %zu tokens but %s has %llu "
		    "rows", lq_tok_vocab_size(e->tok), w->name,
		    (unsigned long long)w->shape[0]);
		return -1;
	}
#define T(dst, name, d0, d1) \
	if ((dst = tensor(e, name, d0, d1, err, errlen)) == NULL) return -1
	T(e->word, "embeddings.word_embeddings.weight", w->shape[0], H);
	T(e->pos, "embeddings.position_embeddings.weight", (uint64_t)e->maxpos, H);
	if ((w = lq_st_find(e->st, "embeddings.token_type_embeddings.weight")) == NULL)
		w = lq_st_find(e->st, "bert.embeddings.token_type_embeddings.weight");
	T(e->type0, "embeddings.token_type_embeddings.weight",
	    w != NULL && w->ndim == 2 ? w->shape[0] : 2, H);
	T(e->lng, "embeddings.LayerNorm.weight", H, 0);
	T(e->lnb, "embeddings.LayerNorm.bias", H, 0);
	for (int l = 0; l < e->nlayers; l++) {
		struct layer *L = &e->layers[l];

#define LT(dst, suffix, d0, d1) \
	snprintf(n, sizeof n, "encoder.layer.%d.%s", l, suffix); \
	T(L->dst, n, d0, d1)
		LT(wq, "attention.self.query.weight", H, H);
		LT(bq, "attention.self.query.bias", H, 0);
		LT(wk, "attention.self.key.weight", H, H);
		LT(bk, "attention.self.key.bias", H, 0);
		LT(wv, "attention.self.value.weight", H, H);
		LT(bv, "attention.self.value.bias", H, 0);
		LT(wo, "attention.output.dense.weight", H, H);
		LT(bo, "attention.output.dense.bias", H, 0);
		LT(ln1g, "attention.output.LayerNorm.weight", H, 0);
		LT(ln1b, "attention.output.LayerNorm.bias", H, 0);
		LT(w1, "intermediate.dense.weight", F, H);
		LT(b1, "intermediate.dense.bias", F, 0);
		LT(w2, "output.dense.weight", H, F);
		LT(b2, "output.dense.bias", H, 0);
		LT(ln2g, "output.LayerNorm.weight", H, 0);
		LT(ln2b, "output.LayerNorm.bias", H, 0);
#undef LT
		L->wqkv = malloc(3 * H * H * sizeof *L->wqkv);
		L->bqkv = malloc(3 * H * sizeof *L->bqkv);
		if (L->wqkv == NULL || L->bqkv == NULL) {
			lq_seterr(err, errlen, "out of memory");
			return -1;
		}
		memcpy(L->wqkv, L->wq, H * H * sizeof *L->wqkv);
		memcpy(L->wqkv + H * H, L->wk, H * H * sizeof *L->wqkv);
		memcpy(L->wqkv + 2 * H * H, L->wv, H * H * sizeof *L->wqkv);
		memcpy(L->bqkv, L->bq, H * sizeof *L->bqkv);
		memcpy(L->bqkv + H, L->bk, H * sizeof *L->bqkv);
		memcpy(L->bqkv + 2 * H, L->bv, H * sizeof *L->bqkv);
	}
#undef T
	return 0;
}

struct lq_encoder *
lq_encoder_load(const char *dir, char *err, size_t errlen)
{
	struct lq_tok_options to = { 0, 0 };
	struct lq_encoder *e;
	char def[4096], path[4200], e2[1024];
	const char *base, *env;
	size_t bl;

	if (dir == NULL)
		dir = lq_encoder_default_dir(def, sizeof def);
	if ((e = calloc(1, sizeof *e)) == NULL) {
		lq_seterr(err, errlen, "out of memory");
		return NULL;
	}
	if (load_config(e, dir, &to, e2, sizeof e2) < 0)
		goto fail;
	snprintf(path, sizeof path, "%s/vocab.txt", dir);
	if ((e->tok = lq_tok_load(path, &to, e2, sizeof e2)) == NULL)
		goto fail;
	snprintf(path, sizeof path, "%s/model.safetensors", dir);
	if ((e->st = lq_st_open(path, e2, sizeof e2)) == NULL)
		goto fail;
	if ((e->layers = calloc((size_t)e->nlayers, sizeof *e->layers)) == NULL) {
		snprintf(e2, sizeof e2, "out of memory");
		goto fail;
	}
	if (load_weights(e, e2, sizeof e2) < 0)
		goto fail;
	bl = strlen(dir);
	while (bl > 1 && dir[bl - 1] == '/')
		bl--;
	for (base = dir + bl; base > dir && base[-1] != '/'; base--)
		;
	snprintf(e->id, sizeof e->id, "local:%.*s", (int)(dir + bl - base), base);
	env = getenv("LQ_THREADS");
	e->nthreads = env != NULL && atoi(env) > 0 ? atoi(env) :
	    (int)sysconf(_SC_NPROCESSORS_ONLN);
	lq_encoder_set_threads(e, e->nthreads);
	/* Workers split the texts; each runs single-threaded GEMMs. */
	openblas_set_num_threads(1);
	return e;
fail:
	lq_seterr(err, errlen, "model %s: %s", dir, e2);
	lq_encoder_free(e);
	return NULL;
}

void
lq_encoder_free(struct lq_encoder *e)
{
	if (e == NULL)
		return;
	lq_tok_free(e->tok);
	lq_st_close(e->st);
	for (int l = 0; e->layers != NULL && l < e->nlayers; l++) {
		free(e->layers[l].wqkv);
		free(e->layers[l].bqkv);
	}
	free(e->layers);
	free(e);
}

int
lq_encoder_dim(const struct lq_encoder *e)
{
	return e->hidden;
}

int
lq_encoder_max_tokens(const struct lq_encoder *e)
{
	return e->maxseq;
}

const char *
lq_encoder_model_id(const struct lq_encoder *e)
{
	return e->id;
}

const struct lq_tokenizer *
lq_encoder_tokenizer(const struct lq_encoder *e)
{
	return e->tok;
}

void
lq_encoder_set_threads(struct lq_encoder *e, int n)
{
	e->nthreads = n < 1 ? 1 : n > 64 ? 64 : n;
}

/* ---- element-wise kernels ---- */

/* e^x for x in about [-87, 88]: Cody-Waite reduction, Cephes polynomial. */
static inline float
fexp(float x)
{
	float n, r, p;
	int32_t i;

	/* Ternaries, not fminf/fmaxf: those stay libm calls and block
	 * vectorisation without -ffast-math. */
	x = x > -87.0f ? x : -87.0f;
	x = x < 88.0f ? x : 88.0f;
	/* Round to nearest by adding and removing 1.5 * 2^23. */
	n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
	r = x - n * 0.693359375f + n * 2.12194440e-4f;
	p = 1.9875691500e-4f;
	p = p * r + 1.3981999507e-3f;
	p = p * r + 8.3334519073e-3f;
	p = p * r + 4.1665795894e-2f;
	p = p * r + 1.6666665459e-1f;
	p = p * r + 5.0000001201e-1f;
	p = p * r * r + r + 1.0f;
	i = ((int32_t)n + 127) << 23;
	memcpy(&n, &i, sizeof n);
	return p * n;
}

/* Exact-erf GELU, 0.5x(1 + erf(x/sqrt 2)); erf to 1.5e-7 (A&S 7.1.26). */
VECTOR static void
gelu(float *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		float x = v[i], z = fabsf(x) * 0.70710678118654752f;
		float t = 1.0f / (1.0f + 0.3275911f * z), y;

		y = ((((1.061405429f * t - 1.453152027f) * t + 1.421413741f) *
		    t - 0.284496736f) * t + 0.254829592f) * t;
		y = 1.0f - y * fexp(-z * z);
		v[i] = 0.5f * x * (1.0f + copysignf(y, x));
	}
}

/* rows x n: out = LayerNorm(in) * g + b, biased variance. */
VECTOR static void
layernorm(float *out, const float *in, size_t rows, size_t n, const float *g,
    const float *b, float eps)
{
	for (size_t r = 0; r < rows; r++) {
		const float *x = in + r * n;
		float *o = out + r * n, mean = 0, var = 0, inv;

		for (size_t i = 0; i < n; i++)
			mean += x[i];
		mean /= (float)n;
		for (size_t i = 0; i < n; i++)
			var += (x[i] - mean) * (x[i] - mean);
		inv = 1.0f / sqrtf(var / (float)n + eps);
		for (size_t i = 0; i < n; i++)
			o[i] = (x[i] - mean) * inv * g[i] + b[i];
	}
}

/* rows x n: out = a + bias (bias broadcast over rows; a may be NULL). */
VECTOR static void
addbias(float *out, const float *a, size_t lda, size_t rows, size_t n,
    const float *bias)
{
	for (size_t r = 0; r < rows; r++)
		for (size_t i = 0; i < n; i++)
			out[r * lda + i] = (a ? a[r * n + i] : 0) + bias[i];
}

/* Row-wise softmax of rows x n scores (row stride ld) in place. */
VECTOR static void
softmax(float *s, size_t rows, size_t n, size_t ld)
{
	for (size_t r = 0; r < rows; r++) {
		float *x = s + r * ld, max = x[0], sum = 0, inv;

		for (size_t i = 1; i < n; i++)
			max = x[i] > max ? x[i] : max;
		for (size_t i = 0; i < n; i++) {
			x[i] = fexp(x[i] - max);
			sum += x[i];
		}
		inv = 1.0f / sum;
		for (size_t i = 0; i < n; i++)
			x[i] *= inv;
	}
}

/* ---- forward pass ---- */

static int
scratch_init(struct scratch *s, size_t cap, size_t H, size_t F, size_t L)
{
	size_t big = 3 * H > F ? 3 * H : F;

	s->cap = cap;
	s->x = malloc(cap * H * sizeof(float));
	s->y = malloc(cap * H * sizeof(float));
	s->ctx = malloc(cap * H * sizeof(float));
	s->big = malloc(cap * big * sizeof(float));
	s->scores = malloc(L * L * sizeof(float));
	return s->x && s->y && s->ctx && s->big && s->scores ? 0 : -1;
}

static void
scratch_free(struct scratch *s)
{
	free(s->x);
	free(s->y);
	free(s->ctx);
	free(s->big);
	free(s->scores);
}

/* C[m x n] (ldc) += A[m x k] . W[n x k]^T: x.W^T for nn.Linear weights. */
static void
linear(const float *a, size_t m, size_t k, const float *w, size_t n, float *c,
    size_t ldc)
{
	cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)m, (int)n,
	    (int)k, 1.0f, a, (int)k, w, (int)k, 1.0f, c, (int)ldc);
}

/*
 * Run nseq packed sequences (ids concatenated, lens[i] tokens each) through
 * the model and write their pooled, normalised embeddings to out[i * H].
 */
static void
forward(const struct lq_encoder *e, struct scratch *s, const int32_t *ids,
    const int *lens, size_t nseq, float *const *out)
{
	const size_t H = (size_t)e->hidden, F = (size_t)e->inter;
	const size_t dh = H / (size_t)e->nheads, H3 = 3 * H;
	const float scale = 1.0f / sqrtf((float)dh);
	size_t T = 0, t = 0;

	for (size_t q = 0; q < nseq; q++)
		T += (size_t)lens[q];
	for (size_t q = 0; q < nseq; q++)
		for (int p = 0; p < lens[q]; p++, t++) {
			const float *w = e->word + (size_t)ids[t] * H;
			const float *ps = e->pos + (size_t)p * H;

			for (size_t i = 0; i < H; i++)
				s->y[t * H + i] = w[i] + ps[i] + e->type0[i];
		}
	layernorm(s->x, s->y, T, H, e->lng, e->lnb, e->eps);

	for (int l = 0; l < e->nlayers; l++) {
		const struct layer *L = &e->layers[l];
		float *qkv = s->big;
		size_t off = 0;

		addbias(qkv, NULL, H3, T, H3, L->bqkv);
		linear(s->x, T, H, L->wqkv, H3, qkv, H3);
		/* Attention within each sequence: packing needs no mask. */
		for (size_t q = 0; q < nseq; off += (size_t)lens[q], q++) {
			int n = lens[q];

			for (int h = 0; h < e->nheads; h++) {
				const float *Q = qkv + off * H3 + (size_t)h * dh;
				float *C = s->ctx + off * H + (size_t)h * dh;

				cblas_sgemm(CblasRowMajor, CblasNoTrans,
				    CblasTrans, n, n, (int)dh, scale, Q,
				    (int)H3, Q + H, (int)H3, 0.0f, s->scores, n);
				softmax(s->scores, (size_t)n, (size_t)n,
				    (size_t)n);
				cblas_sgemm(CblasRowMajor, CblasNoTrans,
				    CblasNoTrans, n, (int)dh, n, 1.0f,
				    s->scores, n, Q + 2 * H, (int)H3, 0.0f, C,
				    (int)H);
			}
		}
		addbias(s->y, s->x, H, T, H, L->bo);
		linear(s->ctx, T, H, L->wo, H, s->y, H);
		layernorm(s->x, s->y, T, H, L->ln1g, L->ln1b, e->eps);

		addbias(s->big, NULL, F, T, F, L->b1);
		linear(s->x, T, H, L->w1, F, s->big, F);
		gelu(s->big, T * F);
		addbias(s->y, s->x, H, T, H, L->b2);
		linear(s->big, T, F, L->w2, H, s->y, H);
		layernorm(s->x, s->y, T, H, L->ln2g, L->ln2b, e->eps);
	}

	t = 0;
	for (size_t q = 0; q < nseq; t += (size_t)lens[q], q++) {
		float *o = out[q], norm = 0;

		if (e->pooling == POOL_CLS)
			memcpy(o, s->x + t * H, H * sizeof *o);
		else {
			memset(o, 0, H * sizeof *o);
			for (int p = 0; p < lens[q]; p++)
				for (size_t i = 0; i < H; i++)
					o[i] += s->x[(t + (size_t)p) * H + i];
			for (size_t i = 0; i < H; i++)
				o[i] /= (float)lens[q];
		}
		for (size_t i = 0; i < H; i++)
			norm += o[i] * o[i];
		norm = fmaxf(sqrtf(norm), 1e-12f);
		for (size_t i = 0; i < H; i++)
			o[i] /= norm;
	}
}

/* ---- batching and workers ---- */

struct job {
	const struct lq_encoder *e;
	int32_t **ids;		/* per text */
	int *lens;
	uint64_t *order;	/* length << 32 | text, decreasing */
	size_t *bstart;		/* batch b is order[bstart[b] .. bstart[b+1]) */
	size_t nbatch;
	float *out;
	atomic_size_t next;
	atomic_int failed;
};

static void *
worker(void *arg)
{
	struct job *j = arg;
	const struct lq_encoder *e = j->e;
	const size_t H = (size_t)e->hidden;
	size_t cap = BATCH_TOKENS > e->maxseq ? BATCH_TOKENS : (size_t)e->maxseq;
	struct scratch s = { 0 };
	int32_t *ids = malloc(cap * sizeof *ids);
	int *lens = malloc(cap * sizeof *lens);
	float **outs = malloc(cap * sizeof *outs);
	size_t b;

	if (ids == NULL || lens == NULL || outs == NULL ||
	    scratch_init(&s, cap, H, (size_t)e->inter, (size_t)e->maxseq) < 0) {
		j->failed = 1;
		goto done;
	}
	while ((b = atomic_fetch_add(&j->next, 1)) < j->nbatch) {
		size_t n = 0, t = 0;

		for (size_t k = j->bstart[b]; k < j->bstart[b + 1]; k++, n++) {
			size_t i = (size_t)(j->order[k] & 0xffffffff);

			memcpy(ids + t, j->ids[i], (size_t)j->lens[i] *
			    sizeof *ids);
			t += (size_t)j->lens[i];
			lens[n] = j->lens[i];
			outs[n] = j->out + i * H;
		}
		forward(e, &s, ids, lens, n, outs);
	}
done:
	scratch_free(&s);
	free(ids);
	free(lens);
	free(outs);
	return NULL;
}

/* Sort key: length in the high bits, text index in the low 32 bits. */
static int
bylen(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? 1 : x > y ? -1 : 0;
}

static int
embed(struct lq_encoder *e, const char *const *texts, const size_t *tlens,
    size_t n, float *out)
{
	struct job j = { 0 };
	size_t cap = BATCH_TOKENS > e->maxseq ? BATCH_TOKENS : (size_t)e->maxseq;
	size_t i, t, nthreads;
	pthread_t th[64];
	int rc = -1, started = 0;
	int32_t *buf = NULL;

	if (n == 0)
		return 0;
	j.e = e;
	j.out = out;
	j.ids = calloc(n, sizeof *j.ids);
	j.lens = calloc(n, sizeof *j.lens);
	j.order = calloc(n, sizeof *j.order);
	j.bstart = calloc(n + 1, sizeof *j.bstart);
	buf = malloc((size_t)e->maxseq * sizeof *buf);
	if (!j.ids || !j.lens || !j.order || !j.bstart || !buf)
		goto out;
	for (i = 0; i < n; i++) {
		size_t len = tlens ? tlens[i] : strlen(texts[i]);

		j.lens[i] = (int)lq_tok_encode(e->tok, texts[i], len, buf,
		    (size_t)e->maxseq);
		if ((j.ids[i] = malloc((size_t)j.lens[i] * sizeof *buf)) == NULL)
			goto out;
		memcpy(j.ids[i], buf, (size_t)j.lens[i] * sizeof *buf);
		j.order[i] = (uint64_t)j.lens[i] << 32 | (0xffffffff - i);
	}
	qsort(j.order, n, sizeof *j.order, bylen);
	for (i = 0; i < n; i++)
		j.order[i] = (j.order[i] & ~(uint64_t)0xffffffff) |
		    (0xffffffff - (j.order[i] & 0xffffffff));
	for (i = t = 0; i < n; i++) {
		size_t len = (size_t)(j.order[i] >> 32);

		if (t + len > cap) {
			j.bstart[++j.nbatch] = i;
			t = 0;
		}
		t += len;
	}
	j.bstart[++j.nbatch] = n;
	nthreads = (size_t)e->nthreads < j.nbatch ? (size_t)e->nthreads : j.nbatch;
	for (i = 1; i < nthreads; i++, started++)
		if (pthread_create(&th[i], NULL, worker, &j) != 0)
			break;
	worker(&j);
	for (i = 1; i <= (size_t)started; i++)
		pthread_join(th[i], NULL);
	rc = j.failed ? -1 : 0;
out:
	if (j.ids != NULL)
		for (i = 0; i < n; i++)
			free(j.ids[i]);
	free(j.ids);
	free(j.lens);
	free(j.order);
	free(j.bstart);
	free(buf);
	return rc;
}

int
lq_encoder_embed(struct lq_encoder *e, const char *const *texts, size_t n,
    float *out)
{
	return embed(e, texts, NULL, n, out);
}

int
lq_encoder_embed1(struct lq_encoder *e, const char *text, size_t len,
    float *out)
{
	return embed(e, &text, &len, 1, out);
}
