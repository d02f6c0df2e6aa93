#!/bin/sh
# 53-spend: the spend guards of embed, classify and icp-extract against tests/mock/openai.py:
# --dry-run sends nothing and says what would be paid (cached items never count), --limit N
# caps the paid items (the rest pass on unchanged, exit 4).
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
need_model
unset LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_ICP_BACKEND LQ_EMBED_MODEL LQ_CLASSIFY_MODEL LQ_ICP_MODEL
E=$DATA/enriched.ndjson
KEY=sk-test-spend-0123456789
OPENAI_API_KEY=$KEY
LQ_CACHE_DIR=$T/cache
export E OPENAI_API_KEY LQ_CACHE_DIR
mock_start openai --key "$KEY"
n=$(grep -c . "$E")

# ---- embed ----
ok 'embed --dry-run: zero requests, every record passes on unchanged, exit 0' \
	'embed --backend openai --dry-run < "$E" > d.out 2> d.err && test $(mock_count) -eq 0 && cmp d.out "$E"'
ok 'embed --dry-run: says what would be sent and paid, before paying' \
	"grep -Eq '^embed: dry run: 0 cached, $n texts to send in 1 requests of up to 256, about [1-9][0-9]* tokens, estimated cost \\\$0\\.[0-9]{4}\$' d.err"
ok 'embed --dry-run: the cost is tokens x --price' \
	'embed --backend openai --dry-run --price 1000 < "$E" 2>&1 > /dev/null | sed -n "s/.*about \([0-9]*\) tokens, estimated cost \\$\([0-9.]*\).*/\1 \2/p" > tc &&
	 read tok usd < tc && test "$(awk -v t=$tok "BEGIN { printf \"%.4f\", t * 1000 / 1e6 }")" = "$usd" && test $(mock_count) -eq 0'
status 'embed --limit 5 -b 2: exit 4 (a spend guard held leads back)' 4 'embed --backend openai --limit 5 -b 2 < "$E" > l.out 2> l.err'
ok 'embed --limit 5: 5 texts paid in 3 requests; the other leads pass on unchanged, counted' \
	"test \$(mock_count) -eq 3 && test \$(jq -s 'map(select(.embedding)) | length' l.out) -eq 5 &&
	 jq -c 'select(.embedding == null)' l.out > held && test \$(grep -c . held) -eq $((n - 5)) && grep -Fxf held '$E' | grep -c . | grep -qx $((n - 5)) &&
	 grep -q '$((n - 5)) held back by --limit' l.err"
ok 'embed --dry-run after it: the 5 cached texts never count' \
	"embed --backend openai --dry-run < '$E' 2>&1 > /dev/null | grep -q 'dry run: 5 cached, $((n - 5)) texts to send' && test \$(mock_count) -eq 3"
ok 'embed --limit 0 with everything cached pays nothing and holds nothing back' \
	'embed --backend openai < "$E" > /dev/null 2>&1 && c=$(mock_count) && embed --backend openai --limit 0 < "$E" > z.out 2> z.err && test $(mock_count) -eq $c &&
	 test $(jq -s "map(select(.embedding)) | length" z.out) -eq '"$n"' && ! grep -q "held back" z.err'
ok 'embed --dry-run needs no key' \
	'env -u OPENAI_API_KEY OPENAI_BASE_URL=https://api.openai.invalid/v1 embed --backend openai --dry-run < "$E" > /dev/null 2> nk.err && grep -q "dry run:" nk.err'
ok 'embed --dry-run, local backend: sends nothing, says $0, passes records on' \
	'embed --dry-run < "$E" > ld.out 2> ld.err && cmp ld.out "$E" && grep -q "local backend sends nothing, estimated cost \$0" ld.err'

# ---- classify ----
c0=$(mock_count)
export c0
ok 'classify --dry-run: zero requests, records unchanged, leads, tokens and cost said' \
	"classify --backend openai --dry-run < '$E' > cd.out 2> cd.err && test \$(mock_count) -eq $c0 && cmp cd.out '$E' &&
	 grep -Eq '^classify: dry run: 0 cached, $n leads to send in $n requests, about [1-9][0-9]* tokens, estimated cost \\\$0\\.[0-9]{4}\$' cd.err"
ok 'classify --dry-run: prices from --price-input and --price-output (answers at their 2000-token cap)' \
	"classify --backend openai --dry-run --price-input 0 --price-output 1000 < '$E' 2>&1 > /dev/null |
	 grep -q 'estimated cost \\\$$(awk -v n=$n 'BEGIN { printf "%.4f", n * 2000 * 1000 / 1e6 }')'"
status 'classify --limit 3: exit 4' 4 'classify --backend openai --limit 3 < "$E" > cl.out 2> cl.err'
ok 'classify --limit 3: 3 requests; the other leads pass on unchanged, counted' \
	"test \$(mock_count) -eq $((c0 + 3)) && test \$(jq -s 'map(select(.industry_reasoning)) | length' cl.out) -eq 3 &&
	 jq -c 'select(.industry_reasoning == null)' cl.out | grep -Fxf - '$E' | grep -c . | grep -qx $((n - 3)) && grep -q '$((n - 3)) held back by --limit' cl.err"
