#!/bin/sh
# 80-calls: meetings from the Fathom API (tests/mock/fathom.py) and from saved transcript files.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset FATHOM_API_KEY LQ_FATHOM_BASE_URL
C=$TOP/tests/data/calls
KEY=fathom-test-key-4242

fathom() {	# fathom ARGS...: a fresh mock Fathom with the key
	mock_start fathom --key "$KEY" "$@"
	LQ_FATHOM_BASE_URL=http://127.0.0.1:$MOCK_PORT/external/v1
	FATHOM_API_KEY=$KEY
	export LQ_FATHOM_BASE_URL FATHOM_API_KEY
}

# ---- files ----
expect 'text file: header, participants, timestamps' \
	"calls '$C/ledgerly-kickoff.txt' | jq -c '[.id,.date,(.participants|length),(.participants[2]|.is_external),(.transcript|length),.transcript[4]]'" <<-'EOF'
	["ledgerly-kickoff","2025-03-04",3,true,18,{"speaker":"Dana Reyes","text":"No, honestly not. Our buyer is in finance.","timestamp":"00:00:33"}]
	EOF
expect 'WebVTT: voices, cue times, NOTE skipped' \
	"calls '$C/forgeline-intro.vtt' | jq -c '[.id,(.transcript|length),.transcript[1],[.participants[].name]]'" <<-'EOF'
	["forgeline-intro",11,{"speaker":"Tom Becker","text":"Cold, but busy. We just opened the second plant.","timestamp":"00:00:07"},["Priya Nair","Tom Becker"]]
	EOF
expect 'Fathom meeting JSON: id is the recording_id, emails kept' \
	"calls '$C/quillstack-onboarding.json' | jq -c '[.id,.title,.date,.transcript[1].email,.url]'" <<-'EOF'
	["5531207","Quillstack onboarding","2025-03-18T16:01:12Z","rosa@quillstack.io","https://fathom.video/share/abc5531207"]
	EOF
expect 'Fathom transcript JSON ({"transcript":[...]}) from stdin' \
	"jq '{transcript}' '$C/quillstack-onboarding.json' | calls - | jq -c '[.id,.source,(.transcript|length)]'" <<-'EOF'
	["<stdin>","<stdin>",15]
	EOF
printf 'WEBVTT\n\n00:01.000 --> 00:02.000\nAna: Hello there\ncontinued\n\nNOTE x\n\n1:02:03.5 --> 1:02:04\n<v.loud Bo Li>Hi <b>Ana</b></v>\n' > t.vtt
expect 'WebVTT: "Name: text" cues, classes in <v>, tags stripped, hours' \
	"calls t.vtt | jq -c .transcript" <<-'EOF'
	[{"speaker":"Ana","text":"Hello there continued","timestamp":"00:00:01"},{"speaker":"Bo Li","text":"Hi Ana","timestamp":"01:02:03"}]
	EOF
printf 'Ana: one\n  and more\n00:00:09 Bo: two: three\n' > t.txt
expect 'text: continuation lines, bare timestamps, colon inside the text' \
	"calls t.txt | jq -c .transcript" <<-'EOF'
	[{"speaker":"Ana","text":"one and more","timestamp":""},{"speaker":"Bo","text":"two: three","timestamp":"00:00:09"}]
	EOF
printf 'just some words without a speaker\n' > bad1.txt
printf '{"recording_id": 1, "transcript": 7}' > bad2.json
printf 'WEBVTT\n\nnonsense --> 00:01.000\nA: b\n' > bad3.vtt
printf 'A: \377\376\n' > bad4.txt
printf '[1,2]' > bad5.json
printf '{"items":[{"recording_id":1,"transcript":[{"speaker":{"display_name":"A"}}]}]}' > bad6.json
: > empty.txt
expect 'bad files become failed records, a bad meeting its own failed record, the good one still comes out' \
	"calls bad1.txt bad2.json bad3.vtt bad4.txt bad5.json bad6.json empty.txt missing.txt '$C/cobaltsec-followup.txt' 2>/dev/null | jq -r '[.id // .source, .status // \"ok\", .error.code // \"\"]|@tsv'" <<-'EOF'
	bad1.txt	failed	bad_transcript
	1	failed	bad_meeting
	bad3.vtt	failed	bad_transcript
	bad4.txt	failed	bad_transcript
	bad5.json	failed	bad_meeting
	bad5.json	failed	bad_meeting
	1	failed	bad_meeting
	empty.txt	failed	bad_transcript
	missing.txt	failed	unreadable
	cobaltsec-followup	ok	
	EOF
stderr_has 'bad files: messages name the file and line' 'bad1.txt: line 1: expected "Speaker: text"' "calls bad1.txt"
status '--strict: a bad file gives exit 1' 1 "calls --strict bad1.txt '$C/cobaltsec-followup.txt' > /dev/null 2>&1"
status 'files and --since do not mix' 2 "calls --since 2025-01-01 t.txt"
status 'a bad --since is a usage error' 2 "calls --since yesterday"
status 'a bad --domain is a usage error' 2 "calls --domain 'a b'"
status 'calls > /dev/full fails' 3 "calls '$C/ledgerly-kickoff.txt' > /dev/full"

