#!/bin/sh
# 20-to-csv.sh: to-csv, read back by Python's csv module.
. "$(dirname "$0")/../lib.sh"
R="python3 $TOP/tests/csvread.py"

# Leads in the shape the pipeline leaves them.
cat > leads.ndjson <<'EOF'
{"id":"a","name":"Ann Lee","linkedin_url":"https://www.linkedin.com/in/a/","headline":"CFO, Acme","company":"Acme","location":"London","current_job_titles":["CFO","Board member"],"industry":"Fintech","company_type":"scaleup","icp_score":40,"tier":"C","match_reasoning":"CFO ~ CFO (0.91)","profile":{"skills":["FP&A","Excel"],"contactInfo":{"email":"ann@acme.test"}}}
{"id":"b","name":"Bob","icp_score":87.5,"tier":"A","job_title":"Controller"}
{"id":"c","name":"Cy"}
{"id":"d","name":"Dee","icp_score":87.5}
{"id":"e","name":"Eve","icp_score":100}
{"id":"f","name":"Fay","icp_score":0}
EOF

expect 'default columns, highest score first, ties and unscored in input order' \
	"to-csv -q < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Profile URL", "Headline", "Company", "Location", "Job Title", "Industry", "Company Type", "ICP Score", "Tier", "Match Reasoning"]
["Eve", "", "", "", "", "", "", "", "100", "", ""]
["Bob", "", "", "", "", "Controller", "", "", "87.5", "A", ""]
["Dee", "", "", "", "", "", "", "", "87.5", "", ""]
["Ann Lee", "https://www.linkedin.com/in/a/", "CFO, Acme", "Acme", "London", "CFO, Board member", "Fintech", "scaleup", "40", "C", "CFO ~ CFO (0.91)"]
["Fay", "", "", "", "", "", "", "", "0", "", ""]
["Cy", "", "", "", "", "", "", "", "", "", ""]
EOF

ok 'rows end in CRLF (RFC 4180)' "to-csv -q < leads.ndjson > out.csv && $R crlf out.csv"

expect 'no scores at all: input order' \
	"jq -c 'del(.icp_score)' leads.ndjson | to-csv -q -c name > out.csv && $R rows out.csv" <<'EOF'
["name"]
["Ann Lee"]
["Bob"]
["Cy"]
["Dee"]
["Eve"]
["Fay"]
EOF

expect '--no-sort streams in input order' \
	"to-csv -q --no-sort -c 'N=name,S=icp_score' < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["N", "S"]
["Ann Lee", "40"]
["Bob", "87.5"]
["Cy", ""]
["Dee", "87.5"]
["Eve", "100"]
["Fay", "0"]
EOF

expect '--columns: dotted paths, indices, alternatives, missing fields, arrays, objects' \
	"to-csv -q -c 'Name=name, Email=profile.contactInfo.email,Skill1=profile.skills[0],Last=profile.skills[-1],Title=current_job_titles|job_title,Nope=no.such[3],Profile=profile.contactInfo' < leads.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Email", "Skill1", "Last", "Title", "Nope", "Profile"]
["Eve", "", "", "", "", "", ""]
["Bob", "", "", "", "Controller", "", ""]
["Dee", "", "", "", "", "", ""]
["Ann Lee", "ann@acme.test", "FP&A", "Excel", "CFO, Board member", "", "{\"email\":\"ann@acme.test\"}"]
["Fay", "", "", "", "", "", ""]
["Cy", "", "", "", "", "", ""]
EOF

expect '--columns: escaped comma and equals in headers, dotted key' \
	"echo '{\"a.b\":1,\"s\":\"x\"}' | to-csv -q -c 'Score\\, %=a\\.b,A\\=B=s' > out.csv && $R rows out.csv" <<'EOF'
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
	"to-csv -q -c '$cols' < hostile.ndjson > out.csv && $R rows out.csv" <<'EOF'
["Name", "Headline", "Company", "Location", "Industry", "Type", "Tier", "Why"]
["He said \"hi\", then left", "line one\nline two\r\nline three", "A, B & C", "'=HYPERLINK(\"http://evil.test\",\"x\")", "'+cmd|' /C calc'!A0", "'-2+3", "'@SUM(A1)", "'\tTAB"]
["Zoë 🎉 李", "'\rCR first", "NUL", "'=after NUL", "' =leading space", "'already quoted", "", "\""]
EOF
ok 'hostile cells: still CRLF row ends' "to-csv -q -c '$cols' < hostile.ndjson > out.csv && $R crlf out.csv"
ok 'hostile cells: no NUL byte in the output' \
	"to-csv -q -c '$cols' < hostile.ndjson > out.csv && test -s out.csv && test \$(tr -cd '\\000' < out.csv | wc -c) -eq 0"

