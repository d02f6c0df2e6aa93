/* test_savedpage.c: MHTML, web archive and UTF-16/32 decoding; what a page is. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pagekind.h"
#include "savedpage.h"
#include "util.h"
#include "t.h"

/* Decodes buf[0..n); returns the status, the text in out (NUL-ended). */
static int
decode(const char *buf, size_t n, struct lq_buf *out, struct lq_saved *info)
{
	int r;

	lq_buf_reset(out);
	r = lq_saved_decode(buf, n, out, info);
	if (r == 1 && out->data != NULL)
		out->data[out->len] = '\0';
	return r;
}

#define S(lit) lit, sizeof lit - 1

static void
test_unicode(void)
{
	struct lq_buf out = LQ_BUF_INIT;
	struct lq_saved in;
	char d[64];

	t_begin("plain UTF-8 (with or without a BOM) is used as it is");
	CHECK_INT(decode(S("<a href=x>é</a>"), &out, &in), 0);
	CHECK_INT(decode(S("\xef\xbb\xbf<p>x</p>"), &out, &in), 0);
	CHECK_STR(lq_saved_describe(&in, d, sizeof d), "");

	t_begin("UTF-16LE with a BOM: BMP, a surrogate pair, an unpaired surrogate, an odd last byte");
	CHECK_INT(decode(S("\xff\xfe<\0\xe9\0=\xd8\0\xde\0\xdc!\0X"), &out, &in), 1);
	CHECK_STR(out.data, "<\xc3\xa9\xf0\x9f\x98\x80\xef\xbf\xbd!");
	CHECK_STR(in.encoding, "UTF-16LE");
	CHECK_INT(in.bom, 1);
	CHECK_STR(lq_saved_describe(&in, d, sizeof d), "UTF-16LE text with a byte order mark");

	t_begin("UTF-16BE without a BOM, told by its zero bytes");
	CHECK_INT(decode(S("\0<\0h\0t\0m\0l\0>\0a\0b"), &out, &in), 1);
	CHECK_STR(out.data, "<html>ab");
	CHECK_STR(in.encoding, "UTF-16BE");
	CHECK_INT(in.bom, 0);

	t_begin("UTF-32LE with a BOM and UTF-32BE without; code points past U+10FFFF and NUL become U+FFFD");
	CHECK_INT(decode(S("\xff\xfe\0\0<\0\0\0\0\0\x11\0\0\0\0\0a\0\0\0"), &out, &in), 1);
	CHECK_STR(out.data, "<\xef\xbf\xbd\xef\xbf\xbd" "a");
	CHECK_STR(in.encoding, "UTF-32LE");
	CHECK_INT(decode(S("\0\0\0<\0\0\0p\0\0\0>\0\0\0x"), &out, &in), 1);
	CHECK_STR(out.data, "<p>x");
	CHECK_STR(in.encoding, "UTF-32BE");

	t_begin("binary with NUL bytes but no UTF-16 pattern is left alone");
	CHECK_INT(decode(S("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0\0\0\x01\0\x08\x06\0\0\0"), &out, &in), 0);
	CHECK(lq_saved_binary_kind(S("\x89PNG\r\n")) != NULL);
	CHECK(lq_saved_binary_kind(S("%PDF-1.7")) != NULL);
	CHECK(lq_saved_binary_kind(S("PK\3\4")) != NULL);
	CHECK(lq_saved_binary_kind(S("<html>")) == NULL);
	lq_buf_free(&out);
}

