#!/bin/sh
# 75-rerank: rerank icp.json: the local rescoring, the four remote dialects against the mock, faults, keys, --drop-below.
. "$(dirname "$0")/../lib.sh"

export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	echo "not ok 1 - 75-rerank: no model in $LQ_MODEL_DIR (run \`make model\`)"
	exit 1
fi
D=$TOP/pipelines/demo
MOCK=$TOP/tests/mock/rerank.py
export D MOCK
MPID=
trap '[ -n "$MPID" ] && kill $MPID 2>/dev/null; rm -rf "$T"' EXIT

# start_mock ARGS...: a mock on a free port; sets PORT and MPID.
start_mock() {
	rm -f port
	python3 "$MOCK" "$@" port & MPID=$!
	i=0
	while [ ! -s port ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
	PORT=$(cat port)
	export PORT
}
stop_mock() {
	kill $MPID 2>/dev/null; wait $MPID 2>/dev/null; MPID=
}
# ./stat_of NAME: a counter of the running mock.
printf '#!/bin/sh\npython3 -c "import json,sys,urllib.request as u; print(json.load(u.urlopen(\\"http://127.0.0.1:%%s/__stats\\" %% sys.argv[1]))[sys.argv[2]])" "$PORT" "$1"\n' > stat_of
chmod +x stat_of

jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > leads.ndjson
scrape --from-dataset "$D/profiles.json" < leads.ndjson 2>/dev/null | score "$D/icp.json" 2>/dev/null > s.ndjson
{ head -24 s.ndjson; echo '{"id":"gone","status":"failed","error":{"stage":"scrape","code":"private","message":"m"}}'; tail -1 s.ndjson; echo 'not json'; } > in.ndjson
jq -r '.id // "-"' in.ndjson > ids.in 2>/dev/null; echo '-' >> ids.in
# `not json` has no id: the reader turns it into a failed record.
head -26 in.ndjson | jq -r .id > ids.in; echo null >> ids.in

# --- local ---------------------------------------------------------------
ok 'local: records in = records out, input order' \
	'rerank "$D/icp.json" < in.ndjson > l.ndjson && jq -r .id l.ndjson | diff - ids.in'
ok 'local: every scored lead has rerank_score in 0..1 and a rerank version' \
	'test $(jq "select(.rerank_score >= 0 and .rerank_score <= 1 and (.score_version | endswith(\"+rerank-local-1\")))" l.ndjson | jq -s length) -eq 25'
ok 'local: icp_score = 0.75 x score + 25 x rerank_score (absolute)' \
	'jq -n --slurpfile a s.ndjson --slurpfile b l.ndjson "[range(0;24) as \$i | ((\$a[\$i].icp_score * 0.75 + 25 * \$b[\$i].rerank_score) * 10 | round / 10) as \$w | if (\$a[\$i].components.exclude.knocked_out) then ([\$w, 5] | min) else \$w end | . - \$b[\$i].icp_score | fabs] | max < 0.051" | grep -qx true'
ok 'local: knocked-out leads stay at most 5' \
	'test -z "$(jq "select(.components.exclude.knocked_out and .icp_score > 5)" l.ndjson)"'
ok 'local: the reasoning says what the reranker saw' \
	'jq -r .match_reasoning l.ndjson | head -1 | grep -q "; rerank 0\.[0-9][0-9] (local: title [0-9.]*, notes [0-9.]*, icp [0-9.]*)$"'
expect 'local: failed records pass through untouched; a bad line becomes a failed record' \
	'jq -c "select(.status == \"failed\") | [.id, .error.stage, .error.code]" l.ndjson' <<-'EOF'
	["gone","scrape","private"]
	[null,"rerank","invalid_json"]
	EOF
expect 'local: a second rerank leaves the lead as it was, with a warning (the score would compound)' \
	'head -1 l.ndjson > once.ndjson && rerank "$D/icp.json" < once.ndjson 2>/dev/null > twice.ndjson &&
	 jq -r "[.status, .warnings[0].stage, .warnings[0].code] | @tsv" twice.ndjson &&
	 jq -c "del(.warnings, .match_reasoning)" once.ndjson > a && jq -c "del(.warnings, .match_reasoning)" twice.ndjson > b && cmp a b &&
	 jq -r .match_reasoning twice.ndjson | grep -c "; rerank skipped: already_reranked$"' <<-'EOF'
	qualified	rerank	already_reranked
	1
	EOF
ok 'local: leads never scored pass on unchanged, exit 7 (tests/cli/45-stage-order.sh)' \
	'scrape --from-dataset "$D/profiles.json" < leads.ndjson 2>/dev/null | head -3 > ns.ndjson; rerank "$D/icp.json" < ns.ndjson > ns.out 2>/dev/null; test $? -eq 7 && cmp ns.ndjson ns.out'
ok '--drop-below: bottom leads left out, counted in the summary' \
	'rerank --drop-below 50 "$D/icp.json" < in.ndjson > d.ndjson 2> d.err && n=$(wc -l < d.ndjson) && k=$(sed -n "s/.* \([0-9]*\) dropped below 50.*/\1/p" d.err) && test $((n + k)) -eq 27 && test "$k" -gt 0 && test -z "$(jq "select(.icp_score < 50 and .status != \"failed\")" d.ndjson)"'

# --- remote dialects -----------------------------------------------------
# run_dialect NAME ENVVAR BASEPATH: 25 leads, batches of 10: three requests.
for d in jina cohere tei llamacpp; do
	case $d in
	jina) env="LQ_JINA_BASE_URL" path=/v1 ;;
	cohere) env="LQ_COHERE_BASE_URL" path=/v2 ;;
	tei) env="LQ_TEI_BASE_URL" path= ;;
	llamacpp) env="LQ_LLAMACPP_BASE_URL" path=/v1 ;;
	esac
	start_mock --dialect $d --shuffle --log body.$d
	export JINA_API_KEY=test-key COHERE_API_KEY=test-key
	eval "export $env=http://127.0.0.1:$PORT$path"
	ok "$d: records in = records out, input order, 3 requests of at most 10" \
		"rerank --backend $d -b 10 \"\$D/icp.json\" < in.ndjson > r.$d && jq -r .id r.$d | diff - ids.in && test \$(./stat_of requests) -eq 3 && test \$(./stat_of max_batch) -eq 10"
	ok "$d: every scored lead has a rerank_score in 0..1" \
		"test \$(jq 'select(.rerank_score >= 0 and .rerank_score <= 1)' r.$d | jq -s length) -eq 25"
	ok "$d: a rerun is served from the cache (no request)" \
		"rerank --backend $d -b 10 \"\$D/icp.json\" < in.ndjson > r2.$d 2>/dev/null && test \$(./stat_of requests) -eq 3 && cmp r.$d r2.$d"
	stop_mock
	unset $env
