/* eval.c: measure how well scored leads are ranked against judged labels. */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "labels.h"
#include "metrics.h"
#include "ndjson.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "util.h"

enum { OPT_BOOTSTRAP = 256, OPT_COMPARE, OPT_ICP, OPT_JSON, OPT_LEAVE_ONE_OUT, OPT_LEVEL,
	OPT_REQUIRE_ALL, OPT_RUNS, OPT_SCORE_FIELD, OPT_SEED, OPT_SPLIT, OPT_TOP, OPT_UNSEEN };

static const struct lq_option options[] = {
	{ "bootstrap", OPT_BOOTSTRAP, "N", "percentile intervals from N resamples of each ICP's judged leads (10..100000)" },
	{ "compare", OPT_COMPARE, NULL, "two scored files A B: both side by side and B - A" },
	{ "icp", OPT_ICP, "NAME", "judge every record against ICP NAME's labels (default: the record's \"icp\")" },
	{ "json", OPT_JSON, NULL, "write one JSON object instead of a table" },
	{ "leave-one-out", OPT_LEAVE_ONE_OUT, NULL, "each ICP against the mean of the other ICPs" },
	{ "level", OPT_LEVEL, "X", "with --bootstrap, the confidence level of the intervals (0.5..0.999) [0.95]" },
	{ "require-all", OPT_REQUIRE_ALL, NULL, "exit 1 when a judged lead is missing from an input" },
	{ "runs", OPT_RUNS, NULL, "the files are repeated runs: per-lead score spread and metric spread" },
	{ "score-field", OPT_SCORE_FIELD, "FIELD", "the field that ranks the leads (default icp_score)" },
	{ "seed", OPT_SEED, "N", "with --bootstrap, the seed of the resampling [1]" },
	{ "split", OPT_SPLIT, "NAME", "use only the judgments whose \"split\" is NAME (e.g. tune, held-out)" },
	{ "top", OPT_TOP, "N", "with --runs, list the N least consistent leads (default 10)" },
	{ "unseen", OPT_UNSEEN, "LIST", "comma-separated ICPs the rules were not written for: their mean apart" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[--bootstrap N [--seed N] [--level X]] LABELS [FILE]\n"
	"       eval --compare [--bootstrap N] [options] LABELS A B\n"
	"       eval --runs [--top N] [options] LABELS FILE FILE...",
	"Measure the ranking of scored leads (NDJSON) against judged labels.",
	"Metrics, per ICP and as the mean over ICPs: NDCG@10 and @50 (gain\n"
	"2^rel - 1), precision@10 and @25, recall at the tier A/B cut, ROC AUC and\n"
	"average precision; relevance >= 2 counts as relevant. Tied scores are\n"
	"averaged over every order of the tied leads. Undefined values print as\n"
	"n/a (null in JSON). FILE \"-\" or none reads standard input.\n"
	"--bootstrap: percentile intervals; each resample draws, with replacement,\n"
	"as many leads as each ICP has from its judged leads (SplitMix64 from\n"
	"--seed, so a run is reproducible); with --compare, paired intervals of B - A.\n"
	"--leave-one-out and --unseen report ICPs against each other: use them to\n"
	"check rules on ICPs they were not written for.\n"
	"Exit 1 when no lead of an input has a judgment, or with --require-all\n"
	"when a judged lead is missing. See docs/quality.md.\n",
	options, LQ_COMMON_BASIC,
	"1 no lead has a judgment (or --require-all and one is missing)"
};

static const char *opt_icp, *opt_split, *opt_field = "icp_score";
static int opt_json, opt_require_all, opt_loo;
static long long opt_top = 10, opt_boot;
static unsigned long long opt_seed = 1;
static double opt_level = 0.95;
static char **opt_unseen;		/* --unseen names */
static size_t nunseen;

/* The metrics, in table order. */
enum { M_NDCG10, M_NDCG50, M_P10, M_P25, M_RECALL, M_AUC, M_AP, NMETRIC };
static const char *const mname[NMETRIC] = {
	"ndcg@10", "ndcg@50", "p@10", "p@25", "recall@AB", "auc", "ap"
};

/* One scored input file, seen through the labels. */
struct run {
	const char *name;
	double *score;		/* per label: its lead's score, -INFINITY if none */
	unsigned char *seen;	/* per label: 1 if its lead was in the input */
	unsigned char *cut;	/* per label: 1 if tier A or B */
	unsigned long *unlabelled; /* per ICP of the labels: records without judgment */
	unsigned long records, unreadable, no_icp, unknown_icp, dups, bad_score, excluded;
	int has_tier;
};

/* Results of one ICP (or the overall mean) in one run. */
struct result {
	const char *icp;
	unsigned long labelled, found, missing, unlabelled, unscored, positives;
	double m[NMETRIC];
};

static struct lq_labels L;

static int
in_split(const struct lq_label *lb)
{
	return opt_split == NULL || (lb->split && strcmp(lb->split, opt_split) == 0);
}

/* With --split, part[c] says whether ICP c (L.icps[c]) has a judgment in
 * the split: an ICP judged only in other parts (e.g. the ICPs of a second
 * held-out part, when the tune part is measured) is left out of every
 * report, as if it had no judgments. */
static unsigned char *part;

static int
icp_in_split(size_t c)
{
	return part == NULL || part[c];
}

/* The number of ICPs reported. */
static size_t
nicps_in_split(void)
{
	size_t k = 0;

	for (size_t c = 0; c < L.nicps; c++)
		k += icp_in_split(c) != 0;
	return k;
}

static size_t
icp_index(const char *icp)
{
	for (size_t i = 0; i < L.nicps; i++)
		if (strcmp(L.icps[i], icp) == 0)
			return i;
	return (size_t)-1;
}

static void
load_labels(const char *path)
{
	struct lq_buf b = LQ_BUF_INIT, err = LQ_BUF_INIT;

	lq_read_file(path, 0, "a labels file", &b);
	if (lq_labels_parse(&L, b.data ? b.data : "", b.len, path, &err) != 0)
		lq_die(LQ_EXIT_FATAL, "%s", err.data);
	lq_buf_free(&b);
	lq_buf_free(&err);
	if (opt_split) {
		size_t k = 0;

		for (size_t i = 0; i < L.n; i++)
			k += in_split(&L.v[i]);
		if (k == 0)
			lq_die(LQ_EXIT_FATAL, "%s: no judgment has \"split\":\"%s\"", path, opt_split);
		part = lq_xcalloc(L.nicps ? L.nicps : 1, 1);
		for (size_t i = 0; i < L.n; i++)
			if (in_split(&L.v[i]))
				part[icp_index(L.v[i].icp)] = 1;
	}
	if (opt_icp && !lq_labels_has_icp(&L, opt_icp))
		lq_die(LQ_EXIT_FATAL, "%s: no judgment for ICP '%s' (--icp)", path, opt_icp);
}

/* --runs: every lead's score in every run, labelled or not. */
struct lead {
	char *icp, *id;
	double *score;		/* per run, NAN when absent */
	char *tier;		/* per run, '-' when none */
};
static struct lead *leads;
static size_t nleads, nruns_total;
static json_t *lead_index;

static struct lead *
lead_get(const char *icp, const char *id)
{
	char *k = lq_xasprintf("%s\x1f%s", icp, id);
	json_t *v = json_object_get(lead_index, k);
	struct lead *ld;

	if (v) {
		free(k);
		return &leads[json_integer_value(v)];
	}
	json_object_set_new(lead_index, k, json_integer((json_int_t)nleads));
	free(k);
	leads = lq_xreallocarray(leads, nleads + 1, sizeof *leads);
	ld = &leads[nleads++];
	ld->icp = lq_xstrdup(icp);
	ld->id = lq_xstrdup(id);
	ld->score = lq_xreallocarray(NULL, nruns_total, sizeof *ld->score);
	ld->tier = lq_xcalloc(nruns_total + 1, 1);
	for (size_t i = 0; i < nruns_total; i++) {
		ld->score[i] = NAN;
		ld->tier[i] = '-';
	}
	return ld;
}

/* Reads one scored file into r (runno is its place among --runs). */
static void
read_run(struct run *r, const char *path, size_t runno)
{
	FILE *fp = stdin;
	struct lq_reader *rd;
	json_t *rec;

	memset(r, 0, sizeof *r);
	r->name = strcmp(path, "-") == 0 ? "<stdin>" : path;
	r->score = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof *r->score);
	r->seen = lq_xcalloc(L.n ? L.n : 1, 1);
	r->cut = lq_xcalloc(L.n ? L.n : 1, 1);
	r->unlabelled = lq_xcalloc(L.nicps, sizeof *r->unlabelled);
	for (size_t i = 0; i < L.n; i++)
		r->score[i] = -INFINITY;
	if (strcmp(path, "-") != 0 && (fp = fopen(path, "rb")) == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	rd = lq_reader_new(fp, r->name);
	while ((rec = lq_reader_next(rd)) != NULL) {
		unsigned long line = lq_reader_line(rd);
		const char *icp, *id = lq_rec_str(rec, "id");
		const char *tier = lq_rec_str(rec, "tier");
		json_t *js, *err = json_object_get(rec, "error");
		double score = -INFINITY;
		long li;

		r->records++;
		if (lq_rec_failed(rec) && (json_object_get(rec, "raw") || json_object_get(rec, "raw_base64")) &&
		    json_is_string(json_object_get(err, "stage")) &&
		    strcmp(json_string_value(json_object_get(err, "stage")), lq_progname) == 0) {
			lq_warn("%s:%lu: not a JSON object; skipped", r->name, line);
			r->unreadable++;
			json_decref(rec);
			continue;
		}
		icp = opt_icp ? opt_icp : lq_rec_str(rec, "icp");
		if (icp == NULL && L.nicps == 1)
			icp = L.icps[0];
		if (icp == NULL) {
			if (r->no_icp++ == 0)
				lq_warn("%s:%lu: %s: no \"icp\" field and the labels judge several ICPs; "
				    "give --icp NAME", r->name, line, lq_rec_name(rec));
			json_decref(rec);
			continue;
		}
		js = json_object_get(rec, opt_field);
		if (json_is_number(js))
			score = json_number_value(js);
		else if (js != NULL && !json_is_null(js)) {
			if (r->bad_score++ < 10)
				lq_warn("%s:%lu: %s: \"%s\" is not a number; ranked last", r->name, line,
				    lq_rec_name(rec), opt_field);
		}
		if (tier)
			r->has_tier = 1;
		if (nruns_total && id && *id) {
			struct lead *ld = lead_get(icp, id);

			if (isnan(ld->score[runno])) {
				ld->score[runno] = isinf(score) ? NAN : score;
				ld->tier[runno] = tier && *tier ? tier[0] : '-';
			}
		}
		if (!lq_labels_has_icp(&L, icp)) {
			if (r->unknown_icp++ == 0)
				lq_warn("%s:%lu: %s: no judgment for ICP '%s' in the labels", r->name, line,
				    lq_rec_name(rec), icp);
			json_decref(rec);
			continue;
		}
		li = lq_labels_find(&L, icp, id, lq_rec_str(rec, "public_identifier"));
		if (li < 0) {
			r->unlabelled[icp_index(icp)]++;
		} else if (!in_split(&L.v[li])) {
			r->excluded++;
		} else if (r->seen[li]) {
			r->dups++;
			lq_warn("%s:%lu: %s: lead seen before for ICP '%s'; the first one counts",
			    r->name, line, lq_rec_name(rec), icp);
		} else {
			r->seen[li] = 1;
			r->score[li] = score;
			r->cut[li] = tier && (strcmp(tier, "A") == 0 || strcmp(tier, "B") == 0);
		}
		json_decref(rec);
	}
	lq_reader_free(rd);
	if (fp != stdin)
		fclose(fp);
	if (r->bad_score > 10)
		lq_warn("%s: %lu records in all had a \"%s\" that is not a number", r->name,
		    r->bad_score, opt_field);
}

static void
mean_result(struct result *all, const struct result *res, size_t n)
{
	memset(all, 0, sizeof *all);
	all->icp = "overall";
	for (size_t i = 0; i < n; i++) {
		all->labelled += res[i].labelled;
		all->found += res[i].found;
		all->missing += res[i].missing;
		all->unlabelled += res[i].unlabelled;
		all->unscored += res[i].unscored;
		all->positives += res[i].positives;
	}
	for (int m = 0; m < NMETRIC; m++) {
		double s = 0;
		size_t k = 0;

		for (size_t i = 0; i < n; i++)
			if (res[i].found && !isnan(res[i].m[m])) {
				s += res[i].m[m];
				k++;
			}
		all->m[m] = k ? s / (double)k : NAN;
	}
}

/* The metrics of run r over the judged leads idx[0..n) (label indices,
 * a lead may appear several times: a bootstrap resample); leads the run
 * did not see are left out. buf has room for n. */
static void
metrics_of(const struct run *r, const size_t *idx, size_t n, double m[NMETRIC], struct lq_ranked *buf)
{
	size_t k = 0;

	for (size_t j = 0; j < n; j++) {
		size_t i = idx[j];

		if (!r->seen[i])
			continue;
		buf[k].score = r->score[i];
		buf[k].rel = L.v[i].rel;
		buf[k].cut = r->cut[i];
		k++;
	}
	lq_rank_sort(buf, k);
	m[M_NDCG10] = lq_ndcg(buf, k, 10);
	m[M_NDCG50] = lq_ndcg(buf, k, 50);
	m[M_P10] = lq_precision(buf, k, 10);
	m[M_P25] = lq_precision(buf, k, 25);
	m[M_RECALL] = r->has_tier ? lq_recall_cut(buf, k) : NAN;
	m[M_AUC] = lq_roc_auc(buf, k);
	m[M_AP] = lq_avg_precision(buf, k);
}

/* Computes res[0..L.nicps) and the overall mean res[L.nicps] for r. */
static void
evaluate(const struct run *r, struct result *res)
{
	struct lq_ranked *v = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof *v);
	size_t *idx = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof *idx);

	for (size_t c = 0; c < L.nicps; c++) {
		struct result *x = &res[c];
		size_t n = 0;

		memset(x, 0, sizeof *x);
		x->icp = L.icps[c];
		x->unlabelled = r->unlabelled[c];
		for (size_t i = 0; i < L.n; i++) {
			if (strcmp(L.v[i].icp, x->icp) != 0 || !in_split(&L.v[i]))
				continue;
			x->labelled++;
			if (!r->seen[i]) {
				x->missing++;
				continue;
			}
			x->unscored += isinf(r->score[i]) && r->score[i] < 0;
			x->positives += L.v[i].rel >= LQ_REL_POSITIVE;
			idx[n++] = i;
		}
		x->found = n;
		metrics_of(r, idx, n, x->m, v);
	}
	free(v);
	free(idx);
	mean_result(&res[L.nicps], res, L.nicps);
}

