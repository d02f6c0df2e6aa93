/* test_metrics.c: ranking metrics on hand-computed cases, ties, edge cases; the labels parser. */
#include <math.h>
#include <string.h>

#include "diag.h"
#include "labels.h"
#include "metrics.h"
#include "t.h"
#include "util.h"

#define NEAR(a, b) (fabs((a) - (b)) < 1e-9)
#define CHECK_NEAR(a, b) do { double a_ = (a), b_ = (b); if (!NEAR(a_, b_)) { t_case_failed = 1; \
	printf("#   %s:%d: %s == %.12f, expected %.12f\n", __FILE__, __LINE__, #a, a_, b_); } } while (0)

static void
sorted(struct lq_ranked *v, size_t n)
{
	lq_rank_sort(v, n);
}

int
main(void)
{
	lq_init("test_metrics");

	t_begin("ndcg: perfect order is 1, reversed order by hand");
	{
		/* rels in ranked order 3,2,0: ideal, so 1. */
		struct lq_ranked v[] = { { 9, 3, 0 }, { 5, 2, 0 }, { 1, 0, 0 } };
		/* reversed: 0,2,3: DCG = 0 + 3/log2(3) + 7/2; IDCG = 7 + 3/log2(3) */
		struct lq_ranked w[] = { { 9, 0, 0 }, { 5, 2, 0 }, { 1, 3, 0 } };
		double l3 = log2(3.0);

		sorted(v, 3);
		sorted(w, 3);
		CHECK_NEAR(lq_ndcg(v, 3, 10), 1.0);
		CHECK_NEAR(lq_ndcg(w, 3, 10), (3 / l3 + 3.5) / (7 + 3 / l3));
		/* cut at k = 1: DCG 0 against IDCG 7 */
		CHECK_NEAR(lq_ndcg(w, 3, 1), 0.0);
	}

	t_begin("ndcg: a tie averages over both orders");
	{
		/* b (0) first, then a (3) and c (2) tied: expected DCG =
		 * mean gain (7+3)/2 * (1/log2 3 + 1/log2 4) */
		struct lq_ranked v[] = { { 50, 3, 0 }, { 90, 0, 0 }, { 50, 2, 0 } };
		double l3 = log2(3.0), dcg = 5 * (1 / l3 + 0.5), idcg = 7 + 3 / l3;

		sorted(v, 3);
		CHECK_NEAR(lq_ndcg(v, 3, 10), dcg / idcg);
		/* k = 2 cuts the tie group: only position 2 counts */
		CHECK_NEAR(lq_ndcg(v, 3, 2), 5 / l3 / idcg);
		/* the same as the mean of the two orders */
		{
			struct lq_ranked o1[] = { { 3, 0, 0 }, { 2, 3, 0 }, { 1, 2, 0 } };
			struct lq_ranked o2[] = { { 3, 0, 0 }, { 2, 2, 0 }, { 1, 3, 0 } };

			CHECK_NEAR(lq_ndcg(v, 3, 2), (lq_ndcg(o1, 3, 2) + lq_ndcg(o2, 3, 2)) / 2);
		}
	}

	t_begin("ndcg: undefined when nothing is relevant or the list is empty");
	{
		struct lq_ranked v[] = { { 2, 0, 0 }, { 1, 0, 0 } };

		CHECK(isnan(lq_ndcg(v, 2, 10)));
		CHECK(isnan(lq_ndcg(v, 0, 10)));
		CHECK(isnan(lq_ndcg(v, 2, 0)));
	}

	t_begin("precision: divides by k; ties share the places at the cut");
	{
		/* ranked 3,1,(2,0 tied),2 */
		struct lq_ranked v[] = { { 10, 3, 0 }, { 8, 1, 0 }, { 5, 2, 0 }, { 5, 0, 0 }, { 1, 2, 0 } };

		sorted(v, 5);
		CHECK_NEAR(lq_precision(v, 5, 1), 1.0);
		CHECK_NEAR(lq_precision(v, 5, 2), 0.5);
		/* third place: one of the tied pair, relevant half the time */
		CHECK_NEAR(lq_precision(v, 5, 3), 1.5 / 3);
		CHECK_NEAR(lq_precision(v, 5, 4), 2.0 / 4);
		CHECK_NEAR(lq_precision(v, 5, 5), 3.0 / 5);
		CHECK_NEAR(lq_precision(v, 5, 10), 3.0 / 10);
		CHECK(isnan(lq_precision(v, 0, 10)));
	}

	t_begin("precision: all tied equals the base rate at any k");
	{
		struct lq_ranked v[] = { { 1, 3, 0 }, { 1, 0, 0 }, { 1, 0, 0 }, { 1, 2, 0 } };

		CHECK_NEAR(lq_precision(v, 4, 1), 0.5);
		CHECK_NEAR(lq_precision(v, 4, 3), 0.5);
	}

	t_begin("roc auc: by hand, with a tie counting one half");
	{
		/* scores: pos 0.9, neg 0.8, pos 0.7, neg 0.7, neg 0.1
		 * pairs: p.9 beats 3 negs; p.7 beats n.1, ties n.7: 1.5; total 4.5/6 */
		struct lq_ranked v[] = { { .9, 2, 0 }, { .8, 1, 0 }, { .7, 3, 0 }, { .7, 0, 0 }, { .1, 0, 0 } };

		sorted(v, 5);
		CHECK_NEAR(lq_roc_auc(v, 5), 4.5 / 6);
	}

	t_begin("roc auc: perfect, inverted, all tied; undefined without both classes");
	{
		struct lq_ranked good[] = { { 3, 2, 0 }, { 2, 3, 0 }, { 1, 0, 0 } };
		struct lq_ranked bad[] = { { 3, 0, 0 }, { 2, 1, 0 }, { 1, 2, 0 } };
		struct lq_ranked flat[] = { { 1, 3, 0 }, { 1, 0, 0 }, { 1, 2, 0 } };
		struct lq_ranked allpos[] = { { 2, 2, 0 }, { 1, 3, 0 } };
		struct lq_ranked allneg[] = { { 2, 0, 0 }, { 1, 1, 0 } };

		CHECK_NEAR(lq_roc_auc(good, 3), 1.0);
		CHECK_NEAR(lq_roc_auc(bad, 3), 0.0);
		CHECK_NEAR(lq_roc_auc(flat, 3), 0.5);
		CHECK(isnan(lq_roc_auc(allpos, 2)));
		CHECK(isnan(lq_roc_auc(allneg, 2)));
		CHECK(isnan(lq_roc_auc(allneg, 0)));
	}

	t_begin("average precision: by hand without ties");
	{
		/* relevant at positions 1, 3, 4: (1/1 + 2/3 + 3/4) / 3 */
		struct lq_ranked v[] = { { 5, 2, 0 }, { 4, 0, 0 }, { 3, 3, 0 }, { 2, 2, 0 }, { 1, 1, 0 } };

		sorted(v, 5);
		CHECK_NEAR(lq_avg_precision(v, 5), (1 + 2.0 / 3 + 0.75) / 3);
	}

	t_begin("average precision: a tie is the mean over its orders");
	{
		/* neg first, then {pos, pos} tied: either order gives 1/2, 2/3 */
		struct lq_ranked v[] = { { 50, 3, 0 }, { 90, 0, 0 }, { 50, 2, 0 } };
		/* {pos, neg} tied first: orders (p,n): AP 1; (n,p): 1/2 -> 0.75 */
		struct lq_ranked w[] = { { 1, 2, 0 }, { 1, 0, 0 } };
		/* all four tied, two relevant: orders enumerated by hand give 5/12 + ...;
		 * mean over the 6 placements of 2 positives in 4 places:
		 * {1,2}:1 {1,3}:(1+2/3)/2 {1,4}:(1+1/2)/2 {2,3}:(1/2+2/3)/2
		 * {2,4}:(1/2+1/2)/2 {3,4}:(1/3+1/2)/2 */
		struct lq_ranked x[] = { { 1, 2, 0 }, { 1, 0, 0 }, { 1, 3, 0 }, { 1, 1, 0 } };
		double e = (1 + (1 + 2.0 / 3) / 2 + 0.75 + (0.5 + 2.0 / 3) / 2 + 0.5 +
		    (1.0 / 3 + 0.5) / 2) / 6;

		sorted(v, 3);
		CHECK_NEAR(lq_avg_precision(v, 3), (0.5 + 2.0 / 3) / 2);
		CHECK_NEAR(lq_avg_precision(w, 2), 0.75);
		CHECK_NEAR(lq_avg_precision(x, 4), e);
		CHECK(isnan(lq_avg_precision(x, 0)));
	}

	t_begin("recall at the tier cut");
	{
		struct lq_ranked v[] = { { 9, 3, 1 }, { 8, 0, 1 }, { 7, 2, 0 }, { 6, 2, 1 }, { 1, 1, 0 } };
		struct lq_ranked none[] = { { 9, 1, 1 } };

		CHECK_NEAR(lq_recall_cut(v, 5), 2.0 / 3);
		CHECK(isnan(lq_recall_cut(none, 1)));
	}

	t_begin("unscored leads (-inf) rank last, tied among themselves");
	{
		struct lq_ranked v[] = { { -INFINITY, 3, 0 }, { 10, 0, 0 }, { -INFINITY, 0, 0 } };

		sorted(v, 3);
		CHECK(v[0].score == 10);
		CHECK_NEAR(lq_roc_auc(v, 3), 0.25);
	}

	t_begin("mean and sample sd");
	{
		double x[] = { 2, 4, 4, 4, 5, 5, 7, 9 }, m, sd;

		lq_mean_sd(x, 8, &m, &sd);
		CHECK_NEAR(m, 5);
		CHECK_NEAR(sd, sqrt(32.0 / 7));
		lq_mean_sd(x, 1, &m, &sd);
		CHECK_NEAR(m, 2);
		CHECK_NEAR(sd, 0);
		lq_mean_sd(x, 0, &m, &sd);
		CHECK(isnan(m) && isnan(sd));
	}

	t_begin("labels: parse, find by id, by public id (case-insensitive), by icp");
	{
		const char *text = "\xEF\xBB\xBF{\"icp\":\"A\",\"id\":\"ACoAAx\",\"relevance\":3,\"public_identifier\":\"Jane-Doe\",\"split\":\"tune\"}\r\n"
		    "\n"
		    "{\"icp\":\"B\",\"id\":\"ACoAAx\",\"relevance\":0,\"reason\":\"no\",\"extra\":1}\n";
		struct lq_labels L;
		struct lq_buf err = LQ_BUF_INIT;

		CHECK_INT(lq_labels_parse(&L, text, strlen(text), "l.ndjson", &err), 0);
		CHECK_INT(L.n, 2);
		CHECK_INT(L.nicps, 2);
		CHECK_INT(lq_labels_find(&L, "A", "ACoAAx", NULL), 0);
		CHECK_INT(lq_labels_find(&L, "B", "ACoAAx", NULL), 1);
		CHECK_INT(lq_labels_find(&L, "A", "acoaax", NULL), -1);	/* URN ids are case-sensitive */
		CHECK_INT(lq_labels_find(&L, "A", "jane-doe", NULL), 0);	/* slug as record id */
		CHECK_INT(lq_labels_find(&L, "A", "other", "JANE-DOE"), 0);
		CHECK_INT(lq_labels_find(&L, "C", "ACoAAx", NULL), -1);
		CHECK_INT(L.v[0].line, 1);
		CHECK_INT(L.v[1].line, 3);
		CHECK_STR(L.v[0].split, "tune");
		CHECK_STR(L.v[1].reason, "no");
		lq_labels_free(&L);
		lq_buf_free(&err);
	}

	t_begin("labels: every kind of bad line is refused with file:line");
	{
		static const struct { const char *text, *msg; } bad[] = {
			{ "", "l:1: no judgments" },
			{ "\n\n", "l:2: no judgments" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":1}\n{", "l:2: not valid JSON" },
			{ "[1]", "l:1: expected a JSON object" },
			{ "{\"id\":\"x\",\"relevance\":1}", "l:1: \"icp\" must be" },
			{ "{\"icp\":\"\",\"id\":\"x\",\"relevance\":1}", "l:1: \"icp\" must be" },
			{ "{\"icp\":\"A\\u001f\",\"id\":\"x\",\"relevance\":1}", "control characters" },
			{ "{\"icp\":\"A\",\"id\":7,\"relevance\":1}", "l:1: \"id\" must be" },
			{ "{\"icp\":\"A\",\"id\":\"x\"}", "l:1: id x: \"relevance\" is missing" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":4}", "integer from 0 to 3" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":-1}", "integer from 0 to 3" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":2.5}", "integer from 0 to 3" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":\"2\"}", "integer from 0 to 3" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":1,\"reason\":5}", "\"reason\" must be a string" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":1,\"split\":[]}", "\"split\" must be a string" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":1,\"icp\":\"B\"}", "l:1: not valid JSON" },
			{ "{\"icp\":\"A\",\"id\":\"x\",\"relevance\":1}\n{\"icp\":\"A\",\"id\":\"x\",\"relevance\":2}",
			  "l:2: id x is judged twice for this ICP (first on line 1)" },
		};
		for (size_t i = 0; i < LQ_NELEM(bad); i++) {
			struct lq_labels L;
			struct lq_buf err = LQ_BUF_INIT;
			int rc = lq_labels_parse(&L, bad[i].text, strlen(bad[i].text), "l", &err);

			CHECK_INT(rc, -1);
			if (rc == -1 && strstr(err.data, bad[i].msg) == NULL) {
				t_case_failed = 1;
				printf("#   case %zu: \"%s\" lacks \"%s\"\n", i, err.data, bad[i].msg);
			}
			CHECK(L.v == NULL && L.n == 0);
			lq_buf_free(&err);
		}
	}
	return t_done();
}
