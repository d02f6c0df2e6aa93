/* bench_calib.c: held-out ranking of calibrations fitted on fewer and fewer labels, against the untuned score. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calib.h"
#include "diag.h"
#include "feedback.h"
#include "icp.h"
#include "metrics.h"
#include "ndjson.h"
#include "util.h"

/* usage: bench_calib SCORED.ndjson FEEDBACK.ndjson ICP.json RUNS P...
 * The leads of SCORED (score's output against ICP) judged in FEEDBACK
 * are split as feedback fit splits them. For each P, RUNS times: draw P
 * good and round(P x bad/good) bad leads of the fit part (a seeded
 * generator, so every run of the benchmark draws the same), fit them as
 * feedback fit does (lq_calib_fit, the ridge cross-validated), and rank
 * the held-out part by the calibration and by the untuned score (the
 * baseline). Prints per P: the mean change of held-out AUC and NDCG@10,
 * and the share of draws where the calibration ranked worse or better
 * (AUC). The fit's minimum (LQ_CALIB_MIN_*) is not applied here: this is
 * how it was chosen (docs/feedback.md). */

struct lead {
	struct lq_calib_row r;
	double untuned;
};

static unsigned long long rng = 88172645463325252ULL;

static unsigned long long
next(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

static void
shuffle(struct lead *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = (size_t)(next() % i);
		struct lead t = v[i - 1];

		v[i - 1] = v[j];
		v[j] = t;
	}
}

static void
metrics(const struct lead *v, size_t n, const double *w, double b, size_t p, double *auc, double *ndcg)
{
	struct lq_ranked *r = lq_xcalloc(n, sizeof *r);

	for (size_t i = 0; i < n; i++) {
		r[i].score = w ? round(1000 * lq_calib_predict(w, b, v[i].r.x, p)) / 10 : v[i].untuned;
		r[i].rel = v[i].r.y ? 3 : 0;
	}
	lq_rank_sort(r, n);
	*auc = lq_roc_auc(r, n);
	*ndcg = lq_ndcg(r, n, 10);
	free(r);
}

int
main(int argc, char **argv)
{
	struct lq_icp *icp;
	struct lq_fb_log log = { 0 };
	struct lq_fb_current *cur;
	json_t *recs = json_object(), *rec;
	struct lead *pos = NULL, *neg = NULL, *ho = NULL;
	size_t np = 0, nn = 0, nho = 0, ncur, p;
	int feat[LQ_CF_N], runs;
	FILE *fp;
	struct lq_reader *rd;

	lq_init(argv[0]);
	if (argc < 6)
		lq_die(LQ_EXIT_USAGE, "usage: bench_calib SCORED FEEDBACK ICP RUNS P...");
	icp = lq_icp_load(argv[3]);
	runs = atoi(argv[4]);
	p = lq_calib_features_for_icp(icp, feat);
	if ((fp = fopen(argv[1], "r")) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", argv[1]);
	rd = lq_reader_new(fp, argv[1]);
	while ((rec = lq_reader_next(rd)) != NULL) {
		const char *id = json_string_value(json_object_get(rec, "id"));
		json_t *comp = json_object_get(rec, "components");

		if (id && !json_is_true(json_object_get(json_object_get(comp, "exclude"), "knocked_out")))
			json_object_set(recs, id, rec);
		json_decref(rec);
	}
	lq_reader_free(rd);
	fclose(fp);
	if (lq_fb_log_read(&log, argv[2]) < 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s", argv[2]);
	cur = lq_fb_resolve(&log, LQ_FB_PER_CLIENT, icp->client, NULL, &ncur);
	pos = lq_xcalloc(ncur + 1, sizeof *pos);
	neg = lq_xcalloc(ncur + 1, sizeof *neg);
	ho = lq_xcalloc(ncur + 1, sizeof *ho);
	for (size_t i = 0; i < ncur; i++) {
		const char *id = cur[i].ev->id;
		struct lead l;
		char err[256];

		if ((rec = json_object_get(recs, id)) == NULL)
			continue;
		memset(&l, 0, sizeof l);
		l.untuned = json_number_value(json_object_get(rec, "icp_score"));
		if (lq_calib_values(feat, p, l.untuned, json_object_get(rec, "components"), l.r.x, err, sizeof err) < 0)
			lq_die(LQ_EXIT_FATAL, "%s: %s", id, err);
		l.r.y = cur[i].ev->label != LQ_FB_BAD;
		l.r.fold = lq_calib_fold(id, LQ_CALIB_FOLDS);
		if (lq_calib_held_out(id))
			ho[nho++] = l;
		else if (l.r.y)
			pos[np++] = l;
		else
			neg[nn++] = l;
	}
	double ua, un;
	metrics(ho, nho, NULL, 0, p, &ua, &un);
	printf("%s: fit part %zu good, %zu bad; held out %zu; %d draws per size\n", icp->client, np, nn, nho, runs);
	printf("baseline: the untuned score on the held-out part: AUC %.3f, NDCG@10 %.3f\n", ua, un);
	printf("%5s %5s  %9s %9s  %6s %6s  %s\n", "good", "bad", "dAUC", "dNDCG@10", "worse", "better", "lambda (median)");
	size_t last = 0;
	for (int a = 5; a < argc; a++) {
		size_t kp = (size_t)atoi(argv[a]), kn, n;
		double sa = 0, sn = 0, *lam = lq_xcalloc((size_t)runs, sizeof *lam);
		int worse = 0, better = 0;
		struct lq_calib_row *rows;

		if (kp > np)
			kp = np;
		if (kp == last)
			continue;
		last = kp;
		kn = (size_t)lround((double)kp * (double)nn / (double)np);
		if (kn > nn)
			kn = nn;
		n = kp + kn;
		rows = lq_xcalloc(n, sizeof *rows);
		for (int r = 0; r < runs; r++) {
			struct lq_calib_fit f;
			double ca, cn;

			shuffle(pos, np);
			shuffle(neg, nn);
			for (size_t i = 0; i < kp; i++)
				rows[i] = pos[i].r;
			for (size_t i = 0; i < kn; i++)
				rows[kp + i] = neg[i].r;
			if (lq_calib_fit(rows, n, feat, p, -1, &f) < 0)
				lq_die(LQ_EXIT_FATAL, "the fit did not converge");
			metrics(ho, nho, f.w, f.b, p, &ca, &cn);
			sa += ca - ua;
			sn += cn - un;
			worse += ca < ua - 1e-9;
			better += ca > ua + 1e-9;
			lam[r] = f.lambda;
		}
		for (int i = 1; i < runs; i++)	/* insertion sort for the median */
			for (int j = i; j > 0 && lam[j - 1] > lam[j]; j--) {
				double t = lam[j];

				lam[j] = lam[j - 1];
				lam[j - 1] = t;
			}
		printf("%5zu %5zu  %+9.3f %+9.3f  %5.0f%% %5.0f%%  %g\n", kp, kn, sa / runs, sn / runs,
		    100.0 * worse / runs, 100.0 * better / runs, lam[runs / 2]);
		free(rows);
		free(lam);
	}
	free(cur);
	free(pos);
	free(neg);
	free(ho);
	lq_fb_log_free(&log);
	json_decref(recs);
	lq_icp_free(icp);
	return 0;
}
