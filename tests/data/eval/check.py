#!/usr/bin/env python3
"""check.py: the evaluation set is complete and well-formed.

usage: check.py [DIR]   (default: the directory of check.py) prints "ok - ..." / "not ok - ..." lines (TAP-like)
Checks: profiles.json is a JSON array of items in the Apify shape of
supreme_coder/linkedin-profile-scraper; ids are unique; profiles-sparse.json
is the same people without industry, head counts or employment types; every
ICP file has the ICP keys (keywords and exclusions may be empty); every
(ICP, profile) pair is judged exactly once, 0-3, with a reason and a split;
more than half of the people are held out, each ICP has at least 20
top-grade leads in the held-out part and relevant leads in the tune part,
and every kind of hard case is in both parts.
The second held-out part, split "held-out-2" (people_ho2.py), is apart:
its ICPs have every judgment there and its people every judgment there,
and nothing else is; the checks of the tune and held-out parts above count
neither; each of its ICPs has at least 20 top-grade leads and a spread of
lower grades.
The third held-out part, split "held-out-3" (people_ho3.py), is apart in
the same way and before held-out-2: its ICPs have every judgment there
(of held-out-2's people too) and its people every judgment there (for
held-out-2's ICPs too), and nothing else is; held-out-2's checks are made
without them, and the checks of the tune and held-out parts count neither;
each of its ICPs has at least 20 top-grade leads and a spread of lower
grades.
The fourth, split "held-out-4" (people_ho4.py), is apart in the same way
and before held-out-3: every judgment of its ICPs (of every earlier person)
and of its people (for every earlier ICP but the tune-only ones) is there,
and held-out-3's checks, and so on down, are made without them. The
fifth, split "held-out-5" (people_ho5.py), is apart in the same way and
before held-out-4, and the sixth, "held-out-6" (people_ho6.py), before
held-out-5; any later "held-out-N" (N >= 3) is taken the same way,
newest first.
Tune-only ICPs (gen.py, evalkit.TUNE2_ICPS) are apart too: an ICP whose
every judgment is in "tune"; it judges its own people, who are judged
for no other ICP, and every earlier person of the tune split, and no one
held out; each has at least 20 top-grade leads and every lower grade. The
checks above count neither those ICPs nor their people.
"""
import glob
import json
import os
import re
import sys

if len(sys.argv) > 2:
    sys.exit("usage: check.py [DIR]")
d = sys.argv[1] if len(sys.argv) == 2 else os.path.dirname(os.path.abspath(__file__))
failed = 0
n = 0


def check(cond, what):
    global failed, n
    n += 1
    print(("ok %d - " % n if cond else "not ok %d - " % n) + what)
    failed += not cond


def date_ok(x):
    return isinstance(x, dict) and isinstance(x.get("year"), int) and \
        1950 <= x["year"] <= 2030 and (("month" not in x) or 1 <= x["month"] <= 12)


profiles = json.load(open(os.path.join(d, "profiles.json"), encoding="utf-8"))
check(isinstance(profiles, list) and len(profiles) >= 450, "profiles.json is an array of >= 450 items (%d)" % len(profiles))
bad = []
for i, p in enumerate(profiles):
    where = "item %d (%s)" % (i, p.get("publicIdentifier"))
    for k in ("firstName", "lastName", "headline", "geoLocationName", "geoCountryName",
              "publicIdentifier", "profileId", "industryName"):
        if not isinstance(p.get(k), str) or not p[k]:
            bad.append("%s: %s" % (where, k))
    if not re.fullmatch(r"ACoAA[A-Za-z0-9_-]{34}", p.get("profileId", "")):
        bad.append("%s: profileId shape" % where)
    for k in ("summary", "jobTitle", "companyName"):
        if k in p and not isinstance(p[k], str):
            bad.append("%s: %s type" % (where, k))
    if "skills" in p and not (isinstance(p["skills"], list) and all(isinstance(s, str) for s in p["skills"])):
        bad.append("%s: skills" % where)
    if not isinstance(p.get("positions"), list) or not p["positions"]:
        bad.append("%s: positions" % where)
        continue
    for q in p["positions"]:
        if not isinstance(q.get("title"), str) or not isinstance(q.get("companyName"), str) \
                or not isinstance(q.get("company", {}).get("name"), str):
            bad.append("%s: position fields" % where)
        tp = q.get("timePeriod")
        if tp is not None and (not date_ok(tp.get("startDate")) or ("endDate" in tp and not date_ok(tp["endDate"]))):
            bad.append("%s: timePeriod" % where)
        r = q.get("company", {}).get("employeeCountRange")
        if r is not None and not isinstance(r.get("start"), int):
            bad.append("%s: employeeCountRange" % where)
