/* bench_encoder.c: encoder tokens/s beside the OpenBLAS sgemm ceiling for the same FLOPs */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <cblas.h>

#include "diag.h"
#include "encoder.h"
#include "tokenizer.h"
#include "util.h"

/* all-MiniLM-L6-v2's shapes, for the FLOP count and the ceiling GEMMs. */
#define H 384
#define F 1536
#define LAYERS 6
#define CEIL_M 1024

/* Linear-layer FLOPs of one token through one layer (multiply-add = 2). */
static double
linear_flops(void)
{
	return 2.0 * H * (4.0 * H + 2.0 * F);
}

/* GFLOP/s of one layer's weight GEMMs at M = CEIL_M rows, run for ~secs. */
static double
sgemm_rate(double secs)
{
	float *a = lq_xcalloc((size_t)CEIL_M * F, sizeof *a);
	float *w = lq_xcalloc((size_t)F * H, sizeof *w);
	float *c = lq_xcalloc((size_t)CEIL_M * F, sizeof *c);
	double t0, t, flops = 0;
	static const int nk[6][2] = {
		{ H, H }, { H, H }, { H, H }, { H, H }, { F, H }, { H, F }
	};

	for (size_t i = 0; i < (size_t)CEIL_M * F; i++)
		a[i] = (float)(i % 7) * 0.01f;
	for (size_t i = 0; i < (size_t)F * H; i++)
		w[i] = (float)(i % 5) * 0.01f;
	t0 = lq_now();
	do {
		for (int g = 0; g < 6; g++) {
			int n = nk[g][0], k = nk[g][1];

			cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans,
			    CEIL_M, n, k, 1.0f, a, k, w, k, 1.0f, c, n);
			flops += 2.0 * CEIL_M * n * k;
		}
	} while ((t = lq_now() - t0) < secs);
	free(a);
	free(w);
	free(c);
	return flops / t / 1e9;
}

static void *
rate_thread(void *arg)
{
	*(double *)arg = sgemm_rate(1.5);
	return NULL;
}

int
main(int argc, char **argv)
{
	struct lq_encoder *e;
	struct rusage ru;
	char err[1024], *line = NULL, **texts = NULL;
	size_t cap = 0, n = 0, ncap = 0, tokens = 0;
	double flops = 0, t0, secs, best = 1e30, r, r1 = 0, r2[2], r2sum = 0;
	double rate;
	ssize_t len;
	float *out;
	FILE *fp;
	int32_t ids[512];
	pthread_t th;

	lq_init(argv[0]);
	if (argc != 2)
		lq_die(2, "usage: bench_encoder texts.txt");
	if ((fp = fopen(argv[1], "r")) == NULL)
		lq_die_errno(1, "%s", argv[1]);
	while ((len = getline(&line, &cap, fp)) > 0) {
		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (n == ncap)
			texts = lq_xreallocarray(texts, ncap = ncap * 2 + 64,
			    sizeof *texts);
		texts[n++] = lq_xstrdup(line);
	}
	free(line);
	fclose(fp);
	if ((e = lq_encoder_load(NULL, err, sizeof err)) == NULL)
		lq_die(1, "%s", err);
	if (lq_encoder_dim(e) != H)
		lq_die(1, "the benchmark expects all-MiniLM-L6-v2 (dim %d)", H);
	for (size_t i = 0; i < n; i++) {
		size_t k = lq_tok_encode(lq_encoder_tokenizer(e), texts[i],
		    strlen(texts[i]), ids, (size_t)lq_encoder_max_tokens(e));

		tokens += k;
		/* Per layer: the linear part per token, and 2 L x L x dh GEMMs
		 * per head: 4 L H per token. */
		flops += LAYERS * (double)k * (linear_flops() + 4.0 * (double)k * H);
	}
	out = lq_xcalloc(n * H, sizeof *out);
	lq_encoder_embed(e, (const char *const *)texts, n < 64 ? n : 64, out);
	/*
	 * Other work on the machine shifts both figures, so the encoder and the
	 * ceiling are measured in turn, twice, and the best of each is kept.
	 * The ceiling is the better of one 2-thread OpenBLAS call and two
	 * single-threaded calls side by side (what the encoder's workers do).
	 */
	rate = 0;
	for (int rep = 0; rep < 2; rep++) {
		openblas_set_num_threads(1);
		t0 = lq_now();
		if (lq_encoder_embed(e, (const char *const *)texts, n, out) < 0)
			lq_die(1, "embedding failed");
		if ((secs = lq_now() - t0) < best)
			best = secs;
		openblas_set_num_threads(2);
		r = sgemm_rate(1.5);
		r1 = r > r1 ? r : r1;
		openblas_set_num_threads(1);
		pthread_create(&th, NULL, rate_thread, &r2[0]);
		rate_thread(&r2[1]);
		pthread_join(th, NULL);
		r2sum = r2[0] + r2[1] > r2sum ? r2[0] + r2[1] : r2sum;
	}
	rate = r1 > r2sum ? r1 : r2sum;
	getrusage(RUSAGE_SELF, &ru);

	printf("texts            %zu (%.1f tokens each on average)\n", n,
	    (double)tokens / (double)n);
	printf("lq encoder       %.0f tokens/s, %.1f texts/s, %.1f GFLOP/s (best of 2 runs: %.2f s)\n",
	    (double)tokens / best, (double)n / best, flops / best / 1e9, best);
	printf("sgemm ceiling    %.0f tokens/s at %.1f GFLOP/s (2 threads in one call %.1f, "
	    "two 1-thread calls %.1f; M=%d)\n", rate * 1e9 / (flops / (double)tokens),
	    rate, r1, r2sum, CEIL_M);
	printf("ratio            %.0f%% of the sgemm ceiling\n",
	    100.0 * (flops / best / 1e9) / rate);
	printf("peak RSS         %.1f MB (model loaded, %zu texts embedded)\n",
	    (double)ru.ru_maxrss / 1024.0, n);
	printf("lq_tokens_per_s  %.0f\n", (double)tokens / best);
	lq_encoder_free(e);
	for (size_t i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(out);
	return 0;
}
