/* icplex.h: finding ICP criteria in what a client said on a call, with the lexicon and cues of common/vocab/. */
#ifndef LQ_ICPLEX_H
#define LQ_ICPLEX_H

#include <stddef.h>

/* What a criterion is about. */
enum { LQ_CRIT_TITLE, LQ_CRIT_INDUSTRY, LQ_CRIT_SIZE, LQ_CRIT_KEYWORD };

/* What the agency asked before the sentence: how a bare list is read. */
enum {
	LQ_ANSWER_NONE,
	LQ_ANSWER_EXCLUSION,	/* "Anyone to avoid?": names are exclusions */
	LQ_ANSWER_TOPICS	/* "What do they post about?": noun phrases are topics */
};

/* One criterion found in a sentence. */
struct lq_crit_hit {
	int kind;		/* LQ_CRIT_* */
	const char *value;	/* the lexicon's canonical value (static), or buf */
	char buf[128];		/* a value made from the words said ("Head of Transport",
				   "Fractional CFO", "carrier rates") */
	int negated;		/* said as an exclusion ("not recruiters", "X are useless") */
	int retracts;		/* said as taking it back ("forget X", "leave X out"):
				   it revises the same criterion said earlier as a target */
	int whole;		/* the retraction covers the topic ("the whole X world"); 2 (set by
				   icp-extract): dropped with the topic of the client's turn, removed */
	int group;		/* an unnamed group of people ("hobby gardeners") */
	int specific;		/* an industry said with a qualifying word ("equine vets",
				   "independent schools"): words names a part of it */
	int predicate;		/* said of people already named ("they're basically consultants"):
				   a criterion only when nothing was named before it in the turn */
	char spec[128];		/* a title's most specific words ("Freelance Instructional
				   Designer" for "Designer"), to name it by when a later
				   sentence dismisses it; empty when none */
	char words[96];		/* the folded words it was found in ("marketing agencies") */
	int pronoun;		/* "the self-employed ones" with no title before it in the sentence:
				   value is the qualifier ("Self-Employed"), for the title the agency
				   just named ("Personal trainers?") */
	const char *base;	/* a kind of company named as said ("pharma manufacturers"):
				   the lexicon's industry inside it (static), else NULL */
};

/* Finds the criteria named in one sentence (UTF-8, any case), read as an
 * answer of kind answer (LQ_ANSWER_*). The sentence is cut into clauses;
 * in each, lexicon phrases, titles made from a title word ("fleet
 * managers", "head of OT security"), head counts and, in a topic answer
 * or after "talk about", noun phrases as topics. A hit is negated when a
 * negation governs it in its clause ("not", "don't sell to", "leave X
 * out"), when the clause says it is unwanted after it ("too small to
 * have budget", "a waste of time"), or when a later clause with nothing
 * of its own dismisses it ("harmless, but useless", "so not them
 * either"). Keywords are never negated; an unnamed group is kept only
 * as an exclusion. Names after "our", "my" or "your", and titles next
 * to things ("machines and controllers"), are skipped. Writes at most
 * max hits to out and returns their number. */
size_t lq_icplex_find(const char *sentence, int answer, struct lq_crit_hit *out, size_t max);

/* 1 if a sentence with no criterion of its own dismisses what was said
 * just before ("Waste of time.", "Harmless, but they never buy."), 2 if
 * it takes it back ("Scratch that, let's park it."), else 0. */
int lq_icplex_refers_back(const char *sentence);

/* 1 if a sentence written as a question ends in a clause of lukewarm words
 * only ("Orthodontists, eh, sort of?"): a hedge, read as a statement. */
int lq_icplex_hedged(const char *sentence);

/* 1 if the sentence starts with a word of icp-cues [list-continues] ("And
 * other founders, ..."): it goes on with the list of the sentence before. */
int lq_icplex_continues(const char *sentence);

/* 1 if the sentence drops a whole topic ("Take the whole on-trade thing off
 * the table", "Let's not go after that whole space"): a cue of
 * [drop-topic] or a retraction cue, and a [whole-topic] word. Read only
 * when the sentence names nothing: it takes back the targets named
 * earlier in the client's turn. */
int lq_icplex_drops_topic(const char *sentence);

/* 1 if every clause of the sentence is a bare noun phrase ("Interim
 * CISOs.", "Recruiters, consultants."): a list, not a statement. */
int lq_icplex_bare(const char *sentence);

/* 1 if the sentence holds a phrase of icp-cues [only-places] ("only",
 * "uniquement", "nur"): places it wants are where the client sells. */
int lq_icplex_only(const char *sentence);

/* 1 if the sentence is only a yes ("Yes, exactly.", "Spot on."). */
int lq_icplex_affirms(const char *sentence);

/* The lexicon entry whose value or alias folds to the same text as s, in
 * kind: its canonical value (static), or NULL. */
const char *lq_icplex_canonical(int kind, const char *s);

/* The index of the qualifier a title starts with ("Fractional CFO",
 * "Interim Head of Security"), or -1: two titles with different
 * qualifiers are different criteria. */
int lq_icplex_qualifier(const char *title);

/* 1 if the sentence is small talk or about the speaker's own past
 * ("I used to be a recruiter", "my brother"): no criterion is taken. */
int lq_icplex_small_talk(const char *sentence);

/* 1 if the sentence revises something said earlier in the call
 * ("actually", "after all", "on second thought", "scratch that"). */
/* Does the sentence rule out the company sizes below (-1) or above (1)
 * the ones just wanted ("below that they use spreadsheets"), or neither (0)? */
int lq_icplex_beyond(const char *sentence);

int lq_icplex_revises(const char *sentence);

/* 1 if text (an agency line with a question mark) asks whom to leave out
 * ("Anyone to avoid?"), or what the client's buyers talk about ("What
 * do they post about?"): the answer is read as LQ_ANSWER_EXCLUSION or
 * LQ_ANSWER_TOPICS. */
int lq_icplex_asks_exclusion(const char *text);
int lq_icplex_asks_topics(const char *text);
/* 1 if text asks where the client's buyers are ("Where?", "Which markets?"; not
 * "Where are you based?"): a question of the agency's. */
int lq_icplex_asks_places(const char *text);
/* 1 if a client's sentence limits what it says in time ("for now", "this quarter",
 * "not yet"): a retraction in it is a pause, not an exclusion. */
int lq_icplex_not_now(const char *sentence);
/* In a client's sentence that takes something back, the word that names "the whole X
 * side" ("hotel" in "the whole hotel side, leave that out"), singular, in out; 1 if
 * there is one. The vocabulary's words (in the "side", "world" sense) are C here only
 * for the nouns; the retraction cues are icp-cues.vocab's. */
int lq_icplex_topic_head(const char *sentence, char *out, size_t size);

/* The SHA-256 (hex) of the vocabulary tables icp-extract reads
 * (icp-lexicon, icp-cues, company-sizes, and titles and industries, by
 * which it merges titles and industries that mean the same:
 * lq_vocab_digest), for versions and cache keys. */
void lq_icplex_digest(char hex[65]);
/* The language the call being read is in (a languages.vocab name, or NULL), for this
 * thread: words icp-cues [not-break] lists for it do not end a noun phrase. */
void lq_icplex_language(const char *lang);

#endif
