#!/bin/sh
# 22-review.sh: review's page (read back by Python), and review --serve against curl: posts good and bad, the log.
. "$(dirname "$0")/../lib.sh"
SRV_PID=
trap '[ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null; rm -rf "$T"' EXIT
S=$DATA/to-csv/scored.ndjson
H=$DATA/review/hostile.ndjson
ICP=$TOP/pipelines/demo/icp.json
mkdir -p "$T/.helpers"
PATH="$T/.helpers:$PATH"
USER=tester
export USER

# page FILE WHAT: facts about a page, read by Python's HTML parser.
cat > "$T/.helpers/page" <<'HELPER'
#!/usr/bin/env python3
import base64, hashlib, html.parser, json, re, sys
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.scripts, self.styles, self.meta, self.tags, self.text = [], [], [], {}, [], []
    def handle_starttag(self, t, a):
        a = dict(a)
        self.tags.append((t, a))
        if t == "meta" and a.get("http-equiv"):
            self.meta[a["http-equiv"]] = a.get("content")
        self.stack.append([t, a, ""])
    def handle_endtag(self, t):
        if self.stack and self.stack[-1][0] == t:
            tag, a, body = self.stack.pop()
            if tag == "script":
                self.scripts.append((a, body))
            if tag == "style":
                self.styles.append(body)
    def handle_data(self, d):
        if self.stack:
            self.stack[-1][2] += d
        if not self.stack or self.stack[-1][0] not in ("script", "style", "title"):
            self.text.append(d)
raw = open(sys.argv[1], encoding="utf-8").read()
p = P(); p.feed(raw)
data = json.loads([b for a, b in p.scripts if a.get("id") == "lq-data"][0])
what = sys.argv[2]
if what == "leads":
    for l in data["leads"]:
        print(l["id"], l["tier"], l["score"], l["name"] or "", sep="\t")
elif what == "data":
    print(json.dumps({k: v for k, v in data.items() if k != "leads"}, sort_keys=True))
elif what == "lead":
    print(json.dumps(data["leads"][int(sys.argv[3])], ensure_ascii=False, sort_keys=True))
elif what == "csp":
    # Every inline script and style is allowed by its hash, and nothing else.
    csp = p.meta["Content-Security-Policy"]
    h = lambda s: "'sha256-" + base64.b64encode(hashlib.sha256(s.encode()).digest()).decode() + "'"
    code = [b for a, b in p.scripts if a.get("type") != "application/json"]
    ok = len(code) == 1 and len(p.styles) == 1 and ("script-src " + h(code[0]) + ";") in csp \
        and ("style-src " + h(p.styles[0]) + ";") in csp and "default-src 'none'" in csp
    print("ok" if ok else "bad: " + csp)
elif what == "remote":
    # Anything that would fetch: src/href attributes other than LinkedIn links, link tags, url().
    bad = [(t, a) for t, a in p.tags if t in ("link", "img", "iframe", "object", "embed", "base")
           or any(k in a for k in ("src", "srcset", "action"))
           or (t == "a" and a.get("href") and not a["href"].startswith("https://www.linkedin.com/in/"))]
    bad += re.findall(r"url\(|@import|https?://(?!www\.w3\.org/2000/svg)[^\s\"']*", "".join(p.styles) +
                      "".join(b for a, b in p.scripts if a.get("type") != "application/json"))
    print("none" if not bad else bad)
elif what == "text":
    print(" ".join(" ".join(p.text).split()))
elif what == "rects":
    print(len([1 for t, a in p.tags if t == "rect"]))
HELPER
chmod +x "$T/.helpers/page"

# The page.
ok 'a page from the scored leads: exit 0' "review -q '$ICP' < '$S' > p.html"
expect 'the leads on the page: every scored lead, best first, ties by id' "page p.html leads" <<'EOF'
ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M	A	91.3	Ann Lee
amy-a	A	77.0	Amy Adams
base-1	A	75.7	Bea Baseline
hostile	A	70.0	=HYPERLINK("http://evil.test","x")
bob-b	B	64.0	Bob Black
zed-b	B	64.0	Zed Brown
no-tier	B	55.0	Nia Noor
c-lead	C	41.5	Cy Clark
d-lead	D	12.0	Dee Dunn
kay-recruits	D	5.0	Kay Khan
EOF
stderr_has 'the summary counts what is not on the page' \
	'^review: 12 in, 10 out, 0 failed \(0 here\), 1 failed left out, 1 without a score, ' "review '$ICP' < '$S' > /dev/null"
