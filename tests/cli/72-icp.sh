#!/bin/sh
# 72-icp.sh: icp check on good, bad and conflicted ICPs (tests/data/icp/cases.tsv),
# agreeing with score and with the JSON Schema; score's conflict warning;
# the ICPs in the repository and those icp-extract writes validate; docs/icp.md's tables are true.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
unset LQ_SCORE_METHOD LQ_ICP_BACKEND
SCHEMA=$TOP/docs/schema/icp.schema.json
VALIDATE="python3 $TOP/tests/validate.py"
DEMO=$TOP/pipelines/demo
have_jsonschema=
if python3 -c 'import jsonschema' 2>/dev/null; then
	have_jsonschema=1
else
	echo "skipped: $_script: the JSON Schema checks: python3-jsonschema is not installed (make deps)"
fi

# The cases: icp check's status and words, score's status, the schema's verdict.
TAB=$(printf '\t')
mkdir -p cases
while IFS=$TAB read -r name st sst sch pat text; do
	case $name in '#'* | '') continue ;; esac
	mkdir -p "cases/$name"
	printf '%b' "$text" > "cases/$name/t.json"
done < "$DATA/icp/cases.tsv"
[ -n "$have_jsonschema" ] && $VALIDATE --each "$SCHEMA" cases/*/t.json > verdicts
while IFS=$TAB read -r name st sst sch pat text; do
	case $name in '#'* | '') continue ;; esac
	status "$name: icp check exits $st" "$st" "cd cases/$name && icp check t.json > out 2>&1"
	PAT=$pat
	export PAT
	ok "$name: icp check says /$pat/" "tr '\n' ' ' < cases/$name/out | grep -Eq -- \"\$PAT\""
	status "$name: score --method baseline exits $sst on it" "$sst" \
		"score -q --method baseline cases/$name/t.json < /dev/null"
	if [ -n "$have_jsonschema" ]; then
		if [ "$sch" = invalid ]; then
			ok "$name: the JSON Schema refuses it too" "grep -qx 'cases/$name/t.json: invalid' verdicts"
		else
			ok "$name: the JSON Schema accepts it ($sch)" "grep -qx 'cases/$name/t.json: valid' verdicts"
		fi
	fi
done < "$DATA/icp/cases.tsv"

# Sizes: a criterion over 200 bytes; a file over 16 MB; a large valid ICP.
awk 'BEGIN { s = ""; for (i = 0; i < 201; i++) s = s "x"; printf "{\"target_titles\":[\"%s\"]}\n", s }' > long.json
status 'a 201-byte criterion: exit 1' 1 'icp check long.json'
stderr_has 'a 201-byte criterion: says so' 'target_titles: longer than 200 bytes' 'icp check long.json'
awk 'BEGIN { printf "{\"notes\":\""; for (i = 0; i < 170000; i++) printf "%0100d", i; printf "\"}\n" }' > huge.json
status 'a 17 MB file: exit 1' 1 'icp check huge.json'
stderr_has 'a 17 MB file: says so, without reading it all' 'huge.json: larger than 16 MB: not an ICP file' 'icp check huge.json'
awk 'BEGIN { printf "{\"target_keywords\":["; for (i = 0; i < 5000; i++) printf "%s\"keyword %d\"", i ? "," : "", i; printf "]}\n" }' > many.json
expect 'a large valid ICP (5,000 keywords)' 'icp check many.json' <<-'OUT'
	many.json: ok (5000 keywords)
	OUT
printf '[' > deep.json
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "[" }' >> deep.json
status 'hostile nesting (100,000 levels): refused, no crash' 1 'icp check deep.json'
printf '{"target_titles":["CFO\377"]}' > bin.json
status 'invalid UTF-8: refused' 1 'icp check bin.json'
stderr_has 'invalid UTF-8: says where' 'bin.json: line 1' 'icp check bin.json'

# Several files, stdin, unreadable files, usage.
cp "$DEMO/icp.json" good.json
expect 'the demo ICP: one line with its criteria' 'icp check good.json' <<-'OUT'
	good.json: ok (5 target titles, 4 excluded titles, 2 target industries, 2 company sizes, 4 keywords, notes)
	OUT
expect 'several files: each reported, the worst status' \
	'icp check good.json cases/conflict/t.json cases/malformed/t.json 2> err; echo "exit $?"; grep -c "line 2, column" err' <<-'OUT'
	good.json: ok (5 target titles, 4 excluded titles, 2 target industries, 2 company sizes, 4 keywords, notes)
	cases/conflict/t.json: 1 unresolved conflict (2 target titles, 1 excluded title):
	  "Student" is in target_titles and in exclude_titles
	exit 1
	1
	OUT
expect 'standard input is -' 'icp check - < good.json' <<-'OUT'
	<stdin>: ok (5 target titles, 4 excluded titles, 2 target industries, 2 company sizes, 4 keywords, notes)
	OUT
status 'a missing file: exit 3' 3 'icp check good.json nope.json'
stderr_has 'a missing file: named' 'icp check: nope.json: No such file' 'icp check nope.json'
status 'a directory: exit 3' 3 'icp check cases'
status 'no file: usage (2)' 2 'icp check'
status 'no subcommand: usage (2)' 2 'icp'
status 'an unknown subcommand: usage (2)' 2 'icp verify good.json'
stderr_has 'an unknown subcommand: named' "unknown subcommand 'verify'" 'icp verify good.json'
status 'icp check > /dev/full: a write error (3)' 3 'icp check good.json > /dev/full'
ok 'lq icp check runs it, and -q silences the notes only' \
	'lq -q icp check cases/stale-conflict/t.json > o 2> e && test -s o && test ! -s e'

# score warns once (not once per lead) when its ICP still has a conflict.
for i in 1 2 3 4 5; do
	printf '{"id":"p%d","linkedin_url":"https://www.linkedin.com/in/p%d/","status":"enriched","current_job_titles":["Student"],"headline":"Student","profile":{}}\n' $i $i
done > students.ndjson
if [ -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	ok 'score with a conflicted ICP: runs, one warning naming the conflict and icp check' \
		'score -q cases/conflict/t.json < students.ndjson > s.out 2> s.err && test $(grep -c . s.out) -eq 5 &&
		 test $(grep -c "unresolved conflict" s.err) -eq 1 && grep -q "\"Student\" is in target_titles and in exclude_titles" s.err &&
		 grep -q "lq icp check cases/conflict/t.json" s.err'
	expect 'score with a conflicted ICP: the exclusion wins (every student knocked out)' \
		'jq -r "[.icp_score, (.components.exclude.knocked_out)] | @tsv" s.out | sort | uniq -c | sed "s/^ *//"' <<-'OUT'
	5 5	true
	OUT
	ok 'score without a conflict: no warning' 'score -q good.json < students.ndjson > /dev/null 2> s2.err && test ! -s s2.err'
