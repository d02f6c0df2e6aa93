#!/bin/sh
# 41-scrape-apify.sh: scrape against the mock Apify server, with every fault it can inject.
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
export APIFY_API_TOKEN="$TOKEN"
sh "$DATA/scrape/records.sh" 23 > in.ndjson
printf '%s\n' '{"id":"anna-nodata","status":"discovered"}' '{"id":"ben-foreign","status":"discovered"}' >> in.ndjson

# scrape_mock NAME [scrape options]: runs scrape against mock NAME into NAME.out.
scrape_mock() {
	_m=$1; shift
	eval "LQ_APIFY_BASE_URL=\$URL_$_m" LQ_CACHE_DIR="$T/cache-$_m" \
		scrape --poll-wait 1 --retry-delay 0.01 --trace "$_m.trace" "$@" < in.ndjson > "$_m.out" 2> "$_m.err"
}

start_mock plain --latency-ms 5
scrape_mock plain
ok 'no fault: every record written once, in order' 'all_written plain.out'
expect 'no fault: 23 enriched, the no-data one failed precisely' \
	'jq -r "[.status, .error.code // \"-\", (.error.message // \"-\" | sub(\"run[0-9a-f]+\"; \"RUN\"))] | @tsv" plain.out | sort | uniq -c' <<-'OUT'
	     24 enriched	-	-
	      1 failed	no_data	no data returned by actor run RUN
	OUT
expect 'no fault: 5 runs of 5, one items fetch each; the foreign item counted' \
	'echo $(stat_of plain runs) $(stat_of plain urls) $(stat_of plain items); grep -o "[0-9]* unmatched items ignored" plain.err' <<-'OUT'
	5 25 5
	1 unmatched items ignored
	OUT
ok 'trace: one line per request, jq-readable, with status and ids' \
	'test "$(jq -s "map(select(.endpoint)) | length" plain.trace)" -eq "$(stat_of plain requests)" && jq -e "select(.method==\"GET\" and (.endpoint|test(\"/items$\"))) | .items == 5 and (.ids|length) == 5 and .status == 200" plain.trace | grep -qv false'
ok 'trace: no query string, no token' '! grep -q "?" plain.trace && ! grep -q "$TOKEN" plain.trace'
scrape_mock plain
expect 'rerun: all from the cache, no new request' 'echo $(stat_of plain runs); jq -r .cache.hit plain.out | sort | uniq -c' <<-'OUT'
	6
	      1 null
	     24 true
	OUT
ok 'the token is nowhere: stdout, stderr, trace, cache' '! grep -rq "$TOKEN" plain.out plain.err plain.trace cache-plain'

for f in start:429:2 start:500:2 poll:500:2 poll:408:2 items:429:1 items:503:2 items:malformed:1 items:drop:2 poll:drop:1 start:drop:1 items:trickle:1; do
	n=$(echo "$f" | tr ':' '_')
	start_mock "$n" --latency-ms 5 --fault "$f" --trickle-ms 2
	scrape_mock "$n"
	ok "fault $f: every record written once, in order" "all_written $n.out"
	expect "fault $f: recovered, 24 enriched" "jq -r .status $n.out | sort | uniq -c" <<-'OUT'
	     24 enriched
	      1 failed
	OUT
done
ok 'retried requests are traced with their attempt number' 'jq -e "select(.attempt == 2)" start_429_2.trace | grep -q attempt'

start_mock slow --latency-ms 5 --fault items:trickle:3 --trickle-ms 200
scrape_mock slow --timeout 0.3
ok 'trickling body past the timeout: fetched again, no new run, all written' 'all_written slow.out && test "$(stat_of slow urls)" -eq 25'
ok 'trickling body past the timeout: the timeout is reported' 'grep -q "Timeout was reached\|timed out" slow.trace'

start_mock failruns --latency-ms 5 --fail-runs 2
scrape_mock failruns
# A FAILED run keeps the first half of its items (the mock): 2 of 5.
ok 'runs ending FAILED: the items they stored are kept, only the other records run again' \
	'all_written failruns.out && test "$(jq -r "select(.retry_count == 1) | .id" failruns.out | wc -l)" -eq 6 && test "$(jq -r "select(.status == \"enriched\") | .id" failruns.out | wc -l)" -eq 24 && test "$(stat_of failruns urls)" -eq 31'

