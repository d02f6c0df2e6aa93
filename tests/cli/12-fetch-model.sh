#!/bin/sh
# 12-fetch-model.sh: make model's script offline: a verified copy is left alone,
# a damaged one is never accepted, and no source gives a clear failure.
. "$(dirname "$0")/../lib.sh"

fetch=$TOP/common/fetch-model.sh
src=${LQ_MODEL_DIR:-$(HOME=$HOME sh -c 'echo ${XDG_CACHE_HOME:-$HOME/.cache}')/lq/models/all-MiniLM-L6-v2}
# A PATH with the basic tools but neither curl nor python: no source can work.
mkdir -p "$T/nonet"
for t in sh sha256sum cut mktemp mkdir dirname rm mv cp ls head cat; do
	ln -s "$(command -v $t)" "$T/nonet/$t"
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
done_testing
