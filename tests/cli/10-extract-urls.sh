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
expect 'CSV whose URL column has another name: the column that holds profile links' \
	"printf 'who,where\nAna,https://www.linkedin.com/in/ana-silva-cfo\n' | extract-urls --format csv | $ids" <<-'EOF'
	ana-silva-cfo ana-silva-cfo
	EOF
expect 'CSV: a "Link" column is found by its links, the empty cell named by line' \
	"extract-urls $DATA/csv/unnamed-column.csv | $ids" <<-'EOF'
	lea-moreau lea-moreau
	ACoAAJonasWeberJonasWeberJonasWeberJo01 ACoAAJonasWeberJonasWeberJonasWeberJo01
	EOF
stderr_has 'CSV: says which column the links were read from' \
	'unnamed-column.csv: no column is named URL: profile links read from "Link"' \
	"extract-urls $DATA/csv/unnamed-column.csv"
stderr_has 'CSV: the row without a link in that column is named by line' \
	'unnamed-column.csv:4: no profile URL in the URL column \(empty\)' \
	"extract-urls $DATA/csv/unnamed-column.csv"
expect 'CSV without a header row: the first row is a person too' \
	"extract-urls $DATA/csv/headerless.csv | $ids" <<-'EOF'
	first-row-person first-row-person
	second-row-person second-row-person
	EOF
expect 'CSV saved by Excel with semicolons and a byte order mark: names, headlines, companies' \
	"extract-urls $DATA/csv/semicolon.csv | jq -c '[.id, .name, .headline, .company]'" <<-'EOF'
	["lea-moreau","Léa Moreau","Directrice financière","Banque Arvor"]
	["jonas-weber-finance","Jonas Weber","Finance Director; Board member","Nordlys Group"]
	EOF
expect 'CSV without any URL column: no record' "extract-urls $DATA/csv/no-url.csv | wc -l" <<-'EOF'
	0
	EOF
stderr_has 'CSV without any URL column: named as such, with the columns it has' \
	'no-url.csv: CSV without a profile URL column \(columns: "First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"\): no follower in it' \
	"extract-urls $DATA/csv/no-url.csv"
expect 'CSV without any URL column: not called text input' \
	"extract-urls $DATA/csv/no-url.csv 2>&1 | grep -c 'text input'" <<-'EOF'
	0
	EOF
status 'CSV without any URL column: exit 1' 1 "extract-urls $DATA/csv/no-url.csv"
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

# The card generations: names and headlines from each card's own
# structure, never from aria-labels, class names holding "headline",
# recommendations, posts or mentions.
names='jq -c "[.id, .public_identifier, .name, .headline]"'
expect '2024-2026 followers page: headline inside the name link, mutual connections are no followers' \
	"extract-urls $H/followers-2025.html | $names" <<-'EOF'
	["ACoAAKofiMensahKofiMensahKofiMensah001","kofi-mensah-fpa","Kofi Mensah","Head of FP&A · SaaS | Forecasting that survives the board meeting"]
	["ACoAAHannaLindqvistHannaLindqvistHann01","ACoAAHannaLindqvistHannaLindqvistHann01","Hanna Lindqvist","CFO @ Nordvik Energi — ex-Big Four audit, now building finance teams that scale 🇸🇪"]
	["tiago-ferreira-controller","tiago-ferreira-controller","Tiago Ferreira","Financial Controller | IFRS, consolidation & audit readiness for PE-backed groups"]
	["mei-tanaka-田中","mei-tanaka-田中","Mei Tanaka 田中","Treasury Manager"]
	EOF
stderr_has '2024-2026 followers page: counts the mentions it left out' \
	'followers-2025.html: 4 people from 4 cards, 1 links in page chrome, 3 mentions in posts and notes left out' \
	"extract-urls $H/followers-2025.html"
expect '2021-2023 follows-recommendation cards: __headline, not __subheadline; a follower mentioned in another card stays one record in its place' \
	"extract-urls $H/follows-2022.html | $names" <<-'EOF'
	["ACoAAPriyaNairPriyaNairPriyaNairPri01","priya-nair-finance","Priya Nair","VP Finance at Orbital Freight | CPA"]
	["lars-eriksen","lars-eriksen","Lars Eriksen","Økonomichef · Fjordkraft Nett"]
	["ACoAADanielOkaforDanielOkaforDaniel01","ACoAADanielOkaforDanielOkaforDaniel01","Daniel Okafor","Group Financial Controller"]
	EOF
