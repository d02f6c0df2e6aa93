#!/bin/sh
# 24-feedback.sh: the feedback log as data (rules, bad lines), stats, merge, export, delivered; fit on a synthetic reviewer; score --calibration's refusals.
. "$(dirname "$0")/../lib.sh"
S=$DATA/to-csv/scored.ndjson
ICP=$DATA/feedback/icp.json
H=$(review -q "$ICP" < "$S" | grep -o '"icp_hash":"[0-9a-f]*"' | head -n 1 | cut -d'"' -f4)
H2=0000000000000000000000000000000000000000000000000000000000000002
mkdir -p "$T/.helpers"
PATH="$T/.helpers:$PATH"
export H H2 ICP S

# ev ID LABEL [EXPLICIT [HASH [CLIENT [NOTE]]]]: one feedback event line.
cat > "$T/.helpers/ev" <<'HELPER'
#!/bin/sh
jq -nc --arg id "$1" --arg l "$2" --argjson e "${3:-true}" --arg h "${4:-$H}" --arg c "${5:-Brightbook}" \
	--arg n "${6:-}" '{v: 1, id: $id, client: $c, icp_hash: $h, label: $l, note: $n, reviewer: "Ana",
	time: "2026-11-30T09:41:07.250Z", score_version: "structured-3", icp_score: 64.0, tier: "B",
	explicit: $e, via: (if $e then "review-serve" else "delivered" end)}'
HELPER
chmod +x "$T/.helpers/ev"
ok 'the ICP hash was found' 'test ${#H} -eq 64'

# The rules: later supersedes earlier; none withdraws; explicit beats implied
# whatever the order; a withdrawn judgment leaves the implied one; across the
# client's ICPs the latest explicit wins.
{
	ev amy-a good; ev amy-a bad                       # amy-a: bad
	ev bob-b good; ev bob-b none                      # bob-b: withdrawn
	ev zed-b good false; ev zed-b bad                 # zed-b: bad (explicit wins)
	ev c-lead bad; ev c-lead good false               # c-lead: bad (explicit wins, though earlier)
	ev d-lead good false; ev d-lead good; ev d-lead none   # d-lead: good, implied
	ev hostile good true "$H2"; ev hostile bad true   # hostile: bad (latest explicit over ICPs)
	ev kay-recruits bad true "$H2"                    # kay-recruits: bad, under the other ICP
	ev no-tier good true "$H" Otherco                 # another client
} > log.ndjson
expect 'current judgments: supersede, withdraw, explicit over implied, across ICPs' \
	'feedback export -q --format labels -f log.ndjson "$ICP" | jq -r "[.id, .label, .explicit, .relevance, .split] | @tsv"' <<-'OUT'
	amy-a	bad	true	0	fit
	zed-b	bad	true	0	held-out
	c-lead	bad	true	0	fit
	d-lead	good	false	2	fit
	hostile	bad	true	0	fit
	kay-recruits	bad	true	0	fit
	OUT
expect '--exact-icp: only the judgments under this ICP' \
	'feedback export -q --format labels --exact-icp -f log.ndjson "$ICP" | jq -r .id' <<-'OUT'
	amy-a
	zed-b
	c-lead
	d-lead
	hostile
	OUT
expect '--explicit-only leaves out the lead only implied good; --client picks another client' \
	'feedback export -q --format labels --explicit-only -f log.ndjson "$ICP" | jq -r .id | grep -c .;
	 feedback export -q --format labels --client Otherco -f log.ndjson "$ICP" | jq -c "{icp, id, l: .label}"' <<-'OUT'
	5
	{"icp":"Otherco","id":"no-tier","l":"good"}
	OUT
