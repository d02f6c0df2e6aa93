#!/bin/sh
# 86-icp-extract-calls: issue 13's phenomena over whole calls (the dev calls), provenance, and the vocabulary: override, bad files, digest, cache key.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_API_KEY OPENAI_BASE_URL LQ_ICP_BACKEND LQ_ICP_MODEL LQ_VOCAB_DIR
need_model
C=$TOP/tests/data/calls
calls -q "$C/harbourline-discovery.txt" > harb.ndjson
calls -q "$C/pebblecart-1-intro.txt" "$C/pebblecart-2-followup.vtt" > pebble.ndjson
calls -q "$C/verdant-kickoff.txt" > verdant.ndjson
calls -q "$C/quillstack-onboarding.json" > quill.ndjson
calls -q "$C/shiftly-discovery.txt" > shiftly.ndjson

icp-extract --client Harbourline < harb.ndjson > harb.json 2> harb.err
ok 'harbourline: exit 0' "icp-extract -q < harb.ndjson > /dev/null"
expect 'harbourline: sizes too small and too big in one breath are exclusions; a late retraction; topics from the answer' \
	"jq -c '[[.company_sizes[].value], [._exclude_company_sizes[].value], [.target_industries[].value], [._exclude_industries[].value], [.target_keywords[].value]]' harb.json" <<-'EOF'
	[["mid-market"],["startup","enterprise"],["Insurance","Real Estate"],["Banking"],["contract backlogs","clause libraries","outside counsel spend","e-signature"]]
	EOF
expect 'harbourline: a qualified title, a harmless group and a lukewarm "meh" are exclusions; the bare title stays a target' \
	"jq -c '[[.target_titles[].value], [.exclude_titles[].value]]' harb.json" <<-'EOF'
	[["General Counsel","Legal Ops Manager","In-house Counsel"],["Fractional General Counsel","Law Student","Paralegal"]]
	EOF
expect 'harbourline: the retracted target keeps its source, superseded, beside the retraction' \
	"jq -c '._exclude_industries[0].sources | map([.timestamp, (.superseded // false)])' harb.json" <<-'EOF'
	[["00:00:45",true],["00:02:12",false]]
	EOF
stderr_has 'harbourline: the revision is said on stderr' "'Banking' revised within the call: now an exclusion" \
	"icp-extract < harb.ndjson > /dev/null"
expect 'harbourline: "Harmless, but they will never buy" is quoted with the sentence it dismisses, the students named as said' \
	"jq -r '.exclude_titles[] | select(.value == \"Law Student\") | .sources[0].quote' harb.json" <<-'EOF'
	Law students follow us a lot. Harmless, but they will never buy anything.
	EOF
expect 'harbourline: "What about paralegals?" "Meh. Nice people, not worth it": the agency named them, the client dismissed them' \
	"jq -c '.exclude_titles[] | select(.value == \"Paralegal\") | .sources[0] | [.speaker, .quote, .context]' harb.json" <<-'EOF'
	["Ines Duarte","Meh. Nice people, not worth it for us.","Great. What about paralegals?"]
	EOF

icp-extract -q --client-speaker 'Marek Nowak' < pebble.ndjson > pebble.json 2> pebble.err
expect 'pebblecart: a segment of the first call taken back in the second moves to the exclusions' \
	"jq -c '[[.target_industries[].value], (._exclude_industries[0] | [.value, (.sources | map([.meeting_id, (.superseded // false)]))])]' pebble.json" <<-'EOF'
	[["E-commerce"],["Retail",[["pebblecart-1-intro",true],["pebblecart-2-followup",false]]]]
	EOF
stderr_has 'pebblecart: the move across calls is said on stderr' \
	"'Retail' .a target from an earlier call. taken back: now an exclusion" \
	"icp-extract --client-speaker 'Marek Nowak' < pebble.ndjson > /dev/null"
expect 'pebblecart: topics in both calls, an unnamed group to avoid, a title made from "heads of ecommerce"' \
	"jq -c '[[.target_keywords[].value], [.exclude_titles[].value], [.target_titles[].value]]' pebble.json" <<-'EOF'
	[["returns","shipping costs","peak season","carrier rates","3PL contracts"],["Dropshipper"],["Head of Ecommerce","Head of Operations","Founder","Warehouse Manager"]]
	EOF
