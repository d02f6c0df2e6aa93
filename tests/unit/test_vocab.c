/* test_vocab.c: the vocabulary file format, the built-in files, overrides and the digest. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "diag.h"
#include "labelset.h"
#include "match.h"
#include "sizes.h"
#include "t.h"
#include "util.h"
#include "vocab.h"

static char err[512];

/* Parses text as file name into a new vocabulary; NULL (err set) on error. */
static struct lq_vocab *
parse(const char *name, const char *text, size_t len)
{
	struct lq_vocab *v = lq_vocab_new();

	if (lq_vocab_parse(v, name, NULL, text, len, 0, err, sizeof err) != 0) {
		lq_vocab_free(v);
		return NULL;
	}
	return v;
}

static struct lq_vocab *
parses(const char *name, const char *text)
{
	return parse(name, text, strlen(text));
}

/* 1 if text is refused and the message holds want. */
static int
refused(const char *text, size_t len, const char *want)
{
	struct lq_vocab *v = parse("x.vocab", text, len);

	if (v) {
		lq_vocab_free(v);
		printf("#   accepted: %.60s\n", text);
		return 0;
	}
	if (strstr(err, want) == NULL) {
		printf("#   message \"%s\" lacks \"%s\"\n", err, want);
		return 0;
	}
	return 1;
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	fputs(text, fp);
	fclose(fp);
}

static void
digest(const struct lq_vocab *v, const char *file, char hex[65])
{
	const char *files[] = { file, NULL };

	lq_vocab_digest(v, file ? files : NULL, hex);
}

