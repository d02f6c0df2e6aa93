#!/usr/bin/env python3
"""reviewers.py: feedback events from the labelled eval set, as a reviewer with given preferences would judge.

usage: reviewers.py [--limit N] [--people FILE] REVIEWER CLIENT ICP_HASH
(reads tests/data/eval beside this file)

Every (ICP, person) pair of tests/data/eval/labels.ndjson for CLIENT becomes
one event of the feedback log format (docs/feedback.md), in the labels'
order, judged by REVIEWER:
  rubric  good when the relevance is 2 or 3 (the rubric's "relevant")
  wide    good when the relevance is 1 or more: adjacent roles and the
          right title at the wrong organisation count (a wider net)
  sized   good when the relevance is 1 or more and the person's current
          employer has 51 to 1,000 staff (employeeCountRange in
          profiles.json): company size matters more than the title
The later held-out parts (splits "held-out-2" to "held-out-6", any split
named "held-out-N") are left out: they are measured once and never learnt from. --limit N keeps only the first N events; --people FILE (an Apify dataset
export, a JSON array) judges only the people in it. The judgments come
from the hand-written labels and the profiles' own data, never from lq's
scores.
"""
import json
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
ev = os.path.join(here, "..", "eval")


def staff(profiles):
    """Person id -> (start, end) of the current employer's employee count."""
    out = {}
    for p in profiles:
        pid = p.get("profileId") or p["publicIdentifier"]
        for pos in p.get("positions", []):
            if (pos.get("timePeriod") or {}).get("endDate"):
                continue
            r = (pos.get("company") or {}).get("employeeCountRange")
            if r:
                out[pid] = (r.get("start", 0), r.get("end"))
                break
    return out


def main():
    args, limit, only = sys.argv[1:], None, None
    while args and args[0].startswith("--"):
        if args[0] == "--limit":
            limit = int(args[1])
        elif args[0] == "--people":
            only = {p.get("profileId") or p["publicIdentifier"] for p in json.load(open(args[1]))}
        else:
            sys.exit("reviewers.py: unknown option " + args[0])
        args = args[2:]
    reviewer, client, icp_hash = args
    size = staff(json.load(open(os.path.join(ev, "profiles.json"))))

    def good(lab):
        rel = lab["relevance"]
        if reviewer == "rubric":
            return rel >= 2
        if reviewer == "wide":
            return rel >= 1
        if reviewer == "sized":
            s = size.get(lab["id"])
            return rel >= 1 and s is not None and s[0] >= 51 and s[1] is not None and s[1] <= 1000
        sys.exit("reviewers.py: unknown reviewer " + reviewer)

    n = 0
    for line in open(os.path.join(ev, "labels.ndjson")):
        lab = json.loads(line)
        # held-out-2, -3, -4 ... (docs/quality.md) are measured once, never learnt from
        if lab["icp"] != client or (only is not None and lab["id"] not in only) or \
                lab.get("split", "").startswith("held-out-"):
            continue
        n += 1
        if limit is not None and n > limit:
            break
        print(json.dumps({
            "v": 1, "id": lab["id"], "client": client, "icp_hash": icp_hash,
            "label": "good" if good(lab) else "bad", "note": "", "reviewer": reviewer,
            "time": "2026-11-30T09:%02d:%02d.000Z" % (n // 60 % 60, n % 60),
            "score_version": "structured-3", "icp_score": None, "tier": None,
            "explicit": True, "via": "review-serve"}, ensure_ascii=False))


main()
