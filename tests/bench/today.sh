#!/bin/sh
# bench/today.sh: builds the programs as they were before lazy records
# (issue 16) into a cache folder and prints the folder of their binaries,
# so benchmarks measure "before" beside "after" in the same run.
# LQ_BENCH_TODAY=COMMIT picks another commit (default: main as it was
# when lazy records were merged into it: 19f3759); LQ_BENCH_TODAY_DIR=DIR
# uses binaries built there.
# Sourced by the benchmarks: sets TODAY or fails.
set -u
if [ -n "${LQ_BENCH_TODAY_DIR:-}" ]; then
	TODAY=$LQ_BENCH_TODAY_DIR
else
	rev=${LQ_BENCH_TODAY:-19f3759753818e66b23f7574b7acec1ce8132d99}
	dir=${XDG_CACHE_HOME:-$HOME/.cache}/lq/bench-today/$rev
	TODAY=$dir/bin
	if [ ! -x "$TODAY/score" ] || [ ! -x "$TODAY/to-csv" ] || [ ! -x "$TODAY/scrape" ]; then
		echo "building the programs at $rev (before lazy records) into $dir" >&2
		git cat-file -e "$rev^{commit}" 2>/dev/null ||
			{ echo "today.sh: commit $rev is not in this repository (set LQ_BENCH_TODAY)" >&2; exit 1; }
		rm -rf "$dir" && mkdir -p "$dir" &&
			git archive "$rev" | tar -x -C "$dir" &&
			make -s -C "$dir" programs >"$dir/build.log" 2>&1 ||
			{ echo "today.sh: building $rev failed (see $dir/build.log)" >&2; exit 1; }
	fi
fi
for p in score to-csv scrape; do
	[ -x "$TODAY/$p" ] || { echo "today.sh: no $TODAY/$p" >&2; exit 1; }
done