/* ---- comparing ICPs: --leave-one-out and --unseen -------------------- */

static int
is_unseen(const char *icp)
{
	for (size_t i = 0; i < nunseen; i++)
		if (strcmp(opt_unseen[i], icp) == 0)
			return 1;
	return 0;
}

/* Mean of metric m over the ICPs whose value per[c * NMETRIC + m] is
 * defined, leaving out ICP skip ((size_t)-1 for none) and, when group is
 * 0 or 1, the ICPs whose is_unseen() differs from it; per holds one run's
 * (or one resample's) per-ICP metrics. NAN when no ICP is left. */
static double
mean_over(const double *per, int m, size_t skip, int group)
{
	double s = 0;
	size_t k = 0;

	for (size_t c = 0; c < L.nicps; c++) {
		double x = per[c * NMETRIC + (size_t)m];

		if (c == skip || isnan(x))
			continue;
		if (group >= 0 && is_unseen(L.icps[c]) != group)
			continue;
		s += x;
		k++;
	}
	return k ? s / (double)k : NAN;
}

/* The statistics derive() computes from per-ICP metrics, NSTAT(nicps)
 * values laid out as: per ICP and metric the leave-one-out difference
 * (this - mean of the others) at c * NMETRIC + m; per ICP and metric the
 * others' mean at st_others(c, m); per metric the seen mean, the unseen
 * mean and unseen - seen at st_seen(m), st_unseen(m) and st_gap(m). */
