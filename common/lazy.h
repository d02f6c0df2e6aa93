/* lazy.h: JSON objects parsed on first use, written back byte for byte when untouched. */
#ifndef LQ_LAZY_H
#define LQ_LAZY_H

#include <stddef.h>

#include <jansson.h>

#include "util.h"

/*
 * A lazy object is an ordinary jansson object that also carries the text
 * it came from: its members are parsed the first time the program asks
 * for them (json_object_get and the other jansson calls that read an
 * object, which the Makefile routes through this module with the
 * linker's --wrap; see LQ_WRAP there), and lq_json_dump writes every
 * member nobody asked for as the bytes it came as (and one read and
 * left alone too). Members the program sets replace the original in its
 * place; members it deletes are left out; members it adds come after the
 * original ones, as jansson orders them. An object value inside a lazy
 * object is itself lazy when parsed (one under 256 bytes is parsed whole:
 * cheaper), and so are the objects in an array value; scalars are what
 * jansson would make.
 *
 * The text travels inside the object (a hidden member whose key starts
 * with a NUL byte, which JSON text cannot produce; a nested object holds
 * a reference to its outermost object's text instead of a copy), so it
 * lives exactly as long as the object, copies with it, and costs nothing
 * to free. Any
 * jansson call that would see the hidden member (iteration, size, dumps,
 * equality, unpacking, updates) first turns the object into a plain one
 * holding every member in the original order.
 *
 * Reading a lazy object changes it (the member parsed is stored), so one
 * lazy object must not be read from two threads at once; the parser keeps
 * scratch buffers between calls and is for one thread (lq's stages read
 * records in their main thread).
 */

/* Checks that s[0..n) is one JSON object as jansson would accept it
 * (flags JSON_ALLOW_NUL, no duplicate check; whitespace around it
 * allowed) and returns it as a new lazy object, or NULL when the text is
 * anything else or when the scanner is unsure (a number jansson might
 * call too big, nesting near jansson's depth limit, a key with \u0000, a
 * text over 4 GB): the caller then parses it with jansson, which gives
 * the same result and jansson's own error message. Never accepts what
 * jansson rejects. */
json_t *lq_lazy_parse(const char *s, size_t n);

/* For tests: with on, lq_lazy_parse checks values with the recursive
 * reference scanner instead of the fast one (both take the same texts). */
void lq_lazy_reference(int on);

/* For tests: the number at s[0..n) read by the scanner's fast path for a
 * vector's numbers and by its general path: the length each read (-1
 * when it does not take it) and the double it gave. */
void lq_lazy_number_paths(const char *s, size_t n, long *fast_len, double *fast, long *len, double *v);

/* 1 if o is a lazy object that still has members not yet parsed or a
 * hidden member, else 0. */
int lq_lazy_is(const json_t *o);

/* Without parsing anything: if o has key as a parsed (or set) member,
 * returns it (borrowed) and sets *raw to NULL; else if o is lazy and key
 * is an unparsed member, returns NULL and points *raw, *rawlen at its
 * text; else returns NULL with *raw NULL. */
json_t *lq_lazy_peek(const json_t *o, const char *key, const char **raw, size_t *rawlen);

/* Asks the scanner to keep the floats of the top-level member key when
 * its value is an array of numbers, or a string of padded base64 whose
 * bytes are a whole number of little-endian float32 (embed --vectors
 * base64; on a little-endian host), read in the same pass that checks
 * them (one key at a time; a stage that reads its embedding calls this
 * before lq_lazy_floats, so records after the first cost one pass). */
void lq_lazy_want_floats(const char *key);

/* The floats of o's member key, kept by the scanner as lq_json_floats
 * would give them (every element a number: no bad index), or as the
 * base64 string's float32 (the member's text starts with '"'), if o is a
 * top-level lazy object read while key was the wanted one and the member
 * has not been read, set or deleted since; else NULL. The floats live in
 * o (beside its index) and go with it. */
const float *lq_lazy_floats(const json_t *o, const char *key, size_t *n);

/* A new lazy object of the text lazy object o came from, every member
 * unread (the text is shared, not copied), or NULL when o is not lazy.
 * For a caller that keeps an object it only read (through const
 * pointers): written, the copy is the text as it came, with no
 * comparison of what was read. Whatever was set, deleted or changed in o
 * is not in the copy. */
json_t *lq_lazy_pristine(const json_t *o);

/* Turns o (and, with deep, every lazy object inside it) into a plain
 * jansson object in the original member order. */
void lq_lazy_materialize(json_t *o, int deep);

/* Appends lazy object o as compact JSON (see the top of this file),
 * leaving out the members named in omit (NULL-terminated, or NULL);
 * returns 0, or -1 when o is not lazy (the caller dumps it). Values go
 * through lq_json_dump. */
int lq_lazy_dump(struct lq_buf *b, const json_t *o, const char *const *omit);

/* Parses the JSON array in s[0..n) (the text of one value, whitespace
 * allowed) into out[0..cap): each number the float that (float)strtod of
 * its text gives, by an exact fast path when the decimal has at most 19
 * significant digits and a small exponent, else strtod itself; an
 * element that is not a number gives 0, and *bad is the index of the
 * first such (else SIZE_MAX). Returns the number of elements (which may
 * exceed cap: only cap are stored), or -1 if s is not a JSON array. */
long lq_json_floats(const char *s, size_t n, float *out, size_t cap, size_t *bad);

#endif
