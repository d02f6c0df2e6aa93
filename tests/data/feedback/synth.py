#!/usr/bin/env python3
"""synth.py: scored records and a reviewer's feedback log with a known, learnable preference.

usage: synth.py N ICP_HASH RECORDS.ndjson LOG.ndjson [SEED]

Writes N leads as score --method structured would for tests/data/feedback/icp.json
(client Brightbook): components title, industry, company_type, keywords in [0,1]
(two decimals), exclude (one lead in 25 knocked out, score 5), icp_score by the
untuned formula of docs/scoring.md. The reviewer judges every lead: good with
probability sigmoid(-4 + 1.5 title + 6 company_type), so company size counts far
more, and the keywords far less, than the untuned weights say. Seeded: the same
arguments give the same files.
"""
import json
import math
import random
import sys

n, icp_hash, recs_path, log_path = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 7)
with open(recs_path, "w") as recs, open(log_path, "w") as log:
    for i in range(n):
        t, ind, s, k = (round(rng.random(), 2) for _ in range(4))
        knocked = i % 25 == 24
        c = (0.4 * ind + 0.3 * s + 0.3 * k) / 1.0
        score = round(100 * t * (0.35 + 0.65 * c), 1)
        if knocked:
            score = min(score, 5.0)
        lid = "lead-%04d" % i
        rec = {"id": lid, "public_identifier": lid, "linkedin_url": "https://www.linkedin.com/in/%s/" % lid,
               "name": "Person %d" % i, "headline": "Finance at Company %d" % i,
               "current_job_titles": ["VP Finance"], "status": "qualified", "icp": "Brightbook",
               "icp_score": score, "tier": "A" if score >= 70 else "B" if score >= 50 else "C" if score >= 30 else "D",
               "score_version": "structured-3",
               "components": {"title": {"value": t, "lead": "VP Finance", "target": "VP Finance"},
                              "exclude": {"knocked_out": knocked, "value": 0.9 if knocked else 0.1,
                                          "lead": "VP Finance", "excluded": "Recruiter"},
                              "industry": {"value": ind, "lead": "Software", "target": "Software Development", "source": "classify"},
                              "company_type": {"value": s, "lead": "scaleup", "source": "classify", "signal": None},
                              "keywords": {"value": k, "found": [], "similar": []}}}
        recs.write(json.dumps(rec) + "\n")
        p = 1 / (1 + math.exp(-(-4 + 1.5 * t + 6 * s)))
        good = rng.random() < p
        log.write(json.dumps({"v": 1, "id": lid, "client": "Brightbook", "icp_hash": icp_hash,
                              "label": "good" if good else "bad", "note": "", "reviewer": "synth",
                              "time": "2026-11-30T10:00:00.000Z", "score_version": "structured-3",
                              "icp_score": score, "tier": rec["tier"], "explicit": True,
                              "via": "review-serve"}) + "\n")
