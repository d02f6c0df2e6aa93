/* icplex.c: the curated lexicon of titles, industries, company sizes and topics, and clause-level negation. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "icplex.h"
#include "match.h"
#include "util.h"

/* An entry: canonical value, then "|"-separated aliases. Aliases are
 * matched as whole words after lq_fold, with a plural "s" tried too; an
 * alias written in capitals (CFO, IT director) must appear in capitals,
 * so "it" and "hr" as ordinary words do not count. */
struct entry {
	int kind;
	const char *value;
	const char *aliases;
};

static const struct entry lexicon[] = {
	/* titles */
	{ LQ_CRIT_TITLE, "CFO", "CFO|chief financial officer|Chief Financial Officer" },
	{ LQ_CRIT_TITLE, "VP of Finance", "vp of finance|vp finance|vice president of finance|vps of finance" },
	{ LQ_CRIT_TITLE, "Finance Director", "finance director|director of finance|directors of finance" },
	{ LQ_CRIT_TITLE, "Head of Finance", "head of finance|heads of finance|finance leader|finance lead" },
	{ LQ_CRIT_TITLE, "Controller", "controller|financial controller|comptroller" },
	{ LQ_CRIT_TITLE, "Head of FP&A", "fp&a lead|head of fp&a|fp&a manager|fp&a director|heads of fp&a" },
	{ LQ_CRIT_TITLE, "CEO", "CEO|chief executive|chief executive officer" },
	{ LQ_CRIT_TITLE, "Founder", "founder|co founder|cofounder" },
	{ LQ_CRIT_TITLE, "COO", "COO|chief operating officer" },
	{ LQ_CRIT_TITLE, "Head of Operations", "head of operations|heads of operations|vp of operations|"
	    "operations director|director of operations|head of ops|ops leader|operations leader" },
	{ LQ_CRIT_TITLE, "CTO", "CTO|chief technology officer" },
	{ LQ_CRIT_TITLE, "VP of Engineering", "vp of engineering|vp engineering|vps of engineering|head of engineering|"
	    "heads of engineering|engineering director|director of engineering|engineering leader" },
	{ LQ_CRIT_TITLE, "Engineering Manager", "engineering manager" },
	{ LQ_CRIT_TITLE, "CIO", "CIO|chief information officer" },
	{ LQ_CRIT_TITLE, "IT Director", "IT director|head of IT|heads of IT|IT manager|IT leader" },
	{ LQ_CRIT_TITLE, "CISO", "CISO|chief information security officer|head of security|security leader" },
	{ LQ_CRIT_TITLE, "CHRO", "CHRO|chief people officer|chief human resources officer|chief hr officer" },
	{ LQ_CRIT_TITLE, "Head of People", "head of people|heads of people|vp of people|people director|"
	    "director of people|HR director|head of HR|heads of HR|HR leader|people leader|head of talent|"
	    "hr director|head of hr|heads of hr|hr leader" },
	{ LQ_CRIT_TITLE, "HR Manager", "HR manager|hr manager|people manager|hr business partner|HR business partner" },
	{ LQ_CRIT_TITLE, "Recruiter", "recruiter|talent acquisition|headhunter|recruitment consultant|"
	    "talent partner|sourcer" },
	{ LQ_CRIT_TITLE, "CMO", "CMO|chief marketing officer" },
	{ LQ_CRIT_TITLE, "VP of Marketing", "vp of marketing|vp marketing|head of marketing|heads of marketing|"
	    "marketing director|director of marketing|marketing leader" },
	{ LQ_CRIT_TITLE, "Head of Growth", "head of growth|heads of growth|growth lead|vp of growth" },
	{ LQ_CRIT_TITLE, "Marketing Manager", "marketing manager" },
	{ LQ_CRIT_TITLE, "VP of Sales", "vp of sales|vp sales|head of sales|heads of sales|sales director|"
	    "director of sales|sales leader" },
	{ LQ_CRIT_TITLE, "CRO", "CRO|chief revenue officer" },
	{ LQ_CRIT_TITLE, "Head of RevOps", "revops lead|head of revops|head of revenue operations|revops leader|"
	    "revenue operations lead|revenue operations leader" },
	{ LQ_CRIT_TITLE, "Sales Rep", "SDR|BDR|sales rep|sales development rep|account executive" },
	{ LQ_CRIT_TITLE, "Head of Procurement", "head of procurement|heads of procurement|procurement director|"
	    "procurement manager|procurement lead|purchasing manager|chief procurement officer" },
	{ LQ_CRIT_TITLE, "Head of Product", "head of product|heads of product|vp of product|product director|"
	    "director of product|product leader" },
	{ LQ_CRIT_TITLE, "Product Manager", "product manager" },
	{ LQ_CRIT_TITLE, "Head of Data", "head of data|heads of data|data leader|chief data officer|"
	    "director of data|data director" },
	{ LQ_CRIT_TITLE, "General Counsel", "general counsel|head of legal|legal director|chief legal officer" },
	{ LQ_CRIT_TITLE, "Head of Supply Chain", "head of supply chain|supply chain director|"
	    "supply chain manager|head of logistics|logistics manager|logistics director" },
	{ LQ_CRIT_TITLE, "Plant Manager", "plant manager|factory manager|site manager|production manager" },
	{ LQ_CRIT_TITLE, "Practice Manager", "practice manager|clinic manager|clinic director|medical director" },
	{ LQ_CRIT_TITLE, "Head of Customer Success", "head of customer success|vp of customer success|"
	    "customer success director|director of customer success|cs leader" },
	{ LQ_CRIT_TITLE, "Payroll Manager", "payroll manager|payroll specialist|payroll people|payroll staff|"
	    "payroll team|payroll administrator" },
	{ LQ_CRIT_TITLE, "Consultant", "consultant" },
	{ LQ_CRIT_TITLE, "Student", "student|intern|graduate|grad" },
	{ LQ_CRIT_TITLE, "Junior Staff", "junior|junior staff|entry level|entry level people" },
	{ LQ_CRIT_TITLE, "Job Seeker", "job seeker|people looking for work|open to work" },
	/* industries */
	{ LQ_CRIT_INDUSTRY, "Fintech", "fintech|financial technology|payments company|payment company|neobank" },
	{ LQ_CRIT_INDUSTRY, "Banking", "bank|banking" },
	{ LQ_CRIT_INDUSTRY, "Insurance", "insurance|insurer|insurtech" },
	{ LQ_CRIT_INDUSTRY, "Financial Services", "financial services|asset management|wealth management|"
	    "accounting firm|accountancy" },
	{ LQ_CRIT_INDUSTRY, "SaaS", "saas|b2b software|software company|software business|software vendor|B2B SaaS" },
	{ LQ_CRIT_INDUSTRY, "Healthcare", "healthcare|health care|hospital|clinic|healthtech|health tech|"
	    "medical practice|medtech" },
	{ LQ_CRIT_INDUSTRY, "Pharma & Biotech", "pharma|pharmaceutical|biotech|life sciences" },
	{ LQ_CRIT_INDUSTRY, "Manufacturing", "manufacturing|manufacturer|factory|industrial company|"
	    "industrial companies" },
	{ LQ_CRIT_INDUSTRY, "Logistics", "logistics|freight|shipping company|trucking|3pl|transport company" },
	{ LQ_CRIT_INDUSTRY, "E-commerce", "e commerce|ecommerce|online retail|d2c|dtc|direct to consumer|online store" },
	{ LQ_CRIT_INDUSTRY, "Retail", "retail|retailer" },
	{ LQ_CRIT_INDUSTRY, "Real Estate", "real estate|proptech|property management|property company" },
	{ LQ_CRIT_INDUSTRY, "Construction", "construction|contractor|builder" },
	{ LQ_CRIT_INDUSTRY, "Legal", "law firm|legal services|legaltech|legal tech" },
	{ LQ_CRIT_INDUSTRY, "Cybersecurity", "cybersecurity|cyber security|security vendor|security company" },
	{ LQ_CRIT_INDUSTRY, "Education", "edtech|education|university|universities|school" },
	{ LQ_CRIT_INDUSTRY, "Energy", "energy|renewables|utility company|utilities|cleantech|climate tech|solar" },
	{ LQ_CRIT_INDUSTRY, "Hospitality", "hospitality|hotel|restaurant" },
	{ LQ_CRIT_INDUSTRY, "Government", "government|public sector" },
	{ LQ_CRIT_INDUSTRY, "Nonprofit", "nonprofit|non profit|charity|charities|ngo" },
	{ LQ_CRIT_INDUSTRY, "Crypto", "crypto|web3|blockchain" },
	{ LQ_CRIT_INDUSTRY, "Professional Services", "professional services|consultancy|consultancies|consulting firm" },
	{ LQ_CRIT_INDUSTRY, "Recruitment", "recruitment agency|recruitment agencies|recruiting firm|staffing" },
	{ LQ_CRIT_INDUSTRY, "Marketing & Advertising", "marketing agency|marketing agencies|advertising|ad agency|"
	    "ad agencies" },
	{ LQ_CRIT_INDUSTRY, "Automotive", "automotive|car maker|carmaker" },
	{ LQ_CRIT_INDUSTRY, "Telecommunications", "telecom|telecoms|telecommunications|telco" },
	{ LQ_CRIT_INDUSTRY, "Media", "media company|media companies|publisher|publishing" },
	{ LQ_CRIT_INDUSTRY, "Food & Beverage", "food and beverage|food & beverage|f&b|food company|food companies|"
	    "food manufacturer|beverage company" },
	{ LQ_CRIT_INDUSTRY, "Gaming", "gaming|game studio" },
	/* company sizes (the ICP's fixed vocabulary) */
	{ LQ_CRIT_SIZE, "startup", "startup|start up|seed stage|pre seed|series a|early stage company|"
	    "early stage companies|early stage" },
	{ LQ_CRIT_SIZE, "scaleup", "scaleup|scale up|series b|series c|growth stage|high growth company|"
	    "high growth companies" },
	{ LQ_CRIT_SIZE, "mid-market", "mid market|midmarket|mid sized|mid size|medium sized|medium size" },
	{ LQ_CRIT_SIZE, "enterprise", "enterprise|fortune 500|fortune 1000|large corporate|big corporate|"
	    "corporates|multinational|ftse 100|large enterprise|big enterprise" },
	{ LQ_CRIT_SIZE, "agency", "agency|agencies" },
	{ LQ_CRIT_SIZE, "freelance", "freelancer|freelance|solopreneur|solo consultant|one person shop|"
	    "independent consultant" },
	/* topics (target_keywords) */
	{ LQ_CRIT_KEYWORD, "month-end close", "month end close|month end|financial close|closing the books|close process" },
	{ LQ_CRIT_KEYWORD, "ERP migration", "erp migration|erp|netsuite|sap migration|moving off quickbooks|"
	    "outgrowing quickbooks|outgrown quickbooks" },
	{ LQ_CRIT_KEYWORD, "spend management", "spend management|spend control|expense management|expenses" },
	{ LQ_CRIT_KEYWORD, "cash flow forecasting", "cash flow|cash forecasting|forecasting|cash management" },
	{ LQ_CRIT_KEYWORD, "audit and compliance", "audit|sox|compliance|soc 2|soc2|gdpr|regulatory reporting" },
	{ LQ_CRIT_KEYWORD, "fundraising", "fundraising|raising a round|just raised|recently raised|ipo" },
	{ LQ_CRIT_KEYWORD, "payroll", "payroll" },
	{ LQ_CRIT_KEYWORD, "employee engagement", "employee engagement|engagement scores|retention|attrition|"
	    "employee turnover|burnout|wellbeing" },
	{ LQ_CRIT_KEYWORD, "hiring", "hiring|headcount growth|scaling the team|growing the team" },
	{ LQ_CRIT_KEYWORD, "onboarding", "onboarding" },
	{ LQ_CRIT_KEYWORD, "hybrid work", "hybrid work|remote work|return to office|distributed teams" },
	{ LQ_CRIT_KEYWORD, "performance reviews", "performance reviews|performance management" },
	{ LQ_CRIT_KEYWORD, "AI adoption", "AI|ai adoption|generative ai|llms|machine learning|automation" },
	{ LQ_CRIT_KEYWORD, "cloud migration", "cloud migration|moving to the cloud|aws|kubernetes|devops" },
	{ LQ_CRIT_KEYWORD, "security", "ransomware|security incidents|breach|zero trust" },
	{ LQ_CRIT_KEYWORD, "supply chain", "supply chain|inventory|procurement costs|supplier" },
	{ LQ_CRIT_KEYWORD, "predictive maintenance", "predictive maintenance|downtime|machine downtime|"
	    "unplanned downtime|iot sensors|industry 4 0" },
	{ LQ_CRIT_KEYWORD, "sustainability", "sustainability|esg|net zero|carbon reporting|emissions" },
	{ LQ_CRIT_KEYWORD, "digital transformation", "digital transformation|modernisation|modernization|"
	    "legacy systems" },
	{ LQ_CRIT_KEYWORD, "patient experience", "patient experience|patient no shows|no shows|scheduling|"
	    "patient intake" },
	{ LQ_CRIT_KEYWORD, "pipeline and revenue", "pipeline|revenue growth|quota|churn|pricing" },
	{ LQ_CRIT_KEYWORD, "international expansion", "international expansion|expanding into|new markets|"
	    "expanding to" },
	{ LQ_CRIT_KEYWORD, "SEO", "seo|search rankings|organic traffic|organic search" },
	{ LQ_CRIT_KEYWORD, "data and analytics", "analytics|reporting|dashboards|data warehouse|bi tools" },
	{ 0, NULL, NULL }
};

