/* t.h: a tiny TAP-style harness for the C unit tests. */
#ifndef LQ_T_H
#define LQ_T_H

#include <stdio.h>
#include <string.h>

static int t_n, t_failed, t_case_failed;
static const char *t_case;

/* Starts a test case; ends the previous one with "ok N - name" or "not ok". */
static void
t_end(void)
{
	if (t_case == NULL)
		return;
	printf("%s %d - %s\n", t_case_failed ? "not ok" : "ok", ++t_n, t_case);
	t_failed += t_case_failed != 0;
	t_case = NULL;
}

static void
t_begin(const char *name)
{
	t_end();
	t_case = name;
	t_case_failed = 0;
}

#define CHECK(cond) do { if (!(cond)) { t_case_failed = 1; \
	printf("#   %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); } } while (0)
#define CHECK_STR(a, b) do { const char *a_ = (a), *b_ = (b); \
	if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) { t_case_failed = 1; \
	printf("#   %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); } } while (0)
#define CHECK_INT(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { t_case_failed = 1; \
	printf("#   %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__, #a, a_, b_); } } while (0)

/* Ends the last case; returns the exit status for main. */
static int
t_done(void)
{
	t_end();
	return t_failed != 0;
}

#endif