expect 'stats --json: per client and per ICP, withdrawn, delivered then binned, readiness' \
	'feedback stats -q --json -f log.ndjson | jq -c ".events, (.clients[] | {client, leads, good, bad, delivered, delivered_binned, withdrawn, c: .calibration.ready, k: .kto.status, icps: [.icps[] | [.leads, .bad]]})"' <<-'OUT'
	15
	{"client":"Brightbook","leads":7,"good":0,"bad":5,"delivered":1,"delivered_binned":2,"withdrawn":1,"c":false,"k":"needs 99 more good, 15 more bad","icps":[[6,4],[2,1]]}
	{"client":"Otherco","leads":1,"good":1,"bad":0,"delivered":0,"delivered_binned":0,"withdrawn":0,"c":false,"k":"needs 99 more good, 20 more bad","icps":[[1,0]]}
	OUT
ok 'stats as a table names each client and the thresholds' \
	'feedback stats -q -f log.ndjson > st.txt && grep -q "^Brightbook  *all  *7 " st.txt && grep -q "^Otherco " st.txt && grep -q "KTO: 100 good and 20 bad per client" st.txt'

# Bad lines: each named by file:line, skipped, the rest kept; --strict makes it exit 1.
long=$(head -c 9000 /dev/zero | tr '\0' x)
{
	ev amy-a good
	echo '{"v":1,"id":"x"'
	echo '[1,2]'
	ev amy-a maybe
	ev bob-b good | jq -c '.icp_score = "high"'
	ev bob-b good | jq -c '.v = 2'
	ev bob-b good | jq -c '.icp_hash = "XYZ"'
	ev c-lead good true "$H" Brightbook "$long"
	printf '{"v":1,"pad":"%s"}\n' "$(head -c 70000 /dev/zero | tr '\0' y)"
	printf '\377\376{"v":1}\n'
	echo
	printf '\r\n'
	ev d-lead good true "$H" Brightbook '</script><script>alert(1)</script> ‮RTL ✅ "quoted" \ back'
	ev zed-b bad | tr -d '\n'
} > bad.ndjson
ok 'bad lines: the good ones are kept (d-lead with hostile text, zed-b without a final newline)' \
	'feedback export -q --format labels -f bad.ndjson "$ICP" 2>err.txt | jq -r "[.id, .label] | @tsv" > got.txt && printf "amy-a\tgood\nd-lead\tgood\nzed-b\tbad\n" | cmp - got.txt'
expect 'bad lines: each named by file and line, with the reason' \
	'feedback export --format labels -f bad.ndjson "$ICP" 2>&1 >/dev/null | grep -o "bad.ndjson:[0-9]*: .*"' <<-'OUT'
	bad.ndjson:2: not JSON: '}' expected near end of file at column 15; skipped
	bad.ndjson:3: expected a JSON object, got an array; skipped
	bad.ndjson:4: "label" must be "good", "bad" or "none"; skipped
	bad.ndjson:5: "icp_score" must be a number; skipped
	bad.ndjson:6: "v" is not 1: not a feedback event this version reads; skipped
	bad.ndjson:7: "icp_hash" is not 64 lower-case hex digits; skipped
	bad.ndjson:8: "note" is longer than 8000 bytes; skipped
	bad.ndjson:9: line longer than 65536 bytes; skipped
	bad.ndjson:10: not JSON: unable to decode byte 0xff at column 0; skipped
	OUT
ok 'bad lines: counted in the summary, exit 0; --strict exits 1' \
	'feedback export --format labels -f bad.ndjson "$ICP" 2>&1 >/dev/null | grep -q "9 log lines skipped" &&
	 feedback export -q --format labels -f bad.ndjson "$ICP" >/dev/null 2>&1;
	 test $? -eq 0 && { feedback export -q --strict --format labels -f bad.ndjson "$ICP" >/dev/null 2>&1; test $? -eq 1; }'
ok 'hostile text travels as JSON text, byte for byte' \
	'feedback export -q --format labels -f bad.ndjson "$ICP" 2>/dev/null | jq -r "select(.id == \"d-lead\") | .reason" > r.txt && printf "%s\n" "</script><script>alert(1)</script> ‮RTL ✅ \"quoted\" \\ back" | cmp - r.txt'
