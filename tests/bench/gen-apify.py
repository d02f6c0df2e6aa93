#!/usr/bin/env python3
"""gen-apify.py MODE N: N deterministic LinkedIn profiles shaped like the
supreme_coder Apify actor's items (docs: ../shared/reference/apis.md),
about 4 KB each as real ones are, written as
  items       the actor's dataset (JSONL), for `cache import`;
  discovered  the records extract-urls gives for them;
  embedded    the records score reads: scraped fields, the raw profile, a
              384-number unit embedding (%.7g, as embed writes) of the local
              model, and classify's labels.
Titles and companies repeat the way real followers' do (a few hundred
common titles, Zipf-like), with a long tail of unique ones."""
import json
import random
import sys

mode, n = sys.argv[1], int(sys.argv[2])
rnd = random.Random(16)
WORDS = ("finance payroll people operations growth strategy platform customer data "
         "engineering product marketing sales revenue analytics cloud security hiring "
         "culture leadership team scale startup enterprise software fintech banking "
         "retail health education logistics supply chain design research").split()
SENIORITY = ["", "Senior ", "Lead ", "Head of ", "VP ", "Director of ", "Chief ", "Junior "]
ROLES = ["Finance", "People", "Engineering", "Product", "Marketing", "Sales", "Operations",
         "HR", "Talent", "Payroll", "Data", "Design", "Customer Success", "Legal", "Growth"]
COMMON = ["CFO", "CEO", "Founder", "Co-Founder", "CTO", "Software Engineer", "Recruiter",
          "HR Director", "Head of People", "VP People", "Chief People Officer", "Controller",
          "Account Executive", "Product Manager", "Talent Acquisition Partner", "Consultant"]
TITLES = COMMON + [s + r for s in SENIORITY for r in ROLES]
INDUSTRIES = ["Computer Software", "Financial Services", "Banking", "Retail", "Hospitality",
              "Staffing and Recruiting", "Information Technology and Services", "Fintech"]
COMPANIES = ["Acme %d" % i for i in range(2000)]


def text(k):
    return " ".join(rnd.choice(WORDS) for _ in range(k)).capitalize() + "."


def title():
    r = rnd.random()
    if r < 0.9:
        return TITLES[min(int(rnd.paretovariate(1.2)) - 1, len(TITLES) - 1)]
    return "%s %s" % (rnd.choice(SENIORITY).strip() or "Principal", text(2)[:-1].title())


def item(i):
    slug = "p%d-x" % i
    cur = title()
    positions = [{"title": cur, "locationName": "London, England",
                  "description": text(rnd.randint(30, 70)), "employmentType": "Full-time",
                  "timePeriod": {"startDate": {"month": rnd.randint(1, 12), "year": rnd.randint(2015, 2024)}},
                  "company": {"name": rnd.choice(COMPANIES), "universalName": "acme",
                              "objectUrn": "urn:li:company:%d" % rnd.randint(1, 10**7),
                              "entityUrn": "urn:li:fs_miniCompany:%d" % rnd.randint(1, 10**7),
                              "employeeCountRange": {"start": 51, "end": 200},
                              "industries": [rnd.choice(INDUSTRIES)], "active": True, "showcase": False},
                  "companyName": rnd.choice(COMPANIES)}]
    for _ in range(rnd.randint(2, 4)):
        positions.append({"title": title(), "description": text(rnd.randint(20, 50)),
                          "timePeriod": {"startDate": {"year": rnd.randint(2005, 2014)},
                                         "endDate": {"year": rnd.randint(2014, 2020)}},
                          "company": {"name": rnd.choice(COMPANIES)}, "companyName": rnd.choice(COMPANIES)})
    return {
        "id": str(100000 + i), "profileId": "ACoAA%020d" % i, "firstName": "First%d" % i,
        "lastName": rnd.choice(["M\u00fcller", "O'Brien", "Smith", "Nakamura", "Garc\u00eda"]),
        "occupation": cur, "publicIdentifier": slug, "trackingId": "t%08x" % rnd.getrandbits(32),
        "pictureUrl": "https://media.licdn.com/dms/image/%08x/profile.jpg" % rnd.getrandbits(32),
        "countryCode": "gb", "geoUrn": "urn:li:fs_geo:%d" % rnd.randint(1, 10**8),
        "headline": "%s at %s | %s" % (cur, positions[0]["companyName"], text(6)),
        "summary": text(rnd.randint(60, 160)), "student": False,
        "industryName": rnd.choice(INDUSTRIES), "industryUrn": "urn:li:fs_industry:4",
        "geoLocationName": "London, England", "geoCountryName": "United Kingdom",
        "jobTitle": cur, "companyName": positions[0]["companyName"],
        "companyPublicId": "acme", "companyLinkedinUrl": "https://www.linkedin.com/company/acme",
        "following": False, "followable": True, "followersCount": rnd.randint(0, 5000),
        "connectionsCount": rnd.randint(0, 500), "connectionType": 3,
        "inputUrl": "https://www.linkedin.com/in/%s/" % slug,
        "positions": positions,
        "educations": [{"schoolName": "University %d" % rnd.randint(1, 300), "degreeName": "BSc",
                        "fieldOfStudy": rnd.choice(WORDS).title(),
                        "timePeriod": {"startDate": {"year": 2000}, "endDate": {"year": 2004}}}],
        "skills": [rnd.choice(WORDS).title() for _ in range(rnd.randint(10, 30))],
        "certifications": [], "courses": [], "honors": [],
        "languages": [{"name": "English"}], "volunteerExperiences": [],
    }


if mode == "embedded":
    import numpy as np
    rng = np.random.default_rng(16)
out = sys.stdout
for i in range(n):
    it = item(i)
    if mode == "items":
        out.write(json.dumps(it, ensure_ascii=False, separators=(",", ":")) + "\n")
        continue
    url = it["inputUrl"]
    rec = {"id": it["publicIdentifier"], "linkedin_url": url, "status": "discovered"}
    if mode == "embedded":
        v = rng.standard_normal(384).astype(np.float32)
        v /= np.linalg.norm(v)
        rec.update({"status": "enriched", "public_identifier": it["publicIdentifier"],
                    "name": it["firstName"] + " " + it["lastName"], "headline": it["headline"],
                    "company": it["companyName"], "location": it["geoLocationName"],
                    "current_job_titles": [it["jobTitle"]], "profile": it})
        line = json.dumps(rec, ensure_ascii=False, separators=(",", ":"))
        tail = {"embedding_model": "local:all-MiniLM-L6-v2",
                "industry": rnd.choice(["B2B software", "Financial technology", "Retail", "Other"]),
                "company_type": rnd.choice(["startup", "scaleup", "mid-market", "enterprise", "unknown"])}
        out.write(line[:-1] + ',"embedding":[' + ",".join("%.7g" % x for x in v) + "],"
                  + json.dumps(tail, separators=(",", ":"))[1:] + "\n")
        continue
    out.write(json.dumps(rec, separators=(",", ":")) + "\n")
