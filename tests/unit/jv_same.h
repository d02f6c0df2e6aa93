/* jv_same.h: the profile view's node against jansson's value, for
 * tests/unit/test_jview.c and tests/fuzz/fuzz_profile.c. Included once
 * per program, after jansson.h and jview.h. */
#ifndef LQ_JV_SAME_H
#define LQ_JV_SAME_H

/* 1 if node n of v is the value j as jansson read it. */
static int
same_value(struct lq_jv *v, const struct lq_jv_node *n, const json_t *j)
{
	const char *k, *s;
	const json_t *x;
	size_t i, len;

	if (n == NULL || j == NULL)
		return n == NULL && j == NULL;
	switch (json_typeof(j)) {
	case JSON_NULL: return n->type == LQ_JV_NULL;
	case JSON_TRUE: return n->type == LQ_JV_TRUE;
	case JSON_FALSE: return n->type == LQ_JV_FALSE;
	case JSON_REAL: return n->type == LQ_JV_REAL;
	case JSON_INTEGER: return n->type == LQ_JV_INT && n->u.i == json_integer_value(j);
	case JSON_STRING:
		s = lq_jv_str(v, n, &len);
		return s && len == json_string_length(j) && memcmp(s, json_string_value(j), len) == 0 &&
		    s[len] == '\0';
	case JSON_ARRAY:
		if (n->type != LQ_JV_ARR || lq_jv_size(v, n) != json_array_size(j) ||
		    lq_jv_at(v, n, json_array_size(j)) != NULL)
			return 0;
		json_array_foreach(j, i, x)
			if (!same_value(v, lq_jv_at(v, n, i), x))
				return 0;
		return 1;
	case JSON_OBJECT:
		if (n->type != LQ_JV_OBJ || (lq_jv_size(v, n) == 0) != (json_object_size(j) == 0) ||
		    (lq_jv_getn(v, n, "no such key", 11) == NULL) != (json_object_get(j, "no such key") == NULL))
			return 0;
		json_object_foreach((json_t *)j, k, x)
			if (!same_value(v, lq_jv_getn(v, n, k, strlen(k)), x))
				return 0;
		return 1;
	}
	return 0;
}

#endif
