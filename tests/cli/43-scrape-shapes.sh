#!/bin/sh
# 43-scrape-shapes.sh: every actor's item shape (tests/data/shapes) from datasets and from the mock actor; failure reports, junk, bad items.
. "$(dirname "$0")/../lib.sh"
. "$DATA/scrape/mock.sh"
unset APIFY_API_TOKEN LQ_APIFY_BASE_URL
cp -r "$DATA/shapes" shapes
S=shapes
cp "$S/records.ndjson" in.ndjson
FIELDS='[.id, .status, .name, .headline, .company, .location, .current_job_titles, .linkedin_url, .discovered_url, .public_identifier, .error.code, .error.message]'

# One fixture per actor shape, each read as the export Apify writes
# (JSON arrays; curious.json holds JSON lines), through --from-dir.
scrape --from-dir "$S" < in.ndjson > dir.out 2> dir.err
expect 'every shape: the exact records (slug links, the link found kept, failure reasons, junk cleaned)' \
	"jq -c '$FIELDS' dir.out" <<-'OUT'
	["ACoAACuNQ3sBInesDuarte7kPq9","enriched","Inês Duarte","CFO at Lumio | SaaS finance, FP&A, fundraising","Lumio","Lisbon, Portugal",["Chief Financial Officer"],"https://www.linkedin.com/in/ines-duarte-cfo/","https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/","ines-duarte-cfo",null,null]
	["tomas-quiroga","enriched","Tomás Quiroga","Chief Marketing Officer at Revcast","Revcast","Buenos Aires, Argentina",["Chief Marketing Officer","Advisor"],"https://www.linkedin.com/in/tomas-quiroga/",null,"tomas-quiroga",null,null]
	["oskar-lindqvist","enriched","Oskar Lindqvist","Head of Finance @ Fjordpay","Fjordpay","Stockholm, Stockholm County, Sweden",["Head of Finance"],"https://www.linkedin.com/in/oskar-lindqvist/","https://se.linkedin.com/in/oskar-lindqvist?trk=x","oskar-lindqvist",null,null]
	["ghost-profile-404","failed",null,null,null,null,null,"https://www.linkedin.com/in/ghost-profile-404/",null,"ghost-profile-404","not_found","harvest-element.json:54: the actor reports: Profile not found (status 404)"]
	["ACoAAC9zHanaSatoW3rT8yU1","enriched","Hana Sato","Fractional CFO for Series A startups","Sato Advisory","Tokyo, Japan",["Fractional CFO"],"https://www.linkedin.com/in/hana-sato/",null,"hana-sato",null,null]
	["private-person-77","failed",null,null,null,null,null,"https://www.linkedin.com/in/private-person-77/",null,"private-person-77","private_profile","harvest.json:32: the actor reports: This profile is private or unavailable to the public"]
	["priya-raman","enriched","Priya Raman","Payroll & People Ops lead","Tallyhub","Bengaluru, Karnataka, India",["People Operations Lead"],"https://www.linkedin.com/in/priya-raman/",null,"priya-raman",null,null]
	["ACoAAE1mMarcusWebbK9pL3vT7","enriched","Marcus Webb","COO | Scaling operations at Cobaltline","Cobaltline","Columbus, Ohio, United States",["Chief Operating Officer"],"https://www.linkedin.com/in/marcus-webb-ops/","https://www.linkedin.com/in/ACoAAE1mMarcusWebbK9pL3vT7/","marcus-webb-ops",null,null]
	["lena-vogel","enriched","Lena Vogel","Head of Growth at Brightfeld","Brightfeld","Berlin, Germany",["Head of Growth"],"https://www.linkedin.com/in/lena-vogel/",null,"lena-vogel",null,null]
	["ACoAAF2bKofiMensahQ8rT5wY3","enriched","Kofi Mensah","Head of Data at Northwind Logistics","Northwind Logistics","Accra, Greater Accra Region, Ghana",["Head of Data"],"https://www.linkedin.com/in/kofi-mensah/","https://www.linkedin.com/in/ACoAAF2bKofiMensahQ8rT5wY3/","kofi-mensah",null,null]
	["no-such-member-xyz","failed",null,null,null,null,null,"https://www.linkedin.com/in/no-such-member-xyz/",null,"no-such-member-xyz","not_found","apimaestro.json:41: the actor reports: Profile does not exist"]
	["ACoAAG3cElifYilmazP4nB6vS0","enriched","Elif Yılmaz","Controller | Textiles","Anatolia Textiles","Istanbul, Türkiye",["Group Controller"],"https://www.linkedin.com/in/elif-yilmaz/","https://www.linkedin.com/in/ACoAAG3cElifYilmazP4nB6vS0/","elif-yilmaz",null,null]
	["someone-else-shape","failed",null,null,null,null,null,"https://www.linkedin.com/in/someone-else-shape/",null,"someone-else-shape","no_data","no item of shapes is about this lead; 2 of its 14 items could not be read (first: unknown.json:2: unknown item shape: keys person, jobs, linkedin)"]
	OUT