done
ok 'wire: jina sends documents, top_n, model and return_documents false' \
	'jq -e -s "all(.top_n == (.documents | length) and (.documents | length) <= 10 and .model == \"jina-reranker-v2-base-multilingual\" and .return_documents == false)" body.jina'
ok 'wire: cohere sends documents as strings and model rerank-v3.5' \
	'jq -e -s "all((.documents[0] | type) == \"string\" and .model == \"rerank-v3.5\" and .top_n == (.documents | length))" body.cohere'
ok 'wire: tei sends texts, no documents, no top_n' \
	'jq -e -s "all((.texts | length) <= 10 and .documents == null and .top_n == null and .model == null and .raw_scores == false)" body.tei'
ok 'results mapped by index: shuffled jina answers equal llama.cpp ones (same relevance)' \
	'test "$(jq -r .rerank_score r.jina | head -24)" = "$(jq -r .rerank_score r.cohere | head -24)"'
ok 'llama.cpp raw logits go through the logistic function' \
	'jq -n --slurpfile a r.jina --slurpfile b r.llamacpp "[range(0;24) as \$i | ((1 / (1 + ((-(8 * \$a[\$i].rerank_score - 4)) | exp))) - \$b[\$i].rerank_score | fabs)] | max < 0.001" | grep -qx true'

# --- faults --------------------------------------------------------------
# fault ARGS...: a jina mock with the fault; LQ_JINA_BASE_URL set.
fault() {
	start_mock --dialect jina "$@"
	export LQ_JINA_BASE_URL=http://127.0.0.1:$PORT/v1 JINA_API_KEY=test-key
}
fault --fault 429:1
ok '429 with Retry-After: retried, every record scored' \
	'LQ_NO_CACHE=1 rerank --backend jina -b 10 "$D/icp.json" < in.ndjson > f.out 2>/dev/null && test $(jq "select(.rerank_score)" f.out | jq -s length) -eq 25 && test $(./stat_of requests) -eq 4'
stop_mock
fault --fault 429-bare:1 --fault 500:1 --fault drop:1
ok '429 without Retry-After, 500, a dropped connection: retried with backoff' \
	'LQ_NO_CACHE=1 rerank --backend jina -b 25 --retry-delay 0.01 --max-attempts 4 "$D/icp.json" < in.ndjson > f.out 2>/dev/null && test $(jq "select(.rerank_score)" f.out | jq -s length) -eq 25'
stop_mock
fault --fault 500:6
expect 'out of attempts: the leads keep their score, with a warning; no record lost' \
	'LQ_NO_CACHE=1 rerank --backend jina -b 25 --retry-delay 0.01 "$D/icp.json" < in.ndjson 2>/dev/null | jq -r "[.status, .error.code // .warnings[0].code // \"-\", .retry_count // \"-\", (.icp_score != null), (.rerank_score != null)] | @tsv" | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	1 failed	invalid_json	0	false	false
	1 failed	private	-	false	false
	25 qualified	rerank_failed	3	true	false
	EOF
