#!/bin/sh
# 99-stop.sh: the one stop path: SIGTERM/SIGINT while a filter waits on stdin, a closed output, exit 4, nothing lost.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	echo "not ok 1 - 99-stop: no model in $LQ_MODEL_DIR (run \`make model\`)"
	exit 1
fi
D=$TOP/pipelines/demo
export D

# Each stage's input, from the demo data (25 leads), plus a line that is
# not JSON: it must come out too, as a failed record.
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > leads.ndjson
echo 'not json' >> leads.ndjson
scrape -q --from-dataset "$D/profiles.json" < leads.ndjson > enriched.ndjson
embed -q < enriched.ndjson > embedded.ndjson
classify -q < embedded.ndjson > classified.ndjson
score -q "$D/icp.json" < classified.ndjson > scored.ndjson
ok 'the inputs: 26 records at every stage' \
	'for f in leads enriched embedded classified scored; do test $(wc -l < $f.ndjson) -eq 26 || exit 1; done'

# stop_while_waiting NAME SIGNAL INPUT CMD: CMD reads INPUT from a pipe
# that stays open; once it has read every byte, SIGNAL. Leaves NAME.out,
# NAME.err, NAME.st (exit status).
cat > "$T/stopper" <<'S'
#!/bin/sh
name=$1 sig=$2 input=$3; shift 3
rm -f "$name.fifo" "$name.wrote"; mkfifo "$name.fifo"
{ cat "$input"; : > "$name.wrote"; sleep 60; } > "$name.fifo" &
w=$!
"$@" < "$name.fifo" > "$name.out" 2> "$name.err" &
p=$!
while [ ! -e "$name.wrote" ]; do sleep 0.05; done
python3 "$TOP/tests/drained.py" $p 60 || echo "stdin not drained" >> "$name.err"
sleep 0.3
kill -$sig $p
wait $p
echo $? > "$name.st"
kill $w 2>/dev/null
S
chmod +x "$T/stopper"

# same_ids A B: the same ids (or raw lines) in the same order.
cat > "$T/same_ids" <<'S'
#!/bin/sh
ids() { jq -rR '(fromjson? | .id // .raw) // .' "$1"; }
ids "$1" > "$1.ids" && ids "$2" > "$2.ids" && test -s "$1.ids" && cmp -s "$1.ids" "$2.ids"
S
chmod +x "$T/same_ids"
PATH=$T:$PATH

for stage in "scrape --cache-only:leads" "embed:enriched" "classify:embedded" "score $D/icp.json:classified" \
    "rerank $D/icp.json:scored"; do
	cmd=${stage%%:*} in=${stage##*:} name=${cmd%% *}
	for sig in TERM INT; do
		stopper "$name-$sig" $sig "$in.ndjson" $cmd
		ok "$name, SIG$sig while waiting on stdin: exit 4, every record read written, in order" \
			"test \$(cat $name-$sig.st) -eq 4 && same_ids $in.ndjson $name-$sig.out"
		stderr_has "$name, SIG$sig: says it stopped and why" "stopped by SIG$sig" "cat $name-$sig.err >&2"
	done
done
ok 'embed and classify finished the records they held: the same results as an uninterrupted run' \
	'cmp embed-TERM.out embedded.ndjson && cmp classify-INT.out classified.ndjson'
stopper tocsv TERM scored.ndjson to-csv --include-failed --all
ok 'to-csv, SIGTERM while waiting on stdin: exit 4, a row for every record read' \
	'test $(cat tocsv.st) -eq 4 && test $(python3 "$TOP/tests/csvread.py" rows tocsv.out | wc -l) -eq 27'

# A line cut off by the stop is kept as what it is.
printf '{"id":"a","status":"enriched"}\n{"id":"b","sta' > cut.ndjson
stopper cut TERM cut.ndjson score "$D/icp.json"
expect 'a line cut off by the stop comes out as a failed record with its text' \
	'cat cut.st; jq -c "[.id, .status, .error.code, .raw]" cut.out' <<-'OUT'
	4
	["a","failed","no_profile_text",null]
	[null,"failed","interrupted","{\"id\":\"b\",\"sta"]
	OUT

# A closed output (| head): quiet, exit 4, the reader stops reading.
cat > "$T/headed" <<'S'
#!/bin/sh
# headed CMD...: runs CMD on an endless input into `head -1`; prints its exit status.
{ while cat "$IN"; do :; done; } 2>/dev/null | { "$@"; echo $? > headed.st; } | head -1 > /dev/null
cat headed.st
S
chmod +x "$T/headed"
# (to-csv sorts: it writes only at the end of its input, so not here.)
for cmd in "score $D/icp.json" "scrape --cache-only"; do
	name=${cmd%% *}
	IN=$T/scored.ndjson
	[ "$name" = scrape ] && IN=$T/leads.ndjson
	export IN
	expect "$name | head -1 on endless input: stops, exit 4" "timeout 60 headed $cmd 2> $name-head.err" <<-'OUT'
	4
	OUT
	ok "$name | head -1: quiet (no write error)" "! grep -qi 'error\|broken' $name-head.err"
done
# calls pages through the Fathom API: a stop ends the paging after the
# page in hand, written whole.
mock_start fathom --key fk-stop-4242 --page-size 1 --latency-ms 400
LQ_FATHOM_BASE_URL=http://127.0.0.1:$MOCK_PORT/external/v1 FATHOM_API_KEY=fk-stop-4242 calls > calls.out 2> calls.err &
p=$!
sleep 1
kill -TERM $p
wait $p
echo $? > calls.st
ok 'calls, SIGTERM while paging: exit 4, the pages fetched written whole, no more fetched' \
	'test $(cat calls.st) -eq 4 && test $(wc -l < calls.out) -ge 1 && test $(wc -l < calls.out) -lt 5 && jq -e .transcript calls.out > /dev/null && test $(grep -c /meetings mock.log) -eq $(wc -l < calls.out)'
mock_stop
done_testing
