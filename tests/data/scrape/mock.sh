# mock.sh: start and stop the mock Apify server from CLI tests (sourced after lib.sh).
# start_mock NAME [apify.py options...]: serves on 127.0.0.1; sets URL_NAME, killed on exit.
MOCK_PIDS=
trap 'for p in $MOCK_PIDS; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
start_mock() {
	_name=$1; shift
	rm -f "$T/$_name.port"
	python3 "$TOP/tests/mock/apify.py" --token "$TOKEN" "$@" "$T/$_name.port" 2>"$T/$_name.mock.err" &
	MOCK_PIDS="$MOCK_PIDS $!"
	_i=0
	while [ ! -s "$T/$_name.port" ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
	eval "URL_$_name=http://127.0.0.1:\$(cat \"\$T/\$_name.port\")"
	export "URL_$_name"
}
# Helpers as commands, so that test commands (sh -c) can use them.
mkdir -p "$T/.helpers"
PATH="$T/.helpers:$PATH"
# stat_of NAME KEY: a counter of the mock.
cat > "$T/.helpers/stat_of" <<'HELPER'
#!/bin/sh
eval "_u=\$URL_$1"
curl -s "$_u/__stats" | jq -r ".$2"
HELPER
# all_written OUT: as many records out as in (in.ndjson), same ids in the
# same order, each enriched or failed with a code and a message.
cat > "$T/.helpers/all_written" <<'HELPER'
#!/bin/sh
jq -r .id in.ndjson > ids.in; jq -r .id "$1" > ids.out
cmp ids.in ids.out || exit 1
jq -e 'select(.status != "enriched" and (.status != "failed" or (.error.code|type) != "string" or (.error.message|length) == 0))' "$1" > bad.out
test ! -s bad.out
HELPER
chmod +x "$T/.helpers/stat_of" "$T/.helpers/all_written"
TOKEN=apify_api_S3cr3tT0kenNeverPrinted
export TOKEN
