/* test_sizes.c: head counts as classify and score both read them (lq_size_headcount, common/sizes.c). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match.h"
#include "sizes.h"
#include "t.h"
#include "util.h"
#include "vocab.h"

/* The head count of text, and its span quoted in span (as classify
 * quotes it). */
static long
count(const char *text, char *span, size_t len)
{
	const char *s = NULL, *e = NULL;
	long n = lq_size_headcount(text, &s, &e);

	snprintf(span, len, "%.*s", n > 0 ? (int)(e - s) : 0, n > 0 ? s : "");
	return n;
}

#define HC(text, want) CHECK_INT(count(text, span, sizeof span), want)
#define HCS(text, want, wspan) do { HC(text, want); CHECK_STR(span, wspan); } while (0)

int
main(void)
{
	char span[200];

	t_begin("plain head counts, the unit after a space, a hyphen or one word");
	HCS("Payroll for 300 employees.", 300, "300 employees");
	HCS("a 900-person SaaS company", 900, "900-person");
	HCS("Payroll for 4,000 hourly staff across 60 hotels", 4000, "4,000 hourly staff");
	HCS("Werkleiter (420 MA)", 420, "420 MA");
	HCS("80 FTE", 80, "80 FTE");
	HC("42 marketing campaigns", 0);
	HC("120 happy customers", 0);
	HC("5 years at 300", 0);
	HC("", 0);
	CHECK_INT(lq_size_headcount(NULL, NULL, NULL), 0);

	t_begin("thousands: 30k, 1.5k, 1.800, 2,400, 1 800, 1'800");
	HCS("a 30k employees retailer", 30000, "30k employees");
	HCS("30K+ staff", 30000, "30K+ staff");
	HCS("1.5k employees", 1500, "1.5k employees");
	HCS("2,25k employees", 2250, "2,25k employees");
	HCS("Robotik, 1.800 Mitarbeitende", 1800, "1.800 Mitarbeitende");
	HCS("2,400 employees", 2400, "2,400 employees");
	HCS("1 800 salariés", 1800, "1 800 salariés");
	HCS("1'800 Mitarbeitende", 1800, "1'800 Mitarbeitende");
	HCS("2,400,000 employees", 2400000, "2,400,000 employees");
	HC("1,2345 employees", 0);		/* not a group of three; 2345 follows a digit's comma */
	HC("12,345,67 employees", 0);
	HC("30km people", 0);

	t_begin("a head count in a clause that names a team is the team's (company-sizes.vocab [team])");
	HC("Je dirige l'équipe technique (35 personnes) d'un éditeur SaaS", 0);
	HC("I lead the engineering team (40 people). We are 300 employees", 300);
	HC("Lidero el equipo de datos, 12 personas", 0);
	HC("a team of 11 people", 11);
	HC("35 personnes", 35);

	t_begin("10+, ranges (their middle), team of N");
	HCS("10+ employees", 10, "10+ employees");
	HCS("a team of 10+ people", 10, "10+ people");
	HCS("51-200 employees", 125, "51-200 employees");
	HCS("50 – 200 employees", 125, "50 – 200 employees");
	HCS("1,001-5,000 employees", 3000, "1,001-5,000 employees");
	HCS("200-50 employees", 50, "50 employees");	/* not a range: the last number */
	HCS("now building it with a team of 11", 11, "team of 11");
	HCS("Team of 40 engineers", 40, "Team of 40");

	t_begin("non-ASCII digits and spaces");
	HCS("1\xc2\xa0" "800 employees", 1800, "1\xc2\xa0" "800 employees");	/* no-break space */
	HCS("1\xe2\x80\xaf" "800 salariés", 1800, "1\xe2\x80\xaf" "800 salariés");	/* narrow no-break */
	HCS("600\xc2\xa0personnes", 600, "600\xc2\xa0personnes");
	HCS("\xef\xbc\x93\xef\xbc\x90\xef\xbc\x90 employees", 300, "\xef\xbc\x93\xef\xbc\x90\xef\xbc\x90 employees");
	HC("\xd9\xa3\xd9\xa0\xd9\xa0 employees", 0);	/* Arabic-Indic digits are not read */
	HC("\xd9\xa3" "00 employees", 0);		/* nor ASCII digits that touch one */
	HC("abc300 employees", 0);
	HC("\xc3\xa9" "300 employees", 0);		/* after a letter */
	HCS("\xe2\x80\x9c" "300 employees\xe2\x80\x9d", 300, "300 employees");	/* after a quote */
	HC("300\xff employees", 0);
	HC("\xff\xfe\xfd", 0);

	t_begin("hostile numbers: 0, above the maximum, endless digits");
	{
		struct lq_buf b = LQ_BUF_INIT;

		HC("0 employees", 0);
		HC("10000000 employees", 10000000);
		HC("10000001 employees", 0);
		HC("99999999999999999999999999999 employees", 0);
		HC("999,999,999,999,999,999,999 employees", 0);
		HC("9999999k employees", 0);
		HC("10000-99999999999 employees", 0);
		HCS("99999999999 users and 40 employees", 40, "40 employees");	/* the search goes on */
		for (int i = 0; i < 100000; i++)
			lq_buf_adds(&b, "9,");
		lq_buf_adds(&b, "999 employees");
		CHECK_INT(lq_size_headcount(b.data, NULL, NULL), 0);
		lq_buf_reset(&b);
		for (int i = 0; i < 100000; i++)
			lq_buf_adds(&b, "1 ");
		lq_buf_adds(&b, "employees");
		CHECK_INT(lq_size_headcount(b.data, NULL, NULL), 1);
		lq_buf_free(&b);
	}

	t_begin("folded text reads alike (score's signal), but for ranges");
	{
		static const char *const same[] = {
			"HRBP for a 30,000-employee retailer", "Robotik, 1.800 Mitarbeitende", "1 200 pracowników",
			"a 30k employees retailer", "10+ employees", "Payroll for 4,000 hourly staff",
			"\xef\xbc\x93\xef\xbc\x90\xef\xbc\x90 employees", "1\xe2\x80\xaf" "800 salariés",
		};

		for (size_t i = 0; i < sizeof same / sizeof *same; i++) {
			char *f = lq_fold(same[i]);

			CHECK_INT(lq_size_headcount(f, NULL, NULL), lq_size_headcount(same[i], NULL, NULL));
			free(f);
		}
		CHECK_STR(lq_company_signal("51-200 employees", NULL), "scaleup");	/* not 51,200 */
		CHECK_STR(lq_company_signal("a 30k employees retailer", NULL), "enterprise");
	}

	t_begin("a head-count range a text states (lq_size_range: what an ICP's notes want)");
	{
		long a = 0, b = 0;

		CHECK(lq_size_range("We sell to firms of about 300 to 8,000 staff in Europe.", &a, &b) && a == 300 && b == 8000);
		CHECK(lq_size_range("Zielkunden: zwischen 50 und 400 Mitarbeitenden.", &a, &b) && a == 50 && b == 400);
		CHECK(lq_size_range("des PME de 20 à 200 salariés", &a, &b) && a == 20 && b == 200);
		CHECK(lq_size_range("aziende da 30-1.500 dipendenti", &a, &b) && a == 30 && b == 1500);
		CHECK(lq_size_range("teams of 5 - 40 people", &a, &b) && a == 5 && b == 40);
		/* not ranges: no unit, the larger first, a year, one number */
		CHECK(!lq_size_range("from 2019 to 2024 we grew", &a, &b));
		CHECK(!lq_size_range("3 to 60 sites", &a, &b));
		CHECK(!lq_size_range("900 to 300 employees", &a, &b));
		CHECK(!lq_size_range("a 1,200-person maker", &a, &b));
		CHECK(!lq_size_range("v2 to 400 users", &a, &b));
	}

	t_begin("the version of the reading is in the version of the files");
	{
		static const char *const files[] = { "company-sizes", NULL };
		char a[64], b[64], c[64];

		lq_sizes_versioned(a, sizeof a, "x");
		lq_sizes_versioned_with(b, sizeof b, "x", files);
		lq_vocab_versioned(c, sizeof c, "x", files);
		CHECK_STR(a, b);
		CHECK(strncmp(a, "x+vocab:", 8) == 0 && strlen(a) == 20);
		CHECK(strcmp(a, c) != 0);	/* not the files' digest alone */
	}
	return t_done();
}
