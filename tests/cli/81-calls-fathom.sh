#!/bin/sh
# 81-calls-fathom: Fathom as it arrives (tests/data/calls/fathom): webhook payloads without recording_id, API pages with bad items, pretty, back to back, one a line; bad input.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset FATHOM_API_KEY LQ_FATHOM_BASE_URL
cp -r "$TOP/tests/data/calls/fathom" f
KEY=fathom-test-key-4242
REC='[.id, .title, .date, [.participants[] | [.name, .email, .is_external]], (.transcript | length), .transcript[0], .source, .url]'

# ---- the webhook payload (the official example has no recording_id) ----
expect 'a webhook payload without recording_id: title, date, invitees, is_external, every utterance' \
	"calls f/webhook.json | jq -c '$REC'" <<-'EOF'
	["88120455","Tidewell discovery","2025-05-06T15:01:40Z",[["Sam Ortiz","sam@northbeam.agency",false],["Mara Quist","mara@tidewell.io",true],["Leo Brandt",null,null]],4,{"speaker":"Sam Ortiz","text":"Thanks for making time. Should we be going after CTOs for you?","timestamp":"00:00:04","email":"sam@northbeam.agency"},"f/webhook.json","https://fathom.video/share/tW8xPq2LmZ"]
	EOF
expect 'the same payload on stdin, as a one-element array, and compact on one line: the same meeting' \
	"{ calls - < f/webhook.json; jq '[.]' f/webhook.json | calls -; jq -c . f/webhook.json | calls -; } | jq -c '[.id, .source, (.participants | length), (.transcript | length)]'" <<-'EOF'
	["88120455","<stdin>",3,4]
	["88120455","<stdin>",3,4]
	["88120455","<stdin>",3,4]
	EOF
jq 'del(.url, .share_url)' f/webhook.json > nolink.json
ok 'no recording_id and no link: a stable id from title, start and first words' \
	"a=\$(calls nolink.json | jq -r .id); b=\$(calls nolink.json | jq -r .id); test \"\$a\" = \"\$b\" && echo \"\$a\" | grep -Eqx 'fathom-[0-9a-f]{12}'"
jq '.transcript = "Mara Quist: We sell to CFOs.\nSam Ortiz: Noted, thanks."' f/webhook.json > text.json
expect 'a transcript given as text lines is read; the invitees are kept' \
	"calls text.json | jq -c '[.transcript, [.participants[].is_external]]'" <<-'EOF'
	[[{"speaker":"Mara Quist","text":"We sell to CFOs.","timestamp":""},{"speaker":"Sam Ortiz","text":"Noted, thanks.","timestamp":""}],[false,true]]
	EOF

# ---- a saved API page: a bad item is its own failed record, the rest go on ----
expect 'an API page: the good meetings, and each bad item failed with where and why' \
	"calls f/page.json 2>/dev/null | jq -r '[.id // \"-\", .status // \"ok\", .error.code // \"-\", .error.message // \"-\"] | @tsv'" <<-'EOF'
	88120001	ok	-	-
	88120002	failed	bad_meeting	f/page.json: item 1: meeting 88120002 has no transcript (include_transcript was not set)
	-	failed	bad_meeting	f/page.json: item 2: not a meeting object
	88120003	failed	bad_meeting	f/page.json: item 3: meeting 88120003: transcript item 1 has no text
	EOF
stderr_has '... named on stderr too' 'f/page.json: item 3: meeting 88120003: transcript item 1 has no text' 'calls f/page.json'
stderr_has '... and counted: one meeting, three failed' '4 out, 3 failed \(3 here\), 1 meetings' 'calls f/page.json'
status '--strict: a bad item gives exit 1' 1 'calls --strict f/page.json > /dev/null 2>&1'

