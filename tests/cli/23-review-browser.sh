#!/bin/sh
# 23-review-browser.sh: review's page in a real browser (headless Chromium driven by Selenium): file:// and --serve.
. "$(dirname "$0")/../lib.sh"
SRV_PID=
trap '[ -n "$SRV_PID" ] && kill "$SRV_PID" 2>/dev/null; rm -rf "$T"' EXIT
S=$DATA/to-csv/scored.ndjson
ICP=$TOP/pipelines/demo/icp.json
CHROMIUM=${LQ_CHROMIUM:-/usr/bin/chromium}
CHROMEDRIVER=${LQ_CHROMEDRIVER:-/usr/bin/chromedriver}
export LQ_CHROMIUM=$CHROMIUM LQ_CHROMEDRIVER=$CHROMEDRIVER

# Debian's python3-selenium lives in /usr/lib/python3/dist-packages; the
# python3 on PATH may be another one.
PY=
for p in python3 /usr/bin/python3; do
	if "$p" -c 'import selenium' 2>/dev/null; then PY=$p; break; fi
done
if [ ! -x "$CHROMIUM" ] || [ ! -x "$CHROMEDRIVER" ] || [ -z "$PY" ]; then
	echo "skipped: $_script: the browser tests: needs chromium, chromium-driver and python3-selenium (make deps-check)"
	done_testing
fi

# browser SCENARIO ARGS...: runs tests/review_browser.py; each check it
# prints (PASS/FAIL) is one test here.
browser() {
	"$PY" "$TOP/tests/review_browser.py" "$@" > br.out 2> br.err
	_st=$?
	while IFS= read -r line; do
		case $line in
		"PASS "*) _report 0 "browser: ${line#PASS }" /dev/null ;;
		"FAIL "*) { echo "${line#FAIL }"; tail -n 15 br.err; } > br.why; _report 1 "browser: ${line#FAIL }" br.why ;;
		esac
	done < br.out
	if [ "$_st" -ne 0 ] && ! grep -q '^FAIL ' br.out; then
		tail -n 20 br.err > br.why
		_report 1 "browser: scenario $1 exited $_st" br.why
	fi
}

review -q "$ICP" < "$S" > page.html
HASH=$(sed -n 's/.*"icp_hash":"\([0-9a-f]*\)".*/\1/p' page.html)
mkdir downloads
browser static page.html "$T/downloads" "$HASH" "Northwind Payroll"

review -q "$DATA/review/hostile-icp.json" < "$DATA/review/hostile.ndjson" > hostile.html
browser hostile hostile.html

# The served page: every click in the log at once.
review --serve -f fb.ndjson "$ICP" < "$S" > url.txt 2> srv.err &
SRV_PID=$!
i=0
while [ ! -s url.txt ] && [ $i -lt 200 ]; do sleep 0.025; i=$((i + 1)); done
browser serve "$(cat url.txt)" "$T/fb.ndjson" "$HASH" "Northwind Payroll"
kill -TERM "$SRV_PID"
wait "$SRV_PID"
echo $? > srv.status
SRV_PID=
expect 'served: stopped by SIGTERM, exit 0, four judgments logged, one refused' \
	"cat srv.status; grep -o '4 judgments logged, 1 request refused' srv.err" <<'EOF'
0
4 judgments logged, 1 request refused
EOF
done_testing
