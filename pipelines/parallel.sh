#!/bin/sh
# parallel.sh: run a per-record lq stage under GNU parallel, output in input order.
# usage: parallel.sh [-j JOBS] [-S HOSTS] [-b BLOCK] STAGE [ARGS...] < in.ndjson > out.ndjson
#
# Splits standard input into blocks of whole lines (BLOCK bytes, default
# 1M), runs `lq STAGE ARGS` on each block in parallel (JOBS per host,
# default one per core) and writes the results in input order (--pipe -k),
# so the output is byte-identical to the serial `lq STAGE ARGS`. With
# -S host1,host2 the blocks also go to other machines over ssh: each needs
# lq installed and the same LQ_CACHE_DIR (a shared folder) so they share
# one cache; ':' in the list means this machine too.
# Per-record stages: extract-urls (on NDJSON/text lists), scrape, embed,
# classify, score. rerank and to-csv need all records: run them after.
set -eu
jobs= hosts= block=1M
usage() {
	echo "usage: parallel.sh [-j JOBS] [-S HOSTS] [-b BLOCK] STAGE [ARGS...]" >&2
	exit 2
}
while getopts j:S:b:h opt; do
	case $opt in
	j) jobs=$OPTARG ;;
	S) hosts=$OPTARG ;;
	b) block=$OPTARG ;;
	h) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || usage
case $1 in
rerank|to-csv) echo "parallel.sh: $1 needs all records at once; run it after the parallel stages" >&2; exit 2 ;;
esac
command -v parallel >/dev/null 2>&1 || {
	echo "parallel.sh: GNU parallel is missing (apt-get install parallel)" >&2
	exit 3
}
here=$(cd "$(dirname "$0")" && pwd)
if [ -z "$hosts" ] && [ -x "$here/../bin/lq" ]; then
	lq=$here/../bin/lq
else
	lq=lq
fi
# Each block's summary line would interleave on stderr: keep them quiet
# unless asked, errors still show.
stage=$1
shift
set -- "$lq" "$stage" --quiet "$@"
exec parallel -q --pipe -k --block "$block" --will-cite --halt now,fail=1 \
	${jobs:+-j "$jobs"} ${hosts:+-S "$hosts"} ${LQ_CACHE_DIR:+--env LQ_CACHE_DIR} "$@"
