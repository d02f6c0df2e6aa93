#!/bin/sh
# 30-cache.sh: the cache program: stats, verify, gc, path, bad arguments.
. "$(dirname "$0")/../lib.sh"

C=$LQ_CACHE_DIR
export C

# mkobj NS CREATED PAYLOAD [SEED]: writes an object file as docs/cache.md
# describes it (independently of the C code) and prints its path.
mkobj() {
	_key=$(printf '%s/%s' "$1" "${4:-$3}" | sha256sum | cut -c1-64)
	_sum=$(printf '%s' "$3" | sha256sum | cut -c1-64)
	_len=$(printf '%s' "$3" | wc -c | tr -d ' ')
	_d=$C/objects/$(echo "$_key" | cut -c1-2)
	mkdir -p "$_d"
	_f=$_d/$(echo "$_key" | cut -c3-)
	{ printf 'lqcache1 %s %s %s %s %s\n' "$_key" "$1" "$2" "$_len" "$_sum"; printf '%s' "$3"; } > "$_f"
	echo "$_f"
}

# ---- stats ----
expect 'stats --json on a missing cache directory: zeros, nothing created' \
	'cache stats --json && test ! -e "$C" && echo absent' <<EOF
{"dir":"$C","exists":false,"objects":0,"bytes":0,"hits":0,"misses":0,"stores":0,"unreadable":0,"tmp_files":0,"namespaces":{}}
absent
EOF

mkdir -p "$C/objects" "$C/tmp"
expect 'stats on an empty cache directory' 'cache stats' <<EOF
cache directory  $C
objects          0 (0 B)
temp files       0

namespace         objects      bytes      hits    misses    stores  oldest               newest
total                   0        0 B         0         0         0  -                    -
EOF

A=$(mkobj profile 1700000000 '{"id":"a"}')
B=$(mkobj profile 1710000000 '{"id":"bb"}')
E=$(mkobj embedding 1705000000 '[0.1,0.2]')
export A B E
mkdir -p "$C/stats"
cat > "$C/stats/hostA.log" <<'EOF'
{"time":1,"pid":1,"ns":{"profile":{"hits":3,"misses":2,"stores":2}}}
{"time":2,"pid":2,"ns":{"profile":{"hits":1,"misses":0,"stores":0},"embedding":{"hits":0,"misses":1,"stores":1}}}
EOF
printf '{"time":3,"pid":3,"ns":{"profile":{"hits":100' > "$C/stats/hostB.log"	# torn line

expect 'stats --json: objects and bytes per namespace, counters summed over hosts' \
	'cache stats --json 2>/dev/null | jq -c "[.objects, .bytes, .hits, .misses, .stores, .namespaces.profile, .namespaces.embedding]"' <<'EOF'
[3,514,4,3,3,{"objects":2,"bytes":343,"hits":4,"misses":2,"stores":2,"oldest":"2023-11-14T22:13:20Z","newest":"2024-03-09T16:00:00Z"},{"objects":1,"bytes":171,"hits":0,"misses":1,"stores":1,"oldest":"2024-01-11T19:06:40Z","newest":"2024-01-11T19:06:40Z"}]
EOF

ok 'stats: the byte counts are the object files sizes' \
	'test "$(cat "$A" "$B" "$E" | wc -c)" -eq 514'

expect 'stats: human table, namespaces sorted' 'cache stats 2>/dev/null' <<EOF
cache directory  $C
objects          3 (514 B)
temp files       0

namespace         objects      bytes      hits    misses    stores  oldest               newest
embedding               1      171 B         0         1         1  2024-01-11 19:06:40  2024-01-11 19:06:40
profile                 2      343 B         4         2         2  2023-11-14 22:13:20  2024-03-09 16:00:00
total                   3      514 B         4         3         3  2023-11-14 22:13:20  2024-03-09 16:00:00
EOF

stderr_has 'stats: a torn counters line is skipped and reported' \
	'stats: 1 unreadable counter lines skipped' 'cache stats'

ok 'stats -d DIR and --dir DIR name the directory' \
	'cache -d "$C" stats --json | jq -e ".objects == 3" && LQ_CACHE_DIR=/nonexistent cache stats --dir "$C" --json | jq -e ".objects == 3"'

status 'stats to a full disk fails' 3 'cache stats > /dev/full'

# ---- verify ----
expect 'verify: a clean cache prints nothing and exits 0' 'cache verify -q; echo "exit $?"' <<'EOF'
exit 0
EOF

cp "$B" "$T/B.good"
printf '{"id":"bX"}' | dd of="$B" bs=1 seek=$(( $(wc -c < "$B") - 11 )) conv=notrunc 2>/dev/null
head -c 100 "$A" > "$T/A.cut" && cp "$T/A.cut" "$A"
echo junk > "$C/objects/README"
expect 'verify: finds a flipped byte, a truncated object and a stray file; exit 1' \
	'cache verify -q | sort' <<EOF
$B: checksum mismatch
$C/objects/README: not an object (unexpected name or type)
$A: truncated
EOF
status 'verify: exit status 1 when corruption was found' 1 'cache verify'
stderr_has 'verify: summary on stderr' '4 checked, 3 corrupt$' 'cache verify'