head -c 2000 /dev/urandom > noise.bin
ok 'a log of random bytes: no event, no crash, lines named' \
	'feedback stats --json -f noise.bin > out.json 2> err.txt; test $? -eq 0 && jq -e ".events == 0" out.json >/dev/null'
status 'a missing log: fatal (3), named' 3 'feedback stats -f no-such.ndjson'
stderr_has 'a missing log: the message names it' 'no-such.ndjson: No such file' 'feedback stats -f no-such.ndjson'
ok 'an empty log: no judgments, exit 0' ': > empty.ndjson && feedback stats -f empty.ndjson | grep -q "(no judgments)"'
ok 'two logs are read in order: the second one supersedes' \
	'ev amy-a good > l1.ndjson && ev amy-a bad > l2.ndjson && feedback export -q --format labels -f l1.ndjson -f l2.ndjson "$ICP" | jq -se "map(select(.id == \"amy-a\")) | .[0].label == \"bad\"" >/dev/null'

# merge: every record out, in order; the judged ones get "feedback".
expect 'merge: every record, the judged ones with their current judgment; failed and unjudged untouched' \
	'feedback merge -q -f log.ndjson "$ICP" < "$S" | jq -r "[.id, .feedback.label // \"-\", (.feedback.explicit | if . == null then \"-\" else tostring end)] | @tsv"' <<-'OUT'
	ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M	-	-
	zed-b	bad	true
	c-lead	bad	true
	bob-b	-	-
	d-lead	good	false
	kay-recruits	bad	true
	unscored	-	-
	private-one	-	-
	amy-a	bad	true
	hostile	bad	true
	base-1	-	-
	no-tier	-	-
	OUT
ok 'merge: a stale "feedback" is removed; a record scored for another ICP keeps its own' \
	'jq -c "if .id == \"bob-b\" then .feedback = {label: \"good\"} elif .id == \"amy-a\" then .icp = \"Otherco\" | .feedback = {label: \"x\"} else . end" "$S" |
	 feedback merge -q -f log.ndjson "$ICP" > m.ndjson && jq -se "map(select(.id == \"bob-b\")) | .[0] | has(\"feedback\") | not" m.ndjson >/dev/null &&
	 jq -se "map(select(.id == \"amy-a\")) | .[0].feedback.label == \"x\"" m.ndjson >/dev/null'
ok 'merge: an unreadable input line travels on as a failed record' \
	'{ cat "$S"; echo "{not json"; } | feedback merge -q -f log.ndjson "$ICP" > m2.ndjson && test $(wc -l < m2.ndjson) -eq 13 && tail -n 1 m2.ndjson | jq -e ".status == \"failed\"" >/dev/null'

# export: the shapes (the consumers' parsers read them in 25-feedback-learn.sh).
ok 'export kto: prompt with the ICP criteria, completion the profile text, label a boolean' \
	'feedback export -q --format kto -f log.ndjson "$ICP" < "$S" > kto.ndjson &&
	 jq -se "length == 6 and all(.[]; keys == [\"completion\", \"label\", \"prompt\"] and (.label | type) == \"boolean\" and (.prompt | test(\"Target titles: VP Finance; CFO\") and test(\"Excluded titles: Recruiter\") and test(\"<b>software</b>\")))" kto.ndjson >/dev/null &&
	 jq -se "map(.label) == [false, false, true, false, false, false]" kto.ndjson >/dev/null'
ok 'export pairs: query, document, label 1.0 or 0.0; --split held-out keeps that part' \
	'feedback export -q --format pairs --split held-out -f log.ndjson "$ICP" < "$S" > pairs.ndjson &&
	 jq -se "length == 1 and all(.[]; keys == [\"document\", \"label\", \"query\"] and (.label == 1 or .label == 0)) and (.[0].query | startswith(\"Target titles: VP Finance, CFO\"))" pairs.ndjson >/dev/null &&
	 grep -q "\"label\":0.0" pairs.ndjson'
ok 'export: a judged lead whose record is not in the input is counted' \
	'grep -v amy-a "$S" | feedback export --format kto -f log.ndjson "$ICP" 2>&1 >/dev/null | grep -q "1 judged leads not in the input"'
