#!/bin/sh
# 20-to-csv.sh: to-csv, read back by Python's csv module.
. "$(dirname "$0")/../lib.sh"
R="python3 $TOP/tests/csvread.py"

# The deliverable: scored leads as the pipeline leaves them (tests/data/to-csv).
S=$DATA/to-csv/scored.ndjson
expect 'default: the client columns, tiers A and B, best first, ties by id, plain-word reasons' \
	"to-csv -q < '$S' > out.csv; $R rows out.csv" <<'EOF'
["Rank", "Name", "Title", "Company", "Tier", "Score", "Reason", "LinkedIn", "Location"]
["1", "Ann Lee", "Chief Financial Officer", "Acme", "A", "91", "Chief Financial Officer, equivalent to the target CFO; a fintech scale-up; mentions FP&A and treasury, and touches on close.", "https://www.linkedin.com/in/ann-lee/", "London, England, United Kingdom"]
["2", "Amy Adams", "Finance Director", "Full Stop Ltd", "A", "77", "Finance Director, a target role; company size and industry unknown; touches on treasury.", "https://www.linkedin.com/in/amy-a/", "Leeds"]
["3", "Bea Baseline", "VP Finance", "", "A", "76", "Profile reads very close to the ICP as a whole.", "https://www.linkedin.com/in/base-1/", ""]
["4", "'=HYPERLINK(\"http://evil.test\",\"x\")", "'+cmd|' /C calc'!A0", "'@SUM(A1)", "A", "70", "'+cmd|' /C calc'!A0, equivalent to the target CFO.", "https://www.linkedin.com/in/hostile/", "'-2+3"]
["5", "Bob Black", "Head of Finance", "Numeris", "B", "64", "Head of Finance, a target role; a mid-market retail company, outside the target industries.", "https://www.linkedin.com/in/bob-b/", "Berlin"]
["6", "Zed Brown", "Finance Manager", "Ledgerly", "B", "64", "Finance Manager, close to the target Finance Director; a large SaaS company, next to the target sizes; none of the target keywords.", "https://www.linkedin.com/in/zed-b/", "Paris"]
["7", "Nia Noor", "Controller", "", "B", "55", "Controller, close to the target CFO.", "https://www.linkedin.com/in/no-tier/", ""]
EOF
ok 'default: begins with a UTF-8 byte order mark, rows end in CRLF' "to-csv -q < '$S' > out.csv; $R bom out.csv && $R crlf out.csv"
ok '--no-bom: the same bytes without the mark' \
	"to-csv -q < '$S' > b.csv; to-csv -q --no-bom < '$S' > n.csv; ! $R bom n.csv && tail -c +4 b.csv | cmp - n.csv"
ok '--excel (the old flag) is the default' "to-csv -q < '$S' > b.csv; to-csv -q --excel < '$S' > e.csv; cmp b.csv e.csv"
cat > noarith.py <<'EOF'
import json, re, sys
rows = [json.loads(l) for l in sys.stdin][1:]
assert len(rows) == 11, len(rows)
for r in rows:
    assert "~" not in r[6] and not re.search(r"\([0-9]|[0-9]\.[0-9]", r[6]), r
EOF
ok 'no reason reads like arithmetic: no ~, no (0.00), no decimals' \
	"to-csv -q --all < '$S' > out.csv; $R rows out.csv | python3 noarith.py"
status 'a failed lead left out: exit 5' 5 "to-csv -q < '$S' > /dev/null"
stderr_has 'a failed lead left out: said on stderr even with -q, with the way out' \
	"^to-csv: 1 failed lead left out of the spreadsheet \\(exit 5\\): --include-failed lists them with their error, --exclude-failed accepts leaving them out$" \
	"to-csv -q < '$S'"
stderr_has 'the summary says how many were left out and why' \
	"^to-csv: 12 in, 7 out, 0 failed \\(0 here\\), 1 failed left out, 3 below tier B, 1 without a score, " "to-csv < '$S'"
status '--exclude-failed: asked for, exit 0' 0 "to-csv -q --exclude-failed < '$S' > /dev/null"
ok '--exclude-failed: the same rows, no warning' \
	"to-csv -q < '$S' > a.csv; to-csv -q --exclude-failed < '$S' > b.csv 2> err.txt; cmp a.csv b.csv && test ! -s err.txt"