expect '--raw: formulas pass unchanged' \
	"to-csv -q --raw -c 'L=location,I=industry,T=company_type' < hostile.ndjson > out.csv && $R rows out.csv" <<'EOF'
["L", "I", "T"]
["=HYPERLINK(\"http://evil.test\",\"x\")", "+cmd|' /C calc'!A0", "-2+3"]
["=after NUL", " =leading space", "'already quoted"]
EOF

expect 'numbers from JSON numbers are left alone, the same text from a string is guarded' \
	"printf '%s\n' '{\"n\":-5,\"s\":\"-5\",\"a\":[-1,2],\"r\":-0.25,\"b\":true}' | to-csv -q -c n,s,a,r,b > out.csv && $R rows out.csv" <<'EOF'
["n", "s", "a", "r", "b"]
["-5", "'-5", "-1, 2", "-0.25", "true"]
EOF

expect 'one empty column: the row is "" rather than a blank line' \
	"printf '%s\n' '{\"a\":\"\"}' '{\"a\":\"x\"}' | to-csv -q -c a > out.csv && $R rows out.csv && cat out.csv | od -An -c | tr -s ' '" <<'EOF'
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
	"to-csv -q -c id < mixed.ndjson > out.csv && $R rows out.csv" <<'EOF'
["id"]
["ok2"]
["ok1"]
EOF
stderr_has 'the summary counts failed records left out' \
	"^to-csv: 5 in, 2 out, 0 failed \\(2 here\\), 3 failed left out, " "to-csv -c id < mixed.ndjson"
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
status 'a bad line without --strict exits 0' 0 "to-csv -q < mixed.ndjson > /dev/null"
status 'a record failed upstream does not trip --strict' 0 \
	"sed -n 2p mixed.ndjson | to-csv -q --strict > /dev/null"

expect '--min-score keeps scores >= N, drops unscored, keeps failed with --include-failed' \
	"to-csv -q --min-score 87.5 --include-failed -c 'N=name' < leads.ndjson > out.csv && sed -n 2p mixed.ndjson | to-csv -q --min-score 60 --include-failed -c name --no-header >> out.csv && $R rows out.csv" <<'EOF'
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
ok '--excel begins with a UTF-8 BOM, then the same bytes' \
	"to-csv -q --excel < leads.ndjson > x.csv && to-csv -q < leads.ndjson > p.csv && head -c 3 x.csv | od -An -tx1 | grep -q 'ef bb bf' && tail -c +4 x.csv | cmp - p.csv"
ok 'without --excel there is no BOM' "to-csv -q < leads.ndjson | head -c 4 | grep -q '^Name'"
expect '--delimiter ; quotes cells holding ; and not ,' \
	"printf '%s\n' '{\"a\":\"x;y\",\"b\":\"1,5\"}' | to-csv -q -d ';' -c a,b | tr -d '\r'" <<'EOF'
a;b
"x;y";1,5
EOF
expect '--delimiter tab' \
	"printf '%s\n' '{\"a\":\"x\",\"b\":\"y\"}' | to-csv -q -d tab -c a,b | tr '\t\r' '|#'" <<'EOF'
a|b#
x|y#
EOF
status '--delimiter must be one character' 2 "to-csv -d ';;' < /dev/null"
status '--delimiter cannot be a quote' 2 "to-csv -d '\"' < /dev/null"
expect '--no-header' "to-csv -q --no-header -c name < leads.ndjson | head -n 1 | tr -d '\r'" <<'EOF'
Eve
EOF

# Bad and odd input.
expect 'empty input: the header alone' "to-csv -q -c a,b < /dev/null | tr -d '\r'" <<'EOF'
a,b
EOF
expect 'blank lines, CRLF and a BOM in the input are fine' \
	"printf '\\357\\273\\277{\"a\":1}\\r\\n\\n  \\n{\"a\":2}\\r\\n' | to-csv -q -c a | tr -d '\r'" <<'EOF'
