/* test_icplex.c: how a client's sentence is read (common/icplex.c), one phenomenon of issue 13 per case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "icplex.h"
#include "t.h"

static struct lq_crit_hit h[48];
static size_t n;

static size_t
find(const char *s, int answer)
{
	n = lq_icplex_find(s, answer, h, 48);
	return n;
}

/* The hit of kind with value (case as written), or NULL. */
static const struct lq_crit_hit *
lookup(int kind, const char *value)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].kind == kind && strcmp(h[i].value, value) == 0)
			return &h[i];
	return NULL;
}

/* The same, saying what there was when it is missing. */
static const struct lq_crit_hit *
hit(int kind, const char *value)
{
	size_t i;

	if (lookup(kind, value))
		return lookup(kind, value);
	printf("#   no %d '%s' among:", kind, value);
	for (i = 0; i < n; i++)
		printf(" [%d '%s'%s]", h[i].kind, h[i].value, h[i].negated ? " neg" : "");
	printf("\n");
	return NULL;
}

static int
has_kind(int kind)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].kind == kind)
			return 1;
	return 0;
}

#define WANTED(k, v) do { const struct lq_crit_hit *x_ = hit(k, v); CHECK(x_ && !x_->negated); } while (0)
#define EXCLUDED(k, v) do { const struct lq_crit_hit *x_ = hit(k, v); CHECK(x_ && x_->negated); } while (0)
#define TAKEN_BACK(k, v) do { const struct lq_crit_hit *x_ = hit(k, v); CHECK(x_ && x_->negated && x_->retracts); } while (0)

