#!/bin/sh
# bench/score.sh: score on N leads as score reads them (default 100,000:
# a ~4 KB Apify profile, a 384-number embedding of the local model,
# classify's labels; tests/bench/gen-apify.py), against
#   - a jq program computing the baseline's cosine and 0.3..0.9 -> 30..100
#     mapping (the named baseline for both methods), and
#   - score as it was before lazy records (tests/bench/today.sh builds it),
#     on all N for the baseline method and on a sample for the structured
#     one (LQ_BENCH_TODAY_SAMPLE, 2000: it encodes every title again);
# the structured method cold (titles encoded) and warm (title vectors
# cached: a rerun after an ICP change); embeddings as JSON numbers and as
# base64 float32; peak memory at N/10 and N; and checks that today's and
# the new baseline method write the same bytes (the structured method's
# rules changed since: its sample against this build reading whole
# lines). Then local end to end on the demo profiles. LQ_BENCH_N sets N.
# Ratios use CPU time, the least of LQ_BENCH_REPEAT (3) interleaved runs
# of each side (lib.sh's rounds; the cold run and the memory runs once):
# about 110-120 s of CPU a round at 100,000 leads.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
N=${LQ_BENCH_N:-100000}
SAMPLE=${LQ_BENCH_TODAY_SAMPLE:-2000}
[ "$SAMPLE" -le "$N" ] || SAMPLE=$N
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
[ -s "$LQ_MODEL_DIR/model.safetensors" ] || fail "no model in $LQ_MODEL_DIR (run make model)"
need_cmd jq "apt-get install jq"
need_py numpy python3-numpy
. tests/bench/today.sh
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export LQ_CACHE_DIR="$W/cache"
ICP=pipelines/demo/icp.json

"$PY" tests/bench/gen-apify.py embedded "$N" > "$W/leads.ndjson" || fail "gen-apify.py failed"
lines_are "$W/leads.ndjson" "$N"
# The same leads with base64 float32 vectors (embed --vectors base64).
"$PY" - "$W/leads.ndjson" > "$W/leads-b64.ndjson" <<'PY' || fail "base64 conversion failed"
import base64, json, struct, sys
for line in open(sys.argv[1]):
    r = json.loads(line)
    r["embedding"] = base64.b64encode(struct.pack("<%df" % len(r["embedding"]), *r["embedding"])).decode()
    r["embedding_encoding"] = "base64"
    sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
lines_are "$W/leads-b64.ndjson" "$N"
head -n "$SAMPLE" "$W/leads.ndjson" > "$W/sample.ndjson"
head -n $((N / 10)) "$W/leads.ndjson" > "$W/tenth.ndjson"

# The ICP sentence as lq_icp_sentence writes it, embedded once for jq.
jq -r '[ (if .target_titles then "Target titles: " + (.target_titles | join(", ")) else empty end),
	(if .target_industries then "Industries: " + (.target_industries | join(", ")) else empty end),
	(if .company_sizes then "Company sizes: " + (.company_sizes | join(", ")) else empty end),
	(if .target_keywords then "Keywords: " + (.target_keywords | join(", ")) else empty end),
	(if .notes then "Notes: " + .notes else empty end) ] | join(" | ")' "$ICP" |
	bin/embed -q --text | jq -c .embedding > "$W/icp.vec"
[ "$(jq length "$W/icp.vec")" = 384 ] || fail "could not embed the ICP sentence for jq"
cat > "$W/cos.jq" <<'JQ'
($q[0]) as $q | .embedding as $e |
([range(0; $e | length) | $e[.] * $q[.]] | add) as $c |
(30 + ($c - 0.3) / 0.6 * 70) as $s |
.icp_score = ((if $s < 30 then 30 elif $s > 100 then 100 else $s end) * 10 | round / 10)
JQ

