/* calib.c: a client's calibration of score's components: features, logistic regression, the calibration file. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "calib.h"
#include "diag.h"
#include "metrics.h"
#include "ndjson.h"
#include "sha256.h"
#include "util.h"

static const char *const feature_names[LQ_CF_N] = {
	"untuned", "title", "industry", "company_type", "keywords",
	"title*industry", "title*company_type", "title*keywords"
};

/* The component each feature reads (the title for products is implied). */
static const char *const feature_comp[LQ_CF_N] = {
	NULL, "title", "industry", "company_type", "keywords",
	"industry", "company_type", "keywords"
};

const char *
lq_calib_feature_name(int f)
{
	return f >= 0 && f < LQ_CF_N ? feature_names[f] : "?";
}

size_t
lq_calib_features_for_icp(const struct lq_icp *icp, int *f)
{
	int has[LQ_CF_N] = { 0 };
	size_t n = 0;

	has[LQ_CF_UNTUNED] = 1;
	has[LQ_CF_TITLE] = icp->target_titles.n > 0;
	has[LQ_CF_INDUSTRY] = icp->target_industries.n > 0;
	has[LQ_CF_COMPANY] = icp->company_sizes.n > 0;
	has[LQ_CF_KEYWORDS] = icp->target_keywords.n > 0;
	has[LQ_CF_TITLE_INDUSTRY] = has[LQ_CF_TITLE] && has[LQ_CF_INDUSTRY];
	has[LQ_CF_TITLE_COMPANY] = has[LQ_CF_TITLE] && has[LQ_CF_COMPANY];
	has[LQ_CF_TITLE_KEYWORDS] = has[LQ_CF_TITLE] && has[LQ_CF_KEYWORDS];
	for (int i = 0; i < LQ_CF_N; i++)
		if (has[i])
			f[n++] = i;
	return n;
}

/* The value of component name in comp, into *v; -1 with err set when it
 * is missing or not a number in [0,1]. A criterion score found no
 * evidence for (value null: unknown, not counted) is the middle, 0.5. */
static int
comp_value(const json_t *comp, const char *name, double *v, char *err, size_t errlen)
{
	const json_t *c = json_object_get(comp, name), *x = json_object_get(c, "value");

	if (!json_is_object(c)) {
		lq_seterr(err, errlen, "no \"%s\" component (score the leads against the same ICP)", name);
		return -1;
	}
	if (json_is_null(x)) {
		*v = 0.5;
		return 0;
	}
	if (!json_is_number(x) || !(json_number_value(x) >= 0 && json_number_value(x) <= 1)) {
		lq_seterr(err, errlen, "components.%s.value is not a number in [0,1]", name);
		return -1;
	}
	*v = json_number_value(x);
	return 0;
}

int
lq_calib_values(const int *f, size_t n, double untuned, const json_t *comp, double *x,
    char *err, size_t errlen)
{
	double t = 0;
	int have_t = 0;

	if (!(untuned >= 0 && untuned <= 100)) {
		lq_seterr(err, errlen, "icp_score is not a number in [0,100]");
		return -1;
	}
	if (!json_is_object(comp) && n > 1) {
		lq_seterr(err, errlen, "no components");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (f[i] == LQ_CF_UNTUNED) {
			x[i] = untuned / 100;
			continue;
		}
		if (f[i] < 0 || f[i] >= LQ_CF_N) {
			lq_seterr(err, errlen, "unknown feature");
			return -1;
		}
		if (comp_value(comp, feature_comp[f[i]], &x[i], err, errlen) < 0)
			return -1;
		if (f[i] >= LQ_CF_TITLE_INDUSTRY) {
			if (!have_t) {
				if (comp_value(comp, "title", &t, err, errlen) < 0)
					return -1;
				have_t = 1;
			}
			x[i] *= t;
		}
	}
	return 0;
}

/* A number from bits of SHA-256(id): the first 4 bytes (split) or the
 * next 4 (fold), big-endian. */
static unsigned long
id_bits(const char *id, int word)
{
	unsigned char h[32];

	lq_sha256(id, strlen(id), h);
	return (unsigned long)h[4 * word] << 24 | (unsigned long)h[4 * word + 1] << 16 |
	    (unsigned long)h[4 * word + 2] << 8 | h[4 * word + 3];
}

int
lq_calib_held_out(const char *id)
{
	return id_bits(id, 0) % 100 < LQ_CALIB_HELD_OUT_PCT;
}

