/* test_liurl.c: the LinkedIn profile URL normaliser, one row per link form. */
#include <string.h>

#include "liurl.h"
#include "t.h"
#include "util.h"

#define U1 "ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0_516"
#define U2 "ACwAAB2ajEUBmAU3uy3PC-XcRP0v-RpSxDfHa08"
#define MINI(u) "miniProfileUrn=urn%3Ali%3Afs_miniProfile%3A" u

/* input, expected id, slug, urn, canonical URL */
static const struct ok_case {
	const char *in, *id, *slug, *urn, *url;
} oks[] = {
	{ "https://www.linkedin.com/in/jane-doe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "http://www.linkedin.com/in/jane-doe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "HTTPS://WWW.LinkedIn.COM/in/Jane-Doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://uk.linkedin.com/in/jane-doe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://de.linkedin.com/in/jane-doe/?originalSubdomain=de", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://m.linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com./in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com:443/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "//www.linkedin.com/in/jane-doe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "www.linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "fr.linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "  /in/jane-doe/  ", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "/in/j.doe./", "j.doe.", "j.doe.", "", "https://www.linkedin.com/in/j.doe./" },
	{ "https://www.linkedin.com/mwlite/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/m/in/jane-doe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/comm/in/jane-doe?midToken=AQH&trk=eml", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "linkedin://in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe/details/experience/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe/detail/skills/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "/in/jane-doe/overlay/contact-info/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe/recent-activity/all/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe?trk=people-follows_name", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe#experience", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane%2Ddoe/", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/", "j\xc3\xbcrgen-m\xc3\xbcller", "j\xc3\xbcrgen-m\xc3\xbcller", "",
	  "https://www.linkedin.com/in/j%C3%BCrgen-m%C3%BCller/" },
	{ "https://www.linkedin.com/in/100%-sure", "100%-sure", "100%-sure", "", "https://www.linkedin.com/in/100%25-sure/" },
	/* URN ids keep their case. */
	{ "/in/" U1 "/", U1, "", U1, "https://www.linkedin.com/in/" U1 "/" },
	{ "https://www.linkedin.com/in/" U2, U2, "", U2, "https://www.linkedin.com/in/" U2 "/" },
	{ "https://www.linkedin.com/in/" U1 "?" MINI(U1), U1, "", U1, "https://www.linkedin.com/in/" U1 "/" },
	{ "/in/" U1 "?" MINI(U1) "&amp;lipi=urn%3Ali%3Apage%3Ad_flagship3_people_follows%3BeGs%3D%3D", U1, "", U1,
	  "https://www.linkedin.com/in/" U1 "/" },
	/* A slug with the URN in the query: the id is the URN, the URL the slug. */
	{ "https://www.linkedin.com/in/Jane-Doe?" MINI(U1) "&lipi=x", U1, "jane-doe", U1, "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe?trk=x&amp;" MINI(U2), U2, "jane-doe", U2, "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe?profileUrn=urn%3Ali%3Afsd_profile%3A" U1, U1, "jane-doe", U1, "https://www.linkedin.com/in/jane-doe/" },
	{ "https://www.linkedin.com/in/jane-doe?miniProfileUrn=garbage", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
	/* Legacy forms. */
	{ "http://www.linkedin.com/pub/john-smith/1a/2b3/4c5", "john-smith-4c52b31a", "john-smith-4c52b31a", "",
	  "https://www.linkedin.com/in/john-smith-4c52b31a/" },
	{ "https://uk.linkedin.com/pub/john-smith/5/b/27", "john-smith-02700b5", "john-smith-02700b5", "",
	  "https://www.linkedin.com/in/john-smith-02700b5/" },
	{ "https://www.linkedin.com/profile/view?id=" U1 "&trk=x", U1, "", U1, "https://www.linkedin.com/in/" U1 "/" },
	/* User info before the host does not fool the host check. */
	{ "https://evil.example@www.linkedin.com/in/jane-doe", "jane-doe", "jane-doe", "", "https://www.linkedin.com/in/jane-doe/" },
};

static const struct bad_case {
	const char *in;
	int err;
} bads[] = {
	{ "", LQ_LIURL_EMPTY },
	{ "  \t\n", LQ_LIURL_EMPTY },
	{ "https://example.com/in/jane-doe", LQ_LIURL_NOT_LINKEDIN },
	{ "https://www.linkedin.com@evil.example/in/jane-doe", LQ_LIURL_NOT_LINKEDIN },
	{ "https://linkedin.com.evil.example/in/jane-doe", LQ_LIURL_NOT_LINKEDIN },
	{ "https://notlinkedin.com/in/jane-doe", LQ_LIURL_NOT_LINKEDIN },
	{ "javascript:alert(1)", LQ_LIURL_NOT_LINKEDIN },
	{ "mailto:jane@example.com", LQ_LIURL_NOT_LINKEDIN },
	{ "in/jane-doe", LQ_LIURL_NOT_LINKEDIN },
	{ "https://lnkd.in/dXyZ123", LQ_LIURL_SHORT_LINK },
	{ "lnkd.in/abc", LQ_LIURL_SHORT_LINK },
	{ "https://www.linkedin.com/company/brookfin/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/company/12345/admin/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/school/university-of-sheffield/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/showcase/brightbook-labs/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/feed/update/urn:li:activity:7100000000000000000/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/feed/hashtag/fintech/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/search/results/people/?keywords=cfo", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/login", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/signup/cold-join", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/psettings/privacy/email", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/legal/privacy-policy", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com", LQ_LIURL_NOT_PERSON },
	{ "https://business.linkedin.com/marketing-solutions/ads", LQ_LIURL_NOT_PERSON },
	{ "https://www.linkedin.com/m/logout/", LQ_LIURL_NOT_PERSON },
	{ "https://se.linkedin.com/pub/dir/+/+", LQ_LIURL_DIRECTORY },
	{ "https://www.linkedin.com/pub/dir/Jane/Doe", LQ_LIURL_DIRECTORY },
	{ "https://www.linkedin.com/in/", LQ_LIURL_NO_ID },
	{ "https://www.linkedin.com/in", LQ_LIURL_NO_ID },
	{ "/in//", LQ_LIURL_NO_ID },
	{ "/in/?trk=x", LQ_LIURL_NO_ID },
	{ "https://www.linkedin.com/pub/john-smith", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/pub/john-smith/zz/1/2", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/jane%20doe", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/jane%00doe", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/jane%2Fdoe", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/%2F", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/%5C", LQ_LIURL_BAD_ID },
	{ "/in/../", LQ_LIURL_BAD_ID },
	{ "/in/.", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/%2e%2e/", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/%2E", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/.../details/", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/mwlite/in/..", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/%FF%FE", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/in/jane<script>", LQ_LIURL_BAD_ID },
	{ "https://www.linkedin.com/profile/view?id=12345", LQ_LIURL_BAD_ID },
};

int
main(void)
{
	struct lq_liurl u;
	char long_url[1000];
	size_t i;

	for (i = 0; i < LQ_NELEM(oks); i++) {
		int r;

		t_begin(oks[i].in);
		memset(&u, 0x5a, sizeof u);
		r = lq_liurl_parse(oks[i].in, strlen(oks[i].in), &u);
		CHECK_INT(r, LQ_LIURL_OK);
		if (r != LQ_LIURL_OK)
			continue;
		CHECK_STR(u.id, oks[i].id);
		CHECK_STR(u.slug, oks[i].slug);
		CHECK_STR(u.urn, oks[i].urn);
		CHECK_STR(u.url, oks[i].url);
		CHECK_INT(u.kind, oks[i].slug[0] != '\0' ? LQ_LIURL_SLUG : LQ_LIURL_URN);
		CHECK_STR(u.path_id, oks[i].slug[0] != '\0' ? oks[i].slug : oks[i].urn);
	}
	for (i = 0; i < LQ_NELEM(bads); i++) {
		t_begin(bads[i].in[0] != '\0' ? bads[i].in : "(empty)");
		CHECK_INT(lq_liurl_parse(bads[i].in, strlen(bads[i].in), &u), bads[i].err);
		CHECK(strlen(lq_liurl_reason(bads[i].err)) > 0);
	}

	t_begin("the length given is honoured, no NUL needed");
	CHECK_INT(lq_liurl_parse("/in/jane-doe-and-more", 12, &u), LQ_LIURL_OK);
	CHECK_STR(u.slug, "jane-doe");

	t_begin("ids up to LQ_LIURL_ID_MAX bytes, longer ones rejected");
	strcpy(long_url, "/in/");
	memset(long_url + 4, 'a', LQ_LIURL_ID_MAX);
	long_url[4 + LQ_LIURL_ID_MAX] = '\0';
	CHECK_INT(lq_liurl_parse(long_url, strlen(long_url), &u), LQ_LIURL_OK);
	CHECK_INT(strlen(u.url), 28 + LQ_LIURL_ID_MAX + 1);
	strcat(long_url, "a");
	CHECK_INT(lq_liurl_parse(long_url, strlen(long_url), &u), LQ_LIURL_BAD_ID);

	t_begin("URN shape");
	CHECK(lq_liurl_is_urn(U1, strlen(U1)));
	CHECK(lq_liurl_is_urn(U2, strlen(U2)));
	CHECK(!lq_liurl_is_urn("ACoAA", 5));
	CHECK(!lq_liurl_is_urn("acoaaa6fxbeiwg8xl2bscbfu9zyi49sbiz0_516", 39));
	CHECK(!lq_liurl_is_urn("ACoAAa6fxbEiwg8xl2bSCBfU9zyI49sBiZ0.516", 39));
	return t_done();
}
