#!/bin/sh
# bench/scrape.sh: scrape's sliding window against the mock Apify server with
# heavy-tailed run latency, compared with the ideal schedule and with the
# original service's schedule computed from the same latency draws; then a
# fully cached rerun of 100,000 records against scrape before lazy records
# and `jq -c .` on the same output.
# LQ_BENCH_URLS (2000), LQ_BENCH_LATENCY_MS (500, Pareto alpha 1.5 tail
# capped at 20x), LQ_BENCH_CACHED (100000) scale it. Real runs of 5 profiles
# take tens of seconds; at 500 ms the fixed costs of a run (three requests
# to a Python mock, three cache files per profile) weigh about what they
# weigh for real, and the bench still takes a few minutes. The ideal is a
# lower bound no schedule reaches: the same draws run in start order
# through 20 slots (list scheduling, what a perfect client would do
# without knowing durations) are printed beside it.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need_cmd curl "apt-get install curl"
need_cmd jq "apt-get install jq"
top=$(pwd)
urls=${LQ_BENCH_URLS:-2000}
lat=${LQ_BENCH_LATENCY_MS:-500}
cached=${LQ_BENCH_CACHED:-100000}
T=$(mktemp -d)
mock=
trap '[ -n "$mock" ] && kill $mock 2>/dev/null; rm -rf "$T"' EXIT
export APIFY_API_TOKEN=bench-token LQ_CACHE_DIR="$T/cache"
python3 tests/mock/apify.py --token bench-token --latency-ms "$lat" --tail 1.5 --cap 20 --seed 42 "$T/port" 2>"$T/mock.err" &
mock=$!
while [ ! -s "$T/port" ]; do
	kill -0 $mock 2>/dev/null || fail "the mock Apify server did not start: $(head -n 3 "$T/mock.err")"
	sleep 0.05
done
export LQ_APIFY_BASE_URL="http://127.0.0.1:$(cat "$T/port")"
sh tests/data/scrape/records.sh "$urls" b > "$T/in.ndjson" || fail "tests/data/scrape/records.sh failed"
lines_are "$T/in.ndjson" "$urls"

t0=$(date +%s.%N)
bin/scrape -q -j 20 -b 5 < "$T/in.ndjson" > "$T/out.ndjson" || fail "scrape failed"
t1=$(date +%s.%N)
[ "$(grep -c '"status":"enriched"' "$T/out.ndjson")" -gt 0 ] || fail "scrape enriched no record"
curl -s "$LQ_APIFY_BASE_URL/__stats" > "$T/stats.json" && [ -s "$T/stats.json" ] || fail "no stats from the mock"
python3 - "$T/stats.json" "$t0" "$t1" "$T/out.ndjson" <<'PY'
import heapq, json, sys
st = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
d = [x / 1000 for x in st["durations_ms"]]
jobs = 20
ideal = sum(d) / jobs
groups = [d[i:i + jobs] for i in range(0, len(d), jobs)]
orig = sum(max(g) for g in groups)
slots = [0.0] * jobs
for x in d:
    heapq.heappush(slots, heapq.heappop(slots) + x)
greedy = max(slots)
orig_pause = orig + 10 * (len(groups) - 1)
enriched = sum(1 for l in open(sys.argv[4]) if '"status":"enriched"' in l)
print("scrape: %d URLs, %d runs of 5, 20 at once, run latency mean %.0f ms max %.0f ms (Pareto 1.5)"
      % (st["urls"], st["runs"], 1000 * sum(d) / len(d), 1000 * max(d)))
print("  wall %.2f s; %d enriched; max runs at once %d" % (wall, enriched, st["max_running"]))
print("  ideal (total run time / 20): %.2f s -> wall/ideal = %.3fx (aim <= 1.15x)" % (ideal, wall / ideal))
print("  list schedule of the same draws (20 slots, no overhead): %.2f s = %.3fx ideal; wall/that = %.3fx"
      % (greedy, greedy / ideal, wall / greedy))