int
lq_calib_fold(const char *id, int k)
{
	return k > 0 ? (int)(id_bits(id, 1) % (unsigned long)k) : 0;
}

double
lq_sigmoid(double z)
{
	if (z >= 0)
		return 1 / (1 + exp(-z));
	double e = exp(z);

	return e / (1 + e);
}

/* log(1 + e^z), without overflow. */
static double
log1pexp(double z)
{
	return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

#define P_MAX (LQ_CF_N + 1)

/* The objective of lq_logreg_fit at (w, b). */
static double
objective(const double *x, const int *y, size_t n, size_t p, const double *r,
    const double *m, double rb, const double *w, double b)
{
	double f = 0.5 * rb * b * b;

	for (size_t j = 0; j < p; j++) {
		double d = w[j] - (m ? m[j] : 0);

		f += 0.5 * r[j] * d * d;
	}
	for (size_t i = 0; i < n; i++) {
		double z = b;

		for (size_t j = 0; j < p; j++)
			z += w[j] * x[i * p + j];
		f += log1pexp(z) - (y[i] ? z : 0);
	}
	return f;
}

/* Solves A s = g for a symmetric positive definite A (k x k, destroyed)
 * by Cholesky. Returns 0, or -1 if A is not positive definite. */
static int
cholesky_solve(double *A, const double *g, double *s, size_t k)
{
	for (size_t j = 0; j < k; j++) {
		double d = A[j * k + j];

		for (size_t q = 0; q < j; q++)
			d -= A[j * k + q] * A[j * k + q];
		if (!(d > 0))
			return -1;
		A[j * k + j] = sqrt(d);
		for (size_t i = j + 1; i < k; i++) {
			double v = A[i * k + j];

			for (size_t q = 0; q < j; q++)
				v -= A[i * k + q] * A[j * k + q];
			A[i * k + j] = v / A[j * k + j];
		}
	}
	for (size_t i = 0; i < k; i++) {	/* L u = g */
		double v = g[i];

		for (size_t q = 0; q < i; q++)
			v -= A[i * k + q] * s[q];
		s[i] = v / A[i * k + i];
	}
	for (size_t i = k; i-- > 0;) {		/* L^T s = u */
		double v = s[i];

		for (size_t q = i + 1; q < k; q++)
			v -= A[q * k + i] * s[q];
		s[i] = v / A[i * k + i];
	}
	return 0;
}

int
lq_logreg_fit(const double *x, const int *y, size_t n, size_t p, const double *r,
    const double *m, double rb, double *w, double *b)
{
	size_t k = p + 1;
	double H[P_MAX * P_MAX], g[P_MAX], s[P_MAX], wn[P_MAX];

	if (p > LQ_CF_N)
		return -1;
	for (size_t j = 0; j < p; j++)
		w[j] = m ? m[j] : 0;
	*b = 0;
	for (int it = 0; it < 100; it++) {
		double f0, t, step = 0;

		memset(H, 0, sizeof H);
		memset(g, 0, sizeof g);
		for (size_t i = 0; i < n; i++) {
			const double *xi = x + i * p;
			double z = *b, pr, d, v;

			for (size_t j = 0; j < p; j++)
				z += w[j] * xi[j];
			pr = lq_sigmoid(z);
			d = pr - (y[i] ? 1 : 0);
			v = pr * (1 - pr);
			for (size_t a = 0; a < k; a++) {
				double xa = a < p ? xi[a] : 1;

				g[a] += d * xa;
				for (size_t c = 0; c <= a; c++)
					H[a * k + c] += v * xa * (c < p ? xi[c] : 1);
			}
		}
		for (size_t j = 0; j < p; j++) {
			g[j] += r[j] * (w[j] - (m ? m[j] : 0));
			H[j * k + j] += r[j];
		}
		g[p] += rb * *b;
		H[p * k + p] += rb;
		for (size_t a = 0; a < k; a++)
			for (size_t c = a + 1; c < k; c++)
				H[a * k + c] = H[c * k + a];
		if (cholesky_solve(H, g, s, k) < 0)
			return -1;
		/* Backtracking: halve the Newton step until the objective does
		 * not rise (it is convex, so a small enough step always works). */
		f0 = objective(x, y, n, p, r, m, rb, w, *b);
		for (t = 1; t > 1e-10; t /= 2) {
			for (size_t j = 0; j < p; j++)
				wn[j] = w[j] - t * s[j];
			if (objective(x, y, n, p, r, m, rb, wn, *b - t * s[p]) <= f0)
				break;
		}
		for (size_t j = 0; j < p; j++) {
			step = fmax(step, fabs(t * s[j]));
			w[j] -= t * s[j];
		}
		step = fmax(step, fabs(t * s[p]));
		*b -= t * s[p];
		if (step < 1e-10)
			return it + 1;
	}
	return -1;
}

const double lq_calib_lambdas[LQ_CALIB_NLAMBDA] = { 0.03, 0.1, 0.3, 1, 3, 10, 30, 100 };

double
lq_calib_predict(const double *w, double b, const double *x, size_t p)
{
	double z = b;

	for (size_t j = 0; j < p; j++)
		z += w[j] * x[j];
	return lq_sigmoid(z);
}

double
lq_calib_log_loss(double pr, int y)
{
	pr = fmin(fmax(pr, 1e-12), 1 - 1e-12);
	return -(y ? log(pr) : log(1 - pr));
}

/* Fits rows[0..n) with use[i] set (all if use is NULL). */
static int
fit_some(const struct lq_calib_row *rows, size_t n, const int *use, const int *feat, size_t p,
    double lambda, double *w, double *b)
{
	double *x = lq_xcalloc((n ? n : 1) * p, sizeof *x), r[LQ_CF_N];
	int *y = lq_xcalloc(n ? n : 1, sizeof *y), rc;
	size_t m = 0;

	for (size_t i = 0; i < n; i++) {
		if (use && !use[i])
			continue;
		memcpy(x + m * p, rows[i].x, p * sizeof *x);
		y[m++] = rows[i].y;
	}
	for (size_t j = 0; j < p; j++)
		r[j] = feat[j] == LQ_CF_UNTUNED ? LQ_CALIB_EPS : lambda;
	rc = lq_logreg_fit(x, y, m, p, r, NULL, LQ_CALIB_EPS, w, b) < 0 ? -1 : 0;
	free(x);
	free(y);
	return rc;
}

/* The cross-validated log loss of every row under lambda into
 * loss[0..n); returns their mean, or NAN if a fit failed. */
static double
cv_loss(const struct lq_calib_row *rows, size_t n, const int *feat, size_t p, double lambda, double *loss)
{
	int *use = lq_xcalloc(n ? n : 1, sizeof *use);
	double sum = 0;

	for (int k = 0; k < LQ_CALIB_FOLDS; k++) {
		double w[LQ_CF_N], b;
		size_t test = 0;

		for (size_t i = 0; i < n; i++) {
			use[i] = rows[i].fold != k;
			test += !use[i];
		}
		if (test == 0)
			continue;
		if (fit_some(rows, n, use, feat, p, lambda, w, &b) < 0) {
			free(use);
			return NAN;
		}
		for (size_t i = 0; i < n; i++)
			if (!use[i])
				loss[i] = lq_calib_log_loss(lq_calib_predict(w, b, rows[i].x, p), rows[i].y);
	}
	for (size_t i = 0; i < n; i++)
		sum += loss[i];
	free(use);
	return n ? sum / (double)n : NAN;
}

int
lq_calib_fit(const struct lq_calib_row *rows, size_t n, const int *feat, size_t p, double lambda,
    struct lq_calib_fit *out)
{
	memset(out, 0, sizeof *out);
	if (lambda < 0) {
		size_t nl = LQ_CALIB_NLAMBDA, best = 0, pick;
		double *loss = lq_xcalloc(nl * (n ? n : 1), sizeof *loss);
		double *d = lq_xcalloc(n ? n : 1, sizeof *d), dm, dsd;

		for (size_t i = 0; i < nl; i++) {
			out->cv_loss[i] = cv_loss(rows, n, feat, p, lq_calib_lambdas[i], loss + i * n);
			if (!isfinite(out->cv_loss[i])) {
				free(loss);
				free(d);
				return -1;
			}
			if (out->cv_loss[i] < out->cv_loss[best])
				best = i;
		}
		pick = best;
		for (size_t i = 0; i < nl; i++) {
			out->cv_se[i] = 0;
			if (i == best)
				continue;
			for (size_t r = 0; r < n; r++)
				d[r] = loss[i * n + r] - loss[best * n + r];
			lq_mean_sd(d, n, &dm, &dsd);
			out->cv_se[i] = n > 1 ? dsd / sqrt((double)n) : 0;
			if (i > best && dm <= out->cv_se[i])
				pick = i;
		}
		free(loss);
		free(d);
		out->cv = 1;
		out->best = best;
		out->pick = pick;
		lambda = lq_calib_lambdas[pick];
	}
	out->lambda = lambda;
	if (fit_some(rows, n, NULL, feat, p, lambda, out->w, &out->b) < 0)
		return -1;
	/* The weights as the file holds them are the ones used and checked. */
	for (size_t j = 0; j < p; j++)
		out->w[j] = round(out->w[j] * 1e6) / 1e6;
	out->b = round(out->b * 1e6) / 1e6;
	return 0;
}

/* ---- the file ---------------------------------------------------------- */

json_t *
lq_calib_to_json(const struct lq_calib *c, json_t *info)
{
	json_t *o = json_object(), *feat = json_array(), *w = json_object(), *labels;
	const char *key;
	json_t *v;

	for (size_t i = 0; i < c->nfeat; i++) {
		json_array_append_new(feat, json_string(lq_calib_feature_name(c->feat[i])));
		json_object_set_new(w, lq_calib_feature_name(c->feat[i]), json_real(c->w[i]));
	}
	json_object_set_new(o, "lq_calibration", json_integer(LQ_CALIB_FORMAT));
	json_object_set_new(o, "client", json_string(c->client));
	json_object_set_new(o, "icp_hash", json_string(c->icp_hash));
	json_object_set_new(o, "score_version", json_string(c->score_version));
	json_object_set_new(o, "features", feat);
	json_object_set_new(o, "weights", w);
	json_object_set_new(o, "intercept", json_real(c->intercept));
	labels = json_pack("{s:{s:I,s:I}}", "fit", "positives", (json_int_t)c->positives,
	    "negatives", (json_int_t)c->negatives);
	json_object_set_new(o, "labels", labels);
	json_object_foreach(info, key, v) {
		if (strcmp(key, "labels") == 0 && json_is_object(v))
			json_object_update_missing(labels, v);
		else if (json_object_get(o, key) == NULL)
			json_object_set(o, key, v);
	}
	return o;
}

static int
hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

static int
get_str(const json_t *o, const char *key, const char **out, const char *name, char *err, size_t errlen)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_string(v)) {
		lq_seterr(err, errlen, "%s: \"%s\" is %s, expected a string", name, key,
		    v ? lq_json_type_name(v) : "missing");
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

static int
finite_num(const json_t *v)
{
	return json_is_number(v) && isfinite(json_number_value(v));
}

/* A label count: a non-negative integer. */
static int
get_count(const json_t *o, const char *key, long long *out, const char *name, char *err, size_t errlen)
{
	const json_t *v = json_object_get(o, key);

	if (!json_is_integer(v) || json_integer_value(v) < 0) {
		lq_seterr(err, errlen, "%s: labels.fit.%s is %s, expected a count", name, key,
		    v ? lq_json_type_name(v) : "missing");
		return -1;
	}
	*out = json_integer_value(v);
	return 0;
}

struct lq_calib *
lq_calib_parse(const char *text, size_t n, const char *name, char *err, size_t errlen)
{
	json_error_t je;
	json_t *o, *v, *feat, *w, *fit;
	struct lq_calib *c = NULL;
	const char *client, *hash, *sv;
	unsigned char sha[32];
	char *canon;
	size_t i;

	o = json_loadb(text, n, JSON_REJECT_DUPLICATES, &je);
	if (o == NULL) {
		lq_seterr(err, errlen, "%s: line %d: not JSON: %s", name, je.line, je.text);
		return NULL;
	}
	if (!json_is_object(o)) {
		lq_seterr(err, errlen, "%s: expected a JSON object, got %s", name, lq_json_type_name(o));
		goto bad;
	}
	v = json_object_get(o, "lq_calibration");
	if (!json_is_integer(v) || json_integer_value(v) != LQ_CALIB_FORMAT) {
		lq_seterr(err, errlen, "%s: not an lq calibration of format %d (\"lq_calibration\")",
		    name, LQ_CALIB_FORMAT);
		goto bad;
	}
	if (get_str(o, "client", &client, name, err, errlen) < 0 ||
	    get_str(o, "icp_hash", &hash, name, err, errlen) < 0 ||
	    get_str(o, "score_version", &sv, name, err, errlen) < 0)
		goto bad;
	if (!hex64(hash)) {
		lq_seterr(err, errlen, "%s: \"icp_hash\" is not 64 lower-case hex digits", name);
		goto bad;
	}
	if (*sv == '\0' || strlen(sv) > 200) {
		lq_seterr(err, errlen, "%s: \"score_version\" is empty or too long", name);
		goto bad;
	}
	feat = json_object_get(o, "features");
	w = json_object_get(o, "weights");
	if (!json_is_array(feat) || json_array_size(feat) == 0 || json_array_size(feat) > LQ_CF_N) {
		lq_seterr(err, errlen, "%s: \"features\" must be an array of 1 to %d feature names", name, LQ_CF_N);
		goto bad;
	}
	if (!json_is_object(w) || json_object_size(w) != json_array_size(feat)) {
		lq_seterr(err, errlen, "%s: \"weights\" must be an object with one weight per feature", name);
		goto bad;
	}
	c = lq_xcalloc(1, sizeof *c);
	json_array_foreach(feat, i, v) {
		const char *s = json_string_value(v);
		int f;

		for (f = 0; f < LQ_CF_N && !(s && strcmp(s, feature_names[f]) == 0); f++)
			;
		if (f == LQ_CF_N) {
			lq_seterr(err, errlen, "%s: features[%zu] is not a feature lq knows", name, i);
			goto bad;
		}
		for (size_t q = 0; q < i; q++)
			if (c->feat[q] == f) {
				lq_seterr(err, errlen, "%s: feature \"%s\" is named twice", name, s);
				goto bad;
			}
		if (!finite_num(json_object_get(w, s)) || fabs(json_number_value(json_object_get(w, s))) > LQ_CALIB_WEIGHT_MAX) {
			lq_seterr(err, errlen, "%s: weights.%s is not a finite number within +-%g", name, s,
			    LQ_CALIB_WEIGHT_MAX);
			goto bad;
		}
		c->feat[i] = f;
		c->w[i] = json_number_value(json_object_get(w, s));
	}
	c->nfeat = json_array_size(feat);
	v = json_object_get(o, "intercept");
	if (!finite_num(v) || fabs(json_number_value(v)) > LQ_CALIB_WEIGHT_MAX) {
		lq_seterr(err, errlen, "%s: \"intercept\" is not a finite number within +-%g", name,
		    LQ_CALIB_WEIGHT_MAX);
		goto bad;
	}
	c->intercept = json_number_value(v);
	fit = json_object_get(json_object_get(o, "labels"), "fit");
	if (!json_is_object(fit)) {
		lq_seterr(err, errlen, "%s: no labels.fit: how many labels it was fitted on is unknown", name);
		goto bad;
	}
	if (get_count(fit, "positives", &c->positives, name, err, errlen) < 0 ||
	    get_count(fit, "negatives", &c->negatives, name, err, errlen) < 0)
		goto bad;
	c->client = lq_xstrdup(client);
	memcpy(c->icp_hash, hash, 65);
	c->score_version = lq_xstrdup(sv);
	canon = json_dumps(o, JSON_SORT_KEYS | JSON_COMPACT | JSON_ENSURE_ASCII);
	if (canon == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	lq_sha256(canon, strlen(canon), sha);
	free(canon);
	lq_sha256_hex(sha, c->hash);
	memcpy(c->id, c->hash, 12);
	c->id[12] = '\0';
	json_decref(o);
	return c;
bad:
	json_decref(o);
	lq_calib_free(c);
	return NULL;
}

int
lq_calib_enough(const struct lq_calib *c, char *err, size_t errlen)
{
	if (c->positives >= LQ_CALIB_MIN_POSITIVES && c->negatives >= LQ_CALIB_MIN_NEGATIVES)
		return 1;
	lq_seterr(err, errlen, "fitted on %lld good and %lld bad labels; a calibration needs at least "
	    "%d good and %d bad (docs/feedback.md)", c->positives, c->negatives,
	    LQ_CALIB_MIN_POSITIVES, LQ_CALIB_MIN_NEGATIVES);
	return 0;
}

int
lq_calib_apply(const struct lq_calib *c, double untuned, const json_t *comp, double *score,
    char *err, size_t errlen)
{
	double x[LQ_CF_N], z = c->intercept;

	if (lq_calib_values(c->feat, c->nfeat, untuned, comp, x, err, errlen) < 0)
		return -1;
	for (size_t i = 0; i < c->nfeat; i++)
		z += c->w[i] * x[i];
	*score = 100 * lq_sigmoid(z);
	return 0;
}

void
lq_calib_free(struct lq_calib *c)
{
	if (c == NULL)
		return;
	free(c->client);
	free(c->score_version);
	free(c);
}
