/* transcript.c: meeting records from Fathom JSON, plain-text and WebVTT transcripts. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ndjson.h"
#include "record.h"
#include "sha256.h"
#include "transcript.h"
#include "util.h"

/* Longest speaker name taken from a "Name: text" line; longer prefixes
 * are ordinary text that happens to hold a colon. */
#define SPEAKER_MAX 60
#define SPEAKER_WORDS 5

static const char *
jstr(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);

	return json_is_string(v) ? json_string_value(v) : NULL;
}

int
lq_timestamp_norm(const char *s, size_t n, char out[16])
{
	long part[3];
	int np = 0;
	size_t i = 0;

	while (np < 3) {
		long v = 0;
		size_t d = 0;

		while (i < n && isdigit((unsigned char)s[i]) && d < 6) {
			v = v * 10 + (s[i] - '0');
			i++, d++;
		}
		if (d == 0)
			return -1;
		part[np++] = v;
		if (i < n && s[i] == ':') {
			i++;
			continue;
		}
		break;
	}
	if (np < 2)
		return -1;
	if (i < n && (s[i] == '.' || s[i] == ',')) {	/* fraction: dropped */
		i++;
		while (i < n && isdigit((unsigned char)s[i]))
			i++;
	}
	if (i != n)
		return -1;
	if (np == 2) {
		part[2] = part[1];
		part[1] = part[0];
		part[0] = 0;
	}
	if (part[1] > 59 || part[2] > 59 || part[0] > 9999)
		return -1;
	snprintf(out, 16, "%02d:%02d:%02d", (int)part[0], (int)part[1], (int)part[2]);
	return 0;
}

/* Copies s with every run of white space made one space, trimmed. */
static char *
squeeze(const char *s, size_t n)
{
	char *o = lq_xmalloc(n + 1), *p = o;
	size_t i;
	int sp = 0;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
			sp = p > o;
			continue;
		}
		if (sp)
			*p++ = ' ';
		sp = 0;
		*p++ = (char)c;
	}
	*p = '\0';
	return o;
}

json_t *
lq_fathom_transcript(const json_t *a, char *err, size_t errlen)
{
	json_t *out;
	const json_t *it;
	size_t i;

	if (!json_is_array(a)) {
		snprintf(err, errlen, "transcript is not an array");
		return NULL;
	}
	out = json_array();
	json_array_foreach(a, i, it) {
		const json_t *sp = json_object_get(it, "speaker");
		const char *text = jstr(it, "text"), *ts = jstr(it, "timestamp");
		const char *name = NULL, *email = NULL;
		char norm[16] = "";
		json_t *u;
		char *t;

		if (!json_is_object(it) || text == NULL) {
			snprintf(err, errlen, "transcript item %zu has no text", i);
			json_decref(out);
			return NULL;
		}
		if (json_is_object(sp)) {
			name = jstr(sp, "display_name");
			email = jstr(sp, "matched_calendar_invitee_email");
		} else if (json_is_string(sp)) {	/* a meeting record's own form */
			name = json_string_value(sp);
			email = jstr(it, "email");
		}
		if (ts && lq_timestamp_norm(ts, strlen(ts), norm) < 0)
			norm[0] = '\0';
		t = squeeze(text, strlen(text));
		if (*t == '\0') {
			free(t);
			continue;
		}
		u = json_pack("{s:s,s:s,s:s}", "speaker", name ? name : "", "text", t, "timestamp", norm);
		if (email && *email)
			json_object_set_new(u, "email", json_string(email));
		json_array_append_new(out, u);
		free(t);
	}
	return out;
}

static void
add_participant(json_t *ps, const char *name, const char *email, const json_t *ext)
{
	const json_t *p;
	size_t i;

	json_array_foreach(ps, i, p) {
		const char *e = jstr(p, "email");

		if (email && e && strcasecmp(e, email) == 0)
			return;
	}
	json_array_append_new(ps, json_pack("{s:s,s:o,s:O}", "name", name ? name : "",
	    "email", email ? json_string(email) : json_null(), "is_external", json_is_boolean(ext) ? ext : json_null()));
}

