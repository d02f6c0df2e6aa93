/* score.c: score each lead against an ICP (baseline cosine or structured per-criterion evidence). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
#include <emmintrin.h>
#endif

#include "cache.h"
#include "calib.h"
#include "diag.h"
#include "embedder.h"
#include "icp.h"
#include "labelset.h"
#include "leadtext.h"
#include "match.h"
#include "ndjson.h"
#include "need.h"
#include "opts.h"
#include "profile.h"
#include "record.h"
#include "run.h"
#include "sizes.h"
#include "util.h"

enum { OPT_METHOD = 256, OPT_MODEL_DIR, OPT_REFRESH, OPT_CALIBRATION, OPT_SLIM };

static const struct lq_option options[] = {
	{ "calibration", OPT_CALIBRATION, "FILE", "structured: weigh the components as FILE says (feedback fit; docs/feedback.md)" },
	{ "method", OPT_METHOD, "M", "baseline or structured [$LQ_SCORE_METHOD, else structured]" },
	{ "model-dir", OPT_MODEL_DIR, "DIR", "local encoder's folder [$LQ_MODEL_DIR; lq model path]" },
	{ "refresh", OPT_REFRESH, NULL, "do not read cached ICP vectors (still write them)" },
	{ "slim", OPT_SLIM, NULL, "leave profile and embedding out of the records written" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"icp.json",
	"score each lead (NDJSON on stdin) against the ICP in icp.json",
	"Writes icp_score (0-100, absolute), tier (A/B/C/D), components,\n"
	"match_reasoning and score_version, and sets status to qualified. The\n"
	"baseline needs embedded leads and embeds the ICP sentence with each\n"
	"lead's own embedding_model; the structured method works from the\n"
	"profile text and the local encoder. Formulas: docs/scoring.md, lq-score(1).\n"
	"Structured: a lead located only outside the ICP's \"regions\" (else the\n"
	"places its notes name), or only in an excluded one, keeps 0.6 of its score.\n"
	"A calibration (feedback fit) turns the structured score into the chance\n"
	"that the client's reviewers judge the lead good, 0-100; exit 6 when it\n"
	"was fitted on too few labels.",
	options, LQ_COMMON_FILTER,
	"6 a calibration fitted on too few judgments;\n7 the leads were never scraped (or, --method baseline, never embedded): run the stage first (ORDER)"
};

/* Versions of the formulas; bump when a score's meaning changes. */
#define BASELINE_VERSION "baseline-1"
#define STRUCTURED_VERSION "structured-3"

/* The structured method's score_version: STRUCTURED_VERSION and the
 * digest of the vocabularies it reads (titles.vocab, industries.vocab,
 * first-person.vocab, languages.vocab and company-sizes.vocab, whose bands and stage words
 * decide the company size when classify gave none; lq_match_versioned),
 * "structured-3+vocab:<12 hex>": an
 * edited vocabulary shows in every record it scored. */
static const char *
structured_version(void)
{
	static char v[64];

	if (v[0] == '\0')
		lq_match_versioned(v, sizeof v, STRUCTURED_VERSION);
	return v;
}

/* Records scored together: one encoder call embeds all their short
 * strings, which keeps the GEMMs wide; memory stays bounded. */
#define WINDOW 128

/* Fixed weights of the context criteria (docs/scoring.md). */
#define W_INDUSTRY 0.4
#define W_COMPANY 0.3
#define W_KEYWORDS 0.3
/* ... and the buyer's background, when the ICP's notes name one ("who
 * comes from engineering or research"): the lead's earlier positions. */
#define W_BACKGROUND 0.3
/* The context can lift a matching title from 35% to 100% of its value. */
#define CONTEXT_FLOOR 0.35
/* A title this close to an excluded one (and closer than to any target)
 * knocks the lead out; its score is capped at KNOCKOUT_CAP. */
#define EXCLUDE_SIM 0.75
#define KNOCKOUT_CAP 5.0
/* A criterion without evidence (no industry, no head count, no employment
 * type) is unknown: it is left out of the weighted mean of the context,
 * neither for nor against the lead, and the reasoning says so. */
/* A headline that sells a service ("I help SaaS founders ...") makes the
 * person a vendor to the titles they name: their own title counts at most
 * this much. */
#define VENDOR_TITLE_MAX 0.4
/* The primary current role decides: a title beside it (a side project, a
 * board seat, an advisor's or investor's role) keeps this much of its
 * similarity. */
#define SIDE_WEIGHT 0.5
/* An industry classify's local encoder matched alone (no LinkedIn
 * industry, no word of the company's) counts only when it led the
 * runner-up by this much; else it is a guess, said in the reasoning. */
#define ENCODER_MARGIN 0.10
/* ... or, when it did not, as far as it and the runner-up agree, if they
 * agree at least this much (related industries). */
#define GUESS_AGREE 0.5
/* A role the ICP's notes name as weighing in on the purchase without
 * signing it ("... sont des prescripteurs", "... are key evaluators")
 * counts as a target title of this weight. */
#define INFLUENCER_WEIGHT 0.6
/* A target title of manager level or below, two or more levels under the
 * ICP's most senior target of the same function ("Financial Controller" beside "CFO", "Payroll
 * Manager" beside "Chief People Officer") names the one who runs the
 * process, a champion, not the buyer: its match counts this much. */
#define CHAMPION_WEIGHT 0.75
/* A lead whose location names only places other than those the ICP's
 * notes name (places.vocab) keeps this much of its score: the ICP sells
 * elsewhere. */
#define PLACE_OUT 0.6
/* A keyword not in the text but this close (cosine) to the profile text
 * earns half a match. */
#define KEYWORD_COS 0.5
/* Keywords needed for the full keyword value. */
#define KEYWORDS_FULL 3
/* The context of a general-management title (owner, CEO, COO, head of
 * operations) at a company nothing is known about: neither for nor
 * against (structured_one). */
#define GENERAL_NEUTRAL 0.5
/* The industry match of a LinkedIn industry alone (no word of the
 * company's own names an industry) when the company's kind decides: a
 * general-management title, or an ICP whose product category decides
 * (structured_one). What sharing one group of a target is worth. */
#define COARSE_ALONE 0.75

static struct lq_icp *icp;
static char *icp_places;	/* the places its notes name as wanted (lq_places_split), or NULL */
static char *icp_no_places;	/* those its notes or exclusions name as excluded, or NULL */
/* The head counts the ICP's notes want ("about 250 to 5,000 staff",
 * lq_size_range), -1 when they state none: a lead whose head count is
 * more than twice the top or under half the bottom (HC_FAR) does not meet
 * the company size, whatever band it falls in; inside, the band decides
 * (counting it whole as well lowered a held-out ICP's NDCG@10 below its
 * floor, 65-quality, pass/fail only) */
static long icp_hc_lo = -1, icp_hc_hi = -1;
#define HC_FAR 2
static int places_from_regions;	/* both come from the ICP's "regions", not its notes */
static const char *icp_name;	/* "icp" of every scored lead: the client, else the file's name */
static struct lq_cache *cache;
static int structured = 1;
static const char *model_dir;

/* ---- baseline --------------------------------------------------------- */

static struct lq_embedder *base_emb;	/* the first lead's model */
static char *base_model;
static float *icp_vec;
static double *icp_vd;		/* icp_vec's floats as doubles */
static int icp_dim;

static double
dot(const float *a, const float *b, int n)
{
	double s = 0;
	int i = 0;

#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	/* four products at once (each the double product of the two floats,
	 * as below), added to s one by one in the same order: the same sum */
	for (; i + 4 <= n; i += 4) {
		__m128 fa = _mm_loadu_ps(a + i), fb = _mm_loadu_ps(b + i);
		__m128d lo = _mm_mul_pd(_mm_cvtps_pd(fa), _mm_cvtps_pd(fb));
		__m128d hi = _mm_mul_pd(_mm_cvtps_pd(_mm_movehl_ps(fa, fa)), _mm_cvtps_pd(_mm_movehl_ps(fb, fb)));

		s += _mm_cvtsd_f64(lo);
		s += _mm_cvtsd_f64(_mm_unpackhi_pd(lo, lo));
		s += _mm_cvtsd_f64(hi);
		s += _mm_cvtsd_f64(_mm_unpackhi_pd(hi, hi));
	}
#endif
	for (; i < n; i++)
		s += (double)a[i] * b[i];
	return s;
}

/* x rounded to digits decimals (dividing by a power of ten gives the
 * double nearest to the decimal, so 86.3 prints as 86.3). */
static double
round_to(double x, int digits)
{
	static const double p10[] = { 1, 10, 100, 1000, 10000, 100000, 1000000 };
	double p = digits >= 0 && digits <= 6 ? p10[digits] : pow(10, digits);

	return round(x * p) / p;
}

/* The ICP sentence embedded with model (the first lead's); fatal when the
 * model cannot be opened: nothing could be scored. */
