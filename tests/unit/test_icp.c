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
	rejects("", "icp.json: line");
	rejects("{\"notes\":\"a\",\"notes\":\"b\"}", "duplicate");
	return t_done();
}
