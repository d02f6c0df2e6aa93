#!/bin/sh
# 42-scrape-crash.sh: kill -9 at random moments, two scrapes on one cache, a cache that cannot be written.
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
export APIFY_API_TOKEN="$TOKEN"
sh "$DATA/scrape/records.sh" 60 > in.ndjson
start_mock m --latency-ms 20 --tail 1.5 --seed 7
export LQ_APIFY_BASE_URL=$URL_m

# Objects are JSON documents: a corrupt or half-written one would not parse.
cat > "$T/.helpers/verify" <<'V'
#!/bin/sh
# verify DIR: every object under DIR/objects is complete (until `cache verify` is merged).
if command -v cache >/dev/null 2>&1; then exec env LQ_CACHE_DIR="$1" cache verify; fi
find "$1/objects" -type f | while read -r f; do jq -e . "$f" > /dev/null 2>&1 || { echo "corrupt: $f"; exit 1; }; done
V
chmod +x "$T/.helpers/verify"

i=0
while [ $i -lt 8 ]; do
	scrape -q --poll-wait 1 -j 4 -b 3 < in.ndjson > /dev/null 2>&1 &
	p=$!
	sleep 0.$(( (i * 37) % 9 + 1 ))
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	i=$((i + 1))
done
ok 'after 8 kill -9: no corrupt object in the cache' 'verify "$LQ_CACHE_DIR"'
before=$(stat_of m urls)
scrape -q --poll-wait 1 -j 4 -b 3 --trace re.trace < in.ndjson > re.out 2> re.err
after=$(stat_of m urls)
fetched=$(jq -r 'select(.cache.hit == false) | .id' re.out | wc -l)
ok 'rerun: every record enriched' 'test "$(jq -r .status re.out | sort -u)" = enriched && all_written re.out'
ok 'rerun: fetches only what was not cached' "test $((after - before)) -eq $fetched"
ok 'rerun: something had been cached before the rerun' "test $fetched -lt 60"

# Two scrapes on one cache at once, overlapping inputs.
export LQ_CACHE_DIR="$T/shared"
sh "$DATA/scrape/records.sh" 40 two > in.ndjson
scrape -q --poll-wait 1 -j 3 < in.ndjson > a.out 2> a.err &
pa=$!
scrape -q --poll-wait 1 -j 3 < in.ndjson > b.out 2> b.err
wait $pa
ok 'two scrapes sharing one cache: both complete' 'all_written a.out && all_written b.out && test "$(cat a.out b.out | jq -r .status | sort -u)" = enriched'
ok 'two scrapes sharing one cache: cache sound, a third run is all hits' \
	'verify "$LQ_CACHE_DIR" && scrape -q --cache-only < in.ndjson | jq -r .cache.hit | sort -u | grep -qx true'

# A cache that cannot be written.
mkdir ro && chmod 555 ro
sh "$DATA/scrape/records.sh" 7 ro > in.ndjson
if [ "$(id -u)" -eq 0 ]; then
	# root writes anyway: inject the failure with a file where a directory must be.
	rm -rf ro; mkdir -p ro/objects; for d in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do for e in 0 1 2 3 4 5 6 7 8 9 a b c d e f; do : > ro/objects/$d$e; done; done; : > ro/tmp 2>/dev/null
fi
LQ_CACHE_DIR=$T/ro scrape --poll-wait 1 < in.ndjson > ro.out 2> ro.err
ok 'unwritable cache: records still written, enriched' 'all_written ro.out && test "$(jq -r .status ro.out | sort -u)" = enriched'
stderr_has 'unwritable cache: a clear message' 'cache' 'cat ro.err >&2'
ok 'the token is nowhere in files the tool wrote' '! grep -rq "$TOKEN" re.out re.err re.trace a.out b.out a.err b.err ro.out ro.err "$T/shared" "$T/.cache"'
done_testing
