# Makefile: build, test, benchmark, demo and install lq.
#
#   make              build every program into bin/
#   make check        every test: default build, ASan+UBSan build, short fuzz runs
#   make bench        benchmarks against named baselines (ratios)
#   make demo         the demo pipeline on the embedded defaults
#   make install      filters (and fetch-model.sh) into $(PREFIX)/libexec/lq, `lq`
#                     into $(PREFIX)/bin, man pages, bash completion, pipelines/,
#                     the JSON Schemas and a copy of the built-in vocabularies
#                     into $(PREFIX)/share/lq
#
#   make deps         install the Debian packages lq needs (as root, apt-get)
#
# A plain `make` never installs anything: a missing package stops it with
# the exact apt-get command. `make deps`, and the README's two commands
# (`make demo`, `make check`) and `make bench`, install what is missing
# when run as root on Debian (.ci/deps.sh).

VERSION = 0.1.0

.DEFAULT_GOAL := all

PREFIX = /usr/local
BINDIR = $(PREFIX)/bin
LIBEXECDIR = $(PREFIX)/libexec/lq
MANDIR = $(PREFIX)/share/man
DATADIR = $(PREFIX)/share/lq
BASHCOMPDIR = $(PREFIX)/share/bash-completion/completions
DESTDIR =

CC = cc
CFLAGS = -O2 -g
LDFLAGS =
WARN = -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Wmissing-prototypes -Wvla
LQ_CPPFLAGS = -D_GNU_SOURCE -DLQ_VERSION='"$(VERSION)"' -Icommon

# Build variant: objects go to $(O), programs to $(B).
V = default
O = .build/$(V)
B = bin

# The ASan+UBSan build also takes the portable scalar paths (LQ_NO_SIMD), so
# the suite runs them as well as the SSE2 ones the default build takes.
ASAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all -DLQ_NO_SIMD
FUZZ_CC = clang
FUZZ_FLAGS = -O1 -g -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
FUZZ_SECONDS = 10

# Debian packages: to build, to test, to benchmark.
DEB_BUILD = build-essential pkg-config libjansson-dev libcurl4-openssl-dev libgumbo-dev \
	libcsv-dev libopenblas-dev libutf8proc-dev libssl-dev libmicrohttpd-dev
DEB_CHECK = clang libclang-rt-14-dev python3 python3-pip python3-venv python3-jsonschema jq parallel \
	chromium chromium-driver python3-selenium
DEB_BENCH = python3-bs4 python3-lxml python3-numpy jq time curl

# pkg-config modules whose flags .build/config.mk records.
PKGS = jansson libcurl gumbo openblas libutf8proc libcrypto libmicrohttpd

# Programs, and what each one links (pkg-config modules, then other libraries).
PROGS = lq extract-urls to-csv cache eval scrape embed classify score rerank calls icp-extract review feedback icp model
lq_PKGS =
extract-urls_PKGS = gumbo jansson
extract-urls_LIBS = -lcsv -lpthread
to-csv_PKGS = jansson libcrypto libutf8proc
to-csv_LIBS = -lcsv
cache_PKGS = jansson libcurl libcrypto
scrape_PKGS = jansson libcurl libcrypto
embed_PKGS = jansson libcurl libcrypto openblas libutf8proc
embed_LIBS = -lpthread
classify_PKGS = jansson libcurl libcrypto openblas libutf8proc
classify_LIBS = -lpthread
score_PKGS = jansson libcurl libcrypto openblas libutf8proc
score_LIBS = -lpthread
rerank_PKGS = jansson libcurl libcrypto openblas libutf8proc
rerank_LIBS = -lpthread
eval_PKGS = jansson
calls_PKGS = jansson libcurl libcrypto libutf8proc
icp-extract_PKGS = jansson libcurl libcrypto openblas libutf8proc
icp-extract_LIBS = -lpthread
review_PKGS = jansson libcrypto libutf8proc libmicrohttpd
review_LIBS = -lpthread
feedback_PKGS = jansson libcurl libcrypto libutf8proc
feedback_LIBS = -lcsv
icp_PKGS = jansson libcrypto libutf8proc
model_PKGS = jansson libcrypto openblas libutf8proc
model_LIBS = -lpthread

# The common library, by concern.
COMMON = base64 diag jalloc lazy jview ndjson opts record run stop util need spend \
	cache sha256 http redact retry chat \
	followers people cards htmlsplit savedpage pagekind liurl \
	csvout fieldpath explain \
	profile dataset \
	encoder safetensors tokenizer embedder leadtext labelset \
	icp match rerank \
	labels metrics \
	transcript icplex \
	feedback calib vocab sizes
