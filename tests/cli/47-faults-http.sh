#!/bin/sh
# 47-faults-http: the fault matrix of the HTTP clients (embed, classify, rerank, calls) against mocks that misbehave the way real APIs do.
# Every trial: each record out exactly once, in order; scored leads stay scored; no key bytes
# anywhere; retry gaps against what the headers said. Ends with a one-line tally (docs/reliability.md).
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_API_KEY OPENAI_BASE_URL LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND JINA_API_KEY \
	FATHOM_API_KEY LQ_FATHOM_BASE_URL LQ_JINA_BASE_URL APIFY_API_TOKEN LQ_APIFY_BASE_URL
need_model

# A key with characters that JSON and URLs escape, and a middle to grep for.
KEY='sk-fm/Key+SECRET-FM=9x7Q'
CHECK="python3 $TOP/tests/faultcheck.py"
# FAULTS_TIMING=1 adds each trial's seconds to its line.
TRIALS=0 RECORDS=0 LOST=0 DUP=0 KEYBYTES=0 GAPS=0 DROPPED=0

# start NAME ARGS...: a mock on a free port (port in $PORT), any of the four.
start() {
	_m=$1
	shift
	rm -f "$T/port" "$T/mlog"
	: > "$T/mlog"
	case $_m in
	rerank|apify) python3 "$TOP/tests/mock/$_m.py" "$@" "$T/port" 2> "$T/mock.stderr" & ;;
	*) python3 "$TOP/tests/mock/$_m.py" --port-file "$T/port" --log "$T/mlog" "$@" 2> "$T/mock.stderr" & ;;
	esac
	MOCK_PID=$!
	_i=0
	while [ ! -s "$T/port" ]; do
		_i=$((_i + 1))
		[ $_i -gt 400 ] && { echo "not ok - $_script: mock $_m did not start"; cat "$T/mock.stderr"; exit 1; }
		sleep 0.025
	done
	PORT=$(cat "$T/port")
}

# trial KIND DESC STATUSES CHECK-ARGS... -- COMMAND: runs COMMAND (stdin in.ndjson,
# stdout out.ndjson, stderr err, trace tr) with a fresh cache, then faultcheck.
trial() {
	_kind=$1 _desc=$2 _want=$3
	shift 3
	_args=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		_args="$_args '$1'"
		shift
	done
	shift
	_t0=$(date +%s)
	rm -rf "$LQ_CACHE_DIR" tr out.ndjson err
	sh -c "$*" < in.ndjson > out.ndjson 2> err
	_st=$?
	if eval "$CHECK --kind $_kind --in ${IN:-in.ndjson} --out out.ndjson --key '$KEY' --scan out.ndjson --scan err --scan tr --scan '$LQ_CACHE_DIR' $_args" > fc.out 2> fc.err; then
		_ok=0
	else
		_ok=1
	fi
	case " $_want " in *" $_st "*) ;; *) _ok=1; echo "exit status $_st, expected one of: $_want" >> fc.err ;; esac
	read _x _rec _x _lost _x _dup _x _kb _x _gaps _x _drop < fc.out
	TRIALS=$((TRIALS + 1)) RECORDS=$((RECORDS + _rec)) LOST=$((LOST + _lost)) DUP=$((DUP + _dup))
	KEYBYTES=$((KEYBYTES + _kb)) GAPS=$((GAPS + _gaps)) DROPPED=$((DROPPED + _drop))
	{ echo "command: $*"; cat fc.err; tail -n 3 err; } > "$T/.detail"
	_report $_ok "$_kind: $_desc${FAULTS_TIMING:+ [$(($(date +%s) - _t0)) s]}" "$T/.detail"
}

