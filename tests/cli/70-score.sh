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
expect 'structured: the CPO at a SaaS scaleup of 420 staff is tier A, with a checkable reason (by head count, mid-market: company-sizes.vocab)' \
	'jq -r "select(.current_job_titles[0] == \"Chief People Officer\" and .company == \"Tallyfold\") | .tier, .match_reasoning" s.ndjson' <<-'EOF'
	A
	Chief People Officer ~ Chief People Officer (1.00); Computer Software ~ B2B software (1.00); mid-market; keywords: payroll, HRIS, people operations, employee experience
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
# score's run memos (titles analysed, title cosines) start over when full;
# with room for two entries they start over many times in 25 leads and the
# output is the same bytes (a start-over once freed a title twice: it
# crashed on the 100,000-lead bench); a bad LQ_SCORE_MEMO is a warning.
ok 'structured: LQ_SCORE_MEMO=2 (memos that start over every few titles) writes the same bytes' \
	'LQ_SCORE_MEMO=2 score -q "$D/icp.json" < embedded.ndjson > memo2.ndjson && score -q "$D/icp.json" < embedded.ndjson > memo0.ndjson && cmp memo0.ndjson memo2.ndjson'
ok 'structured: LQ_SCORE_MEMO=abc is named in a warning and the default is used' \
	'LQ_SCORE_MEMO=abc score -q "$D/icp.json" < embedded.ndjson 2> memo.err > memo3.ndjson && grep -q "LQ_SCORE_MEMO: .abc. is not a number" memo.err && cmp memo0.ndjson memo3.ndjson'
ok 'structured: score_version, tier and components on every record' \
	'jq -e "select((.score_version | test(\"^structured-3\\\\+vocab:[0-9a-f]{12}$\") | not) or (.tier | test(\"^[ABCD]$\") | not) or (.components.title.value == null) or .icp_score < 0 or .icp_score > 100)" s.ndjson > bad; test ! -s bad'
ok 'structured: scores are absolute (one lead scores the same alone as in the batch)' \
	'sed -n 12p embedded.ndjson | score "$D/icp.json" 2>/dev/null | jq .icp_score > one && sed -n 12p s.ndjson | jq .icp_score | cmp - one'
# One definition of a company's size: the bands of common/vocab/company-sizes.vocab,
# which classify reads too (55-classify); an override moves both and score_version.
B300=$(vocab_band "$TOP/common/vocab/company-sizes.vocab" 300)
vocab_bands_override vd
export B300
jq -c 'select(tostring | test("a 300-person SaaS scaleup"))' enriched.ndjson > p300.ndjson
ok 'structured: the 300-person lead (no classify) is in the band company-sizes.vocab gives 300, by head count' \
	'test -n "$B300" && test $(wc -l < p300.ndjson) -eq 1 && score "$D/icp.json" < p300.ndjson 2>/dev/null |
	 jq -e --arg b "$B300" ".components.company_type.lead == \$b and .components.company_type.signal == \"head count\""'
ok 'structured: an override of company-sizes.vocab moves the band (300 is enterprise there) and score_version' \
	'score "$D/icp.json" < p300.ndjson 2>/dev/null | jq -r .score_version > v1 &&
	 LQ_VOCAB_DIR=vd score "$D/icp.json" < p300.ndjson 2>/dev/null > ov && jq -r .score_version ov > v2 &&
	 jq -e ".components.company_type.lead == \"enterprise\"" ov && ! cmp -s v1 v2 &&
	 grep -Eqx "structured-3\+vocab:[0-9a-f]{12}" v1 && grep -Eqx "structured-3\+vocab:[0-9a-f]{12}" v2'
mkdir -p vdbad && { cat "$TOP/common/vocab/company-sizes.vocab"; echo "series z | huge"; } > vdbad/company-sizes.vocab
ok 'structured: a stage word of no known size in an override is fatal (3), naming the file and line' \
	'LQ_VOCAB_DIR=vdbad score "$D/icp.json" < p300.ndjson > /dev/null 2> err; test $? -eq 3 &&
	 grep -Eq "vdbad/company-sizes.vocab: line [0-9]+: a stage word and a company size" err'
ok 'structured: leads never embedded are scored from text' \
	'score "$D/icp.json" < enriched.ndjson 2>/dev/null | jq -r .status | sort -u | grep -qx qualified'

ok 'baseline: 25 scored in 30..100, version baseline-1' \
	'score --method baseline "$D/icp.json" < embedded.ndjson > b.ndjson && test $(jq "select(.icp_score >= 30 and .icp_score <= 100 and .score_version == \"baseline-1\")" b.ndjson | jq -s length) -eq 25'
ok 'baseline: the method comes from LQ_SCORE_METHOD too' \
	'LQ_SCORE_METHOD=baseline score "$D/icp.json" < embedded.ndjson 2>/dev/null | head -1 | jq -e ".score_version == \"baseline-1\""'
expect 'baseline: a run never embedded passes every lead on unchanged (stage order, exit 7 in 45-stage-order)' \
	'score --method baseline "$D/icp.json" < enriched.ndjson 2>/dev/null | jq -r "[.status, .error.code] | @tsv" | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	25 enriched	
	EOF
expect 'baseline: after an embedded first lead, a lead without an embedding fails (no record lost) and says why' \
	'{ head -1 embedded.ndjson; sed -n 2,3p enriched.ndjson; } | score --method baseline "$D/icp.json" 2>/dev/null | jq -r "[.status, .error.code // \"-\"] | @tsv"' <<-'EOF'
	qualified	-
	failed	no_embedding
	failed	no_embedding
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
	cfo-de	A	false	Head of Finance
	recruiter	D	true	Finance Director
	recruiter2	D	true	Finance Director
	student	D	false	Finance Director
	engineer	D	false	Head of Finance
	card-only	A	false	Finance Director
	EOF