ok 'classify --dry-run after it: the 3 cached answers never count' \
	"classify --backend openai --dry-run < '$E' 2>&1 > /dev/null | grep -q 'dry run: 3 cached, $((n - 3)) leads to send' && test \$(mock_count) -eq $((c0 + 3))"

# ---- icp-extract ----
C=$DATA/calls
calls -q "$C/ledgerly-kickoff.txt" "$C/brightpath-discovery.txt" > two.ndjson
c1=$(mock_count)
export c1
ok 'icp-extract --dry-run: zero requests, no ICP written, meetings and cost said' \
	"icp-extract --backend openai --dry-run < two.ndjson > id.out 2> id.err && test \$(mock_count) -eq $c1 && test ! -s id.out &&
	 grep -Eq '^icp-extract: dry run: 0 cached, 2 meetings to send in 2 requests, about [1-9][0-9]* tokens, estimated cost \\\$0\\.[0-9]{4}\$' id.err"
status 'icp-extract --limit 1: exit 4' 4 'icp-extract --backend openai --limit 1 < two.ndjson > il.out 2> il.err'
ok 'icp-extract --limit 1: one request; the other meeting is left for the next run (not in _meetings)' \
	"test \$(mock_count) -eq $((c1 + 1)) && test \$(jq '._meetings | length' il.out) -eq 1 && grep -q '1 held back by --limit' il.err"
ok 'icp-extract: the next run (--merge) asks only about the meeting held back' \
	"icp-extract --backend openai --merge il.out < two.ndjson > im.out 2> im.err && test \$(mock_count) -eq $((c1 + 2)) && test \$(jq '._meetings | length' im.out) -eq 2"

# ---- a whole-pipeline budget: qualify.sh --budget, batch.mk BUDGET= ----
# embed priced so that its estimate is dollars (about $3 for the 25 demo
# leads): a budget of $1 stops before it, one of $100 lets it run.
P=$TOP/pipelines
DEMO=$TOP/pipelines/demo
export P DEMO
printf 'scrape = --from-dataset %s\nembed = --backend openai --dimensions 32 --retry-delay 0.01 --price 1000\n' "$DEMO/profiles.json" > b.conf
mock_stop
mock_start openai --key "$KEY" --dim 32
status 'qualify.sh --budget 1: stops before embed, exit 4' 4 \
	"sh '$P/qualify.sh' -c b.conf -o bq --budget 1 '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2> bq.err"
ok 'qualify.sh --budget 1: said once, zero requests, the finished stages kept, nothing after' \
	"test \$(grep -c 'would cost about' bq.err) -eq 1 && grep -q '^budget: \$1: embed would cost about \$[1-9]' bq.err && test \$(mock_count) -eq 0 &&
	 test -s bq/2-enriched.ndjson && ! ls bq | grep -q 'tmp\|3-embedded'"
ok 'qualify.sh --budget=100: runs through, each paid stage adding its estimate' \
	"sh '$P/qualify.sh' -c b.conf -o bq2 --budget=100 '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2> bq2.err && test -s bq2/leads.csv &&
	 grep -q '^budget: embed: about \$[1-9][0-9.]* (\$[1-9][0-9.]* of \$100)' bq2.err && test \$(grep -c '^budget: ' bq2.err) -eq 4"
ok 'qualify.sh --budget 1 again: what was paid is cached, so the rerun fits' \
	"sh '$P/qualify.sh' -c b.conf -o bq3 --budget 1 '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2> bq3.err && test -s bq3/leads.csv"
status 'qualify.sh --budget: not an amount: exit 2' 2 \
	"sh '$P/qualify.sh' --budget 5usd '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2>&1"
mkdir -p cl/acme/b1 && cp "$DEMO/icp.json" cl/acme/ && cp "$DEMO/followers.html" cl/acme/b1/ && cp b.conf cl/acme/lq.conf
ok 'batch.mk BUDGET=: stops before the stage over budget (its Error 4), nothing paid' \
	"c=\$(mock_count); LQ_CACHE_DIR=$T/cache-bm make -s -f '$P/batch.mk' CLIENTS=cl CLIENT=acme BUDGET=1 > /dev/null 2> bm.err; test \$? -ne 0 &&
	 grep -q 'embed would cost about' bm.err && grep -q 'Error 4' bm.err && test \$(mock_count) -eq \$c && test -s cl/acme/b1/2-enriched.ndjson && test ! -e cl/acme/b1/3-embedded.ndjson"
ok 'batch.mk BUDGET=100: the whole batch' \
	"LQ_CACHE_DIR=$T/cache-bm make -s -f '$P/batch.mk' CLIENTS=cl CLIENT=acme BUDGET=100 > /dev/null 2> bm2.err && test -s cl/acme/b1/leads.csv && test \$(grep -c '^budget: ' bm2.err) -eq 3"

done_testing
