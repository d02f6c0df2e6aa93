/* labelset.c: label sets for classify, and validation of chat answers against them. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "labelset.h"
#include "leadtext.h"
#include "sha256.h"
#include "util.h"

/* Descriptions are written for the encoder to match against profile
 * phrases: concrete nouns a profile would use, not definitions. */
static const char default_labels[] =
"{\"industry\":{"
"\"SaaS\":\"software company, B2B software publisher, SaaS platform, cloud software product, subscription software, ARR\","
"\"Fintech\":\"fintech company, payments company, payment processing platform, digital banking app, neobank, lending platform\","
"\"Healthcare\":\"healthcare, hospital, clinic, NHS, medical care, nursing, midwife, pharmaceuticals, patients\","
"\"E-commerce\":\"e-commerce company, online store, online marketplace, direct to consumer brand, Shopify store\","
"\"AI/ML\":\"AI company, machine learning platform, AI models, computer vision, LLM products\","
"\"Cybersecurity\":\"cybersecurity company, security software, threat detection, managed security services, DevSecOps tools\","
"\"EdTech\":\"education technology company, online learning platform, e-learning software, edtech\","
"\"MarTech\":\"marketing technology company, marketing automation software, adtech platform, email marketing software\","
"\"HRTech\":\"HR software company, HRIS vendor, payroll software, applicant tracking system, employer of record platform, staffing and recruitment agency\","
"\"PropTech\":\"proptech company, real estate platform, property management software, real estate agency\","
"\"CleanTech\":\"cleantech company, renewable energy, solar, wind power, climate tech, electric vehicle charging\","
"\"Consulting\":\"management consulting firm, advisory firm, consultancy, IT services, professional services, law firm, finance partners, fractional advisor\","
"\"Financial Services\":\"bank, investment firm, private equity, venture capital, insurance, accounting firm, audit, credit union, leasing\","
"\"Manufacturing\":\"manufacturing, factory, industrial production, engineering products, supply chain\","
"\"Retail\":\"retail, shops, stores, garden centres, supermarkets, consumer goods retailer\","
"\"Media/Entertainment\":\"media company, entertainment, publishing, film, music, broadcasting, video games studio\","
"\"Telecommunications\":\"telecommunications, mobile network operator, telecom carrier, broadband\","
"\"Government/Public Sector\":\"government, public sector, ministry, council, public administration, civil service\","
"\"Non-profit\":\"non-profit, charity, foundation, NGO, volunteer organisation\","
"\"Other\":\"other industry\""
"},\"company_type\":{"
"\"startup\":\"early-stage startup, seed or Series A funded, founder, small team, pre-revenue\","
"\"scaleup\":\"scaleup, fast-growing company, Series B or later, scaling the team, hypergrowth\","
"\"mid-market\":\"established mid-sized company, a few hundred employees, regional business\","
"\"enterprise\":\"large enterprise, multinational corporation, thousands of employees, global company, Fortune 500\","
"\"agency\":\"agency, marketing agency, creative agency, recruitment agency, search firm, services for clients\","
"\"freelance\":\"freelancer, self-employed, independent consultant, fractional, contractor, own practice\","
"\"unknown\":\"unknown company\""
"}}";

static void
set_free(struct lq_labelset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->label[i]);
		free(s->desc[i]);
	}
	free(s->label);
	free(s->desc);
	memset(s, 0, sizeof *s);
}

void
lq_classes_free(struct lq_classes *l)
{
	set_free(&l->industry);
	set_free(&l->company_type);
}

