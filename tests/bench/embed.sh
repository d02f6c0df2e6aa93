#!/bin/sh
# bench/embed: 10,000 profiles through the OpenAI backend against the mock
# (20 ms per request), against the original service's one request per
# profile, one at a time (measured on a 300-profile sample, same mock, then
# scaled: 10,000 sequential requests would take over 3 minutes); and local
# embed throughput on the demo profiles.
set -u
N=${LQ_BENCH_EMBED_N:-10000}
SAMPLE=${LQ_BENCH_EMBED_SAMPLE:-300}
LAT=20
T=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$T"' EXIT
export LQ_CACHE_DIR="$T/cache"
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
unset OPENAI_API_KEY

# N distinct enriched leads, made from the 12 demo profiles.
command -v jq >/dev/null 2>&1 || { echo "bench embed: jq is missing (apt-get install jq)" >&2; exit 1; }
jq -c . tests/data/enriched.ndjson > "$T/base" && [ -s "$T/base" ] || { echo "bench embed: no tests/data/enriched.ndjson" >&2; exit 1; }
awk -v n="$N" '{ l[NR] = $0 } END { for (i = 0; i < n; i++) { s = l[i % NR + 1];
	sub(/"headline":"/, "\"headline\":\"#" i " ", s); print s } }' "$T/base" > "$T/in"
[ "$(wc -l < "$T/in")" -eq "$N" ] || { echo "bench embed: setup gave no $N leads" >&2; exit 1; }

python3 tests/mock/openai.py --port-file "$T/port" --log "$T/log" --latency-ms $LAT --dim 1536 &
pid=$!
while [ ! -s "$T/port" ]; do sleep 0.02; done
export OPENAI_BASE_URL=http://127.0.0.1:$(cat "$T/port")/v1

now() { python3 -c 'import time; print(time.time())'; }

head -n "$SAMPLE" "$T/in" > "$T/sample"
t0=$(now)
embed -q --backend openai -b 1 -j 1 < "$T/sample" > /dev/null || exit 1
t1=$(now)
base_req=$(grep -c . "$T/log")
[ "$base_req" -gt 0 ] || { echo "bench embed: the baseline sent no request" >&2; exit 1; }
rm -rf "$LQ_CACHE_DIR"; : > "$T/log"
t2=$(now)
embed -q --backend openai < "$T/in" > "$T/out" || exit 1
t3=$(now)
lq_req=$(grep -c . "$T/log")
test "$(wc -l < "$T/out")" -eq "$N" || { echo "records lost"; exit 1; }
t4=$(now)
embed -q --backend openai < "$T/in" > /dev/null || exit 1
t5=$(now)
rerun_req=$(($(grep -c . "$T/log") - lq_req))

python3 - "$N" "$SAMPLE" "$base_req" "$t0" "$t1" "$lq_req" "$t2" "$t3" "$rerun_req" "$t4" "$t5" <<'PY'
import sys
n, s, breq = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
t0, t1, lreq, t2, t3, rr, t4, t5 = float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), float(sys.argv[7]), float(sys.argv[8]), int(sys.argv[9]), float(sys.argv[10]), float(sys.argv[11])
base_wall = (t1 - t0) * n / s
lq_wall = t3 - t2
print("embed openai, %d profiles, mock latency 20 ms/request:" % n)
print("  baseline (original: 1 profile/request, sequential; measured on %d, scaled): %d requests, %.1f s" % (s, n * breq // s, base_wall))
print("  lq (batch 256, 4 jobs, base64):                  %d requests, %.1f s" % (lreq, lq_wall))
print("  ratio: %.0fx fewer requests, %.1fx faster" % (n * breq / s / lreq, base_wall / lq_wall))
print("  rerun from the cache: %d requests, %.1f s" % (rr, t5 - t4))
PY
kill $pid; wait $pid 2>/dev/null; pid=

# Local throughput: the demo leads, no cache, versus one process per
# profile (what a naive per-profile call of the model costs: load + run).
if [ -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	head -n 500 "$T/in" > "$T/local"
	t0=$(now)
	LQ_NO_CACHE=1 embed -q < "$T/local" > /dev/null || exit 1
	t1=$(now)
	head -n 20 "$T/in" > "$T/one"
	t2=$(now)
	while read -r l; do echo "$l" | LQ_NO_CACHE=1 embed -q > /dev/null; done < "$T/one"
	t3=$(now)
	python3 -c "
import sys
a=500/($t1-$t0); b=20/($t3-$t2)
print('embed local: %.0f profiles/s (500 profiles, windows of 256) vs %.1f profiles/s one process per profile: %.0fx' % (a, b, a/b))"
else
	echo "embed local: model missing in $LQ_MODEL_DIR: run make model"; exit 1
fi