else
	echo "skipped: $_script: score's conflict warning: no model in $LQ_MODEL_DIR (lq model fetch)"
fi

# docs/icp.md's table of refused files: each message is icp check's.
sed -n '/^Refused, with the reason/,$p' "$TOP/docs/icp.md" | grep '^| `' > refused.md
ok 'docs/icp.md lists refused files' 'test $(grep -c . refused.md) -ge 8'
n=0
while IFS='|' read -r _ file msg _; do
	n=$((n + 1))
	file=$(printf '%s' "$file" | sed 's/^ *`//; s/` *$//')
	msg=$(printf '%s' "$msg" | sed 's/^ *//; s/ *$//; s/^(icp check) //; s/ *\.\.\..*//')
	printf '%s\n' "$file" > "ref$n.json"
	MSG=$msg
	export MSG
	ok "docs/icp.md refused file $n: icp check says \"$msg\"" \
		"! icp check ref$n.json > ref$n.out 2>&1 && grep -qF -- \"\$MSG\" ref$n.out"
done < refused.md

# The ICPs in the repository, and what icp-extract writes, are valid.
# (the fuzz seeds are left out: some hold conflicts on purpose)
for f in $(cd "$TOP" && git ls-files '*icp*.json' 2>/dev/null | grep -v '^docs/schema/\|^tests/fuzz/'); do
	ok "$f: icp check accepts it" "icp check '$TOP/$f' > /dev/null"
	[ -n "$have_jsonschema" ] && ok "$f: the JSON Schema accepts it" "$VALIDATE '$SCHEMA' '$TOP/$f'"
