/* feedback: reviewers' judgments as data: stats, merge, export (KTO, pairs, labels), delivered leads, and a calibration fitted from them (docs/feedback.md). */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <csv.h>
#include <jansson.h>

#include "calib.h"
#include "diag.h"
#include "explain.h"
#include "feedback.h"
#include "icp.h"
#include "leadtext.h"
#include "liurl.h"
#include "metrics.h"
#include "ndjson.h"
#include "need.h"
#include "opts.h"
#include "record.h"
#include "run.h"
#include "util.h"

enum {
	OPT_CLIENT = 256, OPT_EXACT_ICP, OPT_EXPLICIT_ONLY, OPT_FORMAT, OPT_JSON, OPT_LAMBDA,
	OPT_REVIEWER, OPT_SPLIT
};

/* The original service's plan for fine-tuning its reranker with KTO:
 * about 100 good and 20 bad judgments per client. */
#define KTO_MIN_POSITIVES 100
#define KTO_MIN_NEGATIVES 20

/* The default feedback log (review --serve writes it). */
#define DEFAULT_LOG "feedback.ndjson"

/* Relevance grades of the labels export (docs/quality.md's 0-3 scale):
 * a person's "good" is the buyer, a delivered lead nobody judged is
 * relevant, "bad" is no fit. */
#define REL_GOOD 3
#define REL_DELIVERED 2
#define REL_BAD 0

#define WARN_MAX 10

/* ---- options ----------------------------------------------------------- */

#define LOG_HELP "a feedback log to read (repeat for more; default " DEFAULT_LOG ")"
#define CLIENT_HELP "the client whose judgments count (default: the ICP's client)"
#define EXACT_HELP "only judgments made under this ICP's exact criteria (default: any of the client's ICPs)"
#define EXPLICIT_HELP "leave out leads only implied good (delivered, never judged)"

