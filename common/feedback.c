/* feedback.c: judgments posted by a review page, and the event lines of a feedback log. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "feedback.h"
#include "ndjson.h"
#include "util.h"

static const char *const label_names[] = { NULL, "good", "bad", "none" };

const char *
lq_fb_label_name(enum lq_fb_label l)
{
	return l >= LQ_FB_GOOD && l <= LQ_FB_NONE ? label_names[l] : "none";
}

static int
label_of(const char *s, enum lq_fb_label *l)
{
	for (int i = LQ_FB_GOOD; i <= LQ_FB_NONE; i++)
		if (strcmp(s, label_names[i]) == 0) {
			*l = (enum lq_fb_label)i;
			return 0;
		}
	return -1;
}

int
lq_fb_body_add(struct lq_buf *b, const char *data, size_t n)
{
	if (n > LQ_FB_BODY_MAX || b->len > LQ_FB_BODY_MAX - n)
		return -1;
	lq_buf_add(b, data, n);
	return 0;
}

/* A string member: absent or null gives "" (when optional), else it must
 * be a string of at most max bytes. Returns 0 or -1 with err set. */
static int
get_string(const json_t *o, const char *key, size_t max, int optional, const char **out,
    char *err, size_t errlen)
{
	const json_t *v = json_object_get(o, key);

	if (v == NULL || json_is_null(v)) {
		if (!optional) {
			lq_seterr(err, errlen, "\"%s\" is missing", key);
			return -1;
		}
		*out = "";
		return 0;
	}
	if (!json_is_string(v)) {
		lq_seterr(err, errlen, "\"%s\" must be a string, not %s", key, lq_json_type_name(v));
		return -1;
	}
	if (json_string_length(v) > max) {
		lq_seterr(err, errlen, "\"%s\" is longer than %zu bytes", key, max);
		return -1;
	}
	*out = json_string_value(v);
	return 0;
}

static int
has_control(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 1;
	return 0;
}

int
lq_fb_post_parse(const char *body, size_t n, struct lq_fb_post *p, char *err, size_t errlen)
{
	static const char *const keys[] = { "id", "label", "note", "reviewer" };
	json_error_t je;
	json_t *o;
	const char *key, *id, *label, *note, *reviewer;
	json_t *v;
	enum lq_fb_label l;
	int rc = -1;

	if (n > LQ_FB_BODY_MAX) {
		lq_seterr(err, errlen, "body larger than %d bytes", LQ_FB_BODY_MAX);
		return -1;
	}
	/* JSON_REJECT_DUPLICATES: {"label":"good","label":"bad"} is no answer. */
	o = json_loadb(body, n, JSON_REJECT_DUPLICATES, &je);
	if (o == NULL) {
		lq_seterr(err, errlen, "not JSON: %s at column %d", je.text, je.column);
		return -1;
	}
	if (!json_is_object(o)) {
		lq_seterr(err, errlen, "expected a JSON object, got %s", lq_json_type_name(o));
		goto out;
	}
	json_object_foreach(o, key, v) {
		size_t k;

		for (k = 0; k < LQ_NELEM(keys) && strcmp(keys[k], key) != 0; k++)
			;
		if (k == LQ_NELEM(keys)) {
			lq_seterr(err, errlen, "unknown key \"%.40s\" (a judgment has id, label, note, reviewer)", key);
			goto out;
		}
	}
	if (get_string(o, "id", LQ_FB_ID_MAX, 0, &id, err, errlen) < 0 ||
	    get_string(o, "label", 16, 0, &label, err, errlen) < 0 ||
	    get_string(o, "note", LQ_FB_NOTE_MAX, 1, &note, err, errlen) < 0 ||
	    get_string(o, "reviewer", LQ_FB_REVIEWER_MAX, 1, &reviewer, err, errlen) < 0)
		goto out;
	if (*id == '\0') {
		lq_seterr(err, errlen, "\"id\" is empty");
		goto out;
	}
	if (label_of(label, &l) < 0) {
		lq_seterr(err, errlen, "\"label\" must be \"good\", \"bad\" or \"none\"");
		goto out;
	}
	if (has_control(reviewer)) {
		lq_seterr(err, errlen, "\"reviewer\" holds a control character");
		goto out;
	}
	p->id = lq_xstrdup(id);
	p->label = l;
	p->note = lq_xstrdup(note);
	p->reviewer = lq_xstrdup(reviewer);
	rc = 0;
out:
	json_decref(o);
	return rc;
}

void
lq_fb_post_free(struct lq_fb_post *p)
{
	free(p->id);
	free(p->note);
	free(p->reviewer);
	memset(p, 0, sizeof *p);
}

