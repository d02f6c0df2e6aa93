/* test_profile.c: field extraction, matching keys and the dataset reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "profile.h"
#include "t.h"

static json_t *
J(const char *s)
{
	json_error_t e;
	json_t *j = json_loads(s, 0, &e);

	if (j == NULL)
		printf("# bad test JSON: %s\n", e.text);
	return j;
}

static struct lq_profile_fields f;

static int
fields(const char *s)
{
	json_t *j = J(s);
	int r = lq_profile_fields(j, &f);

	json_decref(j);
	return r;
}

static const char *
title(size_t i)
{
	return json_string_value(json_array_get(f.titles, i));
}

static int
collect(json_t *item, unsigned long line, void *arg)
{
	json_t *a = arg;

	(void)line;
	json_array_append(a, item);
	return 0;
}

static long
read_str(const char *s, json_t *out, long *bad)
{
	FILE *fp = fmemopen((void *)s, strlen(s), "r");
	long n = lq_dataset_read(fp, "t.json", collect, out, bad);

	fclose(fp);
	return n;
}

int
main(void)
{
	json_t *a;
	long bad;
	char *k;

	lq_init("test_profile");
	lq_quiet = 1;

	t_begin("name, headline, location, current positions have no end date");
	CHECK_INT(fields("{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"headline\":\" CFO \","
	    "\"geoLocationName\":\"Leeds\",\"positions\":["
	    "{\"title\":\"CFO\",\"companyName\":\"Brookfin\",\"timePeriod\":{\"startDate\":{\"year\":2023}}},"
	    "{\"title\":\"Board Member\",\"company\":{\"name\":\"Aire CU\"},\"timePeriod\":{\"startDate\":{\"year\":2021}}},"
	    "{\"title\":\"FD\",\"companyName\":\"Old\",\"timePeriod\":{\"startDate\":{\"year\":2015},\"endDate\":{\"year\":2023}}}]}"), 0);
	CHECK_STR(f.name, "Ann Lee");
	CHECK_STR(f.headline, "CFO");
	CHECK_STR(f.location, "Leeds");
	CHECK_STR(f.company, "Brookfin");
	CHECK_INT(json_array_size(f.titles), 2);
	CHECK_STR(title(0), "CFO");
	CHECK_STR(title(1), "Board Member");
	lq_profile_fields_free(&f);

	t_begin("swapped fields: a duration in the company slot means the title is the company");
	CHECK_INT(fields("{\"firstName\":\"Nora\",\"positions\":["
	    "{\"title\":\"Routewise\",\"companyName\":\"1 yr 8 mos\",\"timePeriod\":{\"startDate\":{\"year\":2024}}},"
	    "{\"title\":\"VP Finance\",\"companyName\":\"Routewise\",\"timePeriod\":{\"startDate\":{\"year\":2024}}}]}"), 0);
	CHECK_STR(f.company, "Routewise");
	CHECK_INT(json_array_size(f.titles), 1);
	CHECK_STR(title(0), "VP Finance");
	CHECK_STR(f.name, "Nora");
	lq_profile_fields_free(&f);

	t_begin("swapped fields: an employment type in the company slot");
	CHECK_INT(fields("{\"lastName\":\"X\",\"positions\":[{\"title\":\"Acme\",\"companyName\":\"Full-time\"}]}"), 0);
	CHECK_STR(f.company, "Acme");
	CHECK_INT(json_array_size(f.titles), 0);
	lq_profile_fields_free(&f);

	t_begin("filler detection");
	CHECK(lq_profile_is_filler("3 yrs 2 mos"));
	CHECK(lq_profile_is_filler("1 yr"));
	CHECK(lq_profile_is_filler("11 mos"));
	CHECK(lq_profile_is_filler("Self-employed"));
	CHECK(lq_profile_is_filler("less than a year"));
	CHECK(!lq_profile_is_filler("3M"));
	CHECK(!lq_profile_is_filler("2 Sisters Food Group"));
	CHECK(!lq_profile_is_filler("Contractors Ltd"));
	CHECK(!lq_profile_is_filler(""));
	CHECK(!lq_profile_is_filler(NULL));

	t_begin("missing timePeriod counts as current; no positions: no company");
	CHECK_INT(fields("{\"firstName\":\"A\",\"positions\":[{\"title\":\"Owner\",\"companyName\":\"Shop\"}]}"), 0);
	CHECK_STR(f.company, "Shop");
	lq_profile_fields_free(&f);
	CHECK_INT(fields("{\"firstName\":\"A\",\"companyName\":\"Top\",\"positions\":[]}"), 0);
	CHECK(f.company == NULL);
	CHECK_INT(json_array_size(f.titles), 0);
	lq_profile_fields_free(&f);

	t_begin("location falls back to locationName; empty strings are null; null endDate is current");
	CHECK_INT(fields("{\"firstName\":\"\",\"lastName\":\"\",\"headline\":\"\",\"locationName\":\"Cork\","
	    "\"positions\":[{\"title\":\"T\",\"companyName\":\"C\",\"timePeriod\":{\"endDate\":null}}, 7, null]}"), 0);
	CHECK(f.name == NULL);
	CHECK(f.headline == NULL);
	CHECK_STR(f.location, "Cork");
	CHECK_STR(f.company, "C");
	lq_profile_fields_free(&f);

	t_begin("other shapes: harvestapi and dev_fusion; unknown shape rejected");
	CHECK_INT(fields("{\"firstName\":\"H\",\"location\":{\"linkedinText\":\"Paris\"},\"experience\":["
	    "{\"position\":\"CFO\",\"companyName\":\"Z\",\"endDate\":{\"text\":\"Present\"}},"
	    "{\"position\":\"Old\",\"companyName\":\"Y\",\"endDate\":{\"text\":\"Jan 2020\"}}]}"), 0);
	CHECK_STR(f.location, "Paris");
	CHECK_STR(f.company, "Z");
	CHECK_INT(json_array_size(f.titles), 1);
	lq_profile_fields_free(&f);
	CHECK_INT(fields("{\"fullName\":\"D F\",\"linkedinUrl\":\"https://www.linkedin.com/in/df\",\"experiences\":["
	    "{\"title\":\"CEO\",\"subtitle\":\"Dfco \xc2\xb7 Full-time\",\"caption\":\"Jan 2020 - Present \xc2\xb7 5 yrs\"}]}"), 0);
	CHECK_STR(f.name, "D F");
	CHECK_STR(f.company, "Dfco");
	CHECK_STR(title(0), "CEO");
	lq_profile_fields_free(&f);
	CHECK_INT(fields("{\"foo\":1}"), -1);
	CHECK_INT(fields("[1]"), -1);

	t_begin("keys: URNs keep their case, slugs are lowercased, URLs decoded");
	k = lq_profile_key("ACoAAbcDEF123456");
	CHECK_STR(k, "urn:ACoAAbcDEF123456");
	free(k);
	k = lq_profile_key("Holly-Reese");
	CHECK_STR(k, "slug:holly-reese");
	free(k);
	k = lq_profile_url_key("https://uk.linkedin.com/in/Holly-Reese?trk=x");
	CHECK_STR(k, "slug:holly-reese");
	free(k);
	k = lq_profile_url_key("https://www.linkedin.com/in/j%C3%BCrgen-m/");
	CHECK_STR(k, "slug:j\xc3\xbcrgen-m");
	free(k);
	CHECK(lq_profile_url_key("https://www.linkedin.com/company/x") == NULL);
	CHECK(lq_profile_url_key("https://www.linkedin.com/in/%00x") == NULL);
	CHECK(lq_profile_key("") == NULL);

	t_begin("dataset reader: array, JSONL, pretty objects back to back, bad items skipped");
	a = json_array();
	CHECK_INT(read_str("[{\"a\":1}, {\"b\":\"],[\\\"\"} ,\n{\"c\":[1,{}]}]", a, &bad), 3);
	CHECK_INT(bad, 0);
	json_array_clear(a);
	CHECK_INT(read_str("{\"a\":1}\n{\"b\":2}\r\n\n{\n \"c\": 3\n}\n", a, &bad), 3);
	json_array_clear(a);
	CHECK_INT(read_str("[{\"a\":1}, 5, {bad}, \"s\", {\"b\":2}]", a, &bad), 2);
	CHECK_INT(bad, 3);
	json_array_clear(a);
	CHECK_INT(read_str("", a, &bad), 0);
	CHECK_INT(read_str("[]", a, &bad), 0);
	CHECK_INT(read_str("\xef\xbb\xbf[{\"a\":1}]", a, &bad), 1);
	json_array_clear(a);
	CHECK_INT(read_str("[{\"a\":1}, {\"b\":", a, &bad), -1);
	CHECK_INT(json_array_size(a), 1);
	CHECK_INT(read_str("\"x\"", a, &bad), -1);
	CHECK_INT(read_str("[{\"a\":1} {\"b\":2}]", a, &bad), -1);
	json_decref(a);
	return t_done();
}
