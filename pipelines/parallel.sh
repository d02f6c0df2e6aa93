#!/bin/sh
# parallel.sh: run a per-record lq stage under GNU parallel, output in input order.
# usage: parallel.sh [-j JOBS] [-S HOSTS] [-b BLOCK] [--joblog FILE [--resume-failed]] [--lq CMD] STAGE [ARGS...]
#
# Splits standard input into blocks of whole lines, runs `lq STAGE ARGS`
# on each block in parallel and writes the results in input order, so the
# output is byte-identical to the serial `lq STAGE ARGS`.
#   -j, --jobs N         jobs per host (default: one per core)
#   -S, --sshlogin HOSTS also run on these hosts over ssh (GNU parallel's
#                        list: host1,4/host2; ':' is this machine); each
#                        needs lq on its non-interactive PATH (or --lq)
#                        and the same LQ_CACHE_DIR (a shared folder)
#   -b, --block SIZE     bytes per block (e.g. 512k, 4M); by default sized
#                        from the input: four blocks per job slot, at least
#                        1k, at most 64M (a piped input is spooled first)
#   --joblog FILE        GNU parallel's job log (one line per block); the
#                        blocks' outputs are kept in FILE.blocks/
#   --resume-failed      with --joblog, on the same input: rerun only the
#                        blocks that failed or never ran, then write the
#                        whole output from FILE.blocks/
#   --lq CMD             the lq command (default: this tree's bin/lq, or
#                        `lq` on the hosts' PATH with -S)
# The LQ_*, OPENAI_* and key variables (APIFY_API_TOKEN, JINA_API_KEY,
# COHERE_API_KEY) reach -S hosts on each job's standard input, never on a
# command line. Per-record stages: extract-urls (on NDJSON/text lists),
# scrape, embed, classify, score; rerank and to-csv need all records: run
# them after. Exit status: the stage's; 2 usage; 3 setup (no GNU parallel,
# unreadable input, a resume on a different input).
# Progress: on a terminal (or with LQ_PROGRESS=1) the records written so
# far against the input's lines; LQ_PROGRESS=0 turns it off.
set -eu
jobs= hosts= block= joblog= resume= lq=
me=parallel.sh
usage() {
	echo "usage: parallel.sh [-j JOBS] [-S HOSTS] [-b BLOCK] [--joblog FILE [--resume-failed]] [--lq CMD] STAGE [ARGS...]" >&2
	exit 2
}
die() { echo "$me: $1" >&2; exit "${2:-3}"; }
# need OPT VALUE-COUNT: the option OPT takes a value.
need() { [ "$2" -ge 2 ] || { echo "$me: option $1 needs a value" >&2; usage; }; }
while [ $# -gt 0 ]; do
	case $1 in
	-j|--jobs) need "$1" $#; jobs=$2; shift 2 ;;
	--jobs=*) jobs=${1#*=}; shift ;;
	-j?*) jobs=${1#-j}; shift ;;
	-S|--sshlogin) need "$1" $#; hosts=${hosts:+$hosts,}$2; shift 2 ;;
	--sshlogin=*) hosts=${hosts:+$hosts,}${1#*=}; shift ;;
	-S?*) hosts=${hosts:+$hosts,}${1#-S}; shift ;;
	-b|--block) need "$1" $#; block=$2; shift 2 ;;
	--block=*) block=${1#*=}; shift ;;
	-b?*) block=${1#-b}; shift ;;
	--joblog) need "$1" $#; joblog=$2; shift 2 ;;
	--joblog=*) joblog=${1#*=}; shift ;;
	--resume-failed) resume=--resume-failed; shift ;;
	--lq) need "$1" $#; lq=$2; shift 2 ;;
	--lq=*) lq=${1#*=}; shift ;;
	-h|--help) sed -n '2,/^set -eu/{/^set -eu/d;s/^# \{0,1\}//;p;}' "$0"; exit 0 ;;
	--) shift; break ;;
	-*) echo "$me: unknown option $1" >&2; usage ;;
	*) break ;;
	esac
done
[ $# -ge 1 ] || usage
case $jobs in
''|[0-9]*|+[0-9]*|-[0-9]*|*%) ;;
*) die "--jobs: '$jobs' is not a number of jobs" 2 ;;
esac
case $block in
''|[0-9]*) ;;
*) die "--block: '$block' is not a size (e.g. 512k, 4M)" 2 ;;
esac
[ -z "$resume" ] || [ -n "$joblog" ] || die "--resume-failed needs --joblog (the log of the run to resume)" 2
case $1 in
rerank|to-csv) die "$1 needs all records at once; run it after the parallel stages" 2 ;;
esac
command -v parallel >/dev/null 2>&1 || die "GNU parallel is missing (apt-get install parallel)"
if [ -z "$lq" ]; then
	here=$(cd "$(dirname "$0")" && pwd)
	if [ -z "$hosts" ] && [ -x "$here/../bin/lq" ]; then
		lq=$here/../bin/lq
	else
		lq=lq
	fi
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lq-parallel.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
umask 077

