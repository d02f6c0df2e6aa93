#!/bin/sh
# 61-eval-data: the labelled evaluation set is complete, well-formed and reproducible.
. "$(dirname "$0")/../lib.sh"

E=$TOP/tests/data/eval
# check.py prints its own ok / not ok lines; a failure makes the script fail
python3 "$E/check.py" "$E" || _failed=$((_failed + 1))
mkdir -p "$T/gen"
ok "gen.py reproduces profiles.json and labels.ndjson" \
	"python3 '$E/gen.py' '$T/gen' && cmp '$T/gen/profiles.json' '$E/profiles.json' && cmp '$T/gen/labels.ndjson' '$E/labels.ndjson'"
ok "every ICP file loads with jq" "for f in '$E'/icp-*.json; do jq -e .client \"\$f\" >/dev/null || exit 1; done"
# (eval is a shell builtin: the program is called by its path, or as `lq eval`)
ok "eval reads the labels file" "'$LQ_BIN/eval' '$E/labels.ndjson' </dev/null; test \$? -eq 1"
done_testing
