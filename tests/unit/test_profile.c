/* test_profile.c: field extraction, matching keys and the dataset reader. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cache.h"
#include "diag.h"
#include "lazy.h"
#include "profile.h"
#include "record.h"
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

static struct lq_profile f;

static int
fields(const char *s)
{
	json_t *j = J(s);
	int r = lq_profile_read(j, &f);

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

static long
import_str(struct lq_cache *c, const char *actor, const char *s, long *bad)
{
	FILE *fp = fmemopen((void *)s, strlen(s), "r");
	long n = lq_profile_import(c, actor, fp, "exports/ds.json", bad);

	fclose(fp);
	return n;
}

/* Looks a record up as scrape does; returns the stored object's name. */
static char *
cached_name(struct lq_cache *c, const char *actor, const char *rec)
{
	json_t *r = J(rec), *o = lq_profile_cache_get(c, actor, r, 0, NULL);
	char *name = NULL;

	if (o) {
		const char *src = json_string_value(json_object_get(o, "source"));
		const char *fn = json_string_value(json_object_get(json_object_get(o, "item"), "firstName"));

		name = lq_xasprintf("%s/%s", fn ? fn : "?", src ? src : "?");
	}
	json_decref(o);
	json_decref(r);
	return name;
}


/* The view of item k of a fixture file in tests/data/shapes, as one line:
 * shape, name, headline, location, slug, URN, company, its industry and
 * head count, titles, skills, then every position
 * "title @ company [type] start..end|now {lo-hi}". */
static char *
view_of(const char *file, size_t k, int *r)
{
	char path[256];
	FILE *fp;
	json_t *a = json_array(), *t;
	struct lq_profile p;
	struct lq_buf b = LQ_BUF_INIT;
	size_t i;

	snprintf(path, sizeof path, "tests/data/shapes/%s", file);
	fp = fopen(path, "r");
	if (fp == NULL) {
		printf("# cannot open %s\n", path);
		json_decref(a);
		return lq_xstrdup("");
	}
	lq_dataset_read(fp, path, collect, a, NULL);
	fclose(fp);
	*r = lq_profile_read(json_array_get(a, k), &p);
	lq_buf_addf(&b, "%s|%s|%s|%s|%s|%s|%s|%s|%s|", lq_shape_name(p.shape), p.name ? p.name : "-",
	    p.headline ? p.headline : "-", p.location ? p.location : "-", p.public_id ? p.public_id : "-",
	    p.urn ? p.urn : "-", p.company ? p.company : "-", p.company_industry ? p.company_industry : "-",
	    p.employees_src ? p.employees_src : "-");
	json_array_foreach(p.titles, i, t)
		lq_buf_addf(&b, "%s%s", i ? ";" : "", json_string_value(t));
	lq_buf_adds(&b, "|");
	for (i = 0; i < p.nskills; i++)
		lq_buf_addf(&b, "%s%s", i ? ";" : "", p.skills[i]);
	for (i = 0; i < p.npos; i++) {
		const struct lq_position *q = &p.pos[i];

		lq_buf_addf(&b, "\n  %s @ %s [%s] %s..%s", q->title ? q->title : "-", q->company ? q->company : "-",
		    q->employment_type ? q->employment_type : "", q->start ? q->start : "?",
		    q->current ? "now" : q->end ? q->end : "?");
		if (q->employees_lo >= 0)
			lq_buf_addf(&b, " {%ld-%ld}", q->employees_lo, q->employees_hi);
		if (q->location)
			lq_buf_addf(&b, " (%s)", q->location);
	}
	if (p.error)
		lq_buf_addf(&b, "\n  error: %s", p.error);
	lq_profile_free(&p);
	json_decref(a);
	return lq_buf_detach(&b);
}

static void
check_view(const char *file, size_t k, int want_r, const char *want)
{
	int r = -2;
	char *v = view_of(file, k, &r);

	CHECK_INT(r, want_r);
	CHECK_STR(v, want);
	free(v);
}

/* A record's string field as the view has it ("-" for null, "?" absent). */
static const char *
field_of(const json_t *rec, const char *key)
{
	const json_t *v = json_object_get(rec, key);

	return v == NULL ? "?" : json_is_null(v) ? "-" : json_string_value(v);
}

