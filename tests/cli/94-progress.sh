#!/bin/sh
# 94-progress: the progress display (common/run.h lq_progress): count, rate and, when a
# total is known (LQ_PROGRESS_TOTAL, or a regular file on stdin), percent and ETA; none on
# a non-terminal stderr unless forced (--progress, LQ_PROGRESS=1); on a terminal only the
# last stage of a pipeline draws; qualify.sh's stage-labelled display; parallel.sh's count.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
S=$DATA/score
ICP=$S/icp-finance.json
IN=$S/titles.ndjson
export S ICP IN
unset LQ_PROGRESS LQ_PROGRESS_TOTAL LQ_PROGRESS_LABEL
# 3200 records (about 500 kB): score writes the first before it has read
# the whole file, so the total is still an estimate then.
i=0
while [ "$i" -lt 400 ]; do cat "$IN"; i=$((i + 1)); done > big.ndjson

# Forced on a non-terminal: whole lines, no carriage return. The first
# line comes after the first record; the file's size gives an estimated
# total ("~"), hence a percentage and an ETA.
ok 'a file on stdin: count, estimated total, percent, rate, ETA' \
	'score --progress "$ICP" < big.ndjson > /dev/null 2> err &&
	 grep -Eq "^score: 1/~[0-9]+ \([0-9]+%\), [0-9.]+/s, ETA [0-9hms]+$" err'
ok 'a small file read whole: the total is exact (no ~)' \
	'score --progress "$ICP" < "$IN" > /dev/null 2> err && grep -Eq "^score: 1/8 \(12%\), [0-9.]+/s, ETA [0-9hms]+$" err'
ok 'LQ_PROGRESS_TOTAL: an exact total (no ~), percent and ETA on a pipe' \
	'cat "$IN" | LQ_PROGRESS_TOTAL=8 score --progress "$ICP" > /dev/null 2> err &&
	 grep -Eq "^score: 1/8 \(12%\), [0-9.]+/s, ETA [0-9hms]+$" err'
ok 'no total (a pipe): count and rate, no percent, no ETA' \
	'cat "$IN" | score --progress "$ICP" > /dev/null 2> err &&
	 grep -Eq "^score: 1 done, [0-9.]+/s$" err && ! grep -q "%\|ETA" err'
ok 'LQ_PROGRESS=1 forces it like --progress' \
	'LQ_PROGRESS=1 score "$ICP" < "$IN" > /dev/null 2> err && grep -Eq "^score: 1/8 " err'
ok 'LQ_PROGRESS_LABEL prefixes the line' \
	'LQ_PROGRESS_LABEL="[5/8] " score --progress "$ICP" < "$IN" > /dev/null 2> err && grep -Eq "^\[5/8\] score: 1/" err'
stderr_has 'LQ_PROGRESS_TOTAL not a number: a warning, and no total' \
	"LQ_PROGRESS_TOTAL: 'lots' is not a number of records: ignored" \
	'cat "$IN" | LQ_PROGRESS_TOTAL=lots score --progress "$ICP"'
cr=$(printf '\r')
export cr
ok 'a non-terminal stderr without --progress: the summary line only, no carriage return' \
	'score "$ICP" < "$IN" > /dev/null 2> err && ! grep -q "$cr" err && grep -c . err | grep -qx 1 &&
	 grep -Eq "^score: 8 in, 8 out" err'
ok '--quiet and LQ_PROGRESS=0 turn a forced display off' \
	'LQ_PROGRESS=1 score -q "$ICP" < "$IN" > /dev/null 2> err && ! test -s err &&
	 LQ_PROGRESS=0 score "$ICP" < "$IN" > /dev/null 2> err && ! grep -q "/s" err'