ok 'the raw item is kept untouched in profile, wrapper included' \
	"jq -s -e 'map(select(.id==\"oskar-lindqvist\"))[0] | .profile.element.publicIdentifier == \"oskar-lindqvist\" and .profile.status == 200' dir.out > /dev/null"
stderr_has 'unknown items named by file, line and keys, and counted' \
	'unknown.json:2: unknown item shape: keys person, jobs, linkedin, skipped' 'cat dir.err >&2'
stderr_has '... in the summary: failure reports and unreadable items apart' \
	'3 failure reports in the source, 2 of 14 source items unreadable' 'cat dir.err >&2'

# Each export alone: every shape's file enriches its own people.
for f in supreme curious harvest-element harvest harvest-deprecated harvest-split devfusion apimaestro; do
	LQ_CACHE_DIR=$T/c-$f scrape -q --from-dataset "$S/$f.json" < in.ndjson > "$f.out" 2> "$f.err"
	echo "$f $?$(jq -r 'select(.status=="enriched" or .error.code != "no_data") | .status' "$f.out" | sort | uniq -c | awk '{printf " %s %s", $1, $2}')"
done > each
expect 'each export alone: exit 0, its people enriched, its failure reports named' 'cat each' <<-'OUT'
	supreme 0 1 enriched
	curious 0 1 enriched
	harvest-element 0 1 enriched 1 failed
	harvest 0 1 enriched 1 failed
	harvest-deprecated 0 1 enriched
	harvest-split 0 1 enriched
	devfusion 0 2 enriched
	apimaestro 0 1 enriched 1 failed
	OUT
status 'an export of items of no known shape: exit 3' 3 "scrape -q --from-dataset '$S/unknown.json' < in.ndjson"
stderr_has '... saying what it holds' \
	'unknown.json: none of its 2 items is a profile lq can read \(unknown.json:2: unknown item shape: keys person, jobs, linkedin\)' \
	"scrape -q --from-dataset '$S/unknown.json' < in.ndjson"
expect 'a rerun from the cache gives the same records' \
	"scrape -q --from-dir '$S' < in.ndjson > again.out 2>/dev/null; jq -c 'del(.cache, .scraped_at, .scrape_source)' dir.out > a; jq -c 'del(.cache, .scraped_at, .scrape_source)' again.out > b; cmp a b && jq -r 'select(.status==\"enriched\") | .cache.hit' again.out | sort | uniq -c" <<-'OUT'
	      9 true
	OUT
expect 'scrape again (--refresh): the link found first stays in discovered_url' \
	"scrape -q --refresh --from-dir '$S' < dir.out 2>/dev/null | jq -r 'select(.id==\"ACoAACuNQ3sBInesDuarte7kPq9\") | [.linkedin_url, .discovered_url] | @tsv'" <<-'OUT'
	https://www.linkedin.com/in/ines-duarte-cfo/	https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/
	OUT