expect '2018 Ember list: subline-level-1 after the name link; the shared connection is no result' \
	"extract-urls $H/ember-2018.html | $names" <<-'EOF'
	["ACoAAGretaSchulzGretaSchulzGretaSchu01","ACoAAGretaSchulzGretaSchulzGretaSchu01","Greta Schulz","Leiterin Finanzen & Controlling"]
	["ACoAAOscarRuizOscarRuizOscarRuizOsc01","ACoAAOscarRuizOscarRuizOscarRuizOsc01","Oscar Ruiz","Director Financiero (CFO) en Grupo Alhambra"]
	["amara-obi","amara-obi","Amara Obi","Treasury Analyst"]
	EOF
expect 'profile page: the <h1> name (not the aria-label), the real headline (not "Media (3)"), recommenders with their headlines, no mention records' \
	"extract-urls $H/profile-2024.html | $names" <<-'EOF'
	["nina-berg-cfo","nina-berg-cfo","Nina Berg","Chief Financial Officer at Halden Robotics | Scale-up finance"]
	["jonas-weber-finance","jonas-weber-finance","Jonas Weber","Finance Director, Nordlys Group"]
	["sofia-marino-audit","sofia-marino-audit","Sofia Marino",null]
	EOF
stderr_has 'profile page: says it is a profile, not a followers list' \
	'profile-2024.html: a profile page \(address https://www.linkedin.com/in/nina-berg-cfo/\): the people found are those it shows, not its followers' \
	"extract-urls $H/profile-2024.html"
expect 'a hand-made list whose links all sit in text: its mentions are its people' \
	"printf '<ul><li>Ann Lee, see <a href=\"/in/ann-lee-x\">her profile</a></li><li>Bo Chan: <a href=\"/in/bo-chan-x\">profile</a></li></ul>' | extract-urls | $ids" <<-'EOF'
	ann-lee-x ann-lee-x
	bo-chan-x bo-chan-x
	EOF

# Wrong saves: each named, with what to do, and exit 1; nothing invented.
for f in authwall login-form not-found page-gone redirect followers-empty; do
	status "wrong save $f.html: exit 1, no record" 1 "extract-urls $H/$f.html > out; st=\$?; test -s out && exit 9; exit \$st"
done
stderr_has 'sign-in form without a telling title: named by its form' \
	'login-form.html: a LinkedIn sign-in page \(the browser was logged out\) \(a sign-in form\), no follower in it: sign in to LinkedIn in the browser' \
	"extract-urls $H/login-form.html"
stderr_has '"Profile Not Found": named, with what to do' \
	'not-found.html: a LinkedIn "not found" page \(title "Profile Not Found \| LinkedIn"\), no follower in it: the address was wrong or the page is private' \
	"extract-urls $H/not-found.html"
stderr_has '"This page doesn’t exist": named by its notice' \
	'page-gone.html: a LinkedIn "not found" page \(a "not found" notice\)' "extract-urls $H/page-gone.html"
stderr_has 'a bot check or redirect: named' \
	'redirect.html: a redirect or bot-check page, not the page itself \(a refresh to another address and no title\)' \
	"extract-urls $H/redirect.html"
stderr_has 'followers page saved before the list loaded: named by its address, says to wait and scroll' \
	'followers-empty.html: a followers page \(address https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/\) with no follower card in it: it was saved before any card loaded: wait for the list, scroll to its end, then save \(see SAVING THE PAGE in lq-extract-urls\(1\)\)' \
	"extract-urls $H/followers-empty.html"
expect 'a good input beside a wrong save: its people are written, the run still fails' \
	"extract-urls $H/followers-empty.html $H/follows-2022.html 2>/dev/null | wc -l; extract-urls $H/followers-empty.html $H/follows-2022.html > /dev/null 2>&1; echo \$?" <<-'EOF'
	3
	1
	EOF
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj <<>> endobj\n' > printed.pdf
stderr_has 'a PDF (a printed page) is named as such' \
	'printed.pdf: a PDF document \(printed, not saved, page\?\), not a saved page or list: no follower in it' \
	'extract-urls printed.pdf'
status 'a PDF: exit 1' 1 'extract-urls printed.pdf'
printf 'PK\003\004\024\000\000\000\010\000' > export.zip
stderr_has 'a ZIP (the data export, still zipped) is named as such' 'export.zip: a ZIP archive' 'extract-urls export.zip'

