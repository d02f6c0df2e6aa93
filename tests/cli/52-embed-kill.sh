#!/bin/sh
# 52-embed-kill.sh: kill -9 at random moments while embed talks to an OpenAI-compatible server, then a resume: nothing lost, no stored answer paid for again.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_BASE_URL LQ_EMBED_BACKEND LQ_EMBED_MODEL
N=2400 KILLS=24
export OPENAI_API_KEY=sk-test-KILLLOOP-0123456789
awk -v n=$N 'BEGIN {for (i = 1; i <= n; i++) printf "{\"id\":\"r%d\",\"t\":\"Head of Finance number %d at a payroll scaleup\"}\n", i, i}' > in.ndjson
mock_start openai --key "$OPENAI_API_KEY" --latency-ms 400 --dim 8 --paid-log "$T/paid.log"
E="embed --backend openai --dimensions 8 --text --field t -b 20 -j 2 --retry-delay 0.01 --timeout 5"

i=0
: > kills.txt
while [ $i -lt $KILLS ]; do
	$E -q < in.ndjson > /dev/null 2>> kills.err &
	p=$!
	sleep "$(awk -v s=$i 'BEGIN {srand(s + 7); printf "%.3f", 0.3 + rand() * 1.5}')"
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

# Every text paid for more than once. An answer sent a second or more
# before the kill had reached embed, which stores it before anything else:
# asking for its texts again would be a fault (avoidable). The others were
# cut off by the kill, in flight or unread, and the server had computed
# them: OpenAI has no way to find such a request again.
python3 - "$T/paid.log" "$T/kills.txt" > twice.txt <<'PY'
import json, sys
paid = sorted((json.loads(l) for l in open(sys.argv[1])), key=lambda p: p["t0"])
kills = [float(l) for l in open(sys.argv[2]) if l.strip()]
def kill_after(t):
    return next((k for k in kills if k >= t), None)
count, avoidable, checked = {}, 0, 0
first = {}
for p in paid:
    k = kill_after(p["t1"])
    if k is not None and p["t1"] <= k - 1.0:
        checked += 1
    for x in p["texts"]:
        count[x] = count.get(x, 0) + 1
        q = first.get(x)
        if q is not None:
            kq = kill_after(q["t1"])
            if kq is not None and q["t1"] <= kq - 1.0 and p["t0"] > kq:
                avoidable += 1
        first[x] = p
print(len(paid), len(count), sum(c - 1 for c in count.values()), avoidable, checked)
PY
read reqs texts again avoidable checked < twice.txt
ok 'no text paid twice once its answer had reached embed; the others were in requests a kill cut off' "test $avoidable -eq 0 && test $again -le $((KILLS * 40))"
ok 'the check had answers to check: some came a second or more before a kill' "test $checked -ge 10"
ok 'every text was paid for' "test $texts -eq $N"
printf 'tally: embed kill -9 loop: %d kills, %d records, %d lost, %d duplicated, %d requests paid for %d needed, %d texts paid twice (%d in requests a kill cut off, %d of answers that had reached embed; %d answers checked)\n' \
	$KILLS $N "$(jq -r .id in.ndjson | sort | comm -23 - "$(jq -r .id final.out | sort > out.sorted; echo out.sorted)" | wc -l)" \
	"$(jq -r .id final.out | sort | uniq -d | wc -l)" "$reqs" $((N / 20)) "$again" $((again - avoidable)) "$avoidable" "$checked"
ok 'the key is nowhere in the output, the messages or the cache' \
	'! grep -rq "$OPENAI_API_KEY" final.out final.err kills.err "$LQ_CACHE_DIR"'
done_testing
