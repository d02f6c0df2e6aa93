# batch.mk: make-driven reruns of the lq pipeline, one directory per client and batch.
#
#   make -f pipelines/batch.mk CLIENT=acme [BATCH=2026-11] [CLIENTS=clients] [ENVFILE=.env]
#
# Layout:
#   $(CLIENTS)/acme/icp.json              the client's ICP
#   $(CLIENTS)/acme/lq.conf               stage settings (pipelines/lq.conf.example)
#   $(CLIENTS)/acme/BATCH/followers.html  one followers export per batch
# BATCH defaults to the last batch directory in name order (date names sort).
# Each stage writes BATCH/N-stage.ndjson through a temp file renamed on
# success; .DELETE_ON_ERROR removes a half-written target. What reruns:
#   - ICP changed: score, rerank, to-csv only;
#   - new followers.html: every stage, but scrape, embed and classify find
#     the people they already did in the cache, so only new people cost;
#   - a stage killed or failed: make resumes from that stage, and the cache
#     holds what it finished.
# BATCH/leads.csv is the spreadsheet for the client, BATCH/review.html the
# page to review the leads. When to-csv left failed leads out of the
# spreadsheet (its exit 5) the file is kept, its message is kept in
# BATCH/leads.left-out, and every run ends in an error that says so until
# the leads are fixed or `to-csv = --exclude-failed` in lq.conf accepts it.

# Where this file is, taken before any include changes MAKEFILE_LIST.
HERE := $(dir $(lastword $(MAKEFILE_LIST)))

CLIENTS = clients
CLIENT =
ifeq ($(CLIENT),)
$(error set CLIENT, e.g. make -f pipelines/batch.mk CLIENT=acme)
endif
C := $(CLIENTS)/$(CLIENT)
BATCH = $(lastword $(sort $(patsubst $(C)/%/followers.html,%,$(wildcard $(C)/*/followers.html))))
ifeq ($(BATCH),)
$(error no batch: put an export at $(C)/BATCH/followers.html)
endif
D := $(C)/$(BATCH)
ICP = $(C)/icp.json
CONF = $(C)/lq.conf

# Stage settings: the config file is in make's syntax (NAME = args).
-include $(CONF)

# Programs: this source tree's when run from it, else `lq` on PATH.
LQ = $(if $(wildcard $(HERE)../bin/lq),$(HERE)../bin/lq,lq)

# Keys from ENVFILE (KEY=VALUE lines, default $(C)/.env when present), read
# by pipelines/with-env.sh at run time (parsed, never run as shell code),
# so keys are never echoed by make. (Not ENV: sh reads that variable itself.)
ENVFILE = $(wildcard $(C)/.env)
ENVLOAD = $(if $(ENVFILE),$(HERE)with-env.sh $(abspath $(ENVFILE)))

.DELETE_ON_ERROR:
.PHONY: all left-out
all: $(D)/leads.csv $(D)/review.html left-out

# run NAME, extra args: $(LQ) NAME < first prerequisite > target, via a
# temp file renamed on success (a target present is a target complete).
run = $(ENVLOAD) $(LQ) $(1) $($(1)) $(2) < $< > $@.tmp && mv $@.tmp $@

# Every stage depends on the config: a changed setting reruns the stages,
# and the cache makes the ones whose settings did not change free.
CONFDEP := $(wildcard $(CONF))

$(D)/1-leads.ndjson: $(D)/followers.html $(CONFDEP)
	$(call run,extract-urls)
$(D)/2-enriched.ndjson: $(D)/1-leads.ndjson $(CONFDEP)
	$(call run,scrape)
$(D)/3-embedded.ndjson: $(D)/2-enriched.ndjson $(CONFDEP)
	$(call run,embed)
$(D)/4-classified.ndjson: $(D)/3-embedded.ndjson $(CONFDEP)
	$(call run,classify)
$(D)/5-scored.ndjson: $(D)/4-classified.ndjson $(ICP) $(CONFDEP)
	$(call run,score,$(ICP))
$(D)/6-reranked.ndjson: $(D)/5-scored.ndjson $(ICP) $(CONFDEP)
	$(call run,rerank,$(ICP))
$(D)/leads.csv: $(D)/6-reranked.ndjson $(CONFDEP)
	@rm -f $(D)/leads.left-out
	$(ENVLOAD) $(LQ) to-csv $(to-csv) < $< > $@.tmp 2> $@.err; st=$$?; cat $@.err >&2; \
	if [ $$st -eq 5 ]; then mv $@.err $(D)/leads.left-out; st=0; else rm -f $@.err; fi; \
	if [ $$st -eq 0 ]; then mv $@.tmp $@; else rm -f $@.tmp; exit $$st; fi
$(D)/review.html: $(D)/6-reranked.ndjson $(ICP) $(CONFDEP)
	$(call run,review,$(ICP))

# The spreadsheet never shrinks silently: failed leads left out fail the run.
left-out: $(D)/leads.csv
	@if [ -e $(D)/leads.left-out ]; then \
		echo "batch.mk: $(D)/leads.csv leaves out failed leads (to-csv exit 5):" >&2; \
		sed 's/^/  /' $(D)/leads.left-out >&2; \
		echo "batch.mk: list them with jq -c 'select(.status == \"failed\") | {id, error}' $(D)/6-reranked.ndjson;" >&2; \
		echo "batch.mk: fix and rerun, or accept with 'to-csv = --exclude-failed' in $(CONF)" >&2; \
		exit 5; \
	fi