void
lq_fb_event_format(const struct lq_fb_event *ev, struct lq_buf *b)
{
	json_t *o = json_object();
	char t[2] = { ev->tier, 0 };

	json_object_set_new(o, "v", json_integer(LQ_FB_FORMAT));
	json_object_set_new(o, "id", json_string(ev->id));
	json_object_set_new(o, "client", json_string(ev->client ? ev->client : ""));
	json_object_set_new(o, "icp_hash", json_string(ev->icp_hash));
	json_object_set_new(o, "label", json_string(lq_fb_label_name(ev->label)));
	json_object_set_new(o, "note", json_string(ev->note ? ev->note : ""));
	json_object_set_new(o, "reviewer", json_string(ev->reviewer ? ev->reviewer : ""));
	json_object_set_new(o, "time", json_string(ev->time));
	json_object_set_new(o, "score_version", ev->score_version ? json_string(ev->score_version) : json_null());
	json_object_set_new(o, "icp_score", ev->has_score ? json_real(ev->icp_score) : json_null());
	json_object_set_new(o, "tier", ev->tier ? json_string(t) : json_null());
	json_object_set_new(o, "explicit", json_boolean(ev->explicit_));
	json_object_set_new(o, "via", json_string(ev->via ? ev->via : ""));
	lq_json_dump(b, o);
	lq_buf_addc(b, '\n');
	json_decref(o);
}

static int
hex64(const char *s)
{
	if (strlen(s) != 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'f')))
			return 0;
	return 1;
}

int
lq_fb_event_parse(const char *line, size_t n, struct lq_fb_event *ev, char *err, size_t errlen)
{
	json_error_t je;
	json_t *o, *v;
	const char *id, *client, *hash, *label, *note, *reviewer, *time, *sv, *tier, *via;
	enum lq_fb_label l;
	int rc = -1;

	o = json_loadb(line, n, JSON_REJECT_DUPLICATES, &je);
	if (o == NULL) {
		lq_seterr(err, errlen, "not JSON: %s at column %d", je.text, je.column);
		return -1;
	}
	if (!json_is_object(o)) {
		lq_seterr(err, errlen, "expected a JSON object, got %s", lq_json_type_name(o));
		goto out;
	}
	v = json_object_get(o, "v");
	if (!json_is_integer(v) || json_integer_value(v) != LQ_FB_FORMAT) {
		lq_seterr(err, errlen, "\"v\" is not %d: not a feedback event this version reads", LQ_FB_FORMAT);
		goto out;
	}
	if (get_string(o, "id", LQ_FB_ID_MAX, 0, &id, err, errlen) < 0 ||
	    get_string(o, "client", LQ_FB_CLIENT_MAX, 1, &client, err, errlen) < 0 ||
	    get_string(o, "icp_hash", 64, 0, &hash, err, errlen) < 0 ||
	    get_string(o, "label", 16, 0, &label, err, errlen) < 0 ||
	    get_string(o, "note", LQ_FB_NOTE_MAX, 1, &note, err, errlen) < 0 ||
	    get_string(o, "reviewer", LQ_FB_REVIEWER_MAX, 1, &reviewer, err, errlen) < 0 ||
	    get_string(o, "time", 31, 0, &time, err, errlen) < 0 ||
	    get_string(o, "score_version", LQ_FB_VERSION_MAX, 1, &sv, err, errlen) < 0 ||
	    get_string(o, "tier", 1, 1, &tier, err, errlen) < 0 ||
	    get_string(o, "via", 64, 1, &via, err, errlen) < 0)
		goto out;
	if (*id == '\0') {
		lq_seterr(err, errlen, "\"id\" is empty");
		goto out;
	}
	if (!hex64(hash)) {
		lq_seterr(err, errlen, "\"icp_hash\" is not 64 lower-case hex digits");
		goto out;
	}
	if (label_of(label, &l) < 0) {
		lq_seterr(err, errlen, "\"label\" must be \"good\", \"bad\" or \"none\"");
		goto out;
	}
	if (*tier && (tier[0] < 'A' || tier[0] > 'D')) {
		lq_seterr(err, errlen, "\"tier\" must be A, B, C or D");
		goto out;
	}
	v = json_object_get(o, "icp_score");
	if (v && !json_is_null(v) && (!json_is_number(v) || !isfinite(json_number_value(v)))) {
		lq_seterr(err, errlen, "\"icp_score\" must be a number");
		goto out;
	}
	memset(ev, 0, sizeof *ev);
	ev->has_score = json_is_number(v);
	ev->icp_score = ev->has_score ? json_number_value(v) : 0;
	v = json_object_get(o, "explicit");
	ev->explicit_ = v == NULL || json_is_true(v);
	ev->id = lq_xstrdup(id);
	ev->client = lq_xstrdup(client);
	memcpy(ev->icp_hash, hash, 65);
	ev->label = l;
	ev->note = lq_xstrdup(note);
	ev->reviewer = lq_xstrdup(reviewer);
	snprintf(ev->time, sizeof ev->time, "%s", time);
	ev->score_version = *sv ? lq_xstrdup(sv) : NULL;
	ev->tier = tier[0];
	ev->via = lq_xstrdup(via);
	rc = 0;
out:
	json_decref(o);
	return rc;
}

void
lq_fb_event_free(struct lq_fb_event *ev)
{
	free(ev->id);
	free(ev->client);
	free(ev->note);
	free(ev->reviewer);
	free(ev->score_version);
	free(ev->via);
	memset(ev, 0, sizeof *ev);
}

void
lq_fb_now(char out[32])
{
	struct timespec ts;
	struct tm tm;
	char s[24];

	clock_gettime(CLOCK_REALTIME, &ts);
	gmtime_r(&ts.tv_sec, &tm);
	strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%S", &tm);
	snprintf(out, 32, "%.19s.%03dZ", s, (int)(ts.tv_nsec / 1000000) % 1000);
}
