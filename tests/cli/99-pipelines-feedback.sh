#!/bin/sh
# 99-pipelines-feedback.sh: pipelines/batch.mk's feedback targets: serve, delivered, learn (fit, calibration, rescore), stats; what reruns when judgments arrive.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
export LQ_MODEL_DIR="${LQ_MODEL_DIR:-$HOME/.cache/lq/models/all-MiniLM-L6-v2}"
need_model
if [ "${LQ_VARIANT:-default}" != default ]; then
	echo "skipped: 99-pipelines-feedback: make-driven runs of the whole pipeline run on the default build only"
	done_testing
fi
E=$DATA/eval
mkdir -p "$T/.helpers"
PATH="$T/.helpers:$PATH"
# stages LOG: the programs a make run ran, in order ("feedback" for feedback's subcommands).
printf '#!/bin/sh\necho $(sed -n "s|.*/lq \\([a-z-]*\\) .*|\\1|p" "$1")\n' > "$T/.helpers/stages"
chmod +x "$T/.helpers/stages"

# A client: the labelled set's Payfolk (without keywords, which keeps
# scoring quick), its first 160 people as a list of profile URLs, all offline.
mkdir -p clients/payfolk/2026-05
jq 'del(.target_keywords)' "$E/icp-payfolk.json" > clients/payfolk/icp.json
jq '.[0:160]' "$E/profiles.json" > people.json
jq -r '.[] | "https://www.linkedin.com/in/" + (.profileId // .publicIdentifier) + "/"' people.json > clients/payfolk/2026-05/followers.html
printf 'scrape = --from-dataset %s\n' "$T/people.json" > clients/payfolk/lq.conf
D=clients/payfolk/2026-05
export D
printf '#!/bin/sh\nexec make -f "%s/pipelines/batch.mk" CLIENT=payfolk "$@"\n' "$TOP" > "$T/.helpers/bmake"
chmod +x "$T/.helpers/bmake"

bmake > run1.log 2>&1
ok 'first batch: every stage, no calibration yet' \
	'test "$(stages run1.log)" = "extract-urls scrape embed classify score rerank to-csv review" && test ! -e clients/payfolk/calibration.json && jq -se "all(.[]; .score_version | test(\"[+]cal-\") | not)" $D/5-scored.ndjson >/dev/null'
status 'learn without any judgment: refused with a message (make fails)' 2 'bmake learn > run2.log 2>&1'
ok 'learn without any judgment: says how to get some' 'grep -q "no judgments yet: review the leads" run2.log'
ok 'serve: review --serve of this batch, logging to the client'"'"'s feedback log (make -n)' \
	'bmake -n serve | grep -q "lq review --serve  *-f clients/payfolk/feedback.ndjson clients/payfolk/icp.json < clients/payfolk/2026-05/6-reranked.ndjson"'

# The reviewer's judgments arrive (reviewers.py: company size matters most).
H=$(grep -o '"icp_hash":"[0-9a-f]*"' $D/review.html | head -n 1 | cut -d'"' -f4)
python3 "$DATA/feedback/reviewers.py" --people people.json sized Payfolk "$H" > clients/payfolk/feedback.ndjson
bmake learn > run3.log 2>&1
ok 'learn: every batch scored for the fit, the fit, then score (calibrated), rerank, to-csv, review; nothing before score' \
	'test "$(stages run3.log)" = "score feedback score rerank to-csv review" && test -s clients/payfolk/calibration.json'
ok 'learn: the batch is scored with the calibration' \
	'jq -se "all(.[] | select(.status == \"qualified\"); .score_version | test(\"^structured-3\\\\+vocab:[0-9a-f]{12}\\\\+cal-[0-9a-f]{12}\\\\+rerank-\"))" $D/6-reranked.ndjson >/dev/null'
bmake > run4.log 2>&1
ok 'nothing changed: nothing runs' 'test -z "$(stages run4.log)"'
sleep 1
jq -c 'select(.id == "ACoAA9uG5FPhV2MBLI2WMgnxwJ81ajo6BryrkE_") | .label = "bad"' clients/payfolk/feedback.ndjson >> clients/payfolk/feedback.ndjson
ok 'a new judgment: make -n plans the fit and the stages after score, not the fit'"'"'s scoring' \
	'bmake -n > plan.txt 2>&1 && test "$(stages plan.txt)" = "feedback score rerank to-csv review"'
bmake > run5.log 2>&1
ok 'a new judgment: the calibration is refitted and the batch rescored; nothing before score runs' \
	'test "$(stages run5.log)" = "feedback score rerank to-csv review"'
ok 'delivered: the spreadsheet'"'"'s leads recorded as implied good, once; the spreadsheet is not rebuilt first' \
	'n=$(wc -l < clients/payfolk/feedback.ndjson) && bmake delivered > run6.log 2>&1 && test "$(stages run6.log)" = feedback &&
	 test $(tail -n +$((n + 1)) clients/payfolk/feedback.ndjson | jq -s "map(select(.explicit == false and .via == \"delivered\")) | length") -eq $(($(grep -c . $D/leads.csv) - 1)) &&
	 m=$(wc -l < clients/payfolk/feedback.ndjson) && bmake delivered > run7.log 2>&1 && test "$(stages run7.log)" = feedback &&
	 test $(wc -l < clients/payfolk/feedback.ndjson) -eq $m && grep -q "already recorded" run7.log'
ok 'stats: the judgments and the thresholds' 'bmake stats 2>/dev/null | grep -q "^Payfolk  *all  *160 "'
ok 'after a delivery the next run refits (the log changed)' 'bmake > run8.log 2>&1 && test "$(stages run8.log)" = "feedback score rerank to-csv review"'
sleep 1
echo '{"v":1,"id":"x"' >> clients/payfolk/feedback.ndjson
ok 'a broken line in the log: the run goes on and names it' \
	'bmake > run9.log 2>&1 && grep -q "feedback.ndjson:[0-9]*: not JSON" run9.log'
# Too few judgments: a calibration that cannot be fitted stops the run.
mv clients/payfolk/feedback.ndjson full.ndjson
head -n 30 full.ndjson > clients/payfolk/feedback.ndjson
bmake > run10.log 2>&1
echo $? > run10.status
ok 'too few judgments: the run stops with feedback fit'"'"'s refusal, the old calibration is kept' \
	'test "$(cat run10.status)" -ne 0 && grep -q "refused: the fit part has" run10.log && test -s clients/payfolk/calibration.json'
bmake unlearn > run11a.log 2>&1
ok 'unlearn: back to the untuned score' \
	'bmake > run11.log 2>&1 && test "$(stages run11.log)" = "score rerank to-csv review" && jq -se "all(.[] | select(.status == \"qualified\"); .score_version | test(\"[+]cal-\") | not)" $D/6-reranked.ndjson >/dev/null'
done_testing
