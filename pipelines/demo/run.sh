#!/bin/sh
# demo/run.sh: the demo pipeline, offline, on the data in pipelines/demo/.
# usage: pipelines/demo/run.sh [OUTDIR]   (make demo; default OUTDIR .build/demo)
# Runs every stage on its embedded default (the profiles come from the
# Apify dataset export beside this script, the model runs in-process),
# keeps each stage's NDJSON, prints the top leads and the CSV's path.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
demo=$top/pipelines/demo
out=${1:-$top/.build/demo}
PATH=$top/bin:$PATH
export PATH
mkdir -p "$out"
: "${LQ_CACHE_DIR:=$out/cache}"
export LQ_CACHE_DIR

extract-urls "$demo/followers.html" > "$out/1-leads.ndjson"
scrape --from-dataset "$demo/profiles.json" < "$out/1-leads.ndjson" > "$out/2-enriched.ndjson"
to-csv < "$out/2-enriched.ndjson" > "$out/leads.csv"

echo
echo "Leads (first 10):"
jq -r '[.name // "", (.current_job_titles // [] | join(", ")), .company // ""] | @tsv' \
	"$out/2-enriched.ndjson" | head -n 10 | column -t -s "$(printf '\t')"
echo
echo "CSV: $out/leads.csv"
echo "Each stage's records: $out/*.ndjson (inspect with jq)"
