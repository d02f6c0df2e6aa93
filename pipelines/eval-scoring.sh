#!/bin/sh
# eval-scoring.sh: every scoring configuration on the labelled set (tests/data/eval), offline, rich and sparse.
# usage: pipelines/eval-scoring.sh [OUTDIR]   (default .build/eval-scoring)
# (bin/eval is called by path: `eval` is also a shell builtin.)
#
# Configurations: baseline (the original whole-text cosine) and structured,
# each with and without the local rerank, and structured with the local
# classify before scoring ("+classify"; the baseline ignores classify, so
# baseline+classify is left out). structured+classify+rerank is the default.
# Shapes: "rich" (tests/data/eval/profiles.json) and "sparse"
# (profiles-sparse.json: no industry, head counts or employment types), each
# with its own cache (scrape serves cached profiles by id, so the shapes must
# not share one). For every shape, configuration and split,
# OUTDIR/SHAPE/CONF.SPLIT.json holds eval --json with bootstrap intervals,
# the leave-one-ICP-out report and the unseen ICPs' mean apart; one line per
# ICP (NDCG@10, P@10, AUC) is printed. tests/eval_report.py OUTDIR turns
# them into the tables of docs/quality.md.
#
# Environment: LQ_EVAL_SPLITS (default "tune held-out"; while tuning set it
# to "tune" so the held-out part is never looked at; "held-out-2", the
# second held-out part, is measured once and only when named here, with
# LQ_EVAL_UNSEEN=Chambrelis,Aislewise, and "held-out-3" to "held-out-6",
# the third to sixth, the same way with their ICPs (Surcova,Torquelane;
# Sitecadence,Canteira; Dossierwerk,Scopewise; Bilansio,Clairvane):
# docs/quality.md), LQ_EVAL_SHAPES
# (default "rich sparse"), LQ_EVAL_BOOTSTRAP (resamples, default 1000; 0
# for none), LQ_EVAL_SEED (default 1), LQ_EVAL_UNSEEN (the ICPs the rules
# were not written for, comma-separated; default the four added with
# issue 13), LQ_EVAL_REUSE=1 (measure the scored files already in OUTDIR,
# run no pipeline stage). OUTDIR/SHAPE/compare.SPLIT.json holds eval
# --compare of the original method (A) and the default (B). Needs the
# model (make model).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
ev=$top/tests/data/eval
out=${1:-$top/.build/eval-scoring}
splits=${LQ_EVAL_SPLITS:-tune held-out}
shapes=${LQ_EVAL_SHAPES:-rich sparse}
boot=${LQ_EVAL_BOOTSTRAP:-1000}
seed=${LQ_EVAL_SEED:-1}
unseen=${LQ_EVAL_UNSEEN:-Fernbridge,Signalcast,Palletra,Prüfwerk}
PATH=$top/bin:$PATH
export PATH
: "${LQ_MODEL_DIR:=${XDG_CACHE_HOME:-$HOME/.cache}/lq/models/all-MiniLM-L6-v2}"
export LQ_MODEL_DIR
# num WIDTH DECIMALS X: X printed as a number, or n/a when undefined (null:
# an ICP with no relevant lead in the split, as in held-out-2).
num() {
	if [ "$3" = null ]; then printf " %${1}s" n/a; else printf " %${1}.${2}f" "$3"; fi
}
confs="baseline baseline+rerank structured structured+rerank structured+classify structured+classify+rerank"
bootopt=
[ "$boot" -gt 0 ] && bootopt="--bootstrap $boot --seed $seed"

for shape in $shapes; do
	[ "${LQ_EVAL_REUSE:-0}" = 1 ] && break
	case $shape in
	rich) data=$ev/profiles.json ;;
	sparse) data=$ev/profiles-sparse.json ;;
	*) echo "eval-scoring.sh: unknown shape '$shape' (rich or sparse)" >&2; exit 2 ;;
	esac
	d=$out/$shape
	mkdir -p "$d"
	LQ_CACHE_DIR=$out/cache.$shape
	export LQ_CACHE_DIR
	jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, status: "discovered"}' \
		"$data" > "$d/leads.ndjson"
	scrape -q --from-dataset "$data" < "$d/leads.ndjson" | embed -q > "$d/embedded.ndjson"
	classify -q < "$d/embedded.ndjson" > "$d/classified.ndjson"
	for in in embedded classified; do
		c=
		[ "$in" = classified ] && c=+classify
		for m in baseline structured; do
			[ "$m$c" = baseline+classify ] && continue
			: > "$d/$m$c.ndjson"
			: > "$d/$m$c+rerank.ndjson"
			for icp in "$ev"/icp-*.json; do
				score -q --method "$m" "$icp" < "$d/$in.ndjson" > "$d/scored.tmp"
				cat "$d/scored.tmp" >> "$d/$m$c.ndjson"
				rerank -q "$icp" < "$d/scored.tmp" >> "$d/$m$c+rerank.ndjson"
			done
		done
	done
	rm -f "$d/scored.tmp"
done

printf '%-6s %-28s %-8s %-10s %7s %5s %6s\n' shape configuration split ICP NDCG@10 P@10 AUC
for shape in $shapes; do
	for split in $splits; do
		# shellcheck disable=SC2086
		"$top/bin/eval" -q --json --compare $bootopt --split "$split" "$ev/labels.ndjson" \
			"$out/$shape/baseline.ndjson" "$out/$shape/structured+classify+rerank.ndjson" > "$out/$shape/compare.$split.json"
	done
	for c in $confs; do
		for split in $splits; do
			# shellcheck disable=SC2086
			"$top/bin/eval" -q --json $bootopt --leave-one-out --unseen "$unseen" --split "$split" \
				"$ev/labels.ndjson" "$out/$shape/$c.ndjson" > "$out/$shape/$c.$split.json"
			jq -r --arg c "$c" --arg s "$split" --arg h "$shape" '(.icps[], .overall) |
				"\($h) \($c) \($s) \(.icp) \(.["ndcg@10"]) \(.["p@10"]) \(.auc)"' "$out/$shape/$c.$split.json" |
				while read -r h a b i n p u; do
					printf '%-6s %-28s %-8s %-10s' "$h" "$a" "$b" "$i"
					num 7 3 "$n"; num 5 2 "$p"; num 6 3 "$u"; echo
				done
		done
	done
done
