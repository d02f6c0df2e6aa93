#!/bin/sh
# qualify.sh: run the whole lq pipeline on one followers export.
# usage: qualify.sh [-c CONFIG] [-e ENVFILE] [-o OUTDIR] FOLLOWERS.html ICP.json
#
# Writes OUTDIR/1-leads.ndjson .. 6-reranked.ndjson (each stage's records,
# for jq) and OUTDIR/leads.csv. Stage settings come from CONFIG (see
# pipelines/lq.conf.example; default ./lq.conf when present); API keys from
# the environment or ENVFILE (KEY=VALUE lines, e.g. a .env file). Each stage
# writes a temp file that is renamed when the stage succeeds, so a file
# present is a file complete. Reruns are cheap: every expensive answer is
# in the cache.
set -eu

usage() {
	echo "usage: qualify.sh [-c CONFIG] [-e ENVFILE] [-o OUTDIR] FOLLOWERS.html ICP.json" >&2
	exit 2
}

config= envfile= out=
while getopts c:e:o:h opt; do
	case $opt in
	c) config=$OPTARG ;;
	e) envfile=$OPTARG ;;
	o) out=$OPTARG ;;
	h) sed -n '2,12s/^# \{0,1\}//p' "$0"; exit 0 ;;
	*) usage ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || usage
followers=$1 icp=$2
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

# The .env file: KEY=VALUE lines, optional `export `, optional quotes;
# nothing is evaluated.
if [ -n "$envfile" ]; then
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line#export }
		case $line in
		''|\#*) continue ;;
		[A-Za-z_]*=*) ;;
		*) echo "qualify.sh: $envfile: ignoring a line that is not KEY=VALUE" >&2; continue ;;
		esac
		key=${line%%=*} val=${line#*=}
		case $key in *[!A-Za-z0-9_]*) echo "qualify.sh: $envfile: bad name '$key'" >&2; continue ;; esac
		case $val in \"*\") val=${val#\"}; val=${val%\"} ;; \'*\') val=${val#\'}; val=${val%\'} ;; esac
		export "$key=$val"
	done < "$envfile"
fi

# args STAGE: the CONFIG line for STAGE ("stage = args").
args() {
	[ -n "$config" ] || return 0
	sed -n "s/^[[:space:]]*$1[[:space:]]*=[[:space:]]*//p" "$config" | tail -n 1
}

# stage NAME IN OUT [ARGS...]: run lq NAME < IN > OUT.tmp, then rename.
stage() {
	name=$1 in=$2 outf=$3
	shift 3
	set -f
	# shellcheck disable=SC2046
	st=0
	"$lq" "$name" $(args "$name") "$@" < "$in" > "$outf.tmp" || st=$?
	set +f
	if [ "$st" -ne 0 ]; then
		rm -f "$outf.tmp"
		echo "qualify.sh: $name failed (exit $st); the finished stages' files are in $out" >&2
		exit "$st"
	fi
	mv "$outf.tmp" "$outf"
}

stage extract-urls "$followers" "$out/1-leads.ndjson"
stage scrape "$out/1-leads.ndjson" "$out/2-enriched.ndjson"
stage embed "$out/2-enriched.ndjson" "$out/3-embedded.ndjson"
stage classify "$out/3-embedded.ndjson" "$out/4-classified.ndjson"
stage score "$out/4-classified.ndjson" "$out/5-scored.ndjson" "$icp"
stage rerank "$out/5-scored.ndjson" "$out/6-reranked.ndjson" "$icp"
stage to-csv "$out/6-reranked.ndjson" "$out/leads.csv"
echo "$out/leads.csv"
