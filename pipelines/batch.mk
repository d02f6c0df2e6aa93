# batch.mk: make-driven reruns of the lq pipeline, one directory per client and batch.
#
#   make -f pipelines/batch.mk CLIENT=acme [BATCH=2026-11] [CLIENTS=clients] [ENV=.env]
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
HERE := $(dir $(lastword $(MAKEFILE_LIST)))
LQ = $(if $(wildcard $(HERE)../bin/lq),$(HERE)../bin/lq,lq)

# Keys from ENV (a .env file of KEY=VALUE lines), read by the shell at run time.
ENV =
ENVLOAD = $(if $(ENV),set -a && . $(abspath $(ENV)) && set +a &&)

.DELETE_ON_ERROR:
.PHONY: all
all: $(D)/leads.csv

# run NAME, extra args: $(LQ) NAME < first prerequisite > target, via a temp file.
run = $(ENVLOAD) $(LQ) $(1) $($(1)) $(2) < $< > $@.tmp && mv $@.tmp $@

$(D)/1-leads.ndjson: $(D)/followers.html
	$(call run,extract-urls)
$(D)/2-enriched.ndjson: $(D)/1-leads.ndjson $(wildcard $(CONF))
	$(call run,scrape)
$(D)/3-embedded.ndjson: $(D)/2-enriched.ndjson
	$(call run,embed)
$(D)/4-classified.ndjson: $(D)/3-embedded.ndjson
	$(call run,classify)
$(D)/5-scored.ndjson: $(D)/4-classified.ndjson $(ICP)
	$(call run,score,$(ICP))
$(D)/6-reranked.ndjson: $(D)/5-scored.ndjson $(ICP)
	$(call run,rerank,$(ICP))
$(D)/leads.csv: $(D)/6-reranked.ndjson
	$(call run,to-csv)