int
main(void)
{
	lq_init("test_icplex");
	unsetenv("LQ_VOCAB_DIR");

	t_begin("size bands ruled out in the same breath as the wanted one");
	find("Startups are too small to have a legal team at all, and the Fortune 500 crowd build their own "
	    "tooling or buy from the giants, so not them either.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");
	find("Mid-sized companies, somewhere between 300 and 900 employees.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "mid-market");
	CHECK_INT(n, 1);	/* one hit per criterion: "mid-sized" and the head count agree */
	find("Anything under 20 staff isn't worth it for us, they run the rota on a whiteboard.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	find("The big consolidators have their own in-house systems, so they're out.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");
	find("The one-man bands, the sole traders, they just won't pay for software.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "freelance");
	CHECK_INT(n, 1);	/* both clauses, one criterion: the list is dismissed together */
	find("The one-man bands, the sole traders and the small firms, they just won't pay.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "freelance");
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	CHECK(lookup(LQ_CRIT_SIZE, "freelance") && !lookup(LQ_CRIT_SIZE, "freelance")->retracts);

	t_begin("a qualified title is its own criterion, not the bare title");
	find("Fractional general counsels.", LQ_ANSWER_EXCLUSION);
	WANTED(LQ_CRIT_TITLE, "Fractional General Counsel");	/* the answer makes it an exclusion */
	CHECK(lookup(LQ_CRIT_TITLE, "General Counsel") == NULL);
	find("Interim operations directors, they come in for three months and resell other tools.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Interim Head of Operations");
	find("And freelance project managers, they're basically our competition.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Freelance Project Manager");
	find("So the person who signs is the general counsel.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "General Counsel");
	CHECK(lq_icplex_qualifier("Fractional CFO") >= 0 && lq_icplex_qualifier("Interim CISO") >= 0);
	CHECK(lq_icplex_qualifier("CFO") == -1 && lq_icplex_qualifier("Head of Finance") == -1);
	CHECK(lq_icplex_qualifier("Fractional CFO") != lq_icplex_qualifier("Interim CFO"));

	t_begin("lukewarm dismissals are exclusions, not targets");
	find("HR managers, sort of.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "HR Manager");
	find("And hobby gardeners, lovely people but useless for us.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Hobby Gardener");
	find("Consultants, meh.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Consultant");
	find("Farm practices, no.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Agriculture");
	find("And I can't imagine the franchise consultants ever buying anything.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Franchise Consultant");	/* the client's words, not every consultant */
	find("Consultants are great, sort of our best channel, they bring us in.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Consultant");	/* "sort of" in a long clause is a figure of speech */

	t_begin("a dismissing sentence or clause with no name of its own");
	CHECK_INT(lq_icplex_refers_back("Waste of time."), 1);
	CHECK_INT(lq_icplex_refers_back("Harmless, but they will never buy anything."), 1);
	CHECK_INT(lq_icplex_refers_back("Meh. Nice people, not worth it for us."), 1);
	CHECK_INT(lq_icplex_refers_back("Let's park that for now."), 2);
	CHECK_INT(lq_icplex_refers_back("They sign the contracts."), 0);
	CHECK_INT(lq_icplex_refers_back("No, honestly not."), 0);	/* a bare no to a suggestion */

	t_begin("topics named in answer to the agency's question are keywords");
	find("Contract backlogs.", LQ_ANSWER_TOPICS);
	WANTED(LQ_CRIT_KEYWORD, "contract backlogs");
	find("Energy prices, definitely.", LQ_ANSWER_TOPICS);
	WANTED(LQ_CRIT_KEYWORD, "energy prices");
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));	/* the topic, not the energy industry */
	find("Carrier rates. And 3PL contracts.", LQ_ANSWER_TOPICS);
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));
	find("And 3PL contracts", LQ_ANSWER_TOPICS);
	WANTED(LQ_CRIT_KEYWORD, "3PL contracts");
	find("Honestly it's mostly site safety", LQ_ANSWER_TOPICS);
	WANTED(LQ_CRIT_KEYWORD, "site safety");
	find("If they post about AI content, they are a great fit.", LQ_ANSWER_TOPICS);
	WANTED(LQ_CRIT_KEYWORD, "AI content");
	CHECK_INT(n, 1);
	find("Contract backlogs.", LQ_ANSWER_NONE);
	CHECK_INT(n, 0);	/* the same words without the question are nothing */
	find("They talk about the month-end close and how painful it is.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_KEYWORD, "month-end close");
	CHECK_INT(n, 1);
	find("The people we win with are struggling with burnout and retention on the front line.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_KEYWORD, "employee engagement");
	CHECK_INT(n, 1);

	t_begin("retractions: take X off the list, leave the whole X out, park that");
	find("You know what, take banks off the list completely, their procurement takes eighteen months.",
	    LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Banking");
	CHECK(n && !h[0].whole);
	find("Leave the whole healthcare world out of it.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Healthcare");
	CHECK(n && h[0].whole);
	find("The hospital side, let's park that for now.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Healthcare");
	find("Forget the retail chains I mentioned last time, they buy from SAP.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Retail");
	CHECK(n && strcmp(h[0].words, "retail chains") == 0);
	find("Please disregard the insurers entirely.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Insurance");
	find("Don't forget the insurers.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Insurance");

	t_begin("'Just X and Y' and 'not just' are not exclusions");
	find("Just horticulture and vertical farming.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Agriculture");
	find("No just SaaS and fintech", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "SaaS");
	WANTED(LQ_CRIT_INDUSTRY, "Fintech");
	find("Not just banks, insurers too.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Banking");
	find("We don't sell to enterprise, the sales cycle kills us.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");

	t_begin("machines called controllers are not the title Controller");
	find("They wire our sensors into the climate computers and controllers.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_TITLE));
	find("Financial controllers are great too, they usually bring us in.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Controller");

	t_begin("titles the lexicon lacks, made from a title word");
	find("Legal ops managers love us.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Legal Ops Manager");
	find("We sell to heads of transport and fleet managers.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Head of Transport");
	WANTED(LQ_CRIT_TITLE, "Fleet Manager");
	find("Construction directors, mostly.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Construction Director");
	WANTED(LQ_CRIT_INDUSTRY, "Construction");
	find("Our CFO and my head of sales will join.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_TITLE));	/* the speaker's own people */
	find("Good managers are rare.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_TITLE));

	t_begin("the most specific phrase for an excluded group of an industry");
	find("Edtech founders.", LQ_ANSWER_EXCLUSION);
	WANTED(LQ_CRIT_TITLE, "Edtech Founder");
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));
	find("Please exclude dental suppliers and dental laboratories.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Dental Supplier");
	EXCLUDED(LQ_CRIT_INDUSTRY, "Dental Laboratory");
	find("Dropshippers.", LQ_ANSWER_EXCLUSION);
	WANTED(LQ_CRIT_TITLE, "Dropshipper");
	CHECK(n == 1 && h[0].group);
	find("Dropshippers.", LQ_ANSWER_NONE);
	CHECK_INT(n, 0);	/* an unnamed group is never a target */

	t_begin("small talk drops its clause, not the sentence");
	find("I used to be a recruiter myself, so I know recruiters will follow us, but we don't want them.",
	    LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Recruiter");
	CHECK_INT(n, 1);
	find("My brother runs a crypto startup, please don't send me crypto people.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Crypto");
	CHECK(lookup(LQ_CRIT_SIZE, "startup") == NULL);

	t_begin("a yes, a bare list");
	CHECK(lq_icplex_affirms("Yes, exactly."));
	CHECK(lq_icplex_affirms("Spot on!"));
	CHECK(!lq_icplex_affirms("Yes, but only the big ones."));
	CHECK(!lq_icplex_affirms(""));
	CHECK(lq_icplex_bare("Interim CISOs."));
	CHECK(lq_icplex_bare("Recruiters, consultants, obviously."));
	CHECK(lq_icplex_bare("Oh, and temporary IT managers."));	/* "IT" is not the pronoun */
	CHECK(!lq_icplex_bare("It is what it is."));
	CHECK(!lq_icplex_bare("They resell other tools."));
	CHECK(lq_icplex_asks_topics("What do your best customers post about?"));
	CHECK(!lq_icplex_asks_topics("Who do you sell to?"));
	CHECK(lq_icplex_asks_exclusion("Who should we keep away from?"));

	t_begin("head counts in words, open ranges, and the upper end of a range");
	find("Forty to a thousand heads, give or take.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "startup");
	WANTED(LQ_CRIT_SIZE, "mid-market");
	CHECK(lookup(LQ_CRIT_SIZE, "enterprise") == NULL);	/* a thousand ends the range, starts no band */
	find("Three hundred staff and up, I'd say.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "mid-market");
	WANTED(LQ_CRIT_SIZE, "enterprise");
	CHECK(lookup(LQ_CRIT_SIZE, "scaleup") == NULL);
	find("Anything from two hundred and fifty employees upwards.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_SIZE, "scaleup") == NULL && lookup(LQ_CRIT_SIZE, "enterprise") != NULL);
	find("Under 50 people is too small.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	CHECK(lookup(LQ_CRIT_SIZE, "scaleup") == NULL);
	CHECK_INT(lq_icplex_beyond("Smaller than that, they just use a notebook."), -1);
	CHECK_INT(lq_icplex_beyond("Anything bigger has its own team."), 1);
	CHECK_INT(lq_icplex_beyond("We like them."), 0);

	t_begin("a title's plural on its first word; two titles joined by and");
	find("Heads of Finance and CTOs, mostly.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Head of Finance");
	WANTED(LQ_CRIT_TITLE, "CTO");

	t_begin("a name the lexicon lacks, dismissed right after it, is an exclusion of its own");
	find("DevRel, not really.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "DevRel");	/* kept as said: not the plural of "DevRel" */
	CHECK_INT(n, 1);
	find("That, no.", LQ_ANSWER_NONE);
	CHECK_INT(n, 0);	/* a pronoun names nothing: it refers to the sentence before */

	t_begin("a qualified 'one' is the qualified title; a group cut before 'from the'");
	find("A salaried CFO is ideal, a fractional one is a rival.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "CFO");
	EXCLUDED(LQ_CRIT_TITLE, "Fractional CFO");
	find("Tradespeople from the trade fairs.", LQ_ANSWER_EXCLUSION);
	CHECK(hit(LQ_CRIT_TITLE, "Tradesperson") && hit(LQ_CRIT_TITLE, "Tradesperson")->group);
	CHECK(!lq_icplex_refers_back("Hmm, actually, thinking about it more, the approval cycle takes ages."));
	CHECK(lq_icplex_refers_back("Hmm, meh."));
	CHECK(lq_icplex_refers_back("Not really, they never sign anything themselves."));
	find("Oh, and drop the charities altogether, they are too slow.", LQ_ANSWER_TOPICS);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Nonprofit");	/* a retraction in a topic answer is not a topic */
	CHECK(!has_kind(LQ_CRIT_KEYWORD));

	t_begin("topic precision: a predicate is not a topic, two lexicon topics in one phrase are kept as said");
	find("Scope 3, and everybody in the sector is rushing to catch up.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "scope 3") != NULL);
	CHECK_INT(n, 1);
	find("Honestly it's mostly pallet tracking.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "pallet tracking") != NULL);
	find("Supplier emissions.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "supplier emissions") != NULL);
	CHECK_INT(n, 1);
	find("Mostly churn, the usual.", LQ_ANSWER_TOPICS);
	CHECK(lookup(LQ_CRIT_KEYWORD, "usual") == NULL && lookup(LQ_CRIT_KEYWORD, "the usual") == NULL);
	find("And a lot of moaning about approval queues.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "approval queues") != NULL);
	find("GDPR.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "GDPR") != NULL);	/* an acronym said alone, as said */
	find("Loading pallets faster.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "loading pallets") != NULL);
	find("They're not very interested in ours.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_KEYWORD));

	t_begin("a business the lexicon lacks, refused, is an industry exclusion as said");
	find("Please stay away from the boat charter firms.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Boat charter firms");
	find("We do well with boat charter firms.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Boat charter firms");	/* wanted as said, too (a kind of company) */

	t_begin("negative preference in other words");
	find("We would deprioritise the insurers.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Insurance");
	find("Banks have never worked for us.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Banking");
	find("Freight firms are hit and miss.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Logistics");
	find("Let's put the charities on hold.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Nonprofit") == NULL || lookup(LQ_CRIT_INDUSTRY, "Nonprofit")->negated);
	find("Let's pause fintech for a quarter.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Fintech");
	CHECK(strcmp(hit(LQ_CRIT_INDUSTRY, "Fintech")->words, "fintech") == 0);	/* "pause" names no part of it */
	find("We are no longer chasing fintech.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_INDUSTRY, "Fintech") && strcmp(hit(LQ_CRIT_INDUSTRY, "Fintech")->words, "fintech") == 0);

	t_begin("a name followed by nothing but a no");
	find("Colleges no, they tender everything.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Higher Education");
	find("Colleges no longer tender everything.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Higher Education");

	t_begin("only the agency's questions say what it asks");
	CHECK(!lq_icplex_asks_exclusion("I don't want to guess here. Which markets matter most?"));
	CHECK(lq_icplex_asks_exclusion("Fine. Whom would you rather we didn't bother?"));
	CHECK(!lq_icplex_asks_topics("Marketers care about copy, I know. Which roles sign?"));
	CHECK(!lq_icplex_asks_topics("So who would you love to be talking to?"));
	CHECK(lq_icplex_asks_topics("And what keeps your buyers up at night?"));

	t_begin("an exclusion keeps the client's most specific words");
	find("Please skip the wedding photographers and the tax consultants.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Tax Consultant");
	CHECK(lookup(LQ_CRIT_TITLE, "Consultant") == NULL);
	find("Marine researchers.", LQ_ANSWER_EXCLUSION);	/* icp-extract negates a bare list */
	CHECK(hit(LQ_CRIT_TITLE, "Marine Researcher") != NULL);
	find("We love working with tax consultants.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Consultant");	/* a target keeps the lexicon's title */
	find("And no Big Three assessors, they resell.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Big Three Assessor");
	find("Freelance designers, never.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Freelance Designer");
	CHECK(!has_kind(LQ_CRIT_SIZE));	/* "freelance" qualifies the title here */

	find("Freelance marine researchers follow us a lot, totally harmless, but useless.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Freelance Marine Researcher");	/* dismissed by the clauses after it */
	CHECK(!has_kind(LQ_CRIT_SIZE));
	find("Marine researchers follow us a lot.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Researcher") && strcmp(hit(LQ_CRIT_TITLE, "Researcher")->spec, "Marine Researcher") == 0);

	t_begin("what people already named are is marked, not made a criterion of its own");
	find("They're basically consultants, they pitch their own stack.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Consultant") && hit(LQ_CRIT_TITLE, "Consultant")->predicate);
	find("We want consultants.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Consultant") && !hit(LQ_CRIT_TITLE, "Consultant")->predicate);

	t_begin("a kind of company in the client's own words is an industry named as said");
	find("Asset managers at ferry operators.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Ferry operators");	/* the lexicon lacks it */
	WANTED(LQ_CRIT_TITLE, "Asset Manager");
	find("Asset managers at wind farm operators.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Wind Energy");	/* the lexicon's words and a business noun */
	find("Boutique hotels and independent hotel groups are the core.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Boutique hotels");	/* more than the lexicon's Hospitality */
	CHECK(hit(LQ_CRIT_INDUSTRY, "Boutique hotels") && hit(LQ_CRIT_INDUSTRY, "Boutique hotels")->base
	    && strcmp(hit(LQ_CRIT_INDUSTRY, "Boutique hotels")->base, "Hospitality") == 0);
	WANTED(LQ_CRIT_INDUSTRY, "Hospitality");	/* "independent" is a quality: the lexicon's hotel groups */
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Independent hotel groups") == NULL);
	find("Multi-academy trusts and single schools.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Schools");
	CHECK_INT(n, 1);
	find("Asset managers at utilities and district heating utilities.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Utilities");
	WANTED(LQ_CRIT_INDUSTRY, "District heating utilities");	/* a kind of utility, in the client's words */
	find("Climbing gyms are a big one for us, we're targeting gyms.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Climbing gyms");	/* an -ing word that names a kind */
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Targeting gyms") == NULL);
	find("We mostly sell to law firms and fintech companies.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Legal");	/* only the lexicon's words: the lexicon's value */
	WANTED(LQ_CRIT_INDUSTRY, "Fintech");
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Law firms") == NULL);
	find("Solar parks we don't want anymore.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Solar parks");	/* a kind after the lexicon's word is more specific */
	find("Family businesses with twenty sites, mostly regulated companies.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));	/* qualities and counts, not kinds */
	find("We just opened the second plant.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));	/* one site, not a class of companies */
	find("Hostels.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));	/* a kind alone is kept only as an exclusion */
	find("Hostels I'd rather we didn't, the margins are far too thin.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Hostels");

	t_begin("negative preference in more phrasings");
	find("MEP firms, I wouldn't bother.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "MEP firms");
	find("Breweries were a long shot for us.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Breweries");
	find("Contractors have never bitten.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Contractors");
	find("Yoga studios are a different market, clinical software.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Yoga studios");
	CHECK_INT(lq_icplex_refers_back("I wouldn't waste a single message on them."), 1);
	CHECK_INT(lq_icplex_refers_back("Was not a success."), 1);
	CHECK_INT(lq_icplex_refers_back("Not worth chasing."), 1);
	CHECK_INT(lq_icplex_refers_back("Never really worth the effort."), 1);
	find("Meh, not worth it.", LQ_ANSWER_NONE);
	CHECK_INT(n, 0);	/* a lukewarm word names nobody */
	find("And the big international chains?", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "enterprise");	/* a quality word between the size and the noun */

	t_begin("a qualified 'one' with no title before it waits for the agency's title");
	find("The self-employed ones, no, they use a booking app on their phone.", LQ_ANSWER_NONE);
	CHECK(n == 1 && h[0].pronoun && h[0].negated && h[0].kind == LQ_CRIT_TITLE);
	CHECK(lookup(LQ_CRIT_TITLE, "Self Employed One") == NULL);
	find("A permanent CISO is great, an interim one is a competitor.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Interim CISO") && !hit(LQ_CRIT_TITLE, "Interim CISO")->pronoun);

	t_begin("one word said alone as a topic is kept as said when the lexicon's topic does not name it");
	find("Churn.", LQ_ANSWER_TOPICS);
	CHECK(lookup(LQ_CRIT_KEYWORD, "pipeline and revenue") == NULL);
	CHECK_INT(n, 1);
	CHECK(n == 1 && strcmp(h[0].value, "Pipeline and revenue") != 0 && strcmp(h[0].words, "churn") == 0);

	t_begin("round 4: a name excluded and said again in its sentence stays excluded only");
	find("Not the CFOs, the CFO only signs the invoice.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "CFO");
	CHECK_INT(n, 1);
	find("CFOs, and the CFO of a bank too.", LQ_ANSWER_NONE);	/* said twice, wanted: one wanted hit */
	WANTED(LQ_CRIT_TITLE, "CFO");

	t_begin("round 4: the client's own company ('we're a fintech company') is not a criterion");
	find("We're a fintech company, payroll software for clinics.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Fintech") == NULL);
	find("We sell to fintech companies.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Fintech");

	t_begin("round 4: a number before a plural title word is a head count, not a title");
	find("Twenty to sixty engineers, usually.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "startup");
	WANTED(LQ_CRIT_SIZE, "scaleup");
	CHECK(!has_kind(LQ_CRIT_TITLE));
	find("Two engineers founded it.", LQ_ANSWER_NONE);	/* a handful, no range: not a size */
	CHECK(!has_kind(LQ_CRIT_SIZE));

	t_begin("round 4: a hyphenated compound is one word of a kind of company; what 'they are' is a predicate");
	find("Buy-to-let lenders don't buy anything.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Buy-to-let lenders");
	find("They are boutique marinas, mostly.", LQ_ANSWER_NONE);
	CHECK(n == 1 && h[0].kind == LQ_CRIT_INDUSTRY && h[0].predicate);

	t_begin("round 4: a list goes on after 'And'; a whole topic dropped; more ways to dismiss");
	CHECK_INT(lq_icplex_continues("And the insurance brokers, they cold call."), 1);
	CHECK_INT(lq_icplex_continues("Andrew is great."), 0);
	CHECK_INT(lq_icplex_continues("And."), 0);
	CHECK_INT(lq_icplex_drops_topic("Let's take that whole side off the table."), 1);
	CHECK_INT(lq_icplex_drops_topic("Honestly, let's not go after that entire world."), 1);
	CHECK_INT(lq_icplex_drops_topic("Take the CFOs off the list."), 0);	/* names, no whole topic */
	CHECK_INT(lq_icplex_drops_topic("We love that whole world."), 0);
	CHECK_INT(lq_icplex_refers_back("You can ignore them."), 1);
	CHECK_INT(lq_icplex_refers_back("We've never got in."), 1);
	find("Regional airlines run their own tools.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Airlines & Aviation") || lookup(LQ_CRIT_INDUSTRY, "Regional airlines"));
	CHECK(n >= 1 && h[0].negated);

	t_begin("round 4: a negation in a relative clause qualifies its noun and excludes nothing");
	find("The kiosks, the vans that aren't restaurants, the kitchen managers.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Hospitality") == NULL);
	WANTED(LQ_CRIT_TITLE, "Kitchen Manager");
	find("Not restaurants.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Hospitality");

	t_begin("round 4: a kind said alone as the last item of a list of wanted kinds is wanted");
	find("Mostly craft bakeries, and a few creameries.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Creameries");
	find("Creameries with big herds.", LQ_ANSWER_NONE);	/* alone, not a list: an unnamed group */
	CHECK_INT(n, 0);
	find("Tanneries, I'd say no.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Tanneries");

	t_begin("round 4: a profession by its ending is a title said alone; a topic ends before a place");
	find("Agronomists, mostly.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Agronomist");
	find("Paediatricians sometimes buy.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Paediatrician");
	find("Checklists, mostly.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_TITLE));
	find("What they talk about now is crew rostering rules in Spain.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_KEYWORD, "crew rostering rules") != NULL);

	t_begin("round 4: 'the big ones' is a size");
	find("The big ones, the ferry lines, they run their own booking, forget it.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");

	t_begin("round 4: 'usually a X' describes someone named before: a predicate");
	find("The owner, usually a marine biologist who started it.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Marine Biologist") && hit(LQ_CRIT_TITLE, "Marine Biologist")->predicate);
	find("Marine biologists, usually.", LQ_ANSWER_NONE);
	CHECK(hit(LQ_CRIT_TITLE, "Marine Biologist") && !hit(LQ_CRIT_TITLE, "Marine Biologist")->predicate);

	t_begin("round 4: a question that ends in lukewarm words is a hedge");
	CHECK_INT(lq_icplex_hedged("Podiatrists, eh, sort of?"), 1);
	CHECK_INT(lq_icplex_hedged("Hmm, what about podiatrists?"), 0);
	CHECK_INT(lq_icplex_hedged("Sort of?"), 0);

	t_begin("round 5: titles in German, French, Spanish and Portuguese, in the client's language");
	find("Vor allem die Geschäftsführerinnen und die Betriebsleiter.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Geschäftsführer");
	WANTED(LQ_CRIT_TITLE, "Werkleiter");
	find("Les directrices financières et les DRH des mutuelles.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Directeur financier");
	WANTED(LQ_CRIT_TITLE, "DRH");
	find("Sobre todo los gerentes y los directores comerciales.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Gerente");
	WANTED(LQ_CRIT_TITLE, "Director Comercial");
	find("As sócias-diretoras de escritórios pequenos.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Sócio-Diretor");

	t_begin("round 5: the Spanish and Portuguese plural -es of a one-word phrase");
	find("Los consultores independientes nos siguen mucho.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Consultor");

	t_begin("round 5: German compounds: a title word or a kind of company at the end");
	find("Die Einkaufsleiter bei Verpackungsherstellern.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Einkaufsleiter");
	WANTED(LQ_CRIT_INDUSTRY, "Verpackungshersteller");	/* the dative "-n" dropped */
	find("Die Vertriebsleitern.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Vertriebsleiter");
	lq_icplex_language("german");
	find("Papierpreise.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "Papierpreise") != NULL);	/* a German noun keeps its capital */
	lq_icplex_language(NULL);
	find("Papierpreise.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "papierpreise") != NULL);
	find("Die Lagerleiterinnen, Möbelhändler eher nicht.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Lagerleiterinnen");
	EXCLUDED(LQ_CRIT_INDUSTRY, "Möbelhändler");

	t_begin("round 5: head-first titles in French, Spanish and Portuguese stop at the next 'de'");
	find("Les responsables des achats dans les PME industrielles.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Responsable des Achats");
	find("Los directores de compras de hoteles.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Director de Compras");
	CHECK(lookup(LQ_CRIT_TITLE, "Director de Compras De Hoteles") == NULL);

	t_begin("round 5: negation, no and dismissal in the four languages");
	find("Großkonzerne nicht, die haben eigene Leute.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");
	find("Las multinacionales no, tardan años.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");
	find("Les grandes entreprises, ce n'est pas pour nous.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "enterprise");
	find("Os corretores de imóveis não, eles não decidem nada.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Corretor de Imóveis");
	find("Außer den Praktikanten, alle Werkleiter.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Praktikant");

	t_begin("round 5: retraction in the four languages, before or after the name");
	find("Die Maschinenbauer streichen Sie bitte wieder.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Maschinenbau");
	find("Finalement, oubliez les cadres de santé.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_TITLE, "Cadre de santé");
	find("Mejor quita los viveros.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Viveros");
	find("Pensando melhor, esquece os arquitetos.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_TITLE, "Arquiteto");

	t_begin("round 5: head counts in the four languages, ranges with und, et, y, a");
	find("Zwischen 20 und 200 Mitarbeitern.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "startup");
	WANTED(LQ_CRIT_SIZE, "scaleup");
	CHECK(lookup(LQ_CRIT_SIZE, "mid-market") == NULL);
	find("Entre 300 et 800 salariés.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "mid-market");
	CHECK_INT(n, 1);
	find("De 10 a 40 funcionários.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "startup");
	CHECK_INT(n, 1);
	find("Más de 2000 empleados.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_SIZE, "enterprise");
	CHECK_INT(n, 1);

	t_begin("round 5: the function words of a topic and of an excluded title are not its words");
	find("Le coût de l'énergie.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "coût de l'énergie") != NULL);
	find("La morosidad, eso les obsesiona.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "morosidad") != NULL);
	CHECK_INT(n, 1);
	find("Los estudiantes, que no compran nada.", LQ_ANSWER_EXCLUSION);
	EXCLUDED(LQ_CRIT_TITLE, "Estudiante");
	CHECK_INT(n, 1);

	t_begin("round 5: a kind of company said first and what kind after it ([kinds-first])");
	find("Los dueños de clínicas veterinarias.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Clínicas veterinarias");
	find("Les agences de voyage, non.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Agences de voyage");
	find("As empreiteiras de reforma sim.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Empreiteiras de reforma");
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Empreiteiras de reforma sim") == NULL);
	find("Las cooperativas también.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Cooperativas también") == NULL);

	t_begin("round 5: 'gerente de' is a title unless a kind of company follows; 'responsable X'; 'aussi' is no function");
	find("Los gerentes de compras.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Gerente de Compras");
	find("Los gerentes de cooperativas lecheras.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Gerente");
	WANTED(LQ_CRIT_INDUSTRY, "Cooperativas lecheras");
	CHECK(lookup(LQ_CRIT_TITLE, "Gerente de Cooperativas Lecheras") == NULL);
	find("Les responsables logistique aussi.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Responsable Logistique");
	find("Heads of ecommerce.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Head of Ecommerce");

	t_begin("round 5: an answer of only lukewarm words to the agency's proposal, in French");
	CHECK_INT(lq_icplex_refers_back("Meh, not really."), 1);
	CHECK_INT(lq_icplex_refers_back("Bof, pas vraiment."), 1);
	find("Les freelances, très peu pour nous.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "freelance");

	t_begin("round 5: German feminine plurals, inflected adjectives, 'lassen wir weg'");
	find("Vor allem Personalleiterinnen und die kaufmännischen Leiter.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Personalleiter");
	WANTED(LQ_CRIT_TITLE, "Finanzleiter");
	CHECK_INT(n, 2);
	find("Die Pflegeheime lassen wir lieber weg.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_INDUSTRY, "Pflegeheime");

	t_begin("round 5: [not-break]: Portuguese 'do' is a grammar word only in a Portuguese call");
	lq_icplex_language("portuguese");
	find("Custo do frete.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "custo do frete") != NULL);
	lq_icplex_language("english");
	find("What we do every day.", LQ_ANSWER_TOPICS);
	CHECK_INT(n, 0);
	lq_icplex_language(NULL);

	t_begin("round 5: English words that are also words of the other languages still read as English");
	find("E-signature, that always comes up.", LQ_ANSWER_TOPICS);
	CHECK(hit(LQ_CRIT_KEYWORD, "E-signature") != NULL);
	find("Non-profits, not really.", LQ_ANSWER_NONE);
	CHECK(lookup(LQ_CRIT_INDUSTRY, "Comercio minorista") == NULL);

	t_begin("round 7: a retraction around a pronoun refers back ('cross them off')");
	CHECK_INT(lq_icplex_refers_back("Cross them off, please."), 2);
	CHECK_INT(lq_icplex_refers_back("Actually, leave those out."), 2);
	CHECK_INT(lq_icplex_refers_back("Leave the notes out for the board."), 0);	/* a name of its own, not a pronoun */
	find("The franchise owners I mentioned, strike them off.", LQ_ANSWER_NONE);
	TAKEN_BACK(LQ_CRIT_TITLE, "Franchise Owner");

	t_begin("round 7: polarity by sentence structure");
	find("Payroll managers also no.", LQ_ANSWER_NONE);	/* a no after adverbs */
	EXCLUDED(LQ_CRIT_TITLE, "Payroll Manager");
	find("Payroll managers also matter.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_TITLE, "Payroll Manager");
	find("The tiny ones we honestly cannot serve.", LQ_ANSWER_NONE);	/* the name first, then "we" and a negated verb */
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	find("Wholesalers we never win.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Wholesale & Distribution");
	find("Wholesalers we win a lot.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Wholesale & Distribution");
	find("Finance managers in-house are perfect for us.", LQ_ANSWER_NONE);	/* praise outweighs "in house" */
	WANTED(LQ_CRIT_TITLE, "Finance Manager");
	find("Finance managers in-house are not great.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_TITLE, "Finance Manager");
	find("Not finance managers, they are great but never buy.", LQ_ANSWER_NONE);	/* a negation before stands */
	EXCLUDED(LQ_CRIT_TITLE, "Finance Manager");
	find("The small ones are useless to us.", LQ_ANSWER_NONE);	/* "ones" ends the size phrase */
	EXCLUDED(LQ_CRIT_SIZE, "startup");

	t_begin("round 7: where the client sells, asked; a pause is not a no; the whole X side");
	CHECK(lq_icplex_asks_places("Great. Which markets?"));
	CHECK(lq_icplex_asks_places("And where?"));
	CHECK(!lq_icplex_asks_places("Where are you based?"));
	CHECK(!lq_icplex_asks_places("We sell where they are."));	/* not a question */
	CHECK(lq_icplex_not_now("Park the nurseries for now."));
	CHECK(lq_icplex_not_now("Leave them out this quarter."));
	CHECK(!lq_icplex_not_now("Drop the nurseries."));
	{
		char w[96];

		CHECK(lq_icplex_topic_head("The whole clinic side, leave that out.", w, sizeof w) && strcmp(w, "clinic") == 0);
		CHECK(lq_icplex_topic_head("Forget the entire school world.", w, sizeof w) && strcmp(w, "school") == 0);
		CHECK(!lq_icplex_topic_head("The whole clinic side is great.", w, sizeof w));	/* no retraction */
	}

	t_begin("round 7: where the people named work ('managers at X and Y') is an industry, as said");
	find("Mostly the shift supervisors at sawmills and the plant managers at paper mills.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Sawmills");
	WANTED(LQ_CRIT_INDUSTRY, "Paper mills");
	find("Finance directors at companies like ours.", LQ_ANSWER_NONE);
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));	/* "companies" alone names no kind */
	find("Not the plant managers at quarries, they never decide.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_INDUSTRY, "Quarries");

	t_begin("round 7: one business of a kind is a size, not the industry");
	find("A single pharmacy can't justify it.", LQ_ANSWER_NONE);
	EXCLUDED(LQ_CRIT_SIZE, "startup");
	CHECK(!has_kind(LQ_CRIT_INDUSTRY));
	find("Pharmacies, yes.", LQ_ANSWER_NONE);
	WANTED(LQ_CRIT_INDUSTRY, "Healthcare");

	t_begin("hostile and odd input: no crash, no hit out of nothing");
	CHECK_INT(find("", LQ_ANSWER_TOPICS), 0);
	CHECK_INT(find(",,,;;;::(((", LQ_ANSWER_TOPICS), 0);
	CHECK_INT(find("\xff\xfe\x80 CFO", LQ_ANSWER_NONE), 1);
	{
		char big[20000];
		size_t i;

		for (i = 0; i + 8 < sizeof big; i += 8)
			memcpy(big + i, "CFOs, a ", 8);
		big[i] = '\0';
		CHECK(find(big, LQ_ANSWER_NONE) <= 48);
	}
	return t_done();
}