# ---- the API ----
status 'no FATHOM_API_KEY: exit 3' 3 "calls"
fathom
expect 'API: every page, include_transcript, newest first' \
	"calls --trace tr.ndjson 2>err | jq -r '[.id,.title,(.transcript|length),.source]|@tsv'" <<-'EOF'
	105	Check-in: Brightpath	1	fathom
	104	Follow-up: Ledgerly	1	fathom
	103	Intro: Brightpath	1	fathom
	102	ICP deep dive: Ledgerly	2	fathom
	101	Kickoff: Ledgerly	3	fathom
	EOF
ok 'API: three pages with cursors, the key in X-Api-Key' \
	"test \$(mock_count) -eq 3 && jq -e -s 'map(.query.include_transcript[0]==\"true\" and .key_ok)|all' mock.log >/dev/null && jq -e -s '.[1].query.cursor[0]==\"c2\"' mock.log > /dev/null"
ok 'API: one trace line per request, no key, no query' \
	"test \$(wc -l < tr.ndjson) -eq 3 && ! grep -q '$KEY' tr.ndjson && ! grep -q cursor tr.ndjson"
: > mock.log
expect '--since and --domain (repeatable) become created_after and calendar_invitees_domains[]' \
	"calls --since 2025-02-01 --domain ledgerly.com --domain x.org | jq -r .id" <<-'EOF'
	104
	102
	EOF
ok '--since and --domain in the query' \
	"jq -e -s '.[0].query.created_after==[\"2025-02-01T00:00:00Z\"] and .[0].query[\"calendar_invitees_domains[]\"]==[\"ledgerly.com\",\"x.org\"]' mock.log >/dev/null"
expect '--limit stops early' "calls --limit 3 | jq -r .id | paste -sd ' '" <<-'EOF'
	105 104 103
	EOF
FATHOM_API_KEY=wrong-key-9999 calls > out 2> err
ok 'wrong key: 401, exit 3, one request, the key never echoed' \
	"grep -q 'refused' err && grep -q FATHOM_API_KEY err && ! grep -q wrong-key-9999 err out && test ! -s out"
grep -rl "$KEY" "$LQ_CACHE_DIR" > leaks 2>/dev/null
ok 'the key is not in the cache' "test ! -s leaks"
mock_stop

fathom --faults 429,ok --reset 0.4
ok '429 with RateLimit-Reset (no Retry-After): waits the reset, then goes on' \
	"calls --retry-delay 0.01 > out 2>err && test \$(wc -l < out) -eq 5 &&
	 jq -s -e '(.[1].t - .[0].t) >= 0.35' mock.log > /dev/null"
mock_stop
# The window opens at the first request and resets 0.5 s later; the second
# answer says Remaining 0 with the time left. The third request must come
# after the reset, counted from the first request: the gap between the
# second and third depends on how long the second took to come, which a
# loaded machine stretches (it failed once so, at 0.3 s between them).
fathom --window 2 --reset 0.5
ok 'RateLimit-Remaining 0: waits for the window before the next page, never a 429' \
	"calls > out 2>err && test \$(wc -l < out) -eq 5 && ! grep -q '\"status\": 429' mock.log &&
	 jq -s -e '(.[2].t - .[0].t) >= 0.45' mock.log > /dev/null"
mock_stop
fathom --faults 500,malformed,drop
ok '500, a malformed page and a dropped connection are retried' \
	"calls --max-attempts 4 --retry-delay 0.01 > out 2>err && test \$(wc -l < out) -eq 5"
mock_stop
fathom --faults 'badpage*'
ok 'a page without items: retried, then exit 3 naming the page' \
	"calls --retry-delay 0.01 > out 2> err; test \$? -eq 3 && grep -q 'page 1.*malformed page' err && test \$(mock_count) -eq 3"
mock_stop
fathom --faults ok,badcursor
ok 'a bad next_cursor on page 2: the first page is written, exit 3' \
	"calls --retry-delay 0.01 --max-attempts 1 > out 2> err; test \$? -eq 3 && test \$(wc -l < out) -eq 2 && grep -q 'next_cursor' err"
mock_stop
fathom --faults baditem
ok 'an item that is not a meeting becomes a failed record; the rest go on' \
	"calls > out 2>err && test \$(wc -l < out) -eq 6 && jq -s -e '.[0].error.code==\"bad_meeting\"' out > /dev/null"
mock_stop
fathom --faults '401*'
ok '401 mid-run: no retry, exit 3' "calls > out 2>err; test \$? -eq 3 && test \$(mock_count) -eq 1"
mock_stop

fathom --no-inline-transcripts
LQ_CACHE_DIR=$T/cache2	# the runs above cached every meeting
ok 'listing without transcripts: each fetched from /recordings/{id}/transcript' \
	"calls > out 2>err && test \$(wc -l < out) -eq 5 && test \$(grep -c /transcript mock.log) -eq 5 && jq -s -e '.[4].transcript|length==3' out >/dev/null"
: > mock.log
ok 'rerun: transcripts come from the cache (namespace meeting)' \
	"calls > out2 2>err && cmp out out2 && test \$(grep -c /transcript mock.log) -eq 0 && grep -q '5 cache hits' err"
: > mock.log
ok '--refresh fetches them again' "calls --refresh > out3 2>err && test \$(grep -c /transcript mock.log) -eq 5"
mock_stop

done_testing