COMMON_HDRS = $(wildcard common/*.h)

# Unit tests (tests/unit/test_NAME.c) link the common library and every module.
UNITS = $(patsubst tests/unit/%.c,%,$(wildcard tests/unit/test_*.c))
# Benchmark programs (tests/bench/bench_NAME.c), run by tests/bench/NAME.sh.
BENCHES = $(patsubst tests/bench/%.c,%,$(wildcard tests/bench/bench_*.c))
# Fuzz targets (tests/fuzz/fuzz_NAME.c), built with clang's libFuzzer.
FUZZERS = $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))

ALL_CFLAGS = $(LQ_CPPFLAGS) $(PKG_CFLAGS) $(WARN) $(CFLAGS)

# Lazy records (common/lazy.h): the jansson calls that read an object go
# through common/lazy.c, which parses a record's members on first use.
# Every link line passes these; a binary linked without them fails to
# link (undefined __real_json_*), never silently.
LQ_WRAP = json_object_get json_object_getn json_object_del json_object_deln \
	json_object_size json_object_iter json_object_iter_at json_object_update \
	json_object_update_existing json_object_update_missing json_object_update_recursive \
	json_equal json_dumps json_dumpb json_dumpf json_dumpfd json_dump_file \
	json_dump_callback json_unpack json_unpack_ex json_vunpack_ex json_copy json_deep_copy
comma = ,
LQ_LDFLAGS = $(foreach f,$(LQ_WRAP),-Wl$(comma)--wrap=$(f))
LIBCOMMON = $(O)/libcommon.a

# -------------------------------------------------------------------------
ifeq ($(filter clean distclean,$(MAKECMDGOALS)),)
include .build/config.mk
endif

PKG_CFLAGS = $(foreach p,$(PKGS),$(CFLAGS_$(p)))
ALL_PKG_LIBS = $(foreach p,$(PKGS),$(LIBS_$(p))) -lcsv

# Goals that may install packages (as root); any other goal only checks.
DEPS_INSTALL = $(if $(filter deps check demo bench,$(MAKECMDGOALS)),--install)

.build/config.mk: Makefile .ci/deps.sh
	@mkdir -p .build
	@sh .ci/deps.sh $(DEPS_INSTALL) $(DEB_BUILD)
	@for p in $(PKGS); do \
		pkg-config --exists $$p || { echo "lq: pkg-config cannot find $$p (see docs/install.md;" \
			"on macOS set PKG_CONFIG_PATH)" >&2; exit 1; }; \
		echo "CFLAGS_$$p = $$(pkg-config --cflags $$p)"; \
		echo "LIBS_$$p = $$(pkg-config --libs $$p)"; \
	done > $@.tmp && mv $@.tmp $@

.PHONY: all programs units fuzzers check bench demo install uninstall clean deps deps-check deps-bench model
.DELETE_ON_ERROR:
.SECONDARY:

all: programs

programs: $(addprefix $(B)/,$(PROGS))

units: $(addprefix $(O)/tests/unit/,$(UNITS))

$(O)/common/%.o: common/%.c $(COMMON_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/src/%.o: src/%.c $(COMMON_HDRS)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(O)/tests/%.o: tests/%.c $(COMMON_HDRS) $(wildcard tests/unit/*.h)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

# review's page script and style (src/review.js, .css) as C strings.
$(O)/gen/review-assets.h: src/review.js src/review.css
	@mkdir -p $(@D)
	@for f in js css; do \
		echo "static const char review_$$f[] ="; \
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' src/review.$$f; \
		echo ";"; \
	done > $@.tmp && mv $@.tmp $@
$(O)/src/review.o: $(O)/gen/review-assets.h
$(O)/src/review.o: LQ_CPPFLAGS += -I$(O)/gen

# The vocabularies (common/vocab/*.vocab) compiled in, so an installed lq
# needs no data files (docs/vocabulary.md).
VOCAB_FILES = $(sort $(wildcard common/vocab/*.vocab))
$(O)/gen/vocab-data.c: $(VOCAB_FILES) Makefile
	@mkdir -p $(@D)
	@{ echo '/* generated from the files in common/vocab by the Makefile: do not edit */'; \
	echo '#include "vocab.h"'; n=0; \
	for f in $(VOCAB_FILES); do \
		echo "static const char vocab_$$n[] = \"\""; \
		sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/?/\\?/g' -e 's/^/"/' -e 's/$$/\\n"/' "$$f"; \
		echo ";"; n=$$((n + 1)); \
	done; \
	echo 'const struct lq_vocab_file lq_vocab_builtin[] = {'; n=0; \
	for f in $(VOCAB_FILES); do \
		echo "	{ \"$${f##*/}\", vocab_$$n, sizeof vocab_$$n - 1 },"; n=$$((n + 1)); \
	done; \
	echo '	{ 0, 0, 0 }'; echo '};'; } > $@.tmp && mv $@.tmp $@
$(O)/gen/vocab-data.o: $(O)/gen/vocab-data.c common/vocab.h
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBCOMMON): $(patsubst %,$(O)/common/%.o,$(COMMON)) $(O)/gen/vocab-data.o
	@rm -f $@
	ar rcs $@ $^

$(B)/%: $(O)/src/%.o $(LIBCOMMON)
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) $(LQ_LDFLAGS) -o $@ $< $(LIBCOMMON) \
		$(foreach p,$($*_PKGS),$(LIBS_$(p))) $($*_LIBS) -lm

