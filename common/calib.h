/* calib.h: a client's calibration of score's components, fitted from feedback: features, the fit, the file (docs/feedback.md). */
#ifndef LQ_CALIB_H
#define LQ_CALIB_H

#include <stddef.h>

#include <jansson.h>

#include "icp.h"

/* The version of the calibration file format ("lq_calibration"). */
#define LQ_CALIB_FORMAT 1

/* The fewest labels a calibration may be fitted on, counted in the fit
 * part (after the held-out part is set aside, without knocked-out leads):
 * fewer and `feedback fit` refuses, and `score --calibration` refuses a
 * file that says it had fewer. Why these numbers: docs/feedback.md
 * ("How many labels"): below them the fit on the labelled set lost to
 * the untuned score on held-out leads as often as it won. */
#define LQ_CALIB_MIN_POSITIVES 20
#define LQ_CALIB_MIN_NEGATIVES 20

/* The largest weight or intercept a calibration file may hold: a fit
 * never comes near it (the ridges keep weights in the tens), and with
 * features in [0,1] no sum of such weights overflows. */
#define LQ_CALIB_WEIGHT_MAX 1e6

/* Share of leads (by a hash of their id) held out of every fit, percent. */
#define LQ_CALIB_HELD_OUT_PCT 30

/* The features a calibration may weigh. "untuned" is score's own score
 * (icp_score / 100 before calibration); the others are components'
 * values in [0,1] and products of the title's value with a context
 * criterion's. */
enum lq_calib_feature {
	LQ_CF_UNTUNED, LQ_CF_TITLE, LQ_CF_INDUSTRY, LQ_CF_COMPANY, LQ_CF_KEYWORDS,
	LQ_CF_TITLE_INDUSTRY, LQ_CF_TITLE_COMPANY, LQ_CF_TITLE_KEYWORDS,
	LQ_CF_N
};

/* The name of feature f in the calibration file ("title*industry"). */
const char *lq_calib_feature_name(int f);

/* The features an ICP's components allow, in enum order, into f[]
 * (LQ_CF_N entries): untuned always, title when it has target titles, each
 * context criterion it has, and title times each of those. Returns the
 * count. */
size_t lq_calib_features_for_icp(const struct lq_icp *icp, int *f);

/* Fills x[0..n) with the values of features f[0..n) for a lead whose
 * untuned score is untuned (0-100) and whose score components are comp.
 * Returns 0, or -1 with the reason in err when a component it needs is
 * missing or not a number in [0,1]. */
int lq_calib_values(const int *f, size_t n, double untuned, const json_t *comp,
    double *x, char *err, size_t errlen);

/* A leave-split of a lead: 1 if id belongs to the held-out part
 * (LQ_CALIB_HELD_OUT_PCT percent of ids, by SHA-256 of the id), else 0.
 * The same id is in the same part for every client and ICP. */
int lq_calib_held_out(const char *id);

/* The cross-validation fold (0..k-1) of id, from other bits of the same
 * hash, independent of lq_calib_held_out. */
int lq_calib_fold(const char *id, int k);

/* L2-regularised logistic regression: finds b and w[0..p) minimising
 *   sum_i [log(1 + e^z_i) - y_i z_i] + 1/2 sum_j r[j] (w_j - m[j])^2 + 1/2 rb b^2,
 * z_i = b + w . x_i, over n rows x (row-major, n x p) with labels y (0/1).
 * r[j] > 0 and rb > 0 keep the problem strictly convex, so it has one
 * solution even when the classes are separable; m (NULL for zeros) is the
 * point w is pulled towards. Newton's method with a backtracking line
 * search, from w = m, b = 0. Returns the number of iterations (>= 0), or
 * -1 if it did not converge in 100. p is at most LQ_CF_N + 1. */
int lq_logreg_fit(const double *x, const int *y, size_t n, size_t p, const double *r,
    const double *m, double rb, double *w, double *b);

/* The logistic function, safe for any z. */
double lq_sigmoid(double z);