#define NSTAT(n) ((n) * NMETRIC * 2 + 3 * NMETRIC)

static size_t st_others(size_t c, int m) { return (L.nicps + c) * NMETRIC + (size_t)m; }
static size_t st_seen(int m) { return 2 * L.nicps * NMETRIC + (size_t)m; }
static size_t st_unseen(int m) { return 2 * L.nicps * NMETRIC + NMETRIC + (size_t)m; }
static size_t st_gap(int m) { return 2 * L.nicps * NMETRIC + 2 * NMETRIC + (size_t)m; }

/* Fills out[0..NSTAT(L.nicps)) from per[0..L.nicps * NMETRIC) (NAN where
 * undefined; every statistic that needs an undefined value is NAN). */
static void
derive(const double *per, double *out)
{
	for (size_t c = 0; c < L.nicps; c++)
		for (int m = 0; m < NMETRIC; m++) {
			double o = mean_over(per, m, c, -1);

			out[st_others(c, m)] = o;
			out[c * NMETRIC + (size_t)m] = per[c * NMETRIC + (size_t)m] - o;
		}
	for (int m = 0; m < NMETRIC; m++) {
		out[st_seen(m)] = mean_over(per, m, (size_t)-1, 0);
		out[st_unseen(m)] = mean_over(per, m, (size_t)-1, 1);
		out[st_gap(m)] = out[st_unseen(m)] - out[st_seen(m)];
	}
}

/* Per-ICP metrics of res[0..L.nicps) as a flat array (ICPs without found
 * leads count as undefined, as in the overall mean). */
static void
flatten(const struct result *res, double *per)
{
	for (size_t c = 0; c < L.nicps; c++)
		for (int m = 0; m < NMETRIC; m++)
			per[c * NMETRIC + (size_t)m] = res[c].found ? res[c].m[m] : NAN;
}

/* ---- --bootstrap ------------------------------------------------------ */

/* SplitMix64 (Steele, Lea and Flood 2014): small, fast, and easy to
 * reproduce elsewhere (tests/eval_ref.py does) from the seed alone. */
static uint64_t rng_state;

static uint64_t
rng_next(void)
{
	uint64_t z = (rng_state += UINT64_C(0x9e3779b97f4a7c15));

	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

/* A uniform index in [0, n): the top 53 bits as a double in [0, 1), times n. */
static size_t
rng_below(size_t n)
{
	return (size_t)((double)(rng_next() >> 11) * 0x1.0p-53 * (double)n);
}

/* A percentile interval of one statistic: its bounds over the resamples
 * where it is defined, and how many resamples left it undefined. */
struct interval {
	double lo, hi;
	unsigned long undefined;
};

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Quantile p of sorted x[0..n) by linear interpolation between order
 * statistics (Hyndman and Fan's type 7, the default of R and NumPy). */
static double
quantile(const double *x, size_t n, double p)
{
	double h = (double)(n - 1) * p;
	size_t i = (size_t)floor(h);

	if (i + 1 >= n)
		return x[n - 1];
	return x[i] + (h - (double)i) * (x[i + 1] - x[i]);
}

/* The interval of vals[0..n) (NAN = undefined in that resample); vals is
 * reordered. Both bounds are NAN when no resample defines it. */
static struct interval
interval_of(double *vals, size_t n)
{
	struct interval iv = { NAN, NAN, 0 };
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (isnan(vals[i]))
			iv.undefined++;
		else
			vals[k++] = vals[i];
	}
	if (k == 0)
		return iv;
	qsort(vals, k, sizeof *vals, cmp_double);
	iv.lo = quantile(vals, k, (1 - opt_level) / 2);
	iv.hi = quantile(vals, k, 1 - (1 - opt_level) / 2);
	return iv;
}

/* Intervals from the resamples, for one run or (with two runs) for B - A:
 * per ICP and metric, for the overall mean, and for every derived
 * statistic (derive()). */
struct boot {
	struct interval *icp;	/* [(L.nicps + 1) * NMETRIC]: ICPs, then overall */
	struct interval *stat;	/* [NSTAT(L.nicps)] */
};

/* Resamples the judged leads of every ICP opt_boot times (the leads in
 * the split that at least one of runs[0..nr) saw, each ICP on its own:
 * a stratified bootstrap) and fills out[0..nr) with each run's intervals
 * and, when nr == 2, out[2] with those of B - A (paired: both runs are
 * measured on the same resample). */
static void
bootstrap(const struct run *runs, size_t nr, struct boot *out)
{
	size_t nicps = L.nicps, nst = NSTAT(nicps), nb = (size_t)opt_boot, nout = nr == 2 ? 3 : nr;
	size_t per_n = (nicps + 1) * NMETRIC;
	size_t **pool = lq_xcalloc(nicps ? nicps : 1, sizeof *pool);
	size_t *npool = lq_xcalloc(nicps ? nicps : 1, sizeof *npool);
	size_t *draw = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof *draw);
	struct lq_ranked *buf = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof *buf);
	/* rep[o][b * (per_n + nst) + ...]: resample b's per-ICP metrics, overall, derived */
	size_t stride = per_n + nst;
	double **rep = lq_xcalloc(nout, sizeof *rep);
	double *tmp = lq_xreallocarray(NULL, nb, sizeof *tmp);

	for (size_t c = 0; c < nicps; c++) {
		pool[c] = lq_xreallocarray(NULL, L.n ? L.n : 1, sizeof **pool);
		for (size_t i = 0; i < L.n; i++) {
			int seen = 0;

			if (strcmp(L.v[i].icp, L.icps[c]) != 0 || !in_split(&L.v[i]))
				continue;
			for (size_t k = 0; k < nr; k++)
				seen |= runs[k].seen[i];
			if (seen)
				pool[c][npool[c]++] = i;
		}
	}
	for (size_t o = 0; o < nout; o++)
		rep[o] = lq_xreallocarray(NULL, nb * stride, sizeof **rep);
	rng_state = (uint64_t)opt_seed;
	for (size_t b = 0; b < nb; b++) {
		for (size_t c = 0; c < nicps; c++) {
			for (size_t j = 0; j < npool[c]; j++)
				draw[j] = pool[c][rng_below(npool[c])];
			for (size_t k = 0; k < nr; k++) {
				double *m = &rep[k][b * stride + c * NMETRIC];

				if (npool[c] == 0) {
					for (int q = 0; q < NMETRIC; q++)
						m[q] = NAN;
					continue;
				}
				metrics_of(&runs[k], draw, npool[c], m, buf);
			}
		}
		for (size_t k = 0; k < nout; k++) {
			double *x = &rep[k][b * stride];

			if (k == 2)	/* B - A */
				for (size_t c = 0; c < nicps * NMETRIC; c++)
					x[c] = rep[1][b * stride + c] - rep[0][b * stride + c];
			for (int q = 0; q < NMETRIC; q++) {
				double s = 0;
				size_t n = 0;

				if (k == 2) {
					x[nicps * NMETRIC + (size_t)q] = rep[1][b * stride + nicps * NMETRIC + (size_t)q] -
					    rep[0][b * stride + nicps * NMETRIC + (size_t)q];
					continue;
				}
				for (size_t c = 0; c < nicps; c++)
					if (!isnan(x[c * NMETRIC + (size_t)q])) {
						s += x[c * NMETRIC + (size_t)q];
						n++;
					}
				x[nicps * NMETRIC + (size_t)q] = n ? s / (double)n : NAN;
			}
			derive(x, x + per_n);
		}
	}
	for (size_t o = 0; o < nout; o++) {
		out[o].icp = lq_xreallocarray(NULL, per_n, sizeof *out[o].icp);
		out[o].stat = lq_xreallocarray(NULL, nst, sizeof *out[o].stat);
		for (size_t j = 0; j < stride; j++) {
			for (size_t b = 0; b < nb; b++)
				tmp[b] = rep[o][b * stride + j];
			if (j < per_n)
				out[o].icp[j] = interval_of(tmp, nb);
			else
				out[o].stat[j - per_n] = interval_of(tmp, nb);
		}
		free(rep[o]);
	}
	for (size_t c = 0; c < nicps; c++)
		free(pool[c]);
	free(pool);
	free(npool);
	free(draw);
	free(buf);
	free(rep);
	free(tmp);
}

