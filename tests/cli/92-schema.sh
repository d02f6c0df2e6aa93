#!/bin/sh
# 92-schema.sh: docs/schema/record.schema.json says what docs/schema.md says, and every
# stage's output records (local and remote backends, failed records too) validate with it.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_API_KEY LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD
SCHEMA=$TOP/docs/schema/record.schema.json
V="python3 $TOP/tests/validate.py --ndjson $SCHEMA"
DEMO=$TOP/pipelines/demo

if ! python3 -c 'import jsonschema' 2> /dev/null; then
	echo "skipped: $_script: every test: python3-jsonschema is not installed (make deps)"
	done_testing
fi
ok 'the record schema is a valid draft 2020-12 schema' \
	"python3 -c 'import json, jsonschema, sys; jsonschema.Draft202012Validator.check_schema(json.load(open(sys.argv[1])))' '$SCHEMA'"
ok 'docs/schema.md and the record schema name the same fields with the same types' \
	"python3 '$TOP/tests/schema_fields.py' '$TOP/docs/schema.md' '$SCHEMA'"

# The schema bites: records that break the contract are refused.
good='{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"discovered"}'
ok 'a discovered record validates' "echo '$good' | $V -"
while IFS='|' read -r what rec; do
	[ -n "$what" ] || continue
	ok "refused: $what" "echo '$rec' | $V - > v.out; test \$? -eq 1 && grep -q '^-:1: ' v.out"
done <<-'EOF'
	a failed record without error|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"failed"}
	an error without stage|{"status":"failed","error":{"code":"x","message":"m"}}
	an unknown status|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"done"}
	no id on a live record|{"linkedin_url":"https://www.linkedin.com/in/a/","status":"discovered"}
	a URL that is not canonical|{"id":"a","linkedin_url":"http://linkedin.com/in/a","status":"discovered"}
	icp_score over 100|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched","profile":{},"icp_score":150,"tier":"A"}
	a tier that does not match the score|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched","profile":{},"icp_score":10,"tier":"A"}
	an embedding without its model|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched","profile":{},"embedding":[0.1]}
	a scored record without components|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"qualified","profile":{},"icp_score":80,"tier":"A","match_reasoning":"x","score_version":"structured-1","icp":"x"}
	a qualified record without score_version|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"qualified","profile":{},"icp_score":80,"tier":"A","match_reasoning":"x","components":{},"icp":"x"}
	an enriched record without profile|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched"}
	a company type outside the set|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched","profile":{},"company_type":"huge"}
	current_job_titles not strings|{"id":"a","linkedin_url":"https://www.linkedin.com/in/a/","status":"enriched","profile":{},"current_job_titles":[1]}
	EOF

# extract-urls on every kind of input it reads.
for f in "$DEMO/followers.html" "$DATA"/html/*.html "$DATA/text/urls.txt" "$DATA/csv/Connections.csv"; do
	b=$(basename "$f")
	ok "extract-urls $b: its records validate" "extract-urls -q '$f' > x-$b.ndjson; $V x-$b.ndjson"
done

# The pipeline on the demo data, with lines that fail at each stage mixed in:
# a line that is not JSON, one that is not an object, a lead missing from the
# dataset (fails at scrape), a lead without a profile (passes embed and
# classify, fails at score).
extract-urls -q "$DEMO/followers.html" > 1.ndjson
{
	head -n 3 1.ndjson
	echo 'this is not json'
	echo '[1,2]'
	echo '{"id":"ghost-lead","linkedin_url":"https://www.linkedin.com/in/ghost-lead/","status":"discovered"}'
	tail -n +4 1.ndjson
} > leads.ndjson
ok 'scrape --from-dataset: its records validate (enriched and failed)' \
	"scrape -q --from-dataset '$DEMO/profiles.json' < leads.ndjson > 2.ndjson; $V 2.ndjson &&
	 test \$(jq -s 'map(select(.status == \"failed\")) | length' 2.ndjson 2>/dev/null || grep -c failed 2.ndjson) -ge 3"
ok 'scrape --cache-only: misses are failed records that validate' \
	"scrape -q --cache-only < leads.ndjson > 2c.ndjson; $V 2c.ndjson"
ok 'a hand-made enriched lead without a profile text joins the run' \
	"echo '{\"id\":\"empty-one\",\"linkedin_url\":\"https://www.linkedin.com/in/empty-one/\",\"status\":\"enriched\",\"profile\":{}}' >> 2.ndjson"
if [ -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	ok 'embed (local): its records validate' "embed -q < 2.ndjson > 3.ndjson; $V 3.ndjson"
	ok 'classify (local): its records validate' "classify -q < 3.ndjson > 4.ndjson; $V 4.ndjson"
	ok 'score (structured): its records validate (qualified and failed)' \
		"score -q '$DEMO/icp.json' < 4.ndjson > 5.ndjson; $V 5.ndjson &&
		 test \$(grep -c '\"status\":\"qualified\"' 5.ndjson) -ge 20"
	ok 'score --method baseline: its records validate' \
		"score -q --method baseline '$DEMO/icp.json' < 4.ndjson > 5b.ndjson; $V 5b.ndjson"
	ok 'rerank (local): its records validate' "rerank -q '$DEMO/icp.json' < 5.ndjson > 6.ndjson; $V 6.ndjson"
	ok 'rerank --drop-below: its records validate' "rerank -q --drop-below 50 '$DEMO/icp.json' < 5.ndjson > 6d.ndjson; $V 6d.ndjson"
	ok 'rerank of leads score never saw: its records validate' \
		"rerank -q '$DEMO/icp.json' < 4.ndjson > 6u.ndjson; $V 6u.ndjson"
	ok 'every stage kept every line: 29 records at each' \
		'for f in 2 3 4 5 6; do test $(grep -c . $f.ndjson) -eq 29 || exit 1; done'
else
	echo "skipped: $_script: the local backends' records: no model in $LQ_MODEL_DIR (lq model fetch)"
fi

# The remote backends' records (OpenAI-compatible mock on 127.0.0.1).
KEY=sk-test-SchemaKey
mock_start openai --key "$KEY" --dim 32
export OPENAI_API_KEY=$KEY
ok 'embed --backend openai --dimensions 32: its records validate' \
	"embed -q --backend openai --dimensions 32 --retry-delay 0.01 < 2.ndjson > 3o.ndjson; $V 3o.ndjson &&
	 grep -q 'openai:text-embedding-3-small@32' 3o.ndjson"
ok 'classify --backend openai: its records validate' \
	"classify -q --backend openai --retry-delay 0.01 < 3o.ndjson > 4o.ndjson; $V 4o.ndjson"
ok 'score --method baseline on openai vectors: its records validate' \
	"score -q --method baseline '$DEMO/icp.json' < 4o.ndjson > 5o.ndjson; $V 5o.ndjson &&
	 test \$(grep -c '\"status\":\"qualified\"' 5o.ndjson) -ge 20"
mock_stop
done_testing
