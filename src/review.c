/* review.c: scored leads as one self-contained HTML page to review, or served on 127.0.0.1 with every judgment logged. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <pthread.h>
#include <pwd.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "base64.h"
#include "diag.h"
#include "explain.h"
#include "feedback.h"
#include "icp.h"
#include "ndjson.h"
#include "need.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "sha256.h"
#include "util.h"

/* The page's script and style (src/review.js, src/review.css), as C
 * strings made by the Makefile. */
#include "review-assets.h"

enum {
	OPT_BLIND = 256, OPT_CLIENT, OPT_MIN_TIER, OPT_PORT, OPT_REVIEWER, OPT_SERVE
};

/* The largest body read (and discarded) before a 413; larger declared
 * lengths are refused unread. */
#define DRAIN_MAX (4 << 20)

static const struct lq_option options[] = {
	{ "blind", OPT_BLIND, NULL, "open in blind mode: random order, no scores" },
	{ "client", OPT_CLIENT, "NAME", "the client named on the page and in feedback (default: the ICP's)" },
	{ "feedback", 'f', "FILE", "with --serve: the feedback log to append to (default feedback.ndjson)" },
	{ "min-tier", OPT_MIN_TIER, "T", "leave out leads below tier T (A, B, C; default D: every scored lead)" },
	{ "output", 'o', "FILE", "write the page to FILE (replaced whole) instead of standard output" },
	{ "port", OPT_PORT, "N", "with --serve: the port on 127.0.0.1 (default 0: any free port)" },
	{ "reviewer", OPT_REVIEWER, "NAME", "the reviewer's name filled in on the page (default: the login name)" },
	{ "serve", OPT_SERVE, NULL, "serve the page on 127.0.0.1 and log every judgment; print its URL" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd cmd = {
	"[--serve [--port N] [-f FILE]] ICP.json [FILE...]",
	"Turn scored leads (NDJSON, stdin or FILEs) into one HTML page to review and judge.",
	"The page needs no network: open it from disk. Judgments are kept in the\n"
	"browser and exported as NDJSON with one button. With --serve, the page is\n"
	"served on http://127.0.0.1 with a random token in its URL (printed on\n"
	"standard output) and every judgment is appended to the feedback log and\n"
	"synced to disk at once. Stop the server with Ctrl-C (exit 0).\n",
	options,
	LQ_COMMON_FILTER, "7 no lead has a score: run score first (ORDER); with --serve, nothing is served"
};

/* One lead on the page. */
struct lead {
	char *id;
	double score;
	int tier;
	char *score_version;
	json_t *page;		/* what the page shows */
	json_t *latest;		/* --serve: the last judgment logged, or NULL */
};

static struct lead *leads;
static size_t nleads, capleads;
static int min_tier = 'D';
static unsigned long long n_failed, n_unscored, n_noid, n_dup, n_below;

/* Most warnings about one kind of input problem; the rest are counted. */
#define WARN_MAX 10

/* Score histogram: ten bins of ten points. */
#define BINS 10

/* ---- Reading the leads ---- */

static int
lead_cmp(const void *a, const void *b)
{
	const struct lead *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int
id_cmp(const void *key, const void *b)
{
	return strcmp(key, (*(struct lead *const *)b)->id);
}

static void
set_str(json_t *o, const char *key, const char *s)
{
	json_object_set_new(o, key, s && *s ? json_string(s) : json_null());
}

/* The page's view of a lead: what a person reads, nothing else (no
 * profile, no embedding), and the evidence in plain words. */
static json_t *
page_object(const json_t *rec, const char *id, double score, int tier)
{
	json_t *o = json_object(), *ev = json_array();
	struct lq_evidence it[LQ_EVIDENCE_MAX];
	struct lq_buf why = LQ_BUF_INIT;
	char url[LQ_EXPLAIN_URL_MAX], t[2] = { (char)tier, 0 };
	size_t n;

	json_object_set_new(o, "id", json_string(id));
	set_str(o, "name", lq_rec_str(rec, "name"));
	set_str(o, "title", lq_explain_title(rec));
	set_str(o, "company", lq_rec_str(rec, "company"));
	set_str(o, "location", lq_rec_str(rec, "location"));
	set_str(o, "headline", lq_rec_str(rec, "headline"));
	set_str(o, "url", lq_explain_link(rec, url) ? url : NULL);
	json_object_set_new(o, "score", json_real(score));
	set_str(o, "tier", t);
	lq_explain_reason(rec, &why);
	set_str(o, "reason", why.data);
	lq_buf_free(&why);
	set_str(o, "score_version", lq_rec_str(rec, "score_version"));
	n = lq_explain_evidence(rec, it, LQ_NELEM(it));
	for (size_t i = 0; i < n; i++)
		json_array_append_new(ev, json_pack("{s:s,s:s,s:i,s:f,s:s}", "criterion", it[i].criterion,
		    "label", it[i].label, "verdict", it[i].verdict, "value", it[i].value, "text", it[i].text));
	lq_explain_evidence_free(it, n);
	json_object_set_new(o, "evidence", ev);
	return o;
}

static void
take(const json_t *rec, struct lq_reader *r)
{
	const char *id = lq_rec_str(rec, "id");
	const json_t *s = json_object_get(rec, "icp_score");
	struct lead *l;
	int tier;

	if (lq_rec_failed(rec)) {
		n_failed++;
		return;
	}
	if (id == NULL || *id == '\0' || strlen(id) > LQ_FB_ID_MAX) {
		if (n_noid++ < WARN_MAX)
			lq_warn("%s:%lu: a lead without a usable id cannot be judged; left out",
			    lq_reader_name(r), lq_reader_line(r));
		return;
	}
	if (!json_is_number(s) || !isfinite(json_number_value(s))) {
		n_unscored++;
		return;
	}
	tier = lq_explain_tier(rec);
	if (tier > min_tier) {
		n_below++;
		return;
	}
	if (nleads == capleads) {
		capleads = capleads ? 2 * capleads : 256;
		leads = lq_xreallocarray(leads, capleads, sizeof *leads);
	}
	l = &leads[nleads++];
	memset(l, 0, sizeof *l);
	l->id = lq_xstrdup(id);
	l->score = json_number_value(s);
	l->tier = tier;
	l->score_version = lq_rec_str(rec, "score_version") ? lq_xstrdup(lq_rec_str(rec, "score_version")) : NULL;
	l->page = page_object(rec, id, l->score, tier);
}

static void
read_file(FILE *fp, const char *name, json_t *icp_names)
{
	struct lq_reader *r = lq_reader_new(fp, name);
	json_t *rec;

	for (;;) {
		unsigned long long here = lq_counts.failed_here;

		if ((rec = lq_reader_next(r)) == NULL)
			break;
		if (lq_counts.failed_here != here && n_failed < WARN_MAX)
			lq_warn("%s", json_string_value(json_object_get(json_object_get(rec, "error"), "message")));
		if (json_is_string(json_object_get(rec, "icp")))
			json_object_set_new(icp_names, lq_rec_str(rec, "icp"), json_true());
		(void)lq_need_check(r, rec);	/* a whole-run check: decided after the last file */
		take(rec, r);
		json_decref(rec);
		lq_progress();
	}
	lq_reader_free(r);
}

static struct lead **byid;	/* the leads sorted by id, for lookups */

static int
byid_cmp(const void *a, const void *b)
{
	const struct lead *x = *(struct lead *const *)a, *y = *(struct lead *const *)b;
	int c = strcmp(x->id, y->id);

	return c ? c : (x > y) - (x < y);
}

/* Sorts the leads best first, drops repeated ids (the better-scored
 * one stays) and indexes them by id. */
static void
sort_leads(void)
{
	size_t i, k = 0;

	if (nleads > 1)
		qsort(leads, nleads, sizeof *leads, lead_cmp);
	byid = lq_xcalloc(nleads ? nleads : 1, sizeof *byid);
	for (i = 0; i < nleads; i++)
		byid[i] = &leads[i];
	if (nleads > 1)
		qsort(byid, nleads, sizeof *byid, byid_cmp);
	for (i = 1; i < nleads; i++)
		if (strcmp(byid[i - 1]->id, byid[i]->id) == 0) {
			struct lead *drop = byid[i];	/* the later, so the lower-scored */

			if (n_dup++ < WARN_MAX)
				lq_warn("%s: the same lead twice; the page shows the better-scored one", drop->id);
			json_decref(drop->page);
			drop->page = NULL;
		}
	for (i = 0; i < nleads; i++) {
		if (leads[i].page == NULL) {
			free(leads[i].id);
			free(leads[i].score_version);
			continue;
		}
		leads[k++] = leads[i];
	}
	nleads = k;
	for (i = 0; i < nleads; i++)
		byid[i] = &leads[i];
	if (nleads > 1)
		qsort(byid, nleads, sizeof *byid, byid_cmp);
}

/* ---- The page ---- */

static void
esc(struct lq_buf *b, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&': lq_buf_adds(b, "&amp;"); break;
		case '<': lq_buf_adds(b, "&lt;"); break;
		case '>': lq_buf_adds(b, "&gt;"); break;
		case '"': lq_buf_adds(b, "&quot;"); break;
		case '\'': lq_buf_adds(b, "&#39;"); break;
		default: lq_buf_addc(b, *s);
		}
	}
}

/* "'sha256-BASE64'" of text, for the Content-Security-Policy. */
static char *
csp_hash(const char *text)
{
	unsigned char d[32];
	char *b64, *r;

	lq_sha256(text, strlen(text), d);
	b64 = lq_base64_encode(d, sizeof d);
	r = lq_xasprintf("'sha256-%s'", b64);
	free(b64);
	return r;
}

/* The policy: only this page's own script and style run; nothing is
 * fetched, except the served page's posts to its own server. */
static char *
csp(int serve, int header)
{
	char *js = csp_hash(review_js), *css = csp_hash(review_css), *p;

	p = lq_xasprintf("default-src 'none'; script-src %s; style-src %s; img-src data:; "
	    "connect-src %s; base-uri 'none'; form-action 'none'%s", js, css,
	    serve ? "'self'" : "'none'", header ? "; frame-ancestors 'none'" : "");
	free(js);
	free(css);
	return p;
}

static void
list_dd(struct lq_buf *b, const char *name, const struct lq_strv *v)
{
	if (v->n == 0)
		return;
	lq_buf_addf(b, "<dt>%s</dt><dd>", name);
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			lq_buf_adds(b, ", ");
		lq_buf_adds(b, "<bdi>");
		esc(b, v->v[i]);
		lq_buf_adds(b, "</bdi>");
	}
	lq_buf_adds(b, "</dd>");
}

