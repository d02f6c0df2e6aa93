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
#   rounds NAME CMD [NAME CMD]...
#                                runs every CMD (as timed) once a round,
#                                $REPEAT rounds, the commands in turn
#                                (each round starting one further on);
#                                sets NAME_cpu to the least CPU time of
#                                NAME's runs, NAME_wall to that run's wall
#                                time, NAME_hi to the most CPU time,
#                                NAME_kb to the largest peak RSS
#   spread NAME                  "least-most s CPU over N runs" of rounds
#   ratio A B                    A / B with two decimals
#
# CPU time (user + system, from getrusage) is what the ratios use: the
# machines these run on are shared, and wall time there measures the
# neighbours as much as the program. Wall times are printed beside.
#
# Repeats (LQ_BENCH_REPEAT, default 3; REPEAT here): the two sides of a
# ratio (lq and its baseline: jq, Python, lq before) are measured with
# `rounds`: the same number of runs each, interleaved (lq, baseline, lq,
# baseline, ...), and each side's least CPU time is the figure. The least,
# not the median: a neighbour on a shared machine only ever adds CPU time
# to a run (caches, memory bandwidth and cores it shares), never takes
# any away, so the quietest run is the closest to the program's own cost;
# the median still carries the typical load, which differs from one bench
# run to the next. Interleaving lets a change of load during the bench hit
# both sides alike, and the same number of runs gives neither side more
# chances at a quiet moment. The spread (least-most) is printed beside.
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

REPEAT=${LQ_BENCH_REPEAT:-3}
case $REPEAT in '' | *[!0-9]* | 0*) fail "LQ_BENCH_REPEAT must be a whole number from 1, not '$REPEAT'" ;; esac

rounds() {
	[ $# -ge 2 ] && [ $(($# % 2)) -eq 0 ] || fail "rounds: NAME CMD pairs expected"
	_k=$(($# / 2)) _r=0
	while [ $_r -lt "$REPEAT" ]; do
		_j=0
		while [ $_j -lt $_k ]; do
			_i=$(((_j + _r) % _k))
			eval "_nm=\${$((2 * _i + 1))} _cmd=\${$((2 * _i + 2))}"
			timed _one "$_cmd"
			if [ $_r -eq 0 ]; then
				eval "${_nm}_cpu=\$_one_cpu ${_nm}_wall=\$_one_wall ${_nm}_hi=\$_one_cpu ${_nm}_kb=\$_one_kb"
			else
				eval "_lo=\$${_nm}_cpu _hi=\$${_nm}_hi _kb=\$${_nm}_kb"
				if awk -v a="$_one_cpu" -v b="$_lo" 'BEGIN { exit !(a < b) }'; then
					eval "${_nm}_cpu=\$_one_cpu ${_nm}_wall=\$_one_wall"
				fi
				awk -v a="$_one_cpu" -v b="$_hi" 'BEGIN { exit !(a > b) }' && eval "${_nm}_hi=\$_one_cpu"
				[ "$_one_kb" -gt "$_kb" ] && eval "${_nm}_kb=\$_one_kb"
			fi
			_j=$((_j + 1))
		done
		_r=$((_r + 1))
	done
}

spread() {
	eval "printf '%.2f-%.2f s CPU over %d runs' \"\$$1_cpu\" \"\$$1_hi\" $REPEAT"
}

ratio() {
	awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.001; printf "%.2f", a / b }'
}

need_cmd /usr/bin/time "apt-get install time"