printf '%s\n' '{"id":"carl-failrun","status":"discovered"}' '{"id":"dora-timeoutrun","status":"discovered"}' > in.ndjson
start_mock bad --latency-ms 5
scrape_mock bad -b 1
expect 'runs that always end FAILED / TIMED-OUT: failed after 3 attempts, precise' \
	'jq -r "[.id, .status, .error.code, .retry_count, (.error.message | sub(\"run[0-9a-f]+\"; \"RUN\"))] | @tsv" bad.out; stat_of bad runs' <<-'OUT'
	carl-failrun	failed	apify_run	2	actor run RUN ended FAILED: The Actor process failed
	dora-timeoutrun	failed	apify_run	2	actor run RUN ended TIMED-OUT: The Actor run timed out
	6
	OUT

sh "$DATA/scrape/records.sh" 12 > in.ndjson
start_mock auth --latency-ms 5 --fault start:401:100
scrape_mock auth
status '401: exit 3' 3 'LQ_APIFY_BASE_URL=$URL_auth scrape --poll-wait 1 < in.ndjson > /dev/null 2>&1 || exit $?'
ok '401: every record written, failed, none lost' 'all_written auth.out && test "$(jq -r .error.code auth.out | sort -u)" = stopped'
ok '401: a clear message once' 'test "$(grep -c "HTTP 401: token-not-provided.*check APIFY_API_TOKEN" auth.err)" -eq 1 || { cat auth.err; false; }'
ok '401: no retry of a refused request' 'test "$(jq -r "select(.status == 401) | .attempt" auth.trace | sort -u)" = 1'
start_mock pay --latency-ms 5 --fault any:402:1
scrape_mock pay
ok '402: failed records name the payment error' 'all_written pay.out && jq -r .error.message pay.out | grep -q "HTTP 402: x402-payment-required"'

start_mock hang --latency-ms 5000
scrape_mock hang --run-timeout 1 --max-attempts 1
# Aborted after about 1 s of 5: each run of 5 had stored about 1 item, which is kept.
ok 'a run past --run-timeout: aborted through the API, what it stored kept, the other records failed' \
	'all_written hang.out && test "$(jq -r "select(.status == \"failed\") | .error.code" hang.out | sort -u)" = apify_timeout && test "$(jq -r "select(.status == \"enriched\") | .id" hang.out | wc -l)" -ge 1 && test "$(stat_of hang urls)" -eq 12 && test "$(stat_of hang aborted_runs)" -eq "$(stat_of hang runs)" && test "$(stat_of hang running)" -eq 0'

start_mock sig --latency-ms 5000
LQ_APIFY_BASE_URL=$URL_sig LQ_CACHE_DIR=$T/c-sig scrape --poll-wait 1 < in.ndjson > sig.out 2> sig.err &
sp=$!; sleep 0.7; kill -TERM $sp; wait $sp; echo $? > sig.st
ok 'SIGTERM: exit 4, every record read written failed "interrupted"' \
	'test "$(cat sig.st)" -eq 4 && all_written sig.out && test "$(jq -r .error.code sig.out | sort -u)" = interrupted'
ok 'SIGTERM: every started run aborted, none left running' \
	'test "$(stat_of sig runs)" -gt 0 && test "$(stat_of sig running)" -eq 0'

sh "$DATA/scrape/records.sh" 60 > in.ndjson
start_mock tail --latency-ms 5 --tail 1.2 --cap 40
scrape_mock tail -j 4 -b 3
ok 'heavy-tailed runs, 4 jobs: output order is input order' 'all_written tail.out && test "$(jq -r .status tail.out | sort -u)" = enriched'
ok 'never more than --jobs runs at once' 'test "$(stat_of tail max_running)" -le 4 && test "$(stat_of tail runs)" -eq 20'
start_mock orph --latency-ms 60000
LQ_APIFY_BASE_URL=$URL_orph LQ_CACHE_DIR=$T/c-orph scrape --poll-wait 1 < in.ndjson > /dev/null 2>&1 &
sp=$!; sleep 0.5; kill -9 $sp; wait $sp
ok 'kill -9 leaves runs running; --abort-orphans aborts them' \
	'test "$(stat_of orph running)" -gt 0 && LQ_APIFY_BASE_URL=$URL_orph scrape --abort-orphans --cache-only < /dev/null 2> orph.err && test "$(stat_of orph running)" -eq 0 && grep -q "abort [0-9]* runs" orph.err'
done_testing
