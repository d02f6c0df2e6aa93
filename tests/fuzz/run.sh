#!/bin/sh
# fuzz/run.sh: runs one libFuzzer target for SECONDS on a copy of its seed corpus.
# usage: tests/fuzz/run.sh FUZZER SECONDS
# Seeds come from tests/fuzz/corpus/NAME/ (NAME = fuzzer name without fuzz_);
# the page readers also start from every saved page in tests/data/html,
# which the CLI tests read too (kept once, there).
# Crashes are kept under .build/fuzz/crashes/ for a person to look at.
set -u
f=$1 secs=$2
name=$(basename "$f")
seeds=tests/fuzz/corpus/${name#fuzz_}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/corpus" .build/fuzz/crashes
[ -d "$seeds" ] && cp -r "$seeds"/. "$work/corpus/" 2>/dev/null
case $name in
fuzz_followers|fuzz_followers_split|fuzz_savedpage) cp tests/data/html/* "$work/corpus/" ;;
esac
"$f" -max_total_time="$secs" -rss_limit_mb=2048 -timeout=10 -print_final_stats=0 \
	-artifact_prefix=.build/fuzz/crashes/"$name"- "$work/corpus" >"$work/log" 2>&1
st=$?
runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/log" | tail -n 1)
if [ "$st" -eq 0 ]; then
	echo "ok - $name: ${secs}s, ${runs:-?} inputs, no crash"
else
	echo "not ok - $name: exit $st"
	grep -E 'ERROR|SUMMARY|Test unit written' "$work/log" | head -n 10 | sed 's/^/# /'
fi
