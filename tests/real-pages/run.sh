#!/bin/sh
# real-pages/run.sh: extract-urls on public saved LinkedIn pages, scored by oracle.py.
#
#   sh tests/real-pages/run.sh [EXTRACT-URLS]
#
# Reads the pages listed in tests/real-pages/pages.txt (repository, commit,
# path) into a temporary directory, from git mirrors when
# LQ_REAL_PAGES_MIRRORS names a directory of them (OWNER+NAME/repo or
# OWNER/NAME, bare or not), else from raw.githubusercontent.com. Nothing
# fetched is kept. Prints per page: people the page shows, found, missed,
# extra, names and headlines right; then the totals. Without the pages
# (offline, no mirror) or without python3's bs4 it prints a "skipped:"
# line and exits 0.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
prog=${1:-$top/bin/extract-urls}
list=$top/tests/real-pages/pages.txt
w=$(mktemp -d "${TMPDIR:-/tmp}/lq-real.XXXXXX")
trap 'rm -rf "$w"' EXIT
py=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import bs4' 2>/dev/null; then
		py=$p
		break
	fi
done
if [ -z "$py" ]; then
	echo "skipped: real pages (python3 lacks bs4: apt-get install python3-bs4)"
	exit 0
fi

# fetch REPO COMMIT PATH OUT: the file at that commit, 0 on success.
fetch() {
	m=${LQ_REAL_PAGES_MIRRORS:-}
	if [ -n "$m" ]; then
		for d in "$m/$(echo "$1" | tr / +)/repo" "$m/$1/.git" "$m/$1"; do
			[ -d "$d" ] && git --git-dir="$d" show "$2:$3" > "$4" 2>/dev/null && return 0
		done
	fi
	command -v curl > /dev/null 2>&1 &&
		curl -fsSL -m 30 -o "$4" "https://raw.githubusercontent.com/$1/$2/$3" 2>/dev/null
}

n=0 got=0
printf '%-52s %-11s %5s %5s %6s %5s %9s %9s  %s\n' page kind truth found missed extra names headlines exit
while read -r repo commit path kind; do
	case $repo in ''|'#'*) continue ;; esac
	n=$((n + 1))
	f=$w/page$n
	if ! fetch "$repo" "$commit" "$path" "$f"; then
		printf "%-52s %-11s (not fetched)\\n" "$repo $path" "$kind"
		continue
	fi
	got=$((got + 1))
	"$prog" --format html "$f" > "$f.out" 2> "$f.err"
	st=$?
	"$py" "$top/tests/real-pages/oracle.py" "$kind" "$f" "$f.out" > "$f.score" || exit 1
	echo "$st" >> "$f.score"
	awk -v p="$repo $(echo "$path" | awk -F/ "{ print (NF > 1 ? \$(NF - 1) \"/\" : \"\") \$NF }")" -v k="$kind" 'NR == 1 { split($0, a, "\t") } NR == 2 {
		printf "%-52s %-11s %5d %5d %6d %5d %4d/%-4d %4d/%-4d  %d\n", p, k, a[1], a[2], a[3], a[4], a[5], a[6], a[7], a[8], $1 }' "$f.score"
	[ "$kind" = wrong ] && sed 's/^[^:]*: [^:]*: /    /' "$f.err" | head -n 1
	paste -s "$f.score" >> "$w/all"
done < "$list"
if [ "$got" -eq 0 ]; then
	echo "skipped: real pages (none could be fetched: offline? set LQ_REAL_PAGES_MIRRORS)"
	exit 0
fi
awk -F'\t' '{ for (i = 1; i <= 8; i++) t[i] += $i } END {
	printf "total: %d people shown, %d found, %d missed, %d extra; names %d/%d, headlines %d/%d right (%.0f%%)\n",
	    t[1], t[2], t[3], t[4], t[5], t[6], t[7], t[8], t[8] ? 100 * t[7] / t[8] : 0 }' "$w/all"
