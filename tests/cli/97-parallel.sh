#!/bin/sh
# 97-parallel.sh: pipelines/parallel.sh: options, blocks sized from the input, job log and resume, -S hosts, keys never in argv.
LQ_MODEL_DIR=${LQ_MODEL_DIR:-${LQ_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lq}/models/all-MiniLM-L6-v2}
export LQ_MODEL_DIR
. "$(dirname "$0")/../lib.sh"
. "$TOP/tests/mock/lib.sh"
need_model
if ! command -v parallel >/dev/null 2>&1; then
	echo "skipped: $_script: GNU parallel is not installed (apt-get install parallel)"
	done_testing
fi
DEMO=$TOP/pipelines/demo
P=$TOP/pipelines
unset OPENAI_API_KEY APIFY_API_TOKEN JINA_API_KEY COHERE_API_KEY LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_SCORE_METHOD
export LQ_THREADS=1

# The serial stages on a warm cache are the reference (records carry the
# cache provenance of their profile).
extract-urls "$DEMO/followers.html" > leads.ndjson 2>/dev/null
scrape -q --from-dataset "$DEMO/profiles.json" < leads.ndjson > /dev/null
scrape -q --from-dataset "$DEMO/profiles.json" < leads.ndjson > s1.ndjson
embed -q < s1.ndjson > s2.ndjson
classify -q < s2.ndjson > s3.ndjson
score -q "$DEMO/icp.json" < s3.ndjson > s4.ndjson
ok 'the serial reference: 25 scored records' 'test "$(grep -c "\"icp_score\"" s4.ndjson)" -eq 25'

# pl: parallel.sh running the lq under test (not the build tree's bin/lq).
mkdir -p "$T/tbin"
PATH=$T/tbin:$PATH
printf '#!/bin/sh\nexec sh "%s/parallel.sh" --lq "%s/lq" "$@"\n' "$P" "$LQ_BIN" > "$T/tbin/pl"
chmod +x "$T/tbin/pl"
# blocks LOG: the blocks a --joblog run logged.
printf '#!/bin/sh\nawk -F "\\t" '"'"'$1 ~ /^[0-9]+$/'"'"' "$1" | wc -l\n' > "$T/tbin/blocks"
chmod +x "$T/tbin/blocks"

# Options: long and short forms, as GNU parallel spells them.
ok '--jobs 2 (the long form that was refused) runs, byte-identical to serial' \
	"pl --jobs 2 score '$DEMO/icp.json' < s3.ndjson > o1.ndjson 2> o1.err && cmp s4.ndjson o1.ndjson && test ! -s o1.err"
ok '--jobs=2, -j2, -j 2 --block 2k, --block=2k, -b2k: the same output' \
	"for o in '--jobs=2' '-j2' '-j 2 --block 2k' '--block=2k' '-b2k'; do
		pl \$o scrape --from-dataset '$DEMO/profiles.json' < leads.ndjson > o2.ndjson && cmp s1.ndjson o2.ndjson || exit 1
	done"
ok '-- ends the options' "pl -j 2 -- scrape --from-dataset '$DEMO/profiles.json' < leads.ndjson | cmp - s1.ndjson"
status 'an unknown option: usage error' 2 "pl --frobnicate score < s3.ndjson"
stderr_has 'an unknown option is named' 'unknown option --frobnicate' "pl --frobnicate score < s3.ndjson"
status '--jobs without a value: usage error' 2 "pl --jobs"
stderr_has '--jobs with a word: named' "--jobs: 'many' is not a number" "pl --jobs many score < s3.ndjson"
stderr_has '--block with a word: named' "--block: 'big' is not a size" "pl --block big score < s3.ndjson"
status 'no stage: usage error' 2 "pl -j 2 < s3.ndjson"
status '--resume-failed without --joblog: usage error' 2 "pl --resume-failed score < s3.ndjson"
status 'rerank refused (needs all records)' 2 "pl rerank '$DEMO/icp.json' < s4.ndjson"
expect '--help: the options and exit status' "pl --help | grep -o -e '^  -[a-zA-Z-]*, --[a-z]*' -e '^  --[a-z-]*' -e 'Exit status'" <<-'OUT'
	  -j, --jobs
	  -S, --sshlogin
	  -b, --block
	  --joblog
	  --resume-failed
	  --lq
	Exit status
	OUT

# Blocks sized from the input: four per job slot (1 KiB at least), so a
# small export is still split; a piped input is spooled to be measured.
ok 'a 25-record input (150 kB) with 2 jobs: 8 to 9 blocks, byte-identical' \
	"pl -j 2 --joblog jl1 score '$DEMO/icp.json' < s3.ndjson > b1.ndjson && cmp s4.ndjson b1.ndjson && n=\$(blocks jl1) && test \$n -ge 8 && test \$n -le 9"
