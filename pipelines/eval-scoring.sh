#!/bin/sh
# eval-scoring.sh: every scoring configuration on the labelled set (tests/data/eval), offline.
# usage: pipelines/eval-scoring.sh [OUTDIR]   (default .build/eval-scoring)
# (bin/eval is called by path: `eval` is also a shell builtin.)
# Configurations: baseline (the original whole-text cosine) and structured,
# each with and without the local rerank, each with and without the local
# classify before scoring (names "+classify", "+rerank"). For every
# configuration and split, OUTDIR/CONF.SPLIT.json holds eval --json, and one
# line per ICP (NDCG@10, P@10, AUC) is printed. LQ_EVAL_SPLITS chooses the
# splits printed and measured (default "tune held-out"; while tuning, set it
# to "tune" so the held-out part is never looked at). Needs the model (make model).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ev=$top/tests/data/eval
out=${1:-$top/.build/eval-scoring}
splits=${LQ_EVAL_SPLITS:-tune held-out}
PATH=$top/bin:$PATH
export PATH
mkdir -p "$out"
: "${LQ_MODEL_DIR:=${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}"
: "${LQ_CACHE_DIR:=$out/cache}"
export LQ_CACHE_DIR LQ_MODEL_DIR

jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, status: "discovered"}' \
	"$ev/profiles.json" > "$out/leads.ndjson"
scrape -q --from-dataset "$ev/profiles.json" < "$out/leads.ndjson" | embed -q > "$out/embedded.ndjson"
classify -q < "$out/embedded.ndjson" > "$out/classified.ndjson"
for in in embedded classified; do
	c=
	[ "$in" = classified ] && c=+classify
	for m in baseline structured; do
		: > "$out/$m$c.ndjson"
		: > "$out/$m$c+rerank.ndjson"
		for icp in "$ev"/icp-*.json; do
			score -q --method "$m" "$icp" < "$out/$in.ndjson" > "$out/scored.tmp"
			cat "$out/scored.tmp" >> "$out/$m$c.ndjson"
			rerank -q "$icp" < "$out/scored.tmp" >> "$out/$m$c+rerank.ndjson"
		done
	done
done
rm -f "$out/scored.tmp"
printf '%-34s %-8s %-10s %7s %5s %6s\n' configuration split ICP NDCG@10 P@10 AUC
for c in baseline baseline+rerank structured structured+rerank \
	baseline+classify baseline+classify+rerank structured+classify structured+classify+rerank; do
	for split in $splits; do
		"$top/bin/eval" -q --json --split "$split" "$ev/labels.ndjson" "$out/$c.ndjson" > "$out/$c.$split.json"
		jq -r --arg c "$c" --arg s "$split" '(.icps[], .overall) |
			"\($c) \($s) \(.icp) \(.["ndcg@10"]) \(.["p@10"]) \(.auc)"' "$out/$c.$split.json" |
			while read -r a b i n p u; do
				printf '%-34s %-8s %-10s %7.3f %5.2f %6.3f\n' "$a" "$b" "$i" "$n" "$p" "$u"
			done
	done
done
