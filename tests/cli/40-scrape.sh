#!/bin/sh
# 40-scrape.sh: scrape from local sources (dataset export, folder, cache), bad input, usage.
. "$(dirname "$0")/../lib.sh"
need_shared
unset APIFY_API_TOKEN LQ_APIFY_BASE_URL

# Input records for the 12 sample people, half by URN id, half by slug, in
# another order than the export, plus a failed and an enriched record.
jq -c 'to_entries[] | if .key % 2 == 0
	then {id: .value.profileId, linkedin_url: ("https://www.linkedin.com/in/" + .value.profileId), status: "discovered"}
	else {id: .value.publicIdentifier, linkedin_url: ("https://uk.linkedin.com/in/" + (.value.publicIdentifier | ascii_upcase) + "?trk=x"), public_identifier: .value.publicIdentifier, status: "discovered"} end' \
	"$SAMPLES/profiles.json" | tac > in.ndjson
printf '%s\n' '{"id":"x","status":"failed","error":{"stage":"extract-urls","code":"c","message":"m"},"retry_count":0}' \
	'{"id":"done-already","status":"enriched","name":"Kept"}' >> in.ndjson

expect 'dataset export: 12 enriched, failed and enriched records untouched, input order' \
	'scrape -q --from-dataset "$SAMPLES/profiles.json" < in.ndjson > out.ndjson; jq -r "[.id,.status,.scrape_source // \"-\"] | @tsv" out.ndjson | sort | uniq -c | awk "{print \$1, \$3, \$4}" | sort | uniq -c' <<-'OUT'
	      1 1 enriched -
	     12 1 enriched dataset:profiles.json
	      1 1 failed -
	OUT
ok 'output order is input order' 'jq -r .id in.ndjson > a; jq -r .id out.ndjson > b; cmp a b'
expect 'fields as the original service: swapped company repaired, concurrent roles, no current role' \
	'jq -c "select(.id==\"norafeld\" or .id==\"clara-jennings-cfo\" or .id==\"sipho-dlamini-acc\" or .profile.publicIdentifier==\"norafeld\" or .profile.publicIdentifier==\"clara-jennings-cfo\" or .profile.publicIdentifier==\"sipho-dlamini-acc\") | [.name,.company,.current_job_titles,.location]" out.ndjson | sort' <<-'OUT'
	["Clara Jennings","Brookfin",["Chief Financial Officer","Board Member"],"Leeds, England, United Kingdom"]
	["Nora Feld","Routewise",["VP Finance"],"Chicago, Illinois, United States"]
	["Sipho Dlamini",null,[],"Johannesburg, Gauteng, South Africa"]
	OUT
ok 'scraped_at is ISO-8601 UTC, profile is the raw item' \
	'jq -e "select(.scrape_source) | (.scraped_at | test(\"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$\")) and (.profile | type == \"object\") and .cache.hit == false" out.ndjson | grep -vc true | grep -qx 0'

expect 'rerun with --cache-only: all 12 from the cache' \
	'scrape -q --cache-only < in.ndjson | jq -r "select(.cache.hit) | .scrape_source" | sort | uniq -c' <<-'OUT'
	     12 dataset:profiles.json
	OUT
# A newer export of the same people wins over the cached copy; the same
# export again is a cache hit (a rerun costs nothing and changes nothing).
jq '(.[] | select(.publicIdentifier == "norafeld") | .headline) = "Chief Financial Officer at Routewise"' \
	"$SAMPLES/profiles.json" > newer.json
ok 'dataset rerun, same file: every profile a cache hit' \
	'scrape -q --from-dataset "$SAMPLES/profiles.json" < in.ndjson | jq -e -s "map(select(.scrape_source)) | length == 12 and all(.cache.hit)" > /dev/null'
scrape --from-dataset newer.json < in.ndjson > newer.ndjson 2> newer.err
ok 'a newer export: its changed profile replaces the cached one, the rest are hits, the summary says so' \
	"jq -e -s 'map(select(.scrape_source)) | (map(select(.cache.hit | not)) | length == 1 and .[0].headline == \"Chief Financial Officer at Routewise\") and (map(select(.cache.hit)) | length == 11)' newer.ndjson > /dev/null && grep -q '1 cached profiles replaced by the source.s newer copy' newer.err"
