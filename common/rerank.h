/* rerank.h: the wire formats of the rerank APIs (Jina, Cohere v2, TEI, llama.cpp): requests and responses. */
#ifndef LQ_RERANK_H
#define LQ_RERANK_H

#include <stddef.h>

enum lq_rerank_dialect { LQ_RR_JINA, LQ_RR_COHERE, LQ_RR_TEI, LQ_RR_LLAMACPP };

/* The dialect named s ("jina", "cohere", "tei", "llamacpp"), or -1. */
int lq_rerank_dialect(const char *s);
const char *lq_rerank_dialect_name(int d);

/* Documents one request may carry by default and at most (apis.md §3):
 * Jina has no documented cap (kept modest), Cohere recommends at most
 * 1,000, TEI's --max-client-batch-size defaults to 32. */
int lq_rerank_default_batch(int d);
int lq_rerank_max_batch(int d);

/* The JSON body of a rerank request of dialect d: query and docs[0..n).
 * Jina, Cohere and llama.cpp: {"model","query","documents","top_n"} (Jina
 * also "return_documents":false; model left out when NULL or ""); TEI:
 * {"query","texts","raw_scores":false,"truncate":true}. top_n is always n,
 * so every document comes back. The caller frees the result. */
char *lq_rerank_request(int d, const char *model, const char *query,
    const char *const *docs, size_t n);

/* Parses a response for a request of n documents: an object with
 * "results" or a bare array of {"index", "relevance_score" or "score"}, in
 * any order. scores[i] receives document i's score, mapped to [0,1]
 * (llama.cpp's raw logits through the logistic function, the others
 * clamped), or NaN when the response did not mention i. Returns the
 * number of documents scored, or -1 with a message in err when the body
 * is not such a response (bad JSON, an index out of range or repeated, a
 * score that is not a finite number). */
int lq_rerank_parse(int d, const char *body, size_t len, size_t n, double *scores,
    char *err, size_t errlen);

/* The usage a response reports: tokens (Jina's and llama.cpp's
 * usage.total_tokens, Cohere's meta.tokens.input_tokens) or -1 when it
 * says none (TEI); billed units (Cohere's meta.billed_units.search_units)
 * or -1. */
void lq_rerank_usage(const char *body, size_t len, long long *tokens, long long *units);

/* The message of an error body of any dialect: TEI's {"error":"..."},
 * Cohere's {"message":"..."}, the OpenAI shape {"error":{"message"}}
 * (llama.cpp, Jina); written into buf (at most 200 bytes of it). Returns
 * buf, or NULL when the body is none of these. */
char *lq_rerank_error(const char *body, size_t len, char *buf, size_t size);

#endif