done
if [ -s "$LQ_MODEL_DIR/model.safetensors" ]; then
	# Every development case as icp_eval.py runs it: its calls (_calls, else
	# the one transcript beside it) and its arguments (_args: a WebVTT file
	# says no sides, so it names the client's speaker).
	for e in "$DATA"/calls/*.expected.json; do
		b=$(basename "$e" .expected.json)
		srcs=$(jq -r --arg d "$DATA/calls" 'if ._calls then ._calls[] | "\($d)/\(.)" else empty end' "$e")
		[ -n "$srcs" ] || srcs=$(ls "$DATA/calls/$b".* | grep -v '\.expected\.json$')
		jq -r '(._args // [])[]' "$e" > args-$b
		ok "icp-extract on $b: writes an ICP" \
			"calls -q $(echo $srcs) > m-$b.ndjson && xargs -d '\\n' -a args-$b icp-extract -q < m-$b.ndjson > x-$b.json 2> /dev/null"
		# a file with conflicts is valid but flagged: exit 1 with "unresolved"
		ok "icp-extract on $b: icp check accepts it (conflicts flagged, not invalid)" \
			"icp check x-$b.json > c-$b.out 2>&1 || grep -q 'unresolved conflict' c-$b.out"
		[ -n "$have_jsonschema" ] && ok "icp-extract on $b: the JSON Schema accepts it" "$VALIDATE '$SCHEMA' x-$b.json"
	done
	ok 'icp-extract merged over every call: valid for the schema and for icp check' \
		"cat m-*.ndjson | grep -v forgeline | icp-extract -q > all.json 2> /dev/null && { icp check all.json > all.out 2>&1 || grep -q 'unresolved conflict' all.out; } &&
		 { test -z '$have_jsonschema' || $VALIDATE '$SCHEMA' all.json; }"

	# docs/icp.md's table of five leads is what score gives.
	extract-urls "$DEMO/followers.html" 2> /dev/null | scrape -q --from-dataset "$DEMO/profiles.json" |
		embed -q | classify -q > classified.ndjson
	sed -n '/^| ICP keys |/,/^$/p' "$TOP/docs/icp.md" | grep '^|' > doc-table.md
	ok 'docs/icp.md: the table of five leads is what score computes (tests/icp_examples.sh)' \
		"sh '$TOP/tests/icp_examples.sh' classified.ndjson > table.md && diff doc-table.md table.md"
else
	echo "skipped: $_script: icp-extract outputs and docs/icp.md's score table: no model in $LQ_MODEL_DIR (lq model fetch)"
fi

# Schema and examples: the schema is itself valid and describes every key icp.c knows.
if [ -n "$have_jsonschema" ]; then
	ok 'the ICP schema is a valid draft 2020-12 schema naming the eight keys and the four annotations' \
		"python3 -c 'import json, jsonschema, sys; s = json.load(open(sys.argv[1])); jsonschema.Draft202012Validator.check_schema(s);
keys = set(s[\"properties\"]); sys.exit(keys != {\"client\", \"target_titles\", \"target_industries\", \"company_sizes\", \"target_keywords\", \"exclude_titles\", \"notes\", \"regions\", \"_exclude_industries\", \"_exclude_company_sizes\", \"_conflicts\", \"_meetings\"})' '$SCHEMA'"
fi
done_testing
