#!/bin/sh
# bench/same-bytes.sh: two builds write the same bytes. Runs each stage of
# BEFORE and AFTER (two bin directories) on the same inputs and compares
# stdout, stderr (timings aside) and exit status; prints one line a run and
# a count, and exits 1 if any run differs. Not part of `make bench` (it
# has no timings); docs/performance.md says when it was used.
# usage: sh tests/bench/same-bytes.sh BEFORE_BIN AFTER_BIN [LEADS]
#   LEADS: NDJSON of embedded leads (tests/bench/gen-apify.py embedded N), optional
# needs the local model (make model), jq, python3.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
BEFORE=$(cd "$1" && pwd) AFTER=$(cd "$2" && pwd)
LEADS=${3:-}
[ -n "$LEADS" ] && LEADS=$(cd "$(dirname "$LEADS")" && pwd)/$(basename "$LEADS")
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
D=$TOP/pipelines/demo E=$TOP/tests/data/eval
runs=0 differ=0

# same NAME IN PROG ARGS...: PROG of both builds on IN, each with its own
# empty cache (LQ_CACHE_DIR, or $CACHE_B/$CACHE_A when set).
same() {
	name=$1 in=$2 prog=$3
	shift 3
	for side in b a; do
		if [ $side = b ]; then bin=$BEFORE c=${CACHE_B:-$W/cache-b-$name}; else bin=$AFTER c=${CACHE_A:-$W/cache-a-$name}; fi
		LQ_CACHE_DIR=$c "$bin/$prog" "$@" < "$in" > $side.out 2> $side.err
		echo $? > $side.st
		sed -E 's/[0-9.]+ ?(s|ms|us)\b/T/g' $side.err > $side.errn
	done
	runs=$((runs + 1))
	if cmp -s b.out a.out && cmp -s b.errn a.errn && cmp -s b.st a.st && [ -s a.out -o -s a.err ]; then
		echo "same  $name ($(wc -l < a.out) lines, exit $(cat a.st))"
	else
		differ=$((differ + 1))
		echo "DIFF  $name"
	fi
	cp a.out "out-$name"
}

# Inputs: the demo pipeline and the eval profiles (rich and sparse), made
# once by BEFORE.
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > demo1.ndjson
LQ_CACHE_DIR=$W/c0 "$BEFORE/scrape" -q --from-dataset "$D/profiles.json" < demo1.ndjson > demo2.ndjson
for shape in rich sparse; do
	f=$E/profiles.json; [ $shape = sparse ] && f=$E/profiles-sparse.json
	jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$f" > $shape-1.ndjson
	LQ_CACHE_DIR=$W/c0 "$BEFORE/scrape" -q --from-dataset "$f" < $shape-1.ndjson > $shape-2.ndjson
	LQ_CACHE_DIR=$W/c0 "$BEFORE/embed" -q < $shape-2.ndjson > $shape-3.ndjson
	LQ_CACHE_DIR=$W/c0 "$BEFORE/classify" -q < $shape-3.ndjson > $shape-4.ndjson
done

same scrape demo1.ndjson scrape --from-dataset "$D/profiles.json"
same embed demo2.ndjson embed -q
same embed-base64 demo2.ndjson embed -q --vectors base64
cp out-embed demo3.ndjson
cp out-embed-base64 demo3b.ndjson
same classify demo3.ndjson classify
same classify-q demo3.ndjson classify -q
cp out-classify-q demo4.ndjson
for icp in "$D/icp.json" "$TOP/tests/data/score/icp-finance.json"; do
	i=$(basename "$icp" .json)
	for in in demo4.ndjson "$TOP/tests/data/enriched.ndjson" "$TOP/tests/data/score/titles.ndjson" rich-4.ndjson sparse-4.ndjson ${LEADS:+"$LEADS"}; do
		n=$(basename "$in" .ndjson)
		for m in baseline structured; do
			[ $m = structured ] && [ "$in" = "$LEADS" ] && continue	# below, on 300
			same "score-$m-$i-$n" "$in" score --method $m "$icp"
			same "score-$m-q-$i-$n" "$in" score -q --method $m "$icp"
			same "score-$m-slim-$i-$n" "$in" score -q --slim --method $m "$icp"
		done
	done
