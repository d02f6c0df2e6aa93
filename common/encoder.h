/* encoder.h: in-process BERT sentence encoder (all-MiniLM-L6-v2 by default) */
#ifndef LQ_ENCODER_H
#define LQ_ENCODER_H

#include <stddef.h>
#include <stdint.h>

struct lq_encoder;

/*
 * Write the default model folder into buf: $LQ_MODEL_DIR if set; else
 * the first of $LQ_CACHE_DIR/models/all-MiniLM-L6-v2 and
 * ${XDG_CACHE_HOME:-$HOME/.cache}/lq/models/all-MiniLM-L6-v2 that holds a
 * config.json (so a run with its own cache dir still finds the model
 * `make model` fetched); else the first of them. Returns buf.
 */
char *lq_encoder_default_dir(char *buf, size_t len);

/*
 * Load a sentence-transformers BERT folder: config.json, model.safetensors
 * (tensor names with or without a "bert." prefix), vocab.txt, and when
 * present sentence_bert_config.json (max_seq_length, do_lower_case),
 * tokenizer_config.json (do_lower_case) and 1_Pooling/config.json (mean or
 * CLS pooling; mean if absent). dir NULL means lq_encoder_default_dir().
 * Weights stay in the read-only mapping of the file (Q, K and V are copied
 * stacked). Sets OpenBLAS to one thread: the encoder runs its own workers.
 * Returns NULL with a message in err on any problem (missing file, bad
 * JSON, missing tensor, shape not matching config.json, unsupported
 * activation or dtype).
 * Free with lq_encoder_free().
 */
struct lq_encoder *lq_encoder_load(const char *dir, char *err, size_t errlen);

/*
 * Embed n texts (NUL-terminated UTF-8; invalid bytes are ignored) into
 * out[n * dim]: each row is the pooled, L2-normalised sentence embedding,
 * exactly as sentence-transformers computes it (texts longer than
 * max_seq_length tokens are truncated). Texts are packed into batches of
 * similar length and spread over the encoder's threads. Safe to call from
 * one thread at a time per encoder. Returns 0, or -1 if memory ran out.
 */
int lq_encoder_embed(struct lq_encoder *enc, const char *const *texts,
    size_t n, float *out);

/* Same for one text of len bytes (need not be NUL-terminated). */
int lq_encoder_embed1(struct lq_encoder *enc, const char *text, size_t len,
    float *out);

/* Embedding width (384 for all-MiniLM-L6-v2). */
int lq_encoder_dim(const struct lq_encoder *enc);

/* Longest input in tokens, [CLS] and [SEP] included (256 for MiniLM). */
int lq_encoder_max_tokens(const struct lq_encoder *enc);

/*
 * A stable identifier of the model, "local:" followed by the folder's
 * base name, e.g. "local:all-MiniLM-L6-v2". Owned by the encoder.
 */
const char *lq_encoder_model_id(const struct lq_encoder *enc);

/* The encoder's tokenizer (owned by the encoder). */
const struct lq_tokenizer *lq_encoder_tokenizer(const struct lq_encoder *enc);

/*
 * Number of worker threads used by lq_encoder_embed (default: $LQ_THREADS,
 * else the online CPUs). n < 1 means 1.
 */
void lq_encoder_set_threads(struct lq_encoder *enc, int n);

/* Free an encoder and unmap its weights; enc may be NULL. */
void lq_encoder_free(struct lq_encoder *enc);

#endif
