/* test_csvout.c: CSV cells, the formula guard, column specs and field paths. */
#include <stdlib.h>
#include <string.h>

#include "csvout.h"
#include "fieldpath.h"
#include "t.h"
#include "util.h"

/* The cell for s[0..n) as a new C string (NUL bytes never survive). */
static char *
cell(const char *s, size_t n, int delim, int flags)
{
	struct lq_buf b = LQ_BUF_INIT;

	lq_buf_adds(&b, "");
	lq_csv_cell(&b, s, n, delim, flags);
	return lq_buf_detach(&b);
}

static void
check_cell(const char *s, int flags, const char *want)
{
	char *got = cell(s, strlen(s), ',', flags);

	CHECK_STR(got, want);
	free(got);
}

/* The cell of a JSON text. */
static void
check_value(const char *json, int flags, const char *want)
{
	struct lq_buf b = LQ_BUF_INIT, t = LQ_BUF_INIT;
	json_t *v = json_loads(json, JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);

	CHECK(v != NULL);
	lq_buf_adds(&b, "");
	lq_csv_value(&b, v, ',', flags, &t);
	CHECK_STR(b.data, want);
	json_decref(v);
	lq_buf_free(&b);
	lq_buf_free(&t);
}

static void
check_bad_spec(const char *spec, const char *want_msg)
{
	struct lq_columns c;
	char err[200];

	CHECK_INT(lq_columns_parse(spec, &c, err, sizeof err), -1);
	CHECK_INT(c.n, 0);
	CHECK_STR(err, want_msg);
}

