#!/bin/sh
# 95-pipelines.sh: pipelines/batch.mk reruns, counted in requests to the mock Apify and OpenAI servers.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
. "$TOP/tests/mock/lib.sh"
trap 'mock_stop; for p in $MOCK_PIDS; do kill "$p" 2>/dev/null; done; [ -n "${LQ_KEEP:-}" ] || rm -rf "$T"' EXIT
need_model
DEMO=$TOP/pipelines/demo
OAKEY=sk-test-NeverPrintedOpenAIKey42
export OAKEY
unset OPENAI_API_KEY APIFY_API_TOKEN LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD

# cards N < followers.html: the page with only its first N follower cards.
cat > "$T/.helpers/cards" <<'HELPER'
#!/bin/sh
awk -v k="$1" '/<li class="reusable-search__result-container/ { n++; skip = (n > k) }
	!skip { print } skip && /^      <\/li>/ { skip = 0 }'
HELPER
# oa_count PATH: requests to the mock OpenAI server at PATH; oa_inputs: embedding inputs sent.
printf '#!/bin/sh\njq -r .path "$T/mock.log" | grep -c "^$1$"\n' > "$T/.helpers/oa_count"
printf '#!/bin/sh\njq -s "map(select(.path==\\"/v1/embeddings\\") | .n // 0) | add // 0" "$T/mock.log"\n' > "$T/.helpers/oa_inputs"
# stages LOG: the stages a make run ran, in order, on one line.
printf '#!/bin/sh\necho $(sed -n "s|.*/lq \\([a-z-]*\\) .*|\\1|p" "$1")\n' > "$T/.helpers/stages"
chmod +x "$T/.helpers/"*

start_mock apify --latency-ms 5 --profiles "$DEMO/profiles.json"
mock_start openai --key "$OAKEY" --dim 32
export LQ_APIFY_BASE_URL=$URL_apify

# A client: the demo ICP, a config sending scrape to Apify and embed and
# classify to OpenAI, the keys in a .env file; a first export of 15 followers (16 cards, one not a follower).
mkdir -p clients/acme/2026-01 clients/acme/2026-02
cp "$DEMO/icp.json" clients/acme/icp.json
cat > clients/acme/lq.conf <<'EOF'
# acme: remote services (the tests' mocks)
scrape = --poll-wait 1 --retry-delay 0.01
embed = --backend openai --dimensions 32 --retry-delay 0.01
classify = --backend openai --retry-delay 0.01
score = --method structured
rerank = --backend local
to-csv = --min-score 0
EOF
printf 'APIFY_API_TOKEN=%s\nexport OPENAI_API_KEY="%s"\n' "$TOKEN" "$OAKEY" > clients/acme/.env
cards 16 < "$DEMO/followers.html" > clients/acme/2026-01/followers.html
bmake() { make -f "$TOP/pipelines/batch.mk" CLIENT=acme "$@"; }

bmake > run1.log 2>&1
ok 'first batch: every stage ran, leads.csv and review.html written' \
	'test "$(stages run1.log)" = "extract-urls scrape embed classify score rerank to-csv review" && test -s clients/acme/2026-01/leads.csv && test -s clients/acme/2026-01/review.html'
expect 'first batch: 15 profiles from Apify, 15 embedded, 15 classified' \
	'echo $(stat_of apify urls) $(oa_inputs) $(oa_count /v1/chat/completions); jq -r .status clients/acme/2026-01/6-reranked.ndjson | sort | uniq -c' <<-'OUT'
	15 15 15
	     15 qualified
	OUT
ok 'the keys came from the .env file and are nowhere in the output or the log' \
	'test "$(jq -s "map(select(.auth)) | length" "$T/mock.log")" -gt 0 && ! grep -rq -e "$TOKEN" -e "$OAKEY" run1.log clients/acme/2026-01 "$LQ_CACHE_DIR"'
ok 'each stage file is complete: no temp file left' '! ls clients/acme/2026-01 | grep -q tmp'

bmake > run2.log 2>&1
expect 'nothing changed: nothing runs, no request' 'echo "[$(stages run2.log)]" $(stat_of apify urls) $(oa_inputs) $(oa_count /v1/chat/completions)' <<-'OUT'
	[] 15 15 15
	OUT

sleep 1
jq '.target_keywords += ["benefits"]' "$DEMO/icp.json" > clients/acme/icp.json
bmake > run3.log 2>&1
expect 'ICP changed: only score, rerank, to-csv and review run; no scrape or embed request' \
	'echo "$(stages run3.log)"; echo $(stat_of apify urls) $(stat_of apify runs) $(oa_inputs) $(grep -c . "$T/mock.log")' <<-OUT
	score rerank to-csv review
	15 $(stat_of apify runs) 15 $(grep -c . "$T/mock.log")
	OUT

# A new export with the 15 old followers and 10 new ones.
cat "$DEMO/followers.html" > clients/acme/2026-02/followers.html
bmake > run4.log 2>&1
expect 'new export: every stage runs, only the 10 new people are scraped, embedded, classified' \
	'echo "$(stages run4.log)"; echo $(stat_of apify urls) $(oa_inputs) $(oa_count /v1/chat/completions); jq -r .status clients/acme/2026-02/6-reranked.ndjson | sort | uniq -c' <<-'OUT'
	extract-urls scrape embed classify score rerank to-csv review
	25 25 25
	     25 qualified
	OUT
