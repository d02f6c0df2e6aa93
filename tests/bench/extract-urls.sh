#!/bin/sh
# bench/extract-urls.sh: extract-urls versus the original service's approach
# (BeautifulSoup over lxml plus a regex pass, tests/bench/bs4_extract.py) on
# a generated page of LQ_BENCH_FOLLOWERS (default 50,000) followers.
# Prints both times, the ratio (aim: 20x or more) and peak memory.
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

# secs_rss CMD...: runs CMD with GNU time, prints "seconds maxrss_kb".
secs_rss() {
	/usr/bin/time -f '%e %M' -o "$w/t" "$@" > "$w/out" 2>/dev/null || return 1
	cat "$w/t"
}
lq=$(secs_rss bin/extract-urls -q "$w/page.html") || { echo "extract-urls failed" >&2; exit 1; }
got=$(wc -l < "$w/out")
bs=$(secs_rss $py tests/bench/bs4_extract.py "$w/page.html") || { echo "baseline failed" >&2; exit 1; }
base=$(wc -l < "$w/out")
echo "$n $size $got $base $lq $bs" | awk '{
	printf "page: %d followers, %.1f MB\n", $1, $2 / 1048576
	printf "extract-urls:            %6.2f s  %7.0f MB peak  %d records (%.1f MB/s)\n", $5, $6 / 1024, $3, $2 / 1048576 / ($5 > 0 ? $5 : 0.01)
	printf "baseline bs4+lxml+regex: %6.2f s  %7.0f MB peak  %d URLs (owner and case duplicates included)\n", $7, $8 / 1024, $4
	printf "ratio: extract-urls is %.1fx faster than the baseline (aim 20x), %.1fx less memory\n", $7 / ($5 > 0 ? $5 : 0.01), $8 / $6
}'
[ "$got" -eq "$n" ] || { echo "extract-urls found $got followers, expected $n" >&2; exit 1; }
