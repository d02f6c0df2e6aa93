#!/bin/sh
# demo/run.sh: the demo pipeline, offline, on the data in pipelines/demo/.
# usage: pipelines/demo/run.sh [OUTDIR]   (make demo; default OUTDIR .build/demo)
# Runs every stage on its embedded default (the profiles come from the
# Apify dataset export beside this script, the model runs in-process),
# keeps each stage's NDJSON, prints the top leads as the client's
# spreadsheet has them, and the paths of the spreadsheet and review page.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
demo=$top/pipelines/demo
out=${1:-$top/.build/demo}
PATH=$top/bin:$PATH
export PATH
mkdir -p "$out"
# The model stays where `make model` put it; the demo's cache is its own.
: "${LQ_MODEL_DIR:=${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}"
LQ_CACHE_DIR=$out/cache
export LQ_CACHE_DIR LQ_MODEL_DIR

extract-urls "$demo/followers.html" > "$out/1-leads.ndjson"
scrape --from-dataset "$demo/profiles.json" < "$out/1-leads.ndjson" > "$out/2-enriched.ndjson"
embed < "$out/2-enriched.ndjson" > "$out/3-embedded.ndjson"
classify < "$out/3-embedded.ndjson" > "$out/4-classified.ndjson"
score "$demo/icp.json" < "$out/4-classified.ndjson" > "$out/5-scored.ndjson"
rerank "$demo/icp.json" < "$out/5-scored.ndjson" > "$out/6-reranked.ndjson"
to-csv < "$out/6-reranked.ndjson" > "$out/leads.csv"
review "$demo/icp.json" < "$out/6-reranked.ndjson" > "$out/review.html"

echo
echo "The spreadsheet's leads (tiers A and B, best first):"
to-csv -q --no-bom -d tab -c 'Rank=@rank,Score=@score,Tier=@tier,Name=name,Reason=@reason' \
	< "$out/6-reranked.ndjson" | tr -d '\r' | column -t -s "$(printf '\t')"
show=${out#"$top"/}
echo
echo "Spreadsheet:  $show/leads.csv"
echo "Review page:  $show/review.html (open it in a browser)"
echo "Each stage's records: $show/*.ndjson (inspect with jq)"
