/* fuzz_feedback.c: review's POST body reader (chunks, limit, parse) and the feedback log's line reader. */
#include <stdlib.h>
#include <string.h>

#include "feedback.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static const char H[] = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

/* A judgment that parsed becomes an event line that must read back the same. */
static void
round_trip(const struct lq_fb_post *p)
{
	struct lq_fb_event ev, back;
	struct lq_buf line = LQ_BUF_INIT;
	char err[256];

	memset(&ev, 0, sizeof ev);
	ev.id = p->id;
	ev.client = "client";
	memcpy(ev.icp_hash, H, sizeof H);
	ev.label = p->label;
	ev.note = p->note;
	ev.reviewer = p->reviewer;
	lq_fb_now(ev.time);
	ev.has_score = 1;
	ev.icp_score = 50;
	ev.tier = 'B';
	ev.explicit_ = 1;
	ev.via = "fuzz";
	lq_fb_event_format(&ev, &line);
	if (line.len == 0 || line.data[line.len - 1] != '\n' || memchr(line.data, '\n', line.len - 1))
		abort();	/* one event, one line */
	if (lq_fb_event_parse(line.data, line.len - 1, &back, err, sizeof err) != 0)
		abort();
	if (strcmp(back.id, p->id) || strcmp(back.note, p->note) || strcmp(back.reviewer, p->reviewer) ||
	    back.label != p->label)
		abort();
	lq_fb_event_free(&back);
	lq_buf_free(&line);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	struct lq_buf body = LQ_BUF_INIT;
	struct lq_fb_post p;
	struct lq_fb_event ev;
	char err[256];
	size_t i = 1, chunk;

	if (size == 0)
		return 0;
	if (data[0] & 1) {
		/* A log line. */
		if (lq_fb_event_parse((const char *)data + 1, size - 1, &ev, err, sizeof err) == 0)
			lq_fb_event_free(&ev);
		else if (err[0] == '\0')
			abort();	/* a refusal always says why */
		return 0;
	}
	/* A body in chunks of 1 to 128 bytes, as a server receives it. */
	chunk = (size_t)(data[0] >> 1) + 1;
	while (i < size) {
		size_t n = size - i < chunk ? size - i : chunk;

		if (lq_fb_body_add(&body, (const char *)data + i, n) < 0)
			abort();	/* inputs are far below the limit */
		i += n;
	}
	if (body.len != size - 1 || (body.len && memcmp(body.data, data + 1, body.len) != 0))
		abort();
	memset(&p, 0, sizeof p);
	if (lq_fb_post_parse(body.data ? body.data : "", body.len, &p, err, sizeof err) == 0) {
		round_trip(&p);
		lq_fb_post_free(&p);
	} else if (err[0] == '\0' || p.id != NULL) {
		abort();
	}
	lq_buf_free(&body);
	return 0;
}
