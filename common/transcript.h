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

/* Turns one Fathom meeting object (an item of GET /meetings) into a
 * meeting record. transcript overrides the meeting's own "transcript"
 * when not NULL (from GET /recordings/{id}/transcript). Returns a new
 * record, or NULL with a message in err: not an object, no recording_id,
 * a transcript that is not an array or has an item without text. */
json_t *lq_meeting_from_fathom(const json_t *m, const json_t *transcript, const char *source,
    char *err, size_t errlen);

/* Parses the transcript array of Fathom ([{speaker:{display_name,
 * matched_calendar_invitee_email}, text, timestamp}]) into the record's
 * form. Returns a new array, or NULL with a message in err. */
json_t *lq_fathom_transcript(const json_t *a, char *err, size_t errlen);

/* Parses a saved transcript file buf[0..n) (need not be NUL-terminated)
 * named name: Fathom JSON (a meeting object, {"items": [meetings]}, or
 * {"transcript": [...]}), WebVTT (first line "WEBVTT"), or plain text
 * ("Speaker: text" lines, optional "[HH:MM:SS]" or "HH:MM:SS" before the
 * speaker, "# key: value" header lines for id, title, date and
 * participant "Name <email> external|internal"). Returns a new array of
 * meeting records (one for text and WebVTT), or NULL with a message in
 * err ("name: line L: what"): invalid UTF-8, bad JSON, no utterance. */
json_t *lq_transcript_parse(const char *buf, size_t n, const char *name, char *err, size_t errlen);

/* "HH:MM:SS" from a WebVTT or text timestamp ("01:02.500", "1:02:03",
 * "00:01:02,000"); returns 0, or -1 when s is not a timestamp. out has
 * room for 16 bytes. */
int lq_timestamp_norm(const char *s, size_t n, char out[16]);

#endif
