#!/bin/sh
# encoder.sh: the local encoder on 2,000 profile-length texts (~128 tokens)
# beside the OpenBLAS sgemm ceiling for the same FLOPs and sentence-transformers
# on PyTorch CPU with 2 threads (pip install torch sentence-transformers).
set -u
bench=.build/default/tests/bench/bench_encoder
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
[ -x "$bench" ] || { echo "encoder: $bench not built (make bench builds it)"; exit 1; }
python3 tests/bench/gen-profiles.py 2000 >"$tmp/texts.txt" || exit 1
[ "$(wc -l < "$tmp/texts.txt")" -ge 2000 ] || { echo "encoder: gen-profiles.py gave fewer than 2000 texts" >&2; exit 1; }
LQ_THREADS=2 "$bench" "$tmp/texts.txt" | tee "$tmp/lq.out" | grep -v '^lq_tokens_per_s' || exit 1
lq=$(sed -n 's/^lq_tokens_per_s *//p' "$tmp/lq.out")
[ -n "$lq" ] || { echo "encoder: $bench printed no lq_tokens_per_s" >&2; exit 1; }
dir=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
if python3 tests/bench/st-baseline.py "$dir" "$tmp/texts.txt" >"$tmp/st.out" 2>"$tmp/st.err"; then
	grep -v '^st_tokens_per_s' "$tmp/st.out"
	st=$(sed -n 's/^st_tokens_per_s *//p' "$tmp/st.out")
	awk -v a="$lq" -v b="$st" 'BEGIN { printf "ratio            %.2fx sentence-transformers\n", a / b }'
else
	# The second, optional baseline (a pip install of a few GB): the
	# sgemm ceiling above is the one every run has.
	echo "baseline         sentence-transformers not measured: $(head -n 1 "$tmp/st.out") (pip install torch sentence-transformers)"
fi
