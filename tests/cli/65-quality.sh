#!/bin/sh
# 65-quality: the default configuration on the labelled set, rich and sparse, tune and held-out, stays within the margin of its recorded floor.
. "$(dirname "$0")/../lib.sh"

# The real model is needed: fail loudly, never skip.
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	echo "not ok 1 - 65-quality: no model in $LQ_MODEL_DIR (run \`make model\`)"
	exit 1
fi
# The figures do not depend on the build; under ASan the pipeline takes
# three times as long, so the gate runs on the default build only.
if [ "${LQ_VARIANT:-default}" != default ]; then
	echo "ok 1 - 65-quality: # SKIP the gate runs on the default build only"
	exit 0
fi
E=$DATA/eval
B=$E/baseline.json
export E B

# Embeddings depend on the model and the profile text only (that is their
# cache key), so they are kept between runs in LQ_QUALITY_CACHE (default
# .build/quality-cache; "fresh" for a new cache every run). Every stage
# that applies rules (scrape's choice of source, classify, score, rerank)
# runs with --refresh: a changed rule is always measured.
case ${LQ_QUALITY_CACHE:-} in
fresh) QC=$T/quality-cache ;;
'') QC=$TOP/.build/quality-cache ;;
*) QC=$LQ_QUALITY_CACHE ;;
esac

# The default pipeline (pipelines/qualify.sh with no lq.conf): scrape, embed,
# classify, score and rerank with their default options, one run per ICP,
# for each shape, the two shapes side by side (each with its own cache:
# scrape would serve one shape's cached profiles to the other).
run_shape() { # shape profiles-file
	LQ_CACHE_DIR=$QC/$1
	export LQ_CACHE_DIR
	jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, status: "discovered"}' \
		"$2" > "$1.leads.ndjson" &&
	scrape -q --refresh --from-dataset "$2" < "$1.leads.ndjson" | embed -q | classify -q --refresh > "$1.classified.ndjson" &&
	: > "$1.default.ndjson" || return 1
	for icp in "$E"/icp-*.json; do
		score -q --refresh "$icp" < "$1.classified.ndjson" | rerank -q --refresh "$icp" >> "$1.default.ndjson" || return 1
	done
	if [ "$1" = rich ]; then
		: > baseline.ndjson
		for icp in "$E"/icp-*.json; do
			score -q --refresh --method baseline "$icp" < "$1.classified.ndjson" >> baseline.ndjson || return 1
		done
	fi
}
(run_shape rich "$E/profiles.json" > rich.log 2>&1; echo $? > rich.status) &
(run_shape sparse "$E/profiles-sparse.json" > sparse.log 2>&1; echo $? > sparse.status) &
wait
npeople=$(jq length "$E/profiles.json")
nicps=$(ls "$E"/icp-*.json | wc -l)
for shape in rich sparse; do
	ok "the default pipeline ran on the $shape profiles (every stage exit 0, nothing on stderr)" \
		"test \"\$(cat $shape.status)\" = 0 && test ! -s $shape.log || { cat $shape.log; exit 1; }"
	ok "... and wrote every person once per ICP, none failed ($nicps x $npeople)" \
		"jq -s -e 'length == $nicps * $npeople and all(.[]; .status != \"failed\" and (.icp_score | type) == \"number\")' $shape.default.ndjson"
done

# gate FILE SHAPE: prints every (split, ICP, metric) of baseline.json's
# figures for SHAPE that FILE's eval falls below by more than the margin;
# exit 1 if any. Only the splits baseline.json has figures for are
# measured: the second held-out part, "held-out-2" (two ICPs and their
# people, tests/data/eval/people_ho2.py), has figures for its two ICPs
# only, recorded after its second measurement (docs/quality.md); the
# third, "held-out-3" (people_ho3.py), has figures for its two ICPs,
# recorded after its measurement of 2026-12-07, and so has the fourth,
# "held-out-4" (people_ho4.py), and the fifth, "held-out-5" (people_ho5.py),
# after its measurement of the same day; the sixth, "held-out-6"
# (people_ho6.py), has none yet. A split with no figures is not gated.
cat > gate.sh <<'GATE'
set -eu
: > "ev.${1%.ndjson}.splits.ndjson"
for split in $(jq -r '[.figures[] | keys[]] | unique[]' "$B"); do
	"$LQ_BIN/eval" -q --json --split "$split" "$E/labels.ndjson" "$1" > "ev.${1%.ndjson}.$split.json"
	jq -c --arg s "$split" '{($s): .}' "ev.${1%.ndjson}.$split.json" >> "ev.${1%.ndjson}.splits.ndjson"