/* lq_profile_apply reads only what a record takes from an item (a brief
 * view): for every item of every fixture, plain and lazy, it must give
 * the record what the full view says. */
static void
check_apply(const char *file)
{
	char path[256];
	FILE *fp;
	json_t *a = json_array(), *item;
	size_t k;

	snprintf(path, sizeof path, "tests/data/shapes/%s", file);
	if ((fp = fopen(path, "r")) == NULL) {
		printf("# cannot open %s\n", path);
		CHECK(0);
		json_decref(a);
		return;
	}
	lq_dataset_read(fp, path, collect, a, NULL);
	fclose(fp);
	CHECK(json_array_size(a) > 0);
	json_array_foreach(a, k, item) {
		for (int lazy = 0; lazy < 2; lazy++) {
			char *text = json_dumps(item, JSON_COMPACT);
			json_t *it = lazy ? lq_lazy_parse(text, strlen(text)) : json_incref(item);
			json_t *rec = J("{\"id\":\"someone-x\",\"status\":\"discovered\"}");
			struct lq_profile p;
			int want = lq_profile_read(item, &p), got;

			CHECK(it != NULL);
			got = lq_profile_apply(rec, it, "t");
			CHECK_INT(got, want);
			if (want == LQ_PROFILE_OK) {
				CHECK_STR(field_of(rec, "name"), p.name ? p.name : "-");
				CHECK_STR(field_of(rec, "headline"), p.headline ? p.headline : "-");
				CHECK_STR(field_of(rec, "company"), p.company ? p.company : "-");
				CHECK_STR(field_of(rec, "location"), p.location ? p.location : "-");
				CHECK(json_equal(json_object_get(rec, "current_job_titles"), p.titles));
				if (p.public_id && strlen(p.public_id) < 60)
					CHECK(strstr(field_of(rec, "linkedin_url"), "/in/") != NULL);
			} else {
				CHECK(strstr(json_string_value(json_object_get(json_object_get(rec, "error"), "message")),
				    p.error) != NULL);
			}
			lq_profile_free(&p);
			json_decref(rec);
			json_decref(it);
			free(text);
		}
	}
	json_decref(a);
}

