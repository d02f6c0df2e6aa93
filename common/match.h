/* match.h: per-criterion evidence of a lead against an ICP (the structured score, docs/scoring.md). */
#ifndef LQ_MATCH_H
#define LQ_MATCH_H

#include <stddef.h>

struct lq_icp;

/* The tier of an icp_score: A >= 70, B >= 50, C >= 30, else D
 * (docs/scoring.md). One definition for score and rerank. */
const char *lq_tier(double icp_score);

/* Job functions a title can name (a bit set: "CPO" names two). */
enum {
	LQ_FN_FINANCE = 1 << 0, LQ_FN_PEOPLE = 1 << 1, LQ_FN_RECRUITING = 1 << 2,
	LQ_FN_TECH = 1 << 3, LQ_FN_PRODUCT = 1 << 4, LQ_FN_MARKETING = 1 << 5,
	LQ_FN_SALES = 1 << 6, LQ_FN_OPERATIONS = 1 << 7, LQ_FN_EXECUTIVE = 1 << 8,
	LQ_FN_CUSTOMER = 1 << 9, LQ_FN_LEGAL = 1 << 10, LQ_FN_DATA = 1 << 11,
	LQ_FN_DESIGN = 1 << 12, LQ_FN_QUALITY = 1 << 13, LQ_FN_SUPPLY = 1 << 14,
	LQ_FN_PRODUCTION = 1 << 15, LQ_FN_PRICING = 1 << 16, LQ_FN_SUSTAINABILITY = 1 << 17,
	LQ_FN_ADVISORY = 1 << 18, LQ_FN_SECURITY = 1 << 19
};

/* Seniority levels, lowest first. LQ_LEVEL_UNKNOWN: no seniority word. */
enum {
	LQ_LEVEL_UNKNOWN = -1, LQ_LEVEL_STUDENT = 0, LQ_LEVEL_JUNIOR = 1,
	LQ_LEVEL_IC = 2, LQ_LEVEL_MANAGER = 3, LQ_LEVEL_HEAD = 4,
	LQ_LEVEL_VP = 5, LQ_LEVEL_CLEVEL = 6
};

/* What the lexicon makes of a job title. */
struct lq_title {
	char *canon;		/* English canonical form: lower case, abbreviations and
				   translations expanded ("directeur financier" ->
				   "finance director"); what the encoder embeds */
	unsigned fn;		/* LQ_FN_* bits; recruiting wins over the rest */
	int level;		/* LQ_LEVEL_* */
};

/* "<base>+vocab:<12 hex>": base and the digest of the vocabularies the
 * functions below read (titles, industries, company-sizes and
 * first-person.vocab),
 * for score_version (lq_vocab_versioned). Loads and checks them first:
 * a bad file is fatal here. */
void lq_match_versioned(char *buf, size_t len, const char *base);

/* Folds s for matching: NFKC, case folded, accents stripped, every run of
 * characters other than letters, digits and an inner '&' or '+' becomes
 * one space; no leading or trailing space. Invalid UTF-8 bytes become
 * spaces. Returns a new string (caller frees). */
char *lq_fold(const char *s);

/* Analyses a title through the title lexicon of titles.vocab
 * (abbreviations, seniority words and titles in many languages; a bad
 * file is fatal at the first call). Free t->canon with free(). */
void lq_title_analyse(const char *title, struct lq_title *t);

/* 1 if the analysed title names general management only: the executive
 * or the operations function (owner, founder, CEO, managing director,
 * COO, head of operations), which every kind of company has, so that the
 * title alone says nothing of the company's kind (score's neutral
 * context). */
int lq_title_general(const struct lq_title *t);

/* Title similarity by the lexicon alone, in [0,1]; -1 when either side
 * names no known function (the encoder must decide); LQ_LEX_SENIORITY_ONLY
 * (below) for a bare seniority against a function. Same function and
 * level gives 1; each level apart costs more; a student or intern never
 * reaches more than 0.1; different known functions give 0. */
double lq_title_lexsim(const struct lq_title *a, const struct lq_title *b);

/* lq_title_lexsim's answer when one side has a seniority but no function
 * ("Vice President") and the other a function: lq_title_sim then caps the
 * encoder's similarity at 0.5. */
#define LQ_LEX_SENIORITY_ONLY (-2.0)

/* Combines the lexicon similarity lex (-1: unknown) with the cosine of the
 * two canonical forms' embeddings into the title similarity used by the
 * score, in [0,1] (formula in docs/scoring.md). A student against a
 * professional (lex 0.1) stays at lex whatever the cosine. */
double lq_title_sim(double lex, double cos);

/* The job-title part of a headline: the first "|"-, " at "-, "@"-, " - "-
 * separated segment that is not a hiring call ("Hiring CFOs", "We're
 * hiring"). Returns a new string, "" when there is none. */
char *lq_headline_title(const char *headline);

/* What a headline says of the person beyond a title
 * (lq_headline_stance). */