static void
baseline_open(const char *model)
{
	struct lq_embedder_opts o = { 0 };
	char err[1024], *sentence, *errs[1] = { NULL };

	o.cache = cache;
	o.model_dir = model_dir;
	if ((base_emb = lq_embedder_open_id(model, &o, err, sizeof err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "embedding model %s: %s", model, err);
	base_model = lq_xstrdup(model);
	icp_dim = lq_embedder_dim(base_emb);
	icp_vec = lq_xcalloc((size_t)icp_dim, sizeof *icp_vec);
	sentence = lq_icp_sentence(icp);
	const char *t[1] = { sentence };
	if (lq_embedder_embed(base_emb, t, 1, icp_vec, errs) != 0)
		lq_die(LQ_EXIT_FATAL, "embedding the ICP sentence with %s: %s", model,
		    errs[0] ? errs[0] : "failed");
	free(sentence);
	icp_vd = lq_xcalloc((size_t)icp_dim, sizeof *icp_vd);
	for (int i = 0; i < icp_dim; i++)
		icp_vd[i] = icp_vec[i];
}

/* x as "%.2f" writes it, into out (32 bytes), its length; 0 when x is
 * within 1e-6 of a tie (or not below 1e7) and printf must decide. Away
 * from a tie the double x * 100 (off the exact product by under 1e-8
 * there) rounds to the same integer as the exact product. */
static size_t
fixed2(char out[32], double x)
{
	double a = fabs(x) * 100;
	char d[24], *o = out;
	unsigned long n;
	int k = 0;

	if (!(a < 1e9) || fabs(a - floor(a) - 0.5) < 1e-6)
		return 0;
	n = (unsigned long)(a + 0.5);
	if (signbit(x))
		*o++ = '-';
	d[k++] = (char)('0' + n % 10);
	d[k++] = (char)('0' + n / 10 % 10);
	d[k++] = '.';
	n /= 100;
	do
		d[k++] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	while (k > 0)
		*o++ = d[--k];
	*o = '\0';
	return (size_t)(o - out);
}

/* Sets key to the string s, which is the same for many leads: the first
 * time as lq_rec_set_str does, then that same value, shared (*memo). */
static void
set_shared(json_t *rec, const char *key, const char *s, json_t **memo)
{
	if (*memo == NULL) {
		lq_rec_set_str(rec, key, s);
		*memo = json_incref(json_object_get(rec, key));
	} else {
		json_object_set(rec, key, *memo);
	}
}

static void
baseline(json_t *rec)
{
	static json_t *tiers[4], *version, *icp_str, *qualified;
	static struct lq_buf why = LQ_BUF_INIT;
	char num[32];
	size_t numlen;
	const char *tier;
	const char *model = lq_rec_str(rec, "embedding_model");
	json_t *comp;
	float *x;
	double c, nx = 0, xy = 0, score;
	size_t i, nv, bad;
	char err[200];
	int got = lq_rec_embedding(rec, &x, &nv, &bad, err, sizeof err);

	if (got == -1 || model == NULL) {
		free(x);
		lq_rec_fail(rec, "no_embedding", "%s: no embedding or embedding_model "
		    "(run embed before score --method baseline)", lq_rec_name(rec));
		return;
	}
	if (got < 0) {
		lq_rec_fail(rec, "bad_embedding", "%s: %s", lq_rec_name(rec), err);
		return;
	}
	if (base_emb == NULL)
		baseline_open(model);
	if (strcmp(model, base_model) != 0) {
		static int warned;

		free(x);
		if (!warned++)
			lq_warn("%s: embedding_model %s differs from %s of the first lead: "
			    "such leads fail (mixed_models)", lq_rec_name(rec), model, base_model);
		lq_rec_fail(rec, "mixed_models", "%s: embedding_model %s differs from %s of the "
		    "first lead; vectors of different models are never compared (score each model's "
		    "leads separately)", lq_rec_name(rec), model, base_model);
		return;
	}
	if (nv != (size_t)icp_dim) {
		free(x);
		lq_rec_fail(rec, "bad_embedding", "%s: embedding has %zu numbers, %s makes %d",
		    lq_rec_name(rec), nv, model, icp_dim);
		return;
	}
	if (bad != SIZE_MAX) {
		free(x);
		lq_rec_fail(rec, "bad_embedding", "%s: embedding[%zu] is not a finite number",
		    lq_rec_name(rec), bad);
		return;
	}
	/* the norm and the dot product in one loop: two sums that do not
	 * wait for each other, each added in the same order as before (four
	 * numbers a turn; the ICP's floats made doubles once) */
	for (i = 0; i + 4 <= (size_t)icp_dim; i += 4) {
		double a = x[i], b = x[i + 1], d = x[i + 2], f = x[i + 3];

		nx += a * a;
		xy += a * icp_vd[i];
		nx += b * b;
		xy += b * icp_vd[i + 1];
		nx += d * d;
		xy += d * icp_vd[i + 2];
		nx += f * f;
		xy += f * icp_vd[i + 3];
	}
	for (; i < (size_t)icp_dim; i++) {
		nx += (double)x[i] * x[i];
		xy += (double)x[i] * icp_vd[i];
	}
	c = nx > 0 ? xy / sqrt(nx) : 0;
	free(x);
	/* The original service: cosine 0.3..0.9 onto 30..100, clamped. */
	score = 30 + (c - 0.3) / 0.6 * 70;
	score = score < 30 ? 30 : score > 100 ? 100 : score;
	score = round_to(score, 1);
	json_object_set_new(rec, "icp_score", json_real(score));
	tier = lq_tier(score);
	set_shared(rec, "tier", tier, &tiers[(tier[0] - 'A') & 3]);
	comp = json_object();
	json_object_set_new(comp, "cosine", json_real(round_to(c, 4)));
	json_object_set_new(rec, "components", comp);
	/* "cosine %.2f between the profile and the ICP sentence (%s)" */
	lq_buf_reset(&why);
	lq_buf_add(&why, "cosine ", 7);
	if ((numlen = fixed2(num, c)) > 0)
		lq_buf_add(&why, num, numlen);
	else
		lq_buf_addf(&why, "%.2f", c);
	lq_buf_adds(&why, " between the profile and the ICP sentence (");
	lq_buf_adds(&why, model);
	lq_buf_addc(&why, ')');
	lq_rec_set_str(rec, "match_reasoning", why.data);
	set_shared(rec, "score_version", BASELINE_VERSION, &version);
	set_shared(rec, "icp", icp_name, &icp_str);
	set_shared(rec, "status", "qualified", &qualified);
}

/* ---- calibration (feedback fit, docs/feedback.md) ---------------------- */

static struct lq_calib *cal;
static char *cal_version;	/* structured_version()+cal-ID */

/* Loads the calibration at path for icp, or dies: a calibration that was
 * fitted on too few labels (exit 6), for another client, on another
 * version of the components, or on criteria this ICP does not have. */
static void
calibration_load(const char *path)
{
	struct lq_buf b = LQ_BUF_INIT;
	char err[512];
	int f[LQ_CF_N];
	size_t n = lq_calib_features_for_icp(icp, f), i, j;

	lq_read_file(path, (size_t)1 << 20, "a calibration file", &b);
	cal = lq_calib_parse(b.data ? b.data : "", b.len, path, err, sizeof err);
	lq_buf_free(&b);
	if (cal == NULL)
		lq_die(LQ_EXIT_FATAL, "%s", err);
	if (!lq_calib_enough(cal, err, sizeof err))
		lq_die(LQ_EXIT_TOO_FEW, "%s: refused: %s", path, err);
	/* The formula must be the same; another vocabulary moves only the
	 * company-size component of some leads: a warning, like another ICP
	 * version (none when the calibration names no vocabulary: fitted on
	 * records from before score_version carried it). */
	if (strncmp(cal->score_version, STRUCTURED_VERSION, strlen(STRUCTURED_VERSION)) != 0
	    || (cal->score_version[strlen(STRUCTURED_VERSION)] != '\0'
	    && strncmp(cal->score_version + strlen(STRUCTURED_VERSION), "+vocab:", 7) != 0))
		lq_die(LQ_EXIT_FATAL, "%s: fitted on components of %s, this score writes %s: fit it again "
		    "(feedback fit)", path, cal->score_version, structured_version());
	if (strcmp(cal->client, icp->client) != 0)
		lq_die(LQ_EXIT_FATAL, "%s: a calibration for \"%s\", but the ICP is \"%s\"'s", path,
		    cal->client, icp->client);
	for (i = 0; i < cal->nfeat; i++) {
		for (j = 0; j < n && f[j] != cal->feat[i]; j++)
			;
		if (j == n)
			lq_die(LQ_EXIT_FATAL, "%s: weighs %s, which this ICP has no criterion for: fit it again "
			    "(feedback fit)", path, lq_calib_feature_name(cal->feat[i]));
	}
	if (n > cal->nfeat)
		lq_warn("%s: this ICP has criteria the calibration does not weigh (they count only "
		    "through the untuned score): fit it again when there is feedback", path);
	if (strcmp(cal->icp_hash, icp->hash) != 0)
		lq_warn("%s: fitted with another version of this ICP (%.12s, now %.12s)", path,
		    cal->icp_hash, icp->hash);
	if (strchr(cal->score_version, '+') && strcmp(cal->score_version, structured_version()) != 0)
		lq_warn("%s: fitted on components of %s, this score writes %s (another company-sizes "
		    "vocabulary): fit it again when there is feedback", path, cal->score_version,
		    structured_version());
	cal_version = lq_xasprintf("%s+cal-%s", structured_version(), cal->id);
}

/* Replaces the untuned *score of a lead (not knocked out) by the
 * calibrated one; notes both in comp and the reasoning. */
static void
calibrate(json_t *comp, double *score, struct lq_buf *why)
{
	double untuned = *score;
	char err[256];

	/* calibration_load checked the ICP gives every feature: a failure is a bug */
	if (lq_calib_apply(cal, untuned, comp, score, err, sizeof err) < 0)
		lq_die(LQ_EXIT_FATAL, "calibration: %s", err);
	*score = round_to(*score, 1);
	json_object_set_new(comp, "calibration", json_pack("{s:s,s:f}", "id", cal->id, "untuned", untuned));
	lq_buf_addf(why, "%scalibrated for %s (%s): untuned %.1f", why->len ? "; " : "", cal->client,
	    cal->id, untuned);
}

/* ---- structured ------------------------------------------------------- */

static struct lq_embedder *loc;	/* local encoder for short strings */
static const char *loc_id;
static int dim;

/* One ICP string: analysed title or industry, and its vector. */
struct crit {
	const char *s;
	struct lq_title t;
	unsigned groups;
	float *v;
};
static struct crit *titles, *excludes, *industries, *keywords;
/* The ICP's product category: the industry groups that at least half of
 * its keywords (two or more) name and one of its target industries names
 * too ("pet food", "dog treats", "cat food" beside "Pet Products"), or 0;
 * cat_target is that target industry. */
static unsigned icp_category;
/* every group the ICP's target industries name */
static unsigned target_groups;
/* each target title's weight: 1, or CHAMPION_WEIGHT (champion_weights) */
static double *tweight;
static size_t cat_target;
/* The language the ICP's notes are written in (lq_text_language), or
 * NULL: its keywords are taken to be in it. */
static const char *icp_lang;
/* kw_neutral[j]: keyword j is written in no language (a digit, or a word
 * of two or more capitals: "SOC 2", "CI/CD", "API"), so a profile in any
 * language can hold it. */
static unsigned char *kw_neutral;
/* titles holds the target titles, then the roles the notes name as
 * weighing in on the purchase (lq_notes_influencers) */
static size_t n_targets, n_titles;
static struct lq_strv all_titles;
/* the fields the ICP's notes say its buyer comes from
 * (lq_notes_background) */
static char **bg_fields;
static size_t n_bg_fields;
static struct lq_title *bg_titles;	/* lq_title_analyse of each field, made once */

/* Embeds n strings into a new array of n * dim floats; a string the
 * encoder failed on is a zero row. */
static float *
embed_strings(const char *const *s, size_t n)
{
	float *out;

	if (n == 0)
		return NULL;
	/* not zeroed here: lq_embedder_embed zeroes out first (dim is its
	 * lq_embedder_dim) */
	out = lq_xreallocarray(NULL, n * (size_t)dim, sizeof *out);
	if (lq_embedder_embed(loc, s, n, out, NULL) < 0)
		lq_die(LQ_EXIT_FATAL, "local encoder failed");
	return out;
}

static struct crit *
crit_new(const struct lq_strv *l, int as_title)
{
	struct crit *c = lq_xcalloc(l->n ? l->n : 1, sizeof *c);
	const char **s = lq_xcalloc(l->n ? l->n : 1, sizeof *s);

	for (size_t i = 0; i < l->n; i++) {
		c[i].s = l->v[i];
		if (as_title) {
			lq_title_analyse(l->v[i], &c[i].t);
			s[i] = c[i].t.canon;
		} else {
			c[i].groups = lq_industry_groups(l->v[i]);
			s[i] = l->v[i];
		}
	}
	float *v = embed_strings(s, l->n);
	for (size_t i = 0; i < l->n; i++)
		c[i].v = v + i * (size_t)dim;
	free(s);
	return c;
}

/* 1 if keyword k is written in no language: it has a digit, or a word of
 * two or more capital letters ("SOC 2", "CI/CD", "API", "IATF 16949"). */
static int
keyword_neutral(const char *k)
{
	int caps = 0;

	for (const char *p = k; *p; p++) {
		if (isdigit((unsigned char)*p))
			return 1;
		caps = isupper((unsigned char)*p) ? caps + 1 : 0;
		if (caps >= 2)
			return 1;
	}
	return 0;
}

/* The ICP's product category (icp_category) and the first target
 * industry that names it. When the ICP's titles are generic (founder,
 * CEO) what the company makes decides, and the keywords say what that
 * is: a group most of them name, which is also a target industry, is
 * the category the broader targets ("Consumer Goods", "Manufacturing")
 * are the sector of. */
static unsigned
category_of(size_t *target)
{
	unsigned cat = 0, inds = 0;
	size_t n = icp->target_keywords.n;
	unsigned *kg;

	if (n < 2)
		return 0;
	kg = lq_xcalloc(n, sizeof *kg);
	for (size_t j = 0; j < n; j++)
		kg[j] = lq_industry_groups(icp->target_keywords.v[j]);
	for (size_t j = 0; j < icp->target_industries.n; j++)
		inds |= industries[j].groups;
	for (unsigned b = 0; b < 32; b++) {
		size_t c = 0;

		if (!(inds & (1u << b)))
			continue;
		for (size_t j = 0; j < n; j++)
			c += (kg[j] >> b) & 1;
		if (c >= 2 && 2 * c >= n)
			cat |= 1u << b;
	}
	free(kg);
	/* of several, the narrowest: a group a target industry names without
	 * the others is the broad sector ("dog treats" are pet and consumer
	 * goods; "Consumer Goods" names consumer goods alone, so pet is the
	 * category) */
	if (cat & (cat - 1)) {
		unsigned narrow = cat;

		for (size_t j = 0; j < icp->target_industries.n; j++) {
			unsigned g = industries[j].groups & cat;

			if (g && g != cat)
				narrow &= ~g;
		}
		if (narrow)
			cat = narrow;
	}
	for (size_t j = 0; cat && j < icp->target_industries.n; j++)
		if (industries[j].groups & cat) {
			*target = j;
			break;
		}
	return cat;
}

/* 1 if every word of target title j (of three letters or more) starts a
 * word of the roles the notes name as weighing in (titles[n_targets..]):
 * "Warehouse Manager" among "Site-level warehouse and distribution centre
 * managers are strong champions". */
static int
notes_call_champion(size_t j)
{
	char *f = lq_fold(titles[j].s), *save = NULL;
	int all = n_titles > n_targets, any = 0;

	for (char *w = strtok_r(f, " ", &save); w && all; w = strtok_r(NULL, " ", &save)) {
		size_t wl = strlen(w);
		int met = 0;

		if (wl < 3)
			continue;
		any = 1;
		for (size_t k = n_targets; k < n_titles && !met; k++)
			for (const char *r = titles[k].s; r && *r && !met; r += strcspn(r, " "), r += *r == ' ')
				met = strncmp(r, w, wl) == 0;
		all = met;
	}
	free(f);
	return all && any;
}

/* tweight: CHAMPION_WEIGHT for a target title of manager level or below,
 * two or more levels under the most senior target title sharing its
 * function, or one the notes call a champion too, else 1. */
static void
champion_weights(void)
{
	tweight = lq_xcalloc(n_targets + 1, sizeof *tweight);
	for (size_t j = 0; j < n_targets; j++) {
		int top = -1;

		tweight[j] = 1;
		if (titles[j].t.level < 0 || titles[j].t.level > LQ_LEVEL_MANAGER)
			continue;
		if (notes_call_champion(j)) {
			tweight[j] = CHAMPION_WEIGHT;
			continue;
		}
		if (titles[j].t.fn == 0)
			continue;
		for (size_t k = 0; k < n_targets; k++)
			if ((titles[k].t.fn & titles[j].t.fn) && titles[k].t.level > top)
				top = titles[k].t.level;
		if (top - titles[j].t.level >= 2)
			tweight[j] = CHAMPION_WEIGHT;
	}
}

static void
structured_open(void)
{
	struct lq_embedder_opts o = { 0 };
	char err[1024];

	o.backend = "local";
	o.model_dir = model_dir;
	o.cache = cache;	/* titles and industries: a rerun reads their vectors (lq_embedder memoizes them within a run) */
	if ((loc = lq_embedder_open(&o, err, sizeof err)) == NULL)
		lq_die(LQ_EXIT_FATAL, "%s", err);
	loc_id = lq_embedder_model_id(loc);
	dim = lq_embedder_dim(loc);
	n_targets = icp->target_titles.n;
	all_titles.v = lq_xcalloc(n_targets + 1, sizeof *all_titles.v);
	for (size_t i = 0; i < n_targets; i++)
		all_titles.v[i] = lq_xstrdup(icp->target_titles.v[i]);
	all_titles.n = n_targets;
	if (n_targets) {
		char **inf;
		size_t ni = lq_notes_influencers(icp->notes, &inf);

		all_titles.v = lq_xreallocarray(all_titles.v, n_targets + ni + 1, sizeof *all_titles.v);
		for (size_t i = 0; i < ni; i++)
			all_titles.v[all_titles.n++] = inf[i];
		free(inf);
	}
	n_titles = all_titles.n;
	n_bg_fields = lq_notes_background(icp->notes, (const char *const *)icp->target_titles.v, n_targets,
	    &bg_fields);
	bg_titles = lq_xcalloc(n_bg_fields + 1, sizeof *bg_titles);
	for (size_t i = 0; i < n_bg_fields; i++)
		lq_title_analyse(bg_fields[i], &bg_titles[i]);
	titles = crit_new(&all_titles, 1);
	champion_weights();
	excludes = crit_new(&icp->exclude_titles, 1);
	industries = crit_new(&icp->target_industries, 0);
	keywords = crit_new(&icp->target_keywords, 0);
	icp_category = category_of(&cat_target);
	for (size_t j = 0; j < icp->target_industries.n; j++)
		target_groups |= industries[j].groups;
	if (icp->target_keywords.n) {
		char *f = lq_fold(icp->notes);

		icp_lang = lq_text_language(f);
		free(f);
		kw_neutral = lq_xcalloc(icp->target_keywords.n, 1);
		for (size_t j = 0; j < icp->target_keywords.n; j++)
			kw_neutral[j] = keyword_neutral(icp->target_keywords.v[j]);
	}
}

/* A lead while its window is scored. */
struct lead {
	json_t *rec;
	size_t ntitles;
	const char **title;		/* as the lead wrote them */
	struct lq_title *t;
	double *weight;			/* 1 for the primary role's title, SIDE_WEIGHT beside it */
	size_t primary;			/* index of the primary role's title */
	char *headline_title;
	const char *industry, *industry_src;
	char *profile_industry;		/* the profile's industry (profile.h), owned */
	char *company_words;		/* the company's own words that name its industry, owned */
	char *places;			/* the places its location names (lq_places), owned */
	char *where;			/* that location, owned */
	unsigned refine;		/* groups those words add to a LinkedIn industry they refine */
	unsigned clients;		/* groups its words name as its clients' ("for pet brands") */
	unsigned raw_add;		/* groups LinkedIn's own name adds to classify's label of it */
	char *raw_name;			/* ... that name, owned (NULL when it adds none) */
	int prose;			/* the profile has words beyond titles and headline */
	int linkedin;			/* the profile names a LinkedIn industry */
	const char *lang;		/* the language of its text (lq_text_language), or NULL */
	int stance;			/* lq_headline_stance */
	int bg;				/* the ICP's background: -1 unknown (no earlier position), 0 not
					   shown, else the field's index + 1 */
	char *bg_title;			/* the earlier title that shows it, or the first one; owned */
	const char *guess;		/* an encoder-only label too close to its runner-up, */
	char runner[LQ_LABEL_MAX_LEN + 1];	/* ... and that runner-up: the industry counts only as
					   far as both agree */
	size_t runner_vec;
	char *text;			/* lq_lead_text */
	long hc;			/* the company's head count (its LinkedIn range's middle, else
					   the text's), 0 unknown; read only for an ICP whose notes
					   want a range */
	char *folded;			/* lq_fold(text) */
	/* indices of this lead's strings in the window's vector array */
	size_t first_title, industry_vec, text_vec;
	int has_text_vec;
	const float *own_vec;		/* the lead's embedding when it is the local model's */
};

static const char *
nonempty(const char *s)
{
	return s && *s ? s : NULL;
}

/* The object json_pack("{s:X,...}") makes, its members' types in types
 * ('f' a double, 's' a string, 'S' a string or NULL for null as "s?",
 * 'b' an int as a boolean, 'i' an int, 'o' a json_t * whose reference it
 * takes, 'n' null, which takes no value), each value
 * after its key: the same members in the same order, and NULL wherever
 * json_pack gives NULL (a NULL string for 's', a string that is not
 * UTF-8, a real that is not finite). Without json_pack's reading of its
 * format for each object. */
static json_t *
members(const char *types, ...)
{
	json_t *o = json_object();
	int ok = o != NULL;
	va_list ap;

	va_start(ap, types);
	for (const char *t = types; *t; t++) {
		const char *k = va_arg(ap, const char *), *str;
		json_t *v = NULL;

		switch (*t) {
		case 'f':
			v = json_real(va_arg(ap, double));
			break;
		case 'b':
			v = json_boolean(va_arg(ap, int));
			break;
		case 'n':
			v = json_null();
			break;
		case 'i':
			v = json_integer(va_arg(ap, int));
			break;
		case 'o':
			v = va_arg(ap, json_t *);	/* taken, as json_pack's "o" */
			break;
		case 's':
		case 'S':
			str = va_arg(ap, const char *);
			v = str ? json_string(str) : *t == 'S' ? json_null() : NULL;
			break;
		}
		if (v == NULL || json_object_set_new(o, k, v) != 0)
			ok = 0;
	}
	va_end(ap);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* x as "%.2f" appended to b (fixed2, else printf). */
static void
add_f2(struct lq_buf *b, double x)
{
	char num[32];
	size_t n = fixed2(num, x);

	if (n > 0)
		lq_buf_add(b, num, n);
	else
		lq_buf_addf(b, "%.2f", x);
}

/* strcasestr(hay, needle) as glibc's, by tolower() on both sides: the
 * first place needle matches. Without strcasestr's set-up for each call
 * (the two-way search's factorization of the needle), which the short
 * texts here (a company's name, a sentence) cost many times over. */
static const char *
find_ci(const char *hay, const char *needle)
{
	static unsigned char lower[256];
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	static unsigned char alike[256][2], n_alike[256];
#endif
	const unsigned char *h = (const unsigned char *)hay, *n = (const unsigned char *)needle;

	if (lower['A'] == 0) {
		for (int c = 0; c < 256; c++)
			lower[c] = (unsigned char)tolower(c);
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
		/* alike[v]: the bytes whose lower case is v, when at most two */
		for (int c = 0; c < 256; c++)
			if (n_alike[lower[c]]++ < 2)
				alike[lower[c]][n_alike[lower[c]] - 1] = (unsigned char)c;
#endif
	}
	if (n[0] == '\0')
		return hay;
#if defined(__SSE2__) && !defined(LQ_NO_SIMD)
	/* sixteen bytes at a time past those whose lower case is not the
	 * needle's first; each one that is is tried below, in order */
	unsigned char v0 = lower[n[0]];

	if (n_alike[v0] <= 2) {
		const unsigned char *end = h + strlen(hay);
		__m128i a = _mm_set1_epi8((char)alike[v0][0]);
		__m128i b = _mm_set1_epi8((char)alike[v0][n_alike[v0] - 1]);

		while (end - h >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)h);
			unsigned m = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(w, a), _mm_cmpeq_epi8(w, b)));

			for (; m; m &= m - 1) {
				const unsigned char *q = h + __builtin_ctz(m);
				size_t k = 1;

				while (n[k] && lower[q[k]] == lower[n[k]])
					k++;
				if (n[k] == '\0')
					return (const char *)q;
			}
			h += 16;
		}
	}
