# hostile.sh: the hostile record lines tests/cli/97-records.sh and
# tests/bench/same-bytes.sh feed every stage that reads records. Sourced.
# hostile_lines [more]: prints them: a failed record with odd spacing,
# escapes and a number as written by hand; a line that is not JSON;
# repeated keys; an integer jansson refuses; nesting past jansson's limit;
# an empty object; a record whose members are all unknown to lq. With
# "more", that last record carries a nested member with a NUL escape,
# a negative and an exponent, and three more lines follow: a raw control
# character in a string, invalid UTF-8, a NUL escape in a key. Then, in
# both forms, records whose profiles are hostile.
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
	# Profiles a stage reads (common/jview.c views their text): repeated
	# keys (the last value), escaped keys, NUL bytes, members of the
	# wrong type, deep nesting, a large profile, no profile object, a
	# failure report, a number jansson refuses inside the profile.
	printf '%s\n' '{"id":"hp-dup","status":"enriched","profile":{"positions":5,"firstName":"A","positions":[{"title":"Chief Financial Officer","companyName":"Acme \u00b7 Full-time","title":"CFO"}],"headline":"x","headline":"VP Finance at Acme","geoCountryName":"France","geoCountryName":"Germany","a":1,"b":2,"c":3,"d":4,"e":5,"f":6}}'
	printf '%s\n' '{"id":"hp-esc","status":"enriched","profile":{"\u0070ositions":[{"t\u0069tle":"Head of Payroll","companyName":"Payfolk"}],"firstName":"B","\u0068eadline":"Payroll lead \ud83d\ude00","summary":"We build payroll software for \u00e9quipes."}}'
	printf '%s\n' '{"id":"hp-nul","status":"enriched","profile":{"firstName":"a\u0000b","headline":"CFO\u0000 at X","geoLocationName":"Paris\u0000","geoCountryName":"F\u0000R","positions":[{"title":"CFO\u0000","companyName":"\u0000y"}]}}'
	printf '%s\n' '{"id":"hp-types","status":"enriched","current_job_titles":["Controller"],"profile":{"positions":[1,"a",null,[],{"title":{"text":"Finance Director"},"companyName":["A","B"],"timePeriod":[],"company":{"employeeCountRange":"11-50"}}],"skills":"Payroll, Tax \u2022 Audit","headline":[{"text":"h"}],"geoCountryName":7,"companySize":{"start":-1},"industryName":{"name":"Banking"}}}'
	awk 'BEGIN { printf "{\"id\":\"hp-deep\",\"status\":\"enriched\",\"profile\":{\"fullName\":\"D\",\"headline\":\"CEO at Deep\",\"x\":"; for (i = 0; i < 500; i++) printf "["; for (i = 0; i < 500; i++) printf "]"; print "}}" }'
	awk 'BEGIN { printf "{\"id\":\"hp-big\",\"status\":\"enriched\",\"profile\":{\"firstName\":\"E\",\"summary\":\""; for (i = 0; i < 20000; i++) printf "payroll tax "; printf "\",\"positions\":["; for (i = 0; i < 2000; i++) printf "%s{\"title\":\"Role %d\",\"companyName\":\"Co %d\",\"timePeriod\":{\"startDate\":{\"year\":%d}}}", i ? "," : "", i, i, 1950 + i % 70; print "]}}" }'
	printf '%s\n' '{"id":"hp-str","status":"enriched","headline":"CFO","profile":"CFO at Acme"}'
	printf '%s\n' '{"id":"hp-arr","status":"enriched","headline":"CFO","profile":[{"firstName":"F"}]}'
	printf '%s\n' '{"id":"hp-fail","status":"enriched","headline":"CFO","profile":{"error":"Profile not found","status":404}}'
	printf '%s\n' '{"id":"hp-elem","status":"enriched","profile":{"element":{"experience":[{"position":"VP Sales","companyName":"Zed","startDate":{"year":2020,"month":13}}],"firstName":"G"}}}'
	printf '%s\n' '{"id":"hp-bigint","status":"enriched","profile":{"headline":"CFO","followersCount":123456789012345678901}}'
}