# The same items from the actor (the mock serves them by slug or URN), and
# one of a shape no row knows.
for f in "$S"/*.json; do jq -c 'if type == "array" then .[] else . end' "$f"; done > all.jsonl
echo '{"inputUrl":"https://www.linkedin.com/in/odd-shape-1/","data":{"who":"?"},"crawledAt":"2025-01-01"}' >> all.jsonl
grep -v 'someone-else-shape' in.ndjson > in2.ndjson
start_mock shapes --profiles all.jsonl
LQ_APIFY_BASE_URL=$URL_shapes APIFY_API_TOKEN=$TOKEN LQ_CACHE_DIR=$T/c-apify \
	scrape --poll-wait 1 --retry-delay 0.01 -b 4 < in2.ndjson > apify.out 2> apify.err
expect 'from the actor: the same records, failure reasons naming the run' \
	"jq -c '$FIELDS' apify.out | sed 's/run[0-9a-f]*:/RUN:/'" <<-'OUT'
	["ACoAACuNQ3sBInesDuarte7kPq9","enriched","Inês Duarte","CFO at Lumio | SaaS finance, FP&A, fundraising","Lumio","Lisbon, Portugal",["Chief Financial Officer"],"https://www.linkedin.com/in/ines-duarte-cfo/","https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/","ines-duarte-cfo",null,null]
	["tomas-quiroga","enriched","Tomás Quiroga","Chief Marketing Officer at Revcast","Revcast","Buenos Aires, Argentina",["Chief Marketing Officer","Advisor"],"https://www.linkedin.com/in/tomas-quiroga/",null,"tomas-quiroga",null,null]
	["oskar-lindqvist","enriched","Oskar Lindqvist","Head of Finance @ Fjordpay","Fjordpay","Stockholm, Stockholm County, Sweden",["Head of Finance"],"https://www.linkedin.com/in/oskar-lindqvist/","https://se.linkedin.com/in/oskar-lindqvist?trk=x","oskar-lindqvist",null,null]
	["ghost-profile-404","failed",null,null,null,null,null,"https://www.linkedin.com/in/ghost-profile-404/",null,"ghost-profile-404","not_found","actor run RUN: the actor reports: Profile not found (status 404)"]
	["ACoAAC9zHanaSatoW3rT8yU1","enriched","Hana Sato","Fractional CFO for Series A startups","Sato Advisory","Tokyo, Japan",["Fractional CFO"],"https://www.linkedin.com/in/hana-sato/",null,"hana-sato",null,null]
	["private-person-77","failed",null,null,null,null,null,"https://www.linkedin.com/in/private-person-77/",null,"private-person-77","private_profile","actor run RUN: the actor reports: This profile is private or unavailable to the public"]
	["priya-raman","enriched","Priya Raman","Payroll & People Ops lead","Tallyhub","Bengaluru, Karnataka, India",["People Operations Lead"],"https://www.linkedin.com/in/priya-raman/",null,"priya-raman",null,null]
	["ACoAAE1mMarcusWebbK9pL3vT7","enriched","Marcus Webb","COO | Scaling operations at Cobaltline","Cobaltline","Columbus, Ohio, United States",["Chief Operating Officer"],"https://www.linkedin.com/in/marcus-webb-ops/","https://www.linkedin.com/in/ACoAAE1mMarcusWebbK9pL3vT7/","marcus-webb-ops",null,null]
	["lena-vogel","enriched","Lena Vogel","Head of Growth at Brightfeld","Brightfeld","Berlin, Germany",["Head of Growth"],"https://www.linkedin.com/in/lena-vogel/",null,"lena-vogel",null,null]
	["ACoAAF2bKofiMensahQ8rT5wY3","enriched","Kofi Mensah","Head of Data at Northwind Logistics","Northwind Logistics","Accra, Greater Accra Region, Ghana",["Head of Data"],"https://www.linkedin.com/in/kofi-mensah/","https://www.linkedin.com/in/ACoAAF2bKofiMensahQ8rT5wY3/","kofi-mensah",null,null]
	["no-such-member-xyz","failed",null,null,null,null,null,"https://www.linkedin.com/in/no-such-member-xyz/",null,"no-such-member-xyz","not_found","actor run RUN: the actor reports: Profile does not exist"]
	["ACoAAG3cElifYilmazP4nB6vS0","enriched","Elif Yılmaz","Controller | Textiles","Anatolia Textiles","Istanbul, Türkiye",["Group Controller"],"https://www.linkedin.com/in/elif-yilmaz/","https://www.linkedin.com/in/ACoAAG3cElifYilmazP4nB6vS0/","elif-yilmaz",null,null]
	OUT
ok 'from the actor: failure reports are not retried (one run per batch of 4)' \
	"test \$(stat_of shapes runs) -eq 3"
echo '{"id":"odd-shape-1","linkedin_url":"https://www.linkedin.com/in/odd-shape-1/","status":"discovered"}' > odd.ndjson
LQ_APIFY_BASE_URL=$URL_shapes APIFY_API_TOKEN=$TOKEN LQ_CACHE_DIR=$T/c-odd \
	scrape --poll-wait 1 --retry-delay 0.01 < odd.ndjson > odd.out 2> odd.err
expect 'from the actor: an item of unknown shape fails its lead naming the keys, and is counted' \
	"jq -r '[.status, .error.code, .error.message] | @tsv' odd.out | sed 's/run[0-9a-f]*:/RUN:/'; grep -o '1 items of unknown shape' odd.err" <<-'OUT'
	failed	bad_item	actor run RUN: unknown item shape: keys inputUrl, data, crawledAt
	1 items of unknown shape
	OUT
ok 'from the actor: failure reports are not cached, profiles are' \
	"LQ_CACHE_DIR=$T/c-apify scrape -q --cache-only < in2.ndjson | jq -r '.status + \" \" + (.error.code // \"-\")' | sort | uniq -c | awk '{printf \" %s %s %s\", \$1, \$2, \$3}' | grep -qx ' 9 enriched - 3 failed not_cached'"

# Bad items of every kind: wrong types, hostile keys, huge lists.
cat > bad.json <<-'EOF'
	[{"publicIdentifier":"wrong-types","firstName":7,"lastName":["x"],"headline":{"a":1},"positions":"CFO","skills":"A, B \u2022 C"},
	 {"publicIdentifier":"wrong-inner","firstName":"W","positions":[7,null,"x",{"title":9,"companyName":{"n":1},"timePeriod":"2020"},{"title":"CFO","companyName":"Real Co","timePeriod":{"startDate":{"year":"20x","month":99},"endDate":"oops"}}]},
	 {"linkedinUrl":"https://www.linkedin.com/in/hostile-keys","\u001b[31mred":1,"<script>alert(1)</script>":2}]
	EOF
printf '%s\n' '{"id":"wrong-types"}' '{"id":"wrong-inner"}' '{"id":"hostile-keys"}' > bad.ndjson
expect 'wrong types: read what can be read, the rest is unknown' \
	"LQ_CACHE_DIR=$T/c-bad scrape -q --from-dataset bad.json < bad.ndjson | jq -c '[.id, .status, .name, .headline, .company, .current_job_titles, .error.code]'" <<-'OUT'
	["wrong-types","enriched","x",null,null,[],null]
	["wrong-inner","enriched","W",null,null,[],null]
	["hostile-keys","failed",null,null,null,null,"bad_item"]
	OUT
ok 'hostile keys: the message shows them inert (control characters as ?)' \
	"scrape -q --from-dataset bad.json < bad.ndjson 2>&1 | grep -F 'bad.json:3: unknown item shape: keys linkedinUrl, ?[31mred, <script>alert(1)</script>'"
awk 'BEGIN{printf "[{\"publicIdentifier\":\"many-roles\",\"firstName\":\"M\",\"positions\":["; for(i=0;i<20000;i++) printf "%s{\"title\":\"Role %d\",\"companyName\":\"Co %d\",\"timePeriod\":{\"startDate\":{\"year\":2000},\"endDate\":{\"year\":2001}}}", (i?",":""), i, i; print ",{\"title\":\"Now\",\"companyName\":\"Last Co\"}]}]"}' > many.json
expect 'huge: 20,001 positions read, the one current found' \
	"echo '{\"id\":\"many-roles\"}' | scrape -q --from-dataset many.json | jq -c '[.company, .current_job_titles]'" <<-'OUT'
	["Last Co",["Now"]]
	OUT
printf '%s\n' '{"publicIdentifier":"good-line","firstName":"G","experience":[]}' '{"publicIdentifier": "bad-line", "firstName": }' '{"publicIdentifier":"after-bad","firstName":"A","experience":[]}' > malformed.json
printf '%s\n' '{"id":"good-line"}' '{"id":"bad-line"}' '{"id":"after-bad"}' > malformed.ndjson
expect 'a malformed item: skipped with file and line, the items around it read, its lead failed' \
	"LQ_CACHE_DIR=$T/c-mal scrape -q --from-dataset malformed.json < malformed.ndjson 2> mal.err | jq -r '[.id, .status, .error.message // \"-\"] | @tsv'; grep -c 'malformed.json:2: malformed item, skipped' mal.err" <<-'OUT'
	good-line	enriched	-
	bad-line	failed	no item of malformed.json is about this lead; 1 of its 3 items could not be read (first: malformed.json: 1 malformed or oversized, named on stderr)
	after-bad	enriched	-
	1
	OUT
printf '%s\n' '{"publicIdentifier":"twice-seen","firstName":"T","experience":[]}' '{"error":"Profile not found","originalQuery":{"query":"https://www.linkedin.com/in/twice-seen/"}}' > twice.json
expect 'a profile and a failure report of the same person: the profile wins, in either order' \
	"echo '{\"id\":\"twice-seen\"}' > twice.ndjson; LQ_CACHE_DIR=$T/c-tw1 scrape -q --from-dataset twice.json < twice.ndjson | jq -r .status; tac twice.json > twice2.json; LQ_CACHE_DIR=$T/c-tw2 scrape -q --from-dataset twice2.json < twice.ndjson | jq -r .status" <<-'OUT'
	enriched
	enriched
	OUT
: > empty.json
expect 'an empty export: every lead fails no_data, saying the file had no items' \
	"LQ_CACHE_DIR=$T/c-empty scrape -q --from-dataset empty.json < bad.ndjson | jq -r .error.message | sort -u" <<-'OUT'
	no item of empty.json is about this lead (0 items read)
	OUT
done_testing
