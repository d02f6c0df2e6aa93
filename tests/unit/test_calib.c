/* test_calib.c: calibration features, the logistic regression, the split, the calibration file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calib.h"
#include "icp.h"
#include "t.h"
#include "util.h"

#define CHECK_NEAR(a, b, eps) do { double a_ = (a), b_ = (b); \
	if (!(fabs(a_ - b_) <= (eps))) { t_case_failed = 1; \
	printf("#   %s:%d: %s == %.6g, expected %.6g\n", __FILE__, __LINE__, #a, a_, b_); } } while (0)

static unsigned long long rng = 0x9e3779b97f4a7c15ULL;

static double
uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

/* The gradient of lq_logreg_fit's objective at (w, b), largest magnitude. */
static double
grad_norm(const double *x, const int *y, size_t n, size_t p, const double *r, double rb,
    const double *w, double b)
{
	double g[8] = { 0 }, gb = rb * b, m = 0;

	for (size_t i = 0; i < n; i++) {
		double z = b;

		for (size_t j = 0; j < p; j++)
			z += w[j] * x[i * p + j];
		double d = lq_sigmoid(z) - y[i];
		for (size_t j = 0; j < p; j++)
			g[j] += d * x[i * p + j];
		gb += d;
	}
	for (size_t j = 0; j < p; j++)
		m = fmax(m, fabs(g[j] + r[j] * w[j]));
	return fmax(m, fabs(gb));
}

static struct lq_icp *
icp_of(const char *text)
{
	char err[256];
	struct lq_icp *icp = lq_icp_parse(text, strlen(text), "icp", err, sizeof err);

	if (icp == NULL)
		printf("#   icp: %s\n", err);
	return icp;
}