# ---- embed: 12 leads, batches of 3 -------------------------------------------
cp "$DATA/enriched.ndjson" in.ndjson
EMB="OPENAI_API_KEY='$KEY' embed --backend openai --dimensions 64 -b 3 --retry-delay 0.05 --timeout 2 --trace tr"
MOCKX=
# embed_trial DESC FAULTS STATUSES [CHECK-ARGS] [-- EXTRA]
embed_trial() {
	_d=$1 _f=$2 _s=$3
	shift 3
	_c= _x=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do _c="$_c $1"; shift; done
	[ $# -gt 0 ] && shift && _x="$*"
	start openai --key "$KEY" --echo-key ${_f:+--faults "$_f"} $MOCKX
	OPENAI_BASE_URL=http://127.0.0.1:$PORT/v1
	export OPENAI_BASE_URL
	trial embed "$_d" "$_s" $_c -- "$EMB $_x"
	mock_stop
}
embed_trial 'no fault' '' 0
embed_trial '429 Retry-After: 2 (seconds): waits 2 s' '429-ra:2' 0 --log mlog --wait 429-ra:2 --gap 2:3.3 -- -j 1
embed_trial '429 Retry-After as an HTTP-date 2 s ahead' '429-date:2' 0 --log mlog --wait 429-date:2 --gap 1:3.3 -- -j 1
embed_trial '429 RateLimit-Reset: 1' '429-rl:1' 0 --log mlog --wait 429-rl:1 --gap 1:2.2 -- -j 1
embed_trial '429 x-ratelimit-reset-tokens: 1500ms (tokens used up)' '429-xr:1500ms' 0 --log mlog --wait 429-xr:1500ms --gap 1.5:2.7 -- -j 1
embed_trial '429 x-ratelimit-reset-requests: 1s (requests used up; tokens reset 5m is not the one)' '429-xrq:1s' 0 --log mlog --wait 429-xrq:1s --gap 1:2.2 -- -j 1
embed_trial '503 Retry-After: 1' '503-ra:1' 0 --log mlog --wait 503-ra:1 --gap 1:2.2 -- -j 1
embed_trial '408' '408' 0
embed_trial '429 without a wait: backoff' '429-bare' 0
embed_trial '500 whose body quotes the key' '500' 0
embed_trial 'a latency spike past the timeout' 'slow:2500' 0
embed_trial 'a trickling body' 'trickle' 0
embed_trial 'a body cut short (Content-Length not met)' 'truncated' 0
embed_trial 'a connection reset mid-body' 'reset' 0
embed_trial 'a malformed 200: asked again after a backoff, not at once' 'malformed' 0 --log mlog --wait malformed --gap 0.5:1.3 -- -j 1 -b 12 --retry-delay 0.5
embed_trial 'a 200 with one embedding too few (wrong count)' 'short' 0
MOCKX=--shuffle
embed_trial 'results out of order' '' 0
MOCKX=
embed_trial 'every attempt 500: the leads fail, each once' '500*' 0
embed_trial '401 mid-run: stops (exit 3)' 'ok,ok,401*' 3 -- -j 1
ok 'embed: 401 mid-run: the 6 leads paid before the refusal keep their vectors, the rest fail "stopped"' \
	"test \$(jq -s 'map(select(.embedding))|length' out.ndjson) -eq 6 &&
	 test \$(jq -s 'map(select(.error.code==\"stopped\"))|length' out.ndjson) -eq 6 && grep -q OPENAI_API_KEY err"
embed_trial 'Retry-After: 600, more than --max-wait: fails at once, saying so' '429-long:600*' 0 -- -j 1
ok 'embed: a wait above --max-wait is named in the failure' \
	"jq -r .error.message out.ndjson | grep -q 'asks to wait 600 s (Retry-After), more than the 120 s lq waits at most (--max-wait)' &&
	 test \$(jq -s 'map(select(.retry_count==1))|length' out.ndjson) -eq 12"
embed_trial '--max-wait 700 waits what the server asks for instead' '429-ra:2' 0 --log mlog --wait 429-ra:2 --gap 2:3.3 -- -j 1 --max-wait 700

# ---- classify: 12 leads ------------------------------------------------------
CLS="OPENAI_API_KEY='$KEY' classify --backend openai --retry-delay 0.05 --timeout 2 --trace tr"
cls_trial() {
	_d=$1 _f=$2 _s=$3
	shift 3
	_c= _x=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do _c="$_c $1"; shift; done
	[ $# -gt 0 ] && shift && _x="$*"
	start openai --key "$KEY" --echo-key ${_f:+--faults "$_f"}
	OPENAI_BASE_URL=http://127.0.0.1:$PORT/v1
	export OPENAI_BASE_URL
	trial classify "$_d" "$_s" $_c -- "$CLS $_x"
	mock_stop
}
cls_trial 'no fault' '' 0
cls_trial '429 Retry-After: 1' '429-ra:1' 0 --log mlog --wait 429-ra:1 --gap 1:2.2 -- -j 1
cls_trial '429 Retry-After as an HTTP-date' '429-date:2' 0 --log mlog --wait 429-date:2 --gap 1:3.3 -- -j 1
cls_trial '429 x-ratelimit-reset-tokens: 1s' '429-xr:1s' 0 --log mlog --wait 429-xr:1s --gap 1:2.2 -- -j 1
cls_trial '429 RateLimit-Reset: 1' '429-rl:1' 0 --log mlog --wait 429-rl:1 --gap 1:2.2 -- -j 1
cls_trial '503 Retry-After: 1' '503-ra:1' 0 --log mlog --wait 503-ra:1 --gap 1:2.2 -- -j 1
cls_trial '408, 500, a drop' '408,500,drop' 0 -- -j 2
cls_trial 'latency spike, trickle, cut body, reset' 'slow:2500,trickle,truncated,reset' 0 -- -j 2
cls_trial 'refusal, truncated answer, label outside the set, prose, malformed' 'refusal,length,badlabel,prose,malformed' 0 -- -j 2
cls_trial 'every answer refused: leads stay enriched, with warnings' 'refusal*' 0 -- -j 4
cls_trial 'every request 500' '500*' 0 -- -j 4
cls_trial '401 mid-run: stops (exit 3), nobody failed' 'ok,ok,401*' 3 -- -j 1
ok 'classify: 401 mid-run: two leads classified, ten unclassified with a warning, none failed' \
	"test \$(jq -s 'map(select(.industry))|length' out.ndjson) -eq 2 &&
	 test \$(jq -s 'map(select(.warnings[0].code==\"chat_rejected\" or .warnings[0].code==\"stopped\"))|length' out.ndjson) -eq 10"

# ---- rerank: 25 scored leads, batches of 5 ----------------------------------
D=$TOP/pipelines/demo
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > leads.ndjson
scrape --from-dataset "$D/profiles.json" < leads.ndjson 2>/dev/null | score "$D/icp.json" > in.rerank 2>/dev/null
RR="JINA_API_KEY='$KEY' rerank --backend jina -b 5 --retry-delay 0.05 --timeout 2 --trace tr"
rr_trial() {
	_d=$1 _f=$2 _s=$3
	shift 3
	_c= _x=
	while [ $# -gt 0 ] && [ "$1" != -- ]; do _c="$_c $1"; shift; done
	[ $# -gt 0 ] && shift && _x="$*"
	_fa=
	for _one in $_f; do _fa="$_fa --fault $_one"; done
	start rerank --dialect jina --key "$KEY" --echo-key --tlog "$T/mlog" $_fa $MOCKX
	LQ_JINA_BASE_URL=http://127.0.0.1:$PORT/v1
	export LQ_JINA_BASE_URL
	cp in.rerank in.ndjson
	trial rerank "$_d" "$_s" $_c -- "$RR $_x '$D/icp.json'"
	mock_stop
}
ok 'rerank: 25 scored leads to rerank' "test \$(jq -s 'map(select(.icp_score))|length' in.rerank) -eq 25"
rr_trial 'no fault' '' 0
rr_trial '429 Retry-After: 2' '429-ra=2:1' 0 --log mlog --wait 429-ra=2 --gap 2:3.3 -- -j 1
rr_trial '429 Retry-After as an HTTP-date' '429-date=2:1' 0 --log mlog --wait 429-date=2 --gap 1:3.3 -- -j 1
rr_trial '429 RateLimit-Reset: 1' '429-rl=1:1' 0 --log mlog --wait 429-rl=1 --gap 1:2.2 -- -j 1
rr_trial '429 x-ratelimit-reset-tokens: 1s' '429-xr=1s:1' 0 --log mlog --wait 429-xr=1s --gap 1:2.2 -- -j 1
rr_trial '503 Retry-After: 1' '503-ra=1:1' 0 --log mlog --wait 503-ra=1 --gap 1:2.2 -- -j 1
rr_trial '408, 500, 429 without a wait' '408:1 500:1 429-bare:1' 0 -- -j 2
rr_trial 'latency spike, trickle, cut body, reset' 'slow=2500:1 trickle:1 truncated:1 reset:1' 0 -- -j 2
rr_trial 'malformed, a result missing (wrong count), an index out of range' 'malformed:1 missing:1 badindex:1' 0 -- -j 2
MOCKX=--shuffle
rr_trial 'results out of order' '' 0
MOCKX=
rr_trial 'a result missing from every answer: that lead keeps its score' 'missing:99' 0 -- -j 2
rr_trial 'every request 500: every lead keeps its score' '500:99' 0 -- -j 2
rr_trial '401 mid-run: stops (exit 3), every lead keeps its score' 'ok:2 401:99' 3 -- -j 1
ok 'rerank: 401 mid-run: 10 leads reranked, 15 kept as scored with the reason' \
	"test \$(jq -s 'map(select(.rerank_score))|length' out.ndjson) -eq 10 &&
	 test \$(jq -s 'map(select(.status==\"qualified\" and (.rerank_score|not) and (.match_reasoning|test(\"rerank skipped\"))))|length' out.ndjson) -eq 15"

# ---- calls: 5 meetings in pages of 2 ----------------------------------------
printf '105\n104\n103\n102\n101\n' > ids.calls
: > in.ndjson
CALLS="FATHOM_API_KEY='$KEY' timeout 60 calls --retry-delay 0.05 --timeout 2 --trace tr"
calls_trial() {
	_d=$1 _f=$2 _s=$3
	shift 3
	_c=
	while [ $# -gt 0 ]; do _c="$_c $1"; shift; done
	start fathom --key "$KEY" --echo-key --reset 1 ${_f:+--faults "$_f"}
	LQ_FATHOM_BASE_URL=http://127.0.0.1:$PORT/external/v1
	export LQ_FATHOM_BASE_URL
	IN=ids.calls
	trial calls "$_d" "$_s" $_c -- "$CALLS ${CALLSX:-}"
	IN=
	mock_stop
}
calls_trial 'no fault' '' 0
calls_trial '429 RateLimit-Reset: 1 (no Retry-After)' '429' 0 --log mlog --wait 429 --gap 1:2.2
calls_trial '429 Retry-After: 1' '429-ra:1' 0 --log mlog --wait 429-ra:1 --gap 1:2.2
calls_trial '429 Retry-After as an HTTP-date' 'ok,429-date:2' 0 --log mlog --wait 429-date:2 --gap 1:3.3
calls_trial '503 Retry-After: 1' '503-ra:1' 0 --log mlog --wait 503-ra:1 --gap 1:2.2
calls_trial '408, 500, a drop' '408,ok,500,drop' 0
calls_trial 'latency spike, trickle, cut body, reset' 'slow:2500,trickle,truncated,reset' 0
calls_trial 'a malformed page and a page without items: asked again' 'malformed,ok,badpage' 0
CALLSX='--retry-delay 0.5'
calls_trial 'a malformed page: asked again after a backoff, not at once' 'malformed' 0 --log mlog --wait malformed --gap 0.5:1.3
CALLSX=
calls_trial 'a repeated cursor: stops with an error (exit 3), no meeting twice' 'ok,repeat*' 3 --partial
stderr_has 'calls: a repeated cursor is named' 'Fathom sent the cursor of page 2 again: stopping' "cat err >&2"
ok 'calls: a repeated cursor: 2 requests after the first, not thousands' "test \$(grep -c . mlog) -le 4"
calls_trial '401 mid-run: stops (exit 3)' 'ok,401*' 3 --partial

# ---- scrape: the retry policy of the batch loop, and redaction -------------------
printf '{"id":"ann-lee","linkedin_url":"https://www.linkedin.com/in/ann-lee/","status":"discovered"}\n' > one.ndjson
start apify --token "$KEY" --echo-token --tlog "$T/mlog" --fault 'start:429-ra=1:3'
ok 'scrape: a run start refused 429 Retry-After: 1 three times: every retry (the batch loop too) waits 1 s' \
	"APIFY_API_TOKEN='$KEY' LQ_APIFY_BASE_URL=http://127.0.0.1:$PORT scrape --max-attempts 2 --retry-delay 0.05 < one.ndjson > so 2> se &&
	 jq -e 'select(.status==\"enriched\")' so > /dev/null &&
	 jq -s '[.[] | select(.kind==\"start\")] | [range(1; length) as \$i | .[\$i].t - .[\$i-1].t] | map(select(. < 1 or . > 2.2)) | length' mlog | grep -qx 0 &&
	 test \$(jq -s 'map(select(.kind==\"start\"))|length' mlog) -eq 4"
printf '{"id":"bo-chan","linkedin_url":"https://www.linkedin.com/in/bo-chan/","status":"discovered"}\n' > two.ndjson
ok 'scrape: Apify quoting a wrong token: no key bytes in output, stderr or trace' \
	"APIFY_API_TOKEN='sk-fm/Key+SECRET-FM=wrong' LQ_APIFY_BASE_URL=http://127.0.0.1:$PORT scrape --trace str < two.ndjson > so 2> se; test \$? -eq 3 &&
	 grep -q 'Apify refused' se && ! grep -q SECRET so se str && grep -q 'Authentication token' se"
mock_stop

echo "# faults-http: $TRIALS trials, $RECORDS records, $LOST lost, $DUP duplicated, $DROPPED scored or enriched leads dropped, $KEYBYTES key bytes found, $GAPS retry gaps measured"
ok "tally: $TRIALS trials, $RECORDS records, $LOST lost, $DUP duplicated, $DROPPED dropped, $KEYBYTES key bytes found" \
	"test $LOST -eq 0 && test $DUP -eq 0 && test $DROPPED -eq 0 && test $KEYBYTES -eq 0 && test $TRIALS -gt 50"
done_testing
