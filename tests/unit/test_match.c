/* test_match.c: the title, industry and company-type lexicons, and title similarity with the real encoder. */
#include <math.h>
#include <stdlib.h>

#include "diag.h"
#include "encoder.h"
#include "match.h"
#include "match_oracle.h"
#include "sizes.h"
#include "t.h"

static struct lq_encoder *enc;

/* Title similarity as score computes it: lexicon plus encoder cosine of the
 * canonical forms. */
static double
sim(const char *a, const char *b)
{
	struct lq_title ta, tb;
	float va[384], vb[384];
	double c = 0;

	lq_title_analyse(a, &ta);
	lq_title_analyse(b, &tb);
	lq_encoder_embed1(enc, ta.canon, strlen(ta.canon), va);
	lq_encoder_embed1(enc, tb.canon, strlen(tb.canon), vb);
	for (int i = 0; i < 384; i++)
		c += (double)va[i] * vb[i];
	c = lq_title_sim(lq_title_lexsim(&ta, &tb), c);
	free(ta.canon);
	free(tb.canon);
	return c;
}

static void
title_is(const char *title, const char *canon, unsigned fn, int level)
{
	struct lq_title t;

	lq_title_analyse(title, &t);
	CHECK_STR(t.canon, canon);
	CHECK_INT(t.fn, fn);
	CHECK_INT(t.level, level);
	free(t.canon);
}