ok 'out of attempts: each score is the one score gave; --strict exits 1' \
	'LQ_NO_CACHE=1 rerank --strict --backend jina -b 25 --retry-delay 0.01 "$D/icp.json" < in.ndjson > deg.ndjson 2>deg.err; test $? -eq 1 &&
	 jq -cR "fromjson? | select(.status != \"failed\") | [.id, .icp_score, .tier]" in.ndjson > a && jq -c "select(.status != \"failed\") | [.id, .icp_score, .tier]" deg.ndjson > b && test -s a && cmp a b &&
	 grep -q "25 degraded" deg.err && grep -q "25 not reranked (kept their score)" deg.err'
stop_mock
fault --fault malformed:1 --fault missing:1 --fault badindex:1
expect 'malformed JSON, a missing result, an index out of range: asked again, every lead reranked' \
	'LQ_NO_CACHE=1 rerank --backend jina -b 10 -j 1 --retry-delay 0.01 --max-attempts 4 "$D/icp.json" < in.ndjson 2>/dev/null | jq -r "[.status, .error.code // .warnings[0].code // \"-\", .rerank_score != null] | @tsv" | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	1 failed	invalid_json	false
	1 failed	private	false
	25 qualified	-	true
	EOF
ok 'malformed JSON, a missing result, an index out of range: 3 answers asked again (6 requests)' 'test $(./stat_of requests) -eq 6'
stop_mock
fault --fault missing:3
expect 'a result missing from every attempt: the others are reranked, that lead keeps its score' \
	'LQ_NO_CACHE=1 rerank --backend jina -b 25 --retry-delay 0.01 "$D/icp.json" < in.ndjson 2>/dev/null | jq -r "select(.status != \"failed\") | [.status, .warnings[0].code // \"-\", .rerank_score != null] | @tsv" | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	24 qualified	-	true
	1 qualified	rerank_missing	false
	EOF
stop_mock
fault --fault 402:1
status '402: the stage stops with exit 3' 3 'LQ_NO_CACHE=1 rerank --backend jina -b 5 -j 1 "$D/icp.json" < in.ndjson > f.out 2> f.err'
expect '402: every record still written, with its score and the reason it was not reranked' \
	'jq -r "[.status, .error.code // .warnings[0].code // \"-\", .icp_score != null] | @tsv" f.out | sort | uniq -c | sed "s/^ *//"' <<-'EOF'
	1 failed	invalid_json	false
	1 failed	private	false
	5 qualified	rerank_refused	true
	20 qualified	stopped	true
	EOF
ok '402: no retry' 'test $(./stat_of requests) -eq 1'
stop_mock
start_mock --dialect tei --max-batch 20
export LQ_TEI_BASE_URL=http://127.0.0.1:$PORT
expect 'tei: more texts than the server allows: a clear per-record error' \
	'LQ_NO_CACHE=1 rerank --backend tei -b 25 "$D/icp.json" < in.ndjson 2>/dev/null | jq -r ".warnings[]? | select(.code == \"rerank_failed\") | .message" | head -1 | sed "s/^[^:]*: //; s/127.0.0.1:[0-9]*/HOST/"' <<-'EOF'
	http://HOST/rerank after 1 attempt: HTTP 422: batch size 25 > maximum allowed batch size 20
	EOF
stop_mock

# --- spend: tokens, cost, --dry-run, --limit -------------------------------
start_mock --dialect jina
export LQ_JINA_BASE_URL=http://127.0.0.1:$PORT/v1 JINA_API_KEY=test-key
ok 'usage: a trace line per answer with tokens and cost; the summary adds them up' \
	'LQ_CACHE_DIR=$T/u rerank --backend jina -b 10 --price-tokens 1000 --trace u.jsonl "$D/icp.json" < in.ndjson > /dev/null 2> u.err &&
	 test $(jq -s "map(select(.event == \"usage\")) | length" u.jsonl) -eq 3 &&
	 tok=$(jq -s "map(select(.event == \"usage\") | .tokens) | add" u.jsonl) && test "$tok" -gt 0 &&
	 jq -e -s "map(select(.event == \"usage\")) | all(.tokens_estimated == false and .units == 1 and (.cost_usd - .tokens * 0.001 | fabs) < 1e-9)" u.jsonl > /dev/null &&
	 grep -q "3 requests, 0 cache hits, $tok tokens, \$$(awk "BEGIN { printf \"%.4f\", $tok / 1000 }") estimated" u.err'
