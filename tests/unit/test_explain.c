/* test_explain.c: plain-word reasons, evidence, title, tier and link of a lead. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "explain.h"
#include "t.h"
#include "util.h"

static json_t *
rec(const char *json)
{
	json_t *r = json_loads(json, 0, NULL);

	if (r == NULL) {
		printf("# bad test JSON: %s\n", json);
		exit(2);
	}
	return r;
}

/* The reason of a record given as JSON text; "" when there is none. */
static void
check_reason(const char *json, const char *want)
{
	json_t *r = rec(json);
	struct lq_buf b = LQ_BUF_INIT;
	int got = lq_explain_reason(r, &b);

	CHECK_INT(got, want[0] != '\0');
	CHECK_STR(b.len ? b.data : "", want);
	lq_buf_free(&b);
	json_decref(r);
}

static void
check_link(const char *json, const char *want)
{
	json_t *r = rec(json);
	char url[LQ_EXPLAIN_URL_MAX];

	CHECK_INT(lq_explain_link(r, url), want[0] != '\0');
	CHECK_STR(url, want);
	json_decref(r);
}

int
main(void)
{
	t_begin("reason: role, company and keywords in plain words");
	check_reason("{\"components\":{\"title\":{\"value\":1,\"lead\":\"VP People\",\"target\":\"VP People\"},"
	    "\"industry\":{\"value\":1,\"lead\":\"Computer Software\",\"target\":\"B2B software\",\"source\":\"profile\"},"
	    "\"company_type\":{\"value\":1,\"lead\":\"mid-market\",\"source\":\"signal\",\"signal\":\"head count\"},"
	    "\"keywords\":{\"value\":0.67,\"found\":[\"payroll\",\"employee experience\"],\"similar\":[]}}}",
	    "VP People, a target role; a mid-market computer software company; mentions payroll and employee experience.");

	t_begin("reason: title grades");
	check_reason("{\"components\":{\"title\":{\"value\":0.95,\"lead\":\"Personalleiter\",\"target\":\"HR Director\"}}}",
	    "Personalleiter, equivalent to the target HR Director.");
	check_reason("{\"components\":{\"title\":{\"value\":0.8,\"lead\":\"People Manager\",\"target\":\"Head of People\"}}}",
	    "People Manager, close to the target Head of People.");
	check_reason("{\"components\":{\"title\":{\"value\":0.35,\"lead\":\"HR Assistant\",\"target\":\"HR Director\"}}}",
	    "HR Assistant, loosely related to the target HR Director.");
	check_reason("{\"components\":{\"title\":{\"value\":0.1,\"lead\":\"Barista\",\"target\":\"CFO\"}}}",
	    "Barista, not a target role.");
	check_reason("{\"components\":{\"title\":{\"value\":0,\"lead\":null,\"target\":null}}}",
	    "No current job title.");

	t_begin("reason: a knock-out says the role is excluded");
	check_reason("{\"components\":{\"title\":{\"value\":0.2,\"lead\":\"Talent Partner\",\"target\":\"CFO\"},"
	    "\"exclude\":{\"knocked_out\":true,\"value\":1,\"lead\":\"Talent Partner\",\"excluded\":\"Recruiter\"}}}",
	    "Talent Partner, an excluded role (Recruiter).");
	check_reason("{\"components\":{\"exclude\":{\"knocked_out\":true,\"value\":1,\"lead\":\"Recruiter\",\"excluded\":\"recruiter\"}}}",
	    "Recruiter, an excluded role.");

	t_begin("reason: Other and unknown are never shown; what is outside the targets is said");
	check_reason("{\"components\":{\"industry\":{\"value\":0,\"lead\":null,\"target\":\"SaaS\",\"source\":\"text\"},"
	    "\"company_type\":{\"value\":0.4,\"lead\":\"unknown\",\"source\":\"none\"}}}",
	    "Company size and industry unknown.");
	check_reason("{\"components\":{\"industry\":{\"value\":0.2,\"lead\":\"Other\",\"target\":\"SaaS\"},"
	    "\"company_type\":{\"value\":0.5,\"lead\":\"enterprise\"}}}",
	    "A large company, industry unknown and next to the target sizes.");
	check_reason("{\"components\":{\"industry\":{\"value\":0,\"lead\":\"Retail\",\"target\":\"SaaS\"},"
	    "\"company_type\":{\"value\":0,\"lead\":\"agency\"}}}",
	    "A retail agency, outside the target industries and not a target company size.");
	check_reason("{\"components\":{\"industry\":{\"value\":0.5,\"lead\":\"Financial Services\",\"target\":\"Fintech\"}}}",
	    "A financial services company, in an industry related to the targets.");
	check_reason("{\"components\":{\"company_type\":{\"value\":1,\"lead\":\"startup\"},\"industry\":{\"value\":1,\"lead\":\"HRTech\",\"target\":\"HR software\"}}}",
	    "An HRTech startup.");

	t_begin("reason: keywords found, only similar, none");
	check_reason("{\"components\":{\"keywords\":{\"value\":0.5,\"found\":[],\"similar\":[\"treasury\",\"FP&A\"]}}}",
	    "Touches on treasury and FP&A.");
	check_reason("{\"components\":{\"keywords\":{\"value\":0.8,\"found\":[\"a\",\"b\",\"c\"],\"similar\":[\"d\"]}}}",
	    "Mentions a, b and c, and touches on d.");
	check_reason("{\"components\":{\"keywords\":{\"value\":0,\"found\":[],\"similar\":[]}}}",
	    "None of the target keywords.");

	t_begin("reason: the baseline's cosine in words, never the figure");
	check_reason("{\"components\":{\"cosine\":0.62}}", "Profile reads very close to the ICP as a whole.");
	check_reason("{\"components\":{\"cosine\":0.5}}", "Profile reads close to the ICP as a whole.");
	check_reason("{\"components\":{\"cosine\":0.1}}", "Profile reads unlike the ICP as a whole.");

	t_begin("reason: nothing to say, or nothing of the right type");
	check_reason("{}", "");
	check_reason("{\"components\":{}}", "");
	check_reason("{\"components\":[1,2]}", "");
	check_reason("{\"components\":{\"title\":[1],\"industry\":\"SaaS\",\"keywords\":{\"found\":\"x\",\"similar\":7},"
	    "\"exclude\":{\"knocked_out\":\"yes\"}}}", "None of the target keywords.");
	check_reason("{\"components\":{\"title\":{\"value\":\"high\",\"lead\":\"CFO\",\"target\":7}}}", "CFO.");

	t_begin("evidence: one item per criterion, in order, with verdicts and values");
	{
		json_t *r = rec("{\"components\":{\"title\":{\"value\":1,\"lead\":\"CFO\",\"target\":\"CFO\"},"
		    "\"exclude\":{\"knocked_out\":false,\"value\":0.1,\"lead\":\"CFO\",\"excluded\":\"Recruiter\"},"
		    "\"industry\":{\"value\":0,\"lead\":\"Retail\",\"target\":\"SaaS\",\"source\":\"classify\"},"
		    "\"company_type\":{\"value\":0.4,\"lead\":\"unknown\",\"source\":\"none\"},"
		    "\"keywords\":{\"value\":0,\"found\":[],\"similar\":[]}},\"rerank_score\":0.8,"
		    "\"warnings\":[{\"stage\":\"rerank\",\"code\":\"http_429\",\"message\":\"rate limited\"},7]}");
		struct lq_evidence it[LQ_EVIDENCE_MAX];
		size_t n = lq_explain_evidence(r, it, LQ_NELEM(it));

		CHECK_INT(n, 7);
		CHECK_STR(it[0].criterion, "title");
		CHECK_INT(it[0].verdict, LQ_FOR);
		CHECK_STR(it[0].text, "CFO matches the target title CFO");
		CHECK_STR(it[1].text, "Not an excluded role (the closest: Recruiter)");
		CHECK_INT(it[2].verdict, LQ_AGAINST);
		CHECK_STR(it[2].text, "Retail (labelled by classify): outside the target industries (the closest: SaaS)");
		CHECK_STR(it[3].text, "Company size not known");
		CHECK_INT(it[3].verdict, LQ_NEUTRAL);
		CHECK_STR(it[4].text, "None of the target keywords in the profile");
		CHECK_STR(it[5].criterion, "rerank");
		CHECK_STR(it[5].text, "The reranker rates the profile highly relevant");
		CHECK(it[5].value == 0.8);
		CHECK_STR(it[6].text, "rerank could not answer: rate limited");
		CHECK(it[6].value == -1);
		lq_explain_evidence_free(it, n);
		/* A short array keeps the first items. */
		n = lq_explain_evidence(r, it, 2);
		CHECK_INT(n, 2);
		lq_explain_evidence_free(it, n);
		json_decref(r);
	}

	t_begin("title: the matched one, else the first current title, else job_title");
	{
		json_t *r = rec("{\"components\":{\"title\":{\"lead\":\"Board member\"}},\"current_job_titles\":[\"CFO\",\"Board member\"]}");

		CHECK_STR(lq_explain_title(r), "Board member");
		json_decref(r);
		r = rec("{\"current_job_titles\":[\"\",7,\"CFO\"],\"job_title\":\"x\"}");
		CHECK_STR(lq_explain_title(r), "CFO");
		json_decref(r);
		r = rec("{\"job_title\":\"Controller\"}");
		CHECK_STR(lq_explain_title(r), "Controller");
		json_decref(r);
		r = rec("{}");
		CHECK(lq_explain_title(r) == NULL);
		json_decref(r);
	}

	t_begin("tier: the record's, else the score's, else none");
	{
		json_t *r = rec("{\"tier\":\"B\",\"icp_score\":99}");

		CHECK_INT(lq_explain_tier(r), 'B');
		json_decref(r);
		r = rec("{\"tier\":\"Z\",\"icp_score\":70}");
		CHECK_INT(lq_explain_tier(r), 'A');
		json_decref(r);
		r = rec("{\"icp_score\":29.9}");
		CHECK_INT(lq_explain_tier(r), 'D');
		json_decref(r);
		r = rec("{\"icp_score\":\"80\"}");
		CHECK_INT(lq_explain_tier(r), 0);
		json_decref(r);
	}

	t_begin("known: Other and unknown mean nothing to a reader");
	CHECK(lq_explain_known("Other") == NULL);
	CHECK(lq_explain_known("UNKNOWN") == NULL);
	CHECK(lq_explain_known("") == NULL);
	CHECK(lq_explain_known(NULL) == NULL);
	CHECK_STR(lq_explain_known("SaaS"), "SaaS");

	t_begin("link: the vanity slug when known, only LinkedIn profiles");
	check_link("{\"linkedin_url\":\"https://www.linkedin.com/in/ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M/\","
	    "\"public_identifier\":\"ann-lee\"}", "https://www.linkedin.com/in/ann-lee/");
	check_link("{\"linkedin_url\":\"https://www.linkedin.com/in/ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M/\"}",
	    "https://www.linkedin.com/in/ACoAAB1xQm4Bz7rT2pLk9vWc3HdE8sYfUq0aN1M/");
	check_link("{\"linkedin_url\":\"http://uk.linkedin.com/in/Ann-Lee?trk=x\"}", "https://www.linkedin.com/in/ann-lee/");
	check_link("{\"linkedin_url\":\"javascript:alert(1)\",\"id\":\"ann-lee\"}", "https://www.linkedin.com/in/ann-lee/");
	check_link("{\"linkedin_url\":\"javascript:alert(1)\"}", "");
	check_link("{\"public_identifier\":\"../../etc\"}", "");
	check_link("{\"id\":\"a/b\"}", "");
	check_link("{}", "");
	return t_done();
}