expect 'titles: the reasoning line' \
	'score "$S/icp-finance.json" < "$S/titles.ndjson" 2>/dev/null | head -1 | jq -r .match_reasoning' <<-'EOF'
	Chief Financial Officer ~ CFO (1.00); Fintech ~ Financial technology (1.00); startup; keywords: FP&A, month-end close
	EOF
expect 'titles: a one-title lead closer to a target than to an exclusion of the same function is not knocked out' \
	'score "$S/icp-knockout.json" < "$S/knockout.ndjson" 2>/dev/null | jq -r "[.id, (.components.exclude.knocked_out | tostring), .components.title.value, .components.exclude.value] | @tsv"' <<-'EOF'
	sales-manager	false	1	0.8
	account-executive	true	0.8	1
	recruiter	true	0.1	1
	EOF
expect 'industry: the company'"'"'s own words refine a coarse LinkedIn industry they are related to (or its name before classify, or one that names no industry: Consumer Services), not an unrelated one' \
	'score "$S/icp-revenue.json" < "$S/refine.ndjson" 2>/dev/null | jq -r "[.id, .components.industry.value, .components.industry.company // \"-\"] | @tsv"' <<-'EOF'
	renter	1	Atlantique Rent |  Atlantique Rent
	travel-agency	0.5	-
	saas	0	-
	vague	1	Sarda Location | Gérant - Sarda Location (voitures & utilitaires)
	classify-off	1	Nord Utilitaires Location |  Nord Utilitaires Location
	EOF
expect 'place: a lead located only outside the places the ICP'"'"'s notes name keeps 0.6 of its score; one in them or of no known place keeps it all' \
	'score "$S/icp-revenue.json" < "$S/place.ndjson" 2>/dev/null | jq -r "[.id, .icp_score, (if .components.place then (.components.place.in | tostring) else \"-\" end)] | @tsv"' <<-'EOF'
	lyon	100	true
	malaga	60	false
	nowhere	100	-
	EOF
ok 'place: notes that name no place leave every lead whole' \
	'jq "del(.notes)" "$S/icp-revenue.json" > nonotes.json && score nonotes.json < "$S/place.ndjson" 2>/dev/null |
	 jq -e -s "map(.icp_score) == [100, 100, 100] and all(.components.place == null)"'
cat > place_of <<-'EOF'
	# notes, then a jq edit of the ICP: each lead's id, score, in, excluded
	jq --arg n "$1" ".notes = \$n | ${2:-.}" "$S/icp-revenue.json" > placeicp.json &&
	score placeicp.json < "$S/place-no.ndjson" 2>/dev/null |
	jq -r '[.id, .icp_score, (if .components.place then "\(.components.place.in) \(.components.place.excluded // false)" else "-" end)] | @tsv'
	EOF
expect 'place: a place the notes say the ICP does not work with (French) is excluded, not wanted: a lead there keeps 0.6' \
	'S="$S" sh ./place_of "Loueurs en France et en Belgique. Nous ne travaillons pas avec la Suisse."' <<-'EOF'
	lyon	100	true false
	geneva	60	false true
	malaga	60	false false
	boston	60	false false
	london	60	false false
	berlin	60	false false
	nowhere	100	-
	EOF
expect 'place: notes that name only excluded places (English: "not in the US", "no UK companies") leave every other place whole' \
	'S="$S" sh ./place_of "Car renters anywhere, but not in the US. No UK companies."' <<-'EOF'
	lyon	100	true false
	geneva	100	true false
	malaga	100	true false
	boston	60	false true
	london	60	false true
	berlin	100	true false
	nowhere	100	-
	EOF
expect 'place: a region less a country (German: "in Europa, ausgenommen Deutschland")' \
	'S="$S" sh ./place_of "Autovermieter in Europa, ausgenommen Deutschland."' <<-'EOF'
	lyon	100	true false
	geneva	100	true false
	malaga	100	true false
	boston	60	false false
	london	100	true false
	berlin	60	false true
	nowhere	100	-
	EOF
expect 'place: wanted and excluded places in one notes; a place or a negation inside another word ("Notably", "Spainish") is not one' \
	'S="$S" sh ./place_of "Car renters in Europe and North America, not Spain. Notably in France; Spainish-speaking staff."' <<-'EOF'
	lyon	100	true false
	geneva	100	true false
	malaga	60	false true
	boston	100	true false
	london	100	true false
	berlin	100	true false
	nowhere	100	-
	EOF
# Switzerland excluded, every other place whole: what two ways of saying it give.
cat > no-swiss.tsv <<-'EOF'
	lyon	100	true false
	geneva	60	false true
	malaga	100	true false
	boston	100	true false
	london	100	true false
	berlin	100	true false
	nowhere	100	-
	EOF
expect 'place: a place in the ICP'"'"'s exclusions (exclude_titles: "Switzerland") is excluded; a title naming a place ("Country Manager France") is not' \
	'S="$S" sh ./place_of "" ".exclude_titles += [\"Switzerland\", \"Country Manager France\"]"' < no-swiss.tsv
expect 'place: a bare "hors" (French) excludes the place after it, it does not want it' \
	'S="$S" sh ./place_of "Loueurs hors Suisse."' < no-swiss.tsv
expect 'place: "outside of", "excluding", "fuera de", "außerhalb" exclude; with a negation "outside" wants ("we don'"'"'t sell outside Europe", "renters outside Europe ... are not a fit")' \
	'for n in "Car renters outside of the US; excluding the UK" "Alquiladoras fuera de España, Kunden außerhalb Deutschlands" "We don'"'"'t sell outside Europe." "Renters outside Europe, brokers and resellers are not a fit."; do
	 S="$S" sh ./place_of "$n" | awk -F "\t" "{ printf \"%s=%s \", \$1, \$2 } END { print \"\" }"; done' <<-'EOF'
	lyon=100 geneva=100 malaga=100 boston=60 london=60 berlin=100 nowhere=100 
	lyon=100 geneva=100 malaga=60 boston=100 london=100 berlin=60 nowhere=100 
	lyon=100 geneva=100 malaga=100 boston=60 london=100 berlin=100 nowhere=100 
	lyon=100 geneva=100 malaga=100 boston=60 london=100 berlin=100 nowhere=100 
	EOF
