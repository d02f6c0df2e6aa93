/* vocab.h: vocabularies (word lists, lexicons, bands) as data files, embedded at build time, overridable by $LQ_VOCAB_DIR. */
#ifndef LQ_VOCAB_H
#define LQ_VOCAB_H

#include <stddef.h>

/* docs/vocabulary.md has the format. In short: a file NAME.vocab holds
 * tables; records before any "[section]" line form the table NAME, the
 * ones after "[sec]" the table NAME.sec. A record is one line of fields
 * separated by "|" (trimmed; "\|" and "\\" escape), "#" starts a comment
 * line. */

/* Limits; a file beyond them is refused with its name and line. They are
 * far above what a word list needs (the largest built-in file is about
 * 20 KB) and keep a wrong file (a log, a dump) from being read whole. */
#define LQ_VOCAB_MAX_FILE (1u << 20)	/* bytes per file */
#define LQ_VOCAB_MAX_LINE 4096		/* bytes per line */
#define LQ_VOCAB_MAX_FIELDS 64		/* fields per record */
#define LQ_VOCAB_MAX_FILES 64		/* files in a vocabulary */

/* One record: its fields (NUL-terminated UTF-8, unescaped, trimmed; the
 * first is never empty) and where it was written. */
struct lq_vocab_rec {
	const char *file;	/* "icp-lexicon.vocab" or the override's path */
	int line;
	size_t n;
	char **f;
};

/* A table: its records in file order (built-in records first when an
 * override file extends the table). */
struct lq_vocab_table {
	char *name;		/* "icp-cues" or "icp-cues.revise" */
	size_t n;
	struct lq_vocab_rec *rec;
};

struct lq_vocab;

/* A file compiled into the binaries (common/vocab/NAME.vocab, by the
 * Makefile); the array lq_vocab_builtin ends with a NULL name. */
struct lq_vocab_file {
	const char *name;
	const char *text;
	size_t len;
};
extern const struct lq_vocab_file lq_vocab_builtin[];

/* An empty vocabulary; free with lq_vocab_free. */
struct lq_vocab *lq_vocab_new(void);
void lq_vocab_free(struct lq_vocab *v);

/* Parses one file (name like "icp-cues.vocab", shown in messages as
 * where) into v. With extend == 0 its tables replace tables of the same
 * name already in v (and every other table of the same file name);
 * with extend != 0, or when the file says "@extend", its records are
 * appended to them. Returns 0, or -1 with "where: line N: what" in err
 * (v is then unchanged). */
int lq_vocab_parse(struct lq_vocab *v, const char *name, const char *where, const char *text, size_t len,
    int extend, char *err, size_t errlen);

/* The built-in files, then every NAME.vocab in dir (NULL or "": none): a
 * file named like a built-in one replaces it, or extends it when it
 * starts with "@extend"; a name lq does not know is skipped with a
 * warning. Returns a new vocabulary, or NULL with the reason in err
 * (a missing dir, an unreadable or bad file, with its path and line). */
struct lq_vocab *lq_vocab_load(const char *dir, char *err, size_t errlen);

/* The process's vocabulary, loaded on first use (thread-safe) from the
 * built-in files and $LQ_VOCAB_DIR. A bad override is fatal
 * (LQ_EXIT_FATAL) with the file and line: no program runs on half a
 * vocabulary. Never NULL; owned by the library. */
const struct lq_vocab *lq_vocab(void);

/* The table called name, or NULL. */
const struct lq_vocab_table *lq_vocab_table(const struct lq_vocab *v, const char *name);

/* The table called name whose every record has min..max fields; a
 * missing table or a record of another shape is fatal (LQ_EXIT_FATAL),
 * naming the file and line, since the program cannot run without it. */
const struct lq_vocab_table *lq_vocab_need(const struct lq_vocab *v, const char *name, size_t min, size_t max);

/* A NULL-terminated array of the first fields of table name (lq_vocab_need
 * with 1 field): pointers into v; free only the array. */
const char **lq_vocab_words(const struct lq_vocab *v, const char *name);

/* SHA-256 (64 hex digits) of the parsed content of the tables of the
 * files named in files (stems: "icp-lexicon" covers icp-lexicon and
 * icp-lexicon.*), or of every table when files is NULL. Comments,
 * spacing and line order of sections do not change it; any change to a
 * field, a record or a table name does. For cache keys and versions. */
void lq_vocab_digest(const struct lq_vocab *v, const char *const *files, char hex[65]);

/* "<base>+vocab:<first 12 hex of the digest of files in lq_vocab()>" in
 * buf: the one form of a version or cache key that an edited vocabulary
 * must change. The caller reads (and so checks) the tables first. */
void lq_vocab_versioned(char *buf, size_t len, const char *base, const char *const *files);

#endif