status 'no failed lead: exit 0' 0 "grep -v private-one '$S' | to-csv -q > /dev/null"
expect '--include-failed: the failed lead last, with its error; exit 0' \
	"to-csv -q --include-failed -c 'Rank=@rank,Name=name,id' < '$S' > out.csv; echo \$?; $R rows out.csv | tail -n 2" <<'EOF'
0
["7", "Nia Noor", "no-tier", ""]
["8", "", "private-one", "scrape: private: profile is private"]
EOF
expect '--min-tier A' "to-csv -q --exclude-failed --min-tier A -c id < '$S' > out.csv; $R rows out.csv | tr -d '\\n'; echo" <<'EOF'
["id"]["ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M"]["amy-a"]["base-1"]["hostile"]
EOF
stderr_has '--min-tier A: counted' ", 1 failed left out, 6 below tier A, 1 without a score, " "to-csv --min-tier A < '$S'"
expect '--min-tier c (either case) keeps tier C' "to-csv -q --exclude-failed --min-tier c -c id,@tier < '$S' > out.csv; $R rows out.csv | tail -n 1" <<'EOF'
["c-lead", "C"]
EOF
expect '--all: every lead that did not fail, unscored last' \
	"to-csv -q --exclude-failed --all -c 'R=@rank,id,T=@tier,S=@score' < '$S' > out.csv; $R rows out.csv | tail -n 5" <<'EOF'
["7", "no-tier", "B", "55"]
["8", "c-lead", "C", "42"]
["9", "d-lead", "D", "12"]
["10", "kay-recruits", "D", "5"]
["11", "unscored", "", ""]
EOF
expect '--min-score replaces the tier cut; with --min-tier both apply' \
	"to-csv -q --exclude-failed --no-bom --min-score 40 -c id < '$S' | tail -n 1 | tr -d '\\r'; to-csv -q --exclude-failed --no-bom --min-score 40 --min-tier B -c id < '$S' | tail -n 1 | tr -d '\\r'" <<'EOF'
c-lead
no-tier
EOF
status '--min-tier E is a usage error' 2 "to-csv --min-tier E < /dev/null"
stderr_has '--min-tier: the bad value is named' "min-tier: 'AB' is not a tier" "to-csv --min-tier AB < /dev/null"
status '--all and --min-tier contradict' 2 "to-csv --all --min-tier C < /dev/null"
status '--include-failed and --exclude-failed contradict' 2 "to-csv --include-failed --exclude-failed < /dev/null"
status '--full and --columns contradict' 2 "to-csv --full -c name < /dev/null"
status '--excel and --no-bom contradict' 2 "to-csv --excel --no-bom < /dev/null"

# Ties: the same rows in the same order however the input was split or shuffled.
cat > shuffle.py <<'EOF'
import random, sys
lines = open(sys.argv[1]).readlines()
random.Random(int(sys.argv[2])).shuffle(lines)
sys.stdout.write("".join(lines))
EOF
ok 'ties: order never depends on input order or how the run was split' \
	"to-csv -q --exclude-failed --all < '$S' > one.csv &&
	 tac '$S' | to-csv -q --exclude-failed --all > rev.csv && cmp one.csv rev.csv &&
	 split -l 5 '$S' part. && to-csv -q --exclude-failed --all part.ab part.ac part.aa > split.csv && cmp one.csv split.csv &&
	 for seed in 1 2 3; do python3 shuffle.py '$S' \$seed | to-csv -q --exclude-failed --all > shuf.csv && cmp one.csv shuf.csv || exit 1; done"
expect 'ties: equal scores by id, records without an id after, then unscored by id' \
	"printf '%s\n' '{\"id\":\"m\",\"icp_score\":60}' '{\"id\":\"c\"}' '{\"id\":\"z\",\"icp_score\":60}' '{\"id\":\"a\"}' '{\"id\":\"b\",\"icp_score\":60}' '{\"name\":\"no id\",\"icp_score\":60}' | to-csv -q --all --no-bom -c id,name | tr -d '\\r'" <<'EOF'
id,name
b,
m,
z,
,no id
a,
c,
EOF

