/* test_icp.c: ICP validation messages name the line; the ICP sentence. */
#include <stdlib.h>

#include "diag.h"
#include "icp.h"
#include "t.h"

static char err[1024];

static struct lq_icp *
parse(const char *text)
{
	err[0] = '\0';
	return lq_icp_parse(text, strlen(text), "icp.json", err, sizeof err);
}

static struct lq_icp *
parse_strict(const char *text)
{
	err[0] = '\0';
	return lq_icp_parse_strict(text, strlen(text), "icp.json", err, sizeof err);
}

/* Strict parsing must reject text with a message containing want, and
 * the lenient one (score's) accept it. */
static void
strict_rejects(const char *text, const char *want)
{
	struct lq_icp *icp = parse_strict(text);

	CHECK(icp == NULL);
	if (strstr(err, want) == NULL) {
		t_case_failed = 1;
		printf("#   message \"%s\" lacks \"%s\"\n", err, want);
	}
	lq_icp_free(icp);
	icp = parse(text);
	CHECK(icp != NULL);
	lq_icp_free(icp);
}

/* The text parses with exactly the conflicts want (NULL-terminated) and
 * nstale stale _conflicts entries. */
static void
conflicts(const char *text, const char *const *want, size_t nstale)
{
	struct lq_icp *icp = parse_strict(text);
	size_t n = 0;

	CHECK(icp != NULL);
	if (icp == NULL) {
		printf("#   %s\n", err);
		return;
	}
	while (want[n])
		n++;
	CHECK(icp->conflicts.n == n);
	for (size_t i = 0; i < n && i < icp->conflicts.n; i++)
		CHECK_STR(icp->conflicts.v[i], want[i]);
	CHECK(icp->stale_conflicts.n == nstale);
	lq_icp_free(icp);
}

/* The text must be rejected with a message containing want. */
static void
rejects(const char *text, const char *want)
{
	struct lq_icp *icp = parse(text);

	CHECK(icp == NULL);
	if (strstr(err, want) == NULL) {
		t_case_failed = 1;
		printf("#   message \"%s\" lacks \"%s\"\n", err, want);
	}
	lq_icp_free(icp);
}