/* Words that negate what follows in the same clause. Folded. */
static const char *const neg_before[] = {
	"not", "no", "dont", "don t", "do not", "never", "exclude", "excluding", "except", "avoid",
	"without", "nobody", "none", "isn t", "aren t", "won t", "doesn t", "didn t", "skip", "stay away from",
	"rather not", "ignore", "filter out", "leave out", "nothing", "no more", "steer clear of", "drop",
	"other than", "apart from", "unlike", "zero", "not interested in", "can t stand", "hate", NULL
};

/* Phrases after a name that say it is unwanted. Folded. */
static const char *const neg_after[] = {
	"not a fit", "not a good fit", "waste of time", "never buy", "don t buy", "dont buy", "are out",
	"is out", "off the table", "not interested", "useless", "don t convert", "never convert",
	"not relevant", "irrelevant", "are excluded", "is excluded", "are a no", "is a no", "can t afford",
	"cannot afford", "never have budget", "have no budget", "don t have budget", "don t have the budget",
	"are not", "aren t", "isn t", "is not", "not our", "not the", "we don t want", "we do not want",
	"don t work", "never work", "don t have", "do not have", "never have", "tire kickers", "not for us", "no good", NULL
};

/* Negation words that do not negate. Folded. */
static const char *const not_neg[] = {
	"not just", "not only", "no matter", "not sure", "no problem", "not necessarily", "no doubt",
	"not least", "no longer just", NULL
};

