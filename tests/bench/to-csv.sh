#!/bin/sh
# to-csv.sh: to-csv on N lead records (default 100000) against baselines
# measured in the same run: Python's csv writer (json + sort + csv.writer,
# tests/bench/csv-baseline.py), jq -rs ... @csv, and to-csv as it was
# before lazy records (tests/bench/today.sh), all producing the same
# columns in the same order (to-csv --full --all --no-bom: the developer's
# columns, every lead). Two inputs:
#   final   what to-csv reads at the end of the pipeline: score's output
#           on tests/bench/gen-apify.py leads (a ~4 KB raw profile and a
#           384-number embedding in every record);
#   small   tests/bench/gen-leads.py: the scored fields and a small
#           profile, no embedding (the input this benchmark used before).
# Prints the least CPU time (user+sys; wall beside) of LQ_BENCH_REPEAT (3)
# interleaved runs of each (jq -rs: one run), the ratios, to-csv's
# peak memory at N/10 and N (it keeps every row to sort them), and checks
# that the output is the one before and, without the formula guard,
# Python's. LQ_BENCH_RECORDS=N changes the size.
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
n=${LQ_BENCH_RECORDS:-100000}
need_cmd jq "apt-get install jq"
need_py numpy python3-numpy
. tests/bench/today.sh
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
export LQ_CACHE_DIR="$w/cache"
"$PY" tests/bench/gen-apify.py embedded "$n" > "$w/emb.ndjson" || fail "gen-apify.py failed"
lines_are "$w/emb.ndjson" "$n"
bin/score -q --method baseline pipelines/demo/icp.json < "$w/emb.ndjson" > "$w/final.ndjson" || fail "score failed"
rm -f "$w/emb.ndjson"
lines_are "$w/final.ndjson" "$n"
"$PY" tests/bench/gen-leads.py "$n" > "$w/small.ndjson" || fail "gen-leads.py failed"
lines_are "$w/small.ndjson" "$n"

jqprog='sort_by(-(.icp_score // -1), .id) | (["Name","Profile URL","Headline","Company","Location","Job Title","Industry","Company Type","ICP Score","Tier","Match Reasoning"] | @csv), (.[] | [.name, .linkedin_url, .headline, .company, .location, ((.current_job_titles // []) | join(", ")), (if .industry == "Other" then "" else .industry end), (if .company_type == "unknown" then "" else .company_type end), .icp_score, .tier, .match_reasoning] | @csv)'
full="--full --all --no-bom"

for kind in final small; do
	f=$w/$kind.ndjson
	# The least CPU time of LQ_BENCH_REPEAT (3) interleaved runs of each
	# (lib.sh's rounds); jq -rs, which holds every record, once.
	rounds c "bin/to-csv -q $full < $f > $w/c.csv" \
		t "'$TODAY/to-csv' -q $full < $f > $w/t.csv" \
		p "$PY tests/bench/csv-baseline.py < $f > $w/p.csv" \
		d "bin/to-csv -q < $f > $w/d.csv"
	timed j "jq -rs '$jqprog' < $f > $w/j.csv"
	timed m "bin/to-csv -q $full < $f > /dev/null"
	head -n $((n / 10)) "$f" > "$w/tenth.ndjson"
	timed m10 "bin/to-csv -q $full < $w/tenth.ndjson > /dev/null"
	for o in c t p d j; do [ -s "$w/$o.csv" ] || fail "$kind: $o.csv is empty"; done
	[ "$(wc -l < "$w/c.csv")" -ge "$n" ] || fail "$kind: to-csv wrote fewer rows than records"
	bin/to-csv -q $full --raw < "$f" > "$w/raw.csv" || fail "to-csv --raw failed"
	if cmp -s "$w/raw.csv" "$w/p.csv"; then same=identical; else same=DIFFERENT; fi
	if cmp -s "$w/c.csv" "$w/t.csv"; then before=identical; else before=DIFFERENT; fi
	size=$(wc -c < "$f")
	printf 'to-csv, %s records: %s records, %s MB of NDJSON in, %s MB of CSV out (CPU s, least of %d runs; wall beside)\n' \
		"$kind" "$n" "$((size / 1000000))" "$(($(wc -c < "$w/c.csv") / 1000000))" "$REPEAT"
	printf '  spread: to-csv %s; python %s\n' "$(spread c)" "$(spread p)"
	printf '  %-30s %7ss %6ss\n' "to-csv --full --all" "$c_cpu" "$c_wall"
	printf '  %-30s %7ss %6ss  to-csv is %sx faster\n' "python3 csv writer" "$p_cpu" "$p_wall" "$(ratio "$p_cpu" "$c_cpu")"
	printf '  %-30s %7ss %6ss  to-csv is %sx faster\n' "jq -rs ... @csv (one run)" "$j_cpu" "$j_wall" "$(ratio "$j_cpu" "$c_cpu")"
	printf '  %-30s %7ss %6ss  to-csv is %sx faster\n' "to-csv before lazy records" "$t_cpu" "$t_wall" "$(ratio "$t_cpu" "$c_cpu")"
	printf '  %-30s %7ss %6ss  (the client default: reasons built, tiers A-B kept) %sx the python writer\n' \
		"to-csv" "$d_cpu" "$d_wall" "$(ratio "$p_cpu" "$d_cpu")"
	printf '  peak memory %s MB at %d records, %s MB at %d (every kept row is held to sort); output vs before: %s; --raw vs python: %s\n' \
		"$((m10_kb / 1024))" $((n / 10)) "$((m_kb / 1024))" "$n" "$before" "$same"
	[ "$same" = identical ] && [ "$before" = identical ] || fail "$kind: the CSV differs"
done