int
lq_meeting_id(const json_t *m, char *id, size_t idlen)
{
	static const char *const urls[] = { "url", "share_url" };
	const json_t *rid = json_object_get(m, "recording_id");
	size_t i;

	if (json_is_integer(rid) && json_integer_value(rid) >= 0) {
		snprintf(id, idlen, "%lld", (long long)json_integer_value(rid));
		return 0;
	}
	if (json_is_string(rid) && *json_string_value(rid) && strlen(json_string_value(rid)) < idlen
	    && strcspn(json_string_value(rid), " \t\r\n/") == strlen(json_string_value(rid))) {
		snprintf(id, idlen, "%s", json_string_value(rid));
		return 0;
	}
	/* Without a recording_id (the webhook example has none): the last
	 * segment of the call's link, https://fathom.video/calls/123456. */
	for (i = 0; i < 2; i++) {
		const char *u = jstr(m, urls[i]), *e, *b;

		if (u == NULL || strstr(u, "://") == NULL)
			continue;
		e = u + strcspn(u, "?#");
		while (e > u && e[-1] == '/')
			e--;
		for (b = e; b > u && b[-1] != '/'; b--)
			;
		if (e > b && (size_t)(e - b) < idlen && e - b <= 64 && b - u > 8 && b[-1] == '/') {
			const char *c;

			for (c = b; c < e && (isalnum((unsigned char)*c) || *c == '-' || *c == '_'); c++)
				;
			if (c == e) {
				snprintf(id, idlen, "%.*s", (int)(e - b), b);
				return 0;
			}
		}
	}
	/* Else a digest of what names the meeting: title, start, first words. */
	{
		struct lq_sha256 h;
		unsigned char d[32];
		char hex[65];
		const char *t = jstr(m, "title"), *w = jstr(m, "recording_start_time");
		const json_t *tr = json_object_get(m, "transcript");
		const char *first = jstr(json_array_get(tr, 0), "text");

		if (w == NULL)
			w = jstr(m, "scheduled_start_time");
		if (w == NULL)
			w = jstr(m, "created_at");
		if (t == NULL && w == NULL && first == NULL)
			return -1;
		lq_sha256_init(&h);
		lq_sha256_update(&h, t ? t : "", strlen(t ? t : "") + 1);
		lq_sha256_update(&h, w ? w : "", strlen(w ? w : "") + 1);
		lq_sha256_update(&h, first ? first : "", strlen(first ? first : ""));
		lq_sha256_final(&h, d);
		lq_sha256_hex(d, hex);
		snprintf(id, idlen, "fathom-%.12s", hex);
	}
	return 0;
}

enum lq_meeting_kind
lq_meeting_kind(const json_t *j)
{
	static const char *const strong[] = { "recording_id", "calendar_invitees", "meeting_title",
		"recording_start_time", "scheduled_start_time", "share_url", "recorded_by",
		"calendar_invitees_domains_type", "default_summary", "action_items", "transcript_language",
		"crm_matches", NULL };
	const json_t *tr, *sp;
	size_t i;

	if (!json_is_object(j))
		return LQ_MEETING_NONE;
	if (json_is_array(json_object_get(j, "items")))
		return LQ_MEETING_FATHOM_PAGE;
	for (i = 0; strong[i]; i++)
		if (json_object_get(j, strong[i]))
			return LQ_MEETING_FATHOM;
	tr = json_object_get(j, "transcript");
	sp = json_object_get(json_array_get(tr, 0), "speaker");
	if (lq_rec_failed(j) || json_is_array(json_object_get(j, "participants"))
	    || (json_is_string(json_object_get(j, "id")) && json_is_array(tr) && !json_is_object(sp)))
		return LQ_MEETING_RECORD;
	if (json_is_object(sp) || (tr && !json_is_array(tr) && !json_is_null(tr)))
		return jstr(j, "title") || jstr(j, "url") || jstr(j, "created_at") ? LQ_MEETING_FATHOM
		    : LQ_MEETING_FATHOM_TRANSCRIPT;
	if (json_is_array(tr))
		return LQ_MEETING_FATHOM_TRANSCRIPT;
	return LQ_MEETING_NONE;
}

static json_t *parse_text(const char *buf, size_t n, const char *name, char *err, size_t errlen);