/* A keyword counts only in a sentence that makes it a topic. Folded. */
static const char *const topic_cues[] = {
	"talk about", "talking about", "talks about", "post about", "posting about", "posts about",
	"care about", "cares about", "interested in", "struggling with", "struggle with", "struggles with",
	"pain", "problem", "problems", "dealing with", "deal with", "looking at", "moving to", "migrating",
	"signal", "signals", "mention", "mentions", "topic", "topics", "focused on", "focus on",
	"worried about", "challenge", "challenges", "headache", "headaches", "trigger", "triggers",
	"keyword", "keywords", "thinking about", "obsessed with", "buying", "looking for help with",
	"pressure", "priority", "priorities", "engage with", "engages with", "comment on", NULL
};

static const char *const small_talk[] = {
	"i used to", "my wife", "my husband", "my brother", "my sister", "my dad", "my mom", "my mum",
	"my father", "my mother", "my son", "my daughter", "my kids", "my friend", "my partner", "weekend",
	"vacation", "holiday", "weather", "back when i", "when i was", "in my last job", "in my previous",
	"my old job", "my first job", "ski", "football", "the game last night", "coffee", NULL
};

static const char *const revise_cues[] = {
	"actually", "after all", "on second thought", "on second thoughts", "scratch that",
	"changed my mind", "change my mind", "take that back", "i was wrong", "let me correct", "correction",
	"come to think of it", "thinking about it more", "ignore what i said", "strike that",
	"i take it back", "rethinking", "on reflection", NULL
};