ok 'new export: the old batch is untouched' '! grep -q 2026-01 run4.log'

# A killed run: a new client, a fresh cache and a slow Apify (5 runs of 5
# profiles, one at a time); make is killed (its process group, as ^C does)
# in the middle of scrape.
start_mock slow --latency-ms 400 --profiles "$DEMO/profiles.json"
mkdir -p clients/beta/2026-03
cp "$DEMO/icp.json" clients/beta/icp.json
cp clients/acme/.env clients/beta/.env
sed 's/^scrape = .*/scrape = --poll-wait 1 --retry-delay 0.01 -j 1 -b 5/' clients/acme/lq.conf > clients/beta/lq.conf
cp "$DEMO/followers.html" clients/beta/2026-03/followers.html
export LQ_CACHE_DIR=$T/cache-kill LQ_APIFY_BASE_URL=$URL_slow
oa0=$(oa_inputs)
setsid make -f "$TOP/pipelines/batch.mk" CLIENT=beta > run5.log 2>&1 &
mpid=$!
i=0
while [ "$(stat_of slow items)" -lt 3 ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i + 1)); done
kill -TERM -$mpid
wait $mpid 2>/dev/null
# profiles: distinct people in the cache.
printf '#!/bin/sh
for f in "$LQ_CACHE_DIR"/objects/*/*; do tail -n +2 "$f"; echo; done | jq -r ".item.profileId // empty" | sort -u | wc -l
' > "$T/.helpers/profiles"
chmod +x "$T/.helpers/profiles"
done1=$(profiles)
urls1=$(stat_of slow urls)
export urls1
ok 'killed mid-scrape: make stopped before 2-enriched.ndjson, 1-leads.ndjson kept' \
	'test ! -e clients/beta/2026-03/2-enriched.ndjson && test -s clients/beta/2026-03/1-leads.ndjson'
ok 'killed mid-scrape: the finished runs are cached, not all 25' "test $done1 -ge 10 && test $done1 -lt 25"
make -f "$TOP/pipelines/batch.mk" CLIENT=beta > run6.log 2>&1
# The run the kill aborted is in scrape's journal: the rerun uses what it
# stored, so it asks for the profiles not cached, or fewer, none twice.
export done1
expect 'rerun after the kill: resumes at scrape and asks Apify only for the profiles not cached, none paid twice' \
	'echo "$(stages run6.log)"; a=$(( $(stat_of slow urls) - urls1 )); test $a -le $((25 - done1)) && test "$(stat_of slow paid_twice)" -eq 0 && echo asked for no more; jq -r .status clients/beta/2026-03/6-reranked.ndjson | sort | uniq -c' <<-OUT
	scrape embed classify score rerank to-csv review
	asked for no more
	     25 qualified
	OUT
ok 'after the kill: no Apify run left running' 'test "$(stat_of slow running)" -eq 0'
# A lead that fails (a profile missing from the dataset): the spreadsheet
# is written without it, and every run says so and fails until accepted.
mkdir -p clients/gamma/2026-04
cp "$DEMO/icp.json" clients/gamma/icp.json
jq 'del(.[0])' "$DEMO/profiles.json" > p24.json
printf 'scrape = --from-dataset %s --refresh\nscore = --method structured\n' "$T/p24.json" > clients/gamma/lq.conf
cp "$DEMO/followers.html" clients/gamma/2026-04/followers.html
gmake() { make -f "$TOP/pipelines/batch.mk" CLIENT=gamma "$@"; }
gmake > run7.log 2>&1
echo $? > run7.status
ok 'a failed lead left out: make fails, the spreadsheet and review page are kept' \
	'test "$(cat run7.status)" -ne 0 && test -s clients/gamma/2026-04/leads.csv && test -s clients/gamma/2026-04/review.html'
ok 'a failed lead left out: said, with to-csv'"'"'s count and the way to list them' \
	'grep -q "batch.mk: .*leads.csv leaves out failed leads (to-csv exit 5)" run7.log && grep -q "1 failed left out" run7.log && grep -q "jq -c .select(.status == \"failed\")" run7.log'
gmake > run8.log 2>&1
echo $? > run8.status
ok 'a failed lead left out: a rerun (nothing to redo) still fails and says so' \
	'test "$(cat run8.status)" -ne 0 && test "$(stages run8.log)" = "" && grep -q "leaves out failed leads" run8.log'
sleep 1
echo 'to-csv = --exclude-failed' >> clients/gamma/lq.conf
gmake > run9.log 2>&1
echo $? > run9.status
ok 'accepted with to-csv = --exclude-failed: make succeeds' \
	'test "$(cat run9.status)" -eq 0 && ! grep -q "leaves out" run9.log && test ! -e clients/gamma/2026-04/leads.left-out'

echo "# batch.mk: 15 then +10 new followers: 15 then 25 urls to Apify, 15 then 25 embedding inputs; ICP touched: 0 requests"
echo "# killed after $done1 profiles cached ($urls1 urls sent), the rerun sent $(( $(stat_of slow urls) - urls1 )) urls; embed $(( $(oa_inputs) - oa0 )) inputs in all"

done_testing