enum {
	LQ_STANCE_NONE = 0,
	LQ_STANCE_LAPSED,	/* retired, former, aspiring, a student: not (yet) serving */
	LQ_STANCE_RECRUITER,	/* places people: "Placing CFOs ...", "Executive search" */
	LQ_STANCE_VENDOR	/* sells a service: "I help SaaS founders ...", "Helping ..." */
};

/* The stance of a headline (LQ_STANCE_*): whole words, case- and
 * accent-insensitive, in several languages. "ex-Stripe" after a title is
 * a past employer, not a lapsed person: "former" and "ex" count only at the
 * start of the headline. */
int lq_headline_stance(const char *headline);

/* 1 if a title names a side role beside a main job: board member or
 * director seat, advisor, angel investor, mentor, entrepreneur in
 * residence, volunteer, trustee (several languages). */
int lq_title_side(const char *title);

/* Industry groups a name belongs to (a bit set; 0 if unknown): classify's
 * labels, LinkedIn industry names and the words ICPs use ("B2B software",
 * "Financial technology"). */
unsigned lq_industry_groups(const char *name);

/* Industry groups named by a company's own words (its name, its
 * description, a headline's "at Acme, the payments platform"), like
 * lq_industry_groups, with guards: the words of person (the lead's name,
 * may be NULL) are skipped, and a bare "AI" does not count in the name of
 * a practice that sells a service (coaching, consulting, agency,
 * recruiting, ...: "Clarity AI Coaching" is no AI company). */
unsigned lq_company_groups(const char *text, const char *person);

/* Industry groups a text names as a company's clients, not its own:
 * the words after "for", "helping", "pour", "per" ... (industries.vocab
 * [serves]) up to a word such as "brands", "clinics", "restaurants",
 * "aziende" ([clients]): "sustainable packaging for pet brands" (pet),
 * "I help vet clinics grow" (health). lq_company_groups leaves these
 * words out. 0 when none. */
unsigned lq_client_groups(const char *text);
/* 0 when lq_client_groups(text) is 0 for want of a [serves] word before
 * a [clients] word, known without folding a text of ASCII; 1 otherwise
 * (lq_client_groups then folds and decides). */
int lq_client_may(const char *text);

/* 1 if text names a practice that sells a person's service
 * (industries.vocab [practice]: "consulting", "consultante", "agency",
 * "coach", "freelance" ...). */
int lq_practice_named(const char *text);

/* 1 if text names an interest or a side activity rather than an employer
 * (industries.vocab [interest]: "fan", "enthusiast", "investor",
 * "mentor", "podcast" ...): "B2B SaaS fan". */
int lq_interest_named(const char *text);

/* 1 if the first word of text is one of titles.vocab's [past] ("ex",
 * "former", "ehemals", "voorheen" ...): a headline segment about the past
 * ("ex-Google", "formerly at a bank"). */
int lq_past_named_first(const char *text);

/* The words (folded, at most six a clause) after each phrase of
 * industries.vocab's [employer] in text: how a person describes the
 * company they work for ("CFO of a 140-person B2B SaaS scaleup", "Je
 * dirige l'équipe technique d'un éditeur SaaS B2B", "Diretor de
 * engenharia de uma fintech"), joined by " | "; NULL when none. Free
 * it. */
char *lq_employer_words(const char *text);

/* Similarity of a lead's industry groups to a target's, by the lexicon:
 * 1 when the lead covers every group of the target, 0.5 for a related
 * group (fintech and financial services, software and AI, ...), 0 else;
 * -1 if either is 0 (unknown: the encoder must decide). */
double lq_industry_lexsim(unsigned lead, unsigned target);

/* Company type guessed from text by cheap signals ("series A", "startup",
 * "scale-up", "Fortune 500", a head count (lq_size_headcount:
 * "30,000-employee", "30k staff"), "freelance", "agency"):
 * one of lq_company_sizes, or NULL when there is no signal. The pointer is
 * static. evidence (if not NULL) receives the matched phrase (static). */
const char *lq_company_signal(const char *text, const char **evidence);

/* lq_company_signal of text and folded, its lq_fold: what a caller that
 * holds the folded text passes instead of folding it again (the head
 * count, lq_size_headcount, is read in text as written, where "50-200"
 * is still a range). */
const char *lq_company_signal_folded(const char *text, const char *folded, const char **evidence);

/* 1 if folded (lq_fold) text holds a word of first-person.vocab ("i",
 * "my", "ich", "dirijo"): a sentence about the person's own work, not
 * about what the company does. */
int lq_about_self(const char *folded);

/* The language folded (lq_fold) text is written in, by the function words
 * of languages.vocab ("english", "french", ...): the one with at least
 * LANG_MIN_WORDS of its words in the text and more than any other, else
 * NULL (too little prose to tell, or a tie). */
#define LANG_MIN_WORDS 3
const char *lq_text_language(const char *folded);
/* The places text names (places.vocab: countries, some of their parts, and
 * regions as their countries), as " fr be ca-qc " (each code with a space
 * before and after it), or NULL when it names none; free it. */
char *lq_places(const char *text);

