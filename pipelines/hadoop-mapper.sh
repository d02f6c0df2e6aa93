#!/bin/bash
# hadoop-mapper.sh: lq's per-record stages as one Hadoop Streaming mapper (NDJSON lines in, out).
# usage: hadoop-mapper.sh [-c CONFIG] ICP.json < leads.ndjson > scored.ndjson
#
# Runs `lq scrape | lq embed | lq classify | lq score ICP.json`, each with
# its arguments from CONFIG (lq.conf syntax: "stage = args", see
# pipelines/lq.conf.example), because a Streaming -mapper is one command
# and cannot hold a pipe. Every node needs lq on PATH (or $LQ set to it)
# and the same LQ_CACHE_DIR (a shared folder) so no profile is paid twice.
# Exits non-zero when any stage fails, so Hadoop retries the task; the
# cache makes the retry free for what the first attempt finished.
# rerank and to-csv need every record: run them after the job (docs/scale.md).
set -euo pipefail
config=
usage() { echo "usage: hadoop-mapper.sh [-c CONFIG] ICP.json" >&2; exit 2; }
while getopts c:h opt; do
	case $opt in
	c) config=$OPTARG ;;
	h) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || usage
icp=$1
lq=${LQ:-lq}

# args STAGE: the CONFIG line for STAGE, split into words (no globbing).
args() {
	[ -n "$config" ] || return 0
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1
}
set -f
# shellcheck disable=SC2046
"$lq" scrape --quiet $(args scrape) |
	"$lq" embed --quiet $(args embed) |
	"$lq" classify --quiet $(args classify) |
	"$lq" score --quiet $(args score) "$icp"
