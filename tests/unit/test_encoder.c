/* test_encoder.c: tiny random BERTs against numpy, then the real all-MiniLM-L6-v2 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "encoder.h"
#include "t.h"
#include "tokenizer.h"

#define MAXCASES 64

struct expected {
	char *text[MAXCASES];
	char *ids[MAXCASES];
	float *emb[MAXCASES];
	size_t n;
};

static int
read_expected(const char *path, struct expected *x, int dim)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;

	if (fp == NULL)
		return -1;
	x->n = 0;
	while (getline(&line, &cap, fp) > 0 && x->n < MAXCASES) {
		char *t1 = strchr(line, '\t'), *t2, *p;

		if (t1 == NULL || (t2 = strchr(t1 + 1, '\t')) == NULL)
			continue;
		*t1 = *t2 = '\0';
		x->text[x->n] = strdup(line);
		x->ids[x->n] = strdup(t1 + 1);
		x->emb[x->n] = calloc((size_t)dim, sizeof(float));
		p = t2 + 1;
		for (int i = 0; i < dim; i++)
			x->emb[x->n][i] = strtof(p, &p);
		x->n++;
	}
	free(line);
	fclose(fp);
	return 0;
}

static void
free_expected(struct expected *x)
{
	for (size_t i = 0; i < x->n; i++) {
		free(x->text[i]);
		free(x->ids[i]);
		free(x->emb[i]);
	}
}

static float
maxdiff(const float *a, const float *b, int n)
{
	float m = 0;

	for (int i = 0; i < n; i++)
		m = fmaxf(m, fabsf(a[i] - b[i]));
	return m;
}

static void
tiny(const char *name, const char *pooling)
{
	char dir[256], path[300], err[512], desc[128], ids[2048];
	struct lq_encoder *e;
	struct expected x;
	float *out, *one, worst = 0;
	int dim, idsok = 1, oneok = 1;

	snprintf(dir, sizeof dir, "tests/data/tiny-bert/%s", name);
	e = lq_encoder_load(dir, err, sizeof err);
	snprintf(desc, sizeof desc, "tiny BERT (%s pooling) loads", pooling);
	t_begin(desc);
	CHECK(e != NULL);
	if (e == NULL) {
		printf("#   %s\n", err);
		return;
	}
	dim = lq_encoder_dim(e);
	CHECK_INT(dim, 32);
	snprintf(desc, sizeof desc, "local:%s", name);
	CHECK_STR(lq_encoder_model_id(e), desc);
	snprintf(path, sizeof path, "%s/expected.tsv", dir);
	CHECK(read_expected(path, &x, dim) == 0 && x.n >= 10);

	snprintf(desc, sizeof desc, "tiny BERT (%s): token ids match tokenizers", pooling);
	t_begin(desc);
	for (size_t i = 0; i < x.n; i++) {
		int32_t v[512];
		size_t n = lq_tok_encode(lq_encoder_tokenizer(e), x.text[i],
		    strlen(x.text[i]), v, (size_t)lq_encoder_max_tokens(e)), len = 0;

		ids[0] = '\0';
		for (size_t k = 0; k < n; k++)
			len += (size_t)snprintf(ids + len, sizeof ids - len,
			    k ? " %d" : "%d", v[k]);
		if (strcmp(ids, x.ids[i]) != 0) {
			printf("#   \"%s\": %s, want %s\n", x.text[i], ids, x.ids[i]);
			idsok = 0;
		}
	}
	CHECK(idsok);

	out = calloc(x.n * (size_t)dim, sizeof *out);
	one = calloc((size_t)dim, sizeof *one);
	lq_encoder_set_threads(e, 2);
	CHECK(lq_encoder_embed(e, (const char *const *)x.text, x.n, out) == 0);
	for (size_t i = 0; i < x.n; i++) {
		worst = fmaxf(worst, maxdiff(out + i * (size_t)dim, x.emb[i], dim));
		lq_encoder_embed1(e, x.text[i], strlen(x.text[i]), one);
		oneok &= maxdiff(one, out + i * (size_t)dim, dim) < 1e-6f;
	}
	printf("#   largest difference from numpy: %g\n", worst);
	snprintf(desc, sizeof desc, "tiny BERT (%s): embeddings match numpy within 1e-5", pooling);
	t_begin(desc);
	CHECK(worst < 1e-5f);
	snprintf(desc, sizeof desc, "tiny BERT (%s): one at a time equals batched", pooling);
	t_begin(desc);
	CHECK(oneok);
	free(out);
	free(one);
	free_expected(&x);
	lq_encoder_free(e);
}

/* Copy the tiny model to a temp dir and break one thing in it. */
static void
broken(const char *desc, const char *file, const char *content, const char *want)
{
	char dir[] = "/tmp/lq-enc-XXXXXX", cmd[512], path[300], err[512] = "";
	struct lq_encoder *e;
	FILE *fp;

	t_begin(desc);
	if (mkdtemp(dir) == NULL) {
		CHECK(0);
		return;
	}
	snprintf(cmd, sizeof cmd, "cp -r tests/data/tiny-bert/mean/. %s/", dir);
	CHECK(system(cmd) == 0);
	snprintf(path, sizeof path, "%s/%s", dir, file);
	if ((fp = fopen(path, "w")) != NULL) {
		fputs(content, fp);
		fclose(fp);
	}
	e = lq_encoder_load(dir, err, sizeof err);
	CHECK(e == NULL);
	if (strstr(err, want) == NULL) {
		printf("#   message \"%s\" lacks \"%s\"\n", err, want);
		CHECK(0);
	}
	lq_encoder_free(e);
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	CHECK(system(cmd) == 0);
}