expect 'a lead as the page has it: link, plain-word reason, evidence' "page p.html lead 0" <<'EOF'
{"company": "Acme", "evidence": [{"criterion": "title", "label": "Title", "text": "Chief Financial Officer matches the target title CFO", "value": 1.0, "verdict": 1}, {"criterion": "exclude", "label": "Excluded roles", "text": "Not an excluded role (the closest: Recruiter)", "value": 0.1, "verdict": 0}, {"criterion": "industry", "label": "Industry", "text": "Fintech (labelled by classify): matches the target Financial technology", "value": 1.0, "verdict": 1}, {"criterion": "company_type", "label": "Company size", "text": "scaleup (labelled by classify): a target company size", "value": 1.0, "verdict": 1}, {"criterion": "keywords", "label": "Keywords", "text": "Mentions FP&A and treasury; touches on close", "value": 0.67, "verdict": 1}], "headline": "CFO at Acme", "id": "ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M", "location": "London, England, United Kingdom", "name": "Ann Lee", "reason": "Chief Financial Officer, equivalent to the target CFO; a fintech scale-up; mentions FP&A and treasury, and touches on close.", "score": 91.3, "score_version": "structured-1", "tier": "A", "title": "Chief Financial Officer", "url": "https://www.linkedin.com/in/ann-lee/"}
EOF
expect 'the page data: client, ICP hash, mode' "page p.html data" <<'EOF'
{"blind": false, "client": "Northwind Payroll", "icp_hash": "4e61b25bc6ca2e046c7f953ead557274d88fdbf936a1fa8c33aed1c47fee47c7", "mode": "static", "reviewer": "tester"}
EOF
ok 'the summary: tiers, the histogram, the ICP, when, score_version, what was left out' \
	"page p.html text > t.txt && grep -q 'Leads for Northwind Payroll' t.txt && grep -q '10 leads scored with structured-1 (9), baseline-1 (1) · ICP 4e61b25bc6ca · page made 20' t.txt &&
	 grep -q '4 A · strong fit, 70+ 3 B · good fit, 50 to 69 1 C · weak fit, 30 to 49 2 D · not a fit, under 30' t.txt &&
	 grep -q 'Not on this page: 1 failed, 1 without a score.' t.txt && grep -q 'Titles Chief People Officer , VP People' t.txt &&
	 test \"\$(page p.html rects)\" = 10"
expect 'self-contained: nothing to fetch, no CDN (only LinkedIn links)' "page p.html remote" <<'EOF'
none
EOF
expect 'the Content-Security-Policy allows exactly the page own script and style' "page p.html csp" <<'EOF'
ok
EOF
ok '--blind, --reviewer, --client go into the page' \
	"review -q --blind --reviewer 'Ana' --client 'Acme Ltd' '$ICP' < '$S' > b.html && page b.html data | grep -q '\"blind\": true, \"client\": \"Acme Ltd\".*\"reviewer\": \"Ana\"'"
expect '--min-tier B: A and B only' "review -q --min-tier b '$ICP' < '$S' > m.html && page m.html leads | cut -f2 | uniq -c | tr -s ' '" <<'EOF'
 4 A
 3 B
EOF
ok '-o FILE: the page in FILE, nothing on stdout, no temp file left' \
	"review -q -o out.html '$ICP' < '$S' > stdout.txt && test ! -s stdout.txt && page out.html leads | grep -c . | grep -qx 10 && test \"\$(ls | grep -c tmp)\" = 0"
ok 'FILE operands and -: read in turn' \
	"head -n 3 '$S' > a.ndjson && tail -n +4 '$S' | review -q '$ICP' a.ndjson - > f.html && page f.html leads | grep -c . | grep -qx 10"

