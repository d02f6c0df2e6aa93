# mock/lib.sh: start and stop the mock API servers from CLI tests (sourced after tests/lib.sh).
#
#   mock_start NAME [ARGS...]   runs tests/mock/NAME.py on a free 127.0.0.1 port, logging
#                               requests to $T/mock.log; sets OPENAI_BASE_URL
#   mock_count                  (a command) requests logged so far
#   mock_stop                   stops it (the EXIT trap stops a forgotten one)
#   need_model                  the real all-MiniLM-L6-v2 must be in $LQ_MODEL_DIR
MOCK_PID=
trap 'mock_stop; rm -rf "$T"' EXIT

mock_start() {
	_name=$1
	shift
	rm -f "$T/mock.port" "$T/mock.log"
	: > "$T/mock.log"
	python3 "$TOP/tests/mock/$_name.py" --port-file "$T/mock.port" --log "$T/mock.log" "$@" \
		2> "$T/mock.stderr" &
	MOCK_PID=$!
	_i=0
	while [ ! -s "$T/mock.port" ]; do
		_i=$((_i + 1))
		if [ $_i -gt 200 ]; then
			echo "not ok - $_script: mock $_name did not start"; cat "$T/mock.stderr"
			exit 1
		fi
		sleep 0.025
	done
	MOCK_PORT=$(cat "$T/mock.port")
	mkdir -p "$T/tbin"
	printf '#!/bin/sh\ngrep -c . "%s/mock.log"\n' "$T" > "$T/tbin/mock_count"
	chmod +x "$T/tbin/mock_count"
	case ":$PATH:" in *":$T/tbin:"*) ;; *) PATH=$T/tbin:$PATH ;; esac
	OPENAI_BASE_URL=http://127.0.0.1:$MOCK_PORT/v1
	export MOCK_PORT OPENAI_BASE_URL
}

mock_stop() {
	if [ -n "$MOCK_PID" ]; then
		kill "$MOCK_PID" 2>/dev/null
		wait "$MOCK_PID" 2>/dev/null
		MOCK_PID=
	fi
}

need_model() {
	if [ ! -s "$LQ_MODEL_DIR/model.safetensors" ]; then
		echo "not ok 1 - $_script: the model is missing from $LQ_MODEL_DIR: run make model"
		exit 1
	fi
}
