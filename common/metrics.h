/* metrics.h: ranking-quality metrics over judged leads, with exact tie handling. */
#ifndef LQ_METRICS_H
#define LQ_METRICS_H

#include <stddef.h>

/* One judged lead as a ranker placed it. */
struct lq_ranked {
	double score;	/* higher ranks first; -INFINITY for a lead with no score (ranked last) */
	int rel;	/* graded relevance 0..3 */
	int cut;	/* 1 if the lead is inside the tier A/B cut */
};

/* The relevance from which a lead counts as relevant (positive) for
 * precision, recall, ROC AUC and average precision. */
#define LQ_REL_POSITIVE 2

/* Tie policy of every metric below: leads with equal scores are in no
 * particular order, so each metric is the exact expected value over all
 * orders of the tied leads (each order equally likely). The result never
 * depends on input order, and a ranker gains nothing by giving everyone
 * the same score. */

/* Sorts v by score, highest first (the order of tied leads is left
 * arbitrary: the metrics do not look at it). Every metric below expects
 * v sorted this way. */
void lq_rank_sort(struct lq_ranked *v, size_t n);

/* Normalised discounted cumulative gain of the first k positions: gain
 * 2^rel - 1, discount 1 / log2(position + 1) with positions from 1,
 * divided by the same sum for the ideal order of the same leads. Returns
 * NAN when it is undefined: no lead has relevance above 0 (or n or k is 0). */
double lq_ndcg(const struct lq_ranked *v, size_t n, size_t k);

/* Share of relevant leads (rel >= LQ_REL_POSITIVE) among the first k
 * positions, always divided by k (a list shorter than k counts the empty
 * places as misses). NAN when n or k is 0. */
double lq_precision(const struct lq_ranked *v, size_t n, size_t k);

/* Share of the relevant leads that are inside the tier A/B cut (cut set).
 * NAN when no lead is relevant. */
double lq_recall_cut(const struct lq_ranked *v, size_t n);

/* Area under the ROC curve with relevant leads as positives: the chance
 * that a random positive scores above a random negative, a tie counting
 * one half. NAN when there is no positive or no negative. */
double lq_roc_auc(const struct lq_ranked *v, size_t n);

/* Average precision: the mean over the relevant leads of the precision at
 * each one's position (expected over tie orders, computed exactly). NAN
 * when no lead is relevant. */
double lq_avg_precision(const struct lq_ranked *v, size_t n);

/* Mean and sample standard deviation (n - 1 in the denominator) of x[0..n);
 * *sd is 0 for n == 1, and both are NAN for n == 0. */
void lq_mean_sd(const double *x, size_t n, double *mean, double *sd);

#endif