a
1
2
EOF
stderr_has 'a non-numeric icp_score is named by line and id, sorted last' \
	"^to-csv: <stdin>:2: x: icp_score is not a number" \
	"printf '%s\n' '{\"id\":\"w\",\"icp_score\":1}' '{\"id\":\"x\",\"icp_score\":\"99\"}' | to-csv"
expect 'a non-numeric icp_score: the row comes after the scored ones' \
	"printf '%s\n' '{\"id\":\"x\",\"icp_score\":\"99\"}' '{\"id\":\"w\",\"icp_score\":1}' | to-csv -q -c id,icp_score | tr -d '\r'" <<'EOF'
id,icp_score
w,1
x,99
EOF
ok 'a 1 MB cell reads back whole' \
	"python3 -c 'import json; print(json.dumps({\"h\": \"=\" + \"x,\\\"\\n\" * 250000}))' | to-csv -q -c h > out.csv && $R rows out.csv | python3 -c 'import json,sys; r=[json.loads(l) for l in sys.stdin]; assert r[1][0] == \"\\x27=\" + \"x,\\\"\\n\" * 250000'"
# Memory follows the rows kept, not the raw profiles: 2000 records of
# 20 kB each (40 MB) make a small CSV, and to-csv must not hold them.
if [ "${LQ_VARIANT:-default}" = default ]; then
	python3 -c 'import json
for i in range(2000): print(json.dumps({"id": "p%d" % i, "icp_score": i % 100, "profile": {"summary": "y" * 20000}}))' > big.ndjson
	ok 'memory stays proportional to the rows kept, not the raw profiles' \
		"kb=\$(/usr/bin/time -f %M to-csv -q -c id < big.ndjson 2>&1 >/dev/null) && echo peak \$kb kB && test \$kb -lt 15000"
fi
ok '20000 records: none lost, order by score' \
	"seq 1 20000 | awk '{printf \"{\\\"id\\\":\\\"p%d\\\",\\\"icp_score\\\":%d}\\n\", \$1, \$1 % 101}' | to-csv -q -c id,icp_score > out.csv && test \$($R rows out.csv | wc -l) -eq 20001 && $R rows out.csv | sed -n 2p | grep -q '\"100\"' && $R rows out.csv | tail -n 1 | grep -q '\"p19998\", \"0\"'"

# Files and errors.
expect 'FILE operands and - are read in turn' \
	"printf '%s\n' '{\"a\":\"one\"}' > f1 && printf '%s\n' '{\"a\":\"two\"}' | to-csv -q --no-sort -c a f1 - f1 | tr -d '\r'" <<'EOF'
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
	"to-csv -q --include-failed -c a f2 | grep -q '^,to-csv: invalid_json: f2:2: invalid JSON'"
ok 'unreadable lines: warnings stop after 10, the rest are counted' \
	"{ echo '{}'; seq 1 12; } | to-csv 2> err.txt > /dev/null; test \$(grep -c '^to-csv: <stdin>:[0-9]*: ' err.txt) -eq 10 && grep -q '^to-csv: 13 in, 1 out, 0 failed (12 here), 12 failed left out, 2 more unreadable lines, ' err.txt"
status 'writing to /dev/full is fatal (3)' 3 "to-csv < leads.ndjson > /dev/full"
stderr_has 'writing to /dev/full says so' "write error" "to-csv < leads.ndjson > /dev/full"
status 'an operand-like bad option is a usage error' 2 "to-csv --no-such-option < /dev/null"

# csv-spectrum (written by others): its JSON values as records come back
# from Python's csv reader unchanged. location_coordinates is skipped: its
# JSON does not match its CSV upstream (see corpora/README.md).
need_shared
for j in "$CORPORA"/csv-spectrum/json/*.json; do
	n=$(basename "$j" .json)
	[ "$n" = location_coordinates ] && continue
	ok "csv-spectrum $n: values read back unchanged" \
		"$R spectrum '$j' $n.ndjson $n.spec && to-csv -q --raw -c \"\$(cat $n.spec)\" $n.ndjson > $n.csv && $R same '$j' $n.csv && $R crlf $n.csv"
	ok "csv-spectrum $n: the same rows as the corpus's own CSV" \
		"$R spectrum '$j' $n.ndjson $n.spec && to-csv -q --raw -c \"\$(cat $n.spec)\" $n.ndjson > $n.csv && test \"\$($R rows $n.csv)\" = \"\$($R rows '$CORPORA/csv-spectrum/csvs/$n.csv')\""
done
done_testing