ok 'pebblecart: the same calls merged one at a time give the same ICP' \
	"head -n 1 pebble.ndjson | icp-extract -q --client-speaker 'Marek Nowak' > p1.json &&
	 tail -n 1 pebble.ndjson | icp-extract -q --client-speaker 'Marek Nowak' --merge p1.json > p2.json &&
	 jq -S '[.target_industries, ._exclude_industries, .target_titles, .exclude_titles] | map(map(.value))' p2.json > a &&
	 jq -S '[.target_industries, ._exclude_industries, .target_titles, .exclude_titles] | map(map(.value))' pebble.json > b && cmp a b"

icp-extract -q < verdant.ndjson > verdant.json
expect 'verdant: "Yes, exactly." adopts what the agency proposed, quoting the client and the question' \
	"jq -c '.target_titles[0] | [.value, .sources[0].speaker, .sources[0].quote, (.sources[0].context | test(\"managing directors\"))]' verdant.json" <<-'EOF'
	["Managing Director","Joost de Vries","Yes, exactly.",true]
	EOF
expect 'verdant: "Just horticulture and vertical farming" is a target; machines called controllers are no title; a partial yes adopts nothing; "agronomists" is a title by its ending' \
	"jq -c '[[.target_industries[].value], [.target_titles[].value], [._exclude_industries[].value]]' verdant.json" <<-'EOF'
	[["Agriculture"],["Managing Director","Head of Cultivation","Agronomist"],["Food & Beverage","Cannabis"]]
	EOF

icp-extract -q < quill.ndjson > quill.json
expect 'quillstack: "not agencies after all" takes back "marketing agencies" too, kept in _retracted' \
	"jq -c '[[.target_industries[].value], (._retracted[] | [.value, .was, (.sources | map(.superseded))])]' quill.json" <<-'EOF'
	[["SaaS","E-commerce"],["Marketing & Advertising","target_industries",[true]]]
	EOF

icp-extract -q < shiftly.ndjson > shiftly.json
expect 'shiftly: two client speakers, "sort of", an interim title, "park that" and "leave X out of it"' \
	"jq -c '[[.exclude_titles[].value], [._exclude_industries[].value], [.target_industries[].value], [._exclude_company_sizes[].value]]' shiftly.json" <<-'EOF'
	[["HR Manager","Interim Head of Operations","Franchise Consultant"],["Healthcare"],["Hospitality"],["startup"]]
	EOF