#endif
	for (unsigned char c0 = lower[n[0]]; *h; h++)
		if (lower[*h] == c0) {
			size_t k = 1;

			while (n[k] && lower[h[k]] == lower[n[k]])
				k++;
			if (n[k] == '\0')
				return (const char *)h;
		}
	return NULL;
}

/* The company's name without its legal form ("Ennstal Getriebe GmbH" ->
 * "Ennstal Getriebe"), as people write it in their own text; NULL when
 * shorter than three bytes. Free it. */
static char *
company_core(const char *company)
{
	static const char *const forms[] = { " GmbH", " AG", " SE", " Ltd", " Inc", " LLC", " S.A.",
		" B.V.", " N.V.", " Sp. z", " a.s.", " s.r.o.", " AS", " AB", " Oy", " S.L.", " S.p.A.",
		" Kft", " Zrt", " A.Ş.", " plc", " SAS", " SARL", " ApS", " A/S", " SA", " S.r.l.", " Srl",
		" SpA", " Lda", " Ltda", " BV", " NV", " Pty", " LLP", " S.L.U.", " SLU", ",", " (" };
	char *c;

	if (company == NULL)
		return NULL;
	c = lq_xstrdup(company);
	for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
		char *q = (char *)find_ci(c, forms[i]);	/* "Miaou Mix inc." as "Inc" */
		size_t fl = strlen(forms[i]);

		if (q && q > c && (forms[i][0] == ',' || forms[i][1] == '(' || q[fl] == '\0' || q[fl] == ' ' ||
		    q[fl] == '.' || q[fl] == ','))
			*q = '\0';
	}
	if (strlen(c) < 3) {
		free(c);
		return NULL;
	}
	return c;
}

