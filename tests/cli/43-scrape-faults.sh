#!/bin/sh
# 43-scrape-faults.sh: scrape's part of the fault matrix: misbehaving Apify mocks; every record out once, in order; no profile paid twice; no key anywhere.
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
export APIFY_API_TOKEN="$TOKEN"
N=20
sh "$DATA/scrape/records.sh" $N > in.ndjson

# trial NAME EXPECT "MOCK OPTIONS" [SCRAPE OPTIONS]: one trial on a fresh
# mock and cache. EXPECT is what the statuses must be: "enriched" (all)
# or "enriched+K" (K records failed with a precise code). Appends a line
# to tally.tsv: name records lost duplicated runs urls needed paid_twice key_bytes.
trial() {
	name=$1 want=$2 mopts=$3
	shift 3
	# shellcheck disable=SC2086
	start_mock "$name" $mopts
	eval "url=\$URL_$name"
	LQ_APIFY_BASE_URL=$url LQ_CACHE_DIR=$T/c-$name scrape --poll-wait 1 --retry-delay 0.01 --timeout 3 \
		-b 5 -j 3 --trace "$name.trace" "$@" < in.ndjson > "$name.out" 2> "$name.err"
	echo $? > "$name.st"
	jq -r .id in.ndjson > "$name.ids.in"
	jq -r .id "$name.out" > "$name.ids.out"
	lost=$(sort "$name.ids.in" | comm -23 - "$(sort -o "$name.ids.sorted" "$name.ids.out"; echo "$name.ids.sorted")" | wc -l)
	dup=$(sort "$name.ids.out" | uniq -d | wc -l)
	keys=$(cat "$name.out" "$name.err" "$name.trace" $(find "$T/c-$name" -type f) 2>/dev/null | grep -c "$TOKEN")
	curl -s "$url/__stats" > "$name.stats"
	printf '%s\t%d\t%d\t%d\t%d\t%d\t%d\t%d\t%d\n' "$name" $N $lost $dup \
		"$(jq .runs "$name.stats")" "$(jq .urls "$name.stats")" $N "$(jq .paid_twice "$name.stats")" $keys >> tally.tsv
	failed=$(jq -r 'select(.status == "failed") | .id' "$name.out" | wc -l)
	case $want in
	enriched) k=0 ;;
	enriched+any) k=$failed ;;
	enriched+*) k=${want#enriched+} ;;
	esac
	ok "$name: exit 0, each record out exactly once, in order" \
		"test \$(cat $name.st) -eq 0 && cmp -s $name.ids.in $name.ids.out"
	ok "$name: $((N - k)) enriched, $k failed with a code and a message" \
		"test $failed -eq $k && test \$(jq -r 'select(.status == \"enriched\") | .id' $name.out | wc -l) -eq $((N - k)) && ! jq -e 'select(.status == \"failed\" and ((.error.code|type) != \"string\" or (.error.message|length) == 0))' $name.out > /dev/null"
	ok "$name: no profile paid twice, no run left running" \
		"test \$(jq .paid_twice $name.stats) -eq 0 && test \$(jq .running $name.stats) -eq 0"
	ok "$name: no key bytes in stdout, stderr, trace or cache" "test $keys -eq 0"
}

# Run starts whose answer is lost after the run exists: found by input.
trial start502 enriched "--latency-ms 20 --fault start:502after:1"
ok 'start 502 after creation: one run per batch, not two' 'test $(jq .runs start502.stats) -eq 4 && test $(jq .urls start502.stats) -eq 20'
ok 'start 502 after creation: the trace shows the listing and the input compared' \
	'grep -q "\"GET\",\"endpoint\":\"/v2/acts/[^\"]*/runs\"" start502.trace && grep -q "records/INPUT" start502.trace'
trial start502x9 enriched "--latency-ms 20 --fault start:502after:9"
ok 'repeated 502s after creation: still one run per batch' 'test $(jq .runs start502x9.stats) -eq 4 && test $(jq .dup_url_starts start502x9.stats) -eq 0'
ok 'repeated 502s: the cost counts every run started' 'grep -q "4 runs, 4 runs found by input.*estimated cost \$0.06" start502x9.err'
trial start504 enriched "--latency-ms 20 --fault start:504after:3"
trial startdrop enriched "--latency-ms 20 --fault start:dropafter:2"
ok 'a cut connection after creation: found by input after the settle time, one run per batch' \
	'test $(jq .runs startdrop.stats) -eq 4'