done
for icp in "$E"/icp-*.json; do
	i=$(basename "$icp" .json)
	for shape in rich sparse; do
		same "score-baseline-$i-$shape" $shape-4.ndjson score -q --method baseline "$icp"
		same "score-structured-$i-$shape" $shape-4.ndjson score -q "$icp"
	done
done
if [ -n "$LEADS" ]; then
	head -n 300 "$LEADS" > leads300.ndjson
	same score-structured-leads300 leads300.ndjson score --method structured "$D/icp.json"
	same score-structured-slim-leads300 leads300.ndjson score -q --slim "$D/icp.json"
	LQ_CACHE_DIR=$W/c0 "$AFTER/score" -q --method baseline "$D/icp.json" < "$LEADS" > leads-scored.ndjson
	same to-csv-leads leads-scored.ndjson to-csv
	same to-csv-full-leads leads-scored.ndjson to-csv -q --full --all
	same to-csv-numbers-leads leads-scored.ndjson to-csv -q --numbers --all --no-sort
fi
same score-base64 demo3b.ndjson score -q --method baseline "$D/icp.json"
LQ_CACHE_DIR=$W/c0 "$BEFORE/score" -q "$D/icp.json" < demo4.ndjson > demo5.ndjson
same rerank demo5.ndjson rerank "$D/icp.json"
same rerank-slim demo5.ndjson rerank -q --slim "$D/icp.json"
LQ_CACHE_DIR=$W/c0 "$BEFORE/rerank" -q "$D/icp.json" < demo5.ndjson > demo6.ndjson
for in in demo6.ndjson "$TOP/tests/data/to-csv/scored.ndjson"; do
	n=$(basename "$in" .ndjson)
	same "to-csv-$n" "$in" to-csv --include-failed
	same "to-csv-full-$n" "$in" to-csv --full --all --include-failed
	same "to-csv-columns-$n" "$in" to-csv --all -c 'Skill=profile.skills[0],Pos=profile.positions[-1].title,Id=id'
done
same review demo6.ndjson review "$D/icp.json"
same review-hostile "$TOP/tests/data/review/hostile.ndjson" review "$TOP/tests/data/review/hostile-icp.json"
same eval demo6.ndjson eval "$E/labels.ndjson"

# scrape's cached rerun: the demo, and the bench's generated dataset
export APIFY_API_TOKEN=bench-token LQ_APIFY_BASE_URL=http://127.0.0.1:9
CACHE_B=$W/cs CACHE_A=$W/cs
LQ_CACHE_DIR=$W/cs "$BEFORE/scrape" -q --from-dataset "$D/profiles.json" < demo1.ndjson > /dev/null
same scrape-cached demo1.ndjson scrape
same scrape-cached-only demo1.ndjson scrape --cache-only
python3 "$TOP/tests/bench/gen-apify.py" items 2000 > ds.jsonl 2>/dev/null &&
	python3 "$TOP/tests/bench/gen-apify.py" discovered 2000 > in.ndjson 2>/dev/null &&
	LQ_CACHE_DIR=$W/cs "$BEFORE/cache" -q import ds.jsonl &&
	same scrape-cached-bench in.ndjson scrape -q &&
	same scrape-cached-bench-progress in.ndjson scrape --cache-only
unset CACHE_B CACHE_A

# hostile lines (as tests/cli/97-records.sh writes them) through every stage that reads records
. "$TOP/tests/hostile.sh"
hostile_lines more > hostile.ndjson
k=0
for s in embed classify "score --method baseline $D/icp.json" "score $D/icp.json" "rerank $D/icp.json" "to-csv --all --include-failed"; do
	set -- $s
	p=$1 k=$((k + 1))
	shift
	same "hostile-$k-$p" hostile.ndjson $p "$@"
done

echo "$runs runs, $differ differ"
[ $differ -eq 0 ]