/* Whether a headline segment names a job title (a function or a
 * seniority). */
static int
names_title(const char *seg)
{
	struct lq_title t;
	int r;

	lq_title_analyse(seg, &t);
	r = t.fn != 0 || t.level >= 0;
	free(t.canon);
	return r;
}

/* The company's part of each headline segment that names one ("CFO at
 * Kvist, B2B payments", "CTO @ Nordlys AI"), each segment that holds
 * the company's name ("Kvist (B2B payments)"), and a segment right after
 * one of those that names no title ("CEO at Featherdb | serverless
 * Postgres for edge apps": what the company makes), joined by " | " into
 * b. core: company_core of the company's name, or NULL. */
static void
headline_companies(const char *headline, const char *core, const char *company, struct lq_buf *b)
{
	static const char *const at[] = { " at ", " @ ", "@", " chez ", " bei ", " bij ", " presso ",
		" na ", " en ", " hos ", " ved ", " w " };
	char *h = lq_xstrdup(headline), *seg, *save = NULL;
	int after = 0;

	/* "·" and "•" separate segments as "|" does: "CTO @ Pendulo · Advisor"
	 * names Pendulo, not Pendulo and the advisory role */
	for (char *q = h; *q; q++)
		if ((unsigned char)q[0] == 0xc2 && (unsigned char)q[1] == 0xb7)
			q[0] = '|', q[1] = ' ';
		else if ((unsigned char)q[0] == 0xe2 && (unsigned char)q[1] == 0x80 && (unsigned char)q[2] == 0xa2)
			q[0] = '|', q[1] = ' ', q[2] = ' ';
	for (seg = strtok_r(h, "|", &save); seg; seg = strtok_r(NULL, "|", &save)) {
		const char *best = NULL;
		size_t bl = 0;

		for (size_t i = 0; i < sizeof at / sizeof *at; i++) {
			const char *q = strstr(seg, at[i]);

			if (q && (best == NULL || q < best))
				best = q, bl = strlen(at[i]);
		}
		if (best && best[bl]) {
			if (b->len)
				lq_buf_adds(b, " | ");
			lq_buf_adds(b, best + bl);
			after = 1;
		} else if ((core && find_ci(seg, core)) || (after && !names_title(seg))) {
			if (b->len)
				lq_buf_adds(b, " | ");
			lq_buf_adds(b, seg);
			after = core && find_ci(seg, core);	/* a product only right after its company */
		} else if (!names_title(seg)) {
			after = 0;	/* a title between keeps it: "CFO @ Chmurex | Dyrektor Finansowy | SaaS" */
		}
	}
	free(h);
	/* A headline that names no company: the segments after the first
	 * (the title) that name an industry say where the person works
	 * ("Head of Engineering | B2B SaaS", "人事部長 | 製造業",
	 * "開発部長 | SaaSプロダクト開発とSRE"), unless they are of the past
	 * ("ex-Google", "formerly fintech") or of an interest ("B2B SaaS
	 * fan", "fintech investor": industries.vocab [interest]) or the person
	 * sells a service (a consultant's, an agency's headline lists the
	 * sectors it serves) */
	if (b->len || lq_headline_stance(headline) != LQ_STANCE_NONE || lq_practice_named(company))
		return;
	h = lq_xstrdup(headline);
	save = NULL;
	int first = 1;
	for (seg = strtok_r(h, "|", &save); seg; seg = strtok_r(NULL, "|", &save), first = 0) {
		if (first) {
			if (lq_practice_named(seg))
				break;
			continue;
		}
		if (lq_past_named_first(seg) || lq_interest_named(seg) || lq_company_groups(seg, NULL) == 0)
			continue;
		if (b->len)
			lq_buf_adds(b, " | ");
		lq_buf_adds(b, seg);
	}
	free(h);
}

/* 1 if sentence is about the person's own work ("At Kvist I lead
 * marketing", by the words of first-person.vocab): its function words are
 * duties, not the company's industry. */
static int
about_self(const char *sentence)
{
	char *f = lq_fold(sentence);
	int r = lq_about_self(f);

	free(f);
	return r;
}

/* The sentences of text that name the company (core: company_core) and
 * are not about the person's own work, joined by " | " into b: "Keystone
 * is a secrets manager developers like." says what the company does. */
static void
company_sentences(const char *text, const char *core, struct lq_buf *b)
{
	const char *p = text;

	if (text == NULL || core == NULL)
		return;
	while (*p) {
		size_t n = strcspn(p, ".!?\n");
		char *sent = lq_xstrndup(p, n);

		if (find_ci(sent, core) && !about_self(sent)) {
			if (b->len)
				lq_buf_adds(b, " | ");
			lq_buf_adds(b, sent);
		}
		free(sent);
		p += n;
		while (*p && strchr(".!?\n ", *p))
			p++;
	}
}

/* The lead's industry evidence, strongest first: the LinkedIn industry
 * (classify's label of it, else the name itself); the company's own words
 * (name, description, headline after "at"/"@") when they name an
 * industry; classify's label when the encoder matched it with a clear
 * margin. Else none: the industry is unknown (l->guess keeps a close
 * encoder label for the reasoning). */
static unsigned industry_groups(const char *name);

static void
industry_evidence(struct lead *l, json_t *rec, const struct lq_profile *pv)
{
	const char *ind = lq_rec_str(rec, "industry");
	const struct lq_profile p = *pv;	/* the lead's profile view (empty without a profile) */
	struct lq_buf b = LQ_BUF_INIT;
	int other = !nonempty(ind) || strcmp(ind, "Other") == 0;

	/* (the view is empty when the record has no profile object) */
	l->prose = nonempty(p.summary) || nonempty(p.company_description) || p.nskills > 0;
	for (size_t i = 0; i < p.npos; i++)
		l->prose |= nonempty(p.pos[i].description) != NULL;
	if (p.industry) {
		l->linkedin = 1;
		if (!other) {
			l->industry = ind;
			l->industry_src = "classify";
		} else {
			l->industry = l->profile_industry = lq_xstrdup(p.industry);
			l->industry_src = "profile";
		}
	}
	/* the company's own words: each text on its own, the first that names
	 * an industry */
	const char *name = lq_rec_str(rec, "name");
	const char *texts[5] = { p.company ? p.company : lq_rec_str(rec, "company"), p.company_description,
		NULL, NULL, NULL };
	/* how the person describes the company: "CFO of a B2B fintech" */
	struct lq_buf ew = LQ_BUF_INIT;
	const char *own[2] = { lq_rec_str(rec, "headline"), p.summary };
	for (size_t i = 0; i < 2; i++) {
		char *e = lq_employer_words(own[i]);

		if (e) {
			if (ew.len)
				lq_buf_adds(&ew, " | ");
			lq_buf_adds(&ew, e);
			free(e);
		}
	}
	texts[4] = ew.data;
	struct lq_buf sb = LQ_BUF_INIT;
	char *core = company_core(texts[0]);
	if (nonempty(lq_rec_str(rec, "headline"))) {
		headline_companies(lq_rec_str(rec, "headline"), core, texts[0], &b);
		texts[2] = b.data;
	}
	company_sentences(p.summary, core, &sb);
	texts[3] = sb.data;
	free(core);
	/* whom the company sells to, in its words or the person's: "sustainable
	 * packaging for pet brands", "I help restaurants fill tables" */
	for (size_t i = 0; i < 5; i++)
		l->clients |= lq_client_groups(texts[i]);
	l->clients |= lq_client_groups(lq_rec_str(rec, "headline")) | lq_client_groups(p.summary);
	/* every text that names an industry: "Robótica Ágil" and its "robot
	 * navigation software" say both */
	struct lq_buf cw = LQ_BUF_INIT;
	for (size_t i = 0; i < 5; i++)
		if (nonempty(texts[i]) && lq_company_groups(texts[i], name)) {
			if (cw.len)
				lq_buf_adds(&cw, " | ");
			lq_buf_adds(&cw, texts[i]);
		}
	if (cw.len) {
		l->company_words = lq_buf_detach(&cw);
		lq_utf8_cut(l->company_words, 300);
	}
	lq_buf_free(&cw);
	lq_buf_free(&b);
	lq_buf_free(&sb);
	lq_buf_free(&ew);
	if (l->industry) {
		/* LinkedIn's list is coarse (car renters are "Travel
		 * Arrangements"): the company's own words refine it when they
		 * add groups the same as or related to its own, or to classify's
		 * label of it ("Atlantique Rent": rental, beside travel's
		 * hospitality), or when its name says no industry of the
		 * lexicon ("Consumer Services"); words of an unrelated industry
		 * are not the company's */
		unsigned li = industry_groups(l->industry);
		unsigned cg = l->company_words ? lq_company_groups(l->company_words, name) : 0;

		unsigned raw = industry_groups(p.industry);	/* LinkedIn's own name, before classify */

		if ((cg & ~li) && (raw == 0 || lq_industry_lexsim(cg, raw) > 0 || lq_industry_lexsim(cg, li) > 0))
			l->refine = cg & ~li;
		/* classify's label is coarser than the LinkedIn name it read:
		 * "Medical Equipment Manufacturing" is Healthcare to it, medtech
		 * and manufacturing too to the lexicon; when the two share a
		 * group, what the name adds that is related to the label's
		 * counts (medtech beside health; not manufacturing, nor
		 * "Food and Beverage Manufacturing"'s hospitality beside
		 * manufacturing) */
		for (unsigned g = 0; (raw & li) && g < 32; g++)
			if ((raw & ~li & (1u << g)) && lq_industry_lexsim(1u << g, li) > 0)
				l->raw_add |= 1u << g;	/* related to the label's: medtech beside health */
		if (l->raw_add)
			l->raw_name = lq_xstrdup(p.industry);
		return;
	}
	if (l->company_words) {
		l->industry = l->company_words;
		l->industry_src = "company";
	}
	if (l->industry || other)
		return;
	double m = lq_class_margin(lq_rec_str(rec, "industry_reasoning"), l->runner, sizeof l->runner);
	l->industry = ind;
	l->industry_src = "classify";
	if (m >= 0 && m < ENCODER_MARGIN && l->runner[0])
		l->guess = ind;
	else
		l->runner[0] = '\0';
}