json_t *
lq_meeting_from_fathom(const json_t *m, const json_t *transcript, const char *source,
    char *err, size_t errlen)
{
	const json_t *p, *rb;
	const char *title, *date;
	json_t *rec, *ps, *tr;
	char id[72], e[256];
	size_t i;

	if (!json_is_object(m)) {
		snprintf(err, errlen, "meeting is not an object");
		return NULL;
	}
	if (lq_meeting_id(m, id, sizeof id) < 0) {
		snprintf(err, errlen, "meeting has no recording_id, link, title or date to name it by");
		return NULL;
	}
	if (transcript == NULL)
		transcript = json_object_get(m, "transcript");
	if (transcript == NULL || json_is_null(transcript)) {
		snprintf(err, errlen, "meeting %s has no transcript (include_transcript was not set)", id);
		return NULL;
	}
	if (json_is_string(transcript)) {
		/* Some exports carry the transcript as "Speaker: text" lines. */
		json_t *one = parse_text(json_string_value(transcript), json_string_length(transcript), id, e, sizeof e);

		tr = one ? json_incref(json_object_get(json_array_get(one, 0), "transcript")) : NULL;
		json_decref(one);
	} else {
		tr = lq_fathom_transcript(transcript, e, sizeof e);
	}
	if (tr == NULL) {
		snprintf(err, errlen, "meeting %s: %s", id, e);
		return NULL;
	}
	title = jstr(m, "title");
	if (title == NULL || !*title)
		title = jstr(m, "meeting_title");
	date = jstr(m, "recording_start_time");
	if (date == NULL)
		date = jstr(m, "scheduled_start_time");
	if (date == NULL)
		date = jstr(m, "created_at");
	ps = json_array();
	json_array_foreach(json_object_get(m, "calendar_invitees"), i, p)
		if (json_is_object(p))
			add_participant(ps, jstr(p, "name"), jstr(p, "email"), json_object_get(p, "is_external"));
	rb = json_object_get(m, "recorded_by");
	if (json_is_object(rb)) {
		json_t *f = json_false();

		add_participant(ps, jstr(rb, "name"), jstr(rb, "email"), f);
		json_decref(f);
	}
	/* Speakers no invitee matches: participants of unknown side. */
	json_array_foreach(tr, i, p) {
		const char *sp = jstr(p, "speaker"), *em = jstr(p, "email");
		const json_t *q;
		size_t k;
		int known = 0;

		if (sp == NULL || *sp == '\0')
			continue;
		json_array_foreach(ps, k, q) {
			const char *n = jstr(q, "name"), *qe = jstr(q, "email");

			if ((n && strcasecmp(n, sp) == 0) || (em && qe && strcasecmp(em, qe) == 0))
				known = 1;
		}
		if (!known)
			json_array_append_new(ps, json_pack("{s:s,s:o,s:n}", "name", sp,
			    "email", em ? json_string(em) : json_null(), "is_external"));
	}
	rec = json_pack("{s:s,s:s,s:s,s:o,s:o,s:s}", "id", id, "title", title ? title : "",
	    "date", date ? date : "", "participants", ps, "transcript", tr, "source", source);
	if (jstr(m, "share_url"))
		json_object_set_new(rec, "url", json_string(jstr(m, "share_url")));
	else if (jstr(m, "url"))
		json_object_set_new(rec, "url", json_string(jstr(m, "url")));
	return rec;
}

/* ---- text and WebVTT ---- */

struct tparse {
	const char *name;
	json_t *tr, *ps;
	char *id, *title, *date;
	json_t *last;		/* last utterance, for continuation lines */
};

/* If line[0..n) starts with "Name: " (a short name of a few words, no
 * sentence punctuation), sets *sl to the name's length and returns the
 * offset of the text; else returns 0. */
static size_t
speaker_prefix(const char *line, size_t n, size_t *sl)
{
	size_t i, words = 1;

	if (n == 0 || !(isalpha((unsigned char)line[0]) || (unsigned char)line[0] >= 0x80))
		return 0;
	for (i = 0; i < n && i <= SPEAKER_MAX; i++) {
		unsigned char c = (unsigned char)line[i];

		if (c == ':') {
			if (i + 1 < n && line[i + 1] != ' ' && line[i + 1] != '\t')
				return 0;	/* "10:30", "https:" */
			*sl = i;
			while (*sl > 0 && line[*sl - 1] == ' ')
				(*sl)--;
			return i + 1;
		}
		if (c == ' ' && ++words > SPEAKER_WORDS)
			return 0;
		if (c == '.' || c == '?' || c == '!' || c == ',' || c == '"' || c == ';')
			return 0;
	}
	return 0;
}

