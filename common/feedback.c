/* feedback.c: judgments posted by a review page, the event lines of a feedback log, reading and appending the log, current judgments. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <jansson.h>

#include "diag.h"
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

/* ---- the log --------------------------------------------------------- */

static void
log_bad(struct lq_fb_log *log, const char *name, unsigned long long line, const char *why)
{
	log->bad++;
	if (log->nbadmsg < LQ_FB_BAD_KEEP)
		log->badmsg[log->nbadmsg++] = lq_xasprintf("%s:%llu: %s", name, line, why);
}

void
lq_fb_log_add(struct lq_fb_log *log, const char *data, size_t n, const char *name)
{
	const char *p = data, *end = data + n;
	unsigned long long lineno = 0;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = (size_t)((nl ? nl : end) - p);
		char err[256];

		lineno++;
		if (len && p[len - 1] == '\r')
			len--;
		if (len == 0) {
			p = nl ? nl + 1 : end;
			continue;
		}
		log->lines++;
		if (len > LQ_FB_LINE_MAX) {
			lq_seterr(err, sizeof err, "line longer than %d bytes; skipped", LQ_FB_LINE_MAX);
			log_bad(log, name, lineno, err);
		} else {
			if (log->n == log->cap)
				log->ev = lq_xreallocarray(log->ev, log->cap = log->cap ? 2 * log->cap : 64,
				    sizeof *log->ev);
			if (lq_fb_event_parse(p, len, &log->ev[log->n], err, sizeof err) == 0) {
				log->n++;
			} else {
				size_t l = strlen(err);

				snprintf(err + l, sizeof err - l, "; skipped");
				log_bad(log, name, lineno, err);
			}
		}
		p = nl ? nl + 1 : end;
	}
}

int
lq_fb_log_read(struct lq_fb_log *log, const char *path)
{
	struct lq_buf b = LQ_BUF_INIT;
	FILE *fp = fopen(path, "r");
	int rc;

	if (fp == NULL)
		return -1;
	rc = lq_read_all(fp, (size_t)1 << 30, &b);
	fclose(fp);
	if (rc == -2)
		errno = EFBIG;
	if (rc == 0)
		lq_fb_log_add(log, b.data ? b.data : "", b.len, path);
	lq_buf_free(&b);
	return rc == 0 ? 0 : -1;
}

void
lq_fb_log_free(struct lq_fb_log *log)
{
	for (size_t i = 0; i < log->n; i++)
		lq_fb_event_free(&log->ev[i]);
	for (size_t i = 0; i < log->nbadmsg; i++)
		free(log->badmsg[i]);
	free(log->ev);
	memset(log, 0, sizeof *log);
}

int
lq_fb_log_open(const char *path)
{
	struct stat st;
	int fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

int
lq_fb_log_append(int fd, const char *line, size_t n)
{
	struct stat st;
	size_t off = 0;
	int rc = -1, e;

	if (flock(fd, LOCK_EX) != 0)
		return -1;
	if (fstat(fd, &st) != 0)
		goto out;
	while (off < n) {
		ssize_t w = write(fd, line + off, n - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			e = w < 0 ? errno : EIO;
			/* A partial line would corrupt the next one. */
			if (ftruncate(fd, st.st_size) != 0)
				lq_warn_errno("the feedback log: cannot remove a partly written line");
			errno = e;
			goto out;
		}
		off += (size_t)w;
	}
	if (fsync(fd) != 0)
		goto out;
	rc = 0;
out:
	e = errno;
	flock(fd, LOCK_UN);
	errno = e;
	return rc;
}

/* The judgment state of one lead under one ICP while the log is read. */
struct icp_state {
	long exp, imp;		/* last explicit and implied event, or -1 */
	size_t first;
	const char *client, *id;
};

/* A map key naming its parts unambiguously (lengths first). */
static char *
map_key(const char *a, const char *b, const char *c)
{
	return c ? lq_xasprintf("%zu:%s%zu:%s%zu:%s", strlen(a), a, strlen(b), b, strlen(c), c) :
	    lq_xasprintf("%zu:%s%zu:%s", strlen(a), a, strlen(b), b);
}

/* The deciding event of a state and its kind: 2 explicit, 1 implied, 0 none. */
static int
decide(const struct lq_fb_log *log, const struct icp_state *s, size_t *seq)
{
	if (s->exp >= 0 && log->ev[s->exp].label != LQ_FB_NONE) {
		*seq = (size_t)s->exp;
		return 2;
	}
	if (s->imp >= 0 && log->ev[s->imp].label != LQ_FB_NONE) {
		*seq = (size_t)s->imp;
		return 1;
	}
	return 0;
}

static int
by_first(const void *a, const void *b)
{
	const struct lq_fb_current *x = a, *y = b;

	return x->first < y->first ? -1 : x->first > y->first;
}

struct lq_fb_current *
lq_fb_resolve(const struct lq_fb_log *log, int mode, const char *client, const char *icp_hash, size_t *n)
{
	json_t *map = json_object(), *lead = json_object();
	struct icp_state *st = NULL;
	struct lq_fb_current *out = NULL;
	int *kind = NULL;
	size_t ns = 0, nout = 0;

	for (size_t i = 0; i < log->n; i++) {
		const struct lq_fb_event *e = &log->ev[i];
		char *k;
		json_t *v;
		size_t at;

		if ((client && strcmp(e->client, client) != 0) || (icp_hash && strcmp(e->icp_hash, icp_hash) != 0))
			continue;
		k = map_key(e->client, e->icp_hash, e->id);
		if ((v = json_object_get(map, k)) != NULL) {
			at = (size_t)json_integer_value(v);
		} else {
			at = ns++;
			st = lq_xreallocarray(st, ns, sizeof *st);
			st[at].exp = st[at].imp = -1;
			st[at].first = i;
			st[at].client = e->client;
			st[at].id = e->id;
			json_object_set_new(map, k, json_integer((json_int_t)at));
		}
		free(k);
		if (e->explicit_)
			st[at].exp = (long)i;
		else
			st[at].imp = (long)i;
	}
	out = lq_xcalloc(ns ? ns : 1, sizeof *out);
	kind = lq_xcalloc(ns ? ns : 1, sizeof *kind);
	for (size_t s = 0; s < ns; s++) {
		size_t seq = 0, at;
		int kd = decide(log, &st[s], &seq);
		json_t *v;
		char *k;

		if (mode == LQ_FB_PER_ICP) {
			if (kd) {
				out[nout].ev = &log->ev[seq];
				out[nout].seq = seq;
				out[nout].first = st[s].first;
				nout++;
			}
			continue;
		}
		k = map_key(st[s].client, st[s].id, NULL);
		if ((v = json_object_get(lead, k)) == NULL) {
			at = nout++;
			json_object_set_new(lead, k, json_integer((json_int_t)at));
			out[at].first = st[s].first;
			kind[at] = 0;
		} else {
			at = (size_t)json_integer_value(v);
			if (st[s].first < out[at].first)
				out[at].first = st[s].first;
		}
		free(k);
		if (kd > kind[at] || (kd && kd == kind[at] && seq > out[at].seq)) {
			kind[at] = kd;
			out[at].ev = &log->ev[seq];
			out[at].seq = seq;
		}
	}
	if (mode == LQ_FB_PER_CLIENT) {
		size_t w = 0;

		for (size_t i = 0; i < nout; i++)
			if (kind[i])
				out[w++] = out[i];
		nout = w;
	}
	qsort(out, nout, sizeof *out, by_first);
	free(kind);
	free(st);
	json_decref(map);
	json_decref(lead);
	*n = nout;
	return out;
}
