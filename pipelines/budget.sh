#!/bin/sh
# budget.sh: the --budget guard of qualify.sh and batch.mk (BUDGET=).
# usage: budget.sh LEDGER BUDGET NAME INPUT CMD...
#
# For a paid stage NAME (scrape, embed, classify, rerank; the others pass),
# runs CMD < INPUT, the stage with --dry-run, reads the estimate of its
# note ("dry run: ... estimated cost $X"), and stops (exit 4) when the
# dollars in the file LEDGER plus X would go over BUDGET; else adds X to
# LEDGER and says so. Cached items never count in an estimate, so a rerun
# is charged only for what it would really pay. Exit 3 when the stage gave
# no estimate (e.g. -q in its settings silences the note).
set -eu
[ $# -ge 5 ] || { echo "usage: budget.sh LEDGER BUDGET NAME INPUT CMD..." >&2; exit 2; }
ledger=$1 budget=$2 name=$3 in=$4
shift 4
case $name in scrape | embed | classify | rerank) ;; *) exit 0 ;; esac
case $budget in
'' | . | *[!0-9.]* | *.*.*) echo "budget: '$budget' is not an amount in dollars (e.g. 5 or 2.50)" >&2; exit 2 ;;
esac
spent=0
[ -s "$ledger" ] && spent=$(cat "$ledger")
est=$("$@" < "$in" 2>&1 > /dev/null | sed -n 's/.*dry run: .*estimated cost \$\([0-9.]*\).*/\1/p' | tail -n 1) || true
if [ -z "$est" ]; then
	echo "budget: $name gave no estimate (is -q in its settings?); stopped before it" >&2
	exit 3
fi
if awk -v s="$spent" -v e="$est" -v b="$budget" 'BEGIN { exit !(s + e > b) }'; then
	echo "budget: \$$budget: $name would cost about \$$est on top of \$$spent estimated so far;" \
		"stopped before it (rerun with a larger budget: what was paid is cached)" >&2
	exit 4
fi
spent=$(awk -v s="$spent" -v e="$est" 'BEGIN { printf "%.4f", s + e }')
echo "$spent" > "$ledger"
echo "budget: $name: about \$$est (\$$spent of \$$budget)" >&2