check(not bad, "every item has the Apify fields with the right types" + (": " + "; ".join(bad[:5]) if bad else ""))
ids = [p["profileId"] for p in profiles]
slugs = [p["publicIdentifier"] for p in profiles]
check(len(set(ids)) == len(ids), "profileIds are unique")
check(len(set(slugs)) == len(slugs), "publicIdentifiers are unique")
check(any(re.fullmatch(r"\d+ yrs?( \d+ mos?)?", q.get("companyName", "")) for p in profiles for q in p["positions"]),
      "the set has scraper grouping rows (a duration in companyName)")
check(any(sum(1 for q in p["positions"] if "timePeriod" in q and "endDate" not in q["timePeriod"]) >= 3 for p in profiles),
      "the set has people with several concurrent current roles")
check(sum(1 for p in profiles if not p.get("summary")) >= 10, "the set has empty or missing summaries")
check(sum(1 for p in profiles if re.search(r"[^\x00-\u2fff]", p["headline"])) >= 5, "the set has emoji and CJK headlines")

SPARSE_DROP = {"industryName", "companyIndustry", "industry", "industries", "employeeCountRange",
               "employeeCount", "staffCount", "companySize", "employmentType"}


def without(x):
    if isinstance(x, dict):
        return {k: without(v) for k, v in x.items() if k not in SPARSE_DROP}
    if isinstance(x, list):
        return [without(v) for v in x]
    return x


def keys_in(x):
    if isinstance(x, dict):
        return set(x) | set().union(*(keys_in(v) for v in x.values()))
    if isinstance(x, list):
        return set().union(*(keys_in(v) for v in x)) if x else set()
    return set()


sparse = json.load(open(os.path.join(d, "profiles-sparse.json"), encoding="utf-8"))
check(isinstance(sparse, list) and len(sparse) == len(profiles) and
      [x["profileId"] for x in sparse] == [x["profileId"] for x in profiles],
      "profiles-sparse.json holds the same people in the same order")
check(not (keys_in(sparse) & SPARSE_DROP), "profiles-sparse.json has no industry, head count or employment type")
check(all(without(a) == b for a, b in zip(profiles, sparse)),
      "profiles-sparse.json differs from profiles.json only by those fields")
check(all(p.get("industryName") for p in profiles) and
      sum(1 for p in profiles for q in p["positions"] if "employeeCountRange" in q.get("company", {})) > len(profiles),
      "profiles.json (rich) has them")

icps = {}
for f in sorted(glob.glob(os.path.join(d, "icp-*.json"))):
    j = json.load(open(f, encoding="utf-8"))
    keys_ok = all(isinstance(j.get(k), list) and j[k] for k in
                  ("target_titles", "target_industries", "company_sizes")) and \
        all(isinstance(j.get(k), list) for k in ("target_keywords", "exclude_titles"))
    sizes_ok = set(j.get("company_sizes", [])) <= {"startup", "scaleup", "mid-market", "enterprise", "agency", "freelance"}
    check(isinstance(j.get("client"), str) and keys_ok and sizes_ok and isinstance(j.get("notes"), str),
          "%s has every ICP key and known company sizes" % os.path.basename(f))
    icps[j["client"]] = f
check(any(not json.load(open(f, encoding="utf-8"))["target_keywords"] and
          not json.load(open(f, encoding="utf-8"))["exclude_titles"] for f in icps.values()),
      "one ICP has neither keywords nor exclusions")

