#!/bin/sh
# 61-eval-data: the labelled evaluation set is complete, well-formed and reproducible.
. "$(dirname "$0")/../lib.sh"

E=$TOP/tests/data/eval
# check.py prints its own ok / not ok lines; a failure makes the script fail
python3 "$E/check.py" "$E" || _failed=$((_failed + 1))
mkdir -p "$T/gen"
ok "gen.py reproduces profiles.json, profiles-sparse.json and labels.ndjson" \
	"python3 '$E/gen.py' '$T/gen' && cmp '$T/gen/profiles.json' '$E/profiles.json' &&
	 cmp '$T/gen/profiles-sparse.json' '$E/profiles-sparse.json' && cmp '$T/gen/labels.ndjson' '$E/labels.ndjson'"
ok "sparse.py makes profiles-sparse.json from profiles.json" \
	"python3 '$E/sparse.py' '$E/profiles.json' sparse.json && cmp sparse.json '$E/profiles-sparse.json'"
printf '{"a": 1}' > notarray.json
status "sparse.py refuses a file that is not an array of profiles" 1 "python3 '$E/sparse.py' notarray.json out.json"
ok "the sparse profiles load through scrape with nothing lost" \
	"jq -c '.[] | {id: .profileId, status: \"discovered\"}' '$E/profiles-sparse.json' |
	 scrape -q --from-dataset '$E/profiles-sparse.json' | jq -s -e 'length == $(jq length "$E/profiles.json") and all(.[]; .status == \"enriched\")'"
ok "every ICP file loads with jq" "for f in '$E'/icp-*.json; do jq -e .client \"\$f\" >/dev/null || exit 1; done"
# (eval is a shell builtin: the program is called by its path, or as `lq eval`)
ok "eval reads the labels file" "'$LQ_BIN/eval' '$E/labels.ndjson' </dev/null; test \$? -eq 1"
done_testing