static int
bin_tier(int i)
{
	return i >= 7 ? 'A' : i >= 5 ? 'B' : i >= 3 ? 'C' : 'D';
}

/* The score distribution as an SVG bar chart, coloured by tier. */
static void
histogram(struct lq_buf *b)
{
	unsigned long long bin[BINS] = { 0 }, max = 0;
	const int x0 = 34, w = 38, y0 = 18, h = 104;

	for (size_t i = 0; i < nleads; i++) {
		int k = (int)floor(leads[i].score / 10);

		bin[k < 0 ? 0 : k >= BINS ? BINS - 1 : k]++;
	}
	for (int i = 0; i < BINS; i++)
		if (bin[i] > max)
			max = bin[i];
	lq_buf_addf(b, "<svg class=\"hist\" viewBox=\"0 0 440 156\" role=\"img\" aria-label=\"Score distribution\">"
	    "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>", x0, y0 + h, x0 + BINS * w, y0 + h);
	for (int i = 0; i < BINS; i++) {
		int bh = max ? (int)lround((double)bin[i] * h / (double)max) : 0;

		if (bin[i] && bh < 2)
			bh = 2;
		lq_buf_addf(b, "<rect class=\"bar-%c\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"2\">"
		    "<title>%d to %d: %llu lead%s</title></rect>", bin_tier(i), x0 + i * w + 3, y0 + h - bh,
		    w - 6, bh, i * 10, i == BINS - 1 ? 100 : i * 10 + 9, bin[i], bin[i] == 1 ? "" : "s");
		if (bin[i])
			lq_buf_addf(b, "<text class=\"n\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%llu</text>",
			    x0 + i * w + w / 2, y0 + h - bh - 4, bin[i]);
	}
	for (int i = 0; i <= BINS; i++)
		lq_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>", x0 + i * w, y0 + h + 16, i * 10);
	lq_buf_addf(b, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">score</text></svg>", x0 + BINS * w / 2, y0 + h + 31);
}