static void
add_utterance(struct tparse *t, const char *speaker, size_t sl, const char *text, size_t tl,
    const char *ts)
{
	char *sp = squeeze(speaker, sl), *tx = squeeze(text, tl);

	if (*tx == '\0') {
		free(sp);
		free(tx);
		return;
	}
	t->last = json_pack("{s:s,s:s,s:s}", "speaker", sp, "text", tx, "timestamp", ts ? ts : "");
	json_array_append_new(t->tr, t->last);
	free(sp);
	free(tx);
}

static void
continue_utterance(struct tparse *t, const char *text, size_t tl)
{
	char *tx = squeeze(text, tl), *all;

	if (*tx && t->last) {
		all = lq_xasprintf("%s %s", json_string_value(json_object_get(t->last, "text")), tx);
		json_object_set_new(t->last, "text", json_string(all));
		free(all);
	}
	free(tx);
}

/* "# key: value" header of a text transcript. Returns 1 if consumed. */
static int
header_line(struct tparse *t, const char *line, size_t n)
{
	size_t i = 1, k0, kl, v0;
	char key[16];

	while (i < n && line[i] == ' ')
		i++;
	k0 = i;
	while (i < n && (isalpha((unsigned char)line[i]) || line[i] == '_'))
		i++;
	kl = i - k0;
	if (kl == 0 || kl >= sizeof key || i >= n || line[i] != ':')
		return 0;
	memcpy(key, line + k0, kl);
	key[kl] = '\0';
	v0 = i + 1;
	{
		char *v = squeeze(line + v0, n - v0);

		if (strcasecmp(key, "id") == 0 && *v) {
			free(t->id);
			t->id = v;
		} else if (strcasecmp(key, "title") == 0) {
			free(t->title);
			t->title = v;
		} else if (strcasecmp(key, "date") == 0) {
			free(t->date);
			t->date = v;
		} else if (strcasecmp(key, "participant") == 0) {
			/* Name <email> external|internal */
			char *lt = strchr(v, '<'), *gt = lt ? strchr(lt, '>') : NULL;
			const char *rest = gt ? gt + 1 : "";
			json_t *ext = json_null();
			char *nm, *em = NULL;

			if (lt && gt) {
				nm = squeeze(v, (size_t)(lt - v));
				em = lq_xstrndup(lt + 1, (size_t)(gt - lt - 1));
			} else {
				char *sp = strstr(v, " external");

				if (sp == NULL)
					sp = strstr(v, " internal");
				nm = squeeze(v, sp ? (size_t)(sp - v) : strlen(v));
				rest = sp ? sp : "";
			}
			if (strstr(rest, "external"))
				ext = json_true();
			else if (strstr(rest, "internal"))
				ext = json_false();
			json_array_append_new(t->ps, json_pack("{s:s,s:o,s:o}", "name", nm,
			    "email", em && *em ? json_string(em) : json_null(), "is_external", ext));
			free(nm);
			free(em);
			free(v);
		} else {
			free(v);
			return 0;
		}
	}
	return 1;
}

/* Speakers named in the transcript but not in the header become
 * participants of unknown side. */
static void
speakers_as_participants(struct tparse *t)
{
	const json_t *u, *p;
	size_t i, j;

	json_array_foreach(t->tr, i, u) {
		const char *s = jstr(u, "speaker");
		int known = 0;

		if (s == NULL || !*s)
			continue;
		json_array_foreach(t->ps, j, p)
			if (jstr(p, "name") && strcasecmp(jstr(p, "name"), s) == 0)
				known = 1;
		if (!known)
			json_array_append_new(t->ps, json_pack("{s:s,s:n,s:n}", "name", s, "email", "is_external"));
	}
}

static const char *
base_name(const char *path)
{
	const char *s = strrchr(path, '/');

	return s ? s + 1 : path;
}

static json_t *
tparse_finish(struct tparse *t, char *err, size_t errlen)
{
	json_t *rec, *a;
	char *id;

	if (json_array_size(t->tr) == 0) {
		snprintf(err, errlen, "%s: no utterance found", t->name);
		return NULL;
	}
	speakers_as_participants(t);
	if (t->id)
		id = lq_xstrdup(t->id);
	else {
		const char *b = base_name(t->name);
		const char *dot = strrchr(b, '.');

		id = lq_xstrndup(b, dot && dot > b ? (size_t)(dot - b) : strlen(b));
	}
	rec = json_pack("{s:s,s:s,s:s,s:O,s:O,s:s}", "id", id, "title", t->title ? t->title : "",
	    "date", t->date ? t->date : "", "participants", t->ps, "transcript", t->tr, "source", t->name);
	free(id);
	a = json_array();
	json_array_append_new(a, rec);
	return a;
}

