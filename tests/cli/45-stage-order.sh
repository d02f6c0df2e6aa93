#!/bin/sh
# 45-stage-order: stages in the wrong order (common/need.c): each mistake says once what to
# run first and exits 7, every record passing on; leads that failed upstream never trip it;
# the right order exits 0.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
need_model
unset LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD
D=$TOP/pipelines/demo
export D

# The right order, stage by stage, each exiting 0.
ok 'right order: extract-urls, scrape, score, rerank, to-csv all exit 0' '
	extract-urls -q "$D/followers.html" > leads.ndjson &&
	scrape -q --from-dataset "$D/profiles.json" < leads.ndjson > enriched.ndjson &&
	score -q "$D/icp.json" < enriched.ndjson > scored.ndjson &&
	rerank -q "$D/icp.json" < scored.ndjson > reranked.ndjson &&
	to-csv -q < reranked.ndjson > leads.csv &&
	test $(wc -l < leads.ndjson) -eq 25 && test $(grep -c "\"rerank_score\"" reranked.ndjson) -eq 25'

# one NAME STATUS CMD: runs CMD (stdin, stdout given in CMD) with -q; its
# exit status goes to NAME.st and stderr to NAME.err.
one() {
	sh -c "$3" 2> "$1.err"
	echo $? > "$1.st"
}

# --- score without scrape ---
one score-ns 7 'score -q "$D/icp.json" < leads.ndjson > score-ns.out'
ok 'score without scrape: exit 7' 'test $(cat score-ns.st) -eq 7'
ok 'score without scrape: one line saying what to run first, in the pipeline order' \
	'test $(wc -l < score-ns.err) -eq 1 &&
	 grep -q "^score: <stdin>:1: .* has no profile: these records were never scraped; run scrape first: extract-urls PAGE | scrape | embed | classify | score ICP " score-ns.err'
ok 'score without scrape: every record passes on unchanged (none scored from its card)' 'cmp leads.ndjson score-ns.out'
ok 'score without scrape, baseline method: the same' \
	'score -q --method baseline "$D/icp.json" < leads.ndjson > b.out 2> b.err; test $? -eq 7 && cmp leads.ndjson b.out && test $(wc -l < b.err) -eq 1'

# --- rerank without score ---
one rerank-ns 7 'rerank -q "$D/icp.json" < enriched.ndjson > rerank-ns.out'
ok 'rerank without score: exit 7' 'test $(cat rerank-ns.st) -eq 7'
ok 'rerank without score: one line naming score ICP and the pipeline' \
	'test $(wc -l < rerank-ns.err) -eq 1 &&
	 grep -q "^rerank: <stdin>:1: .* has no icp_score: these records were never scored; run score ICP first: extract-urls PAGE | scrape | embed | classify | score ICP | rerank ICP " rerank-ns.err'
ok 'rerank without score: every record passes on unchanged (no knocked-out lead raised)' 'cmp enriched.ndjson rerank-ns.out'
ok 'rerank --dry-run without score: the same message, exit 7' \
	'rerank -q --dry-run "$D/icp.json" < enriched.ndjson > /dev/null 2> d.err; test $? -eq 7 && test $(wc -l < d.err) -eq 1 && grep -q "never scored" d.err'

# --- to-csv without score ---
one csv-ns 7 'to-csv -q --all < enriched.ndjson > csv-ns.csv'
ok 'to-csv without score: exit 7' 'test $(cat csv-ns.st) -eq 7'
ok 'to-csv without score: one line, naming how many leads and what to run' \
	'test $(wc -l < csv-ns.err) -eq 1 &&
	 grep -q "^to-csv: none of the 25 leads that did not fail has an icp_score: these records were never scored; run score ICP first: .*| score ICP | to-csv" csv-ns.err'
ok 'to-csv without score: the spreadsheet is still written (header and 25 rows)' 'test $(grep -c "linkedin.com/in/" csv-ns.csv) -eq 25'
ok 'to-csv -c (a plain converter) checks nothing: exit 0' 'to-csv -q --all -c name,id < enriched.ndjson > /dev/null'
ok 'to-csv with some leads unscored but one scored: exit 0' \
	'{ head -1 scored.ndjson; tail -n +2 enriched.ndjson; } | to-csv -q --all > /dev/null'