static int
set_parse(const json_t *o, const char *name, const char *key, struct lq_labelset *s, char *err,
    size_t errlen)
{
	const char *k;
	json_t *v;
	size_t i = 0, n;

	if (!json_is_object(o)) {
		snprintf(err, errlen, "%s: %s must be an object of \"label\": \"description\"", name, key);
		return -1;
	}
	n = json_object_size(o);
	if (n < 2 || n > LQ_LABELS_MAX) {
		snprintf(err, errlen, "%s: %s: %zu labels; 2 to %d are allowed (the last is the fallback)",
		    name, key, n, LQ_LABELS_MAX);
		return -1;
	}
	s->label = lq_xcalloc(n, sizeof *s->label);
	s->desc = lq_xcalloc(n, sizeof *s->desc);
	json_object_foreach((json_t *)o, k, v) {
		size_t kl = strlen(k), j;

		if (kl == 0 || kl > LQ_LABEL_MAX_LEN) {
			snprintf(err, errlen, "%s: %s: label \"%.64s\" must be 1 to %d bytes", name, key, k,
			    LQ_LABEL_MAX_LEN);
			return -1;
		}
		for (j = 0; j < kl; j++)
			if ((unsigned char)k[j] < 0x20 || k[j] == 0x7f) {
				snprintf(err, errlen, "%s: %s: label %zu has a control character", name, key, i + 1);
				return -1;
			}
		if (!json_is_string(v) || json_string_length(v) == 0 || json_string_length(v) > LQ_LABEL_DESC_MAX
		    || strlen(json_string_value(v)) != json_string_length(v)) {
			snprintf(err, errlen, "%s: %s: \"%s\": description must be a string of 1 to %d bytes",
			    name, key, k, LQ_LABEL_DESC_MAX);
			return -1;
		}
		s->label[i] = lq_xstrdup(k);
		s->desc[i] = lq_xstrdup(json_string_value(v));
		s->n = ++i;
	}
	return 0;
}

int
lq_classes_parse(const char *text, size_t len, const char *name, struct lq_classes *l, char *err,
    size_t errlen)
{
	json_error_t je;
	json_t *j, *v;
	const char *k;
	unsigned char sha[32];
	char hex[65], *canon;

	memset(l, 0, sizeof *l);
	j = json_loadb(text, len, JSON_REJECT_DUPLICATES, &je);
	if (j == NULL) {
		snprintf(err, errlen, "%s: line %d, column %d: %s", name, je.line, je.column, je.text);
		return -1;
	}
	if (!json_is_object(j)) {
		snprintf(err, errlen, "%s: expected an object with \"industry\" and \"company_type\"", name);
		goto fail;
	}
	json_object_foreach(j, k, v)
		if (strcmp(k, "industry") != 0 && strcmp(k, "company_type") != 0) {
			snprintf(err, errlen, "%s: unknown key \"%.64s\" (industry, company_type)", name, k);
			goto fail;
		}
	if (set_parse(json_object_get(j, "industry"), name, "industry", &l->industry, err, errlen) < 0
	    || set_parse(json_object_get(j, "company_type"), name, "company_type", &l->company_type,
	    err, errlen) < 0)
		goto fail;
	canon = json_dumps(j, JSON_COMPACT | JSON_SORT_KEYS);
	lq_sha256(canon, strlen(canon), sha);
	free(canon);
	lq_sha256_hex(sha, hex);
	memcpy(l->hash, hex, 16);
	l->hash[16] = '\0';
	json_decref(j);
	return 0;
fail:
	json_decref(j);
	lq_classes_free(l);
	return -1;
}

void
lq_classes_default(struct lq_classes *l)
{
	char err[256];

	if (lq_classes_parse(default_labels, sizeof default_labels - 1, "built-in labels", l, err,
	    sizeof err) < 0)
		abort();	/* the table above is wrong */
}

int
lq_labelset_find(const struct lq_labelset *set, const char *s)
{
	size_t i;

	for (i = 0; s && i < set->n; i++)
		if (strcmp(set->label[i], s) == 0)
			return (int)i;
	return -1;
}

void
lq_class_free(struct lq_class *c)
{
	free(c->industry);
	free(c->industry_reasoning);
	free(c->company_type);
	free(c->company_reasoning);
	memset(c, 0, sizeof *c);
}

static char *
reason(const char *s)
{
	char *r = lq_xstrdup(s && *s ? s : "no reason given");

	lq_utf8_cut(r, 400);
	return r;
}