trial start429 enriched "--latency-ms 20 --fault start:429:3"
ok '429 on a start (no run made): started again, one run per batch' 'test $(jq .runs start429.stats) -eq 4'
trial listfault enriched "--latency-ms 20 --fault start:502after:1 --fault list:500:2 --fault input:503:1"
# Latency spikes on every kind of request.
trial spikes enriched "--latency-ms 20 --fault any:spike:6 --spike-ms 1200"
# Runs that end without success: what they stored is kept, the rest run again.
trial failed enriched "--latency-ms 20 --final FAILED:2"
ok 'runs ending FAILED: only the records without an item run again' 'test $(jq .urls failed.stats) -eq 26'
trial aborted enriched "--latency-ms 200 --final ABORTED:1"
trial timedout enriched "--latency-ms 20 --final TIMED-OUT:2"
trial alwaysfail enriched+any "--latency-ms 20 --final FAILED:100" --max-attempts 2
ok 'runs that always fail: records without an item failed apify_run after their 2 attempts' \
	'test $(jq -r "select(.status == \"failed\") | .id" alwaysfail.out | wc -l) -gt 0 && test "$(jq -r "select(.status == \"failed\") | [.error.code, .retry_count] | @tsv" alwaysfail.out | sort -u)" = "$(printf "apify_run\t1")"'
# Wrong result counts and order.
trial short enriched+2 "--latency-ms 20 --short-runs 2"
ok 'a run with an item missing: that record failed no_data, not run again' \
	'test "$(jq -r "select(.status == \"failed\") | .error.code" short.out | sort -u)" = no_data && test $(jq .urls short.stats) -eq 20'
trial dups enriched "--latency-ms 20 --dup-items"
trial shuffled enriched "--latency-ms 20 --shuffle"
ok 'items out of order: each record got its own profile' \
	'test "$(jq -r "select(.public_identifier != .id) | .id" shuffled.out | wc -l)" -eq 0'
# Dataset bodies cut, trickling, malformed, dropped: fetched again, never run again.
trial truncated enriched "--latency-ms 20 --fault items:truncated:4"
trial trickle enriched "--latency-ms 20 --fault items:trickle:2 --trickle-ms 1"
trial dropped enriched "--latency-ms 20 --fault items:drop:5"
trial malformed enriched "--latency-ms 20 --fault items:malformed:4"
ok 'bad dataset bodies: no run started twice' \
	'for m in truncated trickle dropped malformed; do test $(jq .urls $m.stats) -eq 20 || exit 1; done'
trial poll5xx enriched "--latency-ms 20 --fault poll:500:5"
ok 'polls failing past the client retries: polled again, not run again' 'test $(jq .urls poll5xx.stats) -eq 20'

# Items that cannot be had at all (4 batches x 2 tries x 2 attempts = 16
# answers 503): the records fail, the runs stay in the journal, and the
# next scrape fetches their items without a new run.
start_mock lost --latency-ms 20 --fault items:503:16
LQ_APIFY_BASE_URL=$URL_lost LQ_CACHE_DIR=$T/c-lost scrape --poll-wait 1 --retry-delay 0.01 --max-attempts 2 -b 5 < in.ndjson > lost1.out 2> lost1.err
ok 'items never fetched: every record failed apify, saying a rerun fetches them; 4 runs in the journal' \
	'test "$(jq -r .error.code lost1.out | sort -u)" = apify && jq -r .error.message lost1.out | grep -q "a rerun fetches its results without a new run" && test $(ls $T/c-lost/runs | wc -l) -eq 4'
LQ_APIFY_BASE_URL=$URL_lost LQ_CACHE_DIR=$T/c-lost scrape --poll-wait 1 --retry-delay 0.01 -b 5 < in.ndjson > lost2.out 2> lost2.err
ok 'the rerun: every record enriched from the same 4 runs, none started, journal empty' \
	'test "$(jq -r .status lost2.out | sort -u)" = enriched && test $(curl -s $URL_lost/__stats | jq .runs) -eq 4 && grep -q "4 runs reattached" lost2.err && test $(ls $T/c-lost/runs | wc -l) -eq 0'

# The tally: figures for docs/reliability.md.
awk -F'\t' '{t++; r+=$2; l+=$3; d+=$4; runs+=$5; urls+=$6; need+=$7; p+=$8; k+=$9}
	END {printf "tally: scrape fault matrix: %d trials, %d records, %d lost, %d duplicated, %d runs started asking for %d profiles (%d records; more only where a failed run stored nothing), %d paid twice, %d key bytes\n", t, r, l, d, runs, urls, need, p, k}' tally.tsv
ok 'the matrix as a whole: nothing lost, nothing duplicated, nothing paid twice, no key' \
	'awk -F"\t" "{l+=\$3; d+=\$4; p+=\$8; k+=\$9} END {exit !(l == 0 && d == 0 && p == 0 && k == 0)}" tally.tsv'
done_testing
