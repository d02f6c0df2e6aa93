/* metrics.c: NDCG, precision, recall, ROC AUC and average precision with ties averaged. */
#include <math.h>
#include <stdlib.h>

#include "metrics.h"
#include "util.h"

static int
by_score_desc(const void *a, const void *b)
{
	double x = ((const struct lq_ranked *)a)->score;
	double y = ((const struct lq_ranked *)b)->score;

	return (x < y) - (x > y);
}

void
lq_rank_sort(struct lq_ranked *v, size_t n)
{
	if (n > 1)
		qsort(v, n, sizeof *v, by_score_desc);
}

/* End (exclusive) of the group of leads tied with v[i]. */
static size_t
group_end(const struct lq_ranked *v, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && v[j].score == v[i].score)
		j++;
	return j;
}

static double
gain(int rel)
{
	return ldexp(1.0, rel) - 1.0;
}

static double
discount(size_t pos)	/* pos counts from 1 */
{
	return 1.0 / log2((double)pos + 1.0);
}

static int
cmp_int_desc(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x < y) - (x > y);
}

double
lq_ndcg(const struct lq_ranked *v, size_t n, size_t k)
{
	double dcg = 0, ideal = 0;
	int *rels;

	if (n == 0 || k == 0)
		return NAN;
	/* A tie group spread over positions p..q puts each member at each of
	 * those positions equally often, so its expected gain there is the
	 * group's mean gain. */
	for (size_t i = 0; i < n && i < k;) {
		size_t j = group_end(v, n, i);
		double g = 0, d = 0;

		for (size_t t = i; t < j; t++)
			g += gain(v[t].rel);
		for (size_t p = i; p < j && p < k; p++)
			d += discount(p + 1);
		dcg += g / (double)(j - i) * d;
		i = j;
	}
	rels = lq_xreallocarray(NULL, n, sizeof *rels);
	for (size_t i = 0; i < n; i++)
		rels[i] = v[i].rel;
	qsort(rels, n, sizeof *rels, cmp_int_desc);
	for (size_t i = 0; i < n && i < k; i++)
		ideal += gain(rels[i]) * discount(i + 1);
	free(rels);
	return ideal > 0 ? dcg / ideal : NAN;
}

double
lq_precision(const struct lq_ranked *v, size_t n, size_t k)
{
	double hits = 0;

	if (n == 0 || k == 0)
		return NAN;
	for (size_t i = 0; i < n && i < k;) {
		size_t j = group_end(v, n, i), pos = 0, inside;

		for (size_t t = i; t < j; t++)
			pos += v[t].rel >= LQ_REL_POSITIVE;
		inside = (j < k ? j : k) - i;
		hits += (double)pos * (double)inside / (double)(j - i);
		i = j;
	}
	return hits / (double)k;
}

double
lq_recall_cut(const struct lq_ranked *v, size_t n)
{
	size_t pos = 0, in = 0;

	for (size_t i = 0; i < n; i++)
		if (v[i].rel >= LQ_REL_POSITIVE) {
			pos++;
			in += v[i].cut != 0;
		}
	return pos ? (double)in / (double)pos : NAN;
}

double
lq_roc_auc(const struct lq_ranked *v, size_t n)
{
	size_t npos = 0, nneg, negseen = 0;
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		npos += v[i].rel >= LQ_REL_POSITIVE;
	nneg = n - npos;
	if (npos == 0 || nneg == 0)
		return NAN;
	for (size_t i = 0; i < n;) {
		size_t j = group_end(v, n, i), p = 0, q;

		for (size_t t = i; t < j; t++)
			p += v[t].rel >= LQ_REL_POSITIVE;
		q = (j - i) - p;
		/* positives here beat every negative below, tie with q */
		sum += (double)p * ((double)(nneg - negseen - q) + 0.5 * (double)q);
		negseen += q;
		i = j;
	}
	return sum / ((double)npos * (double)nneg);
}

double
lq_avg_precision(const struct lq_ranked *v, size_t n)
{
	size_t npos = 0, before = 0, posbefore = 0;
	double sum = 0;

	for (size_t i = 0; i < n; i++)
		npos += v[i].rel >= LQ_REL_POSITIVE;
	if (npos == 0)
		return NAN;
	for (size_t i = 0; i < n;) {
		size_t j = group_end(v, n, i), g = j - i, p = 0;

		for (size_t t = i; t < j; t++)
			p += v[t].rel >= LQ_REL_POSITIVE;
		if (p > 0) {
			/* A positive of the group lands at group place J (uniform on
			 * 1..g); given J, the expected number of the other p - 1
			 * positives ahead of it is (J - 1)(p - 1)/(g - 1), and the
			 * precision's denominator depends on J alone. */
			double e = 0;

			for (size_t jj = 1; jj <= g; jj++) {
				double ahead = g > 1 ? (double)(jj - 1) * (double)(p - 1) / (double)(g - 1) : 0;

				e += ((double)posbefore + 1.0 + ahead) / (double)(before + jj);
			}
			sum += (double)p * e / (double)g;
		}
		before += g;
		posbefore += p;
		i = j;
	}
	return sum / (double)npos;
}

void
lq_mean_sd(const double *x, size_t n, double *mean, double *sd)
{
	double m = 0, ss = 0;

	if (n == 0) {
		*mean = *sd = NAN;
		return;
	}
	for (size_t i = 0; i < n; i++)
		m += x[i];
	m /= (double)n;
	for (size_t i = 0; i < n; i++)
		ss += (x[i] - m) * (x[i] - m);
	*mean = m;
	*sd = n > 1 ? sqrt(ss / (double)(n - 1)) : 0;
}