# --- not records piped to scrape ---
one scrape-html 7 'scrape -q --cache-only < "$D/followers.html" > scrape-html.out'
ok 'an HTML page piped to scrape: exit 7' 'test $(cat scrape-html.st) -eq 7'
ok 'an HTML page piped to scrape: one line, not one per line of the page' \
	'test $(wc -l < scrape-html.err) -eq 1 &&
	 grep -q "^scrape: <stdin>:1: input is an HTML page, not records; run extract-urls first: extract-urls PAGE | scrape " scrape-html.err'
ok 'an HTML page piped to scrape: no line lost (each a failed record), nothing fetched' \
	'test $(wc -l < scrape-html.out) -eq $(grep -c . "$D/followers.html") && test -z "$(jq -r "select(.status != \"failed\") | .id" scrape-html.out)"'
ok 'a list of links piped to scrape: exit 7, one line naming extract-urls' \
	'grep -o "https://www.linkedin.com/in/[^\"/]*/" "$D/followers.html" | sort -u > links.txt &&
	 scrape -q --cache-only < links.txt > /dev/null 2> l.err; test $? -eq 7 && test $(wc -l < l.err) -eq 1 && grep -q "input is a list of links, not records; run extract-urls first" l.err'
ok 'a JSON document (the Apify dataset) piped to scrape: exit 7, pointing at --from-dataset' \
	'scrape -q --cache-only < "$D/profiles.json" > /dev/null 2> j.err; test $? -eq 7 && test $(wc -l < j.err) -eq 1 && grep -q "input is a JSON document.*--from-dataset" j.err'
ok 'any text with no record at all: exit 7 at the end, one line' \
	'printf "name,url\nAnn,x\nBob,y\n" | scrape -q --cache-only > t.out 2> t.err; test $? -eq 7 && test $(wc -l < t.err) -eq 1 && grep -q "^scrape: <stdin>:1: none of the 3 lines read is a record; run extract-urls first" t.err && test $(wc -l < t.out) -eq 3'
ok 'a first record cut off (a broken line, even with a link in it) is only a failed record: exit 0' \
	'{ head -c 80 leads.ndjson; echo; cat leads.ndjson; } | scrape -q --from-dataset "$D/profiles.json" > bc.out 2> bc.err && test ! -s bc.err &&
	 test "$(head -1 bc.out | jq -r .error.code)" = invalid_json && test $(jq -r .status bc.out | grep -c enriched) -eq 25'
ok 'a bad first line among records is only a failed record: exit 0' \
	'{ echo "not json"; cat leads.ndjson; } | scrape -q --from-dataset "$D/profiles.json" > bl.out 2> bl.err && test ! -s bl.err && test $(jq -r .status bl.out | grep -c enriched) -eq 25'

# --- leads that failed upstream never trip the check ---
# fail_first N < records: the first N leads failed at scrape.
mkdir -p "$T/.helpers"
PATH="$T/.helpers:$PATH"
cat > "$T/.helpers/fail_first" <<'HELPER'
#!/bin/sh
jq -c --argjson n "$1" 'if input_line_number <= $n then {id, linkedin_url, status: "failed",
	error: {stage: "scrape", code: "private_profile", message: "m"}, retry_count: 0} else . end'
HELPER
chmod +x "$T/.helpers/fail_first"
ok 'score: the first leads failed upstream, the rest scraped: exit 0, the rest qualified' \
	'fail_first 5 < enriched.ndjson > ff.ndjson && score -q "$D/icp.json" < ff.ndjson > ff.out 2> ff.err && test ! -s ff.err &&
	 test $(jq -r .status ff.out | grep -c qualified) -eq 20 && test $(jq -r .status ff.out | grep -c failed) -eq 5'
ok 'rerank and to-csv: the first leads failed upstream, the rest scored: exit 0' \
	'fail_first 5 < scored.ndjson > fs.ndjson && rerank -q "$D/icp.json" < fs.ndjson > fs.out 2> fs.err && test ! -s fs.err &&
	 to-csv -q --exclude-failed < fs.out > /dev/null'
ok 'every lead failed upstream: no trip (nothing shows a stage was skipped)' \
	'fail_first 25 < enriched.ndjson > fa.ndjson && test $(grep -c "\"failed\"" fa.ndjson) -eq 25 &&
	 score -q "$D/icp.json" < fa.ndjson > fa1 && cmp fa.ndjson fa1 && rerank -q "$D/icp.json" < fa.ndjson > /dev/null &&
	 to-csv -q --exclude-failed < fa.ndjson > /dev/null'
