#!/usr/bin/env python3
"""Precision and recall of icp-extract against hand-written ICPs.

  python3 tests/icp_eval.py [--split dev|held-out|held-out-2|held-out-3|held-out-4|held-out-5]... [--json] [BIN_DIR] [DATA_DIR]

Every NAME.expected.json in DATA_DIR (default tests/data/calls) and in
DATA_DIR/held-out, DATA_DIR/held-out-2, DATA_DIR/held-out-3,
DATA_DIR/held-out-4 and DATA_DIR/held-out-5 is one case: the transcripts
in its "_calls" list (paths relative to the expected file), or else the
one transcript NAME.* beside it, go through
`calls FILES | icp-extract ARGS`
(ARGS from "_args"), and each criterion list of the ICP written is
compared with the expected one. A found value matches an expected one
when both are equal after case folding and squeezing punctuation; an
expected element may be a list of acceptable spellings (it matches once).
Keys starting with "_" other than the lists below are notes for people
("_phenomena", "_note"). "regions" ({"include": [...], "exclude": [...]},
given by the held-out-4 and held-out-5 files) is compared the same way,
list by list, in the cases that give it, and counted apart ("regions" in
the report and the JSON), so the criteria figures stay comparable with
cases that have none.

"_split" says which part a case belongs to: "dev" (the default: the calls
the rules were written beside), "held-out", "held-out-2", "held-out-3",
"held-out-4" or "held-out-5" (five sets written independently of the rules,
at different times by different writers, held-out-4 in German, French,
Spanish and Portuguese, held-out-5 in English, Italian and Dutch;
docs/icp-extract.md). A held-out case lives in the
directory of its split's name and says so, and a case there says it is of that split.
The parts are reported apart, never pooled: per case, per list and
micro-averaged precision and recall. While changing the rules, run --split
dev only (or --split dev --split held-out), so the held-out calls stay
unseen: the directories of the parts not asked for are not even listed. --json prints the counts as
one object.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys

KEYS = ["target_titles", "target_industries", "company_sizes", "target_keywords", "exclude_titles",
        "_exclude_industries", "_exclude_company_sizes"]
SPLITS = ["dev", "held-out", "held-out-2", "held-out-3", "held-out-4", "held-out-5"]
HELD = SPLITS[1:]  # each in the directory of its name under DATA_DIR
RKEYS = ["regions.include", "regions.exclude"]


def fold(s):
    return re.sub(r"[^a-z0-9&+]+", " ", s.lower()).strip()


def cases(data, only=None):
    """(expected path, split, transcript paths) of every case, sorted; with only, of those splits alone
    (the other directories are not even listed, so a held-out set stays unopened)."""
    out = []
    found = []
    if not only or "dev" in only:
        found = [(p, "dev") for p in glob.glob(os.path.join(data, "*.expected.json"))]
    for d in HELD:
        if not only or d in only:
            found += [(p, d) for p in glob.glob(os.path.join(data, d, "*.expected.json"))]
    for exp_path, dirsplit in sorted(found):
        here = os.path.dirname(exp_path)
        name = os.path.basename(exp_path)[:-len(".expected.json")]
        try:
            exp = json.load(open(exp_path, encoding="utf-8"))
        except ValueError as e:
            sys.exit("%s: not JSON: %s" % (exp_path, e))
        if not isinstance(exp, dict):
            sys.exit("%s: an expected ICP must be a JSON object" % exp_path)
        for k in KEYS:
            if k in exp:
                check_values(exp_path, k, exp[k], True)
        if "regions" in exp:
            regions_of(exp, exp_path, True)
        split = exp.get("_split", "dev")
        if split not in SPLITS:
            sys.exit("%s: _split must be one of %s" % (exp_path, ", ".join(SPLITS)))
        if split != dirsplit:
            s = split if split != "dev" else dirsplit
            sys.exit("%s: %s cases live in %s/ and say \"_split\": \"%s\"" % (exp_path, s, s, s))
        if "_calls" in exp:
            srcs = [os.path.join(here, c) for c in exp["_calls"]]
            missing = [s for s in srcs if not os.path.isfile(s)]
            if missing or not srcs:
                sys.exit("%s: _calls names missing transcripts: %s" % (exp_path, missing))
        else:
            srcs = [p for p in glob.glob(os.path.join(here, name + ".*")) if not p.endswith(".expected.json")]
            if len(srcs) != 1:
                sys.exit("%s: expected one transcript beside it" % exp_path)
        out.append((exp_path, name, split, exp, srcs))
    return out


def run_case(bindir, exp_path, exp, srcs):
    calls = subprocess.run([os.path.join(bindir, "calls"), "-q"] + srcs, capture_output=True)
    if calls.returncode != 0:
        sys.exit("%s: calls failed: %s" % (exp_path, calls.stderr.decode()))
    out = subprocess.run([os.path.join(bindir, "icp-extract"), "-q"] + exp.get("_args", []),
                         input=calls.stdout, capture_output=True)
    if out.returncode not in (0, 1):
        sys.exit("%s: icp-extract failed: %s" % (exp_path, out.stderr.decode()))
    where = exp_path + " (icp-extract's output)"
    try:
        got = json.loads(out.stdout)
    except ValueError as e:
        sys.exit("%s: not JSON: %s" % (where, e))
    if not isinstance(got, dict):
        sys.exit("%s: not a JSON object" % where)
    for k in KEYS:
        if k in got:
            check_values(where, k, got[k], False)
    return got


def check_values(where, key, v, alternatives):
    """Exit with a message naming where and key unless v is a list of strings
    (with alternatives, an element may also be a non-empty list of strings)."""
    if not isinstance(v, list):
        sys.exit("%s: %s must be an array, not %s" % (where, key, type(v).__name__))
    for i, e in enumerate(v):
        if isinstance(e, dict) and not alternatives and isinstance(e.get("value"), str):
            continue  # icp-extract's {"value": ..., "evidence": ...}
        alts = e if alternatives and isinstance(e, list) else [e]
        if not alts or not all(isinstance(a, str) for a in alts):
            sys.exit("%s: %s[%d] must be a string%s, not %s" % (
                where, key, i, " or a list of spellings" if alternatives else "", json.dumps(e)[:60]))


def regions_of(icp, where, alternatives=False):
    """An ICP's regions as {"regions.include": [...], "regions.exclude": [...]}
    (a plain array is the include list); a wrong shape exits naming where."""
    r = icp.get("regions") or {}
    if isinstance(r, list):
        r = {"include": r}
    if not isinstance(r, dict):
        sys.exit("%s: regions must be an object {\"include\": [...], \"exclude\": [...]} or an array, not %s"
                 % (where, type(r).__name__))
    out = {"regions.include": r.get("include", []), "regions.exclude": r.get("exclude", [])}
    for k, v in out.items():
        check_values(where, k, v, alternatives)
    return out


def compare(exp, got, per_key, keys=KEYS):
    tp = fp = fn = 0
    misses = []
    for k in keys:
        want = [[fold(a) for a in (e if isinstance(e, list) else [e])] for e in exp.get(k, [])]
        have = [fold(e["value"] if isinstance(e, dict) else e) for e in got.get(k, [])]
        used = [False] * len(want)
        for h in have:
            for i, alts in enumerate(want):
                if not used[i] and h in alts:
                    used[i] = True
                    tp += 1
                    per_key[k][0] += 1
                    break
            else:
                fp += 1
                per_key[k][1] += 1
                misses.append("+%s:%s" % (k, h))
        for i, u in enumerate(used):
            if not u:
                fn += 1
                per_key[k][2] += 1
                misses.append("-%s:%s" % (k, want[i][0]))
    return tp, fp, fn, misses


def pr(tp, fp, fn):
    return (tp / (tp + fp) if tp + fp else None, tp / (tp + fn) if tp + fn else None)


def fmt(x):
    return "n/a" if x is None else "%.2f" % x


def main():
    top = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description="precision and recall of icp-extract on the invented calls")
    ap.add_argument("--split", choices=SPLITS, action="append",
                    help="measure only this part (repeat for several); the other parts' files are not read")
    ap.add_argument("--json", action="store_true", help="print the counts as one JSON object")
    ap.add_argument("bindir", nargs="?", default=os.path.join(top, "bin"))
    ap.add_argument("data", nargs="?", default=os.path.join(top, "tests", "data", "calls"))
    a = ap.parse_args()
    result = {}
    every = cases(a.data, a.split)
    for split in SPLITS:
        if a.split and split not in a.split:
            continue
        todo = [c for c in every if c[2] == split]
        if not todo:
            continue
        per_key = {k: [0, 0, 0] for k in KEYS}
        per_region = {k: [0, 0, 0] for k in RKEYS}
        tp = fp = fn = 0
        rtp = rfp = rfn = rcases = 0
        rows = []
        for exp_path, name, _, exp, srcs in todo:
            got = run_case(a.bindir, exp_path, exp, srcs)
            ftp, ffp, ffn, misses = compare(exp, got, per_key)
            tp, fp, fn = tp + ftp, fp + ffp, fn + ffn
            row = {"case": name, "calls": len(srcs), "tp": ftp, "fp": ffp, "fn": ffn, "misses": misses}
            if "regions" in exp:
                gtp, gfp, gfn, gm = compare(regions_of(exp, exp_path, True), regions_of(got, exp_path + " (icp-extract's output)"),
                                           per_region, RKEYS)
                rtp, rfp, rfn, rcases = rtp + gtp, rfp + gfp, rfn + gfn, rcases + 1
                row["regions"] = {"tp": gtp, "fp": gfp, "fn": gfn, "misses": gm}
            rows.append(row)
        p, r = pr(tp, fp, fn)
        result[split] = {"cases": rows, "lists": {k: dict(zip(("tp", "fp", "fn"), v)) for k, v in per_key.items()},
                         "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r}
        if rcases:
            rp, rr = pr(rtp, rfp, rfn)
            result[split]["regions"] = {"cases": rcases, "tp": rtp, "fp": rfp, "fn": rfn, "precision": rp, "recall": rr,
                                        "lists": {k: dict(zip(("tp", "fp", "fn"), v)) for k, v in per_region.items()}}
    if a.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return
    for split, x in result.items():
        print("== %s (%d cases, %d calls)" % (split, len(x["cases"]), sum(c["calls"] for c in x["cases"])))
        for c in x["cases"]:
            print("%-24s tp %2d  fp %2d  fn %2d  %s" % (c["case"], c["tp"], c["fp"], c["fn"], " ".join(c["misses"])))
        for k in KEYS:
            v = x["lists"][k]
            print("  %-24s tp %2d  fp %2d  fn %2d" % (k, v["tp"], v["fp"], v["fn"]))
        print("%s: precision %s  recall %s  (tp %d, fp %d, fn %d)" %
              (split, fmt(x["precision"]), fmt(x["recall"]), x["tp"], x["fp"], x["fn"]))
        if "regions" in x:
            g = x["regions"]
            for c in x["cases"]:
                if "regions" in c:
                    print("%-24s regions tp %d  fp %d  fn %d  %s" % (c["case"], c["regions"]["tp"], c["regions"]["fp"],
                                                                    c["regions"]["fn"], " ".join(c["regions"]["misses"])))
            print("%s regions (%d cases, apart): precision %s  recall %s  (tp %d, fp %d, fn %d)" %
                  (split, g["cases"], fmt(g["precision"]), fmt(g["recall"]), g["tp"], g["fp"], g["fn"]))


if __name__ == "__main__":
    main()
