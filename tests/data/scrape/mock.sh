# mock.sh: start and stop the mock Apify server from CLI tests (sourced after lib.sh).
# start_mock NAME [apify.py options...]: serves on 127.0.0.1; sets URL_NAME, killed on exit.
MOCK_PIDS=
trap 'for p in $MOCK_PIDS; do kill "$p" 2>/dev/null; done; rm -rf "$T"' EXIT
start_mock() {
	_name=$1; shift
	rm -f "$T/$_name.port"
	python3 "$TOP/tests/mock/apify.py" --token "$TOKEN" "$@" "$T/$_name.port" 2>"$T/$_name.err" &
	MOCK_PIDS="$MOCK_PIDS $!"
	_i=0
	while [ ! -s "$T/$_name.port" ] && [ $_i -lt 100 ]; do sleep 0.05; _i=$((_i + 1)); done
	eval "URL_$_name=http://127.0.0.1:\$(cat \"\$T/\$_name.port\")"
}
# stat_of NAME KEY: a counter of the mock.
stat_of() {
	eval "_u=\$URL_$1"
	curl -s "$_u/__stats" | jq -r ".$2"
}
TOKEN=apify_api_S3cr3tT0kenNeverPrinted
export TOKEN