ok '--dry-run: sends nothing, records pass unchanged, says what would be sent' \
	'LQ_CACHE_DIR=$T/dr rerank --backend jina -b 10 --dry-run "$D/icp.json" < in.ndjson > dr.out 2> dr.err && test $(./stat_of requests) -eq 3 &&
	 head -26 dr.out | jq -c . > a && head -26 in.ndjson | jq -c . > b && cmp a b && test $(wc -l < dr.out) -eq 27 &&
	 grep -q "dry run: 0 cached, 25 to send in 3 requests of up to 10, about [0-9]* tokens, estimated cost \$0\.0" dr.err'
ok '--dry-run after a run: cached leads are rescored from the cache, none to send' \
	'LQ_CACHE_DIR=$T/u rerank --backend jina -b 10 --dry-run "$D/icp.json" < in.ndjson > dc.out 2> dc.err && test $(./stat_of requests) -eq 3 &&
	 grep -q "dry run: 25 cached, 0 to send in 0 requests" dc.err && test $(jq "select(.rerank_score)" dc.out | jq -s length) -eq 25'
ok '--dry-run needs no key' \
	'JINA_API_KEY= LQ_JINA_BASE_URL= LQ_CACHE_DIR=$T/nk rerank --backend jina --dry-run "$D/icp.json" < in.ndjson 2>&1 >/dev/null | grep -q "25 to send in 1 requests"'
status '--limit 10: 10 leads sent, 15 pass unchanged and are counted; exit 4' 4 \
	'LQ_CACHE_DIR=$T/l rerank --backend jina -b 4 --limit 10 "$D/icp.json" < in.ndjson > l.out 2> l.err'
ok '--limit: in = out, input order; the held-back leads are untouched' \
	'jq -r .id l.out | diff - ids.in && test $(jq "select(.rerank_score)" l.out | jq -s length) -eq 10 &&
	 grep -q "15 held back by --limit" l.err && test $(./stat_of requests) -eq 6'
ok '--limit with --dry-run: the note says some were held back' \
	'LQ_CACHE_DIR=$T/ld rerank --backend jina --limit 5 --dry-run "$D/icp.json" < in.ndjson 2>&1 >/dev/null | grep -q "5 to send in 1 requests.*(--limit held some back)"'
stop_mock
start_mock --dialect cohere
export LQ_COHERE_BASE_URL=http://127.0.0.1:$PORT/v2 COHERE_API_KEY=test-key
ok 'cohere: billed search units priced per --price-request (default 0.002)' \
	'LQ_CACHE_DIR=$T/c rerank --backend cohere -b 10 --trace c.jsonl "$D/icp.json" < in.ndjson > /dev/null 2> c.err &&
	 jq -e -s "map(select(.event == \"usage\")) | length == 3 and all(.units == 1 and .cost_usd == 0.002)" c.jsonl > /dev/null && grep -q "\$0\.0060 estimated" c.err'
ok 'cohere --dry-run: a search unit per 100 documents of a request' \
	'LQ_CACHE_DIR=$T/cd rerank --backend cohere -b 250 --price-request 1 --dry-run "$D/icp.json" < in.ndjson 2>&1 >/dev/null | grep -q "estimated cost \$1\.0"'
stop_mock
unset LQ_COHERE_BASE_URL
stderr_has 'local --dry-run: nothing to send' 'the local backend sends nothing' \
	'rerank --dry-run "$D/icp.json" < in.ndjson > /dev/null'

# --- keys ----------------------------------------------------------------
start_mock --dialect jina --key sekrit-key-123
export LQ_JINA_BASE_URL=http://127.0.0.1:$PORT/v1
ok 'the key never reaches output, messages, traces or the cache' \
	'JINA_API_KEY=sekrit-key-123 LQ_CACHE_DIR=$T/kc rerank --backend jina --trace tr.jsonl "$D/icp.json" < in.ndjson > k.out 2> k.err && test -s tr.jsonl && test -n "$(ls -R $T/kc/objects)" && ! grep -rq sekrit-key-123 k.out k.err tr.jsonl $T/kc'
status 'a wrong key: 401 stops the stage (exit 3)' 3 'JINA_API_KEY=wrong LQ_NO_CACHE=1 rerank --backend jina "$D/icp.json" < in.ndjson > /dev/null 2>&1'
stop_mock
unset LQ_JINA_BASE_URL
stderr_has 'no key for the real Jina: a clear fatal message' 'needs JINA_API_KEY' \
	'JINA_API_KEY= rerank --backend jina "$D/icp.json" < in.ndjson'
status 'unknown backend is a usage error' 2 'rerank --backend magic "$D/icp.json" < /dev/null'
status 'batch size above the API limit is a usage error' 2 'JINA_API_KEY=x rerank --backend jina -b 500 "$D/icp.json" < /dev/null'
status 'bad ICP exits 3' 3 'echo "{\"target_titles\": 1}" > bad.json; rerank bad.json < /dev/null'
done_testing
