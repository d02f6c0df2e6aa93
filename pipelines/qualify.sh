#!/bin/sh
# qualify.sh: run the whole lq pipeline on one followers export.
# usage: qualify.sh [-c CONFIG] [-e ENVFILE] [-o OUTDIR] [--budget USD] FOLLOWERS.html ICP.json
#
# Writes OUTDIR/1-leads.ndjson .. 6-reranked.ndjson (each stage's records,
# for jq), OUTDIR/leads.csv (the spreadsheet for the client) and
# OUTDIR/review.html (the page to review and judge the leads), and prints
# the paths of those two. Stage settings come from CONFIG (see
# pipelines/lq.conf.example; default ./lq.conf when present); API keys from
# the environment or ENVFILE (KEY=VALUE lines, e.g. a .env file). Each stage
# writes a temp file that is renamed when the stage succeeds, so a file
# present is a file complete. Reruns are cheap: every expensive answer is
# in the cache.
# --budget USD (or -b): before each paid stage (scrape, embed, classify,
# rerank) its --dry-run estimate is added up (pipelines/budget.sh, the
# total in OUTDIR/budget.spent), and the run stops before a stage that
# would take the total over USD (exit 4; the finished stages' files stay,
# and a rerun with a larger budget pays only for the rest).
# Exit status: that of the stage that failed; 4 when the budget stopped it;
# 5 when the spreadsheet left out failed leads (to-csv's exit 5: leads.csv
# and review.html are still written; `to-csv = --exclude-failed` in CONFIG
# accepts that).
# Progress: each stage's line, labelled [k/8], with the lead count as its
# total (percent, ETA); on a terminal, or anywhere with LQ_PROGRESS=1.
set -eu

usage() {
	echo "usage: qualify.sh [-c CONFIG] [-e ENVFILE] [-o OUTDIR] [--budget USD] FOLLOWERS.html ICP.json" >&2
	exit 2
}

# --budget USD and --budget=USD are -b USD for getopts.
n=$#
while [ "$n" -gt 0 ]; do
	a=$1
	shift
	n=$((n - 1))
	case $a in
	--budget) [ "$n" -gt 0 ] || usage; set -- "$@" -b "$1"; shift; n=$((n - 1)) ;;
	--budget=*) set -- "$@" -b "${a#--budget=}" ;;
	*) set -- "$@" "$a" ;;
	esac
done

config= envfile= out= budget=
while getopts b:c:e:o:h opt; do
	case $opt in
	b) budget=$OPTARG ;;
	c) config=$OPTARG ;;
	e) envfile=$OPTARG ;;
	o) out=$OPTARG ;;
	h) sed -n '2,25s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
followers=$1 icp=$2
case $budget in
'') ;;
*[!0-9.]* | *.*.* | .) echo "qualify.sh: --budget: '$budget' is not an amount in dollars (e.g. 5 or 2.50)" >&2; exit 2 ;;
esac
[ -r "$followers" ] || { echo "qualify.sh: $followers: cannot read" >&2; exit 3; }
[ -r "$icp" ] || { echo "qualify.sh: $icp: cannot read" >&2; exit 3; }
[ -z "$config" ] && [ -f lq.conf ] && config=lq.conf
[ -n "$config" ] && [ ! -r "$config" ] && { echo "qualify.sh: $config: cannot read" >&2; exit 3; }
[ -n "$envfile" ] && [ ! -r "$envfile" ] && { echo "qualify.sh: $envfile: cannot read" >&2; exit 3; }
[ -n "$out" ] || out=lq-out/$(basename "$followers" .html)
mkdir -p "$out"

# Programs: those of this source tree when run from it, else `lq` on PATH.
here=$(cd "$(dirname "$0")" && pwd)
if [ -x "$here/../bin/lq" ]; then
	lq=$here/../bin/lq
else
	lq=lq
fi

# Keys from the .env file, loaded by with-env.sh for each stage: the file
# is parsed, never run.
envrun=
[ -n "$envfile" ] && envrun="$here/with-env.sh $envfile"

# args STAGE: the CONFIG line for STAGE ("stage = args").
args() {
	[ -n "$config" ] || return 0
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1
}

# stage NAME IN OUT [ARGS...]: run lq NAME < IN > OUT.tmp, then rename.
# to-csv's exit 5 (failed leads left out) keeps the spreadsheet; the
# script ends with that status after the other stages.
# Progress (when stderr is a terminal, or forced by LQ_PROGRESS=1): each
# stage's line says which stage of the run it is ("[2/8] scrape: 120/240
# (50%), 3.1/s, ETA 38s") and, once extract-urls has counted the leads,
# the total (LQ_PROGRESS_TOTAL), so every stage shows a percentage and ETA.
left_out=0
nstage=0
[ -z "$budget" ] || echo 0 > "$out/budget.spent"
stage() {
	name=$1 in=$2 outf=$3
	shift 3
	nstage=$((nstage + 1))
	LQ_PROGRESS_LABEL="[$nstage/8] "
	export LQ_PROGRESS_LABEL
	if [ -n "$budget" ]; then
		set -f
		# shellcheck disable=SC2046
		sh "$here/budget.sh" "$out/budget.spent" "$budget" "$name" "$in" \
			$envrun "$lq" "$name" $(args "$name") --dry-run "$@" || exit $?
		set +f
	fi
	set -f
	# shellcheck disable=SC2046
	st=0
	$envrun "$lq" "$name" $(args "$name") "$@" < "$in" > "$outf.tmp" || st=$?
	set +f
	if [ "$st" -eq 5 ] && [ "$name" = to-csv ]; then
		left_out=1
	elif [ "$st" -ne 0 ]; then
		rm -f "$outf.tmp"
		echo "qualify.sh: $name failed (exit $st); the finished stages' files are in $out" >&2
		exit "$st"
	fi
	mv "$outf.tmp" "$outf"
}

stage extract-urls "$followers" "$out/1-leads.ndjson"
LQ_PROGRESS_TOTAL=$(grep -c . "$out/1-leads.ndjson" || :)
export LQ_PROGRESS_TOTAL
stage scrape "$out/1-leads.ndjson" "$out/2-enriched.ndjson"
stage embed "$out/2-enriched.ndjson" "$out/3-embedded.ndjson"
stage classify "$out/3-embedded.ndjson" "$out/4-classified.ndjson"
stage score "$out/4-classified.ndjson" "$out/5-scored.ndjson" "$icp"
stage rerank "$out/5-scored.ndjson" "$out/6-reranked.ndjson" "$icp"
stage to-csv "$out/6-reranked.ndjson" "$out/leads.csv"
stage review "$out/6-reranked.ndjson" "$out/review.html" "$icp"
echo "$out/leads.csv"
echo "$out/review.html"
if [ "$left_out" -eq 1 ]; then
	echo "qualify.sh: $out/leads.csv leaves out failed leads (to-csv exit 5); list them with" >&2
	echo "  jq -c 'select(.status == \"failed\") | {id, error}' $out/6-reranked.ndjson" >&2
	echo "qualify.sh: rerun once the cause is fixed, or put 'to-csv = --exclude-failed' in the config to accept it" >&2
	exit 5
fi