/* How a current position's employment type ranks as a main job: 0 full
 * time or unknown, 1 part time, freelance, seasonal, volunteer. */
static int
part_time(const char *et)
{
	static const char *const w[] = { "part time", "freelance", "seasonal", "volunteer",
		"internship", "apprenticeship", "teilzeit", "deltid", "osa aikainen" };
	char *f;
	int r = 0;

	if (et == NULL)
		return 0;
	f = lq_fold(et);
	for (size_t i = 0; i < LQ_NELEM(w) && !r; i++)
		r = lq_has_phrase(f, w[i]);
	free(f);
	return r;
}

/* A start date's rank: "2019-04" or "2019" compare as text; anything else
 * (no date, the actor's own words) ranks after every date. */
static const char *
start_key(const char *s)
{
	return s && strlen(s) >= 4 && s[0] >= '1' && s[0] <= '2' && s[1] >= '0' && s[1] <= '9' &&
	    s[2] >= '0' && s[2] <= '9' && s[3] >= '0' && s[3] <= '9' ? s : "9999";
}

/* What the lexicons say of a title (lq_title_analyse, lq_title_side),
 * kept by the title's text: a title that recurs among leads ("CEO",
 * "Founder") is analysed once. Both are functions of the text alone.
 * Bounded: at most memo_max() titles, then it starts over. */
#define TITLES_SLOTS 4096
#define MEMO_MAX (TITLES_SLOTS / 2)

/* How many entries each of score's run memos (titles analysed, industry groups, title
 * cosines) holds before it starts over: LQ_SCORE_MEMO, 1 to MEMO_MAX
 * (default MEMO_MAX). A smaller one bounds memory tighter; the tests use
 * it to start over often. Output is the same whatever the size. */
static size_t
memo_max(void)
{
	static size_t m;

	if (m == 0) {
		const char *e = getenv("LQ_SCORE_MEMO");
		char *end;
		long v;

		m = MEMO_MAX;
		if (e && *e) {
			errno = 0;
			v = strtol(e, &end, 10);
			if (errno || *end || v < 1 || v > MEMO_MAX)
				lq_warn("LQ_SCORE_MEMO: '%s' is not a number from 1 to %d; using %d", e, MEMO_MAX,
				    MEMO_MAX);
			else
				m = (size_t)v;
		}
	}
	return m;
}
static struct title_ent {
	char *s;	/* NULL: a free slot */
	struct lq_title t;
	int side;
} *titles_tab;
static size_t titles_n;

static struct title_ent *
title_of(const char *title)
{
	uint32_t h = 2166136261u, i;

	for (const unsigned char *p = (const unsigned char *)title; *p; p++)
		h = (h ^ *p) * 16777619u;
	h ^= h >> 15;
	if (titles_tab == NULL)
		titles_tab = lq_xcalloc(TITLES_SLOTS, sizeof *titles_tab);
	for (i = h & (TITLES_SLOTS - 1); titles_tab[i].s; i = (i + 1) & (TITLES_SLOTS - 1))
		if (strcmp(titles_tab[i].s, title) == 0)
			return &titles_tab[i];
	if (titles_n >= memo_max()) {
		for (size_t k = 0; k < TITLES_SLOTS; k++) {
			free(titles_tab[k].s);
			free(titles_tab[k].t.canon);
			titles_tab[k].s = NULL;
			titles_tab[k].t.canon = NULL;	/* the next start-over must not free it again */
		}
		titles_n = 0;
		for (i = h & (TITLES_SLOTS - 1); titles_tab[i].s; i = (i + 1) & (TITLES_SLOTS - 1))
			;
	}
	titles_tab[i].s = lq_xstrdup(title);
	lq_title_analyse(title, &titles_tab[i].t);
	titles_tab[i].side = lq_title_side(title);
	titles_n++;
	return &titles_tab[i];
}

/* lq_industry_groups kept by the name (LinkedIn's industry, classify's
 * label, the encoder's runner-up): a handful of names recur in every
 * list of leads. The groups are a function of the name and the
 * vocabularies alone. Bounded as title_of: at most memo_max() names,
 * then it starts over. */
static struct groups_ent {
	char *s;	/* NULL: a free slot */
	unsigned g;
} *groups_tab;
static size_t groups_n;

static unsigned
industry_groups(const char *name)
{
	uint32_t h = 2166136261u, i;

	if (name == NULL)
		return lq_industry_groups(name);
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = (h ^ *p) * 16777619u;
	h ^= h >> 15;
	if (groups_tab == NULL)
		groups_tab = lq_xcalloc(TITLES_SLOTS, sizeof *groups_tab);
	for (i = h & (TITLES_SLOTS - 1); groups_tab[i].s; i = (i + 1) & (TITLES_SLOTS - 1))
		if (strcmp(groups_tab[i].s, name) == 0)
			return groups_tab[i].g;
	if (groups_n >= memo_max()) {
		for (size_t k = 0; k < TITLES_SLOTS; k++) {
			free(groups_tab[k].s);
			groups_tab[k].s = NULL;
		}
		groups_n = 0;
		for (i = h & (TITLES_SLOTS - 1); groups_tab[i].s; i = (i + 1) & (TITLES_SLOTS - 1))
			;
	}
	groups_tab[i].s = lq_xstrdup(name);
	groups_tab[i].g = lq_industry_groups(name);
	groups_n++;
	return groups_tab[i].g;
}

/* The primary current role among the position titles l->title[0..npos):
 * a title that names no side role (board seat, advisor, investor, mentor,
 * EIR, volunteer) before one that does; then a full-time (or untyped)
 * position before a part-time, freelance or volunteer one; then the title
 * the headline names first; then the longest-running (earliest start);
 * then the profile's order. Every other title, and a headline title that
 * names a side role when the primary does not, keeps SIDE_WEIGHT. */
static void
pick_primary(struct lead *l, const struct lq_profile *pv, size_t npos, const char *hl)
{
	const struct lq_profile p = *pv;
	size_t i, k, best = 0;
	int *side = lq_xcalloc(l->ntitles + 1, sizeof *side), *pt = lq_xcalloc(npos + 1, sizeof *pt);
	size_t *at = lq_xcalloc(npos + 1, sizeof *at);
	const char **start = lq_xcalloc(npos + 1, sizeof *start);
	char *fh = lq_fold(hl ? hl : "");

	l->weight = lq_xcalloc(l->ntitles + 1, sizeof *l->weight);
	for (i = 0; i < l->ntitles; i++) {
		l->weight[i] = 1;
		side[i] = title_of(l->title[i])->side;
	}
	l->primary = 0;
	if (npos < 2 && l->ntitles == npos)
		goto done;
	for (i = 0; i < npos; i++) {
		char *ft = lq_fold(l->title[i]);
		const char *q = *ft ? strstr(fh, ft) : NULL;

		at[i] = q ? (size_t)(q - fh) : (size_t)-1;
		free(ft);
		start[i] = "9999";
		for (k = 0; k < p.npos; k++)
			if (p.pos[k].current && p.pos[k].title && strcmp(p.pos[k].title, l->title[i]) == 0) {
				pt[i] = part_time(p.pos[k].employment_type);
				start[i] = start_key(p.pos[k].start);
				break;
			}
	}
	for (i = 1; i < npos; i++) {
		int c = side[best] - side[i];

		if (c == 0)
			c = pt[best] - pt[i];
		if (c == 0)
			c = at[best] > at[i] ? 1 : at[best] < at[i] ? -1 : 0;
		if (c == 0)
			c = strcmp(start[best], start[i]) > 0;
		if (c > 0)
			best = i;
	}
	l->primary = best;
	for (i = 0; i < npos; i++)
		if (i != best)
			l->weight[i] = SIDE_WEIGHT;
	for (i = npos; i < l->ntitles; i++)
		if (side[i] && !side[best])
			l->weight[i] = SIDE_WEIGHT;
done:
	free(fh);
	free(side);
	free(pt);
	free(at);
	free(start);
}