# ---- provenance: every criterion of every dev call ----
for f in "$C"/*.expected.json; do
	name=$(basename "$f" .expected.json)
	args=$(jq -r '(._args // []) | @sh' "$f")
	srcs=$(jq -r --arg d "$C" '(._calls // empty)[] | $d + "/" + .' "$f")
	[ -n "$srcs" ] || srcs=$(ls "$C/$name".* | grep -v expected.json)
	# shellcheck disable=SC2086
	calls -q $srcs > "prov-$name.ndjson" && eval "icp-extract -q $args" < "prov-$name.ndjson" > "prov-$name.json"
done
ok 'provenance: every criterion of every dev call has meeting, date (empty when the transcript has none), speaker, quote and extractor' \
	"for j in prov-*.json; do jq -e '[(.target_titles, .target_industries, .company_sizes, .target_keywords, .exclude_titles,
		._exclude_industries // [], ._exclude_company_sizes // [], ._retracted // [])[] | .sources[]] |
		length > 0 and all(.meeting_id and (.date | test(\"^([0-9]{4}-[0-9]{2}-[0-9]{2})?\$\")) and (.speaker | length > 0)
		and (.quote | length > 2) and (.extractor | test(\"^local\\\\+vocab:[0-9a-f]{12}\$\")))' \$j > /dev/null || { echo \$j; exit 1; }; done"
ok 'provenance: every quote is in a line of the speaker it names' \
	"for j in prov-*.json; do n=\${j#prov-}; n=\${n%.json}; jq -r '[(.target_titles, .target_industries, .company_sizes,
		.target_keywords, .exclude_titles, ._exclude_industries // [], ._exclude_company_sizes // [])[] | .sources[] |
		[.speaker, (.quote | gsub(\"[?!] \"; \". \") | split(\". \")[0])]] | unique[] | @tsv' \$j | while IFS='	' read -r sp q; do
		jq -s -e --arg s \"\$sp\" --arg q \"\$q\" 'any(.[].transcript[]; .speaker == \$s and (.text | contains(\$q)))' \
		prov-\$n.ndjson > /dev/null || { echo \"\$n: \$sp: \$q\"; exit 1; }; done || exit 1; done"

# ---- the vocabulary ----
def=$(jq -r '._extractor.vocab' harb.json)
ok '_extractor names the backend, the rules and the vocabulary digest' \
	"jq -e '._extractor | .backend == \"local\" and (.version | startswith(\"icp-extract-local\")) and (.vocab | test(\"^[0-9a-f]{64}\$\"))' harb.json > /dev/null"
mkdir -p v-extend v-replace v-bad v-badsize v-empty v-unknown v-crlf
printf '@extend\n[titles]\nHead of Fleet | fleet director | transport director\n' > v-extend/icp-lexicon.vocab
printf '%s\n' '{"id":"fleet","participants":[{"name":"C","email":null,"is_external":true}],"transcript":[{"speaker":"C","text":"We sell to fleet directors at logistics companies.","timestamp":"00:01"}]}' > fleet.ndjson
expect 'without the extension: a title made from "fleet directors"' "icp-extract -q < fleet.ndjson | jq -c '[.target_titles[].value]'" <<-'EOF'
	["Fleet Director"]
	EOF
expect 'LQ_VOCAB_DIR with @extend: the entry added names the title' \
	"LQ_VOCAB_DIR=\$PWD/v-extend icp-extract -q < fleet.ndjson | jq -c '[.target_titles[].value]'" <<-'EOF'
	["Head of Fleet"]
	EOF
ok 'the digest in the ICP changes with the vocabulary, and the sources say so' \
	"LQ_VOCAB_DIR=\$PWD/v-extend icp-extract -q < fleet.ndjson > ext.json &&
	 test \"\$(jq -r '._extractor.vocab' ext.json)\" != '$def' &&
	 jq -e --arg d \"\$(jq -r '._extractor.vocab' ext.json)\" '.target_titles[0].sources[0].extractor == \"local+vocab:\" + \$d[0:12]' ext.json > /dev/null"
ok 'comments and spacing do not change the digest' \
	"{ printf '# my notes\n\n'; sed 's/ | /|/g' '$TOP/common/vocab/company-sizes.vocab'; } > v-crlf/company-sizes.vocab &&
	 LQ_VOCAB_DIR=\$PWD/v-crlf icp-extract -q < fleet.ndjson | jq -e '._extractor.vocab == \"$def\"' > /dev/null"
sed '/^\[revise\]/,$d' "$TOP/common/vocab/icp-cues.vocab" > v-replace/icp-cues.vocab
status 'an override that drops a section: exit 3' 3 "LQ_VOCAB_DIR=\$PWD/v-replace icp-extract < fleet.ndjson"
stderr_has '... naming the missing table' "vocabulary: no table 'icp-cues.revise'" "LQ_VOCAB_DIR=\$PWD/v-replace icp-extract < fleet.ndjson"
printf '[titles]\nCFO | CFO\n[industries\n' > v-bad/icp-lexicon.vocab
status 'a malformed override: exit 3' 3 "LQ_VOCAB_DIR=\$PWD/v-bad icp-extract < fleet.ndjson"
stderr_has '... naming its path and line' "v-bad/icp-lexicon.vocab: line 3: a section is" "LQ_VOCAB_DIR=\$PWD/v-bad icp-extract < fleet.ndjson"
printf 'Gesch\344ftsf\374hrer | x\n' > v-bad/icp-lexicon.vocab
stderr_has 'a Latin-1 override: not UTF-8, with the line' "icp-lexicon.vocab: line 1: not valid UTF-8" "LQ_VOCAB_DIR=\$PWD/v-bad icp-extract < fleet.ndjson"
printf '\377\376[\000b\000' > v-bad/icp-lexicon.vocab
stderr_has 'a UTF-16 override: refused' "has NUL bytes: not UTF-8 text" "LQ_VOCAB_DIR=\$PWD/v-bad icp-extract < fleet.ndjson"
head -c 1100000 /dev/zero | tr '\0' 'a' > v-bad/icp-lexicon.vocab
stderr_has 'a huge override: refused by size' "larger than 1048576 bytes" "LQ_VOCAB_DIR=\$PWD/v-bad icp-extract < fleet.ndjson"
printf '[bands]\nstartup | 0 | 50\nhuge | 50 |\n' > v-badsize/company-sizes.vocab
stderr_has 'a band that is not a company size: refused with its line' "company-sizes.vocab: line 3: 'huge' is not a company size" \
	"LQ_VOCAB_DIR=\$PWD/v-badsize icp-extract < fleet.ndjson"
printf '[bands]\nstartup | 0 | 50\nscaleup | 40 | 250\n' > v-badsize/company-sizes.vocab
stderr_has 'overlapping bands: refused' "line 3: '40' to '250' is not a band above the one before" \
	"LQ_VOCAB_DIR=\$PWD/v-badsize icp-extract < fleet.ndjson"
mkdir -p v-badnum v-badof v-num
printf '@extend\n[number-words]\nzillion | 1000000\n' > v-badnum/icp-cues.vocab
stderr_has 'a number word with a value that is not 0-99, 100 or 1000: refused with its line' \
	"v-badnum/icp-cues.vocab: line 3: a word and its value [(]0 to 99, 100 or 1000[)]" "LQ_VOCAB_DIR=\$PWD/v-badnum icp-extract < fleet.ndjson"
printf '@extend\n[title-of]\nchief | Chief | officer or lead\n' > v-badof/icp-cues.vocab
stderr_has 'a title-of record with two closing words: refused with its line' \
	"v-badof/icp-cues.vocab: line 3: a phrase, its written form and at most one closing word" "LQ_VOCAB_DIR=\$PWD/v-badof icp-extract < fleet.ndjson"
printf '@extend\n[number-words]\nzwanzig | 20\n[title-of]\nlead for | Lead for\nleads for | Lead for\n[less-than]\nshy of\n' > v-num/icp-cues.vocab
: > v-empty/icp-lexicon.vocab
stderr_has 'an empty override file has no tables' "no table 'icp-lexicon.titles'" "LQ_VOCAB_DIR=\$PWD/v-empty icp-extract < fleet.ndjson"
status 'a missing LQ_VOCAB_DIR: exit 3' 3 "LQ_VOCAB_DIR=\$PWD/nope icp-extract < fleet.ndjson"
printf 'x\n' > v-unknown/icp_lexicon.vocab
stderr_has 'a file lq does not read: a warning, the run goes on' "icp_lexicon.vocab: not a vocabulary lq reads" \
	"LQ_VOCAB_DIR=\$PWD/v-unknown icp-extract < fleet.ndjson > /dev/null"
ok 'an empty LQ_VOCAB_DIR is unset' "LQ_VOCAB_DIR= icp-extract -q < fleet.ndjson | jq -e '._extractor.vocab == \"$def\"' > /dev/null"

# the openai backend's cache key holds the digest: a new vocabulary asks again, the same one does not
calls -q "$C/ledgerly-kickoff.txt" > led.ndjson
mock_start openai --key sk-test-secret-1234
ok 'openai: a cached answer is reused with the same vocabulary' \
	"OPENAI_API_KEY=sk-test-secret-1234 icp-extract -q --backend openai < led.ndjson > o1 && test \$(mock_count) -eq 1 &&
	 OPENAI_API_KEY=sk-test-secret-1234 icp-extract -q --backend openai < led.ndjson > o2 && test \$(mock_count) -eq 1"
ok 'openai: another vocabulary is another cache key (one new request), and the sources name it' \
	"OPENAI_API_KEY=sk-test-secret-1234 LQ_VOCAB_DIR=\$PWD/v-extend icp-extract -q --backend openai < led.ndjson > o3 &&
	 test \$(mock_count) -eq 2 && jq -e '._extractor.backend == \"openai\" and ._extractor.vocab != \"$def\"' o3 > /dev/null"
mock_stop

# Small made-up calls, one mechanism each: A is the agency, C the client, one line per argument.
call() {
	jq -nc --arg id "$1" '{id: $id, participants: [{name: "C", email: null, is_external: true},
		{name: "A", email: null, is_external: false}], transcript: []}' > "$1.ndjson.tmp"
	id=$1
	shift
	for line in "$@"; do
		jq -c --arg s "${line%%:*}" --arg t "${line#*: }" '.transcript += [{speaker: $s, text: $t, timestamp: "00:00"}]' \
			"$id.ndjson.tmp" > "$id.ndjson.t2" && mv "$id.ndjson.t2" "$id.ndjson.tmp"
	done
	mv "$id.ndjson.tmp" "$id.ndjson"
}
call sizes 'A: How big are they?' 'C: Three hundred people and up. Below that they run it on paper.'
expect 'a head count in words and up; "below that" rules out the bands under it' \
	"icp-extract -q < sizes.ndjson | jq -c '[[.company_sizes[].value], [._exclude_company_sizes[].value]]'" <<-'EOF'
	[["mid-market","enterprise"],["startup","scaleup"]]
	EOF
call sizes2 'A: How big?' 'C: Forty to three hundred people. Bigger than that, they hire agencies to do it.'
expect '"bigger than that" rules out the bands above, even with another word for a kind of company in the sentence' \
	"icp-extract -q < sizes2.ndjson | jq -c '[._exclude_company_sizes[].value]'" <<-'EOF'
	["enterprise"]
	EOF
call asks 'A: Maybe also logistics, but I do not want to guess. What is your take?' 'C: Only insurers and banks.'
expect '"I do not want to guess" outside the question does not make the answer a list to avoid' \
	"icp-extract -q < asks.ndjson | jq -c '[[.target_industries[].value], (._exclude_industries // [] | map(.value))]'" <<-'EOF'
	[["Banking","Insurance"],[]]
	EOF
call part 'A: Which sectors?' 'C: Schools, mostly, trusts with many schools.' 'A: Private ones too?' \
	'C: Independent schools, yes.' 'A: Anything else?' 'C: Actually, let us drop the independent schools, they went quiet.'
expect 'taking back a qualified part ("the independent schools") leaves the industry wanted elsewhere' \
	"icp-extract -q < part.ndjson | jq -c '[[.target_industries[].value], [._exclude_industries[] | [.value, .part_of]]]'" <<-'EOF'
	[["Schools"],[["Independent Schools","Schools"]]]
	EOF
call spec 'A: Anyone to leave out?' 'C: Recruiters.' 'C: Freelance marine researchers follow us a lot. They are lovely, but they never buy.'
expect 'a title dismissed by the next sentence is excluded in the words said, not as every researcher' \
	"icp-extract -q < spec.ndjson | jq -c '[[.exclude_titles[].value], (._exclude_company_sizes // [] | map(.value))]'" <<-'EOF'
	[["Recruiter","Freelance Marine Researcher"],[]]
	EOF
call prop 'A: Who signs?' 'C: Heads of people.' 'A: And payroll consultants?' 'C: Meh.' 'A: Sizes to rule out?' 'C: Anything under a hundred people.'
expect 'a dismissed proposal is excluded in its specific words; "rule out" asks whom to avoid' \
	"icp-extract -q < prop.ndjson | jq -c '[[.exclude_titles[].value], [._exclude_company_sizes[].value], (.company_sizes // [] | map(.value))]'" <<-'EOF'
	[["Payroll Consultant"],["startup","scaleup"],[]]
	EOF
call people 'A: And who would you most like to be talking to?' 'C: Claims managers, first of all.'
expect '"talking to" asks for people, not topics' \
	"icp-extract -q < people.ndjson | jq -c '[[.target_titles[].value], (.target_keywords // [] | map(.value))]'" <<-'EOF'
	[["Claims Manager"],[]]
	EOF
call kinds 'A: Which companies?' 'C: Boutique hotels, ferry operators and pharma plants.' 'A: Anything to avoid?' \
	'C: Solar, we tried it. Solar parks we do not want anymore.' 'A: Pharma?' 'C: Pharma manufacturers, yes.' \
	'A: Great.' 'C: Actually, drop pharmaceuticals, the validation takes forever.'
expect 'a kind of company in the client'"'"'s words is an industry as said; said again in more words it joins the first; a retraction takes the kinds inside its industry' \
	"icp-extract -q < kinds.ndjson | jq -c '[[.target_industries[].value], [._exclude_industries[].value], [._retracted[].value]]'" <<-'EOF'
	[["Boutique hotels","Ferry operators"],["Solar Energy","Pharma & Biotech"],["Pharma plants"]]
	EOF
call numwords 'A: Who and how big?' 'C: Leads for fleet safety, at firms just shy of zwanzig people.'
expect 'the number words, title phrases and bounds are data: an override adds "zwanzig", "leads for" and "shy of"' \
	"LQ_VOCAB_DIR=\$PWD/v-num icp-extract -q < numwords.ndjson | jq -c '[[.target_titles[].value], [.company_sizes[].value]]'" <<-'EOF'
	[["Lead for Fleet Safety"],["startup"]]
	EOF
call ones 'A: Personal trainers? There are a ton of them.' 'C: The self-employed ones, no, they use an app.' \
	'A: And the big chains?' 'C: Oh, God, no. They have contracts with the platforms.'
expect '"the self-employed ones" after the agency'"'"'s title is that title, qualified; an interjection is never a name' \
	"icp-extract -q < ones.ndjson | jq -c '[.exclude_titles[].value]'" <<-'EOF'
	["Self Employed Personal Trainer"]
	EOF
call agw 'A: Ferry operators? Marina groups?' 'C: Ferry, yes please.' 'C: Marina, hmm, they are slow. We would not chase them.'
expect 'a client who starts with the first words of what the agency proposed names it; the next sentence may name another' \
	"icp-extract -q < agw.ndjson | jq -c '[[.target_industries[].value], [._exclude_industries[].value]]'" <<-'EOF'
	[["Ferry operators"],["Marina groups"]]
	EOF
call dropturn 'A: Who buys?' 'C: Boutique hotels and spa managers.' 'A: And the rest?' 'C: Wedding venues, sometimes.' \
	'A: Anything else?' 'C: I want to go back to something. The spas, the spa managers, all that wellness side.' \
	'C: Honestly, take that whole side off the table.'
expect 'a whole topic dropped late, naming nothing, takes back the targets its turn named: removed, not excluded' \
	"icp-extract -q < dropturn.ndjson | jq -c '[[.target_industries[].value], (.target_titles // [] | map(.value)), (.exclude_titles // [] | map(.value)), [._retracted[].value]]'" <<-'EOF'
	[["Boutique hotels","Wedding venues"],[],[],["Spa Manager"]]
	EOF
call cont 'A: Who buys?' 'C: Heads of revenue.' 'A: Anyone to filter out?' 'C: Recruiters, they cold call.' 'C: And other software founders, they only network.'
expect 'after "anyone to filter out?" a sentence starting with "And" goes on with the list' \
	"icp-extract -q < cont.ndjson | jq -c '[[.target_titles[].value], [.exclude_titles[].value]]'" <<-'EOF'
	[["Head of Revenue"],["Recruiter","Software Founder"]]
	EOF
call r7 'A: Who buys?' 'C: Clinic managers at dental groups. Also the practice owners at vet groups.' \
	'A: Which markets?' 'C: Denmark and Norway.' 'A: Anyone to avoid?' 'C: Consultants. Compliance consultants, I mean, they resell.' \
	'A: Anything else?' 'C: Hmm, the whole vet side, park that for now.'
expect 'round 7: places answering "which markets?" are wanted; an exclusion narrowed in the next sentence; "the whole vet side ... for now" removes what was said of it' \
	"icp-extract -q < r7.ndjson | jq -c '[[.target_industries[].value], [.target_titles[].value], [.exclude_titles[].value], [.regions.include[].value], [._retracted[].value]]'" <<-'EOF'
	[["Healthcare"],["Practice Manager"],["Compliance Consultant"],["Denmark","Norway"],["Veterinary","Practice Owner"]]
	EOF
call r7b 'A: Who buys?' 'C: Plant managers at bottling firms.' 'A: Where are you based?' 'C: In Oslo.' 'A: Anything else?' \
	'C: The bottling firms I mentioned, actually take those off.'
expect 'round 7: "take those off" takes back the clause before; "where are you based?" asks no market' \
	"icp-extract -q < r7b.ndjson | jq -c '[(.target_industries // [] | map(.value)), [._exclude_industries[].value], (.regions // null)]'" <<-'EOF'
	[[],["Bottling firms"],null]
	EOF
done_testing