print("  original schedule, groups of 20, no pause: %.2f s -> %.2fx faster (aim >= 2x)" % (orig, orig / wall))
print("  original schedule with its 10 s pauses: %.2f s -> %.2fx faster" % (orig_pause, orig_pause / wall))
PY
[ $? -eq 0 ] || fail "the schedule report failed"

# Fully cached rerun: fill the cache with `cache import` from a generated
# dataset of realistic items (tests/bench/gen-apify.py: ~4 KB each, as the
# actor returns them), then rerun: the new scrape, scrape as it was before
# lazy records (tests/bench/today.sh) on the same cache, and jq -c . over
# the output. CPU time (user+sys) for the ratios: the least of
# LQ_BENCH_REPEAT (3) interleaved warm runs of each (lib.sh's rounds).
. tests/bench/today.sh
"$PY" tests/bench/gen-apify.py items "$cached" > "$T/ds.jsonl" || fail "gen-apify.py failed"
"$PY" tests/bench/gen-apify.py discovered "$cached" > "$T/in2.ndjson" || fail "gen-apify.py failed"
lines_are "$T/ds.jsonl" "$cached"
lines_are "$T/in2.ndjson" "$cached"
timed imp "bin/cache -q import '$T/ds.jsonl'"
printf 'cache import: %d profiles in %.1f s\n' "$cached" "$imp_wall"
before=$(curl -s "$LQ_APIFY_BASE_URL/__stats" | jq .requests)
timed cold "bin/scrape -q < '$T/in2.ndjson' > '$T/out2.ndjson'"
after=$(curl -s "$LQ_APIFY_BASE_URL/__stats" | jq .requests)
rounds new "bin/scrape -q < '$T/in2.ndjson' > /dev/null" \
	old "'$TODAY/scrape' -q < '$T/in2.ndjson' > '$T/out2-today.ndjson'" \
	jq "jq -c . '$T/out2.ndjson' > /dev/null"
head -n $((cached / 10)) "$T/in2.ndjson" > "$T/tenth.ndjson"
timed tenth "bin/scrape -q < '$T/tenth.ndjson' > /dev/null"
lines_are "$T/out2.ndjson" "$cached"
hits=$(grep -c '"hit":true' "$T/out2.ndjson")
[ "$hits" -eq "$cached" ] || fail "only $hits of $cached records came from the cache"
if cmp -s "$T/out2.ndjson" "$T/out2-today.ndjson"; then same=identical; else same=DIFFERENT; fi
new=$new_cpu old=$old_cpu
printf 'cached rerun: %d records (%d MB out), %d cache hits, %d API requests\n' "$cached" \
	$(($(wc -c < "$T/out2.ndjson") / 1000000)) "$hits" $((after - before))
printf '  scrape          %6.2f s CPU = %7.0f records/s (first read of the cache: %.2f s CPU, %.2f s wall)\n' \
	"$new" "$(awk -v c="$new" -v n="$cached" 'BEGIN { print n / c }')" "$cold_cpu" "$cold_wall"
printf '  scrape, before  %6.2f s CPU = %7.0f records/s -> %sx\n' \
	"$old" "$(awk -v c="$old" -v n="$cached" 'BEGIN { print n / c }')" "$(ratio "$old" "$new")"
printf '  jq -c . over its output %.2f s CPU -> scrape is %sx jq\n' "$jq_cpu" "$(ratio "$jq_cpu" "$new")"
printf '  peak memory %d MB at %d records, %d MB at %d; output vs before: %s\n' \
	$((tenth_kb / 1024)) $((cached / 10)) $((new_kb / 1024)) "$cached" "$same"
printf '  spread: scrape %s; before %s; jq %s\n' "$(spread new)" "$(spread old)" "$(spread jq)"
[ "$same" = identical ] || fail "the cached rerun's output differs from before"
