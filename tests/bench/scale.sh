#!/bin/sh
# bench/scale.sh: the per-record stages (scrape from the demo dataset, embed, classify, score)
# on the demo leads repeated LQ_BENCH_SCALE_N times (default 4: 100 leads), warm cache: the
# serial pipeline (baseline) against parallel.sh, hadoop-local.sh and spark-pipe.py (each
# when its engine is there: GNU parallel; Java and the Hadoop jars; pyspark importable by
# $LQ_SPARK_PYTHON, default python3), wall-clock seconds and the ratio to the baseline, and
# whether each output is byte-identical to the baseline's.
set -u
N=${LQ_BENCH_SCALE_N:-4}
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
[ -s "$LQ_MODEL_DIR/model.safetensors" ] || { echo "scale: no model in $LQ_MODEL_DIR (run make model)"; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LQ_CACHE_DIR="$W/cache" LQ_THREADS=1
unset OPENAI_API_KEY LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD
D=pipelines/demo
P=pipelines
extract-urls "$D/followers.html" > "$W/one.ndjson" 2>/dev/null && [ -s "$W/one.ndjson" ] ||
	{ echo "scale: extract-urls found no lead in $D/followers.html" >&2; exit 1; }
i=0
while [ "$i" -lt "$N" ]; do cat "$W/one.ndjson"; i=$((i + 1)); done > "$W/leads.ndjson"
printf 'scrape = --from-dataset %s/profiles.json\n' "$PWD/$D" > "$W/lq.conf"
serial() {
	scrape -q --from-dataset "$D/profiles.json" < "$W/leads.ndjson" | embed -q | classify -q | score -q "$D/icp.json"
}
serial > /dev/null	# warm the cache: every run below reads the same answers
now() { date +%s.%N; }
t0=$(now); serial > "$W/serial.ndjson"; t1=$(now)
[ "$(grep -c '"icp_score"' "$W/serial.ndjson")" -gt 0 ] || { echo "scale: the serial pipeline scored no lead" >&2; exit 1; }
base=$(echo "$t1 - $t0" | bc)
echo "leads: $(grep -c . "$W/leads.ndjson"), load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
printf '%-34s %8.2f s  1.00x  (baseline)\n' "serial pipeline" "$base"
# report NAME T0 T1 OUT: the time, the ratio to the baseline, identical or not.
report() {
	s=$(echo "$3 - $2" | bc)
	same=differs
	cmp -s "$W/serial.ndjson" "$4" && same=identical
	printf '%-34s %8.2f s  %5.2fx  (%s)\n' "$1" "$s" "$(echo "$s / $base" | bc -l)" "$same"
}
if command -v parallel >/dev/null 2>&1; then
	t0=$(now)
	sh "$P/parallel.sh" -j 2 scrape --from-dataset "$D/profiles.json" < "$W/leads.ndjson" |
		sh "$P/parallel.sh" -j 2 embed | sh "$P/parallel.sh" -j 2 classify |
		sh "$P/parallel.sh" -j 2 score "$D/icp.json" > "$W/parallel.ndjson"
	t1=$(now)
	report "parallel.sh -j 2, four stages" "$t0" "$t1" "$W/parallel.ndjson"
else
	echo "parallel.sh: GNU parallel is not installed"
fi
if command -v java >/dev/null 2>&1 && sh "$P/hadoop-local.sh" --fetch > "$W/fetch.log" 2>&1; then
	t0=$(now)
	sh "$P/hadoop-local.sh" -j 2 -c "$W/lq.conf" "$D/icp.json" < "$W/leads.ndjson" > "$W/hadoop.ndjson"
	t1=$(now)
	report "hadoop-local.sh -j 2 (local mode)" "$t0" "$t1" "$W/hadoop.ndjson"
else
	echo "hadoop-local.sh: no Java, or the jars could not be fetched"
fi
SPY=${LQ_SPARK_PYTHON:-python3}
if command -v java >/dev/null 2>&1 && "$SPY" -c 'import pyspark' 2>/dev/null; then
	t0=$(now)
	"$SPY" "$P/spark-pipe.py" --master 'local[2]' -c "$W/lq.conf" "$D/icp.json" "$W/leads.ndjson" > "$W/spark.ndjson" 2> "$W/spark.err"
	t1=$(now)
	report "spark-pipe.py local[2]" "$t0" "$t1" "$W/spark.ndjson"
else
	echo "spark-pipe.py: pyspark is not importable by $SPY"
fi