static void
boot_free(struct boot *b)
{
	free(b->icp);
	free(b->stat);
}

/* ---- output ---------------------------------------------------------- */

static json_t *
jnum(double x)
{
	return isnan(x) ? json_null() : json_real(round(x * 1e6) / 1e6);
}

/* {"metric": [lo, hi] or null, ...} of iv[0..NMETRIC). */
static json_t *
ci_json(const struct interval *iv)
{
	json_t *o = json_object();

	for (int m = 0; m < NMETRIC; m++)
		json_object_set_new(o, mname[m], isnan(iv[m].lo) ? json_null() :
		    json_pack("[oo]", jnum(iv[m].lo), jnum(iv[m].hi)));
	return o;
}

/* {"metric": resamples that left it undefined, ...}. */
static json_t *
undefined_json(const struct interval *iv)
{
	json_t *o = json_object();

	for (int m = 0; m < NMETRIC; m++)
		json_object_set_new(o, mname[m], json_integer((json_int_t)iv[m].undefined));
	return o;
}

/* {"metric": value, ...} of the statistic at st(m) in v. */
static json_t *
stat_json(const double *v, size_t (*st)(int))
{
	json_t *o = json_object();

	for (int m = 0; m < NMETRIC; m++)
		json_object_set_new(o, mname[m], jnum(v[st(m)]));
	return o;
}

static json_t *
result_json(const struct result *x)
{
	json_t *o = json_object();

	json_object_set_new(o, "icp", json_string(x->icp));
	json_object_set_new(o, "labelled", json_integer((json_int_t)x->labelled));
	json_object_set_new(o, "found", json_integer((json_int_t)x->found));
	json_object_set_new(o, "missing", json_integer((json_int_t)x->missing));
	json_object_set_new(o, "unlabelled", json_integer((json_int_t)x->unlabelled));
	json_object_set_new(o, "unscored", json_integer((json_int_t)x->unscored));
	json_object_set_new(o, "positives", json_integer((json_int_t)x->positives));
	for (int m = 0; m < NMETRIC; m++)
		json_object_set_new(o, mname[m], jnum(x->m[m]));
	return o;
}

static json_t *
run_json(const struct run *r, const struct result *res, const struct boot *bt)
{
	json_t *o = json_object(), *a = json_array(), *all;

	json_object_set_new(o, "input", json_string(r->name));
	json_object_set_new(o, "score_field", json_string(opt_field));
	json_object_set_new(o, "split", opt_split ? json_string(opt_split) : json_null());
	json_object_set_new(o, "records", json_integer((json_int_t)r->records));
	json_object_set_new(o, "unreadable", json_integer((json_int_t)r->unreadable));
	json_object_set_new(o, "no_icp", json_integer((json_int_t)r->no_icp));
	json_object_set_new(o, "unknown_icp", json_integer((json_int_t)r->unknown_icp));
	json_object_set_new(o, "duplicates", json_integer((json_int_t)r->dups));
	for (size_t c = 0; c < L.nicps; c++) {
		json_t *x, *miss;

		if (!icp_in_split(c))
			continue;
		x = result_json(&res[c]);
		miss = json_array();
		for (size_t i = 0; i < L.n; i++)
			if (!r->seen[i] && in_split(&L.v[i]) && strcmp(L.v[i].icp, res[c].icp) == 0)
				json_array_append_new(miss, json_string(L.v[i].id));
		json_object_set_new(x, "missing_ids", miss);
		if (bt) {
			json_object_set_new(x, "ci", ci_json(&bt->icp[c * NMETRIC]));
			json_object_set_new(x, "ci_undefined", undefined_json(&bt->icp[c * NMETRIC]));
		}
		json_array_append_new(a, x);
	}
	json_object_set_new(o, "icps", a);
	all = result_json(&res[L.nicps]);
	if (bt) {
		json_object_set_new(all, "ci", ci_json(&bt->icp[L.nicps * NMETRIC]));
		json_object_set_new(all, "ci_undefined", undefined_json(&bt->icp[L.nicps * NMETRIC]));
	}
	json_object_set_new(o, "overall", all);
	return o;
}

static json_t *
bootstrap_json(void)
{
	return json_pack("{sIsIsoss}", "resamples", (json_int_t)opt_boot, "seed", (json_int_t)opt_seed,
	    "level", json_real(opt_level), "method", "percentile, resampling each ICP's judged leads");
}