ok 'export labels: lq eval reads it (a client regression set)' \
	'feedback export -q --format labels -f log.ndjson "$ICP" > labels.ndjson && "$LQ_BIN/eval" --json labels.ndjson "$S" > ev.json && jq -e ".overall.found == 6 and .overall.missing == 0" ev.json >/dev/null'
ok 'export: no judgments of the client: a warning, nothing written, exit 0' \
	'feedback export --format labels --client Nobody -f log.ndjson "$ICP" > none.ndjson 2> err.txt && test ! -s none.ndjson && grep -q "no judgments of \"Nobody\"" err.txt'
status 'export without --format: usage (2)' 2 'feedback export -f log.ndjson "$ICP" < /dev/null'
status 'export --format csv: usage (2)' 2 'feedback export --format csv -f log.ndjson "$ICP" < /dev/null'
status 'export --split train: usage (2)' 2 'feedback export --format labels --split train -f log.ndjson "$ICP"'
status 'export --format labels with a records file: usage (2)' 2 'feedback export --format labels -f log.ndjson "$ICP" "$S"'
status 'no subcommand: usage (2)' 2 'feedback'
status 'an unknown subcommand: usage (2)' 2 'feedback learn'
status 'stats with an operand: usage (2)' 2 'feedback stats extra'
status 'fit --lambda 0: usage (2)' 2 'feedback fit --lambda 0 "$ICP" < /dev/null'
status 'an ICP file that is not one: fatal (3)' 3 'echo "[]" > bad-icp.json && feedback export --format labels -f log.ndjson bad-icp.json'

# delivered: the spreadsheet's leads become implied positives, once.
to-csv -q --all < "$S" > leads.csv 2>/dev/null
ok 'delivered: every lead of the spreadsheet recorded as implied good (explicit false, via delivered)' \
	'cp log.ndjson d.ndjson && feedback delivered -q -f d.ndjson "$ICP" leads.csv < "$S" 2> err.txt &&
	 tail -n +16 d.ndjson | jq -se "length == 8 and all(.[]; .explicit == false and .label == \"good\" and .via == \"delivered\" and .icp_hash == env.H and .client == \"Brightbook\")" >/dev/null &&
	 tail -n +16 d.ndjson | jq -r "select(.id == \"amy-a\") | [.icp_score, .tier, .score_version] | @tsv" | grep -q "^77	A	structured-1$"'
ok 'delivered: explicit judgments still win (amy-a stays bad); the others become good' \
	'feedback export -q --format labels -f d.ndjson "$ICP" | jq -r "select(.id == \"amy-a\" or .id == \"bob-b\") | .label" | tr "\n" " " | grep -q "^bad good $"'
ok 'delivered: run again, nothing new is recorded' \
	'n=$(wc -l < d.ndjson) && feedback delivered -f d.ndjson "$ICP" leads.csv < "$S" 2> err.txt && test $(wc -l < d.ndjson) -eq $n && grep -q "11 already recorded" err.txt'
ok 'delivered: the developer spreadsheet (--full: Profile URL, one lead without a link) and a tab-separated one work too' \
	'to-csv -q --full --no-bom < "$S" > full.csv 2>/dev/null; feedback delivered -q -f f1.ndjson "$ICP" full.csv < "$S" 2>/dev/null; test $(wc -l < f1.ndjson) -eq 6 &&
	 to-csv -q -d tab < "$S" > tab.tsv 2>/dev/null; feedback delivered -q -d tab -f f2.ndjson "$ICP" tab.tsv < "$S" && test $(wc -l < f2.ndjson) -eq 7'
ok 'delivered: rows whose lead is not in the input are named by line and not recorded' \
	'printf "Name,LinkedIn\nA,https://www.linkedin.com/in/amy-a/\nB,https://www.linkedin.com/in/someone-else/\nC,\nD,https://example.com/x\n" > odd.csv &&
	 feedback delivered -f f3.ndjson "$ICP" odd.csv < "$S" 2> err.txt && test $(wc -l < f3.ndjson) -eq 1 &&
	 grep -q "odd.csv:3: no lead in the input has this row" err.txt && grep -q "odd.csv:4: the row has no LinkedIn link" err.txt && grep -q "odd.csv:5: " err.txt && grep -q "3 rows not recorded" err.txt'
