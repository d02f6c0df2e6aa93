#!/bin/sh
# 70-score: score icp.json: both methods on the demo data, title evidence, knock-outs, bad input of every kind.
. "$(dirname "$0")/../lib.sh"

# The real model is needed: fail loudly, never skip.
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	echo "not ok 1 - 70-score: no model in $LQ_MODEL_DIR (run \`make model\`)"
	exit 1
fi
D=$TOP/pipelines/demo
S=$DATA/score
export D S

# The card's shortest pipeline (no classify, no rerank) on the demo data.
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > leads.ndjson
scrape --from-dataset "$D/profiles.json" < leads.ndjson > enriched.ndjson 2>/dev/null
embed < enriched.ndjson > embedded.ndjson 2>/dev/null

ok 'structured: records in = records out, all qualified' \
	'score "$D/icp.json" < embedded.ndjson > s.ndjson && test $(wc -l < s.ndjson) -eq 25 && test $(jq -r .status s.ndjson | sort -u) = qualified'
expect 'structured: the CPO at a SaaS scaleup is tier A, with a checkable reason' \
	'jq -r "select(.current_job_titles[0] == \"Chief People Officer\" and .company == \"Tallyfold\") | .tier, .match_reasoning" s.ndjson' <<-'EOF'
	A
	Chief People Officer ~ Chief People Officer (1.00); Computer Software ~ B2B software (1.00); scaleup; keywords: payroll, HRIS, people operations, employee experience
	EOF
expect 'structured: recruiters and the payroll vendor account executive are knocked out' \
	'jq -r "select(.components.exclude.knocked_out) | [.current_job_titles[0], .tier, (.icp_score <= 5)] | @tsv" s.ndjson' <<-'EOF'
	Account Executive	D	true
	Talent Acquisition Partner	D	true
	EOF
expect 'structured: translated titles meet the English targets' \
	'jq -r "select(.current_job_titles[0] == \"Personalleiter\" or .current_job_titles[0] == \"Directrice des Ressources Humaines\") | [.components.title.lead, .components.title.value] | @tsv" s.ndjson' <<-'EOF'
	Directrice des Ressources Humaines	1
	Personalleiter	1
	EOF
ok 'structured: score_version, tier and components on every record' \
	'jq -e "select(.score_version != \"structured-1\" or (.tier | test(\"^[ABCD]$\") | not) or (.components.title.value == null) or .icp_score < 0 or .icp_score > 100)" s.ndjson > bad; test ! -s bad'
ok 'structured: scores are absolute (one lead scores the same alone as in the batch)' \
	'sed -n 12p embedded.ndjson | score "$D/icp.json" 2>/dev/null | jq .icp_score > one && sed -n 12p s.ndjson | jq .icp_score | cmp - one'
ok 'structured: leads never embedded are scored from text' \
	'score "$D/icp.json" < enriched.ndjson 2>/dev/null | jq -r .status | sort -u | grep -qx qualified'

ok 'baseline: 25 scored in 30..100, version baseline-1' \
	'score --method baseline "$D/icp.json" < embedded.ndjson > b.ndjson && test $(jq "select(.icp_score >= 30 and .icp_score <= 100 and .score_version == \"baseline-1\")" b.ndjson | jq -s length) -eq 25'
ok 'baseline: the method comes from LQ_SCORE_METHOD too' \
	'LQ_SCORE_METHOD=baseline score "$D/icp.json" < embedded.ndjson 2>/dev/null | head -1 | jq -e ".score_version == \"baseline-1\""'
expect 'baseline: leads without embeddings fail (no record lost) and say why' \
	'score --method baseline "$D/icp.json" < enriched.ndjson 2>/dev/null | jq -r "[.status, .error.code] | @tsv" | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	25 failed	no_embedding
	EOF
head -3 embedded.ndjson > mixed.ndjson
sed -n 4p embedded.ndjson | jq -c '.embedding_model = "openai:text-embedding-3-small"' >> mixed.ndjson
sed -n 5p embedded.ndjson | jq -c '.embedding = .embedding[0:10]' >> mixed.ndjson
sed -n 6p embedded.ndjson | jq -c '.embedding[3] = "x"' >> mixed.ndjson
echo '{"id":"gone","status":"failed","error":{"stage":"scrape","code":"private","message":"m"}}' >> mixed.ndjson
echo 'not json' >> mixed.ndjson
expect 'baseline: mixed models, short and bad vectors fail per record; failed records pass through' \
	'score --method baseline "$D/icp.json" < mixed.ndjson 2>/dev/null | jq -r "[.status, .error.code // \"-\", .error.stage // \"-\"] | @tsv"' <<-'EOF'
	qualified	-	-
	qualified	-	-
	qualified	-	-
	failed	mixed_models	score
	failed	bad_embedding	score
	failed	bad_embedding	score
	failed	private	scrape
	failed	invalid_json	score
	EOF