# ---- several answers in one file ----
cat f/webhook.json f/page.json > both.json
expect 'pretty answers back to back: all read, items named by file and line' \
	"calls both.json 2>/dev/null | jq -r '[.id // \"-\", .status // \"ok\", .error.message // \"-\"] | @tsv'" <<-'EOF'
	88120455	ok	-
	88120001	ok	-
	88120002	failed	both.json:53: item 1: meeting 88120002 has no transcript (include_transcript was not set)
	-	failed	both.json:53: item 2: not a meeting object
	88120003	failed	both.json:53: item 3: meeting 88120003: transcript item 1 has no text
	EOF
{ jq -c . f/webhook.json; jq -c 'del(.transcript) | .url = "https://fathom.video/calls/99"' f/webhook.json; printf '{"title": oops}\n'; } > lines.json
expect 'webhook payloads one a line; a syntax error ends the file as a failed record, nothing before it lost' \
	"calls lines.json 2>/dev/null | jq -r '[.id // \"-\", .status // \"ok\", .error.message // \"-\"] | @tsv'" <<-'EOF'
	88120455	ok	-
	99	failed	lines.json:2: meeting 99 has no transcript (include_transcript was not set)
	-	failed	lines.json: line 3: invalid token near 'oops'
	EOF

# ---- bad input ----
printf '{"title": "x", "calendar_invitees": "nobody", "transcript": {"speaker": "a"}}' > wrong1.json
printf '{"title": "x", "calendar_invitees": [{"name": 5, "is_external": "yes"}, 7], "transcript": [{"speaker": {"display_name": 9}, "text": "hi"}]}' > wrong2.json
printf '{"a": 1, "\\u001b[31mred": 2}' > notfathom.json
printf '{"a": 1, "a": 2}' > dup.json
expect 'wrong types: a failed record, or read with the unknown parts null' \
	"calls wrong1.json wrong2.json 2>/dev/null | jq -c '[.status // \"ok\", .error.message // [.participants, .transcript]]' | sed -E 's/fathom-[0-9a-f]{12}/fathom-HASH/'" <<-'EOF'
	["failed","wrong1.json: meeting fathom-HASH: transcript is not an array"]
	["ok",[[{"name":"","email":null,"is_external":null}],[{"speaker":"","text":"hi","timestamp":""}]]]
	EOF
stderr_has 'JSON of another kind: named as such, keys shown inert' \
	'notfathom.json: not a Fathom meeting, page of meetings or transcript \(keys a, \?\[31mred\)' 'calls notfathom.json'
stderr_has 'duplicate keys: refused with the line' 'dup.json: line 1: duplicate object key' 'calls dup.json'
printf '   \n\n' > blank.json
expect 'empty and blank files: a failed record each, nothing else' \
	"calls blank.json empty-does-not-exist.json 2>/dev/null | jq -r '[.source, .error.code] | @tsv'" <<-'EOF'
	blank.json	bad_transcript
	empty-does-not-exist.json	unreadable
	EOF
jq '.transcript = [range(20000) | {speaker: {display_name: "Mara Quist"}, text: "We sell to CFOs \(.).", timestamp: "00:00:01"}]' f/webhook.json > huge.json
expect 'a huge meeting (20,000 utterances) is read whole' \
	"calls huge.json | jq '.transcript | length'" <<-'EOF'
	20000
	EOF

# ---- the API: meetings without recording_id, and one that cannot be read ----
jq -s '[.[0] | .created_at = "2025-05-06T15:41:02Z"] + [.[1].items[0], (.[1].items[1] | .transcript = null), ({title: "no id, no transcript", created_at: "2025-01-01T00:00:00Z", transcript: null})]' \
	f/webhook.json f/page.json > api.json
mock_start fathom --key "$KEY" --data api.json --page-size 10
LQ_FATHOM_BASE_URL=http://127.0.0.1:$MOCK_PORT/external/v1 FATHOM_API_KEY=$KEY \
	calls --retry-delay 0.01 > api.out 2> api.err
expect 'API: a meeting without recording_id is read; one without transcript is fetched; one with neither fails' \
	"jq -r '[.id // \"-\", .status // \"ok\", (.transcript | length? // 0), .error.message // \"-\"] | @tsv' api.out | sed -E 's/fathom-[0-9a-f]{12}/fathom-HASH/'" <<-'EOF'
	88120455	ok	4	-
	88120001	ok	1	-
	fathom-HASH	failed	0	page 1: meeting has no transcript and no recording_id to fetch it by
	88120002	ok	0	-
	EOF
ok 'API: one page and one transcript request' \
	"test \$(mock_count) -eq 2 && test \$(grep -c /recordings/88120002/transcript mock.log) -eq 1"
mock_stop
done_testing
