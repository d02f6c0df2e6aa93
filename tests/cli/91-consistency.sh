#!/bin/sh
# 91-consistency.sh: every program the same way: synopses list every option of the
# table; --strict only where it exists; an unknown backend exits 2; one -m/--model-dir
# scheme; lq -q quiets the command; lq finds its programs without /proc.
. "$(dirname "$0")/../lib.sh"
unset LQ_EMBED_BACKEND LQ_CLASSIFY_BACKEND LQ_RERANK_BACKEND LQ_ICP_BACKEND LQ_SCORE_METHOD
ICP=$TOP/pipelines/demo/icp.json

# Each program, and each subcommand that has its own options.
cmds=
for p in "$LQ_BIN"/*; do
	[ -x "$p" ] && [ -f "$p" ] || continue
	cmds="$cmds $(basename "$p")"
done
cmds="$cmds cache:stats cache:verify cache:gc cache:import cache:path icp:check model:fetch model:path"
ok 'the programs were found' 'test $(echo '"$cmds"' | wc -w) -ge 20'

for c in $cmds; do
	cmd=$(echo "$c" | tr : ' ')
	run="$LQ_BIN/$cmd"	# not the shell's eval
	$run --help > "help" 2> /dev/null
	# the synopsis: the usage line and the lines indented under it
	awk 'NR == 1 { print; next } /^ / { print; next } { exit }' help > synopsis
	grep -oE '^  (-[a-zA-Z0-9], |    )--[a-z0-9-]+' help | grep -oE -- '--[a-z0-9-]+' |
		grep -vx -- '--help' | grep -vx -- '--version' > longs
	missing=
	while read -r o; do
		short=$(grep -E "^  -[a-zA-Z0-9], $o( |\$)" help | sed 's/^  \(-[a-zA-Z0-9]\),.*/\1/')
		# an option appears as --name, or as its short form -x
		grep -qE -- "(^|[[ |])$o([] |]|\$)" synopsis ||
			{ [ -n "$short" ] && grep -qE -- "(^|[[ |])$short([] |]|\$)" synopsis; } ||
			missing="$missing $o"
	done < longs
	ok "$cmd: the synopsis names every option of --help${missing:+ (missing:$missing)}" \
		"test -s longs && test -z '$missing'"
	# a bad call prints the same synopsis on stderr, after the message
	$run --no-such-option < /dev/null > /dev/null 2> bad
	ok "$cmd: a bad call shows the same synopsis" \
		"sed -n '2,$(($(grep -c . synopsis) + 1))p' bad | cmp -s - synopsis"
	if ! grep -qx -- '--strict' longs; then
		ok "$cmd: no --strict, and --help does not mention it" '! grep -q -- --strict help'
	fi
	if grep -q 'lq-[a-z-]*(1)\|lq(1)' help; then
		ok "$cmd: --help names manual pages as lq-NAME(1)" \
			"! grep -oE '(^|[^-a-z])(extract-urls|scrape|embed|classify|score|rerank|to-csv|cache|eval|calls|icp-extract|icp|model)\\(1\\)' help | grep -q ."
	fi
done

# An unknown backend: exit 2 and a message naming where it came from, in
# every program with --backend (from its --help; the variable from its
# help line too).
nb=0
for p in $cmds; do
	case $p in *:*) continue ;; esac
	$p --help > help 2> /dev/null
	grep -qE '^  +--backend ' help || continue
	nb=$((nb + 1))
	var=$(grep -E '^  +--backend ' help | grep -oE '\$LQ_[A-Z]+_BACKEND' | tr -d '$')
	ops=	# an ICP for the programs whose synopsis asks for one
	awk 'NR == 1 { print; next } /^ / { print; next } { exit }' help | grep -q 'icp\.json' && ops=$ICP
	status "$p: --backend nosuch exits 2" 2 "$p --backend nosuch $ops < /dev/null"
	stderr_has "$p: --backend nosuch: the message names the flag and the choices" \
		"$p: --backend: unknown backend 'nosuch' \\(local, " "$p --backend nosuch $ops < /dev/null"
	ok "$p: --help names its backend variable" "test -n '$var'"
	status "$p: $var=nosuch exits 2" 2 "$var=nosuch $p $ops < /dev/null"
	stderr_has "$p: $var=nosuch: the message names the variable" \
		"$p: $var: unknown backend 'nosuch'" "$var=nosuch $p $ops < /dev/null"
	# -m/--model names a remote model: with the local backend it is a usage error
	if grep -qE '^  -m, --model ' help; then
		status "$p: -m with the local backend exits 2" 2 "$p --backend local -m somemodel $ops < /dev/null"
		stderr_has "$p: -m with the local backend: points to --model-dir" '--model-dir' \
			"$p --backend local -m somemodel $ops < /dev/null"
	fi
