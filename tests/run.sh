#!/bin/sh
# run.sh: lq's test runner.
# usage: tests/run.sh NAME:BINDIR:OBJDIR...
# For each build variant NAME, runs the unit tests built in OBJDIR/tests/unit
# and every CLI script tests/cli/*.sh against the programs in BINDIR; then,
# when LQ_FUZZ_SECONDS is set and above 0, runs each fuzzer in
# .build/fuzz/tests/fuzz for that many seconds on its seed corpus.
# Every test prints "ok - ..." or "not ok - ..."; a test that cannot run
# here (data outside the repository absent) prints "skipped: ...". The
# runner ends with the line "N passed, N failed" (", N skipped" added when
# something was skipped) and exits 1 if anything failed.
# LQ_TEST_ONLY=pattern runs only the scripts whose name matches.
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 2
export LC_ALL=C TZ=UTC
unset NO_COLOR LQ_CACHE_DIR LQ_NO_CACHE LQ_CACHE_READONLY 2>/dev/null
pass=0 fail=0 skip=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run_one LABEL COMMAND...: runs a test program, counts its ok/not ok lines.
run_one() {
	label=$1; shift
	"$@" >"$log" 2>&1
	st=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	s=$(grep -c '^skipped: ' "$log")
	if [ "$st" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1
		echo "not ok - $label: exited $st without reporting a failure"
		tail -n 20 "$log" | sed 's/^/#   /'
	fi
	if [ "$p" -eq 0 ] && [ "$f" -eq 0 ] && [ "$s" -eq 0 ]; then
		f=1
		echo "not ok - $label: ran no test"
	fi
	if [ "$f" -gt 0 ]; then
		grep -A 15 '^not ok ' "$log" | sed 's/^/#   /'
	fi
	grep '^skipped: ' "$log" | sed 's/^/#   /'
	printf '%-8s %-40s %4d passed, %d failed%s\n' "$variant" "$label" "$p" "$f" \
	    "$([ "$s" -gt 0 ] && echo ", $s skipped")"
	pass=$((pass + p))
	fail=$((fail + f))
	skip=$((skip + s))
}

for spec in "$@"; do
	variant=${spec%%:*}
	rest=${spec#*:}
	bindir=${rest%%:*}
	objdir=${rest#*:}
	export LQ_BIN="$top/$bindir" LQ_VARIANT="$variant"
	for u in "$objdir"/tests/unit/test_*; do
		[ -x "$u" ] || continue
		case $u in *.o) continue ;; esac
		name=$(basename "$u")
		[ -n "${LQ_TEST_ONLY:-}" ] && ! echo "$name" | grep -q -- "$LQ_TEST_ONLY" && continue
		run_one "unit/$name" "$u"
	done
	for s in tests/cli/*.sh; do
		[ -f "$s" ] || continue
		name=$(basename "$s" .sh)
		[ -n "${LQ_TEST_ONLY:-}" ] && ! echo "$name" | grep -q -- "$LQ_TEST_ONLY" && continue
		run_one "cli/$name" sh "$s"
	done
done

secs=${LQ_FUZZ_SECONDS:-0}
if [ "$secs" -gt 0 ]; then
	variant=fuzz
	for f in .build/fuzz/tests/fuzz/fuzz_*; do
		[ -x "$f" ] || continue
		case $f in *.o) continue ;; esac
		name=$(basename "$f")
		[ -n "${LQ_TEST_ONLY:-}" ] && ! echo "$name" | grep -q -- "$LQ_TEST_ONLY" && continue
		run_one "fuzz/$name" sh tests/fuzz/run.sh "$f" "$secs"
	done
fi

echo "$pass passed, $fail failed$([ "$skip" -gt 0 ] && echo ", $skip skipped")"
[ "$fail" -eq 0 ]
