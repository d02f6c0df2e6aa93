#!/bin/sh
# bench/extract-urls.sh: extract-urls versus the original service's approach
# (BeautifulSoup over lxml plus a regex pass, tests/bench/bs4_extract.py) on
# a generated page of LQ_BENCH_FOLLOWERS (default 50,000) followers.
# Prints both times (wall and CPU), the ratio (aim: 20x or more) and
# peak memory.
set -u
cd "$(dirname "$0")/../.." || exit 2
n=${LQ_BENCH_FOLLOWERS:-50000}
py=/usr/bin/python3	# Debian's python3, which has python3-bs4 and python3-lxml
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
if ! $py -c 'import bs4, lxml' 2>/dev/null; then
	echo "extract-urls bench: $py lacks bs4 or lxml (apt-get install python3-bs4 python3-lxml)" >&2
	exit 1
fi
$py tests/bench/gen_followers.py "$n" > "$w/page.html"
size=$(wc -c < "$w/page.html")

# secs_rss CMD...: runs CMD with GNU time, prints "seconds maxrss_kb cpu_seconds".
secs_rss() {
	/usr/bin/time -f '%e %M %U %S' -o "$w/t" "$@" > "$w/out" 2>/dev/null || return 1
	awk '{ print $1, $2, $3 + $4 }' "$w/t"
}
# extract-urls is run LQ_BENCH_RUNS times (default 3), the baseline once
# (it takes a minute); the median extract-urls run is reported. The
# machine may be shared: compare ratios from one run of this script.
runs=${LQ_BENCH_RUNS:-3}
: > "$w/lq"
i=0
while [ "$i" -lt "$runs" ]; do
	secs_rss bin/extract-urls -q "$w/page.html" >> "$w/lq" || { echo "extract-urls failed" >&2; exit 1; }
	i=$((i + 1))
done
lq=$(sort -n "$w/lq" | awk -v n="$runs" 'NR == int((n + 1) / 2)')
got=$(wc -l < "$w/out")
bs=$(secs_rss $py tests/bench/bs4_extract.py "$w/page.html") || { echo "baseline failed" >&2; exit 1; }
base=$(wc -l < "$w/out")
echo "$n $size $got $base $lq $bs $runs" | awk '{
	printf "page: %d followers, %.1f MB\n", $1, $2 / 1048576
	printf "extract-urls:            %6.2f s  %7.0f MB peak  %5.2f s CPU  %d records (%.1f MB/s, median of %d)\n", $5, $6 / 1024, $7, $3, $2 / 1048576 / ($5 > 0 ? $5 : 0.01), $11
	printf "baseline bs4+lxml+regex: %6.2f s  %7.0f MB peak  %5.2f s CPU  %d URLs (owner and case duplicates included)\n", $8, $9 / 1024, $10, $4
	printf "ratio: extract-urls is %.1fx faster than the baseline (aim 20x), %.1fx less CPU, %.1fx less memory\n", $8 / ($5 > 0 ? $5 : 0.01), $10 / ($7 > 0 ? $7 : 0.01), $9 / $6
}'
[ "$got" -eq "$n" ] || { echo "extract-urls found $got followers, expected $n" >&2; exit 1; }