/* The places an ICP's notes name as wanted, as lq_places, or NULL; the
 * places they name as excluded, and those of also_excluded[0..n_also)
 * (the ICP's exclusions) that are a place and nothing else ("Schweiz",
 * not "Country Manager France"), into *excluded (NULL when none; free
 * it). A place is excluded when a "before" phrase of places.vocab's
 * [negation] comes before it in its clause ("not in Spain", "Nous ne
 * travaillons pas avec la Suisse", "keine Kunden in Osterreich") or an
 * "after" phrase follows it ("Switzerland is excluded"); clauses end at
 * . ; : ! ? brackets, new lines and the "end" phrases ("but", "mais",
 * "que": "ne ... que" says only). An excluded place is never wanted
 * ("Europe, but not Switzerland" wants Europe without ch). */
char *lq_places_split(const char *text, char *const *also_excluded, size_t n_also, char **excluded);

/* The codes of the place name names on its own, as lq_places: a phrase of
 * places.vocab ("Spain", "España", "LATAM", "DACH"; folded, so capitals
 * and accents do not matter) or one of the codes they use ("ES", "us",
 * "ca-qc"); NULL when it is neither ("Atlantis", "Spain and Portugal").
 * The ICP's "regions" are read with it. Free the result. */
char *lq_place_named(const char *name);

/* The wanted places of an ICP's regions, as lq_places, or NULL: those
 * include[0..n_in) names, less those exclude[0..n_out) names (into
 * *excluded, NULL when none). A name lq_place_named does not know is
 * skipped (lq_icp_parse refuses it). */
char *lq_places_regions(char *const *include, size_t n_in, char *const *exclude, size_t n_out,
    char **excluded);

/* What text (one sentence of a call) says of places, as lq_places_split
 * reads it, in language lang (lq_text_language's name of the language of
 * the whole call, so a short sentence is read as the call is: in a
 * Portuguese call "no Brasil" is "in Brazil"; NULL: the sentence's own): the places.vocab phrases it names as wanted into *wanted,
 * those it names as excluded into *excluded (folded: "spain", "dach";
 * NULL-terminated, free each and them; *n_excluded their number).
 * *outside: 1 when an "outside" phrase excluded places ("we sell outside
 * Europe" is not plain), 2 when one followed a negation ("nothing outside
 * Spain": only Spain). Returns the number wanted. */
size_t lq_places_said(const char *text, const char *lang, char ***wanted, char ***excluded, size_t *n_excluded,
    int *outside);

/* The roles an ICP's notes name as weighing in on the purchase without
 * signing it (a sentence with a word of titles.vocab's [influencer]: "Les
 * chefs d'agence et les responsables de flotte sont des prescripteurs"
 * gives "chefs d agence" and "responsables de flotte"), folded, into a
 * NULL-terminated *out (free each and it); returns their number. */
size_t lq_notes_influencers(const char *notes, char ***out);

/* Where an ICP's notes say its buyer comes from: in a sentence that names
 * one of the target titles, the words after a phrase of titles.vocab's
 * [background] ("The buyer is the founder or CTO ... who comes from
 * engineering or research" gives "engineering" and "research"; "qui vient
 * de l'ingénierie", "der selbst aus Entwicklung oder Forschung kommt"),
 * folded, into a NULL-terminated *out (free each and it); returns their
 * number. */
size_t lq_notes_background(const char *notes, const char *const *targets, size_t ntargets, char ***out);

/* Whether a (former) job title shows one of those fields: a word of the
 * title or of its English form shares a stem with the field's ("Senior
 * Mobile Engineer" and "engineering", "Doctoral Researcher" and
 * "research"), or the two share a function of the title lexicon (a former
 * CTO and "engineering"). Returns the field's index + 1, or 0. */
int lq_background_meets(const char *title, char *const *fields, size_t n);
/* The same with each field's lq_title_analyse already made (g[i] of
 * fields[i]), for a caller that meets many titles with the same fields. */
int lq_background_meets_analysed(const char *title, char *const *fields, const struct lq_title *g, size_t n);

/* 1 if the place lists a and b (lq_places) share a place. */
int lq_places_meet(const char *a, const char *b);

/* Similarity of company type have (one of lq_company_sizes or "unknown")
 * to a wanted size: 1 equal, 0.5 adjacent on startup < scaleup <
 * mid-market < enterprise, 0 else; -1 for unknown. */
double lq_size_sim(const char *have, const char *want);

/* 1 if needle occurs in hay as whole words, case- and accent-insensitive
 * (both folded with lq_fold: "FP&A" is found in "fp&a lead"). */
int lq_has_phrase(const char *hay_folded, const char *needle);

/* The form of needle lq_has_phrase searches for (needle itself when it is
 * folded already, else lq_fold's): a caller that tries one needle on many
 * texts makes it once and calls lq_has_needle, which gives what
 * lq_has_phrase(hay_folded, needle) gives. Free it. */
char *lq_phrase_needle(const char *needle);
int lq_has_needle(const char *hay_folded, const char *needle_form);

#endif