/* Collects what the lead offers; returns 0 if it offers nothing at all. */
static int
lead_init(struct lead *l, json_t *rec, float **ownbuf)
{
	json_t *cur = json_object_get(rec, "current_job_titles");
	size_t i;

	struct lq_profile p;	/* read once: the titles, the industry and the text use it */

	memset(l, 0, sizeof *l);
	l->rec = rec;
	lq_profile_of(rec, &p);
	l->title = lq_xcalloc(json_array_size(cur) + 1, sizeof *l->title);
	for (i = 0; i < json_array_size(cur); i++) {
		const char *s = json_string_value(json_array_get(cur, i));

		if (nonempty(s))
			l->title[l->ntitles++] = s;
	}
	const char *hl = lq_rec_str(rec, "headline");
	size_t npos = l->ntitles;
	l->stance = nonempty(hl) ? lq_headline_stance(hl) : LQ_STANCE_NONE;
	/* The headline's title is read beside the position titles (the better
	 * one wins): it often gives the English title of a position in
	 * another language. Not a vendor's or recruiter's: theirs names whom
	 * they serve. */
	if (nonempty(hl) && (l->ntitles == 0 || l->stance == LQ_STANCE_NONE || l->stance == LQ_STANCE_LAPSED)) {
		l->headline_title = lq_headline_title(hl);
		for (i = 0; i < l->ntitles && *l->headline_title; i++)
			if (strcasecmp(l->title[i], l->headline_title) == 0)
				break;
		if (*l->headline_title && i == l->ntitles)
			l->title[l->ntitles++] = l->headline_title;
	}
	pick_primary(l, &p, npos, hl);
	l->t = lq_xcalloc(l->ntitles + 1, sizeof *l->t);
	for (i = 0; i < l->ntitles; i++) {
		l->t[i] = title_of(l->title[i])->t;
		l->t[i].canon = lq_xstrdup(l->t[i].canon);
		/* what the headline says of the person overrides the titles:
		 * retired, former, aspiring, a student; a recruiter */
		if (l->stance == LQ_STANCE_LAPSED)
			l->t[i].level = LQ_LEVEL_STUDENT;
		else if (l->stance == LQ_STANCE_RECRUITER)
			l->t[i].fn = LQ_FN_RECRUITING;
	}

	industry_evidence(l, rec, &p);
	/* the buyer's background the notes ask for, in the earlier positions */
	l->bg = -1;
	for (i = 0; n_bg_fields && i < p.npos && l->bg <= 0; i++)
		if (!p.pos[i].current && nonempty(p.pos[i].title)) {
			int m = lq_background_meets_analysed(p.pos[i].title, bg_fields, bg_titles, n_bg_fields);

			if (l->bg < 0 || m) {
				l->bg = m;
				free(l->bg_title);
				l->bg_title = lq_xstrdup(p.pos[i].title);
			}
		}
	if (icp_places || icp_no_places) {
		const char *at = lq_rec_str(rec, "location");
		const char *country = p.country;

		if (!nonempty(at))
			at = p.location;
		if (nonempty(at) && country && strstr(at, country) == NULL)
			l->where = lq_xasprintf("%s, %s", at, country);
		else
			l->where = lq_xstrdup(nonempty(at) ? at : country ? country : "");
		l->places = lq_places(l->where);
	}
	l->text = lq_lead_text_of(rec, &p, LQ_LEADTEXT_CAP_REMOTE);
	if (icp_hc_lo >= 0) {
		if (p.employees_lo > 0)
			l->hc = p.employees_hi > p.employees_lo ? (p.employees_lo + p.employees_hi) / 2 : p.employees_lo;
		else
			l->hc = lq_size_headcount(l->text, NULL, NULL);
	}
	lq_profile_free(&p);
	l->folded = lq_fold(l->text);
	l->lang = lq_text_language(l->folded);

	/* The lead's own vector serves as the profile text's when the local
	 * model made it. */
	const char *m = lq_rec_str(rec, "embedding_model");
	float *f = NULL;
	size_t nv = 0, bad;
	char err[200];

	if (m && strcmp(m, loc_id) == 0 && lq_rec_embedding(rec, &f, &nv, &bad, err, sizeof err) == 0 &&
	    nv == (size_t)dim) {
		double n = 0;

		for (i = 0; i < (size_t)dim; i++)
			n += (double)f[i] * f[i];
		if (n > 0 && isfinite(n)) {
			double r = sqrt(n);

			for (i = 0; i < (size_t)dim; i++)
				f[i] = (float)(f[i] / r);
			l->own_vec = f;
			*ownbuf = f;
		} else {
			free(f);
		}
	} else {
		free(f);
	}
	return l->ntitles > 0 || l->text[0] != '\0';
}

static void
lead_free(struct lead *l)
{
	for (size_t i = 0; i < l->ntitles; i++)
		free(l->t[i].canon);
	free(l->t);
	free(l->title);
	free(l->weight);
	free(l->headline_title);
	free(l->profile_industry);
	free(l->raw_name);
	free(l->company_words);
	free(l->bg_title);
	free(l->places);
	free(l->where);
	free(l->text);
	free(l->folded);
}

static double
cosmap(double c, double lo, double hi)
{
	double e = (c - lo) / (hi - lo);

	return e < 0 ? 0 : e > 1 ? 1 : e;
}

/* Similarity of an industry (its groups, its vector) to a target. */
static double
industry_sim(unsigned groups, const float *v, const struct crit *target)
{
	double lex = lq_industry_lexsim(groups, target->groups);
	double e = cosmap(dot(v, target->v, dim), 0.3, 0.8);

	return lex < 0 ? e : lex == 0 ? fmin(0.3, 0.5 * e) : fmax(lex, e);
}

static double
r2(double x)
{
	return round_to(x, 2);
}

/* The cosines of a title vector with every title of titles[] (the
 * targets, then the influencers: d[0..n_titles)) and every excluded
 * title's (d[n_titles..n_titles+nX)), kept by the vector's own
 * bytes: the same title in another lead has the same vector and needs no
 * second pass over it (titles repeat among leads: "CEO", "Founder").
 * A lookup compares the whole vector, so a hit is the same floats and the
 * same cosines, whatever made them. Bounded: at most memo_max() vectors,
 * then it starts over. */
#define DOTS_SLOTS TITLES_SLOTS
static struct dots_ent {
	float *v;	/* dim floats, NULL: a free slot */
	double *d;
} *dots_tab;
static size_t dots_n;

static uint32_t
dots_hash(const float *v)
{
	uint32_t h = 2166136261u;

	/* a few of the floats: two vectors this alike are compared whole */
	for (int i = 0; i < dim; i += dim / 16 > 0 ? dim / 16 : 1) {
		uint32_t w;

		memcpy(&w, &v[i], sizeof w);
		h = (h ^ w) * 16777619u;
	}
	return h ^ (h >> 15);
}

static void
dots_clear(void)
{
	for (size_t i = 0; dots_tab && i < DOTS_SLOTS; i++) {
		free(dots_tab[i].v);
		free(dots_tab[i].d);
		dots_tab[i].v = NULL;
		dots_tab[i].d = NULL;
	}
	dots_n = 0;
}

static const double *
title_dots(const float *lv)
{
	size_t nt = n_titles, nx = icp->exclude_titles.n, vb = (size_t)dim * sizeof *lv;
	uint32_t i;

	if (dots_tab == NULL)
		dots_tab = lq_xcalloc(DOTS_SLOTS, sizeof *dots_tab);
	for (i = dots_hash(lv) & (DOTS_SLOTS - 1); dots_tab[i].v; i = (i + 1) & (DOTS_SLOTS - 1))
		if (memcmp(dots_tab[i].v, lv, vb) == 0)
			return dots_tab[i].d;
	if (dots_n >= memo_max()) {
		dots_clear();
		for (i = dots_hash(lv) & (DOTS_SLOTS - 1); dots_tab[i].v; i = (i + 1) & (DOTS_SLOTS - 1))
			;
	}
	double *d = lq_xcalloc(nt + nx + 1, sizeof *d);
	for (size_t j = 0; j < nt; j++)
		d[j] = dot(lv, titles[j].v, dim);
	for (size_t j = 0; j < nx; j++)
		d[nt + j] = dot(lv, excludes[j].v, dim);
	dots_tab[i].v = lq_xmalloc(vb);
	memcpy(dots_tab[i].v, lv, vb);
	dots_tab[i].d = d;
	dots_n++;
	return d;
}

/* 1 if s names a band of company-sizes.bands ("mid-market"), not a kind
 * of company ("agency", "freelance"). */
static int
is_band(const char *s)
{
	const char *b;
	long lo, hi;

	for (size_t i = 0; (b = lq_size_band_at(i, &lo, &hi)) != NULL; i++)
		if (strcmp(b, s) == 0)
			return 1;
	return 0;
}

