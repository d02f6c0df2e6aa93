# bench/lib.sh: helpers the benchmarks source. A benchmark whose setup or
# baseline is missing fails (exit 1) with what to install; it never prints
# a ratio computed from an empty input or a baseline that did not run.
#
#   fail MSG                     stop the benchmark: "bench NAME: MSG", exit 1
#   need_cmd CMD HOW             CMD must be on PATH (HOW: how to get it)
#   need_py MODULE PACKAGE       Debian's python3 ($PY) must import MODULE
#   lines_are FILE N             FILE must have exactly N lines (N > 0)
#   timed NAME CMD               runs sh -c CMD (it must exit 0) under
#                                /usr/bin/time; sets NAME_cpu (user+sys s),
#                                NAME_wall (s) and NAME_kb (peak RSS)
#   ratio A B                    A / B with two decimals
#
# CPU time (user + system, from getrusage) is what the ratios use: the
# machines these run on are shared, and wall time there measures the
# neighbours as much as the program. Wall times are printed beside.
BENCH=$(basename "$0" .sh)
PY=/usr/bin/python3	# Debian's python3: python3-numpy, -bs4, -lxml (make bench installs them)

fail() {
	echo "bench $BENCH: $*" >&2
	exit 1
}

need_cmd() {
	command -v "$1" >/dev/null 2>&1 || fail "$1 is missing ($2)"
}

need_py() {
	[ -x "$PY" ] || fail "$PY is missing (apt-get install python3)"
	"$PY" -c "import $1" 2>/dev/null || fail "$PY cannot import $1 (apt-get install $2; make bench installs it)"
}

lines_are() {
	[ -s "$1" ] || fail "setup gave an empty $1"
	_n=$(wc -l < "$1")
	[ "$_n" -eq "$2" ] || fail "setup gave $_n lines in $1, not $2"
}

timed() {
	_tf=$(mktemp)
	/usr/bin/time -f "%e %U %S %M" -o "$_tf" sh -c "$2" || { rm -f "$_tf"; fail "$1 failed: $2"; }
	read -r _w _u _s _m < "$_tf" || fail "$1: no timing"
	rm -f "$_tf"
	eval "$1_wall=$_w; $1_cpu=\$(awk -v u=$_u -v s=$_s 'BEGIN { printf \"%.3f\", u + s }'); $1_kb=$_m"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }'
}

need_cmd /usr/bin/time "apt-get install time"