ok 'records that are not leads (no id) are no evidence: score fails them one by one, exit 0' \
	'printf "{}\n" > nl.ndjson && head -3 enriched.ndjson >> nl.ndjson && score -q "$D/icp.json" < nl.ndjson > nl.out &&
	 test "$(jq -c -s "map(.status)" nl.out)" = "[\"failed\",\"qualified\",\"qualified\",\"qualified\"]"'

# --- score --method baseline without embed ---
one base-ne 7 'score -q --method baseline "$D/icp.json" < enriched.ndjson > base-ne.out'
ok 'score --method baseline on scraped leads never embedded: exit 7, one line naming embed' \
	'test $(cat base-ne.st) -eq 7 && test $(wc -l < base-ne.err) -eq 1 &&
	 grep -q "has no embedding: these records were never embedded; run embed first: extract-urls PAGE | scrape | embed | classify | score ICP " base-ne.err'
ok 'score --method baseline never embedded: every record passes on unchanged (none failed one by one)' \
	'cmp enriched.ndjson base-ne.out'
ok 'score --method baseline after embed: exit 0, every lead scored' \
	'embed -q < enriched.ndjson > embedded.ndjson && score -q --method baseline "$D/icp.json" < embedded.ndjson > base-ok.out &&
	 test $(grep -c "\"icp_score\"" base-ok.out) -eq 25'
# One test of "scraped" (common/record.c lq_rec_scraped) for the order check
# and for embed and classify: a hand-made lead with only current titles is
# scraped for score, so embed embeds it and classify reads it (they once
# skipped it, and score --method baseline then asked for an embed that
# would skip it again; classify finds no company in it and says so); a
# lead extract-urls found is skipped by both, untouched.
printf '%s\n' '{"id":"hand","current_job_titles":["Chief Financial Officer"]}' \
	'{"id":"found","status":"discovered","headline":"CFO at Ledgerly"}' > hand.ndjson
expect 'hand-made lead with titles only: embedded and read by classify; a discovered lead skipped by both' \
	'embed -q < hand.ndjson | classify -q | jq -c "[.id, (.embedding|length), ([.warnings[]?.code]|join(\",\"))]"' <<-'EOF'
	["hand",384,"no_text"]
	["found",0,""]
	EOF
ok 'hand-made lead with titles only: embed then score --method baseline exits 0 and scores it' \
	'head -n 1 hand.ndjson | embed -q | score -q --method baseline "$D/icp.json" | jq -e ".icp_score != null" > /dev/null'

# --- review without score ---
one review-ns 7 'review -q "$D/icp.json" < enriched.ndjson > review-ns.html'
ok 'review without score: exit 7, one line naming score and ending with review' \
	'test $(cat review-ns.st) -eq 7 && test $(wc -l < review-ns.err) -eq 1 &&
	 grep -q "^review: none of the 25 leads that did not fail has an icp_score: these records were never scored; run score ICP first: .*| score ICP | review ICP > review.html (the page has no lead to judge; exit 7)" review-ns.err &&
	 ! grep -q rerank review-ns.err'
ok 'review without score: the page is still written' 'test -s review-ns.html && grep -qi "<html" review-ns.html'
ok 'review --serve without score: serves nothing, prints no URL, exit 7' \
	'timeout 20 review -q --serve "$D/icp.json" < enriched.ndjson > serve-ns.out 2> serve-ns.err; test $? -eq 7 &&
	 ! grep -q "http://" serve-ns.out && test $(wc -l < serve-ns.err) -eq 1'
ok 'review of scored leads: exit 0, no message' \
	'review -q "$D/icp.json" < scored.ndjson > review-ok.html 2> review-ok.err && test ! -s review-ok.err'
ok 'review: some leads failed upstream, the rest scored: exit 0' \
	'fail_first 5 < scored.ndjson > rfs.ndjson && review -q "$D/icp.json" < rfs.ndjson > /dev/null 2> rfs.err && ! grep -q "exit 7" rfs.err'

# --- the mistakes in one pipeline: each stage says it once ---
ok 'extract-urls | score | to-csv: one line from each, exit 7 from the last' \
	'extract-urls -q "$D/followers.html" | score -q "$D/icp.json" 2> p1.err | to-csv -q 2> p2.err > /dev/null; test $? -eq 7 &&
	 test $(wc -l < p1.err) -eq 1 && test $(wc -l < p2.err) -eq 1'

ok 'exit 7 is in the table of docs/exit-codes.md and in lq(1)' \
	'grep -q "^| 7 | ORDER |" "$TOP/docs/exit-codes.md" && grep -q "^\.B 7" "$TOP/docs/man/lq.1"'

done_testing
