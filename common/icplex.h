/* icplex.h: finding ICP criteria in what a client said on a call, with the lexicon and cues of common/vocab/. */
#ifndef LQ_ICPLEX_H
#define LQ_ICPLEX_H

#include <stddef.h>

/* What a criterion is about. */
enum { LQ_CRIT_TITLE, LQ_CRIT_INDUSTRY, LQ_CRIT_SIZE, LQ_CRIT_KEYWORD };

/* One criterion found in a clause. */
struct lq_crit_hit {
	int kind;		/* LQ_CRIT_* */
	const char *value;	/* the lexicon's canonical value (static), or for
				   titles made from "head of X" the text in buf */
	char buf[96];
	int negated;		/* said as an exclusion ("not recruiters", "no agencies") */
};

/* Finds the criteria named in one sentence (UTF-8, any case). A hit is
 * negated when a negation ("not", "no", "don't sell to", "except",
 * "exclude", ...) governs it in its clause, or the clause says it is
 * unwanted after it ("recruiters are a waste of time"); "not just" and
 * "not only" do not negate. Names after "our", "my" or "your" (the
 * speaker's own team) are skipped, and keywords count only in a sentence
 * that says they are a topic ("talk about", "struggling with", ...).
 * Writes at most max hits to out and returns their number. */
size_t lq_icplex_find(const char *sentence, struct lq_crit_hit *out, size_t max);

/* The lexicon entry whose value or alias folds to the same text as s, in
 * kind: its canonical value (static), or NULL. */
const char *lq_icplex_canonical(int kind, const char *s);

/* 1 if the sentence is small talk or about the speaker's own past
 * ("I used to be a recruiter", "my brother"): no criterion is taken. */
int lq_icplex_small_talk(const char *sentence);

/* 1 if the sentence revises something said earlier in the call
 * ("actually", "after all", "on second thought", "scratch that"). */
int lq_icplex_revises(const char *sentence);

/* 1 if text (an agency line) asks whom to leave out ("Anyone to
 * avoid?"): a bare list in the client's answer is then a list of
 * exclusions. */
int lq_icplex_asks_exclusion(const char *text);

/* The SHA-256 (hex) of the vocabulary tables this file reads
 * (icp-lexicon, icp-cues, company-sizes: lq_vocab_digest), for versions
 * and cache keys. */
void lq_icplex_digest(char hex[65]);

#endif