done
ok 'four programs have --backend (embed, classify, rerank, icp-extract)' "test $nb -eq 4"

# One model scheme: every program that runs the local encoder takes
# --model-dir DIR, and -m/--model is never a folder.
for p in embed classify score rerank icp-extract; do
	$p --help > help
	ok "$p: --model-dir DIR is the local encoder's folder" "grep -qE '^  +--model-dir DIR +.*folder' help"
	ok "$p: -m/--model, when it has one, takes a NAME, not a folder" \
		"! grep -E '^  +(-m, )?--model ' help | grep -q 'DIR\\|folder'"
done
status 'score: --model, the old name, still works as an abbreviation of --model-dir' 3 \
	"score --model /nonexistent-dir '$ICP' < /dev/null"
stderr_has 'score: --model DIR: the folder is named in the error' '/nonexistent-dir' \
	"score --model /nonexistent-dir '$ICP' < /dev/null"

# lq -q COMMAND quiets the command: no summary line.
printf '%s\n' https://www.linkedin.com/in/ann-example/ > urls.txt
stderr_has 'lq extract-urls: a summary on stderr' 'extract-urls: ' 'lq extract-urls urls.txt'
ok 'lq -q extract-urls: nothing on stderr, the same records' \
	'lq -q extract-urls urls.txt > q.out 2> q.err && test ! -s q.err && lq extract-urls urls.txt 2> /dev/null | cmp -s - q.out'
ok 'lq --quiet to-csv: nothing on stderr' 'lq --quiet to-csv < /dev/null > /dev/null 2> q2.err && test ! -s q2.err'
stderr_has 'lq to-csv without -q: its summary' 'to-csv: 0 in' 'lq to-csv < /dev/null'
ok 'lq -q help score: the help still prints' 'lq -q help score | grep -q "^usage: score "'

# lq finds its programs beside itself: through /proc/self/exe, a symlink,
# PATH, and, where there is no /proc (macOS has none), argv[0].
mkdir -p l
ln -s "$LQ_BIN/lq" l/lq
expect 'lq --exec-path: the build tree, also through a symlink and PATH' \
	"lq --exec-path; l/lq --exec-path; PATH=$T/l:/usr/bin:/bin lq --exec-path" <<-OUT
	$(cd "$LQ_BIN" && pwd -P)
	$(cd "$LQ_BIN" && pwd -P)
	$(cd "$LQ_BIN" && pwd -P)
	OUT
# (a sanitizer build cannot run without /proc: its runtime reads it)
if grep -q __asan_init "$LQ_BIN/lq"; then
	echo "skipped: $_script: lq without /proc: the sanitizers' runtime needs /proc (the default build runs it)"
elif unshare -r -m sh -c 'mount -t tmpfs none /proc' 2> /dev/null; then
	expect 'without /proc: argv[0] with a slash, through a symlink, and looked up in PATH' \
		"unshare -r -m sh -c 'mount -t tmpfs none /proc && test ! -e /proc/self/exe &&
		 $LQ_BIN/lq --exec-path && $T/l/lq --exec-path && PATH=$T/l:/usr/bin:/bin lq --exec-path &&
		 PATH=$T/l:/usr/bin:/bin lq scrape --version'" <<-OUT
	$(cd "$LQ_BIN" && pwd -P)
	$(cd "$LQ_BIN" && pwd -P)
	$(cd "$LQ_BIN" && pwd -P)
	scrape (lq) $(sed -n 's/^VERSION = //p' "$TOP/Makefile")
	OUT
	stderr_has 'without /proc: the missing-model message still tells a source tree (make model)' 'make model' \
		"unshare -r -m sh -c 'mount -t tmpfs none /proc && echo {} | $LQ_BIN/embed --model-dir /nonexistent'"
else
	echo "skipped: $_script: lq without /proc: unshare cannot make a mount namespace here"
fi
ok 'LQ_EXEC_PATH overrides the lookup' 'test "$(LQ_EXEC_PATH=/somewhere lq --exec-path)" = /somewhere'

# lq help lists the new commands.
ok 'lq help lists icp and model' 'lq help > h && grep -q "^  icp " h && grep -q "^  model " h'
done_testing
