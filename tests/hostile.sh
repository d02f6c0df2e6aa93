# hostile.sh: the hostile record lines tests/cli/97-records.sh and
# tests/bench/same-bytes.sh feed every stage that reads records. Sourced.
# hostile_lines [more]: prints them: a failed record with odd spacing,
# escapes and a number as written by hand; a line that is not JSON;
# repeated keys; an integer jansson refuses; nesting past jansson's limit;
# an empty object; a record whose members are all unknown to lq. With
# "more", that last record carries a nested member with a NUL escape,
# a negative and an exponent, and three more lines follow: a raw control
# character in a string, invalid UTF-8, a NUL escape in a key.
hostile_lines() {
	_deep=$(awk 'BEGIN { for (i = 0; i < 2100; i++) printf "["; for (i = 0; i < 2100; i++) printf "]" }')
	printf '%s\n' '{"id":"h-failed" , "status" : "failed","error":{"stage":"scrape","code":"x","message":"m"},"profile": { "a" : 1.50, "b":"\u00e9\/" },"retry_count":0}'
	printf '%s\n' '{"id": "h-broken", "status":'
	printf '%s\n' '{"id":"h-dup","status":"failed","id":"h-dup2","error":{"stage":"x","code":"y","message":"z"}}'
	printf '%s\n' '{"id":"h-bigint","status":"failed","n":123456789012345678901234567890}'
	printf '{"id":"h-deep","status":"failed","d":%s}\n' "$_deep"
	printf '%s\n' '{}'
	if [ "${1-}" = more ]; then
		printf '%s\n' '{"x": [1, 2.50, {"y": null}], "z": "\ud83d\ude00", "p": {"k": ["a\u0000", -0.5, 1e5, true]}}'
		printf '%s\n' '{"id":"h-ctl","p":"a	b"}'
		printf '%s\n' '{"id":"h-utf8","p":"\300\200"}'
		printf '%s\n' '{"id":"h-esc","p":{"k\u0000":1}}'
	else
		printf '%s\n' '{"x": [1, 2.50, {"y": null}], "z": "\ud83d\ude00"}'
	fi
}
