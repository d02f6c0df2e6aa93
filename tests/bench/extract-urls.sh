#!/bin/sh
# bench/extract-urls.sh: extract-urls versus the original service's approach
# (BeautifulSoup over lxml plus a regex pass, tests/bench/bs4_extract.py) on
# a generated page of LQ_BENCH_FOLLOWERS (default 50,000) followers.
# Prints both times (wall and CPU), the ratio (aim: 20x or more) and
# peak memory: of each side the run of least CPU time of LQ_BENCH_REPEAT
# (3), interleaved (lib.sh's rounds).
set -u
cd "$(dirname "$0")/../.." || exit 2
n=${LQ_BENCH_FOLLOWERS:-50000}
. tests/bench/lib.sh
need_py bs4 python3-bs4
need_py lxml python3-lxml
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
"$PY" tests/bench/gen_followers.py "$n" > "$w/page.html" || fail "gen_followers.py failed"
[ -s "$w/page.html" ] || fail "gen_followers.py gave an empty page"
size=$(wc -c < "$w/page.html")

# Both LQ_BENCH_REPEAT (3) times, interleaved (lib.sh's rounds); the run of
# least CPU time of each is reported (its wall time beside).
rounds lq "bin/extract-urls -q '$w/page.html' > '$w/lq.out' 2>/dev/null" \
	bs "$PY tests/bench/bs4_extract.py '$w/page.html' > '$w/bs.out' 2>/dev/null"
got=$(wc -l < "$w/lq.out")
base=$(wc -l < "$w/bs.out")
[ "$base" -ge "$n" ] || fail "the baseline found $base URLs, fewer than the $n followers"
runs=$REPEAT
lq="$lq_wall $lq_kb $lq_cpu"
bs="$bs_wall $bs_kb $bs_cpu"
echo "$n $size $got $base $lq $bs $runs" | awk '{
	printf "page: %d followers, %.1f MB\n", $1, $2 / 1048576
	printf "extract-urls:            %6.2f s  %7.0f MB peak  %5.2f s CPU  %d records (%.1f MB/s, least CPU of %d runs)\n", $5, $6 / 1024, $7, $3, $2 / 1048576 / ($5 > 0 ? $5 : 0.01), $11
	printf "baseline bs4+lxml+regex: %6.2f s  %7.0f MB peak  %5.2f s CPU  %d URLs (owner and case duplicates included)\n", $8, $9 / 1024, $10, $4
	printf "ratio: extract-urls is %.1fx faster than the baseline (aim 20x), %.1fx less CPU, %.1fx less memory\n", $8 / ($5 > 0 ? $5 : 0.01), $10 / ($7 > 0 ? $7 : 0.01), $9 / $6
}'
[ "$got" -eq "$n" ] || fail "extract-urls found $got followers, expected $n"