expect 'stats: corrupt objects with a bad header count as unreadable' \
	'cache stats --json 2>/dev/null | jq -c "[.objects, .unreadable]"' <<'EOF'
[2,2]
EOF

expect 'verify --remove deletes them, a second verify is clean' \
	'cache verify --remove -q >/dev/null; echo "first $?"; cache verify -q; echo "second $?"; test -f "$E" && echo kept' <<'EOF'
first 1
second 0
kept
EOF

# A valid object stored under another key's name is corrupt too.
mkdir -p "$C/objects/ff"
cp "$T/B.good" "$C/objects/ff/$(printf 'f%.0s' $(seq 62))"
stderr_has 'verify: an object under the wrong name is reported' '1 corrupt' 'cache verify --fix >/dev/null'

# ---- gc ----
rm -rf "$C"
mkdir -p "$C/tmp"
O1=$(mkobj profile 1700000000 "$(printf '%0100d' 1)")
O2=$(mkobj profile 1700000000 "$(printf '%0100d' 2)")
O3=$(mkobj profile 1700000000 "$(printf '%0100d' 3)")
O4=$(mkobj profile 1700000000 "$(printf '%0100d' 4)")
export O1 O2 O3 O4
touch -d '40 days ago' "$O1"
touch -d '20 days ago' "$O2"
touch -d '10 days ago' "$O3"
touch -d '1 hour ago' "$O4"
SZ=$(wc -c < "$O1")
: > "$C/tmp/abandoned.XXXX" && touch -d '3 days ago' "$C/tmp/abandoned.XXXX"
: > "$C/tmp/writing.XXXX"

expect 'gc --dry-run removes nothing' \
	'cache gc -n --max-age 30d; find "$C/objects" -type f | wc -l' <<EOF
would remove 1 objects ($SZ B), 3 objects ($((3 * SZ)) B) remain; would remove 1 stale temp files
4
EOF

expect 'gc --max-age 30d evicts what was not used for 30 days and stale temp files' \
	'cache gc --max-age 30d; test ! -e "$O1" && test -e "$O2" && ls "$C/tmp"' <<EOF
removed 1 objects ($SZ B), 3 objects ($((3 * SZ)) B) remain; removed 1 stale temp files
writing.XXXX
EOF

expect 'gc --max-size evicts least recently used first until it fits' \
	"cache gc --max-size $((2 * SZ + 10)); test ! -e \"\$O2\" && test -e \"\$O3\" && test -e \"\$O4\" && echo lru" <<EOF
removed 1 objects ($SZ B), 2 objects ($((2 * SZ)) B) remain; removed 0 stale temp files
lru
EOF

expect 'gc --max-age in hours and --max-size 0 together' \
	'cache gc --max-age 12h --max-size 0 >/dev/null; find "$C/objects" -type f | wc -l' <<'EOF'
0
EOF

ok 'gc on a missing cache directory is a no-op' 'cache -d "$T/none" gc --max-age 1d'

# ---- path ----
expect 'path prints the cache directory' 'cache path; cache path -d /x/y; LQ_CACHE_DIR= XDG_CACHE_HOME=/xdg cache path' <<EOF
$C
/x/y
/xdg/lq
EOF

# ---- import ----
if have_shared "import of the sample dataset"; then
	I=$T/imp; export I
	jq -c 'to_entries[] | if .key % 2 == 0
		then {id: .value.profileId, linkedin_url: ("https://www.linkedin.com/in/" + .value.profileId), status: "discovered"}
		else {id: .value.publicIdentifier, linkedin_url: ("https://www.linkedin.com/in/" + .value.publicIdentifier + "/"), status: "discovered"} end' \
		"$SAMPLES/profiles.json" > people.ndjson
	stderr_has 'import of the sample export: a summary' \
		'imported 12 items from 1 file: [0-9]+ profile keys written, 0 bad items skipped' \
		'cache -d "$I" import "$SAMPLES/profiles.json"'
	expect 'import, then scrape --cache-only finds all 12 (unset token, no network)' \
		'LQ_CACHE_DIR=$I APIFY_API_TOKEN= scrape -q --cache-only < people.ndjson | jq -r "[.status, .cache.hit, .scrape_source] | @tsv" | sort | uniq -c' <<-'OUT'
	     12 enriched	true	import:profiles.json
	OUT
	ok 'imported objects pass verify' 'cache -d "$I" verify'
	ok 'import is idempotent: a second import writes the same keys' \
		'n=$(find "$I/objects" -type f | wc -l); cache -q -d "$I" import "$SAMPLES/profiles.json" && test "$(find "$I/objects" -type f | wc -l)" -eq "$n"'
	jq -c '.[]' "$SAMPLES/profiles.json" > ds.jsonl
	expect 'JSONL export from stdin, under another actor id: scrape with that actor hits' \
		'cache -q -d "$T/imp2" import --actor other/actor - < ds.jsonl && LQ_CACHE_DIR=$T/imp2 scrape -q --cache-only -a other/actor < people.ndjson | jq -r .status | uniq -c; LQ_CACHE_DIR=$T/imp2 scrape -q --cache-only < people.ndjson | jq -r .status | uniq -c' <<-'OUT'
	     12 enriched
	     12 failed
	OUT
