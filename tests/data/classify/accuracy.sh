#!/bin/sh
# accuracy.sh CLASSIFIED: industry and company_type accuracy of classify's output against expected.ndjson
# (strict: the first label; lenient: also the accepted alternatives). Prints the misses first.
exp="$(dirname "$0")/expected.ndjson"
jq -n -r --slurpfile e "$exp" --slurpfile o "$1" '
	($o | map({key: (.public_identifier // ""), value: .}) | from_entries) as $by |
	[$e[] | . as $x | $by[$x.public_identifier] as $r |
	 {id: $x.public_identifier, ind: ($r.industry // "(none)"), ct: ($r.company_type // "(none)"),
	  is: ($r.industry == $x.industry), il: ([$x.industry] + ($x.industry_also // []) | index([$r.industry]) != null),
	  cs: ($r.company_type == $x.company_type), cl: ([$x.company_type] + ($x.company_type_also // []) | index([$r.company_type]) != null),
	  want: "\($x.industry)/\($x.company_type)"}] as $a |
	($a[] | select((.il and .cl) | not) | "miss \(.id): got \(.ind)/\(.ct), want \(.want)"),
	"industry     strict \([$a[] | select(.is)] | length)/\($a | length)  lenient \([$a[] | select(.il)] | length)/\($a | length)",
	"company_type strict \([$a[] | select(.cs)] | length)/\($a | length)  lenient \([$a[] | select(.cl)] | length)/\($a | length)"'