ok 'the same input through a pipe: the same blocks, byte-identical' \
	"cat s3.ndjson | pl -j 2 --joblog jl2 scrape --cache-only > b2.ndjson && scrape -q --cache-only < s3.ndjson > b2-serial.ndjson &&
	 cmp b2-serial.ndjson b2.ndjson && test \$(blocks jl2) -eq \$(blocks jl1)"
ok 'leads (7.7 kB) for scrape with 2 jobs: several blocks (1 KiB floor), byte-identical' \
	"pl -j 2 --joblog jl3 scrape --from-dataset '$DEMO/profiles.json' < leads.ndjson > b3.ndjson && cmp s1.ndjson b3.ndjson && test \$(blocks jl3) -ge 6"
ok 'the job log and the kept blocks are private (0600 files, 0700 directories)' \
	'test "$(stat -c %a jl1 jl1.blocks jl1.blocks/1 jl1.blocks/1/stdout | tr "\n" " ")" = "600 700 700 600 "'
ok 'empty input: empty output, exit 0' "pl -j 2 score '$DEMO/icp.json' < /dev/null > e.out && test ! -s e.out"

# Bad input goes through as the serial stage writes it: malformed lines, a
# blank line, a 2 MB line, a line without a newline at the end. A failed
# record's message and error.line count lines within its block, the only
# difference from the serial stage.
{
	sed -n 1,3p leads.ndjson
	echo '{"id": broken'
	echo
	printf '{"id":"huge","linkedin_url":"https://www.linkedin.com/in/huge/","pad":"%s"}\n' "$(head -c 2000000 /dev/zero | tr '\0' x)"
	echo 'not json at all'
	sed -n 4,6p leads.ndjson
	printf '{"id":"last","linkedin_url":"https://www.linkedin.com/in/last/"}'
} > bad.ndjson
printf '#!/bin/sh\nsed -e "s/<stdin>:[0-9]*:/<stdin>:N:/" -e "s/\\"line\\":[0-9]*/\\"line\\":N/" "$@"\n' > "$T/tbin/noline"
chmod +x "$T/tbin/noline"
ok 'hostile input: the same records, failed ones included, as the serial stage' \
	"scrape -q --cache-only < bad.ndjson > bad-serial.ndjson; s=\$?; pl -j 2 scrape --cache-only < bad.ndjson > bad-par.ndjson 2> bad.err; p=\$?;
	 test \$s -eq 0 && test \$p -eq 0 && test \$(grep -c . bad-par.ndjson) -eq 10 &&
	 noline bad-serial.ndjson > a && noline bad-par.ndjson > b && cmp a b && test \$(grep -c invalid_json b) -eq 2"

# --joblog and --resume-failed: a host that dies on one block (a wrapper
# around lq, given with --lq, that fails while $T/down exists on the
# block holding one lead). The resumed run reruns only what did not
# finish and writes the whole output in order.
VICTIM=$(sed -n 14p s3.ndjson | jq -r .id)
cat > "$T/tbin/flaky-lq" <<EOF
#!/bin/sh
echo run >> "$T/flaky.runs"
tee "$T/flaky.in.\$\$" | lq "\$@" > "$T/flaky.out.\$\$"
st=\$?
if [ -e "$T/down" ] && grep -q '"$VICTIM"' "$T/flaky.in.\$\$"; then
	echo "flaky-lq: host lost" >&2; st=75
fi
cat "$T/flaky.out.\$\$"; rm -f "$T/flaky.in.\$\$" "$T/flaky.out.\$\$"
exit \$st
EOF
chmod +x "$T/tbin/flaky-lq"
touch down
status 'a block fails: the stage status, nothing written' 75 \
	"pl -j 2 --joblog rj --lq flaky-lq score '$DEMO/icp.json' < s3.ndjson > r1.ndjson 2> r1.err; st=\$?; test ! -s r1.ndjson || exit 99; exit \$st"
ok 'the message names the failed block and says how to resume; the block message is shown' \
	'grep -q "blocks not finished: [0-9]" r1.err && grep -q -- "--resume-failed" r1.err && grep -q "flaky-lq: host lost" r1.err'
NRUN=$(grep -c . flaky.runs)
rm -f down flaky.runs
ok '--resume-failed: only the blocks that did not finish run again' \
	"pl -j 2 --joblog rj --resume-failed --lq flaky-lq score '$DEMO/icp.json' < s3.ndjson > r2.ndjson &&
	 test \$(grep -c . flaky.runs) -ge 1 && test \$(grep -c . flaky.runs) -lt \$(blocks jl1) && test \$(grep -c . flaky.runs) -le \$((\$(blocks jl1) - $NRUN + 1))"
ok '--resume-failed: the whole output, byte-identical to serial' 'cmp s4.ndjson r2.ndjson'
ok '--resume-failed again when all is done: nothing runs, the whole output again' \
	"rm -f flaky.runs; pl -j 2 --joblog rj --resume-failed --lq flaky-lq score '$DEMO/icp.json' < s3.ndjson > r3.ndjson && test ! -e flaky.runs && cmp s4.ndjson r3.ndjson"