# delivered reads the records the spreadsheet was made from: leads never scored
# are a mistake of order (common/need.c), named once by file:line and id; a lead
# that failed upstream is no evidence; nothing is recorded.
{ echo '{"id":"gone","status":"failed","error":{"stage":"scrape","code":"private","message":"x"}}'
  jq -c 'del(.icp_score, .tier, .components, .match_reasoning, .score_version)' "$S"; } > unscored.ndjson
ok 'delivered: leads never scored: exit 7, one line naming unscored.ndjson:2 and the lead, score ICP, nothing recorded' \
	'cp log.ndjson u.ndjson && feedback delivered -q -f u.ndjson "$ICP" leads.csv unscored.ndjson 2> err.txt; test $? -eq 7 &&
	 test $(wc -l < err.txt) -eq 1 &&
	 grep -q "^feedback delivered: unscored.ndjson:2: ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M has no icp_score: these records were never scored; run score ICP first: .*| score ICP | to-csv > leads.csv (nothing was recorded; exit 7)$" err.txt &&
	 cmp u.ndjson log.ndjson'
ok 'delivered: a new log is not even created on a mistake of order' \
	'feedback delivered -q -f new-u.ndjson "$ICP" leads.csv < unscored.ndjson 2>/dev/null; test $? -eq 7 && ! test -e new-u.ndjson'
status 'delivered: an empty spreadsheet is fatal (3)' 3 ': > empty.csv && feedback delivered -f f4.ndjson "$ICP" empty.csv < "$S"'
status 'delivered: no LinkedIn or id column: fatal (3)' 3 'printf "Name,Score\nA,1\n" > nolink.csv && feedback delivered -f f4.ndjson "$ICP" nolink.csv < "$S"'
status 'delivered: a log that is a symbolic link is refused (3), not followed' 3 'ln -s d.ndjson link.ndjson && feedback delivered -f link.ndjson "$ICP" leads.csv < "$S"'
status 'delivered: two logs: usage (2)' 2 'feedback delivered -f a.ndjson -f b.ndjson "$ICP" leads.csv < "$S"'
status 'delivered: a reviewer name with a control character: usage (2)' 2 'feedback delivered --reviewer "$(printf "a\tb")" "$ICP" leads.csv < "$S"'
ok 'delivered: the log is created mode 0600' 'test "$(stat -c %a f3.ndjson)" = 600'

# fit: refuses too few labels (exit 6, nothing written); learns a reviewer's
# known preference on synthetic leads and beats the untuned score on the held-out part.
status 'fit on a tiny log: refused (6)' 6 'feedback fit -f log.ndjson -o cal.json "$ICP" < "$S"'
stderr_has 'fit on a tiny log: says why and what to do' 'refused: the fit part has [0-9]+ good and [0-9]+ bad judgments.*at least 20 good and 20 bad' 'feedback fit -f log.ndjson "$ICP" < "$S"'
ok 'fit refused: no calibration file left behind' 'test ! -e cal.json && ! ls | grep -q "cal.json.tmp"'
python3 "$DATA/feedback/synth.py" 400 "$H" syn.ndjson synlog.ndjson
ok 'fit on a reviewer who weighs company size far above keywords: written, counts, held-out better' \
	'feedback fit -q -f synlog.ndjson -o cal.json "$ICP" < syn.ndjson &&
	 jq -e ".lq_calibration == 1 and .client == \"Brightbook\" and .icp_hash == env.H and .score_version == \"structured-3\" and (.features | length) == 8 and .labels.fit.positives >= 20 and .labels.knocked_out > 0 and .held_out.verdict == \"better\" and .held_out.auc.calibrated > .held_out.auc.untuned + 0.1" cal.json >/dev/null'