int
lq_class_from_answer(const json_t *ans, const struct lq_classes *l, struct lq_class *out, char *err,
    size_t errlen)
{
	const char *ind = json_string_value(json_object_get(ans, "industry"));
	const char *ct = json_string_value(json_object_get(ans, "company_type"));

	if (lq_labelset_find(&l->industry, ind) < 0 || lq_labelset_find(&l->company_type, ct) < 0) {
		int bad_ind = lq_labelset_find(&l->industry, ind) < 0;
		const char *v = bad_ind ? ind : ct;

		snprintf(err, errlen, "the model answered %s \"%.60s\", which is not a label",
		    bad_ind ? "industry" : "company_type", v ? v : "(nothing)");
		return -1;
	}
	out->industry = lq_xstrdup(ind);
	out->industry_reasoning = reason(json_string_value(json_object_get(ans, "industry_reasoning")));
	out->company_type = lq_xstrdup(ct);
	out->company_reasoning = reason(json_string_value(json_object_get(ans, "company_reasoning")));
	return 0;
}

/* LinkedIn's industry taxonomy (the 2022 names and the older ones) to the
 * built-in labels. Exact names first; then words for names the table
 * misses. Industries outside the 20 labels (construction, hospitality,
 * farming, education, logistics) are "Other" rather than left to the
 * encoder, which would match the person's job instead (an HR manager at a
 * builder is not HRTech). */
static const char *const software_narrow[] = { "Fintech", "Healthcare", "E-commerce", "AI/ML",
	"Cybersecurity", "EdTech", "MarTech", "HRTech", "PropTech", "CleanTech", "Media/Entertainment", NULL };
static const char *const finance_narrow[] = { "Fintech", NULL };

