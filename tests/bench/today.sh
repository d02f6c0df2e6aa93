#!/bin/sh
# bench/today.sh: builds the programs as they were before lazy records
# (issue 16) into a cache folder and prints the folder of their binaries,
# so benchmarks measure "before" beside "after" in the same run.
# LQ_BENCH_TODAY=COMMIT picks another commit (default: the last one
# before lazy records); LQ_BENCH_TODAY_DIR=DIR uses binaries built there.
# Sourced by the benchmarks: sets TODAY or fails.
set -u
if [ -n "${LQ_BENCH_TODAY_DIR:-}" ]; then
	TODAY=$LQ_BENCH_TODAY_DIR
else
	rev=${LQ_BENCH_TODAY:-5127f2c8c7cc63e6094b75eb6e6a341762ff070e}
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