/* Scores one lead whose strings' vectors are in vec. */
static void
structured_one(struct lead *l, const float *vec)
{
	json_t *rec = l->rec, *comp = json_object();
	struct lq_buf why = LQ_BUF_INIT;
	double T = -1, C = 0, Cw = 0, score, tcos = -2;
	size_t i, j, bt = 0, btarget = 0;
	int knocked = 0;
	const float *textv = l->own_vec ? l->own_vec :
	    l->has_text_vec ? vec + l->text_vec * (size_t)dim : NULL;
	/* each title's best target similarity, for the exclusions */
	double *tbest = lq_xcalloc(l->ntitles + 1, sizeof *tbest);

	/* Title: best pair of a current title and a target title. */
	if (icp->target_titles.n) {
		T = 0;
		for (i = 0; i < l->ntitles; i++) {
			const double *d = title_dots(vec + (l->first_title + i) * (size_t)dim);

			for (j = 0; j < n_titles; j++) {
				double cs = d[j];
				double s = lq_title_sim(lq_title_lexsim(&l->t[i], &titles[j].t), cs) *
				    l->weight[i] * (j < n_targets ? tweight[j] : INFLUENCER_WEIGHT);

				if (s > tbest[i])
					tbest[i] = s;
				/* ties go to the closer wording */
				if (s > T || (s == T && cs > tcos)) {
					T = s;
					tcos = cs;
					bt = i;
					btarget = j;
				}
			}
		}
		if (l->ntitles) {
			json_object_set_new(comp, "title", members("fss", "value", r2(T),
			    "lead", l->title[bt], "target", titles[btarget].s));
			lq_buf_adds(&why, l->title[bt]);
			lq_buf_adds(&why, " ~ ");
			lq_buf_adds(&why, titles[btarget].s);
			lq_buf_adds(&why, " (");
			add_f2(&why, T);
			lq_buf_addc(&why, ')');
			if (l->weight[bt] < 1)
				lq_buf_addf(&why, " (a side role beside %s)", l->title[l->primary]);
			if (btarget < n_targets && tweight[btarget] < 1) {
				json_object_set_new(json_object_get(comp, "title"), "champion", json_true());
				lq_buf_addf(&why, " (a champion's target, not the buyer's: x %.2f)", CHAMPION_WEIGHT);
			}
			if (btarget >= n_targets) {
				json_object_set_new(json_object_get(comp, "title"), "influencer", json_true());
				lq_buf_addf(&why, " (a role the notes name as weighing in: x %.1f)", INFLUENCER_WEIGHT);
			}
		} else {
			json_object_set_new(comp, "title", members("fnn", "value", 0.0,
			    "lead", "target"));
			lq_buf_adds(&why, "no current title");
		}
	}

	/* Excluded titles: a knock-out when the best title (or every title)
	 * is an excluded one rather than a target: a title closer to a target
	 * than to any exclusion is not an excluded one ("Revenue Manager" is
	 * a target, not the "Commercial" it shares a function with). */
	if (icp->exclude_titles.n && l->ntitles) {
		double best_ex = 0, ex_of_best = 0;
		size_t bx = 0, bxl = 0, n_ex = 0;

		for (i = 0; i < l->ntitles; i++) {
			double m = 0;
			size_t mk = 0;
			const double *d = title_dots(vec + (l->first_title + i) * (size_t)dim);

			for (j = 0; j < icp->exclude_titles.n; j++) {
				double s = lq_title_sim(lq_title_lexsim(&l->t[i], &excludes[j].t),
				    d[n_titles + j]);
				if (s > m)
					m = s, mk = j;
			}
			if (m >= EXCLUDE_SIM && m >= tbest[i])
				n_ex++;
			if (i == bt)
				ex_of_best = m;
			if (m > best_ex)
				best_ex = m, bx = mk, bxl = i;
		}
		if (T < 0)
			T = 0, bt = bxl;
		knocked = (ex_of_best >= EXCLUDE_SIM && ex_of_best >= T) || n_ex == l->ntitles;
		json_object_set_new(comp, "exclude", members("bfss", "knocked_out", knocked,
		    "value", r2(best_ex), "lead", l->title[bxl], "excluded", excludes[bx].s));
		if (knocked) {
			struct lq_buf k = LQ_BUF_INIT;

			lq_buf_addf(&k, "excluded: %s ~ %s (%.2f)%s", l->title[bxl], excludes[bx].s,
			    best_ex, why.len ? "; " : "");
			lq_buf_add(&k, why.data, why.len);
			lq_buf_free(&why);
			why = k;
		}
	}

	/* Industry: unknown without evidence (industry_evidence). */
	if (icp->target_industries.n) {
		double I = 0;
		size_t bi = 0;
		/* the lead's groups, the same against every target */
		unsigned lg = !l->industry ? 0 : strcmp(l->industry_src, "company") == 0 ?
		    lq_company_groups(l->industry, lq_rec_str(rec, "name")) :
		    industry_groups(l->industry) | l->refine | l->raw_add;
		unsigned rg = l->industry && l->guess ? industry_groups(l->runner) : 0;

		for (j = 0; l->industry && j < icp->target_industries.n; j++) {
			double s = industry_sim(lg, vec + l->industry_vec * (size_t)dim, &industries[j]);

			/* an encoder guess close to its runner-up: what both say */
			if (l->guess)
				s = fmin(s, industry_sim(rg, vec + l->runner_vec * (size_t)dim, &industries[j]));
			if (s > I || j == 0)
				I = s, bi = j;
		}
		/* the company's own words name what it makes: another category
		 * than the ICP's (neither it nor a related one) is evidence
		 * against, whatever the broad industry ("Consumer Goods") says */
		unsigned cg = icp_category && l->company_words ?
		    lq_company_groups(l->company_words, lq_rec_str(rec, "name")) : 0;
		int off_cat = cg && lq_industry_lexsim(cg, icp_category) == 0;

		if (off_cat)
			I = 0, bi = cat_target;
		/* When the company's kind decides (a general-management title,
		 * or an ICP whose product category decides), LinkedIn's industry
		 * alone, no word of the company's own naming one, is a coarse
		 * label of its sector: partial evidence, at most COARSE_ALONE. */
		int coarse = l->linkedin && !l->company_words && I > COARSE_ALONE &&
		    (icp_category || (l->ntitles && lq_title_general(&l->t[bt])));

		if (coarse)
			I = COARSE_ALONE;
		/* a supplier to the ICP's category (with none, to its target
		 * industries): its words name them as its clients' ("packaging
		 * for pet brands"), neither they nor its industry as its own */
		unsigned want = icp_category ? icp_category : target_groups;
		unsigned own = lg | (l->company_words ? lq_company_groups(l->company_words, lq_rec_str(rec, "name")) : 0);
		int supplier = (l->clients & want) && lq_industry_lexsim(own, want) <= 0 && !off_cat;

		if (supplier) {
			I = 0;
			for (j = 0; j < icp->target_industries.n; j++)
				if (industries[j].groups & l->clients & want) {
					bi = j;
					break;
				}
		}
		if (why.len)
			lq_buf_adds(&why, "; ");
		if (supplier && (!l->industry || (l->guess && I < GUESS_AGREE))) {
			/* no industry of its own known: whom it sells to is the evidence */
			Cw += W_INDUSTRY;
			json_object_set_new(comp, "industry", members("fnss", "value", 0.0,
			    "lead", "target", industries[bi].s, "source", "company"));
			json_object_set_new(json_object_get(comp, "industry"), "supplier", json_true());
			lq_buf_addf(&why, "industry: a supplier to %s (its words name it as its clients', not its own) (0.00)",
			    industries[bi].s);
		} else if (l->guess && I < GUESS_AGREE) {
			/* the two say different things: no evidence either way */
			json_object_set_new(comp, "industry", members("nnnsss", "value",
			    "lead", "target", "source", "none", "guess", l->guess, "runner_up", l->runner));
			lq_buf_addf(&why, "industry unknown (not counted; the encoder's guess %s is too close "
			    "to %s)", l->guess, l->runner);
		} else if (l->industry) {
			C += W_INDUSTRY * I;
			Cw += W_INDUSTRY;
			json_object_set_new(comp, "industry", members("fsss", "value", r2(I),
			    "lead", l->industry, "target", industries[bi].s, "source", l->industry_src));
			if (l->guess) {
				json_object_set_new(json_object_get(comp, "industry"), "runner_up", json_string(l->runner));
				lq_buf_addf(&why, "%s or %s (the encoder's guess, as far as both agree) ~ %s (%.2f)",
				    l->industry, l->runner, industries[bi].s, I);
			} else if (l->refine) {
				json_object_set_new(json_object_get(comp, "industry"), "company",
				    json_string(l->company_words));
				lq_buf_addf(&why, "%s + company: %s ~ %s (%.2f)", l->industry, l->company_words,
				    industries[bi].s, I);
			} else {
				if (strcmp(l->industry_src, "company") == 0)
					lq_buf_adds(&why, "company: ");
				lq_buf_adds(&why, l->industry);
				if (l->raw_name) {
					lq_buf_addf(&why, " (LinkedIn: %s)", l->raw_name);
					json_object_set_new(json_object_get(comp, "industry"), "linkedin",
					    json_string(l->raw_name));
				}
				lq_buf_adds(&why, " ~ ");
				lq_buf_adds(&why, industries[bi].s);
				lq_buf_adds(&why, " (");
				add_f2(&why, I);
				lq_buf_addc(&why, ')');
			}
			if (supplier) {
				json_object_set_new(json_object_get(comp, "industry"), "supplier", json_true());
				lq_buf_addf(&why, " (a supplier to %s: its words name it as its clients', not its own)",
				    industries[bi].s);
			}
			if (coarse) {
				json_object_set_new(json_object_get(comp, "industry"), "coarse", json_true());
				lq_buf_addf(&why, " (LinkedIn's industry alone, no word of the company's: at most %.2f)",
				    COARSE_ALONE);
			}
			if (off_cat) {
				json_object_set_new(json_object_get(comp, "industry"), "off_category", json_true());
				if (!l->refine && strcmp(l->industry_src, "company") != 0)
					json_object_set_new(json_object_get(comp, "industry"), "company",
					    json_string(l->company_words));
				lq_buf_addf(&why, " (the company's words name another category than %s)",
				    industries[cat_target].s);
			}
		} else {
			json_object_set_new(comp, "industry", members("nnns", "value",
			    "lead", "target", "source", "none"));
			lq_buf_adds(&why, "industry unknown (not counted)");
		}
	}

	/* Company type against the wanted sizes. */
	if (icp->company_sizes.n) {
		const char *have = lq_rec_str(l->rec, "company_type"), *src = "classify", *ev = NULL;
		double S = -1;

		if (!nonempty(have) || strcmp(have, "unknown") == 0) {
			have = lq_company_signal_folded(l->text, l->folded, &ev);
			src = "signal";
		}
		for (j = 0; have && j < icp->company_sizes.n; j++)
			S = fmax(S, lq_size_sim(have, icp->company_sizes.v[j]));
		/* a head count far from the one the notes want is not the size,
		 * when the company is no kind apart from its size (an agency, a
		 * freelance: company-sizes.kinds) */
		int far = 0;	/* the notes' range changed the band's value: said below */
		if (icp_hc_lo >= 0 && l->hc > 0 && (!have || is_band(have)) &&
		    (l->hc > HC_FAR * icp_hc_hi || l->hc * HC_FAR < icp_hc_lo)) {
			if (!have && (have = lq_size_band(l->hc)) != NULL)
				src = "signal", ev = "head count";
			if (have) {
				far = S != 0;
				S = 0;
			}
		}
		if (why.len)
			lq_buf_adds(&why, "; ");
		if (S < 0) {
			json_object_set_new(comp, "company_type", members("nssn", "value",
			    "lead", "unknown", "source", "none", "signal"));
			lq_buf_adds(&why, "company size unknown (not counted)");
		} else {
			C += W_COMPANY * S;
			Cw += W_COMPANY;
			json_object_set_new(comp, "company_type", members("fssS", "value", r2(S),
			    "lead", have, "source", src, "signal", ev));
			lq_buf_adds(&why, have);
			if (far) {
				json_object_set_new(json_object_get(comp, "company_type"), "headcount", json_integer(l->hc));
				lq_buf_addf(&why, " (%ld staff: far from the notes' %ld-%ld)", l->hc, icp_hc_lo,
				    icp_hc_hi);
			}
		}
	}

	/* Keywords: whole words in the text, or close to it in meaning. */
	if (icp->target_keywords.n) {
		json_t *found = json_array(), *near = json_array();
		double credit = 0, K;
		int foreign, known;
		size_t full = icp->target_keywords.n < KEYWORDS_FULL ? icp->target_keywords.n : KEYWORDS_FULL;
		size_t readable = 0;	/* keywords a text in any language can hold, or does */

		for (j = 0; j < icp->target_keywords.n; j++) {
			if (lq_has_phrase(l->folded, keywords[j].s)) {
				credit += 1;
				json_array_append_new(found, json_string(keywords[j].s));
				readable++;
			} else if (textv && dot(textv, keywords[j].v, dim) >= KEYWORD_COS) {
				credit += 0.5;
				json_array_append_new(near, json_string(keywords[j].s));
				readable++;
			} else if (kw_neutral[j]) {
				readable++;
			}
		}
		/* A profile written in another language than the ICP cannot hold
		 * the ICP's keywords as written ("pet food" in a German profile):
		 * only those of no language count there (a code or a number:
		 * "SOC 2", "CI/CD", "IATF 16949"), and the ones it holds. */
		foreign = icp_lang && l->lang && strcmp(icp_lang, l->lang) != 0;
		if (foreign)
			full = readable < KEYWORDS_FULL ? readable : KEYWORDS_FULL;
		K = full ? fmin(1, credit / (double)full) : 0;
		/* A profile of a title and a headline cannot say a keyword's
		 * absence, nor can one in another language with no readable
		 * keyword, unless nothing else about the company is known: the
		 * context then keeps the keywords' 0 rather than rest on no
		 * evidence at all. */
		known = credit > 0 || (l->prose && (full > 0 || Cw == 0));
		if (known) {
			C += W_KEYWORDS * K;
			Cw += W_KEYWORDS;
		}
		if (json_array_size(found) || json_array_size(near)) {
			if (why.len)
				lq_buf_adds(&why, "; ");
			lq_buf_adds(&why, "keywords: ");
			for (j = 0; j < json_array_size(found); j++)
				lq_buf_addf(&why, "%s%s", j ? ", " : "", json_string_value(json_array_get(found, j)));
			for (j = 0; j < json_array_size(near); j++)
				lq_buf_addf(&why, "%s~%s", j || json_array_size(found) ? ", " : "",
				    json_string_value(json_array_get(near, j)));
		}
		json_object_set_new(comp, "keywords", members("ooo", "value",
		    known ? json_real(r2(K)) : json_null(), "found", found, "similar", near));
		if (!known) {
			if (why.len)
				lq_buf_adds(&why, "; ");
			if (l->prose)
				lq_buf_addf(&why, "keywords unknown (the profile is in %s, the ICP in %s; not counted)",
				    l->lang, icp_lang);
			else
				lq_buf_adds(&why, "keywords unknown (no profile text beyond the titles; not counted)");
		}
	}

	/* Background: what the lead did before, against where the notes say
	 * the buyer comes from; no earlier position is no evidence. */
	if (n_bg_fields) {
		if (why.len)
			lq_buf_adds(&why, "; ");
		if (l->bg >= 0) {
			C += W_BACKGROUND * (l->bg > 0);
			Cw += W_BACKGROUND;
			json_object_set_new(comp, "background", members("isS", "value", l->bg > 0,
			    "lead", l->bg_title, "field", l->bg > 0 ? bg_fields[l->bg - 1] : NULL));
			if (l->bg > 0)
				lq_buf_addf(&why, "background: %s ~ %s", l->bg_title, bg_fields[l->bg - 1]);
			else
				lq_buf_addf(&why, "background: %s, not %s", l->bg_title, bg_fields[0]);
		} else {
			json_object_set_new(comp, "background", members("nnn", "value", "lead", "field"));
			lq_buf_adds(&why, "background unknown (no earlier position; not counted)");
		}
	}

	if (l->stance == LQ_STANCE_VENDOR && T > VENDOR_TITLE_MAX) {
		T = VENDOR_TITLE_MAX;
		if (why.len)
			lq_buf_adds(&why, "; ");
		lq_buf_addf(&why, "the headline sells a service (title at most %.2f)", VENDOR_TITLE_MAX);
		json_object_set_new(json_object_get(comp, "title"), "value", json_real(r2(T)));
	}
	if (icp->target_titles.n == 0)
		T = -1;
	/* A general-management title (owner, founder, CEO, managing director,
	 * COO, head of operations) is found in every kind of company: with
	 * nothing known about the company, the title cannot say it is the
	 * ICP's kind, so the context is neutral rather than left out. */
	if (T >= 0 && Cw == 0 && l->ntitles && lq_title_general(&l->t[bt]) &&
	    (icp->target_industries.n || icp->company_sizes.n || icp->target_keywords.n)) {
		C = GENERAL_NEUTRAL;
		Cw = 1;
		json_object_set_new(comp, "context_neutral", json_true());
		if (why.len)
			lq_buf_adds(&why, "; ");
		lq_buf_addf(&why, "nothing known about the company of a general-management title (context %.1f)",
		    GENERAL_NEUTRAL);
	}
	if (Cw > 0)
		C /= Cw;
	if (T >= 0 && Cw > 0)
		score = T * (CONTEXT_FLOOR + (1 - CONTEXT_FLOOR) * C);
	else if (T >= 0)
		score = T;	/* no context criterion, or none with evidence */
	else
		score = C;
	if ((icp_places || icp_no_places) && l->places) {
		/* in: one of the places the ICP names, or, when it names only
		 * places it excludes, none of those */
		int in = icp_places ? lq_places_meet(l->places, icp_places) :
		    !lq_places_meet(l->places, icp_no_places);
		int no = !in && lq_places_meet(l->places, icp_no_places);

		json_object_set_new(comp, "place", members("bs", "in", in, "lead", l->where));
		if (places_from_regions)
			json_object_set_new(json_object_get(comp, "place"), "source", json_string("regions"));
		if (!in) {
			score *= PLACE_OUT;
			if (no)
				json_object_set_new(json_object_get(comp, "place"), "excluded", json_true());
			if (why.len)
				lq_buf_adds(&why, "; ");
			if (places_from_regions)
				lq_buf_addf(&why, "location %s: %s (score x %.1f)", l->where, no ?
				    "in a region the ICP excludes" : "outside the ICP's regions", PLACE_OUT);
			else
				lq_buf_addf(&why, "%s: %s (score x %.1f)", l->where, no ? "a place the ICP excludes" :
				    "outside the places the ICP names", PLACE_OUT);
		} else if (places_from_regions) {
			if (why.len)
				lq_buf_adds(&why, "; ");
			lq_buf_addf(&why, "location %s: %s", l->where, icp_places ? "in the ICP's regions" :
			    "not in a region the ICP excludes");
		}
	} else if (places_from_regions && (icp_places || icp_no_places) && l->where && l->where[0]) {
		if (why.len)
			lq_buf_adds(&why, "; ");
		lq_buf_addf(&why, "location %s: no country lq knows (region not counted)", l->where);
	}
	score = round_to(100 * score, 1);
	free(tbest);
	if (cal && !knocked)
		calibrate(comp, &score, &why);
	if (knocked && score > KNOCKOUT_CAP)
		score = KNOCKOUT_CAP;
	json_object_set_new(rec, "icp_score", json_real(score));
	lq_rec_set_str(rec, "tier", lq_tier(score));
	json_object_set_new(rec, "components", comp);
	lq_rec_set_str(rec, "match_reasoning", why.len ? why.data : "no evidence");
	lq_rec_set_str(rec, "score_version", cal ? cal_version : structured_version());
	lq_rec_set_str(rec, "icp", icp_name);
	lq_rec_set_status(rec, "qualified");
	lq_buf_free(&why);
}

