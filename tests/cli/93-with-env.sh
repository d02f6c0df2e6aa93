#!/bin/sh
# 93-with-env.sh: the .env loader takes only names lq reads; nothing in the file runs or changes which code runs.
. "$(dirname "$0")/../lib.sh"
W=$TOP/pipelines/with-env.sh
export W

cat > hostile.env <<'ENV'
# a client's .env, with a few lines that must not take effect
OPENAI_API_KEY=sk-fromfile
export APIFY_API_TOKEN="apify-fromfile"
LQ_CACHE_DIR='/tmp/lq-from-env'
PATH=/tmp/evil
LD_PRELOAD=/tmp/evil.so
LD_LIBRARY_PATH=/tmp/evil
LQ_EXEC_PATH=/tmp/evil
BASH_ENV=/tmp/evil.sh
IFS=x
HOME=/tmp/evil
$(touch pwned)
not a setting
ENV
printf 'JINA_API_KEY=jina-fromfile\r\nLQ_THREADS=1\r\n' > crlf.env

sh "$W" hostile.env env > env.out 2> env.err
st=$?
ok 'known names are exported: keys, base URLs, LQ_* settings' \
	"test $st -eq 0 && grep -qx OPENAI_API_KEY=sk-fromfile env.out && grep -qx APIFY_API_TOKEN=apify-fromfile env.out && grep -qx LQ_CACHE_DIR=/tmp/lq-from-env env.out"
ok 'PATH, LD_PRELOAD, LD_LIBRARY_PATH, LQ_EXEC_PATH, BASH_ENV, IFS, HOME from the file do not take effect' \
	"! grep -q '/tmp/evil' env.out && ! grep -q '^IFS=x' env.out"
expect 'each refused name is named with file:line' 'sed "s/;.*//" env.err' <<-'OUT'
	with-env.sh: hostile.env:5: PATH is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:6: LD_PRELOAD is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:7: LD_LIBRARY_PATH is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:8: LQ_EXEC_PATH names the programs lq runs and is not taken from an env file
	with-env.sh: hostile.env:9: BASH_ENV is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:10: IFS is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:11: HOME is not a setting lq reads (LQ_*, API keys, base URLs)
	with-env.sh: hostile.env:12: ignoring a line that is not KEY=VALUE
	with-env.sh: hostile.env:13: ignoring a line that is not KEY=VALUE
	OUT
ok 'nothing in the file ran, and no value was printed' '! test -e pwned && ! grep -q fromfile env.err'
ok 'CRLF .env files load' 'sh "$W" crlf.env env | grep -qx JINA_API_KEY=jina-fromfile && sh "$W" crlf.env env | grep -qx LQ_THREADS=1'
status 'an unreadable file stops with 3' 3 'sh "$W" missing.env true'
status 'no command: usage, 2' 2 'sh "$W" hostile.env'
done_testing
