#!/bin/sh
# 87-icp-eval: tests/icp_eval.py finds the dev, held-out, held-out-2, held-out-3, held-out-4 and held-out-5 calls, runs multi-call cases and reports the parts apart.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"

IE=$TOP/tests/icp_eval.py
C=$TOP/tests/data/calls
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
need_model

# A small copy of the set: one dev case, one held-out case, one client with three calls, two held-out-2 cases (one of two calls),
# one held-out-3 client with two calls, one held-out-4 case (WebVTT with _args), one held-out-5 case (text). The held-out-2,
# held-out-3, held-out-4 and held-out-5 cases are dev cases relabelled: the real sets are run only by the coordinator.
mkdir -p d/held-out d/held-out-2 d/held-out-3 d/held-out-4 d/held-out-5
cp "$C/ledgerly-kickoff.txt" "$C/ledgerly-kickoff.expected.json" d/
cp "$C/held-out/auditwise-kickoff.vtt" "$C/held-out/auditwise-kickoff.expected.json" d/held-out/
cp "$C"/held-out/corvid* d/held-out/
cp "$C/verdant-kickoff.txt" d/held-out-2/rivetline-intro.txt
jq '._split = "held-out-2"' "$C/verdant-kickoff.expected.json" > d/held-out-2/rivetline-intro.expected.json
cp "$C"/pebblecart-* d/held-out-2/
jq '._split = "held-out-2"' "$C/pebblecart.expected.json" > d/held-out-2/almsbridge.expected.json
cp "$C"/pebblecart-* d/held-out-3/
jq '._split = "held-out-3"' "$C/pebblecart.expected.json" > d/held-out-3/sunrafter.expected.json
cp "$C/forgeline-intro.vtt" d/held-out-4/hospedix-reuniao.vtt
jq '._split = "held-out-4"' "$C/forgeline-intro.expected.json" > d/held-out-4/hospedix-reuniao.expected.json
cp "$C/cobaltsec-followup.txt" d/held-out-5/tollgate-intro.txt
jq '._split = "held-out-5"' "$C/cobaltsec-followup.expected.json" > d/held-out-5/tollgate-intro.expected.json
# expected elements per case: tp + fn must add up to them whatever the rules find
want() { jq '[to_entries[] | select(.key | test("^(target_|company_sizes|exclude_titles|_exclude_)")) | .value | length] | add' "$1"; }
nled=$(want d/ledgerly-kickoff.expected.json)
naud=$(want d/held-out/auditwise-kickoff.expected.json)
ncor=$(want d/held-out/corvid.expected.json)
nriv=$(want d/held-out-2/rivetline-intro.expected.json)
nalm=$(want d/held-out-2/almsbridge.expected.json)
nsun=$(want d/held-out-3/sunrafter.expected.json)
nhos=$(want d/held-out-4/hospedix-reuniao.expected.json)
ntol=$(want d/held-out-5/tollgate-intro.expected.json)

python3 "$IE" --json "$LQ_BIN" d > both.json 2> both.err
ok "icp_eval.py --json exits 0 with nothing on stderr" "python3 '$IE' --json '$LQ_BIN' d >/dev/null && test ! -s both.err"
expect "dev, held-out, held-out-2, held-out-3, held-out-4 and held-out-5 are reported apart, each case once, the calls of one client as one case" \
	"jq -c '[(.dev.cases | map(.case)), (.[\"held-out\"].cases | map([.case, .calls])), (.[\"held-out-2\"].cases | map([.case, .calls])), (.[\"held-out-3\"].cases | map([.case, .calls])), (.[\"held-out-4\"].cases | map([.case, .calls])), (.[\"held-out-5\"].cases | map([.case, .calls]))]' both.json" <<'X'
[["ledgerly-kickoff"],[["auditwise-kickoff",1],["corvid",3]],[["almsbridge",2],["rivetline-intro",1]],[["sunrafter",2]],[["hospedix-reuniao",1]],[["tollgate-intro",1]]]
X
expect "tp + fn of every case is the number of criteria it expects" \
	"jq -c '[.dev.cases[], .[\"held-out\"].cases[], .[\"held-out-2\"].cases[], .[\"held-out-3\"].cases[], .[\"held-out-4\"].cases[], .[\"held-out-5\"].cases[]] | map(.tp + .fn)' both.json" <<EOF2
[$nled,$naud,$ncor,$nalm,$nriv,$nsun,$nhos,$ntol]
EOF2
ok "each part's precision and recall come from its own counts" \
	"jq -e 'all(.dev, .[\"held-out\"], .[\"held-out-2\"], .[\"held-out-3\"], .[\"held-out-4\"], .[\"held-out-5\"]; (.tp + .fp == 0 or (.precision - .tp / (.tp + .fp) | fabs) < 1e-9) and
		(.recall - .tp / (.tp + .fn) | fabs) < 1e-9 and .tp == ([.cases[].tp] | add))' both.json"