struct page_info {
	const struct lq_icp *icp;
	const char *client;
	const char *reviewer;
	int blind;
	int serve;
	json_t *versions;	/* score_version -> count */
};

static void
tier_box(struct lq_buf *b, int t, size_t n, const char *what)
{
	lq_buf_addf(b, "<div class=\"t%c\"><b>%zu</b><span>%c &middot; %s</span></div>", t - 'A' + 'a', n, t, what);
}

/* The whole page: summary, controls, the data the script renders. */
static void
build_page(struct lq_buf *b, const struct page_info *pi)
{
	size_t per[4] = { 0 };
	char made[32], *policy = csp(pi->serve, 0);
	time_t now = time(NULL);
	struct tm tm;
	json_t *data, *arr = json_array();
	const char *key;
	json_t *v;
	struct lq_buf d = LQ_BUF_INIT;
	size_t nv = 0;

	/* The script and style go inside <script> and <style> as they are. */
	if (strstr(review_js, "</") || strstr(review_css, "</"))
		lq_die(LQ_EXIT_FATAL, "internal: the page's script or style holds \"</\"");
	gmtime_r(&now, &tm);
	strftime(made, sizeof made, "%Y-%m-%d %H:%M UTC", &tm);
	for (size_t i = 0; i < nleads; i++) {
		per[leads[i].tier - 'A']++;
		json_array_append(arr, leads[i].page);
	}
	lq_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	    "<meta http-equiv=\"Content-Security-Policy\" content=\"");
	esc(b, policy);
	lq_buf_adds(b, "\">\n<meta name=\"referrer\" content=\"no-referrer\">\n<title>Leads for ");
	esc(b, pi->client);
	lq_buf_addf(b, " &middot; lq review</title>\n<style>%s</style>\n</head>\n<body>\n", review_css);

	lq_buf_adds(b, "<header class=\"top\"><h1>Leads for <bdi>");
	esc(b, pi->client);
	lq_buf_addf(b, "</bdi></h1>\n<p class=\"meta\">%zu lead%s scored with ", nleads, nleads == 1 ? "" : "s");
	if (json_object_size(pi->versions) == 0)
		lq_buf_adds(b, "no score_version");
	json_object_foreach(pi->versions, key, v) {
		if (nv++)
			lq_buf_adds(b, ", ");
		lq_buf_adds(b, "<code>");
		esc(b, key);
		lq_buf_adds(b, "</code>");
		if (json_object_size(pi->versions) > 1)
			lq_buf_addf(b, " (%lld)", (long long)json_integer_value(v));
	}
	lq_buf_addf(b, " &middot; ICP <code title=\"%s\">%.12s</code> &middot; page made %s</p></header>\n",
	    pi->icp->hash, pi->icp->hash, made);

	lq_buf_adds(b, "<section class=\"summary\">\n<div class=\"panel\"><h2>Leads per tier</h2><div class=\"tiers\">");
	tier_box(b, 'A', per[0], "strong fit, 70+");
	tier_box(b, 'B', per[1], "good fit, 50 to 69");
	tier_box(b, 'C', per[2], "weak fit, 30 to 49");
	tier_box(b, 'D', per[3], "not a fit, under 30");
	lq_buf_adds(b, "</div>");
	if (n_failed + n_unscored + n_noid + n_below + n_dup) {
		const char *sep = "";

		lq_buf_adds(b, "<p class=\"left-out\">Not on this page: ");
		if (n_failed)
			lq_buf_addf(b, "%s%llu failed", sep, n_failed), sep = ", ";
		if (n_unscored)
			lq_buf_addf(b, "%s%llu without a score", sep, n_unscored), sep = ", ";
		if (n_below)
			lq_buf_addf(b, "%s%llu below tier %c", sep, n_below, min_tier), sep = ", ";
		if (n_noid)
			lq_buf_addf(b, "%s%llu without an id", sep, n_noid), sep = ", ";
		if (n_dup)
			lq_buf_addf(b, "%s%llu repeated", sep, n_dup);
		lq_buf_adds(b, ".</p>");
	}
	lq_buf_adds(b, "</div>\n<div class=\"panel\"><h2>Score distribution</h2>");
	histogram(b);
	lq_buf_adds(b, "</div>\n<div class=\"panel icp\"><h2>The ICP</h2><dl>");
	lq_buf_adds(b, "<dt>Client</dt><dd><bdi>");
	esc(b, pi->icp->client[0] ? pi->icp->client : "(not named)");
	lq_buf_adds(b, "</bdi></dd>");
	list_dd(b, "Titles", &pi->icp->target_titles);
	list_dd(b, "Industries", &pi->icp->target_industries);
	list_dd(b, "Company sizes", &pi->icp->company_sizes);
	list_dd(b, "Keywords", &pi->icp->target_keywords);
	list_dd(b, "Excluded", &pi->icp->exclude_titles);
	lq_buf_adds(b, "</dl>");
	if (pi->icp->notes[0]) {
		lq_buf_adds(b, "<p class=\"notes\">");
		esc(b, pi->icp->notes);
		lq_buf_adds(b, "</p>");
	}
	lq_buf_adds(b, "</div>\n</section>\n");

	lq_buf_adds(b, "<nav class=\"controls\" aria-label=\"Filters and feedback\">\n<div class=\"group\" role=\"group\" "
	    "aria-label=\"Tiers\"><label>Tiers</label>");
	for (int t = 0; t < 4; t++)
		lq_buf_addf(b, "<button type=\"button\" id=\"tier-%c\" class=\"tierbtn %c\" aria-pressed=\"true\" "
		    "title=\"Show tier %c (%d)\">%c %zu</button>", 'A' + t, 'A' + t, 'A' + t, t + 1, 'A' + t, per[t]);
	lq_buf_adds(b, "</div>\n<input type=\"search\" id=\"search\" placeholder=\"Search name, company, title (/)\" "
	    "aria-label=\"Search by name, company or title\" autocomplete=\"off\">\n"
	    "<select id=\"judged\" aria-label=\"Which leads\"><option value=\"all\">All leads</option>"
	    "<option value=\"todo\">To judge</option><option value=\"good\">Good</option>"
	    "<option value=\"bad\">Binned</option></select>\n"
	    "<button type=\"button\" id=\"blind\" aria-pressed=\"false\" title=\"Random order without scores (b)\">Blind</button>\n"
	    "<label>Reviewer <input id=\"reviewer\" class=\"reviewer\" maxlength=\"100\" autocomplete=\"off\"></label>\n"
	    "<button type=\"button\" id=\"export\" title=\"Download the judgments as NDJSON\">Export feedback (0)</button>\n"
	    "<button type=\"button\" id=\"helpbtn\" title=\"Keyboard shortcuts (?)\">?</button>\n"
	    "<span id=\"counts\" class=\"counts\"></span>\n<span id=\"status\" class=\"status\" role=\"status\"></span>\n"
	    "</nav>\n<main id=\"leads\" aria-live=\"polite\"></main>\n"
	    "<noscript><p class=\"empty\">This page shows the leads with JavaScript; turn it on for this file.</p></noscript>\n"
	    "<div id=\"help\" hidden><div class=\"box\" role=\"dialog\" aria-label=\"Keyboard shortcuts\">"
	    "<h2>Keyboard shortcuts</h2><table>"
	    "<tr><td><kbd>j</kbd> <kbd>k</kbd></td><td>next, previous lead</td></tr>"
	    "<tr><td><kbd>y</kbd></td><td>good lead, then the next</td></tr>"
	    "<tr><td><kbd>n</kbd></td><td>bin it (not a fit), then the next</td></tr>"
	    "<tr><td><kbd>u</kbd></td><td>undo the judgment</td></tr>"
	    "<tr><td><kbd>c</kbd></td><td>write a note (<kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves)</td></tr>"
	    "<tr><td><kbd>e</kbd></td><td>show or hide the evidence</td></tr>"
	    "<tr><td><kbd>o</kbd></td><td>open the LinkedIn profile</td></tr>"
	    "<tr><td><kbd>/</kbd></td><td>search</td></tr>"
	    "<tr><td><kbd>1</kbd>&ndash;<kbd>4</kbd></td><td>show or hide tier A&ndash;D</td></tr>"
	    "<tr><td><kbd>b</kbd></td><td>blind mode: random order, no scores</td></tr>"
	    "<tr><td><kbd>Esc</kbd></td><td>leave a field, close this</td></tr>"
	    "</table></div></div>\n");

	data = json_pack("{s:s,s:s,s:s,s:b,s:s,s:o}", "client", pi->client, "icp_hash", pi->icp->hash,
	    "reviewer", pi->reviewer, "blind", pi->blind, "mode", pi->serve ? "serve" : "static", "leads", arr);
	lq_json_dump(&d, data);
	json_decref(data);
	/* Inside <script> only "</" could end the element; escaping every
	 * < > & keeps any text inert, and JSON.parse reads \u003c back. */
	lq_buf_adds(b, "<script type=\"application/json\" id=\"lq-data\">");
	for (size_t i = 0; i < d.len; i++) {
		char c = d.data[i];

		if (c == '<')
			lq_buf_adds(b, "\\u003c");
		else if (c == '>')
			lq_buf_adds(b, "\\u003e");
		else if (c == '&')
			lq_buf_adds(b, "\\u0026");
		else
			lq_buf_addc(b, c);
	}
	lq_buf_free(&d);
	lq_buf_addf(b, "</script>\n<script>%s</script>\n</body>\n</html>\n", review_js);
	free(policy);
}