static void
tparse_free(struct tparse *t)
{
	json_decref(t->tr);
	json_decref(t->ps);
	free(t->id);
	free(t->title);
	free(t->date);
}

/* Next line of buf[*pos..n): start in *line, length without the newline. */
static int
next_line(const char *buf, size_t n, size_t *pos, const char **line, size_t *len)
{
	size_t s = *pos, e;

	if (s >= n)
		return 0;
	for (e = s; e < n && buf[e] != '\n'; e++)
		;
	*pos = e < n ? e + 1 : n;
	*line = buf + s;
	*len = e - s;
	if (*len > 0 && buf[s + *len - 1] == '\r')
		(*len)--;
	return 1;
}

static json_t *
parse_text(const char *buf, size_t n, const char *name, char *err, size_t errlen)
{
	struct tparse t = { name, json_array(), json_array(), NULL, NULL, NULL, NULL };
	size_t pos = 0, len, lineno = 0;
	const char *line;
	json_t *out;

	while (next_line(buf, n, &pos, &line, &len)) {
		size_t i = 0, sl = 0, off;
		char ts[16] = "";

		lineno++;
		while (i < len && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i == len) {
			t.last = NULL;
			continue;
		}
		if (line[i] == '#') {
			if (!header_line(&t, line + i, len - i))
				continue;	/* a comment */
			continue;
		}
		/* [HH:MM:SS] or HH:MM:SS before the speaker */
		if (line[i] == '[') {
			const char *rb = memchr(line + i, ']', len - i);

			if (rb && lq_timestamp_norm(line + i + 1, (size_t)(rb - line - i - 1), ts) == 0) {
				i = (size_t)(rb - line) + 1;
				while (i < len && line[i] == ' ')
					i++;
			}
		} else if (isdigit((unsigned char)line[i])) {
			size_t j = i;

			while (j < len && line[j] != ' ' && line[j] != '\t')
				j++;
			if (lq_timestamp_norm(line + i, j - i, ts) == 0) {
				i = j;
				while (i < len && (line[i] == ' ' || line[i] == '\t'))
					i++;
			} else
				ts[0] = '\0';
		}
		off = speaker_prefix(line + i, len - i, &sl);
		if (off > 0 && sl > 0)
			add_utterance(&t, line + i, sl, line + i + off, len - i - off, ts);
		else if (t.last)
			continue_utterance(&t, line + i, len - i);
		else {
			snprintf(err, errlen, "%s: line %zu: expected \"Speaker: text\"", name, lineno);
			tparse_free(&t);
			return NULL;
		}
	}
	out = tparse_finish(&t, err, errlen);
	tparse_free(&t);
	return out;
}

/* Removes <...> tags from s in place, keeping the voice name of a
 * leading <v Name> in *voice (new string) when voice is not NULL. */
static void
strip_tags(char *s, char **voice)
{
	char *r = s, *w = s;

	if (voice)
		*voice = NULL;
	while (*r) {
		if (*r == '<') {
			char *gt = strchr(r, '>');

			if (gt == NULL)
				break;
			if (voice && *voice == NULL && (r[1] == 'v') && (r[2] == ' ' || r[2] == '.')) {
				char *nm = r + 2;

				while (*nm && *nm != ' ' && nm < gt)	/* classes: <v.loud Name> */
					nm++;
				*voice = squeeze(nm, (size_t)(gt - nm));
			}
			r = gt + 1;
			continue;
		}
		*w++ = *r++;
	}
	*w = '\0';
}