static void
real(void)
{
	static const char *const texts[] = {
		"This is an example sentence", "Each sentence is converted.", "",
		"Caf\xc3\xa9 d\xc3\xa9j\xc3\xa0 vu \xe2\x80\x94 \xe6\x9d\xb1\xe4\xba\xac",
		"The weather is lovely today.", "It's so sunny outside!",
		"He drove to the stadium.",
	};
	static const float first[4][6] = {
		{ 0.06765693f, 0.06349593f, 0.04871314f, 0.07930495f, 0.03744806f, 0.00265273f },
		{ 0.07853645f, 0.08856265f, -0.00209270f, -0.00717247f, -0.01252624f, 0.01881747f },
		{ -0.11883835f, 0.04829856f, -0.00254805f, -0.01101118f, 0.05195070f, 0.01029179f },
		{ 0.05083271f, 0.00967685f, 0.09635572f, -0.00997369f, -0.01987603f, 0.01692343f },
	};
	static const float sim[3] = { 0.6660f, 0.1046f, 0.1411f };
	char dir[4096], err[1024];
	struct lq_encoder *e;
	float out[7 * 384], worst = 0, s[3];
	int k = 0;

	lq_encoder_default_dir(dir, sizeof dir);
	e = lq_encoder_load(NULL, err, sizeof err);
	t_begin("the real all-MiniLM-L6-v2 loads (make model fetches it)");
	CHECK(e != NULL);
	if (e == NULL) {
		printf("#   %s\n", err);
		return;
	}
	CHECK_INT(lq_encoder_dim(e), 384);
	CHECK_INT(lq_encoder_max_tokens(e), 256);
	CHECK_STR(lq_encoder_model_id(e), "local:all-MiniLM-L6-v2");
	CHECK(lq_encoder_embed(e, texts, 7, out) == 0);
	for (int i = 0; i < 4; i++)
		worst = fmaxf(worst, maxdiff(out + i * 384, first[i], 6));
	printf("#   largest difference from the published dims: %g\n", worst);
	t_begin("MiniLM: first dims of 4 sentences within 1e-4 of sentence-transformers");
	CHECK(worst < 1e-4f);
	for (int a = 4; a < 7; a++)
		for (int b = a + 1; b < 7; b++, k++) {
			s[k] = 0;
			for (int i = 0; i < 384; i++)
				s[k] += out[a * 384 + i] * out[b * 384 + i];
		}
	printf("#   similarities %.4f %.4f %.4f\n", s[0], s[1], s[2]);
	t_begin("MiniLM: the model card's similarity matrix within 1e-4");
	CHECK(fabsf(s[0] - sim[0]) < 1e-4f && fabsf(s[1] - sim[1]) < 1e-4f &&
	    fabsf(s[2] - sim[2]) < 1e-4f);
	lq_encoder_free(e);
}

