/* savedpage.h: a saved page as browsers write it (MHTML, Safari web archive, UTF-16/32) to UTF-8. */
#ifndef LQ_SAVEDPAGE_H
#define LQ_SAVEDPAGE_H

#include <stddef.h>

#include "util.h"

/* The wrapper a page came in. */
enum lq_saved_container {
	LQ_SAVED_PLAIN = 0,	/* the bytes are the page */
	LQ_SAVED_MHTML,		/* "Webpage, Single File" (.mhtml/.mht): MIME multipart */
	LQ_SAVED_WEBARCHIVE	/* Safari "Web Archive" (.webarchive): a binary plist */
};

/* What lq_saved_decode found. Strings are NUL-terminated, "" if unknown. */
struct lq_saved {
	enum lq_saved_container container;
	char transfer[24];	/* MHTML part: "quoted-printable", "base64", "8bit", ... */
	char encoding[16];	/* text encoding decoded from: "UTF-16LE", "UTF-32BE", ...; "" UTF-8 */
	int bom;		/* the text began with a byte order mark */
	char url[512];		/* the page's address as the container gives it */
	char err[160];		/* why no page could be read from the container */
};

/* Longest input read (bytes): MHTML and web archive parts and UTF-16/32
 * text are decoded to a copy, so memory is about twice the input. */
#define LQ_SAVED_MAX ((size_t)1 << 31)

/* Reads buf[0..n): an MHTML file gives its main HTML part (the part at the
 * snapshot's address, else the first text/html part) decoded from
 * quoted-printable or base64; a Safari web archive its main resource;
 * then text in UTF-16 or UTF-32 (with a byte order mark, or without one
 * when the pattern of zero bytes shows it) becomes UTF-8, unpaired
 * surrogates and invalid code points as U+FFFD. Fills *info (zeroed
 * first). Returns 1 with the decoded page in out (reset first), 0 when
 * buf is to be used as it is (out untouched), or -1 when buf is such a
 * container but holds no readable page (info->err says why). */
int lq_saved_decode(const char *buf, size_t n, struct lq_buf *out, struct lq_saved *info);

/* Names the binary format buf[0..n) starts with when it is one a saved
 * page is often confused with: "a PDF document", "a ZIP archive", an
 * image...; NULL otherwise. */
const char *lq_saved_binary_kind(const char *buf, size_t n);

/* A short English name of what info describes, for messages: "MHTML
 * single-file page (quoted-printable HTML)", "UTF-16LE text (with byte
 * order mark)", ...; "" for a plain UTF-8 page. Writes into buf (cap
 * bytes) and returns it. */
const char *lq_saved_describe(const struct lq_saved *info, char *buf, size_t cap);

#endif
