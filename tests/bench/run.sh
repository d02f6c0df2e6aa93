#!/bin/sh
# run.sh: runs every benchmark tests/bench/*.sh (make bench); each prints its
# figures beside a named baseline measured in the same run.
top=$(cd "$(dirname "$0")/../.." && pwd)
st=0
for b in "$top"/tests/bench/*.sh; do
	[ "$(basename "$b")" = run.sh ] && continue
	sh "$b" || { echo "bench $(basename "$b" .sh): failed"; st=1; }
done
exit $st