static void
default_dir(void)
{
	static const char *const vars[4] = {
		"LQ_MODEL_DIR", "LQ_CACHE_DIR", "XDG_CACHE_HOME", "HOME"
	};
	char buf[512], *saved[4];

	for (int i = 0; i < 4; i++) {
		saved[i] = getenv(vars[i]) ? strdup(getenv(vars[i])) : NULL;
		unsetenv(vars[i]);
	}
	t_begin("the default model folder follows LQ_MODEL_DIR, LQ_CACHE_DIR, XDG_CACHE_HOME, HOME");
	setenv("HOME", "/h", 1);
	CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), "/h/.cache/lq/models/all-MiniLM-L6-v2");
	setenv("XDG_CACHE_HOME", "/x", 1);
	CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), "/x/lq/models/all-MiniLM-L6-v2");
	setenv("LQ_CACHE_DIR", "/c", 1);
	CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), "/c/models/all-MiniLM-L6-v2");
	setenv("LQ_MODEL_DIR", "/m", 1);
	CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), "/m");
	t_begin("a run with its own LQ_CACHE_DIR finds the model in the per-user cache");
	{
		char tmpl[] = "/tmp/lq-model-XXXXXX", path[700], want[600];
		char *top = mkdtemp(tmpl);
		FILE *fp;

		CHECK(top != NULL);
		if (top) {
			unsetenv("LQ_MODEL_DIR");
			setenv("XDG_CACHE_HOME", top, 1);
			setenv("LQ_CACHE_DIR", "/nonexistent-cache", 1);
			snprintf(want, sizeof want, "%s/lq/models/all-MiniLM-L6-v2", top);
			/* no model anywhere: the cache dir's folder is named */
			CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), "/nonexistent-cache/models/all-MiniLM-L6-v2");
			snprintf(path, sizeof path, "%s/lq", top), mkdir(path, 0700);
			snprintf(path, sizeof path, "%s/lq/models", top), mkdir(path, 0700);
			mkdir(want, 0700);
			snprintf(path, sizeof path, "%s/config.json", want);
			if ((fp = fopen(path, "w")) != NULL)
				fclose(fp);
			CHECK_STR(lq_encoder_default_dir(buf, sizeof buf), want);
			remove(path);
			rmdir(want);
			snprintf(path, sizeof path, "%s/lq/models", top), rmdir(path);
			snprintf(path, sizeof path, "%s/lq", top), rmdir(path);
			rmdir(top);
		}
	}
	for (int i = 0; i < 4; i++) {
		if (saved[i] != NULL)
			setenv(vars[i], saved[i], 1);
		else
			unsetenv(vars[i]);
		free(saved[i]);
	}
}

int
main(void)
{
	char err[512];

	tiny("mean", "mean");
	tiny("cls", "CLS");
	broken("a wrong hidden_size is named", "config.json",
	    "{\"hidden_size\":48,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
	    "\"intermediate_size\":64,\"vocab_size\":66,\"max_position_embeddings\":64}",
	    "embeddings.word_embeddings.weight has shape [61, 32], config.json says [61, 48]");
	broken("a tanh GELU model is refused", "config.json",
	    "{\"hidden_size\":32,\"num_hidden_layers\":2,\"num_attention_heads\":4,"
	    "\"intermediate_size\":64,\"vocab_size\":66,\"hidden_act\":\"gelu_new\"}",
	    "hidden_act");
	broken("a missing layer is named", "config.json",
	    "{\"hidden_size\":32,\"num_hidden_layers\":3,\"num_attention_heads\":4,"
	    "\"intermediate_size\":64,\"vocab_size\":66,\"max_position_embeddings\":64}",
	    "no tensor encoder.layer.2.attention.self.query.weight");
	broken("a corrupt model.safetensors is refused", "model.safetensors",
	    "\x10\0\0\0\0\0\0\0{\"a\":1}         ", "model.safetensors");
	broken("max pooling is refused", "1_Pooling/config.json",
	    "{\"pooling_mode_max_tokens\":true}", "1_Pooling/config.json");
	t_begin("a missing folder is an error naming config.json");
	CHECK(lq_encoder_load("/nonexistent", err, sizeof err) == NULL &&
	    strstr(err, "/nonexistent/config.json") != NULL);
	default_dir();
	real();
	return t_done();
}