/* Whole-word search of folded needle in folded hay: the word index of
 * the first occurrence at or after word from, or -1. */
static int
find_words(const char *hay, const char *needle, int from, int *nwords)
{
	size_t nl = strlen(needle);
	const char *p;
	int w;

	if (nl == 0)
		return -1;
	*nwords = 1;
	for (p = needle; *p; p++)
		if (*p == ' ')
			(*nwords)++;
	for (p = strstr(hay, needle); p; p = strstr(p + 1, needle)) {
		if ((p == hay || p[-1] == ' ') && (p[nl] == ' ' || p[nl] == '\0')) {
			const char *q;

			w = 0;
			for (q = hay; q < p; q++)
				if (*q == ' ')
					w++;
			if (w >= from)
				return w;
		}
	}
	return -1;
}

static int
contains_any(const char *folded, const char *const *list)
{
	int nw;

	for (; *list; list++)
		if (find_words(folded, *list, 0, &nw) >= 0)
			return 1;
	return 0;
}

int
lq_icplex_small_talk(const char *sentence)
{
	char *f = lq_fold(sentence);
	int r = contains_any(f, small_talk);

	free(f);
	return r;
}

int
lq_icplex_revises(const char *sentence)
{
	char *f = lq_fold(sentence);
	int r = contains_any(f, revise_cues);

	free(f);
	return r;
}