static const struct lq_option main_options[] = {
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd main_cmd = {
	"stats|merge|export|fit|delivered [options] ...",
	"Reviewers' judgments of leads (the feedback log) as data, and what lq learns from them.",
	"Subcommands (each has --help):\n"
	"  stats      good and bad judgments per client and ICP; are there enough to learn from\n"
	"  merge      add each lead's current judgment to its record (field \"feedback\")\n"
	"  export     the judgments as training or evaluation data: --format kto, pairs, labels\n"
	"  fit        fit a calibration of score's components to a client's judgments\n"
	"  delivered  record the leads of a delivered spreadsheet as implied good\n"
	"The log is NDJSON, one event per judgment (review --serve writes it; docs/feedback.md).\n",
	main_options, LQ_COMMON_BASIC, NULL
};

static const struct lq_option stats_options[] = {
	{ "client", OPT_CLIENT, "NAME", "only this client" },
	{ "feedback", 'f', "FILE", LOG_HELP },
	{ "json", OPT_JSON, NULL, "print one JSON object instead of a table" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd stats_cmd = {
	"[-f LOG]... [--client NAME] [--json]",
	"Count each client's current judgments (good, bad, delivered, withdrawn), per ICP and\n"
	"over all its ICPs, and say whether they are enough to fit a calibration and to\n"
	"fine-tune a reranker with KTO (100 good and 20 bad per client).",
	NULL, stats_options, LQ_COMMON_FILTER, NULL
};

static const struct lq_option merge_options[] = {
	{ "client", OPT_CLIENT, "NAME", CLIENT_HELP },
	{ "exact-icp", OPT_EXACT_ICP, NULL, EXACT_HELP },
	{ "explicit-only", OPT_EXPLICIT_ONLY, NULL, EXPLICIT_HELP },
	{ "feedback", 'f', "FILE", LOG_HELP },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd merge_cmd = {
	"[-f LOG]... [--client NAME] [--exact-icp] [--explicit-only] ICP.json [FILE...]",
	"Copy records (NDJSON, stdin or FILEs) to stdout, each with its lead's current\n"
	"judgment in \"feedback\": label, explicit, reviewer, note, time, via. Leads\n"
	"without one lose a stale \"feedback\"; failed records and records scored for\n"
	"another ICP pass through untouched.",
	NULL, merge_options, LQ_COMMON_FILTER, NULL
};

static const struct lq_option export_options[] = {
	{ "client", OPT_CLIENT, "NAME", CLIENT_HELP },
	{ "exact-icp", OPT_EXACT_ICP, NULL, EXACT_HELP },
	{ "explicit-only", OPT_EXPLICIT_ONLY, NULL, EXPLICIT_HELP },
	{ "feedback", 'f', "FILE", LOG_HELP },
	{ "format", OPT_FORMAT, "F", "kto, pairs or labels (required)" },
	{ "split", OPT_SPLIT, "PART", "only the fit or the held-out part (the split fit uses; default both)" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd export_cmd = {
	"--format kto|pairs [options] ICP.json [FILE...]\n"
	"       feedback export --format labels [options] ICP.json",
	"Write the client's current judgments as one JSON object a line:\n"
	"  kto     {\"prompt\", \"completion\", \"label\"}: TRL's unpaired preference (KTO)\n"
	"          data; the ICP's criteria in the prompt, the profile text as completion\n"
	"  pairs   {\"query\", \"document\", \"label\"}: pairs for a cross-encoder reranker;\n"
	"          the query and document rerank sends, label 1.0 good or 0.0 bad\n"
	"  labels  the labels file lq eval reads (relevance 3 good, 2 delivered, 0 bad;\n"
	"          split fit or held-out)\n"
	"kto and pairs take the profile text from the leads' records (stdin or FILEs).",
	NULL, export_options, LQ_COMMON_FILTER, NULL
};

static const struct lq_option fit_options[] = {
	{ "client", OPT_CLIENT, "NAME", CLIENT_HELP },
	{ "exact-icp", OPT_EXACT_ICP, NULL, EXACT_HELP },
	{ "explicit-only", OPT_EXPLICIT_ONLY, NULL, EXPLICIT_HELP },
	{ "feedback", 'f', "FILE", LOG_HELP },
	{ "lambda", OPT_LAMBDA, "X", "the ridge on the components' weights (default: chosen by cross-validation)" },
	{ "output", 'o', "FILE", "write the calibration to FILE (replaced whole, only on success)" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd fit_cmd = {
	"[-f LOG]... [--client NAME] [--exact-icp] [--explicit-only] [--lambda X] [-o FILE]\n"
	"              ICP.json [FILE...]",
	"Fit how much each of score's components counts for this client, from the judgments\n"
	"of leads scored against ICP.json (score's own output, stdin or FILEs): an L2-regularised\n"
	"logistic regression on the fit part (70% of the leads, by a hash of their id), checked\n"
	"on the held-out part. Writes the calibration (JSON) that score --calibration applies.",
	"Exit 6 when the fit part has fewer than 20 good or 20 bad judgments.\n",
	fit_options, LQ_COMMON_FILTER,
	"6 too few judgments to fit on"
};

static const struct lq_option delivered_options[] = {
	{ "client", OPT_CLIENT, "NAME", CLIENT_HELP },
	{ "delimiter", 'd', "CHAR", "the spreadsheet's field separator: one ASCII character or 'tab' (default ,)" },
	{ "feedback", 'f', "FILE", "the feedback log to append to (default " DEFAULT_LOG ")" },
	{ "reviewer", OPT_REVIEWER, "NAME", "who delivered it (default: nobody named)" },
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd delivered_cmd = {
	"[-f LOG] [--client NAME] [-d CHAR] [--reviewer NAME] ICP.json SHEET.csv [FILE...]",
	"Record every lead of a delivered spreadsheet (to-csv's, found by its LinkedIn or id\n"
	"column) as implied good: one event with explicit false per lead, appended to the log.\n"
	"The leads' records (stdin or FILEs) give their ids and scores. A lead already recorded\n"
	"as delivered for this ICP is not recorded again.",
	"Exit 7, recording nothing, when the records' first live lead was never scored.\n",
	delivered_options, LQ_COMMON_FILTER,
	"7 the leads were never scored: run score first (ORDER)"
};

/* ---- what every subcommand shares -------------------------------------- */

static const char **logs;
static size_t nlogs;
static const char *opt_client;
static int opt_exact, opt_explicit_only;
static struct lq_fb_log flog;

static void
sub_start(const char *name)
{
	static char prog[64];

	snprintf(prog, sizeof prog, "feedback %s", name);
	lq_progname = prog;
	optind = 0;	/* GNU getopt: start over on the subcommand's argv */
}

static void
add_log(const char *path)
{
	logs = lq_xreallocarray(logs, nlogs + 1, sizeof *logs);
	logs[nlogs++] = path;
}

/* Reads every log; dies when one cannot be read. Unreadable lines are
 * named (file:line) and counted. */
static void
read_logs(void)
{
	if (nlogs == 0)
		add_log(DEFAULT_LOG);
	for (size_t i = 0; i < nlogs; i++)
		if (lq_fb_log_read(&flog, logs[i]) < 0)
			lq_die_errno(LQ_EXIT_FATAL, "%s", logs[i]);
	for (size_t i = 0; i < flog.nbadmsg; i++)
		lq_warn("%s", flog.badmsg[i]);
	if (flog.bad > flog.nbadmsg)
		lq_warn("%llu more unreadable log lines skipped", flog.bad - flog.nbadmsg);
	if (flog.bad)
		lq_summary_add("%llu log lines skipped", flog.bad);
}

/* lq_finish, and exit 1 under --strict when a log line was skipped. */
static int
finish(void)
{
	int st = lq_finish();

	return st == LQ_EXIT_OK && lq_opt_strict && flog.bad ? LQ_EXIT_FAILED : st;
}

/* The client's name: --client, else the ICP's client, else the file's
 * name (as score names the ICP of the leads it scores). */
static const char *
client_of(const struct lq_icp *icp, const char *path)
{
	const char *s;

	if (opt_client)
		return opt_client;
	if (icp->client[0])
		return icp->client;
	s = strrchr(path, '/');
	return s ? s + 1 : path;
}

/* The client's current judgments, with an index by lead id. */
struct judged {
	struct lq_fb_current *v;
	size_t n;
	json_t *by_id;		/* id -> position in v */
};

static void
judged_load(struct judged *j, const char *client, const struct lq_icp *icp)
{
	struct lq_fb_current *all;
	size_t n, k = 0;

	all = lq_fb_resolve(&flog, opt_exact ? LQ_FB_PER_ICP : LQ_FB_PER_CLIENT, client,
	    opt_exact ? icp->hash : NULL, &n);
	j->by_id = json_object();
	for (size_t i = 0; i < n; i++) {
		if (opt_explicit_only && !all[i].ev->explicit_)
			continue;
		all[k] = all[i];
		json_object_set_new(j->by_id, all[k].ev->id, json_integer((json_int_t)k));
		k++;
	}
	j->v = all;
	j->n = k;
}

static const struct lq_fb_current *
judged_find(const struct judged *j, const char *id)
{
	json_t *v = id ? json_object_get(j->by_id, id) : NULL;

	return v ? &j->v[json_integer_value(v)] : NULL;
}

static void
judged_free(struct judged *j)
{
	free(j->v);
	json_decref(j->by_id);
}

/* Calls fn on every record of the FILE operands argv[0..argc), or of
 * standard input when there are none; "-" is standard input. */
static void
each_record(int argc, char **argv, void (*fn)(json_t *rec, void *arg), void *arg)
{
	int n = argc ? argc : 1;

	for (int i = 0; i < n; i++) {
		const char *name = argc ? argv[i] : "-";
		FILE *fp = stdin;
		struct lq_reader *r;
		json_t *rec;

		if (strcmp(name, "-") != 0 && (fp = fopen(name, "r")) == NULL)
			lq_die_errno(LQ_EXIT_FATAL, "%s", name);
		r = lq_reader_new(fp, strcmp(name, "-") ? name : "<stdin>");
		while ((rec = lq_reader_next(r)) != NULL) {
			if (lq_need_check(r, rec))	/* a subcommand that declared lq_need */
				fn(rec, arg);
			json_decref(rec);
			lq_progress();
		}
		lq_reader_free(r);
		if (fp != stdin)
			fclose(fp);
	}
}

static struct lq_icp *
load_icp(int argc, char **argv, const struct lq_cmd *cmd)
{
	if (optind >= argc) {
		lq_warn("no ICP file given");
		lq_usage(cmd);
	}
	return lq_icp_load(argv[optind++]);
}

/* The standing label of a judgment as a relevance grade. */
static int
relevance(const struct lq_fb_event *ev)
{
	return ev->label == LQ_FB_BAD ? REL_BAD : ev->explicit_ ? REL_GOOD : REL_DELIVERED;
}

/* ---- stats ------------------------------------------------------------- */

/* Counts of one group of current judgments. */
struct tally {
	unsigned long long leads, good, bad, delivered, withdrawn, delivered_binned;
	unsigned long long fit_good, fit_bad;
	json_t *reviewers;	/* set of names */
	char last[32];		/* latest event time */
};

static void
tally_add(struct tally *t, const struct lq_fb_event *ev)
{
	if (ev->label == LQ_FB_BAD)
		t->bad++;
	else if (ev->explicit_)
		t->good++;
	else
		t->delivered++;
	if (lq_calib_held_out(ev->id) == 0) {
		if (ev->label == LQ_FB_BAD)
			t->fit_bad++;
		else
			t->fit_good++;
	}
}

/* Fills t with the leads of client (and of icp_hash, if not NULL). */
static void
tally(struct tally *t, const char *client, const char *icp_hash)
{
	size_t n, nall;
	struct lq_fb_current *cur = lq_fb_resolve(&flog, icp_hash ? LQ_FB_PER_ICP : LQ_FB_PER_CLIENT,
	    client, icp_hash, &n);
	json_t *leads = json_object(), *delivered = json_object();

	memset(t, 0, sizeof *t);
	t->reviewers = json_object();
	for (size_t i = 0; i < n; i++)
		tally_add(t, cur[i].ev);
	for (size_t i = 0; i < flog.n; i++) {
		const struct lq_fb_event *e = &flog.ev[i];

		if (strcmp(e->client, client) != 0 || (icp_hash && strcmp(e->icp_hash, icp_hash) != 0))
			continue;
		json_object_set_new(leads, e->id, json_true());
		if (!e->explicit_ && e->label == LQ_FB_GOOD)
			json_object_set_new(delivered, e->id, json_true());
		if (e->explicit_ && e->reviewer[0])
			json_object_set_new(t->reviewers, e->reviewer, json_true());
		if (strcmp(e->time, t->last) > 0)
			snprintf(t->last, sizeof t->last, "%s", e->time);
	}
	nall = json_object_size(leads);
	t->leads = nall;
	t->withdrawn = nall - n;
	for (size_t i = 0; i < n; i++)
		if (cur[i].ev->label == LQ_FB_BAD && json_object_get(delivered, cur[i].ev->id))
			t->delivered_binned++;
	json_decref(leads);
	json_decref(delivered);
	free(cur);
}

static json_t *
tally_json(const struct tally *t)
{
	return json_pack("{s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:I,s:s}",
	    "leads", (json_int_t)t->leads, "positives", (json_int_t)(t->good + t->delivered),
	    "negatives", (json_int_t)t->bad, "good", (json_int_t)t->good, "bad", (json_int_t)t->bad,
	    "delivered", (json_int_t)t->delivered, "delivered_binned", (json_int_t)t->delivered_binned,
	    "withdrawn", (json_int_t)t->withdrawn, "reviewers", (json_int_t)json_object_size(t->reviewers),
	    "fit_part_positives", (json_int_t)t->fit_good, "last", t->last);
}

/* "ready", or what is missing for min_pos good and min_neg bad. */
static void
readiness(char *out, size_t len, unsigned long long pos, unsigned long long neg, long min_pos, long min_neg)
{
	if (pos >= (unsigned long long)min_pos && neg >= (unsigned long long)min_neg)
		snprintf(out, len, "ready");
	else if (pos >= (unsigned long long)min_pos)
		snprintf(out, len, "needs %llu more bad", (unsigned long long)min_neg - neg);
	else if (neg >= (unsigned long long)min_neg)
		snprintf(out, len, "needs %llu more good", (unsigned long long)min_pos - pos);
	else
		snprintf(out, len, "needs %llu more good, %llu more bad",
		    (unsigned long long)min_pos - pos, (unsigned long long)min_neg - neg);
}

static int
cmd_stats(int json)
{
	json_t *clients = json_object(), *out = json_array();
	const char *client;
	json_t *hashes;

	read_logs();
	/* Clients and their ICPs in order of first appearance. */
	for (size_t i = 0; i < flog.n; i++) {
		const struct lq_fb_event *e = &flog.ev[i];
		json_t *h;

		if (opt_client && strcmp(e->client, opt_client) != 0)
			continue;
		if ((h = json_object_get(clients, e->client)) == NULL)
			json_object_set_new(clients, e->client, h = json_array());
		size_t k;
		json_t *v;
		json_array_foreach(h, k, v)
			if (strcmp(json_string_value(v), e->icp_hash) == 0)
				break;
		if (k == json_array_size(h))
			json_array_append_new(h, json_string(e->icp_hash));
	}
	if (!json)
		printf("%-20s %-12s %6s %6s %6s %6s %9s %9s %9s  %-22s %s\n", "client", "ICP", "leads",
		    "good", "bad", "deliv", "withdrawn", "reviewers", "fit part", "calibration", "KTO");
	json_object_foreach(clients, client, hashes) {
		struct tally all;
		char cal[64], kto[64];
		json_t *o, *per = json_array();
		size_t k;
		json_t *h;

		tally(&all, client, NULL);
		readiness(cal, sizeof cal, all.fit_good, all.fit_bad, LQ_CALIB_MIN_POSITIVES, LQ_CALIB_MIN_NEGATIVES);
		readiness(kto, sizeof kto, all.good + all.delivered, all.bad, KTO_MIN_POSITIVES, KTO_MIN_NEGATIVES);
		if (!json) {
			char fit[32];

			snprintf(fit, sizeof fit, "%llu/%llu", all.fit_good, all.fit_bad);
			printf("%-20.20s %-12s %6llu %6llu %6llu %6llu %9llu %9zu %9s  %-22s %s\n",
			    *client ? client : "(none)", "all", all.leads, all.good, all.bad, all.delivered,
			    all.withdrawn, json_object_size(all.reviewers), fit, cal, kto);
		}
		o = tally_json(&all);
		json_object_set_new(o, "client", json_string(client));
		json_object_set_new(o, "calibration", json_pack("{s:b,s:s,s:I,s:I,s:i,s:i}",
		    "ready", strcmp(cal, "ready") == 0, "status", cal,
		    "fit_part_positives", (json_int_t)all.fit_good, "fit_part_negatives", (json_int_t)all.fit_bad,
		    "min_positives", LQ_CALIB_MIN_POSITIVES, "min_negatives", LQ_CALIB_MIN_NEGATIVES));
		json_object_set_new(o, "kto", json_pack("{s:b,s:s,s:i,s:i}", "ready", strcmp(kto, "ready") == 0,
		    "status", kto, "min_positives", KTO_MIN_POSITIVES, "min_negatives", KTO_MIN_NEGATIVES));
		json_object_del(o, "fit_part_positives");
		json_decref(all.reviewers);
		json_array_foreach(hashes, k, h) {
			struct tally t;
			json_t *p;

			tally(&t, client, json_string_value(h));
			if (!json)
				printf("%-20s %-12.12s %6llu %6llu %6llu %6llu %9llu %9zu\n", "",
				    json_string_value(h), t.leads, t.good, t.bad, t.delivered, t.withdrawn,
				    json_object_size(t.reviewers));
			p = tally_json(&t);
			json_object_del(p, "fit_part_positives");
			json_object_set_new(p, "icp_hash", json_string(json_string_value(h)));
			json_array_append_new(per, p);
			json_decref(t.reviewers);
		}
		json_object_set_new(o, "icps", per);
		json_array_append_new(out, o);
	}
	if (json) {
		json_t *top = json_pack("{s:I,s:I,s:o}", "events", (json_int_t)flog.n,
		    "skipped_lines", (json_int_t)flog.bad, "clients", out);
		struct lq_buf b = LQ_BUF_INIT;

		lq_json_dump(&b, top);
		printf("%s\n", b.data);
		lq_buf_free(&b);
		json_decref(top);
	} else {
		json_decref(out);
		if (json_object_size(clients) == 0)
			printf("(no judgments%s%s)\n", opt_client ? " of " : "", opt_client ? opt_client : "");
		printf("calibration: at least %d good and %d bad in the fit part (%d%% of leads held out); "
		    "KTO: %d good and %d bad per client\n", LQ_CALIB_MIN_POSITIVES, LQ_CALIB_MIN_NEGATIVES,
		    LQ_CALIB_HELD_OUT_PCT, KTO_MIN_POSITIVES, KTO_MIN_NEGATIVES);
	}
	lq_summary_add("%zu events, %zu clients", flog.n, json_object_size(clients));
	json_decref(clients);
	return finish();
}

/* ---- merge ------------------------------------------------------------- */

struct merge_ctx {
	const struct judged *j;
	const char *client;
	unsigned long long labelled, other_icp;
};

static void
merge_one(json_t *rec, void *arg)
{
	struct merge_ctx *m = arg;
	const char *icp = lq_rec_str(rec, "icp");
	const struct lq_fb_current *c;

	if (lq_rec_failed(rec) || (icp && strcmp(icp, m->client) != 0)) {
		m->other_icp += !lq_rec_failed(rec);
		lq_write(rec);
		return;
	}
	c = judged_find(m->j, lq_rec_str(rec, "id"));
	if (c == NULL) {
		json_object_del(rec, "feedback");
	} else {
		const struct lq_fb_event *e = c->ev;

		json_object_set_new(rec, "feedback", json_pack("{s:s,s:b,s:s,s:s,s:s,s:s}",
		    "label", lq_fb_label_name(e->label), "explicit", e->explicit_, "reviewer", e->reviewer,
		    "note", e->note, "time", e->time, "via", e->via));
		m->labelled++;
	}
	lq_write(rec);
}

static int
cmd_merge(int argc, char **argv)
{
	struct lq_icp *icp = load_icp(argc, argv, &merge_cmd);
	struct merge_ctx m = { 0 };
	struct judged j;

	m.client = client_of(icp, argv[optind - 1]);
	read_logs();
	judged_load(&j, m.client, icp);
	m.j = &j;
	each_record(argc - optind, argv + optind, merge_one, &m);
	lq_summary_add("%llu with a judgment", m.labelled);
	if (m.other_icp)
		lq_summary_add("%llu scored for another ICP (untouched)", m.other_icp);
	judged_free(&j);
	lq_icp_free(icp);
	return finish();
}

/* ---- export ------------------------------------------------------------ */

enum { F_KTO = 1, F_PAIRS, F_LABELS };

struct export_ctx {
	int format, split;		/* split: -1 both, 0 fit, 1 held-out */
	const struct judged *j;
	const char *client;
	char *prompt, *query;
	json_t *seen;			/* ids written */
	unsigned long long written, failed, dups, no_text;
};

static void
emit(json_t *o)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_json_dump(&b, o);
	lq_buf_addc(&b, '\n');
	if (fwrite(b.data, 1, b.len, stdout) != b.len)
		lq_die_errno(LQ_EXIT_FATAL, "write error");
	lq_buf_free(&b);
	lq_counts.out++;
}

static void
add_list(struct lq_buf *b, const char *what, const struct lq_strv *l)
{
	if (l->n == 0)
		return;
	lq_buf_addf(b, "%s: ", what);
	for (size_t i = 0; i < l->n; i++)
		lq_buf_addf(b, "%s%s", i ? "; " : "", l->v[i]);
	lq_buf_addc(b, '\n');
}

/* The KTO prompt: the question, the ICP's criteria, then the profile
 * (the completion) follows. */
static char *
kto_prompt(const struct lq_icp *icp, const char *client)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_buf_addf(&b, "Is this LinkedIn member a lead worth engaging for %s? The ideal customer profile:\n",
	    *client ? client : "the client");
	add_list(&b, "Target titles", &icp->target_titles);
	add_list(&b, "Target industries", &icp->target_industries);
	add_list(&b, "Company sizes", &icp->company_sizes);
	add_list(&b, "Keywords", &icp->target_keywords);
	add_list(&b, "Excluded titles", &icp->exclude_titles);
	if (icp->notes[0])
		lq_buf_addf(&b, "Notes: %s\n", icp->notes);
	lq_buf_adds(&b, "\nThe member's profile:\n");
	return lq_buf_detach(&b);
}

static void
export_one(json_t *rec, void *arg)
{
	struct export_ctx *x = arg;
	const char *id = lq_rec_str(rec, "id");
	const struct lq_fb_current *c;
	char *text;
	json_t *o;

	if (lq_rec_failed(rec)) {
		x->failed++;
		return;
	}
	if ((c = judged_find(x->j, id)) == NULL)
		return;
	if (x->split >= 0 && lq_calib_held_out(id) != x->split)
		return;
	if (json_object_get(x->seen, id)) {
		x->dups++;
		return;
	}
	text = lq_lead_text(rec, LQ_LEADTEXT_CAP_RERANK);
	if (*text == '\0') {
		if (x->no_text++ < WARN_MAX)
			lq_warn("%s: no profile text to export", id);
		free(text);
		return;
	}
	json_object_set_new(x->seen, id, json_true());
	if (x->format == F_KTO)
		o = json_pack("{s:s,s:s,s:b}", "prompt", x->prompt, "completion", text,
		    "label", c->ev->label != LQ_FB_BAD);
	else
		o = json_pack("{s:s,s:s,s:f}", "query", x->query, "document", text,
		    "label", c->ev->label != LQ_FB_BAD ? 1.0 : 0.0);
	emit(o);
	json_decref(o);
	free(text);
	x->written++;
}

static void
export_labels(struct export_ctx *x)
{
	for (size_t i = 0; i < x->j->n; i++) {
		const struct lq_fb_event *e = x->j->v[i].ev;
		int ho = lq_calib_held_out(e->id);
		char *reason;
		json_t *o;

		if (x->split >= 0 && ho != x->split)
			continue;
		reason = e->note[0] ? lq_xstrdup(e->note) :
		    lq_xasprintf("%s%s%s%s", e->explicit_ ? lq_fb_label_name(e->label) : "delivered",
		    e->reviewer[0] ? " (" : "", e->reviewer, e->reviewer[0] ? ")" : "");
		o = json_pack("{s:s,s:s,s:i,s:s,s:s,s:s,s:b,s:s,s:s}", "icp", x->client, "id", e->id,
		    "relevance", relevance(e), "reason", reason, "split", ho ? "held-out" : "fit",
		    "label", lq_fb_label_name(e->label), "explicit", e->explicit_, "reviewer", e->reviewer,
		    "time", e->time);
		emit(o);
		json_decref(o);
		free(reason);
		x->written++;
	}
}

static int
cmd_export(int argc, char **argv, const char *format, const char *split)
{
	struct export_ctx x = { 0 };
	struct lq_icp *icp;
	struct judged j;

	if (format == NULL) {
		lq_warn("give --format kto, pairs or labels");
		lq_usage(&export_cmd);
	}
	x.format = strcmp(format, "kto") == 0 ? F_KTO : strcmp(format, "pairs") == 0 ? F_PAIRS :
	    strcmp(format, "labels") == 0 ? F_LABELS : 0;
	if (x.format == 0)
		lq_die(LQ_EXIT_USAGE, "--format: unknown format '%s' (kto, pairs or labels)", format);
	x.split = split == NULL ? -1 : strcmp(split, "fit") == 0 ? 0 : strcmp(split, "held-out") == 0 ? 1 : -2;
	if (x.split == -2)
		lq_die(LQ_EXIT_USAGE, "--split: unknown part '%s' (fit or held-out)", split);
	icp = load_icp(argc, argv, &export_cmd);
	if (x.format == F_LABELS && optind < argc)
		lq_die(LQ_EXIT_USAGE, "--format labels reads no records: unexpected '%s'", argv[optind]);
	x.client = client_of(icp, argv[optind - 1]);
	read_logs();
	judged_load(&j, x.client, icp);
	x.j = &j;
	if (x.format == F_LABELS) {
		export_labels(&x);
	} else {
		x.seen = json_object();
		x.prompt = kto_prompt(icp, x.client);
		x.query = lq_icp_sentence(icp);
		each_record(argc - optind, argv + optind, export_one, &x);
		if (x.written < j.n) {
			unsigned long long missing = 0;

			for (size_t i = 0; i < j.n; i++)
				missing += json_object_get(x.seen, j.v[i].ev->id) == NULL &&
				    (x.split < 0 || lq_calib_held_out(j.v[i].ev->id) == x.split);
			if (missing > x.no_text)
				lq_summary_add("%llu judged leads not in the input", missing - x.no_text);
		}
		if (x.no_text)
			lq_summary_add("%llu without profile text", x.no_text);
		if (x.dups)
			lq_summary_add("%llu repeated records", x.dups);
		json_decref(x.seen);
		free(x.prompt);
		free(x.query);
	}
	if (j.n == 0)
		lq_warn("no judgments of \"%s\" in the log%s", x.client, nlogs > 1 ? "s" : "");
	lq_summary_add("%llu %s lines", x.written, format);
	judged_free(&j);
	lq_icp_free(icp);
	return finish();
}

/* ---- fit --------------------------------------------------------------- */

/* One judged lead with its features. */
struct row {
	struct lq_calib_row r;
	const char *id;
	double untuned;		/* icp_score, 0-100 */
	int rel, held_out;
};

struct fit_ctx {
	const char *icp_name;
	const int *feat;
	size_t nfeat;
	json_t *recs;		/* id -> [untuned, x..., score_version] of usable records */
	json_t *knocked_ids;
	unsigned long long failed, other_icp, knocked, bad_comp, dups, unscored, wrong_version;
};

/* Whether sv is the structured method's own output: "structured-N",
 * with or without the "+vocab:HEX" of its vocabulary, but nothing
 * appended since (a calibration's "+cal-", rerank's "+rerank-"). */
static int
structured_own(const char *sv)
{
	const char *p;

	if (sv == NULL || strncmp(sv, "structured-", 11) != 0)
		return 0;
	if ((p = strchr(sv, '+')) != NULL && strncmp(p, "+vocab:", 7) == 0)
		p = strchr(p + 1, '+');
	return p == NULL;
}

static void
fit_read(json_t *rec, void *arg)
{
	struct fit_ctx *f = arg;
	const char *id = lq_rec_str(rec, "id"), *sv = lq_rec_str(rec, "score_version");
	const char *icp = lq_rec_str(rec, "icp");
	json_t *comp = json_object_get(rec, "components"), *s = json_object_get(rec, "icp_score"), *a;
	double x[LQ_CF_N];
	char err[256];

	if (lq_rec_failed(rec) || id == NULL || *id == '\0') {
		f->failed++;
		return;
	}
	if (icp && strcmp(icp, f->icp_name) != 0) {
		f->other_icp++;
		return;
	}
	if (!json_is_number(s) || !json_is_object(comp)) {
		f->unscored++;
		return;
	}
	if (!structured_own(sv)) {
		if (f->wrong_version++ < WARN_MAX)
			lq_warn("%s: score_version %s: fit reads the structured method's own output (its "
			    "components and untuned icp_score), not other methods' or records calibrated or "
			    "reranked since; left out", id, sv ? sv : "missing");
		return;
	}
	if (json_is_true(json_object_get(json_object_get(comp, "exclude"), "knocked_out"))) {
		f->knocked++;
		json_object_set_new(f->knocked_ids, id, json_true());
		return;
	}
	if (lq_calib_values(f->feat, f->nfeat, json_number_value(s), comp, x, err, sizeof err) < 0) {
		if (f->bad_comp++ < WARN_MAX)
			lq_warn("%s: %s; left out", id, err);
		return;
	}
	if (json_object_get(f->recs, id))
		f->dups++;	/* a later batch's record of the same lead wins */
	a = json_array();
	json_array_append_new(a, json_real(json_number_value(s)));
	for (size_t i = 0; i < f->nfeat; i++)
		json_array_append_new(a, json_real(x[i]));
	json_array_append_new(a, json_string(sv));
	json_object_set_new(f->recs, id, a);
}

static double
r4(double x)
{
	return isfinite(x) ? round(x * 1e4) / 1e4 : x;
}

static json_t *
num_or_null(double x)
{
	return isfinite(x) ? json_real(r4(x)) : json_null();
}

/* Held-out ranking metrics of scores s against rows' relevance. */
static void
rank_metrics(const struct row *rows, size_t n, const double *s, double *auc, double *ndcg)
{
	struct lq_ranked *v = lq_xcalloc(n ? n : 1, sizeof *v);

	for (size_t i = 0; i < n; i++) {
		v[i].score = s[i];
		v[i].rel = rows[i].rel;
	}
	lq_rank_sort(v, n);
	*auc = lq_roc_auc(v, n);
	*ndcg = lq_ndcg(v, n, 10);
	free(v);
}

/* "better", "worse", "same" or "mixed" for the calibrated figures (c)
 * against the untuned ones (u); "n/a" when they are undefined. */
static const char *
verdict(double ua, double ca, double un, double cn)
{
	const double eps = 1e-9;
	int up, down;

	if (!isfinite(ua) || !isfinite(ca) || !isfinite(un) || !isfinite(cn))
		return "n/a";
	up = (ca > ua + eps) + (cn > un + eps);
	down = (ca < ua - eps) + (cn < un - eps);
	return up && !down ? "better" : down && !up ? "worse" : up ? "mixed" : "same";
}

/* Writes text to path through a temp file renamed into place. */
static void
write_file(const char *path, const char *text)
{
	char *tmp = lq_xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *fp = fopen(tmp, "w");
	size_t n = strlen(text);

	if (fp == NULL)
		lq_die_errno(LQ_EXIT_FATAL, "%s", tmp);
	if (fwrite(text, 1, n, fp) != n || fflush(fp) != 0 || fsync(fileno(fp)) != 0) {
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

static int
cmd_fit(int argc, char **argv, double lambda, const char *out)
{
	struct lq_icp *icp = load_icp(argc, argv, &fit_cmd);
	const char *icp_path = argv[optind - 1], *client = client_of(icp, icp_path), *sv = NULL;
	struct fit_ctx f = { 0 };
	struct judged j;
	struct row *rows;
	size_t n = 0, nfit = 0, nho = 0, p;
	unsigned long long not_in = 0, knocked = 0, fit_pos = 0, fit_neg = 0, ho_pos = 0, ho_neg = 0, implied = 0;
	int feat[LQ_CF_N];
	struct lq_calib_row *fr;
	struct lq_calib_fit res;
	json_t *cv = json_array(), *hashes = json_object(), *info, *calj;
	struct lq_calib cal;
	const char *lambda_by = "--lambda";
	char *text;

	f.icp_name = icp->client[0] ? icp->client : strrchr(icp_path, '/') ? strrchr(icp_path, '/') + 1 : icp_path;
	p = lq_calib_features_for_icp(icp, feat);
	f.feat = feat;
	f.nfeat = p;
	f.recs = json_object();
	f.knocked_ids = json_object();
	read_logs();
	judged_load(&j, client, icp);
	each_record(argc - optind, argv + optind, fit_read, &f);

	/* The judged leads found in the input, fit part first. */
	rows = lq_xcalloc(j.n ? j.n : 1, sizeof *rows);
	for (int part = 0; part < 2; part++)
		for (size_t i = 0; i < j.n; i++) {
			const struct lq_fb_event *e = j.v[i].ev;
			json_t *a = json_object_get(f.recs, e->id);
			struct row *r;

			if (lq_calib_held_out(e->id) != part)
				continue;
			if (a == NULL) {
				if (json_object_get(f.knocked_ids, e->id))
					knocked++;
				else
					not_in++;
				continue;
			}
			r = &rows[n++];
			r->id = e->id;
			r->untuned = json_real_value(json_array_get(a, 0));
			for (size_t k = 0; k < p; k++)
				r->r.x[k] = json_real_value(json_array_get(a, k + 1));
			r->r.y = e->label != LQ_FB_BAD;
			r->rel = relevance(e);
			r->held_out = part;
			r->r.fold = lq_calib_fold(e->id, LQ_CALIB_FOLDS);
			implied += !e->explicit_;
			sv = json_string_value(json_array_get(a, p + 1));
			json_object_set_new(hashes, e->icp_hash,
			    json_integer(json_integer_value(json_object_get(hashes, e->icp_hash)) + 1));
			if (part) {
				nho++;
				ho_pos += r->r.y;
				ho_neg += !r->r.y;
			} else {
				nfit++;
				fit_pos += r->r.y;
				fit_neg += !r->r.y;
			}
		}
	if (f.wrong_version && json_object_size(f.recs) == 0)
		lq_die(LQ_EXIT_FATAL, "no record to fit on: fit needs score --method structured's own output "
		    "(the stage file before rerank, scored without --calibration)");
	if (f.wrong_version)
		lq_summary_add("%llu records of another scoring (left out)", f.wrong_version);
	if (knocked)
		lq_summary_add("%llu judged leads knocked out (left to the exclusion rule)", knocked);
	if (f.unscored)
		lq_summary_add("%llu records without a score", f.unscored);
	if (f.bad_comp)
		lq_summary_add("%llu records without the components (left out)", f.bad_comp);
	if (f.other_icp)
		lq_summary_add("%llu records scored for another ICP (left out)", f.other_icp);
	if (f.dups)
		lq_summary_add("%llu repeated leads (the last record counts)", f.dups);
	if (not_in)
		lq_summary_add("%llu judged leads not in the input", not_in);
	if (fit_pos < LQ_CALIB_MIN_POSITIVES || fit_neg < LQ_CALIB_MIN_NEGATIVES)
		lq_die(LQ_EXIT_TOO_FEW, "%s: refused: the fit part has %llu good and %llu bad judgments "
		    "(of %zu judged leads in the input; %d%% are held out to check the fit); a calibration "
		    "needs at least %d good and %d bad. Judge more leads (review --serve) and fit again; "
		    "feedback stats shows the counts", client, fit_pos, fit_neg, n, LQ_CALIB_HELD_OUT_PCT,
		    LQ_CALIB_MIN_POSITIVES, LQ_CALIB_MIN_NEGATIVES);

	/* The fit, on the fit part (docs/feedback.md). */
	fr = lq_xcalloc(nfit ? nfit : 1, sizeof *fr);
	for (size_t i = 0; i < nfit; i++)
		fr[i] = rows[i].r;
	if (lq_calib_fit(fr, nfit, feat, p, lambda, &res) < 0)
		lq_die(LQ_EXIT_FATAL, "%s: the fit did not converge", client);
	if (res.cv) {
		for (size_t i = 0; i < LQ_CALIB_NLAMBDA; i++)
			json_array_append_new(cv, json_pack("{s:f,s:o,s:o}", "lambda", lq_calib_lambdas[i],
			    "log_loss", num_or_null(res.cv_loss[i]), "se_of_difference", num_or_null(res.cv_se[i])));
		lambda_by = "5-fold cross-validation on the fit part: the largest lambda whose log loss "
		    "is within one standard error (of the paired per-lead difference) of the best";
	}

	/* The held-out part: the untuned score against the calibration,
	 * and each one's log loss (the untuned score through a logistic
	 * fitted on the fit part alone). */
	double ua = NAN, un = NAN, ca = NAN, cn = NAN, ull = NAN, cll = NAN;
	if (nho) {
		struct row *ho = rows + nfit;
		double *us = lq_xcalloc(nho, sizeof *us), *cs = lq_xcalloc(nho, sizeof *cs);
		int f0 = LQ_CF_UNTUNED;
		struct lq_calib_fit r0;
		double su = 0, sc = 0;

		if (lq_calib_fit(fr, nfit, &f0, 1, 0, &r0) < 0)
			lq_die(LQ_EXIT_FATAL, "%s: the fit did not converge", client);
		for (size_t i = 0; i < nho; i++) {
			double pr = lq_calib_predict(res.w, res.b, ho[i].r.x, p);

			us[i] = ho[i].untuned;
			cs[i] = round(1000 * pr) / 10;	/* as score rounds it */
			su += lq_calib_log_loss(lq_calib_predict(r0.w, r0.b, ho[i].r.x, 1), ho[i].r.y);
			sc += lq_calib_log_loss(pr, ho[i].r.y);
		}
		rank_metrics(ho, nho, us, &ua, &un);
		rank_metrics(ho, nho, cs, &ca, &cn);
		ull = su / (double)nho;
		cll = sc / (double)nho;
		free(us);
		free(cs);
	}

	memset(&cal, 0, sizeof cal);
	cal.client = icp->client;
	memcpy(cal.icp_hash, icp->hash, 65);
	cal.score_version = (char *)(sv ? sv : "structured-3");
	cal.nfeat = p;
	memcpy(cal.feat, feat, sizeof feat);
	memcpy(cal.w, res.w, sizeof res.w);
	cal.intercept = res.b;
	cal.positives = (long long)fit_pos;
	cal.negatives = (long long)fit_neg;
	info = json_object();
	json_object_set_new(info, "lambda", json_real(res.lambda));
	json_object_set_new(info, "lambda_chosen_by", json_string(lambda_by));
	if (json_array_size(cv)) {
		json_object_set_new(info, "cross_validation", cv);
	} else {
		json_decref(cv);
	}
	json_object_set_new(info, "labels", json_pack("{s:{s:I,s:I},s:I,s:I,s:I,s:o}",
	    "held_out", "positives", (json_int_t)ho_pos, "negatives", (json_int_t)ho_neg,
	    "implied_positives", (json_int_t)implied, "knocked_out", (json_int_t)knocked,
	    "not_in_input", (json_int_t)not_in, "judged_under_icp", hashes));
	json_object_set_new(info, "held_out", json_pack("{s:I,s:I,s:I,s:{s:o,s:o},s:{s:o,s:o},s:{s:o,s:o},s:s}",
	    "leads", (json_int_t)nho, "positives", (json_int_t)ho_pos, "negatives", (json_int_t)ho_neg,
	    "auc", "untuned", num_or_null(ua), "calibrated", num_or_null(ca),
	    "ndcg@10", "untuned", num_or_null(un), "calibrated", num_or_null(cn),
	    "log_loss", "untuned", num_or_null(ull), "calibrated", num_or_null(cll),
	    "verdict", verdict(ua, ca, un, cn)));
	json_object_set_new(info, "split", json_pack("{s:i,s:s}", "held_out_percent", LQ_CALIB_HELD_OUT_PCT,
	    "by", "the first 4 bytes of SHA-256 of the lead id, mod 100"));
	json_object_set_new(info, "minimum", json_pack("{s:i,s:i}", "positives", LQ_CALIB_MIN_POSITIVES,
	    "negatives", LQ_CALIB_MIN_NEGATIVES));
	json_object_set_new(info, "model", json_string("P(good) = sigmoid(intercept + sum of weight x feature); "
	    "features: untuned = icp_score/100, components' values, title x each context value; "
	    "L2 ridge lambda on every weight but untuned's (docs/feedback.md)"));
	calj = lq_calib_to_json(&cal, info);
	text = json_dumps(calj, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
	if (text == NULL)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	if (out) {
		char *t = lq_xasprintf("%s\n", text);

		write_file(out, t);
		free(t);
	} else {
		printf("%s\n", text);
	}
	free(text);
	json_decref(calj);
	json_decref(info);
	lq_summary_add("%s: %llu good, %llu bad fitted, lambda %g", client, fit_pos, fit_neg, res.lambda);
	if (nho)
		lq_summary_add("held out %zu (%llu good): AUC %.3f -> %.3f, NDCG@10 %.3f -> %.3f: %s", nho, ho_pos,
		    ua, ca, un, cn, verdict(ua, ca, un, cn));
	if (strcmp(verdict(ua, ca, un, cn), "worse") == 0)
		lq_warn("the calibration ranks the held-out leads worse than the untuned score: "
		    "think twice before applying it");
	lq_counts.out = 1;
	free(fr);
	free(rows);
	json_decref(f.recs);
	json_decref(f.knocked_ids);
	judged_free(&j);
	lq_icp_free(icp);
	return finish();
}

/* ---- delivered --------------------------------------------------------- */

/* A spreadsheet row being parsed. */
struct sheet {
	json_t *rows;		/* arrays of cells, with the line each row began on last */
	json_t *cur;
	unsigned long line, row_line;
};

static void
sheet_field(void *s, size_t n, void *data)
{
	struct sheet *sh = data;

	if (sh->cur == NULL) {
		sh->cur = json_array();
		sh->row_line = sh->line;
	}
	json_array_append_new(sh->cur, json_stringn_nocheck(s ? s : "", s ? n : 0));
}

static void
sheet_row(int term, void *data)
{
	struct sheet *sh = data;

	(void)term;
	if (sh->cur == NULL)
		return;
	json_array_append_new(sh->cur, json_integer((json_int_t)sh->row_line));
	json_array_append_new(sh->rows, sh->cur);
	sh->cur = NULL;
}

/* The spreadsheet's rows (the header first), each an array of its cells
 * and, last, its line number. Dies when the file cannot be read. */
static json_t *
read_sheet(const char *path, unsigned char delim)
{
	struct lq_buf b = LQ_BUF_INIT;
	struct csv_parser p;
	struct sheet sh = { 0 };
	const char *s, *end;

	lq_read_file(path, (size_t)1 << 30, "a spreadsheet", &b);
	s = b.data ? b.data : "";
	end = s + b.len;
	if (b.len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		s += 3;
	if (csv_init(&p, CSV_APPEND_NULL) != 0)
		lq_die(LQ_EXIT_FATAL, "out of memory");
	csv_set_delim(&p, delim);
	sh.rows = json_array();
	while (s < end) {
		const char *nl = memchr(s, '\n', (size_t)(end - s));
		size_t n = (size_t)((nl ? nl + 1 : end) - s);

		sh.line++;
		if (csv_parse(&p, s, n, sheet_field, sheet_row, &sh) != n)
			lq_die(LQ_EXIT_FATAL, "%s:%lu: %s", path, sh.line, csv_strerror(csv_error(&p)));
		s += n;
	}
	csv_fini(&p, sheet_field, sheet_row, &sh);
	csv_free(&p);
	lq_buf_free(&b);
	return sh.rows;
}

/* A key for a person: "u:" and the member id, or "s:" and the slug. */
static void
person_keys(const char *link, char *k1, char *k2, size_t len)
{
	struct lq_liurl u;

	*k1 = *k2 = '\0';
	if (link == NULL || lq_liurl_parse(link, strlen(link), &u) != LQ_LIURL_OK)
		return;
	if (u.urn[0])
		snprintf(k1, len, "u:%s", u.urn);
	if (u.slug[0])
		snprintf(k2, len, "s:%s", u.slug);
}

struct deliver_ctx {
	json_t *by_key;		/* person key or "i:" id -> record */
	unsigned long long failed;
};

static void
deliver_read(json_t *rec, void *arg)
{
	struct deliver_ctx *d = arg;
	const char *id = lq_rec_str(rec, "id"), *pub = lq_rec_str(rec, "public_identifier");
	char url[LQ_EXPLAIN_URL_MAX], k1[LQ_LIURL_ID_MAX + 3], k2[LQ_LIURL_ID_MAX + 3], *k;

	if (lq_rec_failed(rec) || id == NULL || *id == '\0') {
		d->failed++;
		return;
	}
	k = lq_xasprintf("i:%s", id);
	json_object_set(d->by_key, k, rec);
	free(k);
	if (lq_explain_link(rec, url)) {
		person_keys(url, k1, k2, sizeof k1);
		if (*k1)
			json_object_set(d->by_key, k1, rec);
		if (*k2)
			json_object_set(d->by_key, k2, rec);
	}
	person_keys(lq_rec_str(rec, "linkedin_url"), k1, k2, sizeof k1);
	if (*k1)
		json_object_set(d->by_key, k1, rec);
	if (*k2)
		json_object_set(d->by_key, k2, rec);
	if (pub && *pub) {
		char u[LQ_LIURL_URL_MAX];

		if (strlen(pub) <= LQ_LIURL_ID_MAX) {
			lq_liurl_format(u, pub);
			person_keys(u, k1, k2, sizeof k1);
			if (*k2)
				json_object_set(d->by_key, k2, rec);
		}
	}
}

/* A cell with to-csv's formula guard (a leading ') taken off. */
static const char *
unguard(const char *s)
{
	return s[0] == '\'' && strchr("=+-@\t\r", s[1]) && s[1] ? s + 1 : s;
}

static int
cmd_delivered(int argc, char **argv, unsigned char delim, const char *reviewer)
{
	struct lq_icp *icp = load_icp(argc, argv, &delivered_cmd);
	const char *client = client_of(icp, argv[optind - 1]), *sheet;
	struct deliver_ctx d = { 0 };
	json_t *rows, *head, *already = json_object(), *done = json_object();
	long idcol = -1, linkcol = -1, urlcol = -1;
	struct lq_buf lines = LQ_BUF_INIT;
	unsigned long long recorded = 0, repeated = 0, unknown = 0;
	size_t i, k;
	json_t *v;
	char now[32];
	int fd;

	if (optind >= argc) {
		lq_warn("no spreadsheet given");
		lq_usage(&delivered_cmd);
	}
	sheet = argv[optind++];
	if (strlen(client) > LQ_FB_CLIENT_MAX)
		lq_die(LQ_EXIT_USAGE, "the client's name is longer than %d bytes", LQ_FB_CLIENT_MAX);
	rows = read_sheet(sheet, delim);
	head = json_array_get(rows, 0);
	if (head == NULL)
		lq_die(LQ_EXIT_FATAL, "%s: empty: no header row (to-csv writes one unless --no-header)", sheet);
	json_array_foreach(head, i, v) {
		const char *h = json_string_value(v);

		if (h == NULL)
			continue;
		while (*h == ' ')
			h++;
		if (strcasecmp(h, "id") == 0 && idcol < 0)
			idcol = (long)i;
		else if (strcasestr(h, "linkedin") && linkcol < 0)
			linkcol = (long)i;
		else if ((strcasestr(h, "url") || strcasestr(h, "link")) && urlcol < 0)
			urlcol = (long)i;
	}
	if (linkcol < 0)
		linkcol = urlcol;
	if (idcol < 0 && linkcol < 0)
		lq_die(LQ_EXIT_FATAL, "%s:%lld: no \"LinkedIn\", URL or \"id\" column in the header row (is -d right?)",
		    sheet, (long long)json_integer_value(json_array_get(head, json_array_size(head) - 1)));
	d.by_key = json_object();
	/* The records a spreadsheet was made from are scored (to-csv's
	 * input): leads never scored are a mistake of order, said once with
	 * the first one's file:line and id, and nothing is recorded. */
	lq_need(LQ_NEED_SCORE, 0);
	each_record(argc - optind, argv + optind, deliver_read, &d);
	if (lq_need_tripped()) {
		json_decref(rows);
		json_decref(already);
		json_decref(done);
		json_decref(d.by_key);
		lq_icp_free(icp);
		return finish();
	}

	/* The log (created if need be, never through a symbolic link), and
	 * what it already records as delivered for this ICP. */
	if ((fd = lq_fb_log_open(logs[0])) < 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s%s", logs[0], errno == EINVAL ? ": not a regular file" : "");
	if (lq_fb_log_read(&flog, logs[0]) < 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s", logs[0]);
	for (i = 0; i < flog.nbadmsg; i++)
		lq_warn("%s", flog.badmsg[i]);
	for (i = 0; i < flog.n; i++) {
		const struct lq_fb_event *e = &flog.ev[i];

		if (!e->explicit_ && strcmp(e->client, client) == 0 && strcmp(e->icp_hash, icp->hash) == 0)
			json_object_set_new(already, e->id, json_boolean(e->label == LQ_FB_GOOD));
	}
	lq_fb_now(now);
	for (k = 1; k < json_array_size(rows); k++) {
		json_t *row = json_array_get(rows, k), *rec = NULL;
		size_t nc = json_array_size(row) - 1;
		long long line = json_integer_value(json_array_get(row, nc));
		const char *cell;
		char k1[LQ_LIURL_ID_MAX + 3] = "", k2[LQ_LIURL_ID_MAX + 3] = "";
		struct lq_fb_event ev;

		if (idcol >= 0 && (size_t)idcol < nc && *(cell = unguard(json_string_value(json_array_get(row, (size_t)idcol))))) {
			char *key = lq_xasprintf("i:%s", cell);

			rec = json_object_get(d.by_key, key);
			free(key);
		}
		if (rec == NULL && linkcol >= 0 && (size_t)linkcol < nc) {
			person_keys(unguard(json_string_value(json_array_get(row, (size_t)linkcol))), k1, k2, sizeof k1);
			rec = *k1 ? json_object_get(d.by_key, k1) : NULL;
			if (rec == NULL && *k2)
				rec = json_object_get(d.by_key, k2);
		}
		if (nc == 1 && json_string_length(json_array_get(row, 0)) == 0)
			continue;	/* a blank line */
		if (rec == NULL && !*k1 && !*k2 && (idcol < 0 || (size_t)idcol >= nc ||
		    json_string_length(json_array_get(row, (size_t)idcol)) == 0)) {
			if (unknown++ < WARN_MAX)
				lq_warn("%s:%lld: the row has no %s; not recorded", sheet, line,
				    idcol >= 0 ? "id" : "LinkedIn link");
			continue;
		}
		if (rec == NULL) {
			if (unknown++ < WARN_MAX)
				lq_warn("%s:%lld: no lead in the input has this row's %s; not recorded", sheet, line,
				    idcol >= 0 ? "id" : "LinkedIn link");
			continue;
		}
		const char *id = lq_rec_str(rec, "id");
		if (json_is_true(json_object_get(already, id)) || json_object_get(done, id)) {
			repeated++;
			continue;
		}
		if (strlen(id) > LQ_FB_ID_MAX) {
			if (unknown++ < WARN_MAX)
				lq_warn("%s:%lld: the lead's id is longer than %d bytes; not recorded", sheet, line,
				    LQ_FB_ID_MAX);
			continue;
		}
		json_t *s = json_object_get(rec, "icp_score");
		int tier = lq_explain_tier(rec);
		const char *sv = lq_rec_str(rec, "score_version");

		memset(&ev, 0, sizeof ev);
		ev.id = (char *)id;
		ev.client = (char *)client;
		memcpy(ev.icp_hash, icp->hash, 65);
		ev.label = LQ_FB_GOOD;
		ev.note = "";
		ev.reviewer = (char *)reviewer;
		snprintf(ev.time, sizeof ev.time, "%s", now);
		ev.score_version = sv && strlen(sv) <= LQ_FB_VERSION_MAX ? (char *)sv : NULL;
		ev.has_score = json_is_number(s) && isfinite(json_number_value(s));
		ev.icp_score = ev.has_score ? json_number_value(s) : 0;
		ev.tier = (char)tier;
		ev.explicit_ = 0;
		ev.via = "delivered";
		lq_fb_event_format(&ev, &lines);
		json_object_set_new(done, id, json_true());
		recorded++;
	}
	if (unknown > WARN_MAX)
		lq_warn("%llu more rows not recorded", unknown - WARN_MAX);
	if (lines.len && lq_fb_log_append(fd, lines.data, lines.len) != 0)
		lq_die_errno(LQ_EXIT_FATAL, "%s: nothing recorded", logs[0]);
	close(fd);
	lq_summary_add("%llu delivered leads recorded in %s", recorded, logs[0]);
	if (repeated)
		lq_summary_add("%llu already recorded", repeated);
	if (unknown)
		lq_summary_add("%llu rows not recorded", unknown);
	lq_counts.out = recorded;
	lq_buf_free(&lines);
	json_decref(rows);
	json_decref(already);
	json_decref(done);
	json_decref(d.by_key);
	lq_icp_free(icp);
	{
		int st = finish();

		return st == LQ_EXIT_OK && lq_opt_strict && unknown ? LQ_EXIT_FAILED : st;
	}
}

/* ---- main -------------------------------------------------------------- */

static unsigned char
parse_delim(const char *s)
{
	if (strcmp(s, "tab") == 0)
		return '\t';
	if (strlen(s) != 1 || (unsigned char)s[0] >= 0x80 || s[0] == '"' || s[0] == '\n' || s[0] == '\r')
		lq_die(LQ_EXIT_USAGE, "--delimiter: '%s' is not one ASCII character or 'tab'", s);
	return (unsigned char)s[0];
}

int
main(int argc, char **argv)
{
	const char *arg, *sub, *format = NULL, *split = NULL, *out = NULL, *reviewer = "";
	double lambda = -1;
	unsigned char delim = ',';
	int c, json = 0;
	const struct lq_cmd *cmd;

	lq_init(argv[0]);
	lq_subcommand(&argc, &argv, &main_cmd);
	sub = argv[0];
	cmd = strcmp(sub, "stats") == 0 ? &stats_cmd : strcmp(sub, "merge") == 0 ? &merge_cmd :
	    strcmp(sub, "export") == 0 ? &export_cmd : strcmp(sub, "fit") == 0 ? &fit_cmd :
	    strcmp(sub, "delivered") == 0 ? &delivered_cmd : NULL;
	if (cmd == NULL) {
		lq_warn("unknown subcommand '%s'", sub);
		lq_usage(&main_cmd);
	}
	sub_start(sub);
	while ((c = lq_getopt(argc, argv, cmd, &arg)) != -1) {
		switch (c) {
		case 'f':
			add_log(arg);
			break;
		case 'o':
			out = arg;
			break;
		case 'd':
			delim = parse_delim(arg);
			break;
		case OPT_CLIENT:
			if (*arg == '\0' || strlen(arg) > LQ_FB_CLIENT_MAX)
				lq_die(LQ_EXIT_USAGE, "--client: empty or longer than %d bytes", LQ_FB_CLIENT_MAX);
			opt_client = arg;
			break;
		case OPT_EXACT_ICP:
			opt_exact = 1;
			break;
		case OPT_EXPLICIT_ONLY:
			opt_explicit_only = 1;
			break;
		case OPT_FORMAT:
			format = arg;
			break;
		case OPT_JSON:
			json = 1;
			break;
		case OPT_LAMBDA:
			lambda = lq_parse_double("--lambda", arg, 1e-6, 1e6);
			break;
		case OPT_REVIEWER:
			if (strlen(arg) > LQ_FB_REVIEWER_MAX)
				lq_die(LQ_EXIT_USAGE, "--reviewer: longer than %d bytes", LQ_FB_REVIEWER_MAX);
			for (const char *q = arg; *q; q++)
				if ((unsigned char)*q < 0x20 || *q == 0x7f)
					lq_die(LQ_EXIT_USAGE, "--reviewer: holds a control character");
			reviewer = arg;
			break;
		case OPT_SPLIT:
			split = arg;
			break;
		default:
			lq_usage(cmd);
		}
	}
	if (cmd == &stats_cmd) {
		if (optind < argc) {
			lq_warn("unexpected argument '%s'", argv[optind]);
			lq_usage(cmd);
		}
		return cmd_stats(json);
	}
	if (cmd == &merge_cmd)
		return cmd_merge(argc, argv);
	if (cmd == &export_cmd)
		return cmd_export(argc, argv, format, split);
	if (cmd == &fit_cmd)
		return cmd_fit(argc, argv, lambda, out);
	if (nlogs > 1)
		lq_die(LQ_EXIT_USAGE, "-f: delivered appends to one log; give it once");
	if (nlogs == 0)
		add_log(DEFAULT_LOG);
	return cmd_delivered(argc, argv, delim, reviewer);
}