# Computed columns and the developer's columns.
expect '--full: the developer columns; Other and unknown shown empty' \
	"to-csv -q --exclude-failed --full --min-tier A < '$S' > out.csv; $R rows out.csv | sed -n '1p;3p'" <<'EOF'
["Name", "Profile URL", "Headline", "Company", "Location", "Job Title", "Industry", "Company Type", "ICP Score", "Tier", "Match Reasoning"]
["Amy Adams", "https://www.linkedin.com/in/amy-a/", "", "Full Stop Ltd", "Leeds", "Finance Director", "", "", "77", "A", "Finance Director ~ Finance Director (1.00); text ~ B2B software (0.20); unknown; keywords: ~treasury"]
EOF
expect '--numbers: the figures in two more columns' \
	"to-csv -q --exclude-failed --numbers --min-tier A < '$S' > out.csv; $R rows out.csv | python3 -c 'import json,sys
for l in list(sys.stdin)[:2]: r = json.loads(l); print(r[0], r[5], r[9:])'" <<'EOF'
Rank Score ['ICP Score', 'Match Reasoning']
1 91 ['91.3', 'Chief Financial Officer ~ CFO (1.00); Fintech ~ Financial technology (1.00); scaleup; keywords: FP&A, treasury, ~close']
EOF
expect 'computed columns in --columns; the link prefers the vanity slug and never passes a non-LinkedIn URL' \
	"to-csv -q --exclude-failed --min-tier A -c 'R=@rank,L=@link,raw=linkedin_url,I=@industry,C=@company_type' < '$S' > out.csv; $R rows out.csv" <<'EOF'
["R", "L", "raw", "I", "C"]
["1", "https://www.linkedin.com/in/ann-lee/", "https://www.linkedin.com/in/ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M/", "Fintech", "scaleup"]
["2", "https://www.linkedin.com/in/amy-a/", "https://www.linkedin.com/in/amy-a/", "", ""]
["3", "https://www.linkedin.com/in/base-1/", "https://www.linkedin.com/in/base-1/", "", ""]
["4", "https://www.linkedin.com/in/hostile/", "javascript:alert(1)", "", ""]
EOF
status 'an unknown computed column is a usage error' 2 "to-csv -c 'x=@nope' < /dev/null"
stderr_has 'an unknown computed column is named' "@nope is not a computed column" "to-csv -c 'x=@nope' < /dev/null"
expect '--no-sort: ranks in input order' \
	"to-csv -q --exclude-failed --no-sort --no-bom -c @rank,id < '$S' | tr -d '\\r'" <<'EOF'
@rank,id
1,ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M
2,zed-b
3,bob-b
4,amy-a
5,hostile
6,base-1
7,no-tier
EOF
ok '--no-header writes no byte order mark (rows appended mid-file); --excel forces one' \
	"to-csv -q --exclude-failed --no-header < '$S' > nh.csv; ! $R bom nh.csv && to-csv -q --exclude-failed --no-header --excel < '$S' > nhe.csv && $R bom nhe.csv"

# Developer columns (--columns) on records of every shape.
# Leads in the shape the pipeline leaves them.
cat > leads.ndjson <<'EOF'
{"id":"a","name":"Ann Lee","linkedin_url":"https://www.linkedin.com/in/a/","headline":"CFO, Acme","company":"Acme","location":"London","current_job_titles":["CFO","Board member"],"industry":"Fintech","company_type":"scaleup","icp_score":40,"tier":"C","match_reasoning":"CFO ~ CFO (0.91)","profile":{"skills":["FP&A","Excel"],"contactInfo":{"email":"ann@acme.test"}}}
{"id":"b","name":"Bob","icp_score":87.5,"tier":"A","job_title":"Controller"}
{"id":"c","name":"Cy"}
{"id":"d","name":"Dee","icp_score":87.5}
{"id":"e","name":"Eve","icp_score":100}
{"id":"f","name":"Fay","icp_score":0}
EOF

expect '--full --all: the developer columns, highest score first, ties by id, unscored last' \
	"to-csv -q --full --all < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Profile URL", "Headline", "Company", "Location", "Job Title", "Industry", "Company Type", "ICP Score", "Tier", "Match Reasoning"]