# The ICP's "regions" (docs/icp.md): they decide where it sells, the notes' places are not read.
expect 'regions: include Europe less Switzerland wins over the notes (France): each lead'"'"'s reasoning says matched or not' \
	'S="$S" sh ./place_of "Loueurs en France" ".regions = {\"include\": [\"Europe\"], \"exclude\": [\"Switzerland\"]}" >r.tsv &&
	 score placeicp.json < "$S/place-no.ndjson" 2>/dev/null | jq -r "select(.components.place) | [.id, .components.place.source, (.match_reasoning | sub(\"^.*; \"; \"\"))] | @tsv" >> r.tsv && cat r.tsv' <<-'EOF'
	lyon	100	true false
	geneva	60	false true
	malaga	100	true false
	boston	60	false false
	london	100	true false
	berlin	100	true false
	nowhere	100	-
	lyon	regions	location Lyon, Auvergne-Rhône-Alpes, France: in the ICP's regions
	geneva	regions	location Genève, Suisse: in a region the ICP excludes (score x 0.6)
	malaga	regions	location Málaga, Andalucía, España: in the ICP's regions
	boston	regions	location Boston, Massachusetts, United States: outside the ICP's regions (score x 0.6)
	london	regions	location London, England, United Kingdom: in the ICP's regions
	berlin	regions	location Berlin, Deutschland: in the ICP's regions
	EOF
expect 'regions: a plain array is the include list (LATAM, an ISO code); exclude alone wants every other place; [] is anywhere' \
	'for r in "[\"LATAM\", \"es\"]" "{\"exclude\": [\"US\"]}" "[]"; do
	 S="$S" sh ./place_of "Loueurs en France" ".regions = $r" | awk -F "\t" "{ printf \"%s=%s \", \$1, \$2 } END { print \"\" }"; done' <<-'EOF'
	lyon=60 geneva=60 malaga=100 boston=60 london=60 berlin=60 nowhere=100 
	lyon=100 geneva=100 malaga=100 boston=60 london=100 berlin=100 nowhere=100 
	lyon=100 geneva=100 malaga=100 boston=100 london=100 berlin=100 nowhere=100 
	EOF
ok 'regions: a location of no known country is said, not counted' \
	'jq ".regions = [\"France\"]" "$S/icp-revenue.json" > rparis.json &&
	 echo "{\"id\":\"p\",\"status\":\"enriched\",\"current_job_titles\":[\"Revenue Manager\"],\"location\":\"Paris\"}" |
	 score rparis.json 2>/dev/null | jq -e ".icp_score == 100 and (.match_reasoning | test(\"location Paris: no country lq knows \\\\(region not counted\\\\)\"))"'