/* The --leave-one-out and --unseen parts of the JSON output, added to o. */
static void
compare_icps_json(json_t *o, const struct result *res, const struct boot *bt)
{
	double *per = lq_xreallocarray(NULL, L.nicps * NMETRIC + 1, sizeof *per);
	double *st = lq_xreallocarray(NULL, NSTAT(L.nicps), sizeof *st);

	flatten(res, per);
	derive(per, st);
	if (opt_loo) {
		json_t *a = json_array();

		for (size_t c = 0; c < L.nicps; c++) {
			json_t *x, *th, *ot, *df;

			if (!icp_in_split(c))
				continue;
			x = json_object();
			th = json_object();
			ot = json_object();
			df = json_object();
			for (int m = 0; m < NMETRIC; m++) {
				json_object_set_new(th, mname[m], jnum(per[c * NMETRIC + (size_t)m]));
				json_object_set_new(ot, mname[m], jnum(st[st_others(c, m)]));
				json_object_set_new(df, mname[m], jnum(st[c * NMETRIC + (size_t)m]));
			}
			json_object_set_new(x, "icp", json_string(L.icps[c]));
			json_object_set_new(x, "this", th);
			json_object_set_new(x, "others", ot);
			json_object_set_new(x, "diff", df);
			if (bt)
				json_object_set_new(x, "ci", ci_json(&bt->stat[c * NMETRIC]));
			json_array_append_new(a, x);
		}
		json_object_set_new(o, "leave_one_out", a);
	}
	if (nunseen) {
		json_t *x = json_object(), *u = json_array(), *sn = json_array();

		for (size_t c = 0; c < L.nicps; c++)
			if (icp_in_split(c))
				json_array_append_new(is_unseen(L.icps[c]) ? u : sn, json_string(L.icps[c]));
		json_object_set_new(x, "unseen_icps", u);
		json_object_set_new(x, "seen_icps", sn);
		json_object_set_new(x, "seen", stat_json(st, st_seen));
		json_object_set_new(x, "unseen", stat_json(st, st_unseen));
		json_object_set_new(x, "diff", stat_json(st, st_gap));
		if (bt)
			json_object_set_new(x, "ci", json_pack("{sososo}",
			    "seen", ci_json(&bt->stat[st_seen(0)]),
			    "unseen", ci_json(&bt->stat[st_unseen(0)]),
			    "diff", ci_json(&bt->stat[st_gap(0)])));
		json_object_set_new(o, "unseen", x);
	}
	free(per);
	free(st);
}

static void
print_json(json_t *o)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_json_dump(&b, o);
	lq_buf_addc(&b, '\n');
	fwrite(b.data, 1, b.len, stdout);
	lq_buf_free(&b);
	json_decref(o);
}

static int
name_width(void)
{
	int w = 8;

	for (size_t c = 0; c < L.nicps; c++)
		if ((int)strlen(L.icps[c]) > w)
			w = (int)strlen(L.icps[c]);
	return w > 40 ? 40 : w;
}

static void
fmt_metric(char *buf, size_t n, double x)
{
	if (isnan(x))
		snprintf(buf, n, "n/a");
	else
		snprintf(buf, n, "%.3f", x);
}

static void
print_table(const struct run *r, const struct result *res)
{
	int w = name_width();
	char s[32];

	printf("%s  (score: %s%s%s)\n", r->name, opt_field, opt_split ? ", split: " : "",
	    opt_split ? opt_split : "");
	printf("%-*s %6s %5s %5s %5s", w, "ICP", "leads", "pos", "miss", "unlab");
	for (int m = 0; m < NMETRIC; m++)
		printf(" %9s", mname[m]);
	printf("\n");
	for (size_t c = 0; c <= L.nicps; c++) {
		const struct result *x = &res[c];

		if (c < L.nicps && !icp_in_split(c))
			continue;
		printf("%-*.*s %6lu %5lu %5lu %5lu", w, w, c == L.nicps ? "overall" : x->icp,
		    x->found, x->positives, x->missing, x->unlabelled);
		for (int m = 0; m < NMETRIC; m++) {
			fmt_metric(s, sizeof s, x->m[m]);
			printf(" %9s", s);
		}
		printf("\n");
	}
	if (nicps_in_split() > 1)
		printf("overall: sums of the counts, mean of each metric over the ICPs where it is defined\n");
}

/* "lo..hi" of iv, or "n/a". */
static void
fmt_interval(char *buf, size_t n, const struct interval *iv, int sign)
{
	if (isnan(iv->lo))
		snprintf(buf, n, "n/a");
	else
		snprintf(buf, n, sign ? "%+.3f..%+.3f" : "%.3f..%.3f", iv->lo, iv->hi);
}

static void
print_boot_header(const char *what)
{
	printf("\n%g%% intervals of %s: percentile bootstrap, %lld resamples of each ICP's judged leads, seed %llu\n",
	    opt_level * 100, what, opt_boot, opt_seed);
}

static void
print_intervals(const struct boot *bt)
{
	int w = name_width();
	char s[48];

	print_boot_header("the metrics");
	printf("%-*s", w, "ICP");
	for (int m = 0; m < NMETRIC; m++)
		printf(" %14s", mname[m]);
	printf("\n");
	for (size_t c = 0; c <= L.nicps; c++) {
		if (c < L.nicps && !icp_in_split(c))
			continue;
		printf("%-*.*s", w, w, c == L.nicps ? "overall" : L.icps[c]);
		for (int m = 0; m < NMETRIC; m++) {
			fmt_interval(s, sizeof s, &bt->icp[c * NMETRIC + (size_t)m], 0);
			printf(" %14s", s);
		}
		printf("\n");
	}
}

static void
note_undefined(const struct boot *bt)
{
	for (size_t c = 0; c <= L.nicps; c++)
		for (int m = 0; m < NMETRIC; m++) {
			const struct interval *iv = &bt->icp[c * NMETRIC + (size_t)m];

			if (iv->undefined && !isnan(iv->lo) && c < L.nicps && icp_in_split(c))
				lq_note("ICP '%s': %s is undefined in %lu of %lld resamples; its interval uses the others",
				    L.icps[c], mname[m], iv->undefined, opt_boot);
		}
}

/* The metrics shown in the ICP-against-ICP tables. */
static const int shown_metrics[3] = { M_NDCG10, M_P10, M_AUC };

static void
print_loo(const struct result *res, const struct boot *bt)
{
	int w = name_width();
	double *per = lq_xreallocarray(NULL, L.nicps * NMETRIC + 1, sizeof *per);
	double *st = lq_xreallocarray(NULL, NSTAT(L.nicps), sizeof *st);
	char a[32], b[32], d[32], ci[48];

	flatten(res, per);
	derive(per, st);
	printf("\nleave one ICP out: each ICP against the mean of the other ICPs%s\n",
	    bt ? " (interval of the difference)" : "");
	printf("%-*s %-10s %9s %9s %9s", w, "ICP", "metric", "this", "others", "diff");
	if (bt)
		printf(" %16s", "interval");
	printf("\n");
	for (size_t c = 0; c < L.nicps; c++)
		for (int k = 0; k < 3 && icp_in_split(c); k++) {
			int m = shown_metrics[k];
			double df = st[c * NMETRIC + (size_t)m];

			fmt_metric(a, sizeof a, per[c * NMETRIC + (size_t)m]);
			fmt_metric(b, sizeof b, st[st_others(c, m)]);
			if (isnan(df))
				snprintf(d, sizeof d, "n/a");
			else
				snprintf(d, sizeof d, "%+.3f", fabs(df) < 5e-4 ? 0.0 : df);
			printf("%-*.*s %-10s %9s %9s %9s", w, w, L.icps[c], mname[m], a, b, d);
			if (bt) {
				fmt_interval(ci, sizeof ci, &bt->stat[c * NMETRIC + (size_t)m], 1);
				printf(" %16s", ci);
			}
			printf("\n");
		}
	free(per);
	free(st);
}

