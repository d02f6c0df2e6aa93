#!/bin/sh
# 10-extract-urls.sh: extract-urls on saved pages, text and CSV lists, and bad input.
. "$(dirname "$0")/../lib.sh"
H=$DATA/html
# Only the fields a test looks at, one compact line per record.
ids='jq -r "[.id, .public_identifier] | join(\" \")"'

if have_shared "the sample followers page"; then
	expect 'the sample followers page gives exactly its 12 followers, in page order' \
		"extract-urls $SAMPLES/followers.html | jq -r '[.id, .name] | join(\" | \")'" <<-'EOF'
		ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516 | Holly Reese
		marta-sokolova | Marta Sokolova
		ACoAAkeUYTSwnCqkVwdlBDEvEW2X1_Dxk07Hr1J | Aarav Gupta
		mathieu-girard-finance | Mathieu Girard
		ACoAAd55virF5xkPOJqNArkiNanQ1EsSJj_M5VB | Clara Jennings
		dylan-hughes-controller | Dylan Hughes
		ACoAAl73wFBZsSV2_uiH18gIqHjDQILW-nYk_Hp | Patrick Dunne
		rosie-turner-midwife | Rosie Turner
		ACoAAFUikyrspUWIpsvQX25vkP_H9Rp58tva7BS | Sipho Dlamini
		fergus-byrne-cfo | Fergus Byrne
		ACoAAPyctK-Vt13tK4yJFRifx4vWJf3IMZ-4yZs | Lena Hartmann
		norafeld | Nora Feld
		EOF
	expect 'sample: full record of the first follower, headline from the card' \
		"extract-urls --source page.html < $SAMPLES/followers.html | head -n 1" <<-'EOF'
		{"id":"ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516","linkedin_url":"https://www.linkedin.com/in/ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516/","public_identifier":"ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516","status":"discovered","source":"page.html","name":"Holly Reese","headline":"Hiring CFOs & Heads of Finance for fintech 🔎 | Consultant @ Ashgrove Search"}
		EOF
	expect 'sample: the owner in the header menu is no follower' \
		"extract-urls $SAMPLES/followers.html | grep -c robin-calloway" <<-'EOF'
		0
		EOF
	stderr_has 'sample: a note counts cards and skipped links' \
		'followers.html: 12 people from 12 cards, 3 links in page chrome' \
		"extract-urls $SAMPLES/followers.html"
fi

expect 'people search page: slug + miniProfileUrn gives URN id and slug URL' \
	"extract-urls $H/search-results.html | jq -c '[.id, .linkedin_url, .name, .headline]'" <<-'EOF'
	["ACoAAB1x2y3z4A5B6C7D8E9F0gHiJkLmNoPqRsT","https://www.linkedin.com/in/ana-silva-cfo/","Ana Silva","Finance Director & CFO at Norte"]
	["ACoAAC9z8y7x6W5V4U3T2S1R0qPoNmLkJiHgFeD","https://www.linkedin.com/in/tom-baker-88/","Tom Baker","Head of FP&A"]
	EOF
expect 'Ember search page: relative URN-only links keep their case' \
	"extract-urls $H/ember-search.html | jq -c '[.id, .name, .headline]'" <<-'EOF'
	["ACoAAB2ajEUBmAU3uy3PC-XcRP0v-RpSxDfHa08","Priya Raman","Controller at Kestrel Labs"]
	["ACoAAAbCdEfGhIjKlMnOpQrStUvWxYz0123456","Ola Nordmann","Treasurer"]
	EOF
expect 'old connections page: mobile forms, percent-encoding, entities' \
	"extract-urls $H/connections-old.html | jq -c '[.id, .linkedin_url, .name, .headline]'" <<-'EOF'
	["lucia-fernandez","https://www.linkedin.com/in/lucia-fernandez/","Lucía Fernández","Directora Financiera | Fintech"]
	["rené-dubois","https://www.linkedin.com/in/ren%C3%A9-dubois/","René Dubois & <b>","=HYPERLINK(\"http://evil.example\",\"CFO\")"]
	["wei-zhang-8b2","https://www.linkedin.com/in/wei-zhang-8b2/","Wei Zhang","VP Finance"]
	EOF
expect 'old followers page: slug and URN of one card merge; owner, aside, footer left out' \
	"extract-urls $H/follows-old.html | jq -c '[.id, .public_identifier, .name, .headline]'" <<-'EOF'
	["ACoAAMiaKhanMiaKhanMiaKhanMiaKhan012345","mia-khan","Mia Khan","Head of Finance, Brightside"]
	["luc-martin","luc-martin","Luc Martin","Contrôleur de gestion"]
	["raj-patel","raj-patel","Raj Patel","Finance Manager"]
	EOF
stderr_has 'old followers page: says the owner was left out and a duplicate merged' \
	'page owner left out' "extract-urls $H/follows-old.html"