# On a terminal (script(1) gives the stage one): the line is redrawn in
# place and cleared before the summary; in a pipeline only the stage
# whose output is no pipe draws.
if script -qec true /dev/null > /dev/null 2>&1; then
	TERM=xterm
	export TERM
	ok 'a terminal: the line redrawn in place (CR ... erase to end), then cleared' \
		'script -qec "score \"$ICP\" < \"$IN\" > out.ndjson" ts > /dev/null &&
		 grep -q "${cr}score: 1/8 (12%), [0-9.]*/s, ETA" ts && grep -q "${cr}.\[K" ts &&
		 test "$(grep -c . out.ndjson)" -eq 8'
	ok 'a terminal: in a pipeline only the last stage draws (the first stage summary erases its line)' \
		'script -qec "score \"$ICP\" < \"$IN\" | score \"$ICP\" > out.ndjson" ts > /dev/null &&
		 grep -q "score: 1 done, [0-9.]*/s" ts && ! grep -q "/8 (" ts &&
		 test "$(grep -o "${cr}.\[Kscore: 8 in, 8 out" ts | wc -l)" -eq 2'
else
	echo "skipped: $_script: the terminal tests: no script(1)"
fi

# parallel.sh: records written against the input's lines (blocks as they
# finish); nothing without LQ_PROGRESS on a non-terminal.
if command -v parallel > /dev/null 2>&1; then
	ok 'parallel.sh LQ_PROGRESS=1: records done, up to 8/8 (100%), output unchanged' \
		'score -q "$ICP" < "$IN" > serial.ndjson &&
		 cat "$IN" | LQ_PROGRESS=1 sh "$TOP/pipelines/parallel.sh" -j 2 -b 1k score "$ICP" > par.ndjson 2> err &&
		 cmp serial.ndjson par.ndjson && tail -n 1 err | grep -qx "parallel.sh: score 8/8 records (100%)"'
	ok 'parallel.sh: no progress on a non-terminal without LQ_PROGRESS' \
		'sh "$TOP/pipelines/parallel.sh" -j 2 -b 1k score "$ICP" < "$IN" > par.ndjson 2> err && ! grep -q records err'
	status 'parallel.sh LQ_PROGRESS=1: the stage status survives the progress filter' 3 \
		'LQ_PROGRESS=1 sh "$TOP/pipelines/parallel.sh" -j 2 score /nonexistent.json < "$IN" > /dev/null 2>&1 || exit $?'
else
	echo "skipped: $_script: parallel.sh: no GNU parallel"
fi

# qualify.sh, forced: one line per stage, labelled [k/8], in order; after
# extract-urls every stage has the exact lead count (25) as its total.
if [ -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	D=$TOP/pipelines/demo
	export D
	printf 'scrape = --from-dataset %s\nscore = --method structured\nto-csv = --min-score 0\n' "$D/profiles.json" > q.conf
	ok 'qualify.sh LQ_PROGRESS=1: the run' \
		'LQ_PROGRESS=1 sh "$TOP/pipelines/qualify.sh" -c q.conf -o out "$D/followers.html" "$D/icp.json" > q.out 2> q.err'
	expect 'qualify.sh: every stage shows its place in the run, in order' \
		'grep -o "^\[[0-9]/8\] [a-z-]*:" q.err | uniq' <<-'EOF'
	[1/8] extract-urls:
	[2/8] scrape:
	[3/8] embed:
	[4/8] classify:
	[5/8] score:
	[6/8] rerank:
	[7/8] to-csv:
	[8/8] review:
	EOF
	ok 'qualify.sh: the stages after extract-urls have the lead count as total, percent and rate' \
		'test "$(grep -Ec "^\[[2-8]/8\] [a-z-]+: [0-9]+/25 \([0-9]+%\), [0-9.]+/s" q.err)" -eq 7'
	mkdir -p cl/acme/b1
	cp "$D/icp.json" cl/acme/icp.json
	cp q.conf cl/acme/lq.conf
	cp "$D/followers.html" cl/acme/b1/followers.html
	ok 'batch.mk LQ_PROGRESS=1: the stages after extract-urls have the input records as total' \
		'LQ_PROGRESS=1 make -s -f "$TOP/pipelines/batch.mk" CLIENTS=cl CLIENT=acme > /dev/null 2> bm.err &&
		 for s in scrape embed classify score rerank; do grep -Eq "^$s: 1/25 \(4%\), [0-9.]+/s, ETA" bm.err || exit 1; done &&
		 grep -Eq "^review: [0-9]+/25 " bm.err && grep -Eq "^extract-urls: 1 done, " bm.err'
else
	echo "skipped: $_script: qualify.sh: no model in $LQ_MODEL_DIR"
fi

done_testing