static void
print_unseen(const struct result *res, const struct boot *bt)
{
	int w = name_width();
	double *per = lq_xreallocarray(NULL, L.nicps * NMETRIC + 1, sizeof *per);
	double *st = lq_xreallocarray(NULL, NSTAT(L.nicps), sizeof *st);
	size_t nu = 0;
	char s[48];
	size_t (*const row[3])(int) = { st_seen, st_unseen, st_gap };
	const char *rname[3] = { "seen", "unseen", "unseen-seen" };

	if (w < 11)
		w = 11;
	flatten(res, per);
	derive(per, st);
	printf("\nICPs the rules were not written for (--unseen):");
	for (size_t c = 0; c < L.nicps; c++)
		if (icp_in_split(c) && is_unseen(L.icps[c])) {
			printf("%s %s", nu ? "," : "", L.icps[c]);
			nu++;
		}
	printf("\n%-*s %5s", w, "group", "icps");
	for (int m = 0; m < NMETRIC; m++)
		printf(" %9s", mname[m]);
	printf("\n");
	for (int k = 0; k < 3; k++) {
		if (k < 2)
			printf("%-*s %5zu", w, rname[k], k == 0 ? nicps_in_split() - nu : nu);
		else
			printf("%-*s %5s", w, rname[k], "");
		for (int m = 0; m < NMETRIC; m++) {
			double x = st[row[k](m)];

			if (k == 2 && !isnan(x))
				snprintf(s, sizeof s, "%+.3f", fabs(x) < 5e-4 ? 0.0 : x);
			else
				fmt_metric(s, sizeof s, x);
			printf(" %9s", s);
		}
		printf("\n");
	}
	if (bt) {
		print_boot_header("the group means");
		printf("%-*s", w, "group");
		for (int m = 0; m < NMETRIC; m++)
			printf(" %14s", mname[m]);
		printf("\n");
		for (int k = 0; k < 3; k++) {
			printf("%-*s", w, rname[k]);
			for (int m = 0; m < NMETRIC; m++) {
				fmt_interval(s, sizeof s, &bt->stat[row[k](m)], k == 2);
				printf(" %14s", s);
			}
			printf("\n");
		}
	}
	free(per);
	free(st);
}

static void
report_missing(const struct run *r, const struct result *res)
{
	for (size_t c = 0; c < L.nicps; c++)
		if (res[c].missing)
			lq_note("%s: ICP '%s': %lu of %lu judged leads are not in the input",
			    r->name, res[c].icp, res[c].missing, res[c].labelled);
	if (r->unknown_icp)
		lq_note("%s: %lu records were scored against an ICP without judgments", r->name,
		    r->unknown_icp);
	if (r->no_icp)
		lq_note("%s: %lu records name no ICP; skipped", r->name, r->no_icp);
}

/* Exit status for the runs: 1 if one matched no judgment, or if
 * --require-all and a judged lead is missing. */
static int
verdict(const struct run *r, const struct result *res)
{
	if (res[L.nicps].found == 0) {
		lq_warn("%s: no lead in the input has a judgment (wrong --icp or labels file?)", r->name);
		return LQ_EXIT_FAILED;
	}
	if (opt_require_all && res[L.nicps].missing) {
		lq_warn("%s: %lu judged leads are missing (--require-all)", r->name, res[L.nicps].missing);
		return LQ_EXIT_FAILED;
	}
	return LQ_EXIT_OK;
}

static void
print_compare(const struct run *ra, const struct result *a, const struct run *rb,
    const struct result *b, const struct boot *bt)
{
	int w = name_width();
	char s1[32], s2[32], s3[32], s4[48];

	printf("A: %s\nB: %s\n(score: %s%s%s)\n", ra->name, rb->name, opt_field,
	    opt_split ? ", split: " : "", opt_split ? opt_split : "");
	if (bt)
		printf("B-A interval: %g%% paired percentile bootstrap, %lld resamples of each ICP's judged leads, seed %llu\n",
		    opt_level * 100, opt_boot, opt_seed);
	printf("%-*s %-10s %9s %9s %9s", w, "ICP", "metric", "A", "B", "B-A");
	if (bt)
		printf(" %16s", "B-A interval");
	printf("\n");
	for (size_t c = 0; c <= L.nicps; c++) {
		if (c < L.nicps && !icp_in_split(c))
			continue;
		for (int m = 0; m < NMETRIC; m++) {
			double d = b[c].m[m] - a[c].m[m];

			fmt_metric(s1, sizeof s1, a[c].m[m]);
			fmt_metric(s2, sizeof s2, b[c].m[m]);
			if (isnan(d))
				snprintf(s3, sizeof s3, "n/a");
			else
				snprintf(s3, sizeof s3, "%+.3f", fabs(d) < 5e-4 ? 0.0 : d);
			printf("%-*.*s %-10s %9s %9s %9s", w, w, c == L.nicps ? "overall" : a[c].icp,
			    mname[m], s1, s2, s3);
			if (bt) {
				fmt_interval(s4, sizeof s4, &bt[2].icp[c * NMETRIC + (size_t)m], 1);
				printf(" %16s", s4);
			}
			printf("\n");
		}
	}
	printf("%-*s %-10s %9lu %9lu\n", w, "overall", "found", a[L.nicps].found, b[L.nicps].found);
	printf("%-*s %-10s %9lu %9lu\n", w, "overall", "missing", a[L.nicps].missing, b[L.nicps].missing);
}

static json_t *
compare_json(const struct run *ra, const struct result *a, const struct run *rb,
    const struct result *b, const struct boot *bt)
{
	json_t *o = json_object(), *diff = json_object(), *arr = json_array();

	json_object_set_new(o, "a", run_json(ra, a, bt ? &bt[0] : NULL));
	json_object_set_new(o, "b", run_json(rb, b, bt ? &bt[1] : NULL));
	if (bt)
		json_object_set_new(o, "bootstrap", bootstrap_json());
	for (size_t c = 0; c <= L.nicps; c++) {
		json_t *x;

		if (c < L.nicps && !icp_in_split(c))
			continue;
		x = json_object();
		json_object_set_new(x, "icp", json_string(c == L.nicps ? "overall" : a[c].icp));
		for (int m = 0; m < NMETRIC; m++)
			json_object_set_new(x, mname[m], jnum(b[c].m[m] - a[c].m[m]));
		if (bt)
			json_object_set_new(x, "ci", ci_json(&bt[2].icp[c * NMETRIC]));
		if (c == L.nicps)
			json_object_set_new(diff, "overall", x);
		else
			json_array_append_new(arr, x);
	}
	json_object_set_new(diff, "icps", arr);
	json_object_set_new(o, "diff", diff);
	return o;
}

