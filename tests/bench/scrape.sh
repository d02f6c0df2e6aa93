#!/bin/sh
# bench/scrape.sh: scrape's sliding window against the mock Apify server with
# heavy-tailed run latency, compared with the ideal schedule and with the
# original service's schedule computed from the same latency draws; then a
# fully cached rerun of 100,000 records against `jq -c .` on the same input.
# LQ_BENCH_URLS (2000), LQ_BENCH_LATENCY_MS (100, Pareto alpha 1.5 tail),
# LQ_BENCH_CACHED (100000) scale it.
set -u
top=$(pwd)
urls=${LQ_BENCH_URLS:-2000}
lat=${LQ_BENCH_LATENCY_MS:-100}
cached=${LQ_BENCH_CACHED:-100000}
T=$(mktemp -d)
mock=
trap '[ -n "$mock" ] && kill $mock 2>/dev/null; rm -rf "$T"' EXIT
export APIFY_API_TOKEN=bench-token LQ_CACHE_DIR="$T/cache"
python3 tests/mock/apify.py --token bench-token --latency-ms "$lat" --tail 1.5 --cap 20 --seed 42 "$T/port" 2>"$T/mock.err" &
mock=$!
while [ ! -s "$T/port" ]; do sleep 0.05; done
export LQ_APIFY_BASE_URL="http://127.0.0.1:$(cat "$T/port")"
sh tests/data/scrape/records.sh "$urls" b > "$T/in.ndjson"

t0=$(date +%s.%N)
bin/scrape -q -j 20 -b 5 < "$T/in.ndjson" > "$T/out.ndjson" || exit 1
t1=$(date +%s.%N)
curl -s "$LQ_APIFY_BASE_URL/__stats" > "$T/stats.json"
python3 - "$T/stats.json" "$t0" "$t1" "$T/out.ndjson" <<'PY'
import json, sys
st = json.load(open(sys.argv[1]))
wall = float(sys.argv[3]) - float(sys.argv[2])
d = [x / 1000 for x in st["durations_ms"]]
jobs = 20
ideal = sum(d) / jobs
groups = [d[i:i + jobs] for i in range(0, len(d), jobs)]
orig = sum(max(g) for g in groups)
orig_pause = orig + 10 * (len(groups) - 1)
enriched = sum(1 for l in open(sys.argv[4]) if '"status":"enriched"' in l)
print("scrape: %d URLs, %d runs of 5, 20 at once, run latency mean %.0f ms max %.0f ms (Pareto 1.5)"
      % (st["urls"], st["runs"], 1000 * sum(d) / len(d), 1000 * max(d)))
print("  wall %.2f s; %d enriched; max runs at once %d" % (wall, enriched, st["max_running"]))
print("  ideal (total run time / 20): %.2f s -> wall/ideal = %.3fx (aim <= 1.15x)" % (ideal, wall / ideal))
print("  original schedule, groups of 20, no pause: %.2f s -> %.2fx faster (aim >= 2x)" % (orig, orig / wall))
print("  original schedule with its 10 s pauses: %.2f s -> %.2fx faster" % (orig_pause, orig_pause / wall))
PY

# Fully cached rerun: fill the cache from a dataset file, then rerun.
python3 - "$cached" "$T/ds.jsonl" "$T/in2.ndjson" <<'PY'
import json, sys
n = int(sys.argv[1])
with open(sys.argv[2], "w") as ds, open(sys.argv[3], "w") as rec:
    for i in range(n):
        slug = "c%d-x" % i
        ds.write(json.dumps({"profileId": "ACoAA%020d" % i, "publicIdentifier": slug, "firstName": "C%d" % i,
            "lastName": "X", "headline": "CFO at Co %d" % i, "geoLocationName": "Leeds",
            "positions": [{"title": "CFO", "companyName": "Co %d" % i, "timePeriod": {"startDate": {"year": 2020}}}]}) + "\n")
        rec.write(json.dumps({"id": slug, "linkedin_url": "https://www.linkedin.com/in/%s/" % slug, "status": "discovered"}) + "\n")
PY
bin/scrape -q --from-dataset "$T/ds.jsonl" < "$T/in2.ndjson" > /dev/null || exit 1
before=$(curl -s "$LQ_APIFY_BASE_URL/__stats" | jq .requests)
t0=$(date +%s.%N)
bin/scrape -q < "$T/in2.ndjson" > "$T/out2.ndjson" || exit 1
t1=$(date +%s.%N)
after=$(curl -s "$LQ_APIFY_BASE_URL/__stats" | jq .requests)
bin/scrape -q < "$T/in2.ndjson" > /dev/null
bin/scrape -q < "$T/in2.ndjson" > /dev/null
t2=$(date +%s.%N)
jq -c . "$T/out2.ndjson" > /dev/null
t3=$(date +%s.%N)
hits=$(grep -c '"hit":true' "$T/out2.ndjson")
python3 -c "
n=$cached; w=$t1-$t0; w2=($t2-$t1)/2; j=$t3-$t2
print('cached rerun: %d records, %d cache hits, %d API requests' % (n, $hits, $after-$before))
print('  scrape %.2f s (%.0f records/s; warm: %.2f s, %.0f records/s); baseline jq -c . over its output %.2f s -> %.2fx jq' % (w, n/w, w2, n/w2, j, w2/j))
"