expect "--split dev measures only the dev calls" "python3 '$IE' --json --split dev '$LQ_BIN' d | jq -c 'keys'" <<'X'
["dev"]
X
expect "--split held-out-2 measures only the second held-out set" "python3 '$IE' --json --split held-out-2 '$LQ_BIN' d | jq -c '[keys, (.[\"held-out-2\"].cases | length)]'" <<'X'
[["held-out-2"],2]
X
expect "--split held-out-3 measures only the third held-out set" "python3 '$IE' --json --split held-out-3 '$LQ_BIN' d | jq -c '[keys, (.[\"held-out-3\"].cases | length)]'" <<'X'
[["held-out-3"],1]
X
expect "--split held-out-4 measures only the fourth held-out set" "python3 '$IE' --json --split held-out-4 '$LQ_BIN' d | jq -c '[keys, (.[\"held-out-4\"].cases | length)]'" <<'X'
[["held-out-4"],1]
X
expect "--split held-out-5 measures only the fifth held-out set" "python3 '$IE' --json --split held-out-5 '$LQ_BIN' d | jq -c '[keys, (.[\"held-out-5\"].cases | length)]'" <<'X'
[["held-out-5"],1]
X
ok "the text report has a section and a total per part" \
	"python3 '$IE' '$LQ_BIN' d > both.txt && grep -q '^== dev (1 cases, 1 calls)\$' both.txt &&
	 grep -q '^== held-out (2 cases, 4 calls)\$' both.txt && grep -Eq '^held-out: precision [0-9.]+  recall [0-9.]+' both.txt &&
	 grep -q '^== held-out-2 (2 cases, 3 calls)\$' both.txt && grep -Eq '^held-out-2: precision [0-9.]+  recall [0-9.]+' both.txt &&
	 grep -q '^== held-out-3 (1 cases, 2 calls)\$' both.txt && grep -Eq '^held-out-3: precision [0-9.]+  recall [0-9.]+' both.txt &&
	 grep -q '^== held-out-4 (1 cases, 1 calls)\$' both.txt && grep -Eq '^held-out-4: precision [0-9.]+  recall [0-9.]+' both.txt &&
	 grep -q '^== held-out-5 (1 cases, 1 calls)\$' both.txt && grep -Eq '^held-out-5: precision [0-9.]+  recall [0-9.]+' both.txt"

# Bad sets: said where.
mkdir -p bad1 bad2/held-out bad3/held-out bad4 bad5/held-out bad6/held-out-2 bad7/held-out-2 bad8/held-out-3 bad9/held-out-4
cp "$C/held-out/auditwise-kickoff.vtt" "$C/held-out/auditwise-kickoff.expected.json" bad1/
cp "$C/ledgerly-kickoff.txt" "$C/ledgerly-kickoff.expected.json" bad2/held-out/
jq '._split = "test"' "$C/held-out/auditwise-kickoff.expected.json" > bad3/held-out/auditwise-kickoff.expected.json
cp "$C/held-out/auditwise-kickoff.vtt" bad3/held-out/
jq '._calls = ["nope.txt"]' "$C/ledgerly-kickoff.expected.json" > bad4/x.expected.json
cp d/held-out-2/rivetline-intro.* bad5/held-out/
cp "$C/held-out/auditwise-kickoff.vtt" "$C/held-out/auditwise-kickoff.expected.json" bad6/held-out-2/
cp d/held-out-3/pebblecart-* d/held-out-3/sunrafter.expected.json bad7/held-out-2/
cp d/held-out-4/hospedix-reuniao.* bad8/held-out-3/
cp d/held-out-5/tollgate-intro.* bad9/held-out-4/
status "a held-out case outside held-out/ is refused" 1 "python3 '$IE' '$LQ_BIN' bad1"
stderr_has "... naming the file" "bad1/auditwise-kickoff.expected.json: held-out cases live in held-out/" "python3 '$IE' '$LQ_BIN' bad1"
stderr_has "a case in held-out/ that does not say held-out is refused" "held-out cases live in held-out/" "python3 '$IE' '$LQ_BIN' bad2"
stderr_has "an unknown _split is refused" "_split must be one of dev, held-out, held-out-2, held-out-3, held-out-4, held-out-5" "python3 '$IE' '$LQ_BIN' bad3"
stderr_has "a held-out-2 case in held-out/ is refused, naming its own split" "bad5/held-out/rivetline-intro.expected.json: held-out-2 cases live in held-out-2/" "python3 '$IE' '$LQ_BIN' bad5"
stderr_has "a held-out case in held-out-2/ is refused" "bad6/held-out-2/auditwise-kickoff.expected.json: held-out cases live in held-out/" "python3 '$IE' '$LQ_BIN' bad6"
stderr_has "a held-out-3 case in held-out-2/ is refused, naming its own split" "bad7/held-out-2/sunrafter.expected.json: held-out-3 cases live in held-out-3/" "python3 '$IE' '$LQ_BIN' bad7"
stderr_has "a held-out-4 case in held-out-3/ is refused, naming its own split" "bad8/held-out-3/hospedix-reuniao.expected.json: held-out-4 cases live in held-out-4/" "python3 '$IE' '$LQ_BIN' bad8"
stderr_has "a held-out-5 case in held-out-4/ is refused, naming its own split" "bad9/held-out-4/tollgate-intro.expected.json: held-out-5 cases live in held-out-5/" "python3 '$IE' '$LQ_BIN' bad9"
expect "--split dev --split held-out measures both and does not even read another part's files (bad6's broken held-out-2 case)" \
	"python3 '$IE' --json --split dev --split held-out '$LQ_BIN' bad6 && python3 '$IE' --json --split dev --split held-out '$LQ_BIN' d | jq -c 'keys'" <<'X'
{}
["dev","held-out"]
X
stderr_has "a _calls entry that does not exist is refused" "x.expected.json: _calls names missing transcripts" "python3 '$IE' '$LQ_BIN' bad4"
status "--split takes dev, held-out, held-out-2, held-out-3, held-out-4 or held-out-5" 2 "python3 '$IE' --split tune '$LQ_BIN' d"