static void
test_mhtml(void)
{
	struct lq_buf out = LQ_BUF_INIT;
	struct lq_saved in;
	char d[96];
	static const char qp[] =
	    "From: <Saved by Blink>\r\n"
	    "Snapshot-Content-Location: https://www.linkedin.com/feed/followers/\r\n"
	    "MIME-Version: 1.0\r\n"
	    "Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"--B--\"\r\n"
	    "\r\n"
	    "preamble text\r\n"
	    "----B--\r\n"
	    "Content-Type: text/html\r\n"
	    "Content-Location: cid:frame-1@mhtml.blink\r\n"
	    "Content-Transfer-Encoding: quoted-printable\r\n"
	    "\r\n"
	    "<p>ad frame</p>\r\n"
	    "----B--\r\n"
	    "Content-Type: text/html; charset=\"utf-8\"\r\n"
	    "Content-Location: https://www.linkedin.com/feed/followers/\r\n"
	    "Content-Transfer-Encoding: Quoted-Printable\r\n"
	    "\r\n"
	    "<a href=3D\"/in/x\">Ren=C3=A9 =\r\nDubois</a> a=b =3\r\n"
	    "----B----\r\n";
	static const char b64[] =
	    "MIME-Version: 1.0\n"
	    "Content-Type: multipart/related; boundary=XyZ\n"
	    "\n"
	    "--XyZ\n"
	    "Content-Type: text/html\n"
	    "Content-Transfer-Encoding: base64\n"
	    "\n"
	    "PGEgaHJlZj0iL2luL3kiPlk8\n"
	    "L2E+\n"
	    "--XyZ--\n";
	static const char utf16[] =
	    "MIME-Version: 1.0\n"
	    "Content-Type: multipart/related; boundary=\"b\"\n"
	    "\n"
	    "--b\n"
	    "Content-Type: text/html; charset=utf-16le\n"
	    "Content-Transfer-Encoding: base64\n"
	    "\n"
	    "PABwAD4A6QA=\n"
	    "--b--\n";

	t_begin("MHTML: the part at the snapshot address, quoted-printable undone (soft breaks, =XX, a lone =)");
	CHECK_INT(decode(qp, sizeof qp - 1, &out, &in), 1);
	CHECK_STR(out.data, "<a href=\"/in/x\">Ren\xc3\xa9 Dubois</a> a=b =3");
	CHECK_INT(in.container, LQ_SAVED_MHTML);
	CHECK_STR(in.transfer, "quoted-printable");
	CHECK_STR(in.url, "https://www.linkedin.com/feed/followers/");
	CHECK_STR(lq_saved_describe(&in, d, sizeof d), "MHTML single-file page (quoted-printable HTML)");

	t_begin("MHTML: base64 over lines, LF line ends, an unquoted boundary");
	CHECK_INT(decode(b64, sizeof b64 - 1, &out, &in), 1);
	CHECK_STR(out.data, "<a href=\"/in/y\">Y</a>");
	CHECK_STR(in.transfer, "base64");

	t_begin("MHTML: a UTF-16 part named by its charset");
	CHECK_INT(decode(utf16, sizeof utf16 - 1, &out, &in), 1);
	CHECK_STR(out.data, "<p>\xc3\xa9");
	CHECK_STR(lq_saved_describe(&in, d, sizeof d), "MHTML single-file page (base64 HTML in UTF-16LE)");

	t_begin("MHTML without a boundary, without an HTML part, with bad base64: -1 and why");
	CHECK_INT(decode(S("MIME-Version: 1.0\nContent-Type: multipart/related\n\n--x\n"), &out, &in), -1);
	CHECK_STR(in.err, "MHTML file without a part boundary");
	CHECK_INT(decode(S("Content-Type: multipart/related; boundary=q\n\n--q\nContent-Type: text/css\n\nx{}\n--q--\n"),
	    &out, &in), -1);
	CHECK_STR(in.err, "MHTML file without an HTML part");
	CHECK_INT(decode(S("Content-Type: multipart/related; boundary=q\n\n--q\nContent-Type: text/html\n"
	    "Content-Transfer-Encoding: base64\n\n!!!not base64!!!\n--q--\n"), &out, &in), -1);
	CHECK_STR(in.err, "MHTML file whose HTML part is not valid base64");

	t_begin("text that only looks like headers is no MHTML");
	CHECK_INT(decode(S("Subject: hello\nFrom: me\n\nhttps://www.linkedin.com/in/x\n"), &out, &in), 0);
	CHECK_INT(decode(S("Name: Ann\nhttps://www.linkedin.com/in/ann\n"), &out, &in), 0);
	CHECK_INT(decode(S("Content-Type: text/html\n\n<p>x</p>"), &out, &in), 0);
	lq_buf_free(&out);
}

static void
test_webarchive(void)
{
	struct lq_buf out = LQ_BUF_INIT;
	struct lq_saved in;
	char bad[48];

	t_begin("a damaged binary property list: -1 and why");
	memset(bad, 0xff, sizeof bad);
	memcpy(bad, "bplist00", 8);
	CHECK_INT(decode(bad, sizeof bad, &out, &in), -1);
	CHECK_STR(in.err, "damaged Safari web archive (binary property list)");
	CHECK_INT(decode(S("bplist00"), &out, &in), -1);
	lq_buf_free(&out);
}