ok 'and the cache now holds the newer copy' \
	"scrape -q --cache-only < in.ndjson | jq -e -s 'map(select(.profile.publicIdentifier == \"norafeld\"))[0].headline == \"Chief Financial Officer at Routewise\"' > /dev/null"
scrape -q --from-dataset "$SAMPLES/profiles.json" < in.ndjson > /dev/null	# back to the sample copy

expect '--cache-only with an empty cache: failed records, precise error' \
	'LQ_CACHE_DIR=$T/empty scrape -q --cache-only < in.ndjson | jq -r "select(.status==\"failed\") | .error.code" | sort | uniq -c' <<-'OUT'
	      1 c
	     12 not_cached
	OUT
expect '--refresh re-enriches an enriched record (and skips the cache)' \
	'jq -c "select(.id==\"fergus-byrne-cfo\") | .status=\"enriched\" | .name=\"old\"" in.ndjson | scrape -q --refresh --from-dataset "$SAMPLES/profiles.json" | jq -c "[.name,.cache.hit]"' <<-'OUT'
	["Fergus Byrne",false]
	OUT

# JSONL export and a folder of files.
jq -c '.[]' "$SAMPLES/profiles.json" > ds.jsonl
expect 'JSONL export' 'LQ_CACHE_DIR=$T/c2 scrape -q --from-dataset ds.jsonl < in.ndjson | jq -r .status | sort | uniq -c' <<-'OUT'
	     13 enriched
	      1 failed
	OUT
mkdir dir; jq -c '.[]' "$SAMPLES/profiles.json" | split -l 1 - dir/p; for f in dir/p*; do mv "$f" "$f.json"; done
expect '--from-dir: one file per profile' 'LQ_CACHE_DIR=$T/c3 scrape -q --from-dir dir < in.ndjson | jq -r .scrape_source | sort | uniq -c | wc -l' <<-'OUT'
	13
	OUT

# Bad datasets.
printf '[{"profileId":"ACoAAbadone1234","firstName":"A"},\n {"firstName": oops},\n 42,\n {"publicIdentifier":"ok-two","firstName":"B"}]\n' > bad.json
printf '%s\n' '{"id":"ACoAAbadone1234","status":"discovered"}' '{"id":"ok-two","status":"discovered"}' '{"id":"missing","status":"discovered"}' > in3.ndjson
stderr_has 'malformed item: named by file and line' 'bad.json:2: malformed item' 'LQ_CACHE_DIR=$T/c4 scrape --from-dataset bad.json < in3.ndjson'
stderr_has 'wrong-type item: named by file and line' 'bad.json:3: item is not a JSON object' 'LQ_CACHE_DIR=$T/c4 scrape --from-dataset bad.json < in3.ndjson'
expect 'good items of a damaged dataset still used; a missing one fails, nothing lost' \
	'LQ_CACHE_DIR=$T/c5 scrape -q --from-dataset bad.json < in3.ndjson | jq -c "[.id,.status,.error.code]"' <<-'OUT'
	["ACoAAbadone1234","enriched",null]
	["ok-two","enriched",null]
	["missing","failed","no_data"]
	OUT
head -c 2000 "$SAMPLES/profiles.json" > trunc.json
stderr_has 'truncated dataset: says so' 'trunc.json:[0-9]+: file ends inside' 'scrape --from-dataset trunc.json < in.ndjson'
: > empty.json
expect 'empty dataset: every record failed, none lost' 'scrape -q --from-dataset empty.json < in3.ndjson | jq -r .error.code' <<-'OUT'
	no_data
	no_data
	no_data
	OUT
