#!/bin/sh
# icp_examples.sh: the table of docs/icp.md "What each key does, on five leads":
# icp_score of five demo leads as the demo ICP's keys are added one by one.
# usage: sh tests/icp_examples.sh CLASSIFIED.ndjson   (the demo through classify)
# Needs score and jq on PATH and the model; prints a Markdown table.
set -u
in=$1
icp=$(dirname "$0")/../pipelines/demo/icp.json
t=$(mktemp -d "${TMPDIR:-/tmp}/lq-icpex.XXXXXX") || exit 1
trap 'rm -rf "$t"' EXIT
leads='Claire Dubois|Zara Ahmed|Kwame Asante|Ethan Park|Hannah Lindqvist'
jq -c --arg re "^($leads)\$" 'select(.name | test($re))' "$in" > "$t/leads" || exit 1
row() { # LABEL JQ-FILTER-ON-THE-ICP
	jq "$2" "$icp" > "$t/icp.json" || exit 1
	score -q "$t/icp.json" < "$t/leads" > "$t/out" || exit 1
	printf '| %s |' "$1"
	for n in "Claire Dubois" "Zara Ahmed" "Kwame Asante" "Ethan Park" "Hannah Lindqvist"; do
		printf ' %s |' "$(jq -r --arg n "$n" 'select(.name == $n) | "\(.icp_score) \(.tier)"' "$t/out")"
	done
	echo
}
echo '| ICP keys | Claire Dubois | Zara Ahmed | Kwame Asante | Ethan Park | Hannah Lindqvist |'
echo '|---|---|---|---|---|---|'
row 'target_titles' '{target_titles}'
row '+ exclude_titles' '{target_titles, exclude_titles}'
row '+ target_industries' '{target_titles, exclude_titles, target_industries}'
row '+ company_sizes' '{target_titles, exclude_titles, target_industries, company_sizes}'
row '+ target_keywords (the demo ICP)' '{target_titles, exclude_titles, target_industries, company_sizes, target_keywords}'
row 'target_industries, company_sizes, target_keywords only' '{target_industries, company_sizes, target_keywords}'
row 'notes only' '{notes}'