["Eve", "", "", "", "", "", "", "", "100", "", ""]
["Bob", "", "", "", "", "Controller", "", "", "87.5", "A", ""]
["Dee", "", "", "", "", "", "", "", "87.5", "", ""]
["Ann Lee", "https://www.linkedin.com/in/a/", "CFO, Acme", "Acme", "London", "CFO, Board member", "Fintech", "scaleup", "40", "C", "CFO ~ CFO (0.91)"]
["Fay", "", "", "", "", "", "", "", "0", "", ""]
["Cy", "", "", "", "", "", "", "", "", "", ""]
EOF

ok 'rows end in CRLF (RFC 4180)' "to-csv -q --all < leads.ndjson > out.csv && $R crlf out.csv"

expect 'no scores at all: by id' \
	"jq -c 'del(.icp_score)' leads.ndjson | to-csv -q --all -c name > out.csv && $R rows out.csv" <<'EOF'
["name"]
["Ann Lee"]
["Bob"]
["Cy"]
["Dee"]
["Eve"]
["Fay"]
EOF

expect '--no-sort streams in input order' \
	"to-csv -q --all --no-sort -c 'N=name,S=icp_score' < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["N", "S"]
["Ann Lee", "40"]
["Bob", "87.5"]
["Cy", ""]
["Dee", "87.5"]
["Eve", "100"]
["Fay", "0"]
EOF

expect '--columns: dotted paths, indices, alternatives, missing fields, arrays, objects' \
	"to-csv -q --all -c 'Name=name, Email=profile.contactInfo.email,Skill1=profile.skills[0],Last=profile.skills[-1],Title=current_job_titles|job_title,Nope=no.such[3],Profile=profile.contactInfo' < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Email", "Skill1", "Last", "Title", "Nope", "Profile"]
["Eve", "", "", "", "", "", ""]
["Bob", "", "", "", "Controller", "", ""]
["Dee", "", "", "", "", "", ""]
["Ann Lee", "ann@acme.test", "FP&A", "Excel", "CFO, Board member", "", "{\"email\":\"ann@acme.test\"}"]
["Fay", "", "", "", "", "", ""]
["Cy", "", "", "", "", "", ""]
EOF

expect '--columns: escaped comma and equals in headers, dotted key' \
	"echo '{\"a.b\":1,\"s\":\"x\"}' | to-csv -q --all -c 'Score\\, %=a\\.b,A\\=B=s' > out.csv && $R rows out.csv" <<'EOF'
["Score, %", "A=B"]
["1", "x"]
EOF

status '--columns error is a usage error (2)' 2 "to-csv -c 'a..b' < /dev/null"
stderr_has '--columns error names the position' \
	"^to-csv: --columns: at character 3: empty field name$" "to-csv -c 'a..b' < /dev/null"
stderr_has '--columns: empty spec' "at character 1: empty column" "to-csv -c '' < /dev/null"
stderr_has '--columns: bad index' "expected a number after" "to-csv -c 'x[y]' < /dev/null"

# Hostile cells: everything a stranger can put in a profile.
cat > hostile.ndjson <<'EOF'
{"name":"He said \"hi\", then left","headline":"line one\nline two\r\nline three","company":"A, B & C","location":"=HYPERLINK(\"http://evil.test\",\"x\")","industry":"+cmd|' /C calc'!A0","company_type":"-2+3","tier":"@SUM(A1)","match_reasoning":"\tTAB","icp_score":90}
{"name":"Zoë 🎉 李","headline":"\rCR first","company":"N\u0000U\u0000L","location":"\u0000=after NUL","industry":" =leading space","company_type":"'already quoted","tier":"","match_reasoning":"\"","icp_score":80}
EOF
cols='Name=name,Headline=headline,Company=company,Location=location,Industry=industry,Type=company_type,Tier=tier,Why=match_reasoning'
expect 'hostile cells read back by Python: quotes, newlines, commas, emoji, NUL dropped, formulas quoted' \
	"to-csv -q --all -c '$cols' < hostile.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Headline", "Company", "Location", "Industry", "Type", "Tier", "Why"]
["He said \"hi\", then left", "line one\nline two\r\nline three", "A, B & C", "'=HYPERLINK(\"http://evil.test\",\"x\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)", "'\tTAB"]
["Zoë 🎉 李", "'\rCR first", "NUL", "'=after NUL", "' =leading space", "'already quoted", "", "\""]
EOF
ok 'hostile cells: still CRLF row ends' "to-csv -q --all -c '$cols' < hostile.ndjson > out.csv && $R crlf out.csv"
ok 'hostile cells: no NUL byte in the output' \
	"to-csv -q --all -c '$cols' < hostile.ndjson > out.csv && test -s out.csv && test \$(tr -cd '\\000' < out.csv | wc -c) -eq 0"