$(O)/tests/unit/%: $(O)/tests/unit/%.o $(LIBCOMMON)
	$(CC) $(CFLAGS) $(LDFLAGS) $(LQ_LDFLAGS) -o $@ $< $(LIBCOMMON) $(ALL_PKG_LIBS) -lm -lpthread

# Benchmark drivers (tests/bench/bench_NAME.c), built by the scripts that use them.
$(O)/tests/bench/%: $(O)/tests/bench/%.o $(LIBCOMMON)
	$(CC) $(CFLAGS) $(LDFLAGS) $(LQ_LDFLAGS) -o $@ $< $(LIBCOMMON) $(ALL_PKG_LIBS) -lm -lpthread

# Fuzzers: the common library rebuilt with clang and sanitizers.
fuzzers:
	@$(MAKE) --no-print-directory V=fuzz CC=$(FUZZ_CC) CFLAGS="$(FUZZ_FLAGS)" \
		$(addprefix .build/fuzz/tests/fuzz/,$(FUZZERS))

.build/fuzz/tests/fuzz/%: .build/fuzz/tests/fuzz/%.o $(LIBCOMMON)
	$(CC) $(CFLAGS) $(LQ_LDFLAGS) -fsanitize=fuzzer -o $@ $< $(LIBCOMMON) $(ALL_PKG_LIBS) -lm -lpthread

# -------------------------------------------------------------------------
# The local encoder's weights (all-MiniLM-L6-v2), checked against pinned
# SHA-256 sums, into $LQ_MODEL_DIR or the lq cache; offline once present.
model:
	@sh common/fetch-model.sh

deps:
	@sh .ci/deps.sh --install $(DEB_BUILD) $(DEB_CHECK) $(DEB_BENCH)

deps-check:
	@sh .ci/deps.sh $(DEPS_INSTALL) $(DEB_CHECK)

deps-bench:
	@sh .ci/deps.sh $(DEPS_INSTALL) $(DEB_BENCH)

# Every test: the default build, the ASan+UBSan build, short fuzz runs.
# The runner ends with "N passed, N failed".
check: deps-check model programs units
	@$(MAKE) --no-print-directory V=asan B=.build/asan/bin CFLAGS="$(ASAN_FLAGS)" programs units
	@$(MAKE) --no-print-directory fuzzers
	@LQ_FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/run.sh \
		default:bin:.build/default asan:.build/asan/bin:.build/asan

bench: deps-bench model programs $(addprefix $(O)/tests/bench/,$(BENCHES))
	@sh tests/bench/run.sh

demo: programs model
	@sh pipelines/demo/run.sh

# What install puts where (uninstall removes exactly these).
PIPELINES = qualify.sh budget.sh batch.mk parallel.sh hadoop-mapper.sh hadoop-local.sh spark-pipe.py lq.conf.example with-env.sh
MAN1 = $(wildcard docs/man/*.1)
SCHEMAS = $(wildcard docs/schema/*.json)

install: programs
	mkdir -p $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(DATADIR)/pipelines $(DESTDIR)$(DATADIR)/vocab $(DESTDIR)$(DATADIR)/schema $(DESTDIR)$(BASHCOMPDIR)
	for p in $(filter-out lq,$(PROGS)); do cp bin/$$p $(DESTDIR)$(LIBEXECDIR)/$$p || exit 1; done
	cp common/fetch-model.sh $(DESTDIR)$(LIBEXECDIR)/fetch-model.sh
	cp bin/lq $(DESTDIR)$(BINDIR)/lq
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp $(addprefix pipelines/,$(PIPELINES)) $(DESTDIR)$(DATADIR)/pipelines/
	cp $(VOCAB_FILES) $(DESTDIR)$(DATADIR)/vocab/
	cp $(SCHEMAS) $(DESTDIR)$(DATADIR)/schema/
	cp src/lq.bash $(DESTDIR)$(BASHCOMPDIR)/lq

uninstall:
	rm -f $(addprefix $(DESTDIR)$(LIBEXECDIR)/,$(filter-out lq,$(PROGS)) fetch-model.sh)
	rm -f $(DESTDIR)$(BINDIR)/lq $(DESTDIR)$(BASHCOMPDIR)/lq
	rm -f $(addprefix $(DESTDIR)$(MANDIR)/man1/,$(notdir $(MAN1)))
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/pipelines/,$(PIPELINES))
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/vocab/,$(notdir $(VOCAB_FILES)))
	rm -f $(addprefix $(DESTDIR)$(DATADIR)/schema/,$(notdir $(SCHEMAS)))
	-rmdir $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(DATADIR)/pipelines $(DESTDIR)$(DATADIR)/vocab $(DESTDIR)$(DATADIR)/schema \
		$(DESTDIR)$(DATADIR) 2>/dev/null

clean:
	rm -rf .build/default .build/asan .build/fuzz bin

distclean: clean
	rm -rf .build