static void
test_shapes(void)
{
	static const char *const files[] = { "apimaestro.json", "curious.json", "devfusion.json",
		"harvest-deprecated.json", "harvest-element.json", "harvest-split.json", "harvest.json",
		"supreme.json", "unknown.json" };

	t_begin("apply (a brief view) gives a record what the full view reads, every shape, plain and lazy");
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		check_apply(files[i]);

	t_begin("supreme_coder: grouping row dissolved, dates, head count, industry");
	check_view("supreme.json", 0, LQ_PROFILE_OK,
	    "supreme_coder|In\xc3\xaas Duarte|CFO at Lumio | SaaS finance, FP&A, fundraising|Lisbon, Portugal|"
	    "ines-duarte-cfo|ACoAACuNQ3sBInesDuarte7kPq9|Lumio|Software Development|employeeCountRange 51-200|"
	    "Chief Financial Officer|FP&A;Fundraising;NetSuite"
	    "\n  Chief Financial Officer @ Lumio [Full-time] 2023-02..now {51-200} (Lisbon, Portugal)"
	    "\n  Finance Manager @ Lumio [] 2021-01..2023-01 {51-200}"
	    "\n  Auditor @ Big Four Audit [] 2016..2020");

	t_begin("curious_coder (url): placeholder headline and location, company glued to the title, Self-employed");
	check_view("curious.json", 0, LQ_PROFILE_OK,
	    "supreme_coder|Tom\xc3\xa1s Quiroga|Chief Marketing Officer at Revcast|Buenos Aires, Argentina|"
	    "Tomas-Quiroga|-|Revcast|-|employeeCountRange 11-50|Chief Marketing Officer;Advisor|"
	    "\n  Chief Marketing Officer @ Revcast [Full-time] 2022-06..now {11-50}"
	    "\n  Advisor @ Self-employed [Self-employed] 2020..now");

	t_begin("harvestapi wrapped in element (before October 2025): read through the wrapper");
	check_view("harvest-element.json", 0, LQ_PROFILE_OK,
	    "harvestapi|Oskar Lindqvist|Head of Finance @ Fjordpay|Stockholm, Stockholm County, Sweden|"
	    "oskar-lindqvist|ACoAAB7xOskarLindqvistQ2wE4|Fjordpay|-|-|Head of Finance|"
	    "Financial Reporting;IFRS;Treasury"
	    "\n  Head of Finance @ Fjordpay [Full-time] 2023-09..now (Stockholm, Sweden)"
	    "\n  Finance Controller @ Nordbank [] 2019-08..2023-08");
	t_begin("harvestapi: a not-found report is a failure with the actor's words and status");
	check_view("harvest-element.json", 1, LQ_PROFILE_FAILURE,
	    "unknown|-|-|-|-|-|-|-|-||\n  error: Profile not found (status 404)");

	t_begin("harvestapi unwrapped: employment type kept, Remote is no location");
	check_view("harvest.json", 0, LQ_PROFILE_OK,
	    "harvestapi|Hana Sato|Fractional CFO for Series A startups|Tokyo, Japan|hana-sato|ACoAAC9zHanaSatoW3rT8yU1|"
	    "Sato Advisory|-|-|Fractional CFO|Fundraising;Board Reporting"
	    "\n  Fractional CFO @ Sato Advisory [Self-employed] 2023-01..now"
	    "\n  VP Finance @ Kumo Logistics [] 2018..2022");
	check_view("harvest.json", 1, LQ_PROFILE_FAILURE,
	    "unknown|-|-|-|-|-|-|-|-||\n  error: This profile is private or unavailable to the public");

	t_begin("harvestapi October-December 2025: top level read, the deprecated element copy ignored");
	check_view("harvest-deprecated.json", 0, LQ_PROFILE_OK,
	    "harvestapi|Priya Raman|Payroll & People Ops lead|Bengaluru, Karnataka, India|priya-raman|"
	    "ACoAAD4kPriyaRamanLm8Z2xQ|Tallyhub|-|-|People Operations Lead|"
	    "\n  People Operations Lead @ Tallyhub [Full-time] 2022-04..now");

	t_begin("harvestapi profile+experience: person under profile, roles beside it");
	check_view("harvest-split.json", 0, LQ_PROFILE_OK,
	    "harvestapi (profile+experience)|Elif Y\xc4\xb1lmaz|Controller | Textiles|Istanbul, T\xc3\xbcrkiye|elif-yilmaz|"
	    "ACoAAG3cElifYilmazP4nB6vS0|Anatolia Textiles|-|-|Group Controller|"
	    "\n  Group Controller @ Anatolia Textiles [] 2020..now");

	t_begin("dev_fusion: \"Company \u00b7 Full-time\", caption dates, grouped roles under their company");
	check_view("devfusion.json", 0, LQ_PROFILE_OK,
	    "dev_fusion|Marcus Webb|COO | Scaling operations at Cobaltline|Columbus, Ohio, United States|marcus-webb-ops|"
	    "ACoAAE1mMarcusWebbK9pL3vT7|Cobaltline|Truck Transportation|companySize 201-500|Chief Operating Officer|"
	    "Operations Management;Logistics;Lean"
	    "\n  Chief Operating Officer @ Cobaltline [Full-time] 2023-11..now (Columbus, Ohio, United States)"
	    "\n  VP Operations @ Freightwise [Full-time] 2021-01..2023-10"
	    "\n  Director of Operations @ Freightwise [Full-time] 2019-11..2020-12");
	t_begin("dev_fusion, later builds: companyName, jobStartedOn, jobStillWorking");
	check_view("devfusion.json", 1, LQ_PROFILE_OK,
	    "dev_fusion|Lena Vogel|Head of Growth at Brightfeld|Berlin, Germany|lena-vogel|-|Brightfeld|"
	    "Software Development|companySize 11-50|Head of Growth|Growth Marketing"
	    "\n  Head of Growth @ Brightfeld [] 2024-03..now"
	    "\n  Growth Marketing Manager @ Zalando [] 2019..2024-02");

	t_begin("apimaestro: basic_info, company name cut at its first space put back together");
	check_view("apimaestro.json", 0, LQ_PROFILE_OK,
	    "apimaestro|Kofi Mensah|Head of Data at Northwind Logistics|Accra, Greater Accra Region, Ghana|kofi-mensah|"
	    "ACoAAF2bKofiMensahQ8rT5wY3|Northwind Logistics|-|-|Head of Data|"
	    "\n  Head of Data @ Northwind Logistics [] 2024-02..now"
	    "\n  Data Engineer @ Kente Bank [Full-time] 2019-09..2024-01");
	check_view("apimaestro.json", 1, LQ_PROFILE_FAILURE,
	    "unknown|-|-|-|-|-|-|-|-||\n  error: Profile does not exist");

	t_begin("lq_profile_shape: the wrapper looked through, unknown items and non-objects unknown");
	{
		json_t *w = J("{\"element\":{\"experience\":[],\"firstName\":\"W\"},\"status\":200}");
		json_t *u = J("{\"element\":{\"x\":1},\"status\":200}");
		json_t *a = J("[]");

		CHECK_INT(lq_profile_shape(w), LQ_SHAPE_HARVEST);
		CHECK_INT(lq_profile_shape(u), LQ_SHAPE_UNKNOWN);
		CHECK_INT(lq_profile_shape(a), LQ_SHAPE_UNKNOWN);
		CHECK_STR(lq_shape_name(LQ_SHAPE_DEVFUSION), "dev_fusion");
		json_decref(w);
		json_decref(u);
		json_decref(a);
	}

	t_begin("unknown shape: named by its keys");
	check_view("unknown.json", 0, LQ_PROFILE_UNKNOWN,
	    "unknown|-|-|-|-|-|-|-|-||\n  error: unknown item shape: keys person, jobs, linkedin");
}


