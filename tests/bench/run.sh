#!/bin/sh
# bench/run.sh: runs every benchmark (tests/bench/*.sh) in turn; `make bench` calls it.
# Each benchmark prints its figures as ratios to a baseline measured in the
# same run. LQ_BENCH_ONLY=pattern runs only the matching ones.
# LQ_BENCH_REPEAT=N (default 3): how many interleaved runs of each side a
# ratio takes the least CPU time of (lib.sh's rounds).
set -u
cd "$(dirname "$0")/../.." || exit 2
export LC_ALL=C TZ=UTC PATH="$PWD/bin:$PATH"
st=0
for b in tests/bench/*.sh; do
	name=$(basename "$b" .sh)
	case $name in run|lib|today|same-bytes) continue ;; esac	# the runner and the helpers
	[ -n "${LQ_BENCH_ONLY:-}" ] && ! echo "$name" | grep -q -- "$LQ_BENCH_ONLY" && continue
	echo "== $name"
	sh "$b" || { echo "bench $name: failed"; st=1; }
done
exit $st
