#!/usr/bin/env python3
"""gen-leads.py N: N scored lead records (NDJSON) in the shape to-csv reads,
with a raw profile and hostile text, deterministic (seeded)."""
import json
import random
import sys

random.seed(20250101)
n = int(sys.argv[1])
titles = ["CFO", "Head of Finance", "VP Finance", "Controller", "Founder",
          "Software Engineer", "Recruiter", "Board member"]
headlines = ["=cmd|' /C calc'!A0", "CFO @ Acme, building things",
             "Finance leader\nfintech", "Hiring! \U0001F50E +44 20 7946",
             "Directeur financier \u00e0 Paris", "-5 years of \"experience\""]
surnames = ["M\u00fcller", "O'Brien", "Zo\u00eb \U0001F389", "Smith, Jr.", "\"Q\""]
out = sys.stdout
for i in range(n):
    r = {
        "id": "ACoAA%08d" % i,
        "linkedin_url": "https://www.linkedin.com/in/p%d/" % i,
        "public_identifier": "p%d" % i,
        "status": "qualified",
        "name": "Person%d %s" % (i, random.choice(surnames)),
        "headline": random.choice(headlines),
        "company": "Acme %d" % (i % 500),
        "location": "London, England, United Kingdom",
        "current_job_titles": random.sample(titles, random.randint(0, 2)),
        "profile": {
            "firstName": "Person%d" % i, "lastName": random.choice(surnames),
            "summary": "x" * random.randint(50, 400),
            "skills": ["Excel", "FP&A", "Fundraising"],
            "positions": [{"title": random.choice(titles), "companyName": "Acme",
                           "timePeriod": {"startDate": {"year": 2020}}}],
        },
        "industry": random.choice(["Fintech", "SaaS", "Banking", "Retail", "Other"]),
        "company_type": random.choice(["startup", "scaleup", "enterprise"]),
        "icp_score": random.randint(0, 100),
        "tier": random.choice("ABCD"),
        "match_reasoning": "Chief Financial Officer ~ CFO (0.91); Fintech; scaleup",
    }
    out.write(json.dumps(r, ensure_ascii=False) + "\n")