int
main(void)
{
	struct lq_vocab *v, *w;
	const struct lq_vocab_table *t;
	char a[65], b[65], dir[] = "/tmp/test_vocab.XXXXXX", path[512];
	const struct lq_vocab_file *f;
	char *big;
	size_t i;

	lq_init("test_vocab");
	lq_quiet = 1;

	t_begin("records, sections, trimming, comments");
	v = parses("words.vocab", "# a comment\n  alpha | beta gamma |  delta  \n\n[more]\n\t# indented comment\none\n"
	    "two | | three\n");
	CHECK(v != NULL);
	t = v ? lq_vocab_table(v, "words") : NULL;
	CHECK(t && t->n == 1 && t->rec[0].n == 3);
	if (t && t->n == 1 && t->rec[0].n == 3) {
		CHECK_STR(t->rec[0].f[0], "alpha");
		CHECK_STR(t->rec[0].f[1], "beta gamma");
		CHECK_STR(t->rec[0].f[2], "delta");
		CHECK_INT(t->rec[0].line, 2);
		CHECK_STR(t->rec[0].file, "words.vocab");
	}
	t = v ? lq_vocab_table(v, "words.more") : NULL;
	CHECK(t && t->n == 2);
	if (t && t->n == 2) {
		CHECK_STR(t->rec[0].f[0], "one");
		CHECK_INT(t->rec[1].n, 3);
		CHECK_STR(t->rec[1].f[1], "");
		CHECK_INT(t->rec[1].line, 7);
	}
	CHECK(v && lq_vocab_table(v, "more") == NULL);
	lq_vocab_free(v);

	t_begin("escapes: \\| \\\\ \\# \\@ \\[ ; # inside a line is text");
	v = parses("e.vocab", "a\\|b | c\\\\d | C# and F#\n\\#hash\n\\@at\n\\[bracket]\n");
	t = v ? lq_vocab_table(v, "e") : NULL;
	CHECK(t && t->n == 4);
	if (t && t->n == 4) {
		CHECK_STR(t->rec[0].f[0], "a|b");
		CHECK_STR(t->rec[0].f[1], "c\\d");
		CHECK_STR(t->rec[0].f[2], "C# and F#");
		CHECK_STR(t->rec[1].f[0], "#hash");
		CHECK_STR(t->rec[2].f[0], "@at");
		CHECK_STR(t->rec[3].f[0], "[bracket]");
	}
	lq_vocab_free(v);

	t_begin("CRLF line ends, a UTF-8 BOM, no final newline, UTF-8 words");
	v = parses("c.vocab", "\xef\xbb\xbfone | 1\r\nDirecteur financier | Geschäftsführer | 最高技術責任者\r\nlast");
	t = v ? lq_vocab_table(v, "c") : NULL;
	CHECK(t && t->n == 3);
	if (t && t->n == 3) {
		CHECK_STR(t->rec[0].f[0], "one");
		CHECK_STR(t->rec[0].f[1], "1");
		CHECK_STR(t->rec[1].f[2], "最高技術責任者");
		CHECK_STR(t->rec[2].f[0], "last");
	}
	lq_vocab_free(v);

	t_begin("an empty file and a file of comments are empty vocabularies, not errors");
	v = parses("empty.vocab", "");
	CHECK(v && lq_vocab_table(v, "empty") == NULL);
	lq_vocab_free(v);
	v = parses("empty.vocab", "# nothing\n\n   \n[sec]\n");
	CHECK(v && (t = lq_vocab_table(v, "empty.sec")) != NULL && t->n == 0);
	lq_vocab_free(v);

	t_begin("malformed lines are refused with the file and line");
	CHECK(refused("ok\n[bad section\n", 16, "x.vocab: line 2: a section is \"[name]\""));
	CHECK(refused("[a b]\n", 6, "line 1: a section"));
	CHECK(refused("[]\n", 3, "line 1: a section"));
	CHECK(refused("[s] x\n", 6, "line 1: a section"));
	CHECK(refused("a\n@include other\n", 17, "line 2: unknown directive"));
	CHECK(refused("a\n@extend\n", 10, "line 2: @extend must come before any record"));
	CHECK(refused("a \\n b\n", 7, "line 1: unknown escape \"\\n\""));
	CHECK(refused("trailing \\", 10, "line 1: unknown escape"));
	CHECK(refused("a\n | b\n", 7, "line 2: the first field is empty"));
	CHECK(refused("a\nb\x01\n", 4, "line 2: control character 0x01"));
	CHECK(refused("a\x7f\n", 3, "line 1: control character 0x7f"));

	t_begin("wrong encodings: Latin-1, UTF-16, overlong UTF-8");
	CHECK(refused("ok\nGesch\xe4\x66tsf\xfchrer\n", 19, "x.vocab: line 2: not valid UTF-8"));
	CHECK(refused("\xff\xfe" "a\0b\0\n\0", 8, "NUL bytes: not UTF-8 text (UTF-16"));
	CHECK(refused("\xc0\xaf\n", 3, "line 1: not valid UTF-8"));

	t_begin("huge: a long line, too many fields, a file over the limit");
	big = lq_xmalloc(LQ_VOCAB_MAX_FILE + 2);
	memset(big, 'a', LQ_VOCAB_MAX_LINE + 1);
	big[LQ_VOCAB_MAX_LINE + 1] = '\n';
	CHECK(refused(big, LQ_VOCAB_MAX_LINE + 2, "line 1: longer than 4096 bytes"));
	memset(big, 'a', LQ_VOCAB_MAX_LINE);
	CHECK((v = parse("x.vocab", big, LQ_VOCAB_MAX_LINE)) != NULL);
	lq_vocab_free(v);
	for (i = 0; i < 2 * (LQ_VOCAB_MAX_FIELDS + 1); i += 2)
		big[i] = 'f', big[i + 1] = '|';
	CHECK(refused(big, 2 * (LQ_VOCAB_MAX_FIELDS + 1), "line 1: more than 64 fields"));
	for (i = 0; i < LQ_VOCAB_MAX_FILE + 1; i++)
		big[i] = i % 80 == 79 ? '\n' : 'w';
	CHECK(refused(big, LQ_VOCAB_MAX_FILE + 1, "larger than 1048576"));
	free(big);

	t_begin("file names: NAME.vocab only");
	v = lq_vocab_new();
	CHECK(lq_vocab_parse(v, "words.txt", NULL, "a\n", 2, 0, err, sizeof err) == -1 && strstr(err, "NAME.vocab"));
	CHECK(lq_vocab_parse(v, "../x.vocab", NULL, "a\n", 2, 0, err, sizeof err) == -1);
	CHECK(lq_vocab_parse(v, ".vocab", NULL, "a\n", 2, 0, err, sizeof err) == -1);
	lq_vocab_free(v);

	t_begin("a bad file leaves the vocabulary as it was");
	v = parses("w.vocab", "keep\n");
	CHECK(v && lq_vocab_parse(v, "w.vocab", NULL, "new\n\xff\n", 6, 0, err, sizeof err) == -1);
	CHECK(v && (t = lq_vocab_table(v, "w")) && t->n == 1 && strcmp(t->rec[0].f[0], "keep") == 0);
	lq_vocab_free(v);

	t_begin("a second file of the same name replaces every table of the first; @extend appends");
	v = parses("w.vocab", "a\n[s]\nb\n");
	CHECK(v && lq_vocab_parse(v, "w.vocab", "/dir/w.vocab", "c\n", 2, 0, err, sizeof err) == 0);
	CHECK(v && (t = lq_vocab_table(v, "w")) && t->n == 1 && strcmp(t->rec[0].f[0], "c") == 0
	    && strcmp(t->rec[0].file, "/dir/w.vocab") == 0);
	CHECK(v && lq_vocab_table(v, "w.s") == NULL);
	CHECK(v && lq_vocab_parse(v, "w.vocab", NULL, "# mine\n@extend\nd\n[s]\ne\n", 23, 0, err, sizeof err) == 0);
	CHECK(v && (t = lq_vocab_table(v, "w")) && t->n == 2 && strcmp(t->rec[1].f[0], "d") == 0
	    && t->rec[1].line == 3);
	CHECK(v && (t = lq_vocab_table(v, "w.s")) && t->n == 1);
	lq_vocab_free(v);

	t_begin("the digest: same content, same digest; any field, record or name changes it");
	v = parses("d.vocab", "a | b\n[s]\nc\n");
	w = parses("d.vocab", "# a comment\n  a|b  \r\n\n[s]\nc");
	digest(v, NULL, a);
	digest(w, NULL, b);
	CHECK_STR(a, b);
	CHECK_INT(strlen(a), 64);
	lq_vocab_free(w);
	{
		static const char *const variants[] = { "a | c\n[s]\nc\n", "a | b\n[s]\nc\nd\n", "a | b\n[t]\nc\n",
			"a | b |\n[s]\nc\n", "a\n[s]\nc\n", "ab\n[s]\nc\n", "a | b\n[s]\nc\n[u]\n", NULL };
		const char *const *x;

		for (x = variants; *x; x++) {
			w = parses("d.vocab", *x);
			digest(w, NULL, b);
			if (strcmp(a, b) == 0)
				printf("#   same digest for \"%s\"\n", *x);
			CHECK(strcmp(a, b) != 0);
			lq_vocab_free(w);
		}
	}
	w = parses("e.vocab", "a | b\n[s]\nc\n");
	digest(w, NULL, b);
	CHECK(strcmp(a, b) != 0);	/* the file name is part of the table names */
	lq_vocab_free(w);

	t_begin("the digest of some files ignores the others");
	CHECK(lq_vocab_parse(v, "other.vocab", NULL, "x\n", 2, 0, err, sizeof err) == 0);
	digest(v, "d", b);
	CHECK_STR(a, b);
	digest(v, NULL, b);
	CHECK(strcmp(a, b) != 0);
	digest(v, "other", a);
	CHECK(lq_vocab_parse(v, "d.vocab", NULL, "changed\n", 8, 0, err, sizeof err) == 0);
	digest(v, "other", b);
	CHECK_STR(a, b);
	digest(v, "d", b);
	CHECK(strcmp(a, b) != 0);
	lq_vocab_free(v);

	t_begin("the built-in files parse, and their tables are found");
	CHECK(lq_vocab_builtin[0].name != NULL);
	for (f = lq_vocab_builtin; f->name; f++) {
		v = lq_vocab_new();
		if (lq_vocab_parse(v, f->name, NULL, f->text, f->len, 0, err, sizeof err) != 0)
			printf("#   %s\n", err);
		CHECK(lq_vocab_table(v, "x") == NULL);
		lq_vocab_free(v);
	}
	v = lq_vocab_load(NULL, err, sizeof err);
	CHECK(v && lq_vocab_table(v, "icp-lexicon.titles") && lq_vocab_table(v, "icp-cues.revise")
	    && lq_vocab_table(v, "company-sizes.bands"));
	{
		static const char *const tables[] = { "titles.expand", "titles.senses", "titles.lapsed",
			"titles.recruiter", "titles.vendor", "titles.side", "titles.past", "industries.groups", "industries.words",
			"industries.related", "industries.practice", "labels.industry", "labels.company_type",
			"labels.narrow", "labels.linkedin", "labels.linkedin-words", "labels.industry-words",
			"company-sizes.kinds", "company-sizes.size-words", "company-sizes.linkedin-kinds",
			"company-sizes.units", NULL };

		for (i = 0; tables[i]; i++) {
			t = v ? lq_vocab_table(v, tables[i]) : NULL;
			if (t == NULL || t->n == 0)
				printf("#   no table %s\n", tables[i]);
			CHECK(t && t->n > 0);
		}
	}
	digest(v, NULL, a);
	lq_vocab_free(v);

	t_begin("the title, industry and label vocabularies, as the programs read them");
	{
		struct lq_title tt;
		struct lq_classes cl;
		const char *const *narrow = NULL, *lab;
		char sv[64], cv[64], zv[64];

		lq_title_analyse("Directeur Financier", &tt);
		CHECK_STR(tt.canon, "finance director");
		CHECK(tt.fn == LQ_FN_FINANCE && tt.level == LQ_LEVEL_HEAD);
		free(tt.canon);
		lq_title_analyse("Co-founder & CPO", &tt);
		CHECK(tt.fn == (LQ_FN_PEOPLE | LQ_FN_PRODUCT) && tt.level == LQ_LEVEL_CLEVEL);
		free(tt.canon);
		CHECK(lq_headline_stance("Placing CFOs in fintech") == LQ_STANCE_RECRUITER);
		CHECK(lq_headline_stance("I help SaaS founders hire") == LQ_STANCE_VENDOR);
		CHECK(lq_title_side("Board Member") == 1 && lq_title_side("Head of Onboarding") == 0);
		CHECK(lq_industry_lexsim(lq_industry_groups("Fintech"), lq_industry_groups("Banking")) == 0.5);
		CHECK(lq_company_groups("Clarity AI Coaching", NULL) == 0 && lq_company_groups("Clarity AI", NULL) != 0);
		lab = lq_linkedin_industry("computer software", &narrow);
		CHECK(lab && strcmp(lab, "SaaS") == 0 && narrow && strcmp(narrow[0], "Fintech") == 0);
		lab = lq_linkedin_industry("Industrial Machinery Manufacturing", &narrow);
		CHECK(lab && strcmp(lab, "Manufacturing") == 0 && narrow == NULL);
		CHECK(lq_industry_words("Fintech") && strcmp(lq_industry_words("Fintech")[0], "fintech") == 0);
		lq_classes_default(&cl);
		CHECK(cl.industry.n == 20 && strcmp(cl.industry.label[19], "Other") == 0 && cl.company_type.n == 7);
		lq_classes_free(&cl);
		CHECK_STR(lq_company_signal("a fractional CFO", NULL), "freelance");
		CHECK_STR(lq_company_signal("a DAX group", NULL), "enterprise");
		/* company-sizes.kinds, .linkedin-kinds and .units: classify's and
		 * score's one list of each */
		CHECK_STR(lq_size_kind_as("interim cfo at a retained search firm", "agency", NULL), "agency");
		CHECK_STR(lq_size_kind_as("interim cfo at a retained search firm", "freelance", NULL), "freelance");
		CHECK(lq_size_kind_as("agency side", "freelance", NULL) == NULL);
		CHECK_STR(lq_company_signal("Executive search for CFOs", NULL), "agency");
		CHECK_STR(lq_size_linkedin_kind("staffing AND recruiting"), "agency");
		CHECK(lq_size_linkedin_kind("Staffing") == NULL && lq_size_linkedin_kind(NULL) == NULL);
		CHECK(lq_size_unit("employees of") && lq_size_unit("fte") && lq_size_unit("mitarbeitende"));
		CHECK(!lq_size_unit("employ") && !lq_size_unit("years") && !lq_size_unit(""));
		CHECK_STR(lq_company_signal("600 personnes", NULL), "mid-market");
		CHECK_STR(lq_company_signal("1 200 Mitarbeiter", NULL), "enterprise");
		lq_match_versioned(sv, sizeof sv, "s");
		lq_labels_versioned(cv, sizeof cv, "s");
		lq_sizes_versioned(zv, sizeof zv, "s");
		CHECK(strncmp(sv, "s+vocab:", 8) == 0 && strlen(sv) == 20);
		CHECK(strcmp(sv, cv) != 0 && strcmp(sv, zv) != 0 && strcmp(cv, zv) != 0);
	}

	t_begin("an override folder: replace, extend, unknown names warned and skipped");
	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/icp-cues.vocab", dir);
	write_file(path, "@extend\n[revise]\nhold on\n");
	snprintf(path, sizeof path, "%s/company-sizes.vocab", dir);
	write_file(path, "[bands]\nsmall | 0 | 10\n");
	snprintf(path, sizeof path, "%s/typo.vocab", dir);
	write_file(path, "\xff\n");
	snprintf(path, sizeof path, "%s/README", dir);
	write_file(path, "not read\n");
	v = lq_vocab_load(dir, err, sizeof err);
	CHECK(v != NULL);
	if (v) {
		const struct lq_vocab_table *base;

		w = lq_vocab_load(NULL, err, sizeof err);
		base = lq_vocab_table(w, "icp-cues.revise");
		t = lq_vocab_table(v, "icp-cues.revise");
		CHECK(t && base && t->n == base->n + 1 && strcmp(t->rec[t->n - 1].f[0], "hold on") == 0);
		CHECK(t && strstr(t->rec[t->n - 1].file, "/icp-cues.vocab") && t->rec[t->n - 1].line == 3);
		CHECK(t && strcmp(t->rec[0].file, "icp-cues.vocab") == 0);
		t = lq_vocab_table(v, "company-sizes.bands");
		CHECK(t && t->n == 1 && strcmp(t->rec[0].f[0], "small") == 0);
		CHECK(lq_vocab_table(v, "typo") == NULL);
		digest(v, NULL, b);
		CHECK(strcmp(a, b) != 0);
		digest(v, "icp-lexicon", a);
		digest(w, "icp-lexicon", b);
		CHECK_STR(a, b);
		lq_vocab_free(w);
	}
	lq_vocab_free(v);

	t_begin("a bad override file is refused with its path and line; a missing folder too");
	snprintf(path, sizeof path, "%s/icp-lexicon.vocab", dir);
	write_file(path, "[titles]\nCFO | CFO\n[oops\n");
	v = lq_vocab_load(dir, err, sizeof err);
	CHECK(v == NULL && strstr(err, "/icp-lexicon.vocab: line 3: a section") != NULL);
	lq_vocab_free(v);
	unlink(path);
	snprintf(path, sizeof path, "%s/nope", dir);
	v = lq_vocab_load(path, err, sizeof err);
	CHECK(v == NULL && strstr(err, "/nope: No such file or directory") != NULL);
	lq_vocab_free(v);
	CHECK((v = lq_vocab_load("", err, sizeof err)) != NULL);
	lq_vocab_free(v);

	snprintf(path, sizeof path, "%s/icp-cues.vocab", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/company-sizes.vocab", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/typo.vocab", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/README", dir);
	unlink(path);
	rmdir(dir);

	t_begin("lq_vocab_words: the first fields, NULL-terminated");
	v = parses("l.vocab", "[w]\none\ntwo\n");
	{
		const char **ws = lq_vocab_words(v, "l.w");

		CHECK(ws[0] && ws[1] && !ws[2] && strcmp(ws[1], "two") == 0);
		free(ws);
	}
	lq_vocab_free(v);
	return t_done();
}