status '--resume-failed on another input: refused' 3 "pl -j 2 --joblog rj --resume-failed score '$DEMO/icp.json' < s2.ndjson > /dev/null"
stderr_has '... saying why' 'input or the block size differs' "pl -j 2 --joblog rj --resume-failed score '$DEMO/icp.json' < s2.ndjson"
status '--resume-failed with no earlier run: refused' 3 "pl --joblog nolog --resume-failed score '$DEMO/icp.json' < s3.ndjson > /dev/null 2>&1"
mkdir -p mine.blocks
status '--joblog never removes a FILE.blocks it did not write' 3 "pl --joblog mine score '$DEMO/icp.json' < s3.ndjson > /dev/null 2>&1"

# -S hosts, with lq from the hosts' PATH (the default), through an ssh
# that runs the remote command here with a clean environment (PATH, HOME,
# SHELL and the user, as a non-interactive ssh login has) and logs its
# own command line. Keys travel on the jobs' standard input: no process
# here or "there" ever has a key in its command line.
mkdir -p "$T/sshbin" "$T/remote"
cat > "$T/sshbin/ssh" <<EOF
#!/bin/sh
printf '%s\n' "\$*" >> "$T/ssh.argv"
while [ \$# -gt 0 ]; do
	case \$1 in
	-[lpioF]) shift 2 ;;
	--) shift; break ;;
	-*) shift ;;
	*) shift; break ;;
	esac
done
[ "\${1:-}" != -- ] || shift
exec env -i SHELL=/bin/sh USER="\$(id -un)" LOGNAME="\$(id -un)" PATH="$LQ_BIN:/usr/bin:/bin" HOME="$T/remote" sh -c "\$*"
EOF
chmod +x "$T/sshbin/ssh"
# A sampler of every process's command line, 100 times a second.
cat > sample.py <<'EOF'
import os, sys, time
seen = set()
with open(sys.argv[1], "w") as out:
    while not os.path.exists(sys.argv[2]):
        for pid in os.listdir("/proc"):
            if pid.isdigit():
                try:
                    with open("/proc/%s/cmdline" % pid, "rb") as f:
                        c = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
                except OSError:
                    continue
                if c and c not in seen:
                    seen.add(c)
                    out.write(c + "\n")
                    out.flush()
        time.sleep(0.01)
EOF
KEY=sk-test-ParallelKeyNeverInArgv91
export KEY
mock_start openai --key "$KEY" --dim 32 --latency-ms 150
python3 sample.py cmdlines stop-sampling &
SAMPLER=$!
export OPENAI_API_KEY=$KEY LQ_EMBED_BACKEND=openai
ok '-S fakehost and this machine: embed through the keyed mock, byte-identical to serial' \
	"PATH=$T/sshbin:\$PATH sh '$P/parallel.sh' -S 1/fakehost,1/: --joblog sj embed --dimensions 32 --retry-delay 0.01 < s1.ndjson > h.ndjson 2> h.err &&
	 embed -q --dimensions 32 < s1.ndjson > h-serial.ndjson && cmp h-serial.ndjson h.ndjson && test ! -s h.err"
ok 'without -S too (local jobs inherit the environment)' \
	"pl -j 2 embed --dimensions 32 --retry-delay 0.01 < s1.ndjson > h2.ndjson && cmp h-serial.ndjson h2.ndjson"
touch stop-sampling
wait "$SAMPLER"
mock_stop
unset OPENAI_API_KEY LQ_EMBED_BACKEND
ok 'blocks ran on the fake host and here, through ssh: 25 inputs embedded, every request with the key' \
	"cut -f2 sj | grep -qx fakehost && cut -f2 sj | grep -qx : && test -s ssh.argv &&
	 test \$(jq -s 'map(select(.path == \"/v1/embeddings\" and .status == 200 and .auth) | .n) | add' mock.log) -eq 25 &&
	 test \$(jq -s 'map(select(.path == \"/v1/embeddings\" and .status != 200)) | length' mock.log) -eq 0"
ok 'the sampler saw the jobs (lq embed, the GNU parallel worker on the host)' \
	"grep -q 'embed --quiet --dimensions 32' cmdlines && grep -q 'perl.*GNU_Parallel_worker' cmdlines"
HEXKEY=$(printf %s "$KEY" | od -An -tx1 | tr -d ' \n')
HEXKEYU=$(echo "$HEXKEY" | tr a-f A-F)
# (The mock server, not lq, is told the key it demands on its command line.)
ok 'the key is in no command line here or on the host: plain or hex-encoded (GNU parallel --env hex-encodes)' \
	"grep -v 'tests/mock/openai.py' cmdlines > cmdlines.lq && ! grep -q -e '$KEY' -e '$HEXKEY' -e '$HEXKEYU' cmdlines.lq ssh.argv"
ok 'nor in the job log, the kept blocks or the messages' "! grep -rq -e '$KEY' -e '$HEXKEY' sj sj.blocks h.err"

done_testing
