/* test_feedback.c: posted judgments, feedback log lines, the body limit. */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "feedback.h"
#include "t.h"
#include "util.h"

static void
check_bad_post(const char *body, const char *want)
{
	struct lq_fb_post p;
	char err[256] = "";

	memset(&p, 0, sizeof p);
	CHECK_INT(lq_fb_post_parse(body, strlen(body), &p, err, sizeof err), -1);
	CHECK(p.id == NULL);
	if (strstr(err, want) == NULL) {
		t_case_failed = 1;
		printf("#   %s: message \"%s\" lacks \"%s\"\n", body, err, want);
	}
}

static void
check_bad_line(const char *line, const char *want)
{
	struct lq_fb_event ev;
	char err[256] = "";

	CHECK_INT(lq_fb_event_parse(line, strlen(line), &ev, err, sizeof err), -1);
	if (strstr(err, want) == NULL) {
		t_case_failed = 1;
		printf("#   %s: message \"%s\" lacks \"%s\"\n", line, err, want);
	}
}

int
main(void)
{
	struct lq_fb_post p;
	char err[256];
	static const char H[] = "4e61b25bc6ca2e046c7f953ead557274d88fdbf936a1fa8c33aed1c47fee47c7";

	t_begin("a post: id and label, note and reviewer optional");
	memset(&p, 0, sizeof p);
	CHECK_INT(lq_fb_post_parse("{\"id\":\"a\",\"label\":\"good\"}", 25, &p, err, sizeof err), 0);
	CHECK_STR(p.id, "a");
	CHECK_INT(p.label, LQ_FB_GOOD);
	CHECK_STR(p.note, "");
	CHECK_STR(p.reviewer, "");
	lq_fb_post_free(&p);
	{
		const char *b = "{\"reviewer\":\"Zoë\",\"note\":\"line 1\\nline 2 🎉\",\"label\":\"bad\",\"id\":\"ACoAA1\"}";

		CHECK_INT(lq_fb_post_parse(b, strlen(b), &p, err, sizeof err), 0);
		CHECK_INT(p.label, LQ_FB_BAD);
		CHECK_STR(p.note, "line 1\nline 2 🎉");
		CHECK_STR(p.reviewer, "Zoë");
		lq_fb_post_free(&p);
		b = "{\"id\":\"a\",\"label\":\"none\",\"note\":null,\"reviewer\":null}";
		CHECK_INT(lq_fb_post_parse(b, strlen(b), &p, err, sizeof err), 0);
		CHECK_INT(p.label, LQ_FB_NONE);
		lq_fb_post_free(&p);
	}

	t_begin("bad posts: a clear message each");
	check_bad_post("", "not JSON");
	check_bad_post("{", "not JSON");
	check_bad_post("[]", "expected a JSON object, got an array");
	check_bad_post("\"good\"", "not JSON");
	check_bad_post("{\"label\":\"good\"}", "\"id\" is missing");
	check_bad_post("{\"id\":\"\",\"label\":\"good\"}", "\"id\" is empty");
	check_bad_post("{\"id\":1,\"label\":\"good\"}", "\"id\" must be a string, not a number");
	check_bad_post("{\"id\":\"a\",\"label\":\"Good\"}", "\"label\" must be \"good\", \"bad\" or \"none\"");
	check_bad_post("{\"id\":\"a\",\"label\":true}", "\"label\" must be a string");
	check_bad_post("{\"id\":\"a\",\"label\":\"good\",\"x\":1}", "unknown key \"x\"");
	check_bad_post("{\"id\":\"a\",\"label\":\"good\",\"id\":\"b\"}", "not JSON");
	check_bad_post("{\"id\":\"a\",\"label\":\"good\"} {}", "not JSON");
	check_bad_post("{\"id\":\"a\",\"label\":\"good\",\"reviewer\":\"a\\tb\"}", "control character");
	check_bad_post("{\"id\":\"a\\u0000b\",\"label\":\"good\"}", "not JSON");
	{
		struct lq_buf b = LQ_BUF_INIT;

		lq_buf_adds(&b, "{\"id\":\"a\",\"label\":\"good\",\"note\":\"");
		for (int i = 0; i <= LQ_FB_NOTE_MAX; i++)
			lq_buf_addc(&b, 'x');
		lq_buf_adds(&b, "\"}");
		check_bad_post(b.data, "\"note\" is longer than");
		lq_buf_reset(&b);
		lq_buf_adds(&b, "{\"label\":\"good\",\"id\":\"");
		for (int i = 0; i <= LQ_FB_ID_MAX; i++)
			lq_buf_addc(&b, 'i');
		lq_buf_adds(&b, "\"}");
		check_bad_post(b.data, "\"id\" is longer than");
		lq_buf_free(&b);
	}

	t_begin("the body limit: a body grows to LQ_FB_BODY_MAX, not a byte more");
	{
		struct lq_buf b = LQ_BUF_INIT;
		char chunk[1000];

		memset(chunk, 'a', sizeof chunk);
		for (int i = 0; i < LQ_FB_BODY_MAX / 1000; i++)
			CHECK_INT(lq_fb_body_add(&b, chunk, sizeof chunk), 0);
		CHECK_INT(lq_fb_body_add(&b, chunk, LQ_FB_BODY_MAX % 1000), 0);
		CHECK_INT(b.len, LQ_FB_BODY_MAX);
		CHECK_INT(lq_fb_body_add(&b, chunk, 1), -1);
		CHECK_INT(b.len, LQ_FB_BODY_MAX);
		CHECK_INT(lq_fb_body_add(&b, chunk, 0), 0);
		lq_buf_reset(&b);
		CHECK_INT(lq_fb_body_add(&b, chunk, (size_t)-1), -1);
		lq_buf_free(&b);
	}

	t_begin("an event: formatted as one line, read back the same");
	{
		struct lq_fb_event ev, back;
		struct lq_buf line = LQ_BUF_INIT;

		memset(&ev, 0, sizeof ev);
		ev.id = "ACoAA1";
		ev.client = "Northwind \"Payroll\"";
		memcpy(ev.icp_hash, H, sizeof H);
		ev.label = LQ_FB_BAD;
		ev.note = "not HR\nat all";
		ev.reviewer = "ana";
		strcpy(ev.time, "2026-11-30T09:41:07.250Z");
		ev.score_version = "structured-1";
		ev.icp_score = 64.5;
		ev.has_score = 1;
		ev.tier = 'B';
		ev.explicit_ = 1;
		ev.via = "review-serve";
		lq_fb_event_format(&ev, &line);
		CHECK_STR(line.data, "{\"v\":1,\"id\":\"ACoAA1\",\"client\":\"Northwind \\\"Payroll\\\"\",\"icp_hash\":\"4e61b25bc6ca2e046c7f953ead557274d88fdbf936a1fa8c33aed1c47fee47c7\",\"label\":\"bad\",\"note\":\"not HR\\nat all\",\"reviewer\":\"ana\",\"time\":\"2026-11-30T09:41:07.250Z\",\"score_version\":\"structured-1\",\"icp_score\":64.5,\"tier\":\"B\",\"explicit\":true,\"via\":\"review-serve\"}\n");
		CHECK_INT(lq_fb_event_parse(line.data, line.len - 1, &back, err, sizeof err), 0);
		CHECK_STR(back.id, ev.id);
		CHECK_STR(back.client, ev.client);
		CHECK_STR(back.icp_hash, H);
		CHECK_INT(back.label, LQ_FB_BAD);
		CHECK_STR(back.note, ev.note);
		CHECK_STR(back.time, ev.time);
		CHECK_STR(back.score_version, "structured-1");
		CHECK(back.has_score && back.icp_score == 64.5);
		CHECK_INT(back.tier, 'B');
		CHECK_INT(back.explicit_, 1);
		CHECK_STR(back.via, "review-serve");
		lq_fb_event_free(&back);
		/* Unknown score, tier and version: null, read back as absent. */
		ev.has_score = 0;
		ev.tier = 0;
		ev.score_version = NULL;
		ev.explicit_ = 0;
		lq_buf_reset(&line);
		lq_fb_event_format(&ev, &line);
		CHECK(strstr(line.data, "\"score_version\":null,\"icp_score\":null,\"tier\":null,\"explicit\":false") != NULL);
		CHECK_INT(lq_fb_event_parse(line.data, line.len - 1, &back, err, sizeof err), 0);
		CHECK(!back.has_score && back.tier == 0 && back.score_version == NULL && back.explicit_ == 0);
		lq_fb_event_free(&back);
		lq_buf_free(&line);
	}

	t_begin("log lines: later versions may add keys; bad ones are named");
	{
		struct lq_fb_event ev;
		char line[512];

		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\",\"extra\":[1]}", H);
		CHECK_INT(lq_fb_event_parse(line, strlen(line), &ev, err, sizeof err), 0);
		CHECK_STR(ev.client, "");
		CHECK_INT(ev.explicit_, 1);
		lq_fb_event_free(&ev);
		check_bad_line("{\"v\":2,\"id\":\"a\"}", "\"v\" is not 1");
		check_bad_line("{\"id\":\"a\"}", "\"v\" is not 1");
		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%.63s\",\"label\":\"good\",\"time\":\"t\"}", H);
		check_bad_line(line, "\"icp_hash\" is not 64");
		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"meh\",\"time\":\"t\"}", H);
		check_bad_line(line, "\"label\" must be");
		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\",\"tier\":\"E\"}", H);
		check_bad_line(line, "\"tier\" must be");
		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\",\"icp_score\":\"9\"}", H);
		check_bad_line(line, "\"icp_score\" must be a number");
		check_bad_line("{\"v\":1,", "not JSON");
	}

	t_begin("the log: events in order, bad lines named by line, BOM, CRLF, blank and last lines");
	{
		struct lq_fb_log log = { 0 };
		struct lq_buf b = LQ_BUF_INIT;

		lq_buf_adds(&b, "\xef\xbb\xbf");
		lq_buf_addf(&b, "{\"v\":1,\"id\":\"a\",\"client\":\"c\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\"}\r\n", H);
		lq_buf_adds(&b, "\n\r\nnot json\n");
		lq_buf_addf(&b, "{\"v\":1,\"id\":\"b\",\"client\":\"c\",\"icp_hash\":\"%s\",\"label\":\"bad\",\"time\":\"t\"}", H);
		lq_fb_log_add(&log, b.data, b.len, "fb.ndjson");
		CHECK_INT(log.n, 2);
		CHECK_INT(log.lines, 3);
		CHECK_INT(log.bad, 1);
		CHECK_INT(log.nbadmsg, 1);
		CHECK(log.nbadmsg == 1 && strncmp(log.badmsg[0], "fb.ndjson:4: not JSON", 21) == 0);
		CHECK(log.n == 2 && strcmp(log.ev[1].id, "b") == 0 && log.ev[1].label == LQ_FB_BAD);
		/* More bad lines than kept messages: all counted. */
		for (int i = 0; i < 2 * LQ_FB_BAD_KEEP; i++)
			lq_fb_log_add(&log, "[]\n", 3, "more");
		CHECK_INT(log.bad, 1 + 2 * LQ_FB_BAD_KEEP);
		CHECK_INT(log.nbadmsg, LQ_FB_BAD_KEEP);
		lq_fb_log_add(&log, "", 0, "empty");
		CHECK_INT(log.n, 2);
		lq_fb_log_free(&log);
		lq_buf_free(&b);
	}

	t_begin("the log: a line over LQ_FB_LINE_MAX is skipped unparsed, the next one read");
	{
		struct lq_fb_log log = { 0 };
		struct lq_buf b = LQ_BUF_INIT;

		lq_buf_adds(&b, "{\"v\":1,\"note\":\"");
		for (int i = 0; i < LQ_FB_LINE_MAX; i++)
			lq_buf_addc(&b, 'x');
		lq_buf_adds(&b, "\"}\n");
		lq_buf_addf(&b, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\"}\n", H);
		lq_fb_log_add(&log, b.data, b.len, "big");
		CHECK_INT(log.n, 1);
		CHECK(log.nbadmsg == 1 && strstr(log.badmsg[0], "big:1: line longer than") != NULL);
		lq_fb_log_free(&log);
		lq_buf_free(&b);
	}

	t_begin("current judgments: supersede, withdraw, explicit over implied, per ICP and per client");
	{
		static const struct { const char *id, *hash, *label; int explicit_; } evs[] = {
			{ "a", "1", "good", 1 }, { "a", "1", "bad", 1 },		/* a: bad */
			{ "b", "1", "good", 1 }, { "b", "1", "none", 1 },		/* b: withdrawn */
			{ "c", "1", "bad", 1 }, { "c", "1", "good", 0 },		/* c: bad (explicit wins) */
			{ "d", "1", "good", 0 }, { "d", "1", "bad", 1 }, { "d", "1", "none", 1 },	/* d: good, implied */
			{ "e", "2", "good", 1 }, { "e", "1", "bad", 1 },		/* e: bad over ICPs; per ICP both */
			{ "f", "2", "bad", 1 }, { "f", "1", "good", 0 },		/* f: bad (explicit over ICPs) */
		};
		struct lq_fb_log log = { 0 };
		struct lq_buf b = LQ_BUF_INIT;
		struct lq_fb_current *cur;
		size_t n;
		char h[65];

		for (size_t i = 0; i < LQ_NELEM(evs); i++) {
			memset(h, evs[i].hash[0] == '1' ? 'a' : 'b', 64);
			h[64] = 0;
			lq_buf_addf(&b, "{\"v\":1,\"id\":\"%s\",\"client\":\"c\",\"icp_hash\":\"%s\",\"label\":\"%s\","
			    "\"time\":\"t\",\"explicit\":%s}\n", evs[i].id, h, evs[i].label, evs[i].explicit_ ? "true" : "false");
		}
		lq_buf_addf(&b, "{\"v\":1,\"id\":\"a\",\"client\":\"other\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\"}\n", H);
		lq_fb_log_add(&log, b.data, b.len, "rules");
		CHECK_INT(log.n, LQ_NELEM(evs) + 1);
		cur = lq_fb_resolve(&log, LQ_FB_PER_CLIENT, "c", NULL, &n);
		CHECK_INT(n, 5);
		if (n == 5) {
			CHECK(strcmp(cur[0].ev->id, "a") == 0 && cur[0].ev->label == LQ_FB_BAD);
			CHECK(strcmp(cur[1].ev->id, "c") == 0 && cur[1].ev->label == LQ_FB_BAD);
			CHECK(strcmp(cur[2].ev->id, "d") == 0 && cur[2].ev->label == LQ_FB_GOOD && !cur[2].ev->explicit_);
			CHECK(strcmp(cur[3].ev->id, "e") == 0 && cur[3].ev->label == LQ_FB_BAD);
			CHECK(strcmp(cur[4].ev->id, "f") == 0 && cur[4].ev->label == LQ_FB_BAD && cur[4].seq == 11);
		}
		free(cur);
		memset(h, 'a', 64);
		h[64] = 0;
		cur = lq_fb_resolve(&log, LQ_FB_PER_ICP, "c", h, &n);
		CHECK_INT(n, 5);	/* a, c, d, e (bad), f (implied good under this ICP) */
		if (n == 5)
			CHECK(strcmp(cur[4].ev->id, "f") == 0 && cur[4].ev->label == LQ_FB_GOOD);
		free(cur);
		cur = lq_fb_resolve(&log, LQ_FB_PER_ICP, NULL, NULL, &n);
		CHECK_INT(n, 8);	/* a c d e f under ICP 1, e f under ICP 2, a of "other" */
		free(cur);
		cur = lq_fb_resolve(&log, LQ_FB_PER_CLIENT, "nobody", NULL, &n);
		CHECK_INT(n, 0);
		free(cur);
		lq_fb_log_free(&log);
		lq_buf_free(&b);
	}

	t_begin("the log file: created 0600, appended whole lines, never through a symbolic link");
	{
		char dir[] = "/tmp/lq-test-fb.XXXXXX", path[64], link[64];
		struct lq_fb_log log = { 0 };
		struct stat st;
		int fd;

		CHECK(mkdtemp(dir) != NULL);
		snprintf(path, sizeof path, "%s/fb.ndjson", dir);
		snprintf(link, sizeof link, "%s/link.ndjson", dir);
		fd = lq_fb_log_open(path);
		CHECK(fd >= 0);
		CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
		char line[256];
		snprintf(line, sizeof line, "{\"v\":1,\"id\":\"a\",\"icp_hash\":\"%s\",\"label\":\"good\",\"time\":\"t\"}\n", H);
		CHECK_INT(lq_fb_log_append(fd, line, strlen(line)), 0);
		CHECK_INT(lq_fb_log_append(fd, line, strlen(line)), 0);
		close(fd);
		CHECK_INT(lq_fb_log_read(&log, path), 0);
		CHECK_INT(log.n, 2);
		CHECK(symlink(path, link) == 0);
		CHECK_INT(lq_fb_log_open(link), -1);
		CHECK_INT(lq_fb_log_open(dir), -1);
		CHECK_INT(lq_fb_log_read(&log, "/nonexistent/fb.ndjson"), -1);
		lq_fb_log_free(&log);
		unlink(link);
		unlink(path);
		rmdir(dir);
	}

	t_begin("now: ISO-8601 UTC with milliseconds");
	{
		char now[32];

		lq_fb_now(now);
		CHECK_INT(strlen(now), 24);
		CHECK(now[4] == '-' && now[10] == 'T' && now[19] == '.' && now[23] == 'Z');
	}
	return t_done();
}