expect '--raw: formulas pass unchanged' \
	"to-csv -q --all --raw -c 'L=location,I=industry,T=company_type' < hostile.ndjson > out.csv && $R rows out.csv" <<'EOF'
["L", "I", "T"]
["=HYPERLINK(\"http://evil.test\",\"x\")", "+cmd|' /C calc'!A0", "-2+3"]
["=after NUL", " =leading space", "'already quoted"]
EOF

expect 'numbers from JSON numbers are left alone, the same text from a string is guarded' \
	"printf '%s\n' '{\"n\":-5,\"s\":\"-5\",\"a\":[-1,2],\"r\":-0.25,\"b\":true}' | to-csv -q --all -c n,s,a,r,b > out.csv && $R rows out.csv" <<'EOF'
["n", "s", "a", "r", "b"]
["-5", "'-5", "-1, 2", "-0.25", "true"]
EOF

expect 'one empty column: the row is "" rather than a blank line' \
	"printf '%s\n' '{\"a\":\"\"}' '{\"a\":\"x\"}' | to-csv -q --all --no-bom -c a > out.csv && $R rows out.csv && cat out.csv | od -An -c | tr -s ' '" <<'EOF'
["a"]
[""]
["x"]
 a \r \n " " \r \n x \r \n
EOF

# Failed records.
cat > mixed.ndjson <<'EOF'
{"id":"ok1","name":"Ok One","icp_score":50}
{"id":"bad1","name":"Private","status":"failed","error":{"stage":"scrape","code":"private","message":"profile is private"},"retry_count":1}
this is not json
["an","array"]
{"id":"ok2","name":"Ok Two","icp_score":70}
EOF
expect 'failed records are left out by default' \
	"to-csv -q -c id < mixed.ndjson > out.csv; $R rows out.csv" <<'EOF'
["id"]
["ok2"]
["ok1"]
EOF
stderr_has 'the summary counts failed records left out' \
	"^to-csv: 5 in, 2 out, 0 failed \\(2 here\\), 3 failed left out, " "to-csv -c id < mixed.ndjson"
status 'failed records left out: exit 5' 5 "to-csv -q -c id < mixed.ndjson > /dev/null"
expect '--include-failed adds them with an Error column naming the line' \
	"to-csv -q --include-failed -c id < mixed.ndjson > out.csv && $R rows out.csv" <<'EOF'
["id", "Error"]
["ok2", ""]
["ok1", ""]
["bad1", "scrape: private: profile is private"]
["", "to-csv: invalid_json: <stdin>:3: invalid JSON at column 4: '[' or '{' expected near 'this'"]
["", "to-csv: not_object: <stdin>:4: expected a JSON object, got an array"]
EOF
status 'a bad line with --strict exits 1' 1 "to-csv -q --strict < mixed.ndjson > /dev/null"
status 'a bad line without --strict: left out, exit 5' 5 "to-csv -q < mixed.ndjson > /dev/null"
status 'a bad line without --strict, --exclude-failed: exit 0' 0 "to-csv -q --exclude-failed < mixed.ndjson > /dev/null"
status 'a record failed upstream does not trip --strict' 0 \
	"sed -n 2p mixed.ndjson | to-csv -q --strict --exclude-failed > /dev/null"

expect '--min-score keeps scores >= N, drops unscored, keeps failed with --include-failed' \
	"to-csv -q --min-score 87.5 --include-failed -c 'N=name' < leads.ndjson > out.csv && sed -n 2p mixed.ndjson | to-csv -q --min-score 60 --include-failed -c name --no-header >> out.csv && $R rows out.csv && $R crlf out.csv" <<'EOF'
["N", "Error"]
["Eve", ""]
["Bob", ""]
["Dee", ""]
["Private", "scrape: private: profile is private"]
EOF
stderr_has '--min-score: the summary counts what it left out' "3 below --min-score" \
	"to-csv --min-score 87.5 < leads.ndjson"