# regions: compared list by list in the cases whose expected file gives them, and counted apart
mkdir -p rg
cat > rg/rg-kickoff.txt <<'T'
# id: rg-kickoff
# title: Kickoff
# date: 2026-11-02
# participant: Sam Ortiz <sam@northbeam.agency> internal
# participant: Lee Park <lee@client.example> external
[00:00:03] Sam Ortiz: Who should we go after?
[00:00:08] Lee Park: CFOs at fintech scaleups. Only Spain and Portugal for now.
[00:00:14] Lee Park: No US clients, we cannot serve them.
T
printf '%s\n' '{"target_titles":["CFO"],"regions":{"include":["Spain","Portugal","Italy"],"exclude":[["USA","United States"]]}}' > rg/rg-kickoff.expected.json
python3 "$IE" --json "$LQ_BIN" rg > rg.json
expect "regions: counted apart (the criteria figures do not include them); one region missing is one fn" \
	"jq -c '.dev | [.tp, .fn, .regions.cases, .regions.tp, .regions.fp, .regions.fn, .regions.lists[\"regions.exclude\"].tp, .cases[0].regions.misses]' rg.json" <<'X'
[1,0,1,3,0,1,1,["-regions.include:italy"]]
X
jq 'del(.regions)' rg/rg-kickoff.expected.json > rg/x && mv rg/x rg/rg-kickoff.expected.json
ok "a case without regions adds no regions section" "python3 '$IE' --json '$LQ_BIN' rg | jq -e '.dev | has(\"regions\") | not' > /dev/null"
# wrong shapes in an expected file: said where, not a Python traceback
mkdir -p wt1 wt2 wt3
for d in wt1 wt2 wt3; do cp rg/rg-kickoff.txt $d/; done
printf '%s\n' '{"target_titles":["CFO"],"regions":"Spain"}' > wt1/rg-kickoff.expected.json
printf '%s\n' '{"target_titles":["CFO", 3]}' > wt2/rg-kickoff.expected.json
printf '%s\n' '{"target_titles":["CFO"' > wt3/rg-kickoff.expected.json
status "regions given as a string is refused" 1 "python3 '$IE' '$LQ_BIN' wt1"
stderr_has "... naming the file and the shape wanted" "wt1/rg-kickoff.expected.json: regions must be an object" "python3 '$IE' '$LQ_BIN' wt1"
stderr_has "a criterion element that is not a string is refused, naming the list and index" "wt2/rg-kickoff.expected.json: target_titles\\[1\\] must be a string or a list of spellings, not 3" "python3 '$IE' '$LQ_BIN' wt2"
stderr_has "an expected file that is not JSON is refused, naming it" "wt3/rg-kickoff.expected.json: not JSON" "python3 '$IE' '$LQ_BIN' wt3"
ok "... and none of them prints a traceback" "! python3 '$IE' '$LQ_BIN' wt1 2>&1 | grep -q Traceback && ! python3 '$IE' '$LQ_BIN' wt2 2>&1 | grep -q Traceback && ! python3 '$IE' '$LQ_BIN' wt3 2>&1 | grep -q Traceback"
done_testing
