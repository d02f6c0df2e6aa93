#!/bin/sh
# 97-records: lazy records (common/lazy.h). Every stage writes the same bytes, messages and
# status whether it parses records lazily (the default) or whole (LQ_RECORD_PARSE=full, the
# reader and writer as they were before; there also with jansson's blocks from malloc,
# LQ_JALLOC=off, common/jalloc.h); members a stage never reads go out as they came;
# embeddings as base64 float32; --slim; no jansson call that reads an object escapes lazy.c.
. "$(dirname "$0")/../lib.sh"

export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	echo "not ok 1 - 97-records: no model in $LQ_MODEL_DIR (run \`make model\`)"
	exit 1
fi
D=$TOP/pipelines/demo
export D

# Hostile lines every stage gets besides its real input (tests/hostile.sh).
. "$TOP/tests/hostile.sh"
hostile_lines > hostile.ndjson

# The demo pipeline, once, stage by stage (whole parsing: the reference).
jq -c '.[] | {id: .publicIdentifier, linkedin_url: .inputUrl, status: "discovered"}' "$D/profiles.json" > 1.ndjson
LQ_RECORD_PARSE=full scrape -q --from-dataset "$D/profiles.json" < 1.ndjson > 2.ndjson
LQ_RECORD_PARSE=full embed -q < 2.ndjson > 3.ndjson
LQ_RECORD_PARSE=full classify -q < 3.ndjson > 4.ndjson
LQ_RECORD_PARSE=full score -q "$D/icp.json" < 4.ndjson > 5.ndjson
LQ_RECORD_PARSE=full rerank -q "$D/icp.json" < 5.ndjson > 6.ndjson
ok 'the reference pipeline ran: 25 reranked leads' 'test $(grep -c "\"rerank_score\"" 6.ndjson) -eq 25'

# canon FILE: each line as Python reads and writes it back (member order
# kept, numbers and escapes in one form), for lines whose spacing and
# number forms lazy records keep and whole parsing does not; with a
# second argument, scraped_at (the run's clock) reads "T".
cat > canon.py <<-'EOF'
	import json, sys
	for line in open(sys.argv[1], encoding="utf-8"):
	    v = json.loads(line)
	    if len(sys.argv) > 2 and isinstance(v, dict) and "scraped_at" in v:
	        v["scraped_at"] = "T"
	    print(json.dumps(v, ensure_ascii=False, separators=(",", ":")))
	EOF

# same NAME IN KIND CMD...: CMD parses lazily and whole. On IN (lq's own
# records) stdout, stderr (less timings) and exit status must be
# identical; on the hostile lines too, except that for KIND ndjson the
# lines are compared as values (a failed record keeps its spacing when
# lazy).
same() {
	name=$1 in=$2 kind=$3
	shift 3
	for part in real hostile; do
		f=$in; [ $part = hostile ] && f=hostile.ndjson
		# A run's own clock (scraped_at) may tick between the two runs.
		cmpout="sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/T/g' full-$name-$part.out > a-$name && sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/T/g' lazy-$name-$part.out > b-$name && cmp a-$name b-$name"
		[ $part = hostile ] && [ $kind = ndjson ] &&
			cmpout="python3 canon.py full-$name-$part.out -clock > a-$name && python3 canon.py lazy-$name-$part.out -clock > b-$name && cmp a-$name b-$name"
		ok "$name on $part lines: the same output, messages and status parsed lazily or whole" "
			(LQ_CACHE_DIR=\$T/c-full-$name LQ_RECORD_PARSE=full LQ_JALLOC=off; export LQ_CACHE_DIR LQ_RECORD_PARSE LQ_JALLOC; $*) < $f > full-$name-$part.out 2> full-$name-$part.err; echo \$? > full-$name-$part.st
			(LQ_CACHE_DIR=\$T/c-lazy-$name; export LQ_CACHE_DIR; $*) < $f > lazy-$name-$part.out 2> lazy-$name-$part.err; echo \$? > lazy-$name-$part.st
			test -s lazy-$name-$part.out && $cmpout && cmp full-$name-$part.st lazy-$name-$part.st &&
			sed -E 's/[0-9.]+ ?(s|ms)\\b/T/g' full-$name-$part.err > fe-$name && sed -E 's/[0-9.]+ ?(s|ms)\\b/T/g' lazy-$name-$part.err > le-$name && cmp fe-$name le-$name"
	done
}
same scrape 1.ndjson ndjson scrape --from-dataset "$D/profiles.json"
same embed 2.ndjson ndjson embed
same embed-base64 2.ndjson ndjson embed --vectors base64
same classify 3.ndjson ndjson classify
same score 4.ndjson ndjson score "$D/icp.json"
same score-baseline 4.ndjson ndjson score --method baseline "$D/icp.json"
same rerank 5.ndjson ndjson rerank "$D/icp.json"
same to-csv 6.ndjson text to-csv --include-failed
same to-csv-full 6.ndjson text to-csv --full --all --include-failed
same to-csv-columns 6.ndjson text to-csv --all -c "'Skill=profile.skills[0],Pos=profile.positions[-1].title,Id=id'"
same review 6.ndjson text review "$D/icp.json"
same eval 6.ndjson text "\"\$LQ_BIN/eval\"" "$TOP/tests/data/eval/labels.ndjson"
# feedback merge, with a judgment for two of the demo leads
H=$(review -q "$D/icp.json" < 6.ndjson | grep -o '"icp_hash":"[0-9a-f]*"' | head -n 1 | cut -d'"' -f4)
client=$(jq -r .client "$D/icp.json")
jq -c --arg h "$H" --arg c "$client" 'select(.status == "qualified") | {v: 1, id, client: $c, icp_hash: $h,
	label: "good", note: "", reviewer: "Ana", time: "2026-11-30T09:41:07.250Z", score_version,
	icp_score, tier, explicit: true, via: "review-serve"}' 6.ndjson | head -n 2 > fb.ndjson