int
main(void)
{
	char err[512];

	t_begin("logistic regression: the gradient vanishes at the solution");
	{
		enum { N = 300, P = 3 };
		double x[N * P], w[P], b, r[P] = { 0.5, 0.5, 2 };
		int y[N];

		for (int i = 0; i < N; i++) {
			for (int j = 0; j < P; j++)
				x[i * P + j] = uniform();
			y[i] = uniform() < lq_sigmoid(-1 + 2 * x[i * P] - 3 * x[i * P + 1]);
		}
		CHECK(lq_logreg_fit(x, y, N, P, r, NULL, 0.01, w, &b) > 0);
		CHECK(grad_norm(x, y, N, P, r, 0.01, w, b) < 1e-6);
	}

	t_begin("logistic regression: recovers known weights from many labels");
	{
		enum { N = 20000, P = 2 };
		double *x = lq_xcalloc(N * P, sizeof *x), w[P], b, r[P] = { 1e-3, 1e-3 };
		int *y = lq_xcalloc(N, sizeof *y);

		for (int i = 0; i < N; i++) {
			x[i * P] = uniform();
			x[i * P + 1] = uniform();
			y[i] = uniform() < lq_sigmoid(-2 + 4 * x[i * P] + 1 * x[i * P + 1]);
		}
		CHECK(lq_logreg_fit(x, y, N, P, r, NULL, 1e-3, w, &b) > 0);
		CHECK_NEAR(w[0], 4, 0.3);
		CHECK_NEAR(w[1], 1, 0.3);
		CHECK_NEAR(b, -2, 0.3);
		free(x);
		free(y);
	}

	t_begin("logistic regression: separable labels give finite weights (the ridge)");
	{
		double x[] = { 0, 0.1, 0.2, 0.8, 0.9, 1 }, w[1], b, r[1] = { 0.01 };
		int y[] = { 0, 0, 0, 1, 1, 1 };

		CHECK(lq_logreg_fit(x, y, 6, 1, r, NULL, 0.01, w, &b) > 0);
		CHECK(isfinite(w[0]) && w[0] > 5 && isfinite(b));
		CHECK(lq_sigmoid(b + w[0] * 0.9) > 0.9);
	}

	t_begin("logistic regression: a large ridge pulls the weights to the point m");
	{
		double x[] = { 0, 1, 0, 1 }, w[1], b, r[1] = { 1e6 }, m[1] = { 2.5 };
		int y[] = { 1, 0, 1, 0 };

		CHECK(lq_logreg_fit(x, y, 4, 1, r, m, 0.01, w, &b) > 0);
		CHECK_NEAR(w[0], 2.5, 1e-4);
	}

	t_begin("logistic regression: no rows: the weights stay at m, the intercept 0");
	{
		double w[1], b, r[1] = { 1 }, m[1] = { 0.7 };

		CHECK(lq_logreg_fit(NULL, NULL, 0, 1, r, m, 0.01, w, &b) > 0);
		CHECK_NEAR(w[0], 0.7, 1e-12);
		CHECK_NEAR(b, 0, 1e-12);
	}

	t_begin("sigmoid: safe at the extremes");
	CHECK(lq_sigmoid(-1000) == 0 || lq_sigmoid(-1000) < 1e-300);
	CHECK(lq_sigmoid(1000) == 1);
	CHECK_NEAR(lq_sigmoid(0), 0.5, 0);

	t_begin("features: the ICP's criteria decide them");
	{
		struct lq_icp *all = icp_of("{\"target_titles\":[\"CFO\"],\"target_industries\":[\"Software\"],"
		    "\"company_sizes\":[\"scaleup\"],\"target_keywords\":[\"ERP\"]}");
		struct lq_icp *titles = icp_of("{\"target_titles\":[\"CFO\"]}");
		struct lq_icp *ctx = icp_of("{\"target_industries\":[\"Software\"],\"company_sizes\":[\"scaleup\"]}");
		int f[LQ_CF_N];
		size_t n;

		n = lq_calib_features_for_icp(all, f);
		CHECK_INT(n, 8);
		CHECK_STR(lq_calib_feature_name(f[7]), "title*keywords");
		n = lq_calib_features_for_icp(titles, f);
		CHECK_INT(n, 2);
		CHECK_STR(lq_calib_feature_name(f[1]), "title");
		n = lq_calib_features_for_icp(ctx, f);
		CHECK_INT(n, 3);
		CHECK_STR(lq_calib_feature_name(f[1]), "industry");
		CHECK_STR(lq_calib_feature_name(f[2]), "company_type");
		CHECK_STR(lq_calib_feature_name(99), "?");
		lq_icp_free(all);
		lq_icp_free(titles);
		lq_icp_free(ctx);
	}

	t_begin("feature values from components; missing and bad ones named");
	{
		int f[] = { LQ_CF_UNTUNED, LQ_CF_TITLE, LQ_CF_COMPANY, LQ_CF_TITLE_COMPANY };
		json_t *c = json_loads("{\"title\":{\"value\":0.8},\"company_type\":{\"value\":0.5}}", 0, NULL);
		double x[4];

		CHECK_INT(lq_calib_values(f, 4, 64, c, x, err, sizeof err), 0);
		CHECK_NEAR(x[0], 0.64, 1e-12);
		CHECK_NEAR(x[1], 0.8, 1e-12);
		CHECK_NEAR(x[2], 0.5, 1e-12);
		CHECK_NEAR(x[3], 0.4, 1e-12);
		CHECK_INT(lq_calib_values(f, 4, 101, c, x, err, sizeof err), -1);
		CHECK(strstr(err, "icp_score") != NULL);
		json_object_set_new(json_object_get(c, "company_type"), "value", json_real(1.5));
		CHECK_INT(lq_calib_values(f, 4, 64, c, x, err, sizeof err), -1);
		CHECK(strstr(err, "components.company_type.value is not a number in [0,1]") != NULL);
		json_object_del(c, "company_type");
		CHECK_INT(lq_calib_values(f, 4, 64, c, x, err, sizeof err), -1);
		CHECK(strstr(err, "no \"company_type\" component") != NULL);
		CHECK_INT(lq_calib_values(f, 4, 64, NULL, x, err, sizeof err), -1);
		CHECK(strstr(err, "no components") != NULL);
		json_decref(c);
	}

	t_begin("the split: about 30% held out, stable, folds independent of it");
	{
		int ho = 0, fold[5] = { 0 }, ho_fold0 = 0;
		char id[32];

		for (int i = 0; i < 10000; i++) {
			snprintf(id, sizeof id, "lead-%d", i);
			ho += lq_calib_held_out(id);
			fold[lq_calib_fold(id, 5)]++;
			ho_fold0 += lq_calib_held_out(id) && lq_calib_fold(id, 5) == 0;
		}
		CHECK(ho > 2850 && ho < 3150);
		for (int k = 0; k < 5; k++)
			CHECK(fold[k] > 1850 && fold[k] < 2150);
		CHECK(ho_fold0 > 500 && ho_fold0 < 700);	/* 30% of 20% */
		CHECK_INT(lq_calib_held_out("lead-1"), lq_calib_held_out("lead-1"));
		CHECK_INT(lq_calib_fold("x", 0), 0);
	}

	t_begin("lq_calib_fit: a large ridge keeps the untuned ranking; cross-validation picks from the grid");
	{
		enum { N = 200 };
		struct lq_calib_row *rows = lq_xcalloc(N, sizeof *rows);
		int f[] = { LQ_CF_UNTUNED, LQ_CF_TITLE, LQ_CF_COMPANY };
		struct lq_calib_fit res;
		char id[32];
		int in_grid = 0;

		for (int i = 0; i < N; i++) {
			double t = uniform(), s = uniform();

			rows[i].x[0] = t * (0.5 + 0.5 * s);
			rows[i].x[1] = t;
			rows[i].x[2] = s;
			rows[i].y = uniform() < lq_sigmoid(-3 + 1 * t + 5 * s);
			snprintf(id, sizeof id, "r%d", i);
			rows[i].fold = lq_calib_fold(id, LQ_CALIB_FOLDS);
		}
		CHECK_INT(lq_calib_fit(rows, N, f, 3, 1e6, &res), 0);
		CHECK(res.cv == 0 && res.lambda == 1e6);
		CHECK(fabs(res.w[1]) < 0.01 && fabs(res.w[2]) < 0.01 && res.w[0] > 0);
		CHECK_INT(lq_calib_fit(rows, N, f, 3, -1, &res), 0);
		CHECK(res.cv == 1 && res.pick >= res.best);
		for (int i = 0; i < LQ_CALIB_NLAMBDA; i++)
			in_grid |= res.lambda == lq_calib_lambdas[i];
		CHECK(in_grid);
		CHECK(res.w[2] > res.w[1]);	/* company size counts more, as the labels say */
		CHECK(res.w[2] == round(res.w[2] * 1e6) / 1e6);
		free(rows);
	}

	t_begin("the file: written, read back, the hash ignores layout and key order");
	{
		struct lq_calib c, *back, *again;
		json_t *j, *info = json_pack("{s:f,s:{s:{s:i}}}", "lambda", 3.0, "labels", "held_out", "positives", 4);
		char *text, *pretty;

		memset(&c, 0, sizeof c);
		c.client = "Brightbook";
		memset(c.icp_hash, 'a', 64);
		c.score_version = "structured-1";
		c.nfeat = 2;
		c.feat[0] = LQ_CF_UNTUNED;
		c.feat[1] = LQ_CF_COMPANY;
		c.w[0] = 6.5;
		c.w[1] = -1.25;
		c.intercept = -3;
		c.positives = 25;
		c.negatives = 40;
		j = lq_calib_to_json(&c, info);
		CHECK(json_integer_value(json_object_get(json_object_get(json_object_get(j, "labels"), "held_out"), "positives")) == 4);
		CHECK(json_real_value(json_object_get(j, "lambda")) == 3.0);
		text = json_dumps(j, JSON_COMPACT);
		pretty = json_dumps(j, JSON_INDENT(3) | JSON_SORT_KEYS);
		back = lq_calib_parse(text, strlen(text), "cal.json", err, sizeof err);
		again = lq_calib_parse(pretty, strlen(pretty), "cal.json", err, sizeof err);
		CHECK(back != NULL && again != NULL);
		if (back && again) {
			double s;

			CHECK_STR(back->client, "Brightbook");
			CHECK_INT(back->nfeat, 2);
			CHECK_INT(back->feat[1], LQ_CF_COMPANY);
			CHECK(back->w[1] == -1.25 && back->intercept == -3);
			CHECK_INT(back->positives, 25);
			CHECK_STR(back->hash, again->hash);
			CHECK_INT(strlen(back->id), 12);
			CHECK(lq_calib_enough(back, err, sizeof err));
			json_t *comp = json_loads("{\"company_type\":{\"value\":0.5}}", 0, NULL);
			CHECK_INT(lq_calib_apply(back, 80, comp, &s, err, sizeof err), 0);
			CHECK_NEAR(s, 100 * lq_sigmoid(-3 + 6.5 * 0.8 - 1.25 * 0.5), 1e-9);
			json_decref(comp);
			back->negatives = 19;
			CHECK(!lq_calib_enough(back, err, sizeof err));
			CHECK(strstr(err, "fitted on 25 good and 19 bad labels") != NULL);
		}
		lq_calib_free(back);
		lq_calib_free(again);
		free(text);
		free(pretty);
		json_decref(j);
		json_decref(info);
	}

	t_begin("the file: bad ones refused with a reason");
	{
		static const struct { const char *text, *want; } bad[] = {
			{ "", "not JSON" },
			{ "[]", "expected a JSON object" },
			{ "{\"lq_calibration\":2}", "not an lq calibration of format 1" },
			{ "{\"lq_calibration\":1}", "\"client\" is missing" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"xyz\",\"score_version\":\"s\"}", "64 lower-case hex" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
			  "\"score_version\":\"s\",\"features\":[\"untuned\",\"luck\"],\"weights\":{\"untuned\":1,\"luck\":2}}", "features[1] is not a feature" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
			  "\"score_version\":\"s\",\"features\":[\"title\",\"title\"],\"weights\":{\"title\":1,\"x\":2}}", "named twice" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
			  "\"score_version\":\"s\",\"features\":[\"title\"],\"weights\":{\"title\":\"1\"}}", "weights.title is not a finite number" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
			  "\"score_version\":\"s\",\"features\":[\"title\"],\"weights\":{\"title\":1},\"intercept\":0}", "no labels.fit" },
			{ "{\"lq_calibration\":1,\"client\":\"c\",\"icp_hash\":\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\","
			  "\"score_version\":\"s\",\"features\":[\"title\"],\"weights\":{\"title\":1},\"intercept\":0,"
			  "\"labels\":{\"fit\":{\"positives\":-1,\"negatives\":3}}}", "labels.fit.positives" },
			{ "{\"lq_calibration\":1,\"lq_calibration\":1}", "not JSON" },
		};

		for (size_t i = 0; i < LQ_NELEM(bad); i++) {
			struct lq_calib *c = lq_calib_parse(bad[i].text, strlen(bad[i].text), "cal.json", err, sizeof err);

			CHECK(c == NULL);
			if (strstr(err, bad[i].want) == NULL || strncmp(err, "cal.json: ", 10) != 0) {
				t_case_failed = 1;
				printf("#   %s: message \"%s\" lacks \"%s\"\n", bad[i].text, err, bad[i].want);
			}
			lq_calib_free(c);
		}
	}
	return t_done();
}
