#!/bin/sh
# bench/run.sh: runs every benchmark tests/bench/*.sh (but itself); each
# prints its throughput beside a named baseline measured in the same run.
set -u
cd "$(dirname "$0")/../.." || exit 2
st=0
for b in tests/bench/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	echo "== $(basename "$b" .sh)"
	sh "$b" || st=1
done
exit $st