# Bad regions: score refuses the ICP (exit 3) naming the file, the line and the field.
for r in '"Spain"|regions: expected an array of places or an object' \
	'{"include": "Spain"}|regions.include: expected an array of strings, got a string' \
	'{"include": ["Spain"], "exclud": ["US"]}|regions: unknown key "exclud"' \
	'[""]|regions\[0\]: empty string' \
	'["   "]|regions\[0\]: empty string' \
	'[null]|regions\[0\]: expected a string, got null' \
	'[["Spain"]]|regions\[0\]: expected a string, got an array' \
	'["Atlantis"]|regions\[0\]: "Atlantis" is not a place lq knows' \
	'["Spain; DROP TABLE icp"]|regions\[0\]: "Spain; DROP TABLE icp" is not a place lq knows' \
	'["Spain\\u0000Portugal"]|regions\[0\]: .* is not a place lq knows' \
	'["Spain", "spain"]|regions\[1\]: "spain" is listed twice' \
	'{"include": ["Spain"], "exclude": ["España"]}|regions: "Spain" is in regions.include and "España" in regions.exclude' \
	'{"include": ["DACH"], "exclude": ["Germany", "Austria", "Switzerland"]}|regions: regions.exclude removes every place regions.include names'; do
	v=${r%%|*} pat=${r#*|}
	printf '{"target_titles": ["CFO"],\n "regions": %s}\n' "$v" > badr.json
	PAT=$pat
	export PAT
	ok "regions: $v: score exits 3 and says /$pat/ with file and line" \
		'score badr.json < "$S/place-no.ndjson" > /dev/null 2> err; test $? -eq 3 && grep -Eq "badr.json: line 2: $PAT" err || { cat badr.json err; exit 1; }'
done
awk 'BEGIN { printf "{\"target_titles\":[\"CFO\"],\"regions\":["; for (i = 0; i < 100000; i++) printf "%s\"Place %d\"", i ? "," : "", i; printf "]}\n" }' > hugeregions.json
ok 'regions: a 100,000-name array is refused quickly (more than 500 names), no crash' \
	'score hugeregions.json < /dev/null 2> err; test $? -eq 3 && grep -q "regions: 100000 names, more than 500" err'
awk 'BEGIN { s = ""; for (i = 0; i < 201; i++) s = s "x"; printf "{\"target_titles\":[\"CFO\"],\"regions\":[\"%s\"]}\n", s }' > longregion.json
ok 'regions: a 201-byte name is refused' \
	'score longregion.json < /dev/null 2> err; test $? -eq 3 && grep -q "regions: longer than 200 bytes" err'
ok 'place: an empty notes excludes nothing' \
	'S="$S" sh ./place_of "" | awk -F "\t" "\$2 != 100 { exit 1 }"'
ok 'place: the reasoning names an excluded place as one' \
	'jq ".notes = \"Pas de clients en Suisse.\"" "$S/icp-revenue.json" > placeicp2.json &&
	 score placeicp2.json < "$S/place-no.ndjson" 2>/dev/null | jq -e -s "map(select(.id == \"geneva\"))[0].match_reasoning |
	 test(\"Genève, Suisse: a place the ICP excludes \\\\(score x 0.6\\\\)\")"'
mkdir -p vdplace && sed 's/^\[places\]$/[places]\natlantis |/' "$TOP/common/vocab/places.vocab" > vdplace/places.vocab
ok 'place: a place of no code in an override is fatal (3), naming the file and line' \
	'LQ_VOCAB_DIR=vdplace score "$S/icp-revenue.json" < "$S/place.ndjson" > /dev/null 2> err; test $? -eq 3 &&
	 grep -Eq "vdplace/places.vocab: line [0-9]+: .atlantis. names no place" err'
jq '.notes += " Fleet managers are prescribers."' "$S/icp-revenue.json" > prescribers.json
expect 'titles: a role the notes name as weighing in on the purchase counts as a target of weight 0.6, the targets whole' \
	'score prescribers.json < "$S/influencer.ndjson" 2>/dev/null | jq -r "[.id, .components.title.value, .components.title.target, (.components.title.influencer // false)] | @tsv"' <<-'EOF'
	fleet	0.6	fleet managers	true
	revenue	1	Revenue Manager	false
	EOF
ok 'titles: ... and without that sentence the fleet manager is no target' \
	'score "$S/icp-revenue.json" < "$S/influencer.ndjson" 2>/dev/null | jq -e -s ".[0].components.title.value < 0.5 and .[0].components.title.influencer == null"'
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
# Evidence discipline (issue 13): a criterion with no evidence is unknown,
# left out of the weighted mean and said so, never a penalty; the
# company's own words name an industry without a LinkedIn one; "AI" in a
# coaching practice's name is no AI company; an encoder-only label too
# close to its runner-up does not count.
cat > ev.ndjson <<'EOF'
{"id":"none","status":"enriched","headline":"CFO","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B"}}
{"id":"wrong","status":"enriched","headline":"CFO","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B","industryName":"Hospitals and Health Care"}}
{"id":"words","status":"enriched","name":"C D","headline":"CFO at Paylane, the payments platform","current_job_titles":["CFO"],"profile":{"firstName":"C","lastName":"D"}}
{"id":"coach","status":"enriched","name":"E F","headline":"Founder & CFO at Clarity AI Coaching","current_job_titles":["CFO"],"profile":{"firstName":"E","lastName":"F"}}
{"id":"guess","status":"enriched","headline":"CFO","current_job_titles":["CFO"],"industry":"Fintech","industry_reasoning":"\"Scaling finance\" ~ Fintech (0.41; next Healthcare 0.38)","profile":{"firstName":"A","lastName":"B"}}
EOF
expect 'evidence: unknown industry and size are not counted (value null, said), a known wrong industry costs, the company'"'"'s words count, no AI in a coaching name, a close encoder guess does not count' \
	'score "$S/icp-finance.json" < ev.ndjson 2>/dev/null | jq -r "[.id, .components.industry.value, .components.industry.source, .components.company_type.value, (.match_reasoning | test(\"industry unknown \\\\(not counted\") | tostring)] | @tsv"' <<-'EOF'
	none		none		true
	wrong	0	profile		false
	words	1	company		false
	coach		none		true
	guess		none		true
	EOF
ok 'evidence: the lead with nothing known about its company scores above the one at a wrong industry' \
	'score "$S/icp-finance.json" < ev.ndjson 2>/dev/null | jq -se "(map({(.id): .icp_score}) | add) as \$s | \$s.none > \$s.wrong and \$s.words >= \$s.none"'
# The company's own words, without a LinkedIn industry: a product named
# right after the company in the headline, a summary sentence naming the
# company (not one about the person's own duties), an industry inside a
# compound company name; a head count in the person's language; a
# product after the company with a title segment between ("CFO @ X |
# Dyrektor Finansowy | B2B SaaS"), but not a segment with no company
# before it.
cat > words.ndjson <<'EOF'
{"id":"product","status":"enriched","name":"A B","headline":"CFO at Featherly | serverless Postgres for edge apps","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B"}}
{"id":"sentence","status":"enriched","name":"A B","headline":"CFO","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B","summary":"Keystone is a secrets manager developers like.","positions":[{"title":"CFO","companyName":"Keystone Ltd","timePeriod":{"startDate":{"year":2022,"month":1}}}]}}
{"id":"duties","status":"enriched","name":"A B","headline":"CFO","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B","summary":"At Tallyline I run finance, software and payments.","positions":[{"title":"CFO","companyName":"Tallyline","timePeriod":{"startDate":{"year":2022,"month":1}}}]}}
{"id":"compound","status":"enriched","name":"A B","headline":"CFO","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B","summary":"Kaufmännischer Leiter, 420 MA.","positions":[{"title":"CFO","companyName":"Ennstal Werkzeugmaschinen GmbH","timePeriod":{"startDate":{"year":2022,"month":1}}}]}}
{"id":"dot","status":"enriched","name":"A B","headline":"CFO @ Pendulo · Organiser of the Zurich Platform Meetup","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B"}}
{"id":"between","status":"enriched","name":"A B","headline":"CFO @ Brzozex | Dyrektor Finansowy | B2B SaaS","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B"}}
{"id":"alone","status":"enriched","name":"A B","headline":"CFO | B2B SaaS fan","current_job_titles":["CFO"],"profile":{"firstName":"A","lastName":"B"}}
EOF
expect 'evidence: the company'"'"'s product after its name, a sentence naming it (not the person'"'"'s duties), an industry inside a compound name, a head count in German' \
	'score "$S/icp-finance.json" < words.ndjson 2>/dev/null | jq -r "[.id, .components.industry.value, .components.industry.source, .components.company_type.lead] | @tsv"' <<-'EOF'
	product	1	company	unknown
	sentence	1	company	unknown
	duties		none	unknown
	compound	0	company	mid-market
	dot		none	unknown
	between	1	company	unknown
	alone		none	unknown
	EOF