echo '"a string"' > str.json
status 'dataset of the wrong type: fatal, exit 3' 3 'scrape --from-dataset str.json < in3.ndjson'
stderr_has 'dataset of the wrong type: clear message' 'str.json:1: not a dataset' 'scrape --from-dataset str.json < in3.ndjson'
status 'missing dataset file: exit 3' 3 'scrape --from-dataset nope.json < in3.ndjson'
echo '[{"foo":1,"profileId":"ACoAAshape12345"}]' > shape.json
status 'a dataset of items of no known shape: exit 3 (the wrong file)' 3 \
	'echo "{\"id\":\"ACoAAshape12345\"}" | scrape -q --from-dataset shape.json'
stderr_has '... saying so with the keys it has' \
	'shape.json: none of its 1 items is a profile lq can read \(shape.json:1: unknown item shape: keys foo, profileId\)' \
	'echo "{\"id\":\"ACoAAshape12345\"}" | scrape -q --from-dataset shape.json'
printf '%s\n' '[{"publicIdentifier":"known-one","firstName":"K"},' ' {"foo":1,"profileId":"ACoAAshape12345"}]' > shape2.json
expect 'an item of unknown shape among profiles: its lead fails naming file, line and keys' \
	'printf "%s\n" "{\"id\":\"ACoAAshape12345\"}" "{\"id\":\"known-one\"}" | scrape -q --from-dataset shape2.json | jq -r "[.status, .error.code // \"-\", .error.message // \"-\"] | @tsv"' <<-'OUT'
	failed	bad_item	shape2.json:2: unknown item shape: keys foo, profileId
	enriched	-	-
	OUT
awk 'BEGIN{printf "[{\"publicIdentifier\":\"big-one\",\"firstName\":\"B\",\"summary\":\""; for(i=0;i<200000;i++) printf "xxxxxxxxxx"; print "\"}]"}' > huge.json
expect 'huge item (2 MB) read' 'echo "{\"id\":\"big-one\"}" | scrape -q --from-dataset huge.json | jq -r .name' <<-'OUT'
	B
	OUT

# Bad input records.
printf '%s\n' 'not json' '{"status":"discovered"}' '[1,2]' '{"id":"ACoAAbadone1234"}' > in4.ndjson
expect 'bad lines and records without an id: failed records, none lost' \
	'LQ_CACHE_DIR=$T/c4 scrape -q --from-dataset bad.json < in4.ndjson | jq -c "[.status,.error.code]"' <<-'OUT'
	["failed","invalid_json"]
	["failed","bad_record"]
	["failed","not_object"]
	["enriched",null]
	OUT

# Usage and configuration.
status 'no source and no token: exit 3' 3 'scrape < in3.ndjson'
stderr_has 'no source and no token: says what to do' 'no profile source: set APIFY_API_TOKEN' 'scrape < in3.ndjson'
status 'two sources: exit 2' 2 'scrape --cache-only --from-dir dir < in3.ndjson'
status 'bad number: exit 2' 2 'scrape --jobs 0 --cache-only < in3.ndjson'
tr -d '\\' < "$TOP/docs/man/lq-scrape.1" > man.txt
ok 'every option of --help is in the man page' \
	'scrape --help | grep -oE "^ +(-[a-z], )?--[a-z-]+" | sed "s/.*--//" > opts; test -s opts; while read o; do grep -q -- "--$o" man.txt || { echo "missing $o"; exit 1; }; done < opts'
status 'stdout on a full disk: exit 3' 3 'scrape -q --cache-only < in3.ndjson > /dev/full'
expect '--dry-run: counts, writes records unchanged' \
	'scrape --dry-run --price-profile 0.01 --price-run 0.1 -b 2 < in.ndjson 2> err | jq -r .status | sort | uniq -c; grep -o "dry run.*" err' <<-'OUT'
	     12 discovered
	      1 enriched
	      1 failed
	dry run: 12 cached, 0 to fetch in 0 runs of up to 2, estimated cost $0.00
	OUT
expect '--dry-run on an empty cache: to fetch, runs and cost' \
	'LQ_CACHE_DIR=$T/c9 scrape --dry-run --price-profile 0.01 --price-run 0.1 -b 5 < in.ndjson 2>&1 >/dev/null | grep -o "dry run.*"' <<-'OUT'
	dry run: 0 cached, 12 to fetch in 3 runs of up to 5, estimated cost $0.42
	OUT
done_testing
