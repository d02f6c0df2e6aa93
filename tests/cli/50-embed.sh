#!/bin/sh
# 50-embed: profile text embeddings, local encoder and the OpenAI-compatible backend against tests/mock/openai.py.
# The model folder must be found before lib.sh points LQ_CACHE_DIR into the temp dir.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
unset OPENAI_API_KEY OPENAI_BASE_URL LQ_EMBED_BACKEND LQ_EMBED_MODEL

need_model
E="$DATA/enriched.ndjson"

# ---- local ----
ok 'local: 12 enriched leads in, 12 out with 384 floats and the model id' \
	"embed < '$E' > out && test \$(wc -l < out) -eq 12 &&
	 test \$(jq -s 'map(select((.embedding|length)==384 and .embedding_model==\"local:all-MiniLM-L6-v2\"))|length' out) -eq 12"
ok 'local: every other field kept as it came' \
	"jq -c 'del(.embedding,.embedding_model)' out > a && jq -c . '$E' > b && cmp a b"
ok 'local: vectors are unit length and written with at most 7 significant digits' \
	"jq -e '[.embedding[]|.*.]|add|(.>0.999 and .<1.001)' out >/dev/null &&
	 test \$(grep -o '\"embedding\":\\[[^]]*' out | cut -d[ -f2 | tr , '\\n' |
	         sed -E 's/^-//; s/e.*//; s/\\.//; s/^0+//' | awk 'length>7' | grep -c .) -eq 0"
ok 'local: a rerun is served from the cache and gives identical output' \
	"embed < '$E' > out2 2> err && cmp out out2 && grep -q '12 cache hits' err"
expect 'local: CFO is nearer Chief Financial Officer than midwife (--text)' \
	"printf 'CFO\nChief Financial Officer\ncommunity midwife\n' | embed --text |
	 jq -s '[(.[0].embedding as \$a|.[1].embedding as \$b|[range(384)|\$a[.]*\$b[.]]|add),
	         (.[0].embedding as \$a|.[2].embedding as \$b|[range(384)|\$a[.]*\$b[.]]|add)]|.[0]>.[1]'" <<-EOF
	true
	EOF
expect '--text --field embeds a named field of records; a record without it fails, named' \
	"printf '{\"id\":\"a\",\"t\":\"hello\"}\n{\"id\":\"b\"}\n' | embed --text --field t 2>/dev/null |
	 jq -c '[.id, (.embedding|length), .status, .error.code]'" <<-EOF
	["a",384,null,null]
	["b",0,"failed","no_text"]
	EOF

cat > mixed.ndjson <<-'EOF'
	{"id":"d1","status":"discovered","linkedin_url":"https://www.linkedin.com/in/d1/"}
	{"id":"f1","status":"failed","error":{"stage":"scrape","code":"private","message":"x"},"retry_count":2}
	not json at all
	{"id":"e0","status":"enriched","profile":{}}
	[1,2]
	EOF
head -n 1 "$E" >> mixed.ndjson
expect 'discovered and failed records pass untouched; bad lines and empty profiles become failed records' \
	"embed < mixed.ndjson 2>err | jq -c '[.id, .status, (.error.code // null), (.embedding|length)]'" <<-EOF
	["d1","discovered",null,0]
	["f1","failed","private",0]
	[null,"failed","invalid_json",0]
	["e0","failed","no_text",0]
	[null,"failed","not_object",0]
	["ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516","enriched",null,384]
	EOF
ok 'the summary counts the skipped record' "grep -q '1 skipped' err"
ok 'the backend is never chosen by the presence of a key' \
	"OPENAI_API_KEY=sk-should-not-be-used embed < '$E' | jq -e 'select(.embedding_model!=\"local:all-MiniLM-L6-v2\")' | grep -c . | grep -qx 0"
status 'an unknown backend is a usage error (2)' 2 "embed --backend nope < '$E'"
stderr_has 'a missing model folder names lq model fetch' 'lq model fetch' "embed --model-dir /nonexistent < '$E'"
status '--field without --text is a usage error' 2 "embed --field x < /dev/null"
status 'a bad --batch-size is a usage error' 2 "embed --batch-size 5000 < /dev/null"

# ---- openai ----
KEY=sk-test-SECRETKEY-0123456789
export OPENAI_API_KEY=$KEY
mkdir -p "$T/tbin"
printf '#!/bin/sh\nexec embed --backend openai --retry-delay 0.01 "$@"\n' > "$T/tbin/oa"
chmod +x "$T/tbin/oa"
PATH=$T/tbin:$PATH

mock_start openai --key "$KEY" --shuffle
ok 'openai: 12 leads, one request, base64, 1536 floats, model id openai:text-embedding-3-small' \
	"oa < '$E' > o1 2>err && test \$(jq -s 'map(select((.embedding|length)==1536 and .embedding_model==\"openai:text-embedding-3-small\"))|length' o1) -eq 12 &&
	 test \$(mock_count) -eq 1 && jq -e 'select(.encoding==\"base64\" and .n==12)' mock.log >/dev/null"
ok 'openai: a rerun makes zero requests' \
	"oa < '$E' > o2 2>err2 && cmp o1 o2 && test \$(mock_count) -eq 1 && grep -q '0 requests' err2 && grep -q '12 cache hits' err2"
ok 'openai: the summary counts requests, tokens and cost' "grep -Eq '1 requests, 0 cache hits, [1-9][0-9]* tokens, \\\$0\\.0' err"
ok 'openai: --dimensions 256 asks for 256 and tags the model id' \
	"oa --dimensions 256 < '$E' | jq -e 'select((.embedding|length)!=256 or .embedding_model!=\"openai:text-embedding-3-small@256\")' | grep -c . | grep -qx 0 &&
	 jq -e 'select(.dimensions==256)' mock.log >/dev/null"
