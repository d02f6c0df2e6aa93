/* leadtext.h: the profile text of a lead, as embed, classify and rerank read it (docs/embed.md). */
#ifndef LQ_LEADTEXT_H
#define LQ_LEADTEXT_H

#include <stddef.h>

#include <jansson.h>

/* Version of the recipe; part of every cache key built on the text. */
#define LQ_LEADTEXT_VERSION 1

/* Length caps in bytes. Local: all-MiniLM-L6-v2 reads 256 word pieces,
 * about 1,000 bytes of English; 1,536 leaves room for short words and
 * keeps nothing it would never see. OpenAI: 8,191 tokens per input,
 * estimated at one token per 3 bytes and halved for safety. */
#define LQ_LEADTEXT_CAP_LOCAL 1536
#define LQ_LEADTEXT_CAP_REMOTE 12000
/* A reranker's document (rerank, and the pairs feedback exports to train
 * one): Jina's pair context is 1,024 tokens; 4,000 bytes is about 1,000
 * tokens of English. */
#define LQ_LEADTEXT_CAP_RERANK 4000

/* Builds the profile text of rec (a lead record: top-level fields written
 * by scrape, and the raw item in "profile" of any shape profile.h reads):
 * "Title: ... | Name: ... | Headline: ... | Company: ... | Industry: ... |
 * Location: ... | About: ... | Current role: ... | Past roles: ... |
 * Skills: ...", parts that are unknown left out, whitespace collapsed,
 * cut at a UTF-8 boundary (and preferably a space) to at most cap bytes.
 * Deterministic. Returns a new string, "" when nothing is known. */
char *lq_lead_text(const json_t *rec, size_t cap);

/* The same text from a view of rec's profile the caller read already
 * (lq_profile_of(rec, p)), for a stage that reads the view itself too. */
struct lq_profile;
char *lq_lead_text_of(const json_t *rec, const struct lq_profile *p, size_t cap);

/* The company-related parts only (company, industry, the company's
 * employee count range, current roles with their employment type and
 * description, headline), for classify. Same conventions. */
char *lq_lead_company_text(const json_t *rec, size_t cap);

/* 1 if rec has anything to build a text from: a "profile" object, or a
 * non-empty headline or current_job_titles. */
int lq_lead_has_profile(const json_t *rec);

/* Cuts s in place to at most cap bytes at a UTF-8 character boundary,
 * preferring the last space in the final 64 bytes. */
void lq_utf8_cut(char *s, size_t cap);

#endif