static void
test_junk(void)
{
	json_t *rec, *item;
	char *keys[LQ_PROFILE_MAXKEYS];
	int n, i;

	t_begin("junk: a grouping row alone is its company; filler titles and placeholders are unknown");
	CHECK_INT(fields("{\"firstName\":\"LinkedIn\",\"lastName\":\"Member\",\"headline\":\"N/A\","
	    "\"geoLocationName\":\"Remote\",\"positions\":["
	    "{\"title\":\"Acme Corp\",\"companyName\":\"Full-time \xc2\xb7 4 yrs\"},"
	    "{\"title\":\"Full-time\",\"companyName\":\"Beta\"},"
	    "{\"title\":\"  \",\"companyName\":\"--\"}]}"), LQ_PROFILE_OK);
	CHECK(f.name == NULL);
	CHECK(f.headline == NULL);
	CHECK(f.location == NULL);
	CHECK_STR(f.company, "Acme Corp");
	CHECK_INT(json_array_size(f.titles), 0);
	CHECK_INT(f.npos, 3);
	CHECK(f.pos[0].title == NULL);
	CHECK_STR(f.pos[0].employment_type, "Full-time");
	CHECK(f.pos[1].title == NULL);
	CHECK_STR(f.pos[1].company, "Beta");
	CHECK(f.pos[2].company == NULL);
	lq_profile_free(&f);

	t_begin("junk: the company glued to the title, either side, any case");
	CHECK_INT(fields("{\"firstName\":\"A\",\"positions\":["
	    "{\"title\":\"CMO @ Revcast\",\"companyName\":\"Revcast\"},"
	    "{\"title\":\"revcast - Board Member\",\"companyName\":\"Revcast\"},"
	    "{\"title\":\"Head of Sales, EMEA\",\"companyName\":\"Acme\"},"
	    "{\"title\":\"Revcast\",\"companyName\":\"Revcast\"}]}"), LQ_PROFILE_OK);
	CHECK_INT(json_array_size(f.titles), 3);
	CHECK_STR(title(0), "CMO");
	CHECK_STR(title(1), "Board Member");
	CHECK_STR(title(2), "Head of Sales, EMEA");
	lq_profile_free(&f);

	t_begin("dates: objects, month names, MM-YYYY, YYYY-MM-DD, Present, and text kept as given");
	CHECK_INT(fields("{\"firstName\":\"D\",\"experiences\":["
	    "{\"title\":\"A\",\"companyName\":\"X\",\"caption\":\"September 2019 \xe2\x80\x93 Present\"},"
	    "{\"title\":\"B\",\"companyName\":\"X\",\"jobStartedOn\":\"2018-05-01\",\"jobEndedOn\":\"8/2019\"},"
	    "{\"title\":\"C\",\"companyName\":\"X\",\"jobStartedOn\":\"Spring 2015\",\"jobEndedOn\":\"2016\"},"
	    "{\"title\":\"E\",\"companyName\":\"X\",\"caption\":\"Mar 2014 \xc2\xb7 1 mo\"}]}"), LQ_PROFILE_OK);
	CHECK_INT(f.npos, 4);
	CHECK_STR(f.pos[0].start, "2019-09");
	CHECK(f.pos[0].current && f.pos[0].end == NULL);
	CHECK_STR(f.pos[1].start, "2018-05");
	CHECK_STR(f.pos[1].end, "2019-08");
	CHECK(!f.pos[1].current);
	CHECK_STR(f.pos[2].start, "Spring 2015");
	CHECK_STR(f.pos[2].end, "2016");
	CHECK_STR(f.pos[3].start, "2014-03");
	CHECK(!f.pos[3].current);
	lq_profile_free(&f);

	t_begin("head counts: ranges, open ranges, numbers and text");
	CHECK_INT(fields("{\"firstName\":\"H\",\"positions\":[{\"title\":\"T\",\"companyName\":\"C\","
	    "\"company\":{\"employeeCountRange\":{\"start\":10001}}}]}"), LQ_PROFILE_OK);
	CHECK_INT(f.employees_lo, 10001);
	CHECK_INT(f.employees_hi, -1);
	CHECK_STR(f.employees_src, "employeeCountRange 10001+");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"fullName\":\"H\",\"linkedinUrl\":\"https://www.linkedin.com/in/h\",\"companySize\":\"10,001+\"}"),
	    LQ_PROFILE_OK);
	CHECK_INT(f.employees_lo, 10001);
	CHECK_INT(f.employees_hi, -1);
	CHECK_STR(f.employees_text, "10,001+");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"firstName\":\"H\",\"currentCompany\":{\"employeeCount\":120}}"), LQ_PROFILE_OK);
	CHECK_INT(f.employees_lo, 120);
	CHECK_STR(f.employees_src, "employeeCount 120");
	lq_profile_free(&f);

	t_begin("failure reports: the actor's words and a code; a profile with an error field is still a profile");
	CHECK_INT(fields("{\"inputUrl\":\"https://www.linkedin.com/in/x1\",\"errorMessage\":\"Profile is private\"}"),
	    LQ_PROFILE_FAILURE);
	CHECK_STR(f.error, "Profile is private");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"#error\":true,\"#debug\":{\"url\":\"https://www.linkedin.com/in/x2\"}}"), LQ_PROFILE_FAILURE);
	CHECK_STR(f.error, "the actor reports a failure without a reason");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"error\":{\"type\":\"rate-limit\",\"message\":\"Try later\"},\"status\":429}"),
	    LQ_PROFILE_FAILURE);
	CHECK_STR(f.error, "Try later (status 429)");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"firstName\":\"Real\",\"publicIdentifier\":\"real\",\"error\":\"partial data\"}"), LQ_PROFILE_OK);
	lq_profile_free(&f);

	t_begin("keys: a failure report matches the lead through the query it echoes");
	item = J("{\"element\":null,\"status\":404,\"error\":\"Profile not found\","
	    "\"query\":{\"url\":\"https://de.linkedin.com/in/Ghost-404/\"}}");
	n = lq_profile_item_keys(item, keys);
	CHECK_INT(n, 1);
	CHECK_STR(n > 0 ? keys[0] : NULL, "slug:ghost-404");
	for (i = 0; i < n; i++)
		free(keys[i]);
	json_decref(item);

	t_begin("apply: slug link, the link it replaces kept once, failure codes, unknown items");
	rec = J("{\"id\":\"ACoAACuNQ3sBInesDuarte7kPq9\",\"linkedin_url\":\"https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/\"}");
	item = J("{\"firstName\":\"I\",\"publicIdentifier\":\"Ines-D\",\"profileId\":\"ACoAACuNQ3sBInesDuarte7kPq9\"}");
	CHECK_INT(lq_profile_apply(rec, item, "t"), LQ_PROFILE_OK);
	CHECK_STR(lq_rec_str(rec, "linkedin_url"), "https://www.linkedin.com/in/ines-d/");
	CHECK_STR(lq_rec_str(rec, "discovered_url"), "https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/");
	CHECK_STR(lq_rec_str(rec, "public_identifier"), "ines-d");
	CHECK_STR(lq_rec_str(rec, "id"), "ACoAACuNQ3sBInesDuarte7kPq9");
	json_object_set_new(item, "publicIdentifier", json_string("ines-d2"));
	CHECK_INT(lq_profile_apply(rec, item, "t"), LQ_PROFILE_OK);
	CHECK_STR(lq_rec_str(rec, "discovered_url"), "https://www.linkedin.com/in/ACoAACuNQ3sBInesDuarte7kPq9/");
	json_decref(item);
	item = J("{\"url\":\"https://www.linkedin.com/in/ines-d/\",\"error\":\"This profile is private\"}");
	CHECK_INT(lq_profile_apply(rec, item, "actor run R1"), LQ_PROFILE_FAILURE);
	CHECK_STR(json_string_value(json_object_get(json_object_get(rec, "error"), "code")), "private_profile");
	CHECK_STR(json_string_value(json_object_get(json_object_get(rec, "error"), "message")),
	    "actor run R1: the actor reports: This profile is private");
	json_decref(item);
	item = J("{\"profileUrl\":\"https://www.linkedin.com/in/ines-d/\",\"data\":{}}");
	CHECK_INT(lq_profile_apply(rec, item, "x.json:3"), LQ_PROFILE_UNKNOWN);
	CHECK_STR(json_string_value(json_object_get(json_object_get(rec, "error"), "message")),
	    "x.json:3: unknown item shape: keys profileUrl, data");
	json_decref(item);
	json_decref(rec);
}