static void
test_kind(void)
{
	static const struct {
		const char *html, *url;
		enum lq_page_kind kind;
		const char *why;
	} cases[] = {
		{ "<title>Sign Up | LinkedIn</title>", NULL, LQ_PAGE_SIGNIN, "title \"Sign Up | LinkedIn\"" },
		{ "<title>LinkedIn</title><input name=\"session_key\">", NULL, LQ_PAGE_SIGNIN, "a sign-in form" },
		{ "<p>x</p>", "https://www.linkedin.com/authwall?trk=x", LQ_PAGE_SIGNIN,
		  "address https://www.linkedin.com/authwall?trk=x" },
		{ "<meta name=\"pageKey\" content=\"d_checkpoint_lg_consumerLogin\">", NULL, LQ_PAGE_SIGNIN,
		  "page key d_checkpoint_lg_consumerLogin" },
		{ "<title>Profile Not Found | LinkedIn</title><a href=/login>Sign in</a>", NULL, LQ_PAGE_NOT_FOUND,
		  "title \"Profile Not Found | LinkedIn\"" },
		{ "<title>(12) Followers | LinkedIn</title>", NULL, LQ_PAGE_FOLLOWERS,
		  "title \"(12) Followers | LinkedIn\"" },
		{ "<!-- saved from url=(0064)https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/ -->"
		  "<title>LinkedIn</title>", NULL, LQ_PAGE_FOLLOWERS,
		  "address https://www.linkedin.com/mynetwork/network-manager/people-follow/followers/" },
		{ "<link href=\"https://www.linkedin.com/in/ann/\" rel=\"canonical\"><title>Ann &amp; Co | LinkedIn</title>",
		  NULL, LQ_PAGE_PROFILE, "address https://www.linkedin.com/in/ann/" },
		{ "<title>Connections | LinkedIn</title>", NULL, LQ_PAGE_CONNECTIONS, "title \"Connections | LinkedIn\"" },
		{ "<meta http-equiv=\"refresh\" content=\"1;url=https://www.linkedin.com\">", NULL, LQ_PAGE_REDIRECT,
		  "a refresh to another address and no title" },
		{ "<title>Cats</title><p>meow</p>", NULL, LQ_PAGE_OTHER_SITE, "no mention of LinkedIn" },
		{ "<title>Feed | LinkedIn</title>", NULL, LQ_PAGE_LINKEDIN, "" },
		{ "<title>Followers</title><script>var u = 'https://www.linkedin.com/authwall';</script>", NULL,
		  LQ_PAGE_FOLLOWERS, "title \"Followers\"" },
	};
	struct lq_page_info pi;
	size_t i;

	t_begin("page kinds from address, page key, title and markers, with the evidence");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		lq_page_kind(cases[i].html, strlen(cases[i].html), cases[i].url, &pi);
		CHECK_INT(pi.kind, cases[i].kind);
		CHECK_STR(pi.why, cases[i].why);
	}
	t_begin("title entities and white space; a title cut in the middle of a character");
	lq_page_kind(S("<title>\n  A &lt;b&gt; &#233;&#x1F600; &bogus; </title>"), NULL, &pi);
	CHECK_STR(pi.title, "A <b> \xc3\xa9\xf0\x9f\x98\x80 &bogus;");
	{
		struct lq_buf b = LQ_BUF_INIT;
		int k;

		lq_buf_adds(&b, "<title>");
		for (k = 0; k < 100; k++)
			lq_buf_adds(&b, "\xc3\xa9");
		lq_buf_adds(&b, "</title>");
		lq_page_kind(b.data, b.len, NULL, &pi);
		CHECK(lq_utf8_valid(pi.title, strlen(pi.title)));
		CHECK(strlen(pi.title) < sizeof pi.title);
		lq_buf_free(&b);
	}
	t_begin("every kind has a name and advice");
	for (i = LQ_PAGE_UNKNOWN; i <= LQ_PAGE_OTHER_SITE; i++) {
		CHECK(lq_page_kind_name((enum lq_page_kind)i)[0] != '\0');
		CHECK(lq_page_kind_advice((enum lq_page_kind)i) != NULL);
	}
}

int
main(void)
{
	test_unicode();
	test_mhtml();
	test_webarchive();
	test_kind();
	return t_done();
}
