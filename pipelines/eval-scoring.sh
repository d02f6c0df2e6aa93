#!/bin/sh
# eval-scoring.sh: every scoring configuration on the labelled set (tests/data/eval), offline.
# usage: pipelines/eval-scoring.sh [OUTDIR]   (default .build/eval-scoring)
# (bin/eval is called by path: `eval` is also a shell builtin.)
# Configurations: baseline (the original whole-text cosine), structured, each
# with and without the local rerank; prints eval's table for the tune and the
# held-out split of each. Needs the model (make model).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ev=$top/tests/data/eval
out=${1:-$top/.build/eval-scoring}
PATH=$top/bin:$PATH
export PATH
mkdir -p "$out"
: "${LQ_CACHE_DIR:=$out/cache}"
export LQ_CACHE_DIR

jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, status: "discovered"}' \
	"$ev/profiles.json" > "$out/leads.ndjson"
# LQ_EVAL_CLASSIFY=1 adds classify (local) before scoring.
cls=cat
[ "${LQ_EVAL_CLASSIFY:-0}" = 1 ] && cls="classify -q"
scrape -q --from-dataset "$ev/profiles.json" < "$out/leads.ndjson" | embed -q | $cls > "$out/embedded.ndjson"
for m in baseline structured; do
	for icp in "$ev"/icp-*.json; do
		score -q --method "$m" "$icp" < "$out/embedded.ndjson" > "$out/$m.$(basename "$icp")"
		rerank -q "$icp" < "$out/$m.$(basename "$icp")" > "$out/$m+rerank.$(basename "$icp")"
	done
	cat "$out/$m".icp-*.json > "$out/$m.ndjson"
	cat "$out/$m+rerank".icp-*.json > "$out/$m+rerank.ndjson"
done
for c in baseline baseline+rerank structured structured+rerank; do
	for split in tune held-out; do
		echo "== $c ($split)"
		"$top/bin/eval" -q --split "$split" "$ev/labels.ndjson" "$out/$c.ndjson"
	done
done
