#!/bin/sh
# 52-embed-kill.sh: kill -9 at random moments while embed talks to an OpenAI-compatible server, then a resume: nothing lost, no answer that reached embed paid for again.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_BASE_URL LQ_EMBED_BACKEND LQ_EMBED_MODEL
N=1200 KILLS=24
export OPENAI_API_KEY=sk-test-KILLLOOP-0123456789
awk -v n=$N 'BEGIN {for (i = 1; i <= n; i++) printf "{\"id\":\"r%d\",\"t\":\"Head of Finance number %d at a payroll scaleup\"}\n", i, i}' > in.ndjson
mock_start openai --key "$OPENAI_API_KEY" --latency-ms 400 --dim 8 --paid-log "$T/paid.log"
E="embed --backend openai --dimensions 8 --text --field t -b 20 -j 2 --retry-delay 0.01 --timeout 5"

i=0
: > kills.txt
while [ $i -lt $KILLS ]; do
	$E -q < in.ndjson > /dev/null 2>> kills.err &
	p=$!
	sleep "$(awk -v s=$i 'BEGIN {srand(s + 7); printf "%.3f", 0.15 + rand() * 0.6}')"
	date +%s.%N >> kills.txt
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	i=$((i + 1))
done
$E < in.ndjson > final.out 2> final.err
echo $? > final.st
ok 'the resume: exit 0, every record out exactly once, in order, each with its embedding' \
	'test $(cat final.st) -eq 0 && test "$(jq -r .id final.out)" = "$(jq -r .id in.ndjson)" && test $(jq -s "map(select((.embedding|length) == 8)) | length" final.out) -eq '$N
ok 'the kills cut requests short: some texts were embedded before the resume' \
	'test $(jq -s "map(.texts | length) | add" paid.log) -gt 0 && ! grep -q "0 cache hits" final.err'

# Every text paid for more than once: each earlier answer must have been
# cut off by a kill (the kill came while it was under way, or within
# 0.25 s of its sending, before embed could store it). An answer that
# reached embed is stored at once, so it is never paid for again.
python3 - "$T/paid.log" "$T/kills.txt" > twice.txt <<'PY'
import json, sys
paid = [json.loads(l) for l in open(sys.argv[1])]
kills = [float(l) for l in open(sys.argv[2]) if l.strip()]
seen = {}
for p in sorted(paid, key=lambda p: p["t1"]):
    for t in p["texts"]:
        seen.setdefault(t, []).append(p)
texts = len(seen)
again = sum(len(v) - 1 for v in seen.values())
avoidable = 0
for v in seen.values():
    for p in v[:-1]:
        if not any(p["t0"] <= k <= p["t1"] + 0.25 for k in kills):
            avoidable += 1
print(len(paid), texts, again, avoidable)
PY
read reqs texts again avoidable < twice.txt
ok 'no text paid twice except in a request a kill cut off' "test $avoidable -eq 0"
ok 'every text was paid for' "test $texts -eq $N"
printf 'tally: embed kill -9 loop: %d kills, %d records, %d lost, %d duplicated, %d requests paid for %d needed, %d texts paid twice (%d in requests a kill cut off in flight, %d avoidable)\n' \
	$KILLS $N "$(jq -r .id in.ndjson | sort | comm -23 - "$(jq -r .id final.out | sort > out.sorted; echo out.sorted)" | wc -l)" \
	"$(jq -r .id final.out | sort | uniq -d | wc -l)" "$reqs" $((N / 20)) "$again" $((again - avoidable)) "$avoidable"
ok 'the key is nowhere in the output, the messages or the cache' \
	'! grep -rq "$OPENAI_API_KEY" final.out final.err kills.err "$LQ_CACHE_DIR"'
done_testing
