#!/bin/sh
# bench/score.sh: score --method baseline over N embedded records (default 100,000;
# random unit vectors of 384 numbers tagged local:all-MiniLM-L6-v2) versus the
# same cosine and 0.3..0.9 -> 30..100 mapping computed by a jq program; then,
# when the stages exist, local end to end (embed + classify + score + rerank)
# on the demo profiles in profiles/s.  LQ_BENCH_N sets N.
set -u
N=${LQ_BENCH_N:-100000}
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
[ -s "$LQ_MODEL_DIR/model.safetensors" ] || { echo "score: no model in $LQ_MODEL_DIR (run make model)"; exit 1; }
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LQ_CACHE_DIR="$W/cache"
ICP=pipelines/demo/icp.json

python3 - "$N" > "$W/leads.ndjson" <<'PY'
import sys, numpy as np
n = int(sys.argv[1]); rng = np.random.default_rng(1)
out = sys.stdout
for i in range(0, n, 1000):
    v = rng.standard_normal((min(1000, n - i), 384)).astype(np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    for j, row in enumerate(v):
        out.write('{"id":"lead-%d","status":"enriched","embedding":[%s],"embedding_model":"local:all-MiniLM-L6-v2"}\n'
                  % (i + j, ",".join("%.7g" % x for x in row)))
PY
# The ICP sentence as lq_icp_sentence writes it, embedded once for jq.
jq -r '[ (if .target_titles then "Target titles: " + (.target_titles | join(", ")) else empty end),
	(if .target_industries then "Industries: " + (.target_industries | join(", ")) else empty end),
	(if .company_sizes then "Company sizes: " + (.company_sizes | join(", ")) else empty end),
	(if .target_keywords then "Keywords: " + (.target_keywords | join(", ")) else empty end),
	(if .notes then "Notes: " + .notes else empty end) ] | join(" | ")' "$ICP" |
	embed -q --text | jq -c .embedding > "$W/icp.vec"

t0=$(date +%s.%N)
score -q --method baseline "$ICP" < "$W/leads.ndjson" > "$W/lq.out"
t1=$(date +%s.%N)
jq -c --slurpfile q "$W/icp.vec" '($q[0]) as $q | .embedding as $e |
	([range(0; $e | length) | $e[.] * $q[.]] | add) as $c |
	(30 + ($c - 0.3) / 0.6 * 70) as $s |
	.icp_score = ((if $s < 30 then 30 elif $s > 100 then 100 else $s end) * 10 | round / 10)' \
	"$W/leads.ndjson" > "$W/jq.out"
t2=$(date +%s.%N)
jq .icp_score "$W/lq.out" > "$W/a"
jq .icp_score "$W/jq.out" > "$W/b"
diff=$(paste -d' ' "$W/a" "$W/b" |
	awk '{d = $1 - $2; if (d < 0) d = -d; if (d > m) m = d} END {print m + 0}')
awk -v n="$N" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$diff" 'BEGIN {
	printf "score --method baseline: %d records in %.2f s (%.0f records/s)\n", n, b - a, n / (b - a)
	printf "jq baseline (same cosine and mapping): %.2f s (%.0f records/s)\n", c - b, n / (c - b)
	printf "ratio: score is %.1fx faster than jq; largest score difference %.2f\n", (c - b) / (b - a), d }'

# Local end to end on the demo profiles (25, repeated to 500).
if command -v embed >/dev/null && command -v scrape >/dev/null; then
	jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' pipelines/demo/profiles.json > "$W/l1"
	scrape -q --from-dataset pipelines/demo/profiles.json < "$W/l1" > "$W/e1"
	i=0; : > "$W/e20"
	while [ $i -lt 20 ]; do jq -c --arg i "$i" '.id += "-" + $i | .headline += " #" + $i' "$W/e1" >> "$W/e20"; i=$((i + 1)); done
	n=$(wc -l < "$W/e20")
	cls=cat; command -v classify >/dev/null && cls="classify -q"
	t0=$(date +%s.%N)
	embed -q < "$W/e20" | $cls | score -q "$ICP" | rerank -q "$ICP" > "$W/e2e.out"
	t1=$(date +%s.%N)
	awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$cls" 'BEGIN {
		printf "local end to end (embed%s + score + rerank, cold cache): %d profiles in %.2f s = %.1f profiles/s\n",
		    c == "cat" ? "" : " + classify", n, b - a, n / (b - a) }'
fi