# Titles (issue 13): the headline's title is read beside the position
# titles (the better wins); a retired, former or aspiring headline makes
# the person not serving; a recruiter or a vendor ("I help ...") in the
# headline is not the function they name.
cat > hl.ndjson <<'EOF'
{"id":"nordic","status":"enriched","headline":"CFO at Kvist","current_job_titles":["Økonomisjef"]}
{"id":"retired","status":"enriched","headline":"Retired CFO · golf","current_job_titles":["CFO"]}
{"id":"aspiring","status":"enriched","headline":"Aspiring CFO | Finance student","current_job_titles":["Treasurer"]}
{"id":"placing","status":"enriched","headline":"Placing CFOs & FDs into PE-backed software businesses","current_job_titles":["Director"]}
{"id":"vendor","status":"enriched","headline":"I help SaaS CFOs close the books faster","current_job_titles":["CFO"]}
{"id":"plain","status":"enriched","headline":"CFO | ex-Stripe","current_job_titles":["CFO"]}
EOF
expect 'titles: the headline title beside a title the lexicon lacks; retired and aspiring capped; a recruiter or vendor headline is not the function it names; "ex-Stripe" is a past employer' \
	'score "$S/icp-finance.json" < hl.ndjson 2>/dev/null | jq -r "[.id, (.components.title.value >= 0.9 | tostring), (.components.title.value <= 0.4 | tostring)] | @tsv"' <<-'EOF'
	nordic	true	false
	retired	false	true
	aspiring	false	true
	placing	false	true
	vendor	false	true
	plain	true	false
	EOF
# A compound title is judged by its most specific function: "Co-founder &
# CFO" is a CFO, not a co-founder, for a founders' ICP; "Co-founder & CTO"
# stays a CTO; "Founder & CEO" an executive.
echo '{"client": "F", "target_titles": ["Co-founder", "CTO"]}' > founders.json
printf '%s\n' '{"id":"cfo","status":"enriched","current_job_titles":["Co-founder & CFO"]}' \
	'{"id":"cto","status":"enriched","current_job_titles":["Co-founder & CTO"]}' \
	'{"id":"ceo","status":"enriched","current_job_titles":["Founder & CEO"]}' > compound.ndjson
expect 'titles: a compound title by its most specific function' \
	'score founders.json < compound.ndjson 2>/dev/null | jq -r "[.id, (.components.title.value >= 0.9 | tostring)] | @tsv"' <<-'EOF'
	cfo	false
	cto	true
	ceo	true
	EOF
# The primary current role decides (issue 13): a side project's
# "Co-founder", a board seat, an advisor's role keep half their value
# beside the main job (full time, named first in the headline, longest
# running); with no other role, the one role counts whole.
cat > side.ndjson <<'EOF'
{"id":"side","status":"enriched","headline":"Senior Software Engineer at Bigco","current_job_titles":["Senior Software Engineer","Co-founder"],"profile":{"firstName":"A","lastName":"B","positions":[{"title":"Senior Software Engineer","companyName":"Bigco","employmentType":"Full-time","timePeriod":{"startDate":{"year":2016,"month":3}}},{"title":"Co-founder","companyName":"Sidething","employmentType":"Part-time","timePeriod":{"startDate":{"year":2023,"month":1}}}]}}
{"id":"board","status":"enriched","current_job_titles":["Board Member","Head of Marketing"]}
{"id":"founder","status":"enriched","headline":"Co-founder at Acme","current_job_titles":["Co-founder","Advisor"]}
EOF
expect 'titles: the primary current role decides; a side project, board seat or advisor role weighs less' \
	'score founders.json < side.ndjson 2>/dev/null | jq -r "[.id, (.components.title.value >= 0.9 | tostring), (.components.title.value <= 0.5 | tostring)] | @tsv"' <<-'EOF'
	side	false	true
	board	false	true
	founder	true	false
	EOF
ok 'titles: the reasoning names the main job beside a side role' \
	'score founders.json < side.ndjson 2>/dev/null | jq -se ".[0].match_reasoning | test(\"side role beside Senior Software Engineer\")"'
# The ICP's product category (issue 13): when most of its keywords and one
# of its target industries name one group ("Pet Products"; "pet food",
# "dog treats", "cat food"), a company whose own words name another
# (granola: food; a database: software) is evidence against, even where
# a broad target ("Consumer Goods", "Food and Beverage Manufacturing")
# would match it; a company in the category, in any language, matches it.
cat > petcat.json <<'EOF'
{"client": "P", "target_titles": ["Founder", "CEO"], "target_industries": ["Consumer Goods", "Pet Products", "Food and Beverage Manufacturing", "Software Development"], "target_keywords": ["pet food", "dog treats", "cat food", "marketplace"], "notes": "Founders of pet-product brands."}
EOF
cat > petcat.ndjson <<'EOF'
{"id":"dogs","status":"enriched","headline":"Gründerin & CEO | Wolkenpfote – Bio-Hundesnacks","company":"Wolkenpfote","current_job_titles":["Gründerin & CEO"]}
{"id":"granola","status":"enriched","headline":"Founder & CEO @ Oatfield | granola and breakfast food","company":"Oatfield","current_job_titles":["Founder & CEO"]}
{"id":"db","status":"enriched","headline":"Founder & CEO @ Quarkbase | open source database","company":"Quarkbase","current_job_titles":["Founder & CEO"]}
EOF
expect 'industry: a company in another category than the one the ICP'"'"'s keywords name counts 0, whatever broad target it matches' \
	'score petcat.json < petcat.ndjson 2>/dev/null | jq -r "[.id, .components.industry.value, (.components.industry.off_category // false)] | @tsv"' <<-'EOF'
	dogs	1	false
	granola	0	true
	db	0	true
	EOF