# The first structured run encodes every title (cold): once, by its
# nature. Then the ratios' two sides in interleaved rounds, the least CPU
# time of each (LQ_BENCH_REPEAT, lib.sh): the jq program, the baseline
# method (JSON and base64 vectors), before, and the structured method warm.
timed cold "bin/score -q $ICP < '$W/leads.ndjson' > '$W/cold.out'"
rounds jq "jq -c --slurpfile q '$W/icp.vec' -f '$W/cos.jq' '$W/leads.ndjson' > '$W/jq.out'" \
	base "bin/score -q --method baseline $ICP < '$W/leads.ndjson' > '$W/base.out'" \
	base_today "'$TODAY/score' -q --method baseline $ICP < '$W/leads.ndjson' > '$W/base-today.out'" \
	b64 "bin/score -q --method baseline $ICP < '$W/leads-b64.ndjson' > '$W/b64.out'" \
	warm "bin/score -q $ICP < '$W/leads.ndjson' > '$W/warm.out'"
lines_are "$W/jq.out" "$N"
# Before on the sample, each run with an empty cache of its own (as the
# one run this bench made before), beside this build warm.
rounds st_today "LQ_CACHE_DIR=\$(mktemp -d '$W/ct.XXXXXX') '$TODAY/score' -q $ICP < '$W/sample.ndjson' > '$W/st-today.out'" \
	st_sample "bin/score -q $ICP < '$W/sample.ndjson' > '$W/st-sample.out'"
# Peak memory at a tenth of the leads (one run each: memory does not
# move with the load).
timed base_tenth "bin/score -q --method baseline $ICP < '$W/tenth.ndjson' > /dev/null"
timed warm_tenth "bin/score -q $ICP < '$W/tenth.ndjson' > /dev/null"
# The structured method's rules changed after 19f3759 (score_version, the
# size vocabulary, issue 13), so its bytes are checked against this build
# reading each line whole (LQ_RECORD_PARSE=full), as 97-records does.
LQ_RECORD_PARSE=full bin/score -q $ICP < "$W/sample.ndjson" > "$W/st-full.out" || fail "score (whole lines) failed"
for f in base base-today b64 cold warm st-today st-sample; do
	[ "$(grep -c '"status":"qualified"' "$W/$f.out")" -gt 0 ] || fail "$f: no lead was scored"
done

# The same bytes as before, and the same as jq's scores.
same() { if cmp -s "$1" "$2"; then echo identical; else echo DIFFERENT; fi; }
same_base=$(same "$W/base.out" "$W/base-today.out")
same_st=$(same "$W/st-sample.out" "$W/st-full.out")
same_warm=$(same "$W/cold.out" "$W/warm.out")
jq .icp_score "$W/base.out" > "$W/a"
jq .icp_score "$W/jq.out" > "$W/b"
jq .icp_score "$W/b64.out" > "$W/c"
maxdiff() { paste -d' ' "$1" "$2" | awk '{d = $1 - $2; if (d < 0) d = -d; if (d > m) m = d} END {print m + 0}'; }
d_jq=$(maxdiff "$W/a" "$W/b")
d_b64=$(maxdiff "$W/a" "$W/c")

per() { awk -v c="$1" -v n="$2" 'BEGIN { printf "%8.1f", c / n * 1e6 }'; }
rate() { awk -v c="$1" -v n="$2" 'BEGIN { if (c <= 0) c = 0.001; printf "%9.0f", n / c }'; }
mb() { echo $(($1 / 1024)); }
jq_us=$(awk -v c="$jq_cpu" -v n="$N" 'BEGIN { print c / n * 1e6 }')
st_today_us=$(awk -v c="$st_today_cpu" -v n="$SAMPLE" 'BEGIN { print c / n * 1e6 }')
printf 'score: %d leads, %d MB of NDJSON (%d MB with base64 vectors); CPU seconds (user+sys), the least of %d interleaved runs (cold: one), wall beside\n' \
	"$N" $(($(wc -c < "$W/leads.ndjson") / 1000000)) $(($(wc -c < "$W/leads-b64.ndjson") / 1000000)) "$REPEAT"
