/* test_ndjson.c: the NDJSON reader, the writer's serializer, record helpers. */
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base64.h"
#include "diag.h"
#include "ndjson.h"
#include "record.h"
#include "run.h"
#include "stop.h"
#include "t.h"
#include "util.h"

/* Reads all records of text; returns them as an array. */
static json_t *
read_all(const char *text, size_t n)
{
	FILE *fp = fmemopen((void *)text, n, "r");
	struct lq_reader *r = lq_reader_new(fp, "in.ndjson");
	json_t *all = json_array(), *rec;

	while ((rec = lq_reader_next(r)) != NULL)
		json_array_append_new(all, rec);
	lq_reader_free(r);
	fclose(fp);
	return all;
}

static char *
dump(const json_t *j)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_json_dump(&b, j);
	return lq_buf_detach(&b);
}

static void
check_roundtrip(const char *in, const char *out)
{
	json_t *j = json_loads(in, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
	char *s;

	CHECK(j != NULL);
	if (j == NULL)
		return;
	s = dump(j);
	CHECK_STR(s, out);
	free(s);
	json_decref(j);
}

/* The string writer as it was, a byte at a time: the reference for
 * lq_json_dump_string's fast path. */
static void
dump_string_ref(struct lq_buf *b, const char *s, size_t n)
{
	lq_buf_addc(b, '"');
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '"': lq_buf_adds(b, "\\\""); break;
		case '\\': lq_buf_adds(b, "\\\\"); break;
		case '\n': lq_buf_adds(b, "\\n"); break;
		case '\r': lq_buf_adds(b, "\\r"); break;
		case '\t': lq_buf_adds(b, "\\t"); break;
		case '\b': lq_buf_adds(b, "\\b"); break;
		case '\f': lq_buf_adds(b, "\\f"); break;
		default:
			if (c < 0x20)
				lq_buf_addf(b, "\\u%04x", c);
			else
				lq_buf_addc(b, c);
		}
	}
	lq_buf_addc(b, '"');
}

/* base64 one character at a time, as RFC 4648 says it: the reference
 * for the table decoder. Returns the byte count, or -1. */
static long
ref_b64(const char *s, size_t n, unsigned char *out)
{
	static const char abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	unsigned long acc = 0;
	size_t bits = 0, pad = 0;
	long o = 0;

	if (n % 4 != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		const char *c = s[i] ? strchr(abc, s[i]) : NULL;

		if (s[i] == '=') {
			/* only in the last two places (then nothing but '=') */
			if (i + 2 < n)
				return -1;
			pad++;
			continue;
		}
		if (c == NULL || pad)
			return -1;
		acc = acc << 6 | (unsigned long)(c - abc);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			out[o++] = (unsigned char)(acc >> bits);
		}
	}
	return o;
}