ok 'industry: without a category in the keywords, the broad target matches as before' \
	'jq ".target_keywords = [\"marketplace\"]" petcat.json > petnocat.json &&
	 score petnocat.json < petcat.ndjson 2>/dev/null | jq -se "map(select(.id == \"granola\"))[0].components.industry | .value > 0.5 and .off_category == null"'
ok 'industry: the reasoning says the company names another category' \
	'score petcat.json < petcat.ndjson 2>/dev/null | jq -se ".[1].match_reasoning | test(\"name another category than Pet Products\")"'
# How the person describes the company they work for ("d'un éditeur SaaS
# B2B") is company evidence, and a head count in a clause naming a team
# ("l'équipe technique (35 personnes)") is the team's, not the company's.
echo '{"client": "E", "target_titles": ["CTO"], "target_industries": ["Software Development"], "company_sizes": ["startup"]}' > emp.json
echo '{"id":"fr","status":"enriched","current_job_titles":["Directeur Technique"],"company":"Fluxo","profile":{"summary":"Je dirige l'"'"'équipe technique (35 personnes) d'"'"'un éditeur SaaS B2B."}}' > emp.ndjson
expect 'industry: the company as the person describes it ("d'"'"'un éditeur SaaS B2B"); a team'"'"'s head count is no company size' \
	'score emp.json < emp.ndjson 2>/dev/null | jq -r "[.components.industry.value, .components.industry.source, .components.company_type.lead] | @tsv"' <<-'EOF'
	1	company	unknown
	EOF
# A target title of manager level two or more levels under the ICP's most
# senior target of its function names the champion, not the buyer: x0.75.
echo '{"client": "C", "target_titles": ["CFO", "VP Finance", "Financial Controller"]}' > champ.json
printf '%s\n' '{"id":"ctrl","status":"enriched","current_job_titles":["Financial Controller"]}' \
	'{"id":"cfo","status":"enriched","current_job_titles":["Chief Financial Officer"]}' > champ.ndjson
expect 'titles: a manager-level target two levels under the senior target of its function counts x0.75' \
	'score champ.json < champ.ndjson 2>/dev/null | jq -r "[.id, .components.title.value, (.components.title.champion // false)] | @tsv"' <<-'EOF'
	ctrl	0.75	true
	cfo	1	false
	EOF
ok 'titles: ... and alone among the targets it counts whole' \
	'echo "{\"client\": \"C\", \"target_titles\": [\"Financial Controller\"]}" > champ1.json &&
	 score champ1.json < champ.ndjson 2>/dev/null | jq -se ".[0].components.title.value == 1"'
# A target the notes also call a champion ("Shop-floor dispatch managers
# are champions" beside the target "Dispatch Manager") counts x0.75 too,
# even one level under the senior target; a senior target is never one.
echo '{"client": "D", "target_titles": ["Head of Transport", "Dispatch Manager"], "notes": "We sell route planning. Shop-floor dispatch managers are champions."}' > champ2.json
echo '{"client": "D", "target_titles": ["Head of Transport", "Dispatch Manager"], "notes": "We sell route planning."}' > champ3.json
printf '%s\n' '{"id":"disp","status":"enriched","current_job_titles":["Dispatch Manager"]}' \
	'{"id":"head","status":"enriched","current_job_titles":["Head of Transport"]}' > champ2.ndjson
expect 'titles: a manager-level target the notes call a champion counts x0.75' \
	'score champ2.json < champ2.ndjson 2>/dev/null | jq -r "[.id, .components.title.value, (.components.title.champion // false)] | @tsv"' <<-'EOF'
	disp	0.75	true
	head	1	false
	EOF
ok 'titles: ... and whole when the notes call nobody a champion' \
	'score champ3.json < champ2.ndjson 2>/dev/null | jq -se ".[0].components.title.value == 1"'
# Titles in languages the lexicon once lacked (issue 13): Nordic, Polish,
# German and Dutch compounds, with no English headline to help.
echo '{"client": "L", "target_titles": ["CFO", "CEO", "Head of Marketing"]}' > langs.json
for t in 'VD' 'Ekonomichef' 'Administrerende direktør' 'Toimitusjohtaja' 'Talouspäällikkö' \
	'Dyrektor finansowy' 'Prezes zarządu' 'Marketingleiter' 'Hoofd Marketing' 'Kierownik działu marketingu'; do
	jq -nc --arg t "$t" '{id: $t, status: "enriched", current_job_titles: [$t]}'
done > langs.ndjson
expect 'titles: Swedish, Norwegian, Finnish, Polish, German and Dutch titles are read' \
	'score langs.json < langs.ndjson 2>/dev/null | jq -r "[.id, .components.title.target, (.components.title.value >= 0.8 | tostring)] | @tsv"' <<-'EOF'
	VD	CEO	true
	Ekonomichef	CFO	true
	Administrerende direktør	CEO	true
	Toimitusjohtaja	CEO	true
	Talouspäällikkö	CFO	true
	Dyrektor finansowy	CFO	true
	Prezes zarządu	CEO	true
	Marketingleiter	Head of Marketing	true
	Hoofd Marketing	Head of Marketing	true
	Kierownik działu marketingu	Head of Marketing	true
	EOF