# Hostile text: inert in the page data (the browser test shows it rendered inert).
ok 'hostile: the data block holds no raw <, > or & (so no </script> can end it)' \
	"review -q '$DATA/review/hostile-icp.json' < '$H' > h.html && sed -n 's/.*<script type=\"application\\/json\" id=\"lq-data\">\\(.*\\)<\\/script>/\\1/p' h.html > d.json &&
	 test -s d.json && ! grep -q '[<>&]' d.json"
ok 'hostile: every string comes back byte for byte' \
	"python3 -c 'import json,sys
recs=[json.loads(l) for l in open(sys.argv[1])]
import subprocess
got={}
for i in range(4):
    l=json.loads(subprocess.check_output([\"page\",\"h.html\",\"lead\",str(i)]))
    got[l[\"id\"]]=l
for r in recs:
    l=got[r[\"id\"]]
    assert l[\"name\"]==r[\"name\"] and l[\"company\"]==r[\"company\"] and l.get(\"location\")==r.get(\"location\"), (l, r)
' '$H'"
ok 'hostile: the client name is escaped in the HTML' \
	"grep -c '<script' h.html | grep -qx 2 && grep -q '&lt;script&gt;window.__pwned=5&lt;/script&gt; &amp; Co' h.html"
expect 'hostile: a javascript: URL never becomes a link' "page h.html lead 0 | python3 -c 'import json,sys; print(json.load(sys.stdin)[\"url\"])'" <<'EOF'
https://www.linkedin.com/in/xss-1/
EOF

# Bad input.
status 'no ICP operand: usage error (2)' 2 "review < /dev/null"
status 'a missing ICP file: fatal (3)' 3 "review nope.json < /dev/null"
stderr_has 'a bad ICP file is named' '^review: bad.json: ' "echo '{\"target_titles\": 3}' > bad.json && review bad.json < /dev/null"
status '--port without --serve: usage error' 2 "review --port 8080 '$ICP' < /dev/null"
status '--min-tier E: usage error' 2 "review --min-tier E '$ICP' < /dev/null"
status 'a missing input file: fatal (3)' 3 "review '$ICP' no-such.ndjson > /dev/null"
ok 'empty input: a page with no lead' "review -q '$ICP' < /dev/null > e.html && page e.html leads | grep -c . | grep -qx 0"
stderr_has 'a bad line is named file:line' '^review: in.ndjson:2: invalid JSON' \
	"printf '%s\n' '{\"id\":\"a\",\"icp_score\":50}' '{oops' > in.ndjson && review '$ICP' in.ndjson > /dev/null"
status 'a bad line with --strict: exit 1' 1 "review -q --strict '$ICP' in.ndjson > /dev/null"
status 'a bad line without --strict: exit 0' 0 "review -q '$ICP' in.ndjson > /dev/null"
stderr_has 'a lead without an id is named and left out' 'in2.ndjson:1: a lead without a usable id cannot be judged' \
	"printf '%s\n' '{\"name\":\"x\",\"icp_score\":50}' > in2.ndjson && review '$ICP' in2.ndjson > /dev/null"
ok 'the same lead twice: one card, the better score, a warning' \
	"printf '%s\n' '{\"id\":\"a\",\"icp_score\":40}' '{\"id\":\"a\",\"icp_score\":60}' | review '$ICP' > d.html 2> err.txt && page d.html leads | grep -qx 'a	B	60.0	' && grep -q 'a: the same lead twice' err.txt"
ok 'wrong types do not stop the page: a string score is unscored, odd components are skipped' \
	"printf '%s\n' '{\"id\":\"s\",\"icp_score\":\"99\"}' '{\"id\":\"t\",\"icp_score\":50,\"components\":{\"title\":[1],\"industry\":{\"value\":\"x\",\"lead\":7},\"keywords\":{\"found\":\"payroll\"}},\"warnings\":[{\"stage\":\"rerank\",\"code\":\"bad_response\",\"message\":\"malformed 200\"}]}' | review -q '$ICP' > w.html && page w.html lead 0 | grep -q 'rerank could not answer: malformed 200' && page w.html leads | grep -c . | grep -qx 1"
ok 'a large run: 20000 leads, none lost' \
	"seq 1 20000 | awk '{printf \"{\\\"id\\\":\\\"p%d\\\",\\\"icp_score\\\":%d}\\n\", \$1, \$1 % 101}' | review -q '$ICP' > big.html && page big.html leads | grep -c . | grep -qx 20000"
status 'writing to /dev/full: fatal (3)' 3 "review '$ICP' < '$S' > /dev/full"

# --serve: a server on 127.0.0.1; curl posts as a page would, and as an attacker would.
rv_start() { # LOG [ARGS...]: starts review --serve; sets URL, BASE, PORT, TOKEN
	_log=$1; shift
	rm -f url.txt
	review --serve -f "$_log" "$@" "$ICP" < "$S" > url.txt 2> srv.err &
	SRV_PID=$!
	_i=0
	while [ ! -s url.txt ] && [ $_i -lt 200 ]; do sleep 0.025; _i=$((_i + 1)); done
	URL=$(cat url.txt)
	BASE=${URL%/r/*}
	PORT=${BASE##*:}
	TOKEN=${URL#*/r/}; TOKEN=${TOKEN%/}
	export URL BASE PORT TOKEN
}
rv_stop() {
	kill -TERM "$SRV_PID" 2>/dev/null
	wait "$SRV_PID"
	_st=$?
	SRV_PID=
	return $_st
}
# post PATH BODY [CURL ARGS...]: the HTTP status of a JSON post; the answer in post.out.
cat > "$T/.helpers/post" <<'HELPER'
#!/bin/sh
p=$1 b=$2; shift 2
curl -s -o post.out -w '%{http_code}\n' -H "Content-Type: ${POST_TYPE:-application/json}" --data-binary "$b" "$@" "$BASE$p"
HELPER
chmod +x "$T/.helpers/post"

rv_start fb.ndjson --reviewer 'Default Reviewer'
ok '--serve: prints the URL on stdout: 127.0.0.1, a port, a 128-bit token' \
	"grep -Eqx 'http://127\\.0\\.0\\.1:[0-9]+/r/[0-9a-f]{32}/' url.txt"
ok '--serve: listens on 127.0.0.1 only' \
	"python3 -c 'import sys
port=int(sys.argv[1])
socks=[l.split()[1] for l in open(\"/proc/net/tcp\").readlines()[1:] + open(\"/proc/net/tcp6\").readlines()[1:] if l.split()[3] == \"0A\"]
mine=[s for s in socks if int(s.split(\":\")[1],16)==port]
assert mine == [\"0100007F:%04X\" % port], mine' \$PORT"
ok '--serve: the page, with its security headers' \
	"curl -s -D h.txt -o served.html \"\$URL\" && grep -qi '^content-type: text/html; charset=utf-8' h.txt && grep -qi \"^content-security-policy: default-src 'none'.*connect-src 'self'.*frame-ancestors 'none'\" h.txt &&
	 grep -qi '^referrer-policy: no-referrer' h.txt && grep -qi '^cache-control: no-store' h.txt && page served.html data | grep -q '\"mode\": \"serve\"'"
expect '--serve: a judgment is logged and answered with its event' \
	"post /r/\$TOKEN/feedback '{\"id\":\"bob-b\",\"label\":\"good\",\"note\":\"Owns payroll\"}'; python3 -c 'import json; e=json.load(open(\"post.out\"))[\"event\"]; print(e[\"id\"], e[\"label\"], e[\"note\"], e[\"reviewer\"], e[\"icp_score\"], e[\"tier\"], e[\"via\"], e[\"explicit\"])'; grep -c . fb.ndjson" <<'EOF'
200
bob-b good Owns payroll Default Reviewer 64.0 B review-serve True
1
EOF
ok '--serve: the log is private (0600) and the line is the answer' \
	"test \"\$(stat -c %a fb.ndjson)\" = 600 && python3 -c 'import json; a=json.load(open(\"post.out\"))[\"event\"]; b=json.loads(open(\"fb.ndjson\").readline()); assert a==b, (a,b)'"
cp fb.ndjson fb.before
# Bad posts: each a 4xx with a message, and nothing written.
bad_post() { # DESC CODE PATH BODY [CURL ARGS...]
	_d=$1 _c=$2; shift 2
	expect "bad post: $_d: $_c, nothing written" \
		"${POST_TYPE:+POST_TYPE='$POST_TYPE' }post $(printf "'%s' " "$@"); python3 -c 'import json; e=json.load(open(\"post.out\")); assert e[\"error\"] and e[\"status\"]==$_c, e' && cmp fb.ndjson fb.before && echo same" <<-EOF
	$_c
	same
	EOF
}
bad_post 'no token' 404 /feedback '{"id":"bob-b","label":"good"}'
bad_post 'no token in /r/' 403 /r/feedback '{"id":"bob-b","label":"good"}'
bad_post 'wrong token' 403 "/r/0123456789abcdef0123456789abcdef/feedback" '{"id":"bob-b","label":"good"}'
bad_post 'the token with one character changed' 403 "/r/$(echo "$TOKEN" | sed 's/^./x/')/feedback" '{"id":"bob-b","label":"good"}'
bad_post 'malformed JSON' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":'
bad_post 'not an object' 400 "/r/$TOKEN/feedback" '["bob-b","good"]'
bad_post 'an unknown label' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"great"}'
bad_post 'an unknown key' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good","score":100}'
bad_post 'a duplicate key' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good","label":"bad"}'
bad_post 'a number for a string' 400 "/r/$TOKEN/feedback" '{"id":7,"label":"good"}'
bad_post 'a control character in the reviewer' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good","reviewer":"a\u0007b"}'
bad_post 'a NUL in the note' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good","note":"a\u0000b"}'
bad_post 'trailing text' 400 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good"} x'
bad_post 'an unknown lead' 422 "/r/$TOKEN/feedback" '{"id":"nobody","label":"good"}'
bad_post 'a failed lead (not on the page)' 422 "/r/$TOKEN/feedback" '{"id":"private-one","label":"bad"}'
POST_TYPE=text/plain bad_post 'wrong content type (a form post)' 415 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good"}'
POST_TYPE=application/jsonx bad_post 'a look-alike content type' 415 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good"}'
bad_post 'another origin (a web page posting)' 403 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good"}' -H 'Origin: https://evil.test'
bad_post 'a rebinding Host' 421 "/r/$TOKEN/feedback" '{"id":"bob-b","label":"good"}' -H "Host: evil.test:$PORT"
python3 -c 'import json; print(json.dumps({"id": "bob-b", "label": "good", "note": "x" * 9000}))' > long.json
bad_post 'a note over the limit' 400 "/r/$TOKEN/feedback" @long.json
head -c 1048576 /dev/zero | tr '\0' 'a' > huge.txt
bad_post 'a huge body (1 MB)' 413 "/r/$TOKEN/feedback" @huge.txt
bad_post 'a huge chunked body (no length)' 413 "/r/$TOKEN/feedback" @huge.txt -H 'Transfer-Encoding: chunked'
# An endless chunked body is cut off (connection dropped past 4 MiB read),
# and the server goes on serving, nothing written.
ok 'an endless chunked body: dropped, nothing written, the server still answers' \
	"test \"\$(head -c 6000000 /dev/zero | curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -H 'Transfer-Encoding: chunked' -T - -X POST \"\$BASE/r/\$TOKEN/feedback\")\" = 000; cmp fb.ndjson fb.before && test \"\$(curl -s -o /dev/null -w '%{http_code}' \"\$URL\")\" = 200"
bad_post 'an empty body' 400 "/r/$TOKEN/feedback" ''
expect 'bad requests: GET on feedback, POST on the page: 405' \
	"curl -s -o /dev/null -w '%{http_code}\\n' \"\$BASE/r/\$TOKEN/feedback\"; post /r/\$TOKEN/ '{}'; cmp fb.ndjson fb.before && echo same" <<'EOF'
405
405
same
EOF
expect 'the page without its slash redirects; other paths are 404' \
	"curl -s -o /dev/null -w '%{http_code} %{redirect_url}\\n' \"\$BASE/r/\$TOKEN\" | sed \"s/\$TOKEN/TOKEN/\"; curl -s -o /dev/null -w '%{http_code}\\n' \"\$BASE/\"; curl -s --path-as-is -o /dev/null -w '%{http_code}\\n' \"\$BASE/r/\$TOKEN/../etc/passwd\"" <<EOF
308 $BASE/r/TOKEN/
404
404
EOF
ok 'twenty posts at once: twenty more lines, each whole' \
	"for i in \$(seq 1 20); do post /r/\$TOKEN/feedback \"{\\\"id\\\":\\\"zed-b\\\",\\\"label\\\":\\\"bad\\\",\\\"note\\\":\\\"\$i\$(head -c 3000 /dev/zero | tr '\\\\0' n)\\\"}\" -o /dev/null > /dev/null & done; wait;
	 test \$(grep -c . fb.ndjson) -eq 21 && python3 -c 'import json; [json.loads(l) for l in open(\"fb.ndjson\")]'"
expect 'events: the last judgment of each lead' \
	"curl -s \"\$URL\"events | python3 -c 'import json,sys; print(sorted((e[\"id\"], e[\"label\"]) for e in json.load(sys.stdin)))'" <<'EOF'
[('bob-b', 'good'), ('zed-b', 'bad')]
EOF
rv_stop
echo $? > stop.status
expect 'SIGTERM: exit 0' "cat stop.status" <<'EOF'
0
EOF
ok 'SIGTERM: the summary counts judgments and refusals' \
	"grep -q '^review: 12 in, 10 out, .* 21 judgments logged, 2[0-9] requests refused, ' srv.err"

# The log survives a restart; a line cut short by a crash does not swallow
# the next; an implied judgment (explicit false) is not shown as one.
tail -n 1 fb.ndjson | jq -c '.id = "c-lead" | .label = "good" | .explicit = false | .via = "to-csv"' >> fb.ndjson
printf '{"v":1,"id":"amy-a","label":"go' >> fb.ndjson
rv_start fb.ndjson
ok 'restart: the judgments come back from the log, not the implied one' \
	"curl -s \"\$URL\"events | python3 -c 'import json,sys; assert sorted(e[\"id\"] for e in json.load(sys.stdin)) == [\"bob-b\", \"zed-b\"]'"
ok 'restart: a cut-short last line is reported, and the next judgment starts a line of its own' \
	"grep -q 'fb.ndjson: the last line was cut short' srv.err && post /r/\$TOKEN/feedback '{\"id\":\"amy-a\",\"label\":\"good\"}' > /dev/null && tail -n 1 fb.ndjson | python3 -c 'import json,sys; assert json.loads(sys.stdin.read())[\"id\"] == \"amy-a\"'"
ok 'restart: the unreadable line is named and skipped' "grep -q 'fb.ndjson:23: not JSON' srv.err"
status 'a port already taken: fatal (3)' 3 "review --serve --port \$PORT -f fb3.ndjson '$ICP' < '$S' > /dev/null"
stderr_has 'a port already taken: said' 'cannot listen on 127.0.0.1:' "review --serve --port \$PORT -f fb3.ndjson '$ICP' < '$S'"
rv_stop
ok 'another ICP: the same log, none of its judgments shown' \
	"jq '.target_titles += [\"CFO\"]' '$ICP' > icp2.json && { review --serve -f fb.ndjson icp2.json < '$S' > url2.txt 2>/dev/null & p=\$!; i=0; while [ ! -s url2.txt ] && [ \$i -lt 200 ]; do sleep 0.025; i=\$((i+1)); done;
	 n=\$(curl -s \"\$(cat url2.txt)events\" | jq length); kill \$p; wait \$p; test \"\$n\" = 0; }"
status 'the log cannot be opened: fatal (3)' 3 "review --serve -f no/such/dir/log '$ICP' < '$S' > /dev/null"
status 'the log is a symbolic link: fatal (3), not followed' 3 "ln -s fb.before link.ndjson && review --serve -f link.ndjson '$ICP' < '$S' > /dev/null"
done_testing
