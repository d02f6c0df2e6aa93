/* test_feedback.c: posted judgments, feedback log lines, the body limit. */
#include <stdlib.h>
#include <string.h>

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

	t_begin("now: ISO-8601 UTC with milliseconds");
	{
		char now[32];

		lq_fb_now(now);
		CHECK_INT(strlen(now), 24);
		CHECK(now[4] == '-' && now[10] == 'T' && now[19] == '.' && now[23] == 'Z');
	}
	return t_done();
}