static int
has_upper(const char *s)
{
	for (; *s; s++)
		if (isupper((unsigned char)*s))
			return 1;
	return 0;
}

/* Case-sensitive whole-word search of s in text (ASCII word edges):
 * returns the byte offset, or -1. */
static long
find_exact(const char *text, const char *s, size_t from)
{
	size_t sl = strlen(s);
	const char *p;

	for (p = strstr(text + from, s); p; p = strstr(p + 1, s)) {
		unsigned char b = p > text ? (unsigned char)p[-1] : ' ', a = (unsigned char)p[sl];

		if (!isalnum(b) && !isalnum(a))
			return p - text;
		if (!isalnum(b) && a == 's' && !isalnum((unsigned char)p[sl + 1]))
			return p - text;
	}
	return -1;
}

/* Word index in the folded clause of byte offset off of the original. */
static int
word_at(const char *clause, long off)
{
	char *pre = lq_xstrndup(clause, (size_t)off), *f = lq_fold(pre);
	int w = 0;
	const char *q;

	for (q = f; *q; q++)
		if (*q == ' ')
			w++;
	if (*f)
		w++;
	free(pre);
	free(f);
	return w;
}

struct span {
	const struct entry *e;
	int w, n;	/* first word, words */
	char made[96];	/* value built from "head of X" */
};

/* The i-th word of folded text f (a new string). */
static char *
word(const char *f, int i)
{
	const char *p = f, *e;

	while (i-- > 0 && p) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (p == NULL || *p == '\0')
		return NULL;
	e = strchr(p, ' ');
	return lq_xstrndup(p, e ? (size_t)(e - p) : strlen(p));
}