else
	echo "# samples missing: sample-export import tests skipped" >&2
fi
printf '[{"publicIdentifier":"ann-a","firstName":"Ann","positions":[]},\n{"firstName":"broken",\n"x": }, 42,\n{"firstName":"NoKey"},\n{"publicIdentifier":"bob-b","firstName":"Bob"}]\n' > bad.json
stderr_has 'malformed item named by file and line' 'bad.json:[23]: malformed item' 'cache -d "$T/imp3" import bad.json'
stderr_has 'wrong-type item named by file and line' 'bad.json:3: item is not a JSON object' 'cache -d "$T/imp3" import bad.json'
stderr_has 'item without a key named by file and line' 'bad.json:4: item has no profile id, public identifier or profile URL' 'cache -d "$T/imp3" import bad.json'
stderr_has 'damaged dataset: good items still imported, bad ones counted' 'imported 2 items from 1 file: [0-9]+ profile keys written, 3 bad items skipped' 'cache -d "$T/imp3" import bad.json'
status 'damaged dataset: exit 1' 1 'cache -d "$T/imp3" import bad.json'
expect 'damaged dataset: the good items are in the cache' \
	'printf "%s\n" "{\"id\":\"ann-a\",\"status\":\"discovered\"}" "{\"id\":\"bob-b\",\"status\":\"discovered\"}" | LQ_CACHE_DIR=$T/imp3 scrape -q --cache-only | jq -r .name' <<-'OUT'
	Ann
	Bob
	OUT
: > empty.json
stderr_has 'empty file: nothing imported, said so' 'imported 0 items' 'cache -d "$T/imp4" import empty.json'
echo '"just a string"' > str.json
status 'a file of the wrong type: exit 1' 1 'cache -d "$T/imp4" import str.json'
stderr_has 'a file of the wrong type: named' 'str.json:1: not a dataset' 'cache -d "$T/imp4" import str.json'
echo '{"a":1}' > obj.json
stderr_has 'a lone object that is not a profile: its shape named by its keys' 'obj.json:1: unknown item shape: keys a' 'cache -d "$T/imp4" import obj.json'
status 'a missing file: exit 1, the others still imported' 1 'cache -d "$T/imp5" import nope.json bad.json'
stderr_has 'a missing file is named' 'nope.json: No such file' 'cache -d "$T/imp5" import nope.json'
status 'LQ_CACHE_READONLY: refused, exit 3' 3 'LQ_CACHE_READONLY=1 cache -d "$T/imp6" import bad.json'
status 'a cache directory that cannot be created: exit 3' 3 ': > notadir; cache -d notadir/c import bad.json'

# ---- bad arguments ----
status 'no subcommand is a usage error' 2 'cache'
status 'an unknown subcommand is a usage error' 2 'cache frobnicate'
status 'import without a file is a usage error' 2 'cache import'
status 'import --actor with an empty id is a usage error' 2 'cache import --actor "" x.json'
stderr_has 'unknown subcommand is named' "unknown subcommand 'frobnicate'" 'cache frobnicate'
status 'gc without limits is a usage error' 2 'cache gc'
stderr_has 'gc --max-age with a bad value names it' "max-age: 'soon' is not a duration" 'cache gc --max-age soon'
stderr_has 'gc --max-age with a bad unit' "max-age: '3y' is not a duration" 'cache gc --max-age 3y'
stderr_has 'gc --max-age negative' "max-age: '-1d' is not a duration" 'cache gc --max-age -1d'
stderr_has 'gc --max-size with a bad unit' "max-size: '5X' is not a size" 'cache gc --max-size 5X'
stderr_has 'gc --max-size huge' "max-size: 99999999T is too large" 'cache gc --max-size 99999999T'
status 'gc --max-size 1.5GiB is accepted' 0 'cache gc --max-size 1.5GiB'
status 'stats with an operand is a usage error' 2 'cache stats extra'
status 'an unknown option of a subcommand' 2 'cache verify --frobnicate'
stderr_has 'usage names the subcommand' '^usage: cache verify ' 'cache verify --frobnicate'
ok 'cache --help lists the subcommands' 'cache --help | grep -q "^  gc " && cache --help | grep -q "^  verify "'
ok 'cache stats --help exits 0 and documents --json' 'cache stats --help | grep -q -- "--json"'
ok '--version' 'cache --version | grep -q "^cache (lq) "'

# Every option of every subcommand is in the man page.
sed 's/\\//g' "$TOP/docs/man/lq-cache.1" > "$T/man.txt"
ok 'every option in --help is in docs/man/lq-cache.1' '
	for s in "" stats verify gc path; do
		cache $s --help | sed -n "s/^  *\(-., \)\{0,1\}\(--[a-z-]*\).*/\2/p"
	done | sort -u > opts.txt
	test -s opts.txt &&
	while read -r o; do grep -q -- "$o" "$T/man.txt" || { echo "missing $o"; exit 1; }; done < opts.txt'

done_testing