int
main(int argc, char **argv)
{
	char err[512], *s;
	const char *ev = NULL;
	(void)argc;

	lq_init(argv[0]);
	t_begin("fold: case, accents, punctuation; inner & kept");
	s = lq_fold("  Directrice Financière — FP&A / P&L ");
	CHECK_STR(s, "directrice financiere fp&a p&l");
	free(s);
	s = lq_fold("bad \xff\xfe bytes");
	CHECK(strstr(s, "bad") == s);
	free(s);

	t_begin("titles: abbreviations and seniority");
	title_is("CFO", "chief financial officer", LQ_FN_FINANCE, LQ_LEVEL_CLEVEL);
	title_is("SVP, Finance", "senior vice president finance", LQ_FN_FINANCE, LQ_LEVEL_VP);
	title_is("HR Director", "human resources director", LQ_FN_PEOPLE, LQ_LEVEL_HEAD);
	title_is("CPO", "chief people product officer", LQ_FN_PEOPLE | LQ_FN_PRODUCT, LQ_LEVEL_CLEVEL);
	title_is("Aspiring Head of People", "aspiring head of people", LQ_FN_PEOPLE, LQ_LEVEL_STUDENT);

	t_begin("titles: six languages");
	title_is("Directeur Financier", "finance director", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Leiterin Finanzen", "head of finance", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Directora Financiera", "finance director", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Financieel Directeur", "finance director", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Diretora Financeira", "finance director", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Direttore Finanziario", "finance director", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Personalleiter", "head of human resources", LQ_FN_PEOPLE, LQ_LEVEL_HEAD);
	/* owners and partners in Portuguese and Spanish */
	title_is("Sócio-diretor", "managing partner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Proprietária", "owner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Dono", "owner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Socio Gerente", "managing partner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Dueña", "owner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	/* running a firm in Dutch, and the law in six languages */
	title_is("Kantoordirecteur", "operations director", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD);
	title_is("Directeur Bedrijfsvoering", "operations director", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD);
	title_is("Hoofd ICT", "head of information technology", LQ_FN_TECH, LQ_LEVEL_HEAD);
	title_is("Beherend vennoot", "managing partner", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Advocaat-stagiair", "trainee lawyer", LQ_FN_LEGAL, LQ_LEVEL_STUDENT);
	title_is("Bedrijfsjurist", "in house counsel", LQ_FN_LEGAL, LQ_LEVEL_IC);
	title_is("Notaris", "notary", LQ_FN_LEGAL, LQ_LEVEL_IC);
	title_is("Avocate", "lawyer", LQ_FN_LEGAL, LQ_LEVEL_IC);
	title_is("Rechtsanwältin", "lawyer", LQ_FN_LEGAL, LQ_LEVEL_IC);
	title_is("Kanzleimanagerin", "office manager", LQ_FN_OPERATIONS, LQ_LEVEL_MANAGER);
	title_is("Avvocato", "lawyer", LQ_FN_LEGAL, LQ_LEVEL_IC);

	t_begin("titles: Nordic, Polish, German and Dutch compounds");
	title_is("VD", "chief executive officer", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Administrerende direktør", "chief executive officer", LQ_FN_EXECUTIVE, LQ_LEVEL_CLEVEL);
	title_is("Talouspäällikkö", "head of finance", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Ekonomichef", "head of finance", LQ_FN_FINANCE, LQ_LEVEL_HEAD);
	title_is("Dyrektor finansowy", "chief financial officer", LQ_FN_FINANCE, LQ_LEVEL_CLEVEL);
	title_is("Kierownik działu marketingu", "manager marketing", LQ_FN_MARKETING, LQ_LEVEL_MANAGER);
	title_is("Marketingleiterin", "head of marketing", LQ_FN_MARKETING, LQ_LEVEL_HEAD);

	t_begin("titles: quality, plants, supply chain and warehouses have a function");
	title_is("Qualitätsleiterin", "head of quality", LQ_FN_QUALITY, LQ_LEVEL_HEAD);
	title_is("Leiter QS", "head of quality assurance", LQ_FN_QUALITY, LQ_LEVEL_HEAD);
	title_is("Responsable Qualité", "head of quality", LQ_FN_QUALITY, LQ_LEVEL_HEAD);
	title_is("Software Quality Lead", "software quality lead", LQ_FN_TECH, LQ_LEVEL_MANAGER);
	title_is("Werkleiter", "plant manager", LQ_FN_PRODUCTION, LQ_LEVEL_MANAGER);
	title_is("Kierownik magazynu", "manager warehouse", LQ_FN_SUPPLY, LQ_LEVEL_MANAGER);
	title_is("Hoofd Logistiek", "head of logistics", LQ_FN_SUPPLY, LQ_LEVEL_HEAD);
	title_is("Lagerleiterin", "warehouse manager", LQ_FN_SUPPLY, LQ_LEVEL_MANAGER);
	title_is("Head of Demand Planning", "head of demand planning", 0, LQ_LEVEL_HEAD);
	title_is("Demand Generation Manager", "demand generation manager", LQ_FN_MARKETING, LQ_LEVEL_MANAGER);

	t_begin("titles: the operations of a function are that function; 'X to the CEO' is X");
	title_is("Marketing Operations Manager", "marketing operations manager", LQ_FN_MARKETING, LQ_LEVEL_MANAGER);
	title_is("HR Operations Lead", "human resources operations lead", LQ_FN_PEOPLE, LQ_LEVEL_MANAGER);
	title_is("Warehouse Operations Manager", "warehouse operations manager", LQ_FN_SUPPLY, LQ_LEVEL_MANAGER);
	title_is("Operations Director", "operations director", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD);
	title_is("Chief of Staff to the CEO", "chief of staff", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD);
	title_is("Head of Go-to-Market", "head of go to market", 0, LQ_LEVEL_HEAD);

	t_begin("titles: side roles beside a main job");
	CHECK_INT(lq_title_side("Board Member"), 1);
	CHECK_INT(lq_title_side("Advisor to early-stage founders"), 1);
	CHECK_INT(lq_title_side("Angel Investor"), 1);
	CHECK_INT(lq_title_side("Entrepreneur in Residence"), 1);
	CHECK_INT(lq_title_side("Styrelseledamot"), 1);
	CHECK_INT(lq_title_side("Co-founder"), 0);
	CHECK_INT(lq_title_side("Head of Onboarding"), 0);
	CHECK_INT(lq_title_side("CFO"), 0);

	t_begin("titles: technology families, Japanese, payroll is a people job");
	title_is("Leiterin Plattform & Infrastruktur", "head of platform infrastructure", LQ_FN_TECH, LQ_LEVEL_HEAD);
	title_is("Directora de Ingeniería", "director engineering", LQ_FN_TECH, LQ_LEVEL_HEAD);
	title_is("Teamlead Platform", "team lead platform", LQ_FN_TECH, LQ_LEVEL_MANAGER);
	title_is("Staff SRE", "staff site reliability engineering", LQ_FN_TECH, LQ_LEVEL_UNKNOWN);
	title_is("開発部長", "head of engineering", LQ_FN_TECH, LQ_LEVEL_HEAD);
	title_is("Diretora de Pessoas", "director people", LQ_FN_PEOPLE, LQ_LEVEL_HEAD);
	title_is("Payroll Manager", "payroll manager", LQ_FN_PEOPLE, LQ_LEVEL_MANAGER);
	title_is("Chief of Staff", "chief of staff", LQ_FN_OPERATIONS, LQ_LEVEL_HEAD);

	t_begin("titles: a recruiter of finance people is a recruiter");
	title_is("Finance Recruiter", "finance recruiter", LQ_FN_RECRUITING, LQ_LEVEL_IC);
	title_is("Reclutadora", "recruiter", LQ_FN_RECRUITING, LQ_LEVEL_IC);

	t_begin("headline: the title part, hiring calls skipped");
	s = lq_headline_title("Hiring CFOs | Finance Recruiter at Talentbridge");
	CHECK_STR(s, "Finance Recruiter");
	free(s);
	s = lq_headline_title("VP People Operations @ Lumenstack — we're hiring!");
	CHECK_STR(s, "VP People Operations");
	free(s);
	s = lq_headline_title("We're hiring!");
	CHECK_STR(s, "");
	free(s);

	t_begin("industries: groups and related groups");
	CHECK(lq_industry_lexsim(lq_industry_groups("Computer Software"), lq_industry_groups("B2B software")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Fintech"), lq_industry_groups("Financial technology")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Financial Services"), lq_industry_groups("Payments")) == 0.5);
	/* a fintech builds software: it is a software company too */
	CHECK(lq_industry_lexsim(lq_industry_groups("Fintech"), lq_industry_groups("Software Development")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Software Development"), lq_industry_groups("Payments")) == 0.75);
	CHECK(lq_industry_lexsim(lq_industry_groups("Farming"), lq_industry_groups("B2B software")) == 0);
	CHECK(lq_industry_lexsim(lq_industry_groups("Quantum widgets"), lq_industry_groups("B2B software")) == -1);

	t_begin("industries: the names French, Spanish and German ICPs use");
	CHECK(lq_industry_lexsim(lq_industry_groups("Fintech"), lq_industry_groups("Technologie financière")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Fintech"), lq_industry_groups("Tecnología financiera")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("SaaS"), lq_industry_groups("Édition de logiciels")) == 1);
	/* "construction mécanique" is machinery, not the building trade */
	CHECK(lq_industry_lexsim(lq_industry_groups("Manufacturing"), lq_industry_groups("Construction mécanique")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Construction"), lq_industry_groups("Construction mécanique")) == 0);
	CHECK(lq_industry_lexsim(lq_industry_groups("Video Games"), lq_industry_groups("Videojuegos")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Hospitality"), lq_industry_groups("Hôtellerie et restauration")) == 1);
	/* Portuguese, and the building trade in other languages */
	CHECK(lq_industry_lexsim(lq_industry_groups("Construction"), lq_industry_groups("Construção civil")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Civil Engineering"), lq_industry_groups("Engenharia civil")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Specialty Trade Contractors"), lq_industry_groups("Edilizia")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Construction"), lq_industry_groups("Varejo")) == 0);
	CHECK(lq_industry_lexsim(lq_industry_groups("Retail"), lq_industry_groups("Comércio eletrônico")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Hospital & Health Care"), lq_industry_groups("Saúde")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Insurance"), lq_industry_groups("Versicherungen")) == 1);
	/* the law: LinkedIn's names, and firms and notaries in other languages */
	CHECK(lq_industry_lexsim(lq_industry_groups("Law Practice"), lq_industry_groups("Advocatuur")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Legal Services"), lq_industry_groups("Notariaat")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Cabinet d'avocats"), lq_industry_groups("Rechtsanwaltskanzlei")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Studio legale"), lq_industry_groups("Despacho de abogados")) == 1);
	/* legal tech sells to law firms: software, not the law */
	CHECK(lq_industry_lexsim(lq_industry_groups("Legal tech"), lq_industry_groups("Juridische dienstverlening")) == 0);
	CHECK(lq_industry_lexsim(lq_industry_groups("Management Consulting"), lq_industry_groups("Advocatuur")) == 0.5);
	CHECK(lq_industry_lexsim(lq_industry_groups("Software Development"), lq_industry_groups("Advocatuur")) == 0);
	CHECK(lq_company_groups("Verhoeven & De Smet Advocaten, advocatenkantoor in Gent", "Els Peeters") == lq_industry_groups("law firm"));

	t_begin("titles: general management (owner, CEO, COO, head of operations) says nothing of the company's kind");
	{
		static const char *const general[] = { "Owner", "Founder & CEO", "Managing Director", "Chief Operating Officer",
			"Head of Operations", "Geschäftsführerin", "Directeur des opérations", NULL };
		static const char *const specific[] = { "Head of Procurement", "Regulatory Affairs Manager", "Supply Chain Director",
			"Co-founder & CFO", "HR Director", "Group Executive Chef", "Quantum Whisperer", NULL };

		for (size_t i = 0; general[i]; i++) {
			struct lq_title t;

			lq_title_analyse(general[i], &t);
			if (!lq_title_general(&t))
				printf("#   '%s' is not general management\n", general[i]);
			CHECK(lq_title_general(&t));
			free(t.canon);
		}
		for (size_t i = 0; specific[i]; i++) {
			struct lq_title t;

			lq_title_analyse(specific[i], &t);
			if (lq_title_general(&t))
				printf("#   '%s' is general management\n", specific[i]);
			CHECK(!lq_title_general(&t));
			free(t.canon);
		}
	}

	t_begin("titles: security is a function of its own; a German or Spanish technical director is the CTO");
	{
		struct lq_title ciso, cto, hos, tl, lead;

		lq_title_analyse("Chief Information Security Officer", &ciso);
		lq_title_analyse("CTO", &cto);
		lq_title_analyse("Head of Security", &hos);
		lq_title_analyse("Technische Leiterin", &tl);
		lq_title_analyse("Leiter Plattform", &lead);
		CHECK(ciso.fn == LQ_FN_SECURITY && hos.fn == LQ_FN_SECURITY);
		CHECK(lq_title_lexsim(&ciso, &cto) == 0);	/* a CISO is not a CTO */
		CHECK(lq_title_lexsim(&ciso, &hos) > 0.7);
		CHECK_STR(tl.canon, "chief technology officer");
		CHECK(lq_title_lexsim(&tl, &cto) == 1);
		CHECK(lq_title_lexsim(&lead, &tl) < 1);	/* a head of platform is not the CTO */
		free(ciso.canon), free(cto.canon), free(hos.canon), free(tl.canon), free(lead.canon);
	}

	t_begin("titles: regulatory affairs in other languages is rewritten into English");
	{
		static const char *const ra[] = { "Jefa de Asuntos Regulatorios", "Gerente de Assuntos Regulatórios",
			"Chargée d'Affaires Réglementaires", "Specialista Affari Regolatori", "Leiterin Zulassung",
			"Specjalista ds. Rejestracji", NULL };

		for (size_t i = 0; ra[i]; i++) {
			struct lq_title t;

			lq_title_analyse(ra[i], &t);
			if (strstr(t.canon, "regulatory affairs") == NULL)
				printf("#   '%s' -> '%s'\n", ra[i], t.canon);
			CHECK(strstr(t.canon, "regulatory affairs") != NULL);
			free(t.canon);
		}
	}

	t_begin("industries: firm names that carry the line of business in a local language");
	{
		unsigned law = lq_industry_groups("Law Practice"), fin = lq_industry_groups("Accounting");
		unsigned hea = lq_industry_groups("Hospitals and Health Care"), ret = lq_industry_groups("Wholesale");

		CHECK(law != 0 && fin != 0 && hea != 0 && ret != 0);
		CHECK(lq_company_groups("Ruiz & Prieto Abogados", NULL) == law);
		CHECK(lq_company_groups("Advokatfirmaet Solheim", NULL) == law);	/* a stem inside a compound */
		CHECK(lq_company_groups("Kancelaria Prawna Zielińska", NULL) == law);
		CHECK(lq_company_groups("Moser Steuerberatung GmbH", NULL) == fin);
		CHECK(lq_company_groups("Steuerberatungsgesellschaft Adler", NULL) == fin);
		CHECK(lq_company_groups("Biuro Rachunkowe Kowal", NULL) == fin);
		CHECK(lq_company_groups("Cabinet Lefort Expert-Comptable", NULL) == fin);
		CHECK(lq_company_groups("Ekholm Redovisningsbyrå AB", NULL) == fin);
		CHECK(lq_company_groups("Björkvik Tandvård", NULL) == hea);
		CHECK(lq_company_groups("Zahnarztpraxis Dr. Falk", NULL) == hea);
		CHECK(lq_company_groups("Tandartspraktijk De Linde", NULL) == hea);
		CHECK(lq_company_groups("Van Dijk Groothandel B.V.", NULL) == ret);
		CHECK(lq_company_groups("Nordlo 3PL", NULL) == lq_industry_groups("Logistics"));
		CHECK(lq_company_groups("Brisa Insurtech", NULL) & lq_industry_groups("Insurance"));
		/* a bare "bar" stays out; taverns and beer halls are hospitality */
		CHECK(lq_company_groups("Old Mill Taverns", NULL) == lq_industry_groups("Restaurants"));
		CHECK(lq_company_groups("Kessler's Bierhalle", NULL) == lq_industry_groups("Restaurants"));
		CHECK(lq_industry_groups("Bars, Taverns, and Nightclubs") == lq_industry_groups("Restaurants"));
		CHECK(lq_company_groups("Candybar Studio", NULL) == 0);
		CHECK(lq_company_groups("Wearside NHS Foundation Trust", NULL) == hea);
		/* a dental practice is health care; dental chews for dogs are not */
		CHECK(lq_company_groups("Lakeside Dental Practice", NULL) == hea);
		CHECK((lq_company_groups("Chompers - dental chews for dogs", NULL) & hea) == 0);
	}

	t_begin("industries: schools and colleges, elderly and home care by their names; schools as clients are not the company's");
	{
		unsigned edu = lq_industry_groups("Education"), care = lq_industry_groups("Äldreomsorg");

		CHECK(edu != 0 && care != 0 && care != lq_industry_groups("Hospitals and Health Care"));
		CHECK(lq_company_groups("Marlowe Hill School", NULL) == edu);
		CHECK(lq_company_groups("Kestrel Sixth Form College", NULL) == edu);
		CHECK(lq_company_groups("Lycée Sainte-Anne", NULL) == edu);
		CHECK(lq_company_groups("Björkdalens Hemtjänst AB", NULL) == care);
		CHECK(lq_company_groups("Omsorgshuset Norr", NULL) == care);	/* a stem inside a name */
		CHECK(lq_company_groups("Haus Lindenhof Pflegeheim", NULL) == care);
		CHECK(lq_industry_groups("Individual and Family Services") == care);
		CHECK(lq_industry_lexsim(care, lq_industry_groups("Hospitals and Health Care")) == 0.5);
		CHECK(lq_company_groups("Inbound marketing for independent schools", NULL) == lq_industry_groups("marketing"));
		CHECK(lq_client_groups("CRM software for schools and colleges") & edu);
	}

	t_begin("industries: vehicle rental, in the languages renters write it; travel is tourism");
	CHECK(lq_industry_lexsim(lq_industry_groups("Car rental"), lq_industry_groups("Location de voitures")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Autovermietung"), lq_industry_groups("Location de véhicules utilitaires")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Alquiler de coches"), lq_industry_groups("Vehicle rental")) == 1);
	CHECK(lq_company_groups("Scheldeland Autoverhuur NV", "Lieven Maes") == lq_industry_groups("car rental"));
	CHECK(lq_company_groups("Menara Rent", NULL) == lq_industry_groups("car rental"));
	/* LinkedIn files renters under Travel Arrangements: tourism, related */
	CHECK(lq_industry_lexsim(lq_industry_groups("Travel Arrangements"), lq_industry_groups("Location de voitures")) == 0.5);
	CHECK(lq_industry_lexsim(lq_industry_groups("Hospitality"), lq_industry_groups("Travel Arrangements")) == 1);
	CHECK(lq_industry_lexsim(lq_industry_groups("Software Development"), lq_industry_groups("Location de voitures")) == 0);

	t_begin("industries: what a software or AI company makes, machine-building words, cyber in a name");
	{
		unsigned sw = lq_industry_groups("Software Development"), ai = lq_industry_groups("Artificial Intelligence");
		unsigned mf = lq_industry_groups("Maschinenbau"), sec = lq_industry_groups("Cybersecurity");

		CHECK(lq_company_groups("Tollgate - feature flags for game studios", NULL) & sw);
		CHECK(lq_company_groups("Murmur (speech models for call centres)", NULL) & ai);
		CHECK(lq_company_groups("Lexwise: language models for contract review", NULL) & ai);
		CHECK(lq_company_groups("Oberpfalz Getriebe GmbH", NULL) == mf);
		CHECK(lq_company_groups("Saale Wälzlager AG", NULL) == mf);
		CHECK(lq_company_groups("Cyberhafen", NULL) == sec);	/* a stem inside a name */
		CHECK(lq_company_groups("Cyber Kestrel Ltd", NULL) == sec);
		CHECK(lq_company_groups("Feature Creatures Bakery", NULL) == 0);	/* no "feature flags" */
		CHECK(lq_company_groups("Top Models Agency", NULL) != ai);	/* "models" alone says nothing of AI */
	}

	t_begin("industries: pet products, in the words of a brand's own name and headline, in nine languages");
	{
		unsigned pet = lq_industry_groups("Pet Products");

		CHECK(pet != 0);
		CHECK(lq_industry_lexsim(lq_company_groups("Snoozehound - orthopedic dog beds", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("Alpenpfote - Bio-Hundesnacks aus den Alpen", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("Schnurrwerk - Katzenfutter ohne Kompromisse", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("Olfa - soins naturels pour chiens", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("snacks para perros", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("ração para cães", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("vers hondenvoer", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("hållbara hundleksaker och koppel", NULL), pet) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("karma dla psów", NULL), pet) == 1);
		/* "hund" alone is not a stem: "hundreds" and "Hunderte" are no dogs */
		CHECK(lq_company_groups("hundreds of customers", NULL) == 0);
		CHECK(lq_company_groups("Hunderte Kunden", NULL) == 0);
		/* a software company for vets names no pet product */
		CHECK(lq_industry_lexsim(lq_company_groups("practice management software for vet clinics", NULL), pet) == 0);
	}

	t_begin("titles: a lead above the target's rung counts one rung closer, not below it");
	{
		struct lq_title lead, target;

		lq_title_analyse("Chief People Officer", &lead);
		lq_title_analyse("Personalleiter", &target);
		CHECK(lq_title_lexsim(&lead, &target) == 0.8);	/* two rungs above: as one */
		CHECK(lq_title_lexsim(&target, &lead) == 0.55);	/* two rungs below: as two */
		free(lead.canon);
		free(target.canon);
		lq_title_analyse("Directeur technique", &lead);
		lq_title_analyse("CTO", &target);
		CHECK(lq_title_lexsim(&lead, &target) == 1);
		free(lead.canon);
		free(target.canon);
		lq_title_analyse("Consejero delegado", &lead);
		CHECK_INT(lead.level, LQ_LEVEL_CLEVEL);
		CHECK_INT(lead.fn, LQ_FN_EXECUTIVE);
		free(lead.canon);
	}

	t_begin("industry from a company's own words: compound names, what a software company makes");
	CHECK(lq_industry_lexsim(lq_company_groups("Erzgebirge Werkzeugmaschinen GmbH", NULL),
	    lq_industry_groups("Maschinenbau")) == 1);
	CHECK(lq_industry_lexsim(lq_company_groups("Pfalz Fahrzeugtechnik", NULL), lq_industry_groups("Manufacturing")) == 1);
	CHECK(lq_industry_lexsim(lq_company_groups("serverless Postgres for edge apps", NULL),
	    lq_industry_groups("Software Development")) == 1);
	CHECK(lq_company_groups("Maschinen", NULL) == lq_industry_groups("Maschinenbau"));
	CHECK(lq_company_groups("Nordlicht Consulting", NULL) != lq_industry_groups("Maschinenbau"));

	t_begin("industry from a company's own words: makers and what they make, shops and chains, in several languages");
	{
		unsigned mfg = lq_industry_groups("Manufacturing"), ret = lq_industry_groups("Retail");

		CHECK(lq_company_groups("a 700-person corrugated packaging manufacturer", NULL) & mfg);
		CHECK(lq_company_groups("producent okien i mebli ogrodowych", NULL) & mfg);
		CHECK(lq_company_groups("un produttore di piastrelle tecniche", NULL) & mfg);
		CHECK(lq_company_groups("Nordkap Mejeri", NULL) & mfg);
		CHECK(lq_company_groups("fabricante de envases de vidrio", NULL) & mfg);
		CHECK(lq_company_groups("Rheintal Spezialchemie | specialty chemicals", NULL) & mfg);
		CHECK(lq_company_groups("une enseigne de jardinage, 80 magasins", NULL) & ret);
		CHECK(lq_company_groups("cadena de 120 tiendas de moda", NULL) & ret);
		CHECK(lq_company_groups("Sklepy Podhale", NULL) & ret);
		CHECK(lq_company_groups("a regional supermarket chain", NULL) & ret);
		/* "processor", "maker", "stores" alone name no industry */
		CHECK((lq_company_groups("a payment processor for marketplaces", NULL) & mfg) == 0);
		CHECK((lq_company_groups("vector stores for decision makers", NULL) & (mfg | ret)) == 0);
		/* whom a supplier serves is not its own industry */
		CHECK((lq_company_groups("ERP software for furniture manufacturers", NULL) & mfg) == 0);
	}

	t_begin("first-person.vocab: every word of the table it replaced in score.c; whole words only");
	{
		/* the table first-person.vocab replaced, folded */
		static const char *const old[] = { "i", "i m", "my", "me", "je", "j", "ich", "mein", "meine", "yo",
			"eu", "io", "jag", "jeg", "ik", "mijn", "dirijo", "lidero", "dirigo", "gestiono", "coordino" };
		char sent[64];

		for (size_t i = 0; i < sizeof old / sizeof *old; i++) {
			snprintf(sent, sizeof sent, "at kvist %s build software", old[i]);
			CHECK(lq_about_self(sent));
		}
		CHECK(!lq_about_self("kvist builds payroll software"));
		CHECK(!lq_about_self("at kvist we build software"));
		CHECK(!lq_about_self("mine ichor io2 jaguar"));	/* whole words only */
		CHECK(!lq_about_self(""));
	}

	t_begin("languages.vocab: the language of a text by its function words");
	{
		char *f;
#define LANG(text, want) do { f = lq_fold(text); const char *got = lq_text_language(f); \
		CHECK((want) == NULL ? got == NULL : got != NULL && strcmp(got, (want) ? (want) : "") == 0); free(f); } while (0)
		LANG("We make wet food for cats and sell it to the chains from our kitchen.", "english");
		LANG("Wir machen Nassfutter für Katzen mit 70 % Fleisch, ohne Zucker und Getreide. Seit 2023 im Fachhandel.",
		    "german");
		LANG("Pattoune fabrique des friandises pour chiens à base de produits français, présents dans les animaleries.",
		    "french");
		LANG("Snacks naturales para perros, hechos en Navarra. Queremos entrar en las tiendas este año con nuestra marca.",
		    "spanish");
		LANG("Wij produceren snacks voor huisdieren onder private label voor merken, ook naar het buitenland.", "dutch");
		LANG("Founder & CEO | Chewbury", NULL);	/* too little prose to tell */
		LANG("", NULL);
		LANG("the and of und mit der", NULL);		/* a tie */
#undef LANG
	}

	t_begin("titles: pricing (revenue and yield management) is its own function, apart from sales");
	{
		struct lq_title a, b, c, d, e;

		lq_title_analyse("Yield Manager", &a);
		lq_title_analyse("Revenue Manager", &b);
		lq_title_analyse("Account Executive", &c);
		lq_title_analyse("Responsable de la tarification", &d);
		lq_title_analyse("Chief Revenue Officer", &e);
		CHECK(a.fn == LQ_FN_PRICING && b.fn == LQ_FN_PRICING && d.fn == LQ_FN_PRICING);
		CHECK(lq_title_lexsim(&a, &b) == 1);
		CHECK(lq_title_lexsim(&b, &c) == 0);	/* a revenue manager is not a seller */
		CHECK(e.fn == LQ_FN_SALES);		/* a revenue not managed stays sales */
		free(a.canon), free(b.canon), free(c.canon), free(d.canon), free(e.canon);
	}

	t_begin("titles: sustainability, ESG, CSR and the environment are a function, in twelve languages");
	title_is("Nachhaltigkeitsleiter", "head of sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Umweltbeauftragte", "environmental manager", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Responsable RSE", "head of csr", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Directeur développement durable", "director sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Jefa de Sostenibilidad", "head of sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Directora de Medio Ambiente", "director environment", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Gerente de Sustentabilidade", "manager sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Responsabile Sostenibilità", "head of sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Coördinator MVO", "coordinator csr", LQ_FN_SUSTAINABILITY, LQ_LEVEL_JUNIOR);
	title_is("Duurzaamheidscoördinator", "sustainability coordinator", LQ_FN_SUSTAINABILITY, LQ_LEVEL_JUNIOR);
	title_is("Hållbarhetsansvarig", "head of sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Bærekraftsleder", "head of sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Bæredygtighedsmanager", "sustainability manager", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Vastuullisuusjohtaja", "sustainability director", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Dyrektor ds. zrównoważonego rozwoju", "director sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);
	title_is("Manažerka udržitelnosti", "manager sustainability", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Fenntarthatósági menedzser", "sustainability manager", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Climate & Carbon Lead", "climate carbon lead", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	/* a carbon accountant keeps books of emissions, not of money */
	title_is("Carbon Accounting Manager", "carbon accounting manager", LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	/* a compound title holds both functions */
	title_is("QHSE Manager", "qhse manager", LQ_FN_QUALITY | LQ_FN_SUSTAINABILITY, LQ_LEVEL_MANAGER);
	title_is("Finance & ESG Director", "finance esg director", LQ_FN_FINANCE | LQ_FN_SUSTAINABILITY, LQ_LEVEL_HEAD);

	t_begin("titles: a consultant or an adviser does another job than the one advised on");
	{
		struct lq_title a, b, c, d, e, f;

		lq_title_analyse("Climate Consultant", &a);
		lq_title_analyse("Environmental Analyst", &b);
		lq_title_analyse("Head of Sustainability", &c);
		lq_title_analyse("Nachhaltigkeitsberaterin", &d);
		lq_title_analyse("Consultant", &e);
		lq_title_analyse("Recruitment Consultant", &f);
		CHECK(a.fn == (LQ_FN_SUSTAINABILITY | LQ_FN_ADVISORY));
		CHECK(lq_title_lexsim(&a, &b) == 0);	/* not the company's own analyst */
		CHECK(lq_title_lexsim(&a, &c) == 0);
		CHECK(lq_title_lexsim(&d, &a) == 1);	/* a consultant is a consultant, in German too */
		CHECK(lq_title_lexsim(&e, &a) == 1);
		CHECK(lq_title_lexsim(&e, &c) == 0);
		CHECK(f.fn == LQ_FN_RECRUITING);	/* a recruiter of any kind stays a recruiter */
		free(f.canon);
		/* an auditor's assurance of a report is a service to the company, not its own reporting */
		lq_title_analyse("Senior Manager, ESG Assurance", &f);
		CHECK(lq_title_lexsim(&f, &c) == 0);
		CHECK(f.fn == (LQ_FN_SUSTAINABILITY | LQ_FN_ADVISORY));
		free(f.canon);
		lq_title_analyse("Quality Assurance Manager", &f);
		CHECK(f.fn == LQ_FN_QUALITY);
		free(a.canon), free(b.canon), free(c.canon), free(d.canon), free(e.canon), free(f.canon);
	}

	t_begin("notes: the roles a sentence names as weighing in on the purchase (titles.vocab [influencer])");
	{
		char **r;
		size_t n = lq_notes_influencers("Flottarif fixe les prix. Les chefs d'agence et les responsables "
		    "de flotte sont des prescripteurs ; les RH non plus.", &r);

		CHECK(n == 2);
		CHECK_STR(r[0], "chefs d agence");
		CHECK_STR(r[1], "responsables de flotte");
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		n = lq_notes_influencers("Site-level warehouse and distribution centre managers are strong champions.", &r);
		CHECK(n == 2 && strcmp(r[0], "site level warehouse") == 0 && strcmp(r[1], "distribution centre managers") == 0);
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		/* a relative clause is not a role */
		n = lq_notes_influencers("A co-founder who runs sales or commercial is a strong champion.", &r);
		CHECK(n == 1 && strcmp(r[0], "co founder") == 0);
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		CHECK(lq_notes_influencers("The buyer is the CFO. Payroll managers sign nothing.", &r) == 0 && r == NULL);
		CHECK(lq_notes_influencers(NULL, &r) == 0 && r == NULL);
	}

	t_begin("notes: where the buyer comes from (titles.vocab [background])");
	{
		static const char *const tt[] = { "Owner", "Head of Product" };
		char **r;
		size_t n = lq_notes_background("Tidemark sells lab notebooks. The buyer is the owner or head of "
		    "product of a small biotech, who comes from chemistry or biology, and signs alone.", tt, 2, &r);

		CHECK(n == 2 && strcmp(r[0], "chemistry") == 0 && strcmp(r[1], "biology") == 0);
		CHECK(lq_background_meets("Research Chemist", r, n) == 1);	/* a stem: chemist */
		CHECK(lq_background_meets("Biologiste moléculaire", r, n) == 2);
		CHECK(lq_background_meets("Account Manager", r, n) == 0);
		CHECK(lq_background_meets("", r, n) == 0);
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		/* French, Spanish, German: after the phrase, or between "aus" and the verb */
		static const char *const fr[] = { "Gérant" }, *const de[] = { "Geschäftsführer" };
		n = lq_notes_background("Le client est le gérant d'une PME qui vient de la finance ou de l'audit.", fr,
		    1, &r);
		CHECK(n == 2 && strcmp(r[0], "finance") == 0 && strcmp(r[1], "audit") == 0);
		CHECK(lq_background_meets("Chief Financial Officer", r, n) == 1);	/* the function: finance */
		CHECK(lq_background_meets("Werkstudent Marketing", r, n) == 0);
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		n = lq_notes_background("Käufer ist der Geschäftsführer, der selbst aus dem Vertrieb kommt.", de, 1, &r);
		CHECK(n == 1 && strcmp(r[0], "vertrieb") == 0);
		CHECK(lq_background_meets("Vertriebsleiter", r, n) == 1);
		CHECK(lq_background_meets("Head of Sales", r, n) == 1);	/* Vertrieb is sales */
		for (size_t i = 0; i < n; i++)
			free(r[i]);
		free(r);
		/* a sentence that names no target title says nothing of the buyer */
		CHECK(lq_notes_background("Demand comes from retailers. The owner signs.", fr, 1, &r) == 0 && r == NULL);
		CHECK(lq_notes_background("Demand comes from retailers. The owner signs.", tt, 2, &r) == 0);
		CHECK(lq_notes_background(NULL, tt, 2, &r) == 0 && r == NULL);
		/* stems: a long common start, not a short one */
		char *inv[] = { "investigacion" };
		CHECK(lq_background_meets("Investigador principal", inv, 1) == 1);
		CHECK(lq_background_meets("Angel Investor", inv, 1) == 0);
	}

	t_begin("places: what notes and locations name (places.vocab)");
	{
		char *want = lq_places("Cibles : loueurs en France (DOM compris), en Belgique, en Suisse, au Québec "
		    "et au Maroc.");
		char *mtl = lq_places("Montréal, Québec, Canada"), *tor = lq_places("Toronto, Ontario, Canada");
		char *mal = lq_places("Málaga, Andalucía, España"), *bxl = lq_places("Bruxelles, Belgique");
		char *dach = lq_places("im deutschsprachigen Raum oder in Polen"), *wien = lq_places("Vienna, Austria");
		char *eu = lq_places("employers in two or more European countries"), *sf = lq_places("San Francisco, "
		    "California, United States");

		CHECK_STR(want, " fr  be  ch  ma  ca-qc ");	/* in places.vocab's order */
		CHECK(lq_places_meet(mtl, want) && lq_places_meet(bxl, want));
		CHECK(!lq_places_meet(tor, want) && !lq_places_meet(mal, want));	/* Canada is not Québec */
		CHECK(lq_places_meet(wien, dach) && lq_places_meet(wien, eu) && !lq_places_meet(sf, eu));
		CHECK(lq_places("Paris") == NULL && lq_places("") == NULL && lq_places(NULL) == NULL);
		CHECK(lq_places("let us know") == NULL);	/* "us" is a word, not a country */
		CHECK(!lq_places_meet(NULL, want) && !lq_places_meet(want, NULL));
		free(want), free(mtl), free(tor), free(mal), free(bxl), free(dach), free(wien), free(eu), free(sf);
	}

	t_begin("places: in a list a negation heads, an 'only' ends its item, not the list");
	{
		char *ex, *in;

		in = lq_places_split("Not a fit: tutors without a school, trustees only by exception, "
		    "colleges outside France and Belgium, retired people.", NULL, 0, &ex);
		CHECK_STR(in, " fr  be ");
		CHECK(ex == NULL);
		free(in), free(ex);
		/* the items after it stay excluded, and an enumeration of places
		 * after two negations stays wanted */
		in = lq_places_split("Not a fit: trustees only by exception, firms in Spain.", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " es ");
		free(in), free(ex);
		in = lq_places_split("Not a fit: firms outside Spain, Portugal and Italy.", NULL, 0, &ex);
		CHECK_STR(in, " es  pt  it ");
		free(in), free(ex);
	}

	t_begin("places: 'European' as an adjective in the languages of the notes is Europe");
	{
		static const char *const notes[] = { "clienti in Italia o in un altro paese europeo",
			"fabricantes europeos de maquinaria", "fabricantes em qualquer país europeu",
			"Hersteller in einem europäischen Land", "Europese groothandels", "europejskie firmy",
			"des PME européennes", NULL };
		char *wien = lq_places("Vienna, Austria"), *sf = lq_places("San Francisco, California, United States");

		for (size_t i = 0; notes[i]; i++) {
			char *p = lq_places(notes[i]);

			CHECK(lq_places_meet(wien, p) && !lq_places_meet(sf, p));
			free(p);
		}
		free(wien), free(sf);
	}

	t_begin("places: what notes name as excluded is not wanted ([negation], the exclusions)");
	{
		char *ex, *in;
		char *excl[] = { "Schweiz", "Country Manager France" };

		in = lq_places_split("Clients en France et en Belgique. Nous ne travaillons pas avec la Suisse.",
		    NULL, 0, &ex);
		CHECK_STR(in, " fr  be ");
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		in = lq_places_split("Fleet buyers anywhere, just not in the US.", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " us ");	/* only excluded places: no wanted list */
		free(ex);
		in = lq_places_split("No UK companies; excluding Germany", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " gb  de ");	/* in the order named */
		free(ex);
		in = lq_places_split("Kunden in Deutschland, aber keine in Österreich.", NULL, 0, &ex);
		CHECK_STR(in, " de ");
		CHECK_STR(ex, " at ");
		free(in), free(ex);
		/* a number's point ("1.000") does not end the negation's list */
		in = lq_places_split("Geen klanten: grote kantoren (1.000 mensen of meer); kantoren buiten Duitsland.",
		    NULL, 0, &ex);
		CHECK_STR(in, " de ");
		CHECK(ex == NULL);
		free(in), free(ex);
		in = lq_places_split("Not a fit: firms above 2.500 staff, companies outside Spain.", NULL, 0, &ex);
		CHECK_STR(in, " es ");
		free(in), free(ex);
		in = lq_places_split("In Europa, außer der Schweiz", NULL, 0, &ex);	/* a region less a country */
		CHECK(in && strstr(in, " de ") && strstr(in, " ch ") == NULL);
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		in = lq_places_split("Switzerland is excluded, Belgium is fine", NULL, 0, &ex);
		CHECK(in == NULL || strstr(in, " ch ") == NULL);
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		in = lq_places_split("Nous ne vendons qu'en France", NULL, 0, &ex);	/* ne ... que: only */
		CHECK_STR(in, " fr ");
		CHECK(ex == NULL);
		free(in);
		/* the exclusions: a place on its own, not a title that names one */
		in = lq_places_split("Loueurs en France", excl, 2, &ex);
		CHECK_STR(in, " fr ");
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		/* hostile: a negation or a place inside another word, no notes */
		in = lq_places_split("Notably France; nonprofits in Spainish-free Nordics", NULL, 0, &ex);
		CHECK(in && strstr(in, " fr ") && strstr(in, " dk ") && strstr(in, " es ") == NULL);
		CHECK(ex == NULL);
		free(in);
		/* outside after a negation turns it back: the place is wanted */
		in = lq_places_split("No encajan empresas fuera de Europa. We don't sell outside France.", NULL, 0, &ex);
		CHECK(in && strstr(in, " es ") && strstr(in, " fr ") && ex == NULL);
		free(in), free(ex);
		/* a bare "outside" excludes, in six languages */
		in = lq_places_split("PME clientes hors France.", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " fr ");
		free(ex);
		in = lq_places_split("Fleet buyers outside of the United States; not in Canada; excluding Mexico", NULL, 0,
		    &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " us  ca  mx ");
		free(ex);
		in = lq_places_split("Clientes fuera de España. Kunden außerhalb Deutschland. Klanten buiten "
		    "Nederland, aziende al di fuori dell'Italia, en dehors de la Belgique", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " es  de  be  nl  it ");	/* in places.vocab's order within a clause */
		free(ex);
		/* wanted and outside in one clause: each where it stands */
		in = lq_places_split("Software companies in Europe, outside Switzerland", NULL, 0, &ex);
		CHECK(in && strstr(in, " de ") && strstr(in, " ch ") == NULL);
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		/* outside, then a negation of no place: turned back, wanted */
		in = lq_places_split("Employers in two or more European countries. Employers outside Europe, "
		    "public bodies and recruiters are not a fit. Firms outside Spain are excluded", NULL, 0, &ex);
		CHECK(in && strstr(in, " de ") && strstr(in, " es ") && ex == NULL);
		free(in), free(ex);
		/* ... but a negation with its own place is an exclusion of its own */
		in = lq_places_split("Clients hors France, pas en Suisse", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " fr  ch ");
		free(ex);
		/* a negation, then outside: the place after it is wanted */
		in = lq_places_split("Nous ne vendons pas hors de France", NULL, 0, &ex);
		CHECK_STR(in, " fr ");
		CHECK(ex == NULL);
		free(in);
		/* a negation naming no place, ending in ':', heads a list to the
		 * end of its sentence: a place in the list is excluded, one
		 * "outside" it is two negations and wanted */
		in = lq_places_split("We sell to software firms in Europe. Not a fit: agencies; consultancies in the "
		    "United States; startups outside Germany and Austria. Partners in France.", NULL, 0, &ex);
		CHECK(in && strstr(in, " de ") && strstr(in, " at ") && strstr(in, " fr ") && strstr(in, " us ") == NULL);
		CHECK_STR(ex, " us ");
		free(in), free(ex);
		in = lq_places_split("Ne sont pas clients : les cabinets hors de Belgique ; les PME en Suisse.", NULL, 0, &ex);
		CHECK_STR(in, " be ");
		CHECK_STR(ex, " ch ");
		free(in), free(ex);
		in = lq_places_split("Excluded: Spain, Portugal. Clients in Italy", NULL, 0, &ex);
		CHECK_STR(in, " it ");
		CHECK(ex && strstr(ex, " es ") && strstr(ex, " pt ") && strstr(ex, " it ") == NULL);
		free(in), free(ex);
		/* a colon that is not a negation heads nothing; a header's reach
		 * ends with its sentence */
		in = lq_places_split("Markets: Spain; Portugal. Not a fit: agencies. Buyers in Italy", NULL, 0, &ex);
		CHECK(in && strstr(in, " es ") && strstr(in, " pt ") && strstr(in, " it ") && ex == NULL);
		free(in), free(ex);
		/* Portuguese: "não" and "nenhum" negate, "no" is "in the" ("no
		 * México"), "fora de/do/da" is outside, and a "Não são clientes:"
		 * list heads the clauses after it */
		in = lq_places_split("Vendemos para fábricas com uma equipe própria no México. Não atendemos os "
		    "clientes no Chile.", NULL, 0, &ex);
		CHECK_STR(in, " mx ");
		CHECK_STR(ex, " cl ");
		free(in), free(ex);
		in = lq_places_split("Clínicas fora da Argentina", NULL, 0, &ex);
		CHECK(in == NULL);
		CHECK_STR(ex, " ar ");
		free(ex);
		in = lq_places_split("Transportadoras médias. Não são clientes: despachantes; frotas na Colômbia; "
		    "empresas fora do Peru. Nenhum cliente no Uruguai.", NULL, 0, &ex);
		CHECK(in && strstr(in, " pe ") && strstr(in, " co ") == NULL && strstr(in, " uy ") == NULL);
		CHECK(ex && strstr(ex, " co ") && strstr(ex, " uy ") && strstr(ex, " pe ") == NULL);
		free(in), free(ex);
		CHECK(lq_places_split("", NULL, 0, &ex) == NULL && ex == NULL);
		CHECK(lq_places_split(NULL, NULL, 0, &ex) == NULL && ex == NULL);
	}

	t_begin("how a person describes the company they work for (industries.vocab [employer])");
	{
		char *e = lq_employer_words("Je dirige l'équipe technique (35 personnes) d'un éditeur SaaS B2B.");

		CHECK_STR(e, "editeur saas b2b");
		CHECK(lq_company_groups(e, NULL) == lq_industry_groups("Software"));
		free(e);
		e = lq_employer_words("Diretor de engenharia de uma fintech com 800 pessoas: plataforma, SRE");
		CHECK_STR(e, "fintech com 800 pessoas");
		free(e);
		e = lq_employer_words("CFO of a 140-person B2B SaaS scaleup | ex-Big4");
		CHECK_STR(e, "140 person b2b saas scaleup");
		free(e);
		/* "Head of Finance" names no company */
		CHECK(lq_employer_words("Head of Finance at Kvist") == NULL);
	}

	t_begin("industries: medical devices and IVD are medtech, apart from hospitals and other manufacturers");
	{
		unsigned md = lq_industry_groups("Fabbricazione di dispositivi medici");

		CHECK(md != 0 && md == lq_industry_groups("Diagnostica in vitro"));
		CHECK(lq_industry_lexsim(lq_industry_groups("Medical Equipment Manufacturing"), md) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("Valdora Srl - elettromedicali per la dialisi", NULL), md) == 1);
		CHECK(lq_industry_lexsim(lq_company_groups("Medizintechnik aus Tuttlingen", NULL), md) == 1);
		/* a hospital or a drug maker is related (health), a car-parts maker is not */
		CHECK(lq_industry_lexsim(lq_industry_groups("Hospitals and Health Care"), md) == 0.5);
		CHECK(lq_industry_lexsim(lq_industry_groups("Automotive"), md) == 0);
		/* a medical-device maker still makes things, for an ICP of manufacturers */
		CHECK(lq_industry_lexsim(lq_industry_groups("Medical Devices"), lq_industry_groups("Manufacturing")) == 1);
	}

	t_begin("industries: restaurants, cafés, bars and pubs as their owners name them");
	{
		unsigned h = lq_industry_groups("Restaurants");

		CHECK(lq_company_groups("Saffron Lane Kitchen Group", NULL) == h);
		CHECK(lq_company_groups("Tre Fratelli - trattorie a Londra", NULL) == h);
		CHECK(lq_company_groups("four gastropubs in Kent", NULL) == h);
		CHECK(lq_company_groups("Brauhaus Oberland", NULL) == h);
		CHECK(lq_company_groups("Hotel Seeblick", NULL) == h);
		/* a bare "bar" names no restaurant: the bar of lawyers */
		CHECK(lq_company_groups("Called to the bar in 2009", NULL) == 0);
	}

	t_begin("a headline segment about the past starts with a word of titles.vocab [past]");
	CHECK(lq_past_named_first("ex-Globex"));
	CHECK(lq_past_named_first("  Formerly at a regional bank"));
	CHECK(lq_past_named_first("ehemals Stadtwerke Nordhafen"));
	CHECK(lq_past_named_first("già direttore commerciale"));
	CHECK(lq_past_named_first("Voorheen bij een verzekeraar"));
	CHECK(!lq_past_named_first("Export manager"));	/* "ex" only as a whole word */
	CHECK(!lq_past_named_first("Payments, ex-Globex"));	/* only the first word counts */
	CHECK(!lq_past_named_first(""));
	CHECK(!lq_past_named_first(NULL));

	t_begin("whom a company sells to is not its industry (industries.vocab [serves], [clients])");
	{
		unsigned pet = lq_industry_groups("Pet Products"), hosp = lq_industry_groups("Restaurants");
		unsigned health = lq_industry_groups("Medical Devices");

		CHECK(pet && hosp && health);
		/* a vendor names its clients after "for", "helping", "per" ... */
		CHECK(lq_company_groups("Boxwell - recyclable labels for cat food and treat brands", NULL) == 0);
		CHECK(lq_client_groups("Boxwell - recyclable labels for cat food and treat brands") & pet);
		CHECK(lq_company_groups("booking software for independent restaurants", NULL) ==
		    lq_industry_groups("Software"));
		CHECK(lq_client_groups("booking software for independent restaurants") & hosp);
		CHECK(lq_client_groups("I help restaurants cut food waste") & hosp);
		CHECK(lq_client_groups("Consulenza regolatoria per aziende di dispositivi medici") & health);
		CHECK((lq_company_groups("Consulenza regolatoria per aziende di dispositivi medici", NULL) & health) == 0);
		CHECK(lq_client_groups("Wir helfen Restaurants bei der Personalplanung") & hosp);
		CHECK(lq_client_groups("agence de communication pour hôtels") & hosp);
		CHECK(lq_company_groups("agence de communication pour hôtels", NULL) == 0);
		/* what a maker makes "for" whom it makes it for stays its own */
		CHECK(lq_industry_lexsim(lq_company_groups("grain-free treats for senior dogs", NULL), pet) == 1);
		CHECK(lq_client_groups("grain-free treats for senior dogs") == 0);
		/* an article, a possessive or a number: the place is the company's own */
		CHECK(lq_client_groups("Head of Operations for a group of 9 restaurants") == 0);
		CHECK(lq_company_groups("Head of Operations for a group of 9 restaurants", NULL) & hosp);
		CHECK(lq_client_groups("Operations director for our restaurants in Leeds") == 0);
		CHECK(lq_client_groups("Executive chef for 14 restaurants") == 0);
		/* the client word must come within six words */
		CHECK(lq_client_groups("for people who love good food and who run restaurants") == 0);
		CHECK(lq_client_groups(NULL) == 0 && lq_client_groups("") == 0);
	}

	/* lq_client_may reads a text of ASCII by its runs without folding
	 * it: it must never deny what the folded words allow (a [serves]
	 * word before a [clients] word). Pieces of the two lists in every
	 * case, joined by '&', '+', punctuation, and bytes that are not
	 * ASCII ("ｆｏｒ" folds to "for", "für" to "fur"). */
	t_begin("lq_client_may never denies its oracle on 200,000 random texts");
	{
		static const char *const pieces[] = {
			"for", "FOR", "For", "fo", "fore", "help", "Helps", "serving", "pour", "per", "til", "fur",
			"brands", "BRANDS", "brand", "startups", "restaurants", "clinics", "labs", "lab", "cafes",
			"empresas", "groups", "pet", "a", "our", "of", "de", "x", "9", "r", "d", " ", " ", " ",
			"&", "+", "-", "'", ".", ",", "/", "\n",
			"für", "cafés", "ｆｏｒ", "é", "東", "\xcc\x81", "\xc2\xa0", "\xff",
		};
		static char buf[1024];
		unsigned long long x = 1181783497276652981ULL;
		size_t bad = 0, may = 0, denied = 0;

		for (int r = 0; r < 200000; r++) {
			size_t n = 0, k = 1 + (size_t)(x % 20);

			for (size_t j = 0; j < k; j++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				/* three in four texts ASCII alone */
				size_t np = r % 4 ? LQ_NELEM(pieces) - 7 : LQ_NELEM(pieces);

				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", pieces[x % np]);
			}
			int got = lq_client_may(buf), want = client_may_oracle(buf);

			may += want;
			denied += !got;
			if (want && !got && bad++ < 5)
				printf("#   '%s': denied\n", buf);
			if (!got && lq_client_groups(buf) != 0 && bad++ < 5)
				printf("#   '%s': denied, with client groups\n", buf);
		}
		CHECK_INT(bad, 0);
		printf("#   %zu allowed by the oracle, %zu denied\n", may, denied);
		CHECK(may > 2000 && denied > 50000);	/* both answers given often */
	}

	/* The clauses lq_employer_words reads without folding them (ASCII
	 * with no phrase among its runs of letters and digits) against the
	 * whole form: pieces of the phrases in every case, joined by '&',
	 * '+', punctuation and bytes that are not ASCII (a fullwidth "ｏｆ"
	 * folds to "of"). */
	t_begin("lq_employer_words equals its oracle on 200,000 random texts");
	{
		static const char *const pieces[] = {
			"of", "OF", "Of", "a", "A", "an", "at", "d'", "D", "un", "une", "chez", "de", "una", "uma",
			"numa", "NUMA", "em", "bei", "einem", "bij", "een", "van", "di", "presso", "på", "PÅ", "pa",
			"ett", "en", "hos", "saas", "B2B", "fintech", "140-person", "x", "9", " ", " ", " ", "  ",
			"&", "+", "-", "'", ".", ",", ";", ":", "!", "?", "(", ")", "|", "\n", "\t", "/",
			"é", "É", "ｏｆ", "ａ", "\xe2\x80\x94", "\xc2\xa0", "ﬁ", "東", "\xcc\x81", "\xff",
		};
		static char buf[1024];
		unsigned long long x = 88172645463325252ULL;
		size_t bad = 0;

		for (int r = 0; r < 200000; r++) {
			size_t n = 0, k = 1 + (size_t)(x % 24);

			for (size_t j = 0; j < k; j++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				/* three in four texts ASCII alone */
				size_t np = r % 4 ? LQ_NELEM(pieces) - 10 : LQ_NELEM(pieces);

				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s", pieces[x % np]);
			}
			char *got = lq_employer_words(buf), *want = employer_words_oracle(buf);

			if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0)) {
				if (bad++ < 5)
					printf("#   '%s': '%s' != '%s'\n", buf, got ? got : "(null)", want ? want : "(null)");
			}
			free(got);
			free(want);
		}
		CHECK_INT(bad, 0);
	}

	/* The words lq_text_language does not look up (no function word
	 * has their first two bytes and length) against looking up every
	 * word in every list. */
	t_begin("lq_text_language equals its oracle on 100,000 random texts");
	{
		static const char *const pieces[] = {
			"the", "and", "of", "to", "le", "les", "des", "der", "die", "und", "fur", "y", "e", "a", "i",
			"o", "en", "de", "la", "el", "het", "een", "och", "att", "og", "er", "ja", "ei", "thee", "th",
			"andy", "derby", "diese", "dies", "company", "saas", "fintech", "x", "9", "ou", "où", "für",
			"på", "и", "не", "że", "się", "東", "ｔｈｅ",
		};
		static char buf[1024];
		unsigned long long x = 2463534242ULL;
		size_t bad = 0, named = 0;

		for (int r = 0; r < 100000; r++) {
			size_t n = 0, k = 1 + (size_t)(x % 20);

			for (size_t j = 0; j < k; j++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				n += (size_t)snprintf(buf + n, sizeof buf - n, "%s ", pieces[x % LQ_NELEM(pieces)]);
			}
			char *f = lq_fold(buf);
			const char *got = lq_text_language(f), *want = text_language_oracle(f);

			named += want != NULL;
			if ((got == NULL) != (want == NULL) || (got && strcmp(got, want) != 0))
				if (bad++ < 5)
					printf("#   '%s': %s != %s\n", f, got ? got : "(null)", want ? want : "(null)");
			free(f);
		}
		CHECK_INT(bad, 0);
		CHECK(named > 10000);	/* not a comparison of NULLs: a language in a quarter of them */
	}

	/* The phrases lq_headline_stance and lq_title_side skip (no word of
	 * the text starts with their first two bytes) against searching for
	 * every one: texts of the lists' own words. */
	t_begin("headline stances and side roles equal their oracles on 100,000 random texts");
	{
		static const char *const names[] = { "titles.recruiter", "titles.lapsed", "titles.side", "titles.vendor" };
		const char *pieces[4096];
		size_t np = 0, bad = 0, hit = 0;
		unsigned long long x = 0x9e3779b97f4a7c15ULL;
		static char buf[1024];

		for (size_t t = 0; t < LQ_NELEM(names); t++) {
			const struct lq_vocab_table *tb = lq_vocab_table(lq_vocab(), names[t]);

			for (size_t i = 0; tb && i < tb->n && np < LQ_NELEM(pieces) - 16; i++)
				pieces[np++] = tb->rec[i].f[0];
		}
		pieces[np++] = "CFO";
		pieces[np++] = "|";
		pieces[np++] = "at";
		pieces[np++] = "e";
		pieces[np++] = "X";
		pieces[np++] = "Ex-";
		for (int r = 0; r < 100000; r++) {
			size_t n = 0, k;

			x ^= x << 13, x ^= x >> 7, x ^= x << 17;
			k = 1 + (size_t)(x % 5);
			for (size_t j = 0; j < k; j++) {
				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				const char *w = pieces[x % np];

				x ^= x << 13, x ^= x >> 7, x ^= x << 17;
				/* a word of a phrase, or the phrase, or its first letters */
				if (x % 3 == 0) {
					n += (size_t)snprintf(buf + n, sizeof buf - n, "%.*s ", 1 + (int)(x % 4), w);
				} else
					n += (size_t)snprintf(buf + n, sizeof buf - n, "%s ", w);
			}
			int a = lq_headline_stance(buf), b = headline_stance_oracle(buf);
			int c = lq_title_side(buf), d = title_side_oracle(buf);

			hit += b != LQ_STANCE_NONE;
			if ((a != b || c != d) && bad++ < 5)
				printf("#   '%s': %d %d, %d %d\n", buf, a, b, c, d);
		}
		CHECK_INT(bad, 0);
		CHECK(hit > 10000);
	}

	t_begin("company signals and size similarity");
	CHECK_STR(lq_company_signal("HRBP for a 30,000-employee retailer", &ev), "enterprise");
	/* The bands of company-sizes.vocab (from inclusive, to exclusive), the
	 * same classify reads: a head count before the words. */
	CHECK_STR(lq_company_signal("Building a 300-person SaaS scaleup", NULL), "mid-market");
	CHECK_STR(lq_company_signal("a team of 249 people", NULL), "scaleup");
	CHECK_STR(lq_company_signal("a team of 250 people", NULL), "mid-market");
	CHECK_STR(lq_company_signal("49 staff", NULL), "startup");
	CHECK_STR(lq_company_signal("50 staff", NULL), "scaleup");
	CHECK_STR(lq_company_signal("1,000 employees", NULL), "enterprise");
	/* the units in other languages; a short one only as a whole word */
	CHECK_STR(lq_company_signal("Werkleiter am Standort (420 MA)", &ev), "mid-market");
	CHECK_STR(ev, "head count");
	CHECK_STR(lq_company_signal("Robotik, 1.800 Mitarbeitende", NULL), "enterprise");
	CHECK_STR(lq_company_signal("1 200 pracowników w Polsce", NULL), "enterprise");
	CHECK_STR(lq_company_signal("now building it with a team of 11", NULL), "startup");
	CHECK(lq_company_signal("42 marketing campaigns", NULL) == NULL);
	CHECK_STR(lq_size_band(999), "mid-market");
	CHECK(lq_size_band(-1) == NULL);
	/* Its stage words: Series D is a scaleup, as classify says. */
	CHECK_STR(lq_company_signal("Just closed our Series D", &ev), "scaleup");
	CHECK_STR(ev, "series d");
	CHECK_STR(lq_company_signal("Fresh off our Series A", NULL), "startup");
	CHECK(lq_company_signal("Loves hiking", NULL) == NULL);
	CHECK(lq_size_sim("scaleup", "mid-market") == 0.5);
	CHECK(lq_size_sim("enterprise", "startup") == 0);
	CHECK(lq_size_sim("unknown", "startup") == -1);

	t_begin("keywords: whole words, case and accents ignored");
	s = lq_fold("Owns FP&A, the month-end close and Café budgets");
	CHECK(lq_has_phrase(s, "fp&a"));
	CHECK(lq_has_phrase(s, "Month-End Close"));
	CHECK(lq_has_phrase(s, "cafe"));
	CHECK(!lq_has_phrase(s, "FP"));
	CHECK(!lq_has_phrase(s, "close and caf"));
	free(s);

	t_begin("Latin words inside Japanese, Chinese or Korean text are words of their own");
	s = lq_fold("クラウドSaaSの開発チームとSREを統括");
	CHECK(lq_has_phrase(s, "SaaS"));
	CHECK(lq_has_phrase(s, "sre"));
	CHECK(!lq_has_phrase(s, "saasの"));
	free(s);
	s = lq_fold("物流DX推進室 | Kubernetes導入");
	CHECK(lq_has_phrase(s, "dx"));
	CHECK(lq_has_phrase(s, "kubernetes"));
	free(s);
	CHECK(strchr((s = lq_fold("株式会社ナレッジ")), ' ') == NULL);	/* one script: one word, as before */
	free(s);
	CHECK_STR((s = lq_fold("Café-Ü")), "cafe u");	/* Latin scripts unchanged */
	free(s);
	CHECK(lq_company_groups("フィンテック企業のCFO | B2B SaaSプラットフォーム", NULL) & lq_industry_groups("software"));
	CHECK(lq_company_groups("AIスタートアップ", NULL) == lq_industry_groups("artificial intelligence"));
	CHECK(lq_company_groups("한국SaaS기업", NULL) & lq_industry_groups("software"));

	t_begin("a needle made once (lq_phrase_needle) finds what lq_has_phrase finds");
	{
		static const char *const hays[] = { "Owns FP&A, the month-end close and Café budgets",
			"Ex-Recruiter · now CFO", "", "  ", "Geschäftsführer der ÄÖÜ GmbH", "a b c", "ﬁnance ﬂow",
			"\xff\xfe broken utf-8 close", "close-close close", NULL };
		static const char *const needles[] = { "fp&a", "Month-End Close", "cafe", "FP", "close", "",
			" ", "GESCHÄFTSFÜHRER", "geschaftsfuhrer", "äöü gmbh", "b c", "finance", "fi", "\xff",
			"close close", "ex recruiter", "&", "c\xc3", NULL };

		for (size_t i = 0; hays[i]; i++) {
			char *h = lq_fold(hays[i]);

			for (size_t k = 0; needles[k]; k++) {
				char *n = lq_phrase_needle(needles[k]);

				if (lq_has_needle(h, n) != lq_has_phrase(h, needles[k]))
					CHECK(!"lq_has_needle differs from lq_has_phrase");
				free(n);
			}
			free(h);
		}
		s = lq_fold("Owns FP&A and the close");
		char *n = lq_phrase_needle("Close");
		CHECK_STR(n, "close");
		CHECK(lq_has_needle(s, n));
		free(n);
		n = lq_phrase_needle("fp&a");	/* folded already: itself */
		CHECK_STR(n, "fp&a");
		CHECK(lq_has_needle(s, n));
		free(n);
		free(s);
	}
	t_begin("the title and headline phrase lists still match (looked up by their first byte)");
	CHECK(lq_title_side("Board Member"));
	CHECK(lq_title_side("Advisory Board Member, Acme"));
	CHECK(!lq_title_side("Head of Onboarding"));
	CHECK(lq_headline_stance("Partner, Executive Search | Headhunter") == LQ_STANCE_RECRUITER);
	CHECK(lq_headline_stance("Retired CFO") == LQ_STANCE_LAPSED);
	CHECK(lq_headline_stance("CFO at Acme") == LQ_STANCE_NONE);

	/* The real model: a missing one is a failure, not a skip. */
	enc = lq_encoder_load(NULL, err, sizeof err);
	t_begin("the real model loads (make model)");
	CHECK(enc != NULL);
	if (enc == NULL) {
		printf("#   %s\n", err);
		return t_done();
	}
	t_begin("similarity: CFO meets Chief Financial Officer, Directeur Financier meets Finance Director");
	CHECK(sim("Chief Financial Officer", "CFO") >= 0.9);
	CHECK(sim("Directeur Financier", "Finance Director") >= 0.9);
	CHECK(sim("VP Finance", "CFO") >= 0.7);
	t_begin("titles: a bare seniority is at most half a match");
	CHECK(sim("Vice President", "VP People") <= 0.5);
	CHECK(sim("Partner", "CFO") <= 0.5);
	CHECK(sim("Financial Controller", "Payroll Manager") < 0.5);
	CHECK(sim("Head of Platform", "Head of Infrastructure") >= 0.8);

	t_begin("similarity: sustainability titles in other languages meet the English ones; consultants do not");
	CHECK(sim("Kierowniczka ds. zrównoważonego rozwoju", "Sustainability Manager") >= 0.9);
	CHECK(sim("Hållbarhetschef", "Head of Sustainability") >= 0.9);
	CHECK(sim("Directrice RSE", "CSR Director") >= 0.9);
	CHECK(sim("Milieumanager", "Environmental Manager") >= 0.9);
	CHECK(sim("ESG Consultant", "Sustainability Analyst") <= 0.4);
	CHECK(sim("Sustainability Manager", "Chief Financial Officer") <= 0.4);
	t_begin("similarity: other functions, students and recruiters stay low");
	CHECK(sim("Software Engineer", "CFO") < 0.2);
	CHECK(sim("Finance student", "CFO") <= 0.1);
	CHECK(sim("Finance Recruiter", "CFO") < 0.4);
	CHECK(sim("Talent Acquisition Partner", "Recruiter") >= 0.75);
	lq_encoder_free(enc);
	return t_done();
}