ok 'a feedback log for two demo leads' 'test $(jq -r .icp_hash fb.ndjson | grep -cx "[0-9a-f]\{64\}") -eq 2 && test $(wc -l < fb.ndjson) -eq 2'
same feedback-merge 6.ndjson ndjson feedback merge -f fb.ndjson "$D/icp.json"
ok 'feedback merge gave two leads their judgment' 'test $(grep -c "\"feedback\":{" lazy-feedback-merge-real.out) -eq 2'
# a second run of scrape reads what the first cached
LQ_CACHE_DIR=$T/c-shared scrape -q --from-dataset "$D/profiles.json" < 1.ndjson > /dev/null
same scrape-cached 1.ndjson ndjson "LQ_CACHE_DIR=$T/c-shared scrape --cache-only"

# Members nobody read go out as they came.
ok 'a failed record goes out exactly as it came, spacing and all' \
	'for s in scrape embed classify score rerank; do grep -qxF "$(head -1 hostile.ndjson)" lazy-$s-hostile.out || exit 1; done'
ok 'a record a stage passes by goes out as it came; one it fails keeps what it did not read' \
	'grep -qxF "{\"x\": [1, 2.50, {\"y\": null}], \"z\": \"\\ud83d\\ude00\"}" lazy-embed-hostile.out &&
	 grep -F "{\"x\":[1, 2.50, {\"y\": null}],\"z\":\"\\ud83d\\ude00\",\"status\":\"failed\"" lazy-score-hostile.out | grep -q no_profile_text'
ok 'an untouched member keeps its bytes while the stage adds its own' '
	sed "s/\"profile\":{/\"profile\": {\"x\" : 1.50, /" 4.ndjson | head -3 > spaced.ndjson &&
	score -q "$D/icp.json" < spaced.ndjson > spaced.out &&
	test $(grep -c "\"profile\":{\"x\" : 1.50, " spaced.out) -eq 3 && test $(grep -c "\"icp_score\"" spaced.out) -eq 3'
ok 'a repeated key is written once, with its last value, in its first place' \
	'grep -qxF "{\"id\":\"h-dup2\",\"status\":\"failed\",\"error\":{\"stage\":\"x\",\"code\":\"y\",\"message\":\"z\"}}" lazy-score-hostile.out'
ok 'a line jansson refuses is a failed record with jansson'"'"'s message, as before' \
	'grep "too big integer" lazy-score-hostile.out | grep -q "\"code\":\"invalid_json\"" &&
	 grep "h-deep" lazy-score-hostile.out | grep -q "maximum parsing depth"'

# Embeddings as base64 float32.
ok 'embed --vectors base64: a string and embedding_encoding base64, 384 float32 each' \
	'embed -q --vectors base64 < 2.ndjson > 3b.ndjson &&
	 jq -e "select(.status == \"enriched\") | select(.embedding_encoding != \"base64\" or (.embedding | type) != \"string\" or (.embedding | length) != 2048)" 3b.ndjson > bad; test ! -s bad'
ok 'base64 lines are about a third of the JSON ones' \
	'test $(wc -c < 3b.ndjson) -lt $(($(wc -c < 3.ndjson) * 2 / 3))'
ok 'the same vectors: base64 decodes to what the JSON numbers round to (7 digits)' '
	python3 - 3.ndjson 3b.ndjson <<-"PY"
	import base64, json, struct, sys
	a = [json.loads(l) for l in open(sys.argv[1])]
	b = [json.loads(l) for l in open(sys.argv[2])]
	for x, y in zip(a, b):
	    if "embedding" not in x:
	        continue
	    v = struct.unpack("<384f", base64.b64decode(y["embedding"]))
	    assert all(abs(p - float("%.7g" % q)) <= 1e-7 * max(1, abs(p)) for p, q in zip(x["embedding"], v)), x["id"]
	PY'