/* Is the hit at words [w, w+n) of f negated? */
static int
negated(const char *f, int w, int n)
{
	const char *const *l;
	int nw, i;

	for (l = neg_before; *l; l++) {
		int at = -1, from = w - 7 < 0 ? 0 : w - 7;

		while ((at = find_words(f, *l, from, &nw)) >= 0 && at + nw <= w) {
			const char *const *x;
			int skip = 0;

			for (x = not_neg; *x; x++) {
				int xn, xa = find_words(f, *x, at, &xn);

				if (xa == at)
					skip = 1;
			}
			if (!skip)
				return 1;
			from = at + 1;
		}
	}
	for (l = neg_after; *l; l++) {
		int at = find_words(f, *l, w + n, &nw);

		if (at >= 0 && at - (w + n) <= 4)
			return 1;
	}
	(void)i;
	return 0;
}

static const char *const stop[] = {
	"the", "a", "an", "and", "or", "at", "in", "of", "for", "to", "our", "their", "your", "my", "them",
	"that", "this", "these", "those", "people", "companies", "teams", "team", "it", "is", "are", "who",
	"like", "there", "some", "all", "any", "we", "you", "they", "i", NULL
};

static int
is_stop(const char *w)
{
	const char *const *s;

	for (s = stop; *s; s++)
		if (strcmp(*s, w) == 0)
			return 1;
	return 0;
}

static size_t
find_clause(const char *clause, struct lq_crit_hit *out, size_t max, int topical)
{
	char *f = lq_fold(clause);
	struct span sp[64];
	size_t ns = 0, i, j, nout = 0;
	const struct entry *e;

	for (e = lexicon; e->value && ns < 64; e++) {
		const char *a = e->aliases;

		if (e->kind == LQ_CRIT_KEYWORD && !topical)
			continue;
		while (*a && ns < 64) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			char *alias = lq_xstrndup(a, al);
			int w, nw;

			if (has_upper(alias)) {
				long off = find_exact(clause, alias, 0);

				if (off >= 0) {
					char *fa = lq_fold(alias);

					sp[ns].e = e;
					sp[ns].w = word_at(clause, off);
					find_words(fa, fa, 0, &nw);
					sp[ns].n = nw;
					sp[ns].made[0] = '\0';
					ns++;
					free(fa);
				}
			} else {
				char *fa = lq_fold(alias), *pl = lq_xasprintf("%ss", fa);

				w = find_words(f, fa, 0, &nw);
				if (w < 0 && fa[strlen(fa) - 1] != 's')
					w = find_words(f, pl, 0, &nw);
				if (w < 0 && strlen(fa) > 1 && fa[strlen(fa) - 1] == 'y') {
					free(pl);
					pl = lq_xasprintf("%.*sies", (int)strlen(fa) - 1, fa);
					w = find_words(f, pl, 0, &nw);
				}
				if (w >= 0) {
					sp[ns].e = e;
					sp[ns].w = w;
					sp[ns].n = nw;
					sp[ns].made[0] = '\0';
					ns++;
				}
				free(fa);
				free(pl);
			}
			free(alias);
			a += al;
			if (*a == '|')
				a++;
		}
	}
	/* "head(s) of X", "director(s) of X", "VP(s) of X" with X unknown. */
	{
		static const char *const heads[] = { "head of", "heads of", "director of", "directors of",
			"vp of", "vps of", NULL };
		const char *const *h;
		int nw;

		for (h = heads; *h && ns < 64; h++) {
			int w = find_words(f, *h, 0, &nw);
			char *x, *y;

			if (w < 0)
				continue;
			x = word(f, w + nw);
			if (x == NULL || is_stop(x)) {
				free(x);
				continue;
			}
			y = word(f, w + nw + 1);
			sp[ns].e = NULL;
			sp[ns].w = w;
			sp[ns].n = nw + 1;
			snprintf(sp[ns].made, sizeof sp[ns].made, "%s of %c%s", strncmp(*h, "head", 4) == 0 ? "Head"
			    : strncmp(*h, "vp", 2) == 0 ? "VP" : "Director", toupper((unsigned char)x[0]), x + 1);
			(void)y;
			free(y);
			free(x);
			ns++;
		}
	}
	/* Longest wins: drop spans inside another span. */
	for (i = 0; i < ns; i++) {
		int inside = 0;

		for (j = 0; j < ns && !inside; j++)
			if (j != i && sp[j].w <= sp[i].w && sp[j].w + sp[j].n >= sp[i].w + sp[i].n
			    && (sp[j].n > sp[i].n || (sp[j].n == sp[i].n && j < i)))
				inside = 1;
		if (inside)
			continue;
		if (sp[i].e == NULL) {	/* a made title: only if the lexicon knows its function */
			struct lq_title t;

			lq_title_analyse(sp[i].made, &t);
			free(t.canon);
			if (t.fn == 0)
				continue;
		}
		/* the speaker's own people: "our CFO", "my recruiter" */
		if (sp[i].w > 0) {
			char *pw = word(f, sp[i].w - 1);
			int own = pw && (strcmp(pw, "our") == 0 || strcmp(pw, "my") == 0 || strcmp(pw, "your") == 0);

			free(pw);
			if (own && (sp[i].e == NULL || sp[i].e->kind == LQ_CRIT_TITLE))
				continue;
		}
		if (nout >= max)
			break;
		out[nout].kind = sp[i].e ? sp[i].e->kind : LQ_CRIT_TITLE;
		if (sp[i].e)
			out[nout].value = sp[i].e->value;
		else {
			snprintf(out[nout].buf, sizeof out[nout].buf, "%s", sp[i].made);
			out[nout].value = out[nout].buf;
		}
		out[nout].negated = negated(f, sp[i].w, sp[i].n);
		nout++;
	}
	free(f);
	return nout;
}

