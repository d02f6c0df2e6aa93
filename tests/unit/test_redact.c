/* test_redact.c: the one redaction point: a key in every form a server or a record can carry it. */
#include <stdlib.h>
#include <string.h>

#include "base64.h"
#include "http.h"
#include "redact.h"
#include "t.h"
#include "util.h"

#define KEY "sk-proj/Ab+9=Zq_SECRET-0123456789"

/* s redacted, as a new string. */
static char *
red(const char *s)
{
	char *c = lq_xstrdup(s);

	lq_redact_str(c);
	return c;
}

/* 1 if s redacted no longer holds the key's distinctive middle. */
static int
clean(const char *s)
{
	char *c = red(s);
	int ok = strstr(c, "SECRET") == NULL && strstr(c, "U0VDUkVU") == NULL && strstr(c, LQ_REDACTED) != NULL;

	free(c);
	return ok;
}

static char *
b64(const char *s)
{
	return lq_base64_encode((const unsigned char *)s, strlen(s));
}

/* The key at every offset of a longer text, written plainly and with
 * its '/' escaped, among bytes that start no form: only the key goes. */
static void
every_offset(void)
{
	for (size_t off = 0; off < 70; off++)
		for (int esc = 0; esc < 2; esc++) {
			struct lq_buf t = LQ_BUF_INIT, w = LQ_BUF_INIT;
			char *c;

			for (size_t i = 0; i < off; i++)
				lq_buf_addc(&t, "xyz"[i % 3]);
			lq_buf_add(&w, t.data ? t.data : "", t.len);
			lq_buf_adds(&t, esc ? "sk-proj\\/Ab+9=Zq_SECRET-0123456789" : KEY);
			lq_buf_adds(&w, LQ_REDACTED);
			for (size_t i = 0; i < 40; i++) {
				lq_buf_addc(&t, "xyz"[i % 3]);
				lq_buf_addc(&w, "xyz"[i % 3]);
			}
			c = red(t.data);
			CHECK_STR(c, w.data);
			free(c);
			lq_buf_free(&t);
			lq_buf_free(&w);
		}
}