# The title and industry lexicons are data (titles.vocab, industries.vocab,
# docs/vocabulary.md): a user's file extends them, score_version says so,
# and a record of the wrong shape stops the stage naming its file and line.
echo '{"client": "F", "target_titles": ["Head of Operations"]}' > fleet.json
echo '{"id": "fleet", "status": "enriched", "current_job_titles": ["Fleet Director"]}' > fleet.ndjson
mkdir -p vt && printf '@extend\n[expand]\nfleet director | head of operations\n' > vt/titles.vocab
ok 'vocabulary: an override that extends the title lexicon lifts the title it names, and changes score_version' \
	'score fleet.json < fleet.ndjson 2>/dev/null > f1 && LQ_VOCAB_DIR=vt score fleet.json < fleet.ndjson 2>/dev/null > f2 &&
	 jq -e -n --slurpfile a f1 --slurpfile b f2 "\$b[0].components.title.value >= 0.9 and \$a[0].components.title.value < 0.6 and
	   \$b[0].icp_score > \$a[0].icp_score and \$b[0].score_version != \$a[0].score_version" > /dev/null'
ok 'vocabulary: an override of industries.vocab changes score_version too' \
	'mkdir -p vi && printf "@extend\n[words]\nfleet management | logistics\n" > vi/industries.vocab &&
	 LQ_VOCAB_DIR=vi score fleet.json < fleet.ndjson 2>/dev/null | jq -r .score_version > v3 && jq -r .score_version f1 > v1b && ! cmp -s v1b v3'
# The first-person words (first-person.vocab): a sentence naming the company with one
# is about the person's own work, not the company's industry; an override moves it
# and score_version.
echo '{"client": "F", "target_titles": ["Chief Financial Officer"], "target_industries": ["Software Development"]}' > self.json
for s in 'At Kvist I build payroll software.' "At Kvist I'm building payroll software." 'Kvist builds payroll software.' \
	'At Kvist nosotros construimos software de nóminas.'; do
	jq -nc --arg s "$s" '{id: "k", status: "enriched", current_job_titles: ["CFO"], company: "Kvist", profile: {summary: $s}}'
done > self.ndjson
expect 'first-person.vocab: sentences about the person are no industry evidence; the company'"'"'s own are' \
	'score self.json < self.ndjson 2>/dev/null | jq -r ".components.industry.source"' <<-'EOF'
	none
	none
	company
	company
	EOF
mkdir -p vp && printf '@extend\n# Spanish\nnosotros\n' > vp/first-person.vocab
ok 'first-person.vocab: an override that adds a word moves the sentence, and changes score_version' \
	'score self.json < self.ndjson 2>/dev/null > p1 && LQ_VOCAB_DIR=vp score self.json < self.ndjson 2>/dev/null > p2 &&
	 test "$(jq -r .components.industry.source p2 | tr "\n" " ")" = "none none company none " &&
	 test "$(jq -r .score_version p1 | sort -u | wc -l)" -eq 1 && ! cmp -s p1 p2 &&
	 test "$(jq -r .score_version p1 | head -n 1)" != "$(jq -r .score_version p2 | head -n 1)"'
# Keywords are matched as written: a profile in another language than the
# ICP (languages.vocab) cannot show a plain keyword's absence, so it leaves
# the keywords out, unless nothing else about the company is known; a
# keyword of no language ("SOC 2") still counts against it.
echo '{"client": "K", "target_titles": ["Founder"], "target_industries": ["Consumer Goods"], "target_keywords": ["dog treats", "pet food"], "notes": "The buyer is the founder of a brand that makes and sells its own dog treats, with the chains in view."}' > kwl.json
jq '.target_keywords += ["SOC 2"]' kwl.json > kwn.json
for s in 'Wir machen Leckerlis für Hunde aus Sachsen und sind seit 2019 im Fachhandel, bald auch bei den Ketten.' \
	'We make granola for humans and sell it to the chains from our bakery.'; do
	jq -nc --arg s "$s" '{id: "k", status: "enriched", current_job_titles: ["Founder"], profile: {industryName: "Consumer Goods", summary: $s}}'
done > kwl.ndjson
jq -c '.profile |= del(.industryName)' kwl.ndjson > kwl-bare.ndjson
expect 'keywords: a profile in another language than the ICP leaves plain keywords out; one in its language counts their absence' \
	'score kwl.json < kwl.ndjson 2>/dev/null | jq -r "[(.components.keywords.value | tostring), (.match_reasoning | test(\"the profile is in german, the ICP in english\"))] | @tsv"' <<-'EOF'
	null	true
	0	false
	EOF
ok 'keywords: ... unless nothing else about the company is known (the context keeps their 0)' \
	'score kwl.json < kwl-bare.ndjson 2>/dev/null | jq -s -e ".[0].components.keywords.value == 0 and .[0].icp_score < 50"'
ok 'keywords: ... and a keyword of no language ("SOC 2") still counts in any language' \
	'score kwn.json < kwl.ndjson 2>/dev/null | jq -s -e ".[0].components.keywords.value == 0 and .[1].components.keywords.value == 0"'
# A supplier names the ICP's category as its clients' ("for pet brands"):
# I = 0, also with no industry of its own; a maker's "for senior dogs"
# stays its own (rules5).
echo '{"client": "S", "target_titles": ["Founder"], "target_industries": ["Pet Products", "Manufacturing"], "target_keywords": ["dog treats", "cat food", "pet food"], "notes": "Founders of brands that make their own pet food."}' > sup.json
for h in 'Founder @ Crateline | recyclable labels for cat food and treat brands' \
	'Founder @ Crateline | grain-free treats for older dogs'; do
	jq -nc --arg h "$h" '{id: "s", status: "enriched", headline: $h, current_job_titles: ["Founder"], profile: {industryName: "Manufacturing", companyName: "Crateline"}}'