static const struct {
	const char *name, *label;
	const char *const *narrow;
} linkedin[] = {
	{ "Computer Software", "SaaS", software_narrow },
	{ "Software Development", "SaaS", software_narrow },
	{ "Information Technology and Services", "SaaS", software_narrow },
	{ "Internet", "SaaS", software_narrow },
	{ "Technology, Information and Internet", "SaaS", software_narrow },
	{ "Financial Services", "Financial Services", finance_narrow },
	{ "Computer and Network Security", "Cybersecurity", NULL },
	{ "Computer & Network Security", "Cybersecurity", NULL },
	{ "IT Services and IT Consulting", "Consulting", NULL },
	{ "Management Consulting", "Consulting", NULL },
	{ "Business Consulting and Services", "Consulting", NULL },
	{ "Law Practice", "Consulting", NULL },
	{ "Legal Services", "Consulting", NULL },
	{ "Professional Training and Coaching", "Consulting", NULL },
	{ "Professional Training & Coaching", "Consulting", NULL },
	{ "Banking", "Financial Services", NULL },
	{ "Investment Banking", "Financial Services", NULL },
	{ "Insurance", "Financial Services", NULL },
	{ "Accounting", "Financial Services", NULL },
	{ "Venture Capital and Private Equity Principals", "Financial Services", NULL },
	{ "Venture Capital & Private Equity", "Financial Services", NULL },
	{ "Investment Management", "Financial Services", NULL },
	{ "Capital Markets", "Financial Services", NULL },
	{ "Hospitals and Health Care", "Healthcare", NULL },
	{ "Hospital & Health Care", "Healthcare", NULL },
	{ "Pharmaceutical Manufacturing", "Healthcare", NULL },
	{ "Pharmaceuticals", "Healthcare", NULL },
	{ "Medical Practices", "Healthcare", NULL },
	{ "Medical Practice", "Healthcare", NULL },
	{ "Medical Devices", "Healthcare", NULL },
	{ "Medical Equipment Manufacturing", "Healthcare", NULL },
	{ "Mental Health Care", "Healthcare", NULL },
	{ "Biotechnology Research", "Healthcare", NULL },
	{ "Biotechnology", "Healthcare", NULL },
	{ "Online and Mail Order Retail", "E-commerce", NULL },
	{ "Internet Marketplace Platforms", "E-commerce", NULL },
	{ "E-Learning", "EdTech", NULL },
	{ "E-Learning Providers", "EdTech", NULL },
	{ "Staffing and Recruiting", "HRTech", NULL },
	{ "Human Resources Services", "HRTech", NULL },
	{ "Human Resources", "HRTech", NULL },
	{ "Renewable Energy Power Generation", "CleanTech", NULL },
	{ "Renewable Energy Semiconductor Manufacturing", "CleanTech", NULL },
	{ "Renewables & Environment", "CleanTech", NULL },
	{ "Solar Electric Power Generation", "CleanTech", NULL },
	{ "Environmental Services", "CleanTech", NULL },
	{ "Retail", "Retail", NULL },
	{ "Retail Apparel and Fashion", "Retail", NULL },
	{ "Retail Groceries", "Retail", NULL },
	{ "Supermarkets", "Retail", NULL },
	{ "Consumer Goods", "Retail", NULL },
	{ "Computer Games", "Media/Entertainment", NULL },
	{ "Entertainment", "Media/Entertainment", NULL },
	{ "Entertainment Providers", "Media/Entertainment", NULL },
	{ "Media Production", "Media/Entertainment", NULL },
	{ "Broadcast Media", "Media/Entertainment", NULL },
	{ "Broadcast Media Production and Distribution", "Media/Entertainment", NULL },
	{ "Online Media", "Media/Entertainment", NULL },
	{ "Online Audio and Video Media", "Media/Entertainment", NULL },
	{ "Book and Periodical Publishing", "Media/Entertainment", NULL },
	{ "Publishing", "Media/Entertainment", NULL },
	{ "Newspapers", "Media/Entertainment", NULL },
	{ "Newspaper Publishing", "Media/Entertainment", NULL },
	{ "Music", "Media/Entertainment", NULL },
	{ "Musicians", "Media/Entertainment", NULL },
	{ "Motion Pictures and Film", "Media/Entertainment", NULL },
	{ "Movies, Videos, and Sound", "Media/Entertainment", NULL },
	{ "Spectator Sports", "Media/Entertainment", NULL },
	{ "Telecommunications", "Telecommunications", NULL },
	{ "Telecommunications Carriers", "Telecommunications", NULL },
	{ "Wireless Services", "Telecommunications", NULL },
	{ "Government Administration", "Government/Public Sector", NULL },
	{ "Public Policy", "Government/Public Sector", NULL },
	{ "Public Policy Offices", "Government/Public Sector", NULL },
	{ "Armed Forces", "Government/Public Sector", NULL },
	{ "Law Enforcement", "Government/Public Sector", NULL },
	{ "Public Safety", "Government/Public Sector", NULL },
	{ "International Affairs", "Government/Public Sector", NULL },
	{ "Non-profit Organization Management", "Non-profit", NULL },
	{ "Non-profit Organizations", "Non-profit", NULL },
	{ "Philanthropic Fundraising Services", "Non-profit", NULL },
	{ "Fund-Raising", "Non-profit", NULL },
	{ "Civic and Social Organizations", "Non-profit", NULL },
	{ "Civic & Social Organization", "Non-profit", NULL },
	{ "Religious Institutions", "Non-profit", NULL },
	{ "Advertising Services", "MarTech", NULL },
	{ "Marketing and Advertising", "MarTech", NULL },
	{ "Marketing Services", "MarTech", NULL },
	{ "Construction", "Other", NULL },
	{ "Design Services", "Other", NULL },
	{ "Wellness and Fitness Services", "Other", NULL },
	{ "Health, Wellness and Fitness", "Other", NULL },
	{ "Civil Engineering", "Other", NULL },
	{ "Architecture and Planning", "Other", NULL },
	{ "Hospitality", "Other", NULL },
	{ "Restaurants", "Other", NULL },
	{ "Food and Beverage Services", "Other", NULL },
	{ "Leisure, Travel & Tourism", "Other", NULL },
	{ "Travel Arrangements", "Other", NULL },
	{ "Farming", "Other", NULL },
	{ "Higher Education", "Other", NULL },
	{ "Education", "Other", NULL },
	{ "Education Management", "Other", NULL },
	{ "Primary and Secondary Education", "Other", NULL },
	{ "Transportation, Logistics, Supply Chain and Storage", "Other", NULL },
	{ "Logistics and Supply Chain", "Other", NULL },
	{ "Oil and Gas", "Other", NULL },
	{ NULL, NULL, NULL }
};