/* Company sizes from head counts: "50 to 500 people", "over 1,000
 * employees", "under 50 staff". Bands: startup < 50 <= scaleup < 250 <=
 * mid-market < 1000 <= enterprise, as classify(1) (docs/icp-extract.md). */
static size_t
find_counts(const char *clause, struct lq_crit_hit *out, size_t max)
{
	static const char *const band[] = { "startup", "scaleup", "mid-market", "enterprise" };
	static const double lo[] = { 0, 50, 250, 1000 }, hi[] = { 50, 250, 1000, 1e12 };
	char *f = lq_fold(clause), *toks[64];
	int nt = 0, i, neg;
	size_t nout = 0;
	char *p, *save = NULL;

	for (p = strtok_r(f, " ", &save); p && nt < 64; p = strtok_r(NULL, " ", &save))
		toks[nt++] = p;
	for (i = 0; i < nt; i++) {
		double a = -1, b = -1;
		int j = i, k;
		char *end;

		/* numbers as tokens: "1 000" was "1,000" */
		if (!isdigit((unsigned char)toks[i][0]))
			continue;
		a = strtod(toks[i], &end);
		if (*end == 'k')
			a *= 1000, end++;
		if (*end)
			continue;
		while (j + 1 < nt && strlen(toks[j + 1]) == 3 && isdigit((unsigned char)toks[j + 1][0])
		    && strspn(toks[j + 1], "0123456789") == 3)
			a = a * 1000 + atof(toks[++j]);
		if (j + 2 < nt && (strcmp(toks[j + 1], "to") == 0 || strcmp(toks[j + 1], "and") == 0
		    || isdigit((unsigned char)toks[j + 1][0]))) {
			int m = isdigit((unsigned char)toks[j + 1][0]) ? j + 1 : j + 2;

			b = strtod(toks[m], &end);
			if (*end == 'k')
				b *= 1000, end++;
			if (*end)
				continue;
			j = m;
			while (j + 1 < nt && strlen(toks[j + 1]) == 3 && strspn(toks[j + 1], "0123456789") == 3)
				b = b * 1000 + atof(toks[++j]);
		}
		if (j + 1 >= nt)
			continue;
		if (strcmp(toks[j + 1], "people") && strcmp(toks[j + 1], "employees") && strcmp(toks[j + 1], "employee")
		    && strcmp(toks[j + 1], "staff") && strcmp(toks[j + 1], "ftes") && strcmp(toks[j + 1], "heads")
		    && strcmp(toks[j + 1], "person") && !(strcmp(toks[j + 1], "plus") == 0 && j + 2 < nt))
			continue;
		if (b < 0) {
			const char *prev = i > 0 ? toks[i - 1] : "";
			const char *prev2 = i > 1 ? toks[i - 2] : "";

			if (strcmp(prev, "over") == 0 || strcmp(prev, "above") == 0 || strcmp(toks[j + 1], "plus") == 0
			    || (strcmp(prev, "than") == 0 && strcmp(prev2, "more") == 0) || strcmp(prev, "least") == 0)
				b = 1e12;
			else if (strcmp(prev, "under") == 0 || strcmp(prev, "below") == 0
			    || (strcmp(prev, "than") == 0 && (strcmp(prev2, "fewer") == 0 || strcmp(prev2, "less") == 0)))
				b = a, a = 0;
			else
				b = a;	/* "a 200 person company" */
		}
		neg = 0;
		{
			char *g = lq_fold(clause);
			int nw;

			neg = find_words(g, "not", 0, &nw) >= 0 && find_words(g, "not", 0, &nw) < i;
			neg = neg || (find_words(g, "no", 0, &nw) >= 0 && find_words(g, "no", 0, &nw) < i);
			free(g);
		}
		for (k = 0; k < 4 && nout < max; k++)
			if (a < hi[k] && b >= lo[k]) {
				out[nout].kind = LQ_CRIT_SIZE;
				out[nout].value = band[k];
				out[nout].negated = neg;
				nout++;
			}
		i = j + 1;
	}
	free(f);
	return nout;
}