static void
test_import(void)
{
	char root[4096], *n;
	struct lq_cache *c;
	long bad = -1;

	t_begin("lq_profile_import: items under every key, source import:NAME, bad items counted");
	snprintf(root, sizeof root, "%s/lq-test-import.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (mkdtemp(root) == NULL) {
		CHECK(0);
		return;
	}
	c = lq_cache_open(root);
	CHECK_INT(import_str(c, "act1", "[{\"profileId\":\"ACoAAxyz1\",\"publicIdentifier\":\"Ann-Lee\","
	    "\"firstName\":\"Ann\",\"inputUrl\":\"https://www.linkedin.com/in/ann-l/\"},\n"
	    " 7, {\"firstName\":\"nokey\"}, {bad},\n"
	    " {\"publicIdentifier\":\"bob\",\"firstName\":\"Bob\"}]", &bad), 2);
	CHECK_INT(bad, 3);
	CHECK_INT(lq_cache_stores(c, LQ_NS_PROFILE), 4);
	n = cached_name(c, "act1", "{\"id\":\"ACoAAxyz1\"}");
	CHECK_STR(n, "Ann/import:ds.json");
	free(n);
	n = cached_name(c, "act1", "{\"id\":\"x\",\"public_identifier\":\"ann-lee\"}");
	CHECK_STR(n, "Ann/import:ds.json");
	free(n);
	n = cached_name(c, "act1", "{\"linkedin_url\":\"https://uk.linkedin.com/in/ann-l?trk=1\"}");
	CHECK_STR(n, "Ann/import:ds.json");
	free(n);
	n = cached_name(c, "act1", "{\"id\":\"bob\"}");
	CHECK_STR(n, "Bob/import:ds.json");
	free(n);
	/* The actor is part of the key: another actor's profiles are not ours. */
	CHECK(cached_name(c, "act2", "{\"id\":\"bob\"}") == NULL);
	/* JSONL works the same; an empty file imports nothing; a string is no dataset. */
	CHECK_INT(import_str(c, "act2", "{\"publicIdentifier\":\"cy\",\"firstName\":\"Cy\"}\n", &bad), 1);
	CHECK_INT(bad, 0);
	n = cached_name(c, "act2", "{\"id\":\"cy\"}");
	CHECK_STR(n, "Cy/import:ds.json");
	free(n);
	CHECK_INT(import_str(c, "act2", "", &bad), 0);
	CHECK_INT(import_str(c, "act2", "\"str\"", &bad), -1);
	lq_cache_close(c);
	{
		char *cmd = lq_xasprintf("rm -rf '%s'", root);

		CHECK(system(cmd) == 0);
		free(cmd);
	}
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
	lq_profile_free(&f);

	t_begin("swapped fields: a duration in the company slot means the title is the company");
	CHECK_INT(fields("{\"firstName\":\"Nora\",\"positions\":["
	    "{\"title\":\"Routewise\",\"companyName\":\"1 yr 8 mos\",\"timePeriod\":{\"startDate\":{\"year\":2024}}},"
	    "{\"title\":\"VP Finance\",\"companyName\":\"Routewise\",\"timePeriod\":{\"startDate\":{\"year\":2024}}}]}"), 0);
	CHECK_STR(f.company, "Routewise");
	CHECK_INT(json_array_size(f.titles), 1);
	CHECK_STR(title(0), "VP Finance");
	CHECK_STR(f.name, "Nora");
	lq_profile_free(&f);

	t_begin("swapped fields: an employment type in the company slot");
	CHECK_INT(fields("{\"lastName\":\"X\",\"positions\":[{\"title\":\"Acme\",\"companyName\":\"Full-time\"}]}"), 0);
	CHECK_STR(f.company, "Acme");
	CHECK_INT(json_array_size(f.titles), 0);
	lq_profile_free(&f);

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
	lq_profile_free(&f);
	CHECK_INT(fields("{\"firstName\":\"A\",\"companyName\":\"Top\",\"positions\":[]}"), 0);
	CHECK(f.company == NULL);
	CHECK_INT(json_array_size(f.titles), 0);
	lq_profile_free(&f);

	t_begin("location falls back to locationName; empty strings are null; null endDate is current");
	CHECK_INT(fields("{\"firstName\":\"\",\"lastName\":\"\",\"headline\":\"\",\"locationName\":\"Cork\","
	    "\"positions\":[{\"title\":\"T\",\"companyName\":\"C\",\"timePeriod\":{\"endDate\":null}}, 7, null]}"), 0);
	CHECK(f.name == NULL);
	CHECK(f.headline == NULL);
	CHECK_STR(f.location, "Cork");
	CHECK_STR(f.company, "C");
	lq_profile_free(&f);

	t_begin("other shapes: harvestapi and dev_fusion; unknown shape rejected");
	CHECK_INT(fields("{\"firstName\":\"H\",\"location\":{\"linkedinText\":\"Paris\"},\"experience\":["
	    "{\"position\":\"CFO\",\"companyName\":\"Z\",\"endDate\":{\"text\":\"Present\"}},"
	    "{\"position\":\"Old\",\"companyName\":\"Y\",\"endDate\":{\"text\":\"Jan 2020\"}}]}"), 0);
	CHECK_STR(f.location, "Paris");
	CHECK_STR(f.company, "Z");
	CHECK_INT(json_array_size(f.titles), 1);
	lq_profile_free(&f);
	CHECK_INT(fields("{\"fullName\":\"D F\",\"linkedinUrl\":\"https://www.linkedin.com/in/df\",\"experiences\":["
	    "{\"title\":\"CEO\",\"subtitle\":\"Dfco \xc2\xb7 Full-time\",\"caption\":\"Jan 2020 - Present \xc2\xb7 5 yrs\"}]}"), 0);
	CHECK_STR(f.name, "D F");
	CHECK_STR(f.company, "Dfco");
	CHECK_STR(title(0), "CEO");
	lq_profile_free(&f);
	CHECK_INT(fields("{\"foo\":1}"), LQ_PROFILE_UNKNOWN);
	CHECK_STR(f.error, "unknown item shape: keys foo");
	lq_profile_free(&f);
	CHECK_INT(fields("[1]"), LQ_PROFILE_UNKNOWN);
	CHECK_STR(f.error, "unknown item shape: not an object");
	lq_profile_free(&f);

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
	/* The extract-urls normaliser's link forms give the canonical key. */
	k = lq_profile_url_key("https://uk.linkedin.com/in/Holly-Reese/details/experience/?trk=x");
	CHECK_STR(k, "slug:holly-reese");
	free(k);
	k = lq_profile_url_key("linkedin.com/pub/holly-reese/1b/2a/3c");
	CHECK_STR(k, "slug:holly-reese-03c02a1b");
	free(k);
	k = lq_profile_url_key("https://www.linkedin.com/in/ACoAABcDeF12345xYz0987/");
	CHECK_STR(k, "urn:ACoAABcDeF12345xYz0987");
	free(k);
	CHECK(lq_profile_url_key("https://lnkd.in/abc") == NULL);
	CHECK(lq_profile_url_key("https://example.com/in/holly") == NULL);
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
	test_shapes();
	test_junk();
	test_import();
	return t_done();
}