/* Writes the page to path through a temp file renamed into place. */
static void
write_file(const char *path, const struct lq_buf *b)
{
	char *tmp = lq_xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *fp = fopen(tmp, "w");

	if (fp == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", tmp);
	if (fwrite(b->data, 1, b->len, fp) != b->len || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
		int e = errno;

		fclose(fp);
		unlink(tmp);
		errno = e;
		lq_die_errno(LQ_EXIT_FATAL, "%s: write error", path);
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		int e = errno;

		unlink(tmp);
		errno = e;
		lq_die_errno(LQ_EXIT_FATAL, "%s", path);
	}
	free(tmp);
}

/* ---- --serve ---- */

static struct {
	struct lq_buf page;
	char token[33];
	unsigned port;
	int log_fd;
	const char *log_path;
	const char *client;
	const char *icp_hash;
	const char *reviewer;
	char *csp_header;
	pthread_mutex_t lock;
	unsigned long long logged, refused;
} srv = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* Per request: the body read so far. */
struct req {
	struct lq_buf body;
	int too_big;
	size_t seen;	/* bytes of body received, kept or not */
};

static void
http_log(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == '\r'))
		msg[--n] = '\0';
	lq_warn("http: %s", msg);
}

static void
common_headers(struct MHD_Response *r, const char *type)
{
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cross-Origin-Resource-Policy", "same-origin");
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned code, const char *type, const char *body, size_t n,
    const char *hname, const char *hval)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(n, (void *)body, MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ok;

	if (r == NULL)
		return MHD_NO;
	common_headers(r, type);
	if (hname)
		MHD_add_response_header(r, hname, hval);
	ok = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result
reply_json(struct MHD_Connection *c, unsigned code, json_t *o)
{
	struct lq_buf b = LQ_BUF_INIT;
	enum MHD_Result ok;

	lq_json_dump(&b, o);
	lq_buf_addc(&b, '\n');
	json_decref(o);
	ok = reply(c, code, "application/json", b.data, b.len, NULL, NULL);
	lq_buf_free(&b);
	return ok;
}

static enum MHD_Result
refuse(struct MHD_Connection *c, unsigned code, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	pthread_mutex_lock(&srv.lock);
	srv.refused++;
	pthread_mutex_unlock(&srv.lock);
	return reply_json(c, code, json_pack("{s:s,s:i}", "error", msg, "status", (int)code));
}

/* 1 if a equals b, in time that does not depend on where they differ. */
static int
same_secret(const char *a, size_t an, const char *b)
{
	size_t bn = strlen(b);
	unsigned char d = an != bn;

	for (size_t i = 0; i < bn; i++)
		d |= (unsigned char)(i < an ? a[i] : 0) ^ (unsigned char)b[i];
	return d == 0;
}

/* 1 if v (a Host or Origin value) names this server: prefix then
 * 127.0.0.1:PORT or localhost:PORT. */
static int
names_me(const char *v, const char *prefix)
{
	char a[64], b[64];

	if (v == NULL)
		return 0;
	snprintf(a, sizeof a, "%s127.0.0.1:%u", prefix, srv.port);
	snprintf(b, sizeof b, "%slocalhost:%u", prefix, srv.port);
	return strcmp(v, a) == 0 || strcmp(v, b) == 0;
}

static struct lead *
find_lead(const char *id)
{
	struct lead **l = nleads ? bsearch(id, byid, nleads, sizeof *byid, id_cmp) : NULL;

	return l ? *l : NULL;
}

/* Appends line to the log and syncs it; on failure leaves the log as it
 * was. Returns 0 or -1 (errno set). */
static int
append_log(const char *line, size_t n)
{
	return lq_fb_log_append(srv.log_fd, line, n);
}

static enum MHD_Result
post_feedback(struct MHD_Connection *c, struct req *rq)
{
	struct lq_fb_post p;
	struct lq_fb_event ev;
	struct lq_buf line = LQ_BUF_INIT;
	char err[256];
	struct lead *l;
	json_t *evo;
	enum MHD_Result ok;

	if (lq_fb_post_parse(rq->body.data ? rq->body.data : "", rq->body.len, &p, err, sizeof err) < 0)
		return refuse(c, MHD_HTTP_BAD_REQUEST, "bad judgment: %s", err);
	l = find_lead(p.id);
	if (l == NULL) {
		lq_fb_post_free(&p);
		return refuse(c, MHD_HTTP_UNPROCESSABLE_CONTENT, "no lead with this id on the page");
	}
	memset(&ev, 0, sizeof ev);
	ev.id = p.id;
	ev.client = (char *)srv.client;
	snprintf(ev.icp_hash, sizeof ev.icp_hash, "%s", srv.icp_hash);
	ev.label = p.label;
	ev.note = p.note;
	ev.reviewer = p.reviewer[0] ? p.reviewer : (char *)srv.reviewer;
	lq_fb_now(ev.time);
	ev.score_version = l->score_version;
	ev.icp_score = l->score;
	ev.has_score = 1;
	ev.tier = (char)l->tier;
	ev.explicit_ = 1;
	ev.via = "review-serve";
	lq_fb_event_format(&ev, &line);
	pthread_mutex_lock(&srv.lock);
	if (append_log(line.data, line.len) != 0) {
		char why[128];

		snprintf(why, sizeof why, "%s", strerror(errno));
		pthread_mutex_unlock(&srv.lock);
		lq_warn("%s: %s; the judgment of %s was not saved", srv.log_path, why, p.id);
		lq_fb_post_free(&p);
		lq_buf_free(&line);
		return reply_json(c, MHD_HTTP_INTERNAL_SERVER_ERROR,
		    json_pack("{s:s,s:i}", "error", "the feedback log could not be written", "status", 500));
	}
	srv.logged++;
	evo = json_loadb(line.data, line.len, 0, NULL);
	json_decref(l->latest);
	l->latest = json_incref(evo);
	pthread_mutex_unlock(&srv.lock);
	ok = reply_json(c, MHD_HTTP_OK, json_pack("{s:b,s:o}", "ok", 1, "event", evo));
	lq_fb_post_free(&p);
	lq_buf_free(&line);
	return ok;
}

static enum MHD_Result
get_events(struct MHD_Connection *c)
{
	json_t *a = json_array();

	pthread_mutex_lock(&srv.lock);
	for (size_t i = 0; i < nleads; i++)
		if (leads[i].latest)
			json_array_append(a, leads[i].latest);
	pthread_mutex_unlock(&srv.lock);
	return reply_json(c, MHD_HTTP_OK, a);
}

static enum MHD_Result
answer(void *cls, struct MHD_Connection *c, const char *url, const char *method,
    const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	struct req *rq = *con_cls;
	const char *rest, *slash, *type, *len;
	int get = strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0;
	int post = strcmp(method, "POST") == 0;

	(void)cls;
	(void)version;
	if (rq != NULL) {
		/* The body of a POST, then its end. */
		if (*upload_size) {
			if ((rq->seen += *upload_size) > DRAIN_MAX)
				return MHD_NO;	/* endless: drop the connection */
			if (!rq->too_big && lq_fb_body_add(&rq->body, upload, *upload_size) < 0)
				rq->too_big = 1;
			*upload_size = 0;
			return MHD_YES;
		}
		if (rq->too_big)
			return refuse(c, MHD_HTTP_CONTENT_TOO_LARGE, "body larger than %d bytes", LQ_FB_BODY_MAX);
		return post_feedback(c, rq);
	}

	/* First call: the request line and headers. */
	if (!names_me(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Host"), ""))
		return refuse(c, MHD_HTTP_MISDIRECTED_REQUEST, "Host must be 127.0.0.1:%u", srv.port);
	if (strncmp(url, "/r/", 3) != 0)
		return refuse(c, MHD_HTTP_NOT_FOUND, "not found");
	rest = url + 3;
	slash = strchr(rest, '/');
	if (!same_secret(rest, slash ? (size_t)(slash - rest) : strlen(rest), srv.token))
		return refuse(c, MHD_HTTP_FORBIDDEN, "wrong or missing token");
	if (slash == NULL) {
		char loc[64];

		snprintf(loc, sizeof loc, "/r/%s/", srv.token);
		return reply(c, MHD_HTTP_PERMANENT_REDIRECT, "text/plain", "", 0, "Location", loc);
	}
	if (strcmp(slash, "/") == 0 || strcmp(slash, "/events") == 0) {
		if (!get)
			return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, "application/json",
			    "{\"error\":\"use GET\",\"status\":405}\n", 34, "Allow", "GET, HEAD");
		if (slash[1] == 'e')
			return get_events(c);
		{
			struct MHD_Response *r = MHD_create_response_from_buffer(srv.page.len, srv.page.data,
			    MHD_RESPMEM_PERSISTENT);
			enum MHD_Result ok;

			common_headers(r, "text/html; charset=utf-8");
			MHD_add_response_header(r, "Content-Security-Policy", srv.csp_header);
			MHD_add_response_header(r, "X-Frame-Options", "DENY");
			MHD_add_response_header(r, "Cross-Origin-Opener-Policy", "same-origin");
			ok = MHD_queue_response(c, MHD_HTTP_OK, r);
			MHD_destroy_response(r);
			return ok;
		}
	}
	if (strcmp(slash, "/feedback") != 0)
		return refuse(c, MHD_HTTP_NOT_FOUND, "not found");
	if (!post)
		return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, "application/json",
		    "{\"error\":\"use POST\",\"status\":405}\n", 35, "Allow", "POST");
	/* Another page (another origin) must not post, even with the token. */
	{
		const char *origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");

		if (origin && !names_me(origin, "http://"))
			return refuse(c, MHD_HTTP_FORBIDDEN, "posts come only from the review page itself");
	}
	type = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Type");
	if (type == NULL || strncasecmp(type, "application/json", 16) != 0 ||
	    (type[16] != '\0' && type[16] != ';'))
		return refuse(c, MHD_HTTP_UNSUPPORTED_MEDIA_TYPE, "Content-Type must be application/json");
	/* A body too big but not absurd is read and thrown away before the
	 * 413: refusing it unread closes the connection while the client
	 * still sends, and the client sees a reset instead of the answer. */
	len = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Content-Length");
	if (len && strtoull(len, NULL, 10) > DRAIN_MAX)
		return refuse(c, MHD_HTTP_CONTENT_TOO_LARGE, "body larger than %d bytes", LQ_FB_BODY_MAX);
	rq = lq_xcalloc(1, sizeof *rq);
	*con_cls = rq;
	return MHD_YES;
}

static void
finished(void *cls, struct MHD_Connection *c, void **con_cls, enum MHD_RequestTerminationCode toe)
{
	struct req *rq = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (rq) {
		lq_buf_free(&rq->body);
		free(rq);
		*con_cls = NULL;
	}
}

/* Reads the judgments already in the log for this page's leads (the
 * last one per lead wins), so a reopened page shows them; opens the log
 * for appending. */
static void
open_log(void)
{
	struct lq_buf b = LQ_BUF_INIT;
	unsigned long long bad = 0;
	size_t lineno = 0;
	char *p, *end;

	srv.log_fd = lq_fb_log_open(srv.log_path);
	if (srv.log_fd < 0 && errno == EINVAL)
		lq_die(LQ_EXIT_FATAL, "%s: not a regular file", srv.log_path);
	if (srv.log_fd < 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s", srv.log_path);
	{
		FILE *fp = fdopen(dup(srv.log_fd), "r");

		if (fp == NULL || lq_read_all(fp, (size_t)1 << 30, &b) < 0)
			lq_die_errno(LQ_EXIT_FATAL, "%s", srv.log_path);
		fclose(fp);
	}
	if (b.len && b.data[b.len - 1] != '\n') {
		lq_warn("%s: the last line was cut short; new judgments start on a new line", srv.log_path);
		if (append_log("\n", 1) != 0)
			lq_die_errno(LQ_EXIT_FATAL, "%s", srv.log_path);
	}
	for (p = b.data, end = b.data + b.len; p && p < end; p++) {
		char *nl = memchr(p, '\n', (size_t)(end - p)), err[256];
		size_t n = (nl ? nl : end) - p;
		struct lq_fb_event ev;
		struct lead *l;

		lineno++;
		if (n == 0 || (n == 1 && *p == '\r')) {
			p += n;
			continue;
		}
		if (lq_fb_event_parse(p, n, &ev, err, sizeof err) < 0) {
			if (bad++ < WARN_MAX)
				lq_warn("%s:%zu: %s; line skipped", srv.log_path, lineno, err);
		} else {
			/* Only a person's judgments: a lead delivered in a
			 * spreadsheet (an implied positive) was not judged. */
			if (ev.explicit_ && strcmp(ev.icp_hash, srv.icp_hash) == 0 &&
			    strcmp(ev.client, srv.client) == 0 && (l = find_lead(ev.id)) != NULL) {
				json_decref(l->latest);
				l->latest = json_loadb(p, n, 0, NULL);
			}
			lq_fb_event_free(&ev);
		}
		p += n;
	}
	if (bad > WARN_MAX)
		lq_warn("%s: %llu more unreadable lines skipped", srv.log_path, bad - WARN_MAX);
	lq_buf_free(&b);
}

static void
serve(const struct page_info *pi, unsigned port)
{
	struct sockaddr_in sa;
	struct MHD_Daemon *d;
	const union MHD_DaemonInfo *info;
	unsigned char rnd[16];
	sigset_t set;
	int sig;

	if (getrandom(rnd, sizeof rnd, 0) != (ssize_t)sizeof rnd)
		lq_die_errno(LQ_EXIT_FATAL, "getrandom");
	for (size_t i = 0; i < sizeof rnd; i++)
		snprintf(srv.token + 2 * i, 3, "%02x", rnd[i]);
	srv.client = pi->client;
	srv.icp_hash = pi->icp->hash;
	srv.reviewer = pi->reviewer;
	build_page(&srv.page, pi);
	srv.csp_header = csp(1, 1);
	open_log();

	/* The signals that stop the server are taken by this thread alone. */
	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	signal(SIGPIPE, SIG_IGN);

	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = htons((uint16_t)port);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	d = MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG, (uint16_t)port, NULL, NULL,
	    answer, NULL,
	    MHD_OPTION_EXTERNAL_LOGGER, http_log, NULL,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	    MHD_OPTION_NOTIFY_COMPLETED, finished, NULL,
	    MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
	    MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	    MHD_OPTION_END);
	if (d == NULL)
		lq_die(LQ_EXIT_FATAL, "cannot listen on 127.0.0.1:%u", port);
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	srv.port = info ? info->port : port;
	if (printf("http://127.0.0.1:%u/r/%s/\n", srv.port, srv.token) < 0 || fflush(stdout) != 0)
		lq_die_errno(LQ_EXIT_FATAL, "write error");
	lq_note("serving %zu leads on http://127.0.0.1:%u/ (the URL above); judgments go to %s; "
	    "Ctrl-C stops", nleads, srv.port, srv.log_path);
	sigwait(&set, &sig);
	MHD_stop_daemon(d);
	close(srv.log_fd);
	lq_summary_add("%llu judgment%s logged", srv.logged, srv.logged == 1 ? "" : "s");
	lq_summary_add("%llu request%s refused", srv.refused, srv.refused == 1 ? "" : "s");
	free(srv.csp_header);
	lq_buf_free(&srv.page);
}

/* ---- main ---- */

static const char *
login_name(void)
{
	const char *u = getenv("USER");
	struct passwd *pw;

	if (u && *u)
		return u;
	pw = getpwuid(getuid());
	return pw && pw->pw_name ? pw->pw_name : "";
}

int
main(int argc, char **argv)
{
	const char *arg, *out = NULL, *client = NULL, *reviewer = NULL, *name;
	int c, blind = 0, do_serve = 0, port_given = 0, log_given = 0;
	unsigned port = 0;
	struct lq_icp *icp;
	struct page_info pi;
	json_t *icp_names = json_object(), *versions = json_object();
	const char *key;
	json_t *v;

	lq_init(argv[0]);
	srv.log_path = "feedback.ndjson";
	while ((c = lq_getopt(argc, argv, &cmd, &arg)) != -1) {
		switch (c) {
		case 'f': srv.log_path = arg; log_given = 1; break;
		case 'o': out = arg; break;
		case OPT_BLIND: blind = 1; break;
		case OPT_CLIENT:
			if (strlen(arg) > LQ_FB_CLIENT_MAX || *arg == '\0')
				lq_die(LQ_EXIT_USAGE, "--client: empty or longer than %d bytes", LQ_FB_CLIENT_MAX);
			client = arg;
			break;
		case OPT_MIN_TIER:
			if (strlen(arg) != 1 || ((arg[0] | 0x20) < 'a' || (arg[0] | 0x20) > 'd'))
				lq_die(LQ_EXIT_USAGE, "--min-tier: '%s' is not a tier (A, B, C or D)", arg);
			min_tier = (arg[0] | 0x20) - 'a' + 'A';
			break;
		case OPT_PORT: port = (unsigned)lq_parse_int("--port", arg, 0, 65535); port_given = 1; break;
		case OPT_REVIEWER:
			if (strlen(arg) > LQ_FB_REVIEWER_MAX)
				lq_die(LQ_EXIT_USAGE, "--reviewer: longer than %d bytes", LQ_FB_REVIEWER_MAX);
			reviewer = arg;
			break;
		case OPT_SERVE: do_serve = 1; break;
		default: lq_usage(&cmd);
		}
	}
	if (optind >= argc)
		lq_usage(&cmd);
	if (!do_serve && (port_given || log_given))
		lq_die(LQ_EXIT_USAGE, "--port and --feedback go with --serve");
	icp = lq_icp_load(argv[optind++]);

	lq_need(LQ_NEED_SCORE, 1);	/* leads never scored make an empty page */
	if (optind >= argc) {
		read_file(stdin, "<stdin>", icp_names);
	} else {
		for (int i = optind; i < argc; i++) {
			FILE *fp;

			if (strcmp(argv[i], "-") == 0) {
				read_file(stdin, "<stdin>", icp_names);
				continue;
			}
			if ((fp = fopen(argv[i], "r")) == NULL)
				lq_die_errno(LQ_EXIT_FATAL, "%s", argv[i]);
			read_file(fp, argv[i], icp_names);
			fclose(fp);
		}
	}
	lq_need_end();	/* said before the page; a tripped --serve serves nothing */
	sort_leads();
	for (size_t i = 0; i < nleads; i++) {
		const char *sv = leads[i].score_version ? leads[i].score_version : "none";

		json_object_set_new(versions, sv, json_integer(json_integer_value(json_object_get(versions, sv)) + 1));
	}
	/* The client: --client, else the ICP's, else the one the leads name. */
	name = client ? client : icp->client[0] ? icp->client :
	    json_object_size(icp_names) == 1 ? json_object_iter_key(json_object_iter(icp_names)) : "";
	json_object_foreach(icp_names, key, v)
		if (icp->client[0] && strcmp(key, icp->client) != 0)
			lq_warn("some leads were scored for \"%s\", but the ICP file is \"%s\"'s: "
			    "judgments are recorded against the ICP file", key, icp->client);
	if (strlen(name) > LQ_FB_CLIENT_MAX)
		lq_die(LQ_EXIT_FATAL, "the client's name is longer than %d bytes", LQ_FB_CLIENT_MAX);

	pi.icp = icp;
	pi.client = name;
	pi.reviewer = reviewer ? reviewer : login_name();
	pi.blind = blind;
	pi.versions = versions;
	lq_counts.out = nleads;
	if (n_failed)
		lq_summary_add("%llu failed left out", n_failed);
	if (n_unscored)
		lq_summary_add("%llu without a score", n_unscored);
	if (n_below)
		lq_summary_add("%llu below tier %c", n_below, min_tier);
	if (n_noid)
		lq_summary_add("%llu without an id", n_noid);
	if (n_dup)
		lq_summary_add("%llu repeated", n_dup);

	if (out || !do_serve) {
		struct lq_buf page = LQ_BUF_INIT;

		pi.serve = 0;
		build_page(&page, &pi);
		if (out)
			write_file(out, &page);
		else if (fwrite(page.data, 1, page.len, stdout) != page.len)
			lq_die_errno(LQ_EXIT_FATAL, "write error");
		lq_buf_free(&page);
	}
	if (do_serve && !lq_need_tripped()) {
		pi.serve = 1;
		serve(&pi, port);
	}
	for (size_t i = 0; i < nleads; i++) {
		free(leads[i].id);
		free(leads[i].score_version);
		json_decref(leads[i].page);
		json_decref(leads[i].latest);
	}
	free(leads);
	free(byid);
	json_decref(icp_names);
	json_decref(versions);
	lq_icp_free(icp);
	return lq_finish();
}
