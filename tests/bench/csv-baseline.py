#!/usr/bin/env python3
"""csv-baseline.py: the Python baseline of the to-csv benchmark: json per
line, the default columns, sorted by icp_score (stable), csv.writer."""
import csv
import json
import sys

FIELDS = ["name", "linkedin_url", "headline", "company", "location",
          "current_job_titles", "industry", "company_type", "icp_score",
          "tier", "match_reasoning"]
HEADER = ["Name", "Profile URL", "Headline", "Company", "Location", "Job Title",
          "Industry", "Company Type", "ICP Score", "Tier", "Match Reasoning"]


def cell(v):
    if v is None:
        return ""
    if isinstance(v, list):
        return ", ".join(str(x) for x in v)
    return v


rows = []
for line in sys.stdin:
    r = json.loads(line)
    s = r.get("icp_score")
    rows.append((s is None, -(s or 0), [cell(r.get(f)) for f in FIELDS]))
rows.sort(key=lambda t: (t[0], t[1]))
w = csv.writer(sys.stdout)
w.writerow(HEADER)
w.writerows(t[2] for t in rows)