labels, dup, badl = {}, [], []
for ln, line in enumerate(open(os.path.join(d, "labels.ndjson"), encoding="utf-8"), 1):
    j = json.loads(line)
    k = (j["icp"], j["id"])
    if k in labels:
        dup.append(ln)
    labels[k] = j
    if j.get("relevance") not in (0, 1, 2, 3) or not isinstance(j.get("reason"), str) or len(j["reason"]) < 2 \
            or not re.fullmatch(r"tune|held-out(-[2-9]|-[1-9][0-9]+)?", str(j.get("split"))):
        badl.append(ln)
check(not dup, "no pair is judged twice" + (" (lines %s)" % dup[:5] if dup else ""))
check(not badl, "every judgment has relevance 0-3, a reason and a split" + (" (lines %s)" % badl[:5] if badl else ""))
# tune-only ICPs and their people (judged for those ICPs only)
tune2_icps = {c for c in icps if all(j["split"] == "tune" for (ci, _), j in labels.items() if ci == c)}
tune2_people = {i for i in ids if not any((c, i) in labels for c in set(icps) - tune2_icps)}
missing = [(c, i) for c in set(icps) - tune2_icps for i in ids if i not in tune2_people and (c, i) not in labels]
check(not missing, "every (ICP, profile) pair is judged (%d missing)" % len(missing))
stray = [k for k in labels if k[0] not in icps or k[1] not in set(ids)]
check(not stray, "no judgment names an unknown ICP or profile (%d)" % len(stray))
# The later held-out parts, newest first (held-out-6, held-out-5, held-out-4,
# then held-out-3: every split "held-out-N" with N >= 3 in the labels): a
# part's ICPs are those judged there only, its people those judged there for
# every other ICP, among the judgments the newer parts leave; every judgment
# of either is there, no other. The older parts are then checked without it.
HO2 = "held-out-2"
LATER_PARTS = tuple("held-out-%d" % n for n in sorted(
    {int(j["split"][9:]) for j in labels.values() if re.fullmatch(r"held-out-[0-9]+", j["split"])} - {2}, reverse=True))
part_icps, part_people, part_rest = {}, {}, {}
gone_icps, gone_people = set(), set()
for part in LATER_PARTS:
    view = {k: j for k, j in labels.items() if k[0] not in gone_icps and k[1] not in gone_people}
    p_icps = {c for c in set(icps) - tune2_icps - gone_icps
              if all(j["split"] == part for (ci, _), j in view.items() if ci == c)}
    p_people = {i for i in ids if i not in tune2_people and i not in gone_people and
                all(view[(c, i)]["split"] == part for c in set(icps) - p_icps - tune2_icps - gone_icps if (c, i) in view)}
    astray = [k for k, j in view.items() if k[0] not in tune2_icps and (j["split"] == part) != (k[0] in p_icps or k[1] in p_people)]
    check(p_icps and p_people and not astray,
          "%s holds every judgment of its %d ICPs and %d people, and no other (%d astray)"
          % (part, len(p_icps), len(p_people), len(astray)))
    part_icps[part], part_people[part], part_rest[part] = p_icps, p_people, view
    gone_icps |= p_icps
    gone_people |= p_people
# held-out-2, without the later parts' ICPs and people: its ICPs are those
# judged there only, its people those judged there for every other ICP.
rest = {k: j for k, j in labels.items() if k[0] not in gone_icps and k[1] not in gone_people}
ho2_icps = {c for c in set(icps) - tune2_icps - gone_icps if all(j["split"] == HO2 for (ci, _), j in rest.items() if ci == c)}
first_icps = set(icps) - ho2_icps - gone_icps - tune2_icps
ho2_people = {i for i in ids if i not in tune2_people and i not in gone_people and
              all(rest[(c, i)]["split"] == HO2 for c in first_icps if (c, i) in rest)}
check(6 <= len(first_icps) <= 8 and ho2_icps, "6 to 8 ICPs in tune and held-out (%d), more in held-out-2 only (%d)"
      % (len(first_icps), len(ho2_icps)))