expect 'profile page: sub-pages reduce to the profile; company, school, feed, lnkd.in dropped' \
	"extract-urls $H/profile-sidebar.html | $ids" <<-'EOF'
	jo-park jo-park
	sam-lee-finance sam-lee-finance
	ACwAAD4b5c6d7e8f9g0h1i2j3k4l5m6n7o8p9q0r ACwAAD4b5c6d7e8f9g0h1i2j3k4l5m6n7o8p9q0r
	EOF
stderr_has 'profile page: the short link is counted' '1 lnkd.in short links' \
	"extract-urls $H/profile-sidebar.html"
expect 'auth wall: directory, login and signup links give nobody' \
	"extract-urls $H/authwall.html | wc -l" <<-'EOF'
	0
	EOF
stderr_has 'auth wall: names the sign-in page, the evidence and what to do' \
	'authwall.html: a LinkedIn sign-in page \(the browser was logged out\) \(title "Sign Up \| LinkedIn"\), no follower in it: sign in to LinkedIn' \
	"extract-urls $H/authwall.html"
status 'auth wall: exit 1' 1 "extract-urls $H/authwall.html"
expect 'script and style contents are not links' \
	"extract-urls $H/search-results.html | grep -c -e script-person -e style-person" <<-'EOF'
	0
	EOF

expect 'text list: URLs in free text, deduplicated, URN from miniProfileUrn merges' \
	"extract-urls $DATA/text/urls.txt | $ids" <<-'EOF'
	ana-silva-cfo ana-silva-cfo
	tom-baker-88 tom-baker-88
	marta-sokolova marta-sokolova
	relative-path relative-path
	ACoAAB2ajEUBmAU3uy3PC-XcRP0v-RpSxDfHa08 jane-doe
	EOF
expect 'Connections.csv: preamble skipped, names, positions and companies' \
	"extract-urls $DATA/csv/Connections.csv | jq -c '[.id, .name, .headline, .company]'" <<-'EOF'
	["ana-silva-cfo","Ana Silva","Finance Director, CFO","Norte"]
	["tom-baker-88","Tom Baker","Head of FP&A","Baker \"&\" Sons"]
	["multi-line","Multi Line Name","=cmd|' /C calc'!A0",null]
	EOF
stderr_has 'CSV: a row without a profile URL is named by file and line' \
	'Connections.csv:8: no profile URL in the URL column \(not a person' \
	"extract-urls $DATA/csv/Connections.csv"
expect 'CSV without a URL column is scanned as text' \
	"printf 'who,where\nAna,https://www.linkedin.com/in/ana-silva-cfo\n' | extract-urls --format csv | $ids" <<-'EOF'
	ana-silva-cfo ana-silva-cfo
	EOF
expect '--format text reads HTML as text: relative links count (even in a comment), no names' \
	"extract-urls --format text $H/ember-search.html | jq -c '[.id, .name]'" <<-'EOF'
	["acoaa...",null]
	["ACoAAOwnerOwnerOwnerOwnerOwnerOwner01",null]
	["ACoAAB2ajEUBmAU3uy3PC-XcRP0v-RpSxDfHa08",null]
	["ACoAAAbCdEfGhIjKlMnOpQrStUvWxYz0123456",null]
	EOF
expect 'several inputs: one dedupe across them, source is the first file' \
	"extract-urls $DATA/text/urls.txt $DATA/csv/Connections.csv | jq -r '[.id, .source] | join(\" \")' | sed 's|$DATA/||'" <<-'EOF'
	ana-silva-cfo text/urls.txt
	tom-baker-88 text/urls.txt
	marta-sokolova text/urls.txt
	relative-path text/urls.txt
	ACoAAB2ajEUBmAU3uy3PC-XcRP0v-RpSxDfHa08 text/urls.txt
	multi-line csv/Connections.csv
	EOF
expect 'a later link with slug and URN joins two earlier entries into the first' \
	"printf '%s\n' /in/ann-lee /in/ACoAAAnnLeeAnnLeeAnnLeeAnnLeeAnnLee0 'https://www.linkedin.com/in/ann-lee?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAAAnnLeeAnnLeeAnnLeeAnnLeeAnnLee0' | extract-urls | $ids" <<-'EOF'
	ACoAAAnnLeeAnnLeeAnnLeeAnnLeeAnnLee0 ann-lee
	EOF
expect 'two people in one list of same-shaped items stay two' \
	"printf '<ul><li class=c><a href=/in/aa-one>A</a></li><li class=c><a href=/in/ACoAABbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb>B</a></li></ul>' | extract-urls | jq -c '[.id, .name]'" <<-'EOF'
	["aa-one","A"]
	["ACoAABbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb","B"]
	EOF
expect 'one element naming two people still gives both' \
	"printf '<a href=\"/in/first-p\" data-alt=\"https://www.linkedin.com/in/second-p\">x</a>' | extract-urls | $ids" <<-'EOF'
	first-p first-p
	second-p second-p
	EOF

# Bad input of every kind: a clear note, no crash, no record invented.
expect 'empty input: no records' 'extract-urls < /dev/null | wc -l' <<-'EOF'
	0
	EOF