/* Scores a window of records (failed ones untouched) and writes them. */
static void
structured_window(json_t **recs, size_t n)
{
	struct lead *l = lq_xcalloc(n, sizeof *l);
	float **own = lq_xcalloc(n, sizeof *own);
	int *use = lq_xcalloc(n, sizeof *use);
	size_t ns = 0, cap = 16, i, k;
	const char **s = lq_xreallocarray(NULL, cap, sizeof *s);

#define PUSH(str) do { if (ns == cap) s = lq_xreallocarray(s, cap *= 2, sizeof *s); s[ns++] = (str); } while (0)
	for (i = 0; i < n; i++) {
		if (lq_rec_failed(recs[i]) || lq_need_tripped())	/* only failed ones come before a trip */
			continue;
		if (!lead_init(&l[i], recs[i], &own[i])) {
			lq_rec_fail(recs[i], "no_profile_text", "%s: no title, headline or profile to score",
			    lq_rec_name(recs[i]));
			lead_free(&l[i]);
			continue;
		}
		use[i] = 1;
		l[i].first_title = ns;
		for (k = 0; k < l[i].ntitles; k++)
			PUSH(l[i].t[k].canon);
		l[i].industry_vec = ns;
		if (l[i].industry)
			PUSH(l[i].industry);
		l[i].runner_vec = ns;
		if (l[i].guess)
			PUSH(l[i].runner);
		if (!l[i].own_vec && l[i].text[0] &&
		    icp->target_keywords.n) {
			char *t = lq_xstrdup(l[i].text);

			lq_utf8_cut(t, LQ_LEADTEXT_CAP_LOCAL);
			free(l[i].text);
			l[i].text = t;
			l[i].text_vec = ns;
			l[i].has_text_vec = 1;
			PUSH(l[i].text);
		}
	}
#undef PUSH
	float *vec = embed_strings(s, ns);
	for (i = 0; i < n; i++) {
		if (use[i]) {
			structured_one(&l[i], vec);
			lead_free(&l[i]);
		}
		free(own[i]);
		lq_write(recs[i]);
		json_decref(recs[i]);
		lq_progress();
	}
	free(vec);
	free(s);
	free(use);
	free(own);
	free(l);
}

int
main(int argc, char **argv)
{
	const char *arg, *method = getenv("LQ_SCORE_METHOD"), *cal_path = NULL;
	int c, refresh = 0;

	lq_init(argv[0]);
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case OPT_METHOD:
			method = arg;
			break;
		case OPT_MODEL_DIR:
			model_dir = arg;
			break;
		case OPT_REFRESH:
			refresh = 1;
			break;
		case OPT_SLIM:
			lq_write_omit(lq_slim_keys);
			break;
		case OPT_CALIBRATION:
			cal_path = arg;
			break;
		default:
			lq_usage(&cmd);
		}
	}
	if (method && *method) {
		if (strcmp(method, "baseline") == 0)
			structured = 0;
		else if (strcmp(method, "structured") != 0)
			lq_die(LQ_EXIT_USAGE, "--method: unknown method '%s' (baseline or structured)", method);
	}
	if (optind != argc - 1)
		lq_usage(&cmd);
	if (cal_path && !structured)
		lq_die(LQ_EXIT_USAGE, "--calibration weighs the structured method's components, not the baseline's");
	icp = lq_icp_load(argv[optind]);
	if (icp->conflicts.n)	/* once, not per lead */
		lq_warn("%s: %zu unresolved conflict%s, e.g. %s: a title in both lists knocks leads out, "
		    "the _exclude_ lists are not scored; `lq icp check %s` lists them", argv[optind],
		    icp->conflicts.n, icp->conflicts.n == 1 ? "" : "s", icp->conflicts.v[0], argv[optind]);
	if (icp->client[0])
		icp_name = icp->client;
	else
		icp_name = strrchr(argv[optind], '/') ? strrchr(argv[optind], '/') + 1 : argv[optind];
	if (cal_path)
		calibration_load(cal_path);
	cache = lq_cache_open(NULL);
	lq_cache_set_refresh(cache, refresh);
	if (structured) {
		/* the ICP's regions, when it has the key, say where it sells;
		 * else its notes and exclusions (docs/icp.md) */
		if (icp->company_sizes.n && !lq_size_range(icp->notes, &icp_hc_lo, &icp_hc_hi))
			icp_hc_lo = icp_hc_hi = -1;
		if (icp->has_regions)
			icp_places = lq_places_regions(icp->regions_include.v, icp->regions_include.n,
			    icp->regions_exclude.v, icp->regions_exclude.n, &icp_no_places);
		else
			icp_places = lq_places_split(icp->notes, icp->exclude_titles.v, icp->exclude_titles.n,
			    &icp_no_places);
		places_from_regions = icp->has_regions;
		structured_open();
	}

	struct lq_reader *r = lq_reader_new(stdin, "<stdin>");
	json_t *rec, *win[WINDOW];
	size_t n = 0;

	/* A card's headline alone scores wrong; the baseline method also
	 * needs embed's vector. */
	lq_need(structured ? LQ_NEED_PROFILE : LQ_NEED_EMBEDDING, 0);
	while ((rec = lq_reader_next(r)) != NULL) {
		/* Once the input is found unscraped, the rest passes on as it came. */
		int work = lq_need_check(r, rec);

		if (!structured) {
			if (work && !lq_rec_failed(rec))
				baseline(rec);
			lq_write(rec);
			json_decref(rec);
			lq_progress();
			continue;
		}
		win[n++] = rec;
		if (n == WINDOW) {
			structured_window(win, n);
			n = 0;
		}
	}
	if (n)
		structured_window(win, n);
	lq_reader_free(r);
	lq_summary_add("method %s", structured ? "structured" : "baseline");
	if (cal)
		lq_summary_add("calibration %s for %s", cal->id, cal->client);
	if (structured) {
		free(titles ? titles[0].v : NULL);
		free(excludes ? excludes[0].v : NULL);
		free(industries ? industries[0].v : NULL);
		free(keywords ? keywords[0].v : NULL);
		for (size_t i = 0; i < n_titles; i++) {
			free(titles[i].t.canon);
			free(all_titles.v[i]);
		}
		free(all_titles.v);
		for (size_t i = 0; i < icp->exclude_titles.n; i++)
			free(excludes[i].t.canon);
		free(titles);
		free(excludes);
		free(industries);
		free(keywords);
		lq_embedder_free(loc);
	}
	if (base_emb)
		lq_embedder_free(base_emb);
	free(icp_vec);
	free(base_model);
	lq_icp_free(icp);
	lq_calib_free(cal);
	free(cal_version);
	lq_cache_close(cache);
	return lq_finish();
}