# Progress: shown when stderr is a terminal or LQ_PROGRESS=1 (progress()).
show=0
case ${LQ_PROGRESS:-} in
0) ;;
'') [ ! -t 2 ] || show=tty ;;
*) show=lines; [ ! -t 2 ] || show=tty ;;
esac

# The input: read in place when it is a regular file, else spooled into
# $tmp so its size is known (block sizing, the progress total) and a
# resume can check it.
in=/dev/stdin
if [ -n "$joblog" ] || { { [ -z "$block" ] || [ "$show" != 0 ]; } && [ ! -f /dev/stdin ]; }; then
	cat > "$tmp/in" || die "cannot spool the input into $tmp"
	in=$tmp/in
fi
if [ -z "$block" ]; then
	size=$(stat -L -c %s "$in" 2>/dev/null || stat -L -f %z "$in" 2>/dev/null) ||
		die "cannot tell the size of the input"
	# Job slots: JOBS (a plain number) or the cores here, per host; a
	# host written N/host has N. Four blocks per slot keeps every slot
	# busy to the end while each block still amortises a process start.
	per=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null || echo 1)
	case $jobs in [0-9]*) [ "${jobs%%[!0-9]*}" = "$jobs" ] && [ "$jobs" -gt 0 ] && per=$jobs ;; esac
	slots=$per
	if [ -n "$hosts" ]; then
		slots=$(printf '%s\n' "$hosts" | tr ', ' '\n\n' | awk -v per="$per" '
			NF == 0 { next }
			/^[0-9]+\// { n += $0 + 0; next }
			{ n += per }
			END { print (n > 0 ? n : per) }')
	fi
	block=$(awk -v s="$size" -v k="$slots" 'BEGIN {
		b = int((s + 4 * k - 1) / (4 * k))
		if (b < 1024) b = 1024
		if (b > 67108864) b = 67108864
		print b }')
fi

# Quiet stages: each block's summary line would interleave on stderr
# (errors and warnings still show).
stage=$1
shift
set -- "$lq" "$stage" --quiet "$@"
# With -S, the lq variables that are set go first on each job's standard
# input (GNU parallel's --header repeats them at the top of every block):
# a small sh prologue on the host exports them and execs lq on the rest.
# Nothing of their values is on any command line, here or on the host
# (GNU parallel's --env would write them into the ssh command).
header=
if [ -n "$hosts" ]; then
	n=0
	for v in $(env | sed -n 's/^\([A-Za-z_][A-Za-z0-9_]*\)=.*/\1/p' |
		grep -E '^(LQ_[A-Z0-9_]*|OPENAI_[A-Z0-9_]*|APIFY_API_TOKEN|JINA_API_KEY|COHERE_API_KEY)$' | sort -u); do
		eval "isset=\${$v+x} val=\${$v-}"
		[ -n "$isset" ] || continue
		case $val in
		*'
'*) echo "$me: $v holds a newline: not passed to the hosts" >&2; continue ;;
		esac
		printf '%s=%s\n' "$v" "$val" >> "$tmp/env"
		n=$((n + 1))
	done
	if [ "$n" -gt 0 ]; then
		header="(.*\\n){$n}"
		# shellcheck disable=SC2016
		set -- sh -c 'n=$1; shift; i=0
			while [ "$i" -lt "$n" ]; do IFS= read -r kv || exit 3; export "$kv"; i=$((i + 1)); done
			exec "$@"' sh "$n" "$@"
	fi
fi
# input: the environment header (with -S) and then the records.
input() {
	[ -z "$header" ] || cat "$tmp/env"
	cat "$in"
}

# Progress (GNU parallel's --bar does not work with --pipe): when stderr
# is a terminal, or LQ_PROGRESS=1, the output passes through awk, which
# counts the records written against the input's lines and redraws
# "parallel.sh: STAGE N/TOTAL records (P%)" as blocks finish (whole lines,
# at each tenth, when stderr is no terminal). LQ_PROGRESS=0 turns it off.
progress() {
	LC_ALL=C awk -v total="$total" -v stage="$stage" -v tty="$1" '
		BEGIN { last = -1 }
		{ print; n++
		  p = total > 0 ? int(100 * n / total) : 0
		  if (p > 100) p = 100
		  line = sprintf("parallel.sh: %s %d/%d records (%d%%)", stage, n, total, p)
		  if (tty && (p != last || n % 100 == 0)) {
			printf "\r%s\033[K", line > "/dev/stderr"; shown = 1
		  } else if (!tty && (int(p / 10) != int(last / 10) || n == total)) {
			print line > "/dev/stderr"
		  }
		  fflush("/dev/stderr")
		  last = p }
		END { if (shown) printf "\r\033[K" > "/dev/stderr" }'
}
total=0
[ "$show" = 0 ] || total=$(grep -c . "$in" || :)
if [ -z "$joblog" ]; then
	if [ "$show" = 0 ]; then
		# shellcheck disable=SC2046
		input | parallel -q --pipe -k --block "$block" --will-cite --halt now,fail=1 \
			${jobs:+-j "$jobs"} ${hosts:+-S "$hosts"} ${header:+--header "$header"} "$@"
		exit $?
	fi
	# The stage's status, not awk's, is the exit status.
	st=0
	{ input | parallel -q --pipe -k --block "$block" --will-cite --halt now,fail=1 \
		${jobs:+-j "$jobs"} ${hosts:+-S "$hosts"} ${header:+--header "$header"} "$@" || st=$?
	  echo "$st" > "$tmp/status"; } | progress "$([ "$show" = tty ] && echo 1 || echo 0)"
	exit "$(cat "$tmp/status")"
fi

# With a job log: every block runs, even after one failed, and its output
# and messages go to FILE.blocks/N/, so a --resume-failed run (which runs
# only the blocks that did not finish) can still write the whole output,
# in order. The input's size, checksum and the block size are kept there:
# a resume must see the same blocks.
out=$joblog.blocks
stamp="$(cksum < "$in" | awk '{print $1, $2}') $block"
if [ -n "$resume" ]; then
	[ -f "$out/input" ] || die "$out: no earlier run to resume (run once with --joblog, without --resume-failed)"
	[ "$(cat "$out/input")" = "$stamp" ] ||
		die "$joblog: the input or the block size differs from the run it logged: its blocks would not match"
else
	if [ -e "$out" ]; then
		[ -f "$out/input" ] || die "$out exists and was not written by parallel.sh: move it away"
		rm -rf "$out"
	fi
	rm -f "$joblog"
	mkdir -p "$out"
	printf '%s\n' "$stamp" > "$out/input"
fi
before=0
[ ! -f "$joblog" ] || before=$(wc -l < "$joblog")
st=0
# shellcheck disable=SC2086
input | parallel -q --pipe --block "$block" --will-cite \
	${jobs:+-j "$jobs"} ${hosts:+-S "$hosts"} ${header:+--header "$header"} \
	--joblog "$joblog" $resume --results "$out/{#}/" "$@" > /dev/null || st=$?
# Messages of the blocks this run ran, in block order.
for s in $(awk -F '\t' -v skip="$before" 'NR > skip && $1 ~ /^[0-9]+$/ { print $1 }' "$joblog" | sort -n); do
	[ ! -s "$out/$s/stderr" ] || cat "$out/$s/stderr" >&2
done
# The last entry of each block in the log: every block from 1 up must
# have finished with status 0.
bad=$(awk -F '\t' '$1 ~ /^[0-9]+$/ { last[$1] = $7; if ($1 > max) max = $1 + 0 }
	END { for (i = 1; i <= max; i++) if (!(i in last) || last[i] != 0) { print i; n++ } }' "$joblog" | tr '\n' ' ')
if [ "$st" -ne 0 ] || [ -n "$bad" ]; then
	echo "$me: blocks not finished: ${bad:-unknown}; nothing written; rerun with --joblog $joblog --resume-failed on the same input" >&2
	# The status of the first block that failed, as the stage gave it.
	st=$(awk -F '\t' -v b="${bad%% *}" '$1 == b { s = $7 } END { print ((s > 0 && s < 256) ? s : 1) }' "$joblog")
	exit "$st"
fi
max=$(awk -F '\t' '$1 ~ /^[0-9]+$/ && $1 > m { m = $1 + 0 } END { print m + 0 }' "$joblog")
i=1
while [ "$i" -le "$max" ]; do
	cat "$out/$i/stdout" || die "$out/$i/stdout: missing; rerun without --resume-failed"
	i=$((i + 1))
done
