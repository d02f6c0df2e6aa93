/* tokenizer.h: BERT WordPiece tokenizer identical to Hugging Face's fast one */
#ifndef LQ_TOKENIZER_H
#define LQ_TOKENIZER_H

#include <stddef.h>
#include <stdint.h>

struct lq_tokenizer;

/* Behaviour switches; the defaults (all zero) are those of all-MiniLM-L6-v2. */
struct lq_tok_options {
	int cased;		/* 1: no lowercasing and no accent stripping */
	int no_special;		/* 1: "[SEP]" etc. in the text are plain text */
};

/*
 * Load a vocab.txt (one token per line, id = 0-based line number) and build
 * a tokenizer. opts may be NULL for the defaults. The vocabulary must hold
 * [UNK], [CLS] and [SEP]. Returns NULL with a message in err on failure;
 * free with lq_tok_free().
 */
struct lq_tokenizer *lq_tok_load(const char *vocab_path,
    const struct lq_tok_options *opts, char *err, size_t errlen);

/* Same from a vocabulary already in memory (copied; buf may be freed). */
struct lq_tokenizer *lq_tok_from_buf(const char *buf, size_t len,
    const struct lq_tok_options *opts, char *err, size_t errlen);

/*
 * Tokenize len bytes of text (any bytes: invalid UTF-8 sequences are
 * dropped byte by byte, exactly as if decoded to U+FFFD, which the BERT
 * normaliser removes) into [CLS] wordpieces... [SEP], truncated to at most
 * max_ids ids in all (max_ids >= 2). Writes the ids to ids[] and returns
 * their count (0 if max_ids < 2). Reentrant; running out of memory is fatal
 * (lq_xrealloc), so it never fails otherwise.
 */
size_t lq_tok_encode(const struct lq_tokenizer *tok, const char *text,
    size_t len, int32_t *ids, size_t max_ids);

/* Vocabulary size, the id of a token (or -1), and the token of an id (or NULL). */
size_t lq_tok_vocab_size(const struct lq_tokenizer *tok);
int32_t lq_tok_id(const struct lq_tokenizer *tok, const char *token);
const char *lq_tok_token(const struct lq_tokenizer *tok, int32_t id);

/* Free a tokenizer; tok may be NULL. */
void lq_tok_free(struct lq_tokenizer *tok);

#endif
