/* transcript.h: meeting records from Fathom JSON, plain-text and WebVTT transcripts (docs/man/calls.1). */
#ifndef LQ_TRANSCRIPT_H
#define LQ_TRANSCRIPT_H

#include <stddef.h>

#include <jansson.h>

/*
 * The meeting record calls writes, one per line:
 *   {"id": string, "title": string, "date": string ("" if unknown),
 *    "participants": [{"name", "email" (string or null), "is_external" (bool or null)}],
 *    "transcript": [{"speaker", "email" (only when known), "text", "timestamp" "HH:MM:SS" or ""}],
 *    "source": "fathom" or the file name, "url" (Fathom only)}
 */

/* The id of a Fathom meeting object: its recording_id; without one (the
 * webhook example has none) the last segment of its url or share_url
 * ("https://fathom.video/calls/123" gives "123"); else "fathom-" and 12
 * hex digits of a digest of its title, start time and first words.
 * Returns 0, or -1 when the object holds none of these. */
int lq_meeting_id(const json_t *m, char *id, size_t idlen);

/* What a JSON value from a saved Fathom answer, a webhook or calls is. */
enum lq_meeting_kind {
	LQ_MEETING_NONE = 0,
	LQ_MEETING_RECORD,		/* calls' own meeting record (failed ones too) */
	LQ_MEETING_FATHOM,		/* a Fathom meeting object: API item, webhook payload */
	LQ_MEETING_FATHOM_PAGE,		/* a page of GET /meetings: {"items": [...]} */
	LQ_MEETING_FATHOM_TRANSCRIPT	/* GET /recordings/{id}/transcript: {"transcript": [...]} */
};
enum lq_meeting_kind lq_meeting_kind(const json_t *j);

/* Turns one Fathom meeting object (an item of GET /meetings, a webhook
 * payload) into a meeting record, keeping title, date, invitees and
 * is_external whether or not it has a recording_id; speakers no invitee
 * matches become participants of unknown side. transcript overrides the
 * meeting's own "transcript" when not NULL (from GET
 * /recordings/{id}/transcript); a transcript given as text is read as
 * "Speaker: text" lines. Returns a new record, or NULL with a message in
 * err naming the meeting: not an object, no transcript, a transcript that
 * is not an array or has an item without text. */
json_t *lq_meeting_from_fathom(const json_t *m, const json_t *transcript, const char *source,
    char *err, size_t errlen);

/* Meeting records from one raw Fathom value j: a meeting, a page of
 * meetings, an array of meetings or a transcript object; calls' own
 * records pass as they are. Each item that cannot be read becomes a
 * failed record (lq_rec_fail, code bad_meeting, message "where: item N:
 * meeting ID: why") and the others still count. where names j in
 * messages ("file.json", "<stdin>:12"). Returns a new array, or NULL with
 * a message in err when j is none of these ("where: not a Fathom
 * meeting, page of meetings or transcript (keys a, b)"). */
json_t *lq_fathom_records(const json_t *j, const char *source, const char *where, char *err,
    size_t errlen);

/* Parses the transcript array of Fathom ([{speaker:{display_name,
 * matched_calendar_invitee_email}, text, timestamp}]) into the record's
 * form. Returns a new array, or NULL with a message in err. */
json_t *lq_fathom_transcript(const json_t *a, char *err, size_t errlen);

/* Parses a saved transcript file buf[0..n) (need not be NUL-terminated)
 * named name: Fathom JSON (a meeting object or webhook payload, a page
 * {"items": [meetings]}, an array of meetings, {"transcript": [...]}, or
 * several of these one after another, pretty-printed or one a line),
 * WebVTT (first line "WEBVTT"), or plain text ("Speaker: text" lines,
 * optional "[HH:MM:SS]" or "HH:MM:SS" before the speaker, "# key: value"
 * header lines for id, title, date and participant "Name <email>
 * external|internal"). Returns a new array of meeting records (one for
 * text and WebVTT); a meeting of a JSON file that cannot be read is a
 * failed record in it (lq_fathom_records), so are the values after a JSON
 * syntax error past the first. NULL with a message in err ("name: line L:
 * what") when nothing can be read: invalid UTF-8, bad JSON, no utterance,
 * JSON that is no Fathom answer. */
json_t *lq_transcript_parse(const char *buf, size_t n, const char *name, char *err, size_t errlen);

/* "HH:MM:SS" from a WebVTT or text timestamp ("01:02.500", "1:02:03",
 * "00:01:02,000"); returns 0, or -1 when s is not a timestamp. out has
 * room for 16 bytes. */
int lq_timestamp_norm(const char *s, size_t n, char out[16]);

#endif
