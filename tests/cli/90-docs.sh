#!/bin/sh
# 90-docs: every program has a man page that documents every option its --help lists.
. "$(dirname "$0")/../lib.sh"

for p in "$LQ_BIN"/*; do
	[ -x "$p" ] || continue
	name=$(basename "$p")
	man="$TOP/docs/man/lq-$name.1"; [ "$name" = lq ] && man="$TOP/docs/man/lq.1"
	ok "$name: has a man page" "test -s '$man'"
	ok "$name: --help exits 0 and prints a usage line" "'$p' --help | grep -q '^usage: $name '"
	ok "$name: --version names lq" "'$p' --version | grep -q '(lq) '"
	status "$name: an unknown option is a usage error" 2 "'$p' --no-such-option </dev/null"
	# Every long option of --help must appear in the man page (roff writes
	# a hyphen as \-).
	missing=
	sed 's/\\-/-/g' "$man" > "$T/man.txt" 2>/dev/null
	for o in $("$p" --help | grep -oE '^ +(-[a-zA-Z], )?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
		grep -qF -- "$o" "$T/man.txt" || missing="$missing $o"
	done
	ok "$name: man page documents every option of --help${missing:+ (missing:$missing)}" "test -z '$missing'"
done
ok "no section-7 page is left (lq(1) is the overview)" "! ls '$TOP'/docs/man/*.7 2>/dev/null | grep -q ."
# Every environment variable a program reads (a quoted upper-case name in
# src/ or common/ that getenv or a helper is given) is in lq(1).
sed 's/\\-/-/g' "$TOP/docs/man/lq.1" > "$T/lq7.txt"
missing=
for v in $(grep -rhoE '(getenv|env|env_true)\("[A-Z][A-Z0-9_]*"\)|"(LQ|OPENAI|APIFY|JINA|COHERE)_[A-Z0-9_]+"' "$TOP/src" "$TOP/common" | grep -oE '[A-Z][A-Z0-9_]+' | sort -u); do
	grep -qw -- "$v" "$T/lq7.txt" || missing="$missing $v"
done
ok "lq(1) names every environment variable the programs read${missing:+ (missing:$missing)}" "test -z '$missing'"
ok "docs/exit-codes.md exists" "test -s '$TOP/docs/exit-codes.md'"
done_testing