int
main(int argc, char **argv)
{
	json_t *all, *r;
	(void)argc;
	lq_init(argv[0]);
	lq_quiet = 1;

	t_begin("reader: CRLF, BOM, blank lines, line numbers");
	{
		static const char in[] = "\xef\xbb\xbf{\"a\":1}\r\n\r\n   \n{\"b\":2}\n{\"c\":3}";
		all = read_all(in, sizeof in - 1);
		CHECK_INT(json_array_size(all), 3);
		CHECK_INT(json_integer_value(json_object_get(json_array_get(all, 0), "a")), 1);
		CHECK_INT(json_integer_value(json_object_get(json_array_get(all, 2), "c")), 3);
		json_decref(all);
	}

	t_begin("reader: classic Mac CR-only line ends separate records; CRLF stays one end");
	{
		static const char in[] = "{\"a\":1}\r{bad\r\r{\"c\":3}\r\n{\"d\":4}\r";
		all = read_all(in, sizeof in - 1);
		CHECK_INT(json_array_size(all), 4);
		CHECK_INT(json_integer_value(json_object_get(json_array_get(all, 0), "a")), 1);
		r = json_array_get(all, 1);
		CHECK(lq_rec_failed(r));
		CHECK_STR(lq_rec_str(r, "raw"), "{bad");
		CHECK_INT(json_integer_value(json_object_get(json_object_get(r, "error"), "line")), 2);
		CHECK_INT(json_integer_value(json_object_get(json_array_get(all, 2), "c")), 3);
		CHECK_INT(json_integer_value(json_object_get(json_array_get(all, 3), "d")), 4);
		json_decref(all);
	}

	t_begin("reader: from a descriptor, CR LF split across reads, CR-only and long lines");
	{
		/* 200000 records of 12 bytes: the reads (64 KiB) end anywhere,
		 * also between a CR and its LF. */
		FILE *fp = tmpfile();
		struct lq_reader *rd;
		json_t *rec;
		long n = 0, bad = 0, seq = 0;

		CHECK(fp != NULL);
		for (long i = 0; fp && i < 200000; i++)
			fprintf(fp, "{\"i\":%6ld}%s", i, i % 3 == 0 ? "\r\n" : i % 3 == 1 ? "\r" : "\n");
		fprintf(fp, "{\"x\":\"");
		for (long i = 0; fp && i < 300000; i++)
			fputc('y', fp);
		fprintf(fp, "\"}\r");
		if (fp) {
			fflush(fp);
			rewind(fp);
			rd = lq_reader_new(fp, "tmp");
			while ((rec = lq_reader_next(rd)) != NULL) {
				if (lq_rec_failed(rec))
					bad++;
				else if (json_object_get(rec, "i") && json_integer_value(json_object_get(rec, "i")) != seq++)
					bad++;
				n++;
				json_decref(rec);
			}
			CHECK_INT(n, 200001);
			CHECK_INT(bad, 0);
			CHECK(!lq_reader_stopped(rd));
			lq_reader_free(rd);
			fclose(fp);
		}
	}

	t_begin("reader: invalid JSON becomes a failed record with line and raw text");
	{
		static const char in[] = "{\"a\":1}\n{broken\n[1,2]\n\"s\"\n";
		all = read_all(in, sizeof in - 1);
		CHECK_INT(json_array_size(all), 4);
		r = json_array_get(all, 1);
		CHECK(lq_rec_failed(r));
		CHECK_STR(lq_rec_str(json_object_get(r, "error"), "code"), "invalid_json");
		CHECK_STR(lq_rec_str(r, "raw"), "{broken");
		CHECK_INT(json_integer_value(json_object_get(json_object_get(r, "error"), "line")), 2);
		CHECK(strstr(lq_rec_str(json_object_get(r, "error"), "message"), "in.ndjson:2:") != NULL);
		r = json_array_get(all, 2);
		CHECK_STR(lq_rec_str(json_object_get(r, "error"), "code"), "not_object");
		CHECK(strstr(lq_rec_str(json_object_get(r, "error"), "message"), "got an array") != NULL);
		CHECK_INT(lq_rec_retry_count(r), 0);
		json_decref(all);
	}

	t_begin("reader: a line that is not UTF-8 is kept as raw_base64");
	{
		static const char in[] = "\xff\xfe{}\n";
		size_t n;
		unsigned char *raw;

		all = read_all(in, sizeof in - 1);
		r = json_array_get(all, 0);
		CHECK(lq_rec_failed(r));
		CHECK(lq_rec_str(r, "raw") == NULL);
		raw = lq_base64_decode(lq_rec_str(r, "raw_base64"), strlen(lq_rec_str(r, "raw_base64")), &n);
		CHECK(raw != NULL && n == 4 && memcmp(raw, "\xff\xfe{}", 4) == 0);
		free(raw);
		json_decref(all);
	}

	t_begin("reader: a line of 5 MB");
	{
		size_t n = 5u << 20;
		char *big = lq_xmalloc(n + 16);

		memcpy(big, "{\"x\":\"", 6);
		memset(big + 6, 'a', n);
		memcpy(big + 6 + n, "\"}\n", 3);
		all = read_all(big, n + 9);
		CHECK_INT(json_array_size(all), 1);
		CHECK_INT(json_string_length(json_object_get(json_array_get(all, 0), "x")), n);
		json_decref(all);
		free(big);
	}

	t_begin("reader: NUL bytes inside the line");
	{
		static const char in[] = "{\"a\":\"x\\u0000y\"}\n{\"a\":1}\0junk\n";
		all = read_all(in, sizeof in - 1);
		CHECK_INT(json_array_size(all), 2);
		CHECK_INT(json_string_length(json_object_get(json_array_get(all, 0), "a")), 3);
		CHECK(lq_rec_failed(json_array_get(all, 1)));
		json_decref(all);
	}

	t_begin("dump: compact, order kept, escapes, UTF-8 as is");
	check_roundtrip("{ \"z\": 1, \"a\" : [true, false, null], \"m\": \"\\u00e9\\n\\t\\\"\\\\\\u0001\\u001f/\" }",
	    "{\"z\":1,\"a\":[true,false,null],\"m\":\"\xc3\xa9\\n\\t\\\"\\\\\\u0001\\u001f/\"}");
	check_roundtrip("{\"key\":\"a\\u0000b\"}", "{\"key\":\"a\\u0000b\"}");

	t_begin("dump: strings, sixteen (or eight) bytes at a time: every byte value at every place of 0 to 40 bytes, at the end of the block");
	{
		struct lq_buf a = LQ_BUF_INIT, w = LQ_BUF_INIT;
		int bad = 0;

		for (size_t len = 1; len <= 40; len++)
			for (size_t at = 0; at < len; at++)
				for (int c = 0; c < 256; c++) {
					char *s = malloc(len);	/* exactly len bytes: ASan sees a read past */

					for (size_t i = 0; i < len; i++)
						s[i] = (char)('a' + i % 26);
					s[at] = (char)c;
					if (len > 2 && at != len - 1)
						s[len - 1] = (char)(c ^ 0x80);	/* a second one, or UTF-8 bytes */
					lq_buf_reset(&a);
					lq_buf_reset(&w);
					lq_json_dump_string(&a, s, len);
					dump_string_ref(&w, s, len);
					if ((a.len != w.len || memcmp(a.data, w.data, a.len) != 0) && bad++ < 5)
						printf("#   byte %02x at %zu of %zu: %s, want %s\n", c, at, len, a.data, w.data);
					free(s);
				}
		lq_json_dump_string(&a, "", 0);
		CHECK_INT(bad, 0);
		lq_buf_free(&a);
		lq_buf_free(&w);
	}

	t_begin("dump: reals in the shortest form that reads back");
	check_roundtrip("[1.1, 0.1, 1e300, -2.5e-7, 1.0, 3, 0.30000000000000004, 123456789012345678]",
	    "[1.1,0.1,1e+300,-2.5e-07,1.0,3,0.30000000000000004,123456789012345678]");

	t_begin("dump: every real reads back exactly and is never longer than %.17g's shortest");
	{
		struct lq_buf b = LQ_BUF_INIT;
		unsigned long long state = 42;
		int bad = 0, longer = 0;

		for (int i = 0; i < 300000 && bad < 5; i++) {
			double x;
			char ref[40];
			json_t *j;

			state = state * 6364136223846793005ULL + 1442695040888963407ULL;
			switch (i % 6) {
			case 0:	/* 7 significant digits, as embed writes */
				snprintf(ref, sizeof ref, "%.7g", ((double)(state >> 11) / 9007199254740992.0 - 0.5) * 0.3);
				x = strtod(ref, NULL);
				break;
			case 1: {	/* any bit pattern that is a finite double */
				unsigned long long u = state;
				memcpy(&x, &u, sizeof x);
				if (!isfinite(x))
					x = 1.5;
				break;
			}
			case 2: x = (double)(long long)(state >> 20) / 1000.0; break;
			case 3: x = (double)(state >> 40) * 1e10; break;
			case 4: x = 1.0 / (double)((state >> 40) + 1); break;
			default: x = (double)(state >> 33) / 4096.0 - 1e5; break;
			}
			j = json_real(x);
			lq_buf_reset(&b);
			lq_json_dump(&b, j);
			json_decref(j);
			if (strtod(b.data, NULL) != x) {
				bad++;
				printf("#   %.17g written as %s\n", x, b.data);
			}
			for (int p = 1; p <= 17; p++) {
				snprintf(ref, sizeof ref, "%.*g", p, x);
				if (strtod(ref, NULL) == x)
					break;
			}
			{
				/* significant digits of ours vs the shortest %g form */
				size_t ours = strcspn(b.data, "eE"), theirs = strcspn(ref, "eE");
				size_t zo = 0, zt = 0;

				for (size_t k = 0; k < ours; k++)
					zo += b.data[k] >= '1' && b.data[k] <= '9';
				for (size_t k = 0; k < theirs; k++)
					zt += ref[k] >= '1' && ref[k] <= '9';
				if (zo > zt + 0 && strlen(b.data) > strlen(ref) + 2)
					longer++;
			}
		}
		CHECK_INT(bad, 0);
		CHECK_INT(longer, 0);
		lq_buf_free(&b);
	}

	t_begin("record: fail keeps fields and retry_count");
	{
		json_t *rec = json_pack("{s:s, s:s, s:i}", "id", "abc", "name", "N", "retry_count", 2);
		char *s;

		lq_rec_fail(rec, "no_data", "no data returned for %s", "abc");
		s = dump(rec);
		CHECK(strstr(s, "\"status\":\"failed\"") != NULL);
		CHECK(strstr(s, "\"retry_count\":2") != NULL);
		CHECK(strstr(s, "\"code\":\"no_data\"") != NULL);
		CHECK_STR(lq_rec_name(rec), "abc");
		free(s);
		json_decref(rec);
	}

	t_begin("record: set_str replaces invalid UTF-8");
	{
		json_t *rec = json_object();

		lq_rec_set_str(rec, "h", "ok\xff\xc3(end");
		CHECK_STR(lq_rec_str(rec, "h"), "ok\xef\xbf\xbd\xef\xbf\xbd(end");
		json_decref(rec);
	}

	t_begin("utf8: validation");
	CHECK(lq_utf8_valid("abc \xc3\xa9 \xe2\x82\xac \xf0\x9f\x9a\x80", 15));
	CHECK(!lq_utf8_valid("\xc0\xaf", 2));		/* overlong */
	CHECK(!lq_utf8_valid("\xed\xa0\x80", 3));	/* surrogate */
	CHECK(!lq_utf8_valid("\xf4\x90\x80\x80", 4));	/* above U+10FFFF */
	CHECK(!lq_utf8_valid("\xe2\x82", 2));		/* truncated */
	for (size_t off = 0; off < 40; off++) {	/* after ASCII runs of every length */
		char t[64];

		memset(t, 'a', sizeof t);
		memcpy(t + off, "\xc0\xaf", 2);
		CHECK(!lq_utf8_valid(t, off + 12));
		memcpy(t + off, "\xc3\xa9", 2);
		CHECK(lq_utf8_valid(t, off + 12));
		CHECK(!lq_utf8_valid(t, off + 1));	/* cut inside it */
	}

	t_begin("base64: round trip and bad input");
	{
		static const char *v[][2] = { { "", "" }, { "f", "Zg==" }, { "fo", "Zm8=" },
		    { "foo", "Zm9v" }, { "foob", "Zm9vYg==" }, { "fooba", "Zm9vYmE=" } };
		size_t n;

		for (size_t i = 0; i < LQ_NELEM(v); i++) {
			char *e = lq_base64_encode((const unsigned char *)v[i][0], strlen(v[i][0]));
			unsigned char *d = lq_base64_decode(e, strlen(e), &n);

			CHECK_STR(e, v[i][1]);
			CHECK(d && n == strlen(v[i][0]) && memcmp(d, v[i][0], n) == 0);
			free(e);
			free(d);
		}
		CHECK(lq_base64_decode("Zm9", 3, &n) == NULL);
		CHECK(lq_base64_decode("Zm=v", 4, &n) == NULL);
		CHECK(lq_base64_decode("Z!9v", 4, &n) == NULL);
	}
	t_begin("base64: the table decoder against a character-by-character one, every group of hostile bytes");
	{
		/* alphabet edges, padding, and bytes that must be refused:
		 * the JSON specials, NUL, space, a high byte, '-' and '_' of
		 * base64url, the neighbours of each alphabet range */
		static const char cs[] = "AZaz09+/=\"\\\0 \x80\xff-_@[`{.:";
		const size_t ncs = sizeof cs - 1;
		char in[12];
		unsigned char want[16], got[16], *d;
		long wn, gn;
		size_t n, bad = 0;

		for (size_t i = 0; i < ncs * ncs * ncs * ncs; i++) {
			size_t k = i;

			for (int j = 0; j < 4; j++, k /= ncs)
				in[j] = cs[k % ncs];
			memcpy(in + 4, "QUJD", 4);	/* "ABC": the group not last */
			for (int last = 0; last < 2; last++) {
				/* the group alone (the last), or before "QUJD" */
				const char *t = in;
				size_t tn = last ? 4 : 8;

				wn = ref_b64(t, tn, want);
				memset(got, 0xaa, sizeof got);
				gn = lq_base64_decode_to(t, tn, got);
				if (wn != gn || (wn >= 0 && (memcmp(want, got, (size_t)wn) != 0 ||
				    (size_t)wn != lq_base64_decoded_len(t, tn) || got[wn] != 0xaa)))
					bad++;
				d = lq_base64_decode(t, tn, &n);
				if ((d == NULL) != (wn < 0) || (d && (n != (size_t)wn || memcmp(d, want, n) != 0)))
					bad++;
				free(d);
			}
		}
		CHECK_INT(bad, 0);
		/* a run stops at the first group that is not four alphabet
		 * characters, and counts what it decoded */
		CHECK_INT(lq_base64_run("QUJDQUJD", 8, got), 8);
		CHECK(memcmp(got, "ABCABC", 6) == 0);
		CHECK_INT(lq_base64_run("QUJDQUJDQU==", 12, got), 8);
		CHECK_INT(lq_base64_run("QUJDQU\"x", 8, got), 4);
		CHECK_INT(lq_base64_run("QUJDQUJDQUJ", 11, got), 8);	/* a part group is not taken */
		CHECK_INT(lq_base64_run("!UJDQUJD", 8, got), 0);
		CHECK_INT(lq_base64_run("", 0, got), 0);
		CHECK_INT(lq_base64_decode_to("QUJD", 3, got), -1);	/* length */
		CHECK_INT(lq_base64_decode_to("", 0, got), 0);
		/* a long one, every byte value, every position of the padding */
		{
			unsigned char raw[300];
			char *e;

			for (size_t i = 0; i < sizeof raw; i++)
				raw[i] = (unsigned char)(i * 7 + 3);
			for (size_t len = 290; len <= 300; len++) {
				unsigned char out[300];

				e = lq_base64_encode(raw, len);
				CHECK(lq_base64_decoded_len(e, strlen(e)) == len);
				CHECK(lq_base64_decode_to(e, strlen(e), out) == (long)len && memcmp(out, raw, len) == 0);
				e[strlen(e) / 2] = '!';	/* one bad byte in the middle */
				CHECK(lq_base64_decode_to(e, strlen(e), out) == -1);
				free(e);
			}
		}
	}
	/* Last: the stop stays requested for the rest of the process. */
	t_begin("reader: SIGTERM while blocked on a pipe: lines read are kept, a cut line too, then the end");
	{
		int fds[2];
		pid_t child, me = getpid();
		FILE *fp;
		struct lq_reader *rd;
		json_t *rec;

		lq_stop_init();
		CHECK(pipe(fds) == 0);
		/* Two records and the start of a third; the pipe stays open. */
		CHECK(write(fds[1], "{\"a\":1}\n{\"b\":2}\r{\"c\":", 22) == 22);
		child = fork();
		if (child == 0) {
			usleep(300000);
			kill(me, SIGTERM);
			_exit(0);
		}
		fp = fdopen(fds[0], "r");
		rd = lq_reader_new(fp, "<pipe>");
		rec = lq_reader_next(rd);
		CHECK(rec && json_integer_value(json_object_get(rec, "a")) == 1);
		json_decref(rec);
		rec = lq_reader_next(rd);
		CHECK(rec && json_integer_value(json_object_get(rec, "b")) == 2);
		json_decref(rec);
		rec = lq_reader_next(rd);	/* blocks until the signal */
		CHECK(rec && lq_rec_failed(rec));
		CHECK_STR(lq_rec_str(json_object_get(rec, "error"), "code"), "interrupted");
		CHECK_STR(lq_rec_str(rec, "raw"), "{\"c\":");
		json_decref(rec);
		CHECK(lq_reader_next(rd) == NULL);
		CHECK(lq_reader_stopped(rd));
		CHECK_INT(lq_stop_requested(), SIGTERM);
		lq_reader_free(rd);
		fclose(fp);
		close(fds[1]);
		waitpid(child, NULL, 0);
	}

	return t_done();
}