int
main(void)
{
	struct lq_columns c;
	char err[200];

	t_begin("plain cells are written as they are");
	check_cell("Ann Smith", LQ_CSV_GUARD, "Ann Smith");
	check_cell("", LQ_CSV_GUARD, "");
	check_cell("Zoë 🎉", LQ_CSV_GUARD, "Zoë 🎉");
	check_cell(" lead and trail ", LQ_CSV_GUARD, " lead and trail ");

	t_begin("cells with comma, quote, CR or LF are quoted, quotes doubled");
	check_cell("Smith, Jr.", 0, "\"Smith, Jr.\"");
	check_cell("say \"hi\"", 0, "\"say \"\"hi\"\"\"");
	check_cell("a\nb", 0, "\"a\nb\"");
	check_cell("a\r\nb", 0, "\"a\r\nb\"");
	check_cell("\"", 0, "\"\"\"\"");

	t_begin("the delimiter decides what needs quotes");
	{
		char *s = cell("a,b;c", 5, ';', 0);

		CHECK_STR(s, "\"a,b;c\"");
		free(s);
		s = cell("a,b", 3, ';', 0);
		CHECK_STR(s, "a,b");
		free(s);
		s = cell("a\tb", 3, '\t', 0);
		CHECK_STR(s, "\"a\tb\"");
		free(s);
	}

	t_begin("formula guard: = + - @ TAB CR get a leading quote");
	check_cell("=1+1", LQ_CSV_GUARD, "'=1+1");
	check_cell("+44 20 7946", LQ_CSV_GUARD, "'+44 20 7946");
	check_cell("-5", LQ_CSV_GUARD, "'-5");
	check_cell("@SUM(A1)", LQ_CSV_GUARD, "'@SUM(A1)");
	check_cell("\tx", LQ_CSV_GUARD, "'\tx");
	check_cell("\rx", LQ_CSV_GUARD, "\"'\rx\"");
	check_cell("=HYPERLINK(\"http://e\",\"x\")", LQ_CSV_GUARD,
	    "\"'=HYPERLINK(\"\"http://e\"\",\"\"x\"\")\"");
	check_cell("a=b", LQ_CSV_GUARD, "a=b");
	check_cell("'=already", LQ_CSV_GUARD, "'=already");

	t_begin("formula guard: white space, NBSP, Unicode spaces and fullwidth forms before a formula");
	check_cell(" =1+1", LQ_CSV_GUARD, "' =1+1");
	check_cell("   @SUM(A1)", LQ_CSV_GUARD, "'   @SUM(A1)");
	check_cell("\n-2", LQ_CSV_GUARD, "\"'\n-2\"");
	check_cell("\xc2\xa0=cmd|' /C calc'!A0", LQ_CSV_GUARD, "'\xc2\xa0=cmd|' /C calc'!A0");
	check_cell("\xe3\x80\x80+1", LQ_CSV_GUARD, "'\xe3\x80\x80+1");		/* ideographic space */
	check_cell("\xe2\x80\x8b=1", LQ_CSV_GUARD, "'\xe2\x80\x8b=1");		/* zero width space */
	check_cell("\xef\xbb\xbf@x", LQ_CSV_GUARD, "'\xef\xbb\xbf@x");		/* BOM */
	check_cell("\xef\xbc\x9dSUM(A1)", LQ_CSV_GUARD, "'\xef\xbc\x9dSUM(A1)");	/* ＝ */
	check_cell("\xef\xbc\x8b" "1", LQ_CSV_GUARD, "'\xef\xbc\x8b" "1");		/* ＋ */
	check_cell("\xef\xbc\x8d" "1", LQ_CSV_GUARD, "'\xef\xbc\x8d" "1");		/* － */
	check_cell("\xef\xbc\xa0x", LQ_CSV_GUARD, "'\xef\xbc\xa0x");		/* ＠ */
	check_cell(" \xc2\xa0 \xef\xbc\x9d" "1", LQ_CSV_GUARD, "' \xc2\xa0 \xef\xbc\x9d" "1");
	{
		char *s = cell(" \0\xc2\0\xa0=1", 7, ',', LQ_CSV_GUARD);	/* NULs dropped first */

		CHECK_STR(s, "' \xc2\xa0=1");
		free(s);
	}
	/* Not formulas: text after the spaces, a lone space, other wide forms. */
	check_cell(" Ann", LQ_CSV_GUARD, " Ann");
	check_cell("   ", LQ_CSV_GUARD, "   ");
	check_cell("\xc2\xa0" "Ann", LQ_CSV_GUARD, "\xc2\xa0" "Ann");
	check_cell("\xef\xbc\xa1" "BC", LQ_CSV_GUARD, "\xef\xbc\xa1" "BC");		/* Ａ */
	check_cell("\xc2\xa1=", LQ_CSV_GUARD, "\xc2\xa1=");			/* ¡ is not a space */
	check_cell("\xe2\x80", LQ_CSV_GUARD, "\xe2\x80");				/* truncated UTF-8 */

	t_begin("without the guard formulas pass as they are");
	check_cell("=1+1", 0, "=1+1");
	check_cell("-5", 0, "-5");

	t_begin("NUL bytes are dropped, and the guard sees what remains");
	{
		char *s = cell("A\0nn", 4, ',', LQ_CSV_GUARD);

		CHECK_STR(s, "Ann");
		free(s);
		s = cell("\0=cmd", 5, ',', LQ_CSV_GUARD);
		CHECK_STR(s, "'=cmd");
		free(s);
		s = cell("\0\0", 2, ',', LQ_CSV_GUARD);
		CHECK_STR(s, "");
		free(s);
		s = cell("\0\"", 2, ',', 0);
		CHECK_STR(s, "\"\"\"\"");
		free(s);
	}

	t_begin("JSON values: scalars");
	check_value("null", LQ_CSV_GUARD, "");
	check_value("87", LQ_CSV_GUARD, "87");
	check_value("87.5", LQ_CSV_GUARD, "87.5");
	check_value("0.1", LQ_CSV_GUARD, "0.1");
	check_value("-5", LQ_CSV_GUARD, "-5");
	check_value("\"-5\"", LQ_CSV_GUARD, "'-5");
	check_value("-9007199254740993", LQ_CSV_GUARD, "-9007199254740993");
	check_value("true", LQ_CSV_GUARD, "true");
	check_value("false", LQ_CSV_GUARD, "false");
	check_value("\"a\\u0000b\"", LQ_CSV_GUARD, "ab");

	t_begin("JSON values: arrays of scalars join with \", \"");
	check_value("[]", LQ_CSV_GUARD, "");
	check_value("[\"CFO\"]", LQ_CSV_GUARD, "CFO");
	check_value("[\"CFO\",\"Board member\"]", LQ_CSV_GUARD, "\"CFO, Board member\"");
	check_value("[\"a\",null,\"b\"]", LQ_CSV_GUARD, "\"a, b\"");
	check_value("[-1,2]", LQ_CSV_GUARD, "\"-1, 2\"");
	check_value("[\"=x\"]", LQ_CSV_GUARD, "'=x");
	check_value("[-1,\"x\"]", LQ_CSV_GUARD, "\"'-1, x\"");

	t_begin("JSON values: objects and nested arrays as compact JSON");
	check_value("{\"a\": 1, \"b\": [true]}", LQ_CSV_GUARD, "\"{\"\"a\"\":1,\"\"b\"\":[true]}\"");
	check_value("[{\"t\":\"x\"}]", LQ_CSV_GUARD, "\"[{\"\"t\"\":\"\"x\"\"}]\"");
	check_value("[[1]]", LQ_CSV_GUARD, "[[1]]");

	t_begin("column spec: headers, paths, alternatives");
	CHECK_INT(lq_columns_parse("Name=name, Score = icp_score ,profile.skills[0],"
	    "Last=a[-1],T=current_job_titles|job_title", &c, err, sizeof err), 0);
	CHECK_INT(c.n, 5);
	if (c.n == 5) {
		CHECK_STR(c.col[0].header, "Name");
		CHECK_STR(c.col[1].header, "Score");
		CHECK_STR(c.col[1].alt[0].step[0].key, "icp_score");
		CHECK_STR(c.col[2].header, "profile.skills[0]");
		CHECK_INT(c.col[2].alt[0].n, 3);
		CHECK(c.col[2].alt[0].step[2].key == NULL);
		CHECK_INT(c.col[2].alt[0].step[2].index, 0);
		CHECK_INT(c.col[3].alt[0].step[1].index, -1);
		CHECK_INT(c.col[4].nalt, 2);
		CHECK_STR(c.col[4].alt[1].step[0].key, "job_title");
	}
	lq_columns_free(&c);

	t_begin("column spec: backslash escapes");
	CHECK_INT(lq_columns_parse("Score\\, %=icp_score,A\\=B=x\\.y,\\ sp\\ =k\\|v,"
	    "w\\[0\\]", &c, err, sizeof err), 0);
	CHECK_INT(c.n, 4);
	if (c.n == 4) {
		CHECK_STR(c.col[0].header, "Score, %");
		CHECK_STR(c.col[1].header, "A=B");
		CHECK_INT(c.col[1].alt[0].n, 1);
		CHECK_STR(c.col[1].alt[0].step[0].key, "x.y");
		CHECK_STR(c.col[2].header, " sp ");
		CHECK_STR(c.col[2].alt[0].step[0].key, "k|v");
		CHECK_STR(c.col[3].header, "w[0]");
		CHECK_STR(c.col[3].alt[0].step[0].key, "w[0]");
	}
	lq_columns_free(&c);

	t_begin("column spec: errors name the position");
	check_bad_spec("", "at character 1: empty column");
	check_bad_spec("a,", "at character 3: empty column");
	check_bad_spec("a,,b", "at character 3: empty column");
	check_bad_spec("=a", "at character 1: empty header before '='");
	check_bad_spec("H=", "at character 3: empty path");
	check_bad_spec("a..b", "at character 3: empty field name");
	check_bad_spec("a.", "at character 3: empty field name");
	check_bad_spec("[0]", "at character 1: a path starts with a field name, not '['");
	check_bad_spec("a[", "at character 3: expected a number after '['");
	check_bad_spec("a[x]", "at character 3: expected a number after '['");
	check_bad_spec("a[1", "at character 4: expected ']' after the index");
	check_bad_spec("a[1]x", "at character 5: expected '.' or '[' after ']'");
	check_bad_spec("a]", "at character 2: ']' without '['");
	check_bad_spec("H=a=b", "at character 4: '=' inside a path (write \\= for a literal '=')");
	check_bad_spec("a\\", "at character 2: '\\' at the end escapes nothing");
	check_bad_spec("a[-0]", "at character 3: index -0: use 0 or -1");
	check_bad_spec("a[1234567890]", "at character 3: array index too large");
	check_bad_spec("H=a|", "at character 5: empty path");
	check_bad_spec("N\xff=a", "at character 1: not valid UTF-8");

	t_begin("column spec: limits");
	{
		struct lq_buf b = LQ_BUF_INIT;

		for (int i = 0; i <= LQ_COLUMNS_MAX; i++)
			lq_buf_adds(&b, i ? ",a" : "a");
		CHECK_INT(lq_columns_parse(b.data, &c, err, sizeof err), -1);
		CHECK(strstr(err, "at most 4096 columns") != NULL);
		lq_buf_reset(&b);
		for (int i = 0; i <= LQ_PATH_STEPS_MAX; i++)
			lq_buf_adds(&b, i ? ".a" : "a");
		CHECK_INT(lq_columns_parse(b.data, &c, err, sizeof err), -1);
		CHECK(strstr(err, "at most 64 steps") != NULL);
		lq_buf_free(&b);
	}

	t_begin("paths find values; missing steps give NULL");
	{
		json_t *rec = json_loads("{\"a\":{\"b\":[10,20,{\"c\":\"x\"}]},\"e\":\"\",\"n\":null,"
		    "\"z\":[],\"k.d\":1}", 0, NULL);
		const char *spec = "a.b[0],a.b[-1].c,a.b[3],a.b[-4],a.x,a.b.c,e|a.b[1],n|z|e,k\\.d,a[0]";

		CHECK_INT(lq_columns_parse(spec, &c, err, sizeof err), 0);
		CHECK_INT(c.n, 10);
		if (c.n == 10) {
			CHECK_INT(json_integer_value(lq_column_get(&c.col[0], rec)), 10);
			CHECK_STR(json_string_value(lq_column_get(&c.col[1], rec)), "x");
			CHECK(lq_column_get(&c.col[2], rec) == NULL);
			CHECK(lq_column_get(&c.col[3], rec) == NULL);
			CHECK(lq_column_get(&c.col[4], rec) == NULL);
			CHECK(lq_column_get(&c.col[5], rec) == NULL);
			CHECK_INT(json_integer_value(lq_column_get(&c.col[6], rec)), 20);
			CHECK(lq_column_get(&c.col[7], rec) == NULL);
			CHECK_INT(json_integer_value(lq_column_get(&c.col[8], rec)), 1);
			CHECK(lq_column_get(&c.col[9], rec) == NULL);
		}
		lq_columns_free(&c);
		json_decref(rec);
	}
	return t_done();
}