/* One judged lead in a fit. */
struct lq_calib_row {
	double x[LQ_CF_N];	/* its features (lq_calib_values) */
	int y;			/* 1 good, 0 bad */
	int fold;		/* its cross-validation fold (lq_calib_fold) */
};

/* Cross-validation folds, and the ridges tried (weights closest to the
 * untuned score's last). */
#define LQ_CALIB_FOLDS 5
#define LQ_CALIB_NLAMBDA 8
extern const double lq_calib_lambdas[LQ_CALIB_NLAMBDA];

/* The ridge on the untuned score's weight and the intercept: only there
 * to keep the solution finite when the labels are separable (a
 * hundredth of one label's worth). */
#define LQ_CALIB_EPS 0.01

/* What lq_calib_fit found. */
struct lq_calib_fit {
	double lambda;			/* the ridge used */
	double w[LQ_CF_N], b;		/* the weights, rounded to 6 decimals */
	int cv;				/* 1 if lambda was chosen by cross-validation */
	double cv_loss[LQ_CALIB_NLAMBDA];	/* mean held-out log loss per lambda */
	double cv_se[LQ_CALIB_NLAMBDA];	/* standard error of its difference to the best */
	size_t best, pick;		/* indices into lq_calib_lambdas */
};

/* Fits a calibration of features feat[0..p) to rows[0..n): a logistic
 * regression with the ridge lambda on every weight but the untuned
 * score's (LQ_CALIB_EPS on that one and the intercept), so that with few
 * labels the calibration stays an increasing function of the untuned
 * score (the same ranking). lambda < 0 chooses it: LQ_CALIB_FOLDS-fold
 * cross-validation over lq_calib_lambdas, then the largest lambda whose
 * log loss is within one standard error (of the paired per-lead
 * differences) of the best one's. Returns 0, or -1 if a fit did not
 * converge. */
int lq_calib_fit(const struct lq_calib_row *rows, size_t n, const int *feat, size_t p,
    double lambda, struct lq_calib_fit *out);

/* P(good) for features x[0..p) under weights w and intercept b. */
double lq_calib_predict(const double *w, double b, const double *x, size_t p);

/* The log loss of probability pr for label y (pr kept off 0 and 1). */
double lq_calib_log_loss(double pr, int y);

/* A loaded calibration. */
struct lq_calib {
	char *client;
	char icp_hash[65];		/* the ICP the components were scored against */
	char *score_version;		/* score's version of those components */
	size_t nfeat;
	int feat[LQ_CF_N];
	double w[LQ_CF_N];
	double intercept;
	long long positives, negatives;	/* labels of the fit part */
	char hash[65];			/* SHA-256 of the file's canonical JSON */
	char id[13];			/* its first 12 hex digits */
};

/* Writes the calibration core (format, client, icp_hash, score_version,
 * features, weights, intercept, labels.fit) and the keys of info (merged
 * in after them; labels from info are merged with the fit counts) as
 * one JSON object (new reference). */
json_t *lq_calib_to_json(const struct lq_calib *c, json_t *info);

/* Parses a calibration file's text[0..n), named name in messages.
 * Returns a new calibration, or NULL with "name: what is wrong" in err
 * (not JSON, another format version, a missing or mistyped key, an
 * unknown or repeated feature, a weight that is not a finite number).
 * It does not judge the label counts: see lq_calib_enough. */
struct lq_calib *lq_calib_parse(const char *text, size_t n, const char *name,
    char *err, size_t errlen);

/* 1 if c was fitted on at least the minimum of labels, else 0 with a
 * message in err. */
int lq_calib_enough(const struct lq_calib *c, char *err, size_t errlen);

/* The calibrated score (0-100, not rounded) of a lead: 100 x
 * sigmoid(intercept + w . x). Returns 0, or -1 with the reason in err
 * (the lead's components lack a feature). */
int lq_calib_apply(const struct lq_calib *c, double untuned, const json_t *comp,
    double *score, char *err, size_t errlen);

void lq_calib_free(struct lq_calib *c);

#endif
