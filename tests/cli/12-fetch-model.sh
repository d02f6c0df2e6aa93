#!/bin/sh
# 12-fetch-model.sh: make model's script and lq model fetch|path, offline: a verified copy
# is left alone, a damaged one is never accepted, no source gives a clear failure; a
# mock Hugging Face gives a verified model; lq model path says where the programs look.
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"

fetch=$TOP/common/fetch-model.sh
src=${LQ_MODEL_DIR:-$(HOME=$HOME sh -c 'echo ${XDG_CACHE_HOME:-$HOME/.cache}')/lq/models/all-MiniLM-L6-v2}
# A PATH with the basic tools but neither curl nor python: no source can work.
mkdir -p "$T/nonet"
for t in sh sha256sum cut mktemp mkdir dirname rm mv cp ls head cat; do
	ln -s "$(command -v $t)" "$T/nonet/$t"
done
# The same with curl: Hugging Face (the mock) is the only source.
mkdir -p "$T/hfonly"
for t in sh sha256sum cut mktemp mkdir dirname rm mv cp ls head cat curl; do
	ln -s "$(command -v $t)" "$T/hfonly/$t"
done

cp -r "$src" "$T/m" 2>/dev/null
stderr_has 'a verified copy is used offline' 'present and verified' \
	"PATH=$T/nonet LQ_MODEL_DIR=$T/m sh $fetch"
ok 'a verified copy exits 0 without any network tool' "PATH=$T/nonet LQ_MODEL_DIR=$T/m sh $fetch"
printf 'tampered\n' >> "$T/m/vocab.txt"
status 'a tampered copy with no source to fetch from fails' 1 \
	"PATH=$T/nonet LQ_MODEL_DIR=$T/m sh $fetch"
stderr_has 'the failure says what to do' 'could not fetch all-MiniLM-L6-v2' \
	"PATH=$T/nonet LQ_MODEL_DIR=$T/m sh $fetch"
ok 'the tampered copy was left for a person to look at, not replaced' \
	"tail -n 1 $T/m/vocab.txt | grep -q tampered"
status 'an empty folder with no source fails' 1 \
	"PATH=$T/nonet LQ_MODEL_DIR=$T/empty sh $fetch"
ok 'no temp folder is left behind' "! ls -a $T | grep -q '^\.fetch'"

# From a mock Hugging Face (tests/mock/hf.py: 302 to a CDN path for large
# files, as the Hub does), through lq model fetch in the build tree.
if [ -s "$src/model.safetensors" ]; then
	mock_start hf --dir "$src"
	export LQ_HF_BASE_URL=http://127.0.0.1:$MOCK_PORT
	# a user with no model yet: empty cache and home
	NEW="HOME=$T/home XDG_CACHE_HOME= LQ_CACHE_DIR=$T/c1 LQ_MODEL_DIR="
	expect 'lq model path: the cache folder, exit 1 and why, when there is no model' \
		"$NEW lq model path 2> p.err; echo \"exit \$?\"; grep -c 'no usable model.*run .lq model fetch.' p.err" <<-OUT
	$T/c1/models/all-MiniLM-L6-v2
	exit 1
	1
	OUT
	ok 'lq model fetch: from Hugging Face (the mock), verified, into that folder' \
		"$NEW PATH=$T/hfonly:$LQ_BIN lq model fetch 2> f.err && grep -q 'installed all-MiniLM-L6-v2 in $T/c1/models/all-MiniLM-L6-v2' f.err &&
		 cmp $T/c1/models/all-MiniLM-L6-v2/model.safetensors '$src/model.safetensors'"
	ok 'the large file came through a redirect, every file once' \
		"test \$(grep -c '\"status\": 302' $T/mock.log) -eq 1 && test \$(grep -c '\"status\": 200' $T/mock.log) -eq 10"
	expect 'lq model path: now exit 0, the same folder' "$NEW lq model path; echo \"exit \$?\"" <<-OUT
	$T/c1/models/all-MiniLM-L6-v2
	exit 0
	OUT
	ok 'lq model fetch again: kept without a request' \
		"n=\$(grep -c . $T/mock.log); $NEW lq model fetch 2> g.err && grep -q 'present and verified' g.err && test \$(grep -c . $T/mock.log) -eq \$n"
	ok 'lq -q model fetch: quiet when all is well' "$NEW lq -q model fetch 2> q.err && test ! -s q.err"
	ok 'lq model fetch DIR: into DIR' "$NEW PATH=$T/hfonly:$LQ_BIN lq -q model fetch $T/elsewhere && test -s $T/elsewhere/vocab.txt"
	status 'lq model fetch: two folders is a usage error' 2 "$NEW lq model fetch a b"
	status 'lq model: an unknown subcommand is a usage error' 2 'lq model verify'
	mock_stop
	for f in corrupt truncated 404; do
		mock_start hf --dir "$src" --faults "$f"
		export LQ_HF_BASE_URL=http://127.0.0.1:$MOCK_PORT
		status "Hugging Face serving a $f copy (no PyPI): exit 1" 1 \
			"HOME=$T/home XDG_CACHE_HOME= LQ_MODEL_DIR= LQ_CACHE_DIR=$T/c-$f PATH=$T/hfonly:$LQ_BIN lq model fetch 2> $f.err"
		ok "Hugging Face serving a $f copy: nothing installed, the failure says what to do" \
			"test ! -e $T/c-$f/models/all-MiniLM-L6-v2 && grep -q 'could not fetch all-MiniLM-L6-v2' $f.err && grep -q 'lq model fetch again' $f.err"
		mock_stop
	done
	ok 'the model errors name lq model fetch, and make model in a source tree' \
		"echo '{}' | embed --model-dir $T/none 2>&1 >/dev/null | grep -q 'run .lq model fetch., or .make model. in the source tree'"
	cp "$LQ_BIN/embed" "$T/nonet/embed"
	ok 'the same error outside a source tree names lq model fetch only' \
		"echo '{}' | $T/nonet/embed --model-dir $T/none 2> e.err > /dev/null; grep -q 'run .lq model fetch. to fetch' e.err && ! grep -q 'make model' e.err"
else
	echo "skipped: $_script: lq model fetch from a mock Hugging Face: no model in $src to serve"
fi
done_testing