static json_t *
parse_vtt(const char *buf, size_t n, const char *name, char *err, size_t errlen)
{
	struct tparse t = { name, json_array(), json_array(), NULL, NULL, NULL, NULL };
	size_t pos = 0, len, lineno = 0;
	const char *line;
	char ts[16] = "";
	int in_cue = 0, in_note = 0, first = 1;
	struct lq_buf cue = LQ_BUF_INIT;
	json_t *out;

	while (1) {
		int more = next_line(buf, n, &pos, &line, &len);

		lineno++;
		if (first) {
			first = 0;
			continue;	/* the WEBVTT line */
		}
		if (!more || len == 0) {
			if (in_cue && cue.len) {
				char *text = lq_xstrndup(cue.data, cue.len), *voice = NULL;
				size_t sl = 0, off;

				strip_tags(text, &voice);
				if (voice && *voice)
					add_utterance(&t, voice, strlen(voice), text, strlen(text), ts);
				else if ((off = speaker_prefix(text, strlen(text), &sl)) > 0 && sl > 0)
					add_utterance(&t, text, sl, text + off, strlen(text) - off, ts);
				else
					add_utterance(&t, "", 0, text, strlen(text), ts);
				free(text);
				free(voice);
			}
			lq_buf_reset(&cue);
			in_cue = in_note = 0;
			if (!more)
				break;
			continue;
		}
		if (in_note)
			continue;
		if (!in_cue) {
			const char *arrow = len > 5 ? memmem(line, len, "-->", 3) : NULL;

			if (len >= 4 && memcmp(line, "NOTE", 4) == 0 && (len == 4 || line[4] == ' ')) {
				in_note = 1;
				continue;
			}
			if ((len >= 5 && memcmp(line, "STYLE", 5) == 0) || (len >= 6 && memcmp(line, "REGION", 6) == 0)) {
				in_note = 1;
				continue;
			}
			if (arrow) {
				size_t e = (size_t)(arrow - line);

				while (e > 0 && line[e - 1] == ' ')
					e--;
				if (lq_timestamp_norm(line, e, ts) < 0) {
					snprintf(err, errlen, "%s: line %zu: bad cue timing", name, lineno);
					lq_buf_free(&cue);
					tparse_free(&t);
					return NULL;
				}
				in_cue = 1;
			}
			continue;	/* a cue identifier or stray header text */
		}
		if (cue.len)
			lq_buf_addc(&cue, ' ');
		lq_buf_add(&cue, line, len);
	}
	lq_buf_free(&cue);
	out = tparse_finish(&t, err, errlen);
	tparse_free(&t);
	return out;
}

/* A failed record for an item of a Fathom answer that cannot be read. */
static json_t *
bad_meeting(const json_t *m, const char *source, const char *where, const char *why)
{
	json_t *rec = json_object();
	char id[72];

	if (json_is_object(m) && lq_meeting_id(m, id, sizeof id) == 0)
		json_object_set_new(rec, "id", json_string(id));
	if (jstr(m, "title"))
		json_object_set_new(rec, "title", json_string(jstr(m, "title")));
	json_object_set_new(rec, "source", json_string(source));
	lq_rec_fail(rec, "bad_meeting", "%s: %s", where, why);
	return rec;
}

/* One meeting object: its record, or a failed record saying why. */
static json_t *
one_meeting(const json_t *m, const char *source, const char *where)
{
	char e[512];
	json_t *rec = lq_meeting_from_fathom(m, NULL, source, e, sizeof e);

	return rec ? rec : bad_meeting(m, source, where, e);
}

json_t *
lq_fathom_records(const json_t *j, const char *source, const char *where, char *err, size_t errlen)
{
	const json_t *items = NULL, *it;
	json_t *out;
	char w[300], *keys;
	size_t i;

	switch (lq_meeting_kind(j)) {
	case LQ_MEETING_RECORD:
		out = json_array();
		json_array_append_new(out, json_deep_copy(j));
		return out;
	case LQ_MEETING_FATHOM:
		out = json_array();
		json_array_append_new(out, one_meeting(j, source, where));
		return out;
	case LQ_MEETING_FATHOM_TRANSCRIPT: {
		struct tparse t = { source, NULL, json_array(), NULL, NULL, NULL, NULL };
		char e[256];

		t.tr = lq_fathom_transcript(json_object_get(j, "transcript"), e, sizeof e);
		if (t.tr == NULL) {
			snprintf(err, errlen, "%s: %s", where, e);
			out = NULL;
		} else if ((out = tparse_finish(&t, e, sizeof e)) == NULL) {
			snprintf(err, errlen, "%s: no utterance found", where);
		}
		tparse_free(&t);
		return out;
	}
	case LQ_MEETING_FATHOM_PAGE:
		items = json_object_get(j, "items");
		break;
	case LQ_MEETING_NONE:
		if (json_is_array(j)) {
			items = j;
			break;
		}
		keys = NULL;
		if (json_is_object(j)) {
			struct lq_buf b = LQ_BUF_INIT;
			const char *k;
			const json_t *v;

			json_object_foreach((json_t *)j, k, v) {
				if (b.len > 60) {
					lq_buf_adds(&b, ", ...");
					break;
				}
				if (b.len)
					lq_buf_adds(&b, ", ");
				lq_buf_addshown(&b, k, 30);
			}
			(void)v;
			keys = lq_buf_detach(&b);
		}
		snprintf(err, errlen, "%s: not a Fathom meeting, page of meetings or transcript (%s%s)", where,
		    keys ? "keys " : "", keys ? keys : lq_json_type_name(j));
		free(keys);
		return NULL;
	}
	out = json_array();
	json_array_foreach(items, i, it) {
		snprintf(w, sizeof w, "%s: item %zu", where, i);
		if (lq_meeting_kind(it) == LQ_MEETING_RECORD)
			json_array_append_new(out, json_deep_copy(it));
		else if (json_is_object(it))
			json_array_append_new(out, one_meeting(it, source, w));
		else
			json_array_append_new(out, bad_meeting(it, source, w, "not a meeting object"));
	}
	return out;
}

