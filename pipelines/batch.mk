# batch.mk: make-driven reruns of the lq pipeline, one directory per client and batch.
#
#   make -f pipelines/batch.mk CLIENT=acme [BATCH=2026-11] [CLIENTS=clients] [ENVFILE=.env] [BUDGET=USD]
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
# page to review the leads.
# BUDGET=USD: before each paid stage that runs (scrape, embed, classify,
# rerank), its --dry-run estimate is added up (pipelines/budget.sh, the
# total of this make run in BATCH/budget.spent); make stops before a stage
# that would take it over USD (exit 4). What was paid is cached, so a
# rerun with a larger BUDGET is charged only for the rest.
#
# Feedback (docs/feedback.md): the client's judgments accumulate in
# $(CLIENTS)/acme/feedback.ndjson across batches.
#   make ... serve      review this batch's leads at a local URL, every judgment logged
#   make ... delivered  record the leads of leads.csv as delivered (implied good), once
#   make ... learn      fit calibration.json from the judgments, then rescore with it
#   make ... unlearn    remove calibration.json: the next run scores untuned again
#   make ... stats      the judgments per ICP, and whether there are enough to learn from
# Once calibration.json exists, every run scores with it, and new
# judgments refit it first (feedback fit on every batch's leads, scored
# against the current ICP: feedback-scored.ndjson); too few judgments
# stop the run with feedback fit's exit 6 and say so. `delivered` records
# leads.csv as it is (it never rebuilds it first: what was sent is what
# counts). When to-csv left failed leads out of the
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

FEEDBACK = $(C)/feedback.ndjson
CALIBRATION = $(C)/calibration.json
# Score with the calibration when it exists or `learn` asks for it.
CALDEP := $(if $(filter learn,$(MAKECMDGOALS))$(wildcard $(CALIBRATION)),$(CALIBRATION))

.DELETE_ON_ERROR:
.PHONY: all left-out serve delivered learn unlearn stats budget-start
all: $(D)/leads.csv $(D)/review.html left-out

# BUDGET: the stages' order-only prerequisite starts this run's total at 0
# once, before the first stage that runs.
BUDGET =
budget-start:
	@$(if $(BUDGET),echo 0 > $(D)/budget.spent,:)
# guard NAME, extra args: with BUDGET, the stage's --dry-run estimate must fit.
guard = $(if $(BUDGET),sh $(HERE)budget.sh $(D)/budget.spent $(BUDGET) $(1) $< $(ENVLOAD) $(LQ) $(1) $($(1)) --dry-run $(2) &&)

# run NAME, extra args: $(LQ) NAME < first prerequisite > target, via a
# temp file renamed on success (a target present is a target complete).
# After extract-urls, the records in the input are the progress total
# (LQ_PROGRESS_TOTAL: a percentage and an ETA on the progress line).
total = $(if $(filter-out extract-urls,$(1)),LQ_PROGRESS_TOTAL=$$(grep -c . $< || :))
run = $(call guard,$(1),$(2)) $(call total,$(1)) $(ENVLOAD) $(LQ) $(1) $($(1)) $(2) < $< > $@.tmp && mv $@.tmp $@

# Every stage depends on the config: a changed setting reruns the stages,
# and the cache makes the ones whose settings did not change free.
CONFDEP := $(wildcard $(CONF))

$(D)/1-leads.ndjson: $(D)/followers.html $(CONFDEP)
	$(call run,extract-urls)
$(D)/2-enriched.ndjson: $(D)/1-leads.ndjson $(CONFDEP) | budget-start
	$(call run,scrape)
$(D)/3-embedded.ndjson: $(D)/2-enriched.ndjson $(CONFDEP) | budget-start
	$(call run,embed)
$(D)/4-classified.ndjson: $(D)/3-embedded.ndjson $(CONFDEP) | budget-start
	$(call run,classify)
$(D)/5-scored.ndjson: $(D)/4-classified.ndjson $(ICP) $(CONFDEP) $(CALDEP)
	$(call run,score,$(if $(CALDEP),--calibration $(CALIBRATION)) $(ICP))
$(D)/6-reranked.ndjson: $(D)/5-scored.ndjson $(ICP) $(CONFDEP) | budget-start
	$(call run,rerank,$(ICP))
# to-csv's stderr is kept for leads.left-out: no progress line in it.
$(D)/leads.csv: $(D)/6-reranked.ndjson $(CONFDEP)
	@rm -f $(D)/leads.left-out
	$(ENVLOAD) env LQ_PROGRESS=0 $(LQ) to-csv $(to-csv) < $< > $@.tmp 2> $@.err; st=$$?; cat $@.err >&2; \
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

# ---- feedback -----------------------------------------------------------

# Every batch's leads (the last batch's record of a person wins), scored
# against the current ICP without calibration: what the fit reads.
CLASSIFIED = $(sort $(wildcard $(C)/*/4-classified.ndjson) $(D)/4-classified.ndjson)
$(C)/feedback-scored.ndjson: $(CLASSIFIED) $(ICP) $(CONFDEP)
	cat $(CLASSIFIED) | $(ENVLOAD) $(LQ) score $(score) $(ICP) > $@.tmp && mv $@.tmp $@

# feedback-fit = options in lq.conf (e.g. --explicit-only); -o writes
# the calibration only when the fit succeeds.
$(CALIBRATION): $(FEEDBACK) $(C)/feedback-scored.ndjson
	$(LQ) feedback fit $(feedback-fit) -f $(FEEDBACK) -o $@ $(ICP) < $(C)/feedback-scored.ndjson

$(FEEDBACK):
	@echo "batch.mk: no judgments yet: review the leads (make -f pipelines/batch.mk CLIENT=$(CLIENT) serve) or record a delivery (... delivered)" >&2
	@exit 6

learn: all

# The page served on 127.0.0.1 (review --serve prints its URL); Ctrl-C stops it.
serve: $(D)/6-reranked.ndjson
	$(LQ) review --serve $(review) -f $(FEEDBACK) $(ICP) < $<

# The spreadsheet as delivered, not rebuilt: its leads recorded as implied
# good (feedback delivered records a lead once per ICP).
delivered:
	@test -e $(D)/leads.csv || { echo "batch.mk: no $(D)/leads.csv to record: run make first" >&2; exit 2; }
	$(LQ) feedback delivered -f $(FEEDBACK) $(ICP) $(D)/leads.csv < $(D)/6-reranked.ndjson

# Back to the untuned score: the calibration goes, and so does the batch's
# calibrated score (make cannot see a prerequisite disappear).
unlearn:
	rm -f $(CALIBRATION) $(D)/5-scored.ndjson

stats:
	$(LQ) feedback stats -f $(FEEDBACK)