stderr_has 'baseline: the mixed-model message names both models' \
	'openai:text-embedding-3-small differs from local:all-MiniLM-L6-v2' \
	'score --method baseline "$D/icp.json" < mixed.ndjson > /dev/null'
status '--strict: exit 1 when a record failed here' 1 'score --strict --method baseline "$D/icp.json" < mixed.ndjson > /dev/null 2>&1'

# Title evidence on hand-made leads (tests/data/score).
expect 'titles: abbreviations, translations, hiring calls, students' \
	'score "$S/icp-finance.json" < "$S/titles.ndjson" 2>/dev/null | jq -r "[.id, .tier, (.components.exclude.knocked_out | tostring), .components.title.target] | @tsv"' <<-'EOF'
	cfo-en	A	false	CFO
	cfo-fr	A	false	Finance Director
	cfo-de	B	false	Head of Finance
	recruiter	D	true	Finance Director
	recruiter2	D	true	Finance Director
	student	D	false	Head of Finance
	engineer	D	false	Head of Finance
	card-only	C	false	Finance Director
	EOF
expect 'titles: the reasoning line' \
	'score "$S/icp-finance.json" < "$S/titles.ndjson" 2>/dev/null | head -1 | jq -r .match_reasoning' <<-'EOF'
	Chief Financial Officer ~ CFO (1.00); Fintech ~ Financial technology (1.00); startup; keywords: FP&A, month-end close
	EOF
echo '{"id":"empty","status":"enriched"}' > empty.ndjson
expect 'a lead with nothing to score fails with a reason' \
	'score "$S/icp-finance.json" < empty.ndjson 2>/dev/null | jq -r .error.message' <<-'EOF'
	empty: no title, headline or profile to score
	EOF

# The whole pipeline, offline, from the followers page to the CSV.
ok 'pipeline: extract-urls | scrape | embed | score | rerank | to-csv on the demo data' \
	'extract-urls "$D/followers.html" 2>/dev/null | scrape --from-dataset "$D/profiles.json" 2>/dev/null | embed 2>/dev/null | score "$D/icp.json" 2>/dev/null | rerank "$D/icp.json" 2>/dev/null | to-csv --full --all > leads.csv 2>/dev/null && test $(wc -l < leads.csv) -eq 26 && grep -q "Chief People Officer ~ Chief People Officer" leads.csv'
ok 'pipeline: the card'"'"'s shortest one (no classify, no rerank) gives scores in the CSV' \
	'extract-urls "$D/followers.html" 2>/dev/null | scrape --from-dataset "$D/profiles.json" 2>/dev/null | embed 2>/dev/null | score "$D/icp.json" 2>/dev/null | to-csv --full --all 2>/dev/null | grep -c ",[ABCD]," | grep -qx 25'

# Bad ICP files: lq_icp_load's messages, exit 3.
printf '{"target_titles": "CFO"}\n' > wrongtype.json
printf '{\n "target_titles": ["CFO"],\n "industries": ["SaaS"]\n}\n' > unknown.json
printf '{"client": "x"}\n' > emptyicp.json
printf '{"target_titles": [' > trunc.json
status 'bad ICP: wrong type exits 3' 3 'score wrongtype.json < /dev/null'
stderr_has 'bad ICP: wrong type is named' 'wrongtype.json: line 1: .*target_titles' 'score wrongtype.json < /dev/null'
stderr_has 'bad ICP: unknown key is named with its line' 'unknown.json: line 3: .*industries' 'score unknown.json < /dev/null'
stderr_has 'bad ICP: empty ICP is refused' 'emptyicp.json: .*(criteri|empty)' 'score emptyicp.json < /dev/null'
status 'bad ICP: truncated JSON exits 3' 3 'score trunc.json < /dev/null'
status 'missing ICP file exits 3' 3 'score nosuch.json < /dev/null'
status 'no ICP operand is a usage error' 2 'score < /dev/null'
status 'unknown method is a usage error' 2 'score --method magic "$D/icp.json" < /dev/null'
status 'a full disk is an error, not exit 0' 3 'score "$D/icp.json" < embedded.ndjson > /dev/full'
{ printf '{"target_titles":["CFO"],"notes":"'; head -c 17000000 /dev/zero | tr '\0' 'x'; printf '"}'; } > big-icp.json
status 'an ICP file over 16 MB: exit 3' 3 'score big-icp.json < /dev/null > /dev/null'
stderr_has 'an ICP file over 16 MB: named, with the reason' 'big-icp.json: larger than 16 MB: not an ICP file' 'score big-icp.json < /dev/null'
done_testing
