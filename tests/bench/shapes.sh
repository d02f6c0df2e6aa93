#!/bin/sh
# bench/shapes.sh: reading profiles of every actor shape (tests/data/shapes,
# repeated with fresh ids up to LQ_BENCH_ITEMS, 20000) through scrape
# --from-dataset (read, index, the normalised view, junk cleaning, records
# written), against jq reading the same file and writing one field-picked
# object per item (jq -c with the supreme_coder/harvestapi/dev_fusion/
# apimaestro name, headline and first position): the baseline does less
# (no matching, no cleaning, one shape's paths per field).
# CPU time (user+sys), the least of LQ_BENCH_REPEAT (3) interleaved runs
# of each side (lib.sh's rounds).
set -u
cd "$(dirname "$0")/../.." || exit 2
. tests/bench/lib.sh
need_cmd jq "apt-get install jq"
n=${LQ_BENCH_ITEMS:-20000}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for f in tests/data/shapes/*.json; do jq -c 'if type == "array" then .[] else . end' "$f" || fail "jq could not read $f"; done |
	jq -c 'select(.person | not)' > "$T/one.jsonl"
[ -s "$T/one.jsonl" ] || fail "no fixture items in tests/data/shapes"
k=$(wc -l < "$T/one.jsonl")
python3 - "$T/one.jsonl" "$n" "$T/big.jsonl" "$T/in.ndjson" <<'PY'
import json, sys
items = [json.loads(l) for l in open(sys.argv[1])]
n = int(sys.argv[2])
with open(sys.argv[3], "w") as big, open(sys.argv[4], "w") as rec:
    for i in range(n):
        it = json.loads(json.dumps(items[i % len(items)]))
        slug = "bench-%d" % i
        for holder in (it, it.get("element") or {}, it.get("profile") or {}, it.get("basic_info") or {}):
            for k in ("publicIdentifier", "public_identifier"):
                if k in holder:
                    holder[k] = slug
            for k in ("inputUrl", "url", "linkedinUrl"):
                if k in holder:
                    holder[k] = "https://www.linkedin.com/in/%s/" % slug
        for q in ("query", "originalQuery"):
            if isinstance(it.get(q), dict):
                it[q] = {"url": "https://www.linkedin.com/in/%s/" % slug}
        for k in ("profileId", "id", "urn"):
            it.pop(k, None)
        for holder in (it.get("element") or {}, it.get("profile") or {}, it.get("basic_info") or {}):
            for k in ("id", "urn"):
                holder.pop(k, None)
        if "username" in it:
            it["username"] = slug
        big.write(json.dumps(it, ensure_ascii=False) + "\n")
        rec.write(json.dumps({"id": slug, "public_identifier": slug, "status": "discovered"}) + "\n")
PY
[ $? -eq 0 ] || fail "making the items failed"
lines_are "$T/big.jsonl" "$n"
lines_are "$T/in.ndjson" "$n"
rounds jq "jq -c '{name: (.firstName // .basic_info.fullname // .element.firstName // .profile.fullName // .fullName),
		headline: (.headline // .basic_info.headline // .element.headline // .profile.headline),
		title: ((.positions // .experience // .experiences // .element.experience // [])[0] | (.title // .position)?)}' \
		'$T/big.jsonl' > '$T/jq.out'" \
	lq "rm -rf '$T/cache'; LQ_CACHE_DIR='$T/cache' LQ_NO_CACHE=1 bin/scrape -q --from-dataset '$T/big.jsonl' < '$T/in.ndjson' > '$T/out.ndjson'"
lines_are "$T/jq.out" "$n"
enriched=$(grep -c '"status":"enriched"' "$T/out.ndjson")
[ "$enriched" -gt 0 ] || fail "scrape --from-dataset enriched no item"
echo "items: $n ($k fixtures of $(ls tests/data/shapes/*.json | wc -l) files repeated); enriched: $enriched"
awk -v a="$lq_cpu" -v b="$jq_cpu" -v kb="$lq_kb" -v n="$n" -v r="$REPEAT" 'BEGIN {
	printf "scrape --from-dataset: %.2f s CPU (%.1f us/item, least of %d runs), peak RSS %.0f MB\n", a, a * 1e6 / n, r, kb / 1024
	printf "baseline jq field pick: %.2f s CPU\n", b
	printf "ratio scrape / jq: %.2f\n", a / (b > 0 ? b : 0.001) }'