done
jq -n -r --arg shape "$2" --slurpfile b "$B" --slurpfile r "ev.${1%.ndjson}.splits.ndjson" '
	$b[0] as $b | ($r | add) as $r |
	[$b.figures[$shape] | to_entries[] | .key as $s | .value | to_entries[] | .key as $i |
	 .value | to_entries[] | .key as $m | .value as $want |
	 ([$r[$s].icps[] | select(.icp == $i) | .[$m]] | first) as $got |
	 select($got == null or $got < $want - $b.margin[$m]) |
	 "\($shape) \($s) \($i) \($m): \($got) is below \($want) - \($b.margin[$m])"] |
	if length == 0 then empty else (join("\n") + "\n" | halt_error(1)) end'
GATE

# The ICPs judged in each of the tune and held-out parts: a tune-only ICP
# (Kibbleway, Flottarif: every judgment in tune) has a floor in tune only;
# the own ICPs of held-out-2, -3, -4 and -5 are judged in their part only.
tune_icps=$(jq -r 'select(.split == "tune") | .icp' "$E/labels.ndjson" | sort -u | tr '\n' ' ')
heldout_icps=$(jq -r 'select(.split == "held-out") | .icp' "$E/labels.ndjson" | sort -u | tr '\n' ' ')
ok "baseline.json names the default configuration and covers every ICP judged in tune and every one judged in held-out x 2 shapes x 3 metrics" \
	"jq -e --arg t '$tune_icps' --arg h '$heldout_icps' '
		def icps(\$s): \$s | split(\" \") | map(select(. != \"\")) | sort;
		.configuration == \"structured+classify+rerank\" and
		all(.figures[]; (.tune | keys | sort) == icps(\$t) and (.[\"held-out\"] | keys | sort) == icps(\$h)) and
		(icps(\$t) | length) > 0 and (icps(\$h) | length) > 0 and
		all(.figures[][][]; length == 3) and
		(.figures | keys == [\"rich\", \"sparse\"]) and .margin[\"ndcg@10\"] <= 0.05' '$B'"
ok "the default (structured, classify, local rerank) on the rich profiles is within the margin of its floor on every ICP, split and metric" \
	"sh gate.sh rich.default.ndjson rich"
ok "the default on the sparse profiles is within the margin of its floor on every ICP, split and metric" \
	"sh gate.sh sparse.default.ndjson sparse"
# The gate can fail: the original method is far below the recorded figures.
status "the original method (score --method baseline) fails the gate" 1 "sh gate.sh baseline.ndjson rich"
# Rows of docs/quality.md's table of the default: "| rich | held-out | Ledgerline | 0.869 | 1.00 | 0.986 |".
ok "docs/quality.md records the same floor as baseline.json" \
	"jq -r '.figures | to_entries[] | .key as \$h | .value | to_entries[] | .key as \$s | .value | to_entries[] |
		[\$h, \$s, .key, .value[\"ndcg@10\"], .value[\"p@10\"], .value.auc] | @tsv' '$B' |
	while IFS='	' read -r h s i n p a; do
		row=\$(printf '| %s | %s | %s | %.3f | %.2f | %.3f |' \"\$h\" \"\$s\" \"\$i\" \"\$n\" \"\$p\" \"\$a\")
		grep -qF -- \"(floor) \$row\" '$TOP/docs/quality.md' || { echo \"not in docs/quality.md: \$row\"; exit 1; }
	done"

# The tune ICPs written in French, Spanish and German (tests/data/eval/
# translated/LANG, the same clients and so the same judgments): the
# structured score reads an ICP in those languages nearly as well as in
# English. On the tune part, each language's mean NDCG@10 is within 0.03
# and its mean AUC within 0.015 of the same English ICPs' on the same profiles,
# and no ICP's AUC is below 0.94 (docs/quality.md, "ICPs in other
# languages"; before the vocabulary of those languages' industry names and
# titles, sparse French Fernbridge had 0.934).
cat > translated.sh <<'TR'
set -eu
shape=$1
# the English side: the ICPs that have translations (not the tune-only ones)
jq -s -c '[.[].client] | unique' "$E"/translated/*/icp-*.json > tr.clients.json
jq -c --slurpfile c tr.clients.json 'select(.icp as $i | $c[0] | index($i))' "$shape.default.ndjson" > "tr.$shape.en.ndjson"
"$LQ_BIN/eval" -q --json --split tune "$E/labels.ndjson" "tr.$shape.en.ndjson" > "tr.$shape.en.json"
jq -e '[.icps[] | select(.auc != null)] | length == 7' "tr.$shape.en.json" > /dev/null || { echo "$shape en: not 7 ICPs"; exit 1; }
for lang in fr es de; do
	: > "tr.$shape.$lang.ndjson"
	for icp in "$E"/translated/$lang/icp-*.json; do
		score -q "$icp" < "$shape.classified.ndjson" | rerank -q "$icp" >> "tr.$shape.$lang.ndjson"
	done
	"$LQ_BIN/eval" -q --json --split tune "$E/labels.ndjson" "tr.$shape.$lang.ndjson" > "tr.$shape.$lang.json"
	jq -n -r --arg l "$lang" --arg h "$shape" --slurpfile en "tr.$shape.en.json" --slurpfile t "tr.$shape.$lang.json" '
		$en[0].overall as $e | $t[0] as $t |
		([$t.icps[] | select(.auc != null)] | length) as $n |
		[ (if $n != 7 then "\($h) \($l): \($n) ICPs measured, not 7" else empty end),
		  (if $t.overall["ndcg@10"] < $e["ndcg@10"] - 0.03 then "\($h) \($l): mean NDCG@10 \($t.overall["ndcg@10"]) is below English \($e["ndcg@10"]) - 0.03" else empty end),
		  (if $t.overall.auc < $e.auc - 0.015 then "\($h) \($l): mean AUC \($t.overall.auc) is below English \($e.auc) - 0.015" else empty end),
		  ($t.icps[] | select(.auc != null and .auc < 0.94) | "\($h) \($l) \(.icp): AUC \(.auc) is below 0.94") ] |
		if length == 0 then empty else (join("\n") + "\n" | halt_error(1)) end'
done
TR
ok "the tune ICPs translated into French, Spanish and German (tests/data/eval/translated), on the rich profiles, stay within the margin of the English ones" \
	"sh translated.sh rich"
ok "... and on the sparse profiles" "sh translated.sh sparse"
ok "every translated ICP names the same client as an English tune ICP and is valid" \
	"for f in \"\$E\"/translated/*/icp-*.json; do
		jq -e --slurpfile o \"\$E/\$(basename \"\$f\")\" '.client == \$o[0].client' \"\$f\" >/dev/null &&
		icp -q check \"\$f\" >/dev/null || { echo \"\$f\"; exit 1; }
	done"

# issue 13's targets, reported beside the floor (not enforced yet): shown
# when this script is run by hand, `sh tests/cli/65-quality.sh`.
for shape in rich sparse; do
	jq -r --arg shape "$shape" --slurpfile b "$B" '$b[0].targets as $t |
		"# \($shape) held-out: mean NDCG@10 \(.overall["ndcg@10"] * 1000 | round / 1000) (target \($t["mean ndcg@10"]))",
		(.icps[] | "#   \(.icp): NDCG@10 \(.["ndcg@10"] * 1000 | round / 1000) (\($t["ndcg@10"])), P@10 \(.["p@10"] * 100 | round / 100) (\($t["p@10"])), AUC \(.auc * 1000 | round / 1000) (\($t.auc))" +
		 (if .["ndcg@10"] < $t["ndcg@10"] or .["p@10"] < $t["p@10"] or .auc < $t.auc then "  below target" else "" end))' \
		"ev.$shape.default.held-out.json" 2>/dev/null
done
done_testing
