#!/bin/sh
# 98-engines.sh: hadoop-mapper.sh, a Hadoop Streaming job in local mode (jars from Maven Central) and Spark (pyspark, local mode), byte for byte against the serial stages.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
need_model
DEMO=$TOP/pipelines/demo
P=$TOP/pipelines
unset OPENAI_API_KEY APIFY_API_TOKEN JINA_API_KEY COHERE_API_KEY LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD LQ
export LQ_THREADS=1
# The lq under test, for the mapper, hadoop-local.sh (-cmdenv LQ) and spark-pipe.py.
LQ=$LQ_BIN/lq
export LQ

# embed goes to the mock OpenAI server, which demands a key; the key is in
# a 0600 file the recipes are given (-e), never in this environment.
# --refresh: every run embeds again, so each run's requests show that its
# stages had the key.
KEY=sk-test-EnginesKeyFromAFile58
export KEY
mock_start openai --key "$KEY" --dim 32
printf '# keys\nOPENAI_API_KEY=%s\n' "$KEY" > keys.env
chmod 600 keys.env
cat > lq.conf <<EOF
scrape = --from-dataset $DEMO/profiles.json
embed = --backend openai --dimensions 32 --retry-delay 0.01 --refresh
EOF
extract-urls "$DEMO/followers.html" > leads.ndjson 2>/dev/null
# A warm profile cache: every scrape below is a hit (records carry cache.hit).
scrape -q --from-dataset "$DEMO/profiles.json" < leads.ndjson > /dev/null
# serial: the reference, the four stages one after the other.
mkdir -p "$T/tbin"
cat > "$T/tbin/serial" <<EOF
#!/bin/sh
exec sh '$P/with-env.sh' keys.env sh -c 'scrape -q --from-dataset "$DEMO/profiles.json" | embed -q --backend openai --dimensions 32 --retry-delay 0.01 --refresh | classify -q | score -q "$DEMO/icp.json"'
EOF
chmod +x "$T/tbin/serial"
# embedded: inputs the mock embedded with the key so far.
printf '#!/bin/sh\njq -s "map(select(.path == \\"/v1/embeddings\\" and .status == 200 and .auth) | .n) | add // 0" "%s/mock.log"\n' "$T" > "$T/tbin/embedded"
chmod +x "$T/tbin/embedded"
echo '{"client": "x", "target_titles": "not a list"}' > bad-icp.json
tab=$(printf '\t')

# hadoop-mapper.sh -k: the keyed lines Streaming gives a mapper
# (stream.map.input.ignoreKey=false: the byte offset, a tab, the line).
awk '{ print (NR * 100) "\t" $0 } NR == 3 { print "250\t  " } END { print "9999\t" }' leads.ndjson > keyed.in
ok 'mapper -k: every record back with its key, in order, blank lines left out as lq does' \
	"b=\$(embedded); bash '$P/hadoop-mapper.sh' -k -c lq.conf -e keys.env '$DEMO/icp.json' < keyed.in > keyed.out 2> keyed.err && test ! -s keyed.err &&
	 test \"\$(cut -f1 keyed.out | tr '\n' ' ')\" = \"\$(seq 100 100 2500 | tr '\n' ' ')\" && test \$((\$(embedded) - b)) -eq 25"
ok 'mapper -k: the records are those of the serial stages' "serial < leads.ndjson > serial.ndjson && cut -f2- keyed.out | cmp - serial.ndjson"
status 'mapper -k: a line without KEY<TAB>: exit 2' 2 "head -3 leads.ndjson | bash '$P/hadoop-mapper.sh' -k -c lq.conf '$DEMO/icp.json' > /dev/null 2> nokey.err"
ok '... naming the line and the Streaming setting' "grep -q 'input line 1 has no KEY<TAB>.*stream.map.input.ignoreKey=false' nokey.err"
status 'mapper -k: a failing stage is the exit status, its message shown once' 3 \
	"bash '$P/hadoop-mapper.sh' -k -c lq.conf -e keys.env bad-icp.json < keyed.in > /dev/null 2> fail.err"
ok '... and no complaint about record counts' "grep -q 'score: bad-icp.json' fail.err && ! grep -q 'records than' fail.err"
ok 'mapper -e: the key is not in the output or the messages' "! grep -q '$KEY' keyed.out keyed.err fail.err"
# Hostile keyed lines: not JSON, CRLF endings, a blank line with a CR, a
# 1 MB line, a lone byte-order mark at offset 0, no newline at the end.
{
	printf '0\t\357\273\277\n'
	printf '10\t{"id": broken\n'
	printf '20\t%s\r\n' "$(sed -n 1p leads.ndjson)"
	printf '30\t \r\n'
	printf '40\t{"id":"huge","linkedin_url":"https://www.linkedin.com/in/huge/","pad":"%s"}\n' "$(head -c 1000000 /dev/zero | tr '\0' x)"
	printf '50\t%s' "$(sed -n 2p leads.ndjson)"
} > hostile.in
ok 'mapper -k, hostile lines: four records with their keys, failed ones included, exit 0' \
	"bash '$P/hadoop-mapper.sh' -k -c lq.conf -e keys.env '$DEMO/icp.json' < hostile.in > hostile.out 2> hostile.err &&
	 test \"\$(cut -f1 hostile.out | tr '\n' ' ')\" = '10 20 40 50 ' &&
	 test \"\$(cut -f2- hostile.out | jq -r .status | tr '\n' ' ')\" = 'failed qualified failed qualified '"