status '--min-score out of range' 2 "to-csv --min-score 101 < /dev/null"
stderr_has '--min-score not a number' "min-score.*abc" "to-csv --min-score abc < /dev/null"

# Output options.
ok 'the byte order mark is EF BB BF, then the header' \
	"to-csv -q < leads.ndjson > x.csv && head -c 7 x.csv | od -An -tx1 | grep -q 'ef bb bf 52 61 6e 6b'"
ok '--no-bom: the header comes first' "to-csv -q --no-bom < leads.ndjson | head -c 4 | grep -q '^Rank'"
expect '--delimiter ; quotes cells holding ; and not ,' \
	"printf '%s\n' '{\"a\":\"x;y\",\"b\":\"1,5\"}' | to-csv -q --all --no-bom -d ';' -c a,b | tr -d '\r'" <<'EOF'
a;b
"x;y";1,5
EOF
expect '--delimiter tab' \
	"printf '%s\n' '{\"a\":\"x\",\"b\":\"y\"}' | to-csv -q --all --no-bom -d tab -c a,b | tr '\t\r' '|#'" <<'EOF'
a|b#
x|y#
EOF
status '--delimiter must be one character' 2 "to-csv -d ';;' < /dev/null"
status '--delimiter cannot be a quote' 2 "to-csv -d '\"' < /dev/null"
expect '--no-header' "to-csv -q --no-header -c name < leads.ndjson | head -n 1 | tr -d '\r'" <<'EOF'
Eve
EOF

# Bad and odd input.
expect 'empty input: the header alone' "to-csv -q --no-bom -c a,b < /dev/null | tr -d '\r'" <<'EOF'
a,b
EOF
expect 'blank lines, CRLF and a BOM in the input are fine' \
	"printf '\\357\\273\\277{\"a\":1}\\r\\n\\n  \\n{\"a\":2}\\r\\n' | to-csv -q --all --no-bom -c a | tr -d '\r'" <<'EOF'
a
1
2
EOF
stderr_has 'a non-numeric icp_score is named by line and id, sorted last' \
	"^to-csv: <stdin>:2: x: icp_score is not a number; treated as unscored" \
	"printf '%s\n' '{\"id\":\"w\",\"icp_score\":1}' '{\"id\":\"x\",\"icp_score\":\"99\"}' | to-csv"
expect 'a non-numeric icp_score: the row comes after the scored ones' \
	"printf '%s\n' '{\"id\":\"x\",\"icp_score\":\"99\"}' '{\"id\":\"w\",\"icp_score\":1}' | to-csv -q --all --no-bom -c id,icp_score | tr -d '\r'" <<'EOF'
id,icp_score
w,1
x,99
EOF
ok 'a 1 MB cell reads back whole' \
	"python3 -c 'import json; print(json.dumps({\"h\": \"=\" + \"x,\\\"\\n\" * 250000}))' | to-csv -q --all -c h > out.csv && $R rows out.csv | python3 -c 'import json,sys; r=[json.loads(l) for l in sys.stdin]; assert r[1][0] == \"\\x27=\" + \"x,\\\"\\n\" * 250000'"
# Memory follows the rows kept, not the raw profiles: 2000 records of
# 20 kB each (40 MB) make a small CSV, and to-csv must not hold them.
if [ "${LQ_VARIANT:-default}" = default ]; then
	python3 -c 'import json
for i in range(2000): print(json.dumps({"id": "p%d" % i, "icp_score": i % 100, "profile": {"summary": "y" * 20000}}))' > big.ndjson
	ok 'memory stays proportional to the rows kept, not the raw profiles' \
		"kb=\$(/usr/bin/time -f %M to-csv -q -c id < big.ndjson 2>&1 >/dev/null) && echo peak \$kb kB && test \$kb -lt 15000"
fi
ok '20000 records: none lost, order by score, ties by id' \
	"seq 1 20000 | awk '{printf \"{\\\"id\\\":\\\"p%d\\\",\\\"icp_score\\\":%d}\\n\", \$1, \$1 % 101}' | to-csv -q --all -c id,icp_score > out.csv && test \$($R rows out.csv | wc -l) -eq 20001 && $R rows out.csv | sed -n 2p | grep -q '\"p100\", \"100\"' && $R rows out.csv | tail -n 1 | grep -q '\"p9999\", \"0\"'"