printf '  %-48s %8s %10s %9s %7s\n' "" "CPU s" "us/lead" "leads/s" "wall s"
row() { printf '  %-48s %8.2f %10s %9s %7.1f\n' "$1" "$2" "$(per "$2" "$3")" "$(rate "$2" "$3")" "$4"; }
row "jq program (cosine + mapping)" "$jq_cpu" "$N" "$jq_wall"
row "score --method baseline, before" "$base_today_cpu" "$N" "$base_today_wall"
row "score --method baseline" "$base_cpu" "$N" "$base_wall"
row "score --method baseline, base64 vectors" "$b64_cpu" "$N" "$b64_wall"
row "score (structured), before: $SAMPLE-lead sample" "$st_today_cpu" "$SAMPLE" "$st_today_wall"
row "score (structured), same sample (warm)" "$st_sample_cpu" "$SAMPLE" "$st_sample_wall"
row "score (structured), cold: titles encoded" "$cold_cpu" "$N" "$cold_wall"
row "score (structured), warm: title vectors cached" "$warm_cpu" "$N" "$warm_wall"
printf '  spread: jq %s; baseline %s; before %s; warm %s\n' "$(spread jq)" "$(spread base)" "$(spread base_today)" "$(spread warm)"
printf '  ratios (CPU):\n'
printf '    baseline   vs jq: %6sx   vs before: %6sx   base64 vs JSON vectors: %sx\n' \
	"$(ratio "$jq_cpu" "$base_cpu")" "$(ratio "$base_today_cpu" "$base_cpu")" "$(ratio "$base_cpu" "$b64_cpu")"
printf '    structured vs jq: %6sx warm, %sx cold   vs before (per lead): %sx warm, %sx cold, %sx on the sample\n' \
	"$(ratio "$jq_cpu" "$warm_cpu")" "$(ratio "$jq_cpu" "$cold_cpu")" \
	"$(awk -v t="$st_today_us" -v c="$warm_cpu" -v n="$N" 'BEGIN { printf "%.2f", t / (c / n * 1e6) }')" \
	"$(awk -v t="$st_today_us" -v c="$cold_cpu" -v n="$N" 'BEGIN { printf "%.2f", t / (c / n * 1e6) }')" \
	"$(ratio "$st_today_cpu" "$st_sample_cpu")"
printf '  peak memory: baseline %s MB at %d leads, %s MB at %d; structured %s MB at %d, %s MB at %d\n' \
	"$(mb "$base_tenth_kb")" $((N / 10)) "$(mb "$base_kb")" "$N" "$(mb "$warm_tenth_kb")" $((N / 10)) "$(mb "$warm_kb")" "$N"
printf '  output vs before: baseline %s (all %d); structured vs whole-line parse %s (the sample); cold vs warm %s\n' \
	"$same_base" "$N" "$same_st" "$same_warm"
printf '  largest icp_score difference: vs jq %s, base64 vs JSON vectors %s (float32 exact vs 7 digits)\n' "$d_jq" "$d_b64"
[ "$same_base" = identical ] && [ "$same_st" = identical ] && [ "$same_warm" = identical ] ||
	fail "the output differs from before"

# Local end to end on the demo profiles (25, repeated to 500).
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' pipelines/demo/profiles.json > "$W/l1"
bin/scrape -q --from-dataset pipelines/demo/profiles.json < "$W/l1" > "$W/e1" || fail "scrape failed"
i=0; : > "$W/e20"
while [ $i -lt 20 ]; do jq -c --arg i "$i" '.id += "-" + $i | .headline += " #" + $i' "$W/e1" >> "$W/e20"; i=$((i + 1)); done
lines_are "$W/e20" 500
timed e2e "bin/embed -q < '$W/e20' | bin/classify -q | bin/score -q $ICP | bin/rerank -q $ICP > '$W/e2e.out'"
lines_are "$W/e2e.out" 500
printf 'local end to end (embed + classify + score + rerank, cold cache): 500 profiles in %.1f s wall, %.1f s CPU = %.1f profiles/s\n' \
	"$e2e_wall" "$e2e_cpu" "$(awk -v w="$e2e_wall" 'BEGIN { print 500 / w }')"