ok 'openai: --batch-size splits requests (12 leads / 5 = 3 requests)' \
	"rm -rf \$LQ_CACHE_DIR; : > mock.log; oa -b 5 < '$E' > /dev/null && test \$(mock_count) -eq 3"
ok 'openai: LQ_EMBED_BACKEND=openai selects the backend' \
	"LQ_EMBED_BACKEND=openai embed < '$E' | head -n 1 | jq -e '.embedding_model==\"openai:text-embedding-3-small\"' >/dev/null"
ok 'openai: texts over the 300k-token budget are split across requests' \
	"python3 -c 'import json
for i in range(120): print(json.dumps({\"id\":\"big%d\"%i,\"status\":\"enriched\",\"headline\":(\"word%d \"%i)*2000}))' > big.ndjson &&
	 rm -rf \$LQ_CACHE_DIR; : > mock.log; oa < big.ndjson > bo && test \$(wc -l < bo) -eq 120 &&
	 test \$(jq -s 'map(select(.embedding))|length' bo) -eq 120 && test \$(mock_count) -ge 2"
mock_stop

mock_start openai --key "$KEY" --ignore-base64
ok 'openai: float arrays (encoding_format ignored) give the same vectors as shuffled base64 rows mapped by index' \
	"rm -rf \$LQ_CACHE_DIR; oa < '$E' > o3 && jq -c '.embedding[0:5]' o1 > a && jq -c '.embedding[0:5]' o3 > b && cmp a b"
mock_stop

for f in 429 429-bare 500 drop malformed short; do
	mock_start openai --key "$KEY" --faults "$f"
	ok "openai: fault $f is retried; every lead embedded" \
		"rm -rf \$LQ_CACHE_DIR; oa < '$E' > of 2>err && test \$(jq -s 'map(select(.embedding))|length' of) -eq 12 && test \$(mock_count) -eq 2"
	mock_stop
done

mock_start openai --key "$KEY" --faults '500*'
ok 'openai: a request failing 3 times fails its records (retry_count 3), records in = out' \
	"rm -rf \$LQ_CACHE_DIR; oa -b 5 < '$E' > of 2>err; test \$(wc -l < of) -eq 12 &&
	 test \$(jq -s 'map(select(.status==\"failed\" and .error.code==\"embed_failed\" and .retry_count==3))|length' of) -eq 12 &&
	 test \$(mock_count) -eq 9"
mock_stop

mock_start openai --key "$KEY"
jq -c 'if .id=="ACoAAFUikyrspUWIpsvQX25vkP_H9Rp58tva7BS" then .headline="boom #500#" else . end' "$E" > one500.ndjson
ok 'openai: one bad lead with batch size 1 fails alone' \
	"rm -rf \$LQ_CACHE_DIR; oa -b 1 -j 4 < one500.ndjson > of 2>err; test \$(wc -l < of) -eq 12 &&
	 test \$(jq -s 'map(select(.status==\"failed\"))|length' of) -eq 1 && test \$(jq -s 'map(select(.embedding))|length' of) -eq 11"
ok 'openai: output keeps input order with 4 requests in flight' \
	"jq -r .id of > a && jq -r .id one500.ndjson > b && cmp a b"
ok 'openai: a wrong key is fatal (exit 3), every lead written as failed' \
	"rm -rf \$LQ_CACHE_DIR; OPENAI_API_KEY=sk-wrong-OTHERSECRET-999 oa --trace tr < '$E' > of 2>err; test \$? -eq 3 &&
	 test \$(wc -l < of) -eq 12 && test \$(jq -s 'map(select(.status==\"failed\"))|length' of) -eq 12"
ok 'openai: the key appears in no output, message, trace or cache object' \
	"! grep -rq -e OTHERSECRET -e SECRETKEY of err tr \$LQ_CACHE_DIR"
stderr_has 'openai: the 401 message says to check OPENAI_API_KEY' 'OPENAI_API_KEY' \
	"OPENAI_API_KEY=sk-wrong-OTHERSECRET-999 oa < '$E'"
mock_stop

mock_start openai --key "$KEY" --faults 'quota*'
ok 'openai: insufficient_quota is fatal at once: one request, exit 3, records in = out' \
	"rm -rf \$LQ_CACHE_DIR; oa < '$E' > of 2>err; test \$? -eq 3 && test \$(mock_count) -eq 1 &&
	 test \$(wc -l < of) -eq 12 && grep -q insufficient_quota err"
mock_stop

mock_start openai
ok 'openai: an unknown model learns its width from one probe request' \
	"rm -rf \$LQ_CACHE_DIR; oa -m nomic-embed-text < '$E' > of && test \$(jq -s 'map(select((.embedding|length)==1536))|length' of) -eq 12 &&
	 head -n 1 of | jq -e '.embedding_model==\"openai:nomic-embed-text\"' >/dev/null && test \$(mock_count) -eq 2"
ok 'openai: no key needed for a loopback server' \
	"OPENAI_API_KEY= oa --refresh < '$E' > /dev/null && jq -e 'select(.auth==false)' mock.log >/dev/null"
mock_stop
status 'openai: no key for a remote server is fatal (3)' 3 \
	"OPENAI_API_KEY= OPENAI_BASE_URL=https://api.example.invalid/v1 embed --backend openai < '$E'"
status 'openai: a server that is down: records failed, exit 0' 0 \
	"rm -rf \$LQ_CACHE_DIR; OPENAI_BASE_URL=http://127.0.0.1:9/v1 oa --dimensions 8 --timeout 2 < '$E' > of 2>/dev/null && test \$(jq -s 'map(select(.status==\"failed\"))|length' of) -eq 12"
done_testing