stray2 = [k for k, j in rest.items() if k[0] not in tune2_icps and (j["split"] == HO2) != (k[0] in ho2_icps or k[1] in ho2_people)]
check(ho2_people and not stray2, "held-out-2 holds every judgment of its %d ICPs and %d people, and no other (%d astray)"
      % (len(ho2_icps), len(ho2_people), len(stray2)))
split_of = {}
for (c, i), j in labels.items():
    if j["split"] not in (HO2,) + LATER_PARTS and c not in tune2_icps:
        split_of.setdefault(i, set()).add(j["split"])
check(all(len(s) == 1 for s in split_of.values()), "a profile is in the same split for every ICP")
held = sum(1 for s in split_of.values() if "held-out" in s) / max(1, len(split_of))
check(0.5 <= held <= 0.75, "more than half of the profiles is held out (%.2f)" % held)
for part in LATER_PARTS:
    for c in sorted(part_icps[part]):
        grades = [j["relevance"] for (ci, _), j in part_rest[part].items() if ci == c]
        check(grades.count(3) >= 20 and all(grades.count(g) >= 3 for g in (0, 1, 2)),
              "%s: %s has >= 20 top-grade leads (%d) and >= 3 of each lower grade (%s)"
              % (c, part, grades.count(3), ", ".join("%d: %d" % (g, grades.count(g)) for g in (2, 1, 0))))
for c in sorted(ho2_icps):
    grades = [j["relevance"] for (ci, _), j in rest.items() if ci == c]
    check(grades.count(3) >= 20 and all(grades.count(g) >= 3 for g in (0, 1, 2)),
          "%s: held-out-2 has >= 20 top-grade leads (%d) and >= 3 of each lower grade (%s)"
          % (c, grades.count(3), ", ".join("%d: %d" % (g, grades.count(g)) for g in (2, 1, 0))))
for c in sorted(first_icps):
    top = sum(1 for (ci, _), j in labels.items() if ci == c and j["split"] == "held-out" and j["relevance"] == 3)
    check(top >= 20, "%s: held-out has >= 20 top-grade leads (%d)" % (c, top))
    npos = sum(1 for (ci, _), j in labels.items() if ci == c and j["split"] == "tune" and j["relevance"] >= 2)
    check(npos >= 5, "%s: tune has relevant leads (%d)" % (c, npos))
for c in sorted(tune2_icps):
    grades = [j["relevance"] for (ci, _), j in labels.items() if ci == c]
    judged = {i for (ci, i) in labels if ci == c}
    own = {i for i in tune2_people if (c, i) in labels}
    earlier = {i for i, s in split_of.items() if s == {"tune"}}
    check(judged == own | earlier and own,
          "%s (tune only): judges its %d people and the %d earlier people of the tune split, no one else"
          % (c, len(own), len(earlier)))
    check(grades.count(3) >= 20 and all(grades.count(g) >= 1 for g in (0, 1, 2)),
          "%s (tune only): >= 20 top-grade leads (%d) and every lower grade (%s)"
          % (c, grades.count(3), ", ".join("%d: %d" % (g, grades.count(g)) for g in (2, 1, 0))))
check(all(any((c, i) in labels for c in tune2_icps) for i in tune2_people),
      "every person outside the tune and held-out ICPs is judged for a tune-only ICP")
kinds = {}
for (c, _), j in labels.items():
    if "kind" in j and j["split"] not in (HO2,) + LATER_PARTS and c not in tune2_icps:
        kinds.setdefault(j["kind"], set()).add(j["split"])
want = {"compound", "side", "retired", "student", "search", "recruiter-hl", "vendor", "demand-planning",
        "lang", "bank", "agency", "ai-name"}
check(want <= set(kinds), "every kind of hard case is present (missing: %s)" % sorted(want - set(kinds)))
check(all(len(v) == 2 for v in kinds.values()),
      "every kind of hard case is in both parts (%s)" % sorted(k for k, v in kinds.items() if len(v) != 2))
sys.exit(1 if failed else 0)