/* ---- --runs -------------------------------------------------------- */

struct spread {
	size_t n;		/* runs the lead appeared in with a score */
	double mean, sd, min, max;
	int tier_changed;
};

static struct spread
lead_spread(const struct lead *ld)
{
	struct spread s = { 0, NAN, NAN, NAN, NAN, 0 };
	double *x = lq_xreallocarray(NULL, nruns_total, sizeof *x);
	char t0 = 0;

	for (size_t i = 0; i < nruns_total; i++) {
		if (!isnan(ld->score[i])) {
			x[s.n++] = ld->score[i];
			if (isnan(s.min) || ld->score[i] < s.min)
				s.min = ld->score[i];
			if (isnan(s.max) || ld->score[i] > s.max)
				s.max = ld->score[i];
		}
		if (ld->tier[i] != '-') {
			if (t0 && ld->tier[i] != t0)
				s.tier_changed = 1;
			t0 = ld->tier[i];
		}
	}
	lq_mean_sd(x, s.n, &s.mean, &s.sd);
	free(x);
	return s;
}

static struct spread *spreads;

static int
by_sd_desc(const void *a, const void *b)
{
	const struct spread *x = &spreads[*(const size_t *)a], *y = &spreads[*(const size_t *)b];
	double p = isnan(x->sd) ? -1 : x->sd, q = isnan(y->sd) ? -1 : y->sd;

	if (p != q)
		return (p < q) - (p > q);
	return (*(const size_t *)a > *(const size_t *)b) - (*(const size_t *)a < *(const size_t *)b);
}

static void
runs_report(struct run *runs, struct result **res, size_t nr)
{
	size_t *order = lq_xreallocarray(NULL, nleads ? nleads : 1, sizeof *order);
	json_t *o = json_object(), *icps = json_array(), *jl = json_array(), *jr = json_array();
	int w = name_width();

	spreads = lq_xreallocarray(NULL, nleads ? nleads : 1, sizeof *spreads);
	for (size_t i = 0; i < nleads; i++) {
		spreads[i] = lead_spread(&leads[i]);
		order[i] = i;
	}
	qsort(order, nleads, sizeof *order, by_sd_desc);
	if (!opt_json) {
		printf("%zu runs (score: %s%s%s)\n", nr, opt_field, opt_split ? ", split: " : "",
		    opt_split ? opt_split : "");
		printf("%-*s %6s %8s %8s %6s %15s %15s %15s\n", w, "ICP", "leads", "mean_sd",
		    "max_sd", "tier~", "ndcg@10", "p@10", "auc");
	}
	for (size_t c = 0; c <= L.nicps; c++) {
		const char *icp = c == L.nicps ? NULL : L.icps[c];
		size_t n = 0, changed = 0;
		double sdsum = 0, sdmax = NAN;
		json_t *x = json_object();
		char cell[3][40];
		const int shown[3] = { M_NDCG10, M_P10, M_AUC };

		if (icp == NULL && L.nicps < 2)
			break;
		for (size_t i = 0; i < nleads; i++) {
			if (icp && strcmp(leads[i].icp, icp) != 0)
				continue;
			if (icp == NULL && !lq_labels_has_icp(&L, leads[i].icp))
				continue;
			if (spreads[i].n < 2)
				continue;
			n++;
			sdsum += spreads[i].sd;
			if (isnan(sdmax) || spreads[i].sd > sdmax)
				sdmax = spreads[i].sd;
			changed += spreads[i].tier_changed;
		}
		json_object_set_new(x, "icp", json_string(icp ? icp : "overall"));
		json_object_set_new(x, "leads", json_integer((json_int_t)n));
		json_object_set_new(x, "mean_sd", jnum(n ? sdsum / (double)n : NAN));
		json_object_set_new(x, "max_sd", jnum(sdmax));
		json_object_set_new(x, "tier_changes", json_integer((json_int_t)changed));
		for (int k = 0; k < 3; k++) {
			double *vals = lq_xreallocarray(NULL, nr, sizeof *vals), mean, sd;
			size_t m = 0;
			json_t *ms = json_object();

			for (size_t ri = 0; ri < nr; ri++)
				if (!isnan(res[ri][c].m[shown[k]]))
					vals[m++] = res[ri][c].m[shown[k]];
			lq_mean_sd(vals, m, &mean, &sd);
			free(vals);
			json_object_set_new(ms, "mean", jnum(mean));
			json_object_set_new(ms, "sd", jnum(sd));
			json_object_set_new(x, mname[shown[k]], ms);
			if (isnan(mean))
				snprintf(cell[k], sizeof cell[k], "n/a");
			else
				snprintf(cell[k], sizeof cell[k], "%.3f+-%.3f", mean, sd);
		}
		if (!opt_json) {
			char a[32], b[32];

			fmt_metric(a, sizeof a, n ? sdsum / (double)n : NAN);
			fmt_metric(b, sizeof b, sdmax);
			printf("%-*.*s %6zu %8s %8s %6zu %15s %15s %15s\n", w, w, icp ? icp : "overall",
			    n, a, b, changed, cell[0], cell[1], cell[2]);
		}
		json_array_append_new(icps, x);
	}
	if (!opt_json && nleads) {
		printf("\nleast consistent leads (sample sd of %s over the runs):\n", opt_field);
		printf("%-*s %-40s %4s %8s %8s %8s %8s  tiers\n", w, "ICP", "id", "runs", "mean",
		    "sd", "min", "max");
	}
	for (size_t i = 0; i < nleads; i++) {
		const struct lead *ld = &leads[order[i]];
		const struct spread *s = &spreads[order[i]];
		json_t *x = json_object();

		json_object_set_new(x, "icp", json_string(ld->icp));
		json_object_set_new(x, "id", json_string(ld->id));
		json_object_set_new(x, "runs", json_integer((json_int_t)s->n));
		json_object_set_new(x, "mean", jnum(s->mean));
		json_object_set_new(x, "sd", jnum(s->sd));
		json_object_set_new(x, "min", jnum(s->min));
		json_object_set_new(x, "max", jnum(s->max));
		json_object_set_new(x, "tiers", json_string(ld->tier));
		json_array_append_new(jl, x);
		if (!opt_json && (long long)i < opt_top) {
			char m[4][32];

			fmt_metric(m[0], sizeof m[0], s->mean);
			fmt_metric(m[1], sizeof m[1], s->sd);
			fmt_metric(m[2], sizeof m[2], s->min);
			fmt_metric(m[3], sizeof m[3], s->max);
			printf("%-*.*s %-40.40s %4zu %8s %8s %8s %8s  %s\n", w, w, ld->icp, ld->id, s->n,
			    m[0], m[1], m[2], m[3], ld->tier);
		}
	}
	if (opt_json) {
		for (size_t ri = 0; ri < nr; ri++)
			json_array_append_new(jr, run_json(&runs[ri], res[ri], NULL));
		json_object_set_new(o, "runs", jr);
		json_object_set_new(o, "icps", icps);
		json_object_set_new(o, "leads", jl);
		print_json(o);
	} else {
		json_decref(o);
		json_decref(icps);
		json_decref(jl);
		json_decref(jr);
	}
	free(order);
	free(spreads);
}

static void
run_free(struct run *r)
{
	free(r->score);
	free(r->seen);
	free(r->cut);
	free(r->unlabelled);
}