static const struct {
	const char *word, *label;
} linkedin_words[] = {
	{ "software", "SaaS" }, { "manufactur", "Manufacturing" }, { "machinery", "Manufacturing" },
	{ "bank", "Financial Services" }, { "insurance", "Financial Services" },
	{ "investment", "Financial Services" }, { "financial", "Financial Services" },
	{ "health", "Healthcare" }, { "hospital", "Healthcare" }, { "medical", "Healthcare" },
	{ "pharma", "Healthcare" }, { "retail", "Retail" }, { "telecom", "Telecommunications" },
	{ "non-profit", "Non-profit" }, { "nonprofit", "Non-profit" },
	{ "government", "Government/Public Sector" }, { "renewable", "CleanTech" },
	{ "solar", "CleanTech" }, { "consulting", "Consulting" }, { "staffing", "HRTech" },
	{ "recruit", "HRTech" }, { "education", "Other" }, { "construction", "Other" },
	{ NULL, NULL }
};

const char *
lq_linkedin_industry(const char *name, const char *const **narrow)
{
	size_t i;

	*narrow = NULL;
	if (name == NULL || *name == '\0')
		return NULL;
	for (i = 0; linkedin[i].name; i++)
		if (strcasecmp(name, linkedin[i].name) == 0) {
			*narrow = linkedin[i].narrow;
			return linkedin[i].label;
		}
	for (i = 0; linkedin_words[i].word; i++)
		if (strcasestr(name, linkedin_words[i].word)) {
			if (strcmp(linkedin_words[i].label, "SaaS") == 0)
				*narrow = software_narrow;
			return linkedin_words[i].label;
		}
	return NULL;
}

/* Words a company's name or description uses for its line of business,
 * found as whole words: enough to narrow a broad LinkedIn industry. */
static const struct {
	const char *label;
	const char *words[8];
} industry_words[] = {
	{ "Fintech", { "fintech", "payments", "payment platform", "insurtech", "neobank", "regtech", "wealthtech", NULL } },
	{ "HRTech", { "HR tech", "HRTech", "HR software", "HRIS vendor", "payroll software", "employer of record", "applicant tracking", NULL } },
	{ "Cybersecurity", { "cybersecurity", "cyber security", "DevSecOps", "security software", "cloud security", NULL } },
	{ "MarTech", { "martech", "marketing automation", "adtech", "marketing software", NULL } },
	{ "E-commerce", { "e-commerce", "ecommerce", "online marketplace", "online shop", "online store", NULL } },
	{ "AI/ML", { "machine learning", "artificial intelligence", "AI-powered", "AI startup", "AI company", NULL } },
	{ "EdTech", { "edtech", "e-learning", "learning platform", NULL } },
	{ "PropTech", { "proptech", "real estate", NULL } },
	{ "CleanTech", { "cleantech", "climate tech", "climatetech", "renewable", "solar", NULL } },
	{ "Healthcare", { "healthtech", "health tech", "medtech", "digital health", NULL } },
	{ "Media/Entertainment", { "games", "gaming", "game studio", NULL } },
	{ NULL, { NULL } }
};

const char *const *
lq_industry_words(const char *label)
{
	size_t i;

	for (i = 0; label && industry_words[i].label; i++)
		if (strcmp(industry_words[i].label, label) == 0)
			return industry_words[i].words;
	return NULL;
}

double
lq_class_margin(const char *reasoning, char *runner, size_t len)
{
	const char *p, *q, *e;
	double b, b2;

	if (len)
		runner[0] = '\0';

	if (reasoning == NULL || strncmp(reasoning, "LinkedIn industry", 17) == 0)
		return -1;
	/* the label and its cosine close the reasoning: "... ~ L (0.47; next M 0.39)" */
	if ((p = strstr(reasoning, "\" ~ ")) == NULL || (p = strrchr(p, '(')) == NULL)
		return -1;
	if ((q = strstr(p, "; next ")) == NULL)
		return sscanf(p, "(%lf)", &b) == 1 ? 1.0 : -1;
	if (sscanf(p, "(%lf;", &b) != 1 || (e = strrchr(q, ' ')) == NULL || sscanf(e, "%lf)", &b2) != 1)
		return -1;
	q += 7;
	if (len && e > q) {
		size_t n = (size_t)(e - q) < len - 1 ? (size_t)(e - q) : len - 1;

		memcpy(runner, q, n);
		runner[n] = '\0';
	}
	return b - b2;
}