# Hadoop Streaming in local mode. The jars come from Maven Central (once,
# into a per-user cache); without Java, Maven or the network: skipped.
JARS=${LQ_HADOOP_JARS:-${XDG_CACHE_HOME:-$HOME/.cache}/lq/hadoop-${LQ_HADOOP_VERSION:-3.4.2}}
if ! command -v java >/dev/null 2>&1 || { ! command -v mvn >/dev/null 2>&1 && [ ! -f "$JARS/.complete" ]; }; then
	echo "skipped: $_script: the Hadoop Streaming job: needs Java and (once, for the jars) Maven"
elif ! sh "$P/hadoop-local.sh" --fetch > fetch.log 2>&1; then
	if grep -Eq 'Could not transfer|UnknownHost|Unknown host|unreachable|Connection refused|timed out|Temporary failure in name resolution|Network is' fetch.log; then
		echo "skipped: $_script: the Hadoop Streaming job: Maven Central is not reachable"
	else
		ok 'hadoop-local.sh --fetch: the jars' 'cat fetch.log; false'
	fi
else
	# Splits of 1/3.05 of the input: Hadoop makes the last split the
	# largest (1.05 of the others) and numbers parts by split size, so
	# part-00000 holds the end of the input.
	size=$(wc -c < leads.ndjson)
	ok 'Hadoop local job: exit 0, no message, 25 embedded with the key from -e, three parts named part-00000.. (not part-m-*)' \
		"b=\$(embedded); sh '$P/hadoop-local.sh' -w job -j 2 -s $((size * 100 / 305)) -c lq.conf -e keys.env '$DEMO/icp.json' < leads.ndjson > hadoop.ndjson 2> hadoop.err &&
		 test ! -s hadoop.err && test \$((\$(embedded) - b)) -eq 25 && test \"\$(cd job/out && ls part-* | tr '\n' ' ')\" = 'part-00000 part-00001 part-00002 '"
	ok 'Hadoop: the parts are not in input order (part-00000 starts past offset 0)' \
		"test \"\$(head -n 1 job/out/part-00000 | cut -f1)\" -gt 0 && ! cat job/out/part-* | cut -f2- | cmp -s - serial.ndjson"
	ok 'Hadoop: merged by offset, byte-identical to the serial stages (25 records)' \
		"cmp serial.ndjson hadoop.ndjson && test \$(grep -c . hadoop.ndjson) -eq 25"
	ok 'Hadoop: the CSV after rerank and to-csv is byte-identical too' \
		"rerank -q '$DEMO/icp.json' < serial.ndjson | to-csv -q > serial.csv && rerank -q '$DEMO/icp.json' < hadoop.ndjson | to-csv -q > hadoop.csv && cmp serial.csv hadoop.csv"
	ok 'Hadoop: the tasks used LQ_CACHE_DIR given by -cmdenv (every profile a hit)' \
		"test \$(jq -r .cache.hit hadoop.ndjson | grep -c true) -eq 25"
	ok 'Hadoop: the key is in no file of the job (input, parts, log, staging)' "! grep -rq '$KEY' job"
	status 'Hadoop: a failing stage fails the job: exit 3' 3 \
		"sh '$P/hadoop-local.sh' -j 2 -c lq.conf -e keys.env bad-icp.json < leads.ndjson > hbad.out 2> hbad.err"
	ok '... with the stage message from the log, nothing on stdout' \
		"grep -q 'score: icp.json: line 1: target_titles' hbad.err && grep -q 'the Hadoop job failed' hbad.err && test ! -s hbad.out"
fi
status 'hadoop-local.sh: an unknown option is a usage error' 2 "sh '$P/hadoop-local.sh' --frobnicate < /dev/null 2> /dev/null"
status 'hadoop-local.sh: an unreadable ICP: exit 3' 3 "command -v java > /dev/null || exit 3; sh '$P/hadoop-local.sh' nope.json < leads.ndjson 2> /dev/null"

# Spark, when pyspark is importable by $LQ_SPARK_PYTHON (default python3):
# pyspark is big (~500 MB with its jars) and no part of lq's install, so
# the tests never install it; pip install pyspark, then they run.
SPY=${LQ_SPARK_PYTHON:-python3}
if ! command -v java >/dev/null 2>&1 || ! "$SPY" -c 'import pyspark' 2>/dev/null; then
	echo "skipped: $_script: the Spark recipe: pyspark is not importable by $SPY (pip install pyspark, or set LQ_SPARK_PYTHON)"
else
	ok 'Spark local: textFile | pipe in 3 partitions, to stdout: 25 embedded with the key from -e, byte-identical to the serial stages' \
		"b=\$(embedded); '$SPY' '$P/spark-pipe.py' -c lq.conf -e keys.env --partitions 3 '$DEMO/icp.json' leads.ndjson > spark.ndjson 2> spark.err &&
		 test \$((\$(embedded) - b)) -eq 25 && cmp serial.ndjson spark.ndjson && ! grep -q '$KEY' spark.err"
	ok 'Spark local: --output DIR: its part files in name order are the serial output' \
		"'$SPY' '$P/spark-pipe.py' -c lq.conf -e keys.env --partitions 3 --output sparkout '$DEMO/icp.json' leads.ndjson 2> spark2.err &&
		 test \$(ls sparkout/part-* | wc -l) -ge 3 && cat sparkout/part-* | cmp - serial.ndjson"
	status 'Spark: a failing stage fails the job: exit 3' 3 \
		"'$SPY' '$P/spark-pipe.py' -c lq.conf --partitions 2 bad-icp.json leads.ndjson > sbad.out 2> sbad.err"
	ok '... with the stage message and one line saying so, nothing on stdout' \
		"grep -q 'score: bad-icp.json: line 1: target_titles' sbad.err && grep -q 'spark-pipe.py: the stages failed on a partition (exit 3' sbad.err && test ! -s sbad.out"
fi
mock_stop

done_testing
