#!/bin/sh
# cache.sh: cached reads of ~4 KB JSON profiles vs parsing the same JSON from one file.
# A rerun over cached records must be dominated by JSON I/O, not by the cache:
# compare "cache" with the baseline (read one NDJSON file, parse each line
# with jansson) and with jq -c over the same file. LQ_BENCH_CACHE_N sets
# the number of records (default 100000; ~0.8 GB of temp files).
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
n=${LQ_BENCH_CACHE_N:-100000}
make -s -C "$top" .build/default/tests/bench/bench_cache
work=$(mktemp -d "${TMPDIR:-/tmp}/lq-bench-cache.XXXXXX")
trap 'rm -rf "$work"' EXIT
command -v jq >/dev/null 2>&1 || { echo "bench cache: jq is missing (apt-get install jq)" >&2; exit 1; }
echo "$n gets of ~4 KB JSON profile objects"
"$top/.build/default/tests/bench/bench_cache" "$n" "$work"
[ "$(wc -l < "$work/profiles.ndjson")" -eq "$n" ] || { echo "bench cache: the baseline's file has not $n records" >&2; exit 1; }
t0=$(date +%s.%N)
jq -c . "$work/profiles.ndjson" > /dev/null || exit 1
t1=$(date +%s.%N)
awk -v n="$n" -v t0="$t0" -v t1="$t1" \
	'BEGIN { t = t1 - t0; printf "baseline jq -c . over the same file              %9.0f records/s  (%.2f s)\n", n / t, t }'