stderr_has 'empty input: says so' '<stdin>: empty input' 'extract-urls < /dev/null'
status 'empty input is not an error' 0 'extract-urls < /dev/null'
stderr_has 'prose without links: says no profile link was in it' \
	'<stdin>: no LinkedIn profile link in it \(text input' "echo 'just words, no links' | extract-urls"
status 'prose without links: a non-empty input that gives nobody fails (exit 1)' 1 \
	"echo 'just words, no links' | extract-urls"
head -c 200000 /dev/urandom > garbage.bin
printf '\000\001\377\376 https://www.linkedin.com/in/in-garbage \000' >> garbage.bin
expect 'binary garbage: the one profile URL in it is found' "extract-urls garbage.bin | $ids" <<-'EOF'
	in-garbage in-garbage
	EOF
stderr_has 'binary garbage: warns that it is not text' 'garbage.bin: not text' 'extract-urls garbage.bin'
printf '<html><body>' > hostile.html
awk 'BEGIN { s = "x"; for (i = 0; i < 20; i++) s = s s; printf "<a href=\"https://www.linkedin.com/in/%s\">long</a>", s }' >> hostile.html
printf '<a href="javascript:alert(1)">js</a><a href="https://www.linkedin.com/in/%%00nul">nul</a><a href="https://evil.example@www.linkedin.com/in/real-one">ok</a><a href="https://www.linkedin.com.evil.example/in/fake">fake</a></body></html>' >> hostile.html
expect 'hostile links: 1 MB id, javascript:, NUL, look-alike host' "extract-urls hostile.html | $ids" <<-'EOF'
	real-one real-one
	EOF
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "<div>"; printf "<a href=\"/in/deep-one\">Deep</a>" }' > deep.html
expect 'nesting 200,000 deep: scanned as text, quickly' "extract-urls deep.html | $ids" <<-'EOF'
	deep-one deep-one
	EOF
stderr_has 'nesting 200,000 deep: says why names are missing' 'deep.html: markup nested deeper than 1000' \
	'extract-urls deep.html'
# A 100 MB page (10 MB under the sanitizers, which are slower), one follower at its end.
mb=100; [ "${LQ_VARIANT:-default}" = default ] || mb=10
awk -v mb="$mb" 'BEGIN { printf "<html><body><main><p>"; s = "lorem ipsum dolor sit amet, "; for (i = 0; i < 5; i++) s = s s s s; n = mb * 1048576 / length(s); for (i = 0; i < n; i++) printf "%s", s; printf "</p><ul><li><a href=\"/in/last-one/\">Last One</a></li></ul></main></body></html>" }' > huge.html
if [ -x /usr/bin/time ]; then
	expect "a $mb MB page: the follower at its end, memory within 8x the page" \
		"/usr/bin/time -f %M -o rss extract-urls -q huge.html | $ids; test \$(cat rss) -lt \$(( $mb * 1024 * 8 + 65536 )) && echo bounded" <<-'EOF'
		last-one last-one
		bounded
		EOF
else
	expect "a $mb MB page: the follower at its end" "extract-urls -q huge.html | $ids" <<-'EOF'
		last-one last-one
		EOF
fi

# A bench page of 3000 followers (3.5 MB) is parsed in pieces; its records
# are byte for byte those of the whole-page parse: the same page without
# its doctype (which rules the pieces out) and the checksum the whole
# parse gave before pieces existed.
python3 "$TOP/tests/bench/gen_followers.py" 3000 > bench.html
sed '1s/<!DOCTYPE html>//' bench.html > whole.html
expect 'bench page in pieces: the records of one whole parse' \
	"extract-urls -q < bench.html > pieces.out; extract-urls -q < whole.html | cmp - pieces.out && md5sum < pieces.out | cut -c1-32" <<-'EOF'
	2f11d1d5a2a5839a64bda76122406d84
	EOF

# Command line and I/O errors.
status 'unknown --format is a usage error' 2 'extract-urls --format pdf < /dev/null'
stderr_has 'unknown --format names the value' "unknown kind 'pdf'" 'extract-urls --format pdf < /dev/null'
status 'unknown option is a usage error' 2 'extract-urls --bogus < /dev/null'
expect 'a missing file: the other inputs are still written' \
	"extract-urls no-such-file $DATA/text/urls.txt 2>/dev/null | wc -l" <<-'EOF'
	5
	EOF
status 'a missing file: exit 3' 3 "extract-urls no-such-file $DATA/text/urls.txt"
stderr_has 'a missing file is named' 'extract-urls: no-such-file: No such file' 'extract-urls no-such-file'
status 'a directory: exit 3' 3 "extract-urls $DATA"
if [ -w /dev/full ]; then
	status 'stdout on a full disk: exit 3' 3 "extract-urls $DATA/text/urls.txt > /dev/full"
fi
ok '--help exits 0 and lists --format' 'extract-urls --help | grep -q -- --format'
ok '--version' 'extract-urls --version | grep -q "extract-urls (lq)"'
for o in $(extract-urls --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
	ok "man page documents $o" "grep -q -- '$(echo "$o" | sed 's/-/\\\\-/g')' $TOP/docs/man/lq-extract-urls.1"
done
done_testing