done > sup.ndjson
jq -c '.profile |= del(.industryName)' sup.ndjson > sup-bare.ndjson
expect 'industry: a supplier to the category scores 0 against it (components.industry.supplier); a maker for dogs matches' \
	'score sup.json < sup.ndjson 2>/dev/null | jq -r "[.components.industry.value, (.components.industry.supplier // false)] | @tsv"' <<-'EOF'
	0	true
	1	false
	EOF
expect 'industry: ... also when the company has no industry of its own (0, counted, not unknown)' \
	'score sup.json < sup-bare.ndjson 2>/dev/null | jq -r "[.components.industry.value, (.components.industry.supplier // false), (.match_reasoning | test(\"a supplier to Pet Products\"))] | @tsv"' <<-'EOF'
	0	true	true
	1	false	false
	EOF
# classify's label is coarser than the LinkedIn name it read: the name's
# groups related to the label's count ("Medical Equipment Manufacturing",
# Healthcare to classify, is medtech too); unrelated ones do not (rules5).
echo '{"client": "M", "target_titles": ["QA/RA Manager"], "target_industries": ["Diagnostica in vitro"], "notes": "Regulatory leads of medical-device makers."}' > md.json
for n in 'Medical Equipment Manufacturing' 'Hospitals and Health Care'; do
	jq -nc --arg n "$n" '{id: "m", status: "enriched", industry: "Healthcare", current_job_titles: ["QA/RA Manager"], profile: {industryName: $n}}'
done > md.ndjson
expect 'industry: the LinkedIn name refines classify'"'"'s label with a related group (medtech beside health), and says so' \
	'score md.json < md.ndjson 2>/dev/null | jq -r "[.components.industry.value, (.components.industry.linkedin // \"-\")] | @tsv"' <<-'EOF'
	1	Medical Equipment Manufacturing
	0.5	-
	EOF
# A headline that names no company: a later segment that names an
# industry is the company's, unless it is of the past or the person sells
# a service (rules5).
echo '{"client": "H", "target_titles": ["Director of Engineering"], "target_industries": ["Software Development"], "notes": "Engineering leaders of software companies."}' > hl.json
for h in 'Director of Engineering | B2B SaaS' '開発部長 | SaaSプロダクトと基盤' 'Director of Engineering | ex-SaaS' \
	'Engineering Consultant | SaaS, fintech'; do
	jq -nc --arg h "$h" '{id: "h", status: "enriched", headline: $h, current_job_titles: ["Director of Engineering"], profile: {companyName: "Quillmoor"}}'
done > hl.ndjson
expect 'industry: a headline segment after the title names the industry when the headline names no company; not a past one, nor a consultant'"'"'s' \
	'score hl.json < hl.ndjson 2>/dev/null | jq -r ".components.industry.value"' <<-'EOF'
	1
	1
	null
	null
	EOF
# A general-management title (owner, COO) with nothing known about the
# company: the title cannot say the company is of the ICP's kind, so the
# context is neutral (0.5) instead of left out; a specific title ("Head of
# Procurement") and a known industry are unchanged (rules6).
echo '{"client": "G", "target_titles": ["Owner", "Head of Procurement"], "target_industries": ["Restaurants"], "company_sizes": ["scaleup"], "notes": "Owners and buyers of restaurant groups."}' > gm.json
for t in 'Owner|Quillby Ltd' 'Owner|Quillby Bistros' 'Head of Procurement|Quillby Ltd'; do
	jq -nc --arg t "${t%%|*}" --arg c "${t#*|}" '{id: "g", status: "enriched", headline: ($t + " | " + $c), current_job_titles: [$t], company: $c, profile: {companyName: $c}}'
done > gm.ndjson
expect 'context: a general-management title at a company nothing is known about gets a neutral context (67.5), not its title alone' \
	'score gm.json < gm.ndjson 2>/dev/null | jq -r "[.icp_score, (.components.context_neutral // false), (.match_reasoning | test(\"nothing known about the company\"))] | @tsv"' <<-'EOF'
	67.5	true	true
	100	false	false
	100	false	false
	EOF
# ... and with a LinkedIn industry but no word of the company's own naming
# one, a general-management title's industry match is at most 0.75: the
# label is coarse where the company's kind decides (rules6).
jq -c '.profile.industryName = "Restaurants"' gm.ndjson > gm-li.ndjson
expect 'industry: LinkedIn'"'"'s industry alone counts at most 0.75 for a general-management title (components.industry.coarse); the company'"'"'s own words or a specific title count whole' \
	'score gm.json < gm-li.ndjson 2>/dev/null | jq -r "[.components.industry.value, (.components.industry.coarse // false)] | @tsv"' <<-'EOF'
	0.75	true
	1	false
	1	false
	EOF
for bad in 'titles|[senses]\nfleet | operations|line 3: 2 fields; .titles.senses. records have 3' \
	'titles|[senses]\nfleet | fleet | head|line 3: .fleet. is not a function' \
	'titles|[senses]\nfleet | operations | boss|line 3: .boss. is not a level' \
	'titles|[expand]\n, | x|line 3: .,. has no word' \
	'titles|[side]\nmentor | x|line 3: 2 fields; .titles.side. records have 1' \
	'industries|[words]\nshipping | shipping|line 3: .shipping. is not a group of industries.groups' \
	'industries|[related]\nsoftware finance | ai|line 3: one group in each field' \
	'first-person|you | me|line 2: 2 fields; .first-person. records have 1' \
	'first-person|-|line 2: .-. has no word'; do
	f=${bad%%|*}; rest=${bad#*|}; body=${rest%|*}; msg=${rest##*|}
	rm -rf vb && mkdir vb && printf "@extend\n$body\n" > vb/$f.vocab
	ok "vocabulary: a bad $f.vocab override is fatal (3), naming the file and line: $msg" \
		"LQ_VOCAB_DIR=vb score fleet.json < fleet.ndjson > /dev/null 2> err; test \$? -eq 3 && grep -Eq 'vb/$f.vocab: $msg' err"
done
done_testing