ok 'score and rerank read base64 vectors: the same tiers, scores within 0.2' '
	classify -q < 3b.ndjson | score -q --method baseline "$D/icp.json" > 5b.ndjson &&
	score -q --method baseline "$D/icp.json" < 4.ndjson > 5j.ndjson &&
	jq .icp_score 5j.ndjson > a && jq .icp_score 5b.ndjson > b && test $(wc -l < a) -eq 25 &&
	paste -d" " a b | awk "{d = \$1 - \$2; if (d < 0) d = -d; if (d > 0.2) exit 1}" &&
	jq -r .tier 5j.ndjson > ta && jq -r .tier 5b.ndjson > tb && cmp ta tb &&
	rerank -q "$D/icp.json" < 5b.ndjson > 6b.ndjson && test $(grep -c rerank_score 6b.ndjson) -eq 25'
ok 're-embedding as JSON drops embedding_encoding' \
	'embed -q --refresh < 3b.ndjson > 3j.ndjson && ! grep -q embedding_encoding 3j.ndjson && cmp 3j.ndjson 3.ndjson'
printf '%s\n' '{"id":"b1","status":"enriched","embedding":"AAA","embedding_encoding":"base64","embedding_model":"local:all-MiniLM-L6-v2"}' \
	'{"id":"b2","status":"enriched","embedding":"AACAPw==","embedding_encoding":"float16","embedding_model":"local:all-MiniLM-L6-v2"}' \
	'{"id":"b3","status":"enriched","embedding":"AACAPw==","embedding_encoding":"base64","embedding_model":"local:all-MiniLM-L6-v2"}' > badvec.ndjson
expect 'bad base64 vectors fail with what is wrong, by record' \
	'score -q --method baseline "$D/icp.json" < badvec.ndjson | jq -r "[.id, .error.code, .error.message] | @tsv"; echo "exit $?"' <<-'EOF'
	b1	bad_embedding	b1: embedding is not base64 of float32 values (bad base64)
	b2	bad_embedding	b2: unknown embedding_encoding 'float16' (lq reads base64)
	b3	bad_embedding	b3: embedding has 1 numbers, local:all-MiniLM-L6-v2 makes 384
	exit 0
	EOF
status 'embed --vectors: an unknown form is a usage error' 2 'embed --vectors hex < /dev/null'

# --slim on the last stage.
ok 'score --slim and rerank --slim leave out profile, embedding and embedding_encoding' '
	score -q --slim "$D/icp.json" < 4.ndjson > slim5.ndjson && rerank -q --slim "$D/icp.json" < 5b.ndjson > slim6.ndjson &&
	! grep -qE "\"(profile|embedding|embedding_encoding)\":" slim5.ndjson slim6.ndjson &&
	test $(grep -c icp_score slim5.ndjson) -eq 25 && test $(grep -c rerank_score slim6.ndjson) -eq 25 &&
	python3 canon.py 5.ndjson | jq -c "del(.profile, .embedding, .embedding_encoding)" > want && jq -c . slim5.ndjson | cmp - want'

# Every jansson function the code calls either cannot read an object's
# members or goes through common/lazy.c (the Makefile's LQ_WRAP): a new
# one must be looked at there first.
cat > allowed <<-EOF
	json_t json_error_t json_int_t json_dump_callback_t json_decref json_incref json_typeof
	json_is_object json_is_array json_is_string json_is_integer json_is_real json_is_number
	json_is_true json_is_false json_is_boolean json_is_null json_object json_array json_string
	json_stringn json_stringn_nocheck json_integer json_real json_true json_false json_null
	json_boolean json_sprintf json_string_value json_string_length json_integer_value
	json_real_value json_number_value json_array_size json_array_get json_array_append
	json_array_append_new json_array_set_new json_array_remove json_array_foreach json_array_clear json_array_extend json_object_set json_object_set_new
	json_object_setn_new_nocheck json_object_clear json_object_iter_next json_object_iter_key
	json_object_iter_key_len json_object_iter_value json_object_foreach json_pack json_loadb
	json_loads json_load_file json_schema json_count json_set_alloc_funcs
	EOF
sed -n '/^LQ_WRAP =/,/[^\\]$/p' "$TOP/Makefile" | tr -d '\\' | cut -d= -f2 >> allowed
tr ' \t' '\n\n' < allowed | grep . > allowed.list
expect 'no jansson call that reads an object escapes common/lazy.c (else: look at it there)' \
	'grep -ohE "\bjson_[a-z_]+\b" "$TOP"/src/*.c "$TOP"/common/*.c "$TOP"/common/*.h | sort -u | grep -vxF -f allowed.list' <<-'EOF'
	EOF
done_testing