size_t
lq_icplex_find(const char *sentence, struct lq_crit_hit *out, size_t max)
{
	char *s = lq_xstrdup(sentence), *c, *fs;
	size_t n = 0;
	int topical;

	fs = lq_fold(sentence);
	topical = contains_any(fs, topic_cues);
	free(fs);
	/* "1,000 employees" is one number, not two clauses. */
	for (c = s; *c; c++)
		if (*c == ',' && c > s && isdigit((unsigned char)c[-1]) && isdigit((unsigned char)c[1]))
			memmove(c, c + 1, strlen(c));
	/* Clauses: commas, semicolons, colons, brackets, " but ", " - ". */
	for (c = s; (c = strstr(c, " but ")) != NULL; c += 4)
		c[1] = ',', c[2] = ' ', c[3] = ' ';
	for (c = s; (c = strstr(c, " - ")) != NULL; c += 2)
		c[1] = ',';
	for (c = s; *c && n < max;) {
		size_t l = strcspn(c, ",;:()");
		char save = c[l];

		c[l] = '\0';
		n += find_clause(c, out + n, max - n, topical);
		n += find_counts(c, out + n, max - n);
		c[l] = save;
		c += l;
		if (*c)
			c++;
	}
	free(s);
	return n;
}

const char *
lq_icplex_canonical(int kind, const char *s)
{
	char *f = lq_fold(s);
	const struct entry *e;
	const char *r = NULL;

	for (e = lexicon; e->value && !r; e++) {
		const char *a = e->aliases;
		char *fv;

		if (e->kind != kind)
			continue;
		fv = lq_fold(e->value);
		if (strcmp(fv, f) == 0)
			r = e->value;
		free(fv);
		while (*a && !r) {
			const char *bar = strchr(a, '|');
			size_t al = bar ? (size_t)(bar - a) : strlen(a);
			char *alias = lq_xstrndup(a, al), *fa = lq_fold(alias);
			size_t fl = strlen(fa);

			if (strcmp(fa, f) == 0 || (strncmp(fa, f, fl) == 0 && strcmp(f + fl, "s") == 0))
				r = e->value;
			free(alias);
			free(fa);
			a += al;
			if (*a == '|')
				a++;
		}
	}
	free(f);
	return r;
}
