/* fieldpath.h: field paths into a record (profile.skills[0]) and column lists. */
#ifndef LQ_FIELDPATH_H
#define LQ_FIELDPATH_H

#include <stddef.h>

#include <jansson.h>

/* One step of a path: a member of an object, or an element of an array
 * (index < 0 counts from the end: -1 is the last element). */
struct lq_step {
	char *key;		/* member name, or NULL for an index */
	long index;
};

struct lq_path {
	struct lq_step *step;
	size_t n;
};

/* A column: its header and the paths tried in turn for its value. */
struct lq_column {
	char *header;
	struct lq_path *alt;
	size_t nalt;
};

struct lq_columns {
	struct lq_column *col;
	size_t n;
};

/* Most columns and steps a spec may have: far beyond any spreadsheet. */
#define LQ_COLUMNS_MAX 4096
#define LQ_PATH_STEPS_MAX 64

/* Parses a column list (grammar in docs/man/to-csv.1, COLUMNS):
 *
 *     spec   = column *( "," column )
 *     column = [ header "=" ] path *( "|" path )
 *     path   = name *( "." name / "[" [ "-" ] digits "]" )
 *
 * A backslash takes the next character literally (\, \= \| \. \[ \] \\);
 * blanks around headers and paths are ignored; a column without a header
 * is headed by its first path as written. On success fills *out (free
 * with lq_columns_free) and returns 0; on error returns -1 and writes a
 * message naming the character position into err (errlen bytes). */
int lq_columns_parse(const char *spec, struct lq_columns *out, char *err, size_t errlen);
void lq_columns_free(struct lq_columns *c);

/* The value at path p in root, or NULL when a step is missing, a key
 * meets a non-object, an index meets a non-array or is out of range.
 * A borrowed reference. */
const json_t *lq_path_get(const struct lq_path *p, const json_t *root);

/* The value of column c in rec: the first of its paths whose value is
 * present and not null, "" or []; NULL if none is. Borrowed. */
const json_t *lq_column_get(const struct lq_column *c, const json_t *rec);

#endif
