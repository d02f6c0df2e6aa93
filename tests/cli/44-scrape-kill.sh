#!/bin/sh
# 44-scrape-kill.sh: kill -9 at random moments while runs are going, then a resume: no run or profile paid twice; SIGTERM keeps every record.
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
export APIFY_API_TOKEN="$TOKEN"
N=240 KILLS=24
sh "$DATA/scrape/records.sh" $N > in.ndjson
# Runs of 0.8 s and more (heavy tail); each start answers after 0.3 s, so
# kills land before, during and after starts, polls and item fetches.
start_mock m --latency-ms 800 --tail 2 --seed 11 --fault start:spike:100000 --spike-ms 300
export LQ_APIFY_BASE_URL=$URL_m
S="scrape --poll-wait 1 --timeout 3 -j 4 -b 5"

i=0
while [ $i -lt $KILLS ]; do
	$S -q < in.ndjson > /dev/null 2>> kills.err &
	p=$!
	sleep "$(awk -v s=$i 'BEGIN {srand(s + 1); printf "%.3f", 0.2 + rand()}')"
	kill -9 $p 2>/dev/null
	wait $p 2>/dev/null
	i=$((i + 1))
done
ok "$KILLS kills: runs were started and cut off" 'test $(curl -s $URL_m/__stats | jq .runs) -gt 0'
$S < in.ndjson > final.out 2> final.err
echo $? > final.st
curl -s "$URL_m/__stats" > final.stats
jq -r .id in.ndjson > ids.in
jq -r .id final.out > ids.out
ok 'the resume: exit 0, every record out exactly once, in order, enriched' \
	'test $(cat final.st) -eq 0 && cmp -s ids.in ids.out && test "$(jq -r .status final.out | sort -u)" = enriched'
ok 'no profile was asked for twice over all the kills, none paid twice' \
	'test $(jq .urls final.stats) -eq '$N' && test $(jq .dup_url_starts final.stats) -eq 0 && test $(jq .paid_twice final.stats) -eq 0'
ok 'no run left running, the journal is empty, the cache is sound' \
	'test $(jq .running final.stats) -eq 0 && test $(ls "$LQ_CACHE_DIR/runs" | wc -l) -eq 0 && LQ_CACHE_DIR="$LQ_CACHE_DIR" cache verify > /dev/null 2>&1'
ok 'starts whose answer a kill cut off were found by their input' 'test $(jq .input final.stats) -gt 0'
printf 'tally: scrape kill -9 loop: %d kills, %d records, %d lost, %d duplicated, %d runs started for %d needed, %d profiles asked for, %d paid twice\n' \
	$KILLS $N "$(sort ids.in | comm -23 - "$(sort ids.out > ids.sorted; echo ids.sorted)" | wc -l)" "$(sort ids.out | uniq -d | wc -l)" \
	"$(jq .runs final.stats)" $((N / 5)) "$(jq .urls final.stats)" "$(jq .paid_twice final.stats)"

# SIGTERM while scrape waits on stdin with runs going: every record read is
# written (those of the runs as interrupted), the runs are aborted, and a
# rerun takes what the aborted runs stored instead of paying again.
export LQ_CACHE_DIR=$T/c-term
sh "$DATA/scrape/records.sh" 30 term > term.ndjson
start_mock slow --latency-ms 3000
export LQ_APIFY_BASE_URL=$URL_slow
mkfifo term.fifo
{ cat term.ndjson; sleep 60; } > term.fifo &
w=$!
scrape --poll-wait 1 -j 10 -b 3 < term.fifo > term.out 2> term.err &
p=$!
sleep 1.5
kill -TERM $p
wait $p
echo $? > term.st
kill $w 2>/dev/null
ok 'SIGTERM while waiting on stdin: exit 4, all 30 records written, in order, failed interrupted' \
	'test $(cat term.st) -eq 4 && test "$(jq -r .id term.out)" = "$(jq -r .id term.ndjson)" && test "$(jq -r .error.code term.out | sort -u)" = interrupted'
stderr_has 'SIGTERM: says so, and that the runs are aborted' 'stopped by SIGTERM: aborting [0-9]+ actor runs' 'cat term.err >&2'
ok 'SIGTERM: every run aborted, none running' 'test $(stat_of slow runs) -eq 10 && test $(stat_of slow running) -eq 0 && test $(stat_of slow aborted_runs) -eq 10'
scrape --poll-wait 1 -j 10 -b 3 < term.ndjson > term2.out 2> term2.err
ok 'the rerun: what the aborted runs stored is used, only the rest is asked for again, nothing paid twice' \
	'test "$(jq -r .status term2.out | sort -u)" = enriched && test $(stat_of slow paid_twice) -eq 0 && grep -q "10 runs reattached" term2.err'
done_testing