# Saves in other wrappings and encodings give the same records as the page.
extract-urls -q $H/followers-2025.html | jq -c 'del(.source)' > want.ndjson
for f in followers-2025-qp.mhtml followers-2025-b64.mhtml; do
	ok "MHTML $f: the records of the page itself" \
		"extract-urls -q $H/$f | jq -c 'del(.source)' | cmp - want.ndjson"
done
stderr_has 'MHTML: says it decoded quoted-printable HTML' \
	'followers-2025-qp.mhtml: MHTML single-file page \(quoted-printable HTML\), decoded' \
	"extract-urls $H/followers-2025-qp.mhtml"
stderr_has 'MHTML: the page part is the one at the snapshot address, not an ad frame' \
	'followers-2025-b64.mhtml: 4 people from 4 cards' "extract-urls $H/followers-2025-b64.mhtml"
stderr_has 'MHTML without an HTML part: named' \
	'no-page.mhtml: MHTML file without an HTML part: no page to read in it' "extract-urls $H/no-page.mhtml"
status 'MHTML without an HTML part: exit 1' 1 "extract-urls $H/no-page.mhtml"
python3 - "$H/followers-2025.html" <<-'PY'
	import sys, plistlib
	t = open(sys.argv[1], encoding='utf-8').read()
	for name, data in (('u16le-bom', b'\xff\xfe' + t.encode('utf-16-le')), ('u16be', t.encode('utf-16-be')),
	                   ('u16le', t.encode('utf-16-le')), ('u32le-bom', t.encode('utf-32')),
	                   ('u32be', t.encode('utf-32-be'))):
	    open(name + '.html', 'wb').write(data)
	arch = {'WebMainResource': {'WebResourceData': t.encode(), 'WebResourceMIMEType': 'text/html',
	        'WebResourceTextEncodingName': 'UTF-8', 'WebResourceFrameName': '',
	        'WebResourceURL': 'https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/'},
	        'WebSubresources': [{'WebResourceData': b'body{}', 'WebResourceMIMEType': 'text/css',
	        'WebResourceURL': 'https://static.licdn.com/x.css'}]}
	open('page.webarchive', 'wb').write(plistlib.dumps(arch, fmt=plistlib.FMT_BINARY))
	open('nomain.webarchive', 'wb').write(plistlib.dumps({'WebSubresources': []}, fmt=plistlib.FMT_BINARY))
	PY
for f in u16le-bom u16be u16le u32le-bom u32be; do
	ok "$f text: decoded to the records of the page" "extract-urls -q $f.html | jq -c 'del(.source)' | cmp - want.ndjson"
done
stderr_has 'UTF-16 with a byte order mark: says so' 'u16le-bom.html: UTF-16LE text with a byte order mark, decoded' \
	'extract-urls u16le-bom.html'
stderr_has 'UTF-16 without a byte order mark: told by its zero bytes' 'u16be.html: UTF-16BE text, decoded' \
	'extract-urls u16be.html'
ok 'Safari web archive: the records of the page' \
	"extract-urls -q page.webarchive | jq -c 'del(.source)' | cmp - want.ndjson"
stderr_has 'Safari web archive without a main page: named' \
	'nomain.webarchive: Safari web archive without a main page: no page to read in it' 'extract-urls nomain.webarchive'
iconv -f UTF-8 -t UTF-16LE "$DATA/csv/Connections.csv" > connections16.csv
expect 'a UTF-16 Connections.csv (Excel "Unicode text"): same rows' \
	"extract-urls connections16.csv | jq -c '[.id, .name]'" <<-'EOF'
	["ana-silva-cfo","Ana Silva"]
	["tom-baker-88","Tom Baker"]
	["multi-line","Multi Line Name"]
	EOF

# Ids: never a path step or a slash, whatever the input kind.
printf '<a href="/in/..">a</a><a href="/in/./">b</a><a href="https://www.linkedin.com/in/%%2e%%2e/">c</a><a href="/in/a%%2Fb">d</a><a href="/in/x%%5Cy">e</a><a href="/in/ok-person">ok</a>' > dots.html
expect 'ids in HTML: ., .., %2e%2e and encoded slashes are no profile' "extract-urls dots.html | $ids" <<-'EOF'
	ok-person ok-person
	EOF
expect 'ids in text and CSV: the same' \
	"printf '/in/..\nhttps://www.linkedin.com/in/%%2E/\n' | extract-urls 2>/dev/null | wc -l; printf 'URL\nhttps://www.linkedin.com/in/..\n' | extract-urls --format csv 2>/dev/null | wc -l" <<-'EOF'
	0
	0
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
