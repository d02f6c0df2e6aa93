#!/bin/bash
# hadoop-mapper.sh: lq's per-record stages as one command (a Hadoop Streaming mapper, a Spark pipe).
# usage: hadoop-mapper.sh [-k] [-c CONFIG] [-e ENVFILE] ICP.json < leads.ndjson > scored.ndjson
#
# Runs `lq scrape | lq embed | lq classify | lq score ICP.json`, each with
# its arguments from CONFIG (lq.conf syntax: "stage = args", see
# pipelines/lq.conf.example), because a Streaming -mapper or an RDD's
# pipe() is one command and cannot hold a pipe. Every node needs lq on
# PATH (or $LQ set to it) and the same LQ_CACHE_DIR (a shared folder) so
# no profile is paid twice.
#   -k          keyed lines: each input line is KEY<TAB>RECORD (Streaming
#               passes the line's byte offset as KEY with
#               -D stream.map.input.ignoreKey=false) and each output line
#               is the same KEY, a tab and the record, so the parts of a
#               job can be merged back into input order (docs/scale.md)
#   -c CONFIG   the stages' arguments
#   -e ENVFILE  API keys (KEY=VALUE lines, a .env file, read by
#               with-env.sh beside this script: ship both)
# Exits non-zero when any stage fails, so Hadoop retries the task; the
# cache makes the retry free for what the first attempt finished.
# rerank and to-csv need every record: run them after the job.
set -euo pipefail
config= envfile= keyed=
usage() { echo "usage: hadoop-mapper.sh [-k] [-c CONFIG] [-e ENVFILE] ICP.json" >&2; exit 2; }
while getopts c:e:kh opt; do
	case $opt in
	c) config=$OPTARG ;;
	e) envfile=$OPTARG ;;
	k) keyed=1 ;;
	h) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p;}' "$0"; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
icp=$1
lq=${LQ:-lq}
me=hadoop-mapper.sh

# With -e, run again under with-env.sh: the keys are exported, never on a
# command line, and the file is parsed, not run.
if [ -n "$envfile" ]; then
	here=$(cd "$(dirname "$0")" && pwd)
	exec "$here/with-env.sh" "$envfile" bash "$0" ${keyed:+-k} ${config:+-c "$config"} "$icp"
fi

# args STAGE: the CONFIG line for STAGE, split into words (no globbing).
args() {
	[ -n "$config" ] || return 0
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1
}
stages() {
	set -f
	# shellcheck disable=SC2046
	"$lq" scrape --quiet $(args scrape) |
		"$lq" embed --quiet $(args embed) |
		"$lq" classify --quiet $(args classify) |
		"$lq" score --quiet $(args score) "$icp"
}
if [ -z "$keyed" ]; then
	stages
	exit
fi

# Keyed: the split is read first (keys to one file, records to another),
# then the records go through the stages and each output record gets the
# key of its input line back (the stages write one record per input
# record, in order). Lines lq's reader skips (blank: spaces, tabs, CRs,
# or a lone byte-order mark at the start of the file) are left out here
# too, so keys and records stay in step; a count that still differs fails
# the task rather than mislabel a record.
tmp=$(mktemp -d "${TMPDIR:-/tmp}/lq-mapper.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
LC_ALL=C awk -v keys="$tmp/keys" -v me="$me" '
	{
		t = index($0, "\t")
		if (t == 0) {
			printf "%s: input line %d has no KEY<TAB> (run with -D stream.map.input.ignoreKey=false, or without -k)\n", me, NR > "/dev/stderr"
			exit 2
		}
		k = substr($0, 1, t - 1); r = substr($0, t + 1)
		b = r; if (k == "0") sub(/^\357\273\277/, "", b)
		if (b ~ /^[ \t\r]*$/) next
		print k > keys
		print r
	}' > "$tmp/records"
touch "$tmp/keys"
set +e
stages < "$tmp/records" | LC_ALL=C awk -v keys="$tmp/keys" -v why="$tmp/why" '
	{
		if ((getline k < keys) <= 0) { print "the stages wrote more records than they read" > why; bad = 1; exit 3 }
		print k "\t" $0
	}
	END {
		if (!bad && (getline k < keys) > 0) { print "the stages wrote fewer records than they read" > why; exit 3 }
	}'
st=("${PIPESTATUS[@]}")
set -e
[ "${st[0]}" -eq 0 ] || exit "${st[0]}"
if [ "${st[1]}" -ne 0 ]; then
	echo "$me: $(cat "$tmp/why")" >&2
	exit "${st[1]}"
fi