int
main(void)
{
	char buf[256], *c;
	size_t n;

	t_begin("nothing registered: text passes untouched, even with secret-looking bytes");
	CHECK(!lq_redact_active());
	c = red("Bearer " KEY);
	CHECK_STR(c, "Bearer " KEY);
	free(c);

	t_begin("too short a secret is not registered (it would eat ordinary text)");
	lq_redact_add("abc");
	lq_redact_add("");
	lq_redact_add(NULL);
	CHECK(!lq_redact_active());

	lq_redact_add(KEY);
	lq_redact_add(KEY);	/* twice is harmless */

	t_begin("raw key anywhere in a line, every occurrence");
	c = red("{\"error\":\"Incorrect API key provided: " KEY ". And again " KEY "\"}");
	CHECK_STR(c, "{\"error\":\"Incorrect API key provided: ***. And again ***\"}");
	free(c);

	t_begin("JSON escapes: \\/ and \\uXXXX for any character, and JSON inside JSON");
	CHECK(clean("{\"m\":\"sk-proj\\/Ab+9=Zq_SECRET-0123456789\"}"));
	CHECK(clean("{\"m\":\"sk-proj\\u002fAb\\u002B9\\u003dZq_SECRET-0123456789\"}"));
	CHECK(clean("{\"raw\":\"{\\\"m\\\":\\\"sk-proj\\\\/Ab+9=Zq_SECRET-0123456789\\\"}\"}"));
	CHECK(clean("\\u0073\\u006b-proj/Ab+9=Zq_SECRET-0123456789"));

	t_begin("URL-encoded, upper or lower case hex");
	CHECK(clean("GET /v1?key=sk-proj%2FAb%2B9%3DZq_SECRET-0123456789&x=1"));
	CHECK(clean("key=sk-proj%2fAb%2b9%3dZq_SECRET-0123456789"));

	t_begin("base64 of the key, alone or inside a Basic credential at any alignment");
	{
		const char *pre[] = { "", "u:", "us:", "use:", "user:", NULL };
		int i;

		for (i = 0; pre[i]; i++) {
			char *cred = lq_xasprintf("%s%s:", pre[i], KEY), *enc = b64(cred);
			char *line = lq_xasprintf("{\"echo\":\"Authorization: Basic %s\"}", enc);

			CHECK(clean(line));
			free(line);
			free(enc);
			free(cred);
		}
	}

	t_begin("the text only shrinks, is NUL-terminated, and the rest is kept byte for byte");
	snprintf(buf, sizeof buf, "a%sb%sc", KEY, KEY);
	n = lq_redact_mem(buf, strlen(buf));
	CHECK_INT(n, 9);
	CHECK_STR(buf, "a***b***c");

	t_begin("the key at every offset of a long text, plain and escaped (few first bytes: sixteen at a time)");
	every_offset();

	t_begin("a near miss is not redacted");
	c = red("sk-proj/Ab+9=Zq_SECRET-012345678X and sk-proj/Ab+9=Zq_SECRE");
	CHECK_STR(c, "sk-proj/Ab+9=Zq_SECRET-012345678X and sk-proj/Ab+9=Zq_SECRE");
	free(c);

	t_begin("a cut escape at the end of the text is read safely");
	c = red("x sk-proj\\");
	CHECK_STR(c, "x sk-proj\\");
	free(c);
	c = red("x sk-proj%2");
	CHECK_STR(c, "x sk-proj%2");
	free(c);
	c = red("sk-proj\\u002");
	CHECK_STR(c, "sk-proj\\u002");
	free(c);

	t_begin("the password of a URL's userinfo and libcurl's Basic credential of it");
	lq_redact_url("https://bob:pa%40ssw0rd-XYZZY@proxy.example/v1/chat");
	c = red("user bob, password pa@ssw0rd-XYZZY");
	CHECK_STR(c, "user bob, password ***");
	free(c);
	{
		char *enc = b64("bob:pa@ssw0rd-XYZZY"), *line = lq_xasprintf("Basic %s!", enc);

		c = red(line);
		CHECK_STR(c, "Basic ***!");
		free(c);
		free(line);
		free(enc);
	}
	lq_redact_url("https://proxy.example/v1");	/* no userinfo: nothing */
	lq_redact_url("not a url");

	t_begin("the key at every offset again, with more first bytes than the wide scan takes");
	lq_redact_add("Qk-first-byte-1");
	lq_redact_add("Wk-first-byte-2");
	lq_redact_add("Ek-first-byte-3");
	lq_redact_add("Rk-first-byte-4");
	every_offset();

	t_begin("lq_secret_env registers what it returns; unset and empty are NULL");
	setenv("LQ_TEST_SECRET", "tok-ENVSECRET-99", 1);
	setenv("LQ_TEST_EMPTY", "", 1);
	CHECK_STR(lq_secret_env("LQ_TEST_SECRET"), "tok-ENVSECRET-99");
	CHECK(lq_secret_env("LQ_TEST_EMPTY") == NULL);
	CHECK(lq_secret_env("LQ_TEST_UNSET_XYZ") == NULL);
	c = red("echo tok-ENVSECRET-99");
	CHECK_STR(c, "echo ***");
	free(c);

	t_begin("lq_http_loopback: one rule for every client");
	CHECK(lq_http_loopback("http://127.0.0.1:8080/v1"));
	CHECK(lq_http_loopback("http://127.1.2.3/v1"));
	CHECK(lq_http_loopback("http://localhost:11434/v1"));
	CHECK(lq_http_loopback("http://LOCALHOST/v1"));
	CHECK(lq_http_loopback("https://[::1]:8443/v1"));
	CHECK(lq_http_loopback("http://user:pw@127.0.0.1/v1"));
	CHECK(!lq_http_loopback("https://api.openai.com/v1"));
	CHECK(!lq_http_loopback("http://127.0.0.1.evil.example/v1"));
	CHECK(!lq_http_loopback("http://localhost.evil.example/v1"));
	CHECK(!lq_http_loopback("http://127.0.0.1@evil.example/v1"));
	CHECK(!lq_http_loopback("http://[::1].evil/v1"));
	CHECK(!lq_http_loopback("127.0.0.1"));
	CHECK(!lq_http_loopback(NULL));
	return t_done();
}
