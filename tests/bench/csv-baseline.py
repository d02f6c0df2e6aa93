#!/usr/bin/env python3
"""csv-baseline.py: the Python baseline of the to-csv benchmark: json per
line, the developer's columns (to-csv --full), sorted by icp_score then
id, csv.writer. Industry "Other" and company type "unknown" are empty, as
to-csv writes them."""
import csv
import json
import sys

FIELDS = ["name", "linkedin_url", "headline", "company", "location",
          "current_job_titles", "industry", "company_type", "icp_score",
          "tier", "match_reasoning"]
HEADER = ["Name", "Profile URL", "Headline", "Company", "Location", "Job Title",
          "Industry", "Company Type", "ICP Score", "Tier", "Match Reasoning"]


UNKNOWN = {"industry": "Other", "company_type": "unknown"}


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
    i = r.get("id")
    row = [cell(r.get(f)) for f in FIELDS]
    for k, v in UNKNOWN.items():
        if row[FIELDS.index(k)] == v:
            row[FIELDS.index(k)] = ""
    rows.append((s is None, -(s or 0), i is None, (i or "").encode(), row))
rows.sort(key=lambda t: t[:4])
w = csv.writer(sys.stdout)
w.writerow(HEADER)
w.writerows(t[4] for t in rows)