int
main(int argc, char **argv)
{
	struct lq_icp *icp;
	char *s;
	(void)argc;

	lq_init(argv[0]);
	t_begin("a full ICP parses; the sentence is the original service's");
	icp = parse("{\"client\":\"B\",\"target_titles\":[\"CFO\",\"Head of Finance\"],\n"
	    "\"target_industries\":[\"Fintech\"],\"company_sizes\":[\"startup\",\"mid-market\"],\n"
	    "\"target_keywords\":[\"FP&A\"],\"exclude_titles\":[\"Recruiter\"],\"notes\":\"n\",\"_comment\":1}");
	CHECK(icp != NULL);
	if (icp) {
		CHECK_INT(icp->target_titles.n, 2);
		CHECK_STR(icp->exclude_titles.v[0], "Recruiter");
		s = lq_icp_sentence(icp);
		CHECK_STR(s, "Target titles: CFO, Head of Finance | Industries: Fintech | "
		    "Company sizes: startup, mid-market | Keywords: FP&A | Notes: n");
		CHECK_INT(strlen(icp->hash), 64);
		free(s);
		lq_icp_free(icp);
	}

	t_begin("provenance objects are accepted as criteria");
	icp = parse("{\"target_titles\":[{\"value\":\"CFO\",\"sources\":[{\"meeting\":\"1\"}]}]}");
	CHECK(icp != NULL && icp->target_titles.n == 1 && strcmp(icp->target_titles.v[0], "CFO") == 0);
	lq_icp_free(icp);

	t_begin("the hash changes with the criteria, not with the client name");
	{
		struct lq_icp *a = parse("{\"client\":\"A\",\"target_titles\":[\"CFO\"]}");
		struct lq_icp *b = parse("{\"client\":\"B\",\"target_titles\":[\"CFO\"]}");
		struct lq_icp *c = parse("{\"client\":\"A\",\"target_titles\":[\"CEO\"]}");

		CHECK(a && b && c);
		if (a && b && c) {
			CHECK_STR(a->hash, b->hash);
			CHECK(strcmp(a->hash, c->hash) != 0);
		}
		lq_icp_free(a), lq_icp_free(b), lq_icp_free(c);
	}

	t_begin("wrong types name the key and its line");
	rejects("{\n\"client\":\"x\",\n\"target_titles\":\"CFO\"\n}", "icp.json: line 3: target_titles: expected an array of strings, got a string");
	rejects("{\"target_titles\":[\n\"CFO\",\n42\n]}", "line 3: target_titles[1]: expected a string, got a number");
	rejects("{\"target_titles\":[\"CFO\"],\n\"notes\":[\"x\"]}", "line 2: notes: expected a string, got an array");
	rejects("{\"target_titles\":[{\"v\":\"CFO\"}]}", "target_titles[0]: an object element needs a string \"value\"");

	t_begin("unknown keys, sizes, duplicates, empty strings");
	rejects("{\"target_titles\":[\"CFO\"],\n\"titles\":[\"x\"]}", "line 2: unknown key \"titles\"");
	rejects("{\"company_sizes\":[\"startup\",\n\"huge\"]}", "line 2: company_sizes[1]: \"huge\" is not a company size");
	rejects("{\"target_titles\":[\"CFO\",\"cfo\"]}", "\"cfo\" is listed twice");
	rejects("{\"target_titles\":[\"  \"]}", "target_titles[0]: empty string");

	t_begin("empty ICP, not an object, invalid JSON, duplicate keys");
	rejects("{}", "empty ICP");
	rejects("{\"client\":\"x\",\"exclude_titles\":[\"Recruiter\"]}", "empty ICP");
	rejects("[1,2]", "expected a JSON object with ICP criteria, got an array");
	rejects("{\"target_titles\":[\"CFO\"", "icp.json: line 1, column");
	rejects("", "icp.json: empty");
	rejects(" \n\t", "icp.json: empty");
	rejects("{\"notes\":\"a\",\"notes\":\"b\"}", "duplicate");

	t_begin("conflicts: by value or alias, case and accents ignored, per list family");
	conflicts("{\"target_titles\":[\"CFO\",\"Student\"],\"exclude_titles\":[\"Recruiter\"]}",
	    (const char *const[]){ NULL }, 0);
	conflicts("{\"target_titles\":[\"CFO\",\"Student\"],\"exclude_titles\":[\"STUDENT\"]}",
	    (const char *const[]){ "\"Student\" is in target_titles and in exclude_titles (as \"STUDENT\")", NULL }, 0);
	conflicts("{\"target_titles\":[{\"value\":\"CFO\",\"aliases\":[\"Directeur Financier\"]}],"
	    "\"exclude_titles\":[\"directeur financier\"]}",
	    (const char *const[]){ "\"CFO\" is in target_titles and in exclude_titles (as \"directeur financier\")", NULL }, 0);
	conflicts("{\"target_industries\":[\"Sant\u00e9\"],\"_exclude_industries\":[\"sante\"],"
	    "\"company_sizes\":[\"agency\"],\"_exclude_company_sizes\":[\"agency\"]}",
	    (const char *const[]){ "\"Sant\u00e9\" is in target_industries and in _exclude_industries (as \"sante\")",
	    "\"agency\" is in company_sizes and in _exclude_company_sizes", NULL }, 0);
	/* a title and an excluded industry of the same words are no conflict */
	conflicts("{\"target_titles\":[\"Fintech\"],\"_exclude_industries\":[\"Fintech\"]}",
	    (const char *const[]){ NULL }, 0);

	t_begin("_conflicts entries: still there (synonyms icp-extract knew), or stale");
	conflicts("{\"target_titles\":[\"CFO\"],\"exclude_titles\":[\"Chief Financial Officer\"],"
	    "\"_conflicts\":[{\"value\":\"CFO\",\"target\":\"target_titles\",\"exclusion\":\"exclude_titles\","
	    "\"excluded_as\":\"Chief Financial Officer\"}]}",
	    (const char *const[]){ "\"CFO\" is in target_titles and in exclude_titles (as \"Chief Financial Officer\")",
	    NULL }, 0);
	conflicts("{\"target_titles\":[\"CFO\"],"
	    "\"_conflicts\":[{\"value\":\"Student\",\"target\":\"target_titles\",\"exclusion\":\"exclude_titles\"}]}",
	    (const char *const[]){ NULL }, 1);
	/* found both ways: listed once */
	conflicts("{\"target_titles\":[\"Student\"],\"exclude_titles\":[\"Student\"],"
	    "\"_conflicts\":[{\"value\":\"Student\",\"target\":\"target_titles\",\"exclusion\":\"exclude_titles\"}]}",
	    (const char *const[]){ "\"Student\" is in target_titles and in exclude_titles", NULL }, 0);

	t_begin("strict: the annotations lq writes, and object elements");
	strict_rejects("{\"target_titles\":[{\"value\":\"CFO\",\"weight\":2}]}",
	    "target_titles[0]: \"weight\" is not a key of a criterion");
	strict_rejects("{\"target_titles\":[{\"value\":\"CFO\",\"aliases\":\"x\"}]}",
	    "target_titles[0].aliases: expected an array of strings, got a string");
	strict_rejects("{\"target_titles\":[{\"value\":\"CFO\",\"sources\":[1]}]}",
	    "target_titles[0].sources[0]: expected an object, got a number");
	strict_rejects("{\"target_titles\":[\"CFO\"],\n\"_conflicts\":{}}", "line 2: _conflicts: expected an array");
	strict_rejects("{\"target_titles\":[\"CFO\"],\"_conflicts\":[{\"value\":\"x\",\"target\":\"target_titles\","
	    "\"exclusion\":\"_exclude_industries\"}]}", "must name a list and its exclusions");
	strict_rejects("{\"target_titles\":[\"CFO\"],\"_conflicts\":[{\"value\":\"x\",\"target\":\"target_titles\","
	    "\"exclusion\":\"exclude_titles\",\"why\":\"y\"}]}", "unknown key \"why\"");
	strict_rejects("{\"target_titles\":[\"CFO\"],\"_exclude_company_sizes\":[\"huge\"]}",
	    "_exclude_company_sizes[0]: \"huge\" is not a company size");
	strict_rejects("{\"target_titles\":[\"CFO\"],\"_exclude_industries\":[3]}",
	    "_exclude_industries[0]: expected a string, got a number");
	strict_rejects("{\"target_titles\":[\"CFO\"],\"_meetings\":[{}]}", "_meetings[0]: expected a meeting id");
	icp = parse_strict("{\"target_titles\":[\"CFO\"],\"_meetings\":[\"a\",7],\"_mine\":{\"any\":1}}");
	CHECK(icp != NULL);
	lq_icp_free(icp);

	t_begin("regions: an array (include) or include and exclude, of places lq knows");
	{
		char h1[65], h2[65];

		icp = parse_strict("{\"target_titles\":[\"CFO\"],\"regions\":[\"Spain\",{\"value\":\"LATAM\",\"sources\":[]}]}");
		CHECK(icp && icp->has_regions && icp->regions_include.n == 2 && icp->regions_exclude.n == 0);
		CHECK_STR(icp ? icp->regions_include.v[1] : NULL, "LATAM");
		lq_icp_free(icp);
		icp = parse_strict("{\"target_titles\":[\"CFO\"],\"regions\":{\"include\":[\"Europe\"],"
		    "\"exclude\":[\"CH\",\"ca-qc\"]}}");
		CHECK(icp && icp->regions_include.n == 1 && icp->regions_exclude.n == 2);
		lq_icp_free(icp);
		icp = parse_strict("{\"target_titles\":[\"CFO\"],\"regions\":[]}");
		CHECK(icp && icp->has_regions && icp->regions_include.n == 0);
		lq_icp_free(icp);
		/* the hash: the same without the key, another with it */
		icp = parse("{\"target_titles\":[\"CFO\"]}");
		snprintf(h1, sizeof h1, "%s", icp ? icp->hash : "");
		lq_icp_free(icp);
		icp = parse("{\"target_titles\":[\"CFO\"],\"regions\":[\"Spain\"]}");
		snprintf(h2, sizeof h2, "%s", icp ? icp->hash : "");
		lq_icp_free(icp);
		CHECK(strcmp(h1, h2) != 0);
		rejects("{\"target_titles\":[\"CFO\"],\n\"regions\":\"Spain\"}",
		    "line 2: regions: expected an array of places or an object");
		rejects("{\"target_titles\":[\"CFO\"],\"regions\":{\"only\":[\"Spain\"]}}", "regions: unknown key \"only\"");
		rejects("{\"target_titles\":[\"CFO\"],\"regions\":[\"Narnia\"]}", "regions[0]: \"Narnia\" is not a place lq knows");
		rejects("{\"target_titles\":[\"CFO\"],\"regions\":{\"exclude\":[\"\"]}}", "regions.exclude[0]: empty string");
		rejects("{\"target_titles\":[\"CFO\"],\"regions\":{\"include\":[\"ES\"],\"exclude\":[\"Spanien\"]}}",
		    "\"ES\" is in regions.include and \"Spanien\" in regions.exclude");
		rejects("{\"target_titles\":[\"CFO\"],\"regions\":[\"uk\",\"UK\"]}", "regions[1]: \"UK\" is listed twice");
		rejects("{\"regions\":[\"Spain\"]}", "empty ICP");
	}
	return t_done();
}
