#!/bin/sh
# calib.sh: how many judgments a calibration needs: held-out ranking of calibrations fitted on
# fewer and fewer labels of the labelled set, against the untuned score (the baseline) in the same run.
# The leads of tests/data/eval go through the default pipeline (scrape --from-dataset, embed,
# classify, score) once per ICP; reviewers.py judges them as three reviewers ("rubric": the labels'
# relevant leads; "wide": adjacent roles count too; "sized": company size matters more than the
# default weights say); bench_calib draws
# LQ_BENCH_CALIB_RUNS (default 40) subsets of each size from the fit part. docs/feedback.md
# reports the figures; LQ_CALIB_MIN_* in common/calib.h were chosen from them.
set -eu
top=$(cd "$(dirname "$0")/../.." && pwd)
ev=$top/tests/data/eval
runs=${LQ_BENCH_CALIB_RUNS:-40}
make -s -C "$top" .build/default/tests/bench/bench_calib
work=$(mktemp -d "${TMPDIR:-/tmp}/lq-bench-calib.XXXXXX")
trap 'rm -rf "$work"' EXIT
: "${LQ_MODEL_DIR:=${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}"
LQ_CACHE_DIR=$work/cache
export LQ_CACHE_DIR LQ_MODEL_DIR
jq -c '.[] | {id: (.profileId // .publicIdentifier), public_identifier: .publicIdentifier, status: "discovered"}' \
	"$ev/profiles.json" | scrape -q --from-dataset "$ev/profiles.json" | embed -q | classify -q > "$work/classified.ndjson"
for icp in "$ev"/icp-*.json; do
	# the ICPs of held-out-2, -3, -4 ... (judged there only) are measured once, never calibrated on
	jq -n -e --arg c "$(jq -r .client "$icp")" 'any(inputs; .icp == $c and (.split | startswith("held-out-") | not))' \
		"$ev/labels.ndjson" > /dev/null || continue
	score -q "$icp" < "$work/classified.ndjson" > "$work/scored.ndjson"
	hash=$(review -q "$icp" < "$work/scored.ndjson" | grep -o '"icp_hash":"[0-9a-f]*"' | head -n 1 | cut -d'"' -f4)
	for r in rubric wide sized; do
		python3 "$top/tests/data/feedback/reviewers.py" "$r" "$(jq -r .client "$icp")" "$hash" > "$work/fb.ndjson"
		echo "-- reviewer $r"
		"$top/.build/default/tests/bench/bench_calib" "$work/scored.ndjson" "$work/fb.ndjson" "$icp" "$runs" \
			5 10 15 20 30 40 60 1000
	done
done