ok 'fit learnt the preference: company size weighs more than keywords' \
	'jq -e ".weights.company_type + .weights[\"title*company_type\"] > 2 + .weights.keywords + .weights[\"title*keywords\"]" cal.json >/dev/null'
ok 'fit is deterministic: the same input gives the same file' \
	'feedback fit -q -f synlog.ndjson "$ICP" < syn.ndjson > cal2.json && cmp cal.json cal2.json'
ok 'fit --lambda: the ridge given is used and named' \
	'feedback fit -q --lambda 1000 -f synlog.ndjson "$ICP" < syn.ndjson | jq -e ".lambda == 1000 and .lambda_chosen_by == \"--lambda\" and (has(\"cross_validation\") | not)" >/dev/null'
status 'fit on reranked records: fatal (3), it needs score'"'"'s own icp_score' 3 \
	'jq -c ".score_version = \"structured-3+rerank-local-1\"" syn.ndjson | feedback fit -q -f synlog.ndjson "$ICP"'
status 'fit on baseline records: fatal (3)' 3 'jq -c ".score_version = \"baseline-1\"" syn.ndjson | feedback fit -q -f synlog.ndjson "$ICP"'
ok 'fit: records scored for another ICP are not used (the fit part empties: refused)' \
	'jq -c ".icp = \"Otherco\"" syn.ndjson | feedback fit -q -f synlog.ndjson "$ICP" >/dev/null 2>&1; test $? -eq 6'
ok 'fit: a calibration written to a full disk fails (3)' \
	'! test -w /dev/full || { feedback fit -q -f synlog.ndjson "$ICP" < syn.ndjson > /dev/full 2>/dev/null; test $? -eq 3; }'

# score --calibration refuses what it must not apply (before reading a lead or the model).
jq '.labels.fit.positives = 12' cal.json > few.json
status 'score: a calibration fitted on too few labels is refused (6)' 6 'score --calibration few.json "$ICP" < /dev/null'
stderr_has 'score: the refusal says why' 'few.json: refused: fitted on 12 good and [0-9]+ bad labels; a calibration needs at least 20 good and 20 bad' 'score --calibration few.json "$ICP" < /dev/null'
jq 'del(.labels)' cal.json > nolabels.json
status 'score: a calibration without label counts is refused (3)' 3 'score --calibration nolabels.json "$ICP" < /dev/null'
jq '.client = "Otherco"' cal.json > other.json
stderr_has 'score: another client'"'"'s calibration is refused (3)' 'a calibration for "Otherco", but the ICP is "Brightbook"' 'score --calibration other.json "$ICP" < /dev/null'
jq '.score_version = "structured-0"' cal.json > old.json
stderr_has 'score: a calibration of other components is refused' 'fitted on components of structured-0, this score writes structured-3' 'score --calibration old.json "$ICP" < /dev/null'
jq 'del(.target_keywords)' "$ICP" > nokw.json
stderr_has 'score: an ICP without a criterion the calibration weighs is refused' 'weighs keywords, which this ICP has no criterion for' 'score --calibration cal.json nokw.json < /dev/null'
for bad in '[]' '{"lq_calibration":2}' '{"lq_calibration":1,"client":"Brightbook"}' \
	"$(jq -c '.weights.title = "high"' cal.json)" "$(jq -c '.features += ["title"]' cal.json)" \
	"$(jq -c '.features[1] = "charisma"' cal.json)" "$(jq -c '.intercept = null' cal.json)" '{"lq_calibration":1,'; do
	printf '%s\n' "$bad" > badcal.json
	status "score: a broken calibration is fatal (3): $(printf '%s' "$bad" | cut -c1-40)" 3 'score --calibration badcal.json "$ICP" < /dev/null'
done
status 'score: --calibration with --method baseline: usage (2)' 2 'score --method baseline --calibration cal.json "$ICP" < /dev/null'
status 'score: a missing calibration file: fatal (3)' 3 'score --calibration no-such.json "$ICP" < /dev/null'
done_testing
