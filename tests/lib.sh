# lib.sh: helpers for the CLI test scripts (sourced, POSIX sh).
#
#   . "$(dirname "$0")/../lib.sh"
#   expect 'desc' 'command' <<-EOF        stdout must equal the here-document
#   ok 'desc' 'command'                    command must exit 0
#   status 'desc' N 'command'              command must exit N
#   stderr_has 'desc' 'grep -E pattern' 'command'
#   done_testing
#
# Commands run with sh -c in a fresh temporary directory ($T, also the
# working directory) with LC_ALL=C TZ=UTC and the programs under test
# ($LQ_BIN, default bin/) first on PATH. $SAMPLES and $CORPORA point at
# ../shared (absent in a fresh clone: see have_shared); $DATA at tests/data. Output of a failing test is shown.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
LQ_BIN=${LQ_BIN:-$TOP/bin}
PATH="$LQ_BIN:$PATH"
SHARED=${LQ_SHARED:-$(cd "$TOP/../shared" 2>/dev/null && pwd)}
SAMPLES=$SHARED/samples
CORPORA=$SHARED/corpora
DATA=$TOP/tests/data
LC_ALL=C TZ=UTC
export PATH LC_ALL TZ TOP LQ_BIN SHARED SAMPLES CORPORA DATA
T=$(mktemp -d "${TMPDIR:-/tmp}/lq-test.XXXXXX")
export T
export LQ_CACHE_DIR="$T/.cache"
trap 'rm -rf "$T"' EXIT
cd "$T" || exit 2
_script=$(basename "$0" .sh)
_n=0 _failed=0

# vocab_band FILE N: the band of company-sizes.vocab FILE that head count N falls in.
vocab_band() {
	awk -F'|' -v n="$2" '/^\[bands\]/ { b = 1; next } /^\[/ { b = 0 } b && !/^#/ && NF == 3 {
		for (i = 1; i <= 3; i++) gsub(/[ \t]/, "", $i)
		if ($2 + 0 <= n + 0 && ($3 == "" || n + 0 < $3 + 0)) print $1 }' "$1"
}
# vocab_bands_override DIR: DIR/company-sizes.vocab, the built-in file with
# other bands (enterprise from 300), as an LQ_VOCAB_DIR override.
vocab_bands_override() {
	mkdir -p "$1" && awk '/^\[bands\]/ { print; print "startup | 0 | 50"; print "scaleup | 50 | 120"
		print "mid-market | 120 | 300"; print "enterprise | 300 |"; b = 1; next } /^\[/ { b = 0 } !b' \
		"$TOP/common/vocab/company-sizes.vocab" > "$1/company-sizes.vocab"
}

_report() { # status desc detail-file
	_n=$((_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $_n - $_script: $2"
	else
		_failed=$((_failed + 1))
		echo "not ok $_n - $_script: $2"
		[ -s "$3" ] && sed 's/^/#   /' "$3" | head -n 40
	fi
}

# expect DESC CMD: stdout of CMD must equal stdin (the here-document).
expect() {
	cat > "$T/.expected"
	sh -c "$2" > "$T/.actual" 2> "$T/.stderr"
	if cmp -s "$T/.expected" "$T/.actual"; then
		_report 0 "$1" /dev/null
	else
		{ echo "command: $2"; diff "$T/.expected" "$T/.actual"; cat "$T/.stderr"; } > "$T/.detail" 2>&1
		_report 1 "$1" "$T/.detail"
	fi
}

# ok DESC CMD: CMD must exit 0.
ok() {
	if sh -c "$2" > "$T/.detail" 2>&1; then
		_report 0 "$1" /dev/null
	else
		_st=$?
		{ echo "command: $2"; echo "exit status $_st"; } >> "$T/.detail"
		_report 1 "$1" "$T/.detail"
	fi
}

# status DESC N CMD: CMD must exit with status N.
status() {
	sh -c "$3" > "$T/.detail" 2>&1
	_st=$?
	if [ "$_st" -eq "$2" ]; then
		_report 0 "$1" /dev/null
	else
		echo "command: $3; expected exit $2, got $_st" >> "$T/.detail"
		_report 1 "$1" "$T/.detail"
	fi
}

# stderr_has DESC PATTERN CMD: stderr of CMD must match the extended regex.
stderr_has() {
	sh -c "$3" > /dev/null 2> "$T/.stderr"
	if grep -Eq -- "$2" "$T/.stderr"; then
		_report 0 "$1" /dev/null
	else
		{ echo "command: $3"; echo "stderr does not match: $2"; cat "$T/.stderr"; } > "$T/.detail"
		_report 1 "$1" "$T/.detail"
	fi
}

# have_shared [WHAT]: 0 when ../shared (samples, corpora: data that is not
# in the repository) is next to the repository; else prints one
# "skipped: ..." line, which the runner counts, and returns 1. Wrap the
# tests that read $SAMPLES or $CORPORA in `if have_shared; then ... fi`.
have_shared() {
	if [ -n "$SHARED" ] && [ -d "$SAMPLES" ] && [ -d "$CORPORA" ]; then
		return 0
	fi
	echo "skipped: $_script: ${1:-the tests of the sample data}: ../shared (samples, corpora) is not next to the repository"
	return 1
}

# need_shared: the rest of the script needs ../shared; without it the
# script ends here, its remaining tests skipped (not failed).
need_shared() {
	have_shared "the rest of this script" || done_testing
}

done_testing() {
	[ "$_failed" -eq 0 ]
	exit $?
}