# Files and errors.
expect 'FILE operands and - are read in turn' \
	"printf '%s\n' '{\"a\":\"one\"}' > f1 && printf '%s\n' '{\"a\":\"two\"}' | to-csv -q --all --no-bom --no-sort -c a f1 - f1 | tr -d '\r'" <<'EOF'
a
one
two
one
EOF
status 'a missing file is fatal (3)' 3 "to-csv no-such-file"
expect 'a missing file: nothing is written' "printf '%s\\n' '{}' > f0; to-csv f0 no-such-file 2>/dev/null" < /dev/null
stderr_has 'a missing file is named' "^to-csv: no-such-file: No such file" "to-csv no-such-file"
stderr_has 'a bad line in a file is named file:line on stderr' "^to-csv: f2:2: invalid JSON at column" \
	"printf '%s\n' '{\"a\":1}' '{oops' > f2 && to-csv --strict f2"
ok 'a bad line in a file is named file:line in its Error cell' \
	"to-csv -q --all --include-failed -c a f2 | grep -q '^,to-csv: invalid_json: f2:2: invalid JSON'"
ok 'unreadable lines: warnings stop after 10, the rest are counted' \
	"{ echo '{}'; seq 1 12; } | to-csv --all 2> err.txt > /dev/null; test \$(grep -c '^to-csv: <stdin>:[0-9]*: ' err.txt) -eq 10 && grep -q '^to-csv: 13 in, 1 out, 0 failed (12 here), 12 failed left out, 2 more unreadable lines, ' err.txt"
status 'writing to /dev/full is fatal (3)' 3 "to-csv < leads.ndjson > /dev/full"
stderr_has 'writing to /dev/full says so' "write error" "to-csv < leads.ndjson > /dev/full"
status 'an operand-like bad option is a usage error' 2 "to-csv --no-such-option < /dev/null"

# A degraded lead (warnings from an optional stage) stays in the sheet and
# its reason says which stage did not answer, once per stage.
printf '%s\n' '{"id":"w1","name":"Wen Li","linkedin_url":"https://www.linkedin.com/in/w1/","status":"qualified","icp_score":81,"tier":"A","current_job_titles":["CTO"],"components":{"title":{"score":1}},"warnings":[{"stage":"rerank","code":"http_status","message":"HTTP 500"},{"stage":"classify","code":"chat_refused","message":"refused"},{"stage":"rerank","code":"http_status","message":"HTTP 502"}]}' \
	'{"id":"w2","name":"Ana Ruiz","linkedin_url":"https://www.linkedin.com/in/w2/","status":"qualified","icp_score":70,"tier":"B","current_job_titles":["CFO"],"components":{"title":{"score":1}}}' > warned.ndjson
to-csv -q --no-bom warned.ndjson > warned.csv 2> warned.err
ok 'a degraded lead is listed, its reason naming each stage that did not answer once' \
	"test \$(grep -c 'Partly checked: no answer from the reranker and the industry labeller\\.' warned.csv) -eq 1 && grep -q '^1,Wen Li,' warned.csv && ! grep -q 'Ana Ruiz.*Partly' warned.csv && test ! -s warned.err"

# csv-spectrum (written by others): its JSON values as records come back
# from Python's csv reader unchanged. location_coordinates is skipped: its
# JSON does not match its CSV upstream (see corpora/README.md).
need_shared
for j in "$CORPORA"/csv-spectrum/json/*.json; do
	n=$(basename "$j" .json)
	[ "$n" = location_coordinates ] && continue
	ok "csv-spectrum $n: values read back unchanged" \
		"$R spectrum '$j' $n.ndjson $n.spec && to-csv -q --all --raw -c \"\$(cat $n.spec)\" $n.ndjson > $n.csv && $R same '$j' $n.csv && $R crlf $n.csv"
	ok "csv-spectrum $n: the same rows as the corpus's own CSV" \
		"$R spectrum '$j' $n.ndjson $n.spec && to-csv -q --all --raw -c \"\$(cat $n.spec)\" $n.ndjson > $n.csv && test \"\$($R rows $n.csv)\" = \"\$($R rows '$CORPORA/csv-spectrum/csvs/$n.csv')\""
done
done_testing
