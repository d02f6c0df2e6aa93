/* dataset.h: JSON items one after another (an array, JSON lines, pretty objects back to back), streamed. */
#ifndef LQ_DATASET_H
#define LQ_DATASET_H

#include <stdio.h>

#include <jansson.h>

/* Largest item read, in bytes; a larger one is reported and skipped. */
#define LQ_DATASET_MAX_ITEM (16u << 20)

/* Reads an Apify dataset export or any file of JSON objects: a JSON
 * array of items, or items one after another (JSONL, or pretty-printed
 * objects back to back). Items are parsed one at a time, so memory holds
 * one item, not the file. fn is called for each item that is a JSON
 * object with its starting line; it returns 0 to go on, anything else to
 * stop. An item that is malformed or not an object is reported
 * ("name:line: ...") and skipped; an item larger than LQ_DATASET_MAX_ITEM
 * bytes likewise. Returns the number of items passed to fn, or -1 after a
 * message when the file is not a dataset at all or ends inside the array
 * (items before that were still passed on). *bad (if not NULL) gets the
 * number skipped. */
long lq_dataset_read(FILE *fp, const char *name,
    int (*fn)(json_t *item, unsigned long line, void *arg), void *arg, long *bad);

#endif