/* Fathom JSON: one value (a meeting, a page, an array, a transcript), or
 * several one after another (JSON lines, pretty objects back to back, as
 * webhook payloads are saved). */
static json_t *
parse_json(const char *buf, size_t n, const char *name, char *err, size_t errlen)
{
	json_t *out = json_array();
	size_t off = 0, values = 0;
	unsigned long line = 1;

	for (;;) {
		json_error_t je;
		json_t *j, *recs;
		size_t k, start;
		unsigned long at;
		char where[300], e[512];

		while (off < n && isspace((unsigned char)buf[off]))
			line += buf[off++] == '\n';
		if (off == n)
			break;
		start = off;
		at = line;
		j = json_loadb(buf + off, n - off, JSON_DISABLE_EOF_CHECK | JSON_REJECT_DUPLICATES, &je);
		if (j == NULL) {
			if (values == 0) {
				snprintf(err, errlen, "%s: line %lu: %s", name, at + (je.line > 1 ? (unsigned long)je.line - 1 : 0),
				    je.text);
				json_decref(out);
				return NULL;
			}
			snprintf(where, sizeof where, "%s: line %lu", name, at + (je.line > 1 ? (unsigned long)je.line - 1 : 0));
			json_array_append_new(out, bad_meeting(NULL, name, where, je.text));
			break;
		}
		off += je.position;
		for (k = start; k < off; k++)
			line += buf[k] == '\n';
		k = off;
		while (k < n && isspace((unsigned char)buf[k]))
			k++;
		if (values == 0 && k == n)
			snprintf(where, sizeof where, "%s", name);
		else
			snprintf(where, sizeof where, "%s:%lu", name, at);
		values++;
		recs = lq_fathom_records(j, name, where, e, sizeof e);
		json_decref(j);
		if (recs == NULL) {
			if (values == 1 && k == n) {
				snprintf(err, errlen, "%s", e);
				json_decref(out);
				return NULL;
			}
			json_array_append_new(out, bad_meeting(NULL, name, where, e));
			continue;
		}
		json_array_extend(out, recs);
		json_decref(recs);
	}
	if (json_array_size(out) == 0) {
		snprintf(err, errlen, "%s: no meeting in it", name);
		json_decref(out);
		return NULL;
	}
	return out;
}

json_t *
lq_transcript_parse(const char *buf, size_t n, const char *name, char *err, size_t errlen)
{
	size_t i = 0;

	if (!lq_utf8_valid(buf, n)) {
		snprintf(err, errlen, "%s: not valid UTF-8", name);
		return NULL;
	}
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	if (memchr(buf, '\0', n)) {
		snprintf(err, errlen, "%s: binary data (NUL byte)", name);
		return NULL;
	}
	while (i < n && isspace((unsigned char)buf[i]))
		i++;
	if (i < n && (buf[i] == '{' || buf[i] == '['))
		return parse_json(buf + i, n - i, name, err, errlen);
	if (n - i >= 6 && memcmp(buf + i, "WEBVTT", 6) == 0 && (n - i == 6 || isspace((unsigned char)buf[i + 6])))
		return parse_vtt(buf + i, n - i, name, err, errlen);
	return parse_text(buf + i, n - i, name, err, errlen);
}
