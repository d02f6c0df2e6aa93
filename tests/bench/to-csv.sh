#!/bin/sh
# to-csv.sh: to-csv on N lead records (default 100000) against two baselines
# measured in the same run: Python's csv writer (json + sort + csv.writer)
# and jq -rs ... @csv, both producing the same columns in the same order
# (to-csv --full --all --no-bom: the developer's columns, every lead).
# Prints best-of-3 wall times, the ratios, and to-csv's peak memory; then
# the client's default spreadsheet (plain-word reasons, tiers A and B) for
# comparison with the same baseline.
# LQ_BENCH_RECORDS=N changes the size.
set -u
cd "$(dirname "$0")/../.." || exit 2
n=${LQ_BENCH_RECORDS:-100000}
w=$(mktemp -d)
trap 'rm -rf "$w"' EXIT
python3 tests/bench/gen-leads.py "$n" > "$w/leads.ndjson" || exit 1

# best TAG CMD: runs sh -c CMD three times, prints the fastest wall time.
best() {
	python3 - "$2" <<'PY'
import subprocess, sys, time
t = []
for _ in range(3):
    s = time.perf_counter()
    subprocess.run(["sh", "-c", sys.argv[1]], check=True)
    t.append(time.perf_counter() - s)
print("%.3f" % min(t))
PY
}

jqprog='sort_by(-(.icp_score // -1), .id) | (["Name","Profile URL","Headline","Company","Location","Job Title","Industry","Company Type","ICP Score","Tier","Match Reasoning"] | @csv), (.[] | [.name, .linkedin_url, .headline, .company, .location, ((.current_job_titles // []) | join(", ")), (if .industry == "Other" then "" else .industry end), (if .company_type == "unknown" then "" else .company_type end), .icp_score, .tier, .match_reasoning] | @csv)'

full="--full --all --no-bom"
t_c=$(best to-csv "bin/to-csv -q $full < $w/leads.ndjson > $w/c.csv") || exit 1
t_d=$(best to-csv "bin/to-csv -q < $w/leads.ndjson > $w/d.csv") || exit 1
t_p=$(best python "python3 tests/bench/csv-baseline.py < $w/leads.ndjson > $w/p.csv") || exit 1
t_j=$(best jq "jq -rs '$jqprog' < $w/leads.ndjson > $w/j.csv") || exit 1
mem=$(/usr/bin/time -f %M bin/to-csv -q $full < "$w/leads.ndjson" 2>&1 >/dev/null)

# Sanity: without the formula guard to-csv writes what Python's writer does.
bin/to-csv -q $full --raw < "$w/leads.ndjson" > "$w/raw.csv"
if cmp -s "$w/raw.csv" "$w/p.csv"; then same=identical; else same=DIFFERENT; fi

size=$(wc -c < "$w/leads.ndjson")
printf 'to-csv: %s records, %s MB of NDJSON in, %s MB of CSV out\n' "$n" \
	"$((size / 1000000))" "$(($(wc -c < "$w/c.csv") / 1000000))"
printf '  %-26s %7ss\n' "to-csv --full --all" "$t_c"
printf '  %-26s %7ss  to-csv is %sx faster\n' "python3 csv writer" "$t_p" \
	"$(python3 -c "print('%.2f' % ($t_p / $t_c))")"
printf '  %-26s %7ss  to-csv is %sx faster\n' "jq -rs ... @csv" "$t_j" \
	"$(python3 -c "print('%.2f' % ($t_j / $t_c))")"
printf '  %-26s %7ss  (the client default: reasons built, tiers A-B kept) %sx the python writer\n' \
	"to-csv" "$t_d" "$(python3 -c "print('%.2f' % ($t_p / $t_d))")"
printf '  to-csv peak memory %s MB (input %s MB); --raw output vs python: %s\n' \
	"$((mem / 1024))" "$((size / 1000000))" "$same"
[ "$same" = identical ]