/* --unseen LIST: adds each comma-separated ICP name; an empty name or a
 * name given twice is a usage error. */
static void
add_unseen(const char *list)
{
	const char *p = list;

	for (;;) {
		size_t n = strcspn(p, ",");
		char *name = lq_xstrndup(p, n);

		if (n == 0)
			lq_die(LQ_EXIT_USAGE, "--unseen: empty ICP name in '%s'", list);
		for (size_t i = 0; i < nunseen; i++)
			if (strcmp(opt_unseen[i], name) == 0)
				lq_die(LQ_EXIT_USAGE, "--unseen: ICP '%s' named twice", name);
		opt_unseen = lq_xreallocarray(opt_unseen, nunseen + 1, sizeof *opt_unseen);
		opt_unseen[nunseen++] = name;
		if (p[n] == '\0')
			break;
		p += n + 1;
	}
}

int
main(int argc, char **argv)
{
	const char *arg;
	int c, mode = 0, status = LQ_EXIT_OK;
	size_t nfiles;
	char **files;
	struct run *runs;
	struct result **res;
	struct boot bt[3];
	int seed_given = 0, level_given = 0;
	static char *stdin_only[] = { "-" };

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_COMPARE:
		case OPT_RUNS:
			if (mode && mode != c) {
				lq_warn("--compare and --runs do not go together");
				lq_usage(&cmd);
			}
			mode = c;
			break;
		case OPT_ICP:
			if (*arg == '\0')
				lq_die(LQ_EXIT_USAGE, "--icp: the ICP name is empty");
			opt_icp = arg;
			break;
		case OPT_JSON:
			opt_json = 1;
			break;
		case OPT_REQUIRE_ALL:
			opt_require_all = 1;
			break;
		case OPT_SCORE_FIELD:
			if (*arg == '\0')
				lq_die(LQ_EXIT_USAGE, "--score-field: the field name is empty");
			opt_field = arg;
			break;
		case OPT_SPLIT:
			opt_split = arg;
			break;
		case OPT_TOP:
			opt_top = lq_parse_int("--top", arg, 0, 1000000);
			break;
		case OPT_BOOTSTRAP:
			/* 100000 resamples of 8 ICPs keep 45 MB of replicate values */
			opt_boot = lq_parse_int("--bootstrap", arg, 10, 100000);
			break;
		case OPT_SEED:
			opt_seed = (unsigned long long)lq_parse_int("--seed", arg, 0, LLONG_MAX);
			seed_given = 1;
			break;
		case OPT_LEVEL:
			opt_level = lq_parse_double("--level", arg, 0.5, 0.999);
			level_given = 1;
			break;
		case OPT_LEAVE_ONE_OUT:
			opt_loo = 1;
			break;
		case OPT_UNSEEN:
			add_unseen(arg);
			break;
		default:
			lq_usage(&cmd);
		}
	}
	if ((seed_given || level_given) && !opt_boot)
		lq_die(LQ_EXIT_USAGE, "%s goes with --bootstrap N", seed_given ? "--seed" : "--level");
	if (opt_boot && mode == OPT_RUNS)
		lq_die(LQ_EXIT_USAGE, "--bootstrap does not go with --runs (--runs measures spread over runs)");
	if ((opt_loo || nunseen) && mode)
		lq_die(LQ_EXIT_USAGE, "%s measures one scored file: not with --%s",
		    opt_loo ? "--leave-one-out" : "--unseen", mode == OPT_RUNS ? "runs" : "compare");
	argc -= optind;
	argv += optind;
	if (argc < 1) {
		lq_warn("the labels file is missing");
		lq_usage(&cmd);
	}
	nfiles = (size_t)argc - 1;
	files = argv + 1;
	if (mode == OPT_COMPARE && nfiles != 2) {
		lq_warn("--compare takes exactly two scored files after the labels");
		lq_usage(&cmd);
	}
	if (mode == OPT_RUNS && nfiles < 2) {
		lq_warn("--runs takes two or more scored files after the labels");
		lq_usage(&cmd);
	}
	if (mode == 0 && nfiles > 1) {
		lq_warn("one scored file at a time (or --compare A B, or --runs FILE...)");
		lq_usage(&cmd);
	}
	if (nfiles == 0) {
		nfiles = 1;
		files = stdin_only;
	}
	for (size_t i = 0, dash = 0; i < nfiles; i++)
		if (strcmp(files[i], "-") == 0 && dash++)
			lq_die(LQ_EXIT_USAGE, "standard input (-) can be read only once");
	load_labels(argv[0]);
	for (size_t i = 0; i < nunseen; i++)
		if (!lq_labels_has_icp(&L, opt_unseen[i]))
			lq_die(LQ_EXIT_FATAL, "%s: no judgment for ICP '%s' (--unseen)", argv[0], opt_unseen[i]);
	if (mode == OPT_RUNS) {
		nruns_total = nfiles;
		lead_index = json_object();
	}
	runs = lq_xcalloc(nfiles, sizeof *runs);
	res = lq_xcalloc(nfiles, sizeof *res);
	for (size_t i = 0; i < nfiles; i++) {
		int st;

		read_run(&runs[i], files[i], i);
		res[i] = lq_xcalloc(L.nicps + 1, sizeof **res);
		evaluate(&runs[i], res[i]);
		report_missing(&runs[i], res[i]);
		if ((st = verdict(&runs[i], res[i])) != LQ_EXIT_OK)
			status = st;
	}
	if (opt_boot) {
		bootstrap(runs, nfiles, bt);
		note_undefined(&bt[0]);
	}
	if (mode == OPT_COMPARE) {
		if (opt_json)
			print_json(compare_json(&runs[0], res[0], &runs[1], res[1], opt_boot ? bt : NULL));
		else
			print_compare(&runs[0], res[0], &runs[1], res[1], opt_boot ? bt : NULL);
	} else if (mode == OPT_RUNS) {
		runs_report(runs, res, nfiles);
	} else if (opt_json) {
		json_t *o = run_json(&runs[0], res[0], opt_boot ? &bt[0] : NULL);

		if (opt_boot)
			json_object_set_new(o, "bootstrap", bootstrap_json());
		compare_icps_json(o, res[0], opt_boot ? &bt[0] : NULL);
		print_json(o);
	} else {
		print_table(&runs[0], res[0]);
		if (opt_boot)
			print_intervals(&bt[0]);
		if (opt_loo)
			print_loo(res[0], opt_boot ? &bt[0] : NULL);
		if (nunseen)
			print_unseen(res[0], opt_boot ? &bt[0] : NULL);
	}
	lq_close_stdout();
	if (opt_boot)
		for (size_t i = 0; i < (nfiles == 2 ? 3 : nfiles); i++)
			boot_free(&bt[i]);
	for (size_t i = 0; i < nunseen; i++)
		free(opt_unseen[i]);
	free(opt_unseen);
	for (size_t i = 0; i < nfiles; i++) {
		run_free(&runs[i]);
		free(res[i]);
	}
	for (size_t i = 0; i < nleads; i++) {
		free(leads[i].icp);
		free(leads[i].id);
		free(leads[i].score);
		free(leads[i].tier);
	}
	free(leads);
	json_decref(lead_index);
	free(runs);
	free(res);
	lq_labels_free(&L);
	return status;
}
